"""An edit that changes nothing never becomes an undo step (issue 8).

The rule is generic, in commands.push_operation: the operation is applied, and when its
inverse would restore nothing, nothing is recorded. Typing merged back to where it began
makes its step obsolete. Proven on the operations, then through the window like a user:
an arrow's label typed again with spaces around it (on the canvas and in the inspector),
a stage renamed to its own name, the project's title typed and erased.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from blueprint_studio.commands import push_operation, restores_nothing
from blueprint_studio.model import operations as ops

from canvas_helpers import sample_project


@pytest.fixture
def stack(qapp):
    stack = QUndoStack()
    yield stack
    stack.clear()


def test_an_update_to_the_values_held_is_no_step(stack):
    project = sample_project()
    service_map = project.maps[0]
    card = service_map.cards_in_reading_order()[0]
    arrow = next(a for a in service_map.connectors.values() if a.label == "then")
    assert push_operation(stack, project, ops.UpdateCard(service_map.id, card.id, {"text": card.text}), "x") is None
    assert push_operation(stack, project, ops.UpdateConnector(service_map.id, arrow.id, {"label": "then"}), "x") is None
    assert push_operation(stack, project, ops.UpdateProjectInfo({"title": project.info.title}), "x") is None
    assert push_operation(stack, project, ops.MoveStage(service_map.id, service_map.stages[1].id, 1), "x") is None
    both = ops.Batch([ops.UpdateMap(service_map.id, {"name": service_map.name}),
                      ops.UpdateStage(service_map.id, service_map.stages[0].id, {"width": None})])
    assert push_operation(stack, project, both, "x") is None
    assert stack.count() == 0


def test_a_real_change_is_one_step_and_a_batch_with_one_change_is_kept(stack):
    project = sample_project()
    service_map = project.maps[0]
    mixed = ops.Batch([ops.UpdateMap(service_map.id, {"name": service_map.name}),
                       ops.UpdateMap(service_map.id, {"description": "new"})])
    assert push_operation(stack, project, mixed, "x") is not None
    assert push_operation(stack, project, ops.MoveStage(service_map.id, service_map.stages[1].id, 0), "x")
    assert stack.count() == 2
    stack.undo()
    stack.undo()
    assert service_map.description == ""


def test_moves_inside_a_batch_count_as_changes_even_when_they_cancel_out(stack):
    """A move's place depends on its siblings: inside a Batch the rule keeps the step
    (a harmless extra step) rather than risk dropping one that changed something."""
    project = sample_project()
    service_map = project.maps[0]
    first, second = service_map.stages[0].id, service_map.stages[1].id
    there_and_back = ops.Batch([ops.MoveStage(service_map.id, first, 1), ops.MoveStage(service_map.id, second, 1)])
    inverse = there_and_back.apply(project)
    assert [s.id for s in service_map.stages[:2]] == [first, second]  # back where they were
    assert not restores_nothing(project, inverse)
    alone = ops.MoveStage(service_map.id, first, 0).apply(project)  # alone, a move is judged
    assert restores_nothing(project, alone)


def test_typing_merged_back_to_where_it_began_drops_its_step(stack):
    project = sample_project()
    title = project.info.title
    merge = {"merge_id": 7, "merge_key": ("title",)}
    push_operation(stack, project, ops.UpdateProjectInfo({"title": title + "!"}), "x", **merge)
    assert stack.count() == 1 and not stack.isClean()
    push_operation(stack, project, ops.UpdateProjectInfo({"title": title}), "x", **merge)
    assert stack.count() == 0 and stack.isClean() and project.info.title == title


# -- through the window ---------------------------------------------------------------------------

@pytest.fixture
def window(qapp, tmp_path, monkeypatch):
    from blueprint_studio.app.document import Document
    from blueprint_studio.app.main_window import MainWindow
    from blueprint_studio.app.settings import AppSettings
    from blueprint_studio.app.theme import apply_theme

    monkeypatch.setenv("BLUEPRINT_STUDIO_CONFIG_DIR", str(tmp_path / "config"))
    apply_theme(qapp)
    shown = MainWindow(AppSettings())
    shown.set_document(Document(sample_project(), recovery=shown.recovery))
    shown.resize(1280, 800)
    shown.show()
    shown.activateWindow()
    QApplication.processEvents()
    yield shown
    shown.hide()
    shown.teardown()
    shown.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _label_point(window, arrow_id: str):
    scene, view = window.map_area.current_scene(), window.map_area.current_view()
    scene.flush()
    view.centerOn(scene.connector_item(arrow_id).sceneBoundingRect().center())
    QApplication.processEvents()
    item = scene.connector_item(arrow_id)
    (x0, y0), (x1, y1) = max(zip(item.points, item.points[1:]),
                             key=lambda seg: abs(seg[1][0] - seg[0][0]) + abs(seg[1][1] - seg[0][1]))
    return view.mapFromScene(QPointF((x0 + x1) / 2, (y0 + y1) / 2))


@pytest.mark.parametrize("typed", ["then ", "  then", " then  "])
def test_a_whitespace_only_change_of_an_arrow_label_on_the_canvas_adds_no_step(window, typed):
    project = window.document.project
    service_map = project.maps[0]
    arrow = next(a for a in service_map.connectors.values() if a.label == "then")
    viewport = window.map_area.current_view().viewport()
    point = _label_point(window, arrow.id)
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert window.map_area.current_scene().editor() is not None
    QTest.keyClicks(viewport, typed)  # the label is selected: typing replaces it
    QTest.keyClick(viewport, Qt.Key.Key_Return)
    assert service_map.connectors[arrow.id].label == "then"
    assert window.document.undo_stack.count() == 0
    assert not window.actions["actionUndo"].isEnabled() and not window.isWindowModified()


def test_a_whitespace_only_change_of_an_arrow_label_in_the_inspector_adds_no_step(qtbot, window):
    service_map = window.document.project.maps[0]
    arrow = next(a for a in service_map.connectors.values() if a.label == "then")
    window.map_area.current_scene().select_connector(arrow.id)
    label = window.inspector.findChild(QWidget, "inspector_connector_label")
    assert label.text() == "then"
    label.setFocus()
    label.end(False)
    qtbot.keyClicks(label, "  ")
    qtbot.keyClick(label, Qt.Key.Key_Backspace)
    qtbot.keyClick(label, Qt.Key.Key_Backspace)  # typed and erased: back to where it began
    window.inspector.commit_pending()
    assert service_map.connectors[arrow.id].label == "then"
    assert window.document.undo_stack.count() == 0


def test_typing_the_title_and_erasing_it_again_leaves_no_step(qtbot, window):
    window.actions["actionShowOverview"].trigger()
    title = window.overview.findChild(QWidget, "overview_title")
    before = window.document.project.info.title
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, "X")
    window.session.commit_pending()  # a typing pause: one step
    assert window.document.undo_stack.count() == 1
    qtbot.keyClick(title, Qt.Key.Key_Backspace)
    window.session.commit_pending()  # the next pause merges back to the start
    assert window.document.project.info.title == before
    assert window.document.undo_stack.count() == 0 and not window.isWindowModified()


def test_renaming_a_map_in_the_list_to_its_own_name_adds_no_step(qtbot, window):
    project = window.document.project
    name = project.maps[0].name
    window.map_commands.rename_map_to(project.maps[0].id, name)
    assert window.document.undo_stack.count() == 0
    window.map_commands.rename_map_to(project.maps[0].id, name + " 2")
    assert window.document.undo_stack.count() == 1

"""Random sequences of edits through the window's inspector and actions undo back exactly."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget

from blueprint_studio.app.document import Document
from blueprint_studio.app.main_window import MainWindow
from blueprint_studio.app.settings import AppSettings
from blueprint_studio.interchange import project_from_dict, project_to_dict
from blueprint_studio.model.enums import CardKind
from blueprint_studio.templates import build_template

from strategies import hostile_text

EDITS = st.lists(st.one_of(
    st.tuples(st.just("card_text"), st.integers(0, 50), hostile_text),
    st.tuples(st.just("card_kind"), st.integers(0, 50), st.sampled_from(list(CardKind))),
    st.tuples(st.just("card_emotion"), st.integers(0, 50), st.integers(0, 5)),
    st.tuples(st.just("card_flag"), st.integers(0, 50), st.sampled_from(["moment_of_truth", "fail_point"])),
    st.tuples(st.just("card_wait"), st.integers(0, 50), st.integers(-5, 600)),
    st.tuples(st.just("palette"), st.integers(0, 50), st.sampled_from(list(CardKind))),
    st.tuples(st.just("action"), st.integers(0, 50),
              st.sampled_from(["actionAddStage", "actionAddLane", "actionDelete", "actionDuplicate"])),
    st.tuples(st.just("map_name"), st.integers(0, 50), hostile_text),
    st.tuples(st.just("info_title"), st.integers(0, 50), hostile_text),
), min_size=1, max_size=8)


def _snapshot(project):
    return project_from_dict(project_to_dict(project))


def _apply(window: MainWindow, edit) -> None:
    what, pick, value = edit
    scene = window.map_area.current_scene()
    service_map = window.document.project.map(scene.map_id)
    cards = service_map.cards_in_reading_order()
    inspector = window.inspector
    if what.startswith("card_") and cards:
        scene.select_card(cards[pick % len(cards)].id)
        if what == "card_text":
            editor = inspector.findChild(QWidget, "inspector_card_text")
            editor.setPlainText(value.replace("\x00", ""))
        elif what == "card_kind":
            combo = inspector.findChild(QWidget, "inspector_card_kind")
            combo.activated.emit(combo.findData(value))
        elif what == "card_emotion":
            inspector.findChild(QWidget, "inspector_card_emotion").activated.emit(value)
        elif what == "card_flag":
            inspector.findChild(QWidget, f"inspector_card_{value}").click()
        else:
            inspector.findChild(QWidget, "inspector_card_wait_minutes").setValue(value)
        inspector.commit_pending()
    elif what == "palette":
        if cards:
            scene.select_card(cards[pick % len(cards)].id)
        row = list(CardKind).index(value)
        window.workspace("blueprint").palette.kindClicked.emit(window.workspace("blueprint").palette.kind_at(row))
        scene.clearFocus()
    elif what == "action":
        if cards:
            scene.select_card(cards[pick % len(cards)].id)
        window.actions[value].trigger()
        for item in scene.items():  # finish an in-place rename the action started
            if hasattr(item, "clearFocus"):
                item.clearFocus()
    elif what == "map_name":
        scene.clearSelection()
        editor = inspector.findChild(QWidget, "inspector_map_name")
        editor.setText(value)
        editor.textEdited.emit(value)
        inspector.commit_pending()
    else:
        window.actions["actionShowOverview"].trigger()
        editor = window.overview.findChild(QWidget, "overview_title")
        editor.textEdited.emit(value)
        window.session.commit_pending()
        window.actions["actionShowMapWorkspace"].trigger()
    inspector.end_typing()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=EDITS)
def test_random_edits_through_the_window_undo_and_redo_exactly(qapp, tmp_path, monkeypatch, edits):
    monkeypatch.setenv("BLUEPRINT_STUDIO_CONFIG_DIR", str(tmp_path / "config"))
    window = MainWindow(AppSettings())
    try:
        window.set_document(Document(build_template("enterprise_training", "zh"), recovery=window.recovery))
        window.resize(1280, 800)
        window.show()
        project = window.document.project
        opened = _snapshot(project)
        for edit in edits:
            _apply(window, edit)
        QCoreApplication.processEvents()
        edited = _snapshot(project)
        stack = window.document.undo_stack
        while stack.canUndo():
            window.actions["actionUndo"].trigger()
        assert project == opened
        assert not window.isWindowModified()
        while stack.canRedo():
            window.actions["actionRedo"].trigger()
        assert project == edited
    finally:
        window.hide()
        window.teardown()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

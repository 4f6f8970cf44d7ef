"""Undo and redo show what they changed: the affected cards (or header) become the selection
and scroll into view, at the same zoom. Driven by real gestures on the viewport."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtWidgets import QApplication

from blueprint_studio.model import Card, CardKind
from blueprint_studio.model import operations as ops

from canvas_helpers import close_canvas, open_canvas, sample_project


def visible_scene_rect(canvas) -> QRectF:
    return canvas.view.mapToScene(canvas.view.viewport().rect()).boundingRect()


def fully_visible(canvas, card_id: str) -> bool:
    return visible_scene_rect(canvas).contains(canvas.scene.card_item(card_id).sceneBoundingRect())


def selected_ids(canvas) -> set[str]:
    return set(canvas.scene.selected_card_ids())


def tall_project():
    """The sample map with a long column of cards, so part of the map lies out of sight."""
    project = sample_project()
    service_map = project.maps[0]
    stage, lane = service_map.stages[2].id, service_map.lanes[1].id
    for order in range(1, 25):
        card = Card(stage, lane, order, f"Step {order} 步骤", CardKind.ACTION)
        service_map.cards[card.id] = card
    return project


def test_undo_of_a_drag_puts_the_cards_back_and_keeps_them_selected(qtbot):
    canvas = open_canvas(qtbot)
    try:
        first, second = canvas.cards_in(0, 1)
        canvas.click(canvas.card_centre(first))
        canvas.click(canvas.card_centre(second), Qt.KeyboardModifier.ControlModifier)
        canvas.drag(canvas.card_centre(first), canvas.cell_point(2, 3))
        moved = canvas.map.cards[first]
        assert (moved.stage_id, moved.lane_id) == (canvas.map.stages[2].id, canvas.map.lanes[3].id)
        canvas.scene.clearSelection()  # the user clicks elsewhere before undoing
        canvas.stack.undo()
        QApplication.processEvents()
        assert canvas.cards_in(0, 1) == [first, second]
        assert selected_ids(canvas) == {first, second}
        assert canvas.scene.current_entity() == ("card", first)
        canvas.stack.redo()
        QApplication.processEvents()
        assert set(canvas.cards_in(2, 3)) >= {first, second}
        assert selected_ids(canvas) == {first, second}
    finally:
        close_canvas(canvas)


def test_undo_scrolls_an_out_of_sight_edit_into_view_without_zooming(qtbot):
    canvas = open_canvas(qtbot, tall_project(), size=(900, 500))
    try:
        canvas.view.set_zoom(1.25)
        bottom = canvas.cards_in(2, 1)[-1]
        canvas.scene.select_card(bottom)
        canvas.view.focus_card(bottom)
        canvas.key(Qt.Key.Key_F2)
        canvas.keys("changed")
        canvas.key(Qt.Key.Key_Return)
        assert "changed" in canvas.map.cards[bottom].text
        canvas.view.scroll_to_origin()
        canvas.scene.select_card(canvas.cards_in(0, 1)[0])
        assert not fully_visible(canvas, bottom)
        canvas.stack.undo()
        QApplication.processEvents()
        assert "changed" not in canvas.map.cards[bottom].text
        assert selected_ids(canvas) == {bottom}
        assert fully_visible(canvas, bottom)
        assert canvas.view.zoom_factor() == 1.25
    finally:
        close_canvas(canvas)


def test_undo_of_a_delete_selects_the_returned_cards_but_not_their_renumbered_neighbours(qtbot):
    canvas = open_canvas(qtbot)
    try:
        first, second = canvas.cards_in(0, 1)
        canvas.click(canvas.card_centre(first))
        canvas.key(Qt.Key.Key_Delete)
        assert first not in canvas.map.cards and canvas.cards_in(0, 1) == [second]
        canvas.scene.clearSelection()
        canvas.stack.undo()
        QApplication.processEvents()
        assert canvas.cards_in(0, 1) == [first, second]
        assert selected_ids(canvas) == {first}  # the neighbour only moved down a place
        canvas.stack.redo()  # deleted again: nothing of it left to select
        QApplication.processEvents()
        assert selected_ids(canvas) == set()
    finally:
        close_canvas(canvas)


def test_redo_of_a_paste_selects_the_pasted_cards(qtbot):
    canvas = open_canvas(qtbot)
    try:
        first = canvas.cards_in(0, 1)[0]
        canvas.click(canvas.card_centre(first))
        canvas.scene.copy_selection()  # what Ctrl+C runs (a window action)
        before = set(canvas.map.cards)
        canvas.scene.paste()
        pasted = set(canvas.map.cards) - before
        assert len(pasted) == 1
        canvas.stack.undo()
        QApplication.processEvents()
        assert set(canvas.map.cards) == before
        canvas.click(canvas.card_centre(canvas.cards_in(1, 2)[0]))
        canvas.stack.redo()
        QApplication.processEvents()
        assert set(canvas.map.cards) - before == pasted and selected_ids(canvas) == pasted
    finally:
        close_canvas(canvas)


def test_undo_of_a_stage_rename_selects_that_header(qtbot):
    canvas = open_canvas(qtbot)
    try:
        stage = canvas.map.stages[1]
        canvas.scene.push(ops.UpdateStage(canvas.map.id, stage.id, {"name": "Apply 申请"}), "Rename")
        canvas.click(canvas.card_centre(canvas.cards_in(0, 1)[0]))
        canvas.stack.undo()
        QApplication.processEvents()
        assert canvas.map.stages[1].name != "Apply 申请"
        assert canvas.scene.stage_header(stage.id).isSelected()
        assert selected_ids(canvas) == set()
        assert canvas.scene.current_entity() == ("stage", stage.id)
    finally:
        close_canvas(canvas)


def test_a_plain_edit_does_not_move_the_selection(qtbot):
    """Only undo/redo replays pick a selection; the user's own edits keep theirs."""
    canvas = open_canvas(qtbot)
    try:
        first, second = canvas.cards_in(0, 1)
        canvas.scene.select_card(second)
        canvas.scene.push(ops.UpdateCard(canvas.map.id, first, {"text": "Elsewhere"}), "Edit")
        QApplication.processEvents()
        assert selected_ids(canvas) == {second}
    finally:
        close_canvas(canvas)


def test_undo_action_in_the_window_reveals_a_drag_undone_on_a_scrolled_map(qtbot, tmp_path, monkeypatch):
    """Through the window: drag a card, scroll away, Edit > Undo brings it back into sight."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from blueprint_studio.app.document import Document
    from blueprint_studio.app.main_window import MainWindow
    from blueprint_studio.app.settings import AppSettings

    monkeypatch.setenv("BLUEPRINT_STUDIO_CONFIG_DIR", str(tmp_path / "config"))
    window = MainWindow(AppSettings())
    window.set_document(Document(tall_project(), recovery=window.recovery))
    window.resize(1000, 640)
    window.show()
    qtbot.waitExposed(window)
    try:
        scene, view = window.map_area.current_scene(), window.map_area.current_view()
        service_map = window.document.project.maps[0]
        card_id = [c.id for c in service_map.cards_in_cell(service_map.stages[0].id,
                                                            service_map.lanes[1].id)][0]
        rect = scene.layout.cell_rect(service_map.stages[1].id, service_map.lanes[2].id)
        start = view.mapFromScene(scene.card_item(card_id).sceneBoundingRect().center())
        end = view.mapFromScene(QPointF(rect.x + rect.w / 2, rect.y + rect.h * 0.8))
        from canvas_helpers import Canvas
        canvas = Canvas(window.document.project, service_map, window.document.undo_stack, scene, view)
        canvas.drag(start, end)
        assert service_map.cards[card_id].stage_id == service_map.stages[1].id
        view.set_zoom(1.5)
        view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
        view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
        scene.clearSelection()
        assert not fully_visible(canvas, card_id)
        window.actions["actionUndo"].trigger()
        QApplication.processEvents()
        assert service_map.cards[card_id].stage_id == service_map.stages[0].id
        assert selected_ids(canvas) == {card_id} and fully_visible(canvas, card_id)
        assert view.zoom_factor() == 1.5
    finally:
        window.hide()
        window.teardown()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_undo_of_a_change_on_another_map_shows_that_map(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QCoreApplication, QEvent

    from blueprint_studio.app.document import Document
    from blueprint_studio.app.main_window import MainWindow
    from blueprint_studio.app.settings import AppSettings
    from blueprint_studio.model.factory import new_map

    monkeypatch.setenv("BLUEPRINT_STUDIO_CONFIG_DIR", str(tmp_path / "config"))
    project = sample_project()
    project.maps.append(new_map("Second 第二", ["One", "Two"]))
    window = MainWindow(AppSettings())
    window.set_document(Document(project, recovery=window.recovery))
    window.resize(1000, 640)
    window.show()
    qtbot.waitExposed(window)
    try:
        first_map = project.maps[0]
        scene = window.map_area.current_scene()
        assert scene.map_id == first_map.id
        card_id = first_map.cards_in_reading_order()[0].id
        scene.push(ops.UpdateCard(first_map.id, card_id, {"text": "Edited 已改"}), "Edit")
        window.map_area.show_map(project.maps[1].id)
        assert window.map_area.current_map_id() == project.maps[1].id
        window.actions["actionUndo"].trigger()
        QApplication.processEvents()
        assert first_map.cards[card_id].text != "Edited 已改"
        assert window.map_area.current_map_id() == first_map.id
        assert window.map_area.current_scene().selected_card_ids() == [card_id]
    finally:
        window.hide()
        window.teardown()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

"""Gestures are cancelled when the model changes under them.

Ctrl+Z while the mouse button is still down (a card dragged, a header dragged, a column
edge pulled) undoes the last step at once; the gesture then has nothing left to drop. The
release must raise nothing, push nothing (the redo stays available) and leave every item
where the model says. Real mouse and key events on the view, as a user makes them.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from canvas_helpers import close_canvas, open_canvas

CUSTOMER, FRONTSTAGE, BACKSTAGE = 1, 2, 3  # lane indexes of the standard lanes
LEFT = Qt.MouseButton.LeftButton
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def canvas(qtbot):
    c = open_canvas(qtbot)
    # Ctrl+Z / Ctrl+Shift+Z as the window binds them: actions on the undo stack.
    undo, redo = c.stack.createUndoAction(c.view), c.stack.createRedoAction(c.view)
    undo.setShortcuts(QKeySequence.StandardKey.Undo)
    redo.setShortcuts(QKeySequence.StandardKey.Redo)
    for action in (undo, redo):
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        c.view.addAction(action)
    c.actions = (undo, redo)
    yield c
    for action in c.actions:
        c.view.removeAction(action)
    close_canvas(c)


def _press_and_move(c, start: QPoint, end: QPoint, steps: int = 4) -> None:
    viewport = c.view.viewport()
    QTest.mousePress(viewport, LEFT, NO_MODIFIER, start)
    for i in range(1, steps + 1):
        QTest.mouseMove(viewport, start + (end - start) * (i / steps))
    QApplication.processEvents()


def _ctrl_z(c) -> None:
    QTest.keyClick(c.view.viewport(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()


def _release(c, end: QPoint, moves_after: int = 2) -> None:
    """Keep moving a little with the button down (the user does not freeze), then let go."""
    viewport = c.view.viewport()
    for i in range(1, moves_after + 1):
        QTest.mouseMove(viewport, end + QPoint(3 * i, 2 * i))
    QTest.mouseRelease(viewport, LEFT, NO_MODIFIER, end)
    QApplication.processEvents()


def _assert_drawn_as_the_model_says(c) -> None:
    """Every card item sits in the rectangle the layout gives its card in the model, and
    the scene holds no leftover feedback (drag markers, guides, drop targets)."""
    c.scene.flush()
    assert set(c.scene.card_items()) == set(c.map.cards)
    for card_id, item in c.scene.card_items().items():
        rect = c.scene.layout.card_rects[card_id]
        assert (item.x(), item.y()) == (rect.x, rect.y), card_id
    stages, lanes = c.scene.header_ids()
    assert set(stages) == {s.id for s in c.map.stages}
    assert set(lanes) == {lane.id for lane in c.map.lanes}
    for column in c.scene.layout.columns:  # headers in the model's order, at the model's widths
        header = c.scene.stage_header(column.stage_id)
        assert (header.x(), header.width()) == (column.x, column.width)
    for stage, column in zip(c.map.stages, c.scene.layout.columns):
        assert column.stage_id == stage.id
    assert not c.scene.is_interacting()


def _feedback_items(c) -> list:
    """Items on the scene that draw no entity of the model (markers, guides, bands)."""
    from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsRectItem
    return [item for item in c.scene.items() if isinstance(item, (QGraphicsRectItem, QGraphicsPathItem))]


# -- card drags ------------------------------------------------------------------------------

def test_undo_during_a_drag_of_the_card_it_adds_cancels_the_drag(canvas):
    """The defect: the card just added is dragged, Ctrl+Z takes it away, and the drop
    raised a KeyError (the model no longer knows the card)."""
    c = canvas
    stage, lane = c.map.stages[0].id, c.map.lanes[BACKSTAGE].id
    card_id = c.scene.add_card(stage, lane, text="Prints the badge")
    c.scene.finish_editing(True)
    assert c.stack.count() == 1
    start, end = c.card_centre(card_id), c.cell_point(2, FRONTSTAGE)
    _press_and_move(c, start, end)
    assert c.scene.is_interacting()
    _ctrl_z(c)
    assert card_id not in c.map.cards  # the undo happened, at once
    _release(c, end)
    assert c.stack.count() == 1 and c.stack.index() == 0  # nothing pushed: redo still there
    assert c.stack.canRedo()
    _assert_drawn_as_the_model_says(c)
    assert _feedback_items(c) == []
    c.stack.redo()
    assert c.map.cards[card_id].stage_id == stage
    _assert_drawn_as_the_model_says(c)


def test_undo_during_a_drag_of_a_moved_card_puts_it_where_the_model_says(canvas):
    """The card's own earlier move is undone mid-drag: the card goes back to its first
    cell, the release drops nothing (the redo survives)."""
    c = canvas
    card_id = c.cards_in(0, CUSTOMER)[0]
    home = (c.map.cards[card_id].stage_id, c.map.cards[card_id].lane_id)
    c.drag(c.card_centre(card_id), c.cell_point(1, BACKSTAGE))
    assert c.stack.count() == 1
    start, end = c.card_centre(card_id), c.cell_point(2, FRONTSTAGE)
    _press_and_move(c, start, end)
    _ctrl_z(c)
    _release(c, end)
    card = c.map.cards[card_id]
    assert (card.stage_id, card.lane_id) == home
    assert c.stack.count() == 1 and c.stack.index() == 0
    _assert_drawn_as_the_model_says(c)
    assert _feedback_items(c) == []


def test_undo_during_a_group_drag_removing_an_arrow_end_cancels_cleanly(canvas):
    """A pasted group (cards and the arrow between them) is dragged and its paste undone:
    the live re-routing of the group's arrows must not reach for arrows that are gone."""
    c = canvas
    first, second = c.cards_in(0, CUSTOMER)
    c.scene.set_card_selection([first, second])
    c.scene.duplicate_selection()
    copies = c.scene.selected_card_ids()
    assert len(copies) == 2 and c.stack.count() == 1
    c.scene.connect_cards(*copies)
    c.scene.set_card_selection(copies)
    # Released over the top lane's cell, which the undo leaves where it was.
    start, end = c.card_centre(copies[0]), c.cell_point(2, 0)
    _press_and_move(c, start, end)
    _ctrl_z(c)  # the arrow goes
    _ctrl_z(c)  # the copies go
    _release(c, end)
    assert not set(copies) & set(c.map.cards)
    assert c.stack.count() == 2 and c.stack.index() == 0
    _assert_drawn_as_the_model_says(c)


def test_redo_during_a_drag_cancels_it_too(canvas):
    c = canvas
    card_id = c.cards_in(0, CUSTOMER)[0]
    c.drag(c.card_centre(card_id), c.cell_point(1, BACKSTAGE))
    c.stack.undo()
    start, end = c.card_centre(card_id), c.cell_point(2, FRONTSTAGE)
    _press_and_move(c, start, end)
    QTest.keyClick(c.view.viewport(), Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    _release(c, end)
    assert c.map.cards[card_id].lane_id == c.map.lanes[BACKSTAGE].id  # the redo's cell
    assert c.stack.count() == 1 and c.stack.index() == 1
    _assert_drawn_as_the_model_says(c)


# -- header drags ----------------------------------------------------------------------------

def test_undo_during_a_drag_of_the_stage_header_it_adds_cancels_the_drag(canvas):
    c = canvas
    stage_id = c.scene.add_stage()
    c.scene.finish_editing(False)
    assert c.stack.count() == 1
    header = c.scene.stage_header(stage_id).sceneBoundingRect()
    first = c.scene.stage_header(c.map.stages[0].id).sceneBoundingRect()
    start = c.vp(header.center())
    end = c.vp(QPointF(first.left() + 10, first.center().y()))
    _press_and_move(c, start, end)
    _ctrl_z(c)
    assert not c.map.has_stage(stage_id)
    _release(c, end)
    assert c.stack.count() == 1 and c.stack.index() == 0
    _assert_drawn_as_the_model_says(c)
    assert _feedback_items(c) == []


def test_undo_during_a_stage_header_drag_leaves_the_order_the_model_has(canvas):
    c = canvas
    names = [s.name for s in c.map.stages]
    first = c.scene.stage_header(c.map.stages[0].id).sceneBoundingRect()
    last = c.scene.stage_header(c.map.stages[2].id).sceneBoundingRect()
    c.drag(c.vp(first.center()), c.vp(QPointF(last.right() - 10, last.center().y())))
    assert [s.name for s in c.map.stages] == [names[1], names[2], names[0]]
    # Now drag the first header to the end, and undo the first move on the way.
    first = c.scene.stage_header(c.map.stages[0].id).sceneBoundingRect()
    last = c.scene.stage_header(c.map.stages[2].id).sceneBoundingRect()
    start, end = c.vp(first.center()), c.vp(QPointF(last.right() - 10, last.center().y()))
    _press_and_move(c, start, end)
    _ctrl_z(c)
    _release(c, end)
    assert [s.name for s in c.map.stages] == names
    assert c.stack.count() == 1 and c.stack.index() == 0
    _assert_drawn_as_the_model_says(c)
    assert _feedback_items(c) == []


def test_undo_during_a_drag_of_the_lane_header_it_adds_cancels_the_drag(canvas):
    c = canvas
    lane_id = c.scene.add_lane()
    c.scene.finish_editing(False)
    assert c.stack.count() == 1
    header = c.scene.lane_header(lane_id).sceneBoundingRect()
    first = c.scene.lane_header(c.map.lanes[0].id).sceneBoundingRect()
    start = c.vp(header.center())
    end = c.vp(QPointF(first.center().x(), first.top() + 5))
    _press_and_move(c, start, end)
    _ctrl_z(c)
    assert not c.map.has_lane(lane_id)
    _release(c, end)
    assert c.stack.count() == 1 and c.stack.index() == 0
    _assert_drawn_as_the_model_says(c)
    assert _feedback_items(c) == []


# -- column resizes -------------------------------------------------------------------------

def test_undo_during_a_resize_of_the_column_it_adds_cancels_the_resize(canvas):
    c = canvas
    stage_id = c.scene.add_stage()
    c.scene.finish_editing(False)
    header = c.scene.stage_header(stage_id).sceneBoundingRect()
    edge = QPointF(header.right() - 2, header.center().y())
    start, end = c.vp(edge), c.vp(edge + QPointF(200, 0))
    _press_and_move(c, start, end)
    _ctrl_z(c)
    assert not c.map.has_stage(stage_id)
    _release(c, end)
    assert c.stack.count() == 1 and c.stack.index() == 0
    _assert_drawn_as_the_model_says(c)
    assert _feedback_items(c) == []


def test_undo_during_a_column_resize_keeps_the_width_the_model_has(canvas):
    c = canvas
    stage = c.map.stages[1]
    header = c.scene.stage_header(stage.id).sceneBoundingRect()
    edge = QPointF(header.right() - 2, header.center().y())
    c.drag(c.vp(edge), c.vp(edge + QPointF(150, 0)))
    assert stage.width is not None and c.stack.count() == 1
    header = c.scene.stage_header(stage.id).sceneBoundingRect()
    edge = QPointF(header.right() - 2, header.center().y())
    start, end = c.vp(edge), c.vp(edge + QPointF(120, 0))
    _press_and_move(c, start, end)
    _ctrl_z(c)
    _release(c, end)
    assert c.map.stages[1].width is None
    assert c.stack.count() == 1 and c.stack.index() == 0
    _assert_drawn_as_the_model_says(c)
    assert _feedback_items(c) == []


# -- the other gestures --------------------------------------------------------------------

def test_undo_during_a_connect_drag_from_the_card_it_removes(canvas):
    c = canvas
    stage, lane = c.map.stages[0].id, c.map.lanes[BACKSTAGE].id
    card_id = c.scene.add_card(stage, lane, text="Files the form")
    c.scene.finish_editing(True)
    item = c.scene.card_item(card_id)
    start = c.vp(item.mapToScene(item.handle_center()))
    target = c.cards_in(2, CUSTOMER)[0]
    end = c.card_centre(target)
    messages = []
    c.scene.statusMessage.connect(messages.append)
    _press_and_move(c, start, end)
    _ctrl_z(c)
    _release(c, end)
    assert messages == []  # no refused connection from a card that is gone
    assert c.stack.count() == 1 and c.stack.index() == 0
    assert all(card_id not in (a.source_id, a.target_id) for a in c.map.connectors.values())
    _assert_drawn_as_the_model_says(c)
    assert _feedback_items(c) == []


def test_undo_during_a_rubber_band_ends_the_band(canvas):
    c = canvas
    card_id = c.cards_in(0, CUSTOMER)[0]
    c.drag(c.card_centre(card_id), c.cell_point(1, BACKSTAGE))
    start, end = c.cell_point(0, BACKSTAGE, 0.05, 0.1), c.cell_point(2, BACKSTAGE, 0.95, 0.9)
    _press_and_move(c, start, end)
    _ctrl_z(c)
    _release(c, end)
    assert c.stack.index() == 0
    _assert_drawn_as_the_model_says(c)
    assert _feedback_items(c) == []


def test_an_edit_from_elsewhere_on_another_map_leaves_the_drag_alone(canvas):
    """Only changes to this scene's map cancel its gesture."""
    from blueprint_studio.model import operations as ops
    from blueprint_studio.model.factory import new_map
    c = canvas
    other = new_map("Elsewhere", ["One"])
    ops.AddMap(other).apply(c.project)
    card_id = c.cards_in(0, CUSTOMER)[0]
    start, end = c.card_centre(card_id), c.cell_point(2, BACKSTAGE)
    _press_and_move(c, start, end)
    ops.UpdateMap(other.id, {"name": "Renamed"}).apply(c.project)
    assert c.scene.is_interacting()
    QTest.mouseRelease(c.view.viewport(), LEFT, NO_MODIFIER, end)
    QApplication.processEvents()
    assert c.map.cards[card_id].lane_id == c.map.lanes[BACKSTAGE].id
    assert c.stack.count() == 1

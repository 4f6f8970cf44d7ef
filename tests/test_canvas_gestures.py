"""Gestures are cancelled when the model changes under them.

Ctrl+Z while the mouse button is still down (a card dragged, a header dragged, a column
edge pulled) undoes the last step at once; the gesture then has nothing left to drop. The
release must raise nothing, push nothing (the redo stays available) and leave every item
where the model says. Real mouse and key events on the view, as a user makes them.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsPathItem, QGraphicsRectItem

from blueprint_studio.model import operations as ops
from blueprint_studio.model.factory import new_map
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


def _undo_mid_gesture(c, start: QPoint, end: QPoint, undos: int = 1, steps: int = 4) -> None:
    """Press at `start`, move towards `end`, press Ctrl+Z `undos` times with the button still
    down, keep moving a little (the user does not freeze), then let go at `end`."""
    viewport = c.view.viewport()
    QTest.mousePress(viewport, LEFT, NO_MODIFIER, start)
    for i in range(1, steps + 1):
        QTest.mouseMove(viewport, start + (end - start) * (i / steps))
    QApplication.processEvents()
    assert c.scene.is_interacting()
    for _ in range(undos):
        _ctrl_z(c)
    for i in (1, 2):
        QTest.mouseMove(viewport, end + QPoint(3 * i, 2 * i))
    QTest.mouseRelease(viewport, LEFT, NO_MODIFIER, end)
    QApplication.processEvents()


def _ctrl_z(c, redo: bool = False) -> None:
    shift = Qt.KeyboardModifier.ShiftModifier if redo else NO_MODIFIER
    QTest.keyClick(c.view.viewport(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | shift)
    QApplication.processEvents()


def _assert_cancelled_cleanly(c, steps: int, index: int = 0) -> None:
    """Nothing pushed (the stack as the undo left it: redo still there), every item where the
    model says, and no leftover feedback (drag markers, guides, bands, dashed lines)."""
    assert (c.stack.count(), c.stack.index()) == (steps, index)
    c.scene.flush()
    assert not c.scene.is_interacting()
    assert set(c.scene.card_items()) == set(c.map.cards)
    for card_id, item in c.scene.card_items().items():
        rect = c.scene.layout.card_rects[card_id]
        assert (item.x(), item.y()) == (rect.x, rect.y), card_id
    stages, lanes = c.scene.header_ids()
    assert set(stages) == {s.id for s in c.map.stages}
    assert set(lanes) == {lane.id for lane in c.map.lanes}
    assert [column.stage_id for column in c.scene.layout.columns] == [s.id for s in c.map.stages]
    for column in c.scene.layout.columns:  # headers at the model's places and widths
        header = c.scene.stage_header(column.stage_id)
        assert (header.x(), header.width()) == (column.x, column.width)
    feedback = [item for item in c.scene.items() if isinstance(item, (QGraphicsRectItem, QGraphicsPathItem))]
    assert feedback == []


def _new_stage(c) -> str:
    stage_id = c.scene.add_stage()
    c.scene.finish_editing(False)
    return stage_id


def _stage_edge(c, stage_id: str) -> QPointF:
    header = c.scene.stage_header(stage_id).sceneBoundingRect()
    return QPointF(header.right() - 2, header.center().y())


def _stage_header_ends(c) -> tuple[QPoint, QPoint]:
    """The first stage header's centre and a point at the end of the last one."""
    first = c.scene.stage_header(c.map.stages[0].id).sceneBoundingRect()
    last = c.scene.stage_header(c.map.stages[-1].id).sceneBoundingRect()
    return c.vp(first.center()), c.vp(QPointF(last.right() - 10, last.center().y()))


# -- card drags ------------------------------------------------------------------------------

def test_undo_during_a_drag_of_the_card_it_adds_cancels_the_drag(canvas):
    """The defect: the card just added is dragged, Ctrl+Z takes it away, and the drop
    raised a KeyError (the model no longer knows the card)."""
    c = canvas
    stage, lane = c.map.stages[0].id, c.map.lanes[BACKSTAGE].id
    card_id = c.scene.add_card(stage, lane, text="Prints the badge")
    c.scene.finish_editing(True)
    _undo_mid_gesture(c, c.card_centre(card_id), c.cell_point(2, FRONTSTAGE))
    assert card_id not in c.map.cards  # the undo happened
    _assert_cancelled_cleanly(c, steps=1)
    c.stack.redo()
    assert c.map.cards[card_id].stage_id == stage
    _assert_cancelled_cleanly(c, steps=1, index=1)


def test_undo_during_a_drag_of_a_moved_card_puts_it_where_the_model_says(canvas):
    """The card's own earlier move is undone mid-drag: the card goes back to its first
    cell, the release drops nothing (before the fix it pushed a move and lost the redo)."""
    c = canvas
    card_id = c.cards_in(0, CUSTOMER)[0]
    home = (c.map.cards[card_id].stage_id, c.map.cards[card_id].lane_id)
    c.drag(c.card_centre(card_id), c.cell_point(1, BACKSTAGE))
    _undo_mid_gesture(c, c.card_centre(card_id), c.cell_point(2, FRONTSTAGE))
    card = c.map.cards[card_id]
    assert (card.stage_id, card.lane_id) == home
    _assert_cancelled_cleanly(c, steps=1)


def test_undo_during_a_group_drag_removing_an_arrow_end_cancels_cleanly(canvas):
    """A duplicated group with an arrow between its cards is dragged, and the arrow and the
    duplicate are undone: the drop must not reach for cards or arrows that are gone."""
    c = canvas
    c.scene.set_card_selection(c.cards_in(0, CUSTOMER))
    c.scene.duplicate_selection()
    copies = c.scene.selected_card_ids()
    c.scene.connect_cards(*copies)
    c.scene.set_card_selection(copies)
    # Released over the top lane's cell, which the undo leaves where it was.
    _undo_mid_gesture(c, c.card_centre(copies[0]), c.cell_point(2, 0), undos=2)
    assert not set(copies) & set(c.map.cards)
    _assert_cancelled_cleanly(c, steps=2)


def test_redo_during_a_drag_cancels_it_too(canvas):
    c = canvas
    card_id = c.cards_in(0, CUSTOMER)[0]
    c.drag(c.card_centre(card_id), c.cell_point(1, BACKSTAGE))
    c.stack.undo()
    start, end = c.card_centre(card_id), c.cell_point(2, FRONTSTAGE)
    viewport = c.view.viewport()
    QTest.mousePress(viewport, LEFT, NO_MODIFIER, start)
    QTest.mouseMove(viewport, (start + end) / 2)
    QTest.mouseMove(viewport, end)
    _ctrl_z(c, redo=True)
    QTest.mouseRelease(viewport, LEFT, NO_MODIFIER, end)
    assert c.map.cards[card_id].lane_id == c.map.lanes[BACKSTAGE].id  # the redo's cell
    _assert_cancelled_cleanly(c, steps=1, index=1)


# -- header drags ----------------------------------------------------------------------------

def test_undo_during_a_drag_of_the_stage_header_it_adds_cancels_the_drag(canvas):
    """Before the fix the release touched the removed header: a segmentation fault."""
    c = canvas
    stage_id = _new_stage(c)
    start = c.vp(c.scene.stage_header(stage_id).sceneBoundingRect().center())
    _undo_mid_gesture(c, start, _stage_header_ends(c)[0])
    assert not c.map.has_stage(stage_id)
    _assert_cancelled_cleanly(c, steps=1)


def test_undo_during_a_stage_header_drag_leaves_the_order_the_model_has(canvas):
    c = canvas
    names = [s.name for s in c.map.stages]
    c.drag(*_stage_header_ends(c))
    assert [s.name for s in c.map.stages] == [names[1], names[2], names[0]]
    _undo_mid_gesture(c, *_stage_header_ends(c))  # the first header to the end again, undone on the way
    assert [s.name for s in c.map.stages] == names
    _assert_cancelled_cleanly(c, steps=1)


def test_undo_during_a_drag_of_the_lane_header_it_adds_cancels_the_drag(canvas):
    c = canvas
    lane_id = c.scene.add_lane()
    c.scene.finish_editing(False)
    header = c.scene.lane_header(lane_id).sceneBoundingRect()
    first = c.scene.lane_header(c.map.lanes[0].id).sceneBoundingRect()
    _undo_mid_gesture(c, c.vp(header.center()), c.vp(QPointF(first.center().x(), first.top() + 5)))
    assert not c.map.has_lane(lane_id)
    _assert_cancelled_cleanly(c, steps=1)


# -- column resizes -------------------------------------------------------------------------

def test_undo_during_a_resize_of_the_column_it_adds_cancels_the_resize(canvas):
    """Before the fix the release raised ModelError: there is no such stage any more."""
    c = canvas
    stage_id = _new_stage(c)
    edge = _stage_edge(c, stage_id)
    _undo_mid_gesture(c, c.vp(edge), c.vp(edge + QPointF(200, 0)))
    assert not c.map.has_stage(stage_id)
    _assert_cancelled_cleanly(c, steps=1)


def test_undo_during_a_column_resize_keeps_the_width_the_model_has(canvas):
    c = canvas
    stage = c.map.stages[1]
    edge = _stage_edge(c, stage.id)
    c.drag(c.vp(edge), c.vp(edge + QPointF(150, 0)))
    assert stage.width is not None
    edge = _stage_edge(c, stage.id)
    _undo_mid_gesture(c, c.vp(edge), c.vp(edge + QPointF(120, 0)))
    assert c.map.stages[1].width is None
    _assert_cancelled_cleanly(c, steps=1)


# -- the other gestures --------------------------------------------------------------------

def test_undo_during_a_connect_drag_from_the_card_it_removes(canvas):
    c = canvas
    card_id = c.scene.add_card(c.map.stages[0].id, c.map.lanes[BACKSTAGE].id, text="Files the form")
    c.scene.finish_editing(True)
    item = c.scene.card_item(card_id)
    messages = []
    c.scene.statusMessage.connect(messages.append)
    _undo_mid_gesture(c, c.vp(item.mapToScene(item.handle_center())), c.card_centre(c.cards_in(2, CUSTOMER)[0]))
    assert messages == []  # no refused connection from a card that is gone
    assert all(card_id not in (a.source_id, a.target_id) for a in c.map.connectors.values())
    _assert_cancelled_cleanly(c, steps=1)


def test_undo_during_a_rubber_band_ends_the_band(canvas):
    c = canvas
    card_id = c.cards_in(0, CUSTOMER)[0]
    c.drag(c.card_centre(card_id), c.cell_point(1, BACKSTAGE))
    _undo_mid_gesture(c, c.cell_point(0, BACKSTAGE, 0.05, 0.1), c.cell_point(2, BACKSTAGE, 0.95, 0.9))
    _assert_cancelled_cleanly(c, steps=1)


def test_an_edit_on_another_map_leaves_the_drag_alone(canvas):
    """Only changes to this scene's map cancel its gesture."""
    c = canvas
    other = new_map("Elsewhere", ["One"])
    ops.AddMap(other).apply(c.project)
    card_id = c.cards_in(0, CUSTOMER)[0]
    start, end = c.card_centre(card_id), c.cell_point(2, BACKSTAGE)
    viewport = c.view.viewport()
    QTest.mousePress(viewport, LEFT, NO_MODIFIER, start)
    QTest.mouseMove(viewport, (start + end) / 2)
    QTest.mouseMove(viewport, end)
    ops.UpdateMap(other.id, {"name": "Renamed"}).apply(c.project)
    assert c.scene.is_interacting()
    QTest.mouseRelease(viewport, LEFT, NO_MODIFIER, end)
    assert c.map.cards[card_id].lane_id == c.map.lanes[BACKSTAGE].id
    assert c.stack.count() == 1

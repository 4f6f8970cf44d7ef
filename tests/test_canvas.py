"""The canvas as a user meets it: real mouse and key events on the view's viewport."""

from __future__ import annotations

import copy

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from blueprint_studio.canvas import CARD_KIND_MIME, CARDS_MIME
from blueprint_studio.model import CardKind, Connector, LaneKind
from blueprint_studio.model import operations as ops
from blueprint_studio.model.validate import check_project
from canvas_helpers import close_canvas, open_canvas, sample_project

CUSTOMER, FRONTSTAGE, BACKSTAGE = 1, 2, 3  # lane indexes of the standard lanes


@pytest.fixture
def canvas(qtbot):
    c = open_canvas(qtbot)
    yield c
    close_canvas(c)


def _assert_items_match_model(c) -> None:
    c.scene.flush()
    assert set(c.scene.card_items()) == set(c.map.cards)
    assert set(c.scene.connector_items()) == set(c.map.connectors)
    stages, lanes = c.scene.header_ids()
    assert set(stages) == {s.id for s in c.map.stages}
    assert set(lanes) == {lane.id for lane in c.map.lanes}
    check_project(c.project)


def test_open_draws_every_card_arrow_and_header(canvas):
    _assert_items_match_model(canvas)
    assert canvas.scene.counts() == {"stages": 3, "lanes": 5, "cards": 5, "connectors": 2}
    rects = [canvas.scene.card_item(cid).sceneBoundingRect() for cid in canvas.map.cards]
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            assert not a.adjusted(2, 2, -2, -2).intersects(b.adjusted(2, 2, -2, -2)), "cards overlap"


def test_drag_card_to_another_cell_is_one_undo_step(canvas):
    c = canvas
    card_id = c.cards_in(0, CUSTOMER)[0]
    before = copy.deepcopy(c.map)
    c.drag(c.card_centre(card_id), c.cell_point(2, BACKSTAGE))
    card = c.map.cards[card_id]
    assert (card.stage_id, card.lane_id) == (c.map.stages[2].id, c.map.lanes[BACKSTAGE].id)
    assert c.stack.count() == 1
    # The card item snapped into its new cell, and its arrows followed.
    cell = c.scene.layout.cell_rect(card.stage_id, card.lane_id)
    item = c.scene.card_item(card_id)
    assert cell.contains(item.x() + 1, item.y() + 1)
    arrow = next(a for a in c.map.connectors.values() if a.source_id == card_id)
    start = c.scene.connector_item(arrow.id).points[0]
    assert item.sceneBoundingRect().adjusted(-1, -1, 1, 1).contains(QPointF(*start))
    c.stack.undo()
    assert c.map == before
    c.stack.redo()
    assert c.map.cards[card_id].lane_id == c.map.lanes[BACKSTAGE].id
    _assert_items_match_model(c)


def test_drag_reorders_within_a_cell(canvas):
    c = canvas
    first, second = c.cards_in(0, CUSTOMER)
    below_second = c.scene.card_item(second).sceneBoundingRect().bottomLeft() + QPointF(40, 8)
    c.drag(c.card_centre(first), c.vp(below_second))
    assert c.cards_in(0, CUSTOMER) == [second, first]
    assert c.stack.count() == 1


def test_drop_outside_the_grid_snaps_back_without_an_undo_step(canvas):
    c = canvas
    card_id = c.cards_in(0, CUSTOMER)[0]
    home = c.scene.card_item(card_id).pos()
    c.drag(c.card_centre(card_id), c.vp(QPointF(c.scene.layout.width + 15, 300)))
    assert c.stack.count() == 0
    assert c.scene.card_item(card_id).pos() == home


def test_a_refused_drag_puts_the_cards_and_their_arrows_back_as_routed(canvas):
    """snap_back re-routes only the arrows of cards that moved: after a drop outside the grid
    and a drop back into the card's own place, every arrow has its routed shape again."""
    c = canvas
    card_id = c.cards_in(0, CUSTOMER)[0]
    routed = {cid: list(item.points) for cid, item in c.scene.connector_items().items()}
    assert any(c.scene.connector_item(a).source_id == card_id for a in routed)
    for end in (c.vp(QPointF(c.scene.layout.width + 15, 300)), c.card_centre(card_id)):
        c.drag(c.card_centre(card_id), end + QPoint(0, 1))
        assert c.stack.count() == 0
        assert {cid: item.points for cid, item in c.scene.connector_items().items()} == routed


def test_the_cursor_says_what_a_press_would_do_on_cards_and_stage_headers(canvas):
    """Hovering sets the cursor only when it changes; it must still change at the handle
    and at a stage header's resize edge, and change back."""
    c = canvas
    item = c.scene.card_item(c.cards_in(0, CUSTOMER)[0])
    header = c.scene.stage_header(c.map.stages[0].id)
    inside_card = item.mapToScene(QPointF(30, item.rect().h / 2))
    on_handle = item.mapToScene(item.handle_center())
    inside_header = header.mapToScene(QPointF(30, 20))
    on_edge = header.mapToScene(QPointF(header.width() - 2, 20))
    for point, target, shape in ((inside_card, item, Qt.CursorShape.ArrowCursor),
                                 (on_handle, item, Qt.CursorShape.CrossCursor),
                                 (on_handle + QPointF(1, 1), item, Qt.CursorShape.CrossCursor),
                                 (inside_card, item, Qt.CursorShape.ArrowCursor),
                                 (inside_header, header, Qt.CursorShape.OpenHandCursor),
                                 (on_edge, header, Qt.CursorShape.SizeHorCursor),
                                 (inside_header, header, Qt.CursorShape.OpenHandCursor)):
        QTest.mouseMove(c.view.viewport(), c.vp(point))
        QApplication.processEvents()
        assert target.cursor().shape() == shape, (point, shape)


def test_deleting_selected_cards_tells_the_inspector_once(canvas):
    """Removing selected items used to update the inspector once per item (a walk of the whole
    selection each time); now once, after the step, and it still ends on the map."""
    c = canvas
    seen = []
    c.scene.entitySelected.connect(lambda kind, ident: seen.append((kind, ident)))
    doomed = c.cards_in(0, CUSTOMER) + c.cards_in(1, CUSTOMER)
    c.scene.set_card_selection(doomed)
    seen.clear()
    c.key(Qt.Key.Key_Delete)
    assert not set(doomed) & set(c.map.cards)
    assert seen == [("map", c.map.id)]
    assert c.scene.current_entity() == ("map", c.map.id)
    # An undo brings them back selected; a redo deletes them again and leaves the map.
    c.stack.undo()
    assert set(c.scene.selected_card_ids()) == set(doomed)
    assert c.scene.current_entity()[0] == "card"
    c.stack.redo()
    assert c.scene.current_entity() == ("map", c.map.id)


def test_drag_from_handle_onto_card_connects_them(canvas):
    c = canvas
    source = c.cards_in(2, CUSTOMER)[0]
    target = c.cards_in(1, FRONTSTAGE)[0]
    item = c.scene.card_item(source)
    handle = c.vp(item.mapToScene(item.handle_center()))
    c.drag(handle, c.card_centre(target))
    joined = [a for a in c.map.connectors.values() if (a.source_id, a.target_id) == (source, target)]
    assert len(joined) == 1
    assert c.scene.current_entity() == ("connector", joined[0].id)
    # Connecting the same pair again is refused with a message, not recorded.
    messages = []
    c.scene.statusMessage.connect(messages.append)
    c.drag(handle, c.card_centre(target))
    assert c.stack.count() == 1 and messages
    c.stack.undo()
    assert not any(a.source_id == source and a.target_id == target for a in c.map.connectors.values())
    _assert_items_match_model(c)


def test_arrowheads_read_from_the_back_row(canvas):
    """At fit-to-window zoom on a 1280×720 projector the 10-unit heads shrank to ~6 px and the
    direction of the short arrows into a card was hard to tell. Heads are now at least 8 px on
    screen there, and each one touches its target card."""
    c = canvas
    c.view.resize(960, 560)  # the canvas's share of a 1280×720 window
    c.view.zoom_to_fit()
    zoom = c.view.transform().m11()
    for connector_id, connector in c.map.connectors.items():
        head = c.scene.connector_item(connector_id).head().boundingRect()
        assert max(head.width(), head.height()) * zoom >= 8, (zoom, head)
        assert min(head.width(), head.height()) * zoom >= 7, (zoom, head)
        target = c.scene.card_item(connector.target_id).sceneBoundingRect().adjusted(-1, -1, 1, 1)
        assert target.intersects(head)
    # Between two cards stacked in one cell the head fits the gap instead of hiding under the
    # source card.
    first, second = c.cards_in(0, CUSTOMER)
    c.scene.push(ops.AddConnector(c.map.id, Connector(first, second)), "connect")
    c.scene.flush()
    (stacked,) = [i for i, a in c.map.connectors.items() if (a.source_id, a.target_id) == (first, second)]
    head = c.scene.connector_item(stacked).head().boundingRect()
    source = c.scene.layout.card_rects[first]
    assert head.top() >= source.bottom - 0.5, (head, source.bottom)


def test_palette_drop_adds_card_of_that_kind_and_starts_editing(canvas):
    c = canvas
    mime = QMimeData()
    mime.setData(CARD_KIND_MIME, b"pain_point")
    point = c.cell_point(1, BACKSTAGE)
    viewport = c.view.viewport()
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(point, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(point, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted()
    drop = QDropEvent(QPointF(point), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, drop)
    cards = c.cards_in(1, BACKSTAGE)
    assert len(cards) == 1 and c.map.cards[cards[0]].kind is CardKind.PAIN_POINT
    assert c.stack.count() == 1
    assert c.scene.editor() is not None
    c.keys("Slow approval")
    c.key(Qt.Key.Key_Return)
    assert c.map.cards[cards[0]].text == "Slow approval"
    assert c.stack.count() == 2
    c.stack.undo()
    c.stack.undo()
    assert c.cards_in(1, BACKSTAGE) == []


def test_palette_drop_takes_the_keyboard_from_the_palette(qtbot):
    """In the real window the palette keeps the focus after its drag: typing must still land
    in the new card's editor, not in the palette."""
    from PySide6.QtWidgets import QHBoxLayout, QListWidget, QWidget

    window = QWidget()
    palette = QListWidget(window)
    palette.addItem("Action")
    c = open_canvas(qtbot)
    c.view.setParent(window)
    row = QHBoxLayout(window)
    row.addWidget(palette)
    row.addWidget(c.view)
    window.resize(1400, 900)
    window.show()
    c.view.show()  # a reparented widget stays hidden until shown
    qtbot.waitExposed(window)
    window.activateWindow()
    palette.setFocus()
    QApplication.processEvents()
    try:
        assert QApplication.focusWidget() is palette
        mime = QMimeData()
        mime.setData(CARD_KIND_MIME, b"action")
        point = c.cell_point(1, BACKSTAGE)
        copy_action, left, plain = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        for event in (QDragEnterEvent(point, copy_action, mime, left, plain),
                      QDragMoveEvent(point, copy_action, mime, left, plain),
                      QDropEvent(QPointF(point), copy_action, mime, left, plain)):
            QApplication.sendEvent(c.view.viewport(), event)
        QApplication.processEvents()
        assert c.stack.count() == 1 and c.scene.editor() is not None, c.stack.count()
        assert QApplication.focusWidget() is c.view
        QTest.keyClicks(QApplication.focusWidget(), "Typed")  # where a real keyboard's keys go
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        (card_id,) = c.cards_in(1, BACKSTAGE)
        assert c.map.cards[card_id].text == "Typed"
    finally:
        c.view.setParent(None)
        close_canvas(c)
        window.close()
        window.deleteLater()
        QApplication.processEvents()


def test_drop_of_unknown_kind_or_on_header_does_nothing(canvas):
    c = canvas
    mime = QMimeData()
    mime.setData(CARD_KIND_MIME, b"dragon")
    point = c.cell_point(1, BACKSTAGE)
    drop = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(c.view.viewport(), drop)
    header = c.vp(QPointF(300, 20))
    mime.setData(CARD_KIND_MIME, b"idea")
    drop = QDropEvent(QPointF(header), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(c.view.viewport(), drop)
    assert c.stack.count() == 0 and len(c.map.cards) == 5


def test_double_click_empty_cell_adds_card_then_typing_edits_it(canvas):
    c = canvas
    c.double_click(c.cell_point(2, BACKSTAGE))
    cards = c.cards_in(2, BACKSTAGE)
    assert len(cards) == 1
    c.keys("Prints the badge")
    c.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    c.keys("打印胸牌")
    c.key(Qt.Key.Key_Return)
    assert c.map.cards[cards[0]].text == "Prints the badge\n打印胸牌"
    assert [c.stack.text(i) for i in range(c.stack.count())] == ["Add card", "Edit card text"]


def test_double_click_adds_the_kind_that_belongs_in_the_lane(canvas):
    """Double-clicking in a pain-point lane made a blue "Action" card every time."""
    from blueprint_studio.model import Lane
    c = canvas
    pains, chinese = Lane(LaneKind.CUSTOM, "Pain points"), Lane(LaneKind.CUSTOM, "机会点")
    c.scene.push(ops.AddLane(c.map.id, pains, len(c.map.lanes)), "lane")
    c.scene.push(ops.AddLane(c.map.id, chinese, len(c.map.lanes)), "lane")
    c.scene.flush()
    kinds = {}
    for lane_index in (len(c.map.lanes) - 2, len(c.map.lanes) - 1, 0, FRONTSTAGE):
        c.double_click(c.cell_point(0, lane_index))
        c.keys("x")
        c.key(Qt.Key.Key_Return)
        (card_id,) = [i for i in c.cards_in(0, lane_index) if c.map.cards[i].text == "x"]
        kinds[lane_index] = c.map.cards[card_id].kind
    assert kinds[len(c.map.lanes) - 2] is CardKind.PAIN_POINT
    assert kinds[len(c.map.lanes) - 1] is CardKind.OPPORTUNITY
    assert kinds[0] is CardKind.EVIDENCE                    # the physical-evidence lane
    assert kinds[FRONTSTAGE] is CardKind.ACTION
    # A lane's own cards decide: a frontstage full of touchpoints gets touchpoints.
    for card_id in c.cards_in(1, FRONTSTAGE):
        c.scene.push(ops.UpdateCard(c.map.id, card_id, {"kind": CardKind.TOUCHPOINT}), "kind")
    for card_id in c.cards_in(0, FRONTSTAGE):
        c.scene.push(ops.UpdateCard(c.map.id, card_id, {"kind": CardKind.TOUCHPOINT}), "kind")
    c.double_click(c.cell_point(2, FRONTSTAGE))
    c.key(Qt.Key.Key_Escape)
    c.double_click(c.cell_point(2, FRONTSTAGE))
    assert c.map.cards[c.cards_in(2, FRONTSTAGE)[0]].kind is CardKind.TOUCHPOINT


def test_a_card_added_at_the_window_edge_is_scrolled_into_view_for_typing(canvas):
    """Double-clicking low in a cell near the bottom edge put the new card (and its editor)
    below the visible part of the map: the user typed blind."""
    c = canvas
    c.view.resize(700, 420)
    c.view.set_zoom(1.0)
    c.scene.flush()
    cell = c.scene.layout.cell_rect(c.map.stages[0].id, c.map.lanes[CUSTOMER].id)
    # Scroll so that the bottom of the customer cell (two cards) is the window's last row.
    c.view.centerOn(QPointF(cell.x + cell.w / 2, cell.bottom - c.view.viewport().height() / 2 + 6))
    QApplication.processEvents()
    c.double_click(c.vp(QPointF(cell.x + cell.w / 2, cell.bottom - 4)))
    editor = c.scene.editor()
    assert editor is not None
    card_id = [i for i in c.cards_in(0, CUSTOMER) if not c.map.cards[i].text][0]
    visible = c.view.mapToScene(c.view.viewport().rect()).boundingRect()
    assert visible.contains(c.scene.card_item(card_id).sceneBoundingRect())
    assert visible.contains(editor.sceneBoundingRect())
    # Nor is it left under the pinned stage headers when it sits above the visible part.
    c.key(Qt.Key.Key_Escape)
    c.view.centerOn(QPointF(cell.x + cell.w / 2, cell.bottom + 300))
    QApplication.processEvents()
    first = c.cards_in(0, CUSTOMER)[0]
    c.scene.select_card(first)
    c.key(Qt.Key.Key_F2)
    header_bottom = c.scene.stage_header(c.map.stages[0].id).sceneBoundingRect().bottom()
    assert c.scene.card_item(first).sceneBoundingRect().top() >= header_bottom


def test_escape_cancels_editing(canvas):
    c = canvas
    card_id = c.cards_in(0, CUSTOMER)[0]
    c.double_click(c.card_centre(card_id))
    assert c.scene.editor() is not None
    c.keys("garbage")
    c.key(Qt.Key.Key_Escape)
    assert c.map.cards[card_id].text == "Reads the flyer"
    assert c.scene.editor() is None and c.stack.count() == 0


def test_escape_on_a_card_just_added_takes_the_card_back(canvas):
    """Double-click an empty cell, change your mind, Escape: no empty card is left behind,
    and the edit can still be redone."""
    c = canvas
    c.double_click(c.cell_point(2, BACKSTAGE))
    assert len(c.cards_in(2, BACKSTAGE)) == 1
    c.keys("never mind")
    c.key(Qt.Key.Key_Escape)
    assert c.cards_in(2, BACKSTAGE) == [] and c.stack.index() == 0
    assert c.scene.editor() is None
    # A new card given its text and later edited again keeps it on Escape.
    c.double_click(c.cell_point(2, BACKSTAGE))
    c.keys("Prints the badge")
    c.key(Qt.Key.Key_Return)
    (card_id,) = c.cards_in(2, BACKSTAGE)
    c.key(Qt.Key.Key_F2)
    c.key(Qt.Key.Key_Escape)
    assert c.cards_in(2, BACKSTAGE) == [card_id] and c.map.cards[card_id].text == "Prints the badge"
    # The window's "+ Card" and palette clicks add a card and edit it the same way.
    new_id = c.scene.add_card(c.map.stages[0].id, c.map.lanes[BACKSTAGE].id)
    c.scene.edit_selected_card()
    c.key(Qt.Key.Key_Escape)
    assert new_id not in c.map.cards and c.stack.index() == 2
    # An empty card kept on purpose (Enter) survives a later Escape.
    new_id = c.scene.add_card(c.map.stages[0].id, c.map.lanes[BACKSTAGE].id)
    c.scene.edit_selected_card()
    c.key(Qt.Key.Key_Return)
    c.key(Qt.Key.Key_F2)
    c.key(Qt.Key.Key_Escape)
    assert new_id in c.map.cards
    _assert_items_match_model(c)


def test_typing_over_a_long_card_hides_its_old_text_while_editing(canvas):
    """Typing on a selected card opens a one-line editor; the card's old (longer) text used to
    stay painted beneath it, a jumble of old and new lines."""
    c = canvas
    card_id = c.cards_in(2, CUSTOMER)[0]
    c.scene.push(ops.UpdateCard(c.map.id, card_id, {"text": "A long text " * 12}), "long")
    item = c.scene.card_item(card_id)
    before = c.view.grab().toImage()
    c.click(c.card_centre(card_id))
    c.keys("New")
    assert c.scene.editor() is not None and item.text_hidden()
    # The card's lower part (below the one-line editor) now shows no text: only its fill.
    editor_box = c.scene.editor().sceneBoundingRect()
    below = QRectF(editor_box.left(), editor_box.bottom() + 4, editor_box.width(),
                   item.sceneBoundingRect().bottom() - editor_box.bottom() - 12)
    image = c.view.grab().toImage()
    area = c.view.mapFromScene(below).boundingRect()
    fill = image.pixelColor(area.left() + 1, area.top() + 1)
    assert all(image.pixelColor(x, y) == fill
               for x in range(area.left() + 1, area.right(), 3) for y in range(area.top() + 1, area.bottom(), 3))
    assert any(before.pixelColor(x, y) != fill
               for x in range(area.left() + 1, area.right(), 3) for y in range(area.top() + 1, area.bottom(), 3))
    c.key(Qt.Key.Key_Escape)
    assert not item.text_hidden() and c.map.cards[card_id].text.startswith("A long text")


def test_f2_edits_the_selected_card_and_enter_commits_one_step(canvas):
    c = canvas
    card_id = c.cards_in(2, CUSTOMER)[0]
    c.click(c.card_centre(card_id))
    assert c.scene.selected_card_ids() == [card_id]
    assert c.scene.current_entity() == ("card", card_id)
    c.key(Qt.Key.Key_F2)
    c.keys(", gladly")  # the cursor starts at the end of the text
    c.key(Qt.Key.Key_Enter)
    assert c.map.cards[card_id].text == "Uses the app every day, gladly"
    assert c.stack.count() == 1
    c.stack.undo()
    assert c.map.cards[card_id].text == "Uses the app every day"
    # Typing on a selected card types over it, like a spreadsheet cell.
    c.keys("Opens the app")
    c.key(Qt.Key.Key_Return)
    assert c.map.cards[card_id].text == "Opens the app"


def test_alt_arrows_move_the_selected_card_one_cell_over(canvas):
    c = canvas
    card_id = c.cards_in(2, CUSTOMER)[0]
    c.click(c.card_centre(card_id))
    c.key(Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    c.key(Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert c.cards_in(1, FRONTSTAGE)[-1] == card_id
    assert c.stack.count() == 2 and c.scene.selected_card_ids() == [card_id]
    c.key(Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    c.key(Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    c.key(Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # already in the top lane: nothing
    assert c.cards_in(1, 0) == [card_id] and c.stack.count() == 4


def test_undo_while_editing_a_new_card_closes_the_editor(canvas):
    c = canvas
    c.double_click(c.cell_point(2, BACKSTAGE))
    assert c.scene.editor() is not None
    c.stack.undo()
    assert c.scene.editor() is None and c.cards_in(2, BACKSTAGE) == []


def test_rubber_band_selects_cards_and_delete_key_removes_them_in_one_step(canvas):
    c = canvas
    before = copy.deepcopy(c.map)
    layout = c.scene.layout
    first = layout.cell_rect(c.map.stages[0].id, c.map.lanes[CUSTOMER].id)
    second = layout.cell_rect(c.map.stages[1].id, c.map.lanes[FRONTSTAGE].id)
    start = c.vp(QPointF(first.x + 3, first.y + 3))
    end = c.vp(QPointF(second.right - 3, second.bottom - 3))
    c.drag(start, end)
    selected = set(c.scene.selected_card_ids())
    expected = set(c.cards_in(0, CUSTOMER) + c.cards_in(1, CUSTOMER) + c.cards_in(1, FRONTSTAGE))
    assert selected == expected
    c.key(Qt.Key.Key_Delete)
    assert len(c.map.cards) == 1 and c.map.connectors == {}
    assert c.stack.count() == 1
    c.stack.undo()
    assert c.map == before
    _assert_items_match_model(c)


def test_ctrl_click_adds_and_removes_cards_from_the_selection(canvas):
    c = canvas
    a, b = c.cards_in(0, CUSTOMER)
    c.click(c.card_centre(a))
    c.click(c.card_centre(b), Qt.KeyboardModifier.ControlModifier)
    assert set(c.scene.selected_card_ids()) == {a, b}
    c.click(c.card_centre(a), Qt.KeyboardModifier.ControlModifier)
    assert c.scene.selected_card_ids() == [b]


def test_dragging_a_multi_selection_moves_all_cards_in_one_step(canvas):
    c = canvas
    a, b = c.cards_in(0, CUSTOMER)
    c.click(c.card_centre(a))
    c.click(c.card_centre(b), Qt.KeyboardModifier.ControlModifier)
    c.drag(c.card_centre(a), c.cell_point(2, BACKSTAGE))
    assert c.cards_in(2, BACKSTAGE) == [a, b]
    assert c.stack.count() == 1
    c.stack.undo()
    assert c.cards_in(0, CUSTOMER) == [a, b]


def test_arrow_keys_walk_between_cards(canvas):
    c = canvas
    start = c.cards_in(0, CUSTOMER)[0]
    c.click(c.card_centre(start))
    c.key(Qt.Key.Key_Right)
    assert c.scene.selected_card_ids() == c.cards_in(1, CUSTOMER)
    c.key(Qt.Key.Key_Down)
    assert c.scene.selected_card_ids() == c.cards_in(1, FRONTSTAGE)
    c.key(Qt.Key.Key_Left)
    assert c.scene.selected_card_ids()[0] in c.cards_in(0, CUSTOMER)


def test_drag_stage_header_reorders_stages(canvas):
    c = canvas
    names = [s.name for s in c.map.stages]
    header = c.scene.stage_header(c.map.stages[0].id).sceneBoundingRect()
    last = c.scene.stage_header(c.map.stages[2].id).sceneBoundingRect()
    c.drag(c.vp(header.center()), c.vp(QPointF(last.right() - 10, last.center().y())))
    assert [s.name for s in c.map.stages] == [names[1], names[2], names[0]]
    assert c.stack.count() == 1
    c.stack.undo()
    assert [s.name for s in c.map.stages] == names


def test_drag_lane_header_reorders_lanes(canvas):
    c = canvas
    kinds = [lane.kind for lane in c.map.lanes]
    support = c.scene.lane_header(c.map.lanes[4].id).sceneBoundingRect()
    physical = c.scene.lane_header(c.map.lanes[0].id).sceneBoundingRect()
    c.drag(c.vp(support.center()), c.vp(QPointF(physical.center().x(), physical.top() + 5)))
    assert c.map.lanes[0].kind is LaneKind.SUPPORT
    assert [lane.kind for lane in c.map.lanes][1:] == kinds[:4]
    c.stack.undo()
    assert [lane.kind for lane in c.map.lanes] == kinds


def test_drag_header_edge_resizes_the_column(canvas):
    c = canvas
    stage = c.map.stages[1]
    header = c.scene.stage_header(stage.id).sceneBoundingRect()
    edge = QPointF(header.right() - 2, header.center().y())
    c.drag(c.vp(edge), c.vp(edge + QPointF(250, 0)))
    assert stage.width == pytest.approx(header.width() + 250, abs=3)
    assert c.stack.count() == 1
    # A wide column lets the cards of a cell sit side by side.
    c.drag(c.card_centre(c.cards_in(0, CUSTOMER)[0]), c.cell_point(1, CUSTOMER, dx=0.9, dy=0.3))
    a, b = (c.scene.card_item(cid) for cid in c.cards_in(1, CUSTOMER))
    assert a.y() == b.y() and a.x() != b.x()


def test_double_click_stage_header_renames_it(canvas):
    c = canvas
    stage = c.map.stages[0]
    c.double_click(c.vp(c.scene.stage_header(stage.id).sceneBoundingRect().center()))
    assert c.scene.editor() is not None
    QGuiApplication.processEvents()
    c.keys("认知 Awareness")
    c.key(Qt.Key.Key_Return)
    assert stage.name == "认知 Awareness"
    c.stack.undo()
    assert stage.name == "Discover"


def test_renaming_a_wrapped_lane_name_hides_the_old_name(canvas):
    """The rename editor sat at the header's top edge while the old, wrapped name stayed
    painted in the middle: two names at once, and no telling which one was being edited."""
    c = canvas
    lane = c.map.lanes[FRONTSTAGE]
    c.scene.push(ops.UpdateLane(c.map.id, lane.id, {"name": "前台行为（客户成功经理与讲师在课堂上的所有互动）"}), "long")
    c.scene.flush()
    header = c.scene.lane_header(lane.id)
    c.double_click(c.vp(header.sceneBoundingRect().center()))
    editor = c.scene.editor()
    assert editor is not None and header.name_hidden
    box, head = editor.sceneBoundingRect(), header.sceneBoundingRect()
    assert head.contains(box) and abs(box.center().y() - head.center().y()) < 6  # where the name was
    c.key(Qt.Key.Key_Escape)
    assert not header.name_hidden and c.stack.count() == 1
    stage_header = c.scene.stage_header(c.map.stages[0].id)
    c.double_click(c.vp(stage_header.sceneBoundingRect().center()))
    assert stage_header.name_hidden
    c.key(Qt.Key.Key_Return)
    assert not stage_header.name_hidden


def test_add_insert_and_delete_stage_and_lane_with_cards_are_undoable(canvas):
    c = canvas
    before = copy.deepcopy(c.map)
    stage_id = c.scene.add_stage(1)
    c.scene.finish_editing(True)
    assert c.map.stages[1].id == stage_id
    lane_id = c.scene.add_lane(2)
    c.scene.finish_editing(True)
    assert c.map.lanes[2].id == lane_id and c.map.lanes[2].kind is LaneKind.CUSTOM
    _assert_items_match_model(c)
    # Delete the first stage, which holds two cards and an arrow.
    c.click(c.vp(c.scene.stage_header(c.map.stages[0].id).sceneBoundingRect().center()))
    assert c.scene.current_entity()[0] == "stage"
    c.key(Qt.Key.Key_Delete)
    assert len(c.map.stages) == 3 and len(c.map.cards) == 3
    _assert_items_match_model(c)
    while c.stack.canUndo():
        c.stack.undo()
    assert c.map == before
    _assert_items_match_model(c)


def test_copy_and_paste_between_two_projects(qtbot):
    first = open_canvas(qtbot, sample_project("A"))
    second = open_canvas(qtbot, sample_project("B"))
    try:
        ids = first.cards_in(0, CUSTOMER) + first.cards_in(1, CUSTOMER)
        first.scene.set_card_selection(ids)
        first.scene.copy_selection()
        mime = QGuiApplication.clipboard().mimeData()
        assert mime.hasFormat(CARDS_MIME)
        assert "Reads the flyer" in mime.text()
        second.scene.paste()
        pasted = second.scene.selected_card_ids()
        assert len(pasted) == 3 and not set(pasted) & set(first.map.cards)
        texts = sorted(second.map.cards[cid].text for cid in pasted)
        assert texts == sorted(first.map.cards[cid].text for cid in ids)
        # Cards land in the stages and lanes of the same names; the arrow among them comes along.
        for cid in pasted:
            card = second.map.cards[cid]
            assert second.map.stage(card.stage_id).name in ("Discover", "Sign up")
            assert second.map.lane(card.lane_id).kind is LaneKind.CUSTOMER
        assert len(second.map.connectors) == 3
        assert second.stack.count() == 1 and first.stack.count() == 0
        _assert_items_match_model(second)
        second.stack.undo()
        assert len(second.map.cards) == 5
    finally:
        close_canvas(first)
        close_canvas(second)


def test_cut_duplicate_and_paste_plain_text(canvas):
    c = canvas
    a = c.cards_in(2, CUSTOMER)[0]
    c.scene.select_card(a)
    c.scene.duplicate_selection()
    assert len(c.cards_in(2, CUSTOMER)) == 2
    c.scene.cut_selection()
    assert len(c.cards_in(2, CUSTOMER)) == 1
    QGuiApplication.clipboard().setText("Calls the hotline\n\n打电话咨询\n")
    c.scene.select_card(c.cards_in(1, FRONTSTAGE)[0])
    c.scene.paste()
    assert [c.map.cards[i].text for i in c.cards_in(1, FRONTSTAGE)][1:] == ["Calls the hotline", "打电话咨询"]
    assert c.stack.count() == 3


def test_paste_after_clicking_an_empty_cell_lands_in_that_cell(canvas):
    """Copy, click an empty cell, paste: the copies went back into the cells they were copied
    from (on top of the originals) instead of where the user clicked. A group keeps its shape."""
    c = canvas
    flyer, clerk = c.cards_in(0, CUSTOMER)[0], c.cards_in(1, FRONTSTAGE)[0]
    c.click(c.card_centre(flyer))
    c.click(c.card_centre(clerk), Qt.KeyboardModifier.ControlModifier)
    assert sorted(c.scene.selected_card_ids()) == sorted([flyer, clerk])
    c.scene.copy_selection()
    c.click(c.cell_point(1, BACKSTAGE))
    assert c.scene.selected_card_ids() == []
    c.scene.paste()
    (copy_of_flyer,) = c.cards_in(1, BACKSTAGE)
    (copy_of_clerk,) = c.cards_in(2, BACKSTAGE + 1)
    assert c.map.cards[copy_of_flyer].text == "Reads the flyer"
    assert c.map.cards[copy_of_clerk].text == "Clerk checks ID"
    assert sorted(c.scene.selected_card_ids()) == sorted([copy_of_flyer, copy_of_clerk])
    # With cards selected, a paste puts copies next to the originals (same cells).
    c.click(c.card_centre(flyer))
    c.scene.copy_selection()
    c.scene.paste()
    assert len(c.cards_in(0, CUSTOMER)) == 3
    assert c.stack.count() == 2
    # Cut (selected with a rubber band that starts in an empty cell) and paste: back in place.
    start = c.cell_point(2, FRONTSTAGE, 0.9, 0.9)
    c.drag(start, c.vp(c.scene.card_item(clerk).sceneBoundingRect().topLeft() - QPointF(4, 4)))
    assert c.scene.selected_card_ids() == [clerk]
    c.scene.cut_selection()
    assert clerk not in c.map.cards
    c.scene.paste()
    assert [c.map.cards[i].text for i in c.cards_in(1, FRONTSTAGE)] == ["Clerk checks ID"]
    _assert_items_match_model(c)


def test_find_cards_and_focus(canvas):
    c = canvas
    found = c.scene.find_cards("FORM")
    assert [c.map.cards[i].text for i in found] == ["Fills in the form 填写表单"]
    assert c.scene.find_cards("表单") == found
    c.view.zoom_in()
    c.view.zoom_in()
    c.view.focus_card(found[0])
    assert c.scene.selected_card_ids() == found
    visible = c.view.mapToScene(c.view.viewport().rect()).boundingRect()
    assert visible.intersects(c.scene.card_item(found[0]).sceneBoundingRect())


def test_headers_stay_in_view_when_scrolling(canvas):
    c = canvas
    c.view.set_zoom(2.5)
    c.view.verticalScrollBar().setValue(c.view.verticalScrollBar().maximum())
    c.view.horizontalScrollBar().setValue(c.view.horizontalScrollBar().maximum())
    QApplication.processEvents()
    top_left = c.view.mapToScene(QPoint(0, 0))
    header = c.scene.stage_header(c.map.stages[-1].id).sceneBoundingRect()
    lane = c.scene.lane_header(c.map.lanes[-1].id).sceneBoundingRect()
    assert header.top() == pytest.approx(top_left.y(), abs=1)
    assert lane.left() == pytest.approx(top_left.x(), abs=1)


def test_zoomed_in_on_a_projector_the_headers_leave_room_for_the_map(canvas):
    """At 400 % in a projector-sized canvas the pinned lane column covered 740 of 760 pixels
    and the stage row a third of the height: the map itself had vanished. Big headers now
    scroll away with the map; at normal zoom they stay pinned."""
    from PySide6.QtGui import QWheelEvent
    c = canvas
    c.view.resize(760, 560)
    QApplication.processEvents()
    centre = QPointF(c.view.viewport().rect().center())
    for _ in range(4):  # Ctrl+wheel, two notches at a time
        wheel = QWheelEvent(centre, c.view.viewport().mapToGlobal(centre), QPoint(0, 0), QPoint(0, 240),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(c.view.viewport(), wheel)
    assert c.view.zoom_factor() == pytest.approx(4.0)
    c.view.horizontalScrollBar().setValue(c.view.horizontalScrollBar().maximum() // 2)
    c.view.verticalScrollBar().setValue(c.view.verticalScrollBar().maximum() // 2)
    QApplication.processEvents()
    visible = c.view.mapToScene(c.view.viewport().rect()).boundingRect()
    lane = c.scene.lane_header(c.map.lanes[CUSTOMER].id).sceneBoundingRect()
    stage = c.scene.stage_header(c.map.stages[1].id).sceneBoundingRect()
    assert not lane.intersects(visible) and not stage.intersects(visible)
    c.view.set_zoom(1.0)
    QApplication.processEvents()
    top_left = c.view.mapToScene(QPoint(0, 0))
    assert c.scene.lane_header(c.map.lanes[CUSTOMER].id).sceneBoundingRect().left() == pytest.approx(
        max(0.0, top_left.x()), abs=1)
    assert c.scene.stage_header(c.map.stages[1].id).sceneBoundingRect().top() == pytest.approx(
        max(0.0, top_left.y()), abs=1)


def test_zoom_with_ctrl_wheel_keys_and_fit(canvas):
    c = canvas
    seen = []
    c.view.zoomChanged.connect(seen.append)
    c.view.zoom_in()
    assert c.view.zoom_factor() > 1
    c.view.zoom_reset()
    assert c.view.zoom_factor() == 1
    c.key(Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert c.view.zoom_factor() < 1
    from PySide6.QtTest import QTest  # noqa: F401 - wheel needs a hand-made event
    from PySide6.QtGui import QWheelEvent
    centre = QPointF(c.view.viewport().rect().center())
    wheel = QWheelEvent(centre, c.view.viewport().mapToGlobal(centre), QPoint(0, 0), QPoint(0, 240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    before = c.view.zoom_factor()
    QApplication.sendEvent(c.view.viewport(), wheel)
    assert c.view.zoom_factor() == pytest.approx(before * 1.25 ** 2)
    sideways = QWheelEvent(centre, c.view.viewport().mapToGlobal(centre), QPoint(0, 0), QPoint(0, -120),
                           Qt.MouseButton.NoButton, Qt.KeyboardModifier.ShiftModifier,
                           Qt.ScrollPhase.NoScrollPhase, False)
    c.view.set_zoom(3.0)
    c.view.horizontalScrollBar().setValue(0)
    QApplication.sendEvent(c.view.viewport(), sideways)
    assert c.view.horizontalScrollBar().value() == 120
    c.view.resize(500, 400)
    c.view.zoom_to_fit()
    visible = c.view.mapToScene(c.view.viewport().rect()).boundingRect()
    assert visible.contains(c.scene.content_rect().adjusted(1, 1, -1, -1))
    assert seen


def test_middle_button_pans(canvas):
    c = canvas
    c.view.set_zoom(3.0)
    c.view.scroll_to_origin()
    before = c.view.horizontalScrollBar().value()
    c.drag(QPoint(600, 400), QPoint(300, 400), button=Qt.MouseButton.MiddleButton)
    assert c.view.horizontalScrollBar().value() == pytest.approx(before + 300, abs=12)
    assert c.stack.count() == 0


def test_emotion_lane_marks_dips_and_follows_edits(canvas):
    c = canvas
    emotion = c.scene.emotion_item()
    assert emotion.isVisible() and emotion.point_count() == 4 and emotion.dip_count() == 1
    # Clicking the dip selects the card it stands for.
    dip_card = next(cid for cid, card in c.map.cards.items() if card.emotion == -2)
    x = c.scene.card_item(dip_card).sceneBoundingRect().center().x()
    c.click(c.vp(QPointF(x, emotion.value_to_y(-2))))
    assert c.scene.selected_card_ids() == [dip_card]
    from blueprint_studio.model import operations as ops
    c.scene.push(ops.UpdateMap(c.map.id, {"show_emotion_curve": False}), "hide")
    assert not emotion.isVisible()
    assert c.scene.layout.emotion_row is None


def test_two_scored_cards_in_one_stage_get_their_own_place_on_the_curve(canvas):
    """Both customer cards of the first stage sat at the column's centre: the curve went
    straight up and down there. They now share the stage in reading order, and a click on
    each point still selects its own card."""
    c = canvas
    emotion = c.scene.emotion_item()
    first, second = c.cards_in(0, CUSTOMER)
    column = c.scene.layout.column(c.map.stages[0].id)
    xs = []
    for card_id in (first, second):
        y = emotion.value_to_y(c.map.cards[card_id].emotion)
        x = next(x for x in range(int(column.x), int(column.right))
                 if emotion.card_at(QPointF(x, y), reach=1.0) == card_id)
        xs.append(x)
        c.click(c.vp(QPointF(x + 1, y)))
        assert c.scene.selected_card_ids() == [card_id]
    assert column.x < xs[0] < xs[1] - 40 < column.right


def test_dip_labels_stay_inside_the_emotion_row(canvas):
    """A −2 dip sits at the bottom of the row: its "▼ −2" label went below it and was cut off
    by the customer lane. It now stays inside the row, clear of the marker's ring."""
    c = canvas
    emotion = c.scene.emotion_item()
    (deep,) = [cid for cid, card in c.map.cards.items() if card.emotion == -2]
    rects = emotion.dip_label_rects()
    assert len(rects) == emotion.dip_count() == 1
    x = c.scene.layout.card_rects[deep].cx
    y = emotion.value_to_y(-2)
    (rect,) = rects
    assert abs(rect.center().x() - x) < 1
    assert emotion.boundingRect().contains(rect), (emotion.boundingRect(), rect)
    assert rect.top() >= y + 14 or rect.bottom() <= y - 14, (y, rect)


def test_inspector_target_follows_selection(canvas):
    c = canvas
    seen = []
    c.scene.entitySelected.connect(lambda kind, ident: seen.append((kind, ident)))
    arrow = next(iter(c.map.connectors.values()))
    c.scene.select_connector(arrow.id)
    c.scene.clearSelection()
    lane = c.map.lanes[0]
    c.click(c.vp(c.scene.lane_header(lane.id).sceneBoundingRect().center()))
    assert seen == [("connector", arrow.id), ("map", c.map.id), ("lane", lane.id)]


def test_every_canvas_string_has_a_chinese_translation():
    import re
    from pathlib import Path

    from blueprint_studio.i18n import tr
    from blueprint_studio.model import clipboard as clipboard_module

    root = Path(__file__).resolve().parents[1] / "blueprint_studio"
    sources = list((root / "canvas").glob("*.py"))
    texts = set()
    for path in sources:
        texts.update(re.findall(r'\btr\("([^"]+)"\)', path.read_text(encoding="utf-8")))
    texts.update(re.findall(r'ModelError\("([^"]+)"\)', Path(clipboard_module.__file__).read_text(encoding="utf-8")))
    assert texts, "no strings found: the scan is broken"
    missing = sorted(t for t in texts if tr(t, "zh") == t)
    assert missing == []


def test_escape_during_a_drag_puts_the_card_back(canvas):
    c = canvas
    card_id = c.cards_in(0, CUSTOMER)[0]
    home = c.scene.card_item(card_id).pos()
    viewport = c.view.viewport()
    start, end = c.card_centre(card_id), c.cell_point(2, BACKSTAGE)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 5):
        QTest.mouseMove(viewport, start + (end - start) * (i / 4))
    assert c.scene.card_item(card_id).pos() != home
    c.key(Qt.Key.Key_Escape)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert c.scene.card_item(card_id).pos() == home
    assert c.stack.count() == 0


def test_click_an_arrow_then_delete_it_and_double_click_to_label_it(canvas):
    c = canvas
    arrow = next(a for a in c.map.connectors.values() if a.label == "")
    item = c.scene.connector_item(arrow.id)
    (x0, y0), (x1, y1) = max(zip(item.points, item.points[1:]),
                             key=lambda seg: abs(seg[1][0] - seg[0][0]) + abs(seg[1][1] - seg[0][1]))
    middle = c.vp(QPointF((x0 + x1) / 2, (y0 + y1) / 2))
    c.double_click(middle)
    assert c.scene.editor() is not None
    c.keys("hand-off")
    c.key(Qt.Key.Key_Return)
    assert c.map.connectors[arrow.id].label == "hand-off"
    c.click(middle)
    assert c.scene.current_entity() == ("connector", arrow.id)
    c.key(Qt.Key.Key_Delete)
    assert arrow.id not in c.map.connectors and len(c.map.cards) == 5
    c.stack.undo()
    c.stack.undo()
    assert c.map.connectors[arrow.id].label == ""


def test_clicking_elsewhere_commits_the_edit(canvas):
    c = canvas
    card_id = c.cards_in(1, FRONTSTAGE)[0]
    c.double_click(c.card_centre(card_id))
    c.keys(" twice")
    c.click(c.cell_point(2, BACKSTAGE))
    assert c.map.cards[card_id].text == "Clerk checks ID twice"
    assert c.scene.editor() is None


def test_space_drag_pans_without_editing(canvas):
    c = canvas
    c.view.set_zoom(3.0)
    c.view.scroll_to_origin()
    QTest.keyPress(c.view.viewport(), Qt.Key.Key_Space)
    c.drag(QPoint(700, 500), QPoint(500, 300))
    QTest.keyRelease(c.view.viewport(), Qt.Key.Key_Space)
    assert c.view.horizontalScrollBar().value() == pytest.approx(200, abs=12)
    assert c.view.verticalScrollBar().value() == pytest.approx(200, abs=12)
    assert c.stack.count() == 0 and c.scene.selected_card_ids() == []


def test_dragging_to_the_edge_scrolls_the_view(canvas, qtbot):
    c = canvas
    c.view.resize(600, 640)
    c.view.set_zoom(1.5)
    c.view.scroll_to_origin()
    card_id = c.cards_in(0, CUSTOMER)[0]
    before = c.view.horizontalScrollBar().value()
    viewport = c.view.viewport()
    start = c.card_centre(card_id)
    edge = QPoint(viewport.width() - 5, start.y())
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, start + QPoint(30, 0))
    QTest.mouseMove(viewport, edge)
    second_column = c.scene.layout.columns[1]
    qtbot.waitUntil(lambda: c.view.mapToScene(edge).x() > second_column.x + 30, timeout=5000)
    assert c.view.horizontalScrollBar().value() > before
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, edge)
    card = c.map.cards[card_id]
    assert c.map.stage_index(card.stage_id) > 0  # it travelled with the scrolling view
    assert c.stack.count() == 1


def test_each_map_has_its_own_scene_that_ignores_the_others(qtbot):
    from blueprint_studio.model import operations as ops
    from blueprint_studio.model.factory import new_map

    project = sample_project()
    other = new_map("Second", ["One", "Two"])
    project.maps.append(other)
    first = open_canvas(qtbot, project)
    try:
        stack = first.stack
        from blueprint_studio.canvas import MapScene
        second = MapScene(project, other.id, stack)
        try:
            second.add_card(other.stages[0].id, other.lanes[1].id, CardKind.IDEA, "Only here")
            assert len(second.card_items()) == 1
            assert set(first.scene.card_items()) == set(first.map.cards)
            first.scene.push(ops.UpdateStage(other.id, other.stages[0].id, {"name": "Eins"}), "rename")
            assert len(first.scene.header_ids()[0]) == 3
        finally:
            second.detach()
            second.deleteLater()
    finally:
        close_canvas(first)


def test_an_empty_map_grows_with_the_add_buttons_and_double_clicks(qtbot):
    from blueprint_studio.model.entities import ServiceMap
    from blueprint_studio.model.factory import new_project

    project = new_project("Empty", [ServiceMap(name="Nothing yet")])
    c = open_canvas(qtbot, project)
    try:
        assert c.scene.counts() == {"stages": 0, "lanes": 0, "cards": 0, "connectors": 0}
        c.click(c.vp(QPointF(184 + 60, 30)))            # the "+ Stage" button
        c.key(Qt.Key.Key_Return)
        c.click(c.vp(QPointF(c.scene.layout.grid_left / 2, c.scene.layout.height + 20)))  # "+ Lane"
        c.keys("Guests")
        c.key(Qt.Key.Key_Return)
        assert [s.name for s in c.map.stages] == ["Stage 1"]
        assert [lane.name for lane in c.map.lanes] == ["Guests"]
        c.double_click(c.cell_point(0, 0))
        c.keys("First card")
        c.key(Qt.Key.Key_Return)
        assert [card.text for card in c.map.cards.values()] == ["First card"]
        _assert_items_match_model(c)
    finally:
        close_canvas(c)

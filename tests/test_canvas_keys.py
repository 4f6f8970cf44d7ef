"""Drawing from the keyboard and with big fingers (issue 12), driven like a user: mouse
presses and drags at item positions mapped with `view.mapFromScene`, and key presses.

- connect mode: a click on a card, then on another, draws the arrow; Escape or a click on
  empty canvas lets go of the first card; the mode stays on; a drag also connects;
- the arrow between the two selected cards, in the order they were selected;
- the connect handle is at least 16 pixels on screen at any zoom, and a press a few pixels
  off it never drags the card into another lane; a card drag waits for Qt's drag distance
  in screen pixels;
- Tab and Shift+Tab through stage and lane renames;
- a double-click in a cell an arrow crosses adds a card, on the arrow it edits its label.
"""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsPathItem

from blueprint_studio.canvas import style as S
from blueprint_studio.i18n import describe
from blueprint_studio.model.errors import ModelError
from canvas_helpers import close_canvas, open_canvas

CUSTOMER, FRONTSTAGE, BACKSTAGE = 1, 2, 3  # lane indexes of the standard lanes
LEFT = Qt.MouseButton.LeftButton
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def canvas(qtbot):
    c = open_canvas(qtbot)
    c.messages = []
    c.scene.statusMessage.connect(c.messages.append)
    yield c
    close_canvas(c)


def cards_by_text(c) -> dict[str, str]:
    """The sample's cards by the start of their text: reads, asks, fills, clerk, uses."""
    return {card.text.split()[0].lower(): card.id for card in c.map.cards.values()}


def arrows(c) -> set[tuple[str, str]]:
    return {(a.source_id, a.target_id) for a in c.map.connectors.values()}


def cells(c) -> dict[str, tuple[str, str]]:
    return {card.id: (card.stage_id, card.lane_id) for card in c.map.cards.values()}


def item_positions(c) -> dict[str, tuple[float, float]]:
    return {card_id: (item.x(), item.y()) for card_id, item in c.scene.card_items().items()}


def source_rings(c) -> list[QGraphicsPathItem]:
    return [item for item in c.scene.items() if isinstance(item, QGraphicsPathItem)
            and item.pen().color() == S.CONNECT_SOURCE]


def body_centre(c, card_id: str) -> QPoint:
    item = c.scene.card_item(card_id)
    return c.vp(item.mapToScene(item.body_rect().center()))


# -- connect mode ------------------------------------------------------------------------------

def test_connect_mode_draws_an_arrow_with_two_clicks_and_stays_on(canvas):
    c = canvas
    ids = cards_by_text(c)
    before, places = arrows(c), item_positions(c)
    c.scene.set_connect_mode(True)
    c.click(body_centre(c, ids["asks"]))
    assert c.scene.connecting.source == ids["asks"]
    assert len(source_rings(c)) == 1  # the first card is ringed while it waits
    assert c.stack.count() == 0 and arrows(c) == before
    c.click(body_centre(c, ids["uses"]))
    assert arrows(c) == before | {(ids["asks"], ids["uses"])}
    assert c.stack.count() == 1 and c.stack.text(0) == "Connect cards"
    assert c.scene.connecting.source is None and source_rings(c) == []
    assert c.scene.connect_mode()  # on for the next arrow
    c.click(body_centre(c, ids["clerk"]))
    c.click(body_centre(c, ids["reads"]))
    assert (ids["clerk"], ids["reads"]) in arrows(c) and c.stack.count() == 2
    assert item_positions(c) == places  # nothing moved in connect mode
    c.stack.undo()
    assert (ids["clerk"], ids["reads"]) not in arrows(c)


def test_escape_and_a_click_on_empty_canvas_let_go_of_the_first_card(canvas):
    c = canvas
    ids = cards_by_text(c)
    before = arrows(c)
    c.scene.set_connect_mode(True)
    c.click(body_centre(c, ids["uses"]))
    assert c.scene.connecting.source == ids["uses"]
    c.key(Qt.Key.Key_Escape)
    assert c.scene.connecting.source is None and source_rings(c) == []
    assert c.scene.connect_mode()  # Escape lets go of the card, not of the mode
    c.click(body_centre(c, ids["clerk"]))  # a new first card, not an arrow uses -> clerk
    assert c.scene.connecting.source == ids["clerk"] and arrows(c) == before
    c.click(c.cell_point(0, BACKSTAGE))  # an empty cell
    assert c.scene.connecting.source is None and source_rings(c) == []
    c.click(body_centre(c, ids["asks"]))
    c.click(body_centre(c, ids["uses"]))
    assert arrows(c) == before | {(ids["asks"], ids["uses"])} and c.stack.count() == 1
    c.scene.set_connect_mode(False)
    c.click(body_centre(c, ids["reads"]))  # the mode is off: a click selects, as always
    c.click(body_centre(c, ids["clerk"]))
    assert c.stack.count() == 1 and c.scene.selected_card_ids() == [ids["clerk"]]


def test_connect_mode_refuses_a_self_arrow_and_a_duplicate_in_the_models_words(canvas):
    c = canvas
    ids = cards_by_text(c)
    c.scene.set_connect_mode(True)
    c.click(body_centre(c, ids["reads"]))
    c.click(body_centre(c, ids["reads"]))
    assert c.messages == [describe(ModelError("An arrow cannot lead from a card to itself"))]
    assert c.scene.connecting.source == ids["reads"]  # still waiting for a real target
    c.click(body_centre(c, ids["fills"]))  # reads -> fills is in the sample already
    assert c.messages[-1] == describe(ModelError("These cards are already joined by an arrow"))
    assert c.stack.count() == 0 and c.scene.connecting.source is None


def test_in_connect_mode_a_drag_from_a_card_onto_another_connects_them_and_moves_nothing(canvas):
    c = canvas
    ids = cards_by_text(c)
    places, where = item_positions(c), cells(c)
    c.scene.set_connect_mode(True)
    c.drag(body_centre(c, ids["asks"]), body_centre(c, ids["clerk"]))
    assert (ids["asks"], ids["clerk"]) in arrows(c) and c.stack.count() == 1
    c.scene.flush()
    assert item_positions(c) == places and cells(c) == where
    assert c.scene.connecting.source is None


def test_undo_removing_the_waiting_card_lets_go_of_it(canvas):
    c = canvas
    card_id = c.scene.add_card(c.map.stages[2].id, c.map.lanes[BACKSTAGE].id, text="New")
    c.scene.finish_editing(True)
    c.scene.set_connect_mode(True)
    c.click(body_centre(c, card_id))
    assert c.scene.connecting.source == card_id
    c.stack.undo()
    c.scene.flush()
    assert c.scene.connecting.source is None and source_rings(c) == []


# -- the arrow between the two selected cards ---------------------------------------------------

def test_connect_selected_goes_from_the_card_selected_first(canvas):
    c = canvas
    ids = cards_by_text(c)
    c.click(body_centre(c, ids["uses"]))
    c.click(body_centre(c, ids["asks"]), CTRL)
    assert set(c.scene.selected_card_ids()) == {ids["uses"], ids["asks"]}
    c.scene.card_fields.connect_selected()
    assert (ids["uses"], ids["asks"]) in arrows(c)  # selection order, not reading order
    assert c.stack.count() == 1
    c.click(body_centre(c, ids["uses"]))
    c.click(body_centre(c, ids["asks"]), CTRL)
    c.scene.card_fields.connect_selected()
    assert c.messages == [describe(ModelError("These cards are already joined by an arrow"))]
    assert c.stack.count() == 1
    c.click(body_centre(c, ids["uses"]))
    c.scene.card_fields.connect_selected()
    assert "exactly two cards" in c.messages[-1] and c.stack.count() == 1


def test_connect_selected_joins_cards_selected_together_in_reading_order(canvas):
    c = canvas
    ids = cards_by_text(c)
    # A rubber band from below the clerk's card up to the empty cell left of it takes the
    # "fills" and "clerk" cards at once.
    fills = c.scene.card_item(ids["fills"]).sceneBoundingRect()
    clerk = c.scene.card_item(ids["clerk"]).sceneBoundingRect()
    start = c.vp(QPointF(clerk.right() + 4, clerk.bottom() + 8))
    end = c.vp(QPointF(fills.left() + 10, fills.top() + 10))
    c.drag(start, end)
    assert set(c.scene.selected_card_ids()) == {ids["fills"], ids["clerk"]}
    c.scene.card_fields.connect_selected()
    # fills -> clerk is in the sample; the reading order tries exactly that, and says so.
    assert c.messages == [describe(ModelError("These cards are already joined by an arrow"))]


# -- the handle: 16 pixels or more on screen, and presses a few pixels off it -----------------

def handle_on_screen(c, card_id: str) -> tuple[QPoint, float]:
    """The handle's centre (viewport) and its radius in screen pixels, from the geometry."""
    item = c.scene.card_item(card_id)
    centre = item.mapToScene(item.handle_center())
    radius = c.scene.style_.handle_radius
    rect = c.view.mapFromScene(QRectF(centre.x() - radius, centre.y() - radius,
                                      2 * radius, 2 * radius)).boundingRect()
    return c.vp(centre), rect.width() / 2


def painted_handle_height(c, card_id: str) -> int:
    """The handle as painted: the pixels of the column through its centre that change when
    the card is selected (the handle shows) against when it is not."""
    centre, _radius = handle_on_screen(c, card_id)
    c.scene.clearSelection()
    QApplication.processEvents()
    plain = c.view.viewport().grab().toImage()
    c.scene.select_card(card_id)
    QApplication.processEvents()
    shown = c.view.viewport().grab().toImage()
    ratio = plain.devicePixelRatio()
    x = round(centre.x() * ratio)
    changed = [y for y in range(plain.height()) if plain.pixel(x, y) != shown.pixel(x, y)]
    assert changed, "the handle did not show"
    return round((max(changed) - min(changed) + 1) / ratio)


@pytest.mark.parametrize("zoom", [0.25, 1.0, 4.0])
def test_the_handle_is_at_least_16_pixels_on_screen_at_any_zoom(canvas, zoom):
    c = canvas
    card_id = cards_by_text(c)["uses"]
    c.view.set_zoom(zoom)
    c.scene.flush()
    c.view.centerOn(c.scene.card_item(card_id).mapToScene(c.scene.card_item(card_id).handle_center()))
    QApplication.processEvents()
    _centre, radius = handle_on_screen(c, card_id)
    assert 2 * radius >= 16
    assert painted_handle_height(c, card_id) >= 16


DIRECTIONS = [(1, 0), (0, -1), (0, 1), (-1, 0), (1, 1), (-1, -1), (1, -1), (-1, 1)]


@pytest.mark.parametrize("zoom", [0.25, 1.0, 4.0])
@pytest.mark.parametrize("card", ["uses", "reads"])
def test_a_press_three_pixels_off_the_handle_never_moves_the_card_to_another_lane(canvas, zoom, card):
    """Pressed 3 px outside the drawn handle, in eight directions, then dragged down into
    the next lane: an arrow is drawn (when the pointer ends on a card), or an arrow is
    selected (the press was on the arrow leaving the handle), but the card never moves,
    not even while the button is down. ("reads" has a card in the next column, "uses"
    none; the old 11-unit handle zone let the presses inside the card drag it away.)"""
    c = canvas
    card_id = cards_by_text(c)[card]
    c.view.set_zoom(zoom)
    c.scene.flush()
    item = c.scene.card_item(card_id)
    c.view.centerOn(item.mapToScene(item.handle_center()))
    QApplication.processEvents()
    where, place = cells(c), item.pos()
    viewport = c.view.viewport()
    tried = 0
    for direction in DIRECTIONS:
        centre, radius = handle_on_screen(c, card_id)
        length = math.hypot(*direction)
        start = centre + QPoint(round(direction[0] / length * (radius + 3)),
                                round(direction[1] / length * (radius + 3)))
        others = [other for other in c.scene.card_items().values()
                  if other is not item and other.body_contains(c.view.mapToScene(start))]
        if others:  # zoomed out to 25 %, the next column's card begins 6 px right of the edge:
            continue  # a press there is on that card, which may be dragged as any card
        tried += 1
        end = centre + QPoint(-round(3 * radius), round(min(120 * zoom, 300)))  # the lane below
        QTest.mousePress(viewport, LEFT, NO_MODIFIER, start)
        for i in range(1, 9):
            QTest.mouseMove(viewport, start + (end - start) * (i / 8))
            assert item.pos() == place, (direction, i)
        QTest.mouseRelease(viewport, LEFT, NO_MODIFIER, end)
        QApplication.processEvents()
        c.scene.flush()
        assert cells(c) == where, direction
        assert item.pos() == place
        assert all(c.stack.text(i) == "Connect cards" for i in range(c.stack.count())), direction
        while c.stack.canUndo():
            c.stack.undo()
        assert not c.scene.is_interacting()
    assert tried >= 5


@pytest.mark.parametrize("zoom", [0.25, 1.0])
def test_a_card_drag_waits_for_the_drag_distance_in_screen_pixels(canvas, zoom):
    c = canvas
    card_id = cards_by_text(c)["asks"]
    c.view.set_zoom(zoom)
    c.scene.flush()
    QApplication.processEvents()
    item = c.scene.card_item(card_id)
    before = item.pos()
    start = body_centre(c, card_id)
    short = QApplication.startDragDistance() - 1
    viewport = c.view.viewport()
    QTest.mousePress(viewport, LEFT, NO_MODIFIER, start)
    QTest.mouseMove(viewport, start + QPoint(0, short))
    assert item.pos() == before  # 9 px is not a drag yet, zoomed out or not
    QTest.mouseMove(viewport, start + QPoint(0, short + 4))
    assert item.pos() != before  # past the distance it is
    QTest.keyClick(viewport, Qt.Key.Key_Escape)  # and Escape puts it back
    QTest.mouseRelease(viewport, LEFT, NO_MODIFIER, start + QPoint(0, short + 4))
    c.scene.flush()
    assert item.pos() == before and c.stack.count() == 0


# -- Tab through renames ---------------------------------------------------------------------

def test_tab_commits_a_stage_rename_and_renames_the_next_one(canvas):
    c = canvas
    stages = [stage.id for stage in c.map.stages]
    c.double_click(c.vp(c.scene.stage_header(stages[0]).sceneBoundingRect().center()))
    assert c.scene.editors.target == ("stage", stages[0])
    for name in ("Aware", "Join", "Enjoy"):
        c.keys(name)  # the name is selected: typing replaces it
        QTest.keyClick(c.view, Qt.Key.Key_Tab)
        QApplication.processEvents()
    assert [s.name for s in c.map.stages] == ["Aware", "Join", "Enjoy"]
    assert c.stack.count() == 3 and c.scene.editor() is None  # Tab on the last one only commits
    c.double_click(c.vp(c.scene.stage_header(stages[2]).sceneBoundingRect().center()))
    c.keys("Use")
    QTest.keyClick(c.view, Qt.Key.Key_Backtab, SHIFT)
    QApplication.processEvents()
    assert c.scene.editors.target == ("stage", stages[1])
    assert c.scene.selected_ids("stage") == [stages[1]]
    c.keys("Nope")
    QTest.keyClick(c.view, Qt.Key.Key_Escape)  # Escape cancels this one rename only
    QApplication.processEvents()
    assert [s.name for s in c.map.stages] == ["Aware", "Join", "Use"] and c.stack.count() == 4
    c.stack.undo()
    assert c.map.stages[2].name == "Enjoy"


def test_tab_moves_through_lane_renames_too(canvas):
    c = canvas
    lanes = [lane.id for lane in c.map.lanes]
    c.double_click(c.vp(c.scene.lane_header(lanes[CUSTOMER]).sceneBoundingRect().center()))
    assert c.scene.editors.target == ("lane", lanes[CUSTOMER])
    c.keys("Guest")
    QTest.keyClick(c.view, Qt.Key.Key_Tab)
    QApplication.processEvents()
    assert c.scene.editors.target == ("lane", lanes[FRONTSTAGE])
    c.keys("Desk")
    QTest.keyClick(c.view, Qt.Key.Key_Backtab, SHIFT)
    QApplication.processEvents()
    assert c.scene.editors.target == ("lane", lanes[CUSTOMER])
    QTest.keyClick(c.view, Qt.Key.Key_Escape)
    assert [c.map.lanes[i].name for i in (CUSTOMER, FRONTSTAGE)] == ["Guest", "Desk"]
    assert c.stack.count() == 2


# -- a double-click in a cell an arrow crosses ----------------------------------------------------

def _crossing(c) -> tuple[str, QPointF, tuple[str, str]]:
    """The unlabelled arrow's longest segment's middle, and the cell it lies in (below the
    card the arrow leaves, on its way down to the next lane)."""
    arrow = next(a for a in c.map.connectors.values() if not a.label)
    item = c.scene.connector_item(arrow.id)
    (x0, y0), (x1, y1) = max(zip(item.points, item.points[1:]), key=lambda seg: math.dist(*seg))
    middle = QPointF((x0 + x1) / 2, (y0 + y1) / 2)
    cell = c.scene.cell_at(middle)
    assert cell is not None and c.scene.card_at(middle) is None, "the sample's arrow crosses no cell"
    return arrow.id, middle, cell


@pytest.mark.parametrize("zoom", [0.5, 1.0, 4.0])
def test_a_double_click_in_a_cell_an_arrow_crosses_adds_a_card_there(canvas, zoom):
    c = canvas
    c.view.set_zoom(zoom)
    c.scene.flush()
    arrow_id, middle, cell = _crossing(c)
    c.view.centerOn(middle)
    QApplication.processEvents()
    beside = c.vp(middle) + QPoint(12, 0)  # 12 px beside the line, in the same cell
    assert c.scene.cell_at(c.view.mapToScene(beside)) == cell
    there = {card.id for card in c.map.cards_in_cell(*cell)}
    c.double_click(beside)
    added = [card for card in c.map.cards_in_cell(*cell) if card.id not in there]
    assert len(added) == 1 and c.scene.editors.target == ("card", added[0].id)
    c.scene.finish_editing(False)  # Escape on a card just added takes it back
    QApplication.processEvents()
    assert {card.id for card in c.map.cards_in_cell(*cell)} == there


@pytest.mark.parametrize("zoom", [0.5, 1.0, 4.0])
def test_a_double_click_on_the_arrow_itself_edits_its_label_and_adds_no_card(canvas, zoom):
    c = canvas
    c.view.set_zoom(zoom)
    c.scene.flush()
    arrow_id, middle, cell = _crossing(c)
    c.view.centerOn(middle)
    QApplication.processEvents()
    count = len(c.map.cards)
    c.double_click(c.vp(middle) + QPoint(3, 0))  # 3 px off the 2 px line is still on it
    assert len(c.map.cards) == count
    assert c.scene.editors.target == ("connector", arrow_id)
    c.keys("next")
    c.key(Qt.Key.Key_Return)
    assert c.map.connectors[arrow_id].label == "next" and c.stack.count() == 1


# -- in the window: the keys, the toolbar toggle, one undo step each ----------------------------

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def window(qapp, tmp_path, monkeypatch):
    from PySide6.QtCore import QCoreApplication, QEvent

    from blueprint_studio.app.document import Document
    from blueprint_studio.app.main_window import MainWindow
    from blueprint_studio.app.settings import AppSettings
    from blueprint_studio.app.theme import apply_theme
    from blueprint_studio.model import operations as ops
    from blueprint_studio.model.enums import CardKind
    from blueprint_studio.model.factory import new_map
    from blueprint_studio.templates import build_template

    monkeypatch.setenv("BLUEPRINT_STUDIO_CONFIG_DIR", str(tmp_path / "config"))
    apply_theme(qapp)
    project = build_template("enterprise_training", "en")
    service_map = project.maps[0]
    first, second = service_map.cards_in_reading_order()[:2]
    # A known start: A has nothing set, B an emotion, a moment of truth and another kind.
    ops.UpdateCard(service_map.id, first.id, {"emotion": None, "moment_of_truth": False,
                                              "fail_point": False, "kind": CardKind.ACTION}).apply(project)
    ops.UpdateCard(service_map.id, second.id, {"emotion": 1, "moment_of_truth": True,
                                               "fail_point": False, "kind": CardKind.TOUCHPOINT}).apply(project)
    project.maps.append(new_map("Second map", ["One", "Two"]))
    made = MainWindow(AppSettings())
    made.set_document(Document(project, recovery=made.recovery))
    made.resize(1280, 800)
    made.show()
    made.activateWindow()
    QApplication.processEvents()
    made.cards = (first.id, second.id)
    yield made
    made.hide()
    made.teardown()
    made.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _keys_reach(qtbot, window) -> None:
    """Window shortcuts need the window active, as it is when the user types into it."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    window.map_area.current_view().setFocus()


def _click_card(window, card_id: str, modifier=NO_MODIFIER) -> None:
    view, scene = window.map_area.current_view(), window.map_area.current_scene()
    item = scene.card_item(card_id)
    view.ensureVisible(item.sceneBoundingRect(), 80, 80)
    QApplication.processEvents()
    point = view.mapFromScene(item.mapToScene(item.body_rect().center()))
    QTest.mouseClick(view.viewport(), LEFT, modifier, point)
    QApplication.processEvents()


def _state(window, card_id: str):
    card = window.document.project.maps[0].cards[card_id]
    return card.emotion, card.moment_of_truth, card.fail_point, card.kind


FIELD_KEYS = [  # key, modifiers, what A and B then are: (emotion, MOT, fail, kind) or a field
    (Qt.Key.Key_1, ALT, {"emotion": -2}, "Set emotion to −2"),
    (Qt.Key.Key_2, ALT, {"emotion": -1}, "Set emotion to −1"),
    (Qt.Key.Key_3, ALT, {"emotion": 0}, "Set emotion to 0"),
    (Qt.Key.Key_4, ALT, {"emotion": 1}, "Set emotion to +1"),
    (Qt.Key.Key_5, ALT, {"emotion": 2}, "Set emotion to +2"),
    (Qt.Key.Key_0, ALT, {"emotion": None}, "Clear emotion"),
    (Qt.Key.Key_T, ALT, {"moment_of_truth": True}, "Mark moment of truth"),  # not all had it
    (Qt.Key.Key_P, ALT, {"fail_point": True}, "Mark fail point"),
    (Qt.Key.Key_K, ALT, {"kind": "action"}, "Change card kind to Action"),  # after B's touchpoint
    (Qt.Key.Key_K, ALT | SHIFT, {"kind": "note"}, "Change card kind to Note"),  # before it: wraps
]


@pytest.mark.parametrize("key, modifiers, expected, text", FIELD_KEYS,
                         ids=[f"{spec[3]}" for spec in FIELD_KEYS])
def test_each_field_shortcut_sets_every_selected_card_in_one_undo_step(qtbot, window, key, modifiers,
                                                                        expected, text):
    a, b = window.cards
    start = {a: _state(window, a), b: _state(window, b)}
    stack = window.document.undo_stack
    _keys_reach(qtbot, window)
    _click_card(window, a)
    _click_card(window, b, CTRL)  # B clicked last: it is the current card
    assert set(window.map_area.current_scene().selected_card_ids()) == {a, b}
    view = window.map_area.current_view()
    qtbot.keyClick(view, key, modifiers)
    assert stack.count() == 1 and stack.text(0) == text
    cards = window.document.project.maps[0].cards
    for card_id in (a, b):
        for field, value in expected.items():
            assert getattr(cards[card_id], field) == value, (card_id, field)
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)  # one undo step puts both back
    assert {a: _state(window, a), b: _state(window, b)} == start
    assert stack.index() == 0


def test_a_flag_already_on_every_selected_card_is_switched_off(qtbot, window):
    a, b = window.cards
    _keys_reach(qtbot, window)
    _click_card(window, a)
    _click_card(window, b, CTRL)
    view = window.map_area.current_view()
    qtbot.keyClick(view, Qt.Key.Key_T, ALT)
    qtbot.keyClick(view, Qt.Key.Key_T, ALT)
    cards = window.document.project.maps[0].cards
    assert not cards[a].moment_of_truth and not cards[b].moment_of_truth
    assert window.document.undo_stack.text(1) == "Unmark moment of truth"
    _click_card(window, a)  # one card: Alt+3 on it alone
    qtbot.keyClick(view, Qt.Key.Key_3, ALT)
    assert (cards[a].emotion, cards[b].emotion) == (0, 1)


def test_ctrl_e_and_the_toolbar_toggle_connect_mode_on_the_map_shown(qtbot, window):
    from PySide6.QtWidgets import QToolButton

    a, b = window.cards
    action = window.actions["actionConnectMode"]
    button = window.findChild(QToolButton, "toolButtonConnectMode")
    assert button is not None and button.isVisible() and action.isCheckable()
    _keys_reach(qtbot, window)
    view = window.map_area.current_view()
    qtbot.keyClick(view, Qt.Key.Key_E, CTRL)
    scene = window.map_area.current_scene()
    assert action.isChecked() and button.isChecked() and scene.connect_mode()
    assert "Connect mode" in window.statusBar().currentMessage()
    before = len(window.document.project.maps[0].connectors)
    _click_card(window, b)
    _click_card(window, a)
    connectors = window.document.project.maps[0].connectors
    assert len(connectors) == before + 1
    assert any((c.source_id, c.target_id) == (b, a) for c in connectors.values())
    qtbot.keyClick(window.map_area.current_view(), Qt.Key.Key_Z, CTRL)
    assert len(window.document.project.maps[0].connectors) == before
    window.actions["actionNextMap"].trigger()  # the switch follows to the map shown
    other = window.map_area.current_scene()
    assert other is not scene and other.connect_mode() and not scene.connect_mode()
    qtbot.mouseClick(button, LEFT)  # off again, from the toolbar
    assert not action.isChecked() and not other.connect_mode()


def test_ctrl_shift_e_draws_the_arrow_between_the_two_selected_cards_once(qtbot, window):
    a, b = window.cards
    connectors = window.document.project.maps[0].connectors
    pairs = lambda: {(c.source_id, c.target_id) for c in connectors.values()}  # noqa: E731
    assert (b, a) not in pairs()
    _keys_reach(qtbot, window)
    _click_card(window, b)
    _click_card(window, a, CTRL)  # b first: the arrow goes from b, against the reading order
    view = window.map_area.current_view()
    qtbot.keyClick(view, Qt.Key.Key_E, CTRL | SHIFT)
    assert (b, a) in pairs() and window.document.undo_stack.count() == 1
    _click_card(window, b)
    _click_card(window, a, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_E, CTRL | SHIFT)
    assert window.statusBar().currentMessage() == describe(
        ModelError("These cards are already joined by an arrow"))
    assert window.document.undo_stack.count() == 1


def test_the_card_keys_clash_with_no_menu_title_in_either_language(window):
    import re

    from blueprint_studio.app.actions import all_menus, all_specs
    from blueprint_studio.app.workspaces.blueprint import actions as blueprint_actions
    from blueprint_studio.i18n import tr

    mnemonics = {match.upper() for menu in all_menus() if not menu.parent for lang in ("en", "zh")
                 for match in re.findall(r"&(\w)", tr(menu.title, lang))}
    ours = [spec for spec in blueprint_actions.ACTIONS if isinstance(spec.shortcut, str)
            and spec.shortcut.startswith("Alt+")]
    assert len(ours) == 10
    for spec in ours:
        key = spec.shortcut.split("+")[-1].upper()
        assert key not in mnemonics, spec.name
    keys = [spec.shortcut for spec in all_specs() if isinstance(spec.shortcut, str)]
    assert len(keys) == len(set(keys))

"""The findings panel in the window: it lists the shown map's findings, a click selects
what a finding names, the canvas marks the critical path and loops, and edits show up a
moment later."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QDockWidget, QTreeWidget

from blueprint_studio.analysis.findings import map_findings
from blueprint_studio.appearance import format_minutes
from blueprint_studio.templates import build_template
from canvas_helpers import Canvas
from test_window import config, make_window, trigger  # noqa: F401 - fixtures

import pytest


@pytest.fixture
def hotel(make_window, qtbot):
    window = make_window(build_template("hotel_stay", "en"))
    window.findChild(QDockWidget, "findingsDock").show()
    qtbot.waitUntil(lambda: window.findings.findings is not None, timeout=2000)
    return window


def _groups(tree: QTreeWidget) -> dict[str, list[str]]:
    return {tree.topLevelItem(i).text(0): [tree.topLevelItem(i).child(j).text(0)
                                           for j in range(tree.topLevelItem(i).childCount())]
            for i in range(tree.topLevelItemCount())}


def _click(qtbot, tree: QTreeWidget, item) -> None:
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_panel_lists_the_findings_and_a_click_selects_the_cards(qtbot, hotel):
    tree = hotel.findings_panel.tree
    groups = _groups(tree)
    assert "Gaps (1)" in groups and groups["Gaps (1)"] == [
        "Customer actions nothing frontstage answers: Sleep, shower · Stay overnight"]
    assert "Waits, longest first (4)" in groups
    assert groups["Waits, longest first (4)"][0] == "30 min · Receive food"
    assert "Fail points (3)" in groups
    assert "Rework loops — none" in groups
    assert groups["Hand-offs across the lines (13)"][:2] == ["Arrive: 2", "Check in: 2"]
    assert hotel.findings_panel.summary.text() == "Gaps: 1 · Rework loops: 0 · Fail points: 3 · Hand-offs: 13"
    path_rows = next(rows for title, rows in groups.items() if title.startswith("Critical path"))
    assert path_rows[0] == ("From the first to the last customer action: "
                            f"{format_minutes(73)} for one pass, 13 steps")
    # A click on a fail point selects its card and brings it into sight.
    fail_group = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                      if tree.topLevelItem(i).text(0).startswith("Fail points"))
    fail_group.setExpanded(True)
    _click(qtbot, tree, fail_group.child(1))
    scene = hotel.map_area.current_scene()
    chosen = scene.selected_card_ids()
    assert [scene.map.cards[c].text for c in chosen] == ["Deliver food"]
    view = hotel.map_area.current_view()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.intersects(scene.card_item(chosen[0]).sceneBoundingRect())


def _canvas(window) -> Canvas:
    scene = window.map_area.current_scene()
    return Canvas(window.document.project, scene.map, window.document.undo_stack, scene,
                  window.map_area.current_view())


def test_an_edit_on_the_canvas_updates_the_panel_a_moment_later(qtbot, hotel):
    window = hotel
    canvas = _canvas(window)
    unanswered = "Customer actions nothing frontstage answers: Sleep, shower · Stay overnight"
    assert unanswered in _groups(window.findings_panel.tree)["Gaps (1)"]
    # A night porter, typed into the empty frontstage cell of "Stay overnight", answers the
    # guest at night; the porter has no owner yet, which the panel notes instead.
    night = next(i for i, s in enumerate(canvas.map.stages) if s.name == "Stay overnight")
    front = next(i for i, lane in enumerate(canvas.map.lanes) if lane.kind.value == "frontstage")
    cell = canvas.scene.layout.cell_rect(canvas.map.stages[night].id, canvas.map.lanes[front].id)
    canvas.view.reveal(QRectF(cell.x, cell.y, cell.w, cell.h))
    canvas.double_click(canvas.cell_point(night, front))
    canvas.keys("Night porter")
    canvas.key(Qt.Key.Key_Return)
    assert any(c.text == "Night porter" for c in canvas.map.cards.values())
    qtbot.waitUntil(lambda: _groups(window.findings_panel.tree).get("Gaps (2)") == [
        "Cards no arrow touches: Night porter · Stay overnight",
        "Steps with no owner: Night porter · Stay overnight"], timeout=2000)
    added = len(canvas.map.cards)
    while len(canvas.map.cards) == added:  # the text, then the card itself
        window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: _groups(window.findings_panel.tree).get("Gaps (1)") == [unanswered],
                    timeout=2000)


def test_highlights_mark_the_critical_path_and_loops_without_changing_cards(qtbot, hotel):
    window = hotel
    scene = window.map_area.current_scene()
    service_map = scene.map
    before = {c.id: (c.text, c.stage_id, c.lane_id, c.order) for c in service_map.cards.values()}
    trigger(window, "actionHighlightCriticalPath")
    found = map_findings(service_map)
    layer = scene.highlights.path
    assert layer.isVisible() and set(layer.marked.cards) == set(found.path.cards)
    assert len(layer.marked.connectors) == len(found.path.cards) - 1
    for card_id in found.path.cards:  # the halo reaches around every card of the path
        assert layer.boundingRect().contains(scene.card_item(card_id).sceneBoundingRect())
    # A loop: "Eat" sends the guest back to "Call room service".
    eat = next(c.id for c in service_map.cards.values() if c.text == "Eat")
    call = next(c.id for c in service_map.cards.values() if c.text == "Call room service")
    scene.connect_cards(eat, call)  # as the arrow gesture does: one undo step
    trigger(window, "actionHighlightLoops")
    qtbot.waitUntil(lambda: bool(scene.highlights.loops.marked.cards), timeout=2000)
    assert {eat, call} <= set(scene.highlights.loops.marked.cards)
    trigger(window, "actionHighlightCriticalPath")  # off again
    assert not layer.isVisible()
    assert {c.id: (c.text, c.stage_id, c.lane_id, c.order) for c in service_map.cards.values()
            if c.id in before} == before


def _moments_group(tree: QTreeWidget):
    return next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                if tree.topLevelItem(i).text(0).startswith("Moments of truth"))


def test_a_candidate_is_confirmed_or_dismissed_in_the_panel_and_a_dismissed_one_stays_away(qtbot, hotel):
    window = hotel
    panel = window.findings_panel
    group = _moments_group(panel.tree)
    group.setExpanded(True)
    rows = [group.child(i).text(0) for i in range(group.childCount())]
    # The hotel's own marks count as confirmed; the curve's lowest point, peak and end are proposed.
    sleep_row = next(i for i, text in enumerate(rows) if "Sleep, shower" in text)
    assert rows[sleep_row].startswith("Proposed · Sleep, shower")
    assert not panel.confirm_button.isEnabled()  # nothing chosen yet
    _click(qtbot, panel.tree, group.child(sleep_row))
    assert panel.confirm_button.isEnabled() and panel.dismiss_button.isEnabled()
    qtbot.mouseClick(panel.dismiss_button, Qt.MouseButton.LeftButton)
    service_map = window.map_area.current_scene().map
    sleep = next(c.id for c in service_map.cards.values() if c.text == "Sleep, shower")
    qtbot.waitUntil(lambda: not any("Sleep, shower" in _moments_group(panel.tree).child(i).text(0)
                                    for i in range(_moments_group(panel.tree).childCount())), timeout=2000)
    # Still dismissed after another edit that would propose it again (the curve is unchanged).
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: any("Proposed · Sleep, shower" in _moments_group(panel.tree).child(i).text(0)
                                for i in range(_moments_group(panel.tree).childCount())), timeout=2000)
    window.document.undo_stack.redo()
    qtbot.waitUntil(lambda: not any("Sleep, shower" in _moments_group(panel.tree).child(i).text(0)
                                    for i in range(_moments_group(panel.tree).childCount())), timeout=2000)
    assert [m.status.value for m in service_map.moments.values() if m.card_id == sleep] == ["dismissed"]
    # Confirming a candidate marks its card on the canvas too, as one undo step.
    group = _moments_group(panel.tree)
    end_row = next(i for i in range(group.childCount())
                   if group.child(i).text(0).startswith("Proposed · "))
    _click(qtbot, panel.tree, group.child(end_row))
    card_id = panel.chosen_moment()[0]
    steps = window.document.undo_stack.count()
    qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
    assert window.document.undo_stack.count() == steps + 1
    assert service_map.cards[card_id].moment_of_truth
    qtbot.waitUntil(lambda: panel.chosen_moment() == (card_id, "confirmed"), timeout=2000)

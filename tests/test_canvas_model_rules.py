"""Business rules the canvas used to decide itself, now in the model (tested without Qt),
and the scene's teardown."""

from __future__ import annotations

from blueprint_studio.model import Card, CardKind, Lane, LaneKind
from blueprint_studio.model import operations as ops
from blueprint_studio.model.factory import new_map, new_project
from blueprint_studio.model.placement import drop_changes_anything, kind_for_new_card, moves_for_drop

NAMES = {CardKind.PAIN_POINT: ["Pain point", "痛点"], CardKind.OPPORTUNITY: ["Opportunity", "机会"],
         CardKind.ACTION: ["Action", "行动"]}


def _map_with(*lanes: Lane):
    service_map = new_map("M", ["One", "Two"])
    project = new_project("P", [service_map])
    for lane in lanes:
        ops.AddLane(service_map.id, lane, len(service_map.lanes)).apply(project)
    return project, service_map


def test_an_empty_custom_lane_gets_the_kind_its_name_says_in_either_language():
    pains, chances, plain = (Lane(LaneKind.CUSTOM, "Pain points"), Lane(LaneKind.CUSTOM, "机会点"),
                             Lane(LaneKind.CUSTOM, "Notes from the floor"))
    _, service_map = _map_with(pains, chances, plain)
    assert kind_for_new_card(service_map, pains.id, NAMES) is CardKind.PAIN_POINT
    assert kind_for_new_card(service_map, chances.id, NAMES) is CardKind.OPPORTUNITY
    assert kind_for_new_card(service_map, plain.id, NAMES) is CardKind.ACTION
    # Without names to match, the name says nothing.
    assert kind_for_new_card(service_map, pains.id, {}) is CardKind.ACTION


def test_standard_lanes_get_their_usual_kind_and_a_lane_s_own_cards_win():
    project, service_map = _map_with()
    evidence = next(lane for lane in service_map.lanes if lane.kind is LaneKind.PHYSICAL_EVIDENCE)
    frontstage = next(lane for lane in service_map.lanes if lane.kind is LaneKind.FRONTSTAGE)
    assert kind_for_new_card(service_map, evidence.id, NAMES) is CardKind.EVIDENCE
    assert kind_for_new_card(service_map, frontstage.id, NAMES) is CardKind.ACTION
    stage = service_map.stages[0].id
    for order, kind in enumerate((CardKind.TOUCHPOINT, CardKind.TOUCHPOINT, CardKind.ACTION)):
        ops.AddCard(service_map.id, Card(stage, frontstage.id, order, "x", kind)).apply(project)
    assert kind_for_new_card(service_map, frontstage.id, NAMES) is CardKind.TOUCHPOINT
    # A tie goes to the plain action.
    ops.AddCard(service_map.id, Card(stage, frontstage.id, 3, "y", CardKind.ACTION)).apply(project)
    assert kind_for_new_card(service_map, frontstage.id, NAMES) is CardKind.ACTION


def test_detach_cuts_the_scene_off_the_undo_stack_and_the_model(qtbot):
    """detach() disconnects by connection handle (nothing swallowed): the undo stack loses
    its receiver, later edits and undos do not reach the dead scene, a second detach is a no-op."""
    from PySide6.QtCore import SIGNAL
    from PySide6.QtGui import QUndoStack

    from blueprint_studio.canvas import MapScene
    from blueprint_studio.commands import push_operation

    project, service_map = _map_with()
    stack = QUndoStack()
    before = stack.receivers(SIGNAL("indexChanged(int)"))
    scene = MapScene(project, service_map.id, stack)
    assert stack.receivers(SIGNAL("indexChanged(int)")) == before + 1
    lane = service_map.lanes[0].id
    scene.add_card(service_map.stages[0].id, lane, CardKind.ACTION, "kept")
    assert len(scene.card_items()) == 1
    scene.detach()
    scene.detach()
    assert stack.receivers(SIGNAL("indexChanged(int)")) == before
    card = Card(service_map.stages[1].id, lane, 0, "after", CardKind.ACTION)
    push_operation(stack, project, ops.AddCard(service_map.id, card), "add")
    stack.undo()
    stack.undo()
    assert scene.card_items() == {} and not service_map.cards
    scene.deleteLater()


def test_a_dropped_group_keeps_its_shape_clamped_to_the_map_and_lands_together():
    project, service_map = _map_with()
    stages = [s.id for s in service_map.stages]
    lanes = [lane.id for lane in service_map.lanes]
    a = Card(stages[0], lanes[1], 0, "a", CardKind.ACTION)
    b = Card(stages[1], lanes[2], 0, "b", CardKind.ACTION)
    there = Card(stages[1], lanes[2], 1, "there", CardKind.ACTION)
    for card in (a, b, there):
        ops.AddCard(service_map.id, card).apply(project)
    # Anchor a one stage right and one lane down: b would go past the last stage, so it
    # stays in the last one, one lane down; a lands at order 0 of its new cell.
    ops.Batch(moves_for_drop(service_map, [a.id, b.id], a.id, (stages[1], lanes[2]), 0)).apply(project)
    moved_a, moved_b = service_map.cards[a.id], service_map.cards[b.id]  # (AddCard copies)
    assert (moved_a.stage_id, moved_a.lane_id) == (stages[1], lanes[2])
    assert (moved_b.stage_id, moved_b.lane_id) == (stages[1], lanes[3])
    assert [c.id for c in service_map.cards_in_cell(stages[1], lanes[2])] == [a.id, there.id]
    # Dropping a card back where it is changes nothing; one place further down does.
    assert not drop_changes_anything(service_map, [a.id], a.id, (stages[1], lanes[2]), 0)
    assert drop_changes_anything(service_map, [a.id], a.id, (stages[1], lanes[2]), 1)
    assert drop_changes_anything(service_map, [a.id], a.id, (stages[0], lanes[2]), 0)

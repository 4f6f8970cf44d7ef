"""The domain model: operations keep it valid and undo exactly; no Qt or SQL inside."""

import ast
import copy
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from blueprint_studio.model import Card, Connector, Lane, LaneKind, ModelError, Stage
from blueprint_studio.model import factory, operations as ops
from blueprint_studio.model.lines import blueprint_lines
from blueprint_studio.model.validate import check_project

MODEL_DIR = Path(__file__).resolve().parents[1] / "blueprint_studio" / "model"


def test_model_imports_neither_qt_nor_sql():
    for path in MODEL_DIR.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                root = name.split(".")[0]
                assert root not in {"PySide6", "shiboken6", "sqlalchemy", "sqlite3", "reportlab"}, (
                    f"{path.name} imports {name}"
                )


def _project():
    project = factory.new_project("t", [factory.new_map("m", ["A", "B", "C"])])
    return project, project.maps[0]


def test_card_cannot_be_placed_in_missing_stage():
    project, m = _project()
    with pytest.raises(ModelError):
        ops.AddCard(m.id, Card(stage_id="nope", lane_id=m.lanes[0].id)).apply(project)
    check_project(project)


def test_removing_stage_removes_its_cards_and_their_arrows_and_undo_restores():
    project, m = _project()
    a = Card(stage_id=m.stages[0].id, lane_id=m.lanes[1].id, text="a")
    b = Card(stage_id=m.stages[1].id, lane_id=m.lanes[1].id, text="b")
    ops.AddCard(m.id, a).apply(project)
    ops.AddCard(m.id, b).apply(project)
    ops.AddConnector(m.id, Connector(a.id, b.id, "next")).apply(project)
    before = copy.deepcopy(project)
    undo = ops.RemoveStage(m.id, m.stages[0].id).apply(project)
    assert set(m.cards) == {b.id} and not m.connectors
    check_project(project)
    undo.apply(project)
    assert project == before


def test_connector_rules():
    project, m = _project()
    a = Card(stage_id=m.stages[0].id, lane_id=m.lanes[1].id)
    ops.AddCard(m.id, a).apply(project)
    with pytest.raises(ModelError):
        ops.AddConnector(m.id, Connector(a.id, a.id)).apply(project)
    with pytest.raises(ModelError):
        ops.AddConnector(m.id, Connector(a.id, "missing")).apply(project)


def test_bad_field_values_are_refused_and_leave_the_card_unchanged():
    project, m = _project()
    card = Card(stage_id=m.stages[0].id, lane_id=m.lanes[1].id, text="x")
    ops.AddCard(m.id, card).apply(project)
    for changes in ({"emotion": 3}, {"wait_minutes": -1}, {"colour": "red"}, {"kind": "bogus"}):
        with pytest.raises((ModelError, ValueError)):
            ops.UpdateCard(m.id, card.id, changes).apply(project)
    assert m.cards[card.id].text == "x" and m.cards[card.id].emotion is None


def test_lines_follow_the_lanes():
    project, m = _project()
    placements = {p.kind.value: p.below_lane_index for p in blueprint_lines(m)}
    assert placements == {"interaction": 2, "visibility": 3, "internal_interaction": 4}
    ops.AddLane(m.id, Lane(LaneKind.CUSTOM, "痛点"), 2).apply(project)
    placements = {p.kind.value: p.below_lane_index for p in blueprint_lines(m)}
    assert placements["interaction"] == 3


# -- random edit sequences, then undo them all ----------------------------------

edit = st.tuples(st.sampled_from([
    "add_card", "add_card", "add_card", "move_card", "remove_card", "update_card",
    "add_connector", "remove_connector", "add_stage", "remove_stage", "move_stage",
    "add_lane", "remove_lane", "move_lane", "update_stage",
]), st.integers(0, 1000), st.integers(0, 1000), st.text(max_size=20))


def _random_operation(m, kind, x, y, text):
    cards = sorted(m.cards)
    if kind == "add_card" and m.stages and m.lanes:
        return ops.AddCard(m.id, Card(stage_id=m.stages[x % len(m.stages)].id,
                                      lane_id=m.lanes[y % len(m.lanes)].id, order=y % 4, text=text))
    if kind == "move_card" and cards and m.stages and m.lanes:
        return ops.MoveCard(m.id, cards[x % len(cards)], m.stages[y % len(m.stages)].id,
                            m.lanes[x % len(m.lanes)].id, y % 3)
    if kind == "remove_card" and cards:
        return ops.RemoveCard(m.id, cards[x % len(cards)])
    if kind == "update_card" and cards:
        return ops.UpdateCard(m.id, cards[x % len(cards)], {"text": text, "emotion": y % 5 - 2})
    if kind == "add_connector" and len(cards) >= 2:
        a, b = cards[x % len(cards)], cards[y % len(cards)]
        if a != b and not any((c.source_id, c.target_id) == (a, b) for c in m.connectors.values()):
            return ops.AddConnector(m.id, Connector(a, b, text))
    if kind == "remove_connector" and m.connectors:
        return ops.RemoveConnector(m.id, sorted(m.connectors)[x % len(m.connectors)])
    if kind == "add_stage":
        return ops.AddStage(m.id, Stage(name=text), x % (len(m.stages) + 1))
    if kind == "remove_stage" and len(m.stages) > 1:  # a map keeps its last stage
        return ops.RemoveStage(m.id, m.stages[x % len(m.stages)].id)
    if kind == "move_stage" and m.stages:
        return ops.MoveStage(m.id, m.stages[x % len(m.stages)].id, y % len(m.stages))
    if kind == "update_stage" and m.stages:
        return ops.UpdateStage(m.id, m.stages[x % len(m.stages)].id, {"name": text})
    if kind == "add_lane":
        return ops.AddLane(m.id, Lane(LaneKind.CUSTOM, text), x % (len(m.lanes) + 1))
    if kind == "remove_lane" and len(m.lanes) > 1:  # and its last lane
        return ops.RemoveLane(m.id, m.lanes[x % len(m.lanes)].id)
    if kind == "move_lane" and m.lanes:
        return ops.MoveLane(m.id, m.lanes[x % len(m.lanes)].id, y % len(m.lanes))
    return None


@settings(max_examples=150, deadline=None)
@given(st.lists(edit, max_size=40))
def test_random_edits_keep_the_model_valid_and_undo_all_restores_it(edits):
    project, m = _project()
    original = copy.deepcopy(project)
    undo_stack, states = [], []
    for kind, x, y, text in edits:
        operation = _random_operation(m, kind, x, y, text)
        if operation is None:
            continue
        states.append(copy.deepcopy(project))
        undo_stack.append(operation.apply(project))
        check_project(project)
    # undo everything, checking each intermediate state; then redo once and undo again
    while undo_stack:
        undo_stack.pop().apply(project)
        assert project == states.pop()
    assert project == original


def test_removing_many_cards_renumbers_only_the_cards_that_stay():
    project, m = _project()
    cell = (m.stages[0].id, m.lanes[1].id)
    cards = [Card(stage_id=cell[0], lane_id=cell[1], order=i, text=str(i)) for i in range(6)]
    for card in cards:
        ops.AddCard(m.id, card).apply(project)
    before = copy.deepcopy(project)
    events = []
    project.events.subscribe(events.extend)  # one change set per edit
    undo = ops.remove_cards(m, [c.id for c in cards[:5]]).apply(project)
    assert [c.text for c in m.cards_in_cell(*cell)] == ["5"]
    updated = [e.entity_id for e in events if e.action == "updated"]
    # Only the card that stays is renumbered (once per card removed before it); the doomed
    # cards are never renumbered on their way out.
    assert updated == [cards[5].id] * 5
    check_project(project)
    undo.apply(project)
    assert project == before

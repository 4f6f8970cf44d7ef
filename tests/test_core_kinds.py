"""The core: kinds described once, the same checks on every way in, change sets, and
incremental saves of random edits that never fall back to a whole rewrite."""

from __future__ import annotations

import ast
import copy
import dataclasses
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blueprint_studio.i18n import _ZH, describe
from blueprint_studio.model import Card, Connector, Lane, LaneKind, ModelError, Stage, factory
from blueprint_studio.model import operations as ops
from blueprint_studio.model.kinds import KINDS
from blueprint_studio.model.validate import check_project
from blueprint_studio.storage import ProjectFile, read_project

MODEL = Path(__file__).resolve().parents[1] / "blueprint_studio" / "model"


def _project():
    service_map = factory.new_map("Hotel", ["Arrive", "Sleep", "Leave"])
    return factory.new_project("Core", [service_map]), service_map


def test_every_attribute_of_every_entity_is_described_with_its_dataclass_default():
    for kind in KINDS.values():
        contained = {child.attribute for child in KINDS.values() if child.parent == kind.name}
        attributes = {f.name for f in dataclasses.fields(kind.cls)} - {"id"} - contained
        assert attributes == {spec.name for spec in kind.fields}, kind.name
        for spec in kind.fields:
            if spec.type != "ref":
                assert spec.default == kind.default(spec.name), (kind.name, spec.name)


@pytest.mark.parametrize("operation", [
    lambda m: ops.AddStage(m.id, Stage(name="x", width=10.0)),
    lambda m: ops.AddStage(m.id, Stage(name=3)),  # type: ignore[arg-type]
    lambda m: ops.AddLane(m.id, Lane(LaneKind.CUSTOM, "x", colour="red")),
    lambda m: ops.AddLane(m.id, Lane("nonsense", "x")),  # type: ignore[arg-type]
    lambda m: ops.AddCard(m.id, Card(stage_id=m.stages[0].id, lane_id=m.lanes[0].id,
                                     emotion=7)),
    lambda m: ops.AddCard(m.id, Card(stage_id=m.stages[0].id, lane_id=m.lanes[0].id,
                                     moment_of_truth="false")),  # type: ignore[arg-type]
])
def test_every_way_of_adding_runs_the_field_checks(operation):
    project, service_map = _project()
    before = copy.deepcopy(project)
    with pytest.raises(ModelError):
        operation(service_map).apply(project)
    assert project == before


def test_a_whole_map_added_at_once_is_checked_all_the_way_down():
    project, _ = _project()
    bad = factory.new_map("Bad", ["One"])
    bad.lanes[0].colour = "not a colour"
    with pytest.raises(ModelError, match="Colour"):
        ops.AddMap(bad).apply(project)
    bad.lanes[0].colour = ""
    bad.stages[0].width = 1e9
    with pytest.raises(ModelError, match="Column width"):
        ops.AddMap(bad).apply(project)
    assert len(project.maps) == 1


def test_a_map_keeps_its_last_stage_and_lane_and_a_project_its_last_map():
    project, service_map = _project()
    for stage in service_map.stages[1:]:
        ops.RemoveStage(service_map.id, stage.id).apply(project)
    with pytest.raises(ModelError, match="keeps at least one stage"):
        ops.RemoveStage(service_map.id, service_map.stages[0].id).apply(project)
    for lane in service_map.lanes[1:]:
        ops.RemoveLane(service_map.id, lane.id).apply(project)
    with pytest.raises(ModelError, match="keeps at least one lane"):
        ops.RemoveLane(service_map.id, service_map.lanes[0].id).apply(project)
    with pytest.raises(ModelError, match="keeps at least one map"):
        ops.RemoveMap(service_map.id).apply(project)
    assert len(service_map.stages) == len(service_map.lanes) == len(project.maps) == 1


def _model_error_templates() -> set[str]:
    templates = set()
    for path in [*MODEL.glob("*.py"), *(MODEL.parent / "analysis").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "ModelError"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                templates.add(node.args[0].value)
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "ModelError"
                    and node.args and isinstance(node.args[0], ast.JoinedStr)):
                pytest.fail(f"an f-string ModelError in {path.name} cannot be translated")
    return templates


def test_every_model_message_and_every_name_it_fills_in_has_chinese():
    templates = _model_error_templates()
    assert len(templates) >= 30
    missing = [t for t in templates if t not in _ZH]
    assert not missing
    for template in templates:
        assert set(re.findall(r"{(\w+)", template)) == set(re.findall(r"{(\w+)", _ZH[template]))
    labels = {kind.label for kind in KINDS.values()}
    labels |= {spec.label for kind in KINDS.values() for spec in kind.fields}
    labels |= {kind.unique_message for kind in KINDS.values()}
    labels |= {kind.distinct_message for kind in KINDS.values()}
    assert not [label for label in labels if label not in _ZH]


def test_a_refusal_reads_in_chinese_with_its_values_translated():
    project, service_map = _project()
    with pytest.raises(ModelError) as caught:
        ops.UpdateCard(service_map.id, "missing", {"text": "x"}).apply(project)
    assert describe(caught.value, "zh") == "没有编号为 missing 的卡片"
    ops.AddCard(service_map.id, Card(stage_id=service_map.stages[0].id,
                                     lane_id=service_map.lanes[1].id, id="c1")).apply(project)
    with pytest.raises(ModelError) as caught:
        ops.UpdateCard(service_map.id, "c1", {"emotion": 9}).apply(project)
    assert str(caught.value) == "Emotion must be from -2 to 2"
    assert describe(caught.value, "zh") == "情绪必须在 -2 到 2 之间"


# -- change sets ------------------------------------------------------------------------

def test_a_batch_is_announced_once_after_it_succeeded_and_a_failed_one_not_at_all():
    project, service_map = _project()
    heard = []
    project.events.subscribe(heard.append)
    stage, lane = service_map.stages[0].id, service_map.lanes[1].id
    cards = [Card(stage_id=stage, lane_id=lane, order=0, text=str(i)) for i in range(3)]
    ops.Batch([ops.AddCard(service_map.id, card) for card in cards]).apply(project)
    assert len(heard) == 1 and [e.action for e in heard[0]].count("added") == 3
    before = copy.deepcopy(project)
    failing = ops.Batch([ops.UpdateCard(service_map.id, cards[0].id, {"text": "new"}),
                         ops.UpdateCard(service_map.id, cards[1].id, {"emotion": 99})])
    with pytest.raises(ModelError):
        failing.apply(project)
    assert project == before and len(heard) == 1


def test_a_failing_listener_neither_half_changes_the_model_nor_silences_the_others(caplog):
    project, service_map = _project()
    seen_by_second = []

    def broken(changes):
        # Everything of the edit is already there when anyone hears of it.
        assert len(service_map.stages) == 5
        raise RuntimeError("a broken view")

    unsubscribe = project.events.subscribe(broken)
    project.events.subscribe(seen_by_second.append)
    ops.Batch([ops.AddStage(service_map.id, Stage(name="4")),
               ops.AddStage(service_map.id, Stage(name="5"))]).apply(project)
    assert len(service_map.stages) == 5 and len(seen_by_second) == 1
    assert any("a broken view" in (r.exc_text or "") for r in caplog.records)
    caplog.clear()  # the autouse guard would (rightly) fail this test otherwise
    unsubscribe()


# -- incremental saves of any edit -------------------------------------------------------

edit = st.tuples(st.sampled_from([
    "add_card", "add_card", "move_card", "remove_card", "update_card", "add_connector",
    "remove_connector", "add_stage", "remove_stage", "move_stage", "update_lane",
    "add_lane", "move_lane", "add_map", "remove_map", "move_map", "update_map", "info",
]), st.integers(0, 1000), st.integers(0, 1000), st.text(max_size=12))


def _operation(project, kind, x, y, text):
    m = project.maps[x % len(project.maps)]
    cards = sorted(m.cards)
    if kind == "add_card":
        return ops.AddCard(m.id, Card(stage_id=m.stages[x % len(m.stages)].id,
                                      lane_id=m.lanes[y % len(m.lanes)].id, order=y % 3, text=text))
    if kind == "move_card" and cards:
        return ops.MoveCard(m.id, cards[y % len(cards)], m.stages[y % len(m.stages)].id,
                            m.lanes[x % len(m.lanes)].id, y % 3)
    if kind == "remove_card" and cards:
        return ops.RemoveCard(m.id, cards[y % len(cards)])
    if kind == "update_card" and cards:
        return ops.UpdateCard(m.id, cards[y % len(cards)], {"text": text, "fail_point": bool(y % 2)})
    if kind == "add_connector" and len(cards) >= 2:
        a, b = cards[x % len(cards)], cards[y % len(cards)]
        if a != b and not any((c.source_id, c.target_id) == (a, b) for c in m.connectors.values()):
            return ops.AddConnector(m.id, Connector(a, b, text))
    if kind == "remove_connector" and m.connectors:
        return ops.RemoveConnector(m.id, sorted(m.connectors)[y % len(m.connectors)])
    if kind == "add_stage":
        return ops.AddStage(m.id, Stage(name=text), y % (len(m.stages) + 1))
    if kind == "remove_stage" and len(m.stages) > 1:
        return ops.RemoveStage(m.id, m.stages[y % len(m.stages)].id)
    if kind == "move_stage":
        return ops.MoveStage(m.id, m.stages[y % len(m.stages)].id, x % len(m.stages))
    if kind == "update_lane":
        return ops.UpdateLane(m.id, m.lanes[y % len(m.lanes)].id, {"name": text})
    if kind == "add_lane":
        return ops.AddLane(m.id, Lane(LaneKind.CUSTOM, text), y % (len(m.lanes) + 1))
    if kind == "move_lane":
        return ops.MoveLane(m.id, m.lanes[y % len(m.lanes)].id, x % len(m.lanes))
    if kind == "add_map":
        return ops.AddMap(factory.new_map(text, ["A", "B"]), y % (len(project.maps) + 1))
    if kind == "remove_map" and len(project.maps) > 1:
        return ops.RemoveMap(m.id)
    if kind == "move_map":
        return ops.MoveMap(m.id, y % len(project.maps))
    if kind == "update_map":
        return ops.UpdateMap(m.id, {"name": text, "show_emotion_curve": bool(y % 2)})
    if kind == "info":
        return ops.UpdateProjectInfo({"title": text})
    return None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(edit, st.booleans(), st.booleans()), min_size=1, max_size=25))
def test_random_edits_and_undos_are_always_saved_incrementally(tmp_path, steps):
    project, _ = _project()
    path = tmp_path / "random.bpstudio"
    path.unlink(missing_ok=True)
    project_file = ProjectFile.create(project, path)
    created = project_file.whole_rewrites
    undo = []
    try:
        for (kind, x, y, text), undo_it, save in steps:
            operation = _operation(project, kind, x, y, text)
            if operation is not None:
                undo.append(operation.apply(project))
            if undo_it and undo:
                undo.pop().apply(project)
            check_project(project)
            if save:
                project_file.save()
                assert read_project(path) == project
        project_file.save()
        assert read_project(path) == project
        assert project_file.whole_rewrites == created  # never a fall-back to a whole rewrite
    finally:
        project_file.close()


def test_events_name_their_map_only_for_what_lies_on_a_map():
    from blueprint_studio.model.screening import Criterion, Screening

    project, service_map = _project()
    heard = []
    project.events.subscribe(heard.append)
    screening = Screening(name="S")
    ops.Add("screening", (), screening).apply(project)
    ops.Add("criterion", (screening.id,), Criterion("Value")).apply(project)
    ops.UpdateStage(service_map.id, service_map.stages[0].id, {"name": "x"}).apply(project)
    ops.UpdateMap(service_map.id, {"name": "y"}).apply(project)
    assert [changes.map_ids for changes in heard] == [set(), set(), {service_map.id}, {service_map.id}]

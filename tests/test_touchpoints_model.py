"""Touchpoint evaluation's entities (moments of truth, answer counts, ratings, KPIs) ride on
the core: the project file, JSON, undo and validation take them with no code of their own;
older files and files without them stay as they were."""

from __future__ import annotations

import copy
import json
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blueprint_studio.interchange import InterchangeError, dumps_json, loads_json
from blueprint_studio.model import Card, ModelError, factory
from blueprint_studio.model import operations as ops
from blueprint_studio.model.touchpoints import (
    SCALES, AnswerCount, Kpi, Lever, MomentDecision, MomentStatus, Phase, Rating, add_counts,
    answers_of, moment_of, rating_of, set_count, update_moment, update_rating,
)
from blueprint_studio.model.validate import check_project
from blueprint_studio.storage import ProjectFile, ProjectFileError, read_project, write_project
from strategies import projects

SETTINGS = settings(max_examples=30, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def projects_with_evaluations(draw):
    project = draw(projects(max_maps=2))
    for service_map in project.maps:
        cards = list(service_map.cards)
        if not cards:
            continue
        for card_id in draw(st.lists(st.sampled_from(cards), unique=True, max_size=3)):
            decision = MomentDecision(
                card_id, draw(st.sampled_from(MomentStatus)), draw(st.none() | st.integers(1, 5)),
                draw(st.none() | st.sampled_from(Lever)), draw(st.text(max_size=5)),
                draw(st.text(max_size=5)))
            service_map.moments[decision.id] = decision
            rating = Rating(card_id, draw(st.none() | st.floats(1, 5)), draw(st.none() | st.floats(1, 5)))
            service_map.ratings[rating.id] = rating
            service_map.kpis.append(Kpi(card_id, draw(st.text(max_size=5)), "min",
                                        draw(st.none() | st.floats(-1e6, 1e6)), None,
                                        draw(st.booleans())))
        seen = set()
        for _ in range(draw(st.integers(0, 6))):
            metric = draw(st.sampled_from(list(SCALES)))
            low, high = SCALES[metric]
            key = (draw(st.sampled_from(cards)), metric, draw(st.sampled_from([None, *Phase])),
                   draw(st.integers(low, high)))
            if key not in seen:
                seen.add(key)
                answer = AnswerCount(*key, count=draw(st.integers(0, 1000)))
                service_map.answer_counts[answer.id] = answer
    return project


@SETTINGS
@given(projects_with_evaluations())
def test_evaluations_round_trip_through_json_and_the_project_file(project):
    check_project(project)
    text = dumps_json(project)
    again = loads_json(text)
    assert again == project and dumps_json(again) == text
    held = any(m.moments or m.answer_counts or m.ratings or m.kpis for m in project.maps)
    assert (json.loads(text)["version"] == 3) == held
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.bpstudio"
        write_project(project, path)
        assert read_project(path) == project


def _project():
    service_map = factory.new_map("Hotel", ["Arrive", "Sleep"])
    project = factory.new_project("Evaluation", [service_map])
    card = ops.AddCard(service_map.id, Card(service_map.stages[0].id,
                                                     service_map.lanes[1].id, text="Check in"))
    card.apply(project)
    return project, service_map, next(iter(service_map.cards.values()))


def test_a_map_without_evaluations_writes_no_new_sections_and_stays_format_1():
    project, _map, _card = _project()
    data = json.loads(dumps_json(project))
    assert data["version"] == 1
    assert not {"moments_of_truth", "answer_counts", "ratings", "kpis"} & set(data["project"]["maps"][0])


def test_an_answer_off_its_scale_is_refused_by_the_operations_json_and_the_file(tmp_path):
    project, service_map, card = _project()
    scope = (service_map.id,)
    with pytest.raises(ModelError, match="A CSAT answer is from 1 to 5, not 0"):
        ops.Add("answer_count", scope, AnswerCount(card.id, "csat", None, 0, 3)).apply(project)
    with pytest.raises(ModelError, match="CES answer is from 1 to 7"):
        ops.Add("answer_count", scope, AnswerCount(card.id, "ces", None, 8, 3)).apply(project)
    ops.Add("answer_count", scope, AnswerCount(card.id, "nps", None, 0, 3)).apply(project)
    ops.Add("answer_count", scope, AnswerCount(card.id, "nps", Phase.AFTER, 0, 3)).apply(project)
    with pytest.raises(ModelError, match="counted for this card already"):
        ops.Add("answer_count", scope, AnswerCount(card.id, "nps", None, 0, 1)).apply(project)
    data = json.loads(dumps_json(project))
    data["project"]["maps"][0]["answer_counts"][0]["metric"] = "csat"
    with pytest.raises(InterchangeError, match=r"answer_counts\[0\].*CSAT answer is from 1 to 5"):
        loads_json(json.dumps(data))
    path = tmp_path / "p.bpstudio"
    write_project(project, path)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE answer_counts SET score = 11")
    connection.commit()
    connection.close()
    with pytest.raises(ProjectFileError):
        read_project(path)


def test_removing_a_card_removes_what_was_recorded_about_it_and_undo_brings_it_back():
    project, service_map, card = _project()
    batch = ops.Batch([
        update_moment(service_map, card.id, {"status": MomentStatus.CONFIRMED, "importance": 4}),
        update_rating(service_map, card.id, {"importance": 4.0}),
        *add_counts(service_map, card.id, "csat", None, {4: 3, 5: 2}),
        ops.Add("kpi", (service_map.id,), Kpi(card.id, "Wait", "min", 12, 4, False)),
    ])
    batch.apply(project)
    assert moment_of(service_map, card.id).importance == 4
    assert len(answers_of(service_map, card.id)) == 2
    before = copy.deepcopy(project)
    undo = ops.RemoveCard(service_map.id, card.id).apply(project)
    assert not (service_map.moments or service_map.answer_counts or service_map.ratings
                or service_map.kpis)
    undo.apply(project)
    assert project == before


def test_counts_are_set_added_and_cleared_through_the_generic_operations():
    project, service_map, card = _project()
    set_count(service_map, card.id, "ces", Phase.BEFORE, 6, 5).apply(project)
    assert set_count(service_map, card.id, "ces", Phase.BEFORE, 6, 5) is None  # nothing to do
    for operation in add_counts(service_map, card.id, "ces", Phase.BEFORE, {6: 2, 7: 1}):
        operation.apply(project)
    assert sorted((a.score, a.count) for a in answers_of(service_map, card.id)) == [(6, 7), (7, 1)]
    set_count(service_map, card.id, "ces", Phase.BEFORE, 6, 0).apply(project)  # no row for 0
    assert [(a.score, a.count) for a in answers_of(service_map, card.id)] == [(7, 1)]
    update_rating(service_map, card.id, {"performance": 2.5}).apply(project)
    assert rating_of(service_map, card.id).performance == 2.5
    update_rating(service_map, card.id, {"performance": None}).apply(project)
    assert rating_of(service_map, card.id) is None  # an empty rating is no row
    with pytest.raises(ModelError, match="Importance must be from 1 to 5"):
        update_rating(service_map, card.id, {"importance": 6.0}).apply(project)


def test_the_project_file_saves_evaluations_incrementally(tmp_path):
    project, service_map, card = _project()
    path = tmp_path / "inc.bpstudio"
    write_project(project, path)
    project_file = ProjectFile.open(path)
    live = project_file.project
    live_map = live.maps[0]
    update_moment(live_map, card.id, {"status": MomentStatus.DISMISSED, "note": "not for us"}).apply(live)
    ops.Add("kpi", (live_map.id,), Kpi(card.id, "First-contact resolution", "%", 60, 80)).apply(live)
    project_file.save()
    update_moment(live_map, card.id, {"status": MomentStatus.CONFIRMED}).apply(live)
    project_file.save()
    project_file.close()
    reread = read_project(path)
    assert reread == live
    assert moment_of(reread.maps[0], card.id).status is MomentStatus.CONFIRMED
    connection = sqlite3.connect(path)
    rows = connection.execute("SELECT status, note FROM moments").fetchall()
    kpis = connection.execute("SELECT name, unit, before, after, higher_is_better FROM kpis").fetchall()
    connection.close()
    assert rows == [("confirmed", "not for us")]
    assert kpis == [("First-contact resolution", "%", 60.0, 80.0, 1)]

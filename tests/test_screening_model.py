"""Concept screening's entities ride on the core: the project file, JSON, undo and the
incremental saves take them with no code of their own."""

from __future__ import annotations

import copy
import json
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from blueprint_studio.interchange import dumps_json, loads_json
from blueprint_studio.model import ModelError, factory
from blueprint_studio.model import operations as ops
from blueprint_studio.model.screening import Concept, Criterion, Score, Screening, Voter
from blueprint_studio.model.validate import check_project
from blueprint_studio.storage import ProjectFile, read_project, write_project
from strategies import projects_with_screening

FORMAT_1 = Path(__file__).parent / "fixtures" / "v1" / "hotel_stay.bpstudio"
SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@SETTINGS
@given(projects_with_screening())
def test_screenings_round_trip_through_json_and_the_project_file(project):
    check_project(project)
    text = dumps_json(project)
    again = loads_json(text)
    assert again == project and dumps_json(again) == text
    if project.screenings or project.brainstorms:
        assert json.loads(text)["version"] == 2
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.bpstudio"
        write_project(project, path)
        assert read_project(path) == project


def _screening_project():
    project = factory.new_project("Screening", [factory.new_map("m", ["a"])])
    screening = Screening(name="Round 1")
    screening.criteria = [Criterion("Value", weight=60), Criterion("Cost", weight=40)]
    screening.voters = [Voter("Group 1"), Voter("Group 2")]
    screening.concepts = [Concept("Self check-in"), Concept("Welcome call")]
    ops.Add("screening", (), screening).apply(project)
    return project, project.screenings[0]


def test_scores_are_checked_unique_and_removed_with_their_concept():
    project, screening = _screening_project()
    scope = (screening.id,)
    concept, criterion, voter = screening.concepts[0], screening.criteria[0], screening.voters[0]
    ops.Add("score", scope, Score(concept.id, criterion.id, voter.id, 4)).apply(project)
    with pytest.raises(ModelError):
        ops.Add("score", scope, Score(concept.id, criterion.id, voter.id, 2)).apply(project)
    with pytest.raises(ModelError, match="Score must be from 1 to 5"):
        ops.Add("score", scope, Score(concept.id, criterion.id, screening.voters[1].id, 6)).apply(project)
    with pytest.raises(ModelError, match="must point at an existing voter"):
        ops.Add("score", scope, Score(concept.id, criterion.id, "nobody", 2)).apply(project)
    before = copy.deepcopy(project)
    undo = ops.Remove("concept", scope, concept.id).apply(project)
    assert not screening.scores
    undo.apply(project)
    assert project == before


def test_a_format_1_file_gains_the_screening_tables_and_saves_a_screening(tmp_path):
    path = tmp_path / "old.bpstudio"
    path.write_bytes(FORMAT_1.read_bytes())
    with ProjectFile.open(path) as project_file:
        project = project_file.project
        screening = Screening(name="Hotel ideas")
        screening.criteria = [Criterion("Value", weight=100)]
        ops.Add("screening", (), screening).apply(project)
        project_file.save()
        ops.Update("criterion", (screening.id,), screening.criteria[0].id, {"name": "价值"}).apply(project)
        project_file.save()
    reread = read_project(path)
    assert reread.screenings[0].criteria[0].name == "价值"
    tables = {r[0] for r in sqlite3.connect(path).execute(
        "SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"screenings", "criteria", "comparisons", "voters", "concepts", "scores",
            "dot_votes", "brainstorms", "ideas"} <= tables


def test_screening_edits_are_saved_incrementally(tmp_path):
    project, screening = _screening_project()
    path = tmp_path / "s.bpstudio"
    with ProjectFile.create(project, path) as project_file:
        scope = (screening.id,)
        for concept in screening.concepts:
            for criterion in screening.criteria:
                ops.Add("score", scope, Score(concept.id, criterion.id, screening.voters[0].id, 3)).apply(project)
        project_file.save()
        ops.Move("criterion", scope, screening.criteria[1].id, 0).apply(project)
        ops.Update("voter", scope, screening.voters[1].id, {"name": "第二组"}).apply(project)
        project_file.save()
        assert project_file.whole_rewrites == 0  # every save after the create is incremental
    assert read_project(path) == project

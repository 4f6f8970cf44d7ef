"""Screening CSVs from Excel/WPS through the real command line: recognised by header,
added to an existing project in one edit, bad rows named by row and column."""

from __future__ import annotations

import json

import pytest

from blueprint_studio.cli import main
from blueprint_studio.storage import read_project

PAIRWISE = ",Value,Feasibility,Cost,Fit\nValue,1,4,3,7\nFeasibility,,1,1/3,3\nCost,,,1,5\nFit,,,,1\n"
SCORES = ("concept,criterion,voter,score\n" + "".join(
    f"{concept},{criterion},G{voter},{score}\n"
    for concept, row in (("Self check-in", (5, 4, 3, 4)), ("Welcome call", (3, 5, 4, 2)))
    for voter in (1, 2) for criterion, score in zip(("Value", "Feasibility", "Cost", "Fit"), row)))


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "w.bpstudio"
    assert main(["new", "--template", "hotel_stay", "-o", str(path), "--lang", "en"]) == 0
    return path


def _import(tmp_path, project, name, text, *extra):
    source = tmp_path / name
    source.write_text(text, encoding="utf-8-sig")
    return main(["import", str(source), "-o", str(project), "--lang", "en", *extra])


def test_a_pairwise_matrix_then_scores_rank_the_concepts(tmp_path, project, capsys):
    assert _import(tmp_path, project, "pairwise.csv", PAIRWISE) == 0
    assert _import(tmp_path, project, "scores.csv", SCORES) == 0
    capsys.readouterr()
    assert main(["info", str(project), "--json"]) == 0
    (screening,) = json.loads(capsys.readouterr().out)["screenings"]
    assert [round(c["weight"], 3) for c in screening["criteria"]] == [0.548, 0.127, 0.270, 0.056]
    assert round(screening["consistency"]["cr"], 3) == 0.044
    assert screening["consistency"]["random_index"] == 0.90
    ranks = {c["title"]: c["rank"] for c in screening["concepts"]}
    assert ranks == {"Self check-in": 1, "Welcome call": 2}
    saved = read_project(project).screenings[0]
    assert len(saved.scores) == 16 and len(saved.voters) == 2


def test_ideas_go_into_their_rounds(tmp_path, project):
    text = "title,description,round\n自助入住,手机开门,第1轮\nWelcome call,,Round 2\nLate checkout,,第1轮\n"
    assert _import(tmp_path, project, "ideas.csv", text) == 0
    rounds = {b.name: [i.title for i in b.ideas] for b in read_project(project).brainstorms}
    assert rounds == {"第1轮": ["自助入住", "Late checkout"], "Round 2": ["Welcome call"]}


@pytest.mark.parametrize("name, text, words", [
    ("scores.csv", "concept,criterion,score\nA,Nope,3\n", ["Row 2", "criterion", "Nope"]),
    ("scores.csv", "concept,criterion,score\nA,Value,7\n", ["Row 2", "score", "7"]),
    ("pairwise.csv", ",Value,Cost\nValue,1,abc\nCost,,1\n", ["Row 2", "column C", "judgement"]),
    ("pairwise.csv", ",Value,Cost\nValue,1,12\nCost,,1\n", ["Row 2", "column C", "1/9 to 9"]),
    ("pairwise.csv", ",Value,Cost\nValue,1,3\nCost,3,1\n", ["Row 3", "contradicts"]),
])
def test_bad_rows_are_named_and_the_project_is_untouched(tmp_path, project, capsys, name, text, words):
    if name == "scores.csv":
        assert _import(tmp_path, project, "pairwise.csv", PAIRWISE) == 0
    before = project.read_bytes()
    capsys.readouterr()
    assert _import(tmp_path, project, name, text) == 2
    error = capsys.readouterr().err
    assert error.startswith("blueprint-studio: error:") and all(w in error for w in words), error
    assert project.read_bytes() == before


def test_screening_csv_needs_an_existing_project(tmp_path, capsys):
    assert _import(tmp_path, tmp_path / "none.bpstudio", "scores.csv", SCORES) == 2
    assert "existing project" in capsys.readouterr().err

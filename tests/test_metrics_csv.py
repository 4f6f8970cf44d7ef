"""Raw survey responses from a CSV on disk through the real command line: recognised by its
header (or --as metrics), added to the project's cards in one edit, every kind of bad row
named by row and column with nothing changed; `info` and `info --json` show the moments of
truth, the metrics with their n and the importance–performance quadrants."""

from __future__ import annotations

import json
import sqlite3

import pytest

from blueprint_studio.cli import main
from blueprint_studio.interchange import dumps_json, loads_json
from blueprint_studio.storage import read_project

SURVEY = """card,metric,score,respondent,phase
Check in,csat,2,r1,before
Check in,csat,4,r2,before
Check in,csat,5,r1,after
Check in,满意度,4,r2,after
Check in,csat,3,r3,after
Receive food,nps,10,r1,
Receive food,净推荐值,9,r2,
Receive food,nps,3,r3,
Receive food,ces,6,r1,
Receive food,费力度,,r2,
Check in,importance,5,r1,
Check in,重要性,4,r2,
Check in,performance,2,r1,
Check in,表现,3,r2,
Receive food,importance,3,r1,
Receive food,performance,4,r1,
Eat,importance,2,r1,
Eat,performance,2,r1,
"""


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "hotel.bpstudio"
    assert main(["new", "--template", "hotel_stay", "-o", str(path), "--lang", "en"]) == 0
    return path


def _import(tmp_path, capsys, project, text, *extra, name="survey.csv"):
    source = tmp_path / name
    source.write_text(text, encoding="utf-8-sig")
    capsys.readouterr()
    code = main(["import", str(source), "-o", str(project), "--lang", "en", *extra])
    out, err = capsys.readouterr()
    return code, out, err


def _info(capsys, project, *extra):
    capsys.readouterr()
    assert main(["info", str(project), "--lang", "en", *extra]) == 0
    return capsys.readouterr().out


def test_a_survey_export_is_recognised_added_and_shown_by_info(tmp_path, capsys, project):
    code, out, err = _import(tmp_path, capsys, project, SURVEY)
    assert code == 0, err
    assert "Added 17 survey responses about 3 cards" in out and "Skipped 1 rows" in out
    summary = json.loads(_info(capsys, project, "--json"))["maps"][0]
    by_card = {t["card"]: t["metrics"] for t in summary["touchpoints"]}
    # Check in: after 5, 4, 3 -> 2 of 3 satisfied; before 2, 4 -> 1 of 2
    assert by_card["Check in"]["csat"] == {"value": 66.67, "n": 3, "phase": "after",
                                           "before": {"value": 50.0, "n": 2},
                                           "after": {"value": 66.67, "n": 3}, "change": 16.67}
    assert by_card["Check in"]["nps"] == {"value": None, "n": 0, "phase": None}  # no data: None
    # Receive food: 10, 9, 3 -> 2 promoters, 1 detractor of 3 -> +33.33; CES one answer 6
    assert by_card["Receive food"]["nps"]["value"] == 33.33 and by_card["Receive food"]["nps"]["n"] == 3
    assert by_card["Receive food"]["ces"] == {"value": 6.0, "n": 1, "phase": None}
    # IPA: importance 4.5, 3, 2 (mean 3.17); performance 2.5, 4, 2 (mean 2.83)
    assert [(p["card"], p["importance"], p["performance"], p["quadrant"]) for p in summary["ipa"]] == [
        ("Check in", 4.5, 2.5, "concentrate_here"), ("Receive food", 3.0, 4.0, "possible_overkill"),
        ("Eat", 2.0, 2.0, "low_priority")]
    moments = summary["moments_of_truth"]
    assert set(moments[0]) >= {"card", "status", "reason", "importance", "lever"}
    assert moments[0]["status"] == "confirmed" and moments[-1]["status"] == "proposed"
    text = _info(capsys, project)
    assert "CSAT 66.7 % (n=3, before 50 %, change +16.7)" in text
    assert "Check in: Concentrate here (4.5 / 2.5)" in text
    assert "Moments of truth, ranked:" in text and "1. Greet and take bags — Confirmed" in text
    assert main(["info", str(project), "--lang", "zh"]) == 0
    assert "Check in: 重点改进 (4.5 / 2.5)" in capsys.readouterr().out


def test_the_answers_are_stored_as_counts_and_round_trip_through_json(tmp_path, capsys, project):
    assert _import(tmp_path, capsys, project, SURVEY)[0] == 0
    connection = sqlite3.connect(project)
    rows = connection.execute("SELECT metric, phase, score, count FROM answer_counts "
                              "ORDER BY metric, phase, score").fetchall()
    connection.close()
    assert ("csat", "after", 4, 1) in rows and ("nps", None, 10, 1) in rows and len(rows) == 17
    again = read_project(project)
    text = dumps_json(again)
    assert json.loads(text)["version"] == 3 and loads_json(text) == again
    out = tmp_path / "again.json"
    assert main(["export", str(project), "-o", str(out)]) == 0
    assert main(["import", str(out), "-o", str(tmp_path / "copy.bpstudio")]) == 0
    assert read_project(tmp_path / "copy.bpstudio").maps == again.maps


def test_importing_again_adds_to_the_counts(tmp_path, capsys, project):
    text = "card,metric,score\nCheck in,csat,5\nCheck in,csat,5\n"
    assert _import(tmp_path, capsys, project, text)[0] == 0
    assert _import(tmp_path, capsys, project, text)[0] == 0
    summary = json.loads(_info(capsys, project, "--json"))["maps"][0]
    assert summary["touchpoints"][0]["metrics"]["csat"] == {"value": 100.0, "n": 4, "phase": None}


def test_forced_with_as_metrics_and_limited_to_one_map_with_map(tmp_path, capsys, project):
    text = "Touchpoint,Metric,Answer\nCheck in,CSAT,4\n"
    code, out, err = _import(tmp_path, capsys, project, text, "--as", "metrics", "--map", "Overnight hotel stay")
    assert code == 0, err
    code, _out, err = _import(tmp_path, capsys, project, text, "--map", "No such map")
    assert code == 2 and "no map named \"No such map\"" in err


def test_card_ids_and_chinese_headers_are_taken(tmp_path, capsys, project):
    card_id = next(c.id for c in read_project(project).maps[0].cards.values() if c.text == "Check in")
    text = f"卡片,指标,评分,受访者,时段\n{card_id},费力度,7,张三,改进后\n"
    code, out, err = _import(tmp_path, capsys, project, text)
    assert code == 0, err
    summary = json.loads(_info(capsys, project, "--json"))["maps"][0]
    assert summary["touchpoints"][0]["metrics"]["ces"]["phase"] == "after"


BAD_ROWS = [
    ("card,metric,score\nCheck in,csat,6\n", 'Row 2, column "score" (C): CSAT is answered with a whole number from 1 to 5, not "6"'),
    ("card,metric,score\nCheck in,nps,-1\n", "NPS is answered with a whole number from 0 to 10"),
    ("card,metric,score\nCheck in,ces,8\n", "CES is answered with a whole number from 1 to 7"),
    ("card,metric,score\nCheck in,importance,0\n", "importance is answered with a whole number from 1 to 5"),
    ("card,metric,score\nCheck in,csat,4.5\n", 'not "4.5"'),
    ("card,metric,score\nCheck in,csat,good\n", 'not "good"'),
    ("metric,card,score\ncsat,Check in,3\ncsat,Nobody,3\n", 'Row 3, column "card" (B): no card has the id or the text "Nobody"'),
    ("card,metric,score\n,csat,3\n", 'Row 2, column "card" (A): every response needs a card'),
    ("card,metric,score\nCheck in,kano,3\n", 'Row 2, column "metric" (B): "kano" is not a metric'),
    ("card,metric,score,phase\nCheck in,csat,3,during\n", 'Row 2, column "phase" (D): "during" is not a phase'),
    ("card,metric,score,respondent\nCheck in,csat,3,r1\nEat,csat,3,r1\nCheck in,csat,4,r1\n",
     'Row 4, column "respondent" (D): respondent "r1" answered this question about this card in row 2 already'),
    ("card,metric,score\nCheck in,csat,\n", "The CSV file has no responses with a score"),
    ("card,metric\nCheck in,csat\n", "required columns are missing: score"),
]


@pytest.mark.parametrize("text, message", BAD_ROWS, ids=[m[:30] for _t, m in BAD_ROWS])
def test_each_kind_of_bad_row_is_refused_naming_it_and_nothing_changes(tmp_path, capsys, project, text, message):
    before = project.read_bytes()
    code, out, err = _import(tmp_path, capsys, project, text, "--as", "metrics")
    assert code == 2 and message in err and "Traceback" not in err, err
    assert len(err.strip().splitlines()) == 1
    assert project.read_bytes() == before


def test_an_ambiguous_card_text_is_refused(tmp_path, capsys, project):
    assert main(["import", str(_write(tmp_path, "cards.csv", "stage,lane,text\nArrive,customer,Check in\n")),
                 "-o", str(project), "--map", "Second"]) == 0
    before = project.read_bytes()
    code, _out, err = _import(tmp_path, capsys, project, "card,metric,score\nCheck in,csat,4\n")
    assert code == 2 and 'Row 2, column "card" (A): 2 cards have the text "Check in"; use the card\'s id' in err
    assert project.read_bytes() == before
    code, _out, err = _import(tmp_path, capsys, project, "card,metric,score\nCheck in,csat,4\n",
                              "--map", "Second")  # one map: no longer ambiguous
    assert code == 0, err


def test_errors_read_in_chinese(tmp_path, capsys, project):
    source = _write(tmp_path, "bad.csv", "card,metric,score\nCheck in,csat,9\n")
    capsys.readouterr()
    assert main(["import", str(source), "-o", str(project), "--lang", "zh"]) == 2
    assert "第 2 行，“score”列（C）：CSAT 的答案应为 1 到 5 的整数" in capsys.readouterr().err


def test_survey_responses_need_an_existing_project(tmp_path, capsys):
    code, _out, err = _import(tmp_path, capsys, tmp_path / "new.bpstudio", SURVEY)
    assert code == 2 and "added to an existing project" in err
    assert not (tmp_path / "new.bpstudio").exists()


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path

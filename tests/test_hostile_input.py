"""Hostile content: every bad value refused by name, never a traceback, nothing damaged.

The defects of issue 9, each reproduced first: booleans not checked on load, malformed
CSV quotes accepted silently, huge integers in JSON as an internal error, SIGTERM during
an export leaving a temporary file. (Two imports racing for one new file: see
test_concurrent_writers.py.)
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from blueprint_studio.cli import main
from blueprint_studio.interchange import dumps_json
from blueprint_studio.model import Card, factory
from blueprint_studio.storage import ProjectFileError, read_project, write_project

ROOT = Path(__file__).resolve().parents[1]


def _project_with_a_card():
    service_map = factory.new_map("Map", ["A", "B"])
    card = Card(stage_id=service_map.stages[0].id, lane_id=service_map.lanes[1].id, text="x")
    service_map.cards[card.id] = card
    return factory.new_project("Hostile", [service_map])


@pytest.mark.parametrize("value", ["'false'", "'no'", "2", "-1", "0.5", "x'01'", "''"])
@pytest.mark.parametrize("column", ["moment_of_truth", "fail_point"])
def test_a_boolean_that_is_not_0_or_1_is_refused_on_load(tmp_path, column, value):
    path = tmp_path / "edited.bpstudio"
    write_project(_project_with_a_card(), path)
    connection = sqlite3.connect(path)
    connection.execute(f"UPDATE cards SET {column} = {value}")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(ProjectFileError, match="damaged") as caught:
        read_project(path)
    assert "\n" not in str(caught.value)
    assert path.read_bytes() == before


def test_a_map_flag_that_is_not_0_or_1_is_refused_on_load(tmp_path):
    path = tmp_path / "edited.bpstudio"
    write_project(_project_with_a_card(), path)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE maps SET show_emotion_curve = 'yes'")
    connection.commit()
    connection.close()
    with pytest.raises(ProjectFileError, match="damaged"):
        read_project(path)


@pytest.mark.parametrize("content, column", [
    ('stage,lane,text\nA,customer,"unterminated\nB,customer,next\nC,customer,more\n',
     'column "text" (C)'),
    ('stage,lane,text\nA,customer,"x"y\n', 'column "text" (C)'),
    ('stage,"lane"x,text\nA,customer,t\n', "column B"),
])
def test_malformed_quotes_in_csv_name_the_row_and_column(tmp_path, capsys, content, column):
    source = tmp_path / "cards.csv"
    source.write_text(content, encoding="utf-8")
    output = tmp_path / "out.bpstudio"
    assert main(["import", str(source), "-o", str(output), "--lang", "en"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("blueprint-studio: error: Row ") and column in error
    assert "quote" in error
    assert not output.exists()


def test_doubled_quotes_and_a_quote_inside_a_plain_cell_still_import(tmp_path):
    source = tmp_path / "cards.csv"
    source.write_text('stage,lane,text\nA,customer,"say ""hi"""\nB,customer,5" screen\n',
                      encoding="utf-8")
    output = tmp_path / "out.bpstudio"
    assert main(["import", str(source), "-o", str(output), "--lang", "en"]) == 0
    texts = sorted(c.text for c in read_project(output).maps[0].cards.values())
    assert texts == ['5" screen', 'say "hi"']


def test_a_quote_error_after_many_multi_line_cells_names_its_spreadsheet_row(tmp_path, capsys):
    """The row is counted in records, not lines, and found without indexing every line."""
    rows = "".join(f'A,customer,"line one\nline two {i}"\n' for i in range(300))
    source = tmp_path / "cards.csv"
    source.write_text("stage,lane,text\n" + rows + 'B,customer,"x"y\n', encoding="utf-8")
    assert main(["import", str(source), "-o", str(tmp_path / "out.bpstudio"), "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith('blueprint-studio: error: Row 302, column "text" (C)')


def test_a_csv_of_blank_rows_is_refused_quickly_at_the_row_limit(tmp_path, capsys):
    """20 million blank lines took 22 s and 1 GB and imported a map; now the import stops
    at the first row past limits.CSV_ROWS, blank rows included."""
    from blueprint_studio.model import limits
    source = tmp_path / "blank.csv"
    source.write_text("stage,lane,text\nA,customer,hello\n" + "\n" * 20_000_000, encoding="utf-8")
    output = tmp_path / "out.bpstudio"
    started = time.process_time()
    assert main(["import", str(source), "-o", str(output), "--lang", "en"]) == 2
    error = capsys.readouterr().err
    assert f"Row {limits.CSV_ROWS + 1:,}: a CSV file to import holds at most {limits.CSV_ROWS:,} rows" in error
    assert time.process_time() - started < 10  # generous; it takes about 0.1 s
    assert not output.exists()
    # Right at the limit the blank rows are skipped as before.
    source.write_text("stage,lane,text\nA,customer,hello\n" + "\n" * (limits.CSV_ROWS - 2),
                      encoding="utf-8")
    assert main(["import", str(source), "-o", str(output), "--lang", "en"]) == 0, capsys.readouterr().err
    assert [c.text for c in read_project(output).maps[0].cards.values()] == ["hello"]


@pytest.mark.parametrize("content", ["stage,lane,text\n", "stage,lane,text\n\n\n,,\n"])
def test_a_csv_with_a_header_and_no_cards_is_refused(tmp_path, capsys, content):
    """It imported as a map with no stages, which no window can show."""
    source = tmp_path / "header.csv"
    source.write_text(content, encoding="utf-8")
    output = tmp_path / "out.bpstudio"
    assert main(["import", str(source), "-o", str(output), "--lang", "en"]) == 2
    assert capsys.readouterr().err == ("blueprint-studio: error: The CSV file has a header but no "
                                       "cards below it.\n")
    assert not output.exists()


@pytest.mark.parametrize("where, old, path", [
    ("version", '"version": 1', "format version"),
    ("emotion", '"emotion": null', "project.maps[0].cards[0].emotion"),
    ("order", '"order": 0', "project.maps[0].cards[0].order"),
    ("width", '"width": null', "project.maps[0].stages[0].width"),
])
def test_a_huge_integer_in_json_is_a_user_error_naming_where(tmp_path, capsys, where, old, path):
    text = dumps_json(_project_with_a_card())
    assert old in text
    source = tmp_path / "huge.json"
    source.write_text(text.replace(old, old.split(":")[0] + ": " + "9" * 5000, 1), encoding="utf-8")
    output = tmp_path / "out.bpstudio"
    assert main(["import", str(source), "-o", str(output), "--lang", "en"]) == 2
    error = capsys.readouterr().err
    assert "internal error" not in error and path in error
    assert not output.exists()


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name == "nt", reason="POSIX signals")
def test_sigterm_during_an_export_leaves_no_temporary_file(tmp_path):
    project = tmp_path / "big.bpstudio"
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from synthetic import synthetic_project
    finally:
        sys.path.pop(0)
    write_project(synthetic_project(1500), project)
    out = tmp_path / "out"
    out.mkdir()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for delay in (0.8, 1.5, 2.5):
        process = subprocess.Popen(
            [sys.executable, "-m", "blueprint_studio", "export", str(project), "-o",
             str(out / "handout.pdf"), "--lang", "en"], env=env,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        # Wait until the export has begun writing (its temporary file exists), then stop it.
        deadline = time.monotonic() + 60
        while not any(out.iterdir()) and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(delay / 10)
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=60)
        left = [p.name for p in out.iterdir()]
        if process.returncode == 0:  # finished before the signal: a whole PDF, nothing else
            assert left == ["handout.pdf"]
            (out / "handout.pdf").unlink()
            continue
        assert process.returncode == 143, err
        assert left == [], left
        assert b"Traceback" not in err
    shutil.rmtree(out)

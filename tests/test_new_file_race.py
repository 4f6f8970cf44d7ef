"""Two programs creating the same new project file at once: one wins, the other is told.

Issue 9: two `blueprint-studio import X.csv -o new.bpstudio` racing for one new file both
exited 0 in 5 of 20 rounds, one replacing the other's output, although an existing project
is never to be overwritten. Each round here releases two real command lines at the same
instant (the warm forked writers and pipe barrier of test_concurrent_writers.py, which run
the real `blueprint_studio.cli.main`), both creating the same file in an empty folder:

- even rounds: `import A.csv -o new.bpstudio` against `import B.csv -o new.bpstudio`;
- odd rounds: `import A.csv -o new.bpstudio` against `new --template hotel_stay -o new.bpstudio`.

Exactly one must exit 0 and say "Created …"; the other must exit 2 with one line
"blueprint-studio: error: … already exists …" and print nothing else. The file must pass
SQLite's integrity check, open, and hold exactly what the winner wrote (the two inputs
differ: map name, title, stages and cards), and nothing else may be left in the folder (no
`.new.bpstudio.*.tmp`, no journal). The loser either lost at the hard link that gives the
file its name (both had found the name free: the race itself) or, released a moment later,
found the file already there; the first kind must occur, or the test did not race.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from collections import Counter
from pathlib import Path

import pytest

from blueprint_studio.interchange import read_csv_map
from blueprint_studio.model.factory import new_project
from blueprint_studio.storage import ProjectFileError, read_project
from blueprint_studio.templates import build_template
from tests.test_concurrent_writers import ERROR_PREFIX, WriterServer

FIXTURE = Path(__file__).parent / "fixtures" / "enterprise_training_zh.csv"
ROUNDS = 100
TEMPLATE = "hotel_stay"
NAME = "new.bpstudio"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="the writers are forked from a warm helper"),
]


@pytest.fixture(scope="module")
def server():
    helper = WriterServer()
    yield helper
    helper.close()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """Two CSV files that make clearly different projects (A: the fixture; B: other texts
    and one card more), and what each command should create."""
    folder = tmp_path_factory.mktemp("inputs")
    header, *rows = FIXTURE.read_text(encoding="utf-8").splitlines()
    (folder / "A.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    b_rows = [re.sub(r"^([^,]*,[^,]*,[^,]*,)", r"\1B ", row) for row in rows]
    b_rows.append("b_extra," + rows[0].split(",")[1] + ",customer,B: one card more" + "," * 10)
    (folder / "B.csv").write_text("\n".join([header, *b_rows]) + "\n", encoding="utf-8")
    expected = {name: new_project(name, [read_csv_map(folder / f"{name}.csv")]) for name in "AB"}
    expected["template"] = build_template(TEMPLATE, "en")
    assert shape(expected["A"]) != shape(expected["B"])
    assert len({sum(len(m.cards) for m in p.maps) for p in expected.values()}) == 3
    return folder, expected


def shape(project) -> tuple:
    """What a project holds, without its ids (each import makes fresh ones)."""
    maps = []
    for service_map in project.maps:
        stages = {stage.id: stage.name for stage in service_map.stages}
        lanes = {lane.id: (lane.kind.value, lane.name) for lane in service_map.lanes}
        cards = sorted((stages[c.stage_id], lanes[c.lane_id], c.order, c.text, c.kind.value,
                        c.emotion, c.wait_minutes, c.duration_minutes, c.owner, c.notes)
                       for c in service_map.cards.values())
        texts = {c.id: c.text for c in service_map.cards.values()}
        arrows = sorted((texts[a.source_id], texts[a.target_id], a.label)
                        for a in service_map.connectors.values())
        maps.append((service_map.name, service_map.kind.value, list(stages.values()),
                     list(lanes.values()), cards, arrows))
    return project.info.title, maps


def created_line(output: Path, project, template: bool) -> str:
    cards = sum(len(m.cards) for m in project.maps)
    if template:
        return f'Created {output} from the template "{TEMPLATE}" ({cards} cards).'
    return f"Created {output} (maps: {len(project.maps)}, cards: {cards})."


def test_two_programs_creating_the_same_new_file(tmp_path, server, inputs):
    folder, expected = inputs
    outcomes: Counter[str] = Counter()
    started = time.monotonic()
    for number in range(ROUNDS):
        round_dir = tmp_path / f"round {number:03d}"
        target_dir = round_dir / "out"
        target_dir.mkdir(parents=True)
        output = target_dir / NAME
        rival = "B" if number % 2 == 0 else "template"
        argv = {
            "A": ["import", str(folder / "A.csv"), "-o", str(output), "--lang", "en"],
            "B": ["import", str(folder / "B.csv"), "-o", str(output), "--lang", "en"],
            "template": ["new", "--template", TEMPLATE, "-o", str(output), "--lang", "en"],
        }
        # Alternate who is forked first, so neither side is favoured by the order.
        names = ["A", rival] if number % 4 < 2 else [rival, "A"]
        tasks = [{"kind": "cli", "gate": 0, "argv": argv[name],
                  "out": str(round_dir / f"{name}.out"), "err": str(round_dir / f"{name}.err")}
                 for name in names]
        statuses, seconds = server.round(tasks)
        said = {name: (Path(task["out"]).read_text(encoding="utf-8"),
                       Path(task["err"]).read_text(encoding="utf-8"))
                for name, task in zip(names, tasks)}
        report = f"round {number}: " + "; ".join(
            f"{name}: exit {status} after {s * 1000:.0f} ms, stdout {said[name][0]!r}, "
            f"stderr {said[name][1]!r}" for name, status, s in zip(names, statuses, seconds))

        winners = [name for name, status in zip(names, statuses) if status == 0]
        assert len(winners) == 1, f"{report}\nexactly one must succeed"
        winner, = winners
        loser, = [name for name in names if name != winner]
        assert dict(zip(names, statuses))[loser] == 2, f"{report}\nthe loser must exit 2"
        out, err = said[winner]
        assert out.strip() == created_line(output, expected[winner], winner == "template"), report
        assert err == "", report
        out, err = said[loser]
        errors = err.splitlines()
        assert out == "" and len(errors) == 1, f"{report}\nthe loser must say one line only"
        assert errors[0].startswith(ERROR_PREFIX) and "already exists" in errors[0], report
        assert "internal error" not in errors[0] and "Traceback" not in err, report
        # ProjectFileError from the hard link names the file; the check before writing
        # (the other program had already finished) names the whole path.
        lost_at_link = str(output) not in errors[0]
        outcomes[f"{winner} won, the other lost "
                 f"{'at the link' if lost_at_link else 'before writing'}"] += 1

        assert sorted(os.listdir(target_dir)) == [NAME], \
            f"{report}\nleft in the folder: {sorted(os.listdir(target_dir))}"
        connection = sqlite3.connect(output.as_uri() + "?mode=ro", uri=True)
        try:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)], report
        finally:
            connection.close()
        try:
            loaded = read_project(output)
        except ProjectFileError as error:
            pytest.fail(f"{report}\nthe file does not open: {error}")
        assert shape(loaded) == shape(expected[winner]), \
            f"{report}\nthe file does not hold what the winner ({winner}) wrote"
    print(f"\n{ROUNDS} rounds in {time.monotonic() - started:.1f} s: {dict(sorted(outcomes.items()))}")
    assert any("at the link" in outcome for outcome in outcomes), \
        f"the two programs never reached the file at the same time: {dict(outcomes)}"

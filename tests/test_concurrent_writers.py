"""Several writers on one project file at once: no save may be lost or break the file.

Issue 7 ("stores that refuse stale saves"). Each round writes a fresh project, then
releases several real writers at the same instant: the command line adding a map
(`blueprint-studio import CSV -o PROJECT --map NAME`), or the window saving an edit it
made on the project it loaded before the others started. Whatever a writer reported
as done must be in the file, exactly once; a writer that did not succeed must say so
(the command line: one "blueprint-studio: error: ..." line and a non-zero exit; the
window: its save refused as stale) and must have written nothing; the file must always
open and pass SQLite's integrity check.

The writers are children forked from one warm helper (tests/concurrent_writer.py serve),
so a round costs milliseconds rather than a Python start-up per writer; each command-line
child runs the real `blueprint_studio.cli.main`. The start barrier is a pipe each child
blocks on after its preparation (the window's after loading the file and editing it); the
helper closes it once every child is ready and the test has said "go", waking them all at
once. No sleep orders anything: the only delay, the window's random one, varies where its
save lands among the command line's steps.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from blueprint_studio.interchange import read_csv_map
from blueprint_studio.storage import ProjectFileError, read_project, write_project
from blueprint_studio.templates import build_template

ROOT = Path(__file__).resolve().parents[1]
WRITER = Path(__file__).with_name("concurrent_writer.py")
FIXTURE = Path(__file__).parent / "fixtures" / "enterprise_training_zh.csv"
ROUNDS = 100
ROUND_TIMEOUT = 60  # seconds; a round takes well under one
ERROR_PREFIX = "blueprint-studio: error: "
ADDED = re.compile(r'Added the map "(?P<name>[^"]*)" \((?P<cards>\d+) cards?\) to (?P<path>.*)\.')

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="the writers are forked from a warm helper"),
]


class WriterServer:
    """The warm helper process; `round(tasks)` runs one race and returns the exit codes."""

    def __init__(self) -> None:
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
                   PYTHONIOENCODING="utf-8", QT_QPA_PLATFORM="offscreen", BLUEPRINT_STUDIO_LANG="en")
        env.pop("BLUEPRINT_STUDIO_DEBUG", None)  # the CLI must answer with its one-line errors
        # Its own session, so that the watchdog can kill it together with its children.
        self.process = subprocess.Popen([sys.executable, str(WRITER), "serve"], env=env, text=True,
                                        encoding="utf-8", stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, start_new_session=True)

    def _kill(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def _answer(self) -> dict:
        line = self.process.stdout.readline()
        assert line, "the writer helper died (or the watchdog killed a stuck round)"
        return json.loads(line)

    def round(self, tasks: list[dict]) -> tuple[list[int], list[float]]:
        """Exit codes, and seconds from each writer's release to its exit."""
        # Never hang the test suite: a stuck round kills the helper, and reads then fail.
        watchdog = threading.Timer(ROUND_TIMEOUT, self._kill)
        watchdog.daemon = True
        watchdog.start()
        try:
            self.process.stdin.write(json.dumps({"tasks": tasks}) + "\n")
            self.process.stdin.flush()
            ready = self._answer()["ready"]
            self.process.stdin.write("go\n")  # releases every writer at once
            self.process.stdin.flush()
            answer = self._answer()
        finally:
            watchdog.cancel()
        assert ready, "a writer failed before the start: " + " | ".join(
            Path(task["err"]).read_text(encoding="utf-8") for task in tasks)
        return answer["status"], answer["seconds"]

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)
        self.process.stdout.close()


@pytest.fixture(scope="module")
def server():
    helper = WriterServer()
    yield helper
    helper.close()


@pytest.fixture(scope="module")
def start():
    """The project every round starts from, and the map the CSV makes."""
    return build_template("hotel_stay", "en"), read_csv_map(FIXTURE, "CSV")


# -- one round ---------------------------------------------------------------------------

class Round:
    """The files of one round, and what its writers said."""

    def __init__(self, folder: Path, number: int, project) -> None:
        self.folder = folder / f"round {number:03d}"
        self.folder.mkdir()
        self.path = self.folder / "w.bpstudio"
        self.number = number
        self.tasks: list[dict] = []
        write_project(project, self.path)

    def cli(self, map_name: str, gate: int = 0) -> None:
        self._task("cli", gate, argv=["import", str(FIXTURE), "-o", str(self.path), "--map", map_name,
                                      "--lang", "en"], map=map_name)

    def window(self, edit: str, gate: int = 0, jitter: float = 0.0) -> None:
        self._task("window", gate, path=str(self.path), edit=edit, jitter=jitter)

    def _task(self, kind: str, gate: int, **fields) -> None:
        index = len(self.tasks)
        self.tasks.append({"kind": kind, "gate": gate, "out": str(self.folder / f"{index}.out"),
                           "err": str(self.folder / f"{index}.err"), **fields})

    def run(self, server: WriterServer) -> None:
        self.statuses, self.seconds = server.round(self.tasks)
        for task in self.tasks:
            task["stdout"] = Path(task["out"]).read_text(encoding="utf-8")
            task["stderr"] = Path(task["err"]).read_text(encoding="utf-8")

    def report(self) -> str:
        lines = [f"round {self.number}, {self.path}:"]
        for task, status, seconds in zip(self.tasks, self.statuses, self.seconds):
            what = f"--map {task['map']}" if task["kind"] == "cli" else \
                f"window ({task['edit']}, saves {task['jitter'] * 1000:.0f} ms after its release)"
            lines.append(f"  {what}: released with group {task['gate']}, exit {status} after "
                         f"{seconds * 1000:.0f} ms, stdout {task['stdout']!r}, stderr {task['stderr']!r}")
        return "\n".join(lines)

    def cli_outcomes(self) -> dict[str, int]:
        """How many runs added each map name; checks what each run said about itself."""
        added: Counter[str] = Counter()
        for task, status in zip(self.tasks, self.statuses):
            if task["kind"] != "cli":
                continue
            where = f"{self.report()}\n--map {task['map']}"
            assert "Traceback" not in task["stderr"], f"{where} crashed"
            if status == 0:
                said = ADDED.fullmatch(task["stdout"].strip())
                assert said and said["name"] == task["map"] and said["path"] == str(self.path), \
                    f"{where} exited 0 without saying it added its map"
                assert not any(line.startswith(ERROR_PREFIX) for line in task["stderr"].splitlines()), \
                    f"{where} exited 0 but reported an error"
                added[task["map"]] += 1
            else:
                assert "Added the map" not in task["stdout"], f"{where} failed but said it added the map"
                errors = task["stderr"].strip().splitlines()
                assert len(errors) == 1 and errors[0].startswith(ERROR_PREFIX), \
                    f"{where} exited {status} without one error line"
                assert "internal error" not in errors[0], f"{where}: a bug, not a user error"
        return added

    def window_outcome(self) -> str:
        """'saved' or 'refused'; checks what the window worker said."""
        (task, status), = [(t, s) for t, s in zip(self.tasks, self.statuses) if t["kind"] == "window"]
        where = f"{self.report()}\nthe window"
        assert status == 0 and "Traceback" not in task["stderr"], f"{where} crashed"
        said = task["stdout"].strip()
        assert said == "saved" or (said.startswith("refused: ") and len(said.splitlines()) == 1), \
            f"{where} said neither 'saved' nor 'refused: ...'"
        return said.split(":")[0]

    def check_file(self):
        """The file passes SQLite's own check and opens in the program; returns the project."""
        journal = Path(f"{self.path}-journal")
        assert not journal.exists(), f"{self.report()}\na journal was left beside the file"
        connection = sqlite3.connect(self.path.as_uri() + "?mode=ro", uri=True)
        try:
            verdict = connection.execute("PRAGMA integrity_check").fetchall()
        finally:
            connection.close()
        assert verdict == [("ok",)], f"{self.report()}\nPRAGMA integrity_check: {verdict}"
        try:
            return read_project(self.path)
        except ProjectFileError as error:
            pytest.fail(f"{self.report()}\nthe file no longer opens: {error}")


def check_maps(run: Round, loaded, start_project, csv_map, added: dict[str, int],
               window_map: bool = False) -> None:
    """The file holds the maps it started with, unchanged, plus exactly the maps reported added."""
    names = Counter(m.name for m in loaded.maps)
    duplicates = sorted(name for name, count in names.items() if count > 1)
    assert not duplicates, f"{run.report()}\nmap names twice in the file: {duplicates}"
    twice = sorted(name for name, count in added.items() if count > 1)
    assert not twice, f"{run.report()}\ntwo runs both said they added a map named {twice}"
    expected = {m.name for m in start_project.maps} | set(added) | ({"Window"} if window_map else set())
    lost = sorted(expected - set(names))
    assert not lost, f"{run.report()}\nreported as saved but missing from the file: {lost}"
    unreported = sorted(set(names) - expected)
    assert not unreported, f"{run.report()}\nin the file though no writer reported it: {unreported}"
    for original in start_project.maps:
        assert loaded.map_named(original.name) == original, \
            f"{run.report()}\nthe map {original.name!r} changed"
    texts = sorted(card.text for card in csv_map.cards.values())
    for name in added:
        service_map = loaded.map_named(name)
        assert sorted(card.text for card in service_map.cards.values()) == texts, \
            f"{run.report()}\nthe map {name!r} does not hold the CSV's cards"


def cli_race(tmp_path, server, start, names_for) -> Counter:
    start_project, csv_map = start
    outcomes: Counter[str] = Counter()
    for number in range(ROUNDS):
        run = Round(tmp_path, number, start_project)
        for name in names_for(number):
            run.cli(name)
        run.run(server)
        added = run.cli_outcomes()
        assert added, f"{run.report()}\nno writer succeeded: the first to save cannot be stale"
        loaded = run.check_file()
        check_maps(run, loaded, start_project, csv_map, added)
        assert loaded.info == start_project.info, f"{run.report()}\nthe project info changed"
        outcomes[f"{sum(added.values())} of {len(run.tasks)} added"] += 1
    return outcomes


# -- the tests -----------------------------------------------------------------------------

def test_two_command_lines_adding_maps_at_once(tmp_path, server, start):
    started = time.monotonic()
    outcomes = cli_race(tmp_path, server, start, lambda number: ["A", "B"])
    print(f"\n{ROUNDS} rounds of 2 writers in {time.monotonic() - started:.1f} s: {dict(outcomes)}")


def test_four_command_lines_adding_maps_at_once(tmp_path, server, start):
    # Odd rounds ask twice for the same names: only one run may get each name.
    started = time.monotonic()
    outcomes = cli_race(tmp_path, server, start,
                        lambda number: ["A", "B", "A", "B"] if number % 2 else ["A", "B", "C", "D"])
    print(f"\n{ROUNDS} rounds of 4 writers in {time.monotonic() - started:.1f} s: {dict(outcomes)}")


def test_the_window_saving_while_the_command_line_adds_a_map(tmp_path, server, start):
    """The window opened the project and edited it, then saves while the command line adds
    a map. In a quarter of the rounds (starting with the first two) the command line is
    released first and the window only after it has exited, so the window's save is
    certainly computed from an old revision. In the other rounds both are released
    together and the window saves after a random part of the time the command line takes
    (measured in those rounds), so that its save lands before the command line reads the
    file, between its read and its save, or after it."""
    start_project, csv_map = start
    moments = random.Random(7)
    command_line_times: list[float] = []
    outcomes: Counter[str] = Counter()
    started = time.monotonic()
    for number in range(ROUNDS):
        edit = "map" if number % 2 == 0 else "info"
        cli_first = number % 8 in (0, 1)
        jitter = 0.0 if cli_first else moments.uniform(0, 1.2 * statistics.median(command_line_times))
        run = Round(tmp_path, number, start_project)
        run.window(edit, gate=1 if cli_first else 0, jitter=round(jitter, 4))
        run.cli("CLI", gate=0)
        run.run(server)
        if cli_first:
            command_line_times.append(run.seconds[1])
        added = run.cli_outcomes()
        window = run.window_outcome()
        loaded = run.check_file()
        saved = window == "saved"
        check_maps(run, loaded, start_project, csv_map, added, window_map=saved and edit == "map")
        if saved and edit == "info":
            assert (loaded.info.title, loaded.info.trainer) == ("Window title", "Window"), \
                f"{run.report()}\nthe window said saved, but its edit is not in the file"
        else:
            assert loaded.info == start_project.info, \
                f"{run.report()}\nthe project info changed though the window's edit was not saved"
        if not saved:
            assert added, f"{run.report()}\nthe window's save was refused though nobody else saved"
        order = "command line first" if cli_first else "together"
        outcomes[f"{order}: window {window}, map {'added' if added else 'not added'}"] += 1
    print(f"\n{ROUNDS} rounds in {time.monotonic() - started:.1f} s (the command line alone: "
          f"{statistics.median(command_line_times) * 1000:.0f} ms): {dict(outcomes)}")

"""Speed and memory at the limits of model/limits.py (docs/file-format.md, "Limits").

    python benchmarks/bench_limits.py [--quick | --refusals]

Prints one table: seconds (wall clock and CPU) and peak memory of
- importing JSON and CSV at each count limit, and the CLI import of both;
- writing (saving) and opening the project file at the limits;
- every PDF export at the limits (handout, tiled poster, one-page poster, blank);
- refusing what is beyond them: a JSON file with 1,000,000 cards (refused by the length of
  its list, before any card is built) and a CSV file with 1,000,000 rows (refused at the
  first row past the limit), and a project file with one stage too many.

The projects come from `synthetic.py` and are shared with tests/test_limits.py:
- `count_limit_map()`: one map at every per-map count limit at once — 5,000 cards,
  10,000 arrows, 200 stages, 50 lanes — with every stage and lane used;
  `full_text=True` also fills each card's text to 2,000 characters and every name to
  1,000: the heaviest map the limits allow;
- `project_limit_project()`: 100 maps of 100 cards, i.e. 10,000 cards in the project;
- `text_limit_project()`: a small map whose every text field is exactly at its limit.

Each step runs in a forked copy of the warm process; "peak RSS" is that copy's maximum
resident size (resource.getrusage), "+ MB" how much it grew during the step.
`--quick` skips the full-text map (its handout takes minutes of CPU); `--refusals` times only
what is refused.
"""

from __future__ import annotations

import gc
import io
import json
import os
import random
import resource
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from blueprint_studio.model import Card, Lane, LaneKind, Project, limits  # noqa: E402
from blueprint_studio.model.factory import new_map, new_project  # noqa: E402
from synthetic import WORDS, synthetic_project  # noqa: E402

# -- projects at the limits (also used by tests/test_limits.py) ----------------------------


def long_text(length: int, seed: int = 0) -> str:
    """Exactly `length` characters of mixed Chinese and English words (no edge spaces)."""
    rng = random.Random(seed)
    words: list[str] = []
    size = 0
    while size < length + 1:
        word = rng.choice(WORDS)
        words.append(word)
        size += len(word) + 1
    text = " ".join(words)[:length]
    return text[:-1] + "x" if text.endswith(" ") else text


def count_limit_map(cards: int = limits.CARDS_PER_MAP, arrows: int = limits.ARROWS_PER_MAP,
                    stages: int = limits.STAGES_PER_MAP, lanes: int = limits.LANES_PER_MAP,
                    full_text: bool = False, seed: int = 7) -> Project:
    """A project with one map of `cards` cards and `arrows` arrows over `stages` stages and
    `lanes` lanes (the five standard ones, then custom ones); every stage and lane has a card
    (when there are enough cards), and cells are numbered 0..n-1."""
    project = synthetic_project(cards, arrows=arrows, stages=stages, seed=seed)
    service_map = project.maps[0]
    rng = random.Random(seed)
    number = 0
    while len(service_map.lanes) < lanes:
        number += 1
        name = long_text(limits.NAME, seed + number) if full_text else f"Custom lane {number} 自定义"
        service_map.lanes.append(Lane(kind=LaneKind.CUSTOM, name=name))
    del service_map.lanes[lanes:]
    cells: dict[tuple[str, str], int] = {}
    for index, card in enumerate(service_map.cards_in_reading_order()):
        card.stage_id = service_map.stages[index % stages].id
        card.lane_id = service_map.lanes[index % lanes if index < 2 * max(stages, lanes)
                                         else rng.randrange(lanes)].id
        card.order = cells.get((card.stage_id, card.lane_id), 0)
        cells[(card.stage_id, card.lane_id)] = card.order + 1
        if full_text:
            card.text = long_text(limits.CARD_TEXT, index)
    if full_text:
        for index, stage in enumerate(service_map.stages):
            stage.name = f"{index + 1} " + long_text(limits.NAME - len(f"{index + 1} "), index)
        for index, connector in enumerate(service_map.connectors.values()):
            connector.label = long_text(limits.NAME, index)
    return project


def project_limit_project(maps: int = limits.MAPS_PER_PROJECT,
                          cards: int = limits.CARDS_PER_PROJECT) -> Project:
    """`maps` maps sharing `cards` cards as evenly as possible, each with arrows."""
    made = []
    for number in range(maps):
        count = cards // maps + (1 if number < cards % maps else 0)
        service_map = synthetic_project(count, arrows=count, stages=5, seed=number).maps[0]
        service_map.name = f"Map {number + 1} 地图"
        made.append(service_map)
    return new_project("Project at its limits 上限", made)


def text_limit_project(extra: int = 0) -> Project:
    """One small map in which every text field holds exactly its limit (plus `extra`)."""
    name, notes, card_text = (limits.NAME + extra, limits.NOTES + extra, limits.CARD_TEXT + extra)
    service_map = new_map(long_text(name, 1), [long_text(name, 10 + i) for i in range(4)])
    service_map.description = long_text(notes, 2)
    for index, stage in enumerate(service_map.stages):
        stage.description = long_text(notes, 20 + index)
        stage.phase = long_text(name, 30 + index)
    service_map.lanes.append(Lane(kind=LaneKind.CUSTOM, name=long_text(name, 3)))
    cards = []
    for index in range(12):
        stage = service_map.stages[index % 4]
        lane = service_map.lanes[index % len(service_map.lanes)]
        card = Card(stage.id, lane.id, sum(1 for c in cards if (c.stage_id, c.lane_id) == (stage.id, lane.id)),
                    text=long_text(card_text, 40 + index), owner=long_text(name, 60 + index),
                    notes=long_text(notes, 80 + index), emotion=index % 5 - 2,
                    moment_of_truth=index % 3 == 0, fail_point=index % 4 == 1,
                    wait_minutes=15.0 if index % 2 else None)
        cards.append(card)
        service_map.cards[card.id] = card
    from blueprint_studio.model import Connector

    for index, (source, target) in enumerate(zip(cards, cards[1:])):
        connector = Connector(source.id, target.id, long_text(name, 100 + index))
        service_map.connectors[connector.id] = connector
    project = new_project(long_text(name, 4), [service_map])
    info = project.info
    info.organisation, info.date, info.trainer, info.group = (
        long_text(name, 5), long_text(name, 6), long_text(name, 7), long_text(name, 8))
    info.notes = long_text(notes, 9)
    return project


def million_cards_json(count: int = 1_000_000) -> str:
    """A JSON project whose one map lists `count` (minimal) cards."""
    service_map = new_map("Million", ["A"])
    stage, lane = service_map.stages[0].id, service_map.lanes[0].id
    from blueprint_studio.interchange import project_to_dict

    data = project_to_dict(new_project("Million", [service_map]))
    card = json.dumps({"id": "c", "stage_id": stage, "lane_id": lane, "text": "x"})
    body = json.dumps(data, ensure_ascii=False)
    marker = '"cards": []'
    assert marker in body
    cards = ",".join(card.replace('"c"', f'"c{i}"', 1) for i in range(count))
    return body.replace(marker, f'"cards": [{cards}]', 1)


def million_rows_csv(count: int = 1_000_000) -> str:
    rows = "".join(f"Stage {i % 50},customer,card {i}\n" for i in range(count))
    return "stage,lane,text\n" + rows


# -- measuring ---------------------------------------------------------------------------

class Table:
    """Runs each step in a forked copy of this process (when the system can fork), so that
    its peak resident size is its own and nothing it leaves behind slows the next step; the
    copy starts warm (modules imported, the font loaded). Times are wall clock and CPU."""

    def __init__(self) -> None:
        print(f"{'step':44} {'result':>12} {'wall s':>7} {'CPU s':>7} {'peak RSS MB':>11} "
              f"{'+ MB':>6}", flush=True)

    def measure(self, name: str, action: Callable[[], object], describe=None) -> None:
        if not hasattr(os, "fork"):
            self._show(name, _run(action, describe))
            return
        read_end, write_end = os.pipe()
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:  # the child: measure, report, leave without cleaning up
            os.close(read_end)
            try:
                answer = _run(action, describe)
            except BaseException as error:  # noqa: BLE001
                answer = {"shown": "failed", "note": repr(error), "wall": 0, "cpu": 0}
            os.write(write_end, json.dumps(answer).encode())
            os._exit(0)
        os.close(write_end)
        with os.fdopen(read_end, "rb") as stream:
            data = stream.read()
        os.waitpid(pid, 0)
        self._show(name, json.loads(data) if data else {"shown": "died", "wall": 0, "cpu": 0})

    @staticmethod
    def _show(name: str, answer: dict) -> None:
        peak, grown = answer.get("rss"), answer.get("grown")
        memory = f"{peak:11.0f} {grown:6.0f}" if peak is not None else f"{'':11} {'':6}"
        note = f"  ({answer['note']})" if answer.get("note") else ""
        print(f"{name:44} {answer['shown']:>12} {answer['wall']:7.2f} {answer['cpu']:7.2f} "
              f"{memory}{note}", flush=True)


def _max_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KB on Linux


def _run(action: Callable[[], object], describe) -> dict:
    gc.collect()
    before = _max_rss_mb()
    wall, cpu = time.perf_counter(), time.process_time()
    note = ""
    try:
        result = action()
        shown = describe(result) if describe else "ok"
    except Exception as error:  # noqa: BLE001 - a refusal is a result here
        shown, note = "refused", " ".join(str(error).split())[:110]
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    after = _max_rss_mb()
    return {"shown": shown, "note": note, "wall": wall, "cpu": cpu, "rss": after,
            "grown": after - before}


def pages(result) -> str:
    return f"{result.pages} pages"


def run_cli(argv: list[str]) -> int:
    from contextlib import redirect_stderr, redirect_stdout

    from blueprint_studio.cli import main as cli_main

    with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
        code = cli_main(argv)
    if code != 0:
        raise RuntimeError(f"exit {code}")
    return code


def bench_project(table: Table, label: str, project: Project, folder: Path,
                  exports: list[tuple[str, dict]]) -> None:
    from blueprint_studio.export import export_pdf
    from blueprint_studio.interchange import dump_json, load_json, read_csv_map, write_csv_map
    from blueprint_studio.storage import read_project, write_project

    stem = folder / label.replace(" ", "_")
    json_path, csv_path = stem.with_suffix(".json"), stem.with_suffix(".csv")
    project_path = stem.with_suffix(".bpstudio")
    table.measure(f"{label}: JSON export", lambda: dump_json(project, json_path))
    table.measure(f"{label}: JSON import", lambda: load_json(json_path))
    table.measure(f"{label}: CSV export, first map", lambda: write_csv_map(project.maps[0], csv_path))
    if len(project.maps) == 1:
        table.measure(f"{label}: CSV import", lambda: read_csv_map(csv_path))
        cli_csv = folder / f"{stem.name}-csv.bpstudio"
        table.measure(f"{label}: CLI import CSV", lambda: run_cli(
            ["import", str(csv_path), "-o", str(cli_csv), "--lang", "en"]))
    cli_json = folder / f"{stem.name}-json.bpstudio"
    table.measure(f"{label}: CLI import JSON", lambda: run_cli(
        ["import", str(json_path), "-o", str(cli_json), "--lang", "en"]))
    table.measure(f"{label}: write the project file", lambda: write_project(project, project_path),
                  lambda _r: f"{project_path.stat().st_size / 2**20:.0f} MB")
    table.measure(f"{label}: open the project file", lambda: read_project(project_path))
    for name, options in exports:
        table.measure(f"{label}: PDF {name}",
                      lambda: export_pdf(project, io.BytesIO(), **{"lang": "en", **options}), pages)


def main() -> None:
    quick = "--quick" in sys.argv[1:]
    refusals_only = "--refusals" in sys.argv[1:]
    from blueprint_studio.interchange import loads_json, parse_csv_text
    from blueprint_studio.storage import read_project, write_project

    print("text:    one map, 12 cards, every text field exactly at its limit\n"
          "map:     one map at every per-map count limit: 5,000 cards, 10,000 arrows, 200 stages, "
          "50 lanes\n"
          "project: 100 maps, 10,000 cards\n"
          "full:    the map limits and every text full (2,000-character cards, 1,000-character "
          "names and labels)\n")
    table = Table()
    from blueprint_studio.export import export_pdf  # warm: the font and the text tables loaded

    for lang in ("en", "zh"):  # a small other project: no step finds its own texts measured
        export_pdf(synthetic_project(20), io.BytesIO(), kind="handout", lang=lang)
    every_pdf = [("handout", {"kind": "handout"}),
                 ("handout zh A3 landscape", {"kind": "handout", "paper": "A3", "landscape": True,
                                                "lang": "zh"}),
                 ("poster tiled A4, 1.0", {"kind": "poster", "tile_scale": 1.0}),
                 ("poster one A3 page", {"kind": "poster", "paper": "A3", "landscape": True}),
                 ("blank template", {"kind": "blank"})]
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        if not refusals_only:
            bench_project(table, "text", text_limit_project(), folder, every_pdf)
            bench_project(table, "map", count_limit_map(), folder, every_pdf)
            bench_project(table, "project", project_limit_project(), folder,
                          every_pdf[:1] + every_pdf[2:3])
        if not quick and not refusals_only:
            bench_project(table, "full", count_limit_map(full_text=True), folder,
                          every_pdf[:1] + every_pdf[2:4])

        refuse(table, "JSON, 1,000,000 cards", million_cards_json(), loads_json)
        refuse(table, "CSV, 1,000,000 rows", million_rows_csv(),
               lambda rows: parse_csv_text(rows, "Million"))
        path = folder / "over.bpstudio"
        write_project(count_limit_map(cards=400, arrows=400), path)
        copy_rows(path, "stages", 1, {"id": "'extra'", "position": "200"})
        table.measure("refuse a project file, 201 stages", lambda: read_project(path))
        path = folder / "million.bpstudio"
        write_project(count_limit_map(cards=400, arrows=400), path)
        copy_rows(path, "cards", 1_000_000, {"id": "'extra ' || n", "position": "1000 + n"})
        table.measure(f"refuse a file, 1,000,400 cards ({path.stat().st_size / 2**20:.0f} MB)",
                      lambda: read_project(path))


def copy_rows(path: Path, table: str, count: int, changes: dict[str, str]) -> None:
    """Add `count` copies of the table's first row, with some columns computed from n = 1…"""
    connection = sqlite3.connect(path)
    try:
        columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
        chosen = ", ".join(changes.get(column, column) for column in columns)
        connection.execute(f"WITH RECURSIVE count(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM count "
                           f"WHERE n < {count}) INSERT INTO {table} ({', '.join(columns)}) "
                           f"SELECT {chosen} FROM count, (SELECT * FROM {table} LIMIT 1)")
        connection.commit()
    finally:
        connection.close()


def refuse(table: Table, what: str, text: str, read: Callable[[str], object]) -> None:
    table.measure(f"refuse {what} ({len(text) / 2**20:.0f} MB)", lambda: read(text))


if __name__ == "__main__":
    main()

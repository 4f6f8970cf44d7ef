"""JSON and CSV import/export speed for maps of 100, 1,000 and 5,000 cards.

    python benchmarks/interchange_speed.py

Prints a table of median times over several runs (milliseconds). Targets: a 1,000-card map
imports or exports in well under a second, so the GUI never seems to hang on it.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from blueprint_studio.interchange import (  # noqa: E402
    dump_json, load_json, read_csv_map, write_csv_map,
)
from blueprint_studio.model import Card, CardKind, Channel, Connector  # noqa: E402
from blueprint_studio.model.factory import new_map, new_project  # noqa: E402


def make_project(cards: int):
    rng = random.Random(cards)
    stages = max(4, cards // 50)
    service_map = new_map("Benchmark 基准", [f"阶段 {n}" for n in range(stages)])
    counts: dict[tuple[str, str], int] = {}
    previous = None
    for n in range(cards):
        stage = rng.choice(service_map.stages)
        lane = rng.choice(service_map.lanes)
        order = counts.get((stage.id, lane.id), 0)
        counts[(stage.id, lane.id)] = order + 1
        card = Card(stage.id, lane.id, order, f"卡片 {n}: 客户填写表单 fill in the form",
                    kind=rng.choice(list(CardKind)), channel=rng.choice(list(Channel)),
                    emotion=rng.randint(-2, 2), moment_of_truth=n % 17 == 0,
                    wait_minutes=float(n % 30), owner="客户经理", notes="备注 " * 5)
        service_map.cards[card.id] = card
        if previous is not None and n % 3:
            arrow = Connector(previous.id, card.id)
            service_map.connectors[arrow.id] = arrow
        previous = card
    return new_project("Benchmark", [service_map])


def median_ms(action, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    print(f"{'cards':>6} | {'JSON export':>11} | {'JSON import':>11} | {'CSV export':>10} | "
          f"{'CSV import':>10} | {'JSON size':>9}")
    print("-" * 72)
    with tempfile.TemporaryDirectory() as folder:
        json_path, csv_path = Path(folder) / "p.json", Path(folder) / "m.csv"
        for cards in (100, 1000, 5000):
            project = make_project(cards)
            repeats = 7 if cards < 5000 else 3
            json_export = median_ms(lambda: dump_json(project, json_path), repeats)
            json_import = median_ms(lambda: load_json(json_path), repeats)
            csv_export = median_ms(lambda: write_csv_map(project.maps[0], csv_path), repeats)
            csv_import = median_ms(lambda: read_csv_map(csv_path), repeats)
            size_kb = json_path.stat().st_size / 1024
            print(f"{cards:>6} | {json_export:>8.1f} ms | {json_import:>8.1f} ms | "
                  f"{csv_export:>7.1f} ms | {csv_import:>7.1f} ms | {size_kb:>6.0f} KB")


if __name__ == "__main__":
    main()

"""Project file speed: open, save one edited card, full write, file size.

    python benchmarks/bench_storage.py

Targets (issue 2): at 1,000 cards, saving one edited card < 20 ms, opening < 300 ms.
Projects have 10 stages, the 5 standard lanes, and an arrow from each card to the next.
Times are medians of several runs on real files (synchronous=FULL, so they include fsync).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from blueprint_studio.model import operations as ops  # noqa: E402
from synthetic import median_ms, synthetic_project  # noqa: E402
from blueprint_studio.storage import ProjectFile, read_project, write_project  # noqa: E402

SIZES = (100, 1000, 5000)
TARGET_SAVE_MS, TARGET_OPEN_MS = 20.0, 300.0


def measure(cards: int, folder: Path) -> dict[str, float]:
    project = synthetic_project(cards, arrows=cards - 1)
    path = folder / f"bench-{cards}.bpstudio"
    write_ms = median_ms(lambda: write_project(project, path), 5)
    open_ms = median_ms(lambda: read_project(path), 5)
    start = time.perf_counter()
    project_file = ProjectFile.open(path)
    bind_ms = (time.perf_counter() - start) * 1000
    service_map = project_file.project.maps[0]
    card_ids = list(service_map.cards)
    counter = iter(range(10**6))

    def edit_and_save() -> None:
        number = next(counter)
        card_id = card_ids[(number * 37) % len(card_ids)]
        ops.UpdateCard(service_map.id, card_id, {"text": f"edited 修改 {number}"}).apply(
            project_file.project)
        project_file.save()

    edit_and_save()  # warm-up: the first save opens the read-write connection
    save_ms = median_ms(edit_and_save, 25)
    project_file.close()
    return {"cards": cards, "open": open_ms, "bind": bind_ms, "save": save_ms,
            "write": write_ms, "size": path.stat().st_size / 1024}


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for cards in SIZES:
            rows.append(measure(cards, Path(folder)))
    print(f"{'cards':>6} | {'open (read_project)':>19} | {'ProjectFile.open':>16} | "
          f"{'save 1 edited card':>18} | {'full write':>10} | {'file size':>9}")
    print("-" * 96)
    for row in rows:
        print(f"{row['cards']:>6,} | {row['open']:>16.1f} ms | {row['bind']:>13.1f} ms | "
              f"{row['save']:>15.2f} ms | {row['write']:>7.1f} ms | {row['size']:>6.0f} KB")
    thousand = next(row for row in rows if row["cards"] == 1000)
    verdict = ("met" if thousand["save"] < TARGET_SAVE_MS and thousand["open"] < TARGET_OPEN_MS
               else "MISSED")
    print(f"\nTargets at 1,000 cards: save one card < {TARGET_SAVE_MS:.0f} ms, "
          f"open < {TARGET_OPEN_MS:.0f} ms: {verdict}.")


if __name__ == "__main__":
    main()

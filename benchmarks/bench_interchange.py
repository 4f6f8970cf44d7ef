"""JSON and CSV import/export speed for maps of 100, 1,000 and 5,000 cards.

    python benchmarks/interchange_speed.py

Prints a table of median times over several runs (milliseconds). Targets: a 1,000-card map
imports or exports in well under a second, so the GUI never seems to hang on it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from blueprint_studio.interchange import (  # noqa: E402
    dump_json, load_json, read_csv_map, write_csv_map,
)
from synthetic import median_ms, synthetic_project  # noqa: E402


def main() -> None:
    print(f"{'cards':>6} | {'JSON export':>11} | {'JSON import':>11} | {'CSV export':>10} | "
          f"{'CSV import':>10} | {'JSON size':>9}")
    print("-" * 72)
    with tempfile.TemporaryDirectory() as folder:
        json_path, csv_path = Path(folder) / "p.json", Path(folder) / "m.csv"
        for cards in (100, 1000, 5000):
            project = synthetic_project(cards, arrows=cards * 2 // 3)
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

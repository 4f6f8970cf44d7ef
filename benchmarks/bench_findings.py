"""How fast the findings of a map are worked out, and whether typing stays quick with the
findings panel open.

Run: python3 benchmarks/bench_findings.py
Targets (issue 11): the whole analysis of 2,000 cards and 3,000 arrows in under 200 ms; a
keystroke in a card's inline editor, with the panel open, under 16 ms (the panel waits for
the edits to settle, so typing never pays for the analysis).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import median_ms, synthetic_project  # noqa: E402

from blueprint_studio.analysis.findings import map_findings  # noqa: E402
from blueprint_studio.analysis.flow import critical_path, rework_loops  # noqa: E402
from blueprint_studio.analysis.gaps import find_gaps  # noqa: E402


def analysis_rows() -> list[tuple[str, float]]:
    rows = []
    for cards, arrows in ((200, 300), (2_000, 3_000), (5_000, 10_000)):
        service_map = synthetic_project(cards, arrows=arrows).maps[0]
        label = f"{cards:,} cards, {arrows:,} arrows"
        rows.append((f"{label}: map_findings (everything)", median_ms(lambda: map_findings(service_map), 5)))
        rows.append((f"{label}:   rework loops (first 50)", median_ms(lambda: rework_loops(service_map), 5)))
        rows.append((f"{label}:   critical path", median_ms(lambda: critical_path(service_map), 5)))
        rows.append((f"{label}:   gaps", median_ms(lambda: find_gaps(service_map), 5)))
    return rows


def typing_rows() -> list[tuple[str, float]]:
    """Keystrokes into a card's inline editor in the real window, the findings panel open."""
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QDockWidget

    from blueprint_studio.app.document import Document
    from blueprint_studio.app.main_window import MainWindow
    from blueprint_studio.app.settings import AppSettings
    from blueprint_studio.app.theme import apply_theme

    app = QApplication.instance() or QApplication([])
    apply_theme(app)
    window = MainWindow(AppSettings())
    rows = []
    try:
        project = synthetic_project(2_000, arrows=3_000)
        window.set_document(Document(project, recovery=window.recovery))
        window.resize(1280, 720)
        window.show()
        window.findChild(QDockWidget, "findingsDock").show()
        app.processEvents()
        scene = window.map_area.current_scene()
        view = window.map_area.current_view()
        card_id = next(iter(project.maps[0].cards))
        start = time.perf_counter()
        window.findings.refresh()
        rows.append(("2,000 cards, 3,000 arrows: panel refresh (analysis + tree)",
                     (time.perf_counter() - start) * 1000))
        scene.edit_card(card_id)
        app.processEvents()
        focus = QApplication.focusWidget() or view.viewport()
        times = []
        for char in "quick brown fox " * 4:
            begin = time.perf_counter()
            QTest.keyClicks(focus, char)
            app.processEvents()
            times.append((time.perf_counter() - begin) * 1000)
        QTest.keyClick(focus, Qt.Key.Key_Escape)
        times.sort()
        rows.append(("keystroke in a card, panel open: median", times[len(times) // 2]))
        rows.append(("keystroke in a card, panel open: 95th percentile", times[int(len(times) * 0.95)]))
        begin = time.perf_counter()
        window.document.undo_stack.undo() if window.document.undo_stack.canUndo() else None
        app.processEvents()
    finally:
        window.hide()
        window.teardown()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return rows


def main() -> None:
    print(f"{'case':62} {'ms':>9}")
    for label, ms in analysis_rows() + typing_rows():
        print(f"{label:62} {ms:9.1f}")


if __name__ == "__main__":
    main()

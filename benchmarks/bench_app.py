"""The shell's own costs on big projects (the canvas has its own benchmark).

Prints a table with, for 100, 1,000 and 2,000 cards (one map, 3 arrows per 2 cards):
- open window: Document.open of a saved file + MainWindow.set_document + first full paint
  of a 1920x1080 window (what a trainer waits for after double-clicking a project);
- recovery copy: the first write of the whole project as the recovery copy, and a later
  one after one edit, which writes only the change (runs a few seconds after a change,
  never during a drag);
- inspector key: one keystroke in the card text box as the user feels it (the edit itself
  reaches the model after a typing pause);
- inspector commit: the edit reaching the model after the pause (undo step, model event,
  canvas relayout and inspector refresh) - once per pause, not per keystroke;
- save one edit: actionSave after that keystroke (incremental save).

Run: python3 benchmarks/bench_app.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["BLUEPRINT_STUDIO_CONFIG_DIR"] = tempfile.mkdtemp(prefix="bps-bench-")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QCoreApplication, QEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from blueprint_studio.app.document import Document  # noqa: E402
from blueprint_studio.app.main import make_application  # noqa: E402
from blueprint_studio.app.main_window import MainWindow  # noqa: E402
from blueprint_studio.app.settings import AppSettings  # noqa: E402
from blueprint_studio.commands import push_operation  # noqa: E402
from blueprint_studio.model import operations as ops  # noqa: E402
from blueprint_studio.storage import write_project  # noqa: E402
from synthetic import synthetic_project  # noqa: E402


def millis(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def measure(app: QApplication, cards: int, folder: Path) -> dict[str, float]:
    path = folder / f"big{cards}.bpstudio"
    write_project(synthetic_project(cards), path)
    window = MainWindow(AppSettings())
    window.resize(1920, 1080)
    window.show()
    app.processEvents()
    start = time.perf_counter()
    window.set_document(Document.open(path, recovery=window.recovery))
    window.grab()
    opened = millis(start)

    document = window.document
    document.mark_modified()
    start = time.perf_counter()
    document.write_recovery()
    first_copy = millis(start)  # the first copy is written whole
    service_map = document.project.maps[0]
    recovery = []
    for number, card_id in enumerate(list(service_map.cards)[:3]):
        push_operation(document.undo_stack, document.project,
                       ops.UpdateCard(service_map.id, card_id, {"text": f"edit {number}"}), "edit")
        start = time.perf_counter()
        document.write_recovery()  # later copies: only the change
        recovery.append(millis(start))

    card_id = next(iter(document.project.maps[0].cards))
    window.map_area.current_scene().select_card(card_id)
    editor = window.inspector.findChild(QWidget, "inspector_card_text")
    editor.setFocus()
    keystrokes = []
    for letter in "abcdefgh":
        start = time.perf_counter()
        QTest.keyClicks(editor, letter)
        app.processEvents()
        keystrokes.append(millis(start))
    start = time.perf_counter()
    window.inspector.commit_pending()
    app.processEvents()
    committed = millis(start)
    start = time.perf_counter()
    window.files.save()
    saved = millis(start)

    window.hide()
    window.teardown()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return {"open": opened, "first_copy": first_copy, "recovery": statistics.median(recovery),
            "keystroke": statistics.median(keystrokes), "commit": committed, "save": saved}


def main() -> int:
    app = make_application([sys.argv[0]])
    folder = Path(tempfile.mkdtemp(prefix="bps-bench-files-"))
    print(f"{'cards':>6} | {'open window':>12} | {'first recovery copy':>19} | {'later copy':>10} "
          f"| {'inspector key':>13} | {'inspector commit':>16} | {'save one edit':>13}")
    print(f"{'-' * 6}-|-{'-' * 12}-|-{'-' * 19}-|-{'-' * 10}-|-{'-' * 13}-|-{'-' * 16}-|-{'-' * 13}")
    for cards in (100, 1000, 2000):
        r = measure(app, cards, folder)
        print(f"{cards:>6} | {r['open']:>9.0f} ms | {r['first_copy']:>16.0f} ms | {r['recovery']:>7.1f} ms "
              f"| {r['keystroke']:>10.1f} ms | {r['commit']:>13.1f} ms | {r['save']:>10.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Write screenshots of the main window to docs/screenshots/ (offscreen, QWidget.grab()).

    python tools/screenshots.py

The enterprise customer training template in Chinese at 1920x1080 and at 1280x720 (the
classic classroom projector), plus an English one, each with a card selected so the
inspector shows what can be edited. Presentation mode has its own script,
tools/screenshots_presentation.py (a stage spotlighted, the timer running, in both languages).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# Fresh settings: no remembered window layout or language leaks into the pictures.
os.environ["BLUEPRINT_STUDIO_CONFIG_DIR"] = tempfile.mkdtemp(prefix="bps-shots-")

from PySide6.QtCore import QCoreApplication, QEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from blueprint_studio.app.document import Document  # noqa: E402
from blueprint_studio.app.main import make_application  # noqa: E402
from blueprint_studio.app.main_window import MainWindow  # noqa: E402
from blueprint_studio.app.settings import AppSettings  # noqa: E402
from blueprint_studio.i18n import set_language  # noqa: E402
from blueprint_studio.templates import build_template  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SHOTS = (
    ("main-window-zh-1920x1080.png", "zh", (1920, 1080), False),
    ("main-window-zh-1280x720.png", "zh", (1280, 720), False),
    ("main-window-en-1920x1080.png", "en", (1920, 1080), False),
)


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def shoot(app: QApplication, name: str, lang: str, size: tuple[int, int], presenting: bool) -> Path:
    set_language(lang)
    window = MainWindow(AppSettings())
    window.set_document(Document(build_template("enterprise_training", lang), recovery=window.recovery))
    window.resize(*size)
    window.show()
    settle(app)
    # Select a moment-of-truth card, as a trainer would when discussing it.
    service_map = window.document.project.maps[0]
    card = next((c for c in service_map.cards_in_reading_order() if c.moment_of_truth),
                service_map.cards_in_reading_order()[0])
    window.map_area.current_scene().select_card(card.id)  # selected, map not scrolled
    if presenting:
        window.actions["actionPresentation"].setChecked(True)
        window.map_area.current_scene().clearSelection()
        window.showNormal()  # the offscreen "screen" is 800x800: show the projector's size instead
        window.resize(*size)
        settle(app)
        window.map_area.fit_width()
    settle(app)
    path = OUT / name
    window.grab().save(str(path))
    window.hide()
    window.teardown()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return path


def main() -> int:
    app = make_application([sys.argv[0]])
    OUT.mkdir(parents=True, exist_ok=True)
    for name, lang, size, presenting in SHOTS:
        print(f"wrote {shoot(app, name, lang, size, presenting).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

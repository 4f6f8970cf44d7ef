"""Screenshots of presentation mode at 1280x720 (the classic classroom projector), in English
and Chinese: the hotel stay template, a stage spotlighted with its moment of truth ringed,
the workshop timer running; and the reveal setting in the middle of the story.

    xvfb-run -a -s "-screen 0 1280x720x24" env QT_QPA_PLATFORM=xcb .venv/bin/python tools/screenshots_presentation.py

Under Xvfb the window really goes full screen on a 1280x720 screen; run without a display
(QT_QPA_PLATFORM=offscreen) it shows the presenting window at 1280x720 instead.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["BLUEPRINT_STUDIO_CONFIG_DIR"] = tempfile.mkdtemp(prefix="bps-shots-")

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from blueprint_studio.app.document import Document  # noqa: E402
from blueprint_studio.app.language import switch_language  # noqa: E402
from blueprint_studio.app.main import make_application  # noqa: E402
from blueprint_studio.app.main_window import MainWindow  # noqa: E402
from blueprint_studio.app.settings import AppSettings  # noqa: E402
from blueprint_studio.templates import build_template  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SIZE = (1280, 720)
SHOTS = (
    # name, language, reveal, stages stepped, ring the next moment of truth
    ("presentation-en-1280x720.png", "en", False, 2, True),
    ("presentation-zh-1280x720.png", "zh", False, 2, True),
    ("presentation-reveal-en-1280x720.png", "en", True, 3, False),
)


def settle(ms: int = 300) -> None:
    clock = QElapsedTimer()
    clock.start()
    while clock.elapsed() < ms:
        QCoreApplication.processEvents()


def shoot(name: str, lang: str, reveal: bool, steps: int, moment: bool) -> Path:
    switch_language(lang)
    window = MainWindow(AppSettings())
    window.set_document(Document(build_template("hotel_stay", lang), recovery=window.recovery))
    window.resize(*SIZE)
    window.show()
    settle()
    window.actions["actionPresentReveal"].setChecked(reveal)
    window.actions["actionPresentation"].setChecked(True)
    if os.environ["QT_QPA_PLATFORM"] == "offscreen":
        window.showNormal()   # the offscreen "screen" is not a projector's: show its size instead
        window.resize(*SIZE)
    settle(600)
    for _ in range(steps):
        window.actions["actionPresentNextStage"].trigger()
    if moment:
        window.actions["actionPresentNextMoment"].trigger()
    window.presentation.start_timer(10 * 60_000)
    settle(2300)   # the countdown under way: 9:58
    path = OUT / name
    window.grab().save(str(path))
    window.actions["actionPresentation"].setChecked(False)
    window.presentation.timer.stop()
    window.hide()
    window.teardown()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return path


def main() -> int:
    make_application([sys.argv[0]])
    OUT.mkdir(parents=True, exist_ok=True)
    for shot in SHOTS:
        print(f"wrote {shoot(*shot).relative_to(ROOT)}")
    QApplication.closeAllWindows()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Write screenshots of touchpoint evaluation to docs/screenshots/ (offscreen, QWidget.grab()).

    python tools/screenshots_insight.py

The enterprise customer training template with the sample evaluation
(export/sample_insight.py), at 1280x720 (the classroom projector), in English and Chinese:
the card inspector's Evaluation tab for a confirmed moment of truth, and the
importance–performance chart beside the map.
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

from PySide6.QtCore import QCoreApplication, QEvent, QPoint  # noqa: E402
from PySide6.QtGui import QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from blueprint_studio.app.document import Document  # noqa: E402
from blueprint_studio.app.main import make_application  # noqa: E402
from blueprint_studio.app.main_window import MainWindow  # noqa: E402
from blueprint_studio.app.settings import AppSettings  # noqa: E402
from blueprint_studio.export.sample_insight import add_sample_evaluation  # noqa: E402
from blueprint_studio.i18n import set_language  # noqa: E402
from blueprint_studio.model.enums import LaneKind  # noqa: E402
from blueprint_studio.templates import build_template  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SIZE = (1280, 720)


def settle(app: QApplication) -> None:
    for _ in range(6):
        app.processEvents()


def window_for(app: QApplication, lang: str) -> MainWindow:
    set_language(lang)
    window = MainWindow(AppSettings())
    project = build_template("enterprise_training", lang)
    add_sample_evaluation(project, lang)
    window.set_document(Document(project, recovery=window.recovery))
    window.resize(*SIZE)
    window.show()
    settle(app)
    return window


def close(window: MainWindow) -> None:
    window.hide()
    window.teardown()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def shoot_inspector(app: QApplication, lang: str) -> Path:
    window = window_for(app, lang)
    service_map = window.document.project.maps[0]
    customer = {lane.id for lane in service_map.lanes if lane.kind is LaneKind.CUSTOMER}
    steps = [c for c in service_map.cards_in_reading_order() if c.lane_id in customer]
    window.map_area.current_scene().select_card(steps[3].id)
    settle(app)
    page = window.inspector.pages["card"]
    page.tabs.setCurrentIndex(1)
    settle(app)
    path = OUT / f"inspector-evaluation-{lang}-1280x720.png"
    window.grab().save(str(path))
    close(window)
    return path


def shoot_chart(app: QApplication, lang: str) -> Path:
    window = window_for(app, lang)
    workspace = window.workspace("blueprint")
    workspace.show_ipa_chart()
    dialog = workspace.ipa_dialog
    dialog.resize(640, 520)
    settle(app)
    # The offscreen platform has no window manager: compose the dialog over the window.
    picture = window.grab()
    painter = QPainter(picture)
    painter.drawPixmap(QPoint(SIZE[0] - 660, 120), dialog.grab())
    painter.end()
    path = OUT / f"ipa-chart-{lang}-1280x720.png"
    picture.save(str(path))
    close(window)
    return path


def main() -> int:
    app = make_application([sys.argv[0]])
    OUT.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "zh"):
        for shoot in (shoot_inspector, shoot_chart):
            print(f"wrote {shoot(app, lang).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Screenshots of connect mode on the map (offscreen, QWidget.grab()), at 1280x720, the
classroom projector, in Chinese and English:

    python tools/screenshots_connect.py [--zoom 0.5]

The enterprise training template with connect mode switched on (Ctrl+E, the "→ Connect"
button pressed), a first card clicked and ringed while it waits, and the pointer over the
card the arrow will go to (the dashed line follows the pointer, the target lights up).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["BLUEPRINT_STUDIO_CONFIG_DIR"] = tempfile.mkdtemp(prefix="bps-shots-")

from PySide6.QtCore import QCoreApplication, QEvent, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from blueprint_studio.app.document import Document  # noqa: E402
from blueprint_studio.app.main import make_application  # noqa: E402
from blueprint_studio.app.main_window import MainWindow  # noqa: E402
from blueprint_studio.app.settings import AppSettings  # noqa: E402
from blueprint_studio.i18n import set_language  # noqa: E402
from blueprint_studio.templates import build_template  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def shoot(app: QApplication, lang: str, zoom: float | None, out: Path) -> Path:
    set_language(lang)
    window = MainWindow(AppSettings())
    window.set_document(Document(build_template("enterprise_training", lang), recovery=window.recovery))
    window.resize(1280, 720)
    window.show()
    settle(app)
    view, scene = window.map_area.current_view(), window.map_area.current_scene()
    if zoom is not None:
        view.set_zoom(zoom)
        settle(app)
    window.workspace("blueprint").set_connect_mode(True)
    # The first customer step, then the pointer on the frontstage card of the next stage.
    service_map = window.document.project.maps[0]
    cards = service_map.cards_in_reading_order()
    customer = next(lane.id for lane in service_map.lanes if lane.kind.value == "customer")
    source = next(c for c in cards if c.lane_id == customer)
    stage_index = service_map.stage_index(source.stage_id)
    target = next((c for c in cards if c.lane_id != customer
                   and service_map.stage_index(c.stage_id) == stage_index + 1), cards[-1])
    port = view.viewport()
    item = scene.card_item(source.id)
    if zoom is not None:  # the first card's handle in the middle, to see its size on screen
        view.centerOn(item.mapToScene(item.handle_center()))
        settle(app)
    QTest.mouseClick(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view.mapFromScene(item.mapToScene(item.body_rect().center())))
    goal = scene.card_item(target.id).mapToScene(scene.card_item(target.id).body_rect().center())
    if not view.mapToScene(port.rect()).boundingRect().contains(goal):  # zoomed in: a little way off
        goal = item.mapToScene(item.handle_center()) + (goal - item.mapToScene(item.handle_center())) * 0.1
    QTest.mouseMove(port, view.mapFromScene(goal))
    settle(app)
    path = out / f"connect-mode-{lang}-1280x720.png"
    window.grab().save(str(path))
    window.hide()
    window.teardown()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zoom", type=float, help="zoom the map first (e.g. 0.25 or 4)")
    parser.add_argument("--out", type=Path, default=OUT, help="folder to write to")
    args = parser.parse_args()
    app = make_application([sys.argv[0]])
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in ("zh", "en"):
        print(f"wrote {shoot(app, lang, args.zoom, args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

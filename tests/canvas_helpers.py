"""Helpers for canvas tests: a small project, a shown view, and user-like mouse gestures."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from blueprint_studio.canvas import MapScene, MapView
from blueprint_studio.model import Card, CardKind, Connector, Project, ServiceMap
from blueprint_studio.model.factory import new_map, new_project


def sample_project(title: str = "Workshop") -> Project:
    """Three stages, the five standard lanes, five cards and two arrows."""
    service_map = new_map("Onboarding", ["Discover", "Sign up", "Use"])
    s = [stage.id for stage in service_map.stages]
    lanes = {lane.kind.value: lane.id for lane in service_map.lanes}
    cards = [
        Card(s[0], lanes["customer"], 0, "Reads the flyer", CardKind.ACTION, emotion=1),
        Card(s[0], lanes["customer"], 1, "Asks a friend", CardKind.ACTION, emotion=0),
        Card(s[1], lanes["customer"], 0, "Fills in the form 填写表单", CardKind.TOUCHPOINT, emotion=-2,
             fail_point=True, wait_minutes=30),
        Card(s[1], lanes["frontstage"], 0, "Clerk checks ID", CardKind.ACTION, moment_of_truth=True),
        Card(s[2], lanes["customer"], 0, "Uses the app every day", CardKind.ACTION, emotion=2),
    ]
    for card in cards:
        service_map.cards[card.id] = card
    for a, b in ((0, 2), (2, 3)):
        connector = Connector(cards[a].id, cards[b].id, "then" if a == 0 else "")
        service_map.connectors[connector.id] = connector
    return new_project(title, [service_map])


@dataclass
class Canvas:
    project: Project
    map: ServiceMap
    stack: QUndoStack
    scene: MapScene
    view: MapView

    # -- coordinates -----------------------------------------------------------------
    def vp(self, scene_point: QPointF) -> QPoint:
        """A scene point in viewport coordinates (what a user's mouse sees)."""
        return self.view.mapFromScene(scene_point)

    def card_centre(self, card_id: str) -> QPoint:
        return self.vp(self.scene.card_item(card_id).sceneBoundingRect().center())

    def cell_point(self, stage_index: int, lane_index: int, dx: float = 0.5, dy: float = 0.8) -> QPoint:
        self.scene.flush()
        stage = self.map.stages[stage_index]
        lane = self.map.lanes[lane_index]
        rect = self.scene.layout.cell_rect(stage.id, lane.id)
        return self.vp(QPointF(rect.x + rect.w * dx, rect.y + rect.h * dy))

    def cards_in(self, stage_index: int, lane_index: int) -> list[str]:
        return [c.id for c in self.map.cards_in_cell(self.map.stages[stage_index].id,
                                                      self.map.lanes[lane_index].id)]

    # -- gestures ------------------------------------------------------------------------
    def drag(self, start: QPoint, end: QPoint, modifier=Qt.KeyboardModifier.NoModifier,
             button=Qt.MouseButton.LeftButton, steps: int = 6) -> None:
        viewport = self.view.viewport()
        QTest.mousePress(viewport, button, modifier, start)
        for i in range(1, steps + 1):
            point = start + (end - start) * (i / steps)
            QTest.mouseMove(viewport, point)
        QTest.mouseRelease(viewport, button, modifier, end)
        QApplication.processEvents()

    def click(self, point: QPoint, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        QTest.mouseClick(self.view.viewport(), Qt.MouseButton.LeftButton, modifier, point)

    def double_click(self, point: QPoint) -> None:
        viewport = self.view.viewport()
        QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
        QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
        QApplication.processEvents()

    def keys(self, text: str) -> None:
        """Type text; characters QTest cannot map to keys (Chinese) arrive as key events
        carrying the text, as an input method would deliver them."""
        viewport = self.view.viewport()
        for char in text:
            if char.isascii():
                QTest.keyClicks(viewport, char)
            else:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(viewport, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))

    def key(self, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(self.view.viewport(), key, modifier)
        QApplication.processEvents()


def open_canvas(qtbot, project: Project | None = None, size=(1400, 1000)) -> Canvas:
    project = project or sample_project()
    stack = QUndoStack()
    scene = MapScene(project, project.maps[0].id, stack)
    view = MapView(scene)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.setFocus()
    QApplication.processEvents()
    return Canvas(project, project.maps[0], stack, scene, view)


def close_canvas(canvas: Canvas) -> None:
    """Explicit teardown in a safe order (PySide6 can abort at exit otherwise)."""
    canvas.scene.detach()
    canvas.view.setScene(None)
    canvas.scene.clear()
    canvas.view.close()
    canvas.view.deleteLater()
    canvas.scene.deleteLater()
    canvas.stack.clear()
    QApplication.processEvents()

"""The blueprint grid's own gestures: drag a stage or lane header to reorder its axis, drag
a stage header's right edge to resize the column. Like every gesture they only show
feedback while the button is down and change the model once, on release, through their
host (`GridHost`: the generic `GestureHost` plus the grid's axes)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from . import style as S
from .diagram.host import Gesture, GestureHost, drag_distance

if TYPE_CHECKING:
    from PySide6.QtWidgets import QGraphicsSceneMouseEvent


class GridHost(GestureHost, Protocol):
    def axis_slots(self, axis: str) -> list[tuple[str, float, float]]:
        """(id, start, end) of each stage column ("stage") or lane row ("lane"), in order."""

    def grid_size(self) -> tuple[float, float]:
        """The grid's width and height (scene units)."""

    def column_span(self, stage_id: str) -> tuple[float, float] | None:
        """(left, width) of a stage's column."""

    def move_axis_item(self, axis: str, item_id: str, index: int) -> None:
        """Move a stage or lane to `index`: one undo step."""

    def resize_stage(self, stage_id: str, width: float | None) -> None:
        """Set a stage's column width (None: automatic): one undo step."""


def _guide() -> QGraphicsRectItem:
    guide = QGraphicsRectItem()
    guide.setBrush(S.SELECTION)
    guide.setPen(QPen(Qt.PenStyle.NoPen))
    guide.setZValue(S.Z_CORNER + 1)
    return guide


class HeaderDrag(Gesture):
    """Press on a stage or lane header: a click selects it, dragging reorders the axis."""

    def __init__(self, host: GridHost, axis: str, item_id: str, item: QGraphicsItem,
                 event: "QGraphicsSceneMouseEvent") -> None:
        super().__init__(host)
        self.host: GridHost = host
        self.axis, self.item_id, self.item = axis, item_id, item
        self.start = event.scenePos()
        self.threshold = drag_distance(event)
        self.moved = False
        host.select_items([item])
        self.marker = _guide()

    def _slot_at(self, pos: QPointF) -> int:
        coordinate = pos.x() if self.axis == "stage" else pos.y()
        return sum(1 for _, low, high in self.host.axis_slots(self.axis) if (low + high) / 2 < coordinate)

    def move(self, pos: QPointF) -> None:
        if not self.moved and (pos - self.start).manhattanLength() < self.threshold:
            return
        if not self.moved:
            self.moved = True
            self.host.add_feedback(self.marker)
            self.item.setCursor(Qt.CursorShape.ClosedHandCursor)
        slots = self.host.axis_slots(self.axis)
        slot = self._slot_at(pos)
        edge = slots[slot - 1][2] if slot > 0 else slots[0][1]
        width, height = self.host.grid_size()
        if self.axis == "stage":
            self.marker.setRect(QRectF(edge - 3, 0, 6, height))
        else:
            self.marker.setRect(QRectF(0, edge - 3, width, 6))

    def release(self, pos: QPointF) -> None:
        self.cancel()
        if not self.moved:
            return
        ids = [slot_id for slot_id, _, _ in self.host.axis_slots(self.axis)]
        old = ids.index(self.item_id)
        slot = self._slot_at(pos)
        new = slot if slot <= old else slot - 1
        if new != old:
            self.host.move_axis_item(self.axis, self.item_id, new)

    def cancel(self) -> None:
        self.item.setCursor(Qt.CursorShape.OpenHandCursor)
        self.host.remove_feedback(self.marker)


class ColumnResize(Gesture):
    """Drag a stage header's right edge: a guide follows; the width is set on release."""

    def __init__(self, host: GridHost, stage_id: str, width: float,
                 event: "QGraphicsSceneMouseEvent") -> None:
        super().__init__(host)
        self.host: GridHost = host
        self.stage_id = stage_id
        self.left, self.width = host.column_span(stage_id) or (0.0, width)
        self.guide = _guide()
        host.add_feedback(self.guide)
        self._show(self.left + self.width)

    def _show(self, x: float) -> None:
        self.guide.setRect(QRectF(x - 1.5, 0, 3, self.host.grid_size()[1]))

    def move(self, pos: QPointF) -> None:
        self.width = max(60.0, min(5000.0, pos.x() - self.left))
        self._show(self.left + self.width)

    def release(self, pos: QPointF) -> None:
        self.cancel()
        self.host.resize_stage(self.stage_id, round(self.width))

    def cancel(self) -> None:
        self.host.remove_feedback(self.guide)

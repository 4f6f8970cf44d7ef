"""Gestures any diagram can use (orange-canvas-core's `interactions.py` pattern): drag the
selected nodes, connect one node to another, select with a rubber band.

They know entities by kind and id and talk to the scene only through `GestureHost`; what
a drop or a connection means (cells, orders, undo steps) is the host's business.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsRectItem

from .. import style as S
from .host import Gesture, GestureHost, drag_distance

if TYPE_CHECKING:
    from PySide6.QtWidgets import QGraphicsSceneMouseEvent

_ADDING = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


class Connectable(Protocol):
    """A node that offers a handle to start a connection from."""

    def handle_center(self) -> QPointF:
        """The handle's centre in item coordinates."""

    def body_rect(self) -> QRectF:
        """The node's own outline in item coordinates (without its handle)."""

    def mapToScene(self, point: QPointF) -> QPointF:  # noqa: N802 - Qt's name
        ...


def dashed_line() -> QGraphicsPathItem:
    """The line a connection being drawn shows (two screen pixels at any zoom)."""
    pen = QPen(S.SELECTION, 2.5, Qt.PenStyle.DashLine)
    pen.setCosmetic(True)
    line = QGraphicsPathItem()
    line.setPen(pen)
    line.setZValue(S.Z_DRAGGED + 1)
    return line


def curve(start: QPointF, end: QPointF) -> QPainterPath:
    """A soft S from `start` to `end`: what a connection being drawn looks like."""
    path = QPainterPath(start)
    mid = (start.x() + end.x()) / 2
    path.cubicTo(QPointF(mid, start.y()), QPointF(mid, end.y()), end)
    return path


class NodeDrag(Gesture):
    """Press on a node: a click selects it (Ctrl or Shift toggles); dragging moves the selected
    nodes of its kind together, and the host drops them on release."""

    def __init__(self, host: GestureHost, kind: str, entity_id: str, item: QGraphicsItem,
                 event: "QGraphicsSceneMouseEvent") -> None:
        super().__init__(host)
        self.kind, self.anchor_id = kind, entity_id
        self.start = event.scenePos()
        self.threshold = drag_distance(event)  # screen pixels, whatever the zoom
        self.moved = False
        self.toggle = bool(event.modifiers() & _ADDING)
        self.was_selected = item.isSelected()
        if self.toggle:
            item.setSelected(not self.was_selected)
        elif not self.was_selected:
            host.set_selection(kind, [entity_id])
        host.note_focus(kind, entity_id)
        self.ids = host.selected_ids(kind) if item.isSelected() else []
        self.items = [host.entity_item(kind, i) for i in self.ids]
        self.origins = [i.pos() for i in self.items]
        self.depths = [i.zValue() for i in self.items]

    def move(self, pos: QPointF) -> None:
        if not self.items:
            return
        delta = pos - self.start
        if not self.moved and delta.manhattanLength() < self.threshold:
            return
        self.moved = True
        for item, origin in zip(self.items, self.origins):
            item.setZValue(S.Z_DRAGGED)
            item.setPos(origin + delta)
        self.host.preview_drop(self.kind, self.ids, pos)

    def _settle(self) -> None:
        self.host.end_preview()
        for item, depth in zip(self.items, self.depths):
            item.setZValue(depth)

    def release(self, pos: QPointF) -> None:
        self._settle()
        if not self.moved:
            if not self.toggle and self.was_selected and len(self.ids) > 1:
                self.host.set_selection(self.kind, [self.anchor_id])  # a click in a group picks one
            return
        self.host.drop(self.kind, self.ids, self.anchor_id, pos)

    def cancel(self) -> None:
        self._settle()
        self.host.restore(self.kind, self.ids)


class ConnectDrag(Gesture):
    """Press on a node's handle (or, in connect mode, anywhere on it) and release over another
    node of its kind: one connection. `pos` is where the pointer is now (scene)."""

    def __init__(self, host: GestureHost, kind: str, source_id: str, item: Connectable,
                 pos: QPointF) -> None:
        super().__init__(host)
        self.kind, self.source_id = kind, source_id
        self.start = item.mapToScene(item.handle_center())
        self.line = dashed_line()
        host.add_feedback(self.line)
        self._draw(pos)

    def _draw(self, end: QPointF) -> None:
        self.line.setPath(curve(self.start, end))

    def _target(self, pos: QPointF) -> str | None:
        target = self.host.entity_at(pos, self.kind)
        return target if target != self.source_id else None

    def move(self, pos: QPointF) -> None:
        self._draw(pos)
        self.host.preview_connect(self.kind, self.source_id, self._target(pos))

    def release(self, pos: QPointF) -> None:
        self.cancel()
        target = self._target(pos)
        if target is not None:
            self.host.connect(self.kind, self.source_id, target)

    def cancel(self) -> None:
        self.host.end_preview()
        self.host.remove_feedback(self.line)


class RubberBand(Gesture):
    """Press on empty canvas and drag: the nodes of a kind the rectangle touches are selected
    (with Ctrl or Shift, added to the selection)."""

    def __init__(self, host: GestureHost, kind: str, event: "QGraphicsSceneMouseEvent") -> None:
        super().__init__(host)
        self.kind = kind
        self.start = event.scenePos()
        self.threshold = drag_distance(event)
        if not event.modifiers() & _ADDING:
            host.select_items([])
        self.initial = set(host.selected_ids(kind))
        self.band = QGraphicsRectItem()
        self.band.setPen(QPen(S.SELECTION, 1.5, Qt.PenStyle.DashLine))
        self.band.setBrush(QColor(21, 101, 192, 30))
        self.band.setZValue(S.Z_DRAGGED + 2)
        self.active = False

    def move(self, pos: QPointF) -> None:
        if not self.active and QLineF(self.start, pos).length() < self.threshold:
            return
        if not self.active:
            self.active = True
            self.host.add_feedback(self.band)
        rect = QRectF(self.start, pos).normalized()
        self.band.setRect(rect)
        self.host.set_selection(self.kind, self.initial | self.host.ids_in(rect, self.kind))

    def release(self, pos: QPointF) -> None:
        self.cancel()

    def cancel(self) -> None:
        self.host.remove_feedback(self.band)

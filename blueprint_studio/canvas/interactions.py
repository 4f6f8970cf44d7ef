"""Mouse gestures as small state machines (orange-canvas-core's `interactions.py` pattern).

The scene starts one interaction on a mouse press and forwards move/release to it until it
ends. An interaction may move items for feedback while the button is down, but it changes the
model only once, on release, through the scene's undo stack: a drag is one undo step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QApplication, QGraphicsPathItem, QGraphicsRectItem

from ..i18n import tr
from . import style as S
from .headers import LaneHeaderItem, StageHeaderItem
from .items import CardItem
from .layout import EMOTION_ROW

if TYPE_CHECKING:
    from PySide6.QtWidgets import QGraphicsSceneMouseEvent

    from .scene import MapScene


def _drag_distance() -> float:
    return float(QApplication.startDragDistance())


class Interaction:
    """Base class: a gesture that lives from a press to its release (or Escape)."""

    def __init__(self, scene: "MapScene") -> None:
        self.scene = scene

    def move(self, pos: QPointF) -> None:
        pass

    def release(self, pos: QPointF) -> None:
        pass

    def cancel(self) -> None:
        pass


class CardDrag(Interaction):
    """Press on a card: click selects (Ctrl toggles); dragging moves the selected cards, which
    snap into the cell under the pointer on release (one Batch of MoveCard)."""

    def __init__(self, scene: "MapScene", item: CardItem, event: "QGraphicsSceneMouseEvent") -> None:
        super().__init__(scene)
        self.item = item
        self.start = event.scenePos()
        self.moved = False
        self.toggle = bool(event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                                | Qt.KeyboardModifier.ShiftModifier))
        self.was_selected = item.isSelected()
        if self.toggle:
            item.setSelected(not self.was_selected)
        elif not self.was_selected:
            scene.select_only([item.card_id])
        scene.note_focus_card(item.card_id)
        self.card_ids = scene.selected_card_ids() if item.isSelected() else []
        self.items = [scene.card_item(cid) for cid in self.card_ids]
        self.origins = {i.card_id: i.pos() for i in self.items}

    def move(self, pos: QPointF) -> None:
        if not self.items:
            return
        delta = pos - self.start
        if not self.moved and delta.manhattanLength() < _drag_distance():
            return
        self.moved = True
        for item in self.items:
            item.setZValue(S.Z_DRAGGED)
            item.setPos(self.origins[item.card_id] + delta)
        self.scene.route_live(self.card_ids)
        self.scene.show_drop_target(pos, self.card_ids)

    def release(self, pos: QPointF) -> None:
        scene = self.scene
        scene.hide_drop_target()
        for item in self.items:
            item.setZValue(S.Z_CARD)
        if not self.moved:
            if not self.toggle and self.was_selected and len(self.card_ids) > 1:
                scene.select_only([self.item.card_id])  # a click in a group picks one card
            return
        cell = scene.layout.cell_at(pos.x(), pos.y())
        if cell is None or cell[1] == EMOTION_ROW:
            scene.snap_back()
            return
        scene.move_cards(self.card_ids, self.item.card_id, cell,
                         scene.layout.insertion_order(*cell, pos.x(), pos.y(), ignore=self.card_ids))

    def cancel(self) -> None:
        self.scene.hide_drop_target()
        for item in self.items:
            item.setZValue(S.Z_CARD)
        self.scene.snap_back()


class ConnectDrag(Interaction):
    """Press on a card's handle and release over another card: one new arrow."""

    def __init__(self, scene: "MapScene", item: CardItem, event: "QGraphicsSceneMouseEvent") -> None:
        super().__init__(scene)
        self.source = item
        self.start = item.mapToScene(item.handle_center())
        self.line = QGraphicsPathItem()
        pen = QPen(S.SELECTION, 2.5, Qt.PenStyle.DashLine)
        self.line.setPen(pen)
        self.line.setZValue(S.Z_DRAGGED + 1)
        scene.addItem(self.line)
        self._draw(event.scenePos())

    def _draw(self, end: QPointF) -> None:
        path = QPainterPath(self.start)
        mid = (self.start.x() + end.x()) / 2
        path.cubicTo(QPointF(mid, self.start.y()), QPointF(mid, end.y()), end)
        self.line.setPath(path)

    def move(self, pos: QPointF) -> None:
        self._draw(pos)
        target = self.scene.card_at(pos)
        if target is not None and target is not self.source:
            self.scene.show_card_target(target)
        else:
            self.scene.hide_drop_target()

    def release(self, pos: QPointF) -> None:
        self.cancel()
        target = self.scene.card_at(pos)
        if target is not None and target is not self.source:
            self.scene.connect_cards(self.source.card_id, target.card_id)

    def cancel(self) -> None:
        self.scene.hide_drop_target()
        if self.line.scene() is not None:
            self.scene.removeItem(self.line)


class HeaderDrag(Interaction):
    """Press on a stage or lane header: click selects it, dragging reorders the axis."""

    def __init__(self, scene: "MapScene", item: StageHeaderItem | LaneHeaderItem,
                 event: "QGraphicsSceneMouseEvent") -> None:
        super().__init__(scene)
        self.item = item
        self.axis = "stage" if isinstance(item, StageHeaderItem) else "lane"
        self.item_id = item.stage_id if self.axis == "stage" else item.lane_id
        self.start = event.scenePos()
        self.moved = False
        scene.select_only_items([item])
        self.marker = QGraphicsRectItem()
        self.marker.setBrush(S.SELECTION)
        self.marker.setPen(QPen(Qt.PenStyle.NoPen))
        self.marker.setZValue(S.Z_CORNER + 1)

    def _slots(self) -> list[tuple[str, float, float]]:
        layout = self.scene.layout
        if self.axis == "stage":
            return [(c.stage_id, c.x, c.right) for c in layout.columns]
        return [(r.lane_id, r.y, r.bottom) for r in layout.rows if r.lane_id != EMOTION_ROW]

    def _slot_at(self, pos: QPointF) -> int:
        coordinate = pos.x() if self.axis == "stage" else pos.y()
        return sum(1 for _, low, high in self._slots() if (low + high) / 2 < coordinate)

    def move(self, pos: QPointF) -> None:
        if not self.moved and (pos - self.start).manhattanLength() < _drag_distance():
            return
        if not self.moved:
            self.moved = True
            self.scene.addItem(self.marker)
            self.item.setCursor(Qt.CursorShape.ClosedHandCursor)
        slots = self._slots()
        slot = self._slot_at(pos)
        edge = slots[slot - 1][2] if slot > 0 else slots[0][1]
        layout = self.scene.layout
        if self.axis == "stage":
            self.marker.setRect(QRectF(edge - 3, 0, 6, layout.height))
        else:
            self.marker.setRect(QRectF(0, edge - 3, layout.width, 6))

    def release(self, pos: QPointF) -> None:
        self.cancel()
        if not self.moved:
            return
        ids = [slot_id for slot_id, _, _ in self._slots()]
        old = ids.index(self.item_id)
        slot = self._slot_at(pos)
        new = slot if slot <= old else slot - 1
        if new != old:
            self.scene.move_axis_item(self.axis, self.item_id, new)

    def cancel(self) -> None:
        self.item.setCursor(Qt.CursorShape.OpenHandCursor)
        if self.marker.scene() is not None:
            self.scene.removeItem(self.marker)


class ColumnResize(Interaction):
    """Drag a stage header's right edge: a guide follows; the width is set on release."""

    def __init__(self, scene: "MapScene", item: StageHeaderItem, event: "QGraphicsSceneMouseEvent") -> None:
        super().__init__(scene)
        self.item = item
        column = scene.layout.column(item.stage_id)
        self.left = column.x if column else 0.0
        self.width = column.width if column else item.width()
        self.guide = QGraphicsRectItem()
        self.guide.setBrush(S.SELECTION)
        self.guide.setPen(QPen(Qt.PenStyle.NoPen))
        self.guide.setZValue(S.Z_CORNER + 1)
        scene.addItem(self.guide)
        self._show(self.left + self.width)

    def _show(self, x: float) -> None:
        self.guide.setRect(QRectF(x - 1.5, 0, 3, self.scene.layout.height))

    def move(self, pos: QPointF) -> None:
        self.width = max(60.0, min(5000.0, pos.x() - self.left))
        self._show(self.left + self.width)

    def release(self, pos: QPointF) -> None:
        self.cancel()
        self.scene.resize_stage(self.item.stage_id, round(self.width))

    def cancel(self) -> None:
        if self.guide.scene() is not None:
            self.scene.removeItem(self.guide)


class RubberBand(Interaction):
    """Press on empty canvas and drag: cards touched by the rectangle are selected
    (with Ctrl or Shift, added to the selection)."""

    def __init__(self, scene: "MapScene", event: "QGraphicsSceneMouseEvent") -> None:
        super().__init__(scene)
        self.start = event.scenePos()
        additive = bool(event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                             | Qt.KeyboardModifier.ShiftModifier))
        if not additive:
            scene.clearSelection()
        self.initial = set(scene.selected_card_ids())
        self.band = QGraphicsRectItem()
        self.band.setPen(QPen(S.SELECTION, 1.5, Qt.PenStyle.DashLine))
        self.band.setBrush(QColor(21, 101, 192, 30))
        self.band.setZValue(S.Z_DRAGGED + 2)
        self.active = False

    def move(self, pos: QPointF) -> None:
        line = QLineF(self.start, pos)
        if not self.active and line.length() < _drag_distance():
            return
        if not self.active:
            self.active = True
            self.scene.addItem(self.band)
        rect = QRectF(self.start, pos).normalized()
        self.band.setRect(rect)
        inside = {i.card_id for i in self.scene.items(rect) if isinstance(i, CardItem)}
        self.scene.set_card_selection(self.initial | inside)

    def release(self, pos: QPointF) -> None:
        self.cancel()

    def cancel(self) -> None:
        if self.band.scene() is not None:
            self.scene.removeItem(self.band)


def move_text(count: int) -> str:
    return tr("Move card") if count == 1 else tr("Move {count} cards").format(count=count)

"""The grid of a blueprint: cell backgrounds tinted by lane, column and lane separators
and the three lines; and the drop indicator that shows, over the grid, where dragged
cards (or a new arrow) would land."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from .. import appearance
from . import style as S
from .layout import MapLayout

_Flag = QGraphicsItem.GraphicsItemFlag
_DEFAULT_TINT = QBrush(QColor("#fafafa"))


class GridItem(QGraphicsItem):
    """Cell backgrounds, column and lane separators and the three lines of a blueprint."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(S.Z_GRID)
        # exposedRect is only exact with this flag; the grid paints just what is exposed.
        self.setFlag(_Flag.ItemUsesExtendedStyleOption, True)
        self._layout: MapLayout | None = None
        self._tints: dict[str, QBrush] = {}
        self._bounds = QRectF()

    def set_layout(self, layout: MapLayout, tints: dict[str, QColor]) -> None:
        self.prepareGeometryChange()
        self._layout = layout
        self._tints = {lane_id: QBrush(colour) for lane_id, colour in tints.items()}
        self._bounds = QRectF(layout.grid_left, layout.grid_top,
                              max(layout.width - layout.grid_left, 0), max(layout.height - layout.grid_top, 0))
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds.adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        layout = self._layout
        if layout is None:
            return
        exposed = option.exposedRect
        left, right = layout.grid_left, layout.width
        for row in layout.rows:
            band = QRectF(left, row.y, right - left, row.height)
            if band.intersects(exposed):
                painter.fillRect(band.intersected(exposed), self._tints.get(row.lane_id, _DEFAULT_TINT))
        painter.setPen(QPen(S.GRID, 1))
        # Only what is exposed: a big map is painted tile by tile (scrolling, printing).
        top = max(layout.grid_top, exposed.top())
        bottom = min(layout.height, exposed.bottom())
        x0, x1 = max(left, exposed.left()), min(right, exposed.right())
        for column in layout.columns:
            if x0 - 2 <= column.right <= x1 + 2:
                painter.drawLine(QPointF(column.right, top), QPointF(column.right, bottom))
        for row in layout.rows:
            if top - 2 <= row.bottom <= bottom + 2:
                painter.drawLine(QPointF(x0, row.bottom), QPointF(x1, row.bottom))
        for kind, y in layout.lines:
            if not top - 3 <= y <= bottom + 3:
                continue
            pen = QPen(QColor(appearance.LINE_COLOUR[kind]), 2.2)
            if appearance.LINE_DASH[kind]:
                pen.setDashPattern(list(appearance.LINE_DASH[kind]))
                # Dashes keep their phase from the grid's left edge, so they do not crawl
                # while scrolling, yet only the exposed part is stroked.
                pen.setDashOffset((x0 - left) / pen.widthF())
            painter.setPen(pen)
            painter.drawLine(QPointF(x0, y), QPointF(x1, y))



class DropIndicator(QGraphicsItem):
    """Shows where dragged cards will land: the target cell and the insertion point."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(S.Z_DROP)
        self._cell = QRectF()
        self._bar = QRectF()

    def show_at(self, cell: QRectF, bar: QRectF) -> None:
        self.prepareGeometryChange()
        self._cell, self._bar = cell, bar
        self.show()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._cell.united(self._bar).adjusted(-3, -3, 3, 3)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.setPen(QPen(S.SELECTION, 2, Qt.PenStyle.DashLine))
        painter.setBrush(S.DROP_FILL)
        painter.drawRect(self._cell.adjusted(1, 1, -1, -1))
        if not self._bar.isNull():
            painter.fillRect(self._bar, S.SELECTION)


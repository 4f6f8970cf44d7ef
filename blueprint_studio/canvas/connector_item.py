"""An arrow between two cards: an orthogonal route with softly rounded corners, a head
that reads from the back row, and an optional label. Selectable and deletable; it draws
the route the scene gives it (`routing`) and never changes the model."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from . import style as S
from .style import CanvasStyle

_Flag = QGraphicsItem.GraphicsItemFlag


def _cosmetic(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.RoundJoin)
    pen.setCosmetic(True)
    return pen


_CONNECTOR_PEN = _cosmetic(S.CONNECTOR_INK, 2.0)
_SELECTED_PEN = _cosmetic(S.SELECTION, 3.5)
_LABEL_FILL = QBrush(QColor(255, 255, 255, 235))
_LABEL_PEN = QPen(S.CONNECTOR_INK, 1)
_CONNECTOR_BRUSH = QBrush(S.CONNECTOR_INK)
_SELECTED_BRUSH = QBrush(S.SELECTION)


def rounded_path(points: list[tuple[float, float]], radius: float = 8.0) -> QPainterPath:
    """A polyline with softly rounded corners: easier to follow across a projected map."""
    path = QPainterPath(QPointF(*points[0]))
    for i in range(1, len(points) - 1):
        (x0, y0), (x1, y1), (x2, y2) = points[i - 1], points[i], points[i + 1]
        d_in = math.hypot(x1 - x0, y1 - y0)
        d_out = math.hypot(x2 - x1, y2 - y1)
        r = min(radius, d_in / 2, d_out / 2)
        if r < 0.5:
            path.lineTo(x1, y1)
            continue
        a = QPointF(x1 - (x1 - x0) / d_in * r, y1 - (y1 - y0) / d_in * r)
        b = QPointF(x1 + (x2 - x1) / d_out * r, y1 + (y2 - y1) / d_out * r)
        path.lineTo(a)
        path.quadTo(QPointF(x1, y1), b)
    path.lineTo(QPointF(*points[-1]))
    return path


ARROW_HEAD_LENGTH = 14.0  # scene units: still ~8 px on a projector at fit-to-window zoom


def arrow_head(tip: tuple[float, float], before: tuple[float, float],
               size: float = ARROW_HEAD_LENGTH) -> QPolygonF:
    dx, dy = tip[0] - before[0], tip[1] - before[1]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    base = QPointF(tip[0] - ux * size, tip[1] - uy * size)
    normal = QPointF(-uy * size * 0.5, ux * size * 0.5)
    return QPolygonF([QPointF(*tip), base + normal, base - normal])


class ConnectorItem(QGraphicsItem):
    """An arrow between two cards with an optional label, selectable and deletable."""

    def __init__(self, connector_id: str, style: CanvasStyle) -> None:
        super().__init__()
        self.connector_id = connector_id
        self._style = style
        self.label = ""
        self.source_id = ""
        self.target_id = ""
        self._path = QPainterPath()
        self._arrow = QPolygonF()
        self._bounds = QRectF()
        self._drawn = QRectF()  # what is painted, before the margin for the hit band
        self._label_rect = QRectF()
        self._shape: QPainterPath | None = None
        self._shape_width = 0.0
        self._label_static = None
        self._segments: list[QRectF] = []
        self._label_pos = QPointF()
        self.points: list[tuple[float, float]] = []
        self.setFlag(_Flag.ItemIsSelectable, True)
        self.setZValue(S.Z_CONNECTOR)

    def set_connector(self, source_id: str, target_id: str, label: str) -> None:
        self.source_id, self.target_id = source_id, target_id
        if label != self.label:
            self.label = label
            self._rebuild()

    def set_points(self, points: list[tuple[float, float]]) -> None:
        if points == self.points:
            return
        self.points = points
        self._rebuild()

    def _rebuild(self) -> None:
        self.prepareGeometryChange()
        self._shape = None
        if len(self.points) < 2:
            self._path, self._arrow, self._bounds, self._drawn = QPainterPath(), QPolygonF(), QRectF(), QRectF()
            return
        self._path = rounded_path(self.points)
        self._segments = [QRectF(min(x0, x1) - 1, min(y0, y1) - 1, abs(x1 - x0) + 2, abs(y1 - y0) + 2)
                          for (x0, y0), (x1, y1) in zip(self.points, self.points[1:])]
        # Between two stacked cards the whole arrow is one short gap: a full-size head would
        # reach back under the source card and show as a clipped stub.
        route_length = sum(math.dist(a, b) for a, b in zip(self.points, self.points[1:]))
        self._arrow = arrow_head(self.points[-1], self.points[-2], min(ARROW_HEAD_LENGTH, route_length))
        bounds = self._path.boundingRect().united(self._arrow.boundingRect())
        self._label_rect = QRectF()
        self._label_static = None
        if self.label:
            # The label sits on the longest segment, where it is least likely to meet a card.
            best = max(range(len(self.points) - 1), key=lambda i: math.dist(self.points[i], self.points[i + 1]))
            (x0, y0), (x1, y1) = self.points[best], self.points[best + 1]
            text = self._style.label_text.elided(self.label, 180)
            width = self._style.label_text.width_of(text) + 10
            height = self._style.label_text.line_height + 4
            self._label_rect = QRectF((x0 + x1) / 2 - width / 2, (y0 + y1) / 2 - height / 2, width, height)
            self._label_pos = self._label_rect.topLeft() + QPointF(5, 2)
            self._label_static = self._style.static(text)
            bounds = bounds.united(self._label_rect)
        self._drawn = bounds
        self._bounds = self._with_margin()

    def _with_margin(self) -> QRectF:
        margin = self._style.arrow_bounds  # the hit band's half at any zoom of this bucket
        return self._drawn.adjusted(-margin, -margin, margin, margin)

    def zoom_changed(self) -> None:
        """The zoom halved or doubled: the bounding rectangle follows the hit band."""
        self.prepareGeometryChange()
        self._bounds = self._with_margin() if not self._drawn.isNull() else QRectF()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def shape(self) -> QPainterPath:
        width = self._style.arrow_hit_width  # 10 units at 100 %: 5 px either side at any zoom
        if self._shape is None or self._shape_width != width:
            self._shape_width = width
            stroker = QPainterPathStroker()
            stroker.setWidth(width)
            shape = stroker.createStroke(self._path)
            shape.addPolygon(self._arrow)
            if not self._label_rect.isNull():
                shape.addRect(self._label_rect)
            self._shape = shape
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        selected = self.isSelected()
        brush = _SELECTED_BRUSH if selected else _CONNECTOR_BRUSH
        # Orthogonal routes need no antialiasing, and are much cheaper to fill without it.
        painter.setRenderHint(S.ANTIALIASING, False)
        if not selected and painter.worldTransform().m11() >= 0.75:
            # The segments are thin rectangles, the cheapest thing Qt can fill.
            painter.setPen(S.NO_PEN)
            painter.setBrush(brush)
            painter.drawRects(self._segments)
        else:
            # Zoomed out (or selected): a cosmetic pen keeps 2 px (3.5 px) on screen at any zoom.
            painter.setPen(_SELECTED_PEN if selected else _CONNECTOR_PEN)
            painter.setBrush(S.NO_BRUSH)
            painter.drawPath(self._path)
            painter.setPen(S.NO_PEN)
            painter.setBrush(brush)
        painter.setRenderHint(S.ANTIALIASING, True)  # a smooth arrowhead
        painter.drawPolygon(self._arrow)
        if self._label_static is not None:
            painter.setBrush(_LABEL_FILL)
            painter.setPen(_SELECTED_PEN if selected else _LABEL_PEN)
            painter.drawRect(self._label_rect)
            painter.setFont(self._style.label_font)
            painter.setPen(S.INK)
            painter.drawStaticText(self._label_pos, self._label_static)

    def head(self) -> QPolygonF:
        """The arrowhead at the target card (scene coordinates)."""
        return QPolygonF(self._arrow)

    def label_anchor(self) -> QRectF:
        if not self._label_rect.isNull():
            return self._label_rect
        if len(self.points) >= 2:
            (x0, y0), (x1, y1) = self.points[len(self.points) // 2 - 1], self.points[len(self.points) // 2]
            return QRectF((x0 + x1) / 2 - 60, (y0 + y1) / 2 - 12, 120, 24)
        return QRectF()


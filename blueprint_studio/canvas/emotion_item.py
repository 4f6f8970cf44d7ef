"""The emotion row's curve through the customer cards' scores, its dips marked in red
(which points are dips is `analysis.emotion`'s rule; the scene passes the points in)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from .. import appearance
from ..i18n import tr
from . import style as S
from .style import CanvasStyle

_Flag = QGraphicsItem.GraphicsItemFlag


class EmotionItem(QGraphicsItem):
    """The emotion curve through the customer cards' scores, dips marked in red."""

    def __init__(self, style: CanvasStyle) -> None:
        super().__init__()
        self._style = style
        self.setZValue(S.Z_EMOTION)
        self.setFlag(_Flag.ItemUsesExtendedStyleOption, True)
        # A long, antialiased curve: drawn once per zoom level, then blitted while scrolling.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._rect = QRectF()
        self._points: list[tuple[float, float, int, bool]] = []  # (x, y, emotion, is dip)
        self._card_ids: list[str] = []
        self._pieces: list[tuple[float, float, QPainterPath]] = []
        # Per point, what paint() needs, built once per curve: (x, marker, colour, dip label).
        self._marks: list[tuple[float, QPointF, QBrush, tuple | None]] = []

    def set_curve(self, rect: QRectF, points: list[tuple[float, int, bool]],
                  card_ids: list[str] | None = None) -> None:
        self.prepareGeometryChange()
        self._rect = rect
        self._points = [(x, self.value_to_y(emotion), emotion, dip) for x, emotion, dip in points]
        self._card_ids = list(card_ids or [])
        # Pieces of a few points each, so painting one part of a long curve stays cheap.
        self._pieces: list[tuple[float, float, QPainterPath]] = []
        chunk = 8
        for start in range(0, max(len(self._points) - 1, 0), chunk):
            run = self._points[start:start + chunk + 1]
            path = QPainterPath(QPointF(run[0][0], run[0][1]))
            for (x0, y0, _, _), (x1, y1, _, _) in zip(run, run[1:]):
                mid = (x0 + x1) / 2
                path.cubicTo(QPointF(mid, y0), QPointF(mid, y1), QPointF(x1, y1))
            self._pieces.append((run[0][0], run[-1][0], path))
        self._marks = []
        for x, y, emotion, dip in self._points:
            colour = QColor(appearance.EMOTION_COLOUR[emotion])
            label = None
            if dip:
                static = self._style.static(_dip_text(emotion))
                label = (QPen(colour, 2), QPen(colour), static,
                         self._dip_label_rect(x, y, static.text()).topLeft())
            self._marks.append((x, QPointF(x, y), QBrush(colour), label))
        self.update()

    def card_at(self, pos: QPointF, reach: float = 14.0) -> str | None:
        """The card whose point on the curve is under pos (clicking a point selects its card)."""
        best, best_distance = None, reach
        for card_id, (x, y, _, _) in zip(self._card_ids, self._points):
            distance = math.hypot(pos.x() - x, pos.y() - y)
            if distance <= best_distance:
                best, best_distance = card_id, distance
        return best

    def dip_count(self) -> int:
        return sum(1 for p in self._points if p[3])

    def point_count(self) -> int:
        return len(self._points)

    def value_to_y(self, emotion: float) -> float:
        return self._rect.top() + 18 + (2 - emotion) / 4 * (self._rect.height() - 36)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        if self._rect.isNull():
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        exposed = option.exposedRect
        zero = self.value_to_y(0)
        painter.setPen(_ZERO_PEN)
        painter.drawLine(QPointF(max(self._rect.left(), exposed.left()), zero),
                         QPointF(min(self._rect.right(), exposed.right()), zero))
        if not self._points:
            painter.setFont(self._style.label_font)
            painter.setPen(S.MUTED_INK)
            painter.drawText(self._rect.adjusted(12, 0, -12, -8),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                             tr("Give customer cards an emotion score (−2 … +2) to draw the curve"))
            return
        painter.setPen(_CURVE_PEN)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for first_x, last_x, path in self._pieces:
            if last_x >= exposed.left() - 10 and first_x <= exposed.right() + 10:
                painter.drawPath(path)
        painter.setFont(self._style.badge_font)
        left, right = exposed.left() - 60, exposed.right() + 60
        for x, centre, brush, dip_label in self._marks:
            if not left <= x <= right:
                continue
            radius = 6.0 if dip_label is None else 9.0
            painter.setPen(_WHITE_RING)
            painter.setBrush(brush)
            painter.drawEllipse(centre, radius, radius)
            if dip_label is not None:
                ring, ink, static, top_left = dip_label
                painter.setPen(ring)
                painter.setBrush(S.NO_BRUSH)
                painter.drawEllipse(centre, radius + 5, radius + 5)
                painter.setPen(ink)
                painter.drawStaticText(top_left, static)

    def _dip_label_rect(self, x: float, y: float, text: str) -> QRectF:
        """Below the dip's marker, or above it when a deep dip leaves no room below (the
        label was cut off by the lane underneath)."""
        metrics = self._style.badge_text.metrics
        width, height = metrics.horizontalAdvance(text), metrics.height()
        reach = 9.0 + 6
        top = y + reach
        if top + height > self._rect.bottom() - 1:
            top = y - reach - height
        return QRectF(x - width / 2, top, width, height)

    def dip_label_rects(self) -> list[QRectF]:
        """Where the dips' score labels are drawn (scene coordinates)."""
        rects = []
        for x, y, emotion, dip in self._points:
            if dip:
                rects.append(self._dip_label_rect(x, y, _dip_text(emotion)))
        return rects


def _dip_text(emotion: int) -> str:
    return "▼ " + appearance.EMOTION_FACES[emotion]


_ZERO_PEN = QPen(QColor("#9aa5b1"), 1, Qt.PenStyle.DashLine)
_CURVE_PEN = QPen(QColor("#34495e"), 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
_WHITE_RING = QPen(QColor("white"), 2)

"""Graphics items that draw the model. They hold a read-only snapshot of what they show and
never change the model: gestures live in `interactions`, edits go through the undo stack."""

from __future__ import annotations

import html
import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush, QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsTextItem, QStyle, QStyleOptionGraphicsItem

from .. import appearance
from ..i18n import tr
from ..i18n.labels import card_kind_name
from ..model.entities import Card
from ..model.enums import CardKind
from . import style as S
from .layout import MapLayout, Rect
from .style import CanvasStyle

_Flag = QGraphicsItem.GraphicsItemFlag


# -- cards ---------------------------------------------------------------------------

class CardItem(QGraphicsItem):
    """A sticky note: kind colour and symbol, wrapped text, badges, a handle to connect."""

    def __init__(self, card_id: str, style: CanvasStyle) -> None:
        super().__init__()
        self.card_id = card_id
        self._style = style
        self._w = 196.0
        self._h = S.CARD_MIN_HEIGHT
        self._hover = False
        self._on_handle: bool | None = None  # pointer over the connect handle (None: not yet known)
        self.setFlag(_Flag.ItemIsSelectable, True)
        self.setAcceptHoverEvents(True)
        self.setZValue(S.Z_CARD)
        self.text = ""
        self.kind = CardKind.ACTION
        self.owner = ""
        self._fill = QColor(appearance.CARD_FILL[self.kind])
        self._accent = QColor(appearance.CARD_ACCENT[self.kind])
        self._badges: list[tuple[str, QColor, bool]] = []
        self._border_pen = QPen(self._accent.darker(115), 1.0)
        self._ops: list = []
        self._prepared_for: tuple[float, float] | None = None
        self._text_hidden = False  # while the in-place editor sits over the text

    # -- data from the model ---------------------------------------------------------
    def set_card(self, card: Card) -> None:
        self.text = card.text
        self.kind = card.kind
        self.owner = card.owner
        self._fill = QColor(card.colour or appearance.CARD_FILL[card.kind])
        self._accent = QColor(appearance.CARD_ACCENT[card.kind])
        badges: list[tuple[str, QColor, bool]] = []  # (text, colour, in a circle)
        if card.moment_of_truth:
            badges.append((appearance.MOT_BADGE, QColor("#b7791f"), False))
        if card.fail_point:
            badges.append((appearance.FAIL_BADGE, QColor("#c0392b"), True))
        if card.wait_minutes is not None:
            badges.append((f"{appearance.WAIT_BADGE} {appearance.format_minutes(card.wait_minutes)}",
                           QColor("#8e5a00"), False))
        if card.emotion is not None:
            badges.append((appearance.EMOTION_FACES[card.emotion],
                           QColor(appearance.EMOTION_COLOUR[card.emotion]), False))
        self._badges = badges
        self._border_pen = QPen(self._accent.darker(115), 1.0)
        self._prepared_for = None
        # Escaped: notes like "<b>x</b>" or "<img src=…>" must show as typed, not as markup.
        self.setToolTip("<p style='white-space:pre-wrap'>" + html.escape(card.notes[:500]) + "</p>"
                        if card.notes else "")
        self.update()

    def set_rect(self, rect: Rect) -> bool:
        """Move and size the card; True when anything changed (its arrows need a new route)."""
        changed = False
        if (rect.w, rect.h) != (self._w, self._h):
            self.prepareGeometryChange()
            self._w, self._h = rect.w, rect.h
            changed = True
        if (self.x(), self.y()) != (rect.x, rect.y):
            self.setPos(rect.x, rect.y)
            changed = True
        return changed

    def rect(self) -> Rect:
        return Rect(self.x(), self.y(), self._w, self._h)

    def set_text_hidden(self, hidden: bool) -> None:
        """Hide the card's own text while it is edited in place: an editor shorter than the
        old text (typing over a long card) left the old lines showing beneath it."""
        if hidden != self._text_hidden:
            self._text_hidden = hidden
            self._prepared_for = None
            self.update()

    def text_hidden(self) -> bool:
        return self._text_hidden

    def text_rect(self) -> QRectF:
        """Where the text sits, in item coordinates (the in-place editor goes there)."""
        top = S.CARD_PAD_TOP + S.CARD_STRIP
        return QRectF(S.CARD_PAD_X, top, self._w - 2 * S.CARD_PAD_X, self._h - top - S.CARD_PAD_BOTTOM)

    # -- the connect handle -------------------------------------------------------------
    def handle_center(self) -> QPointF:
        return QPointF(self._w, self._h / 2)

    def is_on_handle(self, scene_pos: QPointF) -> bool:
        local = self.mapFromScene(scene_pos)
        centre = self.handle_center()
        return math.hypot(local.x() - centre.x(), local.y() - centre.y()) <= S.HANDLE_RADIUS + 4

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self._hover = False
        self.update()

    def hoverMoveEvent(self, event) -> None:  # noqa: N802
        # Called for every pointer move over a card: touch the cursor only when it changes.
        on_handle = self.is_on_handle(event.scenePos())
        if on_handle != self._on_handle:
            self._on_handle = on_handle
            self.setCursor(Qt.CursorShape.CrossCursor if on_handle else Qt.CursorShape.ArrowCursor)

    # -- painting ---------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:  # noqa: N802
        margin = 2.0
        return QRectF(-margin, -margin, self._w + S.HANDLE_RADIUS + 2 * margin, self._h + 2 * margin)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(QRectF(0, 0, self._w + S.HANDLE_RADIUS, self._h))
        return path

    def _prepare(self) -> list:
        """Everything to draw except the body, laid out once per size and content.

        Painting then costs a few fills and static-text blits, which keeps a 2,000-card map
        and a drag across it smooth.
        """
        style = self._style
        w, h = self._w, self._h
        ops: list = []  # ("text", font, colour, point, static) | ("circle", rect, colour)
        strip_y = S.CARD_PAD_TOP
        right = w - S.CARD_PAD_X
        badge_dy = strip_y + (20 - style.badge_text.line_height) / 2
        for text, colour, circled in reversed(self._badges):
            advance = style.badge_text.width_of(text)
            if circled:
                d = 18.0
                right -= d
                ops.append(("circle", QRectF(right, strip_y + 1, d, d), colour))
                ops.append(("text", style.badge_font, QColor("white"),
                            QPointF(right + (d - advance) / 2, badge_dy + 1), style.static(text)))
            else:
                right -= advance
                ops.append(("text", style.badge_font, colour, QPointF(right, badge_dy), style.static(text)))
            right -= 5
        ops.append(("text", style.badge_font, self._accent, QPointF(S.CARD_PAD_X, badge_dy),
                    style.static(appearance.CARD_SYMBOL[self.kind])))
        name_room = right - (S.CARD_PAD_X + 20)
        if name_room > 30:
            name = style.small_text.elided(card_kind_name(self.kind), name_room)
            ops.append(("text", style.small_font, S.MUTED_INK,
                        QPointF(S.CARD_PAD_X + 20, strip_y + (20 - style.small_text.line_height) / 2),
                        style.static(name)))
        wrapped = style.card_text.wrap(self.text, w - 2 * S.CARD_PAD_X, S.CARD_MAX_LINES)
        y = S.CARD_PAD_TOP + S.CARD_STRIP
        for line in ([] if self._text_hidden else wrapped.lines):
            ops.append(("text", style.card_font, S.INK, QPointF(S.CARD_PAD_X, y), line))
            y += wrapped.line_height
        if self.owner:
            owner = style.small_text.elided("— " + self.owner, w - 2 * S.CARD_PAD_X)
            owner_y = h - S.CARD_PAD_BOTTOM - S.CARD_OWNER + (S.CARD_OWNER - style.small_text.line_height) / 2 + 2
            ops.append(("text", style.small_font, S.MUTED_INK, QPointF(S.CARD_PAD_X, owner_y),
                        style.static(owner)))
        return ops

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        # Hot path (thousands of cards): prepared operations, module-level Qt constants (enum
        # look-ups cost), and antialiasing only where round shapes need it. The scene restores
        # the painter's state after each item.
        w, h = self._w, self._h
        key = (w, h)
        if self._prepared_for != key:
            self._ops = self._prepare()
            self._prepared_for = key
        selected = self.isSelected()
        # Square like a paper sticky note, without antialiasing: an antialiased rounded body
        # costs more than all the card's text together. (Cards sit on whole pixels.)
        painter.setRenderHint(_ANTIALIASING, False)
        painter.setPen(_NO_PEN)
        painter.setBrush(self._fill)
        painter.drawRect(QRectF(0, 0, w, h))
        painter.fillRect(QRectF(0, 0, 5, h), self._accent)
        painter.setBrush(_NO_BRUSH)
        if selected:
            painter.setPen(_CARD_SELECTED_PEN)
            painter.drawRect(QRectF(1, 1, w - 3, h - 3))
        else:
            painter.setPen(self._border_pen)
            painter.drawRect(QRectF(0, 0, w - 1, h - 1))
        font = None
        for op in self._ops:
            if op[0] == "text":
                if op[1] is not font:
                    font = op[1]
                    painter.setFont(font)
                painter.setPen(op[2])
                painter.drawStaticText(op[3], op[4])
            else:
                painter.setRenderHint(_ANTIALIASING, True)
                painter.setPen(_NO_PEN)
                painter.setBrush(op[2])
                painter.drawEllipse(op[1])
        if self._hover or selected:
            painter.setRenderHint(_ANTIALIASING, True)
            centre = self.handle_center()
            painter.setPen(_HANDLE_PEN)
            painter.setBrush(_WHITE_BRUSH)
            painter.drawEllipse(centre, S.HANDLE_RADIUS, S.HANDLE_RADIUS)
            painter.drawLine(QPointF(centre.x() - 3.5, centre.y()), QPointF(centre.x() + 3.5, centre.y()))
            painter.drawLine(QPointF(centre.x(), centre.y() - 3.5), QPointF(centre.x(), centre.y() + 3.5))


# -- connectors ------------------------------------------------------------------------

_DEFAULT_TINT = QBrush(QColor("#fafafa"))
# Qt enum members looked up once: attribute access on PySide6 enums is slow in paint loops.
_ANTIALIASING = QPainter.RenderHint.Antialiasing
_NO_PEN = Qt.PenStyle.NoPen
_CARD_SELECTED_PEN = QPen(S.SELECTION, 3.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.SquareCap,
                          Qt.PenJoinStyle.MiterJoin)
_HANDLE_PEN = QPen(S.SELECTION, 2)
_WHITE_BRUSH = QBrush(QColor("white"))


def _cosmetic(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.RoundJoin)
    pen.setCosmetic(True)
    return pen


_CONNECTOR_PEN = _cosmetic(S.CONNECTOR_INK, 2.0)
_SELECTED_PEN = _cosmetic(S.SELECTION, 3.5)
_LABEL_FILL = QBrush(QColor(255, 255, 255, 235))
_LABEL_PEN = QPen(S.CONNECTOR_INK, 1)
_NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)
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
        self._label_rect = QRectF()
        self._shape: QPainterPath | None = None
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
            self._path, self._arrow, self._bounds = QPainterPath(), QPolygonF(), QRectF()
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
        self._bounds = bounds.adjusted(-4, -4, 4, 4)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(10)
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
        painter.setRenderHint(_ANTIALIASING, False)
        if not selected and painter.worldTransform().m11() >= 0.75:
            # The segments are thin rectangles, the cheapest thing Qt can fill.
            painter.setPen(_NO_PEN)
            painter.setBrush(brush)
            painter.drawRects(self._segments)
        else:
            # Zoomed out (or selected): a cosmetic pen keeps 2 px (3.5 px) on screen at any zoom.
            painter.setPen(_SELECTED_PEN if selected else _CONNECTOR_PEN)
            painter.setBrush(_NO_BRUSH)
            painter.drawPath(self._path)
            painter.setPen(_NO_PEN)
            painter.setBrush(brush)
        painter.setRenderHint(_ANTIALIASING, True)  # a smooth arrowhead
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


# -- the grid, the lines, the emotion curve -----------------------------------------------

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
                painter.setBrush(_NO_BRUSH)
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


class InlineEditor(QGraphicsTextItem):
    """Edits text in place. Enter commits, Shift+Enter adds a line, Escape cancels;
    clicking elsewhere commits (like a spreadsheet cell)."""

    def __init__(self, text: str, font, width: float, on_done, multiline: bool = True) -> None:
        super().__init__()
        self._on_done = on_done
        self._multiline = multiline
        self._done = False
        self.setFont(font)
        self.setDefaultTextColor(S.INK)
        self.setPlainText(text)
        self.setTextWidth(max(width, 40.0))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setZValue(S.Z_EDITOR)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.finish(False)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._multiline and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.textCursor().insertText("\n")
                return
            self.finish(True)
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # the context menu keeps editing
            self.finish(True)

    def finish(self, commit: bool) -> None:
        if self._done:
            return
        self._done = True
        self._on_done(commit, self.toPlainText())

    @property
    def done(self) -> bool:
        return self._done

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        rect = self.boundingRect()
        painter.setPen(QPen(S.SELECTION, 2))
        painter.setBrush(QBrush(QColor("white")))
        painter.drawRoundedRect(rect.adjusted(-3, -3, 3, 3), 4, 4)
        # Without Qt's dashed focus frame: the blue box already says "editing here".
        plain = QStyleOptionGraphicsItem(option)
        plain.state &= ~(QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus)
        super().paint(painter, plain, widget)

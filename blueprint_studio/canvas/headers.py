"""Stage and lane headers, kept in view by the scene while the view scrolls, with the
labels of the blueprint lines and the emotion row, and the "+ Stage" / "+ Lane" buttons."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from .. import appearance
from ..i18n import tr
from ..i18n.labels import line_name
from ..model.enums import LaneKind, LineKind
from . import style as S
from .layout import MapLayout
from .style import CanvasStyle

_Flag = QGraphicsItem.GraphicsItemFlag


class StageHeaderItem(QGraphicsItem):
    """The header of one stage column: name (and phase); drag to reorder, edge to resize."""

    RESIZE_MARGIN = 7.0

    def __init__(self, stage_id: str, style: CanvasStyle, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.stage_id = stage_id
        self._style = style
        self._w = 100.0
        self._h = 60.0
        self.name = ""
        self.phase = ""
        self.number = 1
        self.name_hidden = False  # while the name is edited in place
        self._on_edge: bool | None = None  # pointer over the resize edge (None: not yet known)
        self.setFlag(_Flag.ItemIsSelectable, True)
        self.setAcceptHoverEvents(True)

    def set_name_hidden(self, hidden: bool) -> None:
        """Hide the name under the in-place editor (a two-line name showed through it)."""
        self.name_hidden = hidden
        self.update()

    def name_origin(self) -> QPointF:
        """Where a one-line name starts, in item coordinates (the in-place editor goes there)."""
        top = 20.0 if self.phase else 0.0
        return QPointF(10, top + max(2.0, (self._h - top - self._style.stage_text.line_height) / 2))

    def set_stage(self, name: str, phase: str, number: int) -> None:
        self.name, self.phase, self.number = name, phase, number
        self.update()

    def set_geometry(self, x: float, width: float, height: float) -> None:
        if (width, height) != (self._w, self._h):
            self.prepareGeometryChange()
            self._w, self._h = width, height
        self.setPos(x, 0)

    def width(self) -> float:
        return self._w

    def is_on_resize_edge(self, scene_pos: QPointF) -> bool:
        return self._w - self.mapFromScene(scene_pos).x() <= self.RESIZE_MARGIN

    def hoverMoveEvent(self, event) -> None:  # noqa: N802
        # Called for every pointer move over the header: touch the cursor only when it changes.
        edge = self.is_on_resize_edge(event.scenePos())
        if edge != self._on_edge:
            self._on_edge = edge
            self.setCursor(Qt.CursorShape.SizeHorCursor if edge else Qt.CursorShape.OpenHandCursor)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(0, 0, self._w, self._h)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        rect = QRectF(0, 0, self._w, self._h)
        painter.fillRect(rect, S.HEADER_SELECTED_FILL if self.isSelected() else S.HEADER_FILL)
        painter.setPen(QPen(S.HEADER_BORDER, 1))
        painter.drawLine(QPointF(self._w - 0.5, 0), QPointF(self._w - 0.5, self._h))
        painter.drawLine(QPointF(0, self._h - 0.5), QPointF(self._w, self._h - 0.5))
        inner = self._w - 20
        style = self._style
        number = f"{self.number}  "
        if self.phase:
            painter.setFont(style.small_font)
            painter.setPen(S.MUTED_INK)
            painter.drawText(QRectF(10, 4, inner, 18), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             style.small_text.elided(self.phase, inner))
        if self.name_hidden:
            return
        painter.setFont(style.stage_font)
        name = self.name or tr("Stage {number}").format(number=self.number)
        painter.setPen(S.INK if self.name else S.MUTED_INK)
        lines = style.stage_text.wrap(number + name, inner, 2)
        top = 20.0 if self.phase else 0.0
        y = top + max(2.0, (self._h - top - lines.height) / 2)
        for line in lines.lines:
            painter.drawStaticText(QPointF(10, y), line)
            y += lines.line_height
        if self.isSelected():
            painter.fillRect(QRectF(0, self._h - 4, self._w, 4), S.SELECTION)


class LaneHeaderItem(QGraphicsItem):
    """The header of one lane row: its name with the lane's colour; drag to reorder."""

    def __init__(self, lane_id: str, style: CanvasStyle, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.lane_id = lane_id
        self._style = style
        self._w = 184.0
        self._h = 90.0
        self.name = ""
        self.colour = QColor("#999999")
        self.tint = QColor("#fafafa")
        self.name_hidden = False  # while the name is edited in place
        self.setFlag(_Flag.ItemIsSelectable, True)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def set_name_hidden(self, hidden: bool) -> None:
        """Hide the name under the in-place editor (a wrapped name showed through it)."""
        self.name_hidden = hidden
        self.update()

    def name_origin(self) -> QPointF:
        """Where the (wrapped) name starts, in item coordinates: the in-place editor goes
        there, so its text covers the name's own place."""
        wrapped = self._style.lane_text.wrap(self.name, self._w - 28, 4)
        return QPointF(16, max(8.0, (self._h - wrapped.height) / 2))

    def set_lane(self, name: str, colour: QColor, tint: QColor) -> None:
        self.name, self.colour, self.tint = name, colour, tint
        self.update()

    def set_geometry(self, y: float, width: float, height: float) -> None:
        if (width, height) != (self._w, self._h):
            self.prepareGeometryChange()
            self._w, self._h = width, height
        self.setPos(0, y)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(0, 0, self._w, self._h)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        rect = QRectF(0, 0, self._w, self._h)
        fill = S.HEADER_SELECTED_FILL if self.isSelected() else self.tint.darker(104)
        painter.fillRect(rect, fill)
        painter.fillRect(QRectF(0, 0, 7, self._h), self.colour)
        painter.setPen(QPen(S.HEADER_BORDER, 1))
        painter.drawLine(QPointF(self._w - 0.5, 0), QPointF(self._w - 0.5, self._h))
        painter.drawLine(QPointF(0, self._h - 0.5), QPointF(self._w, self._h - 0.5))
        if self.isSelected():
            painter.fillRect(QRectF(self._w - 4, 0, 4, self._h), S.SELECTION)
        if self.name_hidden:
            return
        painter.setFont(self._style.lane_font)
        painter.setPen(S.INK)
        wrapped = self._style.lane_text.wrap(self.name, self._w - 28, 4)
        y = max(8.0, (self._h - wrapped.height) / 2)
        for line in wrapped.lines:
            painter.drawStaticText(QPointF(16, y), line)
            y += wrapped.line_height


ADD_ZONE_WIDTH = 132.0   # the "+ Stage" button at the end of the header row
ADD_ZONE_HEIGHT = 44.0   # the "+ Lane" button below the last lane


def _paint_add_button(painter: QPainter, rect: QRectF, text: str, style: CanvasStyle) -> None:
    box = rect.adjusted(8, 8, -8, -8)
    pen = QPen(S.MUTED_INK, 1.2, Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(QColor(255, 255, 255, 150))
    painter.drawRoundedRect(box, 6, 6)
    painter.setFont(style.lane_font)
    painter.setPen(S.MUTED_INK)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, style.lane_text.elided(text, box.width() - 8))


class StageHeaderRow(QGraphicsItem):
    """Holds the stage headers; the scene moves it down so the row sticks to the view's top.
    Ends with a "+ Stage" button."""

    def __init__(self, style: CanvasStyle) -> None:
        super().__init__()
        self._style = style
        self.setZValue(S.Z_STAGE_HEADERS)
        self._rect = QRectF()
        self.add_zone = QRectF()
        self.show_add = True  # presentation mode draws no "+ Stage"

    def set_extent(self, width: float, height: float) -> None:
        self.prepareGeometryChange()
        self._rect = QRectF(0, 0, width + ADD_ZONE_WIDTH, height)
        self.add_zone = QRectF(width, 0, ADD_ZONE_WIDTH, height)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        if self.show_add:
            painter.fillRect(self._rect, S.HEADER_FILL)
            _paint_add_button(painter, self.add_zone, "+ " + tr("Stage"), self._style)
        else:
            painter.fillRect(self._rect.adjusted(0, 0, -self.add_zone.width(), 0), S.HEADER_FILL)


class LaneHeaderColumn(QGraphicsItem):
    """Holds the lane headers and labels the blueprint lines and the emotion row; sticks left."""

    def __init__(self, style: CanvasStyle) -> None:
        super().__init__()
        self._style = style
        self.setZValue(S.Z_LANE_HEADERS)
        self._rect = QRectF()
        self._lines: list[tuple[LineKind, float]] = []
        self._emotion: QRectF | None = None
        self.add_zone = QRectF()
        self.show_add = True  # presentation mode draws no "+ Lane"

    def set_extent(self, layout: MapLayout) -> None:
        self.prepareGeometryChange()
        self._rect = QRectF(0, 0, layout.grid_left, layout.height + ADD_ZONE_HEIGHT)
        self.add_zone = QRectF(0, layout.height, layout.grid_left, ADD_ZONE_HEIGHT)
        self._lines = list(layout.lines)
        row = layout.emotion_row
        self._emotion = QRectF(0, row.y, layout.grid_left, row.height) if row else None
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        style = self._style
        width = self._rect.width()
        if self.show_add:
            painter.fillRect(self._rect, S.HEADER_FILL)
            _paint_add_button(painter, self.add_zone, "+ " + tr("Lane"), style)
        else:
            painter.fillRect(self._rect.adjusted(0, 0, 0, -self.add_zone.height()), S.HEADER_FILL)
        if self._emotion is not None:
            rect = self._emotion
            painter.fillRect(rect, QColor("#fbeff0"))
            painter.fillRect(QRectF(0, rect.top(), 7, rect.height()), QColor("#e67e22"))
            painter.setPen(QPen(S.HEADER_BORDER, 1))
            painter.drawLine(QPointF(0, rect.bottom() - 0.5), QPointF(width, rect.bottom() - 0.5))
            painter.setFont(style.lane_font)
            painter.setPen(S.INK)
            painter.drawText(QRectF(16, rect.top(), width - 60, rect.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             style.lane_text.elided(tr("Emotion curve"), width - 60))
            painter.setFont(style.badge_font)
            for value in (2, 0, -2):
                y = rect.top() + 18 + (2 - value) / 4 * (rect.height() - 36)
                painter.setPen(QColor(appearance.EMOTION_COLOUR[value]))
                painter.drawText(QRectF(width - 44, y - 9, 38, 18),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 f"{value:+d}" if value else "0")
        painter.setFont(style.label_font)
        for kind, y in self._lines:
            colour = QColor(appearance.LINE_COLOUR[kind])
            pen = QPen(colour, 2.2)
            if appearance.LINE_DASH[kind]:
                pen.setDashPattern(list(appearance.LINE_DASH[kind]))
            painter.setPen(pen)
            painter.drawLine(QPointF(0, y), QPointF(width, y))
            text = style.label_text.elided(line_name(kind), width - 20)
            text_w = style.label_text.width_of(text) + 10
            box = QRectF(8, y - 10, text_w, 20)
            painter.setPen(QPen(colour, 1))
            painter.setBrush(QColor("white"))
            painter.drawRoundedRect(box, 4, 4)
            painter.setPen(colour.darker(130))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


class CornerItem(QGraphicsItem):
    """The top-left corner where the header row and column meet: shows the map's name."""

    def __init__(self, style: CanvasStyle) -> None:
        super().__init__()
        self._style = style
        self.setZValue(S.Z_CORNER)
        self._rect = QRectF()
        self.title = ""

    def set_extent(self, width: float, height: float, title: str) -> None:
        self.prepareGeometryChange()
        self._rect = QRectF(0, 0, width, height)
        self.title = title
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.fillRect(self._rect, QColor("#cfd7e1"))
        painter.setPen(QPen(S.HEADER_BORDER, 1))
        painter.drawLine(self._rect.topRight() + QPointF(-0.5, 0), self._rect.bottomRight() + QPointF(-0.5, 0))
        painter.drawLine(self._rect.bottomLeft() + QPointF(0, -0.5), self._rect.bottomRight() + QPointF(0, -0.5))
        painter.setFont(self._style.corner_font)
        painter.setPen(S.INK)
        wrapped = self._style.corner_text.wrap(self.title, self._rect.width() - 20, 2)
        y = (self._rect.height() - wrapped.height) / 2
        for line in wrapped.lines:
            painter.drawStaticText(QPointF(10, y), line)
            y += wrapped.line_height


def lane_colours(kind: LaneKind, colour: str) -> tuple[QColor, QColor]:
    """(stripe colour, row tint) for a lane."""
    tint = QColor(appearance.LANE_TINT[kind])
    stripe = QColor(colour) if colour else tint.darker(135)
    if colour:
        tint = QColor(colour).lighter(185) if QColor(colour).lightness() < 200 else QColor(colour)
    return stripe, tint

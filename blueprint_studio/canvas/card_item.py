"""A card on the canvas: a sticky note with its kind's colour and symbol, wrapped text,
badges, and a handle to connect it. It paints a read-only snapshot of its card and never
changes the model: gestures live in `diagram.gestures`, edits go through the undo stack."""

from __future__ import annotations

import html
import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from .. import appearance
from ..i18n.labels import card_kind_name
from ..model.entities import Card
from ..model.enums import CardKind
from . import style as S
from .layout import Rect
from .style import CanvasStyle

_Flag = QGraphicsItem.GraphicsItemFlag
# Qt values made once: attribute access on PySide6 enums is slow in paint loops.
_CARD_SELECTED_PEN = QPen(S.SELECTION, 3.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.SquareCap,
                          Qt.PenJoinStyle.MiterJoin)
_HANDLE_PEN = QPen(S.SELECTION, 2)
_HANDLE_PEN.setCosmetic(True)  # two screen pixels, like the handle's size, at any zoom
_WHITE_BRUSH = QBrush(QColor("white"))


class CardItem(QGraphicsItem):
    """A sticky note: kind colour and symbol, wrapped text, badges, a handle to connect."""

    def __init__(self, card_id: str, style: CanvasStyle) -> None:
        super().__init__()
        self.card_id = card_id
        self._style = style
        self._w = 196.0
        self._h = S.CARD_MIN_HEIGHT
        self._hover = False
        self._cross: bool | None = None  # the cross cursor is shown (None: not yet known)
        self.setFlag(_Flag.ItemIsSelectable, True)
        self.setAcceptHoverEvents(True)
        self.setZValue(S.Z_CARD)
        self.text = ""
        self.kind = CardKind.ACTION
        self.owner = ""
        self._fill = QColor(appearance.CARD_FILL[self.kind])
        self._accent = QColor(appearance.CARD_ACCENT[self.kind])
        self._badges: list[tuple[str, QColor, bool]] = []
        self._border_pen = QPen(self._accent.darker(115), self._style.card_border)
        self._ops: list = []
        self._prepared_for: tuple[float, float] | None = None
        self._text_hidden = False  # while the in-place editor sits over the text
        self._shape = QPainterPath()
        self._shape_for: tuple[float, float, float] | None = None

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
        self._border_pen = QPen(self._accent.darker(115), self._style.card_border)
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
    # Its size is set in screen pixels (style.handle_radius divides them by the view's zoom):
    # 18 px across at 25 % as at 400 %. A press within `handle_reach` of its centre starts an
    # arrow, so a handle missed by a few pixels never drags the card away instead.
    def handle_center(self) -> QPointF:
        return QPointF(self._w, self._h / 2)

    def body_rect(self) -> QRectF:
        """The card itself, without its handle (item coordinates)."""
        return QRectF(0, 0, self._w, self._h)

    def _handle_distance(self, scene_pos: QPointF) -> float:
        local = self.mapFromScene(scene_pos)
        centre = self.handle_center()
        return math.hypot(local.x() - centre.x(), local.y() - centre.y())

    def is_on_handle(self, scene_pos: QPointF) -> bool:
        """Whether a press here means the handle (the handle and a few pixels round it)."""
        return self._handle_distance(scene_pos) <= self._style.handle_reach

    def is_on_handle_itself(self, scene_pos: QPointF) -> bool:
        """Whether a point lies on the handle as drawn (no grace round it)."""
        return self._handle_distance(scene_pos) <= self._style.handle_radius

    def body_contains(self, scene_pos: QPointF) -> bool:
        return self.body_rect().contains(self.mapFromScene(scene_pos))

    def zoom_changed(self) -> None:
        """The zoom halved or doubled: the bounding rectangle follows the handle's reach."""
        self.prepareGeometryChange()

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._hover = True
        self.setZValue(S.Z_CARD_HOVERED)  # its handle shows (and is hit) above a neighbour's edge
        self.update()

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self._hover = False
        if self.zValue() == S.Z_CARD_HOVERED:
            self.setZValue(S.Z_CARD)
        self.update()

    def hoverMoveEvent(self, event) -> None:  # noqa: N802
        # Called for every pointer move over a card: touch the cursor only when it changes.
        cross = self._style.connecting or self.is_on_handle(event.scenePos())
        if cross != self._cross:
            self._cross = cross
            self.setCursor(Qt.CursorShape.CrossCursor if cross else Qt.CursorShape.ArrowCursor)

    # -- painting ---------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:  # noqa: N802
        margin = 2.0
        reach = self._style.handle_bounds  # the shape's reach at any zoom of this bucket
        top = min(-margin, self._h / 2 - reach - margin)
        bottom = max(self._h + margin, self._h / 2 + reach + margin)
        return QRectF(-margin, top, self._w + reach + 2 * margin, bottom - top)

    def shape(self) -> QPainterPath:
        # Asked for by every hit test and hover under the pointer: made once per size and zoom.
        key = (self._w, self._h, self._style.handle_reach)
        if self._shape_for != key:
            path = QPainterPath()
            path.addRect(self.body_rect())
            path.addEllipse(self.handle_center(), key[2], key[2])
            self._shape, self._shape_for = path.simplified(), key
        return self._shape

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
        painter.setRenderHint(S.ANTIALIASING, False)
        painter.setPen(S.NO_PEN)
        painter.setBrush(self._fill)
        painter.drawRect(QRectF(0, 0, w, h))
        painter.fillRect(QRectF(0, 0, 5, h), self._accent)
        painter.setBrush(S.NO_BRUSH)
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
                painter.setRenderHint(S.ANTIALIASING, True)
                painter.setPen(S.NO_PEN)
                painter.setBrush(op[2])
                painter.drawEllipse(op[1])
        if self._hover or selected:
            painter.setRenderHint(S.ANTIALIASING, True)
            centre = self.handle_center()
            radius = self._style.handle_radius
            arm = radius * 0.5
            painter.setPen(_HANDLE_PEN)
            painter.setBrush(_WHITE_BRUSH)
            painter.drawEllipse(centre, radius, radius)
            painter.drawLine(QPointF(centre.x() - arm, centre.y()), QPointF(centre.x() + arm, centre.y()))
            painter.drawLine(QPointF(centre.x(), centre.y() - arm), QPointF(centre.x(), centre.y() + arm))


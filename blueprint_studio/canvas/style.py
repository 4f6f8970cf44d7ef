"""Fonts, sizes and colours of the canvas, tuned for a 1280x720 projector at 100 % zoom.

Card text is 16 px (12 pt at 96 dpi) and headers are bold 17-18 px, which stays readable
from the back of a training room; colours come from `appearance` so screen and paper agree.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QStaticText

from .. import appearance
from .text import TextWrapper, canvas_font

CANVAS_BACKGROUND = QColor("#eef1f4")
HEADER_FILL = QColor("#dfe5ec")
HEADER_SELECTED_FILL = QColor("#c9dcf5")
HEADER_BORDER = QColor("#b5bfca")
SELECTION = QColor("#1565c0")
CONNECTOR_INK = QColor("#4a5867")
DROP_FILL = QColor(21, 101, 192, 38)
INK = QColor(appearance.INK)
MUTED_INK = QColor(appearance.MUTED_INK)
GRID = QColor(appearance.GRID)

# Card anatomy (scene units).
CARD_PAD_X = 10.0
CARD_PAD_TOP = 6.0
CARD_STRIP = 22.0       # the row with the kind symbol and the badges
CARD_PAD_BOTTOM = 9.0
CARD_OWNER = 19.0
CARD_MIN_HEIGHT = 64.0
CARD_MAX_LINES = 8
HANDLE_RADIUS = 7.0

# Qt values looked up once for the items' paint loops: attribute access on PySide6 enums
# is slow when thousands of items paint.
ANTIALIASING = QPainter.RenderHint.Antialiasing
NO_PEN = Qt.PenStyle.NoPen
NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)

# Z order: arrows stay under cards so they never hide text.
Z_GRID, Z_EMOTION, Z_DROP, Z_CONNECTOR, Z_CARD = 0.0, 3.0, 4.0, 5.0, 10.0
Z_DRAGGED, Z_STAGE_HEADERS, Z_LANE_HEADERS, Z_CORNER, Z_EDITOR = 30.0, 50.0, 60.0, 70.0, 200.0


# Pixel sizes of the canvas fonts at 100 %, and in presentation mode: larger type (and
# bolder card borders) for the back row of a room with a washed-out projector.
FONT_SIZES = {"card": 16, "small": 13, "badge": 13, "stage": 17, "lane": 16, "label": 13, "corner": 15}
PRESENTATION_FONT_SIZES = {"card": 19, "small": 15, "badge": 15, "stage": 24, "lane": 21, "label": 15,
                           "corner": 20}
CARD_BORDER = 1.0
PRESENTATION_CARD_BORDER = 2.0


class CanvasStyle:
    """The fonts and text wrappers one scene shares among its items (needs a QGuiApplication)."""

    def __init__(self) -> None:
        self.presenting = False
        self.card_border = CARD_BORDER
        self._make_fonts(FONT_SIZES)
        self._heights: dict[tuple[str, bool, float], float] = {}
        self._statics: dict[str, QStaticText] = {}

    def set_presenting(self, on: bool) -> None:
        """Presentation mode's larger type and bolder borders, or the editor's again. The
        scene lays itself out again afterwards (cards measure taller with larger type)."""
        if on == self.presenting:
            return
        self.presenting = on
        self.card_border = PRESENTATION_CARD_BORDER if on else CARD_BORDER
        self._make_fonts(PRESENTATION_FONT_SIZES if on else FONT_SIZES)
        self._heights.clear()
        self._statics.clear()

    def _make_fonts(self, sizes: dict[str, int]) -> None:
        self.card_font = canvas_font(sizes["card"])
        self.card_text = TextWrapper(self.card_font)
        self.small_font = canvas_font(sizes["small"])
        self.small_text = TextWrapper(self.small_font)
        self.badge_font = canvas_font(sizes["badge"], bold=True)
        self.badge_text = TextWrapper(self.badge_font)
        self.stage_font = canvas_font(sizes["stage"], bold=True)
        self.stage_text = TextWrapper(self.stage_font)
        self.lane_font = canvas_font(sizes["lane"], bold=True)
        self.lane_text = TextWrapper(self.lane_font)
        self.label_font = canvas_font(sizes["label"])
        self.label_text = TextWrapper(self.label_font)
        self.corner_font = canvas_font(sizes["corner"], bold=True)
        self.corner_text = TextWrapper(self.corner_font)

    def static(self, text: str) -> QStaticText:
        """A shared QStaticText for short labels (badges, kind names)."""
        static = self._statics.get(text)
        if static is None:
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            if len(self._statics) > 5000:
                self._statics.clear()
            self._statics[text] = static
        return static

    def card_height(self, text: str, has_owner: bool, width: float) -> float:
        key = (text, has_owner, round(width, 1))
        height = self._heights.get(key)
        if height is None:
            wrapped = self.card_text.wrap(text, width - 2 * CARD_PAD_X, CARD_MAX_LINES)
            text_height = max(wrapped.height, self.card_text.line_height)
            height = CARD_PAD_TOP + CARD_STRIP + text_height + CARD_PAD_BOTTOM
            if has_owner:
                height += CARD_OWNER
            height = max(CARD_MIN_HEIGHT, float(round(height)))
            if len(self._heights) > 20000:
                self._heights.clear()
            self._heights[key] = height
        return height

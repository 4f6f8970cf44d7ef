"""Fonts, sizes and colours of the canvas, tuned for a 1280x720 projector at 100 % zoom.

Card text is 16 px (12 pt at 96 dpi) and headers are bold 17-18 px, which stays readable
from the back of a training room; colours come from `appearance` so screen and paper agree.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QStaticText

from .. import appearance
from .layout import METRICS, Metrics
from .text import TextWrapper, canvas_font

CANVAS_BACKGROUND = QColor("#eef1f4")
HEADER_FILL = QColor("#dfe5ec")
HEADER_SELECTED_FILL = QColor("#c9dcf5")
HEADER_BORDER = QColor("#b5bfca")
SELECTION = QColor("#1565c0")
CONNECTOR_INK = QColor("#4a5867")
DROP_FILL = QColor(21, 101, 192, 38)
CONNECT_SOURCE = QColor("#e65100")  # the ring round a connection's source waiting for its target
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
# The connect handle keeps its size on screen at any zoom (its scene size is divided by the
# zoom): 9 px of radius, 18 px across. A press up to HANDLE_GRACE px outside it still
# starts an arrow, so a slightly missed handle never drags the card into another lane.
HANDLE_SCREEN_RADIUS = 9.0
HANDLE_GRACE = 5.0
ARROW_HIT_SCREEN = 5.0  # a pointer this many screen pixels from an arrow is on the arrow

# Qt values looked up once for the items' paint loops: attribute access on PySide6 enums
# is slow when thousands of items paint.
ANTIALIASING = QPainter.RenderHint.Antialiasing
NO_PEN = Qt.PenStyle.NoPen
NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)

# Z order: arrows stay under cards so they never hide text.
Z_GRID, Z_EMOTION, Z_DROP, Z_CONNECTOR, Z_CARD = 0.0, 3.0, 4.0, 5.0, 10.0
Z_CARD_HOVERED = 11.0  # the card under the pointer: its handle shows above its neighbours
Z_DRAGGED, Z_STAGE_HEADERS, Z_LANE_HEADERS, Z_CORNER, Z_EDITOR = 30.0, 50.0, 60.0, 70.0, 200.0


# Pixel sizes of the canvas fonts at 100 %, and in presentation mode: larger type (and
# bolder card borders) for the back row of a room with a washed-out projector.
FONT_SIZES = {"card": 16, "small": 13, "badge": 13, "stage": 17, "lane": 16, "label": 13, "corner": 15}
PRESENTATION_FONT_SIZES = {"card": 19, "small": 15, "badge": 15, "stage": 24, "lane": 21, "label": 15,
                           "corner": 20}
CARD_BORDER = 1.0
PRESENTATION_CARD_BORDER = 2.0


class CanvasStyle:
    """The fonts and text wrappers one scene shares among its items (needs a QGuiApplication),
    and how the scene is drawn: its metrics and emotion row (presentation mode has its own).
    `generation` counts the changes of drawing: the scene lays itself out again on the next."""

    def __init__(self) -> None:
        self.presenting = False
        self.card_border = CARD_BORDER
        self.metrics: Metrics = METRICS
        self.show_emotion: bool | None = None   # None: as the map says (see compute_layout)
        self.generation = 0
        self._make_fonts(FONT_SIZES)
        self.zoom = 1.0          # the zoom of the view showing the scene (set_zoom)
        self.scale_bucket = 1.0  # 1/zoom rounded up to a power of two (bounding rectangles)
        self.connecting = False  # connect mode: a click on a card starts or ends an arrow
        self._heights: dict[tuple[str, bool, float], float] = {}
        self._statics: dict[str, QStaticText] = {}

    def set_presenting(self, on: bool, metrics: Metrics = METRICS) -> None:
        """Presentation mode's larger type, bolder borders and `metrics`, or the editor's
        again (and the map's own emotion row). The scene lays itself out again."""
        if on == self.presenting:
            return
        self.presenting = on
        self.card_border = PRESENTATION_CARD_BORDER if on else CARD_BORDER
        self.metrics = metrics if on else METRICS
        self.show_emotion = None
        self._make_fonts(PRESENTATION_FONT_SIZES if on else FONT_SIZES)
        self._heights.clear()
        self._statics.clear()
        self.generation += 1

    def set_emotion_shown(self, shown: bool | None) -> None:
        """Show or hide the emotion row for this drawing only (None: as the map says)."""
        if shown != self.show_emotion:
            self.show_emotion = shown
            self.generation += 1

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

    def set_zoom(self, zoom: float) -> bool:
        """The view's zoom changed. True when the items' bounding rectangles must change:
        they are sized for `scale_bucket` (1/zoom rounded up to a power of two), so a zoom
        step costs thousands of geometry changes only when it halves or doubles the zoom."""
        zoom = zoom if zoom > 0 else 1.0
        self.zoom = zoom
        bucket = 2.0 ** math.ceil(math.log2(1.0 / zoom) - 1e-9)
        if bucket == self.scale_bucket:
            return False
        self.scale_bucket = bucket
        return True

    @property
    def handle_bounds(self) -> float:
        """The reach of a card's handle its bounding rectangle allows for (≥ handle_reach)."""
        return (HANDLE_SCREEN_RADIUS + HANDLE_GRACE) * self.scale_bucket

    @property
    def arrow_bounds(self) -> float:
        """The margin round an arrow its bounding rectangle allows for (≥ half its hit band)."""
        return max(4.0, (ARROW_HIT_SCREEN + 1) * self.scale_bucket)

    @property
    def handle_radius(self) -> float:
        """The connect handle's radius in scene units: HANDLE_SCREEN_RADIUS pixels on screen."""
        return HANDLE_SCREEN_RADIUS / self.zoom

    @property
    def handle_reach(self) -> float:
        """How far from the handle's centre (scene units) a press still starts an arrow."""
        return (HANDLE_SCREEN_RADIUS + HANDLE_GRACE) / self.zoom

    @property
    def arrow_hit_width(self) -> float:
        """The width (scene units) of the band round an arrow that counts as on it."""
        return 2 * ARROW_HIT_SCREEN / self.zoom

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

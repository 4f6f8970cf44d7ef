"""Paper sizes, page canvases, tiling arithmetic and print marks."""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.lib.pagesizes import A3, A4, landscape as to_landscape, letter, portrait
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..naming import column_letters
from .draw import colour
from .text import FONT, ensure_font

PAPERS = {"A4": A4, "A3": A3, "LETTER": letter}
PAPER_NAMES = ("A4", "A3", "Letter")
MARGIN = 12 * mm
OVERLAP = 10 * mm


class PaperError(ValueError):
    pass


def page_size(paper: str, landscape: bool) -> tuple[float, float]:
    size = PAPERS.get(str(paper).strip().upper())
    if size is None:
        raise PaperError(f"Unknown paper size {paper!r}; choose A4, A3 or Letter")
    return to_landscape(size) if landscape else portrait(size)


def new_canvas(out, size: tuple[float, float], title: str, canvasmaker=Canvas) -> Canvas:
    """A canvas whose initial font is the embedded one (so no Helvetica is ever referenced)."""
    ensure_font()
    canvas = canvasmaker(out, pagesize=size, initialFontName=FONT, initialFontSize=10,
                         pageCompression=1)
    canvas.setTitle(title)
    canvas.setCreator("Blueprint Studio")
    return canvas


def row_label(index: int) -> str:
    """A, B, … Z, AA, AB …"""
    return column_letters(index)


def tile_label(row: int, column: int) -> str:
    return f"{row_label(row)}{column + 1}"


@dataclass(frozen=True, slots=True)
class TileGrid:
    """How a drawing of `width` x `height` paper points is cut into pages."""

    width: float
    height: float
    cell_w: float  # printable content width of one page
    cell_h: float
    overlap: float
    columns: int
    rows: int

    @property
    def step_x(self) -> float:
        return self.cell_w - self.overlap

    @property
    def step_y(self) -> float:
        return self.cell_h - self.overlap

    def origin(self, row: int, column: int) -> tuple[float, float]:
        """Top-left of the tile in drawing points."""
        return column * self.step_x, row * self.step_y

    @property
    def count(self) -> int:
        return self.rows * self.columns


def tile_grid(width: float, height: float, cell_w: float, cell_h: float,
              overlap: float = OVERLAP) -> TileGrid:
    def count(total: float, cell: float) -> int:
        if total <= cell + 0.5:
            return 1
        return max(1, math.ceil((total - overlap) / (cell - overlap) - 1e-6))
    return TileGrid(width, height, cell_w, cell_h, overlap, count(width, cell_w), count(height, cell_h))


def crop_marks(canvas, x: float, y: float, w: float, h: float, length: float = 8, gap: float = 3) -> None:
    """Cut marks at the four corners of the rectangle, outside it."""
    canvas.saveState()
    canvas.setStrokeColor(colour("#000000"))
    canvas.setLineWidth(0.4)
    for cx, dx in ((x, -1), (x + w, 1)):
        for cy, dy in ((y, -1), (y + h, 1)):
            canvas.line(cx + dx * gap, cy, cx + dx * (gap + length), cy)
            canvas.line(cx, cy + dy * gap, cx, cy + dy * (gap + length))
    canvas.restoreState()


def registration_mark(canvas, x: float, y: float, radius: float = 5.0) -> None:
    """A circle with a cross: printed at the same map spot on both overlapping pages."""
    canvas.saveState()
    canvas.setStrokeColor(colour("#000000"))
    canvas.setLineWidth(0.4)
    canvas.circle(x, y, radius, stroke=1, fill=0)
    canvas.line(x - radius * 1.6, y, x + radius * 1.6, y)
    canvas.line(x, y - radius * 1.6, x, y + radius * 1.6)
    canvas.restoreState()

"""Drawing primitives on a reportlab canvas, all text in the embedded font.

Coordinates from the layout (x right, y down, points at scale 1) reach the page
through a `Transform`; font sizes are multiplied by the scale here, never by a canvas
transformation, so the sizes written into the PDF are the sizes on paper.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import HexColor

from .text import FONT, MIN_PT, clean, text_width

_colours: dict[str, HexColor] = {}


def colour(hex_value: str):
    value = _colours.get(hex_value)
    if value is None:
        value = _colours[hex_value] = HexColor(hex_value)
    return value


@dataclass(frozen=True, slots=True)
class Transform:
    """Layout point (x, y down) -> page point (x, y up): page = origin + scale * layout."""

    origin_x: float
    origin_y: float  # page y of layout y = 0
    scale: float

    def x(self, x: float) -> float:
        return self.origin_x + self.scale * x

    def y(self, y: float) -> float:
        return self.origin_y - self.scale * y

    def d(self, length: float) -> float:
        return self.scale * length


class SizeTooSmall(ValueError):
    """A font size below the printable minimum was requested (a programming error)."""


def draw_text(canvas, x: float, y: float, value: str, size: float, fill: str = "#1f2933",
              *, bold: bool = False, align: str = "left", raw: bool = False) -> float:
    """Draw one line at baseline (x, y) in page points; returns its width.

    `value` is cleaned (controls removed, missing glyphs replaced) unless `raw`.
    Bold is faked with fill+stroke text (the font has one weight).
    """
    if size < MIN_PT - 1e-6:
        raise SizeTooSmall(f"{size:.2f} pt is below the {MIN_PT} pt minimum")
    line = value if raw else clean(value, keep_newlines=False)
    if not line:
        return 0.0
    width = text_width(line, size)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    canvas.setFont(FONT, size)
    canvas.setFillColor(colour(fill))
    if bold:
        canvas.setStrokeColor(colour(fill))
        canvas.setLineWidth(size * 0.045)
        canvas.drawString(x, y, line, mode=2)
    else:
        canvas.drawString(x, y, line)
    return width


def arrow_head(canvas, tip_x: float, tip_y: float, from_x: float, from_y: float,
               size: float, fill: str) -> None:
    """A filled triangle pointing from (from_x, from_y) to the tip."""
    dx, dy = tip_x - from_x, tip_y - from_y
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    ux, uy = dx / length, dy / length
    base_x, base_y = tip_x - ux * size, tip_y - uy * size
    half = size * 0.45
    path = canvas.beginPath()
    path.moveTo(tip_x, tip_y)
    path.lineTo(base_x - uy * half, base_y + ux * half)
    path.lineTo(base_x + uy * half, base_y - ux * half)
    path.close()
    canvas.setFillColor(colour(fill))
    canvas.drawPath(path, stroke=0, fill=1)


def emotion_face(canvas, cx: float, cy: float, radius: float, value: float, ink: str) -> None:
    """A small vector face: the mouth curves up for positive, down for negative values."""
    canvas.setStrokeColor(colour(ink))
    canvas.setFillColor(colour("#ffffff"))
    canvas.setLineWidth(max(0.5, radius * 0.14))
    canvas.circle(cx, cy, radius, stroke=1, fill=1)
    canvas.setFillColor(colour(ink))
    eye = radius * 0.13
    canvas.circle(cx - radius * 0.35, cy + radius * 0.28, eye, stroke=0, fill=1)
    canvas.circle(cx + radius * 0.35, cy + radius * 0.28, eye, stroke=0, fill=1)
    mouth_y = cy - radius * 0.35
    bend = max(-1.0, min(1.0, value / 2.0)) * radius * 0.35
    path = canvas.beginPath()
    path.moveTo(cx - radius * 0.45, mouth_y + bend * 0.5)
    path.curveTo(cx - radius * 0.2, mouth_y - bend, cx + radius * 0.2, mouth_y - bend,
                 cx + radius * 0.45, mouth_y + bend * 0.5)
    canvas.drawPath(path, stroke=1, fill=0)

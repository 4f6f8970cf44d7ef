"""Wrapped, cached text for the canvas: Chinese and Latin break where readers expect.

Qt breaks Latin at word boundaries and Chinese between characters; a word longer than the
card (a URL, "xxxx…") falls back to breaking anywhere. Lines are kept as QStaticText so
painting a card costs a few glyph blits, which matters with thousands of cards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QStaticText, QTextLayout, QTextOption

from ..qt_fonts import ensure_app_font

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NEWLINES = re.compile(r"\r\n|\r|\n")


def display_text(text: str) -> str:
    """Text made safe to lay out: control characters become spaces, newlines separators."""
    return _NEWLINES.sub("\u2028", _CONTROL.sub(" ", text))


def canvas_font(pixel_size: int, bold: bool = False) -> QFont:
    """Scene fonts are sized in pixels, so the layout does not depend on the screen's DPI."""
    font = QFont(ensure_app_font())
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


@dataclass(slots=True)
class WrappedText:
    lines: list[QStaticText]
    line_height: float
    truncated: bool

    @property
    def height(self) -> float:
        return len(self.lines) * self.line_height


class TextWrapper:
    """Wraps text for one font, caching by (text, width, max lines)."""

    def __init__(self, font: QFont) -> None:
        self.font = font
        self.metrics = QFontMetricsF(font)
        self.line_height = self.metrics.lineSpacing()
        self._cache: dict[tuple[str, float, int], WrappedText] = {}

    def line_texts(self, text: str, width: float, max_lines: int) -> tuple[list[str], bool]:
        prepared = display_text(text)
        if not prepared:
            return [], False
        layout = QTextLayout(prepared, self.font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        spans: list[tuple[int, int]] = []
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(width, 10.0))
            spans.append((line.textStart(), line.textLength()))
            if len(spans) > max_lines:
                break
        layout.endLayout()
        texts = [prepared[start:start + length].replace("\u2028", "").rstrip() for start, length in spans]
        truncated = len(texts) > max_lines
        if truncated:
            texts = texts[:max_lines]
            texts[-1] = self.metrics.elidedText(texts[-1] + "…", Qt.TextElideMode.ElideRight, width)
        return texts, truncated

    def wrap(self, text: str, width: float, max_lines: int = 8) -> WrappedText:
        key = (text, round(width, 1), max_lines)
        cached = self._cache.get(key)
        if cached is None:
            texts, truncated = self.line_texts(text, width, max_lines)
            lines = []
            for line_text in texts:
                static = QStaticText(line_text)
                static.setTextFormat(Qt.TextFormat.PlainText)
                lines.append(static)
            cached = WrappedText(lines, self.line_height, truncated)
            if len(self._cache) > 20000:  # a long session must not grow without bound
                self._cache.clear()
            self._cache[key] = cached
        return cached

    def elided(self, text: str, width: float) -> str:
        return self.metrics.elidedText(display_text(text).replace("\u2028", " "),
                                       Qt.TextElideMode.ElideRight, max(width, 0.0))

    def width_of(self, text: str) -> float:
        return self.metrics.horizontalAdvance(text)

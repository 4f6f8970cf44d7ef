"""Text on paper: the one embedded font, literal user text, wrapping and ellipsis.

Every string in every PDF is drawn with the bundled WenQuanYi Micro Hei (TrueType
outlines, Chinese + Latin), embedded as a subset. User text is drawn literally with
`drawString` (never parsed as markup). Characters the font lacks (emoji, a few
dingbats) are replaced by a visible stand-in so nothing silently disappears.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..resources import font_path

FONT = "BlueprintStudioSans"  # the registered name of WenQuanYi Micro Hei (subfont 0)
MIN_PT = 7.0  # nothing on paper is smaller than this
ELLIPSIS = "…"
MISSING_GLYPH = "□"  # drawn for a character the font cannot show (e.g. emoji)

# Symbols from the shared appearance table that the bundled font lacks, with stand-ins
# of a similar meaning that it has (so the PDF shows a real glyph, not a box).
SYMBOL_STAND_INS = {
    "✎": "≡",   # note: lines of writing
    "☺": "◐",   # interpersonal channel / happy face
    "☹": "◑",
    "✍": "≡",
}


class FontUnavailable(RuntimeError):
    """The bundled font is missing or unreadable."""


def ensure_font() -> str:
    """Register the bundled font with reportlab once; return its name."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        path = font_path()
        try:
            pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))
        except Exception as error:  # missing file, damaged font: one clear sentence upstream
            raise FontUnavailable(f"The bundled font {path.name} could not be loaded ({error})") from error
    return FONT


@lru_cache(maxsize=1)
def _face():
    ensure_font()
    return pdfmetrics.getFont(FONT).face


@lru_cache(maxsize=1)
def _glyphs() -> frozenset[int]:
    return frozenset(_face().charToGlyph)


_widths: dict[str, float] = {}


def _char_width(ch: str) -> float:
    """Advance width of one character in 1/1000 em (cached)."""
    width = _widths.get(ch)
    if width is None:
        face = _face()
        width = face.getCharWidth(ord(ch)) if ord(ch) in _glyphs() else face.defaultWidth
        _widths[ch] = width
    return width


def text_width(text: str, size: float) -> float:
    """Width in points of an already-cleaned string at `size` points."""
    widths = _widths
    total = 0.0
    for ch in text:
        w = widths.get(ch)
        if w is None:
            w = _char_width(ch)
        total += w
    return total * size / 1000.0


def has_glyph(ch: str) -> bool:
    return ord(ch) in _glyphs()


_clean_cache: dict[str, str] = {}


def clean(text: str | None, *, keep_newlines: bool = True) -> str:
    """The text as it can be drawn: controls removed, missing glyphs replaced.

    Only for drawing: the model keeps the user's text untouched.
    """
    if not text:
        return ""
    key = text if keep_newlines else "\x00" + text
    cached = _clean_cache.get(key)
    if cached is not None:
        return cached
    glyphs = _glyphs()
    out: list[str] = []
    for ch in text.replace("\r\n", "\n").replace("\r", "\n"):
        if ch == "\n":
            out.append("\n" if keep_newlines else " ")
            continue
        if ch == "\t":
            out.append(" ")
            continue
        code = ord(ch)
        if code in glyphs and not unicodedata.category(ch).startswith("C"):
            out.append(ch)
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Cf", "Cs", "Co", "Cn", "Mn", "Me", "Sk") and code not in glyphs:
            continue  # controls, joiners, variation selectors, skin tones: nothing to draw
        if category.startswith("C"):
            continue
        if category == "Zs" or category in ("Zl", "Zp"):
            out.append(" " if category == "Zs" else ("\n" if keep_newlines else " "))
            continue
        stand_in = SYMBOL_STAND_INS.get(ch)
        out.append(stand_in if stand_in and ord(stand_in) in glyphs else MISSING_GLYPH)
    result = "".join(out)
    if len(_clean_cache) > 50_000:
        _clean_cache.clear()
    _clean_cache[key] = result
    return result


# -- wrapping ------------------------------------------------------------------------

_CJK = (
    "\u1100-\u11ff\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3200-\u9fff"
    "\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff"
)
# Punctuation that must not begin a line: it sticks to the character before it.
_CLOSING = "、。，．：；！？）］｝」』】〉》〕’”…%,.;:!?)\\]}"
_TOKEN = re.compile(rf"(?:[^\s{_CJK}]+|\S)[{_CLOSING}]*[ ]*")


def _hard_break(token: str, size: float, width: float) -> list[str]:
    """Split a token wider than the line, character by character."""
    pieces: list[str] = []
    current = ""
    current_width = 0.0
    for ch in token:
        ch_width = text_width(ch, size)
        if current and current_width + ch_width > width:
            pieces.append(current)
            current, current_width = "", 0.0
        current += ch
        current_width += ch_width
    if current:
        pieces.append(current)
    return pieces


def wrap(text: str, size: float, width: float) -> list[str]:
    """Lines of cleaned `text` no wider than `width` at `size` points.

    Chinese breaks between any two characters (closing punctuation stays with the
    character before it), Latin at spaces, and words longer than a line are broken hard.
    """
    lines: list[str] = []
    for paragraph in clean(text).split("\n"):
        line = ""
        line_width = 0.0
        for match in _TOKEN.finditer(paragraph):
            token = match.group()
            token_width = text_width(token, size)
            bare_width = token_width - text_width(" ", size) * (len(token) - len(token.rstrip(" ")))
            if line_width + bare_width <= width:
                line += token
                line_width += token_width
                continue
            if line:
                lines.append(line.rstrip(" "))
                line, line_width = "", 0.0
            if bare_width <= width:
                line, line_width = token, token_width
                continue
            pieces = _hard_break(token.rstrip(" "), size, width)
            lines.extend(pieces[:-1])
            line = pieces[-1] + token[len(token.rstrip(" ")):]
            line_width = text_width(line, size)
        lines.append(line.rstrip(" "))
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    return lines


def ellipsize(line: str, size: float, width: float, *, force: bool = False) -> str:
    """The line shortened with an ellipsis so that it fits `width`.

    With `force`, the ellipsis is added even when the line fits (the text went on).
    """
    if not force and text_width(line, size) <= width:
        return line
    limit = width - text_width(ELLIPSIS, size)
    kept = ""
    used = 0.0
    for ch in line:
        ch_width = text_width(ch, size)
        if used + ch_width > limit:
            break
        kept += ch
        used += ch_width
    return kept.rstrip() + ELLIPSIS


def fit(text: str, size: float, width: float, max_lines: int) -> tuple[list[str], bool]:
    """At most `max_lines` wrapped lines; the last one ends in an ellipsis if text was cut."""
    lines = wrap(text, size, width)
    if len(lines) <= max_lines:
        return lines, False
    if max_lines <= 0:
        return [], True
    kept = lines[:max_lines]
    kept[-1] = ellipsize(kept[-1], size, width, force=True)
    return kept, True


def one_line(text: str, size: float, width: float) -> str:
    """The text on a single line (newlines become spaces), ellipsized to `width`."""
    return ellipsize(clean(text, keep_newlines=False), size, width)

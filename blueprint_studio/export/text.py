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


def _drawable(ch: str, keep_newlines: bool) -> str:
    """What one character (after CR/LF became LF) is drawn as: itself, a space, a newline,
    a stand-in, or nothing."""
    glyphs = _glyphs()
    if ch == "\n":
        return "\n" if keep_newlines else " "
    if ch == "\t":
        return " "
    code = ord(ch)
    category = unicodedata.category(ch)
    if code in glyphs and not category.startswith("C"):
        return ch
    if category in ("Cc", "Cf", "Cs", "Co", "Cn", "Mn", "Me", "Sk") and code not in glyphs:
        return ""  # controls, joiners, variation selectors, skin tones: nothing to draw
    if category.startswith("C"):
        return ""
    if category == "Zs" or category in ("Zl", "Zp"):
        return " " if category == "Zs" else ("\n" if keep_newlines else " ")
    stand_in = SYMBOL_STAND_INS.get(ch)
    return stand_in if stand_in and ord(stand_in) in glyphs else MISSING_GLYPH


class _Drawable(dict):
    """code point -> what it is drawn as, decided once per character (for str.translate)."""

    def __init__(self, keep_newlines: bool) -> None:
        super().__init__()
        self.keep_newlines = keep_newlines

    def __missing__(self, code: int) -> str:
        value = self[code] = _drawable(chr(code), self.keep_newlines)
        return value


_TABLES = {True: _Drawable(True), False: _Drawable(False)}


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
    # Each character on its own: one table look-up each (at C speed once the table knows
    # the text's characters), not a Unicode category test per character.
    result = text.replace("\r\n", "\n").replace("\r", "\n").translate(_TABLES[keep_newlines])
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


_measured: dict[float, dict[str, tuple[float, float]]] = {}


def _token_widths(size: float) -> dict[str, tuple[float, float]]:
    """token -> (width, width without its trailing spaces) at `size`: the same words and
    Chinese characters come back thousands of times in a long handout."""
    known = _measured.get(size)
    if known is None or len(known) > 100_000:
        if len(_measured) > 64:
            _measured.clear()
        known = _measured[size] = {}
    return known


def wrap(text: str, size: float, width: float, max_lines: int | None = None) -> list[str]:
    """Lines of cleaned `text` no wider than `width` at `size` points.

    Chinese breaks between any two characters (closing punctuation stays with the
    character before it), Latin at spaces, and words longer than a line are broken hard.

    With `max_lines`, wrapping stops as soon as a non-empty line beyond `max_lines` is
    made: the first `max_lines` lines are then final, and a caller that shows only those
    (`fit`) need not wrap the rest of a long text. (Lines never change once made; only
    trailing empty lines are dropped at the end, so a non-empty line after them proves
    the text goes on.)
    """
    lines: list[str] = []
    # Checked before every paragraph and token: the first non-empty line made beyond
    # max_lines is still the last line then (a paragraph with words ends in a non-empty
    # line, only a paragraph without any ends in an empty one).
    enough = None if max_lines is None else max(0, max_lines) + 1
    known = _token_widths(size)
    for paragraph in clean(text).split("\n"):
        if enough is not None and len(lines) >= enough and lines[-1]:
            return lines
        line = ""
        line_width = 0.0
        for match in _TOKEN.finditer(paragraph):
            if enough is not None and len(lines) >= enough and lines[-1]:
                return lines
            token = match.group()
            measured = known.get(token)
            if measured is None:
                token_width = text_width(token, size)
                measured = known[token] = (token_width, token_width - text_width(" ", size) * (
                    len(token) - len(token.rstrip(" "))))
            token_width, bare_width = measured
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


def _fits(line: str, size: float, width: float) -> bool:
    """text_width(line, size) <= width, without measuring a long line to its end: the
    running sum only grows, so once a prefix is too wide the line is."""
    widths = _widths
    total = 0.0
    most = width * 1000.0 / size if size > 0 else float("inf")
    for ch in line:
        w = widths.get(ch)
        if w is None:
            w = _char_width(ch)
        total += w
        if total > most and total * size / 1000.0 > width:
            return False
    return total * size / 1000.0 <= width


def ellipsize(line: str, size: float, width: float, *, force: bool = False) -> str:
    """The line shortened with an ellipsis so that it fits `width`.

    With `force`, the ellipsis is added even when the line fits (the text went on).
    """
    if not force and _fits(line, size, width):
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
    lines = wrap(text, size, width, max_lines)
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

"""What the concept-screening sheets share: the document, the screening chosen, numbers,
symbols, headings, notes and the blank forms written on by hand.

The sheets are platypus flowables, so the same story prints on its own
(`build_document`) and as sections of the workshop handout. Tables go through the
handout's helpers (`handout_tables.table`, `handout_tables.wrapped_rows`): plain strings wrapped by
`text.wrap`, never parsed as markup, in the embedded font only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from ..appearance import GRID, INK, MUTED_INK
from ..i18n import tr
from ..model.entities import Project
from ..model.screening import MissingRule, Screening
from . import handout, handout_tables, text
from .blank import _fill_in_fields
from .draw import colour, draw_text
from .errors import ExportError
from .text import FONT

# Marks that carry meaning without colour (the font has every one of them).
PASS_MARK = "✔"
FAIL_MARK = "✘"
MISSING_MARK = "—"  # a score nobody gave
PARTIAL_MARK = "*"  # a mean over fewer voters than the screening has
WORST_MARK = "▲"  # the AHP judgement that disagrees most
SHADE = "#e4e8ec"  # the handout's header shade
LIGHT_SHADE = "#f1f3f5"
DARK = "#3e4c59"

TABLE_PT = handout_tables.TABLE_PT
CELL_PAD = handout_tables.CELL_PAD
Heading = handout._Heading
Lines = handout._Lines
Section = handout._Section
table = handout_tables.table
wrapped_rows = handout_tables.wrapped_rows


# -- the screening printed --------------------------------------------------------------

def find_screening(project: Project, key: str | None, lang: str) -> Screening | None:
    """The screening with this id or name (exact, then ignoring case); the first by default."""
    screenings = list(getattr(project, "screenings", []) or [])
    if key is None:
        return screenings[0] if screenings else None
    for screening in screenings:
        if screening.id == key or screening.name == key:
            return screening
    wanted = key.casefold()
    for screening in screenings:
        if screening.name.casefold() == wanted:
            return screening
    names = ", ".join(f"\u201c{s.name}\u201d" for s in screenings) or tr("none", lang)
    raise ExportError(tr("The project has no screening called {name!r}; its screenings are: {names}.",
                         lang).format(name=key, names=names))


def screening_title(screening: Screening | None, lang: str) -> str:
    if screening is None:
        return ""
    return screening.name.strip() or tr("Untitled screening", lang)


def missing_rule_sentence(rule: MissingRule | None, lang: str) -> str:
    if rule is MissingRule.AVERAGE:
        return tr("Missing scores: a criterion's score is the mean over the voters who scored it; "
                  "a concept with a criterion nobody scored is not ranked.", lang)
    if rule is MissingRule.UNRANKED:
        return tr("Missing scores: a concept is not ranked until every voter has scored every "
                  "criterion.", lang)
    return tr("Missing scores: agree on the rule before scoring. □ not ranked until complete  "
              "□ averaged over the voters who scored", lang)


def number(value: float | None, digits: int = 2) -> str:
    if value is None or not math.isfinite(value):
        return MISSING_MARK
    return f"{value:.{digits}f}"


def percent(fraction: float, digits: int = 1) -> str:
    return f"{fraction * 100:.{digits}f} %"


def judgement(value: float) -> str:
    """A Saaty judgement as people write it: 3, 1/3, 2.5, 1/2.5."""
    if value >= 1:
        return f"{value:.0f}" if abs(value - round(value)) < 1e-6 else f"{value:.2f}".rstrip("0").rstrip(".")
    inverse = 1 / value
    if abs(inverse - round(inverse)) < 1e-6:
        return f"1/{round(inverse)}"
    return f"1/{inverse:.2f}".rstrip("0").rstrip(".")


def card_lines(project: Project, refs: str, lang: str) -> str:
    """The cards named by "map_id/card_id" lines, as readable lines (★ marks a moment of truth)."""
    maps = {service_map.id: service_map for service_map in project.maps}
    out = []
    for ref in (line.strip() for line in (refs or "").splitlines()):
        if not ref:
            continue
        map_id, _, card_id = ref.partition("/")
        service_map = maps.get(map_id)
        card = service_map.cards.get(card_id) if service_map is not None else None
        if card is None:
            out.append(tr("(a card that is no longer on the map)", lang))
            continue
        stage = service_map.stage(card.stage_id).name.strip()
        words = " ".join(card.text.split()) or "…"
        out.append(("★ " if card.moment_of_truth else "◆ ") + (f"{stage}: " if stage else "") + words)
    return "\n".join(out)


# -- the document ----------------------------------------------------------------------

def build_document(target, size: tuple[float, float], title: str, story: list[Flowable]) -> int:
    """The sheets as a PDF of their own, with the handout's running header and page numbers."""
    frame = Frame(handout.MARGIN, handout.MARGIN, size[0] - 2 * handout.MARGIN,
                  size[1] - 2 * handout.MARGIN - handout.HEADER_H, id="sheet",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc = BaseDocTemplate(target, pagesize=size, title=title, creator="Blueprint Studio",
                          initialFontName=FONT, initialFontSize=10, pageCompression=1,
                          leftMargin=handout.MARGIN, rightMargin=handout.MARGIN,
                          topMargin=handout.MARGIN, bottomMargin=handout.MARGIN)
    doc.addPageTemplates([PageTemplate("sheet", [frame], pagesize=size)])
    doc.build(story, canvasmaker=handout._NumberedCanvas)
    return doc.page


def frame_width(size: tuple[float, float]) -> float:
    return size[0] - 2 * handout.MARGIN


def frame_height(size: tuple[float, float]) -> float:
    return size[1] - 2 * handout.MARGIN - handout.HEADER_H


# -- small flowables ---------------------------------------------------------------------

CHECKBOX = "□"


def draw_line(canvas, x: float, y: float, line: str, size: float, ink: str, bold: bool = False) -> None:
    """One cleaned line at baseline y; each □ becomes a checkbox drawn as large as a capital
    (the font's own □ is small), in the advance the glyph has, so wrapping stays right."""
    if CHECKBOX not in line:
        draw_text(canvas, x, y, line, size, ink, bold=bold, raw=True)
        return
    advance = text.text_width(CHECKBOX, size)
    side = size * 0.66
    for index, piece in enumerate(line.split(CHECKBOX)):
        if index:
            canvas.setStrokeColor(colour(ink))
            canvas.setLineWidth(0.6)
            canvas.rect(x, y - size * 0.03, side, side, stroke=1, fill=0)
            x += max(advance, side) + size * 0.2
        if piece:
            x += draw_text(canvas, x, y, piece, size, ink, bold=bold, raw=True)


class FillIn(Flowable):
    """Group ____  Date ____  Names ____ (the blank templates' fields)."""

    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang

    def wrap(self, avail_w, avail_h):
        self.width, self.height = avail_w, 9.0 + 18 + 4
        return self.width, self.height

    def draw(self):
        _fill_in_fields(self.canv, 0, self.height, self.width, self.lang)


class Note(Flowable):
    """A boxed sentence with a leading mark; `strong` draws a double border (the warning)."""

    def __init__(self, value: str, mark: str = "", size: float = 9.0, strong: bool = False,
                 muted: bool = False):
        super().__init__()
        self.value, self.mark, self.size, self.strong, self.muted = value, mark, size, strong, muted

    def wrap(self, avail_w, avail_h):
        self.width = avail_w
        self.indent = text.text_width(self.mark + " ", self.size + 2) if self.mark else 0.0
        self.lines = text.wrap(self.value, self.size, avail_w - 16 - self.indent)
        self.height = len(self.lines) * self.size * 1.35 + 12
        return self.width, self.height

    def draw(self):
        c = self.canv
        c.setStrokeColor(colour(INK if self.strong else GRID))
        c.setLineWidth(1.2 if self.strong else 0.6)
        c.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        if self.strong:
            c.setLineWidth(0.5)
            c.rect(2.5, 2.5, self.width - 5, self.height - 5, stroke=1, fill=0)
        ink = MUTED_INK if self.muted else INK
        y = self.height - 6 - self.size
        if self.mark:
            draw_text(c, 8, y, self.mark, self.size + 2, ink, bold=True, raw=True)
        for line in self.lines:
            draw_line(c, 8 + self.indent, y, line, self.size, ink, bold=self.strong)
            y -= self.size * 1.35


class Gap(Flowable):
    def __init__(self, height: float):
        super().__init__()
        self.height = height

    def wrap(self, avail_w, avail_h):
        return avail_w, min(self.height, max(0.0, avail_h - 1))

    def draw(self):
        pass


def base_grid_style() -> list[tuple]:
    """The handout table's look, for the blank grids that set their own row heights."""
    return [
        ("FONT", (0, 0), (-1, -1), FONT, TABLE_PT, handout_tables.TABLE_LEADING),
        ("TEXTCOLOR", (0, 0), (-1, -1), colour(INK)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD), ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD), ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("BACKGROUND", (0, 0), (-1, 0), colour(SHADE)),
        ("GRID", (0, 0), (-1, -1), 0.5, colour("#9aa5b1")),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colour(INK)),
    ]


def row_positions(rows: list[list[str]], widths: list[float]) -> list[int]:
    """The table row (1 = first body row) where each given row begins in `table(...)`,
    which continues very tall rows in extra rows."""
    positions, at = [], 1
    for row in rows:
        positions.append(at)
        at += len(wrapped_rows([row], widths)[0])
    positions.append(at)
    return positions


def cell_lines(value: str, width: float, size: float = TABLE_PT, most: int = 4) -> str:
    """A short cell's text fitted to its column (header cells of narrow columns)."""
    return "\n".join(text.fit(value, size, max(8.0, width - 2 * CELL_PAD), most)[0])


# -- blank forms ------------------------------------------------------------------------

@dataclass(frozen=True)
class Box:
    label: str
    hint: str = ""
    share: float = 1.0  # of the height left for the boxes
    half: bool = False  # side by side with the next half box


class FormPage(Flowable):
    """A page of labelled boxes, ruled for handwriting, filling the frame below the heading."""

    LABEL_PT = 9.5
    HINT_PT = 7.5
    VALUE_PT = 11.0
    RULE_GAP = 22.0  # 7.8 mm between the writing lines
    A4_WIDTH = 523.0  # the frame of an A4 portrait page: larger paper, larger type

    def __init__(self, boxes: Sequence[Box], prefilled: dict[str, str] | None = None):
        super().__init__()
        self.boxes, self.prefilled = list(boxes), prefilled or {}

    def wrap(self, avail_w, avail_h):
        self.width, self.height = avail_w, avail_h - 8  # clear of the page number
        return self.width, self.height

    def _rows(self) -> list[list[Box]]:
        """Half boxes side by side; on a wide page (landscape) every box is half."""
        wide = self.width > self.height * 1.15
        rows: list[list[Box]] = []
        for box in self.boxes:
            half = box.half or wide
            if half and rows and len(rows[-1]) == 1 and (rows[-1][0].half or wide):
                rows[-1].append(box)
            else:
                rows.append([box])
        return rows

    def draw(self):
        self.zoom = max(1.0, min(1.5, min(self.width, self.height) / self.A4_WIDTH))
        rows = self._rows()
        gap = 6.0
        total = sum(max(b.share for b in row) for row in rows)
        usable = self.height - gap * (len(rows) - 1)
        y = self.height
        for row in rows:
            h = usable * max(b.share for b in row) / total
            w = (self.width - gap * (len(row) - 1)) / len(row)
            x = 0.0
            for box in row:
                self._box(box, x, y - h, w, h)
                x += w + gap
            y -= h + gap

    def _box(self, box: Box, x: float, y: float, w: float, h: float) -> None:
        c = self.canv
        c.setStrokeColor(colour(INK))
        c.setLineWidth(0.8)
        c.rect(x, y, w, h, stroke=1, fill=0)
        label_pt, hint_pt, value_pt = (self.LABEL_PT * self.zoom, self.HINT_PT * self.zoom,
                                       self.VALUE_PT * self.zoom)
        pad = 6 * self.zoom
        draw_text(c, x + pad, y + h - pad - label_pt, text.one_line(box.label, label_pt, w - 2 * pad),
                  label_pt, INK, bold=True, raw=True)
        used = pad + label_pt + 4
        if box.hint:
            for line in text.fit(box.hint, hint_pt, w - 2 * pad, 2)[0]:
                used += hint_pt * 1.3
                draw_line(c, x + pad, y + h - used, line, hint_pt, MUTED_INK)
            used += 2
        value = self.prefilled.get(box.label, "")
        if value:
            used += value_pt * 1.2
            draw_text(c, x + pad, y + h - used, text.one_line(value, value_pt, w - 2 * pad), value_pt,
                      INK, raw=True)
        c.setStrokeColor(colour("#b8c0c8"))
        c.setLineWidth(0.4)
        line_y = y + h - used - self.RULE_GAP
        while line_y > y + 6:
            c.line(x + pad, line_y, x + w - pad, line_y)
            line_y -= self.RULE_GAP

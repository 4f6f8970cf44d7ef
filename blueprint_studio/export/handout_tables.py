"""The handout's tables: plain strings wrapped by `text.wrap` into LongTables, and a paged
table that costs each page only the rows on it (used by the handout and the sheets)."""

from __future__ import annotations

from reportlab.platypus import Flowable, LongTable, TableStyle

from ..appearance import GRID, INK
from . import text
from .draw import colour
from .text import FONT

TABLE_PT = 8.0
TABLE_LEADING = 9.8
CELL_PAD = 3.0
MAX_ROW_LINES = 40  # taller rows continue in the next row, so no row outgrows a page
LISTED_TEXT = 300  # characters of a card's text in the lists of moments of truth, pain points…
FINDING_TEXT = 60  # …and in the findings, where a path or loop names many cards in a row
NAME_IN_TABLE = 80  # a stage's or lane's name in a table row


def signed(value: float) -> str:
    """+2, +0.5, 0, −1 (a real minus sign)."""
    if value == 0:
        return "0"
    number = f"{abs(value):.1f}".removesuffix(".0")
    return ("+" if value > 0 else "−") + number


def wrapped_rows(rows: list[list[str]], widths: list[float]) -> tuple[list[list[str]], list[float]]:
    """Cells wrapped to their columns; very tall rows continue in extra rows."""
    data, heights = [], []
    inner = [w - 2 * CELL_PAD for w in widths]
    for row in rows:
        cells = [text.wrap(value, TABLE_PT, width) for value, width in zip(row, inner)]
        tallest = max(len(cell) for cell in cells)
        for start in range(0, tallest, MAX_ROW_LINES):
            chunk = [cell[start:start + MAX_ROW_LINES] for cell in cells]
            lines = max(1, max(len(cell) for cell in chunk))
            data.append(["\n".join(cell) for cell in chunk])
            heights.append(lines * TABLE_LEADING + 2 * CELL_PAD + 1)
    return data, heights


class PagedTable(Flowable):
    """A LongTable of many rows that costs each page only the rows on it.

    reportlab splits a table by building a new table of every row still to come, once per
    page: a card table of 5,000 long cards spans thousands of pages and took time growing
    with rows × pages. This keeps the rows once and gives reportlab, for each page, a table
    of the header and only as many rows as can reach that page; splitting it puts the same
    rows on the page as splitting the whole rest would (the split point depends only on the
    heights from the top), and what is left continues from that row. The style commands are
    relative to the header and the table's own rows (the row tints restart on each page, as
    reportlab's own split does), so every page prints exactly as before.
    """

    def __init__(self, head: list[list[str]], head_h: list[float], body: list[list[str]],
                 body_h: list[float], widths: list[float], style: list, start: int = 0,
                 tails: list[tuple[float, float]] | None = None) -> None:
        super().__init__()
        self.head, self.head_h, self.body, self.body_h = head, head_h, body, body_h
        self.widths, self.style, self.start = widths, style, start
        self.hAlign = "LEFT"
        self._table: LongTable | None = None
        # reportlab's height of rows[i:]: its compensated sum from the last row up, once.
        self._tails = tails if tails is not None else compensated_tails(body_h)

    def _height(self) -> float:
        height, c = self._tails[self.start]
        for h in reversed(self.head_h):
            y = h - c
            t = height + y
            c = (t - height) - y
            height = t
        return height

    def _make(self, end: int) -> LongTable:
        return LongTable(self.head + self.body[self.start:end], colWidths=self.widths,
                         rowHeights=self.head_h + self.body_h[self.start:end], repeatRows=1,
                         style=TableStyle(self._continued_style() if self.start else self.style),
                         hAlign="LEFT")

    def _continued_style(self) -> list:
        """The style of a part after a page break, as reportlab's split makes it: a line
        below the rows also runs above the first row of the new page."""
        assert not any(command[0] in ("GRID", "INNERGRID", "BOX", "OUTLINE", "LINEABOVE")
                       for command in self.style), "only LINEBELOW is carried over like reportlab"
        style = []
        for command in self.style:
            op, (sc, sr), (ec, _er), *rest = command
            if op == "LINEBELOW" and sr >= len(self.head):
                style.append(("LINEABOVE", (sc, len(self.head)), (ec, len(self.head)), *rest))
            style.append(command)
        return style

    def _window(self, avail_h: float) -> LongTable:
        """The header and the rows from `start` until one no longer fits in `avail_h`."""
        used, end = sum(self.head_h), self.start
        while end < len(self.body) and used <= avail_h:
            used += self.body_h[end]
            end += 1
        return self._make(min(len(self.body), end + 1))

    def wrap(self, avail_w, avail_h):
        height = self._height()
        self._table = self._make(len(self.body)) if height <= avail_h else self._window(avail_h)
        width, _ = self._table.wrap(avail_w, avail_h)
        self.width, self.height = width, height
        return width, height

    def split(self, avail_w, avail_h):
        window = self._window(avail_h)
        parts = window.split(avail_w, avail_h)
        if len(parts) < 2:
            return parts  # nothing fits here ([]): reportlab moves on to the next frame
        first = parts[0]
        taken = len(first._cellvalues) - len(self.head)
        rest = PagedTable(self.head, self.head_h, self.body, self.body_h, self.widths, self.style,
                           self.start + taken, self._tails)
        return [first, rest]

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802 - reportlab's name
        assert self._table is not None, "drawn before it was wrapped"
        self._table.drawOn(canvas, x, y, _sW)


def compensated_tails(heights: list[float]) -> list[tuple[float, float]]:
    """For each i, the (sum, compensation) reportlab's Table reaches for heights[i:] (it
    adds row heights from the last one up, compensated), so a page's test of "does the rest
    fit" compares the very same number."""
    tails: list[tuple[float, float]] = [(0, 0)] * (len(heights) + 1)
    height = c = 0
    for index in range(len(heights) - 1, -1, -1):
        y = heights[index] - c
        t = height + y
        c = (t - height) - y
        height = t
        tails[index] = (height, c)
    return tails


def table(header: list[str], rows: list[list[str]], widths: list[float],
           emphasise: dict[int, str] | None = None) -> LongTable:
    """The handout's table as one LongTable (a caller may add to its style: setStyle)."""
    head, head_h, body, body_h, style = table_parts(header, rows, widths)
    return LongTable(head + body, colWidths=widths, rowHeights=head_h + body_h,
                     repeatRows=1, style=TableStyle(style), hAlign="LEFT")


def paged_table(header: list[str], rows: list[list[str]], widths: list[float]) -> Flowable:
    """The same table, printed page by page in time proportional to its rows (for the card
    table, the lists and the findings, which at the limits run to thousands of pages)."""
    head, head_h, body, body_h, style = table_parts(header, rows, widths)
    return PagedTable(head, head_h, body, body_h, widths, style)


def table_parts(header: list[str], rows: list[list[str]], widths: list[float]):
    head, head_h = wrapped_rows([header], widths)
    body, body_h = wrapped_rows(rows, widths)
    head, head_h = head[:1], head_h[:1]
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, TABLE_PT, TABLE_LEADING),
        ("TEXTCOLOR", (0, 0), (-1, -1), colour(INK)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD), ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD), ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("BACKGROUND", (0, 0), (-1, 0), colour("#e4e8ec")),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colour(INK)),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, colour(GRID)),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colour("#ffffff"), colour("#f6f8fa")]),
    ]
    return head, head_h, body, body_h, style



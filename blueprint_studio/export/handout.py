"""The workshop handout: cover, map, card table, emotion chart, lists and notes pages.

Built with reportlab's platypus (frames, page templates, a LongTable that repeats its
header row). Every cell is a plain string wrapped by `text.wrap`, so user text is never
parsed as markup; the page numbers ("3 / 12") are written once the total is known.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate, Flowable, Frame, KeepTogether, NextPageTemplate, PageBreak, PageTemplate, Spacer,
)

from ..appearance import CARD_SYMBOL, GRID, INK, MUTED_INK, format_minutes
from ..i18n import plural, tr
from ..i18n.labels import card_kind_name, channel_name, lane_name, map_kind_name
from ..model.entities import Card, Project, ProjectInfo, ServiceMap
from ..model.enums import CardKind
from ..naming import shortened
from . import geometry as g
from . import mapdraw, pages, text
from .draw import Transform, colour, draw_text
from .emotion_chart import EmotionChart
from .findings_page import findings_table
from .handout_tables import (CELL_PAD, LISTED_TEXT, NAME_IN_TABLE, TABLE_PT, paged_table as _paged_table,
                             signed as _signed)
from .text import FONT

MARGIN = 12 * mm
HEADER_H = 16.0
MAX_HANDOUT_SCALE = 1.6
HANDOUT_MAP_PAGES = 48  # tiles of one map in a handout; a larger map is a poster's job


class _NumberedCanvas(Canvas):
    """Keeps every page until the end, then writes "n / total" and the running header."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._saved_pages: list[dict] = []
        self.running_title = ""
        self.numbered = True

    def showPage(self):  # noqa: N802 - reportlab's name
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()
        self.numbered = True

    def save(self):
        total = len(self._saved_pages)
        for number, state in enumerate(self._saved_pages, start=1):
            self.__dict__.update(state)
            if self.numbered:
                _decorate(self, number, total)
            super().showPage()
        super().save()


def _decorate(canvas, number: int, total: int) -> None:
    width, height = canvas._pagesize
    size = 8.0
    top = height - MARGIN + 6
    draw_text(canvas, MARGIN, top, text.one_line(canvas.running_title, size, width - 2 * MARGIN - 60),
              size, MUTED_INK, raw=True)
    canvas.setStrokeColor(colour(GRID))
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, top - 4, width - MARGIN, top - 4)
    draw_text(canvas, width / 2, MARGIN / 2, f"{number} / {total}", 9.0, INK, align="center", raw=True)


class _Section(Flowable):
    """Zero-size marker: sets the running header from here on."""

    def __init__(self, title: str, numbered: bool = True):
        super().__init__()
        self.title = title
        self.numbered_page = numbered

    def wrap(self, avail_w, avail_h):
        return 0, 0

    def draw(self):
        self.canv.running_title = self.title
        self.canv.numbered = self.numbered_page


class _Heading(Flowable):
    def __init__(self, value: str, size: float = 14.0, space: float = 6.0, keep: bool = True):
        super().__init__()
        self.value, self.size, self.space = value, size, space
        self.keepWithNext = keep  # never a heading alone at the foot of a page

    def wrap(self, avail_w, avail_h):
        self.width = avail_w
        self.lines, _ = text.fit(self.value, self.size, avail_w, 3)
        self.height = len(self.lines) * self.size * 1.25 + self.space
        return avail_w, self.height

    def draw(self):
        y = self.height - self.size
        for line in self.lines:
            draw_text(self.canv, 0, y, line, self.size, INK, bold=True, raw=True)
            y -= self.size * 1.25


class _Lines(Flowable):
    """Plain wrapped text (muted), e.g. 'None marked yet.'"""

    def __init__(self, value: str, size: float = 9.0):
        super().__init__()
        self.value, self.size = value, size

    def wrap(self, avail_w, avail_h):
        self.lines = text.wrap(self.value, self.size, avail_w)
        self.height = len(self.lines) * self.size * 1.3 + 4
        return avail_w, self.height

    def draw(self):
        y = self.height - self.size
        for line in self.lines:
            draw_text(self.canv, 0, y, line, self.size, MUTED_INK, raw=True)
            y -= self.size * 1.3


class _Cover(Flowable):
    def __init__(self, info: ProjectInfo, maps: list[ServiceMap], lang: str):
        super().__init__()
        self.info, self.maps, self.lang = info, maps, lang

    def wrap(self, avail_w, avail_h):
        self.width, self.height = avail_w, avail_h - 1
        return self.width, self.height

    def draw(self):
        c, lang, info = self.canv, self.lang, self.info
        w, y = self.width, self.height
        c.setFillColor(colour("#2f63b5"))
        c.rect(0, y - 6, w, 6, stroke=0, fill=1)
        y -= 34
        draw_text(c, 0, y, tr("Workshop handout", lang), 11.0, MUTED_INK)
        y -= 14
        title = info.title.strip() or tr("Untitled workshop", lang)
        for line in text.fit(title, 26.0, w, 3)[0]:
            y -= 32
            draw_text(c, 0, y, line, 26.0, INK, bold=True, raw=True)
        y -= 18
        for service_map in self.maps[:6]:
            y -= 16
            label = f"{map_kind_name(service_map.kind, lang)}: {service_map.name.strip() or '—'}"
            draw_text(c, 0, y, text.one_line(label, 12.0, w), 12.0, INK, raw=True)
        if len(self.maps) > 6:
            y -= 16
            draw_text(c, 0, y, plural(len(self.maps) - 6, "… and {count} more map",
                                      "… and {count} more maps", lang),
                      12.0, MUTED_INK)
        y -= 30
        fields = [(tr("Organisation", lang), info.organisation), (tr("Date", lang), info.date),
                  (tr("Trainer", lang), info.trainer), (tr("Group", lang), info.group)]
        label_w = max(text.text_width(text.clean(label), 10.0) for label, _ in fields) + 16
        for label, value in fields:
            lines, _ = text.fit(value.strip() or "—", 12.0, w - label_w, 2)
            draw_text(c, 0, y, label, 10.0, MUTED_INK)
            for line in lines:
                draw_text(c, label_w, y, line, 12.0, INK, raw=True)
                y -= 16
            c.setStrokeColor(colour(GRID))
            c.setLineWidth(0.5)
            c.line(0, y + 10, w, y + 10)
            y -= 8
        cards = [card for m in self.maps for card in m.cards.values()]
        summary = " · ".join((
            plural(sum(len(m.stages) for m in self.maps), "{count} stage", "{count} stages", lang),
            plural(len(cards), "{count} card", "{count} cards", lang),
            plural(sum(c_.moment_of_truth for c_ in cards), "{count} moment of truth",
                   "{count} moments of truth", lang),
            plural(sum(c_.fail_point for c_ in cards), "{count} fail point", "{count} fail points",
                   lang)))
        y -= 12
        draw_text(c, 0, y, text.one_line(summary, 10.0, w), 10.0, INK, raw=True)
        if info.notes.strip():
            y -= 24
            for line in text.fit(info.notes, 10.0, w, max(1, int((y - 120) / 13)))[0]:
                draw_text(c, 0, y, line, 10.0, INK, raw=True)
                y -= 13
        legend_h = mapdraw.legend_height(w, lang)
        draw_text(c, 0, legend_h + 14, tr("Symbols used on the map", lang), 9.0, MUTED_INK, bold=True)
        mapdraw.draw_legend(c, 0, legend_h, w, lang)


class _MapWindow(Flowable):
    """One page of the map: the whole map fitted, or one tile of a larger map."""

    def __init__(self, layout: g.MapLayout, heading: str, lang: str, scale: float | None,
                 grid: pages.TileGrid | None = None, row: int = 0, column: int = 0,
                 legend: bool = True):
        super().__init__()
        self.layout, self.heading, self.lang, self.legend = layout, heading, lang, legend
        self.scale, self.grid, self.row, self.column = scale, grid, row, column

    def wrap(self, avail_w, avail_h):
        self.width, self.height = avail_w, avail_h - 1
        return self.width, self.height

    def draw(self):
        c, layout, lang = self.canv, self.layout, self.lang
        heading = self.heading
        if self.grid is not None:
            heading += "  " + tr("(part {label} of {rows} × {columns})", lang).format(
                label=pages.tile_label(self.row, self.column), rows=self.grid.rows,
                columns=self.grid.columns)
        draw_text(c, 0, self.height - 12, text.one_line(heading, 12.0, self.width), 12.0, INK,
                  bold=True, raw=True)
        top = self.height - 22
        if self.grid is None:
            scale = self.scale or fit_map_scale(layout, self.width, self.height, self.legend)
            x = (self.width - layout.width * scale) / 2
            mapdraw.draw_map(c, layout, Transform(x, top, scale), lang)
            if self.legend:
                mapdraw.draw_legend(c, 0, mapdraw.legend_height(self.width, lang), self.width, lang)
            return
        grid, scale = self.grid, self.scale
        ox, oy = grid.origin(self.row, self.column)
        content_w = min(grid.cell_w, grid.width - ox)
        content_h = min(grid.cell_h, grid.height - oy)
        c.saveState()
        clip = c.beginPath()
        clip.rect(0, top - content_h, content_w, content_h)
        c.clipPath(clip, stroke=0, fill=0)
        view = g.Rect(ox / scale, oy / scale, content_w / scale, content_h / scale)
        mapdraw.draw_map(c, layout, Transform(-ox, top + oy, scale), lang, view=view)
        c.restoreState()
        neighbours = []
        if self.row > 0:
            neighbours.append("↑ " + pages.tile_label(self.row - 1, self.column))
        if self.column > 0:
            neighbours.append("← " + pages.tile_label(self.row, self.column - 1))
        if self.column + 1 < grid.columns:
            neighbours.append(pages.tile_label(self.row, self.column + 1) + " →")
        if self.row + 1 < grid.rows:
            neighbours.append("↓ " + pages.tile_label(self.row + 1, self.column))
        draw_text(c, self.width, self.height - 12, "   ".join(neighbours), 9.0, MUTED_INK,
                  align="right", raw=True)


def fit_map_scale(layout: g.MapLayout, width: float, height: float, legend: bool = True) -> float:
    """Scale that fits the map under the heading (and above the legend, if wanted)."""
    legend_h = mapdraw.legend_height(width, "en") + 6 if legend else 0.0
    return min(width / layout.width, (height - 24 - legend_h) / layout.height, MAX_HANDOUT_SCALE)


def _map_flowables(service_map: ServiceMap, heading: str, frame_w: float, frame_h: float,
                   tile_scale: float | None, lang: str, warnings: list[str]) -> list[Flowable]:
    base = g.layout_map(service_map)
    if tile_scale is None:
        for legend in (True, False):  # the cover has the legend too: drop it before tiling
            legend_h = mapdraw.legend_height(frame_w, lang) + 6 if legend else 0.0
            layout, scale = g.best_fit_layout(service_map, frame_w, frame_h - 24 - legend_h,
                                              MAX_HANDOUT_SCALE, base)
            if scale >= g.MIN_SCALE:
                return [_MapWindow(layout, heading, lang, scale, legend=legend)]
    layout = base
    tile = tile_scale if tile_scale is not None else 1.0

    def grid_at(scale: float) -> pages.TileGrid:
        return pages.tile_grid(layout.width * scale, layout.height * scale, frame_w, frame_h - 24,
                               overlap=8 * mm)

    grid = grid_at(tile)
    if tile_scale is None and grid.count > HANDOUT_MAP_PAGES:
        # A handout stays a handout: shrink towards the smallest legible size, and past that
        # send the reader to the tiled poster, which prints a map of any size.
        while grid.count > HANDOUT_MAP_PAGES and tile * 0.9 >= g.MIN_SCALE:
            tile *= 0.9
            grid = grid_at(tile)
        if grid.count > HANDOUT_MAP_PAGES:
            message = tr("The map {name!r} is too large to print legibly in a handout ({count} pages at "
                         "the smallest legible size); print it as a tiled poster instead (Export PDF, "
                         "Poster, tiled).", lang).format(name=service_map.name, count=grid.count)
            warnings.append(message)
            return [_Heading(heading), _Lines(message)]
    if grid.count > 1:
        warnings.append(tr("The map {name!r} is too large for one page and is printed across "
                           "{count} pages.", lang).format(name=service_map.name, count=grid.count))
    result: list[Flowable] = []
    for row in range(grid.rows):
        for column in range(grid.columns):
            if result:
                result.append(PageBreak())
            result.append(_MapWindow(layout, heading, lang, tile, grid, row, column))
    return result


# -- the card table ------------------------------------------------------------------

_TABLE_COLUMNS = ("Stage", "Lane", "Kind", "Text", "Channel", "Emotion", "MOT", "Fail point",
                  "Wait", "Duration")
_FLEX = {0: 1.0, 1: 1.0, 3: 3.6}  # stage, lane and text share the width left by the others


def _longest_word(value: str) -> float:
    words = text.clean(value, keep_newlines=False).split() or [""]
    return max(text.text_width(word, TABLE_PT) for word in words)


def _column_widths(total: float, header: list[str], rows: list[list[str]]) -> list[float]:
    """Short columns as wide as their longest word; the rest shared by stage, lane and text."""
    widths = [0.0] * len(header)
    # Each distinct value measured once: 5,000 cards share a few hundred stage and lane names.
    values = [set(column) for column in zip(*rows)] if rows else [set() for _ in header]
    for index in range(len(header)):
        if index in _FLEX:
            continue
        longest = max([_longest_word(header[index])]
                      + [text.text_width(text.clean(value, keep_newlines=False), TABLE_PT)
                         for value in values[index]])
        widths[index] = min(90.0, max(24.0, longest + 2 * CELL_PAD + 1))
    rest = total - sum(widths)
    weight = sum(_FLEX.values())
    for index, share in _FLEX.items():
        longest = max(_longest_word(value) for value in values[index]) if rows and index != 3 else 0.0
        widths[index] = max(44.0, min(100.0, longest + 2 * CELL_PAD + 1), rest * share / weight)
    excess = sum(widths) - total
    if excess > 0:
        widths[3] = max(60.0, widths[3] - excess)
    return widths


def _card_cells(card: Card, service_map: ServiceMap, lang: str) -> list[str]:
    # Stages and lanes are named in each row, shortened: the map and its headers show them whole.
    stage = shortened(service_map.stage(card.stage_id).name, NAME_IN_TABLE)
    lane = shortened(lane_name(service_map.lane(card.lane_id), lang), NAME_IN_TABLE)
    emotion = "" if card.emotion is None else _signed(card.emotion)
    return [stage, lane, f"{CARD_SYMBOL[card.kind]} {card_kind_name(card.kind, lang)}", card.text,
            channel_name(card.channel, lang), emotion, "★" if card.moment_of_truth else "",
            "Ⓕ" if card.fail_point and text.has_glyph("Ⓕ") else ("F" if card.fail_point else ""),
            format_minutes(card.wait_minutes), format_minutes(card.duration_minutes)]


def card_table(service_map: ServiceMap, width: float, lang: str) -> Flowable:
    header = [tr(name, lang) for name in _TABLE_COLUMNS]
    rows = [_card_cells(card, service_map, lang) for card in service_map.cards_in_reading_order()]
    if not rows:
        return _Lines(tr("This map has no cards yet.", lang))
    widths = _column_widths(width, header, rows)
    return _paged_table(header, rows, widths)


def _list_table(cards: list[Card], service_map: ServiceMap, width: float, lang: str) -> Flowable:
    if not cards:
        return _Lines(tr("None marked yet.", lang))
    widths = [width * 0.2, width * 0.18, width * 0.62]
    header = [tr("Stage", lang), tr("Lane", lang), tr("Text", lang)]
    rows = []
    for card in cards:
        extra = []
        if card.emotion is not None:
            extra.append(tr("emotion", lang) + " " + _signed(card.emotion))
        if card.fail_point:
            extra.append(tr("fail point", lang))
        if card.wait_minutes is not None:
            extra.append(tr("wait", lang) + " " + format_minutes(card.wait_minutes))
        # Named here, shown in full in "All cards": a page of text per card would repeat it
        body = shortened(card.text, LISTED_TEXT) + (f"\n({', '.join(extra)})" if extra else "")
        rows.append([shortened(service_map.stage(card.stage_id).name, NAME_IN_TABLE),
                     shortened(lane_name(service_map.lane(card.lane_id), lang), NAME_IN_TABLE), body])
    return _paged_table(header, rows, widths)


class _NotesPage(Flowable):
    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang

    def wrap(self, avail_w, avail_h):
        self.width, self.height = avail_w, avail_h - 1
        return self.width, self.height

    def draw(self):
        c = self.canv
        draw_text(c, 0, self.height - 16, tr("Notes", self.lang), 16.0, INK, bold=True)
        c.setStrokeColor(colour("#b8c0c8"))
        c.setLineWidth(0.5)
        y = self.height - 50
        while y > 10:
            c.line(0, y, self.width, y)
            y -= 24


def build(target, project: Project, maps: list[ServiceMap], paper: str, landscape: bool,
          tile_scale: float | None, lang: str, info: ProjectInfo, warnings: list[str],
          notes_pages: int = 2, preview: bool = False) -> int:
    """Build the handout; `preview` stops after the cover and the first map page (fast)."""
    text_size = pages.page_size(paper, landscape)
    map_size = pages.page_size(paper, True)
    title = info.title.strip() or tr("Workshop handout", lang)

    def frame(size, name):
        return Frame(MARGIN, MARGIN, size[0] - 2 * MARGIN, size[1] - 2 * MARGIN - HEADER_H,
                     id=name, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    doc = BaseDocTemplate(target, pagesize=text_size, title=title, creator="Blueprint Studio",
                          initialFontName=FONT, initialFontSize=10, pageCompression=1,
                          leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN)
    doc.addPageTemplates([
        PageTemplate("text", [frame(text_size, "text")], pagesize=text_size),
        PageTemplate("map", [frame(map_size, "map")], pagesize=map_size),
    ])
    text_w = text_size[0] - 2 * MARGIN
    map_w, map_h = map_size[0] - 2 * MARGIN, map_size[1] - 2 * MARGIN - HEADER_H
    text_h = text_size[1] - 2 * MARGIN - HEADER_H

    story: list[Flowable] = [_Section(title, numbered=False), _Cover(info, maps, lang)]
    for service_map in maps:
        name = service_map.name.strip() or map_kind_name(service_map.kind, lang)
        running = f"{title} · {name}"
        story += [NextPageTemplate("map"), PageBreak(), _Section(running)]
        story += _map_flowables(service_map, name, map_w, map_h, tile_scale, lang, warnings)
        if preview:
            story = story[:story.index(next(f for f in story if isinstance(f, _MapWindow))) + 1]
            break
        story += [NextPageTemplate("text"), PageBreak(), _Section(running),
                  _Heading(tr("All cards", lang) + " · " + name), card_table(service_map, text_w, lang),
                  Spacer(1, 14)]
        if any(card.emotion is not None for card in service_map.cards.values()) or g.shows_emotion(service_map):
            story += [KeepTogether([_Heading(tr("Emotion curve", lang)), EmotionChart(service_map, lang)]),
                      Spacer(1, 10)]
        ordered = service_map.cards_in_reading_order()
        sections = [
            (tr("Moments of truth", lang), [c for c in ordered if c.moment_of_truth]),
            (tr("Pain points and fail points", lang),
             [c for c in ordered if c.kind is CardKind.PAIN_POINT or c.fail_point]),
            (tr("Opportunities and ideas", lang),
             [c for c in ordered if c.kind in (CardKind.OPPORTUNITY, CardKind.IDEA)]),
        ]
        for heading, cards in sections:
            story += [_Heading(heading, 12.0, keep=True), _list_table(cards, service_map, text_w, lang),
                      Spacer(1, 12)]
        story += [_Heading(tr("Flow findings", lang), 12.0, keep=True),
                  findings_table(service_map, text_w, lang), Spacer(1, 12)]
        from .insight_pages import insight_flowables  # moments of truth, metrics, IPA

        story += insight_flowables(service_map, text_w, lang, running)
    if not preview:  # the concept-screening sheets, one section per screening
        from .screening_print import handout_sections
        story += handout_sections(project, text_w, text_h, title, lang, warnings)
    for _ in range(0 if preview else max(0, notes_pages)):
        story += [PageBreak(), _Section(title), _NotesPage(lang)]
    if not maps:
        story.append(_Lines(tr("The project has no maps yet.", lang)))
    del text_h
    doc.build(story, canvasmaker=_NumberedCanvas)
    return doc.page

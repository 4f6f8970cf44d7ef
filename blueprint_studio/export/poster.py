"""Posters: the whole map on one page, or at a chosen scale tiled across pages."""

from __future__ import annotations

from ..appearance import INK, MUTED_INK
from ..i18n import tr
from ..i18n.labels import map_kind_name
from ..model.entities import Project, ServiceMap
from . import geometry as g
from . import mapdraw, pages, text
from .draw import Transform, colour, draw_text
from .errors import ExportError

TITLE_PT = 14.0
SUBTITLE_PT = 9.0
MAX_POSTER_SCALE = 2.5  # beyond this a small map looks like a children's book


def map_title(project: Project, service_map: ServiceMap, lang: str) -> str:
    name = service_map.name.strip() or map_kind_name(service_map.kind, lang)
    title = project.info.title.strip()
    return f"{title} · {name}" if title else name


def draw_title(canvas, left: float, top: float, width: float, title: str, subtitle: str) -> float:
    """Title and a muted subtitle line at the top of a page; returns the height used."""
    draw_text(canvas, left, top - TITLE_PT, text.one_line(title, TITLE_PT, width), TITLE_PT, INK,
              bold=True, raw=True)
    if subtitle:
        draw_text(canvas, left, top - TITLE_PT - SUBTITLE_PT * 1.6,
                  text.one_line(subtitle, SUBTITLE_PT, width), SUBTITLE_PT, MUTED_INK, raw=True)
        return TITLE_PT + SUBTITLE_PT * 1.6 + 8
    return TITLE_PT + 8


def too_small_message(paper: str, scale: float, lang: str) -> str:
    smallest = scale * g.SMALLEST_FONT
    return tr("This map is too large to print legibly on one {paper} page (text would be "
              "{size:.1f} pt, the minimum is 7 pt); choose landscape or a larger paper, or tile it "
              "across pages at scale 1.0.", lang).format(paper=paper, size=smallest)


def one_page(canvas, project: Project, service_map: ServiceMap, size: tuple[float, float],
             paper: str, lang: str, warnings: list[str]) -> int:
    page_w, page_h = size
    margin = pages.MARGIN
    width = page_w - 2 * margin
    subtitle = _subtitle(project, service_map, lang)
    top = page_h - margin
    used = draw_title(canvas, margin, top, width, map_title(project, service_map, lang), subtitle)
    legend_h = mapdraw.legend_height(width, lang)
    area_h = page_h - 2 * margin - used - legend_h - 10
    layout, scale = g.best_fit_layout(service_map, width, area_h, MAX_POSTER_SCALE)
    if scale < g.MIN_SCALE:
        raise ExportError(too_small_message(paper, scale, lang))
    map_w = layout.width * scale
    origin_x = margin + (width - map_w) / 2
    t = Transform(origin_x, top - used, scale)
    mapdraw.draw_map(canvas, layout, t, lang)
    mapdraw.draw_legend(canvas, margin, margin + legend_h, width, lang)
    _footer(canvas, page_w, margin, project, lang)
    canvas.showPage()
    if any(box.truncated for box in layout.cards):
        warnings.append(tr("Some card texts were shortened on the poster; the handout's card "
                           "table gives them in full.", lang))
    return 1


def _subtitle(project: Project, service_map: ServiceMap, lang: str) -> str:
    parts = [map_kind_name(service_map.kind, lang)]
    for value in (project.info.organisation, project.info.group, project.info.date):
        if value.strip():
            parts.append(value.strip())
    return " · ".join(parts)


def _footer(canvas, page_w: float, margin: float, project: Project, lang: str) -> None:
    draw_text(canvas, page_w - margin, margin / 2, tr("Made with Blueprint Studio", lang), 7.0,
              MUTED_INK, align="right")


def check_tile_scale(scale: float, lang: str) -> None:
    if not (scale == scale) or scale <= 0 or scale > 20:
        raise ExportError(tr("The tiling scale must be a number between {low:.2f} and 20.", lang)
                          .format(low=g.MIN_SCALE))
    if scale < g.MIN_SCALE - 1e-9:
        raise ExportError(tr("At scale {scale:g} the text would be smaller than 7 pt; use a tiling "
                             "scale of at least {low:.2f}.", lang).format(scale=scale, low=g.MIN_SCALE))


def tiled(canvas, project: Project, service_map: ServiceMap, size: tuple[float, float],
          scale: float, lang: str, warnings: list[str], *, overview: bool = True,
          page_hook=None) -> int:
    """The map at `scale`, cut into overlapping pages with labels, cut and registration marks.

    Returns the number of pages. `page_hook(canvas)` runs on each page before showPage
    (the handout uses it for headers).
    """
    check_tile_scale(scale, lang)
    layout = g.layout_map(service_map)
    page_w, page_h = size
    margin = pages.MARGIN
    band = 22.0  # label strip above the content
    cell_w = page_w - 2 * margin
    cell_h = page_h - 2 * margin - band
    grid = pages.tile_grid(layout.width * scale, layout.height * scale, cell_w, cell_h)
    count = 0
    title = map_title(project, service_map, lang)
    thrifty = _thriftier_scale(layout, grid, scale)
    if thrifty is not None:
        smaller = pages.tile_grid(layout.width * thrifty, layout.height * thrifty, cell_w, cell_h)
        warnings.append(tr("At scale {scale:.2f} the poster would need {fewer} pages instead of "
                           "{count}.", lang).format(scale=thrifty, fewer=smaller.count, count=grid.count))
    if overview and grid.count > 1:
        _overview_page(canvas, layout, grid, size, title, lang, page_hook)
        count += 1
    for row in range(grid.rows):
        for column in range(grid.columns):
            _tile_page(canvas, layout, grid, row, column, size, scale, title, lang, band)
            if page_hook:
                page_hook(canvas)
            canvas.showPage()
            count += 1
    if any(box.truncated for box in layout.cards):
        warnings.append(tr("Some card texts were shortened on the poster; the handout's card "
                           "table gives them in full.", lang))
    return count


def _thriftier_scale(layout: g.MapLayout, grid: pages.TileGrid, scale: float) -> float | None:
    """A slightly smaller scale (within 12 %) that saves a row or column of pages, if any."""
    best = None
    for pages_needed, length, cell in ((grid.rows, layout.height, grid.cell_h),
                                       (grid.columns, layout.width, grid.cell_w)):
        if pages_needed < 2:
            continue
        fits = (pages_needed - 1) * (cell - grid.overlap) + grid.overlap
        candidate = int(fits / length * 100) / 100  # round down to 0.01
        if candidate >= scale * 0.88 and candidate >= g.MIN_SCALE:
            best = max(best or 0.0, candidate)
    return best


def _tile_page(canvas, layout: g.MapLayout, grid: pages.TileGrid, row: int, column: int,
               size: tuple[float, float], scale: float, title: str, lang: str, band: float) -> None:
    page_w, page_h = size
    margin = pages.MARGIN
    left, top = margin, page_h - margin - band
    ox, oy = grid.origin(row, column)
    content_w = min(grid.cell_w, grid.width - ox)
    content_h = min(grid.cell_h, grid.height - oy)
    canvas.saveState()
    clip = canvas.beginPath()
    clip.rect(left, top - content_h, content_w, content_h)
    canvas.clipPath(clip, stroke=0, fill=0)
    t = Transform(left - ox, top + oy, scale)
    view = g.Rect(ox / scale, oy / scale, content_w / scale, content_h / scale)
    mapdraw.draw_map(canvas, layout, t, lang, view=view)
    canvas.restoreState()
    pages.crop_marks(canvas, left, top - content_h, content_w, content_h)

    # Overlap zones: a faint tint and registration marks that coincide on both pages.
    ov = grid.overlap
    canvas.saveState()
    canvas.setStrokeColor(colour("#7b8794"))
    canvas.setLineWidth(0.4)
    canvas.setDash([3, 3])
    if column + 1 < grid.columns:
        canvas.line(left + content_w - ov, top, left + content_w - ov, top - content_h)
        pages.registration_mark(canvas, left + content_w - ov / 2, top - content_h / 2)
    if column > 0:
        canvas.line(left + ov, top, left + ov, top - content_h)
        pages.registration_mark(canvas, left + ov / 2, top - content_h / 2)
    if row + 1 < grid.rows:
        canvas.line(left, top - content_h + ov, left + content_w, top - content_h + ov)
        pages.registration_mark(canvas, left + content_w / 2, top - content_h + ov / 2)
    if row > 0:
        canvas.line(left, top - ov, left + content_w, top - ov)
        pages.registration_mark(canvas, left + content_w / 2, top - ov / 2)
    canvas.restoreState()

    label = pages.tile_label(row, column)
    draw_text(canvas, left, page_h - margin - 14, label, 14.0, INK, bold=True, raw=True)
    info = tr("Page {label} of {rows} × {columns} · scale {scale:g} · overlap {overlap} mm", lang).format(
        label=label, rows=grid.rows, columns=grid.columns, scale=scale, overlap=round(ov / 2.8346))
    info_x = left + text.text_width(label, 14.0) + 10
    draw_text(canvas, info_x, page_h - margin - 13,
              text.one_line(title + " · " + info, 8.0, page_w - margin - info_x), 8.0, MUTED_INK, raw=True)

    # Neighbours, in the margins: where each edge continues.
    nsize = 8.0
    if row > 0:
        draw_text(canvas, left + content_w / 2, top + 4, "↑ " + pages.tile_label(row - 1, column),
                  nsize, MUTED_INK, align="center", raw=True)
    if row + 1 < grid.rows:
        draw_text(canvas, left + content_w / 2, top - content_h - 12,
                  "↓ " + pages.tile_label(row + 1, column), nsize, MUTED_INK, align="center", raw=True)
    if column > 0:
        draw_text(canvas, 3, top - content_h / 2, "← " + pages.tile_label(row, column - 1), nsize,
                  MUTED_INK, raw=True)
    if column + 1 < grid.columns:
        draw_text(canvas, left + content_w + 4, top - content_h / 2 - 12,
                  pages.tile_label(row, column + 1) + " →", nsize, MUTED_INK, raw=True)


def _overview_page(canvas, layout: g.MapLayout, grid: pages.TileGrid, size: tuple[float, float],
                   title: str, lang: str, page_hook) -> None:
    """How the pages fit together: the map's shape with the page grid and labels."""
    page_w, page_h = size
    margin = pages.MARGIN
    width = page_w - 2 * margin
    used = draw_title(canvas, margin, page_h - margin, width, title,
                      tr("Assembly: {count} pages, {rows} rows × {columns} columns. Trim at the cut "
                         "marks, overlap the dashed strips and match the ⊕ marks.", lang).format(
                          count=grid.count, rows=grid.rows, columns=grid.columns))
    legend_h = mapdraw.legend_height(width, lang)
    area_h = page_h - 2 * margin - used - legend_h - 16
    scale_total = min(width / grid.width, area_h / grid.height)
    origin_x = margin + (width - grid.width * scale_total) / 2
    top = page_h - margin - used
    map_scale = scale_total * (grid.width / layout.width)
    mapdraw.draw_overview(canvas, layout, Transform(origin_x, top, map_scale))
    canvas.setStrokeColor(colour(INK))
    canvas.setLineWidth(0.8)
    for row in range(grid.rows):
        for column in range(grid.columns):
            ox, oy = grid.origin(row, column)
            w = min(grid.cell_w, grid.width - ox) * scale_total
            h = min(grid.cell_h, grid.height - oy) * scale_total
            x, y = origin_x + ox * scale_total, top - oy * scale_total
            canvas.rect(x, y - h, w, h, stroke=1, fill=0)
            label = pages.tile_label(row, column)
            label_size = max(7.0, min(20.0, h * 0.3, w * 0.3))
            draw_text(canvas, x + w / 2, y - h / 2 - label_size * 0.35, label, label_size, INK,
                      bold=True, align="center", raw=True)
    mapdraw.draw_legend(canvas, margin, margin + legend_h, width, lang)
    if page_hook:
        page_hook(canvas)
    canvas.showPage()

"""Blank templates to draw on by hand: a blueprint grid, or a journey map with an emotion grid."""

from __future__ import annotations

from ..appearance import GRID, INK, MUTED_INK
from ..i18n import tr
from ..i18n.labels import map_kind_name
from ..model.entities import Lane, Project, ServiceMap, Stage
from ..model.enums import LaneKind, MapKind
from ..model.factory import standard_lanes
from . import geometry as g
from . import mapdraw, pages
from .draw import Transform, colour, draw_text
from .errors import ExportError
from .poster import draw_title

DEFAULT_COLUMNS = 5
MAX_COLUMNS = 30


def blank_map(service_map: ServiceMap | None, style: MapKind, columns: int | None,
              lang: str) -> ServiceMap:
    """The empty map to print: the chosen map's stages (or N unnamed columns) and lanes."""
    if columns is not None:
        if not 1 <= columns <= MAX_COLUMNS:
            raise ExportError(tr("A blank template has 1 to {max} columns.", lang).format(max=MAX_COLUMNS))
        stages = [Stage(name="") for _ in range(columns)]
    elif service_map is not None and service_map.stages:
        stages = [Stage(name=stage.name) for stage in service_map.stages]
    else:
        stages = [Stage(name="") for _ in range(DEFAULT_COLUMNS)]
    if style is MapKind.BLUEPRINT:
        lanes = standard_lanes()
    elif service_map is not None and service_map.kind is MapKind.JOURNEY and service_map.lanes:
        lanes = [Lane(kind=lane.kind, name=lane.name) for lane in service_map.lanes]
    else:
        lanes = [
            Lane(kind=LaneKind.CUSTOMER),
            Lane(kind=LaneKind.CUSTOM, name=tr("Touchpoints", lang)),
            Lane(kind=LaneKind.CUSTOM, name=tr("Thoughts and feelings", lang)),
            Lane(kind=LaneKind.CUSTOM, name=tr("Pain points", lang)),
            Lane(kind=LaneKind.CUSTOM, name=tr("Opportunities", lang)),
        ]
    name = service_map.name if service_map is not None else ""
    return ServiceMap(name=name, kind=style, stages=stages, lanes=lanes, show_emotion_curve=True)


def draw_blank(canvas, project: Project, source: ServiceMap | None, style: MapKind,
               columns: int | None, size: tuple[float, float], lang: str) -> int:
    empty = blank_map(source, style, columns, lang)
    page_w, page_h = size
    margin = pages.MARGIN
    width = page_w - 2 * margin
    title = map_kind_name(style, lang)
    if empty.name.strip():
        title += " · " + empty.name.strip()
    used = draw_title(canvas, margin, page_h - margin, width, title, "")
    fields_h = _fill_in_fields(canvas, margin, page_h - margin - used, width, lang)
    top = page_h - margin - used - fields_h
    area_h = top - margin - 12
    with_band = style is MapKind.JOURNEY
    n_lanes = max(1, len(empty.lanes))
    band_h = 130.0  # room to draw the curve by hand
    probe = g.layout_map(empty, with_cards=False, emotion=with_band, band_h=band_h)
    fixed_h = probe.height - n_lanes * g.MIN_LANE_H  # headers, band and line labels
    lane_h = max(g.MIN_LANE_H, (area_h - fixed_h) / n_lanes)
    column_w = max(80.0, (width - g.HEADER_W) / max(1, len(empty.stages)))
    layout = g.layout_map(empty, with_cards=False, emotion=with_band, min_lane_h=lane_h,
                          column_width=column_w, band_h=band_h)
    scale = min(1.0, width / layout.width, area_h / layout.height)
    if scale < g.MIN_SCALE:
        raise ExportError(tr("Too many columns for this paper; choose fewer columns, a larger "
                             "paper or landscape.", lang))
    t = Transform(margin + (width - layout.width * scale) / 2, top, scale)
    mapdraw.draw_map(canvas, layout, t, lang, blank=True)
    draw_text(canvas, page_w - margin, margin / 2, tr("Made with Blueprint Studio", lang), 7.0,
              MUTED_INK, align="right")
    canvas.showPage()
    return 1


def _fill_in_fields(canvas, left: float, top: float, width: float, lang: str) -> float:
    """'Group ____  Date ____  Names ____' to fill in by hand; returns the height used."""
    size = 9.0
    labels = [tr("Group", lang), tr("Date", lang), tr("Names", lang)]
    shares = [0.25, 0.2, 0.55]
    x = left
    baseline = top - size - 6
    canvas.setStrokeColor(colour(GRID))
    canvas.setLineWidth(0.6)
    for label, share in zip(labels, shares):
        cell = width * share
        label_w = draw_text(canvas, x, baseline, label, size, INK)
        canvas.line(x + label_w + 4, baseline - 2, x + cell - 12, baseline - 2)
        x += cell
    return size + 18

"""Where everything of a map goes on paper, in points at scale 1 (pure geometry).

Coordinates run right (x) and down (y) from the map's top-left corner. Drawing code
scales and moves them onto a page; tiling cuts them into pages. Font sizes here are
the sizes at scale 1: a map may be printed at `scale` only if
`scale * SMALLEST_FONT >= text.MIN_PT`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..analysis.emotion import stage_emotions
from ..appearance import format_minutes
from ..model.entities import Card, ServiceMap
from ..model.enums import EMOTION_MAX, EMOTION_MIN, MapKind
from ..model.lines import LinePlacement, blueprint_lines, emotion_row_index
from ..geometry import Rect
from . import text

# Sizes at scale 1 (points).
HEADER_W = 100.0        # lane-header column
STAGE_HEADER_H = 34.0
EMOTION_BAND_H = 76.0
CELL_PAD = 6.0
CARD_GAP = 6.0
CARD_W = 132.0
CARD_PAD = 4.0
CARD_TEXT_PT = 9.0
CARD_LEADING = 11.0
CARD_BADGE_PT = 8.0
CARD_TOP_ROW = 11.0      # kind symbol and badges
CARD_MAX_LINES = 6
MIN_LANE_H = 46.0
LINE_LABEL_PT = 8.0
LINE_LABEL_H = 11.0      # kept free under a lane whose bottom is one of the three lines
STAGE_PT = 10.0
LANE_PT = 9.0
AXIS_PT = 8.0
CONNECTOR_PT = 8.0
SMALLEST_FONT = min(CARD_TEXT_PT, CARD_BADGE_PT, LINE_LABEL_PT, STAGE_PT, LANE_PT, AXIS_PT,
                    CONNECTOR_PT)
MIN_SCALE = text.MIN_PT / SMALLEST_FONT


@dataclass(slots=True)
class CardBox:
    card: Card
    rect: Rect
    lines: list[str]
    truncated: bool
    badges: list[tuple[str, str]]  # (badge kind, text): "mot", "fail", "wait", "emotion"


# How far from its route's segments an arrow can leave ink: line width, round joins and the
# arrowhead (6.5 long, 3 wide) stay within ARROW_INK; its label, centred on the middle
# segment, within LABEL_INK (at most 90 wide plus its white box, 1.2 lines high).
ARROW_INK = 4.0
LABEL_INK = (50.0, 12.0)


@dataclass(slots=True)
class ConnectorPath:
    points: list[tuple[float, float]]
    label: str
    bounds: Rect = field(init=False, compare=False, repr=False)  # what the route spans
    # Rectangles that hold all of its ink: each segment (widened), and its label.
    parts: tuple[Rect, ...] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Once per route, not once per route and page: a tiled map at the limits has
        # 10,000 arrows on hundreds of pages, most of them far from any one page although
        # their span (an L across many lanes) covers it.
        xs = [point[0] for point in self.points]
        ys = [point[1] for point in self.points]
        self.bounds = Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        pad = ARROW_INK
        parts = [Rect(min(ax, bx) - pad, min(ay, by) - pad, abs(bx - ax) + 2 * pad, abs(by - ay) + 2 * pad)
                 for (ax, ay), (bx, by) in zip(self.points, self.points[1:])]
        if self.label and len(self.points) >= 2:
            middle = len(self.points) // 2
            (mx, my), (nx, ny) = self.points[middle - 1], self.points[middle]
            half_w, half_h = LABEL_INK
            parts.append(Rect((mx + nx) / 2 - half_w, (my + ny) / 2 - half_h, 2 * half_w, 2 * half_h))
        self.parts = tuple(parts)

    def touches(self, view: Rect) -> bool:
        """Whether any of its ink may fall in `view` (and its span meets it, as always asked)."""
        return self.bounds.intersects(view) and any(part.intersects(view) for part in self.parts)


@dataclass(slots=True)
class MapLayout:
    service_map: ServiceMap
    width: float
    height: float
    columns: list[Rect]               # stage columns (below the headers: the lanes and the band)
    stage_headers: list[Rect]
    rows: list[Rect]                  # lanes (full width including the header)
    emotion_band: Rect | None
    stage_emotions: list[float | None]
    lines: list[tuple[LinePlacement, float]]  # line and its y
    cards: list[CardBox] = field(default_factory=list)
    connectors: list[ConnectorPath] = field(default_factory=list)
    # Where the cards and routes lie, by bucket size (see `visible`); built when first asked.
    _buckets: dict[float, tuple[dict, dict]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def grid_top(self) -> float:
        return self.rows[0].y if self.rows else self.height

    def visible(self, view: Rect) -> tuple[list[CardBox], list[ConnectorPath]]:
        """The cards and routes that touch `view`, in drawing order.

        A tiled map asks once per page: at the limits (5,000 cards, 10,000 arrows, hundreds
        of pages) testing every element on every page would cost more than drawing. So the
        elements are filed once into square buckets at least as large as a page, and a page
        looks only at the few buckets it overlaps.
        """
        size = 64.0
        while size < max(view.w, view.h):
            size *= 2
        filed = self._buckets.get(size)
        if filed is None:
            filed = self._buckets[size] = (_file(self.cards, size, lambda box: (box.rect,)),
                                           _file(self.connectors, size, lambda path: path.parts))
        cards, paths = filed
        return ([self.cards[i] for i in _near(cards, size, view) if self.cards[i].rect.intersects(view)],
                [self.connectors[i] for i in _near(paths, size, view) if self.connectors[i].touches(view)])


def _span(low: float, high: float, size: float) -> range:
    return range(math.floor(low / size), math.floor(high / size) + 1)


def _file(items: list, size: float, rects_of) -> dict[tuple[int, int], list[int]]:
    """Bucket (column, row) -> indexes of the items one of whose rectangles touches it."""
    buckets: dict[tuple[int, int], list[int]] = {}
    for index, item in enumerate(items):
        filed: set[tuple[int, int]] = set()
        for rect in rects_of(item):
            for column in _span(rect.x, rect.right, size):
                for row in _span(rect.y, rect.bottom, size):
                    filed.add((column, row))
        for key in filed:
            buckets.setdefault(key, []).append(index)
    return buckets


def _near(buckets: dict[tuple[int, int], list[int]], size: float, view: Rect) -> list[int]:
    """Indexes of the items filed in the buckets `view` touches, in their original order."""
    found: set[int] = set()
    for column in _span(view.x, view.right, size):
        for row in _span(view.y, view.bottom, size):
            found.update(buckets.get((column, row), ()))
    return sorted(found)


def shows_emotion(service_map: ServiceMap) -> bool:
    """The curve band is drawn where the map asks for it (as on screen), for a journey map
    always, for a blueprint only once some card has an emotion (paper is precious)."""
    if not service_map.show_emotion_curve:
        return False
    return service_map.kind is MapKind.JOURNEY or any(
        card.emotion is not None for card in service_map.cards.values())


def card_badges(card: Card) -> list[tuple[str, str]]:
    badges: list[tuple[str, str]] = []
    if card.moment_of_truth:
        badges.append(("mot", "★"))
    if card.fail_point:
        badges.append(("fail", "F"))
    if card.wait_minutes is not None:
        badges.append(("wait", "W " + format_minutes(card.wait_minutes)))
    if card.emotion is not None:
        badges.append(("emotion", f"{card.emotion:+d}" if card.emotion else "0"))
    return badges


def _card_height(lines: int) -> float:
    return CARD_PAD + CARD_TOP_ROW + max(1, lines) * CARD_LEADING + CARD_PAD - 2


def layout_map(service_map: ServiceMap, *, with_cards: bool = True,
               emotion: bool | None = None, min_lane_h: float = MIN_LANE_H,
               column_width: float | None = None, band_h: float = EMOTION_BAND_H) -> MapLayout:
    """Measure a map: columns, lanes, cards (wrapped text) and connector routes."""
    show_curve = shows_emotion(service_map) if emotion is None else emotion
    col_widths = []
    for stage in service_map.stages:
        width = column_width or (stage.width if stage.width else CARD_W + 2 * CELL_PAD)
        col_widths.append(max(width, 80.0))
    line_places = blueprint_lines(service_map)
    lanes_above_line = {placement.below_lane_index - 1 for placement in line_places}

    # Cards per cell, wrapped to their column.
    cells: dict[tuple[int, int], list[Card]] = {}
    if with_cards:
        stage_pos = {s.id: i for i, s in enumerate(service_map.stages)}
        lane_pos = {lane.id: i for i, lane in enumerate(service_map.lanes)}
        for card in service_map.cards.values():
            key = (stage_pos.get(card.stage_id, -1), lane_pos.get(card.lane_id, -1))
            if key[0] >= 0 and key[1] >= 0:
                cells.setdefault(key, []).append(card)
        for cell in cells.values():
            cell.sort(key=lambda c: c.order)

    wrapped: dict[str, tuple[list[str], bool]] = {}
    lane_heights: list[float] = []
    for lane_index, _lane in enumerate(service_map.lanes):
        tallest = 0.0
        for stage_index, col_w in enumerate(col_widths):
            inner = col_w - 2 * CELL_PAD - 2 * CARD_PAD
            total = 0.0
            for card in cells.get((stage_index, lane_index), []):
                lines, cut = text.fit(card.text, CARD_TEXT_PT, inner, CARD_MAX_LINES)
                wrapped[card.id] = (lines, cut)
                total += _card_height(len(lines)) + CARD_GAP
            tallest = max(tallest, total - CARD_GAP if total else 0.0)
        height = max(min_lane_h, tallest + 2 * CELL_PAD)
        if lane_index in lanes_above_line:
            height += LINE_LABEL_H
        lane_heights.append(height)

    width = HEADER_W + sum(col_widths)
    # The band sits where the canvas puts the emotion row (model.lines: above the customer lane).
    band_at = emotion_row_index(service_map) if show_curve else None
    band = None
    rows = []
    y = STAGE_HEADER_H
    for index, lane_h in enumerate(lane_heights):
        if index == band_at:
            band = Rect(0.0, y, width, band_h)
            y += band_h
        rows.append(Rect(0.0, y, width, lane_h))
        y += lane_h
    if band_at is not None and band is None:  # a map without lanes: the band alone
        band = Rect(0.0, y, width, band_h)
        y += band_h
    height = y if service_map.lanes else y + MIN_LANE_H

    columns, headers = [], []
    x = HEADER_W
    for col_w in col_widths:
        headers.append(Rect(x, 0.0, col_w, STAGE_HEADER_H))
        columns.append(Rect(x, STAGE_HEADER_H, col_w, height - STAGE_HEADER_H))
        x += col_w

    lines = [(placement, rows[placement.below_lane_index].y) for placement in line_places]
    layout = MapLayout(service_map, width, height, columns, headers, rows, band,
                       stage_emotions(service_map), lines)

    for (stage_index, lane_index), cell in cells.items():
        column, row = columns[stage_index], rows[lane_index]
        y = row.y + CELL_PAD
        for card in cell:
            lines_, cut = wrapped[card.id]
            card_h = _card_height(len(lines_))
            rect = Rect(column.x + CELL_PAD, y, column.w - 2 * CELL_PAD, card_h)
            layout.cards.append(CardBox(card, rect, lines_, cut, card_badges(card)))
            y += card_h + CARD_GAP
    if with_cards:
        layout.connectors = route_connectors(layout)
    return layout


def route_connectors(layout: MapLayout) -> list[ConnectorPath]:
    """Orthogonal routes: out of a card's side, along the gutter before the target column."""
    boxes = {box.card.id: box for box in layout.cards}
    stage_pos = {s.id: i for i, s in enumerate(layout.service_map.stages)}
    paths = []
    used_tracks: dict[float, int] = {}

    def track(x: float) -> float:
        """Spread routes that share a gutter over separate tracks so they stay distinguishable."""
        count = used_tracks.get(x, 0)
        used_tracks[x] = count + 1
        return x + _TRACKS[count % len(_TRACKS)]

    for connector in layout.service_map.connectors.values():
        source, target = boxes.get(connector.source_id), boxes.get(connector.target_id)
        if source is None or target is None:
            continue
        s, t = source.rect, target.rect
        s_col, t_col = stage_pos[source.card.stage_id], stage_pos[target.card.stage_id]
        sy, ty = s.y + s.h / 2, t.y + t.h / 2
        if t_col > s_col:
            gutter = track(layout.columns[t_col].x)
            points = [(s.right, sy), (gutter, sy), (gutter, ty), (t.x, ty)]
        elif t_col < s_col:
            gutter = track(layout.columns[t_col].right)
            points = [(s.x, sy), (gutter, sy), (gutter, ty), (t.right, ty)]
        elif t.y > s.y:  # same column, below: straight down
            x = s.x + s.w / 2
            points = [(x, s.bottom), (x, t.y)]
        else:  # same column, above: up along the right gutter
            gutter = track(layout.columns[s_col].right)
            points = [(s.right, sy), (gutter, sy), (gutter, ty), (t.right, ty)]
        paths.append(ConnectorPath(_simplify(points), connector.label))
    return paths


_TRACKS = (0.0, -2.5, 2.5, -4.5, 4.5, -1.2, 1.2, -3.5, 3.5)  # offsets within a 12 pt gutter


def _simplify(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Drop repeated points so a straight route has two points."""
    result = [points[0]]
    for point in points[1:]:
        if abs(point[0] - result[-1][0]) > 0.01 or abs(point[1] - result[-1][1]) > 0.01:
            result.append(point)
    return result


def emotion_y(band: Rect, value: float) -> float:
    """y of an emotion value inside the band (+2 at the top)."""
    inner_top = band.y + band.h * 0.16
    inner_h = band.h * 0.72
    return inner_top + (EMOTION_MAX - value) / (EMOTION_MAX - EMOTION_MIN) * inner_h


def best_fit_layout(service_map: ServiceMap, width: float, height: float,
                    max_scale: float, base: MapLayout | None = None) -> tuple[MapLayout, float]:
    """The layout (column width) that prints largest in a width x height area, and its scale.

    Wider columns wrap card text into fewer lines, so a map that is too tall for a
    landscape page often fits once its columns use the spare width.
    """
    def scale_of(layout: MapLayout) -> float:
        return min(width / layout.width, height / layout.height, max_scale)

    best = base if base is not None else layout_map(service_map)
    best_scale = scale_of(best)
    if len(service_map.cards) > 400 or not service_map.stages:
        return best, best_scale  # large maps get tiled anyway; keep export fast
    room_per_column = (width / max(best_scale, MIN_SCALE) - HEADER_W) / len(service_map.stages)
    narrower = (120.0, 104.0) if width / best.width < height / best.height else ()
    for column_width in narrower + (170.0, 200.0, 240.0, 280.0, 330.0):
        if column_width > room_per_column:
            break
        candidate = layout_map(service_map, column_width=column_width)
        candidate_scale = scale_of(candidate)
        if candidate_scale > best_scale + 0.01:
            best, best_scale = candidate, candidate_scale
    return best, best_scale

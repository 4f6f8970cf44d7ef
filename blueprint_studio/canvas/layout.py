"""Where everything sits on the canvas, computed from the model alone (no Qt).

Columns are stages, rows are lanes (plus the emotion row when the map shows its curve).
Cells grow to fit their cards, so cards never overlap; a wider column (Stage.width) lets the
cards of a cell sit side by side. The scene asks for a new layout after each change and only
moves the items whose rectangles changed, so a relayout stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..model.entities import Card, ServiceMap
from ..model.enums import LineKind
from ..model.lines import blueprint_lines, emotion_row_index
from ..geometry import Rect


@dataclass(frozen=True, slots=True)
class Metrics:
    """Sizes in scene units (1 unit = 1 logical pixel at 100 % zoom)."""

    lane_header_width: float = 184.0
    stage_header_height: float = 70.0
    card_width: float = 196.0
    card_gap: float = 10.0
    cell_padding: float = 12.0
    min_lane_height: float = 86.0
    line_band: float = 22.0        # room between lanes for a blueprint line and its label
    emotion_row_height: float = 116.0
    min_card_width: float = 40.0

    @property
    def default_stage_width(self) -> float:
        return self.card_width + 2 * self.cell_padding


METRICS = Metrics()

# Measures a card's height for a given width (the scene measures wrapped text with Qt).
CardHeight = Callable[[Card, float], float]

EMOTION_ROW = "__emotion__"  # the id used for the emotion row in `rows`


@dataclass(frozen=True, slots=True)
class Row:
    lane_id: str            # EMOTION_ROW for the emotion curve's row
    y: float
    height: float

    @property
    def bottom(self) -> float:
        return self.y + self.height


@dataclass(frozen=True, slots=True)
class Column:
    stage_id: str
    x: float
    width: float

    @property
    def right(self) -> float:
        return self.x + self.width


@dataclass(slots=True)
class MapLayout:
    metrics: Metrics
    columns: list[Column] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    card_rects: dict[str, Rect] = field(default_factory=dict)
    lines: list[tuple[LineKind, float]] = field(default_factory=list)  # (kind, y)
    cell_cards: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    width: float = 0.0
    height: float = 0.0

    # -- look-ups ---------------------------------------------------------------
    def column(self, stage_id: str) -> Column | None:
        for column in self.columns:
            if column.stage_id == stage_id:
                return column
        return None

    def row(self, lane_id: str) -> Row | None:
        for row in self.rows:
            if row.lane_id == lane_id:
                return row
        return None

    @property
    def emotion_row(self) -> Row | None:
        return self.row(EMOTION_ROW)

    @property
    def grid_left(self) -> float:
        return self.metrics.lane_header_width

    @property
    def grid_top(self) -> float:
        return self.metrics.stage_header_height

    def column_index_at(self, x: float) -> int | None:
        for index, column in enumerate(self.columns):
            if column.x <= x < column.right:
                return index
        return None

    def lane_row_at(self, y: float) -> Row | None:
        """The lane row under y; a point in a line band belongs to the nearer lane."""
        lanes = [r for r in self.rows if r.lane_id != EMOTION_ROW]
        best: Row | None = None
        best_distance = float("inf")
        for row in lanes:
            if row.y <= y < row.bottom:
                return row
            distance = min(abs(y - row.y), abs(y - row.bottom))
            if distance < best_distance and distance <= self.metrics.line_band:
                best, best_distance = row, distance
        return best

    def cell_at(self, x: float, y: float) -> tuple[str, str] | None:
        """The (stage id, lane id) cell under a scene point, or None outside the grid."""
        index = self.column_index_at(x)
        row = self.lane_row_at(y)
        if index is None or row is None:
            return None
        return self.columns[index].stage_id, row.lane_id

    def cell_rect(self, stage_id: str, lane_id: str) -> Rect | None:
        column, row = self.column(stage_id), self.row(lane_id)
        if column is None or row is None:
            return None
        return Rect(column.x, row.y, column.width, row.height)

    def insertion_order(self, stage_id: str, lane_id: str, x: float, y: float,
                        ignore: Iterable[str] = ()) -> int:
        """The order a card dropped at (x, y) gets in the cell, skipping cards being dragged."""
        skip = set(ignore)
        order = 0
        for card_id in self.cell_cards.get((stage_id, lane_id), []):
            if card_id in skip:
                continue
            rect = self.card_rects[card_id]
            before = y < rect.y or (y <= rect.bottom and x < rect.cx)
            if before:
                return order
            order += 1
        return order


def compute_layout(service_map: ServiceMap, card_height: CardHeight,
                   metrics: Metrics = METRICS, show_emotion: bool | None = None) -> MapLayout:
    """`show_emotion` overrides the map's own choice for this drawing only (presentation
    mode shows or hides the curve without touching the model); None follows the map."""
    layout = MapLayout(metrics)
    pad, gap = metrics.cell_padding, metrics.card_gap

    # Columns: user width or automatic.
    x = metrics.lane_header_width
    for stage in service_map.stages:
        width = float(stage.width) if stage.width else metrics.default_stage_width
        layout.columns.append(Column(stage.id, x, width))
        x += width
    layout.width = x

    cells: dict[tuple[str, str], list[Card]] = {}
    for card in service_map.cards.values():
        cells.setdefault((card.stage_id, card.lane_id), []).append(card)
    for cards in cells.values():
        cards.sort(key=lambda c: c.order)

    # Arrange each cell relative to its top-left corner; measure the lane heights.
    column_of = {c.stage_id: c for c in layout.columns}
    relative: dict[str, Rect] = {}
    lane_height: dict[str, float] = {lane.id: metrics.min_lane_height for lane in service_map.lanes}
    for (stage_id, lane_id), cards in cells.items():
        column = column_of.get(stage_id)
        if column is None or lane_id not in lane_height:
            continue  # an invalid card: the validator reports it; never crash the view
        inner = max(column.width - 2 * pad, metrics.min_card_width)
        card_w = min(metrics.card_width, inner)
        per_row = max(1, int((inner + gap) // (card_w + gap)))
        per_row = min(per_row, len(cards))
        block_w = per_row * card_w + (per_row - 1) * gap
        left = float(round(max(pad, (column.width - block_w) / 2)))  # whole pixels: crisp edges
        top = pad
        for start in range(0, len(cards), per_row):
            chunk = cards[start:start + per_row]
            heights = [card_height(card, card_w) for card in chunk]
            for slot, (card, h) in enumerate(zip(chunk, heights)):
                relative[card.id] = Rect(left + slot * (card_w + gap), top, card_w, h)
            top += max(heights) + gap
        layout.cell_cards[(stage_id, lane_id)] = [c.id for c in cards]
        lane_height[lane_id] = max(lane_height[lane_id], top - gap + pad)

    # Rows top to bottom, with a band before each lane that has a blueprint line above it.
    lines_above = {p.below_lane_index: p.kind for p in blueprint_lines(service_map)}
    shown = service_map.show_emotion_curve if show_emotion is None else show_emotion
    emotion_at = emotion_row_index(service_map) if shown else None
    y = metrics.stage_header_height
    for index, lane in enumerate(service_map.lanes):
        if index == emotion_at:
            layout.rows.append(Row(EMOTION_ROW, y, metrics.emotion_row_height))
            y += metrics.emotion_row_height
        if index in lines_above:
            layout.lines.append((lines_above[index], y + metrics.line_band / 2))
            y += metrics.line_band
        layout.rows.append(Row(lane.id, y, lane_height[lane.id]))
        y += lane_height[lane.id]
    if emotion_at is not None and not service_map.lanes:
        layout.rows.append(Row(EMOTION_ROW, y, metrics.emotion_row_height))
        y += metrics.emotion_row_height
    layout.height = y

    row_of = {r.lane_id: r for r in layout.rows}
    for card_id, rect in relative.items():
        card = service_map.cards[card_id]
        column, row = column_of[card.stage_id], row_of[card.lane_id]
        layout.card_rects[card_id] = Rect(round(column.x + rect.x), round(row.y + rect.y), rect.w, rect.h)
    return layout

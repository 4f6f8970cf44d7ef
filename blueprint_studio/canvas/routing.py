"""Orthogonal routes for arrows between cards (pure Python).

Cells keep a padding free of cards, so the boundaries between columns and between lanes are
"streets" an arrow can follow without crossing a card. A route tries the short shapes first
(straight, one bend through the nearest street) and falls back to running along the lane
boundary when a shorter shape would cross another card.
"""

from __future__ import annotations

from bisect import bisect_right
from zlib import crc32

from .layout import EMOTION_ROW, MapLayout, Rect

Point = tuple[float, float]


class Router:
    """Routes for one layout; build a new one after each relayout."""

    def __init__(self, layout: MapLayout, card_cells: dict[str, tuple[int, int]]) -> None:
        self.layout = layout
        self._col_x = [c.x for c in layout.columns]
        self._row_y = [r.y for r in layout.rows]
        self._row_index = {r.lane_id: i for i, r in enumerate(layout.rows)}
        self._card_cells = card_cells  # card id -> (column index, row index)
        self._cells: dict[tuple[int, int], list[tuple[str, Rect]]] = {}
        for card_id, cell in card_cells.items():
            rect = layout.card_rects.get(card_id)
            if rect is not None:
                self._cells.setdefault(cell, []).append((card_id, rect))

    @classmethod
    def for_layout(cls, layout: MapLayout, card_cells_by_id: dict[str, tuple[str, str]]) -> "Router":
        column_index = {c.stage_id: i for i, c in enumerate(layout.columns)}
        row_index = {r.lane_id: i for i, r in enumerate(layout.rows)}
        cells = {}
        for card_id, (stage_id, lane_id) in card_cells_by_id.items():
            if stage_id in column_index and lane_id in row_index:
                cells[card_id] = (column_index[stage_id], row_index[lane_id])
        return cls(layout, cells)

    # -- obstacle tests ---------------------------------------------------------
    def _span(self, starts: list[float], low: float, high: float) -> range:
        first = max(0, bisect_right(starts, low) - 1)
        last = max(0, bisect_right(starts, high) - 1)
        return range(first, last + 1)

    def _blocked(self, a: Point, b: Point, skip: tuple[str, str]) -> bool:
        if not self._col_x or not self._row_y:
            return False
        x1, x2 = sorted((a[0], b[0]))
        y1, y2 = sorted((a[1], b[1]))
        for ci in self._span(self._col_x, x1, x2):
            for ri in self._span(self._row_y, y1, y2):
                for card_id, r in self._cells.get((ci, ri), ()):
                    if card_id in skip:
                        continue
                    # Touching a card's margin is fine; crossing its body is not.
                    if x1 < r.right - 2 and x2 > r.x + 2 and y1 < r.bottom - 2 and y2 > r.y + 2:
                        return True
        return False

    def _clear(self, points: list[Point], skip: tuple[str, str]) -> bool:
        return not any(self._blocked(points[i], points[i + 1], skip) for i in range(len(points) - 1))

    # -- routes ---------------------------------------------------------------------
    def route(self, connector_id: str, source_id: str, target_id: str,
              source: Rect | None = None, target: Rect | None = None) -> list[Point]:
        """Points of an orthogonal polyline from the source card to the target card."""
        s = source or self.layout.card_rects[source_id]
        t = target or self.layout.card_rects[target_id]
        skip = (source_id, target_id)
        # Spread arrows sharing a street a few units apart so they stay distinguishable.
        offset = (crc32(connector_id.encode()) % 5 - 2) * 2.5
        s_cell = self._card_cells.get(source_id)
        t_cell = self._card_cells.get(target_id)
        if s_cell is None or t_cell is None:
            return simple_route(s, t)
        (s_col, s_row), (t_col, t_row) = s_cell, t_cell
        columns, rows = self.layout.columns, self.layout.rows
        candidates: list[list[Point]] = []
        if s_col != t_col:
            forward = t_col > s_col
            sx = s.right if forward else s.x
            tx = t.x if forward else t.right
            sy, ty = s.cy, t.cy
            if max(s.y, t.y) + 8 < min(s.bottom, t.bottom) - 8 and s_row == t_row:
                y = (max(s.y, t.y) + min(s.bottom, t.bottom)) / 2
                candidates.append([(sx, y), (tx, y)])
            near_source = (columns[s_col].right if forward else columns[s_col].x) + offset
            near_target = (columns[t_col].x if forward else columns[t_col].right) + offset
            candidates.append([(sx, sy), (near_target, sy), (near_target, ty), (tx, ty)])
            candidates.append([(sx, sy), (near_source, sy), (near_source, ty), (tx, ty)])
            # Along the lane boundary on the target's side of the source lane.
            row = rows[s_row]
            street = (row.bottom if ty > sy else row.y) + offset
            candidates.append([(sx, sy), (near_source, sy), (near_source, street),
                               (near_target, street), (near_target, ty), (tx, ty)])
        else:
            down = t.cy >= s.cy
            sy = s.bottom if down else s.y
            ty = t.y if down else t.bottom
            if s_row != t_row:
                boundary = rows[s_row].bottom if down else rows[s_row].y
            else:
                boundary = (sy + ty) / 2
            if abs(s.cx - t.cx) < 1:
                candidates.append([(s.cx, sy), (t.cx, ty)])
            else:
                candidates.append([(s.cx, sy), (s.cx, boundary), (t.cx, boundary), (t.cx, ty)])
            # Down the left street of the column.
            street = columns[s_col].x + max(4.0, self.layout.metrics.cell_padding / 2 + offset)
            candidates.append([(s.x, s.cy), (street, s.cy), (street, t.cy), (t.x, t.cy)])
        for points in candidates:
            if self._clear(points, skip):
                return points
        return candidates[-1]


def simple_route(s: Rect, t: Rect) -> list[Point]:
    """A quick route without obstacle checks, used while a card is being dragged."""
    if t.x >= s.right:
        mid = (s.right + t.x) / 2
        return [(s.right, s.cy), (mid, s.cy), (mid, t.cy), (t.x, t.cy)]
    if t.right <= s.x:
        mid = (s.x + t.right) / 2
        return [(s.x, s.cy), (mid, s.cy), (mid, t.cy), (t.right, t.cy)]
    if t.cy >= s.cy:
        mid = (s.bottom + t.y) / 2
        return [(s.cx, s.bottom), (s.cx, mid), (t.cx, mid), (t.cx, t.y)]
    mid = (s.y + t.bottom) / 2
    return [(s.cx, s.y), (s.cx, mid), (t.cx, mid), (t.cx, t.bottom)]


__all__ = ["EMOTION_ROW", "Router", "simple_route"]

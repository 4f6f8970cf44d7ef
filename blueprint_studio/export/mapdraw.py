"""Draw a measured map (see `geometry`) onto a PDF page: what the canvas shows, in vector."""

from __future__ import annotations

from ..appearance import (
    CARD_ACCENT, CARD_FILL, CARD_SYMBOL, EMOTION_COLOUR, GRID, INK, LANE_TINT, LINE_COLOUR,
    LINE_DASH, MUTED_INK,
)
from ..i18n import tr
from ..i18n.labels import card_kind_name, lane_name, line_name, map_kind_name
from ..model.enums import EMOTION_MAX, EMOTION_MIN, CardKind, LineKind
from . import geometry as g
from . import text
from .draw import Transform, arrow_head, colour, draw_text, emotion_face

HEADER_FILL = "#eef1f4"
CONNECTOR_INK = "#4a5561"
MOT_INK = "#9a6b00"
FAIL_INK = "#c0392b"
DIP_INK = "#c0392b"


def draw_map(canvas, layout: g.MapLayout, t: Transform, lang: str, *,
             view: g.Rect | None = None, blank: bool = False) -> None:
    """Draw the map; `view` (layout units) limits the work to what a tile shows."""
    canvas.saveState()
    _draw_lanes(canvas, layout, t, lang, view)
    _draw_stage_headers(canvas, layout, t, lang, view)
    if layout.emotion_band is not None:
        _draw_emotion_band(canvas, layout, t, lang, blank=blank, view=view)
    _draw_lines(canvas, layout, t, lang)
    if not blank:
        visible, paths = (layout.cards, layout.connectors) if view is None else layout.visible(view)
        _draw_connector_lines(canvas, paths, t)
        for box in visible:
            _draw_card(canvas, box, t)
        _draw_connector_heads(canvas, paths, t)
    canvas.restoreState()


def _draw_stage_headers(canvas, layout: g.MapLayout, t: Transform, lang: str,
                        view: g.Rect | None = None) -> None:
    s = t.scale
    size = g.STAGE_PT * s
    corner = g.Rect(0, 0, g.HEADER_W, g.STAGE_HEADER_H)
    canvas.setFillColor(colour(HEADER_FILL))
    canvas.setStrokeColor(colour(GRID))
    canvas.setLineWidth(0.6)
    canvas.rect(t.x(0), t.y(corner.bottom), t.d(layout.width), t.d(corner.h), stroke=1, fill=1)
    kind_label = map_kind_name(layout.service_map.kind, lang)
    draw_text(canvas, t.x(6), t.y(corner.h / 2 + 3), text.one_line(kind_label, g.LANE_PT * s,
              t.d(g.HEADER_W - 12)), g.LANE_PT * s, MUTED_INK, raw=True)
    for stage, rect in zip(layout.service_map.stages, layout.stage_headers):
        canvas.setStrokeColor(colour(GRID))
        canvas.line(t.x(rect.x), t.y(rect.y), t.x(rect.x), t.y(rect.bottom))
        if view is not None and not rect.intersects(view):
            continue  # its name lies inside the header, which this tile does not show
        lines, _ = text.fit(stage.name, size, t.d(rect.w - 10), 2)
        leading = size * 1.2
        first = t.y(rect.y + rect.h / 2) + (len(lines) - 1) * leading / 2 - size * 0.35
        for index, line in enumerate(lines):
            draw_text(canvas, t.x(rect.x + rect.w / 2), first - index * leading, line, size, INK,
                      bold=True, align="center", raw=True)


def _draw_lanes(canvas, layout: g.MapLayout, t: Transform, lang: str,
               view: g.Rect | None = None) -> None:
    s = t.scale
    size = g.LANE_PT * s
    for lane, row in zip(layout.service_map.lanes, layout.rows):
        tint = lane.colour or LANE_TINT[lane.kind]
        canvas.setFillColor(colour(_lighten(tint) if lane.colour else tint))
        canvas.setStrokeColor(colour(GRID))
        canvas.setLineWidth(0.6)
        canvas.rect(t.x(row.x), t.y(row.bottom), t.d(row.w), t.d(row.h), stroke=1, fill=1)
        canvas.setFillColor(colour(HEADER_FILL))
        canvas.rect(t.x(0), t.y(row.bottom), t.d(g.HEADER_W), t.d(row.h), stroke=1, fill=1)
        if view is not None and not g.Rect(0.0, row.y, g.HEADER_W, row.h).intersects(view):
            continue  # its name lies inside the lane's header, which this tile does not show
        max_lines = max(1, int((row.h - 8) / (g.LANE_PT * 1.2)))
        lines, _ = text.fit(lane_name(lane, lang), size, t.d(g.HEADER_W - 12), max_lines)
        leading = size * 1.2
        first = t.y(row.y + row.h / 2) + (len(lines) - 1) * leading / 2 - size * 0.35
        for index, line in enumerate(lines):
            draw_text(canvas, t.x(8), first - index * leading, line, size, INK, bold=True, raw=True)
    canvas.setStrokeColor(colour(GRID))
    canvas.setLineWidth(0.6)
    top = layout.stage_headers[0].y if layout.stage_headers else 0
    for column in layout.columns:
        canvas.line(t.x(column.x), t.y(top), t.x(column.x), t.y(layout.height))
    canvas.line(t.x(layout.width), t.y(0), t.x(layout.width), t.y(layout.height))


def _lighten(hex_value: str) -> str:
    """A custom lane colour as a pale tint, so dark text on it stays readable."""
    r, gg, b = (int(hex_value[i:i + 2], 16) for i in (1, 3, 5))
    mix = lambda v: int(v + (255 - v) * 0.82)  # noqa: E731 - tiny local helper
    return f"#{mix(r):02x}{mix(gg):02x}{mix(b):02x}"


def _draw_lines(canvas, layout: g.MapLayout, t: Transform, lang: str) -> None:
    size = g.LINE_LABEL_PT * t.scale
    for placement, y in layout.lines:
        ink = LINE_COLOUR[placement.kind]
        canvas.setStrokeColor(colour(ink))
        canvas.setLineWidth(max(1.2, 1.6 * t.scale))
        dash = LINE_DASH[placement.kind]
        canvas.setDash([d * t.scale for d in dash] if dash else [])
        canvas.line(t.x(0), t.y(y), t.x(layout.width), t.y(y))
        canvas.setDash([])
        label = text.one_line(line_name(placement.kind, lang), size, t.d(layout.width - g.HEADER_W - 12))
        draw_text(canvas, t.x(layout.width - 6), t.y(y - 3), label, size, ink, align="right", raw=True)


def _draw_emotion_band(canvas, layout: g.MapLayout, t: Transform, lang: str, *, blank: bool,
                       view: g.Rect | None = None) -> None:
    band = layout.emotion_band
    assert band is not None
    s = t.scale
    canvas.setFillColor(colour("#ffffff"))
    canvas.setStrokeColor(colour(GRID))
    canvas.setLineWidth(0.6)
    canvas.rect(t.x(band.x), t.y(band.bottom), t.d(band.w), t.d(band.h), stroke=1, fill=1)
    canvas.setFillColor(colour(HEADER_FILL))
    canvas.rect(t.x(0), t.y(band.bottom), t.d(g.HEADER_W), t.d(band.h), stroke=1, fill=1)
    size = g.LANE_PT * s
    lines, _ = text.fit(tr("Emotion curve", lang), size, t.d(g.HEADER_W - 44), 3)
    for index, line in enumerate(lines):
        draw_text(canvas, t.x(8), t.y(band.y + 16) - index * size * 1.2, line, size, INK,
                  bold=True, raw=True)
    axis = g.AXIS_PT * s
    for value in range(EMOTION_MIN, EMOTION_MAX + 1):
        y = g.emotion_y(band, value)
        canvas.setStrokeColor(colour("#9aa5b1" if value == 0 else "#dde1e5"))
        canvas.setLineWidth(0.8 if value == 0 else 0.5)
        canvas.setDash([] if value == 0 else [2 * s, 2 * s])
        canvas.line(t.x(g.HEADER_W), t.y(y), t.x(band.right), t.y(y))
        canvas.setDash([])
        draw_text(canvas, t.x(g.HEADER_W - 6), t.y(y) - axis * 0.35, _signed(value), axis,
                  MUTED_INK, align="right", raw=True)
        emotion_face(canvas, t.x(g.HEADER_W - 26), t.y(y), t.d(4.0), value, MUTED_INK)
    if blank:
        return
    points = []
    for column, value in zip(layout.columns, layout.stage_emotions):
        points.append(None if value is None else (column.x + column.w / 2, g.emotion_y(band, value), value))
    canvas.setStrokeColor(colour(INK))
    canvas.setLineWidth(max(1.0, 1.8 * s))
    previous = None
    for point in points:
        if point is not None and previous is not None:
            canvas.line(t.x(previous[0]), t.y(previous[1]), t.x(point[0]), t.y(point[1]))
        previous = point if point is not None else previous
    lowest = min((p[2] for p in points if p is not None), default=None)
    for point in points:
        if point is None:
            continue
        x, y, value = point
        if view is not None and not g.Rect(x - 10, y - 20, 220, 40).intersects(view):
            continue  # its marker and label (well inside this box) are off this tile
        dip = value < 0
        ink = EMOTION_COLOUR[max(EMOTION_MIN, min(EMOTION_MAX, round(value)))]
        if dip:  # dips: a downward triangle (shape, not only colour)
            r = t.d(5.5)
            path = canvas.beginPath()
            path.moveTo(t.x(x) - r, t.y(y) + r * 0.7)
            path.lineTo(t.x(x) + r, t.y(y) + r * 0.7)
            path.lineTo(t.x(x), t.y(y) - r)
            path.close()
            canvas.setFillColor(colour(ink))
            canvas.setStrokeColor(colour(INK))
            canvas.setLineWidth(0.6)
            canvas.drawPath(path, stroke=1, fill=1)
        else:
            canvas.setFillColor(colour(ink))
            canvas.setStrokeColor(colour(INK))
            canvas.setLineWidth(0.6)
            canvas.circle(t.x(x), t.y(y), t.d(3.6), stroke=1, fill=1)
        label = _signed_value(value)
        if dip and value == lowest:
            label += " " + tr("dip", lang)
        draw_text(canvas, t.x(x + 8), t.y(y) + (-axis * 1.2 if dip else axis * 0.5), label,
                  axis, DIP_INK if dip else MUTED_INK, bold=dip, raw=True)


def _signed(value: int) -> str:
    return f"+{value}" if value > 0 else ("−" + str(-value) if value < 0 else "0")


def _signed_value(value: float) -> str:
    if value == int(value):
        return _signed(int(value))
    return (f"+{value:.1f}" if value > 0 else "−" + f"{-value:.1f}")


def _draw_connector_lines(canvas, paths: list[g.ConnectorPath], t: Transform) -> None:
    canvas.setStrokeColor(colour(CONNECTOR_INK))
    canvas.setLineWidth(max(0.7, 0.9 * t.scale))
    canvas.setLineJoin(1)
    for path in paths:
        pdf_path = canvas.beginPath()
        first = path.points[0]
        pdf_path.moveTo(t.x(first[0]), t.y(first[1]))
        for x, y in path.points[1:-1]:
            pdf_path.lineTo(t.x(x), t.y(y))
        # stop short of the tip so the line does not poke through the arrowhead
        (ax, ay), (bx, by) = path.points[-2], path.points[-1]
        length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5 or 1.0
        back = min(4.0, length / 2)
        pdf_path.lineTo(t.x(bx - (bx - ax) / length * back), t.y(by - (by - ay) / length * back))
        canvas.drawPath(pdf_path, stroke=1, fill=0)


def _draw_connector_heads(canvas, paths: list[g.ConnectorPath], t: Transform) -> None:
    size = g.CONNECTOR_PT * t.scale
    for path in paths:
        (ax, ay), (bx, by) = path.points[-2], path.points[-1]
        arrow_head(canvas, t.x(bx), t.y(by), t.x(ax), t.y(ay), t.d(6.5), CONNECTOR_INK)
        if path.label:
            middle = len(path.points) // 2
            (mx, my), (nx, ny) = path.points[middle - 1], path.points[middle]
            label = text.one_line(path.label, size, t.d(90))
            width = text.text_width(label, size)
            cx, cy = t.x((mx + nx) / 2), t.y((my + ny) / 2)
            canvas.setFillColor(colour("#ffffff"))
            canvas.rect(cx - width / 2 - 2, cy - size * 0.45, width + 4, size * 1.2, stroke=0, fill=1)
            draw_text(canvas, cx, cy - size * 0.2, label, size, CONNECTOR_INK, align="center", raw=True)


def _draw_card(canvas, box: g.CardBox, t: Transform) -> None:
    s = t.scale
    card, rect = box.card, box.rect
    kind = card.kind
    fill = card.colour or CARD_FILL[kind]
    canvas.setFillColor(colour(fill))
    canvas.setStrokeColor(colour(CARD_ACCENT[kind]))
    canvas.setLineWidth(max(0.6, 0.9 * s))
    x0, top = t.x(rect.x), t.y(rect.y)
    canvas.roundRect(x0, t.y(rect.bottom), t.d(rect.w), t.d(rect.h), t.d(3), stroke=1, fill=1)
    if kind is CardKind.PAIN_POINT:  # a second, inner outline: pain points stand out in grey too
        inset = t.d(1.6)
        canvas.setLineWidth(max(0.4, 0.5 * s))
        canvas.roundRect(x0 + inset, t.y(rect.bottom) + inset, t.d(rect.w) - 2 * inset,
                         t.d(rect.h) - 2 * inset, t.d(2), stroke=1, fill=0)
    badge = g.CARD_BADGE_PT * s
    baseline = top - t.d(g.CARD_PAD + 8.0)
    symbol = text.clean(CARD_SYMBOL[kind])
    symbol_w = draw_text(canvas, x0 + t.d(g.CARD_PAD), baseline - t.d(0.8), symbol, badge * 1.35,
                         CARD_ACCENT[kind], raw=True)
    _draw_badges(canvas, box, t, t.x(rect.right - g.CARD_PAD), baseline,
                 x0 + t.d(g.CARD_PAD) + symbol_w + t.d(4))
    size = g.CARD_TEXT_PT * s
    y = top - t.d(g.CARD_PAD + g.CARD_TOP_ROW + 8.0)
    for line in box.lines:
        draw_text(canvas, x0 + t.d(g.CARD_PAD), y, line, size, INK, raw=True)
        y -= t.d(g.CARD_LEADING)


def _draw_badges(canvas, box: g.CardBox, t: Transform, right: float, baseline: float,
                 left_limit: float) -> None:
    """Badges right-aligned on the card's top row: ★, F in a circle, W + minutes, emotion."""
    s = t.scale
    size = g.CARD_BADGE_PT * s
    x = right
    for kind, label in reversed(box.badges):
        if kind == "mot":
            width = text.text_width("★", size * 1.15)
            if x - width < left_limit:
                break
            draw_text(canvas, x, baseline - t.d(0.5), "★", size * 1.15, MOT_INK, align="right", raw=True)
            x -= width + t.d(3)
        elif kind == "fail":
            r = t.d(5.6)
            if x - 2 * r < left_limit:
                break
            canvas.setFillColor(colour("#ffffff"))
            canvas.setStrokeColor(colour(FAIL_INK))
            canvas.setLineWidth(max(0.6, 0.9 * s))
            canvas.circle(x - r, baseline + size * 0.33, r, stroke=1, fill=1)
            draw_text(canvas, x - r, baseline, "F", size, FAIL_INK, bold=True, align="center", raw=True)
            x -= 2 * r + t.d(3)
        elif kind == "wait":
            room = x - left_limit - t.d(6)
            shown = label if text.text_width(label, size) <= room else "W"
            width = text.text_width(shown, size) + t.d(5)
            if x - width < left_limit:
                break
            canvas.setStrokeColor(colour(MUTED_INK))
            canvas.setFillColor(colour("#ffffff"))
            canvas.setLineWidth(max(0.5, 0.6 * s))
            canvas.roundRect(x - width, baseline - size * 0.3, width, size * 1.3, t.d(2), stroke=1, fill=1)
            draw_text(canvas, x - width / 2, baseline, shown, size, INK, align="center", raw=True)
            x -= width + t.d(3)
        elif kind == "emotion":
            value = box.card.emotion or 0
            number = _signed(value)
            width = text.text_width(number, size) + t.d(11)
            if x - width < left_limit:
                break
            draw_text(canvas, x, baseline, number, size, EMOTION_COLOUR[value], align="right", raw=True)
            emotion_face(canvas, x - width + t.d(4.5), baseline + size * 0.33, t.d(4.3), value,
                         EMOTION_COLOUR[value])
            x -= width + t.d(3)


# -- legend and overview -------------------------------------------------------------

LEGEND_PT = 8.0


def legend_entries(lang: str) -> list[tuple[str, str, object]]:
    """(kind, label, detail) for the legend: card kinds, badges and the three lines."""
    entries: list[tuple[str, str, object]] = []
    for kind in CardKind:
        entries.append(("card", card_kind_name(kind, lang), kind))
    entries.append(("mot", tr("Moment of truth", lang), None))
    entries.append(("fail", tr("Fail point", lang), None))
    entries.append(("wait", tr("Wait", lang), None))
    entries.append(("emotion", tr("Emotion", lang), None))
    for line in LineKind:
        entries.append(("line", line_name(line, lang), line))
    return entries


def _legend_item_width(entry, size: float) -> float:
    kind, label, _ = entry
    sample = 26.0 if kind == "line" else 14.0
    return sample + text.text_width(text.clean(label), size) + 14.0


def legend_height(width: float, lang: str, size: float = LEGEND_PT) -> float:
    rows, x = 1, 0.0
    for entry in legend_entries(lang):
        item = _legend_item_width(entry, size)
        if x and x + item > width:
            rows += 1
            x = 0.0
        x += item
    return rows * size * 2.0


def draw_legend(canvas, left: float, top: float, width: float, lang: str,
                size: float = LEGEND_PT) -> float:
    """Draw the legend in rows from (left, top) downwards; returns the height used."""
    row_h = size * 2.0
    x, y = left, top - size * 1.3
    for entry in legend_entries(lang):
        kind, label, detail = entry
        item = _legend_item_width(entry, size)
        if x > left and x + item > left + width:
            x = left
            y -= row_h
        if kind == "card":
            canvas.setFillColor(colour(CARD_FILL[detail]))
            canvas.setStrokeColor(colour(CARD_ACCENT[detail]))
            canvas.setLineWidth(0.6)
            canvas.roundRect(x, y - size * 0.35, size * 1.4, size * 1.4, 1.5, stroke=1, fill=1)
            draw_text(canvas, x + size * 0.7, y, text.clean(CARD_SYMBOL[detail]), size * 0.9,
                      CARD_ACCENT[detail], align="center", raw=True)
            offset = 14.0
        elif kind == "mot":
            draw_text(canvas, x, y, "★", size * 1.15, MOT_INK, raw=True)
            offset = 14.0
        elif kind == "fail":
            canvas.setStrokeColor(colour(FAIL_INK))
            canvas.setFillColor(colour("#ffffff"))
            canvas.circle(x + 5.5, y + size * 0.33, 5.5, stroke=1, fill=1)
            draw_text(canvas, x + 5.5, y, "F", size, FAIL_INK, bold=True, align="center", raw=True)
            offset = 14.0
        elif kind == "wait":
            draw_text(canvas, x, y, "W", size, INK, bold=True, raw=True)
            offset = 14.0
        elif kind == "emotion":
            emotion_face(canvas, x + 5, y + size * 0.33, 4.5, 1, MUTED_INK)
            offset = 14.0
        else:
            canvas.setStrokeColor(colour(LINE_COLOUR[detail]))
            canvas.setLineWidth(1.6)
            canvas.setDash(list(LINE_DASH[detail]) or [])
            canvas.line(x, y + size * 0.33, x + 22, y + size * 0.33)
            canvas.setDash([])
            offset = 26.0
        draw_text(canvas, x + offset, y, label, size, INK)
        x += item
    return top - y + size * 0.7


def draw_overview(canvas, layout: g.MapLayout, t: Transform) -> None:
    """The map as shapes only (no text): for assembly diagrams drawn too small to read."""
    canvas.saveState()
    canvas.setStrokeColor(colour(GRID))
    canvas.setLineWidth(0.4)
    canvas.setFillColor(colour(HEADER_FILL))
    canvas.rect(t.x(0), t.y(layout.height), t.d(layout.width), t.d(layout.height), stroke=1, fill=1)
    for row in layout.rows:
        canvas.setFillColor(colour(LANE_TINT[layout.service_map.lanes[layout.rows.index(row)].kind]))
        canvas.rect(t.x(g.HEADER_W), t.y(row.bottom), t.d(row.w - g.HEADER_W), t.d(row.h), stroke=1, fill=1)
    for placement, y in layout.lines:
        canvas.setStrokeColor(colour(LINE_COLOUR[placement.kind]))
        canvas.setLineWidth(1.0)
        canvas.line(t.x(0), t.y(y), t.x(layout.width), t.y(y))
    for box in layout.cards:
        canvas.setFillColor(colour(box.card.colour or CARD_FILL[box.card.kind]))
        canvas.setStrokeColor(colour(CARD_ACCENT[box.card.kind]))
        canvas.setLineWidth(0.3)
        r = box.rect
        canvas.rect(t.x(r.x), t.y(r.bottom), t.d(r.w), t.d(r.h), stroke=1, fill=1)
    canvas.restoreState()

"""The handout's emotion chart: stages on x, −2 … +2 on y, dips and moments of truth marked."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ..analysis.emotion import stage_emotions
from ..appearance import EMOTION_COLOUR, INK, MUTED_INK
from ..i18n import tr
from ..model.entities import ServiceMap
from ..model.enums import EMOTION_MAX, EMOTION_MIN
from . import mapdraw, text
from .draw import colour, draw_text, emotion_face
from .handout_tables import signed

class EmotionChart(Flowable):
    """Stages on x, −2 … +2 on y; dips (below 0) marked with ▼ and their value."""

    HEIGHT = 230.0

    def __init__(self, service_map: ServiceMap, lang: str):
        super().__init__()
        self.service_map, self.lang = service_map, lang

    def wrap(self, avail_w, avail_h):
        self.width, self.height = avail_w, self.HEIGHT
        return self.width, self.height

    def draw(self):
        c, lang = self.canv, self.lang
        values = stage_emotions(self.service_map)
        stages = self.service_map.stages
        left, right, top, bottom = 58.0, self.width - 8, self.height - 26, 62.0
        span = right - left
        step = span / max(1, len(stages))

        def y_of(value: float) -> float:
            return bottom + (value - EMOTION_MIN) / (EMOTION_MAX - EMOTION_MIN) * (top - bottom)

        for value in range(EMOTION_MIN, EMOTION_MAX + 1):
            y = y_of(value)
            c.setStrokeColor(colour("#9aa5b1" if value == 0 else "#dde1e5"))
            c.setLineWidth(0.8 if value == 0 else 0.5)
            c.line(left, y, right, y)
            label = f"+{value}" if value > 0 else ("−" + str(-value) if value < 0 else "0")
            draw_text(c, left - 24, y - 3, label, 8.0, MUTED_INK, align="right", raw=True)
            emotion_face(c, left - 12, y, 4.5, value, EMOTION_COLOUR[value])
        mot_stages = {card.stage_id for card in self.service_map.cards.values() if card.moment_of_truth}
        for index, stage in enumerate(stages):
            x = left + step * (index + 0.5)
            c.setStrokeColor(colour("#eef0f2"))
            c.line(x, bottom, x, top)
            lines, _ = text.fit(stage.name, 7.5, step - 4, 3)
            for n, line in enumerate(lines):
                draw_text(c, x, bottom - 22 - n * 9, line, 7.5, INK, align="center", raw=True)
            if stage.id in mot_stages:
                draw_text(c, x, top + 12, "★", 10.0, mapdraw.MOT_INK, align="center", raw=True)
        points = [(left + step * (i + 0.5), y_of(v), v) for i, v in enumerate(values) if v is not None]
        c.setStrokeColor(colour(INK))
        c.setLineWidth(1.8)
        for (x1, y1, _), (x2, y2, _) in zip(points, points[1:]):
            c.line(x1, y1, x2, y2)
        lowest = min((p[2] for p in points), default=None)
        for x, y, value in points:
            ink = EMOTION_COLOUR[max(EMOTION_MIN, min(EMOTION_MAX, round(value)))]
            c.setFillColor(colour(ink))
            c.setStrokeColor(colour(INK))
            c.setLineWidth(0.6)
            label = signed(value)
            if value < 0:
                path = c.beginPath()
                path.moveTo(x - 6, y + 4)
                path.lineTo(x + 6, y + 4)
                path.lineTo(x, y - 7)
                path.close()
                c.drawPath(path, stroke=1, fill=1)
                if value == lowest:
                    label += " " + tr("lowest point", lang)
                near_edge = x + 9 + text.text_width(text.clean(label), 8.0) > self.width
                draw_text(c, x - 9 if near_edge else x + 9, y - 10, label, 8.0, mapdraw.DIP_INK,
                          bold=True, align="right" if near_edge else "left", raw=True)
            else:
                c.circle(x, y, 4, stroke=1, fill=1)
                draw_text(c, x + 8, y + 6, label, 8.0, MUTED_INK, raw=True)
        if not points:
            draw_text(c, left + span / 2, (top + bottom) / 2, tr("No emotions recorded yet.", lang),
                      9.0, MUTED_INK, align="center")



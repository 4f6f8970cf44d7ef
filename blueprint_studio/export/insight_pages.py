"""The handout's pages on touchpoint evaluation, after each map's findings (issue 11):

- the ranked moments of truth: card, status, importance, lever, note and why proposed;
- the touchpoint metrics table: CSAT, CES and NPS with their n ("—" without data), the
  change from before to after, and each KPI before → after with its change and whether it is
  better;
- the importance–performance chart, drawn with reportlab: quadrants split at the means with
  their labels, the dots numbered, and a key naming each card and its quadrant.

A map without moments of truth, candidates, answers, ratings or KPIs gets none of these.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from ..analysis import metrics as m
from ..analysis.ipa import QUADRANT_LABELS, TIE_RULE, IpaResult, Quadrant, map_ipa
from ..analysis.moments import STATUS_NAMES, moments_of_truth
from ..appearance import INK, MUTED_INK
from ..i18n import tr
from ..model.entities import ServiceMap
from ..model.touchpoints import Metric
from ..naming import shortened
from . import text
from .draw import colour, draw_text

NAMED = 80  # characters of a card's text in these tables (shown in full in "All cards")
NONE = "—"

QUADRANT_FILL = {
    Quadrant.CONCENTRATE_HERE: "#fde2e1", Quadrant.KEEP_UP_THE_GOOD_WORK: "#e0f2e4",
    Quadrant.LOW_PRIORITY: "#eeeeee", Quadrant.POSSIBLE_OVERKILL: "#fff3d6",
}
QUADRANT_INK = {
    Quadrant.CONCENTRATE_HERE: "#c62828", Quadrant.KEEP_UP_THE_GOOD_WORK: "#2e7d32",
    Quadrant.LOW_PRIORITY: "#616161", Quadrant.POSSIBLE_OVERKILL: "#b26a00",
}


def has_evaluation(service_map: ServiceMap) -> bool:
    return bool(service_map.moments or service_map.answer_counts or service_map.ratings
                or service_map.kpis or moments_of_truth(service_map))


def insight_flowables(service_map: ServiceMap, width: float, lang: str, running: str) -> list[Flowable]:
    """The pages, starting on a new page; [] for a map with nothing to show."""
    from .handout import _Heading, _Section

    if not has_evaluation(service_map):
        return []
    story: list[Flowable] = [PageBreak(), _Section(running),
                             _Heading(tr("Moments of truth, ranked", lang), 12.0, keep=True),
                             moments_table(service_map, width, lang), Spacer(1, 12)]
    metrics_part = metrics_table(service_map, width, lang)
    if metrics_part is not None:
        story += [_Heading(tr("Touchpoint metrics", lang), 12.0, keep=True), metrics_part,
                  _legend(tr("CSAT: share of answers 4–5 (1–5 scale). CES: mean answer (1–7, "
                             "7 = it was easy). NPS: % of 9–10 minus % of 0–6. n: answers; "
                             "— : no answers. The value is from the latest phase with answers.",
                             lang)), Spacer(1, 12)]
    result = map_ipa(service_map)
    if result.points:
        names = {card.id: card.text for card in service_map.cards.values()}
        story += [KeepTogether([_Heading(tr("Importance–performance", lang), 12.0),
                                IpaChartFlowable(result, names, lang), Spacer(1, 6),
                                ipa_key(result, names, width, lang)])]
    return story


def _legend(value: str) -> Flowable:
    from .handout import _Lines

    return _Lines(value, 7.5)


def moments_table(service_map: ServiceMap, width: float, lang: str) -> Flowable:
    from .handout import _Lines, _paged_table

    ranked = moments_of_truth(service_map)
    if not ranked:
        return _Lines(tr("None proposed or confirmed yet.", lang))
    header = ["#", tr("Card", lang), tr("Status", lang), tr("Importance", lang),
              tr("Improvement lever", lang), tr("Note", lang), tr("Why", lang)]
    rows = []
    for number, moment in enumerate(ranked, start=1):
        card = service_map.cards[moment.card_id]
        rows.append([str(number), shortened(card.text, NAMED) or "…", tr(STATUS_NAMES[moment.status], lang),
                     str(moment.importance) if moment.importance else NONE,
                     moment.lever_name(lang) or NONE, moment.note or "", moment.reason_text(lang)])
    widths = [width * f for f in (0.04, 0.2, 0.1, 0.11, 0.15, 0.2, 0.2)]
    return _paged_table(header, rows, widths)


def _metric_cell(found: m.CardMetric, lang: str) -> str:
    if not found.shown.n:
        return NONE
    cell = f"{m.shown_number(found.metric, found.shown.value)}\nn = {found.shown.n}"
    if found.change is not None:
        cell += "\n" + tr("before {value}, change {change}", lang).format(
            value=m.shown_number(found.metric, found.before.value),
            change=m.shown_change(found.metric, found.change))
    return cell


def _kpi_cell(kpi, lang: str) -> str:
    change = m.kpi_change(kpi)
    line = f"{kpi.name or tr('KPI', lang)}: {m.shown_kpi(kpi.before, kpi.unit)} → {m.shown_kpi(kpi.after, kpi.unit)}"
    if change.verdict is not None:
        difference = f"{change.difference:+,.2f}".rstrip("0").rstrip(".")
        percent = f", {change.percent:+.1f} %" if change.percent is not None else ""
        verdict = {m.Verdict.BETTER: tr("better", lang), m.Verdict.WORSE: tr("worse", lang),
                   m.Verdict.SAME: tr("no change", lang)}[change.verdict]
        line += f" ({difference}{percent}; {verdict})"
    return line


def metrics_table(service_map: ServiceMap, width: float, lang: str) -> Flowable | None:
    """One row per card with answers or KPIs, in reading order; None when there is none."""
    from .handout import _paged_table

    with_data = m.cards_with_answers(service_map) | {kpi.card_id for kpi in service_map.kpis}
    index = m.answer_index(service_map)
    kpis_by_card: dict[str, list] = {}
    for kpi in service_map.kpis:
        kpis_by_card.setdefault(kpi.card_id, []).append(kpi)
    rows = []
    for card in service_map.cards_in_reading_order():
        if card.id not in with_data:
            continue
        found = m.card_metrics(service_map, card.id, index=index)
        kpis = "\n".join(_kpi_cell(kpi, lang) for kpi in kpis_by_card.get(card.id, []))
        rows.append([shortened(card.text, NAMED) or "…", *(_metric_cell(found[x], lang) for x in
                                                        (Metric.CSAT, Metric.CES, Metric.NPS)),
                     kpis or NONE])
    if not rows:
        return None
    header = [tr("Card", lang), "CSAT", "CES", "NPS", tr("KPIs before → after", lang)]
    widths = [width * f for f in (0.22, 0.15, 0.13, 0.15, 0.35)]
    return _paged_table(header, rows, widths)


def ipa_key(result: IpaResult, names: dict[str, str], width: float, lang: str) -> Flowable:
    from .handout import _paged_table

    rows = [[str(number), shortened(names.get(point.card_id, ""), NAMED) or "…",
             _number(point.importance), _number(point.performance),
             tr(QUADRANT_LABELS[point.quadrant], lang)]
            for number, point in enumerate(result.points, start=1)]
    header = ["#", tr("Card", lang), tr("Importance", lang), tr("Performance", lang), tr("Quadrant", lang)]
    return _paged_table(header, rows, [width * f for f in (0.05, 0.45, 0.13, 0.13, 0.24)])


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


class IpaChartFlowable(Flowable):
    """Performance across, importance up (1–5), split at the means; numbered dots."""

    HEIGHT = 250.0

    def __init__(self, result: IpaResult, names: dict[str, str], lang: str):
        super().__init__()
        self.result, self.names, self.lang = result, names, lang

    def wrap(self, avail_w, avail_h):
        self.width, self.height = min(avail_w, 520.0), self.HEIGHT
        return self.width, self.height

    def draw(self):
        c, lang, result = self.canv, self.lang, self.result
        left, bottom = 46.0, 40.0
        right, top = self.width - 10, self.height - 10
        span_x, span_y = right - left, top - bottom

        def at(performance: float, importance: float) -> tuple[float, float]:
            return (left + (performance - 1) / 4 * span_x, bottom + (importance - 1) / 4 * span_y)

        mean_x, mean_y = at(result.performance_mean or 3.0, result.importance_mean or 3.0)
        boxes = {
            Quadrant.CONCENTRATE_HERE: (left, mean_y, mean_x - left, top - mean_y),
            Quadrant.KEEP_UP_THE_GOOD_WORK: (mean_x, mean_y, right - mean_x, top - mean_y),
            Quadrant.LOW_PRIORITY: (left, bottom, mean_x - left, mean_y - bottom),
            Quadrant.POSSIBLE_OVERKILL: (mean_x, bottom, right - mean_x, mean_y - bottom),
        }
        for quadrant, (x, y, w, h) in boxes.items():
            c.setFillColor(colour(QUADRANT_FILL[quadrant]))
            c.setStrokeColor(colour(QUADRANT_FILL[quadrant]))
            c.rect(x, y, max(0.0, w), max(0.0, h), stroke=0, fill=1)
        c.setStrokeColor(colour("#9aa5b1"))
        c.setLineWidth(0.6)
        c.rect(left, bottom, span_x, span_y, stroke=1, fill=0)
        c.setStrokeColor(colour("#555555"))
        c.setDash(3, 2)
        c.line(mean_x, bottom, mean_x, top)
        c.line(left, mean_y, right, mean_y)
        c.setDash()
        label = 9.0
        corners = {
            Quadrant.CONCENTRATE_HERE: (left + 5, top - 13, "left"),
            Quadrant.KEEP_UP_THE_GOOD_WORK: (right - 5, top - 13, "right"),
            Quadrant.LOW_PRIORITY: (left + 5, bottom + 6, "left"),
            Quadrant.POSSIBLE_OVERKILL: (right - 5, bottom + 6, "right"),
        }
        for quadrant, (x, y, align) in corners.items():
            draw_text(c, x, y, tr(QUADRANT_LABELS[quadrant], lang), label, "#37474f", bold=True, align=align)
        for value in range(1, 6):
            x, _ = at(value, 1)
            draw_text(c, x, bottom - 11, str(value), 8.0, MUTED_INK, align="center", raw=True)
            _, y = at(1, value)
            draw_text(c, left - 6, y - 3, str(value), 8.0, MUTED_INK, align="right", raw=True)
        draw_text(c, left + span_x / 2, bottom - 26, tr("Performance", lang) + " →", 8.5, INK, align="center")
        c.saveState()
        c.translate(14, bottom + span_y / 2)
        c.rotate(90)
        draw_text(c, 0, 0, tr("Importance", lang) + " →", 8.5, INK, align="center")
        c.restoreState()
        for number, point in enumerate(result.points, start=1):
            x, y = at(point.performance, point.importance)
            c.setFillColor(colour(QUADRANT_INK[point.quadrant]))
            c.setStrokeColor(colour("#ffffff"))
            c.setLineWidth(0.8)
            c.circle(x, y, 6.5, stroke=1, fill=1)
            draw_text(c, x, y - 3, str(number), 7.0, "#ffffff", align="center", raw=True)
            name = shortened(self.names.get(point.card_id, ""), 24)
            name_x = x + 9
            if name_x + text.text_width(text.clean(name), 7.5) > right:
                draw_text(c, x - 9, y - 3, name, 7.5, INK, align="right")
            else:
                draw_text(c, name_x, y - 3, name, 7.5, INK)
        rule = tr("Split at the means: importance {importance}, performance {performance}. {rule}",
                  lang).format(importance=f"{result.importance_mean:.2f}",
                               performance=f"{result.performance_mean:.2f}", rule=tr(TIE_RULE, lang))
        draw_text(c, left, 4, rule, 7.5, MUTED_INK)

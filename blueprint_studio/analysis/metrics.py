"""Touchpoint metrics as pure functions: CSAT, CES, NPS and the mean ratings, each with its
sample size; before/after changes; a KPI's change and whether it is better.

- CSAT (customer satisfaction / 客户满意度): the share of answers 4 or 5 on a 1–5 scale, in %.
- CES (customer effort score / 客户费力度): the mean of answers on a 1–7 scale, where 7 is
  "the company made it easy" (higher is better). Not the (agree − disagree) / total variant.
- NPS (net promoter score / 净推荐值): % promoters (9–10) minus % detractors (0–6) on a 0–10
  scale, −100 … +100.
- Importance and performance: the mean of the answers (1–5).

Without answers (n = 0) a metric has no value (None), never 0. A card's shown value comes
from its latest phase with answers: "after", else the answers without a phase, else
"before"; the change is after − before when both phases have answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from ..model.touchpoints import SCALES, Kpi, Metric, Phase

Counts = Mapping[int, int]  # answer given -> how many respondents gave it


@dataclass(frozen=True, slots=True)
class MetricValue:
    value: float | None  # None when n == 0
    n: int  # how many answers it is computed from


def sample_size(counts: Counts) -> int:
    return sum(counts.values())


def csat(counts: Counts) -> MetricValue:
    """% of answers 4 or 5 (1–5 scale)."""
    n = sample_size(counts)
    satisfied = sum(count for score, count in counts.items() if score >= 4)
    return MetricValue(100 * satisfied / n if n else None, n)


def mean(counts: Counts) -> MetricValue:
    """The mean answer: CES, and the importance and performance ratings."""
    n = sample_size(counts)
    return MetricValue(sum(score * count for score, count in counts.items()) / n if n else None, n)


ces = mean


def nps(counts: Counts) -> MetricValue:
    """% promoters (9–10) − % detractors (0–6), 0–10 scale."""
    n = sample_size(counts)
    if not n:
        return MetricValue(None, 0)
    promoters = sum(count for score, count in counts.items() if score >= 9)
    detractors = sum(count for score, count in counts.items() if score <= 6)
    return MetricValue(100 * (promoters - detractors) / n, n)


FORMULAS = {Metric.CSAT: csat, Metric.CES: ces, Metric.NPS: nps,
            Metric.IMPORTANCE: mean, Metric.PERFORMANCE: mean}


def compute(metric: Metric, counts: Counts) -> MetricValue:
    return FORMULAS[Metric(metric)](counts)


def change(before: MetricValue, after: MetricValue) -> float | None:
    """after − before (points of % for CSAT and NPS), None unless both have answers."""
    if before.value is None or after.value is None:
        return None
    return after.value - before.value


# -- a card's answers ------------------------------------------------------------------

AnswerIndex = dict[tuple[str, Metric, "Phase | None"], dict[int, int]]


def answer_index(service_map) -> AnswerIndex:
    """Every answer count of a map filed by (card, metric, phase), built in one pass: what
    the map-wide summaries (info, the handout, the IPA chart) look cards up in."""
    index: AnswerIndex = {}
    for answer in service_map.answer_counts.values():
        if answer.count:
            index.setdefault((answer.card_id, answer.metric, answer.phase), {})[answer.score] = answer.count
    return index


def counts_of(service_map, card_id: str, metric: Metric, phase: Phase | None,
              index: AnswerIndex | None = None) -> dict[int, int]:
    """Answer -> respondents for one card, question and phase (only answers given)."""
    metric = Metric(metric)
    if index is not None:
        return dict(index.get((card_id, metric, phase), {}))
    return {answer.score: answer.count for answer in service_map.answer_counts.values()
            if answer.card_id == card_id and answer.metric is metric and answer.phase == phase
            and answer.count}


def full_counts(service_map, card_id: str, metric: Metric, phase: Phase | None) -> dict[int, int]:
    """Every answer of the question's scale, 0 where nobody gave it (for the inspector)."""
    low, high = SCALES[Metric(metric)]
    given = counts_of(service_map, card_id, metric, phase)
    return {score: given.get(score, 0) for score in range(low, high + 1)}


# The phases in the order a shown value looks for answers: the latest measurement first.
SHOWN_ORDER: tuple[Phase | None, ...] = (Phase.AFTER, None, Phase.BEFORE)


@dataclass(frozen=True, slots=True)
class CardMetric:
    metric: Metric
    shown: MetricValue  # from the latest phase with answers (n = 0: no data)
    phase: Phase | None  # the phase `shown` comes from
    before: MetricValue
    after: MetricValue
    change: float | None  # after − before, when both have answers

    @property
    def has_data(self) -> bool:
        return self.shown.n > 0 or self.before.n > 0 or self.after.n > 0


def card_metric(service_map, card_id: str, metric: Metric,
                index: AnswerIndex | None = None) -> CardMetric:
    values = {phase: compute(metric, counts_of(service_map, card_id, metric, phase, index))
              for phase in SHOWN_ORDER}
    phase = next((p for p in SHOWN_ORDER if values[p].n), None)
    before, after = values[Phase.BEFORE], values[Phase.AFTER]
    return CardMetric(Metric(metric), values[phase], phase, before, after, change(before, after))


def card_metrics(service_map, card_id: str,
                 metrics: tuple[Metric, ...] = (Metric.CSAT, Metric.CES, Metric.NPS),
                 index: AnswerIndex | None = None) -> dict[Metric, CardMetric]:
    return {metric: card_metric(service_map, card_id, metric, index) for metric in metrics}


def cards_with_answers(service_map) -> set[str]:
    return {answer.card_id for answer in service_map.answer_counts.values() if answer.count}


# -- KPIs --------------------------------------------------------------------------------

class Verdict(str, Enum):
    BETTER = "better"
    WORSE = "worse"
    SAME = "same"


@dataclass(frozen=True, slots=True)
class KpiChange:
    difference: float | None  # after − before
    percent: float | None  # the difference in % of |before| (None when before is 0)
    verdict: Verdict | None  # None unless both values are there


def kpi_change(kpi: Kpi) -> KpiChange:
    if kpi.before is None or kpi.after is None:
        return KpiChange(None, None, None)
    difference = kpi.after - kpi.before
    percent = 100 * difference / abs(kpi.before) if kpi.before else None
    if difference == 0:
        verdict = Verdict.SAME
    else:
        verdict = Verdict.BETTER if (difference > 0) == kpi.higher_is_better else Verdict.WORSE
    return KpiChange(difference, percent, verdict)


# -- showing a value ---------------------------------------------------------------------

def shown_number(metric: Metric, value: float | None) -> str | None:
    """The value as printed: CSAT "83.3 %", CES "5.4", NPS "+25"; None without data."""
    if value is None:
        return None
    metric = Metric(metric)
    if metric is Metric.CSAT:
        return f"{value:.1f} %".replace(".0 %", " %")
    if metric is Metric.NPS:
        rounded = round(value, 1)
        text = f"{rounded:+.1f}".replace(".0", "")
        return "0" if rounded == 0 else text
    return f"{value:.2f}".rstrip("0").rstrip(".")


def shown_change(metric: Metric, difference: float | None) -> str | None:
    if difference is None:
        return None
    metric = Metric(metric)
    if metric in (Metric.CSAT, Metric.NPS):
        text = f"{difference:+.1f}".replace(".0", "")
        return text if round(difference, 1) else "±0"
    text = f"{difference:+.2f}".rstrip("0").rstrip(".")
    return text if round(difference, 2) else "±0"


def shown_kpi(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text} {unit}".strip()

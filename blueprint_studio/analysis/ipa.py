"""Importance–performance analysis (Martilla & James 1977) as pure functions.

Each rated touchpoint (a card with both an importance and a performance, 1–5) is placed by
them; the quadrants are split at the means of the rated touchpoints:

| | performance below the mean | performance at or above the mean |
|---|---|---|
| importance at or above the mean | concentrate here / 重点改进 | keep up the good work / 继续保持 |
| importance below the mean | low priority / 低优先级 | possible overkill / 过度投入 |

Ties: a value at the mean counts as high (at or above it), with a tolerance of 1e-9 for the
rounding of the means. So a single rated touchpoint, which sits on both means, is "keep up
the good work".

A card's rating is the value entered for it (`model.touchpoints.Rating`); without one, the
mean of its importance or performance answers (from the latest phase with answers, as for
every metric: `analysis.metrics`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..i18n import mark
from ..model.touchpoints import Metric, rating_of
from .metrics import AnswerIndex, answer_index, card_metric

TOLERANCE = 1e-9


class Quadrant(str, Enum):
    CONCENTRATE_HERE = "concentrate_here"  # important, performing poorly
    KEEP_UP_THE_GOOD_WORK = "keep_up_the_good_work"  # important, performing well
    LOW_PRIORITY = "low_priority"  # less important, performing poorly
    POSSIBLE_OVERKILL = "possible_overkill"  # less important, performing well


QUADRANT_LABELS: dict[Quadrant, str] = {
    Quadrant.CONCENTRATE_HERE: mark("Concentrate here"),
    Quadrant.KEEP_UP_THE_GOOD_WORK: mark("Keep up the good work"),
    Quadrant.LOW_PRIORITY: mark("Low priority"),
    Quadrant.POSSIBLE_OVERKILL: mark("Possible overkill"),
}
TIE_RULE = mark("A value at the mean counts as high.")


def at_or_above(value: float, mean: float) -> bool:
    return value >= mean - TOLERANCE


def quadrant(importance: float, performance: float, importance_mean: float,
             performance_mean: float) -> Quadrant:
    important = at_or_above(importance, importance_mean)
    performing = at_or_above(performance, performance_mean)
    if important:
        return Quadrant.KEEP_UP_THE_GOOD_WORK if performing else Quadrant.CONCENTRATE_HERE
    return Quadrant.POSSIBLE_OVERKILL if performing else Quadrant.LOW_PRIORITY


@dataclass(frozen=True, slots=True)
class Rated:
    """One card's importance and performance, and where each comes from."""

    card_id: str
    importance: float | None
    performance: float | None
    importance_n: int  # answers behind it (0 when entered)
    performance_n: int
    importance_entered: bool
    performance_entered: bool


@dataclass(frozen=True, slots=True)
class IpaPoint:
    card_id: str
    importance: float
    performance: float
    quadrant: Quadrant


@dataclass(frozen=True, slots=True)
class IpaResult:
    points: tuple[IpaPoint, ...]  # in the order given (the map's reading order)
    importance_mean: float | None  # None without rated touchpoints
    performance_mean: float | None


def analyse(ratings: list[tuple[str, float, float]]) -> IpaResult:
    """(card id, importance, performance) of each rated touchpoint -> quadrants."""
    if not ratings:
        return IpaResult((), None, None)
    importance_mean = sum(r[1] for r in ratings) / len(ratings)
    performance_mean = sum(r[2] for r in ratings) / len(ratings)
    points = tuple(IpaPoint(card_id, importance, performance,
                            quadrant(importance, performance, importance_mean, performance_mean))
                   for card_id, importance, performance in ratings)
    return IpaResult(points, importance_mean, performance_mean)


def card_rating(service_map, card_id: str, index: AnswerIndex | None = None,
                entered_ratings: dict | None = None) -> Rated:
    entered = (entered_ratings.get(card_id) if entered_ratings is not None
               else rating_of(service_map, card_id))
    values = {}
    for metric, name in ((Metric.IMPORTANCE, "importance"), (Metric.PERFORMANCE, "performance")):
        typed = getattr(entered, name) if entered is not None else None
        if typed is not None:
            values[name] = (typed, 0, True)
        else:
            found = card_metric(service_map, card_id, metric, index).shown
            values[name] = (found.value, found.n, False)
    return Rated(card_id, values["importance"][0], values["performance"][0],
                 values["importance"][1], values["performance"][1],
                 values["importance"][2], values["performance"][2])


def map_ratings(service_map) -> list[Rated]:
    """Every card with an importance or a performance, in reading order."""
    wanted = {r.card_id for r in service_map.ratings.values()}
    wanted |= {a.card_id for a in service_map.answer_counts.values()
               if a.count and a.metric in (Metric.IMPORTANCE, Metric.PERFORMANCE)}
    index = answer_index(service_map)
    entered = {r.card_id: r for r in service_map.ratings.values()}
    return [card_rating(service_map, card.id, index, entered)
            for card in service_map.cards_in_reading_order() if card.id in wanted]


def map_ipa(service_map) -> IpaResult:
    """The map's importance–performance analysis over its cards rated on both."""
    return analyse([(r.card_id, r.importance, r.performance) for r in map_ratings(service_map)
                    if r.importance is not None and r.performance is not None])

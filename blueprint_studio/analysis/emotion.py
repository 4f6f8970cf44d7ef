"""The emotion curve: the customer's feeling step by step across the stages."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.entities import Card, ServiceMap
from ..model.enums import LaneKind


@dataclass(frozen=True, slots=True)
class EmotionPoint:
    card_id: str
    stage_id: str
    stage_index: int
    position: float  # stage_index + fraction within the stage, for plotting
    emotion: int
    is_dip: bool  # negative, or lower than both neighbours: a pain point at a glance


def _scored_customer_cards(service_map: ServiceMap) -> list[Card]:
    customer_lanes = {lane.id for lane in service_map.lanes if lane.kind is LaneKind.CUSTOMER}
    cards = [c for c in service_map.cards_in_reading_order() if c.emotion is not None]
    in_customer = [c for c in cards if c.lane_id in customer_lanes]
    # A journey map without a customer lane still has a curve: use every scored card.
    return in_customer if in_customer else cards


def emotion_curve(service_map: ServiceMap) -> list[EmotionPoint]:
    """One point per scored customer card, in reading order."""
    cards = _scored_customer_cards(service_map)
    stage_index = {s.id: i for i, s in enumerate(service_map.stages)}
    per_stage: dict[str, list[Card]] = {}
    for card in cards:
        per_stage.setdefault(card.stage_id, []).append(card)
    points: list[EmotionPoint] = []
    values = [c.emotion for c in cards]
    for i, card in enumerate(cards):
        siblings = per_stage[card.stage_id]
        fraction = (siblings.index(card) + 0.5) / len(siblings)
        value = int(card.emotion)  # type: ignore[arg-type]
        lower_than_left = i == 0 or value < values[i - 1]  # type: ignore[operator]
        lower_than_right = i == len(cards) - 1 or value < values[i + 1]  # type: ignore[operator]
        local_minimum = len(cards) > 1 and lower_than_left and lower_than_right
        points.append(EmotionPoint(card.id, card.stage_id, stage_index[card.stage_id],
                                   stage_index[card.stage_id] + fraction, value,
                                   value < 0 or local_minimum))
    return points


def stage_emotions(service_map: ServiceMap) -> list[float | None]:
    """Per stage, the mean of the curve's scores there (None where it has none): the same
    cards as the curve on screen, summed up a column at a time for paper."""
    totals: dict[str, list[float]] = {}
    for card in _scored_customer_cards(service_map):
        totals.setdefault(card.stage_id, []).append(float(card.emotion))  # type: ignore[arg-type]
    return [round(sum(values) / len(values), 2) if (values := totals.get(stage.id)) else None
            for stage in service_map.stages]


def moment_of_truth_candidates(service_map: ServiceMap) -> list[str]:
    """Card ids worth discussing as moments of truth: the lowest points, the peak and the end
    (the peak-end rule), in reading order, without repeats. The rule, with the reason for
    each card, lives in `analysis.moments.curve_candidates`."""
    from .moments import curve_candidates  # moments builds on the curve defined here

    return [card_id for card_id, _reasons in curve_candidates(service_map)]

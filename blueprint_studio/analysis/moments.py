"""Moments of truth / 关键时刻: the candidates the map suggests, merged with the user's
decisions, ranked.

Candidates come from
- the emotion curve (`analysis.emotion`): its lowest points, its peak and its end — the
  peak–end rule: people judge an experience by its most intense moment and by how it ends;
- fail points on customer-facing steps (cards in a customer or frontstage lane);
- a card marked as a moment of truth on the canvas (`Card.moment_of_truth`).

Each says why it was proposed (`Reason`: a translatable template and its values). The
user's decision (`model.touchpoints.MomentDecision`) wins: a dismissed card is never
proposed again; a confirmed one stays a moment of truth even when the curve changes. The
ranked list has the confirmed moments first, by importance (5 first, none last), then the
proposed ones (by importance too), each group in reading order where importance ties; the
dismissed ones come last, for `info --json` only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..i18n import mark, tr
from ..model.enums import LaneKind
from ..model.touchpoints import Lever, MomentStatus
from .emotion import emotion_curve

LOWEST = mark("The lowest point of the emotion curve ({emotion})")
PEAK = mark("The peak of the emotion curve ({emotion})")
END = mark("The end of the journey (peak–end rule)")
FAIL_POINT = mark("A fail point on a customer-facing step")
MARKED = mark("Marked as a moment of truth on the card")
CHOSEN = mark("Chosen by the user")
SEPARATOR = mark("; ")  # between reasons: a full-width semicolon in Chinese

CUSTOMER_FACING = (LaneKind.CUSTOMER, LaneKind.FRONTSTAGE)

LEVER_NAMES: dict[Lever, str] = {
    Lever.STAFF_TRAINING: mark("Staff training"),
    Lever.PROCESS_IMPROVEMENT: mark("Process improvement"),
    Lever.TECHNOLOGY_SUPPORT: mark("Technology support"),
    Lever.OWN: mark("Own lever"),
}
STATUS_NAMES: dict[MomentStatus, str] = {
    MomentStatus.PROPOSED: mark("Proposed"),
    MomentStatus.CONFIRMED: mark("Confirmed"),
    MomentStatus.DISMISSED: mark("Dismissed"),
}


@dataclass(frozen=True, slots=True)
class Reason:
    template: str  # English, with {placeholders}
    values: tuple[tuple[str, Any], ...] = ()

    def text(self, lang: str | None = None) -> str:
        return tr(self.template, lang).format(**dict(self.values))


def _emotion(value: int) -> str:
    return f"{value:+d}" if value else "0"


def curve_candidates(service_map) -> list[tuple[str, list[Reason]]]:
    """(card id, reasons) for the emotion curve's lowest points, its peak and its end, in
    reading order, each card once."""
    points = emotion_curve(service_map)
    if not points:
        return []
    lowest = min(p.emotion for p in points)
    highest = max(p.emotion for p in points)
    reasons: dict[str, list[Reason]] = {}
    for point in points:
        if point.emotion == lowest:
            reasons.setdefault(point.card_id, []).append(
                Reason(LOWEST, (("emotion", _emotion(point.emotion)),)))
    for point in points:
        if point.emotion == highest:
            reasons.setdefault(point.card_id, []).append(
                Reason(PEAK, (("emotion", _emotion(point.emotion)),)))
    reasons.setdefault(points[-1].card_id, []).append(Reason(END))
    order = {p.card_id: i for i, p in enumerate(points)}
    return sorted(reasons.items(), key=lambda item: order[item[0]])


def fail_point_candidates(service_map) -> list[str]:
    """Fail points on customer-facing steps (customer or frontstage lanes), reading order."""
    facing = {lane.id for lane in service_map.lanes if lane.kind in CUSTOMER_FACING}
    return [card.id for card in service_map.cards_in_reading_order()
            if card.fail_point and card.lane_id in facing]


def candidates(service_map) -> dict[str, list[Reason]]:
    """Every card the map suggests as a moment of truth, with why (reading order)."""
    found: dict[str, list[Reason]] = {card_id: list(reasons)
                                      for card_id, reasons in curve_candidates(service_map)}
    for card_id in fail_point_candidates(service_map):
        found.setdefault(card_id, []).append(Reason(FAIL_POINT))
    for card in service_map.cards.values():
        if card.moment_of_truth:
            found.setdefault(card.id, []).append(Reason(MARKED))
    position = {card.id: i for i, card in enumerate(service_map.cards_in_reading_order())}
    return dict(sorted(found.items(), key=lambda item: position.get(item[0], 0)))


@dataclass(frozen=True, slots=True)
class MomentOfTruth:
    card_id: str
    status: MomentStatus
    reasons: tuple[Reason, ...]
    importance: int | None = None
    lever: Lever | None = None
    lever_text: str = ""
    note: str = ""
    decided: bool = False  # the user recorded a decision (else: only proposed by the map)

    def reason_text(self, lang: str | None = None) -> str:
        return tr(SEPARATOR, lang).join(reason.text(lang) for reason in self.reasons)

    def lever_name(self, lang: str | None = None) -> str:
        """The lever as shown: the user's own text, or the standard lever's name; ""."""
        if self.lever is Lever.OWN:
            return self.lever_text or tr(LEVER_NAMES[Lever.OWN], lang)
        return tr(LEVER_NAMES[self.lever], lang) if self.lever is not None else ""


_STATUS_RANK = {MomentStatus.CONFIRMED: 0, MomentStatus.PROPOSED: 1, MomentStatus.DISMISSED: 2}


def moments_of_truth(service_map, include_dismissed: bool = False) -> list[MomentOfTruth]:
    """The candidates merged with the decisions, ranked (see the module's docstring). A card
    marked on the canvas and not decided on counts as confirmed."""
    proposed = candidates(service_map)
    decisions = {m.card_id: m for m in service_map.moments.values() if m.card_id in service_map.cards}
    result: list[MomentOfTruth] = []
    for card_id in dict.fromkeys([*proposed, *decisions]):
        decision = decisions.get(card_id)
        reasons = tuple(r for r in proposed.get(card_id, ())  # a decided card's mark only
                        if decision is None or r.template != MARKED) or (Reason(CHOSEN),)  # echoes it
        if decision is None:
            marked = service_map.cards[card_id].moment_of_truth
            status = MomentStatus.CONFIRMED if marked else MomentStatus.PROPOSED
            result.append(MomentOfTruth(card_id, status, reasons))
            continue
        if decision.status is MomentStatus.PROPOSED and card_id not in proposed and not (
                decision.importance or decision.lever or decision.note or decision.lever_text):
            continue  # an empty, undecided record for a card the map no longer suggests
        result.append(MomentOfTruth(card_id, decision.status, reasons, decision.importance,
                                    decision.lever, decision.lever_text, decision.note, True))
    position = {card.id: i for i, card in enumerate(service_map.cards_in_reading_order())}
    result.sort(key=lambda m: (_STATUS_RANK[m.status], -(m.importance or 0),
                               position.get(m.card_id, 0)))
    if not include_dismissed:
        result = [m for m in result if m.status is not MomentStatus.DISMISSED]
    return result


def decide(service_map, card_id: str, status: MomentStatus) -> list:
    """The operations that record a decision on a card: the decision itself, and the card's
    own moment-of-truth mark kept in step (set when confirmed, cleared when dismissed or
    back to proposed), so the canvas shows what was decided. One undo step for the window."""
    from ..model.operations import UpdateCard
    from ..model.touchpoints import update_moment

    status = MomentStatus(status)
    operations = []
    recorded = update_moment(service_map, card_id, {"status": status})
    if recorded is not None:
        operations.append(recorded)
    marked = status is MomentStatus.CONFIRMED
    if service_map.cards[card_id].moment_of_truth != marked:
        operations.append(UpdateCard(service_map.id, card_id, {"moment_of_truth": marked}))
    return operations


"""Gaps in a blueprint: where the service leaves the customer, or a step, on its own.

Each rule is a pure function of the map. A customer action is answered by a frontstage
step in its stage or joined to it by an arrow (a blueprint often draws the arrow from the
customer's previous action, as the textbook hotel does from "Give bags" rather than from
"Arrive"); a frontstage step is backed the same way by a backstage or support step. Pains,
ideas, opportunities and notes are remarks about the service, not steps of it, and are
never gaps.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..model.entities import Card, ServiceMap
from ..model.enums import LaneKind
from .flow import STEP_KINDS


class GapRule(str, Enum):
    STAGE_WITHOUT_CUSTOMER_ACTION = "stage_without_customer_action"
    UNANSWERED_CUSTOMER_ACTION = "unanswered_customer_action"    # nothing frontstage answers it
    UNSUPPORTED_FRONTSTAGE_STEP = "unsupported_frontstage_step"  # nothing backstage or support behind it
    UNCONNECTED_CARD = "unconnected_card"                        # no arrow touches it
    STEP_WITHOUT_OWNER = "step_without_owner"                    # an employee's step nobody owns


@dataclass(frozen=True, slots=True)
class Gap:
    rule: GapRule
    stage_id: str
    card_id: str = ""  # "" for a whole stage


STAFF_LANES = frozenset({LaneKind.FRONTSTAGE, LaneKind.BACKSTAGE, LaneKind.SUPPORT})


def find_gaps(service_map: ServiceMap) -> list[Gap]:
    """Every gap, rule by rule, each rule in reading order."""
    lane_kind = {lane.id: lane.kind for lane in service_map.lanes}
    kinds_present = set(lane_kind.values())
    ordered = service_map.cards_in_reading_order()
    steps = [card for card in ordered if card.kind in STEP_KINDS]
    neighbours: dict[str, set[str]] = {card.id: set() for card in ordered}
    for connector in service_map.connectors.values():
        neighbours[connector.source_id].add(connector.target_id)
        neighbours[connector.target_id].add(connector.source_id)
    by_stage_lane_kind: dict[tuple[str, LaneKind], int] = {}
    for card in steps:
        key = (card.stage_id, lane_kind[card.lane_id])
        by_stage_lane_kind[key] = by_stage_lane_kind.get(key, 0) + 1

    def answered(card: Card, answering: frozenset[LaneKind]) -> bool:
        if any(by_stage_lane_kind.get((card.stage_id, kind)) for kind in answering):
            return True
        return any(lane_kind[service_map.cards[other].lane_id] in answering and
                   service_map.cards[other].kind in STEP_KINDS for other in neighbours[card.id])

    found: list[Gap] = []
    if LaneKind.CUSTOMER in kinds_present:
        busy = {card.stage_id for card in steps if lane_kind[card.lane_id] is LaneKind.CUSTOMER}
        found += [Gap(GapRule.STAGE_WITHOUT_CUSTOMER_ACTION, stage.id)
                  for stage in service_map.stages if stage.id not in busy]
    if LaneKind.CUSTOMER in kinds_present and LaneKind.FRONTSTAGE in kinds_present:
        front = frozenset({LaneKind.FRONTSTAGE})
        found += [Gap(GapRule.UNANSWERED_CUSTOMER_ACTION, card.stage_id, card.id) for card in steps
                  if lane_kind[card.lane_id] is LaneKind.CUSTOMER and not answered(card, front)]
    behind = frozenset({LaneKind.BACKSTAGE, LaneKind.SUPPORT})
    if LaneKind.FRONTSTAGE in kinds_present and kinds_present & behind:
        found += [Gap(GapRule.UNSUPPORTED_FRONTSTAGE_STEP, card.stage_id, card.id) for card in steps
                  if lane_kind[card.lane_id] is LaneKind.FRONTSTAGE and not answered(card, behind)]
    if service_map.connectors:  # before the first arrow, every card would be "unconnected"
        found += [Gap(GapRule.UNCONNECTED_CARD, card.stage_id, card.id) for card in steps
                  if not neighbours[card.id] and lane_kind[card.lane_id] is not LaneKind.PHYSICAL_EVIDENCE]
    found += [Gap(GapRule.STEP_WITHOUT_OWNER, card.stage_id, card.id) for card in steps
              if lane_kind[card.lane_id] in STAFF_LANES and not card.owner.strip()]
    return found


def stages_without_customer_action(service_map: ServiceMap) -> list[str]:
    return [gap.stage_id for gap in find_gaps(service_map)
            if gap.rule is GapRule.STAGE_WITHOUT_CUSTOMER_ACTION]

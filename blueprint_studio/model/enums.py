"""The vocabularies of a service blueprint. Values are stable: they are written to files."""

from __future__ import annotations

from enum import Enum


class MapKind(str, Enum):
    BLUEPRINT = "blueprint"
    JOURNEY = "journey"


class LaneKind(str, Enum):
    """The five standard lanes (Shostack; Bitner et al.), top to bottom, plus user lanes."""

    PHYSICAL_EVIDENCE = "physical_evidence"
    CUSTOMER = "customer"
    FRONTSTAGE = "frontstage"
    BACKSTAGE = "backstage"
    SUPPORT = "support"
    CUSTOM = "custom"

    @property
    def is_standard(self) -> bool:
        return self is not LaneKind.CUSTOM


STANDARD_LANES: tuple[LaneKind, ...] = (
    LaneKind.PHYSICAL_EVIDENCE,
    LaneKind.CUSTOMER,
    LaneKind.FRONTSTAGE,
    LaneKind.BACKSTAGE,
    LaneKind.SUPPORT,
)


class CardKind(str, Enum):
    TOUCHPOINT = "touchpoint"
    ACTION = "action"
    EVIDENCE = "evidence"
    PAIN_POINT = "pain_point"
    OPPORTUNITY = "opportunity"
    IDEA = "idea"
    NOTE = "note"


class Channel(str, Enum):
    PHYSICAL = "physical"
    DIGITAL = "digital"
    INTERPERSONAL = "interpersonal"


class LineKind(str, Enum):
    """The three lines of a blueprint, each drawn directly above its lower lane."""

    INTERACTION = "interaction"
    VISIBILITY = "visibility"
    INTERNAL_INTERACTION = "internal_interaction"


# Each line separates the lane above (any lane up to it) from this lower standard lane.
LINE_ABOVE_LANE: dict[LineKind, tuple[LaneKind, LaneKind]] = {
    LineKind.INTERACTION: (LaneKind.CUSTOMER, LaneKind.FRONTSTAGE),
    LineKind.VISIBILITY: (LaneKind.FRONTSTAGE, LaneKind.BACKSTAGE),
    LineKind.INTERNAL_INTERACTION: (LaneKind.BACKSTAGE, LaneKind.SUPPORT),
}

# Where a card of each kind usually lives (a new card with no cell given goes there),
# and, the other way round, what a card in a lane is when nobody said.
HOME_LANE: dict[CardKind, LaneKind] = {
    CardKind.EVIDENCE: LaneKind.PHYSICAL_EVIDENCE,
    CardKind.TOUCHPOINT: LaneKind.CUSTOMER,
    CardKind.ACTION: LaneKind.CUSTOMER,
    CardKind.PAIN_POINT: LaneKind.CUSTOMER,
}


def home_lane(kind: CardKind) -> LaneKind:
    return HOME_LANE.get(kind, LaneKind.CUSTOMER)


def usual_card_kind(lane: LaneKind) -> CardKind:
    return CardKind.EVIDENCE if lane is LaneKind.PHYSICAL_EVIDENCE else CardKind.ACTION


EMOTION_MIN = -2
EMOTION_MAX = 2

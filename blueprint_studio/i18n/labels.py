"""Display names of the model's vocabularies, in the user's language."""

from __future__ import annotations

from ..model.entities import Lane
from ..model.enums import CardKind, Channel, LaneKind, LineKind, MapKind
from . import mark, tr

LANE_KIND_NAMES: dict[LaneKind, str] = {
    LaneKind.PHYSICAL_EVIDENCE: mark("Physical evidence"),
    LaneKind.CUSTOMER: mark("Customer actions"),
    LaneKind.FRONTSTAGE: mark("Frontstage actions"),
    LaneKind.BACKSTAGE: mark("Backstage actions"),
    LaneKind.SUPPORT: mark("Support processes"),
    LaneKind.CUSTOM: mark("Custom lane"),
}
LINE_NAMES: dict[LineKind, str] = {
    LineKind.INTERACTION: mark("Line of interaction"),
    LineKind.VISIBILITY: mark("Line of visibility"),
    LineKind.INTERNAL_INTERACTION: mark("Line of internal interaction"),
}
CARD_KIND_NAMES: dict[CardKind, str] = {
    CardKind.TOUCHPOINT: mark("Touchpoint"),
    CardKind.ACTION: mark("Action"),
    CardKind.EVIDENCE: mark("Evidence"),
    CardKind.PAIN_POINT: mark("Pain point"),
    CardKind.OPPORTUNITY: mark("Opportunity"),
    CardKind.IDEA: mark("Idea"),
    CardKind.NOTE: mark("Note"),
}
CHANNEL_NAMES: dict[Channel, str] = {
    Channel.PHYSICAL: mark("Physical"),
    Channel.DIGITAL: mark("Digital"),
    Channel.INTERPERSONAL: mark("Interpersonal"),
}
MAP_KIND_NAMES: dict[MapKind, str] = {
    MapKind.BLUEPRINT: mark("Service blueprint"),
    MapKind.JOURNEY: mark("Journey map"),
}


def lane_name(lane: Lane, lang: str | None = None) -> str:
    """The lane's own name, or its kind's translated name when it has none."""
    return lane.name or tr(LANE_KIND_NAMES[lane.kind], lang)


def line_name(kind: LineKind, lang: str | None = None) -> str:
    return tr(LINE_NAMES[kind], lang)


def card_kind_name(kind: CardKind, lang: str | None = None) -> str:
    return tr(CARD_KIND_NAMES[kind], lang)


def channel_name(channel: Channel | None, lang: str | None = None) -> str:
    return "" if channel is None else tr(CHANNEL_NAMES[channel], lang)


def map_kind_name(kind: MapKind, lang: str | None = None) -> str:
    return tr(MAP_KIND_NAMES[kind], lang)

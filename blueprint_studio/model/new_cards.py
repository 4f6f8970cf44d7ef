"""What a new card is when the user only said where it goes (a double-click in a cell)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .entities import ServiceMap
from .enums import CardKind, LaneKind, usual_card_kind


def _squashed(text: str) -> str:
    return text.casefold().replace(" ", "")


def kind_for_new_card(service_map: ServiceMap, lane_id: str,
                      kind_names: Mapping[CardKind, Iterable[str]]) -> CardKind:
    """The kind most of the lane's cards have (ties go to ACTION); in an empty custom lane,
    the kind its name starts with ("Pain points", "机会点"); otherwise the standard lane's
    usual kind. `kind_names` gives each kind's display names in every language (the model
    knows no translations)."""
    counts: dict[CardKind, int] = {}
    for card in service_map.cards.values():
        if card.lane_id == lane_id:
            counts[card.kind] = counts.get(card.kind, 0) + 1
    if counts:
        return max(counts, key=lambda kind: (counts[kind], kind is CardKind.ACTION))
    lane = service_map.lane(lane_id)
    if lane.kind is LaneKind.CUSTOM and lane.name:
        name = _squashed(lane.name)
        for kind in CardKind:
            for label in kind_names.get(kind, ()):
                label = _squashed(label)
                stem = label[:-1] if label.endswith("y") else label  # "opportunit" of "opportunities"
                if stem and name.startswith(stem):
                    return kind
    return usual_card_kind(lane.kind)

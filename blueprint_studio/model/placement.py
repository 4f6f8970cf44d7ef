"""Where cards go and what they are when the user only pointed: the kind of a card added by
a double-click, and the moves that drop dragged cards into a cell. Pure: no Qt."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from . import operations as ops
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


def drop_changes_anything(service_map: ServiceMap, card_ids: list[str], anchor_id: str,
                          cell: tuple[str, str], order: int) -> bool:
    """False when dropping the cards with the anchor at `order` in `cell` leaves every card
    where it is (a drag that came back home is no undo step)."""
    anchor = service_map.cards[anchor_id]
    if (anchor.stage_id, anchor.lane_id) != cell:
        return True
    moving = set(card_ids)
    current = [c.id for c in service_map.cards_in_cell(*cell)]
    dragged = [c for c in current if c in moving]
    others = [c for c in current if c not in moving]
    return others[:order] + dragged + others[order:] != current


def moves_for_drop(service_map: ServiceMap, card_ids: list[str], anchor_id: str,
                   cell: tuple[str, str], order: int) -> list[ops.MoveCard]:
    """The MoveCard operations that drop dragged cards, keeping their relative cells.

    The anchor (the card under the pointer) lands in `cell` at `order`; the other cards
    shift by the same number of stages and lanes (clamped to the map), so a group keeps its
    shape. Cards arriving in the anchor's cell are placed together at `order`.
    """
    stage_index = {s.id: i for i, s in enumerate(service_map.stages)}
    lane_index = {lane.id: i for i, lane in enumerate(service_map.lanes)}
    anchor = service_map.cards[anchor_id]
    d_stage = stage_index[cell[0]] - stage_index[anchor.stage_id]
    d_lane = lane_index[cell[1]] - lane_index[anchor.lane_id]
    last_stage, last_lane = len(service_map.stages) - 1, len(service_map.lanes) - 1
    destination: dict[str, tuple[str, str]] = {}
    for card_id in card_ids:
        card = service_map.cards[card_id]
        si = min(max(stage_index[card.stage_id] + d_stage, 0), last_stage)
        li = min(max(lane_index[card.lane_id] + d_lane, 0), last_lane)
        destination[card_id] = (service_map.stages[si].id, service_map.lanes[li].id)
    moves: list[ops.MoveCard] = []
    # First gather every card at the end of its destination cell, then place the ones in the
    # anchor's cell at the insertion point, in their reading order.
    for card_id in card_ids:
        card = service_map.cards[card_id]
        stage_id, lane_id = destination[card_id]
        if (stage_id, lane_id) == (card.stage_id, card.lane_id) and destination[card_id] != cell:
            continue  # a card that keeps its cell keeps its place too
        moves.append(ops.MoveCard(service_map.id, card_id, stage_id, lane_id, None))
    in_anchor_cell = [cid for cid in card_ids if destination[cid] == cell]
    for offset, card_id in enumerate(in_anchor_cell):
        moves.append(ops.MoveCard(service_map.id, card_id, cell[0], cell[1], order + offset))
    return moves

"""Checks of the model's invariants, used after loading or importing and by tests."""

from __future__ import annotations

from collections import defaultdict

from .entities import ModelError, Project, ServiceMap


def check_map(service_map: ServiceMap) -> None:
    """Raise ModelError with a readable sentence if the map breaks an invariant."""
    stage_ids = [s.id for s in service_map.stages]
    lane_ids = [lane.id for lane in service_map.lanes]
    if len(set(stage_ids)) != len(stage_ids):
        raise ModelError(f"Map {service_map.name!r} has two stages with the same id")
    if len(set(lane_ids)) != len(lane_ids):
        raise ModelError(f"Map {service_map.name!r} has two lanes with the same id")
    cells: dict[tuple[str, str], list[int]] = defaultdict(list)
    for card_id, card in service_map.cards.items():
        if card_id != card.id:
            raise ModelError("A card is filed under the wrong id")
        if card.stage_id not in stage_ids:
            raise ModelError(f"Card {card.text[:30]!r} lies in a stage that does not exist")
        if card.lane_id not in lane_ids:
            raise ModelError(f"Card {card.text[:30]!r} lies in a lane that does not exist")
        cells[(card.stage_id, card.lane_id)].append(card.order)
    for orders in cells.values():
        if sorted(orders) != list(range(len(orders))):
            raise ModelError("The cards of a cell are not numbered 0, 1, 2, ...")
    pairs: set[tuple[str, str]] = set()
    for connector_id, connector in service_map.connectors.items():
        if connector_id != connector.id:
            raise ModelError("A connector is filed under the wrong id")
        if connector.source_id not in service_map.cards or connector.target_id not in service_map.cards:
            raise ModelError("An arrow points to a card that does not exist")
        if connector.source_id == connector.target_id:
            raise ModelError("An arrow leads from a card to itself")
        pair = (connector.source_id, connector.target_id)
        if pair in pairs:
            raise ModelError("Two arrows join the same cards")
        pairs.add(pair)


def check_project(project: Project) -> None:
    map_ids = [m.id for m in project.maps]
    if len(set(map_ids)) != len(map_ids):
        raise ModelError("The project has two maps with the same id")
    for service_map in project.maps:
        check_map(service_map)


def normalise_orders(service_map: ServiceMap) -> None:
    """Renumber each cell densely, keeping the relative order (for importers)."""
    cells: dict[tuple[str, str], list] = defaultdict(list)
    for card in service_map.cards.values():
        cells[(card.stage_id, card.lane_id)].append(card)
    for cards in cells.values():
        cards.sort(key=lambda c: c.order)
        for position, card in enumerate(cards):
            card.order = position

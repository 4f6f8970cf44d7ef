"""Giving an imported map new ids, so that it can join a project that holds its twin."""

from __future__ import annotations

from dataclasses import replace

from ..model import Project, ServiceMap, new_id


def with_fresh_ids(service_map: ServiceMap) -> ServiceMap:
    """A copy of the map in which every map, stage, lane, card and connector has a new UUID."""
    stage_ids = {stage.id: new_id() for stage in service_map.stages}
    lane_ids = {lane.id: new_id() for lane in service_map.lanes}
    card_ids = {card_id: new_id() for card_id in service_map.cards}
    cards = [replace(card, id=card_ids[card.id], stage_id=stage_ids[card.stage_id],
                     lane_id=lane_ids[card.lane_id]) for card in service_map.cards.values()]
    connectors = [replace(c, id=new_id(), source_id=card_ids[c.source_id],
                          target_id=card_ids[c.target_id]) for c in service_map.connectors.values()]
    return replace(
        service_map, id=new_id(),
        stages=[replace(stage, id=stage_ids[stage.id]) for stage in service_map.stages],
        lanes=[replace(lane, id=lane_ids[lane.id]) for lane in service_map.lanes],
        cards={card.id: card for card in cards},
        connectors={connector.id: connector for connector in connectors},
    )


def fitting_into(project: Project, service_map: ServiceMap) -> ServiceMap:
    """The map itself, or a copy with new ids when the project already holds its id or any
    of its cards' (e.g. a CSV exported from this very project, imported back as a new map)."""
    used_cards = {card_id for other in project.maps for card_id in other.cards}
    if any(other.id == service_map.id for other in project.maps) or used_cards & set(service_map.cards):
        return with_fresh_ids(service_map)
    return service_map

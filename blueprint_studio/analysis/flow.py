"""Flow analysis of a map's arrows with networkx: hand-offs, rework loops, gaps, critical path.

The findings panel (planned) lists these; the handout prints them.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from ..model.entities import ServiceMap
from ..model.enums import LaneKind, LineKind
from ..model.lines import blueprint_lines


def flow_graph(service_map: ServiceMap) -> nx.DiGraph:
    graph = nx.DiGraph()
    for card in service_map.cards.values():
        minutes = (card.duration_minutes or 0.0) + (card.wait_minutes or 0.0)
        graph.add_node(card.id, minutes=minutes)
    for connector in service_map.connectors.values():
        graph.add_edge(connector.source_id, connector.target_id, id=connector.id)
    return graph


@dataclass(frozen=True, slots=True)
class HandOff:
    connector_id: str
    lines_crossed: tuple[LineKind, ...]


def hand_offs(service_map: ServiceMap) -> list[HandOff]:
    """Arrows that cross one or more of the three lines: where responsibility changes hands."""
    lane_index = {lane.id: i for i, lane in enumerate(service_map.lanes)}
    placements = blueprint_lines(service_map)
    found: list[HandOff] = []
    for connector in service_map.connectors.values():
        source = service_map.cards[connector.source_id]
        target = service_map.cards[connector.target_id]
        low, high = sorted((lane_index[source.lane_id], lane_index[target.lane_id]))
        crossed = tuple(p.kind for p in placements if low < p.below_lane_index <= high)
        if crossed:
            found.append(HandOff(connector.id, crossed))
    return found


def rework_loops(service_map: ServiceMap, limit: int = 50) -> list[list[str]]:
    """Cycles of arrows (card ids), shortest first: steps that send work back.

    Each loop starts at its earliest card in reading order, so it reads left to right.
    """
    reading = {c.id: i for i, c in enumerate(service_map.cards_in_reading_order())}
    cycles = []
    for cycle in nx.simple_cycles(flow_graph(service_map)):
        start = min(range(len(cycle)), key=lambda i: reading[cycle[i]])
        cycles.append(cycle[start:] + cycle[:start])
        if len(cycles) >= limit:
            break
    return sorted(cycles, key=lambda loop: (len(loop), [reading[c] for c in loop]))


def gaps(service_map: ServiceMap) -> list[str]:
    """Stage ids where the customer does nothing: a hole in the journey."""
    customer = {lane.id for lane in service_map.lanes if lane.kind is LaneKind.CUSTOMER}
    if not customer:
        return []
    busy = {c.stage_id for c in service_map.cards.values() if c.lane_id in customer}
    return [s.id for s in service_map.stages if s.id not in busy]


def critical_path(service_map: ServiceMap) -> tuple[list[str], float]:
    """The longest chain of arrows by duration + wait minutes (card ids, total minutes).

    Loops are condensed first, so a rework loop counts once.
    """
    graph = flow_graph(service_map)
    if graph.number_of_nodes() == 0:
        return [], 0.0
    condensed = nx.condensation(graph)
    for node, data in condensed.nodes(data=True):
        data["minutes"] = sum(graph.nodes[m]["minutes"] for m in data["members"])
    best: dict[int, tuple[float, list[int]]] = {}
    for node in nx.topological_sort(condensed):
        preds = [best[p] for p in condensed.predecessors(node)]
        before = max(preds, key=lambda item: item[0]) if preds else (0.0, [])
        best[node] = (before[0] + condensed.nodes[node]["minutes"], before[1] + [node])
    total, chain = max(best.values(), key=lambda item: (item[0], len(item[1])))
    reading = {c.id: i for i, c in enumerate(service_map.cards_in_reading_order())}
    cards = [card for node in chain
             for card in sorted(condensed.nodes[node]["members"], key=reading.__getitem__)]
    return cards, total

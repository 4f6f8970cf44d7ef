"""Flow analysis of a map's arrows with networkx: hand-offs, rework loops, gaps, critical path.

The findings panel lists these, `info` reports them and the handout prints them.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from ..model.entities import ServiceMap
from ..model.enums import CardKind, LaneKind, LineKind
from ..model.lines import blueprint_lines


# What counts as a step of the service (not a note about it: pains, ideas, notes).
STEP_KINDS = frozenset({CardKind.ACTION, CardKind.TOUCHPOINT, CardKind.EVIDENCE})


def reading_positions(service_map: ServiceMap) -> dict[str, int]:
    """Each card's place in reading order (stage, lane, order): how ties are broken."""
    return {card.id: index for index, card in enumerate(service_map.cards_in_reading_order())}


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


def rework_loops(service_map: ServiceMap, limit: int = 50, graph: nx.DiGraph | None = None,
                 reading: dict[str, int] | None = None) -> list[list[str]]:
    """Cycles of arrows (card ids), shortest first: steps that send work back.

    Each loop starts at its earliest card in reading order, so it reads left to right.
    """
    reading = reading_positions(service_map) if reading is None else reading
    cycles = []
    for cycle in nx.simple_cycles(flow_graph(service_map) if graph is None else graph):
        start = min(range(len(cycle)), key=lambda i: reading[cycle[i]])
        cycles.append(cycle[start:] + cycle[:start])
        if len(cycles) >= limit:
            break
    return sorted(cycles, key=lambda loop: (len(loop), [reading[c] for c in loop]))


@dataclass(frozen=True, slots=True)
class PathLoop:
    """A rework loop that the critical path runs through: going round once more repeats its
    cards, so each extra pass adds their minutes."""

    cards: tuple[str, ...]
    minutes_per_pass: float


@dataclass(frozen=True, slots=True)
class CriticalPath:
    """The longest chain of arrows by duration + wait, for one pass through the flow.

    `from_first_to_last` says whether it runs from the first customer action to the last
    (the journey's critical path); otherwise no chain of arrows joins them and this is the
    longest chain anywhere. Loops are never folded into `minutes`: `loops` lists each one the
    path touches with what one more pass adds."""

    cards: tuple[str, ...] = ()
    minutes: float = 0.0
    loops: tuple[PathLoop, ...] = ()
    from_first_to_last: bool = False


def _forward_graph(graph: nx.DiGraph, reading: dict[str, int]) -> nx.DiGraph:
    """The flow without its back edges (found by a depth-first walk that starts at the
    earliest card in reading order), so that a loop's way back is not walked as progress."""
    forward = nx.DiGraph()
    forward.add_nodes_from(graph.nodes(data=True))
    state: dict[str, int] = {}  # 1: on the walk's stack, 2: done
    order = sorted(graph.nodes, key=reading.__getitem__)
    successors = {node: sorted(graph.successors(node), key=reading.__getitem__) for node in order}
    for root in order:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(successors[root]))]
        while stack:
            node, pending = stack[-1]
            for child in pending:
                seen = state.get(child)
                if seen == 1:
                    continue  # a back edge, to a card still on the walk: leave it out
                forward.add_edge(node, child)
                if seen is None:
                    state[child] = 1
                    stack.append((child, iter(successors[child])))
                    break
            else:
                state[node] = 2
                stack.pop()
    return forward


def _longest_from(forward: nx.DiGraph, start: str | None, reading: dict[str, int]
                  ) -> dict[str, tuple[float, int, str | None]]:
    """For every node reachable from `start` (every node when None): (minutes of the
    longest chain ending there, its length, the previous node)."""
    best: dict[str, tuple[float, int, str | None]] = {}
    for node in nx.topological_sort(forward):  # ties are broken by reading order below
        minutes = forward.nodes[node]["minutes"]
        before = [(best[p][0], best[p][1], -reading[p], p) for p in forward.predecessors(node) if p in best]
        if before:
            total, length, _tie, previous = max(before)
            best[node] = (total + minutes, length + 1, previous)
        elif start is None or node == start:
            best[node] = (minutes, 1, None)
    return best


def _chain(best: dict[str, tuple[float, int, str | None]], end: str) -> list[str]:
    chain: list[str] = []
    node: str | None = end
    while node is not None:
        chain.append(node)
        node = best[node][2]
    return chain[::-1]


def critical_path(service_map: ServiceMap, loops: list[list[str]] | None = None,
                  graph: nx.DiGraph | None = None, reading: dict[str, int] | None = None) -> CriticalPath:
    """The journey's critical path: the longest chain of arrows (by duration + wait) from
    the first customer action to the last, walked once; the loops it touches are listed
    with what each extra pass adds. Without such a chain: the longest chain anywhere."""
    graph = flow_graph(service_map) if graph is None else graph
    if graph.number_of_nodes() == 0:
        return CriticalPath()
    reading = reading_positions(service_map) if reading is None else reading
    forward = _forward_graph(graph, reading)
    customer = {lane.id for lane in service_map.lanes if lane.kind is LaneKind.CUSTOMER}
    cards = service_map.cards
    actions = sorted((card_id for card_id, card in cards.items()
                      if card.lane_id in customer and card.kind in STEP_KINDS), key=reading.__getitem__)
    chain: list[str] = []
    joined = False
    if len(actions) >= 2:
        best = _longest_from(forward, actions[0], reading)
        if actions[-1] in best and best[actions[-1]][1] > 1:
            chain, joined = _chain(best, actions[-1]), True
    if not chain:
        best = _longest_from(forward, None, reading)
        end = max(best, key=lambda n: (best[n][0], best[n][1], -reading[n]))
        chain = _chain(best, end)
    if len(chain) < 2:
        return CriticalPath()
    on_path = set(chain)
    found = rework_loops(service_map, graph=graph, reading=reading) if loops is None else loops
    touched = tuple(PathLoop(tuple(loop), sum(graph.nodes[c]["minutes"] for c in loop))
                    for loop in found if on_path.intersection(loop))
    return CriticalPath(tuple(chain), sum(graph.nodes[c]["minutes"] for c in chain), touched, joined)

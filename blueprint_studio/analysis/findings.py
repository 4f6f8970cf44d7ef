"""The findings of one map: what the findings panel lists, `info` reports and the handout
prints — "where does this service fail the customer, and what do we fix first?"

One pure function of the map, fast enough to run after every edit (the panel runs it
off the keystroke path, a moment after the last change).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.entities import ServiceMap
from ..model.enums import LineKind
from .emotion import moment_of_truth_candidates
from .flow import (CriticalPath, HandOff, critical_path, flow_graph, hand_offs, reading_positions,
                   rework_loops)
from .gaps import Gap, GapRule, find_gaps


@dataclass(frozen=True, slots=True)
class MapFindings:
    hand_offs: list[HandOff] = field(default_factory=list)
    hand_offs_per_stage: dict[str, int] = field(default_factory=dict)  # stage id → arrows, by source card
    rework_loops: list[list[str]] = field(default_factory=list)  # card ids, reading order
    gaps: list[Gap] = field(default_factory=list)
    waits: list[tuple[str, float]] = field(default_factory=list)  # (card id, minutes), longest first
    fail_points: list[str] = field(default_factory=list)  # card ids, reading order
    path: CriticalPath = field(default_factory=CriticalPath)
    moment_of_truth_candidates: list[str] = field(default_factory=list)  # card ids

    @property
    def deep_hand_offs(self) -> list[HandOff]:
        """Those that cross the line of visibility or of internal interaction: where the
        work leaves the customer's sight or the front office."""
        deep = {LineKind.VISIBILITY, LineKind.INTERNAL_INTERACTION}
        return [h for h in self.hand_offs if deep.intersection(h.lines_crossed)]

    @property
    def stages_without_customer_action(self) -> list[str]:
        return [g.stage_id for g in self.gaps if g.rule is GapRule.STAGE_WITHOUT_CUSTOMER_ACTION]

    @property
    def critical_path(self) -> list[str]:
        return list(self.path.cards)

    @property
    def critical_path_minutes(self) -> float:
        return self.path.minutes


def map_findings(service_map: ServiceMap) -> MapFindings:
    graph, reading = flow_graph(service_map), reading_positions(service_map)
    loops = rework_loops(service_map, graph=graph, reading=reading)
    found_hand_offs = hand_offs(service_map)
    per_stage: dict[str, int] = {}
    for hand_off in found_hand_offs:
        stage = service_map.cards[service_map.connectors[hand_off.connector_id].source_id].stage_id
        per_stage[stage] = per_stage.get(stage, 0) + 1
    ordered = sorted(service_map.cards.values(), key=lambda card: reading[card.id])
    waits = sorted(((c.id, float(c.wait_minutes)) for c in ordered if c.wait_minutes),
                   key=lambda item: (-item[1], reading[item[0]]))
    return MapFindings(
        hand_offs=found_hand_offs,
        hand_offs_per_stage={s.id: per_stage[s.id] for s in service_map.stages if s.id in per_stage},
        rework_loops=loops,
        gaps=find_gaps(service_map),
        waits=waits,
        fail_points=[c.id for c in ordered if c.fail_point],
        path=critical_path(service_map, loops, graph, reading),
        moment_of_truth_candidates=moment_of_truth_candidates(service_map),
    )

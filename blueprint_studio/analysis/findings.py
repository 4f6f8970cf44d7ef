"""The findings of one map in plain words: what `info` prints and the handout lists.

The planned findings panel shows the same data and selects the cards by id.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.entities import ServiceMap
from .emotion import moment_of_truth_candidates
from .flow import HandOff, critical_path, gaps, hand_offs, rework_loops


@dataclass(frozen=True, slots=True)
class MapFindings:
    hand_offs: list[HandOff] = field(default_factory=list)
    rework_loops: list[list[str]] = field(default_factory=list)  # card ids, reading order
    stages_without_customer_action: list[str] = field(default_factory=list)  # stage ids
    critical_path: list[str] = field(default_factory=list)  # card ids
    critical_path_minutes: float = 0.0
    moment_of_truth_candidates: list[str] = field(default_factory=list)  # card ids


def map_findings(service_map: ServiceMap) -> MapFindings:
    path, minutes = critical_path(service_map)
    return MapFindings(
        hand_offs=hand_offs(service_map),
        rework_loops=rework_loops(service_map),
        stages_without_customer_action=gaps(service_map),
        critical_path=path,
        critical_path_minutes=minutes,
        moment_of_truth_candidates=moment_of_truth_candidates(service_map),
    )

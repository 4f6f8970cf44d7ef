"""Where the three lines of a blueprint and its emotion row fall, derived from the lanes'
kinds and order: one rule for the canvas and the printed map."""

from __future__ import annotations

from dataclasses import dataclass

from .entities import ServiceMap
from .enums import LINE_ABOVE_LANE, LaneKind, LineKind


@dataclass(frozen=True, slots=True)
class LinePlacement:
    kind: LineKind
    below_lane_index: int  # the line is drawn directly above the lane at this index


def blueprint_lines(service_map: ServiceMap) -> list[LinePlacement]:
    """Each line sits directly above its lower standard lane, when its upper lane is above.

    A custom lane between customer and frontstage therefore stays above the line of
    interaction, which is where a pain-point or emotion lane belongs.
    """
    kinds = [lane.kind for lane in service_map.lanes]
    placements: list[LinePlacement] = []
    for line, (upper, lower) in LINE_ABOVE_LANE.items():
        if upper in kinds and lower in kinds:
            upper_index, lower_index = kinds.index(upper), kinds.index(lower)
            if upper_index < lower_index:
                placements.append(LinePlacement(line, lower_index))
    return placements


def emotion_row_index(service_map: ServiceMap) -> int:
    """Where the emotion curve's row goes: directly above the customer lane (the curve is the
    customer's), or above the first lane when the map has none. The index is the lane it sits
    above; the canvas (canvas/layout.py) and the PDF (export/geometry.py) both place it here."""
    for index, lane in enumerate(service_map.lanes):
        if lane.kind is LaneKind.CUSTOMER:
            return index
    return 0

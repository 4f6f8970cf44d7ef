"""Building blocks for new maps: the standard lanes, stages from names."""

from __future__ import annotations

from collections.abc import Iterable

from .entities import Lane, Project, ProjectInfo, ServiceMap, Stage
from .enums import STANDARD_LANES, MapKind


def standard_lanes() -> list[Lane]:
    """The five lanes of a service blueprint; names empty = shown in the user's language."""
    return [Lane(kind=kind) for kind in STANDARD_LANES]


def new_map(name: str, stage_names: Iterable[str], kind: MapKind = MapKind.BLUEPRINT) -> ServiceMap:
    return ServiceMap(
        name=name,
        kind=kind,
        stages=[Stage(name=stage_name) for stage_name in stage_names],
        lanes=standard_lanes(),
    )


def new_project(title: str = "", maps: Iterable[ServiceMap] = ()) -> Project:
    return Project(info=ProjectInfo(title=title), maps=list(maps))

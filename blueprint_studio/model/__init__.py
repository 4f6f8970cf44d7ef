"""The pure domain model: no Qt, no SQL. See `operations` for the only way to edit it."""

from .entities import (
    Card,
    Connector,
    Lane,
    ModelError,
    Project,
    ProjectInfo,
    ServiceMap,
    Stage,
)
from .enums import CardKind, Channel, LaneKind, LineKind, MapKind, STANDARD_LANES
from .events import EventHub, ModelEvent
from .ids import new_id

__all__ = [
    "Card", "CardKind", "Channel", "Connector", "EventHub", "Lane", "LaneKind", "LineKind",
    "MapKind", "ModelError", "ModelEvent", "Project", "ProjectInfo", "STANDARD_LANES",
    "ServiceMap", "Stage", "new_id",
]

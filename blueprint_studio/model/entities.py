"""The entities of a project. Plain data: every change goes through `operations`.

Nothing here imports Qt or SQLAlchemy (a test guards this), so the model can be
tested, merged and stored without a GUI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from typing import Any

from .enums import EMOTION_MAX, EMOTION_MIN, CardKind, Channel, LaneKind, MapKind
from .events import EventHub
from .ids import new_id

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


class ModelError(ValueError):
    """An edit that would make the model invalid. The message is meant for the user."""


@dataclass(slots=True)
class Stage:
    """A column of the map: one step or phase of the journey."""

    name: str = ""
    description: str = ""
    phase: str = ""  # journey phase, e.g. "awareness" / 认知, or before / during / after
    width: float | None = None  # column width chosen by the user; None = automatic
    id: str = field(default_factory=new_id)


@dataclass(slots=True)
class Lane:
    """A row of the map: a standard blueprint lane or one the users added."""

    kind: LaneKind = LaneKind.CUSTOM
    name: str = ""  # empty on a standard lane means "the translated default name"
    colour: str = ""  # "#rrggbb" or "" for the kind's default
    id: str = field(default_factory=new_id)


@dataclass(slots=True)
class Card:
    """A sticky note in one stage x lane cell."""

    stage_id: str
    lane_id: str
    order: int = 0  # position within the cell, 0-based and dense
    text: str = ""
    kind: CardKind = CardKind.ACTION
    channel: Channel | None = None
    emotion: int | None = None  # -2 .. +2
    moment_of_truth: bool = False
    fail_point: bool = False
    wait_minutes: float | None = None
    duration_minutes: float | None = None
    owner: str = ""
    notes: str = ""
    colour: str = ""
    id: str = field(default_factory=new_id)


@dataclass(slots=True)
class Connector:
    """An arrow from one card to another in the same map."""

    source_id: str
    target_id: str
    label: str = ""
    id: str = field(default_factory=new_id)


@dataclass(slots=True)
class ServiceMap:
    """One service blueprint or journey map."""

    name: str = ""
    kind: MapKind = MapKind.BLUEPRINT
    description: str = ""
    stages: list[Stage] = field(default_factory=list)
    lanes: list[Lane] = field(default_factory=list)
    cards: dict[str, Card] = field(default_factory=dict)
    connectors: dict[str, Connector] = field(default_factory=dict)
    show_emotion_curve: bool = True
    id: str = field(default_factory=new_id)

    # -- look-ups -------------------------------------------------------------
    def stage(self, stage_id: str) -> Stage:
        for stage in self.stages:
            if stage.id == stage_id:
                return stage
        raise ModelError(f"No stage with id {stage_id}")

    def lane(self, lane_id: str) -> Lane:
        for lane in self.lanes:
            if lane.id == lane_id:
                return lane
        raise ModelError(f"No lane with id {lane_id}")

    def stage_index(self, stage_id: str) -> int:
        return self.stages.index(self.stage(stage_id))

    def lane_index(self, lane_id: str) -> int:
        return self.lanes.index(self.lane(lane_id))

    def has_stage(self, stage_id: str) -> bool:
        return any(s.id == stage_id for s in self.stages)

    def has_lane(self, lane_id: str) -> bool:
        return any(lane.id == lane_id for lane in self.lanes)

    def lane_of_kind(self, kind: LaneKind) -> Lane | None:
        for lane in self.lanes:
            if lane.kind is kind:
                return lane
        return None

    def cards_in_cell(self, stage_id: str, lane_id: str) -> list[Card]:
        """The cards of one cell, in their order."""
        cell = [c for c in self.cards.values() if c.stage_id == stage_id and c.lane_id == lane_id]
        cell.sort(key=lambda c: c.order)
        return cell

    def connectors_of(self, card_id: str) -> list[Connector]:
        return [c for c in self.connectors.values() if card_id in (c.source_id, c.target_id)]

    def cards_in_reading_order(self) -> list[Card]:
        """Stage by stage, lane by lane, then order within the cell."""
        stage_pos = {s.id: i for i, s in enumerate(self.stages)}
        lane_pos = {lane.id: i for i, lane in enumerate(self.lanes)}
        return sorted(
            self.cards.values(),
            key=lambda c: (stage_pos.get(c.stage_id, 0), lane_pos.get(c.lane_id, 0), c.order),
        )


@dataclass(slots=True)
class ProjectInfo:
    """Who the project is for: printed on handout covers."""

    title: str = ""
    organisation: str = ""
    date: str = ""  # free text, e.g. "2026-11-22" or "11月22日"
    trainer: str = ""
    group: str = ""
    notes: str = ""


@dataclass(slots=True)
class Project:
    """A workshop project: one file holds one project with one or more maps."""

    info: ProjectInfo = field(default_factory=ProjectInfo)
    maps: list[ServiceMap] = field(default_factory=list)
    id: str = field(default_factory=new_id)
    # Who follows the changes (views, the storage's dirty tracker); not part of the data.
    events: EventHub = field(default_factory=EventHub, compare=False, repr=False)

    def map(self, map_id: str) -> ServiceMap:
        for service_map in self.maps:
            if service_map.id == map_id:
                return service_map
        raise ModelError(f"No map with id {map_id}")

    def map_named(self, name: str) -> ServiceMap | None:
        for service_map in self.maps:
            if service_map.name == name:
                return service_map
        wanted = name.casefold()
        for service_map in self.maps:
            if service_map.name.casefold() == wanted:
                return service_map
        return None


# -- field checking shared by operations, importers and the inspector -------------

CARD_EDITABLE_FIELDS = (
    "text", "kind", "channel", "emotion", "moment_of_truth", "fail_point",
    "wait_minutes", "duration_minutes", "owner", "notes", "colour",
)
STAGE_EDITABLE_FIELDS = ("name", "description", "phase", "width")
LANE_EDITABLE_FIELDS = ("kind", "name", "colour")
CONNECTOR_EDITABLE_FIELDS = ("label",)
MAP_EDITABLE_FIELDS = ("name", "kind", "description", "show_emotion_curve")
INFO_EDITABLE_FIELDS = tuple(f.name for f in fields(ProjectInfo))


def check_colour(value: str) -> str:
    if value and not _COLOUR.match(value):
        raise ModelError(f"Colour must look like #1a2b3c, not {value!r}")
    return value.lower()


def _check_minutes(name: str, value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ModelError(f"{name} must be a number of minutes")
    if value != value or value < 0 or value > 10_000_000:  # NaN, negative, absurd
        raise ModelError(f"{name} must be between 0 and 10,000,000 minutes")
    return float(value)


def check_card_field(name: str, value: Any) -> Any:
    """Return the normalised value for a card field, or raise ModelError."""
    if name in ("text", "owner", "notes"):
        if not isinstance(value, str):
            raise ModelError(f"{name} must be text")
        return value
    if name == "kind":
        return CardKind(value)
    if name == "channel":
        return None if value in (None, "") else Channel(value)
    if name == "emotion":
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not (
            EMOTION_MIN <= value <= EMOTION_MAX
        ):
            raise ModelError(f"Emotion must be a whole number from {EMOTION_MIN} to +{EMOTION_MAX}")
        return value
    if name in ("moment_of_truth", "fail_point"):
        return bool(value)
    if name in ("wait_minutes", "duration_minutes"):
        return _check_minutes(name, value)
    if name == "colour":
        return check_colour(value)
    raise ModelError(f"Cards have no field {name!r}")


def check_stage_field(name: str, value: Any) -> Any:
    if name in ("name", "description", "phase"):
        if not isinstance(value, str):
            raise ModelError(f"{name} must be text")
        return value
    if name == "width":
        if value is None:
            return None
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not 40 <= value <= 5000:
            raise ModelError("Column width must be between 40 and 5000")
        return float(value)
    raise ModelError(f"Stages have no field {name!r}")


def check_lane_field(name: str, value: Any) -> Any:
    if name == "kind":
        return LaneKind(value)
    if name == "name":
        if not isinstance(value, str):
            raise ModelError("name must be text")
        return value
    if name == "colour":
        return check_colour(value)
    raise ModelError(f"Lanes have no field {name!r}")


def check_connector_field(name: str, value: Any) -> Any:
    if name == "label":
        if not isinstance(value, str):
            raise ModelError("label must be text")
        return value
    raise ModelError(f"Connectors have no field {name!r}")


def check_map_field(name: str, value: Any) -> Any:
    if name in ("name", "description"):
        if not isinstance(value, str):
            raise ModelError(f"{name} must be text")
        return value
    if name == "kind":
        return MapKind(value)
    if name == "show_emotion_curve":
        return bool(value)
    raise ModelError(f"Maps have no field {name!r}")


def check_info_field(name: str, value: Any) -> Any:
    if name not in INFO_EDITABLE_FIELDS:
        raise ModelError(f"The project has no field {name!r}")
    if not isinstance(value, str):
        raise ModelError(f"{name} must be text")
    return value


def copy_card(card: Card, **changes: Any) -> Card:
    return replace(card, **changes)

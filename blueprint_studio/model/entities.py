"""The entities of a project. Plain data: every change goes through `operations`.

What each field means to the program (its check, column, JSON name, the entity's scope,
order and what is removed with it) is described once, in `kinds`.

Nothing here imports Qt or SQLAlchemy (a test guards this), so the model can be
tested, merged and stored without a GUI.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .enums import CardKind, Channel, LaneKind, MapKind
from .errors import ModelError
from .events import EventHub
from .ids import new_id
from .screening import Brainstorm, Screening
from .touchpoints import AnswerCount, Kpi, MomentDecision, Rating

__all__ = ["Card", "Connector", "Lane", "ModelError", "Project", "ProjectInfo", "ServiceMap",
           "Stage"]


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
    # Touchpoint evaluation (model.touchpoints): each points at one of the map's cards.
    moments: dict[str, MomentDecision] = field(default_factory=dict)
    answer_counts: dict[str, AnswerCount] = field(default_factory=dict)
    ratings: dict[str, Rating] = field(default_factory=dict)
    kpis: list[Kpi] = field(default_factory=list)
    id: str = field(default_factory=new_id)

    # -- look-ups -------------------------------------------------------------
    def stage(self, stage_id: str) -> Stage:
        for stage in self.stages:
            if stage.id == stage_id:
                return stage
        raise ModelError("There is no stage with the id {id}", id=stage_id)

    def lane(self, lane_id: str) -> Lane:
        for lane in self.lanes:
            if lane.id == lane_id:
                return lane
        raise ModelError("There is no lane with the id {id}", id=lane_id)

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
    brainstorms: list[Brainstorm] = field(default_factory=list)  # concept screening's ideas
    screenings: list[Screening] = field(default_factory=list)
    id: str = field(default_factory=new_id)
    # Who follows the changes (views, the storage's dirty tracker); not part of the data.
    events: EventHub = field(default_factory=EventHub, compare=False, repr=False)

    def map(self, map_id: str) -> ServiceMap:
        for service_map in self.maps:
            if service_map.id == map_id:
                return service_map
        raise ModelError("There is no map with the id {id}", id=map_id)

    def map_named(self, name: str) -> ServiceMap | None:
        for service_map in self.maps:
            if service_map.name == name:
                return service_map
        wanted = name.casefold()
        for service_map in self.maps:
            if service_map.name.casefold() == wanted:
                return service_map
        return None

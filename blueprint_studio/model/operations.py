"""The small set of edits that keep a project valid.

Every change to a project goes through an `Operation`. `apply(project)` performs the
edit, emits `ModelEvent`s and returns the inverse operation, so undo is simply
"apply the inverse" and redo "apply the original again". The Qt undo commands,
importers, merging and tests all use these and nothing else.

Invariants kept here (see `validate.check_project`):
- every card lies in an existing stage and lane of its map;
- the cards of a cell have orders 0..n-1 without gaps or duplicates;
- every connector joins two different existing cards of its map, at most once per pair.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from .entities import (
    Card,
    Connector,
    Lane,
    ModelError,
    Project,
    ServiceMap,
    Stage,
    check_card_field,
    check_connector_field,
    check_info_field,
    check_lane_field,
    check_map_field,
    check_stage_field,
)
from .events import ModelEvent


class Operation(Protocol):
    def apply(self, project: Project) -> "Operation": ...


def _emit(project: Project, entity: str, action: str, entity_id: str,
          map_id: str | None = None, fields: Sequence[str] = ()) -> None:
    project.events.emit(ModelEvent(entity, action, entity_id, map_id, tuple(fields)))


def _clamp(index: int | None, size: int) -> int:
    if index is None or index > size:
        return size
    return max(0, index)


def _renumber(project: Project, service_map: ServiceMap, stage_id: str, lane_id: str,
              skip: str | None = None) -> None:
    """Make a cell's orders dense again, announcing cards whose order changed."""
    for position, card in enumerate(service_map.cards_in_cell(stage_id, lane_id)):
        if card.order != position:
            card.order = position
            if card.id != skip:
                _emit(project, "card", "updated", card.id, service_map.id, ("order",))


def _insert_into_cell(service_map: ServiceMap, card: Card, order: int | None) -> int:
    """Open a gap at `order` in the card's cell; return the clamped order."""
    cell = service_map.cards_in_cell(card.stage_id, card.lane_id)
    cell = [c for c in cell if c.id != card.id]
    position = _clamp(order, len(cell))
    for index, other in enumerate(cell):
        other.order = index + 1 if index >= position else index
    return position


def _set_fields(target: Any, changes: dict[str, Any], check: Any) -> tuple[dict[str, Any], tuple[str, ...]]:
    """Check every change first (all or nothing), then set them; return the old values."""
    checked = {name: check(name, value) for name, value in changes.items()}
    old = {name: getattr(target, name) for name in checked}
    for name, value in checked.items():
        setattr(target, name, value)
    return old, tuple(checked)


# -- grouping ------------------------------------------------------------------

@dataclass
class Batch:
    """Several operations as one edit (one undo step). All or nothing."""

    operations: list[Any] = field(default_factory=list)

    def apply(self, project: Project) -> "Batch":
        inverses: list[Any] = []
        try:
            for operation in self.operations:
                inverses.append(operation.apply(project))
        except Exception:
            for inverse in reversed(inverses):
                inverse.apply(project)
            raise
        return Batch(list(reversed(inverses)))


# -- project -----------------------------------------------------------------------

@dataclass
class UpdateProjectInfo:
    changes: dict[str, Any]

    def apply(self, project: Project) -> "UpdateProjectInfo":
        old, names = _set_fields(project.info, self.changes, check_info_field)
        _emit(project, "project", "updated", project.id, None, names)
        return UpdateProjectInfo(old)


# -- maps ------------------------------------------------------------------------------

@dataclass
class AddMap:
    """Add a whole map (with its stages, lanes, cards and connectors)."""

    service_map: ServiceMap
    index: int | None = None

    def apply(self, project: Project) -> "RemoveMap":
        if any(m.id == self.service_map.id for m in project.maps):
            raise ModelError("This map is already in the project")
        from .validate import check_map

        check_map(self.service_map)
        added = copy.deepcopy(self.service_map)
        project.maps.insert(_clamp(self.index, len(project.maps)), added)
        _emit(project, "map", "added", added.id, added.id)
        return RemoveMap(added.id)


@dataclass
class RemoveMap:
    map_id: str

    def apply(self, project: Project) -> AddMap:
        service_map = project.map(self.map_id)
        index = project.maps.index(service_map)
        project.maps.remove(service_map)
        _emit(project, "map", "removed", service_map.id, service_map.id)
        return AddMap(service_map, index)


@dataclass
class MoveMap:
    map_id: str
    index: int

    def apply(self, project: Project) -> "MoveMap":
        service_map = project.map(self.map_id)
        old = project.maps.index(service_map)
        project.maps.remove(service_map)
        project.maps.insert(_clamp(self.index, len(project.maps)), service_map)
        _emit(project, "map", "moved", service_map.id, service_map.id)
        return MoveMap(service_map.id, old)


@dataclass
class UpdateMap:
    map_id: str
    changes: dict[str, Any]

    def apply(self, project: Project) -> "UpdateMap":
        service_map = project.map(self.map_id)
        old, names = _set_fields(service_map, self.changes, check_map_field)
        _emit(project, "map", "updated", service_map.id, service_map.id, names)
        return UpdateMap(service_map.id, old)


# -- stages and lanes (one implementation: both are ordered axes of the grid) ------

def _axis(service_map: ServiceMap, axis: str) -> list[Any]:
    return service_map.stages if axis == "stage" else service_map.lanes


def _find(items: list[Any], item_id: str, what: str) -> Any:
    for item in items:
        if item.id == item_id:
            return item
    raise ModelError(f"No {what} with id {item_id}")


@dataclass
class _AddAxisItem:
    map_id: str
    item: Any
    index: int | None = None
    axis: str = "stage"

    def apply(self, project: Project) -> Any:
        service_map = project.map(self.map_id)
        items = _axis(service_map, self.axis)
        if any(i.id == self.item.id for i in items):
            raise ModelError(f"This {self.axis} is already in the map")
        added = copy.copy(self.item)
        items.insert(_clamp(self.index, len(items)), added)
        _emit(project, self.axis, "added", added.id, service_map.id)
        return _RemoveAxisItem(service_map.id, added.id, self.axis)


@dataclass
class _RemoveAxisItem:
    """Remove a stage or lane together with its cards (and their connectors)."""

    map_id: str
    item_id: str
    axis: str = "stage"

    def apply(self, project: Project) -> Batch:
        service_map = project.map(self.map_id)
        items = _axis(service_map, self.axis)
        item = _find(items, self.item_id, self.axis)
        key = "stage_id" if self.axis == "stage" else "lane_id"
        doomed = [c for c in service_map.cards.values() if getattr(c, key) == item.id]
        # Remove cards first so the undo re-adds the column before its cards.
        inner = Batch([RemoveCard(service_map.id, c.id) for c in doomed]).apply(project)
        index = items.index(item)
        items.remove(item)
        _emit(project, self.axis, "removed", item.id, service_map.id)
        restore = _AddAxisItem(service_map.id, item, index, self.axis)
        return Batch([restore, *inner.operations])


@dataclass
class _MoveAxisItem:
    map_id: str
    item_id: str
    index: int
    axis: str = "stage"

    def apply(self, project: Project) -> Any:
        service_map = project.map(self.map_id)
        items = _axis(service_map, self.axis)
        item = _find(items, self.item_id, self.axis)
        old = items.index(item)
        items.remove(item)
        items.insert(_clamp(self.index, len(items)), item)
        _emit(project, self.axis, "moved", item.id, service_map.id)
        return _MoveAxisItem(service_map.id, item.id, old, self.axis)


@dataclass
class _UpdateAxisItem:
    map_id: str
    item_id: str
    changes: dict[str, Any]
    axis: str = "stage"

    def apply(self, project: Project) -> Any:
        service_map = project.map(self.map_id)
        item = _find(_axis(service_map, self.axis), self.item_id, self.axis)
        check = check_stage_field if self.axis == "stage" else check_lane_field
        old, names = _set_fields(item, self.changes, check)
        _emit(project, self.axis, "updated", item.id, service_map.id, names)
        return _UpdateAxisItem(service_map.id, item.id, old, self.axis)


def AddStage(map_id: str, stage: Stage, index: int | None = None) -> _AddAxisItem:
    return _AddAxisItem(map_id, stage, index, "stage")


def RemoveStage(map_id: str, stage_id: str) -> _RemoveAxisItem:
    return _RemoveAxisItem(map_id, stage_id, "stage")


def MoveStage(map_id: str, stage_id: str, index: int) -> _MoveAxisItem:
    return _MoveAxisItem(map_id, stage_id, index, "stage")


def UpdateStage(map_id: str, stage_id: str, changes: dict[str, Any]) -> _UpdateAxisItem:
    return _UpdateAxisItem(map_id, stage_id, changes, "stage")


def AddLane(map_id: str, lane: Lane, index: int | None = None) -> _AddAxisItem:
    return _AddAxisItem(map_id, lane, index, "lane")


def RemoveLane(map_id: str, lane_id: str) -> _RemoveAxisItem:
    return _RemoveAxisItem(map_id, lane_id, "lane")


def MoveLane(map_id: str, lane_id: str, index: int) -> _MoveAxisItem:
    return _MoveAxisItem(map_id, lane_id, index, "lane")


def UpdateLane(map_id: str, lane_id: str, changes: dict[str, Any]) -> _UpdateAxisItem:
    return _UpdateAxisItem(map_id, lane_id, changes, "lane")


# -- cards -----------------------------------------------------------------------------

@dataclass
class AddCard:
    """Insert a card at `card.order` in its cell (clamped); later cards shift down."""

    map_id: str
    card: Card

    def apply(self, project: Project) -> "RemoveCard":
        service_map = project.map(self.map_id)
        if self.card.id in service_map.cards:
            raise ModelError("This card is already in the map")
        if not service_map.has_stage(self.card.stage_id):
            raise ModelError("A card must be placed in an existing stage")
        if not service_map.has_lane(self.card.lane_id):
            raise ModelError("A card must be placed in an existing lane")
        card = copy.copy(self.card)
        for name in ("text", "kind", "channel", "emotion", "moment_of_truth", "fail_point",
                     "wait_minutes", "duration_minutes", "owner", "notes", "colour"):
            setattr(card, name, check_card_field(name, getattr(card, name)))
        card.order = _insert_into_cell(service_map, card, card.order)
        service_map.cards[card.id] = card
        _emit(project, "card", "added", card.id, service_map.id)
        for other in service_map.cards_in_cell(card.stage_id, card.lane_id):
            if other.order > card.order:
                _emit(project, "card", "updated", other.id, service_map.id, ("order",))
        return RemoveCard(service_map.id, card.id)


@dataclass
class RemoveCard:
    """Remove a card and the connectors that touch it."""

    map_id: str
    card_id: str

    def apply(self, project: Project) -> Batch:
        service_map = project.map(self.map_id)
        card = service_map.cards.get(self.card_id)
        if card is None:
            raise ModelError(f"No card with id {self.card_id}")
        restored: list[Any] = []
        for connector in service_map.connectors_of(card.id):
            restored.append(RemoveConnector(service_map.id, connector.id).apply(project))
        del service_map.cards[card.id]
        _emit(project, "card", "removed", card.id, service_map.id)
        _renumber(project, service_map, card.stage_id, card.lane_id)
        return Batch([AddCard(service_map.id, card), *reversed(restored)])


@dataclass
class MoveCard:
    """Move a card to a cell (possibly its own) at a position within it."""

    map_id: str
    card_id: str
    stage_id: str
    lane_id: str
    order: int | None = None

    def apply(self, project: Project) -> "MoveCard":
        service_map = project.map(self.map_id)
        card = service_map.cards.get(self.card_id)
        if card is None:
            raise ModelError(f"No card with id {self.card_id}")
        if not service_map.has_stage(self.stage_id) or not service_map.has_lane(self.lane_id):
            raise ModelError("A card must be moved into an existing stage and lane")
        old = MoveCard(service_map.id, card.id, card.stage_id, card.lane_id, card.order)
        old_cell = (card.stage_id, card.lane_id)
        card.stage_id, card.lane_id = self.stage_id, self.lane_id
        if old_cell != (self.stage_id, self.lane_id):
            _renumber(project, service_map, *old_cell, skip=card.id)
        card.order = _insert_into_cell(service_map, card, self.order)
        _emit(project, "card", "updated", card.id, service_map.id, ("stage_id", "lane_id", "order"))
        for other in service_map.cards_in_cell(card.stage_id, card.lane_id):
            if other.id != card.id:
                _emit(project, "card", "updated", other.id, service_map.id, ("order",))
        return old


@dataclass
class UpdateCard:
    map_id: str
    card_id: str
    changes: dict[str, Any]

    def apply(self, project: Project) -> "UpdateCard":
        service_map = project.map(self.map_id)
        card = service_map.cards.get(self.card_id)
        if card is None:
            raise ModelError(f"No card with id {self.card_id}")
        old, names = _set_fields(card, self.changes, check_card_field)
        _emit(project, "card", "updated", card.id, service_map.id, names)
        return UpdateCard(service_map.id, card.id, old)


# -- connectors ----------------------------------------------------------------------

@dataclass
class AddConnector:
    map_id: str
    connector: Connector

    def apply(self, project: Project) -> "RemoveConnector":
        service_map = project.map(self.map_id)
        c = self.connector
        if c.id in service_map.connectors:
            raise ModelError("This connector is already in the map")
        if c.source_id not in service_map.cards or c.target_id not in service_map.cards:
            raise ModelError("An arrow must join two cards of the same map")
        if c.source_id == c.target_id:
            raise ModelError("An arrow cannot lead from a card to itself")
        if any(o.source_id == c.source_id and o.target_id == c.target_id
               for o in service_map.connectors.values()):
            raise ModelError("These cards are already joined by an arrow")
        added = copy.copy(c)
        added.label = check_connector_field("label", added.label)
        service_map.connectors[added.id] = added
        _emit(project, "connector", "added", added.id, service_map.id)
        return RemoveConnector(service_map.id, added.id)


@dataclass
class RemoveConnector:
    map_id: str
    connector_id: str

    def apply(self, project: Project) -> AddConnector:
        service_map = project.map(self.map_id)
        connector = service_map.connectors.pop(self.connector_id, None)
        if connector is None:
            raise ModelError(f"No connector with id {self.connector_id}")
        _emit(project, "connector", "removed", connector.id, service_map.id)
        return AddConnector(service_map.id, connector)


@dataclass
class UpdateConnector:
    map_id: str
    connector_id: str
    changes: dict[str, Any]

    def apply(self, project: Project) -> "UpdateConnector":
        service_map = project.map(self.map_id)
        connector = service_map.connectors.get(self.connector_id)
        if connector is None:
            raise ModelError(f"No connector with id {self.connector_id}")
        old, names = _set_fields(connector, self.changes, check_connector_field)
        _emit(project, "connector", "updated", connector.id, service_map.id, names)
        return UpdateConnector(service_map.id, connector.id, old)


def remove_cards(service_map: ServiceMap, card_ids: Iterable[str]) -> Batch:
    """One undoable deletion of several cards.

    Last card of each cell first: removing a card renumbers the cards after it, so in this
    order the doomed cards are never renumbered (nor announced) on their way out.
    """
    doomed = [service_map.cards[card_id] for card_id in dict.fromkeys(card_ids)
              if card_id in service_map.cards]
    doomed.sort(key=lambda card: -card.order)
    return Batch([RemoveCard(service_map.id, card.id) for card in doomed])

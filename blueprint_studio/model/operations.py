"""The edits that keep a project valid: one generic set, driven by the kinds' descriptions.

Every change to a project goes through an operation. `apply(project)` performs the edit,
keeps the invariants, records what changed and returns the inverse operation, so undo is
"apply the inverse" and redo "apply the original again". The project announces one
`ChangeSet` when the outermost operation returns (see `events`). The Qt undo commands,
importers, merging and tests all use these and nothing else.

`Add`, `Remove`, `Update` and `Move` work for every kind in `kinds.KINDS`; the named
constructors below (`AddCard`, `RemoveStage`, ...) are shorthands for the common ones.
Invariants kept here (see also `validate.check_project`):
- every field value passes its kind's check, however the entity arrives;
- a ref field points at an existing entity of the same scope;
- entities ordered by group (cards in a cell) are numbered 0..n-1;
- no two entities share what their kind keeps unique (one arrow per direction);
- a parent keeps at least `keep_at_least` of a kind (a map its last stage and lane).
"""

from __future__ import annotations

import copy
from itertools import compress
from operator import attrgetter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .entities import Card, Connector, Lane, ModelError, Project, ServiceMap, Stage
from .errors import Phrase
from .events import ModelEvent
from .kinds import (
    KINDS, PROJECT, Kind, Scope, check_info_field, check_project_room, check_room, children_of,
    dependents_of, find, group_of, lookup, members_of_group, parent_object, walk,
)


class Operation:
    """Base of every operation: `apply` runs `run` as one edit (one change set)."""

    def apply(self, project: Project) -> "Operation":
        with project.events.edit():
            return self.run(project)

    def run(self, project: Project) -> "Operation":  # pragma: no cover - abstract
        raise NotImplementedError


def _record(project: Project, kind_name: str, action: str, entity_id: str, scope: Scope,
            names: Iterable[str] = ()) -> None:
    # The map an event belongs to: its own id for a map, the first id of its scope for what
    # lies on a map; None for the project's cover, screenings and brainstorms.
    root = kind_name
    while root in KINDS and KINDS[root].parent != PROJECT:
        root = KINDS[root].parent
    map_id = None if root != "map" else (entity_id if kind_name == "map" else scope[0])
    project.events.record(ModelEvent(kind_name, action, entity_id, map_id, tuple(names), scope))


def _clamp(index: int | None, size: int) -> int:
    if index is None or index > size:
        return size
    return max(0, index)


def _kind(name: str) -> Kind:
    try:
        return KINDS[name]
    except KeyError:
        raise ModelError("There is no kind of entity called {name}", name=name) from None


def _checked_changes(kind: Kind, changes: dict[str, Any]) -> dict[str, Any]:
    return {name: kind.check_field(name, value) for name, value in changes.items()}


# -- grouping ------------------------------------------------------------------------

@dataclass
class Batch(Operation):
    """Several operations as one edit (one undo step). All or nothing."""

    operations: list[Any] = field(default_factory=list)

    def run(self, project: Project) -> "Batch":
        inverses: list[Any] = []
        try:
            for operation in self.operations:
                inverses.append(operation.apply(project))
        except Exception:
            for inverse in reversed(inverses):
                inverse.apply(project)
            raise
        return Batch(list(reversed(inverses)))


# -- the project's own information ------------------------------------------------------

@dataclass
class UpdateProjectInfo(Operation):
    changes: dict[str, Any]

    def run(self, project: Project) -> "UpdateProjectInfo":
        checked = {name: check_info_field(name, value) for name, value in self.changes.items()}
        old = {name: getattr(project.info, name) for name in checked}
        for name, value in checked.items():
            setattr(project.info, name, value)
        _record(project, PROJECT, "updated", project.id, (), checked)
        return UpdateProjectInfo(old)


# -- the generic four -------------------------------------------------------------------

def removal_refused(project: Project, kind_name: str, scope: Scope) -> ModelError | None:
    """Why removing one `kind_name` from `scope` would break a rule, or None. The window
    asks this before it asks the user to confirm a deletion."""
    kind = _kind(kind_name)
    held = kind.container(parent_object(project, kind, scope))
    if kind.keep_at_least and len(held) <= kind.keep_at_least:
        owner = "the project" if kind.parent == PROJECT else f"a {KINDS[kind.parent].label}"
        return ModelError("{owner} keeps at least one {kind}", owner=Phrase(owner),
                          kind=Phrase(kind.label))
    return None


def _check_refs(kind: Kind, parent: Any, entity: Any) -> None:
    for spec in kind.refs:
        target_kind = KINDS[spec.references]
        if lookup(parent, target_kind, getattr(entity, spec.name)) is None:
            raise ModelError("The {kind} must point at an existing {target}",
                             kind=Phrase(kind.label), target=Phrase(target_kind.label))
    if kind.distinct and len({getattr(entity, name) for name in kind.distinct}) < len(kind.distinct):
        raise ModelError(kind.distinct_message, kind=Phrase(kind.label))
    if kind.unique_together:
        key, values = kind.unique_key, kind.unique_key(entity)
        held = kind.container(parent)
        candidates = _matching(list(held.values() if isinstance(held, dict) else held),
                               kind.unique_together[0], values[0])
        existing = lookup(parent, kind, entity.id)
        matches = sum(1 for other in candidates if key(other) == values)
        if matches > (1 if existing is not None and key(existing) == values else 0):
            raise ModelError(kind.unique_message, kind=Phrase(kind.label))


def _check_room_for_subtree(project: Project, kind: Kind, entity: Any) -> None:
    """A whole map brings its cards: the project's limits count them too."""
    brought: dict[str, int] = {}
    for child_kind, _scope, _child, _position in walk(entity, kind.name, (entity.id,)):
        brought[child_kind.name] = brought.get(child_kind.name, 0) + 1
    for name, count in brought.items():
        check_project_room(project, KINDS[name], count)


def _matching(entities: list[Any], name: str, value: Any) -> list[Any]:
    """The entities whose `name` equals `value`, filtered in C: undoing the deletion of
    3,000 arrows checks each against the others, and removing 2,000 cards looks up the
    arrows of each."""
    return list(compress(entities, map(value.__eq__, map(attrgetter(name), entities))))


def _check_subtree(kind: Kind, entity: Any) -> None:
    """An entity that arrives with children (a whole map) is checked all the way down."""
    from .validate import check_children

    check_children(kind, entity)


@dataclass
class Add(Operation):
    """Add `entity` of `kind` in `scope`; at `index` for ordered kinds, and for kinds
    ordered by group at the entity's own order (clamped; later members shift down)."""

    kind: str
    scope: Scope
    entity: Any
    index: int | None = None

    def run(self, project: Project) -> "Remove":
        kind = _kind(self.kind)
        parent = parent_object(project, kind, self.scope)
        if lookup(parent, kind, self.entity.id) is not None:
            raise ModelError("This {kind} is already there", kind=Phrase(kind.label))
        check_room(project, kind, parent)
        added = copy.deepcopy(self.entity) if children_of(kind.name) else copy.copy(self.entity)
        kind.check_entity(added)
        _check_refs(kind, parent, added)
        if kind.rule is not None:
            kind.rule(parent, added)
        if children_of(kind.name):
            _check_subtree(kind, added)
            _check_room_for_subtree(project, kind, added)
        held = kind.container(parent)
        if isinstance(held, list):
            held.insert(_clamp(self.index, len(held)), added)
            _record(project, kind.name, "added", added.id, self.scope)
            return Remove(kind.name, self.scope, added.id)
        shifted = _open_gap(kind, parent, added) if kind.group_by else []
        held[added.id] = added
        _record(project, kind.name, "added", added.id, self.scope)
        for other in shifted:
            _record(project, kind.name, "updated", other.id, self.scope, ("order",))
        return Remove(kind.name, self.scope, added.id)


def _open_gap(kind: Kind, parent: Any, entity: Any) -> list[Any]:
    """Make room at the entity's order in its group; return the members that moved."""
    order = kind.order_field.name  # type: ignore[union-attr]
    members = [m for m in members_of_group(kind, parent, group_of(kind, entity))
               if m.id != entity.id]
    position = _clamp(getattr(entity, order), len(members))
    setattr(entity, order, position)
    moved = []
    for index, member in enumerate(members):
        wanted = index + 1 if index >= position else index
        if getattr(member, order) != wanted:
            setattr(member, order, wanted)
            moved.append(member)
    return moved


def _close_gap(project: Project, kind: Kind, parent: Any, scope: Scope,
               group: tuple[Any, ...], skip: str | None = None) -> None:
    """Number a group 0..n-1 again, announcing the members whose order changed."""
    order = kind.order_field.name  # type: ignore[union-attr]
    for position, member in enumerate(members_of_group(kind, parent, group)):
        if getattr(member, order) != position:
            setattr(member, order, position)
            if member.id != skip:
                _record(project, kind.name, "updated", member.id, scope, ("order",))


@dataclass
class Remove(Operation):
    """Remove an entity with everything that depends on it: the entities of its scope
    that point at it (a stage's cards, a card's arrows), removed first so that the undo
    puts the entity back before them. Contained children go with their parent."""

    kind: str
    scope: Scope
    entity_id: str

    def run(self, project: Project) -> "Batch":
        kind = _kind(self.kind)
        parent = parent_object(project, kind, self.scope)
        entity = find(project, kind, self.scope, self.entity_id)
        held = kind.container(parent)
        refusal = removal_refused(project, kind.name, self.scope)
        if refusal is not None:
            raise refusal
        inverses = []
        for other_kind, spec in dependents_of(kind):
            doomed = _matching(other_kind.entities(parent), spec.name, entity.id)
            if other_kind.group_by:  # last of each group first: none is renumbered on its way out
                order = other_kind.order_field.name  # type: ignore[union-attr]
                doomed.sort(key=lambda e: -getattr(e, order))
            for dependent in doomed:
                if lookup(parent, other_kind, dependent.id) is not None:
                    inverses.append(Remove(other_kind.name, self.scope, dependent.id).apply(project))
        if isinstance(held, list):
            index = held.index(entity)
            held.remove(entity)
            _record(project, kind.name, "removed", entity.id, self.scope)
            restore: Operation = Add(kind.name, self.scope, entity, index)
        else:
            del held[entity.id]
            _record(project, kind.name, "removed", entity.id, self.scope)
            if kind.group_by:
                _close_gap(project, kind, parent, self.scope, group_of(kind, entity))
            restore = Add(kind.name, self.scope, entity)
        return Batch([restore, *reversed(inverses)])


@dataclass
class Update(Operation):
    """Change editable fields of one entity; every value is checked before any is set."""

    kind: str
    scope: Scope
    entity_id: str
    changes: dict[str, Any]

    def run(self, project: Project) -> "Update":
        kind = _kind(self.kind)
        entity = find(project, kind, self.scope, self.entity_id)
        checked = _checked_changes(kind, self.changes)
        if kind.rule is not None:
            probe = copy.copy(entity)
            for name, value in checked.items():
                setattr(probe, name, value)
            kind.rule(parent_object(project, kind, self.scope), probe)
        old = {name: getattr(entity, name) for name in checked}
        for name, value in checked.items():
            setattr(entity, name, value)
        _record(project, kind.name, "updated", entity.id, self.scope, checked)
        return Update(kind.name, self.scope, entity.id, old)


@dataclass
class Move(Operation):
    """Move an entity to `index` among its siblings; for kinds ordered by group, `group`
    may also name another group (a card's new stage and lane)."""

    kind: str
    scope: Scope
    entity_id: str
    index: int | None
    group: dict[str, Any] | None = None

    def run(self, project: Project) -> "Move":
        kind = _kind(self.kind)
        parent = parent_object(project, kind, self.scope)
        entity = find(project, kind, self.scope, self.entity_id)
        held = kind.container(parent)
        if isinstance(held, list):
            if self.group:
                raise ModelError("The {kind} has no group to move to", kind=Phrase(kind.label))
            old = held.index(entity)
            held.remove(entity)
            held.insert(_clamp(self.index, len(held)), entity)
            _record(project, kind.name, "moved", entity.id, self.scope)
            return Move(kind.name, self.scope, entity.id, old)
        if not kind.group_by:
            raise ModelError("The {kind}s of a {parent} have no order", kind=Phrase(kind.label),
                             parent=Phrase(KINDS[kind.parent].label))
        order = kind.order_field.name  # type: ignore[union-attr]
        old_group = {name: getattr(entity, name) for name in kind.group_by}
        inverse = Move(kind.name, self.scope, entity.id, getattr(entity, order), old_group)
        new_group = dict(old_group)
        for name, value in (self.group or {}).items():
            if name not in kind.group_by:
                raise ModelError("The {kind} has no field {name}", kind=Phrase(kind.label), name=name)
            new_group[name] = kind.field(name).check(value)
        probe = copy.copy(entity)
        for name, value in new_group.items():
            setattr(probe, name, value)
        _check_refs(kind, parent, probe)
        for name, value in new_group.items():
            setattr(entity, name, value)
        if new_group != old_group:
            _close_gap(project, kind, parent, self.scope, tuple(old_group.values()), skip=entity.id)
        setattr(entity, order, self.index if self.index is not None else len(held))
        _open_gap(kind, parent, entity)
        _record(project, kind.name, "updated", entity.id, self.scope, (*kind.group_by, order))
        for other in members_of_group(kind, parent, group_of(kind, entity)):
            if other.id != entity.id:
                _record(project, kind.name, "updated", other.id, self.scope, (order,))
        return inverse


# -- shorthands ------------------------------------------------------------------------

def AddMap(service_map: ServiceMap, index: int | None = None) -> Add:
    """Add a whole map (with its stages, lanes, cards and connectors)."""
    return Add("map", (), service_map, index)


def RemoveMap(map_id: str) -> Remove:
    return Remove("map", (), map_id)


def MoveMap(map_id: str, index: int) -> Move:
    return Move("map", (), map_id, index)


def UpdateMap(map_id: str, changes: dict[str, Any]) -> Update:
    return Update("map", (), map_id, changes)


def AddStage(map_id: str, stage: Stage, index: int | None = None) -> Add:
    return Add("stage", (map_id,), stage, index)


def RemoveStage(map_id: str, stage_id: str) -> Remove:
    return Remove("stage", (map_id,), stage_id)


def MoveStage(map_id: str, stage_id: str, index: int) -> Move:
    return Move("stage", (map_id,), stage_id, index)


def UpdateStage(map_id: str, stage_id: str, changes: dict[str, Any]) -> Update:
    return Update("stage", (map_id,), stage_id, changes)


def AddLane(map_id: str, lane: Lane, index: int | None = None) -> Add:
    return Add("lane", (map_id,), lane, index)


def RemoveLane(map_id: str, lane_id: str) -> Remove:
    return Remove("lane", (map_id,), lane_id)


def MoveLane(map_id: str, lane_id: str, index: int) -> Move:
    return Move("lane", (map_id,), lane_id, index)


def UpdateLane(map_id: str, lane_id: str, changes: dict[str, Any]) -> Update:
    return Update("lane", (map_id,), lane_id, changes)


def AddCard(map_id: str, card: Card) -> Add:
    """Insert a card at `card.order` in its cell (clamped); later cards shift down."""
    return Add("card", (map_id,), card)


def RemoveCard(map_id: str, card_id: str) -> Remove:
    """Remove a card and the connectors that touch it."""
    return Remove("card", (map_id,), card_id)


def MoveCard(map_id: str, card_id: str, stage_id: str, lane_id: str,
             order: int | None = None) -> Move:
    """Move a card to a cell (possibly its own) at a position within it."""
    return Move("card", (map_id,), card_id, order, {"stage_id": stage_id, "lane_id": lane_id})


def UpdateCard(map_id: str, card_id: str, changes: dict[str, Any]) -> Update:
    return Update("card", (map_id,), card_id, changes)


def AddConnector(map_id: str, connector: Connector) -> Add:
    return Add("connector", (map_id,), connector)


def RemoveConnector(map_id: str, connector_id: str) -> Remove:
    return Remove("connector", (map_id,), connector_id)


def UpdateConnector(map_id: str, connector_id: str, changes: dict[str, Any]) -> Update:
    return Update("connector", (map_id,), connector_id, changes)


def remove_cards(service_map: ServiceMap, card_ids: Iterable[str]) -> Batch:
    """One undoable deletion of several cards.

    Last card of each cell first: removing a card renumbers the cards after it, so in this
    order the doomed cards are never renumbered (nor announced) on their way out.
    """
    doomed = [service_map.cards[card_id] for card_id in dict.fromkeys(card_ids)
              if card_id in service_map.cards]
    doomed.sort(key=lambda card: -card.order)
    return Batch([RemoveCard(service_map.id, card.id) for card in doomed])

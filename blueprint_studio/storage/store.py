"""Saving a project into a store: revision-checked, incremental, engine-neutral.

A store is where projects are kept: the SQLite project file today (`project_file`), a
server database later. Whatever the engine, a save is one transaction that first claims
the next revision (`UPDATE project SET revision = base + 1 WHERE id = … AND revision =
base`): when someone else saved since our base, nothing is written and `StaleBase` says
so. Then only the rows the change tracker names are written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import Connection, Table, and_, bindparam

from blueprint_studio.model import Project
from blueprint_studio.model.kinds import KINDS, Kind, Scope, children_of, lookup, parent_object, walk
from blueprint_studio.model.entities import ModelError

from . import codec, schema
from .changes import ChangeTracker, Key


class Store(Protocol):
    """What the rest of the program needs of a place that keeps a project."""

    project: Project

    @property
    def is_dirty(self) -> bool: ...

    def save(self) -> None:
        """Write the changes since the last save, or raise StaleSaveError untouched."""

    def close(self) -> None: ...


class StaleBase(Exception):
    """The store holds a newer revision than the one our changes were computed from."""


class OutOfStep(Exception):
    """A row we expected in the store is not there (changed by another program)."""


@dataclass
class StoredState:
    """What the store holds, by kind and key (position for ordered kinds)."""

    rows: dict[str, dict[Key, int]] = field(default_factory=lambda: {n: {} for n in KINDS})

    @classmethod
    def of(cls, project: Project) -> "StoredState":
        state = cls()
        for kind, scope, entity, position in walk(project):
            state.rows[kind.name][(scope, entity.id)] = position
        return state

    def copy(self) -> "StoredState":
        return StoredState({name: dict(rows) for name, rows in self.rows.items()})

    def drop_below(self, kind: Kind, key: Key) -> None:
        """Forget everything stored under an entity (not the entity itself)."""
        prefix = (*key[0], key[1])
        for other in KINDS.values():
            if other.depth > kind.depth:
                rows = self.rows[other.name]
                for doomed in [k for k in rows if k[0][:len(prefix)] == prefix]:
                    del rows[doomed]


def claim_revision(connection: Connection, project_id: str, base: int) -> int:
    """Take the next revision, or raise StaleBase if the store is not at `base`."""
    table = schema.project
    done = connection.execute(table.update()
                              .where(and_(table.c.id == project_id, table.c.revision == base))
                              .values(revision=base + 1)).rowcount
    if done != 1:
        raise StaleBase(project_id)
    return base + 1


def rewrite(connection: Connection, project: Project, revision: int) -> None:
    """Replace every row of the project, in the caller's transaction."""
    codec.delete_project_rows(connection, project.id)
    connection.execute(schema.project.delete().where(schema.project.c.id == project.id))
    codec.insert_project(connection, project, revision)


# -- the incremental write ----------------------------------------------------------

def _key_clause(kind: Kind, table: Table) -> Any:
    names = ("project_id", *kind.scope_columns, "id")
    return and_(*(table.c[name] == bindparam(f"key_{name}") for name in names))


# Statements built once and executed with many parameter sets (executemany).
_UPDATE = {name: schema.KIND_TABLES[name].update().where(
    _key_clause(kind, schema.KIND_TABLES[name])) for name, kind in KINDS.items()}
_DELETE = {name: schema.KIND_TABLES[name].delete().where(
    _key_clause(kind, schema.KIND_TABLES[name])) for name, kind in KINDS.items()}


def _key_parameters(kind: Kind, project_id: str, key: Key) -> dict[str, Any]:
    scope, entity_id = key
    values = {"key_project_id": project_id, "key_id": entity_id}
    values.update({f"key_{name}": value for name, value in zip(kind.scope_columns, scope)})
    return values


def _delete_below(connection: Connection, kind: Kind, project_id: str, key: Key) -> None:
    """Delete the rows of everything contained in an entity, deepest first."""
    prefix = (*key[0], key[1])
    for other in reversed(list(KINDS.values())):
        if other.depth > kind.depth and other.scope_columns[:len(prefix)] and \
                _contained_in(other, kind):
            table = schema.KIND_TABLES[other.name]
            columns = other.scope_columns[:len(prefix)]
            connection.execute(table.delete().where(and_(
                table.c.project_id == project_id,
                *(table.c[name] == value for name, value in zip(columns, prefix)))))


def _contained_in(kind: Kind, ancestor: Kind) -> bool:
    parent = kind.parent
    while parent in KINDS:
        if parent == ancestor.name:
            return True
        parent = KINDS[parent].parent
    return False


def _parent_or_none(project: Project, kind: Kind, scope: Scope) -> Any:
    try:
        return parent_object(project, kind, scope)
    except ModelError:
        return None


def _position(kind: Kind, parent: Any, entity: Any) -> int:
    held = kind.container(parent)
    return held.index(entity) if isinstance(held, list) else 0


class _Writes:
    """The statements of one save, run in an order that keeps foreign keys whole:
    subtrees being replaced are cleared first; inserts and updates go parents first;
    deletes go children first."""

    def __init__(self, project_id: str) -> None:
        self.project_id = project_id
        self.clear: list[tuple[Kind, Key]] = []
        self.inserts: dict[str, list[dict[str, Any]]] = {n: [] for n in KINDS}
        self.updates: dict[str, list[dict[str, Any]]] = {n: [] for n in KINDS}
        self.deletes: dict[str, list[tuple[Kind, Key]]] = {n: [] for n in KINDS}

    def update(self, kind: Kind, key: Key, row: dict[str, Any]) -> None:
        values = {k: v for k, v in row.items() if k not in ("project_id", "id", *kind.scope_columns)}
        values.update(_key_parameters(kind, self.project_id, key))
        self.updates[kind.name].append(values)

    def execute(self, connection: Connection) -> None:
        for kind, key in self.clear:
            _delete_below(connection, kind, self.project_id, key)
        for name in KINDS:
            if self.inserts[name]:
                connection.execute(schema.KIND_TABLES[name].insert(), self.inserts[name])
            if self.updates[name]:
                done = connection.execute(_UPDATE[name], self.updates[name]).rowcount
                if done != len(self.updates[name]):
                    raise OutOfStep(name)
        for name in reversed(list(KINDS)):
            doomed = self.deletes[name]
            for kind, key in doomed:
                _delete_below(connection, kind, self.project_id, key)
            if doomed:
                connection.execute(_DELETE[name], [_key_parameters(kind, self.project_id, key)
                                                   for kind, key in doomed])


def write_changes(connection: Connection, project: Project, tracker: ChangeTracker,
                  stored_before: StoredState) -> StoredState:
    """Issue the statements for the tracked changes; return what the store then holds."""
    stored = stored_before.copy()
    if tracker.info:
        row = codec.project_row(project, 0)
        del row["revision"], row["id"]
        table = schema.project
        if connection.execute(table.update().where(table.c.id == project.id)
                              .values(row)).rowcount != 1:
            raise OutOfStep(table.name)
    writes = _Writes(project.id)
    for kind in KINDS.values():
        rows = stored.rows[kind.name]
        named = tracker.rows[kind.name]
        added = tracker.added[kind.name]
        keys = set(named)
        for kind_name, scope in tracker.order:
            if kind_name == kind.name:
                parent = _parent_or_none(project, kind, scope)
                keys.update((scope, e.id) for e in kind.entities(parent)) if parent is not None else None
                keys.update(k for k in rows if k[0] == scope)
        for key in keys:
            scope, entity_id = key
            parent = _parent_or_none(project, kind, scope)
            entity = lookup(parent, kind, entity_id) if parent is not None else None
            if entity is None:
                if key in rows:
                    writes.deletes[kind.name].append((kind, key))
                    del rows[key]
                    stored.drop_below(kind, key)
                continue
            position = _position(kind, parent, entity)
            row = codec.entity_row(kind, project.id, scope, entity, position)
            if key in rows:
                if key in named or rows[key] != position:
                    writes.update(kind, key, row)
            else:
                writes.inserts[kind.name].append(row)
            if key in added and children_of(kind.name):
                if key in rows:
                    writes.clear.append((kind, key))
                    stored.drop_below(kind, key)
                for child_kind, child_row in list(codec.subtree_rows(
                        project.id, kind, scope, entity, position))[1:]:
                    writes.inserts[child_kind.name].append(child_row)
                    child_key = (tuple(child_row[c] for c in child_kind.scope_columns), child_row["id"])
                    stored.rows[child_kind.name][child_key] = (
                        child_row["position"] if child_kind.ordered else 0)
            rows[key] = position
    writes.execute(connection)
    return stored

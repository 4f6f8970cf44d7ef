"""An open project bound to its file: saves write only what changed, in one transaction."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, and_, bindparam, exc

from blueprint_studio.i18n import tr
from blueprint_studio.model import Project, ServiceMap

from . import codec, files, migrations, schema, sqlite_file
from .changes import ChangeTracker, Key
from .errors import ProjectFileError


@dataclass
class StoredState:
    """What the file holds, by key: enough to choose INSERT, UPDATE or DELETE per row."""

    maps: dict[str, int] = field(default_factory=dict)  # map id -> position
    axes: dict[str, dict[Key, int]] = field(
        default_factory=lambda: {"stage": {}, "lane": {}})  # key -> position
    cards: set[Key] = field(default_factory=set)
    connectors: set[Key] = field(default_factory=set)

    @classmethod
    def of(cls, project: Project) -> "StoredState":
        state = cls()
        for position, service_map in enumerate(project.maps):
            state.add_map(service_map, position)
        return state

    def add_map(self, service_map: ServiceMap, position: int) -> None:
        mid = service_map.id
        self.maps[mid] = position
        self.axes["stage"].update({(mid, s.id): i for i, s in enumerate(service_map.stages)})
        self.axes["lane"].update({(mid, lane.id): i for i, lane in enumerate(service_map.lanes)})
        self.cards.update((mid, card_id) for card_id in service_map.cards)
        self.connectors.update((mid, c_id) for c_id in service_map.connectors)

    def drop_map(self, map_id: str) -> None:
        self.maps.pop(map_id, None)
        for positions in self.axes.values():
            for key in [k for k in positions if k[0] == map_id]:
                del positions[key]
        self.cards = {k for k in self.cards if k[0] != map_id}
        self.connectors = {k for k in self.connectors if k[0] != map_id}

    def copy(self) -> "StoredState":
        return StoredState(dict(self.maps), {a: dict(p) for a, p in self.axes.items()},
                           set(self.cards), set(self.connectors))


_AXIS = {"stage": (schema.stages, codec.stage_row), "lane": (schema.lanes, codec.lane_row)}


class ProjectFile:
    """A project and the file it is saved in. Use `open` or `create`, then `save`.

    Changes are followed through `project.events`, so edit the project only through
    `blueprint_studio.model.operations` (as everything should).
    """

    def __init__(self, project: Project, path: Path, version: int) -> None:
        self.project = project
        self.path = path
        self._version = version
        self._tracker = ChangeTracker(project)
        self._stored = StoredState.of(project)
        self._identity = sqlite_file.file_identity(path)
        self._engine: Engine | None = None
        self._closed = False

    # -- opening ----------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> "ProjectFile":
        file_path = files.as_path(path)
        project, version = files.load(file_path)
        return cls(project, file_path, version)

    @classmethod
    def create(cls, project: Project, path: str | os.PathLike[str]) -> "ProjectFile":
        file_path = files.as_path(path)
        files.write(project, file_path)
        return cls(project, file_path, migrations.SCHEMA_VERSION)

    def __enter__(self) -> "ProjectFile":
        return self

    def __exit__(self, *_exc: Any) -> None:
        self.close()

    # -- state -----------------------------------------------------------------
    @property
    def is_dirty(self) -> bool:
        """True when the project has changes that are not in the file yet."""
        return self._tracker.dirty

    @property
    def engine(self) -> Engine:
        """The read-write engine used by `save` (for diagnostics and tests)."""
        self._check_open()
        if self._engine is None:
            self._engine = sqlite_file.readwrite_engine(self.path)
        return self._engine

    # -- saving ------------------------------------------------------------------
    def save(self) -> None:
        """Write the changes since the last save, all in one transaction."""
        self._check_open()
        now = sqlite_file.file_identity(self.path)
        if not self._tracker.dirty and now is not None:
            return  # nothing of ours to save: never overwrite what someone else wrote
        if self._tracker.everything or now != self._identity or self._version != migrations.SCHEMA_VERSION:
            # Something we cannot patch: the file moved, deleted, replaced or written in
            # place by someone else since we read it (a second window on the same project:
            # patching our rows onto theirs would mix two states), or an older format.
            # The model is the truth: write it whole (atomically); the last save wins.
            self._write_whole(self.path)
            return
        try:
            with self.engine.begin() as connection:
                stored = _write_changes(connection, self.project, self._tracker, self._stored)
        except _OutOfStep:
            # The file no longer holds what we last saved (changed by another program):
            # the transaction was rolled back; the model is the truth, so write it whole.
            self._write_whole(self.path)
            return
        except (exc.DBAPIError, *sqlite_file.DRIVER_ERRORS) as error:
            self._dispose_engine()
            raise files.save_failed(self.path, error) from None
        except OSError as error:
            self._dispose_engine()
            raise sqlite_file.os_error(error, self.path) from None
        self._stored = stored
        self._identity = sqlite_file.file_identity(self.path)  # our own write counts
        self._tracker.clear()

    def save_as(self, path: str | os.PathLike[str]) -> None:
        """Write the whole project to `path`, then keep working on that file."""
        self._check_open()
        self._write_whole(files.as_path(path))

    def close(self) -> None:
        """Stop following the project and release the file. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self._tracker.detach()
        self._dispose_engine()

    # -- internals -----------------------------------------------------------------
    def _write_whole(self, path: Path) -> None:
        # Release our connection first: the rename replaces the file it points at.
        self._dispose_engine()
        files.write(self.project, path)
        self.path = path
        self._version = migrations.SCHEMA_VERSION
        self._identity = sqlite_file.file_identity(path)
        self._stored = StoredState.of(self.project)
        self._tracker.clear()

    def _dispose_engine(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def _check_open(self) -> None:
        if self._closed:
            raise ProjectFileError(
                tr("{name} has been closed.").format(name=self.path.name), self.path)

    def __repr__(self) -> str:
        return f"ProjectFile({str(self.path)!r}, dirty={self.is_dirty})"


# -- the incremental write ---------------------------------------------------------------

class _OutOfStep(Exception):
    """A row we expected in the file is not there."""


def _by_key(table: Table):
    return and_(table.c.map_id == bindparam("key_map_id"), table.c.id == bindparam("key_id"))


# Statements built once and executed with many parameter sets (executemany): a save
# of a hundred rows costs a hundred bound executions, not a hundred compilations.
_UPDATE = {t: t.update().where(_by_key(t)) for t in schema.MAP_CHILDREN}
_DELETE = {t: t.delete().where(_by_key(t)) for t in schema.MAP_CHILDREN}
_MAP_UPDATE = schema.maps.update().where(schema.maps.c.id == bindparam("key_id"))


def _update_parameters(row: dict[str, Any]) -> dict[str, Any]:
    values = {k: v for k, v in row.items() if k not in ("map_id", "id")}
    values["key_map_id"], values["key_id"] = row["map_id"], row["id"]
    return values


class _Writes:
    """The rows to insert, update and delete, per table, until they are executed."""

    def __init__(self) -> None:
        self.inserts: dict[Table, list[dict[str, Any]]] = {t: [] for t in schema.MAP_CHILDREN}
        self.updates: dict[Table, list[dict[str, Any]]] = {t: [] for t in schema.MAP_CHILDREN}
        self.deletes: dict[Table, list[dict[str, Any]]] = {t: [] for t in schema.MAP_CHILDREN}

    def upsert(self, table: Table, row: dict[str, Any], exists: bool) -> None:
        if exists:
            self.updates[table].append(_update_parameters(row))
        else:
            self.inserts[table].append(row)

    def delete(self, table: Table, key: Key) -> None:
        self.deletes[table].append({"key_map_id": key[0], "key_id": key[1]})

    def execute(self, connection: Connection) -> None:
        """Parents before children for inserts and updates; children first for deletes,
        so that foreign keys hold after every statement."""
        for table in schema.MAP_CHILDREN:
            if self.inserts[table]:
                connection.execute(table.insert(), self.inserts[table])
            if self.updates[table]:
                done = connection.execute(_UPDATE[table], self.updates[table]).rowcount
                if done != len(self.updates[table]):
                    raise _OutOfStep(table.name)
        for table in reversed(schema.MAP_CHILDREN):
            if self.deletes[table]:
                connection.execute(_DELETE[table], self.deletes[table])


def _write_changes(connection: Connection, project: Project, tracker: ChangeTracker,
                   stored_before: StoredState) -> StoredState:
    """Issue the statements for the tracked changes; return what the file then holds."""
    stored = stored_before.copy()
    model_maps = {m.id: (i, m) for i, m in enumerate(project.maps)}

    if tracker.info:
        row = codec.project_row(project)
        table = schema.project
        values = {k: v for k, v in row.items() if k != "id"}
        if connection.execute(table.update().where(table.c.id == project.id)
                              .values(values)).rowcount != 1:
            raise _OutOfStep(table.name)

    # Maps added or removed as a whole: clear what the file had, insert them afresh.
    gone = set(stored.maps) - set(model_maps)
    for map_id in tracker.replaced_maps | gone:
        if map_id in stored.maps:
            for table in reversed(schema.MAP_CHILDREN):
                connection.execute(table.delete().where(table.c.map_id == map_id))
            connection.execute(schema.maps.delete().where(schema.maps.c.id == map_id))
            stored.drop_map(map_id)
    fresh: set[str] = set()
    for map_id, (position, service_map) in model_maps.items():
        if map_id not in stored.maps:
            codec.insert_map(connection, service_map, position)
            stored.add_map(service_map, position)
            fresh.add(map_id)
        elif map_id in tracker.maps or stored.maps[map_id] != position:
            values = codec.map_row(service_map, position)
            values["key_id"] = values.pop("id")
            if connection.execute(_MAP_UPDATE, values).rowcount != 1:
                raise _OutOfStep("maps")
            stored.maps[map_id] = position

    def patched(map_id: str) -> bool:
        return map_id in model_maps and map_id not in fresh

    writes = _Writes()
    # Stages and lanes: changed rows, plus every row whose position moved.
    for axis, (table, to_row) in _AXIS.items():
        positions = stored.axes[axis]
        touched = {key for key in tracker.rows[axis] if patched(key[0])}
        reordered = {map_id for a, map_id in tracker.axis_order if a == axis and patched(map_id)}
        for map_id in {key[0] for key in touched} | reordered:
            service_map = model_maps[map_id][1]
            items = service_map.stages if axis == "stage" else service_map.lanes
            present = set()
            for position, item in enumerate(items):
                key = (map_id, item.id)
                present.add(key)
                if key in touched or positions.get(key) != position:
                    writes.upsert(table, to_row(map_id, item, position), key in positions)
                    positions[key] = position
            for key in touched - present:
                if key[0] == map_id and key in positions:
                    writes.delete(table, key)
                    del positions[key]

    # Cards and connectors: the rows named by the events.
    for entity, table, keys, to_row in (
        ("card", schema.cards, stored.cards, codec.card_row),
        ("connector", schema.connectors, stored.connectors, codec.connector_row),
    ):
        for key in tracker.rows[entity]:
            if not patched(key[0]):
                continue
            service_map = model_maps[key[0]][1]
            container = service_map.cards if entity == "card" else service_map.connectors
            item = container.get(key[1])
            if item is not None:
                writes.upsert(table, to_row(key[0], item), key in keys)
                keys.add(key)
            elif key in keys:
                writes.delete(table, key)
                keys.discard(key)

    writes.execute(connection)
    return stored

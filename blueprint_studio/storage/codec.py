"""Rows <-> model entities, for every kind, from the kinds' descriptions. Engine-neutral.

Loading checks every value with the model's own field checks, so a file that was
edited by hand or damaged is refused instead of producing a model that breaks later.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Any

from sqlalchemy import Connection, func, select, type_coerce
from sqlalchemy.types import NullType

from blueprint_studio.model import ModelError, Project, ProjectInfo
from blueprint_studio.model.errors import LimitError
from blueprint_studio.model.kinds import (KINDS, PROJECT, PROJECT_INFO_FIELDS, Kind, Scope, over_limit,
                                          walk)

from . import schema


class DamagedData(Exception):
    """A row that cannot be part of a valid project; the message names what is wrong."""


# -- model -> rows ---------------------------------------------------------------

def _storable(value: Any) -> Any:
    """A value as the database stores it: enums by their stable value; text as UTF-8 can
    hold it (unpaired surrogates, which can arrive through escaped JSON, become U+FFFD)."""
    if isinstance(value, Enum):
        return value.value
    if not isinstance(value, str) or value.isascii():
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in value)
    return value


def project_row(project: Project, revision: int) -> dict[str, Any]:
    row = {spec.column_name: _storable(getattr(project.info, spec.name))
           for spec in PROJECT_INFO_FIELDS}
    row["id"] = project.id
    row["revision"] = revision
    return row


def entity_row(kind: Kind, project_id: str, scope: Scope, entity: Any, position: int) -> dict[str, Any]:
    row: dict[str, Any] = {"project_id": project_id, **dict(zip(kind.scope_columns, scope)),
                           "id": entity.id}
    if kind.ordered:
        row["position"] = position
    for spec in kind.fields:
        row[spec.column_name] = _storable(getattr(entity, spec.name))
    return row


def subtree_rows(project_id: str, kind: Kind, scope: Scope, entity: Any, position: int
                 ) -> Iterable[tuple[Kind, dict[str, Any]]]:
    """The entity's own row, then the rows of everything it contains."""
    yield kind, entity_row(kind, project_id, scope, entity, position)
    for child_kind, child_scope, child, child_position in walk(entity, kind.name, (*scope, entity.id)):
        yield child_kind, entity_row(child_kind, project_id, child_scope, child, child_position)


def insert_rows(connection: Connection, rows: Iterable[tuple[Kind, dict[str, Any]]]) -> None:
    """Bulk inserts, one executemany per table, parents before children."""
    by_kind: dict[str, list[dict[str, Any]]] = {name: [] for name in KINDS}
    for kind, row in rows:
        by_kind[kind.name].append(row)
    for name, batch in by_kind.items():
        if batch:
            connection.execute(schema.KIND_TABLES[name].insert(), batch)


def insert_project(connection: Connection, project: Project, revision: int = 0) -> None:
    """Insert every row of the project (bulk, for whole writes)."""
    connection.execute(schema.project.insert(), [project_row(project, revision)])
    insert_rows(connection, ((kind, entity_row(kind, project.id, scope, entity, position))
                             for kind, scope, entity, position in walk(project)))


def delete_project_rows(connection: Connection, project_id: str) -> None:
    """Every row the project owns below its own row, children first."""
    for table in reversed(list(schema.KIND_TABLES.values())):
        connection.execute(table.delete().where(table.c.project_id == project_id))


# -- rows -> model -----------------------------------------------------------------

def project_ids(connection: Connection) -> list[str]:
    return [row[0] for row in connection.execute(select(schema.project.c.id))]


def load_project(connection: Connection, project_id: str) -> tuple[Project, int]:
    """Read one project and the revision it is at. Raises DamagedData for values no valid
    project holds."""
    table = schema.project
    row = connection.execute(select(*(_raw(c) for c in table.columns))
                             .where(table.c.id == project_id)).first()
    if row is None:
        raise DamagedData(f"the project {project_id} is not there")
    values = row._mapping
    info = ProjectInfo(**{spec.name: _checked(spec, values[spec.column_name], "The project")
                          for spec in PROJECT_INFO_FIELDS})
    revision = values["revision"]
    if not isinstance(revision, int) or isinstance(revision, bool):
        raise DamagedData("the project has no valid revision")
    project = Project(info=info, id=_text(values["id"], "The project id"))
    parents: dict[str, dict[Scope, Any]] = {PROJECT: {(): project}}
    for kind in KINDS.values():
        parents[kind.name] = _load_kind(connection, kind, project_id, parents[kind.parent])
    return project, revision


def _load_kind(connection: Connection, kind: Kind, project_id: str,
               parents: dict[Scope, Any]) -> dict[Scope, Any]:
    """Read a kind's rows into their parents; return the entities by their own scope path."""
    table = schema.KIND_TABLES[kind.name]
    scope_columns = kind.scope_columns
    _check_counts(connection, kind, table, project_id)
    names = [*scope_columns, "id", *(("position",) if kind.ordered else ()),
             *(spec.column_name for spec in kind.fields)]
    rows = connection.execute(select(*(_raw(table.c[n]) for n in names))
                              .where(table.c.project_id == project_id)).all()
    what = f"A {kind.label}"
    width = len(scope_columns)
    checks = [(spec.name, spec.check) for spec in kind.fields]
    loaded: list[tuple[Scope, int, Any]] = []
    positions: dict[Scope, list[int]] = {}
    for row in rows:
        scope = tuple(row[:width])
        entity_id = _text(row[width], f"{what} id")
        offset = width + 1
        position = 0
        if kind.ordered:
            position = row[offset]
            offset += 1
            if not isinstance(position, int) or isinstance(position, bool):
                raise DamagedData(f"{what} has no valid position")
            positions.setdefault(scope, []).append(position)
        try:
            fields = {name: check(value) for (name, check), value in zip(checks, row[offset:])}
        except LimitError:
            raise
        except (ModelError, ValueError, TypeError):  # say which value, in the slow way
            fields = {spec.name: _checked(spec, value, what)
                      for spec, value in zip(kind.fields, row[offset:])}
        if scope not in parents:
            raise DamagedData(f"{what} belongs to a {KINDS[kind.parent].label if kind.parent in KINDS else 'project'} that does not exist")
        loaded.append((scope, position, kind.cls(id=entity_id, **fields)))
    for scope, used in positions.items():
        if sorted(used) != list(range(len(used))):
            raise DamagedData(f"the {kind.table} are not numbered 0, 1, 2, ...")
    loaded.sort(key=lambda item: (item[1], item[2].id) if kind.ordered else item[2].id)
    own: dict[Scope, Any] = {}
    for scope, _position, entity in loaded:
        parent = parents[scope]
        held = kind.container(parent)
        if isinstance(held, list):
            held.append(entity)
        else:
            held[entity.id] = entity
        own[(*scope, entity.id)] = entity
    if kind.json_sort is not None:  # a stable, meaningful order for everyone who iterates
        for parent in parents.values():
            held = kind.container(parent)
            ordered = kind.json_sort(parent)
            held.clear()
            held.update((entity.id, entity) for entity in ordered)
    return own


def _check_counts(connection: Connection, kind: Kind, table: Any, project_id: str) -> None:
    """Refuse a file over the count limits before its rows are read: counting is cheap,
    while building a million entities to find out takes seconds and gigabytes."""
    if kind.at_most is None and kind.at_most_in_project is None:
        return
    per_parent = (select(func.count().label("held"))
                  .where(table.c.project_id == project_id)
                  .group_by(*(table.c[name] for name in kind.scope_columns)).subquery())
    most, total = connection.execute(
        select(func.max(per_parent.c.held), func.sum(per_parent.c.held))).one()
    if kind.at_most is not None and (most or 0) > kind.at_most:
        raise over_limit(kind)
    if kind.at_most_in_project is not None and (total or 0) > kind.at_most_in_project:
        raise over_limit(kind, project_wide=True)


def _raw(column: Any) -> Any:
    """A column as the database holds it, without SQLAlchemy's conversion (which would
    turn a boolean 'false' or 2 into True): the model's checks decide what is valid."""
    return type_coerce(column, NullType()).label(column.name)


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise DamagedData(f"{what} is not text")
    return value


def _checked(spec: Any, value: Any, what: str) -> Any:
    try:
        return spec.check(value)
    except LimitError:
        raise  # too much, not damaged: said as such by the caller
    except (ModelError, ValueError, TypeError) as error:
        raise DamagedData(f"{what} has an invalid {spec.name} ({error})") from None

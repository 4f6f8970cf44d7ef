"""Schema versions, and bringing an older database to the current definition.

`SCHEMA_VERSION` is the version this program writes. The schema has one definition,
`schema` (itself derived from the model's kinds); upgrading does not repeat it. Instead
`conform` compares every table of a database with that definition and rebuilds the ones
that differ: create the table as defined now, copy the columns both share, fill what is
new (the project's id; defaults), drop the old table. `DATA_STEPS[n]` holds what moving
from version n to n + 1 needs beyond that (none so far). Portable SQLAlchemy Core, so the
same code serves a server database.

- Version 1: one project per file; no project_id column; no revision.
- Version 2: every table carries project_id; `project.revision` checks every save.
- Version 3: concept screening (brainstorms, ideas, screenings, criteria, comparisons,
  voters, concepts, scores, dot_votes): new tables only, created by `conform`.
- Version 4: touchpoint evaluation on maps (moments, answer_counts, ratings, kpis): new
  tables only, created by `conform`.

Files from a newer version are refused before anything is opened (see sqlite_file). An
older file is upgraded in a private in-memory copy when read, and in place, inside the
save's own transaction, when the user saves. The history is in docs/file-format.md.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Table, inspect, literal, select, text

from . import schema

SCHEMA_VERSION = 4

DataStep = Callable[[Connection], None]
DATA_STEPS: dict[int, DataStep] = {}


def migrate(connection: Connection, from_version: int) -> None:
    """Bring the database on `connection` from `from_version` to SCHEMA_VERSION."""
    project_id = _single_project_id(connection) if from_version < 2 else None
    for version in range(from_version, SCHEMA_VERSION):
        step = DATA_STEPS.get(version)
        if step is not None:
            step(connection)
    conform(connection, project_id)
    set_meta_version(connection, SCHEMA_VERSION)


def _single_project_id(connection: Connection) -> str | None:
    rows = connection.execute(text("SELECT id FROM project")).all()
    return rows[0][0] if len(rows) == 1 else None


def _shape(connection: Connection, name: str) -> list[tuple[str, str, bool]] | None:
    inspector = inspect(connection)
    if not inspector.has_table(name):
        return None
    return [(c["name"], str(c["type"]), bool(c["nullable"])) for c in inspector.get_columns(name)]


def _defined_shape(connection: Connection, table: Table) -> list[tuple[str, str, bool]]:
    dialect = connection.dialect
    return [(c.name, str(c.type.compile(dialect)), bool(c.nullable)) for c in table.columns]


def conform(connection: Connection, project_id: str | None = None) -> None:
    """Rebuild every table whose columns differ from the definition; create missing ones.

    Children are rebuilt after their parents are back, so foreign keys hold throughout;
    `project_id` fills the column of that name in rows from a file that had none."""
    inspector = inspect(connection)
    stale = [table for table in schema.ALL_TABLES
             if (shape := _shape(connection, table.name)) is not None
             and shape != _defined_shape(connection, table)]
    # Park the old tables under other names (children first), dropping their indexes,
    # whose names the new tables reuse.
    for table in reversed(stale):
        for index in inspector.get_indexes(table.name):
            connection.execute(text(f'DROP INDEX "{index["name"]}"'))
        connection.execute(text(f'ALTER TABLE "{table.name}" RENAME TO "old_{table.name}"'))
    for table in schema.ALL_TABLES:
        if table in stale or not inspect(connection).has_table(table.name):
            table.create(connection)
    for table in stale:
        old = Table(f"old_{table.name}", schema.MetaData(), autoload_with=connection)
        shared = [c.name for c in table.columns if c.name in old.c]
        columns = [old.c[name] for name in shared]
        names = list(shared)
        if "project_id" in table.c and "project_id" not in old.c and project_id is not None:
            columns.append(literal(project_id).label("project_id"))
            names.append("project_id")
        connection.execute(table.insert().from_select(names, select(*columns)))
    for table in reversed(stale):
        connection.execute(text(f'DROP TABLE "old_{table.name}"'))


def set_meta_version(connection: Connection, version: int) -> None:
    """The portable copy of the schema version (server databases have no user_version)."""
    table = schema.meta
    updated = connection.execute(
        table.update().where(table.c.key == "schema_version").values(value=str(version)))
    if updated.rowcount == 0:
        connection.execute(table.insert().values(key="schema_version", value=str(version)))


def meta_version(connection: Connection) -> int | None:
    value = connection.execute(
        select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")).scalar()
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None

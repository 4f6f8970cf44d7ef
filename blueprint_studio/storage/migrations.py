"""Schema versions and the stepwise path from each old version to the current one.

`SCHEMA_VERSION` is the version this program writes. `MIGRATIONS[n - 1]` upgrades a
database from version n to n + 1, using portable SQLAlchemy Core on the connection it
is given (so the same steps serve a server database). Rules:

- Never edit or remove a step once released; add a new one and bump SCHEMA_VERSION.
- A step only adds: new tables (personas, stakeholder maps, KANO surveys, concept
  screening, touchpoint metrics...), new columns with defaults, data moved into them.
- Files from a newer version are refused before anything is opened (see sqlite_file).
- An older file is upgraded in a private in-memory copy when read; the file on disk is
  rewritten in the new format only when the user saves.

The history is listed in docs/file-format.md.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection

from . import schema

SCHEMA_VERSION = 1

Migration = Callable[[Connection], None]

# Version 1 is the first released format: no steps yet.
MIGRATIONS: list[Migration] = []


def migrate(connection: Connection, from_version: int) -> None:
    """Run every step from `from_version` up to SCHEMA_VERSION, in order, on `connection`."""
    for version in range(from_version, SCHEMA_VERSION):
        MIGRATIONS[version - 1](connection)
    set_meta_version(connection, SCHEMA_VERSION)


def set_meta_version(connection: Connection, version: int) -> None:
    """The portable copy of the schema version (server databases have no user_version)."""
    table = schema.meta
    updated = connection.execute(
        table.update().where(table.c.key == "schema_version").values(value=str(version)))
    if updated.rowcount == 0:
        connection.execute(table.insert().values(key="schema_version", value=str(version)))


def meta_version(connection: Connection) -> int | None:
    from sqlalchemy import select

    value = connection.execute(
        select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")).scalar()
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None

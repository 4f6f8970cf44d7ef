"""The tables of a project store, derived from the kinds' descriptions (model.kinds).

Portable SQLAlchemy Core types only, so the same tables can live in a server database.
Every table carries its project's id, so one database can hold many projects. A kind's
table has: project_id, the ids of its scope (map_id for a map's stages...), its own id,
`position` when its parent's list order matters, then one column per field. Refs become
foreign keys within the scope, with ON DELETE CASCADE. See docs/file-format.md.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Double,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.types import TypeEngine

from blueprint_studio.model.fields import Field
from blueprint_studio.model.kinds import KINDS, PROJECT_INFO_FIELDS, Kind

ID = String(200)  # ids are UUID hex strings; imported files may bring their own
ENUM = String(40)  # stable enum values from blueprint_studio.model.enums

metadata = MetaData()

_TYPES: dict[str, TypeEngine] = {
    "text": Text(), "colour": Text(), "bool": Boolean(), "int": Integer(), "float": Double(),
    "enum": ENUM, "ref": ID, "order": Integer(),
}


def field_column(spec: Field) -> Column:
    nullable = spec.nullable
    default = spec.default if not nullable and spec.type in ("text", "colour", "bool") else None
    if hasattr(default, "value"):
        default = default.value
    return Column(spec.column_name, _TYPES[spec.type], nullable=nullable, default=default)


# Key/value facts about the file. `schema_version` lives here too, so that a server
# database (which has no PRAGMA user_version) knows its version.
meta = Table(
    "meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# One row per project: who it is for, and the revision every save is checked against.
project = Table(
    "project", metadata,
    Column("id", ID, primary_key=True),
    Column("revision", Integer, nullable=False, default=0),
    *(field_column(spec) for spec in PROJECT_INFO_FIELDS),
)


def _kind_table(kind: Kind) -> Table:
    scope = kind.scope_columns
    columns = [Column("project_id", ID, primary_key=True)]
    columns += [Column(name, ID, primary_key=True) for name in scope]
    columns.append(Column("id", ID, primary_key=True))
    if kind.ordered:
        columns.append(Column("position", Integer, nullable=False))
    columns += [field_column(spec) for spec in kind.fields]
    constraints = []
    if kind.parent == "project":
        constraints.append(ForeignKeyConstraint(["project_id"], ["project.id"], ondelete="CASCADE"))
    else:
        parent = KINDS[kind.parent]
        constraints.append(ForeignKeyConstraint(
            ["project_id", *scope],
            [f"{parent.table}.{name}" for name in ("project_id", *parent.scope_columns, "id")],
            ondelete="CASCADE"))
    for spec in kind.refs:
        target = KINDS[spec.references]
        constraints.append(ForeignKeyConstraint(
            ["project_id", *scope, spec.column_name],
            [f"{target.table}.{name}" for name in ("project_id", *target.scope_columns, "id")],
            ondelete="CASCADE"))
    table = Table(kind.table, metadata, *columns, *constraints)
    for spec in kind.refs:
        Index(f"{kind.table}_by_{spec.column_name.removesuffix('_id')}",
              table.c.project_id, *(table.c[name] for name in scope), table.c[spec.column_name])
    return table


# One table per kind, parents before children: the order to create and insert.
KIND_TABLES: dict[str, Table] = {name: _kind_table(kind) for name, kind in KINDS.items()}
maps = KIND_TABLES["map"]
stages = KIND_TABLES["stage"]
lanes = KIND_TABLES["lane"]
cards = KIND_TABLES["card"]
connectors = KIND_TABLES["connector"]

ALL_TABLES = (meta, project, *KIND_TABLES.values())

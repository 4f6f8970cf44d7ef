"""The tables of a project file, in portable SQLAlchemy Core types.

Nothing here is SQLite-specific, so the same tables can live in a server database
later. Ordered things carry a `position`; everything a map owns is keyed by
(map_id, id), so two maps may hold copies with the same ids without clashing.
See docs/file-format.md for the meaning of every column.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Double,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

ID = String(200)  # ids are UUID hex strings; imported files may bring their own
ENUM = String(40)  # stable enum values from blueprint_studio.model.enums

metadata = MetaData()


def _text(name: str) -> Column:
    return Column(name, Text, nullable=False, default="")


# Key/value facts about the file. `schema_version` lives here too, so that a server
# database (which has no PRAGMA user_version) knows its version.
meta = Table(
    "meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# Exactly one row: the project and who it is for.
project = Table(
    "project", metadata,
    Column("id", ID, primary_key=True),
    _text("title"), _text("organisation"), _text("date"), _text("trainer"),
    _text("group_name"), _text("notes"),
)

maps = Table(
    "maps", metadata,
    Column("id", ID, primary_key=True),
    Column("position", Integer, nullable=False),
    _text("name"),
    Column("kind", ENUM, nullable=False),
    _text("description"),
    Column("show_emotion_curve", Boolean, nullable=False, default=True),
)

stages = Table(
    "stages", metadata,
    Column("map_id", ID, ForeignKey("maps.id", ondelete="CASCADE"), primary_key=True),
    Column("id", ID, primary_key=True),
    Column("position", Integer, nullable=False),
    _text("name"), _text("description"), _text("phase"),
    Column("width", Double, nullable=True),
)

lanes = Table(
    "lanes", metadata,
    Column("map_id", ID, ForeignKey("maps.id", ondelete="CASCADE"), primary_key=True),
    Column("id", ID, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("kind", ENUM, nullable=False),
    _text("name"), _text("colour"),
)

cards = Table(
    "cards", metadata,
    Column("map_id", ID, ForeignKey("maps.id", ondelete="CASCADE"), primary_key=True),
    Column("id", ID, primary_key=True),
    Column("stage_id", ID, nullable=False),
    Column("lane_id", ID, nullable=False),
    Column("position", Integer, nullable=False),  # order within the stage x lane cell
    _text("text"),
    Column("kind", ENUM, nullable=False),
    Column("channel", ENUM, nullable=True),
    Column("emotion", Integer, nullable=True),
    Column("moment_of_truth", Boolean, nullable=False, default=False),
    Column("fail_point", Boolean, nullable=False, default=False),
    Column("wait_minutes", Double, nullable=True),
    Column("duration_minutes", Double, nullable=True),
    _text("owner"), _text("notes"), _text("colour"),
    ForeignKeyConstraint(["map_id", "stage_id"], ["stages.map_id", "stages.id"], ondelete="CASCADE"),
    ForeignKeyConstraint(["map_id", "lane_id"], ["lanes.map_id", "lanes.id"], ondelete="CASCADE"),
)
Index("cards_by_stage", cards.c.map_id, cards.c.stage_id)
Index("cards_by_lane", cards.c.map_id, cards.c.lane_id)

connectors = Table(
    "connectors", metadata,
    Column("map_id", ID, ForeignKey("maps.id", ondelete="CASCADE"), primary_key=True),
    Column("id", ID, primary_key=True),
    Column("source_id", ID, nullable=False),
    Column("target_id", ID, nullable=False),
    _text("label"),
    ForeignKeyConstraint(["map_id", "source_id"], ["cards.map_id", "cards.id"], ondelete="CASCADE"),
    ForeignKeyConstraint(["map_id", "target_id"], ["cards.map_id", "cards.id"], ondelete="CASCADE"),
)
Index("connectors_by_source", connectors.c.map_id, connectors.c.source_id)
Index("connectors_by_target", connectors.c.map_id, connectors.c.target_id)

# Parents before children: the order to create and insert; reversed to delete.
MAP_CHILDREN = (stages, lanes, cards, connectors)
ALL_TABLES = (meta, project, maps, *MAP_CHILDREN)

"""Branding, schema versions and the migration path."""

from __future__ import annotations

import os
import sqlite3
import struct

import pytest
from sqlalchemy import Column, MetaData, String, Table, Text

from blueprint_studio.model import Card, factory
from blueprint_studio.model import operations as ops
from blueprint_studio.storage import (
    SCHEMA_VERSION, ProjectFile, ProjectFileError, migrations, read_project, write_project,
)
from blueprint_studio.storage.sqlite_file import APPLICATION_ID


def project():
    service_map = factory.new_map("Hotel", ["Arrive", "Sleep", "Leave"])
    result = factory.new_project("Versions", [service_map])
    card = Card(stage_id=service_map.stages[0].id, lane_id=service_map.lanes[1].id, text="Check in")
    service_map.cards[card.id] = card
    return result


def header_fields(path):
    data = path.read_bytes()[:100]
    (user_version,) = struct.unpack_from(">i", data, 60)
    (application_id,) = struct.unpack_from(">I", data, 68)
    return application_id, user_version


def test_file_is_branded_and_versioned_in_header_and_meta_table(tmp_path):
    path = tmp_path / "brand.bpstudio"
    write_project(project(), path)
    assert path.read_bytes().startswith(b"SQLite format 3\x00")
    assert header_fields(path) == (APPLICATION_ID, SCHEMA_VERSION)
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    meta = dict(connection.execute("SELECT key, value FROM meta"))
    tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    journal_mode = connection.execute("PRAGMA journal_mode").fetchone()[0]
    connection.close()
    assert meta["schema_version"] == str(SCHEMA_VERSION)
    assert meta["application"] == "Blueprint Studio"
    assert {"meta", "project", "maps", "stages", "lanes", "cards", "connectors"} <= tables
    assert journal_mode == "delete"  # rollback journal: the file is always a single file


def _personas_step(connection):
    """A plausible future step: a new table for personas."""
    personas = Table("personas", MetaData(), Column("id", String(200), primary_key=True),
                     Column("name", Text, nullable=False))
    personas.create(connection)


def test_an_older_file_is_read_through_the_migrations_without_being_changed(tmp_path, monkeypatch):
    path = tmp_path / "old.bpstudio"
    original = project()
    write_project(original, path)  # version 1
    before = path.read_bytes()
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(migrations, "MIGRATIONS", [_personas_step])

    assert read_project(path) == original
    assert path.read_bytes() == before and os.listdir(tmp_path) == ["old.bpstudio"]

    project_file = ProjectFile.open(path)
    assert path.read_bytes() == before and not project_file.is_dirty
    ops.UpdateProjectInfo({"title": "Upgraded"}).apply(project_file.project)
    project_file.save()  # saving rewrites the file in the new format
    project_file.close()
    assert header_fields(path) == (APPLICATION_ID, 2)
    assert read_project(path).info.title == "Upgraded"
    assert sorted(os.listdir(tmp_path)) == ["old.bpstudio"]

    # Back in the "old program", the upgraded file is refused and left alone.
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 1)
    monkeypatch.setattr(migrations, "MIGRATIONS", [])
    upgraded = path.read_bytes()
    with pytest.raises(ProjectFileError, match="newer version"):
        read_project(path)
    assert path.read_bytes() == upgraded


def test_migration_steps_are_listed_for_every_version():
    assert len(migrations.MIGRATIONS) == migrations.SCHEMA_VERSION - 1

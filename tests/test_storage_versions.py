"""Branding, schema versions and the migration path."""

from __future__ import annotations

import os
from pathlib import Path
import sqlite3
import struct

import pytest

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


FORMAT_1 = Path(__file__).parent / "fixtures" / "v1"


def test_an_older_file_is_read_through_the_migrations_without_being_changed(tmp_path, monkeypatch):
    """A real file written by file format 1 (the release before format 2)."""
    path = tmp_path / "old.bpstudio"
    path.write_bytes((FORMAT_1 / "multi_map.bpstudio").read_bytes())
    before = path.read_bytes()
    assert header_fields(path) == (APPLICATION_ID, 1)
    original = read_project(path)
    assert [m.name for m in original.maps] == ["酒店住宿一晚", "企业培训 CSV"]
    assert path.read_bytes() == before and os.listdir(tmp_path) == ["old.bpstudio"]

    project_file = ProjectFile.open(path)
    assert path.read_bytes() == before and not project_file.is_dirty
    ops.UpdateProjectInfo({"title": "Upgraded"}).apply(project_file.project)
    project_file.save()  # saving upgrades the file in place, in the save's transaction
    project_file.close()
    assert header_fields(path) == (APPLICATION_ID, SCHEMA_VERSION)
    reread = read_project(path)
    assert reread.info.title == "Upgraded" and reread.maps == original.maps
    assert sorted(os.listdir(tmp_path)) == ["old.bpstudio"]

    # Back in the "old program", the upgraded file is refused and left alone.
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 1)
    upgraded = path.read_bytes()
    with pytest.raises(ProjectFileError, match="newer version"):
        read_project(path)
    assert path.read_bytes() == upgraded

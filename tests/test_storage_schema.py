"""One schema definition: files of every older version migrate to exactly what a new file
is; files written by format 1 open, round-trip and upgrade; one database holds many
projects; a JSON file with a section this version does not know is refused."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from blueprint_studio.interchange import InterchangeError, dumps_json, loads_json
from blueprint_studio.model import factory
from blueprint_studio.model import operations as ops
from blueprint_studio.storage import (
    SCHEMA_VERSION, ProjectFile, StaleSaveError, migrations, read_project, write_project,
)
from blueprint_studio.storage import codec, schema
from blueprint_studio.storage.sqlite_file import APPLICATION_ID, stamp

HISTORY = Path(__file__).resolve().parents[1] / "blueprint_studio" / "storage" / "history"
FORMAT_1 = Path(__file__).parent / "fixtures" / "v1"
FIXTURES = sorted(FORMAT_1.glob("*.bpstudio"))


def structure(path: Path) -> dict:
    """What SQLite itself says about every table: columns, keys and indexes."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        result = {}
        for table in tables:
            columns = connection.execute(f'PRAGMA table_info("{table}")').fetchall()
            keys = connection.execute(f'PRAGMA foreign_key_list("{table}")').fetchall()
            indexes = sorted(
                (row[1], tuple(c[2] for c in connection.execute(f'PRAGMA index_info("{row[1]}")')))
                for row in connection.execute(f'PRAGMA index_list("{table}")'))
            result[table] = (columns, sorted(k[2:5] + k[5:7] for k in keys), indexes)
        return result
    finally:
        connection.close()


def _older_file(version: int, path: Path) -> None:
    """A file of an older format, built from that format's recorded schema, with rows."""
    connection = sqlite3.connect(path)
    connection.executescript((HISTORY / f"schema_v{version}.sql").read_text(encoding="utf-8"))
    connection.execute("INSERT INTO meta VALUES ('application', 'Blueprint Studio'), "
                       f"('schema_version', '{version}')")
    connection.commit()
    connection.close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as sa:
        stamp(sa, version)
    engine.dispose()


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_a_file_of_every_older_version_migrates_to_exactly_a_new_file(tmp_path, version):
    assert (HISTORY / f"schema_v{version}.sql").exists(), "record each released schema"
    old = tmp_path / "old.bpstudio"
    _older_file(version, old)
    engine = create_engine(f"sqlite:///{old}")
    with engine.begin() as connection:
        revision = ("revision, ", "0, ") if version >= 2 else ("", "")
        connection.exec_driver_sql(
            f"INSERT INTO project (id, {revision[0]}title, organisation, date, trainer, group_name,"
            f" notes) VALUES ('p', {revision[1]}'t', '', '', '', '', '')")
        migrations.migrate(connection, version)
    engine.dispose()
    fresh = tmp_path / "fresh.bpstudio"
    write_project(factory.new_project("x", [factory.new_map("m", ["a"])]), fresh)
    assert structure(old) == structure(fresh)


def test_the_current_schema_conforms_to_itself(tmp_path):
    path = tmp_path / "fresh.bpstudio"
    write_project(factory.new_project("x", [factory.new_map("m", ["a"])]), path)
    before = structure(path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        migrations.conform(connection)
    engine.dispose()
    assert structure(path) == before


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_files_written_by_format_1_open_and_export_byte_identical_json(path):
    project = read_project(path)
    expected = path.with_suffix(".json").read_text(encoding="utf-8")
    assert dumps_json(project) == expected
    assert dumps_json(loads_json(expected)) == expected


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_a_format_1_file_upgrades_in_place_when_saved_and_keeps_everything(tmp_path, path):
    copy = tmp_path / path.name
    copy.write_bytes(path.read_bytes())
    original = read_project(copy)
    with ProjectFile.open(copy) as project_file:
        ops.UpdateProjectInfo({"notes": "upgraded"}).apply(project_file.project)
        project_file.save()
    upgraded = read_project(copy)
    assert upgraded.maps == original.maps and upgraded.info.notes == "upgraded"
    connection = sqlite3.connect(copy)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    revision = connection.execute("SELECT revision FROM project").fetchone()[0]
    connection.close()
    assert revision == 1


def test_a_format_1_file_saved_by_another_program_meanwhile_is_not_overwritten(tmp_path):
    path = tmp_path / "old.bpstudio"
    path.write_bytes((FORMAT_1 / "hotel_stay.bpstudio").read_bytes())
    first, second = ProjectFile.open(path), ProjectFile.open(path)
    ops.UpdateProjectInfo({"title": "first"}).apply(first.project)
    first.save()
    ops.UpdateProjectInfo({"title": "second"}).apply(second.project)
    with pytest.raises(StaleSaveError):
        second.save()
    assert read_project(path).info.title == "first"
    first.close()
    second.close()


def test_one_database_holds_many_projects_each_loaded_by_its_id():
    engine = create_engine("sqlite://")
    projects = [factory.new_project(title, [factory.new_map(title, ["a", "b"])])
                for title in ("one", "two", "three")]
    with engine.begin() as connection:
        schema.metadata.create_all(connection)
        for project in projects:
            codec.insert_project(connection, project)
        assert sorted(codec.project_ids(connection)) == sorted(p.id for p in projects)
        for project in projects:
            loaded, revision = codec.load_project(connection, project.id)
            assert loaded == project and revision == 0
    engine.dispose()


def test_a_replaced_file_is_never_patched(tmp_path):
    """Another window's Save As onto our file puts another file there: refused."""
    path = tmp_path / "shared.bpstudio"
    write_project(factory.new_project("ours", [factory.new_map("m", ["a"])]), path)
    with ProjectFile.open(path) as ours:
        write_project(factory.new_project("theirs", [factory.new_map("t", ["a"])]), path)
        ops.UpdateProjectInfo({"title": "mine"}).apply(ours.project)
        with pytest.raises(StaleSaveError):
            ours.save()
        assert ours.is_dirty
    assert read_project(path).info.title == "theirs"


@pytest.mark.parametrize("where", ["top", "project", "map", "card", "info"])
def test_json_with_a_section_this_version_does_not_know_is_refused(where):
    project = factory.new_project("x", [factory.new_map("m", ["a"])])
    data = json.loads(dumps_json(project))
    target = {"top": data, "project": data["project"], "info": data["project"]["info"],
              "map": data["project"]["maps"][0]}.get(where)
    if where == "card":
        service_map = data["project"]["maps"][0]
        service_map["cards"] = [{"id": "c", "stage_id": service_map["stages"][0]["id"],
                                 "lane_id": service_map["lanes"][0]["id"]}]
        target = service_map["cards"][0]
    target["personas"] = [{"id": "p1", "name": "Li"}]
    with pytest.raises(InterchangeError, match="written by a newer Blueprint Studio"):
        loads_json(json.dumps(data))


def test_a_schema_3_file_with_a_map_gains_the_evaluation_tables_when_saved(tmp_path):
    """The release before touchpoint evaluation: its cards keep everything, and a moment of
    truth and an answer count recorded on them are saved into the tables conform created."""
    from blueprint_studio.model.touchpoints import AnswerCount, MomentDecision

    old = tmp_path / "v3.bpstudio"
    _older_file(3, old)
    connection = sqlite3.connect(old)
    connection.executescript(
        "INSERT INTO project (id, revision, title, organisation, date, trainer, group_name, notes)"
        " VALUES ('p', 0, 'Old', '', '', '', '', '');"
        "INSERT INTO maps VALUES ('p', 'm', 0, 'Hotel', 'blueprint', '', 1);"
        "INSERT INTO stages VALUES ('p', 'm', 's', 0, 'Arrive', '', '', NULL);"
        "INSERT INTO lanes VALUES ('p', 'm', 'l', 0, 'customer', '', '');"
        "INSERT INTO cards (project_id, map_id, id, stage_id, lane_id, position, text, kind, channel,"
        " emotion, moment_of_truth, fail_point, wait_minutes, duration_minutes, owner, notes, colour)"
        " VALUES ('p', 'm', 'c', 's', 'l', 0, 'Check in', 'action', NULL, -1, 0, 0, NULL, NULL, '', '', '');")
    connection.commit()
    assert "moments" not in {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    connection.close()
    with ProjectFile.open(old) as project_file:
        project = project_file.project
        assert [c.text for c in project.maps[0].cards.values()] == ["Check in"]
        ops.Add("moment", ("m",), MomentDecision("c", "confirmed", 5)).apply(project)
        ops.Add("answer_count", ("m",), AnswerCount("c", "nps", None, 0, 4)).apply(project)
        project_file.save()
    connection = sqlite3.connect(old)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    assert connection.execute("SELECT card_id, status, importance FROM moments").fetchall() == [("c", "confirmed", 5)]
    assert connection.execute("SELECT metric, score, count FROM answer_counts").fetchall() == [("nps", 0, 4)]
    connection.close()
    assert structure(old) == structure(_fresh(tmp_path))


def _fresh(tmp_path):
    fresh = tmp_path / "fresh.bpstudio"
    write_project(factory.new_project("x", [factory.new_map("m", ["a"])]), fresh)
    return fresh

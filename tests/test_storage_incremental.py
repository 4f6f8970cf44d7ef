"""Incremental saves write only what changed; the dirty flag and save_as behave."""

from __future__ import annotations

import os
import re
from collections import Counter

import pytest
from sqlalchemy import event

from blueprint_studio.model import Card, Connector, Stage, factory
from blueprint_studio.model import operations as ops
from blueprint_studio.storage import ProjectFile, ProjectFileError, read_project, write_project


def big_project(cards: int = 1000, stages: int = 10):
    """Cards spread over every stage x lane cell, each joined to the next by an arrow."""
    service_map = factory.new_map("Big", [f"Stage {i}" for i in range(stages)])
    project = factory.new_project("Benchmark", [service_map])
    lanes = len(service_map.lanes)
    previous = None
    for index in range(cards):
        card = Card(stage_id=service_map.stages[index % stages].id,
                    lane_id=service_map.lanes[(index // stages) % lanes].id,
                    order=index // (stages * lanes), text=f"Card {index} 卡片")
        service_map.cards[card.id] = card
        if previous is not None:
            connector = Connector(previous.id, card.id, "next")
            service_map.connectors[connector.id] = connector
        previous = card
    return project


class StatementLog:
    """Counts the writing statements that reach the real SQLite file, per table.

    The claim of the next revision, which opens every save (UPDATE project SET revision
    ... WHERE revision = base), is counted apart in `claims`: it is the stale-save check,
    not a row of the user's work."""

    def __init__(self, engine) -> None:
        self.writes: Counter[tuple[str, str]] = Counter()
        self.claims = 0
        self._engine = engine
        event.listen(engine, "before_cursor_execute", self._record)

    def _record(self, _conn, _cursor, statement, parameters, _context, executemany) -> None:
        if re.match(r"\s*UPDATE project SET revision=\? WHERE project.id = \? AND project.revision = \?",
                    statement):
            self.claims += 1
            return
        match = re.match(r"\s*(INSERT INTO|UPDATE|DELETE FROM)\s+\"?(\w+)", statement)
        if match:
            rows = len(parameters) if executemany else 1
            self.writes[(match.group(1).split()[0], match.group(2))] += rows

    def close(self) -> None:
        event.remove(self._engine, "before_cursor_execute", self._record)


@pytest.fixture(scope="module")
def big_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "big.bpstudio"
    write_project(big_project(), path)
    return path


@pytest.fixture
def opened(big_file, tmp_path):
    copy = tmp_path / "big.bpstudio"
    copy.write_bytes(big_file.read_bytes())
    project_file = ProjectFile.open(copy)
    log = StatementLog(project_file.engine)
    yield project_file, log
    log.close()
    project_file.close()


def test_fixture_really_has_a_thousand_cards(opened):
    project_file, _log = opened
    assert len(project_file.project.maps[0].cards) == 1000
    assert len(project_file.project.maps[0].connectors) == 999


def test_saving_one_edited_card_writes_one_row(opened):
    project_file, log = opened
    service_map = project_file.project.maps[0]
    card_id = list(service_map.cards)[500]
    ops.UpdateCard(service_map.id, card_id, {"text": "edited 已修改", "emotion": -2}).apply(
        project_file.project)
    project_file.save()
    assert log.writes == Counter({("UPDATE", "cards"): 1})
    loaded = read_project(project_file.path)
    assert loaded.maps[0].cards[card_id].text == "edited 已修改"
    assert loaded == project_file.project


def test_reordering_stages_rewrites_only_stage_positions(opened):
    project_file, log = opened
    service_map = project_file.project.maps[0]
    ops.MoveStage(service_map.id, service_map.stages[7].id, 2).apply(project_file.project)
    project_file.save()
    # Stages 2..7 changed position; nothing else is written.
    assert log.writes == Counter({("UPDATE", "stages"): 6})
    assert read_project(project_file.path) == project_file.project


def test_deleting_a_card_deletes_it_and_its_arrows_and_renumbers_its_cell(opened):
    project_file, log = opened
    service_map = project_file.project.maps[0]
    card = service_map.cards_in_reading_order()[0]
    cell = service_map.cards_in_cell(card.stage_id, card.lane_id)
    arrows = len(service_map.connectors_of(card.id))
    ops.RemoveCard(service_map.id, card.id).apply(project_file.project)
    project_file.save()
    assert log.writes == Counter({("DELETE", "cards"): 1, ("DELETE", "connectors"): arrows,
                                  ("UPDATE", "cards"): len(cell) - 1})
    assert read_project(project_file.path) == project_file.project


def test_adding_a_stage_and_a_card_inserts_two_rows(opened):
    project_file, log = opened
    service_map = project_file.project.maps[0]
    stage = Stage(name="New 新阶段")
    ops.AddStage(service_map.id, stage).apply(project_file.project)  # at the end
    ops.AddCard(service_map.id, Card(stage_id=stage.id, lane_id=service_map.lanes[0].id,
                                     text="x")).apply(project_file.project)
    project_file.save()
    assert log.writes == Counter({("INSERT", "stages"): 1, ("INSERT", "cards"): 1})
    assert read_project(project_file.path) == project_file.project


def test_nothing_changed_writes_nothing(opened):
    project_file, log = opened
    project_file.save()
    assert log.writes == Counter()


# -- dirty flag, save_as, close ----------------------------------------------------

def small_project():
    service_map = factory.new_map("Hotel 酒店", ["Arrive", "Stay"])
    project = factory.new_project("Training", [service_map])
    card = Card(stage_id=service_map.stages[0].id, lane_id=service_map.lanes[1].id, text="Check in")
    service_map.cards[card.id] = card
    return project


def test_dirty_flag_follows_edits_saves_and_undo(tmp_path):
    project_file = ProjectFile.create(small_project(), tmp_path / "a.bpstudio")
    assert not project_file.is_dirty
    service_map = project_file.project.maps[0]
    inverse = ops.UpdateMap(service_map.id, {"name": "Renamed"}).apply(project_file.project)
    assert project_file.is_dirty
    project_file.save()
    assert not project_file.is_dirty
    inverse.apply(project_file.project)  # undo after a save is a change again
    assert project_file.is_dirty
    project_file.save()
    assert read_project(project_file.path).maps[0].name == "Hotel 酒店"
    project_file.close()


def test_save_as_writes_a_new_file_and_binds_to_it(tmp_path):
    first = tmp_path / "first.bpstudio"
    project_file = ProjectFile.create(small_project(), first)
    before = first.read_bytes()
    service_map = project_file.project.maps[0]
    ops.UpdateProjectInfo({"trainer": "王老师"}).apply(project_file.project)
    second = tmp_path / "sub folder 子目录" / "second.bpstudio"
    second.parent.mkdir()
    project_file.save_as(second)
    assert project_file.path == second and not project_file.is_dirty
    assert first.read_bytes() == before  # the old file keeps the old state
    assert read_project(second).info.trainer == "王老师"
    ops.UpdateMap(service_map.id, {"description": "later"}).apply(project_file.project)
    project_file.save()
    assert read_project(second).maps[0].description == "later"
    assert read_project(first).maps[0].description == ""
    assert sorted(os.listdir(second.parent)) == ["second.bpstudio"]
    project_file.close()
    project_file.close()  # twice is fine
    with pytest.raises(ProjectFileError):
        project_file.save()


def test_a_file_deleted_behind_our_back_is_written_again_on_save(tmp_path):
    path = tmp_path / "gone.bpstudio"
    project_file = ProjectFile.create(small_project(), path)
    project_file.save()
    path.unlink()
    ops.UpdateProjectInfo({"group": "B"}).apply(project_file.project)
    project_file.save()
    assert read_project(path) == project_file.project
    project_file.close()


def test_write_project_keeps_the_old_file_mode_and_leaves_no_temp_files(tmp_path):
    path = tmp_path / "mode.bpstudio"
    write_project(small_project(), path)
    os.chmod(path, 0o640)
    write_project(small_project(), path)
    assert (path.stat().st_mode & 0o777) == 0o640
    assert os.listdir(tmp_path) == ["mode.bpstudio"]


def test_saving_into_a_missing_folder_is_one_clear_sentence(tmp_path):
    with pytest.raises(ProjectFileError) as error:
        write_project(small_project(), tmp_path / "no such folder" / "x.bpstudio")
    message = str(error.value)
    assert "\n" not in message and message.endswith(".") and "x.bpstudio" in message


def test_awkward_file_names_work(tmp_path):
    for name in ("a#b?c%20 d.bpstudio", "培训 项目 (2026).bpstudio", "semi;colon'quote.bpstudio"):
        path = tmp_path / name
        project_file = ProjectFile.create(small_project(), path)
        ops.UpdateProjectInfo({"notes": name}).apply(project_file.project)
        project_file.save()
        project_file.close()
        assert read_project(path).info.notes == name
    assert len(os.listdir(tmp_path)) == 3


def test_saving_through_a_symbolic_link_keeps_the_link(tmp_path):
    real = tmp_path / "real.bpstudio"
    write_project(small_project(), real)
    link = tmp_path / "link.bpstudio"
    link.symlink_to(real)
    project_file = ProjectFile.open(link)
    ops.UpdateProjectInfo({"title": "via link"}).apply(project_file.project)
    project_file.save()
    project_file.save_as(link)  # a whole write through the link
    project_file.close()
    assert link.is_symlink() and read_project(real).info.title == "via link"


def test_opening_and_saving_without_changes_leaves_the_file_untouched(tmp_path):
    path = tmp_path / "calm.bpstudio"
    write_project(small_project(), path)
    os.utime(path, (1_000_000_000, 1_000_000_000))
    before = path.read_bytes()
    read_project(path)
    project_file = ProjectFile.open(path)
    project_file.save()  # nothing to save
    project_file.close()
    assert path.read_bytes() == before
    assert path.stat().st_mtime == 1_000_000_000
    assert os.listdir(tmp_path) == ["calm.bpstudio"]


def test_a_row_removed_by_another_program_is_restored_by_a_whole_write(tmp_path):
    import sqlite3

    path = tmp_path / "meddled.bpstudio"
    project_file = ProjectFile.create(small_project(), path)
    service_map = project_file.project.maps[0]
    card_id = next(iter(service_map.cards))
    connection = sqlite3.connect(path)
    connection.execute("DELETE FROM cards")  # behind our back, in place
    connection.commit()
    connection.close()
    ops.UpdateCard(service_map.id, card_id, {"text": "still here"}).apply(project_file.project)
    project_file.save()  # the UPDATE finds no row: rolled back, then written whole
    assert read_project(path) == project_file.project
    assert not project_file.is_dirty
    project_file.close()


def test_a_second_writer_is_refused_and_the_first_writers_work_kept(tmp_path):
    """A saves a deleted stage; B, opened before, then adds a card to that stage and saves.
    B's save was computed from a revision the file no longer has: it is refused, writes
    nothing, and B keeps its work in memory (to save elsewhere). This replaces the old
    "last save wins whole" test, which asserted the lost update."""
    from blueprint_studio.storage import StaleSaveError

    path = tmp_path / "shared.bpstudio"
    write_project(small_project(), path)
    first, second = ProjectFile.open(path), ProjectFile.open(path)
    map_a, map_b = first.project.maps[0], second.project.maps[0]
    ops.RemoveStage(map_a.id, map_a.stages[0].id).apply(first.project)
    first.save()
    saved_by_first = path.read_bytes()
    card = Card(stage_id=map_b.stages[0].id, lane_id=map_b.lanes[1].id, order=0, text="B")
    ops.AddCard(map_b.id, card).apply(second.project)
    with pytest.raises(StaleSaveError, match="changed by another window or program"):
        second.save()
    assert path.read_bytes() == saved_by_first
    assert read_project(path) == first.project
    assert second.is_dirty and card.id in second.project.maps[0].cards
    first.save()  # nothing new in the first: it writes nothing
    assert path.read_bytes() == saved_by_first
    other = tmp_path / "mine.bpstudio"
    second.save_as(other)  # the refused work is kept under another name
    assert read_project(other) == second.project
    first.close()
    second.close()


def test_saves_after_our_own_save_stay_incremental(opened):
    project_file, log = opened
    service_map = project_file.project.maps[0]
    first, second = list(service_map.cards)[:2]
    ops.UpdateCard(service_map.id, first, {"text": "one"}).apply(project_file.project)
    project_file.save()
    ops.UpdateCard(service_map.id, second, {"text": "two"}).apply(project_file.project)
    project_file.save()
    assert log.writes == Counter({("UPDATE", "cards"): 2})
    assert read_project(project_file.path) == project_file.project


def test_a_file_locked_by_another_program_gives_a_clear_message_and_loses_nothing(
        tmp_path, monkeypatch):
    import sqlite3

    from blueprint_studio.storage import sqlite_file

    monkeypatch.setattr(sqlite_file, "BUSY_TIMEOUT_S", 0.2)
    path = tmp_path / "shared.bpstudio"
    project_file = ProjectFile.create(small_project(), path)
    ops.UpdateProjectInfo({"title": "mine"}).apply(project_file.project)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program in the middle of writing
    try:
        with pytest.raises(ProjectFileError, match="being saved by another program"):
            project_file.save()
        with pytest.raises(ProjectFileError, match="being saved by another program"):
            read_project(path)
        assert project_file.is_dirty
    finally:
        other.execute("ROLLBACK")
        other.close()
    project_file.save()
    assert read_project(path).info.title == "mine"
    project_file.close()

"""Anything that is not a project is refused in one sentence and left exactly as it was."""

from __future__ import annotations

import os
import signal
import sqlite3
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blueprint_studio.i18n import set_language
from blueprint_studio.model import Card, factory
from blueprint_studio.storage import (
    SCHEMA_VERSION, ProjectFile, ProjectFileError, read_project, write_project,
)
from blueprint_studio.storage.sqlite_file import APPLICATION_ID, JOURNAL_MAGIC


def sample_project(cards: int = 40):
    service_map = factory.new_map("银行开户 Account", ["Arrive", "Queue", "Counter"])
    project = factory.new_project("Bank 银行", [service_map])
    for index in range(cards):
        card = Card(stage_id=service_map.stages[index % 3].id, lane_id=service_map.lanes[1].id,
                    order=index // 3, text=f"卡片 {index} " + "x" * 200)
        service_map.cards[card.id] = card
    return project


class FileBytes(bytes):
    def __repr__(self) -> str:  # keeps hypothesis reports short
        return f"<{len(self)} bytes of a project file>"


@pytest.fixture(scope="module")
def project_bytes(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("good") / "good.bpstudio"
    write_project(sample_project(), path)
    return FileBytes(path.read_bytes())


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def other_sqlite_database(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    connection.execute("INSERT INTO contacts VALUES ('Li', '123')")
    connection.commit()
    connection.close()


def snapshot(folder: Path) -> dict[str, bytes | None]:
    return {p.name: (p.read_bytes() if p.is_file() else None) for p in folder.iterdir()}


def assert_refused(path: Path, *, contains: str = "") -> str:
    """Both ways of opening refuse with one sentence; nothing in the folder changes."""
    folder = path.parent
    before = snapshot(folder)
    messages = []
    for opener in (read_project, ProjectFile.open):
        with pytest.raises(ProjectFileError) as error:
            opener(path)
        message = str(error.value)
        assert message and "\n" not in message and "Traceback" not in message
        assert message.rstrip().endswith("."), message
        assert message.count(". ") == 0, f"more than one sentence: {message}"
        assert path.name in message, message
        assert contains in message, message
        messages.append(message)
        assert snapshot(folder) == before  # byte for byte, and no new files beside it
    return messages[0]


@pytest.mark.parametrize("kind", [
    "random bytes", "png renamed", "text file", "empty", "other sqlite", "sqlite header only",
])
def test_files_that_are_not_projects(tmp_path, kind):
    path = tmp_path / f"not a project 项目.bpstudio"
    if kind == "random bytes":
        path.write_bytes(os.urandom(8192))
    elif kind == "png renamed":
        path.write_bytes(tiny_png())
    elif kind == "text file":
        path.write_text("stage,lane,text\n到店,客户行为,取号\n", encoding="utf-8")
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "other sqlite":
        other_sqlite_database(path)
    elif kind == "sqlite header only":
        path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)
    assert_refused(path)


@pytest.mark.parametrize("keep", [50, 99, 100, 1000, 4096, 8192, "half", "one byte short"])
def test_truncated_project_files(tmp_path, project_bytes, keep):
    size = {"half": len(project_bytes) // 2, "one byte short": len(project_bytes) - 1}.get(keep, keep)
    path = tmp_path / "cut.bpstudio"
    path.write_bytes(project_bytes[:size])
    assert_refused(path, contains="damaged" if size >= 16 else "")


def test_missing_file_and_folder(tmp_path):
    assert "does not exist" in assert_refused(tmp_path / "missing.bpstudio")
    assert "does not exist" in assert_refused(tmp_path / "nul\x00in name.bpstudio")
    folder = tmp_path / "folder.bpstudio"
    folder.mkdir()
    assert "folder" in assert_refused(folder)


def _set_user_version(path: Path, version: int) -> None:
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {version}")
    connection.commit()
    connection.close()


def test_newer_version_is_refused_and_untouched(tmp_path, project_bytes):
    path = tmp_path / "future.bpstudio"
    path.write_bytes(project_bytes)
    _set_user_version(path, SCHEMA_VERSION + 1)
    message = assert_refused(path, contains="newer version")
    assert str(SCHEMA_VERSION + 1) in message


def test_newer_version_with_a_journal_beside_it_is_not_touched(tmp_path, project_bytes):
    """Even crash recovery must not run on a file we cannot read."""
    path = tmp_path / "future.bpstudio"
    path.write_bytes(project_bytes)
    _set_user_version(path, SCHEMA_VERSION + 7)
    Path(f"{path}-journal").write_bytes(JOURNAL_MAGIC + b"\x00" * 504)
    assert_refused(path, contains="newer version")


def _edit_raw(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(path)
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()


@pytest.mark.parametrize("statements", [
    ("UPDATE cards SET stage_id = 'nowhere' WHERE rowid = 1",),
    ("UPDATE cards SET kind = 'bogus' WHERE rowid = 2",),
    ("UPDATE cards SET emotion = 9 WHERE rowid = 2",),
    ("UPDATE cards SET position = 7 WHERE rowid = 1",),
    ("UPDATE cards SET text = x'ff00' WHERE rowid = 3",),
    ("UPDATE stages SET position = 5",),
    ("DELETE FROM project",),
    ("DROP TABLE connectors",),
    ("UPDATE meta SET value = '0' WHERE key = 'schema_version'",),
    ("UPDATE lanes SET colour = 'red' WHERE rowid = 1",),
], ids=lambda s: s[0][:40])
def test_projects_with_broken_contents_are_reported_damaged(tmp_path, project_bytes, statements):
    path = tmp_path / "tampered.bpstudio"
    path.write_bytes(project_bytes)
    _edit_raw(path, *statements)
    assert_refused(path, contains="damaged")


def test_a_project_stamped_on_a_foreign_database_is_damaged(tmp_path):
    path = tmp_path / "fake.bpstudio"
    other_sqlite_database(path)
    _edit_raw(path, f"PRAGMA application_id = {APPLICATION_ID}", "PRAGMA user_version = 1")
    assert_refused(path, contains="damaged")


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(offset=st.integers(0, 30000), value=st.integers(0, 255))
def test_a_damaged_byte_never_yields_a_broken_model_or_a_changed_file(
        tmp_path, project_bytes, offset, value):
    """Flip one byte anywhere: either a clear refusal or a valid project; file unchanged."""
    data = bytearray(project_bytes)
    offset %= len(data)
    data[offset] = value
    path = tmp_path / "flipped.bpstudio"
    path.write_bytes(bytes(data))
    try:
        project = read_project(path)
    except ProjectFileError as error:
        assert "\n" not in str(error)
    else:
        from blueprint_studio.model.validate import check_project
        check_project(project)
    assert path.read_bytes() == bytes(data)
    assert sorted(os.listdir(tmp_path)) == ["flipped.bpstudio"]
    path.unlink()


def test_messages_are_translated(tmp_path):
    path = tmp_path / "空.bpstudio"
    path.write_bytes(b"")
    set_language("zh")
    try:
        with pytest.raises(ProjectFileError) as error:
            read_project(path)
    finally:
        set_language("en")
    assert "空文件" in str(error.value) and "空.bpstudio" in str(error.value)


# -- crash recovery ------------------------------------------------------------------

KILL_MID_TRANSACTION = r"""
import os, signal, sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA cache_size = 2")  # spill changed pages into the file early
connection.execute("BEGIN")
connection.execute("UPDATE cards SET text = 'half-saved ' || text")
connection.execute("UPDATE project SET title = 'half-saved'")
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_hot_journal_is_rolled_back_on_open(tmp_path, project_bytes):
    path = tmp_path / "crashed.bpstudio"
    path.write_bytes(project_bytes)
    subprocess.run([sys.executable, "-c", KILL_MID_TRANSACTION, str(path)], check=False)
    journal = Path(f"{path}-journal")
    assert journal.read_bytes()[:8] == JOURNAL_MAGIC, "the crash left no hot journal"
    assert path.read_bytes() != project_bytes, "the crash did not reach the file"

    loaded = read_project(path)
    assert loaded.info.title == "Bank 银行"
    assert all(not c.text.startswith("half-saved") for c in loaded.maps[0].cards.values())
    assert loaded == read_project(_write(tmp_path / "reference.bpstudio", project_bytes))
    assert not journal.exists()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_every_storage_message_has_chinese_with_the_same_placeholders():
    import ast
    import re

    from blueprint_studio.i18n import _ZH
    from blueprint_studio.i18n.catalog_storage import ZH as STORAGE_ZH

    sources = sorted((Path(__file__).resolve().parents[1] / "blueprint_studio" / "storage")
                     .glob("*.py"))
    literals = set()
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                literals.add(node.args[0].value)
            elif isinstance(node, ast.Constant) and node.value in STORAGE_ZH:
                literals.add(node.value)  # messages chosen in a variable, then tr(text)
    assert len(literals) >= 15
    assert literals == set(STORAGE_ZH), set(STORAGE_ZH) ^ literals
    for text in literals:
        assert set(re.findall(r"\{(\w*)\}", text)) == set(re.findall(r"\{(\w*)\}", _ZH[text]))

"""Everything SQLite-specific about a project file, in one place.

The rest of the storage package speaks portable SQLAlchemy Core; this module knows
the bytes on disk: the 100-byte header (magic, page size, `application_id` brand,
`user_version` schema version), the journal and sync settings that make saves
crash-safe, hot-journal recovery, read-only validation, and the atomic
temp-file-and-rename used for whole-file writes. A server database backend would
replace this module and keep the others.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import struct
from urllib.parse import quote
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import NullPool, StaticPool

from blueprint_studio import fileutil
from blueprint_studio.i18n import tr

from .errors import ProjectFileError

# "BpSt": written to PRAGMA application_id so that `file` and we can tell our files apart.
APPLICATION_ID = 0x42705374

SQLITE_MAGIC = b"SQLite format 3\x00"
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
HEADER_SIZE = 100
BUSY_TIMEOUT_S = 5.0


@dataclass(frozen=True, slots=True)
class Header:
    page_size: int
    write_version: int
    read_version: int
    change_counter: int
    page_count: int  # 0 when the header's own count is not trustworthy
    user_version: int
    application_id: int


def parse_header(data: bytes) -> Header | None:
    """The fields we use from SQLite's 100-byte file header, or None if not SQLite."""
    if len(data) < HEADER_SIZE or not data.startswith(SQLITE_MAGIC):
        return None
    (page_size,) = struct.unpack_from(">H", data, 16)
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack_from(">II", data, 24)
    (user_version,) = struct.unpack_from(">i", data, 60)
    (application_id,) = struct.unpack_from(">I", data, 68)
    (valid_for,) = struct.unpack_from(">I", data, 92)
    if valid_for != change_counter:
        page_count = 0  # written by an old SQLite: the count may be stale (docs: fileformat2)
    return Header(page_size, data[18], data[19], change_counter, page_count,
                  user_version, application_id)


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


# Errors raised by the driver itself (outside SQLAlchemy, e.g. during the backup copy).
DRIVER_ERRORS: tuple[type[BaseException], ...] = (sqlite3.Error,)


def is_busy(error: BaseException) -> bool:
    """Did the database refuse because another connection holds its lock?"""
    text = str(getattr(error, "orig", None) or error).lower()
    return "locked" in text or "busy" in text


# -- checking a file before any connection touches it ------------------------------

def sniff(path: Path, newest_version: int) -> int:
    """Check that `path` looks like a project file we can read; return its schema version.

    Reads bytes only: nothing is opened through SQLite, so nothing can be changed or
    created beside the file. Raises ProjectFileError with the reason.
    """
    name = path.name or str(path)
    try:
        info = path.stat()
    except (FileNotFoundError, ValueError):  # ValueError: a NUL character in the name
        raise ProjectFileError(tr("The file {name} does not exist.").format(name=name), path) from None
    except OSError as error:
        raise ProjectFileError(_os_reason(error, name, reading=True), path) from None
    if stat.S_ISDIR(info.st_mode):
        raise ProjectFileError(
            tr("{name} is a folder, not a Blueprint Studio project.").format(name=name), path)
    if not stat.S_ISREG(info.st_mode):
        raise ProjectFileError(
            tr("{name} is not a Blueprint Studio project.").format(name=name), path)
    if info.st_size == 0:
        raise ProjectFileError(
            tr("{name} is empty, so it is not a Blueprint Studio project.").format(name=name), path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(HEADER_SIZE)
    except OSError as error:
        raise ProjectFileError(_os_reason(error, name, reading=True), path) from None

    header = parse_header(data)
    if header is None:
        if SQLITE_MAGIC.startswith(data[:16]) or data.startswith(SQLITE_MAGIC):
            raise damaged(path)  # a database cut short inside its header
        raise ProjectFileError(tr("{name} is not a Blueprint Studio project.").format(name=name), path)
    if header.application_id != APPLICATION_ID:
        raise ProjectFileError(
            tr("{name} is a database of another program, not a Blueprint Studio project.")
            .format(name=name), path)
    if header.user_version > newest_version:
        raise ProjectFileError(
            tr("{name} was saved by a newer version of Blueprint Studio (file format {found}; "
               "this version reads up to {newest}), so please update Blueprint Studio to open it.")
            .format(name=name, found=header.user_version, newest=newest_version), path)
    if header.user_version < 1:
        raise damaged(path)
    if header.read_version != 1 or header.write_version != 1:
        raise damaged(path)  # we never write WAL files: someone else changed this one
    return header.user_version


def check_size(path: Path) -> None:
    """Refuse a file shorter than its header says (copied or downloaded only in part)."""
    with open(path, "rb") as handle:
        header = parse_header(handle.read(HEADER_SIZE))
        size = os.fstat(handle.fileno()).st_size
    if header is None or header.page_size < 512 or header.page_size & (header.page_size - 1):
        raise damaged(path)
    if size % header.page_size or size < header.page_count * header.page_size:
        raise damaged(path)


def damaged(path: Path, detail: str = "") -> ProjectFileError:
    name = path.name or str(path)
    if detail:
        message = tr("{name} is damaged and cannot be opened ({detail}); "
                     "please open a backup copy.").format(name=name, detail=detail)
    else:
        message = tr("{name} is damaged and cannot be opened; please open a backup copy.").format(
            name=name)
    return ProjectFileError(message, path)


def busy(path: Path) -> ProjectFileError:
    return ProjectFileError(
        tr("{name} is being saved by another program; please try again in a moment.")
        .format(name=path.name), path)


def _os_reason(error: OSError, name: str, reading: bool) -> str:
    if isinstance(error, PermissionError):
        text = ("Blueprint Studio is not allowed to read {name}." if reading
                else "Blueprint Studio is not allowed to write {name}.")
        return tr(text).format(name=name)
    if error.errno == errno.ENOSPC:
        return tr("The disk is full, so {name} could not be saved.").format(name=name)
    if error.errno == errno.ENOENT and not reading:
        return tr("The folder for {name} does not exist.").format(name=name)
    reason = error.strerror or str(error)
    text = "{name} could not be read ({reason})." if reading else "{name} could not be saved ({reason})."
    return tr(text).format(name=name, reason=reason)


def os_error(error: OSError, path: Path, reading: bool = False) -> ProjectFileError:
    return ProjectFileError(_os_reason(error, path.name or str(path), reading), path)


# -- connections -------------------------------------------------------------------

def _uri(path: Path, mode: str) -> str:
    """An SQLite URI for `path` with an empty authority, which SQLite requires.

    Path.as_uri() would turn a Windows share (\\\\server\\share) into file://server/...,
    which SQLite refuses; "file://" + "//server/share/..." keeps the host in the path.
    """
    text = str(path.resolve())
    if os.sep == "\\":
        text = text.replace("\\", "/")
    if not text.startswith("/"):
        text = "/" + text  # C:/folder -> /C:/folder
    return f"file://{quote(text, safe='/:')}?mode={mode}"


def _engine(connect: Callable[[], sqlite3.Connection], pragmas: tuple[str, ...],
            begin: str, poolclass: type = NullPool) -> Engine:
    """An engine whose transactions are real SQLite transactions that we begin ourselves.

    pysqlite's own implicit BEGIN is switched off (SQLAlchemy's documented recipe), so a
    save is exactly one BEGIN ... COMMIT, and a kill at any moment rolls it all back.
    """
    engine = create_engine("sqlite+pysqlite://", creator=connect, poolclass=poolclass)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        for pragma in pragmas:
            dbapi_connection.execute(pragma).fetchall()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql(begin)

    return engine


def _connector(path: Path, mode: str) -> Callable[[], sqlite3.Connection]:
    uri = _uri(path, mode)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False)

    return connect


def readonly_engine(path: Path) -> Engine:
    """Reads a file without any chance of writing to it or creating files beside it."""
    return _engine(_connector(path, "ro"), ("PRAGMA query_only = ON",), "BEGIN")


def readwrite_engine(path: Path) -> Engine:
    """For incremental saves of an existing file: rollback journal, full sync, real FKs."""
    connect = _connector(path, "rw")  # rw, not rwc: never create a file that went missing
    pragmas = ("PRAGMA journal_mode = DELETE", "PRAGMA synchronous = FULL",
               "PRAGMA foreign_keys = ON")
    # No pool: the file is not held open between saves, so other programs (file
    # managers, cloud sync, Windows) can copy, move or replace it while we are idle.
    return _engine(connect, pragmas, "BEGIN IMMEDIATE")


def scratch_engine(path: Path) -> Engine:
    """For building a brand-new file under a temporary name: no journal needed, because
    the file only becomes the project (by rename) once it is complete and synced."""
    pragmas = ("PRAGMA journal_mode = OFF", "PRAGMA synchronous = OFF",
               "PRAGMA foreign_keys = ON")
    return _engine(_connector(path, "rw"), pragmas, "BEGIN IMMEDIATE")


def memory_copy_engine(path: Path) -> Engine:
    """A private in-memory copy of the file, to upgrade an older file without touching it."""
    source = sqlite3.connect(_uri(path, "ro"), uri=True, timeout=BUSY_TIMEOUT_S)
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        source.backup(copy)
    finally:
        source.close()
    return _engine(lambda: copy, ("PRAGMA foreign_keys = ON",), "BEGIN", poolclass=StaticPool)


def recover_if_interrupted(path: Path) -> None:
    """Finish off a save that a crash interrupted, leaving no journal beside the file.

    Only called for files whose header is ours. A hot journal (one whose pages were
    synced) is rolled back by SQLite itself when a read-write connection takes its
    first lock; a read-only connection cannot. A journal whose header was never
    completed is cold: the file was not touched yet, and SQLite ignores it. We delete
    it while holding the write lock, when no other writer can be using it.
    """
    journal = journal_path(path)
    if not journal.exists():
        return
    try:
        connection = sqlite3.connect(_uri(path, "rw"), uri=True, timeout=BUSY_TIMEOUT_S,
                                     isolation_level=None)
    except sqlite3.Error:
        return  # e.g. a read-only folder: the read-only check below reports what it finds
    try:
        connection.execute("BEGIN IMMEDIATE")  # shared lock (rolls back), then write lock
        connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
        try:
            journal.unlink(missing_ok=True)
        except OSError:
            pass
        connection.execute("ROLLBACK")
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise busy(path) from None
    except sqlite3.DatabaseError:
        pass  # reported as damaged by the read-only check
    finally:
        connection.close()


def file_version(connection: Connection) -> tuple[int, int]:
    """(application_id, user_version) as SQLite itself reads them."""
    app_id = connection.exec_driver_sql("PRAGMA application_id").scalar_one()
    version = connection.exec_driver_sql("PRAGMA user_version").scalar_one()
    return int(app_id) & 0xFFFFFFFF, int(version)


def integrity_problem(connection: Connection) -> str | None:
    """SQLite's own quick structural check: None when the file is sound."""
    rows = [str(r[0]) for r in connection.exec_driver_sql("PRAGMA quick_check").fetchall()]
    return None if rows == ["ok"] else "; ".join(rows[:2])


def stamp(connection: Connection, version: int) -> None:
    """Brand the file as ours and record its schema version in the header."""
    signed = APPLICATION_ID - (1 << 32) if APPLICATION_ID >= 1 << 31 else APPLICATION_ID
    connection.exec_driver_sql(f"PRAGMA application_id = {signed}")
    connection.exec_driver_sql(f"PRAGMA user_version = {int(version)}")


# -- atomic whole-file writes ---------------------------------------------------------

def file_identity(path: Path) -> tuple[int, int] | None:
    """Which file on disk `path` names now: a file replaced behind our back (another
    program's Save As, a copy put in its place) holds someone else's work, never ours
    to patch. None when nothing is there."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def change_counter_of(descriptor: int) -> int:
    """The change counter through a descriptor that stays open (see project_file)."""
    header = parse_header(os.pread(descriptor, HEADER_SIZE, 0)) if hasattr(os, "pread") else None
    if header is None and not hasattr(os, "pread"):
        os.lseek(descriptor, 0, os.SEEK_SET)
        header = parse_header(os.read(descriptor, HEADER_SIZE))
    return header.change_counter if header else -1


def change_counter(path: Path) -> int:
    """SQLite's count of committed writes, from the file header. Read under a write lock
    it tells whether anyone wrote since (file format 1, which has no revision, uses it)."""
    try:
        with open(path, "rb") as handle:
            header = parse_header(handle.read(HEADER_SIZE))
    except OSError:
        return -1
    return header.change_counter if header else -1


def atomic_write(target: Path, build: Callable[[Path], None], replace: bool = True) -> None:
    """Build the file under a temporary name beside `target`, sync it, then rename it over
    `target` in one step. A crash leaves either the old file or the new one, never half."""

    def build_and_clean(temp: str) -> None:
        try:
            build(Path(temp))
        except BaseException:
            journal_path(Path(temp)).unlink(missing_ok=True)  # the temp file itself goes too
            raise

    fileutil.write_atomically(target, build_and_clean, replace=replace)

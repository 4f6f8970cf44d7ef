"""An open project bound to its file: the SQLite implementation of `store.Store`.

Saves are incremental and checked: each one is a single transaction on the file that
takes SQLite's write lock (BEGIN IMMEDIATE), claims the next revision from the one the
project was read at, and writes only what changed. A file another window or program
saved since (or replaced by another file) is never patched or overwritten: the save is
refused with `StaleSaveError` and the user's work stays in memory, unsaved.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, exc

from blueprint_studio.i18n import tr
from blueprint_studio.model import Project

from . import files, migrations, sqlite_file
from .changes import ChangeTracker
from .errors import ProjectFileError, StaleSaveError
from .store import OutOfStep, StaleBase, StoredState, claim_revision, rewrite, write_changes


class ProjectFile:
    """A project and the file it is saved in. Use `open` or `create`, then `save`.

    Changes are followed through the project's change sets, so edit the project only
    through `blueprint_studio.model.operations` (as everything should).
    """

    def __init__(self, project: Project, path: Path, version: int, base: int) -> None:
        self.project = project
        self.path = path
        self._version = version
        self._base = base  # the revision (format 1: change counter) our changes build on
        self._tracker = ChangeTracker(project)
        self._stored = StoredState.of(project)
        self._identity = sqlite_file.file_identity(path)
        self._engine: Engine | None = None
        self._closed = False
        self.whole_rewrites = 0  # saves that had to rewrite every row (for tests)

    # -- opening ----------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> "ProjectFile":
        file_path = files.as_path(path)
        loaded = files.load(file_path)
        return cls(loaded.project, file_path, loaded.version, loaded.base)

    @classmethod
    def create(cls, project: Project, path: str | os.PathLike[str]) -> "ProjectFile":
        file_path = files.as_path(path)
        files.write(project, file_path)
        return cls(project, file_path, migrations.SCHEMA_VERSION, 0)

    def __enter__(self) -> "ProjectFile":
        return self

    def __exit__(self, *_exc: Any) -> None:
        self.close()

    # -- state -----------------------------------------------------------------
    @property
    def is_dirty(self) -> bool:
        """True when the project has changes that are not in the file yet."""
        return self._tracker.dirty

    @property
    def revision(self) -> int:
        """The revision of the file our project matches (after our last save or the open)."""
        return self._base

    @property
    def engine(self) -> Engine:
        """The read-write engine used by `save` (for diagnostics and tests)."""
        self._check_open()
        if self._engine is None:
            self._engine = sqlite_file.readwrite_engine(self.path)
        return self._engine

    # -- saving ------------------------------------------------------------------
    def save(self) -> None:
        """Write the changes since the last save, all in one transaction.

        Raises StaleSaveError, writing nothing, when the file is no longer the one we
        read (someone saved it, or put another file in its place)."""
        self._check_open()
        now = sqlite_file.file_identity(self.path)
        if now is None:  # moved or deleted meanwhile: nobody's work is there to lose
            self._write_whole(self.path)
            return
        if not self._tracker.dirty:
            return  # nothing of ours to save: never overwrite what someone else wrote
        if now != self._identity:
            raise self._stale()
        try:
            try:
                self._save_in_place(whole=self._tracker.everything)
            except OutOfStep:
                # The file lacks rows it should hold at our revision (edited by another
                # program): the transaction was rolled back; rewrite every row instead.
                self._save_in_place(whole=True)
        except StaleBase:
            raise self._stale() from None
        except (exc.DBAPIError, *sqlite_file.DRIVER_ERRORS) as error:
            self._dispose_engine()
            raise files.save_failed(self.path, error) from None
        except OSError as error:
            self._dispose_engine()
            raise sqlite_file.os_error(error, self.path) from None

    def _save_in_place(self, whole: bool) -> None:
        old_format = self._version != migrations.SCHEMA_VERSION
        # Format 1 is checked by its header, read through a descriptor opened before the
        # transaction and closed after it: closing any descriptor of a file drops every
        # POSIX lock the process holds on it, SQLite's write lock included.
        header = os.open(self.path, os.O_RDONLY | getattr(os, "O_BINARY", 0)) if old_format else None
        try:
            self._save_transaction(whole, header)
        finally:
            if header is not None:
                os.close(header)

    def _save_transaction(self, whole: bool, header: int | None) -> None:
        old_format = header is not None
        with self.engine.begin() as connection:  # BEGIN IMMEDIATE: we hold the write lock
            if header is not None:
                revision = self._claim_old_format(connection, header)
            else:
                revision = claim_revision(connection, self.project.id, self._base)
            if whole or old_format:
                rewrite(connection, self.project, revision)
                stored = StoredState.of(self.project)
                self.whole_rewrites += 1
            else:
                stored = write_changes(connection, self.project, self._tracker, self._stored)
        self._base = revision
        self._version = migrations.SCHEMA_VERSION
        self._stored = stored
        self._tracker.clear()

    def _claim_old_format(self, connection: Connection, header: int) -> int:
        """Format 1 has no revision: under the write lock, nobody may have committed since
        we read (SQLite's change counter), and the file is still format 1. Then upgrade it
        in this same transaction."""
        connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").fetchall()
        _app, header_version = sqlite_file.file_version(connection)
        if (sqlite_file.change_counter_of(header) != self._base
                or header_version != self._version):
            raise StaleBase(self.project.id)
        migrations.migrate(connection, self._version)
        sqlite_file.stamp(connection, migrations.SCHEMA_VERSION)
        return 1

    def save_as(self, path: str | os.PathLike[str]) -> None:
        """Write the whole project to `path`, then keep working on that file."""
        self._check_open()
        self._write_whole(files.as_path(path))

    def close(self) -> None:
        """Stop following the project and release the file. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self._tracker.detach()
        self._dispose_engine()

    # -- internals -----------------------------------------------------------------
    def _stale(self) -> StaleSaveError:
        return StaleSaveError(
            tr("{name} was changed by another window or program after you opened it, so "
               "your changes were not written; they are still here: save them under "
               "another name to keep both.").format(name=self.path.name), self.path)

    def _write_whole(self, path: Path) -> None:
        # Release our connection first: the rename replaces the file it points at.
        self._dispose_engine()
        files.write(self.project, path)
        self.path = path
        self._version = migrations.SCHEMA_VERSION
        self._base = 0
        self._identity = sqlite_file.file_identity(path)
        self._stored = StoredState.of(self.project)
        self._tracker.clear()
        self.whole_rewrites += 1

    def _dispose_engine(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def _check_open(self) -> None:
        if self._closed:
            raise ProjectFileError(
                tr("{name} has been closed.").format(name=self.path.name), self.path)

    def __repr__(self) -> str:
        return f"ProjectFile({str(self.path)!r}, dirty={self.is_dirty})"


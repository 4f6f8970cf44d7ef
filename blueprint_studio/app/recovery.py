"""Recovery copies: at most a few seconds of work are lost when a lid closes or Python dies.

Design (documented for users in docs/user-guide.md): the real project file is written only
when the user saves, so "Save" and "Discard changes" keep their usual meaning. Meanwhile,
a few seconds after each change, the whole project is written as a recovery copy into
`<config folder>/recovery/`. A clean save, or closing and discarding, deletes the copy. A
copy left behind by a process that is no longer running is offered on the next start.

Each open document holds a QLockFile beside its copy, so a second running window never
offers to "recover" the work of the first; Qt removes the lock of a dead process.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

from ..model.entities import Project
from ..model.ids import new_id
from ..storage import FILE_SUFFIX, ProjectFile, read_project


@dataclass(frozen=True)
class RecoveredWork:
    """A recovery copy left by a session that ended without saving."""

    token: str
    copy_path: Path
    original_path: str  # "" for a project that was never saved
    title: str
    saved_at: float  # seconds since the epoch

    def load(self) -> Project:
        return read_project(self.copy_path)


class RecoveryStore:
    """The folder of recovery copies."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / "recovery"

    def new_slot(self) -> "RecoverySlot":
        self.folder.mkdir(parents=True, exist_ok=True)
        return RecoverySlot(self.folder, new_id())

    def orphans(self) -> list[RecoveredWork]:
        """Copies whose owner is gone, newest first."""
        if not self.folder.is_dir():
            return []
        found: list[RecoveredWork] = []
        for meta_path in self.folder.glob("*.json"):
            token = meta_path.stem
            copy_path = self.folder / f"{token}{FILE_SUFFIX}"
            lock = QLockFile(str(self.folder / f"{token}.lock"))
            lock.setStaleLockTime(0)  # stale only when its process is gone
            if not lock.tryLock(0):  # a running window still owns it
                continue
            lock.unlock()
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                meta = {}
            if not copy_path.is_file():
                self.discard(token)
                continue
            found.append(RecoveredWork(
                token, copy_path, str(meta.get("original_path", "")),
                str(meta.get("title", "")), float(meta.get("saved_at", copy_path.stat().st_mtime)),
            ))
        self._remove_stale_locks()
        found.sort(key=lambda work: work.saved_at, reverse=True)
        return found

    def _remove_stale_locks(self) -> None:
        """Locks of sessions that ended (killed) before they had anything to recover."""
        for lock_path in self.folder.glob("*.lock"):
            if (self.folder / f"{lock_path.stem}.json").exists():
                continue
            lock = QLockFile(str(lock_path))
            lock.setStaleLockTime(0)
            if lock.tryLock(0):
                lock.unlock()  # unlock removes the file

    def discard(self, token: str) -> None:
        """Delete a copy with everything a killed session can leave beside it: its journal
        (a save cut short) and temporary files (a first copy cut short)."""
        copy_name = f"{token}{FILE_SUFFIX}"
        names = [copy_name, f"{copy_name}-journal", f"{token}.json", f"{token}.lock"]
        names += [leftover.name for leftover in self.folder.glob(f".{copy_name}.*.tmp")]
        for name in names:
            try:
                (self.folder / name).unlink()
            except FileNotFoundError:
                pass


class RecoverySlot:
    """The recovery copy of one open document (locked while the document is open)."""

    def __init__(self, folder: Path, token: str) -> None:
        self.folder = folder
        self.token = token
        self.copy_path = folder / f"{token}{FILE_SUFFIX}"
        self._meta_path = folder / f"{token}.json"
        self._lock = QLockFile(str(folder / f"{token}.lock"))
        self._lock.setStaleLockTime(0)  # only a dead owner makes it stale, never age
        self._lock.tryLock(0)
        self._file: ProjectFile | None = None

    def write(self, project: Project, original_path: str | None) -> None:
        """The first copy is written whole (atomically); later ones write only the changes
        since, in one transaction, so a large project never makes the window stutter."""
        if self._file is None or self._file.project is not project:
            self._close_file()
            self._file = ProjectFile.create(project, self.copy_path)
        else:
            self._file.save()  # writes it whole again if the copy went missing
        meta = {"original_path": original_path or "", "title": project.info.title,
                "saved_at": time.time()}
        self._meta_path.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")

    def exists(self) -> bool:
        return self.copy_path.exists()

    def discard(self) -> None:
        """Delete the copy (the work is safe in its file or was thrown away on purpose)."""
        self._close_file()
        journal = self.copy_path.with_name(self.copy_path.name + "-journal")
        for path in (self.copy_path, journal, self._meta_path):
            try:
                path.unlink()
            except FileNotFoundError:
                pass

    def _close_file(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def release(self) -> None:
        """Delete the copy and give up the lock: the document is closed."""
        self.discard()
        self._lock.unlock()

"""One open project: its model, its file, its undo history and its recovery copy.

The undo stack's clean state is the saved state: `setClean()` after a save, and the
window's modified flag follows `cleanChanged`. Work that exists only in memory without
an undo step (a restored recovery copy, an imported JSON file) starts out modified.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QUndoStack

from ..i18n import tr
from ..model.entities import Project
from ..storage import FILE_SUFFIX, ProjectFile
from .recovery import RecoveryStore, RecoverySlot

# A change is in a recovery copy at most this long after it was made.
RECOVERY_DELAY_MS = 3000


class Document(QObject):
    modifiedChanged = Signal(bool)
    pathChanged = Signal(str)        # "" while untitled
    recoveryWritten = Signal()
    recoveryFailed = Signal(str)     # a sentence for the status bar

    def __init__(self, project: Project, *, project_file: ProjectFile | None = None,
                 path: str | Path | None = None, recovery: RecoveryStore | None = None,
                 modified: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self._file = project_file
        self._path = str(Path(path).resolve()) if path else ""
        self.undo_stack = QUndoStack(self)
        self._modified_without_undo = modified
        self._was_modified = self.is_modified()
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._recovery_slot: RecoverySlot | None = recovery.new_slot() if recovery else None
        self._recovery_timer = QTimer(self)
        self._recovery_timer.setSingleShot(True)
        self._recovery_timer.setInterval(RECOVERY_DELAY_MS)
        self._recovery_timer.timeout.connect(self.write_recovery)
        self._unsubscribe = project.events.subscribe(self._on_model_event)
        if modified:
            self._recovery_timer.start()

    # -- opening -------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, recovery: RecoveryStore | None = None,
             parent: QObject | None = None) -> "Document":
        """Open a project file; raises ProjectFileError with a sentence for the user."""
        project_file = ProjectFile.open(path)
        return cls(project_file.project, project_file=project_file, path=path,
                   recovery=recovery, parent=parent)

    # -- state -----------------------------------------------------------------------
    @property
    def path(self) -> str:
        return self._path

    def is_untitled(self) -> bool:
        return not self._path

    def is_modified(self) -> bool:
        return self._modified_without_undo or not self.undo_stack.isClean()

    def display_name(self) -> str:
        if self._path:
            return Path(self._path).name
        return self.project.info.title or tr("Untitled")

    def suggested_file_name(self) -> str:
        stem = (self.project.info.title or tr("Untitled")).strip()
        stem = "".join("_" if ch in '\\/:*?"<>|\n\r\t' else ch for ch in stem)[:80] or "project"
        return stem + FILE_SUFFIX

    # -- saving ----------------------------------------------------------------------
    def save(self) -> None:
        """Write changes to the current file (incremental); raises ProjectFileError or OSError."""
        if not self._path:
            raise ValueError("An untitled document needs save_as()")
        if self._file is None:
            self._file = ProjectFile.create(self.project, self._path)
        else:
            self._file.save()
        self._mark_saved()

    def save_as(self, path: str | Path) -> None:
        """Write the whole project to a new file and keep working in that file."""
        path = str(Path(path).resolve())
        if self._file is None:
            self._file = ProjectFile.create(self.project, path)
        elif path == self._path:
            self._file.save()
        else:
            self._file.save_as(path)
        self._path = path
        self._mark_saved()
        self.pathChanged.emit(path)

    def _mark_saved(self) -> None:
        self._modified_without_undo = False
        self._recovery_timer.stop()
        if self._recovery_slot:
            self._recovery_slot.discard()
        self.undo_stack.setClean()
        self._emit_modified()

    # -- recovery copy ----------------------------------------------------------------
    def write_recovery(self) -> bool:
        """Write the recovery copy now (the timer calls this a few seconds after a change).

        True when the copy now holds the work; False when there was nothing to write,
        the write was put off (a drag in progress) or it failed (said through recoveryFailed).
        """
        self._recovery_timer.stop()
        if self._recovery_slot is None or not self.is_modified():
            return False
        if QGuiApplication.instance() is not None and QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton:
            QTimer.singleShot(500, self._retry_recovery)  # never stutter in the middle of a drag
            return False
        try:
            self._recovery_slot.write(self.project, self._path or None)
        except Exception as error:  # a full disk must not take the user's work with it
            self.recoveryFailed.emit(tr("Could not write the recovery copy: {error}").format(error=error))
            return False
        self.recoveryWritten.emit()
        return True

    def _retry_recovery(self) -> None:
        if self._recovery_slot is not None and not self._recovery_timer.isActive():
            self.write_recovery()

    def mark_modified(self) -> None:
        """Flag work that has no undo step behind it (restored or imported) as unsaved."""
        self._modified_without_undo = True
        self._recovery_timer.start()
        self._emit_modified()

    # -- closing -------------------------------------------------------------------------
    def close(self) -> None:
        """Release the file, the recovery copy and the model subscription. Call once."""
        self._recovery_timer.stop()
        self._unsubscribe()
        self.undo_stack.cleanChanged.disconnect(self._on_clean_changed)
        if self._recovery_slot:
            self._recovery_slot.release()
            self._recovery_slot = None
        if self._file is not None:
            self._file.close()
            self._file = None

    # -- internals ------------------------------------------------------------------------
    def _on_model_event(self, _event: object) -> None:
        if not self._recovery_timer.isActive():
            self._recovery_timer.start()

    def _on_clean_changed(self, _clean: bool) -> None:
        self._emit_modified()
        if self.is_modified() and not self._recovery_timer.isActive():
            self._recovery_timer.start()
        elif not self.is_modified() and self._recovery_slot:
            self._recovery_timer.stop()
            self._recovery_slot.discard()  # undone back to the saved state

    def _emit_modified(self) -> None:
        modified = self.is_modified()
        if modified != self._was_modified:
            self._was_modified = modified
            self.modifiedChanged.emit(modified)

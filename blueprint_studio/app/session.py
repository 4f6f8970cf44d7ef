"""The session of one window: what the helpers around the shell share instead of the window.

A `Session` holds the document shown (its project, file, undo stack and recovery copy), the
settings, the recovery store and the window's voice (status messages, refusals). File
commands, map commands, workspaces and the inspector receive the session; none of them
imports the main window or reaches through it.

    session.push(operation, text)      # one undo step; a refusal becomes a message
    session.commit_pending()           # typing still waiting becomes its undo step now
    session.reveal("map", map_id)      # ask the window to show this (it picks the workspace)
    Session.showing(path)              # the session (of any window) whose file is `path`
"""

from __future__ import annotations

import os
import weakref
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from ..commands import push_operation
from ..i18n import describe, language
from ..model.entities import ModelError, Project
from .document import Document
from .recovery import RecoveryStore
from .settings import AppSettings

# Every live session of the program, for "is this file open in a window already?".
_sessions: "weakref.WeakSet[Session]" = weakref.WeakSet()


class Session(QObject):
    """One window's document, undo history, settings and messages."""

    documentChanged = Signal(object)     # the Document now shown (after the previous one left)
    documentReleased = Signal(object)    # the Document about to leave (views let go of it)
    commitRequested = Signal()           # flush typing that waits for a pause (see commit_pending)
    messageShown = Signal(str, int)      # a sentence for the status bar, how long (ms)
    refused = Signal(str)                # an edit the model refused, in one sentence
    revealRequested = Signal(str, str)   # (kind, id): show this entity, e.g. a map just imported
    raiseRequested = Signal()            # bring the window to the front (its file was opened again)

    def __init__(self, settings: AppSettings, recovery: RecoveryStore | None = None,
                 window: QWidget | None = None) -> None:
        super().__init__(window)
        self.settings = settings
        self.recovery = recovery if recovery is not None else RecoveryStore(settings.folder)
        self._window = window
        self._document: Document | None = None
        _sessions.add(self)

    # -- what is shown ---------------------------------------------------------------------
    @property
    def document(self) -> Document | None:
        return self._document

    @property
    def project(self) -> Project | None:
        return self._document.project if self._document is not None else None

    @property
    def undo_stack(self) -> QUndoStack | None:
        return self._document.undo_stack if self._document is not None else None

    @property
    def language(self) -> str:
        """The interface language ("en" or "zh"); the same in every window (see language.py)."""
        return language()

    def dialog_parent(self) -> QWidget | None:
        """The widget dialogs and message boxes of this session are centred on."""
        return self._window

    def new_document(self, project: Project, modified: bool = False,
                     path: str | None = None) -> Document:
        """A document for `project` that keeps its recovery copy in this session's store."""
        return Document(project, path=path, recovery=self.recovery, modified=modified)

    def set_document(self, document: Document) -> None:
        """Show `document`; the previous one (its unsaved work settled before) is closed."""
        previous = self.release_document()
        if previous is not None:
            previous.close()
            previous.deleteLater()
        self._document = document
        self.documentChanged.emit(document)

    def release_document(self) -> Document | None:
        """Let go of the document without closing it: every view detaches first."""
        document = self._document
        if document is None:
            return None
        self.commit_pending()
        self.documentReleased.emit(document)
        self._document = None
        return document

    def close(self) -> None:
        """Close the document (the window is closing). Call once."""
        document = self.release_document()
        if document is not None:
            document.close()
            document.deleteLater()
        _sessions.discard(self)

    # -- editing ---------------------------------------------------------------------------
    def push(self, operation: Any, text: str, **merge: Any) -> bool:
        """Apply `operation` as one undo step. A refusal by the model is said (refused) and
        False returned; an edit that changes nothing is not recorded (and is no failure)."""
        document = self._document
        if document is None:
            return False
        try:
            push_operation(document.undo_stack, document.project, operation, text, **merge)
        except (ModelError, ValueError) as error:
            self.refuse(describe(error))
            return False
        return True

    def commit_pending(self) -> None:
        """Text still being typed (on a canvas, in the inspector, on a page) becomes an undo
        step now, before saving, exporting, undoing or closing: what is seen is what is kept."""
        self.commitRequested.emit()

    def undo(self) -> None:
        self.commit_pending()  # what was just typed is the step to undo
        if self.undo_stack is not None:
            self.undo_stack.undo()

    def redo(self) -> None:
        self.commit_pending()
        if self.undo_stack is not None:
            self.undo_stack.redo()

    # -- the window's voice ------------------------------------------------------------------
    def show_message(self, text: str, timeout_ms: int = 6000) -> None:
        self.messageShown.emit(text, timeout_ms)

    def refuse(self, text: str) -> None:
        """A change the model refused: say why, without interrupting the class."""
        self.refused.emit(text)

    def reveal(self, kind: str, entity_id: str) -> None:
        self.revealRequested.emit(kind, entity_id)

    def bring_to_front(self) -> None:
        self.raiseRequested.emit()

    # -- all sessions --------------------------------------------------------------------------
    @staticmethod
    def live() -> list["Session"]:
        return list(_sessions)

    @staticmethod
    def showing(path: str | Path) -> "Session | None":
        """The session whose document is the file at `path`, or None. A relative path, a
        symbolic link or another spelling of the same file counts as the same file."""
        for session in list(_sessions):
            document = session.document
            if document is not None and not document.is_untitled() and same_file(document.path, path):
                return session
        return None


def same_file(first: str | Path, second: str | Path) -> bool:
    """Whether two paths name one file (links and relative paths resolved)."""
    try:
        return os.path.samefile(first, second)
    except (OSError, ValueError):  # one of them is gone (or unreadable): compare the names
        return (os.path.normcase(os.path.realpath(first))
                == os.path.normcase(os.path.realpath(second)))


__all__ = ["Session", "same_file"]

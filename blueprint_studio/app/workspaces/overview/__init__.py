"""The project overview workspace: the project's own information, not any one map.

Added to the window through the workspace protocol alone (the shell does not know it by
name). Its selection is the project, so the inspector shows project-level facts; its edit
target is the text field being typed in; its switch action is actionShowOverview (Ctrl+2).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

from ....i18n import mark, tr
from ....model import operations as ops
from ....model.events import ChangeSet
from ....model.kinds import PROJECT_INFO_FIELDS
from ...actions import ActionSpec
from ...session import Session
from ...workspace import Selection, Workspace
from .page import OverviewPage

OVERVIEW_MERGE_ID = 0x1B5_0002  # typing in one field merges into one undo step


class OverviewWorkspace(Workspace):
    KEY = "overview"
    SWITCH = ActionSpec(
        "actionShowOverview", mark("Project &Overview"), "menuView",
        mark("Show the project's overview: its cover details (title, organisation, date, trainer, "
             "group, notes) and its maps"), "Ctrl+2", checkable=True, place=1.2,
        short=mark("Overview"))

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(session, parent)
        self.page = OverviewPage()
        self._typing_session = 0
        self._unsubscribe: Callable[[], None] | None = None
        self._labels = {spec.name: spec.label for spec in PROJECT_INFO_FIELDS}
        self.page.edited.connect(self._edit)
        self.page.typingEnded.connect(self._end_typing)
        self.page.mapChosen.connect(lambda map_id: session.reveal("map", map_id))
        session.documentChanged.connect(self._attach)
        session.documentReleased.connect(self._detach)
        session.commitRequested.connect(self.page.commit_pending)
        self._edit_target = FocusedTextTarget(self.page)
        self.page.show_project(None)

    @property
    def widget(self) -> QWidget:
        return self.page

    def published(self) -> dict[str, object]:
        return {"overview": self.page}

    def selection(self) -> Selection | None:
        project = self.session.project
        return Selection("project", project.id) if project is not None else None

    def edit_target(self) -> "FocusedTextTarget":
        return self._edit_target

    def can_show(self, kind: str, entity_id: str) -> bool:
        return kind == "project"

    def show(self, kind: str, entity_id: str) -> None:
        self.page.focus_first_field()

    def follows(self, changes: ChangeSet) -> bool:
        return changes.touches("project")

    def set_active(self, active: bool) -> None:
        if not active:
            self.page.commit_pending()
            self._end_typing()

    def focus(self) -> None:
        self.page.focus_first_field()

    def teardown(self) -> None:
        self.page.commit_pending()

    # -- the document ----------------------------------------------------------------------
    def _attach(self, document) -> None:
        self._unsubscribe = document.project.events.subscribe(self._on_changes)
        self.page.show_project(document.project)

    def _detach(self, _document) -> None:
        if self._unsubscribe:
            self._unsubscribe()
            self._unsubscribe = None
        self.page.show_project(None)

    def _on_changes(self, changes: ChangeSet) -> None:
        """Undo, redo, the inspector, another view: whatever changed the project shows here."""
        project = self.session.project
        if project is None:
            return
        if changes.touches("project"):
            for field, editor in self.page.editors.items():
                editor.show(getattr(project.info, field))
        if changes.touches("map") or changes.touches("stage") or changes.touches("card"):
            self.page.show_maps(project)

    # -- editing -----------------------------------------------------------------------------
    def _edit(self, field: str, value: Any, continuous: bool) -> None:
        self.session.commit_pending()  # what was typed elsewhere came first
        label = tr(self._labels.get(field, field))
        text = tr("Change {field}").format(field=label.lower() if label.isascii() else label)
        merge = {}
        if continuous:
            merge = {"merge_id": OVERVIEW_MERGE_ID, "merge_key": ("project", field, self._typing_session)}
        if not self.session.push(ops.UpdateProjectInfo({field: value}), text, **merge):
            project = self.session.project
            if project is not None:  # refused (too long): show what the project holds
                self.page.editors[field].show(getattr(project.info, field))

    def _end_typing(self) -> None:
        self._typing_session += 1


class FocusedTextTarget:
    """Edit ▸ Cut / Copy / Paste / Delete / Select All on the text field that has the focus."""

    def __init__(self, page: QWidget) -> None:
        self._page = page

    def _field(self) -> QLineEdit | QPlainTextEdit | None:
        widget = QApplication.focusWidget()
        if isinstance(widget, (QLineEdit, QPlainTextEdit)) and self._page.isAncestorOf(widget):
            return widget
        return None

    def cut(self) -> None:
        if (field := self._field()) is not None:
            field.cut()

    def copy(self) -> None:
        if (field := self._field()) is not None:
            field.copy()

    def paste(self) -> None:
        if (field := self._field()) is not None:
            field.paste()

    def delete(self) -> None:
        field = self._field()
        if isinstance(field, QLineEdit):
            field.del_()
        elif isinstance(field, QPlainTextEdit):
            cursor = field.textCursor()
            if not cursor.hasSelection():
                cursor.movePosition(cursor.MoveOperation.NextCharacter, cursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()

    def select_all(self) -> None:
        if (field := self._field()) is not None:
            field.selectAll()


__all__ = ["OverviewWorkspace"]

"""The inspector: edits every property of what the current workspace has selected.

It shows a `Selection` (a card, a stage, a lane, an arrow, a map, or the project itself:
nothing here needs a current map) with the page for its kind (`pages.PAGES`). Edits become
the model's generic operations, `Update(kind, scope, id, changes)` for anything described
in model/kinds.py and `UpdateProjectInfo` for the project, one undo step per edit.

Typing in a text box merges into one undo step until the box loses focus or the
selection changes. A value the model refuses is shown as a sentence above the form.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from ...i18n import describe, tr
from ...model import operations as ops
from ...model.entities import ModelError
from ...model.events import ChangeSet
from ...model.kinds import KINDS, find, parent_object
from ..language import LanguageFollower
from ..session import Session
from ..workspace import Selection
from .pages import FIELD_LABELS, PAGES, Page

INSPECTOR_MERGE_ID = 0x1B5_0001  # any id != -1: lets typing merge into one step

# Settings that apply to every selected card at once (text and notes stay per card).
SHARED_CARD_FIELDS = frozenset({"kind", "channel", "emotion", "moment_of_truth", "fail_point",
                                "wait_minutes", "duration_minutes", "owner", "colour"})


class Inspector(LanguageFollower, QWidget):
    """Shows the page for the current selection; edits go through the session."""

    messageShown = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self.session = session
        self.selection: Selection | None = None
        self._typing_session = 0
        self._unsubscribe = None
        self._stack_connection = None
        # One refresh per change, not per event: the undo stack's indexChanged refreshes at
        # once after a step; the timer catches changes made without it (and selection bursts).
        self._stale = False
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self._refresh_if_stale)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.message = QLabel()
        self.message.setObjectName("inspectorMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        scroll.setWidget(self.stack)
        layout.addWidget(scroll, 1)
        self.pages: dict[str, Page] = {}
        self.hidden_fields: frozenset[tuple[str, str]] = frozenset()  # (kind, field): participant mode
        self._build_pages()
        self.note_language()
        session.documentChanged.connect(self._attach)
        session.documentReleased.connect(self._detach)
        session.commitRequested.connect(self.commit_pending)
        self.setEnabled(False)

    def _build_pages(self) -> None:
        for page_class in PAGES:
            page = page_class(self)
            self.pages[page.KIND] = page
            self.stack.addWidget(page)
        self._show_fields()

    def set_hidden_fields(self, fields: frozenset[tuple[str, str]]) -> None:
        """Hide these (kind, field) rows of the forms (participant mode); the rest show."""
        self.hidden_fields = frozenset(fields)
        self._show_fields()

    def _show_fields(self) -> None:
        for kind, page in self.pages.items():
            for field, editor in page.editors.items():
                page.form.setRowVisible(editor.widget, (kind, field) not in self.hidden_fields)

    def retranslate(self) -> None:
        """Build the pages again in the new language (combo boxes hold translated names)."""
        self.commit_pending()
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.setParent(None)  # gone from the widget tree at once, deleted when Qt can
            page.deleteLater()
        self.pages = {}
        self._build_pages()
        self.refresh()

    # -- the document ---------------------------------------------------------------------
    def _attach(self, document) -> None:
        self._unsubscribe = document.project.events.subscribe(self._on_changes)
        self._stack_connection = document.undo_stack.indexChanged.connect(self._refresh_if_stale)
        self.selection = None
        self.refresh()

    def _detach(self, document) -> None:
        self.commit_pending()
        if self._unsubscribe:
            self._unsubscribe()
            self._unsubscribe = None
        if self._stack_connection is not None:
            document.undo_stack.indexChanged.disconnect(self._stack_connection)
            self._stack_connection = None
        self.selection = None
        self._stale = False
        self.setEnabled(False)

    # -- what is shown ----------------------------------------------------------------------
    @property
    def kind(self) -> str:
        return self.selection.kind if self.selection else ""

    @property
    def entity_id(self) -> str:
        return self.selection.entity_id if self.selection else ""

    def show_selection(self, selection: Selection | None) -> None:
        """Show `selection` now; the same entity again (more cards selected) refreshes once
        control returns to the event loop, so a burst of selection changes costs one refresh."""
        same = (selection is not None and self.selection is not None
                and (selection.kind, selection.entity_id) == (self.selection.kind, self.selection.entity_id))
        if not same:
            self.commit_pending()  # typing still belongs to the previous selection
            self.end_typing()
            self.clear_message()
        self.selection = selection
        if same:
            self.schedule_refresh()
        else:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        project, selection = self.session.project, self.selection
        if project is None or selection is None:
            self.setEnabled(False)
            return
        entity = self._entity(selection)
        if entity is None:  # vanished (deleted or undone): the map it was on, or the project
            map_id = selection.map_id
            alive = map_id in {m.id for m in project.maps}
            selection = Selection("map", map_id) if alive and selection.kind != "map" else Selection(
                "project", project.id)
            self.selection = selection
            entity = self._entity(selection)
        page = self.pages.get(selection.kind)
        if page is None or entity is None:
            self.setEnabled(False)
            return
        self.setEnabled(True)
        self.stack.setCurrentWidget(page)
        page.fill(entity, selection, project)

    def _entity(self, selection: Selection) -> Any:
        project = self.session.project
        if project is None:
            return None
        if selection.kind == "project":
            return project.info
        kind = KINDS.get(selection.kind)
        if kind is None:
            return None
        try:
            return find(project, kind, selection.scope, selection.entity_id)
        except ModelError:
            return None

    def commit_pending(self) -> None:
        """Send text still waiting for a typing pause (before saving, undoing, switching)."""
        for page in self.pages.values():
            more = page.more_editors() if hasattr(page, "more_editors") else []
            for editor in [*page.editors.values(), *more]:
                editor.commit_pending()

    def end_typing(self) -> None:
        """The next keystroke starts a new undo step."""
        self._typing_session += 1

    def clear_message(self) -> None:
        self.message.clear()
        self.message.hide()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.messageShown.emit(text)

    def reveal_project(self) -> None:
        project = self.session.project
        if project is not None:
            self.session.reveal("project", project.id)

    # -- editing -------------------------------------------------------------------------------
    def edit(self, kind: str, field: str, value: Any, continuous: bool) -> None:
        """An editor of the page for `kind` changed `field`: one operation, one undo step."""
        project, selection = self.session.project, self.selection
        if project is None or selection is None or selection.kind != kind:
            return
        # An edit in progress elsewhere (text typed on the canvas) is settled first: it came
        # first, and left open it would later write its older text over this edit.
        self.session.commit_pending()
        changes = {field: value}
        if kind == "project":
            operation: Any = ops.UpdateProjectInfo(changes)
            target: Any = project.id
        else:
            targets = self._targets(selection, field)
            entities = [self._entity(Selection(kind, i, selection.scope)) for i in targets]
            changed = [i for i, e in zip(targets, entities) if e is not None and getattr(e, field) != value]
            if not changed:
                return
            target = tuple(targets)
            # Typing merges into the first step, whose inverse is what undo restores: it must
            # cover every entity a later pause may change, not only those this pause changes.
            chosen = targets if continuous else changed
            operation = (ops.Update(kind, selection.scope, chosen[0], changes) if len(chosen) == 1
                         else ops.Batch([ops.Update(kind, selection.scope, i, changes) for i in chosen]))
        label = tr(FIELD_LABELS.get(field, field))
        text = tr("Change {field}").format(field=label.lower() if label.isascii() else label)
        merge = {}
        if continuous:
            merge = {"merge_id": INSPECTOR_MERGE_ID,
                     "merge_key": (kind, target, field, self._typing_session)}
        if self.session.push(operation, text, **merge):
            self.clear_message()
        else:
            self.refresh()

    def _targets(self, selection: Selection, field: str) -> list[str]:
        """The shown entity, plus the other selected cards for settings they can share."""
        if selection.kind != "card" or field not in SHARED_CARD_FIELDS:
            return [selection.entity_id]
        return [selection.entity_id] + [i for i in selection.all_ids() if i != selection.entity_id]

    def move_shown(self, step: int) -> None:
        """Move the stage or lane shown one place (the page's ◀ / ▶ buttons)."""
        selection, project = self.selection, self.session.project
        if selection is None or project is None or self._entity(selection) is None:
            return
        kind = KINDS[selection.kind]
        held = kind.container(parent_object(project, kind, selection.scope))
        index = [item.id for item in held].index(selection.entity_id) + step
        if 0 <= index < len(held):
            text = tr("Move stage") if selection.kind == "stage" else tr("Move lane")
            self.session.push(ops.Move(selection.kind, selection.scope, selection.entity_id, index), text)

    def remove_shown(self) -> None:
        selection, project = self.selection, self.session.project
        if selection is None or project is None or self._entity(selection) is None:
            return
        refusal = ops.removal_refused(project, selection.kind, selection.scope)
        if refusal is not None:
            self.show_message(describe(refusal))  # the model's rule, in its words
            return
        text = tr("Delete stage") if selection.kind == "stage" else tr("Delete lane")
        self.session.push(ops.Remove(selection.kind, selection.scope, selection.entity_id), text)

    # -- following the model ---------------------------------------------------------------------
    def _on_changes(self, changes: ChangeSet) -> None:
        selection = self.selection
        if selection is None:
            return
        if selection.kind == "project" or any(
                event.entity == "project" or event.map_id == selection.map_id for event in changes):
            self.schedule_refresh()

    def schedule_refresh(self) -> None:
        """Refresh once control returns to the event loop (e.g. after a selection settles)."""
        self._stale = True
        self._refresh_timer.start()

    def _refresh_if_stale(self, *_args: object) -> None:
        if self._stale:
            self.refresh()


__all__ = ["INSPECTOR_MERGE_ID", "Inspector", "SHARED_CARD_FIELDS"]

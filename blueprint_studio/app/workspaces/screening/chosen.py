"""The chosen concepts, written up: the concept solidification table (概念固化表) and the
user test sheet (用户测试表), one form per concept. Pick a concept in the list (only the
chosen ones; tick them on the Voters and concepts tab); typing becomes one undo step per
pause, as everywhere else."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout, QFrame, QHBoxLayout, QListWidget, QListWidgetItem, QScrollArea, QVBoxLayout, QWidget,
)

from ....i18n import tr
from ....model.screening import CONCEPT, Concept, Screening
from ...fields import FieldEditor, LineField, TextField
from .common import font, label

SOLIDIFICATION = ("title", "description", "target_persona", "problem", "solution", "card_refs",
                  "resources", "success_kpi")
USER_TEST = ("hypothesis", "test_method", "participants", "tasks", "success_measure", "result",
             "next_step")
ONE_LINE = ("title", "target_persona")
FIELD_POINTS = 13.0


class ChosenView(QWidget):
    """`edited(concept id, field, value, continuous)`; `typingEnded()` when a field is left."""

    edited = Signal(str, str, object, bool)
    typingEnded = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chosenView")
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.heading = label(self, points=15, bold=True, wrap=False)
        left.addWidget(self.heading)
        self.list = QListWidget(objectName="chosenList")
        self.list.setFont(font(self, 14))
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._row_changed)
        self.heading.setBuddy(self.list)
        left.addWidget(self.list, 1)
        self.empty = label(self, muted=True)
        left.addWidget(self.empty)
        layout.addLayout(left, 1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        scroll.setWidget(inner)
        columns = QHBoxLayout(inner)
        self.editors: dict[str, FieldEditor] = {}
        self.labels: dict[str, Any] = {}
        self.section_titles = []
        for fields in (SOLIDIFICATION, USER_TEST):
            column = QVBoxLayout()
            title = label(self, points=15, bold=True)
            self.section_titles.append(title)
            column.addWidget(title)
            form = QFormLayout()
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
            for name in fields:
                self._add_field(form, name)
            column.addLayout(form)
            column.addStretch(1)
            columns.addLayout(column, 1)
        layout.addWidget(scroll, 3)
        self._screening: Screening | None = None
        self._ids: list[str] = []
        self._editing_id = ""  # the concept the form shows (typing still pending belongs to it)
        self.retranslate()

    def _add_field(self, form: QFormLayout, name: str) -> None:
        edit = self._callback()
        editor: FieldEditor = LineField(name, edit) if name in ONE_LINE else TextField(name, edit, lines=2)
        editor.widget.setFont(font(self, FIELD_POINTS))
        if isinstance(editor, TextField):
            editor.fit_lines(2)
        editor.widget.setObjectName(f"concept_{name}")
        editor.focusLeft.connect(self.typingEnded)
        caption = label(self, bold=True, wrap=False)
        caption.setBuddy(editor.widget)
        self.editors[name] = editor
        self.labels[name] = caption
        form.addRow(caption, editor.widget)

    def _callback(self) -> Callable[[str, Any, bool], None]:
        def edit(field: str, value: Any, continuous: bool) -> None:
            concept_id = self._editing_id
            if concept_id:
                self.edited.emit(concept_id, field, value, continuous)
        return edit

    def retranslate(self) -> None:
        self.heading.setText(tr("C&hosen concepts"))
        self.empty.setText(tr("Tick concepts as chosen on the Voters and concepts tab."))
        self.section_titles[0].setText(tr("Concept solidification table"))
        self.section_titles[1].setText(tr("User test sheet"))
        for name, caption in self.labels.items():
            caption.setText(tr(CONCEPT.field(name).label))
        self.editors["card_refs"].widget.setPlaceholderText(
            tr("The touchpoints and moments of truth it changes"))

    def current_id(self) -> str:
        row = self.list.currentRow()
        return self._ids[row] if 0 <= row < len(self._ids) else ""

    def commit_pending(self) -> None:
        for editor in self.editors.values():
            editor.commit_pending()

    def show_screening(self, screening: Screening | None) -> None:
        self._screening = screening
        current = self.current_id()
        chosen = [c for c in (screening.concepts if screening is not None else []) if c.chosen]
        ids = [c.id for c in chosen]
        if ids != self._ids or any(self.list.item(i).text() != (c.title or tr("(untitled)"))
                                   for i, c in enumerate(chosen)):
            self.commit_pending()
            self.list.blockSignals(True)
            self.list.clear()
            for concept in chosen:
                entry = QListWidgetItem(concept.title or tr("(untitled)"))
                entry.setData(Qt.ItemDataRole.UserRole, concept.id)
                self.list.addItem(entry)
            self._ids = ids
            self.list.setCurrentRow(ids.index(current) if current in ids else (0 if ids else -1))
            self.list.blockSignals(False)
        self.empty.setVisible(not ids)
        self._show_current()

    def _concept(self) -> Concept | None:
        if self._screening is None:
            return None
        wanted = self.current_id()
        return next((c for c in self._screening.concepts if c.id == wanted), None)

    def _row_changed(self, _row: int) -> None:
        self.commit_pending()  # what was typed belongs to the concept shown until now
        self.typingEnded.emit()
        self._show_current()

    def _show_current(self) -> None:
        concept = self._concept()
        self._editing_id = concept.id if concept is not None else ""
        for name, editor in self.editors.items():
            editor.show(getattr(concept, name) if concept is not None else "")
            editor.widget.setEnabled(concept is not None)


__all__ = ["ChosenView", "SOLIDIFICATION", "USER_TEST"]

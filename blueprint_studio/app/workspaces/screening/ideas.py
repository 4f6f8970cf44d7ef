"""Ideas from brainstorming rounds: the rounds on the left (a name and a technique such as
N rounds of brainstorming / N次头脑风暴 or cross-industry thinking / 跨界思考), the round's
ideas in the middle, and a box where the room's ideas are typed fast, one per line
(Ctrl+Enter adds them all as one undo step). "Make concept" turns the current idea into a
concept of the current screening."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QVBoxLayout,
    QWidget,
)

from ....i18n import mark, tr
from ....model.entities import Project
from ....model.screening import Brainstorm, Technique
from .common import font, label
from .people import EditableList

TECHNIQUE_TEXT = {
    Technique.BRAINSTORMING: mark("N rounds of brainstorming"),
    Technique.CROSS_INDUSTRY: mark("Cross-industry thinking"),
    Technique.OTHER: mark("Other technique"),
}


class IdeasView(QWidget):
    ideasTyped = Signal(str, str)          # round id, the lines
    techniqueChosen = Signal(str, str)     # round id, technique value
    toConceptRequested = Signal(str, str)  # round id, idea id
    removeIdeaRequested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ideasView")
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.rounds = EditableList("rounds")
        left.addWidget(self.rounds, 1)
        self.technique_label = label(self, bold=True, wrap=False)
        self.technique = QComboBox(objectName="roundTechnique")
        self.technique.setFont(font(self, 13))
        self.technique_label.setBuddy(self.technique)
        left.addWidget(self.technique_label)
        left.addWidget(self.technique)
        layout.addLayout(left, 2)

        middle = QVBoxLayout()
        self.ideas_heading = label(self, points=15, bold=True, wrap=False)
        middle.addWidget(self.ideas_heading)
        self.ideas = QListWidget(objectName="ideaList")
        self.ideas.setFont(font(self, 14))
        self.ideas.setWordWrap(True)
        self.ideas_heading.setBuddy(self.ideas)
        middle.addWidget(self.ideas, 1)
        buttons = QHBoxLayout()
        self.to_concept = QPushButton(objectName="ideaToConceptButton")
        self.remove_idea = QPushButton(objectName="removeIdeaButton")
        buttons.addWidget(self.to_concept)
        buttons.addWidget(self.remove_idea)
        buttons.addStretch(1)
        middle.addLayout(buttons)
        layout.addLayout(middle, 3)

        right = QVBoxLayout()
        self.entry_heading = label(self, points=15, bold=True, wrap=False)
        right.addWidget(self.entry_heading)
        self.entry = QPlainTextEdit(objectName="ideaEntry")
        self.entry.setFont(font(self, 14))
        self.entry.setTabChangesFocus(True)
        self.entry_heading.setBuddy(self.entry)
        right.addWidget(self.entry, 1)
        self.add_ideas = QPushButton(objectName="addIdeasButton")
        right.addWidget(self.add_ideas)
        layout.addLayout(right, 3)

        QShortcut(QKeySequence("Ctrl+Return"), self.entry, self._add_typed,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Ctrl+Enter"), self.entry, self._add_typed,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.add_ideas.clicked.connect(self._add_typed)
        self.to_concept.clicked.connect(lambda: self._with_idea(self.toConceptRequested.emit))
        self.remove_idea.clicked.connect(lambda: self._with_idea(self.removeIdeaRequested.emit))
        self.ideas.itemActivated.connect(lambda _item: self._with_idea(self.toConceptRequested.emit))
        self.rounds.list.currentRowChanged.connect(lambda _row: self._show_round())
        self.technique.activated.connect(self._technique)
        self._project: Project | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.rounds.set_texts(tr("Brainstorming &rounds"), tr("Add roun&d"), tr("Remove round"),
                              tr("Move up"), tr("Move down"))
        self.technique_label.setText(tr("&Technique:"))
        self.technique.clear()
        for technique, text in TECHNIQUE_TEXT.items():
            self.technique.addItem(tr(text), technique.value)
        self.ideas_heading.setText(tr("&Ideas of this round"))
        self.to_concept.setText(tr("&Make concept"))
        self.to_concept.setToolTip(tr("Turn the idea into a concept of the current screening (Enter)"))
        self.remove_idea.setText(tr("Remove idea"))
        self.entry_heading.setText(tr("Type &new ideas, one per line"))
        self.entry.setPlaceholderText(tr("One idea per line…"))
        self.add_ideas.setText(tr("Add these ideas (Ctrl+Enter)"))
        if self._project is not None:
            self.show_project(self._project)

    def round_id(self) -> str:
        return self.rounds.current_id()

    def current_round(self) -> Brainstorm | None:
        if self._project is None:
            return None
        wanted = self.round_id()
        return next((b for b in self._project.brainstorms if b.id == wanted), None)

    def show_project(self, project: Project | None) -> None:
        self._project = project
        self.rounds.show_items([(b.id, b.name, False) for b in project.brainstorms] if project else [])
        self._show_round()

    def _show_round(self) -> None:
        brainstorm = self.current_round()
        current = self.ideas.currentRow()
        self.ideas.clear()
        self.technique.setEnabled(brainstorm is not None)
        self.entry.setEnabled(brainstorm is not None)
        self.add_ideas.setEnabled(brainstorm is not None)
        if brainstorm is None:
            return
        self.technique.setCurrentIndex(max(0, self.technique.findData(brainstorm.technique.value)))
        for idea in brainstorm.ideas:
            entry = QListWidgetItem(idea.title)
            entry.setData(Qt.ItemDataRole.UserRole, idea.id)
            self.ideas.addItem(entry)
        if self.ideas.count():
            self.ideas.setCurrentRow(min(max(current, 0), self.ideas.count() - 1))

    def _technique(self, _index: int) -> None:
        if self.round_id():
            self.techniqueChosen.emit(self.round_id(), str(self.technique.currentData()))

    def _add_typed(self) -> None:
        text = self.entry.toPlainText()
        if self.round_id() and text.strip():
            self.ideasTyped.emit(self.round_id(), text)

    def clear_entry(self) -> None:
        self.entry.clear()

    def _with_idea(self, emit) -> None:
        current = self.ideas.currentItem()
        if current is not None and self.round_id():
            emit(self.round_id(), str(current.data(Qt.ItemDataRole.UserRole)))


__all__ = ["IdeasView", "TECHNIQUE_TEXT"]

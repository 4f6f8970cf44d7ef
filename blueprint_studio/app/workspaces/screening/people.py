"""Voters (people or groups) and concepts: two lists side by side, named in place (F2, a
double-click, or just typing), each with Add, Remove and Move buttons; a concept's check
box says it is chosen (it goes on to the solidification table and a user test)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from ....i18n import tr
from .common import font, label


class EditableList(QWidget):
    """A titled list of named things; reports renames, checks and the buttons by id."""

    renamed = Signal(str, str)
    checked = Signal(str, bool)
    addRequested = Signal()
    removeRequested = Signal(str)
    moveRequested = Signal(str, int)

    def __init__(self, name: str, checkable: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.checkable = checkable
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = label(self, points=15, bold=True, wrap=False)
        layout.addWidget(self.heading)
        self.list = QListWidget()
        self.list.setObjectName(name + "List")
        self.list.setFont(font(self, 15))
        self.list.setSpacing(2)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.itemChanged.connect(self._changed)
        self.heading.setBuddy(self.list)
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.add = QPushButton(objectName=name + "AddButton")
        self.remove = QPushButton(objectName=name + "RemoveButton")
        self.up = QPushButton("↑", objectName=name + "UpButton")
        self.down = QPushButton("↓", objectName=name + "DownButton")
        for button in (self.add, self.remove, self.up, self.down):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.add.clicked.connect(self.addRequested)
        self.remove.clicked.connect(self._remove)
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(+1))
        self._shown: dict[str, tuple[str, bool]] = {}

    def set_texts(self, heading: str, add: str, remove: str, up_tip: str, down_tip: str) -> None:
        self.heading.setText(heading)
        self.add.setText(add)
        self.remove.setText(remove)
        self.up.setToolTip(up_tip)
        self.down.setToolTip(down_tip)

    def current_id(self) -> str:
        current = self.list.currentItem()
        return str(current.data(Qt.ItemDataRole.UserRole)) if current is not None else ""

    def show_items(self, entries: list[tuple[str, str, bool]]) -> None:
        """(id, name, checked) for each entry, in order; the current entry stays current."""
        current, row = self.current_id(), self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        self._shown = {}
        for entity_id, name, on in entries:
            entry = QListWidgetItem(name)
            flags = entry.flags() | Qt.ItemFlag.ItemIsEditable
            if self.checkable:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
                entry.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            entry.setFlags(flags)
            entry.setData(Qt.ItemDataRole.UserRole, entity_id)
            self.list.addItem(entry)
            self._shown[entity_id] = (name, on)
        ids = [entity_id for entity_id, _n, _c in entries]
        if current in ids:
            self.list.setCurrentRow(ids.index(current))
        elif ids:
            self.list.setCurrentRow(min(max(row, 0), len(ids) - 1))
        self.list.blockSignals(False)

    def edit_last(self) -> None:
        """Start naming the entry just added."""
        if self.list.count():
            self.list.setCurrentRow(self.list.count() - 1)
            self.list.setFocus()
            self.list.editItem(self.list.currentItem())

    def _changed(self, entry: QListWidgetItem) -> None:
        entity_id = str(entry.data(Qt.ItemDataRole.UserRole))
        name, on = self._shown.get(entity_id, ("", False))
        text, ticked = entry.text().strip(), entry.checkState() == Qt.CheckState.Checked
        # After the editor has closed: the edit rebuilds the list.
        if text != name:
            QTimer.singleShot(0, lambda: self.renamed.emit(entity_id, text))
        if self.checkable and ticked != on:
            QTimer.singleShot(0, lambda: self.checked.emit(entity_id, ticked))

    def _remove(self) -> None:
        if self.current_id():
            self.removeRequested.emit(self.current_id())

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        if 0 <= row and 0 <= row + step < self.list.count():
            self.moveRequested.emit(self.current_id(), row + step)


class PeopleView(QWidget):
    """Voters on the left, concepts on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("peopleView")
        layout = QVBoxLayout(self)
        lists = QHBoxLayout()
        self.voters = EditableList("voters")
        self.concepts = EditableList("concepts", checkable=True)
        lists.addWidget(self.voters, 2)
        lists.addSpacing(24)
        lists.addWidget(self.concepts, 3)
        layout.addLayout(lists, 1)
        self.hint = label(self, muted=True)
        layout.addWidget(self.hint)
        self.retranslate()

    def retranslate(self) -> None:
        self.voters.set_texts(tr("&Voters (people or groups)"), tr("Add &voter"), tr("Remove voter"),
                              tr("Move up"), tr("Move down"))
        self.concepts.set_texts(tr("C&oncepts (tick the chosen ones)"), tr("Add &concept"),
                                tr("Remove concept"), tr("Move up"), tr("Move down"))
        self.hint.setText(tr("Type over a name, press F2 or double-click to rename it. Space ticks "
                             "a concept as chosen: it goes on to the solidification table and a user test."))

    def show_screening(self, screening) -> None:
        if screening is None:
            self.voters.show_items([])
            self.concepts.show_items([])
            return
        self.voters.show_items([(v.id, v.name, False) for v in screening.voters])
        self.concepts.show_items([(c.id, c.title, c.chosen) for c in screening.concepts])


__all__ = ["EditableList", "PeopleView"]

"""The find bar under the map: type to find cards, Enter for the next, Escape to close."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ..i18n import tr


class _FindEdit(QLineEdit):
    escapePressed = Signal()
    previousRequested = Signal()
    nextRequested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.escapePressed.emit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.previousRequested.emit()
            else:
                self.nextRequested.emit()
        else:
            super().keyPressEvent(event)


class FindBar(QFrame):
    """Shows "2 of 7"; the window supplies the search and the focusing."""

    searchChanged = Signal(str)
    stepRequested = Signal(int)  # +1 next, -1 previous
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(QLabel(tr("Find:")))
        self.edit = _FindEdit(self)
        self.edit.setObjectName("findEdit")
        self.edit.setPlaceholderText(tr("Text, owner or notes of a card"))
        self.edit.setClearButtonEnabled(True)
        layout.addWidget(self.edit, 1)
        self.status = QLabel(self)
        self.status.setObjectName("findStatus")
        self.status.setMinimumWidth(120)
        layout.addWidget(self.status)
        previous = QPushButton(tr("◀ Previous"), self)
        previous.setObjectName("findPrevious")
        following = QPushButton(tr("Next ▶"), self)
        following.setObjectName("findNext")
        close = QPushButton("✕", self)
        close.setObjectName("findClose")
        close.setToolTip(tr("Close (Esc)"))
        close.setFlat(True)
        for button in (previous, following, close):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            layout.addWidget(button)
        self.edit.textChanged.connect(self.searchChanged)
        self.edit.nextRequested.connect(lambda: self.stepRequested.emit(1))
        self.edit.previousRequested.connect(lambda: self.stepRequested.emit(-1))
        previous.clicked.connect(lambda: self.stepRequested.emit(-1))
        following.clicked.connect(lambda: self.stepRequested.emit(1))
        self.edit.escapePressed.connect(self.close_bar)
        close.clicked.connect(self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def show_result(self, position: int, total: int) -> None:
        if not self.edit.text():
            self.status.setText("")
        elif total == 0:
            self.status.setText(tr("No cards found"))
        else:
            self.status.setText(tr("{position} of {total}").format(position=position + 1, total=total))

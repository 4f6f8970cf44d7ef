"""The find bar under the map: type to find cards, Enter for the next, Escape to close."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ....i18n import tr
from ...language import LanguageFollower


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


class FindBar(LanguageFollower, QFrame):
    """Shows "2 of 7"; the window supplies the search and the focusing."""

    searchChanged = Signal(str)
    stepRequested = Signal(int)  # +1 next, -1 previous
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel(self)
        layout.addWidget(self.label)
        self.edit = _FindEdit(self)
        self.edit.setObjectName("findEdit")
        self.edit.setClearButtonEnabled(True)
        layout.addWidget(self.edit, 1)
        self.status = QLabel(self)
        self.status.setObjectName("findStatus")
        self.status.setMinimumWidth(120)
        layout.addWidget(self.status)
        self.previous = previous = QPushButton(self)
        previous.setObjectName("findPrevious")
        self.following = following = QPushButton(self)
        following.setObjectName("findNext")
        self.close_button = close = QPushButton("✕", self)
        close.setObjectName("findClose")
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
        self._position = (-1, 0)
        self.retranslate()
        self.note_language()
        self.hide()

    def retranslate(self) -> None:
        self.label.setText(tr("Find:"))
        self.edit.setPlaceholderText(tr("Text, owner or notes of a card"))
        self.previous.setText(tr("◀ Previous"))
        self.following.setText(tr("Next ▶"))
        self.close_button.setToolTip(tr("Close (Esc)"))
        self.show_result(*self._position)

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def show_result(self, position: int, total: int) -> None:
        self._position = (position, total)
        if not self.edit.text():
            self.status.setText("")
        elif total == 0:
            self.status.setText(tr("No cards found"))
        else:
            self.status.setText(tr("{position} of {total}").format(position=position + 1, total=total))


class FindController:
    """Runs the find bar's search on the current map: scene.find_cards, then view.focus_card."""

    def __init__(self, bar: FindBar, map_area) -> None:
        self.bar = bar
        self.map_area = map_area
        self._found: list[str] = []
        self._index = -1
        bar.searchChanged.connect(self.search)
        bar.stepRequested.connect(self.step)
        bar.closed.connect(self._focus_canvas)

    def search(self, text: str) -> None:
        scene = self.map_area.current_scene()
        self._found = scene.find_cards(text) if scene is not None and text.strip() else []
        self._index = -1
        if self._found:
            self.step(1)
        else:
            self.bar.show_result(-1, 0)

    def step(self, step: int) -> None:
        if not self.bar.isVisible():
            self.bar.open_bar()
            return
        view = self.map_area.current_view()
        if not self._found or view is None:
            return
        self._index = (self._index + step) % len(self._found)
        view.focus_card(self._found[self._index])
        self.bar.show_result(self._index, len(self._found))

    def map_changed(self) -> None:
        if self.bar.isVisible():
            self.search(self.bar.edit.text())

    def _focus_canvas(self) -> None:
        view = self.map_area.current_view()
        if view is not None:
            view.setFocus()

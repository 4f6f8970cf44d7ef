"""Small editors that bind one widget to one model field: the inspector's forms and the
project overview's page are made of them.

Each editor shows a value (`show`, which never fires an edit) and reports the user's edits
through `on_edit(field, value, continuous)`; `continuous` edits (typing, spin arrows) are
merged into one undo step by the form that owns the editor.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox, QColorDialog, QComboBox, QDoubleSpinBox, QHBoxLayout, QLineEdit, QPlainTextEdit,
    QPushButton, QWidget,
)

from ..i18n import tr

EditCallback = Callable[[str, Any, bool], None]


class FieldEditor(QObject):
    """Base: a field name, a widget, and the callback for edits."""

    focusLeft = Signal()

    def __init__(self, field: str, widget: QWidget, on_edit: EditCallback) -> None:
        super().__init__(widget)
        self.field = field
        self.widget = widget
        self._on_edit = on_edit
        widget.installEventFilter(self)

    def show(self, value: Any) -> None:  # noqa: A003 - reads well at the call site
        raise NotImplementedError

    def commit_pending(self) -> None:
        """Send an edit still waiting for a typing pause (only text fields wait)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FocusOut:
            self.focusLeft.emit()
        elif event.type() == QEvent.Type.ShortcutOverride and (
                event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)):
            # One history: Ctrl+Z in a field is the window's Undo (what was typed becomes a
            # step first, so there is one to undo), not the text box's own.
            if event.matches(QKeySequence.StandardKey.Undo):
                self.commit_pending()
            event.ignore()
            return True
        return False

    def _edited(self, value: Any, continuous: bool = False) -> None:
        self._on_edit(self.field, value, continuous)


# Typing reaches the model after this pause (or when the box loses focus): a map with
# thousands of cards is laid out again once per pause, not once per keystroke.
TYPING_PAUSE_MS = 250


class _TypedField(FieldEditor):
    """Text typed by the user, sent on a short pause, on focus-out or on commit_pending()."""

    def __init__(self, field: str, widget: QWidget, on_edit: EditCallback) -> None:
        super().__init__(field, widget, on_edit)
        self._pending: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.commit_pending)
        self.focusLeft.connect(self.commit_pending)

    def _typed(self, text: str) -> None:
        self._pending = text
        self._timer.start()

    def commit_pending(self) -> None:
        self._timer.stop()
        if self._pending is not None:
            text, self._pending = self._pending, None
            self._edited(text, True)

    def has_pending(self) -> bool:
        return self._pending is not None


class LineField(_TypedField):
    def __init__(self, field: str, on_edit: EditCallback, placeholder: str = "") -> None:
        editor = QLineEdit()
        editor.setPlaceholderText(placeholder)
        editor.setClearButtonEnabled(True)
        super().__init__(field, editor, on_edit)
        editor.textEdited.connect(self._typed)

    def show(self, value: Any) -> None:  # noqa: A003
        text = value or ""
        if self.has_pending():
            return  # the user is typing; their text wins
        if self.widget.text() != text:
            self.widget.setText(text)
            if not self.widget.hasFocus():
                self.widget.setCursorPosition(0)  # show the start of long titles


class TextField(_TypedField):
    """Several lines of text; typing merges into one undo step."""

    def __init__(self, field: str, on_edit: EditCallback, lines: int = 3, placeholder: str = "") -> None:
        editor = QPlainTextEdit()
        editor.setTabChangesFocus(True)
        editor.setPlaceholderText(placeholder)
        super().__init__(field, editor, on_edit)
        self.fit_lines(lines)
        self._showing = False
        editor.textChanged.connect(self._changed)

    def fit_lines(self, lines: int) -> None:
        """As tall as `lines` lines of the editor's current font."""
        self.widget.setFixedHeight(self.widget.fontMetrics().lineSpacing() * lines + 14)

    def _changed(self) -> None:
        if not self._showing:
            self._typed(self.widget.toPlainText())

    def show(self, value: Any) -> None:  # noqa: A003
        text = value or ""
        if self.has_pending():
            return  # the user is typing; their text wins
        if self.widget.toPlainText() != text:
            self._showing = True
            try:
                self.widget.setPlainText(text)
            finally:
                self._showing = False


class ChoiceField(FieldEditor):
    def __init__(self, field: str, on_edit: EditCallback, options: list[tuple[str, Any]]) -> None:
        editor = QComboBox()
        for label, value in options:
            editor.addItem(label, value)
        super().__init__(field, editor, on_edit)
        self._values = [value for _label, value in options]
        editor.activated.connect(lambda index: self._edited(self._values[index]))

    def show(self, value: Any) -> None:  # noqa: A003
        index = self._values.index(value) if value in self._values else -1
        if self.widget.currentIndex() != index:
            self.widget.setCurrentIndex(index)


class FlagField(FieldEditor):
    def __init__(self, field: str, on_edit: EditCallback, text: str) -> None:
        editor = QCheckBox(text)
        super().__init__(field, editor, on_edit)
        editor.clicked.connect(lambda checked: self._edited(bool(checked)))

    def show(self, value: Any) -> None:  # noqa: A003
        if self.widget.isChecked() != bool(value):
            self.widget.setChecked(bool(value))


class NumberField(FieldEditor):
    """A number that may be empty: the spin box's lowest value stands for "none"."""

    def __init__(self, field: str, on_edit: EditCallback, minimum: float, maximum: float,
                 empty_text: str, suffix: str = "", step: float = 5.0, decimals: int = 0) -> None:
        editor = QDoubleSpinBox()
        self._empty = minimum - step
        editor.setRange(self._empty, maximum)
        editor.setDecimals(decimals)
        editor.setSingleStep(step)
        editor.setSpecialValueText(empty_text)
        editor.setSuffix(suffix)
        editor.setKeyboardTracking(False)  # one edit when typing ends, not per digit
        editor.setValue(self._empty)
        super().__init__(field, editor, on_edit)
        self._minimum = minimum
        self._showing = False
        editor.valueChanged.connect(self._changed)

    def _changed(self, value: float) -> None:
        if self._showing:
            return
        if value <= self._empty:
            self._edited(None, True)
        else:
            self._edited(max(self._minimum, value), True)

    def show(self, value: Any) -> None:  # noqa: A003
        shown = self._empty if value is None else float(value)
        if self.widget.value() != shown:
            self._showing = True
            try:
                self.widget.setValue(shown)
            finally:
                self._showing = False


class ColourField(FieldEditor):
    """A swatch button that opens a colour dialog, and a button back to the default colour."""

    def __init__(self, field: str, on_edit: EditCallback) -> None:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.swatch = QPushButton()
        self.swatch.setObjectName("colourSwatch")
        self.swatch.setMinimumWidth(80)
        self.reset = QPushButton(tr("Default"))
        layout.addWidget(self.swatch, 1)
        layout.addWidget(self.reset)
        super().__init__(field, box, on_edit)
        self._value = ""
        self.swatch.clicked.connect(self._choose)
        self.reset.clicked.connect(lambda: self._edited(""))

    def _choose(self) -> None:
        start = QColor(self._value) if self._value else QColor("#ffffff")
        colour = QColorDialog.getColor(start, self.widget, tr("Choose a colour"))
        if colour.isValid():
            self._edited(colour.name())

    def show(self, value: Any) -> None:  # noqa: A003
        self._value = value or ""
        if self._value:
            self.swatch.setText(self._value)
            text = "#000000" if QColor(self._value).lightness() > 128 else "#ffffff"
            self.swatch.setStyleSheet(f"background: {self._value}; color: {text};")
        else:
            self.swatch.setText(tr("Default colour"))
            self.swatch.setStyleSheet("")
        self.reset.setEnabled(bool(self._value))
        self.swatch.setToolTip(tr("Choose a colour"))


__all__ = ["ChoiceField", "ColourField", "FieldEditor", "FlagField", "LineField", "NumberField",
           "TextField"]

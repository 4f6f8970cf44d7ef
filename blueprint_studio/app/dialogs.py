"""The shell's dialogs: choosing a template, unsaved changes, recovery, shortcuts, about."""

from __future__ import annotations

import datetime as _dt
import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QListWidget, QListWidgetItem, QMessageBox, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..i18n import language, tr
from ..resources import FONT_FAMILY
from ..templates import TemplateInfo, list_templates
from .actions import ACTION_SPECS, shortcut_sequences
from .recovery import RecoveredWork


def template_title(info: TemplateInfo, lang: str | None = None) -> str:
    return info.title_zh if (lang or language()) == "zh" else info.title_en


def template_description(info: TemplateInfo, lang: str | None = None) -> str:
    return info.description_zh if (lang or language()) == "zh" else info.description_en


class TemplateDialog(QDialog):
    """Pick a built-in template; both languages are shown so mixed rooms find their way."""

    def __init__(self, parent: QWidget | None = None, title: str | None = None,
                 prompt: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateDialog")
        self.setWindowTitle(title or tr("New Project"))
        self.resize(720, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(prompt or tr("Start from a template:")))
        self.list = QListWidget(self)
        self.list.setObjectName("templateList")
        self.list.setSpacing(3)
        self.list.setAlternatingRowColors(True)
        other = "en" if language() == "zh" else "zh"
        self._templates = list_templates()
        for info in self._templates:
            item = QListWidgetItem(f"{template_title(info)}\n{template_title(info, other)}")
            item.setData(Qt.ItemDataRole.UserRole, info.name)
            item.setToolTip(template_description(info))
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        self.description = QLabel(self)
        self.description.setObjectName("templateDescription")
        self.description.setWordWrap(True)
        self.description.setMinimumHeight(64)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.description)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Language of the template's text:")))
        self.content_language = QComboBox(self)
        self.content_language.setObjectName("templateLanguage")
        self.content_language.addItem("中文", "zh")
        self.content_language.addItem("English", "en")
        self.content_language.setCurrentIndex(0 if language() == "zh" else 1)
        row.addWidget(self.content_language)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show_description)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        if self._templates:
            self.list.setCurrentRow(0)

    def _show_description(self, row: int) -> None:
        if 0 <= row < len(self._templates):
            self.description.setText(template_description(self._templates[row]))

    def select(self, name: str) -> None:
        for row, info in enumerate(self._templates):
            if info.name == name:
                self.list.setCurrentRow(row)

    def chosen(self) -> tuple[str, str] | None:
        """(template name, content language) or None."""
        item = self.list.currentItem()
        if item is None:
            return None
        return str(item.data(Qt.ItemDataRole.UserRole)), str(self.content_language.currentData())

    @classmethod
    def ask(cls, parent: QWidget | None, **kwargs: str) -> tuple[str, str] | None:
        dialog = cls(parent, **kwargs)
        try:
            return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def ask_save_changes(parent: QWidget, name: str) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel for a document with unsaved changes."""
    box = QMessageBox(parent)
    box.setObjectName("unsavedChangesBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Unsaved changes"))
    box.setText(tr("Save the changes to “{name}” before closing?").format(name=name))
    box.setInformativeText(tr("If you don't save, your changes since the last save are lost."))
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                           | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.button(QMessageBox.StandardButton.Save).setText(tr("Save"))
    box.button(QMessageBox.StandardButton.Discard).setText(tr("Don't Save"))
    box.button(QMessageBox.StandardButton.Cancel).setText(tr("Cancel"))
    try:
        return QMessageBox.StandardButton(box.exec())
    finally:
        box.deleteLater()


def describe_recovered(work: RecoveredWork) -> str:
    when = _dt.datetime.fromtimestamp(work.saved_at).strftime("%Y-%m-%d %H:%M:%S")
    if work.original_path:
        what = tr("unsaved changes to “{name}”").format(name=Path(work.original_path).name)
    else:
        what = tr("the unsaved project “{name}”").format(name=work.title or tr("Untitled"))
    return tr("{what}, kept at {when}").format(what=what, when=when)


def ask_restore(parent: QWidget | None, work: RecoveredWork) -> QMessageBox.StandardButton:
    """Restore (Yes), Discard (Discard) or decide later (Cancel, the copy stays)."""
    box = QMessageBox(parent)
    box.setObjectName("recoveryBox")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Recover unsaved work"))
    box.setText(tr("Blueprint Studio was closed without saving. It kept a recovery copy of {what}.")
                .format(what=describe_recovered(work)))
    box.setInformativeText(tr("Restore opens the copy as an unsaved project, so you can look at it "
                              "and save it. Discard deletes the copy."))
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard
                           | QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Yes).setText(tr("Restore"))
    box.button(QMessageBox.StandardButton.Discard).setText(tr("Discard"))
    box.button(QMessageBox.StandardButton.Cancel).setText(tr("Later"))
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    try:
        return QMessageBox.StandardButton(box.exec())
    finally:
        box.deleteLater()


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


class ShortcutsDialog(QDialog):
    """Every command with its shortcut: a cheat sheet for the trainer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(tr("Keyboard Shortcuts"))
        self.resize(640, 620)
        layout = QVBoxLayout(self)
        rows = [spec for spec in ACTION_SPECS if spec.shortcut is not None]
        table = QTableWidget(len(rows), 2, self)
        table.setHorizontalHeaderLabels([tr("Command"), tr("Shortcut")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, spec in enumerate(rows):
            text = tr(spec.text).replace("&", "").replace("…", "")
            keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                             for k in shortcut_sequences(spec, keyboard_only=True))
            table.setItem(row, 0, QTableWidgetItem(text))
            table.setItem(row, 1, QTableWidgetItem(keys))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(table)
        hint = QLabel(tr("On the map: double-click an empty cell to add a card; Enter or F2 edits "
                         "a card; arrow keys move between cards; Ctrl+wheel zooms; drag with the "
                         "middle button or Space held down to pan."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def show_about(parent: QWidget, settings_folder: Path) -> None:
    QMessageBox.about(
        parent, tr("About Blueprint Studio"),
        "<h3>Blueprint Studio / 服务蓝图工作室 {version}</h3>"
        "<p>{what}</p><p>{font}</p><p>{folder}</p>".format(
            version=__version__,
            what=tr("An offline tool for service blueprints and customer journey maps in workshops."),
            font=tr("Chinese and Latin text use the bundled font {font} (Apache License 2.0).")
            .format(font=FONT_FAMILY),
            folder=html.escape(tr("Settings and recovery copies: {folder}").format(folder=settings_folder)),
        ),
    )

"""The shell's dialogs: choosing a template, unsaved changes, a refused save, recovery,
shortcuts, about."""

from __future__ import annotations

import datetime as _dt
import html
from collections.abc import Sequence
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
from .actions import ActionSpec, all_specs, shortcut_sequences
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


def ask_save_as_after_stale_save(parent: QWidget, name: str) -> bool:
    """The file was saved by someone else since we read it and our save was refused.

    True when the user chose Save As… (write this version to a new file); False for Cancel.
    Either way nothing was written and the work stays in the window, unsaved.
    """
    box = QMessageBox(parent)
    box.setObjectName("staleSaveBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("The file changed on disk"))
    box.setText(tr("Another window or program saved “{name}” after you opened it.").format(name=name))
    box.setInformativeText(tr(
        "Your changes are still here, but they were not written: saving now would overwrite "
        "the other version. Choose Save As… to save your version under a new name and keep both."))
    save_as = box.addButton(tr("Save As…"), QMessageBox.ButtonRole.AcceptRole)
    save_as.setObjectName("staleSaveAsButton")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setText(tr("Cancel"))
    box.setDefaultButton(save_as)
    box.setEscapeButton(cancel)
    try:
        box.exec()
        return box.clickedButton() is save_as
    finally:
        box.deleteLater()


class RecoveryDialog(QDialog):
    """One calm question about every copy left by sessions that ended without saving:
    Restore (each ticked copy in its own window), Discard (the ticked copies) or Later."""

    RESTORE, DISCARD, LATER = "restore", "discard", "later"

    def __init__(self, parent: QWidget | None, works: list[RecoveredWork]) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(tr("Recover unsaved work"))
        self.works = list(works)
        self.choice = self.LATER  # closing the dialog decides nothing
        layout = QVBoxLayout(self)
        heading = QLabel(tr("Blueprint Studio was closed without saving. It kept recovery copies "
                            "of this work:"), self)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.copies = QListWidget(self)
        self.copies.setObjectName("recoveryList")
        self.copies.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for work in self.works:
            item = QListWidgetItem(recovered_name(work) + "\n" + tr("Recovery copy from {when}").format(
                when=_dt.datetime.fromtimestamp(work.saved_at).strftime("%Y-%m-%d %H:%M")))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setToolTip(work.original_path or tr("Never saved"))
            self.copies.addItem(item)
        self.copies.setMinimumWidth(460)
        self.copies.setMaximumHeight(max(90, min(320, 52 * len(self.works) + 12)))
        layout.addWidget(self.copies)
        note = QLabel(tr("Restore opens each ticked copy in its own window as an unsaved project, "
                         "so you can look at it and save it. Discard deletes the ticked copies. "
                         "Later keeps them and asks again next time."), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton(tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.discard_button = buttons.addButton(tr("Discard"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.later_button = buttons.addButton(tr("Later"), QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(lambda: self._decide(self.RESTORE))
        self.discard_button.clicked.connect(lambda: self._decide(self.DISCARD))
        self.later_button.clicked.connect(lambda: self._decide(self.LATER))
        layout.addWidget(buttons)
        self.copies.itemChanged.connect(self._update_buttons)

    def set_ticked(self, works: list[RecoveredWork]) -> None:
        tokens = {work.token for work in works}
        for row, work in enumerate(self.works):
            self.copies.item(row).setCheckState(
                Qt.CheckState.Checked if work.token in tokens else Qt.CheckState.Unchecked)

    def ticked(self) -> list[RecoveredWork]:
        return [work for row, work in enumerate(self.works)
                if self.copies.item(row).checkState() == Qt.CheckState.Checked]

    def _update_buttons(self, _item=None) -> None:
        any_ticked = bool(self.ticked())
        self.restore_button.setEnabled(any_ticked)
        self.discard_button.setEnabled(any_ticked)

    def _decide(self, choice: str) -> None:
        self.choice = choice
        self.accept() if choice != self.LATER else self.reject()


def recovered_name(work: RecoveredWork) -> str:
    """The file a copy belongs to, or the title of a project that was never saved."""
    if work.original_path:
        return Path(work.original_path).name
    return tr("“{name}” (never saved)").format(name=work.title or tr("Untitled"))


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


class ShortcutsDialog(QDialog):
    """Every command with its shortcut: a cheat sheet for the trainer."""

    def __init__(self, parent: QWidget | None = None, specs: Sequence[ActionSpec] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(tr("Keyboard Shortcuts"))
        self.resize(640, 620)
        layout = QVBoxLayout(self)
        specs = tuple(specs) if specs is not None else all_specs()
        rows = [spec for spec in specs if spec.shortcut is not None]
        table = QTableWidget(len(rows), 2, self)
        table.setHorizontalHeaderLabels([tr("Command"), tr("Shortcut")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, spec in enumerate(rows):
            text = tr(spec.text).replace("&", "").replace("…", "")
            keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                             for k in shortcut_sequences(spec, keyboard_only=True, specs=specs))
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

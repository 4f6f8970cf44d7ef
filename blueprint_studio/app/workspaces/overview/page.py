"""The project's overview page: the cover details in large type, and the project's maps.

The form is made from the project's fields as the model describes them
(`model.kinds.PROJECT_INFO_FIELDS`): title, organisation, date, trainer, group and notes,
which the PDF handout prints on its cover. Typing becomes `UpdateProjectInfo` steps in the
project's one undo history (a pause or leaving the field ends a step); the page follows
undo, redo and every other change through the project's change sets.

Keyboard: Alt + the underlined letter jumps to a field, Enter goes to the next one, Tab
and Shift+Tab too; in the maps list Enter (or a click) opens the map in the map editor.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QBoxLayout, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QScrollArea, QSizePolicy, QVBoxLayout, QWidget,
)

from .... import appearance
from ....i18n import mark, plural, tr
from ....i18n.labels import map_kind_name
from ....model.entities import Project
from ....model.kinds import PROJECT_INFO_FIELDS
from ...fields import FieldEditor, LineField, TextField
from ...language import LanguageFollower
from ...theme import text_scale

# Each field's label with its keyboard mnemonic, and what it is for.
FIELD_TEXT: dict[str, tuple[str, str]] = {
    "title": (mark("&Title"), mark("e.g. Customer journey workshop")),
    "organisation": (mark("&Organisation"), mark("e.g. City Bank, retail branches")),
    "date": (mark("&Date"), mark("e.g. 2026-11-22 or 11月22日")),
    "trainer": (mark("T&rainer"), mark("Who runs the workshop")),
    "group": (mark("&Group"), mark("e.g. Group 2: front desk")),
    "notes": (mark("&Notes"), mark("Anything worth keeping with the project")),
}

# Projector-sized type (points): read from the back of a classroom.
HEADING_POINTS = 26.0
TITLE_POINTS = 22.0
FIELD_POINTS = 16.0
SMALL_POINTS = 13.0
# From this width (pixels) on, the maps stand beside the form instead of under it.
WIDE_LAYOUT = 1250


def _font(widget: QWidget, points: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(points * text_scale())  # View ▸ Larger Text
    font.setBold(bold)
    return font


class _NextOnEnter(QObject):
    """Enter in a one-line field moves on to the next field, as in a paper form."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (event.type() == QEvent.Type.KeyPress and isinstance(watched, QLineEdit)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            watched.focusNextChild()
            return True
        return False


class OverviewPage(LanguageFollower, QScrollArea):
    """The page; `edited(field, value, continuous)` reports typing, `mapChosen(id)` a map."""

    edited = Signal(str, object, bool)
    mapChosen = Signal(str)
    typingEnded = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewPage")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.editors: dict[str, FieldEditor] = {}
        self.labels: dict[str, QLabel] = {}
        self._project: Project | None = None
        self._enter = _NextOnEnter(self)

        inner = QWidget()
        inner.setObjectName("overviewBackground")
        self.setWidget(inner)
        outer = QHBoxLayout(inner)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.addStretch(1)
        sheet = QFrame()
        sheet.setObjectName("overviewSheet")
        sheet.setMaximumWidth(1320)
        sheet.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        outer.addWidget(sheet, 20, Qt.AlignmentFlag.AlignTop)  # as tall as what it holds
        outer.addStretch(1)

        column = QVBoxLayout(sheet)
        column.setContentsMargins(36, 28, 36, 28)
        column.setSpacing(14)
        self.heading = QLabel()
        self.heading.setObjectName("overviewHeading")
        self.heading.setFont(_font(self, HEADING_POINTS, bold=True))
        self.heading.setWordWrap(True)
        column.addWidget(self.heading)
        self.hint = QLabel()
        self.hint.setObjectName("overviewHint")
        self.hint.setFont(_font(self, SMALL_POINTS))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {appearance.MUTED_INK};")
        column.addWidget(self.hint)
        column.addSpacing(6)

        # Side by side on a wide screen, one above the other on a projector's 1280 pixels.
        self.body = body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        body.setSpacing(28)
        column.addLayout(body, 1)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(18)
        form.setVerticalSpacing(12)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        body.addLayout(form, 3)
        self._form = form
        for spec in PROJECT_INFO_FIELDS:
            self._add_field(form, spec.name)

        maps = QVBoxLayout()
        maps.setSpacing(8)
        body.addLayout(maps, 2)
        self.maps_heading = QLabel()
        self.maps_heading.setObjectName("overviewMapsHeading")
        self.maps_heading.setFont(_font(self, FIELD_POINTS, bold=True))
        maps.addWidget(self.maps_heading)
        self.maps = QListWidget()
        self.maps.setObjectName("overviewMaps")
        self.maps.setFont(_font(self, FIELD_POINTS))
        self.maps.setSpacing(4)
        self.maps.setWordWrap(True)
        self.maps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.maps.itemActivated.connect(self._on_map_activated)
        self.maps.itemClicked.connect(self._on_map_activated)
        self.maps_heading.setBuddy(self.maps)
        maps.addWidget(self.maps)
        self.maps_hint = QLabel()
        self.maps_hint.setFont(_font(self, SMALL_POINTS))
        self.maps_hint.setWordWrap(True)
        self.maps_hint.setStyleSheet(f"color: {appearance.MUTED_INK};")
        maps.addWidget(self.maps_hint)
        maps.addStretch(1)
        column.addStretch(1)
        self.retranslate()
        self.note_language()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        wide = self.viewport().width() >= WIDE_LAYOUT
        self.body.setDirection(QBoxLayout.Direction.LeftToRight if wide
                               else QBoxLayout.Direction.TopToBottom)

    def _add_field(self, form: QFormLayout, field: str) -> None:
        edit = self._edit_callback()
        if field == "notes":
            editor: FieldEditor = TextField(field, edit)
            editor.widget.setFont(_font(self, FIELD_POINTS))
            editor.fit_lines(5)
        else:
            editor = LineField(field, edit)
            editor.widget.setClearButtonEnabled(False)  # calm: no row of ⊗ buttons
            editor.widget.setFont(_font(self, TITLE_POINTS if field == "title" else FIELD_POINTS))
            editor.widget.installEventFilter(self._enter)
        editor.widget.setObjectName(f"overview_{field}")
        editor.focusLeft.connect(self.typingEnded)
        label = QLabel()
        label.setFont(_font(self, FIELD_POINTS))
        label.setBuddy(editor.widget)
        self.editors[field] = editor
        self.labels[field] = label
        form.addRow(label, editor.widget)

    def _edit_callback(self) -> Callable[[str, Any, bool], None]:
        def edit(field: str, value: Any, continuous: bool) -> None:
            self.edited.emit(field, value, continuous)
        return edit

    def retranslate(self) -> None:
        self.heading.setText(tr("Project overview"))
        self.hint.setText(tr("What the PDF handout prints on its cover. Every change can be undone."))
        for field, (label, placeholder) in FIELD_TEXT.items():
            if field in self.labels:
                self.labels[field].setText(tr(label))
                self.editors[field].widget.setPlaceholderText(tr(placeholder))
        self.maps_heading.setText(tr("&Maps in this project"))
        self.maps_hint.setText(tr("Click a map, or press Enter, to open it in the map editor."))
        if self._project is not None:
            self.show_maps(self._project)

    # -- showing the project ------------------------------------------------------------------
    def show_project(self, project: Project | None) -> None:
        self._project = project
        for field, editor in self.editors.items():
            editor.show(getattr(project.info, field) if project is not None else "")
        self.setEnabled(project is not None)
        if project is not None:
            self.show_maps(project)
        else:
            self.maps.clear()

    def show_maps(self, project: Project) -> None:
        current = self.maps.currentRow()
        self.maps.clear()
        for service_map in project.maps:
            item = QListWidgetItem(
                f"{service_map.name or tr('(unnamed map)')}\n" + " · ".join((
                    map_kind_name(service_map.kind),
                    plural(len(service_map.stages), "{count} stage", "{count} stages"),
                    plural(len(service_map.cards), "{count} card", "{count} cards"))))
            item.setData(Qt.ItemDataRole.UserRole, service_map.id)
            self.maps.addItem(item)
        if 0 <= current < self.maps.count():
            self.maps.setCurrentRow(current)
        # As tall as its maps (up to six), so a short list leaves no empty box behind it.
        rows = sum(self.maps.sizeHintForRow(row) + 2 * self.maps.spacing()
                   for row in range(min(6, self.maps.count())))
        self.maps.setFixedHeight(max(60, rows) + 2 * self.maps.frameWidth() + 4)

    def commit_pending(self) -> None:
        for editor in self.editors.values():
            editor.commit_pending()

    def focus_first_field(self) -> None:
        # Not a "shortcut" focus: that would select the whole title, one keystroke from lost.
        self.editors["title"].widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_map_activated(self, item: QListWidgetItem) -> None:
        self.mapChosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))


__all__ = ["FIELD_TEXT", "OverviewPage"]

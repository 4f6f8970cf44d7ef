"""The list of the project's maps: pick one, rename in place, reorder, add, delete."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QListWidget, QListWidgetItem, QToolButton, QVBoxLayout, QWidget,
)

from ....i18n import tr
from ....i18n.labels import map_kind_name
from ....model.entities import Project
from ....model.enums import MapKind
from ....model.events import ChangeSet
from ...language import LanguageFollower


class MapsPanel(LanguageFollower, QWidget):
    """Follows the project's maps; reports the chosen map and renames typed in the list."""

    mapChosen = Signal(str)             # map id
    renameRequested = Signal(str, str)  # map id, new name
    moveRequested = Signal(str, int)    # map id, new index (dragged in the list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapsPanel")
        self.project: Project | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._filling = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.list = QListWidget(self)
        self.list.setObjectName("mapsList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setWordWrap(True)  # long map names wrap in the narrow column
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        layout.addWidget(self.list, 1)
        self._buttons = QHBoxLayout()
        layout.addLayout(self._buttons)
        self.list.currentRowChanged.connect(self._on_row_changed)
        self.list.itemChanged.connect(self._on_item_changed)
        self.list.model().rowsMoved.connect(self._on_rows_moved)

    def use_actions(self, actions: list[QAction]) -> None:
        """The buttons under the list: one per action (its short label; the tooltip says more)."""
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setObjectName(f"mapsButton{action.objectName().removeprefix('action')}")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self._buttons.addWidget(button)
        self._buttons.addStretch(1)
        self.retranslate()
        self.note_language()

    def retranslate(self) -> None:
        for button in self.findChildren(QToolButton):
            action = button.defaultAction()
            if action is not None:
                button.setToolTip(action.text().replace("&", "").replace("…", ""))
        self.refill()

    def set_project(self, project: Project | None) -> None:
        if self._unsubscribe:
            self._unsubscribe()
            self._unsubscribe = None
        self.project = project
        if project is not None:
            self._unsubscribe = project.events.subscribe(self._on_model_event)
        self.refill()

    def refill(self, current_id: str | None = None) -> None:
        current_id = current_id or self.current_map_id()
        self._filling = True
        try:
            self.list.clear()
            for service_map in (self.project.maps if self.project else []):
                item = QListWidgetItem(service_map.name or tr("(unnamed map)"))
                item.setData(Qt.ItemDataRole.UserRole, service_map.id)
                item.setToolTip(map_kind_name(service_map.kind))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                if service_map.kind is MapKind.JOURNEY:
                    item.setText(f"{item.text()}  ·  {map_kind_name(service_map.kind)}")
                self.list.addItem(item)
                if service_map.id == current_id:
                    self.list.setCurrentItem(item)
        finally:
            self._filling = False

    def current_map_id(self) -> str:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ""

    def select_map(self, map_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == map_id:
                if self.list.currentRow() != row:
                    self._filling = True
                    self.list.setCurrentRow(row)
                    self._filling = False
                return

    def start_rename(self) -> None:
        item = self.list.currentItem()
        if item is not None and self.project is not None:
            # Edit the bare name, not the decorated label.
            self._filling = True
            item.setText(self.project.map(self.current_map_id()).name)
            self._filling = False
            self.list.editItem(item)

    def _on_row_changed(self, _row: int) -> None:
        if not self._filling and self.current_map_id():
            self.mapChosen.emit(self.current_map_id())

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self._filling or self.project is None:
            return
        map_id = str(item.data(Qt.ItemDataRole.UserRole))
        name = item.text().strip()
        if name and name != self.project.map(map_id).name:
            # After the item editor has finished: the rename refills this list.
            QTimer.singleShot(0, lambda: self.renameRequested.emit(map_id, name))
        else:
            self.refill()

    def _on_rows_moved(self, _parent, start: int, _end: int, _destination, row: int) -> None:
        """A map dragged to another place in the list becomes an undoable MoveMap."""
        if self._filling or self.project is None or not 0 <= start < len(self.project.maps):
            return
        map_id = self.project.maps[start].id
        index = row if row < start else row - 1
        # After the drop has finished: the move refills this list.
        QTimer.singleShot(0, lambda: self.moveRequested.emit(map_id, index))

    def _on_model_event(self, changes: ChangeSet) -> None:
        if changes.touches("map"):
            self.refill()

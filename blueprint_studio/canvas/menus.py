"""The canvas's context menu: what can be done right here, on a card, an arrow, a header
or an empty cell. Every entry calls the scene's own (undoable) methods."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsScene, QMenu

from ..i18n import tr
from .headers import LaneHeaderItem, StageHeaderItem
from .items import CardItem, ConnectorItem


class ContextMenu:
    """Mixed into MapScene (before QGraphicsScene)."""

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        if self._editor is not None:
            QGraphicsScene.contextMenuEvent(self, event)  # type: ignore[arg-type]
            return
        self.flush()
        pos = event.scenePos()
        hit = self._hit(pos)
        menu = QMenu()
        if isinstance(hit, CardItem):
            if not hit.isSelected():
                self.select_card(hit.card_id)
            menu.addAction(tr("Edit text"), lambda: self.edit_card(hit.card_id))
            menu.addAction(tr("Copy"), self.copy_selection)
            menu.addAction(tr("Cut"), self.cut_selection)
            menu.addAction(tr("Duplicate"), self.duplicate_selection)
            menu.addSeparator()
            menu.addAction(tr("Delete"), self.delete_selection)
        elif isinstance(hit, ConnectorItem):
            self.select_only_items([hit])
            menu.addAction(tr("Edit arrow label"), lambda: self.edit_connector_label(hit.connector_id))
            menu.addAction(tr("Delete"), self.delete_selection)
        elif isinstance(hit, StageHeaderItem):
            self.select_only_items([hit])
            index = self.map.stage_index(hit.stage_id)
            menu.addAction(tr("Rename stage"), lambda: self.rename_stage(hit.stage_id))
            menu.addAction(tr("Insert stage before"), lambda: self.add_stage(index))
            menu.addAction(tr("Insert stage after"), lambda: self.add_stage(index + 1))
            menu.addAction(tr("Automatic column width"), lambda: self.resize_stage(hit.stage_id, None))
            menu.addSeparator()
            menu.addAction(tr("Delete stage"), self.delete_selection)
        elif isinstance(hit, LaneHeaderItem):
            self.select_only_items([hit])
            index = self.map.lane_index(hit.lane_id)
            menu.addAction(tr("Rename lane"), lambda: self.rename_lane(hit.lane_id))
            menu.addAction(tr("Insert lane above"), lambda: self.add_lane(index))
            menu.addAction(tr("Insert lane below"), lambda: self.add_lane(index + 1))
            menu.addSeparator()
            menu.addAction(tr("Delete lane"), self.delete_selection)
        else:
            cell = self.cell_at(pos)
            if cell is not None:
                self._paste_cell = cell
                order = self.layout.insertion_order(*cell, pos.x(), pos.y())

                def add_here() -> None:
                    card_id = self.add_card(cell[0], cell[1], self.kind_for_lane(cell[1]), "", order)
                    if card_id:
                        self.edit_card(card_id)

                menu.addAction(tr("Add card here"), add_here)
                menu.addAction(tr("Paste here"), lambda: self.paste(here=True))
            menu.addAction(tr("Add stage"), lambda: self.add_stage())
            menu.addAction(tr("Add lane"), lambda: self.add_lane())
        if not menu.isEmpty():
            menu.exec(event.screenPos())
        event.accept()

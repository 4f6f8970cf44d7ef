"""The blueprint canvas's context menu: what can be done right here, on a card, an arrow, a
header or an empty cell. Every entry calls the scene's own (undoable) methods."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsItem, QMenu

from ..i18n import tr
from .map_host import MapHost


def context_menu(scene: MapHost, hit: QGraphicsItem | None, pos: QPointF) -> QMenu:
    """The menu for a right click at `pos` on `hit` (the item the user means there)."""
    menu = QMenu()
    key = scene.registry.key_of(hit) if hit is not None else None
    kind, entity_id = key or ("", "")
    if kind == "card":
        if not hit.isSelected():
            scene.select_card(entity_id)
        menu.addAction(tr("Edit text"), lambda: scene.edit_card(entity_id))
        menu.addAction(tr("Copy"), scene.copy_selection)
        menu.addAction(tr("Cut"), scene.cut_selection)
        menu.addAction(tr("Duplicate"), scene.duplicate_selection)
        menu.addSeparator()
        menu.addAction(tr("Delete"), scene.delete_selection)
    elif kind == "connector":
        scene.select_items([hit])
        menu.addAction(tr("Edit arrow label"), lambda: scene.edit_connector_label(entity_id))
        menu.addAction(tr("Delete"), scene.delete_selection)
    elif kind == "stage":
        scene.select_items([hit])
        index = scene.map.stage_index(entity_id)
        menu.addAction(tr("Rename stage"), lambda: scene.rename_stage(entity_id))
        menu.addAction(tr("Insert stage before"), lambda: scene.add_stage(index))
        menu.addAction(tr("Insert stage after"), lambda: scene.add_stage(index + 1))
        menu.addAction(tr("Automatic column width"), lambda: scene.resize_stage(entity_id, None))
        menu.addSeparator()
        menu.addAction(tr("Delete stage"), scene.delete_selection)
    elif kind == "lane":
        scene.select_items([hit])
        index = scene.map.lane_index(entity_id)
        menu.addAction(tr("Rename lane"), lambda: scene.rename_lane(entity_id))
        menu.addAction(tr("Insert lane above"), lambda: scene.add_lane(index))
        menu.addAction(tr("Insert lane below"), lambda: scene.add_lane(index + 1))
        menu.addSeparator()
        menu.addAction(tr("Delete lane"), scene.delete_selection)
    else:
        cell = scene.cell_at(pos)
        if cell is not None:
            scene.point_at(cell)
            order = scene.layout.insertion_order(*cell, pos.x(), pos.y())
            menu.addAction(tr("Add card here"), lambda: scene.add_card_and_edit(cell, order))
            menu.addAction(tr("Paste here"), lambda: scene.paste(here=True))
        menu.addAction(tr("Add stage"), lambda: scene.add_stage())
        menu.addAction(tr("Add lane"), lambda: scene.add_lane())
    return menu

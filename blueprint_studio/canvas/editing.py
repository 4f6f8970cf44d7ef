"""In-place editing of the blueprint's texts: card texts, stage and lane names, arrow
labels. The scene's `EditorSlot` holds the one editor; this says what each edit starts
from, where the editor sits, and which undo step committing pushes.

Escape on the first edit of a card just added (double-click, palette, toolbar, context
menu) takes the card back: an empty card nobody wanted would stay behind otherwise.

Tab in a stage or lane rename commits it and renames the next stage (lane) at once,
Shift+Tab the previous one, as in a spreadsheet: naming the stages of a new journey takes
one run of typing. At the last (first) one, Tab (Shift+Tab) only commits.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF

from ..i18n import tr
from ..i18n.labels import lane_name
from ..model import operations as ops
from .map_host import MapHost


class MapEditing:
    """Starts the in-place edits of one map's scene (through its public members only)."""

    def __init__(self, scene: MapHost) -> None:
        self._scene = scene
        self._just_added: tuple[str, int] | None = None  # (card id, undo index) until its first edit

    def note_added(self, card_id: str, undo_index: int) -> None:
        """A card was just added by the user: Escape on its first edit takes it back."""
        self._just_added = (card_id, undo_index)

    def edit_selected_card(self) -> None:
        scene = self._scene
        ids = scene.selected_card_ids()
        if ids:
            focus = scene.selection.focus
            scene.edit_card(focus if focus in ids else ids[0])

    def edit_card(self, card_id: str, initial: str | None = None) -> None:
        """Edit a card's text in place; `initial` replaces the text (typing on a selected card)."""
        scene = self._scene
        scene.flush()
        item = scene.entity_item("card", card_id)
        card = scene.map.cards.get(card_id)
        if item is None or card is None:
            return
        text_rect = item.text_rect()
        index_at_start = scene.undo_stack.index()
        just_added = self._just_added == (card_id, index_at_start)
        self._just_added = None

        def done(commit: bool, text: str) -> None:
            shown = scene.entity_item("card", card_id)
            if shown is not None:
                shown.set_text_hidden(False)
            current = scene.map.cards.get(card_id) if not scene.gone else None
            if commit and current is not None and text != current.text:
                scene.push(ops.UpdateCard(scene.map_id, card_id, {"text": text}), tr("Edit card text"))
            elif (not commit and just_added and current is not None and not current.text
                  and scene.undo_stack.index() == index_at_start):
                scene.undo_stack.undo()

        scene.editors.start(card.text if initial is None else initial, scene.style_.card_font,
                            text_rect.width(), item.mapToScene(text_rect.topLeft()), done,
                            multiline=True, target=("card", card_id), select_all=False)
        item.set_text_hidden(True)
        # A card added at the bottom of a cell near the window's edge grows out of sight:
        # bring it (and the caret) into view before the user types blind.
        for view in scene.views():
            reveal = getattr(view, "reveal", None)
            if reveal is not None:
                reveal(item.sceneBoundingRect())

    def rename_stage(self, stage_id: str) -> None:
        scene = self._scene
        scene.flush()
        header = scene.entity_item("stage", stage_id)
        if header is None:
            return
        stage = scene.map.stage(stage_id)

        def done(commit: bool, text: str) -> None:
            shown = scene.entity_item("stage", stage_id)
            if shown is not None:
                shown.set_name_hidden(False)
            if commit and scene.map.has_stage(stage_id) and text.strip() != stage.name:
                scene.push(ops.UpdateStage(scene.map_id, stage_id, {"name": text.strip()}), tr("Rename stage"))

        pos = header.mapToScene(header.name_origin())
        scene.editors.start(stage.name, scene.style_.stage_font, header.width() - 20, pos, done,
                            multiline=False, target=("stage", stage_id),
                            tab=lambda forward: self._rename_next("stage", stage_id, forward))
        header.set_name_hidden(True)

    def rename_lane(self, lane_id: str) -> None:
        scene = self._scene
        scene.flush()
        header = scene.entity_item("lane", lane_id)
        if header is None:
            return
        lane = scene.map.lane(lane_id)

        def done(commit: bool, text: str) -> None:
            shown = scene.entity_item("lane", lane_id)
            if shown is not None:
                shown.set_name_hidden(False)
            if commit and scene.map.has_lane(lane_id) and text.strip() != lane_name(lane):
                scene.push(ops.UpdateLane(scene.map_id, lane_id, {"name": text.strip()}), tr("Rename lane"))

        pos = header.mapToScene(header.name_origin())
        scene.editors.start(lane_name(lane), scene.style_.lane_font,
                            scene.layout.metrics.lane_header_width - 28, pos, done,
                            multiline=False, target=("lane", lane_id),
                            tab=lambda forward: self._rename_next("lane", lane_id, forward))
        header.set_name_hidden(True)

    def _rename_next(self, axis: str, item_id: str, forward: bool) -> None:
        """Tab (Shift+Tab) in a rename: the next (previous) stage or lane is renamed now."""
        scene = self._scene
        if scene.gone:
            return
        entities = scene.map.stages if axis == "stage" else scene.map.lanes
        ids = [entity.id for entity in entities]
        if item_id not in ids:
            return
        index = ids.index(item_id) + (1 if forward else -1)
        if not 0 <= index < len(ids):
            return  # the last one going on, the first going back: the commit is all
        scene.flush()
        header = scene.entity_item(axis, ids[index])
        if header is None:
            return
        scene.select_items([header])
        self._reveal_axis(axis, ids[index])
        if axis == "stage":
            self.rename_stage(ids[index])
        else:
            self.rename_lane(ids[index])

    def _reveal_axis(self, axis: str, item_id: str) -> None:
        """Scroll a stage's column (a lane's row) into sight, the other direction unchanged."""
        scene = self._scene
        for view in scene.views():
            reveal = getattr(view, "reveal", None)
            if reveal is None:
                continue
            shown = view.mapToScene(view.viewport().rect()).boundingRect()
            if axis == "stage":
                column = scene.layout.column(item_id)
                rect = None if column is None else QRectF(column.x, shown.center().y(), column.width, 1)
            else:
                row = scene.layout.row(item_id)
                rect = None if row is None else QRectF(shown.center().x(), row.y, 1, row.height)
            if rect is not None:
                reveal(rect)

    def edit_connector_label(self, connector_id: str) -> None:
        scene = self._scene
        scene.flush()
        item = scene.entity_item("connector", connector_id)
        connector = scene.map.connectors.get(connector_id)
        if item is None or connector is None:
            return

        def done(commit: bool, text: str) -> None:
            label = text.strip()  # compared as it would be stored: spaces alone change nothing
            if commit and connector_id in scene.map.connectors and label != connector.label:
                scene.push(ops.UpdateConnector(scene.map_id, connector_id, {"label": label}),
                           tr("Edit arrow label"))

        anchor = item.label_anchor()
        scene.editors.start(connector.label, scene.style_.label_font, max(anchor.width(), 140),
                            anchor.topLeft(), done, multiline=False, target=("connector", connector_id))

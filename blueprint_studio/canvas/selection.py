"""Selection on the canvas: which cards, arrows and headers are selected, and the one entity
the inspector shows (`entitySelected`). Selecting never changes the model."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QGraphicsItem

from .headers import LaneHeaderItem, StageHeaderItem
from .items import CardItem, ConnectorItem


class SelectionTracking:
    """Mixed into MapScene: uses its item maps, map, _focus_card and _paste_cell."""

    def _on_selection_changed(self) -> None:
        if self._bulk_selection or self._detached:
            return
        self._update_current()

    def _update_current(self) -> None:
        current = ("map", self.map_id)
        selected = self.selectedItems()
        cards = [i for i in selected if isinstance(i, CardItem)]
        if cards:
            ids = {i.card_id for i in cards}
            chosen = self._focus_card if self._focus_card in ids else cards[0].card_id
            current = ("card", chosen)
        else:
            for item in selected:
                if isinstance(item, ConnectorItem):
                    current = ("connector", item.connector_id)
                elif isinstance(item, StageHeaderItem):
                    current = ("stage", item.stage_id)
                elif isinstance(item, LaneHeaderItem):
                    current = ("lane", item.lane_id)
                else:
                    continue
                break
        if current != self._current:
            self._current = current
            self.entitySelected.emit(*current)

    def current_entity(self) -> tuple[str, str]:
        return self._current

    def selected_card_ids(self) -> list[str]:
        """Selected cards in reading order (stage by stage, lane by lane)."""
        selected = {i.card_id for i in self.selectedItems() if isinstance(i, CardItem)}
        if not selected:
            return []
        return [c.id for c in self.map.cards_in_reading_order() if c.id in selected]

    def selected_connector_ids(self) -> list[str]:
        return [i.connector_id for i in self.selectedItems() if isinstance(i, ConnectorItem)]

    def note_focus_card(self, card_id: str) -> None:
        """The card the user last clicked: the inspector shows it within a multi-selection."""
        self._focus_card = card_id
        card = self.map.cards.get(card_id)
        if card is not None:
            self._paste_cell = (card.stage_id, card.lane_id)
        self._update_current()

    def set_card_selection(self, card_ids: Iterable[str]) -> None:
        wanted = set(card_ids)
        self._bulk_selection = True
        try:
            for item in self.selectedItems():
                if not isinstance(item, CardItem) or item.card_id not in wanted:
                    item.setSelected(False)
            for card_id in wanted:
                item = self._cards.get(card_id)
                if item is not None and not item.isSelected():
                    item.setSelected(True)
        finally:
            self._bulk_selection = False
        self._update_current()

    def select_only(self, card_ids: Iterable[str]) -> None:
        self.set_card_selection(card_ids)

    def select_only_items(self, items: list[QGraphicsItem]) -> None:
        self._bulk_selection = True
        try:
            self.clearSelection()
            for item in items:
                item.setSelected(True)
        finally:
            self._bulk_selection = False
        self._update_current()

    def select_card(self, card_id: str) -> None:
        self.flush()
        if card_id in self._cards:
            self._focus_card = card_id
            self.set_card_selection([card_id])
            card = self.map.cards[card_id]
            self._paste_cell = (card.stage_id, card.lane_id)

    def select_all(self) -> None:
        self.set_card_selection(self._cards)

    def select_stage(self, stage_id: str) -> None:
        header = self._stage_headers.get(stage_id)
        if header is not None:
            self.select_only_items([header])

    def select_lane(self, lane_id: str) -> None:
        header = self._lane_headers.get(lane_id)
        if header is not None:
            self.select_only_items([header])

    def select_connector(self, connector_id: str) -> None:
        item = self._connectors.get(connector_id)
        if item is not None:
            self.select_only_items([item])

"""In-place editing of card texts, stage and lane names and arrow labels.

One InlineEditor at a time sits over what it edits; committing pushes one undo step, Escape
cancels, and the editor closes by itself if what it edits disappears (undo, another panel).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, QTimer

from ..i18n import tr
from ..i18n.labels import lane_name
from ..model import operations as ops
from .items import InlineEditor


class InPlaceEditing:
    """Mixed into MapScene: uses its items, layout, style_ and push()."""

    def editor(self) -> InlineEditor | None:
        return self._editor

    def edit_selected_card(self) -> None:
        ids = self.selected_card_ids()
        if ids:
            first = self._focus_card if self._focus_card in ids else ids[0]
            self.edit_card(first)

    def edit_card(self, card_id: str, initial: str | None = None) -> None:
        """Edit a card's text in place; `initial` replaces the text (typing on a selected card).

        Escape on the first edit of a card just added (double-click, palette, toolbar, context
        menu) takes the card back: an empty card nobody wanted would stay behind otherwise."""
        self.flush()
        item = self._cards.get(card_id)
        card = self.map.cards.get(card_id)
        if item is None or card is None:
            return
        text_rect = item.text_rect()
        index_at_start = self.undo_stack.index()
        just_added = self._just_added == (card_id, index_at_start)
        self._just_added = None

        def done(commit: bool, text: str) -> None:
            shown = self._cards.get(card_id)
            if shown is not None:
                shown.set_text_hidden(False)
            current = self.map.cards.get(card_id) if not self._map_gone else None
            if commit and current is not None and text != current.text:
                self.push(ops.UpdateCard(self.map_id, card_id, {"text": text}), tr("Edit card text"))
            elif (not commit and just_added and current is not None and not current.text
                  and self.undo_stack.index() == index_at_start):
                self.undo_stack.undo()

        self._start_editor(card.text if initial is None else initial, self.style_.card_font,
                           text_rect.width(), item.mapToScene(text_rect.topLeft()), done,
                           multiline=True, target=("card", card_id), select_all=False)
        item.set_text_hidden(True)
        # A card added at the bottom of a cell near the window's edge grows out of sight:
        # bring it (and the caret) into view before the user types blind.
        for view in self.views():
            reveal = getattr(view, "reveal", None)
            if reveal is not None:
                reveal(item.sceneBoundingRect())

    def rename_stage(self, stage_id: str) -> None:
        self.flush()
        header = self._stage_headers.get(stage_id)
        if header is None:
            return
        stage = self.map.stage(stage_id)

        def done(commit: bool, text: str) -> None:
            shown = self._stage_headers.get(stage_id)
            if shown is not None:
                shown.set_name_hidden(False)
            if commit and self.map.has_stage(stage_id) and text.strip() != stage.name:
                self.push(ops.UpdateStage(self.map_id, stage_id, {"name": text.strip()}), tr("Rename stage"))

        pos = header.mapToScene(header.name_origin())
        self._start_editor(stage.name, self.style_.stage_font, header.width() - 20, pos, done,
                           multiline=False, target=("stage", stage_id))
        header.set_name_hidden(True)

    def rename_lane(self, lane_id: str) -> None:
        self.flush()
        header = self._lane_headers.get(lane_id)
        if header is None:
            return
        lane = self.map.lane(lane_id)

        def done(commit: bool, text: str) -> None:
            shown = self._lane_headers.get(lane_id)
            if shown is not None:
                shown.set_name_hidden(False)
            if commit and self.map.has_lane(lane_id) and text.strip() != lane_name(lane):
                self.push(ops.UpdateLane(self.map_id, lane_id, {"name": text.strip()}), tr("Rename lane"))

        pos = header.mapToScene(header.name_origin())
        self._start_editor(lane_name(lane), self.style_.lane_font, self.layout.metrics.lane_header_width - 28,
                           pos, done, multiline=False, target=("lane", lane_id))
        header.set_name_hidden(True)

    def edit_connector_label(self, connector_id: str) -> None:
        self.flush()
        item = self._connectors.get(connector_id)
        connector = self.map.connectors.get(connector_id)
        if item is None or connector is None:
            return

        def done(commit: bool, text: str) -> None:
            if commit and connector_id in self.map.connectors and text != connector.label:
                self.push(ops.UpdateConnector(self.map_id, connector_id, {"label": text.strip()}),
                          tr("Edit arrow label"))

        anchor = item.label_anchor()
        self._start_editor(connector.label, self.style_.label_font, max(anchor.width(), 140),
                           anchor.topLeft(), done, multiline=False, target=("connector", connector_id))

    def _start_editor(self, text: str, font, width: float, pos: QPointF, done, multiline: bool,
                      target: tuple[str, str] = ("", ""), select_all: bool = True) -> None:
        self.finish_editing(True)
        self._editor_target = target

        def on_done(commit: bool, new_text: str) -> None:
            editor = self._editor
            self._editor = None
            self._editor_target = ("", "")
            if editor is not None:
                editor.hide()
                self._retired_editors.append(editor)
                QTimer.singleShot(0, self._drop_retired_editors)
            done(commit, new_text)

        editor = InlineEditor(text, font, width, on_done, multiline)
        editor.document().setDocumentMargin(0)
        editor.setPos(pos)
        self.addItem(editor)
        self._editor = editor
        # The keyboard must reach the editor even when another widget has focus (a kind just
        # dragged from the palette, a toolbar button): the scene only gets keys through its view.
        for view in self.views():
            if view.isVisible() and not view.hasFocus():
                view.setFocus(Qt.FocusReason.OtherFocusReason)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        cursor = editor.textCursor()
        if select_all:  # short names: typing replaces them
            cursor.select(cursor.SelectionType.Document)
        else:           # a card's text: fix a typo without retyping everything
            cursor.movePosition(cursor.MoveOperation.End)
        editor.setTextCursor(cursor)

    def _drop_retired_editors(self) -> None:
        if self._detached:
            return
        for editor in self._retired_editors:
            if editor.scene() is self:
                self.removeItem(editor)
        self._retired_editors = []

    def finish_editing(self, commit: bool = True) -> None:
        """End an in-place edit (commit or cancel); used before other commands run."""
        if self._editor is not None:
            self._editor.finish(commit)

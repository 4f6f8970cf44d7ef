"""Keys on the canvas: Delete, F2/Enter, Escape, arrow keys between cards, Alt+arrows to
move cards one cell over, and typing over a selected card."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGraphicsScene


class KeyboardNavigation:
    """Mixed into MapScene (before QGraphicsScene): uses its selection, layout and edits."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self._editor is not None:
            QGraphicsScene.keyPressEvent(self, event)  # type: ignore[arg-type]
            return
        key = event.key()
        mods = event.modifiers()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selection()
        elif key in (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._edit_current()
        elif key == Qt.Key.Key_Escape:
            if self._interaction is not None:
                self._interaction.cancel()
                self._interaction = None
            else:
                self.clearSelection()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down) and (
                mods & Qt.KeyboardModifier.AltModifier):
            self.nudge_selection(key)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down) and not (
                mods & Qt.KeyboardModifier.ControlModifier):
            self.move_selection(key)
        elif (self._current[0] == "card" and event.text() and event.text().isprintable()
              and not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                              | Qt.KeyboardModifier.MetaModifier)):
            self.edit_card(self._current[1], initial=event.text())  # type over, like a spreadsheet
        else:
            QGraphicsScene.keyPressEvent(self, event)  # type: ignore[arg-type]
            return
        event.accept()

    def _edit_current(self) -> None:
        kind, entity_id = self._current
        if kind == "card":
            self.edit_card(entity_id)
        elif kind == "stage":
            self.rename_stage(entity_id)
        elif kind == "lane":
            self.rename_lane(entity_id)
        elif kind == "connector":
            self.edit_connector_label(entity_id)

    def nudge_selection(self, key: int) -> bool:
        """Alt+arrow: move the selected cards one stage or lane over (one undo step)."""
        self.flush()
        ids = self.selected_card_ids()
        if not ids:
            return False
        service_map = self.map
        anchor = service_map.cards[self._focus_card if self._focus_card in ids else ids[0]]
        si, li = service_map.stage_index(anchor.stage_id), service_map.lane_index(anchor.lane_id)
        di, dj = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
                  Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}[Qt.Key(key)]
        if not (0 <= si + di < len(service_map.stages) and 0 <= li + dj < len(service_map.lanes)):
            return False
        cell = (service_map.stages[si + di].id, service_map.lanes[li + dj].id)
        moved = self.move_cards(ids, anchor.id, cell, len(service_map.cards_in_cell(*cell)))
        for view in self.views():
            view.ensureVisible(self._cards[anchor.id].sceneBoundingRect(), 60, 60)
        return moved

    def move_selection(self, key: int) -> str | None:
        """Arrow keys walk between cards: left/right across stages, up/down within a column."""
        self.flush()
        rects = self.layout.card_rects
        if not rects:
            return None
        current = self._focus_card if self._focus_card in self.selected_card_ids() else None
        if current is None:
            ids = self.selected_card_ids()
            current = ids[0] if ids else None
        if current is None or current not in rects:
            first = self.map.cards_in_reading_order()[0].id
            self.select_card(first)
            return first
        here = rects[current]
        best, best_score = None, None
        for card_id, rect in rects.items():
            if card_id == current:
                continue
            dx, dy = rect.cx - here.cx, rect.cy - here.cy
            if key == Qt.Key.Key_Right and dx > 1:
                score = (dx, abs(dy))
            elif key == Qt.Key.Key_Left and dx < -1:
                score = (-dx, abs(dy))
            elif key == Qt.Key.Key_Down and dy > 1 and abs(dx) < here.w:
                score = (dy, abs(dx))
            elif key == Qt.Key.Key_Up and dy < -1 and abs(dx) < here.w:
                score = (-dy, abs(dx))
            else:
                continue
            # Prefer staying on the same row/column: weigh the cross distance more.
            weighted = score[0] + 3 * score[1]
            if best_score is None or weighted < best_score:
                best, best_score = card_id, weighted
        if best is not None:
            self.select_card(best)
            for view in self.views():
                view.ensureVisible(self._cards[best].sceneBoundingRect(), 60, 60)
        return best

"""Keys on the blueprint canvas: Delete, F2/Enter, arrow keys between cards, Alt+arrows to
move cards one cell over, and typing over a selected card. (Escape is the diagram's own:
it cancels the gesture in progress, lets go of the card waiting in connect mode, or clears
the selection.) The card-field keys (Alt+1 … Alt+5, Alt+0, Alt+T, Alt+P, Alt+K) and Ctrl+E /
Ctrl+Shift+E are the window's actions (the Card and Insert menus), carried out by
`card_fields.CardFields` and the scene's connect mode; Alt never types over a card."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

from .map_host import MapHost

_ARROWS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)
_NOT_TYPING = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
               | Qt.KeyboardModifier.MetaModifier)


class KeyboardNavigation:
    """What the keys do when no in-place editor is open (through the scene's public members)."""

    def __init__(self, scene: MapHost) -> None:
        self._scene = scene

    def handle(self, event: QKeyEvent) -> bool:
        """Act on a key press; False when the key means nothing here."""
        scene = self._scene
        key = event.key()
        mods = event.modifiers()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            scene.delete_selection()
        elif key in (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._edit_current()
        elif key in _ARROWS and mods & Qt.KeyboardModifier.AltModifier:
            self.nudge_selection(key)
        elif key in _ARROWS and not mods & Qt.KeyboardModifier.ControlModifier:
            self.move_selection(key)
        elif (scene.current_entity()[0] == "card" and event.text() and event.text().isprintable()
              and not mods & _NOT_TYPING):
            scene.edit_card(scene.current_entity()[1], initial=event.text())  # type over, like a spreadsheet
        else:
            return False
        return True

    def _edit_current(self) -> None:
        scene = self._scene
        kind, entity_id = scene.current_entity()
        if kind == "card":
            scene.edit_card(entity_id)
        elif kind == "stage":
            scene.rename_stage(entity_id)
        elif kind == "lane":
            scene.rename_lane(entity_id)
        elif kind == "connector":
            scene.edit_connector_label(entity_id)

    def _focus_or_first(self, ids: list[str]) -> str | None:
        focus = self._scene.selection.focus
        return focus if focus in ids else (ids[0] if ids else None)

    def _show(self, card_id: str) -> None:
        rect = self._scene.card_item(card_id).sceneBoundingRect()
        for view in self._scene.views():  # beside the pinned headers, and only if out of sight
            if hasattr(view, "reveal"):
                view.reveal(rect)
            else:
                view.ensureVisible(rect, 60, 60)

    def nudge_selection(self, key: int) -> bool:
        """Alt+arrow: move the selected cards one stage or lane over (one undo step)."""
        scene = self._scene
        scene.flush()
        ids = scene.selected_card_ids()
        if not ids:
            return False
        service_map = scene.map
        anchor = service_map.cards[self._focus_or_first(ids)]
        si, li = service_map.stage_index(anchor.stage_id), service_map.lane_index(anchor.lane_id)
        di, dj = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
                  Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}[Qt.Key(key)]
        if not (0 <= si + di < len(service_map.stages) and 0 <= li + dj < len(service_map.lanes)):
            return False
        cell = (service_map.stages[si + di].id, service_map.lanes[li + dj].id)
        moved = scene.move_cards(ids, anchor.id, cell, len(service_map.cards_in_cell(*cell)))
        self._show(anchor.id)
        return moved

    def move_selection(self, key: int) -> str | None:
        """Arrow keys walk between cards: left/right across stages, up/down within a column."""
        scene = self._scene
        scene.flush()
        rects = scene.layout.card_rects
        if not rects:
            return None
        current = self._focus_or_first(scene.selected_card_ids())
        if current is None or current not in rects:
            first = scene.map.cards_in_reading_order()[0].id
            scene.select_card(first)
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
            scene.select_card(best)
            self._show(best)
        return best

"""Cut, copy, paste and duplicate on the canvas, through the system clipboard.

The clipboard carries `CARDS_MIME` (JSON from `model.clipboard`) for Blueprint Studio windows
and projects, and plain text of the card texts for other programs. Text from other programs
pastes as one card per line.
"""

from __future__ import annotations

import atexit

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from ..i18n import tr
from ..model import clipboard
from ..model.entities import ModelError

CARDS_MIME = "application/x-blueprint-studio-cards"

_clipboard_guard_installed = False


def _release_clipboard() -> None:
    """Hand our cards on the clipboard back as plain text before Qt shuts down.

    A QMimeData made in Python and still owned by the clipboard when the interpreter exits
    crashes PySide6 (segfault at exit); a C++-made text copy does not.
    """
    if QGuiApplication.instance() is None:
        return
    board = QGuiApplication.clipboard()
    data = board.mimeData()
    if data is not None and data.hasFormat(CARDS_MIME):
        board.setText(data.text())


def _guard_clipboard_at_exit() -> None:
    global _clipboard_guard_installed
    if _clipboard_guard_installed:
        return
    _clipboard_guard_installed = True
    atexit.register(_release_clipboard)
    app = QGuiApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(_release_clipboard)


class ClipboardActions:
    """Mixed into MapScene: uses its map, selection, push() and statusMessage."""

    def _selection_payload(self) -> tuple[str, str] | None:
        ids = self.selected_card_ids()
        if not ids:
            return None
        data = clipboard.serialise(self.map, ids)
        return data, clipboard.parse(data).plain_text()

    def copy_selection(self) -> None:
        payload = self._selection_payload()
        if payload is None:
            return
        data, text = payload
        mime = QMimeData()
        mime.setData(CARDS_MIME, data.encode("utf-8"))
        mime.setText(text)
        _guard_clipboard_at_exit()
        QGuiApplication.clipboard().setMimeData(mime)
        self._paste_cell_clicked = False  # a paste goes back to the cards' own cells until a cell is clicked
        count = len(self.selected_card_ids())
        self.statusMessage.emit(tr("Copied {count} cards").format(count=count))

    def cut_selection(self) -> None:
        if not self.selected_card_ids():
            return
        self.copy_selection()
        self.delete_selection()

    def _target_cell(self) -> tuple[str, str] | None:
        service_map = self.map
        cell = self._paste_cell
        if cell and service_map.has_stage(cell[0]) and service_map.has_lane(cell[1]):
            return cell
        if service_map.stages and service_map.lanes:
            return service_map.stages[0].id, service_map.lanes[0].id
        return None

    def paste(self, here: bool = False) -> None:
        """Paste the clipboard's cards. After a click on an empty cell since the copy, with
        nothing selected (or `here`, from that cell's context menu), the group goes to that
        cell; otherwise each card goes back to its own stage and lane (by id, then by name),
        so cut and paste puts cards back where they were."""
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None:
            return
        cell = self._target_cell()
        anchored = here or (self._paste_cell_clicked and self._paste_cell is not None
                            and not self.selected_card_ids())
        try:
            if mime.hasFormat(CARDS_MIME):
                content = clipboard.parse(bytes(mime.data(CARDS_MIME).data()))
                batch, new_ids = clipboard.paste_operations(content, self.map, cell, anchored=anchored)
            elif mime.hasText() and mime.text().strip() and cell is not None:
                batch, new_ids = clipboard.cards_from_text(mime.text(), self.map, cell)
            else:
                return
        except ModelError as error:
            self.statusMessage.emit(tr(str(error)))
            return
        if new_ids and self.push(batch, tr("Paste")):
            self.set_card_selection(new_ids)

    def duplicate_selection(self) -> None:
        ids = self.selected_card_ids()
        if not ids:
            return
        content = clipboard.parse(clipboard.serialise(self.map, ids))
        batch, new_ids = clipboard.paste_operations(content, self.map, self._target_cell())
        if self.push(batch, tr("Duplicate")):
            self.set_card_selection(new_ids)

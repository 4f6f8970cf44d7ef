"""Cut, copy, paste and duplicate on the blueprint canvas, through the system clipboard.

The clipboard carries `CARDS_MIME` (JSON from `model.clipboard`) for Blueprint Studio windows
and projects, and plain text of the card texts for other programs. Text from other programs
pastes as one card per line. Where a paste goes is `model.clipboard`'s rule; this only
remembers the cell the user last pointed at.
"""

from __future__ import annotations

import atexit

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from ..i18n import describe, plural, tr
from ..model import clipboard
from ..model.entities import ModelError
from .map_host import MapHost

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


class CardClipboard:
    """The clipboard commands of one map's scene (through its public members only)."""

    def __init__(self, scene: MapHost) -> None:
        self._scene = scene
        self._cell: tuple[str, str] | None = None  # where the user last pointed
        self._cell_clicked = False  # the user clicked an empty cell since the last copy

    def point_at(self, cell: tuple[str, str], clicked: bool = False) -> None:
        """The cell the user pointed at (a card in it, an empty place in it when `clicked`)."""
        self._cell = cell
        if clicked:
            self._cell_clicked = True

    def _selection_payload(self) -> tuple[str, str] | None:
        ids = self._scene.selected_card_ids()
        if not ids:
            return None
        data = clipboard.serialise(self._scene.map, ids)
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
        self._cell_clicked = False  # a paste goes back to the cards' own cells until a cell is clicked
        count = len(self._scene.selected_card_ids())
        self._scene.statusMessage.emit(plural(count, "Copied {count} card", "Copied {count} cards"))

    def cut_selection(self) -> None:
        if not self._scene.selected_card_ids():
            return
        self.copy_selection()
        self._scene.delete_selection()

    def _target_cell(self) -> tuple[str, str] | None:
        service_map = self._scene.map
        cell = self._cell
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
        scene = self._scene
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None:
            return
        cell = self._target_cell()
        anchored = here or (self._cell_clicked and self._cell is not None
                            and not scene.selected_card_ids())
        try:
            if mime.hasFormat(CARDS_MIME):
                content = clipboard.parse(bytes(mime.data(CARDS_MIME).data()))
                batch, new_ids = clipboard.paste_operations(content, scene.map, cell, anchored=anchored)
            elif mime.hasText() and mime.text().strip() and cell is not None:
                batch, new_ids = clipboard.cards_from_text(mime.text(), scene.map, cell)
            else:
                return
        except ModelError as error:
            scene.statusMessage.emit(describe(error))
            return
        if new_ids and scene.push(batch, tr("Paste")):
            scene.set_card_selection(new_ids)

    def duplicate_selection(self) -> None:
        scene = self._scene
        ids = scene.selected_card_ids()
        if not ids:
            return
        content = clipboard.parse(clipboard.serialise(scene.map, ids))
        batch, new_ids = clipboard.paste_operations(content, scene.map, self._target_cell())
        if scene.push(batch, tr("Duplicate")):
            scene.set_card_selection(new_ids)

"""Where things would land: the drop target shown while cards are dragged (the cell and the
insertion bar) or an arrow is drawn (a frame around the card it would reach), and the
drops of card kinds from the palette (a card of that kind in the cell, edited at once)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from ..i18n import tr
from ..model.enums import CardKind
from .grid_item import DropIndicator
from .layout import EMOTION_ROW, MapLayout
from .map_host import MapHost

CARD_KIND_MIME = "application/x-blueprint-card-kind"


class DropTarget:
    """The one drop indicator of a scene."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self._indicator = DropIndicator()
        scene.addItem(self._indicator)
        self._indicator.hide()

    def show_cell(self, layout: MapLayout, pos: QPointF, ignore: list[str]) -> None:
        """The cell under `pos` and where in it a card would go (cards in `ignore` aside)."""
        cell = layout.cell_at(pos.x(), pos.y())
        if cell is None or cell[1] == EMOTION_ROW:
            self.hide()
            return
        rect = layout.cell_rect(*cell)
        order = layout.insertion_order(*cell, pos.x(), pos.y(), ignore=ignore)
        skip = set(ignore)
        others = [cid for cid in layout.cell_cards.get(cell, []) if cid not in skip]
        bar = QRectF()
        if others:
            if order < len(others):
                r = layout.card_rects[others[order]]
                bar = QRectF(r.x, r.y - 6, r.w, 4)
            else:
                r = layout.card_rects[others[-1]]
                bar = QRectF(r.x, r.bottom + 3, r.w, 4)
        self._indicator.show_at(QRectF(rect.x, rect.y, rect.w, rect.h), bar)

    def show_around(self, item: QGraphicsItem) -> None:
        body = getattr(item, "body_rect", None)  # a card without its handle's reach
        rect = item.mapRectToScene(body()) if body is not None else item.sceneBoundingRect()
        self._indicator.show_at(rect.adjusted(-4, -4, 4, 4), QRectF())

    def hide(self) -> None:
        self._indicator.hide()


class PaletteDrops:
    """Drags of a card kind from the palette over one map's scene."""

    def __init__(self, scene: MapHost) -> None:
        self._scene = scene

    def _cell(self, event) -> tuple[str, str] | None:
        if not event.mimeData().hasFormat(CARD_KIND_MIME):
            return None
        return self._scene.cell_at(event.scenePos())

    def enter(self, event) -> None:
        if event.mimeData().hasFormat(CARD_KIND_MIME):
            self._scene.flush()
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def move(self, event) -> None:
        if self._cell(event) is None:
            self._scene.hide_drop_target()
            event.ignore()
            return
        self._scene.show_drop_target(event.scenePos(), [])
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def leave(self, event) -> None:
        self._scene.hide_drop_target()
        event.accept()

    def drop(self, event) -> None:
        scene = self._scene
        scene.hide_drop_target()
        cell = self._cell(event)
        if cell is None:
            event.ignore()
            return
        raw = bytes(event.mimeData().data(CARD_KIND_MIME).data()).decode("utf-8", "replace").strip()
        try:
            kind = CardKind(raw)
        except ValueError:
            scene.statusMessage.emit(tr("Unknown card kind: {kind}").format(kind=raw[:40]))
            event.ignore()
            return
        pos = event.scenePos()
        order = scene.layout.insertion_order(*cell, pos.x(), pos.y())
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        scene.add_card_and_edit(cell, order, kind)

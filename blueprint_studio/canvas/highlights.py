"""Overlays that highlight a chain of cards and arrows (the critical path, the rework
loops) without touching the cards: a soft halo behind each card and a broad translucent
band under each arrow. The canvas is told which ids to mark; what they mean (the analysis)
is the workspace's business.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from . import style as S

# Colours that stay apart from the selection blue and survive a washed-out projector.
PATH_COLOUR = QColor(245, 166, 35, 150)   # amber
LOOP_COLOUR = QColor(194, 24, 91, 120)    # magenta
HALO = 9.0      # how far a halo reaches beyond its card (scene units)
BAND = 14.0     # the width of the band under an arrow


@dataclass(frozen=True)
class Marked:
    cards: frozenset[str] = frozenset()
    connectors: frozenset[str] = frozenset()


class HighlightLayer(QGraphicsItem):
    """One layer of marks in one colour, between the grid and the arrows."""

    def __init__(self, colour: QColor, z: float) -> None:
        super().__init__()
        self._colour = colour
        self._marked = Marked()
        self._path = QPainterPath()
        self._bounds = QRectF()
        self.setZValue(z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)

    @property
    def marked(self) -> Marked:
        return self._marked

    def mark(self, marked: Marked) -> None:
        self._marked = marked
        self.rebuild()

    def rebuild(self) -> None:
        """Follow the cards and arrows to where they are drawn now."""
        scene = self.scene()
        path = QPainterPath()
        if scene is not None:
            cards = scene.card_items()
            for card_id in self._marked.cards:
                item = cards.get(card_id)
                if item is not None:
                    rect = item.sceneBoundingRect().adjusted(-HALO, -HALO, HALO, HALO)
                    path.addRoundedRect(rect, HALO + 4, HALO + 4)
            stroker = QPainterPathStroker()
            stroker.setWidth(BAND)
            stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
            stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            connectors = scene.connector_items()
            for connector_id in self._marked.connectors:
                item = connectors.get(connector_id)
                if item is not None and len(item.points) >= 2:
                    line = QPainterPath()
                    line.moveTo(*item.points[0])
                    for point in item.points[1:]:
                        line.lineTo(*point)
                    path.addPath(item.mapToScene(stroker.createStroke(line)))
        self.prepareGeometryChange()
        self._path = path.simplified()
        self._bounds = self._path.boundingRect().adjusted(-2, -2, 2, 2)
        self.setVisible(not self._path.isEmpty())
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(S.ANTIALIASING)
        painter.setPen(QPen(self._colour.darker(130), 1.5))
        painter.setBrush(self._colour)
        painter.drawPath(self._path)


class FlowHighlights:
    """The critical-path and loop layers of one scene; they follow every redraw."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self.path = HighlightLayer(PATH_COLOUR, S.Z_EMOTION + 0.4)
        self.loops = HighlightLayer(LOOP_COLOUR, S.Z_EMOTION + 0.3)
        scene.addItem(self.path)
        scene.addItem(self.loops)
        scene.layoutChanged.connect(self.rebuild)

    def show(self, path: Marked | None, loops: Marked | None) -> None:
        self.path.mark(path or Marked())
        self.loops.mark(loops or Marked())

    def rebuild(self) -> None:
        self.path.rebuild()
        self.loops.rebuild()


def chain_marks(cards: Iterable[str], connector_ids: dict[tuple[str, str], str],
                closed: bool = False) -> tuple[set[str], set[str]]:
    """The cards of a chain and the arrows that join them one after the other (and the
    last back to the first for a loop)."""
    chain = list(cards)
    pairs = list(zip(chain, chain[1:])) + ([(chain[-1], chain[0])] if closed and len(chain) > 1 else [])
    return set(chain), {connector_ids[pair] for pair in pairs if pair in connector_ids}

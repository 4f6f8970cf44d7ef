"""Connecting two nodes by clicking them, for whoever cannot (or would rather not) aim at a
handle: a projector's remote mouse, a touchpad, big fingers.

`ConnectMode` belongs to a diagram scene: whether the mode is on, the node waiting to be a
connection's source (ringed while it waits), and a dashed line from it to the pointer.
While the mode is on, a press on a node starts `ConnectPick`:

- a click picks the source or, with one waiting, the target: one connection (one undo
  step), after which the mode waits for the next source;
- a drag from a node onto another connects them at once (no handle needed);
- nodes never move in this mode.

Escape, or a press anywhere but on a node, lets go of the waiting source; the mode stays on
for the next connection until it is switched off. A click on the waiting source itself asks
the host to connect a node to itself, which the model refuses with its own sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from .. import style as S
from .gestures import Connectable, ConnectDrag, curve, dashed_line
from .host import Gesture, GestureHost, drag_distance

if TYPE_CHECKING:
    from PySide6.QtWidgets import QGraphicsSceneMouseEvent

RING_MARGIN = 5.0  # scene units between a waiting source and its ring


class ConnectMode:
    """The connect mode of one scene: on/off and the source waiting for its target."""

    def __init__(self, host: GestureHost, kind: str) -> None:
        self.host = host
        self.kind = kind                 # the kind of node it connects ("" connects nothing)
        self.enabled = False
        self.source: str | None = None   # the id of the node waiting to be the source
        self._ring = QGraphicsPathItem()
        pen = QPen(S.CONNECT_SOURCE, 4.0, Qt.PenStyle.SolidLine)
        pen.setCosmetic(True)            # four screen pixels at any zoom
        self._ring.setPen(pen)
        self._ring.setZValue(S.Z_DRAGGED)
        self._line = dashed_line()
        self._pointer: QPointF | None = None

    # -- the mode -------------------------------------------------------------------------
    def set_enabled(self, on: bool) -> None:
        if on != self.enabled:
            self.enabled = on
            if not on:
                self.release_source()

    def press(self, item: QGraphicsItem | None, entity_id: str | None,
              event: "QGraphicsSceneMouseEvent") -> Gesture | None:
        """A left press while the mode may be on: the gesture it starts, or None (the
        diagram's usual gesture then runs; a waiting source is let go)."""
        if not self.enabled:
            return None
        if entity_id is None or item is None:
            self.release_source()
            return None
        return ConnectPick(self.host, self, entity_id, item, event)

    # -- the waiting source -------------------------------------------------------------------
    def pick(self, entity_id: str) -> None:
        """A click on a node: it becomes the source, or (with a source waiting) the target."""
        host = self.host
        if self.source is None:
            self.source = entity_id
            host.set_selection(self.kind, [entity_id])
            host.note_focus(self.kind, entity_id)
            host.add_feedback(self._ring)
            host.add_feedback(self._line)
            self.follow()
            return
        source = self.source
        if source != entity_id:  # the same node again: the host's refusal, and it keeps waiting
            self.release_source()
        host.connect(self.kind, source, entity_id)

    def release_source(self) -> None:
        """Let go of the waiting source (Escape, a press elsewhere, the mode switched off)."""
        if self.source is None:
            return
        self.source = None
        self._pointer = None
        self.host.end_preview()
        self.host.remove_feedback(self._ring)
        self.host.remove_feedback(self._line)

    def entity_removed(self, kind: str, entity_id: str) -> None:
        if kind == self.kind and entity_id == self.source:
            self.release_source()

    def _source_item(self) -> QGraphicsItem | None:
        return self.host.entity_item(self.kind, self.source) if self.source is not None else None

    def follow(self) -> None:
        """Keep the ring and the line on the source (after a relayout moved it)."""
        item = self._source_item()
        if self.source is not None and item is None:
            self.release_source()
            return
        if item is None:
            return
        outline = QPainterPath()
        body = item.mapRectToScene(_body(item)).adjusted(-RING_MARGIN, -RING_MARGIN, RING_MARGIN, RING_MARGIN)
        outline.addRoundedRect(body, 6, 6)
        self._ring.setPath(outline)
        self._draw_line()

    def hover(self, pos: QPointF) -> None:
        """The pointer moved with no button down: the line follows it, a target lights up."""
        if self.source is None:
            return
        self._pointer = pos
        self._draw_line()
        target = self.host.entity_at(pos, self.kind)
        self.host.preview_connect(self.kind, self.source,
                                   target if target != self.source else None)

    def _draw_line(self) -> None:
        item = self._source_item()
        if item is None or self._pointer is None:
            self._line.setPath(QPainterPath())
            return
        self._line.setPath(curve(item.mapToScene(_handle(item)), self._pointer))


def _body(item: QGraphicsItem):
    body = getattr(item, "body_rect", None)
    return body() if body is not None else item.boundingRect()


def _handle(item: QGraphicsItem) -> QPointF:
    handle = getattr(item, "handle_center", None)
    return handle() if handle is not None else item.boundingRect().center()


class ConnectPick(Gesture):
    """A press on a node in connect mode: a click picks it (source, then target); a drag
    onto another node connects the two at once. Nothing moves."""

    def __init__(self, host: GestureHost, mode: ConnectMode, entity_id: str, item: QGraphicsItem,
                 event: "QGraphicsSceneMouseEvent") -> None:
        super().__init__(host)
        self.mode, self.node_id, self.item = mode, entity_id, item
        self.start = event.scenePos()
        self.threshold = drag_distance(event)
        self.drag: ConnectDrag | None = None

    def move(self, pos: QPointF) -> None:
        if self.drag is None:
            if (pos - self.start).manhattanLength() < self.threshold:
                return
            self.mode.release_source()  # a drag draws its own connection from where it started
            item: Connectable = self.item  # type: ignore[assignment]
            self.drag = ConnectDrag(self.host, self.mode.kind, self.node_id, item, pos)
        self.drag.move(pos)

    def release(self, pos: QPointF) -> None:
        if self.drag is not None:
            self.drag.release(pos)
        else:
            self.mode.pick(self.node_id)

    def cancel(self) -> None:
        if self.drag is not None:
            self.drag.cancel()

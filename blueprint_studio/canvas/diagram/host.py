"""The narrow interface between gestures and the diagram they run on.

A gesture (a drag, a rubber band, ...) lives from a mouse press to its release. It may move
items and show feedback while the button is down, but it changes the model only through
the host's outcome methods, once, on release: a gesture is at most one undo step. The host
cancels the gesture in progress whenever the model changes under it (Ctrl+Z mid-drag, an
edit from another panel), so a release never drops what is no longer there.

`GestureHost` is all a gesture may ask of its scene. `DiagramScene` implements the looking,
selecting and feedback parts for any diagram; a concrete diagram (the blueprint's
`MapScene`) implements the outcomes: what a drop or a connection means in its model.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsView


@runtime_checkable
class GestureHost(Protocol):
    # -- looking ------------------------------------------------------------------------------
    def entity_item(self, kind: str, entity_id: str) -> QGraphicsItem | None:
        """The item that draws an entity (None when none does)."""

    def entity_at(self, pos: QPointF, kind: str) -> str | None:
        """The id of the entity of `kind` the user points at (overlays hide what lies below)."""

    def ids_in(self, rect: QRectF, kind: str) -> set[str]:
        """The ids of the entities of `kind` whose items a scene rectangle touches."""

    # -- selecting ----------------------------------------------------------------------------
    def selected_ids(self, kind: str) -> list[str]:
        """The selected entities of `kind`, in the diagram's reading order."""

    def set_selection(self, kind: str, ids: Iterable[str]) -> None:
        """Select exactly these entities of `kind`."""

    def select_items(self, items: Iterable[QGraphicsItem]) -> None:
        """Select exactly these items (none: clear the selection)."""

    def note_focus(self, kind: str, entity_id: str) -> None:
        """The entity the user just pressed: the inspector shows it within a selection."""

    # -- feedback while the button is down ----------------------------------------------------
    def add_feedback(self, item: QGraphicsItem) -> None:
        """Show an item that draws no entity (a marker, a guide, a band)."""

    def remove_feedback(self, item: QGraphicsItem) -> None:
        """Take a feedback item away again (nothing happens if it is not shown)."""

    # -- outcomes: what the diagram makes of a gesture -----------------------------------------
    def preview_drop(self, kind: str, ids: list[str], pos: QPointF) -> None:
        """Dragged items are over `pos`: show where they would land, let their links follow."""

    def preview_connect(self, kind: str, source_id: str, target_id: str | None) -> None:
        """A connection from `source_id` would end at `target_id` (None: nowhere)."""

    def end_preview(self) -> None:
        """Hide what `preview_drop` / `preview_connect` showed."""

    def restore(self, kind: str, ids: list[str]) -> None:
        """Put moved items back where the model says (a cancelled or refused drag)."""

    def drop(self, kind: str, ids: list[str], anchor_id: str, pos: QPointF) -> bool:
        """Drop dragged entities, the anchor (the one under the pointer) at `pos`: one undo step."""

    def connect(self, kind: str, source_id: str, target_id: str) -> bool:
        """Connect two entities: one undo step."""


def view_zoom(event: object = None) -> float:
    """The zoom of the view a scene mouse event came through (1.0 when none is known)."""
    widget = event.widget() if event is not None and hasattr(event, "widget") else None
    view = widget.parentWidget() if widget is not None else None
    if isinstance(view, QGraphicsView):
        return view.transform().m11() or 1.0
    return 1.0


def drag_distance(event: object = None) -> float:
    """How far (in scene units) the pointer must travel before a press becomes a drag: Qt's
    start-drag distance in screen pixels, at the zoom of the view the press came through, so
    zoomed out a shaky hand does not move a card that one pixel covers ten units of."""
    return QApplication.startDragDistance() / view_zoom(event)


class Gesture:
    """A gesture from a press to its release (or Escape, or a change of the model)."""

    def __init__(self, host: GestureHost) -> None:
        self.host = host

    def move(self, pos: QPointF) -> None:
        pass

    def release(self, pos: QPointF) -> None:
        pass

    def cancel(self) -> None:
        """End without changing the model; undo every feedback the gesture showed."""

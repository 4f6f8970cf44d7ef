"""A scene that draws part of a project and turns gestures into undoable edits: the base
every diagram of the project (the blueprint, later the stakeholder map) builds on.

It follows the model, never owns it (orange-canvas-core's rule):

- it subscribes to the project's change sets and hands each event that concerns it to
  `on_event`; the redraw is batched: `schedule_redraw` coalesces a burst of edits into one
  `redraw` on the next turn of the event loop (or at the next `flush`, which runs on
  every change of the undo stack);
- it keeps the items that draw entities in an `ItemRegistry` (kind name -> {id: item});
- it tracks the selection and the current entity (`SelectionTracker`);
- it holds the one in-place editor (`EditorSlot`);
- it has a connect mode (`ConnectMode`: a click on one node, then on another, connects
  them) for the kind `CONNECT_KIND`;
- it runs one gesture at a time (`Gesture`, through the `GestureHost` interface it
  implements) and cancels it whenever the model changes under it;
- it pushes every edit as one undo step (`push`); a refused edit becomes a status message;
- after an undo or redo it selects and reveals what the step changed;
- `detach` cuts it off the model and the undo stack before it is deleted (PySide6 aborts
  at exit when a deleted scene is still called back).

A concrete diagram implements the hooks: `follows`/`concerns` (which changes are its
own), `on_event`, `redraw`, `hit`, `start_gesture`, `double_click`, `key_pressed`,
`context_menu`, `order_ids`, and the gesture outcomes of `GestureHost`.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSceneMouseEvent, QMenu

from ...commands import push_operation, replaying
from ...i18n import describe
from ...model.entities import ModelError, Project
from ...model.events import ChangeSet, ModelEvent
from .connecting import ConnectMode
from .editor import EditorSlot, InlineEditor
from .gestures import RubberBand
from .host import Gesture
from .registry import ItemRegistry, Key
from .selection import SelectionTracker


class DiagramScene(QGraphicsScene):
    """The generic half of a diagram scene; see the module's description."""

    entitySelected = Signal(str, str)   # (kind, id) of the entity the inspector should show
    statusMessage = Signal(str)         # a one-sentence explanation when an edit is refused
    layoutChanged = Signal()            # after each redraw (a view keeps its overlays in sight)
    revealRequested = Signal(object)    # list[QRectF] in reading order: scroll them into view

    ITEM_KINDS: tuple[str, ...] = ()    # the kinds of entity drawn by registered items
    FOCUS_KIND = ""                     # the kind whose last-pressed item is current in a group
    CONNECT_KIND = ""                   # the kind of node connect mode joins ("": none)
    # After undo/redo, what to select and reveal: the first group of kinds the step touched.
    REVEAL_ORDER: tuple[tuple[str, ...], ...] = ()

    def __init__(self, project: Project, undo_stack, home: Key, parent=None) -> None:
        super().__init__(parent)
        self.project = project
        self.undo_stack = undo_stack
        self.registry = ItemRegistry(self.ITEM_KINDS)
        self.selection = SelectionTracker(self, self.registry, home, self.FOCUS_KIND,
                                          self.entitySelected.emit, self.order_ids)
        self.editors = EditorSlot(self)
        self.connecting = ConnectMode(self, self.CONNECT_KIND)
        self.gone = False  # what the diagram draws was removed from the project
        self._gesture: Gesture | None = None
        self._pressed_at = 0  # the selection's moment when the gesture began
        self._overlays: set[QGraphicsItem] = set()
        self._detached = False
        # What an undo/redo touched, shown as the selection once it has run.
        # (Dicts as ordered sets: undoing a 2,000-card delete notes 2,000 ids, each once.)
        self._replayed: dict[str, dict[str, None]] = {kind: {} for kind in self.ITEM_KINDS}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.flush)
        self._unsubscribe = project.events.subscribe(self._on_changes)
        # Kept to be cut in detach(): QObject.disconnect(handle) is safe even when the undo
        # stack is already gone, so nothing there needs an exception swallowed.
        self._connections = [undo_stack.indexChanged.connect(self._on_stack_index),
                             self.selectionChanged.connect(self._on_selection_changed)]

    # =====================================================================================
    # hooks for the concrete diagram
    # =====================================================================================
    def follows(self, changes: ChangeSet) -> bool:
        """Whether a change set may concern this diagram at all."""
        return True

    def concerns(self, event: ModelEvent) -> bool:
        """Whether one event of a change set concerns this diagram."""
        return True

    def on_event(self, event: ModelEvent) -> None:
        """Update the registered items for one event; mark what needs a redraw."""

    def redraw(self) -> None:
        """Bring every item up to date with the model (cheap when nothing changed)."""

    def hit(self, pos: QPointF) -> QGraphicsItem | None:
        """The topmost item the user means at `pos`: an entity's item, the editor, or an
        overlay (which hides what lies below it); backgrounds and feedback are ignored."""
        key_of = self.registry.key_of
        for item in self.items(pos):
            if key_of(item) is not None or isinstance(item, InlineEditor) or item in self._overlays:
                return item
        return None

    def start_gesture(self, hit: QGraphicsItem | None, event: QGraphicsSceneMouseEvent) -> Gesture | None:
        """The gesture a left press on `hit` starts (or None: the press did all there was)."""
        return None

    def double_click(self, hit: QGraphicsItem | None, pos: QPointF) -> None:
        pass

    def key_pressed(self, event: QKeyEvent) -> bool:
        """Handle a key (no editor open); False lets Qt have it."""
        return False

    def context_menu(self, hit: QGraphicsItem | None, pos: QPointF) -> QMenu | None:
        return None

    def order_ids(self, kind: str, ids: list[str]) -> list[str]:
        """Selected ids of a kind in the diagram's reading order."""
        return ids

    def restore_items(self) -> None:
        """Put items moved for feedback back where the model says (after a refused edit)."""

    def connect_mode_changed(self, on: bool) -> None:
        """Connect mode was switched on or off (cursors, hints)."""

    # =====================================================================================
    # following the model
    # =====================================================================================
    def _on_changes(self, changes: ChangeSet) -> None:
        """One whole edit: update the items it touched; the redraw runs once, later."""
        if self._detached or not self.follows(changes):
            return
        self.cancel_gesture()  # what the gesture holds may be gone or elsewhere now
        for event in changes:
            if self.gone:
                break
            if not self.concerns(event):
                continue
            if replaying():
                self._note_replayed(event)
            if event.action == "removed":
                self.editors.entity_removed(event.entity, event.entity_id)
                self.connecting.entity_removed(event.entity, event.entity_id)
            self.on_event(event)
            if not self.gone:
                self._timer.start()
        # Redrawn on the next turn of the event loop, where the selection the edit's
        # command sets afterwards (push, reveal) is drawn in the same pass.

    def schedule_redraw(self) -> None:
        self._timer.start()

    def flush(self) -> None:
        """Bring the items up to date with the model now."""
        self._timer.stop()
        if self._detached or self.gone:
            return
        self.selection.refresh_if_stale()
        self.redraw()
        self.connecting.follow()  # the ring stays on a waiting source the relayout moved

    def register_item(self, kind: str, entity_id: str, item: QGraphicsItem) -> None:
        """Draw an entity with `item` (added to the scene unless it has a parent item)."""
        self.registry.add(kind, entity_id, item)
        if item.scene() is not self:
            self.addItem(item)

    def discard_item(self, kind: str, entity_id: str) -> QGraphicsItem | None:
        """Take an entity's item out of the scene. Removing a selected item emits
        selectionChanged at once, and the inspector's update walks the whole selection:
        deleting 2,000 selected cards cost 2,000 walks. It runs once, at the next flush."""
        item = self.registry.pop(kind, entity_id)
        self.selection.forget(kind, entity_id)
        if item is None:
            return None
        if item.isSelected():
            with self.selection.bulk():
                self.removeItem(item)
            self.selection.mark_stale()
            self._timer.start()
        else:
            self.removeItem(item)
        return item

    def add_overlay(self, item: QGraphicsItem) -> None:
        """An item that hides what lies under it from hit tests (pinned headers)."""
        self._overlays.add(item)
        self.addItem(item)

    # -- undo and redo ----------------------------------------------------------------
    def _on_stack_index(self, _index: int) -> None:
        self.flush()
        self._show_replayed()

    def _note_replayed(self, event: ModelEvent) -> None:
        """Remember what an undo/redo changed; entities merely renumbered beside it do not."""
        if event.entity not in self._replayed or event.action == "removed":
            return
        if event.action == "updated" and set(event.fields) == {"order"}:
            return
        self._replayed[event.entity][event.entity_id] = None

    def _show_replayed(self) -> None:
        """After undo/redo: select what changed (the first group of REVEAL_ORDER it touched)
        and ask the view to scroll it into sight, so the user sees what the step did."""
        touched = self._replayed
        self._replayed = {kind: {} for kind in touched}
        if self._detached or self.gone or not any(touched.values()):
            return
        for group in self.REVEAL_ORDER:
            items: list[QGraphicsItem] = []
            for kind in group:
                ids = [i for i in touched[kind] if self.registry.get(kind, i) is not None]
                if kind == self.FOCUS_KIND and ids:
                    ids = self.order_ids(kind, ids)
                    if self.selection.focus not in ids:
                        self.selection.focus = ids[0]
                items += [self.registry.item(kind, i) for i in ids]
            if items:
                self.select_items(items)
                self.revealRequested.emit([item.sceneBoundingRect() for item in items])
                return

    # -- editing through the undo stack --------------------------------------------------
    def push(self, operation, text: str, **kwargs) -> bool:
        """Apply an operation as one undo step; a refused edit becomes a status message."""
        try:
            push_operation(self.undo_stack, self.project, operation, text, **kwargs)
        except ModelError as error:
            self.statusMessage.emit(describe(error))
            self.restore_items()
            return False
        self.flush()
        return True

    # -- the in-place editor --------------------------------------------------------------
    def editor(self) -> InlineEditor | None:
        return self.editors.editor

    def finish_editing(self, commit: bool = True) -> None:
        """End an in-place edit (commit or cancel); used before other commands run."""
        self.editors.finish(commit)

    # =====================================================================================
    # selection
    # =====================================================================================
    def _on_selection_changed(self) -> None:
        if not self._detached:
            self.selection.changed()

    def current_entity(self) -> Key:
        return self.selection.current

    def selected_ids(self, kind: str) -> list[str]:
        return self.selection.selected_ids(kind)

    def set_selection(self, kind: str, ids: Iterable[str]) -> None:
        self.selection.set_selection(kind, ids)

    def select_items(self, items: Iterable[QGraphicsItem]) -> None:
        self.selection.select_items(items)

    def note_focus(self, kind: str, entity_id: str) -> None:
        if kind == self.FOCUS_KIND:
            self.selection.focus = entity_id
        self.selection.refresh()

    # =====================================================================================
    # gestures (the generic half of GestureHost)
    # =====================================================================================
    def entity_item(self, kind: str, entity_id: str) -> QGraphicsItem | None:
        return self.registry.get(kind, entity_id)

    def entity_at(self, pos: QPointF, kind: str) -> str | None:
        key_of = self.registry.key_of
        for item in self.items(pos):
            key = key_of(item)
            if key is not None and key[0] == kind:
                return key[1]
            if item in self._overlays:
                return None
        return None

    def ids_in(self, rect: QRectF, kind: str) -> set[str]:
        key_of = self.registry.key_of
        return {key[1] for key in map(key_of, self.items(rect)) if key is not None and key[0] == kind}

    def add_feedback(self, item: QGraphicsItem) -> None:
        if item.scene() is not self:
            self.addItem(item)

    def remove_feedback(self, item: QGraphicsItem) -> None:
        if item.scene() is self:
            self.removeItem(item)

    def cancel_gesture(self) -> None:
        """End the gesture in progress without changing the model (Escape, a model change)."""
        gesture, self._gesture = self._gesture, None
        if gesture is not None:
            gesture.cancel()

    # -- connect mode ---------------------------------------------------------------------------
    def set_connect_mode(self, on: bool) -> None:
        """Switch connect mode on or off (off lets go of a waiting source)."""
        if self._detached or on == self.connecting.enabled:
            return
        self.cancel_gesture()
        self.connecting.set_enabled(on)
        self.connect_mode_changed(on)

    def connect_mode(self) -> bool:
        return self.connecting.enabled

    def is_interacting(self) -> bool:
        """True while a gesture (drag, connect, rubber band, resize) holds the mouse."""
        return self._gesture is not None

    def continue_interaction(self, pos: QPointF) -> None:
        """Feed the pointer's scene position to the gesture (the view calls this while it
        scrolls by itself near its edges, so a drag can reach any part of a big diagram)."""
        if self._gesture is not None:
            self._gesture.move(pos)

    # =====================================================================================
    # mouse and keys
    # =====================================================================================
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self.flush()
        hit = self.hit(event.scenePos())
        if self.editors.editor is not None and hit is not self.editors.editor:
            self.finish_editing(True)
            self.flush()
            hit = self.hit(event.scenePos())
        if isinstance(hit, InlineEditor) or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.cancel_gesture()
        key = self.registry.key_of(hit) if hit is not None else None
        node = key[1] if key is not None and key[0] == self.connecting.kind else None
        self._pressed_at = self.selection.moment
        self._gesture = self.connecting.press(hit, node, event) or self.start_gesture(hit, event)
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._gesture is not None:
            self._gesture.move(event.scenePos())
            event.accept()
            return
        self.connecting.hover(event.scenePos())
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        gesture, self._gesture = self._gesture, None
        if gesture is not None:
            gesture.release(event.scenePos())
            if isinstance(gesture, RubberBand):  # its cards were picked together
                self.selection.as_one_moment(self._pressed_at)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self.cancel_gesture()
        self.connecting.release_source()  # a double-click edits or adds; it picks no source
        self.flush()
        pos = event.scenePos()
        hit = self.hit(pos)
        if isinstance(hit, InlineEditor) or event.button() != Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)
            return
        self.double_click(hit, pos)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self.editors.editor is None:
            if event.key() == Qt.Key.Key_Escape:
                if self._gesture is not None:
                    self.cancel_gesture()
                elif self.connecting.source is not None:
                    self.connecting.release_source()  # the mode stays on for the next arrow
                else:
                    self.clearSelection()
                event.accept()
                return
            if self.key_pressed(event):
                event.accept()
                return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        if self.editors.editor is not None:
            super().contextMenuEvent(event)
            return
        self.flush()
        pos = event.scenePos()
        menu = self.context_menu(self.hit(pos), pos)
        if menu is not None and not menu.isEmpty():
            menu.exec(event.screenPos())
        event.accept()

    # =====================================================================================
    # teardown
    # =====================================================================================
    @property
    def detached(self) -> bool:
        """True once `detach` ran: the scene follows nothing and holds no items."""
        return self._detached

    def detach(self) -> None:
        """Stop following the model and drop every item; call before deleting the scene."""
        if self._detached:
            return
        self.cancel_gesture()
        self.connecting.set_enabled(False)
        self.editors.finish(False)
        self._detached = True
        self._timer.stop()
        self._unsubscribe()
        for connection in self._connections:
            QObject.disconnect(connection)
        self._connections = []
        self.registry.clear()
        self._overlays.clear()
        self.editors.close()
        self.clear()

"""Selection on a diagram: which entities are selected, and the one entity the inspector
shows (the "current" entity). Selecting never changes the model.

The tracker reads Qt's selection through the scene's item registry, so it knows entities
by kind and id, never by item class. One kind may be the focus kind (the blueprint's
cards): within a multi-selection of it, the item the user last clicked is the current one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from .registry import ItemRegistry, Key

# Puts selected ids of a kind in the diagram's reading order (they arrive in Qt's order).
Ordering = Callable[[str, list[str]], list[str]]


class SelectionTracker:
    """Follows a scene's selection; announces the current entity when it changes."""

    def __init__(self, scene: QGraphicsScene, registry: ItemRegistry, home: Key, focus_kind: str,
                 announce: Callable[[str, str], None], order: Ordering | None = None) -> None:
        self._scene = scene
        self._registry = registry
        self._home = home  # current when nothing is selected (the blueprint: its map)
        self._focus_kind = focus_kind
        self._announce = announce
        self._order = order
        self.current: Key = home
        self.focus: str | None = None  # id of the focus kind's item the user last clicked
        self._picked: dict[Key, int] = {}  # selected entities -> when they became selected
        self._tick = 0
        self._bulk = 0
        self._stale = False

    # -- following Qt's selection ---------------------------------------------------------
    @contextmanager
    def bulk(self) -> Iterator[None]:
        """Select or deselect many items: the current entity is worked out once, after."""
        self._bulk += 1
        try:
            yield
        finally:
            self._bulk -= 1

    def changed(self) -> None:
        """Qt's selectionChanged (ignored inside `bulk`)."""
        if not self._bulk:
            self.refresh()

    def mark_stale(self) -> None:
        """Selected items went away inside `bulk`: refresh on the next `refresh_if_stale`."""
        self._stale = True

    def refresh_if_stale(self) -> None:
        if self._stale:
            self._stale = False
            self.refresh()

    def refresh(self) -> None:
        current = self._home
        keys = self._selected_keys()
        self._note_order(keys)
        focused = [entity_id for kind, entity_id in keys if kind == self._focus_kind]
        if focused:
            current = (self._focus_kind, self.focus if self.focus in focused else focused[0])
        elif keys:
            current = keys[0]
        if current != self.current:
            self.current = current
            self._announce(*current)

    def _note_order(self, keys: list[Key]) -> None:
        """Remember when each selected entity joined the selection (for `in_selection_order`)."""
        picked = self._picked
        if len(picked) == len(keys) and all(key in picked for key in keys):
            return
        self._tick += 1
        now = set(keys)
        self._picked = {key: tick for key, tick in picked.items() if key in now}
        for key in keys:
            self._picked.setdefault(key, self._tick)

    @property
    def moment(self) -> int:
        """A mark of the selection's history (see `as_one_moment`)."""
        return self._tick

    def as_one_moment(self, since: int) -> None:
        """What joined the selection after `since` counts as selected at one moment (a
        rubber band reaches its cards one by one, but the user picked them together)."""
        self._note_order(self._selected_keys())
        self._tick += 1
        for key, tick in self._picked.items():
            if tick > since:
                self._picked[key] = self._tick

    def in_selection_order(self, kind: str) -> list[str]:
        """The selected entities of a kind in the order they were selected (Ctrl+click after
        click); those selected at the same moment (a rubber band, Select All) in reading order."""
        self._note_order(self._selected_keys())
        ids = self.selected_ids(kind)
        return sorted(ids, key=lambda entity_id: self._picked.get((kind, entity_id), self._tick))

    def forget(self, kind: str, entity_id: str) -> None:
        """An entity's item is gone: it can no longer be the focus."""
        if kind == self._focus_kind and self.focus == entity_id:
            self.focus = None

    # -- reading and setting ---------------------------------------------------------------
    def _selected_keys(self) -> list[Key]:
        key_of = self._registry.key_of
        return [key for key in map(key_of, self._scene.selectedItems()) if key is not None]

    def selected_ids(self, kind: str) -> list[str]:
        ids = [entity_id for key_kind, entity_id in self._selected_keys() if key_kind == kind]
        if ids and self._order is not None:
            return self._order(kind, ids)
        return ids

    def set_selection(self, kind: str, ids: Iterable[str]) -> None:
        """Exactly these entities of one kind are selected (everything else is not)."""
        wanted = set(ids)
        key_of = self._registry.key_of
        with self.bulk():
            for item in self._scene.selectedItems():
                key = key_of(item)
                if key is None or key[0] != kind or key[1] not in wanted:
                    item.setSelected(False)
            items = self._registry.of(kind)
            for entity_id in wanted:
                item = items.get(entity_id)
                if item is not None and not item.isSelected():
                    item.setSelected(True)
        self.refresh()

    def select_items(self, items: Iterable[QGraphicsItem]) -> None:
        """Exactly these items are selected (none: a cleared selection)."""
        with self.bulk():
            self._scene.clearSelection()
            for item in items:
                item.setSelected(True)
        self.refresh()

"""The items of a diagram that draw entities of the model, kept per kind.

A diagram scene registers every item that stands for an entity under the entity's kind
name ("card", "stage", ...) and id; look-ups go both ways (kind and id -> item, item ->
kind and id), so selection, hit tests and gestures need no isinstance checks on item
classes. Pure bookkeeping: adding to or removing from the Qt scene is the scene's job.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QGraphicsItem

Key = tuple[str, str]  # (kind name, entity id)


class ItemRegistry:
    """kind name -> {entity id: item}, and item -> (kind name, entity id)."""

    def __init__(self, kinds: Iterable[str]) -> None:
        self._items: dict[str, dict[str, QGraphicsItem]] = {kind: {} for kind in kinds}
        self._keys: dict[QGraphicsItem, Key] = {}

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(self._items)

    def add(self, kind: str, entity_id: str, item: QGraphicsItem) -> None:
        old = self._items[kind].get(entity_id)
        if old is not None:
            self._keys.pop(old, None)
        self._items[kind][entity_id] = item
        self._keys[item] = (kind, entity_id)

    def pop(self, kind: str, entity_id: str) -> QGraphicsItem | None:
        item = self._items[kind].pop(entity_id, None)
        if item is not None:
            self._keys.pop(item, None)
        return item

    def get(self, kind: str, entity_id: str) -> QGraphicsItem | None:
        return self._items[kind].get(entity_id)

    def item(self, kind: str, entity_id: str) -> QGraphicsItem:
        """The item of an entity; KeyError when none is drawn."""
        return self._items[kind][entity_id]

    def of(self, kind: str) -> dict[str, QGraphicsItem]:
        """The live id -> item map of one kind (copy it before handing it out)."""
        return self._items[kind]

    def key_of(self, item: QGraphicsItem) -> Key | None:
        return self._keys.get(item)

    def clear(self) -> None:
        for items in self._items.values():
            items.clear()
        self._keys.clear()

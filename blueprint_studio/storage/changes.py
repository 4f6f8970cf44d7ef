"""Which rows a save must write, learned from the model's events.

The tracker listens to `project.events` and remembers what changed since the last
save; `project_file` turns that into the few INSERT/UPDATE/DELETE statements needed.
"""

from __future__ import annotations

from collections.abc import Callable

from blueprint_studio.model import ModelEvent, Project

Key = tuple[str, str]  # (map_id, entity id)


class ChangeTracker:
    def __init__(self, project: Project) -> None:
        self._unsubscribe: Callable[[], None] | None = project.events.subscribe(self._on_event)
        self.clear()

    def clear(self) -> None:
        self.everything = False  # an event we do not understand: rewrite the whole file
        self.info = False
        self.map_order = False  # maps added, removed or moved: rewrite their positions
        self.maps: set[str] = set()  # map rows whose own fields changed
        self.replaced_maps: set[str] = set()  # maps added or removed as a whole
        self.axis_order: set[tuple[str, str]] = set()  # (axis, map_id) whose order changed
        self.rows: dict[str, set[Key]] = {"stage": set(), "lane": set(), "card": set(),
                                          "connector": set()}

    @property
    def dirty(self) -> bool:
        return (self.everything or self.info or self.map_order or bool(self.maps)
                or bool(self.replaced_maps) or bool(self.axis_order)
                or any(self.rows.values()))

    def detach(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def _on_event(self, event: ModelEvent) -> None:
        entity, action = event.entity, event.action
        if entity == "project" and action == "updated":
            self.info = True
        elif entity == "map" and event.map_id is not None:
            if action == "updated":
                self.maps.add(event.entity_id)
            elif action == "moved":
                self.map_order = True
            elif action in ("added", "removed"):
                self.replaced_maps.add(event.entity_id)
                self.map_order = True
            else:
                self.everything = True
        elif entity in self.rows and event.map_id is not None:
            self.rows[entity].add((event.map_id, event.entity_id))
            if entity in ("stage", "lane") and action in ("added", "removed", "moved"):
                self.axis_order.add((entity, event.map_id))
        else:
            self.everything = True

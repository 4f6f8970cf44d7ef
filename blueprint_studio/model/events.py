"""A tiny observer so that views, storage and tests can follow the model without Qt."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# entity: "project" | "map" | "stage" | "lane" | "card" | "connector"
# action: "added" | "removed" | "updated" | "moved"


@dataclass(frozen=True, slots=True)
class ModelEvent:
    entity: str
    action: str
    entity_id: str
    map_id: str | None = None
    fields: tuple[str, ...] = ()


Listener = Callable[[ModelEvent], None]


class EventHub:
    """Listeners are called in subscription order after each elementary change."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def emit(self, event: ModelEvent) -> None:
        for listener in list(self._listeners):
            listener(event)

"""Change sets: what one whole edit changed, announced once, after it succeeded.

Operations record each elementary change (`ModelEvent`) while they run. The outermost
operation of an edit (a `Batch` included) opens the edit; when it returns, the project
announces one `ChangeSet` to its listeners. An edit that fails is rolled back by the
operation itself and announces nothing, so listeners never see half an edit. A listener
that raises is reported through `logging` and the others still hear the change: the
model is already whole by then, so no listener can leave it half-changed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

_log = logging.getLogger(__name__)

# entity: "project" | a kind's name ("map", "stage", "lane", "card", "connector", ...)
# action: "added" | "removed" | "updated" | "moved"


@dataclass(frozen=True, slots=True)
class ModelEvent:
    entity: str
    action: str
    entity_id: str
    map_id: str | None = None  # the map it belongs to (a map's own id for map events)
    fields: tuple[str, ...] = ()
    scope: tuple[str, ...] = ()  # the ids of its parents, from the project down


@dataclass(frozen=True)
class ChangeSet:
    """Everything one edit changed, in the order it happened."""

    events: tuple[ModelEvent, ...] = field(default_factory=tuple)

    def __iter__(self) -> Iterator[ModelEvent]:
        return iter(self.events)

    def __len__(self) -> int:
        return len(self.events)

    def __bool__(self) -> bool:
        return bool(self.events)

    def of(self, entity: str) -> list[ModelEvent]:
        return [event for event in self.events if event.entity == entity]

    def touches(self, entity: str, entity_id: str | None = None) -> bool:
        return any(event.entity == entity and (entity_id is None or event.entity_id == entity_id)
                   for event in self.events)

    @property
    def map_ids(self) -> set[str]:
        return {event.map_id for event in self.events if event.map_id is not None}


Listener = Callable[[ChangeSet], None]


class EventHub:
    """Collects the events of the edit in progress and announces them as one ChangeSet."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._pending: list[ModelEvent] = []
        self._depth = 0

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    @property
    def editing(self) -> bool:
        return self._depth > 0

    @contextmanager
    def edit(self) -> Iterator[None]:
        """Group what runs inside into one edit; the outermost one announces it."""
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self._pending.clear()  # rolled back: nothing to announce
            raise
        self._depth -= 1
        if self._depth == 0 and self._pending:
            changes = ChangeSet(tuple(self._pending))
            self._pending = []
            self.announce(changes)

    def record(self, event: ModelEvent) -> None:
        if self._depth == 0:  # a change made outside an edit is an edit of its own
            self.announce(ChangeSet((event,)))
        else:
            self._pending.append(event)

    def announce(self, changes: ChangeSet) -> None:
        for listener in list(self._listeners):
            try:
                listener(changes)
            except Exception:  # noqa: BLE001 - one broken view must not silence the others
                _log.exception("A listener failed while following a change")

"""Which rows a save must write, learned from the project's change sets.

Keyed by kind, scope and id, so an edit of any kind of entity is written incrementally;
"order changed" is kept per kind and scope for kinds whose list position is stored.
`store` turns this into the few INSERT / UPDATE / DELETE statements a save needs.
"""

from __future__ import annotations

from collections.abc import Callable

from blueprint_studio.model import Project
from blueprint_studio.model.events import ChangeSet
from blueprint_studio.model.kinds import KINDS, PROJECT, Scope

Key = tuple[Scope, str]  # (scope, entity id)


class ChangeTracker:
    def __init__(self, project: Project) -> None:
        self._unsubscribe: Callable[[], None] | None = project.events.subscribe(self._on_changes)
        self.clear()

    def clear(self) -> None:
        self.everything = False  # a change we do not understand: rewrite every row
        self.info = False
        self.rows: dict[str, set[Key]] = {name: set() for name in KINDS}
        self.added: dict[str, set[Key]] = {name: set() for name in KINDS}  # subtree rewritten
        self.order: set[tuple[str, Scope]] = set()  # (kind, scope) whose positions moved

    @property
    def dirty(self) -> bool:
        return self.everything or self.info or bool(self.order) or any(self.rows.values())

    def detach(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def _on_changes(self, changes: ChangeSet) -> None:
        for event in changes:
            if event.entity == PROJECT:
                self.info = True
                continue
            kind = KINDS.get(event.entity)
            if kind is None:
                self.everything = True
                continue
            key = (event.scope, event.entity_id)
            self.rows[kind.name].add(key)
            if event.action == "added":
                self.added[kind.name].add(key)
            if kind.ordered and event.action in ("added", "removed", "moved"):
                self.order.add((kind.name, event.scope))

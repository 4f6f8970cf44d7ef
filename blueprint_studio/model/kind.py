"""The description of a kind of entity (`Kind`) and the registry of every kind (`KINDS`).

A `Kind` names its dataclass, its fields (`fields.Field`), the scope it lives in (the
project, or a parent kind), whether it is ordered, what it keeps unique, and its limits.
The kinds themselves are declared by each workshop area (`kinds` for the blueprint,
`screening` for concept screening) and registered in `KINDS`, parents before children.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter
from typing import Any

from . import fields as f
from .errors import ModelError, Phrase

Scope = tuple[str, ...]
PROJECT = "project"

# Every kind, parents before children; filled by model.kinds when the model is imported.
KINDS: dict[str, "Kind"] = {}


@dataclass(frozen=True)
class Kind:
    name: str  # "card": used in events, change sets and the stored state
    label: str  # English, for messages: "card"
    cls: type
    fields: tuple[f.Field, ...]
    parent: str  # PROJECT or the name of the kind that contains it
    attribute: str  # the parent's attribute holding the entities: a list if ordered, else a dict
    table: str
    json_section: str  # the key of the list in the parent's JSON object
    ordered: bool = False  # position in the parent's list is meaningful (and stored)
    group_by: tuple[str, ...] = ()  # ordered within groups of these fields, by the "order" field
    unique_together: tuple[str, ...] = ()  # no two entities of a scope share these values
    distinct: tuple[str, ...] = ()  # these fields must differ from each other (no self-arrows)
    unique_message: str = "This {kind} is already there"  # when unique_together repeats
    distinct_message: str = "The {kind} cannot point at the same entity twice"
    keep_at_least: int = 0  # removing the last ones of a parent is refused
    at_most: int | None = None  # a parent holds no more than this many (model.limits)
    at_most_in_project: int | None = None  # nor the whole project
    json_sort: Callable[[Any], list[Any]] | None = None  # listing order of a dict container
    rule: Callable[[Any, Any], None] | None = None  # (parent, entity): a rule across
    # entities that fields cannot state (a voter's dots within the budget); raises ModelError
    rule_is_own: bool = False  # the rule looks at the entity alone (an answer within its
    # question's scale): checked on every entity of a loaded or imported project too
    since: int = 1  # the JSON format version that introduced it (an empty section of a
    # later kind is left out, so files without it stay readable by older versions)

    # -- fields ---------------------------------------------------------------------
    def field(self, name: str) -> f.Field:
        for candidate in self.fields:
            if candidate.name == name:
                return candidate
        raise ModelError("The {kind} has no field {name}", kind=Phrase(self.label), name=name)

    @cached_property
    def editable(self) -> tuple[str, ...]:
        return tuple(fd.name for fd in self.fields if fd.editable)

    @cached_property
    def refs(self) -> tuple[f.Field, ...]:
        return tuple(fd for fd in self.fields if fd.type == "ref")

    @cached_property
    def group_key(self) -> Callable[[Any], tuple[Any, ...]]:
        """The entity's group as a tuple (its cell, for a card)."""
        if not self.group_by:
            return lambda _entity: ()
        getter = attrgetter(*self.group_by)
        return getter if len(self.group_by) > 1 else (lambda entity: (getter(entity),))

    @cached_property
    def unique_key(self) -> Callable[[Any], tuple[Any, ...]]:
        getter = attrgetter(*self.unique_together)
        return getter if len(self.unique_together) > 1 else (lambda entity: (getter(entity),))

    @cached_property
    def order_key(self) -> Callable[[Any], Any]:
        assert self.order_field is not None
        return attrgetter(self.order_field.name)

    @cached_property
    def order_field(self) -> f.Field | None:
        return next((fd for fd in self.fields if fd.type == "order"), None)

    def check_field(self, name: str, value: Any) -> Any:
        """The normalised value of an editable field, or ModelError."""
        spec = self.field(name)
        if not spec.editable:
            raise ModelError("The {kind}'s {field} cannot be changed this way",
                             kind=Phrase(self.label), field=Phrase(spec.label))
        return spec.check(value)

    def check_entity(self, entity: Any) -> None:
        """Normalise every described field of `entity` in place (all of them, refs too)."""
        for spec in self.fields:
            setattr(entity, spec.name, spec.check(getattr(entity, spec.name)))

    def default(self, name: str) -> Any:
        """The dataclass's default for a field (None where it has none, as for refs)."""
        return self._defaults.get(name)

    @cached_property
    def _defaults(self) -> dict[str, Any]:
        return {d.name: d.default for d in dataclasses.fields(self.cls)
                if d.default is not dataclasses.MISSING}

    # -- where the entities live ------------------------------------------------------
    def container(self, parent: Any) -> list[Any] | dict[str, Any]:
        return getattr(parent, self.attribute)

    def entities(self, parent: Any) -> list[Any]:
        """The entities of one parent in their stored order."""
        held = self.container(parent)
        if isinstance(held, list):
            return list(held)
        return self.json_sort(parent) if self.json_sort is not None else list(held.values())

    @property
    def depth(self) -> int:
        return 0 if self.parent == PROJECT else KINDS[self.parent].depth + 1

    @property
    def scope_columns(self) -> tuple[str, ...]:
        """The columns that hold the scope: the ids of the parent kinds, outermost first."""
        if self.parent == PROJECT:
            return ()
        parent = KINDS[self.parent]
        return (*parent.scope_columns, f"{parent.name}_id")

"""Checks of the model's invariants, derived from the kinds' descriptions.

Used after loading or importing, for entities that arrive with children (a whole map
added at once), and by tests. Every field value must pass its check, ids are unique per
kind within their parent, refs point at entities of the same scope, entities ordered by
group are numbered 0..n-1, and what a kind keeps unique or distinct is so.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .entities import ModelError, Project, ServiceMap
from .errors import LimitError, Phrase
from .kinds import KINDS, MAP, PROJECT, Kind, children_of, count_in_project, group_of, over_limit


def check_children(parent_kind: Kind | None, parent: Any, values: bool = True) -> None:
    """Raise ModelError with a readable sentence if anything under `parent` is invalid.

    `values=False` skips the field checks, for callers that checked every value already
    (the project file's reader)."""
    kind_name = PROJECT if parent_kind is None else parent_kind.name
    ids_of: dict[str, set[str]] = {}
    for kind in children_of(kind_name):
        label = Phrase(kind.label)
        held = kind.container(parent)
        entities = list(held.values()) if isinstance(held, dict) else list(held)
        if isinstance(held, dict) and any(key != entity.id for key, entity in held.items()):
            raise ModelError("The {kind} is filed under the wrong id", kind=label)
        ids = [entity.id for entity in entities]
        if len(set(ids)) != len(ids):
            raise ModelError("Two {kind} entries have the same id", kind=label)
        ids_of[kind.name] = set(ids)
        if kind.at_most is not None and len(ids) > kind.at_most:
            raise over_limit(kind)
        groups: dict[tuple[Any, ...], list[int]] = defaultdict(list)
        unique: set[tuple[Any, ...]] = set()
        for entity in entities:
            for spec in kind.fields if values else ():
                try:
                    spec.check(getattr(entity, spec.name))
                except LimitError:
                    raise
                except ModelError as error:
                    raise ModelError("The {kind} has an invalid value: {problem}", kind=label,
                                     problem=error.message()) from None
            for spec in kind.refs:
                if getattr(entity, spec.name) not in ids_of.get(spec.references, set()):
                    raise ModelError("The {kind} points at a missing {target}",
                                     kind=label, target=Phrase(KINDS[spec.references].label))
            if kind.distinct and len({getattr(entity, n) for n in kind.distinct}) < len(kind.distinct):
                raise ModelError("An arrow leads from a card to itself")
            if kind.rule_is_own:
                kind.rule(parent, entity)  # type: ignore[misc]
            if kind.unique_together:
                joined = tuple(getattr(entity, n) for n in kind.unique_together)
                if joined in unique:
                    if kind.name == "connector":
                        raise ModelError("Two arrows join the same cards")
                    raise ModelError(kind.unique_message, kind=label)
                unique.add(joined)
            if kind.group_by:
                groups[group_of(kind, entity)].append(getattr(entity, kind.order_field.name))  # type: ignore[union-attr]
        for orders in groups.values():
            if sorted(orders) != list(range(len(orders))):
                raise ModelError("The cards of a cell are not numbered 0, 1, 2, ...")
        for entity in entities:
            if children_of(kind.name):
                check_children(kind, entity, values)


def check_map(service_map: ServiceMap) -> None:
    """Raise ModelError with a readable sentence if the map breaks an invariant."""
    MAP.check_entity(service_map)
    check_children(MAP, service_map)


def check_project(project: Project, values: bool = True) -> None:
    for kind in KINDS.values():
        if kind.at_most_in_project is not None:
            total = count_in_project(project, kind)
            if total > kind.at_most_in_project:
                raise over_limit(kind, project_wide=True)
    check_children(None, project, values)


def normalise_orders(service_map: ServiceMap) -> None:
    """Renumber each cell densely, keeping the relative order (for importers)."""
    cells: dict[tuple[str, str], list] = defaultdict(list)
    for card in service_map.cards.values():
        cells[(card.stage_id, card.lane_id)].append(card)
    for cards in cells.values():
        cards.sort(key=lambda c: c.order)
        for position, card in enumerate(cards):
            card.order = position

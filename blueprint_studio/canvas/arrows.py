"""The arrows' routes, kept in step with the layout: which arrows touch which card, which
routes are stale, and the router of the current layout (`routing.Router`). While cards are
dragged their arrows follow with a quick route; a relayout routes them properly again."""

from __future__ import annotations

from collections.abc import Iterable

from ..model.entities import ServiceMap
from .diagram.registry import ItemRegistry
from .layout import MapLayout
from .routing import Router, simple_route

# Above this many arrows, a relayout re-routes only the arrows whose cards moved.
_FULL_REROUTE_LIMIT = 800


class ArrowRoutes:
    """Routes the "connector" items of a registry between its "card" items."""

    def __init__(self, registry: ItemRegistry) -> None:
        self._cards = registry.of("card")
        self._connectors = registry.of("connector")
        self._router: Router | None = None
        self._links: dict[str, set[str]] = {}   # card id -> ids of the arrows touching it
        self._stale: set[str] = set()           # arrows whose route must be worked out again

    @property
    def stale(self) -> bool:
        return bool(self._stale)

    def link(self, connector_id: str, source_id: str, target_id: str) -> None:
        for card_id in (source_id, target_id):
            self._links.setdefault(card_id, set()).add(connector_id)
        self._stale.add(connector_id)

    def unlink(self, connector_id: str, source_id: str, target_id: str) -> None:
        for card_id in (source_id, target_id):
            self._links.get(card_id, set()).discard(connector_id)
        self._stale.discard(connector_id)

    def card_removed(self, card_id: str) -> None:
        self._links.pop(card_id, None)

    def mark(self, connector_id: str) -> None:
        self._stale.add(connector_id)

    def relayout(self, layout: MapLayout, service_map: ServiceMap, moved: set[str]) -> None:
        """A new layout: a new router; the routes of the cards that moved go stale (all of
        them on maps small enough to route whole)."""
        cells = {c.id: (c.stage_id, c.lane_id) for c in service_map.cards.values()}
        self._router = Router.for_layout(layout, cells)
        if len(self._connectors) <= _FULL_REROUTE_LIMIT:
            self._stale.update(self._connectors)
        else:
            self._stale.update(self._arrows_of(moved))

    def route_stale(self, layout: MapLayout) -> None:
        self._route(self._stale, layout)
        self._stale = set()

    def route_cards(self, card_ids: Iterable[str], layout: MapLayout) -> None:
        """Route again the arrows of these cards (after a cancelled or refused drag)."""
        self._route(self._arrows_of(card_ids), layout)

    def follow(self, card_ids: Iterable[str]) -> None:
        """Cards are being dragged: their arrows follow with a quick route."""
        for connector_id in self._arrows_of(card_ids):
            item = self._connectors.get(connector_id)
            if item is None:
                continue
            source, target = self._cards.get(item.source_id), self._cards.get(item.target_id)
            if source is not None and target is not None:
                item.set_points(simple_route(source.rect(), target.rect()))

    def clear(self) -> None:
        self._links.clear()
        self._stale.clear()
        self._router = None

    def _arrows_of(self, card_ids: Iterable[str]) -> set[str]:
        arrows: set[str] = set()
        for card_id in card_ids:
            arrows.update(self._links.get(card_id, ()))
        return arrows

    def _route(self, connector_ids: Iterable[str], layout: MapLayout) -> None:
        router = self._router
        if router is None:
            return
        for connector_id in connector_ids:
            item = self._connectors.get(connector_id)
            if item is None:
                continue
            if item.source_id in layout.card_rects and item.target_id in layout.card_rects:
                item.set_points(router.route(connector_id, item.source_id, item.target_id))

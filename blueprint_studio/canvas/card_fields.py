"""What the keyboard sets on the selected cards without opening the inspector: the emotion
score (−2 … +2, or none), the moment-of-truth and fail-point flags, the card's kind; and an
arrow between the two selected cards.

Each command is one undo step over every selected card (an in-place edit still open is
committed first). A flag is switched on for all of them unless all have it already, then
off for all; the kind becomes the one after the current card's kind (the card the user
clicked last) for all of them, so a mixed selection ends up of one kind. A command that
would change nothing records nothing. Refusals are one sentence in the status bar.
"""

from __future__ import annotations

from .. import appearance
from ..i18n import mark, tr
from ..i18n.labels import card_kind_name
from ..model import operations as ops
from ..model.entities import Card
from ..model.enums import CardKind
from .map_host import MapHost

FLAG_TEXTS = {
    "moment_of_truth": (mark("Mark moment of truth"), mark("Unmark moment of truth")),
    "fail_point": (mark("Mark fail point"), mark("Unmark fail point")),
}
NOT_TWO = mark("Select exactly two cards to connect them: the arrow goes from the one selected first.")
KIND_ORDER: tuple[CardKind, ...] = tuple(CardKind)


class CardFields:
    """Field shortcuts on one map's selected cards (through the scene's public members)."""

    def __init__(self, scene: MapHost) -> None:
        self._scene = scene

    def _selected_cards(self) -> list[Card]:
        scene = self._scene
        scene.editors.finish(True)  # text being typed is its own step, first
        scene.flush()
        cards = [scene.map.cards[i] for i in scene.selected_card_ids() if i in scene.map.cards]
        if not cards:
            scene.statusMessage.emit(tr("Select one or more cards first."))
        return cards

    def _update(self, cards: list[Card], changes: dict, text: str) -> bool:
        scene = self._scene
        operations = [ops.UpdateCard(scene.map_id, card.id, changes) for card in cards
                      if any(getattr(card, name) != value for name, value in changes.items())]
        if not operations:
            return False
        return scene.push(ops.Batch(operations), text)

    def set_emotion(self, value: int | None) -> bool:
        """The emotion score of the selected cards (None: no score)."""
        cards = self._selected_cards()
        if not cards:
            return False
        text = (tr("Clear emotion") if value is None
                else tr("Set emotion to {value}").format(value=appearance.EMOTION_FACES[value]))
        return self._update(cards, {"emotion": value}, text)

    def toggle(self, flag: str) -> bool:
        """Moment of truth or fail point: on for all unless all have it, then off for all."""
        cards = self._selected_cards()
        if not cards:
            return False
        on = not all(getattr(card, flag) for card in cards)
        mark, unmark = FLAG_TEXTS[flag]
        return self._update(cards, {flag: on}, tr(mark if on else unmark))

    def cycle_kind(self, step: int = 1) -> bool:
        """The kind after (step −1: before) the current card's, for every selected card."""
        cards = self._selected_cards()
        if not cards:
            return False
        focus = self._scene.selection.focus
        current = next((card for card in cards if card.id == focus), cards[0])
        kind = KIND_ORDER[(KIND_ORDER.index(current.kind) + step) % len(KIND_ORDER)]
        return self._update(cards, {"kind": kind},
                            tr("Change card kind to {kind}").format(kind=card_kind_name(kind)))

    def connect_selected(self) -> str:
        """An arrow from the first selected card to the second (in the order they were
        selected; selected together, in reading order). Exactly two cards must be selected;
        a duplicate arrow is refused by the model, in its own words."""
        scene = self._scene
        scene.editors.finish(True)
        scene.flush()
        ids = scene.selection.in_selection_order("card")
        if len(ids) != 2:
            scene.statusMessage.emit(tr(NOT_TWO))
            return ""
        return scene.connect_cards(ids[0], ids[1])

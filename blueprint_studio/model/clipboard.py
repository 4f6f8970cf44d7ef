"""Copy and paste of cards, between maps, windows and projects (pure Python, no Qt).

`serialise` turns selected cards and the arrows between them into JSON; `parse` reads it
back, refusing anything malformed with one clear sentence; `paste_operations` builds one
undoable `Batch` that adds copies with fresh UUIDs to a target map. Each card goes to the
stage and lane with the same id (pasting into the map it came from), else the same name
(another map or project), else the target cell the user chose.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .entities import Card, Connector, ModelError, ServiceMap
from .kinds import CARD, CONNECTOR
from .enums import LaneKind
from .ids import new_id
from .operations import AddCard, AddConnector, Batch

# What a copied card carries: every field the user edits (not its cell or order).
CARD_EDITABLE_FIELDS = CARD.editable
FORMAT = "blueprint-studio-cards"
VERSION = 1
MAX_CARDS = 10_000


@dataclass(slots=True)
class ClipCard:
    key: str                    # the card's id in the source map (only used to join arrows)
    stage_id: str
    stage_name: str
    lane_id: str
    lane_name: str
    lane_kind: LaneKind
    fields: dict[str, Any]      # the editable fields, already checked


@dataclass(slots=True)
class ClipConnector:
    source_key: str
    target_key: str
    label: str


@dataclass(slots=True)
class ClipboardContent:
    cards: list[ClipCard] = field(default_factory=list)
    connectors: list[ClipConnector] = field(default_factory=list)
    source_map_id: str = ""

    def plain_text(self) -> str:
        """The card texts, one paragraph each, for pasting into other programs."""
        return "\n".join(str(c.fields.get("text", "")) for c in self.cards)


def _field_value(value: Any) -> Any:
    return value.value if hasattr(value, "value") else value


def serialise(service_map: ServiceMap, card_ids: list[str]) -> str:
    """JSON for the given cards (reading order) and the arrows among them."""
    wanted = set(card_ids)
    cards = [c for c in service_map.cards_in_reading_order() if c.id in wanted]
    stage_names = {s.id: s.name for s in service_map.stages}
    lanes = {lane.id: lane for lane in service_map.lanes}
    payload = {
        "format": FORMAT,
        "version": VERSION,
        "source_map_id": service_map.id,
        "cards": [
            {
                "key": card.id,
                "stage_id": card.stage_id,
                "stage_name": stage_names.get(card.stage_id, ""),
                "lane_id": card.lane_id,
                "lane_name": lanes[card.lane_id].name if card.lane_id in lanes else "",
                "lane_kind": lanes[card.lane_id].kind.value if card.lane_id in lanes else "custom",
                **{name: _field_value(getattr(card, name)) for name in CARD_EDITABLE_FIELDS},
            }
            for card in cards
        ],
        "connectors": [
            {"source": c.source_id, "target": c.target_id, "label": c.label}
            for c in service_map.connectors.values()
            if c.source_id in wanted and c.target_id in wanted
        ],
    }
    return json.dumps(payload, ensure_ascii=False)


def _text(entry: dict, name: str) -> str:
    value = entry.get(name, "")
    if not isinstance(value, str):
        raise ModelError("The clipboard holds cards in a form this version cannot read")
    return value


def parse(data: str | bytes) -> ClipboardContent:
    """Read clipboard JSON; raise ModelError with a readable sentence if it is not ours."""
    try:
        payload = json.loads(data)
    except (ValueError, UnicodeDecodeError) as error:
        raise ModelError("The clipboard does not hold Blueprint Studio cards") from error
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ModelError("The clipboard does not hold Blueprint Studio cards")
    version = payload.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise ModelError("These cards were copied from a newer Blueprint Studio; please update")
    raw_cards = payload.get("cards", [])
    raw_connectors = payload.get("connectors", [])
    if not isinstance(raw_cards, list) or not isinstance(raw_connectors, list):
        raise ModelError("The clipboard holds cards in a form this version cannot read")
    if len(raw_cards) > MAX_CARDS:
        raise ModelError("Cannot paste more than 10,000 cards at once")
    content = ClipboardContent(source_map_id=str(payload.get("source_map_id", "")))
    keys: set[str] = set()
    for entry in raw_cards:
        if not isinstance(entry, dict):
            raise ModelError("The clipboard holds cards in a form this version cannot read")
        try:
            fields = {name: CARD.check_field(name, entry[name])
                      for name in CARD_EDITABLE_FIELDS if name in entry}
            lane_kind = LaneKind(entry.get("lane_kind", "custom"))
        except (ValueError, TypeError) as error:  # ModelError is a ValueError
            raise ModelError("A copied card is damaged and cannot be pasted") from error
        key = _text(entry, "key") or new_id()
        keys.add(key)
        content.cards.append(ClipCard(key, _text(entry, "stage_id"), _text(entry, "stage_name"),
                                      _text(entry, "lane_id"), _text(entry, "lane_name"),
                                      lane_kind, fields))
    for entry in raw_connectors:
        if not isinstance(entry, dict):
            continue
        source, target = entry.get("source"), entry.get("target")
        if source in keys and target in keys and source != target:
            label = entry.get("label", "")
            content.connectors.append(ClipConnector(
                source, target, CONNECTOR.check_field("label", label if isinstance(label, str) else "")))
    return content


def _match(items: list, wanted_id: str, wanted_name: str, name_of) -> str | None:
    for item in items:
        if item.id == wanted_id:
            return item.id
    if wanted_name:
        folded = wanted_name.casefold()
        for item in items:
            if name_of(item).casefold() == folded:
                return item.id
    return None


def _lane_for(target: ServiceMap, clip: ClipCard) -> str | None:
    found = _match(target.lanes, clip.lane_id, clip.lane_name, lambda lane: lane.name)
    if found is None and clip.lane_kind is not LaneKind.CUSTOM and not clip.lane_name:
        lane = target.lane_of_kind(clip.lane_kind)  # standard lanes match by kind
        found = lane.id if lane else None
    return found


def _anchored_cells(content: ClipboardContent, target: ServiceMap,
                    anchor: tuple[str, str]) -> list[tuple[str, str]]:
    """Cells for the clipboard's cards when the user chose where to paste: the group's
    top-left card goes into `anchor`, the others keep their stage and lane offsets from it
    (as far as the target map has matching stages and lanes; clamped to its edges)."""
    stage_at = {s.id: i for i, s in enumerate(target.stages)}
    lane_at = {lane.id: i for i, lane in enumerate(target.lanes)}
    found = [(_match(target.stages, clip.stage_id, clip.stage_name, lambda s: s.name),
              _lane_for(target, clip)) for clip in content.cards]
    stage_indexes = [stage_at[s] for s, _ in found if s is not None]
    lane_indexes = [lane_at[lane] for _, lane in found if lane is not None]
    top_stage = min(stage_indexes, default=0)
    top_lane = min(lane_indexes, default=0)
    anchor_stage, anchor_lane = stage_at[anchor[0]], lane_at[anchor[1]]
    cells = []
    for stage_id, lane_id in found:
        si = anchor_stage + (stage_at[stage_id] - top_stage if stage_id is not None else 0)
        li = anchor_lane + (lane_at[lane_id] - top_lane if lane_id is not None else 0)
        si = min(max(si, 0), len(target.stages) - 1)
        li = min(max(li, 0), len(target.lanes) - 1)
        cells.append((target.stages[si].id, target.lanes[li].id))
    return cells


def paste_operations(content: ClipboardContent, target: ServiceMap,
                     target_cell: tuple[str, str] | None = None,
                     anchored: bool = False) -> tuple[Batch, list[str]]:
    """One Batch that adds copies of the clipboard's cards and arrows; and the new card ids.

    Without `anchored`, each card goes to its own stage and lane (by id, then by name), else
    to `target_cell`; with it, the group is placed at `target_cell` (see `_anchored_cells`).
    Raises ModelError when the map has no stage or lane to put the cards in.
    """
    if not target.stages or not target.lanes:
        raise ModelError("Add a stage and a lane before pasting cards")
    fallback_stage, fallback_lane = target_cell or (target.stages[0].id, target.lanes[0].id)
    if not target.has_stage(fallback_stage) or not target.has_lane(fallback_lane):
        fallback_stage, fallback_lane = target.stages[0].id, target.lanes[0].id
        anchored = False
    if anchored and target_cell is not None:
        cells = _anchored_cells(content, target, (fallback_stage, fallback_lane))
    else:
        cells = [(_match(target.stages, clip.stage_id, clip.stage_name, lambda s: s.name) or fallback_stage,
                  _lane_for(target, clip) or fallback_lane) for clip in content.cards]
    next_order: dict[tuple[str, str], int] = {}
    operations: list[Any] = []
    new_ids: dict[str, str] = {}
    for clip, cell in zip(content.cards, cells):
        stage_id, lane_id = cell
        if cell not in next_order:
            next_order[cell] = len(target.cards_in_cell(stage_id, lane_id))
        card = Card(stage_id=stage_id, lane_id=lane_id, order=next_order[cell], **clip.fields)
        next_order[cell] += 1
        new_ids[clip.key] = card.id
        operations.append(AddCard(target.id, card))
    for link in content.connectors:
        operations.append(AddConnector(target.id, Connector(new_ids[link.source_key],
                                                            new_ids[link.target_key], link.label)))
    return Batch(operations), list(new_ids.values())


def cards_from_text(text: str, target: ServiceMap, cell: tuple[str, str],
                    limit: int = 500) -> tuple[Batch, list[str]]:
    """Text from another program becomes cards: one per non-empty line, in the given cell."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line][:limit]
    stage_id, lane_id = cell
    start = len(target.cards_in_cell(stage_id, lane_id))
    cards = [Card(stage_id=stage_id, lane_id=lane_id, order=start + i, text=line)
             for i, line in enumerate(lines)]
    return Batch([AddCard(target.id, card) for card in cards]), [c.id for c in cards]

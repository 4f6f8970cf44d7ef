"""The JSON interchange format: a whole project, lossless, versioned (docs/json-format.md).

Export writes every field of every entity in a fixed order, so export → import → export
gives byte-identical files. Import validates everything (types, vocabularies, ranges,
references, unique ids) and raises `InterchangeError` naming where the problem is.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import Any

from ..i18n import tr
from ..model import (
    Card, Connector, Lane, ModelError, Project, ProjectInfo, ServiceMap, Stage, new_id,
)
from ..model.entities import (
    INFO_EDITABLE_FIELDS, check_card_field, check_connector_field, check_lane_field,
    check_map_field, check_stage_field,
)
from ..model.validate import check_project, normalise_orders
from .errors import InterchangeError
from .files import read_bytes, write_bytes_atomically

FORMAT_NAME = "blueprint-studio"
FORMAT_VERSION = 1
MAX_ID_LENGTH = 200


# -- export ------------------------------------------------------------------------

def _stage_to_dict(stage: Stage) -> dict[str, Any]:
    return {"id": stage.id, "name": stage.name, "description": stage.description,
            "phase": stage.phase, "width": stage.width}


def _lane_to_dict(lane: Lane) -> dict[str, Any]:
    return {"id": lane.id, "kind": lane.kind.value, "name": lane.name, "colour": lane.colour}


def _card_to_dict(card: Card) -> dict[str, Any]:
    return {
        "id": card.id, "stage_id": card.stage_id, "lane_id": card.lane_id, "order": card.order,
        "text": card.text, "kind": card.kind.value,
        "channel": card.channel.value if card.channel is not None else None,
        "emotion": card.emotion, "moment_of_truth": card.moment_of_truth,
        "fail_point": card.fail_point, "wait_minutes": card.wait_minutes,
        "duration_minutes": card.duration_minutes, "owner": card.owner, "notes": card.notes,
        "colour": card.colour,
    }


def _connector_to_dict(connector: Connector) -> dict[str, Any]:
    return {"id": connector.id, "source_id": connector.source_id,
            "target_id": connector.target_id, "label": connector.label}


def _map_to_dict(service_map: ServiceMap) -> dict[str, Any]:
    return {
        "id": service_map.id, "name": service_map.name, "kind": service_map.kind.value,
        "description": service_map.description,
        "show_emotion_curve": service_map.show_emotion_curve,
        "stages": [_stage_to_dict(s) for s in service_map.stages],
        "lanes": [_lane_to_dict(lane) for lane in service_map.lanes],
        # Reading order (stage, lane, order) is unique per card, hence deterministic.
        "cards": [_card_to_dict(c) for c in service_map.cards_in_reading_order()],
        "connectors": [_connector_to_dict(c) for c in service_map.connectors.values()],
    }


def project_to_dict(project: Project) -> dict[str, Any]:
    """The whole project as plain JSON-ready data, wrapped with the format name and version."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "project": {
            "id": project.id,
            "info": {name: getattr(project.info, name) for name in INFO_EDITABLE_FIELDS},
            "maps": [_map_to_dict(m) for m in project.maps],
        },
    }


def dumps_json(project: Project) -> str:
    # ensure_ascii=False keeps Chinese readable; control characters are still escaped.
    return json.dumps(project_to_dict(project), ensure_ascii=False, indent=2,
                      allow_nan=False) + "\n"


def dump_json(project: Project, path: str | os.PathLike[str]) -> None:
    """Write the project as UTF-8 JSON (atomically: never a half-written file)."""
    write_bytes_atomically(path, dumps_json(project).encode("utf-8"))


# -- import ------------------------------------------------------------------------

class _Reader:
    """Validates one level of the document and knows where it is, for error messages."""

    def __init__(self, data: Any, where: str) -> None:
        self.where = where
        if not isinstance(data, dict):
            self.fail(where, tr("expected an object"))
        self.data: dict[str, Any] = data

    @staticmethod
    def fail(where: str, problem: str) -> None:
        raise InterchangeError(
            tr("The project data is not valid at {where}: {problem}.").format(
                where=where or tr("the top level"), problem=problem.rstrip(".")))

    def at(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def value(self, key: str, default: Any = ..., required: bool = False) -> Any:
        if key not in self.data:
            if required or default is ...:
                self.fail(self.where, tr("the field \"{key}\" is missing").format(key=key))
            return default
        return self.data[key]

    def text(self, key: str, required: bool = False) -> str:
        value = self.value(key, "", required)
        if not isinstance(value, str):
            self.fail(self.at(key), tr("expected text"))
        _check_encodable(value, self.at(key))
        return value

    def checked(self, key: str, check: Callable[[str, Any], Any], field: str | None = None,
                default: Any = None) -> Any:
        """A field normalised by the model's own checker (one definition of valid)."""
        value = self.value(key, default)
        if isinstance(value, str):
            _check_encodable(value, self.at(key))
        try:
            return check(field or key, value)
        except (ModelError, ValueError, TypeError, AttributeError) as error:
            self.fail(self.at(key), _reason(error, value))
        return None  # unreachable: fail() raises

    def identifier(self, key: str = "id", fresh_if_missing: bool = False) -> str:
        if key not in self.data and fresh_if_missing:
            return new_id()
        value = self.value(key, required=True)
        if not isinstance(value, str) or not value.strip() or len(value) > MAX_ID_LENGTH:
            self.fail(self.at(key), tr("an id must be non-empty text of at most {n} characters")
                      .format(n=MAX_ID_LENGTH))
        _check_encodable(value, self.at(key))
        return value

    def new_identifier(self, seen: set[str], key: str = "id", fresh_if_missing: bool = False) -> str:
        """An id not yet in `seen` (ids are unique per kind of entity within their map,
        and maps within the project: what the model and the project file require)."""
        identifier = self.identifier(key, fresh_if_missing)
        if identifier in seen:
            self.fail(self.at(key), tr("the id {id} is used twice").format(id=_shown(identifier)))
        seen.add(identifier)
        return identifier

    def items(self, key: str) -> list[tuple[int, Any]]:
        value = self.value(key, [])
        if not isinstance(value, list):
            self.fail(self.at(key), tr("expected a list"))
        return list(enumerate(value))

    def child(self, key: str, index: int | None = None) -> "_Reader":
        data = self.data[key] if index is None else self.data[key][index]
        where = self.at(key) if index is None else f"{self.at(key)}[{index}]"
        return _Reader(data, where)


def _check_encodable(value: str, where: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        _Reader.fail(where, tr("the text contains an invalid character (a lone surrogate)"))


def _shown(value: Any) -> str:
    """A value quoted in a one-line message (JSON escapes newlines and control characters)."""
    return json.dumps(value, ensure_ascii=False)[:60]


def _reason(error: Exception, value: Any) -> str:
    if isinstance(error, ValueError) and not isinstance(error, ModelError):
        return tr("{value} is not an allowed value").format(value=_shown(value))
    return tr(str(error))


def _read_stage(reader: _Reader, seen: set[str]) -> Stage:
    return Stage(
        id=reader.new_identifier(seen),
        name=reader.checked("name", check_stage_field, default=""),
        description=reader.checked("description", check_stage_field, default=""),
        phase=reader.checked("phase", check_stage_field, default=""),
        width=reader.checked("width", check_stage_field, default=None),
    )


def _read_lane(reader: _Reader, seen: set[str]) -> Lane:
    return Lane(
        id=reader.new_identifier(seen),
        kind=reader.checked("kind", check_lane_field, default="custom"),
        name=reader.checked("name", check_lane_field, default=""),
        colour=reader.checked("colour", check_lane_field, default=""),
    )


_CARD_DEFAULTS: dict[str, Any] = {
    "text": "", "kind": "action", "channel": None, "emotion": None, "moment_of_truth": False,
    "fail_point": False, "wait_minutes": None, "duration_minutes": None, "owner": "",
    "notes": "", "colour": "",
}


def _read_card(reader: _Reader, stage_ids: set[str], lane_ids: set[str],
               cell_sizes: dict[tuple[str, str], int], seen: set[str]) -> Card:
    card_id = reader.new_identifier(seen)
    stage_id = reader.identifier("stage_id")
    if stage_id not in stage_ids:
        reader.fail(reader.at("stage_id"), tr("no stage of this map has the id {id}").format(id=_shown(stage_id)))
    lane_id = reader.identifier("lane_id")
    if lane_id not in lane_ids:
        reader.fail(reader.at("lane_id"), tr("no lane of this map has the id {id}").format(id=_shown(lane_id)))
    # A missing order means "after the cards above it in this cell".
    position = cell_sizes.get((stage_id, lane_id), 0)
    cell_sizes[(stage_id, lane_id)] = position + 1
    order = reader.value("order", position)
    if isinstance(order, bool) or not isinstance(order, int) or not 0 <= order <= 1_000_000:
        reader.fail(reader.at("order"), tr("expected a whole number from 0"))
    values: dict[str, Any] = {}
    for name, default in _CARD_DEFAULTS.items():
        if name in ("moment_of_truth", "fail_point"):
            flag = reader.value(name, default)
            if not isinstance(flag, bool):
                reader.fail(reader.at(name), tr("expected true or false"))
            values[name] = flag
        else:
            values[name] = reader.checked(name, check_card_field, default=default)
    return Card(id=card_id, stage_id=stage_id, lane_id=lane_id, order=order, **values)


def _read_connector(reader: _Reader, card_ids: set[str], seen: set[str]) -> Connector:
    connector_id = reader.new_identifier(seen)
    ends = []
    for key in ("source_id", "target_id"):
        card_id = reader.identifier(key)
        if card_id not in card_ids:
            reader.fail(reader.at(key), tr("no card of this map has the id {id}").format(id=_shown(card_id)))
        ends.append(card_id)
    label = reader.checked("label", check_connector_field, default="")
    return Connector(source_id=ends[0], target_id=ends[1], label=label, id=connector_id)


def _read_map(reader: _Reader, map_ids: set[str]) -> ServiceMap:
    service_map = ServiceMap(
        id=reader.new_identifier(map_ids, fresh_if_missing=True),
        name=reader.checked("name", check_map_field, default=""),
        kind=reader.checked("kind", check_map_field, default="blueprint"),
        description=reader.checked("description", check_map_field, default=""),
    )
    flag = reader.value("show_emotion_curve", True)
    if not isinstance(flag, bool):
        reader.fail(reader.at("show_emotion_curve"), tr("expected true or false"))
    service_map.show_emotion_curve = flag
    stage_seen: set[str] = set()
    lane_seen: set[str] = set()
    service_map.stages = [_read_stage(reader.child("stages", i), stage_seen)
                          for i, _ in reader.items("stages")]
    service_map.lanes = [_read_lane(reader.child("lanes", i), lane_seen)
                         for i, _ in reader.items("lanes")]
    stage_ids = {s.id for s in service_map.stages}
    lane_ids = {lane.id for lane in service_map.lanes}
    # Orders may be missing or gappy in hand-written files: keep their relative order.
    cell_sizes: dict[tuple[str, str], int] = {}
    card_seen: set[str] = set()
    for index, _ in reader.items("cards"):
        card = _read_card(reader.child("cards", index), stage_ids, lane_ids, cell_sizes, card_seen)
        service_map.cards[card.id] = card
    _normalise_with_file_order(service_map)
    pairs: set[tuple[str, str]] = set()
    connector_seen: set[str] = set()
    card_ids = set(service_map.cards)
    for index, _ in reader.items("connectors"):
        child = reader.child("connectors", index)
        connector = _read_connector(child, card_ids, connector_seen)
        if connector.source_id == connector.target_id:
            child.fail(child.where, tr("an arrow cannot lead from a card to itself"))
        pair = (connector.source_id, connector.target_id)
        if pair in pairs:
            child.fail(child.where, tr("these cards are already joined by an arrow"))
        pairs.add(pair)
        service_map.connectors[connector.id] = connector
    return service_map


def _normalise_with_file_order(service_map: ServiceMap) -> None:
    """Renumber each cell 0..n-1 by (given order, position in the file)."""
    positions = {card_id: i for i, card_id in enumerate(service_map.cards)}
    for card in service_map.cards.values():
        card.order = card.order * (len(positions) + 1) + positions[card.id]
    normalise_orders(service_map)


def project_from_dict(data: Any) -> Project:
    """A validated Project from data in the JSON format; InterchangeError if anything is wrong."""
    if not isinstance(data, dict):
        raise InterchangeError(tr("This is not a Blueprint Studio project: the data is not a JSON object."))
    if data.get("format") != FORMAT_NAME:
        raise InterchangeError(
            tr("This is not a Blueprint Studio project: its \"format\" field is not \"{name}\".")
            .format(name=FORMAT_NAME))
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise InterchangeError(tr("The project data has no valid format version."))
    if version > FORMAT_VERSION:
        raise InterchangeError(
            tr("This file uses format version {version}, written by a newer Blueprint Studio; "
               "this version reads up to version {supported}, so please update the program.")
            .format(version=version, supported=FORMAT_VERSION))
    root = _Reader(data.get("project"), "project")
    project_id = root.new_identifier(set(), fresh_if_missing=True)
    info = ProjectInfo()
    if "info" in root.data:
        info_reader = root.child("info")
        for name in INFO_EDITABLE_FIELDS:
            setattr(info, name, info_reader.text(name))
    map_ids: set[str] = set()
    maps = [_read_map(root.child("maps", i), map_ids) for i, _ in root.items("maps")]
    project = Project(info=info, maps=maps, id=project_id)
    try:
        check_project(project)  # the model's own invariants, as a last guard
    except ModelError as error:
        raise InterchangeError(tr("The project data is not valid: {problem}.").format(
            problem=tr(str(error)).rstrip("."))) from None
    return project


def loads_json(text: str) -> Project:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InterchangeError(
            tr("This is not valid JSON: {problem} at line {line}, column {column}.").format(
                problem=error.msg, line=error.lineno, column=error.colno)) from None
    except RecursionError:
        raise InterchangeError(tr("This JSON file is nested too deeply to be a project.")) from None
    return project_from_dict(data)


def load_json(path: str | os.PathLike[str]) -> Project:
    """Read and validate a project written by `dump_json` (or by hand, following the docs)."""
    raw = read_bytes(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InterchangeError(tr("This JSON file is not UTF-8 text.")) from None
    return loads_json(text)

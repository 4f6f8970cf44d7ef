"""The JSON interchange format: a whole project, lossless, versioned (docs/json-format.md).

Every entity is written and read from its kind's description (model.kinds): its id, then
its fields in the order they are described, then the sections of the kinds it contains.
Export is in a fixed order, so export → import → export gives byte-identical files.
Import validates everything (types, vocabularies, ranges, references, unique ids) and
raises `InterchangeError` naming where the problem is; a key this version does not know
means a newer program wrote the file, and is refused rather than silently dropped.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from enum import Enum
from typing import Any

from ..i18n import tr
from ..i18n import describe
from ..model import ModelError, Project, ProjectInfo, ServiceMap, new_id
from ..model.errors import Phrase
from ..model.fields import Field
from ..model.kinds import KINDS, PROJECT, PROJECT_INFO_FIELDS, Kind, children_of
from ..model.validate import check_project, normalise_orders
from .errors import InterchangeError
from .files import read_bytes, write_bytes_atomically

FORMAT_NAME = "blueprint-studio"
FORMAT_VERSION = 3  # 2: brainstorms and screenings; 3: moments of truth, survey answers,
# ratings and KPIs on maps (docs/json-format.md)
MAX_ID_LENGTH = 200


# -- export ------------------------------------------------------------------------

def _json_value(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def entity_to_dict(kind: Kind, entity: Any, versions: set[int] | None = None) -> dict[str, Any]:
    """An entity and everything it contains, as plain JSON-ready data."""
    data: dict[str, Any] = {"id": entity.id}
    for spec in kind.fields:
        data[spec.json_name] = _json_value(getattr(entity, spec.name))
    for child in children_of(kind.name):
        items = [entity_to_dict(child, e, versions) for e in child.entities(entity)]
        if items or child.since == 1:  # a later kind's empty section is left out
            data[child.json_section] = items
            if items and versions is not None:
                versions.add(child.since)
    return data


def project_to_dict(project: Project) -> dict[str, Any]:
    """The whole project as plain JSON-ready data, wrapped with the format name and version.

    A section of a kind newer than format 1 is written only when it holds something (at
    any depth: a map's moments of truth too), and the file says the lowest version that has
    every section it holds: a project without screenings or touchpoint evaluations stays a
    format-1 file, byte for byte, that older versions read."""
    versions: set[int] = {1}
    sections = {kind.json_section: [entity_to_dict(kind, e, versions) for e in kind.entities(project)]
                for kind in children_of(PROJECT)}
    newer = [kind for kind in children_of(PROJECT) if kind.since > 1 and not sections[kind.json_section]]
    for kind in newer:
        del sections[kind.json_section]
    version = max(versions | {kind.since for kind in children_of(PROJECT)
                              if kind.json_section in sections})
    return {
        "format": FORMAT_NAME,
        "version": version,
        "project": {
            "id": project.id,
            "info": {spec.json_name: getattr(project.info, spec.name)
                     for spec in PROJECT_INFO_FIELDS},
            **sections,
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
    if isinstance(value, _HugeNumber):
        return repr(value)
    return json.dumps(value, ensure_ascii=False, default=repr)[:60]


def _reason(error: Exception, value: Any) -> str:
    if isinstance(error, ValueError) and not isinstance(error, ModelError):
        return tr("{value} is not an allowed value").format(value=_shown(value))
    return describe(error)


def _newer(where: str, key: str) -> None:
    raise InterchangeError(
        tr("The project data has \"{key}\" at {where}, which this version does not know: "
           "the file was written by a newer Blueprint Studio, so please update the program "
           "to open it.").format(key=key, where=where or tr("the top level")))


def _refuse_unknown(reader: _Reader, known: set[str]) -> None:
    for key in reader.data:
        if key not in known:
            _newer(reader.where, key)


def _read_field(reader: _Reader, spec: Field, default: Any) -> Any:
    key = spec.json_name
    if spec.type == "bool":  # JSON has true and false: 0, 1 or "yes" are mistakes here
        flag = reader.value(key, default)
        if not isinstance(flag, bool):
            reader.fail(reader.at(key), tr("expected true or false"))
        return flag
    if spec.type == "ref":
        return reader.identifier(key)
    return reader.checked(key, lambda _name, value: spec.check(value), default=default)


def _read_entity(kind: Kind, reader: _Reader, seen: set[str], known_ids: dict[str, set[str]],
                 group_sizes: dict[tuple[Any, ...], int]) -> Any:
    """One entity of `kind` (and, below it, everything it contains)."""
    sections = {child.json_section: child for child in children_of(kind.name)}
    _refuse_unknown(reader, {"id", *(s.json_name for s in kind.fields), *sections})
    values: dict[str, Any] = {}
    for spec in kind.fields:
        if spec.type == "order":
            continue
        values[spec.name] = _read_field(reader, spec, kind.default(spec.name))
        if spec.type == "ref" and values[spec.name] not in known_ids.get(spec.references, set()):
            reader.fail(reader.at(spec.json_name),
                        tr("no " + KINDS[spec.references].label + " of this map has the id {id}")
                        .format(id=_shown(values[spec.name])))
    order = kind.order_field
    if order is not None:
        # A missing order means "after the members above it in this group".
        group = tuple(values[name] for name in kind.group_by)
        position = group_sizes.get(group, 0)
        group_sizes[group] = position + 1
        given = reader.value(order.json_name, position)
        if isinstance(given, bool) or not isinstance(given, int) or not 0 <= given <= 1_000_000:
            reader.fail(reader.at(order.json_name), tr("expected a whole number from 0"))
        values[order.name] = given
    entity = kind.cls(id=reader.new_identifier(seen, fresh_if_missing=kind.parent == PROJECT),
                      **values)
    _read_children(kind, entity, reader)
    return entity


def _read_children(kind: Kind | None, parent: Any, reader: _Reader) -> None:
    known_ids: dict[str, set[str]] = {}
    for child in children_of(PROJECT if kind is None else kind.name):
        seen: set[str] = set()
        group_sizes: dict[tuple[Any, ...], int] = {}
        held = child.container(parent)
        unique: set[tuple[Any, ...]] = set()
        items = reader.items(child.json_section)
        if child.at_most is not None and len(items) > child.at_most:
            # Refused before anything is built: a million cards would take a minute and GBs.
            reader.fail(reader.at(child.json_section),
                        tr("{count} entries, but at most {limit} are allowed").format(
                            count=f"{len(items):,}", limit=f"{child.at_most:,}"))
        for index, _ in items:
            sub = reader.child(child.json_section, index)
            entity = _read_entity(child, sub, seen, known_ids, group_sizes)
            if child.rule_is_own:
                try:
                    child.rule(parent, entity)  # type: ignore[misc]
                except ModelError as error:
                    sub.fail(sub.where, describe(error))
            if child.distinct and len({getattr(entity, n) for n in child.distinct}) < len(child.distinct):
                sub.fail(sub.where, tr("an arrow cannot lead from a card to itself"))
            if child.unique_together:
                values = tuple(getattr(entity, n) for n in child.unique_together)
                if values in unique:
                    sub.fail(sub.where, tr("these cards are already joined by an arrow")
                             if child.name == "connector" else describe(ModelError(
                                 child.unique_message, kind=Phrase(child.label))))
                unique.add(values)
            if isinstance(held, list):
                held.append(entity)
            else:
                held[entity.id] = entity
        known_ids[child.name] = seen
        if child.group_by and isinstance(parent, ServiceMap):
            _normalise_with_file_order(parent)


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
    for key in data:
        if key not in ("format", "version", "project"):
            _newer("", key)
    root = _Reader(data.get("project"), "project")
    _refuse_unknown(root, {"id", "info", *(kind.json_section for kind in children_of(PROJECT))})
    project_id = root.new_identifier(set(), fresh_if_missing=True)
    info = ProjectInfo()
    if "info" in root.data:
        info_reader = root.child("info")
        _refuse_unknown(info_reader, {spec.json_name for spec in PROJECT_INFO_FIELDS})
        for spec in PROJECT_INFO_FIELDS:
            setattr(info, spec.name, _read_field(info_reader, spec, ""))  # limits checked too
    project = Project(info=info, id=project_id)
    _read_children(None, project, root)
    try:
        check_project(project, values=False)  # the invariants, as a last guard (the reader
        # checked every value already)
    except ModelError as error:
        raise InterchangeError(tr("The project data is not valid: {problem}.").format(
            problem=describe(error).rstrip("."))) from None
    return project


class _HugeNumber:
    """A whole number too long to be any value of ours (Python refuses to convert more than
    4,300 digits at all): kept as a marker, so the reader names where it is."""

    def __init__(self, digits: str) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"<a number of {len(self.digits.lstrip('-'))} digits>"


def _parse_int(digits: str) -> int | _HugeNumber:
    return int(digits) if len(digits) <= 40 else _HugeNumber(digits)


def loads_json(text: str) -> Project:
    try:
        data = json.loads(text, parse_int=_parse_int)
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

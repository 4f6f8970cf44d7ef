"""Rows <-> model entities. Engine-neutral: works on any SQLAlchemy connection.

Loading checks every value with the model's own field checks, so a file that was
edited by hand or damaged is refused instead of producing a model that breaks later.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from blueprint_studio.model import (
    Card, Connector, Lane, ModelError, Project, ProjectInfo, ServiceMap, Stage,
)
from blueprint_studio.model.entities import (
    CARD_EDITABLE_FIELDS,
    check_card_field,
    check_info_field,
    check_lane_field,
    check_map_field,
    check_stage_field,
)

from . import schema

# ProjectInfo field -> column (`group` is a reserved word in SQL).
INFO_COLUMNS = {"title": "title", "organisation": "organisation", "date": "date",
                "trainer": "trainer", "group": "group_name", "notes": "notes"}


class DamagedData(Exception):
    """A row that cannot be part of a valid project; the message names what is wrong."""


# -- model -> rows ---------------------------------------------------------------

def _storable(text: str) -> str:
    """Text as SQLite stores it (UTF-8): unpaired surrogates, which are not characters
    and cannot be encoded (they can arrive through escaped JSON), become U+FFFD."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in text)
    return text


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    return {k: _storable(v) if isinstance(v, str) else v for k, v in row.items()}


def project_row(project: Project) -> dict[str, Any]:
    row = {column: getattr(project.info, name) for name, column in INFO_COLUMNS.items()}
    row["id"] = project.id
    return _clean(row)


def map_row(service_map: ServiceMap, position: int) -> dict[str, Any]:
    return _clean({
        "id": service_map.id, "position": position, "name": service_map.name,
        "kind": service_map.kind.value, "description": service_map.description,
        "show_emotion_curve": service_map.show_emotion_curve,
    })


def stage_row(map_id: str, stage: Stage, position: int) -> dict[str, Any]:
    return _clean({
        "map_id": map_id, "id": stage.id, "position": position, "name": stage.name,
        "description": stage.description, "phase": stage.phase, "width": stage.width,
    })


def lane_row(map_id: str, lane: Lane, position: int) -> dict[str, Any]:
    return _clean({
        "map_id": map_id, "id": lane.id, "position": position, "kind": lane.kind.value,
        "name": lane.name, "colour": lane.colour,
    })


def card_row(map_id: str, card: Card) -> dict[str, Any]:
    return _clean({
        "map_id": map_id, "id": card.id, "stage_id": card.stage_id, "lane_id": card.lane_id,
        "position": card.order, "text": card.text, "kind": card.kind.value,
        "channel": card.channel.value if card.channel is not None else None,
        "emotion": card.emotion, "moment_of_truth": card.moment_of_truth,
        "fail_point": card.fail_point, "wait_minutes": card.wait_minutes,
        "duration_minutes": card.duration_minutes, "owner": card.owner,
        "notes": card.notes, "colour": card.colour,
    })


def connector_row(map_id: str, connector: Connector) -> dict[str, Any]:
    return _clean({
        "map_id": map_id, "id": connector.id, "source_id": connector.source_id,
        "target_id": connector.target_id, "label": connector.label,
    })


def insert_project(connection: Connection, project: Project) -> None:
    """Insert every row of the project into empty tables (bulk, for full writes)."""
    connection.execute(schema.project.insert(), [project_row(project)])
    for position, service_map in enumerate(project.maps):
        insert_map(connection, service_map, position)


def insert_map(connection: Connection, service_map: ServiceMap, position: int) -> None:
    mid = service_map.id
    connection.execute(schema.maps.insert(), [map_row(service_map, position)])
    batches = (
        (schema.stages, [stage_row(mid, s, i) for i, s in enumerate(service_map.stages)]),
        (schema.lanes, [lane_row(mid, lane, i) for i, lane in enumerate(service_map.lanes)]),
        (schema.cards, [card_row(mid, c) for c in service_map.cards.values()]),
        (schema.connectors, [connector_row(mid, c) for c in service_map.connectors.values()]),
    )
    for table, rows in batches:
        if rows:
            connection.execute(table.insert(), rows)


# -- rows -> model -----------------------------------------------------------------

def _text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise DamagedData(f"{what} is not text")
    return value


def _checked(check, name: str, value: Any, what: str) -> Any:
    try:
        return check(name, value)
    except (ModelError, ValueError, TypeError) as error:
        raise DamagedData(f"{what} has an invalid {name} ({error})") from None


def _ordered(rows: list[Any], what: str, group=lambda row: None) -> list[Any]:
    """Rows sorted by position; each group's positions must be exactly 0, 1, 2, ..."""
    groups: dict[Any, list[int]] = {}
    for row in rows:
        if not isinstance(row.position, int) or isinstance(row.position, bool):
            raise DamagedData(f"{what} has no valid position")
        groups.setdefault(group(row), []).append(row.position)
    for positions in groups.values():
        if sorted(positions) != list(range(len(positions))):
            raise DamagedData(f"the {what} are not numbered 0, 1, 2, ...")
    return sorted(rows, key=lambda row: row.position)


def _by_map(row: Any) -> Any:
    return row.map_id


def load_project(connection: Connection) -> Project:
    """Read the whole project. Raises DamagedData for values no valid project holds."""
    info_rows = connection.execute(select(schema.project)).all()
    if len(info_rows) != 1:
        raise DamagedData(f"the project table holds {len(info_rows)} rows instead of one")
    info_row = info_rows[0]._mapping
    info = ProjectInfo(**{
        name: _checked(check_info_field, name, info_row[column], "The project")
        for name, column in INFO_COLUMNS.items()
    })
    project = Project(info=info, id=_text(info_row["id"], "The project id"))

    maps: dict[str, ServiceMap] = {}
    for row in _ordered(connection.execute(select(schema.maps)).all(), "maps"):
        what = "A map"
        service_map = ServiceMap(
            id=_text(row.id, "A map id"),
            name=_checked(check_map_field, "name", row.name, what),
            kind=_checked(check_map_field, "kind", row.kind, what),
            description=_checked(check_map_field, "description", row.description, what),
            show_emotion_curve=_checked(check_map_field, "show_emotion_curve",
                                        row.show_emotion_curve, what),
        )
        maps[service_map.id] = service_map
        project.maps.append(service_map)

    def owner(row: Any, what: str) -> ServiceMap:
        found = maps.get(row.map_id)
        if found is None:
            raise DamagedData(f"{what} belongs to a map that does not exist")
        return found

    for row in _ordered(connection.execute(select(schema.stages)).all(), "stages", _by_map):
        what = "A stage"
        owner(row, what).stages.append(Stage(
            id=_text(row.id, "A stage id"),
            **{name: _checked(check_stage_field, name, getattr(row, name), what)
               for name in ("name", "description", "phase", "width")},
        ))
    for row in _ordered(connection.execute(select(schema.lanes)).all(), "lanes", _by_map):
        what = "A lane"
        owner(row, what).lanes.append(Lane(
            id=_text(row.id, "A lane id"),
            kind=_checked(check_lane_field, "kind", row.kind, what),
            name=_checked(check_lane_field, "name", row.name, what),
            colour=_checked(check_lane_field, "colour", row.colour, what),
        ))

    # Cards are most of a project: read them as plain tuples, checked field by field.
    card_columns = [schema.cards.c[name] for name in ("map_id", "id", "stage_id", "lane_id",
                                                      "position", *CARD_EDITABLE_FIELDS)]
    for map_id, card_id, stage_id, lane_id, position, *values in connection.execute(
            select(*card_columns)):
        service_map = maps.get(map_id)
        if service_map is None:
            raise DamagedData("A card belongs to a map that does not exist")
        if not (isinstance(card_id, str) and isinstance(stage_id, str)
                and isinstance(lane_id, str)):
            raise DamagedData("A card has an id that is not text")
        if not isinstance(position, int) or isinstance(position, bool):
            raise DamagedData("A card has no valid position in its cell")
        try:
            fields = {name: check_card_field(name, value)
                      for name, value in zip(CARD_EDITABLE_FIELDS, values)}
        except (ModelError, ValueError, TypeError) as error:
            raise DamagedData(f"A card has an invalid value ({error})") from None
        service_map.cards[card_id] = Card(stage_id=stage_id, lane_id=lane_id, order=position,
                                          id=card_id, **fields)
    for service_map in project.maps:
        # Reading order: a stable, meaningful order for everyone who iterates the cards.
        ordered = service_map.cards_in_reading_order()
        service_map.cards = {card.id: card for card in ordered}

    connector_columns = [schema.connectors.c[name] for name in
                         ("map_id", "id", "source_id", "target_id", "label")]
    for map_id, connector_id, source_id, target_id, label in sorted(
            connection.execute(select(*connector_columns)), key=lambda row: str(row[1])):
        service_map = maps.get(map_id)
        if service_map is None:
            raise DamagedData("An arrow belongs to a map that does not exist")
        if not all(isinstance(v, str) for v in (connector_id, source_id, target_id, label)):
            raise DamagedData("An arrow has a value that is not text")
        service_map.connectors[connector_id] = Connector(source_id, target_id, label, connector_id)
    return project

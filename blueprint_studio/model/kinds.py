"""Every kind of entity a project holds, described once.

A `Kind` names its dataclass, its fields (`fields.Field`: type, check, default, column,
JSON name), the scope it lives in (the project, or a parent kind), whether it is ordered
(by list position, or within a group of fields such as a card's cell), what it may never
duplicate, and how many of it its parent keeps at least. From this one description come:

- the generic operations (`operations.Add / Remove / Update / Move`) and their checks;
- what is removed with an entity: its contained children, and every entity of the same
  scope whose `ref` field points at it (a stage's cards, a card's arrows);
- the tables, the row codec and the incremental saves (`storage`);
- the JSON sections (`interchange.json_format`);
- the validation of a loaded or imported project (`validate`).

Scopes are paths of ids from the project down: () for a map, (map_id,) for a stage of
that map. Adding a kind of entity is a dataclass plus one `Kind` here (see
docs/architecture.md, "Adding a kind of entity").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from . import fields as f
from . import limits
from .entities import Card, Connector, Lane, ModelError, Project, ServiceMap, Stage
from .enums import EMOTION_MAX, EMOTION_MIN, CardKind, Channel, LaneKind, MapKind
from .errors import LimitError, Phrase

from .kind import KINDS, PROJECT, Kind, Scope  # noqa: F401 - re-exported
from .screening import SCREENING_KINDS
from .touchpoints import TOUCHPOINT_KINDS

def _reading_order(service_map: ServiceMap) -> list[Card]:
    return service_map.cards_in_reading_order()


MAP = Kind(
    "map", "map", ServiceMap,
    (f.text("name", "Name"), f.choice("kind", "Kind of map", MapKind, MapKind.BLUEPRINT),
     f.text("description", "Description", limits.NOTES),
     f.flag("show_emotion_curve", "Emotion curve", True)),
    parent=PROJECT, attribute="maps", table="maps", json_section="maps", ordered=True,
    keep_at_least=1, at_most=limits.MAPS_PER_PROJECT,
)

STAGE = Kind(
    "stage", "stage", Stage,
    (f.text("name", "Name"), f.text("description", "Description", limits.NOTES),
     f.text("phase", "Phase"),
     f.Field("width", "float", "Column width", default=None, nullable=True, low=40, high=5000)),
    parent="map", attribute="stages", table="stages", json_section="stages", ordered=True,
    keep_at_least=1, at_most=limits.STAGES_PER_MAP,
)

LANE = Kind(
    "lane", "lane", Lane,
    (f.choice("kind", "Kind of lane", LaneKind, LaneKind.CUSTOM), f.text("name", "Name"),
     f.colour()),
    parent="map", attribute="lanes", table="lanes", json_section="lanes", ordered=True,
    keep_at_least=1, at_most=limits.LANES_PER_MAP,
)

MAX_MINUTES = 10_000_000

CARD = Kind(
    "card", "card", Card,
    (f.ref("stage_id", "Stage", "stage"), f.ref("lane_id", "Lane", "lane"),
     f.Field("order", "order", "Position in the cell", default=0, column="position",
             editable=False),
     f.text("text", "Text", limits.CARD_TEXT),
     f.choice("kind", "Kind of card", CardKind, CardKind.ACTION),
     f.choice("channel", "Channel", Channel, None, nullable=True),
     f.Field("emotion", "int", "Emotion", default=None, nullable=True, low=EMOTION_MIN,
             high=EMOTION_MAX),
     f.flag("moment_of_truth", "Moment of truth"), f.flag("fail_point", "Fail point"),
     f.Field("wait_minutes", "float", "Wait (minutes)", default=None, nullable=True, low=0,
             high=MAX_MINUTES),
     f.Field("duration_minutes", "float", "Duration (minutes)", default=None, nullable=True,
             low=0, high=MAX_MINUTES),
     f.text("owner", "Owner"), f.text("notes", "Notes", limits.NOTES), f.colour()),
    parent="map", attribute="cards", table="cards", json_section="cards",
    group_by=("stage_id", "lane_id"), json_sort=_reading_order,
    at_most=limits.CARDS_PER_MAP, at_most_in_project=limits.CARDS_PER_PROJECT,
)

CONNECTOR = Kind(
    "connector", "arrow", Connector,
    (f.ref("source_id", "From card", "card"), f.ref("target_id", "To card", "card"),
     f.text("label", "Label")),
    parent="map", attribute="connectors", table="connectors", json_section="connectors",
    unique_together=("source_id", "target_id"), distinct=("source_id", "target_id"),
    unique_message="These cards are already joined by an arrow",
    distinct_message="An arrow cannot lead from a card to itself",
    at_most=limits.ARROWS_PER_MAP,
)

# Parents before children, and within a scope referenced kinds before the kinds that
# point at them: the order to create tables, insert rows and read them back.
KINDS.update((kind.name, kind) for kind in (MAP, STAGE, LANE, CARD, CONNECTOR, *TOUCHPOINT_KINDS,
                                            *SCREENING_KINDS))

# The project's own cover information: one record per project, not a collection.
PROJECT_INFO_FIELDS: tuple[f.Field, ...] = (
    f.text("title", "Title"), f.text("organisation", "Organisation"), f.text("date", "Date"),
    f.text("trainer", "Trainer"), f.text("group", "Group", column="group_name"),
    f.text("notes", "Notes", limits.NOTES),
)


def check_info_field(name: str, value: Any) -> Any:
    for spec in PROJECT_INFO_FIELDS:
        if spec.name == name:
            return spec.check(value)
    raise ModelError("The project has no field {name}", name=name)


# -- the tree ----------------------------------------------------------------------

def count_in_project(project: Project, kind: Kind) -> int:
    if kind.parent == "map":
        return sum(len(kind.container(service_map)) for service_map in project.maps)
    return sum(1 for k, _scope, _entity, _position in walk(project) if k is kind)


def check_room(project: Project, kind: Kind, parent: Any, adding: int = 1) -> None:
    """Refuse to grow past the kind's limits (model.limits), in one sentence."""
    held = len(kind.container(parent))
    if kind.at_most is not None and held + adding > kind.at_most:
        raise room_refused(kind)
    check_project_room(project, kind, adding)


def check_project_room(project: Project, kind: Kind, adding: int) -> None:
    """Refuse to grow the whole project past the kind's project-wide limit."""
    if kind.at_most_in_project is not None and kind.parent != PROJECT:
        if count_in_project(project, kind) + adding > kind.at_most_in_project:
            raise room_refused(kind, project_wide=True)


def room_refused(kind: Kind, project_wide: bool = False) -> LimitError:
    """The sentence for one entity too many: per parent, or in the whole project."""
    return _limit_error(kind, project_wide, "holds at most")


def over_limit(kind: Kind, project_wide: bool = False) -> LimitError:
    """The sentence for a project (read from a file, say) that already holds too many."""
    return _limit_error(kind, project_wide, "holds more than")


def _limit_error(kind: Kind, project_wide: bool, verb: str) -> LimitError:
    if project_wide:
        return LimitError("The project " + verb + " {limit} {kind} entries",
                          limit=f"{kind.at_most_in_project:,}", kind=Phrase(kind.label))
    owner = "The project" if kind.parent == PROJECT else f"A {KINDS[kind.parent].label}"
    return LimitError("{owner} " + verb + " {limit} {kind} entries",
                      owner=Phrase(owner), limit=f"{kind.at_most:,}", kind=Phrase(kind.label))


def children_of(kind_name: str) -> list[Kind]:
    """The kinds contained in `kind_name` (PROJECT for the top level)."""
    found = _CHILDREN.get(kind_name)
    if found is None:  # asked for every entity read or written: worked out once per kind
        found = _CHILDREN[kind_name] = [kind for kind in KINDS.values() if kind.parent == kind_name]
    return list(found)


_CHILDREN: dict[str, list[Kind]] = {}


def dependents_of(kind: Kind) -> list[tuple[Kind, f.Field]]:
    """(kind, field) pairs of the same scope whose ref field points at `kind`."""
    return [(other, spec) for other in KINDS.values() if other.parent == kind.parent
            for spec in other.refs if spec.references == kind.name]


def parent_object(project: Project, kind: Kind, scope: Scope) -> Any:
    """The object holding `kind`'s entities in `scope` (the project, a map, ...)."""
    if kind.parent == PROJECT:
        if scope:
            raise ModelError("The {kind} belongs to the project itself", kind=Phrase(kind.label))
        return project
    if not scope:
        raise ModelError("The {kind} needs the {parent} it belongs to", kind=Phrase(kind.label),
                         parent=Phrase(KINDS[kind.parent].label))
    parent_kind = KINDS[kind.parent]
    return find(project, parent_kind, scope[:-1], scope[-1])


def lookup(parent: Any, kind: Kind, entity_id: str) -> Any | None:
    held = kind.container(parent)
    if isinstance(held, dict):
        return held.get(entity_id)
    return next((item for item in held if item.id == entity_id), None)


def find(project: Project, kind: Kind, scope: Scope, entity_id: str) -> Any:
    entity = lookup(parent_object(project, kind, scope), kind, entity_id)
    if entity is None:
        raise ModelError("There is no {kind} with the id {id}", kind=Phrase(kind.label),
                         id=entity_id)
    return entity


def walk(parent: Any, parent_kind: str = PROJECT, scope: Scope = ()
         ) -> Iterator[tuple[Kind, Scope, Any, int]]:
    """(kind, scope, entity, position) for every entity under `parent`, parents first."""
    for kind in children_of(parent_kind):
        for position, entity in enumerate(kind.entities(parent)):
            yield kind, scope, entity, position
            yield from walk(entity, kind.name, (*scope, entity.id))


def group_of(kind: Kind, entity: Any) -> tuple[Any, ...]:
    return kind.group_key(entity)


def members_of_group(kind: Kind, parent: Any, group: tuple[Any, ...]) -> list[Any]:
    """The entities of one group (a card's cell), in their order. A scan of the parent's
    entities at C speed (attrgetter): deleting or restoring 2,000 cards does it 2,000 times."""
    key = kind.group_key
    members = [e for e in kind.container(parent).values() if key(e) == group]
    members.sort(key=kind.order_key)
    return members

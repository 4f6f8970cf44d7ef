"""Every limit of model/limits.py, at the limit and one past it, on every way in (issue 9).

At the limit a project goes in every way — the model's operations (as the window edits),
CSV and JSON import on the command line, saving and opening the project file — and every
export of it finishes (JSON, CSV, the PDF handout, the poster on one page or tiled, the
blank template). One past the limit it is refused with one sentence that names the limit
(LimitError from an operation; exit 2 and one "blueprint-studio: error: ..." line from the
command line; a file edited with the sqlite3 module beyond the limit "holds more than
Blueprint Studio takes"), and nothing changes: the model equals what it was, the input
file keeps its bytes, no output file (nor temporary file) appears.

The projects at the limits come from benchmarks/bench_limits.py (built on synthetic.py),
so the benchmark times what is tested here. The big ones (5,000 cards in a map, 10,000 in
a project) are marked slow and export once each; each export's time is printed, and its
CPU time must stay far below the minutes such exports took before they were made linear.
"""

from __future__ import annotations

import copy
import io
import json
import sqlite3
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from blueprint_studio.cli import main
from blueprint_studio.export import ExportError, export_pdf
from blueprint_studio.interchange import dumps_json, loads_json, project_to_dict
from blueprint_studio.model import Card, Connector, Lane, LaneKind, Stage, limits
from blueprint_studio.model.errors import LimitError
from blueprint_studio.model import operations as ops
from blueprint_studio.model.factory import new_map, new_project
from blueprint_studio.model.kinds import CARD, CONNECTOR, LANE, MAP, PROJECT_INFO_FIELDS, STAGE
from blueprint_studio.model.touchpoints import SCALES, AnswerCount, Kpi, Phase
from blueprint_studio.storage import ProjectFileError, read_project, write_project

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
try:
    from bench_limits import (
        count_limit_map, long_text, project_limit_project, text_limit_project,
    )
finally:
    sys.path.pop(0)

ERROR = "blueprint-studio: error: "
TOO_MUCH = "holds more than Blueprint Studio takes"
EXPORT_CPU_SECONDS = 120  # each export at the limits; they took 400 s and more before


@pytest.fixture(autouse=True)
def _one_line_errors(monkeypatch):
    monkeypatch.delenv("BLUEPRINT_STUDIO_DEBUG", raising=False)


# -- helpers ----------------------------------------------------------------------------

def cli(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([*argv] if "--lang" in argv else [*argv, "--lang", "en"])
    out, err = capsys.readouterr()
    return code, out, err


def files_in(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def assert_refused(result: tuple[int, str, str], *fragments: str) -> str:
    """Exit 2, nothing on stdout, one error line naming what was refused."""
    code, out, err = result
    assert "Traceback" not in err and "internal error" not in err, err
    assert code == 2, err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(ERROR), err
    assert out == "", out
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


def refused_on_the_command_line(capsys, folder: Path, argv: list[str], *fragments: str) -> str:
    """The command is refused, and the folder holds exactly what it held before."""
    before = files_in(folder)
    line = assert_refused(cli(capsys, *argv), *fragments)
    assert files_in(folder) == before, "a file was created or changed"
    return line


def limit_phrase(limit: int) -> str:
    return f"at most {limit:,}"


def assert_names_limit(message: str, limit: int) -> None:
    """'at most 200 stage entries' (refused on the way in) or 'more than 200 stage entries'
    (found in a whole map or file)."""
    assert limit_phrase(limit) in message or f"more than {limit:,}" in message, message


def write_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def shape(project) -> tuple:
    """What a project holds, without ids (a CSV import makes fresh ones)."""
    maps = []
    for service_map in project.maps:
        stages = {s.id: (s.name, s.description, s.phase) for s in service_map.stages}
        lanes = {lane.id: (lane.kind.value, lane.name) for lane in service_map.lanes}
        texts = {c.id: c.text for c in service_map.cards.values()}
        maps.append((
            service_map.name, list(stages.values()), list(lanes.values()),
            sorted((stages[c.stage_id][0], lanes[c.lane_id], c.order, c.text, c.owner, c.notes,
                    c.kind.value, c.emotion, c.moment_of_truth, c.fail_point, c.wait_minutes)
                   for c in service_map.cards.values()),
            sorted((texts[a.source_id], texts[a.target_id]) for a in service_map.connectors.values()),
        ))
    return tuple(maps)


def csv_shape(project) -> tuple:
    """What a CSV of the first map keeps: no stage descriptions or phases, no arrow labels;
    stages and lanes only where a card is, in the order the cards come."""
    (name, stages, lanes, cards, arrows), = shape(project)[:1]
    used_stages = sorted({card[0] for card in cards})
    used_lanes = sorted({card[1] for card in cards if card[1][0] == "custom"})
    return used_stages, used_lanes, [c[:6] for c in cards], arrows


class Timer:
    """Wall and CPU seconds of each export, printed as a table at the end of a test."""

    def __init__(self, title: str) -> None:
        self.title, self.rows = title, []

    def __call__(self, name: str, action):
        wall, cpu = time.perf_counter(), time.process_time()
        result = action()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        self.rows.append((name, wall, cpu, getattr(result, "pages", "")))
        assert cpu < EXPORT_CPU_SECONDS, f"{self.title}: {name} took {cpu:.0f} s of CPU"
        return result

    def print(self) -> None:
        print(f"\n{self.title}")
        for name, wall, cpu, pages in self.rows:
            print(f"  {name:44} {wall:7.1f} s wall {cpu:7.1f} s CPU  {pages}")


def pdf_pages(path: Path) -> int:
    return len(PdfReader(path).pages)


# -- the text fields -------------------------------------------------------------------

# (name, kind or "info", field, its limit, the CSV column that carries it)
TEXT_FIELDS = [
    *((f"info.{spec.name}", "info", spec.name, spec.max_length, None) for spec in PROJECT_INFO_FIELDS),
    ("map.name", MAP, "name", limits.NAME, "--map"),
    ("map.description", MAP, "description", limits.NOTES, None),
    ("stage.name", STAGE, "name", limits.NAME, "stage"),
    ("stage.description", STAGE, "description", limits.NOTES, None),
    ("stage.phase", STAGE, "phase", limits.NAME, None),
    ("lane.name", LANE, "name", limits.NAME, "lane"),
    ("card.text", CARD, "text", limits.CARD_TEXT, "text"),
    ("card.owner", CARD, "owner", limits.NAME, "owner"),
    ("card.notes", CARD, "notes", limits.NOTES, "notes"),
    ("arrow.label", CONNECTOR, "label", limits.NAME, None),
]
FIELD_IDS = [field[0] for field in TEXT_FIELDS]


def test_every_limited_text_field_is_in_this_test():
    described = {("info", spec.name, spec.max_length) for spec in PROJECT_INFO_FIELDS}
    for kind in (MAP, STAGE, LANE, CARD, CONNECTOR):
        described |= {(kind.name, spec.name, spec.max_length) for spec in kind.fields
                      if spec.type == "text"}
    tested = {(kind if kind == "info" else kind.name, field, limit)
              for _name, kind, field, limit, _column in TEXT_FIELDS}
    assert described == tested
    assert {limit for *_rest, limit, _column in TEXT_FIELDS} == {
        limits.NAME, limits.NOTES, limits.CARD_TEXT}


def _entity(project, kind):
    """The entity of `kind` whose field is tested, and the scope it lives in."""
    if kind == "info":
        return project.info, None
    service_map = project.maps[0]
    if kind is MAP:
        return service_map, ()
    scope = (service_map.id,)
    if kind is STAGE:
        return service_map.stages[0], scope
    if kind is LANE:
        return next(lane for lane in service_map.lanes if lane.kind is LaneKind.CUSTOM), scope
    if kind is CARD:
        return service_map.cards_in_reading_order()[0], scope
    return next(iter(service_map.connectors.values())), scope


def _update(kind, scope, entity, field: str, value: str):
    if kind == "info":
        return ops.UpdateProjectInfo({field: value})
    return ops.Update(kind.name, scope, entity.id, {field: value})


@pytest.fixture(scope="module")
def at_text_limits():
    return text_limit_project()


@pytest.mark.parametrize("name, kind, field, limit, column", TEXT_FIELDS, ids=FIELD_IDS)
def test_a_text_at_its_limit_is_taken_and_one_more_character_is_refused_by_the_operations(
        name, kind, field, limit, column):
    project = text_limit_project(extra=-1)  # every text one character under its limit
    entity, scope = _entity(project, kind)
    assert len(getattr(entity, field)) == limit - 1
    _update(kind, scope, entity, field, long_text(limit, 99)).apply(project)
    assert getattr(entity, field) == long_text(limit, 99)
    before = copy.deepcopy(project)
    with pytest.raises(LimitError) as refused:
        _update(kind, scope, entity, field, long_text(limit + 1, 99)).apply(project)
    message = str(refused.value)
    assert f"{limit + 1:,} characters" in message and limit_phrase(limit) in message
    assert "\n" not in message
    assert project == before


JSON_FIELDS = [pytest.param(*field, id=field[0]) for field in TEXT_FIELDS]


@pytest.mark.parametrize("name, kind, field, limit, column", JSON_FIELDS)
def test_one_more_character_in_json_is_refused_and_names_where(
        tmp_path, capsys, at_text_limits, name, kind, field, limit, column):
    data = project_to_dict(at_text_limits)
    entity, _scope = _entity(at_text_limits, kind)
    root = data["project"]["maps"][0]
    if kind == "info":
        spec = next(spec for spec in PROJECT_INFO_FIELDS if spec.name == field)
        data["project"]["info"][spec.json_name] = long_text(limit + 1, 5)
        source = write_text(tmp_path / "over.json", json.dumps(data, ensure_ascii=False))
        refused_on_the_command_line(capsys, tmp_path, ["import", str(source), "-o", str(tmp_path / "p")],
                                    f"project.info.{spec.json_name}", limit_phrase(limit))
        return
    if kind is MAP:
        entry, where = root, "project.maps[0]"
    else:
        section = kind.json_section
        index = next(i for i, item in enumerate(root[section]) if item["id"] == entity.id)
        entry, where = root[section][index], f"project.maps[0].{section}[{index}]"
    entry[kind.field(field).json_name] = long_text(limit + 1, 5)
    source = write_text(tmp_path / "over.json", json.dumps(data, ensure_ascii=False))
    refused_on_the_command_line(capsys, tmp_path, ["import", str(source), "-o", str(tmp_path / "p")],
                                f"{where}.{kind.field(field).json_name}", limit_phrase(limit))


CSV_FIELDS = [field for field in TEXT_FIELDS if field[4] is not None]


def _csv_with(column: str, value: str) -> str:
    """One card, every cell short except `column`."""
    cells = {"stage": "Arrive", "lane": "My lane", "text": "A card", "owner": "Li", "notes": "n"}
    if column in cells:
        cells[column] = value
    return ",".join(cells) + "\n" + ",".join(f'"{v}"' for v in cells.values()) + "\n"


@pytest.mark.parametrize("name, kind, field, limit, column", CSV_FIELDS,
                         ids=[field[0] for field in CSV_FIELDS])
def test_a_csv_cell_at_its_limit_imports_and_one_more_character_is_refused(
        tmp_path, capsys, name, kind, field, limit, column):
    at, over = long_text(limit, 3), long_text(limit + 1, 3)
    source = tmp_path / "cards.csv"
    map_option = ["--map", at] if column == "--map" else []
    write_text(source, _csv_with(column, at))
    output = tmp_path / "at.bpstudio"
    code, out, err = cli(capsys, "import", str(source), "-o", str(output), *map_option)
    assert code == 0 and err == "", err
    entity, _scope = _entity(read_project(output), kind)
    assert getattr(entity, field) == at

    folder = tmp_path / "over"
    folder.mkdir()
    source = write_text(folder / "cards.csv", _csv_with(column, over))
    map_option = ["--map", over] if column == "--map" else []
    where = () if column == "--map" else ("Row 2", f'column "{column}"')
    line = refused_on_the_command_line(capsys, folder, ["import", str(source), "-o", str(folder / "p"),
                                                        *map_option], *where)
    assert_names_limit(line, limit)


def _edit(path: Path, sql: str, *parameters) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute(sql, parameters)
        connection.commit()
    finally:
        connection.close()


@pytest.mark.parametrize("name, kind, field, limit, column", TEXT_FIELDS, ids=FIELD_IDS)
def test_a_file_with_one_character_too_many_holds_more_than_we_take(
        tmp_path, capsys, at_text_limits, name, kind, field, limit, column):
    path = tmp_path / "edited.bpstudio"
    write_project(at_text_limits, path)
    assert read_project(path) == at_text_limits  # saved and opened again at the limit
    entity, _scope = _entity(at_text_limits, kind)
    if kind == "info":
        spec = next(spec for spec in PROJECT_INFO_FIELDS if spec.name == field)
        table, key = "project", at_text_limits.id
    else:
        spec, table, key = kind.field(field), kind.table, entity.id
    _edit(path, f"UPDATE {table} SET {spec.column_name} = ? WHERE id = ?", long_text(limit + 1, 8), key)
    before = files_in(tmp_path)
    with pytest.raises(ProjectFileError, match=TOO_MUCH) as refused:
        read_project(path)
    assert limit_phrase(limit) in str(refused.value) and "\n" not in str(refused.value)
    assert files_in(tmp_path) == before
    refused_on_the_command_line(capsys, tmp_path, ["info", str(path)], TOO_MUCH)


def test_every_text_at_its_limit_goes_in_every_way_and_every_export_finishes(
        tmp_path, capsys, at_text_limits):
    project = at_text_limits
    timer = Timer("every text field at its limit (12 cards)")
    # JSON in, the project file out and in again: nothing lost.
    source = write_text(tmp_path / "limits.json", dumps_json(project))
    path = tmp_path / "limits.bpstudio"
    code, _out, err = cli(capsys, "import", str(source), "-o", str(path))
    assert code == 0, err
    assert read_project(path) == project
    # CSV in: what a CSV carries arrives whole.
    exported_csv = tmp_path / "map.csv"
    assert cli(capsys, "export", str(path), "-o", str(exported_csv))[0] == 0
    from_csv = tmp_path / "from-csv.bpstudio"
    code, _out, err = cli(capsys, "import", str(exported_csv), "-o", str(from_csv))
    assert code == 0, err
    assert csv_shape(read_project(from_csv)) == csv_shape(project)
    # Every export, through the command line.
    exported_json = tmp_path / "again.json"
    timer("JSON", lambda: cli(capsys, "export", str(path), "-o", str(exported_json)))
    assert loads_json(exported_json.read_text(encoding="utf-8")) == project
    for name, options in [("handout", []), ("handout zh", ["--lang", "zh"]),
                          ("poster", ["--kind", "poster", "--paper", "A3", "--landscape"]),
                          ("poster tiled", ["--kind", "poster", "--tile", "1.0"]),
                          ("blank", ["--kind", "blank"]), ("blank journey", ["--kind", "blank_journey"])]:
        out = tmp_path / f"{name.replace(' ', '_')}.pdf"
        code, said, err = timer(name, lambda: cli(capsys, "export", str(path), "-o", str(out), *options))
        assert code == 0 and "Traceback" not in err, err
        assert pdf_pages(out) >= 1 and str(out) in said
    timer.print()


# -- the counts --------------------------------------------------------------------------

def _stage(number: int) -> Stage:
    return Stage(name=f"Stage {number}")


def _card(service_map, stage=0, lane=0, text="new") -> Card:
    stage_id, lane_id = service_map.stages[stage].id, service_map.lanes[lane].id
    return Card(stage_id, lane_id, len(service_map.cards_in_cell(stage_id, lane_id)), text=text)


def _free_pair(service_map) -> tuple[str, str]:
    joined = {(a.source_id, a.target_id) for a in service_map.connectors.values()}
    ids = list(service_map.cards)
    return next((s, t) for s in ids for t in ids if s != t and (s, t) not in joined)


def _map_with(stages: int = 3, lanes: int = 5, cards: int = 0, name: str = "Map") -> object:
    service_map = new_map(name, [f"Stage {i}" for i in range(stages)])
    while len(service_map.lanes) < lanes:
        service_map.lanes.append(Lane(kind=LaneKind.CUSTOM, name=f"Lane {len(service_map.lanes)}"))
    for index in range(cards):
        card = _card(service_map, index % stages, index % lanes, f"card {index}")
        service_map.cards[card.id] = card
    return service_map


def _at(limit_name: str, under: int):
    """A project `under` entities short of one count limit, and the operation that adds one."""
    if limit_name == "MAPS_PER_PROJECT":
        project = new_project("maps", [_map_with(1, 1, 1, f"Map {i}")
                                       for i in range(limits.MAPS_PER_PROJECT - under)])
        return project, lambda n: ops.AddMap(_map_with(1, 1, 1, f"New {n}"))
    if limit_name == "STAGES_PER_MAP":
        project = new_project("stages", [_map_with(limits.STAGES_PER_MAP - under, 5, 5)])
        return project, lambda n: ops.AddStage(project.maps[0].id, _stage(n))
    if limit_name == "LANES_PER_MAP":
        project = new_project("lanes", [_map_with(3, limits.LANES_PER_MAP - under, 5)])
        return project, lambda n: ops.AddLane(project.maps[0].id, Lane(kind=LaneKind.CUSTOM, name=f"L{n}"))
    if limit_name == "CARDS_PER_MAP":
        project = count_limit_map(cards=limits.CARDS_PER_MAP - under, arrows=100, stages=125, lanes=5)
        return project, lambda n: ops.AddCard(project.maps[0].id, _card(project.maps[0], text=f"n{n}"))
    if limit_name == "ARROWS_PER_MAP":
        project = count_limit_map(cards=200, arrows=limits.ARROWS_PER_MAP - under, stages=5, lanes=5)
        service_map = project.maps[0]
        return project, lambda n: ops.AddConnector(service_map.id, Connector(*_free_pair(service_map)))
    if limit_name == "CARDS_PER_PROJECT":
        project = project_limit_project(maps=3, cards=limits.CARDS_PER_PROJECT - under)
        return project, lambda n: ops.AddCard(project.maps[0].id, _card(project.maps[0], text=f"n{n}"))
    if limit_name == "ANSWER_COUNTS_PER_MAP":
        project = new_project("answers", [_map_with(5, 5, 210)])
        service_map = project.maps[0]
        free = _answer_slots(service_map)
        for _ in range(limits.ANSWER_COUNTS_PER_MAP - under):
            answer = next(free)
            service_map.answer_counts[answer.id] = answer
        return project, lambda n: ops.Add("answer_count", (service_map.id,), next(free))
    if limit_name == "KPIS_PER_MAP":
        project = new_project("kpis", [_map_with(3, 5, 10)])
        service_map = project.maps[0]
        cards = list(service_map.cards)
        service_map.kpis.extend(Kpi(card_id=cards[i % 10], name=f"KPI {i}", before=1.0, after=2.0)
                                for i in range(limits.KPIS_PER_MAP - under))
        return project, lambda n: ops.Add("kpi", (service_map.id,), Kpi(card_id=cards[0], name=f"new {n}"))
    raise AssertionError(limit_name)


def _answer_slots(service_map):
    """Every answer count a map's cards can hold, one after another."""
    for card_id in service_map.cards:
        for metric, (low, high) in SCALES.items():
            for phase in (None, Phase.BEFORE, Phase.AFTER):
                for score in range(low, high + 1):
                    yield AnswerCount(card_id=card_id, metric=metric, phase=phase, score=score, count=1)


COUNT_LIMITS = ["MAPS_PER_PROJECT", "STAGES_PER_MAP", "LANES_PER_MAP", "CARDS_PER_MAP",
                "ARROWS_PER_MAP", "CARDS_PER_PROJECT", "ANSWER_COUNTS_PER_MAP", "KPIS_PER_MAP"]


def test_every_count_limit_is_in_this_test():
    counts = {name for name, value in vars(limits).items()
              if name.isupper() and isinstance(value, int) and name.endswith(("_MAP", "_PROJECT"))}
    assert counts == set(COUNT_LIMITS)


@pytest.mark.parametrize("limit_name", COUNT_LIMITS)
def test_the_operations_add_up_to_each_count_limit_and_refuse_one_more(limit_name):
    limit = getattr(limits, limit_name)
    project, add = _at(limit_name, under=1)
    add(1).apply(project)  # now exactly at the limit
    before = copy.deepcopy(project)
    with pytest.raises(LimitError) as refused:
        add(2).apply(project)
    message = str(refused.value)
    assert limit_phrase(limit) in message and "\n" not in message, message
    assert project == before


def test_a_whole_map_bringing_too_many_cards_is_refused():
    project = project_limit_project(maps=3, cards=limits.CARDS_PER_PROJECT - 10)
    ops.AddMap(_map_with(3, 5, 10, "Exactly")).apply(project)
    before = copy.deepcopy(project)
    with pytest.raises(LimitError, match=limit_phrase(limits.CARDS_PER_PROJECT)):
        ops.AddMap(_map_with(3, 5, 1, "One card too many")).apply(project)
    assert project == before
    with pytest.raises(LimitError, match=f"more than {limits.CARDS_PER_MAP:,} card"):
        ops.AddMap(_map_with(3, 5, limits.CARDS_PER_MAP + 1, "Too big")).apply(new_project())


# JSON: each list one entry past its kind's limit is refused by its length.

def _json_over(limit_name: str) -> tuple[str, str]:
    """The JSON text of a project with one entry too many, and where the error points."""
    if limit_name == "MAPS_PER_PROJECT":
        project = new_project("maps", [_map_with(1, 1, 0, f"Map {i}")
                                       for i in range(limits.MAPS_PER_PROJECT + 1)])
        return dumps_json(project), "project.maps"
    project = new_project("over", [_map_with(3, 5, 3)])
    data = project_to_dict(project)
    root = data["project"]["maps"][0]
    if limit_name == "STAGES_PER_MAP":
        root["stages"] += [{**root["stages"][0], "id": f"s{i}"} for i in range(limits.STAGES_PER_MAP - 2)]
        section = "stages"
    elif limit_name == "LANES_PER_MAP":
        root["lanes"] += [{**root["lanes"][-1], "id": f"l{i}"} for i in range(limits.LANES_PER_MAP - 4)]
        section = "lanes"
    elif limit_name == "CARDS_PER_MAP":
        root["cards"] += [{**root["cards"][0], "id": f"c{i}", "order": i + 1}
                          for i in range(limits.CARDS_PER_MAP - 2)]
        section = "cards"
    else:
        first = root["cards"][0]["id"]
        root["connectors"] = [{"id": f"a{i}", "source_id": first, "target_id": f"t{i}", "label": ""}
                              for i in range(limits.ARROWS_PER_MAP + 1)]
        section = "connectors"
    assert len(root[section]) == getattr(limits, limit_name) + 1
    return json.dumps(data), f"project.maps[0].{section}"


@pytest.mark.parametrize("limit_name", COUNT_LIMITS[:5])
def test_a_json_list_one_past_its_limit_is_refused_by_its_length(tmp_path, capsys, limit_name):
    text, where = _json_over(limit_name)
    source = write_text(tmp_path / "over.json", text)
    limit = getattr(limits, limit_name)
    line = refused_on_the_command_line(capsys, tmp_path, ["import", str(source), "-o", str(tmp_path / "p")],
                                       where, f"{limit + 1:,} entries", limit_phrase(limit))
    assert len(line) < 300


@pytest.mark.slow
def test_a_json_project_one_card_past_the_project_limit_is_refused(tmp_path, capsys):
    project = project_limit_project(maps=3, cards=limits.CARDS_PER_PROJECT + 1)
    source = write_text(tmp_path / "over.json", dumps_json(project))
    refused_on_the_command_line(capsys, tmp_path, ["import", str(source), "-o", str(tmp_path / "p")],
                                f"more than {limits.CARDS_PER_PROJECT:,} card")


# CSV: one map per file; its stages, lanes, cards and arrows are counted.

def _csv_rows(rows: list[tuple[str, str, str, str, str]]) -> str:
    lines = ["id,stage,lane,text,next"] + [",".join(row) for row in rows]
    return "\n".join(lines) + "\n"


def _csv(limit_name: str, count: int) -> str:
    """A CSV with `count` of what `limit_name` counts (stages, lanes, rows or arrows)."""
    if limit_name == "STAGES_PER_MAP":
        return _csv_rows([(f"c{i}", f"Stage {i}", "customer", "t", "") for i in range(count)])
    if limit_name == "LANES_PER_MAP":  # the five standard lanes are always there
        return _csv_rows([(f"c{i}", "Arrive", f"Custom {i}", "t", "")
                          for i in range(count - 5)])
    if limit_name == "CARDS_PER_MAP":
        return _csv_rows([(f"c{i}", f"Stage {i % 40}", "frontstage", f"card {i}", "")
                          for i in range(count)])
    # ARROWS_PER_MAP: 101 cards, each leading to up to 100 others
    targets = [[f"c{j}" for j in range(101) if j != i] for i in range(101)]
    left, rows = count, []
    for i in range(101):
        take, left = min(left, 100), left - min(left, 100)
        rows.append((f"c{i}", "Arrive", "customer", f"card {i}", ";".join(targets[i][:take])))
    return _csv_rows(rows)


CSV_COUNTS = ["STAGES_PER_MAP", "LANES_PER_MAP", "CARDS_PER_MAP", "ARROWS_PER_MAP"]


@pytest.mark.parametrize("limit_name", CSV_COUNTS)
def test_a_csv_at_each_count_limit_imports_and_one_more_is_refused(tmp_path, capsys, limit_name):
    limit = getattr(limits, limit_name)
    source = write_text(tmp_path / "at.csv", _csv(limit_name, limit))
    output = tmp_path / "at.bpstudio"
    code, out, err = cli(capsys, "import", str(source), "-o", str(output))
    assert code == 0 and err == "", err
    service_map = read_project(output).maps[0]
    held = {"STAGES_PER_MAP": service_map.stages, "LANES_PER_MAP": service_map.lanes,
            "CARDS_PER_MAP": service_map.cards, "ARROWS_PER_MAP": service_map.connectors}
    assert len(held[limit_name]) == limit

    folder = tmp_path / "over"
    folder.mkdir()
    source = write_text(folder / "over.csv", _csv(limit_name, limit + 1))
    where = ("Row 5002",) if limit_name == "CARDS_PER_MAP" else ()
    line = refused_on_the_command_line(capsys, folder, ["import", str(source), "-o", str(folder / "p")],
                                       *where)
    assert_names_limit(line, limit)


@pytest.mark.parametrize("limit_name", ["MAPS_PER_PROJECT", "CARDS_PER_PROJECT"])
def test_a_csv_added_as_a_map_counts_against_the_project(tmp_path, capsys, limit_name):
    """import --map: one short of the limit a map is added; at the limit one more is refused
    (100 maps; 9,999 cards + 1, then 1 more)."""
    one_card = write_text(tmp_path / "one.csv", "stage,lane,text\nArrive,customer,hello\n")
    if limit_name == "MAPS_PER_PROJECT":
        project = new_project("maps", [_map_with(1, 1, 1, f"Map {i}")
                                       for i in range(limits.MAPS_PER_PROJECT - 1)])
    else:
        project = project_limit_project(maps=3, cards=limits.CARDS_PER_PROJECT - 1)
    folder = tmp_path / "project"
    folder.mkdir()
    path = folder / "project.bpstudio"
    write_project(project, path)
    code, out, err = cli(capsys, "import", str(one_card), "-o", str(path), "--map", "The last")
    assert code == 0 and out.startswith('Added the map "The last"'), err
    assert len(read_project(path).maps) == len(project.maps) + 1
    before = files_in(folder)
    result = cli(capsys, "import", str(one_card), "-o", str(path), "--map", "One too many")
    assert files_in(folder) == before  # holds today already: nothing is written
    line = assert_refused(result)
    assert_names_limit(line, getattr(limits, limit_name))


# The project file: saved and opened at the limits; one row more is refused.

def _copy_rows(connection, table: str, where: str, changes: dict[str, str], parameters=()) -> int:
    """Insert copies of the rows of `table` matching `where`, with some columns computed anew."""
    columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
    chosen = ", ".join(changes.get(column, column) for column in columns)
    cursor = connection.execute(f"INSERT INTO {table} ({', '.join(columns)}) "
                                f"SELECT {chosen} FROM {table} WHERE {where}", parameters)
    return cursor.rowcount


def _one_more_row(path: Path, limit_name: str) -> None:
    connection = sqlite3.connect(path)
    try:
        if limit_name == "MAPS_PER_PROJECT":  # a whole map more: its row, stages, lanes, cards
            old = connection.execute("SELECT id FROM maps ORDER BY position LIMIT 1").fetchone()[0]
            count = connection.execute("SELECT count(*) FROM maps").fetchone()[0]
            _copy_rows(connection, "maps", "id = ?", {"id": "'extra map'", "position": str(count)}, (old,))
            for table in ("stages", "lanes", "cards", "connectors"):
                _copy_rows(connection, table, "map_id = ?", {"map_id": "'extra map'"}, (old,))
        elif limit_name in ("STAGES_PER_MAP", "LANES_PER_MAP"):
            table = "stages" if limit_name == "STAGES_PER_MAP" else "lanes"
            count = connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            added = _copy_rows(connection, table, f"rowid = (SELECT min(rowid) FROM {table})",
                               {"id": "'extra'", "position": str(count)})
            assert added == 1
        elif limit_name in ("CARDS_PER_MAP", "CARDS_PER_PROJECT"):
            added = _copy_rows(connection, "cards", "rowid = (SELECT min(rowid) FROM cards)", {
                "id": "'extra card'",
                "position": "(SELECT max(c.position) + 1 FROM cards c WHERE c.map_id = cards.map_id "
                            "AND c.stage_id = cards.stage_id AND c.lane_id = cards.lane_id)"})
            assert added == 1
        elif limit_name in ("ANSWER_COUNTS_PER_MAP", "KPIS_PER_MAP"):
            table = "answer_counts" if limit_name == "ANSWER_COUNTS_PER_MAP" else "kpis"
            count = connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            changes = {"id": "'extra'"} | ({"position": str(count)} if table == "kpis" else {})
            assert _copy_rows(connection, table, f"rowid = (SELECT min(rowid) FROM {table})", changes) == 1
        else:
            map_id, = connection.execute("SELECT map_id FROM connectors LIMIT 1").fetchone()
            cards = [row[0] for row in connection.execute("SELECT id FROM cards WHERE map_id = ?", (map_id,))]
            joined = set(connection.execute("SELECT source_id, target_id FROM connectors"))
            source, target = next((s, t) for s in cards for t in cards if s != t and (s, t) not in joined)
            _copy_rows(connection, "connectors", "rowid = (SELECT min(rowid) FROM connectors)",
                       {"id": "'extra arrow'", "source_id": "?", "target_id": "?"}, (source, target))
        connection.commit()
    finally:
        connection.close()


@pytest.mark.parametrize("limit_name", COUNT_LIMITS)
def test_a_file_at_each_count_limit_opens_and_one_row_more_holds_more_than_we_take(
        tmp_path, capsys, limit_name):
    project, _add = _at(limit_name, under=0)
    path = tmp_path / "limit.bpstudio"
    write_project(project, path)
    assert read_project(path) == project
    _one_more_row(path, limit_name)
    before = files_in(tmp_path)
    limit = getattr(limits, limit_name)
    with pytest.raises(ProjectFileError, match=TOO_MUCH) as refused:
        read_project(path)
    assert f"more than {limit:,}" in str(refused.value), str(refused.value)
    assert files_in(tmp_path) == before
    refused_on_the_command_line(capsys, tmp_path, ["export", str(path), "-o", str(tmp_path / "x.json")],
                                TOO_MUCH)


def test_a_file_far_over_a_count_limit_is_refused_by_counting_before_reading(tmp_path, capsys):
    """200,000 card rows whose texts are not even text: the file is said to hold too much,
    not to be damaged, because the rows are counted before any of them is read."""
    project = new_project("many", [_map_with(1, 1, 1, "Map")])
    path = tmp_path / "many.bpstudio"
    write_project(project, path)
    connection = sqlite3.connect(path)
    try:
        connection.execute("CREATE TEMP TABLE n(i)")
        connection.execute("WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c "
                           "WHERE i < 200000) INSERT INTO n SELECT i FROM c")
        columns = [row[1] for row in connection.execute("PRAGMA table_info(cards)")]
        changes = {"id": "'extra ' || n.i", "position": "n.i", "text": "x'00ff'"}
        chosen = ", ".join(changes.get(column, f"cards.{column}") for column in columns)
        added = connection.execute(f"INSERT INTO cards ({', '.join(columns)}) SELECT {chosen} "
                                   "FROM cards JOIN n WHERE cards.rowid = 1").rowcount
        assert added == 200_000
        connection.commit()
    finally:
        connection.close()
    before = files_in(tmp_path)
    with pytest.raises(ProjectFileError, match=TOO_MUCH) as refused:
        read_project(path)
    assert f"more than {limits.CARDS_PER_MAP:,}" in str(refused.value), str(refused.value)
    assert files_in(tmp_path) == before
    refused_on_the_command_line(capsys, tmp_path, ["info", str(path)], TOO_MUCH)


# -- the big cases: every export at the count limits ------------------------------------------

def _every_export(tmp_path: Path, capsys, project, timer: Timer) -> None:
    path = tmp_path / "limits.bpstudio"
    timer("write the project file", lambda: write_project(project, path))
    assert timer("open the project file", lambda: read_project(path)) == project
    out = tmp_path / "export.json"
    code, _said, err = timer("CLI export JSON", lambda: cli(capsys, "export", str(path), "-o", str(out)))
    assert code == 0, err
    assert timer("JSON import", lambda: loads_json(out.read_text(encoding="utf-8"))) == project
    again = tmp_path / "again.bpstudio"
    code, _said, err = timer("CLI import JSON", lambda: cli(capsys, "import", str(out), "-o", str(again)))
    assert code == 0, err
    csv_out = tmp_path / "export.csv"
    code, _said, err = timer("CLI export CSV", lambda: cli(capsys, "export", str(path), "-o", str(csv_out)))
    assert code == 0, err
    from_csv = tmp_path / "from-csv.bpstudio"
    code, _said, err = timer("CLI import CSV", lambda: cli(capsys, "import", str(csv_out), "-o", str(from_csv)))
    assert code == 0, err
    assert csv_shape(read_project(from_csv)) == csv_shape(project)
    code, said, err = timer("CLI export handout", lambda: cli(
        capsys, "export", str(path), "-o", str(tmp_path / "handout.pdf")))
    assert code == 0, err
    assert f"(pages: {pdf_pages(tmp_path / 'handout.pdf')})" in said
    result = timer("poster tiled A4 at 1.0", lambda: export_pdf(
        project, io.BytesIO(), kind="poster", tile_scale=1.0, lang="en"))
    assert result.pages > 1
    for name, options in [("poster on one A3 page", {"kind": "poster", "paper": "A3", "landscape": True}),
                          ("blank template", {"kind": "blank"})]:
        def attempt(options=options):
            try:
                return export_pdf(project, io.BytesIO(), lang="en", **options)
            except ExportError as error:  # too large for one page: said in one sentence
                return error
        result = timer(name, attempt)
        if isinstance(result, ExportError):
            message = str(result)
            assert "\n" not in message and ("too large" in message or "Too many" in message), message
            timer.rows[-1] = (name + " (refused: too large)", *timer.rows[-1][1:3], "")
        else:
            assert result.pages == 1
    timer.print()


@pytest.mark.slow
def test_a_map_at_every_count_limit_goes_in_and_every_export_finishes(tmp_path, capsys):
    """5,000 cards, 10,000 arrows, 200 stages and 50 lanes in one map."""
    project = count_limit_map()
    service_map = project.maps[0]
    assert (len(service_map.cards), len(service_map.connectors), len(service_map.stages),
            len(service_map.lanes)) == (limits.CARDS_PER_MAP, limits.ARROWS_PER_MAP,
                                        limits.STAGES_PER_MAP, limits.LANES_PER_MAP)
    _every_export(tmp_path, capsys, project, Timer(
        "a map at every count limit: 5,000 cards, 10,000 arrows, 200 stages, 50 lanes"))


@pytest.mark.slow
def test_a_project_at_its_limits_goes_in_and_every_export_finishes(tmp_path, capsys):
    """100 maps holding 10,000 cards."""
    project = project_limit_project()
    assert len(project.maps) == limits.MAPS_PER_PROJECT
    assert sum(len(m.cards) for m in project.maps) == limits.CARDS_PER_PROJECT
    _every_export(tmp_path, capsys, project, Timer("a project at its limits: 100 maps, 10,000 cards"))


@pytest.mark.slow
def test_the_heaviest_map_the_limits_allow_still_prints(tmp_path):
    """Every count limit of a map at once and every text full: 5,000 cards of 2,000
    characters, 200 stages and 50 lanes named with 1,000, 10,000 labelled arrows. Its
    poster tiles in well under a minute (it took more than 400 s); its one-page poster is
    refused in one sentence. (Its handout prints every character of every card, its lists
    and its findings: some 21,000 pages, a few minutes of CPU however fast each page is;
    benchmarks/bench_limits.py times it instead of the test suite.)"""
    project = count_limit_map(full_text=True)
    timer = Timer("the heaviest map: every count limit and every text full")
    result = timer("poster tiled A4 at 1.0", lambda: export_pdf(
        project, io.BytesIO(), kind="poster", tile_scale=1.0, lang="en"))
    assert result.pages > 1
    with pytest.raises(ExportError, match="too large to print legibly"):
        export_pdf(project, io.BytesIO(), kind="poster", paper="A3", landscape=True, lang="en")
    timer.print()


# -- the size of a file to import --------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_a_file_over_200_mb_is_refused_before_it_is_read(tmp_path, capsys, suffix):
    from blueprint_studio.interchange.files import MAX_FILE_BYTES

    assert MAX_FILE_BYTES == 200 * 1024 * 1024  # the limit docs/file-format.md states
    source = tmp_path / f"huge{suffix}"
    with source.open("wb") as stream:  # sparse: no disk is used
        stream.truncate(MAX_FILE_BYTES + 1)
    refused_on_the_command_line(capsys, tmp_path, ["import", str(source), "-o", str(tmp_path / "p")],
                                "too large to import")


# -- what made the exports fast at the limits prints exactly what was printed before ----------

def _long_table_story(paged: bool):
    from blueprint_studio.export import handout, handout_tables

    rows = [[f"Stage {i % 7}", "Frontstage", "Action", long_text(40 + (i * 37) % 1900, i), "", "",
             "", "", "", ""] for i in range(160)]
    header = ["Stage", "Lane", "Kind", "Text", "Channel", "Emotion", "MOT", "Fail point", "Wait",
              "Duration"]
    widths = handout._column_widths(523.0, header, rows)
    make = handout_tables.paged_table if paged else handout_tables.table
    return [handout._Heading("Cards"), make(header, rows, widths),
            handout._Heading("Short", keep=True), make(header[:3], [r[:3] for r in rows[:30]],
                                                       [120.0, 120.0, 120.0])]


def test_the_paged_table_prints_the_same_pdf_as_one_long_table(tmp_path):
    """The card table, the lists and the findings are split page by page without copying
    the rest of the table on every page; the PDF is byte for byte the one reportlab makes
    from a single LongTable (pages, rows per page, repeated header, lines and row tints)."""
    from reportlab import rl_config
    from reportlab.platypus import SimpleDocTemplate

    from blueprint_studio.export.text import FONT, ensure_font

    ensure_font()
    outputs = []
    invariant, rl_config.invariant = rl_config.invariant, 1
    try:
        for paged in (False, True):
            out = io.BytesIO()
            doc = SimpleDocTemplate(out, initialFontName=FONT, pageCompression=0)
            doc.build(_long_table_story(paged))
            outputs.append(out.getvalue())
    finally:
        rl_config.invariant = invariant
    assert outputs[0].count(b"/Type /Page\n") > 20 or outputs[0].count(b"/Type /Page") > 20
    assert outputs[1] == outputs[0]


@pytest.mark.slow
@pytest.mark.skipif(not __import__("shutil").which("pdftoppm"), reason="needs pdftoppm (poppler)")
def test_tiles_drawing_only_what_they_show_print_the_same_pages(tmp_path, monkeypatch):
    """Each page of a tiled map looks up the cards and arrows near it (filed once into
    buckets) instead of testing all of them, skips the arrows whose ink cannot reach it,
    and skips the stage and lane names and curve points outside it. Rendered, every page
    is the same as with the plain rule drawn on each page before: every card whose box
    meets the page, every arrow whose span meets it, every name and point, cut by the clip."""
    import hashlib
    import subprocess

    from blueprint_studio.export import geometry, mapdraw
    from blueprint_studio.model import MapKind

    project = count_limit_map(cards=120, arrows=300, stages=9, lanes=7, full_text=True)
    project.maps[0].kind = MapKind.JOURNEY  # the emotion band too
    project.maps[0].cards_in_reading_order()[0].emotion = -2
    renders = []
    for fast in (True, False):
        if not fast:
            monkeypatch.setattr(geometry.MapLayout, "visible", lambda self, view: (
                [box for box in self.cards if box.rect.intersects(view)],
                [path for path in self.connectors if path.bounds.intersects(view)]))
            for name in ("_draw_lanes", "_draw_stage_headers"):
                whole = getattr(mapdraw, name)
                monkeypatch.setattr(mapdraw, name, lambda c, layout, t, lang, view=None, _whole=whole:
                                    _whole(c, layout, t, lang))
            band = mapdraw._draw_emotion_band
            monkeypatch.setattr(mapdraw, "_draw_emotion_band",
                                lambda c, layout, t, lang, *, blank, view=None: band(c, layout, t, lang,
                                                                                    blank=blank))
        folder = tmp_path / ("fast" if fast else "plain")
        folder.mkdir()
        export_pdf(project, folder / "tiles.pdf", kind="poster", tile_scale=1.0, lang="en")
        export_pdf(project, folder / "tiles-zh.pdf", kind="poster", paper="A3", landscape=True,
                   tile_scale=1.3, lang="zh")
        for name in ("tiles", "tiles-zh"):
            subprocess.run(["pdftoppm", "-r", "60", "-png", str(folder / f"{name}.pdf"),
                            str(folder / name)], check=True)
        renders.append({png.name: hashlib.sha256(png.read_bytes()).hexdigest()
                        for png in sorted(folder.glob("*.png"))})
    assert len(renders[0]) > 10
    assert renders[0] == renders[1]
    fast, plain = ((tmp_path / name / "tiles.pdf").stat().st_size for name in ("fast", "plain"))
    assert fast < plain  # the fast pages really leave out what they do not show

"""JSON interchange: lossless round trips over hostile projects, and strict, readable validation."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blueprint_studio.interchange import (
    FORMAT_NAME, FORMAT_VERSION, InterchangeError, dump_json, dumps_json, load_json, loads_json,
    project_from_dict, project_to_dict,
)
from blueprint_studio.model import Card, Connector, Project, Stage
from blueprint_studio.model.factory import new_map, new_project
from strategies import projects


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _small_project() -> Project:
    service_map = new_map("开户 account", ["到达", "Check in"])
    customer = service_map.lanes[1]
    first = Card(service_map.stages[0].id, customer.id, 0, "Arrive 😀", emotion=1, wait_minutes=5.0)
    second = Card(service_map.stages[1].id, customer.id, 0, "=SUM(A1)", moment_of_truth=True)
    service_map.cards = {first.id: first, second.id: second}
    arrow = Connector(first.id, second.id, "then")
    service_map.connectors = {arrow.id: arrow}
    return new_project("Hotel 酒店", [service_map])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects())
def test_model_json_model_is_equal_and_json_model_json_is_identical(project):
    text = dumps_json(project)
    again = loads_json(text)
    assert again == project
    assert dumps_json(again) == text


def test_round_trip_through_files_on_disk(tmp_path):
    project = _small_project()
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    dump_json(project, first)
    loaded = load_json(first)
    dump_json(loaded, second)
    assert loaded == project
    assert first.read_bytes() == second.read_bytes()
    assert "酒店" in first.read_text(encoding="utf-8")  # readable, not \u-escaped


def test_document_carries_format_name_and_version():
    data = json.loads(dumps_json(_small_project()))
    assert data["format"] == FORMAT_NAME == "blueprint-studio"
    # Format 2 added concept screening; a project without it is still written as format 1,
    # the lowest version that holds every section it has (readable by older versions).
    assert data["version"] == 1 and FORMAT_VERSION == 3


def test_newer_version_is_refused_with_a_clear_sentence():
    data = project_to_dict(_small_project())
    data["version"] = FORMAT_VERSION + 1
    with pytest.raises(InterchangeError, match="newer Blueprint Studio"):
        project_from_dict(data)


def test_hand_written_minimal_file_loads_with_defaults_and_file_order():
    text = json.dumps({
        "format": "blueprint-studio", "version": 1,
        "project": {"maps": [{
            "name": "Mini",
            "stages": [{"id": "s1", "name": "One"}],
            "lanes": [{"id": "l1", "kind": "customer"}],
            "cards": [{"id": "b", "stage_id": "s1", "lane_id": "l1", "text": "second", "order": 5},
                      {"id": "a", "stage_id": "s1", "lane_id": "l1", "text": "first", "order": 2},
                      {"id": "c", "stage_id": "s1", "lane_id": "l1", "text": "no order"}],
            "connectors": [{"id": "x", "source_id": "a", "target_id": "b"}],
        }]},
    })
    project = loads_json(text)
    service_map = project.maps[0]
    # Gappy orders keep their relative order; a missing order means "its place in the file".
    assert [c.text for c in service_map.cards_in_reading_order()] == ["first", "no order", "second"]
    assert [c.order for c in service_map.cards_in_reading_order()] == [0, 1, 2]
    assert service_map.cards["a"].kind.value == "action"
    assert service_map.cards["a"].emotion is None
    assert len(project.id) == 32 and len(service_map.id) == 32  # fresh ids where none were given


def _broken(mutate) -> dict:
    data = project_to_dict(_small_project())
    mutate(data)
    return data


def _map(data):
    return data["project"]["maps"][0]


BROKEN_DOCUMENTS = {
    "not an object": lambda d: d.clear() or d.update({"format": "blueprint-studio", "version": 1, "project": []}),
    "wrong format": lambda d: d.update(format="something-else"),
    "version as text": lambda d: d.update(version="1"),
    "version zero": lambda d: d.update(version=0),
    "maps not a list": lambda d: d["project"].update(maps={"a": 1}),
    "map kind unknown": lambda d: _map(d).update(kind="mindmap"),
    "lane kind unknown": lambda d: _map(d)["lanes"][0].update(kind="middle"),
    "card kind unknown": lambda d: _map(d)["cards"][0].update(kind="sticker"),
    "channel unknown": lambda d: _map(d)["cards"][0].update(channel="telepathy"),
    "emotion too high": lambda d: _map(d)["cards"][0].update(emotion=3),
    "emotion float": lambda d: _map(d)["cards"][0].update(emotion=1.5),
    "emotion bool": lambda d: _map(d)["cards"][0].update(emotion=True),
    "mot as text": lambda d: _map(d)["cards"][0].update(moment_of_truth="yes"),
    "negative wait": lambda d: _map(d)["cards"][0].update(wait_minutes=-1),
    "wait as text": lambda d: _map(d)["cards"][0].update(wait_minutes="5"),
    "text as number": lambda d: _map(d)["cards"][0].update(text=12),
    "colour malformed": lambda d: _map(d)["cards"][0].update(colour="red"),
    "colour number": lambda d: _map(d)["cards"][0].update(colour=0),
    "order negative": lambda d: _map(d)["cards"][0].update(order=-1),
    "card in missing stage": lambda d: _map(d)["cards"][0].update(stage_id="nowhere"),
    "card in missing lane": lambda d: _map(d)["cards"][0].update(lane_id="nowhere"),
    "card without id": lambda d: _map(d)["cards"][0].pop("id"),
    "empty id": lambda d: _map(d)["cards"][0].update(id=""),
    "duplicate card id": lambda d: _map(d)["cards"][1].update(id=_map(d)["cards"][0]["id"]),
    "duplicate stage id": lambda d: _map(d)["stages"][1].update(id=_map(d)["stages"][0]["id"]),
    "duplicate lane id": lambda d: _map(d)["lanes"][1].update(id=_map(d)["lanes"][0]["id"]),
    "duplicate map id": lambda d: d["project"]["maps"].append(copy.deepcopy(_map(d))),
    "arrow to missing card": lambda d: _map(d)["connectors"][0].update(target_id="ghost"),
    "arrow to itself": lambda d: _map(d)["connectors"][0].update(target_id=_map(d)["connectors"][0]["source_id"]),
    "duplicate arrow": lambda d: _map(d)["connectors"].append(dict(_map(d)["connectors"][0], id="other")),
    "width too small": lambda d: _map(d)["stages"][0].update(width=1),
    "info title number": lambda d: d["project"]["info"].update(title=5),
    "info not an object": lambda d: d["project"].update(info="x"),
    "lone surrogate": lambda d: _map(d)["cards"][0].update(text="bad \ud800"),
    "show curve as number": lambda d: _map(d).update(show_emotion_curve=1),
}


@pytest.mark.parametrize("name", sorted(BROKEN_DOCUMENTS))
def test_broken_documents_give_one_clear_sentence(name):
    with pytest.raises(InterchangeError) as caught:
        project_from_dict(_broken(BROKEN_DOCUMENTS[name]))
    message = str(caught.value)
    assert message.endswith(".") and "\n" not in message and "Traceback" not in message


def test_error_names_the_place():
    data = _broken(lambda d: _map(d)["cards"][1].update(emotion=7))
    with pytest.raises(InterchangeError, match=r"project\.maps\[0\]\.cards\[1\]\.emotion"):
        project_from_dict(data)


@pytest.mark.parametrize("content", [
    b"", b"not json", b"\x89PNG\r\n\x1a\n\x00\x00", b"[1, 2", "{\"a\": 1}".encode("utf-16"),
    b"[" * 100000, b"{\"format\": \"blueprint-studio\", \"version\": NaN}", b"\xff\xfe\xfa",
])
def test_files_that_are_not_projects_are_refused_and_left_alone(tmp_path, content):
    path = tmp_path / "input.json"
    path.write_bytes(content)
    before = _digest(path)
    with pytest.raises(InterchangeError):
        load_json(path)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["input.json"]


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InterchangeError, match="no file"):
        load_json(tmp_path / "missing.json")
    with pytest.raises(InterchangeError, match="folder"):
        load_json(tmp_path)


def test_export_into_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(InterchangeError, match="does not exist"):
        dump_json(_small_project(), tmp_path / "no" / "such" / "out.json")


def test_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + dumps_json(_small_project()).encode("utf-8"))
    assert load_json(path).info.title == "Hotel 酒店"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=6,
)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, prefix + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, prefix + (index,))


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_any_corruption_gives_interchange_error_or_a_valid_project(data):
    document = project_to_dict(_small_project())
    paths = [p for p in _paths(document) if p]
    path = data.draw(st.sampled_from(paths))
    replacement = data.draw(json_values)
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = copy.deepcopy(replacement)
    try:
        project = project_from_dict(document)
    except InterchangeError:
        return
    assert loads_json(dumps_json(project)) == project


def test_export_does_not_change_the_project():
    project = _small_project()
    snapshot = copy.deepcopy(project_to_dict(project))
    dumps_json(project)
    assert project_to_dict(project) == snapshot


def test_ids_need_only_be_unique_where_the_model_needs_it():
    """A map copied with its ids (allowed by the model and the project file) round-trips."""
    data = project_to_dict(_small_project())
    twin = copy.deepcopy(_map(data))
    twin["id"] = "another map"
    data["project"]["maps"].append(twin)
    project = project_from_dict(data)
    assert project_to_dict(project) == data


def test_stage_width_and_phase_survive():
    project = _small_project()
    project.maps[0].stages.append(Stage(name="Wide", phase="after 事后", width=321.5))
    assert loads_json(dumps_json(project)).maps[0].stages[-1].width == 321.5

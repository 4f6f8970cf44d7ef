"""Model -> file -> model round trips, whole and through incremental saves."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blueprint_studio.model import Card, Connector, Lane, LaneKind, Stage
from blueprint_studio.model import operations as ops
from blueprint_studio.model.validate import check_project
from blueprint_studio.storage import FILE_SUFFIX, ProjectFile, read_project, write_project
from strategies import HOSTILE_SAMPLES, hostile_text, projects, service_maps

SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@SETTINGS
@given(projects())
def test_whole_project_round_trip(project):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"round{FILE_SUFFIX}"
        write_project(project, path)
        loaded = read_project(path)
    assert loaded == project
    check_project(loaded)


def test_hostile_text_survives_exactly(tmp_path):
    """NUL characters, 3000-character strings, CRLF and emoji come back unchanged."""
    from blueprint_studio.model import factory

    service_map = factory.new_map("地图 <b>", ["S"])
    project = factory.new_project("\x00title\x00", [service_map])
    for index, text in enumerate(HOSTILE_SAMPLES):
        card = Card(stage_id=service_map.stages[0].id, lane_id=service_map.lanes[1].id,
                    order=index, text=text, notes=text[::-1], owner=text[:5])
        service_map.cards[card.id] = card
    path = tmp_path / "hostile.bpstudio"
    write_project(project, path)
    loaded = read_project(path)
    texts = [c.text for c in loaded.maps[0].cards_in_cell(service_map.stages[0].id,
                                                          service_map.lanes[1].id)]
    assert texts == HOSTILE_SAMPLES
    assert loaded.info.title == "\x00title\x00"
    assert loaded == project


# -- random edits through the operations, saved incrementally ----------------------

def _random_operation(data, project):
    """Draw one valid-looking operation for `project` (it may still be refused)."""
    service_map = data.draw(st.sampled_from(project.maps))
    mid = service_map.id
    cards = list(service_map.cards)
    choice = data.draw(st.sampled_from([
        "info", "map", "add_map", "remove_map", "move_map", "add_stage", "remove_stage",
        "move_stage", "update_stage", "add_lane", "remove_lane", "move_lane", "update_lane",
        "add_card", "remove_card", "move_card", "update_card", "add_connector",
        "remove_connector", "update_connector",
    ]))
    text = hostile_text
    if choice == "info":
        return ops.UpdateProjectInfo({"notes": data.draw(text), "title": data.draw(text)})
    if choice == "map":
        return ops.UpdateMap(mid, {"name": data.draw(text), "show_emotion_curve": data.draw(st.booleans())})
    if choice == "add_map":
        return ops.AddMap(data.draw(service_maps(max_stages=3, max_cards=5)),
                          data.draw(st.integers(0, len(project.maps))))
    if choice == "remove_map" and len(project.maps) > 1:
        return ops.RemoveMap(mid)
    if choice == "move_map":
        return ops.MoveMap(mid, data.draw(st.integers(0, len(project.maps))))
    if choice == "add_stage":
        return ops.AddStage(mid, Stage(name=data.draw(text)), data.draw(st.integers(0, 6)))
    if choice == "remove_stage" and len(service_map.stages) > 1:
        return ops.RemoveStage(mid, data.draw(st.sampled_from(service_map.stages)).id)
    if choice == "move_stage":
        return ops.MoveStage(mid, data.draw(st.sampled_from(service_map.stages)).id,
                             data.draw(st.integers(0, 6)))
    if choice == "update_stage":
        return ops.UpdateStage(mid, data.draw(st.sampled_from(service_map.stages)).id,
                               {"phase": data.draw(text), "width": data.draw(st.sampled_from([None, 120.5]))})
    if choice == "add_lane":
        return ops.AddLane(mid, Lane(kind=LaneKind.CUSTOM, name=data.draw(text)),
                           data.draw(st.integers(0, 6)))
    if choice == "remove_lane" and len(service_map.lanes) > 1:
        return ops.RemoveLane(mid, data.draw(st.sampled_from(service_map.lanes)).id)
    if choice == "move_lane":
        return ops.MoveLane(mid, data.draw(st.sampled_from(service_map.lanes)).id,
                            data.draw(st.integers(0, 6)))
    if choice == "update_lane":
        return ops.UpdateLane(mid, data.draw(st.sampled_from(service_map.lanes)).id,
                              {"colour": data.draw(st.sampled_from(["", "#abcdef"]))})
    if choice == "add_card":
        return ops.AddCard(mid, Card(stage_id=data.draw(st.sampled_from(service_map.stages)).id,
                                     lane_id=data.draw(st.sampled_from(service_map.lanes)).id,
                                     order=data.draw(st.integers(0, 4)), text=data.draw(text)))
    if choice == "remove_card" and cards:
        return ops.RemoveCard(mid, data.draw(st.sampled_from(cards)))
    if choice == "move_card" and cards:
        return ops.MoveCard(mid, data.draw(st.sampled_from(cards)),
                            data.draw(st.sampled_from(service_map.stages)).id,
                            data.draw(st.sampled_from(service_map.lanes)).id,
                            data.draw(st.integers(0, 4)))
    if choice == "update_card" and cards:
        return ops.UpdateCard(mid, data.draw(st.sampled_from(cards)),
                              {"text": data.draw(text), "emotion": data.draw(st.sampled_from([None, -2, 1])),
                               "wait_minutes": data.draw(st.sampled_from([None, 0.25, 90.0]))})
    if choice == "add_connector" and len(cards) >= 2:
        source, target = data.draw(st.lists(st.sampled_from(cards), min_size=2, max_size=2, unique=True))
        return ops.AddConnector(mid, Connector(source, target, data.draw(text)))
    if choice == "remove_connector" and service_map.connectors:
        return ops.RemoveConnector(mid, data.draw(st.sampled_from(list(service_map.connectors))))
    if choice == "update_connector" and service_map.connectors:
        return ops.UpdateConnector(mid, data.draw(st.sampled_from(list(service_map.connectors))),
                                   {"label": data.draw(text)})
    return None


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(projects(max_maps=2), st.data())
def test_incremental_saves_match_the_model(project, data):
    """Random edits, undos and saves: after every save the file reads back as the model."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "edited.bpstudio"
        with ProjectFile.create(project, path) as project_file:
            undo: list = []
            for _step in range(data.draw(st.integers(1, 25))):
                if undo and data.draw(st.integers(0, 4)) == 0:
                    undo.pop().apply(project_file.project)
                else:
                    operation = _random_operation(data, project_file.project)
                    if operation is None:
                        continue
                    try:
                        undo.append(operation.apply(project_file.project))
                    except ValueError:  # ModelError: a refused edit changes nothing
                        continue
                if data.draw(st.integers(0, 2)) == 0:
                    project_file.save()
                    assert not project_file.is_dirty
                    assert read_project(path) == project_file.project
            project_file.save()
            assert read_project(path) == project_file.project


def test_two_maps_may_hold_copies_with_the_same_ids(tmp_path):
    """Everything a map owns is keyed by (map, id): a duplicated map keeps its ids."""
    import dataclasses

    from blueprint_studio.model import factory

    original = factory.new_map("Original", ["A", "B"])
    card = Card(stage_id=original.stages[0].id, lane_id=original.lanes[0].id, text="same id")
    original.cards[card.id] = card
    project = factory.new_project("Copies", [original])
    path = tmp_path / "copies.bpstudio"
    with ProjectFile.create(project, path) as project_file:
        twin = dataclasses.replace(original, id="twin-map", name="Twin")
        ops.AddMap(twin).apply(project_file.project)
        project_file.save()
        ops.UpdateCard("twin-map", card.id, {"text": "only the twin"}).apply(project_file.project)
        ops.MoveStage("twin-map", original.stages[1].id, 0).apply(project_file.project)
        project_file.save()
        loaded = read_project(path)
        assert loaded == project_file.project
    assert loaded.maps[0].cards[card.id].text == "same id"
    assert loaded.maps[1].cards[card.id].text == "only the twin"
    assert [s.name for s in loaded.maps[1].stages] == ["B", "A"]
    assert [s.name for s in loaded.maps[0].stages] == ["A", "B"]


def test_unpaired_surrogates_are_stored_as_replacement_characters(tmp_path):
    """They are not characters and UTF-8 cannot hold them (escaped JSON can carry them)."""
    from blueprint_studio.model import factory

    project = factory.new_project("bad \ud800 title 好", [factory.new_map("M \udfff", ["S"])])
    path = tmp_path / "surrogates.bpstudio"
    with ProjectFile.create(project, path) as project_file:
        ops.UpdateMap(project.maps[0].id, {"description": "x\udc80y"}).apply(project)
        project_file.save()
    loaded = read_project(path)
    assert loaded.info.title == "bad \ufffd title 好"
    assert loaded.maps[0].name == "M \ufffd"
    assert loaded.maps[0].description == "x\ufffdy"

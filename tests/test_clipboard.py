"""Copy/paste of cards as pure model operations: fresh ids, matching stages and lanes,
arrows among the copied cards, one undoable Batch, clear refusal of foreign data."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import given, settings, strategies as st

from blueprint_studio.model import Card, CardKind, Channel, Connector, Lane, LaneKind, ModelError
from blueprint_studio.model import clipboard
from blueprint_studio.model.factory import new_map, new_project
from blueprint_studio.model.validate import check_project
from strategies import projects


def _source():
    service_map = new_map("Source", ["Arrive", "Order", "Pay"])
    s = service_map.stages
    customer = service_map.lane_of_kind(LaneKind.CUSTOMER)
    front = service_map.lane_of_kind(LaneKind.FRONTSTAGE)
    extra = Lane(LaneKind.CUSTOM, "Pain points 痛点")
    service_map.lanes.append(extra)
    cards = [
        Card(s[0].id, customer.id, 0, "Walks in", CardKind.ACTION, Channel.PHYSICAL, emotion=1,
             moment_of_truth=True, wait_minutes=3.5, owner="guest", notes="n", colour="#aabbcc"),
        Card(s[1].id, front.id, 0, "Takes the order 点单", CardKind.TOUCHPOINT, fail_point=True),
        Card(s[2].id, extra.id, 0, "Queue too long", CardKind.PAIN_POINT, emotion=-2),
    ]
    for card in cards:
        service_map.cards[card.id] = card
    a = Connector(cards[0].id, cards[1].id, "asks")
    b = Connector(cards[1].id, cards[2].id)
    service_map.connectors.update({a.id: a, b.id: b})
    return new_project("p", [service_map]), service_map, cards


def test_paste_into_the_same_map_copies_cards_into_their_own_cells_with_fresh_ids():
    project, service_map, cards = _source()
    data = clipboard.serialise(service_map, [c.id for c in cards])
    batch, new_ids = clipboard.paste_operations(clipboard.parse(data), service_map)
    before = copy.deepcopy(project)
    inverse = batch.apply(project)
    check_project(project)
    assert len(new_ids) == 3 and not set(new_ids) & {c.id for c in cards}
    for original, new_id in zip(cards, new_ids):
        copy_ = service_map.cards[new_id]
        assert (copy_.stage_id, copy_.lane_id) == (original.stage_id, original.lane_id)
        assert copy_.order == 1  # after the original in its cell
        for name in ("text", "kind", "channel", "emotion", "moment_of_truth", "fail_point",
                     "wait_minutes", "owner", "notes", "colour"):
            assert getattr(copy_, name) == getattr(original, name)
    copied = [c for c in service_map.connectors.values() if c.source_id in new_ids]
    assert sorted((new_ids.index(c.source_id), new_ids.index(c.target_id), c.label) for c in copied) == [
        (0, 1, "asks"), (1, 2, "")]
    inverse.apply(project)
    assert project == before


def test_paste_into_another_project_matches_stages_and_lanes_by_name_else_the_target_cell():
    _, source_map, cards = _source()
    target_map = new_map("Target", ["pay", "Elsewhere", "Arrive"])  # names match case-insensitively
    target = new_project("t", [target_map])
    cell = (target_map.stages[1].id, target_map.lanes[0].id)
    data = clipboard.serialise(source_map, [c.id for c in cards])
    batch, new_ids = clipboard.paste_operations(clipboard.parse(data), target_map, cell)
    batch.apply(target)
    check_project(target)
    walks, takes, queue = (target_map.cards[i] for i in new_ids)
    assert target_map.stage(walks.stage_id).name == "Arrive"
    assert target_map.lane(walks.lane_id).kind is LaneKind.CUSTOMER   # standard lane: by kind
    assert takes.stage_id == cell[0]                                   # no stage "Order": target cell
    assert target_map.lane(takes.lane_id).kind is LaneKind.FRONTSTAGE
    assert target_map.stage(queue.stage_id).name == "pay"
    assert queue.lane_id == cell[1]                                     # no custom lane of that name
    assert len(target_map.connectors) == 2


def test_anchored_paste_puts_the_group_at_the_chosen_cell_keeping_its_shape():
    project, service_map, cards = _source()
    walks, takes, _ = cards
    data = clipboard.serialise(service_map, [walks.id, takes.id])  # stage +1, lane +1 apart
    lanes = service_map.lanes
    customer_index = service_map.lane_index(walks.lane_id)
    cell = (service_map.stages[1].id, lanes[customer_index + 1].id)
    batch, new_ids = clipboard.paste_operations(clipboard.parse(data), service_map, cell, anchored=True)
    batch.apply(project)
    check_project(project)
    first, second = (service_map.cards[i] for i in new_ids)
    assert (first.stage_id, first.lane_id) == cell
    assert (second.stage_id, second.lane_id) == (service_map.stages[2].id, lanes[customer_index + 2].id)
    # At the map's edge the group is squeezed in rather than refused.
    corner = (service_map.stages[-1].id, lanes[-1].id)
    batch, new_ids = clipboard.paste_operations(clipboard.parse(data), service_map, corner, anchored=True)
    batch.apply(project)
    check_project(project)
    assert all((service_map.cards[i].stage_id, service_map.cards[i].lane_id) == corner for i in new_ids)


def test_only_arrows_among_the_copied_cards_come_along():
    _, service_map, cards = _source()
    content = clipboard.parse(clipboard.serialise(service_map, [cards[0].id, cards[2].id]))
    assert content.connectors == []
    assert content.plain_text() == "Walks in\nQueue too long"


@pytest.mark.parametrize("data", [
    "", "not json", "[]", '{"format": "other"}', b"\xff\xfe",
    '{"format": "blueprint-studio-cards", "version": 99, "cards": []}',
    '{"format": "blueprint-studio-cards", "version": 1, "cards": {}}',
    '{"format": "blueprint-studio-cards", "version": 1, "cards": [1]}',
    '{"format": "blueprint-studio-cards", "version": 1, "cards": [{"kind": "dragon"}]}',
    '{"format": "blueprint-studio-cards", "version": 1, "cards": [{"emotion": 7}]}',
    '{"format": "blueprint-studio-cards", "version": 1, "cards": [{"text": 5}]}',
])
def test_foreign_or_damaged_clipboard_data_is_refused_with_a_sentence(data):
    with pytest.raises(ModelError) as error:
        clipboard.parse(data)
    message = str(error.value)
    assert message and "\n" not in message and "Traceback" not in message


def test_dangling_arrows_in_clipboard_data_are_dropped():
    payload = {"format": "blueprint-studio-cards", "version": 1,
               "cards": [{"key": "a", "text": "A"}, {"key": "b", "text": "B"}],
               "connectors": [{"source": "a", "target": "zzz"}, {"source": "a", "target": "b", "label": 3},
                              {"source": "a", "target": "a"}]}
    content = clipboard.parse(json.dumps(payload))
    assert [(c.source_key, c.target_key, c.label) for c in content.connectors] == [("a", "b", "")]


def test_pasting_into_a_map_without_stages_explains_itself():
    _, service_map, cards = _source()
    empty = new_map("Empty", [])
    with pytest.raises(ModelError, match="stage"):
        clipboard.paste_operations(clipboard.parse(clipboard.serialise(service_map, [cards[0].id])), empty)


def test_text_from_other_programs_becomes_one_card_per_line():
    project, service_map, _ = _source()
    cell = (service_map.stages[0].id, service_map.lanes[0].id)
    batch, ids = clipboard.cards_from_text("first\r\n\n  second 第二 \n", service_map, cell)
    batch.apply(project)
    assert [service_map.cards[i].text for i in ids] == ["first", "second 第二"]
    check_project(project)


@settings(max_examples=40, deadline=None)
@given(source=projects(max_maps=1), target=projects(max_maps=1), data=st.data())
def test_any_selection_pastes_validly_into_any_map_and_undoes_exactly(source, target, data):
    source_map, target_map = source.maps[0], target.maps[0]
    ids = data.draw(st.lists(st.sampled_from(list(source_map.cards)), unique=True)) if source_map.cards else []
    content = clipboard.parse(clipboard.serialise(source_map, ids))
    assert len(content.cards) == len(ids)
    before = copy.deepcopy(target)
    cell = None
    if target_map.stages and target_map.lanes and data.draw(st.booleans()):
        cell = (data.draw(st.sampled_from(target_map.stages)).id, data.draw(st.sampled_from(target_map.lanes)).id)
    batch, new_ids = clipboard.paste_operations(content, target_map, cell, anchored=cell is not None)
    inverse = batch.apply(target)
    check_project(target)
    assert len(target_map.cards) == len(before.maps[0].cards) + len(ids)
    texts = sorted(target_map.cards[i].text for i in new_ids)
    assert texts == sorted(source_map.cards[i].text for i in ids)
    inverse.apply(target)
    assert target == before

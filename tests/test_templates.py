"""Built-in templates: all five build valid, bilingual, rich projects with fresh ids."""

from __future__ import annotations

import re

import pytest

from blueprint_studio.interchange import dumps_json, loads_json
from blueprint_studio.model import CardKind, LaneKind, MapKind, STANDARD_LANES
from blueprint_studio.model.lines import blueprint_lines
from blueprint_studio.model.validate import check_project
from blueprint_studio.templates import TemplateError, build_template, list_templates

NAMES = ["blank_blueprint", "blank_journey", "enterprise_training", "bank_account_opening",
         "hotel_stay"]
RICH = ["enterprise_training", "bank_account_opening", "hotel_stay"]
CJK = re.compile(r"[\u4e00-\u9fff]")


def _texts(project):
    yield project.info.title
    for service_map in project.maps:
        yield from (service_map.name, service_map.description)
        for stage in service_map.stages:
            yield from (stage.name, stage.phase, stage.description)
        yield from (lane.name for lane in service_map.lanes)
        for card in service_map.cards.values():
            yield from (card.text, card.owner, card.notes)
        yield from (c.label for c in service_map.connectors.values())


def test_the_five_templates_are_listed_in_order_with_titles_in_both_languages():
    infos = list_templates()
    assert [t.name for t in infos][:5] == NAMES
    for info in infos:
        assert info.title_en and info.title_zh and info.description_en and info.description_zh
        assert CJK.search(info.title_zh) and not CJK.search(info.title_en)
    assert len({t.title_en for t in infos}) == len(infos)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_template_builds_a_valid_project(name, lang):
    project = build_template(name, lang)
    check_project(project)
    assert project.info.title
    assert project.maps and all(m.stages and m.lanes for m in project.maps)
    assert loads_json(dumps_json(project)) == project


@pytest.mark.parametrize("name", NAMES)
def test_english_has_no_chinese_and_chinese_is_chinese(name):
    english, chinese = build_template(name, "en"), build_template(name, "zh")
    leaks = [text for text in _texts(english) if CJK.search(text)]
    assert not leaks, f"untranslated text in the English {name}: {leaks[:3]}"
    for service_map in chinese.maps:
        for stage in service_map.stages:
            assert CJK.search(stage.name)
        for card in service_map.cards.values():
            assert CJK.search(card.text), card.text


@pytest.mark.parametrize("name", NAMES)
def test_both_languages_have_the_same_structure(name):
    english, chinese = build_template(name, "en"), build_template(name, "zh")
    for en_map, zh_map in zip(english.maps, chinese.maps, strict=True):
        assert len(en_map.stages) == len(zh_map.stages)
        assert [lane.kind for lane in en_map.lanes] == [lane.kind for lane in zh_map.lanes]
        strip = lambda m: sorted((m.stage_index(c.stage_id), m.lane_index(c.lane_id), c.order,
                                  c.kind, c.emotion, c.moment_of_truth, c.fail_point)
                                 for c in m.cards.values())
        assert strip(en_map) == strip(zh_map)
        assert len(en_map.connectors) == len(zh_map.connectors)


def test_every_build_has_fresh_ids():
    first, second = build_template("hotel_stay"), build_template("hotel_stay")
    ids = lambda p: {p.id} | {m.id for m in p.maps} | {c for m in p.maps for c in m.cards} | \
        {s.id for m in p.maps for s in m.stages} | {lane.id for m in p.maps for lane in m.lanes}
    assert not ids(first) & ids(second)
    # Editing one project never leaks into the next build (the data is copied, not shared).
    first.maps[0].stages[0].name = "changed"
    assert build_template("hotel_stay").maps[0].stages[0].name == "Arrive"


def test_blank_blueprint_has_the_five_lanes_and_three_lines():
    service_map = build_template("blank_blueprint").maps[0]
    assert tuple(lane.kind for lane in service_map.lanes) == STANDARD_LANES
    assert len(blueprint_lines(service_map)) == 3
    assert not service_map.cards


def test_blank_journey_phases():
    service_map = build_template("blank_journey", "zh").maps[0]
    assert service_map.kind is MapKind.JOURNEY
    assert [s.name for s in service_map.stages] == ["认知", "考虑", "购买", "使用", "反馈"]
    assert [s.phase for s in service_map.stages] == ["事前", "事前", "事中", "事后", "事后"]
    english = build_template("blank_journey", "en").maps[0]
    assert [s.name for s in english.stages] == ["Awareness", "Consideration", "Purchase", "Use", "Feedback"]
    assert [s.phase for s in english.stages] == ["Before", "Before", "During", "After", "After"]
    assert service_map.show_emotion_curve


def test_enterprise_training_follows_the_case():
    service_map = build_template("enterprise_training", "zh").maps[0]
    assert [s.name for s in service_map.stages] == ["提交培训需求", "培训准备", "参加培训", "培训回顾"]
    texts = {c.text for c in service_map.cards.values()}
    assert {"填写培训需求表单", "培训教材库", "参加培训并上机演练", "BI 报表系统"} <= texts
    wait = next(c for c in service_map.cards.values() if c.text == "确认参训人员与时间")
    assert wait.wait_minutes == 1440 and wait.emotion == -1


@pytest.mark.parametrize("name", RICH)
def test_rich_templates_carry_the_methods(name):
    project = build_template(name)
    service_map = project.maps[0]
    cards = list(service_map.cards.values())
    customer = service_map.lane_of_kind(LaneKind.CUSTOMER)
    customer_cards = [c for c in cards if c.lane_id == customer.id]
    assert len(cards) >= 25
    assert all(c.emotion is not None for c in customer_cards)
    assert min(c.emotion for c in customer_cards) < 0 < max(c.emotion for c in customer_cards)
    assert any(c.moment_of_truth for c in cards)
    assert any(c.fail_point for c in cards)
    assert any(c.wait_minutes for c in cards)
    assert len(service_map.connectors) >= 10
    assert {lane.kind for lane in service_map.lanes} >= set(STANDARD_LANES)
    evidence = service_map.lane_of_kind(LaneKind.PHYSICAL_EVIDENCE)
    for stage in service_map.stages:  # every stage shows the customer something
        assert service_map.cards_in_cell(stage.id, evidence.id)
    assert all(c.kind is CardKind.EVIDENCE for c in cards if c.lane_id == evidence.id)


def test_hotel_stay_is_the_textbook_blueprint():
    service_map = build_template("hotel_stay").maps[0]
    assert [s.name for s in service_map.stages] == [
        "Arrive", "Check in", "Go to the room", "Stay overnight", "Room service", "Check out"]
    texts = {c.text for c in service_map.cards.values()}
    assert {"Hotel exterior", "Parking", "Front desk", "Key", "Room", "Menu", "Bill",
            "Process registration", "Take food order", "Prepare food", "Registration system"} <= texts


def test_unknown_template_and_language_are_clear_errors():
    with pytest.raises(TemplateError, match="no template named"):
        build_template("spaceship")
    with pytest.raises(TemplateError, match="language"):
        build_template("hotel_stay", "fr")

"""Random sequences of canvas edits, then undo them all: the model is back exactly as it was
opened, and after every step the scene's items are exactly the model's entities."""

from __future__ import annotations

import copy

from hypothesis import HealthCheck, given, settings, strategies as st
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter, QUndoStack
from PySide6.QtWidgets import QApplication

from blueprint_studio.canvas import MapScene
from blueprint_studio.model import CardKind, Project
from blueprint_studio.model.validate import check_project
from strategies import hostile_text, service_maps

EDITS = ["add_card", "delete_cards", "move_cards", "connect", "add_stage", "add_lane",
         "delete_stage", "delete_lane", "duplicate", "edit_text", "rename_stage", "resize",
         "move_stage", "move_lane", "delete_arrow", "copy_paste"]


def _check_scene(scene: MapScene) -> None:
    scene.flush()
    service_map = scene.map
    assert set(scene.card_items()) == set(service_map.cards)
    assert set(scene.connector_items()) == set(service_map.connectors)
    stages, lanes = scene.header_ids()
    assert set(stages) == {s.id for s in service_map.stages}
    assert set(lanes) == {lane.id for lane in service_map.lanes}
    # Headers sit in the model's order.
    xs = [scene.stage_header(s.id).x() for s in service_map.stages]
    ys = [scene.lane_header(lane.id).y() for lane in service_map.lanes]
    assert xs == sorted(xs) and ys == sorted(ys)
    for card_id, rect in scene.layout.card_rects.items():
        assert scene.card_item(card_id).rect() == rect
    # Cells grow to fit their cards: no two cards overlap, every card lies inside its cell.
    rects = sorted(scene.layout.card_rects.values())
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            if b.x >= a.right:
                break
            assert a.bottom <= b.y or b.bottom <= a.y or a.right <= b.x, (a, b)
    for card in service_map.cards.values():
        cell = scene.layout.cell_rect(card.stage_id, card.lane_id)
        rect = scene.layout.card_rects[card.id]
        assert cell.x <= rect.x and rect.right <= cell.right + 0.01
        assert cell.y <= rect.y and rect.bottom <= cell.bottom + 0.01
    check_project(scene.project)


def _paint(scene: MapScene) -> None:
    image = QImage(800, 600, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, 800, 600), scene.sceneRect())
    painter.end()


def _edit(scene: MapScene, data, name: str) -> None:
    service_map = scene.map
    cards = list(service_map.cards)
    pick_cards = st.lists(st.sampled_from(cards), min_size=1, max_size=4, unique=True) if cards else None
    if name == "add_card" and service_map.stages and service_map.lanes:
        stage = data.draw(st.sampled_from(service_map.stages)).id
        lane = data.draw(st.sampled_from(service_map.lanes)).id
        scene.add_card(stage, lane, data.draw(st.sampled_from(list(CardKind))), data.draw(hostile_text),
                       data.draw(st.one_of(st.none(), st.integers(0, 5))))
    elif name == "delete_cards" and cards:
        scene.set_card_selection(data.draw(pick_cards))
        scene.delete_selection()
    elif name == "move_cards" and cards:
        chosen = data.draw(pick_cards)
        stage = data.draw(st.sampled_from(service_map.stages)).id
        lane = data.draw(st.sampled_from(service_map.lanes)).id
        scene.move_cards(chosen, chosen[0], (stage, lane), data.draw(st.integers(0, 6)))
    elif name == "connect" and len(cards) >= 2:
        a, b = data.draw(st.lists(st.sampled_from(cards), min_size=2, max_size=2, unique=True))
        scene.connect_cards(a, b, data.draw(hostile_text))
    elif name == "add_stage":
        scene.add_stage(data.draw(st.one_of(st.none(), st.integers(0, 6))))
        scene.finish_editing(True)
    elif name == "add_lane":
        scene.add_lane(data.draw(st.one_of(st.none(), st.integers(0, 8))))
        scene.finish_editing(True)
    elif name == "delete_stage" and len(service_map.stages) > 1:
        scene.select_stage(data.draw(st.sampled_from(service_map.stages)).id)
        scene.delete_selection()
    elif name == "delete_lane" and len(service_map.lanes) > 1:
        scene.select_lane(data.draw(st.sampled_from(service_map.lanes)).id)
        scene.delete_selection()
    elif name == "duplicate" and cards:
        scene.set_card_selection(data.draw(pick_cards))
        scene.duplicate_selection()
    elif name == "edit_text" and cards:
        card_id = data.draw(st.sampled_from(cards))
        scene.edit_card(card_id)
        editor = scene.editor()
        editor.setPlainText(data.draw(hostile_text))
        scene.finish_editing(data.draw(st.booleans()))
    elif name == "rename_stage" and service_map.stages:
        scene.rename_stage(data.draw(st.sampled_from(service_map.stages)).id)
        scene.editor().setPlainText(data.draw(hostile_text))
        scene.finish_editing(True)
    elif name == "resize" and service_map.stages:
        stage = data.draw(st.sampled_from(service_map.stages)).id
        scene.resize_stage(stage, data.draw(st.one_of(st.none(), st.integers(60, 900).map(float))))
    elif name == "move_stage" and service_map.stages:
        stage = data.draw(st.sampled_from(service_map.stages)).id
        scene.move_axis_item("stage", stage, data.draw(st.integers(0, len(service_map.stages) - 1)))
    elif name == "move_lane" and service_map.lanes:
        lane = data.draw(st.sampled_from(service_map.lanes)).id
        scene.move_axis_item("lane", lane, data.draw(st.integers(0, len(service_map.lanes) - 1)))
    elif name == "delete_arrow" and service_map.connectors:
        scene.select_connector(data.draw(st.sampled_from(list(service_map.connectors))))
        scene.delete_selection()
    elif name == "copy_paste" and cards:
        scene.set_card_selection(data.draw(pick_cards))
        scene.copy_selection()
        scene.paste()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(service_map=service_maps(max_stages=3, max_cards=8), data=st.data())
def test_random_edits_then_undo_all_restore_the_opened_model(qapp, service_map, data):
    project = Project(maps=[service_map])
    opened = copy.deepcopy(project)
    stack = QUndoStack()
    scene = MapScene(project, service_map.id, stack)
    try:
        _check_scene(scene)
        for name in data.draw(st.lists(st.sampled_from(EDITS), min_size=1, max_size=12)):
            _edit(scene, data, name)
            _check_scene(scene)
        _paint(scene)  # hostile text (emoji, control characters, 3,000 x's) must paint too
        while stack.canUndo():
            stack.undo()
        assert project == opened
        _check_scene(scene)
        while stack.canRedo():
            stack.redo()
        _check_scene(scene)
    finally:
        scene.detach()
        scene.deleteLater()
        stack.deleteLater()
        QApplication.processEvents()

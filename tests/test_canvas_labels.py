"""In-place edits that change nothing add no undo step: an arrow's label is stored without
surrounding spaces, so typing it again with spaces around it is no change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt

from canvas_helpers import close_canvas, open_canvas


@pytest.fixture
def canvas(qtbot):
    c = open_canvas(qtbot)
    yield c
    close_canvas(c)


def _label_point(c, arrow_id: str):
    """The middle of an arrow's longest segment, where its label sits (viewport point)."""
    item = c.scene.connector_item(arrow_id)
    (x0, y0), (x1, y1) = max(zip(item.points, item.points[1:]),
                             key=lambda seg: abs(seg[1][0] - seg[0][0]) + abs(seg[1][1] - seg[0][1]))
    return c.vp(QPointF((x0 + x1) / 2, (y0 + y1) / 2))


def _relabel(c, arrow_id: str, typed: str) -> None:
    c.double_click(_label_point(c, arrow_id))
    assert c.scene.editor() is not None
    c.keys(typed)  # the label is selected: typing replaces it
    c.key(Qt.Key.Key_Return)
    assert c.scene.editor() is None


@pytest.mark.parametrize("typed", ["then ", "  then", " then  "])
def test_a_whitespace_only_change_of_an_arrow_label_adds_no_undo_step(canvas, typed):
    c = canvas
    arrow = next(a for a in c.map.connectors.values() if a.label == "then")
    _relabel(c, arrow.id, typed)
    assert c.map.connectors[arrow.id].label == "then"
    assert c.stack.count() == 0


def test_spaces_typed_into_an_empty_label_add_no_undo_step(canvas):
    c = canvas
    arrow = next(a for a in c.map.connectors.values() if a.label == "")
    _relabel(c, arrow.id, "   ")
    assert c.map.connectors[arrow.id].label == ""
    assert c.stack.count() == 0


def test_a_real_change_of_an_arrow_label_is_one_undo_step_stored_trimmed(canvas):
    c = canvas
    arrow = next(a for a in c.map.connectors.values() if a.label == "then")
    _relabel(c, arrow.id, " next ")
    assert c.map.connectors[arrow.id].label == "next"
    assert c.stack.count() == 1
    c.stack.undo()
    assert c.map.connectors[arrow.id].label == "then"


@pytest.mark.parametrize("kind", ["stage", "lane"])
def test_renaming_a_header_to_its_own_name_with_spaces_adds_no_undo_step(canvas, kind):
    c = canvas
    entity = c.map.stages[0] if kind == "stage" else c.map.lanes[-1]
    header = (c.scene.stage_header if kind == "stage" else c.scene.lane_header)(entity.id)
    c.double_click(c.vp(header.sceneBoundingRect().center()))
    assert c.scene.editor() is not None
    c.keys(f" {c.scene.editor().toPlainText()} ")
    c.key(Qt.Key.Key_Return)
    assert c.stack.count() == 0

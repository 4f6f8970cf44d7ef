"""The card inspector's Evaluation tab, the survey import and the importance–performance chart
in the window: every change one undo step that undoes and redoes exactly."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt
from PySide6.QtWidgets import QWidget

from blueprint_studio.analysis import metrics
from blueprint_studio.analysis.ipa import Quadrant
from blueprint_studio.app.document import Document
from blueprint_studio.app.main_window import MainWindow
from blueprint_studio.app.settings import AppSettings
from blueprint_studio.interchange import project_from_dict, project_to_dict
from blueprint_studio.model.enums import LaneKind
from blueprint_studio.model.touchpoints import Lever, Metric, MomentStatus, Phase, moment_of
from blueprint_studio.templates import build_template


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("BLUEPRINT_STUDIO_CONFIG_DIR", str(tmp_path / "config"))
    window = MainWindow(AppSettings())
    window.set_document(Document(build_template("enterprise_training", "en"), recovery=window.recovery))
    window.resize(1280, 720)
    window.show()
    yield window
    window.hide()
    window.teardown()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _snapshot(project):
    return project_from_dict(project_to_dict(project))


def _customer_steps(window):
    service_map = window.document.project.maps[0]
    customer = {lane.id for lane in service_map.lanes if lane.kind is LaneKind.CUSTOMER}
    return service_map, [c for c in service_map.cards_in_reading_order() if c.lane_id in customer]


def _find(window, name):
    widget = window.inspector.findChild(QWidget, name)
    assert widget is not None, name
    return widget


def test_editing_a_cards_evaluation_is_undone_and_redone_step_by_step(window, qtbot):
    service_map, steps = _customer_steps(window)
    card = steps[3]  # "Watch the recording and rate satisfaction": the lowest point and the end
    window.map_area.current_scene().select_card(card.id)
    page = window.inspector.pages["card"]
    page.tabs.setCurrentIndex(1)
    assert "lowest point of the emotion curve" in _find(window, "inspectorMotReason").text()
    stack = window.document.undo_stack
    opened = _snapshot(window.document.project)
    snapshots = [opened]

    def step(action):
        before = stack.count()
        action()
        window.inspector.commit_pending()
        QCoreApplication.processEvents()
        assert stack.count() == before + 1, "one undo step per change"
        snapshots.append(_snapshot(window.document.project))

    step(lambda: qtbot.mouseClick(_find(window, "inspectorMot_dismissed"), Qt.MouseButton.LeftButton))
    assert moment_of(service_map, card.id).status is MomentStatus.DISMISSED
    step(lambda: qtbot.mouseClick(_find(window, "inspectorMot_confirmed"), Qt.MouseButton.LeftButton))
    assert moment_of(service_map, card.id).status is MomentStatus.CONFIRMED and card.moment_of_truth
    importance = _find(window, "inspector_moment_importance")
    step(lambda: importance.activated.emit(importance.findData(5)))
    lever = _find(window, "inspector_moment_lever")
    step(lambda: lever.activated.emit(lever.findData(Lever.OWN)))
    own = _find(window, "inspector_moment_lever_text")
    assert own.isEnabled()
    step(lambda: (own.setText("Follow-up Q&A group"), own.textEdited.emit("Follow-up Q&A group")))
    assert moment_of(service_map, card.id).lever_text == "Follow-up Q&A group"
    # the answer counts of CSAT before the improvement: three 4s and a 2 -> 75 %, n = 4
    phase = _find(window, "inspectorSurveyPhase")
    phase.setCurrentIndex(phase.findData(Phase.BEFORE))
    phase.activated.emit(phase.findData(Phase.BEFORE))
    step(lambda: _find(window, "inspector_count_csat_4").setValue(3))
    step(lambda: _find(window, "inspector_count_csat_2").setValue(1))
    assert _find(window, "inspectorResult_csat").text() == "CSAT: 75 %  (n = 4)"
    assert _find(window, "inspectorResult_nps").text() == "NPS: no data (n = 0)"
    # after the improvement four 5s: 100 %, and the overview shows the change
    phase.setCurrentIndex(phase.findData(Phase.AFTER))
    phase.activated.emit(phase.findData(Phase.AFTER))
    step(lambda: _find(window, "inspector_count_csat_5").setValue(4))
    assert metrics.card_metric(service_map, card.id, Metric.CSAT).change == 25.0
    assert "change +25" in _find(window, "inspectorSurveyOverview").text()
    step(lambda: _find(window, "inspector_rating_importance").setValue(4.5))
    # a KPI: added, named, before and after
    step(lambda: qtbot.mouseClick(_find(window, "inspectorAddKpi"), Qt.MouseButton.LeftButton))
    name = _find(window, "inspector_kpi_name")
    step(lambda: (name.setText("Response time"), name.textEdited.emit("Response time")))
    window.inspector.end_typing()
    page.evaluation.end_typing()
    step(lambda: _find(window, "inspector_kpi_before").setValue(45))
    step(lambda: _find(window, "inspector_kpi_after").setValue(12))
    higher = _find(window, "inspector_kpi_higher_is_better")
    step(lambda: higher.activated.emit(higher.findData(False)))
    assert "better" in _find(window, "inspector_kpi_change").text()
    edited = snapshots[-1]
    # undo one step at a time, back to the opened project; then redo all of it
    for expected in reversed(snapshots[:-1]):
        window.actions["actionUndo"].trigger()
        QCoreApplication.processEvents()
        assert _snapshot(window.document.project) == expected
    assert window.document.project == opened and not window.isWindowModified()
    while stack.canRedo():
        window.actions["actionRedo"].trigger()
    QCoreApplication.processEvents()
    assert window.document.project == edited
    assert _find(window, "inspector_kpi_name").text() == "Response time"


def test_survey_responses_imported_in_the_window_are_one_undo_step(window, tmp_path):
    _service_map, steps = _customer_steps(window)
    source = tmp_path / "survey.csv"
    source.write_text(f"card,metric,score\n{steps[0].text},importance,5\n{steps[0].text},performance,2\n"
                      f"{steps[1].id},importance,2\n{steps[1].id},performance,4\n", encoding="utf-8")
    from blueprint_studio.app.workspaces.blueprint.ipa_chart import import_survey_path

    opened = _snapshot(window.document.project)
    assert "actionImportSurveyResponses" in window.actions
    assert import_survey_path(window.session, str(source))
    assert window.document.undo_stack.count() == 1
    # the chart shows both, in their quadrants; a click on a dot selects its card
    window.actions["actionShowIpaChart"].trigger()
    dialog = window.workspace("blueprint").ipa_dialog
    dialog.resize(600, 500)
    dialog.refresh()
    chart = dialog.chart
    assert [(p.card_id, p.quadrant) for p in chart.result.points] == [
        (steps[0].id, Quadrant.CONCENTRATE_HERE), (steps[1].id, Quadrant.POSSIBLE_OVERKILL)]
    chart.grab()  # paints: places the dots
    target = chart.to_point(4, 2)
    chart.mousePressEvent(_press(target))
    assert window.map_area.current_scene().selected_card_ids() == [steps[1].id]
    window.actions["actionUndo"].trigger()
    QCoreApplication.processEvents()
    assert window.document.project == opened
    dialog.refresh()
    assert chart.result.points == ()
    assert "No touchpoint of this map" in dialog.summary.text()


def test_a_bad_survey_file_in_the_window_changes_nothing(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("blueprint_studio.app.dialogs.show_error", lambda _p, title, text: shown.append(text))
    source = tmp_path / "bad.csv"
    source.write_text("card,metric,score\nNobody,csat,3\n", encoding="utf-8")
    from blueprint_studio.app.workspaces.blueprint.ipa_chart import import_survey_path

    assert not import_survey_path(window.session, str(source))
    assert shown and "Row 2" in shown[0] and window.document.undo_stack.count() == 0


def _press(point: QPointF):
    from PySide6.QtGui import QMouseEvent

    return QMouseEvent(QEvent.Type.MouseButtonPress, point, point, Qt.MouseButton.LeftButton,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)

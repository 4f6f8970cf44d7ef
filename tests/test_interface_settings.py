"""View ▸ Participant Mode and View ▸ Larger Text, and the presentation's own choices:
applied at once, and remembered by a window opened afterwards."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QDockWidget

from blueprint_studio.app.document import Document
from blueprint_studio.app.language import switch_language
from blueprint_studio.app.main_window import MainWindow
from blueprint_studio.app.presentation.interface import SIMPLE_HIDDEN_FIELDS
from blueprint_studio.app.qt_translations import use_qt_translations
from blueprint_studio.app.settings import AppSettings
from blueprint_studio.app.theme import LARGE_TEXT_SCALE, UI_POINT_SIZE, apply_theme, set_text_scale, text_scale
from blueprint_studio.i18n import set_language
from blueprint_studio.templates import build_template


@pytest.fixture
def make(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("BLUEPRINT_STUDIO_CONFIG_DIR", str(tmp_path / "config"))
    apply_theme(qapp)
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        window = MainWindow(AppSettings())
        window.set_document(Document(build_template("hotel_stay", "en"), recovery=window.recovery))
        window.resize(1280, 720)
        window.show()
        QApplication.setActiveWindow(window)
        QCoreApplication.processEvents()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.hide()
        window.teardown()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    set_text_scale(qapp, 1.0)
    set_language("en")
    use_qt_translations("en")


def dock(window: MainWindow, name: str) -> QDockWidget:
    return window.findChild(QDockWidget, name)


def row_shown(window: MainWindow, kind: str, field: str) -> bool:
    page = window.inspector.pages[kind]
    return page.form.isRowVisible(page.editors[field].widget)


def close(window: MainWindow) -> None:
    window.close()
    QCoreApplication.processEvents()


def test_participant_mode_hides_the_advanced_panels_and_fields(qtbot, make):
    window = make()
    assert dock(window, "undoDock").isVisible()
    window.actions["actionParticipantMode"].trigger()
    assert window.actions["actionParticipantMode"].isChecked()
    for name in ("undoDock", "findingsDock"):
        assert not dock(window, name).isVisible()
        assert not dock(window, name).toggleViewAction().isEnabled()   # not shown again by hand
    assert dock(window, "paletteDock").isVisible() and dock(window, "inspectorDock").isVisible()
    for kind, field in SIMPLE_HIDDEN_FIELDS:
        assert not row_shown(window, kind, field), (kind, field)
    for kind, field in (("card", "text"), ("card", "kind"), ("card", "emotion"), ("card", "moment_of_truth"),
                        ("card", "fail_point"), ("card", "owner"), ("card", "notes"), ("stage", "name"),
                        ("lane", "name"), ("map", "name"), ("map", "show_emotion_curve")):
        assert row_shown(window, kind, field), (kind, field)
    window.actions["actionShowOverview"].trigger()
    window.actions["actionShowMapWorkspace"].trigger()   # the map's panels come back, not these
    assert not dock(window, "findingsDock").isVisible()
    window.actions["actionPresentation"].setChecked(True)
    window.actions["actionPresentation"].setChecked(False)
    assert not dock(window, "undoDock").isVisible() and not dock(window, "findingsDock").isVisible()
    window.actions["actionParticipantMode"].trigger()
    assert dock(window, "undoDock").isVisible() and dock(window, "undoDock").toggleViewAction().isEnabled()
    assert all(row_shown(window, kind, field) for kind, field in SIMPLE_HIDDEN_FIELDS)


def test_the_fields_stay_hidden_after_a_language_switch(qtbot, make):
    window = make()
    window.actions["actionParticipantMode"].trigger()
    switch_language("zh")
    assert not row_shown(window, "card", "colour") and row_shown(window, "card", "text")


def test_larger_text_enlarges_menus_panels_and_pages_of_their_own(qtbot, make, qapp):
    window = make()
    heading = window.overview.findChild(type(window.save_state_label), "overviewHeading") or window.overview
    own = heading.font().pointSizeF()
    window.actions["actionLargeText"].trigger()
    assert text_scale() == LARGE_TEXT_SCALE
    assert QApplication.font().pointSizeF() == pytest.approx(UI_POINT_SIZE * LARGE_TEXT_SCALE)
    assert window.menuBar().font().pointSizeF() == pytest.approx(UI_POINT_SIZE * LARGE_TEXT_SCALE)
    assert window.inspector.font().pointSizeF() == pytest.approx(UI_POINT_SIZE * LARGE_TEXT_SCALE)
    assert heading.font().pointSizeF() == pytest.approx(own * LARGE_TEXT_SCALE)
    window.actions["actionLargeText"].trigger()
    assert QApplication.font().pointSizeF() == pytest.approx(UI_POINT_SIZE)
    assert heading.font().pointSizeF() == pytest.approx(own)


def test_the_settings_are_remembered_by_a_new_window(qtbot, make, qapp):
    first = make()
    for name in ("actionParticipantMode", "actionLargeText", "actionPresentReveal", "actionPresentPointer"):
        first.actions[name].trigger()
    first.presentation.start_timer(7 * 60_000)
    close(first)
    set_text_scale(qapp, 1.0)   # as a new start of the program has it

    second = make()
    for name in ("actionParticipantMode", "actionLargeText", "actionPresentReveal", "actionPresentPointer"):
        assert second.actions[name].isChecked(), name
    assert not dock(second, "undoDock").isVisible() and not dock(second, "findingsDock").isVisible()
    assert not row_shown(second, "card", "channel")
    assert QApplication.font().pointSizeF() == pytest.approx(UI_POINT_SIZE * LARGE_TEXT_SCALE)
    assert second.presentation.last_timer_ms() == 7 * 60_000
    second.actions["actionPresentation"].setChecked(True)
    presentation = second.presenter.current()
    assert presentation.reveal and presentation._spotlight.covered(1) == "hidden"
    second.actions["actionPresentation"].setChecked(False)

    for name in ("actionParticipantMode", "actionLargeText", "actionPresentReveal"):
        second.actions[name].trigger()
    close(second)
    third = make()
    for name in ("actionParticipantMode", "actionLargeText", "actionPresentReveal"):
        assert not third.actions[name].isChecked(), name
    assert dock(third, "undoDock").isVisible()
    assert QApplication.font().pointSizeF() == pytest.approx(UI_POINT_SIZE)

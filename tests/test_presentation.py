"""Presentation mode (F5), driven as a trainer would: keys a clicker sends, Escape, the
mouse; what it shows, what it refuses, and that everything comes back exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QToolBar

from blueprint_studio.app.document import Document
from blueprint_studio.app.main_window import MainWindow
from blueprint_studio.app.presentation import actions as present_actions
from blueprint_studio.app.qt_translations import use_qt_translations
from blueprint_studio.app.settings import AppSettings
from blueprint_studio.app.theme import apply_theme
from blueprint_studio.canvas.presentation import PRESENTATION_METRICS
from blueprint_studio.i18n import set_language
from blueprint_studio.interchange import project_from_dict, project_to_dict
from blueprint_studio.templates import build_template


@pytest.fixture
def config(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("BLUEPRINT_STUDIO_CONFIG_DIR", str(folder))
    return folder


@pytest.fixture
def make(qapp, config):
    apply_theme(qapp)
    windows: list[MainWindow] = []

    def make(template="hotel_stay", lang: str = "en") -> MainWindow:
        project = build_template(template, lang) if isinstance(template, str) else template
        window = MainWindow(AppSettings())
        window.set_document(Document(project, recovery=window.recovery))
        window.resize(1280, 720)
        window.show()
        QApplication.setActiveWindow(window)
        window.activateWindow()
        QCoreApplication.processEvents()
        windows.append(window)
        return window

    yield make
    for window in windows:
        if window.actions["actionPresentation"].isChecked():
            window.actions["actionPresentation"].setChecked(False)
        window.hide()
        window.teardown()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    set_language("en")
    use_qt_translations("en")


@pytest.fixture
def hotel(make) -> MainWindow:
    return make()


def snapshot(project):
    return project_from_dict(project_to_dict(project))


def present(qtbot, window: MainWindow) -> None:
    view = window.map_area.current_view()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F5)
    assert window.actions["actionPresentation"].isChecked()
    # The window goes full screen and the docks go away: the map is fitted once that settles.
    qtbot.waitUntil(lambda: window.isFullScreen() and view.viewport().size() == window.size()
                    and not show(window)._refit.isActive()
                    and fully_shown(view, view.map_scene().content_rect()))


def show(window: MainWindow):
    return window.presenter.current()


def key(qtbot, window: MainWindow, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key as a clicker sends it: to whatever has the focus (the canvas)."""
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifier)


def visible_docks(window: MainWindow) -> set[str]:
    return {d.objectName() for d in window.findChildren(QDockWidget) if d.isVisible()}


def visible_bars(window: MainWindow) -> set[str]:
    return {b.objectName() for b in window.findChildren(QToolBar) if b.isVisible()}


def fully_shown(view, rect) -> bool:
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    return shown.adjusted(-1, -1, 1, 1).contains(rect)


# -- entering and leaving ------------------------------------------------------------------

def test_entering_fits_the_whole_map_and_escape_restores_zoom_scroll_docks_and_toolbars(qtbot, hotel):
    window = hotel
    view, scene = window.map_area.current_view(), window.map_area.current_scene()
    view.set_zoom(1.25)
    view.horizontalScrollBar().setValue(137)
    view.verticalScrollBar().setValue(64)
    zoom, scroll = view.zoom_factor(), (view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    assert scroll == (137, 64)
    docks, bars = visible_docks(window), visible_bars(window)
    assert {"paletteDock", "inspectorDock"} <= docks and len(bars) >= 3

    present(qtbot, window)
    assert window.isFullScreen()
    assert not visible_docks(window) and not visible_bars(window)
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    assert scene.style_.metrics == PRESENTATION_METRICS and scene.style_.presenting
    assert fully_shown(view, scene.content_rect())      # the whole map, nothing cut off
    assert view.zoom_factor() != zoom
    assert show(window).step == 0 and window.presentation.overlay.caption.startswith("Whole map")

    key(qtbot, window, Qt.Key.Key_Escape)
    assert not window.actions["actionPresentation"].isChecked() and not window.isFullScreen()
    QCoreApplication.processEvents()
    assert view.zoom_factor() == zoom
    assert (view.horizontalScrollBar().value(), view.verticalScrollBar().value()) == scroll
    assert visible_docks(window) == docks and visible_bars(window) == bars
    assert window.menuBar().isVisible() and window.statusBar().isVisible()
    assert not scene.style_.presenting and scene.frame.stage_row.show_add


def test_f5_again_leaves_and_the_selection_comes_back(qtbot, hotel):
    window = hotel
    scene = window.map_area.current_scene()
    chosen = [c.id for c in scene.map.cards_in_reading_order()[:2]]
    scene.set_card_selection(chosen)
    present(qtbot, window)
    assert scene.selected_card_ids() == []       # no selection shown while presenting
    key(qtbot, window, Qt.Key.Key_F5)
    assert not window.actions["actionPresentation"].isChecked()
    assert scene.selected_card_ids() == chosen


def test_nothing_for_editing_is_shown(qtbot, hotel):
    window = hotel
    scene = window.map_area.current_scene()
    present(qtbot, window)
    assert not scene.frame.stage_row.show_add and not scene.frame.lane_column.show_add
    assert not window.find_bar.isVisible() and not window.map_area.tabs.tabBar().isVisible()
    assert all(not item.acceptHoverEvents() for item in scene.card_items().values())
    assert not any(item.isSelected() for item in scene.items())
    assert window.presentation.overlay.isVisible()


def test_the_whole_map_is_fitted_again_when_the_window_is_resized(qtbot, hotel):
    window = hotel
    view, scene = window.map_area.current_view(), window.map_area.current_scene()
    present(qtbot, window)
    window.showNormal()   # the offscreen screen: resize the presenting window by hand
    window.resize(900, 600)
    qtbot.waitUntil(lambda: view.viewport().width() <= 900)
    qtbot.waitUntil(lambda: fully_shown(view, scene.content_rect()))
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: view.viewport().width() > 1100)
    qtbot.waitUntil(lambda: fully_shown(view, scene.content_rect()))


# -- stepping through the stages -------------------------------------------------------------

def test_clicker_keys_move_the_spotlight_stage_by_stage(qtbot, hotel):
    window = hotel
    present(qtbot, window)
    presentation = show(window)
    count = presentation.stage_count()
    assert count == 6
    spotlight = presentation._spotlight
    steps = []
    for pressed in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Left,
                    Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_End, Qt.Key.Key_Right, Qt.Key.Key_Home):
        key(qtbot, window, pressed)
        steps.append(presentation.step)
    assert steps == [1, 2, 3, 2, 1, 0, count, count, 0]
    key(qtbot, window, Qt.Key.Key_Right)
    key(qtbot, window, Qt.Key.Key_Right)
    assert [spotlight.covered(i) for i in range(1, count + 1)] == ["dim", "", "dim", "dim", "dim", "dim"]
    assert window.presentation.overlay.caption == "Stage 2 of 6 · Check in"


def test_reveal_hides_the_stages_not_yet_reached(qtbot, hotel):
    window = hotel
    present(qtbot, window)
    presentation = show(window)
    spotlight = presentation._spotlight
    key(qtbot, window, Qt.Key.Key_R)
    assert window.actions["actionPresentReveal"].isChecked()
    assert all(spotlight.covered(i) == "hidden" for i in range(1, 7))   # the story not begun
    for _ in range(3):
        key(qtbot, window, Qt.Key.Key_PageDown)
    assert [spotlight.covered(i) for i in range(1, 7)] == ["past", "past", "", "hidden", "hidden", "hidden"]
    key(qtbot, window, Qt.Key.Key_R)
    assert [spotlight.covered(i) for i in range(1, 7)] == ["dim", "dim", "", "dim", "dim", "dim"]


def test_a_click_on_a_stage_spotlights_it(qtbot, hotel):
    window = hotel
    present(qtbot, window)
    presentation, view = show(window), window.map_area.current_view()
    column = presentation.scene.layout.columns[4]
    point = view.mapFromScene(QPointF(column.x + column.width / 2, column.width))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert presentation.step == 5


def test_next_moment_of_truth_jumps_from_one_to_the_next(qtbot, hotel):
    window = hotel
    present(qtbot, window)
    presentation = show(window)
    service_map = presentation.scene.map
    moments = [c.id for c in service_map.cards_in_reading_order() if c.moment_of_truth]
    assert len(moments) >= 2
    stage_number = {s.id: n for n, s in enumerate(service_map.stages, start=1)}
    seen = []
    for _ in range(len(moments)):
        key(qtbot, window, Qt.Key.Key_M)
        seen.append(presentation.moment_id)
        assert presentation.step == stage_number[service_map.cards[presentation.moment_id].stage_id]
        assert not presentation._spotlight.ring.isNull()
        assert "Moment of truth" in window.presentation.overlay.caption
    assert seen == moments
    key(qtbot, window, Qt.Key.Key_M)   # after the last: the first again
    assert presentation.moment_id == moments[0]
    key(qtbot, window, Qt.Key.Key_M, Qt.KeyboardModifier.ShiftModifier)
    assert presentation.moment_id == moments[-1]
    key(qtbot, window, Qt.Key.Key_Right)   # stepping on drops the ring
    assert presentation.moment_id == "" and presentation._spotlight.ring.isNull()


def test_the_next_moment_of_truth_is_the_first_one_ahead_of_the_spotlight(qtbot, hotel):
    window = hotel
    present(qtbot, window)
    presentation = show(window)
    service_map = presentation.scene.map
    stage_number = {s.id: n for n, s in enumerate(service_map.stages, start=1)}
    moments = [c for c in service_map.cards_in_reading_order() if c.moment_of_truth]
    later = moments[-1]
    presentation.go(stage_number[later.stage_id])
    key(qtbot, window, Qt.Key.Key_M)
    assert presentation.moment_id == later.id


def test_a_map_without_moments_of_truth_says_so(qtbot, make):
    window = make("blank_blueprint")
    present(qtbot, window)
    key(qtbot, window, Qt.Key.Key_M)
    assert show(window).moment_id == ""
    assert window.presentation.overlay.message == "This map has no moments of truth"


def test_the_emotion_curve_is_shown_and_hidden_without_touching_the_map(qtbot, hotel):
    window = hotel
    service_map = window.map_area.current_scene().map
    assert service_map.show_emotion_curve
    present(qtbot, window)
    presentation = show(window)
    assert presentation.emotion_shown() and window.actions["actionPresentEmotion"].isChecked()
    key(qtbot, window, Qt.Key.Key_E)
    assert not presentation.emotion_shown() and not window.actions["actionPresentEmotion"].isChecked()
    assert presentation.scene.layout.emotion_row is None
    assert fully_shown(window.map_area.current_view(), presentation.scene.content_rect())
    assert service_map.show_emotion_curve   # the map's own setting is the same
    key(qtbot, window, Qt.Key.Key_E)
    assert presentation.emotion_shown()
    key(qtbot, window, Qt.Key.Key_E)
    key(qtbot, window, Qt.Key.Key_Escape)
    assert presentation.scene.layout.emotion_row is not None   # the editor's drawing again


def test_close_up_zooms_in_and_follows_the_spotlight(qtbot, hotel):
    window = hotel
    present(qtbot, window)
    presentation, view = show(window), window.map_area.current_view()
    fitted = view.zoom_factor()
    key(qtbot, window, Qt.Key.Key_Z)
    assert presentation.close_up and view.zoom_factor() > fitted * 1.5
    key(qtbot, window, Qt.Key.Key_End)
    last = presentation.scene.layout.columns[-1]
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.left() <= last.x + 1 and shown.right() >= last.right - 1
    key(qtbot, window, Qt.Key.Key_Z)
    assert view.zoom_factor() == pytest.approx(fitted)


def test_the_pointer_highlight_follows_the_mouse(qtbot, hotel):
    window = hotel
    present(qtbot, window)
    overlay, viewport = window.presentation.overlay, window.map_area.current_view().viewport()
    assert overlay.pointer is None
    key(qtbot, window, Qt.Key.Key_P)
    assert window.actions["actionPresentPointer"].isChecked()
    qtbot.mouseMove(viewport, QPoint(300, 200))
    qtbot.waitUntil(lambda: overlay.pointer is not None)
    expected = overlay.mapFromGlobal(viewport.mapToGlobal(QPoint(300, 200)))
    assert (overlay.pointer - expected).manhattanLength() <= 2
    assert viewport.cursor().shape() == Qt.CursorShape.BlankCursor
    key(qtbot, window, Qt.Key.Key_P)
    assert overlay.pointer is None and viewport.cursor().shape() != Qt.CursorShape.BlankCursor


def test_another_map_shown_while_presenting_is_presented_and_given_back(qtbot, make):
    project = build_template("hotel_stay", "en")
    project.maps.append(build_template("bank_account_opening", "en").maps[0])
    window = make(project)
    area = window.map_area
    assert area.tabs.count() == 2
    first_view = area.current_view()
    first_view.set_zoom(0.9)
    present(qtbot, window)
    window.actions["actionNextMap"].trigger()
    second = show(window)
    assert second is not None and second.scene is area.current_scene() and second.scene.style_.presenting
    key(qtbot, window, Qt.Key.Key_Right)
    assert second.step == 1
    key(qtbot, window, Qt.Key.Key_Escape)
    assert not second.scene.style_.presenting and first_view.zoom_factor() == pytest.approx(0.9)
    assert area.tabs.tabBar().isVisible()


# -- editing is impossible, and the model never changes -------------------------------------------

def test_editing_is_refused_while_presenting(qtbot, hotel):
    window = hotel
    scene, view = window.map_area.current_scene(), window.map_area.current_view()
    stack = window.document.undo_stack
    scene.add_card(scene.map.stages[0].id, scene.map.lanes[1].id, text="to undo")
    steps = stack.count()
    before = snapshot(window.document.project)
    present(qtbot, window)
    for name in ("actionUndo", "actionRedo", "actionDelete", "actionPaste", "actionCut", "actionAddCard",
                 "actionAddStage", "actionEditText", "actionDuplicate", "actionNew", "actionOpen",
                 "actionImportCsv", "actionLanguageChinese"):
        assert not window.actions[name].isEnabled(), name
    card = scene.card_item(scene.map.cards_in_reading_order()[0].id)
    centre = view.mapFromScene(card.sceneBoundingRect().center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)   # no in-place editor
    assert scene.editor() is None
    empty = scene.layout.cell_rect(scene.map.stages[5].id, scene.map.lanes[-1].id)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton,
                      pos=view.mapFromScene(QPointF(empty.x + 20, empty.bottom - 10)))  # no new card
    other = view.mapFromScene(scene.card_item(scene.map.cards_in_reading_order()[-1].id).sceneBoundingRect().center())
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)       # no drag
    qtbot.mouseMove(view.viewport(), other)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=other)
    for pressed in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_A, Qt.Key.Key_F2, Qt.Key.Key_Return):
        key(qtbot, window, pressed)
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)        # no undo
    key(qtbot, window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)        # no paste
    assert scene.editor() is None and stack.count() == steps and stack.index() == steps
    assert window.document.project == before
    window.map_commands.zoom_in()   # even a command called directly: the zoom is not the user's
    key(qtbot, window, Qt.Key.Key_Escape)
    assert window.actions["actionUndo"].isEnabled() and window.actions["actionDelete"].isEnabled()


def test_presenting_never_changes_the_model(qtbot, hotel):
    window = hotel
    before = snapshot(window.document.project)
    assert not window.document.is_modified()
    present(qtbot, window)
    for pressed in (Qt.Key.Key_Right, Qt.Key.Key_M, Qt.Key.Key_E, Qt.Key.Key_R, Qt.Key.Key_Z,
                    Qt.Key.Key_P, Qt.Key.Key_End):
        key(qtbot, window, pressed)
    window.actions["actionNextMap"].trigger()
    key(qtbot, window, Qt.Key.Key_Escape)
    assert window.document.project == before and not window.document.is_modified()
    assert window.document.undo_stack.count() == 0


def test_typing_under_way_is_kept_when_presenting_starts(qtbot, hotel):
    window = hotel
    scene = window.map_area.current_scene()
    card_id = scene.map.cards_in_reading_order()[0].id
    scene.edit_card(card_id)
    scene.editor().setPlainText("typed before F5")
    window.actions["actionPresentation"].setChecked(True)
    assert scene.editor() is None and scene.map.cards[card_id].text == "typed before F5"


# -- the keys are the editor's when not presenting ------------------------------------------------

def test_the_presentation_keys_are_not_taken_from_the_editor(qtbot, hotel):
    window = hotel
    for name in present_actions.PRESENTING_KEYS:
        assert window.actions[name].shortcuts() == [], name
    scene, view = window.map_area.current_scene(), window.map_area.current_view()
    first = scene.map.cards_in_reading_order()[0].id
    scene.select_card(first)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)       # the arrow keys still move between cards
    assert scene.selected_card_ids() and scene.selected_card_ids() != [first]
    present(qtbot, window)
    assert window.actions["actionPresentNextStage"].shortcuts()
    key(qtbot, window, Qt.Key.Key_Escape)
    assert window.actions["actionPresentNextStage"].shortcuts() == []


def test_escape_reaches_the_window_from_the_canvas(qtbot, hotel):
    window = hotel
    present(qtbot, window)
    view = window.map_area.current_view()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not window.actions["actionPresentation"].isChecked()


def test_the_overview_is_presented_without_stages(qtbot, hotel):
    window = hotel
    window.actions["actionShowOverview"].trigger()
    window.actions["actionPresentation"].setChecked(True)
    assert not window.actions["actionPresentNextStage"].isEnabled()
    assert window.presentation.overlay.caption == ""
    window.actions["actionShowMapWorkspace"].trigger()   # on to the map, still presenting
    assert window.actions["actionPresentNextStage"].isEnabled() and show(window) is not None
    window.actions["actionPresentNextStage"].trigger()
    assert show(window).step == 1
    window.actions["actionPresentation"].setChecked(False)
    assert not show(window)


def test_chinese_caption(qtbot, make):
    from blueprint_studio.app.language import switch_language

    window = make("hotel_stay", "zh")
    switch_language("zh")
    present(qtbot, window)
    key(qtbot, window, Qt.Key.Key_Right)
    caption = window.presentation.overlay.caption
    assert caption.startswith("第 1/6 阶段 · ")


def test_a_new_presentation_after_another_project_was_opened_starts_afresh(qtbot, hotel):
    window = hotel
    present(qtbot, window)
    key(qtbot, window, Qt.Key.Key_Right)
    key(qtbot, window, Qt.Key.Key_Escape)
    window.set_document(Document(build_template("enterprise_training", "en"), recovery=window.recovery))
    QCoreApplication.processEvents()
    present(qtbot, window)
    assert show(window).step == 0 and show(window).scene is window.map_area.current_scene()
    key(qtbot, window, Qt.Key.Key_Escape)
    assert not window.map_area.current_scene().style_.presenting


def test_a_maximized_window_comes_back_maximized_and_a_normal_one_at_its_place(qtbot, hotel):
    window = hotel
    window.showNormal()
    window.setGeometry(60, 40, 1100, 650)
    qtbot.waitUntil(lambda: window.geometry().width() == 1100)
    place = window.geometry()
    present(qtbot, window)
    key(qtbot, window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.geometry() == place and not window.isMaximized()
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    present(qtbot, window)
    key(qtbot, window, Qt.Key.Key_Escape)
    qtbot.waitUntil(window.isMaximized)
    assert not window.isFullScreen()

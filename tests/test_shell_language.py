"""Every window follows a language switch, and the choice is remembered (issue 8).

The defect: switching language in one window rebuilt that window only, so a second window
kept its English menus and then created "阶段 5" with the undo text "添加阶段". Now the
switch reaches every window through Qt's QEvent.LanguageChange, driven here like a user.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QToolButton, QWidget

from blueprint_studio.app.actions import all_specs
from blueprint_studio.app.document import Document
from blueprint_studio.app.main_window import MainWindow
from blueprint_studio.app.qt_translations import use_qt_translations
from blueprint_studio.app.settings import AppSettings
from blueprint_studio.app.theme import apply_theme
from blueprint_studio.i18n import language, set_language
from blueprint_studio.templates import build_template


@pytest.fixture
def windows(qapp, tmp_path, monkeypatch):
    """make(project) -> a shown window; every one is torn down explicitly."""
    monkeypatch.setenv("BLUEPRINT_STUDIO_CONFIG_DIR", str(tmp_path / "config"))
    apply_theme(qapp)
    made: list[MainWindow] = []

    def make(project=None) -> MainWindow:
        window = MainWindow(AppSettings())
        window.set_document(Document(project or build_template("enterprise_training", "en"),
                                     recovery=window.recovery))
        window.resize(1280, 800)
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        window.hide()
        window.teardown()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    set_language("en")
    use_qt_translations("en")


def untranslated(window: MainWindow) -> list[str]:
    return [spec.name for spec in all_specs()
            if spec.text not in ("English", "中文") and window.actions[spec.name].text() == spec.text]


def test_switching_in_one_window_switches_every_window(qtbot, windows):
    first, second = windows(), windows(build_template("hotel_stay", "en"))
    first.actions["actionLanguageChinese"].trigger()
    QApplication.processEvents()  # Qt's own LanguageChange arrives too; it changes nothing more
    for window in (first, second):
        assert window.menus["menuFile"].title() == "文件(&F)"
        assert window.menus["menuInsert"].title() == "插入(&I)"
        assert untranslated(window) == []
        assert window.actions["actionLanguageChinese"].isChecked()
        assert not window.actions["actionLanguageEnglish"].isChecked()
        assert window.findChild(QDockWidget, "inspectorDock").windowTitle() == "属性"
        assert window.findChild(QToolButton, "toolButtonShowOverview").text() == "项目概览"
    # The defect's second half: the other window creates a stage in Chinese, consistently.
    stages = len(second.document.project.maps[0].stages)
    second.actions["actionAddStage"].trigger()
    QApplication.processEvents()
    assert second.document.project.maps[0].stages[-1].name == f"阶段 {stages + 1}"
    assert second.document.undo_stack.undoText() == "添加阶段"
    assert second.actions["actionUndo"].text() == "撤销“添加阶段”(&U)"
    assert second.menus["menuEdit"].title() == "编辑(&E)"  # and its menus say so in Chinese
    second.actions["actionLanguageEnglish"].trigger()  # back, from the other window
    for window in (first, second):
        assert window.menus["menuFile"].title() == "&File"
        assert window.actions["actionAddStage"].text() == "&Stage"
        assert window.actions["actionLanguageEnglish"].isChecked()


def test_every_part_of_the_window_is_retranslated(qtbot, windows):
    window = windows()
    scene = window.map_area.current_scene()
    card = window.document.project.maps[0].cards_in_reading_order()[0]
    scene.select_card(card.id)
    window.actions["actionLanguageChinese"].trigger()
    inspector = window.inspector
    assert inspector.pages["card"].heading.text() == "卡片"
    kinds = inspector.findChild(QWidget, "inspector_card_kind")
    assert "行为" in [kinds.itemText(i).split()[-1] for i in range(kinds.count())]
    palette = window.workspace("blueprint").palette
    assert palette.item(0).text() == "触点"
    assert window.find_bar.edit.placeholderText() == "卡片的文字、负责人或备注"
    counts = window.findChild(QLabel, "countsLabel").text()
    assert "个阶段" in counts and "张卡片" in counts
    assert window.findChild(QLabel, "zoomLabel").text().startswith("缩放")
    # The canvas was drawn again in Chinese, keeping the map shown and what was selected.
    assert window.map_area.current_scene() is not scene
    assert window.map_area.current_scene().selected_card_ids() == [card.id]
    window.actions["actionShowOverview"].trigger()
    page = window.overview
    assert page.heading.text() == "项目概览"
    assert page.labels["title"].text() == "标题(&T)"
    assert window.inspector.pages["project"].heading.text() == window.document.project.info.title


def test_text_being_typed_survives_a_switch_as_its_undo_step(qtbot, windows):
    window = windows()
    window.actions["actionShowOverview"].trigger()
    trainer = window.overview.findChild(QWidget, "overview_trainer")
    trainer.setFocus()
    qtbot.keyClicks(trainer, "Li")  # no pause yet: still waiting to become a step
    window.actions["actionLanguageChinese"].trigger()
    assert window.document.project.info.trainer == "Li"
    assert window.document.undo_stack.count() == 1
    assert trainer.text() == "Li"


def test_the_choice_is_remembered_and_a_new_window_starts_in_it(qtbot, windows):
    window = windows()
    window.actions["actionLanguageChinese"].trigger()
    assert AppSettings().language() == "zh"
    window.actions["actionNewWindow"].trigger()
    opened = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, MainWindow) and w is not window and w.isVisible())
    try:
        assert opened.menus["menuView"].title() == "视图(&V)"
        assert opened.actions["actionLanguageChinese"].isChecked()
    finally:
        opened.close()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    window.actions["actionLanguageEnglish"].trigger()
    assert AppSettings().language() == "en" and language() == "en"


def test_choosing_the_language_shown_changes_nothing(qtbot, windows):
    window = windows()
    scene = window.map_area.current_scene()
    window.actions["actionLanguageEnglish"].trigger()
    assert window.map_area.current_scene() is scene  # nothing was drawn again
    assert window.findChild(QWidget, "inspector") is window.inspector


def test_the_language_menu_is_reached_with_the_keyboard(qtbot, windows):
    window = windows()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    menu = window.menus["menuLanguage"]
    window.menus["menuView"].popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(lambda: window.menus["menuView"].isVisible(), timeout=2000)
    window.menus["menuView"].setActiveAction(menu.menuAction())
    qtbot.keyClick(window.menus["menuView"], Qt.Key.Key_Right)
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    menu.setActiveAction(window.actions["actionLanguageChinese"])
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.menus["menuFile"].title() == "文件(&F)", timeout=2000)

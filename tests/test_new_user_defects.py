"""Issue 12: what a new user tripped over in a real window at 1280×720, one regression test
(or a few) per defect, each driven as the user did: through the window's actions."""

from __future__ import annotations

import ast
import string
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence, QUndoCommand
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel, QMessageBox

from blueprint_studio.app import actions as action_module
from blueprint_studio.app.actions import all_specs, shortcut_sequences
from blueprint_studio.app.dialogs import ShortcutsDialog, TemplateDialog
from blueprint_studio.app.document import Document
from blueprint_studio.app.language import switch_language
from blueprint_studio.app.main_window import MainWindow
from blueprint_studio.app.qt_translations import use_qt_translations
from blueprint_studio.app.settings import AppSettings
from blueprint_studio.app.theme import apply_theme
from blueprint_studio.canvas import MapView
from blueprint_studio.canvas.layout import EMOTION_ROW
from blueprint_studio.export import geometry
from blueprint_studio.i18n import _ZH, set_language
from blueprint_studio.model import Card, CardKind, Connector
from blueprint_studio.model.enums import LaneKind
from blueprint_studio.templates import build_template

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def config(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("BLUEPRINT_STUDIO_CONFIG_DIR", str(folder))
    return folder


@pytest.fixture
def make_window(qapp, config):
    apply_theme(qapp)
    windows: list[MainWindow] = []

    def make(project=None, size=(1280, 720)) -> MainWindow:
        window = MainWindow(AppSettings())
        if project is not None:
            window.set_document(Document(project, recovery=window.recovery))
        window.resize(*size)
        window.show()
        QApplication.processEvents()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.hide()
        window.teardown()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    set_language("en")
    use_qt_translations("en")


def settle(ms: int = 30) -> None:
    for _ in range(3):
        QApplication.processEvents()
    QTimer.singleShot(ms, lambda: None)
    QApplication.processEvents()


def answer_modal(handle) -> list[str]:
    """Run `handle(dialog)` on each modal dialog that opens, in turn, until it returns False;
    returns the objectNames of the dialogs seen."""
    names: list[str] = []
    last: list[object] = [None]
    last_name: list[str] = [""]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        # A dialog is new when it is another object or another kind: PySide may hand back the
        # wrapper of a deleted dialog for a new one made at the same address.
        if dialog is not None and (dialog is not last[0] or dialog.objectName() != last_name[0]):
            last[0], last_name[0] = dialog, dialog.objectName()
            names.append(dialog.objectName() or type(dialog).__name__)
            if handle(dialog) is False:
                return
        QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)
    return names


# -- after Fit: nothing moves sideways, no second copy of the headers -------------------------

def _scroll(view) -> tuple[int, int]:
    return view.horizontalScrollBar().value(), view.verticalScrollBar().value()


def _last_column_card(window) -> str:
    service_map = window.document.project.maps[0]
    last = service_map.stages[-1].id
    return next(c.id for c in service_map.cards_in_reading_order() if c.stage_id == last)


def test_after_fit_adding_editing_undo_redo_and_find_in_the_last_column_keep_the_view(make_window, qtbot):
    window = make_window(build_template("hotel_stay", "en"))
    window.actions["actionZoomToFit"].trigger()
    settle()
    view, scene = window.map_area.current_view(), window.map_area.current_scene()
    assert view.horizontalScrollBar().maximum() > 0  # the "+ Stage" button is out of sight
    before = _scroll(view)
    first_column = scene.layout.columns[0]
    scene.select_card(_last_column_card(window))
    window.actions["actionAddCard"].trigger()  # adds a card in the last column and edits it
    settle()
    assert _scroll(view) == before
    qtbot.keyClicks(view.viewport(), "Late checkout")
    scene.finish_editing(True)
    settle()
    assert _scroll(view) == before
    window.actions["actionUndo"].trigger()
    settle()
    assert _scroll(view) == before
    window.actions["actionRedo"].trigger()
    settle()
    assert _scroll(view) == before
    window.actions["actionFind"].trigger()
    qtbot.keyClicks(window.find_bar.edit, "Late checkout")
    settle()
    assert _scroll(view) == before
    # The first column is still beside the lane headers, not under them.
    assert view.free_rect().left() <= first_column.x + 1


def test_reveal_still_scrolls_what_is_out_of_sight_or_under_the_headers(make_window):
    window = make_window(build_template("hotel_stay", "en"))
    view, scene = window.map_area.current_view(), window.map_area.current_scene()
    service_map = window.document.project.maps[0]
    first = next(c.id for c in service_map.cards_in_reading_order()
                 if c.stage_id == service_map.stages[0].id)
    last = _last_column_card(window)
    view.scroll_to_origin()
    assert not view.free_rect().contains(scene.card_item(last).sceneBoundingRect())
    view.focus_card(last)
    assert view.free_rect().contains(scene.card_item(last).sceneBoundingRect())
    # Scrolled so that the first column lies under the pinned lane headers: it comes out.
    view.horizontalScrollBar().setValue(round(scene.layout.columns[0].width * view.zoom_factor() / 2))
    assert not view.free_rect().contains(scene.card_item(first).sceneBoundingRect())
    view.focus_card(first)
    assert view.free_rect().contains(scene.card_item(first).sceneBoundingRect())


def _grab_port(window, view):
    """What is on the screen where the map is (the window's backing store, not a repaint)."""
    port = view.viewport()
    top = port.mapTo(window, QPoint(0, 0))
    return QGuiApplication.primaryScreen().grabWindow(
        window.winId(), top.x(), top.y(), port.width(), port.height()).toImage()


def _different_pixels(first, second) -> int:
    assert first.size() == second.size()
    return sum(1 for y in range(0, first.height(), 2) for x in range(0, first.width(), 2)
               if first.pixel(x, y) != second.pixel(x, y))


def test_after_fit_and_scrolling_the_pinned_headers_are_painted_once_at_the_corner(make_window):
    window = make_window(build_template("hotel_stay", "en"))
    view, scene = window.map_area.current_view(), window.map_area.current_scene()
    bar = view.horizontalScrollBar()
    for step in ("scroll", "fit", "right", "left", "add"):
        if step == "scroll":
            bar.setValue(bar.maximum() // 2)
        elif step == "fit":
            window.actions["actionZoomToFit"].trigger()
        elif step == "right":
            bar.setValue(bar.maximum())
        elif step == "left":
            bar.setValue(0)
        else:
            scene.select_card(_last_column_card(window))
            window.actions["actionAddCard"].trigger()
        settle()
        origin = view.mapToScene(QPoint(0, 0))
        assert scene.frame.lane_column.x() == pytest.approx(max(0.0, origin.x()), abs=0.5), step
        assert scene.frame.stage_row.y() == pytest.approx(max(0.0, origin.y()), abs=0.5), step
        shown = _grab_port(window, view)
        view.viewport().update()
        settle()
        assert _different_pixels(shown, _grab_port(window, view)) < 20, step


# -- one canvas view per map shown ----------------------------------------------------------

def test_the_window_holds_no_second_hidden_canvas_view(make_window):
    window = make_window()  # the blank project a new window shows
    window.set_document(Document(build_template("hotel_stay", "en"), recovery=window.recovery))
    views = window.findChildren(MapView)
    assert views == [window.map_area.current_view()]
    assert all(view.scene() is not None for view in views)
    window.switch_language("zh")  # the canvases are drawn anew in the other language
    assert window.findChildren(MapView) == [window.map_area.current_view()]


# -- singular and plural ------------------------------------------------------------------------

def test_plural_says_one_card_and_two_cards_and_chinese_has_one_form():
    from blueprint_studio.i18n import plural

    assert plural(1, "{count} card", "{count} cards") == "1 card"
    assert plural(0, "{count} card", "{count} cards") == "0 cards"
    assert plural(2, "{count} card", "{count} cards", "en") == "2 cards"
    assert plural(1, "{count} card", "{count} cards", "zh") == "1 张卡片"
    assert plural(5, "{count} card", "{count} cards", "zh") == "5 张卡片"
    assert plural(1, "Copied {count} card", "Copied {count} cards", "en") == "Copied 1 card"


def _plural_calls() -> list[tuple[Path, str, str]]:
    found = []
    for path in sorted((ROOT / "blueprint_studio").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "plural"
                    and len(node.args) >= 3 and all(isinstance(a, ast.Constant) for a in node.args[1:3])):
                found.append((path, node.args[1].value, node.args[2].value))
    return found


def _fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


def test_every_plural_has_both_english_forms_and_its_chinese():
    calls = _plural_calls()
    assert len(calls) >= 20, "the scan found too few plural() calls: is it broken?"
    for path, one, many in calls:
        assert one != many and "{count}" in one and "{count}" in many, (path.name, one)
        assert many in _ZH, f"{path.name}: no Chinese for {many!r}"
        assert _fields(one) == _fields(many) == _fields(_ZH[many]), (path.name, many)


def _one_of_each():
    """A map with exactly one stage, one card, one arrow, one moment of truth, one fail point."""
    from blueprint_studio.model.factory import new_map, new_project

    service_map = new_map("Single", ["Only stage"])
    lane = service_map.lanes[1].id
    card = Card(service_map.stages[0].id, lane, 0, "Asks", CardKind.ACTION, moment_of_truth=True,
                fail_point=True)
    other = Card(service_map.stages[0].id, service_map.lanes[2].id, 0, "Answers", CardKind.ACTION)
    service_map.cards = {card.id: card}
    project = new_project("Workshop", [service_map])
    return project, service_map, card, other


def test_the_status_bar_says_1_card_and_1_arrow(make_window):
    project, service_map, card, other = _one_of_each()
    service_map.cards[other.id] = other
    connector = Connector(card.id, other.id)
    service_map.connectors[connector.id] = connector
    window = make_window(project)
    text = window.findChild(QLabel, "countsLabel").text()
    assert text == "1 stage · 5 lanes · 2 cards · 1 arrow"
    window.switch_language("zh")
    assert window.findChild(QLabel, "countsLabel").text() == "1 个阶段 · 5 条泳道 · 2 张卡片 · 1 个箭头"


def test_the_pdf_cover_and_info_say_1_moment_of_truth_and_1_fail_point(tmp_path, capsys):
    from pypdf import PdfReader

    from blueprint_studio.export import export_pdf
    from blueprint_studio.storage import write_project

    project, _map, _card, _other = _one_of_each()
    out = tmp_path / "handout.pdf"
    export_pdf(project, out, kind="handout", lang="en")
    cover = "".join(PdfReader(out).pages[0].extract_text().split())
    assert "1stage·1card·1momentoftruth·1failpoint" in cover
    export_pdf(project, out, kind="handout", lang="zh")
    assert "1个阶段·1张卡片·1个关键时刻·1个失误点" in "".join(PdfReader(out).pages[0].extract_text().split())
    path = tmp_path / "single.bpstudio"
    write_project(project, path)
    from blueprint_studio import cli

    assert cli.main(["info", str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert " 1 card" in out and "1 cards" not in out


# -- the PDF export dialog keeps the cover with the project ----------------------------------

def test_the_export_dialog_keeps_the_cover_in_the_project_and_starts_in_its_folder(
        make_window, tmp_path, monkeypatch):
    project = build_template("hotel_stay", "en")
    folder = tmp_path / "class"
    folder.mkdir()
    window = make_window(project)
    window.document.save_as(str(folder / "hotel.bpstudio"))
    asked: list[str] = []

    def save_name(_parent, _caption, start, _filter):
        asked.append(start)
        return str(folder / "handout.pdf"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    cover = {"title": "Hotel day", "organisation": "Grand Hotel", "trainer": "Ms Li", "group": "Group 3"}

    def fill_and_export(dialog) -> bool:
        if not hasattr(dialog, "cover_fields"):
            return True
        dialog.set_choices(kind="handout", map_id=None, lang="en")
        for name, value in cover.items():
            dialog.cover_fields[name].setText(value)
        dialog.choose_file_and_export()
        return False

    answer_modal(fill_and_export)
    window.actions["actionExportPdf"].trigger()
    assert asked and Path(asked[0]).parent == folder  # not the program's working folder
    assert (folder / "handout.pdf").exists()
    info = window.document.project.info
    assert {name: getattr(info, name) for name in cover} == cover
    assert window.isWindowModified()  # kept with the project: saved with it
    seen: dict[str, str] = {}

    def read_and_cancel(dialog) -> bool:
        if not hasattr(dialog, "cover_fields"):
            return True
        seen.update({name: field.text() for name, field in dialog.cover_fields.items()})
        dialog.reject()
        return False

    answer_modal(read_and_cancel)
    window.actions["actionExportPdf"].trigger()  # the next export shows what was typed
    assert {name: seen[name] for name in cover} == cover
    window.actions["actionUndo"].trigger()  # one undo step gives the old cover back
    assert window.document.project.info.title == build_template("hotel_stay", "en").info.title


# -- a missing project named on the command line -----------------------------------------------

def test_a_missing_project_on_the_command_line_opens_the_window(monkeypatch, capsys):
    from blueprint_studio import cli
    from blueprint_studio.app import main as app_main

    opened: list[str | None] = []
    monkeypatch.setattr(app_main, "run_gui", lambda path=None: opened.append(path) or 0)
    assert cli.main(["missing.bpstudio"]) == 0
    assert opened == ["missing.bpstudio"]
    assert capsys.readouterr().err == ""


def test_the_window_says_the_project_is_missing_in_the_ui_language(make_window):
    from blueprint_studio.app.main import open_at_start

    set_language("zh")
    window = make_window()
    assert not open_at_start(window, "missing.bpstudio")
    box = window.findChild(QMessageBox, "missingProjectBox")
    assert box is not None and box.isVisible()
    assert box.text() == "文件 missing.bpstudio 不存在。"
    assert window.statusBar().currentMessage() == box.text()
    assert window.isVisible() and window.document is not None  # the blank project, ready to use
    box.close()


# -- keys: Ctrl+Y, F11, no F13–F35, F1 for the guide ------------------------------------------

# What Qt answers on X11 (measured under Xvfb): Redo without Ctrl+Y, no Full Screen key, and
# the Sun keyboard's F14/F16/F18/F20 for Undo, Copy, Paste and Cut.
X11_KEYS = {
    "Undo": ["Ctrl+Z", "F14", "Undo"], "Redo": ["Ctrl+Shift+Z", "Redo"],
    "Cut": ["Ctrl+X", "Shift+Del", "F20", "Cut"], "Copy": ["Ctrl+C", "Ctrl+Ins", "F16", "Copy"],
    "Paste": ["Ctrl+V", "Ctrl+Shift+Ins", "Shift+Ins", "F18", "Paste"], "FullScreen": [],
    "HelpContents": ["F1", "Help"],
}


@pytest.fixture
def x11_keys(monkeypatch):
    real = getattr(action_module, "platform_keys", lambda standard: QKeySequence.keyBindings(standard))

    def keys(standard):
        name = standard.name
        return [QKeySequence(k) for k in X11_KEYS[name]] if name in X11_KEYS else real(standard)

    monkeypatch.setattr(action_module, "platform_keys", keys, raising=False)


def _keys(name: str, keyboard_only: bool = False) -> list[str]:
    specs = all_specs()
    spec = next(s for s in specs if s.name == name)
    return [k.toString() for k in shortcut_sequences(spec, keyboard_only=keyboard_only, specs=specs)]


@pytest.mark.skipif(sys.platform == "darwin", reason="Cmd+Y is no redo on macOS")
def test_redo_is_also_ctrl_y_and_full_screen_is_f11_on_x11(x11_keys, qapp):
    assert _keys("actionRedo", True) == ["Ctrl+Shift+Z", "Ctrl+Y"]
    assert _keys("actionFullScreen", True) == ["F11"]
    assert _keys("actionUserGuide", True)[0] == "F1"


def test_no_key_that_no_keyboard_has_is_bound_or_listed(x11_keys, qapp):
    function_keys = {f"F{n}" for n in range(13, 36)}
    for spec in all_specs():
        assert not function_keys & set(_keys(spec.name)), spec.name
    dialog = ShortcutsDialog(None, all_specs())
    try:
        from PySide6.QtWidgets import QTableWidget

        table = dialog.findChild(QTableWidget)
        listed = " ".join(table.item(row, 1).text() for row in range(table.rowCount()))
        assert not any(f"F{n}" in listed.replace(",", " ").split() for n in range(13, 36))
    finally:
        dialog.deleteLater()


def test_ctrl_y_redoes_in_the_window(make_window, qtbot):
    window = make_window(build_template("hotel_stay", "en"))
    if sys.platform == "darwin":
        pytest.skip("Cmd+Y is no redo on macOS")
    assert QKeySequence("Ctrl+Y") in window.actions["actionRedo"].shortcuts()
    assert QKeySequence("F11") in window.actions["actionFullScreen"].shortcuts()


def test_help_user_guide_opens_the_bundled_guide_in_both_languages(make_window):
    window = make_window()
    assert "F1" in [k.toString() for k in window.actions["actionUserGuide"].shortcuts()]
    window.actions["actionUserGuide"].trigger()
    guide = window.findChild(QDialog, "userGuideDialog")
    assert guide is not None and guide.isVisible()
    assert guide.browser.source().isLocalFile()  # offline: a file of the installation
    text = guide.browser.toPlainText()
    assert "user guide" in text.lower() and "Drawing a blueprint" in text
    assert guide.browser.document().toMarkdown()  # read as Markdown, not as plain text
    window.switch_language("zh")
    assert guide.windowTitle() == "使用指南"
    assert "绘制服务蓝图" in guide.browser.toPlainText()
    guide.close()


def test_the_chinese_guide_names_the_same_pictures_and_pages_that_exist():
    import re

    for name in ("user-guide.md", "user-guide.zh.md"):
        text = (ROOT / "docs" / name).read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#]+)\)", text):
            if not target.startswith("http"):
                assert (ROOT / "docs" / target).exists(), (name, target)


# -- New from Template: choose first, then ask ---------------------------------------------

def test_new_from_template_asks_about_unsaved_work_only_after_a_template_is_chosen(make_window):
    window = make_window(build_template("hotel_stay", "en"))
    window.document.undo_stack.push(QUndoCommand("an edit"))
    assert window.document.is_modified()
    names = answer_modal(lambda dialog: dialog.reject())
    window.actions["actionNew"].trigger()  # Cancel in the chooser: nothing else is asked
    assert names == ["templateDialog"]

    def choose_then_keep(dialog) -> bool:
        if isinstance(dialog, TemplateDialog):
            dialog.select("blank_journey")
            dialog.accept()
            return True
        dialog.reject()  # the unsaved-changes question: Cancel keeps the work
        return False

    names = answer_modal(choose_then_keep)
    window.actions["actionNew"].trigger()
    assert names == ["templateDialog", "unsavedChangesBox"]
    assert window.document.project.maps[0].name == build_template("hotel_stay", "en").maps[0].name


# -- the emotion curve: one place on screen and on paper -----------------------------------

def test_the_emotion_row_sits_above_the_customer_lane_on_screen_and_in_the_pdf(make_window):
    project = build_template("enterprise_training", "en")
    service_map = project.maps[0]
    customer = next(i for i, lane in enumerate(service_map.lanes) if lane.kind is LaneKind.CUSTOMER)
    assert customer > 0  # the physical evidence lane comes first
    window = make_window(project)
    rows = window.map_area.current_scene().layout.rows
    on_screen = [row.lane_id for row in rows].index(EMOTION_ROW)
    assert rows[on_screen + 1].lane_id == service_map.lanes[customer].id
    paper = geometry.layout_map(service_map)
    band = paper.emotion_band
    assert band is not None
    assert band.y == pytest.approx(paper.rows[customer - 1].bottom)  # below the lane before
    assert band.bottom == pytest.approx(paper.rows[customer].y)      # right above the customers
    assert paper.height == pytest.approx(paper.rows[-1].bottom)


# -- Qt's own texts in Chinese ----------------------------------------------------------------

def test_qt_file_dialog_labels_follow_the_language(make_window):
    window = make_window()

    def labels() -> list[str]:
        dialog = QFileDialog(window, "t")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        try:
            return [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        finally:
            dialog.deleteLater()

    window.switch_language("zh")
    chinese = labels()
    assert "查找范围(&L)：" in chinese and "文件类型(&T)：" in chinese
    assert not any(text.isascii() for text in chinese), chinese
    window.switch_language("en")
    assert "&Look in:" in labels()


# -- README: the system libraries ------------------------------------------------------------

def test_readme_lists_every_xcb_library_and_works_without_sudo():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(line for line in readme.splitlines() if "apt-get install" in line and "libxcb" in line)
    assert not line.startswith("sudo ")  # a root shell or container has no sudo
    assert "$(command -v sudo) apt-get install" in line
    for package in ("libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0", "libxkbcommon-x11-0",
                    "libxcb-image0", "libxcb-render-util0", "libxcb-randr0", "libxcb-shape0",
                    "libxcb-xkb1", "libegl1", "libgl1", "libfontconfig1", "libdbus-1-3"):
        assert f" {package}" in line, package

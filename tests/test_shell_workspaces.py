"""The window hosts workspaces (issue 8): a switcher reached in one click and by keyboard,
the project overview as the second workspace, and the protocol proven by a third one the
window has never heard of. Driven like a user: clicks, keys, menu actions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QToolButton, QWidget

from blueprint_studio.app.actions import ActionSpec
from blueprint_studio.app.document import Document
from blueprint_studio.app.main_window import MainWindow
from blueprint_studio.app.settings import AppSettings
from blueprint_studio.app.theme import apply_theme
from blueprint_studio.app.workspace import PanelSpec, Selection, Workspace
from blueprint_studio.app.workspaces import WORKSPACES
from blueprint_studio.commands import push_operation
from blueprint_studio.i18n import set_language
from blueprint_studio.model import operations as ops
from blueprint_studio.model.factory import new_map
from blueprint_studio.templates import build_template


@pytest.fixture
def make(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("BLUEPRINT_STUDIO_CONFIG_DIR", str(tmp_path / "config"))
    apply_theme(qapp)
    made: list[MainWindow] = []

    def make_window(project=None, workspaces=WORKSPACES) -> MainWindow:
        window = MainWindow(AppSettings(), workspaces=workspaces)
        window.set_document(Document(project or build_template("enterprise_training", "en"),
                                     recovery=window.recovery))
        window.resize(1280, 800)
        window.show()
        window.activateWindow()
        QApplication.processEvents()
        made.append(window)
        return window

    yield make_window
    for window in made:
        window.hide()
        window.teardown()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    set_language("en")


@pytest.fixture
def window(make) -> MainWindow:
    project = build_template("enterprise_training", "en")
    project.maps.append(new_map("Second map 第二", ["One", "Two"]))
    return make(project)


def trigger(window: MainWindow, name: str) -> None:
    action = window.actions[name]
    assert action.isEnabled(), name
    action.trigger()


def shown(window: MainWindow) -> str:
    return window.current_workspace().KEY


def type_text(widget: QWidget, text: str) -> None:
    """Type like a user; characters QTest cannot map to keys (Chinese) arrive as key events
    carrying the text, as an input method delivers them."""
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest

    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def keys_reach(qtbot, window: MainWindow) -> None:
    """Window shortcuts need the window active, as it is when the user types into it."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


# -- switching ----------------------------------------------------------------------------------

def test_the_switcher_takes_one_click_and_one_key(qtbot, window):
    assert shown(window) == "blueprint" and window.actions["actionShowMapWorkspace"].isChecked()
    qtbot.mouseClick(window.findChild(QToolButton, "toolButtonShowOverview"), Qt.MouseButton.LeftButton)
    assert shown(window) == "overview" and window.stack.currentWidget() is window.overview
    assert window.actions["actionShowOverview"].isChecked()
    assert not window.actions["actionShowMapWorkspace"].isChecked()
    keys_reach(qtbot, window)
    qtbot.keyClick(window.overview, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert shown(window) == "blueprint"
    qtbot.keyClick(window.map_area.current_view(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert shown(window) == "overview"
    assert window.overview.findChild(QWidget, "overview_title").hasFocus()  # typing starts there


def test_each_workspace_enables_its_own_commands_and_panels(qtbot, window):
    map_only = ("actionAddStage", "actionAddCard", "actionZoomIn", "actionFind", "actionDuplicate",
                "actionExportCsv", "actionNextMap")
    everywhere = ("actionSave", "actionUndo", "actionExportPdf", "actionCopy", "actionSelectAll",
                  "actionShowOverview", "actionShowMapWorkspace", "actionLanguageChinese")
    palette, maps = (window.findChild(QDockWidget, name) for name in ("paletteDock", "mapsDock"))
    trigger(window, "actionAddStage")  # something to undo
    assert all(window.actions[name].isEnabled() for name in map_only)
    trigger(window, "actionShowOverview")
    assert not any(window.actions[name].isEnabled() for name in map_only)
    assert all(window.actions[name].isEnabled() for name in everywhere)
    assert not palette.isVisible() and not maps.isVisible()  # the map editor's panels rest
    assert window.findChild(QDockWidget, "inspectorDock").isVisible()
    assert not window.findChild(QWidget, "blueprintToolBar").isVisible()
    trigger(window, "actionShowMapWorkspace")
    assert palette.isVisible() and maps.isVisible() and window.findChild(QWidget, "blueprintToolBar").isVisible()
    maps.close()  # closed by the user: stays closed across a visit to the overview
    trigger(window, "actionShowOverview")
    trigger(window, "actionShowMapWorkspace")
    assert palette.isVisible() and not maps.isVisible()


def test_the_inspector_shows_the_project_without_a_map(qtbot, window):
    trigger(window, "actionShowOverview")
    inspector = window.inspector
    assert inspector.isEnabled() and inspector.kind == "project"
    assert inspector.stack.currentWidget() is inspector.pages["project"]
    summary = inspector.findChild(QLabel, "inspectorProjectSummary").text()
    assert "Maps: 2" in summary and "Second map 第二" in summary
    push_operation(window.document.undo_stack, window.document.project,
                   ops.AddMap(new_map("Third", ["A"])), "Add map")
    qtbot.waitUntil(lambda: "Maps: 3" in inspector.findChild(QLabel, "inspectorProjectSummary").text(),
                    timeout=2000)


# -- the overview -------------------------------------------------------------------------------

def test_cover_details_typed_on_the_overview_are_steps_in_the_one_history(qtbot, window):
    project, stack = window.document.project, window.document.undo_stack
    before = (project.info.title, project.info.organisation)
    trigger(window, "actionAddStage")  # a map edit first: one history for both workspaces
    trigger(window, "actionShowOverview")
    title = window.overview.findChild(QWidget, "overview_title")
    title.setFocus()
    title.selectAll()
    type_text(title, "Bank workshop 银行")
    qtbot.keyClick(title, Qt.Key.Key_Return)  # Enter goes on to the next field, ending the step
    organisation = window.overview.findChild(QWidget, "overview_organisation")
    assert organisation.hasFocus()
    qtbot.keyClicks(organisation, "City Bank")
    qtbot.keyClick(organisation, Qt.Key.Key_Tab)
    assert project.info.title == "Bank workshop 银行" and project.info.organisation.endswith("City Bank")
    assert stack.count() == 3 and stack.text(1) == "Change title" and stack.text(2) == "Change organisation"
    assert window.actions["actionUndo"].text() == "&Undo “Change organisation”"
    trigger(window, "actionUndo")
    trigger(window, "actionUndo")
    assert (project.info.title, project.info.organisation) == before
    assert title.text() == before[0]  # the page follows undo
    trigger(window, "actionRedo")
    assert title.text() == "Bank workshop 银行"
    assert shown(window) == "overview"


def test_ctrl_z_in_a_field_undoes_in_the_one_history(qtbot, window):
    trigger(window, "actionShowOverview")
    keys_reach(qtbot, window)
    trainer = window.overview.findChild(QWidget, "overview_trainer")
    trainer.setFocus()
    before = window.document.project.info.trainer
    qtbot.keyClicks(trainer, "Wang")
    qtbot.keyClick(trainer, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    # What was typed became a step and that step was undone: not the text box's own undo.
    assert window.document.project.info.trainer == before and trainer.text() == before
    assert window.document.undo_stack.count() == 1 and window.document.undo_stack.index() == 0
    qtbot.keyClick(trainer, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.document.project.info.trainer == before + "Wang" and trainer.text() == before + "Wang"


def test_the_overview_follows_changes_made_elsewhere(qtbot, window):
    trigger(window, "actionShowOverview")
    page = window.overview
    push_operation(window.document.undo_stack, window.document.project,
                   ops.UpdateProjectInfo({"trainer": "王老师", "group": "第 3 组"}), "Edit")
    assert page.findChild(QWidget, "overview_trainer").text() == "王老师"
    assert page.findChild(QWidget, "overview_group").text() == "第 3 组"
    service_map = window.document.project.maps[1]
    push_operation(window.document.undo_stack, window.document.project,
                   ops.UpdateMap(service_map.id, {"name": "Renamed"}), "Rename")
    assert page.maps.item(1).text().startswith("Renamed")


def test_keyboard_reaches_every_field(qtbot, window):
    trigger(window, "actionShowOverview")
    keys_reach(qtbot, window)
    page = window.overview
    qtbot.keyClick(page.findChild(QWidget, "overview_title"), Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert page.findChild(QWidget, "overview_organisation").hasFocus()
    qtbot.keyClick(page.findChild(QWidget, "overview_organisation"), Qt.Key.Key_N,
                   Qt.KeyboardModifier.AltModifier)
    assert page.findChild(QWidget, "overview_notes").hasFocus()
    qtbot.keyClick(page.findChild(QWidget, "overview_notes"), Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert page.maps.hasFocus()
    page.maps.setCurrentRow(1)
    qtbot.keyClick(page.maps, Qt.Key.Key_Return)  # Enter opens the map in the map editor
    assert shown(window) == "blueprint"
    assert window.map_area.current_map_id() == window.document.project.maps[1].id


def test_a_click_on_a_map_of_the_overview_opens_it(qtbot, window):
    trigger(window, "actionShowOverview")
    maps = window.overview.maps
    rect = maps.visualItemRect(maps.item(1))
    qtbot.mouseClick(maps.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown(window) == "blueprint"
    assert window.map_area.current_map_id() == window.document.project.maps[1].id


def test_edit_menu_commands_act_on_the_field_being_typed_in(qtbot, window):
    trigger(window, "actionShowOverview")
    page = window.overview
    title, group = page.findChild(QWidget, "overview_title"), page.findChild(QWidget, "overview_group")
    title.setFocus()
    trigger(window, "actionSelectAll")
    assert title.selectedText() == window.document.project.info.title
    trigger(window, "actionCopy")
    group.setFocus()
    trigger(window, "actionPaste")
    window.session.commit_pending()
    assert window.document.project.info.group == window.document.project.info.title
    trigger(window, "actionSelectAll")
    trigger(window, "actionDelete")
    window.session.commit_pending()
    assert window.document.project.info.group == ""
    assert len(window.document.project.maps[0].cards) == 28  # nothing on the map was touched


def test_undo_shows_the_workspace_whose_change_it_undoes(qtbot, window):
    project = window.document.project
    trigger(window, "actionShowOverview")
    trainer = window.overview.findChild(QWidget, "overview_trainer")
    trainer.setFocus()
    qtbot.keyClicks(trainer, "Wang")
    window.session.commit_pending()
    trigger(window, "actionShowMapWorkspace")
    card = project.maps[0].cards_in_reading_order()[0]
    window.map_area.current_scene().select_card(card.id)
    trigger(window, "actionDelete")
    trigger(window, "actionShowOverview")
    trigger(window, "actionUndo")  # the card comes back: the map editor shows it
    QApplication.processEvents()
    assert shown(window) == "blueprint" and card.id in project.maps[0].cards
    assert window.map_area.current_scene().selected_card_ids() == [card.id]
    trigger(window, "actionUndo")  # the trainer's name goes: the overview shows that
    assert shown(window) == "overview" and project.info.trainer == ""
    trigger(window, "actionRedo")
    assert shown(window) == "overview" and trainer.text() == "Wang"


def test_each_workspace_follows_the_kinds_it_shows(window):
    """Which workspace an undo shows comes from the kinds, not from an event's first scope id
    (a screening's criterion has a scope too, and is on no map)."""
    from blueprint_studio.model.events import ChangeSet, ModelEvent
    from blueprint_studio.model.kinds import KINDS

    blueprint, overview = window.workspace("blueprint"), window.workspace("overview")
    card = ChangeSet((ModelEvent("card", "updated", "c", "m", ("text",), ("m",)),))
    cover = ChangeSet((ModelEvent("project", "updated", "p", None, ("title",), ()),))
    assert blueprint.follows(card) and not overview.follows(card)
    assert overview.follows(cover) and not blueprint.follows(cover)
    on_maps = {"map", "stage", "lane", "card", "connector", "moment", "answer_count", "rating", "kpi"}
    for name in KINDS:  # every other kind (a screening's criteria, scores …) is not the map's
        event = ModelEvent(name, "updated", "x", "s", (), () if name == "map" else ("s",))
        assert blueprint.follows(ChangeSet((event,))) == (name in on_maps), name


def test_presentation_mode_shows_the_overview_alone(qtbot, window):
    trigger(window, "actionShowOverview")
    trigger(window, "actionPresentation")
    assert window.overview.isVisible() and not window.menuBar().isVisible()
    assert not any(dock.isVisible() for dock in window.findChildren(QDockWidget))
    keys_reach(qtbot, window)
    qtbot.keyClick(window.overview.maps, Qt.Key.Key_F5)
    assert not window.actions["actionPresentation"].isChecked() and shown(window) == "overview"
    assert window.findChild(QDockWidget, "inspectorDock").isVisible()
    assert not window.findChild(QDockWidget, "paletteDock").isVisible()


def test_switching_while_presenting_gives_the_panels_of_the_workspace_shown_after(qtbot, window):
    palette = window.findChild(QDockWidget, "paletteDock")
    trigger(window, "actionShowOverview")
    trigger(window, "actionPresentation")
    trigger(window, "actionShowMapWorkspace")  # the trainer moves on to the map
    assert window.map_area.isVisible() and not palette.isVisible()  # still presenting
    trigger(window, "actionPresentation")
    assert shown(window) == "blueprint" and palette.isVisible()
    trigger(window, "actionShowOverview")
    assert not palette.isVisible()


def test_the_panels_come_back_on_the_next_start_when_closed_on_the_overview(qtbot, make):
    first = make()
    trigger(first, "actionShowOverview")
    first.close()
    second = make()
    assert shown(second) == "blueprint"
    assert second.findChild(QDockWidget, "paletteDock").isVisible()
    assert second.findChild(QDockWidget, "mapsDock").isVisible()


# -- the protocol, proven by a workspace the window has never heard of -------------------------

class NotesWorkspace(Workspace):
    """A third workspace written only against the protocol."""

    KEY = "notes"
    SWITCH = ActionSpec("actionShowNotes", "&Notes Board", "menuView", "Show the notes board",
                        "Ctrl+Alt+9", checkable=True, place=1.9, short="Notes")
    ACTIONS = (ActionSpec("actionPinNote", "&Pin a Note", "menuEdit", "Pin a note", place=9.1,
                          short="Pin"),)
    TOOLBAR = ("actionPinNote",)
    PANELS = (PanelSpec("notesDock", "Pinned", "Show or hide the pinned notes",
                        Qt.DockWidgetArea.RightDockWidgetArea),)

    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        self._widget = QLabel("notes")
        self._widget.setMinimumWidth(3000)  # far wider than any screen, and yet…
        self._panel = QLabel("pinned")
        self.pinned: list[str] = []
        self.edits: list[str] = []
        outer = self

        class Target:
            def cut(self): outer.edits.append("cut")
            def copy(self): outer.edits.append("copy")
            def paste(self): outer.edits.append("paste")
            def delete(self): outer.edits.append("delete")
            def select_all(self): outer.edits.append("select_all")

        self._target = Target()

    @property
    def widget(self):
        return self._widget

    def panel(self, name):
        return self._panel

    def selection(self):
        return Selection("map", self.session.project.maps[-1].id)

    def edit_target(self):
        return self._target

    def commands(self):
        return {"actionPinNote": lambda: self.pinned.append("pin")}

    def can_show(self, kind, entity_id):
        return kind == "note"


def test_a_third_workspace_joins_through_the_protocol_alone(qtbot, make):
    window = make(workspaces=WORKSPACES + (NotesWorkspace,))
    notes = window.workspace("notes")
    pin = window.actions["actionPinNote"]
    assert window.minimumSizeHint().width() < 1280  # …a hidden workspace never widens the window
    assert not pin.isEnabled() and not window.findChild(QDockWidget, "notesDock").isVisible()
    keys_reach(qtbot, window)
    qtbot.keyClick(window.map_area.current_view(), Qt.Key.Key_9,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert window.current_workspace() is notes and window.stack.currentWidget() is notes.widget
    assert window.findChild(QDockWidget, "notesDock").isVisible()
    assert not window.findChild(QDockWidget, "paletteDock").isVisible()
    qtbot.mouseClick(window.findChild(QToolButton, "toolButtonPinNote"), Qt.MouseButton.LeftButton)
    assert notes.pinned == ["pin"]
    trigger(window, "actionCut")
    trigger(window, "actionSelectAll")
    assert notes.edits == ["cut", "select_all"]
    assert window.inspector.kind == "map"  # its selection, shown by the shell's inspector
    assert window.inspector.entity_id == window.document.project.maps[-1].id
    assert pin in window.menus["menuEdit"].actions()
    window.session.reveal("map", window.document.project.maps[0].id)  # the map editor can show it
    assert shown(window) == "blueprint"
    assert not pin.isEnabled()


# -- the structure -----------------------------------------------------------------------------------

def test_the_shell_names_no_workspace_and_the_helpers_never_reach_through_the_window():
    import ast
    from pathlib import Path

    app = Path(__file__).resolve().parents[1] / "blueprint_studio" / "app"
    shell = (app / "main_window.py").read_text(encoding="utf-8")
    for name in ("blueprint", "overview", "map_area", "MapArea", "MapScene", "palette", "maps_panel",
                 "canvas"):
        assert name not in shell.replace("blueprint_studio", ""), name
    for path in app.rglob("*.py"):
        if path.name in ("main_window.py", "main.py"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert "main_window" not in (node.module or ""), path
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute):
                assert node.value.attr != "window", f"{path}: reaches through the window"
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "getattr":
                first = node.args[0] if node.args else None
                assert not (isinstance(first, ast.Name) and first.id == "scene"), \
                    f"{path}: calls a scene method by name"
    assert (app / "workspaces" / "blueprint").is_dir() and (app / "workspaces" / "overview").is_dir()
    assert (app / "session.py").exists() and (app / "inspector").is_dir()


def test_no_file_of_the_shell_is_longer_than_600_lines():
    from pathlib import Path

    app = Path(__file__).resolve().parents[1] / "blueprint_studio" / "app"
    long = {str(p.relative_to(app)): n for p in app.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600}
    assert long == {}


def test_a_window_that_visited_both_workspaces_and_languages_exits_cleanly(tmp_path):
    """The real entry point in a fresh process: exit code 0 (PySide6 aborts with 134 when
    teardown is left to chance)."""
    import subprocess
    import sys
    import textwrap
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    script = textwrap.dedent(f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        os.environ["BLUEPRINT_STUDIO_CONFIG_DIR"] = {str(tmp_path / "config")!r}
        sys.path.insert(0, {str(root)!r})
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from blueprint_studio.app.main import run_gui
        from blueprint_studio.app.main_window import MainWindow
        app = QApplication([])
        def visit():
            window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
            for name in ("actionShowOverview", "actionLanguageChinese", "actionShowMapWorkspace",
                         "actionAddStage", "actionNewWindow", "actionLanguageEnglish"):
                window.actions[name].trigger()
            for w in app.topLevelWidgets():
                if isinstance(w, MainWindow):
                    w.files.maybe_save = lambda: True
            print("language", __import__("blueprint_studio.app.settings", fromlist=["x"]).AppSettings().language())
            app.closeAllWindows()
        QTimer.singleShot(300, visit)
        sys.exit(run_gui())
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "language en" in result.stdout

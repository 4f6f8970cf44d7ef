"""Every command of the window as a QAction with a stable, Qt Designer-style objectName.

`ACTION_SPECS` is the single list: the window builds its actions, menus and toolbar from
it, and `actions_doc.py` writes docs/actions.md from it, so the documentation cannot drift.
Texts are English sources passed through `tr()`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QWidget

from ..i18n import mark, tr

Std = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    name: str                               # objectName, e.g. "actionSave"
    text: str                               # English menu text, "&" marks the mnemonic
    menu: str                               # objectName of the menu it sits in
    tip: str                                # what it does: status tip and docs
    shortcut: Std | str | None = None       # a Qt standard key wherever Qt has one
    checkable: bool = False
    fallback: str = ""                      # for a standard key some platforms leave unbound
    extra: tuple[str, ...] = ()             # further keys people expect


MENUS: tuple[tuple[str, str], ...] = (
    ("menuFile", mark("&File")),
    ("menuEdit", mark("&Edit")),
    ("menuInsert", mark("&Insert")),
    ("menuMap", mark("&Map")),
    ("menuView", mark("&View")),
    ("menuHelp", mark("&Help")),
)

ACTION_SPECS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec("actionNew", mark("&New from Template…"), "menuFile",
               mark("Start a new project from a built-in template"), Std.New),
    ActionSpec("actionNewWindow", mark("New &Window"), "menuFile",
               mark("Open a second window, e.g. to copy cards between projects"), "Ctrl+Shift+N"),
    ActionSpec("actionOpen", mark("&Open…"), "menuFile", mark("Open a project file"), Std.Open),
    ActionSpec("actionClearRecent", mark("Clear Recent Files"), "menuOpenRecent",
               mark("Forget the list of recently opened projects")),
    ActionSpec("actionSave", mark("&Save"), "menuFile",
               mark("Save the project to its file (only the changes are written)"), Std.Save),
    ActionSpec("actionSaveAs", mark("Save &As…"), "menuFile",
               mark("Save the project under a new file name"), Std.SaveAs),
    ActionSpec("actionImportCsv", mark("Import Map from &CSV…"), "menuImport",
               mark("Add a map from a CSV table of cards (Excel, WPS)")),
    ActionSpec("actionImportJson", mark("Open &JSON Project…"), "menuImport",
               mark("Open a project exported as JSON, as a new unsaved project")),
    ActionSpec("actionExportJson", mark("Export Project as &JSON…"), "menuExport",
               mark("Write the whole project as a JSON file")),
    ActionSpec("actionExportCsv", mark("Export Map as C&SV…"), "menuExport",
               mark("Write the cards of the current map as a CSV table")),
    ActionSpec("actionExportPdf", mark("Export &PDF Handout…"), "menuFile",
               mark("Print handouts, posters or blank templates to PDF"), Std.Print),
    ActionSpec("actionClose", mark("&Close Project"), "menuFile",
               mark("Close the project and start an empty one"), Std.Close),
    ActionSpec("actionQuit", mark("&Quit"), "menuFile", mark("Leave Blueprint Studio"), Std.Quit,
               fallback="Ctrl+Q"),
    # Edit
    ActionSpec("actionUndo", mark("&Undo"), "menuEdit", mark("Undo the last change"), Std.Undo),
    ActionSpec("actionRedo", mark("&Redo"), "menuEdit", mark("Redo the change just undone"), Std.Redo),
    ActionSpec("actionCut", mark("Cu&t"), "menuEdit", mark("Move the selected cards to the clipboard"), Std.Cut),
    ActionSpec("actionCopy", mark("&Copy"), "menuEdit", mark("Copy the selected cards"), Std.Copy),
    ActionSpec("actionPaste", mark("&Paste"), "menuEdit",
               mark("Paste cards (also from another window or project)"), Std.Paste),
    ActionSpec("actionDuplicate", mark("D&uplicate"), "menuEdit",
               mark("Copy the selected cards next to themselves"), "Ctrl+D"),
    ActionSpec("actionDelete", mark("&Delete"), "menuEdit",
               mark("Delete the selection (cards, arrows, a stage or a lane)"), Std.Delete),
    ActionSpec("actionSelectAll", mark("Select &All"), "menuEdit",
               mark("Select every card of the map"), Std.SelectAll),
    ActionSpec("actionEditText", mark("&Edit Card Text"), "menuEdit",
               mark("Type the text of the selected card in place"), "F2"),
    ActionSpec("actionFind", mark("&Find…"), "menuEdit", mark("Find cards by their text"), Std.Find),
    ActionSpec("actionFindNext", mark("Find &Next"), "menuEdit",
               mark("Go to the next card that matches"), Std.FindNext),
    ActionSpec("actionFindPrevious", mark("Find Pre&vious"), "menuEdit",
               mark("Go to the previous card that matches"), Std.FindPrevious),
    # Insert
    ActionSpec("actionAddCard", mark("&Card"), "menuInsert",
               mark("Add a card to the selected cell (or the first cell)"), "Ctrl+Shift+K"),
    ActionSpec("actionAddStage", mark("&Stage"), "menuInsert",
               mark("Add a stage (column) after the selected one"), "Ctrl+Shift+T"),
    ActionSpec("actionAddLane", mark("&Lane"), "menuInsert",
               mark("Add a custom lane (row) below the selected one"), "Ctrl+Shift+L"),
    # Map
    ActionSpec("actionAddMap", mark("&New Map…"), "menuMap",
               mark("Add a map to the project, blank or from a template"), "Ctrl+Shift+M"),
    ActionSpec("actionRenameMap", mark("&Rename Map…"), "menuMap", mark("Rename the current map")),
    ActionSpec("actionDeleteMap", mark("&Delete Map"), "menuMap", mark("Delete the current map")),
    ActionSpec("actionMoveMapUp", mark("Move Map &Up"), "menuMap",
               mark("Move the current map one place up in the list")),
    ActionSpec("actionMoveMapDown", mark("Move Map Do&wn"), "menuMap",
               mark("Move the current map one place down in the list")),
    ActionSpec("actionNextMap", mark("&Next Map"), "menuMap", mark("Show the next map"), Std.NextChild),
    ActionSpec("actionPreviousMap", mark("&Previous Map"), "menuMap",
               mark("Show the previous map"), Std.PreviousChild),
    ActionSpec("actionProjectInfo", mark("Project &Information"), "menuMap",
               mark("Show the project's title, organisation, date, trainer and group in the inspector")),
    # View
    ActionSpec("actionZoomIn", mark("Zoom &In"), "menuView", mark("Make the map larger"), Std.ZoomIn,
               extra=("Ctrl+=",)),
    ActionSpec("actionZoomOut", mark("Zoom &Out"), "menuView", mark("Make the map smaller"), Std.ZoomOut),
    ActionSpec("actionZoomReset", mark("&Actual Size"), "menuView", mark("Show the map at 100 %"), "Ctrl+0"),
    ActionSpec("actionZoomToFit", mark("Zoom to &Fit"), "menuView",
               mark("Show the whole map in the window"), "Ctrl+9"),
    ActionSpec("actionPresentation", mark("&Presentation Mode"), "menuView",
               mark("Only the map, full screen and fitted to its width (F5 or Esc to leave)"), "F5",
               checkable=True),
    ActionSpec("actionFullScreen", mark("F&ull Screen"), "menuView",
               mark("Use the whole screen (for projecting)"), Std.FullScreen, checkable=True),
    ActionSpec("actionLanguageEnglish", "English", "menuLanguage",
               mark("Show the program in English"), checkable=True),
    ActionSpec("actionLanguageChinese", "中文", "menuLanguage",
               mark("Show the program in Simplified Chinese"), checkable=True),
    # Help
    ActionSpec("actionShortcuts", mark("&Keyboard Shortcuts"), "menuHelp",
               mark("List every command and its shortcut"), Std.HelpContents),
    ActionSpec("actionAbout", mark("&About Blueprint Studio"), "menuHelp",
               mark("Version, licence and font information")),
)

SUBMENUS: tuple[tuple[str, str, str, str], ...] = (
    # (objectName, English title, parent menu, the action it follows)
    ("menuOpenRecent", mark("Open &Recent"), "menuFile", "actionOpen"),
    ("menuImport", mark("&Import"), "menuFile", "actionSaveAs"),
    ("menuExport", mark("&Export"), "menuFile", "actionSaveAs"),
    ("menuLanguage", mark("&Language"), "menuView", "actionFullScreen"),
    ("menuPanels", mark("&Panels"), "menuView", "actionFullScreen"),
)

# The docks; each one's show/hide action is named "actionShow" + the dock's objectName.
DOCKS: tuple[tuple[str, str, str], ...] = (
    ("paletteDock", mark("Cards"), mark("Show or hide the palette of card kinds")),
    ("mapsDock", mark("Maps"), mark("Show or hide the list of the project's maps")),
    ("undoDock", mark("History"), mark("Show or hide the undo history")),
    ("inspectorDock", mark("Properties"), mark("Show or hide the inspector")),
)


def dock_action_name(dock_name: str) -> str:
    return "actionShow" + dock_name[0].upper() + dock_name[1:]


# Where separators go in the menus: after these actions.
SEPARATOR_AFTER = {
    "actionOpen", "actionSaveAs", "actionExportPdf", "actionClose", "actionRedo",
    "actionSelectAll", "actionEditText", "actionDeleteMap", "actionMoveMapDown",
    "actionPreviousMap", "actionZoomToFit", "actionFullScreen",
}

TOOLBAR_ACTIONS: tuple[str | None, ...] = (
    "actionNew", "actionOpen", "actionSave", None,
    "actionUndo", "actionRedo", None,
    "actionAddCard", "actionAddStage", "actionAddLane", "actionDelete", None,
    "actionZoomOut", "actionZoomIn", "actionZoomToFit", None,
    "actionFind", "actionExportPdf",
)

# Short toolbar labels (menus use the longer text).
TOOLBAR_TEXT = {
    "actionNew": mark("New"), "actionOpen": mark("Open"), "actionSave": mark("Save"),
    "actionUndo": mark("Undo"), "actionRedo": mark("Redo"),
    "actionAddCard": mark("+ Card"), "actionAddStage": mark("+ Stage"), "actionAddLane": mark("+ Lane"),
    "actionDelete": mark("Delete"), "actionZoomOut": mark("Zoom −"), "actionZoomIn": mark("Zoom +"),
    "actionZoomToFit": mark("Fit"), "actionFind": mark("Find"), "actionExportPdf": mark("PDF"),
}


# Short labels for the buttons under the maps list.
# Compact symbols keep the left column narrow; each button's tooltip says what it does.
MAPS_PANEL_TEXT = {
    "actionAddMap": mark("+ Map"), "actionRenameMap": "✎",
    "actionDeleteMap": "✕", "actionMoveMapUp": "▲", "actionMoveMapDown": "▼",
}


# Keys from Qt.Key_Back on are media and browser keys ("Forward", "Zoom In"): not for docs.
_FIRST_MEDIA_KEY = 0x01000061


def _explicit_sequences() -> set[str]:
    """Key sequences given as text (not as a platform standard key) to some action."""
    explicit = {QKeySequence(spec.shortcut).toString()
                for spec in ACTION_SPECS if isinstance(spec.shortcut, str)}
    explicit |= {QKeySequence(key).toString() for spec in ACTION_SPECS for key in spec.extra}
    return explicit


def shortcut_sequences(spec: ActionSpec, keyboard_only: bool = False) -> list[QKeySequence]:
    """The key sequences of a spec on this platform (a standard key may have several)."""
    if spec.shortcut is None:
        sequences = []
    elif isinstance(spec.shortcut, str):
        sequences = [QKeySequence(spec.shortcut)]
    else:
        # A platform's standard binding can also claim a key we give another action
        # (on X11, Delete includes Ctrl+D, our Duplicate): the explicit choice wins,
        # otherwise Qt finds the shortcut ambiguous and neither action fires.
        taken = _explicit_sequences()
        sequences = [k for k in QKeySequence.keyBindings(spec.shortcut)
                     if not k.isEmpty() and k.toString() not in taken]
        if not sequences and spec.fallback:
            sequences = [QKeySequence(spec.fallback)]
    sequences += [QKeySequence(key) for key in spec.extra]
    if keyboard_only:
        sequences = [k for k in sequences if k[0].key().value < _FIRST_MEDIA_KEY]
    return sequences


def build_actions(parent: QWidget) -> dict[str, QAction]:
    """Create every action (not yet connected) and return them by objectName."""
    actions: dict[str, QAction] = {}
    for spec in ACTION_SPECS:
        action = QAction(tr(spec.text), parent)
        action.setObjectName(spec.name)
        action.setStatusTip(tr(spec.tip))
        action.setToolTip(tr(spec.tip))
        action.setCheckable(spec.checkable)
        sequences = shortcut_sequences(spec)
        if sequences:
            action.setShortcuts(sequences)
        parent.addAction(action)  # shortcuts work even when menus are hidden (full screen)
        actions[spec.name] = action
    for name, text in MAPS_PANEL_TEXT.items():
        actions[name].setIconText(tr(text))
    languages = QActionGroup(parent)
    languages.setExclusive(True)
    languages.addAction(actions["actionLanguageEnglish"])
    languages.addAction(actions["actionLanguageChinese"])
    return actions


def build_menus(menu_bar: QMenuBar, actions: dict[str, QAction]) -> dict[str, QMenu]:
    menus: dict[str, QMenu] = {}
    for name, title in MENUS:
        menu = menu_bar.addMenu(tr(title))
        menu.setObjectName(name)
        menus[name] = menu
    for name, title, parent_name, _after in SUBMENUS:
        menu = QMenu(tr(title), menus[parent_name])
        menu.setObjectName(name)
        menus[name] = menu
    for spec in ACTION_SPECS:
        if spec.menu != "menuOpenRecent":  # the window fills that one with files first
            menus[spec.menu].addAction(actions[spec.name])
        for sub_name, _title, parent_name, after in SUBMENUS:
            if after == spec.name:
                menus[parent_name].addMenu(menus[sub_name])
        if spec.name in SEPARATOR_AFTER:
            menus[spec.menu].addSeparator()
    return menus


def build_toolbar(toolbar: QToolBar, actions: dict[str, QAction]) -> None:
    for name in TOOLBAR_ACTIONS:
        if name is None:
            toolbar.addSeparator()
            continue
        action = actions[name]
        action.setIconText(tr(TOOLBAR_TEXT[name]))  # what a text-only tool button shows
        toolbar.addAction(action)
        button = toolbar.widgetForAction(action)
        if button is not None:
            button.setObjectName(f"toolButton{name.removeprefix('action')}")

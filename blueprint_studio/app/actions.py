"""Every command of the window as a QAction with a stable, Qt Designer-style objectName.

The shell's own commands (files, undo, the edit commands every workspace's edit target
answers, windows, language, help) are listed here in `ACTION_SPECS`; each workspace lists
its own in its folder (`Workspace.ACTIONS`, `Workspace.SWITCH`). The window builds its
actions, menus and toolbars from the union, and `actions_doc.py` writes docs/actions.md
from it, so the documentation cannot drift. Texts are English sources passed through `tr()`.

Where an entry goes: `menu` names its menu; `place` orders a menu's entries, and a change
of its whole part (1.x, 2.x, ...) starts a new section after a separator. Shell and
workspace entries interleave by place, so a workspace puts Duplicate between Paste and
Delete without the shell knowing it exists.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QToolButton, QWidget

from ..i18n import mark, tr

Std = QKeySequence.StandardKey
# Windows and Linux programs redo with Ctrl+Y as well (Qt's X11 keys have only Ctrl+Shift+Z);
# on macOS Cmd+Y is no redo, so there the standard key alone.
REDO_EXTRA: tuple[str, ...] = () if sys.platform == "darwin" else ("Ctrl+Y",)


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
    place: float = 9.0                      # order in its menu (see the module's docstring)
    short: str = ""                         # label on a toolbar or tool button


@dataclass(frozen=True)
class MenuSpec:
    name: str                               # objectName, e.g. "menuFile"
    title: str                              # English title with its mnemonic
    parent: str = ""                        # "" for the menu bar, else the menu it sits in
    place: float = 9.0


MENUS: tuple[MenuSpec, ...] = (
    MenuSpec("menuFile", mark("&File"), place=1),
    MenuSpec("menuEdit", mark("&Edit"), place=2),
    MenuSpec("menuView", mark("&View"), place=5),
    MenuSpec("menuHelp", mark("&Help"), place=9),
    MenuSpec("menuOpenRecent", mark("Open &Recent"), "menuFile", 1.4),
    MenuSpec("menuImport", mark("&Import"), "menuFile", 2.3),
    MenuSpec("menuExport", mark("&Export"), "menuFile", 2.4),
    MenuSpec("menuLanguage", mark("&Language"), "menuView", 4.1),
    MenuSpec("menuPanels", mark("&Panels"), "menuView", 4.2),
)

ACTION_SPECS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec("actionNew", mark("&New from Template…"), "menuFile",
               mark("Start a new project from a built-in template"), Std.New, place=1.1,
               short=mark("New")),
    ActionSpec("actionNewWindow", mark("New &Window"), "menuFile",
               mark("Open a second window, e.g. to copy cards between projects"), "Ctrl+Shift+N",
               place=1.2),
    ActionSpec("actionOpen", mark("&Open…"), "menuFile", mark("Open a project file"), Std.Open,
               place=1.3, short=mark("Open")),
    ActionSpec("actionClearRecent", mark("Clear Recent Files"), "menuOpenRecent",
               mark("Forget the list of recently opened projects"), place=9),
    ActionSpec("actionSave", mark("&Save"), "menuFile",
               mark("Save the project to its file (only the changes are written)"), Std.Save,
               place=2.1, short=mark("Save")),
    ActionSpec("actionSaveAs", mark("Save &As…"), "menuFile",
               mark("Save the project under a new file name"), Std.SaveAs, place=2.2),
    ActionSpec("actionImportCsv", mark("Import Map from &CSV…"), "menuImport",
               mark("Add a map from a CSV table of cards (Excel, WPS)"), place=1.1),
    ActionSpec("actionImportJson", mark("Open &JSON Project…"), "menuImport",
               mark("Open a project exported as JSON, as a new unsaved project"), place=1.2),
    ActionSpec("actionExportJson", mark("Export Project as &JSON…"), "menuExport",
               mark("Write the whole project as a JSON file"), place=1.1),
    ActionSpec("actionExportPdf", mark("Export &PDF Handout…"), "menuFile",
               mark("Print handouts, posters or blank templates to PDF"), Std.Print, place=3.1,
               short="PDF"),
    ActionSpec("actionClose", mark("&Close Project"), "menuFile",
               mark("Close the project and start an empty one"), Std.Close, place=4.1),
    ActionSpec("actionQuit", mark("&Quit"), "menuFile", mark("Leave Blueprint Studio"), Std.Quit,
               fallback="Ctrl+Q", place=5.1),
    # Edit: undo is the session's; the rest acts on the current workspace's edit target
    ActionSpec("actionUndo", mark("&Undo"), "menuEdit", mark("Undo the last change"), Std.Undo,
               place=1.1, short=mark("Undo")),
    ActionSpec("actionRedo", mark("&Redo"), "menuEdit", mark("Redo the change just undone"), Std.Redo,
               extra=REDO_EXTRA, place=1.2, short=mark("Redo")),
    ActionSpec("actionCut", mark("Cu&t"), "menuEdit", mark("Move the selection to the clipboard"),
               Std.Cut, place=2.1),
    ActionSpec("actionCopy", mark("&Copy"), "menuEdit", mark("Copy the selection"), Std.Copy, place=2.2),
    ActionSpec("actionPaste", mark("&Paste"), "menuEdit",
               mark("Paste cards or text (also from another window or project)"), Std.Paste, place=2.3),
    ActionSpec("actionDelete", mark("&Delete"), "menuEdit",
               mark("Delete the selection (cards, arrows, a stage or a lane)"), Std.Delete, place=2.5,
               short=mark("Delete")),
    ActionSpec("actionSelectAll", mark("Select &All"), "menuEdit",
               mark("Select every card of the map, or all the text of a field"), Std.SelectAll,
               place=2.6),
    # View
    ActionSpec("actionPresentation", mark("&Presentation Mode"), "menuView",
               mark("Show the whole map full screen, read-only, to step through stage by stage "
                    "(F5 or Esc to leave)"),
               "F5", checkable=True, place=3.1),
    ActionSpec("actionFullScreen", mark("F&ull Screen"), "menuView",
               mark("Use the whole screen (for projecting)"), Std.FullScreen, checkable=True,
               fallback="F11", place=3.2),
    ActionSpec("actionLanguageEnglish", "English", "menuLanguage",
               mark("Show the program in English (every window)"), checkable=True, place=1.1),
    ActionSpec("actionLanguageChinese", "中文", "menuLanguage",
               mark("Show the program in Simplified Chinese (every window)"), checkable=True, place=1.2),
    # Help
    ActionSpec("actionUserGuide", mark("&User Guide"), "menuHelp",
               mark("How to use Blueprint Studio, in the program's language (works offline)"),
               Std.HelpContents, place=1.1),
    ActionSpec("actionShortcuts", mark("&Keyboard Shortcuts"), "menuHelp",
               mark("List every command and its shortcut"), place=1.2),
    ActionSpec("actionAbout", mark("&About Blueprint Studio"), "menuHelp",
               mark("Version, licence and font information"), place=2.1),
)

# The commands every edit target answers (workspace.edit_target(), see workspace.EditTarget).
EDIT_TARGET_ACTIONS = ("actionCut", "actionCopy", "actionPaste", "actionDelete", "actionSelectAll")

TOOLBAR: tuple[str | None, ...] = (
    "actionNew", "actionOpen", "actionSave", None, "actionUndo", "actionRedo", None, "actionExportPdf",
)

# The shell's docks; each one's show/hide action is named "actionShow" + the dock's objectName.
DOCKS: tuple[tuple[str, str, str], ...] = (
    ("undoDock", mark("History"), mark("Show or hide the undo history")),
    ("inspectorDock", mark("Properties"), mark("Show or hide the inspector")),
)


def dock_action_name(dock_name: str) -> str:
    return "actionShow" + dock_name[0].upper() + dock_name[1:]


# Keys from Qt.Key_Back on are media and browser keys ("Forward", "Zoom In"): not for docs.
_FIRST_MEDIA_KEY = 0x01000061
# F13 and beyond: Qt's X11 standard keys include the Sun keyboard's F14 (Undo), F16 (Copy),
# F18 (Paste) and F20 (Cut), keys no keyboard in a classroom has. They are not bound at all.
_NO_SUCH_KEYS = range(Qt.Key.Key_F13.value, Qt.Key.Key_F35.value + 1)


def _explicit_sequences(specs: Iterable[ActionSpec]) -> set[str]:
    """Key sequences given as text (not as a platform standard key) to some action."""
    explicit: set[str] = set()
    for spec in specs:
        if isinstance(spec.shortcut, str):
            explicit.add(QKeySequence(spec.shortcut).toString())
        explicit |= {QKeySequence(key).toString() for key in spec.extra}
    return explicit


def platform_keys(standard: Std) -> list[QKeySequence]:
    """Qt's keys for a standard key on this platform (a seam for tests of other platforms)."""
    return list(QKeySequence.keyBindings(standard))


def shortcut_sequences(spec: ActionSpec, keyboard_only: bool = False,
                       specs: Sequence[ActionSpec] | None = None) -> list[QKeySequence]:
    """The key sequences of a spec on this platform (a standard key may have several)."""
    if spec.shortcut is None:
        sequences = []
    elif isinstance(spec.shortcut, str):
        sequences = [QKeySequence(spec.shortcut)]
    else:
        # A platform's standard binding can also claim a key we give another action
        # (on X11, Delete includes Ctrl+D, our Duplicate): the explicit choice wins,
        # otherwise Qt finds the shortcut ambiguous and neither action fires.
        others = [s for s in (specs if specs is not None else all_specs()) if s.name != spec.name]
        taken = _explicit_sequences(others)
        sequences = [k for k in platform_keys(spec.shortcut)
                     if not k.isEmpty() and k.toString() not in taken
                     and k[0].key().value not in _NO_SUCH_KEYS]
        if not sequences and spec.fallback:
            sequences = [QKeySequence(spec.fallback)]
    for key in spec.extra:  # a platform may have it as a standard key already (Ctrl+Y on Windows)
        if all(QKeySequence(key) != known for known in sequences):
            sequences.append(QKeySequence(key))
    if keyboard_only:
        sequences = [k for k in sequences if k[0].key().value < _FIRST_MEDIA_KEY]
    return sequences


def all_specs(workspaces: Iterable[type] | None = None) -> tuple[ActionSpec, ...]:
    """The shell's actions (presentation mode's among them), then each workspace's switch
    action and its own actions."""
    if workspaces is None:
        from .workspaces import WORKSPACES
        workspaces = WORKSPACES
    from .presentation import actions as presentation

    specs = list(ACTION_SPECS) + list(presentation.ACTIONS)
    for workspace in workspaces:
        specs.append(workspace.SWITCH)
        specs.extend(workspace.ACTIONS)
    return tuple(specs)


def all_menus(workspaces: Iterable[type] | None = None) -> tuple[MenuSpec, ...]:
    if workspaces is None:
        from .workspaces import WORKSPACES
        workspaces = WORKSPACES
    from .presentation import actions as presentation

    return MENUS + presentation.MENUS + tuple(menu for workspace in workspaces for menu in workspace.MENUS)


def menu_entries(menu: str, specs: Sequence[ActionSpec], menus: Sequence[MenuSpec]
                 ) -> list[ActionSpec | MenuSpec]:
    """A menu's actions and submenus in order (stable: equal places keep list order)."""
    entries: list[ActionSpec | MenuSpec] = [s for s in specs if s.menu == menu]
    entries += [m for m in menus if m.parent == menu]
    return sorted(entries, key=lambda entry: entry.place)


def build_actions(parent: QWidget, specs: Sequence[ActionSpec]) -> dict[str, QAction]:
    """Create every action (not yet connected) and return them by objectName."""
    actions: dict[str, QAction] = {}
    for spec in specs:
        action = QAction(parent)
        action.setObjectName(spec.name)
        action.setCheckable(spec.checkable)
        sequences = shortcut_sequences(spec, specs=specs)
        if sequences:
            action.setShortcuts(sequences)
        parent.addAction(action)  # shortcuts work even when menus are hidden (full screen)
        actions[spec.name] = action
    languages = QActionGroup(parent)
    languages.setExclusive(True)
    languages.addAction(actions["actionLanguageEnglish"])
    languages.addAction(actions["actionLanguageChinese"])
    retranslate_actions(actions, specs)
    return actions


def retranslate_actions(actions: dict[str, QAction], specs: Sequence[ActionSpec]) -> None:
    for spec in specs:
        action = actions[spec.name]
        action.setText(tr(spec.text))
        action.setStatusTip(tr(spec.tip))
        action.setToolTip(tr(spec.tip))
        if spec.short:
            action.setIconText(tr(spec.short))  # what a text-only tool button shows


def build_menus(menu_bar: QMenuBar, actions: dict[str, QAction], specs: Sequence[ActionSpec],
                menus: Sequence[MenuSpec]) -> dict[str, QMenu]:
    built: dict[str, QMenu] = {}

    def fill(menu: QMenu, name: str) -> None:
        section = None
        for entry in menu_entries(name, specs, menus):
            if section is not None and int(entry.place) != section:
                menu.addSeparator()
            section = int(entry.place)
            if isinstance(entry, MenuSpec):
                sub = QMenu(menu)
                sub.setObjectName(entry.name)
                built[entry.name] = sub
                menu.addMenu(sub)
                if entry.name != "menuOpenRecent":  # the window fills that one with files first
                    fill(sub, entry.name)
            else:
                menu.addAction(actions[entry.name])

    for spec in sorted((m for m in menus if not m.parent), key=lambda m: m.place):
        menu = QMenu(menu_bar)
        menu.setObjectName(spec.name)
        built[spec.name] = menu
        menu_bar.addMenu(menu)
        fill(menu, spec.name)
    retranslate_menus(built, menus)
    return built


def retranslate_menus(built: dict[str, QMenu], menus: Sequence[MenuSpec]) -> None:
    for spec in menus:
        if spec.name in built:
            built[spec.name].setTitle(tr(spec.title))


def fill_toolbar(toolbar: QToolBar, actions: dict[str, QAction], names: Sequence[str | None]) -> None:
    for name in names:
        if name is None:
            toolbar.addSeparator()
            continue
        action = actions[name]
        toolbar.addAction(action)
        button = toolbar.widgetForAction(action)
        if isinstance(button, QToolButton):
            button.setObjectName(f"toolButton{name.removeprefix('action')}")


__all__ = ["ACTION_SPECS", "DOCKS", "EDIT_TARGET_ACTIONS", "MENUS", "TOOLBAR", "ActionSpec",
           "MenuSpec", "all_menus", "all_specs", "build_actions", "build_menus",
           "dock_action_name", "fill_toolbar", "menu_entries", "retranslate_actions",
           "retranslate_menus", "shortcut_sequences"]

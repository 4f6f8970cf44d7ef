"""The main window: the shell that hosts the workspaces around one session.

It knows workspaces only through the protocol in workspace.py and the list in
workspaces/__init__.py: it stacks their widgets, places their panels, menus, toolbars and
status widgets, switches between them (a switcher bar, View menu entries, Ctrl+1, Ctrl+2 …),
shows the current one's selection in the inspector and routes each command to the current
workspace. File commands live in file_ops.py, the document in document.py, the shared
state in session.py.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt, QTime, QTimer
from PySide6.QtGui import QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication, QDockWidget, QLabel, QMainWindow, QToolBar, QUndoView,
)

from ..commands import replaying
from ..i18n import language, tr
from ..model import operations as ops
from ..model.events import ChangeSet
from . import actions as action_specs
from .dialogs import ShortcutsDialog, show_about
from .docks import LEFT, RIGHT, Dock, add_dock, arrange, retranslate_dock
from .document import Document
from .file_ops import FileOperations, blank_project
from .inspector import Inspector
from .language import LanguageFollower, switch_language
from .presentation.controller import PresentationController
from .presentation.interface import InterfaceSettings
from .recovery import RecoveryStore
from .session import Session
from .settings import AppSettings
from .workspace import Workspace
from .window_parts import WorkspaceStack, fill_recent_menu, fit_default_size, openable_files
from .workspaces import WORKSPACES

APP_TITLE = "Blueprint Studio"

# Windows opened with New Window: kept referenced here until they close.
_extra_windows: set["MainWindow"] = set()


class MainWindow(LanguageFollower, QMainWindow):
    def __init__(self, settings: AppSettings, document: Document | None = None,
                 recovery: RecoveryStore | None = None,
                 workspaces: tuple[type[Workspace], ...] = WORKSPACES) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings
        self.session = Session(settings, recovery, self)
        self.recovery = self.session.recovery
        self.files = FileOperations(self.session)
        self._skip_close_check = False
        self._guide = None  # Help ▸ User Guide, made when first asked for
        self._document_connections: list = []
        self._unsubscribe_changes = None
        self._replayed: list[Workspace] = []
        self.setAcceptDrops(True)
        fit_default_size(self)

        self.inspector = Inspector(self.session)
        self._workspaces: list[Workspace] = [cls(self.session, self) for cls in workspaces]
        self._current: Workspace | None = None
        self._specs = action_specs.all_specs(workspaces)
        self._menu_specs = action_specs.all_menus(workspaces)
        self.actions = action_specs.build_actions(self, self._specs)
        self.menus = action_specs.build_menus(self.menuBar(), self.actions, self._specs, self._menu_specs)
        self._owned_actions = {spec.name: ws for ws in self._workspaces for spec in ws.ACTIONS}
        self._build_toolbars()

        self.stack = WorkspaceStack(self)
        self.stack.setObjectName("workspaceStack")
        for workspace in self._workspaces:
            self.stack.addWidget(workspace.widget)
        self.setCentralWidget(self.stack)

        self.undo_view = QUndoView()
        self.undo_view.setObjectName("undoView")
        self._docks: list[Dock] = []
        # A workspace's panels show while it is current; those the user had open come back.
        self._panels: dict[Workspace, list[QDockWidget]] = {}
        self._panels_shown: dict[Workspace, list[QDockWidget]] = {}
        panels_menu = self.menus["menuPanels"]
        for workspace in self._workspaces:
            for panel in workspace.PANELS:
                entry = add_dock(self, panels_menu, panel.name, panel.title, panel.tip,
                                 workspace.panel(panel.name), panel.area)
                self._docks.append(entry)
                self._panels.setdefault(workspace, []).append(entry.dock)
        shell_widgets = {"undoDock": (self.undo_view, LEFT), "inspectorDock": (self.inspector, RIGHT)}
        for name, title, tip in action_specs.DOCKS:
            widget, area = shell_widgets[name]
            self._docks.append(add_dock(self, panels_menu, name, title, tip, widget, area))
        arrange(self, self._docks)
        by_name = {entry.dock.objectName(): entry.dock for entry in self._docks}
        for workspace in self._workspaces:
            for panel in workspace.PANELS:
                if panel.tab_with in by_name:  # e.g. the findings behind the inspector
                    self.tabifyDockWidget(by_name[panel.tab_with], by_name[panel.name])

        self.save_state_label = QLabel(self)
        self.save_state_label.setObjectName("saveStateLabel")
        self.statusBar().addPermanentWidget(self.save_state_label)
        for workspace in self._workspaces:
            for widget in workspace.status_widgets():
                self.statusBar().addPermanentWidget(widget)
                widget.hide()

        self._connect()
        for workspace in self._workspaces:
            workspace.use_actions(self.actions)
        self.interface = InterfaceSettings(self, settings, self.inspector, self.actions)
        self.presentation = PresentationController(self)
        self.refresh_recent_menu()
        self.retranslate()
        self.note_language()
        geometry, state = settings.window_geometry(), settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        for workspace in self._workspaces[1:]:  # their panels wait until they are shown
            self._panels_shown[workspace] = [d for d in self._panels.get(workspace, []) if not d.isHidden()]
            for dock in self._panels.get(workspace, []):
                dock.hide()
        self.activate(self._workspaces[0])
        self.interface.apply_saved()  # participant mode, larger text: as last time
        self.session.set_document(document or self.session.new_document(blank_project()))

    # -- construction ------------------------------------------------------------------------
    def _build_toolbars(self) -> None:
        """The switcher (one click to each workspace), the shell's tools, then each
        workspace's own tools (shown while it is current)."""
        self.switcher = QToolBar(self)
        self.switcher.setObjectName("workspaceToolBar")
        self.switcher.setMovable(False)
        self.switcher.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._switches = QActionGroup(self)
        self._switches.setExclusive(True)
        for workspace in self._workspaces:
            action = self.actions[workspace.SWITCH.name]
            self._switches.addAction(action)
        action_specs.fill_toolbar(self.switcher, self.actions,
                                  [ws.SWITCH.name for ws in self._workspaces])
        if self.menuBar().isNativeMenuBar():  # macOS: the menu bar is the screen's
            self.addToolBar(self.switcher)
        else:  # in the menu bar's empty right end: the tool row stays for the tools
            self.menuBar().setCornerWidget(self.switcher, Qt.Corner.TopRightCorner)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolBar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        action_specs.fill_toolbar(self.toolbar, self.actions, action_specs.TOOLBAR)
        self.addToolBar(self.toolbar)
        self._workspace_toolbars: dict[Workspace, QToolBar] = {}
        for workspace in self._workspaces:
            if not workspace.TOOLBAR:
                continue
            bar = QToolBar(self)
            bar.setObjectName(f"{workspace.KEY}ToolBar")
            bar.setMovable(False)
            bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            action_specs.fill_toolbar(bar, self.actions, workspace.TOOLBAR)
            self.addToolBar(bar)
            self._workspace_toolbars[workspace] = bar

    def _connect(self) -> None:
        a, files, session = self.actions, self.files, self.session
        shell = {
            "actionNew": files.new_from_template, "actionOpen": files.open,
            "actionNewWindow": self.open_new_window,
            "actionSave": files.save, "actionSaveAs": files.save_as,
            "actionImportCsv": files.import_csv, "actionImportJson": files.import_json,
            "actionExportJson": files.export_json,
            "actionExportPdf": self._export_pdf, "actionClose": files.close_project,
            "actionQuit": self._quit, "actionClearRecent": self._clear_recent,
            "actionUndo": session.undo, "actionRedo": session.redo,
            "actionLanguageEnglish": lambda: switch_language("en", self.settings),
            "actionLanguageChinese": lambda: switch_language("zh", self.settings),
            "actionUserGuide": self.show_user_guide,
            "actionShortcuts": self._show_shortcuts,
            "actionAbout": lambda: show_about(self, self.settings.folder),
        }
        for name, slot in shell.items():
            a[name].triggered.connect(lambda _checked=False, s=slot: s())
        edits = {"actionCut": lambda t: t.cut(), "actionCopy": lambda t: t.copy(),
                 "actionPaste": lambda t: t.paste(), "actionDelete": lambda t: t.delete(),
                 "actionSelectAll": lambda t: t.select_all()}
        for name in action_specs.EDIT_TARGET_ACTIONS:
            a[name].triggered.connect(lambda _checked=False, run=edits[name]: self._edit(run))
        for name in self._owned_actions:
            a[name].triggered.connect(lambda _checked=False, n=name: self._run_workspace_command(n))
        for workspace in self._workspaces:
            a[workspace.SWITCH.name].triggered.connect(lambda _checked=False, w=workspace: self.activate(w))
            workspace.selectionChanged.connect(lambda w=workspace: self._on_selection_changed(w))
            workspace.actionsChanged.connect(lambda w=workspace: self._update_actions(w))
            workspace.activationRequested.connect(lambda w=workspace: self.activate(w))
        a["actionFullScreen"].toggled.connect(self._set_full_screen)
        a["actionPresentation"].toggled.connect(self._set_presentation)
        self.menus["menuOpenRecent"].aboutToShow.connect(self.refresh_recent_menu)
        session.documentChanged.connect(self._on_document_changed)
        session.documentReleased.connect(self._on_document_released)
        session.messageShown.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        session.refused.connect(self.show_refusal)
        session.revealRequested.connect(self.reveal)
        session.raiseRequested.connect(self.bring_to_front)

    # -- workspaces ----------------------------------------------------------------------------
    def workspace(self, key: str) -> Workspace:
        """The workspace with this KEY (for scripts and tests; the shell never asks by name)."""
        return next(ws for ws in self._workspaces if ws.KEY == key)

    def current_workspace(self) -> Workspace | None:
        return self._current

    def workspaces(self) -> tuple[Workspace, ...]:
        return tuple(self._workspaces)

    def panel_owner(self, dock: QDockWidget) -> Workspace | None:
        """The workspace a docked panel belongs to (None: the shell's own)."""
        return next((ws for ws, docks in self._panels.items() if dock in docks), None)

    def activate(self, workspace: Workspace) -> None:
        """Make `workspace` current: its widget, toolbar, status widgets, commands, selection."""
        self.actions[workspace.SWITCH.name].setChecked(True)
        if workspace is self._current:
            return
        previous, self._current = self._current, workspace
        if previous is not None:
            previous.set_active(False)
        if not self.actions["actionPresentation"].isChecked():  # else when presenting ends
            self._swap_panels(previous, workspace)
        self.stack.setCurrentWidget(workspace.widget)
        self.stack.updateGeometry()
        for other in self._workspaces:
            for widget in other.status_widgets():
                widget.setVisible(other is workspace)
        self._apply_workspace_toolbars()
        workspace.set_active(True)
        self._update_actions(workspace)
        self._on_selection_changed(workspace)
        if previous is not None:
            workspace.focus()

    def _swap_panels(self, previous: Workspace | None, current: Workspace) -> None:
        """The previous workspace's panels rest (remembered as the user left them); the
        current one's come back."""
        if previous is current:
            return
        if previous is not None:
            self._panels_shown[previous] = [d for d in self._panels.get(previous, []) if d.isVisibleTo(self)]
            for dock in self._panels.get(previous, []):
                dock.hide()
        for dock in self._panels_shown.pop(current, []):
            dock.show()

    def _apply_workspace_toolbars(self) -> None:
        presenting = self.actions["actionPresentation"].isChecked()
        for workspace, bar in self._workspace_toolbars.items():
            bar.setVisible(workspace is self._current and not presenting)

    def _update_actions(self, workspace: Workspace) -> None:
        if workspace is not self._current:
            return
        enabled = workspace.enabled_actions() if self.session.document is not None else set()
        for name in self._owned_actions:
            self.actions[name].setEnabled(name in enabled and name in workspace.commands())
        has_target = workspace.edit_target() is not None
        for name in action_specs.EDIT_TARGET_ACTIONS:
            self.actions[name].setEnabled(has_target)

    def _run_workspace_command(self, name: str) -> None:
        workspace = self._current
        command = workspace.commands().get(name) if workspace is not None else None
        if command is not None:
            command()

    def _edit(self, run) -> None:
        """Edit ▸ Cut, Copy, Paste, Delete, Select All on the current workspace's edit target."""
        target = self._current.edit_target() if self._current is not None else None
        if target is not None:
            run(target)

    def _on_selection_changed(self, workspace: Workspace) -> None:
        if workspace is self._current:
            self.inspector.show_selection(workspace.selection())
            self._update_actions(workspace)

    def reveal(self, kind: str, entity_id: str) -> None:
        """Show an entity: in the current workspace if it can, else in the first that can."""
        candidates = [self._current] + [ws for ws in self._workspaces if ws is not self._current]
        for workspace in candidates:
            if workspace is not None and workspace.can_show(kind, entity_id):
                self.activate(workspace)
                workspace.show(kind, entity_id)
                return

    def __getattr__(self, name: str):
        """What the workspaces publish for scripts and tests (see Workspace.published)."""
        for workspace in self.__dict__.get("_workspaces", ()):
            published = workspace.published()
            if name in published:
                return published[name]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    # -- the document -----------------------------------------------------------------------------
    @property
    def document(self) -> Document | None:
        return self.session.document

    def set_document(self, document: Document) -> None:
        """Show `document`, closing the previous one (its unsaved work was settled before)."""
        self.session.set_document(document)

    def release_document(self) -> Document | None:
        """Detach the window from its document without closing it."""
        return self.session.release_document()

    def commit_pending_edits(self) -> None:
        """Text still being typed becomes an undo step now (see Session.commit_pending)."""
        self.session.commit_pending()

    def _on_document_changed(self, document: Document) -> None:
        stack = document.undo_stack
        self.undo_view.setStack(stack)
        self._document_connections = [
            stack.canUndoChanged.connect(self._update_undo_actions),
            stack.canRedoChanged.connect(self._update_undo_actions),
            stack.indexChanged.connect(self._on_stack_index),
            document.modifiedChanged.connect(self._update_title),
            document.pathChanged.connect(self._update_title),
            document.recoveryFailed.connect(lambda text: self.statusBar().showMessage(text, 8000)),
            document.recoveryWritten.connect(self._recovery_written),
        ]
        self._unsubscribe_changes = document.project.events.subscribe(self._on_changes)
        self._update_undo_actions()
        self._update_title()
        for workspace in self._workspaces:
            self._update_actions(workspace)
        if self._current is not None:
            self._on_selection_changed(self._current)

    def _on_document_released(self, _document: Document) -> None:
        from PySide6.QtCore import QObject

        for connection in self._document_connections:
            QObject.disconnect(connection)
        self._document_connections = []
        if self._unsubscribe_changes:
            self._unsubscribe_changes()
            self._unsubscribe_changes = None
        self._replayed = []
        self.undo_view.setStack(None)

    def _update_undo_actions(self, *_args: object) -> None:
        stack = self.session.undo_stack
        undo = stack.undoText() if stack is not None and stack.canUndo() else ""
        redo = stack.redoText() if stack is not None and stack.canRedo() else ""
        self.actions["actionUndo"].setEnabled(stack is not None and stack.canUndo())
        self.actions["actionRedo"].setEnabled(stack is not None and stack.canRedo())
        # The menu says what the step will undo ("Undo “Add stage”"), as in any editor.
        self.actions["actionUndo"].setText(tr("&Undo “{step}”").format(step=undo) if undo else tr("&Undo"))
        self.actions["actionRedo"].setText(tr("&Redo “{step}”").format(step=redo) if redo else tr("&Redo"))

    def _on_changes(self, changes: ChangeSet) -> None:
        """An undo or redo shows what it changes: if the current workspace does not show it,
        the first workspace that does becomes current once the step has run."""
        if replaying() and self._current is not None and not self._current.follows(changes):
            for workspace in self._workspaces:
                if workspace.follows(changes) and workspace not in self._replayed:
                    self._replayed.append(workspace)
                    break

    def _on_stack_index(self, _index: int) -> None:
        self._update_undo_actions()
        replayed, self._replayed = self._replayed, []
        if replayed and self._current is not None and replayed[0] is not self._current:
            self.activate(replayed[0])

    def _update_title(self, *_args: object) -> None:
        document = self.document
        if document is None:
            return
        self.setWindowTitle(f"{document.display_name()}[*] — {APP_TITLE}")
        self.setWindowModified(document.is_modified())
        self._show_save_state()

    def _recovery_written(self) -> None:
        self._show_save_state(QTime.currentTime().toString("HH:mm:ss"))

    def _show_save_state(self, recovery_time: str = "") -> None:
        """Peace of mind at a glance: saved, or unsaved but kept in a recovery copy."""
        document = self.document
        if document is None or not document.is_modified():
            self.save_state_label.setText(tr("✓ Saved") if document and not document.is_untitled() else "")
        elif recovery_time:
            self.save_state_label.setText(tr("● Unsaved · recovery copy kept at {time}").format(time=recovery_time))
        else:
            self.save_state_label.setText(tr("● Unsaved changes"))

    def show_refusal(self, text: str) -> None:
        """A change the model refused: say why, without interrupting the class."""
        self.statusBar().showMessage(text, 8000)
        self.inspector.show_message(text)

    # -- language --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every text of the shell in the current language; the workspaces redo their own."""
        action_specs.retranslate_actions(self.actions, self._specs)
        action_specs.retranslate_menus(self.menus, self._menu_specs)
        for entry in self._docks:
            retranslate_dock(entry)
        self.switcher.setWindowTitle(tr("Workspaces"))
        self.toolbar.setWindowTitle(tr("Tools"))
        for workspace, bar in self._workspace_toolbars.items():
            bar.setWindowTitle(tr(workspace.SWITCH.short or workspace.SWITCH.text))
        self.undo_view.setEmptyLabel(tr("<as opened>"))
        self.actions["actionLanguageEnglish" if language() == "en" else "actionLanguageChinese"].setChecked(True)
        self._update_undo_actions()
        self._show_save_state()
        self.refresh_recent_menu()
        if self._shown_language:  # after the first time: a language switch
            for workspace in self._workspaces:
                workspace.retranslate()
            if self._guide is not None and self._guide.isVisible():
                self._guide.show_guide(language())
            self.presentation.retranslate()

    # -- recent files, export ----------------------------------------------------------------------
    def refresh_recent_menu(self) -> None:
        fill_recent_menu(self.menus["menuOpenRecent"], self.settings.recent_files(),
                         self.actions["actionClearRecent"], self.files.open_path)

    def _clear_recent(self) -> None:
        self.settings.clear_recent_files()
        self.refresh_recent_menu()

    def _export_pdf(self) -> None:
        self.session.commit_pending()
        try:
            from .export_dialog import ExportPdfDialog
        except ImportError:
            self.show_refusal(tr("PDF export is not available in this installation."))
            return
        selection = self._current.selection() if self._current is not None else None
        document = self.document
        # The project's own folder, as Save does; an untitled project the folder used last.
        folder = str(Path(document.path).parent) if document.path else self.settings.last_folder()
        written, cover = ExportPdfDialog.run(self, document.project,
                                             (selection.map_id if selection is not None else "") or None,
                                             folder)
        if not written:
            return
        self.settings.set_last_folder(str(written))
        if cover:
            # The cover is the project's info (edited on the project's page, printed by `export`):
            # what was typed for this handout stays with the project, saved in its file,
            # as one undo step, so the next export — here or on another laptop — shows it.
            self.session.push(ops.UpdateProjectInfo(cover), tr("Change the handout cover"))
        self.statusBar().showMessage(tr("Exported {name}").format(name=Path(written).name), 6000)

    def _quit(self) -> None:
        """Leave the program: every window closes, each asking about its unsaved work
        (Cancel in any of them stops there)."""
        QApplication.closeAllWindows()

    def show_user_guide(self) -> None:
        """Help ▸ User Guide (F1): the bundled guide in the UI language, beside the window."""
        from .guide import UserGuide

        if self._guide is None:
            self._guide = UserGuide(self)
        if self._guide.lang != language():
            self._guide.show_guide(language())
        self._guide.show()
        self._guide.raise_()
        self._guide.activateWindow()

    def _show_shortcuts(self) -> None:
        dialog = ShortcutsDialog(self, self._specs)
        dialog.exec()
        dialog.deleteLater()

    # -- windows ----------------------------------------------------------------------------------
    @staticmethod
    def window_showing(path: str | Path) -> "MainWindow | None":
        """The open window whose project is the file at `path`, or None (any spelling of it)."""
        session = Session.showing(path)
        window = session.dialog_parent() if session is not None else None
        return window if isinstance(window, MainWindow) else None

    def bring_to_front(self) -> None:
        """Show this window above the others and give it the focus (un-minimised if need be)."""
        if self.isMinimized():
            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def open_new_window(self) -> "MainWindow":
        window = MainWindow(self.settings, recovery=self.recovery)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.move(self.pos() + QPoint(40, 40))
        window.show()
        _extra_windows.add(window)
        return window

    def _set_presentation(self, on: bool) -> None:
        """F5: the current workspace alone, full screen, read-only (presentation/controller.py)."""
        self.presentation.set_presenting(on)
        self._apply_workspace_toolbars()

    def restore_panels(self, presented: Workspace | None) -> None:
        """After presenting: the panels of the workspace now current (it may have been
        switched to while presenting) as the user left them."""
        if self._current is not None and presented is not None:
            self._swap_panels(presented, self._current)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Only keys nobody else wanted arrive here: Esc while editing still cancels the edit.
        if event.key() == Qt.Key.Key_Escape and self.actions["actionPresentation"].isChecked():
            self.actions["actionPresentation"].setChecked(False)
            return
        super().keyPressEvent(event)

    def _set_full_screen(self, on: bool) -> None:
        self.showFullScreen() if on else self.showNormal()

    def switch_language(self, lang: str) -> None:
        """Every window in `lang` (see language.switch_language); remembered in the settings."""
        switch_language(lang, self.settings)

    # -- drops and closing ----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if openable_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        paths = openable_files(event.mimeData())
        if paths:
            event.acceptProposedAction()
            # Open after the drop has finished: a dialog inside a drop handler blocks the source.
            QTimer.singleShot(0, lambda: self.files.open_path(paths[0]))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self._skip_close_check and not self.files.maybe_save():
            event.ignore()
            return
        if self.actions["actionPresentation"].isChecked():
            self.actions["actionPresentation"].setChecked(False)  # remember the panels, not the show
        self.settings.save_window(self.saveGeometry(), self._state_to_remember())
        self.teardown()
        _extra_windows.discard(self)
        event.accept()

    def _state_to_remember(self):
        """The layout as the next start shows it: with the panels of every workspace as the
        user left them (those of workspaces not current are hidden only while so)."""
        waiting = [dock for docks in self._panels_shown.values() for dock in docks]
        if not waiting:
            return self.saveState()
        self.setUpdatesEnabled(False)  # the window is closing: no flicker of panels
        try:
            for dock in waiting:
                dock.show()
            return self.saveState()
        finally:
            for dock in waiting:
                dock.hide()
            self.setUpdatesEnabled(True)

    def teardown(self) -> None:
        """Close the document and tear the workspaces down before Qt deletes the widgets.
        Once: closing a window tears it down, and so does the application's exit after it
        (a second teardown of scenes already detached crashed at exit, now and then)."""
        if getattr(self, "_torn_down", False):
            return
        self._torn_down = True
        self.presentation.teardown()
        self.interface.close()
        self.session.close()
        for workspace in self._workspaces:
            workspace.teardown()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.WindowStateChange:
            full = bool(self.windowState() & Qt.WindowState.WindowFullScreen)
            if self.actions["actionFullScreen"].isChecked() != full:
                self.actions["actionFullScreen"].setChecked(full)
        super().changeEvent(event)


__all__ = ["MainWindow"]

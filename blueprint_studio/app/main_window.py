"""The main window: wiring of the map area, docks, actions, status bar and document.

The logic lives elsewhere: file commands in file_ops.py, map and edit commands in
map_commands.py, the inspector in inspector.py, the document in document.py.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt, QTime, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication, QDockWidget, QLabel, QMainWindow, QToolBar, QUndoView, QVBoxLayout, QWidget,
)

from ..i18n import language, set_language, tr
from . import actions as action_specs
from .dialogs import ShortcutsDialog, show_about
from .docks import add_docks
from .document import Document
from .file_ops import OPENABLE_SUFFIXES, FileOperations, blank_project
from .find_bar import FindBar, FindController
from .inspector import Inspector
from .map_area import MapArea
from .map_commands import MapCommands
from .maps_panel import MapsPanel
from .palette import CardPalette
from .qt_translations import use_qt_translations
from .recovery import RecoveryStore
from .settings import AppSettings

APP_TITLE = "Blueprint Studio"

# Windows opened with New Window: kept referenced here until they close.
_extra_windows: set["MainWindow"] = set()


class MainWindow(QMainWindow):
    def __init__(self, settings: AppSettings, document: Document | None = None,
                 recovery: RecoveryStore | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings
        self.recovery = recovery if recovery is not None else RecoveryStore(settings.folder)
        self.document: Document | None = None
        self.files = FileOperations(self)
        self.commands = MapCommands(self)
        self._skip_close_check = False
        self._scene_connections: list = []
        self._document_connections: list = []
        self._unsubscribe_counts = None
        self.setAcceptDrops(True)
        self._fit_default_size()

        self.actions = action_specs.build_actions(self)
        self.menus = action_specs.build_menus(self.menuBar(), self.actions)
        toolbar = self.toolbar = QToolBar(tr("Tools"), self)
        toolbar.setObjectName("mainToolBar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        action_specs.build_toolbar(toolbar, self.actions)
        self.addToolBar(toolbar)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.map_area = MapArea(central)
        self.find_bar = FindBar(central)
        layout.addWidget(self.map_area, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)

        self.palette = CardPalette()
        self.maps_panel = MapsPanel(self.actions)
        self.inspector = Inspector()
        self.undo_view = QUndoView()
        self.undo_view.setObjectName("undoView")
        self.undo_view.setEmptyLabel(tr("<as opened>"))
        add_docks(self, self.menus["menuPanels"], {
            "paletteDock": self.palette, "mapsDock": self.maps_panel,
            "undoDock": self.undo_view, "inspectorDock": self.inspector})

        self.zoom_label = QLabel(self)
        self.zoom_label.setObjectName("zoomLabel")
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("countsLabel")
        self.save_state_label = QLabel(self)
        self.save_state_label.setObjectName("saveStateLabel")
        self.statusBar().addPermanentWidget(self.save_state_label)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.zoom_label)

        self._connect_actions()
        self.map_area.currentMapChanged.connect(self._on_current_map_changed)
        self.maps_panel.mapChosen.connect(self.map_area.show_map)
        self.maps_panel.renameRequested.connect(self.commands.rename_map_to)
        self.maps_panel.moveRequested.connect(self.commands.move_map_to)
        self.palette.kindClicked.connect(self.commands.add_card)
        self.inspector.messageShown.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.finder = FindController(self.find_bar, self.map_area)
        self.inspector.selected_cards = self._selected_cards
        self.refresh_recent_menu()
        geometry, state = settings.window_geometry(), settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        self.set_document(document or Document(blank_project(), recovery=self.recovery))

    # -- construction helpers ----------------------------------------------------------------

    def _fit_default_size(self) -> None:
        """1280×800, or the whole available area of a smaller screen (a 1280×720 projector)."""
        screen = self.screen()
        area = screen.availableGeometry() if screen is not None else None
        if area is None or area.isEmpty():
            self.resize(1280, 800)
            return
        width, height = min(1280, area.width()), min(800, area.height())
        if (width, height) != (1280, 800):
            # Leave room for the window frame the window manager adds around us.
            frame = self.frameGeometry().size() - self.geometry().size()
            width -= max(0, frame.width())
            height -= max(0, frame.height())
        self.resize(width, height)
    def _connect_actions(self) -> None:
        a, files, commands = self.actions, self.files, self.commands
        connections = {
            "actionNew": files.new_from_template, "actionOpen": files.open,
            "actionNewWindow": self.open_new_window,
            "actionSave": files.save, "actionSaveAs": files.save_as,
            "actionImportCsv": files.import_csv, "actionImportJson": files.import_json,
            "actionExportJson": files.export_json, "actionExportCsv": files.export_csv,
            "actionExportPdf": self._export_pdf, "actionClose": files.close_project,
            "actionQuit": self._quit, "actionClearRecent": self._clear_recent,
            "actionUndo": commands.undo, "actionRedo": commands.redo, "actionCut": commands.cut,
            "actionCopy": commands.copy, "actionPaste": commands.paste,
            "actionDuplicate": commands.duplicate, "actionDelete": commands.delete,
            "actionSelectAll": commands.select_all, "actionEditText": commands.edit_text,
            "actionFind": self.find_bar.open_bar,
            "actionFindNext": lambda: self.finder.step(1),
            "actionFindPrevious": lambda: self.finder.step(-1),
            "actionAddCard": commands.add_card, "actionAddStage": commands.add_stage,
            "actionAddLane": commands.add_lane, "actionAddMap": commands.add_map,
            "actionRenameMap": self.maps_panel.start_rename, "actionDeleteMap": commands.delete_map,
            "actionMoveMapUp": lambda: commands.move_map(-1),
            "actionMoveMapDown": lambda: commands.move_map(1),
            "actionNextMap": lambda: self.map_area.step_map(1),
            "actionPreviousMap": lambda: self.map_area.step_map(-1),
            "actionProjectInfo": self._show_project_info,
            "actionZoomIn": lambda: commands.zoom("zoom_in"),
            "actionZoomOut": lambda: commands.zoom("zoom_out"),
            "actionZoomReset": lambda: commands.zoom("zoom_reset"),
            "actionZoomToFit": lambda: commands.zoom("zoom_to_fit"),
            "actionLanguageEnglish": lambda: self.switch_language("en"),
            "actionLanguageChinese": lambda: self.switch_language("zh"),
            "actionShortcuts": self._show_shortcuts, "actionAbout": lambda: show_about(self, self.settings.folder),
        }
        for name, slot in connections.items():
            a[name].triggered.connect(lambda _checked=False, s=slot: s())
        a["actionFullScreen"].toggled.connect(self._set_full_screen)
        a["actionPresentation"].toggled.connect(self._set_presentation)
        a["actionLanguageEnglish" if language() == "en" else "actionLanguageChinese"].setChecked(True)
        a["actionAddCard"].setData("card")

    # -- the document ---------------------------------------------------------------------------
    def set_document(self, document: Document) -> None:
        """Show `document`, closing the previous one (its unsaved work was settled before)."""
        previous = self.release_document()
        if previous is not None:
            previous.close()
            previous.deleteLater()
        self.document = document
        stack = document.undo_stack
        self.undo_view.setStack(stack)
        self.actions["actionUndo"].setEnabled(stack.canUndo())
        self.actions["actionRedo"].setEnabled(stack.canRedo())
        self._document_connections = [
            (stack.canUndoChanged, self.actions["actionUndo"].setEnabled),
            (stack.canRedoChanged, self.actions["actionRedo"].setEnabled),
            (document.modifiedChanged, self._update_title),
            (document.pathChanged, self._update_title),
            (document.recoveryFailed, self._show_status),
            (document.recoveryWritten, self._recovery_written),
        ]
        for signal, slot in self._document_connections:
            signal.connect(slot)
        self.inspector.set_document(document.project, stack)
        self.maps_panel.set_project(document.project)
        self.map_area.set_document(document.project, stack)
        self._unsubscribe_counts = document.project.events.subscribe(lambda _changes: self._update_counts())
        self._update_title()
        self._on_current_map_changed(self.map_area.current_map_id())

    def release_document(self) -> Document | None:
        """Detach the window from its document without closing it (used when switching windows)."""
        document = self.document
        if document is None:
            return None
        for signal, slot in self._document_connections:
            signal.disconnect(slot)
        self._document_connections = []
        if self._unsubscribe_counts:
            self._unsubscribe_counts()
            self._unsubscribe_counts = None
        self._disconnect_scene()
        self.map_area.clear()
        self.inspector.detach()
        self.maps_panel.set_project(None)
        self.undo_view.setStack(None)
        self.document = None
        return document

    def commit_pending_edits(self) -> None:
        """Text still being typed (on the canvas or in the inspector) becomes an undo step
        now, before saving, exporting, undoing or closing: what the user sees is what is kept."""
        self.map_area.finish_editing()
        self.inspector.commit_pending()

    def _update_title(self, *_args: object) -> None:
        if self.document is None:
            return
        self.setWindowTitle(f"{self.document.display_name()}[*] — {APP_TITLE}")
        self.setWindowModified(self.document.is_modified())
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

    # -- the current map -------------------------------------------------------------------------
    def _on_current_map_changed(self, map_id: str) -> None:
        self._disconnect_scene()
        scene, view = self.map_area.current_scene(), self.map_area.current_view()
        self.maps_panel.select_map(map_id)
        if scene is None or view is None:
            self.inspector.show_entity("map", map_id, map_id)
            return
        self._scene_connections = [
            (scene.entitySelected, self._on_entity_selected),
            (scene.statusMessage, self.show_refusal),
            (scene.selectionChanged, self.inspector.schedule_refresh),  # once per burst
            (view.zoomChanged, self._show_zoom),
        ]
        for signal, slot in self._scene_connections:
            signal.connect(slot)
        kind, entity_id = scene.current_entity()
        self.inspector.show_entity(kind, entity_id, map_id)
        self._show_zoom(view.zoom_factor())
        self._update_counts()
        self.finder.map_changed()

    def _disconnect_scene(self) -> None:
        for signal, slot in self._scene_connections:
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):  # the scene is already gone
                pass
        self._scene_connections = []

    def _selected_cards(self) -> list[str]:
        scene = self.map_area.current_scene()
        return scene.selected_card_ids() if scene is not None else []

    def _on_entity_selected(self, kind: str, entity_id: str) -> None:
        self.inspector.show_entity(kind, entity_id, self.map_area.current_map_id())

    def _show_zoom(self, factor: float) -> None:
        self.zoom_label.setText(tr("Zoom {percent} %").format(percent=round(factor * 100)))

    def _update_counts(self) -> None:
        """Once per change set (one edit), and when another map is shown."""
        scene = self.map_area.current_scene()
        if scene is None or scene.map_id not in {m.id for m in self.document.project.maps}:
            self.counts_label.clear()  # its map was just removed: the tabs follow at once
            return
        counts = scene.counts()
        self.counts_label.setText(
            tr("{stages} stages · {lanes} lanes · {cards} cards · {connectors} arrows").format(**counts))

    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def show_refusal(self, text: str) -> None:
        """A change the model refused: say why, without interrupting the class."""
        self.statusBar().showMessage(text, 8000)
        self.inspector.show_message(text)

    def _show_project_info(self) -> None:
        self.findChild(QDockWidget, "inspectorDock").show()
        self.inspector.focus_project_title()

    # -- recent files, export, language ---------------------------------------------------------------
    def refresh_recent_menu(self) -> None:
        menu = self.menus["menuOpenRecent"]
        menu.clear()
        files = self.settings.recent_files()
        for number, path in enumerate(files, start=1):
            action = menu.addAction(f"&{number % 10}  {Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.files.open_path(p))
        if files:
            menu.addSeparator()
        menu.addAction(self.actions["actionClearRecent"])
        self.actions["actionClearRecent"].setEnabled(bool(files))

    def _clear_recent(self) -> None:
        self.settings.clear_recent_files()
        self.refresh_recent_menu()

    def _export_pdf(self) -> None:
        self.commit_pending_edits()
        try:
            from .export_dialog import ExportPdfDialog
        except ImportError:
            self.show_refusal(tr("PDF export is not available in this installation."))
            return
        written = ExportPdfDialog.run(self, self.document.project, self.map_area.current_map_id() or None)
        if written:
            self.statusBar().showMessage(tr("Exported {name}").format(name=Path(written).name), 6000)

    def _quit(self) -> None:
        """Leave the program: every window closes, each asking about its unsaved work
        (Cancel in any of them stops there)."""
        QApplication.closeAllWindows()

    def _show_shortcuts(self) -> None:
        dialog = ShortcutsDialog(self)
        dialog.exec()
        dialog.deleteLater()

    @staticmethod
    def window_showing(path: str | Path) -> "MainWindow | None":
        """The open window whose project is the file at `path`, or None.

        Every window of the program is a top-level widget, so this sees the first window,
        New Window's and those rebuilt by a language switch alike. A relative path, a
        symbolic link or another spelling of the same file counts as the same file.
        """
        app = QApplication.instance()
        for widget in (app.topLevelWidgets() if app is not None else []):
            if (isinstance(widget, MainWindow) and widget.document is not None
                    and not widget.document.is_untitled()
                    and same_file(widget.document.path, path)):
                return widget
        return None

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
        """Only the map on the whole screen; everything comes back as it was."""
        if on:
            self._layout_before_presentation = (self.saveState(), self.isFullScreen())
            for dock in self.findChildren(QDockWidget):
                dock.hide()
            self.toolbar.hide()
            self.menuBar().hide()
            self.statusBar().hide()
            self.showFullScreen()
            QTimer.singleShot(0, self.map_area.fit_width)
        else:
            state, was_full_screen = getattr(self, "_layout_before_presentation", (None, False))
            self.menuBar().show()
            self.statusBar().show()
            self.toolbar.show()
            if state is not None:
                self.restoreState(state)
            if not was_full_screen:
                self.showNormal()
            QTimer.singleShot(0, self.map_area.fit_width)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Only keys nobody else wanted arrive here: Esc while editing still cancels the edit.
        if event.key() == Qt.Key.Key_Escape and self.actions["actionPresentation"].isChecked():
            self.actions["actionPresentation"].setChecked(False)
            return
        super().keyPressEvent(event)

    def _set_full_screen(self, on: bool) -> None:
        self.showFullScreen() if on else self.showNormal()

    def switch_language(self, lang: str) -> None:
        """Rebuild the window in the other language around the same document (undo kept)."""
        if lang == language():
            return
        self.commit_pending_edits()
        self.settings.set_language(lang)
        set_language(lang)
        use_qt_translations(lang)
        document = self.release_document()
        replacement = MainWindow(self.settings, document, self.recovery)
        replacement.setGeometry(self.geometry())
        if self.isVisible():
            replacement.show()
        self._skip_close_check = True
        self.close()
        self.deleteLater()
        self.replacement = replacement  # callers (and tests) can follow the new window

    # -- drops and closing ----------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if _openable_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        paths = _openable_files(event.mimeData())
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
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.teardown()
        _extra_windows.discard(self)
        event.accept()

    def teardown(self) -> None:
        """Close the document and tear the scenes down before Qt deletes the widgets."""
        document = self.release_document()
        if document is not None:
            document.close()
            document.deleteLater()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.WindowStateChange:
            full = bool(self.windowState() & Qt.WindowState.WindowFullScreen)
            if self.actions["actionFullScreen"].isChecked() != full:
                self.actions["actionFullScreen"].setChecked(full)
        super().changeEvent(event)


def same_file(first: str | Path, second: str | Path) -> bool:
    """Whether two paths name one file (links and relative paths resolved)."""
    try:
        return os.path.samefile(first, second)
    except (OSError, ValueError):  # one of them is gone (or unreadable): compare the names
        return (os.path.normcase(os.path.realpath(first))
                == os.path.normcase(os.path.realpath(second)))


def _openable_files(mime) -> list[str]:
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls()
            if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in OPENABLE_SUFFIXES]


__all__ = ["MainWindow"]

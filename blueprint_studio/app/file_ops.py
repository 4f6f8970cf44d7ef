"""File commands of the window: new, open, save, import, export, close.

Kept apart from the window so main_window.py stays a small piece of wiring. Every failure
reaches the user as one sentence in a message box; no file is touched on a failed open.

No save is lost to a second writer: a file is shown in one window only (opening it again
brings that window to the front), and a save the storage layer refuses because someone else
saved the file since we read it (StaleSaveError) keeps the work and offers Save As.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..commands import push_operation
from ..i18n import tr
from ..interchange import InterchangeError, dump_json, fitting_into, load_json
from ..model import factory
from ..model import operations as ops
from ..model.entities import ModelError, Project
from ..storage import FILE_SUFFIX, ProjectFileError
from ..storage.errors import StaleSaveError
from ..templates import build_template
from .dialogs import TemplateDialog, ask_save_as_after_stale_save, ask_save_changes, show_error
from .document import Document

if TYPE_CHECKING:
    from .main_window import MainWindow

PROJECT_FILTER = "Blueprint Studio (*{suffix})".format(suffix=FILE_SUFFIX)
JSON_FILTER = "JSON (*.json)"
CSV_FILTER = "CSV (*.csv *.txt)"
OPENABLE_SUFFIXES = (FILE_SUFFIX, ".json", ".csv")


def blank_project() -> Project:
    """What a fresh window shows: an empty service blueprint with the five standard lanes."""
    stages = [tr("Stage {number}").format(number=n) for n in range(1, 5)]
    return factory.new_project("", [factory.new_map(tr("Service blueprint"), stages)])


class FileOperations:
    def __init__(self, window: "MainWindow") -> None:
        self.window = window

    @property
    def document(self) -> Document:
        return self.window.document

    # -- asking ---------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when the current work may be replaced (saved, discarded or unchanged)."""
        self.window.commit_pending_edits()
        if self.document is None or not self.document.is_modified():
            return True
        answer = ask_save_changes(self.window, self.document.display_name())
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def _ask_open_path(self, caption: str, file_filter: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self.window, caption, self.window.settings.last_folder(),
                                              file_filter)
        if path:
            self.window.settings.set_last_folder(path)
        return path

    def _ask_save_path(self, caption: str, suggested: str, file_filter: str, suffix: str) -> str:
        start = str(Path(self.window.settings.last_folder()) / suggested)
        path, _ = QFileDialog.getSaveFileName(self.window, caption, start, file_filter)
        if not path:
            return ""
        if not path.lower().endswith(suffix):
            path += suffix
        self.window.settings.set_last_folder(path)
        return path

    def _new_document(self, project: Project, modified: bool = False,
                      path: str | None = None) -> Document:
        return Document(project, path=path, recovery=self.window.recovery, modified=modified)

    # -- new / open / close -------------------------------------------------------------
    def new_from_template(self) -> None:
        if not self.maybe_save():
            return
        choice = TemplateDialog.ask(self.window)
        if choice is None:
            return
        name, lang = choice
        try:
            project = build_template(name, lang)
        except Exception as error:  # a damaged installation: say so, keep working
            show_error(self.window, tr("New Project"), str(error))
            return
        self.window.set_document(self._new_document(project))

    def open(self) -> None:  # noqa: A003 - the command's name
        filters = ";;".join((PROJECT_FILTER, JSON_FILTER, CSV_FILTER))
        path = self._ask_open_path(tr("Open Project"), filters)
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> bool:
        """Open a project file; a JSON project or a CSV map is imported instead."""
        suffix = Path(path).suffix.lower()
        if suffix == ".json":
            return self.import_json_path(path)
        if suffix in (".csv", ".txt"):
            return self.import_csv_path(path)
        shown = self.window.window_showing(path)
        if shown is not None:  # already open, here or in another window: never a second copy
            shown.bring_to_front()
            shown.statusBar().showMessage(
                tr("“{name}” is already open in this window.").format(name=Path(path).name), 6000)
            return True
        try:  # open first: a file that cannot be opened should not ask about the current work
            document = Document.open(path, recovery=self.window.recovery)
        except ProjectFileError as error:
            show_error(self.window, tr("Could not open the project"), str(error))
            if not Path(path).exists():
                self.window.settings.remove_recent_file(path)
                self.window.refresh_recent_menu()
            return False
        if not self.maybe_save():
            document.close()
            document.deleteLater()
            return False
        self.window.set_document(document)
        self.window.settings.add_recent_file(path)
        self.window.refresh_recent_menu()
        return True

    def close_project(self) -> None:
        if self.maybe_save():
            self.window.set_document(self._new_document(blank_project()))

    # -- save -----------------------------------------------------------------------------
    def save(self) -> bool:
        self.window.commit_pending_edits()
        if self.document.is_untitled():
            return self.save_as()
        try:
            self.document.save()
        except StaleSaveError:
            return self._save_as_after_stale_save()
        except (ProjectFileError, OSError) as error:
            show_error(self.window, tr("Could not save"), str(error))
            return False
        self.window.statusBar().showMessage(tr("Saved {name}").format(name=self.document.display_name()), 4000)
        return True

    def save_as(self) -> bool:
        self.window.commit_pending_edits()
        suggested = Path(self.document.path).name if self.document.path else self.document.suggested_file_name()
        path = self._ask_save_path(tr("Save Project As"), suggested, PROJECT_FILTER, FILE_SUFFIX)
        if not path:
            return False
        shown = self.window.window_showing(path)
        if shown is not None and shown is not self.window:
            show_error(self.window, tr("Could not save"), tr(
                "“{name}” is open in another window. Save under another name, or close it "
                "there first.").format(name=Path(path).name))
            return False
        try:
            self.document.save_as(path)
        except StaleSaveError:  # chose its own file again, which someone else has saved since
            return self._save_as_after_stale_save()
        except (ProjectFileError, OSError) as error:
            show_error(self.window, tr("Could not save"), str(error))
            return False
        self.window.settings.add_recent_file(path)
        self.window.refresh_recent_menu()
        self.window.statusBar().showMessage(tr("Saved {name}").format(name=self.document.display_name()), 4000)
        return True

    def _save_as_after_stale_save(self) -> bool:
        """The file changed on disk since it was read and nothing was written: say so and
        offer Save As, so both versions are kept. False (the work stays unsaved) on Cancel,
        which also keeps a closing window open."""
        if not ask_save_as_after_stale_save(self.window, self.document.display_name()):
            return False
        return self.save_as()

    # -- import ----------------------------------------------------------------------------
    def import_csv(self) -> None:
        path = self._ask_open_path(tr("Import Map from CSV"), CSV_FILTER)
        if path:
            self.import_csv_path(path)

    def import_csv_path(self, path: str) -> bool:
        """Add the CSV's cards as a new map of this project (one undo step)."""
        from ..interchange import read_csv_map

        try:
            service_map = read_csv_map(path)
        except (InterchangeError, OSError, ModelError) as error:
            show_error(self.window, tr("Could not import the CSV file"), str(error))
            return False
        if not service_map.name:
            service_map.name = Path(path).stem
        service_map = fitting_into(self.document.project, service_map)
        try:
            push_operation(self.document.undo_stack, self.document.project,
                           ops.AddMap(service_map), tr("Import map {name}").format(name=service_map.name))
        except ModelError as error:
            show_error(self.window, tr("Could not import the CSV file"), str(error))
            return False
        self.window.map_area.show_map(service_map.id)
        return True

    def import_json(self) -> None:
        path = self._ask_open_path(tr("Open JSON Project"), JSON_FILTER)
        if path:
            self.import_json_path(path)

    def import_json_path(self, path: str) -> bool:
        """Open a JSON export as a new, unsaved project."""
        try:
            project = load_json(path)
        except (InterchangeError, ModelError) as error:
            show_error(self.window, tr("Could not open the JSON file"), str(error))
            return False
        if not self.maybe_save():
            return False
        self.window.set_document(self._new_document(project, modified=True))
        return True

    # -- export -----------------------------------------------------------------------------
    def export_json(self) -> None:
        self.window.commit_pending_edits()
        suggested = Path(self.document.suggested_file_name()).stem + ".json"
        path = self._ask_save_path(tr("Export Project as JSON"), suggested, JSON_FILTER, ".json")
        if not path:
            return
        try:
            dump_json(self.document.project, path)
        except (InterchangeError, OSError) as error:
            show_error(self.window, tr("Could not export"), str(error))
            return
        self.window.statusBar().showMessage(tr("Exported {name}").format(name=Path(path).name), 4000)

    def export_csv(self) -> None:
        self.window.commit_pending_edits()
        map_id = self.window.map_area.current_map_id()
        if not map_id:
            return
        service_map = self.document.project.map(map_id)
        path = self._ask_save_path(tr("Export Map as CSV"), (service_map.name or "map") + ".csv",
                                   CSV_FILTER, ".csv")
        if not path:
            return
        from ..interchange import write_csv_map

        try:
            write_csv_map(service_map, path)
        except (InterchangeError, OSError) as error:
            show_error(self.window, tr("Could not export"), str(error))
            return
        self.window.statusBar().showMessage(tr("Exported {name}").format(name=Path(path).name), 4000)

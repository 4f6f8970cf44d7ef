"""File commands of the window: new, open, save, import, export, close.

They receive the window's `Session` (document, settings, messages), never the window.
Every failure reaches the user as one sentence in a message box; no file is touched on a
failed open.

No save is lost to a second writer: a file is shown in one window only (opening it again
brings that window to the front), and a save the storage layer refuses because someone else
saved the file since we read it (StaleSaveError) keeps the work and offers Save As.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..commands import push_operation
from ..i18n import describe, tr
from ..interchange import InterchangeError, dump_json, fitting_into, load_json
from ..model import factory
from ..model import operations as ops
from ..model.entities import ModelError, Project
from ..storage import FILE_SUFFIX, ProjectFileError
from ..storage.errors import StaleSaveError
from ..templates import build_template
from .dialogs import TemplateDialog, ask_save_as_after_stale_save, ask_save_changes, show_error
from .document import Document
from .session import Session

PROJECT_FILTER = "Blueprint Studio (*{suffix})".format(suffix=FILE_SUFFIX)
JSON_FILTER = "JSON (*.json)"
CSV_FILTER = "CSV (*.csv *.txt)"
OPENABLE_SUFFIXES = (FILE_SUFFIX, ".json", ".csv")


def blank_project() -> Project:
    """What a fresh window shows: an empty service blueprint with the five standard lanes."""
    stages = [tr("Stage {number}").format(number=n) for n in range(1, 5)]
    return factory.new_project("", [factory.new_map(tr("Service blueprint"), stages)])


def ask_open_path(session: Session, caption: str, file_filter: str) -> str:
    """A file to open, starting in the folder last used (remembered in the settings)."""
    path, _ = QFileDialog.getOpenFileName(session.dialog_parent(), caption,
                                          session.settings.last_folder(), file_filter)
    if path:
        session.settings.set_last_folder(path)
    return path


def ask_save_path(session: Session, caption: str, suggested: str, file_filter: str, suffix: str) -> str:
    """A file to write (with `suffix` added if the user left it out)."""
    start = str(Path(session.settings.last_folder()) / suggested)
    path, _ = QFileDialog.getSaveFileName(session.dialog_parent(), caption, start, file_filter)
    if not path:
        return ""
    if not path.lower().endswith(suffix):
        path += suffix
    session.settings.set_last_folder(path)
    return path


class FileOperations:
    def __init__(self, session: Session) -> None:
        self.session = session

    @property
    def document(self) -> Document | None:
        return self.session.document

    @property
    def _parent(self):
        return self.session.dialog_parent()

    # -- asking ---------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when the current work may be replaced (saved, discarded or unchanged)."""
        self.session.commit_pending()
        if self.document is None or not self.document.is_modified():
            return True
        answer = ask_save_changes(self._parent, self.document.display_name())
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # -- new / open / close -------------------------------------------------------------
    def new_from_template(self) -> None:
        """Choose the template first; only then ask about unsaved work (Cancel in the
        chooser asks nothing), as Open reads the file before asking."""
        choice = TemplateDialog.ask(self._parent)
        if choice is None:
            return
        name, lang = choice
        try:
            project = build_template(name, lang)
        except Exception as error:  # a damaged installation: say so, keep working
            show_error(self._parent, tr("New Project"), str(error))
            return
        if not self.maybe_save():
            return
        self.session.set_document(self.session.new_document(project))

    def open(self) -> None:  # noqa: A003 - the command's name
        filters = ";;".join((PROJECT_FILTER, JSON_FILTER, CSV_FILTER))
        path = ask_open_path(self.session, tr("Open Project"), filters)
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> bool:
        """Open a project file; a JSON project or a CSV map is imported instead."""
        suffix = Path(path).suffix.lower()
        if suffix == ".json":
            return self.import_json_path(path)
        if suffix in (".csv", ".txt"):
            return self.import_csv_path(path)
        shown = Session.showing(path)
        if shown is not None:  # already open, here or in another window: never a second copy
            shown.bring_to_front()
            shown.show_message(tr("“{name}” is already open in this window.").format(name=Path(path).name))
            return True
        try:  # open first: a file that cannot be opened should not ask about the current work
            document = Document.open(path, recovery=self.session.recovery)
        except ProjectFileError as error:
            show_error(self._parent, tr("Could not open the project"), str(error))
            if not Path(path).exists():
                self.session.settings.remove_recent_file(path)
            return False
        if not self.maybe_save():
            document.close()
            document.deleteLater()
            return False
        self.session.set_document(document)
        self.session.settings.add_recent_file(path)
        return True

    def close_project(self) -> None:
        if self.maybe_save():
            self.session.set_document(self.session.new_document(blank_project()))

    # -- save -----------------------------------------------------------------------------
    def save(self) -> bool:
        self.session.commit_pending()
        if self.document.is_untitled():
            return self.save_as()
        try:
            self.document.save()
        except StaleSaveError:
            return self._save_as_after_stale_save()
        except (ProjectFileError, OSError) as error:
            show_error(self._parent, tr("Could not save"), str(error))
            return False
        self.session.show_message(tr("Saved {name}").format(name=self.document.display_name()), 4000)
        return True

    def save_as(self) -> bool:
        self.session.commit_pending()
        suggested = Path(self.document.path).name if self.document.path else self.document.suggested_file_name()
        path = ask_save_path(self.session, tr("Save Project As"), suggested, PROJECT_FILTER, FILE_SUFFIX)
        if not path:
            return False
        shown = Session.showing(path)
        if shown is not None and shown is not self.session:
            show_error(self._parent, tr("Could not save"), tr(
                "“{name}” is open in another window. Save under another name, or close it "
                "there first.").format(name=Path(path).name))
            return False
        try:
            self.document.save_as(path)
        except StaleSaveError:  # chose its own file again, which someone else has saved since
            return self._save_as_after_stale_save()
        except (ProjectFileError, OSError) as error:
            show_error(self._parent, tr("Could not save"), str(error))
            return False
        self.session.settings.add_recent_file(path)
        self.session.show_message(tr("Saved {name}").format(name=self.document.display_name()), 4000)
        return True

    def _save_as_after_stale_save(self) -> bool:
        """The file changed on disk since it was read and nothing was written: say so and
        offer Save As, so both versions are kept. False (the work stays unsaved) on Cancel,
        which also keeps a closing window open."""
        if not ask_save_as_after_stale_save(self._parent, self.document.display_name()):
            return False
        return self.save_as()

    # -- import ----------------------------------------------------------------------------
    def import_csv(self) -> None:
        path = ask_open_path(self.session, tr("Import Map from CSV"), CSV_FILTER)
        if path:
            self.import_csv_path(path)

    def import_csv_path(self, path: str) -> bool:
        """Add the CSV's cards as a new map of this project (one undo step)."""
        from ..interchange import read_csv_map

        try:
            service_map = read_csv_map(path)
        except (InterchangeError, OSError, ModelError) as error:
            show_error(self._parent, tr("Could not import the CSV file"), describe(error))
            return False
        if not service_map.name:
            service_map.name = Path(path).stem
        service_map = fitting_into(self.document.project, service_map)
        try:  # refused (too many maps or cards): a dialog, as for a bad file
            push_operation(self.document.undo_stack, self.document.project, ops.AddMap(service_map),
                           tr("Import map {name}").format(name=service_map.name))
        except ModelError as error:
            show_error(self._parent, tr("Could not import the CSV file"), describe(error))
            return False
        self.session.reveal("map", service_map.id)
        return True

    def import_json(self) -> None:
        path = ask_open_path(self.session, tr("Open JSON Project"), JSON_FILTER)
        if path:
            self.import_json_path(path)

    def import_json_path(self, path: str) -> bool:
        """Open a JSON export as a new, unsaved project."""
        try:
            project = load_json(path)
        except (InterchangeError, ModelError) as error:
            show_error(self._parent, tr("Could not open the JSON file"), describe(error))
            return False
        if not self.maybe_save():
            return False
        self.session.set_document(self.session.new_document(project, modified=True))
        return True

    # -- export -----------------------------------------------------------------------------
    def export_json(self) -> None:
        self.session.commit_pending()
        suggested = Path(self.document.suggested_file_name()).stem + ".json"
        path = ask_save_path(self.session, tr("Export Project as JSON"), suggested, JSON_FILTER, ".json")
        if not path:
            return
        try:
            dump_json(self.document.project, path)
        except (InterchangeError, OSError) as error:
            show_error(self._parent, tr("Could not export"), str(error))
            return
        self.session.show_message(tr("Exported {name}").format(name=Path(path).name), 4000)

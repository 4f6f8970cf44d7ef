"""Start the window: `run_gui()` is what `blueprint-studio` (no subcommand) and main.py call."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import __version__
from ..i18n import set_language, tr
from ..storage import ProjectFileError
from .dialogs import RecoveryDialog
from .document import Document
from .errors import ErrorReporter
from .main_window import MainWindow
from .qt_translations import use_qt_translations
from .recovery import RecoveryStore
from .settings import APPLICATION, ORGANISATION, AppSettings
from .theme import app_icon, apply_theme


def offer_recovery(window: MainWindow, recovery: RecoveryStore) -> list[MainWindow]:
    """Ask once about every copy left by sessions that ended without saving (newest first).

    Restored copies open in their own windows, never over the project already shown; only an
    untouched blank window is reused. A copy of a file that is already open in a window opens
    untitled: the file keeps one window, and saving the copy asks for a new name instead of
    overwriting the version shown there. Returns the windows that received a copy.
    """
    works = recovery.orphans()
    if not works:
        return []
    dialog = RecoveryDialog(window, works)
    try:
        dialog.exec()
        choice, chosen = dialog.choice, dialog.ticked()
    finally:
        dialog.deleteLater()
    if choice == RecoveryDialog.DISCARD:
        for work in chosen:
            recovery.discard(work.token)
        return []
    if choice != RecoveryDialog.RESTORE:
        return []  # "Later": keep every copy, ask again next time
    opened: list[MainWindow] = []
    problems: list[str] = []
    for work in chosen:
        try:
            project = work.load()
        except ProjectFileError as error:
            # Damaged, or written by a newer version: never delete work we could not read;
            # the next start offers it again, and Discard is the user's choice.
            problems.append(str(error))
            continue
        if not opened and _is_blank(window):
            target = window
        else:
            target = (opened[-1] if opened else window).open_new_window()
        path = work.original_path or None
        if path and MainWindow.window_showing(path) is not None:
            path = None
            message = tr("Restored your unsaved work of “{name}”, which is open in another window. "
                         "Save it under a new name to keep both.").format(
                name=Path(work.original_path).name)
        else:
            message = tr("Restored your unsaved work. Save it to keep it.")
        document = Document(project, path=path, recovery=recovery, modified=True)
        target.set_document(document)
        target.statusBar().showMessage(message, 10000)
        opened.append(target)
        if document.write_recovery():  # the old copy goes only once the work is safe in the new one
            recovery.discard(work.token)
    if problems:
        QMessageBox.warning(window, tr("Recover unsaved work"), "\n\n".join(
            tr("{problem} The copy is kept until you choose Discard.").format(problem=problem)
            for problem in problems))
    if opened:
        opened[-1].raise_()
        opened[-1].activateWindow()
    return opened


def _is_blank(window: MainWindow) -> bool:
    """A window showing only the untouched project it started with: a restore may replace it."""
    document = window.document
    return document is None or (document.is_untitled() and not document.is_modified())


def open_at_start(window: MainWindow, path: str) -> bool:
    """Open the project named on the command line. One that is not there is said in the
    window, in the interface's language: in the status bar and in a message box that does
    not hold up the start (the window stays usable behind it, the recovery question follows)."""
    if Path(path).exists():
        return window.files.open_path(path)
    message = tr("There is no file {path}.").format(path=path)
    window.statusBar().showMessage(message, 30000)
    box = QMessageBox(QMessageBox.Icon.Warning, tr("Could not open the project"), message,
                      QMessageBox.StandardButton.Ok, window)
    box.setObjectName("missingProjectBox")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # window-modal, not a nested event loop
    window.settings.remove_recent_file(path)
    return False


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    app.setApplicationDisplayName(APPLICATION)
    app.setWindowIcon(app_icon())
    apply_theme(app)
    return app


def run_gui(path: str | None = None) -> int:
    """Open the main window (with `path` if given), run until it closes, return the exit code."""
    app = make_application()
    settings = AppSettings()
    set_language(settings.language())  # the language chosen last time (View ▸ Language)
    use_qt_translations(settings.language())
    recovery = RecoveryStore(settings.folder)
    ErrorReporter(settings.folder).install()
    window = MainWindow(settings, recovery=recovery)
    window.show()
    if path:
        open_at_start(window, path)
    # Only once the requested file is open and shown: copies of other work then open in
    # windows of their own instead of asking over it.
    QTimer.singleShot(0, lambda: offer_recovery(window, recovery))
    code = app.exec()
    _teardown(app)
    return code


def _teardown(app: QApplication) -> None:
    """Delete windows and scenes in order while Qt still runs (avoids aborts at exit)."""
    windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
    for window in windows:
        window.teardown()
    # Only the windows: their menus, docks and tool bars go with them. Deleting every
    # top-level widget as well (menus and popups are top-level too) deleted some twice
    # after a language switch had rebuilt them: a crash at exit now and then.
    for window in windows:
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()

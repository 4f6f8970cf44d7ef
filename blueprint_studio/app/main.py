"""Start the window: `run_gui()` is what `blueprint-studio` (no subcommand) and main.py call."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import __version__
from ..i18n import set_language, tr
from ..storage import ProjectFileError
from .dialogs import ask_restore
from .document import Document
from .errors import ErrorReporter
from .main_window import MainWindow
from .qt_translations import use_qt_translations
from .recovery import RecoveryStore
from .settings import APPLICATION, ORGANISATION, AppSettings
from .theme import app_icon, apply_theme


def offer_recovery(window: MainWindow, recovery: RecoveryStore) -> None:
    """Ask about each copy left by a session that ended without saving (newest first)."""
    for work in recovery.orphans():
        answer = ask_restore(window, work)
        if answer == QMessageBox.StandardButton.Cancel:
            continue  # "Later": keep the copy, ask again next time
        if answer == QMessageBox.StandardButton.Yes:
            if not window.files.maybe_save():
                continue
            try:
                project = work.load()
            except ProjectFileError as error:
                # Damaged, or written by a newer version: never delete work we could not
                # read; the next start offers it again, and Discard is the user's choice.
                QMessageBox.warning(window, tr("Recover unsaved work"), tr(
                    "{problem} The copy is kept until you choose Discard.").format(problem=error))
                continue
            document = Document(project, path=work.original_path or None, recovery=recovery,
                                modified=True)
            window.set_document(document)
            window.statusBar().showMessage(
                tr("Restored your unsaved work. Save it to keep it."), 10000)
            if not document.write_recovery():
                continue  # the old copy goes only once the work is safe in the new one
        recovery.discard(work.token)


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
    set_language(settings.language())
    use_qt_translations(settings.language())
    recovery = RecoveryStore(settings.folder)
    ErrorReporter(settings.folder).install()
    window = MainWindow(settings, recovery=recovery)
    window.show()
    if path:
        if not Path(path).exists():
            QMessageBox.warning(window, tr("Could not open the project"),
                                tr("There is no file {path}.").format(path=path))
        else:
            window.files.open_path(path)
    QTimer.singleShot(0, lambda: offer_recovery(_current_window(window), recovery))
    code = app.exec()
    _teardown(app)
    return code


def _current_window(window: MainWindow) -> MainWindow:
    """After a language switch the window was rebuilt; follow the chain to the live one."""
    while getattr(window, "replacement", None) is not None:
        window = window.replacement
    return window


def _teardown(app: QApplication) -> None:
    """Delete windows and scenes in order while Qt still runs (avoids aborts at exit)."""
    for widget in app.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.teardown()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()

"""Unexpected errors: the user reads one sentence, the details go to a log file.

Installed by run_gui() as sys.excepthook (PySide6 routes exceptions raised in slots and
event handlers there). The work of every open window is written to its recovery copy
first, so even a programming error never costs the class its work.
"""

from __future__ import annotations

import datetime as _dt
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from ..i18n import tr

MAX_LOG_BYTES = 1_000_000


class ErrorReporter:
    def __init__(self, folder: Path) -> None:
        self.log_path = folder / "errors.log"
        self._busy = False

    def install(self) -> None:
        sys.excepthook = self

    def __call__(self, kind: type[BaseException], error: BaseException,
                 trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt) or self._busy:
            sys.__excepthook__(kind, error, trace)
            return
        self._busy = True
        try:
            self._write_log(kind, error, trace)
            self._save_work()
            app = QApplication.instance()
            if app is not None:
                QMessageBox.critical(
                    app.activeWindow(), tr("Something went wrong"),
                    tr("Blueprint Studio ran into an unexpected problem ({error}). Your work has been "
                       "kept in a recovery copy; the details are in {log}.").format(
                        error=f"{kind.__name__}: {error}"[:200], log=self.log_path))
        finally:
            self._busy = False

    def _write_log(self, kind, error, trace) -> None:
        try:
            if self.log_path.exists() and self.log_path.stat().st_size > MAX_LOG_BYTES:
                self.log_path.unlink()
            with self.log_path.open("a", encoding="utf-8") as log:
                log.write(f"--- {_dt.datetime.now().isoformat(timespec='seconds')}\n")
                log.write("".join(traceback.format_exception(kind, error, trace)))
        except OSError:
            pass  # a full or read-only disk must not raise inside the error handler

    @staticmethod
    def _save_work() -> None:
        from .session import Session

        for session in Session.live():
            if session.document is not None:
                try:
                    session.document.write_recovery()
                except Exception:  # noqa: BLE001 - best effort while already handling an error
                    pass

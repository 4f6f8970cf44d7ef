"""Choose how long an exercise runs: one click on 5 / 10 / 15 / 20 / 30 minutes, or a time
typed as "7", "7:30", "90s", "1h"."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QGridLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from ...i18n import tr
from .timer import parse_duration

PRESET_MINUTES = (5, 10, 15, 20, 30)


class TimerDialog(QDialog):
    def __init__(self, parent: QWidget | None, last_ms: int) -> None:
        super().__init__(parent)
        self.setObjectName("timerDialog")
        self.setWindowTitle(tr("Workshop Timer"))
        self.duration_ms: int | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("How long is the exercise?")))
        grid = QGridLayout()
        for index, minutes in enumerate(PRESET_MINUTES):
            button = QPushButton(tr("{minutes} min").format(minutes=minutes))
            button.setObjectName(f"timerPreset{minutes}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, m=minutes: self._choose(m * 60_000))
            grid.addWidget(button, 0, index)
        layout.addLayout(grid)
        layout.addWidget(QLabel(tr("Or type a time (minutes, or m:ss, or 90s):")))
        self.edit = QLineEdit()
        self.edit.setObjectName("timerDuration")
        self.edit.setText(_as_text(last_ms))
        self.edit.selectAll()
        self.edit.textChanged.connect(self._check)
        layout.addWidget(self.edit)
        self.problem = QLabel()
        self.problem.setObjectName("timerProblem")
        self.problem.setStyleSheet("color: #b42318;")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.start_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.start_button.setText(tr("Start"))
        buttons.accepted.connect(self._typed)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._check()

    def _check(self, *_args: object) -> None:
        ok = parse_duration(self.edit.text()) is not None
        self.start_button.setEnabled(ok)
        self.problem.setText("" if ok or not self.edit.text().strip() else
                             tr("Not a time: type minutes (10), m:ss (7:30) or seconds (90s), up to a day."))

    def _typed(self) -> None:
        duration = parse_duration(self.edit.text())
        if duration is not None:
            self._choose(duration)

    def _choose(self, duration_ms: int) -> None:
        self.duration_ms = duration_ms
        self.accept()


def _as_text(ms: int) -> str:
    seconds = max(0, int(round(ms / 1000)))
    minutes, seconds = divmod(seconds, 60)
    return f"{minutes}" if not seconds else f"{minutes}:{seconds:02d}"


__all__ = ["PRESET_MINUTES", "TimerDialog"]

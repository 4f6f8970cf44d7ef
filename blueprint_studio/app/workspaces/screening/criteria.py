"""Criteria and their weights: name, weight in percent (typed directly), description; the
live sum under the table and one command to normalise. With AHP weights the weight column
shows the weights the pairwise matrix gives (read-only).

Keyboard: type in a cell to replace it (F2 or Enter edits it), Enter to keep, Esc to drop.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ....analysis.screening import ScreeningResult
from ....i18n import tr
from ....model.screening import Screening, WeightSource
from .common import GOOD_INK, READ_ONLY_FILL, WARNING_INK, Grid, item, label, percent

NAME, WEIGHT, DESCRIPTION = range(3)


class CriteriaView(QWidget):
    """`edited(criterion id, field, value)`; the buttons ask for the rest by name."""

    edited = Signal(str, str, object)
    addRequested = Signal()
    removeRequested = Signal(str)
    moveRequested = Signal(str, int)
    normaliseRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("criteriaView")
        layout = QVBoxLayout(self)
        self.grid = Grid("criteriaGrid")
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.grid.itemChanged.connect(self._changed)
        layout.addWidget(self.grid, 1)
        self.sum = label(self, points=15, bold=True, name="weightSum")
        layout.addWidget(self.sum)
        buttons = QHBoxLayout()
        self.add = QPushButton(objectName="addCriterionButton")
        self.remove = QPushButton(objectName="removeCriterionButton")
        self.up = QPushButton(objectName="criterionUpButton")
        self.down = QPushButton(objectName="criterionDownButton")
        self.normalise = QPushButton(objectName="normaliseButton")
        for button in (self.add, self.remove, self.up, self.down):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.normalise)
        layout.addLayout(buttons)
        self.add.clicked.connect(self.addRequested)
        self.remove.clicked.connect(lambda: self._with_current(self.removeRequested.emit))
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(+1))
        self.normalise.clicked.connect(self.normaliseRequested)
        self._screening: Screening | None = None
        self._result: ScreeningResult | None = None
        self._ids: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.add.setText(tr("&Add criterion"))
        self.remove.setText(tr("&Remove"))
        self.up.setText(tr("Move &up"))
        self.down.setText(tr("Move do&wn"))
        self.normalise.setText(tr("&Normalise to 100 %"))
        self.normalise.setToolTip(tr("Scale the weights so that they sum to exactly 100 %"))
        self.refresh()

    def current_id(self) -> str:
        row = self.grid.currentRow()
        return self._ids[row] if 0 <= row < len(self._ids) else ""

    def _with_current(self, emit) -> None:
        if self.current_id():
            emit(self.current_id())

    def _move(self, step: int) -> None:
        row = self.grid.currentRow()
        if 0 <= row < len(self._ids) and 0 <= row + step < len(self._ids):
            self.moveRequested.emit(self._ids[row], row + step)
            self.grid.setCurrentCell(row + step, self.grid.currentColumn())

    def show_screening(self, screening: Screening | None, result: ScreeningResult | None) -> None:
        self._screening, self._result = screening, result
        self.refresh()

    def refresh(self) -> None:
        screening, result, grid = self._screening, self._result, self.grid
        if screening is None or result is None:
            grid.rebuild(0, 0)
            self.sum.clear()
            return
        ahp = screening.weight_source is WeightSource.AHP
        self._ids = [c.id for c in screening.criteria]
        row, column = grid.rebuild(len(screening.criteria), 3)
        grid.setHorizontalHeaderLabels([
            tr("Criterion"), tr("Weight from AHP (%)") if ahp else tr("Weight (%)"), tr("Description")])
        grid.blockSignals(True)
        for r, (criterion, weight) in enumerate(zip(screening.criteria, result.weights)):
            grid.setItem(r, NAME, item(criterion.name, editable=True, align=Qt.AlignmentFlag.AlignLeft))
            if ahp:
                grid.setItem(r, WEIGHT, item(percent(weight * 100), fill=READ_ONLY_FILL,
                                             tip=tr("From the pairwise comparisons (tab AHP)")))
            else:
                grid.setItem(r, WEIGHT, item(percent(criterion.weight), editable=True))
            grid.setItem(r, DESCRIPTION, item(criterion.description, editable=True,
                                              align=Qt.AlignmentFlag.AlignLeft))
        grid.setVerticalHeaderLabels([str(n + 1) for n in range(len(screening.criteria))])
        grid.blockSignals(False)
        grid.fit_header(DESCRIPTION)
        grid.restore(row if row >= 0 else 0, column if column >= 0 else 0)
        self.normalise.setEnabled(not ahp and bool(screening.criteria))
        if ahp:
            text = (tr("Weights from the pairwise comparisons (AHP).") if result.weights_complete
                    else tr("⚠ Weights from AHP: judge every pair on the AHP tab first."))
            self.sum.setText(text)
            self.sum.setStyleSheet(f"color: {GOOD_INK if result.weights_complete else WARNING_INK};")
            return
        total = sum(c.weight for c in screening.criteria)
        if result.weights_complete:
            self.sum.setText(tr("Sum of the weights: {sum} % ✓").format(sum=percent(total)))
            self.sum.setStyleSheet(f"color: {GOOD_INK};")
        else:
            self.sum.setText(tr("⚠ Sum of the weights: {sum} % — they must sum to 100 % "
                                "(Normalise scales them)").format(sum=percent(total)))
            self.sum.setStyleSheet(f"color: {WARNING_INK};")

    def _changed(self, cell) -> None:
        # After the cell's editor has closed: the edit rebuilds the table.
        row, column, text = cell.row(), cell.column(), cell.text()
        QTimer.singleShot(0, lambda: self._send(row, column, text))

    def _send(self, row: int, column: int, text: str) -> None:
        if not 0 <= row < len(self._ids):
            return
        text = text.strip()
        if column == NAME:
            self.edited.emit(self._ids[row], "name", text)
        elif column == DESCRIPTION:
            self.edited.emit(self._ids[row], "description", text)
        elif column == WEIGHT:
            try:
                value = float(text.replace("%", "").replace(",", ".").strip() or "0")
            except ValueError:
                value = None
            self.edited.emit(self._ids[row], "weight", value)


__all__ = ["CriteriaView"]

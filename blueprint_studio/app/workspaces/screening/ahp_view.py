"""The AHP pairwise matrix: how much more important the row's criterion is than the
column's, on Saaty's 1–9 scale. A cell takes a number (3), a fraction (1/3) or, through the
sentence under the matrix, a choice such as "A is strongly more important than B"; the
reciprocal cell follows. Beside it: the weights (principal eigenvector), λmax, CI, CR with
the random-index table named, and a warning naming the judgement that disagrees most.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget,
)

from ....analysis import ahp
from ....analysis.screening import ahp_of
from ....i18n import mark, tr
from ....model.screening import Screening, WeightSource
from .common import (
    GOOD_INK, MISSING_FILL, READ_ONLY_FILL, WARNING_INK, WORST_FILL, Grid, font, item,
    judgement_text, label, percent,
)
from .edits import ScreeningEdits

# The sentence "A … B" with each verbal judgement of Saaty's scale (the even values lie between).
VERBAL: tuple[tuple[int, str], ...] = (
    (1, mark("is equally important as")),
    (2, mark("is slightly more important than")),
    (3, mark("is moderately more important than")),
    (4, mark("is moderately to strongly more important than")),
    (5, mark("is strongly more important than")),
    (6, mark("is strongly to very strongly more important than")),
    (7, mark("is very strongly more important than")),
    (8, mark("is very to extremely more important than")),
    (9, mark("is extremely more important than")),
)
assert {value for value, _text in ahp.VERBAL_SCALE} <= {value for value, _text in VERBAL}


def consistency_lines(screening: Screening) -> tuple[str, str, bool]:
    """(the figures, the verdict or warning, whether it is a warning) for the matrix."""
    n = len(screening.criteria)
    if n < 2:
        return tr("Add at least two criteria to compare them."), "", False
    pairs = n * (n - 1) // 2
    judged = sum(1 for i, a in enumerate(screening.criteria) for b in screening.criteria[i + 1:]
                 if ScreeningEdits.judgement(screening, a.id, b.id) is not None)
    analysis = ahp_of(screening)
    if analysis is None:
        return (tr("{judged} of {pairs} pairs judged: the weights follow when every pair is judged.")
                .format(judged=judged, pairs=pairs), "", False)
    table = tr("Random index from the table of {table}: RI = {ri} for {n} criteria.").format(
        table=ahp.RI_TABLE_NAME, ri=f"{analysis.random_index:.2f}", n=n)
    if analysis.cr is None:
        figures = tr("λmax = {lmax}   CI = {ci}").format(lmax=f"{analysis.lambda_max:.3f}",
                                                      ci=f"{analysis.ci:.3f}")
        return figures + "\n" + table, tr("With two criteria no consistency test is needed."), False
    figures = tr("λmax = {lmax}   CI = {ci}   CR = {cr}").format(
        lmax=f"{analysis.lambda_max:.3f}", ci=f"{analysis.ci:.3f}", cr=f"{analysis.cr:.3f}")
    if analysis.consistent:
        return figures + "\n" + table, tr("✓ Consistent: CR ≤ 0.10."), False
    worst = analysis.worst
    assert worst is not None
    first, second = screening.criteria[worst.first], screening.criteria[worst.second]
    warning = tr("⚠ Inconsistent: CR = {cr} is above 0.10. Revisit “{first}” against “{second}”: "
                 "it is judged {given}, the other judgements suggest {suggested}.").format(
        cr=f"{analysis.cr:.3f}", first=first.name, second=second.name,
        given=judgement_text(worst.given), suggested=judgement_text(worst.suggested))
    return figures + "\n" + table, warning, True


class AhpView(QWidget):
    """`judged(first id, second id, text)` reports a cell typed; `chosen(first, second, value)`
    a verbal choice; `useAhpRequested` the button that makes these the screening's weights."""

    judged = Signal(str, str, str)
    chosen = Signal(str, str, float)
    useAhpRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ahpView")
        layout = QVBoxLayout(self)
        self.source = label(self, name="ahpSource")
        self.use = QPushButton(objectName="useAhpButton")
        self.use.clicked.connect(self.useAhpRequested)
        top = QHBoxLayout()
        top.addWidget(self.source, 1)
        top.addWidget(self.use)
        layout.addLayout(top)
        body = QHBoxLayout()
        layout.addLayout(body, 1)
        self.grid = MatrixGrid("ahpMatrix")
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.grid.itemChanged.connect(self._changed)
        self.grid.cleared.connect(self._cleared)
        self.grid.set_header_lines(2)
        body.addWidget(self.grid, 3)
        side = QVBoxLayout()
        body.addLayout(side, 2)
        self.weights_heading = label(self, bold=True)
        side.addWidget(self.weights_heading)
        self.weights = Grid("ahpWeights")
        self.weights.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.weights.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        side.addWidget(self.weights, 1)
        self.figures = label(self, name="ahpFigures")
        side.addWidget(self.figures)
        self.verdict = label(self, points=14, bold=True, name="ahpVerdict")
        layout.addWidget(self.verdict)
        sentence = QHBoxLayout()
        self.first = QComboBox(objectName="ahpFirst")
        self.phrase = QComboBox(objectName="ahpPhrase")
        self.second = QComboBox(objectName="ahpSecond")
        self.apply = QPushButton(objectName="ahpApplyButton")
        for combo in (self.first, self.phrase, self.second):
            combo.setFont(font(self, 13))
        self.sentence_label = label(self, bold=True, wrap=False)
        self.sentence_label.setBuddy(self.first)
        sentence.addWidget(self.sentence_label)
        sentence.addWidget(self.first, 2)
        sentence.addWidget(self.phrase, 3)
        sentence.addWidget(self.second, 2)
        sentence.addWidget(self.apply)
        layout.addLayout(sentence)
        self.hint = label(self, muted=True)
        layout.addWidget(self.hint)
        self.apply.clicked.connect(self._apply_choice)
        self.grid.currentCellChanged.connect(self._follow_cell)
        self._screening: Screening | None = None
        self._ids: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.use.setText(tr("&Use AHP weights"))
        self.weights_heading.setText(tr("Weights (principal eigenvector)"))
        self.sentence_label.setText(tr("&Say it:"))
        self.apply.setText(tr("&Set"))
        self.hint.setText(tr("Each cell: how much more important the row is than the column, "
                             "1–9 or a fraction such as 1/3. The other triangle follows. "
                             "Delete clears a judgement."))
        current = self.phrase.currentIndex()
        self.phrase.clear()
        for value, text in VERBAL:
            self.phrase.addItem(tr(text), value)
        self.phrase.setCurrentIndex(max(0, current))
        self.refresh()

    def show_screening(self, screening: Screening | None) -> None:
        self._screening = screening
        self.refresh()

    def refresh(self) -> None:
        screening, grid = self._screening, self.grid
        if screening is None:
            grid.rebuild(0, 0)
            self.weights.rebuild(0, 0)
            for widget in (self.figures, self.verdict, self.source):
                widget.clear()
            return
        criteria = screening.criteria
        self._ids = [c.id for c in criteria]
        names = [c.name or tr("(unnamed)") for c in criteria]
        analysis = ahp_of(screening)
        worst = analysis.worst if analysis is not None and not analysis.consistent else None
        row, column = grid.rebuild(len(criteria), len(criteria))
        grid.setHorizontalHeaderLabels(names)
        grid.setVerticalHeaderLabels(names)
        grid.blockSignals(True)
        for i, a in enumerate(criteria):
            for j, b in enumerate(criteria):
                if i == j:
                    grid.setItem(i, j, item("1", fill=READ_ONLY_FILL))
                    continue
                value = ScreeningEdits.judgement(screening, a.id, b.id)
                fill = None if i < j else READ_ONLY_FILL
                if value is None:
                    fill = MISSING_FILL
                if worst is not None and {i, j} == {worst.first, worst.second}:
                    fill = WORST_FILL
                grid.setItem(i, j, item(judgement_text(value), editable=True, fill=fill,
                                        tip=tr("How much more important “{row}” is than “{column}”")
                                        .format(row=names[i], column=names[j])))
        grid.blockSignals(False)
        grid.fit_header(0)
        grid.restore(row if row >= 0 else 0, column if column >= 0 else 1)
        self.weights.rebuild(len(criteria), 2)
        self.weights.setHorizontalHeaderLabels([tr("Criterion"), tr("Weight (%)")])
        self.weights.verticalHeader().hide()
        for i, name in enumerate(names):
            self.weights.setItem(i, 0, item(name, align=Qt.AlignmentFlag.AlignLeft))
            weight = percent(analysis.weights[i] * 100) if analysis is not None else "–"
            self.weights.setItem(i, 1, item(weight, bold=True))
        self.weights.fit_header(0)
        figures, verdict, warning = consistency_lines(screening)
        self.figures.setText(figures)
        self.verdict.setText(verdict)
        self.verdict.setStyleSheet(f"color: {WARNING_INK if warning else GOOD_INK};")
        ahp_used = screening.weight_source is WeightSource.AHP
        self.source.setText(tr("These weights are the screening's weights.") if ahp_used else
                            tr("The screening uses weights typed in percent; these are not used yet."))
        self.use.setVisible(not ahp_used)
        for combo in (self.first, self.second):
            current = combo.currentIndex()
            combo.blockSignals(True)
            combo.clear()
            for criterion_id, name in zip(self._ids, names):
                combo.addItem(name, criterion_id)
            combo.setCurrentIndex(current if 0 <= current < combo.count() else -1)
            combo.blockSignals(False)
        if self.first.currentIndex() < 0 and len(names) >= 2:
            self.first.setCurrentIndex(0)
            self.second.setCurrentIndex(1)

    def _follow_cell(self, row: int, column: int, *_previous: int) -> None:
        """The sentence says what the current cell holds ("Cost is strongly more important
        than Fit" for 5, or for 1/5 the other way round); it is set from there."""
        if not (0 <= row < self.first.count() and 0 <= column < self.second.count()) or row == column:
            return
        value = (ScreeningEdits.judgement(self._screening, self._ids[row], self._ids[column])
                 if self._screening is not None else None)
        if value is not None and value < 1:
            row, column, value = column, row, 1 / value
        self.first.setCurrentIndex(row)
        self.second.setCurrentIndex(column)
        if value is not None:
            nearest = min(range(self.phrase.count()), key=lambda i: abs(self.phrase.itemData(i) - value))
            self.phrase.setCurrentIndex(nearest)

    def _changed(self, cell) -> None:
        row, column, text = cell.row(), cell.column(), cell.text()
        if row < len(self._ids) and column < len(self._ids) and row != column:
            first, second = self._ids[row], self._ids[column]
            # After the cell's editor has closed: the edit rebuilds the matrix.
            QTimer.singleShot(0, lambda: self.judged.emit(first, second, text))

    def _cleared(self, row: int, column: int) -> None:
        if row < len(self._ids) and column < len(self._ids) and row != column >= 0:
            self.judged.emit(self._ids[row], self._ids[column], "")

    def _apply_choice(self) -> None:
        first, second = self.first.currentData(), self.second.currentData()
        value = self.phrase.currentData()
        if first and second and first != second and value:
            self.chosen.emit(str(first), str(second), float(value))



class MatrixGrid(Grid):
    """The matrix: Delete or Backspace clears the judgement of the current cell."""

    cleared = Signal(int, int)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if (event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
                and self.state() != QAbstractItemView.State.EditingState):
            self.cleared.emit(self.currentRow(), self.currentColumn())
            event.accept()
            return
        super().keyPressEvent(event)


__all__ = ["AhpView", "consistency_lines", "VERBAL"]

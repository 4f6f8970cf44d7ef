"""The scoring grid: concepts × criteria for one voter (or the averages of all voters), with
the weighted total, rank and pass mark beside each concept, updated as people type.

Keyboard, as in a spreadsheet: digits 1–5 give the score of the current cell and move on to
the next criterion (the next concept after the last); Tab, Shift+Tab and the arrows move;
Delete, Backspace or 0 clear a score. A missing score shows as an amber "–".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from ....analysis.screening import ScreeningResult
from ....i18n import tr
from ....model.screening import MissingRule, Screening
from .common import (
    FAIL_FILL, MISSING_FILL, MISSING_MARK, PASS_FILL, READ_ONLY_FILL, Grid, font, item, label, percent,
)

ALL_VOTERS = ""  # the voter chooser's entry for the averages of every voter
RESULT_COLUMNS = 3  # total, rank, pass


def rule_sentence(screening: Screening) -> str:
    if screening.missing_rule is MissingRule.UNRANKED:
        return tr("Missing scores: a concept is not ranked until every voter has scored every criterion.")
    return tr("Missing scores: each criterion is averaged over the voters who scored it.")


class ScoreGrid(Grid):
    """The table; `scoreTyped(row, column, value or 0 to clear)` reports a keystroke."""

    scoreTyped = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("scoreGrid", parent)
        self.setEditTriggers(Grid.EditTrigger.NoEditTriggers)
        self.criteria_count = 0
        self.editable = True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        row, column = self.currentRow(), self.currentColumn()
        in_scores = 0 <= row < self.rowCount() and 0 <= column < self.criteria_count
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if in_scores and self.editable and not modifiers:
            text = event.text()
            if text in ("1", "2", "3", "4", "5"):
                self.scoreTyped.emit(row, column, int(text))
                self._advance(row, column)
                event.accept()
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) or text == "0":
                self.scoreTyped.emit(row, column, 0)
                event.accept()
                return
        super().keyPressEvent(event)

    def _advance(self, row: int, column: int) -> None:
        if column + 1 < self.criteria_count:
            self.setCurrentCell(row, column + 1)
        elif row + 1 < self.rowCount():
            self.setCurrentCell(row + 1, 0)


class ScoringView(QWidget):
    """The grid with its voter chooser and the rules stated in words."""

    scoreTyped = Signal(str, str, str, int)  # concept id, criterion id, voter id, value (0: clear)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scoringView")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.voter_label = label(self, bold=True, wrap=False)
        self.voter = QComboBox()
        self.voter.setObjectName("scoringVoter")
        self.voter.setFont(font(self, 14))
        self.voter.setMinimumWidth(220)
        self.voter_label.setBuddy(self.voter)
        self.hint = label(self, muted=True)
        top.addWidget(self.voter_label)
        top.addWidget(self.voter)
        top.addWidget(self.hint, 1)
        layout.addLayout(top)
        self.grid = ScoreGrid()
        self.grid.set_header_lines(3)  # a name on two lines, then its weight
        layout.addWidget(self.grid, 1)
        self.rule = label(self, name="scoringRule")
        self.weights_note = label(self, name="scoringWeightsNote")
        layout.addWidget(self.rule)
        layout.addWidget(self.weights_note)
        self.grid.scoreTyped.connect(self._typed)
        self.voter.currentIndexChanged.connect(lambda _i: self.refresh())
        self._screening: Screening | None = None
        self._result: ScreeningResult | None = None
        self._concepts: list[str] = []
        self._criteria: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.voter_label.setText(tr("Scores &of:"))
        self.hint.setText(tr("Type 1–5 in a cell (it moves on), Tab or arrows to move, Delete to clear."))
        self.refresh()

    def voter_id(self) -> str:
        return str(self.voter.currentData() or ALL_VOTERS)

    def choose_voter(self, voter_id: str) -> None:
        index = self.voter.findData(voter_id)
        if index >= 0:
            self.voter.setCurrentIndex(index)

    def show_screening(self, screening: Screening | None, result: ScreeningResult | None) -> None:
        self._screening, self._result = screening, result
        wanted = self.voter_id()
        self.voter.blockSignals(True)
        self.voter.clear()
        if screening is not None:
            for voter in screening.voters:
                self.voter.addItem(voter.name or tr("(unnamed)"), voter.id)
            self.voter.addItem(tr("All voters (averages)"), ALL_VOTERS)
            index = self.voter.findData(wanted) if wanted else -1
            self.voter.setCurrentIndex(index if index >= 0 else 0)
        self.voter.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        screening, result = self._screening, self._result
        grid = self.grid
        if screening is None or result is None:
            grid.rebuild(0, 0)
            self.rule.clear()
            self.weights_note.clear()
            return
        voter_id = self.voter_id()
        criteria, concepts = screening.criteria, screening.concepts
        self._criteria = [c.id for c in criteria]
        self._concepts = [c.id for c in concepts]
        row, column = grid.rebuild(len(concepts), len(criteria) + RESULT_COLUMNS)
        grid.criteria_count = len(criteria)
        grid.editable = bool(voter_id)
        headers = [f"{c.name or tr('(unnamed)')}\n{percent(w * 100)} %"
                   for c, w in zip(criteria, result.weights)]
        headers += [tr("Total"), tr("Rank"), tr("Result")]
        grid.setHorizontalHeaderLabels(headers)
        grid.setVerticalHeaderLabels([c.title or tr("(untitled)") for c in concepts])
        given = {(s.concept_id, s.criterion_id): s.value for s in screening.scores.values()
                 if s.voter_id == voter_id}
        rows = {r.concept_id: r for r in result.concepts}
        grid.blockSignals(True)
        for r, concept in enumerate(concepts):
            outcome = rows[concept.id]
            for c, criterion in enumerate(criteria):
                if voter_id:
                    value = given.get((concept.id, criterion.id))
                    cell = (item(str(value)) if value is not None else
                            item(MISSING_MARK, fill=MISSING_FILL, tip=tr("Not scored yet")))
                else:
                    mean = outcome.per_criterion[c]
                    cell = (item(f"{mean:.2f}", fill=READ_ONLY_FILL) if mean is not None else
                            item(MISSING_MARK, fill=MISSING_FILL, tip=tr("Nobody has scored this yet")))
                grid.setItem(r, c, cell)
            base = len(criteria)
            if outcome.total is None:
                grid.setItem(r, base, item(MISSING_MARK, fill=MISSING_FILL))
                grid.setItem(r, base + 1, item(MISSING_MARK, fill=MISSING_FILL))
                why = (tr("{count} missing").format(count=outcome.missing) if outcome.missing
                       else tr("not ranked"))
                grid.setItem(r, base + 2, item(why, fill=MISSING_FILL))
            else:
                fill = PASS_FILL if outcome.passed else FAIL_FILL
                grid.setItem(r, base, item(f"{outcome.total:.2f}", fill=fill, bold=True))
                grid.setItem(r, base + 1, item(str(outcome.rank), fill=fill, bold=True))
                verdict = tr("✓ passes") if outcome.passed else tr("✗ below the line")
                grid.setItem(r, base + 2, item(verdict, fill=fill))
        grid.blockSignals(False)
        grid.fit_header(0, fixed_from=len(criteria) + 2)  # the verdict fits its words
        grid.restore(row if row >= 0 else 0, column if column >= 0 else 0)
        self.rule.setText(rule_sentence(screening) + "  " + tr(
            "Pass line: a weighted total of {threshold} or more (scores 1–5).").format(
            threshold=percent(screening.pass_threshold)))
        if not criteria:
            self.weights_note.setText(tr("Add criteria first (tab Criteria)."))
        elif not screening.voters:
            self.weights_note.setText(tr("Add voters or groups first (tab Voters and concepts)."))
        elif not result.weights_complete:
            self.weights_note.setText(tr("⚠ The weights are not complete yet, so no total is shown: "
                                         "they must sum to 100 % (or every AHP pair be judged)."))
        else:
            self.weights_note.setText("")

    def _typed(self, row: int, column: int, value: int) -> None:
        voter_id = self.voter_id()
        if voter_id and row < len(self._concepts) and column < len(self._criteria):
            self.scoreTyped.emit(self._concepts[row], self._criteria[column], voter_id, value)

    def focus_grid(self) -> None:
        self.grid.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.grid.currentRow() < 0 and self.grid.rowCount():
            self.grid.setCurrentCell(0, 0)


__all__ = ["ScoringView", "rule_sentence"]

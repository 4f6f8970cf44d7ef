"""Dot voting, the quick alternative: each voter spreads a few dots over the concepts.
Concepts down, voters across; a digit (0–9) gives the current voter's dots to the concept,
Delete takes them back; the total and the rank by dots follow."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ....analysis.screening import competition_ranks, dot_totals, dots_left
from ....i18n import tr
from ....model.screening import Screening
from .common import READ_ONLY_FILL, Grid, item, label


class DotGrid(Grid):
    dotsTyped = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("dotGrid", parent)
        self.setEditTriggers(Grid.EditTrigger.NoEditTriggers)
        self.voter_count = 0

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        row, column = self.currentRow(), self.currentColumn()
        if 0 <= row < self.rowCount() and 0 <= column < self.voter_count:
            if event.text().isdigit() and len(event.text()) == 1:
                self.dotsTyped.emit(row, column, int(event.text()))
                event.accept()
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.dotsTyped.emit(row, column, 0)
                event.accept()
                return
        super().keyPressEvent(event)


class DotsView(QWidget):
    dotsTyped = Signal(str, str, int)  # concept id, voter id, dots

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dotsView")
        layout = QVBoxLayout(self)
        self.hint = label(self, muted=True)
        layout.addWidget(self.hint)
        self.grid = DotGrid()
        layout.addWidget(self.grid, 1)
        self.budget = label(self, name="dotBudget")
        layout.addWidget(self.budget)
        self.grid.dotsTyped.connect(self._typed)
        self._screening: Screening | None = None
        self._concepts: list[str] = []
        self._voters: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.hint.setText(tr("Dot voting: type how many dots a voter gives a concept (0–9); "
                             "Delete takes them back."))
        self.refresh()

    def show_screening(self, screening: Screening | None) -> None:
        self._screening = screening
        self.refresh()

    def refresh(self) -> None:
        screening, grid = self._screening, self.grid
        if screening is None:
            grid.rebuild(0, 0)
            self.budget.clear()
            return
        self._concepts = [c.id for c in screening.concepts]
        self._voters = [v.id for v in screening.voters]
        row, column = grid.rebuild(len(self._concepts), len(self._voters) + 2)
        grid.voter_count = len(self._voters)
        grid.setHorizontalHeaderLabels(
            [v.name or tr("(unnamed)") for v in screening.voters] + [tr("Dots"), tr("Rank")])
        grid.setVerticalHeaderLabels([c.title or tr("(untitled)") for c in screening.concepts])
        given = {(v.concept_id, v.voter_id): v.dots for v in screening.dot_votes.values()}
        totals = dot_totals(screening)
        ranks = competition_ranks([float(totals[c]) if totals[c] else None for c in self._concepts])
        grid.blockSignals(True)
        for r, concept_id in enumerate(self._concepts):
            for c, voter_id in enumerate(self._voters):
                dots = given.get((concept_id, voter_id), 0)
                grid.setItem(r, c, item("●" * dots if 0 < dots <= 5 else str(dots) if dots else ""))
            base = len(self._voters)
            grid.setItem(r, base, item(str(totals[concept_id]), fill=READ_ONLY_FILL, bold=True))
            grid.setItem(r, base + 1, item(str(ranks[r]) if ranks[r] else "–", fill=READ_ONLY_FILL))
        grid.blockSignals(False)
        grid.fit_header(0)
        grid.restore(max(row, 0), max(column, 0))
        left = ", ".join(tr("{voter}: {left} left").format(voter=v.name, left=dots_left(screening, v.id))
                         for v in screening.voters)
        self.budget.setText(tr("Each voter has {dots} dots.").format(dots=screening.dots_per_voter)
                            + (" " + left if left else ""))

    def _typed(self, row: int, column: int, dots: int) -> None:
        if row < len(self._concepts) and column < len(self._voters):
            self.dotsTyped.emit(self._concepts[row], self._voters[column], dots)


__all__ = ["DotsView"]

"""Every edit the screening workspace makes, as a model operation pushed on the session's
undo stack (the same history as the canvas). The views call these; none of them changes
the model itself. Each method says what it did in the undo step's text.
"""

from __future__ import annotations

import math
from typing import Any

from ....analysis import ahp
from ....analysis.screening import normalised
from ....i18n import plural, tr
from ....model import operations as ops
from ....model.screening import (
    Brainstorm, Comparison, Concept, Criterion, DotVote, Idea, Score, Screening, Voter,
)
from ...session import Session

TYPING_MERGE_ID = 0x1B5_0003  # typing in one text field of the workspace merges into one step


class ScreeningEdits:
    """The operations of the screening workspace, on the session's project."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # -- lookup ---------------------------------------------------------------------------
    def screening(self, screening_id: str) -> Screening | None:
        project = self.session.project
        if project is None:
            return None
        return next((s for s in project.screenings if s.id == screening_id), None)

    def _push(self, operation: Any, text: str, **merge: Any) -> bool:
        return self.session.push(operation, text, **merge)

    # -- screenings -------------------------------------------------------------------------
    def add_screening(self, name: str = "") -> Screening | None:
        project = self.session.project
        if project is None:
            return None
        number = len(project.screenings) + 1
        screening = Screening(name=name or tr("Concept screening {number}").format(number=number))
        if self._push(ops.Add("screening", (), screening), tr("Add screening")):
            return project.screenings[-1]
        return None

    def update_screening(self, screening_id: str, changes: dict[str, Any], text: str,
                         **merge: Any) -> bool:
        return self._push(ops.Update("screening", (), screening_id, changes), text, **merge)

    def remove_screening(self, screening_id: str) -> bool:
        return self._push(ops.Remove("screening", (), screening_id), tr("Remove screening"))

    # -- generic children of a screening ------------------------------------------------------
    def add(self, kind: str, screening_id: str, entity: Any, text: str, index: int | None = None) -> bool:
        return self._push(ops.Add(kind, (screening_id,), entity, index), text)

    def update(self, kind: str, screening_id: str, entity_id: str, changes: dict[str, Any],
               text: str, **merge: Any) -> bool:
        return self._push(ops.Update(kind, (screening_id,), entity_id, changes), text, **merge)

    def remove(self, kind: str, screening_id: str, entity_id: str, text: str) -> bool:
        return self._push(ops.Remove(kind, (screening_id,), entity_id), text)

    def move(self, kind: str, screening_id: str, entity_id: str, index: int, text: str) -> bool:
        return self._push(ops.Move(kind, (screening_id,), entity_id, index), text)

    def add_criterion(self, screening_id: str, name: str = "") -> bool:
        screening = self.screening(screening_id)
        if screening is None:
            return False
        name = name or tr("Criterion {number}").format(number=len(screening.criteria) + 1)
        return self.add("criterion", screening_id, Criterion(name), tr("Add criterion"))

    def add_voter(self, screening_id: str, name: str = "") -> bool:
        screening = self.screening(screening_id)
        if screening is None:
            return False
        name = name or tr("Group {number}").format(number=len(screening.voters) + 1)
        return self.add("voter", screening_id, Voter(name), tr("Add voter"))

    def add_concept(self, screening_id: str, title: str = "", description: str = "",
                    idea_id: str = "") -> bool:
        screening = self.screening(screening_id)
        if screening is None:
            return False
        title = title or tr("Concept {number}").format(number=len(screening.concepts) + 1)
        return self.add("concept", screening_id, Concept(title, description, idea_id),
                        tr("Add concept"))

    # -- weights ------------------------------------------------------------------------------
    def set_weight(self, screening_id: str, criterion_id: str, percent: float) -> bool:
        return self.update("criterion", screening_id, criterion_id, {"weight": percent},
                           tr("Change weight"))

    def normalise_weights(self, screening_id: str) -> bool:
        screening = self.screening(screening_id)
        if screening is None or not screening.criteria:
            return False
        values = normalised([c.weight for c in screening.criteria])
        rounded = [round(v, 2) for v in values]
        rounded[-1] = round(100.0 - sum(rounded[:-1]), 2)  # the sum is exactly 100
        batch = ops.Batch([ops.Update("criterion", (screening_id,), c.id, {"weight": max(0.0, w)})
                           for c, w in zip(screening.criteria, rounded)])
        return self._push(batch, tr("Normalise weights"))

    # -- AHP ------------------------------------------------------------------------------------
    @staticmethod
    def judgement(screening: Screening, first_id: str, second_id: str) -> float | None:
        """How much more important `first_id` is than `second_id`, from either direction."""
        for comparison in screening.comparisons.values():
            if (comparison.first_id, comparison.second_id) == (first_id, second_id):
                return comparison.value
            if (comparison.first_id, comparison.second_id) == (second_id, first_id):
                return 1.0 / comparison.value
        return None

    def set_judgement(self, screening_id: str, first_id: str, second_id: str,
                      value: float | None) -> bool:
        """Record (or, with None, clear) the judgement of one pair; the reciprocal follows."""
        screening = self.screening(screening_id)
        if screening is None or first_id == second_id:
            return False
        if value is not None:
            value = ahp.check_judgement(value)
        scope = (screening_id,)
        operations: list[Any] = []
        found = False
        for comparison in list(screening.comparisons.values()):
            pair = (comparison.first_id, comparison.second_id)
            if pair not in ((first_id, second_id), (second_id, first_id)):
                continue
            if value is None or found:
                operations.append(ops.Remove("comparison", scope, comparison.id))
                continue
            found = True
            stored = value if pair == (first_id, second_id) else 1.0 / value
            if not math.isclose(stored, comparison.value, rel_tol=1e-9):
                operations.append(ops.Update("comparison", scope, comparison.id, {"value": stored}))
        if value is not None and not found:
            operations.append(ops.Add("comparison", scope, Comparison(first_id, second_id, value)))
        if not operations:
            return True
        text = tr("Clear judgement") if value is None else tr("Set judgement")
        return self._push(ops.Batch(operations), text)

    # -- scores -------------------------------------------------------------------------------
    @staticmethod
    def score_of(screening: Screening, concept_id: str, criterion_id: str, voter_id: str) -> Score | None:
        for score in screening.scores.values():
            if (score.concept_id, score.criterion_id, score.voter_id) == (concept_id, criterion_id, voter_id):
                return score
        return None

    def set_score(self, screening_id: str, concept_id: str, criterion_id: str, voter_id: str,
                  value: int | None) -> bool:
        """Give (or, with None, clear) one voter's score of a concept on a criterion."""
        screening = self.screening(screening_id)
        if screening is None:
            return False
        existing = self.score_of(screening, concept_id, criterion_id, voter_id)
        scope = (screening_id,)
        if value is None:
            if existing is None:
                return True
            return self._push(ops.Remove("score", scope, existing.id), tr("Clear score"))
        if existing is None:
            return self._push(ops.Add("score", scope, Score(concept_id, criterion_id, voter_id, value)),
                              tr("Score {value}").format(value=value))
        return self._push(ops.Update("score", scope, existing.id, {"value": value}),
                          tr("Score {value}").format(value=value))

    def set_dots(self, screening_id: str, concept_id: str, voter_id: str, dots: int) -> bool:
        screening = self.screening(screening_id)
        if screening is None:
            return False
        existing = next((v for v in screening.dot_votes.values()
                         if (v.concept_id, v.voter_id) == (concept_id, voter_id)), None)
        scope = (screening_id,)
        text = tr("Give {dots} dots").format(dots=dots)
        if dots <= 0:
            if existing is None:
                return True
            return self._push(ops.Remove("dot_vote", scope, existing.id), text)
        if existing is None:
            return self._push(ops.Add("dot_vote", scope, DotVote(concept_id, voter_id, dots)), text)
        return self._push(ops.Update("dot_vote", scope, existing.id, {"dots": dots}), text)

    # -- brainstorming --------------------------------------------------------------------------
    def add_round(self, name: str = "") -> Brainstorm | None:
        project = self.session.project
        if project is None:
            return None
        name = name or tr("Round {number}").format(number=len(project.brainstorms) + 1)
        if self._push(ops.Add("brainstorm", (), Brainstorm(name=name)), tr("Add brainstorming round")):
            return project.brainstorms[-1]
        return None

    def update_round(self, round_id: str, changes: dict[str, Any], text: str, **merge: Any) -> bool:
        return self._push(ops.Update("brainstorm", (), round_id, changes), text, **merge)

    def remove_round(self, round_id: str) -> bool:
        return self._push(ops.Remove("brainstorm", (), round_id), tr("Remove brainstorming round"))

    def add_ideas(self, round_id: str, text: str) -> int:
        """Ideas typed one per line (blank lines skipped), as one undo step."""
        titles = [line.strip() for line in text.splitlines() if line.strip()]
        if not titles:
            return 0
        batch = ops.Batch([ops.Add("idea", (round_id,), Idea(title)) for title in titles])
        if self._push(batch, plural(len(titles), "Add {count} idea", "Add {count} ideas")):
            return len(titles)
        return 0

    def remove_idea(self, round_id: str, idea_id: str) -> bool:
        return self._push(ops.Remove("idea", (round_id,), idea_id), tr("Remove idea"))

    def idea_to_concept(self, screening_id: str, idea: Idea) -> bool:
        return self.add("concept", screening_id, Concept(idea.title, idea.description, idea.id),
                        tr("Make concept from idea"))


__all__ = ["ScreeningEdits", "TYPING_MERGE_ID"]

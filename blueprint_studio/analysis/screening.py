"""The weighted screening matrix: totals, ranks with ties, the pass line. Pure functions.

Each concept is scored 1–5 per criterion by each voter. A concept's score on a criterion is
the mean over the voters; its total is the sum over criteria of weight × that mean (weights
as fractions of 1), so a total is on the same 1–5 scale as a score. A missing score follows
the screening's rule, stated on screen and in print:

- UNRANKED: a concept is ranked only once every voter scored every criterion;
- AVERAGE: a criterion's mean is taken over the voters who scored it; a concept with a
  criterion nobody scored is not ranked.

Ranks are standard competition ranks (1, 2, 2, 4): equal totals share a rank.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..model.screening import MissingRule, Screening, WeightSource
from . import ahp

TIE = 1e-9  # totals closer than this are equal (they come from sums of fractions)


@dataclass(frozen=True)
class ConceptResult:
    concept_id: str
    total: float | None  # None when not ranked (missing scores)
    rank: int | None
    passed: bool
    missing: int  # (criterion, voter) scores still missing
    per_criterion: tuple[float | None, ...]  # mean score per criterion, in criteria order


@dataclass(frozen=True)
class ScreeningResult:
    weights: tuple[float, ...]  # fractions of 1, in criteria order
    weights_complete: bool  # direct weights that sum to 100 %, or a complete AHP matrix
    ahp: ahp.AhpResult | None
    concepts: tuple[ConceptResult, ...]  # in the screening's concept order
    dots: Mapping[str, int]  # concept id -> dots received


def competition_ranks(totals: Sequence[float | None]) -> list[int | None]:
    """1, 2, 2, 4 ranking of the totals that exist, highest first."""
    ranked = sorted((t for t in totals if t is not None), reverse=True)
    ranks: list[int | None] = []
    for total in totals:
        if total is None:
            ranks.append(None)
        else:
            ranks.append(1 + sum(1 for other in ranked if other > total + TIE))
    return ranks


def direct_weights(percentages: Sequence[float]) -> tuple[tuple[float, ...], bool]:
    """Weights as fractions from percentages; complete when they sum to 100 (± 0.01)."""
    total = sum(percentages)
    complete = bool(percentages) and abs(total - 100.0) <= 0.01
    return tuple(p / 100.0 for p in percentages), complete


def normalised(percentages: Sequence[float]) -> list[float]:
    """Percentages scaled to sum to exactly 100 (the "Normalise" command); equal if all 0."""
    total = sum(percentages)
    if not percentages:
        return []
    if total <= 0:
        return [100.0 / len(percentages)] * len(percentages)
    return [p * 100.0 / total for p in percentages]


def ahp_of(screening: Screening) -> ahp.AhpResult | None:
    """The AHP analysis of the screening's comparisons, or None while pairs are missing."""
    index = {criterion.id: i for i, criterion in enumerate(screening.criteria)}
    judgements = {(index[c.first_id], index[c.second_id]): c.value
                  for c in screening.comparisons.values()
                  if c.first_id in index and c.second_id in index}
    n = len(screening.criteria)
    if n == 0:
        return None
    try:
        return ahp.analyse(ahp.reciprocal_matrix(n, judgements))
    except ValueError:  # ModelError: a pair not judged yet, or judged twice differently
        return None


def evaluate(screening: Screening) -> ScreeningResult:
    """Everything the screening grid, the sheets and `info` show, from the model."""
    criteria = screening.criteria
    analysis = ahp_of(screening) if screening.weight_source is WeightSource.AHP else None
    if screening.weight_source is WeightSource.AHP:
        weights = analysis.weights if analysis else tuple(0.0 for _ in criteria)
        complete = analysis is not None
    else:
        weights, complete = direct_weights([c.weight for c in criteria])
    scores: dict[tuple[str, str], dict[str, int]] = {}
    for score in screening.scores.values():
        scores.setdefault((score.concept_id, score.criterion_id), {})[score.voter_id] = score.value
    voters = [voter.id for voter in screening.voters]
    rows = []
    for concept in screening.concepts:
        means: list[float | None] = []
        missing = 0
        for criterion in criteria:
            given = scores.get((concept.id, criterion.id), {})
            present = [given[v] for v in voters if v in given]
            missing += len(voters) - len(present)
            means.append(sum(present) / len(present) if present else None)
        rankable = bool(criteria) and bool(voters) and complete and all(m is not None for m in means)
        if screening.missing_rule is MissingRule.UNRANKED and missing:
            rankable = False
        total = sum(w * m for w, m in zip(weights, means)) if rankable else None  # type: ignore[misc]
        rows.append((concept.id, total, missing, tuple(means)))
    ranks = competition_ranks([total for _id, total, _m, _means in rows])
    results = tuple(
        ConceptResult(concept_id, total, rank,
                      total is not None and total >= screening.pass_threshold - TIE, missing, means)
        for (concept_id, total, missing, means), rank in zip(rows, ranks))
    return ScreeningResult(tuple(weights), complete, analysis, results, dot_totals(screening))


def dot_totals(screening: Screening) -> dict[str, int]:
    totals = {concept.id: 0 for concept in screening.concepts}
    for vote in screening.dot_votes.values():
        if vote.concept_id in totals:
            totals[vote.concept_id] += vote.dots
    return totals


def dots_left(screening: Screening, voter_id: str) -> int:
    used = sum(v.dots for v in screening.dot_votes.values() if v.voter_id == voter_id)
    return screening.dots_per_voter - used


def ranked(results: Iterable[ConceptResult]) -> list[ConceptResult]:
    """Ranked concepts first by rank, then the unranked, each in their given order."""
    items = list(results)
    return sorted(items, key=lambda r: (r.rank is None, r.rank or 0))


def summary(screening: Screening) -> dict:
    """The screening as plain data: what `info --json` prints (weights as fractions of 1)."""
    result = evaluate(screening)
    analysis = result.ahp if screening.weight_source is WeightSource.AHP else ahp_of(screening)
    titles = {concept.id: concept.title for concept in screening.concepts}
    return {
        "name": screening.name,
        "weights_from": screening.weight_source.value,
        "missing_rule": screening.missing_rule.value,
        "pass_threshold": screening.pass_threshold,
        "criteria": [{"name": criterion.name, "weight": round(weight, 6)}
                     for criterion, weight in zip(screening.criteria, result.weights)],
        "weights_complete": result.weights_complete,
        "consistency": None if analysis is None or analysis.cr is None else {
            "lambda_max": round(analysis.lambda_max, 6), "ci": round(analysis.ci, 6),
            "cr": round(analysis.cr, 6), "random_index": analysis.random_index,
            "random_index_table": ahp.RI_TABLE_NAME, "consistent": analysis.consistent},
        "concepts": [{"title": titles[row.concept_id],
                      "total": None if row.total is None else round(row.total, 6),
                      "rank": row.rank, "passed": row.passed, "missing": row.missing,
                      "dots": result.dots.get(row.concept_id, 0)}
                     for row in result.concepts],
    }

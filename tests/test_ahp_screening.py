"""AHP weights and the screening matrix against published numbers and by hand."""

from __future__ import annotations

import math
import random

import pytest

from blueprint_studio.analysis import ahp
from blueprint_studio.analysis.screening import competition_ranks, evaluate, normalised
from blueprint_studio.model import ModelError, factory
from blueprint_studio.model import operations as ops
from blueprint_studio.model.screening import (
    Comparison, Concept, Criterion, DotVote, MissingRule, Score, Screening, Voter, WeightSource,
)

PUBLISHED = [[1, 4, 3, 7], [1 / 4, 1, 1 / 3, 3], [1 / 3, 3, 1, 5], [1 / 7, 1 / 3, 1 / 5, 1]]


def test_the_published_example():
    result = ahp.analyse(PUBLISHED)
    assert [round(w, 3) for w in result.weights] == [0.548, 0.127, 0.270, 0.056]
    assert round(result.lambda_max, 3) == 4.118
    assert result.random_index == 0.90 and round(result.cr, 3) == 0.044
    assert result.consistent and math.isclose(sum(result.weights), 1.0)


def test_a_perfectly_consistent_matrix_has_cr_zero():
    weights = [0.5, 0.3, 0.2]
    matrix = [[a / b for b in weights] for a in weights]
    result = ahp.analyse(matrix)
    assert result.cr == pytest.approx(0.0, abs=1e-12)
    assert [round(w, 9) for w in result.weights] == weights


@pytest.mark.parametrize("n", [1, 2])
def test_one_or_two_criteria_need_no_consistency_test(n):
    result = ahp.analyse([[1, 3], [1 / 3, 1]] if n == 2 else [[1]])
    assert result.cr is None and result.consistent and result.worst is None


def test_an_inconsistent_matrix_names_the_judgement_to_revisit():
    matrix = [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]]  # a circle: A > B > C > A
    result = ahp.analyse(matrix)
    assert result.cr > 0.10 and not result.consistent
    assert result.worst is not None and (result.worst.first, result.worst.second) in {(0, 1), (0, 2), (1, 2)}


@pytest.mark.parametrize("matrix, problem", [
    ([[1, 0], [0, 1]], "positive"),
    ([[1, -3], [-1 / 3, 1]], "positive"),
    ([[1, 11], [1 / 11, 1]], "Saaty"),
    ([[1, 3, 5], [1 / 3, 1]], "square"),
    ([[1, 3], [3, 1]], "reciprocal"),
])
def test_bad_matrices_are_refused_by_name(matrix, problem):
    with pytest.raises(ModelError, match=problem):
        ahp.analyse(matrix)


def test_a_blank_cell_names_the_pair_not_judged():
    with pytest.raises(ModelError, match="Criteria 2 and 3 are not compared yet"):
        ahp.reciprocal_matrix(3, {(0, 1): 3, (0, 2): 5})
    full = ahp.reciprocal_matrix(3, {(0, 1): 3, (2, 0): 1 / 5, (1, 2): 1 / 3})
    assert full[2][0] == pytest.approx(1 / 5) and full[0][2] == pytest.approx(5)


@pytest.mark.parametrize("text, value", [("3", 3), ("1/3", 1 / 3), (" 1 / 9 ", 1 / 9), ("0.5", 0.5), ("1／5", 0.2)])
def test_judgements_typed_as_numbers_or_fractions(text, value):
    assert ahp.parse_judgement(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "0", "-2", "10", "1/10", "abc", "1/0"])
def test_bad_judgements_are_refused(text):
    with pytest.raises(ModelError):
        ahp.parse_judgement(text)


def test_ties_share_a_rank():
    assert competition_ranks([4.0, 3.5, 3.5, 2.0, None]) == [1, 2, 2, 4, None]
    assert normalised([30, 30, 20]) == pytest.approx([37.5, 37.5, 25.0])
    assert normalised([0, 0]) == [50.0, 50.0]


def _screening(voters: int, rule: MissingRule = MissingRule.UNRANKED) -> Screening:
    screening = Screening(name="S", pass_threshold=3.0, missing_rule=rule)
    screening.criteria = [Criterion("Value", weight=50), Criterion("Feasibility", weight=30),
                          Criterion("Cost", weight=20)]
    screening.voters = [Voter(f"Group {i + 1}") for i in range(voters)]
    screening.concepts = [Concept(f"C{i}") for i in range(4)]
    return screening


def _score(screening, concept, criterion, voter, value):
    score = Score(screening.concepts[concept].id, screening.criteria[criterion].id,
                  screening.voters[voter].id, value)
    screening.scores[score.id] = score


def test_weighted_totals_by_hand_with_one_voter_and_a_tie():
    screening = _screening(1)
    table = [[5, 4, 3], [4, 4, 4], [4, 4, 4], [1, 2, 2]]
    for c, row in enumerate(table):
        for k, value in enumerate(row):
            _score(screening, c, k, 0, value)
    result = evaluate(screening)
    totals = [r.total for r in result.concepts]
    assert totals == pytest.approx([0.5 * 5 + 0.3 * 4 + 0.2 * 3, 4.0, 4.0, 0.5 + 0.6 + 0.4])
    assert [r.rank for r in result.concepts] == [1, 2, 2, 4]
    assert [r.passed for r in result.concepts] == [True, True, True, False]


def test_missing_scores_under_each_rule():
    for rule in MissingRule:
        screening = _screening(2, rule)
        for c in range(4):
            for k in range(3):
                for v in range(2):
                    if not (c == 0 and k == 0 and v == 1):  # one score missing
                        _score(screening, c, k, v, 3 + (c % 2))
        first = evaluate(screening).concepts[0]
        assert first.missing == 1
        if rule is MissingRule.UNRANKED:
            assert first.total is None and first.rank is None and not first.passed
        else:
            assert first.total == pytest.approx(3.0) and first.rank is not None


def test_thirty_voters_and_ahp_weights():
    screening = _screening(30)
    screening.weight_source = WeightSource.AHP
    ids = [c.id for c in screening.criteria]
    for (i, j), value in {(0, 1): 3, (0, 2): 5, (1, 2): 2}.items():
        judgement = Comparison(ids[i], ids[j], value)
        screening.comparisons[judgement.id] = judgement
    rng = random.Random(7)
    for c in range(4):
        for k in range(3):
            for v in range(30):
                _score(screening, c, k, v, rng.randint(1, 5))
    result = evaluate(screening)
    assert result.weights_complete and result.ahp is not None
    assert sum(result.weights) == pytest.approx(1.0)
    assert all(r.rank is not None for r in result.concepts)


def test_dots_stay_within_each_voters_budget():
    project = factory.new_project("Dots", [factory.new_map("m", ["a"])])
    screening = _screening(1)
    screening.dots_per_voter = 3
    ops.Add("screening", (), screening).apply(project)
    screening = project.screenings[0]
    voter = screening.voters[0].id
    ops.Add("dot_vote", (screening.id,), DotVote(screening.concepts[0].id, voter, 2)).apply(project)
    with pytest.raises(ModelError, match="1 are left"):
        ops.Add("dot_vote", (screening.id,), DotVote(screening.concepts[1].id, voter, 2)).apply(project)
    vote = next(iter(screening.dot_votes))
    with pytest.raises(ModelError):
        ops.Update("dot_vote", (screening.id,), vote, {"dots": 4}).apply(project)
    ops.Update("dot_vote", (screening.id,), vote, {"dots": 3}).apply(project)
    assert evaluate(screening).dots[screening.concepts[0].id] == 3

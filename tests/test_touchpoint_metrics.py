"""CSAT, CES, NPS, KPI changes, the IPA quadrants and the moments of truth against values
worked out by hand, with the edge cases: no answers, all detractors, one respondent, ties at
the IPA means."""

from __future__ import annotations

import pytest

from blueprint_studio.analysis import ipa, metrics, moments
from blueprint_studio.analysis.emotion import moment_of_truth_candidates
from blueprint_studio.analysis.ipa import Quadrant
from blueprint_studio.analysis.metrics import MetricValue, Verdict
from blueprint_studio.model import Card, LaneKind, factory
from blueprint_studio.model import operations as ops
from blueprint_studio.model.touchpoints import (
    Kpi, Lever, Metric, MomentStatus, Phase, add_counts, update_moment, update_rating,
)


# -- the formulas ------------------------------------------------------------------------

def test_csat_is_the_share_of_fours_and_fives():
    # 2×1, 1×2, 3×3, 4×4, 2×5: 12 answers, 6 of them 4 or 5 -> 50 %
    assert metrics.csat({1: 2, 2: 1, 3: 3, 4: 4, 5: 2}) == MetricValue(50.0, 12)
    assert metrics.csat({4: 1, 5: 2}) == MetricValue(100.0, 3)
    assert metrics.csat({1: 1, 2: 2}) == MetricValue(0.0, 3)  # data, and none satisfied: 0
    assert metrics.csat({3: 2, 4: 1}).value == pytest.approx(100 / 3)


def test_ces_is_the_mean_answer():
    # (1×1 + 4×2 + 7×3) / 6 = 30 / 6 = 5
    assert metrics.ces({1: 1, 4: 2, 7: 3}) == MetricValue(5.0, 6)
    assert metrics.ces({2: 1, 3: 1}) == MetricValue(2.5, 2)


def test_nps_is_promoters_minus_detractors():
    # 10 answers: promoters 9, 10, 10, 9 (4), passives 7, 8 (2), detractors 0, 3, 6, 6 (4): 0
    counts = {0: 1, 3: 1, 6: 2, 7: 1, 8: 1, 9: 2, 10: 2}
    assert metrics.nps(counts) == MetricValue(0.0, 10)
    # 8 answers: 5 promoters, 2 passives, 1 detractor -> 62.5 − 12.5 = 50
    assert metrics.nps({10: 3, 9: 2, 8: 2, 2: 1}) == MetricValue(50.0, 8)
    assert metrics.nps({0: 3, 5: 4, 6: 1}) == MetricValue(-100.0, 8)  # all detractors
    assert metrics.nps({9: 1, 10: 4}) == MetricValue(100.0, 5)
    assert metrics.nps({7: 2, 8: 3}) == MetricValue(0.0, 5)  # passives only: 0, with data


@pytest.mark.parametrize("formula", [metrics.csat, metrics.ces, metrics.nps, metrics.mean])
def test_no_answers_have_no_value_never_zero(formula):
    assert formula({}) == MetricValue(None, 0)
    assert formula({4: 0, 5: 0}) == MetricValue(None, 0)


def test_one_respondent():
    assert metrics.csat({5: 1}) == MetricValue(100.0, 1)
    assert metrics.csat({3: 1}) == MetricValue(0.0, 1)
    assert metrics.ces({6: 1}) == MetricValue(6.0, 1)
    assert metrics.nps({8: 1}) == MetricValue(0.0, 1)
    assert metrics.nps({6: 1}) == MetricValue(-100.0, 1)


def test_a_change_needs_both_phases():
    assert metrics.change(MetricValue(40.0, 10), MetricValue(65.0, 8)) == 25.0
    assert metrics.change(MetricValue(None, 0), MetricValue(65.0, 8)) is None
    assert metrics.change(MetricValue(40.0, 10), MetricValue(None, 0)) is None


@pytest.mark.parametrize("before, after, higher, difference, percent, verdict", [
    (12.0, 4.0, False, -8.0, -200 / 3, Verdict.BETTER),  # response time down: better
    (12.0, 4.0, True, -8.0, -200 / 3, Verdict.WORSE),
    (60.0, 75.0, True, 15.0, 25.0, Verdict.BETTER),  # first-contact resolution up
    (5.0, 5.0, True, 0.0, 0.0, Verdict.SAME),
    (0.0, 3.0, True, 3.0, None, Verdict.BETTER),  # no % of nothing
    (-2.0, -1.0, True, 1.0, 50.0, Verdict.BETTER),
    (None, 3.0, True, None, None, None),
])
def test_a_kpi_change_and_whether_it_is_better(before, after, higher, difference, percent, verdict):
    change = metrics.kpi_change(Kpi("c", "x", "", before, after, higher))
    assert change.difference == difference and change.verdict == verdict
    assert change.percent == (pytest.approx(percent) if percent is not None else None)


def test_values_are_shown_with_their_unit_and_sign():
    assert metrics.shown_number(Metric.CSAT, 50.0) == "50 %"
    assert metrics.shown_number(Metric.CSAT, 100 / 3) == "33.3 %"
    assert metrics.shown_number(Metric.NPS, 50.0) == "+50"
    assert metrics.shown_number(Metric.NPS, -100.0) == "-100"
    assert metrics.shown_number(Metric.NPS, 0.0) == "0"
    assert metrics.shown_number(Metric.CES, 5.0) == "5"
    assert metrics.shown_number(Metric.CES, 4.666666) == "4.67"
    assert metrics.shown_number(Metric.CSAT, None) is None
    assert metrics.shown_change(Metric.NPS, 25.0) == "+25"
    assert metrics.shown_change(Metric.CES, -0.5) == "-0.5"
    assert metrics.shown_change(Metric.CSAT, 0.0) == "±0"
    assert metrics.shown_kpi(1234.5, "min") == "1,234.5 min" and metrics.shown_kpi(None) == "—"


# -- a card's metrics on a map ----------------------------------------------------------

def _map(*cards: tuple[str, str, int | None, bool]):
    """A map with one stage per card: (text, lane kind, emotion, fail point)."""
    service_map = factory.new_map("Journey", [f"S{i}" for i in range(max(1, len(cards)))])
    project = factory.new_project("p", [service_map])
    lanes = {lane.kind: lane for lane in service_map.lanes}
    for index, (text, lane, emotion, fail) in enumerate(cards):
        ops.AddCard(service_map.id, Card(service_map.stages[index].id, lanes[LaneKind(lane)].id,
                                         text=text, emotion=emotion, fail_point=fail)).apply(project)
    ids = {card.text: card.id for card in service_map.cards.values()}
    return project, service_map, ids


def test_a_card_shows_its_latest_phase_and_the_change_from_before_to_after():
    project, service_map, ids = _map(("Check in", "customer", None, False))
    card = ids["Check in"]
    ops.Batch(add_counts(service_map, card, "csat", Phase.BEFORE, {2: 3, 4: 1})
              + add_counts(service_map, card, "csat", Phase.AFTER, {4: 3, 5: 1})).apply(project)
    found = metrics.card_metric(service_map, card, Metric.CSAT)
    assert found.shown == MetricValue(100.0, 4) and found.phase is Phase.AFTER
    assert found.before == MetricValue(25.0, 4) and found.change == 75.0
    nothing = metrics.card_metric(service_map, card, Metric.NPS)
    assert nothing.shown == MetricValue(None, 0) and not nothing.has_data
    ops.Batch(add_counts(service_map, card, "ces", None, {5: 2})).apply(project)
    assert metrics.card_metric(service_map, card, Metric.CES).phase is None
    assert metrics.card_metric(service_map, card, Metric.CES).change is None


# -- importance–performance ---------------------------------------------------------------

def test_the_quadrants_are_split_at_the_means_with_the_four_labels():
    # importance mean (5 + 4 + 2 + 1) / 4 = 3, performance mean (2 + 5 + 1 + 4) / 4 = 3
    result = ipa.analyse([("a", 5, 2), ("b", 4, 5), ("c", 2, 1), ("d", 1, 4)])
    assert (result.importance_mean, result.performance_mean) == (3, 3)
    assert [p.quadrant for p in result.points] == [
        Quadrant.CONCENTRATE_HERE, Quadrant.KEEP_UP_THE_GOOD_WORK, Quadrant.LOW_PRIORITY,
        Quadrant.POSSIBLE_OVERKILL]
    assert [ipa.QUADRANT_LABELS[q] for q in Quadrant] == [
        "Concentrate here", "Keep up the good work", "Low priority", "Possible overkill"]
    from blueprint_studio.i18n import tr
    assert [tr(ipa.QUADRANT_LABELS[q], "zh") for q in Quadrant] == ["重点改进", "继续保持", "低优先级", "过度投入"]


def test_a_value_at_the_mean_counts_as_high():
    # means 3 and 3: (3, 3) sits on both -> important and performing well
    result = ipa.analyse([("on both", 3, 3), ("a", 5, 1), ("b", 1, 5)])
    assert [p.quadrant for p in result.points] == [
        Quadrant.KEEP_UP_THE_GOOD_WORK, Quadrant.CONCENTRATE_HERE, Quadrant.POSSIBLE_OVERKILL]
    # importance at the mean, performance below: concentrate here
    result = ipa.analyse([("x", 3, 2), ("y", 2, 4), ("z", 4, 3)])
    assert result.points[0].quadrant is Quadrant.CONCENTRATE_HERE
    # means that float arithmetic rounds (0.1 + 0.2 …) still tie
    result = ipa.analyse([("p", 1.1, 2.2), ("q", 1.2, 2.1), ("r", 1.15, 2.15)])
    assert result.points[2].quadrant is Quadrant.KEEP_UP_THE_GOOD_WORK


def test_one_rated_touchpoint_or_none():
    assert ipa.analyse([("only", 2, 4)]).points[0].quadrant is Quadrant.KEEP_UP_THE_GOOD_WORK
    assert ipa.analyse([]) == ipa.IpaResult((), None, None)


def test_an_entered_rating_wins_over_the_mean_of_the_answers():
    project, service_map, ids = _map(("A", "customer", None, False), ("B", "frontstage", None, False),
                                     ("C", "frontstage", None, False))
    a, b, c = ids["A"], ids["B"], ids["C"]
    ops.Batch(add_counts(service_map, a, "importance", None, {5: 2, 4: 2})
              + add_counts(service_map, a, "performance", None, {2: 1, 3: 1})
              + add_counts(service_map, b, "importance", None, {2: 1})).apply(project)
    update_rating(service_map, b, {"performance": 4.0}).apply(project)
    update_rating(service_map, c, {"importance": 3.0}).apply(project)  # no performance: unplaced
    rated = {r.card_id: r for r in ipa.map_ratings(service_map)}
    assert (rated[a].importance, rated[a].importance_n, rated[a].performance) == (4.5, 4, 2.5)
    assert rated[b].performance_entered and rated[b].performance == 4.0
    result = ipa.map_ipa(service_map)
    assert [p.card_id for p in result.points] == [a, b]  # C has no performance
    assert result.importance_mean == pytest.approx(3.25)
    assert [p.quadrant for p in result.points] == [Quadrant.CONCENTRATE_HERE, Quadrant.POSSIBLE_OVERKILL]
    update_rating(service_map, a, {"performance": 5.0}).apply(project)  # typed: wins
    assert ipa.card_rating(service_map, a).performance == 5.0


# -- moments of truth ---------------------------------------------------------------------

def _journey():
    return _map(("Search", "customer", 1, False), ("Wait in line", "customer", -2, False),
                ("Server crash", "backstage", None, True), ("Wrong bill", "frontstage", None, True),
                ("Great room", "customer", 2, False), ("Check out", "customer", 0, False))


def test_candidates_come_from_the_curve_and_customer_facing_fail_points_with_reasons():
    _project, service_map, ids = _journey()
    found = moments.candidates(service_map)
    assert list(found) == [ids["Wait in line"], ids["Wrong bill"], ids["Great room"], ids["Check out"]]
    assert [r.text() for r in found[ids["Wait in line"]]] == ["The lowest point of the emotion curve (-2)"]
    assert [r.text("zh") for r in found[ids["Great room"]]] == ["情绪曲线的峰值（+2）"]
    assert [r.text() for r in found[ids["Check out"]]] == ["The end of the journey (peak–end rule)"]
    assert [r.text() for r in found[ids["Wrong bill"]]] == ["A fail point on a customer-facing step"]
    assert ids["Server crash"] not in found  # backstage: not customer-facing
    # the old entry point still answers with the curve's cards, in reading order
    assert moment_of_truth_candidates(service_map) == [ids["Wait in line"], ids["Great room"],
                                                       ids["Check out"]]


def test_decisions_merge_with_candidates_dismissed_stay_dismissed_confirmed_rank_by_importance():
    project, service_map, ids = _journey()
    ops.Batch(moments.decide(service_map, ids["Wait in line"], MomentStatus.DISMISSED)).apply(project)
    ops.Batch(moments.decide(service_map, ids["Check out"], MomentStatus.CONFIRMED)).apply(project)
    ops.Batch(moments.decide(service_map, ids["Search"], MomentStatus.CONFIRMED)).apply(project)
    update_moment(service_map, ids["Search"], {"importance": 5, "lever": Lever.STAFF_TRAINING}).apply(project)
    update_moment(service_map, ids["Check out"], {"importance": 3, "lever": Lever.OWN,
                                                  "lever_text": "Express checkout"}).apply(project)
    ranked = moments.moments_of_truth(service_map)
    assert [(m.card_id, m.status) for m in ranked] == [
        (ids["Search"], MomentStatus.CONFIRMED), (ids["Check out"], MomentStatus.CONFIRMED),
        (ids["Wrong bill"], MomentStatus.PROPOSED), (ids["Great room"], MomentStatus.PROPOSED)]
    assert ranked[0].reason_text() == "Chosen by the user" and ranked[0].lever_name("zh") == "员工培训"
    assert ranked[1].lever_name() == "Express checkout"
    assert service_map.cards[ids["Search"]].moment_of_truth  # the canvas mark follows
    # the curve changes: the dismissed card is still the lowest point, and still not proposed
    ops.UpdateCard(service_map.id, ids["Wait in line"], {"emotion": -2}).apply(project)
    assert ids["Wait in line"] not in [m.card_id for m in moments.moments_of_truth(service_map)]
    everything = moments.moments_of_truth(service_map, include_dismissed=True)
    assert everything[-1].card_id == ids["Wait in line"] and everything[-1].status is MomentStatus.DISMISSED
    assert not service_map.cards[ids["Wait in line"]].moment_of_truth


def test_a_card_marked_on_the_canvas_counts_as_confirmed():
    project, service_map, ids = _map(("Only", "backstage", None, False))
    ops.UpdateCard(service_map.id, ids["Only"], {"moment_of_truth": True}).apply(project)
    [moment] = moments.moments_of_truth(service_map)
    assert moment.status is MomentStatus.CONFIRMED and not moment.decided
    assert moment.reason_text() == "Marked as a moment of truth on the card"


def test_a_map_without_a_curve_or_fail_points_proposes_nothing():
    _project, service_map, _ids = _map(("A", "backstage", None, False))
    assert moments.candidates(service_map) == {} and moments.moments_of_truth(service_map) == []

"""The touchpoint evaluation of the sample PDFs and screenshots: the enterprise training
map's customer steps surveyed before and after the improvements (CSAT, CES, NPS), rated on
importance and performance, two moments of truth confirmed and one candidate dismissed, and
the KPIs the seeds name (activation rate, first-contact resolution, response time)."""

from __future__ import annotations

from ..model import operations as ops
from ..model.entities import Project
from ..model.enums import LaneKind
from ..model.touchpoints import Kpi, Lever, MomentStatus, Phase, add_counts, update_moment, update_rating

# Per customer step in reading order: CSAT counts before/after, CES, NPS, importance, performance.
SURVEY = (
    {"csat": ({2: 4, 3: 6, 4: 8, 5: 2}, {3: 3, 4: 10, 5: 7}), "ces": {4: 5, 5: 9, 6: 6},
     "importance": {3: 8, 4: 9, 5: 3}, "performance": {3: 6, 4: 10, 5: 4}},
    {"csat": ({1: 3, 2: 7, 3: 6, 4: 4}, {2: 2, 3: 5, 4: 9, 5: 4}), "ces": {2: 6, 3: 8, 4: 6},
     "importance": {2: 7, 3: 9, 4: 4}, "performance": {2: 8, 3: 9, 4: 3}},
    {"csat": ({3: 5, 4: 9, 5: 6}, None), "nps": {6: 3, 7: 4, 8: 5, 9: 5, 10: 3},
     "importance": {4: 6, 5: 14}, "performance": {3: 5, 4: 11, 5: 4}},
    {"csat": ({1: 6, 2: 8, 3: 4, 4: 2}, {2: 4, 3: 6, 4: 7, 5: 3}),
     "nps": {2: 3, 4: 4, 5: 5, 6: 4, 7: 2, 9: 2},
     "importance": {4: 8, 5: 12}, "performance": {1: 6, 2: 10, 3: 4}},
)
KPIS = {
    "zh": (("账号激活率", "%", 42, 78, True), ("首次解决率", "%", 55, 81, True),
           ("问题响应时间", "分钟", 45, 12, False)),
    "en": (("Account activation rate", "%", 42, 78, True), ("First-contact resolution", "%", 55, 81, True),
           ("Response time", "min", 45, 12, False)),
}
NOTES = {
    "zh": ("课堂是体验的峰值：保证动手练习和演示账号可用", "课后回顾是终点也是最低点：跟进答疑、规范手册",
           "演示环境已由技术部门解决"),
    "en": ("The classroom is the peak: keep the hands-on practice and demo accounts working",
           "The review is both the end and the lowest point: follow-up Q&A and usage guidelines",
           "The demo environment was fixed by IT"),
}


def add_sample_evaluation(project: Project, lang: str = "en") -> None:
    """Fill the project's first map with the sample evaluation (through the operations)."""
    service_map = project.maps[0]
    customer = {lane.id for lane in service_map.lanes if lane.kind is LaneKind.CUSTOMER}
    steps = [c for c in service_map.cards_in_reading_order() if c.lane_id in customer]
    operations: list = []
    for card, survey in zip(steps, SURVEY):
        before, after = survey["csat"]
        operations += add_counts(service_map, card.id, "csat", Phase.BEFORE, before)
        if after:
            operations += add_counts(service_map, card.id, "csat", Phase.AFTER, after)
        for metric in ("ces", "nps", "importance", "performance"):
            if metric in survey:
                operations += add_counts(service_map, card.id, metric, None, survey[metric])
    ops.Batch(operations).apply(project)
    from ..analysis.moments import decide

    training, review = steps[2], steps[3]
    notes = NOTES[lang]
    for card, importance, lever, note in ((training, 4, Lever.TECHNOLOGY_SUPPORT, notes[0]),
                                          (review, 5, Lever.PROCESS_IMPROVEMENT, notes[1])):
        ops.Batch(decide(service_map, card.id, MomentStatus.CONFIRMED)).apply(project)
        update_moment(service_map, card.id, {"importance": importance, "lever": lever,
                                             "note": note}).apply(project)
    demo = next((c for c in service_map.cards_in_reading_order() if c.fail_point), None)
    if demo is not None:
        ops.Batch(decide(service_map, demo.id, MomentStatus.DISMISSED)).apply(project)
        update_moment(service_map, demo.id, {"note": notes[2]}).apply(project)
    update_rating(service_map, steps[1].id, {"importance": 2.5}).apply(project)
    for (name, unit, before, after, higher), card in zip(KPIS[lang], (training, review, review)):
        ops.Add("kpi", (service_map.id,), Kpi(card.id, name, unit, before, after, higher)).apply(project)

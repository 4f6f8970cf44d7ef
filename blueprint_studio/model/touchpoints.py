"""Touchpoint evaluation (issue 11): moments of truth, survey results, IPA ratings and KPIs.

The entities and their kinds; the maths (CSAT, CES, NPS, the IPA quadrants, the candidates
for moments of truth) lives in `analysis.metrics`, `analysis.ipa` and `analysis.moments`
as pure functions. Every entity here lies on a map and points at one card of it
(`card_id`): removing the card removes what was recorded about it.

- `MomentDecision` (kind "moment"): what the user decided about a card as a moment of
  truth / 关键时刻 — proposed, confirmed or dismissed (a dismissed card is not proposed
  again), its importance (1–5), the improvement lever and a note. One per card.
- `AnswerCount` (kind "answer_count"): how many respondents gave one answer (`score`) to
  one question (`metric`: CSAT 1–5, CES 1–7, NPS 0–10, importance 1–5, performance 1–5)
  about one card, in one phase (before or after an improvement, or none). Raw survey
  responses are imported as these counts (`interchange.metrics_csv`).
- `Rating` (kind "rating"): importance and performance (1–5) entered directly for a card,
  for the importance–performance chart. An entered value is the card's rating; without
  one, the mean of its importance or performance answers is.
- `Kpi` (kind "kpi"): a named indicator with a before and an after value, and whether
  higher or lower is better (response time, first-contact resolution, activation rate…).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from . import fields as f
from . import limits
from .errors import ModelError, Phrase
from .ids import new_id
from .kind import Kind

SINCE = 3  # the JSON format version that introduced these sections


class MomentStatus(str, Enum):
    PROPOSED = "proposed"  # a candidate the user has not decided on yet
    CONFIRMED = "confirmed"  # a moment of truth
    DISMISSED = "dismissed"  # not one, and not to be proposed again


class Lever(str, Enum):
    """How a moment of truth is improved (seeds/001: 员工培训, 流程改进, 技术支持)."""

    STAFF_TRAINING = "staff_training"
    PROCESS_IMPROVEMENT = "process_improvement"
    TECHNOLOGY_SUPPORT = "technology_support"
    OWN = "own"  # the user's own lever, in `lever_text`


class Metric(str, Enum):
    CSAT = "csat"  # customer satisfaction / 客户满意度, 1–5
    CES = "ces"  # customer effort score / 客户费力度, 1–7
    NPS = "nps"  # net promoter score / 净推荐值, 0–10
    IMPORTANCE = "importance"  # importance / 重要性, 1–5
    PERFORMANCE = "performance"  # performance / 表现, 1–5


# The answers each question takes, lowest to highest.
SCALES: dict[Metric, tuple[int, int]] = {
    Metric.CSAT: (1, 5), Metric.CES: (1, 7), Metric.NPS: (0, 10),
    Metric.IMPORTANCE: (1, 5), Metric.PERFORMANCE: (1, 5),
}
SURVEY_METRICS = (Metric.CSAT, Metric.CES, Metric.NPS)


class Phase(str, Enum):
    """When a survey was taken, for a before/after comparison; None: no comparison."""

    BEFORE = "before"
    AFTER = "after"


@dataclass(slots=True)
class MomentDecision:
    card_id: str
    status: MomentStatus = MomentStatus.PROPOSED
    importance: int | None = None  # 1–5
    lever: Lever | None = None
    lever_text: str = ""  # the user's own lever (when `lever` is OWN)
    note: str = ""
    id: str = field(default_factory=new_id)


@dataclass(slots=True)
class AnswerCount:
    card_id: str
    metric: Metric = Metric.CSAT
    phase: Phase | None = None
    score: int = 0  # the answer given, within SCALES[metric]
    count: int = 0  # how many respondents gave it
    id: str = field(default_factory=new_id)


@dataclass(slots=True)
class Rating:
    card_id: str
    importance: float | None = None  # 1–5, entered directly
    performance: float | None = None  # 1–5, entered directly
    id: str = field(default_factory=new_id)


@dataclass(slots=True)
class Kpi:
    card_id: str
    name: str = ""
    unit: str = ""  # "min", "%", …: shown after the values
    before: float | None = None
    after: float | None = None
    higher_is_better: bool = True
    id: str = field(default_factory=new_id)


def scale_of(metric: Metric) -> tuple[int, int]:
    return SCALES[Metric(metric)]


def check_answer(answer: AnswerCount) -> None:
    """An answer lies on its question's scale (NPS 0–10, CES 1–7, the others 1–5)."""
    low, high = SCALES[answer.metric]
    if not low <= answer.score <= high:
        raise ModelError("A {metric} answer is from {low} to {high}, not {score}",
                         metric=Phrase(METRIC_NAMES[answer.metric]), low=low, high=high,
                         score=answer.score)


# English names for messages (translated by the i18n catalogues).
METRIC_NAMES: dict[Metric, str] = {
    Metric.CSAT: "CSAT", Metric.CES: "CES", Metric.NPS: "NPS",
    Metric.IMPORTANCE: "importance", Metric.PERFORMANCE: "performance",
}


def _answer_rule(_service_map, answer: AnswerCount) -> None:
    check_answer(answer)


MOMENT = Kind(
    "moment", "moment of truth", MomentDecision,
    (f.ref("card_id", "Card", "card"),
     f.choice("status", "Status", MomentStatus, MomentStatus.PROPOSED),
     f.Field("importance", "int", "Importance", default=None, nullable=True, low=1, high=5),
     f.choice("lever", "Improvement lever", Lever, None, nullable=True),
     f.text("lever_text", "Own lever"), f.text("note", "Note", limits.NOTES)),
    parent="map", attribute="moments", table="moments", json_section="moments_of_truth",
    unique_together=("card_id",), unique_message="This card has a moment-of-truth decision already",
    at_most=limits.CARDS_PER_MAP, since=SINCE,
)
ANSWER_COUNT = Kind(
    "answer_count", "answer count", AnswerCount,
    (f.ref("card_id", "Card", "card"),
     f.choice("metric", "Question", Metric, Metric.CSAT, editable=False),
     f.choice("phase", "Survey phase", Phase, None, nullable=True, editable=False),
     f.Field("score", "int", "Answer", default=0, low=0, high=10, editable=False),
     f.Field("count", "int", "Respondents", default=0, low=0, high=limits.RESPONDENTS)),
    parent="map", attribute="answer_counts", table="answer_counts", json_section="answer_counts",
    unique_together=("card_id", "metric", "phase", "score"),
    unique_message="This answer is counted for this card already",
    at_most=limits.ANSWER_COUNTS_PER_MAP, rule=_answer_rule, rule_is_own=True, since=SINCE,
)
RATING = Kind(
    "rating", "importance–performance rating", Rating,
    (f.ref("card_id", "Card", "card"),
     f.Field("importance", "float", "Importance", default=None, nullable=True, low=1, high=5),
     f.Field("performance", "float", "Performance", default=None, nullable=True, low=1, high=5)),
    parent="map", attribute="ratings", table="ratings", json_section="ratings",
    unique_together=("card_id",), unique_message="This card has a rating already",
    at_most=limits.CARDS_PER_MAP, since=SINCE,
)
KPI = Kind(
    "kpi", "KPI", Kpi,
    (f.ref("card_id", "Card", "card"), f.text("name", "KPI"), f.text("unit", "Unit"),
     f.Field("before", "float", "Before", default=None, nullable=True, low=-limits.KPI_VALUE,
             high=limits.KPI_VALUE),
     f.Field("after", "float", "After", default=None, nullable=True, low=-limits.KPI_VALUE,
             high=limits.KPI_VALUE),
     f.flag("higher_is_better", "Higher is better", True)),
    parent="map", attribute="kpis", table="kpis", json_section="kpis", ordered=True,
    at_most=limits.KPIS_PER_MAP, since=SINCE,
)

# Registered after the map's own kinds (they point at cards).
TOUCHPOINT_KINDS = (MOMENT, ANSWER_COUNT, RATING, KPI)


# -- look-ups and edits ------------------------------------------------------------------

def moment_of(service_map, card_id: str) -> MomentDecision | None:
    return next((m for m in service_map.moments.values() if m.card_id == card_id), None)


def rating_of(service_map, card_id: str) -> Rating | None:
    return next((r for r in service_map.ratings.values() if r.card_id == card_id), None)


def answers_of(service_map, card_id: str) -> list[AnswerCount]:
    return [a for a in service_map.answer_counts.values() if a.card_id == card_id]


def kpis_of(service_map, card_id: str) -> list[Kpi]:
    return [k for k in service_map.kpis if k.card_id == card_id]


def find_answer(service_map, card_id: str, metric: Metric, phase: Phase | None,
                score: int) -> AnswerCount | None:
    for answer in service_map.answer_counts.values():
        if (answer.card_id == card_id and answer.metric is metric and answer.phase == phase
                and answer.score == score):
            return answer
    return None


def set_count(service_map, card_id: str, metric: Metric, phase: Phase | None, score: int,
              count: int):
    """The operation that makes `count` respondents have given `score`: an Add, an
    Update, a Remove (a count of 0 is no row), or None when it is so already."""
    from .operations import Add, Remove, Update

    metric = Metric(metric)
    phase = Phase(phase) if phase is not None else None
    existing = find_answer(service_map, card_id, metric, phase, score)
    scope = (service_map.id,)
    if count == 0:
        return Remove("answer_count", scope, existing.id) if existing is not None else None
    if existing is None:
        return Add("answer_count", scope, AnswerCount(card_id=card_id, metric=metric, phase=phase,
                                                      score=score, count=count))
    if existing.count == count:
        return None
    return Update("answer_count", scope, existing.id, {"count": count})


def add_counts(service_map, card_id: str, metric: Metric, phase: Phase | None,
               counts: dict[int, int]) -> list:
    """The operations that add `counts` (answer → respondents) to what a card has."""
    operations = []
    for score, more in sorted(counts.items()):
        existing = find_answer(service_map, card_id, Metric(metric), phase, score)
        operation = set_count(service_map, card_id, metric, phase, score,
                              (existing.count if existing else 0) + more)
        if operation is not None:
            operations.append(operation)
    return operations


def update_moment(service_map, card_id: str, changes: dict):
    """The operation that records `changes` to a card's moment-of-truth decision (an Add
    of a new decision when it has none), or None when nothing changes."""
    from .operations import Add, Update

    existing = moment_of(service_map, card_id)
    scope = (service_map.id,)
    if existing is None:
        return Add("moment", scope, MomentDecision(card_id=card_id, **changes))
    changed = {name: value for name, value in changes.items() if getattr(existing, name) != value}
    return Update("moment", scope, existing.id, changed) if changed else None


def update_rating(service_map, card_id: str, changes: dict):
    """The operation that sets a card's entered importance or performance (an Add when it
    has no rating; a Remove when both become empty), or None when nothing changes."""
    from .operations import Add, Remove, Update

    existing = rating_of(service_map, card_id)
    scope = (service_map.id,)
    if existing is None:
        if all(value is None for value in changes.values()):
            return None
        return Add("rating", scope, Rating(card_id=card_id, **changes))
    merged = {"importance": existing.importance, "performance": existing.performance, **changes}
    if merged["importance"] is None and merged["performance"] is None:
        return Remove("rating", scope, existing.id)
    changed = {name: value for name, value in changes.items() if getattr(existing, name) != value}
    return Update("rating", scope, existing.id, changed) if changed else None

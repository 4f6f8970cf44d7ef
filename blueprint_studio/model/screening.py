"""Concept screening (workshop blocks 4 and 5): from brainstormed ideas to chosen concepts.

The entities and their kinds; the maths (AHP weights, weighted totals, ranks) lives in
`analysis.ahp` and `analysis.screening` as pure functions. See docs/screening.md.

- A brainstorming round (`Brainstorm`) holds ideas typed fast, one per line; an idea may
  name the cards it comes from or addresses (`card_refs`: "map_id/card_id" lines).
- A screening holds criteria (with weights in percent), pairwise AHP judgements between
  criteria, voters (people or groups), concepts, each voter's 1–5 score per concept and
  criterion, dot votes, and, for chosen concepts, the solidification table's fields and a
  user test sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from . import fields as f
from . import limits
from .errors import ModelError
from .ids import new_id
from .kind import Kind


class Technique(str, Enum):
    BRAINSTORMING = "brainstorming"  # N rounds of brainstorming / N次头脑风暴
    CROSS_INDUSTRY = "cross_industry"  # cross-industry thinking / 跨界思考
    OTHER = "other"


class MissingRule(str, Enum):
    """What a missing score does to a concept's total (stated on screen and in print)."""

    UNRANKED = "unranked"  # not ranked until every voter scored every criterion
    AVERAGE = "average"  # averaged over the voters who scored (a criterion nobody scored: unranked)


class WeightSource(str, Enum):
    DIRECT = "direct"  # typed in percent
    AHP = "ahp"  # from the pairwise comparisons


@dataclass(slots=True)
class Idea:
    title: str = ""
    description: str = ""
    card_refs: str = ""  # "map_id/card_id" per line: the cards it comes from or addresses
    id: str = field(default_factory=new_id)


@dataclass(slots=True)
class Brainstorm:
    name: str = ""
    technique: Technique = Technique.BRAINSTORMING
    notes: str = ""
    ideas: list[Idea] = field(default_factory=list)
    id: str = field(default_factory=new_id)


@dataclass(slots=True)
class Criterion:
    name: str = ""
    description: str = ""
    weight: float = 0.0  # percent; the criteria of a screening sum to 100 when complete
    id: str = field(default_factory=new_id)


@dataclass(slots=True)
class Comparison:
    """How much more important criterion `first_id` is than `second_id` (Saaty 1/9 … 9)."""

    first_id: str
    second_id: str
    value: float = 1.0
    id: str = field(default_factory=new_id)


@dataclass(slots=True)
class Voter:
    name: str = ""
    id: str = field(default_factory=new_id)


@dataclass(slots=True)
class Concept:
    title: str = ""
    description: str = ""
    idea_id: str = ""  # the idea it grew from, if any
    chosen: bool = False  # goes on to the solidification table and a user test
    # The concept solidification table / 概念固化表
    target_persona: str = ""
    problem: str = ""
    solution: str = ""
    card_refs: str = ""  # "map_id/card_id" per line: the touchpoints and MOT it changes
    resources: str = ""
    success_kpi: str = ""
    # The user test sheet / 用户测试表
    hypothesis: str = ""
    test_method: str = ""
    participants: str = ""
    tasks: str = ""
    success_measure: str = ""
    result: str = ""
    next_step: str = ""
    id: str = field(default_factory=new_id)


@dataclass(slots=True)
class Score:
    concept_id: str
    criterion_id: str
    voter_id: str
    value: int = 3
    id: str = field(default_factory=new_id)


@dataclass(slots=True)
class DotVote:
    concept_id: str
    voter_id: str
    dots: int = 1
    id: str = field(default_factory=new_id)


@dataclass(slots=True)
class Screening:
    name: str = ""
    pass_threshold: float = 3.0  # a weighted total (1–5) at or above it passes
    missing_rule: MissingRule = MissingRule.UNRANKED
    weight_source: WeightSource = WeightSource.DIRECT
    dots_per_voter: int = 3
    notes: str = ""
    criteria: list[Criterion] = field(default_factory=list)
    comparisons: dict[str, Comparison] = field(default_factory=dict)
    voters: list[Voter] = field(default_factory=list)
    concepts: list[Concept] = field(default_factory=list)
    scores: dict[str, Score] = field(default_factory=dict)
    dot_votes: dict[str, DotVote] = field(default_factory=dict)
    id: str = field(default_factory=new_id)


def _long(name: str, label: str) -> f.Field:
    return f.text(name, label, limits.NOTES)


BRAINSTORM = Kind(
    "brainstorm", "brainstorming round", Brainstorm,
    (f.text("name", "Name"), f.choice("technique", "Technique", Technique, Technique.BRAINSTORMING),
     _long("notes", "Notes")),
    parent="project", attribute="brainstorms", table="brainstorms", json_section="brainstorms",
    ordered=True, since=2, at_most=limits.MAPS_PER_PROJECT,
)
IDEA = Kind(
    "idea", "idea", Idea,
    (f.text("title", "Title"), _long("description", "Description"), _long("card_refs", "Cards")),
    parent="brainstorm", attribute="ideas", table="ideas", json_section="ideas", ordered=True,
    at_most=limits.IDEAS_PER_ROUND,
)
SCREENING = Kind(
    "screening", "screening", Screening,
    (f.text("name", "Name"),
     f.Field("pass_threshold", "float", "Pass threshold", default=3.0, low=1, high=5),
     f.choice("missing_rule", "Missing scores", MissingRule, MissingRule.UNRANKED),
     f.choice("weight_source", "Weights from", WeightSource, WeightSource.DIRECT),
     f.Field("dots_per_voter", "int", "Dots per voter", default=3, low=1, high=100),
     _long("notes", "Notes")),
    parent="project", attribute="screenings", table="screenings", json_section="screenings",
    ordered=True, since=2, at_most=limits.MAPS_PER_PROJECT,
)
CRITERION = Kind(
    "criterion", "criterion", Criterion,
    (f.text("name", "Name"), _long("description", "Description"),
     f.Field("weight", "float", "Weight (%)", default=0.0, low=0, high=100)),
    parent="screening", attribute="criteria", table="criteria", json_section="criteria",
    ordered=True, at_most=limits.CRITERIA_PER_SCREENING,
)
COMPARISON = Kind(
    "comparison", "comparison", Comparison,
    (f.ref("first_id", "First criterion", "criterion"),
     f.ref("second_id", "Second criterion", "criterion"),
     f.Field("value", "float", "Judgement", default=1.0, low=1 / 9, high=9)),
    parent="screening", attribute="comparisons", table="comparisons", json_section="comparisons",
    unique_together=("first_id", "second_id"), distinct=("first_id", "second_id"),
    unique_message="These criteria are already compared",
    distinct_message="A criterion cannot be compared with itself",
    at_most=limits.CRITERIA_PER_SCREENING * (limits.CRITERIA_PER_SCREENING - 1),
)
VOTER = Kind(
    "voter", "voter", Voter, (f.text("name", "Name"),),
    parent="screening", attribute="voters", table="voters", json_section="voters", ordered=True,
    at_most=limits.VOTERS_PER_SCREENING,
)
CONCEPT = Kind(
    "concept", "concept", Concept,
    (f.text("title", "Title"), _long("description", "Description"),
     f.Field("idea_id", "text", "Idea", default="", max_length=200),
     f.flag("chosen", "Chosen"),
     f.text("target_persona", "Target persona"), _long("problem", "Problem"),
     _long("solution", "Solution"), _long("card_refs", "Touchpoints and moments of truth"),
     _long("resources", "Resources"), _long("success_kpi", "Success KPI"),
     _long("hypothesis", "Hypothesis"), _long("test_method", "Test method"),
     _long("participants", "Participants"), _long("tasks", "Tasks"),
     _long("success_measure", "Success measure"), _long("result", "Result"),
     _long("next_step", "Next step")),
    parent="screening", attribute="concepts", table="concepts", json_section="concepts",
    ordered=True, at_most=limits.CONCEPTS_PER_SCREENING,
)
SCORE = Kind(
    "score", "score", Score,
    (f.ref("concept_id", "Concept", "concept"), f.ref("criterion_id", "Criterion", "criterion"),
     f.ref("voter_id", "Voter", "voter"),
     f.Field("value", "int", "Score", default=3, low=1, high=5)),
    parent="screening", attribute="scores", table="scores", json_section="scores",
    unique_together=("concept_id", "criterion_id", "voter_id"),
    unique_message="This voter has already scored this concept on this criterion",
    at_most=limits.SCORES_PER_SCREENING,
)
def _within_dot_budget(screening: Screening, vote: DotVote) -> None:
    """Each voter has `dots_per_voter` dots to spread over the concepts."""
    used = sum(other.dots for other in screening.dot_votes.values()
               if other.voter_id == vote.voter_id and other.id != vote.id)
    if used + vote.dots > screening.dots_per_voter:
        raise ModelError("A voter has {dots} dots; {left} are left", dots=screening.dots_per_voter,
                         left=max(0, screening.dots_per_voter - used))


DOT_VOTE = Kind(
    "dot_vote", "dot vote", DotVote,
    (f.ref("concept_id", "Concept", "concept"), f.ref("voter_id", "Voter", "voter"),
     f.Field("dots", "int", "Dots", default=1, low=0, high=100)),
    parent="screening", attribute="dot_votes", table="dot_votes", json_section="dot_votes",
    unique_together=("concept_id", "voter_id"),
    unique_message="This voter has already given dots to this concept",
    at_most=limits.CONCEPTS_PER_SCREENING * limits.VOTERS_PER_SCREENING,
    rule=_within_dot_budget,
)

# Parents before children; within a screening, what is pointed at before what points.
SCREENING_KINDS = (BRAINSTORM, IDEA, SCREENING, CRITERION, COMPARISON, VOTER, CONCEPT, SCORE,
                   DOT_VOTE)


def card_ref(map_id: str, card_id: str) -> str:
    """How a concept or an idea names a card: "map_id/card_id" (one per line)."""
    return f"{map_id}/{card_id}"


def concepts_from_cards(project, map_id: str, card_ids: list[str]) -> tuple[list, str]:
    """The operations that turn idea or opportunity cards into concepts of the project's
    screening (the only or first one; a new one when there is none), each concept linked
    to its card; and the id of the screening they go into. One undo step for the window."""
    from .operations import Add  # the model's own operations; imported here to avoid a cycle

    service_map = project.map(map_id)
    cards = [service_map.cards[card_id] for card_id in card_ids if card_id in service_map.cards]
    if not cards:
        raise ModelError("Select the idea cards to turn into concepts")
    operations: list = []
    if project.screenings:
        screening = project.screenings[0]
    else:
        screening = Screening(name=service_map.name)
        operations.append(Add("screening", (), screening))
    taken = {concept.card_refs for concept in screening.concepts}
    for card in cards:
        ref = card_ref(map_id, card.id)
        if ref in taken:
            continue  # already a concept of this screening
        title = " ".join(card.text.split())[:limits.NAME] or "…"
        operations.append(Add("concept", (screening.id,), Concept(
            title=title, description=card.notes, card_refs=ref)))
    if len(operations) == (0 if project.screenings else 1):
        raise ModelError("These cards are concepts of the screening already")
    return operations, screening.id


def link_cards(project, screening_id: str, concept_id: str, map_id: str, card_ids: list[str]):
    """The operation that adds cards to what a concept changes (its touchpoints and moments
    of truth), keeping the ones it names already; None when there is nothing new."""
    from .operations import Update

    screening = next((s for s in project.screenings if s.id == screening_id), None)
    concept = next((c for c in screening.concepts if c.id == concept_id), None) if screening else None
    if concept is None:
        raise ModelError("There is no concept with the id {id}", id=concept_id)
    service_map = project.map(map_id)
    refs = [line for line in concept.card_refs.splitlines() if line.strip()]
    new = [card_ref(map_id, card_id) for card_id in card_ids if card_id in service_map.cards]
    added = [ref for ref in new if ref not in refs]
    if not added:
        return None
    return Update("concept", (screening_id,), concept_id, {"card_refs": "\n".join(refs + added)})

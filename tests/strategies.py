"""Hypothesis strategies for random projects with hostile text, shared by round-trip tests."""

from __future__ import annotations

from hypothesis import strategies as st

from blueprint_studio.model.limits import NAME
from blueprint_studio.model.screening import (
    Brainstorm, Comparison, Concept, Criterion, DotVote, Idea, MissingRule, Score, Screening, Voter,
    WeightSource,
)

from blueprint_studio.model import (
    Card, CardKind, Channel, Connector, Lane, LaneKind, MapKind, Project, ProjectInfo,
    ServiceMap, Stage,
)

# Markup, quotes, formula starters, emoji, CJK, newlines, control characters, long runs
# (as long as any text field may be: model.limits.NAME characters).
HOSTILE_SAMPLES = [
    "<b>bold</b>", "&amp; & <font color=red>", "=SUM(A1:A2)", "+1", "-1", "@cmd", "\ttab",
    "\r\nCRLF", "line1\nline2", "emoji 😀👍🏽", "净推荐值 NPS ✓", "'; DROP TABLE cards; --",
    "\x00nul\x01\x1f", "\\back\\slash", '"quoted",comma;semi', "x" * NAME, "",
]

hostile_text = st.one_of(
    st.sampled_from(HOSTILE_SAMPLES),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60),
)


@st.composite
def service_maps(draw, max_stages: int = 4, max_cards: int = 12) -> ServiceMap:
    stages = [Stage(name=draw(hostile_text), description=draw(hostile_text),
                    phase=draw(hostile_text)) for _ in range(draw(st.integers(1, max_stages)))]
    lanes = [Lane(kind=k) for k in draw(st.lists(st.sampled_from(list(LaneKind)), min_size=1, max_size=6))]
    for lane in lanes:
        if lane.kind is LaneKind.CUSTOM:
            lane.name = draw(hostile_text)
            lane.colour = draw(st.sampled_from(["", "#ff8800", "#00aa55"]))
    service_map = ServiceMap(name=draw(hostile_text), kind=draw(st.sampled_from(list(MapKind))),
                             description=draw(hostile_text), stages=stages, lanes=lanes,
                             show_emotion_curve=draw(st.booleans()))
    cell_counts: dict[tuple[str, str], int] = {}
    for _ in range(draw(st.integers(0, max_cards))):
        stage = draw(st.sampled_from(stages))
        lane = draw(st.sampled_from(lanes))
        order = cell_counts.get((stage.id, lane.id), 0)
        cell_counts[(stage.id, lane.id)] = order + 1
        minutes = st.one_of(st.none(), st.integers(0, 100000).map(float), st.sampled_from([0.5, 12.25]))
        card = Card(
            stage_id=stage.id, lane_id=lane.id, order=order, text=draw(hostile_text),
            kind=draw(st.sampled_from(list(CardKind))),
            channel=draw(st.one_of(st.none(), st.sampled_from(list(Channel)))),
            emotion=draw(st.one_of(st.none(), st.integers(-2, 2))),
            moment_of_truth=draw(st.booleans()), fail_point=draw(st.booleans()),
            wait_minutes=draw(minutes), duration_minutes=draw(minutes),
            owner=draw(hostile_text), notes=draw(hostile_text),
            colour=draw(st.sampled_from(["", "#123abc"])),
        )
        service_map.cards[card.id] = card
    ids = list(service_map.cards)
    if len(ids) >= 2:
        pairs = draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=8))
        for source, target in dict.fromkeys(p for p in pairs if p[0] != p[1]):
            connector = Connector(source, target, draw(hostile_text))
            service_map.connectors[connector.id] = connector
    return service_map


@st.composite
def projects(draw, max_maps: int = 3) -> Project:
    info = ProjectInfo(**{name: draw(hostile_text) for name in
                          ("title", "organisation", "date", "trainer", "group", "notes")})
    return Project(info=info, maps=draw(st.lists(service_maps(), min_size=1, max_size=max_maps)))


@st.composite
def screenings(draw) -> Screening:
    """A concept screening with criteria, judgements, voters, concepts, scores, dots."""
    screening = Screening(name=draw(hostile_text),
                          pass_threshold=draw(st.sampled_from([1.0, 2.5, 3.0, 5.0])),
                          missing_rule=draw(st.sampled_from(list(MissingRule))),
                          weight_source=draw(st.sampled_from(list(WeightSource))),
                          dots_per_voter=draw(st.integers(1, 10)), notes=draw(hostile_text))
    screening.criteria = [Criterion(draw(hostile_text), draw(hostile_text),
                                    draw(st.sampled_from([0.0, 12.5, 100.0])))
                          for _ in range(draw(st.integers(0, 4)))]
    screening.voters = [Voter(draw(hostile_text)) for _ in range(draw(st.integers(0, 3)))]
    screening.concepts = [Concept(title=draw(hostile_text), chosen=draw(st.booleans()),
                                  problem=draw(hostile_text), next_step=draw(hostile_text))
                          for _ in range(draw(st.integers(0, 4)))]
    criteria = screening.criteria
    for first, second in draw(st.lists(st.tuples(st.sampled_from(criteria), st.sampled_from(criteria)),
                                       max_size=6, unique_by=lambda p: (p[0].id, p[1].id))) \
            if criteria else []:
        if first.id != second.id:
            judgement = Comparison(first.id, second.id, draw(st.sampled_from([1 / 9, 1 / 3, 1.0, 5.0, 9.0])))
            screening.comparisons[judgement.id] = judgement
    if criteria and screening.voters and screening.concepts:
        for concept in screening.concepts:
            for criterion in criteria:
                for voter in screening.voters:
                    if draw(st.booleans()):
                        score = Score(concept.id, criterion.id, voter.id, draw(st.integers(1, 5)))
                        screening.scores[score.id] = score
            vote = DotVote(concept.id, screening.voters[0].id, draw(st.integers(0, 5)))
            screening.dot_votes[vote.id] = vote
    return screening


@st.composite
def projects_with_screening(draw) -> Project:
    project = draw(projects(max_maps=2))
    project.screenings = draw(st.lists(screenings(), max_size=2))
    project.brainstorms = [Brainstorm(name=draw(hostile_text),
                                      ideas=[Idea(draw(hostile_text)) for _ in range(draw(st.integers(0, 3)))])
                           for _ in range(draw(st.integers(0, 2)))]
    return project

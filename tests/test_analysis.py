"""Emotion curve and flow analysis on small hand-made maps."""

from blueprint_studio.analysis.emotion import emotion_curve, moment_of_truth_candidates
from blueprint_studio.analysis.flow import critical_path, hand_offs, rework_loops
from blueprint_studio.analysis.gaps import stages_without_customer_action
from blueprint_studio.model import Card, Connector, LaneKind, LineKind, factory


def _map():
    m = factory.new_map("m", ["A", "B", "C", "D"])
    lanes = {lane.kind: lane.id for lane in m.lanes}
    cards = {}
    for name, stage, lane, emotion, minutes in [
        ("c1", 0, LaneKind.CUSTOMER, 1, 10), ("c2", 1, LaneKind.CUSTOMER, -2, 30),
        ("c3", 2, LaneKind.CUSTOMER, 2, 5), ("f1", 0, LaneKind.FRONTSTAGE, None, 15),
        ("s1", 1, LaneKind.SUPPORT, None, 60),
    ]:
        card = Card(stage_id=m.stages[stage].id, lane_id=lanes[lane], text=name,
                    emotion=emotion, duration_minutes=minutes)
        m.cards[card.id] = card
        cards[name] = card.id
    for a, b in [("c1", "f1"), ("f1", "s1"), ("s1", "c2"), ("c2", "c3"), ("c2", "c1")]:
        connector = Connector(cards[a], cards[b])
        m.connectors[connector.id] = connector
    return m, cards


def test_emotion_curve_marks_the_dip_and_peak_end_candidates():
    m, cards = _map()
    curve = emotion_curve(m)
    assert [p.emotion for p in curve] == [1, -2, 2]
    assert [p.is_dip for p in curve] == [False, True, False]
    assert moment_of_truth_candidates(m) == [cards["c2"], cards["c3"]]


def test_hand_offs_name_the_lines_crossed():
    m, cards = _map()
    by_pair = {(m.connectors[h.connector_id].source_id, m.connectors[h.connector_id].target_id):
               h.lines_crossed for h in hand_offs(m)}
    assert by_pair[(cards["c1"], cards["f1"])] == (LineKind.INTERACTION,)
    assert by_pair[(cards["f1"], cards["s1"])] == (LineKind.VISIBILITY, LineKind.INTERNAL_INTERACTION)
    assert (cards["c2"], cards["c3"]) not in by_pair


def test_loops_gaps_and_critical_path():
    m, cards = _map()
    loops = rework_loops(m)
    assert len(loops) == 1 and set(loops[0]) == {cards["c1"], cards["f1"], cards["s1"], cards["c2"]}
    assert stages_without_customer_action(m) == [m.stages[3].id]
    path = critical_path(m)
    assert path.from_first_to_last
    assert path.cards == (cards["c1"], cards["f1"], cards["s1"], cards["c2"], cards["c3"])
    assert path.minutes == 10 + 15 + 60 + 30 + 5  # one pass
    assert [(set(loop.cards), loop.minutes_per_pass) for loop in path.loops] == [
        ({cards["c1"], cards["f1"], cards["s1"], cards["c2"]}, 10 + 15 + 60 + 30)]


def test_stage_emotions_summarise_the_curve_per_stage_for_paper():
    """Paper and screen show the same curve: the customer's scores, not the staff lanes'."""
    from blueprint_studio.analysis.emotion import stage_emotions

    m, cards = _map()
    backstage = next(lane.id for lane in m.lanes if lane.kind is LaneKind.BACKSTAGE)
    staff = Card(stage_id=m.stages[0].id, lane_id=backstage, text="tired staff", emotion=-2)
    m.cards[staff.id] = staff
    second = Card(stage_id=m.stages[2].id, lane_id=m.cards[cards["c3"]].lane_id, order=1,
                  text="c4", emotion=-1)
    m.cards[second.id] = second
    assert stage_emotions(m) == [1.0, -2.0, 0.5, None]

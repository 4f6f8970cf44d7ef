"""The findings of a map on small crafted maps whose answers are worked out by hand."""

from __future__ import annotations

from blueprint_studio.analysis.findings import map_findings
from blueprint_studio.analysis.flow import critical_path
from blueprint_studio.analysis.gaps import GapRule, find_gaps
from blueprint_studio.model import Card, CardKind, Connector, LaneKind, LineKind, factory


class Draft:
    """A map built by name: cards placed by (stage index, lane kind)."""

    def __init__(self, stages: int = 3) -> None:
        self.map = factory.new_map("m", [f"S{i}" for i in range(stages)])
        self.lanes = {lane.kind: lane.id for lane in self.map.lanes}
        self.ids: dict[str, str] = {}

    def card(self, name: str, stage: int, lane: LaneKind, minutes: float | None = None,
             wait: float | None = None, **fields) -> str:
        card = Card(stage_id=self.map.stages[stage].id, lane_id=self.lanes[lane], text=name,
                    order=sum(1 for c in self.map.cards.values() if c.stage_id == self.map.stages[stage].id
                              and c.lane_id == self.lanes[lane]),
                    duration_minutes=minutes, wait_minutes=wait, **fields)
        self.map.cards[card.id] = card
        self.ids[name] = card.id
        return card.id

    def arrow(self, *names: str) -> None:
        for a, b in zip(names, names[1:]):
            connector = Connector(self.ids[a], self.ids[b])
            self.map.connectors[connector.id] = connector

    def names(self, ids) -> list[str]:
        return [self.map.cards[i].text for i in ids]


C, F, B, S, E = (LaneKind.CUSTOMER, LaneKind.FRONTSTAGE, LaneKind.BACKSTAGE, LaneKind.SUPPORT,
                 LaneKind.PHYSICAL_EVIDENCE)


def _gaps(draft: Draft) -> list[tuple[str, str, str]]:
    stage_names = {s.id: s.name for s in draft.map.stages}
    return [(gap.rule.value, stage_names[gap.stage_id], draft.map.cards[gap.card_id].text if gap.card_id else "")
            for gap in find_gaps(draft.map)]


def test_each_gap_rule_on_a_map_with_arrows():
    d = Draft(4)
    d.card("ask", 0, C)
    d.card("answer", 0, F, owner="desk")
    d.card("lookup", 0, B, owner="office")
    d.card("greet", 1, F, owner="desk")  # nothing behind it in S1, and no arrow to anyone behind
    d.card("wave", 1, C)
    d.card("pay", 2, C)            # nothing frontstage in S2, and its arrows lead to customers only
    d.card("stray", 2, B)          # no arrow, and no owner
    d.card("sign", 2, E)           # evidence is not expected to carry arrows
    d.card("too slow!", 3, C, kind=CardKind.PAIN_POINT)  # a remark, never a gap
    d.card("leave", 3, C)
    d.card("call", 3, F, owner="desk")  # backed by an arrow to support in another stage
    d.card("system", 0, S, owner="IT")
    d.arrow("ask", "answer", "lookup")
    d.arrow("wave", "pay", "leave")
    d.arrow("greet", "wave")
    d.arrow("call", "system")
    d.arrow("leave", "call")
    assert _gaps(d) == [
        ("unanswered_customer_action", "S2", "pay"),
        ("unsupported_frontstage_step", "S1", "greet"),
        ("unconnected_card", "S2", "stray"),
        ("step_without_owner", "S2", "stray"),
    ]
    d.card("shrug", 1, B)  # now something stands behind "greet" in its stage; it has no owner
    assert ("unsupported_frontstage_step", "S1", "greet") not in _gaps(d)
    assert ("step_without_owner", "S1", "shrug") in _gaps(d)


def test_a_stage_whose_customer_lane_holds_only_remarks_has_no_customer_action():
    d = Draft(2)
    d.card("ask", 0, C)
    d.card("too slow!", 1, C, kind=CardKind.PAIN_POINT)
    assert ("stage_without_customer_action", "S1", "") in _gaps(d)


def test_without_arrows_a_card_in_the_answering_lane_of_the_stage_answers():
    d = Draft(2)
    d.card("ask", 0, C)
    d.card("answer", 0, F, owner="desk")
    d.card("pay", 1, C)
    d.card("lookup", 0, B, owner="office")
    # No arrow anywhere: nobody is "unconnected"; "pay" has nothing frontstage in S1.
    assert _gaps(d) == [("unanswered_customer_action", "S1", "pay")]


def test_a_journey_map_without_staff_lanes_has_only_the_customer_rules():
    d = Draft(2)
    m = d.map
    m.lanes = [lane for lane in m.lanes if lane.kind in (C, E)]
    d.card("look", 0, C)
    assert _gaps(d) == [("stage_without_customer_action", "S1", "")]


def test_critical_path_without_loops_runs_from_the_first_to_the_last_customer_action():
    d = Draft(3)
    d.card("start", 0, C, minutes=1)
    d.card("quick", 1, F, minutes=2)
    d.card("slow", 1, B, minutes=10, wait=5)
    d.card("end", 2, C, minutes=1)
    d.card("after", 2, S, minutes=100)  # after the last customer action: not on its path
    d.arrow("start", "quick", "end")
    d.arrow("start", "slow", "end", "after")
    path = critical_path(d.map)
    assert path.from_first_to_last and path.loops == ()
    assert d.names(path.cards) == ["start", "slow", "end"]
    assert path.minutes == 1 + 15 + 1


def test_critical_path_with_a_loop_gives_one_pass_and_what_each_extra_pass_adds():
    d = Draft(3)
    d.card("apply", 0, C, minutes=5)
    d.card("check", 1, B, minutes=20)
    d.card("fix", 1, C, minutes=10, wait=30)
    d.card("approve", 2, C, minutes=1)
    d.arrow("apply", "check", "fix", "check")  # check sends it back to fix, fix resubmits
    d.arrow("check", "approve")
    path = critical_path(d.map)
    # The way back fix → check is the loop: one pass goes straight from check to approve.
    assert d.names(path.cards) == ["apply", "check", "approve"]
    assert path.from_first_to_last
    assert [(sorted(d.names(loop.cards)), loop.minutes_per_pass) for loop in path.loops] == [
        (["check", "fix"], 20 + 40)]
    assert path.minutes == 5 + 20 + 1  # the loop is never folded into the total unsaid


def test_without_a_chain_between_the_customer_actions_the_longest_chain_is_given_as_such():
    d = Draft(2)
    d.card("a", 0, C, minutes=1)
    d.card("b", 1, C, minutes=1)
    d.card("x", 0, B, minutes=50)
    d.card("y", 1, B, minutes=50)
    d.arrow("x", "y")
    path = critical_path(d.map)
    assert not path.from_first_to_last
    assert d.names(path.cards) == ["x", "y"] and path.minutes == 100


def test_hand_offs_waits_and_fail_points():
    d = Draft(2)
    d.card("ask", 0, C)
    d.card("desk", 0, F, owner="Li", wait=5)
    d.card("system", 0, S, fail_point=True, owner="IT", wait=30)
    d.card("done", 1, C, wait=5)
    d.arrow("ask", "desk", "system", "done")
    found = map_findings(d.map)
    assert [h.lines_crossed for h in found.hand_offs] == [
        (LineKind.INTERACTION,), (LineKind.VISIBILITY, LineKind.INTERNAL_INTERACTION),
        (LineKind.INTERACTION, LineKind.VISIBILITY, LineKind.INTERNAL_INTERACTION)]
    assert len(found.deep_hand_offs) == 2
    assert found.hand_offs_per_stage == {d.map.stages[0].id: 3}
    assert [(d.map.cards[c].text, m) for c, m in found.waits] == [("system", 30), ("desk", 5), ("done", 5)]
    assert d.names(found.fail_points) == ["system"]


def test_an_empty_map_has_no_findings_and_no_path():
    m = factory.new_map("m", ["A"])
    found = map_findings(m)
    assert found.path.cards == () and found.rework_loops == [] and found.waits == []
    assert [g.rule for g in found.gaps] == [GapRule.STAGE_WITHOUT_CUSTOMER_ACTION]


# -- the templates, worked through by hand ------------------------------------------------------

def _texts(service_map, ids):
    return [service_map.cards[i].text for i in ids]


def test_the_hotel_template_findings_as_worked_out_by_hand():
    """Bitner's hotel: hand-offs counted arrow by arrow from the template; the only gap is
    "Sleep, shower" (no employee in sight that night); no loops."""
    from blueprint_studio.templates import build_template

    m = build_template("hotel_stay", "en").maps[0]
    found = map_findings(m)
    stage = {s.id: s.name for s in m.stages}
    assert len(found.hand_offs) == 13 and len(found.deep_hand_offs) == 8
    assert {stage[s]: n for s, n in found.hand_offs_per_stage.items()} == {
        "Arrive": 2, "Check in": 2, "Go to the room": 2, "Stay overnight": 1, "Room service": 4,
        "Check out": 2}
    assert found.rework_loops == []
    assert [(g.rule, _texts(m, [g.card_id])) for g in found.gaps] == [
        (GapRule.UNANSWERED_CUSTOMER_ACTION, ["Sleep, shower"])]
    assert [(m.cards[c].text, minutes) for c, minutes in found.waits] == [
        ("Receive food", 30), ("Receive bags", 10), ("Check in", 5), ("Check out and leave", 5)]
    assert _texts(m, found.fail_points) == ["Process registration", "Deliver food", "Process check-out"]
    assert found.path.from_first_to_last and found.path.loops == ()
    assert _texts(m, found.path.cards) == [
        "Arrive at the hotel", "Give bags to the bellperson", "Check in", "Go to the room",
        "Receive bags", "Sleep, shower", "Call room service", "Take food order", "Prepare food",
        "Deliver food", "Receive food", "Eat", "Check out and leave"]
    assert found.path.minutes == sum((m.cards[c].duration_minutes or 0) + (m.cards[c].wait_minutes or 0)
                                     for c in found.path.cards) == 73


def test_the_enterprise_training_template_findings_as_worked_out_by_hand():
    from blueprint_studio.templates import build_template

    m = build_template("enterprise_training", "en").maps[0]
    found = map_findings(m)
    assert len(found.hand_offs) == 15 and len(found.deep_hand_offs) == 11
    assert list(found.hand_offs_per_stage.values()) == [4, 4, 4, 3]
    assert found.rework_loops == [] and found.gaps == []
    assert [(m.cards[c].text, minutes) for c, minutes in found.waits] == [
        ("Confirm participants and dates", 1440)]
    assert _texts(m, found.fail_points) == ["Training material library",
                                            "Demo environment and account activation"]
    path = found.path
    assert path.from_first_to_last and len(path.cards) == 13 and path.minutes == 2025
    assert _texts(m, path.cards)[0] == "Fill in the training request form"
    assert _texts(m, path.cards)[-1] == "Watch the recording and rate satisfaction"
    # The same findings in the Chinese template: the analysis does not depend on the words.
    zh = map_findings(build_template("enterprise_training", "zh").maps[0])
    assert (len(zh.hand_offs), len(zh.gaps), len(zh.path.cards), zh.path.minutes) == (15, 0, 13, 2025)

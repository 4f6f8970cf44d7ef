"""`info` reports the flow analysis: hand-offs, rework loops, gaps, critical path, MOT ideas."""

import json
from pathlib import Path

from test_cli import run

CSV = """stage,lane,text,id,emotion,duration_min,wait_min,next
Ask,customer,Ask for help,a,0,5,,b
Ask,frontstage,Agent answers,b,,10,,c
Wait,support,Ticket system,c,,,30,d
Fix,customer,Try the fix,d,-2,15,,b;e
Fix,customer,Thank the agent,e,1,2,,
"""


def test_info_reports_flow_findings(tmp_path: Path):
    (tmp_path / "loop.csv").write_text(CSV, encoding="utf-8")
    assert run("import", "loop.csv", "-o", "loop.bpstudio", cwd=tmp_path).returncode == 0
    result = run("info", "loop.bpstudio", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    flow = json.loads(result.stdout)["maps"][0]["flow"]
    # a→b crosses the line of interaction, b→c visibility + internal, c→d all three, d→b one
    assert flow["hand_offs"] == 4
    assert flow["rework_loops"] == [["Agent answers", "Ticket system", "Try the fix"]]
    assert flow["stages_without_customer_action"] == ["Wait"]
    assert flow["critical_path"]["minutes"] == 5 + 10 + 30 + 15 + 2
    assert flow["critical_path"]["steps"][0] == "Ask for help"
    assert flow["critical_path"]["steps"][-1] == "Thank the agent"
    assert flow["moment_of_truth_candidates"] == ["Try the fix", "Thank the agent"]
    # Worked out by hand: the way back d→b is the loop, so one pass is a→b→c→d→e, and each
    # extra pass repeats b, c and d (10 + 30 + 15 minutes).
    assert flow["critical_path"]["from_first_to_last_customer_action"] is True
    assert flow["critical_path"]["loops"] == [
        {"steps": ["Agent answers", "Ticket system", "Try the fix"], "minutes_per_extra_pass": 55}]
    assert flow["hand_offs_beyond_visibility"] == 2  # b→c and c→d; d→b crosses interaction only
    assert flow["hand_offs_per_stage"] == {"Ask": 2, "Wait": 1, "Fix": 1}
    assert flow["gaps"] == [
        {"rule": "stage_without_customer_action", "stage": "Wait", "card": None},
        {"rule": "unanswered_customer_action", "stage": "Fix", "card": "Thank the agent"},
        {"rule": "step_without_owner", "stage": "Ask", "card": "Agent answers"},
        {"rule": "step_without_owner", "stage": "Wait", "card": "Ticket system"},
    ]
    assert flow["waits"] == [{"card": "Ticket system", "minutes": 30}]
    assert flow["fail_points"] == []
    text = run("info", "loop.bpstudio", cwd=tmp_path).stdout
    assert "Rework loops: Agent answers → Ticket system → Try the fix" in text
    assert "Critical path: 5 steps, 62 min" in text
    assert "+ 55 min for each extra pass through the loop Agent answers → Ticket system → Try the fix" in text

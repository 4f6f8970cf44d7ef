"""The `info` command: what a project holds, as text or JSON (see docs/cli.md)."""

from __future__ import annotations

import argparse
import json
import unicodedata
from typing import Any

from .i18n import system_language, tr
from .i18n.labels import lane_name, map_kind_name
from .model import LaneKind, Project, ServiceMap


def _lang(options: argparse.Namespace) -> str:
    return options.lang or system_language()


def _load_any(text: str) -> Project:
    from .cli import _load_any as load

    return load(text)


def run_info(options: argparse.Namespace) -> int:
    project = _load_any(options.project)
    lang = _lang(options)
    summary = project_summary(project, lang)
    if options.json:
        print_json(summary)
        return 0
    print(f"{tr('Project')}: {project.info.title or tr('(untitled)')}")
    for field in ("organisation", "trainer", "group", "date"):
        value = getattr(project.info, field)
        if value:
            print(f"{tr(field.capitalize())}: {value}")
    print(f"{tr('Maps')}: {len(project.maps)}")
    for number, entry in enumerate(summary["maps"], start=1):
        print()
        print(f"{number}. {entry['name'] or tr('(untitled)')}  [{entry['kind_name']}]")
        print(f"   {tr('Stages')} ({len(entry['stages'])}): " + " → ".join(
            name or tr('(untitled)') for name in entry["stages"]))
        print(f"   {tr('Lanes')} ({len(entry['lanes'])}):")
        width = max([_display_width(lane["name"]) for lane in entry["lanes"]] + [8])
        for lane in entry["lanes"]:
            padding = " " * (width - _display_width(lane["name"]))
            print(f"     {lane['name']}{padding}  {tr('{count} cards').format(count=lane['cards'])}")
        print("   " + " · ".join([
            f"{tr('Cards')}: {entry['cards']}",
            f"{tr('Connectors')}: {entry['connectors']}",
            f"{tr('Moments of truth')}: {entry['moments_of_truth']}",
            f"{tr('Fail points')}: {entry['fail_points']}",
            f"{tr('Waits')}: {entry['waits']}",
        ]))
        _print_flow(entry["flow"])
    for entry in summary["screenings"]:
        _print_screening(entry)
    return 0


def _print_screening(entry: dict[str, Any]) -> None:
    print()
    print(f"{tr('Concept screening')}: {entry['name'] or tr('(untitled)')}")
    print("   " + tr("Criteria") + ": " + ", ".join(
        f"{c['name']} {c['weight'] * 100:.0f}%" for c in entry["criteria"]))
    consistency = entry["consistency"]
    if consistency:
        print("   " + tr("AHP: λmax {lambda_max:.3f}, CI {ci:.3f}, CR {cr:.3f} (random index "
                       "{ri:.2f}, {table})").format(
            lambda_max=consistency["lambda_max"], ci=consistency["ci"], cr=consistency["cr"],
            ri=consistency["random_index"], table=consistency["random_index_table"]))
    for concept in sorted(entry["concepts"], key=lambda c: (c["rank"] is None, c["rank"] or 0)):
        total = "—" if concept["total"] is None else f"{concept['total']:.2f}"
        rank = "—" if concept["rank"] is None else str(concept["rank"])
        mark = tr("passed") if concept["passed"] else ""
        print(f"   {rank:>3}. {concept['title']}  {total}  {mark}".rstrip())


def _print_flow(flow: dict[str, Any]) -> None:
    def short(text: str) -> str:
        line = " ".join(text.split())
        return line if len(line) <= 24 else line[:23] + "…"

    print(f"   {tr('Hand-offs across the lines')}: {flow['hand_offs']}")
    if flow["rework_loops"]:
        print(f"   {tr('Rework loops')}: " + "; ".join(
            " → ".join(short(text) for text in loop) for loop in flow["rework_loops"][:3]))
    if flow["stages_without_customer_action"]:
        print(f"   {tr('Stages without a customer action')}: " + ", ".join(
            name or tr("(untitled)") for name in flow["stages_without_customer_action"]))
    path = flow["critical_path"]
    if path["steps"] and path["minutes"]:
        print("   " + tr("Critical path: {steps} steps, {minutes} min").format(
            steps=len(path["steps"]), minutes=f"{path['minutes']:g}"))
        for loop in path["loops"]:  # never folded silently into the total
            print("     " + tr("+ {minutes} min for each extra pass through the loop {steps}").format(
                minutes=f"{loop['minutes_per_extra_pass']:g}",
                steps=" → ".join(short(text) for text in loop["steps"])))
    if flow["waits"]:
        print(f"   {tr('Longest waits')}: " + "; ".join(
            f"{short(wait['card'])} {wait['minutes']:g} min" for wait in flow["waits"][:3]))
    if flow["fail_points"]:
        print(f"   {tr('Fail points')}: " + "; ".join(
            short(point["card"]) for point in flow["fail_points"][:5]))
    if flow["gaps"]:
        print("   " + tr("Gaps: {count} (see the findings panel or --json)").format(count=len(flow["gaps"])))
    if flow["moment_of_truth_candidates"]:
        print(f"   {tr('Moment-of-truth candidates (lowest, peak, end)')}: " + "; ".join(
            short(text) for text in flow["moment_of_truth_candidates"]))


def project_summary(project: Project, lang: str = "en") -> dict[str, Any]:
    """What `info` shows, as plain data (also its --json output)."""
    maps = []
    for service_map in project.maps:
        cards = list(service_map.cards.values())
        maps.append({
            "id": service_map.id,
            "name": service_map.name,
            "kind": service_map.kind.value,
            "kind_name": map_kind_name(service_map.kind, lang),
            "stages": [stage.name for stage in service_map.stages],
            "lanes": [{
                "kind": lane.kind.value,
                "name": lane_name(lane, lang) if lane.name or lane.kind is not LaneKind.CUSTOM
                else tr("Custom lane", lang),
                "cards": sum(1 for card in cards if card.lane_id == lane.id),
            } for lane in service_map.lanes],
            "cards": len(cards),
            "connectors": len(service_map.connectors),
            "moments_of_truth": sum(card.moment_of_truth for card in cards),
            "fail_points": sum(card.fail_point for card in cards),
            "waits": sum(1 for card in cards if card.wait_minutes),
            "flow": flow_findings(service_map, lang),
        })
    from .analysis.screening import summary

    return {"id": project.id, "title": project.info.title, "maps": maps,
            "screenings": [summary(screening) for screening in project.screenings]}


def flow_findings(service_map: ServiceMap, lang: str = "en") -> dict[str, Any]:
    """What the flow analysis finds in a map: hand-offs, loops, gaps, critical path, MOT ideas."""
    from .analysis.findings import map_findings

    found = map_findings(service_map)
    texts = {card.id: card.text for card in service_map.cards.values()}
    stage_names = {stage.id: stage.name for stage in service_map.stages}
    lane_names = {lane.id: lane_name(lane, lang) for lane in service_map.lanes}
    path = found.path
    return {
        "hand_offs": len(found.hand_offs),
        "hand_offs_beyond_visibility": len(found.deep_hand_offs),
        "hand_offs_per_stage": {stage_names[stage_id]: count
                                for stage_id, count in found.hand_offs_per_stage.items()},
        "rework_loops": [[texts[card_id] for card_id in loop] for loop in found.rework_loops],
        "stages_without_customer_action": [stage_names[stage_id]
                                           for stage_id in found.stages_without_customer_action],
        "gaps": [{"rule": gap.rule.value, "stage": stage_names[gap.stage_id],
                  "card": texts[gap.card_id] if gap.card_id else None} for gap in found.gaps],
        "waits": [{"card": texts[card_id], "minutes": minutes} for card_id, minutes in found.waits],
        "fail_points": [{"card": texts[card_id],
                         "stage": stage_names[service_map.cards[card_id].stage_id],
                         "lane": lane_names[service_map.cards[card_id].lane_id],
                         "owner": service_map.cards[card_id].owner} for card_id in found.fail_points],
        "critical_path": {"steps": [texts[card_id] for card_id in path.cards],
                          "minutes": path.minutes,
                          "from_first_to_last_customer_action": path.from_first_to_last,
                          "loops": [{"steps": [texts[card_id] for card_id in loop.cards],
                                     "minutes_per_extra_pass": loop.minutes_per_pass}
                                    for loop in path.loops]},
        "moment_of_truth_candidates": [texts[card_id]
                                       for card_id in found.moment_of_truth_candidates],
    }


def _display_width(text: str) -> int:
    """Columns a terminal uses: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))

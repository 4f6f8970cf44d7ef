"""The `info` command: what a project holds, as text or JSON (see docs/cli.md)."""

from __future__ import annotations

import argparse
import json
import unicodedata
from typing import Any

from .i18n import plural, system_language, tr
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
            print(f"     {lane['name']}{padding}  {plural(lane['cards'], '{count} card', '{count} cards')}")
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
        print("   " + tr("Critical path: {steps}, {minutes} min").format(
            steps=plural(len(path["steps"]), "{count} step", "{count} steps"),
            minutes=f"{path['minutes']:g}"))
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
            "flow": flow_findings(service_map),
        })
    from .analysis.screening import summary

    return {"id": project.id, "title": project.info.title, "maps": maps,
            "screenings": [summary(screening) for screening in project.screenings]}


def flow_findings(service_map: ServiceMap) -> dict[str, Any]:
    """What the flow analysis finds in a map: hand-offs, loops, gaps, critical path, MOT ideas."""
    from .analysis.findings import map_findings

    found = map_findings(service_map)
    texts = {card.id: card.text for card in service_map.cards.values()}
    stage_names = {stage.id: stage.name for stage in service_map.stages}
    return {
        "hand_offs": len(found.hand_offs),
        "rework_loops": [[texts[card_id] for card_id in loop] for loop in found.rework_loops],
        "stages_without_customer_action": [stage_names[stage_id]
                                           for stage_id in found.stages_without_customer_action],
        "critical_path": {"steps": [texts[card_id] for card_id in found.critical_path],
                          "minutes": found.critical_path_minutes},
        "moment_of_truth_candidates": [texts[card_id]
                                       for card_id in found.moment_of_truth_candidates],
    }


def _display_width(text: str) -> int:
    """Columns a terminal uses: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))

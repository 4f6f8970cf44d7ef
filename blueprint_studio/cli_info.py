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
            f"{tr('Moments of truth')}: "
            f"{sum(m['status'] == 'confirmed' for m in entry['moments_of_truth'])}",
            f"{tr('Fail points')}: {entry['fail_points']}",
            f"{tr('Waits')}: {entry['waits']}",
        ]))
        _print_flow(entry["flow"])
        _print_touchpoints(entry)
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
            **touchpoint_summary(service_map, lang),
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


# -- touchpoint evaluation: moments of truth, metrics, importance–performance -------------

def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _metric_data(found) -> dict[str, Any]:
    data: dict[str, Any] = {"value": _rounded(found.shown.value), "n": found.shown.n,
                            "phase": found.phase.value if found.phase is not None else None}
    if found.before.n or found.after.n:
        data["before"] = {"value": _rounded(found.before.value), "n": found.before.n}
        data["after"] = {"value": _rounded(found.after.value), "n": found.after.n}
        data["change"] = _rounded(found.change)
    return data


def touchpoint_summary(service_map: ServiceMap, lang: str = "en") -> dict[str, Any]:
    """A map's moments of truth (ranked, the dismissed last), its cards' metrics and KPIs,
    and its importance–performance analysis: the keys `info --json` adds per map."""
    from .analysis.ipa import QUADRANT_LABELS, map_ipa
    from .analysis.metrics import answer_index, card_metrics, cards_with_answers, kpi_change
    from .analysis.moments import STATUS_NAMES, moments_of_truth
    texts = {card.id: card.text for card in service_map.cards.values()}
    moments = [{
        "card": texts[moment.card_id], "card_id": moment.card_id,
        "status": moment.status.value, "status_name": tr(STATUS_NAMES[moment.status], lang),
        "reason": moment.reason_text(lang), "importance": moment.importance,
        "lever": moment.lever.value if moment.lever is not None else None,
        "lever_name": moment.lever_name(lang) or None, "note": moment.note,
    } for moment in moments_of_truth(service_map, include_dismissed=True)]
    with_data = cards_with_answers(service_map) | {kpi.card_id for kpi in service_map.kpis}
    index = answer_index(service_map)
    kpis_by_card: dict[str, list] = {}
    for kpi in service_map.kpis:
        kpis_by_card.setdefault(kpi.card_id, []).append(kpi)
    touchpoints = []
    for card in service_map.cards_in_reading_order():
        if card.id not in with_data:
            continue
        entry: dict[str, Any] = {"card": card.text, "card_id": card.id, "metrics": {
            metric.value: _metric_data(found)
            for metric, found in card_metrics(service_map, card.id, index=index).items()}}
        kpis = []
        for kpi in kpis_by_card.get(card.id, []):
            change = kpi_change(kpi)
            kpis.append({"name": kpi.name, "unit": kpi.unit, "before": kpi.before, "after": kpi.after,
                         "higher_is_better": kpi.higher_is_better,
                         "change": _rounded(change.difference), "change_percent": _rounded(change.percent),
                         "verdict": change.verdict.value if change.verdict is not None else None})
        if kpis:
            entry["kpis"] = kpis
        touchpoints.append(entry)
    result = map_ipa(service_map)
    ipa = [{"card": texts[point.card_id], "card_id": point.card_id,
            "importance": _rounded(point.importance), "performance": _rounded(point.performance),
            "quadrant": point.quadrant.value, "quadrant_name": tr(QUADRANT_LABELS[point.quadrant], lang)}
           for point in result.points]
    return {"moments_of_truth": moments, "touchpoints": touchpoints, "ipa": ipa,
            "ipa_means": {"importance": _rounded(result.importance_mean),
                          "performance": _rounded(result.performance_mean)}}


def _print_touchpoints(entry: dict[str, Any]) -> None:
    from .analysis.metrics import shown_change, shown_number
    from .model.touchpoints import Metric

    def short(text: str) -> str:
        line = " ".join(text.split())
        return line if len(line) <= 30 else line[:29] + "…"

    ranked = [m for m in entry["moments_of_truth"] if m["status"] != "dismissed"]
    if ranked:
        print(f"   {tr('Moments of truth, ranked')}:")
        for number, moment in enumerate(ranked[:10], start=1):
            parts = [moment["status_name"]]
            if moment["importance"]:
                parts.append(tr("importance {value}").format(value=moment["importance"]))
            if moment["lever_name"]:
                parts.append(moment["lever_name"])
            print(f"     {number}. {short(moment['card'])} — {' · '.join(parts)} ({moment['reason']})")
        if len(ranked) > 10:
            print("     " + tr("… and {count} more").format(count=len(ranked) - 10))
    if entry["touchpoints"]:
        print(f"   {tr('Touchpoint metrics')}:")
    for touchpoint in entry["touchpoints"]:
        parts = []
        for name, data in touchpoint["metrics"].items():
            metric = Metric(name)
            if not data["n"]:
                continue
            text = f"{tr(name.upper())} {shown_number(metric, data['value'])} (n={data['n']}"
            if data.get("change") is not None:
                text += ", " + tr("before {value}, change {change}").format(
                    value=shown_number(metric, data["before"]["value"]),
                    change=shown_change(metric, data["change"]))
            parts.append(text + ")")
        for kpi in touchpoint.get("kpis", []):
            parts.append(_kpi_line(kpi))
        print(f"     {short(touchpoint['card'])}: " + " · ".join(parts))
    if entry["ipa"]:
        print(f"   {tr('Importance–performance')} ("
              + tr("means: importance {importance}, performance {performance}").format(
                  importance=f"{entry['ipa_means']['importance']:g}",
                  performance=f"{entry['ipa_means']['performance']:g}") + "):")
        for point in entry["ipa"]:
            print(f"     {short(point['card'])}: {point['quadrant_name']} "
                  f"({point['importance']:g} / {point['performance']:g})")


def _kpi_line(kpi: dict[str, Any]) -> str:
    from .analysis.metrics import shown_kpi

    text = f"{kpi['name'] or tr('KPI')} {shown_kpi(kpi['before'], kpi['unit'])} → {shown_kpi(kpi['after'], kpi['unit'])}"
    if kpi["verdict"] is not None:
        verdict = {"better": tr("better"), "worse": tr("worse"), "same": tr("no change")}[kpi["verdict"]]
        text += f" ({verdict})"
    return text

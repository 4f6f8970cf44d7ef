"""The handout's findings table: the findings panel in words, for paper."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ..appearance import format_minutes
from ..i18n import plural, tr
from ..i18n.labels import lane_name
from ..model.entities import ServiceMap
from ..naming import shortened
from .handout_tables import FINDING_TEXT, paged_table

FINDINGS_LISTED = 8  # entries of a long finding printed before "… and N more"


def findings_table(service_map: ServiceMap, width: float, lang: str) -> Flowable:
    """The findings in words, as in the findings panel: the critical path with its loops,
    hand-offs, rework loops, gaps, waits, fail points and moment-of-truth ideas."""
    from ..analysis.findings import map_findings
    from ..analysis.gaps import GapRule

    found = map_findings(service_map)
    cards = service_map.cards
    texts = {card.id: shortened(card.text, FINDING_TEXT) or "…" for card in cards.values()}
    stages = {stage.id: shortened(stage.name, FINDING_TEXT) for stage in service_map.stages}
    none = tr("None found.", lang)

    def listed(lines: list[str]) -> str:
        more = len(lines) - FINDINGS_LISTED
        shown = lines[:FINDINGS_LISTED] + ([tr("… and {count} more", lang).format(count=more)] if more > 0 else [])
        return "\n".join(shown) or none

    path = found.path
    if path.cards:
        lead = (tr("From the first to the last customer action", lang) if path.from_first_to_last else
                tr("No chain of arrows joins the first and the last customer action; the longest chain", lang))
        path_text = "\n".join([
            tr("{lead}: {minutes} for one pass, {steps} steps", lang).format(
                lead=lead, minutes=format_minutes(path.minutes) or "0 min", steps=len(path.cards)),
            " → ".join(texts[c] for c in path.cards),
            *(tr("+ {minutes} for each extra pass through the loop {steps}", lang).format(
                minutes=format_minutes(loop.minutes_per_pass) or "0 min",
                steps=" → ".join(texts[c] for c in loop.cards)) for loop in path.loops[:FINDINGS_LISTED])])
    else:
        path_text = none
    gap_titles = {
        GapRule.STAGE_WITHOUT_CUSTOMER_ACTION: "Stages without a customer action",
        GapRule.UNANSWERED_CUSTOMER_ACTION: "Customer actions nothing frontstage answers",
        GapRule.UNSUPPORTED_FRONTSTAGE_STEP: "Frontstage steps with nothing backstage or in support behind them",
        GapRule.UNCONNECTED_CARD: "Cards no arrow touches",
        GapRule.STEP_WITHOUT_OWNER: "Steps with no owner",
    }
    gap_rows = []
    for rule, title in gap_titles.items():
        of_rule = [g for g in found.gaps if g.rule is rule]
        if of_rule:
            named = [stages[g.stage_id] if not g.card_id else f"{texts[g.card_id]} ({stages[g.stage_id]})"
                     for g in of_rule]
            gap_rows.append([tr(title, lang), listed(named)])
    rows = [
        [tr("Critical path (duration + wait)", lang), path_text],
        [tr("Hand-offs across the lines", lang),
         plural(len(found.hand_offs),
                "{count} arrow crosses the line of interaction, visibility or internal interaction.",
                "{count} arrows cross the line of interaction, visibility or internal interaction.",
                lang) + "\n" +
         " · ".join(f"{stages[s]}: {n}" for s, n in found.hand_offs_per_stage.items())
         if found.hand_offs else none],
        [tr("Rework loops", lang),
         listed([" → ".join(texts[c] for c in loop) for loop in found.rework_loops])],
        *(gap_rows or [[tr("Gaps", lang), none]]),
        [tr("Waits, longest first", lang),
         listed([f"{format_minutes(minutes)} · {texts[c]}" for c, minutes in found.waits])],
        [tr("Fail points", lang),
         listed([" · ".join(part for part in (texts[c], stages[cards[c].stage_id],
                                               shortened(lane_name(service_map.lane(cards[c].lane_id), lang),
                                                         FINDING_TEXT),
                                               cards[c].owner.strip()) if part) for c in found.fail_points])],
        [tr("Moment-of-truth candidates (lowest, peak, end)", lang),
         listed([texts[c] for c in found.moment_of_truth_candidates])],
    ]
    return paged_table([tr("Finding", lang), tr("Detail", lang)], rows, [width * 0.3, width * 0.7])



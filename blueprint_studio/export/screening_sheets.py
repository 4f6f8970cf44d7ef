"""The concept-screening sheet: blank (to score by hand in groups) and filled (from the model).

Blank: the criteria and their weights (or empty boxes for them), then for each concept
one row per voter and a row for the mean, with boxes for the weighted total, the rank
and pass / fail; the score scale, the formula, the pass line and the missing-score rule
are stated at the top.

Filled: the criteria with their weights, the ranking (mean score per criterion, weighted
total, rank, passed ✔ / below ✘, missing scores), the pass line as a row of its own, a
bar chart of the totals with the pass line, and every voter's scores with a missing score
marked "—". Nothing depends on colour: marks and words say it.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, LongTable, TableStyle

from ..analysis.screening import ConceptResult, ScreeningResult, evaluate, ranked
from ..appearance import GRID, INK, MUTED_INK
from ..i18n import tr
from ..model.entities import Project
from ..model.screening import Screening, WeightSource
from . import text
from .draw import colour, draw_text
from .errors import ExportError
from .text import FONT
from .sheets import (
    CELL_PAD, DARK, FAIL_MARK, LIGHT_SHADE, MISSING_MARK, PARTIAL_MARK, PASS_MARK, SHADE, TABLE_PT,
    FillIn, Gap, Heading, Lines, Note, base_grid_style, cell_lines, missing_rule_sentence,
    number, percent, row_positions, screening_title, table,
)

DEFAULT_CONCEPTS = 6
DEFAULT_VOTERS = 3
DEFAULT_CRITERIA = 5
MAX_BLANK_CONCEPTS = 200
MAX_BLANK_VOTERS = 20  # a concept's rows stay on one page
VOTER_ROW_H = 20.0  # 7 mm: room for a handwritten digit
MEAN_ROW_H = 20.0
MIN_SCORE_COLUMN = 18.0  # 6.3 mm: one handwritten digit


def sheet_title(lang: str) -> str:
    return tr("Concept screening sheet", lang)


def _code(index: int) -> str:
    return f"C{index + 1}"


def _scale_sentence(lang: str) -> str:
    return tr("Scores: 1 poor · 2 · 3 fair · 4 · 5 excellent. Mean = the average of the voters' "
              "scores on a criterion; weighted total = Σ (weight × mean).", lang)


# -- blank -------------------------------------------------------------------------------

def blank_counts(screening: Screening | None, concepts: int | None, voters: int | None,
                 lang: str, warnings: list[str]) -> tuple[int, int]:
    """How many concept blocks and voter rows the blank sheet prints."""
    if concepts is not None and not 1 <= concepts <= MAX_BLANK_CONCEPTS:
        raise ExportError(tr("A blank screening sheet has 1 to {most} concepts.", lang)
                          .format(most=MAX_BLANK_CONCEPTS))
    if voters is not None and not 1 <= voters <= MAX_BLANK_VOTERS:
        raise ExportError(tr("A blank screening sheet has 1 to {most} voters per concept.", lang)
                          .format(most=MAX_BLANK_VOTERS))
    known_concepts = len(screening.concepts) if screening is not None else 0
    known_voters = len(screening.voters) if screening is not None else 0
    if concepts is None:
        concepts = min(MAX_BLANK_CONCEPTS, known_concepts) or DEFAULT_CONCEPTS
    if voters is None:
        voters = min(MAX_BLANK_VOTERS, known_voters) or DEFAULT_VOTERS
        if known_voters > MAX_BLANK_VOTERS:
            warnings.append(tr("The blank screening sheet has rows for {shown} of the screening's "
                               "{count} voters.", lang).format(shown=voters, count=known_voters))
    return concepts, voters


def blank_story(screening: Screening | None, width: float, lang: str, concepts: int, voters: int,
                frame_h: float) -> list[Flowable]:
    title = sheet_title(lang)
    name = screening_title(screening, lang)
    threshold = (tr("Pass line: weighted total ≥ {value}.", lang).format(
        value=number(screening.pass_threshold)) if screening is not None
        else tr("Pass line: weighted total ≥ ______ .", lang))
    story: list[Flowable] = [
        Heading(title + (" · " + name if name else ""), 15.0), FillIn(lang), Gap(4),
        Note(_scale_sentence(lang) + " " + threshold, size=8.5),
        Gap(4), Note(missing_rule_sentence(screening.missing_rule if screening else None, lang),
                     size=8.5, muted=True),
        Gap(8), Heading(tr("Criteria and weights", lang), 11.0, 4),
        _blank_criteria_table(screening, width, lang), Gap(10),
        _blank_grid(screening, width, lang, concepts, voters, frame_h),
    ]
    return story


def _blank_criteria_table(screening: Screening | None, width: float, lang: str) -> Flowable:
    header = ["#", tr("Criterion", lang), tr("What it means", lang), tr("Weight", lang)]
    widths = [28.0, width * 0.3, 0.0, 60.0]
    widths[2] = width - sum(widths)
    if screening is not None and screening.criteria:
        weights = evaluate(screening).weights
        rows = [[_code(i), c.name, c.description, percent(w)]
                for i, (c, w) in enumerate(zip(screening.criteria, weights))]
        rows.append(["", tr("Total", lang), "", percent(sum(weights))])
        return table(header, rows, widths)
    data = [header] + [[_code(i), "", "", "%"] for i in range(DEFAULT_CRITERIA)]
    data.append(["", tr("Total", lang), "", "100 %"])
    style = base_grid_style() + [("ALIGN", (3, 1), (3, -1), "RIGHT"), ("VALIGN", (0, 1), (-1, -1), "MIDDLE")]
    heights = [TABLE_PT * 1.25 + 2 * CELL_PAD + 1] + [24.0] * DEFAULT_CRITERIA + [18.0]
    return LongTable(data, colWidths=widths, rowHeights=heights, repeatRows=1,
                     style=TableStyle(style), hAlign="LEFT")


def _criterion_headers(screening: Screening | None, width: float) -> list[str]:
    if screening is None or not screening.criteria:
        return [f"{_code(i)}\n\n____ %" for i in range(DEFAULT_CRITERIA)]
    weights = evaluate(screening).weights
    if width < 30.0:
        return [f"{_code(i)}\n{percent(w, 0)}" for i, w in enumerate(weights)]
    return [f"{_code(i)}\n" + cell_lines(c.name, width, 7.0, 3) + f"\n{percent(w, 0)}"
            for i, (c, w) in enumerate(zip(screening.criteria, weights))]


def _blank_grid(screening: Screening | None, width: float, lang: str, concepts: int,
                voters: int, frame_h: float) -> Flowable:
    n = len(screening.criteria) if screening is not None and screening.criteria else DEFAULT_CRITERIA
    voter_names = [v.name for v in screening.voters][:voters] if screening is not None else []
    concept_names = [c.title for c in screening.concepts][:concepts] if screening is not None else []
    concept_w = min(130.0, max(80.0, width * 0.18))
    voter_w = 62.0
    fixed = [52.0, 34.0, 46.0]  # weighted total, rank, pass
    score_w = (width - concept_w - voter_w - sum(fixed)) / n
    if score_w < 30.0:  # many criteria: narrower fixed columns, the names only in the list above
        concept_w, voter_w, fixed = 80.0, 50.0, [40.0, 28.0, 34.0]
        score_w = (width - concept_w - voter_w - sum(fixed)) / n
    if score_w < MIN_SCORE_COLUMN:
        raise ExportError(tr("The {count} criteria do not fit across this paper; choose landscape or "
                             "a larger paper.", lang).format(count=n))
    widths = [concept_w, voter_w] + [score_w] * n + fixed
    headers = _criterion_headers(screening, score_w)
    header = [tr("Concept", lang), tr("Voter", lang)] + headers + [
        cell_lines(tr("Weighted total", lang), fixed[0]), cell_lines(tr("Rank", lang), fixed[1]),
        cell_lines(tr("Pass", lang), fixed[2])]
    lines = max(len(cell.split("\n")) for cell in header)
    header_h = lines * 9.0 + 2 * CELL_PAD + 2
    data, heights = [header], [header_h]
    style = base_grid_style() + [("FONT", (0, 0), (-1, 0), FONT, 7.0, 9.0),
                                 ("ALIGN", (2, 0), (-1, 0), "CENTER")]
    block_h = voters * VOTER_ROW_H + MEAN_ROW_H
    if block_h > frame_h - header_h - 4:
        raise ExportError(tr("{count} voters per concept do not fit on this paper; choose fewer "
                             "voters or a larger paper.", lang).format(count=voters))
    last = len(widths) - 1
    for index in range(concepts):
        top = len(data)
        title = concept_names[index] if index < len(concept_names) else ""
        concept_cell = f"{index + 1}. " + ("\n".join(text.fit(title, TABLE_PT, concept_w - 2 * CELL_PAD,
                                                              max(1, int((block_h - 8) / 9.8)))[0])
                                           if title else "")
        for voter in range(voters):
            name = voter_names[voter] if voter < len(voter_names) else ""
            row = ["", text.one_line(name, TABLE_PT, voter_w - 2 * CELL_PAD)] + [""] * n + ["", "", ""]
            if voter == 0:
                row[0] = concept_cell
                row[last] = f"{PASS_MARK}  {FAIL_MARK}"
            data.append(row)
            heights.append(VOTER_ROW_H)
        data.append([""] + [tr("Mean", lang)] + [""] * n + ["", "", ""])
        heights.append(MEAN_ROW_H)
        bottom = len(data) - 1
        style += [("SPAN", (0, top), (0, bottom)), ("SPAN", (last - 2, top), (last - 2, bottom)),
                  ("SPAN", (last - 1, top), (last - 1, bottom)), ("SPAN", (last, top), (last, bottom)),
                  ("BACKGROUND", (1, bottom), (last - 3, bottom), colour(LIGHT_SHADE)),
                  ("LINEBELOW", (0, bottom), (-1, bottom), 1.2, colour(INK)),
                  ("ALIGN", (last, top), (last, top), "CENTER"),
                  ("VALIGN", (last, top), (last, top), "MIDDLE"),
                  ("TEXTCOLOR", (last, top), (last, top), colour(MUTED_INK)),
                  ("TEXTCOLOR", (1, bottom), (1, bottom), colour(MUTED_INK))]
    return LongTable(data, colWidths=widths, rowHeights=heights, repeatRows=1,
                     style=TableStyle(style), hAlign="LEFT")


# -- filled ------------------------------------------------------------------------------

def filled_story(project: Project, screening: Screening, width: float, lang: str) -> list[Flowable]:
    result = evaluate(screening)
    name = screening_title(screening, lang)
    source = (tr("weights from the AHP comparisons (see the AHP page)", lang)
              if screening.weight_source is WeightSource.AHP else tr("weights as typed", lang))
    facts = tr("{criteria} criteria · {voters} voters · {concepts} concepts · {source} · pass line: "
               "weighted total ≥ {threshold}", lang).format(
        criteria=len(screening.criteria), voters=len(screening.voters),
        concepts=len(screening.concepts), source=source, threshold=number(screening.pass_threshold))
    story: list[Flowable] = [Heading(sheet_title(lang) + " · " + name, 15.0), Lines(facts, 9.0),
                             Note(missing_rule_sentence(screening.missing_rule, lang), size=8.5)]
    if not screening.criteria:
        return story + [Gap(6), Lines(tr("The screening has no criteria yet.", lang))]
    if not result.weights_complete:
        story += [Gap(4), Note(_incomplete_weights(screening, result, lang), FAIL_MARK, strong=True)]
    story += [Gap(8), Heading(tr("Criteria and weights", lang), 11.0, 4),
              _criteria_table(screening, result, width, lang), Gap(10)]
    if not screening.concepts:
        return story + [Lines(tr("The screening has no concepts yet.", lang))]
    story += [Heading(tr("Ranking", lang), 11.0, 4)]
    story += _ranking_tables(screening, result, width, lang)
    story += [Gap(3), Lines(_legend(lang), 7.5), Gap(8),
              Heading(tr("Weighted totals", lang), 11.0, 4),
              TotalsChart(_chart_rows(screening, result), screening.pass_threshold, lang), Gap(10)]
    if screening.voters and screening.scores:
        story += [Heading(tr("Every voter's scores", lang), 11.0, 4)]
        story += _voter_tables(screening, width, lang)
    return story


def _incomplete_weights(screening: Screening, result: ScreeningResult, lang: str) -> str:
    if screening.weight_source is WeightSource.AHP:
        return tr("The AHP comparisons are not complete, so there are no weights yet and no concept "
                  "is ranked.", lang)
    return tr("The weights sum to {total}, not 100 %, so no concept is ranked yet.", lang).format(
        total=percent(sum(result.weights)))


def _criteria_table(screening: Screening, result: ScreeningResult, width: float, lang: str) -> Flowable:
    header = ["#", tr("Criterion", lang), tr("What it means", lang), tr("Weight", lang)]
    widths = [28.0, width * 0.3, 0.0, 60.0]
    widths[2] = width - sum(widths)
    rows = [[_code(i), c.name, c.description, percent(w)]
            for i, (c, w) in enumerate(zip(screening.criteria, result.weights))]
    rows.append(["", tr("Total", lang), "", percent(sum(result.weights))])
    built = table(header, rows, widths)
    built.setStyle(TableStyle([("ALIGN", (3, 0), (3, -1), "RIGHT"),
                               ("LINEABOVE", (0, -1), (-1, -1), 0.8, colour(INK))]))
    return built


def _legend(lang: str) -> str:
    return tr("{passed} passed (total at or above the pass line) · {failed} below the pass line · "
              "{missing} no score / not ranked · {partial} mean of fewer voters (a score is missing)",
              lang).format(passed=PASS_MARK, failed=FAIL_MARK, missing=MISSING_MARK, partial=PARTIAL_MARK)


def _verdict(row: ConceptResult, lang: str) -> str:
    if row.total is None:
        return MISSING_MARK + " " + tr("not ranked", lang)
    return (PASS_MARK + " " + tr("passed", lang)) if row.passed else (FAIL_MARK + " " + tr("below", lang))


def _mean_cell(mean: float | None, missing_here: bool) -> str:
    if mean is None:
        return MISSING_MARK
    return number(mean) + (PARTIAL_MARK if missing_here else "")


def _partial(screening: Screening) -> set[tuple[str, str]]:
    """(concept, criterion) pairs that some voter has not scored."""
    counts: dict[tuple[str, str], int] = {}
    for score in screening.scores.values():
        key = (score.concept_id, score.criterion_id)
        counts[key] = counts.get(key, 0) + 1
    voters = len(screening.voters)
    return {(c.id, k.id) for c in screening.concepts for k in screening.criteria
            if counts.get((c.id, k.id), 0) < voters}


def _criterion_groups(count: int, room: float, each: float) -> list[range]:
    per = max(1, int(room // each))
    return [range(start, min(count, start + per)) for start in range(0, count, per)]


def _ranking_tables(screening: Screening, result: ScreeningResult, width: float,
                    lang: str) -> list[Flowable]:
    criteria = screening.criteria
    dots = any(result.dots.values())
    fixed = [34.0, 46.0, 70.0, 46.0] + ([36.0] if dots else [])  # rank, total, result, missing, dots
    score_w = 40.0
    together = width - sum(fixed) - score_w * len(criteria) >= 110.0
    shown = range(len(criteria)) if together else range(0)
    concept_w = width - sum(fixed) - score_w * len(shown)
    titles = {c.id: c.title for c in screening.concepts}
    partial = _partial(screening)
    header = ([tr("Rank", lang), tr("Concept", lang)]
              + [f"{_code(i)}\n{percent(result.weights[i], 0)}" for i in shown]
              + [tr("Total", lang), tr("Result", lang), tr("Missing", lang)]
              + ([tr("Dots", lang)] if dots else []))
    widths = [fixed[0], concept_w] + [score_w] * len(shown) + fixed[1:]
    header = [cell_lines(h, w) for h, w in zip(header, widths)]
    order = ranked(result.concepts)
    rows, above = [], 0
    for row in order:
        cells = ([str(row.rank) if row.rank is not None else MISSING_MARK, titles[row.concept_id]]
                 + [_mean_cell(row.per_criterion[i], (row.concept_id, criteria[i].id) in partial)
                    for i in shown]
                 + [number(row.total), _verdict(row, lang), str(row.missing) if row.missing else ""]
                 + ([str(result.dots.get(row.concept_id, 0))] if dots else []))
        rows.append(cells)
        above += row.passed
    line = tr("pass line: weighted total ≥ {value}", lang).format(value=number(screening.pass_threshold))
    rows.insert(above, ["", line] + [""] * (len(widths) - 2))
    built = table(header, rows, widths)
    positions = row_positions(rows, widths)
    at = positions[above]
    style = [("ALIGN", (2, 0), (-1, -1), "CENTER"), ("ALIGN", (0, 0), (0, -1), "CENTER"),
             ("SPAN", (1, at), (-1, at)), ("ALIGN", (1, at), (-1, at), "CENTER"),
             ("BACKGROUND", (0, at), (-1, at), colour("#ffffff")),
             ("LINEABOVE", (0, at), (-1, at), 1.6, colour(INK), None, (5, 2)),
             ("LINEBELOW", (0, at), (-1, at), 1.6, colour(INK), None, (5, 2))]
    for index, row in enumerate(order):
        start = positions[index + (index >= above)]
        if row.total is None:
            style.append(("TEXTCOLOR", (0, start), (-1, start), colour(MUTED_INK)))
    built.setStyle(TableStyle(style))
    flowables: list[Flowable] = [built]
    if not together:
        flowables += [Gap(8), Heading(tr("Mean score per criterion", lang), 10.0, 3)]
        flowables += _per_criterion_tables(screening, result, order, width, lang, partial)
    return flowables


def _per_criterion_tables(screening: Screening, result: ScreeningResult,
                          order: Sequence[ConceptResult], width: float, lang: str,
                          partial: set[tuple[str, str]]) -> list[Flowable]:
    criteria = screening.criteria
    titles = {c.id: c.title for c in screening.concepts}
    concept_w = min(180.0, width * 0.3)
    out: list[Flowable] = []
    for group in _criterion_groups(len(criteria), width - concept_w, 40.0):
        score_w = (width - concept_w) / len(group)
        header = [tr("Concept", lang)] + [cell_lines(f"{_code(i)} {criteria[i].name}\n"
                                                     f"{percent(result.weights[i], 0)}", score_w)
                                          for i in group]
        rows = [[titles[row.concept_id]] + [_mean_cell(row.per_criterion[i],
                                                       (row.concept_id, criteria[i].id) in partial)
                                            for i in group] for row in order]
        built = table(header, rows, [concept_w] + [score_w] * len(group))
        built.setStyle(TableStyle([("ALIGN", (1, 0), (-1, -1), "CENTER")]))
        out += [built, Gap(6)]
    return out


def _voter_tables(screening: Screening, width: float, lang: str) -> list[Flowable]:
    criteria = screening.criteria
    given = {(s.concept_id, s.criterion_id, s.voter_id): s.value for s in screening.scores.values()}
    concept_w, voter_w = min(170.0, width * 0.26), min(90.0, width * 0.14)
    out: list[Flowable] = []
    for group in _criterion_groups(len(criteria), width - concept_w - voter_w, 30.0):
        score_w = (width - concept_w - voter_w) / len(group)
        header = [tr("Concept", lang), tr("Voter", lang)] + [
            cell_lines(f"{_code(i)} {criteria[i].name}", score_w, TABLE_PT, 3) for i in group]
        rows, missing_cells, firsts = [], [], []
        for concept in screening.concepts:
            firsts.append(len(rows) + 1)
            for v, voter in enumerate(screening.voters):
                cells = [cell_lines(concept.title, concept_w, TABLE_PT, 3) if v == 0 else "",
                         cell_lines(voter.name, voter_w, TABLE_PT, 2)]
                for column, i in enumerate(group):
                    value = given.get((concept.id, criteria[i].id, voter.id))
                    if value is None:
                        missing_cells.append((column + 2, len(rows) + 1))
                    cells.append(MISSING_MARK if value is None else str(value))
                rows.append(cells)
        built = table(header, rows, [concept_w, voter_w] + [score_w] * len(group))
        style = [("ALIGN", (2, 0), (-1, -1), "CENTER"), ("ROWBACKGROUNDS", (0, 1), (-1, -1),
                                                          [colour("#ffffff")])]
        style += [("LINEABOVE", (0, row), (-1, row), 0.9, colour(INK)) for row in firsts[1:]]
        style += [("BACKGROUND", cell, cell, colour(SHADE)) for cell in missing_cells]
        built.setStyle(TableStyle(style))
        out += [built, Gap(6)]
    return out


# -- the bar chart ----------------------------------------------------------------------

def _chart_rows(screening: Screening, result: ScreeningResult) -> list[tuple]:
    titles = {c.id: c.title for c in screening.concepts}
    return [(titles[r.concept_id], r.total, r.rank, r.passed, r.missing) for r in ranked(result.concepts)]


class TotalsChart(Flowable):
    """Horizontal bars of the weighted totals on the 0–5 scale, the pass line dashed.

    A passed bar is solid dark and ends in ✔, one below the line is light with an outline
    and ends in ✘; an unranked concept has no bar but says so. Splits between bars."""

    ROW = 17.0
    TOP = 24.0
    AXIS = 20.0
    SIZE = 8.0

    def __init__(self, rows: list[tuple], threshold: float, lang: str):
        super().__init__()
        self.rows, self.threshold, self.lang = rows, threshold, lang

    def wrap(self, avail_w, avail_h):
        self.width = avail_w
        self.height = self.TOP + self.ROW * max(1, len(self.rows)) + self.AXIS
        return self.width, self.height

    def split(self, avail_w, avail_h):
        fits = int((avail_h - self.TOP - self.AXIS) // self.ROW)
        if fits >= len(self.rows):
            return [self]
        if fits < 3:
            return []
        return [TotalsChart(self.rows[:fits], self.threshold, self.lang),
                TotalsChart(self.rows[fits:], self.threshold, self.lang)]

    def _labels(self) -> list[str]:
        return [(f"{rank}. " if rank is not None else f"{MISSING_MARK} ") + " ".join(title.split())
                for title, _total, rank, _passed, _missing in self.rows]

    def draw(self):
        c, lang, size = self.canv, self.lang, self.SIZE
        labels = self._labels()
        longest = max((text.text_width(text.clean(label), size) for label in labels), default=40.0)
        label_w = min(self.width * 0.32, longest + 8)
        x0, x1 = label_w + 6, self.width - 96
        bottom, top = self.AXIS, self.height - self.TOP

        def x_of(value: float) -> float:
            return x0 + max(0.0, min(5.0, value)) / 5.0 * (x1 - x0)

        c.setLineWidth(0.4)
        for tick in range(6):
            x = x_of(tick)
            c.setStrokeColor(colour("#dde1e5" if tick else GRID))
            c.line(x, bottom, x, top)
            draw_text(c, x, bottom - 11, str(tick), size, MUTED_INK, align="center", raw=True)
        line_x = x_of(self.threshold)
        c.setStrokeColor(colour(INK))
        c.setLineWidth(1.4)
        c.setDash(5, 2)
        c.line(line_x, bottom - 2, line_x, top + 4)
        c.setDash()
        draw_text(c, line_x, top + 8, tr("pass line {value}", lang).format(value=number(self.threshold)),
                  size, INK, bold=True, align="center")
        for index, ((_title, total, _rank, passed, missing), label) in enumerate(zip(self.rows, labels)):
            y = top - (index + 1) * self.ROW + 4
            ink = INK if total is not None else MUTED_INK
            draw_text(c, 0, y + 2, text.one_line(label, size, label_w), size, ink, raw=True)
            bar_h = self.ROW - 7
            if total is None:
                note = tr("not ranked · {count} missing", lang).format(count=missing) if missing else \
                    tr("not ranked", lang)
                draw_text(c, x0 + 4, y + 2, note, size, MUTED_INK)
                continue
            c.setStrokeColor(colour(INK))
            c.setLineWidth(0.7)
            c.setFillColor(colour(DARK if passed else "#e4e7eb"))
            c.rect(x0, y - 1, max(0.5, x_of(total) - x0), bar_h, stroke=1, fill=1)
            mark = PASS_MARK if passed else FAIL_MARK
            draw_text(c, max(x_of(total), line_x) + 5, y + 2, f"{number(total)}  {mark}", size, INK,
                      bold=passed, raw=True)

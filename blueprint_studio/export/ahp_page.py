"""The AHP page: the pairwise matrix, the weights, λmax, CI, CR, Saaty's random-index table
(named) and the verdict; when CR > 0.10, the comparison that disagrees most, marked ▲ in the
matrix and named in words. Blank: the matrix to fill in by hand, boxes for the results,
the scale and the random-index table to look up.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, LongTable, TableStyle

from ..analysis import ahp
from ..appearance import INK, MUTED_INK
from ..i18n import describe, tr
from ..model.errors import ModelError
from ..model.screening import Screening, WeightSource
from .draw import colour
from .errors import ExportError
from .sheets import (
    CELL_PAD, FAIL_MARK, LIGHT_SHADE, PASS_MARK, SHADE, TABLE_PT, WORST_MARK, FillIn, Gap, Heading,
    Lines, Note, base_grid_style, cell_lines, judgement, number, percent, screening_title, table,
)

DEFAULT_CRITERIA = 5
MIN_CELL = 24.0
BLANK_ROW_H = 30.0


def page_title(lang: str) -> str:
    return tr("AHP weights", lang)


def _code(index: int) -> str:
    return f"C{index + 1}"


def _matrix(screening: Screening) -> tuple[list[list[float | None]], str | None]:
    """The matrix as judged (None where a pair is not judged yet) and, if it is not complete,
    the model's sentence saying why (from `ahp.reciprocal_matrix`)."""
    index = {c.id: i for i, c in enumerate(screening.criteria)}
    n = len(index)
    cells: list[list[float | None]] = [[1.0 if i == j else None for j in range(n)] for i in range(n)]
    judgements = {}
    for comparison in screening.comparisons.values():
        i, j = index.get(comparison.first_id), index.get(comparison.second_id)
        if i is None or j is None:
            continue
        judgements[(i, j)] = comparison.value
        cells[i][j], cells[j][i] = comparison.value, 1 / comparison.value
    try:
        ahp.reciprocal_matrix(n, judgements)
    except ModelError as error:
        return cells, error
    return cells, None


def _widths(width: float, n: int, lang: str, names: list[str]) -> tuple[float, float, float]:
    weight_w = 48.0
    longest = max((len(name) for name in names), default=10)
    name_w = min(width * 0.3, max(90.0, 8.0 + longest * 6.0))
    if (width - name_w - weight_w) / max(1, n) < 30.0:  # many criteria: a narrower name column
        name_w = max(70.0, width - weight_w - 30.0 * n)
    cell_w = (width - name_w - weight_w) / max(1, n)
    if cell_w < MIN_CELL:
        raise ExportError(tr("The {count} criteria do not fit across this paper; choose landscape or "
                             "a larger paper.", lang).format(count=n))
    return name_w, cell_w, weight_w


# -- filled -----------------------------------------------------------------------------------

def filled_story(screening: Screening, width: float, lang: str) -> list[Flowable]:
    name = screening_title(screening, lang)
    story: list[Flowable] = [Heading(page_title(lang) + " · " + name, 15.0),
                             Lines(_reading(lang), 8.5)]
    criteria = screening.criteria
    if not criteria:
        return story + [Lines(tr("The screening has no criteria yet.", lang))]
    cells, problem = _matrix(screening)
    analysis = None if problem is not None else ahp.analyse(cells)  # type: ignore[arg-type]
    worst = analysis.worst if analysis is not None and not analysis.consistent else None
    story.append(_matrix_table(screening, cells, analysis, worst, width, lang))
    if worst is not None:
        story.append(Lines(WORST_MARK + " " + tr("in a heavy frame: the judgement that disagrees most "
                                                 "with the weights", lang), 7.5))
    story.append(Gap(8))
    if analysis is None:
        story.append(Note(tr("The matrix is not complete yet: {problem}.", lang).format(
            problem=describe(problem, lang)), FAIL_MARK, strong=True))
    else:
        story += [Heading(tr("Consistency", lang), 11.0, 4), _stats_table(analysis, len(criteria), width, lang),
                  Gap(6), _verdict(screening, analysis, lang)]
    if screening.weight_source is WeightSource.DIRECT:
        story += [Gap(4), Note(tr("This screening uses the weights as typed, not these AHP weights.",
                                  lang), muted=True, size=8.5)]
    story += [Gap(10), *_reference(len(criteria), width, lang)]
    return story


def _reading(lang: str) -> str:
    return tr("Each cell says how much more important the row's criterion is than the column's, on "
              "Saaty's 1–9 scale; the lower triangle holds the reciprocals. The weights are the "
              "principal eigenvector of the matrix.", lang)


def _matrix_table(screening: Screening, cells, analysis, worst, width: float, lang: str) -> Flowable:
    criteria = screening.criteria
    n = len(criteria)
    names = [f"{_code(i)} {c.name}" for i, c in enumerate(criteria)]
    name_w, cell_w, weight_w = _widths(width, n, lang, names)
    weights = analysis.weights if analysis is not None else None
    header = [""] + [_code(j) for j in range(n)] + [tr("Weight", lang)]
    rows = []
    for i in range(n):
        row = [cell_lines(names[i], name_w, TABLE_PT, 3)]
        for j in range(n):
            value = cells[i][j]
            mark = f" {WORST_MARK}" if worst is not None and {i, j} == {worst.first, worst.second} else ""
            row.append("?" if value is None else judgement(value) + mark)
        row.append(percent(weights[i]) if weights is not None else "—")
        rows.append(row)
    built = table(header, rows, [name_w] + [cell_w] * n + [weight_w])
    style = [("ALIGN", (1, 0), (-1, -1), "CENTER"), ("ALIGN", (-1, 0), (-1, -1), "RIGHT"),
             ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colour("#ffffff")]),
             ("GRID", (0, 0), (-1, -1), 0.4, colour("#9aa5b1")),
             ("LINEBEFORE", (-1, 0), (-1, -1), 1.0, colour(INK))]
    for i in range(n):
        style.append(("BACKGROUND", (i + 1, i + 1), (i + 1, i + 1), colour(SHADE)))
        for j in range(i):
            style.append(("TEXTCOLOR", (j + 1, i + 1), (j + 1, i + 1), colour(MUTED_INK)))
            style.append(("BACKGROUND", (j + 1, i + 1), (j + 1, i + 1), colour(LIGHT_SHADE)))
    if worst is not None:
        for i, j in ((worst.first, worst.second), (worst.second, worst.first)):
            style.append(("BOX", (j + 1, i + 1), (j + 1, i + 1), 1.8, colour(INK)))
    built.setStyle(TableStyle(style))
    return built


def _stats_table(analysis: ahp.AhpResult, n: int, width: float, lang: str) -> Flowable:
    label_w = min(300.0, width * 0.6)
    rows = [
        [tr("Criteria (n)", lang), str(n)],
        [tr("λmax (the principal eigenvalue)", lang), number(analysis.lambda_max, 3)],
        [tr("CI = (λmax − n) / (n − 1)", lang), number(analysis.ci, 3)],
        [tr("RI for n = {n}, {table}", lang).format(n=n, table=ahp.RI_TABLE_NAME),
         number(analysis.random_index, 2)],
        [tr("CR = CI / RI", lang), number(analysis.cr, 3) if analysis.cr is not None else "—"],
        [tr("Consistent when", lang), f"CR ≤ {ahp.CONSISTENT_CR:.2f}"],
    ]
    built = table([tr("Measure", lang), tr("Value", lang)], rows, [label_w, 90.0])
    built.setStyle(TableStyle([("ALIGN", (1, 0), (1, -1), "RIGHT")]))
    return built


def _verdict(screening: Screening, analysis: ahp.AhpResult, lang: str) -> Flowable:
    if analysis.cr is None:
        return Note(tr("No consistency test is needed for one or two criteria.", lang), PASS_MARK)
    if analysis.consistent:
        return Note(tr("Consistent: CR = {cr} ≤ 0.10, so the weights can be used.", lang).format(
            cr=number(analysis.cr, 3)), PASS_MARK)
    sentence = tr("Not consistent: CR = {cr} > 0.10. Revisit the judgements before using the "
                  "weights.", lang).format(cr=number(analysis.cr, 3))
    worst = analysis.worst
    if worst is not None:
        first, second = screening.criteria[worst.first], screening.criteria[worst.second]
        sentence += " " + tr("The comparison that disagrees most: {first} against {second}, judged "
                             "{given}; the weights imply {implied}, so about {suggested} would agree.",
                             lang).format(first=f"{_code(worst.first)} {first.name}",
                                          second=f"{_code(worst.second)} {second.name}",
                                          given=judgement(worst.given), implied=number(worst.implied),
                                          suggested=judgement(worst.suggested))
    return Note(sentence, FAIL_MARK, strong=True)


# -- what both pages print: the scale and the random-index table --------------------------------

SCALE = (("1", "equally important"), ("3", "moderately more important"),
         ("5", "strongly more important"), ("7", "very strongly more important"),
         ("9", "extremely more important"), ("2, 4, 6, 8", "between two neighbouring judgements"),
         ("1/3, 1/5 …", "the column's criterion is the more important one (the reciprocal)"))


def _reference(n: int, width: float, lang: str) -> list[Flowable]:
    return [Heading(tr("Saaty's scale", lang), 11.0, 4), _scale_table(width, lang), Gap(8),
            Heading(tr("Random index (RI): {table}", lang).format(table=ahp.RI_TABLE_NAME), 11.0, 4),
            _ri_table(n, width, lang),
            Lines(tr("Other tables are in use (AHPy's \"saaty\" table has 0.52, 0.89, 1.11 …; "
                     "Donegan–Dodd's differs again); this page uses Saaty's (1980).", lang), 7.5)]


def _scale_table(width: float, lang: str) -> Flowable:
    header = [value for value, _ in SCALE]
    rows = [[tr(meaning, lang) for _, meaning in SCALE]]
    shares = (1.0, 1.1, 1.1, 1.2, 1.1, 1.2, 1.6)  # the longer meanings get more room
    widths = [width * share / sum(shares) for share in shares]
    built = table(header, rows, widths)
    built.setStyle(TableStyle([("ALIGN", (0, 0), (-1, 0), "CENTER")]))
    return built


def _ri_table(n: int, width: float, lang: str) -> Flowable:
    values = ahp.SAATY_RI
    label_w = 60.0
    each = (width - label_w) / len(values)
    header = ["n"] + [str(k + 1) for k in range(len(values))]
    rows = [["RI"] + [f"{value:.2f}" for value in values]]
    built = table(header, rows, [label_w] + [each] * len(values))
    style = [("ALIGN", (1, 0), (-1, -1), "CENTER")]
    if 1 <= n <= len(values):
        style += [("BOX", (n, 0), (n, 1), 2.0, colour(INK)), ("BACKGROUND", (n, 1), (n, 1), colour(SHADE))]
    built.setStyle(TableStyle(style))
    return built


# -- blank ------------------------------------------------------------------------------------

def blank_story(screening: Screening | None, width: float, lang: str) -> list[Flowable]:
    name = screening_title(screening, lang)
    criteria = screening.criteria if screening is not None else []
    n = len(criteria) or DEFAULT_CRITERIA
    if n < 2:
        n = 2
    names = [f"{_code(i)} {c.name}" for i, c in enumerate(criteria)] or [_code(i) for i in range(n)]
    names += [_code(i) for i in range(len(names), n)]
    story: list[Flowable] = [
        Heading(tr("AHP pairwise comparison", lang) + (" · " + name if name else ""), 15.0),
        FillIn(lang), Gap(4),
        Note(tr("For each pair, write in the upper triangle how much more important the row's "
                "criterion is than the column's, on Saaty's scale below; when the column's criterion "
                "is the more important one, write the reciprocal (1/3, 1/5 …). The lower triangle "
                "takes the reciprocals.", lang), size=8.5),
        Gap(8), _blank_matrix(names, n, width, lang), Gap(10),
        Heading(tr("Results", lang), 11.0, 4), _blank_results(n, width, lang), Gap(6),
        Note(tr("□ CR ≤ 0.10: consistent, use the weights.    □ CR > 0.10: revisit the judgement "
                "that disagrees most: ______________________", lang), size=8.5),
        Lines(tr("By hand: a criterion's weight is about the geometric mean of its row divided by "
                 "the sum of all rows' geometric means; λmax ≈ the mean, over the rows, of (the row × the "
                 "weights) ÷ the row's weight.", lang), 7.5),
        Gap(8), *_reference(n, width, lang),
    ]
    return story


def _blank_matrix(names: list[str], n: int, width: float, lang: str) -> Flowable:
    name_w, cell_w, weight_w = _widths(width, n, lang, names)
    header = [""] + [_code(j) for j in range(n)] + [tr("Weight", lang)]
    data = [header]
    for i in range(n):
        data.append([cell_lines(names[i], name_w, TABLE_PT, 2)]
                    + ["1" if i == j else "" for j in range(n)] + [""])
    style = base_grid_style() + [("ALIGN", (1, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
                                 ("LINEBEFORE", (-1, 0), (-1, -1), 1.0, colour(INK))]
    for i in range(n):
        style.append(("BACKGROUND", (i + 1, i + 1), (i + 1, i + 1), colour(SHADE)))
        for j in range(i):
            style.append(("BACKGROUND", (j + 1, i + 1), (j + 1, i + 1), colour(LIGHT_SHADE)))
    heights = [TABLE_PT * 1.25 + 2 * CELL_PAD + 1] + [BLANK_ROW_H] * n
    return LongTable(data, colWidths=[name_w] + [cell_w] * n + [weight_w], rowHeights=heights,
                     repeatRows=1, style=TableStyle(style), hAlign="LEFT")


def _blank_results(n: int, width: float, lang: str) -> Flowable:
    labels = ["λmax", "CI = (λmax − n) / (n − 1)",
              tr("RI for n = {n}, {table}", lang).format(n=n, table=ahp.RI_TABLE_NAME), "CR = CI / RI"]
    each = width / len(labels)
    data = [[cell_lines(label, each, TABLE_PT, 2) for label in labels], [""] * len(labels)]
    style = base_grid_style()
    return LongTable(data, colWidths=[each] * len(labels),
                     rowHeights=[2 * 9.8 + 2 * CELL_PAD + 1, 30.0], style=TableStyle(style),
                     hAlign="LEFT")


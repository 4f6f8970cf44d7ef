"""CSV for concept screening, as trainers prepare it in Excel or WPS (docs/csv-format.md).

What a file holds is recognised from its header, or forced (`--as`):
- cards: the blueprint's cards (csv_format);
- ideas: `title`, `description`, `round` — ideas into brainstorming rounds (made when new);
- scores: `concept`, `criterion`, `voter`, `score` — into a screening; an unknown concept or
  voter is created, an unknown criterion is an error naming the row;
- pairwise: criteria names across the first row and down the first column, judgements as
  numbers or fractions, either triangle may be blank — AHP judgements (criteria made when new);
- metrics: `card`, `metric`, `score` (and `respondent`, `phase`) — raw survey responses about
  cards (`metrics_csv`).

Reading gives one `Batch` of model operations, so the window adds a whole file as one undo
step and the command line applies the same operations before it saves. Same encodings,
delimiters and row/column-naming errors as the cards CSV.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..analysis.ahp import parse_judgement
from ..i18n import describe, tr
from ..model import ModelError, Project
from ..model import operations as ops
from ..model.screening import (
    Brainstorm, Comparison, Concept, Criterion, Idea, Score, Screening, Voter, WeightSource,
)
from ..naming import column_letters
from .csv_format import HEADER_WORDS, _QuoteError, _records, decode_csv_bytes
from .errors import InterchangeError
from .files import read_bytes
from .vocabulary import normalise_word

KINDS_OF_CSV = ("cards", "ideas", "scores", "pairwise", "metrics")
_WORDS = {
    "title": ("title", "idea", "name", "标题", "创意", "名称"),
    "description": ("description", "描述", "说明"),
    "round": ("round", "brainstorm", "轮次", "头脑风暴", "轮"),
    "concept": ("concept", "概念"),
    "criterion": ("criterion", "criteria", "标准", "评价标准"),
    "voter": ("voter", "group", "评分人", "小组"),
    "score": ("score", "评分", "分数"),
}
_COLUMN = {normalise_word(word): column for column, words in _WORDS.items() for word in words}


def _cells(text: str) -> Iterator[tuple[int, list[str]]]:
    try:
        yield from _records(text)
    except _QuoteError as error:
        raise InterchangeError(tr("Row {row}, column {letter}: {problem}.").format(
            row=error.row, letter=column_letters(error.index), problem=error.problem)) from None


def recognise(header: list[str]) -> str:
    """Which kind of CSV a header row announces."""
    from .metrics_csv import is_metrics_header  # survey responses build on these readers

    if is_metrics_header(header):
        return "metrics"
    columns = {_COLUMN.get(normalise_word(cell)) for cell in header}
    if {"concept", "criterion", "score"} <= columns:
        return "scores"
    if "title" in columns and not {"stage", "lane"} & {HEADER_WORDS.get(normalise_word(c)) for c in header}:
        return "ideas"
    if header and not header[0].strip() and len(header) > 1:
        return "pairwise"  # a matrix: its top-left cell is empty
    return "cards"


def read_kind(path: Any) -> tuple[str, str]:
    """(the text, the kind its header announces)."""
    text = decode_csv_bytes(read_bytes(path))
    for _row, cells in _cells(text):
        if any(cell.strip() for cell in cells):
            return text, recognise(cells)
    raise InterchangeError(tr("The CSV file is empty."))


def _table(text: str, wanted: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    rows = _cells(text)
    positions: dict[str, int] = {}
    for row, cells in rows:
        if any(cell.strip() for cell in cells):
            positions = {_COLUMN[normalise_word(cell)]: index for index, cell in enumerate(cells)
                         if normalise_word(cell) in _COLUMN}
            break
    missing = [column for column in wanted if column not in positions]
    if missing:
        raise InterchangeError(
            tr("The first row must name the columns; required columns are missing: {columns}.")
            .format(columns=", ".join(missing)))
    for row, cells in rows:
        if any(cell.strip() for cell in cells):
            yield row, {column: cells[index].strip() if index < len(cells) else ""
                        for column, index in positions.items()}


def _fail(row: int, column: str, problem: str) -> InterchangeError:
    return InterchangeError(tr("Row {row}, column \"{column}\"{letter}: {problem}.").format(
        row=row, column=column, letter="", problem=problem.rstrip(".")))


def _by_name(items: list[Any], name: str, attribute: str = "name") -> Any | None:
    wanted = name.casefold()
    return next((item for item in items if getattr(item, attribute).casefold() == wanted), None)


def target_screening(project: Project, name: str | None) -> tuple[Screening, list[Any]]:
    """The screening named (made when missing), else the only one, else a new one; with the
    operation that adds it when it is new."""
    if name:
        found = _by_name(project.screenings, name)
        if found is not None:
            return found, []
    elif len(project.screenings) == 1:
        return project.screenings[0], []
    elif len(project.screenings) > 1:
        raise InterchangeError(tr("The project has several screenings; name one with --screening."))
    screening = Screening(name=name or tr("Concept screening"))
    return screening, [ops.Add("screening", (), screening)]


def ideas_operations(project: Project, text: str) -> tuple[ops.Batch, int]:
    rounds: dict[str, tuple[Brainstorm, bool]] = {}
    operations: list[Any] = []
    count = 0
    for row, cells in _table(text, ("title",)):
        if not cells["title"]:
            raise _fail(row, "title", tr("every idea needs a title"))
        round_name = cells.get("round", "") or tr("Imported ideas")
        key = round_name.casefold()
        if key not in rounds:
            existing = _by_name(project.brainstorms, round_name)
            rounds[key] = (existing or Brainstorm(name=round_name), existing is None)
            if existing is None:
                operations.append(ops.Add("brainstorm", (), rounds[key][0]))
        brainstorm = rounds[key][0]
        operations.append(ops.Add("idea", (brainstorm.id,), Idea(cells["title"], cells.get("description", ""))))
        count += 1
    return ops.Batch(operations), count


def scores_operations(project: Project, text: str, screening_name: str | None) -> tuple[ops.Batch, int]:
    screening, operations = target_screening(project, screening_name)
    scope = (screening.id,)
    concepts = {c.title.casefold(): c for c in screening.concepts}
    voters = {v.name.casefold(): v for v in screening.voters}
    criteria = {c.name.casefold(): c for c in screening.criteria}
    existing = {(s.concept_id, s.criterion_id, s.voter_id): s for s in screening.scores.values()}
    count = 0
    for row, cells in _table(text, ("concept", "criterion", "score")):
        criterion = criteria.get(cells["criterion"].casefold())
        if criterion is None:
            raise _fail(row, "criterion", tr("the screening has no criterion \"{name}\"").format(
                name=cells["criterion"][:40]))
        if not cells["concept"]:
            raise _fail(row, "concept", tr("every score needs a concept"))
        concept = concepts.get(cells["concept"].casefold())
        if concept is None:
            concept = concepts[cells["concept"].casefold()] = Concept(cells["concept"])
            operations.append(ops.Add("concept", scope, concept))
        voter_name = cells.get("voter", "") or tr("Group 1")
        voter = voters.get(voter_name.casefold())
        if voter is None:
            voter = voters[voter_name.casefold()] = Voter(voter_name)
            operations.append(ops.Add("voter", scope, voter))
        try:
            value = int(cells["score"])
        except ValueError:
            raise _fail(row, "score", tr("\"{value}\" is not a whole number from 1 to 5").format(
                value=cells["score"][:20])) from None
        if not 1 <= value <= 5:
            raise _fail(row, "score", tr("\"{value}\" is not a whole number from 1 to 5").format(value=value))
        key = (concept.id, criterion.id, voter.id)
        if key in existing:
            operations.append(ops.Update("score", scope, existing[key].id, {"value": value}))
        else:
            existing[key] = Score(*key, value)
            operations.append(ops.Add("score", scope, existing[key]))
        count += 1
    return ops.Batch(operations), count


def pairwise_operations(project: Project, text: str, screening_name: str | None) -> tuple[ops.Batch, int]:
    screening, operations = target_screening(project, screening_name)
    scope = (screening.id,)
    rows = [(row, cells) for row, cells in _cells(text) if any(c.strip() for c in cells)]
    if not rows:
        raise InterchangeError(tr("The CSV file is empty."))
    header_row, header = rows[0]
    names = [cell.strip() for cell in header[1:] if cell.strip()]
    criteria = {c.name.casefold(): c for c in screening.criteria}
    ordered = []
    for name in names:
        criterion = criteria.get(name.casefold())
        if criterion is None:
            criterion = criteria[name.casefold()] = Criterion(name)
            operations.append(ops.Add("criterion", scope, criterion))
        ordered.append(criterion)
    judged = {(c.first_id, c.second_id): c for c in screening.comparisons.values()}
    added: set[tuple[str, str]] = set()  # pairs this file judged (the other triangle must agree)
    count = 0
    for row, cells in rows[1:]:
        first = criteria.get(cells[0].strip().casefold())
        if first is None or first not in ordered:
            raise InterchangeError(tr("Row {row}, column {letter}: {problem}.").format(
                row=row, letter="A", problem=tr("\"{name}\" is not one of the criteria across the "
                                                "first row").format(name=cells[0].strip()[:40])))
        for index, cell in enumerate(cells[1:len(ordered) + 1]):
            second = ordered[index]
            if not cell.strip() or second is first:
                continue
            try:
                value = parse_judgement(cell)
            except ModelError as error:
                raise InterchangeError(tr("Row {row}, column {letter}: {problem}.").format(
                    row=row, letter=column_letters(index + 1), problem=describe(error))) from None
            pair, reverse = (first.id, second.id), (second.id, first.id)
            if reverse in judged and reverse in added:
                if abs(judged[reverse].value * value - 1) > 1e-6:  # both triangles, disagreeing
                    raise InterchangeError(tr("Row {row}, column {letter}: {problem}.").format(
                        row=row, letter=column_letters(index + 1), problem=tr(
                            "this judgement contradicts the one in the other triangle")))
            elif reverse in judged:
                operations.append(ops.Update("comparison", scope, judged[reverse].id, {"value": 1 / value}))
            elif pair in judged:
                operations.append(ops.Update("comparison", scope, judged[pair].id, {"value": value}))
            else:
                judged[pair] = Comparison(first.id, second.id, value)
                added.add(pair)
                operations.append(ops.Add("comparison", scope, judged[pair]))
            count += 1
    if screening.weight_source is not WeightSource.AHP:
        if operations and isinstance(operations[0], ops.Add) and operations[0].kind == "screening":
            screening.weight_source = WeightSource.AHP
        else:
            operations.append(ops.Update("screening", (), screening.id, {"weight_source": "ahp"}))
    return ops.Batch(operations), count

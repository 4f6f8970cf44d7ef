"""Raw survey responses from a survey export, as CSV (docs/csv-format.md, "Survey responses").

Columns (recognised by their names, in English or Chinese, in any order):
- `card` (卡片, 触点): the card's id, or its exact text (spaces at either end ignored);
- `metric` (指标): `csat`, `ces`, `nps`, `importance`, `performance`, or 满意度 / 费力度 /
  净推荐值 / 重要性 / 表现 (客户满意度, 客户费力度, 客户净推荐值 too);
- `score` (评分, 分数, 得分): a whole number on the metric's scale (CSAT, importance,
  performance 1–5; CES 1–7; NPS 0–10);
- optional `respondent` (受访者): who answered — the same respondent answering the same
  question about the same card twice in one phase is an error naming both rows;
- optional `phase` (时段): `before` / `after` (改进前 / 改进后, 前 / 后), or empty.

A row with an empty score is an unanswered question and is skipped (and counted). An
unknown card, a text that several cards have, an unknown metric or phase, and a score that
is not a whole number on its scale are errors naming the row and the column. The responses
are added to the cards' answer counts (`model.touchpoints.AnswerCount`) as one `Batch`: one
undo step in the window, one save on the command line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..i18n import tr
from ..model import Project
from ..model import operations as ops
from ..model.touchpoints import METRIC_NAMES, SCALES, Metric, Phase, add_counts
from ..naming import column_letters
from .errors import InterchangeError
from .screening_csv import _cells
from .vocabulary import normalise_word

_WORDS = {
    "card": ("card", "card id", "card text", "touchpoint", "卡片", "触点", "服务触点"),
    "metric": ("metric", "question", "指标", "问题"),
    "score": ("score", "answer", "rating", "评分", "分数", "得分", "答案"),
    "respondent": ("respondent", "respondent id", "response id", "受访者", "答题人", "用户"),
    "phase": ("phase", "时段", "调查时段", "前后"),
}
_COLUMN = {normalise_word(word): column for column, words in _WORDS.items() for word in words}
_METRICS = {
    Metric.CSAT: ("csat", "satisfaction", "满意度", "客户满意度"),
    Metric.CES: ("ces", "effort", "费力度", "客户费力度"),
    Metric.NPS: ("nps", "net promoter score", "净推荐值", "客户净推荐值"),
    Metric.IMPORTANCE: ("importance", "重要性"),
    Metric.PERFORMANCE: ("performance", "表现"),
}
_METRIC = {normalise_word(word): metric for metric, words in _METRICS.items() for word in words}
_PHASES = {
    Phase.BEFORE: ("before", "pre", "改进前", "前", "之前"),
    Phase.AFTER: ("after", "post", "改进后", "后", "之后"),
}
_PHASE = {normalise_word(word): phase for phase, words in _PHASES.items() for word in words}
REQUIRED = ("card", "metric", "score")


def is_metrics_header(header: list[str]) -> bool:
    """Whether a header row announces survey responses: card, metric and score columns."""
    return set(REQUIRED) <= {_COLUMN.get(normalise_word(cell)) for cell in header}


@dataclass
class SurveyImport:
    batch: ops.Batch
    responses: int  # rows added
    cards: int  # cards they are about
    skipped: int  # rows without a score


def _fail(row: int, column: str, letter: str, problem: str) -> InterchangeError:
    return InterchangeError(tr("Row {row}, column \"{column}\" ({letter}): {problem}.").format(
        row=row, column=column, letter=letter, problem=problem.rstrip(".")))


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


class _Cards:
    """Finds a card by its id or its exact text, in the maps given."""

    def __init__(self, maps: list[Any]) -> None:
        self.by_id: dict[str, list[tuple[Any, str]]] = {}
        self.by_text: dict[str, list[tuple[Any, str]]] = {}
        for service_map in maps:
            for card in service_map.cards.values():
                self.by_id.setdefault(card.id, []).append((service_map, card.id))
                self.by_text.setdefault(card.text.strip(), []).append((service_map, card.id))

    def find(self, value: str) -> list[tuple[Any, str]]:
        return self.by_id.get(value) or self.by_text.get(value, [])


def survey_operations(project: Project, text: str, map_name: str | None = None) -> SurveyImport:
    """The operations that add a survey export's responses to the project's cards."""
    rows = _cells(text)
    positions: dict[str, int] = {}
    for _row, cells in rows:
        if any(cell.strip() for cell in cells):
            positions = {}
            for index, cell in enumerate(cells):
                column = _COLUMN.get(normalise_word(cell))
                if column is not None and column not in positions:
                    positions[column] = index
            break
    missing = [column for column in REQUIRED if column not in positions]
    if missing:
        raise InterchangeError(
            tr("The first row must name the columns; required columns are missing: {columns}.")
            .format(columns=", ".join(missing)))
    if map_name is not None:
        chosen = project.map_named(map_name)
        if chosen is None:
            raise InterchangeError(tr("The project has no map named \"{name}\".").format(name=map_name))
        maps = [chosen]
    else:
        maps = list(project.maps)
    cards = _Cards(maps)
    letters = {column: column_letters(index) for column, index in positions.items()}
    counts: dict[tuple[str, str, Metric, Phase | None], dict[int, int]] = {}
    answered: dict[tuple[str, str, Metric, Phase | None, str], int] = {}
    maps_by_id = {service_map.id: service_map for service_map in maps}
    responses = skipped = 0
    for row, cells in rows:
        if not any(cell.strip() for cell in cells):
            continue
        value = {column: cells[index].strip() if index < len(cells) else ""
                 for column, index in positions.items()}
        if not value["score"]:
            skipped += 1
            continue

        def fail(column: str, problem: str) -> InterchangeError:
            return _fail(row, column, letters[column], problem)

        if not value["card"]:
            raise fail("card", tr("every response needs a card (its id or its text)"))
        found = cards.find(value["card"])
        if not found:
            raise fail("card", tr("no card has the id or the text \"{card}\"").format(
                card=_short(value["card"])))
        if len(found) > 1:
            raise fail("card", tr("{count} cards have the text \"{card}\"; use the card's id")
                       .format(count=len(found), card=_short(value["card"])))
        service_map, card_id = found[0]
        metric = _METRIC.get(normalise_word(value["metric"]))
        if metric is None:
            raise fail("metric", tr("\"{metric}\" is not a metric; use csat, ces, nps, importance "
                                    "or performance").format(metric=_short(value["metric"])))
        phase = None
        if value.get("phase"):
            phase = _PHASE.get(normalise_word(value["phase"]))
            if phase is None:
                raise fail("phase", tr("\"{phase}\" is not a phase; use before or after, or "
                                       "leave it empty").format(phase=_short(value["phase"])))
        low, high = SCALES[metric]
        score = _whole(value["score"])
        if score is None or not low <= score <= high:
            raise fail("score", tr("{metric} is answered with a whole number from {low} to {high}, "
                                   "not \"{score}\"").format(metric=tr(METRIC_NAMES[metric]),
                                                             low=low, high=high,
                                                             score=_short(value["score"])))
        respondent = value.get("respondent", "")
        if respondent:
            key = (service_map.id, card_id, metric, phase, respondent)
            if key in answered:
                raise fail("respondent", tr("respondent \"{respondent}\" answered this question about this card in row {first} already")
                           .format(respondent=_short(respondent), first=answered[key]))
            answered[key] = row
        tally = counts.setdefault((service_map.id, card_id, metric, phase), {})
        tally[score] = tally.get(score, 0) + 1
        responses += 1
    if not responses:
        raise InterchangeError(tr("The CSV file has no responses with a score."))
    operations: list[Any] = []
    for (map_id, card_id, metric, phase), tally in counts.items():
        operations += add_counts(maps_by_id[map_id], card_id, metric, phase, tally)
    return SurveyImport(ops.Batch(operations), responses, len({key[:2] for key in counts}), skipped)


def _whole(text: str) -> int | None:
    """A whole number as a spreadsheet writes it ("4", "4.0"), else None."""
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return None
    if not number.is_integer() or abs(number) > 1000:
        return None
    return int(number)

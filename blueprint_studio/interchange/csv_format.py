"""CSV of one map's cards: what trainers prepare in Excel or WPS (docs/csv-format.md).

Import is lenient about how a spreadsheet wrote the file (UTF-8 with or without BOM, UTF-16,
GB18030; comma, semicolon or tab; header names in any case, English or Chinese) and strict
about the content: a bad cell raises `InterchangeError` naming the row (the header is row 1)
and the column. Export writes UTF-8 with a BOM (so Excel shows Chinese correctly) and
protects cells a spreadsheet would run as a formula.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import describe, tr
from ..i18n.labels import LANE_KIND_NAMES
from ..model import (
    Card, CardKind, Channel, Connector, Lane, LaneKind, ModelError, ServiceMap, Stage,
    STANDARD_LANES, new_id,
)
from ..model.enums import EMOTION_MAX, EMOTION_MIN, usual_card_kind
from ..model import limits
from ..model.fields import Field
from ..model.kinds import CARD, LANE, STAGE
from ..model.validate import check_map
from ..naming import column_letters
from .errors import InterchangeError
from .files import read_bytes, write_bytes_atomically
from .vocabulary import (
    CARD_KIND_WORDS, CHANNEL_WORDS, FALSE_WORDS, TRUE_WORDS, lane_kind_for, normalise_word,
)

# The columns, in the order export writes them (the order of the example file).
COLUMNS = ("id", "stage", "lane", "text", "kind", "channel", "emotion", "mot", "fail_point",
           "wait_min", "duration_min", "owner", "next", "notes")
REQUIRED_COLUMNS = ("stage", "lane", "text")
NUMERIC_COLUMNS = ("emotion", "wait_min", "duration_min")

# Header spellings accepted on import (compared after normalise_word).
_HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("card id", "编号", "卡片编号", "序号id"),
    "stage": ("阶段", "阶段名称"),
    "lane": ("swimlane", "泳道", "泳道名称"),
    "text": ("card", "卡片", "内容", "文字", "卡片内容"),
    "kind": ("type", "card kind", "类型", "卡片类型"),
    "channel": ("渠道",),
    "emotion": ("情绪", "情绪分", "情绪值"),
    "mot": ("moment of truth", "moments of truth", "关键时刻"),
    "fail_point": ("fail", "失误点"),
    "wait_min": ("wait", "wait minutes", "等待", "等待分钟", "等待时间", "等待时间分钟"),
    "duration_min": ("duration", "duration minutes", "时长", "时长分钟", "持续时间", "持续时间分钟"),
    "owner": ("负责人", "责任人"),
    "next": ("next ids", "下一步", "后续"),
    "notes": ("note", "备注", "说明"),
}
HEADER_WORDS: dict[str, str] = {}
for _column, _aliases in _HEADER_ALIASES.items():
    for _alias in (_column, *_aliases):
        HEADER_WORDS[normalise_word(_alias)] = _column

# Cells starting with these are run as formulas by Excel, WPS and LibreOffice.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPE = "'"
_NEXT_SEPARATORS = re.compile(r"[;；,，]")
_MINUTE_SUFFIX = re.compile(r"\s*(min|mins|minutes|分钟|分)$", re.IGNORECASE)
_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
MAX_MINUTES = 10_000_000

csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))


# -- escaping --------------------------------------------------------------------------

def escape_cell(text: str) -> str:
    """Prefix an apostrophe to text a spreadsheet would run as a formula.

    Text that already starts with an apostrophe is prefixed too, so that `unescape_cell`
    can tell our escape from the user's own apostrophe and the text round-trips exactly.
    """
    if text.startswith(FORMULA_STARTS) or text.startswith(_ESCAPE):
        return _ESCAPE + text
    return text


def unescape_cell(cell: str) -> str:
    """Undo `escape_cell`: drop a leading apostrophe that protects a formula start or another
    apostrophe. Any other leading apostrophe is part of the text."""
    if len(cell) >= 2 and cell[0] == _ESCAPE and (
            cell[1] in FORMULA_STARTS or cell[1] == _ESCAPE):
        return cell[1:]
    return cell


# -- reading: bytes → rows ---------------------------------------------------------------

def decode_csv_bytes(raw: bytes) -> str:
    """Text from the encodings Excel and WPS write: UTF-8 (BOM or not), UTF-16, GB18030."""
    if raw.startswith(b"\xef\xbb\xbf"):
        encodings = ("utf-8-sig",)
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InterchangeError(tr("This CSV file is neither UTF-8 nor GB18030 text."))


def _sniff_delimiter(text: str) -> tuple[str, str]:
    """(delimiter, text without an Excel "sep=" line). The header line decides."""
    first_line, _, rest = text.partition("\n")
    marker = first_line.strip()
    if marker.lower().startswith("sep=") and len(marker) == 5:
        return marker[4], rest
    counts = {delimiter: first_line.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return (best if counts[best] else ","), text


class _QuoteError(Exception):
    """A malformed quote; `index` is the 0-based cell of the record where it is."""

    def __init__(self, row: int, index: int, problem: str) -> None:
        super().__init__(problem)
        self.row, self.index, self.problem = row, index, problem


def _records(text: str) -> Iterator[tuple[int, list[str]]]:
    """(spreadsheet row number, cells): the header is row 1; multi-line cells count once.

    Strict about quotes: an unterminated quote would swallow every later row into one cell
    and text after a closing quote would be glued on silently, so both are refused. At most
    limits.CSV_ROWS rows are read, blank ones included."""
    delimiter, text = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    row = 0
    while True:
        row += 1
        first_line = reader.line_num  # lines read so far: this record starts on the next one
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            found = _bad_quote(text, _line_start(text, first_line), delimiter)
            if found is not None:
                raise _QuoteError(row, *found) from None
            raise InterchangeError(tr("Row {row} cannot be read as CSV: {reason}.").format(
                row=row, reason=error)) from None
        if row > limits.CSV_ROWS:
            raise InterchangeError(tr("Row {row}: a CSV file to import holds at most {limit} rows, "
                                      "blank rows included; delete the empty rows at its end or "
                                      "split it.").format(row=f"{row:,}", limit=f"{limits.CSV_ROWS:,}"))
        yield row, cells


def _line_start(text: str, lines_before: int) -> int:
    """Where line number `lines_before` + 1 starts; worked out only when a row is refused."""
    if lines_before == 0:
        return 0
    for count, match in enumerate(re.finditer(r"\r\n|\n|\r", text), start=1):
        if count == lines_before:
            return match.end()
    return len(text)


def _bad_quote(text: str, position: int, delimiter: str) -> tuple[int, str] | None:
    """Where the record starting at `position` breaks the quoting rules, and how."""
    index, at_start, end = 0, True, len(text)
    while position < end:
        char = text[position]
        if at_start and char == '"':
            search = position + 1
            while True:
                close = text.find('"', search)
                if close == -1:
                    return index, tr("a quoted cell is never closed, so every row after it "
                                     "would become part of this cell; add the missing \"")
                if text.startswith('""', close):
                    search = close + 2  # an escaped quote inside the cell
                    continue
                after = text[close + 1:close + 2]
                if after in (delimiter, "\n", "\r", ""):
                    position, at_start = close + 1, False
                    break
                return index, tr("there is text after the closing quote of this cell; put the "
                                 "whole cell in quotes and double any quote inside it (\"\")")
            continue
        if char == delimiter:
            index, at_start = index + 1, True
        elif char in "\r\n":
            return None
        else:
            at_start = False
        position += 1
    return None


# -- reading: rows → map ------------------------------------------------------------------

@dataclass
class _Header:
    positions: dict[str, int]   # column → index in the row
    written: dict[str, str]     # column → the header as written in the file
    width: int

    def cell(self, cells: list[str], column: str) -> str:
        index = self.positions.get(column)
        if index is None or index >= len(cells):
            return ""
        return unescape_cell(cells[index])



def _read_header(row: int, cells: list[str]) -> _Header:
    positions: dict[str, int] = {}
    written: dict[str, str] = {}
    for index, name in enumerate(cells):
        column = HEADER_WORDS.get(normalise_word(name.lstrip("\ufeff")))
        if column is None:
            continue  # other columns (a row number, a comment) are ignored
        if column in positions:
            raise InterchangeError(
                tr("Row {row}: the column \"{column}\" appears twice (columns {first} and {second}).")
                .format(row=row, column=column, first=column_letters(positions[column]),
                        second=column_letters(index)))
        positions[column] = index
        written[column] = name.strip().lstrip("\ufeff") or column
    missing = [column for column in REQUIRED_COLUMNS if column not in positions]
    if missing:
        raise InterchangeError(
            tr("The first row must name the columns; required columns are missing: {columns}.")
            .format(columns=", ".join(missing)))
    return _Header(positions, written, len(cells))


def _shown(value: str) -> str:
    """A cell quoted in a one-line message: whitespace collapsed, control characters visible."""
    one_line = " ".join(value.split())
    return "".join(ch if ch.isprintable() else "\ufffd" for ch in one_line)[:40]


class _RowError(Exception):
    def __init__(self, column: str, problem: str) -> None:
        super().__init__(problem)
        self.column, self.problem = column, problem


def _parse_word(value: str, table: dict[str, str], column: str, allowed: str) -> str:
    word = table.get(normalise_word(value))
    if word is None:
        raise _RowError(column, tr("\"{value}\" is not one of {allowed}").format(
            value=_shown(value), allowed=allowed))
    return word


def _parse_bool(value: str, column: str) -> bool:
    word = normalise_word(value)
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise _RowError(column, tr("\"{value}\" is not yes or no (also true/false, 1/0, 是/否)")
                    .format(value=_shown(value)))


def _parse_number(value: str, column: str) -> float | None:
    text = _MINUTE_SUFFIX.sub("", value.strip())
    if not text:
        return None
    if _THOUSANDS.match(text):  # Excel's "1,440" (quoted in a comma-delimited file)
        text = text.replace(",", "")
    try:
        number = float(text)
    except ValueError:
        raise _RowError(column, tr("\"{value}\" is not a number of minutes").format(
            value=_shown(value))) from None
    if not math.isfinite(number) or number < 0 or number > MAX_MINUTES:
        raise _RowError(column, tr("minutes must be between 0 and {max}").format(max=MAX_MINUTES))
    return number


def _parse_emotion(value: str, column: str) -> int | None:
    text = value.strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    if not number.is_integer() or not EMOTION_MIN <= number <= EMOTION_MAX:
        raise _RowError(column, tr("\"{value}\" is not a whole number from {low} to +{high}")
                        .format(value=_shown(value), low=EMOTION_MIN, high=EMOTION_MAX))
    return int(number)


@dataclass
class _MapBuilder:
    """Collects stages, lanes and cards in order of first appearance."""

    stages: dict[str, Stage] = field(default_factory=dict)
    standard: dict[LaneKind, Lane] = field(default_factory=dict)
    custom: dict[str, Lane] = field(default_factory=dict)
    # Each custom lane goes below the standard lane last seen before it (None = top).
    anchors: dict[str, LaneKind | None] = field(default_factory=dict)
    last_standard: LaneKind | None = None

    def stage(self, name: str) -> Stage:
        if name not in self.stages:
            self.stages[name] = Stage(name=name)
        return self.stages[name]

    def lane(self, name: str) -> Lane:
        kind = lane_kind_for(name)
        if kind is not None:
            self.last_standard = kind
            return self.standard.setdefault(kind, Lane(kind=kind))
        if name not in self.custom:
            self.custom[name] = Lane(kind=LaneKind.CUSTOM, name=name)
            self.anchors[name] = self.last_standard
        return self.custom[name]

    def lanes(self) -> list[Lane]:
        """The five standard lanes in standard order, custom lanes placed by their anchors."""
        def customs_after(anchor: LaneKind | None) -> list[Lane]:
            return [lane for name, lane in self.custom.items() if self.anchors[name] == anchor]

        ordered = customs_after(None)
        for kind in STANDARD_LANES:
            ordered.append(self.standard.get(kind) or Lane(kind=kind))
            ordered += customs_after(kind)
        return ordered


def _card_id(cell: str, used: set[str]) -> str:
    """Keep an id that is a UUID (so export → import keeps ids); others are file-local."""
    try:
        candidate = uuid.UUID(cell).hex
    except ValueError:
        return new_id()
    return candidate if candidate not in used else new_id()


def parse_csv_text(text: str, map_name: str) -> ServiceMap:
    """A map from the text of a CSV file (see docs/csv-format.md)."""
    state: dict[str, _Header] = {}
    try:
        return _parse_records(_records(text), map_name, state)
    except _QuoteError as error:
        raise _quote_error(error, state.get("header")) from None


def _quote_error(error: _QuoteError, header: _Header | None) -> InterchangeError:
    """Named by the column's header where the header is known, else by its letter."""
    if header is not None:
        for column, index in header.positions.items():
            if index == error.index:
                return _row_error(error.row, header, column, error.problem)
    return InterchangeError(tr("Row {row}, column {letter}: {problem}.").format(
        row=error.row, letter=column_letters(error.index), problem=error.problem))


def _parse_records(records: Iterator[tuple[int, list[str]]], map_name: str,
                   state: dict[str, _Header]) -> ServiceMap:
    header: _Header | None = None
    for row, cells in records:
        if any(cell.strip() for cell in cells):
            header = state["header"] = _read_header(row, cells)
            break
    if header is None:
        raise InterchangeError(tr("The CSV file is empty."))

    builder = _MapBuilder()
    cards: list[Card] = []
    file_ids: dict[str, tuple[int, Card]] = {}   # id written in the file → (row, card)
    next_cells: list[tuple[int, Card, str]] = []
    used_ids: set[str] = set()

    for row, cells in records:
        if not any(cell.strip() for cell in cells):
            continue  # spreadsheets leave blank rows behind
        if len(cards) >= CARD.at_most:  # type: ignore[operator]
            raise InterchangeError(tr("Row {row}: a map holds at most {limit} cards, so this "
                                      "file is too large to import as one map.").format(
                row=row, limit=f"{CARD.at_most:,}"))
        try:
            card = _read_row(header, row, cells, builder, used_ids)
        except _RowError as error:
            raise _row_error(row, header, error.column, error.problem) from None
        written_id = header.cell(cells, "id").strip()
        if written_id:
            if written_id in file_ids:
                raise _row_error(row, header, "id", tr("the id \"{id}\" is already used in row {other}")
                                 .format(id=_shown(written_id), other=file_ids[written_id][0]))
            file_ids[written_id] = (row, card)
        cards.append(card)
        next_cells.append((row, card, header.cell(cells, "next")))

    if not cards:
        raise InterchangeError(tr("The CSV file has a header but no cards below it."))
    service_map = ServiceMap(name=map_name, stages=list(builder.stages.values()),
                             lanes=builder.lanes())
    cell_sizes: dict[tuple[str, str], int] = {}
    for card in cards:
        cell = (card.stage_id, card.lane_id)
        card.order = cell_sizes.get(cell, 0)
        cell_sizes[cell] = card.order + 1
        service_map.cards[card.id] = card
    _add_connectors(service_map, header, file_ids, next_cells)
    try:
        check_map(service_map)
    except ModelError as error:  # a last guard: the rows above should make this impossible
        raise InterchangeError(tr("The CSV file does not make a valid map: {problem}.").format(
            problem=str(error).rstrip("."))) from None
    return service_map


def _read_row(header: _Header, row: int, cells: list[str], builder: _MapBuilder,
              used_ids: set[str]) -> Card:
    extra = [cell for cell in cells[header.width:] if cell.strip()]
    if extra:
        raise InterchangeError(
            tr("Row {row} has {cells} cells but the header has {width}; put text that contains "
               "the delimiter in quotes.").format(row=row, cells=len(cells), width=header.width))
    stage_name = _within_limit(header.cell(cells, "stage").strip(), "stage", STAGE.field("name"))
    if not stage_name:
        raise _RowError("stage", tr("every card needs a stage"))
    lane_name = _within_limit(header.cell(cells, "lane").strip(), "lane", LANE.field("name"))
    if not lane_name:
        raise _RowError("lane", tr("every card needs a lane"))
    lane = builder.lane(lane_name)
    stage = builder.stage(stage_name)
    kind_cell = header.cell(cells, "kind").strip()
    if kind_cell:
        kind = CardKind(_parse_word(kind_cell, CARD_KIND_WORDS, "kind", ", ".join(k.value for k in CardKind)))
    else:  # e.g. a card in the evidence lane is evidence
        kind = usual_card_kind(lane.kind)
    channel_cell = header.cell(cells, "channel").strip()
    channel = Channel(_parse_word(channel_cell, CHANNEL_WORDS, "channel",
                                  ", ".join(c.value for c in Channel))) if channel_cell else None
    card_id = _card_id(header.cell(cells, "id").strip(), used_ids)
    used_ids.add(card_id)
    return Card(
        id=card_id, stage_id=stage.id, lane_id=lane.id,
        text=_within_limit(header.cell(cells, "text"), "text", CARD.field("text")),
        kind=kind, channel=channel,
        emotion=_parse_emotion(header.cell(cells, "emotion"), "emotion"),
        moment_of_truth=_parse_bool(header.cell(cells, "mot"), "mot"),
        fail_point=_parse_bool(header.cell(cells, "fail_point"), "fail_point"),
        wait_minutes=_parse_number(header.cell(cells, "wait_min"), "wait_min"),
        duration_minutes=_parse_number(header.cell(cells, "duration_min"), "duration_min"),
        owner=_within_limit(header.cell(cells, "owner"), "owner", CARD.field("owner")),
        notes=_within_limit(header.cell(cells, "notes"), "notes", CARD.field("notes")),
    )


def _within_limit(value: str, column: str, spec: Field) -> str:
    """The cell's text, or the row error that names the field's limit (model.limits)."""
    try:
        return spec.check(value)
    except ModelError as error:
        raise _RowError(column, describe(error)) from None


def _add_connectors(service_map: ServiceMap, header: _Header,
                    file_ids: dict[str, tuple[int, Card]],
                    next_cells: list[tuple[int, Card, str]]) -> None:
    pairs: set[tuple[str, str]] = set()
    for row, card, cell in next_cells:
        for target_name in (part.strip() for part in _NEXT_SEPARATORS.split(cell)):
            if not target_name:
                continue
            if target_name not in file_ids:
                raise _row_error(row, header, "next", tr("no row has the id \"{id}\"").format(
                    id=_shown(target_name)))
            target = file_ids[target_name][1]
            if target.id == card.id:
                raise _row_error(row, header, "next", tr("a card cannot lead to itself"))
            if (card.id, target.id) not in pairs:
                pairs.add((card.id, target.id))
                connector = Connector(source_id=card.id, target_id=target.id)
                service_map.connectors[connector.id] = connector


def _row_error(row: int, header: _Header, column: str, problem: str) -> InterchangeError:
    index = header.positions.get(column)
    letter = f" ({column_letters(index)})" if index is not None else ""
    return InterchangeError(tr("Row {row}, column \"{column}\"{letter}: {problem}.").format(
        row=row, column=header.written.get(column, column), letter=letter,
        problem=problem.rstrip(".")))


def read_csv_map(path: str | os.PathLike[str], map_name: str | None = None) -> ServiceMap:
    """One map from a CSV file of cards; the map is named `map_name` or after the file."""
    text = decode_csv_bytes(read_bytes(path))
    return parse_csv_text(text, map_name if map_name is not None else Path(path).stem)


# -- writing -----------------------------------------------------------------------------

def _unique_names(names: list[str], fallback: str, avoid_lane_words: bool = False) -> list[str]:
    """Names as import will read them back: stripped, never empty, never twice (and, for
    custom lanes, never a word that import would take for a standard lane)."""
    result: list[str] = []
    seen: set[str] = set()
    for position, name in enumerate(names, start=1):
        base = name.strip() or fallback.format(number=position)
        candidate, copy_number = base, 2
        while candidate in seen or (avoid_lane_words and lane_kind_for(candidate) is not None):
            candidate = f"{base} ({copy_number})"
            copy_number += 1
        seen.add(candidate)
        result.append(candidate)
    return result


def _lane_cells(service_map: ServiceMap) -> dict[str, str]:
    """Standard lanes by their English key; custom lanes by a name import reads back as custom."""
    custom = [lane for lane in service_map.lanes if lane.kind is LaneKind.CUSTOM]
    names = _unique_names([lane.name for lane in custom],
                          tr(LANE_KIND_NAMES[LaneKind.CUSTOM]) + " {number}", avoid_lane_words=True)
    cells = {lane.id: name for lane, name in zip(custom, names)}
    for lane in service_map.lanes:
        if lane.kind is not LaneKind.CUSTOM:
            cells[lane.id] = lane.kind.value
    return cells


def _format_number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value.is_integer() else repr(value)


def csv_text(service_map: ServiceMap) -> str:
    """The CSV text of a map's cards, in reading order (stage by stage, lane by lane)."""
    stage_names = dict(zip((s.id for s in service_map.stages),
                           _unique_names([s.name for s in service_map.stages], tr("Stage {number}")),
                           strict=True))
    lane_cells = _lane_cells(service_map)
    next_ids: dict[str, list[str]] = {}
    for connector in service_map.connectors.values():
        next_ids.setdefault(connector.source_id, []).append(connector.target_id)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for card in service_map.cards_in_reading_order():
        writer.writerow([escape_cell(cell) for cell in (
            card.id, stage_names[card.stage_id], lane_cells[card.lane_id], card.text,
            card.kind.value, card.channel.value if card.channel else "",
        )] + [
            "" if card.emotion is None else str(card.emotion),
            "yes" if card.moment_of_truth else "", "yes" if card.fail_point else "",
            _format_number(card.wait_minutes), _format_number(card.duration_minutes),
        ] + [escape_cell(cell) for cell in (
            card.owner, ";".join(next_ids.get(card.id, [])), card.notes,
        )])
    return buffer.getvalue()


def write_csv_map(service_map: ServiceMap, path: str | os.PathLike[str]) -> None:
    """Write a map's cards as UTF-8 CSV with a BOM (Excel then reads Chinese correctly)."""
    write_bytes_atomically(path, csv_text(service_map).encode("utf-8-sig"))

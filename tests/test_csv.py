"""CSV of one map's cards: the trainers' Excel/WPS format, lenient reading, strict rows."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from blueprint_studio.interchange import (
    COLUMNS, InterchangeError, csv_text, parse_csv_text, read_csv_map, write_csv_map,
)
from blueprint_studio.interchange.csv_format import FORMULA_STARTS, decode_csv_bytes
from blueprint_studio.model import Card, CardKind, Channel, Connector, Lane, LaneKind, STANDARD_LANES
from blueprint_studio.model.factory import new_map
from strategies import service_maps

FIXTURE = Path(__file__).parent / "fixtures" / "enterprise_training_zh.csv"
HEADER = "id,stage,lane,text,kind,channel,emotion,mot,fail_point,wait_min,duration_min,owner,next,notes"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _signature(service_map):
    """Everything a CSV carries, independent of ids."""
    lane_of = {lane.id: (lane.kind.value, lane.name) for lane in service_map.lanes}
    stage_of = {s.id: s.name for s in service_map.stages}
    cards = [(stage_of[c.stage_id], lane_of[c.lane_id], c.order, c.text, c.kind, c.channel,
              c.emotion, c.moment_of_truth, c.fail_point, c.wait_minutes, c.duration_minutes,
              c.owner, c.notes) for c in service_map.cards_in_reading_order()]
    text = {c.id: c.text for c in service_map.cards.values()}
    arrows = sorted((text[a.source_id], text[a.target_id]) for a in service_map.connectors.values())
    return cards, arrows


def _write(tmp_path, content: str, encoding: str = "utf-8", name: str = "cards.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode(encoding))
    return path


# -- the real example -----------------------------------------------------------------

def test_fixture_reads_as_the_training_blueprint():
    service_map = read_csv_map(FIXTURE)
    assert service_map.name == "enterprise_training_zh"
    assert [s.name for s in service_map.stages] == ["提交培训需求", "培训准备", "参加培训", "培训回顾"]
    assert tuple(lane.kind for lane in service_map.lanes) == STANDARD_LANES
    assert len(service_map.cards) == 20 and len(service_map.connectors) == 15
    by_text = {c.text: c for c in service_map.cards.values()}
    confirm = by_text["确认参训人员与时间"]
    assert (confirm.emotion, confirm.wait_minutes, confirm.notes, confirm.owner) == (-1, 1440.0, "等待排期过长", "客户管理员")
    assert by_text["培训教材库"].fail_point and not by_text["培训教材库"].moment_of_truth
    assert by_text["参加培训并上机演练"].moment_of_truth and by_text["参加培训并上机演练"].duration_minutes == 180
    assert by_text["企点官网培训申请页"].kind is CardKind.EVIDENCE
    assert by_text["客户成功经理电话确认需求"].channel is Channel.INTERPERSONAL
    targets = {(service_map.cards[a.source_id].text, service_map.cards[a.target_id].text)
               for a in service_map.connectors.values()}
    assert ("填写培训需求表单", "客户成功经理电话确认需求") in targets
    assert ("CRM 记录培训工单", "确认参训人员与时间") in targets  # across stages
    # "e1", "c1" are file-local names: cards get fresh UUIDs.
    assert all(len(card_id) == 32 for card_id in service_map.cards)


def test_map_name_can_be_given():
    assert read_csv_map(FIXTURE, "培训 A").name == "培训 A"


@pytest.mark.parametrize("variant", ["gb18030", "utf-8-sig", "utf-16", "semicolon", "tab",
                                     "semicolon-gb18030", "sep-line", "crlf", "upper-header"])
def test_spreadsheet_variants_read_the_same(tmp_path, variant):
    import csv
    import io

    text = FIXTURE.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    delimiter = {"semicolon": ";", "semicolon-gb18030": ";", "tab": "\t"}.get(variant, ",")
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n" if variant != "crlf" else "\r\n").writerows(rows)
    content = buffer.getvalue()
    if variant == "sep-line":
        content = "sep=,\n" + content
    if variant == "upper-header":
        content = content.replace("stage,lane,text", "Stage,LANE,Text", 1)
    encoding = {"gb18030": "gb18030", "semicolon-gb18030": "gb18030", "utf-8-sig": "utf-8-sig",
                "utf-16": "utf-16"}.get(variant, "utf-8")
    path = _write(tmp_path, content, encoding)
    before = _digest(path)
    assert _signature(read_csv_map(path)) == _signature(read_csv_map(FIXTURE))
    assert _digest(path) == before  # import never touches its source


def test_gb18030_really_differs_from_utf8(tmp_path):
    raw = FIXTURE.read_text(encoding="utf-8").encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert "提交培训需求" in decode_csv_bytes(raw)


# -- vocabulary --------------------------------------------------------------------------

def test_chinese_lane_names_and_custom_lanes_in_order_of_appearance():
    text = "\n".join([
        "阶段,泳道,文字",
        "到店,痛点,排队太久",               # custom before any standard lane: goes on top
        "到店,有形展示,门头",
        "到店,客户行为,进门",
        "到店,情绪,紧张",                   # custom after customer
        "到店,前台,迎候",
        "办理,服务证据,表格",
        "办理,后台行为,审核",
        "办理,支持过程,核心系统",
        "办理,机会点,自动填表",             # custom after support
        "离店,Frontstage actions,道别",
        "离店,客户,离开",
        "离店,后台,归档",
        "离店,支持,CRM",
        "离店,前台行为,回访",
    ])
    service_map = parse_csv_text(text, "网点")
    assert [s.name for s in service_map.stages] == ["到店", "办理", "离店"]
    assert [(lane.kind.value, lane.name) for lane in service_map.lanes] == [
        ("custom", "痛点"), ("physical_evidence", ""), ("customer", ""), ("custom", "情绪"),
        ("frontstage", ""), ("backstage", ""), ("support", ""), ("custom", "机会点")]
    evidence = service_map.lane_of_kind(LaneKind.PHYSICAL_EVIDENCE)
    assert all(c.kind is CardKind.EVIDENCE for c in service_map.cards.values() if c.lane_id == evidence.id)
    assert all(c.kind is CardKind.ACTION for c in service_map.cards.values() if c.lane_id != evidence.id)


def test_the_five_standard_lanes_are_always_there():
    service_map = parse_csv_text("stage,lane,text\nA,customer,walk in\n", "m")
    assert tuple(lane.kind for lane in service_map.lanes) == STANDARD_LANES


def test_english_lane_keys_and_display_names_are_case_insensitive():
    rows = ["stage,lane,text"] + [f"S,{lane},x" for lane in (
        "PHYSICAL_EVIDENCE", "physical evidence", "Customer", "customer actions", "FrontStage",
        "Backstage actions", "support processes", "Support")]
    service_map = parse_csv_text("\n".join(rows), "m")
    assert all(lane.kind is not LaneKind.CUSTOM for lane in service_map.lanes)
    assert len(service_map.cards) == 8


@pytest.mark.parametrize("cell,expected", [
    ("yes", True), ("Y", True), ("TRUE", True), ("1", True), ("是", True), ("对", True), ("x", True),
    ("no", False), ("n", False), ("False", False), ("0", False), ("否", False), ("错", False), ("", False),
])
def test_booleans(cell, expected):
    service_map = parse_csv_text(f"stage,lane,text,mot,fail_point\nS,customer,t,{cell},{cell}\n", "m")
    card = next(iter(service_map.cards.values()))
    assert card.moment_of_truth is expected and card.fail_point is expected


def test_chinese_headers_kinds_and_channels():
    text = ("阶段,泳道,内容,类型,渠道,情绪,关键时刻,失误点,等待,时长,负责人,备注\n"
            "咨询,客户,打电话,触点,人际,+2,是,否,5 分钟,1.5,客户,急\n")
    card = next(iter(parse_csv_text(text, "m").cards.values()))
    assert (card.kind, card.channel, card.emotion, card.moment_of_truth, card.fail_point) == (
        CardKind.TOUCHPOINT, Channel.INTERPERSONAL, 2, True, False)
    assert (card.wait_minutes, card.duration_minutes, card.owner, card.notes) == (5.0, 1.5, "客户", "急")


@pytest.mark.parametrize("cell,minutes", [("1440", 1440.0), ("\"1,440\"", 1440.0), ("7.5", 7.5),
                                          ("15 min", 15.0), ("15分钟", 15.0), ("０", 0.0)])
def test_minutes_as_spreadsheets_write_them(cell, minutes):
    card = next(iter(parse_csv_text(f"stage,lane,text,wait_min\nS,customer,t,{cell}\n", "m").cards.values()))
    assert card.wait_minutes == minutes


def test_without_ids_cards_get_fresh_uuids_and_unused_columns_are_ignored():
    service_map = parse_csv_text("#,stage,lane,text,comment\n1,S,customer,a,ignore me\n2,S,customer,b,\n", "m")
    assert len(service_map.cards) == 2
    for card_id in service_map.cards:
        assert uuid.UUID(card_id).hex == card_id
    assert [c.text for c in service_map.cards_in_reading_order()] == ["a", "b"]


def test_uuid_ids_are_kept_and_next_accepts_several_separators():
    a, b, c = (uuid.uuid4().hex for _ in range(3))
    text = f"id,stage,lane,text,next\n{a},S,customer,a,\"{b}; {c}\"\n{b},S,frontstage,b,{c}\n{c},T,customer,c,\n"
    service_map = parse_csv_text(text, "m")
    assert set(service_map.cards) == {a, b, c}
    assert {(x.source_id, x.target_id) for x in service_map.connectors.values()} == {(a, b), (a, c), (b, c)}


def test_blank_rows_are_skipped_but_still_counted():
    text = "stage,lane,text,emotion\nS,customer,ok,1\n,,,\n\nS,customer,bad,9\n"
    with pytest.raises(InterchangeError, match=r"Row 5, column \"emotion\""):
        parse_csv_text(text, "m")


def test_multi_line_cells_count_as_one_row():
    text = 'stage,lane,text,emotion\nS,customer,"line 1\nline 2\nline 3",1\nS,customer,bad,high\n'
    with pytest.raises(InterchangeError, match=r"^Row 3, column \"emotion\" \(D\)"):
        parse_csv_text(text, "m")


# -- errors name the row and the column ----------------------------------------------------

BAD_ROWS = [
    ("e9,,customer,text,,,,,,,,,,", 3, "stage"),
    ("e9,S,,text,,,,,,,,,,", 3, "lane"),
    ("e9,S,customer,text,sticker,,,,,,,,,", 3, "kind"),
    ("e9,S,customer,text,,telepathy,,,,,,,,", 3, "channel"),
    ("e9,S,customer,text,,,3,,,,,,,", 3, "emotion"),
    ("e9,S,customer,text,,,1.5,,,,,,,", 3, "emotion"),
    ("e9,S,customer,text,,,happy,,,,,,,", 3, "emotion"),
    ("e9,S,customer,text,,,,maybe,,,,,,", 3, "mot"),
    ("e9,S,customer,text,,,,,perhaps,,,,,", 3, "fail_point"),
    ("e9,S,customer,text,,,,,,-5,,,,", 3, "wait_min"),
    ("e9,S,customer,text,,,,,,soon,,,,", 3, "wait_min"),
    ("e9,S,customer,text,,,,,,,nan,,,", 3, "duration_min"),
    ("e9,S,customer,text,,,,,,,inf,,,", 3, "duration_min"),
    ("e9,S,customer,text,,,,,,,,,ghost,", 3, "next"),
    ("e9,S,customer,text,,,,,,,,,e9,", 3, "next"),
    ("e1,S,customer,text,,,,,,,,,,", 3, "id"),
]


@pytest.mark.parametrize("row,number,column", BAD_ROWS)
def test_a_bad_row_names_its_row_and_column(tmp_path, row, number, column):
    path = _write(tmp_path, f"{HEADER}\ne1,S,customer,fine,,,,,,,,,,\n{row}\n")
    before = _digest(path)
    with pytest.raises(InterchangeError) as caught:
        read_csv_map(path)
    message = str(caught.value)
    assert message.startswith(f"Row {number}, column \"{column}\""), message
    assert "\n" not in message and message.endswith(".")
    assert _digest(path) == before


def test_row_with_an_unquoted_delimiter_is_explained():
    with pytest.raises(InterchangeError, match=r"Row 2 has 5 cells but the header has 3"):
        parse_csv_text("stage,lane,text\nS,customer,one,two,three\n", "m")


@pytest.mark.parametrize("content,match", [
    ("", "empty"),
    ("\n\n", "empty"),
    ("stage,text\nS,x\n", "required columns are missing: lane"),
    ("名字,年龄\n张三,3\n", "required columns are missing: stage, lane, text"),
    ("stage,lane,text,Stage\nS,customer,x,T\n", "appears twice"),
])
def test_files_without_the_right_header(content, match):
    with pytest.raises(InterchangeError, match=match):
        parse_csv_text(content, "m")


def test_binary_and_missing_files(tmp_path):
    png = tmp_path / "picture.csv"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\xff\xfe\x00")
    with pytest.raises(InterchangeError):
        read_csv_map(png)
    with pytest.raises(InterchangeError, match="no file"):
        read_csv_map(tmp_path / "missing.csv")
    with pytest.raises(InterchangeError, match="neither UTF-8 nor GB18030"):
        decode_csv_bytes(b"stage,lane,text\n\xff\xff\xff")


# -- export -------------------------------------------------------------------------------------

def _map_with(texts: list[str]):
    service_map = new_map("m", ["=stage", "Normal"])
    customer = service_map.lanes[1]
    for order, text in enumerate(texts):
        card = Card(service_map.stages[0].id, customer.id, order, text, owner=text, notes=text)
        service_map.cards[card.id] = card
    return service_map


def test_export_header_and_encoding(tmp_path):
    path = tmp_path / "out.csv"
    write_csv_map(read_csv_map(FIXTURE), path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8 Chinese
    assert raw.decode("utf-8-sig").splitlines()[0] == ",".join(COLUMNS) == HEADER
    assert _signature(read_csv_map(path)) == _signature(read_csv_map(FIXTURE))


FORMULAS = ["=SUM(A1:A2)", "+1", "-1", "@cmd", "\ttab", "\rreturn", "=HYPERLINK(\"http://x\")",
            "'quoted", "'=already", "''", "'", "plain", "-", "a=b"]


def test_export_defuses_formulas_and_import_restores_the_text():
    service_map = _map_with(FORMULAS)
    import csv
    import io

    rows = list(csv.reader(io.StringIO(csv_text(service_map), newline="")))
    for row in rows[1:]:
        for column, cell in zip(COLUMNS, row):
            if column not in ("emotion", "wait_min", "duration_min"):
                assert not cell.startswith(FORMULA_STARTS), (column, cell)
    assert rows[1][COLUMNS.index("stage")] == "'=stage"
    again = parse_csv_text(csv_text(service_map), "m")
    assert [c.text for c in again.cards_in_reading_order()] == FORMULAS
    assert [c.owner for c in again.cards_in_reading_order()] == FORMULAS
    assert again.stages[0].name == "=stage"


def test_a_cell_escaped_by_hand_is_read_as_text():
    service_map = parse_csv_text("stage,lane,text,emotion\nS,customer,'=1+1,'-1\nS,customer,'hello,\n", "m")
    cards = service_map.cards_in_reading_order()
    assert [c.text for c in cards] == ["=1+1", "'hello"]
    assert cards[0].emotion == -1


def test_numbers_are_written_plainly():
    service_map = _map_with(["a"])
    card = next(iter(service_map.cards.values()))
    card.emotion, card.wait_minutes, card.duration_minutes = -2, 1440.0, 12.25
    row = csv_text(service_map).splitlines()[1].split(",")
    assert row[COLUMNS.index("emotion")] == "-2"
    assert row[COLUMNS.index("wait_min")] == "1440"
    assert row[COLUMNS.index("duration_min")] == "12.25"


def test_export_keeps_columns_distinct_when_names_clash():
    service_map = new_map("m", ["Same", "Same", ""])
    service_map.lanes.append(Lane(kind=LaneKind.CUSTOM, name="customer"))  # looks standard
    service_map.lanes.append(Lane(kind=LaneKind.CUSTOM, name=""))
    for stage in service_map.stages:
        for lane in service_map.lanes:
            card = Card(stage.id, lane.id, 0, "x")
            service_map.cards[card.id] = card
    again = parse_csv_text(csv_text(service_map), "m")
    assert len(again.stages) == 3 and [s.name for s in again.stages][2]
    assert len(again.lanes) == 7
    assert [lane.kind for lane in again.lanes].count(LaneKind.CUSTOM) == 2


# -- round trip over hostile maps -----------------------------------------------------------------

def _check_round_trip(original, again):
    """Card fields, ids, cell membership and order, stage and lane order, arrows."""
    assert set(again.cards) == set(original.cards)  # UUID ids survive
    fields = ("text", "kind", "channel", "emotion", "moment_of_truth", "fail_point",
              "wait_minutes", "duration_minutes", "owner", "notes")
    for card_id, card in original.cards.items():
        copy = again.cards[card_id]
        assert [getattr(copy, f) for f in fields] == [getattr(card, f) for f in fields]
        lane, lane_again = original.lane(card.lane_id), again.lane(copy.lane_id)
        assert lane_again.kind is lane.kind
        if lane.kind is LaneKind.CUSTOM and lane.name.strip():
            assert lane_again.name.startswith(lane.name.strip())
    # Stages and custom lanes: the same partition of cards, in the same order.
    for axis in ("stage_id", "lane_id"):
        mapping: dict[str, str] = {}
        for card_id, card in original.cards.items():
            key = getattr(card, axis)
            if axis == "lane_id" and original.lane(key).kind is not LaneKind.CUSTOM:
                key = original.lane(key).kind.value  # lanes of one standard kind merge
            assert mapping.setdefault(key, getattr(again.cards[card_id], axis)) == getattr(again.cards[card_id], axis)
        assert len(set(mapping.values())) == len(mapping)
    used = [s.id for s in original.stages if any(c.stage_id == s.id for c in original.cards.values())]
    assert [again.stage(again.cards[next(c for c in original.cards if original.cards[c].stage_id == s)].stage_id).id
            for s in used] == [s.id for s in again.stages]
    by_cell = {}
    for card in original.cards_in_reading_order():
        copy = again.cards[card.id]
        by_cell.setdefault((copy.stage_id, copy.lane_id), []).append(copy.order)
    assert all(orders == sorted(orders) for orders in by_cell.values())
    assert {(c.source_id, c.target_id) for c in again.connectors.values()} == \
        {(c.source_id, c.target_id) for c in original.connectors.values()}


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(service_maps(max_stages=4, max_cards=12))
def test_map_csv_map_keeps_every_card_field(service_map):
    raw = csv_text(service_map).encode("utf-8-sig")
    if not service_map.cards:  # only a header: CSV carries stages and lanes only with cards
        with pytest.raises(InterchangeError, match="a header but no cards"):
            parse_csv_text(decode_csv_bytes(raw), "m")
        return
    again = parse_csv_text(decode_csv_bytes(raw), "m")
    _check_round_trip(service_map, again)
    assert csv_text(parse_csv_text(csv_text(again), "m")) == csv_text(again)


def test_round_trip_through_a_file_with_arrows(tmp_path):
    service_map = read_csv_map(FIXTURE)
    connector = next(iter(service_map.connectors.values()))
    reverse = Connector(connector.target_id, connector.source_id)
    service_map.connectors[reverse.id] = reverse
    path = tmp_path / "again.csv"
    write_csv_map(service_map, path)
    _check_round_trip(service_map, read_csv_map(path))


# -- whatever the file holds, the answer is a map or one InterchangeError ------------------------

from hypothesis import strategies as st  # noqa: E402

_cells = st.sampled_from(["stage", "lane", "text", "id", "next", "emotion", "mot", "wait_min",
                          "kind", "channel", "", "S", "customer", "前台", "x", "'=1", "-3", "1",
                          "yes", "a;b", "\"", "\n", "\x00", ",", ";", "\t", "😀", "é"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_cells, max_size=8), max_size=8), st.sampled_from([",", ";", "\t"]))
def test_any_text_gives_a_map_or_a_clear_error(rows, delimiter):
    text = "\n".join(delimiter.join(row) for row in rows)
    try:
        service_map = parse_csv_text(text, "m")
    except InterchangeError as error:
        assert str(error) and "\n" not in str(error)
        return
    assert len(service_map.lanes) >= 5


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_give_a_map_or_a_clear_error(raw):
    try:
        parse_csv_text(decode_csv_bytes(b"stage,lane,text\n" + raw), "m")
    except InterchangeError:
        pass

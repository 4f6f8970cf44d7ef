"""PDF export: open the files and check pages, sizes, fonts, text and the 7 pt minimum."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from pypdf import PdfReader

from blueprint_studio.export import ExportError, export_pdf
from blueprint_studio.export import geometry
from blueprint_studio.export.text import MIN_PT, clean, fit, wrap, text_width
from blueprint_studio.model import Card, CardKind, Connector, LaneKind, MapKind, Project, ProjectInfo
from blueprint_studio.model.factory import new_map
from tests.strategies import HOSTILE_SAMPLES, projects

A4 = (595.3, 841.9)
A3 = (841.9, 1190.6)
POPPLER = shutil.which("pdftotext") is not None and shutil.which("pdffonts") is not None
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")


def make_project(texts: list[str], stages: int = 4, kind: MapKind = MapKind.BLUEPRINT,
                 title: str = "NPS 净推荐值 ✓ workshop") -> Project:
    service_map = new_map("Onboarding 开户", [f"Stage {i} 阶段" for i in range(stages)], kind)
    lanes = service_map.lanes
    for index, value in enumerate(texts):
        stage = service_map.stages[index % stages]
        lane = lanes[(index // stages) % len(lanes)]
        card = Card(stage.id, lane.id, len(service_map.cards_in_cell(stage.id, lane.id)), text=value,
                    kind=list(CardKind)[index % len(CardKind)], emotion=(index % 5) - 2,
                    moment_of_truth=index % 3 == 0, fail_point=index % 4 == 1,
                    wait_minutes=float(index * 17) if index % 2 else None)
        service_map.cards[card.id] = card
    ids = list(service_map.cards)
    for source, target in zip(ids, ids[1:]):
        connector = Connector(source, target, "next")
        service_map.connectors[connector.id] = connector
    return Project(info=ProjectInfo(title=title, organisation="ACME & Co <b>", date="2026-11-22",
                                    trainer="王老师", group="第 3 组"), maps=[service_map])


def pdftext(path: Path) -> str:
    if POPPLER:
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                             check=True).stdout.decode("utf-8")
    else:
        out = "".join(page.extract_text() for page in PdfReader(path).pages)
    return re.sub(r"\s+", "", out)


def squash(value: str) -> str:
    return re.sub(r"\s+", "", clean(value))


def font_sizes(path: Path) -> set[float]:
    """Every font size set in the content streams (the layout never scales text by CTM)."""
    sizes = set()
    for page in PdfReader(path).pages:
        data = page.get_contents().get_data().decode("latin-1")
        sizes.update(float(s) for s in re.findall(r"/F\S*\s+([\d.]+)\s+Tf", data))
    return sizes


def assert_fonts_embedded(path: Path) -> None:
    if not POPPLER:
        pytest.skip("pdffonts not installed")
    rows = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True,
                          text=True).stdout.splitlines()[2:]
    assert rows, "no fonts listed"
    for row in rows:
        assert "Helvetica" not in row
        assert re.search(r"\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", row)
        emb = row.split()[-5]
        assert emb == "yes", row


CARD_TEXTS = ["NPS 净推荐值 ✓", "<b>bold</b> & <font color=red>", "客户成功经理电话确认需求",
              "Fill in the training request form", "x" * 3000]


def test_handout_has_cover_map_table_and_every_card(tmp_path):
    project = make_project(CARD_TEXTS + [f"card number {i}" for i in range(15)])
    out = tmp_path / "handout.pdf"
    result = export_pdf(project, out, kind="handout", lang="en")
    reader = PdfReader(out)
    assert len(reader.pages) == result.pages >= 5
    first = reader.pages[0].mediabox
    assert (round(float(first.width), 1), round(float(first.height), 1)) == A4
    map_page = reader.pages[1].mediabox
    assert float(map_page.width) > float(map_page.height)  # the map is on a landscape page
    text = pdftext(out)
    for card in project.maps[0].cards.values():
        if card.text != "x" * 3000:
            assert squash(card.text) in text, card.text[:40]
    # The long card is printed whole in "All cards" (its row continues on the next page) and
    # only named, shortened, in the findings: 3,000 x's, plus 59 where it is named.
    assert text.count("x") >= 3000 + 59
    assert "x" * 59 + "…" in text
    for label in ("Moments of truth", "Emotion curve", "Notes", "Organisation"):
        assert squash(label) in text
    assert "ACME&Co<b>" in text and "王老师" in text
    assert f"2/{result.pages}" in text and f"{result.pages}/{result.pages}" in text
    assert min(font_sizes(out)) >= MIN_PT
    assert_fonts_embedded(out)


def test_chinese_labels_follow_lang(tmp_path):
    project = make_project(["填写表单"])
    zh, en = tmp_path / "zh.pdf", tmp_path / "en.pdf"
    export_pdf(project, zh, kind="handout", lang="zh")
    export_pdf(project, en, kind="handout", lang="en")
    zh_text, en_text = pdftext(zh), pdftext(en)
    for chinese in ("互动分界线", "可视分界线", "内部互动分界线", "客户行为", "关键时刻", "工作坊讲义"):
        assert chinese in zh_text
    for english in ("Lineofinteraction", "Lineofvisibility", "Customeractions", "Workshophandout"):
        assert english in en_text and english not in zh_text


def test_one_page_poster_sizes(tmp_path):
    small = make_project(CARD_TEXTS[:2], stages=3)
    for paper, landscape, expected in (("A3", True, (A3[1], A3[0])), ("A4", False, A4),
                                       ("Letter", True, (792.0, 612.0))):
        project = small if paper == "A4" else make_project(CARD_TEXTS)
        out = tmp_path / f"{paper}.pdf"
        assert export_pdf(project, out, kind="poster", paper=paper, landscape=landscape).pages == 1
        box = PdfReader(out).pages[0].mediabox
        assert (round(float(box.width), 1), round(float(box.height), 1)) == expected
        assert min(font_sizes(out)) >= MIN_PT
        assert squash("NPS 净推荐值 ✓") in pdftext(out)
        assert squash("<b>bold</b> & <font color=red>") in pdftext(out)
        assert_fonts_embedded(out)


def test_poster_too_large_for_one_page_says_so_and_tiling_works(tmp_path):
    project = make_project([f"Step {i} 流程" for i in range(160)], stages=16)
    with pytest.raises(ExportError, match="tile") as refused:
        export_pdf(project, tmp_path / "one.pdf", kind="poster", paper="A4")
    assert "--" not in str(refused.value)  # the window shows it too: no command-line flags
    assert not (tmp_path / "one.pdf").exists()
    assert not list(tmp_path.iterdir())  # no half-written temp file left behind
    out = tmp_path / "tiled.pdf"
    result = export_pdf(project, out, kind="poster", paper="A4", landscape=True, tile_scale=1.0)
    layout = geometry.layout_map(project.maps[0])
    assert result.pages == len(PdfReader(out).pages) > 2
    text = pdftext(out)
    tiles = result.pages - 1  # the first page shows how they fit together
    assert "A1" in text and "B1" in text and "A2" in text
    assert squash("Assembly:") in text
    # every tile page carries its label, and the pages cover the whole map
    labels = re.findall(r"Page([A-Z]+\d+)of(\d+)×(\d+)", text)
    rows, columns = int(labels[0][1]), int(labels[0][2])
    assert rows * columns == tiles == len(labels)
    assert rows >= 2 and columns * (A4[1] - 2 * 34.0) >= layout.width
    for index in range(160):
        assert squash(f"Step {index} 流程") in text
    assert min(font_sizes(out)) >= MIN_PT


def test_tile_scale_below_minimum_is_refused(tmp_path):
    with pytest.raises(ExportError, match="7 pt"):
        export_pdf(make_project(["a"]), tmp_path / "x.pdf", kind="poster", tile_scale=0.5)


def test_blank_templates(tmp_path):
    project = make_project(["never printed on a blank"], stages=3)
    out = tmp_path / "blank.pdf"
    assert export_pdf(project, out, kind="blank", landscape=True, lang="zh").pages == 1
    text = pdftext(out)
    assert "never" not in text
    for label in ("有形展示", "客户行为", "前台行为", "后台行为", "支持过程", "互动分界线", "可视分界线",
                  "内部互动分界线", "Stage0阶段", "Stage2阶段"):
        assert label in text
    journey = tmp_path / "journey.pdf"
    export_pdf(project, journey, kind="blank_journey", columns=6, lang="en")
    journey_text = pdftext(journey)
    assert "Emotioncurve" in journey_text and "+2" in journey_text and "Stage0" not in journey_text
    assert_fonts_embedded(journey)


def test_hostile_text_and_missing_glyphs_print(tmp_path):
    project = make_project(HOSTILE_SAMPLES, stages=3, title="<font color=red>&amp;\x00")
    out = tmp_path / "hostile.pdf"
    export_pdf(project, out, kind="handout", lang="zh")
    text = pdftext(out)
    assert "<b>bold</b>" in text and "&amp;&<fontcolor=red>" in text
    assert "emoji□□" in text  # emoji are not in the font: a visible stand-in, no crash
    assert "nul" in text and "\x00" not in text
    export_pdf(project, tmp_path / "poster.pdf", kind="poster", paper="A3", landscape=True)


def test_long_text_is_shortened_on_the_map_and_full_in_the_table():
    lines, cut = fit("x" * 3000, geometry.CARD_TEXT_PT, 100, geometry.CARD_MAX_LINES)
    assert cut and len(lines) == geometry.CARD_MAX_LINES and lines[-1].endswith("…")
    assert all(text_width(line, geometry.CARD_TEXT_PT) <= 100 for line in lines)


def test_wrapping_breaks_chinese_anywhere_and_latin_at_spaces():
    lines = wrap("客户成功经理回访（NPS 调研）。 unbelievably-long-hyphenated-word", 9, 60)
    assert all(text_width(line, 9) <= 60 for line in lines)
    assert "".join(lines).replace(" ", "") == "客户成功经理回访（NPS调研）。unbelievably-long-hyphenated-word"
    assert not any(line.startswith(("。", "）", "，")) for line in lines)
    assert wrap("two words", 9, 200) == ["two words"]


def test_card_table_repeats_header_and_survives_huge_text(tmp_path):
    project = make_project(["長" * 20000] + [f"row {i}" for i in range(120)])
    out = tmp_path / "big.pdf"
    export_pdf(project, out, kind="handout", notes_pages=0)
    text = pdftext(out)
    assert text.count("長") >= 20000  # the whole text, across several pages
    assert text.count("StageLaneKindText") >= 3  # the header row repeats on every table page


def test_unknown_choices_give_one_sentence(tmp_path):
    project = make_project(["a"])
    for kwargs, fragment in ((dict(paper="A9"), "paper"), (dict(kind="flyer"), "kind"),
                             (dict(map_id="nope"), "no map"), (dict(lang="fr"), "language")):
        with pytest.raises(ExportError, match=fragment):
            export_pdf(project, tmp_path / "x.pdf", **kwargs)
    with pytest.raises(ExportError, match="does not exist"):
        export_pdf(project, tmp_path / "missing" / "x.pdf")


def test_map_chosen_by_name_and_journey_kind(tmp_path):
    project = make_project(["旅程"], kind=MapKind.JOURNEY)
    out = tmp_path / "j.pdf"
    export_pdf(project, out, kind="poster", map_id="onboarding 开户", lang="zh")
    assert "情绪曲线" in pdftext(out)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(project=projects(max_maps=2))
def test_any_project_exports_every_kind(tmp_path, project):
    for kind in ("handout", "blank"):
        export_pdf(project, tmp_path / f"{kind}.pdf", kind=kind, lang="zh")
    try:
        export_pdf(project, tmp_path / "poster.pdf", kind="poster", paper="A3", landscape=True)
    except ExportError as error:
        assert "tile" in str(error)
        export_pdf(project, tmp_path / "poster.pdf", kind="poster", tile_scale=1.0)
    assert min(font_sizes(tmp_path / "poster.pdf")) >= MIN_PT
    text = pdftext(tmp_path / "handout.pdf")
    for service_map in project.maps:
        for card in service_map.cards.values():
            # very long texts continue over pages (headers in between): check their start
            assert squash(card.text)[:300] in text


def test_preview_builds_only_the_first_pages(tmp_path):
    project = make_project([f"card {i}" for i in range(30)])
    full = export_pdf(project, tmp_path / "full.pdf", kind="handout")
    preview = export_pdf(project, tmp_path / "preview.pdf", kind="handout", preview=True)
    assert preview.pages == 2 < full.pages
    assert len(PdfReader(tmp_path / "preview.pdf").pages) == 2


def test_tiling_suggests_a_scale_that_saves_a_row_of_pages(tmp_path):
    project = make_project([f"card {i}" for i in range(8)])
    layout = geometry.layout_map(project.maps[0])
    cell_h = A4[1] - 2 * 34.016 - 22  # portrait A4 content height under the label strip
    just_too_tall = (cell_h + 12) / layout.height  # overflows one page by 12 pt
    result = export_pdf(project, tmp_path / "t.pdf", kind="poster", tile_scale=just_too_tall)
    assert any("would need" in warning for warning in result.warnings)
    suggested = float(re.search(r"scale ([\d.]+)", result.warnings[-1]).group(1))
    fewer = export_pdf(project, tmp_path / "u.pdf", kind="poster", tile_scale=suggested)
    assert fewer.pages < result.pages


def test_the_emotion_band_follows_the_maps_own_switch():
    """A journey map whose curve was switched off in the inspector prints without it too."""
    journey = new_map("Journey", ["Aware", "Buy"], kind=MapKind.JOURNEY)
    assert geometry.shows_emotion(journey)
    journey.show_emotion_curve = False
    assert not geometry.shows_emotion(journey)


def test_a_missing_bundled_font_is_one_translated_sentence_on_the_command_line(tmp_path):
    """A broken installation: one line on stderr in the user's language, no traceback."""
    import sys

    from blueprint_studio.storage import write_project
    from blueprint_studio.templates import build_template

    project_file, out = tmp_path / "p.bpstudio", tmp_path / "x.pdf"
    write_project(build_template("blank_blueprint", "en"), project_file)
    script = (
        "import sys; from pathlib import Path\n"
        "import blueprint_studio.export.text as text\n"
        "text.font_path = lambda: Path('/nonexistent/wqy-microhei.ttc')\n"
        "from blueprint_studio.cli import main\n"
        f"sys.exit(main(['export', {str(project_file)!r}, '-o', {str(out)!r}, '--lang', 'zh']))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                            cwd=Path(__file__).resolve().parents[1])
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "无法加载内置字体" in result.stderr
    assert not out.exists()


def test_handout_lists_the_flow_findings(tmp_path):
    """The handout's findings table names the loop, the gap and the critical path's minutes."""
    service_map = new_map("Flow", ["Ask", "Wait", "Fix"])
    lanes = {lane.kind: lane for lane in service_map.lanes}
    cards = {}
    for name, stage, lane, minutes in [("Askforhelp", 0, LaneKind.CUSTOMER, 5),
                                       ("Agentanswers", 0, LaneKind.FRONTSTAGE, 10),
                                       ("Trythefix", 2, LaneKind.CUSTOMER, 15)]:
        card = Card(service_map.stages[stage].id, lanes[lane].id, 0, text=name,
                    duration_minutes=float(minutes), emotion=0 if lane is LaneKind.CUSTOMER else None)
        service_map.cards[card.id] = card
        cards[name] = card.id
    for source, target in [("Askforhelp", "Agentanswers"), ("Agentanswers", "Trythefix"),
                           ("Trythefix", "Agentanswers")]:
        connector = Connector(cards[source], cards[target])
        service_map.connectors[connector.id] = connector
    out = tmp_path / "flow.pdf"
    export_pdf(Project(info=ProjectInfo(title="Flow"), maps=[service_map]), out, kind="handout")
    text = pdftext(out)
    findings = text[text.index("Flowfindings"):]
    assert "Reworkloops" in findings and "Agentanswers→Trythefix" in findings
    assert "StageswithoutacustomeractionWait" in findings
    assert "Fromthefirsttothelastcustomeraction:30minforonepass,3steps" in findings
    assert "Askforhelp→Agentanswers→Trythefix" in findings
    # The way back Trythefix → Agentanswers is a loop: one more pass repeats both cards.
    assert "+25minforeachextrapassthroughtheloopAgentanswers→Trythefix" in findings

"""The concept-screening sheets in print (issue 10): every sheet blank and filled, both
languages, A4/A3 portrait/landscape; only the bundled font, nothing under 7 pt, the texts
people look for (concept titles, weights, CR, "Saaty"), qpdf's structure check; the
command line's new kinds and their errors; the sheets as sections of the handout."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from blueprint_studio.cli import main
from blueprint_studio.export import ExportError, SHEET_KINDS, export_pdf
from blueprint_studio.export.sample_screening import add_sample_screening
from blueprint_studio.export.samples import enterprise_training
from blueprint_studio.export.text import MIN_PT
from blueprint_studio.i18n import _ZH
from blueprint_studio.model.entities import Project, ProjectInfo
from blueprint_studio.model.screening import (
    Comparison, Concept, Criterion, MissingRule, Score, Screening, Voter, WeightSource,
)
from tests.test_pdf_export import font_sizes, pdftext, squash

POPPLER = shutil.which("pdftotext") is not None and shutil.which("pdffonts") is not None
QPDF = shutil.which("qpdf") is not None
A4 = (595.3, 841.9)
A3 = (841.9, 1190.6)
PACKAGE = Path(__file__).resolve().parent.parent / "blueprint_studio"
MODULES = ("sheets", "screening_sheets", "ahp_page", "concept_tables", "screening_print")
PAIRWISE = ",Value,Feasibility,Cost,Fit\nValue,1,4,3,7\nFeasibility,,1,1/3,3\nCost,,,1,5\nFit,,,,1\n"
SCORES = ("concept,criterion,voter,score\n" + "".join(
    f"{concept},{criterion},G{voter},{score}\n"
    for concept, row in (("Self check-in", (5, 4, 3, 4)), ("Welcome call", (3, 5, 4, 2)))
    for voter in (1, 2) for criterion, score in zip(("Value", "Feasibility", "Cost", "Fit"), row)))


def sample(lang: str = "en", inconsistent: bool = False) -> Project:
    project = enterprise_training(lang)
    add_sample_screening(project, lang, inconsistent)
    return project


def check_pdf(path: Path) -> str:
    """The quality bars: qpdf's check, the bundled font only, embedded, ≥ 7 pt; the text."""
    if QPDF:
        checked = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert checked.returncode == 0, checked.stdout + checked.stderr
    assert min(font_sizes(path)) >= MIN_PT
    if POPPLER:
        rows = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True,
                              text=True).stdout.splitlines()[2:]
        assert rows
        for row in rows:
            assert re.match(r"[A-Z]{6}\+WenQuanYiMicroHei", row), row  # the bundled font, subset
            assert row.split()[-5] == "yes", row  # embedded
    return pdftext(path)


def needs_poppler(function):
    return pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")(function)


# -- every sheet, filled and blank, in both languages -----------------------------------------

EXPECTED = {
    # kind: (filled English, filled Chinese) fragments that must be in the text
    "screening": (["Concept screening sheet", "Tailored course after a scenario study",
                   "54.8 %", "12.7 %", "27.0 %", "5.6 %", "pass line", "not ranked",
                   "Every voter's scores", "Missing scores"],
                  ["概念筛选表", "业务场景调研后定制课程", "54.8 %", "通过线", "未排名", "缺失评分"]),
    "ahp": (["AHP weights", "0.044", "4.118", "0.039", "0.90", "Saaty (1980)", "54.8 %",
             "Consistent", "Random index"],
            ["层次分析法权重", "0.044", "4.118", "Saaty (1980)", "萨蒂标度", "随机一致性指标"]),
    "solidification": (["Concept solidification table", "Tailored course after a scenario study",
                        "Beginner, intermediate and advanced series", "Target persona",
                        "Success KPI", "Attend the training and practise"],
                       ["概念固化表", "业务场景调研后定制课程", "目标用户画像", "成功指标"]),
    "usertest": (["User test sheet", "Hypothesis", "Pilot with 3 newly signed clients",
                  "4 of 5 chose the right level", "Next step"],
                 ["用户测试表", "假设", "下一步", "在 3 家新签客户试点"]),
}
BLANK_EXPECTED = {
    "screening": (["Concept screening sheet", "Value to the client", "54.8 %", "Mean", "Group",
                   "Weighted total", "Pass line", "1. Tailored course after a"],
                  ["概念筛选表", "客户价值", "54.8 %", "平均分", "小组", "加权总分"]),
    "ahp": (["AHP pairwise comparison", "Value to the client", "Saaty (1980)", "CR = CI / RI",
             "λmax"], ["层次分析法两两比较", "客户价值", "Saaty (1980)", "萨蒂标度"]),
    "solidification": (["Concept solidification table", "Target persona", "Problem", "Solution",
                        "Touchpoints and moments of truth", "Resources", "Success KPI"],
                       ["概念固化表", "目标用户画像", "解决方案", "所需资源"]),
    "usertest": (["User test sheet", "Hypothesis", "Test method", "Participants", "Tasks",
                  "Success measure", "Result", "Next step"],
                 ["用户测试表", "假设", "测试方法", "参与者", "成功标准"]),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("blank", [False, True], ids=["filled", "blank"])
@pytest.mark.parametrize("kind", SHEET_KINDS)
def test_every_sheet_prints_in_both_languages(tmp_path, kind, blank, lang):
    out = tmp_path / f"{kind}.pdf"
    result = export_pdf(sample(lang), out, kind=kind, blank=blank, lang=lang)
    assert result.pages == len(PdfReader(out).pages) >= 1
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width), 1), round(float(box.height), 1)) == A4
    text = check_pdf(out)
    expected = (BLANK_EXPECTED if blank else EXPECTED)[kind][lang == "zh"]
    for fragment in expected:
        assert squash(fragment) in text, fragment
    if lang == "zh":  # the sheet's own words are Chinese, not English
        for english in ("Concept screening sheet", "Weighted total", "Target persona", "Hypothesis",
                        "Random index", "What it means"):
            assert squash(english) not in text


@pytest.mark.parametrize("paper, landscape, size", [
    ("A4", False, A4), ("A4", True, A4[::-1]), ("A3", False, A3), ("A3", True, A3[::-1])])
@pytest.mark.parametrize("kind", SHEET_KINDS)
def test_every_paper_and_orientation(tmp_path, kind, paper, landscape, size):
    project = sample("zh")
    for blank in (False, True):
        out = tmp_path / f"{kind}_{blank}.pdf"
        export_pdf(project, out, kind=kind, blank=blank, paper=paper, landscape=landscape, lang="zh")
        for page in PdfReader(out).pages:
            assert (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)) == size
        check_pdf(out)


# -- what the filled sheets say ----------------------------------------------------------------

def test_the_screening_sheet_ranks_marks_the_pass_line_and_the_missing_score(tmp_path):
    out = tmp_path / "s.pdf"
    export_pdf(sample(), out, kind="screening", lang="en")
    text = check_pdf(out)
    # ranked by total with the tie sharing rank 3; the pass line between passed and below
    ranking = text.index("Ranking")
    order = [text.index(squash(t), ranking) for t in ("Tailored course after a scenario study",
                                             "Beginner, intermediate and advanced series",
                                             "pass line: weighted total ≥ 3.50",
                                             "Usage guidelines for the client's scenarios")]
    assert order == sorted(order)
    assert "4.18" in text and "✔passed" in text and "✘below" in text
    assert "5.00*" in text  # a mean over fewer voters is marked
    assert squash("Missing scores: a concept is not ranked until every voter has scored every "
                  "criterion.") in text
    assert squash("—not ranked") in text
    assert "Weightedtotals" in text and "passline3.50" in text  # the bar chart and its line


def test_the_average_rule_is_stated_and_ranks_the_incomplete_concept(tmp_path):
    project = sample()
    project.screenings[0].missing_rule = MissingRule.AVERAGE
    out = tmp_path / "s.pdf"
    export_pdf(project, out, kind="screening", lang="en")
    text = check_pdf(out)
    assert squash("a criterion's score is the mean over the voters who scored it") in text
    assert squash("—not ranked") not in text


def test_an_inconsistent_matrix_names_the_comparison_to_revisit(tmp_path):
    out = tmp_path / "ahp.pdf"
    export_pdf(sample("en", inconsistent=True), out, kind="ahp", lang="en")
    text = check_pdf(out)
    assert squash("Not consistent: CR = 0.111 > 0.10") in text
    assert squash("The comparison that disagrees most: C1 Value to the client against C3 Cost, "
                  "judged 1/3") in text
    assert "▲" in text and "Saaty(1980)" in text
    zh = tmp_path / "ahp_zh.pdf"
    export_pdf(sample("zh", inconsistent=True), zh, kind="ahp", lang="zh")
    assert squash("未通过一致性检验：CR = 0.111 > 0.10") in check_pdf(zh)


def test_a_consistent_matrix_has_no_warning_and_one_or_two_criteria_no_test(tmp_path):
    out = tmp_path / "ahp.pdf"
    export_pdf(sample(), out, kind="ahp", lang="en")
    text = check_pdf(out)
    assert squash("Consistent: CR = 0.044 ≤ 0.10") in text and "disagreesmost" not in text
    project = sample()
    screening = project.screenings[0]
    keep = {c.id for c in screening.criteria[:2]}
    screening.criteria = screening.criteria[:2]
    screening.comparisons = {k: c for k, c in screening.comparisons.items()
                             if c.first_id in keep and c.second_id in keep}
    export_pdf(project, out, kind="ahp", lang="en")
    assert squash("No consistency test is needed for one or two criteria.") in check_pdf(out)


def test_an_incomplete_matrix_says_which_pair_is_missing(tmp_path):
    project = sample()
    screening = project.screenings[0]
    screening.comparisons.pop(next(iter(screening.comparisons)))
    out = tmp_path / "ahp.pdf"
    export_pdf(project, out, kind="ahp", lang="en")
    text = check_pdf(out)
    assert squash("The matrix is not complete yet: Criteria 1 and 2 are not compared yet") in text
    export_pdf(project, out, kind="screening", lang="en")
    assert squash("The AHP comparisons are not complete") in check_pdf(out)


def test_direct_weights_that_do_not_sum_to_100_are_said(tmp_path):
    project = sample()
    screening = project.screenings[0]
    screening.weight_source = WeightSource.DIRECT
    for criterion, weight in zip(screening.criteria, (40, 30, 10, 10)):
        criterion.weight = weight
    out = tmp_path / "s.pdf"
    export_pdf(project, out, kind="screening", lang="en")
    assert squash("The weights sum to 90.0 %, not 100 %") in check_pdf(out)


def test_the_solidification_table_names_the_cards_it_changes(tmp_path):
    project = sample()
    concept = project.screenings[0].concepts[0]
    concept.card_refs += "\nmissing-map/missing-card"
    out = tmp_path / "c.pdf"
    export_pdf(project, out, kind="solidification", lang="en")
    text = check_pdf(out)
    card = next(c for c in project.maps[0].cards_in_reading_order() if c.kind.value == "pain_point")
    assert squash(card.text) in text
    assert squash("(a card that is no longer on the map)") in text
    assert squash("rank 1 · weighted total 4.18") in text


# -- blank sheets ---------------------------------------------------------------------------------

def test_blank_sheets_work_without_a_screening_with_chosen_counts(tmp_path):
    project = Project(info=ProjectInfo(title=""))
    out = tmp_path / "b.pdf"
    export_pdf(project, out, kind="screening", blank=True, concepts=7, voters=4, lang="en")
    text = check_pdf(out)
    assert text.count("✔✘") == 7 and "7." in text and "8." not in text  # a pass box per concept
    assert squash("agree on the rule before scoring") in text
    for kind in ("ahp", "solidification", "usertest"):
        result = export_pdf(project, out, kind=kind, blank=True, concepts=3, lang="zh")
        check_pdf(out)
        assert result.pages == (3 if kind != "ahp" else 1)


def test_blank_screening_sheet_prints_the_screenings_names(tmp_path):
    out = tmp_path / "b.pdf"
    export_pdf(sample(), out, kind="screening", blank=True, voters=2, lang="en")
    text = check_pdf(out)
    assert text.count("Group1") == 6 and "Group3" not in text  # 6 concepts, 2 voters each
    assert squash("Pass line: weighted total ≥ 3.50.") in text


def test_blank_counts_out_of_range_are_one_sentence(tmp_path):
    with pytest.raises(ExportError, match="1 to 20 voters"):
        export_pdf(sample(), tmp_path / "x.pdf", kind="screening", blank=True, voters=21)
    with pytest.raises(ExportError, match="1 to 200 concepts"):
        export_pdf(sample(), tmp_path / "x.pdf", kind="screening", blank=True, concepts=0)
    with pytest.raises(ExportError, match="1 to 50 concepts"):
        export_pdf(sample(), tmp_path / "x.pdf", kind="usertest", blank=True, concepts=51)
    assert not list(tmp_path.iterdir())  # no half-written file left


# -- errors for filled sheets ------------------------------------------------------------------

def test_filled_sheets_need_a_screening_and_chosen_concepts(tmp_path):
    empty = Project(info=ProjectInfo(title="x"))
    for kind in SHEET_KINDS:
        with pytest.raises(ExportError, match="no screening yet"):
            export_pdf(empty, tmp_path / "x.pdf", kind=kind)
    project = sample()
    for concept in project.screenings[0].concepts:
        concept.chosen = False
    with pytest.raises(ExportError, match="no chosen concepts"):
        export_pdf(project, tmp_path / "x.pdf", kind="usertest")
    with pytest.raises(ExportError, match="no screening called 'Nope'") as refused:
        export_pdf(project, tmp_path / "x.pdf", kind="screening", screening="Nope")
    assert "Concept screening, round 1" in str(refused.value)
    assert "--" not in str(refused.value)  # the window shows it too
    assert not list(tmp_path.iterdir())


def test_a_screening_is_chosen_by_id_or_name(tmp_path):
    project = sample()
    other = Screening(name="Second round", criteria=[Criterion(name="Only criterion", weight=100)])
    project.screenings.append(other)
    out = tmp_path / "s.pdf"
    export_pdf(project, out, kind="screening", screening="second ROUND", lang="en")
    assert "Onlycriterion" in check_pdf(out)
    export_pdf(project, out, kind="screening", screening=other.id, lang="en")
    assert "Onlycriterion" in check_pdf(out)
    export_pdf(project, out, kind="screening", lang="en")  # default: the first
    assert "Onlycriterion" not in check_pdf(out)


# -- hostile and large content ------------------------------------------------------------------

def _big(concepts: int, voters: int, criteria: int, title: str = "Concept") -> Project:
    screening = Screening(name="Big <b>&", weight_source=WeightSource.DIRECT)
    screening.criteria = [Criterion(name=f"Criterion {i} 标准", weight=100 / criteria)
                          for i in range(criteria)]
    screening.voters = [Voter(name=f"Voter {v}") for v in range(voters)]
    screening.concepts = [Concept(title=f"{title} {c}", chosen=c < 3, problem="x " * 2000)
                          for c in range(concepts)]
    for c, concept in enumerate(screening.concepts):
        for k, criterion in enumerate(screening.criteria):
            for v, voter in enumerate(screening.voters):
                if (c + k + v) % 17:
                    score = Score(concept.id, criterion.id, voter.id, 1 + (c * k + v) % 5)
                    screening.scores[score.id] = score
    for i, first in enumerate(screening.criteria):
        for second in screening.criteria[i + 1:]:
            comparison = Comparison(first.id, second.id, 3.0)
            screening.comparisons[comparison.id] = comparison
    return Project(info=ProjectInfo(title="big"), screenings=[screening])


def test_thirty_concepts_thirty_voters_fifteen_criteria_print_across_pages(tmp_path):
    project = _big(30, 30, 15)
    for kind in SHEET_KINDS:
        out = tmp_path / f"{kind}.pdf"
        result = export_pdf(project, out, kind=kind, lang="en")
        check_pdf(out)
        if kind == "screening":
            assert result.pages > 5
            assert "Concept29" in pdftext(out) and "15" in pdftext(out)
    blank = tmp_path / "blank.pdf"
    result = export_pdf(project, blank, kind="screening", blank=True, lang="en")
    assert result.warnings == ["The blank screening sheet has rows for 20 of the screening's 30 voters."]
    check_pdf(blank)


def test_user_text_is_printed_literally(tmp_path):
    project = _big(3, 2, 3, title="<b>bold</b> & <font color=red> 😀")
    project.screenings[0].concepts[0].hypothesis = "x" * 10_000  # continues over pages
    for kind in SHEET_KINDS:
        out = tmp_path / f"{kind}.pdf"
        export_pdf(project, out, kind=kind, lang="en")
        text = check_pdf(out)
        if kind != "ahp":
            assert squash("<b>bold</b> & <font color=red> □") in text, kind


def test_the_export_dialogs_options_are_accepted(tmp_path):
    """The window calls export_pdf with its map, tiling, cover and preview options."""
    project = sample()
    for kind in SHEET_KINDS:
        result = export_pdf(project, tmp_path / "x.pdf", kind=kind, map_id=project.maps[0].id,
                            paper="A4", landscape=False, tile_scale=None, lang="en",
                            handout_info=project.info, columns=None, preview=True)
        assert result.pages >= 1


# -- the handout --------------------------------------------------------------------------------

def test_the_handout_gains_the_screening_sections(tmp_path):
    plain, with_screening = tmp_path / "plain.pdf", tmp_path / "screened.pdf"
    plain_pages = export_pdf(enterprise_training("en"), plain, kind="handout", lang="en").pages
    pages = export_pdf(sample(), with_screening, kind="handout", lang="en").pages
    assert pages > plain_pages
    text = check_pdf(with_screening)
    for fragment in ("Concept screening sheet", "AHP weights", "Saaty (1980)",
                     "Concept solidification table", "User test sheet", "0.044",
                     "Tailored course after a scenario study", "Notes"):
        assert squash(fragment) in text, fragment
    assert text.index(squash("User test sheet")) < text.rindex("Notes")  # notes stay last
    assert "Conceptscreeningsheet" not in check_pdf(plain)
    preview = export_pdf(sample(), tmp_path / "p.pdf", kind="handout", lang="en", preview=True)
    assert preview.pages <= 3


# -- translations ----------------------------------------------------------------------------------

def _literals(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and node.args
                and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            found.append(node.args[0].value)
    return found


def test_every_sheet_string_has_chinese_with_the_same_placeholders():
    from blueprint_studio.export import ahp_page, concept_tables

    texts = [t for name in MODULES for t in _literals(PACKAGE / "export" / f"{name}.py")]
    texts += [meaning for _, meaning in ahp_page.SCALE] + list(concept_tables.TITLES.values())
    texts += [label for _, label in concept_tables.SOLIDIFICATION + concept_tables.USER_TEST]
    assert len(texts) > 100
    missing = [t for t in texts if t not in _ZH]
    assert not missing, missing
    for t in texts:
        assert set(re.findall(r"\{(\w*)", t)) == set(re.findall(r"\{(\w*)", _ZH[t])), t


# -- the command line --------------------------------------------------------------------------------

@pytest.fixture
def project_file(tmp_path):
    path = tmp_path / "w.bpstudio"
    assert main(["new", "--template", "hotel_stay", "-o", str(path), "--lang", "en"]) == 0
    for name, text in (("pairwise.csv", PAIRWISE), ("scores.csv", SCORES)):
        (tmp_path / name).write_text(text, encoding="utf-8-sig")
        assert main(["import", str(tmp_path / name), "-o", str(path), "--lang", "en"]) == 0
    return path


def _one_line_error(capsys, *words):
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("blueprint-studio: error:"), err
    for word in words:
        assert word in err[0], err[0]


def test_cli_prints_every_sheet(tmp_path, project_file, capsys):
    for kind in ("screening", "ahp"):
        out = tmp_path / f"{kind}.pdf"
        assert main(["export", str(project_file), "-o", str(out), "--kind", kind, "--lang", "en"]) == 0
        text = check_pdf(out)
        assert "Selfcheck-in" in text or kind == "ahp"
        assert "54.8%" in text and ("Saaty(1980)" in text or kind == "screening")
    for kind in SHEET_KINDS:
        out = tmp_path / f"{kind}_blank.pdf"
        args = ["export", str(project_file), "-o", str(out), "--kind", kind, "--blank", "--concepts",
                "2", "--paper", "a3", "--landscape", "--screening", "concept screening", "--lang", "zh"]
        assert main(args + (["--voters", "3"] if kind == "screening" else [])) == 0
        assert PdfReader(out).pages[0].mediabox.width > PdfReader(out).pages[0].mediabox.height
        check_pdf(out)
    assert "Wrote" in capsys.readouterr().out


def test_cli_errors_are_one_line(tmp_path, project_file, capsys):
    capsys.readouterr()
    out = str(tmp_path / "x.pdf")
    assert main(["export", str(project_file), "-o", out, "--kind", "screening", "--screening",
                 "Nope", "--lang", "en"]) == 2
    _one_line_error(capsys, "no screening called 'Nope'", "Concept screening")
    assert main(["export", str(project_file), "-o", out, "--kind", "usertest", "--lang", "en"]) == 2
    _one_line_error(capsys, "no chosen concepts")
    assert main(["export", str(project_file), "-o", out, "--kind", "poster", "--blank",
                 "--lang", "en"]) == 2
    _one_line_error(capsys, "--blank", "screening sheet")
    assert main(["export", str(project_file), "-o", str(tmp_path / "x.json"), "--blank",
                 "--lang", "en"]) == 2
    _one_line_error(capsys, "--blank", ".pdf")
    assert main(["export", str(project_file), "-o", out, "--kind", "screening", "--blank",
                 "--voters", "0", "--lang", "en"]) == 2
    _one_line_error(capsys, "count")
    assert main(["export", str(project_file), "-o", out, "--kind", "screening", "--blank",
                 "--voters", "99", "--lang", "en"]) == 2
    _one_line_error(capsys, "1 to 20 voters")
    assert not Path(out).exists()


def test_cli_unknown_screening_exits_2_in_a_real_process(tmp_path, project_file):
    import os
    import sys

    env = dict(os.environ, BLUEPRINT_STUDIO_LANG="zh", PYTHONPATH=str(PACKAGE.parent))
    env.pop("BLUEPRINT_STUDIO_DEBUG", None)
    result = subprocess.run([sys.executable, "-m", "blueprint_studio.cli", "export", str(project_file),
                             "-o", str(tmp_path / "x.pdf"), "--kind", "ahp", "--screening", "无此筛选"],
                            capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "无此筛选" in lines[0] and "没有名为" in lines[0], result.stderr

"""The handout's touchpoint-evaluation pages, printed and read back with poppler's pdftotext:
the ranked moments of truth, the metrics with n and "—", KPIs before → after with whether
better, the IPA chart with its quadrant labels, in English and Chinese; a map without any of
it prints no such pages."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from blueprint_studio.export import export_pdf
from blueprint_studio.export.sample_insight import add_sample_evaluation
from blueprint_studio.templates import build_template

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")


def _text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.parametrize("lang, words", [
    ("en", ["Moments of truth, ranked", "Touchpoint metrics", "Importance–performance",
            "Concentrate here", "Keep up the good work", "Low priority", "Possible overkill",
            "Technology support", "n = 20", "change +40", "-70",
            "Response time: 45 min → 12 min", "better)", "A value at the mean counts as high."]),
    ("zh", ["关键时刻（按优先级）", "触点指标", "重要性–表现分析", "重点改进", "继续保持", "低优先级", "过度投入",
            "技术支持", "n = 20", "改进前 10 %", "问题响应时间: 45 分钟 → 12 分钟", "更好", "等于平均值的算作高。"]),
])
def test_the_evaluation_pages_print_in_both_languages(tmp_path, lang, words):
    project = build_template("enterprise_training", lang)
    add_sample_evaluation(project, lang)
    path = tmp_path / f"handout_{lang}.pdf"
    export_pdf(project, path, kind="handout", lang=lang)
    printed = " ".join(_text(path).split())
    for word in words:
        assert " ".join(word.split()) in printed, word
    # the dismissed candidate (a fail point behind the line) is not among the ranked ones
    ranked = printed.split("Moments of truth, ranked" if lang == "en" else "关键时刻（按优先级）")[1]
    ranked = ranked.split("Touchpoint metrics" if lang == "en" else "触点指标")[0]
    assert ("Dismissed" if lang == "en" else "已排除") not in ranked


def test_a_card_without_answers_shows_a_dash_never_zero(tmp_path):
    project = build_template("enterprise_training", "en")
    add_sample_evaluation(project, "en")
    path = tmp_path / "h.pdf"
    export_pdf(project, path, kind="handout", lang="en")
    lines = [line for line in _text(path).splitlines() if line.strip().startswith("Fill in the training")]
    assert any("—" in line for line in lines), lines  # no NPS answers: a dash
    assert not any(" 0 %" in line for line in lines)


def test_a_map_without_evaluation_or_candidates_prints_no_such_pages(tmp_path):
    project = build_template("blank_blueprint", "en")
    path = tmp_path / "blank.pdf"
    export_pdf(project, path, kind="handout", lang="en")
    printed = _text(path)
    assert "Moments of truth, ranked" not in printed and "Touchpoint metrics" not in printed

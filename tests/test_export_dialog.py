"""The Export PDF dialog: choices become export options, preview renders, export writes."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox

from blueprint_studio.app.export_dialog import ExportPdfDialog
from tests.test_pdf_export import make_project, pdftext


@pytest.fixture
def dialog(qtbot):
    project = make_project(["填写表单", "Confirm participants"], stages=3)
    widget = ExportPdfDialog(project, project.maps[0].id)
    qtbot.addWidget(widget)
    yield widget
    widget.close()


def test_choices_drive_the_export(dialog, tmp_path):
    dialog.set_choices(kind="poster", paper="A3", landscape=True, lang="zh")
    options = dialog.options()
    assert options["kind"] == "poster" and options["paper"] == "A3" and options["landscape"]
    out = tmp_path / "poster.pdf"
    result = dialog.export_to(out)
    assert result is not None and result.pages == 1 and dialog.written_path == out
    page = PdfReader(out).pages[0].mediabox
    assert float(page.width) > float(page.height) > 800
    assert "互动分界线" in pdftext(out)


def test_cover_fields_reach_the_handout_without_touching_the_project(dialog, tmp_path):
    dialog.set_choices(kind="handout", map_id=None, lang="en")
    dialog.cover_fields["trainer"].setText("Ms <b>Li</b> & 李老师")
    out = tmp_path / "handout.pdf"
    assert dialog.export_to(out) is not None
    assert "Ms<b>Li</b>&李老师" in pdftext(out)
    assert dialog.project.info.trainer == "王老师"


def test_tiling_choice_and_preview(dialog, tmp_path):
    dialog.set_choices(kind="poster", paper="A4", tile_scale=1.6)
    assert dialog.options()["tile_scale"] == pytest.approx(1.6)
    dialog.refresh_preview()
    assert dialog.preview_labels[0].pixmap() is not None
    assert not dialog.preview_labels[0].pixmap().isNull()
    assert "pages" in dialog.page_count.text()
    out = tmp_path / "tiled.pdf"
    assert dialog.export_to(out).pages == len(PdfReader(out).pages) > 1


def test_error_is_one_sentence_in_a_message_box(dialog, tmp_path, qtbot):
    dialog.set_choices(kind="handout")
    assert dialog.export_to(tmp_path / "no-such-folder" / "x.pdf") is None
    box = dialog.findChild(QMessageBox)
    assert box is not None and "does not exist" in box.text()
    assert "Traceback" not in box.text()
    box.close()


def test_blank_template_with_empty_columns(dialog, tmp_path):
    dialog.set_choices(kind="blank_journey", columns=7, landscape=True, lang="zh")
    assert dialog.options()["columns"] == 7
    out = tmp_path / "blank.pdf"
    assert dialog.export_to(out).pages == 1
    text = pdftext(out)
    assert "情绪曲线" in text and "Stage0" not in text


def test_the_dialog_prints_every_concept_screening_sheet(qtbot, tmp_path):
    """The four sheets from the window: filled for the project's screening, or blank forms."""
    from pypdf import PdfReader

    from blueprint_studio.export.sample_screening import add_sample_screening
    from blueprint_studio.templates import build_template

    project = build_template("enterprise_training", "en")
    add_sample_screening(project, "en")
    dialog = ExportPdfDialog(project, None)
    qtbot.addWidget(dialog)
    screening = project.screenings[0]
    for kind in ("screening", "ahp", "solidification", "usertest"):
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        assert dialog.screening.isEnabled() and dialog.sheet_blank.isEnabled()
        options = dialog.options()
        assert options["kind"] == kind and options["screening"] == screening.id
        assert options["blank"] is False
        from blueprint_studio.export import export_pdf

        out = tmp_path / f"{kind}.pdf"
        result = export_pdf(project, out, **options)
        assert result.pages >= 1 and len(PdfReader(out).pages) == result.pages
    dialog.kind.setCurrentIndex(dialog.kind.findData("screening"))
    dialog.sheet_blank.setChecked(True)
    dialog.sheet_concepts.setValue(8)
    options = dialog.options()
    assert options["blank"] is True and options["concepts"] == 8
    assert dialog.sheet_concepts.isEnabled()
    dialog.kind.setCurrentIndex(dialog.kind.findData("poster"))
    assert not dialog.screening.isEnabled() and "blank" not in dialog.options()

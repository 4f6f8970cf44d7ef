"""File ▸ Export PDF: choose handout / poster / blank template with a live preview.

    path, cover = ExportPdfDialog.run(parent, project, current_map_id, folder)
    # path: the file written, or None; cover: the cover fields the user changed, which the
    # caller keeps in the project's info (one undo step), so the next export shows them again

The save dialog starts in `folder` (the project's own folder, see MainWindow._export_pdf).

The preview is the real PDF (the same `export_pdf` call, written to memory) rendered
with pypdfium2, so what the trainer sees is exactly what prints. QtPdf is not in
PySide6-Essentials, which is why pypdfium2 is used.
"""

from __future__ import annotations

import io
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QScrollArea, QSpinBox, QVBoxLayout,
    QWidget,
)

from ..export import ExportError, ExportResult, export_pdf
from ..export.geometry import MIN_SCALE
from ..i18n import language, plural, tr
from ..model.entities import Project, ProjectInfo

PREVIEW_PAGES = 2
PREVIEW_WIDTH = 330  # pixels per preview page


def render_pages(pdf: bytes, count: int, width_px: int) -> list[QImage]:
    """The first `count` pages of a PDF as images `width_px` wide (empty if pypdfium2 is absent)."""
    try:
        import pypdfium2
    except ImportError:
        return []
    document = pypdfium2.PdfDocument(pdf)
    images = []
    try:
        for index in range(min(count, len(document))):
            page = document[index]
            scale = width_px / page.get_width()
            bitmap = page.render(scale=scale, rev_byteorder=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888).copy()
            images.append(image)
            page.close()
    finally:
        document.close()
    return images



SHEET_KINDS = ("screening", "ahp", "solidification", "usertest")

class ExportPdfDialog(QDialog):
    """The same choices as `blueprint-studio export`, with the first pages previewed."""

    def __init__(self, project: Project, current_map_id: str | None, parent: QWidget | None = None,
                 folder: str | Path | None = None):
        super().__init__(parent)
        self.project = project
        self.folder = str(folder) if folder else ""  # where the save dialog starts
        self.written_path: Path | None = None
        self.last_result: ExportResult | None = None
        self.setWindowTitle(tr("Export PDF"))
        self._preview_timer = QTimer(self, singleShot=True, interval=250)
        self._preview_timer.timeout.connect(self.refresh_preview)

        self.kind = QComboBox()
        for label, value in ((tr("Workshop handout"), "handout"), (tr("Poster"), "poster"),
                             (tr("Blank template"), "blank"),
                             (tr("Blank service blueprint"), "blank_blueprint"),
                             (tr("Blank journey map"), "blank_journey"),
                             (tr("Concept-screening sheet"), "screening"),
                             (tr("AHP weights page"), "ahp"),
                             (tr("Concept solidification table"), "solidification"),
                             (tr("User test sheet"), "usertest")):
            self.kind.addItem(label, value)
        # The concept-screening sheets: which screening, or blank forms to fill in by hand.
        self.screening = QComboBox()
        for screening in project.screenings:
            self.screening.addItem(screening.name or tr("Untitled screening"), screening.id)
        self.sheet_blank = QCheckBox(tr("Blank, to fill in by hand"))
        self.sheet_blank.toggled.connect(self._choices_changed)
        self.sheet_concepts = QSpinBox()
        self.sheet_concepts.setRange(0, 200)
        self.sheet_concepts.setSpecialValueText(tr("The screening's"))
        self.sheet_voters = QSpinBox()
        self.sheet_voters.setRange(0, 20)
        self.sheet_voters.setSpecialValueText(tr("The screening's"))
        for spin in (self.sheet_concepts, self.sheet_voters):
            spin.valueChanged.connect(self.schedule_preview)
        self.map = QComboBox()
        self.map.addItem(tr("All maps (handout)"), None)
        for service_map in project.maps:
            self.map.addItem(service_map.name or tr("Untitled map"), service_map.id)
        if current_map_id is not None:
            index = self.map.findData(current_map_id)
            if index >= 0:
                self.map.setCurrentIndex(index)
        self.paper = QComboBox()
        for name in ("A4", "A3", "Letter"):
            self.paper.addItem(name, name)
        self.orientation = QComboBox()
        self.orientation.addItem(tr("Portrait"), False)
        self.orientation.addItem(tr("Landscape"), True)
        self.tile = QCheckBox(tr("Tile across pages at scale"))
        self.tile_scale = QDoubleSpinBox()
        self.tile_scale.setRange(round(MIN_SCALE + 0.005, 2), 5.0)
        self.tile_scale.setSingleStep(0.1)
        self.tile_scale.setValue(1.0)
        self.tile_scale.setEnabled(False)
        self.tile.toggled.connect(self.tile_scale.setEnabled)
        self.columns = QSpinBox()  # blank templates: N empty columns instead of the map's stages
        self.columns.setRange(0, 30)
        self.columns.setSpecialValueText(tr("The map's stages"))
        self.columns.valueChanged.connect(self.schedule_preview)
        self.language = QComboBox()
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if language() == "zh" else 1)

        choices = QFormLayout()
        choices.addRow(tr("Kind"), self.kind)
        choices.addRow(tr("Map"), self.map)
        choices.addRow(tr("Paper"), self.paper)
        choices.addRow(tr("Orientation"), self.orientation)
        tile_row = QHBoxLayout()
        tile_row.addWidget(self.tile)
        tile_row.addWidget(self.tile_scale)
        choices.addRow(tile_row)
        choices.addRow(tr("Blank columns"), self.columns)
        choices.addRow(tr("Screening"), self.screening)
        choices.addRow(self.sheet_blank)
        choices.addRow(tr("Concepts on a blank sheet"), self.sheet_concepts)
        choices.addRow(tr("Voters on a blank sheet"), self.sheet_voters)
        choices.addRow(tr("Language of labels"), self.language)

        self.cover = QGroupBox(tr("Cover"))
        cover_form = QFormLayout(self.cover)
        info = project.info
        self.cover_fields: dict[str, QLineEdit] = {}
        for name, label in (("title", tr("Workshop title")), ("organisation", tr("Organisation")),
                            ("date", tr("Date")), ("trainer", tr("Trainer")), ("group", tr("Group"))):
            field = QLineEdit(getattr(info, name))
            field.textChanged.connect(self.schedule_preview)
            self.cover_fields[name] = field
            cover_form.addRow(label, field)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        left = QVBoxLayout()
        left.addLayout(choices)
        left.addWidget(self.cover)
        left.addWidget(self.message)
        left.addStretch(1)

        self.preview_box = QWidget()
        self.preview_layout = QHBoxLayout(self.preview_box)
        self.preview_labels = []
        for _ in range(PREVIEW_PAGES):
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
            label.setStyleSheet("background: #8a949e; padding: 6px;")
            self.preview_layout.addWidget(label)
            self.preview_labels.append(label)
        self.page_count = QLabel()
        scroll = QScrollArea()
        scroll.setWidget(self.preview_box)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(PREVIEW_PAGES * (PREVIEW_WIDTH + 24))
        right = QVBoxLayout()
        right.addWidget(scroll, 1)
        right.addWidget(self.page_count)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(tr("Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        buttons.accepted.connect(self.choose_file_and_export)
        buttons.rejected.connect(self.reject)

        body = QHBoxLayout()
        body.addLayout(left, 0)
        body.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(body, 1)
        outer.addWidget(buttons)

        for combo in (self.kind, self.map, self.paper, self.orientation, self.language):
            combo.currentIndexChanged.connect(self._choices_changed)
        self.tile.toggled.connect(self.schedule_preview)
        self.tile_scale.valueChanged.connect(self.schedule_preview)
        self._choices_changed()

    # -- choices ---------------------------------------------------------------------
    def set_choices(self, *, kind: str | None = None, map_id: str | None | bool = False,
                    paper: str | None = None, landscape: bool | None = None,
                    tile_scale: float | None | bool = False, lang: str | None = None,
                    columns: int | None = None) -> None:
        """Set the controls (used by tests and by callers that remember the last choice)."""
        if kind is not None:
            self.kind.setCurrentIndex(self.kind.findData(kind))
        if map_id is not False:
            self.map.setCurrentIndex(max(0, self.map.findData(map_id)))
        if paper is not None:
            self.paper.setCurrentIndex(self.paper.findData(paper))
        if landscape is not None:
            self.orientation.setCurrentIndex(1 if landscape else 0)
        if tile_scale is not False:
            self.tile.setChecked(tile_scale is not None)
            if tile_scale is not None:
                self.tile_scale.setValue(float(tile_scale))
        if lang is not None:
            self.language.setCurrentIndex(self.language.findData(lang))
        if columns is not None:
            self.columns.setValue(columns)

    def options(self) -> dict:
        """The keyword arguments for `export_pdf` that the controls describe."""
        kind = self.kind.currentData()
        map_id = self.map.currentData()
        if map_id is None and kind != "handout" and self.project.maps:
            map_id = self.project.maps[0].id
        info = ProjectInfo(**{name: field.text() for name, field in self.cover_fields.items()},
                           notes=self.project.info.notes)
        options = dict(kind=kind, map_id=map_id, paper=self.paper.currentData(),
                       landscape=bool(self.orientation.currentData()),
                       tile_scale=self.tile_scale.value() if self.tile.isChecked() else None,
                       lang=self.language.currentData(), handout_info=info,
                       columns=(self.columns.value() or None) if kind.startswith("blank") else None)
        if kind in SHEET_KINDS:
            blank = self.sheet_blank.isChecked() or not self.project.screenings
            options.update(blank=blank, screening=self.screening.currentData())
            if blank:
                options.update(concepts=self.sheet_concepts.value() or None,
                               voters=self.sheet_voters.value() or None)
        return options

    def _choices_changed(self) -> None:
        kind = self.kind.currentData()
        self.cover.setEnabled(kind == "handout")
        self.tile.setEnabled(kind in ("handout", "poster"))
        self.tile_scale.setEnabled(self.tile.isEnabled() and self.tile.isChecked())
        self.columns.setEnabled(kind.startswith("blank"))
        sheet = kind in SHEET_KINDS
        self.screening.setEnabled(sheet and self.screening.count() > 0)
        self.sheet_blank.setEnabled(sheet and self.screening.count() > 0)
        blank = sheet and (self.sheet_blank.isChecked() or self.screening.count() == 0)
        self.sheet_concepts.setEnabled(blank and kind == "screening")
        self.sheet_voters.setEnabled(blank and kind == "screening")
        self.schedule_preview()

    # -- preview ---------------------------------------------------------------------
    def schedule_preview(self, *_args) -> None:
        self._preview_timer.start()

    def refresh_preview(self) -> None:
        buffer = io.BytesIO()
        try:
            result = export_pdf(self.project, buffer, preview=True, **self.options())
        except ExportError as error:
            self._show_message(str(error), error=True)
            for label in self.preview_labels:
                label.clear()
            self.page_count.clear()
            return
        self._show_message("\n".join(result.warnings))
        images = render_pages(buffer.getvalue(), PREVIEW_PAGES, PREVIEW_WIDTH)
        for index, label in enumerate(self.preview_labels):
            if index < len(images):
                label.setPixmap(QPixmap.fromImage(images[index]))
            else:
                label.clear()
        if not images:
            self.preview_labels[0].setText(tr("Preview needs the pypdfium2 package; export works without it."))
        if self.kind.currentData() == "handout":  # the preview stops after the first map page
            self.page_count.setText(tr("Preview of the first pages"))
        else:
            self.page_count.setText(plural(result.pages, "{count} page", "{count} pages"))

    def _show_message(self, value: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c0392b;" if error else "color: #52606d;")
        self.message.setText(value)

    # -- export ----------------------------------------------------------------------
    def export_to(self, path: str | Path) -> ExportResult | None:
        """Write the PDF to `path`; on failure show the sentence in a message box."""
        try:
            result = export_pdf(self.project, Path(path), **self.options())
        except ExportError as error:
            self._show_message(str(error), error=True)
            box = QMessageBox(QMessageBox.Icon.Warning, tr("Export PDF"), str(error),
                              QMessageBox.StandardButton.Ok, self)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.open()  # window-modal, does not block the event loop
            return None
        self.written_path = Path(path)
        self.last_result = result
        return result

    def cover_changes(self) -> dict[str, str]:
        """The cover fields whose text differs from the project's info (to keep them there)."""
        return {name: field.text() for name, field in self.cover_fields.items()
                if field.text() != getattr(self.project.info, name)}

    def suggested_file_name(self) -> str:
        title = (self.cover_fields["title"].text().strip() or "blueprint")
        safe = "".join(ch for ch in title if ch not in '\\/:*?"<>|').strip() or "blueprint"
        return f"{safe} - {self.kind.currentText()}.pdf"

    def choose_file_and_export(self) -> None:
        start = self.suggested_file_name()
        if self.folder:
            start = str(Path(self.folder) / start)
        path, _ = QFileDialog.getSaveFileName(self, tr("Export PDF"), start, tr("PDF files (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        if self.export_to(path) is not None:
            self.accept()

    @classmethod
    def run(cls, parent: QWidget | None, project: Project, map_id: str | None,
            folder: str | Path | None = None) -> tuple[Path | None, dict[str, str]]:
        """Show the dialog: (the path written, or None when the user cancelled; the cover
        fields changed for that export, empty when cancelled)."""
        dialog = cls(project, map_id, parent, folder)
        try:
            dialog.exec()
            written = dialog.written_path
            return written, (dialog.cover_changes() if written is not None else {})
        finally:
            dialog.deleteLater()

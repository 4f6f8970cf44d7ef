"""The card page's "Evaluation" tab: the card as a moment of truth and as a touchpoint.

- Moment of truth: why the map proposes it (if it does), Confirm / Dismiss / Undecided
  (`analysis.moments.decide`, which keeps the card's own mark in step), importance 1–5, the
  improvement lever (or the user's own), a note.
- Survey results for one phase at a time (none, before, after): the number of respondents
  per answer for CSAT (1–5), CES (1–7) and NPS (0–10), each with its value and n ("no data"
  when n = 0); importance and performance answers (1–5) and values entered directly.
- KPIs: name, unit, before, after, which way is better, the change.

Every change is one undo step of the model's generic operations, pushed through the session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpinBox, QVBoxLayout, QWidget,
)

from ... import appearance
from ...analysis import metrics as metric_maths
from ...analysis.ipa import card_rating
from ...analysis.moments import LEVER_NAMES, STATUS_NAMES, candidates, decide
from ...i18n import mark, tr
from ...model import operations as ops
from ...model.touchpoints import (
    SCALES, Kpi, Lever, Metric, MomentStatus, Phase, kpis_of, moment_of, rating_of, set_count,
    update_moment, update_rating,
)
from ...model import limits
from ..fields import ChoiceField, FieldEditor, LineField, NumberField, TextField

if TYPE_CHECKING:
    from . import Inspector

EVALUATION_MERGE_ID = 0x1B5_0011  # typing in the evaluation tab merges into one undo step

METRIC_TITLES = {
    Metric.CSAT: mark("CSAT (customer satisfaction, 1–5)"),
    Metric.CES: mark("CES (customer effort, 1–7)"),
    Metric.NPS: mark("NPS (net promoter score, 0–10)"),
    Metric.IMPORTANCE: mark("Importance (1–5)"),
    Metric.PERFORMANCE: mark("Performance (1–5)"),
}
PHASE_NAMES = {None: mark("No phase"), Phase.BEFORE: mark("Before"), Phase.AFTER: mark("After")}


def _muted(label: QLabel) -> QLabel:
    label.setStyleSheet(f"color: {appearance.MUTED_INK};")
    label.setWordWrap(True)
    return label


def _narrow(widget: QWidget) -> QWidget:
    """Let a combo box or button shrink with the inspector (its text is elided or clipped)."""
    if isinstance(widget, QComboBox):
        widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        widget.setMinimumContentsLength(6)
    widget.setSizePolicy(QSizePolicy.Policy.Ignored, widget.sizePolicy().verticalPolicy())
    widget.setMinimumWidth(40)
    return widget


def _section(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("inspectorSection")
    label.setWordWrap(True)
    label.setStyleSheet("font-weight: bold; margin-top: 8px;")
    return label


class _CountGrid(QWidget):
    """One spin box per answer of a question's scale: how many respondents gave it."""

    def __init__(self, panel: "EvaluationPanel", metric: Metric) -> None:
        super().__init__()
        # Not `self.metric`: that name is QWidget.metric(), which Qt calls for the paint
        # metrics (a font change) - an attribute there crashed the program.
        self.panel, self.scale_metric = panel, metric
        low, high = SCALES[metric]
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(1)
        columns = 7 if high - low + 1 == 7 else 6  # CES in one row; NPS in two
        self.boxes: dict[int, QSpinBox] = {}
        self._showing = False
        for index, score in enumerate(range(low, high + 1)):
            row, column = divmod(index, columns)
            heading = QLabel(str(score))
            heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box = QSpinBox()
            box.setObjectName(f"inspector_count_{metric.value}_{score}")
            box.setRange(0, limits.RESPONDENTS)
            box.setKeyboardTracking(False)  # one step when typing ends, not one per digit
            box.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
            box.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.setMinimumWidth(30)
            box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            box.setToolTip(tr("Respondents who answered {score}").format(score=score))
            box.valueChanged.connect(lambda value, s=score: self._changed(s, value))
            grid.addWidget(heading, row * 2, column)
            grid.addWidget(box, row * 2 + 1, column)
            self.boxes[score] = box

    def _changed(self, score: int, value: int) -> None:
        if not self._showing:
            self.panel.set_count(self.scale_metric, score, value)

    def show_counts(self, counts: dict[int, int]) -> None:
        self._showing = True
        try:
            for score, box in self.boxes.items():
                if box.value() != counts.get(score, 0):
                    box.setValue(counts.get(score, 0))
        finally:
            self._showing = False


class _KpiRow(QFrame):
    """One KPI: name and unit, before and after, which way is better, the change."""

    def __init__(self, panel: "EvaluationPanel", kpi_id: str) -> None:
        super().__init__()
        self.panel, self.kpi_id = panel, kpi_id
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("inspectorKpi")
        form = QFormLayout(self)
        form.setContentsMargins(6, 4, 6, 4)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        edit = self._edit
        self.editors: dict[str, FieldEditor] = {
            "name": LineField("name", edit, tr("e.g. response time")),
            "unit": LineField("unit", edit, tr("e.g. min, %")),
            "before": NumberField("before", edit, -limits.KPI_VALUE, limits.KPI_VALUE, "—", step=1,
                                  decimals=2),
            "after": NumberField("after", edit, -limits.KPI_VALUE, limits.KPI_VALUE, "—", step=1,
                                 decimals=2),
            "higher_is_better": ChoiceField("higher_is_better", edit, [
                (tr("Higher is better"), True), (tr("Lower is better"), False)]),
        }
        labels = {"name": tr("KPI"), "unit": tr("Unit"), "before": tr("Before"), "after": tr("After"),
                  "higher_is_better": ""}
        for field, editor in self.editors.items():
            editor.widget.setObjectName(f"inspector_kpi_{field}")
            _narrow(editor.widget)
            editor.focusLeft.connect(panel.end_typing)
            form.addRow(labels[field], editor.widget)
        self.change = _muted(QLabel())
        self.change.setObjectName("inspector_kpi_change")
        remove = QPushButton(tr("Remove KPI"))
        remove.setObjectName("inspector_kpi_remove")
        remove.clicked.connect(lambda: panel.remove_kpi(kpi_id))
        form.addRow(self.change)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(remove)
        form.addRow(bottom)

    def _edit(self, field: str, value: Any, continuous: bool) -> None:
        self.panel.edit_kpi(self.kpi_id, field, value, continuous)

    def show_kpi(self, kpi: Kpi) -> None:
        for field, editor in self.editors.items():
            editor.show(getattr(kpi, field))
        change = metric_maths.kpi_change(kpi)
        if change.verdict is None:
            self.change.setText(tr("Change: enter both values"))
            return
        verdict = {metric_maths.Verdict.BETTER: tr("better"), metric_maths.Verdict.WORSE: tr("worse"),
                   metric_maths.Verdict.SAME: tr("no change")}[change.verdict]
        difference = f"{change.difference:+,.2f}".rstrip("0").rstrip(".")
        percent = f" ({change.percent:+.1f} %)" if change.percent is not None else ""
        self.change.setText(tr("Change: {difference}{percent}, {verdict}").format(
            difference=f"{difference} {kpi.unit}".strip(), percent=percent, verdict=verdict))


class EvaluationPanel(QWidget):
    """The evaluation of the card the inspector shows (see the module's docstring)."""

    def __init__(self, inspector: "Inspector") -> None:
        super().__init__()
        self.setObjectName("inspectorEvaluation")
        self.inspector = inspector
        self.map_id = ""
        self.card_id = ""
        self.phase: Phase | None = None
        self._typing = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.editors: dict[str, FieldEditor] = {}

        # -- moment of truth
        layout.addWidget(_section(f"{appearance.MOT_BADGE} {tr('Moment of truth')}"))
        self.reason = _muted(QLabel())
        self.reason.setObjectName("inspectorMotReason")
        layout.addWidget(self.reason)
        buttons = QHBoxLayout()
        self.status_buttons: dict[MomentStatus, QPushButton] = {}
        for status, text in ((MomentStatus.CONFIRMED, tr("Confirm")), (MomentStatus.DISMISSED, tr("Dismiss")),
                             (MomentStatus.PROPOSED, tr("Undecided"))):
            button = QPushButton(text)
            button.setCheckable(True)
            button.setObjectName(f"inspectorMot_{status.value}")
            button.clicked.connect(lambda _=False, s=status: self.decide(s))
            buttons.addWidget(_narrow(button))
            self.status_buttons[status] = button
        layout.addLayout(buttons)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        edit = self._edit_moment
        importance = ChoiceField("importance", edit, [(tr("(not set)"), None)] + [
            (str(value), value) for value in range(1, 6)])
        lever = ChoiceField("lever", edit, [(tr("(not set)"), None)] + [
            (tr(LEVER_NAMES[value]), value) for value in Lever])
        lever_text = LineField("lever_text", edit, tr("Your own lever"))
        note = TextField("note", edit, lines=2)
        for field, editor, label in (("importance", importance, tr("Importance")),
                                     ("lever", lever, tr("Improvement lever")),
                                     ("lever_text", lever_text, tr("Own lever")),
                                     ("note", note, tr("Note"))):
            editor.widget.setObjectName(f"inspector_moment_{field}")
            _narrow(editor.widget)
            editor.focusLeft.connect(self.end_typing)
            self.editors[field] = editor
            form.addRow(label, editor.widget)
        layout.addLayout(form)

        # -- survey results
        layout.addWidget(_section(tr("Survey results")))
        self.overview = QLabel()
        self.overview.setObjectName("inspectorSurveyOverview")
        self.overview.setWordWrap(True)
        layout.addWidget(self.overview)
        phase_row = QHBoxLayout()
        phase_row.addWidget(QLabel(tr("Survey phase")))
        self.phase_box = QComboBox()
        self.phase_box.setObjectName("inspectorSurveyPhase")
        for phase, name in PHASE_NAMES.items():
            self.phase_box.addItem(tr(name), phase)
        self.phase_box.activated.connect(self._phase_chosen)
        _narrow(self.phase_box)
        phase_row.addWidget(self.phase_box, 1)
        layout.addLayout(phase_row)
        hint = _muted(QLabel(tr("Respondents per answer, in the phase chosen:")))
        layout.addWidget(hint)
        self.grids: dict[Metric, _CountGrid] = {}
        self.results: dict[Metric, QLabel] = {}
        for metric in Metric:
            if metric is Metric.IMPORTANCE:
                layout.addWidget(_section(tr("Importance and performance")))
            title = QLabel(tr(METRIC_TITLES[metric]))
            title.setWordWrap(True)
            layout.addWidget(title)
            grid = _CountGrid(self, metric)
            layout.addWidget(grid)
            result = QLabel()
            result.setWordWrap(True)
            result.setObjectName(f"inspectorResult_{metric.value}")
            layout.addWidget(result)
            self.grids[metric], self.results[metric] = grid, result
        rating_form = QFormLayout()
        rating_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for field, label in (("importance", tr("Importance entered")),
                             ("performance", tr("Performance entered"))):
            editor = NumberField(field, self._edit_rating, 1, 5, tr("from the answers"), step=0.5,
                                 decimals=1)
            editor.widget.setObjectName(f"inspector_rating_{field}")
            _narrow(editor.widget)
            self.editors[f"rating_{field}"] = editor
            rating_form.addRow(label, editor.widget)
        layout.addLayout(rating_form)

        # -- KPIs
        layout.addWidget(_section(tr("KPIs before and after")))
        self.kpi_box = QVBoxLayout()
        layout.addLayout(self.kpi_box)
        self.kpi_rows: dict[str, _KpiRow] = {}
        add = QPushButton(tr("Add KPI"))
        add.setObjectName("inspectorAddKpi")
        add.clicked.connect(self.add_kpi)
        layout.addWidget(add)

    # -- filling ------------------------------------------------------------------------------
    def all_editors(self) -> list[FieldEditor]:
        return [*self.editors.values(), *(e for row in self.kpi_rows.values() for e in row.editors.values())]

    def fill(self, card, service_map) -> None:
        if (service_map.id, card.id) != (self.map_id, self.card_id):
            self._typing += 1
            # Another card: show the latest phase it has answers in (after, none, before).
            answered = {a.phase for a in service_map.answer_counts.values() if a.card_id == card.id and a.count}
            self.phase = next((p for p in metric_maths.SHOWN_ORDER if p in answered), None)
            self.phase_box.setCurrentIndex(list(PHASE_NAMES).index(self.phase))
        self.map_id, self.card_id = service_map.id, card.id
        decision = moment_of(service_map, card.id)
        proposed = candidates(service_map).get(card.id, [])
        status = decision.status if decision is not None else (
            MomentStatus.CONFIRMED if card.moment_of_truth else None)
        why = tr("; ").join(reason.text() for reason in proposed
                        if not (decision is not None and reason.template.startswith("Marked")))
        if status is None:
            text = tr("Proposed: {why}").format(why=why) if proposed else tr("Not proposed by the map.")
        else:
            text = tr(STATUS_NAMES[status]) + (f" — {why}" if why else "")
        self.reason.setText(text)
        for value, button in self.status_buttons.items():
            button.setChecked(status is value or (value is MomentStatus.PROPOSED and status is None))
        self.editors["importance"].show(decision.importance if decision else None)
        self.editors["lever"].show(decision.lever if decision else None)
        self.editors["lever_text"].show(decision.lever_text if decision else "")
        self.editors["lever_text"].widget.setEnabled(decision is not None and decision.lever is Lever.OWN)
        self.editors["note"].show(decision.note if decision else "")
        self.overview.setText(self._overview(service_map, card.id))
        for metric, grid in self.grids.items():
            counts = metric_maths.counts_of(service_map, card.id, metric, self.phase)
            grid.show_counts(counts)
            found = metric_maths.compute(metric, counts)
            self.results[metric].setText(self._result_text(metric, found))
        rating = card_rating(service_map, card.id)
        entered = rating_of(service_map, card.id)
        self.editors["rating_importance"].show(entered.importance if entered else None)
        self.editors["rating_performance"].show(entered.performance if entered else None)
        self.results[Metric.PERFORMANCE].setText(
            self.results[Metric.PERFORMANCE].text() + "\n" + self._rating_text(rating))
        self._fill_kpis(kpis_of(service_map, card.id))

    def _overview(self, service_map, card_id: str) -> str:
        """Each survey metric's shown value (its latest phase) and the change, in one line each."""
        lines = []
        for metric, found in metric_maths.card_metrics(service_map, card_id).items():
            name = metric.value.upper()
            if not found.shown.n:
                lines.append(f"{name}: " + tr("no data (n = 0)"))
                continue
            text = f"{name}: {metric_maths.shown_number(metric, found.shown.value)}  (n = {found.shown.n}"
            if found.phase is not None:
                text += ", " + tr(PHASE_NAMES[found.phase]).lower()
            if found.change is not None:
                text += "; " + tr("before {value}, change {change}").format(
                    value=metric_maths.shown_number(metric, found.before.value),
                    change=metric_maths.shown_change(metric, found.change))
            lines.append(text + ")")
        return "\n".join(lines)

    def _result_text(self, metric: Metric, found) -> str:
        name = {Metric.CSAT: "CSAT", Metric.CES: "CES", Metric.NPS: "NPS",
                Metric.IMPORTANCE: tr("Mean"), Metric.PERFORMANCE: tr("Mean")}[metric]
        if not found.n:
            return f"{name}: " + tr("no data (n = 0)")
        return f"{name}: {metric_maths.shown_number(metric, found.value)}  (n = {found.n})"

    def _rating_text(self, rating) -> str:
        def one(value, n, entered) -> str:
            if value is None:
                return tr("not rated")
            shown = f"{value:.2f}".rstrip("0").rstrip(".")
            return tr("{value} (entered)").format(value=shown) if entered else tr(
                "{value} (mean of {n} answers)").format(value=shown, n=n)
        return tr("Rating: importance {importance}, performance {performance}").format(
            importance=one(rating.importance, rating.importance_n, rating.importance_entered),
            performance=one(rating.performance, rating.performance_n, rating.performance_entered))

    def _fill_kpis(self, kpis: list[Kpi]) -> None:
        if [kpi.id for kpi in kpis] != list(self.kpi_rows):
            for row in self.kpi_rows.values():
                row.setParent(None)
                row.deleteLater()
            self.kpi_rows = {}
            for kpi in kpis:
                row = _KpiRow(self, kpi.id)
                self.kpi_rows[kpi.id] = row
                self.kpi_box.addWidget(row)
        for kpi in kpis:
            self.kpi_rows[kpi.id].show_kpi(kpi)

    # -- editing ------------------------------------------------------------------------------
    @property
    def service_map(self):
        project = self.inspector.session.project
        return project.map(self.map_id) if project is not None else None

    def end_typing(self) -> None:
        self._typing += 1

    def _push(self, operation: Any, text: str, key: Any = None) -> None:
        if operation is None:
            return
        self.inspector.session.commit_pending()
        merge = {} if key is None else {"merge_id": EVALUATION_MERGE_ID,
                                        "merge_key": (self.card_id, key, self._typing)}
        if self.inspector.session.push(operation, text, **merge):
            self.inspector.clear_message()
        else:
            self.inspector.refresh()

    def _batch(self, operations: list) -> Any:
        if not operations:
            return None
        return operations[0] if len(operations) == 1 else ops.Batch(operations)

    def decide(self, status: MomentStatus) -> None:
        service_map = self.service_map
        if service_map is None:
            return
        text = {MomentStatus.CONFIRMED: tr("Confirm moment of truth"),
                MomentStatus.DISMISSED: tr("Dismiss moment of truth"),
                MomentStatus.PROPOSED: tr("Reopen moment of truth")}[status]
        self._push(self._batch(decide(service_map, self.card_id, status)), text)
        self.inspector.refresh()  # the buttons show the state, also when nothing changed

    def _edit_moment(self, field: str, value: Any, continuous: bool) -> None:
        service_map = self.service_map
        if service_map is None:
            return
        labels = {"importance": tr("Change importance"), "lever": tr("Change lever"),
                  "lever_text": tr("Change lever"), "note": tr("Change note")}
        self._push(update_moment(service_map, self.card_id, {field: value}), labels[field],
                   ("moment", field) if continuous else None)

    def _phase_chosen(self, index: int) -> None:
        self.phase = self.phase_box.itemData(index)
        self.inspector.refresh()

    def set_count(self, metric: Metric, score: int, count: int) -> None:
        service_map = self.service_map
        if service_map is not None:
            self._push(set_count(service_map, self.card_id, metric, self.phase, score, count),
                       tr("Change survey answers"))

    def _edit_rating(self, field: str, value: Any, _continuous: bool) -> None:
        service_map = self.service_map
        if service_map is not None:
            self._push(update_rating(service_map, self.card_id, {field: value}),
                       tr("Change importance") if field == "importance" else tr("Change performance"))

    def add_kpi(self) -> None:
        if self.service_map is not None:
            self._push(ops.Add("kpi", (self.map_id,), Kpi(self.card_id, tr("New KPI"))), tr("Add KPI"))

    def remove_kpi(self, kpi_id: str) -> None:
        if self.service_map is not None:
            self._push(ops.Remove("kpi", (self.map_id,), kpi_id), tr("Remove KPI"))

    def edit_kpi(self, kpi_id: str, field: str, value: Any, continuous: bool) -> None:
        service_map = self.service_map
        if service_map is None:
            return
        kpi = next((k for k in service_map.kpis if k.id == kpi_id), None)
        if kpi is None or getattr(kpi, field) == value:
            return
        self._push(ops.Update("kpi", (self.map_id,), kpi_id, {field: value}), tr("Change KPI"),
                   ("kpi", kpi_id, field) if continuous and field in ("name", "unit") else None)


__all__ = ["EVALUATION_MERGE_ID", "EvaluationPanel"]

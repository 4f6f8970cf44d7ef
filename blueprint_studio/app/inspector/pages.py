"""The inspector's pages: one form per kind of thing it can show.

A page builds its editors once (again after a language switch) and fills them from the
entity in `fill(entity, selection, project)`; edits go back through `inspector.edit`,
which turns them into operations. Pages for things on a map (card, stage, lane, arrow,
the map itself) and for the project as a whole; `PAGES` lists them by the kind they show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QFormLayout, QGridLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget,
)

from ... import appearance
from ...i18n import mark, tr
from ...i18n.labels import LANE_KIND_NAMES, card_kind_name, channel_name, lane_name, map_kind_name
from ...model.entities import Project
from ...model.enums import CardKind, Channel, LaneKind, MapKind
from ..fields import ChoiceField, ColourField, FieldEditor, FlagField, LineField, NumberField, TextField

if TYPE_CHECKING:
    from ..workspace import Selection
    from . import Inspector

EMOTION_LABELS = {
    -2: mark("very negative"), -1: mark("negative"), 0: mark("neutral"),
    1: mark("positive"), 2: mark("very positive"),
}

FIELD_LABELS: dict[str, str] = {
    "text": mark("Text"), "kind": mark("Kind"), "channel": mark("Channel"),
    "emotion": mark("Emotion"), "moment_of_truth": mark("Moment of truth"),
    "fail_point": mark("Fail point"), "wait_minutes": mark("Wait"),
    "duration_minutes": mark("Duration"), "owner": mark("Owner"), "notes": mark("Notes"),
    "colour": mark("Colour"), "name": mark("Name"), "description": mark("Description"),
    "phase": mark("Phase"), "width": mark("Column width"), "label": mark("Label"),
    "show_emotion_curve": mark("Emotion curve"), "title": mark("Title"),
    "organisation": mark("Organisation"), "date": mark("Date"), "trainer": mark("Trainer"),
    "group": mark("Group"),
}


class Page(QWidget):
    """One form: a heading, field editors, optional buttons."""

    KIND = ""

    def __init__(self, inspector: "Inspector") -> None:
        super().__init__()
        self.inspector = inspector
        self.editors: dict[str, FieldEditor] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 8)
        self.heading = QLabel(self.title())
        self.heading.setObjectName("inspectorHeading")
        self.heading.setWordWrap(True)
        outer.addWidget(self.heading)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(self.form)
        self.outer = outer
        self.build()
        outer.addStretch(1)

    def title(self) -> str:
        raise NotImplementedError

    def build(self) -> None:
        raise NotImplementedError

    def edit_callback(self):
        kind = self.KIND

        def edit(field: str, value: Any, continuous: bool) -> None:
            self.inspector.edit(kind, field, value, continuous)
        return edit

    def add(self, editor: FieldEditor, label: str | None = None) -> None:
        editor.widget.setObjectName(f"inspector_{self.KIND}_{editor.field}")
        editor.focusLeft.connect(self.inspector.end_typing)
        self.editors[editor.field] = editor
        self.form.addRow(tr(FIELD_LABELS[editor.field]) if label is None else label, editor.widget)

    def note(self, name: str) -> QLabel:
        """A line of muted text under the heading (where a card sits, what an arrow joins)."""
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {appearance.MUTED_INK};")
        self.outer.insertWidget(1, label)
        return label

    def fill(self, entity: Any, selection: "Selection", project: Project) -> None:
        self.show_values({field: getattr(entity, field) for field in self.editors})

    def show_values(self, values: dict[str, Any]) -> None:
        for field, editor in self.editors.items():
            if field in values:
                editor.show(values[field])


class CardPage(Page):
    KIND = "card"

    def title(self) -> str:
        return tr("Card")

    def build(self) -> None:
        edit = self.edit_callback()
        self.location = self.note("inspectorCardLocation")
        self.add(TextField("text", edit, lines=4, placeholder=tr("What happens here?")))
        kinds = [(f"{appearance.CARD_SYMBOL[k]}  {card_kind_name(k)}", k) for k in CardKind]
        self.add(ChoiceField("kind", edit, kinds))
        channels = [(tr("(none)"), None)] + [
            (f"{appearance.CHANNEL_SYMBOL[c]}  {channel_name(c)}", c) for c in Channel]
        self.add(ChoiceField("channel", edit, channels))
        emotions = [(tr("(none)"), None)] + [
            (f"{appearance.EMOTION_FACES[value]}  {tr(EMOTION_LABELS[value])}", value)
            for value in range(-2, 3)]
        self.add(ChoiceField("emotion", edit, emotions))
        self.add(FlagField("moment_of_truth", edit, f"{appearance.MOT_BADGE} {tr('Moment of truth (MOT)')}"), "")
        self.add(FlagField("fail_point", edit, f"{appearance.FAIL_BADGE}  {tr('Fail point')}"), "")
        self.add(NumberField("wait_minutes", edit, 0, 10_000_000, tr("no wait"), tr(" min")))
        self.add(NumberField("duration_minutes", edit, 0, 10_000_000, tr("not set"), tr(" min")))
        self.add(LineField("owner", edit, tr("Who does it?")))
        self.add(TextField("notes", edit, lines=3))
        self.add(ColourField("colour", edit))
        # Two tabs: the card's own fields, and its evaluation (moment of truth, metrics, KPIs).
        from .touchpoint import EvaluationPanel

        self.outer.removeItem(self.form)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("inspectorCardTabs")
        self.tabs.setDocumentMode(True)
        fields = QWidget()
        fields.setLayout(self.form)
        self.tabs.addTab(fields, tr("Card"))
        self.evaluation = EvaluationPanel(self.inspector)
        self.tabs.addTab(self.evaluation, tr("Evaluation"))
        self.tabs.setTabToolTip(1, tr("Moment of truth, survey results (CSAT, CES, NPS), "
                                      "importance–performance and KPIs"))
        self.outer.addWidget(self.tabs)

    def more_editors(self) -> list[FieldEditor]:
        """The evaluation tab's editors (their pending text is committed with the page's)."""
        return self.evaluation.all_editors()

    def fill(self, entity: Any, selection: "Selection", project: Project) -> None:
        count = len(selection.all_ids())
        self.heading.setText(tr("Card") if count == 1 else tr(
            "{count} cards selected: text and notes edit this one, other settings all of them")
            .format(count=count))
        service_map = project.map(selection.map_id)
        self.location.setText(tr("In “{stage}” × “{lane}”").format(
            stage=service_map.stage(entity.stage_id).name or "—",
            lane=lane_name(service_map.lane(entity.lane_id))))
        super().fill(entity, selection, project)
        self.evaluation.fill(entity, service_map)


class _AxisPage(Page):
    """A stage or a lane: its fields, and buttons to move or delete it."""

    def axis_buttons(self, before: str, after: str, delete: str) -> None:
        # Two rows, so the inspector stays narrow enough for a 1280-pixel projector.
        grid = QGridLayout()
        for column, (text, step, name) in enumerate(((before, -1, "Before"), (after, 1, "After"))):
            button = QPushButton(text)
            button.setObjectName(f"inspector_{self.KIND}_move{name}")
            button.clicked.connect(lambda _=False, s=step: self.inspector.move_shown(s))
            grid.addWidget(button, 0, column)
        remove = QPushButton(delete)
        remove.setObjectName(f"inspector_{self.KIND}_delete")
        remove.clicked.connect(self.inspector.remove_shown)
        grid.addWidget(remove, 1, 0, 1, 2)
        self.outer.addLayout(grid)


class StagePage(_AxisPage):
    KIND = "stage"

    def title(self) -> str:
        return tr("Stage")

    def build(self) -> None:
        edit = self.edit_callback()
        self.add(LineField("name", edit))
        self.add(TextField("description", edit, lines=3))
        self.add(LineField("phase", edit, tr("e.g. before / during / after")))
        self.add(NumberField("width", edit, 40, 5000, tr("automatic"), " px", step=20))
        self.axis_buttons(tr("◀ Move left"), tr("Move right ▶"), tr("Delete stage"))


class LanePage(_AxisPage):
    KIND = "lane"

    def title(self) -> str:
        return tr("Lane")

    def build(self) -> None:
        edit = self.edit_callback()
        self.add(LineField("name", edit, tr("(standard name)")))
        self.add(ChoiceField("kind", edit, [(tr(LANE_KIND_NAMES[k]), k) for k in LaneKind]))
        self.add(ColourField("colour", edit))
        self.axis_buttons(tr("▲ Move up"), tr("Move down ▼"), tr("Delete lane"))

    def fill(self, entity: Any, selection: "Selection", project: Project) -> None:
        self.editors["name"].widget.setPlaceholderText(tr(LANE_KIND_NAMES[entity.kind]))
        super().fill(entity, selection, project)


class ConnectorPage(Page):
    KIND = "connector"

    def title(self) -> str:
        return tr("Arrow")

    def build(self) -> None:
        self.ends = self.note("inspectorConnectorEnds")
        self.add(LineField("label", self.edit_callback(), tr("e.g. if approved")))

    def fill(self, entity: Any, selection: "Selection", project: Project) -> None:
        cards = project.map(selection.map_id).cards
        source, target = cards.get(entity.source_id), cards.get(entity.target_id)
        self.ends.setText(tr("From “{source}” to “{target}”").format(
            source=_short(source.text if source else ""), target=_short(target.text if target else "")))
        super().fill(entity, selection, project)


class MapPage(Page):
    KIND = "map"

    def title(self) -> str:
        return tr("Map properties")

    def build(self) -> None:
        edit = self.edit_callback()
        self.add(LineField("name", edit))
        self.add(ChoiceField("kind", edit, [(map_kind_name(k), k) for k in MapKind]))
        self.add(TextField("description", edit, lines=3))
        self.add(FlagField("show_emotion_curve", edit, tr("Show the emotion curve")), "")
        self.outer.addSpacing(12)
        self.outer.addWidget(_project_button(self.inspector))


class ProjectPage(Page):
    """Project-level things (shown while the project overview is current): what it holds."""

    KIND = "project"

    def title(self) -> str:
        return tr("Project")

    def build(self) -> None:
        self.summary = QLabel()
        self.summary.setObjectName("inspectorProjectSummary")
        self.summary.setWordWrap(True)
        self.outer.addWidget(self.summary)

    def fill(self, entity: Any, selection: "Selection", project: Project) -> None:
        self.heading.setText(project.info.title or tr("Untitled project"))
        lines = [tr("Maps: {maps} · cards: {cards} · arrows: {arrows}").format(
            maps=len(project.maps), cards=sum(len(m.cards) for m in project.maps),
            arrows=sum(len(m.connectors) for m in project.maps))]
        for service_map in project.maps:
            lines.append(f"• {service_map.name or tr('(unnamed map)')}: " + tr(
                "stages: {stages}, cards: {cards}").format(stages=len(service_map.stages),
                                                          cards=len(service_map.cards)))
        self.summary.setText("\n".join(lines))


def _project_button(inspector: "Inspector") -> QPushButton:
    button = QPushButton(tr("Project information (cover) …"))
    button.setObjectName("inspectorProjectInfoButton")
    button.setToolTip(tr("Title, organisation, date, trainer, group and notes: on the project's overview page"))
    button.clicked.connect(inspector.reveal_project)
    return button


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


PAGES: tuple[type[Page], ...] = (CardPage, StagePage, LanePage, ConnectorPage, MapPage, ProjectPage)

__all__ = ["EMOTION_LABELS", "FIELD_LABELS", "PAGES", "Page"]

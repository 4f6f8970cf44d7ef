"""The inspector: edits every property of what is selected, one undo step per edit.

Typing in a text box merges into one undo step until the box loses focus or the
selection changes. A value the model refuses is shown as a sentence above the form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QFormLayout, QGridLayout, QGroupBox, QLabel, QPushButton, QScrollArea, QStackedWidget,
    QVBoxLayout, QWidget,
)

from .. import appearance
from ..commands import push_operation
from ..i18n import describe, mark, tr
from ..i18n.labels import card_kind_name, channel_name, lane_name, map_kind_name
from ..model import operations as ops
from ..model.entities import ModelError, Project
from ..model.enums import CardKind, Channel, LaneKind, MapKind
from ..model.events import ChangeSet
from .inspector_fields import (
    ChoiceField, ColourField, FieldEditor, FlagField, LineField, NumberField, TextField,
)

INSPECTOR_MERGE_ID = 0x1B5_0001  # any id != -1: lets typing merge into one step

EMOTION_LABELS = {
    -2: mark("very negative"), -1: mark("negative"), 0: mark("neutral"),
    1: mark("positive"), 2: mark("very positive"),
}

# Settings that apply to every selected card at once (text and notes stay per card).
SHARED_CARD_FIELDS = frozenset({"kind", "channel", "emotion", "moment_of_truth", "fail_point",
                                "wait_minutes", "duration_minutes", "owner", "colour"})

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


class _Page(QWidget):
    """One form: a heading, field editors, optional buttons."""

    def __init__(self, heading: str, inspector: "Inspector", entity: str) -> None:
        super().__init__()
        self.entity = entity
        self.inspector = inspector
        self.editors: dict[str, FieldEditor] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 8)
        self.heading = QLabel(heading)
        self.heading.setObjectName("inspectorHeading")
        self.heading.setWordWrap(True)
        outer.addWidget(self.heading)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(self.form)
        self.outer = outer

    def add(self, editor: FieldEditor, label: str | None = None, form: QFormLayout | None = None) -> None:
        editor.widget.setObjectName(f"inspector_{self.entity}_{editor.field}")
        editor.focusLeft.connect(self.inspector.end_typing)
        self.editors[editor.field] = editor
        text = tr(FIELD_LABELS[editor.field]) if label is None else label
        (form or self.form).addRow(text, editor.widget)

    def show_values(self, values: dict[str, Any]) -> None:
        for field, editor in self.editors.items():
            if field in values:
                editor.show(values[field])


class Inspector(QWidget):
    """Shows the form for (kind, id); edits go through push_operation."""

    messageShown = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self.project: Project | None = None
        self.undo_stack: QUndoStack | None = None
        self.map_id = ""
        self.kind = "map"
        self.entity_id = ""
        self._typing_session = 0
        self._unsubscribe = None
        # One refresh per change, not per model event: deleting 1,000 cards sends ~10,000
        # events, and refreshing on each took seconds. The undo stack's indexChanged
        # refreshes at once after a step; the timer catches changes made without it.
        self._stale = False
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self._refresh_if_stale)
        # Set by the window: the ids of all selected cards, for editing several at once.
        self.selected_cards: Callable[[], list[str]] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.message = QLabel()
        self.message.setObjectName("inspectorMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        scroll.setWidget(self.stack)
        layout.addWidget(scroll, 1)
        self.pages: dict[str, _Page] = {
            "card": self._card_page(), "stage": self._stage_page(), "lane": self._lane_page(),
            "connector": self._connector_page(), "map": self._map_page(),
        }
        for page in self.pages.values():
            page.outer.addStretch(1)
            self.stack.addWidget(page)

    # -- pages -----------------------------------------------------------------------
    def _card_page(self) -> _Page:
        page = _Page(tr("Card"), self, "card")
        edit = self._edit_callback("card")
        page.location = QLabel()
        page.location.setObjectName("inspectorCardLocation")
        page.location.setWordWrap(True)
        page.location.setStyleSheet(f"color: {appearance.MUTED_INK};")
        page.outer.insertWidget(1, page.location)
        page.add(TextField("text", edit, lines=4, placeholder=tr("What happens here?")))
        kinds = [(f"{appearance.CARD_SYMBOL[k]}  {card_kind_name(k)}", k) for k in CardKind]
        page.add(ChoiceField("kind", edit, kinds))
        channels = [(tr("(none)"), None)] + [
            (f"{appearance.CHANNEL_SYMBOL[c]}  {channel_name(c)}", c) for c in Channel]
        page.add(ChoiceField("channel", edit, channels))
        emotions = [(tr("(none)"), None)] + [
            (f"{appearance.EMOTION_FACES[value]}  {tr(EMOTION_LABELS[value])}", value)
            for value in range(-2, 3)]
        page.add(ChoiceField("emotion", edit, emotions))
        page.add(FlagField("moment_of_truth", edit, f"{appearance.MOT_BADGE} {tr('Moment of truth (MOT)')}"), "")
        page.add(FlagField("fail_point", edit, f"{appearance.FAIL_BADGE}  {tr('Fail point')}"), "")
        page.add(NumberField("wait_minutes", edit, 0, 10_000_000, tr("no wait"), tr(" min")))
        page.add(NumberField("duration_minutes", edit, 0, 10_000_000, tr("not set"), tr(" min")))
        page.add(LineField("owner", edit, tr("Who does it?")))
        page.add(TextField("notes", edit, lines=3))
        page.add(ColourField("colour", edit))
        return page

    def _stage_page(self) -> _Page:
        page = _Page(tr("Stage"), self, "stage")
        edit = self._edit_callback("stage")
        page.add(LineField("name", edit))
        page.add(TextField("description", edit, lines=3))
        page.add(LineField("phase", edit, tr("e.g. before / during / after")))
        page.add(NumberField("width", edit, 40, 5000, tr("automatic"), " px", step=20))
        page.outer.addLayout(self._axis_buttons("stage", tr("◀ Move left"), tr("Move right ▶"),
                                                tr("Delete stage")))
        return page

    def _lane_page(self) -> _Page:
        page = _Page(tr("Lane"), self, "lane")
        edit = self._edit_callback("lane")
        page.add(LineField("name", edit, tr("(standard name)")))
        lane_kinds = [(lane_name_for_kind(k), k) for k in LaneKind]
        page.add(ChoiceField("kind", edit, lane_kinds))
        page.add(ColourField("colour", edit))
        page.outer.addLayout(self._axis_buttons("lane", tr("▲ Move up"), tr("Move down ▼"),
                                                tr("Delete lane")))
        return page

    def _connector_page(self) -> _Page:
        page = _Page(tr("Arrow"), self, "connector")
        edit = self._edit_callback("connector")
        page.ends = QLabel()
        page.ends.setObjectName("inspectorConnectorEnds")
        page.ends.setWordWrap(True)
        page.outer.insertWidget(1, page.ends)
        page.add(LineField("label", edit, tr("e.g. if approved")))
        return page

    def _map_page(self) -> _Page:
        page = _Page(tr("Map properties"), self, "map")
        edit = self._edit_callback("map")
        page.add(LineField("name", edit))
        page.add(ChoiceField("kind", edit, [(map_kind_name(k), k) for k in MapKind]))
        page.add(TextField("description", edit, lines=3))
        page.add(FlagField("show_emotion_curve", edit, tr("Show the emotion curve")), "")
        group = QGroupBox(tr("Project"))
        form = QFormLayout(group)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        page.outer.addWidget(group)
        info_page = _InfoEditors(page, self._edit_callback("project"), form)
        page.info = info_page
        return page

    def _axis_buttons(self, axis: str, before: str, after: str, delete: str) -> QGridLayout:
        # Two rows, so the inspector stays narrow enough for a 1280-pixel projector.
        grid = QGridLayout()
        for column, (text, step, name) in enumerate(((before, -1, "Before"), (after, 1, "After"))):
            button = QPushButton(text)
            button.setObjectName(f"inspector_{axis}_move{name}")
            button.clicked.connect(lambda _=False, s=step: self._move_axis_item(axis, s))
            grid.addWidget(button, 0, column)
        remove = QPushButton(delete)
        remove.setObjectName(f"inspector_{axis}_delete")
        remove.clicked.connect(lambda: self._remove_axis_item(axis))
        grid.addWidget(remove, 1, 0, 1, 2)
        return grid

    # -- context -------------------------------------------------------------------
    def set_document(self, project: Project | None, undo_stack: QUndoStack | None) -> None:
        self.commit_pending()
        if self._unsubscribe:
            self._unsubscribe()
            self._unsubscribe = None
        if self.undo_stack is not None:
            try:
                self.undo_stack.indexChanged.disconnect(self._refresh_if_stale)
            except (RuntimeError, TypeError):  # the stack is already gone
                pass
        self.project, self.undo_stack = project, undo_stack
        self._stale = False
        if project is not None:
            self._unsubscribe = project.events.subscribe(self._on_model_event)
        if undo_stack is not None:
            undo_stack.indexChanged.connect(self._refresh_if_stale)
        self.map_id, self.kind, self.entity_id = "", "map", ""

    def show_entity(self, kind: str, entity_id: str, map_id: str | None = None) -> None:
        if map_id is not None:
            self.map_id = map_id
        if (kind, entity_id) != (self.kind, self.entity_id):
            self.commit_pending()  # typing still belongs to the previous selection
            self.end_typing()
            self.clear_message()
        self.kind, self.entity_id = kind, entity_id
        self.refresh()

    def refresh(self) -> None:
        self._stale = False
        if self.project is None or not self.map_id:
            self.setEnabled(False)
            return
        self.setEnabled(True)
        try:
            service_map = self.project.map(self.map_id)
        except ModelError:
            return
        kind, entity = self.kind, self._entity()
        if entity is None:  # vanished (deleted or undone): fall back to the map
            kind, self.kind, self.entity_id = "map", "map", self.map_id
            entity = service_map
        page = self.pages[kind]
        self.stack.setCurrentWidget(page)
        if kind == "card":
            values = {f: getattr(entity, f) for f in page.editors}
            count = len(self._card_targets("kind"))
            page.heading.setText(tr("Card") if count == 1 else tr(
                "{count} cards selected: text and notes edit this one, other settings all of them")
                .format(count=count))
            page.location.setText(tr("In “{stage}” × “{lane}”").format(
                stage=service_map.stage(entity.stage_id).name or "—",
                lane=lane_name(service_map.lane(entity.lane_id))))
        elif kind == "lane":
            values = {f: getattr(entity, f) for f in page.editors}
            page.editors["name"].widget.setPlaceholderText(lane_name_for_kind(entity.kind))
        elif kind == "connector":
            values = {"label": entity.label}
            source = service_map.cards.get(entity.source_id)
            target = service_map.cards.get(entity.target_id)
            page.ends.setText(tr("From “{source}” to “{target}”").format(
                source=_short(source.text if source else ""), target=_short(target.text if target else "")))
        elif kind == "map":
            values = {f: getattr(entity, f) for f in page.editors}
            page.info.show_values(self.project.info)
        else:
            values = {f: getattr(entity, f) for f in page.editors}
        page.show_values(values)

    def focus_project_title(self) -> None:
        self.show_entity("map", self.map_id)
        self.pages["map"].info.editors["title"].widget.setFocus()

    def commit_pending(self) -> None:
        """Send text still waiting for a typing pause (before saving, undoing, switching)."""
        for page in self.pages.values():
            editors = list(page.editors.values())
            if hasattr(page, "info"):
                editors += list(page.info.editors.values())
            for editor in editors:
                editor.commit_pending()

    def end_typing(self) -> None:
        """The next keystroke starts a new undo step."""
        self._typing_session += 1

    def clear_message(self) -> None:
        self.message.clear()
        self.message.hide()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.messageShown.emit(text)

    # -- editing -----------------------------------------------------------------------
    def _entity(self) -> Any:
        if self.project is None:
            return None
        try:
            service_map = self.project.map(self.map_id)
            if self.kind == "card":
                return service_map.cards.get(self.entity_id)
            if self.kind == "connector":
                return service_map.connectors.get(self.entity_id)
            if self.kind == "stage":
                return service_map.stage(self.entity_id)
            if self.kind == "lane":
                return service_map.lane(self.entity_id)
            return service_map
        except ModelError:
            return None

    def _edit_callback(self, entity: str):
        def edit(field: str, value: Any, continuous: bool) -> None:
            self._push_edit(entity, field, value, continuous)
        return edit

    def _push_edit(self, entity: str, field: str, value: Any, continuous: bool) -> None:
        if self.project is None or self.undo_stack is None:
            return
        changes = {field: value}
        if entity == "project":
            if getattr(self.project.info, field) == value:
                return
            operation: Any = ops.UpdateProjectInfo(changes)
            target = self.project.id
        elif entity == "card" and len(targets := self._card_targets(field)) > 1:
            service_map = self._map()
            changed = [i for i in targets if getattr(service_map.cards[i], field) != value]
            if not changed:
                return
            target = tuple(targets)
            # Typing merges into the first step, whose inverse is what undo restores: it must
            # cover every card a later pause may change, not only those this pause changes.
            operation = ops.Batch([ops.UpdateCard(self.map_id, i, changes)
                                   for i in (targets if continuous else changed)])
        else:
            current = self._entity() if entity != "map" else self._map()
            if current is None or getattr(current, field) == value:
                return
            target = current.id
            operation = {
                "card": lambda: ops.UpdateCard(self.map_id, target, changes),
                "stage": lambda: ops.UpdateStage(self.map_id, target, changes),
                "lane": lambda: ops.UpdateLane(self.map_id, target, changes),
                "connector": lambda: ops.UpdateConnector(self.map_id, target, changes),
                "map": lambda: ops.UpdateMap(self.map_id, changes),
            }[entity]()
        label = tr(FIELD_LABELS.get(field, field))
        text = tr("Change {field}").format(field=label.lower() if label.isascii() else label)
        merge = {}
        if continuous:
            merge = {"merge_id": INSPECTOR_MERGE_ID,
                     "merge_key": (entity, target, field, self._typing_session)}
        try:
            push_operation(self.undo_stack, self.project, operation, text, **merge)
        except (ModelError, ValueError) as error:
            self.show_message(describe(error))
            self.refresh()
            return
        self.clear_message()

    def _card_targets(self, field: str) -> list[str]:
        """The shown card, plus the other selected cards for settings they can share."""
        if field not in SHARED_CARD_FIELDS or self.selected_cards is None:
            return [self.entity_id]
        selected = self.selected_cards()
        if self.entity_id not in selected:
            return [self.entity_id]
        return [self.entity_id] + [i for i in selected if i != self.entity_id]

    def _map(self) -> Any:
        try:
            return self.project.map(self.map_id) if self.project else None
        except ModelError:
            return None

    def _move_axis_item(self, axis: str, step: int) -> None:
        service_map, entity = self._map(), self._entity()
        if service_map is None or entity is None or self.kind != axis:
            return
        items = service_map.stages if axis == "stage" else service_map.lanes
        index = items.index(entity) + step
        if not 0 <= index < len(items):
            return
        move = ops.MoveStage if axis == "stage" else ops.MoveLane
        text = tr("Move stage") if axis == "stage" else tr("Move lane")
        self._push(move(self.map_id, entity.id, index), text)

    def _remove_axis_item(self, axis: str) -> None:
        service_map, entity = self._map(), self._entity()
        if service_map is None or entity is None or self.kind != axis:
            return
        items = service_map.stages if axis == "stage" else service_map.lanes
        if len(items) <= 1:
            self.show_message(tr("A map needs at least one stage and one lane."))
            return
        remove = ops.RemoveStage if axis == "stage" else ops.RemoveLane
        text = tr("Delete stage") if axis == "stage" else tr("Delete lane")
        self._push(remove(self.map_id, entity.id), text)

    def _push(self, operation: Any, text: str) -> None:
        try:
            push_operation(self.undo_stack, self.project, operation, text)
        except ModelError as error:
            self.show_message(describe(error))

    def _on_model_event(self, changes: ChangeSet) -> None:
        if any(event.entity == "project" or (event.map_id == self.map_id and (
                event.entity_id == self.entity_id or event.entity == "map"
                or self.kind in ("card", "connector"))) for event in changes):
            self.schedule_refresh()

    def schedule_refresh(self) -> None:
        """Refresh once control returns to the event loop (e.g. after a selection settles)."""
        self._stale = True
        self._refresh_timer.start()

    def _refresh_if_stale(self, *_args: object) -> None:
        if self._stale:
            self.refresh()

    def detach(self) -> None:
        self.set_document(None, None)


class _InfoEditors:
    """The project's cover information, shown under the map's properties."""

    FIELDS = ("title", "organisation", "date", "trainer", "group")

    def __init__(self, page: _Page, edit, form: QFormLayout) -> None:
        self.editors: dict[str, FieldEditor] = {}
        for field in self.FIELDS:
            editor = LineField(field, edit)
            editor.widget.setObjectName(f"inspector_project_{field}")
            editor.focusLeft.connect(page.inspector.end_typing)
            self.editors[field] = editor
            form.addRow(tr(FIELD_LABELS[field]), editor.widget)
        notes = TextField("notes", edit, lines=3)
        notes.widget.setObjectName("inspector_project_notes")
        notes.focusLeft.connect(page.inspector.end_typing)
        self.editors["notes"] = notes
        form.addRow(tr(FIELD_LABELS["notes"]), notes.widget)

    def show_values(self, info: Any) -> None:
        for field, editor in self.editors.items():
            editor.show(getattr(info, field))


def lane_name_for_kind(kind: LaneKind) -> str:
    from ..i18n.labels import LANE_KIND_NAMES
    return tr(LANE_KIND_NAMES[kind])


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


__all__ = ["INSPECTOR_MERGE_ID", "Inspector"]

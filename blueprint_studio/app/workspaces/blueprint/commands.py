"""Edit, insert, view and map commands: routed to the current map's scene and view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from ..commands import push_operation
from ..i18n import describe, tr
from ..model import factory
from ..model import operations as ops
from ..model.entities import ModelError
from ..model.enums import CardKind, MapKind, home_lane
from ..templates import build_template
from .dialogs import TemplateDialog, show_error

if TYPE_CHECKING:
    from .main_window import MainWindow


class MapCommands:
    def __init__(self, window: "MainWindow") -> None:
        self.window = window

    def _scene(self):
        return self.window.map_area.current_scene()

    def _view(self):
        return self.window.map_area.current_view()

    def _run(self, what: str, *args) -> None:
        """Call a scene method; a refusal by the model becomes a message."""
        scene = self._scene()
        if scene is None:
            return
        try:
            getattr(scene, what)(*args)
        except ModelError as error:
            self.window.show_refusal(describe(error))

    # -- edit -------------------------------------------------------------------------------
    def undo(self) -> None:
        self.window.commit_pending_edits()  # what was just typed is the step to undo
        self.window.document.undo_stack.undo()

    def redo(self) -> None:
        self.window.commit_pending_edits()
        self.window.document.undo_stack.redo()

    def cut(self) -> None:
        self._run("cut_selection")

    def copy(self) -> None:
        self._run("copy_selection")

    def paste(self) -> None:
        self._run("paste")

    def duplicate(self) -> None:
        self._run("duplicate_selection")

    def delete(self) -> None:
        self._run("delete_selection")

    def select_all(self) -> None:
        self._run("select_all")

    def edit_text(self) -> None:
        self._run("edit_selected_card")

    # -- insert -----------------------------------------------------------------------------
    def target_cell(self, kind: CardKind = CardKind.ACTION) -> tuple[str, str] | None:
        """The cell of the selection, or the kind's usual lane in the first stage."""
        scene = self._scene()
        if scene is None:
            return None
        service_map = self.window.document.project.map(scene.map_id)
        if not service_map.stages or not service_map.lanes:
            return None
        entity, entity_id = scene.current_entity()
        home = service_map.lane_of_kind(home_lane(kind))
        lane_id = (home or service_map.lanes[0]).id
        stage_id = service_map.stages[0].id
        if entity == "card" and entity_id in service_map.cards:
            card = service_map.cards[entity_id]
            return card.stage_id, card.lane_id
        if entity == "stage" and service_map.has_stage(entity_id):
            return entity_id, lane_id
        if entity == "lane" and service_map.has_lane(entity_id):
            return stage_id, entity_id
        return stage_id, lane_id

    def add_card(self, kind: CardKind = CardKind.ACTION) -> str:
        cell = self.target_cell(kind)
        scene = self._scene()
        if cell is None or scene is None:
            return ""
        try:
            card_id = scene.add_card(cell[0], cell[1], kind)
        except ModelError as error:
            self.window.show_refusal(describe(error))
            return ""
        view = self._view()
        if view is not None:
            view.focus_card(card_id)
            view.setFocus()
        scene.edit_selected_card()
        return card_id

    def _insert_index(self, axis: str) -> int | None:
        scene = self._scene()
        if scene is None:
            return None
        entity, entity_id = scene.current_entity()
        service_map = self.window.document.project.map(scene.map_id)
        try:
            if axis == "stage":
                if entity == "stage":
                    return service_map.stage_index(entity_id) + 1
                if entity == "card" and entity_id in service_map.cards:
                    return service_map.stage_index(service_map.cards[entity_id].stage_id) + 1
            else:
                if entity == "lane":
                    return service_map.lane_index(entity_id) + 1
                if entity == "card" and entity_id in service_map.cards:
                    return service_map.lane_index(service_map.cards[entity_id].lane_id) + 1
        except ModelError:
            return None
        return None

    def add_stage(self) -> None:
        self._run("add_stage", self._insert_index("stage"))

    def add_lane(self) -> None:
        self._run("add_lane", self._insert_index("lane"))

    # -- view ---------------------------------------------------------------------------------
    def zoom(self, how: str) -> None:
        view = self._view()
        if view is not None:
            getattr(view, how)()

    # -- maps -------------------------------------------------------------------------------------
    def _push(self, operation, text: str) -> bool:
        document = self.window.document
        try:
            push_operation(document.undo_stack, document.project, operation, text)
        except ModelError as error:
            self.window.show_refusal(describe(error))
            return False
        return True

    def add_map(self) -> None:
        choice = TemplateDialog.ask(self.window, title=tr("New Map"),
                                    prompt=tr("Add a map from a template:"))
        if choice is None:
            return
        name, lang = choice
        try:
            maps = build_template(name, lang).maps
        except Exception as error:  # a damaged installation: say so, keep working
            show_error(self.window, tr("New Map"), str(error))
            return
        if not maps:
            maps = [factory.new_map(tr("Service blueprint"), [tr("Stage 1")], MapKind.BLUEPRINT)]
        index = self._current_index() + 1
        operation = ops.Batch([ops.AddMap(m, index + i) for i, m in enumerate(maps)])
        if self._push(operation, tr("Add map")):
            self.window.map_area.show_map(maps[0].id)

    def _current_index(self) -> int:
        project = self.window.document.project
        map_id = self.window.map_area.current_map_id()
        ids = [m.id for m in project.maps]
        return ids.index(map_id) if map_id in ids else len(ids) - 1

    def rename_map_to(self, map_id: str, name: str) -> None:
        self._push(ops.UpdateMap(map_id, {"name": name}), tr("Rename map"))

    def delete_map(self) -> None:
        project = self.window.document.project
        map_id = self.window.map_area.current_map_id()
        if not map_id:
            return
        refusal = ops.removal_refused(project, "map", ())
        if refusal is not None:  # the model's rule, asked before the user confirms
            self.window.show_refusal(describe(refusal))
            return
        service_map = project.map(map_id)
        answer = QMessageBox.question(
            self.window, tr("Delete Map"),
            tr("Delete the map “{name}” with its {count} cards? You can undo this.").format(
                name=service_map.name, count=len(service_map.cards)))
        if answer == QMessageBox.StandardButton.Yes:
            self._push(ops.RemoveMap(map_id), tr("Delete map"))

    def move_map_to(self, map_id: str, index: int) -> None:
        project = self.window.document.project
        if 0 <= index < len(project.maps) and project.maps[index].id != map_id:
            if self._push(ops.MoveMap(map_id, index), tr("Move map")):
                self.window.map_area.show_map(map_id)
        else:
            self.window.maps_panel.refill()  # a drop onto its own place

    def move_map(self, step: int) -> None:
        map_id = self.window.map_area.current_map_id()
        index = self._current_index() + step
        if map_id and 0 <= index < len(self.window.document.project.maps):
            if self._push(ops.MoveMap(map_id, index), tr("Move map")):
                self.window.map_area.show_map(map_id)


__all__ = ["MapCommands"]

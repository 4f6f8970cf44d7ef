"""The map editor's commands: edit, insert, zoom and map management on the current map.

They receive the session (document, undo stack, messages) and the map area (the current
scene and view); they never see the window. Each calls the canvas's public methods
explicitly. `MapEditTarget` is what the shell's Edit ▸ Cut / Copy / Paste / Delete /
Select All act on while the map editor is current.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QMessageBox

from ....i18n import describe, plural, tr
from ....interchange import InterchangeError
from ....model import factory
from ....model import operations as ops
from ....model.entities import ModelError
from ....model.enums import CardKind, MapKind, home_lane
from ....model.screening import concepts_from_cards, link_cards
from ....templates import build_template
from ...dialogs import TemplateDialog, show_error
from ...file_ops import CSV_FILTER, ask_save_path
from ...session import Session
from .map_area import MapArea
from .maps_panel import MapsPanel


class MapCommands:
    def __init__(self, session: Session, area: MapArea, maps_panel: MapsPanel) -> None:
        self.session = session
        self.area = area
        self.maps_panel = maps_panel

    def on_scene(self, run: Callable[[object], object]) -> object:
        """Run an edit on the current scene; a refusal by the model becomes a message."""
        scene = self.area.current_scene()
        if scene is None:
            return None
        try:
            return run(scene)
        except ModelError as error:
            self.session.refuse(describe(error))
            return None

    # -- edit -------------------------------------------------------------------------------
    def duplicate(self) -> None:
        self.on_scene(lambda scene: scene.duplicate_selection())

    def edit_text(self) -> None:
        self.on_scene(lambda scene: scene.edit_selected_card())

    def make_concepts(self) -> None:
        """The selected cards become concepts of the screening (one undo step), then the
        screening shows them."""
        scene, project = self.area.current_scene(), self.session.project
        if scene is None or project is None:
            return
        try:
            operations, _screening_id = concepts_from_cards(project, scene.map_id,
                                                            scene.selected_card_ids())
        except ModelError as error:
            self.session.refuse(describe(error))
            return
        count = sum(1 for operation in operations if getattr(operation, "kind", "") == "concept")
        if self.session.push(ops.Batch(operations), tr("Make concepts from cards")):
            self.session.show_message(plural(count, "{count} concept added to the concept screening.",
                                             "{count} concepts added to the concept screening."))

    def link_to_concept(self) -> None:
        """Ask which concept; the selected cards join what it changes (one undo step)."""
        scene, project = self.area.current_scene(), self.session.project
        if scene is None or project is None:
            return
        choices = [(screening.id, concept.id, f"{concept.title} — {screening.name}")
                   for screening in project.screenings for concept in screening.concepts]
        if not scene.selected_card_ids() or not choices:
            self.session.refuse(tr("Select cards on the map, and have a concept to link them to."))
            return
        label, accepted = QInputDialog.getItem(
            self.area, tr("Link Cards to a Concept"), tr("Concept:"),
            [text for _s, _c, text in choices], 0, False)
        if not accepted:
            return
        screening_id, concept_id, _text = next(c for c in choices if c[2] == label)
        try:
            operation = link_cards(project, screening_id, concept_id, scene.map_id,
                                   scene.selected_card_ids())
        except ModelError as error:
            self.session.refuse(describe(error))
            return
        if operation is None:
            self.session.show_message(tr("The concept names these cards already."))
        else:
            self.session.push(operation, tr("Link cards to a concept"))

    # -- card fields and arrows from the keyboard (the canvas's CardFields) -------------------
    def set_emotion(self, value: int | None) -> None:
        self.on_scene(lambda scene: scene.card_fields.set_emotion(value))

    def toggle_flag(self, flag: str) -> None:
        self.on_scene(lambda scene: scene.card_fields.toggle(flag))

    def cycle_kind(self, step: int) -> None:
        self.on_scene(lambda scene: scene.card_fields.cycle_kind(step))

    def connect_selected(self) -> None:
        self.on_scene(lambda scene: scene.card_fields.connect_selected())

    # -- insert -----------------------------------------------------------------------------
    def target_cell(self, kind: CardKind = CardKind.ACTION) -> tuple[str, str] | None:
        """The cell of the selection, or the kind's usual lane in the first stage."""
        scene, project = self.area.current_scene(), self.session.project
        if scene is None or project is None:
            return None
        service_map = project.map(scene.map_id)
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
        if cell is None:
            return ""
        card_id = self.on_scene(lambda scene: scene.add_card(cell[0], cell[1], kind))
        if not card_id:
            return ""
        view = self.area.current_view()
        if view is not None:
            view.focus_card(card_id)
            view.setFocus()
        self.on_scene(lambda scene: scene.edit_selected_card())
        return str(card_id)

    def _insert_index(self, axis: str) -> int | None:
        scene, project = self.area.current_scene(), self.session.project
        if scene is None or project is None:
            return None
        entity, entity_id = scene.current_entity()
        service_map = project.map(scene.map_id)
        try:
            if entity == axis:
                return (service_map.stage_index(entity_id) if axis == "stage"
                        else service_map.lane_index(entity_id)) + 1
            if entity == "card" and entity_id in service_map.cards:
                card = service_map.cards[entity_id]
                return (service_map.stage_index(card.stage_id) if axis == "stage"
                        else service_map.lane_index(card.lane_id)) + 1
        except ModelError:
            return None
        return None

    def add_stage(self) -> None:
        index = self._insert_index("stage")
        self.on_scene(lambda scene: scene.add_stage(index))

    def add_lane(self) -> None:
        index = self._insert_index("lane")
        self.on_scene(lambda scene: scene.add_lane(index))

    # -- view ---------------------------------------------------------------------------------
    def zoom_in(self) -> None:
        if (view := self.area.current_view()) is not None:
            view.zoom_in()

    def zoom_out(self) -> None:
        if (view := self.area.current_view()) is not None:
            view.zoom_out()

    def zoom_reset(self) -> None:
        if (view := self.area.current_view()) is not None:
            view.zoom_reset()

    def zoom_to_fit(self) -> None:
        if (view := self.area.current_view()) is not None:
            view.zoom_to_fit()

    # -- maps -------------------------------------------------------------------------------------
    def add_map(self) -> None:
        parent = self.session.dialog_parent()
        choice = TemplateDialog.ask(parent, title=tr("New Map"), prompt=tr("Add a map from a template:"))
        if choice is None:
            return
        name, lang = choice
        try:
            maps = build_template(name, lang).maps
        except Exception as error:  # a damaged installation: say so, keep working
            show_error(parent, tr("New Map"), str(error))
            return
        if not maps:
            maps = [factory.new_map(tr("Service blueprint"), [tr("Stage 1")], MapKind.BLUEPRINT)]
        index = self._current_index() + 1
        operation = ops.Batch([ops.AddMap(m, index + i) for i, m in enumerate(maps)])
        if self.session.push(operation, tr("Add map")):
            self.area.show_map(maps[0].id)

    def _current_index(self) -> int:
        ids = [m.id for m in self.session.project.maps]
        map_id = self.area.current_map_id()
        return ids.index(map_id) if map_id in ids else len(ids) - 1

    def rename_map_to(self, map_id: str, name: str) -> None:
        self.session.push(ops.UpdateMap(map_id, {"name": name}), tr("Rename map"))

    def delete_map(self) -> None:
        project, map_id = self.session.project, self.area.current_map_id()
        if project is None or not map_id:
            return
        refusal = ops.removal_refused(project, "map", ())
        if refusal is not None:  # the model's rule, asked before the user confirms
            self.session.refuse(describe(refusal))
            return
        service_map = project.map(map_id)
        answer = QMessageBox.question(
            self.session.dialog_parent(), tr("Delete Map"),
            plural(len(service_map.cards),
                   "Delete the map “{name}” with its {count} card? You can undo this.",
                   "Delete the map “{name}” with its {count} cards? You can undo this.",
                   name=service_map.name))
        if answer == QMessageBox.StandardButton.Yes:
            self.session.push(ops.RemoveMap(map_id), tr("Delete map"))

    def move_map_to(self, map_id: str, index: int) -> None:
        project = self.session.project
        if project is not None and 0 <= index < len(project.maps) and project.maps[index].id != map_id:
            if self.session.push(ops.MoveMap(map_id, index), tr("Move map")):
                self.area.show_map(map_id)
        else:
            self.maps_panel.refill()  # a drop onto its own place

    def move_map(self, step: int) -> None:
        map_id, index = self.area.current_map_id(), self._current_index() + step
        if map_id and 0 <= index < len(self.session.project.maps):
            if self.session.push(ops.MoveMap(map_id, index), tr("Move map")):
                self.area.show_map(map_id)

    # -- export ------------------------------------------------------------------------------------
    def export_csv(self) -> None:
        self.session.commit_pending()
        map_id, project = self.area.current_map_id(), self.session.project
        if not map_id or project is None:
            return
        service_map = project.map(map_id)
        path = ask_save_path(self.session, tr("Export Map as CSV"), (service_map.name or "map") + ".csv",
                             CSV_FILTER, ".csv")
        if not path:
            return
        from ....interchange import write_csv_map

        try:
            write_csv_map(service_map, path)
        except (InterchangeError, OSError) as error:
            show_error(self.session.dialog_parent(), tr("Could not export"), str(error))
            return
        self.session.show_message(tr("Exported {name}").format(name=Path(path).name), 4000)


class MapEditTarget:
    """Edit ▸ Cut / Copy / Paste / Delete / Select All on the current map's selection."""

    def __init__(self, commands: MapCommands) -> None:
        self._commands = commands

    def cut(self) -> None:
        self._commands.on_scene(lambda scene: scene.cut_selection())

    def copy(self) -> None:
        self._commands.on_scene(lambda scene: scene.copy_selection())

    def paste(self) -> None:
        self._commands.on_scene(lambda scene: scene.paste())

    def delete(self) -> None:
        self._commands.on_scene(lambda scene: scene.delete_selection())

    def select_all(self) -> None:
        self._commands.on_scene(lambda scene: scene.select_all())


__all__ = ["MapCommands", "MapEditTarget"]

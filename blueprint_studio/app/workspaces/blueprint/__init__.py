"""The map editor workspace: the maps of the project drawn as service blueprints.

Its widget is the map area (a tab per map, each a canvas) with the find bar under it; it
brings the card palette and the maps list as panels, the zoom and counts in the status bar,
and the commands of the Insert and Map menus. Its selection is the canvas's, so the
inspector edits what is selected on the map.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ....analysis.moments import decide
from ....i18n import mark, plural, tr
from ....model.operations import Batch
from ....model.touchpoints import MomentStatus
from ....model.events import ChangeSet
from ....model.kinds import KINDS, lookup
from ...session import Session
from ...workspace import PanelSpec, Selection, Workspace
from . import actions as specs
from .commands import MapCommands, MapEditTarget
from .find_bar import FindBar, FindController
from .findings_panel import FindingsController, FindingsPanel
from .ipa_chart import IpaChartDialog, import_survey_responses
from .map_area import MapArea
from .maps_panel import MapsPanel
from .palette import CardPalette
from .presenting import MapPresenter

LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea


class BlueprintWorkspace(Workspace):
    KEY = "blueprint"
    SWITCH = specs.SWITCH
    ACTIONS = specs.ACTIONS
    MENUS = specs.MENUS
    TOOLBAR = specs.TOOLBAR
    PANELS = (
        PanelSpec("paletteDock", mark("Cards"), mark("Show or hide the palette of card kinds"), LEFT),
        PanelSpec("mapsDock", mark("Maps"), mark("Show or hide the list of the project's maps"), LEFT),
        PanelSpec("findingsDock", mark("Findings"),
                  mark("Show or hide the findings of the shown map: hand-offs, loops, gaps, waits, "
                       "fail points and the critical path"), RIGHT, tab_with="inspectorDock"),
    )

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(session, parent)
        self._widget = QWidget()
        self._widget.setObjectName("mapWorkspace")
        layout = QVBoxLayout(self._widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.map_area = MapArea(self._widget)
        self.find_bar = FindBar(self._widget)
        layout.addWidget(self.map_area, 1)
        layout.addWidget(self.find_bar)
        self.palette = CardPalette()
        self.maps_panel = MapsPanel()
        self.findings_panel = FindingsPanel()
        self.findings = FindingsController(self.findings_panel, self.map_area.current_scene,
                                           self._reveal_cards, self._decide_moment)
        self.finder = FindController(self.find_bar, self.map_area)
        self.presenter = MapPresenter(self.map_area, self.find_bar)
        self.map_commands = MapCommands(session, self.map_area, self.maps_panel)
        self._edit_target = MapEditTarget(self.map_commands)
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLabel")
        self.counts_label = QLabel()
        self.counts_label.setObjectName("countsLabel")
        self._scene_connections: list = []
        self._unsubscribe: Callable[[], None] | None = None
        self._active = False
        self._connect_action: QAction | None = None
        self._connect_scene = None  # the scene connect mode was last applied to
        session.documentChanged.connect(self._attach)
        session.documentReleased.connect(self._detach)
        session.commitRequested.connect(self.map_area.finish_editing)
        self.map_area.currentMapChanged.connect(self._on_current_map_changed)
        self.maps_panel.mapChosen.connect(self._choose_map)
        self.maps_panel.renameRequested.connect(self.map_commands.rename_map_to)
        self.maps_panel.moveRequested.connect(self.map_commands.move_map_to)
        self.palette.kindClicked.connect(self.map_commands.add_card)
        c = self.map_commands
        self._commands: dict[str, Callable[[], None]] = {
            "actionExportCsv": c.export_csv, "actionDuplicate": c.duplicate,
            "actionMakeConcept": c.make_concepts, "actionLinkToConcept": c.link_to_concept,
            "actionEditText": c.edit_text, "actionFind": self.find_bar.open_bar,
            "actionFindNext": lambda: self.finder.step(1),
            "actionFindPrevious": lambda: self.finder.step(-1),
            "actionAddCard": c.add_card, "actionAddStage": c.add_stage, "actionAddLane": c.add_lane,
            "actionAddMap": c.add_map, "actionRenameMap": self.maps_panel.start_rename,
            "actionDeleteMap": c.delete_map, "actionMoveMapUp": lambda: c.move_map(-1),
            "actionMoveMapDown": lambda: c.move_map(1),
            "actionNextMap": lambda: self.map_area.step_map(1),
            "actionPreviousMap": lambda: self.map_area.step_map(-1),
            "actionZoomIn": c.zoom_in, "actionZoomOut": c.zoom_out,
            "actionZoomReset": c.zoom_reset, "actionZoomToFit": c.zoom_to_fit,
            "actionHighlightCriticalPath": self.findings.sync_highlights,
            "actionHighlightLoops": self.findings.sync_highlights,
            "actionShowIpaChart": self.show_ipa_chart,
            "actionImportSurveyResponses": lambda: import_survey_responses(self),
            "actionConnectMode": self._connect_mode_toggled,
            "actionConnectSelected": c.connect_selected,
            "actionToggleMomentOfTruth": lambda: c.toggle_flag("moment_of_truth"),
            "actionToggleFailPoint": lambda: c.toggle_flag("fail_point"),
            "actionNextCardKind": lambda: c.cycle_kind(1),
            "actionPreviousCardKind": lambda: c.cycle_kind(-1),
        }
        for name, value, _text, _key in specs.EMOTION_KEYS:
            self._commands[name] = lambda value=value: c.set_emotion(value)
        self.ipa_dialog: IpaChartDialog | None = None  # made when first shown

    # -- what the shell places -------------------------------------------------------------
    @property
    def widget(self) -> QWidget:
        return self._widget

    def panel(self, name: str) -> QWidget:
        return {"paletteDock": self.palette, "mapsDock": self.maps_panel,
                "findingsDock": self.findings_panel}[name]

    def status_widgets(self) -> list[QWidget]:
        return [self.counts_label, self.zoom_label]

    def use_actions(self, actions: Mapping[str, QAction]) -> None:
        self.maps_panel.use_actions([actions[name] for name in specs.MAPS_PANEL_ACTIONS])
        self.findings.use_actions(actions["actionHighlightCriticalPath"], actions["actionHighlightLoops"])
        self._connect_action = actions["actionConnectMode"]

    # -- connect mode: one switch for the map editor, applied to the map shown --------------------
    def connect_mode(self) -> bool:
        return self._connect_action is not None and self._connect_action.isChecked()

    def set_connect_mode(self, on: bool) -> None:
        """Switch connect mode (the toolbar toggle, Ctrl+E, Insert ▸ Connect Mode)."""
        if self._connect_action is not None and self._connect_action.isChecked() != on:
            self._connect_action.setChecked(on)
        self._connect_mode_toggled()

    def _connect_mode_toggled(self) -> None:
        on = self.connect_mode()
        self._apply_connect_mode()
        if on:
            self.session.show_message(tr("Connect mode: click a card, then the card the arrow goes "
                                         "to. Escape lets go of the first card; Ctrl+E ends the mode."),
                                      15000)
        else:
            self.session.show_message(tr("Connect mode is off."), 3000)

    def _apply_connect_mode(self) -> None:
        scene = self.map_area.current_scene()
        previous, self._connect_scene = self._connect_scene, scene
        if previous is not None and previous is not scene and not previous.detached:
            previous.set_connect_mode(False)
        if scene is not None:
            scene.set_connect_mode(self.connect_mode())

    def published(self) -> dict[str, object]:
        return {"map_area": self.map_area, "maps_panel": self.maps_panel,
                "find_bar": self.find_bar, "finder": self.finder, "map_commands": self.map_commands,
                "findings_panel": self.findings_panel, "findings": self.findings,
                "presenter": self.presenter}

    # -- what the shell asks --------------------------------------------------------------------
    def selection(self) -> Selection | None:
        map_id = self.map_area.current_map_id()
        scene = self.map_area.current_scene()
        if not map_id:
            return None
        if scene is None:
            return Selection("map", map_id)
        kind, entity_id = scene.current_entity()
        if kind == "map" or not entity_id:
            return Selection("map", map_id)
        ids: tuple[str, ...] = (entity_id,)
        if kind == "card":
            selected = scene.selected_card_ids()
            if entity_id in selected:
                ids = (entity_id, *(i for i in selected if i != entity_id))
        return Selection(kind, entity_id, (map_id,), ids)

    def edit_target(self) -> MapEditTarget | None:
        return self._edit_target if self.map_area.current_scene() is not None else None

    def commands(self) -> Mapping[str, Callable[[], None]]:
        return self._commands

    def enabled_actions(self) -> set[str]:
        if self.session.project is None:
            return set()
        if not self.map_area.current_map_id():
            return {"actionAddMap"}
        return set(self._commands)

    def can_show(self, kind: str, entity_id: str) -> bool:
        return bool(self._map_holding(kind, entity_id))

    def show(self, kind: str, entity_id: str) -> None:
        map_id = self._map_holding(kind, entity_id)
        if not map_id:
            return
        self.map_area.show_map(map_id)
        scene, view = self.map_area.current_scene(), self.map_area.current_view()
        if scene is None or kind == "map":
            return
        select = {"card": scene.select_card, "stage": scene.select_stage, "lane": scene.select_lane,
                  "connector": scene.select_connector}.get(kind)
        if select is not None:
            select(entity_id)
        if kind == "card" and view is not None:
            view.focus_card(entity_id)

    def _map_holding(self, kind: str, entity_id: str) -> str:
        project = self.session.project
        if project is None:
            return ""
        if kind == "map":
            return entity_id if any(m.id == entity_id for m in project.maps) else ""
        spec = KINDS.get(kind)
        if spec is None or spec.parent != "map":
            return ""
        return next((m.id for m in project.maps if lookup(m, spec, entity_id) is not None), "")

    def follows(self, changes: ChangeSet) -> bool:
        """Changes to maps and what lies on them (not the project's cover, not screenings):
        the kinds say which, since an event's map_id is only the first id of its scope."""
        return any(_on_a_map(event.entity) for event in changes)

    # -- what the shell tells -----------------------------------------------------------------
    def set_active(self, active: bool) -> None:
        self._active = active
        if not active:
            self.find_bar.close_bar()

    def focus(self) -> None:
        view = self.map_area.current_view()
        (view or self.map_area).setFocus()

    def set_presenting(self, on: bool) -> None:
        self.presenter.start() if on else self.presenter.stop()

    def presentable(self) -> MapPresenter:
        return self.presenter

    def retranslate(self) -> None:
        self.findings_panel.retranslate()
        self.findings.refresh()
        if self.ipa_dialog is not None:
            self.ipa_dialog.retranslate()
        self.map_area.rebuild()  # the canvases draw lane names, headers and kinds in words
        self._update_counts()
        view = self.map_area.current_view()
        if view is not None:
            self._show_zoom(view.zoom_factor())

    def teardown(self) -> None:
        self.findings.stop()
        if self.ipa_dialog is not None:
            self.ipa_dialog.close()
            self.ipa_dialog.deleteLater()
            self.ipa_dialog = None
        self._connect_scene = None
        self._disconnect_scene()
        self.map_area.clear()

    # -- the document and the current map ----------------------------------------------------------
    def _attach(self, document) -> None:
        self._unsubscribe = document.project.events.subscribe(self._on_changes)
        self.maps_panel.set_project(document.project)
        self.map_area.set_document(document.project, document.undo_stack)
        self._on_current_map_changed(self.map_area.current_map_id())

    def _detach(self, _document) -> None:
        if self._unsubscribe:
            self._unsubscribe()
            self._unsubscribe = None
        self._disconnect_scene()
        self._connect_scene = None
        self.map_area.clear()
        self.maps_panel.set_project(None)
        self.counts_label.clear()

    def _choose_map(self, map_id: str) -> None:
        self.map_area.show_map(map_id)
        self.activationRequested.emit()  # chosen in the list from another workspace: come here

    def _on_current_map_changed(self, map_id: str) -> None:
        self._disconnect_scene()
        self.maps_panel.select_map(map_id)
        scene, view = self.map_area.current_scene(), self.map_area.current_view()
        if scene is not None and view is not None:
            self._scene_connections = [
                scene.entitySelected.connect(lambda *_: self.selectionChanged.emit()),
                scene.statusMessage.connect(self.session.refuse),
                scene.selectionChanged.connect(self.selectionChanged.emit),  # once per burst
                view.zoomChanged.connect(self._show_zoom),
            ]
            self._show_zoom(view.zoom_factor())
        self._apply_connect_mode()  # the switch is the editor's: the map shown follows it
        self._update_counts()
        self.findings.changed()
        if self.ipa_dialog is not None:
            self.ipa_dialog.schedule()
        self.finder.map_changed()
        self.selectionChanged.emit()
        self.actionsChanged.emit()

    def _disconnect_scene(self) -> None:
        # By connection handle: safe even when the scene has already been deleted.
        for connection in self._scene_connections:
            QObject.disconnect(connection)
        self._scene_connections = []

    def _on_changes(self, changes: ChangeSet) -> None:
        self._update_counts()  # once per change set (one edit)
        self.findings.changed()  # looked at again once the edits settle

    def _decide_moment(self, card_id: str, status: str) -> None:
        """Confirm or dismiss a moment of truth: the decision and the card's mark, one step."""
        scene = self.map_area.current_scene()
        if scene is None or card_id not in scene.map.cards:
            return
        decided = MomentStatus(status)
        operations = decide(scene.map, card_id, decided)
        if operations:
            text = (tr("Confirm moment of truth") if decided is MomentStatus.CONFIRMED
                    else tr("Dismiss moment of truth"))
            self.session.push(Batch(operations), text)

    def _reveal_cards(self, card_ids: list[str]) -> None:
        """A finding was clicked: select what it names and bring the first into sight."""
        scene, view = self.map_area.current_scene(), self.map_area.current_view()
        if scene is None or view is None:
            return
        present = [card_id for card_id in card_ids if card_id in scene.map.cards]
        if not present:
            return
        scene.set_card_selection(present)
        scene.selection.focus = present[0]
        view.reveal(scene.card_item(present[0]).sceneBoundingRect())
        if self.ipa_dialog is not None:
            self.ipa_dialog.schedule()

    def show_ipa_chart(self) -> None:
        """The importance–performance chart of the current map, in a window beside it."""
        if self.ipa_dialog is None:
            self.ipa_dialog = IpaChartDialog(self, self.session.dialog_parent())
        self.ipa_dialog.refresh()
        self.ipa_dialog.show()
        self.ipa_dialog.raise_()

    def _show_zoom(self, factor: float) -> None:
        self.zoom_label.setText(tr("Zoom {percent} %").format(percent=round(factor * 100)))

    def _update_counts(self) -> None:
        scene, project = self.map_area.current_scene(), self.session.project
        if scene is None or project is None or scene.map_id not in {m.id for m in project.maps}:
            self.counts_label.clear()  # its map was just removed: the tabs follow at once
            return
        counts = scene.counts()
        self.counts_label.setText(" · ".join((
            plural(counts["stages"], "{count} stage", "{count} stages"),
            plural(counts["lanes"], "{count} lane", "{count} lanes"),
            plural(counts["cards"], "{count} card", "{count} cards"),
            plural(counts["connectors"], "{count} arrow", "{count} arrows"))))


def _on_a_map(kind_name: str) -> bool:
    """Whether entities of this kind are maps or lie on one (their parents lead to a map)."""
    seen: set[str] = set()
    while kind_name in KINDS and kind_name not in seen:
        if kind_name == "map":
            return True
        seen.add(kind_name)
        kind_name = KINDS[kind_name].parent
    return False


__all__ = ["BlueprintWorkspace"]

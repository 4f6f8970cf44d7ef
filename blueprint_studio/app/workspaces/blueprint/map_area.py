"""The middle of the window: one tab per map, each a MapScene shown in a MapView.

Scenes are created when a map is first shown (a project with many maps opens fast) and
torn down explicitly (scene.detach() before deletion) so PySide6 never aborts at exit.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QStackedLayout, QStyle, QTabWidget, QVBoxLayout, QWidget

from ....canvas import MapScene, MapView
from ....commands import replaying
from ....i18n import tr
from ....model.entities import Project
from ....model.events import ChangeSet


# Pages of closed maps between their removal and Qt's deferred deletion: out of the window's
# widget tree at once (a torn-down page left a second, hidden `canvasView` without a scene in
# the window until the event loop came round), kept referenced here until Qt deletes them.
_retired: set["_MapPage"] = set()


def _retire(page: "_MapPage") -> None:
    """Tear a page down and take it out of the window now; Qt deletes it later, as before."""
    page.teardown()
    page.hide()
    page.setParent(None)
    _retired.add(page)
    page.destroyed.connect(lambda *_args, retired=page: _retired.discard(retired))
    page.deleteLater()


# A map opens (and presentation mode shows it) fitted to the window's width, within limits
# that keep card text readable on a 1280 x 720 projector and not absurdly large on 4K.
FIT_ZOOM_RANGE = (0.8, 1.5)


class _MapPage(QWidget):
    """A tab's page; gets its scene and view on first show."""

    def __init__(self, map_id: str) -> None:
        super().__init__()
        self.map_id = map_id
        self.scene: MapScene | None = None
        self.view: MapView | None = None
        self._first_zoom_done = False
        layout = QStackedLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.apply_first_zoom()

    def apply_first_zoom(self) -> None:
        """Once, when the view has its real size: fit the map's width, within limits."""
        if not self._first_zoom_done:
            self.fit_width()

    def fit_width(self) -> None:
        if self.view is None or self.scene is None or not self.isVisible():
            return
        # Leave room for the vertical scroll bar a taller-than-window map will need.
        width = self.view.width() - self.view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) - 4
        content = max(self.scene.content_rect().width(), self.scene.sceneRect().width())
        if width < 200 or content <= 0:
            return
        self._first_zoom_done = True
        low, high = FIT_ZOOM_RANGE
        self.view.set_zoom(min(high, max(low, width / content)))
        self.view.scroll_to_origin()

    def ensure_canvas(self, project: Project, undo_stack: QUndoStack) -> None:
        if self.scene is not None:
            return
        self.scene = MapScene(project, self.map_id, undo_stack)
        self.view = MapView(self.scene, self)
        self.layout().addWidget(self.view)
        self.apply_first_zoom()

    def teardown(self) -> None:
        if self.scene is None:
            return
        self.scene.detach()
        if self.view is not None:
            self.view.setScene(None)
            self.view.hide()
            self.view.deleteLater()
        self.scene.deleteLater()
        self.scene, self.view = None, None


class MapArea(QWidget):
    """Tabs of maps; emits the current map's scene and view when they change."""

    currentMapChanged = Signal(str)  # map id ("" when the project has no map)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapArea")
        self.project: Project | None = None
        self.undo_stack: QUndoStack | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._pages: dict[str, _MapPage] = {}
        self._announced = ""
        self._replayed_maps: list[str] = []  # maps an undo/redo is changing, in order
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mapTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setMovable(False)  # order is changed in the maps list (undoable)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        layout.addWidget(self.tabs, 1)

    # -- document --------------------------------------------------------------------
    def set_document(self, project: Project | None, undo_stack: QUndoStack | None) -> None:
        self.clear()
        self.project, self.undo_stack = project, undo_stack
        if project is None:
            return
        self._unsubscribe = project.events.subscribe(self._on_model_event)
        if undo_stack is not None:
            undo_stack.indexChanged.connect(self._on_stack_index)
        self._sync_tabs()

    def clear(self) -> None:
        if self._unsubscribe:
            self._unsubscribe()
            self._unsubscribe = None
        if self.undo_stack is not None:
            try:
                self.undo_stack.indexChanged.disconnect(self._on_stack_index)
            except (RuntimeError, TypeError):
                pass
        self.tabs.blockSignals(True)
        try:
            while self.tabs.count():
                page = self.tabs.widget(0)
                self.tabs.removeTab(0)
                _retire(page)
        finally:
            self.tabs.blockSignals(False)
        self._pages.clear()
        self._announced = ""
        self.project, self.undo_stack = None, None

    # -- current map ----------------------------------------------------------------------
    def current_map_id(self) -> str:
        page = self.tabs.currentWidget()
        return page.map_id if isinstance(page, _MapPage) else ""

    def current_scene(self) -> MapScene | None:
        page = self.tabs.currentWidget()
        return page.scene if isinstance(page, _MapPage) else None

    def current_view(self) -> MapView | None:
        page = self.tabs.currentWidget()
        return page.view if isinstance(page, _MapPage) else None

    def finish_editing(self) -> None:
        """Commit any in-place edit on a canvas (text typed on a card, a header, a label)."""
        for page in self._pages.values():
            if page.scene is not None:
                page.scene.finish_editing(True)

    def show_map(self, map_id: str) -> None:
        page = self._pages.get(map_id)
        if page is not None:
            self.tabs.setCurrentWidget(page)

    def fit_width(self) -> None:
        """Fit the current map's width to the window (within the readable range)."""
        page = self.tabs.currentWidget()
        if isinstance(page, _MapPage):
            page.fit_width()

    def rebuild(self) -> None:
        """Draw every canvas again around the same project (the language changed: lane
        names, headers, card kinds), keeping the map shown, its zoom and its selected cards."""
        if self.project is None:
            return
        current, view, scene = self.current_map_id(), self.current_view(), self.current_scene()
        zoom = view.zoom_factor() if view is not None else None
        selected = scene.selected_card_ids() if scene is not None else []
        self.set_document(self.project, self.undo_stack)
        self.show_map(current)
        page = self.tabs.currentWidget()
        if isinstance(page, _MapPage) and page.view is not None and page.scene is not None:
            if zoom is not None:
                page._first_zoom_done = True
                page.view.set_zoom(zoom)
            if selected:
                page.scene.set_card_selection(selected)

    def step_map(self, step: int) -> None:
        if self.tabs.count():
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    # -- following the model ------------------------------------------------------------------
    def _on_model_event(self, changes: ChangeSet) -> None:
        map_events = changes.of("map")
        if map_events:
            added = [e.entity_id for e in map_events if e.action == "added"]
            self._sync_tabs(select=added[-1] if added else None)
        if replaying():
            for event in changes:
                if event.entity != "map" and event.map_id and event.map_id not in self._replayed_maps:
                    self._replayed_maps.append(event.map_id)

    def _on_stack_index(self, _index: int) -> None:
        """Undo/redo of a change on another map shows that map (its scene then selects and
        reveals what changed), so nothing is undone out of sight."""
        touched, self._replayed_maps = self._replayed_maps, []
        if touched and self.current_map_id() not in touched and touched[0] in self._pages:
            self.show_map(touched[0])

    def _sync_tabs(self, select: str | None = None) -> None:
        """Make the tabs match project.maps (order, names), keeping existing scenes."""
        assert self.project is not None
        current = self.current_map_id()
        wanted = [m.id for m in self.project.maps]
        self.tabs.blockSignals(True)
        try:
            for map_id in list(self._pages):
                if map_id not in wanted:
                    page = self._pages.pop(map_id)
                    self.tabs.removeTab(self.tabs.indexOf(page))
                    _retire(page)
            for index, service_map in enumerate(self.project.maps):
                page = self._pages.get(service_map.id)
                if page is None:
                    page = _MapPage(service_map.id)
                    self._pages[service_map.id] = page
                    self.tabs.insertTab(index, page, "")
                elif self.tabs.indexOf(page) != index:
                    self.tabs.removeTab(self.tabs.indexOf(page))
                    self.tabs.insertTab(index, page, "")
                self.tabs.setTabText(index, service_map.name or tr("(unnamed map)"))
            target = select or (current if current in self._pages else (wanted[0] if wanted else ""))
            if target:
                self.tabs.setCurrentWidget(self._pages[target])
        finally:
            self.tabs.blockSignals(False)
        self.tabs.tabBar().setVisible(self.tabs.count() > 1)
        self._on_tab_changed(self.tabs.currentIndex())

    def _on_tab_changed(self, _index: int) -> None:
        page = self.tabs.currentWidget()
        if isinstance(page, _MapPage) and self.project is not None and self.undo_stack is not None:
            page.ensure_canvas(self.project, self.undo_stack)
        if self.current_map_id() != self._announced:
            self._announced = self.current_map_id()
            self.currentMapChanged.emit(self._announced)

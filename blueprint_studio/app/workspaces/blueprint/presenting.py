"""The map editor in presentation mode: the map shown is presented (canvas/presentation.py),
and so is any map the presenter switches to; each is given back as it was at the end.

This is the map editor's `Presentable` (see app/presentation/protocol.py): the window's
presentation controller steps through it without knowing what a map is.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ....canvas.presentation import ScenePresentation
from .find_bar import FindBar
from .map_area import MapArea


class MapPresenter(QObject):
    changed = Signal()           # step, caption or look of the presented map changed
    messageShown = Signal(str)   # a short note for the presenter

    def __init__(self, map_area: MapArea, find_bar: FindBar) -> None:
        super().__init__(map_area)
        self.map_area = map_area
        self.find_bar = find_bar
        self.active = False
        self.reveal = False
        self._shows: dict[str, ScenePresentation] = {}   # map id -> its presentation
        self._tab_bar_was_visible = False

    # -- start and stop -----------------------------------------------------------------------
    def start(self) -> None:
        if self.active:
            return
        self.active = True
        self._drop_shows()   # each presentation starts afresh
        self.find_bar.close_bar()
        bar = self.map_area.tabs.tabBar()
        self._tab_bar_was_visible = bar.isVisibleTo(self.map_area.tabs)
        bar.hide()
        self.map_area.currentMapChanged.connect(self._present_current)
        self._present_current()

    def stop(self) -> None:
        if not self.active:
            return
        self.active = False
        self.map_area.currentMapChanged.disconnect(self._present_current)
        for show in self._shows.values():
            show.stop()
        self.map_area.tabs.tabBar().setVisible(self._tab_bar_was_visible)

    def restore_views(self) -> None:
        """Zoom and scroll as they were, once more (after the window has its size back)."""
        for show in self._shows.values():
            if shiboken6.isValid(show):   # its map may have closed since
                show.restore_view()

    def _drop_shows(self) -> None:
        for show in self._shows.values():
            if shiboken6.isValid(show):
                show.deleteLater()
        self._shows = {}

    def _present_current(self, *_args: object) -> None:
        if not self.active:
            return
        scene, view = self.map_area.current_scene(), self.map_area.current_view()
        if scene is None or view is None:
            self.changed.emit()
            return
        show = self._shows.get(scene.map_id)
        if show is None or show.scene is not scene:
            show = ScenePresentation(scene, view)
            show.changed.connect(self.changed)
            show.messageShown.connect(self.messageShown)
            self._shows[scene.map_id] = show
        show.start(self.reveal)
        view.setFocus()
        self.changed.emit()

    def current(self) -> ScenePresentation | None:
        scene = self.map_area.current_scene()
        show = self._shows.get(scene.map_id) if scene is not None else None
        return show if show is not None and show.active and show.scene is scene else None

    # -- what the controller asks ---------------------------------------------------------------
    def can_step(self) -> bool:
        return self.current() is not None

    def next(self) -> None:
        if (show := self.current()) is not None:
            show.next()

    def previous(self) -> None:
        if (show := self.current()) is not None:
            show.previous()

    def first(self) -> None:
        if (show := self.current()) is not None:
            show.first()

    def last(self) -> None:
        if (show := self.current()) is not None:
            show.last()

    def next_moment(self, direction: int = 1) -> bool:
        show = self.current()
        return show.next_moment(direction) if show is not None else False

    def set_reveal(self, on: bool) -> None:
        self.reveal = on
        for show in self._shows.values():
            show.set_reveal(on)

    def emotion_shown(self) -> bool:
        show = self.current()
        return show.emotion_shown() if show is not None else False

    def set_emotion_shown(self, on: bool) -> None:
        if (show := self.current()) is not None:
            show.set_emotion_shown(on)

    def close_up(self) -> bool:
        show = self.current()
        return show.close_up if show is not None else False

    def set_close_up(self, on: bool) -> None:
        if (show := self.current()) is not None:
            show.set_close_up(on)

    def caption(self) -> str:
        show = self.current()
        return show.caption() if show is not None else ""

    def margins(self) -> tuple[int, int]:
        show = self.current()
        return show.margins() if show is not None else (0, 0)

    def pointer_surface(self) -> QWidget | None:
        """The widget the pointer highlight follows the mouse over (the canvas)."""
        view = self.map_area.current_view()
        return view.viewport() if view is not None else None


__all__ = ["MapPresenter"]

"""Two interface settings, remembered between runs (View menu):

- Participant Mode: a simpler window for people drawing their first blueprint. The
  History and Findings panels are hidden (and cannot be shown while it is on), and the
  inspector leaves out what a first map does not need: a card's channel, wait, duration
  and colour; a stage's phase and column width; a lane's kind and colour; a map's kind.
  Everything stays in the file: those values are kept, only not shown.
- Larger Text: every interface font (menus, panels, inspector, dialogs, the overview and
  screening pages) about 1.3 times its size. The canvas has its own zoom.
"""

from __future__ import annotations

import weakref

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow

from ..settings import AppSettings
from ..theme import LARGE_TEXT_SCALE, set_text_scale

PARTICIPANT_KEY = "participant_mode"
LARGE_TEXT_KEY = "large_text"
SIMPLE_HIDDEN_DOCKS = ("undoDock", "findingsDock")
SIMPLE_HIDDEN_FIELDS: frozenset[tuple[str, str]] = frozenset({
    ("card", "channel"), ("card", "wait_minutes"), ("card", "duration_minutes"), ("card", "colour"),
    ("stage", "phase"), ("stage", "width"), ("lane", "kind"), ("lane", "colour"), ("map", "kind"),
})


class InterfaceSettings(QObject):
    """Applies and remembers Participant Mode and Larger Text for one window (a choice made
    in one window is made in every open window: they share one settings file)."""

    _live: "weakref.WeakSet[InterfaceSettings]" = weakref.WeakSet()

    def __init__(self, window: QMainWindow, settings: AppSettings, inspector, actions) -> None:
        super().__init__(window)
        InterfaceSettings._live.add(self)
        window.destroyed.connect(lambda *_: InterfaceSettings._live.discard(self))
        self.host, self.settings, self.inspector = window, settings, inspector
        self.participant = actions["actionParticipantMode"]
        self.large_text = actions["actionLargeText"]
        self._was_shown: dict[str, bool] = {}
        self.closed = False
        self.participant.toggled.connect(self.set_participant_mode)
        window.stack.currentChanged.connect(self.enforce)  # a workspace's panels came back
        self.large_text.toggled.connect(self.set_large_text)

    def apply_saved(self) -> None:
        """The choices remembered from the last run (call once the docks are in place)."""
        if self.settings.flag(PARTICIPANT_KEY):
            # Hidden by this mode when the window last closed: back as a new window has them
            # once the mode is turned off.
            self._was_shown = {dock.objectName(): True for dock in self.docks()}
        self.participant.setChecked(self.settings.flag(PARTICIPANT_KEY))
        self.large_text.setChecked(self.settings.flag(LARGE_TEXT_KEY))

    def close(self) -> None:
        """The window is closing: it follows the other windows' choices no more."""
        self.closed = True
        InterfaceSettings._live.discard(self)

    # -- participant mode ---------------------------------------------------------------------
    def docks(self) -> list[QDockWidget]:
        found = (self.host.findChild(QDockWidget, name) for name in SIMPLE_HIDDEN_DOCKS)
        return [dock for dock in found if dock is not None]

    def _others(self) -> list["InterfaceSettings"]:
        return [other for other in list(InterfaceSettings._live)
                if other is not self and shiboken6.isValid(other.participant) and not other.closed]

    def set_participant_mode(self, on: bool) -> None:
        self.settings.set_flag(PARTICIPANT_KEY, on)
        for other in self._others():
            other.participant.setChecked(on)
        self.inspector.set_hidden_fields(SIMPLE_HIDDEN_FIELDS if on else frozenset())
        for dock in self.docks():
            toggle = dock.toggleViewAction()
            if on:
                if toggle.isEnabled():  # not already hidden by us
                    self._was_shown.setdefault(dock.objectName(), dock.isVisibleTo(self.host))
                dock.hide()
                toggle.setEnabled(False)
            elif not toggle.isEnabled():
                toggle.setEnabled(True)
                # Back as they were (those never seen in this run: as a new window has them).
                if self._was_shown.pop(dock.objectName(), True) and self._belongs_here(dock):
                    dock.show()

    def enforce(self, *_args: object) -> None:
        """Keep the panels hidden after something showed them again (a workspace switch,
        the end of a presentation)."""
        if self.participant.isChecked():
            for dock in self.docks():
                dock.hide()

    def _belongs_here(self, dock: QDockWidget) -> bool:
        """A workspace's panel shows only while that workspace is current."""
        owner = getattr(self.host, "panel_owner", lambda _dock: None)(dock)
        return owner is None or owner is self.host.current_workspace()

    # -- larger text ----------------------------------------------------------------------------
    def set_large_text(self, on: bool) -> None:
        self.settings.set_flag(LARGE_TEXT_KEY, on)
        for other in self._others():
            other.large_text.setChecked(on)
        app = QApplication.instance()
        if app is not None:
            set_text_scale(app, LARGE_TEXT_SCALE if on else 1.0)


__all__ = ["InterfaceSettings", "SIMPLE_HIDDEN_DOCKS", "SIMPLE_HIDDEN_FIELDS"]

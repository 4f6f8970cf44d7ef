"""The workspace protocol: what a place in the window (the map editor, the project's
overview, later personas or the stakeholder map) offers the shell that hosts it.

The shell knows workspaces only through this class. A workspace brings

* its widget (the middle of the window) and what it adds around it: action specs for the
  menus, a toolbar, docked panels, status-bar widgets, and the action that shows it
  (`SWITCH`: an objectName such as actionShowOverview, with a shortcut);
* its current `Selection`, which the inspector shows (`selectionChanged` when it changes);
* its `EditTarget`: what Edit ▸ Cut, Copy, Paste, Delete and Select All act on;
* `commands()`: the handler of each of its own actions, by objectName, and
  `enabled_actions()`, the ones that make sense now (`actionsChanged` when that changes).

It receives the `Session` (document, undo stack, settings, messages) and follows the
project through its change sets; it never imports the shell. Workspaces are listed once,
in `app/workspaces/__init__.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from ..model.events import ChangeSet

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from .actions import ActionSpec, MenuSpec
    from .presentation.protocol import Presentable
    from .session import Session


@dataclass(frozen=True)
class Selection:
    """What the inspector shows: an entity of a kind in model/kinds.py, or the project.

    kind: "project", "map", "stage", "lane", "card", "connector", ...
    scope: the ids of its parents (a card's (map id,)); () for a map and the project.
    ids: every selected entity of that kind, `entity_id` first (editing several at once).
    """

    kind: str
    entity_id: str
    scope: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()

    @property
    def map_id(self) -> str:
        """The map the selection lies on ("" for project-level things)."""
        if self.kind == "map":
            return self.entity_id
        return self.scope[0] if self.scope else ""

    def all_ids(self) -> tuple[str, ...]:
        return self.ids or (self.entity_id,)


@dataclass(frozen=True)
class PanelSpec:
    """A docked panel a workspace brings; its show/hide action is "actionShow" + name."""

    name: str                       # objectName of the dock, e.g. "paletteDock"
    title: str                      # English, marked for translation
    tip: str                        # what it is for: the toggle action's status tip
    area: Qt.DockWidgetArea = Qt.DockWidgetArea.LeftDockWidgetArea
    tab_with: str = ""              # objectName of a dock to share a place with, as tabs


class EditTarget(Protocol):
    """What the shell's Edit ▸ Cut / Copy / Paste / Delete / Select All act on."""

    def cut(self) -> None: ...
    def copy(self) -> None: ...
    def paste(self) -> None: ...
    def delete(self) -> None: ...
    def select_all(self) -> None: ...


class Workspace(QObject):
    """Base of every workspace; subclasses fill in the class attributes and the methods."""

    KEY: ClassVar[str] = ""                               # stable id, e.g. "overview"
    SWITCH: ClassVar["ActionSpec"]                        # the action that shows it
    ACTIONS: ClassVar[tuple["ActionSpec", ...]] = ()      # its own commands
    MENUS: ClassVar[tuple["MenuSpec", ...]] = ()          # menus it adds (Insert, Map, ...)
    TOOLBAR: ClassVar[tuple[str | None, ...]] = ()        # objectNames (None: a separator)
    PANELS: ClassVar[tuple[PanelSpec, ...]] = ()          # docked panels it adds

    selectionChanged = Signal()         # selection() is something else now
    actionsChanged = Signal()           # enabled_actions() changed
    activationRequested = Signal()      # the user asked for this workspace (e.g. clicked a map)

    def __init__(self, session: "Session", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session

    # -- what the shell places -------------------------------------------------------------
    @property
    def widget(self) -> QWidget:
        raise NotImplementedError

    def panel(self, name: str) -> QWidget:
        """The widget of one of PANELS."""
        raise KeyError(name)

    def status_widgets(self) -> list[QWidget]:
        """Permanent status-bar widgets, shown while this workspace is current."""
        return []

    def use_actions(self, actions: Mapping[str, "QAction"]) -> None:
        """The window's actions exist now (for buttons of its own, e.g. under a list)."""

    def published(self) -> dict[str, object]:
        """Parts that scripts and tests may reach as attributes of the window
        (`window.map_area`); the window itself never uses them."""
        return {}

    # -- what the shell asks ------------------------------------------------------------------
    def selection(self) -> Selection | None:
        return None

    def edit_target(self) -> EditTarget | None:
        return None

    def commands(self) -> Mapping[str, Callable[[], None]]:
        return {}

    def enabled_actions(self) -> set[str]:
        return set(self.commands())

    def can_show(self, kind: str, entity_id: str) -> bool:
        """Whether `show` can bring this entity into view (session.reveal asks every workspace)."""
        return False

    def show(self, kind: str, entity_id: str) -> None:
        """Bring the entity into view (the shell has made this workspace current)."""

    def follows(self, changes: ChangeSet) -> bool:
        """Whether this workspace shows something `changes` touched: an undo or redo of a
        change no other workspace shows makes it current, so nothing changes out of sight."""
        return False

    # -- what the shell tells -----------------------------------------------------------------
    def set_active(self, active: bool) -> None:
        """Made current (True) or left for another workspace (False)."""

    def focus(self) -> None:
        """Put the keyboard focus where work in this workspace starts."""
        self.widget.setFocus()

    def set_presenting(self, on: bool) -> None:
        """Presentation mode began or ended (the window is now full screen, panels hidden);
        told again each time the workspace becomes current while presenting."""

    def presentable(self) -> "Presentable | None":
        """What presentation mode steps through here (stage by stage on a map), or None
        when the workspace is simply shown full screen; see app/presentation/protocol.py."""
        return None

    def retranslate(self) -> None:
        """The interface language changed: show every text in the new one."""

    def teardown(self) -> None:
        """The window is closing: let go of the document and of Qt objects, in order."""


__all__ = ["EditTarget", "PanelSpec", "Selection", "Workspace"]

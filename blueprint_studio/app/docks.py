"""Docked panels around the workspaces and their show/hide actions ("actionShow" + name).

The shell brings the history and the inspector (actions.DOCKS); each workspace may bring
panels of its own (Workspace.PANELS). Left column: the workspaces' panels, then the
history; right column: the inspector at full height.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from ..i18n import tr
from .actions import dock_action_name

LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea


@dataclass
class Dock:
    dock: QDockWidget
    title: str      # English sources, translated on every language switch
    tip: str


def add_dock(window: QMainWindow, menu: QMenu, name: str, title: str, tip: str, widget: QWidget,
             area: Qt.DockWidgetArea) -> Dock:
    dock = QDockWidget(window)
    dock.setObjectName(name)
    dock.setWidget(widget)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                     | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                     | QDockWidget.DockWidgetFeature.DockWidgetClosable)
    window.addDockWidget(area, dock)
    dock.toggleViewAction().setObjectName(dock_action_name(name))
    menu.addAction(dock.toggleViewAction())
    entry = Dock(dock, title, tip)
    retranslate_dock(entry)
    return entry


def retranslate_dock(entry: Dock) -> None:
    entry.dock.setWindowTitle(tr(entry.title))
    entry.dock.toggleViewAction().setStatusTip(tr(entry.tip))


def arrange(window: QMainWindow, docks: list[Dock]) -> None:
    """Narrow side columns leave the workspace most of a 1280-pixel projector."""
    left = [d.dock for d in docks if window.dockWidgetArea(d.dock) == LEFT]
    right = [d.dock for d in docks if window.dockWidgetArea(d.dock) == RIGHT]
    if len(left) > 1:
        # The first panel (the card palette) gets the most room; the history the least.
        heights = [300] + [170] * (len(left) - 2) + [200]
        window.resizeDocks(left, heights, Qt.Orientation.Vertical)
    if left and right:
        window.resizeDocks([left[0], right[0]], [200, 300], Qt.Orientation.Horizontal)


__all__ = ["Dock", "add_dock", "arrange", "retranslate_dock"]

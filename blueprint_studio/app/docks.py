"""The four docks around the map and their show/hide actions (named in actions.DOCKS)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from ..i18n import tr
from .actions import DOCKS, dock_action_name

LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
# Left column: palette, maps, history; right column: the inspector at full height.
DOCK_AREAS = {"paletteDock": LEFT, "mapsDock": LEFT, "undoDock": LEFT, "inspectorDock": RIGHT}


def add_docks(window: QMainWindow, panels_menu: QMenu, widgets: dict[str, QWidget]) -> list[QDockWidget]:
    docks = []
    for name, title, tip in DOCKS:
        dock = QDockWidget(tr(title), window)
        dock.setObjectName(name)
        dock.setWidget(widgets[name])
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        window.addDockWidget(DOCK_AREAS[name], dock)
        toggle = dock.toggleViewAction()
        toggle.setObjectName(dock_action_name(name))
        toggle.setStatusTip(tr(tip))
        panels_menu.addAction(toggle)
        docks.append(dock)
    by_name = {dock.objectName(): dock for dock in docks}
    # Narrow side columns leave the map most of a 1280-pixel projector.
    window.resizeDocks([by_name["paletteDock"], by_name["mapsDock"], by_name["undoDock"]],
                       [300, 170, 200], Qt.Orientation.Vertical)
    window.resizeDocks([by_name["paletteDock"], by_name["inspectorDock"]], [200, 300],
                       Qt.Orientation.Horizontal)
    return docks

"""The workspaces the window hosts, in the order of the switcher (the first is shown first).

Each is a folder with a `Workspace` subclass (see app/workspace.py). A new workshop area —
personas, the stakeholder map, KANO — is a new folder and one line here; the main window
is not edited.
"""

from __future__ import annotations

from .blueprint import BlueprintWorkspace
from .overview import OverviewWorkspace
from .screening import ScreeningWorkspace

WORKSPACES = (BlueprintWorkspace, OverviewWorkspace, ScreeningWorkspace)

__all__ = ["WORKSPACES"]

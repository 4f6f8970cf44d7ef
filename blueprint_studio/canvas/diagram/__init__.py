"""A diagram canvas any kind of map can build on (the blueprint's `MapScene` is the first).

- `scene.DiagramScene`: follows the project's change sets, keeps an item registry per
  kind, batches redraws, tracks the selection, holds the in-place editor, runs gestures
  and cancels them when the model changes under them, pushes undo steps, tears down.
- `host.GestureHost`: the narrow interface gestures use; `host.Gesture`: their base.
- `gestures`: drag nodes, connect two nodes, rubber-band selection.
- `registry`, `selection`, `editor`: the pieces the scene is made of.

Nothing here knows stages, lanes or cells; it imports only the canvas's shared look
(`canvas.style`) from outside this folder.
"""

from .editor import EditorSlot, InlineEditor
from .gestures import ConnectDrag, NodeDrag, RubberBand
from .host import Gesture, GestureHost
from .registry import ItemRegistry
from .scene import DiagramScene
from .selection import SelectionTracker

__all__ = ["ConnectDrag", "DiagramScene", "EditorSlot", "Gesture", "GestureHost", "InlineEditor",
           "ItemRegistry", "NodeDrag", "RubberBand", "SelectionTracker"]

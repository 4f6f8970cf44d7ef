"""The canvas: a Qt scene and view that draw one map and turn gestures into undoable edits.

Public API (see docs and the shell contract): MapScene, MapView, CARD_KIND_MIME, CARDS_MIME.
"""

from .scene import CARD_KIND_MIME, CARDS_MIME, MapScene
from .view import MapView

__all__ = ["CARDS_MIME", "CARD_KIND_MIME", "MapScene", "MapView"]

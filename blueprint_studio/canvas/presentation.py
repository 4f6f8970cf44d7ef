"""Presentation mode on one map: the whole map fitted to the screen in a high-contrast
look, read-only, stepped through stage by stage.

`ScenePresentation` takes over a `MapScene` and its `MapView` while presenting and gives
them back exactly as they were (zoom, scroll, selection, look). It never changes the model:
the larger type, the hidden "+ Stage" / "+ Lane" buttons, the emotion row shown or hidden,
the dimmed or hidden stages are all drawing; every mouse and key event that could edit is
swallowed by event filters on the scene and the view before the editor's code sees it.

Steps: 0 is the whole map, 1 … n the stages. A spotlighted stage is framed and the others
are dimmed; in the "reveal" setting the stages after it are hidden instead, so the story
is told step by step. Moments of truth (cards with `moment_of_truth`) can be visited one
after the other: the card is ringed and its stage spotlighted.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem

from ..i18n import tr
from . import style as S
from .layout import METRICS
from .scene import MapScene
from .view import MapView

# The presentation's own layout: taller stage headers and a wider lane column for the
# larger type (see style.PRESENTATION_FONT_SIZES), slightly wider cards (fewer lines).
PRESENTATION_METRICS = replace(METRICS, stage_header_height=92.0, lane_header_width=206.0,
                               emotion_row_height=124.0, card_width=212.0)

# Colours chosen for a washed-out projector: a dark surround, dimming that darkens (a pale
# veil vanishes in a bright room), and a saturated frame that stays visible on any lane.
SURROUND = QColor("#1b222b")
DIM = QColor(17, 24, 33, 165)
PAST_DIM = QColor(17, 24, 33, 60)     # the stages already told, in the reveal setting
FRAME = QColor("#e65100")
FRAME_WIDTH = 6.0
RING_WIDTH = 7.0
MARGIN = 14.0          # scene units around the map when it is fitted
MAX_FIT_ZOOM = 2.5     # a small map grows to fill the screen, within reason
CLOSE_UP_COLUMNS = 3.2  # a close-up shows the lane names and about three stages across
# A strip under the fitted map for the caption, so it never covers the map: this share of
# the height (at least CAPTION_ROOM_MIN pixels). The caption (app/presentation/overlay.py)
# sizes itself to the same strip.
CAPTION_SHARE = 0.055
CAPTION_ROOM_MIN = 32


def caption_room(height: int) -> int:
    return int(max(CAPTION_ROOM_MIN, height * CAPTION_SHARE))

_EATEN = {
    QEvent.Type.GraphicsSceneMousePress, QEvent.Type.GraphicsSceneMouseRelease,
    QEvent.Type.GraphicsSceneMouseDoubleClick, QEvent.Type.GraphicsSceneMouseMove,
    QEvent.Type.GraphicsSceneContextMenu, QEvent.Type.GraphicsSceneDragEnter,
    QEvent.Type.GraphicsSceneDragMove, QEvent.Type.GraphicsSceneDragLeave,
    QEvent.Type.GraphicsSceneDrop, QEvent.Type.GraphicsSceneWheel, QEvent.Type.InputMethod,
    QEvent.Type.KeyRelease,
}


@dataclass
class _ViewState:
    """What presenting changes on the view and the scene, to be put back exactly."""

    transform: QTransform
    scroll: tuple[int, int]
    alignment: Qt.AlignmentFlag
    policies: tuple[Qt.ScrollBarPolicy, Qt.ScrollBarPolicy]
    background: object
    selected: dict[str, list[str]]
    focus: str | None
    accepts_drops: bool


class Backdrop(QGraphicsItem):
    """The map's own light ground under the grid (the view around it is dark now, and the
    bands of the blueprint lines between the lanes have no tint of their own)."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(S.Z_GRID - 1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._rect = QRectF()

    def set_rect(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self._rect = QRectF(rect)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.fillRect(self._rect, S.CANVAS_BACKGROUND)


class Spotlight(QGraphicsItem):
    """Dims (or hides) every stage but the current one and frames it; rings a card."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(S.Z_STAGE_HEADERS + 1)  # over the stage headers, under the lane names
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self._columns: list[tuple[float, float]] = []   # (x, width) of each stage
        self._height = 0.0
        self._left = 0.0
        self._right = 0.0
        self.current = 0          # 0: the whole map; 1 … n: that stage
        self.reveal = False
        self.ring = QRectF()      # a card ringed (a moment of truth), or null

    def set_geometry(self, columns: list[tuple[float, float]], left: float, right: float,
                     height: float) -> None:
        self.prepareGeometryChange()
        self._columns, self._left, self._right, self._height = columns, left, right, height
        self.update()

    def set_state(self, current: int, reveal: bool, ring: QRectF) -> None:
        self.current, self.reveal, self.ring = current, reveal, QRectF(ring)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return QRectF(self._left - 20, -20, self._right - self._left + 40, self._height + 40)

    def covered(self, index: int) -> str:
        """How stage `index` (1-based) is drawn: "" plain, "dim", "past" or "hidden"."""
        if self.current == 0:
            return "hidden" if self.reveal else ""
        if index == self.current:
            return ""
        if self.reveal:
            return "hidden" if index > self.current else "past"
        return "dim"

    def paint(self, painter: QPainter, option, widget=None) -> None:
        fills = {"dim": DIM, "past": PAST_DIM, "hidden": SURROUND}
        for index, (x, width) in enumerate(self._columns, start=1):
            cover = self.covered(index)
            if cover:
                # Over the separators on both sides (a seam of grid showed between stages);
                # the last hidden stage also hides what pokes past the map's edge.
                last = index == len(self._columns)
                right = x + width + (MARGIN + 2 if cover == "hidden" and last else 0.75)
                hidden = cover == "hidden"
                top = -(MARGIN + 2) if hidden else 0.0
                bottom = self._height + (MARGIN + 2 if hidden else 0)
                painter.fillRect(QRectF(x - 0.75, top, right - x + 0.75, bottom - top), fills[cover])
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if 1 <= self.current <= len(self._columns):
            x, width = self._columns[self.current - 1]
            painter.setPen(QPen(FRAME, FRAME_WIDTH))
            half = FRAME_WIDTH / 2
            painter.drawRect(QRectF(x + half, half, width - FRAME_WIDTH, self._height - FRAME_WIDTH))
        if not self.ring.isNull():
            painter.setPen(QPen(FRAME, RING_WIDTH))
            painter.drawRoundedRect(self.ring.adjusted(-8, -8, 8, 8), 10, 10)


class ScenePresentation(QObject):
    """Presents one map (scene and view) until `stop()` gives them back as they were."""

    changed = Signal()           # the step, the ringed card or the look changed
    messageShown = Signal(str)   # a short note for the presenter ("no moments of truth")

    def __init__(self, scene: MapScene, view: MapView) -> None:
        super().__init__(view)
        self.scene, self.view = scene, view
        self.step = 0
        self.reveal = False
        self.close_up = False
        self.moment_id = ""           # the moment of truth ringed, if any
        self.active = False
        self._state: _ViewState | None = None
        self._spotlight: Spotlight | None = None
        self._backdrop: Backdrop | None = None
        self._refit = QTimer(self)    # a burst of resizes (the window going full screen): one fit
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.fit)
        self._layout_connection = None

    # =====================================================================================
    # taking over and giving back
    # =====================================================================================
    def start(self, reveal: bool = False) -> None:
        if self.active:
            return
        scene, view = self.scene, self.view
        scene.finish_editing(True)   # what the user was typing is theirs: kept, not lost
        scene.cancel_gesture()
        scene.flush()
        self._state = _ViewState(
            transform=QTransform(view.transform()),
            scroll=(view.horizontalScrollBar().value(), view.verticalScrollBar().value()),
            alignment=view.alignment(),
            policies=(view.horizontalScrollBarPolicy(), view.verticalScrollBarPolicy()),
            background=view.backgroundBrush(),
            selected={kind: scene.selected_ids(kind) for kind in scene.ITEM_KINDS},
            focus=scene.selection.focus,
            accepts_drops=view.acceptDrops())
        self.active = True
        self.reveal = reveal
        self.step, self.moment_id, self.close_up = 0, "", False
        scene.clearSelection()
        self._restyle(True)
        self._spotlight, self._backdrop = Spotlight(), Backdrop()
        scene.addItem(self._spotlight)
        scene.addItem(self._backdrop)
        self._layout_connection = scene.layoutChanged.connect(self._on_layout)
        scene.installEventFilter(self)
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)
        view.setAcceptDrops(False)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        view.setBackgroundBrush(SURROUND)
        self._on_layout()
        self.fit()
        self.changed.emit()

    def stop(self) -> None:
        """Give the scene and the view back exactly as they were before `start`."""
        if not self.active:
            return
        scene, view, state = self.scene, self.view, self._state
        self.active = False
        self._refit.stop()
        if not (shiboken6.isValid(scene) and shiboken6.isValid(view)):
            return   # the map went away while it was presented
        scene.removeEventFilter(self)
        view.removeEventFilter(self)
        view.viewport().removeEventFilter(self)
        if self._layout_connection is not None:
            QObject.disconnect(self._layout_connection)
            self._layout_connection = None
        for item in (self._spotlight, self._backdrop):
            if item is not None and item.scene() is scene:
                scene.removeItem(item)
        self._spotlight = self._backdrop = None
        if scene.detached:
            return
        self._restyle(False)
        view.setSceneRect(QRectF())   # the scene's own rectangle again
        view.setAlignment(state.alignment)
        view.setHorizontalScrollBarPolicy(state.policies[0])
        view.setVerticalScrollBarPolicy(state.policies[1])
        view.setBackgroundBrush(state.background)
        view.setAcceptDrops(state.accepts_drops)
        self.restore_view()
        for kind, ids in state.selected.items():
            if ids:
                scene.set_selection(kind, ids)
        if state.focus:
            scene.selection.focus = state.focus

    def restore_view(self) -> None:
        """The zoom and scroll the user had (again after the window got its size back)."""
        state = self._state
        if state is None or self.active or not shiboken6.isValid(self.scene) or self.scene.detached:
            return
        view = self.view
        if view.transform() != state.transform:
            view.setTransform(state.transform)
            view.zoomChanged.emit(view.zoom_factor())
        view.horizontalScrollBar().setValue(state.scroll[0])
        view.verticalScrollBar().setValue(state.scroll[1])
        view.sync_headers()

    def saved_view(self) -> tuple[float, tuple[int, int]] | None:
        """(zoom, (horizontal, vertical) scroll) as they were before presenting."""
        return None if self._state is None else (self._state.transform.m11(), self._state.scroll)

    def _restyle(self, on: bool) -> None:
        """The presentation's look, or the editor's: fonts, metrics, buttons, cursors."""
        scene = self.scene
        scene.style_.set_presenting(on, PRESENTATION_METRICS)
        cards = scene.map.cards
        for card_id, item in scene.card_items().items():
            if card_id in cards:
                item.set_card(cards[card_id])   # drawn again with the new type and borders
            item.setAcceptHoverEvents(not on)
            if on:
                item.hoverLeaveEvent(None)      # no connect handle left showing
        frame = scene.frame
        frame.stage_row.show_add = frame.lane_column.show_add = not on
        # No hover and no cursors of the editor's (drag, resize): the view never sees the
        # mouse move while presenting (see eventFilter), and the pointer is a plain arrow.
        viewport = self.view.viewport()
        viewport.setCursor(Qt.CursorShape.ArrowCursor) if on else viewport.unsetCursor()
        frame.stage_row.update()
        frame.lane_column.update()
        scene.flush()   # laid out again in the new type

    # =====================================================================================
    # fitting
    # =====================================================================================
    def map_rect(self) -> QRectF:
        return self.scene.content_rect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)

    def fit(self) -> None:
        """The whole map on the screen (or, in close-up, about three stages across)."""
        if not self.active:
            return
        view, rect = self.view, self.map_rect()
        port = view.viewport().rect()
        if rect.isEmpty() or port.width() < 50 or port.height() < 50:
            return
        if self.close_up:
            view.setSceneRect(rect)
            layout = self.scene.layout
            widths = [c.width for c in layout.columns] or [layout.metrics.default_stage_width]
            span = layout.grid_left + CLOSE_UP_COLUMNS * (sum(widths) / len(widths))
            factor = port.width() / span
            fitted = min(port.width() / rect.width(), port.height() / rect.height())
            view.set_zoom(max(fitted, min(factor, MAX_FIT_ZOOM)))
            self._follow_stage(top=True)
        else:
            room = caption_room(port.height())
            factor = min(port.width() / rect.width(), (port.height() - room) / rect.height(), MAX_FIT_ZOOM)
            shown = rect.adjusted(0, 0, 0, room / factor)   # the caption's strip under the map
            view.setSceneRect(shown)
            view.set_zoom(factor)
            view.centerOn(shown.center())
        view.sync_headers()
        self.changed.emit()

    def margins(self) -> tuple[int, int]:
        """The dark room left and right of the map on the screen, in pixels (the timer goes
        there when it fits)."""
        if not self.active:
            return 0, 0
        view, rect = self.view, self.scene.content_rect()
        left = view.mapFromScene(rect.topLeft()).x()
        right = view.viewport().width() - view.mapFromScene(rect.topRight()).x()
        return max(0, left), max(0, right)

    def set_close_up(self, on: bool) -> None:
        if self.active and on != self.close_up:
            self.close_up = on
            self.fit()
            self.changed.emit()

    def _follow_stage(self, top: bool = False) -> None:
        """In close-up, scroll sideways so the current stage (or the ringed card) is in
        sight beside the lane names."""
        if not self.close_up:
            return
        view, layout = self.view, self.scene.layout
        column = layout.columns[self.step - 1] if 1 <= self.step <= len(layout.columns) else None
        centre = view.mapToScene(view.viewport().rect().center())
        x = centre.x()
        if column is not None:
            shown_left = view.mapToScene(0, 0).x() + layout.grid_left
            shown_right = view.mapToScene(view.viewport().width(), 0).x()
            if column.x < shown_left or column.right > shown_right:
                x = column.x + column.width / 2 - (layout.grid_left / 2)
        elif self.step == 0:
            x = -1e9
        y = -1e9 if top else centre.y()
        if self.moment_id and self.moment_id in layout.card_rects:
            rect = layout.card_rects[self.moment_id]
            view.centerOn(QPointF(x if column is not None else rect.cx, rect.cy))
        else:
            view.centerOn(QPointF(x, y))
        view.sync_headers()

    def _on_layout(self) -> None:
        layout = self.scene.layout
        if self._backdrop is not None:
            self._backdrop.set_rect(QRectF(0, 0, layout.width, layout.height))
        if self._spotlight is not None:
            self._spotlight.set_geometry([(c.x, c.width) for c in layout.columns], layout.grid_left,
                                         layout.width, layout.height)
            self._show_state()

    # =====================================================================================
    # steps
    # =====================================================================================
    def stage_count(self) -> int:
        return len(self.scene.map.stages)

    def go(self, step: int, moment_id: str = "") -> None:
        """Spotlight stage `step` (1 … n), or the whole map (0)."""
        if not self.active:
            return
        step = max(0, min(step, self.stage_count()))
        if (step, moment_id) == (self.step, self.moment_id):
            return
        self.step, self.moment_id = step, moment_id
        self._show_state()
        self._follow_stage()
        self.changed.emit()

    def next(self) -> None:
        self.go(self.step + 1)

    def previous(self) -> None:
        self.go(self.step - 1)

    def first(self) -> None:
        self.go(0)

    def last(self) -> None:
        self.go(self.stage_count())

    def set_reveal(self, on: bool) -> None:
        if self.active and on != self.reveal:
            self.reveal = on
            self._show_state()
            self.changed.emit()

    def _show_state(self) -> None:
        if self._spotlight is None:
            return
        ring = QRectF()
        rect = self.scene.layout.card_rects.get(self.moment_id) if self.moment_id else None
        if rect is not None:
            ring = QRectF(rect.x, rect.y, rect.w, rect.h)
        self._spotlight.set_state(self.step, self.reveal, ring)

    # -- moments of truth ------------------------------------------------------------------
    def moments(self) -> list[str]:
        """The moments of truth of the map in reading order (stage by stage, lane by lane)."""
        return [c.id for c in self.scene.map.cards_in_reading_order() if c.moment_of_truth]

    def next_moment(self, direction: int = 1) -> bool:
        """Ring the next (or previous) moment of truth and spotlight its stage; False when
        the map has none."""
        if not self.active:
            return False
        moments = self.moments()
        if not moments:
            self.messageShown.emit(tr("This map has no moments of truth"))
            return False
        if self.moment_id in moments:
            index = (moments.index(self.moment_id) + direction) % len(moments)
        else:
            stage_of = {stage.id: number for number, stage in enumerate(self.scene.map.stages, start=1)}
            cards = self.scene.map.cards
            ahead = [i for i, card_id in enumerate(moments)
                     if (stage_of.get(cards[card_id].stage_id, 0) >= self.step if direction > 0
                         else stage_of.get(cards[card_id].stage_id, 0) <= max(self.step, 1))]
            if direction > 0:
                index = ahead[0] if ahead else 0
            else:
                index = ahead[-1] if ahead else len(moments) - 1
        card_id = moments[index]
        stage_ids = [stage.id for stage in self.scene.map.stages]
        self.go(stage_ids.index(self.scene.map.cards[card_id].stage_id) + 1, card_id)
        return True

    # -- the emotion curve ----------------------------------------------------------------------
    def emotion_shown(self) -> bool:
        return self.scene.layout.emotion_row is not None

    def set_emotion_shown(self, on: bool) -> None:
        """Show or hide the emotion row for this presentation only (the map's own setting,
        which the handout and the editor follow, is left as it is)."""
        if not self.active or on == self.emotion_shown():
            return
        self.scene.style_.set_emotion_shown(on)
        self.scene.flush()
        self.fit()
        self.changed.emit()

    # =====================================================================================
    # what the presenter sees in words
    # =====================================================================================
    def stage_name(self, step: int) -> str:
        stages = self.scene.map.stages
        if not 1 <= step <= len(stages):
            return ""
        return stages[step - 1].name or tr("Stage {number}").format(number=step)

    def caption(self) -> str:
        """"Stage 3 of 7 · Check-in" (with the moment of truth shown, if any)."""
        if self.step == 0:
            return tr("Whole map · → next stage") if self.stage_count() else tr("Whole map")
        text = tr("Stage {number} of {count} · {name}").format(
            number=self.step, count=self.stage_count(), name=self.stage_name(self.step))
        moments = self.moments()
        if self.moment_id in moments:
            text += " · " + tr("★ Moment of truth {number} of {count}").format(
                number=moments.index(self.moment_id) + 1, count=len(moments))
        return text

    def stage_at(self, scene_pos: QPointF) -> int:
        """The step of the stage under a scene point (0 when outside every stage)."""
        index = self.scene.layout.column_index_at(scene_pos.x())
        return 0 if index is None else index + 1

    # =====================================================================================
    # read-only: the events that could edit never reach the editor's code
    # =====================================================================================
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if not self.active:
            return False
        kind = event.type()
        if watched is self.scene:
            if kind == QEvent.Type.GraphicsSceneMousePress:
                if event.button() == Qt.MouseButton.LeftButton:
                    step = self.stage_at(event.scenePos())
                    if step:  # a click on a stage spotlights it
                        self.go(step)
                return True
            if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
                event.ignore()  # not the scene's: the window's keys (Escape) still work
                return True
            return kind in _EATEN
        if watched is self.view:
            if kind == QEvent.Type.KeyPress:
                event.ignore()  # no zoom or pan keys; the window may still want the key
                return True
            if kind == QEvent.Type.Resize:
                self._refit.start()
            return False
        if watched is self.view.viewport():
            if kind == QEvent.Type.Wheel:
                if self.close_up and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                    return False  # a close-up scrolls up and down
                return True
            if kind == QEvent.Type.Resize:
                self._refit.start()
            if kind == QEvent.Type.MouseButtonPress and event.button() != Qt.MouseButton.LeftButton:
                return True  # no panning away, no context menu
            if kind in (QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove):
                return True   # no hover, no cursors, no drags (the pointer highlight sees it first)
            if kind == QEvent.Type.ContextMenu:
                return True
        return False


__all__ = ["CAPTION_SHARE", "PRESENTATION_METRICS", "ScenePresentation", "Spotlight", "caption_room"]

"""The view of a map: zoom (Ctrl+wheel, Ctrl +/-), pan (middle button or Space+drag),
and headers that stay in sight while scrolling (the scene pins them to the visible corner)."""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from .scene import MapScene
from .style import CANVAS_BACKGROUND

AUTOSCROLL_MARGIN = 36   # pixels from the edge where a drag starts scrolling the view
AUTOSCROLL_STEP = 18
MIN_ZOOM = 0.1
MAX_ZOOM = 4.0
HEADER_SHARE = 0.34  # pinned headers may cover at most this share of the view's width/height
ZOOM_STEP = 1.25
REVEAL_MARGIN = 20  # pixels left beside what is scrolled into view


def _shift(low: float, high: float, free_low: float, free_high: float, margin: float) -> float:
    """How far to scroll along one axis so that [low, high] lies in [free_low, free_high]
    (with `margin` to spare where there is room); 0 when it lies there already. Something
    larger than the room shows its start."""
    if low >= free_low and high <= free_high:
        return 0.0
    room = free_high - free_low
    if high - low + 2 * margin > room:  # too large for the room with margins: its start in sight
        return low - free_low - min(margin, max(room - (high - low), 0.0) / 2)
    if low < free_low:
        return low - free_low - margin
    return high - free_high + margin


class MapView(QGraphicsView):
    zoomChanged = Signal(float)  # 1.0 = 100 %

    def __init__(self, scene: MapScene | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scene_connections: list = []  # QMetaObject.Connection to the shown scene
        self.setObjectName("canvasView")
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Headers move with every scroll step, so the whole viewport is repainted per frame.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(CANVAS_BACKGROUND)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pan_from: QPoint | None = None
        self._space_down = False
        self._last_mouse = QPoint()
        self._autoscroll = QTimer(self)
        self._autoscroll.setInterval(30)
        self._autoscroll.timeout.connect(self._autoscroll_step)
        if scene is not None:
            self.setScene(scene)

    # -- scene wiring -------------------------------------------------------------------------
    def setScene(self, scene) -> None:  # noqa: N802 - Qt's name
        # Cut by handle: safe even when the old scene is already gone, nothing to swallow.
        for connection in self._scene_connections:
            QObject.disconnect(connection)
        self._scene_connections = []
        super().setScene(scene)
        if isinstance(scene, MapScene):
            self._scene_connections = [scene.layoutChanged.connect(self._sync_headers),
                                       scene.revealRequested.connect(self.reveal_all)]
            self.scroll_to_origin()

    def scroll_to_origin(self) -> None:
        """Show the map from its top-left corner (Qt would centre a large scene)."""
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())
        self._sync_headers()

    def showEvent(self, event) -> None:  # noqa: N802
        first = not getattr(self, "_shown_once", False)
        super().showEvent(event)
        if first:
            self._shown_once = True
            self.scroll_to_origin()

    def map_scene(self) -> MapScene | None:
        scene = self.scene()
        return scene if isinstance(scene, MapScene) else None

    def headers_pinned(self) -> tuple[bool, bool]:
        """Whether the lane headers (left) and stage headers (top) stay in view. Zoomed in on
        a small window they would cover most of the map (at 400 % on a projector the lane
        column alone took 740 of 760 pixels), so then they scroll away with the map."""
        scene = self.map_scene()
        if scene is None:
            return True, True
        metrics, zoom, port = scene.layout.metrics, self.zoom_factor(), self.viewport()
        return (metrics.lane_header_width * zoom <= HEADER_SHARE * port.width(),
                metrics.stage_header_height * zoom <= HEADER_SHARE * port.height())

    def _sync_headers(self) -> None:
        scene = self.map_scene()
        if scene is not None:
            # Every change of zoom passes here (set_zoom, fit, a scroll after fitInView): the
            # scene keeps card handles and arrow hit bands at their size on screen.
            scene.set_view_zoom(self.zoom_factor())
            origin = self.mapToScene(QPoint(0, 0))
            pin_x, pin_y = self.headers_pinned()
            scene.set_visible_origin(QPointF(origin.x() if pin_x else 0.0, origin.y() if pin_y else 0.0))

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        super().scrollContentsBy(dx, dy)
        self._sync_headers()
        self._repaint_header_strips(dx, dy)

    def _repaint_header_strips(self, dx: int, dy: int) -> None:
        """Qt scrolls by moving the viewport's pixels; pinned headers then move back to the
        corner. Where their old pixels were moved to (beside them by the scroll's distance)
        is painted again, so no copy of them is left over the first stage or lane."""
        scene = self.map_scene()
        if scene is None or (dx == 0 and dy == 0):
            return
        metrics, zoom, port = scene.layout.metrics, self.zoom_factor(), self.viewport()
        pin_x, pin_y = self.headers_pinned()
        if pin_x and dx:
            width = math.ceil(metrics.lane_header_width * zoom) + abs(dx) + 2
            port.update(QRect(0, 0, width, port.height()))
        if pin_y and dy:
            height = math.ceil(metrics.stage_header_height * zoom) + abs(dy) + 2
            port.update(QRect(0, 0, port.width(), height))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._sync_headers()

    # -- zoom ------------------------------------------------------------------------------------
    def zoom_factor(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = min(MAX_ZOOM, max(MIN_ZOOM, factor))
        if math.isclose(factor, self.zoom_factor(), rel_tol=1e-6):
            return
        self.setTransform(self.transform().fromScale(factor, factor))
        self._sync_headers()
        self.zoomChanged.emit(factor)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom_factor() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom_factor() / ZOOM_STEP)

    def zoom_reset(self) -> None:
        self.set_zoom(1.0)

    def zoom_to_fit(self) -> None:
        scene = self.map_scene()
        if scene is None:
            return
        scene.flush()
        rect = scene.content_rect().adjusted(-10, -10, 10, 10)
        viewport = self.viewport().rect()
        if rect.isEmpty() or viewport.isEmpty():
            return
        factor = min(viewport.width() / rect.width(), viewport.height() / rect.height())
        self.set_zoom(min(factor, 1.5))  # a tiny map stays at a natural size
        self.centerOn(rect.center()) if factor < 1.5 else self.ensureVisible(QRectF(0, 0, 1, 1))
        self._sync_headers()
        self.viewport().update()  # the whole map anew: nothing of the view before Fit stays

    def focus_card(self, card_id: str) -> None:
        scene = self.map_scene()
        if scene is None:
            return
        scene.select_card(card_id)
        try:
            item = scene.card_item(card_id)
        except KeyError:
            return
        self.reveal(item.sceneBoundingRect())

    def free_rect(self) -> QRectF:
        """The part of the scene in sight and not covered by the pinned headers."""
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        scene = self.map_scene()
        if scene is None:
            return visible
        metrics = scene.layout.metrics
        pin_x, pin_y = self.headers_pinned()
        # The headers stick to the view's corner, but never left of or above the map's own.
        left = max(visible.left(), 0.0) + metrics.lane_header_width if pin_x else visible.left()
        top = max(visible.top(), 0.0) + metrics.stage_header_height if pin_y else visible.top()
        return QRectF(QPointF(left, top), visible.bottomRight())

    def reveal(self, rect: QRectF) -> None:
        """Scroll so that a scene rectangle is visible beside the pinned headers, only if it
        is not so already, and only as far as needed (what was in sight stays put: after
        Fit, a card added in the last column used to push the view sideways by the margin,
        hiding the first column under the lane headers)."""
        if self.map_scene() is None:
            return
        free = self.free_rect()
        if free.contains(rect):
            return
        margin = REVEAL_MARGIN / max(self.zoom_factor(), 1e-6)  # scene units
        dx = _shift(rect.left(), rect.right(), free.left(), free.right(), margin)
        dy = _shift(rect.top(), rect.bottom(), free.top(), free.bottom(), margin)
        zoom = self.zoom_factor()
        if dx:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() + round(dx * zoom))
        if dy:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + round(dy * zoom))

    def reveal_all(self, rects: list[QRectF]) -> None:
        """Scroll (zoom unchanged) so that all the rectangles show, or at least the first
        when together they are larger than the view."""
        if not rects:
            return
        union = QRectF(rects[0])
        for rect in rects[1:]:
            union = union.united(rect)
        zoom = self.zoom_factor()
        port = self.viewport().rect()
        fits = union.width() * zoom <= port.width() * 0.6 and union.height() * zoom <= port.height() * 0.6
        self.reveal(union if fits else rects[0])

    # -- input -----------------------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                self.set_zoom(self.zoom_factor() * (ZOOM_STEP ** steps))
            event.accept()
            return
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier and event.angleDelta().x() == 0:
            # Shift+wheel scrolls sideways: blueprints are wide.
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - event.angleDelta().y())
            event.accept()
            return
        super().wheelEvent(event)

    def _editing(self) -> bool:
        scene = self.map_scene()
        return scene is not None and scene.editor() is not None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not self._editing():
            if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
                self._space_down = True
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
                event.accept()
                return
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
                    self.zoom_in()
                    return
                if event.key() == Qt.Key.Key_Minus:
                    self.zoom_out()
                    return
                if event.key() == Qt.Key.Key_0:
                    self.zoom_reset()
                    return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self._space_down:
            self._space_down = False
            if self._pan_from is None:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        self._space_down = False
        super().focusOutEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        middle = event.button() == Qt.MouseButton.MiddleButton
        space_drag = event.button() == Qt.MouseButton.LeftButton and self._space_down
        if middle or space_drag:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan_from is not None:
            now = event.position().toPoint()
            delta = now - self._pan_from
            self._pan_from = now
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)
        self._last_mouse = event.position().toPoint()
        scene = self.map_scene()
        if scene is not None and scene.is_interacting() and self._edge_push() != (0, 0):
            if not self._autoscroll.isActive():
                self._autoscroll.start()
        else:
            self._autoscroll.stop()

    def _edge_push(self) -> tuple[int, int]:
        rect = self.viewport().rect()
        p = self._last_mouse
        dx = -1 if p.x() < AUTOSCROLL_MARGIN else (1 if p.x() > rect.width() - AUTOSCROLL_MARGIN else 0)
        dy = -1 if p.y() < AUTOSCROLL_MARGIN else (1 if p.y() > rect.height() - AUTOSCROLL_MARGIN else 0)
        return dx, dy

    def _autoscroll_step(self) -> None:
        scene = self.map_scene()
        dx, dy = self._edge_push()
        if scene is None or not scene.is_interacting() or (dx, dy) == (0, 0):
            self._autoscroll.stop()
            return
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setValue(h.value() + dx * AUTOSCROLL_STEP)
        v.setValue(v.value() + dy * AUTOSCROLL_STEP)
        scene.continue_interaction(self.mapToScene(self._last_mouse))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._autoscroll.stop()
        if self._pan_from is not None and event.button() in (Qt.MouseButton.MiddleButton,
                                                              Qt.MouseButton.LeftButton):
            self._pan_from = None
            if self._space_down:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def scene_point(self, point: QPointF) -> QPointF:
        return self.mapToScene(point.toPoint())

    def sync_headers(self) -> None:
        """Pin the headers to the view's corner now (after a change of zoom or scroll made
        from outside, e.g. presentation mode giving the view back)."""
        self._sync_headers()

"""The frame of a blueprint around its cards: the grid with the three lines, the stage and
lane headers (pinned to the view's top-left corner while it scrolls), the corner with the
map's name, the "+ Stage" / "+ Lane" buttons and the emotion row with its curve.

The frame draws what the layout and the model say; header items are registered with the
scene (kinds "stage" and "lane") so selection and gestures find them like any entity.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from ..analysis.emotion import emotion_curve
from ..i18n.labels import lane_name
from ..model.entities import ServiceMap
from .diagram.scene import DiagramScene
from .emotion_item import EmotionItem
from .grid_item import GridItem
from .headers import CornerItem, LaneHeaderColumn, LaneHeaderItem, StageHeaderItem, StageHeaderRow, lane_colours
from .layout import EMOTION_ROW, MapLayout
from .style import CanvasStyle


class MapFrame:
    """Owns the grid, the header row and column, the corner and the emotion curve."""

    def __init__(self, scene: DiagramScene, style: CanvasStyle) -> None:
        self._scene = scene
        self._style = style
        self.grid = GridItem()
        self.emotion = EmotionItem(style)
        self.stage_row = StageHeaderRow(style)
        self.lane_column = LaneHeaderColumn(style)
        self.corner = CornerItem(style)
        scene.addItem(self.grid)
        scene.addItem(self.emotion)
        for overlay in self.overlays:
            scene.add_overlay(overlay)
        self._origin = QPointF(0, 0)

    @property
    def overlays(self) -> tuple[QGraphicsItem, ...]:
        """The pinned backgrounds of the headers: they hide the cells scrolled under them."""
        return (self.stage_row, self.lane_column, self.corner)

    def add_button_at(self, hit: QGraphicsItem | None, pos: QPointF) -> str | None:
        """"stage" or "lane" when `pos` is on the "+ Stage" or "+ Lane" button."""
        for kind, holder in (("stage", self.stage_row), ("lane", self.lane_column)):
            if hit is holder and holder.add_zone.contains(holder.mapFromScene(pos)):
                return kind
        return None

    # -- following the model -------------------------------------------------------------
    def sync_headers(self, service_map: ServiceMap) -> None:
        """One header per stage and lane, with the names and colours the model has."""
        registry = self._scene.registry
        stage_ids = {s.id for s in service_map.stages}
        for stage_id in [i for i in registry.of("stage") if i not in stage_ids]:
            self._scene.removeItem(registry.pop("stage", stage_id))
        for number, stage in enumerate(service_map.stages, start=1):
            header = registry.get("stage", stage.id)
            if header is None:
                header = StageHeaderItem(stage.id, self._style, self.stage_row)
                self._scene.register_item("stage", stage.id, header)
            header.set_stage(stage.name, stage.phase, number)
        lane_ids = {lane.id for lane in service_map.lanes}
        for lane_id in [i for i in registry.of("lane") if i not in lane_ids]:
            self._scene.removeItem(registry.pop("lane", lane_id))
        for lane in service_map.lanes:
            header = registry.get("lane", lane.id)
            if header is None:
                header = LaneHeaderItem(lane.id, self._style, self.lane_column)
                self._scene.register_item("lane", lane.id, header)
            stripe, tint = lane_colours(lane.kind, lane.colour)
            header.set_lane(lane_name(lane), stripe, tint)

    def place(self, layout: MapLayout, service_map: ServiceMap) -> None:
        """Size and place everything after a relayout."""
        registry = self._scene.registry
        metrics = layout.metrics
        tints: dict[str, QColor] = {EMOTION_ROW: QColor("#fdf5f5")}
        for lane in service_map.lanes:
            tints[lane.id] = lane_colours(lane.kind, lane.colour)[1]
        self.grid.set_layout(layout, tints)
        self.stage_row.set_extent(max(layout.width, metrics.lane_header_width), metrics.stage_header_height)
        for column in layout.columns:
            registry.item("stage", column.stage_id).set_geometry(column.x, column.width,
                                                                 metrics.stage_header_height)
        self.lane_column.set_extent(layout)
        for row in layout.rows:
            header = registry.get("lane", row.lane_id)
            if header is not None:
                header.set_geometry(row.y, metrics.lane_header_width, row.height)
        self.corner.set_extent(metrics.lane_header_width, metrics.stage_header_height, service_map.name)
        self._place_curve(layout, service_map)

    def _place_curve(self, layout: MapLayout, service_map: ServiceMap) -> None:
        row = layout.emotion_row
        if row is None:
            self.emotion.hide()
            return
        self.emotion.show()
        points, card_ids = [], []
        for point in emotion_curve(service_map):
            column = layout.column(point.stage_id)
            if column is None or point.card_id not in layout.card_rects:
                continue
            # Spread across the stage by the curve's own position: two scored cards stacked
            # in one cell share a centre, and the curve jumped straight up and down there.
            x = column.x + (point.position - point.stage_index) * column.width
            points.append((x, point.emotion, point.is_dip))
            card_ids.append(point.card_id)
        self.emotion.set_curve(QRectF(layout.grid_left, row.y, layout.width - layout.grid_left,
                                      row.height), points, card_ids)

    # -- headers that stay in view ---------------------------------------------------------
    def set_origin(self, origin: QPointF) -> None:
        """The view's top-left corner in scene coordinates: the headers stick to it."""
        self._origin = QPointF(origin)
        self.apply_origin()

    def apply_origin(self) -> None:
        x, y = max(0.0, self._origin.x()), max(0.0, self._origin.y())
        if self.stage_row.y() != y:
            self.stage_row.setY(y)
        if self.lane_column.x() != x:
            self.lane_column.setX(x)
        if self.corner.pos() != QPointF(x, y):
            self.corner.setPos(x, y)

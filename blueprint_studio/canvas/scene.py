"""The scene of one map: follows the model through its events and turns gestures into
undoable operations. One source of truth: the model; the scene keeps an id -> item map."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSceneMouseEvent

from ..analysis.emotion import emotion_curve
from ..commands import push_operation, replaying
from ..i18n import tr
from ..i18n.labels import card_kind_name, lane_name
from ..model import operations as ops
from ..model.entities import Card, Connector, Lane, ModelError, Project, ServiceMap, Stage
from ..model.enums import CardKind, LaneKind
from ..model.events import ChangeSet, ModelEvent
from ..model.placement import drop_changes_anything, kind_for_new_card, moves_for_drop
from . import style as S
from .clipboard_actions import CARDS_MIME, ClipboardActions
from .editing import InPlaceEditing
from .interactions import (
    CardDrag, ColumnResize, ConnectDrag, HeaderDrag, Interaction, RubberBand, move_text,
)
from .headers import (
    ADD_ZONE_HEIGHT, ADD_ZONE_WIDTH, CornerItem, LaneHeaderColumn, LaneHeaderItem,
    StageHeaderItem, StageHeaderRow, lane_colours,
)
from .items import CardItem, ConnectorItem, DropIndicator, EmotionItem, GridItem, InlineEditor
from .keyboard import KeyboardNavigation
from .layout import EMOTION_ROW, METRICS, MapLayout, Rect, compute_layout
from .menus import ContextMenu
from .routing import Router, simple_route
from .selection import SelectionTracking
from .style import CanvasStyle

CARD_KIND_MIME = "application/x-blueprint-card-kind"

# Card fields whose change alters a card's size, place or the emotion curve.
_LAYOUT_FIELDS = {"text", "owner", "stage_id", "lane_id", "order", "emotion"}
# Above this many arrows, a relayout re-routes only the arrows whose cards moved.
_FULL_REROUTE_LIMIT = 800
# Each kind's name in both languages: a custom lane called after a kind gets that kind.
_KIND_NAMES = {kind: [card_kind_name(kind, language) for language in ("en", "zh")]
               for kind in CardKind}


class MapScene(SelectionTracking, KeyboardNavigation, ContextMenu, InPlaceEditing, ClipboardActions,
               QGraphicsScene):
    """Draws one ServiceMap of a Project; every edit goes through `undo_stack`."""

    entitySelected = Signal(str, str)   # ("card"|"stage"|"lane"|"connector"|"map", id)
    statusMessage = Signal(str)         # a one-sentence explanation when an edit is refused
    layoutChanged = Signal()            # after each relayout (the view keeps headers in sight)
    revealRequested = Signal(object)    # list[QRectF] in reading order: scroll them into view

    def __init__(self, project: Project, map_id: str, undo_stack, parent=None) -> None:
        super().__init__(parent)
        self.project = project
        self.map_id = map_id
        self.undo_stack = undo_stack
        self.style_ = CanvasStyle()
        self.setBackgroundBrush(S.CANVAS_BACKGROUND)
        self.layout: MapLayout = MapLayout(METRICS)
        self._router: Router | None = None
        self._cards: dict[str, CardItem] = {}
        self._connectors: dict[str, ConnectorItem] = {}
        self._links: dict[str, set[str]] = {}   # card id -> ids of the arrows touching it
        self._stage_headers: dict[str, StageHeaderItem] = {}
        self._lane_headers: dict[str, LaneHeaderItem] = {}
        self._grid = GridItem()
        self._emotion = EmotionItem(self.style_)
        self._stage_row = StageHeaderRow(self.style_)
        self._lane_column = LaneHeaderColumn(self.style_)
        self._corner = CornerItem(self.style_)
        self._drop = DropIndicator()
        for item in (self._grid, self._emotion, self._stage_row, self._lane_column,
                     self._corner, self._drop):
            self.addItem(item)
        self._drop.hide()
        self._interaction: Interaction | None = None
        self._editor: InlineEditor | None = None
        self._retired_editors: list[InlineEditor] = []
        self._editor_target: tuple[str, str] = ("", "")  # (entity kind, id) being edited
        self._origin = QPointF(0, 0)
        self._current: tuple[str, str] = ("map", map_id)
        self._focus_card: str | None = None
        self._paste_cell: tuple[str, str] | None = None
        self._paste_cell_clicked = False  # the user clicked an empty cell since the last copy
        self._just_added: tuple[str, int] | None = None  # (card id, undo index) until its first edit
        self._bulk_selection = False
        self._selection_stale = False  # selected items were removed: tell the inspector on flush
        self._layout_dirty = True
        self._headers_dirty = True
        self._dirty_routes: set[str] = set()
        self._map_gone = False
        self._detached = False
        # What an undo/redo touched on this map, shown as the selection once it has run.
        # (Dicts as ordered sets: undoing a 2,000-card delete notes 2,000 ids, each once.)
        self._replayed: dict[str, dict[str, None]] = {"card": {}, "stage": {}, "lane": {}, "connector": {}}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.flush)
        self._unsubscribe = project.events.subscribe(self._on_changes)
        # Kept to be cut in detach(): QObject.disconnect(handle) is safe even when the undo
        # stack is already gone, so nothing there needs an exception swallowed.
        self._connections = [undo_stack.indexChanged.connect(self._on_stack_index),
                             self.selectionChanged.connect(self._on_selection_changed)]
        service_map = self.map
        for card in service_map.cards.values():
            self._add_card_item(card)
        for connector in service_map.connectors.values():
            self._add_connector_item(connector)
        self.flush()

    # =====================================================================================
    # following the model
    # =====================================================================================
    @property
    def map(self) -> ServiceMap:
        return self.project.map(self.map_id)

    def _on_stack_index(self, _index: int) -> None:
        self.flush()
        self._show_replayed()

    def _note_replayed(self, event: ModelEvent) -> None:
        """Remember what an undo/redo changed; cards merely renumbered beside it do not count."""
        if event.entity not in self._replayed or event.action == "removed":
            return
        if event.entity == "card" and event.action == "updated" and set(event.fields) == {"order"}:
            return
        self._replayed[event.entity][event.entity_id] = None

    def _show_replayed(self) -> None:
        """After undo/redo: select what changed (a header, else cards, else arrows) and ask
        the view to scroll it into sight, so the user sees what the step did."""
        touched = self._replayed
        self._replayed = {entity: {} for entity in touched}
        if self._detached or self._map_gone or not any(touched.values()):
            return
        headers = [self._stage_headers[i] for i in touched["stage"] if i in self._stage_headers]
        headers += [self._lane_headers[i] for i in touched["lane"] if i in self._lane_headers]
        card_ids = [i for i in touched["card"] if i in self._cards]
        connectors = [self._connectors[i] for i in touched["connector"] if i in self._connectors]
        rects: list[QRectF] = []
        if headers:
            self.select_only_items(headers)
            rects = [header.sceneBoundingRect() for header in headers]
        elif card_ids:
            wanted = set(card_ids)
            ordered = [c.id for c in self.map.cards_in_reading_order() if c.id in wanted]
            if self._focus_card not in ordered:
                self._focus_card = ordered[0]
            self.set_card_selection(ordered)
            rects = [self._cards[i].sceneBoundingRect() for i in ordered]
        elif connectors:
            self.select_only_items(connectors)
            rects = [item.sceneBoundingRect() for item in connectors]
        if rects:
            self.revealRequested.emit(rects)

    def _on_changes(self, changes: ChangeSet) -> None:
        """One whole edit: update the items it touched; the layout is redrawn once."""
        if self._detached or self.map_id not in changes.map_ids:
            return
        self.cancel_interaction()  # what the gesture holds may be gone or elsewhere now
        for event in changes:
            if self._map_gone:
                break
            self._on_event(event)
        # Redrawn on the next turn of the event loop, where the selection the edit's
        # command sets afterwards (push, reveal) is drawn in the same pass.

    def _on_event(self, event: ModelEvent) -> None:
        if event.map_id != self.map_id:
            return
        if replaying():
            self._note_replayed(event)
        if event.action == "removed" and self._editor is not None and (
                (event.entity, event.entity_id) == self._editor_target):
            self._editor.finish(False)  # what was being edited is gone (undo, another panel)
        if event.entity == "map":
            if event.action == "removed":
                self._map_gone = True
                return
            self._headers_dirty = self._layout_dirty = True
        elif event.entity == "card":
            self._on_card_event(event)
        elif event.entity == "connector":
            self._on_connector_event(event)
        elif event.entity in ("stage", "lane"):
            self._headers_dirty = self._layout_dirty = True
        self._timer.start()

    def _on_card_event(self, event: ModelEvent) -> None:
        card_id = event.entity_id
        if event.action == "removed":
            item = self._cards.pop(card_id, None)
            if item is not None:
                self._remove_item(item)
            self._links.pop(card_id, None)
            if self._focus_card == card_id:
                self._focus_card = None
            self._layout_dirty = True
            return
        card = self.map.cards.get(card_id)
        if card is None:
            return
        if event.action == "added":
            self._add_card_item(card)
            self._layout_dirty = True
            return
        self._cards[card_id].set_card(card)
        if not event.fields or _LAYOUT_FIELDS.intersection(event.fields):
            self._layout_dirty = True

    def _on_connector_event(self, event: ModelEvent) -> None:
        connector_id = event.entity_id
        if event.action == "removed":
            item = self._connectors.pop(connector_id, None)
            if item is not None:
                for card_id in (item.source_id, item.target_id):
                    self._links.get(card_id, set()).discard(connector_id)
                self._remove_item(item)
            self._dirty_routes.discard(connector_id)
            return
        connector = self.map.connectors.get(connector_id)
        if connector is None:
            return
        if event.action == "added":
            self._add_connector_item(connector)
        else:
            self._connectors[connector_id].set_connector(connector.source_id, connector.target_id,
                                                         connector.label)
        self._dirty_routes.add(connector_id)

    def _remove_item(self, item: QGraphicsItem) -> None:
        """Take an item out of the scene. Removing a selected item emits selectionChanged at
        once, and the inspector's update walks the whole selection: deleting 2,000 selected
        cards cost 2,000 walks. The update runs once, on the next flush, instead."""
        if not item.isSelected():
            self.removeItem(item)
            return
        self._bulk_selection = True
        try:
            self.removeItem(item)
        finally:
            self._bulk_selection = False
        self._selection_stale = True
        self._timer.start()

    def _add_card_item(self, card: Card) -> None:
        item = CardItem(card.id, self.style_)
        item.set_card(card)
        self._cards[card.id] = item
        self.addItem(item)

    def _add_connector_item(self, connector: Connector) -> None:
        item = ConnectorItem(connector.id, self.style_)
        item.set_connector(connector.source_id, connector.target_id, connector.label)
        self._connectors[connector.id] = item
        for card_id in (connector.source_id, connector.target_id):
            self._links.setdefault(card_id, set()).add(connector.id)
        self.addItem(item)
        self._dirty_routes.add(connector.id)

    # -- relayout ----------------------------------------------------------------------
    def flush(self) -> None:
        """Bring the items up to date with the model (cheap when nothing changed)."""
        self._timer.stop()
        if self._detached or self._map_gone:
            return
        if self._selection_stale:
            self._selection_stale = False
            self._update_current()
        if not (self._layout_dirty or self._headers_dirty or self._dirty_routes):
            return
        service_map = self.map
        moved: set[str] = set()
        if self._headers_dirty:
            self._sync_headers(service_map)
        if self._layout_dirty or self._headers_dirty:
            style = self.style_
            self.layout = compute_layout(
                service_map, lambda card, width: style.card_height(card.text, bool(card.owner), width))
            for card_id, item in self._cards.items():
                rect = self.layout.card_rects.get(card_id)
                if rect is not None and item.set_rect(rect):
                    moved.add(card_id)
            self._place_background(service_map)
            cells = {c.id: (c.stage_id, c.lane_id) for c in service_map.cards.values()}
            self._router = Router.for_layout(self.layout, cells)
            if len(self._connectors) <= _FULL_REROUTE_LIMIT:
                self._dirty_routes.update(self._connectors)
            else:
                for card_id in moved:
                    self._dirty_routes.update(self._links.get(card_id, ()))
        self._reroute(self._dirty_routes)
        self._dirty_routes = set()
        self._headers_dirty = self._layout_dirty = False
        self.setSceneRect(QRectF(0, 0, self.layout.width + ADD_ZONE_WIDTH + 20, self.layout.height + ADD_ZONE_HEIGHT + 20))
        self._apply_origin()
        self.layoutChanged.emit()

    def _reroute(self, connector_ids: Iterable[str]) -> None:
        router = self._router
        if router is None:
            return
        for connector_id in connector_ids:
            item = self._connectors.get(connector_id)
            if item is None:
                continue
            if item.source_id in self.layout.card_rects and item.target_id in self.layout.card_rects:
                item.set_points(router.route(connector_id, item.source_id, item.target_id))

    def route_live(self, card_ids: Iterable[str]) -> None:
        """While cards are dragged, their arrows follow with a quick route."""
        touched: set[str] = set()
        for card_id in card_ids:
            touched.update(self._links.get(card_id, ()))
        for connector_id in touched:
            item = self._connectors[connector_id]
            source, target = self._cards.get(item.source_id), self._cards.get(item.target_id)
            if source is not None and target is not None:
                item.set_points(simple_route(source.rect(), target.rect()))

    def snap_back(self) -> None:
        """Put every card back where the layout says (after a cancelled or refused drag);
        only the arrows of cards that had moved are routed again."""
        arrows: set[str] = set()
        for card_id, item in self._cards.items():
            rect = self.layout.card_rects.get(card_id)
            if rect is not None and item.set_rect(rect):
                arrows.update(self._links.get(card_id, ()))
        self._reroute(arrows)

    def _sync_headers(self, service_map: ServiceMap) -> None:
        stage_ids = {s.id for s in service_map.stages}
        for stage_id in list(self._stage_headers):
            if stage_id not in stage_ids:
                self.removeItem(self._stage_headers.pop(stage_id))
        for number, stage in enumerate(service_map.stages, start=1):
            header = self._stage_headers.get(stage.id)
            if header is None:
                header = StageHeaderItem(stage.id, self.style_, self._stage_row)
                self._stage_headers[stage.id] = header
            header.set_stage(stage.name, stage.phase, number)
        lane_ids = {lane.id for lane in service_map.lanes}
        for lane_id in list(self._lane_headers):
            if lane_id not in lane_ids:
                self.removeItem(self._lane_headers.pop(lane_id))
        for lane in service_map.lanes:
            header = self._lane_headers.get(lane.id)
            if header is None:
                header = LaneHeaderItem(lane.id, self.style_, self._lane_column)
                self._lane_headers[lane.id] = header
            stripe, tint = lane_colours(lane.kind, lane.colour)
            header.set_lane(lane_name(lane), stripe, tint)

    def _place_background(self, service_map: ServiceMap) -> None:
        layout = self.layout
        metrics = layout.metrics
        tints: dict[str, QColor] = {EMOTION_ROW: QColor("#fdf5f5")}
        for lane in service_map.lanes:
            tints[lane.id] = lane_colours(lane.kind, lane.colour)[1]
        self._grid.set_layout(layout, tints)
        self._stage_row.set_extent(max(layout.width, metrics.lane_header_width), metrics.stage_header_height)
        for column in layout.columns:
            self._stage_headers[column.stage_id].set_geometry(column.x, column.width,
                                                               metrics.stage_header_height)
        self._lane_column.set_extent(layout)
        for row in layout.rows:
            header = self._lane_headers.get(row.lane_id)
            if header is not None:
                header.set_geometry(row.y, metrics.lane_header_width, row.height)
        self._corner.set_extent(metrics.lane_header_width, metrics.stage_header_height, service_map.name)
        row = layout.emotion_row
        if row is None:
            self._emotion.hide()
        else:
            self._emotion.show()
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
            self._emotion.set_curve(QRectF(layout.grid_left, row.y, layout.width - layout.grid_left,
                                           row.height), points, card_ids)

    # -- headers that stay in view ---------------------------------------------------------
    def set_visible_origin(self, origin: QPointF) -> None:
        """The view's top-left corner in scene coordinates: headers stick to it."""
        self._origin = QPointF(origin)
        self._apply_origin()

    def _apply_origin(self) -> None:
        x, y = max(0.0, self._origin.x()), max(0.0, self._origin.y())
        if self._stage_row.y() != y:
            self._stage_row.setY(y)
        if self._lane_column.x() != x:
            self._lane_column.setX(x)
        if self._corner.pos() != QPointF(x, y):
            self._corner.setPos(x, y)

    # =====================================================================================
    # look-ups used by the view, interactions and tests
    # =====================================================================================
    def card_item(self, card_id: str) -> CardItem:
        return self._cards[card_id]

    def connector_item(self, connector_id: str) -> ConnectorItem:
        return self._connectors[connector_id]

    def stage_header(self, stage_id: str) -> StageHeaderItem:
        return self._stage_headers[stage_id]

    def lane_header(self, lane_id: str) -> LaneHeaderItem:
        return self._lane_headers[lane_id]

    def card_items(self) -> dict[str, CardItem]:
        return dict(self._cards)

    def connector_items(self) -> dict[str, ConnectorItem]:
        return dict(self._connectors)

    def header_ids(self) -> tuple[list[str], list[str]]:
        return list(self._stage_headers), list(self._lane_headers)

    def emotion_item(self) -> EmotionItem:
        return self._emotion

    def content_rect(self) -> QRectF:
        return QRectF(0, 0, self.layout.width, self.layout.height)

    def counts(self) -> dict[str, int]:
        service_map = self.map
        return {"stages": len(service_map.stages), "lanes": len(service_map.lanes),
                "cards": len(service_map.cards), "connectors": len(service_map.connectors)}

    def find_cards(self, text: str) -> list[str]:
        needle = text.casefold().strip()
        if not needle:
            return []
        return [c.id for c in self.map.cards_in_reading_order()
                if needle in c.text.casefold() or needle in c.owner.casefold()
                or needle in c.notes.casefold()]

    def _hit(self, pos: QPointF) -> QGraphicsItem | None:
        """The topmost item a user means at pos (ignores backgrounds and feedback items)."""
        for item in self.items(pos):
            if isinstance(item, (CardItem, ConnectorItem, StageHeaderItem, LaneHeaderItem,
                                 InlineEditor)):
                return item
            if item in (self._stage_row, self._lane_column, self._corner):
                return item
        return None

    def card_at(self, pos: QPointF) -> CardItem | None:
        for item in self.items(pos):
            if isinstance(item, CardItem):
                return item
            if item in (self._stage_row, self._lane_column, self._corner):
                return None
        return None

    def cell_at(self, pos: QPointF) -> tuple[str, str] | None:
        """The (stage, lane) cell under a scene point, or None (headers, emotion row, outside)."""
        hit = self._hit(pos)
        if hit in (self._stage_row, self._lane_column, self._corner) or isinstance(
                hit, (StageHeaderItem, LaneHeaderItem)):
            return None
        cell = self.layout.cell_at(pos.x(), pos.y())
        if cell is None or cell[1] == EMOTION_ROW:
            return None
        return cell

    # =====================================================================================
    # editing through the undo stack
    # =====================================================================================
    def push(self, operation, text: str, **kwargs) -> bool:
        """Apply an operation as one undo step; a refused edit becomes a status message."""
        try:
            push_operation(self.undo_stack, self.project, operation, text, **kwargs)
        except ModelError as error:
            self.statusMessage.emit(tr(str(error)))
            self.snap_back()
            return False
        self.flush()
        return True

    def kind_for_lane(self, lane_id: str) -> CardKind:
        """What a double-click in a lane creates (the rule lives in the model)."""
        return kind_for_new_card(self.map, lane_id, _KIND_NAMES)

    def add_card(self, stage_id: str, lane_id: str, kind: CardKind = CardKind.ACTION,
                 text: str = "", order: int | None = None) -> str:
        service_map = self.map
        if order is None:
            order = len(service_map.cards_in_cell(stage_id, lane_id))
        card = Card(stage_id=stage_id, lane_id=lane_id, order=order, text=text, kind=CardKind(kind))
        if not self.push(ops.AddCard(self.map_id, card), tr("Add card")):
            return ""
        self._just_added = (card.id, self.undo_stack.index())
        self._paste_cell = (stage_id, lane_id)
        self.select_card(card.id)
        return card.id

    def add_stage(self, index: int | None = None) -> str:
        count = len(self.map.stages)
        stage = Stage(name=tr("Stage {number}").format(number=count + 1))
        if not self.push(ops.AddStage(self.map_id, stage, index), tr("Add stage")):
            return ""
        self.select_stage(stage.id)
        self.rename_stage(stage.id)
        return stage.id

    def add_lane(self, index: int | None = None) -> str:
        count = len(self.map.lanes)
        lane = Lane(kind=LaneKind.CUSTOM, name=tr("Lane {number}").format(number=count + 1))
        if not self.push(ops.AddLane(self.map_id, lane, index), tr("Add lane")):
            return ""
        self.select_lane(lane.id)
        self.rename_lane(lane.id)
        return lane.id

    def delete_selection(self) -> None:
        self.flush()
        card_ids = self.selected_card_ids()
        doomed = set(card_ids)
        operations: list = []
        for connector_id in self.selected_connector_ids():
            connector = self.map.connectors.get(connector_id)
            if connector and connector.source_id not in doomed and connector.target_id not in doomed:
                operations.append(ops.RemoveConnector(self.map_id, connector_id))
        if card_ids:
            operations.append(ops.remove_cards(self.map, card_ids))
        for item in self.selectedItems():
            if isinstance(item, StageHeaderItem):
                operations.append(ops.RemoveStage(self.map_id, item.stage_id))
            elif isinstance(item, LaneHeaderItem):
                operations.append(ops.RemoveLane(self.map_id, item.lane_id))
        if not operations:
            return
        if any(isinstance(item, (StageHeaderItem, LaneHeaderItem)) for item in self.selectedItems()):
            text = tr("Delete stage or lane")
        elif card_ids:
            text = tr("Delete card") if len(card_ids) == 1 else tr("Delete {count} cards").format(
                count=len(card_ids))
        else:
            text = tr("Delete arrow")
        self.push(ops.Batch(operations), text)

    def move_cards(self, card_ids: list[str], anchor_id: str, cell: tuple[str, str], order: int) -> bool:
        """Drop dragged cards (the anchor into `cell` at `order`): one undo step."""
        service_map = self.map
        self._paste_cell = cell
        if not drop_changes_anything(service_map, card_ids, anchor_id, cell, order):
            self.snap_back()
            return False
        moves = moves_for_drop(service_map, card_ids, anchor_id, cell, order)
        return self.push(ops.Batch(moves), move_text(len(card_ids)))

    def connect_cards(self, source_id: str, target_id: str, label: str = "") -> str:
        connector = Connector(source_id, target_id, label)
        if self.push(ops.AddConnector(self.map_id, connector), tr("Connect cards")):
            self.select_connector(connector.id)
            return connector.id
        return ""

    def move_axis_item(self, axis: str, item_id: str, index: int) -> None:
        if axis == "stage":
            self.push(ops.MoveStage(self.map_id, item_id, index), tr("Move stage"))
            self.select_stage(item_id)
        else:
            self.push(ops.MoveLane(self.map_id, item_id, index), tr("Move lane"))
            self.select_lane(item_id)

    def resize_stage(self, stage_id: str, width: float | None) -> None:
        stage = self.map.stage(stage_id)
        if stage.width == width or (width is not None and stage.width is None
                                    and abs(width - self.layout.metrics.default_stage_width) < 1):
            return
        self.push(ops.UpdateStage(self.map_id, stage_id, {"width": width}), tr("Resize column"))

    # =====================================================================================
    # mouse, keyboard, drops
    # =====================================================================================
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self.flush()
        hit = self._hit(event.scenePos())
        if self._editor is not None and hit is not self._editor:
            self.finish_editing(True)
            self.flush()
            hit = self._hit(event.scenePos())
        if isinstance(hit, InlineEditor) or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        if self._interaction is not None:
            self._interaction.cancel()
        self._interaction = self._start_interaction(hit, event)
        event.accept()

    def _start_interaction(self, hit, event: QGraphicsSceneMouseEvent) -> Interaction | None:
        pos = event.scenePos()
        if isinstance(hit, CardItem):
            if hit.is_on_handle(pos):
                return ConnectDrag(self, hit, event)
            return CardDrag(self, hit, event)
        if isinstance(hit, StageHeaderItem):
            if hit.is_on_resize_edge(pos):
                return ColumnResize(self, hit, event)
            return HeaderDrag(self, hit, event)
        if isinstance(hit, LaneHeaderItem):
            return HeaderDrag(self, hit, event)
        if isinstance(hit, ConnectorItem):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                hit.setSelected(not hit.isSelected())
            else:
                self.select_only_items([hit])
            return None
        if hit is self._stage_row and self._stage_row.add_zone.contains(self._stage_row.mapFromScene(pos)):
            self.add_stage()
            return None
        if hit is self._lane_column and self._lane_column.add_zone.contains(self._lane_column.mapFromScene(pos)):
            self.add_lane()
            return None
        if hit in (self._stage_row, self._lane_column, self._corner):
            self.clearSelection()
            return None
        if self._emotion.isVisible() and self._emotion.boundingRect().contains(pos):
            card_id = self._emotion.card_at(pos)
            if card_id is not None:
                self.select_card(card_id)  # a point on the curve stands for its card
                return None
        cell = self.layout.cell_at(pos.x(), pos.y())
        if cell is not None and cell[1] != EMOTION_ROW:
            self._paste_cell = cell
            self._paste_cell_clicked = True
        return RubberBand(self, event)

    def cancel_interaction(self) -> None:
        """End the gesture in progress without changing the model (Escape, a model change)."""
        interaction, self._interaction = self._interaction, None
        if interaction is not None:
            interaction.cancel()

    def is_interacting(self) -> bool:
        """True while a gesture (drag, connect, rubber band, resize) holds the mouse."""
        return self._interaction is not None

    def continue_interaction(self, pos: QPointF) -> None:
        """Feed the pointer's scene position to the gesture (the view calls this while it
        scrolls by itself near its edges, so a drag can reach any part of a big map)."""
        if self._interaction is not None:
            self._interaction.move(pos)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._interaction is not None:
            self._interaction.move(event.scenePos())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        interaction, self._interaction = self._interaction, None
        if interaction is not None:
            interaction.release(event.scenePos())
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._interaction is not None:
            self._interaction.cancel()
            self._interaction = None
        self.flush()
        pos = event.scenePos()
        hit = self._hit(pos)
        if isinstance(hit, InlineEditor) or event.button() != Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)
            return
        if isinstance(hit, CardItem):
            self.select_card(hit.card_id)
            self.edit_card(hit.card_id)
        elif isinstance(hit, ConnectorItem):
            self.edit_connector_label(hit.connector_id)
        elif isinstance(hit, StageHeaderItem):
            if hit.is_on_resize_edge(pos):
                self.resize_stage(hit.stage_id, None)
            else:
                self.rename_stage(hit.stage_id)
        elif isinstance(hit, LaneHeaderItem):
            self.rename_lane(hit.lane_id)
        elif hit is None:
            cell = self.cell_at(pos)
            if cell is not None:
                order = self.layout.insertion_order(*cell, pos.x(), pos.y())
                card_id = self.add_card(cell[0], cell[1], self.kind_for_lane(cell[1]), "", order)
                if card_id:
                    self.edit_card(card_id)
        event.accept()

    # -- drops from the palette ---------------------------------------------------------------
    def _drop_cell(self, event) -> tuple[str, str] | None:
        if not event.mimeData().hasFormat(CARD_KIND_MIME):
            return None
        return self.cell_at(event.scenePos())

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasFormat(CARD_KIND_MIME):
            self.flush()
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        cell = self._drop_cell(event)
        if cell is None:
            self.hide_drop_target()
            event.ignore()
            return
        self.show_drop_target(event.scenePos(), [])
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802
        self.hide_drop_target()
        event.accept()

    def dropEvent(self, event) -> None:  # noqa: N802
        self.hide_drop_target()
        cell = self._drop_cell(event)
        if cell is None:
            event.ignore()
            return
        raw = bytes(event.mimeData().data(CARD_KIND_MIME).data()).decode("utf-8", "replace").strip()
        try:
            kind = CardKind(raw)
        except ValueError:
            self.statusMessage.emit(tr("Unknown card kind: {kind}").format(kind=raw[:40]))
            event.ignore()
            return
        pos = event.scenePos()
        order = self.layout.insertion_order(*cell, pos.x(), pos.y())
        card_id = self.add_card(cell[0], cell[1], kind, "", order)
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        if card_id:
            self.edit_card(card_id)

    # -- feedback while dragging ------------------------------------------------------------------
    def show_drop_target(self, pos: QPointF, ignore: list[str]) -> None:
        cell = self.layout.cell_at(pos.x(), pos.y())
        if cell is None or cell[1] == EMOTION_ROW:
            self.hide_drop_target()
            return
        rect = self.layout.cell_rect(*cell)
        order = self.layout.insertion_order(*cell, pos.x(), pos.y(), ignore=ignore)
        skip = set(ignore)
        others = [cid for cid in self.layout.cell_cards.get(cell, []) if cid not in skip]
        bar = QRectF()
        if others:
            if order < len(others):
                r = self.layout.card_rects[others[order]]
                bar = QRectF(r.x, r.y - 6, r.w, 4)
            else:
                r = self.layout.card_rects[others[-1]]
                bar = QRectF(r.x, r.bottom + 3, r.w, 4)
        self._drop.show_at(QRectF(rect.x, rect.y, rect.w, rect.h), bar)

    def show_card_target(self, item: CardItem) -> None:
        rect = item.sceneBoundingRect().adjusted(-4, -4, 4, 4)
        self._drop.show_at(rect, QRectF())

    def hide_drop_target(self) -> None:
        self._drop.hide()

    # =====================================================================================
    # teardown
    # =====================================================================================
    def detach(self) -> None:
        """Stop following the model and drop every item; call before deleting the scene."""
        if self._detached:
            return
        if self._interaction is not None:
            self._interaction.cancel()
            self._interaction = None
        if self._editor is not None:
            self._editor.finish(False)
        self._detached = True
        self._timer.stop()
        self._unsubscribe()
        for connection in self._connections:
            QObject.disconnect(connection)
        self._connections = []
        self._cards.clear()
        self._connectors.clear()
        self._stage_headers.clear()
        self._lane_headers.clear()
        self._links.clear()
        self._retired_editors = []
        self._editor = None
        self.clear()


__all__ = ["CARDS_MIME", "CARD_KIND_MIME", "MapScene", "Rect"]

"""The scene of one blueprint map: a `DiagramScene` (change sets, item registry, batched
redraw, selection, the in-place editor, gestures) with the blueprint on top: cards and
arrows in a grid of stages and lanes, its headers and its emotion row.

One source of truth, the model: the scene follows its events, and every edit is pushed
as one undo step. Its collaborators (editing, keyboard, menus, clipboard, palette drops)
see it through `MapHost`; its gestures through `GestureHost` and `GridHost`.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneMouseEvent, QMenu

from ..i18n import tr
from ..i18n.labels import card_kind_name
from ..model import operations as ops
from ..model.entities import Card, Connector, Lane, Project, ServiceMap, Stage
from ..model.enums import CardKind, LaneKind
from ..model.events import ChangeSet, ModelEvent
from ..model.placement import drop_changes_anything, kind_for_new_card, moves_for_drop
from . import style as S
from .arrows import ArrowRoutes
from .card_fields import CardFields
from .card_item import CardItem
from .clipboard_actions import CARDS_MIME, CardClipboard
from .connector_item import ConnectorItem
from .diagram.gestures import ConnectDrag, NodeDrag, RubberBand
from .diagram.host import Gesture
from .diagram.scene import DiagramScene
from .drops import CARD_KIND_MIME, DropTarget, PaletteDrops
from .editing import MapEditing
from .emotion_item import EmotionItem
from .frame import MapFrame
from .grid_gestures import ColumnResize, HeaderDrag
from .headers import ADD_ZONE_HEIGHT, ADD_ZONE_WIDTH, LaneHeaderItem, StageHeaderItem
from .keyboard import KeyboardNavigation
from .layout import EMOTION_ROW, METRICS, MapLayout, Rect, compute_layout
from .highlights import FlowHighlights
from .menus import context_menu
from .style import CanvasStyle

# Card fields whose change alters a card's size, place or the emotion curve.
_LAYOUT_FIELDS = {"text", "owner", "stage_id", "lane_id", "order", "emotion"}
# Each kind's name in both languages: a custom lane called after a kind gets that kind.
_KIND_NAMES = {kind: [card_kind_name(kind, language) for language in ("en", "zh")]
               for kind in CardKind}


def move_text(count: int) -> str:
    return tr("Move card") if count == 1 else tr("Move {count} cards").format(count=count)


class MapScene(DiagramScene):
    """Draws one ServiceMap of a Project; every edit goes through `undo_stack`."""

    ITEM_KINDS = ("card", "connector", "stage", "lane")
    FOCUS_KIND = "card"
    CONNECT_KIND = "card"  # connect mode: a click on one card, then on another, draws an arrow
    REVEAL_ORDER = (("stage", "lane"), ("card",), ("connector",))

    def __init__(self, project: Project, map_id: str, undo_stack, parent=None) -> None:
        super().__init__(project, undo_stack, ("map", map_id), parent)
        self.map_id = map_id
        self.style_ = CanvasStyle()
        self.setBackgroundBrush(S.CANVAS_BACKGROUND)
        self.layout: MapLayout = MapLayout(METRICS)
        self.routes = ArrowRoutes(self.registry)
        self.frame = MapFrame(self, self.style_)
        self.drop_target = DropTarget(self)
        self.highlights = FlowHighlights(self)  # the findings panel's critical path and loops
        self.editing = MapEditing(self)
        self.keyboard = KeyboardNavigation(self)
        self.clipboard = CardClipboard(self)
        self.card_fields = CardFields(self)  # emotion, flags, kind, connect-selected from keys
        self._palette = PaletteDrops(self)
        self._layout_dirty, self._headers_dirty, self._drawn = True, True, 0  # _drawn: style.generation
        service_map = self.map
        for card in service_map.cards.values():
            self._add_card_item(card)
        for connector in service_map.connectors.values():
            self._add_connector_item(connector)
        self.flush()

    @property
    def map(self) -> ServiceMap:
        return self.project.map(self.map_id)

    # =====================================================================================
    # following the model (DiagramScene's hooks)
    # =====================================================================================
    def follows(self, changes: ChangeSet) -> bool:
        return self.map_id in changes.map_ids

    def concerns(self, event: ModelEvent) -> bool:
        return event.map_id == self.map_id

    def on_event(self, event: ModelEvent) -> None:
        if event.entity == "map":
            if event.action == "removed":
                self.gone = True
                return
            self._headers_dirty = self._layout_dirty = True
        elif event.entity == "card":
            self._on_card_event(event)
        elif event.entity == "connector":
            self._on_connector_event(event)
        elif event.entity in ("stage", "lane"):
            self._headers_dirty = self._layout_dirty = True

    def _on_card_event(self, event: ModelEvent) -> None:
        card_id = event.entity_id
        if event.action == "removed":
            self.discard_item("card", card_id)
            self.routes.card_removed(card_id)
            self._layout_dirty = True
            return
        card = self.map.cards.get(card_id)
        if card is None:
            return
        if event.action == "added":
            self._add_card_item(card)
            self._layout_dirty = True
            return
        self.card_item(card_id).set_card(card)
        if not event.fields or _LAYOUT_FIELDS.intersection(event.fields):
            self._layout_dirty = True

    def _on_connector_event(self, event: ModelEvent) -> None:
        connector_id = event.entity_id
        if event.action == "removed":
            item = self.discard_item("connector", connector_id)
            if item is not None:
                self.routes.unlink(connector_id, item.source_id, item.target_id)
            return
        connector = self.map.connectors.get(connector_id)
        if connector is None:
            return
        if event.action == "added":
            self._add_connector_item(connector)
        else:
            self.connector_item(connector_id).set_connector(connector.source_id, connector.target_id,
                                                            connector.label)
        self.routes.mark(connector_id)

    def _add_card_item(self, card: Card) -> None:
        item = CardItem(card.id, self.style_)
        item.set_card(card)
        self.register_item("card", card.id, item)

    def _add_connector_item(self, connector: Connector) -> None:
        item = ConnectorItem(connector.id, self.style_)
        item.set_connector(connector.source_id, connector.target_id, connector.label)
        self.register_item("connector", connector.id, item)
        self.routes.link(connector.id, connector.source_id, connector.target_id)

    # -- redraw ---------------------------------------------------------------------------
    def redraw(self) -> None:
        if self.style_.generation != self._drawn:  # fonts, metrics, rows (presentation mode)
            self._drawn, self._headers_dirty, self._layout_dirty = self.style_.generation, True, True
        elif not (self._layout_dirty or self._headers_dirty or self.routes.stale):
            return
        service_map = self.map
        if self._headers_dirty:
            self.frame.sync_headers(service_map)
        if self._layout_dirty or self._headers_dirty:
            style = self.style_
            self.layout = compute_layout(service_map, lambda card, width: style.card_height(
                card.text, bool(card.owner), width), style.metrics, style.show_emotion)
            self.routes.relayout(self.layout, service_map, self._place_cards())
            self.frame.place(self.layout, service_map)
        self.routes.route_stale(self.layout)
        self._headers_dirty = self._layout_dirty = False
        self.setSceneRect(QRectF(0, 0, self.layout.width + ADD_ZONE_WIDTH + 20,
                                 self.layout.height + ADD_ZONE_HEIGHT + 20))
        self.frame.apply_origin()
        self.layoutChanged.emit()

    def _place_cards(self) -> set[str]:
        """Put every card where the layout says; the ids of those that moved."""
        moved: set[str] = set()
        for card_id, item in self.registry.of("card").items():
            rect = self.layout.card_rects.get(card_id)
            if rect is not None and item.set_rect(rect):
                moved.add(card_id)
        return moved

    def snap_back(self) -> None:
        """Put every card back where the layout says (after a cancelled or refused drag);
        only the arrows of cards that had moved are routed again."""
        self.routes.route_cards(self._place_cards(), self.layout)

    def restore_items(self) -> None:
        self.snap_back()

    def set_view_zoom(self, zoom: float) -> None:
        """The view's zoom: card handles and the band that counts as "on an arrow" keep
        their size on screen (bounding rectangles change when the zoom halves or doubles)."""
        if not self.detached and self.style_.set_zoom(zoom):
            for kind in ("card", "connector"):
                for item in self.registry.of(kind).values():
                    item.zoom_changed()

    def connect_mode_changed(self, on: bool) -> None:
        self.style_.connecting = on  # the cross cursor over the whole of every card

    def set_visible_origin(self, origin: QPointF) -> None:
        """The view's top-left corner in scene coordinates: the headers stick to it."""
        if not self.detached:  # after detach the frame's items are gone with the rest
            self.frame.set_origin(origin)

    # =====================================================================================
    # look-ups used by the view, the collaborators and tests
    # =====================================================================================
    def card_item(self, card_id: str) -> CardItem:
        return self.registry.item("card", card_id)

    def connector_item(self, connector_id: str) -> ConnectorItem:
        return self.registry.item("connector", connector_id)

    def stage_header(self, stage_id: str) -> StageHeaderItem:
        return self.registry.item("stage", stage_id)

    def lane_header(self, lane_id: str) -> LaneHeaderItem:
        return self.registry.item("lane", lane_id)

    def card_items(self) -> dict[str, CardItem]:
        return dict(self.registry.of("card"))

    def connector_items(self) -> dict[str, ConnectorItem]:
        return dict(self.registry.of("connector"))

    def header_ids(self) -> tuple[list[str], list[str]]:
        return list(self.registry.of("stage")), list(self.registry.of("lane"))

    def emotion_item(self) -> EmotionItem:
        return self.frame.emotion

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

    def card_at(self, pos: QPointF) -> CardItem | None:
        card_id = self.entity_at(pos, "card")
        return None if card_id is None else self.card_item(card_id)

    def cell_at(self, pos: QPointF) -> tuple[str, str] | None:
        """The (stage, lane) cell under a scene point, or None (headers, emotion row, outside)."""
        hit = self.hit(pos)
        if hit in self.frame.overlays or (hit is not None and isinstance(hit, (StageHeaderItem, LaneHeaderItem))):
            return None
        cell = self.layout.cell_at(pos.x(), pos.y())
        if cell is None or cell[1] == EMOTION_ROW:
            return None
        return cell

    # =====================================================================================
    # selection
    # =====================================================================================
    def order_ids(self, kind: str, ids: list[str]) -> list[str]:
        """Selected cards in reading order (stage by stage, lane by lane)."""
        if kind != "card":
            return ids
        wanted = set(ids)
        return [c.id for c in self.map.cards_in_reading_order() if c.id in wanted]

    def selected_card_ids(self) -> list[str]:
        return self.selected_ids("card")

    def selected_connector_ids(self) -> list[str]:
        return self.selected_ids("connector")

    def note_focus(self, kind: str, entity_id: str) -> None:
        """The card the user last pressed: the inspector shows it within a multi-selection."""
        card = self.map.cards.get(entity_id) if kind == "card" else None
        if card is not None:
            self.point_at((card.stage_id, card.lane_id))
        super().note_focus(kind, entity_id)

    def set_card_selection(self, card_ids: Iterable[str]) -> None:
        self.set_selection("card", card_ids)

    def select_card(self, card_id: str) -> None:
        self.flush()
        if self.entity_item("card", card_id) is not None:
            self.selection.focus = card_id
            self.set_card_selection([card_id])
            card = self.map.cards[card_id]
            self.point_at((card.stage_id, card.lane_id))

    def select_all(self) -> None:
        self.set_card_selection(self.registry.of("card"))

    def _select_one(self, kind: str, entity_id: str) -> None:
        item = self.entity_item(kind, entity_id)
        if item is not None:
            self.select_items([item])

    def select_stage(self, stage_id: str) -> None:
        self._select_one("stage", stage_id)

    def select_lane(self, lane_id: str) -> None:
        self._select_one("lane", lane_id)

    def select_connector(self, connector_id: str) -> None:
        self._select_one("connector", connector_id)

    def point_at(self, cell: tuple[str, str], clicked: bool = False) -> None:
        """The cell the user pointed at last: where a paste goes (see `CardClipboard`)."""
        self.clipboard.point_at(cell, clicked)

    # =====================================================================================
    # editing through the undo stack
    # =====================================================================================
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
        self.editing.note_added(card.id, self.undo_stack.index())
        self.point_at((stage_id, lane_id))
        self.select_card(card.id)
        return card.id

    def add_card_and_edit(self, cell: tuple[str, str], order: int, kind: CardKind | None = None) -> str:
        """A new card at `order` in `cell` (of the lane's usual kind unless given), edited at once."""
        card_id = self.add_card(cell[0], cell[1], kind or self.kind_for_lane(cell[1]), "", order)
        if card_id:
            self.edit_card(card_id)
        return card_id

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
        axes = self.selected_ids("stage"), self.selected_ids("lane")
        operations += [ops.RemoveStage(self.map_id, stage_id) for stage_id in axes[0]]
        operations += [ops.RemoveLane(self.map_id, lane_id) for lane_id in axes[1]]
        if not operations:
            return
        if any(axes):
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
        self.point_at(cell)
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

    # -- in-place editing, keys, clipboard: the collaborators' commands --------------------
    def edit_card(self, card_id: str, initial: str | None = None) -> None:
        self.editing.edit_card(card_id, initial)

    def edit_selected_card(self) -> None:
        self.editing.edit_selected_card()

    def rename_stage(self, stage_id: str) -> None:
        self.editing.rename_stage(stage_id)

    def rename_lane(self, lane_id: str) -> None:
        self.editing.rename_lane(lane_id)

    def edit_connector_label(self, connector_id: str) -> None:
        self.editing.edit_connector_label(connector_id)

    def nudge_selection(self, key: int) -> bool:
        return self.keyboard.nudge_selection(key)

    def move_selection(self, key: int) -> str | None:
        return self.keyboard.move_selection(key)

    def copy_selection(self) -> None:
        self.clipboard.copy_selection()

    def cut_selection(self) -> None:
        self.clipboard.cut_selection()

    def paste(self, here: bool = False) -> None:
        self.clipboard.paste(here)

    def duplicate_selection(self) -> None:
        self.clipboard.duplicate_selection()

    # =====================================================================================
    # gestures: what starts them, and what they come to (GestureHost, GridHost)
    # =====================================================================================
    def start_gesture(self, hit: QGraphicsItem | None, event: QGraphicsSceneMouseEvent) -> Gesture | None:
        pos = event.scenePos()
        kind, entity_id = (self.registry.key_of(hit) if hit is not None else None) or ("", "")
        if kind == "card":
            if hit.is_on_handle(pos):  # within a few pixels of it: an arrow, never a card drag
                return ConnectDrag(self, kind, entity_id, hit, pos)
            return NodeDrag(self, kind, entity_id, hit, event)
        if kind == "stage" and hit.is_on_resize_edge(pos):
            return ColumnResize(self, entity_id, hit.width(), event)
        if kind in ("stage", "lane"):
            return HeaderDrag(self, kind, entity_id, hit, event)
        if kind == "connector":
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                hit.setSelected(not hit.isSelected())
            else:
                self.select_items([hit])
            return None
        button = self.frame.add_button_at(hit, pos)
        if button is not None:
            self.add_stage() if button == "stage" else self.add_lane()
            return None
        if hit in self.frame.overlays:
            self.clearSelection()
            return None
        emotion = self.frame.emotion
        if emotion.isVisible() and emotion.boundingRect().contains(pos):
            card_id = emotion.card_at(pos)
            if card_id is not None:
                self.select_card(card_id)  # a point on the curve stands for its card
                return None
        cell = self.layout.cell_at(pos.x(), pos.y())
        if cell is not None and cell[1] != EMOTION_ROW:
            self.point_at(cell, clicked=True)
        return RubberBand(self, "card", event)

    def hit(self, pos: QPointF) -> QGraphicsItem | None:
        """The diagram's hit, except that in the few pixels of grace round a card's handle,
        an arrow (which leaves from there) or another card's body (zoomed out, the handle
        reaches over the next column) is what the pointer means."""
        item = super().hit(pos)
        if isinstance(item, CardItem) and not (item.body_contains(pos) or item.is_on_handle_itself(pos)):
            return next((other for other in self.items(pos) if isinstance(other, ConnectorItem)
                         or (isinstance(other, CardItem) and other.body_contains(pos))), item)
        return item

    def double_click(self, hit: QGraphicsItem | None, pos: QPointF) -> None:
        kind, entity_id = (self.registry.key_of(hit) if hit is not None else None) or ("", "")
        if kind == "card":
            self.select_card(entity_id)
            self.edit_card(entity_id)
        elif kind == "connector":
            self.edit_connector_label(entity_id)
        elif kind == "stage":
            if hit.is_on_resize_edge(pos):
                self.resize_stage(entity_id, None)
            else:
                self.rename_stage(entity_id)
        elif kind == "lane":
            self.rename_lane(entity_id)
        elif hit is None:
            cell = self.cell_at(pos)
            if cell is not None:
                self.add_card_and_edit(cell, self.layout.insertion_order(*cell, pos.x(), pos.y()))

    def key_pressed(self, event) -> bool:
        return self.keyboard.handle(event)

    def context_menu(self, hit: QGraphicsItem | None, pos: QPointF) -> QMenu | None:
        return context_menu(self, hit, pos)

    def preview_drop(self, kind: str, ids: list[str], pos: QPointF) -> None:
        self.routes.follow(ids)  # the dragged cards' arrows follow with a quick route
        self.show_drop_target(pos, ids)

    def preview_connect(self, kind: str, source_id: str, target_id: str | None) -> None:
        if target_id is None:
            self.hide_drop_target()
        else:
            self.drop_target.show_around(self.card_item(target_id))

    def end_preview(self) -> None:
        self.hide_drop_target()

    def restore(self, kind: str, ids: list[str]) -> None:
        self.snap_back()

    def drop(self, kind: str, ids: list[str], anchor_id: str, pos: QPointF) -> bool:
        cell = self.layout.cell_at(pos.x(), pos.y())
        if cell is None or cell[1] == EMOTION_ROW:
            self.snap_back()
            return False
        return self.move_cards(ids, anchor_id, cell,
                               self.layout.insertion_order(*cell, pos.x(), pos.y(), ignore=ids))

    def connect(self, kind: str, source_id: str, target_id: str) -> bool:
        return bool(self.connect_cards(source_id, target_id))

    def axis_slots(self, axis: str) -> list[tuple[str, float, float]]:
        if axis == "stage":
            return [(c.stage_id, c.x, c.right) for c in self.layout.columns]
        return [(r.lane_id, r.y, r.bottom) for r in self.layout.rows if r.lane_id != EMOTION_ROW]

    def grid_size(self) -> tuple[float, float]:
        return self.layout.width, self.layout.height

    def column_span(self, stage_id: str) -> tuple[float, float] | None:
        column = self.layout.column(stage_id)
        return None if column is None else (column.x, column.width)

    # -- feedback while dragging --------------------------------------------------------------
    def show_drop_target(self, pos: QPointF, ignore: list[str]) -> None:
        self.drop_target.show_cell(self.layout, pos, ignore)

    def hide_drop_target(self) -> None:
        self.drop_target.hide()

    # -- drops from the palette ---------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802
        self._palette.enter(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        self._palette.move(event)

    def dragLeaveEvent(self, event) -> None:  # noqa: N802
        self._palette.leave(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        self._palette.drop(event)

    # -- teardown ---------------------------------------------------------------------------
    def detach(self) -> None:
        super().detach()
        self.routes.clear()


__all__ = ["CARDS_MIME", "CARD_KIND_MIME", "MapScene", "Rect"]

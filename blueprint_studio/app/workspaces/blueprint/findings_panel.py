"""The findings panel: where the shown map fails the customer, and what to fix first.

It lists `analysis.findings.map_findings` of the current map in groups — the critical
path, hand-offs, rework loops, gaps, waits, fail points and moment-of-truth candidates —
and follows edits a moment after the last one (a single-shot timer, so typing and
dragging never wait for the analysis). A click on a finding selects and reveals the
cards it names; two toggles mark the critical path and the loops on the canvas.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QRect, QSize, QTimer, Qt, Signal
from PySide6.QtGui import QAction, QFontMetrics
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QPushButton, QStyledItemDelegate, QToolButton, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from ....analysis.findings import MapFindings, map_findings
from ....analysis.gaps import GapRule
from ....analysis.moments import STATUS_NAMES, MomentOfTruth, moments_of_truth
from ....model.touchpoints import MomentStatus
from ....appearance import format_minutes
from ....canvas.highlights import Marked, chain_marks
from ....i18n import mark, tr
from ....i18n.labels import lane_name, line_name
from ....model.entities import ServiceMap
from ....naming import shortened

SETTLE_MS = 80  # after the last change: within ~100 ms, never on the keystroke path
CARD_IDS = Qt.ItemDataRole.UserRole
MOMENT = Qt.ItemDataRole.UserRole + 2  # (card id, status) on a moment-of-truth row

GAP_TITLES = {
    GapRule.STAGE_WITHOUT_CUSTOMER_ACTION: mark("Stages without a customer action"),
    GapRule.UNANSWERED_CUSTOMER_ACTION: mark("Customer actions nothing frontstage answers"),
    GapRule.UNSUPPORTED_FRONTSTAGE_STEP: mark("Frontstage steps with nothing backstage or in support behind them"),
    GapRule.UNCONNECTED_CARD: mark("Cards no arrow touches"),
    GapRule.STEP_WITHOUT_OWNER: mark("Steps with no owner"),
}


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped sentence at the panel's current width (a tree's own
    delegate measures one line and cuts the rest)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint(option, index)
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = self._tree.viewport().width() - self._tree.indentation() * (depth + 1) - 8
        if width <= 40:
            return hint
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        rect = QFontMetrics(font).boundingRect(QRect(0, 0, width, 100_000),
                                               int(Qt.TextFlag.TextWordWrap), text)
        return QSize(hint.width(), max(hint.height(), rect.height() + 6))


class FindingsPanel(QWidget):
    """The tree of findings; `cardsChosen` carries the card ids of a clicked finding."""

    cardsChosen = Signal(list)
    momentDecided = Signal(str, str)  # card id, MomentStatus value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        toggles = QHBoxLayout()
        self.path_button = QToolButton(objectName="highlightPathButton")
        self.loops_button = QToolButton(objectName="highlightLoopsButton")
        for button in (self.path_button, self.loops_button):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            toggles.addWidget(button)
        toggles.addStretch(1)
        layout.addLayout(toggles)
        self.summary = QLabel(objectName="findingsSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tree = QTreeWidget(objectName="findingsTree")
        self.tree.setHeaderHidden(True)
        self.tree.setItemDelegate(_WrappingDelegate(self.tree))
        # Findings are sentences: wrap them to the panel's width rather than cut them off.
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setUniformRowHeights(False)
        self.tree.header().setStretchLastSection(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A tree measures wrapped rows once; measure again when the panel's width changes.
        self._relayout = QTimer(self, singleShot=True, interval=0)
        self._relayout.timeout.connect(self.tree.doItemsLayout)
        self.tree.header().sectionResized.connect(lambda *_: self._relayout.start())
        self.tree.viewport().installEventFilter(self)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.tree.currentItemChanged.connect(lambda *_: self._sync_decision_buttons())
        layout.addWidget(self.tree, 1)
        # A moment of truth is confirmed or dismissed here, by button or key, for the row chosen.
        decisions = QHBoxLayout()
        self.confirm_button = QPushButton(objectName="confirmMomentButton")
        self.dismiss_button = QPushButton(objectName="dismissMomentButton")
        self.confirm_button.clicked.connect(lambda: self._decide(MomentStatus.CONFIRMED))
        self.dismiss_button.clicked.connect(lambda: self._decide(MomentStatus.DISMISSED))
        decisions.addWidget(self.confirm_button)
        decisions.addWidget(self.dismiss_button)
        layout.addLayout(decisions)
        self.retranslate()
        self._sync_decision_buttons()
        self._expanded: set[str] = set()
        self._keep_current: tuple[int, str] | None = None

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self._relayout.start()
        return False

    def retranslate(self) -> None:
        self.confirm_button.setText(tr("Confirm as Moment of Truth"))
        self.dismiss_button.setText(tr("Dismiss"))
        self.confirm_button.setToolTip(tr("Confirm the chosen candidate as a moment of truth"))
        self.dismiss_button.setToolTip(tr("Dismiss the chosen candidate; it is not proposed again"))

    def chosen_moment(self) -> tuple[str, str] | None:
        """(card id, status) of the moment-of-truth row that is current, if one is."""
        item = self.tree.currentItem()
        return item.data(0, MOMENT) if item is not None else None

    def _sync_decision_buttons(self) -> None:
        chosen = self.chosen_moment()
        self.confirm_button.setEnabled(bool(chosen) and chosen[1] != MomentStatus.CONFIRMED.value)
        self.dismiss_button.setEnabled(bool(chosen) and chosen[1] != MomentStatus.DISMISSED.value)

    def _decide(self, status: MomentStatus) -> None:
        chosen = self.chosen_moment()
        if chosen:
            self._keep_current = (MOMENT, chosen[0])
            self.momentDecided.emit(chosen[0], status.value)

    def use_actions(self, path: QAction, loops: QAction) -> None:
        self.path_button.setDefaultAction(path)
        self.loops_button.setDefaultAction(loops)

    def clear(self) -> None:
        self.tree.clear()
        self.summary.setText(tr("No map is shown."))

    def show_findings(self, service_map: ServiceMap, found: MapFindings) -> None:
        """Rebuild the tree, keeping open the groups the user had open."""
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            key = item.data(0, CARD_IDS + 1)
            (self._expanded.add if item.isExpanded() else self._expanded.discard)(key)
        self.tree.clear()
        groups = _groups(service_map, found)
        keep, self._keep_current = self._keep_current, None
        current = None
        for key, title, count, rows in groups:
            group = QTreeWidgetItem([f"{tr(title)} ({count})" if rows and count is not None else
                                     tr(title) if rows else f"{tr(title)} — {tr('none')}"])
            group.setData(0, CARD_IDS + 1, key)
            group.setData(0, CARD_IDS, sorted({i for row in rows for i in row[1]}))
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for row in rows:
                text, ids = row[0], row[1]
                child = QTreeWidgetItem([text])
                child.setData(0, CARD_IDS, list(ids))
                child.setToolTip(0, text)
                if len(row) > 2:  # a moment of truth: (card id, status)
                    child.setData(0, MOMENT, row[2])
                    if keep == (MOMENT, row[2][0]):
                        current = child
                group.addChild(child)
            self.tree.addTopLevelItem(group)
            group.setExpanded(bool(rows) and (key in self._expanded or key == "path"))
        self._relayout.start()
        if current is not None:  # the row just decided on stays chosen
            self.tree.setCurrentItem(current)
        self._sync_decision_buttons()
        self.summary.setText(tr("Gaps: {gaps} · Rework loops: {loops} · Fail points: {fails} · "
                                "Hand-offs: {hand_offs}").format(
            gaps=len(found.gaps), loops=len(found.rework_loops), fails=len(found.fail_points),
            hand_offs=len(found.hand_offs)))

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        ids = item.data(0, CARD_IDS) or []
        if ids:
            self.cardsChosen.emit(list(ids))


Rows = list[tuple]  # (text, card ids) or, for a moment of truth, (text, card ids, (card id, status))


def _groups(service_map: ServiceMap, found: MapFindings) -> list[tuple[str, str, int | None, Rows]]:
    """(key, title, how many it found, rows of (text, card ids)) in the order a trainer
    walks through them."""
    cards = service_map.cards

    def name(card_id: str) -> str:
        return shortened(cards[card_id].text, 60) or tr("(empty card)")

    def chain(ids) -> str:
        return " → ".join(name(i) for i in ids)

    stages = {stage.id: stage.name or tr("(untitled)") for stage in service_map.stages}
    lanes = {lane.id: lane_name(lane) for lane in service_map.lanes}
    moments = moments_of_truth(service_map)
    path = found.path
    path_rows: list[tuple[str, list[str]]] = []
    if path.cards:
        lead = (tr("From the first to the last customer action") if path.from_first_to_last else
                tr("No chain of arrows joins the first and the last customer action; the longest chain"))
        path_rows.append((tr("{lead}: {minutes} for one pass, {steps} steps").format(
            lead=lead, minutes=format_minutes(path.minutes) or "0 min", steps=len(path.cards)),
            list(path.cards)))
        path_rows += [(tr("+ {minutes} for each extra pass through the loop {steps}").format(
            minutes=format_minutes(loop.minutes_per_pass) or "0 min", steps=chain(loop.cards)),
            list(loop.cards)) for loop in path.loops]
        path_rows.append((chain(path.cards), list(path.cards)))
    hand_rows: list[tuple[str, list[str]]] = []
    by_stage: dict[str, list[str]] = {}
    for hand_off in found.hand_offs:
        connector = service_map.connectors[hand_off.connector_id]
        by_stage.setdefault(cards[connector.source_id].stage_id, []).extend(
            (connector.source_id, connector.target_id))
    for stage_id, count in found.hand_offs_per_stage.items():
        hand_rows.append((tr("{stage}: {count}").format(stage=stages[stage_id], count=count),
                          _unique(by_stage[stage_id])))
    for hand_off in found.deep_hand_offs:
        connector = service_map.connectors[hand_off.connector_id]
        hand_rows.append((tr("{source} → {target} (crosses {lines})").format(
            source=name(connector.source_id), target=name(connector.target_id),
            lines=", ".join(line_name(line) for line in hand_off.lines_crossed)),
            [connector.source_id, connector.target_id]))
    gap_rows: list[tuple[str, list[str]]] = []
    for rule, title in GAP_TITLES.items():
        of_rule = [gap for gap in found.gaps if gap.rule is rule]
        for gap in of_rule:
            if gap.card_id:
                gap_rows.append((f"{tr(title)}: {name(gap.card_id)} · {stages[gap.stage_id]}", [gap.card_id]))
            else:
                stage_cards = [c.id for c in service_map.cards_in_reading_order() if c.stage_id == gap.stage_id]
                gap_rows.append((f"{tr(title)}: {stages[gap.stage_id]}", stage_cards))
    return [
        ("path", mark("Critical path (duration + wait)"), None, path_rows),
        ("hand_offs", mark("Hand-offs across the lines"), len(found.hand_offs), hand_rows),
        ("loops", mark("Rework loops"), len(found.rework_loops),
         [(chain(loop), list(loop)) for loop in found.rework_loops]),
        ("gaps", mark("Gaps"), len(gap_rows), gap_rows),
        ("waits", mark("Waits, longest first"), len(found.waits),
         [(f"{format_minutes(minutes)} · {name(card_id)}", [card_id]) for card_id, minutes in found.waits]),
        ("fail_points", mark("Fail points"), len(found.fail_points),
         [(" · ".join(part for part in (name(c), stages[cards[c].stage_id], lanes[cards[c].lane_id],
                                         cards[c].owner.strip()) if part), [c]) for c in found.fail_points]),
        ("moments", mark("Moments of truth"), len(moments),
         [(_moment_text(moment, name(moment.card_id)), [moment.card_id],
           (moment.card_id, moment.status.value)) for moment in moments]),
    ]


def _moment_text(moment: MomentOfTruth, name: str) -> str:
    """"★ Confirmed · Check in — importance 4 · Staff training" and, below, why."""
    status = tr(STATUS_NAMES[moment.status])
    head = f"{'★ ' if moment.status is MomentStatus.CONFIRMED else ''}{status} · {name}"
    details = [tr("importance {value}").format(value=moment.importance) if moment.importance else "",
               moment.lever_name()]
    details = [part for part in details if part]
    return head + (" — " + " · ".join(details) if details else "") + "\n" + moment.reason_text()


def _unique(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


class FindingsController:
    """Keeps the panel and the canvas highlights in step with the shown map."""

    def __init__(self, panel: FindingsPanel, current_scene: Callable[[], object | None],
                 reveal: Callable[[list[str]], None], decide: Callable[[str, str], None]) -> None:
        self.panel = panel
        self._current_scene = current_scene
        self._timer = QTimer(panel)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self.refresh)
        self._path_action: QAction | None = None
        self._loops_action: QAction | None = None
        self.findings: MapFindings | None = None
        panel.cardsChosen.connect(reveal)
        panel.momentDecided.connect(decide)

    def use_actions(self, path: QAction, loops: QAction) -> None:
        self._path_action, self._loops_action = path, loops
        self.panel.use_actions(path, loops)

    def changed(self) -> None:
        """Something changed: look again once the edits settle."""
        self._timer.start()

    def refresh(self) -> None:
        self._timer.stop()
        scene = self._current_scene()
        if scene is None or scene.gone:
            self.findings = None
            self.panel.clear()
            return
        service_map = scene.map
        self.findings = map_findings(service_map)
        self.panel.show_findings(service_map, self.findings)
        self.sync_highlights()

    def sync_highlights(self) -> None:
        scene = self._current_scene()
        if scene is None or self.findings is None:
            return
        connectors = {(c.source_id, c.target_id): c.id for c in scene.map.connectors.values()}
        path = loops = None
        if self._path_action is not None and self._path_action.isChecked() and self.findings.path.cards:
            path = Marked(*map(frozenset, chain_marks(self.findings.path.cards, connectors)))
        if self._loops_action is not None and self._loops_action.isChecked():
            cards: set[str] = set()
            arrows: set[str] = set()
            for loop in self.findings.rework_loops:
                loop_cards, loop_arrows = chain_marks(loop, connectors, closed=True)
                cards |= loop_cards
                arrows |= loop_arrows
            loops = Marked(frozenset(cards), frozenset(arrows))
        scene.highlights.show(path, loops)

    def stop(self) -> None:
        self._timer.stop()

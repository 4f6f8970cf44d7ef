"""The importance–performance chart of the current map (View → Importance–Performance Chart,
actionShowIpaChart), and the import of survey responses into the open project
(File → Import → Survey Responses…, actionImportSurveyResponses).

The chart plots each rated touchpoint by performance (across) and importance (up), 1–5,
split at the means of the rated touchpoints (`analysis.ipa`) into the four quadrants with
their labels; each dot is named by its card, and a click on it selects the card on the map.
It follows the model's changes (a short pause after the last one) while it is open.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from .... import appearance
from ....analysis.ipa import QUADRANT_LABELS, TIE_RULE, IpaResult, Quadrant, map_ipa
from ....i18n import describe, tr
from ....model.errors import ModelError

QUADRANT_COLOURS = {
    Quadrant.CONCENTRATE_HERE: "#fde2e1",
    Quadrant.KEEP_UP_THE_GOOD_WORK: "#e0f2e4",
    Quadrant.LOW_PRIORITY: "#eeeeee",
    Quadrant.POSSIBLE_OVERKILL: "#fff3d6",
}
DOT_COLOURS = {
    Quadrant.CONCENTRATE_HERE: "#c62828",
    Quadrant.KEEP_UP_THE_GOOD_WORK: "#2e7d32",
    Quadrant.LOW_PRIORITY: "#616161",
    Quadrant.POSSIBLE_OVERKILL: "#b26a00",
}
LOW, HIGH = 1.0, 5.0
DOT_RADIUS = 6.0


def _short(text: str, limit: int = 22) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


@dataclass
class _Dot:
    card_id: str
    centre: QPointF


class IpaChart(QWidget):
    """The chart itself: quadrants, the means, dots named by their cards."""

    cardClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ipaChart")
        self.setMinimumSize(420, 360)
        self.setMouseTracking(True)
        self.result = IpaResult((), None, None)
        self.names: dict[str, str] = {}
        self.dots: list[_Dot] = []

    def set_result(self, result: IpaResult, names: dict[str, str]) -> None:
        self.result, self.names = result, names
        self.update()

    def plot_area(self) -> QRectF:
        return QRectF(56, 16, max(10.0, self.width() - 76), max(10.0, self.height() - 64))

    def to_point(self, performance: float, importance: float) -> QPointF:
        area = self.plot_area()
        x = area.left() + (performance - LOW) / (HIGH - LOW) * area.width()
        y = area.bottom() - (importance - LOW) / (HIGH - LOW) * area.height()
        return QPointF(x, y)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        area = self.plot_area()
        result = self.result
        mean_x = result.performance_mean if result.performance_mean is not None else 3.0
        mean_y = result.importance_mean if result.importance_mean is not None else 3.0
        split = self.to_point(mean_x, mean_y)
        quadrants = {
            Quadrant.CONCENTRATE_HERE: QRectF(area.topLeft(), QPointF(split.x(), split.y())),
            Quadrant.KEEP_UP_THE_GOOD_WORK: QRectF(QPointF(split.x(), area.top()), QPointF(area.right(), split.y())),
            Quadrant.LOW_PRIORITY: QRectF(QPointF(area.left(), split.y()), QPointF(split.x(), area.bottom())),
            Quadrant.POSSIBLE_OVERKILL: QRectF(split, area.bottomRight()),
        }
        label_font = QFont(self.font())
        label_font.setBold(True)
        label_font.setPointSizeF(self.font().pointSizeF() * 1.05)
        for quadrant, rect in quadrants.items():
            painter.fillRect(rect, QColor(QUADRANT_COLOURS[quadrant]))
        painter.setPen(QPen(QColor("#9e9e9e"), 1))
        painter.drawRect(area)
        # the means: dashed lines across
        painter.setPen(QPen(QColor("#555555"), 1.2, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(split.x(), area.top()), QPointF(split.x(), area.bottom()))
        painter.drawLine(QPointF(area.left(), split.y()), QPointF(area.right(), split.y()))
        # quadrant labels in their corners (outer corners, clear of the dots near the means)
        painter.setFont(label_font)
        painter.setPen(QColor("#37474f"))
        corner = {
            Quadrant.CONCENTRATE_HERE: Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            Quadrant.KEEP_UP_THE_GOOD_WORK: Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
            Quadrant.LOW_PRIORITY: Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            Quadrant.POSSIBLE_OVERKILL: Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
        }
        for quadrant, rect in quadrants.items():
            painter.drawText(area.adjusted(6, 4, -6, -4), int(corner[quadrant]), tr(QUADRANT_LABELS[quadrant]))
        # axes: ticks 1..5 and names
        painter.setFont(self.font())
        painter.setPen(QColor(appearance.MUTED_INK))
        metrics = QFontMetricsF(self.font())
        for value in range(1, 6):
            x = self.to_point(value, LOW).x()
            painter.drawText(QRectF(x - 10, area.bottom() + 2, 20, metrics.height()),
                             int(Qt.AlignmentFlag.AlignCenter), str(value))
            y = self.to_point(LOW, value).y()
            painter.drawText(QRectF(area.left() - 22, y - metrics.height() / 2, 16, metrics.height()),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), str(value))
        painter.drawText(QRectF(area.left(), area.bottom() + metrics.height() + 4, area.width(),
                                metrics.height()), int(Qt.AlignmentFlag.AlignCenter),
                         tr("Performance") + " →")
        painter.save()
        painter.translate(14, area.center().y())
        painter.rotate(-90)
        painter.drawText(QRectF(-area.height() / 2, -metrics.height() / 2, area.height(), metrics.height()),
                         int(Qt.AlignmentFlag.AlignCenter), tr("Importance") + " →")
        painter.restore()
        # the dots
        self.dots = []
        for point in result.points:
            centre = self.to_point(point.performance, point.importance)
            self.dots.append(_Dot(point.card_id, centre))
            painter.setPen(QPen(QColor("#ffffff"), 1.5))
            painter.setBrush(QColor(DOT_COLOURS[point.quadrant]))
            painter.drawEllipse(centre, DOT_RADIUS, DOT_RADIUS)
            painter.setPen(QColor("#212121"))
            name = _short(self.names.get(point.card_id, ""))
            width = metrics.horizontalAdvance(name)
            left = centre.x() + DOT_RADIUS + 3
            if left + width > area.right():
                left = centre.x() - DOT_RADIUS - 3 - width
            painter.drawText(QPointF(left, centre.y() + metrics.ascent() / 2 - 1), name)
        painter.end()

    def dot_at(self, pos: QPointF) -> str | None:
        best, best_distance = None, (DOT_RADIUS + 4) ** 2
        for dot in self.dots:
            distance = (dot.centre.x() - pos.x()) ** 2 + (dot.centre.y() - pos.y()) ** 2
            if distance <= best_distance:
                best, best_distance = dot.card_id, distance
        return best

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        card_id = self.dot_at(event.position())
        if card_id is not None and event.button() == Qt.MouseButton.LeftButton:
            self.cardClicked.emit(card_id)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        card_id = self.dot_at(event.position())
        self.setCursor(Qt.CursorShape.PointingHandCursor if card_id else Qt.CursorShape.ArrowCursor)
        if card_id:
            point = next(p for p in self.result.points if p.card_id == card_id)
            self.setToolTip(tr("{card}: importance {importance}, performance {performance} — {quadrant}").format(
                card=self.names.get(card_id, ""), importance=f"{point.importance:.2f}".rstrip("0").rstrip("."),
                performance=f"{point.performance:.2f}".rstrip("0").rstrip("."),
                quadrant=tr(QUADRANT_LABELS[point.quadrant])))
        else:
            self.setToolTip("")
        super().mouseMoveEvent(event)


class IpaChartDialog(QDialog):
    """A window beside the map with its importance–performance chart, kept up to date."""

    def __init__(self, workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ipaChartDialog")
        self.workspace = workspace
        self.setModal(False)
        layout = QVBoxLayout(self)
        self.chart = IpaChart(self)
        layout.addWidget(self.chart, 1)
        self.summary = QLabel()
        self.summary.setObjectName("ipaChartSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.chart.cardClicked.connect(self._select)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(100)  # recompute once edits pause, not on every keystroke
        self._timer.timeout.connect(self.refresh)
        self.resize(620, 520)

    @property
    def session(self):
        return self.workspace.session

    def schedule(self) -> None:
        if self.isVisible():
            self._timer.start()

    def refresh(self) -> None:
        project = self.session.project
        map_id = self.workspace.map_area.current_map_id()
        service_map = next((m for m in project.maps if m.id == map_id), None) if project else None
        if service_map is None:
            self.setWindowTitle(tr("Importance–Performance Chart"))
            self.chart.set_result(IpaResult((), None, None), {})
            self.summary.setText(tr("No map is shown."))
            return
        self.setWindowTitle(tr("Importance–Performance: {map}").format(map=service_map.name or tr("(unnamed map)")))
        result = map_ipa(service_map)
        self.chart.set_result(result, {card.id: card.text for card in service_map.cards.values()})
        if not result.points:
            self.summary.setText(tr("No touchpoint of this map has both an importance and a "
                                    "performance yet: rate them in a card's Evaluation tab, or "
                                    "import survey responses (File → Import)."))
            return
        self.summary.setText(tr("{count} touchpoints rated; quadrants split at the means: "
                                "importance {importance}, performance {performance}. {rule} "
                                "Click a dot to select its card.").format(
            count=len(result.points), importance=f"{result.importance_mean:.2f}",
            performance=f"{result.performance_mean:.2f}", rule=tr(TIE_RULE)))

    def _select(self, card_id: str) -> None:
        self.session.reveal("card", card_id)

    def retranslate(self) -> None:
        self.refresh()


def import_survey_responses(workspace) -> None:
    """Ask for a survey export (CSV) and add its responses to the project: one undo step."""
    from ...file_ops import CSV_FILTER, ask_open_path

    path = ask_open_path(workspace.session, tr("Import Survey Responses"), CSV_FILTER)
    if path:
        import_survey_path(workspace.session, path)


def import_survey_path(session, path: str) -> bool:
    from ....commands import push_operation
    from ....interchange import InterchangeError
    from ....interchange.csv_format import decode_csv_bytes
    from ....interchange.files import read_bytes
    from ....interchange.metrics_csv import survey_operations
    from ...dialogs import show_error

    project = session.project
    if project is None:
        return False
    session.commit_pending()
    try:
        read = survey_operations(project, decode_csv_bytes(read_bytes(path)))
        push_operation(session.undo_stack, project, read.batch, tr("Import survey responses"))
    except (InterchangeError, OSError, ModelError) as error:
        show_error(session.dialog_parent(), tr("Could not import the survey responses"), describe(error))
        return False
    text = tr("Added {count} survey responses about {cards} cards.").format(
        count=read.responses, cards=read.cards)
    if read.skipped:
        text += " " + tr("Skipped {count} rows without a score.").format(count=read.skipped)
    session.show_message(text)
    return True


__all__ = ["IpaChart", "IpaChartDialog", "import_survey_path", "import_survey_responses"]

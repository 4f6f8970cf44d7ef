"""What floats over the workspace: the presentation's caption and pointer highlight, and the
workshop timer's countdown (shown while a timer is set, presenting or not).

Both are children of the window's workspace stack and follow its size; the caption and the
pointer never take the mouse (clicks reach the map), the timer takes clicks (pause, resume).
Sizes follow the height of the area, so they read from the back row on any projector.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEasingCurve, QEvent, QObject, QPoint, QPointF, QRect, QRectF, Qt, QTimer, QVariantAnimation, Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QRadialGradient
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from ...canvas.presentation import caption_room
from ...i18n import tr
from .timer import FINISHED, IDLE, PAUSED, WorkshopTimer

CAPTION_INK = QColor("#ffffff")
CAPTION_FILL = QColor(15, 20, 28, 170)
POINTER_CORE = QColor(255, 64, 32, 190)
POINTER_EDGE = QColor(255, 120, 40, 0)
TIMER_FILL = QColor(15, 20, 28, 215)
TIMER_PAUSED_FILL = QColor(70, 78, 90, 225)
TIMER_END_FILL = QColor("#e65100")
MESSAGE_MS = 3000
MIN_ROOM = 130        # pixels beside the map from which the timer goes there
MIN_DIGITS = 52.0     # the smallest countdown digits while presenting (pixels)


def _font(pixels: float, bold: bool = False) -> QFont:
    font = QFont(QApplication.font())
    font.setPixelSize(max(8, int(round(pixels))))
    font.setBold(bold)
    return font


class _Follower(QObject):
    """Keeps a widget over the whole of its parent (and above its siblings)."""

    def __init__(self, widget: QWidget, place) -> None:
        super().__init__(widget)
        self._widget, self._place = widget, place
        widget.parentWidget().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.ChildAdded):
            self._place()
        return False


class PresentationOverlay(QWidget):
    """The caption ("Stage 3 of 7 · Check-in"), a short note, and the pointer highlight."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("presentationOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.caption = ""
        self.message = ""
        self.pointer: QPoint | None = None
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self._clear_message)
        self._follower = _Follower(self, self._place)
        self.hide()

    def _place(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.raise_()

    # -- what it shows ----------------------------------------------------------------------
    def set_caption(self, text: str) -> None:
        if text != self.caption:
            self.caption = text
            self.update()

    def show_message(self, text: str) -> None:
        self.message = text
        self._message_timer.start(MESSAGE_MS)
        self.update()

    def _clear_message(self) -> None:
        self.message = ""
        self.update()

    def pointer_radius(self) -> float:
        return max(22.0, self.height() * 0.045)

    def set_pointer(self, pos: QPoint | None) -> None:
        """Where the pointer highlight is (in this widget's coordinates), or None."""
        if pos == self.pointer:
            return
        reach = int(self.pointer_radius()) + 3
        for old in (self.pointer, pos):
            if old is not None:
                self.update(QRect(old.x() - reach, old.y() - reach, 2 * reach, 2 * reach))
        self.pointer = QPoint(pos) if pos is not None else None

    def caption_rect(self) -> QRectF:
        """Where the caption pill is drawn: in the strip the fitted map leaves free below it."""
        room = caption_room(self.height())
        metrics = QFontMetrics(_font(self._caption_pixels()))
        height = room * 0.78
        width = metrics.horizontalAdvance(self.caption) + height
        return QRectF(room * 0.4, self.height() - room + (room - height) / 2, width, height)

    def _caption_pixels(self) -> float:
        return caption_room(self.height()) * 0.42

    # -- painting -------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self.caption:
            self._pill(painter, self.caption_rect(), self.caption, _font(self._caption_pixels()))
        if self.message:
            pixels = self._caption_pixels() * 1.25
            font = _font(pixels, bold=True)
            metrics = QFontMetrics(font)
            width = metrics.horizontalAdvance(self.message) + 2 * pixels
            height = metrics.height() + pixels
            rect = QRectF((self.width() - width) / 2, self.height() * 0.42, width, height)
            self._pill(painter, rect, self.message, font)
        if self.pointer is not None:
            radius = self.pointer_radius()
            centre = QPointF(self.pointer)
            gradient = QRadialGradient(centre, radius)
            gradient.setColorAt(0.0, POINTER_CORE)
            gradient.setColorAt(0.45, QColor(POINTER_CORE.red(), POINTER_CORE.green(), POINTER_CORE.blue(), 120))
            gradient.setColorAt(1.0, POINTER_EDGE)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(gradient)
            painter.drawEllipse(centre, radius, radius)

    @staticmethod
    def _pill(painter: QPainter, rect: QRectF, text: str, font: QFont) -> None:
        path = QPainterPath()
        path.addRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.fillPath(path, CAPTION_FILL)
        painter.setFont(font)
        painter.setPen(CAPTION_INK)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


class TimerBadge(QWidget):
    """The countdown: large digits in the corner, a gentle pulse and a beep at the end.
    A click pauses or resumes it (after the end: hides it); a right-click offers the rest."""

    clicked = Signal()

    def __init__(self, timer: WorkshopTimer, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("workshopTimer")
        self.timer = timer
        self.presenting = False
        self.room = 0          # free pixels right of the presented map: the timer fits in there
        self.menu_actions: list = []
        self._pulse = 0.0
        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setDuration(1400)
        self._animation.setLoopCount(4)
        self._animation.setEasingCurve(QEasingCurve.Type.InOutSine)
        self._animation.valueChanged.connect(self._on_pulse)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._follower = _Follower(self, self._place)
        timer.changed.connect(self._on_changed)
        timer.finished.connect(self._on_finished)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.setToolTip(tr("Workshop timer: click to pause or resume, right-click for more"))

    # -- where and how large -------------------------------------------------------------------
    def digit_pixels(self) -> float:
        height = self.parentWidget().height()
        if not self.presenting:
            return max(40.0, height * 0.06)
        large = max(72.0, height * 0.12)
        if self.room >= MIN_ROOM:
            # Into the dark margin beside the map, as large as it goes there (not smaller
            # than can be read from the back row): the map stays uncovered.
            metrics = QFontMetrics(_font(100, bold=True))
            per_pixel = (metrics.horizontalAdvance(self._widest()) + 50) / 100
            available = self.room - 2 * self._margin()
            return max(MIN_DIGITS, min(large, available / per_pixel))
        return large

    def _widest(self) -> str:
        return "0:00:00" if self.timer.duration_ms >= 3_600_000 else "00:00"

    def _margin(self) -> int:
        return int(max(10, self.parentWidget().height() * 0.02))

    def set_presenting(self, on: bool) -> None:
        self.presenting = on
        self._place()

    def set_room(self, pixels: int) -> None:
        if pixels != self.room:
            self.room = pixels
            self._place()

    def _sizes(self) -> tuple[QFont, QFont, int, int]:
        digits = _font(self.digit_pixels(), bold=True)
        small = _font(self.digit_pixels() * 0.28, bold=True)
        metrics, small_metrics = QFontMetrics(digits), QFontMetrics(small)
        width = max(metrics.horizontalAdvance(self._widest()), metrics.horizontalAdvance(self.timer.text()))
        width = int(width + self.digit_pixels() * 0.5)
        height = int(metrics.height() + small_metrics.height() + self.digit_pixels() * 0.2)
        return digits, small, width, height

    def _place(self) -> None:
        parent = self.parentWidget()
        _digits, _small, width, height = self._sizes()
        margin = self._margin()
        y = parent.height() - height - margin if self.presenting else margin
        self.setGeometry(parent.width() - width - margin, y, width, height)
        self.raise_()

    # -- following the timer ---------------------------------------------------------------------
    def _on_changed(self) -> None:
        if self.timer.state == IDLE:
            self._animation.stop()
            self._pulse = 0.0
            self.hide()
            return
        if self.timer.state != FINISHED:
            self._animation.stop()
            self._pulse = 0.0
        if not self.isVisible():
            self._place()
            self.show()
        self.update()

    def _on_finished(self) -> None:
        self._animation.start()
        QApplication.beep()
        self.update()

    def _on_pulse(self, value) -> None:
        self._pulse = float(value)
        self.update()

    def pulsing(self) -> bool:
        return self._animation.state() == QVariantAnimation.State.Running

    def status_text(self) -> str:
        if self.timer.state == FINISHED:
            return tr("Time's up")
        if self.timer.state == PAUSED:
            return tr("Paused")
        return tr("Timer")

    # -- painting and clicks --------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        digits, small, _width, _height = self._sizes()
        state = self.timer.state
        if state == FINISHED:
            # A slow breath between the end colour and a lighter one: noticed, not alarming.
            fill = QColor(TIMER_END_FILL)
            fill = fill.lighter(100 + int(35 * (1 - abs(2 * self._pulse - 1)))) if self.pulsing() else fill
        else:
            fill = TIMER_PAUSED_FILL if state == PAUSED else TIMER_FILL
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        path = QPainterPath()
        radius = self.digit_pixels() * 0.18
        path.addRoundedRect(rect, radius, radius)
        painter.fillPath(path, fill)
        small_height = QFontMetrics(small).height()
        painter.setPen(QColor("#ffffff"))
        painter.setFont(small)
        painter.drawText(rect.adjusted(0, self.digit_pixels() * 0.08, 0, 0),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self.status_text())
        painter.setFont(digits)
        painter.drawText(rect.adjusted(0, small_height, 0, 0), Qt.AlignmentFlag.AlignCenter, self.timer.text())

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            if self.timer.state == FINISHED:
                self.timer.stop()
            else:
                self.timer.toggle_pause()
            self.clicked.emit()
            event.accept()
            return
        super().mousePressEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self.menu_actions:
            return
        menu = QMenu(self)
        for action in self.menu_actions:
            menu.addAction(action) if action is not None else menu.addSeparator()
        menu.exec(event.globalPos())
        event.accept()


__all__ = ["PresentationOverlay", "TimerBadge"]

"""The workshop timer: a monotonic countdown, its display in the window and in presentation
mode, and the gentle signal at the end. Short durations and `qtbot.waitUntil` drive it."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QTimer, Qt
from PySide6.QtWidgets import QApplication

from blueprint_studio.app.document import Document
from blueprint_studio.app.main_window import MainWindow
from blueprint_studio.app.presentation.timer import (
    FINISHED, IDLE, PAUSED, RUNNING, WorkshopTimer, parse_duration,
)
from blueprint_studio.app.presentation.timer_dialog import TimerDialog
from blueprint_studio.app.settings import AppSettings
from blueprint_studio.app.theme import apply_theme
from blueprint_studio.templates import build_template


@pytest.fixture
def timer(qapp):
    made = WorkshopTimer()
    yield made
    made.stop()
    made.deleteLater()


@pytest.fixture
def window(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("BLUEPRINT_STUDIO_CONFIG_DIR", str(tmp_path / "config"))
    apply_theme(qapp)
    made = MainWindow(AppSettings())
    made.set_document(Document(build_template("hotel_stay", "en"), recovery=made.recovery))
    made.resize(1280, 720)
    made.show()
    QApplication.setActiveWindow(made)
    QCoreApplication.processEvents()
    yield made
    if made.actions["actionPresentation"].isChecked():
        made.actions["actionPresentation"].setChecked(False)
    made.hide()
    made.teardown()
    made.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def spin(ms: int) -> None:
    """Let the event loop run for `ms` (the timer's own timers fire)."""
    clock = QElapsedTimer()
    clock.start()
    while clock.elapsed() < ms:
        QCoreApplication.processEvents()
        time.sleep(0.005)


# -- the countdown ---------------------------------------------------------------------------

def test_it_counts_down_and_ends_on_time(qtbot, timer):
    ended: list[int] = []
    clock = QElapsedTimer()
    timer.finished.connect(lambda: ended.append(clock.elapsed()))
    clock.start()
    timer.start(400)
    assert timer.state == RUNNING and 0 < timer.remaining_ms() <= 400
    spin(150)
    assert 0 < timer.remaining_ms() < 300   # counting down
    qtbot.waitUntil(lambda: timer.state == FINISHED, timeout=3000)
    assert len(ended) == 1 and ended[0] >= 390   # never early
    assert timer.remaining_ms() == 0 and timer.text() == "0:00"
    spin(250)
    assert len(ended) == 1   # once


def test_the_clock_is_monotonic_not_a_count_of_ticks(qtbot, timer):
    """A busy event loop (a long repaint, a blocked call) misses ticks; the time is still right."""
    timer.start(300)
    time.sleep(0.45)    # no event loop at all for longer than the whole countdown
    assert timer.remaining_ms() == 0
    QCoreApplication.processEvents()
    qtbot.waitUntil(lambda: timer.state == FINISHED, timeout=1000)


def test_pause_stops_the_clock_and_resume_goes_on(qtbot, timer):
    timer.start(1000)
    spin(100)
    timer.pause()
    assert timer.state == PAUSED
    left = timer.remaining_ms()
    time.sleep(0.3)
    spin(50)
    assert timer.remaining_ms() == left and timer.state == PAUSED   # paused time does not count
    clock = QElapsedTimer()
    clock.start()
    timer.toggle_pause()
    assert timer.state == RUNNING
    qtbot.waitUntil(lambda: timer.state == FINISHED, timeout=3000)
    assert clock.elapsed() >= left - 15


def test_reset_goes_back_to_the_full_time_and_stop_hides_it(timer):
    timer.start(5000)
    spin(120)
    assert timer.remaining_ms() < 5000
    timer.reset()
    assert timer.state == PAUSED and timer.remaining_ms() == 5000 and timer.text() == "0:05"
    timer.resume()
    assert timer.state == RUNNING
    timer.stop()
    assert timer.state == IDLE and timer.remaining_ms() == 0


def test_a_new_start_replaces_the_countdown_and_nonsense_is_refused(timer):
    timer.start(60_000)
    timer.start(90_000)
    assert timer.duration_ms == 90_000 and timer.text() == "1:30"
    for bad in (0, -5, 25 * 3600 * 1000):
        with pytest.raises(ValueError):
            timer.start(bad)


def test_the_display_rounds_up_to_whole_seconds(timer):
    timer.start(3_600_000 + 2 * 60_000 + 30_000)
    assert timer.text() == "1:02:30"
    timer.start(599_500)
    assert timer.text() == "10:00"   # 9:59.5 left shows 10:00: 0:00 only at the very end


@pytest.mark.parametrize("typed, ms", [
    ("10", 600_000), ("7:30", 450_000), ("2.5", 150_000), ("90s", 90_000), ("1h", 3_600_000),
    ("1:15:00", 4_500_000), ("25 min", 1_500_000), ("5分钟", 300_000), ("3：00", 180_000),
    ("", None), ("abc", None), ("0", None), ("-3", None), ("30:00:00", None), ("1:2:3:4", None),
])
def test_what_a_trainer_types_is_understood(typed, ms):
    assert parse_duration(typed) == ms


# -- in the window -----------------------------------------------------------------------------

def test_the_timer_shows_in_the_window_and_signals_the_end(qtbot, window, monkeypatch):
    beeps: list[int] = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    badge = window.presentation.timer_badge
    assert not badge.isVisible()
    assert not window.actions["actionTimerPause"].isEnabled()
    window.presentation.start_timer(600)
    assert badge.isVisible() and badge.digit_pixels() >= 40   # large in the normal window too
    assert badge.geometry().right() <= window.stack.width() and badge.geometry().top() < 60
    assert window.actions["actionTimerPause"].isEnabled()
    qtbot.waitUntil(lambda: window.presentation.timer.state == FINISHED, timeout=3000)
    assert beeps == [1]
    assert badge.isVisible() and badge.pulsing() and badge.status_text() == "Time's up"
    qtbot.mouseClick(badge, Qt.MouseButton.LeftButton)   # a click after the end: it goes away
    assert window.presentation.timer.state == IDLE and not badge.isVisible()


def test_a_click_on_the_timer_pauses_and_resumes(qtbot, window):
    timer, badge = window.presentation.timer, window.presentation.timer_badge
    window.presentation.start_timer(60_000)
    qtbot.mouseClick(badge, Qt.MouseButton.LeftButton)
    assert timer.state == PAUSED and window.actions["actionTimerPause"].isChecked()
    assert badge.status_text() == "Paused"
    qtbot.mouseClick(badge, Qt.MouseButton.LeftButton)
    assert timer.state == RUNNING and not window.actions["actionTimerPause"].isChecked()
    window.actions["actionTimerReset"].trigger()
    assert timer.state == PAUSED and timer.remaining_ms() == 60_000
    window.actions["actionTimerStop"].trigger()
    assert timer.state == IDLE and not badge.isVisible()


def test_the_timer_runs_on_while_presenting_larger_and_t_pauses_it(qtbot, window):
    timer, badge = window.presentation.timer, window.presentation.timer_badge
    window.actions["actionTimer10"].trigger()
    assert timer.state == RUNNING and timer.duration_ms == 600_000
    normal = badge.digit_pixels()
    window.actions["actionPresentation"].setChecked(True)
    qtbot.waitUntil(lambda: window.isFullScreen())
    assert badge.isVisible() and badge.digit_pixels() > normal and badge.digit_pixels() >= 72
    qtbot.waitUntil(lambda: badge.geometry().bottom() > window.stack.height() * 0.7)  # out of the way
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_T)
    assert timer.state == PAUSED
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_T)
    assert timer.state == RUNNING
    window.actions["actionPresentation"].setChecked(False)
    assert timer.state == RUNNING and badge.isVisible() and badge.digit_pixels() == normal


def test_the_dialog_starts_a_preset_or_a_typed_time_and_remembers_it(qtbot, window):
    def answer(choose):
        def poll() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, TimerDialog):
                QTimer.singleShot(10, poll)
                return
            choose(dialog)
        QTimer.singleShot(0, poll)

    answer(lambda dialog: dialog.findChild(type(dialog.start_button), "timerPreset15").click())
    window.actions["actionTimerStart"].trigger()
    assert window.presentation.timer.duration_ms == 15 * 60_000

    def typed(dialog) -> None:
        assert dialog.edit.text() == "15"   # the last duration is offered again
        dialog.edit.setText("nonsense")
        assert not dialog.start_button.isEnabled() and dialog.problem.text()
        dialog.edit.setText("7:30")
        dialog.start_button.click()

    answer(typed)
    window.actions["actionTimerStart"].trigger()
    assert window.presentation.timer.duration_ms == 450_000
    assert AppSettings().number("timer_minutes", 0) == pytest.approx(7.5)

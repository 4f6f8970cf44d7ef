"""The workshop timer: a countdown for exercises ("10 minutes for the customer lane").

Time is read from a monotonic clock (`QElapsedTimer`), never counted in ticks: a busy event
loop, a laptop that slept or a slow repaint cannot make the exercise longer. The tick timer
only asks the display to show the time again; a single-shot timer set to the remaining time
ends the countdown on time.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, Signal

IDLE, RUNNING, PAUSED, FINISHED = "idle", "running", "paused", "finished"
TICK_MS = 200
MAX_MS = 24 * 60 * 60 * 1000   # a day: anything longer is a typing mistake


class WorkshopTimer(QObject):
    changed = Signal()    # state or shown time changed (about five times a second while running)
    finished = Signal()   # the time is up

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = IDLE
        self.duration_ms = 0
        self._used_ms = 0                 # time counted before the last resume
        self._clock = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        self._end = QTimer(self)
        self._end.setSingleShot(True)
        self._end.setTimerType(Qt.TimerType.PreciseTimer)
        self._end.timeout.connect(self._on_tick)

    # -- commands ----------------------------------------------------------------------------
    def start(self, duration_ms: int) -> None:
        """Count down from `duration_ms` (a new start replaces a countdown under way)."""
        duration_ms = int(duration_ms)
        if not 0 < duration_ms <= MAX_MS:
            raise ValueError(f"a timer runs for more than 0 ms and at most a day, not {duration_ms} ms")
        self.duration_ms = duration_ms
        self._used_ms = 0
        self._run()

    def pause(self) -> None:
        if self.state == RUNNING:
            self._used_ms += self._clock.elapsed()
            self._stop_clocks()
            self.state = PAUSED
            self.changed.emit()

    def resume(self) -> None:
        if self.state == PAUSED:
            self._run()

    def toggle_pause(self) -> None:
        self.pause() if self.state == RUNNING else self.resume()

    def reset(self) -> None:
        """Back to the full duration, waiting (paused) to be resumed; after the end too."""
        if self.state == IDLE:
            return
        self._stop_clocks()
        self._used_ms = 0
        self.state = PAUSED
        self.changed.emit()

    def stop(self) -> None:
        """No timer any more (its display goes away)."""
        self._stop_clocks()
        self._used_ms = 0
        self.state = IDLE
        self.changed.emit()

    # -- reading ---------------------------------------------------------------------------------
    def elapsed_ms(self) -> int:
        running = self._clock.elapsed() if self.state == RUNNING and self._clock.isValid() else 0
        return min(self.duration_ms, self._used_ms + running)

    def remaining_ms(self) -> int:
        if self.state in (IDLE, FINISHED):
            return 0
        return max(0, self.duration_ms - self.elapsed_ms())

    def text(self) -> str:
        """"9:59", "1:02:30"; whole seconds rounded up (it shows 0:00 only at the end)."""
        seconds = math.ceil(self.remaining_ms() / 1000)
        hours, rest = divmod(seconds, 3600)
        minutes, seconds = divmod(rest, 60)
        return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"

    # -- inside ------------------------------------------------------------------------------------
    def _run(self) -> None:
        self._clock.start()
        self.state = RUNNING
        self._tick.start()
        self._end.start(max(0, self.duration_ms - self._used_ms))
        self.changed.emit()

    def _stop_clocks(self) -> None:
        self._tick.stop()
        self._end.stop()
        self._clock.invalidate()

    def _on_tick(self) -> None:
        if self.state != RUNNING:
            return
        if self.duration_ms - self.elapsed_ms() <= 0:
            self._stop_clocks()
            self._used_ms = self.duration_ms
            self.state = FINISHED
            self.changed.emit()
            self.finished.emit()
            return
        if not self._end.isActive():   # woken early (a coarse platform timer): wait the rest
            self._end.start(max(1, self.duration_ms - self.elapsed_ms()))
        self.changed.emit()


def parse_duration(text: str) -> int | None:
    """Milliseconds for what a trainer types: "10" (minutes), "7:30", "2.5", "90s", "1h",
    "1:15:00"; None when it is not a duration."""
    text = text.strip().lower().replace("，", ",").replace("：", ":").replace(",", ".")
    if not text:
        return None
    try:
        if ":" in text:
            parts = [float(p) if p else 0.0 for p in text.split(":")]
            if len(parts) > 3 or any(p < 0 for p in parts):
                return None
            seconds = 0.0
            for part in parts:   # m:ss or h:mm:ss
                seconds = seconds * 60 + part
        else:
            units = {"h": 3600, "小时": 3600, "m": 60, "min": 60, "分": 60, "分钟": 60,
                     "s": 1, "sec": 1, "秒": 1}
            for unit in sorted(units, key=len, reverse=True):
                if text.endswith(unit):
                    seconds = float(text[: -len(unit)].strip()) * units[unit]
                    break
            else:
                seconds = float(text) * 60
    except ValueError:
        return None
    ms = int(round(seconds * 1000))
    return ms if 0 < ms <= MAX_MS else None


__all__ = ["FINISHED", "IDLE", "PAUSED", "RUNNING", "WorkshopTimer", "parse_duration"]

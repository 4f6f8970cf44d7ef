"""Guards against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 on CPython 3.11 dropped a reference to None on every void C++ call and to
True on every Signal.emit(); after a few thousand calls Python aborted ("none_dealloc").
pyproject.toml excludes it; this test fails loudly if such a version comes back.
"""

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QGraphicsRectItem


class _Emitter(QObject):
    fired = Signal(int)


def test_qt_calls_keep_reference_counts_of_none_and_true(qapp):
    item = QGraphicsRectItem(0, 0, 10, 10)
    emitter = _Emitter()
    received: list[int] = []
    emitter.fired.connect(received.append)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for step in range(3000):
        item.setPos(step, 0)
        emitter.fired.emit(step)
    # Other code may create or drop a few references meanwhile; a leak is one per call.
    assert abs(sys.getrefcount(None) - none_before) < 500
    assert abs(sys.getrefcount(True) - true_before) < 500
    assert len(received) == 3000

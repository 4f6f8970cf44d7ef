"""Keep Python alive under PySide6 6.12 on CPython 3.11.

PySide6 6.12 drops one reference to `None` on every call of a C++ function that returns
nothing (setPos, setText, a painted item, ...). From CPython 3.12 on, None is immortal and
this is harmless; on 3.11 None's count reaches zero after a few thousand calls and Python
aborts with "Fatal Python error: none_dealloc" - mid-session or at exit (code 134).
We give None a reference count no session can use up. Nothing else is touched.
"""

from __future__ import annotations

import sys

_RESERVE = 1 << 60


def keep_none_alive() -> bool:
    """Return True when the guard was needed and applied (idempotent)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    import ctypes

    # True as well: every Signal.emit() from Python drops a reference to the True it returns.
    applied = False
    for singleton in (None, True, False):
        before = sys.getrefcount(singleton)
        if before > _RESERVE // 2:
            applied = True  # already applied
            continue
        count = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt: first field of PyObject
        if abs(count.value - before) > 16:  # getrefcount counts its own temporary references
            return applied  # an unusual build layout: leave it alone
        count.value += _RESERVE
        applied = True
    return applied

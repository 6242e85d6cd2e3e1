"""Workarounds for bugs in the Qt for Python release we pin, each naming what it works around.

PySide6/shiboken6 6.12 on Python 3.11: every Qt call that hands `None`, `True` or `False` back to
Python (a null pointer such as `QApplication.activeModalWidget()`, an invalid QVariant such as
`QComboBox.itemData(-1)` or `QObject.property("unset")`) returns the singleton without taking a
reference, so each call drops one reference that was never given. Python 3.12+ made these objects
immortal, which hides the bug there; on 3.11 the count reaches zero after a few thousand calls and
the interpreter aborts ("Fatal Python error: none_dealloc" / "bool_dealloc"), measured here within
200 keystrokes of portfolio search. Measured in tests/ui/test_qtcompat.py.

The fix does what 3.12 does: give those singletons a reference count so large that no session can
exhaust it. They are never freed in any case, so the only effect is that they cannot be freed by
mistake.
"""

from __future__ import annotations

import ctypes
import sys

# 2**40 stray decrements would take days of continuous calls; far below Py_ssize_t's limit.
_RESERVE = 1 << 40


def protect_singletons() -> bool:
    """Make None, True and False effectively immortal on CPython < 3.12; True if it was applied."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt is PyObject's first field
        if refcount.value < _RESERVE:
            refcount.value += _RESERVE
    return True

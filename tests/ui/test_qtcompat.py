"""The workaround for shiboken6 6.12 dropping references to None/True/False on Python 3.11."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import sys
{setup}
from PySide6.QtWidgets import QApplication, QLineEdit
app = QApplication([])
edit = QLineEdit()
for _ in range(60_000):  # each call returns None/False without a reference on 3.11
    QApplication.activeModalWidget()
    edit.property("no-such-property")
    edit.isReadOnly()
print("survived")
"""


def run_probe(setup: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", PROBE.format(setup=setup)], capture_output=True, text=True,
                          check=False, timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})


def test_many_qt_calls_returning_none_or_false_do_not_abort_the_app() -> None:
    result = run_probe("import shelter_app.ui")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived" in result.stdout


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="Python 3.12+ has immortal singletons: no bug to show")
def test_without_the_workaround_the_pinned_qt_aborts() -> None:
    """Keeps the workaround honest: when an upgrade fixes the bug, this fails and the hack can go."""
    result = run_probe("")
    assert result.returncode != 0
    assert "_dealloc" in result.stderr

"""Client mode killed while it autosaves: the draft always reopens, with at most a couple of seconds of typing lost.

The real entry (`shelter_app.app.main` on the package, what a double-click runs) types a character every 20 ms
into the legal name, so autosaves keep landing; it is killed with SIGKILL at a random moment, then started
again, six times. After each kill the draft must be readable and the database file sound."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from shelter_app import paths
from shelter_app.services import form_drafts
from tests.support.faultfigures import record
from tests.support.survivors import sound_database
from tests.ui.test_client_mode import key, write_package  # noqa: F401  (the fixture and the package writer)

pytestmark = pytest.mark.faults
ROOT = Path(__file__).resolve().parents[2]
KILLS = 6

TYPING_CLIENT = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QEvent, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from shelter_app.app import main

    said = []

    def step():
        windows = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "ClientWindow"]
        view = windows[0].view if windows else None
        if view is not None:
            edit = view.question_widget("legal_name").edit
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(edit, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, "ñ"))
            if not said:
                said.append(True)
                print("TYPING", flush=True)
        QTimer.singleShot(20, step)

    QTimer.singleShot(0, step)
    sys.exit(main([sys.argv[1]]))
""")


def test_a_client_killed_while_typing_always_reopens_its_draft(key: Any, tmp_path: Path) -> None:  # noqa: F811
    source = tmp_path / "intake.sdform"
    write_package(source, key)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    rng = random.Random(7)
    unreadable = 0
    lengths: list[int] = []
    for _ in range(KILLS):
        with subprocess.Popen([sys.executable, "-c", TYPING_CLIENT, str(source)], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
            assert process.stdout is not None
            line = process.stdout.readline()
            time.sleep(rng.uniform(1.0, 3.5))  # autosave lands about every 2 s while typing
            process.send_signal(signal.SIGKILL)
            _out, errors = process.communicate(timeout=20)
        assert line.strip() == "TYPING", errors
        folders = paths.get_paths()
        with sound_database(folders.database) as db:
            if len(form_drafts.list_drafts(db)) != 1:
                unreadable += 1
                continue
            draft = form_drafts.open_package(db, folders, source)  # what the next start opens
            lengths.append(str(draft.answers.get("legal_name", "")).count("ñ"))
    record("client mode killed while typing", f"{KILLS} kills, {unreadable} unreadable drafts, typing kept: "
                                              f"{lengths[-1] if lengths else 0} characters")
    assert unreadable == 0
    assert lengths == sorted(lengths) and lengths[-1] > 0  # each start went on from what the last one saved

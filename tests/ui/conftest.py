"""GUI fixtures: a real migrated SQLite file, a DB worker that runs jobs at once, the main window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from shelter_app.paths import get_paths
from shelter_app.services import demo
from shelter_app.settings import DEMO_OFFERED, Settings
from shelter_app.storage.db import Database, open_database, sqlite_url
from shelter_app.ui import i18n
from shelter_app.ui.mainwindow import MainWindow
from shelter_app.ui.worker import DbRunner


@pytest.fixture
def gui_db(isolated_folders: Path) -> Iterator[Database]:
    paths = get_paths().ensure()
    db = open_database(sqlite_url(paths.database), backups_dir=paths.backups)
    yield db
    db.close()


@pytest.fixture
def runner(qtbot: Any) -> DbRunner:
    return DbRunner(immediate=True)


@pytest.fixture
def settings() -> Settings:
    paths = get_paths().ensure()
    s = Settings.load(paths.settings_file)
    s.set(DEMO_OFFERED, True)  # no modal question in tests unless a test asks for it
    return s


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    i18n.install("en")
    yield
    i18n.install("en")


@pytest.fixture
def window(qtbot: Any, gui_db: Database, runner: DbRunner, settings: Settings, english: None) -> MainWindow:
    demo.seed_demo(gui_db, "tester")
    win = MainWindow(settings, get_paths(), runner)
    qtbot.addWidget(win)
    win.adopt_database(gui_db)
    win.show()
    return win


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, accents included: qtbot.keyClicks aborts on non-ASCII (NOTES.md)."""
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def when_modal(action: Callable[[QWidget], None], *, timeout_ms: int = 3000) -> None:
    """Run `action` on the next modal dialog that opens (for exec()-style dialogs)."""
    waited = {"ms": 0}

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None:
            action(widget)
            return
        waited["ms"] += 20
        if waited["ms"] < timeout_ms:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)

"""GUI fixtures: a real migrated SQLite file, a DB worker that runs jobs at once, the main window."""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QAction, QCursor, QGuiApplication, QKeyEvent, QKeySequence, QScreen
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from shelter_app.paths import get_paths
from shelter_app.services import demo
from shelter_app.settings import DEMO_OFFERED, Settings
from shelter_app.storage.db import Database, open_database, sqlite_url
from shelter_app.ui import i18n
from shelter_app.ui.mainwindow import MainWindow
from shelter_app.ui.screenfit import desk_area, usable_area
from shelter_app.ui.worker import DbRunner

# -- test screens ----------------------------------------------------------------------------------------
# The offscreen platform gets two screens (its config file): a 1366x768 laptop, and a 1280x720 screen at
# 125 % scaling (logical DPI 120 of 96), which Qt shows as a 1024x576 logical desktop. Set before the
# QApplication exists (pytest-qt creates it lazily, after collection); a test picks a screen with `on_screen`.
SCREENS = {"laptop": (1366, 768, 96), "small": (1280, 720, 120)}
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen" and QApplication.instance() is None:
    _x = 0
    _screens = []
    for _name, (_w, _h, _dpi) in SCREENS.items():
        _screens.append({"name": _name, "x": _x, "y": 0, "width": _w, "height": _h, "logicalDpi": _dpi,
                         "logicalBaseDpi": 96, "dpr": 1})
        _x += _w
    _fd, _config = tempfile.mkstemp(prefix="shelterdesk-screens-", suffix=".json")
    with os.fdopen(_fd, "w", encoding="utf-8") as _file:
        json.dump({"screens": _screens}, _file)
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_config}"


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


# -- screen fit and accessibility checks ----------------------------------------------------------------------
def screen_named(name: str) -> QScreen:
    for screen in QGuiApplication.screens():
        if screen.name() == name:
            return screen
    pytest.skip(f"no {name!r} test screen (QT_QPA_PLATFORM is {os.environ.get('QT_QPA_PLATFORM')!r})")


def on_screen(name: str) -> QScreen:
    """New top-level windows open on this screen: the mouse is moved there, as the user's would be."""
    screen = screen_named(name)
    QCursor.setPos(screen.geometry().center())
    return screen


INPUTS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QAbstractItemView,
          QTabBar)


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _internal(widget: QWidget) -> bool:
    """Parts of a composite widget (a spin box's line edit, a scroll area's bars, a tab bar's arrows)."""
    parent = widget.parentWidget()
    if isinstance(parent, (QComboBox, QAbstractSpinBox, QTabBar)):
        return True
    if isinstance(widget, QHeaderView) and isinstance(parent, QAbstractItemView):
        return True  # a table's header: the table is the input
    if isinstance(widget, QAbstractButton) and type(parent).__name__ in ("QScrollBar", "QTabBar", "QCalendarWidget"):
        return True
    return widget.objectName().startswith("qt_")


def _global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def _scrollable(widget: QWidget) -> QWidget | None:
    """The scroll area viewport `widget` lies in, if any (content scrolled out of view is reachable)."""
    parent = widget.parentWidget()
    while parent is not None:
        outer = parent.parentWidget()
        if isinstance(outer, QAbstractScrollArea) and outer.viewport() is parent:
            return parent
        parent = outer
    return None


def fit_problems(window: QWidget) -> list[str]:
    """Why `window` does not fit its screen: outside the usable area, clipped by a parent, squeezed text."""
    QApplication.processEvents()
    problems: list[str] = []
    room, area = usable_area(window.screen()).size(), desk_area(window.screen())
    name = window.objectName() or type(window).__name__
    if not area.contains(window.frameGeometry()):
        problems.append(f"{name}: window frame {window.frameGeometry()} is outside {area}")
    if window.width() > room.width() or window.height() > room.height():
        problems.append(f"{name}: window {window.size()} leaves no room for a title bar in {room}")
    widgets = [window, *window.findChildren(QWidget)]
    for widget in widgets:
        if not _shown(widget) or widget.window() is not window or _internal(widget):
            continue
        label = f"{name}/{type(widget).__name__} {widget.objectName()!r} {_text(widget)!r}"
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text() and not widget.pixmap():
            if widget.width() + 1 < widget.sizeHint().width() and widget.text() not in widget.toolTip():
                problems.append(f"{label}: text cut off (width {widget.width()} < {widget.sizeHint().width()}) "
                                "and not in a tooltip")
            continue
        if not isinstance(widget, INPUTS):
            continue
        viewport = _scrollable(widget)
        outer = viewport if viewport is not None else widget
        if not area.contains(_global_rect(outer)):
            problems.append(f"{label}: outside the screen ({_global_rect(outer)} not in {area})")
            continue
        if viewport is None:
            rect = _global_rect(widget)
            parent = widget.parentWidget()
            while parent is not None and widget.window() is parent.window():
                rect = rect.intersected(_global_rect(parent))
                parent = parent.parentWidget()
            if rect.size() != widget.size():
                problems.append(f"{label}: clipped by its parent (shows {rect.size()} of {widget.size()})")
        hint = widget.minimumSizeHint()
        if isinstance(widget, QAbstractButton) and widget.text() and widget.width() + 1 < hint.width():
            problems.append(f"{label}: squeezed below its text ({widget.width()} < {hint.width()})")
        if isinstance(widget, QTabBar) and not widget.usesScrollButtons():
            for index in range(widget.count()):
                if not widget.rect().contains(widget.tabRect(index)):
                    problems.append(f"{label}: tab {widget.tabText(index)!r} cut off")
    return problems


def _text(widget: QWidget) -> str:
    for attribute in ("text", "title", "windowTitle"):
        getter = getattr(widget, attribute, None)
        if callable(getter):
            value = getter()
            if isinstance(value, str) and value:
                return value[:40]
    return ""


NAMED_BY_TEXT = (QAbstractButton,)
NEEDS_NAME = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QAbstractItemView)


def accessible_name(widget: QWidget, buddies: dict[int, str]) -> str:
    """The name a screen reader announces: the accessible name, a label's buddy, a button's text, a group title."""
    if widget.accessibleName():
        return widget.accessibleName()
    if id(widget) in buddies:
        return buddies[id(widget)]
    if isinstance(widget, NAMED_BY_TEXT) and widget.text().replace("&", "").strip():
        return widget.text()
    return ""


def mnemonic(text: str) -> str | None:
    """The accelerator letter of a text ("&Save" -> "s"); "&&" is a literal ampersand."""
    match = re.search(r"(?<!&)&([^&\s])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


@dataclass
class Accelerator:
    key: str
    owner: str


def accessibility_problems(window: QWidget) -> list[str]:
    """Unnamed inputs, inputs the Tab key never reaches, and accelerators used twice on one screen."""
    QApplication.processEvents()
    problems: list[str] = []
    name = window.objectName() or type(window).__name__
    widgets = [w for w in window.findChildren(QWidget) if _shown(w) and w.window() is window and not _internal(w)]
    buddies = {id(label.buddy()): label.text() for label in window.findChildren(QLabel) if label.buddy() is not None}
    accelerators: list[Accelerator] = []
    for widget in widgets:
        label = f"{name}/{type(widget).__name__} {widget.objectName()!r} {_text(widget)!r}"
        if isinstance(widget, NEEDS_NAME + NAMED_BY_TEXT):
            if not accessible_name(widget, buddies).replace("&", "").strip():
                problems.append(f"{label}: no accessible name (label buddy or setAccessibleName)")
            if widget.isEnabled() and not widget.focusPolicy() & Qt.FocusPolicy.TabFocus \
                    and not isinstance(widget, QAbstractButton):
                problems.append(f"{label}: not reachable with the Tab key")
        buddy = widget.buddy() if isinstance(widget, QLabel) else None
        if ((isinstance(widget, QAbstractButton) and not isinstance(widget.parentWidget(), QTabBar))
                or (buddy is not None and buddy.isVisible())):
            key = mnemonic(widget.text())  # type: ignore[attr-defined]
            if key:
                accelerators.append(Accelerator(key, label))
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            key = mnemonic(widget.title())
            if key:
                accelerators.append(Accelerator(key, label))
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                key = mnemonic(widget.tabText(index))
                if key:
                    accelerators.append(Accelerator(key, f"{label} tab {widget.tabText(index)!r}"))
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            key = mnemonic(action.text())
            if key and action.isVisible():
                accelerators.append(Accelerator(key, f"{name}/menu {action.text()!r}"))
            menu = action.menu()
            if isinstance(menu, QMenu):
                problems.extend(_duplicates([Accelerator(k, f"{name}/{action.text()!r} > {a.text()!r}")
                                             for a in menu.actions() if a.isVisible()
                                             for k in [mnemonic(a.text())] if k]))
    problems.extend(_duplicates(accelerators))
    shortcuts = [Accelerator(a.shortcut().toString(QKeySequence.SequenceFormat.PortableText), f"{name}/{a.text()!r}")
                 for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    problems.extend(_duplicates(shortcuts))
    return problems


def _duplicates(accelerators: list[Accelerator]) -> list[str]:
    counts = Counter(a.key for a in accelerators)
    return [f"accelerator {key!r} used {count} times: " + "; ".join(a.owner for a in accelerators if a.key == key)
            for key, count in counts.items() if count > 1]

"""Every window and dialog fits a 1366x768 laptop and a 1280x720 screen at 125 % scaling, in both languages.

The offscreen platform gets both screens (tests/ui/conftest.py); each window is opened the way the user
opens it, with the demo portfolio, and `fit_problems` fails on a visible button or input outside the
screen or clipped, and on a label whose cut-off text is not in its tooltip.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget

from shelter_app.paths import get_paths
from shelter_app.services import demo
from shelter_app.settings import Settings
from shelter_app.storage.db import Database
from shelter_app.ui import i18n
from shelter_app.ui.mainwindow import MainWindow
from shelter_app.ui.worker import DbRunner
from tests.ui.conftest import fit_problems, on_screen

pytestmark = pytest.mark.gui

PROFILES = [(screen, language) for screen in ("laptop", "small") for language in ("en", "es_MX")]


@pytest.fixture(params=PROFILES, ids=[f"{s}-{lang}" for s, lang in PROFILES])
def portfolio(request: pytest.FixtureRequest, qtbot: Any, gui_db: Database, runner: DbRunner,
              settings: Settings, english: None) -> Iterator[MainWindow]:
    """The main window with the demo portfolio, opened on the profile's screen in its language."""
    screen, language = request.param
    on_screen(screen)
    i18n.install(language)
    demo.seed_demo(gui_db, "tester")
    win = MainWindow(settings, get_paths(), runner)
    qtbot.addWidget(win)
    win.adopt_database(gui_db)
    win.show()
    win.table.selectRow(win.model.row_of(2) or 0)  # Great Lakes Harness: contacts and a project
    settle()
    yield win
    for top in QApplication.topLevelWidgets():
        if top is not win and top.isVisible():
            widget: Any = top
            if isinstance(top, QDialog):
                widget.dirty = False
                top.reject()
            else:
                (getattr(widget, "business", None) or widget).dirty = False
                widget.close()
    on_screen("laptop")  # later tests open their windows on the first screen again


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def every_tab(window: QWidget, check: Callable[[QWidget], list[str]]) -> list[str]:
    """Check `window` on every page of each of its tab widgets (a page shows only when its tab is current)."""
    problems = check(window)
    for tabs in window.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        current = tabs.currentIndex()
        for index in range(tabs.count()):
            if tabs.isTabEnabled(index) and index != current:
                tabs.setCurrentIndex(index)
                settle()
                problems += [f"[tab {tabs.tabText(index)!r}] {p}" for p in check(window)]
        tabs.setCurrentIndex(current)
    return problems


def opened(kind: type) -> QWidget:
    settle()
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert found, f"no {kind.__name__} opened"
    return found[-1]


def project_id(win: MainWindow) -> int:
    return int(win.detail.detail.projects[0].id)


def open_client_editor(win: MainWindow) -> QWidget:
    from shelter_app.ui.editors import ClientEditor

    win.edit_client()
    return opened(ClientEditor)


def open_contact_editor(win: MainWindow) -> QWidget:
    from shelter_app.ui.editors import ContactEditor

    win.add_contact()
    return opened(ContactEditor)


def open_project_editor(win: MainWindow) -> QWidget:
    from shelter_app.ui.editors import ProjectEditor

    win.add_project()
    return opened(ProjectEditor)


def open_settings(win: MainWindow) -> QWidget:
    from shelter_app.ui.settings_dialog import SettingsDialog

    win.open_settings()
    return opened(SettingsDialog)


def open_workspace(win: MainWindow) -> QWidget:
    from shelter_app.ui.workspace import ProjectWorkspace

    win.open_workspace_for(project_id(win))
    workspace = opened(ProjectWorkspace)
    workspace.open_business_case()  # type: ignore[attr-defined]
    return workspace


def open_keys(win: MainWindow) -> QWidget:
    from shelter_app.ui.forms.keys import KeysDialog

    dialog = KeysDialog(win.runner, win.paths, i18n.current(), win)
    dialog.show()
    return dialog


OPENERS: dict[str, Callable[[MainWindow], QWidget]] = {
    "main window": lambda win: win,
    "client editor": open_client_editor,
    "contact editor": open_contact_editor,
    "project editor": open_project_editor,
    "settings": open_settings,
    "project window": open_workspace,
    "form keys": open_keys,
}


@pytest.mark.parametrize("which", list(OPENERS))
def test_window_fits_the_screen(portfolio: MainWindow, which: str) -> None:
    window = OPENERS[which](portfolio)
    settle()
    problems = every_tab(window, fit_problems)
    assert not problems, "\n".join(problems)


def test_journey_wizard_fits_on_every_step(portfolio: MainWindow) -> None:
    from shelter_app.ui.journey.wizard import JourneyWizard

    portfolio.run_journey_for(project_id(portfolio))
    wizard: Any = opened(JourneyWizard)
    problems: list[str] = []
    seen = set()
    while wizard.journey.current not in seen:
        seen.add(wizard.journey.current)
        settle()
        problems += [f"[{wizard.journey.current.name}] {p}" for p in fit_problems(wizard)]
        wizard.go_next()
    assert not problems, "\n".join(problems)

"""Keyboard and screen-reader use: every window of the fit test, in both languages, checked by
`accessibility_problems` (tests/ui/conftest.py): every input has an accessible name, every input is
reachable with the Tab key, and no accelerator or shortcut is used twice on one screen or menu.
"""

from __future__ import annotations

from typing import Any

import pytest

from shelter_app.ui.mainwindow import MainWindow
from tests.ui.conftest import accessibility_problems
from tests.ui.test_screen_fit import OPENERS, every_tab, opened, portfolio, project_id, settle  # noqa: F401

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("which", list(OPENERS))
def test_window_is_usable_from_the_keyboard(portfolio: MainWindow, which: str) -> None:  # noqa: F811
    window = OPENERS[which](portfolio)
    settle()
    problems = every_tab(window, accessibility_problems)
    assert not problems, "\n".join(problems)


def test_journey_wizard_is_usable_from_the_keyboard(portfolio: MainWindow) -> None:  # noqa: F811
    from shelter_app.ui.journey.wizard import JourneyWizard

    portfolio.run_journey_for(project_id(portfolio))
    wizard: Any = opened(JourneyWizard)
    problems: list[str] = []
    seen = set()
    while wizard.journey.current not in seen:
        seen.add(wizard.journey.current)
        settle()
        problems += [f"[{wizard.journey.current.name}] {p}" for p in accessibility_problems(wizard)]
        wizard.go_next()
    assert not problems, "\n".join(problems)

"""The fault suite's figures (kills and lost commits, edits and lost updates, hostile inputs refused), collected
by the tests in tests/faults/ and printed at the end of the run (tests/conftest.py)."""

from __future__ import annotations

FIGURES: dict[str, str] = {}


def record(name: str, text: str) -> None:
    FIGURES[name] = text

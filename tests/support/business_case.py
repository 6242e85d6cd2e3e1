"""The golden case of docs/business-case-contract.md §9, read from its files in tests/data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "data" / "business_case"
GOLDEN_INPUT = DATA / "business-case-juarez-120.input.json"
GOLDEN_EXPECTED = DATA / "business-case-juarez-120.expected.json"


def golden_document() -> dict[str, Any]:
    """The golden input as a plain dict (numbers as the stdlib reads them), fresh for each caller to edit."""
    doc: dict[str, Any] = json.loads(GOLDEN_INPUT.read_text(encoding="utf-8"))
    return doc


def golden_expected() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(GOLDEN_EXPECTED.read_text(encoding="utf-8"))
    return doc

"""Hostile and worst-case business-case inputs for the bounded-input tests (docs/business-case-contract.md §8)."""

from __future__ import annotations

import json
from typing import Any

from shelter_app.core.business_case.inputs import MAX_ONE_TIME_ITEMS, MAX_ROLES
from shelter_app.exchange.bounded_json import INPUT_LIMITS
from tests.support.business_case import golden_document


def worst_accepted_document() -> dict[str, Any]:
    """The largest input the limits let through: every list at its cap, the longest horizon, and a note that fills
    the file up to the size limit with numbers (the most objects per byte the parser builds)."""
    doc = golden_document()
    role = doc["workforce"]["roles"][0]
    doc["workforce"]["roles"] = [dict(role, id=f"r{i}", name=f"Role {i}") for i in range(MAX_ROLES)]
    doc["scenario"]["horizon_years"] = 30
    base = doc["scenario"]["base_year"]
    doc["scenario"]["ramp_realization_by_year"] = {str(base + i): 0.5 for i in range(30)}
    doc["one_time"]["items"] = [{"name": f"Item {i}", "amount_usd": 1000.25} for i in range(MAX_ONE_TIME_ITEMS)]
    doc["_padding"] = []
    room = INPUT_LIMITS.max_bytes - len(json.dumps(doc).encode("utf-8")) - 64
    chunk = INPUT_LIMITS.max_items
    while room > 0:
        count = min(chunk, room // 5)  # "0.1, " is 5 bytes
        if count <= 0:
            break
        doc["_padding"].append([0.1] * count)
        room -= count * 5 + 4
    return doc


def worst_accepted_text() -> str:
    text = json.dumps(worst_accepted_document())
    assert len(text.encode("utf-8")) <= INPUT_LIMITS.max_bytes
    return text

"""The acceptance check of docs/business-case-contract.md §7, for comparing a result document with an expected one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

_CURRENCY_WORD = re.compile(r"(?:^|_)(?:mxn|usd)(?:_|$)")


@dataclass
class Comparison:
    failures: list[str] = field(default_factory=list)
    compared: int = 0
    largest_relative: float = 0.0
    """The largest |actual − expected| / |expected| over expected numbers of at least 1e-6."""
    largest_relative_at: str = ""
    largest_currency_abs: float = 0.0


def _is_currency(names: tuple[str, ...]) -> bool:
    return any(_CURRENCY_WORD.search(name) for name in names)


def compare(
    actual: Any, expected: Any, path: str = "$", names: tuple[str, ...] = (), result: Comparison | None = None
) -> Comparison:
    """Every field of `expected` must be in `actual` within tolerance; extra fields in `actual` are ignored."""
    result = Comparison() if result is None else result
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            result.failures.append(f"{path}: expected an object")
            return result
        for key, value in expected.items():
            if key not in actual:
                result.failures.append(f"{path}.{key}: missing")
                continue
            if key in ("roles", "years") and isinstance(value, list) and value and isinstance(value[0], dict):
                match = "id" if key == "roles" else "year"
                by_key = {item.get(match): item for item in actual[key]} if isinstance(actual[key], list) else {}
                for item in value:
                    other = by_key.get(item[match])
                    if other is None:
                        result.failures.append(f"{path}.{key}[{match}={item[match]}]: missing")
                    else:
                        compare(other, item, f"{path}.{key}[{item[match]}]", (*names, key), result)
                continue
            compare(actual[key], value, f"{path}.{key}", (*names, key), result)
        return result
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            result.failures.append(f"{path}: expected an array of {len(expected)}")
            return result
        for i, (a, e) in enumerate(zip(actual, expected, strict=True)):
            compare(a, e, f"{path}[{i}]", names, result)
        return result
    if isinstance(expected, bool) or expected is None or isinstance(expected, str):
        if actual != expected or type(actual) is not type(expected):
            result.failures.append(f"{path}: {actual!r} != {expected!r}")
        return result
    if isinstance(actual, bool) or not isinstance(actual, int | float | Decimal):
        result.failures.append(f"{path}: {actual!r} is not a number")
        return result
    result.compared += 1
    a, e = Decimal(str(actual)), Decimal(str(expected))
    diff = abs(a - e)
    if abs(e) >= Decimal("1e-6"):  # below that, expected values are the float noise of a difference
        relative = float(diff / abs(e))
        if relative > result.largest_relative:
            result.largest_relative, result.largest_relative_at = relative, path
    if _is_currency(names):
        result.largest_currency_abs = max(result.largest_currency_abs, float(diff))
        if diff > Decimal("0.01"):
            result.failures.append(f"{path}: {actual} vs {expected} (currency, off by {diff})")
    elif diff > max(Decimal("1e-6") * max(abs(a), abs(e)), Decimal("1e-9")):
        result.failures.append(f"{path}: {actual} vs {expected} (off by {diff})")
    return result

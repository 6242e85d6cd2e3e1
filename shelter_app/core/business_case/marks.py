"""The prefill's marks on a stored scenario: which figures are indicative, where drawn defaults came from,
and which defaults could not be drawn.

A scenario prefilled from the project (`core.scenario_prefill`) keeps, under `_prefill`:
- `indicative`: paths of figures that are typical values, not yet the client's own (the editor shows
  them in yellow, the document marks them ◇);
- `origins`: {path: {"en", "es"}}, where a default drawn from the project's facts came from
  ("940 km by road from Querétaro to Nuevo Laredo × …"), printed with the value;
- `missing`: {path: {"en", "es"}}, why a default could not be drawn and what to do; the field is left for
  the consultant, never filled with a silent zero.

A figure the consultant or the client gives is their own: `unmark` forgets every mark at and under its
path. One rule for the editor, the form import and the document (`is_marked`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

from shelter_app.core.bilingual import Text

PREFILL: Final = "_prefill"


def _under(mark: str, path: str) -> bool:
    """`mark` is `path` or lies inside it (`facility` holds `facility.area_sqft`, `x.roles` holds `x.roles[2]`)."""
    return mark == path or mark.startswith((f"{path}.", f"{path}["))


def is_marked(marks: Iterable[str], path: str) -> bool:
    """True when `path` or an object or list that holds it is marked."""
    return any(_under(path, mark) for mark in marks)


def _prefill(document: Mapping[str, Any]) -> Mapping[str, Any]:
    found = document.get(PREFILL)
    return found if isinstance(found, Mapping) else {}


def indicative(document: Mapping[str, Any]) -> frozenset[str]:
    listed = _prefill(document).get("indicative")
    return frozenset(str(p) for p in listed) if isinstance(listed, list) else frozenset()


def _texts(document: Mapping[str, Any], key: str) -> dict[str, Text]:
    found = _prefill(document).get(key)
    if not isinstance(found, Mapping):
        return {}
    return {str(path): Text(str(t.get("en", "")), str(t.get("es", ""))) for path, t in found.items()
            if isinstance(t, Mapping)}


def origins(document: Mapping[str, Any]) -> dict[str, Text]:
    """Where each default drawn from the project's facts came from, by path."""
    return _texts(document, "origins")


def missing(document: Mapping[str, Any]) -> dict[str, Text]:
    """Why each default that could not be drawn is missing, and what to do, by path."""
    return _texts(document, "missing")


def set_text(document: dict[str, Any], key: str, path: str, text: Text) -> None:
    """Record an origin (`key` "origins") or a missing default (`key` "missing") of `path`."""
    prefill = document.setdefault(PREFILL, {})
    prefill.setdefault(key, {})[path] = {"en": text.en, "es": text.es}


def mark_indicative(document: dict[str, Any], paths: Iterable[str]) -> None:
    prefill = document.setdefault(PREFILL, {})
    marked: list[str] = prefill.setdefault("indicative", [])
    marked.extend(p for p in paths if p not in marked)


def unmark(document: dict[str, Any], path: str) -> bool:
    """The value at `path` is now the consultant's or the client's own: forget every mark at or under it.
    True when something was forgotten."""
    prefill = document.get(PREFILL)
    if not isinstance(prefill, dict):
        return False
    changed = False
    listed = prefill.get("indicative")
    if isinstance(listed, list):
        kept = [p for p in listed if not _under(str(p), path)]
        changed = len(kept) != len(listed)
        prefill["indicative"] = kept
    for key in ("origins", "missing"):
        texts = prefill.get(key)
        if isinstance(texts, dict):
            for marked in [p for p in texts if _under(str(p), path)]:
                del texts[marked]
                changed = True
    return changed

"""Carry a draft's answers to a newer version of its form, losing nothing silently.

An answer is kept when the new version still asks the question and the value still fits it (same checks as
typing it). Everything else is returned as `Dropped` so the form can show it as "no longer asked" with its old
label and value, rather than losing it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from shelter_app.core.bilingual import Text
from shelter_app.core.forms.engine import cell_path
from shelter_app.core.forms.model import FormDefinition, QType, Question
from shelter_app.core.forms.values import AnswerError, display, normalise

_GONE = Text("No longer asked.", "Ya no se pregunta.")


@dataclass(frozen=True)
class Dropped:
    """An answer the new version cannot take: where it was, its old label and value (as text), and why."""

    path: str
    label: Text
    value: Any
    shown: str  # the value as the client typed it, in English formatting
    reason: Text


def carry_over(answers: Mapping[str, Any], new: FormDefinition, old: FormDefinition | None = None
               ) -> tuple[dict[str, Any], list[Dropped]]:
    """(answers that fit `new`, answers that do not). `old` gives the labels of questions `new` no longer has."""
    kept: dict[str, Any] = {}
    dropped: list[Dropped] = []
    for name, value in answers.items():
        if value is None:
            continue
        before = old.question(name) if old else None
        q = new.question(name)
        if q is None or not q.answered_by_user:
            if q is None:
                dropped.append(_drop(name, before, value, _GONE))
            continue
        if q.type is QType.REPEAT:
            rows, lost = _carry_rows(q, before, value)
            if rows:
                kept[name] = rows
            dropped.extend(lost)
            continue
        try:
            fitted = normalise(q, value)
        except (AnswerError, TypeError) as exc:
            reason = (Text(f"The answer no longer fits: {exc.en}", f"La respuesta ya no cabe: {exc.es}")
                      if isinstance(exc, AnswerError) else _GONE)
            dropped.append(_drop(name, before or q, value, reason))
            continue
        if fitted is not None:
            kept[name] = fitted
    return kept, dropped


def _carry_rows(q: Question, before: Question | None, value: object) -> tuple[list[dict[str, Any]], list[Dropped]]:
    if not isinstance(value, list):
        return [], [_drop(q.name, before or q, value, _GONE)]
    rows: list[dict[str, Any]] = []
    dropped: list[Dropped] = []
    for index, row in enumerate(value[:q.max_rows]):
        if not isinstance(row, Mapping):
            continue
        out: dict[str, Any] = {}
        for column, cell in row.items():
            col = q.row_question(str(column))
            old_col = before.row_question(str(column)) if before else None
            path = cell_path(q.name, index, str(column))
            if col is None or not col.answered_by_user:
                if col is None:
                    dropped.append(_drop(path, old_col, cell, _GONE))
                continue
            try:
                fitted = normalise(col, cell)
            except AnswerError as exc:
                dropped.append(_drop(path, old_col or col, cell,
                                     Text(f"The answer no longer fits: {exc.en}",
                                               f"La respuesta ya no cabe: {exc.es}")))
                continue
            if fitted is not None:
                out[str(column)] = fitted
        rows.append(out)
    for index in range(q.max_rows, len(value)):
        dropped.append(_drop(f"{q.name}[{index}]", before or q, value[index],
                             Text("More rows than the form now allows.", "Más filas de las que el formulario "
                                                                               "permite ahora.")))
    return rows, dropped


def _drop(path: str, q: Question | None, value: Any, reason: Text) -> Dropped:
    label = q.label if q is not None else Text(path, path)
    try:
        shown = display(q, value) if q is not None and q.type is not QType.REPEAT else str(value)
    except (TypeError, ValueError, ArithmeticError, KeyError):
        shown = str(value)
    return Dropped(path, label, value, shown, reason)

"""The state of a form being filled: answers, what is shown, what is computed, and what is wrong.

`FormState` is what the Qt renderer, the headless `forms fill` command and the import share, so the GUI and the
CLI accept exactly the same answers. Each change goes through `set_answer`/`set_cell`/row operations, then
`refresh()` recomputes calculations, relevance (hiding a question clears its answer) and every check.

Paths name an answer: `"name"` for a question of the form, `"repeat[3].column"` for a cell (rows count from 0).
Text that does not parse (a letter in a number) is kept in `pending` so nothing typed is lost; it is reported
as an issue and left out of the answers.
"""

from __future__ import annotations

import contextlib
import copy
import json
from collections import ChainMap
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from shelter_app.core.bilingual import Text
from shelter_app.core.forms.expressions import UNKNOWN, VALUE, Evaluator
from shelter_app.core.forms.model import MAX_ROWS, FormDefinition, QType, Question, Section
from shelter_app.core.forms.values import AnswerError, calculated, expression_value, normalise

REQUIRED: Final = Text("An answer is required.", "Esta respuesta es obligatoria.")


def cell_path(repeat: str, row: int, column: str) -> str:
    return f"{repeat}[{row}].{column}"


def split_path(path: str) -> tuple[str, int | None, str | None]:
    """"name" → (name, None, None); "rep[2].col" → ("rep", 2, "col")."""
    if "[" not in path:
        return path, None, None
    head, rest = path.split("[", 1)
    index, column = rest.split("].", 1)
    return head, int(index), column


@dataclass(frozen=True)
class Issue:
    """Something to fix at `path`; `label` is the question's, for a summary list."""

    path: str
    label: Text
    en: str
    es: str

    def message(self, language: str = "en") -> str:
        return self.es if language.lower().startswith("es") else self.en


class FormState:
    """Answers of one form (canonical values), with relevance, calculations and checks kept current."""

    def __init__(self, definition: FormDefinition, answers: Mapping[str, Any] | None = None, *,
                 pending: Mapping[str, str] | None = None, today: date | None = None, apply_defaults: bool = True
                 ) -> None:
        self.definition = definition
        self._evaluator = Evaluator(today)
        self.answers: dict[str, Any] = {}
        self.pending: dict[str, str] = dict(pending or {})
        self._pending_errors: dict[str, AnswerError] = {}
        self.issues: dict[str, Issue] = {}
        self.hidden: set[str] = set()  # paths of hidden questions and cells, ids of hidden sections
        self._calc_order = definition.calculation_order()
        if apply_defaults and not answers:
            for q in definition.questions():
                if q.default is not None:
                    self.answers[q.name] = copy.deepcopy(q.default)
        for name, value in (answers or {}).items():
            if definition.question(name) is not None and value is not None:
                self.answers[name] = copy.deepcopy(value)
        self.refresh()

    # -- changes ------------------------------------------------------------------------------------------

    def set_answer(self, name: str, raw: object) -> None:
        """Take what the user gave for a question of the form (text, number, date, list...)."""
        q = self._question(name)
        if q.type is QType.REPEAT:
            raise TypeError("use the row operations for a repeat group")
        self._take(name, q, raw, self.answers)
        self.refresh()

    def set_cell(self, repeat: str, row: int, column: str, raw: object) -> None:
        q = self._question(repeat)
        col = q.row_question(column)
        if col is None:
            raise KeyError(f"{repeat} has no column {column}")
        rows = self.rows(repeat)
        self._take(cell_path(repeat, row, column), col, raw, rows[row], key=column)
        self.refresh()

    def _take(self, path: str, q: Question, raw: object, target: MutableMapping[str, Any], key: str | None = None
              ) -> None:
        key = key or path
        try:
            value = normalise(q, raw)
        except AnswerError as exc:
            # kept as typed (a list or an object as JSON) so a draft keeps it, with the message it earned
            self.pending[path] = raw if isinstance(raw, str) else json.dumps(raw, ensure_ascii=False, default=str)
            self._pending_errors[path] = exc
            target.pop(key, None)
            return
        self.pending.pop(path, None)
        self._pending_errors.pop(path, None)
        if value is None:
            target.pop(key, None)
        else:
            target[key] = value

    def rows(self, repeat: str) -> list[dict[str, Any]]:
        rows = self.answers.setdefault(repeat, [])
        assert isinstance(rows, list)
        return rows

    def add_row(self, repeat: str, values: Mapping[str, Any] | None = None) -> int:
        q = self._question(repeat)
        rows = self.rows(repeat)
        if len(rows) >= q.max_rows:
            raise ValueError(f"{repeat} already has {q.max_rows} rows")
        row = {f.name: copy.deepcopy(f.default) for f in q.fields if f.default is not None}
        rows.append(row)
        for column, raw in (values or {}).items():
            self._take(cell_path(repeat, len(rows) - 1, column), self._column(q, column), raw, row, key=column)
        self.refresh()
        return len(rows) - 1

    def remove_row(self, repeat: str, index: int) -> None:
        rows = self.rows(repeat)
        del rows[index]
        self._shift_pending(repeat, index, -1)
        if not rows:
            self.answers.pop(repeat, None)
        self.refresh()

    def duplicate_row(self, repeat: str, index: int) -> int:
        q = self._question(repeat)
        rows = self.rows(repeat)
        if len(rows) >= q.max_rows:
            raise ValueError(f"{repeat} already has {q.max_rows} rows")
        rows.insert(index + 1, copy.deepcopy(rows[index]))
        self._shift_pending(repeat, index + 1, +1)
        self.refresh()
        return index + 1

    def _shift_pending(self, repeat: str, start: int, delta: int) -> None:
        for path in [p for p in self._pending_errors if p.startswith(f"{repeat}[")]:
            del self._pending_errors[path]  # re-derived from the moved text when checked
        moved: dict[str, str] = {}
        for path, text in list(self.pending.items()):
            name, row, column = split_path(path)
            if name == repeat and row is not None and column is not None and row >= start:
                del self.pending[path]
                if delta < 0 and row == start:
                    continue
                moved[cell_path(repeat, row + delta, column)] = text
        self.pending.update(moved)

    # -- reading ------------------------------------------------------------------------------------------

    def value(self, path: str) -> Any:
        name, row, column = split_path(path)
        if row is None:
            return self.answers.get(name)
        rows = self.answers.get(name) or []
        return rows[row].get(column) if row < len(rows) else None

    def visible(self, path: str) -> bool:
        return path not in self.hidden

    def section_visible(self, section: Section) -> bool:
        return section.id not in self.hidden

    def visible_sections(self) -> list[Section]:
        return [s for s in self.definition.sections if s.id not in self.hidden]

    def issues_in(self, section: Section) -> list[Issue]:
        names = {q.name for q in section.questions}
        return [i for p, i in self.issues.items() if split_path(p)[0] in names]

    @property
    def complete(self) -> bool:
        return not self.issues

    def to_answers(self) -> dict[str, Any]:
        """The answers to save or send (canonical, hidden ones already cleared)."""
        return copy.deepcopy({k: v for k, v in self.answers.items() if v not in (None, [])})

    # -- the rules ----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Recompute calculations and relevance (clearing hidden answers) until stable, then check everything."""
        for _ in range(4):
            self._calculate()
            if not self._apply_relevance():
                break
        self._calculate()
        self._check()

    def _names(self) -> dict[str, Any]:
        env: dict[str, Any] = {}
        for q in self.definition.questions():
            if q.type is QType.NOTE:
                continue
            value = self.answers.get(q.name)
            if q.type is QType.REPEAT:
                env[q.name] = [self._row_names(q, row) for row in (value or [])]
            else:
                env[q.name] = expression_value(q, value)
        return env

    @staticmethod
    def _row_names(q: Question, row: Mapping[str, Any]) -> dict[str, Any]:
        return {f.name: expression_value(f, row.get(f.name)) for f in q.fields if f.type is not QType.NOTE}

    def _calculate(self) -> None:
        """Row calculations first (a form total may add up a calculated column), then the form's own."""
        env = self._names()
        self._calculate_rows(env)
        env = self._names()
        for q in self._calc_order:
            assert q.calculation is not None
            result = calculated(q, _known(self._evaluator.evaluate(q.calculation, env)))
            if result is None:
                self.answers.pop(q.name, None)
            else:
                self.answers[q.name] = result
            env[q.name] = expression_value(q, result)

    def _calculate_rows(self, env: dict[str, Any]) -> None:
        for q in self.definition.questions():
            if q.type is QType.REPEAT and any(f.calculation is not None for f in q.fields):
                for row in self.answers.get(q.name) or []:
                    names = ChainMap(self._row_names(q, row), env)
                    for f in q.fields:
                        if f.calculation is not None:
                            result = calculated(f, _known(self._evaluator.evaluate(f.calculation, names)))
                            if result is None:
                                row.pop(f.name, None)
                            else:
                                row[f.name] = result
                            names.maps[0][f.name] = expression_value(f, result)

    def _apply_relevance(self) -> bool:
        """Work out what is hidden; clear hidden answers. True when an answer was cleared (recompute)."""
        env = self._names()
        hidden: set[str] = set()
        cleared = False
        for section in self.definition.sections:
            section_hidden = section.relevant is not None and not self._evaluator.truth(section.relevant, env)
            if section_hidden:
                hidden.add(section.id)
            for q in section.questions:
                if section_hidden or (q.relevant is not None and not self._evaluator.truth(q.relevant, env)):
                    hidden.add(q.name)
                    if q.type is not QType.CALCULATE and self.answers.pop(q.name, None) is not None:
                        cleared = True
                    cleared |= self._drop_pending(q.name)
                    continue
                if q.type is QType.REPEAT:
                    for index, row in enumerate(self.answers.get(q.name) or []):
                        names = ChainMap(self._row_names(q, row), env)
                        for f in q.fields:
                            if f.relevant is not None and not self._evaluator.truth(f.relevant, names):
                                path = cell_path(q.name, index, f.name)
                                hidden.add(path)
                                if row.pop(f.name, None) is not None:
                                    cleared = True
                                self.pending.pop(path, None)
                                self._pending_errors.pop(path, None)
        self.hidden = hidden
        return cleared

    def _drop_pending(self, name: str) -> bool:
        gone = [p for p in self.pending if split_path(p)[0] == name]
        for p in gone:
            del self.pending[p]
            self._pending_errors.pop(p, None)
        return bool(gone)

    def _check(self) -> None:
        env = self._names()
        issues: dict[str, Issue] = {}
        for section in self.definition.sections:
            if section.id in self.hidden:
                continue
            for q in section.questions:
                if q.name in self.hidden or q.type in (QType.NOTE, QType.CALCULATE):
                    continue
                if q.type is QType.REPEAT:
                    self._check_repeat(q, env, issues)
                else:
                    self._check_one(q, q.name, self.answers.get(q.name), env, issues)
        self.issues = issues

    def _check_repeat(self, q: Question, env: MutableMapping[str, Any], issues: dict[str, Issue]) -> None:
        rows = self.answers.get(q.name) or []
        low = max(q.min_rows, 1 if q.required else 0)
        if len(rows) < low:
            issues[q.name] = Issue(q.name, q.label, f"Add at least {low} row{'s' if low != 1 else ''}.",
                                   f"Agregue al menos {low} fila{'s' if low != 1 else ''}.")
        elif len(rows) > min(q.max_rows, MAX_ROWS):
            issues[q.name] = Issue(q.name, q.label, f"Keep at most {q.max_rows:,} rows.",
                                   f"Deje como máximo {q.max_rows:,} filas.")
        elif rows and q.constraint is not None and q.constraint_message is not None:
            names = ChainMap({VALUE: env.get(q.name)}, env)  # a rule on the group as a whole: value = the rows
            if self._evaluator.truth(q.constraint, names) is False:
                issues[q.name] = Issue(q.name, q.label, q.constraint_message.en, q.constraint_message.es)
        for index, row in enumerate(rows):
            names = ChainMap(self._row_names(q, row), env)
            for f in q.fields:
                path = cell_path(q.name, index, f.name)
                if path in self.hidden or f.type in (QType.NOTE, QType.CALCULATE):
                    continue
                self._check_one(f, path, row.get(f.name), names, issues)

    def _check_one(self, q: Question, path: str, value: Any, env: MutableMapping[str, Any], issues: dict[str, Issue]
                   ) -> None:
        if path in self.pending:
            error = self._pending_error(q, path)
            if error is not None:
                issues[path] = Issue(path, q.label, error.en, error.es)
                return
        if value is None:
            if q.required:
                issues[path] = Issue(path, q.label, REQUIRED.en, REQUIRED.es)
            return
        if q.constraint is not None and q.constraint_message is not None:
            names = ChainMap({VALUE: expression_value(q, value)}, env)
            if self._evaluator.truth(q.constraint, names) is False:
                issues[path] = Issue(path, q.label, q.constraint_message.en, q.constraint_message.es)

    def _pending_error(self, q: Question, path: str) -> AnswerError | None:
        """Why the kept text does not fit: the message it got when typed, or (a reopened draft) checked again."""
        if path in self._pending_errors:
            return self._pending_errors[path]
        text = self.pending[path]
        candidates: list[object] = [text]
        if text[:1] in "[{":
            with contextlib.suppress(ValueError):
                candidates.insert(0, json.loads(text))
        error: AnswerError | None = None
        for candidate in candidates:
            try:
                normalise(q, candidate)
            except AnswerError as exc:
                error = error or exc
            else:
                return None
        return error

    # -- helpers ------------------------------------------------------------------------------------------

    def _question(self, name: str) -> Question:
        q = self.definition.question(name)
        if q is None:
            raise KeyError(f"{self.definition.id} has no question {name}")
        return q

    @staticmethod
    def _column(q: Question, column: str) -> Question:
        col = q.row_question(column)
        if col is None:
            raise KeyError(f"{q.name} has no column {column}")
        return col


def _known(value: object) -> object:
    return None if value is UNKNOWN else value


def validate_answers(definition: FormDefinition, given: Mapping[str, Any], *, today: date | None = None
                     ) -> tuple[FormState, list[Issue]]:
    """Fill a fresh state from plain answers (a JSON file, a response) exactly as typing them would: every
    answer goes through the same normalisation as the GUI; unknown names and wrong shapes are issues too."""
    state = FormState(definition, apply_defaults=False, today=today)
    extra: list[Issue] = []
    for name, raw in given.items():
        q = definition.question(str(name))
        if q is None:
            extra.append(Issue(str(name), Text(str(name), str(name)), "This form has no such question.",
                               "Este formulario no tiene esa pregunta."))
            continue
        if not q.answered_by_user:
            continue
        if q.type is QType.REPEAT:
            if not isinstance(raw, list) or not all(isinstance(r, Mapping) for r in raw):
                extra.append(Issue(q.name, q.label, "Give the rows as a list of objects.",
                                   "Indique las filas como una lista de objetos."))
                continue
            if len(raw) > min(q.max_rows, MAX_ROWS):
                extra.append(Issue(q.name, q.label, f"Keep at most {q.max_rows:,} rows.",
                                   f"Deje como máximo {q.max_rows:,} filas."))
                continue
            rows: list[dict[str, Any]] = []
            for index, given_row in enumerate(raw):
                row: dict[str, Any] = {f.name: copy.deepcopy(f.default) for f in q.fields if f.default is not None}
                for column, cell in given_row.items():
                    col = q.row_question(str(column))
                    path = cell_path(q.name, index, str(column))
                    if col is None:
                        extra.append(Issue(path, q.label, "This row has no such column.",
                                           "Esta fila no tiene esa columna."))
                    elif col.answered_by_user:
                        state._take(path, col, cell, row, key=str(column))
                rows.append(row)
            if rows:
                state.answers[q.name] = rows
        else:
            state._take(q.name, q, raw, state.answers)
    state.refresh()
    return state, [*extra, *state.issues.values()]


def file_answers(definition: FormDefinition, answers: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Every file answer ({name, sha256, size}), top level and in repeat rows: what a response's attachments are."""
    found: list[dict[str, Any]] = []
    for q in definition.questions():
        value = answers.get(q.name)
        if q.type is QType.FILE and isinstance(value, Mapping):
            found.append(dict(value))
        elif q.type is QType.REPEAT and isinstance(value, list):
            for row in value:
                for f in q.fields:
                    cell = row.get(f.name) if isinstance(row, Mapping) else None
                    if f.type is QType.FILE and isinstance(cell, Mapping):
                        found.append(dict(cell))
    return found

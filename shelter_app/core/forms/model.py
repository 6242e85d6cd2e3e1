"""The typed model of a form definition: sections (pages) of questions, each with its type, bilingual texts,
rules and where its answer goes in the project.

Built by `content.forms` from the YAML files in `forms/` after validation; nothing here reads files.
Every expression is already compiled (`core.forms.expressions.Expression`), so a definition that loaded
cannot carry an unsafe or misspelt rule.
"""

from __future__ import annotations

import graphlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any, Final

from shelter_app.core.bilingual import Text
from shelter_app.core.forms.expressions import Expression

__all__ = ["Choice", "FormDefinition", "QType", "Question", "Section"]


class QType(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    MONEY = "money"
    PERCENT = "percent"
    DATE = "date"
    YES_NO = "yes_no"
    SELECT_ONE = "select_one"
    SELECT_MULTIPLE = "select_multiple"
    EMAIL = "email"
    PHONE = "phone"
    RFC = "rfc"
    CURP = "curp"
    POSTAL_CODE = "postal_code"
    TARIFF_CODE = "tariff_code"
    FILE = "file"
    NOTE = "note"
    CALCULATE = "calculate"
    REPEAT = "repeat"


NUMERIC_TYPES: Final = frozenset({QType.INTEGER, QType.DECIMAL, QType.MONEY, QType.PERCENT})
TEXT_TYPES: Final = frozenset({QType.TEXT, QType.LONG_TEXT, QType.EMAIL, QType.PHONE, QType.RFC, QType.CURP,
                               QType.POSTAL_CODE, QType.TARIFF_CODE})
NO_ANSWER_TYPES: Final = frozenset({QType.NOTE})
CALCULATION_RESULTS: Final = frozenset({QType.DECIMAL, QType.INTEGER, QType.TEXT, QType.YES_NO})
MAX_ROWS: Final = 10_000
"""No repeat group may hold more rows (a response with more is refused before it is unpacked)."""


@dataclass(frozen=True)
class Choice:
    value: str
    label: Text


Bound = int | Decimal | date


@dataclass(frozen=True)
class Question:
    """One question. `minimum`/`maximum` are typed for the question (int, Decimal, date; for a
    select_multiple, how many choices may be ticked); `default` is a canonical answer value."""

    name: str
    type: QType
    label: Text
    hint: Text | None = None
    required: bool = False
    read_only: bool = False
    default: object = None
    minimum: Bound | None = None
    maximum: Bound | None = None
    decimals: int = 2
    max_length: int | None = None
    currencies: tuple[str, ...] = ()
    choices: tuple[Choice, ...] = ()
    constraint: Expression | None = None
    constraint_message: Text | None = None
    relevant: Expression | None = None
    calculation: Expression | None = None
    result: QType = QType.DECIMAL  # what a calculation gives
    fields: tuple[Question, ...] = ()  # a repeat's row questions
    min_rows: int = 0
    max_rows: int = MAX_ROWS
    max_size_mb: int = 20
    extensions: tuple[str, ...] = ()
    maps_to: tuple[str, ...] = ()
    """Where the answer goes: targets of `core.forms.mapping` (several when one answer feeds several places); for
    a repeat's row question, the column name(s) in its group's targets."""

    @property
    def answered_by_user(self) -> bool:
        """False for notes and calculations: nothing to type."""
        return self.type not in (QType.NOTE, QType.CALCULATE) and not self.read_only

    @property
    def value_type(self) -> QType:
        """The type of the stored value (a calculation stores its result type)."""
        return self.result if self.type is QType.CALCULATE else self.type

    def choice(self, value: str) -> Choice | None:
        return next((c for c in self.choices if c.value == value), None)

    def row_question(self, name: str) -> Question | None:
        return next((q for q in self.fields if q.name == name), None)


@dataclass(frozen=True)
class Section:
    """A page of the form."""

    id: str
    title: Text
    questions: tuple[Question, ...]
    description: Text | None = None
    relevant: Expression | None = None


@dataclass(frozen=True)
class FormDefinition:
    id: str
    version: str
    title: Text
    sections: tuple[Section, ...]
    description: Text | None = None
    source: str = ""  # where it was loaded from, for messages
    data: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """The definition as plain JSON data, as validated: what a package carries."""
    _index: dict[str, Question] = field(default_factory=dict, compare=False, repr=False)
    _section_of: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for section in self.sections:
            for q in section.questions:
                self._index[q.name] = q
                self._section_of[q.name] = section.id

    @property
    def key(self) -> tuple[str, str]:
        return (self.id, self.version)

    def questions(self) -> Iterator[Question]:
        """Top-level questions in page order (a repeat's row questions are in its `fields`)."""
        for section in self.sections:
            yield from section.questions

    def question(self, name: str) -> Question | None:
        return self._index.get(name)

    def section_of(self, name: str) -> str | None:
        return self._section_of.get(name)

    def calculation_order(self) -> list[Question]:
        """The form's calculations, each after those it reads (graphlib.CycleError when they form a circle)."""
        calcs = {q.name: q for q in self.questions() if q.calculation is not None}
        graph = {name: {n for n in q.calculation.names if n in calcs}
                 for name, q in calcs.items() if q.calculation is not None}
        return [calcs[name] for name in graphlib.TopologicalSorter(graph).static_order()]

    def field_count(self) -> int:
        """Questions including every repeat's row questions (what "a 300-field form" counts)."""
        return sum(1 + len(q.fields) for q in self.questions())

"""The domain rules an input must meet before it is computed (docs/business-case-contract.md §3 and §8).

Types and shapes are the caller's business (the JSON contract checks them in `exchange`, a
GUI editor by its widgets); these are the ranges and the rules across fields, so both get the
same answer. Each error names the field by its path in the contract, without the leading `$.`
(e.g. `workforce.roles[2].headcount`), and the first problem found is raised.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Final

from shelter_app.core.business_case.inputs import BusinessCaseInput, FeeModel, Role
from shelter_app.core.business_case.reference import CESANTIA_VEJEZ_BANDS
from shelter_app.core.business_case.schema import Node, Shape, document_fields
from shelter_app.core.errors import ValidationError

ROLE_ID: Final = re.compile(r"[a-z][a-z0-9_]*")

_ZERO, _ONE = Decimal(0), Decimal(1)


class InvalidBusinessCase(ValidationError):
    """An input value breaks a rule of the contract.

    `field` is its path in the contract without the leading `$.` (`workforce.roles[0].headcount`);
    `problem_en` and `problem_es` say what is wrong without the path, for a form that shows the
    message next to the field.
    """

    def __init__(self, path: str, problem_en: str, problem_es: str) -> None:
        super().__init__(f"{path}: {problem_en}", f"{path}: {problem_es}", field=path)
        self.path = path
        self.problem_en = problem_en
        self.problem_es = problem_es


def year_key(path: str, year: int) -> str:
    """The path of one entry of a year map, as JSONPath writes a key that is not a name: `x['2027']`."""
    return f"{path}['{year}']"


def invalid(path: str, en: str, es: str) -> InvalidBusinessCase:
    return InvalidBusinessCase(path, en, es)


def _at_least(path: str, value: Decimal, low: Decimal, *, strict: bool) -> None:
    if value < low or (strict and value == low):
        sign = ">" if strict else "≥"
        raise invalid(path, f"must be {sign} {low} (got {value})", f"debe ser {sign} {low} (se recibió {value})")


def _fraction(path: str, value: Decimal | None) -> None:
    if value is not None and not _ZERO <= value <= _ONE:
        raise invalid(
            path,
            f"must be a fraction between 0 and 1 (got {value})",
            f"debe ser una fracción entre 0 y 1 (se recibió {value})",
        )


def _int_range(path: str, value: int, low: int, high: int | None = None) -> None:
    if value < low or (high is not None and value > high):
        span = f"between {low} and {high}" if high is not None else f"≥ {low}"
        rango = f"entre {low} y {high}" if high is not None else f"≥ {low}"
        raise invalid(path, f"must be {span} (got {value})", f"debe estar {rango} (se recibió {value})")


def _non_empty(path: str, text: str) -> None:
    if not text.strip():
        raise invalid(path, "must not be empty", "no debe estar vacío")


def check_ranges(value: object, nodes: Iterable[Node], prefix: str = "") -> None:
    """Raise `InvalidBusinessCase` for the first number outside its declared range (`FieldMeta.low/high`),
    text longer than its `max_length`, or a list or year map longer than its `max_items`, walking `value` (a
    dataclass of the document) along `nodes`.

    A sensitivity run computes a case a dozen times: a number that fits is checked without building its path."""
    for n in nodes:
        got = getattr(value, n.name)
        if got is None:
            continue
        shape = n.shape
        if n.meta.max_items is not None and shape in _LISTS:
            check_items(_at(prefix, n.key), len(got), n.meta.max_items)
        if shape is Shape.NUMBER or shape is Shape.INTEGER:
            if not _fits(got, n):
                _in_range(_at(prefix, n.key), got, n)
        elif shape is Shape.OBJECT:
            check_ranges(got, n.children, _at(prefix, n.key))
        elif shape is Shape.OBJECT_LIST:
            path = _at(prefix, n.key)
            for i, element in enumerate(got):
                check_ranges(element, n.children, f"{path}[{i}]")
        elif shape is Shape.YEAR_MAP:
            path = _at(prefix, n.key)
            for year, entry in got.items():
                if isinstance(entry, tuple):
                    for band, rate in enumerate(entry):
                        if not _fits(rate, n):
                            _in_range(f"{year_key(path, year)}[{band}]", rate, n)
                elif not _fits(entry, n):
                    _in_range(year_key(path, year), entry, n)
        elif shape is Shape.NUMBER_LIST:
            for i, number in enumerate(got):
                if not _fits(number, n):
                    _in_range(f"{_at(prefix, n.key)}[{i}]", number, n)
        elif shape is Shape.TEXT and n.meta.max_length is not None and len(got.strip()) > n.meta.max_length:
            raise invalid(_at(prefix, n.key), f"must be text of at most {n.meta.max_length} characters",
                          f"debe ser un texto de a lo más {n.meta.max_length} caracteres")


_LISTS: Final = (Shape.OBJECT_LIST, Shape.YEAR_MAP, Shape.NUMBER_LIST)


def check_items(path: str, count: int, most: int) -> None:
    """Refuse a list or year map of more than `most` entries (its field's `max_items`)."""
    if count > most:
        raise invalid(path, f"must have at most {most} entries (got {count})",
                      f"debe tener a lo más {most} elementos (se recibieron {count})")


def _at(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def _fits(value: Decimal | int, n: Node) -> bool:
    """The quick check: a finite number within the field's range (the slow one says why not)."""
    if isinstance(value, Decimal) and not value.is_finite():
        return False
    low, high = n.meta.low, n.meta.high
    if low is not None and (value < low or (value == low and n.meta.low_strict)):
        return False
    return high is None or value <= high


def _in_range(path: str, value: Decimal | int, n: Node) -> None:
    if isinstance(value, Decimal) and not value.is_finite():
        raise invalid(path, "must be a finite number", "debe ser un número finito")
    low, high = n.meta.low, n.meta.high
    if n.meta.fraction:
        _fraction(path, Decimal(value))
    elif n.shape is Shape.INTEGER and low is not None:
        _int_range(path, int(value), int(low), None if high is None else int(high))
    elif low is not None and high is not None:
        if not low <= value <= high or (n.meta.low_strict and value == low):
            raise invalid(path, f"must be between {low} and {high} (got {value})",
                          f"debe estar entre {low} y {high} (se recibió {value})")
    elif low is not None:
        _at_least(path, Decimal(value), low, strict=n.meta.low_strict)
    elif high is not None and value > high:
        raise invalid(path, f"must be ≤ {high} (got {value})", f"debe ser ≤ {high} (se recibió {value})")


def check_input(case: BusinessCaseInput) -> None:
    """Raise `InvalidBusinessCase` for the first rule `case` breaks; reference look-ups are checked later.

    The ranges come from the fields' declarations (`check_ranges`); the rules across fields are here."""
    check_ranges(case, document_fields())
    _check_scenario(case)
    _check_location(case)
    _check_workforce(case)
    _check_statutory_bands(case)
    _check_shelter_fee(case)


def _check_scenario(case: BusinessCaseInput) -> None:
    s = case.scenario
    if s.name != "":
        _non_empty("scenario.name", s.name)
    years = s.years
    for year in s.ramp_realization_by_year:
        if year not in years:
            raise invalid(
                year_key("scenario.ramp_realization_by_year", year),
                f"the year is outside the horizon {years[0]}–{years[-1]}",
                f"el año está fuera del horizonte {years[0]}–{years[-1]}",
            )


def _check_location(case: BusinessCaseInput) -> None:
    _non_empty("location.state", case.location.state)
    if case.location.city != "":
        _non_empty("location.city", case.location.city)


def _check_workforce(case: BusinessCaseInput) -> None:
    w = case.workforce
    if not w.roles:
        raise invalid("workforce.roles", "must list at least one role", "debe incluir al menos un puesto")
    seen: set[str] = set()
    for i, role in enumerate(w.roles):
        _check_role(f"workforce.roles[{i}]", role)
        if role.id in seen:
            raise invalid(
                f"workforce.roles[{i}].id",
                f"the id '{role.id}' is used by an earlier role",
                f"el id '{role.id}' ya lo usa un puesto anterior",
            )
        seen.add(role.id)
    if sum((r.headcount for r in w.roles), _ZERO) <= _ZERO:
        raise invalid("workforce.roles", "the total headcount must be > 0", "la plantilla total debe ser > 0")


def _check_role(path: str, role: Role) -> None:
    if ROLE_ID.fullmatch(role.id) is None:
        raise invalid(
            f"{path}.id",
            f"'{role.id}' must be lower-case letters, digits and _ , starting with a letter",
            f"'{role.id}' debe tener minúsculas, dígitos y _ , y empezar con una letra",
        )
    if role.name != "":
        _non_empty(f"{path}.name", role.name)


def _check_statutory_bands(case: BusinessCaseInput) -> None:
    for year, row in case.statutory.cesantia_vejez_employer_rates_by_year.items():
        if len(row) != CESANTIA_VEJEZ_BANDS:
            raise invalid(
                year_key("statutory.cesantia_vejez_employer_rates_by_year", year),
                f"must hold {CESANTIA_VEJEZ_BANDS} band rates (got {len(row)})",
                f"debe tener {CESANTIA_VEJEZ_BANDS} tasas por banda (se recibieron {len(row)})",
            )


_PRICE_FIELD: Final = {
    FeeModel.PER_HEADCOUNT: "usd_per_head_per_month",
    FeeModel.PER_HOUR: "usd_per_worked_hour",
    FeeModel.MARKUP: "markup_rate",
}


def price_field(model: FeeModel) -> str:
    """The `ShelterFee` field that prices `model`."""
    return _PRICE_FIELD[model]


def _check_shelter_fee(case: BusinessCaseInput) -> None:
    fee = case.shelter_fee
    needed = _PRICE_FIELD[fee.model]
    if getattr(fee, needed) is None:
        raise invalid(
            f"shelter_fee.{needed}",
            f"is required by the model '{fee.model}'",
            f"es obligatorio con el modelo '{fee.model}'",
        )

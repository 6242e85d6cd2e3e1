"""The domain rules an input must meet before it is computed (business-case-io.md §3 and §8).

Types and shapes are the caller's business (the JSON contract checks them in `exchange`, a
GUI editor by its widgets); these are the ranges and the rules across fields, so both get the
same answer. Each error names the field by its path in the contract, without the leading `$.`
(e.g. `workforce.roles[2].headcount`), and the first problem found is raised.
"""

from __future__ import annotations

import re
from dataclasses import fields
from decimal import Decimal
from typing import Final

from shelter_app.core.business_case.inputs import BusinessCaseInput, FeeModel, Role
from shelter_app.core.business_case.reference import CESANTIA_VEJEZ_BANDS
from shelter_app.core.errors import ValidationError

ROLE_ID: Final = re.compile(r"[a-z][a-z0-9_]*")
MIN_BASE_YEAR, MAX_BASE_YEAR = 2000, 2100
MAX_HORIZON_YEARS = 30

_ZERO, _ONE, _MINUS_ONE = Decimal(0), Decimal(1), Decimal(-1)


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


def _non_negative(path: str, value: Decimal | None) -> None:
    if value is not None:
        _at_least(path, value, _ZERO, strict=False)


def _positive(path: str, value: Decimal | None) -> None:
    if value is not None:
        _at_least(path, value, _ZERO, strict=True)


def _above_minus_one(path: str, value: Decimal | None) -> None:
    if value is not None:
        _at_least(path, value, _MINUS_ONE, strict=True)


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


def check_input(case: BusinessCaseInput) -> None:
    """Raise `InvalidBusinessCase` for the first rule `case` breaks; reference look-ups are checked later."""
    _check_scenario(case)
    _check_location(case)
    _check_workforce(case)
    _check_statutory(case)
    ptu = case.ptu
    _fraction("ptu.rate", ptu.rate)
    _non_negative("ptu.taxable_income_margin", ptu.taxable_income_margin)
    _non_negative("ptu.cap_days", ptu.cap_days)
    for group, value in (
        ("facility", case.facility),
        ("utilities", case.utilities),
        ("site_overhead", case.site_overhead),
        ("logistics", case.logistics),
    ):
        for f in fields(value):
            _non_negative(f"{group}.{f.name}", getattr(value, f.name))
    _check_shelter_fee(case)
    base = case.us_baseline
    for f in fields(base):
        if f.name == "paid_hours_per_year":
            _positive("us_baseline.paid_hours_per_year", base.paid_hours_per_year)
        else:
            _non_negative(f"us_baseline.{f.name}", getattr(base, f.name))
    for i, item in enumerate(case.one_time.items):
        _non_negative(f"one_time.items[{i}].amount_usd", item.amount_usd)
    _non_negative("one_time.contingency_rate", case.one_time.contingency_rate)
    _non_negative("one_time.pipeline_inventory_usd", case.one_time.pipeline_inventory_usd)
    for f in fields(case.escalation):
        _above_minus_one(f"escalation.{f.name}", getattr(case.escalation, f.name))
    iva = case.iva_financing
    _non_negative("iva_financing.temporary_imports_usd_per_month", iva.temporary_imports_usd_per_month)
    _fraction("iva_financing.iva_rate", iva.iva_rate)
    _non_negative("iva_financing.recovery_lag_months", iva.recovery_lag_months)
    _above_minus_one("iva_financing.cost_of_capital_rate", iva.cost_of_capital_rate)


def _check_scenario(case: BusinessCaseInput) -> None:
    s = case.scenario
    if s.name != "":
        _non_empty("scenario.name", s.name)
    _int_range("scenario.base_year", s.base_year, MIN_BASE_YEAR, MAX_BASE_YEAR)
    _int_range("scenario.horizon_years", s.horizon_years, 1, MAX_HORIZON_YEARS)
    _positive("scenario.fx_mxn_per_usd", s.fx_mxn_per_usd)
    _above_minus_one("scenario.discount_rate", s.discount_rate)
    years = s.years
    for year, share in s.ramp_realization_by_year.items():
        path = year_key("scenario.ramp_realization_by_year", year)
        if year not in years:
            raise invalid(
                path,
                f"the year is outside the horizon {years[0]}–{years[-1]}",
                f"el año está fuera del horizonte {years[0]}–{years[-1]}",
            )
        _fraction(path, share)


def _check_location(case: BusinessCaseInput) -> None:
    _non_empty("location.state", case.location.state)
    if case.location.city != "":
        _non_empty("location.city", case.location.city)


def _check_workforce(case: BusinessCaseInput) -> None:
    w = case.workforce
    _int_range("workforce.seniority_years", w.seniority_years, 1)
    _positive("workforce.productivity_factor", w.productivity_factor)
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
    _non_negative(f"{path}.headcount", role.headcount)
    _positive(f"{path}.daily_wage_mxn", role.daily_wage_mxn)
    for f in fields(role.market_benefits):
        _non_negative(f"{path}.market_benefits.{f.name}", getattr(role.market_benefits, f.name))


def _check_statutory(case: BusinessCaseInput) -> None:
    st = case.statutory
    p = "statutory"
    _positive(f"{p}.min_wage_mxn_per_day", st.min_wage_mxn_per_day)
    _positive(f"{p}.uma_mxn_per_day", st.uma_mxn_per_day)
    _fraction(f"{p}.isn_rate", st.isn_rate)
    _fraction(f"{p}.rt_premium_rate", st.rt_premium_rate)
    for name in (
        "aguinaldo_days",
        "vacation_days",
        "prima_vacacional_rate",
        "rest_days_per_year",
        "paid_holidays_per_year",
        "em_excedente_threshold_uma",
    ):
        _non_negative(f"{p}.{name}", getattr(st, name))
    for name in ("worked_days_per_year", "hours_per_worked_day_at_48h", "sbc_cap_uma"):
        _positive(f"{p}.{name}", getattr(st, name))
    for year, hours in st.weekly_hours_by_year.items():
        _positive(year_key(f"{p}.weekly_hours_by_year", year), hours)
    for group in ("imss_employer_rates", "imss_worker_rates"):
        rates = getattr(st, group)
        for f in fields(rates):
            _fraction(f"{p}.{group}.{f.name}", getattr(rates, f.name))
    _fraction(f"{p}.infonavit_rate", st.infonavit_rate)
    for year, row in st.cesantia_vejez_employer_rates_by_year.items():
        path = year_key(f"{p}.cesantia_vejez_employer_rates_by_year", year)
        if len(row) != CESANTIA_VEJEZ_BANDS:
            raise invalid(
                path,
                f"must hold {CESANTIA_VEJEZ_BANDS} band rates (got {len(row)})",
                f"debe tener {CESANTIA_VEJEZ_BANDS} tasas por banda (se recibieron {len(row)})",
            )
        for band, rate in enumerate(row):
            _fraction(f"{path}[{band}]", rate)


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
    for name in _PRICE_FIELD.values():
        _non_negative(f"shelter_fee.{name}", getattr(fee, name))
    needed = _PRICE_FIELD[fee.model]
    if getattr(fee, needed) is None:
        raise invalid(
            f"shelter_fee.{needed}",
            f"is required by the model '{fee.model}'",
            f"es obligatorio con el modelo '{fee.model}'",
        )

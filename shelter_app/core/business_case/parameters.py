"""Resolve the input against the reference tables: every default filled in, every source kept.

The result is `Parameters`: the base-year values the computation uses (docs/business-case-contract.md
§3.5 and §6.2), plus one `ParameterSource` per reference-backed value saying whether it came
from a table (with the table's provenance) or from the input (an override, with the table's
value it replaced and the reason given). A PDF prints the appendix and the overrides from it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from shelter_app.core.answers import WageZone
from shelter_app.core.business_case.inputs import BusinessCaseInput, FeeModel
from shelter_app.core.business_case.reference import (
    IMSS_EMPLOYER_KEYS,
    IMSS_WORKER_KEYS,
    Provenance,
    ReferenceData,
    RiskClass,
    Sourced,
)
from shelter_app.core.business_case.validation import invalid

PAYROLL_DAYS = Decimal(365)
"""The daily wage pays every calendar day (leap years are not modelled)."""


class Origin(StrEnum):
    REFERENCE = "reference"
    """From a reference table (see the provenance)."""
    INPUT = "input"
    """Given in the input; an override when the table has a value for it."""


ParameterValue = Decimal | tuple[Decimal, ...]
V = TypeVar("V", Decimal, tuple[Decimal, ...])


@dataclass(frozen=True)
class ParameterSource:
    """Where one resolved parameter came from."""

    parameter: str
    """Its name in the result, e.g. "isn_rate", "imss_employer_rates.em_excedente", "weekly_hours_by_year.2027"."""
    value: ParameterValue
    origin: Origin
    provenance: Provenance | None
    """The table value's provenance: of the value used, or of the value the input replaced."""
    reference_value: ParameterValue | None = None
    """The table's value when the input replaced it (None when the table has none)."""
    reason: str = ""
    """Why the input replaced it (`BusinessCaseInput.overrides`)."""
    restated: bool = False
    """The input gave the table's own value: it is the table's (and stays "to verify" where the table's is)."""

    @property
    def to_verify(self) -> bool:
        return self.origin is Origin.REFERENCE and self.provenance is not None and self.provenance.to_verify


@dataclass(frozen=True)
class ImssEmployerRates:
    em_cuota_fija: Decimal
    """A fraction of one UMA per day, per worker."""
    em_excedente: Decimal
    em_prestaciones_dinero: Decimal
    em_gastos_medicos_pensionados: Decimal
    invalidez_vida: Decimal
    guarderias_prestaciones_sociales: Decimal
    retiro: Decimal


@dataclass(frozen=True)
class ImssWorkerRates:
    em_excedente: Decimal
    em_prestaciones_dinero: Decimal
    em_gastos_medicos_pensionados: Decimal
    invalidez_vida: Decimal
    cesantia_vejez: Decimal


@dataclass(frozen=True)
class PtuParameters:
    rate: Decimal
    taxable_income_margin: Decimal
    cap_days: Decimal


@dataclass(frozen=True)
class EscalationRates:
    """All six rates, the chained defaults (min_wage ← mx_wages, uma ← mx_cpi) resolved."""

    mx_wages: Decimal
    min_wage: Decimal
    uma: Decimal
    mx_cpi: Decimal
    usd_costs: Decimal
    us_wages: Decimal


@dataclass(frozen=True)
class Parameters:
    """The resolved inputs after defaults (the result's `parameters`)."""

    state: str
    wage_zone: WageZone
    min_wage_mxn_per_day: Decimal
    uma_mxn_per_day: Decimal
    isn_rate: Decimal
    risk_class: RiskClass
    rt_premium_rate: Decimal
    aguinaldo_days: Decimal
    seniority_years: int
    vacation_days: Decimal
    prima_vacacional_rate: Decimal
    rest_days_per_year: Decimal
    paid_holidays_per_year: Decimal
    worked_days_per_year: Decimal
    hours_per_worked_day_at_48h: Decimal
    integration_factor: Decimal
    """FI = 1 + (aguinaldo days + vacation days × prima vacacional) / 365."""
    sbc_cap_uma: Decimal
    em_excedente_threshold_uma: Decimal
    imss_employer_rates: ImssEmployerRates
    imss_worker_rates: ImssWorkerRates
    infonavit_rate: Decimal
    weekly_hours_by_year: Mapping[int, Decimal]
    """One entry per projected year."""
    cesantia_vejez_rates_by_year: Mapping[int, tuple[Decimal, ...]]
    """Eight band rates per projected year."""
    productivity_factor: Decimal
    ptu: PtuParameters
    escalation: EscalationRates
    shelter_fee_model: FeeModel
    dta_mxn_per_pedimento: Decimal
    iva_rate: Decimal
    iva_cost_of_capital_rate: Decimal
    us_paid_hours_per_year: Decimal
    sources: tuple[ParameterSource, ...]

    @property
    def overrides(self) -> tuple[ParameterSource, ...]:
        """The values the input set instead of the tables, in the order of the result's parameters."""
        return tuple(s for s in self.sources if s.origin is Origin.INPUT)

    @property
    def to_verify(self) -> tuple[ParameterSource, ...]:
        """The table values in use that the domain notes do not confirm as current."""
        return tuple(s for s in self.sources if s.to_verify)


class _Resolver:
    """Picks each value from the input or the table and records which, in resolution order."""

    def __init__(self, case: BusinessCaseInput) -> None:
        self.reasons = {o.parameter: o.reason for o in case.overrides}
        self.sources: list[ParameterSource] = []

    def pick(
        self,
        parameter: str,
        given: V | None,
        reference: Sourced[V] | None,
        missing: Callable[[], Exception] | None = None,
    ) -> V:
        if given is not None and reference is not None and given == reference.value:
            self.sources.append(ParameterSource(parameter, given, Origin.REFERENCE, reference.provenance,
                                                reason=self.reasons.get(parameter, ""), restated=True))
            return given
        if given is not None:
            self.sources.append(
                ParameterSource(
                    parameter,
                    given,
                    Origin.INPUT,
                    reference.provenance if reference else None,
                    reference.value if reference else None,
                    self.reasons.get(parameter, ""),
                )
            )
            return given
        if reference is None:
            assert missing is not None, parameter
            raise missing()
        self.sources.append(ParameterSource(parameter, reference.value, Origin.REFERENCE, reference.provenance))
        return reference.value


def _required(path: str, what_en: str, what_es: str) -> Callable[[], Exception]:
    return lambda: invalid(
        path,
        f"is required: the reference tables have no {what_en}; give it in the input",
        f"es obligatorio: las tablas de referencia no tienen {what_es}; indíquelo en la entrada",
    )


def resolve(case: BusinessCaseInput, ref: ReferenceData) -> Parameters:
    """Fill every default from `ref` for the base year; raise `InvalidBusinessCase` when a table has no row."""
    st = case.statutory
    year = case.scenario.base_year
    zone = case.location.wage_zone
    state = case.location.state
    r = _Resolver(case)
    zone_name = "zlfn" if zone is WageZone.BORDER else "general"
    min_wage = r.pick(
        "min_wage_mxn_per_day",
        st.min_wage_mxn_per_day,
        ref.minimum_wage_mxn_per_day.get((year, zone)),
        _required(
            "statutory.min_wage_mxn_per_day",
            f"minimum wage for {year} ({zone_name})",
            f"salario mínimo para {year} ({zone_name})",
        ),
    )
    uma = r.pick(
        "uma_mxn_per_day",
        st.uma_mxn_per_day,
        ref.uma_mxn_per_day.get(year),
        _required("statutory.uma_mxn_per_day", f"UMA for {year}", f"UMA para {year}"),
    )
    isn = r.pick(
        "isn_rate",
        st.isn_rate,
        ref.isn_rate.get((year, state)),
        _required(
            "statutory.isn_rate",
            f"payroll tax (ISN) rate for '{state}' in {year}",
            f"tasa del impuesto sobre nóminas (ISN) para '{state}' en {year}",
        ),
    )
    risk_class = st.risk_class or ref.default_risk_class
    rt = r.pick("rt_premium_rate", st.rt_premium_rate, ref.risk_class_premiums[risk_class])
    d = ref.defaults
    aguinaldo = r.pick("aguinaldo_days", st.aguinaldo_days, d.aguinaldo_days)
    seniority = case.workforce.seniority_years
    vacation_ref = Sourced(Decimal(ref.vacation.value.days_for(seniority)), ref.vacation.provenance)
    vacation = r.pick("vacation_days", st.vacation_days, vacation_ref)
    prima = r.pick("prima_vacacional_rate", st.prima_vacacional_rate, d.prima_vacacional_rate)
    rest = r.pick("rest_days_per_year", st.rest_days_per_year, d.rest_days_per_year)
    holidays = r.pick("paid_holidays_per_year", st.paid_holidays_per_year, d.paid_holidays_per_year)
    if st.worked_days_per_year is not None:
        worked_days = r.pick("worked_days_per_year", st.worked_days_per_year, None)
    else:
        worked_days = PAYROLL_DAYS - rest - holidays - vacation
    if worked_days <= 0:
        raise invalid(
            "statutory.worked_days_per_year",
            f"must be > 0, but 365 − rest days − holidays − vacation days = {worked_days}",
            f"debe ser > 0, pero 365 − descansos − festivos − vacaciones = {worked_days}",
        )
    hours_per_day = r.pick("hours_per_worked_day_at_48h", st.hours_per_worked_day_at_48h, d.hours_per_worked_day_at_48h)
    sbc_cap = r.pick("sbc_cap_uma", st.sbc_cap_uma, d.sbc_cap_uma)
    threshold = r.pick("em_excedente_threshold_uma", st.em_excedente_threshold_uma, d.em_excedente_threshold_uma)
    employer = ImssEmployerRates(
        **{
            key: r.pick(
                f"imss_employer_rates.{key}", getattr(st.imss_employer_rates, key), ref.imss_employer_rates[key]
            )
            for key in IMSS_EMPLOYER_KEYS
        }
    )
    worker = ImssWorkerRates(
        **{
            key: r.pick(f"imss_worker_rates.{key}", getattr(st.imss_worker_rates, key), ref.imss_worker_rates[key])
            for key in IMSS_WORKER_KEYS
        }
    )
    infonavit = r.pick("infonavit_rate", st.infonavit_rate, d.infonavit_rate)
    hours: dict[int, Decimal] = {}
    cyv: dict[int, tuple[Decimal, ...]] = {}
    for y in case.scenario.years:
        hours[y] = r.pick(f"weekly_hours_by_year.{y}", st.weekly_hours_by_year.get(y), ref.weekly_hours.for_year(y))
        row = r.pick(
            f"cesantia_vejez_employer_rates_by_year.{y}",
            st.cesantia_vejez_employer_rates_by_year.get(y),
            ref.cesantia_vejez_rates.for_year(y),
        )
        cyv[y] = row
    ptu = PtuParameters(
        rate=r.pick("ptu.rate", case.ptu.rate, d.ptu_rate),
        taxable_income_margin=r.pick(
            "ptu.taxable_income_margin", case.ptu.taxable_income_margin, d.ptu_taxable_income_margin
        ),
        cap_days=r.pick("ptu.cap_days", case.ptu.cap_days, d.ptu_cap_days),
    )
    dta = r.pick("logistics.dta_mxn_per_pedimento", case.logistics.dta_mxn_per_pedimento, d.dta_mxn_per_pedimento)
    iva_rate = r.pick("iva_financing.iva_rate", case.iva_financing.iva_rate, d.iva_rate)
    us_hours = r.pick("us_baseline.paid_hours_per_year", case.us_baseline.paid_hours_per_year, d.us_paid_hours_per_year)
    e = case.escalation
    escalation = EscalationRates(
        mx_wages=e.mx_wages,
        min_wage=e.mx_wages if e.min_wage is None else e.min_wage,
        uma=e.mx_cpi if e.uma is None else e.uma,
        mx_cpi=e.mx_cpi,
        usd_costs=e.usd_costs,
        us_wages=e.us_wages,
    )
    iva_coc = case.iva_financing.cost_of_capital_rate
    _check_override_reasons(case, {s.parameter for s in r.sources if s.origin is Origin.INPUT or s.restated})
    return Parameters(
        state=state,
        wage_zone=zone,
        min_wage_mxn_per_day=min_wage,
        uma_mxn_per_day=uma,
        isn_rate=isn,
        risk_class=risk_class,
        rt_premium_rate=rt,
        aguinaldo_days=aguinaldo,
        seniority_years=seniority,
        vacation_days=vacation,
        prima_vacacional_rate=prima,
        rest_days_per_year=rest,
        paid_holidays_per_year=holidays,
        worked_days_per_year=worked_days,
        hours_per_worked_day_at_48h=hours_per_day,
        integration_factor=1 + (aguinaldo + vacation * prima) / PAYROLL_DAYS,
        sbc_cap_uma=sbc_cap,
        em_excedente_threshold_uma=threshold,
        imss_employer_rates=employer,
        imss_worker_rates=worker,
        infonavit_rate=infonavit,
        weekly_hours_by_year=hours,
        cesantia_vejez_rates_by_year=cyv,
        productivity_factor=case.workforce.productivity_factor,
        ptu=ptu,
        escalation=escalation,
        shelter_fee_model=case.shelter_fee.model,
        dta_mxn_per_pedimento=dta,
        iva_rate=iva_rate,
        iva_cost_of_capital_rate=case.scenario.discount_rate if iva_coc is None else iva_coc,
        us_paid_hours_per_year=us_hours,
        sources=tuple(r.sources),
    )


def _check_override_reasons(case: BusinessCaseInput, overridden: set[str]) -> None:
    """A reason for a value the input does not set is a slip of the editor: say so rather than print it."""
    for i, override in enumerate(case.overrides):
        if override.parameter not in overridden:
            raise invalid(
                f"overrides[{i}].parameter",
                f"'{override.parameter}' is not a reference value this input sets",
                f"'{override.parameter}' no es un valor de referencia que esta entrada indique",
            )

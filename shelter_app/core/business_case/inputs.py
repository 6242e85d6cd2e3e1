"""What a business case is computed from: typed, immutable, independent of any file format.

A GUI editor builds these directly; the JSON contract (`shelter-app/business-case@1`) is
mapped onto them by `exchange.business_case_io`. Field names follow the contract, so a money
field names its currency (`daily_wage_mxn`, `usd_per_month`) and the contract's defaults are
the dataclass defaults. A field left `None` takes its value from the reference tables (or
from another field, as the docstring says) when the case is computed; setting it records an
override, which the result lists with the reason given in `BusinessCaseInput.overrides`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from shelter_app.core.answers import WageZone
from shelter_app.core.business_case.reference import RiskClass

ZERO = Decimal(0)
ONE = Decimal(1)


class FeeModel(StrEnum):
    """How the shelter prices its service."""

    PER_HEADCOUNT = "per_headcount"
    PER_HOUR = "per_hour"
    MARKUP = "markup"


@dataclass(frozen=True)
class Scenario:
    base_year: int
    """First projected year; the statutory defaults come from this year's reference rows."""
    horizon_years: int
    fx_mxn_per_usd: Decimal
    """Planning exchange rate, flat over the horizon."""
    discount_rate: Decimal
    name: str = ""
    ramp_realization_by_year: Mapping[int, Decimal] = field(default_factory=dict)
    """Share of the steady-state savings realised in a year (phased transfer); unlisted years realise 1."""

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(range(self.base_year, self.base_year + self.horizon_years))


@dataclass(frozen=True)
class Location:
    state: str
    """As written in table R6 (e.g. "Nuevo León"); any other name needs `StatutoryInputs.isn_rate`."""
    wage_zone: WageZone
    city: str = ""
    """Informational only."""


@dataclass(frozen=True)
class MarketBenefits:
    """Non-statutory benefits per employee; in @1 none of them is integrated into the SBC."""

    attendance_punctuality_bonus_rate: Decimal = ZERO
    """Share of 365 × SD."""
    food_vouchers_uma_fraction: Decimal = ZERO
    """Share of one UMA per day, paid 365 days (despensa)."""
    savings_fund_rate: Decimal = ZERO
    """Employer match, share of 365 × SD."""
    transport_mxn_per_worked_day: Decimal = ZERO
    cafeteria_mxn_per_worked_day: Decimal = ZERO
    private_insurance_mxn_per_year: Decimal = ZERO
    turnover_rate: Decimal = ZERO
    cost_per_hire_mxn: Decimal = ZERO


@dataclass(frozen=True)
class Role:
    """One job family of the Mexican plant; the US baseline uses the same headcount."""

    id: str
    headcount: Decimal
    """Heads at a 48-hour week and productivity 1 (fractions allowed)."""
    daily_wage_mxn: Decimal
    """Salario diario (SD) in the base year."""
    direct: bool
    """Direct labor: its FTE follows the hours reform and productivity; hourly-paid in the US."""
    name: str = ""
    """Display name; empty means the id."""
    ptu_eligible: bool = True
    """False for general managers and directors (excluded from PTU)."""
    market_benefits: MarketBenefits = MarketBenefits()

    @property
    def display_name(self) -> str:
        return self.name or self.id


@dataclass(frozen=True)
class Workforce:
    roles: tuple[Role, ...]
    seniority_years: int = 1
    """Seniority of every employee over the whole horizon; drives the default vacation days."""
    productivity_factor: Decimal = ONE
    """Mexican output per direct hour relative to plan; direct FTE is divided by it."""


@dataclass(frozen=True)
class ImssEmployerRateInputs:
    """Overrides of the employer IMSS rates (table R4); None keeps the table's."""

    em_cuota_fija: Decimal | None = None
    em_excedente: Decimal | None = None
    em_prestaciones_dinero: Decimal | None = None
    em_gastos_medicos_pensionados: Decimal | None = None
    invalidez_vida: Decimal | None = None
    guarderias_prestaciones_sociales: Decimal | None = None
    retiro: Decimal | None = None


@dataclass(frozen=True)
class ImssWorkerRateInputs:
    """Overrides of the worker quotas an employer absorbs under LSS art. 36; None keeps the table's."""

    em_excedente: Decimal | None = None
    em_prestaciones_dinero: Decimal | None = None
    em_gastos_medicos_pensionados: Decimal | None = None
    invalidez_vida: Decimal | None = None
    cesantia_vejez: Decimal | None = None


@dataclass(frozen=True)
class StatutoryInputs:
    """Statutory parameters; every None comes from the reference tables for the base year."""

    min_wage_mxn_per_day: Decimal | None = None
    uma_mxn_per_day: Decimal | None = None
    isn_rate: Decimal | None = None
    risk_class: RiskClass | None = None
    rt_premium_rate: Decimal | None = None
    """Takes precedence over `risk_class`."""
    aguinaldo_days: Decimal | None = None
    vacation_days: Decimal | None = None
    """None: table R3a for `Workforce.seniority_years`."""
    prima_vacacional_rate: Decimal | None = None
    rest_days_per_year: Decimal | None = None
    paid_holidays_per_year: Decimal | None = None
    worked_days_per_year: Decimal | None = None
    """None: 365 − rest days − holidays − vacation days."""
    hours_per_worked_day_at_48h: Decimal | None = None
    weekly_hours_by_year: Mapping[int, Decimal] = field(default_factory=dict)
    """Merged over table R3b: a year given here replaces the default for that year only."""
    sbc_cap_uma: Decimal | None = None
    em_excedente_threshold_uma: Decimal | None = None
    imss_employer_rates: ImssEmployerRateInputs = ImssEmployerRateInputs()
    imss_worker_rates: ImssWorkerRateInputs = ImssWorkerRateInputs()
    infonavit_rate: Decimal | None = None
    cesantia_vejez_employer_rates_by_year: Mapping[int, tuple[Decimal, ...]] = field(default_factory=dict)
    """Eight band rates per year, merged per year over table R5."""


@dataclass(frozen=True)
class PtuInputs:
    """Profit sharing; None takes the reference default (10 %, 6.5 % margin, 90 days)."""

    rate: Decimal | None = None
    taxable_income_margin: Decimal | None = None
    """Taxable income ≈ this share of (labor ex-PTU + facility + utilities + site overhead)."""
    cap_days: Decimal | None = None
    """Individual cap in days of SD (3 months of salary)."""


@dataclass(frozen=True)
class Facility:
    area_sqft: Decimal = ZERO
    rent_usd_per_sqft_month: Decimal = ZERO
    nnn_usd_per_sqft_month: Decimal = ZERO


@dataclass(frozen=True)
class Utilities:
    electricity_kwh_per_month: Decimal = ZERO
    electricity_mxn_per_kwh: Decimal = ZERO
    water_gas_mxn_per_month: Decimal = ZERO


@dataclass(frozen=True)
class SiteOverhead:
    usd_per_month: Decimal = ZERO
    """Security, janitorial, IT/telecom, medical, MRO, office."""


@dataclass(frozen=True)
class ShelterFee:
    """The shelter's price; only the field of `model` is used (the others may stay filled in an editor)."""

    model: FeeModel
    usd_per_head_per_month: Decimal | None = None
    usd_per_worked_hour: Decimal | None = None
    markup_rate: Decimal | None = None


@dataclass(frozen=True)
class Logistics:
    """Incremental cross-border cost."""

    northbound_loads_per_month: Decimal = ZERO
    southbound_loads_per_month: Decimal = ZERO
    crossing_usd_per_load: Decimal = ZERO
    us_entry_usd_per_northbound_load: Decimal = ZERO
    us_export_filing_usd_per_southbound_load: Decimal = ZERO
    northbound_pedimentos_per_month: Decimal = ZERO
    southbound_pedimentos_per_month: Decimal = ZERO
    customs_broker_mxn_per_pedimento: Decimal = ZERO
    dta_mxn_per_pedimento: Decimal | None = None
    """None: the reference DTA per pedimento."""


@dataclass(frozen=True)
class UsBaseline:
    """The current US plant; its headcount is the roles' headcount."""

    direct_wage_usd_per_hour: Decimal
    indirect_salary_usd_per_year: Decimal
    benefits_burden_rate: Decimal
    paid_hours_per_year: Decimal | None = None
    """None: the reference 2,080 paid hours."""
    area_sqft: Decimal = ZERO
    rent_usd_per_sqft_month: Decimal = ZERO
    nnn_usd_per_sqft_month: Decimal = ZERO
    electricity_kwh_per_month: Decimal = ZERO
    electricity_usd_per_kwh: Decimal = ZERO
    water_gas_usd_per_month: Decimal = ZERO
    site_overhead_usd_per_month: Decimal = ZERO


@dataclass(frozen=True)
class OneTimeItem:
    name: str
    amount_usd: Decimal


@dataclass(frozen=True)
class OneTime:
    """The outlay at t = 0."""

    items: tuple[OneTimeItem, ...] = ()
    contingency_rate: Decimal = ZERO
    pipeline_inventory_usd: Decimal = ZERO
    """Working capital invested at t = 0 and recovered in the last projected year."""


@dataclass(frozen=True)
class Escalation:
    """Annual escalation rates."""

    mx_wages: Decimal = ZERO
    min_wage: Decimal | None = None
    """None: follows `mx_wages`."""
    mx_cpi: Decimal = ZERO
    uma: Decimal | None = None
    """None: follows `mx_cpi` (the UMA follows the INPC by law)."""
    usd_costs: Decimal = ZERO
    us_wages: Decimal = ZERO


@dataclass(frozen=True)
class IvaFinancing:
    """A memo item: never added to the totals or the cash flows."""

    certified: bool = True
    temporary_imports_usd_per_month: Decimal = ZERO
    iva_rate: Decimal | None = None
    """None: the reference 16 %."""
    recovery_lag_months: Decimal = ZERO
    cost_of_capital_rate: Decimal | None = None
    """None: the scenario's discount rate."""


@dataclass(frozen=True)
class Override:
    """Why a reference value was replaced, for the reader of the PDF.

    `parameter` names the resolved parameter as the result lists it, e.g. "isn_rate",
    "imss_employer_rates.em_excedente", "weekly_hours_by_year.2027", "ptu.cap_days".
    """

    parameter: str
    reason: str


@dataclass(frozen=True)
class BusinessCaseInput:
    scenario: Scenario
    location: Location
    workforce: Workforce
    shelter_fee: ShelterFee
    us_baseline: UsBaseline
    statutory: StatutoryInputs = StatutoryInputs()
    ptu: PtuInputs = PtuInputs()
    facility: Facility = Facility()
    utilities: Utilities = Utilities()
    site_overhead: SiteOverhead = SiteOverhead()
    logistics: Logistics = Logistics()
    one_time: OneTime = OneTime()
    escalation: Escalation = Escalation()
    iva_financing: IvaFinancing = IvaFinancing()
    overrides: tuple[Override, ...] = ()
    """Reasons for the reference values this input replaces; a replaced value without one is still listed."""

"""Every figure of a computed business case, kept so a report can show how each was built.

The structure follows the result document of docs/business-case-contract.md §6: per projected year the
year's context, per role one employee's build-up (SD → SBC → statutory items → IMSS by branch →
ISN → market benefits → PTU → loaded cost), the plant blocks of Mexico and of the US baseline,
and the savings; then the one-time outlay, the returns and the IVA memo. Amounts are `Decimal`
in the currency their name ends with (`_mxn`, `_usd`, or the enclosing object's), unrounded.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields
from decimal import Decimal
from enum import StrEnum

from shelter_app.core.business_case.inputs import BusinessCaseInput, FeeModel, OneTimeItem, Role
from shelter_app.core.business_case.parameters import Parameters


class SbcLimit(StrEnum):
    """Which limit set the SBC."""

    NONE = "none"
    UMA_CAP = "uma_cap"
    MIN_WAGE_FLOOR = "min_wage_floor"


@dataclass(frozen=True)
class EscalationIndex:
    """The year's escalation indices, (1 + rate)^t."""

    mx_wages: Decimal
    min_wage: Decimal
    uma: Decimal
    mx_cpi: Decimal
    usd_costs: Decimal
    us_wages: Decimal


@dataclass(frozen=True)
class ImssInfonavit:
    """Employer social security for one employee-year, MXN, by branch."""

    em_cuota_fija: Decimal
    em_excedente: Decimal
    em_prestaciones_dinero: Decimal
    em_gastos_medicos_pensionados: Decimal
    invalidez_vida: Decimal
    riesgo_trabajo: Decimal
    guarderias_prestaciones_sociales: Decimal
    retiro: Decimal
    cesantia_vejez: Decimal
    infonavit: Decimal
    lss_art36_worker_share: Decimal
    """The worker's quotas the employer pays for a minimum-wage earner (LSS art. 36)."""
    total: Decimal


@dataclass(frozen=True)
class MarketBenefitCosts:
    """Non-statutory benefits for one employee-year, MXN."""

    attendance_punctuality_bonus: Decimal
    food_vouchers: Decimal
    savings_fund: Decimal
    transport: Decimal
    cafeteria: Decimal
    private_insurance: Decimal
    turnover: Decimal
    total: Decimal


@dataclass(frozen=True)
class PtuShare:
    """One employee's profit sharing, MXN: half shared equally, half pro rata to 365 × SD, then capped."""

    equal_share: Decimal
    wage_share: Decimal
    uncapped: Decimal
    cap: Decimal
    paid: Decimal


@dataclass(frozen=True)
class EmployeeCost:
    """One employee-year of a role, MXN (the result's `per_employee_mxn`)."""

    base_salary: Decimal
    aguinaldo: Decimal
    prima_vacacional: Decimal
    gross_statutory: Decimal
    imss_infonavit: ImssInfonavit
    isn_base: Decimal
    isn: Decimal
    market_benefits: MarketBenefitCosts
    total_ex_ptu: Decimal
    ptu: PtuShare
    loaded_total: Decimal


@dataclass(frozen=True)
class RoleYear:
    """A role in one year: the build-up of one employee and the role's total."""

    role: Role
    fte: Decimal
    daily_wage_mxn: Decimal
    integration_factor: Decimal
    sbc_mxn_per_day: Decimal
    sbc_in_uma: Decimal
    sbc_limit_applied: SbcLimit
    cesantia_vejez_band: int
    cesantia_vejez_rate: Decimal
    lss_art36_applies: bool
    per_employee_mxn: EmployeeCost
    loaded_total_usd: Decimal
    loaded_usd_per_worked_hour: Decimal
    loaded_multiplier: Decimal
    """Loaded cost over the bare 365 × SD."""
    role_total_mxn: Decimal
    role_total_usd: Decimal


@dataclass(frozen=True)
class FteTotals:
    direct: Decimal
    indirect: Decimal
    total: Decimal
    ptu_eligible: Decimal


@dataclass(frozen=True)
class PtuPool:
    """The plant's profit sharing, MXN."""

    taxable_income_base_mxn: Decimal
    pool_mxn: Decimal
    eligible_wage_base_mxn: Decimal
    paid_mxn: Decimal
    undistributed_mxn: Decimal
    """What a binding cap leaves unpaid (it is not redistributed)."""


@dataclass(frozen=True)
class FacilityCost:
    rent_usd: Decimal
    nnn_usd: Decimal
    total_usd: Decimal


@dataclass(frozen=True)
class LogisticsCost:
    northbound_usd: Decimal
    southbound_usd: Decimal
    pedimentos_usd: Decimal
    total_usd: Decimal


@dataclass(frozen=True)
class ShelterFeeCost:
    """The fee of the chosen model and its equivalents in the other two units."""

    model: FeeModel
    fee_usd: Decimal
    worked_hours_total: Decimal
    equivalent_usd_per_head_month: Decimal
    equivalent_usd_per_worked_hour: Decimal
    equivalent_markup_on_loaded_labor: Decimal


@dataclass(frozen=True)
class Blocks:
    """The seven cost blocks of a plant-year, USD, in the contract's order."""

    labor: Decimal
    shelter_fee: Decimal
    facility: Decimal
    utilities: Decimal
    site_overhead: Decimal
    logistics: Decimal
    duties: Decimal

    def items(self) -> Iterator[tuple[str, Decimal]]:
        for f in fields(self):
            yield f.name, getattr(self, f.name)

    @property
    def total(self) -> Decimal:
        return sum((value for _, value in self.items()), Decimal(0))

    def minus(self, other: Blocks) -> Blocks:
        return Blocks(*(value - getattr(other, name) for name, value in self.items()))


@dataclass(frozen=True)
class MexicoYear:
    labor_ex_ptu_mxn: Decimal
    ptu_mxn: Decimal
    labor_mxn: Decimal
    facility: FacilityCost
    utilities_mxn: Decimal
    site_overhead_usd: Decimal
    logistics: LogisticsCost
    shelter_fee: ShelterFeeCost
    blocks_usd: Blocks
    total_usd: Decimal


@dataclass(frozen=True)
class BaselineYear:
    """The US plant in the same year."""

    direct_headcount: Decimal
    indirect_headcount: Decimal
    direct_labor_usd: Decimal
    indirect_labor_usd: Decimal
    facility: FacilityCost
    utilities_usd: Decimal
    site_overhead_usd: Decimal
    blocks_usd: Blocks
    total_usd: Decimal


@dataclass(frozen=True)
class YearResult:
    year: int
    t: int
    """Cash-flow index: 1 for the base year."""
    weekly_hours: Decimal
    hours_factor: Decimal
    worked_days_per_fte: Decimal
    worked_hours_per_fte: Decimal
    uma_mxn_per_day: Decimal
    min_wage_mxn_per_day: Decimal
    sbc_cap_mxn_per_day: Decimal
    cesantia_vejez_employer_rates: tuple[Decimal, ...]
    escalation_index: EscalationIndex
    roles: tuple[RoleYear, ...]
    fte: FteTotals
    ptu: PtuPool
    mexico: MexicoYear
    baseline: BaselineYear
    savings_by_block_usd: Blocks
    savings_usd: Decimal
    ramp_realization: Decimal
    realized_savings_usd: Decimal
    working_capital_recovery_usd: Decimal
    cash_flow_usd: Decimal


@dataclass(frozen=True)
class OneTimeCost:
    items: tuple[OneTimeItem, ...]
    subtotal_usd: Decimal
    contingency_rate: Decimal
    contingency_usd: Decimal
    pipeline_inventory_usd: Decimal
    total_usd: Decimal


@dataclass(frozen=True)
class Returns:
    discount_rate: Decimal
    cash_flows_usd: tuple[Decimal, ...]
    """CF_0 (the one-time outlay, negative) … CF_n."""
    cumulative_cash_flows_usd: tuple[Decimal, ...]
    npv_usd: Decimal
    irr: Decimal | None
    """None when the cash flows have no IRR in (−0.99, 10)."""
    payback_years: Decimal | None
    """None when the outlay is not paid back within the horizon."""


@dataclass(frozen=True)
class IvaCost:
    tied_up_usd: Decimal
    annual_cost_usd: Decimal


@dataclass(frozen=True)
class IvaMemo:
    """The cash cost of IVA on temporary imports without the certification; not part of the totals."""

    certified: bool
    temporary_imports_usd_per_month: Decimal
    iva_rate: Decimal
    recovery_lag_months: Decimal
    cost_of_capital_rate: Decimal
    if_not_certified: IvaCost
    if_certified: IvaCost
    scenario: IvaCost
    certification_benefit_usd_per_year: Decimal


@dataclass(frozen=True)
class InputWarning:
    """Something in the input worth a second look that the model still computes as given (§3.4, §8)."""

    path: str
    """The field, as in `InvalidBusinessCase.field` (`workforce.roles[0].daily_wage_mxn`)."""
    en: str
    es: str


@dataclass(frozen=True)
class BusinessCaseResult:
    case: BusinessCaseInput
    parameters: Parameters
    years: tuple[YearResult, ...]
    one_time: OneTimeCost
    returns: Returns
    iva_financing: IvaMemo
    warnings: tuple[InputWarning, ...] = ()


def direct_hourly_usd(year: YearResult) -> Decimal | None:
    """Loaded USD per worked hour of the direct roles, weighted by FTE; None without direct FTE."""
    direct = [r for r in year.roles if r.role.direct and r.fte > 0]
    fte = sum((r.fte for r in direct), Decimal(0))
    return sum((r.fte * r.loaded_usd_per_worked_hour for r in direct), Decimal(0)) / fte if fte else None

"""How far the business case moves when one uncertain input moves: the data of a tornado chart.

Each driver is recomputed at a low and a high setting with everything else held at the input's
values (one-at-a-time sensitivity, docs/cost-model.md §1.1 item 12). Every variant is a full
`compute`, so the reform schedule, the SBC caps and the PTU pool react as they would in a real
case. The rows come sorted by swing (the distance between the two NPVs), widest first, which is
the order a tornado chart draws them in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum
from typing import Final

from shelter_app.core.business_case.inputs import BusinessCaseInput, FeeModel, ShelterFee
from shelter_app.core.business_case.model import REFERENCE_WEEK_HOURS, compute
from shelter_app.core.business_case.reference import ReferenceData
from shelter_app.core.business_case.result import BusinessCaseResult, YearResult

FX_SWING: Final = Decimal("0.10")
WAGE_ESCALATION_SWING: Final = Decimal("0.02")
"""Percentage points per year, added to and taken from the Mexican wage escalation."""
PRODUCTIVITY_SWING: Final = Decimal("0.15")
RENT_SWING: Final = Decimal("0.20")
SHELTER_FEE_SWING: Final = Decimal("0.20")


class Driver(StrEnum):
    FX = "fx"
    MX_WAGE_ESCALATION = "mx_wage_escalation"
    PRODUCTIVITY = "productivity"
    MX_RENT = "mx_rent"
    SHELTER_FEE = "shelter_fee"
    HOURS_REFORM = "hours_reform"
    SECTION_301 = "section_301"
    """Only against a China-supplier baseline (`china.tariff_row`): the case itself has no Chinese duty."""


@dataclass(frozen=True)
class Outcome:
    """What a variant gives: the headline numbers a reader compares."""

    npv_usd: Decimal
    first_full_year_savings_usd: Decimal
    """Savings (US − Mexico, before the ramp) of the first year the transfer is complete."""


@dataclass(frozen=True)
class SensitivityRow:
    """One driver at its low and high setting.

    `low_setting`/`high_setting` are the driver's value in its own unit: the FX in MXN per USD,
    the wage escalation as a fraction per year, the productivity factor, the rent in USD per
    sq ft-month, the fee's price in its model's unit, and for the hours reform the weekly hours
    of the last projected year (held at 48 vs the schedule's).
    """

    driver: Driver
    low_setting: Decimal
    high_setting: Decimal
    low: Outcome
    high: Outcome

    @property
    def swing_usd(self) -> Decimal:
        return abs(self.high.npv_usd - self.low.npv_usd)


@dataclass(frozen=True)
class Sensitivity:
    base: Outcome
    first_full_year: int
    rows: tuple[SensitivityRow, ...]
    """Widest swing first."""


def first_full_year(result: BusinessCaseResult) -> YearResult:
    """The first projected year whose savings are fully realised (ramp 1); the last year if none is."""
    for year in result.years:
        if year.ramp_realization >= 1:
            return year
    return result.years[-1]


def outcome(result: BusinessCaseResult, year: int) -> Outcome:
    savings = next(y.savings_usd for y in result.years if y.year == year)
    return Outcome(result.returns.npv_usd, savings)


@dataclass(frozen=True)
class Variant:
    """One driver's two recomputed cases, kept so another baseline (China) can measure them too."""

    driver: Driver
    low_setting: Decimal
    low: BusinessCaseResult
    high_setting: Decimal
    high: BusinessCaseResult


def variants(case: BusinessCaseInput, reference: ReferenceData, base: BusinessCaseResult) -> tuple[Variant, ...]:
    """Each driver of the case at its low and high setting, fully recomputed (`base` where a side is the case)."""
    out = []
    for driver, (low_setting, low_case), (high_setting, high_case) in _variants(case, base):
        low = base if low_case is case else compute(low_case, reference)
        high = base if high_case is case else compute(high_case, reference)
        out.append(Variant(driver, low_setting, low, high_setting, high))
    return tuple(out)


def sensitivity(
    case: BusinessCaseInput,
    reference: ReferenceData,
    base: BusinessCaseResult | None = None,
    computed: Sequence[Variant] | None = None,
) -> Sensitivity:
    """Recompute `case` for each driver's low and high setting; `base` and `computed` (from `variants`) save
    the computes already done."""
    base = base or compute(case, reference)
    if computed is None:
        computed = variants(case, reference, base)
    year = first_full_year(base).year
    rows = [
        SensitivityRow(v.driver, v.low_setting, v.high_setting, outcome(v.low, year), outcome(v.high, year))
        for v in computed
    ]
    rows.sort(key=lambda r: r.swing_usd, reverse=True)
    return Sensitivity(outcome(base, year), year, tuple(rows))


_Setting = tuple[Decimal, BusinessCaseInput]


def _variants(case: BusinessCaseInput, base: BusinessCaseResult) -> list[tuple[Driver, _Setting, _Setting]]:
    def scaled(
        value: Decimal, swing: Decimal, build: Callable[[Decimal], BusinessCaseInput]
    ) -> tuple[_Setting, _Setting]:
        low, high = value * (1 - swing), value * (1 + swing)
        return (low, build(low)), (high, build(high))

    scenario, workforce, facility, escalation = case.scenario, case.workforce, case.facility, case.escalation
    out: list[tuple[Driver, _Setting, _Setting]] = []
    out.append((Driver.FX, *scaled(scenario.fx_mxn_per_usd, FX_SWING,
                                   lambda fx: replace(case, scenario=replace(scenario, fx_mxn_per_usd=fx)))))

    def wages(rate: Decimal) -> BusinessCaseInput:
        shift = rate - escalation.mx_wages
        # an explicit minimum-wage escalation moves with the wages (left empty, it follows them anyway)
        min_wage = None if escalation.min_wage is None else escalation.min_wage + shift
        return replace(case, escalation=replace(escalation, mx_wages=rate, min_wage=min_wage))

    low_rate = escalation.mx_wages - WAGE_ESCALATION_SWING
    high_rate = escalation.mx_wages + WAGE_ESCALATION_SWING
    out.append((Driver.MX_WAGE_ESCALATION, (low_rate, wages(low_rate)), (high_rate, wages(high_rate))))
    out.append((Driver.PRODUCTIVITY, *scaled(
        workforce.productivity_factor, PRODUCTIVITY_SWING,
        lambda p: replace(case, workforce=replace(workforce, productivity_factor=p)))))
    out.append((Driver.MX_RENT, *scaled(
        facility.rent_usd_per_sqft_month, RENT_SWING,
        lambda r: replace(case, facility=replace(facility, rent_usd_per_sqft_month=r)))))
    fee = case.shelter_fee
    prices: dict[FeeModel, Callable[[Decimal], ShelterFee]] = {
        FeeModel.PER_HEADCOUNT: lambda v: replace(fee, usd_per_head_per_month=v),
        FeeModel.PER_HOUR: lambda v: replace(fee, usd_per_worked_hour=v),
        FeeModel.MARKUP: lambda v: replace(fee, markup_rate=v),
    }
    price = {FeeModel.PER_HEADCOUNT: fee.usd_per_head_per_month, FeeModel.PER_HOUR: fee.usd_per_worked_hour,
             FeeModel.MARKUP: fee.markup_rate}[fee.model]
    assert price is not None  # checked by validation
    priced = prices[fee.model]
    out.append((Driver.SHELTER_FEE, *scaled(price, SHELTER_FEE_SWING, lambda v: replace(case, shelter_fee=priced(v)))))
    held = replace(case, statutory=replace(
        case.statutory, weekly_hours_by_year={y: REFERENCE_WEEK_HOURS for y in scenario.years}))
    scheduled_hours = base.years[-1].weekly_hours
    # fewer hours cost more: the schedule is the low side unless the input already holds 48 hours
    if scheduled_hours <= REFERENCE_WEEK_HOURS:
        out.append((Driver.HOURS_REFORM, (scheduled_hours, case), (REFERENCE_WEEK_HOURS, held)))
    else:
        out.append((Driver.HOURS_REFORM, (REFERENCE_WEEK_HOURS, held), (scheduled_hours, case)))
    return out

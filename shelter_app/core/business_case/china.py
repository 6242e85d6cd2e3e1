"""The China-supplier baseline: what buying the same goods landed from China costs, against the Mexican plant.

docs/cost-model.md §2.10: LANDED = FOB · (1 + MFN + S301 + S122) + ocean/air freight + insurance + US broker
+ drayage + inventory carrying cost of the longer pipeline. The Chinese price includes the materials
and the Mexican model does not, so the Mexican side of the comparison is the plant's total plus the
materials it buys to make the same goods. The comparison reuses the computed case (its years, ramp,
one-time outlay and working capital, discount rate) and keeps every intermediate figure per year, so
the report can show how each total was built. Pure: `Decimal` throughout, no files.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Context, Decimal, DivisionByZero, InvalidOperation, Overflow, localcontext
from typing import Final

from shelter_app.core.business_case.finance import cumulative, irr, npv, payback_years
from shelter_app.core.business_case.result import BusinessCaseResult, Returns, YearResult
from shelter_app.core.business_case.sensitivity import (
    Driver,
    Outcome,
    Sensitivity,
    SensitivityRow,
    Variant,
    first_full_year,
)
from shelter_app.core.business_case.spec import Units, spec
from shelter_app.core.business_case.validation import check_ranges

SECTION_122_ENDS_ON: Final = date(2026, 7, 24)
"""The 150 days from 24-Feb-2026 (docs/cost-model.md R11): the first day the surcharge no longer applies."""
SECTION_301_SWING: Final = Decimal("0.10")
"""Percentage points taken from and added to the Section 301 rate in the sensitivity (the low side floored at 0)."""
WEEKS_PER_YEAR: Final = Decimal(52)
MAX_PIPELINE_WEEKS: Final = WEEKS_PER_YEAR

_ZERO: Final = Decimal(0)
_ONE: Final = Decimal(1)
_CONTEXT: Final = Context(prec=28, traps=[InvalidOperation, DivisionByZero, Overflow])


@dataclass(frozen=True)
class ChinaBaseline:
    """Buying the same goods from a Chinese supplier; amounts are base-year USD per year, escalated with
    the case's `usd_costs`; rates are fractions (0.25 is 25 %)."""

    annual_fob_usd: Decimal = field(metadata=spec(
        "Purchases from the supplier (FOB)", "Compras al proveedor (FOB)", Units.USD_PER_YEAR, low=0,
        high=100_000_000_000,
        hint=("What the same goods cost a year at the Chinese port.",
              "Lo que cuestan al año las mismas mercancías en el puerto chino.")))
    """FOB price of a year's purchases of the goods the Mexican plant would make."""
    annual_mexico_materials_usd: Decimal = field(metadata=spec(
        "Materials bought in Mexico", "Materiales comprados en México", Units.USD_PER_YEAR, low=0,
        high=100_000_000_000,
        hint=("The materials the Mexican plant needs for the same goods (the supplier's price includes them).",
              "Los materiales que la planta en México necesita para las mismas mercancías (el precio del "
              "proveedor ya los incluye).")))
    """Materials the Mexican plant buys in a year to make the same goods (the FOB price includes them)."""
    mfn_rate: Decimal = field(default=_ZERO, metadata=spec(
        "MFN duty", "Arancel NMF", Units.PERCENT, low=0, high=1,
        hint=("The general US duty of the goods' tariff line.",
              "El arancel general de EE. UU. de la fracción arancelaria de las mercancías.")))
    section_301_rate: Decimal = field(default=_ZERO, metadata=spec(
        "Section 301 tariff", "Arancel de la Sección 301", Units.PERCENT, low=0, high=1,
        hint=("Lists 1–3: 25 %; list 4A: 7.5 %; up to 100 % for some goods (USTR, 2024–2026).",
              "Listas 1 a 3: 25 %; lista 4A: 7.5 %; hasta 100 % para algunas mercancías (USTR, 2024–2026).")))
    section_122_rate: Decimal = field(default=_ZERO, metadata=spec(
        "Section 122 surcharge", "Sobretasa de la Sección 122", Units.PERCENT, low=0, high=1,
        hint=("10 % from 24 Feb 2026 for 150 days; a raise to 15 % was announced (to verify).",
              "10 % desde el 24 feb 2026 por 150 días; se anunció un aumento a 15 % (por verificar).")))
    section_122_ends_on: date = field(default=SECTION_122_ENDS_ON, metadata=spec(
        "Section 122 ends on", "La Sección 122 termina el",
        hint=("The first day it no longer applies.", "El primer día en que ya no aplica.")))
    """The first day Section 122 no longer applies; a year is charged the share of its days before it."""
    freight_insurance_rate: Decimal = field(default=_ZERO, metadata=spec(
        "Ocean freight and insurance", "Flete marítimo y seguro", Units.PERCENT_OF_FOB, low=0, high=1))
    """Ocean or air freight plus cargo insurance, as a share of FOB."""
    annual_broker_drayage_usd: Decimal = field(default=_ZERO, metadata=spec(
        "US broker and drayage", "Agente aduanal y acarreo en EE. UU.", Units.USD_PER_YEAR, low=0,
        high=100_000_000_000))
    """US customs broker and drayage from the port."""
    pipeline_weeks: Decimal = field(default=_ZERO, metadata=spec(
        "Longer pipeline", "Cadena de suministro más larga", Units.WEEKS, low=0, high=MAX_PIPELINE_WEEKS,
        hint=("Extra weeks of inventory at sea and in transit.",
              "Semanas adicionales de inventario en el mar y en tránsito.")))
    """Weeks of purchases in transit and in safety stock that the longer pipeline holds, valued at FOB."""
    carrying_rate: Decimal = field(default=_ZERO, metadata=spec(
        "Inventory carrying cost", "Costo de mantener inventario", Units.PERCENT_PER_YEAR, low=0, high=1))
    """Annual cost of holding inventory (capital, storage, insurance, obsolescence), share of its value."""


def check_china(china: ChinaBaseline, path: str = "_china_baseline") -> None:
    """The ranges a baseline must meet, as its fields declare them; `InvalidBusinessCase` names the field
    (`_china_baseline.mfn_rate`)."""
    from shelter_app.core.business_case.schema import fields

    check_ranges(china, fields(ChinaBaseline, path), path)


@dataclass(frozen=True)
class ChinaYear:
    """One projected year: the landed blocks, the Mexican side with materials, the savings and the cash flow."""

    year: int
    t: int
    usd_index: Decimal
    """(1 + usd_costs)^(t − 1), the escalation of every USD amount of the baseline."""
    fob_usd: Decimal
    mfn_usd: Decimal
    section_301_usd: Decimal
    section_122_share: Decimal
    """Share of the year's days before `section_122_ends_on` (purchases spread evenly over the year)."""
    section_122_usd: Decimal
    duties_usd: Decimal
    freight_insurance_usd: Decimal
    broker_drayage_usd: Decimal
    carrying_usd: Decimal
    landed_usd: Decimal
    mexico_plant_usd: Decimal
    """The Mexican plant's total of the case (its seven blocks)."""
    mexico_materials_usd: Decimal
    mexico_usd: Decimal
    savings_usd: Decimal
    """Landed from China − (Mexican plant + materials)."""
    ramp_realization: Decimal
    realized_savings_usd: Decimal
    working_capital_recovery_usd: Decimal
    cash_flow_usd: Decimal

    def landed_blocks(self) -> Iterator[tuple[str, Decimal]]:
        """The landed cost's blocks in the order of the formula, their sum `landed_usd`."""
        yield "fob", self.fob_usd
        yield "mfn", self.mfn_usd
        yield "section_301", self.section_301_usd
        yield "section_122", self.section_122_usd
        yield "freight_insurance", self.freight_insurance_usd
        yield "broker_drayage", self.broker_drayage_usd
        yield "carrying", self.carrying_usd


@dataclass(frozen=True)
class ChinaComparison:
    china: ChinaBaseline
    years: tuple[ChinaYear, ...]
    one_time_usd: Decimal
    """The case's one-time outlay (with its working capital), the same whichever baseline is compared."""
    returns: Returns
    """Cash flows, NPV at the case's discount rate, IRR (None when none exists), payback (None beyond the horizon)."""


def section_122_share(year: int, ends_on: date) -> Decimal:
    """The share of `year`'s days before `ends_on`: 1 for a year before it, 0 for a year after it."""
    start, end = date(year, 1, 1), date(year + 1, 1, 1)
    if ends_on <= start:
        return _ZERO
    if ends_on >= end:
        return _ONE
    return Decimal((ends_on - start).days) / Decimal((end - start).days)


def compare_china(result: BusinessCaseResult, china: ChinaBaseline) -> ChinaComparison:
    """The case's Mexican plant against buying the same goods landed from China, year by year."""
    check_china(china)
    return _compare(result, china)


def _compare(result: BusinessCaseResult, china: ChinaBaseline) -> ChinaComparison:
    """Unchecked, for the sensitivity's variants, which may leave the input's ranges (301 at 100 % + 10 pp)."""
    with localcontext(_CONTEXT):
        years = tuple(_year(china, y) for y in result.years)
        outlay = result.one_time.total_usd
        flows = [-outlay, *(y.cash_flow_usd for y in years)]
        rate = result.returns.discount_rate
        returns = Returns(
            discount_rate=rate,
            cash_flows_usd=tuple(flows),
            cumulative_cash_flows_usd=cumulative(flows),
            npv_usd=npv(rate, flows),
            irr=irr(flows),
            payback_years=payback_years(flows),
        )
        return ChinaComparison(china, years, outlay, returns)


def _year(china: ChinaBaseline, y: YearResult) -> ChinaYear:
    index = y.escalation_index.usd_costs
    fob = china.annual_fob_usd * index
    share = section_122_share(y.year, china.section_122_ends_on)
    mfn = fob * china.mfn_rate
    s301 = fob * china.section_301_rate
    s122 = fob * china.section_122_rate * share
    duties = mfn + s301 + s122
    freight = fob * china.freight_insurance_rate
    broker = china.annual_broker_drayage_usd * index
    carrying = fob * china.pipeline_weeks / WEEKS_PER_YEAR * china.carrying_rate
    landed = fob + mfn + s301 + s122 + freight + broker + carrying  # the order of `landed_blocks`
    materials = china.annual_mexico_materials_usd * index
    mexico = y.mexico.total_usd + materials
    savings = landed - mexico
    realized = y.ramp_realization * savings
    return ChinaYear(
        year=y.year,
        t=y.t,
        usd_index=index,
        fob_usd=fob,
        mfn_usd=mfn,
        section_301_usd=s301,
        section_122_share=share,
        section_122_usd=s122,
        duties_usd=duties,
        freight_insurance_usd=freight,
        broker_drayage_usd=broker,
        carrying_usd=carrying,
        landed_usd=landed,
        mexico_plant_usd=y.mexico.total_usd,
        mexico_materials_usd=materials,
        mexico_usd=mexico,
        savings_usd=savings,
        ramp_realization=y.ramp_realization,
        realized_savings_usd=realized,
        working_capital_recovery_usd=y.working_capital_recovery_usd,
        cash_flow_usd=realized + y.working_capital_recovery_usd,
    )


def china_outcome(comparison: ChinaComparison, year: int) -> Outcome:
    savings = next(y.savings_usd for y in comparison.years if y.year == year)
    return Outcome(comparison.returns.npv_usd, savings)


def tariff_row(result: BusinessCaseResult, china: ChinaBaseline) -> SensitivityRow:
    """Section 301 at its rate −/+ 10 percentage points (never below 0): the comparison's NPV and savings."""
    year = first_full_year(result).year
    low = max(_ZERO, china.section_301_rate - SECTION_301_SWING)
    high = china.section_301_rate + SECTION_301_SWING
    outcomes = [
        china_outcome(_compare(result, replace(china, section_301_rate=rate)), year) for rate in (low, high)
    ]
    return SensitivityRow(Driver.SECTION_301, low, high, outcomes[0], outcomes[1])


def china_sensitivity(
    result: BusinessCaseResult, china: ChinaBaseline, variants: Sequence[Variant] = ()
) -> Sensitivity:
    """The tornado against the China supplier: the tariff driver, plus each of the case's drivers (its
    `variants`, computed once by `sensitivity.variants`) measured against the same landed cost."""
    year = first_full_year(result).year
    base = china_outcome(compare_china(result, china), year)
    rows = [tariff_row(result, china)]
    for v in variants:
        low = china_outcome(_compare(v.low, china), year)
        high = china_outcome(_compare(v.high, china), year)
        rows.append(SensitivityRow(v.driver, v.low_setting, v.high_setting, low, high))
    rows.sort(key=lambda r: r.swing_usd, reverse=True)
    return Sensitivity(base, year, tuple(rows))

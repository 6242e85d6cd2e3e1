"""The China-supplier baseline (docs/cost-model.md §2.10): landed cost by block, Section 122 proration, escalation,
the comparison's returns, and the Section 301 driver of the tornado."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shelter_app.content.reference import load_reference
from shelter_app.core.business_case import compute
from shelter_app.core.business_case.china import (
    ChinaBaseline,
    ChinaComparison,
    check_china,
    china_sensitivity,
    compare_china,
    section_122_share,
    tariff_row,
)
from shelter_app.core.business_case.finance import npv
from shelter_app.core.business_case.result import BusinessCaseResult
from shelter_app.core.business_case.sensitivity import Driver, first_full_year, variants
from shelter_app.core.business_case.validation import InvalidBusinessCase
from shelter_app.exchange.business_case_io import parse_input
from tests.support.business_case import golden_document

D = Decimal
REF = load_reference()
GOLDEN: BusinessCaseResult = compute(parse_input(golden_document()), REF)
"""Juárez, 2026–2030, USD costs +3 %/yr, 2026 realised at 50 %, one-time 2,468,200 with 200,000 of working capital."""

SMALL = ChinaBaseline(
    annual_fob_usd=D(8_000_000),
    annual_mexico_materials_usd=D(3_000_000),
    mfn_rate=D("0.025"),
    section_301_rate=D("0.25"),
    section_122_rate=D("0.10"),
    freight_insurance_rate=D("0.06"),
    annual_broker_drayage_usd=D(60_000),
    pipeline_weeks=D(6),
    carrying_rate=D("0.20"),
)


def test_the_base_year_by_hand() -> None:
    c = compare_china(GOLDEN, SMALL)
    y = c.years[0]
    assert (y.year, y.t, y.usd_index) == (2026, 1, 1)
    assert y.fob_usd == 8_000_000
    assert y.mfn_usd == 200_000
    assert y.section_301_usd == 2_000_000
    # 1 Jan – 23 Jul 2026: 204 of 365 days under the 10 % surcharge
    assert y.section_122_share == D(204) / D(365)
    assert y.section_122_usd == D(800_000) * 204 / 365
    assert abs(y.duties_usd - (2_200_000 + D(800_000) * 204 / 365)) < D("1e-18")
    assert y.freight_insurance_usd == 480_000
    assert y.broker_drayage_usd == 60_000
    assert y.carrying_usd == D(8_000_000) * 6 / 52 * D("0.20")  # 184,615.38
    landed = D(8_000_000 + 200_000 + 2_000_000 + 480_000 + 60_000) + D(800_000) * 204 / 365 + D(8_000_000) * 6 / 52 \
        * D("0.20")
    assert abs(y.landed_usd - landed) < D("1e-18")
    assert y.landed_usd.quantize(D("0.01")) == D("11371738.67")  # 10,740,000 + 447,123.29 + 184,615.38
    assert sum((v for _, v in y.landed_blocks()), D(0)) == y.landed_usd
    assert y.mexico_plant_usd == GOLDEN.years[0].mexico.total_usd
    assert y.mexico_materials_usd == 3_000_000
    assert y.mexico_usd == GOLDEN.years[0].mexico.total_usd + 3_000_000
    assert y.savings_usd == landed - y.mexico_usd
    assert y.ramp_realization == D("0.5") and y.realized_savings_usd == y.savings_usd / 2
    assert y.cash_flow_usd == y.realized_savings_usd


def test_later_years_escalate_and_drop_section_122() -> None:
    c = compare_china(GOLDEN, SMALL)
    for y, mx in zip(c.years, GOLDEN.years, strict=True):
        index = D("1.03") ** (y.t - 1)
        assert y.usd_index == index == mx.escalation_index.usd_costs
        assert y.fob_usd == 8_000_000 * index
        assert y.broker_drayage_usd == 60_000 * index
        assert y.mexico_materials_usd == 3_000_000 * index
        assert y.section_301_usd == y.fob_usd * D("0.25")
        if y.year > 2026:
            assert y.section_122_share == 0 and y.section_122_usd == 0
        assert y.ramp_realization == mx.ramp_realization
    last = c.years[-1]
    assert last.working_capital_recovery_usd == 200_000
    assert last.cash_flow_usd == last.savings_usd + 200_000


def test_returns_use_the_same_outlay_and_discount_rate() -> None:
    c = compare_china(GOLDEN, SMALL)
    flows = [-D(2_468_200), *(y.ramp_realization * y.savings_usd + y.working_capital_recovery_usd for y in c.years)]
    assert c.one_time_usd == GOLDEN.one_time.total_usd == 2_468_200
    assert list(c.returns.cash_flows_usd) == flows
    expected = sum((f / D("1.1") ** t for t, f in enumerate(flows)), D(0))
    assert abs(c.returns.npv_usd - expected) < D("1e-12")
    assert c.returns.npv_usd == npv(D("0.1"), flows)
    assert c.returns.irr is not None and npv(c.returns.irr, flows).copy_abs() < 1
    assert c.returns.payback_years is not None and 1 < c.returns.payback_years < 2  # 2026 realises half


def test_no_irr_when_china_is_always_cheaper() -> None:
    # a cheap supplier with nothing but MFN: Mexico (plant + materials) costs more every year
    cheap = ChinaBaseline(annual_fob_usd=D(1_000_000), annual_mexico_materials_usd=D(500_000), mfn_rate=D("0.025"))
    c = compare_china(GOLDEN, cheap)
    assert all(y.savings_usd < 0 for y in c.years)
    assert all(f < 0 for f in c.returns.cash_flows_usd[:-1])
    assert c.returns.irr is None
    assert c.returns.payback_years is None
    assert c.returns.npv_usd < 0


def test_payback_beyond_the_horizon() -> None:
    # Mexican wages rise faster than USD prices: a FOB that just beats Mexico in 2030 saves less than the
    # 2.47 M outlay over the five years
    fob = (GOLDEN.years[-1].mexico.total_usd / D("1.03") ** 4 + 10_000).quantize(D(1))
    c = compare_china(GOLDEN, ChinaBaseline(annual_fob_usd=fob, annual_mexico_materials_usd=D(0)))
    assert all(y.savings_usd > 0 for y in c.years)
    assert c.returns.cumulative_cash_flows_usd[-1] < 0
    assert c.returns.payback_years is None
    assert c.returns.irr is not None and c.returns.irr < 0  # a loss: the rate exists and is negative


@pytest.mark.parametrize(
    ("year", "ends_on", "share"),
    [
        (2026, date(2026, 7, 24), D(204) / D(365)),
        (2025, date(2026, 7, 24), D(1)),
        (2027, date(2026, 7, 24), D(0)),
        (2026, date(2026, 1, 1), D(0)),
        (2026, date(2027, 1, 1), D(1)),
        (2028, date(2028, 3, 1), D(60) / D(366)),  # a leap year counts its 366 days
    ],
)
def test_section_122_share(year: int, ends_on: date, share: Decimal) -> None:
    assert section_122_share(year, ends_on) == share


def test_an_extended_section_122_charges_every_year_it_covers() -> None:
    c = compare_china(GOLDEN, replace(SMALL, section_122_ends_on=date(2028, 1, 1)))
    assert [y.section_122_share for y in c.years] == [1, 1, 0, 0, 0]


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"section_301_rate": D("1.5")}, "_china_baseline.section_301_rate"),
        ({"mfn_rate": D("-0.01")}, "_china_baseline.mfn_rate"),
        ({"carrying_rate": D("NaN")}, "_china_baseline.carrying_rate"),
        ({"annual_fob_usd": D(-1)}, "_china_baseline.annual_fob_usd"),
        ({"pipeline_weeks": D(53)}, "_china_baseline.pipeline_weeks"),
    ],
)
def test_out_of_range_inputs_name_the_field(change: dict[str, Decimal], path: str) -> None:
    with pytest.raises(InvalidBusinessCase) as error:
        compare_china(GOLDEN, replace(SMALL, **change))  # type: ignore[arg-type]
    assert error.value.path == path
    check_china(SMALL)


def test_tariff_row_moves_section_301_ten_points_floored_at_zero() -> None:
    row = tariff_row(GOLDEN, SMALL)
    assert row.driver is Driver.SECTION_301
    assert (row.low_setting, row.high_setting) == (D("0.15"), D("0.35"))
    year = first_full_year(GOLDEN).year
    low = compare_china(GOLDEN, replace(SMALL, section_301_rate=D("0.15")))
    assert row.low.npv_usd == low.returns.npv_usd
    assert row.low.first_full_year_savings_usd == next(y.savings_usd for y in low.years if y.year == year)
    # a dearer Chinese duty makes Mexico look better
    assert row.low.npv_usd < compare_china(GOLDEN, SMALL).returns.npv_usd < row.high.npv_usd
    floored = tariff_row(GOLDEN, replace(SMALL, section_301_rate=D("0.075")))
    assert (floored.low_setting, floored.high_setting) == (D(0), D("0.175"))
    # 100 % + 10 pp is a valid what-if even though the input itself stops at 100 %
    assert tariff_row(GOLDEN, replace(SMALL, section_301_rate=D(1))).high_setting == D("1.10")


def test_china_tornado_has_the_tariff_and_every_case_driver() -> None:
    computed = variants(GOLDEN.case, REF, GOLDEN)
    sens = china_sensitivity(GOLDEN, SMALL, computed)
    assert {r.driver for r in sens.rows} == set(Driver)
    assert sens.base.npv_usd == compare_china(GOLDEN, SMALL).returns.npv_usd
    assert sens.first_full_year == 2027
    swings = [r.swing_usd for r in sens.rows]
    assert swings == sorted(swings, reverse=True)
    fx = next(r for r in sens.rows if r.driver is Driver.FX)
    fx_variant = next(v for v in computed if v.driver is Driver.FX)
    assert fx.high.npv_usd == compare_china(fx_variant.high, SMALL).returns.npv_usd
    # the Mexican side moves the same way against either baseline: the NPV difference is the baseline's alone
    assert china_sensitivity(GOLDEN, SMALL).rows == (tariff_row(GOLDEN, SMALL),)


rates = st.decimals(min_value=0, max_value=1, places=4)
money = st.decimals(min_value=0, max_value=50_000_000, places=2)


@st.composite
def baselines(draw: st.DrawFn) -> ChinaBaseline:
    return ChinaBaseline(
        annual_fob_usd=draw(money),
        annual_mexico_materials_usd=draw(money),
        mfn_rate=draw(rates),
        section_301_rate=draw(rates),
        section_122_rate=draw(rates),
        section_122_ends_on=draw(st.dates(date(2025, 1, 1), date(2032, 12, 31))),
        freight_insurance_rate=draw(rates),
        annual_broker_drayage_usd=draw(money),
        pipeline_weeks=draw(st.decimals(min_value=0, max_value=52, places=1)),
        carrying_rate=draw(rates),
    )


def _all_decimal(comparison: ChinaComparison) -> bool:
    for y in comparison.years:
        for f in fields(y):
            value = getattr(y, f.name)
            if isinstance(value, float) or not isinstance(value, Decimal | int):
                return False
    r = comparison.returns
    return all(isinstance(v, Decimal) for v in (*r.cash_flows_usd, r.npv_usd, r.irr or D(0), r.payback_years or D(0)))


@settings(max_examples=60, deadline=None)
@given(baselines(), st.sampled_from(("mfn_rate", "section_301_rate", "section_122_rate", "freight_insurance_rate",
                                     "carrying_rate")), st.decimals(min_value=0, max_value=1, places=4))
def test_landed_cost_is_monotone_in_each_rate(china: ChinaBaseline, rate: str, bump: Decimal) -> None:
    raised = min(D(1), getattr(china, rate) + bump)
    before, after = compare_china(GOLDEN, china), compare_china(GOLDEN, replace(china, **{rate: raised}))
    for b, a in zip(before.years, after.years, strict=True):
        assert a.landed_usd >= b.landed_usd
        assert a.savings_usd >= b.savings_usd
        assert sum((v for _, v in a.landed_blocks()), D(0)) == a.landed_usd
    assert after.returns.npv_usd >= before.returns.npv_usd
    assert _all_decimal(before) and _all_decimal(after)

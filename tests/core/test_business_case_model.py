"""The cost model of docs/business-case-contract.md §5 through the core API: the golden case and what it misses."""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from decimal import Decimal
from typing import Any

import pytest

from shelter_app.content.reference import load_reference
from shelter_app.core.answers import WageZone
from shelter_app.core.business_case import compute
from shelter_app.core.business_case.inputs import (
    BusinessCaseInput,
    Escalation,
    FeeModel,
    IvaFinancing,
    Location,
    MarketBenefits,
    OneTime,
    OneTimeItem,
    Override,
    PtuInputs,
    Role,
    Scenario,
    ShelterFee,
    StatutoryInputs,
    UsBaseline,
    Workforce,
)
from shelter_app.core.business_case.parameters import Origin
from shelter_app.core.business_case.reference import ReferenceData, RiskClass
from shelter_app.core.business_case.result import BusinessCaseResult, RoleYear, SbcLimit
from shelter_app.core.business_case.validation import InvalidBusinessCase
from shelter_app.exchange.business_case_io import parse_input
from tests.support.business_case import golden_document

D = Decimal


@pytest.fixture(scope="module")
def ref() -> ReferenceData:
    return load_reference()


@pytest.fixture(scope="module")
def golden_case() -> BusinessCaseInput:
    return parse_input(golden_document())


@pytest.fixture(scope="module")
def golden(golden_case: BusinessCaseInput, ref: ReferenceData) -> BusinessCaseResult:
    return compute(golden_case, ref)


def close(actual: Decimal | None, expected: str, rel: str = "1e-9") -> bool:
    assert actual is not None
    e = D(expected)
    return abs(actual - e) <= D(rel) * abs(e)


def role(result: BusinessCaseResult, role_id: str, year: int | None = None) -> RoleYear:
    y = result.years[0] if year is None else next(y for y in result.years if y.year == year)
    return next(r for r in y.roles if r.role.id == role_id)


def small_case(**changes: Any) -> BusinessCaseInput:
    """A one-role plant built with the dataclasses, as a GUI editor would."""
    case = BusinessCaseInput(
        scenario=Scenario(base_year=2026, horizon_years=3, fx_mxn_per_usd=D("18"), discount_rate=D("0.1")),
        location=Location(state="Querétaro", wage_zone=WageZone.GENERAL),
        workforce=Workforce(roles=(Role(id="operator", headcount=D(50), daily_wage_mxn=D(400), direct=True),)),
        shelter_fee=ShelterFee(FeeModel.PER_HEADCOUNT, usd_per_head_per_month=D(150)),
        us_baseline=UsBaseline(direct_wage_usd_per_hour=D(20), indirect_salary_usd_per_year=D(70000),
                               benefits_burden_rate=D("0.3")),
        one_time=OneTime(items=(OneTimeItem("Set-up", D(100000)),)),
    )  # fmt: skip
    return replace(case, **changes)


# ---- the golden case: docs/cost-model.md §4.11, to 1e-9 -------------------------------------------------------------


def test_golden_values(golden: BusinessCaseResult) -> None:
    p = golden.parameters
    assert close(p.integration_factor, "1.0493150684931507")
    operator, manager = role(golden, "operator"), role(golden, "manager")
    assert close(operator.sbc_mxn_per_day, "493.17808219178085")
    assert close(operator.per_employee_mxn.imss_infonavit.total, "48204.69479")
    assert close(operator.per_employee_mxn.loaded_total, "301312.09155999176")
    assert close(operator.loaded_usd_per_worked_hour, "7.11716013699905")
    assert close(manager.sbc_mxn_per_day, "2932.75") and manager.sbc_limit_applied is SbcLimit.UMA_CAP
    assert close(manager.per_employee_mxn.loaded_total, "1583742.7432275")
    first, last = golden.years[0], golden.years[-1]
    assert close(first.ptu.pool_mxn, "423274.2706631075")
    assert close(first.mexico.total_usd, "4166377.3796787835")
    assert close(first.baseline.total_usd, "9470091.300280636")
    assert close(first.savings_usd, "5303713.920601852")
    assert close(last.savings_usd, "5161879.463576107")
    assert close(first.mexico.shelter_fee.equivalent_usd_per_worked_hour, "0.8418367346938775")
    assert close(golden.iva_financing.certification_benefit_usd_per_year, "43200")
    assert golden.one_time.total_usd == D("2468200")
    assert close(golden.returns.npv_usd, "15215311.450915415")
    assert close(golden.returns.irr, "1.4836545019248324")
    assert close(golden.returns.payback_years, "0.9307440170980846")


def test_golden_build_up_is_kept_per_role(golden: BusinessCaseResult) -> None:
    """What the PDF's labor build-up shows: SD → SBC → statutory → IMSS by branch → ISN → PTU → loaded."""
    op = role(golden, "operator").per_employee_mxn
    assert (op.base_salary, op.aguinaldo, op.prima_vacacional, op.gross_statutory) == (
        D("171550.0"),
        D("7050.0"),
        D("1410.0"),
        D("180010.0"),
    )
    imss = op.imss_infonavit
    branches = [getattr(imss, f.name) for f in fields(imss) if f.name != "total"]
    assert sum(branches) == imss.total and len(branches) == 11
    assert close(imss.cesantia_vejez, "13524.1513")
    assert op.total_ex_ptu == op.gross_statutory + imss.total + op.isn + op.market_benefits.total
    assert op.loaded_total == op.total_ex_ptu + op.ptu.paid
    assert role(golden, "manager").per_employee_mxn.ptu.paid == 0  # not eligible
    assert golden.warnings == ()


def test_golden_hours_reform(golden: BusinessCaseResult) -> None:
    assert [y.weekly_hours for y in golden.years] == [48, 46, 44, 42, 40]
    assert close(role(golden, "operator", 2030).fte, "144")
    assert role(golden, "technician", 2030).fte == 6  # indirect staff absorb the shorter week
    assert [role(golden, "operator", y.year).cesantia_vejez_rate for y in golden.years] == [
        D("0.07513"),
        D("0.08603"),
        D("0.09694"),
        D("0.10784"),
        D("0.11875"),
    ]


def test_mexico_blocks_and_cash_flows_add_up(golden: BusinessCaseResult) -> None:
    for y in golden.years:
        blocks = y.mexico.blocks_usd
        assert y.mexico.total_usd == blocks.total and blocks.duties == 0
        assert y.savings_by_block_usd.total == pytest.approx(y.baseline.total_usd - y.mexico.total_usd, rel=D("1e-25"))
        assert y.cash_flow_usd == y.ramp_realization * y.savings_usd + y.working_capital_recovery_usd
    assert golden.years[-1].working_capital_recovery_usd == D(200000)
    assert golden.returns.cash_flows_usd[0] == -golden.one_time.total_usd


@pytest.mark.parametrize(
    ("fx", "mexico_total", "savings"),
    [("16.20", "4492849.67", "4977241.63"), ("19.80", "3899263.69", "5570827.61")],
)
def test_fx_sensitivity_of_the_worked_example(
    golden_case: BusinessCaseInput, ref: ReferenceData, fx: str, mexico_total: str, savings: str
) -> None:
    """docs/cost-model.md §4.10: FX ±10 % in 2026, computed through the core API as the PDF's sensitivity will be."""
    case = replace(golden_case, scenario=replace(golden_case.scenario, fx_mxn_per_usd=D(fx)))
    year = compute(case, ref).years[0]
    assert round(year.mexico.total_usd, 2) == D(mexico_total) and round(year.savings_usd, 2) == D(savings)


# ---- statutory-only checks of docs/cost-model.md §4.2: minimum-wage earners and LSS art. 36 ------------------------


@pytest.mark.parametrize(
    ("zone", "state", "sd", "band", "expected_total", "expected_art36"),
    [
        (WageZone.BORDER, "Chihuahua", "440.87", 6, "223930.34987343993", "4171.86"),
        (WageZone.GENERAL, "Querétaro", "315.04", 4, "160162.88023808002", "2865.68"),
    ],
)
def test_statutory_only_at_the_minimum_wage(
    ref: ReferenceData, zone: WageZone, state: str, sd: str, band: int, expected_total: str, expected_art36: str
) -> None:
    case = small_case(
        location=Location(state=state, wage_zone=zone),
        workforce=Workforce(roles=(Role(id="operator", headcount=D(1), daily_wage_mxn=D(sd), direct=True,
                                        ptu_eligible=False),)),
    )  # fmt: skip
    r = role(compute(case, ref), "operator")
    assert r.lss_art36_applies and r.sbc_limit_applied is SbcLimit.NONE
    assert r.cesantia_vejez_band == band  # SM × FI is 3.94 UMA (ZLFN) / 2.82 UMA (general): never band 0
    assert close(r.per_employee_mxn.total_ex_ptu, expected_total)
    assert abs(r.per_employee_mxn.imss_infonavit.lss_art36_worker_share - D(expected_art36)) < D("0.01")


def test_a_wage_below_the_minimum_takes_the_floor_and_art36(ref: ReferenceData) -> None:
    case = small_case(workforce=Workforce(roles=(Role(id="helper", headcount=D(3), daily_wage_mxn=D(290),
                                                      direct=False),)))  # fmt: skip
    r = role(compute(case, ref), "helper")
    assert r.sbc_limit_applied is SbcLimit.MIN_WAGE_FLOOR and r.sbc_mxn_per_day == D("315.04")
    assert [w.path for w in compute(case, ref).warnings] == ["workforce.roles[0].daily_wage_mxn"]
    assert r.cesantia_vejez_band == 0 and r.cesantia_vejez_rate == D("0.03150")
    assert r.lss_art36_applies
    imss = r.per_employee_mxn.imss_infonavit
    expected = 365 * (D("0.0025") + D("0.00375") + D("0.00625") + D("0.01125")) * D("315.04")  # no excedente
    assert imss.lss_art36_worker_share == expected


def test_a_wage_equal_to_the_minimum_stays_one_after_escalation(ref: ReferenceData) -> None:
    """SD = SM exactly, both escalated at 7 %: the 1e-9 tolerance keeps art. 36 in every year."""
    case = small_case(
        workforce=Workforce(roles=(Role(id="operator", headcount=D(10), daily_wage_mxn=D("315.04"), direct=True),)),
        escalation=Escalation(mx_wages=D("0.07")), scenario=replace(small_case().scenario, horizon_years=5),
    )  # fmt: skip
    result = compute(case, ref)
    assert all(role(result, "operator", y.year).lss_art36_applies for y in result.years)
    raised = replace(case, escalation=Escalation(mx_wages=D("0.07"), min_wage=D("0.06")))
    years = compute(raised, ref).years
    assert [role(compute(raised, ref), "operator", y.year).lss_art36_applies for y in years] == [
        True,
        False,
        False,
        False,
        False,
    ]


def test_the_25_uma_cap(ref: ReferenceData) -> None:
    case = small_case(workforce=Workforce(roles=(Role(id="director", headcount=D(1), daily_wage_mxn=D(5000),
                                                      direct=False, ptu_eligible=False),)))  # fmt: skip
    r = role(compute(case, ref), "director")
    assert r.sbc_limit_applied is SbcLimit.UMA_CAP
    assert r.sbc_mxn_per_day == 25 * D("117.31") and r.sbc_in_uma == 25
    assert r.cesantia_vejez_band == 7
    assert r.per_employee_mxn.gross_statutory == 5000 * (365 + 15 + 3)  # the cap limits IMSS, not pay


# ---- zones, states and base years -------------------------------------------------------------------------------


def test_zone_and_state_pick_the_defaults(ref: ReferenceData) -> None:
    border = compute(small_case(location=Location(state="Baja California", wage_zone=WageZone.BORDER)), ref)
    general = compute(small_case(location=Location(state="Nuevo León", wage_zone=WageZone.GENERAL)), ref)
    assert border.parameters.min_wage_mxn_per_day == D("440.87") and border.parameters.isn_rate == D("0.0425")
    assert general.parameters.min_wage_mxn_per_day == D("315.04") and general.parameters.isn_rate == D("0.03")
    # the operator earns 400: below the border floor (floor + art. 36), above the general one
    assert role(border, "operator").sbc_limit_applied is SbcLimit.MIN_WAGE_FLOOR
    assert role(general, "operator").sbc_limit_applied is SbcLimit.NONE


def test_a_state_without_an_isn_rate_needs_one(ref: ReferenceData) -> None:
    case = small_case(location=Location(state="Yucatán", wage_zone=WageZone.GENERAL))
    with pytest.raises(InvalidBusinessCase) as caught:
        compute(case, ref)
    assert caught.value.field == "statutory.isn_rate"
    assert "Yucatán" in caught.value.en and "2026" in caught.value.en
    given = replace(
        case,
        statutory=StatutoryInputs(isn_rate=D("0.0375")),
        overrides=(Override("isn_rate", "Yucatán 2026 rate per the state's Ley de Hacienda"),),
    )
    result = compute(given, ref)
    assert result.parameters.isn_rate == D("0.0375")
    (isn,) = [s for s in result.parameters.overrides if s.parameter == "isn_rate"]
    assert isn.reference_value is None and isn.reason.startswith("Yucatán")


@pytest.mark.parametrize(
    ("base_year", "missing"),
    [(2027, "statutory.min_wage_mxn_per_day"), (2023, "statutory.min_wage_mxn_per_day"),
     (2025, "statutory.isn_rate")],
)  # fmt: skip
def test_a_year_without_reference_data(ref: ReferenceData, base_year: int, missing: str) -> None:
    case = small_case(scenario=replace(small_case().scenario, base_year=base_year))
    with pytest.raises(InvalidBusinessCase) as caught:
        compute(case, ref)
    assert caught.value.field == missing


def test_another_base_year_with_its_values_given(ref: ReferenceData) -> None:
    case = small_case(
        scenario=replace(small_case().scenario, base_year=2028, horizon_years=5),
        statutory=StatutoryInputs(min_wage_mxn_per_day=D(380), uma_mxn_per_day=D(126), isn_rate=D("0.03")),
    )
    result = compute(case, ref)
    assert [y.weekly_hours for y in result.years] == [44, 42, 40, 40, 40]
    assert result.years[-1].cesantia_vejez_employer_rates == ref.cesantia_vejez_rates.rows[2030].value
    assert {s.parameter for s in result.parameters.overrides} == {"min_wage_mxn_per_day", "uma_mxn_per_day", "isn_rate"}


def test_a_2025_base_year_uses_the_2025_rows(ref: ReferenceData) -> None:
    case = small_case(
        scenario=replace(small_case().scenario, base_year=2025), statutory=StatutoryInputs(isn_rate=D("0.03"))
    )
    p = compute(case, ref).parameters
    assert (p.min_wage_mxn_per_day, p.uma_mxn_per_day) == (D("278.80"), D("113.14"))
    assert p.cesantia_vejez_rates_by_year[2025] == ref.cesantia_vejez_rates.rows[2025].value
    assert p.weekly_hours_by_year == {2025: 48, 2026: 48, 2027: 46}


# ---- overrides ------------------------------------------------------------------------------------------------


def test_overrides_are_recorded_with_the_table_value_and_reason(ref: ReferenceData) -> None:
    case = small_case(
        statutory=StatutoryInputs(rt_premium_rate=D("0.015"), weekly_hours_by_year={2027: D(48)},
                                  cesantia_vejez_employer_rates_by_year={2028: (D("0.05"),) * 8}),
        ptu=PtuInputs(cap_days=D(60)),
        overrides=(Override("rt_premium_rate", "The shelter's own registration premium"),),
    )  # fmt: skip
    result = compute(case, ref)
    overrides = {s.parameter: s for s in result.parameters.overrides}
    assert set(overrides) == {
        "rt_premium_rate",
        "weekly_hours_by_year.2027",
        "cesantia_vejez_employer_rates_by_year.2028",
        "ptu.cap_days",
    }
    rt = overrides["rt_premium_rate"]
    assert rt.value == D("0.015") and rt.reference_value == D("0.0259840") and rt.origin is Origin.INPUT
    assert rt.reason == "The shelter's own registration premium" and rt.provenance is not None
    assert overrides["ptu.cap_days"].reason == ""  # listed even without a reason
    assert [y.weekly_hours for y in result.years] == [48, 48, 44]  # merged for that year only
    assert result.years[2].cesantia_vejez_employer_rates == (D("0.05"),) * 8


def test_a_reason_for_a_value_not_overridden_is_refused(ref: ReferenceData) -> None:
    case = small_case(overrides=(Override("isn_rate", "typo"),))
    with pytest.raises(InvalidBusinessCase) as caught:
        compute(case, ref)
    assert caught.value.field == "overrides[0].parameter"


def test_risk_class_picks_the_premium_and_the_rate_wins(ref: ReferenceData) -> None:
    by_class = compute(small_case(statutory=StatutoryInputs(risk_class=RiskClass.V)), ref).parameters
    assert by_class.rt_premium_rate == D("0.0758875")
    assert any(s.parameter == "rt_premium_rate" and s.to_verify for s in by_class.to_verify)
    both = StatutoryInputs(risk_class=RiskClass.I, rt_premium_rate=D("0.02"))
    assert compute(small_case(statutory=both), ref).parameters.rt_premium_rate == D("0.02")


def test_seniority_drives_vacation_and_integration(ref: ReferenceData) -> None:
    case = small_case(workforce=replace(small_case().workforce, seniority_years=6))
    p = compute(case, ref).parameters
    assert p.vacation_days == 22 and p.worked_days_per_year == 365 - 52 - 7 - 22
    assert p.integration_factor == 1 + (15 + D(22) * D("0.25")) / 365


def test_worked_days_must_stay_positive(ref: ReferenceData) -> None:
    case = small_case(statutory=StatutoryInputs(rest_days_per_year=D(300), paid_holidays_per_year=D(60)))
    with pytest.raises(InvalidBusinessCase) as caught:
        compute(case, ref)
    assert caught.value.field == "statutory.worked_days_per_year"


# ---- shelter fee models -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("model", list(FeeModel))
def test_each_fee_model_and_its_equivalents(ref: ReferenceData, model: FeeModel) -> None:
    fee = ShelterFee(model, usd_per_head_per_month=D(150), usd_per_worked_hour=D("0.9"), markup_rate=D("0.12"))
    year = compute(small_case(shelter_fee=fee), ref).years[1]
    f = year.mexico.shelter_fee
    labor_usd = year.mexico.labor_mxn / D(18)
    expected = {
        FeeModel.PER_HEADCOUNT: year.fte.total * D(150) * D("1") * 12,
        FeeModel.PER_HOUR: year.fte.total * year.worked_hours_per_fte * D("0.9"),
        FeeModel.MARKUP: labor_usd * D("0.12"),
    }[model]
    assert f.model is model and f.fee_usd == expected
    assert f.worked_hours_total == year.fte.total * year.worked_hours_per_fte
    assert f.equivalent_usd_per_head_month * year.fte.total * 12 == pytest.approx(f.fee_usd, rel=D("1e-20"))
    assert f.equivalent_usd_per_worked_hour * f.worked_hours_total == pytest.approx(f.fee_usd, rel=D("1e-20"))
    assert f.equivalent_markup_on_loaded_labor * labor_usd == pytest.approx(f.fee_usd, rel=D("1e-20"))
    assert year.mexico.blocks_usd.shelter_fee == f.fee_usd


def test_the_fee_escalates_with_usd_costs(ref: ReferenceData) -> None:
    case = small_case(
        escalation=Escalation(usd_costs=D("0.05")),
        workforce=Workforce(roles=(Role(id="clerk", headcount=D(4), daily_wage_mxn=D(500), direct=False),)),
    )
    years = compute(case, ref).years
    assert [y.mexico.shelter_fee.equivalent_usd_per_head_month for y in years] == [
        D(150),
        D(150) * D("1.05"),
        D(150) * D("1.05") ** 2,
    ]


# ---- PTU ------------------------------------------------------------------------------------------------------


def test_a_binding_ptu_cap_is_not_redistributed(ref: ReferenceData) -> None:
    case = small_case(ptu=PtuInputs(taxable_income_margin=D(5)))  # an absurd margin makes the pool huge
    year = compute(case, ref).years[0]
    share = role(compute(case, ref), "operator").per_employee_mxn.ptu
    assert share.uncapped > share.cap and share.paid == share.cap == 90 * D(400)
    assert year.ptu.undistributed_mxn == year.ptu.pool_mxn - year.ptu.paid_mxn > 0


def test_no_eligible_employee_pays_no_ptu(ref: ReferenceData) -> None:
    case = small_case(workforce=Workforce(roles=(
        Role(id="gm", headcount=D(1), daily_wage_mxn=D(4000), direct=False, ptu_eligible=False),
        Role(id="operator", headcount=D(10), daily_wage_mxn=D(450), direct=True, ptu_eligible=False),
    )))  # fmt: skip
    year = compute(case, ref).years[0]
    assert year.fte.ptu_eligible == 0 and year.ptu.paid_mxn == 0 and year.ptu.undistributed_mxn == year.ptu.pool_mxn


def test_eligible_roles_without_heads_get_the_cap_but_no_share(ref: ReferenceData) -> None:
    case = small_case(workforce=Workforce(roles=(
        Role(id="gm", headcount=D(1), daily_wage_mxn=D(4000), direct=False, ptu_eligible=False),
        Role(id="operator", headcount=D(0), daily_wage_mxn=D(450), direct=True),
    )))  # fmt: skip
    share = role(compute(case, ref), "operator").per_employee_mxn.ptu
    assert (share.equal_share, share.uncapped, share.paid, share.cap) == (0, 0, 0, 90 * D(450))


# ---- productivity, ramp, IVA, escalation ------------------------------------------------------------------------


def test_productivity_divides_direct_fte(ref: ReferenceData) -> None:
    case = small_case(workforce=replace(small_case().workforce, productivity_factor=D("0.8")))
    years = compute(case, ref).years
    assert [role_year.fte for y in years for role_year in y.roles] == [
        D(50) / (D(48) / 48) / D("0.8"),
        D(50) / (D(46) / 48) / D("0.8"),
        D(50) / (D(44) / 48) / D("0.8"),
    ]


def test_ramp_and_iva_memo(ref: ReferenceData) -> None:
    case = small_case(
        scenario=replace(small_case().scenario, ramp_realization_by_year={2026: D("0.25"), 2027: D("0.75")}),
        iva_financing=IvaFinancing(certified=False, temporary_imports_usd_per_month=D(500000),
                                   recovery_lag_months=D(2)),
    )  # fmt: skip
    result = compute(case, ref)
    assert [y.ramp_realization for y in result.years] == [D("0.25"), D("0.75"), 1]
    iva = result.iva_financing
    assert iva.scenario == iva.if_not_certified and iva.if_not_certified.tied_up_usd == D("0.16") * 500000 * 2
    assert iva.cost_of_capital_rate == D("0.1")  # the discount rate by default
    assert iva.certification_benefit_usd_per_year == D("0.16") * 500000 * 2 * D("0.1")
    assert result.years[0].mexico.total_usd == compute(small_case(), ref).years[0].mexico.total_usd  # only a memo


def test_chained_escalation_defaults(ref: ReferenceData) -> None:
    e = compute(small_case(escalation=Escalation(mx_wages=D("0.05"), mx_cpi=D("0.04"))), ref).parameters.escalation
    assert (e.min_wage, e.uma) == (D("0.05"), D("0.04"))


def test_market_benefits_follow_the_worked_days_and_cpi(ref: ReferenceData) -> None:
    benefits = MarketBenefits(transport_mxn_per_worked_day=D(30), private_insurance_mxn_per_year=D(1000))
    case = small_case(
        workforce=Workforce(roles=(Role(id="operator", headcount=D(5), daily_wage_mxn=D(400), direct=True,
                                        market_benefits=benefits),)),
        escalation=Escalation(mx_cpi=D("0.04")),
    )  # fmt: skip
    costs = role(compute(case, ref), "operator", 2027).per_employee_mxn.market_benefits
    assert costs.transport == 30 * 294 * D("1.04") and costs.private_insurance == 1000 * D("1.04")


# ---- returns ----------------------------------------------------------------------------------------------------


def test_no_outlay_means_no_irr_and_immediate_payback(ref: ReferenceData) -> None:
    result = compute(small_case(one_time=OneTime()), ref)
    assert all(flow >= 0 for flow in result.returns.cash_flows_usd)
    assert result.returns.irr is None and result.returns.payback_years == 0


def test_payback_beyond_the_horizon(ref: ReferenceData) -> None:
    result = compute(small_case(one_time=OneTime(items=(OneTimeItem("Plant", D(10) ** 8),))), ref)
    assert result.returns.payback_years is None
    assert result.returns.cumulative_cash_flows_usd[-1] < 0


def test_a_loss_making_move_has_no_irr(ref: ReferenceData) -> None:
    cheap_us = UsBaseline(direct_wage_usd_per_hour=D(1), indirect_salary_usd_per_year=D(0),
                          benefits_burden_rate=D(0))  # fmt: skip
    result = compute(small_case(us_baseline=cheap_us), ref)
    assert all(y.savings_usd < 0 for y in result.years)
    assert result.returns.irr is None and result.returns.payback_years is None


# ---- the core never uses float ----------------------------------------------------------------------------------


def floats_in(value: Any, path: str = "result") -> list[str]:
    if isinstance(value, float):
        return [path]
    if is_dataclass(value) and not isinstance(value, type):
        return [p for f in fields(value) for p in floats_in(getattr(value, f.name), f"{path}.{f.name}")]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in floats_in(v, f"{path}[{k!r}]")]
    if isinstance(value, list | tuple):
        return [p for i, v in enumerate(value) for p in floats_in(v, f"{path}[{i}]")]
    return []


def test_no_float_in_the_golden_result(golden: BusinessCaseResult) -> None:
    assert floats_in(golden) == []

"""Properties of the cost model over many generated plants: monotone costs, totals that add up, no float."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from shelter_app.content.reference import load_reference
from shelter_app.core.answers import WageZone
from shelter_app.core.business_case import compute
from shelter_app.core.business_case.finance import npv
from shelter_app.core.business_case.inputs import (
    BusinessCaseInput,
    Escalation,
    FeeModel,
    Location,
    OneTime,
    OneTimeItem,
    Role,
    Scenario,
    ShelterFee,
    UsBaseline,
    Workforce,
)
from tests.core.test_business_case_model import floats_in

D = Decimal
REF = load_reference()
STATES = sorted({state for _, state in REF.isn_rate})


def money(low: int, high: int, places: int = 2) -> st.SearchStrategy[Decimal]:
    return st.decimals(min_value=low, max_value=high, places=places, allow_nan=False, allow_infinity=False)


roles = st.lists(
    st.builds(
        Role,
        id=st.just("r"),
        headcount=money(0, 400, 1),
        daily_wage_mxn=money(200, 6000),
        direct=st.booleans(),
        ptu_eligible=st.booleans(),
    ),
    min_size=1,
    max_size=4,
).map(lambda rs: tuple(replace(r, id=f"role_{i}") for i, r in enumerate(rs)))


@st.composite
def cases(draw: st.DrawFn) -> BusinessCaseInput:
    plant_roles = draw(roles)
    if sum(r.headcount for r in plant_roles) == 0:
        plant_roles = (replace(plant_roles[0], headcount=D(1)), *plant_roles[1:])
    model = draw(st.sampled_from(list(FeeModel)))
    return BusinessCaseInput(
        scenario=Scenario(base_year=2026, horizon_years=draw(st.integers(1, 8)),
                          fx_mxn_per_usd=draw(money(12, 25)), discount_rate=draw(money(0, 1, 3))),
        location=Location(state=draw(st.sampled_from(STATES)), wage_zone=draw(st.sampled_from(list(WageZone)))),
        workforce=Workforce(roles=plant_roles, seniority_years=draw(st.integers(1, 25)),
                            productivity_factor=draw(money(1, 2, 2))),
        shelter_fee=ShelterFee(model, usd_per_head_per_month=draw(money(0, 400)),
                               usd_per_worked_hour=draw(money(0, 3)), markup_rate=draw(money(0, 1, 3))),
        us_baseline=UsBaseline(direct_wage_usd_per_hour=draw(money(0, 60)),
                               indirect_salary_usd_per_year=draw(money(0, 150000)),
                               benefits_burden_rate=draw(money(0, 1, 3))),
        one_time=OneTime(items=(OneTimeItem("Start-up", draw(money(0, 20_000_000))),)),
        escalation=Escalation(mx_wages=draw(money(0, 1, 3)) / 10, mx_cpi=draw(money(0, 1, 3)) / 10,
                              usd_costs=draw(money(0, 1, 3)) / 10, us_wages=draw(money(0, 1, 3)) / 10),
    )  # fmt: skip


@settings(max_examples=150)
@given(case=cases())
def test_totals_add_up_and_no_float(case: BusinessCaseInput) -> None:
    result = compute(case, REF)
    assert floats_in(result) == []
    tiny = D("1e-18")
    for y in result.years:
        roles_total = sum((r.role_total_mxn for r in y.roles), D(0))
        assert abs(roles_total - y.mexico.labor_mxn) <= tiny * max(1, y.mexico.labor_mxn)
        assert y.mexico.total_usd == y.mexico.blocks_usd.total
        assert 0 <= y.ptu.paid_mxn <= y.ptu.pool_mxn * (1 + tiny)
        for r in y.roles:
            assert r.per_employee_mxn.ptu.paid <= r.per_employee_mxn.ptu.cap
            assert 0 <= r.cesantia_vejez_band <= 7
            assert r.sbc_mxn_per_day <= y.sbc_cap_mxn_per_day
            assert r.loaded_multiplier > 1
    returns = result.returns
    if returns.irr is not None:
        # the IRR is a root to the search's precision: the NPV changes sign within it (a tolerance on the NPV
        # itself fails at very negative rates, where a 1e-12 step in the rate moves the NPV by cents)
        step = D("1e-12")
        below, above = npv(returns.irr - step, returns.cash_flows_usd), npv(returns.irr + step, returns.cash_flows_usd)
        assert below == 0 or above == 0 or (below > 0) != (above > 0)
    if returns.payback_years is not None:  # the first year the cumulative cash flow is no longer negative
        reached = int(returns.payback_years.to_integral_value(rounding="ROUND_CEILING"))
        assert returns.cumulative_cash_flows_usd[reached] >= 0
        assert reached == 0 or returns.cumulative_cash_flows_usd[reached - 1] < 0
    else:
        assert returns.cumulative_cash_flows_usd[-1] < 0


@settings(max_examples=200)
@given(
    zone=st.sampled_from(list(WageZone)),
    low=money(0, 6000, 2),
    step=money(0, 3000, 2),
    seniority=st.integers(1, 30),
)
def test_cost_is_monotone_in_the_daily_wage_above_the_minimum(
    zone: WageZone, low: Decimal, step: Decimal, seniority: int
) -> None:
    """Above the minimum wage (where LSS art. 36 stops), a higher SD never costs less: bands and caps included."""
    minimum = REF.minimum_wage_mxn_per_day[(2026, zone)].value
    sd1 = minimum + D("0.01") + low
    sd2 = sd1 + step

    def cost(sd: Decimal) -> Decimal:
        case = BusinessCaseInput(
            scenario=Scenario(base_year=2026, horizon_years=1, fx_mxn_per_usd=D(18), discount_rate=D("0.1")),
            location=Location(state="Coahuila", wage_zone=zone),
            workforce=Workforce(roles=(Role(id="r", headcount=D(1), daily_wage_mxn=sd, direct=True),),
                                seniority_years=seniority),
            shelter_fee=ShelterFee(FeeModel.PER_HEADCOUNT, usd_per_head_per_month=D(0)),
            us_baseline=UsBaseline(D(20), D(0), D(0)),
        )  # fmt: skip
        return compute(case, REF).years[0].roles[0].per_employee_mxn.total_ex_ptu

    assert cost(sd1) <= cost(sd2)

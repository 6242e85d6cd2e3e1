"""The cost model: from the resolved parameters to every year's costs, savings and returns.

Exactly the computation rules of docs/business-case-contract.md §5, in `Decimal` without intermediate
rounding (28 significant digits, the contract's minimum), in the order the contract writes
them so each line can be checked against it.
"""

from __future__ import annotations

from decimal import Context, Decimal, DivisionByZero, InvalidOperation, Overflow, localcontext
from typing import Final

from shelter_app.core.business_case.finance import cumulative, irr, npv, payback_years
from shelter_app.core.business_case.inputs import BusinessCaseInput, FeeModel, Role
from shelter_app.core.business_case.parameters import PAYROLL_DAYS, Parameters, resolve
from shelter_app.core.business_case.reference import ReferenceData
from shelter_app.core.business_case.result import (
    BaselineYear,
    Blocks,
    BusinessCaseResult,
    EmployeeCost,
    EscalationIndex,
    FacilityCost,
    FteTotals,
    ImssInfonavit,
    InputWarning,
    IvaCost,
    IvaMemo,
    LogisticsCost,
    MarketBenefitCosts,
    MexicoYear,
    OneTimeCost,
    PtuPool,
    PtuShare,
    Returns,
    RoleYear,
    SbcLimit,
    ShelterFeeCost,
    YearResult,
)
from shelter_app.core.business_case.validation import check_input

REFERENCE_WEEK_HOURS: Final = Decimal(48)
"""Headcounts are given at a 48-hour week; k_y = h_y / 48."""
MINIMUM_WAGE_TOLERANCE: Final = Decimal("1e-9")
"""SD ≤ SM + 1e-9: a wage equal to the minimum wage stays one after both are escalated (§5.2)."""
CESANTIA_VEJEZ_BAND_EDGES_UMA: Final = tuple(Decimal(x) for x in ("1.50", "2.00", "2.50", "3.00", "3.50", "4.00"))
"""Upper edges (inclusive) of bands 1-6 in SBC/UMA; above the last, band 7."""
MONTHS: Final = 12
FOOD_VOUCHER_LIMIT_UMA: Final = Decimal("0.40")
"""LSS art. 27: food vouchers above 40 % of the UMA per day would be integrated into the SBC (not enforced in @1)."""

_ZERO: Final = Decimal(0)
_CONTEXT: Final = Context(prec=28, traps=[InvalidOperation, DivisionByZero, Overflow])


def compute(case: BusinessCaseInput, reference: ReferenceData) -> BusinessCaseResult:
    """Check `case`, resolve its defaults from `reference` and compute every figure.

    Raises `InvalidBusinessCase` (naming the field) when the input breaks a rule of the
    contract or needs a reference value the tables do not have.
    """
    check_input(case)
    with localcontext(_CONTEXT):
        parameters = resolve(case, reference)
        return _compute(case, parameters)


def _compute(case: BusinessCaseInput, p: Parameters) -> BusinessCaseResult:
    years = tuple(_year(case, p, year) for year in case.scenario.years)
    one_time = _one_time(case)
    flows = [-one_time.total_usd, *(y.cash_flow_usd for y in years)]
    returns = Returns(
        discount_rate=case.scenario.discount_rate,
        cash_flows_usd=tuple(flows),
        cumulative_cash_flows_usd=cumulative(flows),
        npv_usd=npv(case.scenario.discount_rate, flows),
        irr=irr(flows),
        payback_years=payback_years(flows),
    )
    return BusinessCaseResult(case, p, years, one_time, returns, _iva(case, p), _warnings(case, p))


def _year(case: BusinessCaseInput, p: Parameters, year: int) -> YearResult:
    t = year - case.scenario.base_year
    e = p.escalation
    index = EscalationIndex(
        mx_wages=(1 + e.mx_wages) ** t,
        min_wage=(1 + e.min_wage) ** t,
        uma=(1 + e.uma) ** t,
        mx_cpi=(1 + e.mx_cpi) ** t,
        usd_costs=(1 + e.usd_costs) ** t,
        us_wages=(1 + e.us_wages) ** t,
    )
    fx = case.scenario.fx_mxn_per_usd
    uma = p.uma_mxn_per_day * index.uma
    min_wage = p.min_wage_mxn_per_day * index.min_wage
    weekly_hours = p.weekly_hours_by_year[year]
    k = weekly_hours / REFERENCE_WEEK_HOURS
    worked_hours = p.worked_days_per_year * p.hours_per_worked_day_at_48h * k
    cyv_rates = p.cesantia_vejez_rates_by_year[year]
    ctx = _YearContext(p, index, uma, min_wage, cyv_rates, worked_hours)

    ftes = [_fte(role, k, p.productivity_factor) for role in case.workforce.roles]
    costs = [ctx.employee(role) for role in case.workforce.roles]
    labor_ex_ptu = sum((fte * c.total_ex_ptu for fte, c in zip(ftes, costs, strict=True)), _ZERO)

    facility = _facility(
        case.facility.area_sqft,
        case.facility.rent_usd_per_sqft_month,
        case.facility.nnn_usd_per_sqft_month,
        index.usd_costs,
    )
    u = case.utilities
    utilities_mxn = (
        (u.electricity_kwh_per_month * u.electricity_mxn_per_kwh + u.water_gas_mxn_per_month) * MONTHS * index.mx_cpi
    )
    overhead_usd = case.site_overhead.usd_per_month * MONTHS * index.usd_costs

    # PTU: pool from the approximated taxable income, half equal, half by wage, capped per person
    taxable_base = labor_ex_ptu + (facility.total_usd + overhead_usd) * fx + utilities_mxn
    pool = p.ptu.rate * p.ptu.taxable_income_margin * taxable_base
    eligible = [
        (role, fte, c) for role, fte, c in zip(case.workforce.roles, ftes, costs, strict=True) if role.ptu_eligible
    ]
    heads = sum((fte for _, fte, _ in eligible), _ZERO)
    wage_base = sum((fte * PAYROLL_DAYS * c.sd for _, fte, c in eligible), _ZERO)
    shares = [
        _ptu_share(role, c.sd, pool, heads, wage_base, p.ptu.cap_days)
        for role, c in zip(case.workforce.roles, costs, strict=True)
    ]
    paid = sum((fte * s.paid for fte, s in zip(ftes, shares, strict=True)), _ZERO)
    labor_mxn = labor_ex_ptu + paid

    roles = tuple(
        ctx.role_year(role, fte, c, share, fx)
        for role, fte, c, share in zip(case.workforce.roles, ftes, costs, shares, strict=True)
    )
    direct_fte = sum((fte for role, fte in zip(case.workforce.roles, ftes, strict=True) if role.direct), _ZERO)
    indirect_fte = sum((fte for role, fte in zip(case.workforce.roles, ftes, strict=True) if not role.direct), _ZERO)
    total_fte = sum(ftes, _ZERO)
    hours_total = total_fte * worked_hours
    fee = _shelter_fee(case, index.usd_costs, total_fte, hours_total, labor_mxn / fx)
    logistics = _logistics(case, p, index, fx)
    mexico_blocks = Blocks(
        labor=labor_mxn / fx,
        shelter_fee=fee.fee_usd,
        facility=facility.total_usd,
        utilities=utilities_mxn / fx,
        site_overhead=overhead_usd,
        logistics=logistics.total_usd,
        duties=_ZERO,
    )
    mexico = MexicoYear(
        labor_ex_ptu_mxn=labor_ex_ptu,
        ptu_mxn=paid,
        labor_mxn=labor_mxn,
        facility=facility,
        utilities_mxn=utilities_mxn,
        site_overhead_usd=overhead_usd,
        logistics=logistics,
        shelter_fee=fee,
        blocks_usd=mexico_blocks,
        total_usd=mexico_blocks.total,
    )
    baseline = _baseline(case, p, index)
    savings = baseline.blocks_usd.minus(mexico_blocks)
    savings_usd = baseline.total_usd - mexico.total_usd
    ramp = case.scenario.ramp_realization_by_year.get(year, Decimal(1))
    realized = ramp * savings_usd
    recovery = case.one_time.pipeline_inventory_usd if year == case.scenario.years[-1] else _ZERO
    return YearResult(
        year=year,
        t=t + 1,
        weekly_hours=weekly_hours,
        hours_factor=k,
        worked_days_per_fte=p.worked_days_per_year,
        worked_hours_per_fte=worked_hours,
        uma_mxn_per_day=uma,
        min_wage_mxn_per_day=min_wage,
        sbc_cap_mxn_per_day=p.sbc_cap_uma * uma,
        cesantia_vejez_employer_rates=cyv_rates,
        escalation_index=index,
        roles=roles,
        fte=FteTotals(direct=direct_fte, indirect=indirect_fte, total=total_fte, ptu_eligible=heads),
        ptu=PtuPool(
            taxable_income_base_mxn=taxable_base,
            pool_mxn=pool,
            eligible_wage_base_mxn=wage_base,
            paid_mxn=paid,
            undistributed_mxn=pool - paid,
        ),
        mexico=mexico,
        baseline=baseline,
        savings_by_block_usd=savings,
        savings_usd=savings_usd,
        ramp_realization=ramp,
        realized_savings_usd=realized,
        working_capital_recovery_usd=recovery,
        cash_flow_usd=realized + recovery,
    )


def _fte(role: Role, hours_factor: Decimal, productivity: Decimal) -> Decimal:
    """Direct labor needs more people as the week shortens (pay cannot fall) and fewer as productivity rises."""
    return role.headcount / hours_factor / productivity if role.direct else role.headcount


class _EmployeeExPtu:
    """One employee's costs before PTU, which needs the whole plant first."""

    __slots__ = (
        "art36",
        "band",
        "cyv_rate",
        "imss",
        "isn",
        "isn_base",
        "limit",
        "market",
        "sbc",
        "sd",
        "statutory",
        "total_ex_ptu",
    )

    def __init__(
        self,
        sd: Decimal,
        sbc: Decimal,
        limit: SbcLimit,
        band: int,
        cyv_rate: Decimal,
        art36: bool,
        statutory: tuple[Decimal, Decimal, Decimal, Decimal],
        imss: ImssInfonavit,
        market: MarketBenefitCosts,
        isn_base: Decimal,
        isn: Decimal,
    ) -> None:
        self.sd, self.sbc, self.limit, self.band, self.cyv_rate, self.art36 = sd, sbc, limit, band, cyv_rate, art36
        self.statutory, self.imss, self.market, self.isn_base, self.isn = statutory, imss, market, isn_base, isn
        self.total_ex_ptu = statutory[3] + imss.total + isn + market.total


class _YearContext:
    """The year's escalated figures, shared by every role."""

    def __init__(
        self,
        p: Parameters,
        index: EscalationIndex,
        uma: Decimal,
        min_wage: Decimal,
        cyv_rates: tuple[Decimal, ...],
        worked_hours: Decimal,
    ) -> None:
        self.p, self.index, self.uma, self.min_wage = p, index, uma, min_wage
        self.cyv_rates, self.worked_hours = cyv_rates, worked_hours
        self.cap = p.sbc_cap_uma * uma
        self.threshold = p.em_excedente_threshold_uma * uma

    def band(self, sbc: Decimal) -> int:
        """The cesantía-y-vejez band (§5.2): 0 at the minimum wage, else by SBC in UMA, edges inclusive."""
        if sbc <= self.min_wage + MINIMUM_WAGE_TOLERANCE:
            return 0
        ratio = sbc / self.uma
        for band, edge in enumerate(CESANTIA_VEJEZ_BAND_EDGES_UMA, start=1):
            if ratio <= edge:
                return band
        return len(CESANTIA_VEJEZ_BAND_EDGES_UMA) + 1

    def employee(self, role: Role) -> _EmployeeExPtu:
        p = self.p
        sd = role.daily_wage_mxn * self.index.mx_wages
        integrated = sd * p.integration_factor
        sbc = min(max(integrated, self.min_wage), self.cap)
        if integrated > self.cap:
            limit = SbcLimit.UMA_CAP
        elif integrated < self.min_wage:
            limit = SbcLimit.MIN_WAGE_FLOOR
        else:
            limit = SbcLimit.NONE
        base = PAYROLL_DAYS * sd
        aguinaldo = p.aguinaldo_days * sd
        prima = p.vacation_days * p.prima_vacacional_rate * sd
        gross = base + aguinaldo + prima
        excess = max(_ZERO, sbc - self.threshold)
        band = self.band(sbc)
        cyv_rate = self.cyv_rates[band]
        er, wr = p.imss_employer_rates, p.imss_worker_rates
        year_sbc = sbc * PAYROLL_DAYS
        art36 = sd <= self.min_wage + MINIMUM_WAGE_TOLERANCE
        worker_share = (
            PAYROLL_DAYS
            * (
                wr.em_excedente * excess
                + (wr.em_prestaciones_dinero + wr.em_gastos_medicos_pensionados + wr.invalidez_vida + wr.cesantia_vejez)
                * sbc
            )
            if art36
            else _ZERO
        )
        lines = (
            er.em_cuota_fija * self.uma * PAYROLL_DAYS,
            er.em_excedente * excess * PAYROLL_DAYS,
            er.em_prestaciones_dinero * year_sbc,
            er.em_gastos_medicos_pensionados * year_sbc,
            er.invalidez_vida * year_sbc,
            p.rt_premium_rate * year_sbc,
            er.guarderias_prestaciones_sociales * year_sbc,
            er.retiro * year_sbc,
            cyv_rate * year_sbc,
            p.infonavit_rate * year_sbc,
            worker_share,
        )
        imss = ImssInfonavit(*lines, total=sum(lines, _ZERO))
        mb = role.market_benefits
        cpi = self.index.mx_cpi
        market_lines = (
            mb.attendance_punctuality_bonus_rate * base,
            mb.food_vouchers_uma_fraction * self.uma * PAYROLL_DAYS,
            mb.savings_fund_rate * base,
            mb.transport_mxn_per_worked_day * p.worked_days_per_year * cpi,
            mb.cafeteria_mxn_per_worked_day * p.worked_days_per_year * cpi,
            mb.private_insurance_mxn_per_year * cpi,
            mb.turnover_rate * mb.cost_per_hire_mxn * cpi,
        )
        market = MarketBenefitCosts(*market_lines, total=sum(market_lines, _ZERO))
        isn_base = gross + market.attendance_punctuality_bonus + market.food_vouchers + market.savings_fund
        return _EmployeeExPtu(
            sd,
            sbc,
            limit,
            band,
            cyv_rate,
            art36,
            (base, aguinaldo, prima, gross),
            imss,
            market,
            isn_base,
            p.isn_rate * isn_base,
        )

    def role_year(self, role: Role, fte: Decimal, c: _EmployeeExPtu, ptu: PtuShare, fx: Decimal) -> RoleYear:
        base, aguinaldo, prima, gross = c.statutory
        loaded = c.total_ex_ptu + ptu.paid
        cost = EmployeeCost(
            base_salary=base,
            aguinaldo=aguinaldo,
            prima_vacacional=prima,
            gross_statutory=gross,
            imss_infonavit=c.imss,
            isn_base=c.isn_base,
            isn=c.isn,
            market_benefits=c.market,
            total_ex_ptu=c.total_ex_ptu,
            ptu=ptu,
            loaded_total=loaded,
        )
        return RoleYear(
            role=role,
            fte=fte,
            daily_wage_mxn=c.sd,
            integration_factor=self.p.integration_factor,
            sbc_mxn_per_day=c.sbc,
            sbc_in_uma=c.sbc / self.uma,
            sbc_limit_applied=c.limit,
            cesantia_vejez_band=c.band,
            cesantia_vejez_rate=c.cyv_rate,
            lss_art36_applies=c.art36,
            per_employee_mxn=cost,
            loaded_total_usd=loaded / fx,
            loaded_usd_per_worked_hour=loaded / fx / self.worked_hours,
            loaded_multiplier=loaded / base,
            role_total_mxn=fte * loaded,
            role_total_usd=fte * loaded / fx,
        )


def _ptu_share(
    role: Role, sd: Decimal, pool: Decimal, heads: Decimal, wage_base: Decimal, cap_days: Decimal
) -> PtuShare:
    if not role.ptu_eligible:
        return PtuShare(_ZERO, _ZERO, _ZERO, _ZERO, _ZERO)
    cap = cap_days * sd
    if heads == 0 or wage_base == 0:
        return PtuShare(_ZERO, _ZERO, _ZERO, cap, _ZERO)
    half = pool / 2
    equal = half / heads
    by_wage = half * PAYROLL_DAYS * sd / wage_base
    uncapped = equal + by_wage
    return PtuShare(equal, by_wage, uncapped, cap, min(uncapped, cap))


def _facility(area: Decimal, rent: Decimal, nnn: Decimal, usd_index: Decimal) -> FacilityCost:
    rent_usd = area * (rent * usd_index) * MONTHS
    nnn_usd = area * (nnn * usd_index) * MONTHS
    return FacilityCost(rent_usd, nnn_usd, rent_usd + nnn_usd)


def _shelter_fee(
    case: BusinessCaseInput, usd_index: Decimal, total_fte: Decimal, hours_total: Decimal, labor_usd: Decimal
) -> ShelterFeeCost:
    fee = case.shelter_fee
    if fee.model is FeeModel.PER_HEADCOUNT:
        assert fee.usd_per_head_per_month is not None  # checked by validation
        amount = total_fte * (fee.usd_per_head_per_month * usd_index) * MONTHS
    elif fee.model is FeeModel.PER_HOUR:
        assert fee.usd_per_worked_hour is not None
        amount = hours_total * (fee.usd_per_worked_hour * usd_index)
    else:
        assert fee.markup_rate is not None
        amount = labor_usd * fee.markup_rate
    return ShelterFeeCost(
        model=fee.model,
        fee_usd=amount,
        worked_hours_total=hours_total,
        equivalent_usd_per_head_month=amount / (total_fte * MONTHS),
        equivalent_usd_per_worked_hour=amount / hours_total,
        equivalent_markup_on_loaded_labor=amount / labor_usd,
    )


def _logistics(case: BusinessCaseInput, p: Parameters, index: EscalationIndex, fx: Decimal) -> LogisticsCost:
    lg = case.logistics
    northbound = (
        lg.northbound_loads_per_month
        * (lg.crossing_usd_per_load + lg.us_entry_usd_per_northbound_load)
        * MONTHS
        * index.usd_costs
    )
    southbound = (
        lg.southbound_loads_per_month
        * (lg.crossing_usd_per_load + lg.us_export_filing_usd_per_southbound_load)
        * MONTHS
        * index.usd_costs
    )
    pedimentos = (
        (lg.northbound_pedimentos_per_month + lg.southbound_pedimentos_per_month)
        * (lg.customs_broker_mxn_per_pedimento + p.dta_mxn_per_pedimento)
        * MONTHS
        * index.mx_cpi
        / fx
    )
    return LogisticsCost(northbound, southbound, pedimentos, northbound + southbound + pedimentos)


def _baseline(case: BusinessCaseInput, p: Parameters, index: EscalationIndex) -> BaselineYear:
    us = case.us_baseline
    roles = case.workforce.roles
    direct_heads = sum((r.headcount for r in roles if r.direct), _ZERO)
    indirect_heads = sum((r.headcount for r in roles if not r.direct), _ZERO)
    burden = 1 + us.benefits_burden_rate
    direct = direct_heads * us.direct_wage_usd_per_hour * index.us_wages * p.us_paid_hours_per_year * burden
    indirect = indirect_heads * us.indirect_salary_usd_per_year * index.us_wages * burden
    facility = _facility(us.area_sqft, us.rent_usd_per_sqft_month, us.nnn_usd_per_sqft_month, index.usd_costs)
    utilities = (
        (us.electricity_kwh_per_month * us.electricity_usd_per_kwh + us.water_gas_usd_per_month)
        * MONTHS
        * index.usd_costs
    )
    overhead = us.site_overhead_usd_per_month * MONTHS * index.usd_costs
    blocks = Blocks(
        labor=direct + indirect,
        shelter_fee=_ZERO,
        facility=facility.total_usd,
        utilities=utilities,
        site_overhead=overhead,
        logistics=_ZERO,
        duties=_ZERO,
    )
    return BaselineYear(
        direct_headcount=direct_heads,
        indirect_headcount=indirect_heads,
        direct_labor_usd=direct,
        indirect_labor_usd=indirect,
        facility=facility,
        utilities_usd=utilities,
        site_overhead_usd=overhead,
        blocks_usd=blocks,
        total_usd=blocks.total,
    )


def _one_time(case: BusinessCaseInput) -> OneTimeCost:
    ot = case.one_time
    subtotal = sum((item.amount_usd for item in ot.items), _ZERO)
    contingency = ot.contingency_rate * subtotal
    return OneTimeCost(
        items=ot.items,
        subtotal_usd=subtotal,
        contingency_rate=ot.contingency_rate,
        contingency_usd=contingency,
        pipeline_inventory_usd=ot.pipeline_inventory_usd,
        total_usd=subtotal + contingency + ot.pipeline_inventory_usd,
    )


def _iva(case: BusinessCaseInput, p: Parameters) -> IvaMemo:
    iva = case.iva_financing
    tied_up = p.iva_rate * iva.temporary_imports_usd_per_month * iva.recovery_lag_months
    not_certified = IvaCost(tied_up, tied_up * p.iva_cost_of_capital_rate)
    certified = IvaCost(_ZERO, _ZERO)
    return IvaMemo(
        certified=iva.certified,
        temporary_imports_usd_per_month=iva.temporary_imports_usd_per_month,
        iva_rate=p.iva_rate,
        recovery_lag_months=iva.recovery_lag_months,
        cost_of_capital_rate=p.iva_cost_of_capital_rate,
        if_not_certified=not_certified,
        if_certified=certified,
        scenario=certified if iva.certified else not_certified,
        certification_benefit_usd_per_year=not_certified.annual_cost_usd - certified.annual_cost_usd,
    )


def _warnings(case: BusinessCaseInput, p: Parameters) -> tuple[InputWarning, ...]:
    """Inputs the contract computes as given but a reader should see flagged (§3.4 and §8 allow a warning)."""
    found = []
    for i, role in enumerate(case.workforce.roles):
        path = f"workforce.roles[{i}]"
        if role.daily_wage_mxn < p.min_wage_mxn_per_day:
            found.append(
                InputWarning(
                    f"{path}.daily_wage_mxn",
                    f"{role.daily_wage_mxn} MXN/day is below the minimum wage ({p.min_wage_mxn_per_day}); "
                    "the SBC floor and LSS art. 36 apply",
                    f"{role.daily_wage_mxn} MXN/día está por debajo del salario mínimo ({p.min_wage_mxn_per_day}); "
                    "se aplican el piso del SBC y el art. 36 de la LSS",
                )
            )
        vouchers = role.market_benefits.food_vouchers_uma_fraction
        if vouchers > FOOD_VOUCHER_LIMIT_UMA:
            found.append(
                InputWarning(
                    f"{path}.market_benefits.food_vouchers_uma_fraction",
                    f"{vouchers} UMA/day exceeds the LSS art. 27 limit of {FOOD_VOUCHER_LIMIT_UMA}; the excess would "
                    "be integrated into the SBC, which @1 does not model",
                    f"{vouchers} UMA/día excede el límite de {FOOD_VOUCHER_LIMIT_UMA} del art. 27 de la LSS; el "
                    "excedente se integraría al SBC, lo que @1 no modela",
                )
            )
    return tuple(found)

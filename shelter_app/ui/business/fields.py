"""The business-case inputs the editor shows, grouped like the document, each with its unit and a hint.

A field is addressed by its path in the `shelter-app/business-case@1` document, so an error of the
contract (`$.facility.rent_usd_per_sqft_month: …`) lands on the input that holds it. Statutory fields
are optional: empty means the reference table's value, which the hint quotes with its source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication

from shelter_app.core.wage_zones import STATES

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class FieldSpec:
    path: Path
    label: str
    kind: str  # number | int | percent | bool | choice | text
    unit: str = ""
    hint: str = ""
    optional: bool = False
    """Empty means "the reference value" (statutory) or "same as another field" (escalation)."""
    choices: tuple[tuple[str, str], ...] = ()
    reference: str = ""
    """Which reference default the hint quotes (see page.ReferenceHints)."""

    @property
    def key(self) -> str:
        return path_text(self.path)


def path_text(path: Sequence[str | int]) -> str:
    """`("workforce", "roles", 2, "headcount")` → `workforce.roles[2].headcount` (the contract's JSON path)."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def parse_path(text: str) -> Path:
    """The inverse of `path_text`, accepting a leading `$.`."""
    parts: list[str | int] = []
    for name, index in re.findall(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]", text.removeprefix("$").lstrip(".")):
        parts.append(int(index) if index else name)
    return tuple(parts)


def get_in(document: Any, path: Path) -> Any:
    node = document
    for part in path:
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                return None
            node = node[part]
        else:
            if not isinstance(node, dict) or part not in node:
                return None
            node = node[part]
    return node


def set_in(document: dict[str, Any], path: Path, value: Any) -> None:
    """Set (or, for None, remove) the value at `path`, creating the objects on the way."""
    node: Any = document
    for part in path[:-1]:
        node = node[part] if isinstance(part, int) else node.setdefault(part, {})
    last = path[-1]
    if value is None:
        if isinstance(last, str) and isinstance(node, dict):
            node.pop(last, None)
    else:
        node[last] = value


def parse_number(text: str) -> Decimal:
    """A number as typed: thousands separators and spaces ignored (es_MX and en both write 1,234.5)."""
    cleaned = text.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("%", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():
        raise ValueError(text)
    return value


def _t(text: str) -> str:
    return QCoreApplication.translate("BusinessFields", text)


def sections() -> list[tuple[str, list[FieldSpec]]]:
    """The editor's tabs in the document's order (the roles and one-time tables are drawn apart)."""
    mxn_day, usd_month, pct = _t("MXN/day"), _t("USD/month"), "%"
    state_choices = tuple((name, name) for name in STATES.values())
    return [
        (_t("Scenario and site"), [
            FieldSpec(("scenario", "base_year"), _t("First projected year"), "int", "",
                      _t("Statutory defaults come from this year's reference rows.")),
            FieldSpec(("scenario", "horizon_years"), _t("Horizon"), "int", _t("years"), _t("1 to 30 years.")),
            FieldSpec(("scenario", "fx_mxn_per_usd"), _t("Exchange rate"), "number", _t("MXN per USD"),
                      _t("Planning rate, flat over the horizon. Banxico FIX: 17.95 on 31 Dec 2025; ≈17.35 "
                         "market average in Jan 2026 (cost model R12).")),
            FieldSpec(("scenario", "_fx_source"), _t("Exchange rate source"), "text", "",
                      _t("Printed with the rate in the assumptions, e.g. “Banxico FIX”.")),
            FieldSpec(("scenario", "_fx_as_of"), _t("Exchange rate as of"), "text", "",
                      _t("The date the rate was read, e.g. 2025-12-31.")),
            FieldSpec(("scenario", "discount_rate"), _t("Discount rate"), "percent", pct,
                      _t("The client's cost of capital, for the NPV.")),
            FieldSpec(("location", "state"), _t("State"), "choice", "", _t("Selects the state payroll tax (ISN)."),
                      choices=state_choices),
            FieldSpec(("location", "wage_zone"), _t("Minimum-wage zone"), "choice", "",
                      _t("Northern border zone (ZLFN: Juárez, Tijuana, Reynosa…) or general."),
                      choices=(("general", _t("General")), ("zlfn", _t("Northern border (ZLFN)")))),
            FieldSpec(("location", "city"), _t("City"), "text", "", _t("Shown in the document only.")),
            FieldSpec(("workforce", "seniority_years"), _t("Seniority assumed"), "int", _t("years"),
                      _t("Drives the vacation days (LFT art. 76): 12 days in year 1.")),
            FieldSpec(("workforce", "productivity_factor"), _t("Productivity vs plan"), "number", "×",
                      _t("Mexican output per direct hour relative to plan; direct FTE are divided by it.")),
        ]),
        (_t("Statutory"), [
            FieldSpec(("statutory", "risk_class"), _t("Work-risk class"), "choice", "",
                      _t("A new IMSS registration pays its class's mean premium."),
                      choices=tuple((c, c) for c in ("I", "II", "III", "IV", "V")), reference="risk_class"),
            FieldSpec(("statutory", "isn_rate"), _t("State payroll tax (ISN)"), "percent", pct, optional=True,
                      reference="isn_rate"),
            FieldSpec(("statutory", "min_wage_mxn_per_day"), _t("Minimum wage"), "number", mxn_day, optional=True,
                      reference="min_wage"),
            FieldSpec(("statutory", "uma_mxn_per_day"), _t("UMA"), "number", mxn_day, optional=True,
                      reference="uma"),
            FieldSpec(("statutory", "aguinaldo_days"), _t("Aguinaldo"), "number", _t("days"), optional=True,
                      reference="aguinaldo_days"),
            FieldSpec(("statutory", "vacation_days"), _t("Vacation"), "number", _t("days"), optional=True,
                      reference="vacation_days"),
            FieldSpec(("statutory", "prima_vacacional_rate"), _t("Vacation premium"), "percent", pct, optional=True,
                      reference="prima_vacacional_rate"),
            FieldSpec(("statutory", "infonavit_rate"), _t("INFONAVIT"), "percent", pct, optional=True,
                      reference="infonavit_rate"),
            FieldSpec(("ptu", "rate"), _t("Profit sharing (PTU)"), "percent", pct, optional=True,
                      reference="ptu_rate"),
            FieldSpec(("ptu", "taxable_income_margin"), _t("PTU taxable-income margin"), "percent", pct,
                      optional=True, reference="ptu_taxable_income_margin"),
        ]),
        (_t("Facility and logistics"), [
            FieldSpec(("facility", "area_sqft"), _t("Leased area"), "number", _t("sq ft"),
                      _t("About 430 sq ft per person in the worked example (60,000 sq ft for 140).")),
            FieldSpec(("facility", "rent_usd_per_sqft_month"), _t("Rent"), "number", _t("USD/sq ft/month"),
                      _t("Asking rents 2025: Tijuana 0.80, Juárez ≈0.65–0.74, Monterrey 0.64, Saltillo 0.57, "
                         "Querétaro 0.56, San Luis Potosí 0.52 (cost model R9).")),
            FieldSpec(("facility", "nnn_usd_per_sqft_month"), _t("NNN / CAM"), "number", _t("USD/sq ft/month"),
                      _t("Taxes, insurance, maintenance, park fees; market figures not found (to verify).")),
            FieldSpec(("utilities", "electricity_kwh_per_month"), _t("Electricity use"), "number", _t("kWh/month")),
            FieldSpec(("utilities", "electricity_mxn_per_kwh"), _t("Electricity tariff"), "number", _t("MXN/kWh"),
                      _t("All-in industrial tariff.")),
            FieldSpec(("utilities", "water_gas_mxn_per_month"), _t("Water and gas"), "number", _t("MXN/month")),
            FieldSpec(("site_overhead", "usd_per_month"), _t("Site services"), "number", usd_month,
                      _t("Security, janitorial, IT/telecom, medical, MRO, office.")),
            FieldSpec(("logistics", "northbound_loads_per_month"), _t("Loads to the US"), "number",
                      _t("loads/month")),
            FieldSpec(("logistics", "southbound_loads_per_month"), _t("Loads to Mexico"), "number",
                      _t("loads/month")),
            FieldSpec(("logistics", "crossing_usd_per_load"), _t("Crossing / drayage"), "number", _t("USD/load")),
            FieldSpec(("logistics", "us_entry_usd_per_northbound_load"), _t("US customs entry"), "number",
                      _t("USD/load")),
            FieldSpec(("logistics", "us_export_filing_usd_per_southbound_load"), _t("US export filing"), "number",
                      _t("USD/load")),
            FieldSpec(("logistics", "northbound_pedimentos_per_month"), _t("Export pedimentos"), "number",
                      _t("per month"), _t("Consolidated pedimentos cut this count.")),
            FieldSpec(("logistics", "southbound_pedimentos_per_month"), _t("Import pedimentos"), "number",
                      _t("per month")),
            FieldSpec(("logistics", "customs_broker_mxn_per_pedimento"), _t("Mexican broker fee"), "number",
                      _t("MXN/pedimento"), _t("Typically MXN 4,000–8,000 per operation (cost model R11).")),
            FieldSpec(("logistics", "dta_mxn_per_pedimento"), _t("DTA customs fee"), "number", _t("MXN/pedimento"),
                      optional=True, reference="dta_mxn_per_pedimento"),
        ]),
        (_t("Shelter fee and start-up"), [
            FieldSpec(("shelter_fee", "model"), _t("Fee model"), "choice", "",
                      _t("Shown with its equivalents in the other two units."),
                      choices=(("per_headcount", _t("Per head per month")), ("per_hour", _t("Per worked hour")),
                               ("markup", _t("Markup on loaded labor")))),
            FieldSpec(("shelter_fee", "usd_per_head_per_month"), _t("Price per head"), "number",
                      _t("USD/head/month"), _t("No public price list; the worked example assumes 165 (to verify). "
                                               "0 for an own entity.")),
            FieldSpec(("shelter_fee", "usd_per_worked_hour"), _t("Price per worked hour"), "number", _t("USD/h")),
            FieldSpec(("shelter_fee", "markup_rate"), _t("Markup"), "percent", pct),
            FieldSpec(("one_time", "contingency_rate"), _t("Contingency"), "percent", pct,
                      _t("On the start-up items' subtotal.")),
            FieldSpec(("one_time", "pipeline_inventory_usd"), _t("Pipeline inventory"), "number", "USD",
                      _t("Working capital at the start, recovered in the last year.")),
        ]),
        (_t("Current US plant"), [
            FieldSpec(("us_baseline", "direct_wage_usd_per_hour"), _t("Direct wage"), "number", _t("USD/h"),
                      _t("Production workers' hourly wage; BLS goods-producing average $31.70 (Feb 2025).")),
            FieldSpec(("us_baseline", "paid_hours_per_year"), _t("Paid hours"), "number", _t("h/year"),
                      optional=True, reference="us_paid_hours_per_year"),
            FieldSpec(("us_baseline", "indirect_salary_usd_per_year"), _t("Indirect salary"), "number",
                      _t("USD/year")),
            FieldSpec(("us_baseline", "benefits_burden_rate"), _t("Benefits burden"), "percent", pct,
                      _t("BLS ECEC June 2025: (13.58 − 3.44) / 32.07 = 31.6 % (paid leave is in the paid hours).")),
            FieldSpec(("us_baseline", "area_sqft"), _t("Area"), "number", _t("sq ft")),
            FieldSpec(("us_baseline", "rent_usd_per_sqft_month"), _t("Rent"), "number", _t("USD/sq ft/month")),
            FieldSpec(("us_baseline", "nnn_usd_per_sqft_month"), _t("NNN / CAM"), "number", _t("USD/sq ft/month")),
            FieldSpec(("us_baseline", "electricity_kwh_per_month"), _t("Electricity use"), "number",
                      _t("kWh/month")),
            FieldSpec(("us_baseline", "electricity_usd_per_kwh"), _t("Electricity tariff"), "number",
                      _t("USD/kWh")),
            FieldSpec(("us_baseline", "water_gas_usd_per_month"), _t("Water and gas"), "number", usd_month),
            FieldSpec(("us_baseline", "site_overhead_usd_per_month"), _t("Site services"), "number", usd_month),
        ]),
        (_t("Escalation and IVA"), [
            FieldSpec(("escalation", "mx_wages"), _t("Mexican wages"), "percent", _t("%/year"),
                      _t("Minimum wages rose 20 %, 12 % and 13 % (5 % at the border) in 2024–2026.")),
            FieldSpec(("escalation", "min_wage"), _t("Minimum wage"), "percent", _t("%/year"), optional=True,
                      hint=_t("Empty: as the Mexican wages.")),
            FieldSpec(("escalation", "mx_cpi"), _t("Mexican inflation"), "percent", _t("%/year"),
                      _t("INPC December 2025: 3.69 % year on year.")),
            FieldSpec(("escalation", "uma"), _t("UMA"), "percent", _t("%/year"), optional=True,
                      hint=_t("Empty: as the Mexican inflation (the UMA follows the INPC by law).")),
            FieldSpec(("escalation", "usd_costs"), _t("USD costs"), "percent", _t("%/year")),
            FieldSpec(("escalation", "us_wages"), _t("US wages"), "percent", _t("%/year"),
                      _t("ECI manufacturing benefits +3.5 % (Mar 2026).")),
            FieldSpec(("iva_financing", "certified"), _t("IVA/IEPS certification held"), "bool", "",
                      _t("From the journey: the provider's certification, or your own once granted.")),
            FieldSpec(("iva_financing", "temporary_imports_usd_per_month"), _t("Temporary imports"), "number",
                      usd_month, _t("Customs value; from the journey's company profile.")),
            FieldSpec(("iva_financing", "recovery_lag_months"), _t("IVA recovery lag"), "number", _t("months"),
                      _t("Months until IVA paid without the certification comes back.")),
            FieldSpec(("iva_financing", "cost_of_capital_rate"), _t("Cost of the cash tied up"), "percent", pct,
                      optional=True, hint=_t("Empty: the discount rate.")),
        ]),
    ]


def role_columns() -> list[tuple[str, str, str]]:
    """(key, header, kind) of the roles table."""
    return [
        ("name", _t("Role"), "text"),
        ("headcount", _t("Headcount"), "number"),
        ("daily_wage_mxn", _t("Daily wage (MXN)"), "number"),
        ("direct", _t("Direct"), "bool"),
        ("ptu_eligible", _t("PTU"), "bool"),
    ]


def benefit_fields() -> list[FieldSpec]:
    """The selected role's market benefits (outside the SBC in @1)."""
    base: Path = ("market_benefits",)
    return [
        FieldSpec((*base, "attendance_punctuality_bonus_rate"), _t("Attendance and punctuality bonus"), "percent",
                  _t("% of wage"), _t("Exempt up to 10 % of the SBC each (LSS art. 27; not enforced).")),
        FieldSpec((*base, "food_vouchers_uma_fraction"), _t("Food vouchers"), "number", _t("UMA/day"),
                  _t("Exempt up to 0.40 UMA a day (LSS art. 27; not enforced).")),
        FieldSpec((*base, "savings_fund_rate"), _t("Savings fund"), "percent", _t("% of wage")),
        FieldSpec((*base, "transport_mxn_per_worked_day"), _t("Transport"), "number", _t("MXN/worked day")),
        FieldSpec((*base, "cafeteria_mxn_per_worked_day"), _t("Cafeteria"), "number", _t("MXN/worked day")),
        FieldSpec((*base, "private_insurance_mxn_per_year"), _t("Private insurance"), "number", _t("MXN/year")),
        FieldSpec((*base, "turnover_rate"), _t("Turnover"), "percent", _t("%/year")),
        FieldSpec((*base, "cost_per_hire_mxn"), _t("Cost per hire"), "number", _t("MXN")),
    ]

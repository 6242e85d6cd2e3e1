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


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


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


def sections() -> list[tuple[str, list[FieldSpec]]]:
    """The editor's tabs in the document's order (the roles and one-time tables are drawn apart)."""
    mxn_day, usd_month, pct = translate("BusinessFields", "MXN/day"), translate("BusinessFields", "USD/month"), "%"
    state_choices = tuple((name, name) for name in STATES.values())
    return [
        (
            translate("BusinessFields", "Scenario and site"),
            [
                FieldSpec(
                    ("scenario", "base_year"),
                    translate("BusinessFields", "First projected year"),
                    "int",
                    "",
                    translate("BusinessFields", "Statutory defaults come from this year's reference rows."),
                ),
                FieldSpec(
                    ("scenario", "horizon_years"),
                    translate("BusinessFields", "Horizon"),
                    "int",
                    translate("BusinessFields", "years"),
                    translate("BusinessFields", "1 to 30 years."),
                ),
                FieldSpec(
                    ("scenario", "fx_mxn_per_usd"),
                    translate("BusinessFields", "Exchange rate"),
                    "number",
                    translate("BusinessFields", "MXN per USD"),
                    translate(
                        "BusinessFields",
                        "Planning rate, flat over the horizon. Banxico FIX: 17.95 on 31 Dec 2025; ≈17.35 "
                        "market average in Jan 2026 (cost model R12).",
                    ),
                ),
                FieldSpec(
                    ("scenario", "_fx_source"),
                    translate("BusinessFields", "Exchange rate source"),
                    "text",
                    "",
                    translate("BusinessFields", "Printed with the rate in the assumptions, e.g. “Banxico FIX”."),
                ),
                FieldSpec(
                    ("scenario", "_fx_as_of"),
                    translate("BusinessFields", "Exchange rate as of"),
                    "text",
                    "",
                    translate("BusinessFields", "The date the rate was read, e.g. 2025-12-31."),
                ),
                FieldSpec(
                    ("scenario", "discount_rate"),
                    translate("BusinessFields", "Discount rate"),
                    "percent",
                    pct,
                    translate("BusinessFields", "The client's cost of capital, for the NPV."),
                ),
                FieldSpec(
                    ("location", "state"),
                    translate("BusinessFields", "State"),
                    "choice",
                    "",
                    translate("BusinessFields", "Selects the state payroll tax (ISN)."),
                    choices=state_choices,
                ),
                FieldSpec(
                    ("location", "wage_zone"),
                    translate("BusinessFields", "Minimum-wage zone"),
                    "choice",
                    "",
                    translate("BusinessFields", "Northern border zone (ZLFN: Juárez, Tijuana, Reynosa…) or general."),
                    choices=(
                        ("general", translate("BusinessFields", "General")),
                        ("zlfn", translate("BusinessFields", "Northern border (ZLFN)")),
                    ),
                ),
                FieldSpec(
                    ("location", "city"),
                    translate("BusinessFields", "City"),
                    "text",
                    "",
                    translate("BusinessFields", "Shown in the document only."),
                ),
                FieldSpec(
                    ("_site", "vacancy_rate"),
                    translate("BusinessFields", "Industrial vacancy"),
                    "percent",
                    "%",
                    translate("BusinessFields", "Share of the market's industrial space available (cost model R9); "
                                                "for the site comparison."),
                    optional=True,
                ),
                FieldSpec(
                    ("_site", "distance_to_crossing_km"),
                    translate("BusinessFields", "Distance to the crossing"),
                    "number",
                    "km",
                    translate("BusinessFields", "By road to the border crossing or the customer."),
                    optional=True,
                ),
                FieldSpec(
                    ("_site", "talent_pool"),
                    translate("BusinessFields", "Talent pool"),
                    "text",
                    "",
                    translate("BusinessFields", "A line on the labor market, e.g. “mature electronics cluster, "
                                                "high turnover”."),
                    optional=True,
                ),
                FieldSpec(
                    ("workforce", "seniority_years"),
                    translate("BusinessFields", "Seniority assumed"),
                    "int",
                    translate("BusinessFields", "years"),
                    translate("BusinessFields", "Drives the vacation days (LFT art. 76): 12 days in year 1."),
                ),
                FieldSpec(
                    ("workforce", "productivity_factor"),
                    translate("BusinessFields", "Productivity vs plan"),
                    "number",
                    "×",
                    translate(
                        "BusinessFields",
                        "Mexican output per direct hour relative to plan; direct FTE are divided by it.",
                    ),
                ),
            ],
        ),
        (
            translate("BusinessFields", "Statutory"),
            [
                FieldSpec(
                    ("statutory", "risk_class"),
                    translate("BusinessFields", "Work-risk class"),
                    "choice",
                    "",
                    translate("BusinessFields", "A new IMSS registration pays its class's mean premium."),
                    choices=tuple((c, c) for c in ("I", "II", "III", "IV", "V")),
                    reference="risk_class",
                ),
                FieldSpec(
                    ("statutory", "isn_rate"),
                    translate("BusinessFields", "State payroll tax (ISN)"),
                    "percent",
                    pct,
                    optional=True,
                    reference="isn_rate",
                ),
                FieldSpec(
                    ("statutory", "min_wage_mxn_per_day"),
                    translate("BusinessFields", "Minimum wage"),
                    "number",
                    mxn_day,
                    optional=True,
                    reference="min_wage",
                ),
                FieldSpec(
                    ("statutory", "uma_mxn_per_day"),
                    translate("BusinessFields", "UMA"),
                    "number",
                    mxn_day,
                    optional=True,
                    reference="uma",
                ),
                FieldSpec(
                    ("statutory", "aguinaldo_days"),
                    translate("BusinessFields", "Aguinaldo"),
                    "number",
                    translate("BusinessFields", "days"),
                    optional=True,
                    reference="aguinaldo_days",
                ),
                FieldSpec(
                    ("statutory", "vacation_days"),
                    translate("BusinessFields", "Vacation"),
                    "number",
                    translate("BusinessFields", "days"),
                    optional=True,
                    reference="vacation_days",
                ),
                FieldSpec(
                    ("statutory", "prima_vacacional_rate"),
                    translate("BusinessFields", "Vacation premium"),
                    "percent",
                    pct,
                    optional=True,
                    reference="prima_vacacional_rate",
                ),
                FieldSpec(
                    ("statutory", "infonavit_rate"),
                    translate("BusinessFields", "INFONAVIT"),
                    "percent",
                    pct,
                    optional=True,
                    reference="infonavit_rate",
                ),
                FieldSpec(
                    ("ptu", "rate"),
                    translate("BusinessFields", "Profit sharing (PTU)"),
                    "percent",
                    pct,
                    optional=True,
                    reference="ptu_rate",
                ),
                FieldSpec(
                    ("ptu", "taxable_income_margin"),
                    translate("BusinessFields", "PTU taxable-income margin"),
                    "percent",
                    pct,
                    optional=True,
                    reference="ptu_taxable_income_margin",
                ),
            ],
        ),
        (
            translate("BusinessFields", "Facility and logistics"),
            [
                FieldSpec(
                    ("facility", "area_sqft"),
                    translate("BusinessFields", "Leased area"),
                    "number",
                    translate("BusinessFields", "sq ft"),
                    translate(
                        "BusinessFields", "About 430 sq ft per person in the worked example (60,000 sq ft for 140)."
                    ),
                ),
                FieldSpec(
                    ("facility", "rent_usd_per_sqft_month"),
                    translate("BusinessFields", "Rent"),
                    "number",
                    translate("BusinessFields", "USD/sq ft/month"),
                    translate(
                        "BusinessFields",
                        "Asking rents 2025: Tijuana 0.80, Juárez ≈0.65–0.74, Monterrey 0.64, Saltillo 0.57, "
                        "Querétaro 0.56, San Luis Potosí 0.52 (cost model R9).",
                    ),
                ),
                FieldSpec(
                    ("facility", "nnn_usd_per_sqft_month"),
                    translate("BusinessFields", "NNN / CAM"),
                    "number",
                    translate("BusinessFields", "USD/sq ft/month"),
                    translate(
                        "BusinessFields",
                        "Taxes, insurance, maintenance, park fees; market figures not found (to verify).",
                    ),
                ),
                FieldSpec(
                    ("utilities", "electricity_kwh_per_month"),
                    translate("BusinessFields", "Electricity use"),
                    "number",
                    translate("BusinessFields", "kWh/month"),
                ),
                FieldSpec(
                    ("utilities", "electricity_mxn_per_kwh"),
                    translate("BusinessFields", "Electricity tariff"),
                    "number",
                    translate("BusinessFields", "MXN/kWh"),
                    translate("BusinessFields", "All-in industrial tariff."),
                ),
                FieldSpec(
                    ("utilities", "water_gas_mxn_per_month"),
                    translate("BusinessFields", "Water and gas"),
                    "number",
                    translate("BusinessFields", "MXN/month"),
                ),
                FieldSpec(
                    ("site_overhead", "usd_per_month"),
                    translate("BusinessFields", "Site services"),
                    "number",
                    usd_month,
                    translate("BusinessFields", "Security, janitorial, IT/telecom, medical, MRO, office."),
                ),
                FieldSpec(
                    ("logistics", "northbound_loads_per_month"),
                    translate("BusinessFields", "Loads to the US"),
                    "number",
                    translate("BusinessFields", "loads/month"),
                ),
                FieldSpec(
                    ("logistics", "southbound_loads_per_month"),
                    translate("BusinessFields", "Loads to Mexico"),
                    "number",
                    translate("BusinessFields", "loads/month"),
                ),
                FieldSpec(
                    ("logistics", "crossing_usd_per_load"),
                    translate("BusinessFields", "Crossing / drayage"),
                    "number",
                    translate("BusinessFields", "USD/load"),
                ),
                FieldSpec(
                    ("logistics", "us_entry_usd_per_northbound_load"),
                    translate("BusinessFields", "US customs entry"),
                    "number",
                    translate("BusinessFields", "USD/load"),
                ),
                FieldSpec(
                    ("logistics", "us_export_filing_usd_per_southbound_load"),
                    translate("BusinessFields", "US export filing"),
                    "number",
                    translate("BusinessFields", "USD/load"),
                ),
                FieldSpec(
                    ("logistics", "northbound_pedimentos_per_month"),
                    translate("BusinessFields", "Export pedimentos"),
                    "number",
                    translate("BusinessFields", "per month"),
                    translate("BusinessFields", "Consolidated pedimentos cut this count."),
                ),
                FieldSpec(
                    ("logistics", "southbound_pedimentos_per_month"),
                    translate("BusinessFields", "Import pedimentos"),
                    "number",
                    translate("BusinessFields", "per month"),
                ),
                FieldSpec(
                    ("logistics", "customs_broker_mxn_per_pedimento"),
                    translate("BusinessFields", "Mexican broker fee"),
                    "number",
                    translate("BusinessFields", "MXN/pedimento"),
                    translate("BusinessFields", "Typically MXN 4,000–8,000 per operation (cost model R11)."),
                ),
                FieldSpec(
                    ("logistics", "dta_mxn_per_pedimento"),
                    translate("BusinessFields", "DTA customs fee"),
                    "number",
                    translate("BusinessFields", "MXN/pedimento"),
                    optional=True,
                    reference="dta_mxn_per_pedimento",
                ),
            ],
        ),
        (
            translate("BusinessFields", "Shelter fee and start-up"),
            [
                FieldSpec(
                    ("shelter_fee", "model"),
                    translate("BusinessFields", "Fee model"),
                    "choice",
                    "",
                    translate("BusinessFields", "Shown with its equivalents in the other two units."),
                    choices=(
                        ("per_headcount", translate("BusinessFields", "Per head per month")),
                        ("per_hour", translate("BusinessFields", "Per worked hour")),
                        ("markup", translate("BusinessFields", "Markup on loaded labor")),
                    ),
                ),
                FieldSpec(
                    ("shelter_fee", "usd_per_head_per_month"),
                    translate("BusinessFields", "Price per head"),
                    "number",
                    translate("BusinessFields", "USD/head/month"),
                    translate(
                        "BusinessFields",
                        "No public price list; the worked example assumes 165 (to verify). 0 for an own entity.",
                    ),
                ),
                FieldSpec(
                    ("shelter_fee", "usd_per_worked_hour"),
                    translate("BusinessFields", "Price per worked hour"),
                    "number",
                    translate("BusinessFields", "USD/h"),
                ),
                FieldSpec(("shelter_fee", "markup_rate"), translate("BusinessFields", "Markup"), "percent", pct),
                FieldSpec(
                    ("one_time", "contingency_rate"),
                    translate("BusinessFields", "Contingency"),
                    "percent",
                    pct,
                    translate("BusinessFields", "On the start-up items' subtotal."),
                ),
                FieldSpec(
                    ("one_time", "pipeline_inventory_usd"),
                    translate("BusinessFields", "Pipeline inventory"),
                    "number",
                    "USD",
                    translate("BusinessFields", "Working capital at the start, recovered in the last year."),
                ),
            ],
        ),
        (
            translate("BusinessFields", "Current location"),
            [
                FieldSpec(
                    ("us_baseline", "direct_wage_usd_per_hour"),
                    translate("BusinessFields", "Direct wage"),
                    "number",
                    translate("BusinessFields", "USD/h"),
                    translate(
                        "BusinessFields",
                        "Production workers' hourly wage; BLS goods-producing average USD 31.70 (Feb 2025).",
                    ),
                ),
                FieldSpec(
                    ("us_baseline", "paid_hours_per_year"),
                    translate("BusinessFields", "Paid hours"),
                    "number",
                    translate("BusinessFields", "h/year"),
                    optional=True,
                    reference="us_paid_hours_per_year",
                ),
                FieldSpec(
                    ("us_baseline", "indirect_salary_usd_per_year"),
                    translate("BusinessFields", "Indirect salary"),
                    "number",
                    translate("BusinessFields", "USD/year"),
                ),
                FieldSpec(
                    ("us_baseline", "benefits_burden_rate"),
                    translate("BusinessFields", "Benefits burden"),
                    "percent",
                    pct,
                    translate(
                        "BusinessFields",
                        "BLS ECEC June 2025: (13.58 − 3.44) / 32.07 = 31.6 % (paid leave is in the paid hours).",
                    ),
                ),
                FieldSpec(
                    ("us_baseline", "area_sqft"),
                    translate("BusinessFields", "Area"),
                    "number",
                    translate("BusinessFields", "sq ft"),
                ),
                FieldSpec(
                    ("us_baseline", "rent_usd_per_sqft_month"),
                    translate("BusinessFields", "Rent"),
                    "number",
                    translate("BusinessFields", "USD/sq ft/month"),
                ),
                FieldSpec(
                    ("us_baseline", "nnn_usd_per_sqft_month"),
                    translate("BusinessFields", "NNN / CAM"),
                    "number",
                    translate("BusinessFields", "USD/sq ft/month"),
                ),
                FieldSpec(
                    ("us_baseline", "electricity_kwh_per_month"),
                    translate("BusinessFields", "Electricity use"),
                    "number",
                    translate("BusinessFields", "kWh/month"),
                ),
                FieldSpec(
                    ("us_baseline", "electricity_usd_per_kwh"),
                    translate("BusinessFields", "Electricity tariff"),
                    "number",
                    translate("BusinessFields", "USD/kWh"),
                ),
                FieldSpec(
                    ("us_baseline", "water_gas_usd_per_month"),
                    translate("BusinessFields", "Water and gas"),
                    "number",
                    usd_month,
                ),
                FieldSpec(
                    ("us_baseline", "site_overhead_usd_per_month"),
                    translate("BusinessFields", "Site services"),
                    "number",
                    usd_month,
                ),
            ],
        ),
        (
            translate("BusinessFields", "Escalation and IVA"),
            [
                FieldSpec(
                    ("escalation", "mx_wages"),
                    translate("BusinessFields", "Mexican wages"),
                    "percent",
                    translate("BusinessFields", "%/year"),
                    translate(
                        "BusinessFields",
                        "Minimum wages rose 20 % in 2024, 12 % in 2025 and 13 % in 2026 (5 % at the border in 2026).",
                    ),
                ),
                FieldSpec(
                    ("escalation", "min_wage"),
                    translate("BusinessFields", "Minimum wage"),
                    "percent",
                    translate("BusinessFields", "%/year"),
                    optional=True,
                    hint=translate("BusinessFields", "Empty: as the Mexican wages."),
                ),
                FieldSpec(
                    ("escalation", "mx_cpi"),
                    translate("BusinessFields", "Mexican inflation"),
                    "percent",
                    translate("BusinessFields", "%/year"),
                    translate("BusinessFields", "INPC December 2025: 3.69 % year on year."),
                ),
                FieldSpec(
                    ("escalation", "uma"),
                    translate("BusinessFields", "UMA"),
                    "percent",
                    translate("BusinessFields", "%/year"),
                    optional=True,
                    hint=translate(
                        "BusinessFields", "Empty: as the Mexican inflation (the UMA follows the INPC by law)."
                    ),
                ),
                FieldSpec(
                    ("escalation", "usd_costs"),
                    translate("BusinessFields", "USD costs"),
                    "percent",
                    translate("BusinessFields", "%/year"),
                ),
                FieldSpec(
                    ("escalation", "us_wages"),
                    translate("BusinessFields", "US wages"),
                    "percent",
                    translate("BusinessFields", "%/year"),
                    translate(
                        "BusinessFields",
                        "Wages and salaries; the ECI for manufacturing benefits rose 3.5 % (Mar 2026).",
                    ),
                ),
                FieldSpec(
                    ("iva_financing", "certified"),
                    translate("BusinessFields", "IVA/IEPS certification held"),
                    "bool",
                    "",
                    translate(
                        "BusinessFields",
                        "From the project: the shelter provider's certification, or the client's own once granted.",
                    ),
                ),
                FieldSpec(
                    ("iva_financing", "temporary_imports_usd_per_month"),
                    translate("BusinessFields", "Temporary imports"),
                    "number",
                    usd_month,
                    translate("BusinessFields", "Customs value; from the journey's company profile."),
                ),
                FieldSpec(
                    ("iva_financing", "recovery_lag_months"),
                    translate("BusinessFields", "IVA recovery lag"),
                    "number",
                    translate("BusinessFields", "months"),
                    translate("BusinessFields", "Months until IVA paid without the certification comes back."),
                ),
                FieldSpec(
                    ("iva_financing", "cost_of_capital_rate"),
                    translate("BusinessFields", "Cost of the cash tied up"),
                    "percent",
                    pct,
                    optional=True,
                    hint=translate("BusinessFields", "Empty: the discount rate."),
                ),
            ],
        ),
    ]


def role_columns() -> list[tuple[str, str, str]]:
    """(key, header, kind) of the roles table."""
    return [
        ("name", translate("BusinessFields", "Role"), "text"),
        ("headcount", translate("BusinessFields", "Headcount"), "number"),
        ("daily_wage_mxn", translate("BusinessFields", "Daily wage (MXN)"), "number"),
        ("direct", translate("BusinessFields", "Direct"), "bool"),
        ("ptu_eligible", translate("BusinessFields", "PTU"), "bool"),
    ]


def benefit_fields() -> list[FieldSpec]:
    """The selected role's market benefits (outside the SBC in @1)."""
    base: Path = ("market_benefits",)
    return [
        FieldSpec(
            (*base, "attendance_punctuality_bonus_rate"),
            translate("BusinessFields", "Attendance and punctuality bonus"),
            "percent",
            translate("BusinessFields", "% of wage"),
            translate("BusinessFields", "Exempt up to 10 % of the SBC each (LSS art. 27; not enforced)."),
        ),
        FieldSpec(
            (*base, "food_vouchers_uma_fraction"),
            translate("BusinessFields", "Food vouchers"),
            "number",
            translate("BusinessFields", "UMA/day"),
            translate("BusinessFields", "Exempt up to 0.40 UMA a day (LSS art. 27; not enforced)."),
        ),
        FieldSpec(
            (*base, "savings_fund_rate"),
            translate("BusinessFields", "Savings fund"),
            "percent",
            translate("BusinessFields", "% of wage"),
        ),
        FieldSpec(
            (*base, "transport_mxn_per_worked_day"),
            translate("BusinessFields", "Transport"),
            "number",
            translate("BusinessFields", "MXN/worked day"),
        ),
        FieldSpec(
            (*base, "cafeteria_mxn_per_worked_day"),
            translate("BusinessFields", "Cafeteria"),
            "number",
            translate("BusinessFields", "MXN/worked day"),
        ),
        FieldSpec(
            (*base, "private_insurance_mxn_per_year"),
            translate("BusinessFields", "Private insurance"),
            "number",
            translate("BusinessFields", "MXN/year"),
        ),
        FieldSpec(
            (*base, "turnover_rate"),
            translate("BusinessFields", "Turnover"),
            "percent",
            translate("BusinessFields", "%/year"),
        ),
        FieldSpec(
            (*base, "cost_per_hire_mxn"),
            translate("BusinessFields", "Cost per hire"),
            "number",
            translate("BusinessFields", "MXN"),
        ),
    ]


def china_fields() -> list[FieldSpec]:
    """The optional China-supplier baseline (`_china_baseline`): the landed cost the Mexican plant replaces."""
    base: Path = ("_china_baseline",)
    year = translate("BusinessFields", "USD/year")
    return [
        FieldSpec((*base, "annual_fob_usd"), translate("BusinessFields", "Purchases from the supplier (FOB)"),
                  "number", year, translate("BusinessFields", "What the same goods cost a year at the Chinese port.")),
        FieldSpec((*base, "annual_mexico_materials_usd"), translate("BusinessFields", "Materials bought in Mexico"),
                  "number", year, translate("BusinessFields", "The materials the Mexican plant needs for the same "
                                                              "goods (the supplier's price includes them).")),
        FieldSpec((*base, "mfn_rate"), translate("BusinessFields", "MFN duty"), "percent", "%",
                  translate("BusinessFields", "The general US duty of the goods' tariff line.")),
        FieldSpec((*base, "section_301_rate"), translate("BusinessFields", "Section 301 tariff"), "percent", "%",
                  translate("BusinessFields", "Lists 1–3: 25 %; list 4A: 7.5 %; up to 100 % for some goods "
                                              "(cost model R11).")),
        FieldSpec((*base, "section_122_rate"), translate("BusinessFields", "Section 122 surcharge"), "percent", "%",
                  translate("BusinessFields", "10 % from 24 Feb 2026 for 150 days; a raise to 15 % was announced "
                                              "(to verify).")),
        FieldSpec((*base, "section_122_ends_on"), translate("BusinessFields", "Section 122 ends on"), "text", "",
                  translate("BusinessFields", "The first day it no longer applies, e.g. 2026-07-24.")),
        FieldSpec((*base, "freight_insurance_rate"), translate("BusinessFields", "Ocean freight and insurance"),
                  "percent", translate("BusinessFields", "% of FOB")),
        FieldSpec((*base, "annual_broker_drayage_usd"), translate("BusinessFields", "US broker and drayage"),
                  "number", year),
        FieldSpec((*base, "pipeline_weeks"), translate("BusinessFields", "Longer pipeline"), "number",
                  translate("BusinessFields", "weeks"),
                  translate("BusinessFields", "Extra weeks of inventory at sea and in transit.")),
        FieldSpec((*base, "carrying_rate"), translate("BusinessFields", "Inventory carrying cost"), "percent",
                  translate("BusinessFields", "%/year")),
    ]

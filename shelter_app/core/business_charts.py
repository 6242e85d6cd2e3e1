"""The business case's charts as plain data: series, labels and units, built once from the results.

The PDF draws them with reportlab (`reports.business_charts`); a screen can draw the same data with
QPainter. Amounts stay `Decimal` here; a renderer turns them into coordinates.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final

from shelter_app.core.bilingual import Text
from shelter_app.core.business_case.china import ChinaComparison
from shelter_app.core.business_case.result import BusinessCaseResult, YearResult
from shelter_app.core.business_case.sensitivity import Driver, Sensitivity
from shelter_app.core.business_report import ReportScenario, ScheduleItem

BLOCK_LABELS: Final[dict[str, Text]] = {
    "labor": Text("Labor (fully loaded)", "Mano de obra (costo integral)"),
    "shelter_fee": Text("Shelter fee", "Tarifa del albergue"),
    "facility": Text("Facility rent + NNN", "Renta de nave + NNN"),
    "utilities": Text("Utilities", "Servicios (energía, agua, gas)"),
    "site_overhead": Text("Site overhead", "Gastos generales del sitio"),
    "logistics": Text("Logistics and customs", "Logística y aduanas"),
    "duties": Text("Duties", "Aranceles"),
}

DRIVER_LABELS: Final[dict[Driver, Text]] = {
    Driver.FX: Text("Exchange rate ±10 %", "Tipo de cambio ±10 %"),
    Driver.MX_WAGE_ESCALATION: Text("Mexican wage escalation ±2 pp/yr", "Incremento salarial en México ±2 pp/año"),
    Driver.PRODUCTIVITY: Text("Productivity ±15 %", "Productividad ±15 %"),
    Driver.MX_RENT: Text("Mexican rent ±20 %", "Renta en México ±20 %"),
    Driver.SHELTER_FEE: Text("Shelter fee ±20 %", "Tarifa del albergue ±20 %"),
    Driver.HOURS_REFORM: Text(
        "40-hour reform: as scheduled vs held at 48 h", "Reforma de 40 horas: según calendario vs 48 h"
    ),
    Driver.SECTION_301: Text("Section 301 on China ±10 pp", "Sección 301 a China ±10 pp"),
}

MAX_ROLES_CHARTED: Final = 15
"""A bar per role stays readable up to here; beyond it the largest roles are charted and the rest named."""


@dataclass(frozen=True)
class Series:
    label: Text
    values: tuple[Decimal, ...]


@dataclass(frozen=True)
class BarChart:
    title: Text
    unit: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    stacked: bool = False
    note: Text | None = None


@dataclass(frozen=True)
class LineChart:
    title: Text
    unit: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]


@dataclass(frozen=True)
class WaterfallStep:
    label: Text
    delta: Decimal
    """Negative lowers the running total."""


@dataclass(frozen=True)
class Waterfall:
    title: Text
    unit: str
    start_label: Text
    start: Decimal
    steps: tuple[WaterfallStep, ...]
    end_label: Text
    end: Decimal


@dataclass(frozen=True)
class TornadoBar:
    label: Text
    low: Decimal
    """The outcome with the driver at its low setting."""
    high: Decimal
    low_setting: str
    high_setting: str


@dataclass(frozen=True)
class Tornado:
    title: Text
    unit: str
    base: Decimal
    bars: tuple[TornadoBar, ...]


@dataclass(frozen=True)
class GanttBar:
    label: Text
    start: date
    end: date
    critical: bool
    closed: int
    total: int


@dataclass(frozen=True)
class Gantt:
    title: Text
    bars: tuple[GanttBar, ...]
    today: date | None


def savings_by_year(scenarios: Sequence[ReportScenario]) -> BarChart:
    """Realised savings (after the ramp) per year, one series per scenario."""
    categories = tuple(dict.fromkeys(str(y.year) for s in scenarios for y in s.result.years))
    series = tuple(
        Series(Text(s.name, s.name), _by_year(s.result, categories, lambda y: y.realized_savings_usd))
        for s in scenarios
    )
    return BarChart(Text("Realised savings by year", "Ahorros realizados por año"), "USD", categories, series)


def _by_year(
    result: BusinessCaseResult, categories: Sequence[str], pick: Callable[[YearResult], Decimal]
) -> tuple[Decimal, ...]:
    by_year = {str(y.year): pick(y) for y in result.years}
    return tuple(by_year.get(c, Decimal(0)) for c in categories)


def cumulative_cash_flow(scenarios: Sequence[ReportScenario]) -> LineChart:
    longest = max(scenarios, key=lambda s: len(s.result.returns.cash_flows_usd))
    categories = ("0", *(str(y.year) for y in longest.result.years))
    series = []
    for s in scenarios:
        values = list(s.result.returns.cumulative_cash_flows_usd)
        values += [values[-1]] * (len(categories) - len(values))
        series.append(Series(Text(s.name, s.name), tuple(values)))
    return LineChart(Text("Cumulative cash flow", "Flujo de efectivo acumulado"), "USD", categories, tuple(series))


def headcount_by_year(result: BusinessCaseResult) -> BarChart:
    categories = tuple(str(y.year) for y in result.years)
    return BarChart(
        Text("Headcount (FTE) by year", "Plantilla (FTE) por año"),
        "FTE",
        categories,
        (
            Series(Text("Direct", "Directos"), tuple(y.fte.direct for y in result.years)),
            Series(
                Text("Indirect and salaried", "Indirectos y administrativos"),
                tuple(y.fte.indirect for y in result.years),
            ),
        ),
        stacked=True,
    )


def labor_mix_by_role(year: YearResult) -> BarChart:
    """Per employee-year, USD: the wage (gross statutory pay), statutory on-costs and market benefits."""
    roles = sorted(year.roles, key=lambda r: r.role_total_usd, reverse=True)[:MAX_ROLES_CHARTED]
    order = {id(r): n for n, r in enumerate(year.roles)}
    roles.sort(key=lambda r: order[id(r)])
    fx = (
        year.roles[0].per_employee_mxn.loaded_total / year.roles[0].loaded_total_usd
        if (year.roles[0].loaded_total_usd)
        else Decimal(1)
    )
    wage = tuple(r.per_employee_mxn.gross_statutory / fx for r in roles)
    statutory = tuple(
        (r.per_employee_mxn.imss_infonavit.total + r.per_employee_mxn.isn + r.per_employee_mxn.ptu.paid) / fx
        for r in roles
    )
    market = tuple(r.per_employee_mxn.market_benefits.total / fx for r in roles)
    hidden = len(year.roles) - len(roles)
    note = (
        Text(
            f"The {len(roles)} roles with the largest cost are shown; {hidden} more are in the tables.",
            f"Se muestran los {len(roles)} puestos de mayor costo; los otros {hidden} están en las tablas.",
        )
        if hidden
        else None
    )
    return BarChart(
        Text(f"Loaded cost per employee, {year.year}", f"Costo integral por empleado, {year.year}"),
        "USD",
        tuple(r.role.display_name for r in roles),
        (
            Series(Text("Wage (gross statutory pay)", "Salario (percepciones de ley)"), wage),
            Series(Text("IMSS, INFONAVIT, ISN, PTU", "IMSS, INFONAVIT, ISN, PTU"), statutory),
            Series(Text("Market benefits", "Prestaciones de mercado"), market),
        ),
        stacked=True,
        note=note,
    )


def waterfall_us_to_mx(year: YearResult) -> Waterfall:
    """From the current plant's annual cost to Mexico's, block by block (a saving lowers the bar)."""
    steps = tuple(
        WaterfallStep(BLOCK_LABELS[name], -saving) for name, saving in year.savings_by_block_usd.items() if saving != 0
    )
    return Waterfall(
        Text(f"Current plant to Mexico, {year.year}", f"Planta actual a México, {year.year}"),
        "USD",
        Text("Current plant", "Planta actual"),
        year.baseline.total_usd,
        steps,
        Text("Mexico", "México"),
        year.mexico.total_usd,
    )


def china_vs_mexico(comparison: ChinaComparison) -> BarChart:
    """By year, the goods landed from China beside the Mexican plant plus the materials it buys."""
    years = comparison.years
    return BarChart(
        Text("China supplier (landed) vs Mexico", "Proveedor en China (puesto en EE. UU.) vs México"),
        "USD",
        tuple(str(y.year) for y in years),
        (
            Series(Text("Landed from China", "Puesto en EE. UU. desde China"), tuple(y.landed_usd for y in years)),
            Series(
                Text("Mexican plant + materials", "Planta en México + materiales"), tuple(y.mexico_usd for y in years)
            ),
        ),
    )


def tornado(result: Sensitivity, settings: dict[Driver, tuple[str, str]], title: Text | None = None) -> Tornado:
    """`settings` gives each driver's low and high setting as the reader should see them."""
    bars = tuple(
        TornadoBar(DRIVER_LABELS[row.driver], row.low.npv_usd, row.high.npv_usd, *settings[row.driver])
        for row in result.rows
    )
    return Tornado(title or Text("NPV sensitivity", "Sensibilidad del VPN"), "USD", result.base.npv_usd, bars)


def gantt(schedule: Sequence[ScheduleItem], today: date | None) -> Gantt:
    """One bar per checklist: from its first start to its last due date; critical when any item is."""
    bars: dict[str, list[ScheduleItem]] = {}
    for item in schedule:
        bars.setdefault(item.pack_id, []).append(item)
    out = []
    for items in bars.values():
        dates = [d for i in items for d in (i.start_on, i.due_on) if d]
        if not dates:
            continue
        out.append(
            GanttBar(
                items[0].pack_title,
                min(dates),
                max(dates),
                any(i.critical for i in items),
                sum(1 for i in items if i.closed),
                len(items),
            )
        )
    out.sort(key=lambda b: (b.start, b.end))
    return Gantt(Text("Start-up timeline", "Calendario de arranque"), tuple(out), today)

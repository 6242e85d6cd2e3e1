"""The business case's charts as plain data: everything a reader needs to read them, in both languages.

Each chart carries its title, what its axes show and in which unit, category labels as words (a
year, "Start-up (t = 0)", a role, a cost block) and its series' names, all as `Text`. The PDF draws
them with reportlab (`reports.business_charts`) and the workspace with QPainter
(`ui.business.results`); neither has to guess a word or a unit. Amounts stay `Decimal` here; a
renderer turns them into coordinates and formats the numbers in its reader's language.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final

from shelter_app.core.bilingual import Text
from shelter_app.core.business_case.china import ChinaComparison
from shelter_app.core.business_case.inputs import FeeModel
from shelter_app.core.business_case.result import BusinessCaseResult, YearResult
from shelter_app.core.business_case.sensitivity import Driver, Sensitivity, first_full_year
from shelter_app.core.business_report import ReportScenario, ScheduleItem

BLOCK_LABELS: Final[dict[str, Text]] = {
    "labor": Text("Labor (fully loaded)", "Mano de obra (costo integral)"),
    "shelter_fee": Text("Shelter fee", "Tarifa del albergue"),
    "facility": Text("Facility rent + NNN", "Renta de nave + NNN"),
    "utilities": Text("Utilities", "Servicios (energía, agua, gas)"),
    "site_overhead": Text("Site services", "Servicios del sitio"),
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

USD: Final = Text.same("USD")
USD_PER_YEAR: Final = Text("USD per year", "USD por año")
YEAR: Final = Text("Year", "Año")
START_UP: Final = Text("Start-up (t\u00a0=\u00a00)", "Arranque (t\u00a0=\u00a00)")
"""The cash flows' t = 0: the one-time outlay before the first projected year (no-break spaces keep
"(t = 0)" on one line when the label wraps)."""
CASH_FLOW_TITLE: Final = Text("Cumulative cash flow", "Flujo de efectivo acumulado")
COST_BLOCKS_TITLE: Final = Text("Annual cost by block, first full year", "Costo anual por bloque, primer año completo")
BASE_CASE: Final = Text("Base case", "Caso base")
LOW_SETTING: Final = Text("Driver at its low setting", "Variable en su valor bajo")
HIGH_SETTING: Final = Text("Driver at its high setting", "Variable en su valor alto")
GANTT_LEGEND: Final = Text(
    "Filled: share of items closed · purple: on the critical path · red line: today",
    "Relleno: proporción de tareas cerradas · morado: ruta crítica · línea roja: hoy",
)


@dataclass(frozen=True)
class Axis:
    """What an axis shows (`title`) and in which unit; a category axis usually has no unit."""

    title: Text
    unit: Text | None = None

    @property
    def caption(self) -> Text:
        """The axis title as printed beside the axis: "Cumulative cash flow (USD)"."""
        if self.unit is None:
            return self.title
        return self.title + Text(" (", " (") + self.unit + Text(")", ")")


@dataclass(frozen=True)
class Unit:
    """How a number of a given kind reads: the stored value times `scale`, with `places` decimals.

    `percent` numbers carry the language's percent sign each ("4.0%", "4,0 %"), and `text` follows the
    number or a pair of them once: "16.20 / 19.80 MXN per USD", "4.0% / 8.0% per year". `name` is the
    unit said whole, for a heading or an axis ("% per year").
    """

    text: Text | None
    scale: Decimal = Decimal(1)
    places: int | None = 2
    """None: the decimals the value has (up to 6), without trailing zeros."""
    percent: bool = False

    @property
    def name(self) -> Text:
        if not self.percent:
            return self.text or Text("", "")
        return Text("%", "%") if self.text is None else Text("% ", "% ") + self.text


_PERCENT = Decimal(100)
FEE_UNITS: Final[dict[FeeModel, Unit]] = {
    FeeModel.PER_HEADCOUNT: Unit(Text("USD per head per month", "USD por persona al mes")),
    FeeModel.PER_HOUR: Unit(Text("USD per worked hour", "USD por hora trabajada")),
    FeeModel.MARKUP: Unit(Text("of loaded labor", "del costo integral de la mano de obra"), _PERCENT, 2, True),
}
"""The shelter fee's price in the unit of its pricing model."""

DRIVER_UNITS: Final[dict[Driver, Unit]] = {
    Driver.FX: Unit(Text("MXN per USD", "MXN por USD")),
    Driver.MX_WAGE_ESCALATION: Unit(Text("per year", "por año"), _PERCENT, 1, True),
    Driver.PRODUCTIVITY: Unit(Text("× plan", "× plan")),
    Driver.MX_RENT: Unit(Text("USD per sq ft per month", "USD por pie² al mes"), places=3),
    Driver.HOURS_REFORM: Unit(Text("hours per week", "horas por semana"), places=None),
    Driver.SECTION_301: Unit(None, _PERCENT, 1, True),
}
"""The unit of each driver's low and high settings (`SensitivityRow.low_setting`), except the shelter fee's,
which depends on the fee model (`FEE_UNITS`)."""


def driver_unit(driver: Driver, fee_model: FeeModel) -> Unit:
    """The unit a driver's settings are stated in; the shelter fee's follows its pricing model."""
    return FEE_UNITS[fee_model] if driver is Driver.SHELTER_FEE else DRIVER_UNITS[driver]


@dataclass(frozen=True)
class Series:
    label: Text
    values: tuple[Decimal, ...]
    key: str = ""
    """A stable name a renderer may colour by (a cost block's "labor"); never shown."""


@dataclass(frozen=True)
class BarChart:
    """Bars per category; a renderer may draw them upright or lying (`value_axis` is then horizontal)."""

    title: Text
    category_axis: Axis
    value_axis: Axis
    categories: tuple[Text, ...]
    series: tuple[Series, ...]
    stacked: bool = False
    note: Text | None = None


@dataclass(frozen=True)
class LineChart:
    title: Text
    category_axis: Axis
    value_axis: Axis
    categories: tuple[Text, ...]
    series: tuple[Series, ...]


@dataclass(frozen=True)
class WaterfallStep:
    label: Text
    delta: Decimal
    """Negative lowers the running total."""


@dataclass(frozen=True)
class Waterfall:
    title: Text
    category_axis: Axis
    value_axis: Axis
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
    low_setting: Decimal
    """The driver's low setting, in `unit` before its scale (a fraction for a percentage)."""
    high_setting: Decimal
    unit: Unit


@dataclass(frozen=True)
class Tornado:
    title: Text
    value_axis: Axis
    base: Decimal
    bars: tuple[TornadoBar, ...]
    base_label: Text = BASE_CASE
    low_legend: Text = LOW_SETTING
    high_legend: Text = HIGH_SETTING


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
    row_axis: Axis
    time_axis: Axis
    bars: tuple[GanttBar, ...]
    today: date | None
    legend: Text = GANTT_LEGEND


def savings_by_year(scenarios: Sequence[ReportScenario]) -> BarChart:
    """Realised savings (after the ramp) per year, one series per scenario."""
    years = tuple(dict.fromkeys(y.year for s in scenarios for y in s.result.years))
    series = tuple(
        Series(Text.same(s.name), _by_year(s.result, years, lambda y: y.realized_savings_usd)) for s in scenarios
    )
    return BarChart(
        Text("Realised savings by year", "Ahorros realizados por año"),
        Axis(YEAR),
        Axis(Text("Realised savings", "Ahorro realizado"), USD_PER_YEAR),
        tuple(Text.same(str(y)) for y in years),
        series,
    )


def _by_year(
    result: BusinessCaseResult, years: Sequence[int], pick: Callable[[YearResult], Decimal]
) -> tuple[Decimal, ...]:
    by_year = {y.year: pick(y) for y in result.years}
    return tuple(by_year.get(year, Decimal(0)) for year in years)


def cumulative_cash_flow(scenarios: Sequence[ReportScenario]) -> LineChart:
    """The cumulative cash flow of each scenario, from the start-up outlay (t = 0) to the horizon."""
    return cumulative_cash_flow_of([(s.name, s.result) for s in scenarios])


def cumulative_cash_flow_of(named: Sequence[tuple[str, BusinessCaseResult]]) -> LineChart:
    """`cumulative_cash_flow` for named results (the workspace's scenarios, computed or not yet saved)."""
    longest = max((r for _, r in named), key=lambda r: len(r.returns.cash_flows_usd))
    categories = (START_UP, *(Text.same(str(y.year)) for y in longest.years))
    series = []
    for name, result in named:
        values = list(result.returns.cumulative_cash_flows_usd)
        values += [values[-1]] * (len(categories) - len(values))
        series.append(Series(Text.same(name), tuple(values)))
    return LineChart(
        CASH_FLOW_TITLE,
        Axis(YEAR),
        Axis(Text("Cumulative cash flow", "Flujo acumulado"), USD),
        categories,
        tuple(series),
    )


def cost_blocks(named: Sequence[tuple[str, BusinessCaseResult]], current: BusinessCaseResult) -> BarChart:
    """A full year's cost blocks, stacked: each named scenario's Mexican plant, then the current plant.

    Each plant is taken in its scenario's first full year (the current plant in `current`'s)."""
    plants: list[tuple[Text, dict[str, Decimal]]] = [
        (Text.same(name), dict(first_full_year(result).mexico.blocks_usd.items())) for name, result in named
    ]
    plants.append((Text("Current plant", "Planta actual"), dict(first_full_year(current).baseline.blocks_usd.items())))
    return BarChart(
        COST_BLOCKS_TITLE,
        Axis(Text("Plant", "Planta")),
        Axis(Text("Annual cost", "Costo anual"), USD_PER_YEAR),
        tuple(name for name, _ in plants),
        tuple(Series(label, tuple(blocks[key] for _, blocks in plants), key) for key, label in BLOCK_LABELS.items()),
        stacked=True,
    )


def headcount_by_year(result: BusinessCaseResult) -> BarChart:
    return BarChart(
        Text("Headcount (FTE) by year", "Plantilla (FTE) por año"),
        Axis(YEAR),
        Axis(Text("Headcount", "Plantilla"), Text("full-time equivalents", "equivalentes de tiempo completo")),
        tuple(Text.same(str(y.year)) for y in result.years),
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
        Axis(Text("Role", "Puesto")),
        Axis(Text("Loaded cost per employee", "Costo integral por empleado"), USD_PER_YEAR),
        tuple(Text.same(r.role.display_name) for r in roles),
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
        Axis(Text("Cost block", "Bloque de costo")),
        Axis(Text("Annual cost", "Costo anual"), USD_PER_YEAR),
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
        Axis(YEAR),
        Axis(Text("Annual cost", "Costo anual"), USD_PER_YEAR),
        tuple(Text.same(str(y.year)) for y in years),
        (
            Series(Text("Landed from China", "Puesto en EE. UU. desde China"), tuple(y.landed_usd for y in years)),
            Series(
                Text("Mexican plant + materials", "Planta en México + materiales"), tuple(y.mexico_usd for y in years)
            ),
        ),
    )


def tornado(result: Sensitivity, fee_model: FeeModel, title: Text | None = None) -> Tornado:
    """The NPV at each driver's low and high setting; `fee_model` is the case's, the unit of the fee's settings."""
    bars = tuple(
        TornadoBar(
            DRIVER_LABELS[row.driver],
            row.low.npv_usd,
            row.high.npv_usd,
            row.low_setting,
            row.high_setting,
            driver_unit(row.driver, fee_model),
        )
        for row in result.rows
    )
    return Tornado(
        title or Text("NPV sensitivity", "Sensibilidad del VPN"),
        Axis(Text("Net present value", "Valor presente neto"), USD),
        result.base.npv_usd,
        bars,
    )


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
    return Gantt(
        Text("Start-up timeline", "Calendario de arranque"),
        Axis(Text("Checklist (items closed / total)", "Lista de verificación (tareas cerradas / total)")),
        Axis(Text("Month", "Mes")),
        tuple(out),
        today,
    )

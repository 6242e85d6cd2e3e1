"""The charts' plain data: every word a reader needs, in both languages; units for every sensitivity driver."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from shelter_app.core import business_charts as charts
from shelter_app.core.bilingual import Text
from shelter_app.core.business_case.inputs import FeeModel
from shelter_app.core.business_case.sensitivity import Driver, first_full_year
from shelter_app.core.business_report import BusinessCaseReport, ScheduleItem
from shelter_app.services.business_report import report_from_document
from tests.reports.test_business_case_pdf_china import china_document

KEY = re.compile(r"^[a-z0-9]+(?:[._][a-z0-9]+)+$")  # dotted or snake_case internal names


@pytest.fixture(scope="module")
def report() -> BusinessCaseReport:
    return report_from_document(china_document(), language="en", today=date(2026, 3, 16))


def every_chart(report: BusinessCaseReport) -> list[Any]:
    sc = report.scenarios[0]
    assert sc.china is not None and sc.china_sensitivity is not None
    result = sc.result
    item = ScheduleItem("a", "corp", Text("Corporate set-up", "Constitución de la sociedad"), Text.same("x"),
                        date(2026, 2, 1), date(2026, 4, 1), True, False)
    return [
        charts.savings_by_year(report.scenarios),
        charts.cumulative_cash_flow(report.scenarios),
        charts.cost_blocks([(sc.name, result)], result),
        charts.headcount_by_year(result),
        charts.labor_mix_by_role(result.years[0]),
        charts.waterfall_us_to_mx(result.years[0]),
        charts.china_vs_mexico(sc.china),
        charts.tornado(sc.sensitivity, result.case.shelter_fee.model),
        charts.tornado(sc.china_sensitivity, result.case.shelter_fee.model),
        charts.gantt([item], date(2026, 3, 1)),
    ]


def texts(value: object) -> list[Text]:
    """Every Text reachable from a chart's fields."""
    if isinstance(value, Text):
        return [value]
    if isinstance(value, (tuple, list)):
        return [t for v in value for t in texts(v)]
    if hasattr(value, "__dataclass_fields__"):
        return [t for name in value.__dataclass_fields__ for t in texts(getattr(value, name))]
    return []


def test_every_chart_has_a_title_and_axis_titles_in_both_languages(report: BusinessCaseReport) -> None:
    for chart in every_chart(report):
        found = texts(chart)
        assert found and all(t.complete or t.en == t.es for t in found), chart
        assert not [t for t in found if KEY.match(t.en) or KEY.match(t.es)], "an internal name reached a chart"
        assert not any(isinstance(v, str) for v in vars(chart).values()), f"a bare string in {type(chart).__name__}"
        axes = [v for v in vars(chart).values() if isinstance(v, charts.Axis)]
        assert len(axes) >= 1 and all(a.caption.complete for a in axes)


def test_value_axes_carry_their_unit(report: BusinessCaseReport) -> None:
    units = {type(c).__name__ + c.title.en: c.value_axis.unit for c in every_chart(report) if hasattr(c, "value_axis")}
    assert all(isinstance(u, Text) and u.complete for u in units.values()), units
    savings = charts.savings_by_year(report.scenarios)
    assert savings.value_axis.caption == Text("Realised savings (USD per year)", "Ahorro realizado (USD por año)")
    assert savings.category_axis.caption == Text("Year", "Año")


def test_the_cash_flow_starts_with_the_start_up_not_a_bare_zero(report: BusinessCaseReport) -> None:
    chart = charts.cumulative_cash_flow(report.scenarios)
    result = report.scenarios[0].result
    assert chart.categories[0] == charts.START_UP
    assert chart.categories[0].pick("es").replace("\u00a0", " ") == "Arranque (t = 0)"
    assert [c.en for c in chart.categories[1:]] == [str(y.year) for y in result.years]
    assert chart.series[0].values == result.returns.cumulative_cash_flows_usd


def test_cost_blocks_name_each_block_and_each_plant(report: BusinessCaseReport) -> None:
    result = report.scenarios[0].result
    chart = charts.cost_blocks([("Juárez", result), ("Saltillo", result)], result)
    assert [s.key for s in chart.series] == list(charts.BLOCK_LABELS)
    assert [s.label for s in chart.series] == list(charts.BLOCK_LABELS.values())
    assert [c.pick("es") for c in chart.categories] == ["Juárez", "Saltillo", "Planta actual"]
    year = first_full_year(result)
    assert sum(s.values[0] for s in chart.series) == year.mexico.total_usd
    assert sum(s.values[2] for s in chart.series) == year.baseline.total_usd


@pytest.mark.parametrize("fee", list(FeeModel))
def test_every_driver_states_its_settings_in_a_unit(fee: FeeModel) -> None:
    for driver in Driver:
        unit = charts.driver_unit(driver, fee)
        assert unit.name.complete, driver
    assert charts.driver_unit(Driver.SHELTER_FEE, fee) is charts.FEE_UNITS[fee]
    assert charts.driver_unit(Driver.MX_WAGE_ESCALATION, fee).scale == 100
    assert charts.FEE_UNITS[FeeModel.MARKUP].percent and charts.FEE_UNITS[FeeModel.MARKUP].scale == 100
    markup = charts.FEE_UNITS[FeeModel.MARKUP].name
    assert markup == Text("% of loaded labor", "% del costo integral de la mano de obra")
    assert charts.DRIVER_UNITS[Driver.SECTION_301].name == Text("%", "%")


def test_the_tornado_takes_its_settings_and_units_from_the_sensitivity(report: BusinessCaseReport) -> None:
    sc = report.scenarios[0]
    fee_model = sc.result.case.shelter_fee.model
    chart = charts.tornado(sc.sensitivity, fee_model)
    assert chart.base == sc.sensitivity.base.npv_usd
    assert chart.value_axis.caption == Text("Net present value (USD)", "Valor presente neto (USD)")
    for bar, row in zip(chart.bars, sc.sensitivity.rows, strict=True):
        assert bar.label == charts.DRIVER_LABELS[row.driver]
        assert (bar.low, bar.high) == (row.low.npv_usd, row.high.npv_usd)
        assert (bar.low_setting, bar.high_setting) == (row.low_setting, row.high_setting)
        assert bar.unit == charts.driver_unit(row.driver, fee_model)
    [fee] = [b for b in chart.bars if b.label == charts.DRIVER_LABELS[Driver.SHELTER_FEE]]
    assert fee.unit.name == Text("USD per head per month", "USD por persona al mes")
    assert (fee.low_setting, fee.high_setting) == (Decimal(132), Decimal(198))  # the golden 165 per head ± 20 %
    titled = charts.tornado(sc.sensitivity, fee_model, Text("Against China", "Frente a China"))
    assert titled.title == Text("Against China", "Frente a China")

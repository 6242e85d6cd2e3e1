"""The workspace's result charts paint the words of the PDF's charts (core.business_charts), in the page's language."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from shelter_app.core import business_charts as charts
from shelter_app.core.business_case.result import BusinessCaseResult
from shelter_app.services.business_report import report_from_document
from shelter_app.ui.business import results
from shelter_app.ui.business.results import BlocksChart, CashFlowChart, Column
from tests.support.business_case import golden_document


@pytest.fixture(scope="module")
def golden() -> BusinessCaseResult:
    return report_from_document(golden_document(), language="en", today=date(2026, 3, 16)).scenarios[0].result


def painted(qtbot: Any, chart: results._Chart, columns: list[Column], width: int = 560) -> list[str]:
    qtbot.addWidget(chart)
    chart.resize(width, 260)
    chart.set_columns(columns)
    assert not chart.grab().isNull()
    return chart.painted


@pytest.mark.parametrize("language", ["en", "es", "es_MX"])
def test_the_blocks_chart_names_blocks_plants_and_axes_as_the_pdf_does(qtbot: Any, golden: BusinessCaseResult,
                                                                       language: str) -> None:
    columns = [Column("Juárez", golden, current=True), Column("Saltillo", None), Column("Monterrey", golden)]
    texts = painted(qtbot, BlocksChart(language), columns, 900)
    chart = charts.cost_blocks([("Juárez", golden), ("Monterrey", golden)], golden)
    expected = [chart.title, chart.category_axis.caption, chart.value_axis.caption, *charts.BLOCK_LABELS.values()]
    for text in expected:
        assert text.pick(language) in texts, f"{text.pick(language)!r} not painted: {texts}"
    plants = [t for t in texts if t in ("Juárez", "Monterrey", "Saltillo", "Current plant", "Planta actual")]
    assert plants == ["Juárez", "Monterrey", "Planta actual" if language.startswith("es") else "Current plant"]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_cash_flow_starts_with_the_start_up_and_titles_its_axes(qtbot: Any, golden: BusinessCaseResult,
                                                                    language: str) -> None:
    texts = painted(qtbot, CashFlowChart(language), [Column("Juárez", golden, current=True)])
    chart = charts.cumulative_cash_flow_of([("Juárez", golden)])
    for text in (chart.title, chart.value_axis.caption, chart.category_axis.caption, charts.START_UP):
        assert text.pick(language) in texts, f"{text.pick(language)!r} not painted: {texts}"
    categories = texts[texts.index(charts.START_UP.pick(language)):]
    assert categories[1:1 + len(golden.years)] == [str(y.year) for y in golden.years]
    assert "0" not in categories  # t = 0 is a word, never a bare zero among the years


@pytest.mark.parametrize("chart", [BlocksChart, CashFlowChart])
def test_nothing_computes_yet(qtbot: Any, chart: type[results._Chart]) -> None:
    texts = painted(qtbot, chart("es"), [Column("Juárez", None)])
    assert texts[0] in (charts.COST_BLOCKS_TITLE.es, charts.CASH_FLOW_TITLE.es)
    assert texts[1] == "No scenario computes yet."  # the Qt catalog translates it (none installed here)


def test_the_workspace_keeps_no_copy_of_the_block_names() -> None:
    assert not hasattr(results, "block_labels")

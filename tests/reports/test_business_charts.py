"""The business case's charts drawn with reportlab: every label inside its drawing and clear of the others.

Every chart type is drawn in English and Spanish at the frame widths of the PDF (Letter and A4 less
18 mm margins) from the golden case, with a start-up schedule of long Spanish checklist titles, and
again from a plant whose roles, scenario and checklists have names far longer than any real one.
Each reportlab String is measured with the font's own ascent, descent and widths: it must lie
inside the drawing and overlap no other String. Real labels are never cut; only the absurd ones
may end in an ellipsis.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth

from shelter_app.core import business_charts as charts
from shelter_app.core.bilingual import Text
from shelter_app.core.business_case.inputs import FeeModel
from shelter_app.core.business_case.sensitivity import Driver, Outcome, SensitivityRow
from shelter_app.core.business_report import BusinessCaseReport, ScheduleItem
from shelter_app.reports import business_charts as draw
from shelter_app.reports.fonts import REGULAR, register_fonts
from shelter_app.services.business_report import report_from_document
from tests.reports.test_business_case_pdf_china import china_document

TODAY = date(2026, 3, 16)
WIDTHS = {"letter": 612 - 2 * 18 * mm, "a4": 595.276 - 2 * 18 * mm}

# checklist titles as the shipped packs write them, the longest Spanish ones first
CHECKLISTS = [
    Text("IVA/IEPS certification, obligations, renewal and cancellation risk",
         "Certificación de IVA e IEPS, obligaciones, renovación y riesgo de cancelación"),
    Text("IVA/IEPS certification, general requirements (rule 7.1.1)",
         "Certificación de IVA e IEPS, requisitos generales (regla 7.1.1)"),
    Text("IVA/IEPS certification, rubros AA and AAA (rule 7.1.3)",
         "Certificación de IVA e IEPS, rubros AA y AAA (regla 7.1.3)"),
    Text("Site, municipal and environmental permits", "Inmueble, permisos municipales y ambientales"),
    Text("IMMEX ongoing obligations", "Obligaciones continuas del programa IMMEX"),
    Text("Shelter contracting", "Contratación del albergue (shelter)"),
    Text("Labour and social security", "Laboral y seguridad social"),
    Text("Corporate set-up", "Constitución de la sociedad"),
]
ABSURD = Text(
    "Permisos municipales, estatales y federales de uso de suelo, protección civil, impacto ambiental, "
    "descarga de aguas residuales y licencia de funcionamiento de la nave industrial número dos",
    "Permisos municipales, estatales y federales de uso de suelo, protección civil, impacto ambiental, "
    "descarga de aguas residuales y licencia de funcionamiento de la nave industrial número dos",
)


def schedule(titles: list[Text]) -> tuple[ScheduleItem, ...]:
    items = []
    for n, title in enumerate(titles):
        for k in range(4):
            start = date(2026, 1, 12) + timedelta(days=23 * n + 9 * k)
            items.append(ScheduleItem(f"item-{n}-{k}", f"pack-{n}", title, Text.same(f"item {k}"), start,
                                      start + timedelta(days=35 + 11 * k), n % 3 == 0, k < n % 4))
    return tuple(items)


def absurd_document() -> dict[str, Any]:
    """The golden case with a long scenario name, many roles with long names, and a markup fee."""
    document = china_document()
    template = document["workforce"]["roles"][1]
    roles = [document["workforce"]["roles"][0]]
    for n in range(20):
        role = copy.deepcopy(template)
        role["id"] = f"role_{n}"
        role["name"] = f"Técnico de mantenimiento especializado en moldes de inyección, línea {n} " + "x" * (n % 7)
        roles.append(role)
    document["workforce"]["roles"] = roles
    document["scenario"]["name"] = "Escenario con un nombre muy largo " * 4
    document["shelter_fee"] = {"model": "markup", "markup_rate": 0.12}
    return document


def drawings(report: BusinessCaseReport, titles: list[Text], width: float) -> dict[str, Drawing]:
    lang = report.language
    sc = report.scenarios[0]
    result, fee = sc.result, sc.result.case.shelter_fee.model
    assert sc.china is not None and sc.china_sensitivity is not None
    year = result.years[-1]
    return {
        "savings by year": draw.bar_chart(charts.savings_by_year(report.scenarios), width, lang, 165),
        "cumulative cash flow": draw.line_chart(charts.cumulative_cash_flow(report.scenarios), width, lang, 165),
        "headcount": draw.bar_chart(charts.headcount_by_year(result), width, lang, 150),
        "labor mix": draw.stacked_bars_horizontal(charts.labor_mix_by_role(year), width, lang),
        "cost blocks": draw.stacked_bars_horizontal(charts.cost_blocks([(sc.name, result)], result), width, lang),
        "waterfall": draw.waterfall(charts.waterfall_us_to_mx(year), width, lang),
        "china": draw.bar_chart(charts.china_vs_mexico(sc.china), width, lang, 160),
        "tornado": draw.tornado(charts.tornado(sc.sensitivity, fee), width, lang),
        "tornado china": draw.tornado(charts.tornado(sc.china_sensitivity, fee, Text("NPV sensitivity against "
                                      "the China supplier", "Sensibilidad del VPN frente a China")), width, lang),
        "gantt": draw.gantt_chart(charts.gantt(schedule(titles), TODAY), width, lang),
    }


def strings(node: Any) -> Iterator[String]:
    for child in getattr(node, "contents", ()):
        if isinstance(child, String):
            yield child
        else:
            if isinstance(child, Group):
                assert tuple(child.transform) == (1, 0, 0, 1, 0, 0), "a transformed group: measure it first"
            yield from strings(child)


Box = tuple[float, float, float, float]


def box(s: String) -> Box:
    ascent, descent = getAscentDescent(s.fontName, s.fontSize)
    width = stringWidth(s.text, s.fontName, s.fontSize)
    x0 = s.x - {"start": 0.0, "middle": width / 2, "end": width}[s.textAnchor]
    return x0, s.y + descent, x0 + width, s.y + ascent


def problems(d: Drawing) -> list[str]:
    found = []
    measured = [(s.text, box(s)) for s in strings(d)]
    for text, (x0, y0, x1, y1) in measured:
        if x0 < -0.01 or y0 < -0.01 or x1 > d.width + 0.01 or y1 > d.height + 0.01:
            found.append(f"{text!r} at ({x0:.1f}, {y0:.1f})–({x1:.1f}, {y1:.1f}) leaves the {d.width:.0f} × "
                         f"{d.height:.0f} drawing")
    for (a, (ax0, ay0, ax1, ay1)), (b, (bx0, by0, bx1, by1)) in itertools.combinations(measured, 2):
        if min(ax1, bx1) - max(ax0, bx0) > 0.01 and min(ay1, by1) - max(ay0, by0) > 0.01:
            found.append(f"{a!r} overlaps {b!r}")
    return found


@pytest.fixture(scope="module", autouse=True)
def fonts() -> None:
    register_fonts()


@pytest.fixture(scope="module")
def golden() -> dict[str, BusinessCaseReport]:
    return {lang: report_from_document(china_document(), language=lang, today=TODAY) for lang in ("en", "es")}


@pytest.fixture(scope="module")
def absurd() -> dict[str, BusinessCaseReport]:
    """Six scenarios with long names (a legend of many rows) of the absurd plant."""
    out = {}
    for lang in ("en", "es"):
        report = report_from_document(absurd_document(), language=lang, today=TODAY)
        [sc] = report.scenarios
        out[lang] = replace(report, scenarios=tuple(replace(sc, name=f"{n}. {sc.name}") for n in range(6)))
    return out


@pytest.mark.parametrize("paper", WIDTHS)
@pytest.mark.parametrize("language", ["en", "es"])
def test_every_label_of_every_chart_fits_uncut(golden: dict[str, BusinessCaseReport], language: str,
                                               paper: str) -> None:
    for name, d in drawings(golden[language], CHECKLISTS, WIDTHS[paper]).items():
        assert d.width == pytest.approx(WIDTHS[paper])
        assert not problems(d), f"{name}, {language}, {paper}:\n" + "\n".join(problems(d))
        cut = [s.text for s in strings(d) if "…" in s.text]
        assert not cut, f"{name}, {language}: real labels cut {cut}"
        assert min(s.fontSize for s in strings(d)) >= draw.MIN_SIZE


@pytest.mark.parametrize("paper", WIDTHS)
@pytest.mark.parametrize("language", ["en", "es"])
def test_absurdly_long_names_are_shortened_not_spilled(absurd: dict[str, BusinessCaseReport], language: str,
                                                       paper: str) -> None:
    titles = [ABSURD, *CHECKLISTS, replace(ABSURD, es=ABSURD.es.replace(" ", "") + " final")]
    drawn = drawings(absurd[language], titles, WIDTHS[paper])
    for name, d in drawn.items():
        assert not problems(d), f"{name}, {language}, {paper}:\n" + "\n".join(problems(d))
    # asked for too little height, a chart grows rather than squash its plot under its labels and legend
    report = absurd[language]
    for small in (draw.bar_chart(charts.savings_by_year(report.scenarios), WIDTHS[paper], language, 60),
                  draw.line_chart(charts.cumulative_cash_flow(report.scenarios), WIDTHS[paper], language, 60),
                  draw.waterfall(charts.waterfall_us_to_mx(report.scenarios[0].result.years[0]), WIDTHS[paper],
                                 language, 60)):
        assert small.height >= draw.MIN_PLOT + 40 and not problems(small)
    gantt = [s.text for s in strings(drawings(absurd[language], titles, WIDTHS[paper])["gantt"])]
    assert any(t.endswith("… (0/4)") for t in gantt), "the cut title keeps its count of items"


def texts(d: Drawing) -> list[str]:
    return [s.text for s in strings(d)]


@pytest.mark.parametrize(("language", "words"), [
    ("en", {
        "savings by year": ["Realised savings (USD per year)", "Year", "2026"],
        "cumulative cash flow": ["Cumulative cash flow (USD)", "Start-up (t\u00a0=\u00a00)", "Year"],
        "headcount": ["Headcount (full-time equivalents)", "Direct"],
        "labor mix": ["Role", "Loaded cost per employee (USD per year)", "Market benefits"],
        "waterfall": ["Annual cost (USD per year)", "Cost block", "Current plant", "Mexico"],
        "china": ["Annual cost (USD per year)", "Landed from China"],
        "tornado": ["Net present value (USD)", "16.20 / 19.80 MXN per USD", "4.0% / 8.0% per year",
                    "0.85 / 1.15 × plan", "0.560 / 0.840 USD per sq ft per month",
                    "132.00 / 198.00 USD per head per month", "40 / 48 hours per week", "19.80", "8.0%"],
        "tornado china": ["15.0% / 35.0%"],
        "gantt": ["Checklist (items closed / total)", "Month", "Corporate set-up (3/4)"],
    }),
    ("es", {
        "savings by year": ["Ahorro realizado (USD por año)", "Año"],
        "cumulative cash flow": ["Flujo acumulado (USD)", "Arranque (t\u00a0=\u00a00)", "Año"],
        "headcount": ["Plantilla (equivalentes de tiempo completo)", "Directos"],
        "labor mix": ["Puesto", "Costo integral por empleado (USD por año)"],
        "waterfall": ["Costo anual (USD por año)", "Bloque de costo", "Planta actual", "México"],
        "china": ["Costo anual (USD por año)"],
        "tornado": ["Valor presente neto (USD)", "16.20 / 19.80 MXN por USD", "4.0 % / 8.0 % por año",
                    "0.560 / 0.840 USD por pie² al mes", "132.00 / 198.00 USD por persona al mes",
                    "40 / 48 horas por semana", "Caso base: 15.2 M"],
        "tornado china": ["15.0 % / 35.0 %"],
        "gantt": ["Lista de verificación (tareas cerradas / total)", "Mes", "Constitución de la sociedad (3/4)"],
    }),
])
def test_axes_say_what_they_show_and_in_which_unit(golden: dict[str, BusinessCaseReport], language: str,
                                                   words: dict[str, list[str]]) -> None:
    drawn = drawings(golden[language], CHECKLISTS, WIDTHS["a4"])
    for name, expected in words.items():
        shown = texts(drawn[name])
        for word in expected:
            assert word in shown, f"{word!r} missing from the {name} chart: {shown}"
    categories = texts(drawn["cumulative cash flow"])
    assert "0" not in categories[categories.index("Arranque (t\u00a0=\u00a00)" if language == "es"
                                                  else "Start-up (t\u00a0=\u00a00)"):]
    # the waterfall's steps wrap at A4 width ("Servicios (energía, agua, gas)" is three words too wide for one line)
    waterfall = " ".join(texts(drawn["waterfall"]))
    for key, label in charts.BLOCK_LABELS.items():
        if key != "duties":  # the golden case pays no duties in either plant, so it has no step
            assert all(word in waterfall for word in label.pick(language).split())


def row(driver: Driver, low: str, high: str) -> SensitivityRow:
    outcome = Outcome(Decimal(0), Decimal(0))
    return SensitivityRow(driver, Decimal(low), Decimal(high), outcome, outcome)


@pytest.mark.parametrize(("driver", "fee", "low", "high", "en", "es"), [
    (Driver.FX, FeeModel.PER_HEADCOUNT, "16.2", "19.8", "16.20 / 19.80 MXN per USD", "16.20 / 19.80 MXN por USD"),
    (Driver.MX_WAGE_ESCALATION, FeeModel.PER_HEADCOUNT, "0.04", "0.08", "4.0% / 8.0% per year",
     "4.0 % / 8.0 % por año"),
    (Driver.PRODUCTIVITY, FeeModel.PER_HEADCOUNT, "0.85", "1.15", "0.85 / 1.15 × plan", "0.85 / 1.15 × plan"),
    (Driver.MX_RENT, FeeModel.PER_HEADCOUNT, "0.56", "0.84", "0.560 / 0.840 USD per sq ft per month",
     "0.560 / 0.840 USD por pie² al mes"),
    (Driver.SHELTER_FEE, FeeModel.PER_HEADCOUNT, "132", "198", "132.00 / 198.00 USD per head per month",
     "132.00 / 198.00 USD por persona al mes"),
    (Driver.SHELTER_FEE, FeeModel.PER_HOUR, "2.4", "3.6", "2.40 / 3.60 USD per worked hour",
     "2.40 / 3.60 USD por hora trabajada"),
    (Driver.SHELTER_FEE, FeeModel.MARKUP, "0.096", "0.144", "9.60% / 14.40% of loaded labor",
     "9.60 % / 14.40 % del costo integral de la mano de obra"),
    (Driver.HOURS_REFORM, FeeModel.MARKUP, "40", "48", "40 / 48 hours per week", "40 / 48 horas por semana"),
    (Driver.HOURS_REFORM, FeeModel.MARKUP, "42.5", "48", "42.5 / 48 hours per week", "42.5 / 48 horas por semana"),
    (Driver.SECTION_301, FeeModel.PER_HOUR, "0.15", "0.35", "15.0% / 35.0%", "15.0 % / 35.0 %"),
])
def test_the_sensitivity_table_reads_each_setting_in_its_unit(driver: Driver, fee: FeeModel, low: str, high: str,
                                                              en: str, es: str) -> None:
    assert draw.settings_text(row(driver, low, high), fee, "en") == en
    assert draw.settings_text(row(driver, low, high), fee, "es") == es


def test_the_tornado_states_the_markup_fee_in_percent(absurd: dict[str, BusinessCaseReport]) -> None:
    sc = absurd["es"].scenarios[0]
    chart = charts.tornado(sc.sensitivity, sc.result.case.shelter_fee.model)
    [fee] = [b for b in chart.bars if b.label == charts.DRIVER_LABELS[Driver.SHELTER_FEE]]
    assert draw.bar_settings_text(fee, "es") == "9.60 % / 14.40 % del costo integral de la mano de obra"
    shown = texts(draw.tornado(chart, WIDTHS["a4"], "es"))
    assert "9.60 %" in shown and "14.40 %" in shown


def test_axis_ticks_are_round_and_distinct() -> None:
    assert draw._tick_labels([0, 2_000_000, 4_000_000], "en") == ["0", "2 M", "4 M"]
    assert draw._tick_labels([17_500_000, 20_000_000, 22_500_000], "es") == ["17.5 M", "20.0 M", "22.5 M"]
    assert draw._tick_labels([-5_000, 0, 5_000, 10_000], "en") == ["-5 k", "0", "5 k", "10 k"]
    assert draw.compact(Decimal("15215311"), "en", 1) == "15.2 M"


# -- the label layout, for any text and width ---------------------------------------------------------------------
words = st.text(alphabet="abcdeñóáíéúü ÁÉ()/%,.-0123456789\u00a0", min_size=0, max_size=160)


@settings(max_examples=300, deadline=None)
@given(text=words, width=st.floats(min_value=8, max_value=400), lines=st.integers(min_value=1, max_value=3),
       keep=st.sampled_from(["", " (3/12)"]))
def test_a_laid_out_label_fits_its_width_in_its_lines(text: str, width: float, lines: int, keep: str) -> None:
    label = draw.layout(text, width, lines=lines, keep_end=keep)
    assert 1 <= len(label.lines) <= lines
    assert draw.MIN_SIZE <= label.size <= draw.LABEL_SIZE
    assert all(stringWidth(line, REGULAR, label.size) <= width + 1e-6 for line in label.lines)
    joined = " ".join(label.lines)
    if "…" not in joined:  # uncut: every word is there, in order
        assert joined.split() == (" ".join(text.split()) + keep).split()
    elif keep and width > 60:
        assert label.lines[-1].endswith(keep)

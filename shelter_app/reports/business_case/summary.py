
"""Section 1, the executive summary: the headline figures of each scenario, in a table and in words, and
the savings and cumulative cash-flow charts."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from reportlab.platypus import Flowable, Spacer

from shelter_app.core import business_charts as charts
from shelter_app.core.bilingual import Plural, Text
from shelter_app.core.business_case.result import YearResult
from shelter_app.core.business_report import ReportScenario
from shelter_app.reports import business_charts as draw
from shelter_app.reports.business_case.base import YEARS, Builder, irr_text, payback_text
from shelter_app.reports.pdfkit import markup

SCENARIOS = Plural(Text("{n} scenario", "{n} escenario"), Text("{n} scenarios", "{n} escenarios"))


def summary(b: Builder) -> list[Flowable]:
    out = b.section("summary")
    first = b.report.scenarios[0]
    year = b.ref_year(first)
    n = len(b.report.scenarios)
    horizon = b.count(YEARS, first.result.case.scenario.horizon_years)
    compared = b.count(SCENARIOS, n)
    intro = Text(
        f"This business case compares the cost of the current plant with a Mexican operation in {compared}. "
        f"Annual figures are for {year.year}, the first full year of operation; the returns cover {horizon} and "
        "the one-time start-up outlay. All figures are pre-tax.",
        f"Este caso de negocio compara el costo de la planta actual con una operación en México en {compared}. "
        f"Las cifras anuales corresponden a {year.year}, el primer año completo de operación; los indicadores "
        f"abarcan {horizon} y la inversión única de arranque. Todas las cifras son antes de impuestos.",
    )
    out.append(b.p(markup(b.t(intro))))
    out.append(_headline_table(b))
    out.append(Spacer(1, 6))
    for sc in b.report.scenarios:
        res = sc.result
        y = b.ref_year(sc)
        line = Text(
            f"<b>{markup(sc.name)}</b>: the Mexican operation costs {b.m(y.mexico.total_usd)} USD a year "
            f"against {b.m(y.baseline.total_usd)} USD today, saving {b.m(y.savings_usd)} USD "
            f"({b.pct(y.savings_usd / y.baseline.total_usd if y.baseline.total_usd else Decimal(0))}). "
            f"The {b.m(res.one_time.total_usd)} USD start-up outlay pays back in "
            f"{payback_text(res.returns.payback_years, len(res.years), 'en')}; NPV "
            f"{b.m(res.returns.npv_usd)} USD, IRR {irr_text(res.returns.irr, 'en')}.",
            f"<b>{markup(sc.name)}</b>: la operación en México cuesta {b.m(y.mexico.total_usd)} USD al año "
            f"frente a {b.m(y.baseline.total_usd)} USD hoy, un ahorro de {b.m(y.savings_usd)} USD "
            f"({b.pct(y.savings_usd / y.baseline.total_usd if y.baseline.total_usd else Decimal(0))}). La "
            f"inversión de arranque de {b.m(res.one_time.total_usd)} USD se recupera en "
            f"{payback_text(res.returns.payback_years, len(res.years), 'es')}; VPN "
            f"{b.m(res.returns.npv_usd)} USD, TIR {irr_text(res.returns.irr, 'es')}.",
        )
        out.append(b.p(b.t(line)))
        if sc.china is not None:  # the client buys these goods from China today: the other comparison
            china = sc.china
            cy = next((c for c in china.years if c.year == y.year), china.years[-1])
            ret = china.returns
            versus = Text(
                f"Against the China supplier, the same goods landed in the US cost {b.m(cy.landed_usd)} USD "
                f"in {cy.year} against {b.m(cy.mexico_usd)} USD made in Mexico with their materials, saving "
                f"{b.m(cy.savings_usd)} USD; NPV {b.m(ret.npv_usd)} USD, IRR {irr_text(ret.irr, 'en')}, "
                f"payback {payback_text(ret.payback_years, len(china.years), 'en')}.",
                f"Frente al proveedor en China, las mismas mercancías puestas en EE. UU. cuestan "
                f"{b.m(cy.landed_usd)} USD en {cy.year} contra {b.m(cy.mexico_usd)} USD fabricadas en "
                f"México con sus materiales, un ahorro de {b.m(cy.savings_usd)} USD; VPN "
                f"{b.m(ret.npv_usd)} USD, TIR {irr_text(ret.irr, 'es')}, recuperación en "
                f"{payback_text(ret.payback_years, len(china.years), 'es')}.",
            )
            out.append(b.p(b.t(versus)))
    out.append(draw.bar_chart(charts.savings_by_year(b.report.scenarios), b.width, b.lang, 165))
    out.append(Spacer(1, 6))
    out.append(draw.line_chart(charts.cumulative_cash_flow(b.report.scenarios), b.width, b.lang, 165))
    return out


def _headline_table(b: Builder) -> Flowable:
    rows: list[list[str]] = []
    labels: list[tuple[Text, Callable[[ReportScenario, YearResult], str]]] = [
        (Text("Annual cost in Mexico (USD)", "Costo anual en México (USD)"), lambda sc, y: b.m(y.mexico.total_usd)),
        (
            Text("Annual cost at the current location (USD)", "Costo anual en la ubicación actual (USD)"),
            lambda sc, y: b.m(y.baseline.total_usd),
        ),
        (Text("Annual savings (USD)", "Ahorro anual (USD)"), lambda sc, y: b.m(y.savings_usd)),
        (
            Text("One-time cost (USD)", "Costo único de arranque (USD)"),
            lambda sc, y: b.m(sc.result.one_time.total_usd),
        ),
        (
            Text("Payback", "Periodo de recuperación"),
            lambda sc, y: payback_text(sc.result.returns.payback_years, len(sc.result.years), b.lang),
        ),
        (
            Text("Net present value, NPV (USD)", "Valor presente neto, VPN (USD)"),
            lambda sc, y: b.m(sc.result.returns.npv_usd),
        ),
        (Text("Discount rate", "Tasa de descuento"), lambda sc, y: b.pct(sc.result.returns.discount_rate)),
        (
            Text("Internal rate of return, IRR", "Tasa interna de retorno, TIR"),
            lambda sc, y: irr_text(sc.result.returns.irr, b.lang),
        ),
        (
            Text("Reference year (first full year)", "Año de referencia (primer año completo)"),
            lambda sc, y: str(y.year),
        ),
    ]
    for pair, value in labels:
        rows.append([markup(b.t(pair)), *(markup(value(sc, b.ref_year(sc))) for sc in b.report.scenarios)])
    header = [b.w("item"), *(sc.name for sc in b.report.scenarios)]
    return b.table(header, rows, b.scenario_columns(b.width * 0.36), bold_rows=(2,))

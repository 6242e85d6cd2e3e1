# ruff: noqa: E501  (report prose in two languages: the sentences stay whole to be read and translated)
"""Sections 12 and 13: the comparison with the current location (and with a China supplier, when the
scenario has one), and the financials (cash flows, NPV, IRR, payback)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from reportlab.platypus import Flowable, Paragraph, Spacer

from shelter_app.core import business_charts as charts
from shelter_app.core.bilingual import Text
from shelter_app.core.business_case.china import ChinaComparison
from shelter_app.core.business_report import ReportScenario
from shelter_app.core.scenario_prefill import CHINA_TEMPLATE_INDICATIVE
from shelter_app.l10n import document_date
from shelter_app.reports import business_charts as draw
from shelter_app.reports.business_case.base import Builder, irr_text, number, payback_text, plain
from shelter_app.reports.business_case.words import BLOCK_ORDER
from shelter_app.reports.pdfkit import markup


def current(b: Builder) -> list[Flowable]:
    out = b.section("current")
    for sc in b.report.scenarios:
        out += b.sub(sc, "current")
        y = b.ref_year(sc)
        rows = []
        for name in BLOCK_ORDER:
            rows.append(
                [
                    markup(b.t(charts.BLOCK_LABELS[name])),
                    b.m(getattr(y.baseline.blocks_usd, name)),
                    b.m(getattr(y.mexico.blocks_usd, name)),
                    b.m(getattr(y.savings_by_block_usd, name)),
                ]
            )
        rows.append(
            [b.w("total"), b.m(y.baseline.total_usd), b.m(y.mexico.total_usd), b.m(y.savings_usd)]
        )
        us = b.t(Text("Current plant", "Planta actual"))
        out.append(
            b.table(
                [
                    b.t(Text(f"USD, {y.year}", f"USD, {y.year}")),
                    b.head(us, b.ind(sc, "us_baseline"), numeric=True),
                    b.t(Text("Mexico", "México")),
                    b.t(Text("Savings", "Ahorro")),
                ],
                rows,
                [b.width * f for f in (0.34, 0.22, 0.22, 0.22)],
                bold_rows=(len(rows) - 1,),
                keep=True,
            )
        )
        base = sc.result.case.us_baseline
        out.append(
            b.p(
                markup(
                    b.t(
                        Text(
                            f"Current plant: direct labor at {number(base.direct_wage_usd_per_hour, 'en')} USD/h × "
                            f"{plain(sc.result.parameters.us_paid_hours_per_year, 'en')} paid hours, indirect staff at "
                            f"{b.m(base.indirect_salary_usd_per_year)} USD/year, both with a benefits burden of "
                            f"{b.pct(base.benefits_burden_rate, 2)} (ECEC, paid leave excluded); the same headcount as "
                            "the Mexican plan at 48 hours.",
                            f"Planta actual: mano de obra directa a {number(base.direct_wage_usd_per_hour, 'es')} USD/h × "
                            f"{plain(sc.result.parameters.us_paid_hours_per_year, 'es')} horas pagadas, personal indirecto a "
                            f"{b.m(base.indirect_salary_usd_per_year)} USD/año, ambos con una carga de prestaciones de "
                            f"{b.pct(base.benefits_burden_rate, 2)} (ECEC, sin vacaciones pagadas); la misma plantilla "
                            "que el plan en México a 48 horas.",
                        )
                    )
                ),
                b.s.note,
            )
        )
        out.append(draw.waterfall(charts.waterfall_us_to_mx(y), b.width, b.lang))
        if sc.china is not None:
            out += _china(b, sc, sc.china)
    return out


def _china(b: Builder, sc: ReportScenario, c: ChinaComparison) -> list[Flowable]:
    """The China-supplier baseline: its inputs, the landed blocks beside Mexico + materials, its returns."""
    china, lang = c.china, b.lang
    base_year = c.years[0].year
    heading = Text(
        "Against a China supplier: landed cost",
        "Frente a un proveedor en China: costo puesto en EE. UU.",
    )
    out: list[Flowable] = [
        Paragraph(markup(b.t(heading)), b.s.h2 if len(b.report.scenarios) == 1 else b.s.h3)
    ]
    ends = document_date(china.section_122_ends_on, lang)
    usd_rate = b.pct(sc.result.parameters.escalation.usd_costs)
    ind = b.ind(sc, "_china_baseline", *CHINA_TEMPLATE_INDICATIVE)
    out.append(
        b.p(
            b.t(
                Text(
                    f"Buying the same goods from a Chinese supplier: {b.m(china.annual_fob_usd)} USD a year FOB in "
                    f"{base_year}{ind}, landed with duties on the FOB value (MFN {b.pct(china.mfn_rate, 2)}, Section 301 "
                    f"{b.pct(china.section_301_rate)}, Section 122 {b.pct(china.section_122_rate)} until {markup(ends)}), "
                    f"ocean freight and insurance at {b.pct(china.freight_insurance_rate)} of FOB, US customs broker and "
                    f"drayage of {b.m(china.annual_broker_drayage_usd)} USD a year, and {plain(china.pipeline_weeks, lang)} "
                    f"more weeks of goods in the pipeline carried at {b.pct(china.carrying_rate)} a year. The Chinese price "
                    f"includes the materials and the Mexican plant's costs do not, so the Mexican side adds the materials it "
                    f"buys to make the same goods: {b.m(china.annual_mexico_materials_usd)} USD a year. USD amounts rise "
                    f"{usd_rate} a year.",
                    f"Comprar la misma mercancía a un proveedor en China: {b.m(china.annual_fob_usd)} USD al año FOB en "
                    f"{base_year}{ind}, puesta en EE. UU. con aranceles sobre el valor FOB (NMF {b.pct(china.mfn_rate, 2)}, "
                    f"Sección 301 {b.pct(china.section_301_rate)}, Sección 122 {b.pct(china.section_122_rate)} hasta el "
                    f"{markup(ends)}), flete marítimo y seguro del {b.pct(china.freight_insurance_rate)} del FOB, agente "
                    f"aduanal y acarreo en EE. UU. de {b.m(china.annual_broker_drayage_usd)} USD al año, y "
                    f"{plain(china.pipeline_weeks, lang)} semanas más de mercancía en tránsito con un costo de mantenerla del "
                    f"{b.pct(china.carrying_rate)} anual. El precio chino incluye los materiales y los costos de la planta "
                    f"en México no, por lo que el lado de México suma los materiales que compra para fabricar lo mismo: "
                    f"{b.m(china.annual_mexico_materials_usd)} USD al año. Los importes en USD suben {usd_rate} al año.",
                )
            )
        )
    )
    years = c.years
    col = min(62.0, b.width * 0.7 / (len(years) + 1))
    label_w = b.width - col * (len(years) + 1)
    blank = ""

    def line(label: Text, values: Iterable[Decimal], first: str = blank) -> list[str]:
        return [markup(b.t(label)), first, *(b.m(v) for v in values)]

    s122 = Text("Section 122 (prorated)", "Sección 122 (prorrateada)")
    rows = [
        line(Text("FOB purchases", "Compras FOB"), (y.fob_usd for y in years)),
        line(Text("MFN duty", "Arancel NMF"), (y.mfn_usd for y in years)),
        line(Text("Section 301", "Sección 301"), (y.section_301_usd for y in years)),
        line(s122, (y.section_122_usd for y in years)),
        [markup(b.t(Text("  share of the year's days", "  parte de los días del año"))), blank,
         *(b.pct(y.section_122_share, 0) for y in years)],
        line(Text("Ocean freight and insurance", "Flete marítimo y seguro"), (y.freight_insurance_usd for y in years)),
        line(Text("US broker and drayage", "Agente aduanal y acarreo en EE. UU."), (y.broker_drayage_usd for y in years)),
        line(Text("Pipeline inventory carrying", "Costo del inventario en tránsito"), (y.carrying_usd for y in years)),
        line(Text("Landed from China", "Costo puesto desde China"), (y.landed_usd for y in years)),
        line(Text("Mexican plant (all blocks)", "Planta en México (todos los rubros)"), (y.mexico_plant_usd for y in years)),
        line(Text("Materials the Mexican plant buys", "Materiales que compra la planta"),
             (y.mexico_materials_usd for y in years)),
        line(Text("Mexico + materials", "México + materiales"), (y.mexico_usd for y in years)),
        line(Text("Savings against China", "Ahorro frente a China"), (y.savings_usd for y in years)),
        [markup(b.t(Text("Share realised (ramp)", "Proporción realizada (rampa)"))), blank,
         *(b.pct(y.ramp_realization, 0) for y in years)],
        line(Text("Working capital recovered", "Capital de trabajo recuperado"),
             (y.working_capital_recovery_usd for y in years)),
        [markup(b.t(Text("Cash flow", "Flujo de efectivo"))), *(b.m(f) for f in c.returns.cash_flows_usd)],
        [markup(b.t(Text("Cumulative", "Acumulado"))), *(b.m(f) for f in c.returns.cumulative_cash_flows_usd)],
    ]
    header = [b.t(Text("USD", "USD")), "t = 0", *(str(y.year) for y in years)]
    out.append(
        b.table(header, rows, [label_w, *([col] * (len(years) + 1))], numeric_from=1, bold_rows=(8, 11, 12, 15))
    )
    out.append(
        b.p(
            markup(
                b.t(
                    Text(
                        f"t = 0 is the same one-time outlay as against the current plant ({b.m(c.one_time_usd)} USD, "
                        "working capital included); a year realises the ramp's share of its savings.",
                        f"t = 0 es la misma inversión única que frente a la planta actual ({b.m(c.one_time_usd)} USD, "
                        "con el capital de trabajo); cada año realiza la proporción de la rampa de su ahorro.",
                    )
                )
            ),
            b.s.note,
        )
    )
    out.append(Spacer(1, 4))
    out.append(draw.bar_chart(charts.china_vs_mexico(c), b.width, lang, 160))
    out.append(Spacer(1, 4))
    r = c.returns
    out.append(
        b.kv(
            [
                (
                    b.t(Text(f"NPV against China at {b.pct(r.discount_rate)}",
                            f"VPN frente a China al {b.pct(r.discount_rate)}")),
                    f"<b>{b.m(r.npv_usd, 2)} USD</b>",
                ),
                (b.t(Text("IRR against China", "TIR frente a China")), markup(irr_text(r.irr, lang))),
                (
                    b.t(Text("Payback against China", "Recuperación frente a China")),
                    markup(payback_text(r.payback_years, len(years), lang)),
                ),
            ],
            0.38,
        )
    )
    return out


def financials(b: Builder) -> list[Flowable]:
    out = b.section("financials")
    for sc in b.report.scenarios:
        out += b.sub(sc, "financials")
        res = sc.result
        years = res.years
        header = [b.t(Text("USD", "USD")), "t = 0", *(str(y.year) for y in years)]
        col = min(62.0, b.width * 0.7 / (len(years) + 1))
        label_w = b.width - col * (len(years) + 1)
        flows = res.returns.cash_flows_usd
        cum = res.returns.cumulative_cash_flows_usd
        rows = [
            [b.t(Text("Mexico total", "Total México")), "", *(b.m(y.mexico.total_usd) for y in years)],
            [b.t(Text("Current plant", "Planta actual")), "", *(b.m(y.baseline.total_usd) for y in years)],
            [b.t(Text("Savings", "Ahorro")), "", *(b.m(y.savings_usd) for y in years)],
            [
                b.t(Text("Share realised (ramp)", "Proporción realizada (rampa)")),
                "",
                *(b.pct(y.ramp_realization, 0) for y in years),
            ],
            [
                b.t(Text("Working capital recovered", "Capital de trabajo recuperado")),
                "",
                *(b.m(y.working_capital_recovery_usd) for y in years),
            ],
            [b.t(Text("Cash flow", "Flujo de efectivo")), *(b.m(f) for f in flows)],
            [b.t(Text("Cumulative", "Acumulado")), *(b.m(c) for c in cum)],
        ]
        out.append(b.table(header, rows, [label_w, *([col] * (len(years) + 1))], bold_rows=(5,), keep=True))
        out.append(Spacer(1, 4))
        out.append(
            b.kv(
                [
                    (
                        b.t(
                            Text(
                                f"NPV at {b.pct(res.returns.discount_rate)}",
                                f"VPN al {b.pct(res.returns.discount_rate)}",
                            )
                        ),
                        f"<b>{b.m(res.returns.npv_usd, 2)} USD</b>",
                    ),
                    (b.t(Text("IRR", "TIR")), markup(irr_text(res.returns.irr, b.lang))),
                    (
                        b.t(Text("Payback", "Periodo de recuperación")),
                        markup(payback_text(res.returns.payback_years, len(years), b.lang)),
                    ),
                ],
                0.38,
            )
        )
    out.append(Spacer(1, 6))
    out.append(draw.line_chart(charts.cumulative_cash_flow(b.report.scenarios), b.width, b.lang, 160))
    out.append(
        b.p(
            markup(
                b.t(
                    Text(
                        "End-of-year discounting; t = 0 is the one-time outlay. The IRR is searched between −99 % and 1,000 %; "
                        "when the cash flows do not change sign there is none.",
                        "Descuento al final de cada año; t = 0 es la inversión única. La TIR se busca entre −99 % y 1,000 %; si "
                        "los flujos no cambian de signo, no existe.",
                    )
                )
            ),
            b.s.note,
        )
    )
    return out

# ruff: noqa: E501  (report prose in two languages: the sentences stay whole to be read and translated)
"""Sections 7 to 10: the facility, logistics and customs, trade and tax (the IVA memo and the IMMEX
readiness), and the one-time costs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from reportlab.platypus import Flowable, Paragraph, Spacer

from shelter_app.core import business_charts as charts
from shelter_app.core.bilingual import Text
from shelter_app.core.business_case.ieps import IepsMemo, ieps_memo
from shelter_app.core.business_case.result import IvaCost, YearResult
from shelter_app.reports.business_case.base import Builder
from shelter_app.reports.business_case.words import section_number
from shelter_app.reports.pdfkit import markup


def facility(b: Builder) -> list[Flowable]:
    out = b.section("facility")
    for sc in b.report.scenarios:
        out += b.sub(sc, "facility")
        case = sc.result.case
        f, u = case.facility, case.utilities

        rows = [
            b.field_row(sc, "facility.area_sqft", f.area_sqft),
            b.field_row(sc, "facility.rent_usd_per_sqft_month", f.rent_usd_per_sqft_month),
            b.field_row(sc, "facility.nnn_usd_per_sqft_month", f.nnn_usd_per_sqft_month),
            b.field_row(sc, "utilities.electricity_kwh_per_month", u.electricity_kwh_per_month),
            b.field_row(sc, "utilities.electricity_mxn_per_kwh", u.electricity_mxn_per_kwh, 3),
            b.field_row(sc, "utilities.water_gas_mxn_per_month", u.water_gas_mxn_per_month),
        ]
        overhead = b.label("site_overhead.usd_per_month")
        rows.append((
            overhead,
            b.amount("site_overhead.usd_per_month", case.site_overhead.usd_per_month)
            + b.ind(sc, "site_overhead.usd_per_month")
            + markup(b.t(Text(" (security, cleaning, IT, medical service, maintenance supplies, office)",
                          " (vigilancia, limpieza, TI, servicio médico, refacciones de mantenimiento, oficina)"))),
        ))
        out.append(b.kv(rows))
        out.append(Spacer(1, 6))
        years = sc.result.years
        lines: list[tuple[Text, Callable[[YearResult], Decimal]]] = [
            (Text("Rent", "Renta"), lambda y: y.mexico.facility.rent_usd),
            (Text("Taxes, insurance and maintenance (NNN)", "Impuestos, seguros y mantenimiento (NNN)"),
             lambda y: y.mexico.facility.nnn_usd),
            (charts.BLOCK_LABELS["utilities"], lambda y: y.mexico.blocks_usd.utilities),
            (charts.BLOCK_LABELS["site_overhead"], lambda y: y.mexico.site_overhead_usd),
        ]
        out.append(_by_year_table(b, years, lines, Text("USD per year", "USD por año")))
    out.append(
        b.p(
            markup(
                b.t(
                    Text(
                        f"Leasehold improvements are a one-time cost (section {section_number('one_time')}). Rents are asking rents for shell "
                        "buildings, mostly on NNN terms (the tenant also pays the property's taxes, insurance and "
                        "maintenance); no public market figure was found for the NNN charges, so confirm them with the "
                        "landlord.",
                        f"Las adecuaciones del inmueble son un costo único (sección {section_number('one_time')}). Las rentas son rentas de salida de "
                        "naves en obra gris, en su mayoría en términos NNN (el arrendatario paga además el predial, los "
                        "seguros y el mantenimiento); no se encontró una cifra pública de mercado para los cargos NNN, "
                        "por lo que conviene confirmarlos con el arrendador.",
                    )
                )
            ),
            b.s.note,
        )
    )
    return out


def _by_year_table(
    b: Builder,
    years: Sequence[YearResult],
    lines: Sequence[tuple[Text, Callable[[YearResult], Decimal]]],
    unit: Text,
    total: bool = True,
) -> Flowable:
    year_w = min(70.0, b.width * 0.62 / len(years))
    label_w = b.width - year_w * len(years)
    rows = [[markup(b.t(label)), *(b.m(pick(y)) for y in years)] for label, pick in lines]
    bold: tuple[int, ...] = ()
    if total:
        rows.append([b.w("total"), *(b.m(sum((pick(y) for _, pick in lines), Decimal(0))) for y in years)])
        bold = (len(rows) - 1,)
    return b.table(
        [b.t(unit), *(str(y.year) for y in years)], rows, [label_w, *([year_w] * len(years))], bold_rows=bold,
        keep=True,  # a few lines by year: never cut
    )


def logistics(b: Builder) -> list[Flowable]:
    out = b.section("logistics")
    for sc in b.report.scenarios:
        out += b.sub(sc, "logistics")
        lg, p = sc.result.case.logistics, sc.result.parameters

        rows = [
            b.field_row(sc, "logistics.northbound_loads_per_month", lg.northbound_loads_per_month),
            b.field_row(sc, "logistics.southbound_loads_per_month", lg.southbound_loads_per_month),
            b.field_row(sc, "logistics.crossing_usd_per_load", lg.crossing_usd_per_load),
            b.field_row(sc, "logistics.us_entry_usd_per_northbound_load", lg.us_entry_usd_per_northbound_load),
            b.field_row(sc, "logistics.us_export_filing_usd_per_southbound_load", lg.us_export_filing_usd_per_southbound_load),
            b.field_row(sc, "logistics.northbound_pedimentos_per_month", lg.northbound_pedimentos_per_month),
            b.field_row(sc, "logistics.southbound_pedimentos_per_month", lg.southbound_pedimentos_per_month),
            b.field_row(sc, "logistics.customs_broker_mxn_per_pedimento", lg.customs_broker_mxn_per_pedimento),
            b.field_row(sc, "logistics.dta_mxn_per_pedimento", p.dta_mxn_per_pedimento),
        ]
        out.append(b.kv(rows, 0.45))
        out.append(Spacer(1, 6))
        out.append(
            _by_year_table(
                b,
                sc.result.years,
                [
                    (
                        Text("Loads to the US (freight, crossing and US entry)",
                         "Cargas al norte (flete, cruce y declaración de importación)"),
                        lambda y: y.mexico.logistics.northbound_usd,
                    ),
                    (
                        Text("Loads from the US (freight, crossing and US export filing)",
                         "Cargas al sur (flete, cruce y aviso de exportación)"),
                        lambda y: y.mexico.logistics.southbound_usd,
                    ),
                    (
                        Text("Pedimentos (customs broker and DTA)", "Pedimentos (agente aduanal y DTA)"),
                        lambda y: y.mexico.logistics.pedimentos_usd,
                    ),
                ],
                Text("USD per year", "USD por año"),
            )
        )
    out.append(
        b.p(
            markup(
                b.t(
                    Text(
                        "Duties are 0 in this model: goods are assumed to qualify for USMCA, which also exempts them from "
                        "the US merchandise processing fee (MPF) and the Section 122 surcharge. Section 232 duties on metal "
                        "content still apply on their own terms and are not modelled.",
                        "Los aranceles son 0 en este modelo: se supone que la mercancía califica como originaria del T-MEC, "
                        "lo que también la exime de la cuota de procesamiento de mercancías (MPF) de EE. UU. y del recargo "
                        "de la Sección 122. Los aranceles de la Sección 232 sobre el contenido metálico siguen aplicando en "
                        "sus propios términos y no se modelan.",
                    )
                )
            ),
            b.s.note,
        )
    )
    return out


def _ieps_inputs(b: Builder, memo: IepsMemo | None) -> list[tuple[str, str]]:
    """The IEPS-taxed imports and their rate, after the IVA rate (none without IEPS)."""
    if memo is None:
        return []
    return [
        (
            b.label("_ieps.taxed_imports_usd_per_month"),
            b.amount("_ieps.taxed_imports_usd_per_month", memo.taxed_imports_usd_per_month),
        ),
        (b.label("_ieps.ieps_rate"), b.amount("_ieps.ieps_rate", memo.ieps_rate)),
    ]


def _tied_up(b: Builder, iva: IvaCost, memo: IepsMemo | None) -> list[tuple[str, str]]:
    """The cash tied up without the certification and its yearly cost: the IVA's, or with IEPS the total of both
    and the IEPS part on its own line."""
    if memo is None:
        label = Text("Without certification: cash tied up / cost per year",
                     "Sin certificación: efectivo inmovilizado / costo anual")
        return [(b.t(label), f"{b.m(iva.tied_up_usd)} USD / {b.m(iva.annual_cost_usd)} USD")]
    total, own = memo.total_if_not_certified, memo.if_not_certified
    return [
        (
            b.t(Text("Without certification: IVA and IEPS tied up / cost per year",
                     "Sin certificación: IVA e IEPS inmovilizados / costo anual")),
            f"{b.m(total.tied_up_usd)} USD / {b.m(total.annual_cost_usd)} USD",
        ),
        (
            b.t(Text("of which IEPS: cash tied up / cost per year", "de ello, IEPS: efectivo inmovilizado / costo anual")),
            f"{b.m(own.tied_up_usd)} USD / {b.m(own.annual_cost_usd)} USD",
        ),
    ]


def _status(certified: bool, *, with_ieps: bool) -> Text:
    """What the certification does for the scenario's imports; IEPS named only when the scenario has it."""
    if certified:
        return (Text("certified (A/AA/AAA): 100 % credit on the IVA and IEPS of temporary imports",
                     "certificada (A/AA/AAA): crédito del 100 % del IVA y del IEPS de las importaciones temporales")
                if with_ieps else
                Text("certified (A/AA/AAA): 100 % credit on the IVA of temporary imports",
                     "certificada (A/AA/AAA): crédito del 100 % del IVA de las importaciones temporales"))
    return (Text("not certified: the IVA and IEPS are paid and recovered later",
                 "sin certificación: el IVA y el IEPS se pagan y se recuperan después")
            if with_ieps else
            Text("not certified: the IVA is paid and recovered later",
                 "sin certificación: el IVA se paga y se recupera después"))


def trade(b: Builder) -> list[Flowable]:
    out = b.section("trade")
    memos = [ieps_memo(sc.result.iva_financing, sc.ieps) for sc in b.report.scenarios]
    with_ieps = any(memo is not None for memo in memos)
    title = (Text("IVA and IEPS on temporary imports", "IVA e IEPS en importaciones temporales") if with_ieps
             else Text("IVA on temporary imports", "IVA en importaciones temporales"))
    out.append(Paragraph(markup(b.t(title)), b.s.h2))
    for sc, memo in zip(b.report.scenarios, memos, strict=True):
        iva = sc.result.iva_financing
        benefit = iva.certification_benefit_usd_per_year if memo is None else memo.total_certification_benefit_usd_per_year
        status = b.t(_status(iva.certified, with_ieps=memo is not None))
        rows = [
            (b.label("iva_financing.certified"), markup(status) + b.ind(sc, "iva_financing.certified")),
            (
                b.label("iva_financing.temporary_imports_usd_per_month"),
                b.amount("iva_financing.temporary_imports_usd_per_month", iva.temporary_imports_usd_per_month)
                + b.ind(sc, "iva_financing.temporary_imports_usd_per_month"),
            ),
            (b.label("iva_financing.iva_rate"), b.amount("iva_financing.iva_rate", iva.iva_rate, 0)),
            *_ieps_inputs(b, memo),
            (
                b.label("iva_financing.recovery_lag_months"),
                b.amount("iva_financing.recovery_lag_months", iva.recovery_lag_months, exact=True),
            ),
            (
                b.label("iva_financing.cost_of_capital_rate"),
                b.amount("iva_financing.cost_of_capital_rate", iva.cost_of_capital_rate),
            ),
            *_tied_up(b, iva.if_not_certified, memo),
            (
                b.t(
                    Text(
                        "Cash benefit of operating certified (per year)",
                        "Beneficio en flujo de operar certificado (anual)",
                    )
                ),
                f"<b>{b.m(benefit)} USD</b>",
            ),
        ]
        if len(b.report.scenarios) > 1:
            out.append(Paragraph(markup(sc.name), b.s.h3))
        out.append(b.kv(rows, 0.45))
    out.append(
        b.p(
            markup(
                b.t(
                    Text(
                        "This is a memo item: it is not added to the annual costs or the cash flows. A bond or letter of credit "
                        "is the other alternative to certification; its fee would replace the cost of capital.",
                        "Es una partida informativa: no se suma a los costos anuales ni a los flujos. La otra alternativa a la "
                        "certificación es una fianza o carta de crédito, cuyo costo sustituiría al costo de capital.",
                    )
                )
            ),
            b.s.note,
        )
    )
    if with_ieps:
        out.append(
            b.p(
                markup(
                    b.t(
                        Text(
                            "Goods that bear IEPS pay it on import as well (LIEPS art. 15-A), and the certification credits "
                            "it on temporary imports together with the IVA (LIVA art. 28-A). Without it, the IEPS is tied up "
                            "for the same recovery period and at the same cost of capital as the IVA.",
                            "Las mercancías gravadas con IEPS también lo pagan al importarse (art. 15-A de la LIEPS), y la "
                            "certificación lo acredita en las importaciones temporales junto con el IVA (art. 28-A de la "
                            "LIVA). Sin ella, el IEPS queda inmovilizado el mismo plazo de recuperación y al mismo costo de "
                            "capital que el IVA.",
                        )
                    )
                ),
                b.s.note,
            )
        )
    out.append(
        Paragraph(
            markup(b.t(Text("IMMEX and IVA/IEPS readiness", "Avance de IMMEX y de la certificación IVA/IEPS"))),
            b.s.h2,
        )
    )
    project = b.report.project
    if project is None:
        out.append(b.p(markup(b.w("not_linked")), b.s.note))
        return out
    if not project.readiness:
        out.append(
            b.p(
                markup(
                    b.t(
                        Text(
                            "The project has no IMMEX or IVA/IEPS checklist: under a shelter the provider's program and "
                            "certification cover the operation.",
                            "El proyecto no tiene listas de IMMEX ni de IVA/IEPS: en un albergue, el programa y la certificación "
                            "del proveedor amparan la operación.",
                        )
                    )
                )
            )
        )
        return out
    programs = {"immex": "IMMEX", "iva_ieps": b.t(Text("IVA/IEPS certification", "Certificación IVA/IEPS"))}
    rows2 = []
    for pack in project.readiness:
        share = Decimal(pack.closed) / pack.total if pack.total else Decimal(0)
        rows2.append(
            [
                markup(programs[pack.program]),
                markup(b.t(pack.title)),
                f"{pack.closed} / {pack.total}",
                b.pct(share, 0),
                str(pack.open_critical),
                str(pack.to_verify),
            ]
        )
    out.append(
        b.table(
            [
                b.t(Text("Program", "Programa")),
                b.t(Text("Checklist", "Lista de verificación")),
                b.t(Text("Closed", "Cerradas")),
                b.t(Text("Progress", "Avance")),
                b.t(Text("Open critical", "Críticas abiertas")),
                b.t(Text("To verify", "Por verificar")),
            ],
            rows2,
            [b.width * f for f in (0.16, 0.38, 0.12, 0.1, 0.12, 0.12)],
            numeric_from=2,
        )
    )
    return out


def one_time(b: Builder) -> list[Flowable]:
    out = b.section("one_time")
    for sc in b.report.scenarios:
        out += b.sub(sc, "one_time")
        ot = sc.result.one_time
        rows = [[markup(b.item_name(item)), b.m(item.amount_usd)] for item in ot.items]
        rows.append([b.t(Text("Subtotal", "Subtotal")), b.m(ot.subtotal_usd)])
        sub_row = len(rows) - 1
        rows.append(
            [
                b.t(
                    Text(
                        f"Contingency {b.pct(ot.contingency_rate, 0)}",
                        f"Contingencia {b.pct(ot.contingency_rate, 0)}",
                    )
                ),
                b.m(ot.contingency_usd),
            ]
        )
        rows.append(
            [
                b.t(
                    Text(
                        "Pipeline inventory (working capital, recovered in the last year)",
                        "Inventario en tránsito (capital de trabajo, se recupera el último año)",
                    )
                ),
                b.m(ot.pipeline_inventory_usd),
            ]
        )
        rows.append([b.t(Text("Total at t = 0", "Total en t = 0")), b.m(ot.total_usd)])
        out.append(b.table(
            [b.head(b.w("item"), b.ind(sc, "one_time")), "USD"],
            rows,
            [b.width * 0.72, b.width * 0.28],
            bold_rows=(sub_row, len(rows) - 1),
            keep=len(rows) <= 25,  # a list of start-up items is not split over pages
        ))
    return out

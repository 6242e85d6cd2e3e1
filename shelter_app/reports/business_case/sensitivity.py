# ruff: noqa: E501  (report prose in two languages: the sentences stay whole to be read and translated)
"""Section 14, the sensitivity: each driver moved on its own, as a tornado chart and a table (and against
the China supplier, when the scenario has one)."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Spacer

from shelter_app.core import business_charts as charts
from shelter_app.core.bilingual import Text
from shelter_app.core.business_case.sensitivity import Sensitivity
from shelter_app.core.business_report import ReportScenario
from shelter_app.reports import business_charts as draw
from shelter_app.reports.business_case.base import Builder
from shelter_app.reports.pdfkit import keep_with_next, markup


def sensitivity(b: Builder) -> list[Flowable]:
    out = b.section("sensitivity")
    out.append(
        b.p(
            markup(
                b.t(
                    Text(
                        "Each driver is moved on its own, everything else held, and the whole case recomputed (the reform "
                        "schedule, the SBC caps and the PTU pool react as in the base case). Rows are sorted by the swing of "
                        "the NPV. The exchange-rate case is the one a reader should look at first when the peso moves.",
                        "Cada variable se mueve por separado, con todo lo demás constante, y se recalcula el caso completo (el "
                        "calendario de la reforma, los topes del SBC y la bolsa de PTU reaccionan como en el caso base). Los "
                        "renglones se ordenan por la amplitud del VPN; el tipo de cambio es el primero que conviene revisar "
                        "cuando se mueve el peso.",
                    )
                )
            )
        )
    )
    keep_with_next(out[-1])  # the introduction stays with the first chart
    for sc in b.report.scenarios:
        out += _tornado_block(b, sc, sc.sensitivity, b.sub(sc, "sensitivity"))
        if sc.china_sensitivity is not None:
            heading = Paragraph(
                markup(b.t(Text("Against the China supplier", "Frente al proveedor en China"))), b.s.h3
            )
            note = b.p(
                markup(
                    b.t(
                        Text(
                            "The same drivers measured against the China supplier's landed cost, and the Section 301 "
                            "tariff moved 10 percentage points down (never below 0) and up: a dearer Chinese duty "
                            "makes Mexico look better.",
                            "Las mismas variables medidas frente al costo puesto del proveedor en China, y el arancel "
                            "de la Sección 301 movido 10 puntos porcentuales hacia abajo (nunca bajo 0) y hacia arriba: "
                            "un arancel chino más caro favorece a México.",
                        )
                    )
                ),
                b.s.note,
            )
            title = Text("NPV sensitivity against the China supplier", "Sensibilidad del VPN frente a China")
            out += _tornado_block(b, sc, sc.china_sensitivity, [heading, keep_with_next(note)], title)
    return out


def _tornado_block(
    b: Builder, sc: ReportScenario, sens: Sensitivity, heading: list[Flowable], title: Text | None = None
) -> list[Flowable]:
    fee_model = sc.result.case.shelter_fee.model
    tornado = draw.tornado(charts.tornado(sens, fee_model, title), b.width, b.lang)
    rows = []
    for row in sens.rows:
        rows.append(
            [
                markup(b.t(charts.DRIVER_LABELS[row.driver])),
                markup(draw.settings_text(row, fee_model, b.lang)),
                b.m(row.low.npv_usd),
                b.m(row.high.npv_usd),
                b.m(row.low.first_full_year_savings_usd),
                b.m(row.high.first_full_year_savings_usd),
                b.m(row.swing_usd),
            ]
        )
    rows.append(
        [
            b.t(Text("Base case", "Caso base")),
            "",
            b.m(sens.base.npv_usd),
            "",
            b.m(sens.base.first_full_year_savings_usd),
            "",
            "",
        ]
    )
    year = sens.first_full_year
    table = b.table(
        [
            b.t(Text("Driver", "Variable")),
            b.t(Text("Low / high", "Bajo / alto")),
            b.t(Text("NPV low", "VPN bajo")),
            b.t(Text("NPV high", "VPN alto")),
            b.t(Text(f"Savings {year} low", f"Ahorro {year} bajo")),
            b.t(Text(f"Savings {year} high", f"Ahorro {year} alto")),
            b.t(Text("Swing", "Amplitud")),
        ],
        rows,
        [b.width * f for f in (0.24, 0.19, 0.12, 0.12, 0.11, 0.11, 0.11)],
        numeric_from=1,
        bold_rows=(len(rows) - 1,),
    )
    return [*heading, tornado, Spacer(1, 8), table]

# ruff: noqa: E501  (report prose in two languages: the sentences stay whole to be read and translated)
"""Sections 2 to 4: the project profile and its assumptions, the scenario comparison with the weighted
site score, and the operating structure (shelter or own entity) with its fee."""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Decimal

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from shelter_app.core import business_charts as charts
from shelter_app.core.business_case.inputs import FeeModel
from shelter_app.core.business_case.result import YearResult, direct_hourly_usd
from shelter_app.core.business_case.site_score import SiteScore
from shelter_app.core.business_report import STRUCTURE_OWN_ENTITY, ReportScenario
from shelter_app.reports.business_case.base import Builder, in_sentence, irr_text, number, payback_text, plain
from shelter_app.reports.business_case.words import (
    ANNUAL_SAVINGS,
    BLOCK_ORDER,
    MARK_INDICATIVE,
    MEXICO_TOTAL,
    SCORE_CRITERIA,
    SITE_SCORE,
    section_number,
)
from shelter_app.reports.pdfkit import AMBER_TEXT, hex_color, markup

INDICATIVE_LABELS: tuple[tuple[str, tuple[str, str]], ...] = (
    ("workforce.roles", ("Roles and headcount", "Puestos y plantilla")),
    ("location.state", ("State", "Estado")),
    ("facility", ("Facility (area, rent, NNN)", "Instalaciones (superficie, renta, NNN)")),
    ("utilities", ("Utilities", "Servicios")),
    ("site_overhead", ("Site overhead", "Gastos generales del sitio")),
    ("shelter_fee", ("Shelter fee", "Tarifa del albergue")),
    ("logistics", ("Logistics", "Logística")),
    ("us_baseline", ("Current (US) plant", "Planta actual (EE. UU.)")),
    ("one_time", ("One-time costs", "Costos únicos")),
    ("scenario.fx_mxn_per_usd", ("Exchange rate", "Tipo de cambio")),
    ("scenario.discount_rate", ("Discount rate", "Tasa de descuento")),
    ("escalation", ("Escalation rates", "Tasas de incremento")),
    ("iva_financing", ("IVA financing memo", "Memoria de financiamiento del IVA")),
    ("statutory", ("Statutory values", "Valores legales")),
    ("_china_baseline", ("China supplier baseline", "Comparación con el proveedor en China")),
    ("_site", ("Site facts (vacancy, distance to the crossing)", "Datos del sitio (vacancia, distancia al cruce)")),
)



def profile(b: Builder) -> list[Flowable]:
    out = b.section("profile")
    for sc in b.report.scenarios:
        out += b.sub(sc, "profile")
        _res, case, p = sc.result, sc.result.case, sc.result.parameters
        doc_scenario = sc.document.get("scenario", {}) if isinstance(sc.document, dict) else {}
        fx_date = doc_scenario.get("_fx_as_of") if isinstance(doc_scenario, dict) else None
        fx_source = doc_scenario.get("_fx_source") if isinstance(doc_scenario, dict) else None
        fx_note = b.t(
            (
                f"planning rate of the scenario, held flat; {f'as of {fx_date}' if fx_date else 'no date given'}"
                f"{f', source: {fx_source}' if fx_source else ''}",
                f"tipo de cambio de planeación del escenario, constante; "
                f"{f'al {fx_date}' if fx_date else 'sin fecha indicada'}"
                f"{f', fuente: {fx_source}' if fx_source else ''}",
            )
        )
        e = p.escalation
        direct = sum((r.headcount for r in case.workforce.roles if r.direct), Decimal(0))
        indirect = sum((r.headcount for r in case.workforce.roles if not r.direct), Decimal(0))
        zone = (
            b.t(("Northern border free zone (ZLFN)", "Zona Libre de la Frontera Norte (ZLFN)"))
            if p.wage_zone.value == "border" or str(p.wage_zone) == "zlfn"
            else b.t(("General zone", "Zona general"))
        )
        ramp = ", ".join(
            f"{y}: {b.pct(v, 0)}" for y, v in sorted(case.scenario.ramp_realization_by_year.items())
        )
        rows = [
            (
                b.t(("Location", "Ubicación")),
                markup(", ".join(x for x in (case.location.city, p.state) if x)) + b.ind(sc, "location.state"),
            ),
            (b.t(("Minimum-wage zone", "Zona de salario mínimo")), markup(zone)),
            (b.t(("Operating structure", "Estructura de operación")), markup(_structure_name(b, sc))),
            (
                b.t(("Base year and horizon", "Año base y horizonte")),
                b.t(
                    (
                        f"{case.scenario.base_year}, {case.scenario.horizon_years} years",
                        f"{case.scenario.base_year}, {case.scenario.horizon_years} años",
                    )
                ),
            ),
            (
                b.t(("Exchange rate (MXN per USD)", "Tipo de cambio (MXN por USD)")),
                f"{number(case.scenario.fx_mxn_per_usd, b.lang, 4)} — {markup(fx_note)}"
                + b.ind(sc, "scenario.fx_mxn_per_usd"),
            ),
            (
                b.t(("Discount rate", "Tasa de descuento")),
                b.pct(case.scenario.discount_rate) + b.ind(sc, "scenario.discount_rate"),
            ),
            (
                b.t(("Escalation per year", "Incremento anual")),
                b.t(
                    (
                        f"Mexican wages {b.pct(e.mx_wages)}, minimum wage {b.pct(e.min_wage)}, UMA "
                        f"{b.pct(e.uma, 2)}, Mexican CPI {b.pct(e.mx_cpi, 2)}, USD costs {b.pct(e.usd_costs)}, "
                        f"US wages {b.pct(e.us_wages)}",
                        f"salarios en México {b.pct(e.mx_wages)}, salario mínimo {b.pct(e.min_wage)}, UMA "
                        f"{b.pct(e.uma, 2)}, INPC {b.pct(e.mx_cpi, 2)}, costos en USD {b.pct(e.usd_costs)}, "
                        f"salarios en EE. UU. {b.pct(e.us_wages)}",
                    )
                )
                + b.ind(sc, "escalation"),
            ),
            (
                b.t(("Headcount (48-hour week)", "Plantilla (semana de 48 horas)")),
                b.t(
                    (
                        f"{plain(direct + indirect, b.lang)} ({plain(direct, b.lang)} direct, "
                        f"{plain(indirect, b.lang)} indirect) in {len(case.workforce.roles)} role(s)",
                        f"{plain(direct + indirect, b.lang)} ({plain(direct, b.lang)} directos, "
                        f"{plain(indirect, b.lang)} indirectos) en {len(case.workforce.roles)} puesto(s)",
                    )
                )
                + b.ind(sc, "workforce.roles"),
            ),
            (b.t(("Productivity vs plan", "Productividad vs plan")), plain(p.productivity_factor, b.lang)),
            (
                b.t(("Seniority modelled", "Antigüedad modelada")),
                b.t(
                    (
                        f"{p.seniority_years} year(s): {plain(p.vacation_days, b.lang)} vacation days",
                        f"{p.seniority_years} año(s): {plain(p.vacation_days, b.lang)} días de vacaciones",
                    )
                ),
            ),
            (
                b.t(("Minimum wage / UMA (MXN per day)", "Salario mínimo / UMA (MXN por día)")),
                f"{number(p.min_wage_mxn_per_day, b.lang)} / {number(p.uma_mxn_per_day, b.lang)}",
            ),
            (
                b.t(("Payroll tax (ISN) / work-risk premium", "ISN / prima de riesgo de trabajo")),
                f"{b.pct(p.isn_rate, 2)} / {b.pct(p.rt_premium_rate, 5)} "
                f"({b.t(('class', 'clase'))} {p.risk_class.value})",
            ),
            (
                b.t(("Phased transfer (share of savings realised)", "Transferencia gradual (ahorro realizado)")),
                ramp
                or b.t(
                    ("none: full savings from the first year", "ninguna: ahorro completo desde el primer año")
                ),
            ),
        ]
        out.append(b.kv(rows))
        out += _overrides(b, sc)
        out += _indicative_list(b, sc)
    return out


def _structure_name(b: Builder, sc: ReportScenario) -> str:
    if sc.structure == STRUCTURE_OWN_ENTITY:
        return b.t(
            ("Own Mexican entity with its own IMMEX program", "Entidad mexicana propia con programa IMMEX propio")
        )
    return b.t(
        (
            "Shelter (albergue): the provider's entity and IMMEX program",
            "Albergue (shelter): la entidad y el programa IMMEX del proveedor",
        )
    )


def _overrides(b: Builder, sc: ReportScenario) -> list[Flowable]:
    overrides = sc.result.parameters.overrides
    if not overrides:
        return [
            b.p(
                markup(
                    b.t(
                        (
                            "Every statutory value comes from the reference tables (appendix).",
                            "Todos los valores legales provienen de las tablas de referencia (anexo).",
                        )
                    )
                ),
                b.s.note,
            )
        ]
    rows = []
    for o in overrides:
        reason = o.reason or b.t(("no reason given", "sin motivo indicado"))
        rows.append(
            [
                markup(o.parameter),
                markup(b.param_value(o.parameter, o.value)),
                markup(b.param_value(o.parameter, o.reference_value) if o.reference_value is not None else "—"),
                markup(reason),
            ]
        )
    return [
        Paragraph(
            markup(
                b.t(
                    (
                        "Values set instead of the reference tables",
                        "Valores indicados en lugar de las tablas de referencia",
                    )
                )
            ),
            b.s.h3,
        ),
        b.table(
            [
                b.t(("Parameter", "Parámetro")),
                b.t(("Used", "Usado")),
                b.t(("Table", "Tabla")),
                b.t(("Reason", "Motivo")),
            ],
            rows,
            [b.width * f for f in (0.3, 0.15, 0.15, 0.4)],
            numeric_from=1,
        ),
    ]


def _indicative_list(b: Builder, sc: ReportScenario) -> list[Flowable]:
    if not sc.indicative:
        return []
    names = []
    for path in sorted(sc.indicative):
        label = next(
            (
                b.t(pair)
                for prefix, pair in INDICATIVE_LABELS
                if path == prefix or path.startswith(prefix + ".") or path.startswith(prefix + "[")
            ),
            path,
        )
        if "daily_wage" in path or "market_benefits" in path:
            label = b.t(("Wages and market benefits", "Salarios y prestaciones de mercado"))
        if label not in names:
            names.append(label)
    text = b.t(
        (
            "Still indicative (prefill figures, not the client's own): ",
            "Aún indicativos (cifras de la precarga, no propias del cliente): ",
        )
    )
    return [
        Paragraph(
            f'<font color="{hex_color(AMBER_TEXT)}">{MARK_INDICATIVE}</font> {markup(text)}'
            f"{markup('; '.join(names))}.",
            b.s.small,
        )
    ]


def comparison(b: Builder) -> list[Flowable]:
    out = b.section("comparison")
    if len(b.report.scenarios) == 1:
        out.append(
            b.p(
                markup(
                    b.t(
                        (
                            "One scenario is in this document; add scenarios (another city, own entity instead of a shelter) "
                            "to compare them side by side.",
                            "Este documento tiene un escenario; agregue otros (otra ciudad, entidad propia en lugar de albergue) "
                            "para compararlos lado a lado.",
                        )
                    )
                ),
                b.s.note,
            )
        )

    scores = {id(sc): score for sc, score in zip(b.report.scenarios, b.report.site_scores, strict=True)}

    def operator_wage(sc: ReportScenario) -> str:
        """The daily wage of the largest direct role (the operator the market quotes)."""
        direct = [(n, r) for n, r in enumerate(sc.result.case.workforce.roles) if r.direct and r.headcount > 0]
        if not direct:
            return "—"
        n, role = max(direct, key=lambda pair: pair[1].headcount)
        return number(role.daily_wage_mxn, b.lang, 2) + b.ind(sc, f"workforce.roles[{n}].daily_wage_mxn")

    def turnover(sc: ReportScenario) -> str:
        rate = scores[id(sc)].criteria.turnover_rate
        if rate is None:
            return "—"
        roles = sc.result.case.workforce.roles
        marked = [f"workforce.roles[{n}].market_benefits.turnover_rate" for n, role in enumerate(roles) if role.direct]
        return b.pct(rate, 0) + b.ind(sc, *marked)

    def site_value(sc: ReportScenario, key: str) -> str:
        site = sc.site
        value = None if site is None else getattr(site, key)
        if value is None:
            return "—"
        text = b.pct(value, 1) if key == "vacancy_rate" else number(value, b.lang, 0)
        return text + b.ind(sc, f"_site.{key}")

    def talent(sc: ReportScenario) -> str:
        return markup(sc.site.talent_pool) if sc.site is not None and sc.site.talent_pool else "—"

    specs: list[tuple[tuple[str, str], Callable[[ReportScenario, YearResult], str]]] = [
        (
            ("Location", "Ubicación"),
            lambda sc, y: markup(
                ", ".join(x for x in (sc.result.case.location.city, sc.result.parameters.state) if x)
            ),
        ),
        (
            ("Structure", "Estructura"),
            lambda sc, y: markup(
                b.t(
                    ("Own entity", "Entidad propia")
                    if sc.structure == STRUCTURE_OWN_ENTITY
                    else ("Shelter", "Albergue")
                )
            ),
        ),
        (
            ("Minimum wage (MXN/day)", "Salario mínimo (MXN/día)"),
            lambda sc, y: number(sc.result.parameters.min_wage_mxn_per_day, b.lang),
        ),
        (
            ("Operator daily wage (MXN, base year)", "Salario diario del operador (MXN, año base)"),
            lambda sc, y: operator_wage(sc),
        ),
        (("Payroll tax (ISN)", "ISN"), lambda sc, y: b.pct(sc.result.parameters.isn_rate, 2)),
        (
            ("Rent (USD per sq ft per month)", "Renta (USD por pie² al mes)"),
            lambda sc, y: number(sc.result.case.facility.rent_usd_per_sqft_month, b.lang, 2)
            + b.ind(sc, "facility.rent_usd_per_sqft_month"),
        ),
        (
            ("FTE in the reference year", "FTE en el año de referencia"),
            lambda sc, y: number(y.fte.total, b.lang, 1),
        ),
        (
            ("Direct labor, loaded USD per worked hour", "Mano de obra directa, USD integrales por hora trabajada"),
            lambda sc, y: number(direct_hourly_usd(y) or Decimal(0), b.lang),
        ),
        (
            ("Turnover of direct roles (per year, by headcount)", "Rotación del personal directo (anual, por plantilla)"),
            lambda sc, y: turnover(sc),
        ),
        (
            ("Industrial vacancy of the market", "Vacancia industrial del mercado"),
            lambda sc, y: site_value(sc, "vacancy_rate"),
        ),
        (
            ("Distance to the border crossing or customer (km)", "Distancia al cruce fronterizo o al cliente (km)"),
            lambda sc, y: site_value(sc, "distance_to_crossing_km"),
        ),
        (
            ("Crossing freight per load (USD, base year)", "Flete de cruce por carga (USD, año base)"),
            lambda sc, y: b.m(sc.result.case.logistics.crossing_usd_per_load)
            + b.ind(sc, "logistics.crossing_usd_per_load"),
        ),
        (("Talent pool", "Oferta de talento"), lambda sc, y: talent(sc)),
        *[
            (_block_pair(b, name), functools.partial(_block_value, b, name))
            for name in BLOCK_ORDER
        ],
        (MEXICO_TOTAL, lambda sc, y: b.m(y.mexico.total_usd)),
        (("Current plant (USD/yr)", "Planta actual (USD/año)"), lambda sc, y: b.m(y.baseline.total_usd)),
        (ANNUAL_SAVINGS, lambda sc, y: b.m(y.savings_usd)),
        (("One-time cost (USD)", "Costo único (USD)"), lambda sc, y: b.m(sc.result.one_time.total_usd)),
        (("NPV (USD)", "VPN (USD)"), lambda sc, y: b.m(sc.result.returns.npv_usd)),
        (("IRR", "TIR"), lambda sc, y: irr_text(sc.result.returns.irr, b.lang)),
        (
            ("Payback", "Recuperación"),
            lambda sc, y: payback_text(sc.result.returns.payback_years, len(sc.result.years), b.lang),
        ),
        (SITE_SCORE, lambda sc, y: _score_text(b, scores[id(sc)])),
    ]
    rows = [[markup(b.t(pair)), *(fn(sc, b.ref_year(sc)) for sc in b.report.scenarios)] for pair, fn in specs]
    header = [b.w("item"), *(sc.name for sc in b.report.scenarios)]
    bold = [n for n, (pair, _) in enumerate(specs) if pair in (MEXICO_TOTAL, ANNUAL_SAVINGS, SITE_SCORE)]
    out.append(b.table(header, rows, b.scenario_columns(b.width * 0.34), bold_rows=bold))
    out += _score_build(b, scores[id(b.report.scenarios[0])])
    return out


def _score_text(b: Builder, score: SiteScore) -> str:
    if score.score is None:
        return markup(b.t(("needs two or more scenarios", "requiere dos o más escenarios")))
    n = len(b.report.scenarios)
    rank = b.t((f"rank {score.rank} of {n}", f"lugar {score.rank} de {n}"))
    return f"{number(score.score, b.lang, 1)} ({rank})"


def _score_build(b: Builder, first: SiteScore) -> list[Flowable]:
    """How the weighted score is built: each criterion's points per scenario, and what was left out."""
    if first.score is None:  # the score row already says it needs two or more scenarios
        return []
    method = section_number("method")
    out: list[Flowable] = [
        Spacer(1, 6),
        b.p(
            markup(
                b.t(
                    (
                        "How the weighted site score is built: each criterion is rescaled between the compared scenarios "
                        "(best 100, worst 0; lower is better except vacancy, where more available space is better) "
                        f"and weighted as shown (section {method} gives the rule).",
                        "Cómo se construye la puntuación ponderada del sitio: cada criterio se reescala entre los escenarios "
                        "comparados (el mejor 100, el peor 0; menor es mejor salvo la vacancia, donde más espacio disponible "
                        f"es mejor) y se pondera como se indica (la sección {method} da la regla).",
                    )
                )
            ),
            b.s.note,
        ),
    ]
    rows = []
    for key in first.used:
        weight = first.weights[key]
        label = f"{b.t(SCORE_CRITERIA[key])} ({b.pct(weight / 100, 0 if weight == weight.to_integral() else 1)})"
        rows.append([markup(label), *(number(sc.points[key], b.lang, 0) for sc in b.report.site_scores)])
    rows.append([markup(b.t(SITE_SCORE)), *(_score_text(b, sc) for sc in b.report.site_scores)])
    header = [b.t(("Criterion (weight)", "Criterio (peso)")), *(sc.name for sc in b.report.scenarios)]
    table = b.table(header, rows, b.scenario_columns(b.width * 0.34), bold_rows=(len(rows) - 1,))
    out[1:] = [KeepTogether([*out[1:], table])]  # the explanation stays with its table
    if first.left_out:
        names = ", ".join(in_sentence(b.t(SCORE_CRITERIA[k])) for k in first.left_out)
        out.append(
            b.p(
                markup(
                    b.t(
                        (
                            f"Left out of the score because not every scenario has it: {names}.",
                            f"Fuera de la puntuación porque no todos los escenarios lo tienen: {names}.",
                        )
                    )
                ),
                b.s.note,
            )
        )
    return out


def _block_value(b: Builder, name: str, _scenario: ReportScenario, year: YearResult) -> str:
    return b.m(getattr(year.mexico.blocks_usd, name))


def _block_pair(b: Builder, name: str) -> tuple[str, str]:
    label = charts.BLOCK_LABELS[name]
    return f"{label.en} (USD/yr)", f"{label.es} (USD/año)"


def structure(b: Builder) -> list[Flowable]:
    out = b.section("structure")
    out.append(
        b.p(
            markup(
                b.t(
                    (
                        "Under a shelter, the provider's Mexican entity employs the workforce, holds the IMMEX program and, "
                        "where it has it, the IVA/IEPS certification; the client owns the machinery and directs production. "
                        "With an own entity, the client incorporates, registers with IMSS, SAT and INFONAVIT, applies for its own "
                        "IMMEX program and certification, and staffs payroll, tax and trade compliance itself. Operating costs "
                        "are shown without the shelter fee, which is a separate line.",
                        "En un albergue (shelter), la entidad mexicana del proveedor emplea al personal, es titular del programa "
                        "IMMEX y, en su caso, de la certificación en IVA e IEPS; el cliente es dueño de la maquinaria y dirige la "
                        "producción. Con una entidad propia, el cliente constituye su sociedad, se registra ante el IMSS, el SAT y "
                        "el INFONAVIT, tramita su propio programa IMMEX y su certificación, y contrata a su propio personal de "
                        "nómina, impuestos y comercio exterior. Los costos de operación se muestran sin la tarifa del albergue, "
                        "que es un renglón aparte.",
                    )
                )
            )
        )
    )
    models = {
        FeeModel.PER_HEADCOUNT: ("per head per month", "por persona al mes"),
        FeeModel.PER_HOUR: ("per worked hour", "por hora trabajada"),
        FeeModel.MARKUP: ("markup on loaded labor", "margen sobre la mano de obra integral"),
    }
    for sc in b.report.scenarios:
        out += b.sub(sc, "structure")
        fee = sc.result.case.shelter_fee
        y0, y = sc.result.years[0], b.ref_year(sc)
        price = {
            FeeModel.PER_HEADCOUNT: fee.usd_per_head_per_month,
            FeeModel.PER_HOUR: fee.usd_per_worked_hour,
            FeeModel.MARKUP: fee.markup_rate,
        }[fee.model] or Decimal(0)
        price_text = b.pct(price, 2) if fee.model is FeeModel.MARKUP else f"{number(price, b.lang)} USD"
        rows = [
            (b.t(("Structure", "Estructura")), markup(_structure_name(b, sc))),
            (
                b.t(("Fee model", "Modelo de tarifa")),
                markup(f"{b.t(models[fee.model])}: {price_text} ({y0.year})") + b.ind(sc, "shelter_fee"),
            ),
        ]
        if sc.structure == STRUCTURE_OWN_ENTITY and price == 0:
            rows[1] = (b.t(("Fee model", "Modelo de tarifa")), markup(b.t((
                "no shelter fee: the own entity carries its administration in its own payroll (section 6)",
                "sin tarifa de albergue: la entidad propia absorbe su administración en su nómina (sección 6)"))))
            out.append(b.kv(rows, 0.3))
            continue
        for year in dict.fromkeys((y0, y)):
            f = year.mexico.shelter_fee
            rows.append(
                (
                    b.t((f"Fee {year.year} and its equivalents", f"Tarifa {year.year} y sus equivalentes")),
                    b.t(
                        (
                            f"{b.m(f.fee_usd)} USD/yr = {number(f.equivalent_usd_per_head_month, b.lang)} "
                            f"USD per head-month = {number(f.equivalent_usd_per_worked_hour, b.lang, 4)} "
                            f"USD per worked hour = {b.pct(f.equivalent_markup_on_loaded_labor, 2)} of "
                            "loaded Mexican labor",
                            f"{b.m(f.fee_usd)} USD/año = {number(f.equivalent_usd_per_head_month, b.lang)} "
                            f"USD por persona al mes = {number(f.equivalent_usd_per_worked_hour, b.lang, 4)} "
                            f"USD por hora trabajada = {b.pct(f.equivalent_markup_on_loaded_labor, 2)} de "
                            "la mano de obra integral en México",
                        )
                    ),
                )
            )
        out.append(b.kv(rows, 0.3))
    return out

# ruff: noqa: E501  (report prose in two languages: the sentences stay whole to be read and translated)
"""Sections 2 to 4: the project profile and its assumptions, the scenario comparison with the weighted
site score, and the operating structure (shelter or own entity) with its fee."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from decimal import Decimal

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from shelter_app.core import business_charts as charts
from shelter_app.core.bilingual import Plural, Text
from shelter_app.core.business_case import schema
from shelter_app.core.business_case.inputs import FeeModel
from shelter_app.core.business_case.result import YearResult, direct_hourly_usd
from shelter_app.core.business_case.site_score import SiteScore
from shelter_app.core.business_report import STRUCTURE_OWN_ENTITY, ReportScenario
from shelter_app.l10n import document_date
from shelter_app.reports.business_case.base import (
    Builder,
    in_sentence,
    irr_text,
    number,
    parameter_path,
    payback_text,
    plain,
    unbroken,
)
from shelter_app.reports.business_case.words import (
    ANNUAL_SAVINGS,
    BLOCK_ORDER,
    MARK_INDICATIVE,
    MARK_TO_VERIFY,
    MEXICO_TOTAL,
    SCORE_CRITERIA,
    SITE_SCORE,
    section_number,
)
from shelter_app.reports.pdfkit import AMBER_TEXT, hex_color, markup

ROLES = Plural(Text("{n} role", "{n} puesto"), Text("{n} roles", "{n} puestos"))
ESCALATION = ("escalation.mx_wages", "escalation.min_wage", "escalation.uma", "escalation.mx_cpi",
              "escalation.usd_costs", "escalation.us_wages")
SHOWN_WITH_THEIR_ROW = frozenset({"scenario.base_year", "scenario.ramp_realization_by_year"})
"""Origins printed under their row of the assumptions; the others go in the list under the table."""


def profile(b: Builder) -> list[Flowable]:
    out = b.section("profile")
    for sc in b.report.scenarios:
        out += b.sub(sc, "profile")
        case, p = sc.result.case, sc.result.parameters
        e = p.escalation
        direct = sum((r.headcount for r in case.workforce.roles if r.direct), Decimal(0))
        indirect = sum((r.headcount for r in case.workforce.roles if not r.direct), Decimal(0))
        ramp = ", ".join(
            f"{y}: {b.pct(v, 0)}" for y, v in sorted(case.scenario.ramp_realization_by_year.items())
        )
        fx = b.amount("scenario.fx_mxn_per_usd", case.scenario.fx_mxn_per_usd) + b.t(
            Text(", held flat over the horizon", ", constante en todo el horizonte")
        )
        if sc.fx_as_of is None:
            fx += b.t(Text(" (no date given)", " (sin fecha indicada)"))
        rows = [
            (
                b.label("location"),
                markup(", ".join(x for x in (case.location.city, p.state) if x)) + b.ind(sc, "location.state"),
            ),
            (b.label("location.wage_zone"), markup(_choice(b, "location.wage_zone", p.wage_zone))),
            (b.t(Text("Operating structure", "Estructura de operación")), markup(_structure_name(b, sc))),
            (
                b.label("scenario.base_year"),
                str(case.scenario.base_year) + b.origin(sc, "scenario.base_year"),
            ),
            (b.label("scenario.horizon_years"), b.amount("scenario.horizon_years", Decimal(case.scenario.horizon_years))),
            (b.label("scenario.fx_mxn_per_usd"), markup(fx) + b.ind(sc, "scenario.fx_mxn_per_usd")),
        ]
        if sc.fx_as_of is not None:
            rows.append((b.label("scenario._fx_as_of"), markup(document_date(sc.fx_as_of, b.lang))))
        if sc.fx_source:
            rows.append((b.label("scenario._fx_source"), markup(sc.fx_source)))
        escalation = ", ".join(
            f"{in_sentence(b.label(path))} {b.pct(getattr(e, path.split('.')[1]), 2)}" for path in ESCALATION
        )
        rows += [
            (b.label("scenario.discount_rate"), b.pct(case.scenario.discount_rate) + b.ind(sc, "scenario.discount_rate")),
            (f"{b.label('escalation')} ({b.symbol('escalation.mx_wages')})",
             markup(escalation[:1].upper() + escalation[1:]) + b.ind(sc, "escalation")),
            (
                b.t(Text(f"{b.label('workforce.roles')} (48-hour week)", f"{b.label('workforce.roles')} (semana de 48 horas)")),
                markup(b.t(Text(
                    f"{plain(direct + indirect, b.lang)} "
                    f"{_people(b, direct + indirect)} ({plain(direct, b.lang)} direct, {plain(indirect, b.lang)} "
                    f"indirect) in {b.count(ROLES, len(case.workforce.roles))}",
                    f"{plain(direct + indirect, b.lang)} {_people(b, direct + indirect)} ({plain(direct, b.lang)} "
                    f"directas, {plain(indirect, b.lang)} indirectas) en {b.count(ROLES, len(case.workforce.roles))}",
                )))
                + b.ind(sc, "workforce.roles"),
            ),
            (b.label("workforce.productivity_factor"), b.amount("workforce.productivity_factor", p.productivity_factor)),
            (
                b.label("workforce.seniority_years"),
                markup(f"{b.amount('workforce.seniority_years', Decimal(p.seniority_years))}; "
                       f"{in_sentence(b.label('statutory.vacation_days'))}: "
                       f"{b.amount('statutory.vacation_days', p.vacation_days)}"),
            ),
            (b.label("statutory.min_wage_mxn_per_day"),
             b.amount("statutory.min_wage_mxn_per_day", p.min_wage_mxn_per_day)),
            (b.label("statutory.uma_mxn_per_day"), b.amount("statutory.uma_mxn_per_day", p.uma_mxn_per_day)),
            (b.label("statutory.isn_rate"), b.amount("statutory.isn_rate", p.isn_rate, exact=True)),
            (
                b.label("statutory.rt_premium_rate"),
                markup(f"{b.amount('statutory.rt_premium_rate', p.rt_premium_rate, exact=True)} "
                       f"({_choice(b, 'statutory.risk_class', p.risk_class)})"),
            ),
            (
                b.label("scenario.ramp_realization_by_year"),
                markup(ramp or b.t(Text("none: full savings from the first year",
                                    "ninguna: ahorro completo desde el primer año")))
                + b.origin(sc, "scenario.ramp_realization_by_year"),
            ),
        ]
        out.append(b.kv(rows))
        out += _defaults_drawn(b, sc)
        out += _overrides(b, sc)
        out += _indicative_list(b, sc)
    return out


def _people(b: Builder, heads: Decimal) -> str:
    return b.t(Text("person", "persona")) if heads == 1 else b.t(Text("people", "personas"))


def _choice(b: Builder, path: str, value: object) -> str:
    """The label of a choice field's value (`Class I`, `Northern border free zone (ZLFN)`)."""
    found = next((c.label for c in schema.node(path).meta.choices if value in (c.value, c.json)), None)
    return b.t(found) if found is not None else str(value)


def _ordered(paths: Iterable[str]) -> list[str]:
    """Paths in the order the scenario declares its fields (a role's fields by role)."""
    order = {n.path: i for i, n in enumerate(schema.walk())}
    return sorted(paths, key=lambda path: (order.get(schema.template(path), len(order)), path))


def _defaults_drawn(b: Builder, sc: ReportScenario) -> list[Flowable]:
    """Where the defaults drawn from the project came from (those not printed beside their row above), and the
    defaults that could not be drawn, in amber: "not given", why and what to do."""
    lines: list[str] = []
    for path in _ordered(p for p in sc.origins if p not in SHOWN_WITH_THEIR_ROW and schema.find(p) is not None):
        text = unbroken(sc.origins[path].pick(b.lang).strip())
        if text:
            lines.append(f"<b>{markup(b.label(path))}</b>: {markup(text)}")
    for path in _ordered(p for p in sc.missing if schema.find(p) is not None):
        reason = unbroken(sc.missing[path].pick(b.lang).strip())
        lines.append(
            f'<font color="{hex_color(AMBER_TEXT)}"><b>{markup(b.label(path))}</b>: {MARK_TO_VERIFY} '
            f"{markup(b.w('not_given'))}{'. ' + markup(reason) if reason else ''}</font>"
        )
    if not lines:
        return []
    title = b.t(Text("Defaults drawn from the project", "Valores tomados del proyecto"))
    return [Paragraph(markup(title), b.s.h3), *[Paragraph(line, b.s.small) for line in lines]]


def _structure_name(b: Builder, sc: ReportScenario) -> str:
    if sc.structure == STRUCTURE_OWN_ENTITY:
        return b.t(
            Text("Own Mexican entity with its own IMMEX program", "Entidad mexicana propia con programa IMMEX propio")
        )
    return b.t(
        Text(
            "Shelter: the provider's entity and IMMEX program",
            "Albergue: la entidad y el programa IMMEX de la empresa albergue",
        )
    )


def _overrides(b: Builder, sc: ReportScenario) -> list[Flowable]:
    overrides = sc.result.parameters.overrides
    if not overrides:
        return [
            b.p(
                markup(
                    b.t(
                        Text(
                            "Every statutory value comes from the reference tables (appendix).",
                            "Todos los valores legales provienen de las tablas de referencia (anexo).",
                        )
                    )
                ),
                b.s.note,
            )
        ]
    base_year = sc.result.case.scenario.base_year
    rows = []
    for o in overrides:
        path = parameter_path(o.parameter)
        gap = o.reference_value is None and path is not None and sc.is_indicative(path)
        reason = o.reason or b.t(
            Text("the tables' latest value, until the one for the year is published",
             "el último valor de las tablas, hasta que se publique el del año")
            if gap else Text("no reason given", "sin motivo indicado")
        )
        table = (b.param_value(o.parameter, o.reference_value) if o.reference_value is not None
                 else b.t(Text(f"no value for {base_year}", f"sin valor para {base_year}")))
        rows.append(
            [
                markup(b.param_label(o.parameter)) + (b.ind(sc, path) if path else ""),
                markup(b.param_value(o.parameter, o.value)),
                markup(table),
                markup(reason),
            ]
        )
    return [
        Paragraph(
            markup(
                b.t(
                    Text(
                        "Values set instead of the reference tables",
                        "Valores indicados en lugar de las tablas de referencia",
                    )
                )
            ),
            b.s.h3,
        ),
        b.table(
            [
                b.t(Text("Value", "Valor")),
                b.t(Text("Used", "Usado")),
                b.t(Text("Reference table", "Tabla de referencia")),
                b.t(Text("Reason", "Motivo")),
            ],
            rows,
            [b.width * f for f in (0.3, 0.17, 0.18, 0.35)],
            numeric_from=1,
            text_columns=(3,),
        ),
    ]


def _named_field(path: str) -> schema.Node | None:
    """The field an indicative path is named by: the first below its part of the scenario that is not a list of
    objects (`workforce.roles[0].market_benefits.turnover_rate` → market benefits; `workforce.roles` → itself)."""
    template = schema.template(path)
    segments = template.split(".")
    for n in range(2, len(segments) + 1):
        found = schema.find(".".join(segments[:n]))
        if found is not None and found.shape is not schema.Shape.OBJECT_LIST:
            return found
    return schema.find(template)


def _indicative_list(b: Builder, sc: ReportScenario) -> list[Flowable]:
    """The figures still indicative, grouped by the part of the scenario they belong to and named by their
    fields ("Facility: leased area, rent")."""
    if not sc.indicative:
        return []
    groups: dict[str, list[str]] = {}
    for path in _ordered(sc.indicative):
        top = schema.find(path.split(".")[0].split("[")[0])
        found = _named_field(path)
        if top is None or found is None:
            continue
        group = b.t(top.label)
        names = groups.setdefault(group, [])
        name = b.t(found.label)
        if found is not top and name != group and name not in names:
            names.append(name)
    parts = [
        f"{group}: {', '.join(in_sentence(n) for n in names)}" if names else group for group, names in groups.items()
    ]
    text = b.t(
        Text(
            "Still indicative (prefill figures, not the client's own): ",
            "Aún indicativos (cifras de la precarga, no propias del cliente): ",
        )
    )
    return [
        Paragraph(
            f'<font color="{hex_color(AMBER_TEXT)}">{MARK_INDICATIVE}</font> {markup(text)}'
            f"{markup('; '.join(parts))}.",
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
                        Text(
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
        path = f"workforce.roles[{n}].daily_wage_mxn"
        return b.value(path, role.daily_wage_mxn) + b.ind(sc, path)

    def turnover(sc: ReportScenario) -> str:
        rate = scores[id(sc)].criteria.turnover_rate
        if rate is None:
            return "—"
        roles = sc.result.case.workforce.roles
        marked = [f"workforce.roles[{n}].market_benefits.turnover_rate" for n, role in enumerate(roles) if role.direct]
        return b.pct(rate, 0) + b.ind(sc, *marked)

    def site_value(sc: ReportScenario, key: str) -> str:
        path = f"_site.{key}"
        site = sc.site
        value = None if site is None else getattr(site, key)
        if value is None:
            return b.not_given(sc, path, reason=False) or "—"
        return b.value(path, value) + b.ind(sc, path)

    def freight(sc: ReportScenario) -> str:
        path = "logistics.crossing_usd_per_load"
        missing = b.not_given(sc, path, reason=False)
        if missing is not None:
            return missing
        return b.value(path, sc.result.case.logistics.crossing_usd_per_load) + b.ind(sc, path)

    def talent(sc: ReportScenario) -> str:
        return markup(sc.site.talent_pool) if sc.site is not None and sc.site.talent_pool else "—"

    base = b.t(Text("base year", "año base"))
    specs: list[tuple[str, Callable[[ReportScenario, YearResult], str]]] = [
        (
            b.label("location"),
            lambda sc, y: markup(
                ", ".join(x for x in (sc.result.case.location.city, sc.result.parameters.state) if x)
            ),
        ),
        (
            b.t(Text("Structure", "Estructura")),
            lambda sc, y: markup(
                b.t(
                    Text("Own entity", "Entidad propia")
                    if sc.structure == STRUCTURE_OWN_ENTITY
                    else Text("Shelter", "Albergue")
                )
            ),
        ),
        (
            b.labelled("statutory.min_wage_mxn_per_day"),
            lambda sc, y: b.value("statutory.min_wage_mxn_per_day", sc.result.parameters.min_wage_mxn_per_day),
        ),
        (
            b.labelled("workforce.roles[].daily_wage_mxn", b.t(Text(
                f"{b.label('workforce.roles[].daily_wage_mxn')} of the largest direct role, {base}",
                f"{b.label('workforce.roles[].daily_wage_mxn')} del puesto directo principal, {base}",
            ))),
            lambda sc, y: operator_wage(sc),
        ),
        (
            b.label("statutory.isn_rate"),
            lambda sc, y: b.amount("statutory.isn_rate", sc.result.parameters.isn_rate, exact=True),
        ),
        (
            b.labelled("facility.rent_usd_per_sqft_month"),
            lambda sc, y: b.value("facility.rent_usd_per_sqft_month", sc.result.case.facility.rent_usd_per_sqft_month)
            + b.ind(sc, "facility.rent_usd_per_sqft_month"),
        ),
        (
            b.t(Text("Headcount in the reference year (FTE)", "Plantilla en el año de referencia (FTE)")),
            lambda sc, y: number(y.fte.total, b.lang, 1),
        ),
        (
            b.t(Text("Direct labor, loaded cost (USD/worked hour)",
                 "Mano de obra directa, costo integral (USD/hora trabajada)")),
            lambda sc, y: number(direct_hourly_usd(y) or Decimal(0), b.lang),
        ),
        (
            b.t(Text("Turnover of direct roles (%/year, weighted by headcount)",
                 "Rotación del personal directo (%/año, ponderada por plantilla)")),
            lambda sc, y: turnover(sc),
        ),
        (b.label("_site.vacancy_rate"), lambda sc, y: site_value(sc, "vacancy_rate")),
        (
            b.labelled("_site.distance_to_crossing_km", b.t(Text(
                "Distance to the border crossing or customer", "Distancia al cruce fronterizo o al cliente"))),
            lambda sc, y: site_value(sc, "distance_to_crossing_km"),
        ),
        (
            b.labelled("logistics.crossing_usd_per_load", f"{b.label('logistics.crossing_usd_per_load')}, {base}"),
            lambda sc, y: freight(sc),
        ),
        (b.label("_site.talent_pool"), lambda sc, y: talent(sc)),
        *[
            (b.t(_block_pair(b, name)), functools.partial(_block_value, b, name))
            for name in BLOCK_ORDER
        ],
        (b.t(MEXICO_TOTAL), lambda sc, y: b.m(y.mexico.total_usd)),
        (b.t(Text("Current plant (USD/year)", "Planta actual (USD/año)")), lambda sc, y: b.m(y.baseline.total_usd)),
        (b.t(ANNUAL_SAVINGS), lambda sc, y: b.m(y.savings_usd)),
        (b.t(Text("One-time cost (USD)", "Costo único (USD)")), lambda sc, y: b.m(sc.result.one_time.total_usd)),
        (b.t(Text("NPV (USD)", "VPN (USD)")), lambda sc, y: b.m(sc.result.returns.npv_usd)),
        (b.t(Text("IRR", "TIR")), lambda sc, y: irr_text(sc.result.returns.irr, b.lang)),
        (
            b.t(Text("Payback", "Recuperación")),
            lambda sc, y: payback_text(sc.result.returns.payback_years, len(sc.result.years), b.lang),
        ),
        (b.t(SITE_SCORE), lambda sc, y: _score_text(b, scores[id(sc)])),
    ]
    rows = [[markup(label), *(fn(sc, b.ref_year(sc)) for sc in b.report.scenarios)] for label, fn in specs]
    header = [b.w("item"), *(sc.name for sc in b.report.scenarios)]
    bold = [n for n, (label, _) in enumerate(specs) if label in (b.t(MEXICO_TOTAL), b.t(ANNUAL_SAVINGS), b.t(SITE_SCORE))]
    out.append(b.table(header, rows, b.scenario_columns(b.width * 0.34), bold_rows=bold))
    out += _score_build(b, scores[id(b.report.scenarios[0])])
    return out


def _score_text(b: Builder, score: SiteScore) -> str:
    if score.score is None:
        return markup(b.t(Text("needs two or more scenarios", "requiere dos o más escenarios")))
    n = len(b.report.scenarios)
    rank = b.t(Text(f"rank {score.rank} of {n}", f"lugar {score.rank} de {n}"))
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
                    Text(
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
    header = [b.t(Text("Criterion (weight)", "Criterio (peso)")), *(sc.name for sc in b.report.scenarios)]
    table = b.table(header, rows, b.scenario_columns(b.width * 0.34), bold_rows=(len(rows) - 1,),
                    keep=False)  # kept with its explanation below (a KeepTogether inside another never fits)
    out[1:] = [KeepTogether([*out[1:], table])]  # the explanation stays with its table
    if first.left_out:
        names = ", ".join(in_sentence(b.t(SCORE_CRITERIA[k])) for k in first.left_out)
        out.append(
            b.p(
                markup(
                    b.t(
                        Text(
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


def _block_pair(b: Builder, name: str) -> Text:
    return charts.BLOCK_LABELS[name] + Text(" (USD/year)", " (USD/año)")


def structure(b: Builder) -> list[Flowable]:
    out = b.section("structure")
    out.append(
        b.p(
            markup(
                b.t(
                    Text(
                        "Under a shelter, the provider's Mexican entity employs the workforce, holds the IMMEX program and, "
                        "where it has it, the IVA/IEPS certification; the client owns the machinery and directs production. "
                        "With an own entity, the client incorporates, registers with IMSS, SAT and INFONAVIT, applies for its own "
                        "IMMEX program and certification, and staffs payroll, tax and trade compliance itself. Operating costs "
                        "are shown without the shelter fee, which is a separate line.",
                        "En un albergue, la entidad mexicana de la empresa albergue emplea al personal, es titular del programa "
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
    price_paths = {
        FeeModel.PER_HEADCOUNT: "shelter_fee.usd_per_head_per_month",
        FeeModel.PER_HOUR: "shelter_fee.usd_per_worked_hour",
        FeeModel.MARKUP: "shelter_fee.markup_rate",
    }
    for sc in b.report.scenarios:
        out += b.sub(sc, "structure")
        fee = sc.result.case.shelter_fee
        y0, y = sc.result.years[0], b.ref_year(sc)
        price_path = price_paths[fee.model]
        price = {
            FeeModel.PER_HEADCOUNT: fee.usd_per_head_per_month,
            FeeModel.PER_HOUR: fee.usd_per_worked_hour,
            FeeModel.MARKUP: fee.markup_rate,
        }[fee.model] or Decimal(0)
        rows = [
            (b.t(Text("Structure", "Estructura")), markup(_structure_name(b, sc))),
            (b.label("shelter_fee.model"), markup(_choice(b, "shelter_fee.model", fee.model)) + b.ind(sc, "shelter_fee")),
            (b.label(price_path), markup(f"{b.amount(price_path, price, 2)} ({y0.year})") + b.ind(sc, price_path)),
        ]
        if sc.structure == STRUCTURE_OWN_ENTITY and price == 0:
            del rows[2]
            rows[1] = (b.label("shelter_fee.model"), markup(b.t(Text(
                f"no shelter fee: the own entity carries its administration in its own payroll (section {section_number('labor')})",
                f"sin tarifa de albergue: la entidad propia absorbe su administración en su nómina (sección {section_number('labor')})"))))
            out.append(b.kv(rows, 0.3))
            continue
        for year in dict.fromkeys((y0, y)):
            f = year.mexico.shelter_fee
            rows.append(
                (
                    b.t(Text(f"Fee {year.year} and its equivalents", f"Tarifa {year.year} y sus equivalentes")),
                    b.t(
                        Text(
                            f"{b.m(f.fee_usd)} USD/year = {number(f.equivalent_usd_per_head_month, b.lang)} "
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

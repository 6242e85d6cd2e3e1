# ruff: noqa: E501  (report prose in two languages: the sentences stay whole to be read and translated)
"""Sections 15 and 16: risks and open items (with the project's critical and to-verify items), and the
method and its limitations (with the rule of the site score)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportlab.platypus import Flowable, Paragraph, Spacer

from shelter_app.core.bilingual import Plural, Text
from shelter_app.core.business_case import schema, site_score
from shelter_app.core.business_case.reference import Provenance
from shelter_app.core.business_report import ReadinessItem
from shelter_app.l10n import document_date
from shelter_app.reports import STATUS_LABELS
from shelter_app.reports.business_case.base import Builder, in_sentence, parameter_path, percent, pick, unbroken
from shelter_app.reports.business_case.words import MARK_TO_VERIFY, SCORE_CRITERIA, section_number
from shelter_app.reports.pdfkit import AMBER_TEXT, hex_color, markup

TO_VERIFY = Plural(
    Text("{n} reference value used here is not confirmed as current; it is marked {mark} “to verify” in the "
         "appendix:",
         "{n} valor de referencia usado aquí no está confirmado como vigente; se marca {mark} “por verificar” en el "
         "anexo:"),
    Text("{n} reference values used here are not confirmed as current; they are marked {mark} “to verify” in the "
         "appendix:",
         "{n} valores de referencia usados aquí no están confirmados como vigentes; se marcan {mark} “por verificar” "
         "en el anexo:"),
)


def risks(b: Builder) -> list[Flowable]:
    out = b.section("risks")
    out += b.bullets(
        markup(b.t(pair))
        for pair in (
            Text(
                "Labor market and turnover: border cities have historically high turnover; wages and benefits by city "
                "for 2026 are not surveyed publicly.",
                "Mercado laboral y rotación: las ciudades fronterizas han tenido rotación alta; no hay encuesta pública "
                "2026 de salarios y prestaciones por ciudad.",
            ),
            Text(
                "Hours reform: the secondary labor law (after DOF 3-Mar-2026) will define shifts, overtime and "
                "exceptions; the model assumes pay unchanged and proportional extra staff.",
                "Reforma de la jornada: la ley secundaria (posterior al DOF 3-mar-2026) definirá turnos, horas extra y "
                "excepciones; el modelo supone salario sin cambio y plantilla adicional proporcional.",
            ),
            Text(
                "Tariffs: Section 122 surcharge until 24-Jul-2026 and what follows it, Section 232 on metal content, "
                "the 2026 USMCA joint review.",
                "Aranceles: recargo de la Sección 122 hasta el 24-jul-2026 y lo que lo sustituya, Sección 232 sobre el "
                "contenido metálico, revisión conjunta del T-MEC en 2026.",
            ),
            Text(
                "IVA/IEPS certification: without it, 16 % of temporary imports is tied up until refunded.",
                "Certificación en IVA e IEPS: sin ella, el 16 % de las importaciones temporales queda inmovilizado hasta "
                "su devolución.",
            ),
            Text(
                f"Exchange rate: a stronger peso raises every peso-denominated cost (see section {section_number('sensitivity')}).",
                f"Tipo de cambio: un peso más fuerte encarece todos los costos en pesos (ver sección {section_number('sensitivity')}).",
            ),
            Text(
                "Security and logistics: crossing times, cargo theft and insurance.",
                "Seguridad y logística: tiempos de cruce, robo de mercancía y seguros.",
            ),
        )
    )
    project = b.report.project
    if project is None:
        out.append(b.p(markup(b.w("not_linked")), b.s.note))
    else:
        out += _items_table(
            b,
            Text("Open items on the critical path", "Tareas abiertas en la ruta crítica"), project.open_critical
        )
        out += _items_table(
            b,
            Text("Items resting on facts to verify", "Tareas basadas en datos por verificar"), project.to_verify
        )
    verify: dict[str, tuple[str, list[str], Provenance | None]] = {}
    for sc in b.report.scenarios:
        for source in sc.result.parameters.to_verify:
            path = parameter_path(source.parameter)
            key = schema.template(path) if path is not None else source.parameter
            year = re.search(r"\.(\d{4})$", source.parameter)
            label = b.label(key) if path is not None else b.param_label(source.parameter)
            _, years, _ = verify.setdefault(key, (label, [], source.provenance))
            if year and year.group(1) not in years:
                years.append(year.group(1))
    out.append(
        Paragraph(markup(b.t(Text("Open questions of the model", "Preguntas abiertas del modelo"))), b.s.h2)
    )
    if verify:
        out.append(b.p(markup(b.count(TO_VERIFY, len(verify), mark=MARK_TO_VERIFY))))
        lines = []
        for label, years, provenance in verify.values():
            note = unbroken(provenance.note.pick(b.lang)) if provenance is not None and provenance.note is not None else ""
            named = f"{label} ({', '.join(sorted(years))})" if years else label
            lines.append(f"<b>{markup(named)}</b>" + (f": {markup(note)}" if note else ""))
        out += b.bullets(lines)
        out.append(Spacer(1, 4))
    out += b.bullets(markup(b.t(pair)) for pair in OPEN_QUESTIONS)
    return out


def _items_table(b: Builder, title: Text, items: Sequence[ReadinessItem]) -> list[Flowable]:
    out: list[Flowable] = [Paragraph(markup(b.t(title)), b.s.h2)]
    if not items:
        out.append(b.p(markup(b.w("none")), b.s.note))
        return out
    rows = []
    for item in items:
        note = (
            f'<br/><font color="{hex_color(AMBER_TEXT)}">{markup(b.t(item.verification_note))}</font>'
            if item.verification_note and item.to_verify
            else ""
        )
        status = STATUS_LABELS.get(item.status)
        rows.append(
            [
                f"{markup(b.t(item.title))}{note}",
                markup(b.t(item.pack_title)),
                markup(b.t(status) if status else item.status),
                markup(document_date(item.due_on, b.lang)) if item.due_on else "—",
            ]
        )
    out.append(
        b.table(
            [
                b.w("item"),
                b.t(Text("Checklist", "Lista")),
                b.t(Text("Status", "Estado")),
                b.t(Text("Due", "Vence")),
            ],
            rows,
            [b.width * f for f in (0.47, 0.25, 0.14, 0.14)],
            numeric_from=4,
        )
    )
    return out


def method(b: Builder) -> list[Flowable]:
    out = b.section("method")
    out.append(
        b.p(
            markup(
                b.t(
                    Text(
                        "The figures come from a cost model of the Mexican operation built year by year: the headcount "
                        "plan over the hours reform, each role's fully loaded labor cost from the daily wage through the "
                        "statutory contributions and benefits, the facility, utilities, site services, logistics and the "
                        "shelter fee, set against the current plant's costs; the savings, less the one-time start-up "
                        "outlay, give the cash flows, the net present value, the internal rate of return and the "
                        "payback. It is computed without intermediate rounding; the printed values are rounded for "
                        "reading only. Its simplifications:",
                        "Las cifras provienen de un modelo de costos de la operación en México construido año por año: "
                        "el plan de plantilla ante la reforma de la jornada, el costo laboral integral de cada puesto desde "
                        "el salario diario, con las cuotas de ley y las prestaciones, las instalaciones, los servicios, los "
                        "gastos del sitio, la logística y la tarifa del albergue, frente a los costos de la planta actual; "
                        "el ahorro, menos la inversión única de arranque, da los flujos de efectivo, el valor presente "
                        "neto, la tasa interna de retorno y el periodo de recuperación. Se calcula sin redondeos "
                        "intermedios; los valores impresos se redondean solo para su lectura. Sus simplificaciones:",
                    )
                )
            )
        )
    )
    out += b.bullets(markup(b.t(pair)) for pair in LIMITATIONS)
    if any(sc.china is not None for sc in b.report.scenarios):
        out.append(
            Paragraph(
                markup(b.t(Text("The China-supplier baseline", "La comparación con el proveedor en China"))),
                b.s.h2,
            )
        )
        out += b.bullets(markup(b.t(pair)) for pair in CHINA_LIMITATIONS)
    out.append(Paragraph(markup(b.t(Text("The weighted site score", "La puntuación ponderada del sitio"))), b.s.h2))
    out += b.bullets(markup(b.t(pair)) for pair in _score_method(b))
    return out


def _score_method(b: Builder) -> list[Text]:
    weights = {
        lang: ", ".join(
            f"{in_sentence(pick(SCORE_CRITERIA[k], lang))} {percent(w / 100, lang, 0, unbreakable=True)}"
            for k, w in site_score.WEIGHTS.items()
        )
        for lang in ("en", "es")
    }
    return [
        Text(
            f"Section {section_number('comparison')} scores each scenario on five criteria: the loaded USD per direct worked hour and the Mexico annual "
            "total of its first full year, the turnover of its direct roles (their turnover rates weighted by headcount), "
            "the road distance to the border crossing or the customer, and the market's industrial vacancy.",
            f"La sección {section_number('comparison')} califica cada escenario con cinco criterios: los USD integrales por hora trabajada directa y el "
            "total anual en México de su primer año completo, la rotación de sus puestos directos (sus tasas de rotación "
            "ponderadas por plantilla), la distancia por carretera al cruce fronterizo o al cliente y la vacancia "
            "industrial del mercado.",
        ),
        Text(
            "Each criterion is rescaled linearly between the compared scenarios: the best gets 100, the worst 0 and the "
            "others in proportion (all 100 when they are equal). Lower is better, except vacancy: more available "
            "industrial space is better.",
            "Cada criterio se reescala linealmente entre los escenarios comparados: el mejor obtiene 100, el peor 0 y los "
            "demás en proporción (todos 100 si son iguales). Menor es mejor, salvo la vacancia: más espacio industrial "
            "disponible es mejor.",
        ),
        Text(
            f"Weights: {weights['en']}. A criterion missing for any scenario is left out and the other weights are "
            "renormalised to 100%. A scenario alone has no score: it needs two or more scenarios.",
            f"Pesos: {weights['es']}. Un criterio que falta en algún escenario queda fuera y los demás pesos se "
            "renormalizan a 100 %. Un escenario solo no tiene puntuación: requiere dos o más escenarios.",
        ),
        Text(
            "The score is relative to the scenarios in this document (adding or removing one changes it) and leaves out "
            "what is described but not measured: the talent pool, security, incentives, utility capacity.",
            "La puntuación es relativa a los escenarios de este documento (agregar o quitar uno la cambia) y deja fuera lo "
            "que se describe pero no se mide: la oferta de talento, la seguridad, los incentivos, la capacidad de los "
            "servicios.",
        ),
        Text(
            "A prefilled vacancy and distance come from a table of the main manufacturing markets: the market's latest "
            "vacancy report (the national figure where the market has none) and a road distance to the crossing the "
            f"freight uses, each from a published source named where the value is shown (section "
            f"{section_number('profile')}), secondary or dated, "
            "not a route study. Both are indicative until the consultant replaces them.",
            "La vacancia y la distancia precargadas provienen de una tabla de los principales mercados manufactureros: "
            "el último reporte de vacancia del mercado (la cifra nacional donde el mercado no la tiene) y una distancia "
            "por carretera al cruce que usa el flete, cada una de una fuente publicada que se nombra junto al valor "
            f"(sección {section_number('profile')}), secundaria o con fecha, no un estudio de ruta. Ambas son "
            "indicativas hasta que el consultor "
            "las sustituya.",
        ),
    ]


OPEN_QUESTIONS: tuple[Text, ...] = (
    Text(
        "Shelter fee levels: no public price list; the fee should come from the provider's quote, with what it "
        "includes and how PTU, the work-risk premium and IMSS audits are passed through.",
        "Tarifa del albergue: no hay lista pública de precios; debe tomarse de la cotización del proveedor, con lo que "
        "incluye y cómo se trasladan la PTU, la prima de riesgo y las auditorías del IMSS.",
    ),
    Text(
        "Cesantía y vejez band rule for minimum-wage earners whose SBC exceeds the minimum after integration, and "
        "the 2024–2025 and 2027–2029 rows, still to be checked against the DOF text.",
        "Regla de banda de cesantía y vejez para quienes ganan el mínimo y cuyo SBC lo supera tras la integración, y "
        "los renglones 2024–2025 y 2027–2029, pendientes de cotejar con el texto del DOF.",
    ),
    Text(
        "Work-risk premium under a shelter: the provider's registration or a new one at the class mean.",
        "Prima de riesgo de trabajo en un albergue: el registro patronal del proveedor o uno nuevo con la prima media "
        "de la clase.",
    ),
    Text(
        "Payroll tax (ISN): current rates of several states and what each includes in the base.",
        "ISN: tasas vigentes de varios estados y qué incluye cada uno en la base.",
    ),
    Text(
        "PTU under a shelter: the real base is the shelter entity's taxable income, approximated here.",
        "PTU en un albergue: la base real es la utilidad fiscal de la entidad del albergue; aquí se aproxima.",
    ),
    Text(
        "Utilities tariffs, logistics parameters, market benefits and turnover by city.",
        "Tarifas eléctricas, parámetros logísticos, prestaciones de mercado y rotación por ciudad.",
    ),
)

LIMITATIONS: tuple[Text, ...] = (
    Text(
        "Pre-tax: no Mexican income tax (ISR), no US tax effect, no transfer pricing.",
        "Antes de impuestos: sin ISR en México, sin efecto fiscal en EE. UU. ni precios de transferencia.",
    ),
    Text(
        "PTU is charged in the year whose results generate it, although it is paid in May of the following year; "
        "its base is approximated as 6.5 % of the Mexican costs (safe-harbour style), not the shelter's real taxable "
        "income; the “average of the last 3 years” cap is not modelled.",
        "La PTU se carga en el año cuyos resultados la generan, aunque se paga en mayo del año siguiente; su base se "
        "aproxima como 6.5 % de los costos en México (estilo puerto seguro), no la utilidad fiscal real del albergue; "
        "no se modela el tope del “promedio de los últimos 3 años”.",
    ),
    Text(
        "Seniority is constant over the horizon (vacation days and the integration factor of the seniority given); "
        "a real seniority profile raises both over time.",
        "La antigüedad es constante en el horizonte (días de vacaciones y factor de integración de la antigüedad "
        "indicada); un perfil real de antigüedad eleva ambos con el tiempo.",
    ),
    Text(
        "Cesantía y vejez: 3.150 % only when the SBC is at the minimum wage, otherwise the band by SBC in UMA (the "
        "table's first two bands mix minimum wages and UMA).",
        "Cesantía y vejez: 3.150 % solo cuando el SBC está en el salario mínimo; si no, la banda según el SBC en UMA "
        "(las dos primeras bandas de la tabla mezclan salarios mínimos y UMA).",
    ),
    Text(
        "Some statutory rates are not confirmed as current and are marked “to verify” (appendix).",
        "Algunas tasas legales no están confirmadas como vigentes y se marcan “por verificar” (anexo).",
    ),
    Text(
        "Duties are 0 (the model assumes USMCA-qualifying goods); Section 232 and non-qualifying goods are outside "
        "the model.",
        "Los aranceles son 0 (el modelo supone mercancía originaria del T-MEC); la Sección 232 y la mercancía no "
        "originaria quedan fuera del modelo.",
    ),
    Text(
        "Market benefits stay outside the SBC whatever their size (the LSS art. 27 limits are not enforced).",
        "Las prestaciones de mercado no integran al SBC cualquiera que sea su monto (no se aplican los límites del "
        "art. 27 de la LSS).",
    ),
    Text(
        "The exchange rate is held flat at the planning rate; one UMA and one minimum wage per calendar year; leap "
        "years are not modelled.",
        "El tipo de cambio se mantiene constante en el de planeación; una UMA y un salario mínimo por año calendario; "
        "no se modelan los años bisiestos.",
    ),
    Text(
        "Direct labor grows with 48/h as the week shortens; indirect staff absorb it; productivity is a single factor.",
        "La mano de obra directa crece en proporción 48/h al acortarse la semana; el personal indirecto lo absorbe; "
        "la productividad es un solo factor.",
    ),
    Text(
        "The IVA on temporary imports is a memo item, outside the totals and the cash flows.",
        "El IVA de las importaciones temporales es una partida informativa, fuera de los totales y de los flujos.",
    ),
)


CHINA_LIMITATIONS: tuple[Text, ...] = (
    Text(
        "Duties are charged on the FOB value as the customs value, one rate per program for all the goods (no HTS "
        "line-by-line classification), and the programs add up: MFN + Section 301 + Section 122.",
        "Los aranceles se calculan sobre el valor FOB como valor en aduana, con una sola tasa por programa para toda la "
        "mercancía (sin clasificación fracción por fracción) y los programas se suman: NMF + Sección 301 + Sección 122.",
    ),
    Text(
        "Section 122 is charged on the share of each year's days before its end date (purchases spread evenly over "
        "the year); earlier days of the base year are charged as if it already applied, and no extension or "
        "replacement is assumed after it ends.",
        "La Sección 122 se cobra sobre la parte de los días de cada año anterior a su fecha de término (compras "
        "repartidas de manera uniforme en el año); los primeros días del año base se cobran como si ya aplicara, y no "
        "se supone prórroga ni sustitución al terminar.",
    ),
    Text(
        "No merchandise processing fee (MPF) or harbor maintenance fee (HMF), no quotas, no antidumping or "
        "countervailing duties, no Section 232 on metal content.",
        "Sin la cuota de procesamiento de mercancía (MPF) ni la de mantenimiento portuario (HMF), sin cupos, sin "
        "cuotas antidumping ni compensatorias y sin la Sección 232 sobre el contenido metálico.",
    ),
    Text(
        "Currency: the supplier's price is taken in USD and rises with the USD cost escalation; the yuan, freight "
        "markets and the peso do not move it (the peso moves only the Mexican plant).",
        "Moneda: el precio del proveedor se toma en USD y sube con el incremento de los costos en USD; el yuan, el "
        "mercado de fletes y el peso no lo mueven (el peso solo mueve a la planta en México).",
    ),
    Text(
        "The inventory carried is the extra weeks of pipeline at FOB value; the Mexican materials are taken at the "
        "amount given, without duties (IMMEX temporary imports).",
        "El inventario que se mantiene son las semanas adicionales en tránsito a valor FOB; los materiales de México "
        "se toman por el importe indicado, sin aranceles (importación temporal IMMEX).",
    ),
)

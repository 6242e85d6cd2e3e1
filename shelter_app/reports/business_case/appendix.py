# ruff: noqa: E501  (report prose in two languages: the sentences stay whole to be read and translated)
"""Sections 17 and 18: the appendix with the parameters used, the statutory tables and their sources,
and the disclaimer."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from reportlab.platypus import Flowable, Paragraph

from shelter_app.core.business_case.parameters import Origin, ParameterSource
from shelter_app.core.business_case.reference import Provenance
from shelter_app.l10n import format_date
from shelter_app.reports.business_case.base import Builder, number, plain
from shelter_app.reports.business_case.words import MARK_TO_VERIFY
from shelter_app.reports.pdfkit import AMBER_TEXT, MUTED, hex_color, markup


def appendix(b: Builder, check: Callable[[], None]) -> list[Flowable]:
    out = b.section("appendix")
    out.append(
        b.p(
            markup(
                b.t(
                    (
                        f"Values marked {MARK_TO_VERIFY} “to verify” are not confirmed as current in a primary source (older "
                        "sources or unconfirmed rates); check them before relying on the result.",
                        f"Los valores marcados {MARK_TO_VERIFY} “por verificar” no están confirmados como vigentes en una fuente "
                        "primaria (fuentes anteriores o tasas sin confirmar); revíselos antes de basar decisiones en el "
                        "resultado.",
                    )
                )
            )
        )
    )
    sources: dict[str, tuple[str, str]] = {}
    for sc in b.report.scenarios:
        check()
        out.append(
            Paragraph(markup(b.t((f"Parameters used: {sc.name}", f"Parámetros usados: {sc.name}"))), b.s.h2)
        )
        rows, highlight = [], []
        for n, src in enumerate(sc.result.parameters.sources):
            rows.append(_source_row(b, src, sources))
            if src.to_verify:
                highlight.append(n)
        out.append(
            b.table(
                [
                    b.t(("Parameter", "Parámetro")),
                    b.t(("Value", "Valor")),
                    b.t(("Origin", "Origen")),
                    b.t(("Checked", "Revisado")),
                    b.t(("Status", "Estado")),
                    b.t(("Sources", "Fuentes")),
                ],
                rows,
                [b.width * f for f in (0.27, 0.2, 0.11, 0.12, 0.13, 0.17)],
                numeric_from=6,
                zebra=False,
                highlight=highlight,
            )
        )
    check()
    out += _statutory_tables(b, sources)
    out.append(Paragraph(markup(b.t(("Sources", "Fuentes"))), b.s.h2))
    rows2 = [
        [markup(key), f'{markup(title)}<br/><font color="{hex_color(MUTED)}">{markup(url)}</font>']
        for key, (title, url) in sorted(sources.items())
    ]
    out.append(
        b.table(
            ["ID", b.t(("Title and address", "Título y dirección"))],
            rows2,
            [b.width * 0.22, b.width * 0.78],
            numeric_from=2,
        )
    )
    versions = "; ".join(
        f"{t.file} v{t.version} ({format_date(t.current_to, b.lang)})" for t in b.report.reference.tables
    )
    if versions:
        out.append(
            b.p(
                markup(b.t((f"Reference tables: {versions}.", f"Tablas de referencia: {versions}."))),
                b.s.note,
            )
        )
    return out


def _status_text(b: Builder, provenance: Provenance | None) -> str:
    if provenance is None:
        return "—"
    if provenance.to_verify:
        return f'<font color="{hex_color(AMBER_TEXT)}">{MARK_TO_VERIFY} {markup(b.t(("to verify", "por verificar")))}</font>'
    labels = {"verified": ("verified", "verificado"), "assumption": ("model convention", "convención del modelo")}
    return markup(b.t(labels.get(provenance.confidence.value, (provenance.confidence.value,) * 2)))


def _source_row(b: Builder, src: ParameterSource, sources: dict[str, tuple[str, str]]) -> list[str]:
    prov = src.provenance
    ids = []
    if prov:
        for s in prov.sources:
            sources.setdefault(s.id, (s.title, s.url))
            ids.append(s.id)
    origin = b.t(("table", "tabla") if src.origin is Origin.REFERENCE else ("input", "entrada"))
    if src.origin is Origin.INPUT and src.reason:
        origin += f": {src.reason}"
    return [
        markup(src.parameter),
        markup(b.param_value(src.parameter, src.value)),
        markup(origin),
        markup(format_date(prov.checked_on, b.lang)) if prov else "—",
        _status_text(b, prov if src.origin is Origin.REFERENCE else None),
        markup(", ".join(ids)) or "—",
    ]


def _statutory_tables(b: Builder, sources: dict[str, tuple[str, str]]) -> list[Flowable]:
    """The reference tables R1–R6 and R3b: each value with the date it was checked, its status ("to verify"
    highlighted) and its sources (collected into `sources` for the list that follows)."""
    ref = b.report.reference
    out: list[Flowable] = []
    status_h = [b.t(("Checked", "Revisado")), b.t(("Status", "Estado")), b.t(("Sources", "Fuentes"))]

    def block(title: tuple[str, str], header: list[str], entries: Iterable[tuple[str, str, Provenance]],
              widths: Sequence[float]) -> None:
        rows: list[list[str]] = []
        highlight: list[int] = []
        for n, (label, value, prov) in enumerate(entries):
            for source in prov.sources:
                sources.setdefault(source.id, (source.title, source.url))
            rows.append([label, value, format_date(prov.checked_on, b.lang), _status_text(b, prov),
                         markup(", ".join(source.id for source in prov.sources))])
            if prov.to_verify:
                highlight.append(n)
        out.append(Paragraph(markup(b.t(title)), b.s.h2))
        out.append(b.table([*header, *status_h], rows, [b.width * f for f in widths], numeric_from=1,
                              zebra=False, highlight=highlight))

    general = b.t(("general", "general"))
    wages = sorted(ref.minimum_wage_mxn_per_day.items(), key=lambda kv: (kv[0][0], kv[0][1].value))
    block(("R1 Minimum wage (MXN per day)", "R1 Salario mínimo (MXN por día)"),
          [b.t(("Year · zone", "Año · zona")), "MXN"],
          ((f"{year} · {'ZLFN' if zone.value == 'border' else general}", number(v.value, b.lang), v.provenance)
           for (year, zone), v in wages),
          (0.22, 0.14, 0.14, 0.17, 0.33))
    block(("R2 UMA (MXN per day)", "R2 UMA (MXN por día)"), [b.t(("Year", "Año")), "MXN"],
          ((str(year), number(v.value, b.lang), v.provenance) for year, v in sorted(ref.uma_mxn_per_day.items())),
          (0.22, 0.14, 0.14, 0.17, 0.33))
    imss = [(f"{b.t(('Employer', 'Patrón'))}: {k}", v) for k, v in ref.imss_employer_rates.items()]
    imss += [
        (f"{b.t(('Worker (art. 36)', 'Obrero (art. 36)'))}: {k}", v) for k, v in ref.imss_worker_rates.items()
    ]
    imss += [
        (f"{b.t(('Work risk, class', 'Riesgo de trabajo, clase'))} {c.value}", v)
        for c, v in ref.risk_class_premiums.items()
    ]
    imss += [("INFONAVIT", ref.defaults.infonavit_rate)]
    block(("R4 IMSS and INFONAVIT rates", "R4 Cuotas IMSS e INFONAVIT"),
          [b.t(("Branch", "Rama")), b.t(("Rate", "Tasa"))],
          ((markup(name), b.pct(v.value, 4), v.provenance) for name, v in imss),
          (0.36, 0.12, 0.13, 0.15, 0.24))
    block(("R5 Employer cesantía y vejez rate (%) by SBC band 0–7",
           "R5 Cuota patronal de cesantía y vejez (%) por banda de SBC 0–7"),
          [b.t(("Year", "Año")), b.t(("Bands 0–7 (%)", "Bandas 0–7 (%)"))],
          ((str(year), " · ".join(b.pct(x, 3).replace(" %", "").replace("%", "") for x in bands.value),
            bands.provenance) for year, bands in sorted(ref.cesantia_vejez_rates.rows.items())),
          (0.08, 0.47, 0.12, 0.15, 0.18))
    block(("R6 State payroll tax (ISN)", "R6 Impuesto estatal sobre nóminas (ISN)"),
          [b.t(("State", "Estado")), b.t(("Rate", "Tasa"))],
          ((f"{markup(state)} ({year})", b.pct(v.value, 2), v.provenance)
           for (year, state), v in sorted(ref.isn_rate.items())),
          (0.3, 0.12, 0.14, 0.17, 0.27))
    block(("R3b Weekly hours (48 → 40 hour reform)", "R3b Horas semanales (reforma de 48 a 40 horas)"),
          [b.t(("Year", "Año")), b.t(("Hours", "Horas"))],
          ((str(year), plain(v.value, b.lang), v.provenance) for year, v in sorted(ref.weekly_hours.rows.items())),
          (0.22, 0.14, 0.14, 0.17, 0.33))
    return out


def disclaimer(b: Builder) -> list[Flowable]:
    out = b.section("disclaimer")
    provider = b.report.provider_name or "ShelterDesk"
    out.append(
        b.p(
            markup(
                b.t(
                    (
                        f"This document is an estimate prepared by {provider} from the inputs and assumptions stated in it, for "
                        "discussion with the client. It is not tax, legal or accounting advice and not an offer. Statutory "
                        "values change; those marked “to verify” must be confirmed against the official publications (DOF, "
                        "IMSS, SAT, state laws) before any decision. Market figures marked indicative are typical values, not "
                        "quotes. Results are pre-tax and exclude income-tax effects in Mexico and the United States.",
                        f"Este documento es una estimación elaborada por {provider} a partir de los datos y supuestos que en él se "
                        "indican, para su análisis con el cliente. No constituye asesoría fiscal, legal ni contable ni una "
                        "oferta. Los valores legales cambian; los marcados “por verificar” deben confirmarse contra las "
                        "publicaciones oficiales (DOF, IMSS, SAT, leyes estatales) antes de cualquier decisión. Las cifras de "
                        "mercado marcadas como indicativas son valores típicos, no cotizaciones. Los resultados son antes de "
                        "impuestos y no incluyen los efectos del impuesto sobre la renta en México ni en Estados Unidos.",
                    )
                )
            )
        )
    )
    out.append(
        b.p(
            markup(
                b.t(
                    (
                        f"Generated with ShelterDesk {b.report.app_version}.",
                        f"Generado con ShelterDesk {b.report.app_version}.",
                    )
                )
            ),
            b.s.note,
        )
    )
    return out

# ruff: noqa: E501  (report prose in two languages: the sentences stay whole to be read and translated)
"""Sections 17 and 18: the appendix with the parameters used, the statutory tables with their numbered sources,
the reference tables' releases, and the disclaimer."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from reportlab.platypus import Flowable, Paragraph

from shelter_app.core.bilingual import Text
from shelter_app.core.business_case.parameters import Origin, ParameterSource
from shelter_app.core.business_case.reference import Confidence, Provenance, ReferenceData, Source
from shelter_app.l10n import document_date
from shelter_app.reports.business_case.base import Builder, in_sentence, number, plain, unbroken
from shelter_app.reports.business_case.words import MARK_TO_VERIFY
from shelter_app.reports.pdfkit import AMBER_TEXT, MUTED, hex_color, markup


class References:
    """The sources the appendix cites, numbered in the order they are first cited ("[3]")."""

    def __init__(self) -> None:
        self.sources: list[Source] = []
        self._numbers: dict[str, int] = {}

    def cite(self, provenance: Provenance | None) -> str:
        if provenance is None or not provenance.sources:
            return "—"
        numbers = []
        for source in provenance.sources:
            if source.id not in self._numbers:
                self.sources.append(source)
                self._numbers[source.id] = len(self.sources)
            numbers.append(self._numbers[source.id])
        return ", ".join(f"[{n}]" for n in sorted(set(numbers)))


def appendix(b: Builder, check: Callable[[], None]) -> list[Flowable]:
    out = b.section("appendix")
    out.append(
        b.p(
            markup(
                b.t(
                    Text(
                        f"Values marked {MARK_TO_VERIFY} “to verify” are not confirmed as current in a primary source (older "
                        "sources or unconfirmed rates); what is open is said under each of them. Check them before relying on "
                        "the result. The numbers in brackets refer to the list of sources at the end.",
                        f"Los valores marcados {MARK_TO_VERIFY} “por verificar” no están confirmados como vigentes en una fuente "
                        "primaria (fuentes anteriores o tasas sin confirmar); debajo de cada uno se indica qué falta confirmar. "
                        "Revíselos antes de basar decisiones en el resultado. Los números entre corchetes remiten a la lista de "
                        "fuentes del final.",
                    )
                )
            )
        )
    )
    refs = References()
    groups: dict[tuple[ParameterSource, ...], list[str]] = {}
    for sc in b.report.scenarios:  # scenarios resting on the same values share one table
        groups.setdefault(sc.result.parameters.sources, []).append(sc.name)
    for sources, names in groups.items():
        check()
        title = b.t(Text("Parameters used", "Parámetros usados"))
        if len(b.report.scenarios) > 1:
            title += f": {', '.join(names)}"
        out.append(Paragraph(markup(title), b.s.h2))
        rows, highlight = [], []
        for n, src in enumerate(sources):
            rows.append(_source_row(b, src, refs))
            if src.to_verify:
                highlight.append(n)
        out.append(
            b.table(
                [
                    b.t(Text("Value", "Valor")),
                    b.t(Text("Used", "Usado")),
                    b.t(Text("Origin", "Origen")),
                    b.t(Text("Checked", "Revisado")),
                    b.t(Text("Status", "Estado")),
                    b.t(Text("Sources", "Fuentes")),
                ],
                rows,
                [b.width * f for f in (0.33, 0.19, 0.12, 0.12, 0.13, 0.11)],
                numeric_from=1,
                zebra=False,
                highlight=highlight,
            )
        )
    check()
    out += _statutory_tables(b, refs)
    out += _sources(b, refs)
    out += _releases(b, b.report.reference)
    return out


def _with_note(b: Builder, label: str, provenance: Provenance | None) -> str:
    """A row's label, with what is open about a value "to verify" under it (in amber)."""
    if provenance is None or not provenance.to_verify or provenance.note is None:
        return label
    return f'{label}<br/><font color="{hex_color(AMBER_TEXT)}" size="6.6">{markup(unbroken(b.t(provenance.note)))}</font>'


def _status_text(b: Builder, provenance: Provenance | None) -> str:
    if provenance is None:
        return "—"
    if provenance.to_verify:
        return f'<font color="{hex_color(AMBER_TEXT)}">{MARK_TO_VERIFY} {markup(b.t(Text("to verify", "por verificar")))}</font>'
    if provenance.confidence is Confidence.ASSUMPTION:
        return markup(b.t(Text("model convention", "convención del modelo")))
    return markup(b.t(Text("verified", "verificado")))


def _source_row(b: Builder, src: ParameterSource, refs: References) -> list[str]:
    reference = src.origin is Origin.REFERENCE
    prov = src.provenance if reference else None
    if reference:
        origin = b.t(Text("table", "tabla"))
    else:
        origin = b.t(Text("scenario", "escenario")) + (f": {src.reason}" if src.reason else "")
    return [
        _with_note(b, markup(b.param_label(src.parameter)), prov),
        markup(b.param_value(src.parameter, src.value)),
        markup(origin),
        markup(document_date(prov.checked_on, b.lang)) if prov else "—",
        _status_text(b, prov),
        refs.cite(prov),
    ]


def _title(b: Builder, reference: ReferenceData, table: str, fallback: Text) -> str:
    found = next((t.title for t in reference.tables if t.table == table), None)
    return b.t(found) if found is not None else b.t(fallback)


def _statutory_tables(b: Builder, refs: References) -> list[Flowable]:
    """The statutory reference tables: each value with the date it was checked, its status ("to verify"
    highlighted, with what is open) and its numbered sources."""
    ref = b.report.reference
    out: list[Flowable] = []
    status_h = [b.t(Text("Checked", "Revisado")), b.t(Text("Status", "Estado")), b.t(Text("Sources", "Fuentes"))]

    def block(title: str, header: list[str], entries: Iterable[tuple[str, str, Provenance]],
              widths: Sequence[float], *, notes_below: bool = False) -> None:
        """One table; what is open about a value "to verify" goes under its label, or under the table (once per
        note, with the rows it concerns) when the label column is narrow."""
        rows: list[list[str]] = []
        highlight: list[int] = []
        below: dict[str, list[str]] = {}
        for n, (label, value, prov) in enumerate(entries):
            if notes_below and prov.to_verify and prov.note is not None:
                below.setdefault(b.t(prov.note), []).append(label)
                shown = label
            else:
                shown = _with_note(b, label, prov)
            rows.append([shown, value, document_date(prov.checked_on, b.lang), _status_text(b, prov), refs.cite(prov)])
            if prov.to_verify:
                highlight.append(n)
        out.append(Paragraph(markup(title), b.s.h2))
        out.append(b.table([*header, *status_h], rows, [b.width * f for f in widths], numeric_from=1,
                           zebra=False, highlight=highlight))
        for note, labels in below.items():
            out.append(Paragraph(
                f'<font color="{hex_color(AMBER_TEXT)}">{MARK_TO_VERIFY} {", ".join(labels)}: {markup(unbroken(note))}</font>',
                b.s.small))

    wage_zone = b.label("location.wage_zone")
    zones = {"border": "ZLFN", "general": b.t(Text("general", "general"))}
    wages = sorted(ref.minimum_wage_mxn_per_day.items(), key=lambda kv: (kv[0][0], kv[0][1].value))
    block(f"{_title(b, ref, 'minimum_wages', Text('Minimum wage', 'Salario mínimo'))} ({b.symbol('statutory.min_wage_mxn_per_day')})",
          [f"{b.t(Text('Year', 'Año'))} · {in_sentence(wage_zone)}", "MXN"],
          ((f"{year} · {zones.get(zone.value, zone.value)}", number(v.value, b.lang), v.provenance)
           for (year, zone), v in wages),
          (0.24, 0.14, 0.14, 0.17, 0.31))
    block(f"{_title(b, ref, 'uma', Text('UMA', 'UMA'))} ({b.symbol('statutory.uma_mxn_per_day')})",
          [b.t(Text("Year", "Año")), "MXN"],
          ((str(year), number(v.value, b.lang), v.provenance) for year, v in sorted(ref.uma_mxn_per_day.items())),
          (0.24, 0.14, 0.14, 0.17, 0.31))
    imss = [(b.param_label(f"imss_employer_rates.{k}"), v) for k, v in ref.imss_employer_rates.items()]
    imss += [(b.param_label(f"imss_worker_rates.{k}"), v) for k, v in ref.imss_worker_rates.items()]
    risk = b.label("statutory.rt_premium_rate")
    imss += [(f"{risk}, {b.t(Text('class', 'clase'))} {c.value}", v) for c, v in ref.risk_class_premiums.items()]
    imss += [(b.param_label("infonavit_rate"), ref.defaults.infonavit_rate)]
    block(_title(b, ref, "imss", Text("IMSS and INFONAVIT rates", "Cuotas IMSS e INFONAVIT")),
          [b.t(Text("Contribution", "Cuota")), b.t(Text("Rate", "Tasa"))],
          ((markup(name), b.pct(v.value, 4), v.provenance) for name, v in imss),
          (0.4, 0.12, 0.12, 0.15, 0.21))
    block(_title(b, ref, "cesantia_vejez", Text("Employer old-age and severance rates", "Cuotas patronales de cesantía y vejez")),
          [b.t(Text("Year", "Año")), b.t(Text("Bands 0 to 7 (%)", "Bandas 0 a 7 (%)"))],
          ((str(year), " · ".join(b.pct(x, 3).rstrip("%\u00a0") for x in bands.value),
            bands.provenance) for year, bands in sorted(ref.cesantia_vejez_rates.rows.items())),
          (0.07, 0.51, 0.12, 0.14, 0.16), notes_below=True)
    block(_title(b, ref, "isn", Text("State payroll tax (ISN)", "Impuesto estatal sobre nóminas (ISN)")),
          [b.t(Text("State (year)", "Estado (año)")), b.t(Text("Rate", "Tasa"))],
          ((f"{markup(state)} ({year})", b.pct(v.value, 2), v.provenance)
           for (year, state), v in sorted(ref.isn_rate.items())),
          (0.36, 0.12, 0.13, 0.16, 0.23))
    block(f"{_title(b, ref, 'weekly_hours', Text('Legal work week', 'Jornada semanal legal'))} ({b.symbol('statutory.weekly_hours_by_year')})",
          [b.t(Text("Year", "Año")), b.t(Text("Hours", "Horas"))],
          ((str(year), plain(v.value, b.lang), v.provenance) for year, v in sorted(ref.weekly_hours.rows.items())),
          (0.24, 0.14, 0.14, 0.17, 0.31))
    return out


def _sources(b: Builder, refs: References) -> list[Flowable]:
    """The numbered list of sources: title, publisher, date (or none given), link."""
    out: list[Flowable] = [Paragraph(markup(b.t(Text("Sources", "Fuentes"))), b.s.h2)]
    undated = b.t(Text("undated", "sin fecha"))
    rows = []
    for n, source in enumerate(refs.sources, 1):
        published = document_date(source.published, b.lang) if source.published is not None else undated
        rows.append([
            f"[{n}]",
            f"{markup(source.title_in(b.lang))}. {markup(source.publisher)}, {markup(published)}."
            f'<br/><font color="{hex_color(MUTED)}">{markup(source.url)}</font>',
        ])
    out.append(b.table(["", b.t(Text("Title, publisher, date and address", "Título, editor, fecha y dirección"))],
                       rows, [b.width * 0.07, b.width * 0.93], numeric_from=2))
    return out


def _releases(b: Builder, reference: ReferenceData) -> list[Flowable]:
    """The reference tables behind the defaults: each by its title, with its release and the date its figures
    are current to."""
    if not reference.tables:
        return []
    rows = [[markup(b.t(t.title)), t.version, document_date(t.current_to, b.lang)] for t in reference.tables]
    return [
        Paragraph(markup(b.t(Text("Reference tables", "Tablas de referencia"))), b.s.h2),
        b.table(
            [b.t(Text("Table", "Tabla")), b.t(Text("Release", "Edición")), b.t(Text("Current to", "Vigente al"))],
            rows,
            [b.width * f for f in (0.62, 0.18, 0.2)],
            numeric_from=1,
        ),
    ]


def disclaimer(b: Builder) -> list[Flowable]:
    out = b.section("disclaimer")
    name = markup(b.report.provider_name.strip())
    by = b.t(Text(f"by {name}", f"por {name}")) if name else b.t(Text("by the shelter provider", "por la empresa albergue"))
    out.append(
        b.p(
            b.t(
                Text(
                    f"This document is an estimate prepared {by} from the inputs and assumptions stated in it, for "
                    "discussion with the client. It is not tax, legal or accounting advice and not an offer. Statutory "
                    "values change; those marked “to verify” must be confirmed against the official publications (DOF, "
                    "IMSS, SAT, state laws) before any decision. Market figures marked indicative are typical values, not "
                    "quotes. Results are pre-tax and exclude income-tax effects in Mexico and the United States.",
                    f"Este documento es una estimación elaborada {by} a partir de los datos y supuestos que en él se "
                    "indican, para su análisis con el cliente. No constituye asesoría fiscal, legal ni contable ni una "
                    "oferta. Los valores legales cambian; los marcados “por verificar” deben confirmarse contra las "
                    "publicaciones oficiales (DOF, IMSS, SAT, leyes estatales) antes de cualquier decisión. Las cifras de "
                    "mercado marcadas como indicativas son valores típicos, no cotizaciones. Los resultados son antes de "
                    "impuestos y no incluyen los efectos del impuesto sobre la renta en México ni en Estados Unidos.",
                )
            )
        )
    )
    out.append(
        b.p(
            markup(
                b.t(
                    Text(
                        f"Generated with ShelterDesk {b.report.app_version}.",
                        f"Generado con ShelterDesk {b.report.app_version}.",
                    )
                )
            ),
            b.s.note,
        )
    )
    return out

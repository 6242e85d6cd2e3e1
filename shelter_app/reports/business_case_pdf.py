# ruff: noqa: E501  (report prose in two languages: the sentences stay whole to be read and translated)
"""The business case as a print-ready PDF, English or Spanish, Letter or A4 (cost-model.md §1.1).

`write_business_case_pdf(report, path, ...)` renders a `core.business_report.BusinessCaseReport`:
a cover, the contents (with PDF bookmarks), then the outline's sections, each a method from
plain data to flowables, and an appendix with the reference tables and their sources. Charts are
`reportlab.graphics` drawings (`reports.business_charts`). The document is built in one pass: the
contents' page numbers and the bookmarks are added when the pages are saved, once every
section's page is known. The file is written beside the target and renamed over it at the end,
so a failure or a cancel leaves the old file as it was.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from shelter_app.core import business_charts as charts
from shelter_app.core.bilingual import Text
from shelter_app.core.business_case import site_score
from shelter_app.core.business_case.china import ChinaComparison
from shelter_app.core.business_case.inputs import FeeModel
from shelter_app.core.business_case.parameters import Origin, ParameterSource
from shelter_app.core.business_case.reference import Provenance
from shelter_app.core.business_case.result import RoleYear, YearResult, direct_hourly_usd
from shelter_app.core.business_case.sensitivity import Driver, Sensitivity, SensitivityRow, first_full_year
from shelter_app.core.business_case.site_score import SiteScore
from shelter_app.core.business_report import (
    STRUCTURE_OWN_ENTITY,
    BusinessCaseReport,
    DocumentCancelled,
    ReadinessItem,
    ReportScenario,
)
from shelter_app.core.scenario_prefill import CHINA_TEMPLATE_INDICATIVE
from shelter_app.l10n import format_date, format_number
from shelter_app.reports import COMMON, STATUS_LABELS, replacing
from shelter_app.reports import business_charts as draw
from shelter_app.reports.fonts import BOLD, REGULAR, register_fonts
from shelter_app.reports.pdfkit import (
    AMBER_BG,
    AMBER_TEXT,
    HEADER_BG,
    INK,
    MUTED,
    PAGE_SIZES,
    RULE,
    ZEBRA,
    fit,
    hex_color,
    markup,
    numbered_canvas,
    table_style,
)

Language = Literal["en", "es"]
Paper = Literal["letter", "a4"]
Progress = Callable[[float, str], None]
Cancel = Callable[[], bool]

SIDE_MARGIN = 18 * mm
TOP_MARGIN = 20 * mm
BOTTOM_MARGIN = 18 * mm
MARK_INDICATIVE = "◇"
MARK_TO_VERIFY = "⚠"
ROLES_PER_BUILDUP_TABLE = 4

# (English, Spanish). Spanish: Mexican business usage (“caso de negocio”, “plantilla”, “VPN”, “TIR”).
W: dict[str, tuple[str, str]] = {
    "title": ("Business case: manufacturing in Mexico", "Caso de negocio: manufactura en México"),
    "running": ("Business case", "Caso de negocio"),
    "prepared_for": ("Prepared for", "Preparado para"),
    "prepared_by": ("Prepared by", "Elaborado por"),
    "date": ("Date", "Fecha"),
    "project": ("Project", "Proyecto"),
    "scenarios": ("Scenarios compared", "Escenarios comparados"),
    "cover_note": (
        "Pre-tax estimate. Amounts in US dollars (USD) unless marked MXN (Mexican pesos).",
        "Estimación antes de impuestos. Importes en dólares estadounidenses (USD) salvo los marcados "
        "MXN (pesos mexicanos).",
    ),
    "not_linked": (
        "This document was produced from a scenario file and is not linked to a project: it has no "
        "checklist readiness and no start-up timeline.",
        "Este documento se generó a partir de un archivo de escenario y no está vinculado a un "
        "proyecto: no incluye el avance de las listas de verificación ni el calendario de arranque.",
    ),
    "contents": ("Contents", "Contenido"),
    "confidential": ("Confidential · pre-tax estimate", "Confidencial · estimación antes de impuestos"),
    "yes": ("Yes", "Sí"),
    "no": ("No", "No"),
    "item": ("Item", "Concepto"),
    "year": ("Year", "Año"),
    "total": ("Total", "Total"),
    "role": ("Role", "Puesto"),
    "value": ("Value", "Valor"),
    "scenario": ("Scenario", "Escenario"),
    "indicative": ("indicative", "indicativo"),
    "indicative_note": (
        "{mark} indicative: a figure from the prefill (typical values of the cost model), not yet "
        "the client's own. Replace it before relying on the result.",
        "{mark} indicativo: cifra de la precarga (valores típicos del modelo de costos), aún no "
        "propia del cliente. Sustitúyala antes de basar decisiones en el resultado.",
    ),
    "irr_none": (
        "does not exist (the cash flows have no internal rate of return)",
        "no existe (los flujos de efectivo no tienen tasa interna de retorno)",
    ),
    "payback_none": ("not within {n} years", "no se recupera en {n} años"),
    "years_months": ("{years} years ({months} months)", "{years} años ({months} meses)"),
    "none": ("none", "ninguno"),
}

SECTIONS: tuple[tuple[str, tuple[str, str]], ...] = (
    ("summary", ("Executive summary", "Resumen ejecutivo")),
    ("profile", ("Project profile and assumptions", "Perfil del proyecto y supuestos")),
    ("comparison", ("Scenario comparison", "Comparación de escenarios")),
    ("structure", ("Operating structure", "Estructura de operación")),
    ("headcount", ("Headcount plan", "Plan de plantilla")),
    ("labor", ("Labor cost build-up", "Integración del costo laboral")),
    ("facility", ("Facility", "Instalaciones")),
    ("logistics", ("Logistics and customs", "Logística y aduanas")),
    ("trade", ("Trade and tax", "Comercio exterior e impuestos")),
    ("one_time", ("One-time costs", "Costos únicos de arranque")),
    ("timeline", ("Start-up timeline", "Calendario de arranque")),
    ("current", ("Comparison with the current location", "Comparación con la ubicación actual")),
    ("financials", ("Financials", "Indicadores financieros")),
    ("sensitivity", ("Sensitivity", "Análisis de sensibilidad")),
    ("risks", ("Risks and open items", "Riesgos y pendientes")),
    ("method", ("Method and limitations", "Método y limitaciones")),
    ("appendix", ("Appendix: statutory tables and sources", "Anexo: tablas legales y fuentes")),
    ("disclaimer", ("Disclaimer", "Aviso legal")),
)

MEXICO_TOTAL = ("Mexico total (USD/yr)", "Total México (USD/año)")
ANNUAL_SAVINGS = ("Annual savings (USD)", "Ahorro anual (USD)")
SITE_SCORE = ("Weighted site score (0–100)", "Puntuación ponderada del sitio (0–100)")
SCORE_CRITERIA: dict[str, tuple[str, str]] = {
    site_score.HOURLY: ("Loaded cost per direct worked hour", "Costo integral por hora trabajada directa"),
    site_score.ANNUAL: ("Mexico annual total", "Total anual en México"),
    site_score.TURNOVER: ("Turnover of direct roles", "Rotación del personal directo"),
    site_score.DISTANCE: ("Distance to the crossing", "Distancia al cruce"),
    site_score.VACANCY: ("Industrial vacancy", "Vacancia industrial"),
}

BLOCK_ORDER = ("labor", "shelter_fee", "facility", "utilities", "site_overhead", "logistics", "duties")

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


# ---- formatting -------------------------------------------------------------------------------------------


def money(value: Decimal, language: str, places: int = 0) -> str:
    """An amount as the PDF prints it (grouping per language, no currency code)."""
    return format_number(value, language, places)


def percent(rate: Decimal, language: str, places: int = 1) -> str:
    number = format_number(rate * 100, language, places)
    return f"{number} %" if language == "es" else f"{number}%"


def number(value: Decimal, language: str, places: int = 2) -> str:
    return format_number(value, language, places)


def plain(value: Decimal, language: str) -> str:
    """A number with the decimals it has (up to 6), no trailing zeros."""
    exponent = value.normalize().as_tuple().exponent
    places = min(max(-exponent, 0), 6) if isinstance(exponent, int) else 2
    return format_number(value, language, places)


def irr_text(irr: Decimal | None, language: str) -> str:
    return percent(irr, language, 1) if irr is not None else _w("irr_none", language)


def payback_text(payback: Decimal | None, horizon: int, language: str) -> str:
    if payback is None:
        return _w("payback_none", language).format(n=horizon)
    return _w("years_months", language).format(
        years=number(payback, language, 2), months=number(payback * 12, language, 1)
    )


def _in_sentence(label: str) -> str:
    """A label inside a sentence: its first letter lowercase, unless it starts with a proper noun (Mexico)."""
    if label.startswith(("Mexico", "México")):
        return label
    return label[:1].lower() + label[1:]


def _w(key: str, language: str) -> str:
    pair = W[key]
    return pair[1] if language == "es" else pair[0]


def _pick(pair: tuple[str, str] | Text, language: str) -> str:
    if isinstance(pair, Text):
        return pair.pick(language)
    return pair[1] if language == "es" else pair[0]


# ---- flowables that know their place in the document ---------------------------------------------------


class _Heading(Paragraph):
    """A section or subsection title; the document records its page for the contents and bookmarks."""

    def __init__(self, text: str, style: ParagraphStyle, key: str, title: str, level: int) -> None:
        super().__init__(text, style)
        self.key, self.title, self.level = key, title, level


@dataclass
class _Marks:
    """What the single build pass learns, drawn on the pages when they are saved."""

    heading_pages: dict[str, int]
    outline: list[tuple[str, str, int, int]]  # key, title, level, page
    contents: list[tuple[str, int, float, float, float]]  # key, page, x_right, y, x_left


class _Contents(Flowable):
    """The contents: titles and dot leaders now; page numbers and links when the pages are saved."""

    def __init__(self, entries: Sequence[tuple[str, str]], marks: _Marks, width: float) -> None:
        super().__init__()
        self.entries, self.marks, self.avail = list(entries), marks, width
        self.leading = 17.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.avail, self.leading * len(self.entries)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        rows = int(available_height // self.leading)
        if rows <= 0 or rows >= len(self.entries):
            return []
        return [
            _Contents(self.entries[:rows], self.marks, self.avail),
            _Contents(self.entries[rows:], self.marks, self.avail),
        ]

    def draw(self) -> None:
        canvas = self.canv
        page = canvas.getPageNumber()
        number_w = 30.0
        for n, (key, title) in enumerate(self.entries):
            y = self.leading * (len(self.entries) - n - 1) + 4
            text = fit(title, REGULAR, 10, self.avail - number_w - 20)
            canvas.setFont(REGULAR, 10)
            canvas.setFillColor(INK)
            canvas.drawString(0, y, text)
            start = stringWidth(text, REGULAR, 10) + 4
            canvas.setFillColor(RULE)
            dots = int((self.avail - number_w - start) / 4)
            canvas.drawString(start, y, " ." * (dots // 2))
            x_right, y_abs = canvas.absolutePosition(self.avail, y)
            x_left, _ = canvas.absolutePosition(0, y)
            self.marks.contents.append((key, page, x_right, y_abs, x_left))


class _Doc(BaseDocTemplate):
    """Records headings as they land on pages; reports progress and honours a cancel after each flowable."""

    def __init__(
        self,
        filename: str,
        marks: _Marks,
        total: int,
        progress: Progress | None,
        cancel: Cancel | None,
        language: str,
        **kw: Any,
    ) -> None:
        super().__init__(filename, **kw)
        self.marks, self.total, self.done = marks, max(total, 1), 0
        self.progress_cb, self.cancel_cb, self.language = progress, cancel, language

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _Heading):
            self.marks.heading_pages.setdefault(flowable.key, self.page)
            self.marks.outline.append((flowable.key, flowable.title, flowable.level, self.page))
        self.done += 1
        if self.cancel_cb is not None and self.cancel_cb():
            raise DocumentCancelled()
        if self.progress_cb is not None and self.done % 8 == 0:
            word = "Laying out page" if self.language == "en" else "Formando la página"
            self.progress_cb(min(0.2 + 0.75 * self.done / self.total, 0.95), f"{word} {self.page}")


# ---- styles ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Styles:
    cover_title: ParagraphStyle
    cover_client: ParagraphStyle
    cover_line: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    bullet: ParagraphStyle
    small: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    num: ParagraphStyle
    num_bold: ParagraphStyle
    head: ParagraphStyle
    head_num: ParagraphStyle


def _styles() -> _Styles:
    def style(
        name: str, size: float, leading: float, font: str = REGULAR, color: colors.Color = INK, **kw: Any
    ) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, textColor=color, **kw)

    return _Styles(
        cover_title=style("cover_title", 24, 29, BOLD, spaceAfter=14),
        cover_client=style("cover_client", 17, 21, BOLD, spaceAfter=8),
        cover_line=style("cover_line", 10.5, 14, spaceAfter=3),
        h1=style("h1", 14, 18, BOLD, spaceBefore=2, spaceAfter=6, keepWithNext=1),
        h2=style("h2", 11, 14, BOLD, spaceBefore=8, spaceAfter=4, keepWithNext=1),
        h3=style("h3", 9.5, 12, BOLD, spaceBefore=6, spaceAfter=3, keepWithNext=1),
        body=style("body", 9, 12.2, spaceAfter=4),
        bullet=style("bullet", 9, 12, leftIndent=10, bulletIndent=0, spaceAfter=2, bulletFontName=REGULAR),
        small=style("small", 7.6, 9.6, spaceAfter=2),
        note=style("note", 7.4, 9.4, color=MUTED, spaceBefore=3, spaceAfter=3),
        cell=style("cell", 7.6, 9.4),
        cell_bold=style("cell_bold", 7.6, 9.4, BOLD),
        num=style("num", 7.6, 9.4, alignment=TA_RIGHT),
        num_bold=style("num_bold", 7.6, 9.4, BOLD, alignment=TA_RIGHT),
        head=style("head", 7.4, 9, BOLD, colors.white),
        head_num=style("head_num", 7.4, 9, BOLD, colors.white, alignment=TA_RIGHT),
    )


# ---- the builder -------------------------------------------------------------------------------------------


class _Builder:
    def __init__(self, report: BusinessCaseReport, language: Language, width: float, marks: _Marks) -> None:
        self.r, self.lang, self.width, self.marks = report, language, width, marks
        self.s = _styles()

    # helpers -----------------------------------------------------------------------------------------------

    def t(self, pair: tuple[str, str] | Text) -> str:
        return _pick(pair, self.lang)

    def w(self, key: str, **values: Any) -> str:
        text = _w(key, self.lang)
        return text.format(**values) if values else text

    def m(self, value: Decimal, places: int = 0) -> str:
        return money(value, self.lang, places)

    def pct(self, rate: Decimal, places: int = 1) -> str:
        return percent(rate, self.lang, places)

    def p(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(text, style or self.s.body)

    def section(self, key: str) -> list[Flowable]:
        number = [k for k, _ in SECTIONS].index(key) + 1
        title = f"{number}. {self.t(dict(SECTIONS)[key])}"
        return [CondPageBreak(120), _Heading(markup(title), self.s.h1, key, title, 0)]

    def sub(self, scenario: ReportScenario, key: str) -> list[Flowable]:
        """A scenario's subheading when several scenarios are compared (and a bookmark under the section)."""
        if len(self.r.scenarios) == 1:
            return []
        n = self.r.scenarios.index(scenario) + 1
        return [_Heading(markup(scenario.name), self.s.h2, f"{key}.{n}", scenario.name, 1)]

    def bullets(self, items: Iterable[str]) -> list[Flowable]:
        return [Paragraph(text, self.s.bullet, bulletText="•") for text in items]

    def ind(self, scenario: ReportScenario, *paths: str) -> str:
        """The indicative mark after a value when any of `paths` is still a prefill figure."""
        if any(scenario.is_indicative(p) for p in paths):
            return f' <font color="{hex_color(AMBER_TEXT)}">{MARK_INDICATIVE}</font>'
        return ""

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[Any]],
        widths: Sequence[float],
        *,
        numeric_from: int = 1,
        bold_rows: Iterable[int] = (),
        zebra: bool = True,
        highlight: Iterable[int] = (),
    ) -> Table:
        """A table with a repeated dark header; text cells wrap, rows are never cut across pages."""
        s = self.s
        data: list[list[Any]] = [
            [Paragraph(markup(h), s.head_num if i >= numeric_from else s.head) for i, h in enumerate(header)]
        ]
        bold = set(bold_rows)
        for r_no, row in enumerate(rows):
            cells: list[Any] = []
            for i, cell in enumerate(row):
                if isinstance(cell, Flowable):
                    cells.append(cell)
                    continue
                if i >= numeric_from:
                    style = s.num_bold if r_no in bold else s.num
                else:
                    style = s.cell_bold if r_no in bold else s.cell
                text = str(cell)
                # a cell without markup that fits its column on one line is drawn as plain text: the same look,
                # and no paragraph to parse and wrap (most of a 25-page document's time went there)
                if "<" not in text and "&" not in text and i < len(widths) and \
                        stringWidth(text, style.fontName, style.fontSize) <= widths[i] - 8:
                    cells.append(text)
                    continue
                cells.append(Paragraph(text, style))
            data.append(cells)
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (numeric_from, 1), (-1, -1), s.num.fontName),
            ("FONTSIZE", (numeric_from, 1), (-1, -1), s.num.fontSize),
            ("LEADING", (numeric_from, 1), (-1, -1), s.num.leading),
            ("TEXTCOLOR", (numeric_from, 1), (-1, -1), s.num.textColor),
            ("ALIGN", (numeric_from, 1), (-1, -1), "RIGHT"),
            ("FONTNAME", (0, 1), (numeric_from - 1, -1), s.cell.fontName),
            ("FONTSIZE", (0, 1), (numeric_from - 1, -1), s.cell.fontSize),
            ("LEADING", (0, 1), (numeric_from - 1, -1), s.cell.leading),
            ("TEXTCOLOR", (0, 1), (numeric_from - 1, -1), s.cell.textColor),
            *[("FONTNAME", (0, r_no + 1), (-1, r_no + 1), s.num_bold.fontName) for r_no in bold],
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 3.5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3.5),
            ("TOPPADDING", (0, 0), (-1, -1), 2.2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
        ]
        if zebra:
            commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]))
        for r_no in highlight:
            commands.append(("BACKGROUND", (0, r_no + 1), (-1, r_no + 1), AMBER_BG))
        for r_no in bold:
            commands.append(("LINEABOVE", (0, r_no + 1), (-1, r_no + 1), 0.6, MUTED))
        table = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
        table.setStyle(table_style(commands))
        return table

    def kv(self, rows: Sequence[tuple[str, str]], label_share: float = 0.38) -> Table:
        """A two-column table of labels and values (no header)."""
        s = self.s
        data = [[Paragraph(label, s.cell), Paragraph(value, s.cell)] for label, value in rows]
        table = Table(data, colWidths=[self.width * label_share, self.width * (1 - label_share)], hAlign="LEFT")
        table.setStyle(
            table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                    ("ROWBACKGROUNDS", (0, 0), (-1, -1), [colors.white, ZEBRA]),
                    ("LEFTPADDING", (0, 0), (-1, -1), 3.5),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 3.5),
                    ("TOPPADDING", (0, 0), (-1, -1), 2.2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
                ]
            )
        )
        return table

    def scenario_columns(self, label_w: float) -> list[float]:
        n = len(self.r.scenarios)
        return [label_w] + [(self.width - label_w) / n] * n

    def ref_year(self, scenario: ReportScenario) -> YearResult:
        return first_full_year(scenario.result)

    # cover and contents ------------------------------------------------------------------------------------

    def cover(self) -> list[Flowable]:
        r, s = self.r, self.s
        out: list[Flowable] = [Spacer(1, 40), Paragraph(markup(self.w("title")), s.cover_title)]
        out.append(
            Paragraph(
                f'<font color="{hex_color(MUTED)}" size="9">{markup(self.w("prepared_for"))}</font>', s.cover_line
            )
        )
        out.append(Paragraph(markup(r.client_name or r.project_title), s.cover_client))
        if r.client_name and r.project_title:
            out.append(Paragraph(f"{markup(self.w('project'))}: {markup(r.project_title)}", s.cover_line))
        if r.provider_name:
            out.append(Paragraph(f"{markup(self.w('prepared_by'))}: <b>{markup(r.provider_name)}</b>", s.cover_line))
        out.append(
            Paragraph(
                f"{markup(self.w('date'))}: {markup(format_date(r.generated_on, self.lang, 'long'))}", s.cover_line
            )
        )
        out.append(Spacer(1, 14))
        out.append(Paragraph(f"<b>{markup(self.w('scenarios'))}</b>", s.cover_line))
        out += self.bullets(markup(sc.name) for sc in r.scenarios)
        out.append(Spacer(1, 18))
        out.append(Paragraph(markup(self.w("cover_note")), s.note))
        if r.project is None:
            out.append(Paragraph(markup(self.w("not_linked")), s.note))
        out.append(Paragraph(markup(self.w("indicative_note", mark=MARK_INDICATIVE)), s.note))
        return out

    def contents(self) -> list[Flowable]:
        entries = [(key, f"{n}. {self.t(pair)}") for n, (key, pair) in enumerate(SECTIONS, 1)]
        return [
            Paragraph(markup(self.w("contents")), self.s.h1),
            Spacer(1, 6),
            _Contents(entries, self.marks, self.width),
        ]

    # 1 executive summary ---------------------------------------------------------------------------------

    def summary(self) -> list[Flowable]:
        out = self.section("summary")
        first = self.r.scenarios[0]
        year = self.ref_year(first)
        intro = (
            f"This business case compares the cost of the current plant with a Mexican operation in "
            f"{len(self.r.scenarios)} scenario(s). Annual figures are for {year.year}, the first full year of "
            f"operation; the returns cover {first.result.case.scenario.horizon_years} years and the one-time "
            "start-up outlay. All figures are pre-tax.",
            f"Este caso de negocio compara el costo de la planta actual con una operación en México en "
            f"{len(self.r.scenarios)} escenario(s). Las cifras anuales corresponden a {year.year}, el primer año "
            f"completo de operación; los indicadores abarcan {first.result.case.scenario.horizon_years} años y la "
            "inversión única de arranque. Todas las cifras son antes de impuestos.",
        )
        out.append(self.p(markup(self.t(intro))))
        out.append(self.headline_table())
        out.append(Spacer(1, 6))
        for sc in self.r.scenarios:
            res = sc.result
            y = self.ref_year(sc)
            line = (
                f"<b>{markup(sc.name)}</b>: the Mexican operation costs {self.m(y.mexico.total_usd)} USD a year "
                f"against {self.m(y.baseline.total_usd)} USD today, saving {self.m(y.savings_usd)} USD "
                f"({self.pct(y.savings_usd / y.baseline.total_usd if y.baseline.total_usd else Decimal(0))}). "
                f"The {self.m(res.one_time.total_usd)} USD start-up outlay pays back in "
                f"{payback_text(res.returns.payback_years, len(res.years), 'en')}; NPV "
                f"{self.m(res.returns.npv_usd)} USD, IRR {irr_text(res.returns.irr, 'en')}.",
                f"<b>{markup(sc.name)}</b>: la operación en México cuesta {self.m(y.mexico.total_usd)} USD al año "
                f"frente a {self.m(y.baseline.total_usd)} USD hoy, un ahorro de {self.m(y.savings_usd)} USD "
                f"({self.pct(y.savings_usd / y.baseline.total_usd if y.baseline.total_usd else Decimal(0))}). La "
                f"inversión de arranque de {self.m(res.one_time.total_usd)} USD se recupera en "
                f"{payback_text(res.returns.payback_years, len(res.years), 'es')}; VPN "
                f"{self.m(res.returns.npv_usd)} USD, TIR {irr_text(res.returns.irr, 'es')}.",
            )
            out.append(self.p(self.t(line)))
            if sc.china is not None:  # the client buys these goods from China today: the other comparison
                china = sc.china
                cy = next((c for c in china.years if c.year == y.year), china.years[-1])
                ret = china.returns
                versus = (
                    f"Against the China supplier, the same goods landed in the US cost {self.m(cy.landed_usd)} USD "
                    f"in {cy.year} against {self.m(cy.mexico_usd)} USD made in Mexico with their materials, saving "
                    f"{self.m(cy.savings_usd)} USD; NPV {self.m(ret.npv_usd)} USD, IRR {irr_text(ret.irr, 'en')}, "
                    f"payback {payback_text(ret.payback_years, len(china.years), 'en')}.",
                    f"Frente al proveedor en China, las mismas mercancías puestas en EE. UU. cuestan "
                    f"{self.m(cy.landed_usd)} USD en {cy.year} contra {self.m(cy.mexico_usd)} USD fabricadas en "
                    f"México con sus materiales, un ahorro de {self.m(cy.savings_usd)} USD; VPN "
                    f"{self.m(ret.npv_usd)} USD, TIR {irr_text(ret.irr, 'es')}, recuperación en "
                    f"{payback_text(ret.payback_years, len(china.years), 'es')}.",
                )
                out.append(self.p(self.t(versus)))
        out.append(draw.bar_chart(charts.savings_by_year(self.r.scenarios), self.width, self.lang, 165))
        out.append(Spacer(1, 6))
        out.append(draw.line_chart(charts.cumulative_cash_flow(self.r.scenarios), self.width, self.lang, 165))
        return out

    def headline_table(self) -> Table:
        rows: list[list[str]] = []
        labels: list[tuple[tuple[str, str], Callable[[ReportScenario, YearResult], str]]] = [
            (("Annual cost in Mexico (USD)", "Costo anual en México (USD)"), lambda sc, y: self.m(y.mexico.total_usd)),
            (
                ("Annual cost at the current location (USD)", "Costo anual en la ubicación actual (USD)"),
                lambda sc, y: self.m(y.baseline.total_usd),
            ),
            (("Annual savings (USD)", "Ahorro anual (USD)"), lambda sc, y: self.m(y.savings_usd)),
            (
                ("One-time cost (USD)", "Costo único de arranque (USD)"),
                lambda sc, y: self.m(sc.result.one_time.total_usd),
            ),
            (
                ("Payback", "Periodo de recuperación"),
                lambda sc, y: payback_text(sc.result.returns.payback_years, len(sc.result.years), self.lang),
            ),
            (
                ("Net present value, NPV (USD)", "Valor presente neto, VPN (USD)"),
                lambda sc, y: self.m(sc.result.returns.npv_usd),
            ),
            (("Discount rate", "Tasa de descuento"), lambda sc, y: self.pct(sc.result.returns.discount_rate)),
            (
                ("Internal rate of return, IRR", "Tasa interna de retorno, TIR"),
                lambda sc, y: irr_text(sc.result.returns.irr, self.lang),
            ),
            (
                ("Reference year (first full year)", "Año de referencia (primer año completo)"),
                lambda sc, y: str(y.year),
            ),
        ]
        for pair, value in labels:
            rows.append([markup(self.t(pair)), *(markup(value(sc, self.ref_year(sc))) for sc in self.r.scenarios)])
        header = [self.w("item"), *(sc.name for sc in self.r.scenarios)]
        return self.table(header, rows, self.scenario_columns(self.width * 0.36), bold_rows=(2,))

    # 2 profile and assumptions ---------------------------------------------------------------------------

    def profile(self) -> list[Flowable]:
        out = self.section("profile")
        for sc in self.r.scenarios:
            out += self.sub(sc, "profile")
            _res, case, p = sc.result, sc.result.case, sc.result.parameters
            doc_scenario = sc.document.get("scenario", {}) if isinstance(sc.document, dict) else {}
            fx_date = doc_scenario.get("_fx_as_of") if isinstance(doc_scenario, dict) else None
            fx_source = doc_scenario.get("_fx_source") if isinstance(doc_scenario, dict) else None
            fx_note = self.t(
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
                self.t(("Northern border free zone (ZLFN)", "Zona Libre de la Frontera Norte (ZLFN)"))
                if p.wage_zone.value == "border" or str(p.wage_zone) == "zlfn"
                else self.t(("General zone", "Zona general"))
            )
            ramp = ", ".join(
                f"{y}: {self.pct(v, 0)}" for y, v in sorted(case.scenario.ramp_realization_by_year.items())
            )
            rows = [
                (
                    self.t(("Location", "Ubicación")),
                    markup(", ".join(x for x in (case.location.city, p.state) if x)) + self.ind(sc, "location.state"),
                ),
                (self.t(("Minimum-wage zone", "Zona de salario mínimo")), markup(zone)),
                (self.t(("Operating structure", "Estructura de operación")), markup(self.structure_name(sc))),
                (
                    self.t(("Base year and horizon", "Año base y horizonte")),
                    self.t(
                        (
                            f"{case.scenario.base_year}, {case.scenario.horizon_years} years",
                            f"{case.scenario.base_year}, {case.scenario.horizon_years} años",
                        )
                    ),
                ),
                (
                    self.t(("Exchange rate (MXN per USD)", "Tipo de cambio (MXN por USD)")),
                    f"{number(case.scenario.fx_mxn_per_usd, self.lang, 4)} — {markup(fx_note)}"
                    + self.ind(sc, "scenario.fx_mxn_per_usd"),
                ),
                (
                    self.t(("Discount rate", "Tasa de descuento")),
                    self.pct(case.scenario.discount_rate) + self.ind(sc, "scenario.discount_rate"),
                ),
                (
                    self.t(("Escalation per year", "Incremento anual")),
                    self.t(
                        (
                            f"Mexican wages {self.pct(e.mx_wages)}, minimum wage {self.pct(e.min_wage)}, UMA "
                            f"{self.pct(e.uma, 2)}, Mexican CPI {self.pct(e.mx_cpi, 2)}, USD costs {self.pct(e.usd_costs)}, "
                            f"US wages {self.pct(e.us_wages)}",
                            f"salarios en México {self.pct(e.mx_wages)}, salario mínimo {self.pct(e.min_wage)}, UMA "
                            f"{self.pct(e.uma, 2)}, INPC {self.pct(e.mx_cpi, 2)}, costos en USD {self.pct(e.usd_costs)}, "
                            f"salarios en EE. UU. {self.pct(e.us_wages)}",
                        )
                    )
                    + self.ind(sc, "escalation"),
                ),
                (
                    self.t(("Headcount (48-hour week)", "Plantilla (semana de 48 horas)")),
                    self.t(
                        (
                            f"{plain(direct + indirect, self.lang)} ({plain(direct, self.lang)} direct, "
                            f"{plain(indirect, self.lang)} indirect) in {len(case.workforce.roles)} role(s)",
                            f"{plain(direct + indirect, self.lang)} ({plain(direct, self.lang)} directos, "
                            f"{plain(indirect, self.lang)} indirectos) en {len(case.workforce.roles)} puesto(s)",
                        )
                    )
                    + self.ind(sc, "workforce.roles"),
                ),
                (self.t(("Productivity vs plan", "Productividad vs plan")), plain(p.productivity_factor, self.lang)),
                (
                    self.t(("Seniority modelled", "Antigüedad modelada")),
                    self.t(
                        (
                            f"{p.seniority_years} year(s): {plain(p.vacation_days, self.lang)} vacation days",
                            f"{p.seniority_years} año(s): {plain(p.vacation_days, self.lang)} días de vacaciones",
                        )
                    ),
                ),
                (
                    self.t(("Minimum wage / UMA (MXN per day)", "Salario mínimo / UMA (MXN por día)")),
                    f"{number(p.min_wage_mxn_per_day, self.lang)} / {number(p.uma_mxn_per_day, self.lang)}",
                ),
                (
                    self.t(("Payroll tax (ISN) / work-risk premium", "ISN / prima de riesgo de trabajo")),
                    f"{self.pct(p.isn_rate, 2)} / {self.pct(p.rt_premium_rate, 5)} "
                    f"({self.t(('class', 'clase'))} {p.risk_class.value})",
                ),
                (
                    self.t(("Phased transfer (share of savings realised)", "Transferencia gradual (ahorro realizado)")),
                    ramp
                    or self.t(
                        ("none: full savings from the first year", "ninguna: ahorro completo desde el primer año")
                    ),
                ),
            ]
            out.append(self.kv(rows))
            out += self.overrides(sc)
            out += self.indicative_list(sc)
        return out

    def structure_name(self, sc: ReportScenario) -> str:
        if sc.structure == STRUCTURE_OWN_ENTITY:
            return self.t(
                ("Own Mexican entity with its own IMMEX program", "Entidad mexicana propia con programa IMMEX propio")
            )
        return self.t(
            (
                "Shelter (albergue): the provider's entity and IMMEX program",
                "Albergue (shelter): la entidad y el programa IMMEX del proveedor",
            )
        )

    def overrides(self, sc: ReportScenario) -> list[Flowable]:
        overrides = sc.result.parameters.overrides
        if not overrides:
            return [
                self.p(
                    markup(
                        self.t(
                            (
                                "Every statutory value comes from the reference tables (appendix).",
                                "Todos los valores legales provienen de las tablas de referencia (anexo).",
                            )
                        )
                    ),
                    self.s.note,
                )
            ]
        rows = []
        for o in overrides:
            reason = o.reason or self.t(("no reason given", "sin motivo indicado"))
            rows.append(
                [
                    markup(o.parameter),
                    markup(self.param_value(o.parameter, o.value)),
                    markup(self.param_value(o.parameter, o.reference_value) if o.reference_value is not None else "—"),
                    markup(reason),
                ]
            )
        return [
            Paragraph(
                markup(
                    self.t(
                        (
                            "Values set instead of the reference tables",
                            "Valores indicados en lugar de las tablas de referencia",
                        )
                    )
                ),
                self.s.h3,
            ),
            self.table(
                [
                    self.t(("Parameter", "Parámetro")),
                    self.t(("Used", "Usado")),
                    self.t(("Table", "Tabla")),
                    self.t(("Reason", "Motivo")),
                ],
                rows,
                [self.width * f for f in (0.3, 0.15, 0.15, 0.4)],
                numeric_from=1,
            ),
        ]

    def indicative_list(self, sc: ReportScenario) -> list[Flowable]:
        if not sc.indicative:
            return []
        names = []
        for path in sorted(sc.indicative):
            label = next(
                (
                    self.t(pair)
                    for prefix, pair in INDICATIVE_LABELS
                    if path == prefix or path.startswith(prefix + ".") or path.startswith(prefix + "[")
                ),
                path,
            )
            if "daily_wage" in path or "market_benefits" in path:
                label = self.t(("Wages and market benefits", "Salarios y prestaciones de mercado"))
            if label not in names:
                names.append(label)
        text = self.t(
            (
                "Still indicative (prefill figures, not the client's own): ",
                "Aún indicativos (cifras de la precarga, no propias del cliente): ",
            )
        )
        return [
            Paragraph(
                f'<font color="{hex_color(AMBER_TEXT)}">{MARK_INDICATIVE}</font> {markup(text)}'
                f"{markup('; '.join(names))}.",
                self.s.small,
            )
        ]

    def param_value(self, name: str, value: Decimal | tuple[Decimal, ...] | None) -> str:
        if value is None:
            return "—"
        if isinstance(value, tuple):
            return " · ".join(self.param_value(name, v) for v in value)
        if "rate" in name or name.startswith(("imss_", "cesantia", "ptu.taxable", "ptu.rate")):
            return self.pct(value, 3)
        return plain(value, self.lang)

    # 3 scenario comparison -------------------------------------------------------------------------------

    def comparison(self) -> list[Flowable]:
        out = self.section("comparison")
        if len(self.r.scenarios) == 1:
            out.append(
                self.p(
                    markup(
                        self.t(
                            (
                                "One scenario is in this document; add scenarios (another city, own entity instead of a shelter) "
                                "to compare them side by side.",
                                "Este documento tiene un escenario; agregue otros (otra ciudad, entidad propia en lugar de albergue) "
                                "para compararlos lado a lado.",
                            )
                        )
                    ),
                    self.s.note,
                )
            )

        scores = {id(sc): score for sc, score in zip(self.r.scenarios, self.r.site_scores, strict=True)}

        def operator_wage(sc: ReportScenario) -> str:
            """The daily wage of the largest direct role (the operator the market quotes)."""
            direct = [(n, r) for n, r in enumerate(sc.result.case.workforce.roles) if r.direct and r.headcount > 0]
            if not direct:
                return "—"
            n, role = max(direct, key=lambda pair: pair[1].headcount)
            return number(role.daily_wage_mxn, self.lang, 2) + self.ind(sc, f"workforce.roles[{n}].daily_wage_mxn")

        def turnover(sc: ReportScenario) -> str:
            rate = scores[id(sc)].criteria.turnover_rate
            if rate is None:
                return "—"
            roles = sc.result.case.workforce.roles
            marked = [f"workforce.roles[{n}].market_benefits.turnover_rate" for n, role in enumerate(roles) if role.direct]
            return self.pct(rate, 0) + self.ind(sc, *marked)

        def site_value(sc: ReportScenario, key: str) -> str:
            site = sc.site
            value = None if site is None else getattr(site, key)
            if value is None:
                return "—"
            text = self.pct(value, 1) if key == "vacancy_rate" else number(value, self.lang, 0)
            return text + self.ind(sc, f"_site.{key}")

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
                    self.t(
                        ("Own entity", "Entidad propia")
                        if sc.structure == STRUCTURE_OWN_ENTITY
                        else ("Shelter", "Albergue")
                    )
                ),
            ),
            (
                ("Minimum wage (MXN/day)", "Salario mínimo (MXN/día)"),
                lambda sc, y: number(sc.result.parameters.min_wage_mxn_per_day, self.lang),
            ),
            (
                ("Operator daily wage (MXN, base year)", "Salario diario del operador (MXN, año base)"),
                lambda sc, y: operator_wage(sc),
            ),
            (("Payroll tax (ISN)", "ISN"), lambda sc, y: self.pct(sc.result.parameters.isn_rate, 2)),
            (
                ("Rent (USD per sq ft per month)", "Renta (USD por pie² al mes)"),
                lambda sc, y: number(sc.result.case.facility.rent_usd_per_sqft_month, self.lang, 2)
                + self.ind(sc, "facility.rent_usd_per_sqft_month"),
            ),
            (
                ("FTE in the reference year", "FTE en el año de referencia"),
                lambda sc, y: number(y.fte.total, self.lang, 1),
            ),
            (
                ("Direct labor, loaded USD per worked hour", "Mano de obra directa, USD integrales por hora trabajada"),
                lambda sc, y: number(direct_hourly_usd(y) or Decimal(0), self.lang),
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
                lambda sc, y: self.m(sc.result.case.logistics.crossing_usd_per_load)
                + self.ind(sc, "logistics.crossing_usd_per_load"),
            ),
            (("Talent pool", "Oferta de talento"), lambda sc, y: talent(sc)),
            *[
                (self.block_pair(name), functools.partial(self.block_value, name))
                for name in BLOCK_ORDER
            ],
            (MEXICO_TOTAL, lambda sc, y: self.m(y.mexico.total_usd)),
            (("Current plant (USD/yr)", "Planta actual (USD/año)"), lambda sc, y: self.m(y.baseline.total_usd)),
            (ANNUAL_SAVINGS, lambda sc, y: self.m(y.savings_usd)),
            (("One-time cost (USD)", "Costo único (USD)"), lambda sc, y: self.m(sc.result.one_time.total_usd)),
            (("NPV (USD)", "VPN (USD)"), lambda sc, y: self.m(sc.result.returns.npv_usd)),
            (("IRR", "TIR"), lambda sc, y: irr_text(sc.result.returns.irr, self.lang)),
            (
                ("Payback", "Recuperación"),
                lambda sc, y: payback_text(sc.result.returns.payback_years, len(sc.result.years), self.lang),
            ),
            (SITE_SCORE, lambda sc, y: self.score_text(scores[id(sc)])),
        ]
        rows = [[markup(self.t(pair)), *(fn(sc, self.ref_year(sc)) for sc in self.r.scenarios)] for pair, fn in specs]
        header = [self.w("item"), *(sc.name for sc in self.r.scenarios)]
        bold = [n for n, (pair, _) in enumerate(specs) if pair in (MEXICO_TOTAL, ANNUAL_SAVINGS, SITE_SCORE)]
        out.append(self.table(header, rows, self.scenario_columns(self.width * 0.34), bold_rows=bold))
        out += self.score_build(scores[id(self.r.scenarios[0])])
        return out

    def score_text(self, score: SiteScore) -> str:
        if score.score is None:
            return markup(self.t(("needs two or more scenarios", "requiere dos o más escenarios")))
        n = len(self.r.scenarios)
        rank = self.t((f"rank {score.rank} of {n}", f"lugar {score.rank} de {n}"))
        return f"{number(score.score, self.lang, 1)} ({rank})"

    def score_build(self, first: SiteScore) -> list[Flowable]:
        """How the weighted score is built: each criterion's points per scenario, and what was left out."""
        if first.score is None:  # the score row already says it needs two or more scenarios
            return []
        method = [k for k, _ in SECTIONS].index("method") + 1
        out: list[Flowable] = [
            Spacer(1, 6),
            self.p(
                markup(
                    self.t(
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
                self.s.note,
            ),
        ]
        rows = []
        for key in first.used:
            weight = first.weights[key]
            label = f"{self.t(SCORE_CRITERIA[key])} ({self.pct(weight / 100, 0 if weight == weight.to_integral() else 1)})"
            rows.append([markup(label), *(number(sc.points[key], self.lang, 0) for sc in self.r.site_scores)])
        rows.append([markup(self.t(SITE_SCORE)), *(self.score_text(sc) for sc in self.r.site_scores)])
        header = [self.t(("Criterion (weight)", "Criterio (peso)")), *(sc.name for sc in self.r.scenarios)]
        table = self.table(header, rows, self.scenario_columns(self.width * 0.34), bold_rows=(len(rows) - 1,))
        out[1:] = [KeepTogether([*out[1:], table])]  # the explanation stays with its table
        if first.left_out:
            names = ", ".join(_in_sentence(self.t(SCORE_CRITERIA[k])) for k in first.left_out)
            out.append(
                self.p(
                    markup(
                        self.t(
                            (
                                f"Left out of the score because not every scenario has it: {names}.",
                                f"Fuera de la puntuación porque no todos los escenarios lo tienen: {names}.",
                            )
                        )
                    ),
                    self.s.note,
                )
            )
        return out

    def block_value(self, name: str, _scenario: ReportScenario, year: YearResult) -> str:
        return self.m(getattr(year.mexico.blocks_usd, name))

    def block_pair(self, name: str) -> tuple[str, str]:
        label = charts.BLOCK_LABELS[name]
        return f"{label.en} (USD/yr)", f"{label.es} (USD/año)"

    # 4 operating structure -------------------------------------------------------------------------------

    def structure(self) -> list[Flowable]:
        out = self.section("structure")
        out.append(
            self.p(
                markup(
                    self.t(
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
        for sc in self.r.scenarios:
            out += self.sub(sc, "structure")
            fee = sc.result.case.shelter_fee
            y0, y = sc.result.years[0], self.ref_year(sc)
            price = {
                FeeModel.PER_HEADCOUNT: fee.usd_per_head_per_month,
                FeeModel.PER_HOUR: fee.usd_per_worked_hour,
                FeeModel.MARKUP: fee.markup_rate,
            }[fee.model] or Decimal(0)
            price_text = self.pct(price, 2) if fee.model is FeeModel.MARKUP else f"{number(price, self.lang)} USD"
            rows = [
                (self.t(("Structure", "Estructura")), markup(self.structure_name(sc))),
                (
                    self.t(("Fee model", "Modelo de tarifa")),
                    markup(f"{self.t(models[fee.model])}: {price_text} ({y0.year})") + self.ind(sc, "shelter_fee"),
                ),
            ]
            if sc.structure == STRUCTURE_OWN_ENTITY and price == 0:
                rows[1] = (self.t(("Fee model", "Modelo de tarifa")), markup(self.t((
                    "no shelter fee: the own entity carries its administration in its own payroll (section 6)",
                    "sin tarifa de albergue: la entidad propia absorbe su administración en su nómina (sección 6)"))))
                out.append(self.kv(rows, 0.3))
                continue
            for year in dict.fromkeys((y0, y)):
                f = year.mexico.shelter_fee
                rows.append(
                    (
                        self.t((f"Fee {year.year} and its equivalents", f"Tarifa {year.year} y sus equivalentes")),
                        self.t(
                            (
                                f"{self.m(f.fee_usd)} USD/yr = {number(f.equivalent_usd_per_head_month, self.lang)} "
                                f"USD per head-month = {number(f.equivalent_usd_per_worked_hour, self.lang, 4)} "
                                f"USD per worked hour = {self.pct(f.equivalent_markup_on_loaded_labor, 2)} of "
                                "loaded Mexican labor",
                                f"{self.m(f.fee_usd)} USD/año = {number(f.equivalent_usd_per_head_month, self.lang)} "
                                f"USD por persona al mes = {number(f.equivalent_usd_per_worked_hour, self.lang, 4)} "
                                f"USD por hora trabajada = {self.pct(f.equivalent_markup_on_loaded_labor, 2)} de "
                                "la mano de obra integral en México",
                            )
                        ),
                    )
                )
            out.append(self.kv(rows, 0.3))
        return out

    # 5 headcount -------------------------------------------------------------------------------------------

    def headcount(self) -> list[Flowable]:
        out = self.section("headcount")
        for sc in self.r.scenarios:
            out += self.sub(sc, "headcount")
            res = sc.result
            years = res.years
            first, last = years[0], years[-1]
            change = (last.fte.direct / first.fte.direct - 1) if first.fte.direct else Decimal(0)
            out.append(
                self.p(
                    markup(
                        self.t(
                            (
                                f"The constitutional reform (DOF 3-Mar-2026) lowers the work week from 48 to 40 hours by 2030 and "
                                f"forbids cutting pay, so at constant output the direct workforce grows with 48/h: direct FTE go from "
                                f"{number(first.fte.direct, self.lang, 1)} ({plain(first.weekly_hours, self.lang)} h) to "
                                f"{number(last.fte.direct, self.lang, 1)} ({plain(last.weekly_hours, self.lang)} h), "
                                f"{self.pct(change)}. Indirect and salaried staff are assumed to absorb the shorter week.",
                                f"La reforma constitucional (DOF 3-mar-2026) reduce la jornada semanal de 48 a 40 horas hacia 2030 y "
                                f"prohíbe reducir el salario; a producción constante, la plantilla directa crece en proporción 48/h: "
                                f"los FTE directos pasan de {number(first.fte.direct, self.lang, 1)} "
                                f"({plain(first.weekly_hours, self.lang)} h) a {number(last.fte.direct, self.lang, 1)} "
                                f"({plain(last.weekly_hours, self.lang)} h), {self.pct(change)}. Se supone que el personal indirecto "
                                "y administrativo absorbe la semana más corta.",
                            )
                        )
                    )
                )
            )
            year_w = min(52.0, (self.width * 0.55) / len(years))
            label_w = self.width - year_w * len(years) - 60
            header = [self.w("role"), self.t(("Type", "Tipo")), *(str(y.year) for y in years)]
            rows: list[list[str]] = [
                [self.t(("Weekly hours", "Horas semanales")), "", *(plain(y.weekly_hours, self.lang) for y in years)]
            ]
            for i, role in enumerate(res.case.workforce.roles):
                kind = self.t(("direct", "directo") if role.direct else ("indirect", "indirecto"))
                rows.append([markup(role.display_name), kind, *(number(y.roles[i].fte, self.lang, 1) for y in years)])
            rows.append([self.t(("Total FTE", "Total FTE")), "", *(number(y.fte.total, self.lang, 1) for y in years)])
            out.append(
                self.table(
                    header, rows, [label_w, 60, *([year_w] * len(years))], numeric_from=2, bold_rows=(len(rows) - 1,)
                )
            )
            out.append(Spacer(1, 6))
            out.append(draw.bar_chart(charts.headcount_by_year(res), self.width, self.lang, 150))
        return out

    # 6 labor build-up --------------------------------------------------------------------------------------

    def labor(self, check: Callable[[], None]) -> list[Flowable]:
        out = self.section("labor")
        out.append(
            self.p(
                markup(
                    self.t(
                        (
                            "Per employee and year, from the daily wage (SD) to the fully loaded cost: the integration factor gives "
                            "the contribution base (SBC, capped at 25 UMA and floored at the minimum wage); IMSS branches, INFONAVIT "
                            "and the state payroll tax (ISN) follow, then the market benefits kept outside the SBC, then profit "
                            "sharing (PTU). The daily wage already pays rest days and holidays (365 days).",
                            "Por empleado y por año, del salario diario (SD) al costo integral: el factor de integración da el "
                            "salario base de cotización (SBC, con tope de 25 UMA y piso en el salario mínimo); siguen las ramas del "
                            "IMSS, el INFONAVIT y el impuesto estatal sobre nóminas (ISN), luego las prestaciones de mercado que no "
                            "integran al SBC y, al final, la participación de los trabajadores en las utilidades (PTU). El salario "
                            "diario ya paga los días de descanso y los festivos (365 días).",
                        )
                    )
                )
            )
        )
        for sc in self.r.scenarios:
            out.append(CondPageBreak(360))  # the scenario's heading moves with its first table, never alone
            out += self.sub(sc, "labor")
            year = sc.result.years[0]
            roles = year.roles
            for start in range(0, len(roles), ROLES_PER_BUILDUP_TABLE):
                check()
                if start:
                    out.append(CondPageBreak(360))  # a role table of ~35 rows starts on a page it fits on
                chunk = roles[start : start + ROLES_PER_BUILDUP_TABLE]
                out.append(self.buildup_table(sc, year, chunk, start))
                out.append(Spacer(1, 8))
            out.append(draw.stacked_bars_horizontal(charts.labor_mix_by_role(year), self.width, self.lang))
        return out

    def buildup_table(self, sc: ReportScenario, year: YearResult, roles: Sequence[RoleYear], offset: int) -> Table:
        lang = self.lang

        def row(label: tuple[str, str], pick: Callable[[RoleYear], str]) -> list[str]:
            return [markup(self.t(label)), *(pick(r) for r in roles)]

        def mxn(pick: Callable[[RoleYear], Decimal]) -> Callable[[RoleYear], str]:
            return lambda r: money(pick(r), lang, 2)

        limit = {
            "none": "",
            "uma_cap": self.t((" (25-UMA cap)", " (tope 25 UMA)")),
            "min_wage_floor": self.t((" (minimum-wage floor)", " (piso salario mínimo)")),
        }
        rows = [
            row(("Headcount (FTE)", "Plantilla (FTE)"), lambda r: number(r.fte, lang, 1)),
            row(
                ("Daily wage SD (MXN)", "Salario diario SD (MXN)"),
                lambda r: number(r.daily_wage_mxn, lang) + self.ind(sc, f"workforce.roles[{offset + roles.index(r)}].daily_wage_mxn"),
            ),
            row(("Integration factor", "Factor de integración"), lambda r: number(r.integration_factor, lang, 6)),
            row(
                ("SBC (MXN/day)", "SBC (MXN/día)"),
                lambda r: number(r.sbc_mxn_per_day, lang) + markup(limit[r.sbc_limit_applied.value]),
            ),
            row(("SBC in UMA", "SBC en UMA"), lambda r: number(r.sbc_in_uma, lang, 4)),
            row(("Base salary 365 × SD", "Salario base 365 × SD"), mxn(lambda r: r.per_employee_mxn.base_salary)),
            row(("Aguinaldo", "Aguinaldo"), mxn(lambda r: r.per_employee_mxn.aguinaldo)),
            row(("Prima vacacional", "Prima vacacional"), mxn(lambda r: r.per_employee_mxn.prima_vacacional)),
            row(("Gross statutory pay", "Percepciones de ley"), mxn(lambda r: r.per_employee_mxn.gross_statutory)),
        ]
        bold = [len(rows) - 1]
        branches = [
            (("EyM fixed quota", "EyM cuota fija"), "em_cuota_fija"),
            (("EyM excess over 3 UMA", "EyM excedente de 3 UMA"), "em_excedente"),
            (("EyM cash benefits", "EyM prestaciones en dinero"), "em_prestaciones_dinero"),
            (("EyM pensioners' medical", "EyM gastos médicos pensionados"), "em_gastos_medicos_pensionados"),
            (("Disability and life", "Invalidez y vida"), "invalidez_vida"),
            (("Work risk", "Riesgo de trabajo"), "riesgo_trabajo"),
            (
                ("Day care and social benefits", "Guarderías y prestaciones sociales"),
                "guarderias_prestaciones_sociales",
            ),
            (("Retirement (SAR)", "Retiro (SAR)"), "retiro"),
            (("Old age (cesantía y vejez)", "Cesantía en edad avanzada y vejez"), "cesantia_vejez"),
            (("INFONAVIT", "INFONAVIT"), "infonavit"),
            (
                ("Worker quotas paid by employer (LSS art. 36)", "Cuotas obreras a cargo del patrón (art. 36 LSS)"),
                "lss_art36_worker_share",
            ),
        ]
        for label, key in branches:
            rows.append(row(label, mxn(functools.partial(_imss_line, key))))
        rows.append(
            row(("IMSS + INFONAVIT", "IMSS + INFONAVIT"), mxn(lambda r: r.per_employee_mxn.imss_infonavit.total))
        )
        bold.append(len(rows) - 1)
        rows.append(row(("Payroll tax (ISN)", "Impuesto sobre nóminas (ISN)"), mxn(lambda r: r.per_employee_mxn.isn)))
        market = [
            (
                ("Attendance and punctuality bonus", "Premios de asistencia y puntualidad"),
                "attendance_punctuality_bonus",
            ),
            (("Food vouchers (despensa)", "Vales de despensa"), "food_vouchers"),
            (("Savings fund", "Fondo de ahorro"), "savings_fund"),
            (("Transport", "Transporte"), "transport"),
            (("Cafeteria", "Comedor"), "cafeteria"),
            (("Private insurance", "Seguro privado"), "private_insurance"),
            (("Turnover (replacement hires)", "Rotación (reemplazos)"), "turnover"),
        ]
        for label, key in market:
            rows.append(row(label, mxn(functools.partial(_market_line, key))))
        rows.append(
            row(("Market benefits", "Prestaciones de mercado"), mxn(lambda r: r.per_employee_mxn.market_benefits.total))
        )
        bold.append(len(rows) - 1)
        rows.append(row(("Profit sharing (PTU)", "PTU"), mxn(lambda r: r.per_employee_mxn.ptu.paid)))
        rows.append(
            row(
                ("Loaded cost per year (MXN)", "Costo integral anual (MXN)"),
                mxn(lambda r: r.per_employee_mxn.loaded_total),
            )
        )
        bold.append(len(rows) - 1)
        rows.append(
            row(
                ("Loaded cost per year (USD)", "Costo integral anual (USD)"),
                lambda r: money(r.loaded_total_usd, lang, 2),
            )
        )
        rows.append(
            row(("USD per worked hour", "USD por hora trabajada"), lambda r: number(r.loaded_usd_per_worked_hour, lang))
        )
        rows.append(
            row(
                ("Loaded multiplier (on 365 × SD)", "Multiplicador (sobre 365 × SD)"),
                lambda r: number(r.loaded_multiplier, lang, 4),
            )
        )
        label_w = self.width * 0.32
        col_w = (self.width - label_w) / ROLES_PER_BUILDUP_TABLE
        header = [
            self.t((f"Per employee, {year.year}", f"Por empleado, {year.year}")),
            *(r.role.display_name for r in roles),
        ]
        return self.table(header, rows, [label_w, *([col_w] * len(roles))], bold_rows=bold)

    # 7 facility --------------------------------------------------------------------------------------------

    def facility(self) -> list[Flowable]:
        out = self.section("facility")
        for sc in self.r.scenarios:
            out += self.sub(sc, "facility")
            case = sc.result.case
            f, u = case.facility, case.utilities
            rows = [
                (
                    self.t(("Leased area", "Superficie arrendada")),
                    f"{plain(f.area_sqft, self.lang)} {self.t(('sq ft', 'pies²'))}" + self.ind(sc, "facility"),
                ),
                (
                    self.t(("Rent / NNN (USD per sq ft-month)", "Renta / NNN (USD por pie² al mes)")),
                    f"{number(f.rent_usd_per_sqft_month, self.lang, 3)} / {number(f.nnn_usd_per_sqft_month, self.lang, 3)}",
                ),
                (
                    self.t(("Electricity", "Electricidad")),
                    self.t(
                        (
                            f"{plain(u.electricity_kwh_per_month, self.lang)} kWh/month × "
                            f"{number(u.electricity_mxn_per_kwh, self.lang, 3)} MXN/kWh",
                            f"{plain(u.electricity_kwh_per_month, self.lang)} kWh/mes × "
                            f"{number(u.electricity_mxn_per_kwh, self.lang, 3)} MXN/kWh",
                        )
                    )
                    + self.ind(sc, "utilities"),
                ),
                (
                    self.t(("Water and gas", "Agua y gas")),
                    self.t(
                        (
                            f"{self.m(u.water_gas_mxn_per_month)} MXN/month",
                            f"{self.m(u.water_gas_mxn_per_month)} MXN/mes",
                        )
                    ),
                ),
                (
                    self.t(("Site overhead", "Gastos generales del sitio")),
                    self.t(
                        (
                            f"{self.m(case.site_overhead.usd_per_month)} USD/month (security, janitorial, IT, medical, "
                            "MRO, office)",
                            f"{self.m(case.site_overhead.usd_per_month)} USD/mes (vigilancia, limpieza, "
                            "TI, servicio médico, MRO, oficina)",
                        )
                    )
                    + self.ind(sc, "site_overhead"),
                ),
            ]
            out.append(self.kv(rows))
            out.append(Spacer(1, 6))
            years = sc.result.years
            lines: list[tuple[tuple[str, str], Callable[[YearResult], Decimal]]] = [
                (("Rent", "Renta"), lambda y: y.mexico.facility.rent_usd),
                (("NNN / CAM", "NNN / mantenimiento"), lambda y: y.mexico.facility.nnn_usd),
                (("Utilities", "Servicios"), lambda y: y.mexico.blocks_usd.utilities),
                (("Site overhead", "Gastos generales"), lambda y: y.mexico.site_overhead_usd),
            ]
            out.append(self.by_year_table(years, lines, ("USD per year", "USD por año")))
            out.append(
                self.p(
                    markup(
                        self.t(
                            (
                                "Leasehold improvements (TI) are a one-time cost (section 10). Rents are shell, mostly NNN; the "
                                "Juárez 2025-2026 asking rent and NNN/TI terms are not confirmed in public sources.",
                                "Las adecuaciones del inmueble son un costo único (sección 10). Las rentas son de nave en obra gris, "
                                "en su mayoría NNN; la renta de salida 2025-2026 en Juárez y las condiciones NNN/adecuaciones no "
                                "están confirmadas en fuentes públicas.",
                            )
                        )
                    ),
                    self.s.note,
                )
            )
        return out

    def by_year_table(
        self,
        years: Sequence[YearResult],
        lines: Sequence[tuple[tuple[str, str], Callable[[YearResult], Decimal]]],
        unit: tuple[str, str],
        total: bool = True,
    ) -> Table:
        year_w = min(70.0, self.width * 0.62 / len(years))
        label_w = self.width - year_w * len(years)
        rows = [[markup(self.t(label)), *(self.m(pick(y)) for y in years)] for label, pick in lines]
        bold: tuple[int, ...] = ()
        if total:
            rows.append([self.w("total"), *(self.m(sum((pick(y) for _, pick in lines), Decimal(0))) for y in years)])
            bold = (len(rows) - 1,)
        return self.table(
            [self.t(unit), *(str(y.year) for y in years)], rows, [label_w, *([year_w] * len(years))], bold_rows=bold
        )

    # 8 logistics -------------------------------------------------------------------------------------------

    def logistics(self) -> list[Flowable]:
        out = self.section("logistics")
        for sc in self.r.scenarios:
            out += self.sub(sc, "logistics")
            lg, p = sc.result.case.logistics, sc.result.parameters
            rows = [
                (
                    self.t(("Loads per month (northbound / southbound)", "Cargas al mes (norte / sur)")),
                    f"{plain(lg.northbound_loads_per_month, self.lang)} / {plain(lg.southbound_loads_per_month, self.lang)}"
                    + self.ind(sc, "logistics"),
                ),
                (
                    self.t(("Cross-border transfer per load", "Cruce fronterizo por carga")),
                    f"{number(lg.crossing_usd_per_load, self.lang)} USD",
                ),
                (
                    self.t(
                        (
                            "US entry per northbound load / US export filing per southbound load",
                            "Pedimento de importación en EE. UU. por carga al norte / aviso de exportación por carga al sur",
                        )
                    ),
                    f"{number(lg.us_entry_usd_per_northbound_load, self.lang)} USD / "
                    f"{number(lg.us_export_filing_usd_per_southbound_load, self.lang)} USD",
                ),
                (
                    self.t(
                        (
                            "Pedimentos per month (export / temporary import)",
                            "Pedimentos al mes (exportación / importación temporal)",
                        )
                    ),
                    f"{plain(lg.northbound_pedimentos_per_month, self.lang)} / "
                    f"{plain(lg.southbound_pedimentos_per_month, self.lang)}",
                ),
                (
                    self.t(
                        ("Customs broker fee + DTA per pedimento", "Honorarios del agente aduanal + DTA por pedimento")
                    ),
                    f"{number(lg.customs_broker_mxn_per_pedimento, self.lang)} + "
                    f"{number(p.dta_mxn_per_pedimento, self.lang)} MXN",
                ),
            ]
            out.append(self.kv(rows, 0.45))
            out.append(Spacer(1, 6))
            out.append(
                self.by_year_table(
                    sc.result.years,
                    [
                        (
                            ("Northbound (crossing + US entry)", "Al norte (cruce + importación EE. UU.)"),
                            lambda y: y.mexico.logistics.northbound_usd,
                        ),
                        (
                            ("Southbound (crossing + US export filing)", "Al sur (cruce + exportación EE. UU.)"),
                            lambda y: y.mexico.logistics.southbound_usd,
                        ),
                        (
                            ("Pedimentos (broker + DTA)", "Pedimentos (agente + DTA)"),
                            lambda y: y.mexico.logistics.pedimentos_usd,
                        ),
                    ],
                    ("USD per year", "USD por año"),
                )
            )
        out.append(
            self.p(
                markup(
                    self.t(
                        (
                            "Duties are 0 in this model (business-case@1): goods are assumed to qualify for USMCA, which also exempts "
                            "them from the US merchandise processing fee (MPF) and the Section 122 surcharge. Section 232 duties on "
                            "metal content still apply on their own terms and are not modelled.",
                            "Los aranceles son 0 en este modelo (business-case@1): se supone que la mercancía califica como originaria "
                            "del T-MEC, lo que también la exime de la cuota de procesamiento de mercancías (MPF) de EE. UU. y del "
                            "recargo de la Sección 122. Los aranceles de la Sección 232 sobre el contenido metálico siguen aplicando "
                            "en sus propios términos y no se modelan.",
                        )
                    )
                ),
                self.s.note,
            )
        )
        return out

    # 9 trade and tax ---------------------------------------------------------------------------------------

    def trade(self) -> list[Flowable]:
        out = self.section("trade")
        out.append(
            Paragraph(markup(self.t(("IVA on temporary imports", "IVA en importaciones temporales"))), self.s.h2)
        )
        for sc in self.r.scenarios:
            iva = sc.result.iva_financing
            status = self.t(
                (
                    "certified (A/AA/AAA): 100 % credit on the IVA of temporary imports",
                    "certificada (A/AA/AAA): crédito del 100 % del IVA de las importaciones temporales",
                )
                if iva.certified
                else (
                    "not certified: the IVA is paid and recovered later",
                    "sin certificación: el IVA se paga y se recupera después",
                )
            )
            rows = [
                (
                    self.t(("IVA/IEPS certification", "Certificación en IVA e IEPS")),
                    markup(status) + self.ind(sc, "iva_financing.certified"),
                ),
                (
                    self.t(("Temporary imports per month", "Importaciones temporales al mes")),
                    f"{self.m(iva.temporary_imports_usd_per_month)} USD"
                    + self.ind(sc, "iva_financing.temporary_imports_usd_per_month"),
                ),
                (
                    self.t(
                        (
                            "IVA rate / months until recovered / cost of capital",
                            "Tasa de IVA / meses hasta su recuperación / costo de capital",
                        )
                    ),
                    f"{self.pct(iva.iva_rate, 0)} / {plain(iva.recovery_lag_months, self.lang)} / "
                    f"{self.pct(iva.cost_of_capital_rate)}",
                ),
                (
                    self.t(
                        (
                            "Without certification: cash tied up / cost per year",
                            "Sin certificación: efectivo inmovilizado / costo anual",
                        )
                    ),
                    f"{self.m(iva.if_not_certified.tied_up_usd)} USD / {self.m(iva.if_not_certified.annual_cost_usd)} USD",
                ),
                (
                    self.t(
                        (
                            "Cash benefit of operating certified (per year)",
                            "Beneficio en flujo de operar certificado (anual)",
                        )
                    ),
                    f"<b>{self.m(iva.certification_benefit_usd_per_year)} USD</b>",
                ),
            ]
            if len(self.r.scenarios) > 1:
                out.append(Paragraph(markup(sc.name), self.s.h3))
            out.append(self.kv(rows, 0.45))
        out.append(
            self.p(
                markup(
                    self.t(
                        (
                            "This is a memo item: it is not added to the annual costs or the cash flows. A bond or letter of credit "
                            "is the other alternative to certification; its fee would replace the cost of capital.",
                            "Es una partida informativa: no se suma a los costos anuales ni a los flujos. La otra alternativa a la "
                            "certificación es una fianza o carta de crédito, cuyo costo sustituiría al costo de capital.",
                        )
                    )
                ),
                self.s.note,
            )
        )
        out.append(
            Paragraph(
                markup(self.t(("IMMEX and IVA/IEPS readiness", "Avance de IMMEX y de la certificación IVA/IEPS"))),
                self.s.h2,
            )
        )
        project = self.r.project
        if project is None:
            out.append(self.p(markup(self.w("not_linked")), self.s.note))
            return out
        if not project.readiness:
            out.append(
                self.p(
                    markup(
                        self.t(
                            (
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
        programs = {"immex": "IMMEX", "iva_ieps": self.t(("IVA/IEPS certification", "Certificación IVA/IEPS"))}
        rows2 = []
        for pack in project.readiness:
            share = Decimal(pack.closed) / pack.total if pack.total else Decimal(0)
            rows2.append(
                [
                    markup(programs[pack.program]),
                    markup(self.t(pack.title)),
                    f"{pack.closed} / {pack.total}",
                    self.pct(share, 0),
                    str(pack.open_critical),
                    str(pack.to_verify),
                ]
            )
        out.append(
            self.table(
                [
                    self.t(("Program", "Programa")),
                    self.t(("Checklist", "Lista de verificación")),
                    self.t(("Closed", "Cerradas")),
                    self.t(("Progress", "Avance")),
                    self.t(("Open critical", "Críticas abiertas")),
                    self.t(("To verify", "Por verificar")),
                ],
                rows2,
                [self.width * f for f in (0.16, 0.38, 0.12, 0.1, 0.12, 0.12)],
                numeric_from=2,
            )
        )
        return out

    # 10 one-time -------------------------------------------------------------------------------------------

    def one_time(self) -> list[Flowable]:
        out = self.section("one_time")
        for sc in self.r.scenarios:
            out += self.sub(sc, "one_time")
            ot = sc.result.one_time
            rows = [[markup(item.name), self.m(item.amount_usd)] for item in ot.items]
            rows.append([self.t(("Subtotal", "Subtotal")), self.m(ot.subtotal_usd)])
            sub_row = len(rows) - 1
            rows.append(
                [
                    self.t(
                        (
                            f"Contingency {self.pct(ot.contingency_rate, 0)}",
                            f"Contingencia {self.pct(ot.contingency_rate, 0)}",
                        )
                    ),
                    self.m(ot.contingency_usd),
                ]
            )
            rows.append(
                [
                    self.t(
                        (
                            "Pipeline inventory (working capital, recovered in the last year)",
                            "Inventario en tránsito (capital de trabajo, se recupera el último año)",
                        )
                    ),
                    self.m(ot.pipeline_inventory_usd),
                ]
            )
            rows.append([self.t(("Total at t = 0", "Total en t = 0")), self.m(ot.total_usd)])
            out.append(
                self.table(
                    [self.w("item") + self.ind(sc, "one_time"), "USD"],
                    rows,
                    [self.width * 0.72, self.width * 0.28],
                    bold_rows=(sub_row, len(rows) - 1),
                )
            )
        return out

    # 11 timeline -------------------------------------------------------------------------------------------

    def timeline(self) -> list[Flowable]:
        project = self.r.project
        chart = (draw.gantt_chart(charts.gantt(project.schedule, self.r.generated_on), self.width, self.lang)
                 if project is not None and project.schedule else None)
        out: list[Flowable] = [CondPageBreak(chart.height + 110)] if chart is not None else []
        out += self.section("timeline")
        project = self.r.project
        if project is None:
            out.append(self.p(markup(self.w("not_linked")), self.s.note))
            return out
        if not project.schedule:
            out.append(
                self.p(
                    markup(
                        self.t(
                            (
                                "The project's checklists have no dates yet: set the kickoff in the "
                                "setup journey to schedule them.",
                                "Las listas del proyecto aún no tienen fechas: indique el arranque en el "
                                "recorrido de configuración para calendarizarlas.",
                            )
                        )
                    )
                )
            )
            return out
        out.append(
            self.p(
                markup(
                    self.t(
                        (
                            f"From the project's checklists: {len(project.schedule)} dated items, from "
                            f"{format_date(project.kickoff, 'en')} to {format_date(project.finish, 'en')}. One bar per checklist; "
                            "a delay on a critical item moves the finish date.",
                            f"De las listas de verificación del proyecto: {len(project.schedule)} tareas con fecha, del "
                            f"{format_date(project.kickoff, 'es')} al {format_date(project.finish, 'es')}. Una barra por lista; "
                            "un retraso en una tarea crítica mueve la fecha de término.",
                        )
                    )
                )
            )
        )
        assert chart is not None
        out.append(chart)
        return out

    # 12 current location -----------------------------------------------------------------------------------

    def current(self) -> list[Flowable]:
        out = self.section("current")
        for sc in self.r.scenarios:
            out += self.sub(sc, "current")
            y = self.ref_year(sc)
            rows = []
            for name in BLOCK_ORDER:
                rows.append(
                    [
                        markup(self.t(charts.BLOCK_LABELS[name])),
                        self.m(getattr(y.baseline.blocks_usd, name)),
                        self.m(getattr(y.mexico.blocks_usd, name)),
                        self.m(getattr(y.savings_by_block_usd, name)),
                    ]
                )
            rows.append(
                [self.w("total"), self.m(y.baseline.total_usd), self.m(y.mexico.total_usd), self.m(y.savings_usd)]
            )
            us = self.t(("Current plant", "Planta actual"))
            out.append(
                self.table(
                    [
                        self.t((f"USD, {y.year}", f"USD, {y.year}")),
                        us + self.ind(sc, "us_baseline"),
                        self.t(("Mexico", "México")),
                        self.t(("Savings", "Ahorro")),
                    ],
                    rows,
                    [self.width * f for f in (0.34, 0.22, 0.22, 0.22)],
                    bold_rows=(len(rows) - 1,),
                )
            )
            base = sc.result.case.us_baseline
            out.append(
                self.p(
                    markup(
                        self.t(
                            (
                                f"Current plant: direct labor at {number(base.direct_wage_usd_per_hour, 'en')} USD/h × "
                                f"{plain(sc.result.parameters.us_paid_hours_per_year, 'en')} paid hours, indirect staff at "
                                f"{self.m(base.indirect_salary_usd_per_year)} USD/yr, both with a benefits burden of "
                                f"{percent(base.benefits_burden_rate, 'en', 2)} (ECEC, paid leave excluded); the same headcount as "
                                "the Mexican plan at 48 hours.",
                                f"Planta actual: mano de obra directa a {number(base.direct_wage_usd_per_hour, 'es')} USD/h × "
                                f"{plain(sc.result.parameters.us_paid_hours_per_year, 'es')} horas pagadas, personal indirecto a "
                                f"{self.m(base.indirect_salary_usd_per_year)} USD/año, ambos con una carga de prestaciones de "
                                f"{percent(base.benefits_burden_rate, 'es', 2)} (ECEC, sin vacaciones pagadas); la misma plantilla "
                                "que el plan en México a 48 horas.",
                            )
                        )
                    ),
                    self.s.note,
                )
            )
            out.append(draw.waterfall(charts.waterfall_us_to_mx(y), self.width, self.lang))
            if sc.china is not None:
                out += self.china(sc, sc.china)
        return out

    def china(self, sc: ReportScenario, c: ChinaComparison) -> list[Flowable]:
        """The China-supplier baseline: its inputs, the landed blocks beside Mexico + materials, its returns."""
        china, lang = c.china, self.lang
        base_year = c.years[0].year
        heading = (
            "Against a China supplier: landed cost",
            "Frente a un proveedor en China: costo puesto en EE. UU.",
        )
        out: list[Flowable] = [
            Paragraph(markup(self.t(heading)), self.s.h2 if len(self.r.scenarios) == 1 else self.s.h3)
        ]
        ends = format_date(china.section_122_ends_on, lang)
        usd_rate = self.pct(sc.result.parameters.escalation.usd_costs)
        ind = self.ind(sc, "_china_baseline", *CHINA_TEMPLATE_INDICATIVE)
        out.append(
            self.p(
                self.t(
                    (
                        f"Buying the same goods from a Chinese supplier: {self.m(china.annual_fob_usd)} USD a year FOB in "
                        f"{base_year}{ind}, landed with duties on the FOB value (MFN {self.pct(china.mfn_rate, 2)}, Section 301 "
                        f"{self.pct(china.section_301_rate)}, Section 122 {self.pct(china.section_122_rate)} until {markup(ends)}), "
                        f"ocean freight and insurance at {self.pct(china.freight_insurance_rate)} of FOB, US customs broker and "
                        f"drayage of {self.m(china.annual_broker_drayage_usd)} USD a year, and {plain(china.pipeline_weeks, lang)} "
                        f"more weeks of goods in the pipeline carried at {self.pct(china.carrying_rate)} a year. The Chinese price "
                        f"includes the materials and the Mexican plant's costs do not, so the Mexican side adds the materials it "
                        f"buys to make the same goods: {self.m(china.annual_mexico_materials_usd)} USD a year. USD amounts rise "
                        f"{usd_rate} a year.",
                        f"Comprar la misma mercancía a un proveedor en China: {self.m(china.annual_fob_usd)} USD al año FOB en "
                        f"{base_year}{ind}, puesta en EE. UU. con aranceles sobre el valor FOB (NMF {self.pct(china.mfn_rate, 2)}, "
                        f"Sección 301 {self.pct(china.section_301_rate)}, Sección 122 {self.pct(china.section_122_rate)} hasta el "
                        f"{markup(ends)}), flete marítimo y seguro del {self.pct(china.freight_insurance_rate)} del FOB, agente "
                        f"aduanal y acarreo en EE. UU. de {self.m(china.annual_broker_drayage_usd)} USD al año, y "
                        f"{plain(china.pipeline_weeks, lang)} semanas más de mercancía en tránsito con un costo de mantenerla del "
                        f"{self.pct(china.carrying_rate)} anual. El precio chino incluye los materiales y los costos de la planta "
                        f"en México no, por lo que el lado de México suma los materiales que compra para fabricar lo mismo: "
                        f"{self.m(china.annual_mexico_materials_usd)} USD al año. Los importes en USD suben {usd_rate} al año.",
                    )
                )
            )
        )
        years = c.years
        col = min(62.0, self.width * 0.7 / (len(years) + 1))
        label_w = self.width - col * (len(years) + 1)
        blank = ""

        def line(label: tuple[str, str], values: Iterable[Decimal], first: str = blank) -> list[str]:
            return [markup(self.t(label)), first, *(self.m(v) for v in values)]

        s122 = ("Section 122 (prorated)", "Sección 122 (prorrateada)")
        rows = [
            line(("FOB purchases", "Compras FOB"), (y.fob_usd for y in years)),
            line(("MFN duty", "Arancel NMF"), (y.mfn_usd for y in years)),
            line(("Section 301", "Sección 301"), (y.section_301_usd for y in years)),
            line(s122, (y.section_122_usd for y in years)),
            [markup(self.t(("  share of the year's days", "  parte de los días del año"))), blank,
             *(self.pct(y.section_122_share, 0) for y in years)],
            line(("Ocean freight and insurance", "Flete marítimo y seguro"), (y.freight_insurance_usd for y in years)),
            line(("US broker and drayage", "Agente aduanal y acarreo en EE. UU."), (y.broker_drayage_usd for y in years)),
            line(("Pipeline inventory carrying", "Costo del inventario en tránsito"), (y.carrying_usd for y in years)),
            line(("Landed from China", "Costo puesto desde China"), (y.landed_usd for y in years)),
            line(("Mexican plant (all blocks)", "Planta en México (todos los rubros)"), (y.mexico_plant_usd for y in years)),
            line(("Materials the Mexican plant buys", "Materiales que compra la planta"),
                 (y.mexico_materials_usd for y in years)),
            line(("Mexico + materials", "México + materiales"), (y.mexico_usd for y in years)),
            line(("Savings against China", "Ahorro frente a China"), (y.savings_usd for y in years)),
            [markup(self.t(("Share realised (ramp)", "Proporción realizada (rampa)"))), blank,
             *(self.pct(y.ramp_realization, 0) for y in years)],
            line(("Working capital recovered", "Capital de trabajo recuperado"),
                 (y.working_capital_recovery_usd for y in years)),
            [markup(self.t(("Cash flow", "Flujo de efectivo"))), *(self.m(f) for f in c.returns.cash_flows_usd)],
            [markup(self.t(("Cumulative", "Acumulado"))), *(self.m(f) for f in c.returns.cumulative_cash_flows_usd)],
        ]
        header = [self.t(("USD", "USD")), "t = 0", *(str(y.year) for y in years)]
        out.append(
            self.table(header, rows, [label_w, *([col] * (len(years) + 1))], numeric_from=1, bold_rows=(8, 11, 12, 15))
        )
        out.append(
            self.p(
                markup(
                    self.t(
                        (
                            f"t = 0 is the same one-time outlay as against the current plant ({self.m(c.one_time_usd)} USD, "
                            "working capital included); a year realises the ramp's share of its savings.",
                            f"t = 0 es la misma inversión única que frente a la planta actual ({self.m(c.one_time_usd)} USD, "
                            "con el capital de trabajo); cada año realiza la proporción de la rampa de su ahorro.",
                        )
                    )
                ),
                self.s.note,
            )
        )
        out.append(Spacer(1, 4))
        out.append(draw.bar_chart(charts.china_vs_mexico(c), self.width, lang, 160))
        out.append(Spacer(1, 4))
        r = c.returns
        out.append(
            self.kv(
                [
                    (
                        self.t((f"NPV against China at {self.pct(r.discount_rate)}",
                                f"VPN frente a China al {self.pct(r.discount_rate)}")),
                        f"<b>{self.m(r.npv_usd, 2)} USD</b>",
                    ),
                    (self.t(("IRR against China", "TIR frente a China")), markup(irr_text(r.irr, lang))),
                    (
                        self.t(("Payback against China", "Recuperación frente a China")),
                        markup(payback_text(r.payback_years, len(years), lang)),
                    ),
                ],
                0.38,
            )
        )
        return out

    # 13 financials -----------------------------------------------------------------------------------------

    def financials(self) -> list[Flowable]:
        out = self.section("financials")
        for sc in self.r.scenarios:
            out += self.sub(sc, "financials")
            res = sc.result
            years = res.years
            header = [self.t(("USD", "USD")), "t = 0", *(str(y.year) for y in years)]
            col = min(62.0, self.width * 0.7 / (len(years) + 1))
            label_w = self.width - col * (len(years) + 1)
            flows = res.returns.cash_flows_usd
            cum = res.returns.cumulative_cash_flows_usd
            rows = [
                [self.t(("Mexico total", "Total México")), "", *(self.m(y.mexico.total_usd) for y in years)],
                [self.t(("Current plant", "Planta actual")), "", *(self.m(y.baseline.total_usd) for y in years)],
                [self.t(("Savings", "Ahorro")), "", *(self.m(y.savings_usd) for y in years)],
                [
                    self.t(("Share realised (ramp)", "Proporción realizada (rampa)")),
                    "",
                    *(self.pct(y.ramp_realization, 0) for y in years),
                ],
                [
                    self.t(("Working capital recovered", "Capital de trabajo recuperado")),
                    "",
                    *(self.m(y.working_capital_recovery_usd) for y in years),
                ],
                [self.t(("Cash flow", "Flujo de efectivo")), *(self.m(f) for f in flows)],
                [self.t(("Cumulative", "Acumulado")), *(self.m(c) for c in cum)],
            ]
            out.append(self.table(header, rows, [label_w, *([col] * (len(years) + 1))], bold_rows=(5,)))
            out.append(Spacer(1, 4))
            out.append(
                self.kv(
                    [
                        (
                            self.t(
                                (
                                    f"NPV at {self.pct(res.returns.discount_rate)}",
                                    f"VPN al {self.pct(res.returns.discount_rate)}",
                                )
                            ),
                            f"<b>{self.m(res.returns.npv_usd, 2)} USD</b>",
                        ),
                        (self.t(("IRR", "TIR")), markup(irr_text(res.returns.irr, self.lang))),
                        (
                            self.t(("Payback", "Periodo de recuperación")),
                            markup(payback_text(res.returns.payback_years, len(years), self.lang)),
                        ),
                    ],
                    0.38,
                )
            )
        out.append(Spacer(1, 6))
        out.append(draw.line_chart(charts.cumulative_cash_flow(self.r.scenarios), self.width, self.lang, 160))
        out.append(
            self.p(
                markup(
                    self.t(
                        (
                            "End-of-year discounting; t = 0 is the one-time outlay. The IRR is searched between −99 % and 1,000 %; "
                            "when the cash flows do not change sign there is none.",
                            "Descuento al final de cada año; t = 0 es la inversión única. La TIR se busca entre −99 % y 1,000 %; si "
                            "los flujos no cambian de signo, no existe.",
                        )
                    )
                ),
                self.s.note,
            )
        )
        return out

    # 14 sensitivity ----------------------------------------------------------------------------------------

    def settings_text(self, sc: ReportScenario, row: SensitivityRow) -> tuple[str, str]:
        lang = self.lang
        if row.driver is Driver.FX:
            return number(row.low_setting, lang), number(row.high_setting, lang)
        if row.driver is Driver.MX_WAGE_ESCALATION:
            return self.pct(row.low_setting), self.pct(row.high_setting)
        if row.driver is Driver.PRODUCTIVITY:
            return number(row.low_setting, lang), number(row.high_setting, lang)
        if row.driver is Driver.MX_RENT:
            return number(row.low_setting, lang, 3), number(row.high_setting, lang, 3)
        if row.driver is Driver.SECTION_301:
            return self.pct(row.low_setting), self.pct(row.high_setting)
        if row.driver is Driver.SHELTER_FEE:
            if sc.result.case.shelter_fee.model is FeeModel.MARKUP:
                return self.pct(row.low_setting, 2), self.pct(row.high_setting, 2)
            return number(row.low_setting, lang), number(row.high_setting, lang)
        return f"{plain(row.low_setting, lang)} h", f"{plain(row.high_setting, lang)} h"

    def sensitivity(self) -> list[Flowable]:
        out = self.section("sensitivity")
        out.append(
            self.p(
                markup(
                    self.t(
                        (
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
        for sc in self.r.scenarios:
            out.append(KeepTogether(self.tornado_block(sc, sc.sensitivity, self.sub(sc, "sensitivity"))))
            if sc.china_sensitivity is not None:
                heading = Paragraph(
                    markup(self.t(("Against the China supplier", "Frente al proveedor en China"))), self.s.h3
                )
                note = self.p(
                    markup(
                        self.t(
                            (
                                "The same drivers measured against the China supplier's landed cost, and the Section 301 "
                                "tariff moved 10 percentage points down (never below 0) and up: a dearer Chinese duty "
                                "makes Mexico look better.",
                                "Las mismas variables medidas frente al costo puesto del proveedor en China, y el arancel "
                                "de la Sección 301 movido 10 puntos porcentuales hacia abajo (nunca bajo 0) y hacia arriba: "
                                "un arancel chino más caro favorece a México.",
                            )
                        )
                    ),
                    self.s.note,
                )
                title = Text("NPV sensitivity against the China supplier", "Sensibilidad del VPN frente a China")
                out.append(KeepTogether(self.tornado_block(sc, sc.china_sensitivity, [heading, note], title)))
        return out

    def tornado_block(
        self, sc: ReportScenario, sens: Sensitivity, heading: list[Flowable], title: Text | None = None
    ) -> list[Flowable]:
        settings = {row.driver: self.settings_text(sc, row) for row in sens.rows}
        tornado = draw.tornado(charts.tornado(sens, settings, title), self.width, self.lang)
        rows = []
        for row in sens.rows:
            low, high = settings[row.driver]
            rows.append(
                [
                    markup(self.t(charts.DRIVER_LABELS[row.driver])),
                    f"{low} / {high}",
                    self.m(row.low.npv_usd),
                    self.m(row.high.npv_usd),
                    self.m(row.low.first_full_year_savings_usd),
                    self.m(row.high.first_full_year_savings_usd),
                    self.m(row.swing_usd),
                ]
            )
        rows.append(
            [
                self.t(("Base case", "Caso base")),
                "",
                self.m(sens.base.npv_usd),
                "",
                self.m(sens.base.first_full_year_savings_usd),
                "",
                "",
            ]
        )
        year = sens.first_full_year
        table = self.table(
            [
                self.t(("Driver", "Variable")),
                self.t(("Low / high", "Bajo / alto")),
                self.t(("NPV low", "VPN bajo")),
                self.t(("NPV high", "VPN alto")),
                self.t((f"Savings {year} low", f"Ahorro {year} bajo")),
                self.t((f"Savings {year} high", f"Ahorro {year} alto")),
                self.t(("Swing", "Amplitud")),
            ],
            rows,
            [self.width * f for f in (0.25, 0.14, 0.12, 0.12, 0.13, 0.13, 0.11)],
            numeric_from=1,
            bold_rows=(len(rows) - 1,),
        )
        return [*heading, tornado, Spacer(1, 8), table]

    # 15 risks ----------------------------------------------------------------------------------------------

    def risks(self) -> list[Flowable]:
        out = self.section("risks")
        out += self.bullets(
            markup(self.t(pair))
            for pair in (
                (
                    "Labor market and turnover: border cities have historically high turnover; wages and benefits by city "
                    "for 2026 are not surveyed publicly.",
                    "Mercado laboral y rotación: las ciudades fronterizas han tenido rotación alta; no hay encuesta pública "
                    "2026 de salarios y prestaciones por ciudad.",
                ),
                (
                    "Hours reform: the secondary labor law (after DOF 3-Mar-2026) will define shifts, overtime and "
                    "exceptions; the model assumes pay unchanged and proportional extra staff.",
                    "Reforma de la jornada: la ley secundaria (posterior al DOF 3-mar-2026) definirá turnos, horas extra y "
                    "excepciones; el modelo supone salario sin cambio y plantilla adicional proporcional.",
                ),
                (
                    "Tariffs: Section 122 surcharge until 24-Jul-2026 and what follows it, Section 232 on metal content, "
                    "the 2026 USMCA joint review.",
                    "Aranceles: recargo de la Sección 122 hasta el 24-jul-2026 y lo que lo sustituya, Sección 232 sobre el "
                    "contenido metálico, revisión conjunta del T-MEC en 2026.",
                ),
                (
                    "IVA/IEPS certification: without it, 16 % of temporary imports is tied up until refunded.",
                    "Certificación en IVA e IEPS: sin ella, el 16 % de las importaciones temporales queda inmovilizado hasta "
                    "su devolución.",
                ),
                (
                    "Exchange rate: a stronger peso raises every peso-denominated cost (see section 14).",
                    "Tipo de cambio: un peso más fuerte encarece todos los costos en pesos (ver sección 14).",
                ),
                (
                    "Security and logistics: crossing times, cargo theft and insurance.",
                    "Seguridad y logística: tiempos de cruce, robo de mercancía y seguros.",
                ),
            )
        )
        project = self.r.project
        if project is None:
            out.append(self.p(markup(self.w("not_linked")), self.s.note))
        else:
            out += self.items_table(
                ("Open items on the critical path", "Tareas abiertas en la ruta crítica"), project.open_critical
            )
            out += self.items_table(
                ("Items resting on facts to verify", "Tareas basadas en datos por verificar"), project.to_verify
            )
        verify = {s.parameter for sc in self.r.scenarios for s in sc.result.parameters.to_verify}
        out.append(
            Paragraph(markup(self.t(("Open questions of the model", "Preguntas abiertas del modelo"))), self.s.h2)
        )
        if verify:
            out.append(
                self.p(
                    markup(
                        self.t(
                            (
                                f"{len(verify)} reference value(s) used here are not confirmed as current and are marked "
                                f"{MARK_TO_VERIFY} “to verify” in the appendix: {', '.join(sorted(verify))}.",
                                f"{len(verify)} valor(es) de referencia usados aquí no están confirmados como vigentes y se marcan "
                                f"{MARK_TO_VERIFY} “por verificar” en el anexo: {', '.join(sorted(verify))}.",
                            )
                        )
                    )
                )
            )
        out += self.bullets(markup(self.t(pair)) for pair in OPEN_QUESTIONS)
        return out

    def items_table(self, title: tuple[str, str], items: Sequence[ReadinessItem]) -> list[Flowable]:
        out: list[Flowable] = [Paragraph(markup(self.t(title)), self.s.h2)]
        if not items:
            out.append(self.p(markup(self.w("none")), self.s.note))
            return out
        rows = []
        for item in items:
            note = (
                f'<br/><font color="{hex_color(AMBER_TEXT)}">{markup(self.t(item.verification_note))}</font>'
                if item.verification_note and item.to_verify
                else ""
            )
            status = STATUS_LABELS.get(item.status)
            rows.append(
                [
                    f"{markup(self.t(item.title))}{note}",
                    markup(self.t(item.pack_title)),
                    markup(self.t(status) if status else item.status),
                    markup(format_date(item.due_on, self.lang)) if item.due_on else "—",
                ]
            )
        out.append(
            self.table(
                [
                    self.w("item"),
                    self.t(("Checklist", "Lista")),
                    self.t(("Status", "Estado")),
                    self.t(("Due", "Vence")),
                ],
                rows,
                [self.width * f for f in (0.47, 0.25, 0.14, 0.14)],
                numeric_from=4,
            )
        )
        return out

    # 16 method ---------------------------------------------------------------------------------------------

    def method(self) -> list[Flowable]:
        out = self.section("method")
        out.append(
            self.p(
                markup(
                    self.t(
                        (
                            "The figures follow the ShelterDesk cost model (contract shelter-app/business-case@1), computed without "
                            "intermediate rounding; the printed values are rounded for reading only. Its simplifications:",
                            "Las cifras siguen el modelo de costos de ShelterDesk (contrato shelter-app/business-case@1), calculado "
                            "sin redondeos intermedios; los valores impresos se redondean solo para su lectura. Sus simplificaciones:",
                        )
                    )
                )
            )
        )
        out += self.bullets(markup(self.t(pair)) for pair in LIMITATIONS)
        if any(sc.china is not None for sc in self.r.scenarios):
            out.append(
                Paragraph(
                    markup(self.t(("The China-supplier baseline", "La comparación con el proveedor en China"))),
                    self.s.h2,
                )
            )
            out += self.bullets(markup(self.t(pair)) for pair in CHINA_LIMITATIONS)
        out.append(Paragraph(markup(self.t(("The weighted site score", "La puntuación ponderada del sitio"))), self.s.h2))
        out += self.bullets(markup(self.t(pair)) for pair in self.score_method())
        return out

    def score_method(self) -> list[tuple[str, str]]:
        weights = {
            lang: ", ".join(
                f"{_in_sentence(_pick(SCORE_CRITERIA[k], lang))} {percent(w / 100, lang, 0)}"
                for k, w in site_score.WEIGHTS.items()
            )
            for lang in ("en", "es")
        }
        return [
            (
                "Section 3 scores each scenario on five criteria: the loaded USD per direct worked hour and the Mexico annual "
                "total of its first full year, the turnover of its direct roles (their turnover rates weighted by headcount), "
                "the road distance to the border crossing or the customer, and the market's industrial vacancy.",
                "La sección 3 califica cada escenario con cinco criterios: los USD integrales por hora trabajada directa y el "
                "total anual en México de su primer año completo, la rotación de sus puestos directos (sus tasas de rotación "
                "ponderadas por plantilla), la distancia por carretera al cruce fronterizo o al cliente y la vacancia "
                "industrial del mercado.",
            ),
            (
                "Each criterion is rescaled linearly between the compared scenarios: the best gets 100, the worst 0 and the "
                "others in proportion (all 100 when they are equal). Lower is better, except vacancy: more available "
                "industrial space is better.",
                "Cada criterio se reescala linealmente entre los escenarios comparados: el mejor obtiene 100, el peor 0 y los "
                "demás en proporción (todos 100 si son iguales). Menor es mejor, salvo la vacancia: más espacio industrial "
                "disponible es mejor.",
            ),
            (
                f"Weights: {weights['en']}. A criterion missing for any scenario is left out and the other weights are "
                "renormalised to 100%. A scenario alone has no score: it needs two or more scenarios.",
                f"Pesos: {weights['es']}. Un criterio que falta en algún escenario queda fuera y los demás pesos se "
                "renormalizan a 100 %. Un escenario solo no tiene puntuación: requiere dos o más escenarios.",
            ),
            (
                "The score is relative to the scenarios in this document (adding or removing one changes it) and leaves out "
                "what is described but not measured: the talent pool, security, incentives, utility capacity.",
                "La puntuación es relativa a los escenarios de este documento (agregar o quitar uno la cambia) y deja fuera lo "
                "que se describe pero no se mide: la oferta de talento, la seguridad, los incentivos, la capacidad de los "
                "servicios.",
            ),
            (
                "Prefilled vacancy comes from the cost model's market reports (Juárez 7.7% Q4-2025, Tijuana 8% Q3-2025, "
                "Monterrey 7.1% Q4-2025, Saltillo 0.8% Q1-2025, Reynosa 6.0% Oct-2025, San Luis Potosí 4.9% Jan-2025; "
                "elsewhere the national 4.4% of Oct-2025); the prefilled distance is a typical road distance to the "
                "crossing the freight uses (Laredo for central Mexico), not a route study. Both are indicative until replaced.",
                "La vacancia precargada proviene de los reportes de mercado del modelo de costos (Juárez 7.7 % 4T-2025, "
                "Tijuana 8 % 3T-2025, Monterrey 7.1 % 4T-2025, Saltillo 0.8 % 1T-2025, Reynosa 6.0 % oct-2025, San Luis "
                "Potosí 4.9 % ene-2025; en otras plazas el 4.4 % nacional de oct-2025); la distancia precargada es una "
                "distancia típica por carretera al cruce que usa el flete (Laredo para el centro de México), no un estudio "
                "de ruta. Ambas son indicativas hasta sustituirlas.",
            ),
        ]

    # 17 appendix -------------------------------------------------------------------------------------------

    def appendix(self, check: Callable[[], None]) -> list[Flowable]:
        out = self.section("appendix")
        out.append(
            self.p(
                markup(
                    self.t(
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
        for sc in self.r.scenarios:
            check()
            out.append(
                Paragraph(markup(self.t((f"Parameters used: {sc.name}", f"Parámetros usados: {sc.name}"))), self.s.h2)
            )
            rows, highlight = [], []
            for n, src in enumerate(sc.result.parameters.sources):
                rows.append(self.source_row(src, sources))
                if src.to_verify:
                    highlight.append(n)
            out.append(
                self.table(
                    [
                        self.t(("Parameter", "Parámetro")),
                        self.t(("Value", "Valor")),
                        self.t(("Origin", "Origen")),
                        self.t(("Checked", "Revisado")),
                        self.t(("Status", "Estado")),
                        self.t(("Sources", "Fuentes")),
                    ],
                    rows,
                    [self.width * f for f in (0.27, 0.2, 0.11, 0.12, 0.13, 0.17)],
                    numeric_from=6,
                    zebra=False,
                    highlight=highlight,
                )
            )
        check()
        out += self.statutory_tables(sources)
        out.append(Paragraph(markup(self.t(("Sources", "Fuentes"))), self.s.h2))
        rows2 = [
            [markup(key), f'{markup(title)}<br/><font color="{hex_color(MUTED)}">{markup(url)}</font>']
            for key, (title, url) in sorted(sources.items())
        ]
        out.append(
            self.table(
                ["ID", self.t(("Title and address", "Título y dirección"))],
                rows2,
                [self.width * 0.22, self.width * 0.78],
                numeric_from=2,
            )
        )
        versions = "; ".join(
            f"{t.file} v{t.version} ({format_date(t.current_to, self.lang)})" for t in self.r.reference.tables
        )
        if versions:
            out.append(
                self.p(
                    markup(self.t((f"Reference tables: {versions}.", f"Tablas de referencia: {versions}."))),
                    self.s.note,
                )
            )
        return out

    def status_text(self, provenance: Provenance | None) -> str:
        if provenance is None:
            return "—"
        if provenance.to_verify:
            return f'<font color="{hex_color(AMBER_TEXT)}">{MARK_TO_VERIFY} {markup(self.t(("to verify", "por verificar")))}</font>'
        labels = {"verified": ("verified", "verificado"), "assumption": ("model convention", "convención del modelo")}
        return markup(self.t(labels.get(provenance.confidence.value, (provenance.confidence.value,) * 2)))

    def source_row(self, src: ParameterSource, sources: dict[str, tuple[str, str]]) -> list[str]:
        prov = src.provenance
        ids = []
        if prov:
            for s in prov.sources:
                sources.setdefault(s.id, (s.title, s.url))
                ids.append(s.id)
        origin = self.t(("table", "tabla") if src.origin is Origin.REFERENCE else ("input", "entrada"))
        if src.origin is Origin.INPUT and src.reason:
            origin += f": {src.reason}"
        return [
            markup(src.parameter),
            markup(self.param_value(src.parameter, src.value)),
            markup(origin),
            markup(format_date(prov.checked_on, self.lang)) if prov else "—",
            self.status_text(prov if src.origin is Origin.REFERENCE else None),
            markup(", ".join(ids)) or "—",
        ]

    def statutory_tables(self, sources: dict[str, tuple[str, str]]) -> list[Flowable]:
        """The reference tables R1–R6 and R3b: each value with the date it was checked, its status ("to verify"
        highlighted) and its sources (collected into `sources` for the list that follows)."""
        ref = self.r.reference
        out: list[Flowable] = []
        status_h = [self.t(("Checked", "Revisado")), self.t(("Status", "Estado")), self.t(("Sources", "Fuentes"))]

        def block(title: tuple[str, str], header: list[str], entries: Iterable[tuple[str, str, Provenance]],
                  widths: Sequence[float]) -> None:
            rows: list[list[str]] = []
            highlight: list[int] = []
            for n, (label, value, prov) in enumerate(entries):
                for source in prov.sources:
                    sources.setdefault(source.id, (source.title, source.url))
                rows.append([label, value, format_date(prov.checked_on, self.lang), self.status_text(prov),
                             markup(", ".join(source.id for source in prov.sources))])
                if prov.to_verify:
                    highlight.append(n)
            out.append(Paragraph(markup(self.t(title)), self.s.h2))
            out.append(self.table([*header, *status_h], rows, [self.width * f for f in widths], numeric_from=1,
                                  zebra=False, highlight=highlight))

        general = self.t(("general", "general"))
        wages = sorted(ref.minimum_wage_mxn_per_day.items(), key=lambda kv: (kv[0][0], kv[0][1].value))
        block(("R1 Minimum wage (MXN per day)", "R1 Salario mínimo (MXN por día)"),
              [self.t(("Year · zone", "Año · zona")), "MXN"],
              ((f"{year} · {'ZLFN' if zone.value == 'border' else general}", number(v.value, self.lang), v.provenance)
               for (year, zone), v in wages),
              (0.22, 0.14, 0.14, 0.17, 0.33))
        block(("R2 UMA (MXN per day)", "R2 UMA (MXN por día)"), [self.t(("Year", "Año")), "MXN"],
              ((str(year), number(v.value, self.lang), v.provenance) for year, v in sorted(ref.uma_mxn_per_day.items())),
              (0.22, 0.14, 0.14, 0.17, 0.33))
        imss = [(f"{self.t(('Employer', 'Patrón'))}: {k}", v) for k, v in ref.imss_employer_rates.items()]
        imss += [
            (f"{self.t(('Worker (art. 36)', 'Obrero (art. 36)'))}: {k}", v) for k, v in ref.imss_worker_rates.items()
        ]
        imss += [
            (f"{self.t(('Work risk, class', 'Riesgo de trabajo, clase'))} {c.value}", v)
            for c, v in ref.risk_class_premiums.items()
        ]
        imss += [("INFONAVIT", ref.defaults.infonavit_rate)]
        block(("R4 IMSS and INFONAVIT rates", "R4 Cuotas IMSS e INFONAVIT"),
              [self.t(("Branch", "Rama")), self.t(("Rate", "Tasa"))],
              ((markup(name), self.pct(v.value, 4), v.provenance) for name, v in imss),
              (0.36, 0.12, 0.13, 0.15, 0.24))
        block(("R5 Employer cesantía y vejez rate (%) by SBC band 0–7",
               "R5 Cuota patronal de cesantía y vejez (%) por banda de SBC 0–7"),
              [self.t(("Year", "Año")), self.t(("Bands 0–7 (%)", "Bandas 0–7 (%)"))],
              ((str(year), " · ".join(self.pct(x, 3).replace(" %", "").replace("%", "") for x in bands.value),
                bands.provenance) for year, bands in sorted(ref.cesantia_vejez_rates.rows.items())),
              (0.08, 0.47, 0.12, 0.15, 0.18))
        block(("R6 State payroll tax (ISN)", "R6 Impuesto estatal sobre nóminas (ISN)"),
              [self.t(("State", "Estado")), self.t(("Rate", "Tasa"))],
              ((f"{markup(state)} ({year})", self.pct(v.value, 2), v.provenance)
               for (year, state), v in sorted(ref.isn_rate.items())),
              (0.3, 0.12, 0.14, 0.17, 0.27))
        block(("R3b Weekly hours (48 → 40 hour reform)", "R3b Horas semanales (reforma de 48 a 40 horas)"),
              [self.t(("Year", "Año")), self.t(("Hours", "Horas"))],
              ((str(year), plain(v.value, self.lang), v.provenance) for year, v in sorted(ref.weekly_hours.rows.items())),
              (0.22, 0.14, 0.14, 0.17, 0.33))
        return out

    # 18 disclaimer -----------------------------------------------------------------------------------------

    def disclaimer(self) -> list[Flowable]:
        out = self.section("disclaimer")
        provider = self.r.provider_name or "ShelterDesk"
        out.append(
            self.p(
                markup(
                    self.t(
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
            self.p(
                markup(
                    self.t(
                        (
                            f"Generated with ShelterDesk {self.r.app_version}.",
                            f"Generado con ShelterDesk {self.r.app_version}.",
                        )
                    )
                ),
                self.s.note,
            )
        )
        return out


def _imss_line(key: str, role: RoleYear) -> Decimal:
    value: Decimal = getattr(role.per_employee_mxn.imss_infonavit, key)
    return value


def _market_line(key: str, role: RoleYear) -> Decimal:
    value: Decimal = getattr(role.per_employee_mxn.market_benefits, key)
    return value


OPEN_QUESTIONS: tuple[tuple[str, str], ...] = (
    (
        "Shelter fee levels: no public price list; the fee should come from the provider's quote, with what it "
        "includes and how PTU, the work-risk premium and IMSS audits are passed through.",
        "Tarifa del albergue: no hay lista pública de precios; debe tomarse de la cotización del proveedor, con lo que "
        "incluye y cómo se trasladan la PTU, la prima de riesgo y las auditorías del IMSS.",
    ),
    (
        "Cesantía y vejez band rule for minimum-wage earners whose SBC exceeds the minimum after integration, and "
        "the 2024–2025 and 2027–2029 rows, still to be checked against the DOF text.",
        "Regla de banda de cesantía y vejez para quienes ganan el mínimo y cuyo SBC lo supera tras la integración, y "
        "los renglones 2024–2025 y 2027–2029, pendientes de cotejar con el texto del DOF.",
    ),
    (
        "Work-risk premium under a shelter: the provider's registration or a new one at the class mean.",
        "Prima de riesgo de trabajo en un albergue: el registro patronal del proveedor o uno nuevo con la prima media "
        "de la clase.",
    ),
    (
        "Payroll tax (ISN): current rates of several states and what each includes in the base.",
        "ISN: tasas vigentes de varios estados y qué incluye cada uno en la base.",
    ),
    (
        "PTU under a shelter: the real base is the shelter entity's taxable income, approximated here.",
        "PTU en un albergue: la base real es la utilidad fiscal de la entidad del albergue; aquí se aproxima.",
    ),
    (
        "Utilities tariffs, logistics parameters, market benefits and turnover by city.",
        "Tarifas eléctricas, parámetros logísticos, prestaciones de mercado y rotación por ciudad.",
    ),
)

LIMITATIONS: tuple[tuple[str, str], ...] = (
    (
        "Pre-tax: no Mexican income tax (ISR), no US tax effect, no transfer pricing.",
        "Antes de impuestos: sin ISR en México, sin efecto fiscal en EE. UU. ni precios de transferencia.",
    ),
    (
        "PTU is charged in the year whose results generate it, although it is paid in May of the following year; "
        "its base is approximated as 6.5 % of the Mexican costs (safe-harbour style), not the shelter's real taxable "
        "income; the “average of the last 3 years” cap is not modelled.",
        "La PTU se carga en el año cuyos resultados la generan, aunque se paga en mayo del año siguiente; su base se "
        "aproxima como 6.5 % de los costos en México (estilo puerto seguro), no la utilidad fiscal real del albergue; "
        "no se modela el tope del “promedio de los últimos 3 años”.",
    ),
    (
        "Seniority is constant over the horizon (vacation days and the integration factor of the seniority given); "
        "a real seniority profile raises both over time.",
        "La antigüedad es constante en el horizonte (días de vacaciones y factor de integración de la antigüedad "
        "indicada); un perfil real de antigüedad eleva ambos con el tiempo.",
    ),
    (
        "Cesantía y vejez: 3.150 % only when the SBC is at the minimum wage, otherwise the band by SBC in UMA (the "
        "table's first two bands mix minimum wages and UMA).",
        "Cesantía y vejez: 3.150 % solo cuando el SBC está en el salario mínimo; si no, la banda según el SBC en UMA "
        "(las dos primeras bandas de la tabla mezclan salarios mínimos y UMA).",
    ),
    (
        "Some statutory rates are not confirmed as current and are marked “to verify” (appendix).",
        "Algunas tasas legales no están confirmadas como vigentes y se marcan “por verificar” (anexo).",
    ),
    (
        "Duties are 0 (business-case@1 assumes USMCA-qualifying goods); Section 232 and non-qualifying goods are "
        "outside the model.",
        "Los aranceles son 0 (business-case@1 supone mercancía originaria del T-MEC); la Sección 232 y la mercancía "
        "no originaria quedan fuera del modelo.",
    ),
    (
        "Market benefits stay outside the SBC whatever their size (the LSS art. 27 limits are not enforced).",
        "Las prestaciones de mercado no integran al SBC cualquiera que sea su monto (no se aplican los límites del "
        "art. 27 de la LSS).",
    ),
    (
        "The exchange rate is held flat at the planning rate; one UMA and one minimum wage per calendar year; leap "
        "years are not modelled.",
        "El tipo de cambio se mantiene constante en el de planeación; una UMA y un salario mínimo por año calendario; "
        "no se modelan los años bisiestos.",
    ),
    (
        "Direct labor grows with 48/h as the week shortens; indirect staff absorb it; productivity is a single factor.",
        "La mano de obra directa crece en proporción 48/h al acortarse la semana; el personal indirecto lo absorbe; "
        "la productividad es un solo factor.",
    ),
    (
        "The IVA on temporary imports is a memo item, outside the totals and the cash flows.",
        "El IVA de las importaciones temporales es una partida informativa, fuera de los totales y de los flujos.",
    ),
)


CHINA_LIMITATIONS: tuple[tuple[str, str], ...] = (
    (
        "Duties are charged on the FOB value as the customs value, one rate per program for all the goods (no HTS "
        "line-by-line classification), and the programs add up: MFN + Section 301 + Section 122.",
        "Los aranceles se calculan sobre el valor FOB como valor en aduana, con una sola tasa por programa para toda la "
        "mercancía (sin clasificación fracción por fracción) y los programas se suman: NMF + Sección 301 + Sección 122.",
    ),
    (
        "Section 122 is charged on the share of each year's days before its end date (purchases spread evenly over "
        "the year); earlier days of the base year are charged as if it already applied, and no extension or "
        "replacement is assumed after it ends.",
        "La Sección 122 se cobra sobre la parte de los días de cada año anterior a su fecha de término (compras "
        "repartidas de manera uniforme en el año); los primeros días del año base se cobran como si ya aplicara, y no "
        "se supone prórroga ni sustitución al terminar.",
    ),
    (
        "No merchandise processing fee (MPF) or harbor maintenance fee (HMF), no quotas, no antidumping or "
        "countervailing duties, no Section 232 on metal content.",
        "Sin la cuota de procesamiento de mercancía (MPF) ni la de mantenimiento portuario (HMF), sin cupos, sin "
        "cuotas antidumping ni compensatorias y sin la Sección 232 sobre el contenido metálico.",
    ),
    (
        "Currency: the supplier's price is taken in USD and rises with the USD cost escalation; the yuan, freight "
        "markets and the peso do not move it (the peso moves only the Mexican plant).",
        "Moneda: el precio del proveedor se toma en USD y sube con el incremento de los costos en USD; el yuan, el "
        "mercado de fletes y el peso no lo mueven (el peso solo mueve a la planta en México).",
    ),
    (
        "The inventory carried is the extra weeks of pipeline at FOB value; the Mexican materials are taken at the "
        "amount given, without duties (IMMEX temporary imports).",
        "El inventario que se mantiene son las semanas adicionales en tránsito a valor FOB; los materiales de México "
        "se toman por el importe indicado, sin aranceles (importación temporal IMMEX).",
    ),
)


# ---- the document ------------------------------------------------------------------------------------------


def write_business_case_pdf(
    report: BusinessCaseReport,
    path: Path,
    *,
    language: Language | None = None,
    paper: Paper = "letter",
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> None:
    """Write the business case to `path`, all or nothing (a temp file beside it, renamed at the end).

    `progress(fraction, text)` is called as sections are prepared and pages laid out; when
    `cancel()` turns true the build stops with `DocumentCancelled` and nothing is written.
    """
    lang: Language = language or ("es" if report.language == "es" else "en")
    if lang not in ("en", "es"):
        raise ValueError(f"unsupported PDF language {lang!r}")
    if paper not in PAGE_SIZES:
        raise ValueError(f"unsupported paper {paper!r}")

    def check() -> None:
        if cancel is not None and cancel():
            raise DocumentCancelled()

    def step(fraction: float, en: str, es: str) -> None:
        check()
        if progress is not None:
            progress(fraction, es if lang == "es" else en)

    register_fonts()
    size = PAGE_SIZES[paper]
    width = size[0] - 2 * SIDE_MARGIN
    marks = _Marks({}, [], [])
    b = _Builder(report, lang, width, marks)

    story: list[Flowable] = [*b.cover(), NextPageTemplate("body"), PageBreak(), *b.contents(), PageBreak()]
    sections: list[tuple[str, Callable[[], list[Flowable]]]] = [
        ("summary", b.summary),
        ("profile", b.profile),
        ("comparison", b.comparison),
        ("structure", b.structure),
        ("headcount", b.headcount),
        ("labor", lambda: b.labor(check)),
        ("facility", b.facility),
        ("logistics", b.logistics),
        ("trade", b.trade),
        ("one_time", b.one_time),
        ("timeline", b.timeline),
        ("current", b.current),
        ("financials", b.financials),
        ("sensitivity", b.sensitivity),
        ("risks", b.risks),
        ("method", b.method),
        ("appendix", lambda: b.appendix(check)),
        ("disclaimer", b.disclaimer),
    ]
    titles = dict(SECTIONS)
    for n, (key, build) in enumerate(sections):
        step(0.2 * n / len(sections), f"Preparing {titles[key][0]}", f"Preparando {titles[key][1]}")
        story += build()

    running = f"{b.w('running')} — {report.client_name or report.project_title}"
    date_text = format_date(report.generated_on, lang, "long")

    def decorate(canvas: Canvas, cover: bool) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 7)
        canvas.setFillColor(MUTED)
        if not cover:
            y = size[1] - TOP_MARGIN + 6 * mm
            canvas.drawString(SIDE_MARGIN, y, fit(running, REGULAR, 7, width * 0.72))
            canvas.drawRightString(SIDE_MARGIN + width, y, fit(date_text, REGULAR, 7, width * 0.26))
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.5)
            canvas.line(SIDE_MARGIN, y - 3, SIDE_MARGIN + width, y - 3)
        y = BOTTOM_MARGIN - 9 * mm
        canvas.setStrokeColor(RULE)
        canvas.line(SIDE_MARGIN, y + 9, SIDE_MARGIN + width, y + 9)
        footer = f"{b.w('confidential')} · {date_text} · ShelterDesk {report.app_version}"
        canvas.drawString(SIDE_MARGIN, y, fit(footer, REGULAR, 7, width * 0.7))
        canvas.restoreState()

    page_word = COMMON["page_of"][1] if lang == "es" else COMMON["page_of"][0]

    def finish_page(canvas: Canvas, page: int, total: int) -> None:
        canvas.saveState()
        canvas.setFont(BOLD, 7.5)
        canvas.setFillColor(INK)
        canvas.drawRightString(SIDE_MARGIN + width, BOTTOM_MARGIN - 9 * mm, page_word.format(page=page, total=total))
        for key, title, level, on_page in marks.outline:
            if on_page == page:
                canvas.bookmarkPage(key)
                canvas.addOutlineEntry(title, key, level, closed=level > 0)
        canvas.setFont(REGULAR, 10)
        canvas.setFillColor(INK)
        for key, on_page, x_right, y, x_left in marks.contents:
            if on_page == page and key in marks.heading_pages:
                canvas.drawRightString(x_right, y, str(marks.heading_pages[key]))
                canvas.linkRect("", key, (x_left, y - 3, x_right, y + 10), relative=0, thickness=0)
        canvas.restoreState()

    title = f"{b.w('title')} — {report.client_name or report.project_title}"
    with replacing(path) as tmp:
        doc = _Doc(
            str(tmp),
            marks,
            len(story),
            progress,
            cancel,
            lang,
            pagesize=size,
            leftMargin=SIDE_MARGIN,
            rightMargin=SIDE_MARGIN,
            topMargin=TOP_MARGIN,
            bottomMargin=BOTTOM_MARGIN,
            title=title,
            author=report.provider_name or "ShelterDesk",
            subject=", ".join(sc.name for sc in report.scenarios),
            creator=f"ShelterDesk {report.app_version}",
            lang="es-MX" if lang == "es" else "en-US",
            initialFontName=REGULAR,
        )
        frame = Frame(
            SIDE_MARGIN,
            BOTTOM_MARGIN,
            width,
            size[1] - TOP_MARGIN - BOTTOM_MARGIN,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        doc.addPageTemplates(
            [
                PageTemplate("cover", [frame], onPage=lambda canvas, _doc: decorate(canvas, True)),
                PageTemplate("body", [frame], onPage=lambda canvas, _doc: decorate(canvas, False)),
            ]
        )
        doc.build(story, canvasmaker=numbered_canvas(finish_page))
        check()  # a cancel during the last page still writes nothing
        if progress is not None:
            progress(1.0, "Done" if lang == "en" else "Listo")


__all__ = ["DocumentCancelled", "money", "percent", "write_business_case_pdf"]

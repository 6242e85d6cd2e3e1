"""What the sections of the business case share: number formatting, the styles, and the `Builder`
every section function receives (the report, the language, the width of the page's body, the marks of
the contents) with its helpers for words, tables and key-value lists."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table

from shelter_app.core.bilingual import Text
from shelter_app.core.business_case.result import YearResult
from shelter_app.core.business_case.sensitivity import first_full_year
from shelter_app.core.business_report import BusinessCaseReport, ReportScenario
from shelter_app.l10n import format_number
from shelter_app.reports.business_case.words import MARK_INDICATIVE, SECTIONS, W, section_number
from shelter_app.reports.fonts import BOLD, REGULAR
from shelter_app.reports.pdfkit import (
    AMBER_BG,
    AMBER_TEXT,
    HEADER_BG,
    INK,
    MUTED,
    RULE,
    ZEBRA,
    Heading,
    Marks,
    hex_color,
    markup,
    table_style,
)

Language = Literal["en", "es"]

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
    return percent(irr, language, 1) if irr is not None else word("irr_none", language)


def payback_text(payback: Decimal | None, horizon: int, language: str) -> str:
    if payback is None:
        return word("payback_none", language).format(n=horizon)
    return word("years_months", language).format(
        years=number(payback, language, 2), months=number(payback * 12, language, 1)
    )


def in_sentence(label: str) -> str:
    """A label inside a sentence: its first letter lowercase, unless it starts with a proper noun (Mexico)."""
    if label.startswith(("Mexico", "México")):
        return label
    return label[:1].lower() + label[1:]


def word(key: str, language: str) -> str:
    pair = W[key]
    return pair[1] if language == "es" else pair[0]


def pick(pair: tuple[str, str] | Text, language: str) -> str:
    if isinstance(pair, Text):
        return pair.pick(language)
    return pair[1] if language == "es" else pair[0]


# ---- styles ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Styles:
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


def styles() -> Styles:
    def style(
        name: str, size: float, leading: float, font: str = REGULAR, color: colors.Color = INK, **kw: Any
    ) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, textColor=color, **kw)

    return Styles(
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


class Builder:
    """What every section function gets: the report and the words, numbers, tables in its language."""

    def __init__(self, report: BusinessCaseReport, language: Language, width: float, marks: Marks) -> None:
        self.report, self.lang, self.width, self.marks = report, language, width, marks
        self.s = styles()

    def t(self, pair: tuple[str, str] | Text) -> str:
        return pick(pair, self.lang)

    def w(self, key: str, **values: Any) -> str:
        text = word(key, self.lang)
        return text.format(**values) if values else text

    def m(self, value: Decimal, places: int = 0) -> str:
        return money(value, self.lang, places)

    def pct(self, rate: Decimal, places: int = 1) -> str:
        return percent(rate, self.lang, places)

    def p(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(text, style or self.s.body)

    def section(self, key: str) -> list[Flowable]:
        """A section's numbered title, bookmarked, with the page it starts on in the contents."""
        title = f"{section_number(key)}. {self.t(dict(SECTIONS)[key])}"
        return [Heading(markup(title), self.s.h1, (key, title, 0))]

    def sub(self, scenario: ReportScenario, key: str) -> list[Flowable]:
        """A scenario's subheading when several scenarios are compared (and a bookmark under the section)."""
        if len(self.report.scenarios) == 1:
            return []
        n = self.report.scenarios.index(scenario) + 1
        return [Heading(markup(scenario.name), self.s.h2, (f"{key}.{n}", scenario.name, 1))]

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
        n = len(self.report.scenarios)
        return [label_w] + [(self.width - label_w) / n] * n

    def ref_year(self, scenario: ReportScenario) -> YearResult:
        return first_full_year(scenario.result)

    def param_value(self, name: str, value: Decimal | tuple[Decimal, ...] | None) -> str:
        if value is None:
            return "—"
        if isinstance(value, tuple):
            return " · ".join(self.param_value(name, v) for v in value)
        if "rate" in name or name.startswith(("imss_", "cesantia", "ptu.taxable", "ptu.rate")):
            return self.pct(value, 3)
        return plain(value, self.lang)

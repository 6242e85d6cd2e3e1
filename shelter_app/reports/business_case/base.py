"""What the sections of the business case share: number formatting, the styles, and the `Builder`
every section function receives (the report, the language, the width of the page's body, the marks of
the contents) with its helpers for words, tables and key-value lists."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from shelter_app.core.bilingual import Plural, Text
from shelter_app.core.business_case import schema
from shelter_app.core.business_case.inputs import OneTimeItem, Role
from shelter_app.core.business_case.result import YearResult
from shelter_app.core.business_case.sensitivity import first_full_year
from shelter_app.core.business_case.spec import Unit
from shelter_app.core.business_report import BusinessCaseReport, ReportScenario
from shelter_app.core.scenario_prefill import ONE_TIME_ITEMS, STANDARD_ROLES, standard_name
from shelter_app.l10n import format_number, plural
from shelter_app.reports.business_case.words import MARK_INDICATIVE, MARK_TO_VERIFY, SECTIONS, W, section_number
from shelter_app.reports.fonts import BOLD, REGULAR
from shelter_app.reports.pdfkit import (
    AMBER_BG,
    AMBER_TEXT,
    HEADER_BG,
    INK,
    LEAD_ROWS,
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
MIN_ROWS = LEAD_ROWS
"""A table cut across pages leaves at least this many rows of its body on each page: as many as a heading above
it keeps with it (`reports.pdfkit`), so a heading never waits for a table that then moves on."""


class BalancedTable(Table):
    """A table cut across pages with at least `MIN_ROWS` rows of its body on either side: never a row or two
    alone at the foot of a page or at the top of the next. One too short to cut so moves whole. `min_first`
    asks for more rows before the cut (for a table no heading holds to its page)."""

    min_first = MIN_ROWS

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803  (reportlab's names)
        parts: list[Flowable] = super().split(availWidth, availHeight)
        frame = getattr(self, "_frame", None)
        if len(parts) != 2 or (frame is not None and getattr(frame, "_atTop", False)):
            return parts  # whole, or cannot be cut at all, or at the top of a page: as reportlab does
        repeat = self.repeatRows
        head = repeat if isinstance(repeat, int) else max(repeat) + 1
        body = len(getattr(self, "_cellvalues")) - head  # noqa: B009  (reportlab's attributes are untyped)
        first = len(getattr(parts[0], "_cellvalues")) - head  # noqa: B009
        if first >= max(MIN_ROWS, self.min_first) and body - first >= MIN_ROWS:
            return parts
        if first < max(MIN_ROWS, self.min_first) or body - MIN_ROWS < MIN_ROWS:
            return []  # moves on to the next page whole
        rows = head + body - MIN_ROWS  # leave MIN_ROWS for the next page
        heights: list[float] = getattr(self, "_rowHeights")  # noqa: B009
        return list(super().split(availWidth, sum(heights[:rows]) + 0.01))

# ---- formatting -------------------------------------------------------------------------------------------


def money(value: Decimal, language: str, places: int = 0) -> str:
    """An amount as the PDF prints it (grouping per language, no currency code)."""
    return format_number(value, language, places)


NBSP = "\u00a0"


def percent(rate: Decimal, language: str, places: int = 1, *, unbreakable: bool = False) -> str:
    """A rate as a percentage: "4.5%" in English, "4.5 %" in Spanish (`unbreakable`: with a no-break space, for a
    paragraph, where the sign must not start a new line)."""
    number = format_number(rate * 100, language, places)
    return f"{number}{NBSP if unbreakable else ' '}%" if language == "es" else f"{number}%"


def number(value: Decimal, language: str, places: int = 2) -> str:
    return format_number(value, language, places)


def plain(value: Decimal, language: str) -> str:
    """A number with the decimals it has (up to 6), no trailing zeros."""
    exponent = value.normalize().as_tuple().exponent
    places = min(max(-exponent, 0), 6) if isinstance(exponent, int) else 2
    return format_number(value, language, places)


def irr_text(irr: Decimal | None, language: str) -> str:
    return percent(irr, language, 1) if irr is not None else word("irr_none", language)


YEARS = Plural(Text("{n} year", "{n} año"), Text("{n} years", "{n} años"))
PAYBACK_NONE = Plural(Text("not within {n} year", "no se recupera en {n} año"),
                      Text("not within {n} years", "no se recupera en {n} años"))


def payback_text(payback: Decimal | None, horizon: int, language: str) -> str:
    if payback is None:
        return plural(PAYBACK_NONE, horizon, language)
    return word("years_months", language).format(
        years=number(payback, language, 2), months=number(payback * 12, language, 1)
    )


_SINGULAR: dict[str, str] = {
    "years": "year", "años": "año", "days": "day", "días": "día", "weeks": "week", "semanas": "semana",
    "months": "month", "meses": "mes", "people": "person", "personas": "persona",
}
"""A count unit's word for one (`1 year`, `1 día`)."""


def _places_of(value: Decimal, at_least: int, at_most: int = 6) -> int:
    exponent = value.normalize().as_tuple().exponent
    needed = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return max(at_least, min(needed, at_most))


def quantity(value: Decimal, unit: Unit | None, language: str, places: int | None = None, *,
             exact: bool = False, with_unit: bool = True) -> str:
    """A number as its unit shows it: a fraction as a percentage (`4.00%`, `3.50 %/año`), a year without
    grouping, an amount with the unit's decimals (or `places`), followed by the unit's symbol unless `with_unit`
    is false (for a column or a label that already names it). `exact` keeps every decimal the value has (up to 6
    of the shown number), for values quoted from the tables."""
    if unit is None:
        return plain(value, language) if exact or places is None else format_number(value, language, places)
    shown = value * unit.scale
    digits = unit.places if places is None else places
    if exact:
        digits = _places_of(shown, digits)
    symbol = unit.symbol.pick(language)
    if unit.percent:
        text = percent(value, language, digits, unbreakable=True)
        return text + symbol[1:] if with_unit and symbol.startswith("%") else text
    if not unit.grouped:
        return f"{shown:.{digits}f}"
    text = format_number(shown, language, digits)
    if not with_unit or not symbol:
        return text
    if symbol == "×":
        return f"{text}×"
    if shown == 1:
        symbol = _SINGULAR.get(symbol, symbol)
    return f"{text} {symbol}"


def unbroken(text: str) -> str:
    """Stored prose with its percent signs kept on the line of their numbers ("4.4 %")."""
    return re.sub(r"(\d) %", rf"\1{NBSP}%", text)


def in_sentence(label: str) -> str:
    """A label inside a sentence: its first letter lowercase, unless it opens an acronym (UMA) or a proper noun
    (Mexico)."""
    return Text.same(label).in_sentence().en


def word(key: str, language: str) -> str:
    return W[key].pick(language)


def pick(text: Text, language: str) -> str:
    return text.pick(language)


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
        h1=style("h1", 14, 18, BOLD, spaceBefore=14, spaceAfter=6, keepWithNext=1),
        h2=style("h2", 11, 14, BOLD, spaceBefore=8, spaceAfter=4, keepWithNext=1),
        h3=style("h3", 9.5, 12, BOLD, spaceBefore=6, spaceAfter=3, keepWithNext=1),
        body=style("body", 9, 12.2, spaceAfter=4, allowWidows=0),
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

    def t(self, pair: Text) -> str:
        return pick(pair, self.lang)

    def w(self, key: str, **values: Any) -> str:
        text = word(key, self.lang)
        return text.format(**values) if values else text

    def m(self, value: Decimal, places: int = 0) -> str:
        return money(value, self.lang, places)

    def pct(self, rate: Decimal, places: int = 1) -> str:
        return percent(rate, self.lang, places, unbreakable=True)

    def p(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(text, style or self.s.body)

    def head(self, text: str, mark: str = "", numeric: bool = False) -> Paragraph:
        """A table's header cell with a mark after it (the indicative ◇); `text` is plain, `mark` markup."""
        return Paragraph(markup(text) + mark, self.s.head_num if numeric else self.s.head)

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
        header: Sequence[str | Flowable],
        rows: Sequence[Sequence[Any]],
        widths: Sequence[float],
        *,
        numeric_from: int = 1,
        bold_rows: Iterable[int] = (),
        zebra: bool = True,
        highlight: Iterable[int] = (),
        text_columns: Iterable[int] = (),
        keep: bool = False,
        min_first: int = MIN_ROWS,
    ) -> Flowable:
        """A table with a repeated dark header; text cells wrap, rows are never cut across pages and a cut leaves
        a few rows on each page (`BalancedTable`). Columns from `numeric_from` on are right-aligned, except the
        `text_columns`. `keep`: the whole table on one page (for one well under half a page)."""
        s = self.s
        texts = set(text_columns)
        data: list[list[Any]] = [
            [h if isinstance(h, Flowable) else
             Paragraph(markup(h), s.head_num if i >= numeric_from and i not in texts else s.head)
             for i, h in enumerate(header)]
        ]
        bold = set(bold_rows)
        for r_no, row in enumerate(rows):
            cells: list[Any] = []
            for i, cell in enumerate(row):
                if isinstance(cell, Flowable):
                    cells.append(cell)
                    continue
                if i >= numeric_from and i not in texts:
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
            *[("ALIGN", (i, 1), (i, -1), "LEFT") for i in sorted(texts)],
            *[("FONTNAME", (i, 1), (i, -1), s.cell.fontName) for i in sorted(texts)],
        ]
        if zebra:
            commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]))
        for r_no in highlight:
            commands.append(("BACKGROUND", (0, r_no + 1), (-1, r_no + 1), AMBER_BG))
        for r_no in bold:
            commands.append(("LINEABOVE", (0, r_no + 1), (-1, r_no + 1), 0.6, MUTED))
        table = BalancedTable(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
        table.min_first = min_first
        table.setStyle(table_style(commands))
        return KeepTogether([table]) if keep else table

    def kv(self, rows: Sequence[tuple[str, str]], label_share: float = 0.38) -> Flowable:
        """A two-column table of labels and values (no header)."""
        s = self.s
        data = [[Paragraph(label, s.cell), Paragraph(value, s.cell)] for label, value in rows]
        table = BalancedTable(data, colWidths=[self.width * label_share, self.width * (1 - label_share)], hAlign="LEFT")
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

    # ---- the scenario's fields, named and measured by their one declaration (core.business_case.schema) ----

    def label(self, path: str) -> str:
        """A field's label (`workforce.roles[2].daily_wage_mxn` → "Daily wage"; a year map's entry with its year)."""
        return schema.label(path).pick(self.lang)

    def unit(self, path: str) -> Unit | None:
        return schema.node(path).meta.unit

    def symbol(self, path: str) -> str:
        unit = self.unit(path)
        return "" if unit is None else unit.symbol.pick(self.lang)

    def labelled(self, path: str, label: str | None = None) -> str:
        """A row's label with the unit its bare numbers are in ("Rent (USD/sq ft/month)"); a percentage's "%" is
        in the value."""
        symbol = self.symbol(path)
        text = self.label(path) if label is None else label
        return f"{text} ({symbol})" if symbol and symbol not in ("%", "×") else text

    def value(self, path: str, value: Decimal, places: int | None = None) -> str:
        """A field's value as a bare number (the row's label names the unit)."""
        return quantity(value, self.unit(path), self.lang, places, with_unit=False)

    def amount(self, path: str, value: Decimal, places: int | None = None, *, exact: bool = False) -> str:
        """A field's value with its unit ("17.9500 MXN per USD", "12 days", "3.50%/year")."""
        return quantity(value, self.unit(path), self.lang, places, exact=exact)

    def param_label(self, parameter: str) -> str:
        """The label of a parameter of the computed case (`imss_employer_rates.em_excedente`,
        `weekly_hours_by_year.2027` → "Legal work week 2027")."""
        path = parameter_path(parameter)
        return self.label(path) if path is not None else parameter.replace("_", " ")

    def param_value(self, name: str, value: Decimal | tuple[Decimal, ...] | None) -> str:
        """A parameter's value with its unit, every decimal the table gives kept (bands joined by " · ")."""
        if value is None:
            return "—"
        path = parameter_path(name)
        unit = None if path is None else self.unit(path)
        if isinstance(value, tuple):  # one number of decimals for the whole list
            scale, least = (unit.scale, unit.places) if unit is not None else (Decimal(1), 0)
            places = max((_places_of(v * scale, least) for v in value), default=least)
            return " · ".join(quantity(v, unit, self.lang, places, with_unit=False) for v in value)
        return quantity(value, unit, self.lang, exact=True)

    # ---- names: standard ones in the document's language, typed ones as typed ----------------------------

    def role_name(self, role: Role, roles: Sequence[Role] = ()) -> str:
        """A role's name: a standard role of the prefill in the document's language, a typed name as typed, a role
        without a name by its number in the plan ("Role 3")."""
        standard = standard_name(role.name, role.key, STANDARD_ROLES) if role.key else None
        if standard is not None:
            return standard.pick(self.lang)
        if role.name.strip():
            return role.name
        n = next((i for i, r in enumerate(roles) if r is role), None)
        return f"{self.t(Text('Role', 'Puesto'))} {n + 1}" if n is not None else self.t(Text("Role", "Puesto"))

    def item_name(self, item: OneTimeItem) -> str:
        """A one-time item's name: a standard item in the document's language, a typed one as typed."""
        standard = standard_name(item.name, item.key, ONE_TIME_ITEMS) if item.key else None
        if standard is not None:
            return standard.pick(self.lang)
        return item.name.strip() or "—"

    def count(self, forms: Plural, n: int, **values: Any) -> str:
        """A counted phrase in the document's language ("2 scenarios", "1 puesto")."""
        return plural(forms, n, self.lang, **values)

    # ---- where a prefilled default came from, and a default the prefill could not draw --------------------

    def origin(self, scenario: ReportScenario, path: str) -> str:
        """Where the prefill drew the value of `path` from, as a muted note to print under the value; "" when the
        value has no recorded origin."""
        found = scenario.origins.get(path)
        if found is None or not found.pick(self.lang).strip():
            return ""
        return f'<br/><font color="{hex_color(MUTED)}" size="6.8">{markup(unbroken(found.pick(self.lang)))}</font>'

    def not_given(self, scenario: ReportScenario, path: str, *, reason: bool = True) -> str | None:
        """The amber "not given" (with why and what to do, unless `reason` is false) of a default the prefill
        could not draw; None when `path` is not missing."""
        found = scenario.missing.get(path)
        if found is None:
            return None
        text = f'<font color="{hex_color(AMBER_TEXT)}">{MARK_TO_VERIFY} {markup(self.w("not_given"))}</font>'
        if reason and found.pick(self.lang).strip():
            why = markup(unbroken(found.pick(self.lang)))
            text += f'<br/><font color="{hex_color(AMBER_TEXT)}" size="6.8">{why}</font>'
        return text

    def verify(self, scenario: ReportScenario, path: str) -> str:
        """The amber "to verify" mark after a value taken from a reference table that is not confirmed as current
        (the appendix says what is open); "" otherwise."""
        found = schema.find(path)
        parameter = None if found is None else found.parameter
        if parameter is None or not any(s.parameter == parameter for s in scenario.result.parameters.to_verify):
            return ""
        return f' <font color="{hex_color(AMBER_TEXT)}">{MARK_TO_VERIFY}</font>'

    def field_row(self, scenario: ReportScenario, path: str, value: Decimal, places: int | None = None
                  ) -> tuple[str, str]:
        """A key-value row of a field: its label, and its value with the unit, the indicative mark and where the
        prefill drew it from; "not given" with the reason when the prefill could not draw it."""
        missing = self.not_given(scenario, path)
        if missing is not None:
            return self.label(path), missing
        shown = self.amount(path, value, places) + self.ind(scenario, path) + self.verify(scenario, path)
        return self.label(path), shown + self.origin(scenario, path)


def parameter_path(parameter: str) -> str | None:
    """The document path behind a parameter of the computed case, with a year map's year
    (`weekly_hours_by_year.2027` → `statutory.weekly_hours_by_year.2027`); None when no field declares it."""
    node = schema.parameter_node(parameter)
    if node is None:
        return None
    year = re.search(r"\.(\d{4})$", parameter)
    return node.path + (f".{year.group(1)}" if year else "")

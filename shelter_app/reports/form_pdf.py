"""A form on paper: the blank form for a client who prefers to write, and the filled form for the record.

`render_form_pdf(target, definition, answers, language=...)` draws a `core.forms` definition with
reportlab's platypus, Letter or A4, English or Spanish. `answers=None` gives the blank form: every
question with its label, hint, what kind of answer it takes ("Whole number", "Date (YYYY-MM-DD)",
"Tick one" with a ☐ per choice...) and room to write sized to the type (character boxes for dates and
identifiers, several lines for long text, repeat groups as empty tables). With answers it gives the
filled form: each visible question with its answer as `values.display` shows it (hidden questions,
those whose relevance is false, are left out exactly as `FormState` hides them), repeat groups as
tables of their rows, files by name, size and SHA-256 prefix, calculations marked as such.

The form is bilingual in its data; the document speaks one language, its reader's, and prints no
internal name of the form or of a question: questions are known by their number ("1.3") and label.
A page's title and a question's label stay with the start of what follows them (`reports.pdfkit`'s
layout rule): the room to write is never parted from its question, a long answer may run over to the
next page, a table longer than a page continues with its header repeated. The file is written beside the
target and renamed over it at the end; `cancelled()` is asked after each flowable and stops the build
with `DocumentCancelled`, leaving nothing behind (and an older file as it was).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Indenter,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.flowables import HRFlowable

from shelter_app import __version__
from shelter_app.core.bilingual import Plural, Text
from shelter_app.core.business_report import DocumentCancelled
from shelter_app.core.forms.conditions import Condition, describe_relevance
from shelter_app.core.forms.engine import FormState, cell_path
from shelter_app.core.forms.expressions import Expression
from shelter_app.core.forms.model import FormDefinition, QType, Question, Section
from shelter_app.core.forms.values import display
from shelter_app.l10n import document_date, document_datetime, format_number, plural
from shelter_app.reports import COMMON, Language, language_of
from shelter_app.reports.fonts import BOLD, REGULAR, register_fonts
from shelter_app.reports.pdfkit import (
    HEADER_BG,
    HEADER_SECOND,
    INK,
    MUTED,
    PAGE_SIZES,
    RED,
    RULE,
    ZEBRA,
    DocInfo,
    PageSetup,
    Running,
    fit,
    hex_color,
    keep_with_next,
    markup,
    table_style,
    write_pdf,
)

__all__ = ["DocumentCancelled", "render_form_pdf"]

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

SIDE_MARGIN = 16 * mm
TOP_MARGIN = 18 * mm
BOTTOM_MARGIN = 18 * mm
FOOTER_BOTTOM = 10 * mm
INDENT = 28.0  # questions' texts and writing space sit right of their number ("10.12")
LINE_GAP = 19.0  # between handwriting lines
CELL = 13.0  # a character box: wide enough for one handwritten capital
BLANK_ROWS = 8  # empty rows printed for a repeat group on the blank form (fewer when it allows fewer)
SHADE = colors.HexColor("#ECEFF1")  # notes and calculated values
ANSWER_BG = colors.HexColor("#F7F9FA")
BOX = colors.HexColor("#9E9E9E")

WORDS: dict[str, Text] = {
    "blank_form": Text("Blank form", "Formulario en blanco"),
    "filled_form": Text("Filled form", "Formulario contestado"),
    "form": Text("Form", "Formulario"),
    "version": Text("Version", "Versión"),
    "required": Text("Required", "Obligatoria"),
    "required_legend": Text("* required answer", "* respuesta obligatoria"),
    "instructions": Text(
        "Write clearly, in capitals where there are boxes. Tick boxes like this: ☒. Questions marked * are "
        "required. Grey fields are calculated by ShelterDesk: leave them blank. A question that does not apply "
        "to you (see “Only if …”) can be skipped.",
        "Escriba con claridad, con mayúsculas donde hay casillas. Marque las casillas así: ☒. Las preguntas con * "
        "son obligatorias. Los campos grises los calcula ShelterDesk: déjelos en blanco. Puede omitir una "
        "pregunta que no le aplique (vea «Solo si…»).",
    ),
    "completed_by": Text("Completed by", "Llenado por"),
    "signature": Text("Signature", "Firma"),
    "date": Text("Date", "Fecha"),
    "calculated": Text("calculated", "calculado"),
    "calculated_blank": Text("Calculated by ShelterDesk from other answers: leave blank.",
                             "Lo calcula ShelterDesk a partir de otras respuestas: déjelo en blanco."),
    "read_only": Text("Filled in by your consultant.", "Lo llena su consultor."),
    "text": Text("Text", "Texto"),
    "long_text": Text("Text, several lines", "Texto, varias líneas"),
    "whole_number": Text("Whole number", "Número entero"),
    "number": Text("Number", "Número"),
    "no_decimals": Text("no decimals", "sin decimales"),
    "amount_in": Text("{currency} amount", "Importe en {currency}"),
    "amount_pick": Text("Amount; tick the currency", "Importe; marque la moneda"),
    "percent": Text("Percentage", "Porcentaje"),
    "date_format": Text("Date (YYYY-MM-DD)", "Fecha (AAAA-MM-DD)"),
    "between": Text("from {low} to {high}", "de {low} a {high}"),
    "at_least": Text("{low} or more", "{low} o más"),
    "at_most": Text("{high} or less", "{high} o menos"),
    "from_date": Text("from {low}", "desde {low}"),
    "until_date": Text("until {high}", "hasta {high}"),
    "tick_one": Text("Tick one", "Marque una"),
    "tick_any": Text("Tick all that apply", "Marque todas las que apliquen"),
    "tick_between": Text("Tick from {low} to {high}", "Marque de {low} a {high}"),
    "tick_up_to": Text("Tick up to {high}", "Marque hasta {high}"),
    "tick_at_least": Text("Tick at least {low}", "Marque al menos {low}"),
    "email": Text("E-mail address", "Correo electrónico"),
    "phone": Text("Phone number, with area code", "Teléfono, con clave lada"),
    "rfc": Text("RFC: 12 characters (company) or 13 (person)", "RFC: 12 caracteres (persona moral) o 13 (física)"),
    "curp": Text("CURP: 18 characters", "CURP: 18 caracteres"),
    "postal_code": Text("Postal code: 5 digits", "Código postal: 5 dígitos"),
    "tariff_code": Text("Tariff code: 4 to 10 digits, for example 8708.99.99",
                        "Fracción arancelaria: de 4 a 10 dígitos, p. ej. 8708.99.99"),
    "file": Text("File: send it with the form and write its name here",
                 "Archivo: envíelo con el formulario y escriba aquí su nombre"),
    "file_types": Text("type {types}", "tipo {types}"),
    "max_size": Text("at most {n} MB", "máximo {n} MB"),
    "table": Text("Table: one row per entry", "Tabla: una fila por registro"),
    "more_rows": Text("More rows than fit here? Continue on a separate sheet with the same columns.",
                      "¿Más filas de las que caben? Continúe en una hoja aparte con las mismas columnas."),
    "choices_for": Text("Choices for {column}", "Opciones de {column}"),
    "columns_of": Text("Columns {first}–{last} of {total}", "Columnas {first} a {last} de {total}"),
    "columns_same_rows": Text("same rows as above", "mismas filas que arriba"),
    "no_rows": Text("No rows.", "Sin filas."),
    "size": Text("size", "tamaño"),
}

# Counted phrases, in the form the language gives the count `{n}`.
ANSWERED = Plural(Text("{answered} of {n} question answered", "{answered} de {n} pregunta contestada"),
                  Text("{answered} of {n} questions answered", "{answered} de {n} preguntas contestadas"))
UP_TO_CHARS = Plural(Text("up to {n} character", "hasta {n} carácter"),
                     Text("up to {n} characters", "hasta {n} caracteres"))
DECIMALS = Plural(Text("up to {n} decimal", "hasta {n} decimal"),
                  Text("up to {n} decimals", "hasta {n} decimales"))
ROWS_AT_LEAST = Plural(Text("at least {n} row", "al menos {n} fila"),
                       Text("at least {n} rows", "al menos {n} filas"))
ROWS_AT_MOST = Plural(Text("at most {n} row", "máximo {n} fila"),
                      Text("at most {n} rows", "máximo {n} filas"))
ROWS = Plural(Text("{n} row", "{n} fila"), Text("{n} rows", "{n} filas"))

# Well-known `meta` keys in words; any other key is printed as given (the caller's own words).
META_WORDS: dict[str, Text] = {
    "client": Text("Client", "Cliente"),
    "project": Text("Project", "Proyecto"),
    "consultant": Text("Consultant", "Consultor"),
    "package_id": Text("Package ID", "ID del paquete"),
    "response_id": Text("Response ID", "ID de la respuesta"),
    "imported": Text("Imported", "Importado"),
    "imported_at": Text("Imported", "Importado"),
    "exported": Text("Exported", "Exportado"),
    "exported_at": Text("Exported", "Exportado"),
    "sent": Text("Sent", "Enviado"),
    "sent_at": Text("Sent", "Enviado"),
    "filled_by": Text("Filled in by", "Llenado por"),
    "language": Text("Language", "Idioma"),
    "generated_on": Text("Generated on", "Generado el"),
}

BLANK_GUIDANCE: dict[QType, str] = {
    QType.TEXT: "text", QType.LONG_TEXT: "long_text", QType.EMAIL: "email", QType.PHONE: "phone",
    QType.RFC: "rfc", QType.CURP: "curp", QType.POSTAL_CODE: "postal_code", QType.TARIFF_CODE: "tariff_code",
}

# Character boxes for identifiers and dates: the groups of boxes and what is printed between them.
COMBS: dict[QType, tuple[tuple[int, ...], str]] = {
    QType.DATE: ((4, 2, 2), "-"),
    QType.RFC: ((13,), ""),
    QType.CURP: ((18,), ""),
    QType.POSTAL_CODE: ((5,), ""),
    QType.TARIFF_CODE: ((4, 2, 2, 2), "."),
}

# Relative column widths in a repeat table, and the narrowest each may get (points).
COLUMN_WEIGHT: dict[QType, tuple[float, float]] = {
    QType.TEXT: (3.0, 70), QType.LONG_TEXT: (4.0, 90), QType.INTEGER: (1.2, 42), QType.DECIMAL: (1.3, 44),
    QType.MONEY: (1.7, 62), QType.PERCENT: (1.1, 40), QType.DATE: (1.5, 54), QType.YES_NO: (1.2, 50),
    QType.SELECT_ONE: (2.0, 58), QType.SELECT_MULTIPLE: (2.4, 66), QType.EMAIL: (2.6, 80),
    QType.PHONE: (1.8, 60), QType.RFC: (1.9, 64), QType.CURP: (2.3, 76), QType.POSTAL_CODE: (1.1, 40),
    QType.TARIFF_CODE: (1.6, 56), QType.FILE: (2.6, 82), QType.CALCULATE: (1.4, 48), QType.NOTE: (1.0, 40),
}
NUMBER_COLUMN = 20.0


@dataclass(frozen=True)
class _Styles:
    title: ParagraphStyle
    kind: ParagraphStyle
    body: ParagraphStyle
    meta_label: ParagraphStyle
    meta_value: ParagraphStyle
    section: ParagraphStyle
    section_note: ParagraphStyle
    label: ParagraphStyle
    hint: ParagraphStyle
    guidance: ParagraphStyle
    choice: ParagraphStyle
    answer: ParagraphStyle
    unanswered: ParagraphStyle
    note: ParagraphStyle
    head: ParagraphStyle
    cell: ParagraphStyle
    small: ParagraphStyle


def _styles() -> _Styles:
    def style(name: str, size: float, leading: float, font: str = REGULAR, color: colors.Color = INK,
              **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, textColor=color, **kw)

    return _Styles(
        title=style("title", 18, 22, BOLD),
        kind=style("kind", 9, 12, BOLD, MUTED, spaceAfter=6),
        body=style("body", 8.5, 11.5, spaceAfter=4),
        meta_label=style("meta_label", 7.5, 9.5, color=MUTED),
        meta_value=style("meta_value", 8.5, 10.5),
        section=style("section", 13, 16, BOLD, spaceBefore=2),
        section_note=style("section_note", 8, 10.5, color=MUTED, spaceAfter=2),
        label=style("label", 9.5, 12, BOLD, leftIndent=INDENT, spaceBefore=9, bulletIndent=0, bulletFontName=BOLD,
                    bulletFontSize=8.5, bulletColor=MUTED),
        hint=style("hint", 8, 10, color=INK, spaceBefore=1.5),
        guidance=style("guidance", 7.5, 9.5, color=MUTED, spaceBefore=1.5, spaceAfter=3),
        choice=style("choice", 8.5, 10.5, leftIndent=12, firstLineIndent=-12),
        answer=style("answer", 9.5, 12.5, backColor=ANSWER_BG, borderPadding=(3, 4, 3, 4), spaceBefore=6,
                     spaceAfter=3, leftIndent=4, rightIndent=4),
        unanswered=style("unanswered", 9.5, 12.5, color=MUTED, spaceBefore=4, spaceAfter=1, leftIndent=4),
        note=style("note", 8.5, 11.5, backColor=SHADE, borderPadding=(5, 6, 5, 6), spaceBefore=12, spaceAfter=6,
                   leftIndent=6, rightIndent=6),
        head=style("head", 7.5, 9, BOLD, colors.white),
        cell=style("cell", 7.8, 9.6),
        small=style("small", 7, 9, color=MUTED),
    )


class _Writing(Flowable):
    """Room to write an answer by hand: lines, a box with a unit, or a row of character boxes."""

    def __init__(self, *, lines: int = 0, box: float = 0.0, unit: str = "", comb: tuple[int, ...] = (),
                 separator: str = "", shaded: str = "") -> None:
        super().__init__()
        self.lines, self.box, self.unit, self.comb, self.separator, self.shaded = (
            lines, box, unit, comb, separator, shaded)
        self.avail = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.avail = available_width
        height = LINE_GAP * self.lines if self.lines else 18.0
        return available_width, height + 4

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(BOX)
        canvas.setLineWidth(0.6)
        if self.lines:
            for n in range(self.lines):
                y = 4 + n * LINE_GAP
                canvas.line(0, y, self.avail, y)
        elif self.shaded:
            canvas.setFillColor(SHADE)
            canvas.rect(0, 2, min(self.box, self.avail), 18, stroke=1, fill=1)
            canvas.setFillColor(MUTED)
            canvas.setFont(REGULAR, 7.5)
            canvas.drawString(5, 8, fit(self.shaded, REGULAR, 7.5, min(self.box, self.avail) - 10))
        elif self.comb:
            x = 0.0
            canvas.setFont(REGULAR, 10)
            canvas.setFillColor(MUTED)
            for group_no, group in enumerate(self.comb):
                if group_no and self.separator:
                    canvas.drawCentredString(x + 4, 7, self.separator)
                    x += 8
                elif group_no:
                    x += 4
                canvas.rect(x, 2, CELL * group, 18, stroke=1, fill=0)
                for cell in range(1, group):
                    canvas.line(x + CELL * cell, 2, x + CELL * cell, 8)  # short ticks: the boxes stay readable
                x += CELL * group
            self._unit(canvas, x)
        else:
            width = min(self.box, self.avail)
            canvas.rect(0, 2, width, 18, stroke=1, fill=0)
            self._unit(canvas, width)
        canvas.restoreState()

    def _unit(self, canvas: Canvas, x: float) -> None:
        if self.unit:
            canvas.setFont(REGULAR, 9)
            canvas.setFillColor(INK)
            canvas.drawString(x + 5, 7, fit(self.unit, REGULAR, 9, max(self.avail - x - 6, 20)))


def _leaf_count(story: Sequence[Flowable]) -> int:
    count = 0
    for flowable in story:
        content = getattr(flowable, "_content", None)
        count += _leaf_count(content) if isinstance(flowable, KeepTogether) and content else 1
    return count


class _Builder:
    """Turns a definition (and, for the filled form, its state) into flowables; one per document."""

    def __init__(self, definition: FormDefinition, state: FormState | None, language: Language, width: float,
                 check: Callable[[], None]) -> None:
        self.d = definition
        self.state = state
        self.filled = state is not None
        self.lang: Language = language
        self.width = width
        self.check = check
        self.s = _styles()
        self.numbers = self._numbers()

    # --- words ------------------------------------------------------------------------------------------

    def w(self, key: str, **values: object) -> str:
        text = (WORDS[key] if key in WORDS else COMMON[key]).pick(self.lang)
        return text.format(**values) if values else text

    def count(self, forms: Plural, n: int, **values: object) -> str:
        """A counted phrase in the form the document's language gives `n`."""
        return plural(forms, n, self.lang, **values)

    def num(self, value: int | Decimal, language: str | None = None) -> str:
        """A number in the document's language; below 10,000 without grouping, so years read as years."""
        places = max(0, -int(value.as_tuple().exponent)) if isinstance(value, Decimal) else 0
        if -10_000 < value < 10_000:
            return f"{value:.{places}f}"
        return format_number(value, language or self.lang, places=places)

    def bound(self, value: object) -> str:
        if isinstance(value, date):
            return document_date(value, self.lang)
        if isinstance(value, int | Decimal):
            return self.num(value)
        return str(value)

    def _numbers(self) -> dict[str, str]:
        """"1.3" for the third question of the first page; notes are not numbered. Numbers come from the
        definition, not from what is shown, so the filled form and the blank one number alike."""
        numbers: dict[str, str] = {}
        for s_no, section in enumerate(self.d.sections, 1):
            q_no = 0
            for q in section.questions:
                if q.type is not QType.NOTE:
                    q_no += 1
                    numbers[q.name] = f"{s_no}.{q_no}"
        return numbers

    def condition(self, relevant: Expression, row: Question | None = None) -> Condition:
        """When a question or page applies, in words: "Only if “Country” (1.3) is “Other”"."""
        return describe_relevance(relevant, self.d, numbers=self.numbers, row=row, number_format=self.num)

    def only_if(self, q: Question, row: Question | None = None) -> Paragraph | None:
        """The filled form's note under a conditional question's label: why it was asked."""
        if q.relevant is None:
            return None
        return Paragraph(markup(self.condition(q.relevant, row).sentence.pick(self.lang)), self.s.guidance)

    # --- the document -----------------------------------------------------------------------------------

    def story(self, meta: Mapping[str, str] | None, title_note: str) -> list[Flowable]:
        story = self.title_block(meta or {}, title_note)
        sections = self.state.visible_sections() if self.state is not None else list(self.d.sections)
        for section in sections:
            self.check()
            story += self.section(section)
        return story

    def _meta_value(self, key: str, value: str) -> str:
        """A well-known moment (`imported_at`, `exported_at`) given as ISO text, in the document's language."""
        if key.endswith("_at") and key in META_WORDS:
            try:
                return document_datetime(datetime.fromisoformat(value), self.lang)
            except ValueError:
                pass  # already in words: printed as given
        return value

    def title_block(self, meta: Mapping[str, str], title_note: str) -> list[Flowable]:
        s, d = self.s, self.d
        out: list[Flowable] = [
            Paragraph(markup(d.title.pick(self.lang)), s.title),
            Paragraph(markup(self.w("filled_form" if self.filled else "blank_form")).upper(), s.kind),
        ]
        facts: list[tuple[str, str]] = [(self.w("version"), d.version)]
        for key, value in meta.items():
            word = META_WORDS.get(key)
            facts.append((word.pick(self.lang) if word else key, self._meta_value(key, value)))
        if self.state is not None:
            answered, total = self._answered()
            facts.append(("", self.count(ANSWERED, total, answered=self.num(answered))))
        cells: list[list[Flowable | str]] = [
            [Paragraph(markup(label), s.meta_label), Paragraph(markup(value), s.meta_value)] for label, value in facts]
        if len(cells) % 2:
            cells.append(["", ""])
        rows = [cells[i] + cells[i + 1] for i in range(0, len(cells), 2)]
        label_w = 0.15 * self.width
        table = Table(rows, colWidths=[label_w, self.width / 2 - label_w] * 2, hAlign="LEFT")
        table.setStyle(table_style([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE),
            ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE),
        ]))
        out += [table, Spacer(1, 8)]
        if d.description is not None:
            out.append(Paragraph(markup(d.description.pick(self.lang)), s.body))
        if title_note.strip():
            out.append(Paragraph(markup(title_note.strip()), s.note))
        if not self.filled:
            out.append(Paragraph(markup(self.w("instructions")), s.note))
            out.append(self._signature_lines())
        out.append(Spacer(1, 4))
        return out

    def _signature_lines(self) -> Table:
        s = self.s
        labels = [Paragraph(markup(self.w(k)), s.small) for k in ("completed_by", "signature", "date")]
        table = Table([["", "", ""], labels], colWidths=[self.width * 0.45, self.width * 0.33, self.width * 0.22],
                      rowHeights=[22, None], hAlign="LEFT")
        table.setStyle(table_style([
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, BOX),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 12),
            ("TOPPADDING", (0, 1), (-1, 1), 1),
        ]))
        return table

    def _answered(self) -> tuple[int, int]:
        state = self.state
        assert state is not None
        answered = total = 0
        for section in state.visible_sections():
            for q in section.questions:
                if q.name in state.hidden or q.type in (QType.NOTE, QType.CALCULATE):
                    continue
                total += 1
                answered += state.answers.get(q.name) not in (None, [], "")
        return answered, total

    # --- sections -----------------------------------------------------------------------------------------

    def section(self, section: Section) -> list[Flowable]:
        s = self.s
        number = self.d.sections.index(section) + 1
        head: list[Flowable] = [
            HRFlowable(width="100%", thickness=1.2, color=HEADER_BG, spaceBefore=14, spaceAfter=4),
            Paragraph(f"{number}. {markup(section.title.pick(self.lang))}", s.section),
        ]
        if section.description is not None:
            head.append(Paragraph(markup(section.description.pick(self.lang)), s.section_note))
        if section.relevant is not None:
            condition = self.condition(section.relevant)  # the filled form shows it only when the page applied
            sentence = (condition.sentence if self.filled else condition.page_sentence).pick(self.lang)
            head.append(Paragraph(f"<b>{markup(sentence)}</b>", s.section_note))
        out: list[Flowable] = [keep_with_next(f) for f in head]  # with the start of the first question
        shown = 0
        for q in section.questions:
            if self.state is not None and q.name in self.state.hidden:
                continue
            self.check()
            out += self.question(q)
            shown += 1
        if not shown and self.filled:
            return []
        return out

    # --- questions ----------------------------------------------------------------------------------------

    def label(self, q: Question) -> list[Flowable]:
        """The question's number and label (what follows is indented from here on)."""
        s = self.s
        number = self.numbers.get(q.name, "")
        text = markup(q.label.pick(self.lang))
        required = f' <font color="{hex_color(RED)}">*</font>' if q.required and not self.filled else ""
        return [
            Paragraph(f"{text}{required}", s.label, bulletText=number or None),
            Indenter(INDENT),
        ]

    def question(self, q: Question) -> list[Flowable]:
        """One question's flowables: its label, hint and guidance stay with the start of its answer (or of the
        room to write it)."""
        if q.type is QType.NOTE:  # a small shaded box, never cut; on paper, with when it applies
            text = markup(q.label.pick(self.lang))
            if not self.filled and q.relevant is not None:
                text = f"<b>{markup(self.condition(q.relevant).sentence.pick(self.lang))}:</b> {text}"
            return [KeepTogether([Paragraph(text, self.s.note)])]
        if q.type is QType.REPEAT:
            return self.repeat(q)
        out = self.label(q)
        if self.filled and (only_if := self.only_if(q)) is not None:
            out.append(only_if)
        out += self.answer(q) if self.filled else self.blank(q)
        _keep_all_but_last(out)
        out.append(Indenter(-INDENT))
        return out

    # --- blank form ---------------------------------------------------------------------------------------

    def guidance(self, q: Question) -> str:
        """What kind of answer a question takes, in words: "Required · Whole number · from 0 to 100,000"."""
        parts: list[str] = []
        if q.required:
            parts.append(f"<b>{markup(self.w('required'))}</b>")
        kind = q.type
        low, high = q.minimum, q.maximum
        words: list[str] = []
        if q.type is QType.CALCULATE:
            words.append(self.w("calculated_blank"))
        elif kind in BLANK_GUIDANCE:
            words.append(self.w(BLANK_GUIDANCE[kind]))
            if q.max_length and kind in (QType.TEXT, QType.LONG_TEXT):
                words.append(self.count(UP_TO_CHARS, q.max_length))
        elif kind is QType.INTEGER:
            words += [self.w("whole_number"), *self._range(low, high)]
        elif kind is QType.DECIMAL:
            words += [self.w("number"), self.count(DECIMALS, q.decimals) if q.decimals else self.w("no_decimals"),
                      *self._range(low, high)]
        elif kind is QType.MONEY:
            currencies = q.currencies or ("USD",)
            words.append(self.w("amount_in", currency=currencies[0]) if len(currencies) == 1
                         else self.w("amount_pick"))
            words += self._range(low, high)
        elif kind is QType.PERCENT:
            words += [self.w("percent"), *self._range(low if low is not None or high is not None else 0,
                                                      high if low is not None or high is not None else 100)]
        elif kind is QType.DATE:
            words.append(self.w("date_format"))
            if low is not None and high is not None:
                words.append(self.w("between", low=self.bound(low), high=self.bound(high)))
            elif low is not None:
                words.append(self.w("from_date", low=self.bound(low)))
            elif high is not None:
                words.append(self.w("until_date", high=self.bound(high)))
        elif kind in (QType.YES_NO, QType.SELECT_ONE):
            words.append(self.w("tick_one"))
        elif kind is QType.SELECT_MULTIPLE:
            if isinstance(low, int) and isinstance(high, int):
                words.append(self.w("tick_between", low=low, high=high))
            elif isinstance(high, int):
                words.append(self.w("tick_up_to", high=high))
            elif isinstance(low, int):
                words.append(self.w("tick_at_least", low=low))
            else:
                words.append(self.w("tick_any"))
        elif kind is QType.FILE:
            words.append(self.w("file"))
            if q.extensions:
                words.append(self.w("file_types", types=", ".join(e.upper() for e in q.extensions)))
            words.append(self.w("max_size", n=q.max_size_mb))
        elif kind is QType.REPEAT:
            words.append(self.w("table"))
            low_rows = max(q.min_rows, 1 if q.required else 0)
            if low_rows:
                words.append(self.count(ROWS_AT_LEAST, low_rows))
            if q.max_rows < 10_000:
                words.append(self.count(ROWS_AT_MOST, q.max_rows))
        if q.read_only:
            words.append(self.w("read_only"))
        parts += [markup(word) for word in words]
        if q.relevant is not None:
            parts.append(f"<b>{markup(self.condition(q.relevant).sentence.pick(self.lang))}</b>")
        return " · ".join(parts)

    def _range(self, low: object, high: object) -> list[str]:
        if low is not None and high is not None:
            return [self.w("between", low=self.bound(low), high=self.bound(high))]
        if low is not None:
            return [self.w("at_least", low=self.bound(low))]
        if high is not None:
            return [self.w("at_most", high=self.bound(high))]
        return []

    def blank(self, q: Question) -> list[Flowable]:
        s = self.s
        out: list[Flowable] = []
        if q.hint is not None:
            out.append(Paragraph(markup(q.hint.pick(self.lang)), s.hint))
        out.append(Paragraph(self.guidance(q), s.guidance))
        if q.read_only:
            return out
        out += self.space(q)
        return out

    def space(self, q: Question) -> list[Flowable]:
        """Room to write, sized to the type."""
        kind = q.type
        w = self.width - INDENT
        if kind is QType.CALCULATE:
            return [_Writing(box=min(w, 180), shaded=self.w("calculated"))]
        if kind in COMBS:
            groups, separator = COMBS[kind]
            return [_Writing(comb=groups, separator=separator)]
        if kind is QType.LONG_TEXT:
            limit = q.max_length or 5_000
            return [_Writing(lines=2 if limit <= 200 else 4 if limit <= 1_000 else 6)]
        if kind in (QType.TEXT, QType.EMAIL):
            return [_Writing(lines=1)]
        if kind is QType.PHONE:
            return [_Writing(box=min(w, 200))]
        if kind in (QType.INTEGER, QType.DECIMAL):
            return [_Writing(box=min(w, 150))]
        if kind is QType.PERCENT:
            return [_Writing(box=min(w, 80), unit="%")]
        if kind is QType.MONEY:
            currencies = q.currencies or ("USD",)
            unit = currencies[0] if len(currencies) == 1 else "    ".join(f"☐ {c}" for c in currencies)
            return [_Writing(box=min(w, 170), unit=unit)]
        if kind is QType.FILE:
            return [Paragraph(markup(self.w("file_name")), self.s.small), _Writing(lines=1)]
        if kind is QType.YES_NO:
            return [self._ticks([self.w("yes"), self.w("no")], w)]
        if kind in (QType.SELECT_ONE, QType.SELECT_MULTIPLE):
            return [KeepTogether([self._ticks([c.label.pick(self.lang) for c in q.choices], w)])]
        return [_Writing(lines=1)]

    def _ticks(self, labels: Sequence[str], width: float) -> Table:
        """A ☐ per choice, in as many columns as the longest label allows (at most four)."""
        widest = max((stringWidth(label, REGULAR, 8.5) for label in labels), default=0) + 30
        columns = max(1, min(4, int(width // widest), len(labels)))
        per_column = -(-len(labels) // columns)
        cells = [Paragraph(f'<font size="11">☐</font> {markup(label)}', self.s.choice) for label in labels]
        rows = [[cells[c * per_column + r] if c * per_column + r < len(cells) else "" for c in range(columns)]
                for r in range(per_column)]  # down the columns, like a printed list
        column_w = min(width / columns, max(widest, 110))
        table = Table(rows, colWidths=[column_w] * columns, hAlign="LEFT")
        table.setStyle(table_style([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ]))
        return table

    # --- filled form --------------------------------------------------------------------------------------

    def answer(self, q: Question) -> list[Flowable]:
        s = self.s
        assert self.state is not None
        value = self.state.answers.get(q.name)
        if value in (None, "", []):
            return [Paragraph("—", s.unanswered)]
        text = self.value_markup(q, value, in_table=False)
        if q.type is QType.CALCULATE:
            text += f'   <font size="7" color="{hex_color(MUTED)}">= {markup(self.w("calculated"))}</font>'
        return [Paragraph(text, s.answer)]

    def value_markup(self, q: Question, value: object, *, in_table: bool) -> str:
        """An answer as markup: `values.display`, with lists one per line and files with their fingerprint."""
        kind = q.value_type
        if kind is QType.SELECT_MULTIPLE and isinstance(value, list) and not in_table:
            labels = [(c.label.pick(self.lang) if (c := q.choice(str(v))) else str(v)) for v in value]
            return "<br/>".join(f"•\u00a0{markup(label)}" for label in labels)
        if kind is QType.FILE and isinstance(value, Mapping):
            name = markup(str(value.get("name", "")))
            size = value.get("size")
            sha = str(value.get("sha256", ""))[:12]
            size_text = self._size(size) if isinstance(size, int) else ""
            details = f"{size_text} · SHA-256 {markup(sha)}…"
            separator = "<br/>" if in_table else " · "
            return f'{name}{separator}<font color="{hex_color(MUTED)}">{details}</font>'
        if q.value_type is QType.DATE and isinstance(value, str):
            try:
                return markup(document_date(date.fromisoformat(value), self.lang))
            except ValueError:
                pass  # not a date after all: shown as given
        return markup(display(q, value, self.lang))

    def _size(self, size: int) -> str:
        for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
            if size >= factor:
                return f"{format_number(Decimal(size) / factor, self.lang, places=1)} {unit}"
        return f"{format_number(size, self.lang)} B"

    # --- repeat groups ------------------------------------------------------------------------------------

    def repeat(self, q: Question) -> list[Flowable]:
        """The group's label, then its table(s), each kept with the start of its table: the header and first
        rows (the rest runs over the pages with the header repeated)."""
        s = self.s
        columns = [f for f in q.fields if f.type is not QType.NOTE]
        intro = self.label(q)
        if self.filled and (only_if := self.only_if(q)) is not None:
            intro.append(only_if)
        if not self.filled:
            if q.hint is not None:
                intro.append(Paragraph(markup(q.hint.pick(self.lang)), s.hint))
            intro.append(Paragraph(self.guidance(q), s.guidance))
        rows = self._row_values(q)
        if self.filled and not rows:
            return [*[keep_with_next(f) for f in intro], Paragraph("—", s.unanswered), Indenter(-INDENT)]
        out: list[Flowable] = [*[keep_with_next(f) for f in intro], Indenter(-INDENT), Spacer(1, 4)]
        chunks = self._column_chunks(columns)
        for n, chunk in enumerate(chunks):
            if len(chunks) > 1:
                caption = self.w("columns_of", first=columns.index(chunk[0]) + 1,
                                 last=columns.index(chunk[-1]) + 1, total=len(columns))
                if n:
                    caption += f" ({self.w('columns_same_rows')})"
                out.append(keep_with_next(Paragraph(markup(caption), s.small)))
            table = self._table(q, chunk, rows)
            out += [table, Spacer(1, 6)]
        if not self.filled:
            out += self._blank_table_notes(q, columns)
        elif len(rows) > 1:
            out.append(Paragraph(markup(self.count(ROWS, len(rows))), s.small))
        return out

    def _row_values(self, q: Question) -> list[dict[str, Any]]:
        if self.state is None:
            return [{} for _ in range(min(q.max_rows, BLANK_ROWS))]
        rows = self.state.answers.get(q.name) or []
        return [row for row in rows if isinstance(row, dict)]

    def _least_width(self, column: Question) -> float:
        """The narrowest a column may be: its type's minimum, or its heading's longest word (never cut)."""
        words = [(w, BOLD, 7.5) for w in column.label.pick(self.lang).split()]
        longest = max((stringWidth(word, font, size) for word, font, size in words), default=0.0)
        return min(max(COLUMN_WEIGHT[column.type][1], longest + 8), 150.0)

    def _column_chunks(self, columns: Sequence[Question]) -> list[list[Question]]:
        """The columns in groups narrow enough for the page; each group becomes a table of the same rows."""
        avail = self.width - NUMBER_COLUMN
        chunks: list[list[Question]] = [[]]
        used = 0.0
        for column in columns:
            least = self._least_width(column)
            if chunks[-1] and used + least > avail:
                chunks.append([])
                used = 0.0
            chunks[-1].append(column)
            used += least
        if len(chunks) > 1:  # balance: 13 columns as 7 + 6 rather than 10 + 3
            per = -(-len(columns) // len(chunks))
            balanced = [list(columns[i:i + per]) for i in range(0, len(columns), per)]
            if all(sum(self._least_width(c) for c in chunk) <= avail for chunk in balanced):
                return balanced
        return chunks

    def _ticks_cell(self, column: Question, width: float) -> str | None:
        """A blank cell's tick boxes ("☐ Yes  ☐ No") when they fit on one line of the column."""
        if column.type is QType.YES_NO:
            labels = [self.w("yes"), self.w("no")]
        elif column.type in (QType.SELECT_ONE, QType.SELECT_MULTIPLE) and len(column.choices) <= 3:
            labels = [c.label.pick(self.lang) for c in column.choices]
        else:
            return None
        text = "  ".join(f"☐ {label}" for label in labels)
        return markup(text) if stringWidth(text, REGULAR, 7.8) <= width - 6 else None

    def _table(self, q: Question, columns: Sequence[Question], rows: Sequence[Mapping[str, Any]]) -> Table:
        """One table of `columns` for every row, its header repeated on every page it runs over."""
        s = self.s
        avail = self.width - NUMBER_COLUMN
        weights = [COLUMN_WEIGHT[c.type][0] for c in columns]
        widths = _share(avail, weights, [self._least_width(c) for c in columns])
        header: list[Any] = [Paragraph("#", s.head)]
        for column in columns:
            text = markup(column.label.pick(self.lang))
            if column.required and not self.filled:
                text += " *"
            note = ""
            if column.type is QType.CALCULATE:
                note = f"= {markup(self.w('calculated'))}"
            elif not self.filled:
                note = markup(self._column_hint(column))
            if note:  # under the heading, small: what to write
                text += f'<br/><font size="6.3" color="{hex_color(HEADER_SECOND)}">{note}</font>'

            header.append(Paragraph(text, s.head))
        data: list[list[Any]] = [header]
        commands: list[tuple[Any, ...]] = [
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("TEXTCOLOR", (0, 1), (0, -1), MUTED),
            ("FONTSIZE", (0, 1), (0, -1), 7),
        ]
        ticks = [self._ticks_cell(c, w) for c, w in zip(columns, widths, strict=True)] if not self.filled else []
        for index, row in enumerate(rows):
            line: list[Any] = [str(index + 1)]
            if not self.filled:
                line += [Paragraph(tick, s.cell) if tick else "" for tick in ticks]
                data.append(line)
                continue
            assert self.state is not None
            for column in columns:
                if cell_path(q.name, index, column.name) in self.state.hidden:
                    line.append("")  # not asked in this row
                    continue
                value = row.get(column.name)
                if value in (None, "", []):
                    line.append("—")
                else:
                    line.append(Paragraph(self.value_markup(column, value, in_table=True), s.cell))
            data.append(line)
        if self.filled:
            commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]))
            commands.append(("TEXTCOLOR", (1, 1), (-1, -1), MUTED))  # the "—" of an empty cell
        else:
            commands += [("GRID", (0, 0), (-1, -1), 0.4, BOX), ("VALIGN", (0, 1), (-1, -1), "MIDDLE")]
            for n, column in enumerate(columns, 1):
                if column.type is QType.CALCULATE:
                    commands.append(("BACKGROUND", (n, 1), (n, -1), SHADE))
        row_heights = None if self.filled else [None] + [22.0] * len(rows)
        col_widths = [NUMBER_COLUMN, *widths]
        table = Table(data, colWidths=col_widths, rowHeights=row_heights, repeatRows=1, hAlign="LEFT",
                      splitByRow=1)
        table.setStyle(table_style(commands))
        return table

    def _column_hint(self, column: Question) -> str:
        """A few words under a blank table's column heading: the format to write."""
        kind = column.type
        if kind is QType.DATE:
            return "AAAA-MM-DD" if self.lang == "es" else "YYYY-MM-DD"
        if kind is QType.MONEY:
            currencies = column.currencies or ("USD",)
            return " / ".join(currencies)
        if kind is QType.PERCENT:
            return "%"
        if kind is QType.INTEGER:
            return self.w("whole_number")
        if kind is QType.TARIFF_CODE:
            return "0000.00.00"
        if kind is QType.FILE:
            return self.w("file_name")
        return ""

    def _blank_table_notes(self, q: Question, columns: Sequence[Question]) -> list[Flowable]:
        s = self.s
        out: list[Flowable] = []
        for column in columns:
            if column.type in (QType.SELECT_ONE, QType.SELECT_MULTIPLE):
                choices = " · ".join(markup(c.label.pick(self.lang)) for c in column.choices)
                title = markup(self.w("choices_for", column=column.label.pick(self.lang)))
                out.append(Paragraph(f"<b>{title}:</b> {choices}", s.small))
        for column in columns:  # a column asked only in some rows: when, in words
            if column.relevant is not None:
                sentence = self.condition(column.relevant, row=q).sentence.pick(self.lang)
                out.append(Paragraph(f"<b>{markup(column.label.pick(self.lang))}:</b> {markup(sentence)}", s.small))
        if q.max_rows > BLANK_ROWS:
            out.append(Paragraph(markup(self.w("more_rows")), s.small))
        return out

    # --- running header and footer ----------------------------------------------------------------------

    def page_of(self, page: int, total: int) -> str:
        return self.w("page_of", page=page, total=total)


def _keep_all_but_last(flowables: Sequence[Flowable]) -> None:
    """Every flowable but the last one (spacing aside) stays with what follows it."""
    content = [f for f in flowables if not isinstance(f, Indenter | Spacer)]
    for flowable in content[:-1]:
        keep_with_next(flowable)


def _share(total: float, weights: Sequence[float], least: Sequence[float]) -> list[float]:
    """Split `total` by `weights`, giving each at least its `least` when the total allows."""
    widths = [total * w / sum(weights) for w in weights]
    if sum(least) > total:
        return [total * m / sum(least) for m in least]
    for _ in range(len(widths)):
        short = [i for i, w in enumerate(widths) if w < least[i]]
        if not short:
            break
        for i in short:
            widths[i] = least[i]
        rest = [i for i in range(len(widths)) if i not in short and widths[i] > least[i]]
        spare = total - sum(widths)
        rest_weight = sum(weights[i] for i in rest)
        for i in rest:
            widths[i] += spare * weights[i] / rest_weight if rest_weight else 0
    return widths


def render_form_pdf(
    target: Path,
    definition: FormDefinition,
    answers: Mapping[str, Any] | None,
    *,
    language: str,
    paper: str = "letter",
    title_note: str = "",
    meta: Mapping[str, str] | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> None:
    """Write the blank form (`answers=None`) or the filled one to `target`, all or nothing.

    `meta` adds lines to the title block: well-known keys (`client`, `project`, `package_id`,
    `response_id`, `imported_at`...) are put in words in `language`; any other key is printed as given.
    `progress(done, total)` is called as pages are laid out; when `cancelled()` turns true the build stops
    with `DocumentCancelled` and no file is written.
    """
    lang = language_of(language)
    paper_key = paper.lower()
    if paper_key not in PAGE_SIZES:
        raise ValueError(f"unsupported paper {paper!r}: use 'letter' or 'a4'")

    def check() -> None:
        if cancelled is not None and cancelled():
            raise DocumentCancelled()

    check()
    register_fonts()
    size = PAGE_SIZES[paper_key]
    width = size[0] - 2 * SIDE_MARGIN
    state = FormState(definition, answers, apply_defaults=False) if answers is not None else None
    builder = _Builder(definition, state, lang, width, check)
    story = builder.story(meta, title_note)
    total = _leaf_count(story)

    title = definition.title.pick(lang)
    kind = builder.w("filled_form" if state is not None else "blank_form")
    client = (meta or {}).get("client", "")
    running = Running(
        header=" — ".join(part for part in (title, f"v{definition.version}", client, kind) if part),
        footer=f"ShelterDesk · {builder.w('version')} {definition.version}",
        footer_share=0.6,
        footer_y=FOOTER_BOTTOM,
        page_of=builder.page_of,
    )
    info = DocInfo(
        title=f"{title} — {kind}" + (f" — {client}" if client else ""),
        author="ShelterDesk",
        subject=f"{title} {definition.version}",
        creator=f"ShelterDesk {__version__}",
        language=lang,
        keywords=["ShelterDesk", definition.id, definition.version],
    )

    def laid_out(done: int, _page: int) -> None:
        if progress is not None:
            progress(min(done, total - 1), total)

    write_pdf(Path(target), story, PageSetup(size, SIDE_MARGIN, TOP_MARGIN, BOTTOM_MARGIN), running, info,
              progress=laid_out, every=16, cancel=cancelled)
    if progress is not None:
        progress(total, total)

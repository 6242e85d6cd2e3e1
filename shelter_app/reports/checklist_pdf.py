"""The checklist status report as a print-ready PDF (Letter or A4; English or Spanish).

One function, `write_checklist_pdf`, from a `ChecklistReport` to a file. The document is built
with reportlab's platypus: a title block, the progress overview (vector bars), a legend, then
per checklist a table of items (header repeated on every page) and the details of each item.
Every page carries "page X of Y" and a footer with the checklists' facts-as-of dates and the warning
that items marked "to verify" rest on facts not yet confirmed against primary law.

It is a client's document: one language, its reader's; items are named by their titles and numbered
as the report lists them ("6.3": checklist 6, item 3), never by the packs' ids or versions; counts
take the language's plural forms; the consultant who prepared it is named, when known.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from shelter_app.core.bilingual import Plural, Text
from shelter_app.core.checklist import ItemStatus
from shelter_app.core.checklist_report import ChecklistReport, ReportChecklist, ReportEvidence, ReportItem
from shelter_app.core.filenames import clean_file_name
from shelter_app.l10n import document_date, format_number, plural
from shelter_app.reports import COMMON, OPERATING_MODEL_LABELS, OWNER_LABELS, STATUS_LABELS
from shelter_app.reports.fonts import BOLD, REGULAR, register_fonts
from shelter_app.reports.pdfkit import (
    AMBER_BAR,
    AMBER_BG,
    AMBER_TEXT,
    CRITICAL,
    HEADER_BG,
    INK,
    MUTED,
    PAGE_SIZES,
    RED,
    RULE,
    ZEBRA,
    DocInfo,
    Heading,
    PageSetup,
    Running,
    keep_with_next,
    write_pdf,
)
from shelter_app.reports.pdfkit import drawing as _drawing
from shelter_app.reports.pdfkit import hex_color as _hex
from shelter_app.reports.pdfkit import markup as _markup
from shelter_app.reports.pdfkit import rect as _rect
from shelter_app.reports.pdfkit import table_style as _table_style

PdfLanguage = Literal["en", "es"]
PageSizeName = Literal["letter", "a4"]

# Words only the PDF uses; the shared ones are in `shelter_app.reports`.
PDF_WORDS: dict[str, Text] = {
    "overall": Text("Overall progress", "Avance general"),
    "by_checklist": Text("Progress by checklist", "Avance por lista de verificación"),
    "details": Text("Item details", "Detalle de las tareas"),
    "legend": Text("Legend", "Simbología"),
    "no_items": Text("This project has no checklist items yet.", "Este proyecto aún no tiene tareas."),
    "no_items_here": Text("No item of this checklist applies to this project.",
                          "Ninguna tarea de esta lista aplica a este proyecto."),
    "n_to_verify": Text("{n} to verify", "{n} por verificar"),
    "completed_on": Text("on {date}", "el {date}"),
    "why_blocked": Text("Why blocked", "Motivo del bloqueo"),
    "why_not_applicable": Text("Why not applicable", "Motivo por el que no aplica"),
    "legend_critical": Text("a delay here moves the finish date", "un retraso aquí mueve la fecha de término"),
    "legend_to_verify": Text("rests on facts not yet confirmed against primary law",
                             "se basa en datos aún no confirmados contra la legislación (fuente primaria)"),
    "legend_overdue": Text("due date passed and the item is not closed",
                           "la fecha de vencimiento pasó y la tarea no está cerrada"),
    "legend_closed": Text("Closed = done or not applicable.", "Cerrada = terminada o no aplica."),
    "not_set": Text("not set", "sin fecha"),
    "marks": Text("Marks", "Marcas"),
}

# Counted phrases: the form is the language's, for the count `{n}`.
CLOSED_OF = Plural(Text("{closed} of {n} item closed ({pct})", "{closed} de {n} tarea cerrada ({pct})"),
                   Text("{closed} of {n} items closed ({pct})", "{closed} de {n} tareas cerradas ({pct})"))
N_OVERDUE = Plural(Text("{n} overdue", "{n} vencida"), Text("{n} overdue", "{n} vencidas"))
N_BLOCKED = Plural(Text("{n} blocked", "{n} bloqueada"), Text("{n} blocked", "{n} bloqueadas"))
N_CRITICAL_OPEN = Plural(Text("{n} open on the critical path", "{n} abierta en la ruta crítica"),
                         Text("{n} open on the critical path", "{n} abiertas en la ruta crítica"))
N_TO_VERIFY = Plural(PDF_WORDS["n_to_verify"], PDF_WORDS["n_to_verify"])
CHECKLISTS_NUMBERED = Plural(Text("checklist {numbers}", "lista {numbers}"),
                             Text("checklists {numbers}", "listas {numbers}"))

STATUS_COLORS: dict[str, colors.Color] = {
    ItemStatus.DONE: colors.HexColor("#2E7D32"),
    ItemStatus.NOT_APPLICABLE: colors.HexColor("#A5D6A7"),
    ItemStatus.IN_PROGRESS: colors.HexColor("#1E88E5"),
    ItemStatus.WAITING: colors.HexColor("#FFB300"),
    ItemStatus.BLOCKED: colors.HexColor("#C62828"),
    ItemStatus.NOT_STARTED: colors.HexColor("#E0E0E0"),
}
STATUS_ORDER = (ItemStatus.DONE, ItemStatus.NOT_APPLICABLE, ItemStatus.IN_PROGRESS, ItemStatus.WAITING,
                ItemStatus.BLOCKED, ItemStatus.NOT_STARTED)
UNKNOWN_STATUS_COLOR = colors.HexColor("#9E9E9E")
# The status square printed before the status word: "not started" needs more ink than its bar segment.
STATUS_MARK_COLORS = {**STATUS_COLORS, ItemStatus.NOT_STARTED: colors.HexColor("#9E9E9E"),
                      ItemStatus.NOT_APPLICABLE: colors.HexColor("#81C784")}

MARK_CRITICAL = "◆"
MARK_TO_VERIFY = "⚠"
MARK_OVERDUE = "●"

SIDE_MARGIN = 16 * mm
TOP_MARGIN = 18 * mm
FOOTER_GAP = 4 * mm  # between the last line of content and the footer rule
FOOTER_BOTTOM = 10 * mm  # from the paper's edge to the page-number line
FOOTER_FONT_SIZE = 6.8
ITEM_NUMBER_WIDTH = 26.0  # room for "12.15" and a gap left of an item's title

class _Words:
    """Puts report text in the document's one language."""

    def __init__(self, language: PdfLanguage) -> None:
        self.language = language

    def one(self, text: Text) -> str:
        """Plain text in the document's language."""
        return text.pick(self.language)

    def inline(self, text: Text) -> str:
        """Markup of the text in the document's language."""
        return _markup(self.one(text))

    def word(self, key: str) -> Text:
        return PDF_WORDS[key] if key in PDF_WORDS else COMMON[key]

    def count(self, forms: Plural, n: int, **values: str) -> str:
        """Markup of a counted phrase, in the form the language gives `n`."""
        return _markup(plural(forms, n, self.language, **values))

    def date(self, value: date | None) -> str:
        return document_date(value, self.language) if value is not None else ""

    @staticmethod
    def percent(share: float) -> str:
        return f"{round(share * 100)}%"


def _lookup(table: dict[str, Text], code: str) -> Text:
    """A code's label from one of core's tables; an unknown code (a newer database) as it is stored."""
    return table.get(code) or Text.same(code)


def _shown_address(url: str) -> str:
    """The address of a source's site, "https://dof.gob.mx/…": a long address cut over several lines reads as
    noise on paper, and the link carries the whole one."""
    parts = urlsplit(url)
    if not parts.scheme or not parts.hostname:
        return url
    return f"{parts.scheme}://{parts.hostname}" + ("/…" if parts.path.strip("/") or parts.query else "")


def _source_links(urls: Sequence[str]) -> str:
    """Markup: each source as the address of its site linked to the page; two pages of one site are numbered."""
    shown = [_shown_address(url) for url in urls]
    seen: dict[str, int] = {}
    out = []
    for url, site in zip(urls, shown, strict=True):
        text = site
        if shown.count(site) > 1:
            seen[site] = seen.get(site, 0) + 1
            text = f"{site} ({seen[site]})"
        out.append(f'<link href="{_markup(url)}">{_markup(text)}</link>' if "://" in url else _markup(text))
    return " · ".join(out)


def _numbers_text(numbers: Sequence[int]) -> str:
    """1, 2, 3, 5, 7, 8 -> "1–3, 5, 7–8"."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs)


@dataclass(frozen=True)
class _Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    client: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    meta: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    small_right: ParagraphStyle
    label: ParagraphStyle
    header_cell: ParagraphStyle
    cell: ParagraphStyle
    cell_numbered: ParagraphStyle
    cell_item: ParagraphStyle
    cell_small: ParagraphStyle
    cell_status: ParagraphStyle
    footer: ParagraphStyle


def _styles() -> _Styles:
    def style(name: str, size: float, leading: float, font: str = REGULAR, color: colors.Color = INK,
              **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, textColor=color, **kw)

    return _Styles(
        title=style("title", 19, 23, BOLD, spaceAfter=1),
        subtitle=style("subtitle", 13, 16, color=MUTED, spaceAfter=2),
        client=style("client", 13.5, 17, BOLD, spaceBefore=6, spaceAfter=6),
        h1=style("h1", 13, 16, BOLD, spaceBefore=4, spaceAfter=3),
        h2=style("h2", 10, 13, BOLD, spaceBefore=8, spaceAfter=4, keepWithNext=1),
        meta=style("meta", 8, 10.5, color=MUTED, spaceAfter=5),
        body=style("body", 8.5, 11),
        small=style("small", 7.5, 9.5),
        small_right=style("small_right", 7.5, 9.5, alignment=TA_RIGHT),
        label=style("label", 7.5, 9.5, color=MUTED),
        header_cell=style("header_cell", 7.5, 9, BOLD, colors.white),
        cell=style("cell", 8, 10),
        cell_numbered=style("cell_numbered", 8, 10, leftIndent=11, firstLineIndent=-11),
        cell_item=style("cell_item", 8, 10, leftIndent=ITEM_NUMBER_WIDTH, bulletIndent=0, bulletFontName=REGULAR,
                        bulletFontSize=7.2, bulletColor=MUTED),  # "6.3" left of the title's lines
        cell_small=style("cell_small", 7.2, 9),
        cell_status=style("cell_status", 7.2, 9, leftIndent=9, firstLineIndent=-9),  # wrapped words clear the ■
        footer=style("footer", FOOTER_FONT_SIZE, FOOTER_FONT_SIZE + 1.8, color=MUTED),
    )


def _bar(counts: dict[str, int], width: float, height: float) -> Drawing:
    """A stacked bar of item counts by status (vector), with a thin outline."""
    drawing = _drawing(width, height)
    total = sum(counts.values())
    x = 0.0
    if total:
        for status, n in sorted(counts.items(), key=lambda kv: _status_rank(kv[0])):
            if not n:
                continue
            w = width * n / total
            drawing.add(_rect(x, 0, w, height, fill=STATUS_COLORS.get(status, UNKNOWN_STATUS_COLOR)))
            x += w
    else:
        drawing.add(_rect(0, 0, width, height, fill=STATUS_COLORS[ItemStatus.NOT_STARTED]))
    drawing.add(_rect(0, 0, width, height, fill=None, stroke=MUTED))
    return drawing


def _swatch(color: colors.Color, size: float = 7) -> Drawing:
    drawing = _drawing(size, size)
    drawing.add(_rect(0, 0, size, size, fill=color, stroke=MUTED, stroke_width=0.3))
    return drawing


def _status_rank(status: str) -> int:
    return STATUS_ORDER.index(ItemStatus(status)) if status in STATUS_LABELS else len(STATUS_ORDER)


def _counts(items: Sequence[ReportItem]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in items:
        counts[item.status] = counts.get(item.status, 0) + 1
    return counts


def _closed(item: ReportItem) -> bool:
    return item.status in (ItemStatus.DONE, ItemStatus.NOT_APPLICABLE)


def _human_size(size: int, language: str) -> str:
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= factor:
            return f"{format_number(Decimal(size) / factor, language, places=1)} {unit}"
    return f"{format_number(size, language)} B"


class _Builder:
    """Turns the report into flowables; one instance per document."""

    def __init__(self, report: ChecklistReport, language: PdfLanguage, width: float) -> None:
        self.report = report
        self.w = _Words(language)
        self.s = _styles()
        self.width = width

    # --- title block and overview -------------------------------------------------------------

    def title_block(self) -> list[Flowable]:
        r, w, s = self.report, self.w, self.s
        out: list[Flowable] = [Paragraph(w.inline(w.word("report_title")), s.title)]
        out.append(Paragraph(_markup(r.client_name), s.client))
        not_set = w.inline(PDF_WORDS["not_set"])
        facts: list[tuple[str, str]] = [
            ("project", _markup(r.project_title)),
            ("operating_model", w.inline(_lookup(OPERATING_MODEL_LABELS, r.operating_model))),
            ("kickoff", _markup(w.date(r.kickoff)) or not_set),
            ("finish", _markup(w.date(r.finish)) or not_set),
            ("report_date", _markup(w.date(r.generated_on))),
        ]
        if r.generated_by.strip():
            facts.append(("prepared_by", _markup(r.generated_by.strip())))
        facts.append(("rfc", _markup(r.client_rfc or "—")))
        cells: list[list[Any]] = [[Paragraph(w.inline(w.word(key)), s.label), Paragraph(value, s.body)]
                                  for key, value in facts]
        if len(cells) % 2:
            cells.append(["", ""])
        rows = [cells[i] + cells[i + 1] for i in range(0, len(cells), 2)]
        label_w = 0.18 * self.width
        table = Table(rows, colWidths=[label_w, self.width / 2 - label_w] * 2, hAlign="LEFT", splitInRow=1)
        table.setStyle(_table_style([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE),
            ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE),
        ]))
        out += [table, Spacer(1, 10)]
        return out

    def closed_of(self, closed: int, total: int, share: float) -> str:
        """"43 of 86 items closed (50%)"."""
        return self.w.count(CLOSED_OF, total, closed=self._number(closed), pct=self.w.percent(share))

    def _number(self, n: int) -> str:
        return format_number(n, self.w.language)

    def overview(self) -> list[Flowable]:
        r, w, s = self.report, self.w, self.s
        items = r.items
        closed = sum(1 for i in items if _closed(i))
        out: list[Flowable] = [Paragraph(w.inline(w.word("overall")), s.h2)]
        out.append(_bar(_counts(items), self.width, 16))
        flags = [
            (MARK_TO_VERIFY, AMBER_TEXT, N_TO_VERIFY, sum(1 for i in items if i.to_verify)),
            (MARK_OVERDUE, RED, N_OVERDUE, sum(1 for i in items if i.overdue)),
            ("■", RED, N_BLOCKED, sum(1 for i in items if i.status == ItemStatus.BLOCKED)),
            (MARK_CRITICAL, CRITICAL, N_CRITICAL_OPEN, sum(1 for i in items if i.critical and not _closed(i))),
        ]
        flag_text = "   ".join(
            f'<font color="{_hex(color)}">{mark}</font> {w.count(forms, n)}' for mark, color, forms, n in flags
        )
        out.append(Spacer(1, 4))
        out.append(Paragraph(f"<b>{self.closed_of(closed, len(items), r.progress)}</b>", s.body))
        out.append(Paragraph(flag_text, s.small))
        if not r.checklists:
            out += [Spacer(1, 8), Paragraph(w.inline(w.word("no_items")), s.body)]
            return out

        out.append(Paragraph(w.inline(w.word("by_checklist")), s.h2))
        bar_w = 0.30 * self.width
        count_w = 0.20 * self.width
        title_w = self.width - bar_w - count_w
        rows: list[list[Any]] = [[
            Paragraph(w.inline(w.word("checklist")), s.header_cell),
            Paragraph(w.inline(w.word("progress")), s.header_cell),
            Paragraph(w.inline(w.word("closed")), s.header_cell),
        ]]
        for number, checklist in enumerate(r.checklists, 1):
            done = checklist.done
            total = len(checklist.items)
            pct = w.percent(done / total if total else 0.0)
            title = f"{number}. {w.inline(checklist.title)}"
            rows.append([
                Paragraph(title, s.cell_numbered),
                _bar(_counts(checklist.items), bar_w - 12, 9),
                Paragraph(f"{self._number(done)} / {self._number(total)} · {pct}", s.small_right),
            ])
        table = Table(rows, colWidths=[title_w, bar_w, count_w], repeatRows=1, hAlign="LEFT", splitInRow=1)
        table.setStyle(_table_style([
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        out.append(table)
        return out

    def legend(self) -> list[Flowable]:
        w, s = self.w, self.s
        statuses = [
            [_swatch(STATUS_COLORS[st]), Paragraph(w.inline(STATUS_LABELS[st]), s.small)] for st in STATUS_ORDER
        ]
        per_row = 3
        status_rows = [[cell for pair in statuses[i:i + per_row] for cell in pair]
                       for i in range(0, len(statuses), per_row)]
        swatch_w = 12.0
        col_w = (self.width - per_row * swatch_w) / per_row
        status_table = Table(status_rows, colWidths=[swatch_w, col_w] * per_row, hAlign="LEFT")
        status_table.setStyle(_table_style([
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ]))
        marks = [
            (MARK_CRITICAL, CRITICAL, "critical", "legend_critical"),
            (MARK_TO_VERIFY, AMBER_TEXT, "to_verify", "legend_to_verify"),
            (MARK_OVERDUE, RED, "overdue", "legend_overdue"),
        ]
        mark_lines = [
            Paragraph(f'<font color="{_hex(color)}"><b>{mark} {w.inline(w.word(name))}</b></font>: '
                      f"{w.inline(w.word(explain))}", s.small)
            for mark, color, name, explain in marks
        ]
        return [
            Paragraph(w.inline(w.word("legend")), s.h2),
            status_table,
            Spacer(1, 3),
            *mark_lines,
            Paragraph(w.inline(w.word("legend_closed")), s.label),
        ]

    # --- one checklist --------------------------------------------------------------------------

    def checklist(self, number: int, checklist: ReportChecklist) -> list[Flowable]:
        w, s = self.w, self.s
        heading = f"{number}. {w.inline(checklist.title)}"
        out: list[Flowable] = [Heading(heading, s.h1)]
        total = len(checklist.items)
        meta_parts = [
            f"{w.inline(w.word('phase'))}: {w.inline(checklist.phase)}",
            f"{w.inline(w.word('facts_as_of'))} {_markup(w.date(checklist.facts_as_of))}",
            self.closed_of(checklist.done, total, checklist.done / total if total else 0.0),
        ]
        out.append(keep_with_next(Paragraph(" · ".join(meta_parts), s.meta)))  # with the table's first rows
        if not checklist.items:
            out.append(Paragraph(w.inline(w.word("no_items_here")), s.body))
            return out
        numbered = [(f"{number}.{n}", item) for n, item in enumerate(checklist.items, 1)]
        out.append(self.items_table(numbered))
        detailed = [(no, i) for no, i in numbered if self._has_details(i)]
        if detailed:
            out.append(Paragraph(w.inline(w.word("details")), s.h2))
            for no, item in detailed:
                out.append(self.item_details(no, item))
        out.append(Spacer(1, 10))
        return out

    def items_table(self, items: Sequence[tuple[str, ReportItem]]) -> Table:
        w, s = self.w, self.s
        fractions = (0.40, 0.17, 0.15, 0.12, 0.16)
        widths = [f * self.width for f in fractions]
        header = [Paragraph(w.inline(w.word(k)), s.header_cell) for k in ("item", "status", "owner", "due", "marks")]
        rows: list[list[Any]] = [header]
        commands: list[tuple[Any, ...]] = [
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ]
        for row_no, (number, item) in enumerate(items, 1):
            rows.append([
                Paragraph(self.w.inline(item.title), s.cell_item, bulletText=number),
                Paragraph(self._status_markup(item), s.cell_status),
                Paragraph(self._owner_markup(item), s.cell_small),
                Paragraph(self._due_markup(item), s.cell_small),
                Paragraph(self._marks_markup(item), s.cell_small),
            ])
            if item.to_verify:
                commands += [
                    ("BACKGROUND", (4, row_no), (4, row_no), AMBER_BG),
                    ("LINEBEFORE", (0, row_no), (0, row_no), 2.5, AMBER_BAR),
                ]
        table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=1)
        table.setStyle(_table_style(commands))
        return table

    def _status_markup(self, item: ReportItem) -> str:
        w = self.w
        color = STATUS_MARK_COLORS.get(item.status, UNKNOWN_STATUS_COLOR)
        text = f'<font color="{_hex(color)}">■</font> {w.inline(_lookup(STATUS_LABELS, item.status))}'
        if item.completed_on and item.status == ItemStatus.DONE:
            when = w.word("completed_on").format(date=w.date(item.completed_on))  # "on 3 Mar 2026" / "el 3 mar…"
            text += f'<br/><font color="{_hex(MUTED)}">{w.inline(when)}</font>'
        return text

    def _owner_markup(self, item: ReportItem) -> str:
        text = self.w.inline(_lookup(OWNER_LABELS, item.owner_role)) if item.owner_role else ""
        if item.assignee:
            text += f'{"<br/>" if text else ""}<font color="{_hex(MUTED)}">{_markup(item.assignee)}</font>'
        return text

    def _due_markup(self, item: ReportItem) -> str:
        due = _markup(self.w.date(item.due_on))
        if item.overdue and due:
            return f'<font color="{_hex(RED)}"><b>{due}</b></font>'
        return due

    def _marks_markup(self, item: ReportItem) -> str:
        w = self.w
        marks = []
        if item.to_verify:
            marks.append((MARK_TO_VERIFY, AMBER_TEXT, "to_verify"))
        if item.overdue:
            marks.append((MARK_OVERDUE, RED, "overdue"))
        if item.critical:
            marks.append((MARK_CRITICAL, CRITICAL, "critical"))
        return "<br/>".join(
            f'<font color="{_hex(color)}"><b>{mark} {w.inline(w.word(key))}</b></font>'
            for mark, color, key in marks
        )

    # --- item details ---------------------------------------------------------------------------

    @staticmethod
    def _has_details(item: ReportItem) -> bool:
        return bool(item.legal_basis or item.evidence or item.notes or item.status_reason
                    or item.verification_note or item.sources)

    def item_details(self, number: str, item: ReportItem) -> Flowable:
        w, s = self.w, self.s
        rows: list[tuple[Text, str]] = []
        if item.status_reason:
            key = "why_blocked" if item.status == ItemStatus.BLOCKED else (
                "why_not_applicable" if item.status == ItemStatus.NOT_APPLICABLE else "status_reason")
            rows.append((w.word(key), _markup(item.status_reason)))
        if item.to_verify:
            note = w.inline(item.verification_note or w.word("legend_to_verify"))
            rows.append((w.word("to_verify"), f'<font color="{_hex(AMBER_TEXT)}">{MARK_TO_VERIFY} {note}</font>'))
        elif item.verification_note:
            rows.append((w.word("verification_note"), w.inline(item.verification_note)))
        if item.legal_basis:
            rows.append((w.word("legal_basis"), _markup(item.legal_basis)))
        if item.evidence:
            rows.append((w.word("evidence"), "<br/>".join(self._evidence_line(e) for e in item.evidence)))
        if item.notes:
            rows.append((w.word("notes"), _markup(item.notes)))
        if item.sources:
            rows.append((w.word("sources"), f'<font color="{_hex(MUTED)}">{_source_links(item.sources)}</font>'))

        label_w = 0.19 * self.width
        title = f"<b>{number}</b> — {w.inline(item.title)}"
        data: list[list[Any]] = [[Paragraph(title, s.small), ""]]
        data += [[Paragraph(w.inline(label), s.label), Paragraph(value, s.small)] for label, value in rows]
        table = Table(data, colWidths=[label_w, self.width - label_w], hAlign="LEFT", splitInRow=1)
        table.setStyle(_table_style([
            ("SPAN", (0, 0), (-1, 0)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEABOVE", (0, 0), (-1, 0), 0.4, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 1.2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
            ("TOPPADDING", (0, 0), (-1, 0), 4),
        ]))
        return KeepTogether([table, Spacer(1, 3)])

    def _evidence_line(self, evidence: ReportEvidence) -> str:
        """The file, its size, the start of its fingerprint and the day it was filed (who filed it is the audit
        trail's business, not the client's)."""
        w, name = self.w, clean_file_name(evidence.file_name)
        return (f"{_markup(name)} · {_markup(_human_size(evidence.size_bytes, w.language))} · "
                f'SHA-256 <font color="{_hex(MUTED)}">{_markup(evidence.sha256[:12])}</font> · '
                f"{_markup(w.date(evidence.added_at.date()))}")

    # --- running header and footer ----------------------------------------------------------------

    def facts_markup(self) -> str:
        """The checklists' facts-as-of dates: one date alone, or each date with the numbers of its checklists."""
        w = self.w
        by_date: dict[date, list[int]] = {}
        for number, checklist in enumerate(self.report.checklists, 1):
            by_date.setdefault(checklist.facts_as_of, []).append(number)
        if len(by_date) == 1:
            parts = [_markup(w.date(day)) for day in by_date]
        else:
            parts = [f"{_markup(w.date(day))} "
                     f"({w.count(CHECKLISTS_NUMBERED, len(numbers), numbers=_numbers_text(numbers))})"
                     for day, numbers in sorted(by_date.items())]
        facts = f"<b>{w.inline(w.word('facts_as_of'))}:</b> {'; '.join(parts)}. " if parts else ""
        return f"{facts}{MARK_TO_VERIFY} {w.inline(w.word('to_verify_note'))}"

    def running_header(self) -> str:
        r, w = self.report, self.w
        return f"{w.one(w.word('report_title'))} — {r.client_name} — {r.project_title}"

    def page_of(self, page: int, total: int) -> str:
        return COMMON["page_of"].pick(self.w.language).format(page=page, total=total)


def write_checklist_pdf(
    report: ChecklistReport,
    path: Path,
    *,
    language: PdfLanguage = "en",
    page_size: PageSizeName = "letter",
) -> None:
    """Write the report to `path` in `language` (all or nothing: built in a temp file, then renamed)."""
    if language not in ("en", "es"):
        raise ValueError(f"unsupported PDF language {language!r}: use 'en' or 'es'")
    if page_size not in PAGE_SIZES:
        raise ValueError(f"unsupported page size {page_size!r}")
    register_fonts()
    paper = PAGE_SIZES[page_size]
    width = paper[0] - 2 * SIDE_MARGIN
    builder = _Builder(report, language, width)
    s = builder.s

    footer = Paragraph(builder.facts_markup(), s.footer)
    _, footer_h = footer.wrap(width, paper[1])
    page_line_h = FOOTER_FONT_SIZE + 4
    bottom_margin = FOOTER_BOTTOM + page_line_h + footer_h + FOOTER_GAP
    running = Running(
        header=builder.running_header(),
        header_above=5 * mm,
        footer=f"ShelterDesk {report.app_version}",
        footer_share=0.5,
        footer_y=FOOTER_BOTTOM,
        footer_size=FOOTER_FONT_SIZE,
        page_size=FOOTER_FONT_SIZE + 0.5,
        rule_gap=page_line_h + FOOTER_GAP / 2,
        note=footer,
        note_height=footer_h,
        page_of=builder.page_of,
    )
    report_title = builder.w.one(builder.w.word("report_title"))
    info = DocInfo(
        title=f"{report_title} — {report.client_name} — {report.project_title}",
        author=report.generated_by.strip() or "ShelterDesk",
        subject=f"{report_title}: {report.project_title}",
        creator=f"ShelterDesk {report.app_version}",
        language=language,
        keywords=["ShelterDesk", f"ShelterDesk {report.app_version}", report.client_name, report.project_title],
    )
    story: list[Flowable] = [*builder.title_block(), *builder.overview(), *builder.legend()]
    for number, checklist in enumerate(report.checklists, 1):
        story += builder.checklist(number, checklist)
    write_pdf(path, story, PageSetup(paper, SIDE_MARGIN, TOP_MARGIN, bottom_margin), running, info)

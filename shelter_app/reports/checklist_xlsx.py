"""The checklist status report as an XLSX workbook: for filtering, sorting and sharing with a client.

Sheets: a summary (report facts and one row per checklist), one sheet per checklist (one row
per item) and the evidence (one row per attached file with its full SHA-256). Headers are bold
and frozen, every table has an autofilter, dates are real Excel dates, and every text a user
typed is stored as text: a note that starts with "=" never becomes a formula.

Like the PDF it speaks one language and names things as a client reads them: items by their number in
the report ("6.3", the same as the PDF's) and title, statuses and roles by core's label tables; the packs'
ids and versions stay out of it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from shelter_app.core.bilingual import Text
from shelter_app.core.checklist import ItemStatus
from shelter_app.core.checklist_report import ChecklistReport, ReportChecklist, ReportItem
from shelter_app.core.filenames import clean_file_name
from shelter_app.l10n import xlsx_date_format, xlsx_datetime_format
from shelter_app.reports import (
    Language,
    label,
    language_of,
    operating_model_label,
    owner_label,
    replacing,
    status_label,
)

DATE_FORMAT = "yyyy-mm-dd"  # while a sheet is written; then the document's long date (`_dates_in_language`)
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
DATE_WIDTH = 24  # "30 de septiembre de 2027"
PERCENT_FORMAT = "0%"
MAX_CELL_CHARS = 32_767  # Excel's limit; longer text is cut
SHEET_NAME_MAX = 31
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")

BOLD = Font(bold=True)
TITLE_FONT = Font(bold=True, size=14)
HEADER_FILL = PatternFill("solid", fgColor="DDE3E6")
TO_VERIFY_FILL = PatternFill("solid", fgColor="FFF1C9")
OVERDUE_FONT = Font(bold=True, color="C62828")
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")

XLSX_WORDS: dict[str, Text] = {
    "evidence_sheet": Text("Evidence", "Evidencia"),
    "checklists": Text("Checklists", "Listas de verificación"),
}


def _text(value: str) -> str:
    """Text that Excel accepts: no control characters, within the cell limit."""
    cleaned = ILLEGAL_CHARACTERS_RE.sub("", value)
    return cleaned[:MAX_CELL_CHARS]


def _put(ws: Worksheet, row: int, column: int, value: Any, number_format: str | None = None) -> Any:
    """Write one cell; strings always stay strings (openpyxl would take "=..." for a formula)."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = _text(value)
        cell.data_type = "s"
    elif isinstance(value, datetime):
        # Excel has no time zones: store UTC, and say so in the column heading.
        cell.value = value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value
        cell.number_format = number_format or DATETIME_FORMAT
    elif isinstance(value, date):
        cell.value = value
        cell.number_format = number_format or DATE_FORMAT
    else:
        cell.value = value
        if number_format:
            cell.number_format = number_format
    return cell


def _header(ws: Worksheet, row: int, headings: Sequence[str], widths: Sequence[float]) -> None:
    for column, (heading, width) in enumerate(zip(headings, widths, strict=True), 1):
        cell = _put(ws, row, column, heading)
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = WRAP_TOP
        ws.column_dimensions[get_column_letter(column)].width = width


def _finish_table(ws: Worksheet, header_row: int, last_row: int, columns: int, *, freeze: bool = True) -> None:
    """Filter the table and (unless asked not to) freeze everything above its first data row."""
    if freeze:
        ws.freeze_panes = f"A{header_row + 1}"
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(columns)}{max(last_row, header_row)}"


def sheet_name(wanted: str, taken: set[str]) -> str:
    """A valid, unique sheet name: no []:*?/\\, not quoted, at most 31 characters, unique ignoring case."""
    base = _SHEET_NAME_FORBIDDEN.sub("-", ILLEGAL_CHARACTERS_RE.sub("", wanted)).strip().strip("'").strip()
    base = base or "Sheet"
    if base.casefold() == "history":  # reserved by Excel
        base = f"{base}-"
    name = base[:SHEET_NAME_MAX].rstrip().rstrip("'")
    n = 2
    while name.casefold() in taken:
        suffix = f" ({n})"
        name = base[: SHEET_NAME_MAX - len(suffix)].rstrip().rstrip("'") + suffix
        n += 1
    taken.add(name.casefold())
    return name


def _yes(flag: bool, language: Language) -> str:
    return label("yes", language) if flag else label("no", language)


def _summary(ws: Worksheet, report: ChecklistReport, language: Language) -> None:
    lang = language
    _put(ws, 1, 1, label("report_title", lang)).font = TITLE_FONT
    facts: list[tuple[str, Any]] = [
        ("client", report.client_name),
        ("rfc", report.client_rfc or ""),
        ("project", report.project_title),
        ("operating_model", operating_model_label(report.operating_model, lang)),
        ("kickoff", report.kickoff),
        ("finish", report.finish),
        ("report_date", report.generated_on),
        *([("prepared_by", report.generated_by.strip())] if report.generated_by.strip() else []),
        ("progress", report.progress),
    ]
    row = 3
    for key, value in facts:
        _put(ws, row, 1, label(key, lang)).font = BOLD
        _put(ws, row, 2, "" if value is None else value, PERCENT_FORMAT if key == "progress" else None)
        row += 1
    row += 1
    _put(ws, row, 1, XLSX_WORDS["checklists"].pick(lang)).font = BOLD
    header_row = row + 1
    headings = [label(k, lang) for k in ("number", "checklist", "phase", "facts_as_of", "items", "closed", "progress",
                                         "to_verify", "overdue", "blocked")]
    _header(ws, header_row, headings, (7, 46, 30, DATE_WIDTH, 9, 9, 10, 11, 10, 10))
    row = header_row
    for number, checklist in enumerate(report.checklists, 1):
        row += 1
        items = checklist.items
        values: list[Any] = [
            number, checklist.title.pick(lang), checklist.phase.pick(lang), checklist.facts_as_of, len(items),
            checklist.done, checklist.done / len(items) if items else 0.0,
            sum(1 for i in items if i.to_verify), sum(1 for i in items if i.overdue),
            sum(1 for i in items if i.status == ItemStatus.BLOCKED),
        ]
        for column, value in enumerate(values, 1):
            _put(ws, row, column, value, PERCENT_FORMAT if column == 7 else None).alignment = TOP
    # The report facts fill the rows above this table: frozen, they would take the whole window.
    _finish_table(ws, header_row, row, len(headings), freeze=False)
    note_row = row + 2
    _put(ws, note_row, 1, f"⚠ {label('to_verify_note', lang)}").font = Font(italic=True, color="9A5B00")


ITEM_COLUMNS: tuple[tuple[str, float], ...] = (
    ("number", 7), ("title", 48), ("status", 18), ("status_reason", 30), ("owner", 18), ("assignee", 18),
    ("start", DATE_WIDTH), ("due", DATE_WIDTH), ("completed", DATE_WIDTH), ("critical", 10), ("overdue", 10),
    ("to_verify", 11),
    ("verification_note", 34), ("legal_basis", 30), ("sources", 40), ("notes", 34), ("evidence_files", 30),
    ("sha256", 68),
)


def _item_values(number: str, item: ReportItem, lang: Language) -> list[Any]:
    return [
        number,
        item.title.pick(lang),
        status_label(item.status, lang),
        item.status_reason,
        owner_label(item.owner_role, lang) if item.owner_role else "",
        item.assignee,
        item.start_on,
        item.due_on,
        item.completed_on,
        _yes(item.critical, lang),
        _yes(item.overdue, lang),
        _yes(item.to_verify, lang),
        item.verification_note.pick(lang) if item.verification_note else "",
        item.legal_basis,
        "\n".join(item.sources),
        item.notes,
        "\n".join(clean_file_name(e.file_name) for e in item.evidence),
        "\n".join(e.sha256 for e in item.evidence),
    ]


def _checklist_sheet(ws: Worksheet, number: int, checklist: ReportChecklist, lang: Language) -> None:
    """One row per item, numbered as the PDF numbers it ("6.3"): the number is text, so "6.10" stays "6.10"."""
    headings = [label(key, lang) for key, _ in ITEM_COLUMNS]
    _header(ws, 1, headings, [width for _, width in ITEM_COLUMNS])
    to_verify_col = 1 + [key for key, _ in ITEM_COLUMNS].index("to_verify")
    due_col = 1 + [key for key, _ in ITEM_COLUMNS].index("due")
    row = 1
    for item_no, item in enumerate(checklist.items, 1):
        row += 1
        for column, value in enumerate(_item_values(f"{number}.{item_no}", item, lang), 1):
            cell = _put(ws, row, column, "" if value is None else value)
            cell.alignment = WRAP_TOP
        if item.to_verify:
            ws.cell(row=row, column=1).fill = TO_VERIFY_FILL
            ws.cell(row=row, column=to_verify_col).fill = TO_VERIFY_FILL
            ws.cell(row=row, column=to_verify_col).font = Font(bold=True, color="9A5B00")
        if item.overdue:
            ws.cell(row=row, column=due_col).font = OVERDUE_FONT
    _finish_table(ws, 1, row, len(headings))


def _evidence_sheet(ws: Worksheet, report: ChecklistReport, lang: Language) -> None:
    keys = ("checklist", "number", "title", "file_name", "size_bytes", "sha256", "added_by", "added_at_utc")
    _header(ws, 1, [label(k, lang) for k in keys], (30, 7, 40, 34, 13, 68, 20, DATE_WIDTH + 6))
    row = 1
    for number, checklist in enumerate(report.checklists, 1):
        for item_no, item in enumerate(checklist.items, 1):
            for evidence in item.evidence:
                row += 1
                values: list[Any] = [checklist.title.pick(lang), f"{number}.{item_no}", item.title.pick(lang),
                                     clean_file_name(evidence.file_name), evidence.size_bytes, evidence.sha256,
                                     evidence.added_by, evidence.added_at]
                for column, value in enumerate(values, 1):
                    _put(ws, row, column, value).alignment = TOP
    _finish_table(ws, 1, row, len(keys))


def _dates_in_language(workbook: Workbook, language: Language) -> None:
    """Real date cells keep their value and show the long date of the document's language."""
    formats = {DATE_FORMAT: xlsx_date_format(language), DATETIME_FORMAT: xlsx_datetime_format(language)}
    for ws in workbook.worksheets:
        for cells in ws.iter_rows():
            for cell in cells:
                if cell.number_format in formats:
                    cell.number_format = formats[cell.number_format]


def write_checklist_xlsx(report: ChecklistReport, path: Path, *, language: str = "en") -> None:
    """Write the workbook to `path` (all or nothing: saved to a temp file, then renamed)."""
    lang = language_of(language)
    workbook = Workbook()
    taken: set[str] = set()
    summary = workbook.active
    assert summary is not None  # a new workbook always has one sheet
    summary.title = sheet_name(label("summary", lang), taken)
    evidence_name = sheet_name(XLSX_WORDS["evidence_sheet"].pick(lang), taken)
    _summary(summary, report, lang)
    for number, checklist in enumerate(report.checklists, 1):
        ws = workbook.create_sheet(sheet_name(checklist.title.pick(lang), taken))
        _checklist_sheet(ws, number, checklist, lang)
    _evidence_sheet(workbook.create_sheet(evidence_name), report, lang)
    _dates_in_language(workbook, lang)
    workbook.properties.creator = report.generated_by.strip() or "ShelterDesk"
    workbook.properties.title = f"{label('report_title', lang)} — {report.client_name} — {report.project_title}"
    workbook.properties.keywords = f"ShelterDesk {report.app_version}"

    with replacing(path) as tmp:
        workbook.save(tmp)

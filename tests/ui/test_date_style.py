"""One date style per place (issue 15): medium on screens and in tables, long in documents, month names on
the timeline, in the language of the screen or the document; ISO only where a date is data."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate
from PySide6.QtGui import QPainter

import shelter_app
from shelter_app.core.bilingual import Text
from shelter_app.core.journey import FieldKind, FieldSpec
from shelter_app.l10n import document_date, table_date
from shelter_app.reports.checklist_pdf import write_checklist_pdf
from shelter_app.reports.checklist_xlsx import write_checklist_xlsx
from shelter_app.ui import i18n
from shelter_app.ui.journey.fields import DateInput
from shelter_app.ui.mainwindow import MainWindow
from shelter_app.ui.models.clients import COL_UPDATED
from shelter_app.ui.timeline import Bar, TimelineView
from tests.reports.test_checklist_exports import sample_report

PACKAGE = Path(shelter_app.__file__).parent
SCANNED = ("ui", "reports")
DATE_NAME = re.compile(r"(_on|_at|^date|^day|^when)$")
# Where a date is data, not display: (file under shelter_app/, a piece of the line) -> why.
DATA_USES: dict[tuple[str, str], str] = {
    ("ui/business/editor.py", "date.fromisoformat(text).isoformat()"):
        "normalises a typed scenario date to the ISO text stored in the scenario file",
    ("ui/forms/consultant.py", '"imported_at": response.imported_at.isoformat()'):
        "handed to the form PDF, which words it in the document's language (form_pdf._meta_value)",
    ("ui/forms/widgets.py", "day.toString(Qt.DateFormat.ISODate)"):
        "the calendar fills the answer's text input, whose typed format is YYYY-MM-DD (the form's data format)",
    ("reports/evidence_pack.py", 'isoformat().replace("+00:00", "Z")'):
        "manifest.json timestamps: machine-readable data",
    ("reports/evidence_pack.py", '"generated_on": report.generated_on.isoformat()'):
        "manifest.json: machine-readable data",
}


def _display_suspects() -> list[tuple[str, str]]:
    """Every isoformat()/strftime()/ISO toString() call and every f-string date field in ui/ and reports/."""
    found: list[tuple[str, str]] = []
    for folder in SCANNED:
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            source = path.read_text(encoding="utf-8")
            lines = source.splitlines()
            relative = path.relative_to(PACKAGE).as_posix()
            for node in ast.walk(ast.parse(source)):
                suspect = False
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                    name = node.func.attr
                    suspect = name in ("isoformat", "strftime") or (
                        name == "toString" and "ISODate" in ast.unparse(node))
                elif isinstance(node, ast.FormattedValue):
                    expr = node.value
                    ident = (expr.attr if isinstance(expr, ast.Attribute)
                             else expr.id if isinstance(expr, ast.Name) else "")
                    spec = ast.unparse(node.format_spec) if node.format_spec is not None else ""
                    suspect = bool(DATE_NAME.search(ident)) or "%" in spec
                if suspect:
                    found.append((relative, lines[node.lineno - 1].strip()))  # type: ignore[attr-defined]
    return found


def test_no_raw_iso_or_strftime_date_is_shown_to_a_person() -> None:
    suspects = _display_suspects()
    unexplained = [f"{file}: {line}" for file, line in suspects
                   if not any(file == f and piece in line for f, piece in DATA_USES)]
    assert not unexplained, ("dates shown without shelter_app.l10n (use table_date/document_date/month_label, "
                             "or add a data use with its reason to DATA_USES):\n" + "\n".join(unexplained))


def test_the_allow_list_names_only_lines_that_still_exist() -> None:
    suspects = _display_suspects()
    stale = [key for key in DATA_USES if not any(file == key[0] and key[1] in line for file, line in suspects)]
    assert not stale, f"remove these from DATA_USES: {stale}"


# --- the timeline ----------------------------------------------------------------------------------------------


def _month_labels(qtbot: Any, monkeypatch: pytest.MonkeyPatch, language: str | None) -> list[str]:
    drawn: list[str] = []
    original = QPainter.drawText

    def spy(painter: QPainter, *args: Any) -> Any:
        texts = [a for a in args if isinstance(a, str)]
        drawn.extend(texts)
        return original(painter, *args)

    monkeypatch.setattr(QPainter, "drawText", spy)
    view = TimelineView()
    qtbot.addWidget(view)
    view.language = language
    view.set_bars([Bar("Permiso", date(2026, 11, 9), date(2027, 1, 20))], today=date(2026, 11, 10))
    view.resize(view.sizeHint())
    view.grab()  # paints
    monkeypatch.undo()
    return [t for t in drawn if not t.isdigit()]


def test_the_timeline_names_the_months_in_spanish(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    labels = _month_labels(qtbot, monkeypatch, "es")
    assert {"nov 2026", "dic 2026", "ene 2027"} <= set(labels), labels
    assert not [t for t in labels if re.fullmatch(r"\d{4}-\d{2}", t)]


def test_the_timeline_names_the_months_in_english(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    labels = _month_labels(qtbot, monkeypatch, "en")
    assert {"Nov 2026", "Dec 2026", "Jan 2027"} <= set(labels), labels


def test_the_timeline_follows_the_ui_language(qtbot: Any, monkeypatch: pytest.MonkeyPatch, qapp: Any) -> None:
    i18n.install("es_MX")
    try:
        assert "dic 2026" in _month_labels(qtbot, monkeypatch, None)
    finally:
        i18n.install("en")


# --- a table and a date input ------------------------------------------------------------------------------------

MEDIUM = {"en": re.compile(r"[A-Z][a-z]{2} \d{1,2}, \d{4}"), "es": re.compile(r"\d{1,2} [a-z]{3,4}\.? \d{4}")}


def test_the_portfolio_shows_medium_dates_in_both_languages(window: MainWindow) -> None:
    model = window.model
    assert model.rowCount() > 0
    index = model.index(0, COL_UPDATED)
    shown = {}
    try:
        for language in ("en", "es"):
            i18n.install("es_MX" if language == "es" else "en")
            ids = [i for row in range(model.rowCount()) if (i := model.client_id(row)) is not None]
            model.set_ids(ids)  # as a new search does
            shown[language] = str(model.data(index))
            assert MEDIUM[language].fullmatch(shown[language]), (language, shown[language])
    finally:
        i18n.install("en")
    day = datetime.strptime(shown["en"], "%b %d, %Y").date()
    assert shown["es"] == table_date(day, "es")


@pytest.mark.parametrize(("language", "shown"), [("en", "Dec 7, 2026"), ("es", "7 dic 2026")])
def test_a_date_input_shows_and_takes_the_languages_dates(qtbot: Any, language: str, shown: str) -> None:
    field = DateInput(FieldSpec("start", FieldKind.DATE, (), False, Text("Start", "Inicio")), language)
    qtbot.addWidget(field)
    field.set_value("2026-12-07")
    assert field.edit.text() == shown
    assert field.value() == date(2026, 12, 7)
    assert field.edit.locale().toDate(shown, field.edit.displayFormat()) == QDate(2026, 12, 7)
    typed = {"en": "Jan 15, 2027", "es": "15 ene 2027"}[language]  # a date as the language writes it reads back
    assert field.edit.locale().toDate(typed, field.edit.displayFormat()) == QDate(2027, 1, 15)


# --- documents -------------------------------------------------------------------------------------------------------


def _pdftotext(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True)
    return " ".join(out.stdout.split())


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_pdf_shows_long_dates_in_its_language(tmp_path: Path, language: str) -> None:
    report = sample_report()
    pdf = tmp_path / f"report-{language}.pdf"
    write_checklist_pdf(report, pdf, language=language)  # type: ignore[arg-type]
    text = _pdftotext(pdf)
    long = document_date(report.generated_on, language)
    assert long == {"en": "March 16, 2026", "es": "16 de marzo de 2026"}[language]
    assert long in text
    other = document_date(report.generated_on, "es" if language == "en" else "en")
    assert other not in text
    assert report.generated_on.isoformat() not in text
    assert table_date(report.generated_on, language) not in text  # not the medium style either


@pytest.mark.parametrize("language", ["en", "es"])
def test_xlsx_dates_stay_real_dates_with_the_long_format(tmp_path: Path, language: str) -> None:
    report = sample_report()
    target = tmp_path / f"report-{language}.xlsx"
    write_checklist_xlsx(report, target, language=language)
    book = load_workbook(target)
    cells = [cell for ws in book.worksheets for row in ws.iter_rows() for cell in row]
    dated = [cell for cell in cells if getattr(cell, "is_date", False)]
    assert dated
    for cell in dated:
        assert "mmmm" in cell.number_format and "yyyy" in cell.number_format, cell.number_format
        assert cell.number_format.startswith("[$-409]" if language == "en" else "[$-80A]")
    assert any(isinstance(cell.value, datetime) and cell.value.date() == report.generated_on for cell in dated)


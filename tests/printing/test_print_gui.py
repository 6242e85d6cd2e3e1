"""The preview's Print, through the same code as the dialog: a QPrinter as QPrintDialog leaves it, then the run.

The vector path reaches the private print server; the raster path renders into a QPrinter (to a PDF file, and to
a printer through Qt's own CUPS support), with Cancel.
"""

from __future__ import annotations

import resource
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox

from shelter_app.core.printing import PrintSettings
from shelter_app.ui.business.documents import PdfPreview
from shelter_app.ui.printing import PrintCancelled, print_as_images, render_pages
from tests.printing.conftest import PAGES, VirtualPrinter, make_document, page_count, page_marker, page_size, page_texts

pytestmark = pytest.mark.gui


def dialog_printer(name: str = "", *, pages: tuple[int, int] | None = None, copies: int = 1,
                   paper: QPageSize.PageSizeId = QPageSize.PageSizeId.Letter) -> QPrinter:
    """A QPrinter as QPrintDialog leaves it after the user chose a printer, a page range and copies."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if name:
        printer.setPrinterName(name)
    if pages is not None:
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(*pages)
    printer.setCopyCount(copies)
    printer.setPageSize(QPageSize(paper))  # the dialog shows the printer's paper
    return printer


@pytest.fixture(autouse=True)
def english(qapp: Any) -> None:
    from shelter_app.ui import i18n

    i18n.install("en")  # as the app starts: English holds the plural forms ("1 page", "2 pages")


@pytest.fixture
def preview(qtbot: Any, document: Path) -> PdfPreview:
    window = PdfPreview(document, "Sample")
    qtbot.addWidget(window)
    return window


def test_print_sends_the_pdf_itself_with_the_dialogs_choices(qtbot: Any, preview: PdfPreview,
                                                             letter_printer: VirtualPrinter) -> None:
    printer = dialog_printer(letter_printer.name, pages=(2, 4), copies=2)
    with qtbot.waitSignal(preview.printed, timeout=60_000) as blocker:
        preview.print_to(printer)
    outcome = blocker.args[0]
    assert outcome.printed and outcome.job and outcome.notice is None
    assert outcome.message == f"Sent 6 pages to {letter_printer.name} (job {outcome.job})."
    assert preview.statusBar().currentMessage() == outcome.message
    texts = page_texts(letter_printer.printed())
    assert [next(n for n in range(1, PAGES + 1) if page_marker(n) in t) for t in texts] == [2, 3, 4, 2, 3, 4]


def test_a4_paper_in_the_dialog_scales_the_letter_pages_and_says_so_once(
        qtbot: Any, preview: PdfPreview, a4_printer: VirtualPrinter, monkeypatch: pytest.MonkeyPatch) -> None:
    from shelter_app.ui import printing

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(printing, "_TOLD_NOTICES", set())
    for _ in range(2):
        with qtbot.waitSignal(preview.printed, timeout=60_000) as blocker:
            preview.print_to(dialog_printer(a4_printer.name, pages=(1, 1), paper=QPageSize.PageSizeId.A4))
        assert blocker.args[0].notice == "The Letter pages are scaled to fit A4 paper, so no text is cut."
        a4_printer.printed()
    assert len(shown) == 1 and shown[0].endswith("so no text is cut.")
    assert page_size(a4_printer.output) == (595, 842)


def test_print_to_file_writes_the_chosen_pages_as_a_pdf(qtbot: Any, preview: PdfPreview, tmp_path: Path) -> None:
    printer = dialog_printer(pages=(5, 6))
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(preview.printed, timeout=60_000) as blocker:
        preview.print_to(printer)
    assert blocker.args[0].printed
    texts = page_texts(tmp_path / "printed.pdf")
    assert [page_marker(5) in texts[0], page_marker(6) in texts[1], len(texts)] == [True, True, 2]


def test_a_refused_job_is_not_reported_as_printed(qtbot: Any, preview: PdfPreview, a4_printer: VirtualPrinter,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    a4_printer.server.run("cupsreject", a4_printer.name)
    with qtbot.waitSignal(preview.printed, timeout=60_000) as blocker:
        preview.print_to(dialog_printer(a4_printer.name))
    outcome = blocker.args[0]
    assert not outcome.printed and "is not taking jobs" in outcome.message
    assert warned == [outcome.message]


# ---- the raster path --------------------------------------------------------------------------------------------
def file_printer(target: Path, dpi: int = 1200) -> QPrinter:
    printer = dialog_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    printer.setResolution(dpi)
    return printer


def test_raster_pages_are_rendered_at_no_more_than_600_dpi(document: Path, tmp_path: Path) -> None:
    target = tmp_path / "raster.pdf"
    printer = file_printer(target, dpi=1200)
    seen: list[tuple[int, int]] = []
    assert render_pages(document, printer, [2, 3], progress=lambda d, t: seen.append((d, t))) == 2
    assert seen == [(1, 2), (2, 2)]
    assert page_count(target) == 2 and page_size(target) == (612, 792)
    assert all(not text.strip() for text in page_texts(target))  # pictures of pages
    assert printer.resolution() == 1200  # the printer keeps its own; only the rendering is capped


def test_raster_memory_stays_bounded_at_a_1200_dpi_printer(tmp_path: Path) -> None:
    """A Letter page at 1200 dpi is a 540 MB image; rendered in bands at 600 dpi, printing grows the process by far
    less than one such page."""
    document = make_document(tmp_path / "two.pdf", pages=2)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    render_pages(document, file_printer(tmp_path / "raster.pdf"), [1, 2])
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024 - before
    assert grown < 150, f"peak memory grew by {grown} MB"


def test_cancelling_the_raster_run_leaves_no_file(document: Path, tmp_path: Path) -> None:
    target = tmp_path / "raster.pdf"
    asked = iter(range(100))
    with pytest.raises(PrintCancelled):
        render_pages(document, file_printer(target), [1, 2, 3], cancelled=lambda: next(asked) > 30)
    assert not target.exists()


def test_cancelling_a_raster_run_to_a_printer_sends_no_job(document: Path, letter_printer: VirtualPrinter) -> None:
    printer = dialog_printer(letter_printer.name)
    asked = iter(range(100))
    with pytest.raises(PrintCancelled):
        print_as_images(document, printer, PrintSettings(), [1, 2, 3], cancelled=lambda: next(asked) > 30)
    assert letter_printer.server.pending(letter_printer.name) == []
    assert letter_printer.server.completed(letter_printer.name) == []


def test_raster_through_the_preview_reaches_the_printer(qtbot: Any, preview: PdfPreview,
                                                        letter_printer: VirtualPrinter) -> None:
    """Forced raster (what Windows and a PDF-refusing printer get), through Qt's own print support."""
    with qtbot.waitSignal(preview.printed, timeout=60_000) as blocker:
        preview.print_to(dialog_printer(letter_printer.name, pages=(1, 2)), raster=True)
    outcome = blocker.args[0]
    assert outcome.printed and outcome.message == f"Sent 2 pages to {letter_printer.name} as images."
    out = letter_printer.printed()
    assert page_count(out) == 2


def test_closing_the_preview_while_the_job_is_on_its_way(qtbot: Any, document: Path,
                                                         letter_printer: VirtualPrinter) -> None:
    from PySide6.QtCore import Qt

    window = PdfPreview(document, "Sample")
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    run = window.print_to(dialog_printer(letter_printer.name))
    with qtbot.waitSignal(run.finished, timeout=60_000) as blocker:
        window.close()
    assert blocker.args[0].printed
    assert page_count(letter_printer.printed()) == PAGES


def test_cancel_in_the_progress_dialog_stops_the_raster_run(qtbot: Any, preview: PdfPreview, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    target = tmp_path / "raster.pdf"
    run = preview.print_to(file_printer(target), raster=True)
    assert run.task.dialog.isVisible()  # the progress is shown at once, with its Cancel
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    with qtbot.waitSignal(preview.printed, timeout=60_000) as blocker:
        qtbot.mouseClick(run.task.dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    outcome = blocker.args[0]
    assert (outcome.printed, outcome.message) == (False, "Printing was cancelled; nothing was printed.")
    assert warned == [outcome.message] and not target.exists()

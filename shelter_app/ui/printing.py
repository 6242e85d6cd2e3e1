"""Printing every document the app makes: one path from the print dialog (or `shelter-app print`) to the printer.

What the dialog chose (`settings_from_printer`) goes one of three ways (`PrintRun`):
- print to a file: the chosen pages are written as a PDF, pages not pictures (`services.printing.save_pages`);
- the vector path, wherever the print system takes a PDF (CUPS on Linux and macOS): the PDF itself is sent with
  `lp` and the dialog's options (`services.printing.send`); the text stays text and the job is the PDF's size;
- the raster path, where it must (Windows, no `lp`, or a printer that refuses PDF): `render_pages` renders one
  band of one page at a time at a resolution capped at 600 dpi (300 for a draft), so memory stays bounded
  whatever the printer's resolution, on a worker thread with a progress bar and Cancel; a cancelled run is
  aborted (nothing reaches the printer, no half file is left).

A document on another paper than the printer's is scaled to fit, never cut, and the user is told once a session.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QRect, QRectF, QSize, QSizeF, Signal
from PySide6.QtGui import QImage, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox, QWidget

from shelter_app.core.bilingual import Text
from shelter_app.core.errors import UserError
from shelter_app.core.printing import (
    Colour,
    PageSpan,
    PrintSettings,
    Sides,
    fit_notice,
    merge,
    page_numbers,
    paper_of,
    raster_dpi,
)
from shelter_app.ui.errors import handle_error, ui_language
from shelter_app.ui.worker import DbRunner

translate = QCoreApplication.translate
BAND_ROWS = 64  # rows of one band: 1.3 MB at 600 dpi on Letter; each Qt call on it takes under 10 ms

_PAPER_IDS = {QPageSize.PageSizeId.Letter: "letter", QPageSize.PageSizeId.A4: "a4",
              QPageSize.PageSizeId.Legal: "legal"}
PAGE_SIZE_IDS = {name: page_id for page_id, name in _PAPER_IDS.items()}
_SIDES = {QPrinter.DuplexMode.DuplexLongSide: Sides.LONG_EDGE, QPrinter.DuplexMode.DuplexShortSide: Sides.SHORT_EDGE,
          QPrinter.DuplexMode.DuplexAuto: Sides.LONG_EDGE}
DUPLEX_MODES = {Sides.ONE_SIDED: QPrinter.DuplexMode.DuplexNone, Sides.LONG_EDGE: QPrinter.DuplexMode.DuplexLongSide,
                Sides.SHORT_EDGE: QPrinter.DuplexMode.DuplexShortSide}


class PrintCancelled(Exception):
    """The user cancelled the raster run; the printer was told to abort it."""


def printer_paper(printer: QPrinter) -> str | None:
    """The paper the printer (as the dialog left it) prints on: "letter", "a4", "legal", or None."""
    size = printer.pageLayout().pageSize()
    return _PAPER_IDS.get(size.id()) or paper_of(*size.size(QPageSize.Unit.Point).toTuple())


def settings_from_printer(printer: QPrinter, title: str, page_count: int) -> PrintSettings:
    """What the print dialog chose, as the print settings every path reads."""
    pages: tuple[PageSpan, ...] = ()
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        pages = merge([PageSpan(printer.fromPage(), min(printer.toPage() or page_count, page_count))])
    # Qt says Color for any printer it knows nothing of: only a choice of grey is passed on, colour is the printer's
    colour = Colour.MONOCHROME if printer.colorMode() == QPrinter.ColorMode.GrayScale else Colour.AUTO
    return PrintSettings(printer=printer.printerName() or None, pages=pages, copies=max(printer.copyCount(), 1),
                         collate=printer.collateCopies(), sides=_SIDES.get(printer.duplex(), Sides.ONE_SIDED),
                         paper=printer_paper(printer), colour=colour, title=title)


def apply_settings(printer: QPrinter, settings: PrintSettings) -> None:
    """The reverse, for `shelter-app print --raster`: a QPrinter set up as the settings say."""
    if settings.printer:
        printer.setPrinterName(settings.printer)
    printer.setCopyCount(settings.copies)
    printer.setCollateCopies(settings.collate)
    printer.setDuplex(DUPLEX_MODES[settings.sides])
    if settings.paper is not None:
        printer.setPageSize(QPageSize(PAGE_SIZE_IDS[settings.paper]))
    if settings.colour is Colour.MONOCHROME:
        printer.setColorMode(QPrinter.ColorMode.GrayScale)
    if settings.title:
        printer.setDocName(settings.title)


# ---- the raster path ----------------------------------------------------------------------------------------------
def _target_rect(painter_rect: QRect, page_points: QSizeF) -> QRectF:
    """Where a page goes on the paper: its own size where it fits, else scaled down to fit, centred, never cut."""
    scale = min(painter_rect.width() / page_points.width(), painter_rect.height() / page_points.height())
    width, height = page_points.width() * scale, page_points.height() * scale
    return QRectF(painter_rect.x() + (painter_rect.width() - width) / 2,
                  painter_rect.y() + (painter_rect.height() - height) / 2, width, height)


def render_pages(path: Path, printer: QPrinter, numbers: Sequence[int], *, draft: bool = False,
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> int:
    """Print the pages `numbers` (from 1) of the PDF at `path` on `printer` as images, one band at a time.

    The resolution is the printer's, capped (600 dpi, 300 for a draft); a page is never held whole in memory. Safe
    on a worker thread (the document is opened here). On `cancelled()` the run is aborted and `PrintCancelled`
    raised: nothing is sent to a printer, and a file being printed to is removed. Returns the pages printed.
    """
    document = QPdfDocument()
    if document.load(str(path)) != QPdfDocument.Error.None_:
        raise UserError(f"{path.name} cannot be opened as a PDF.", f"{path.name} no se puede abrir como PDF.")
    dpi = raster_dpi(printer.resolution(), draft=draft)
    printer.setFullPage(True)
    output = printer.outputFileName()
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError("The printer could not be started: it may be offline or gone.",
                        "No se pudo iniciar la impresora: puede estar desconectada o ya no existir.")
    done = 0
    try:
        device_dpi = printer.resolution()
        paper = QRect(QPoint(0, 0), printer.pageLayout().fullRectPixels(device_dpi).size())
        for number in numbers:
            if done:
                printer.newPage()
            target = _target_rect(paper, document.pagePointSize(number - 1))
            full = QSize(round(target.width() * dpi / device_dpi), round(target.height() * dpi / device_dpi))
            scale = target.width() / full.width()
            for top in range(0, full.height(), BAND_ROWS):
                if cancelled is not None and cancelled():
                    raise PrintCancelled
                rows = min(BAND_ROWS, full.height() - top)
                options = QPdfDocumentRenderOptions()
                options.setScaledSize(full)
                options.setScaledClipRect(QRect(0, top, full.width(), rows))
                band = document.render(number - 1, QSize(full.width(), rows), options)
                if _blank(band):
                    continue  # white stays white: nothing to send
                band = band.convertToFormat(QImage.Format.Format_RGB32)  # no alpha: no soft mask in the job
                painter.drawImage(QRectF(target.x(), target.y() + top * scale, target.width(), rows * scale), band)
            done += 1
            if progress is not None:
                progress(done, len(numbers))
    except BaseException:
        printer.abort()
        painter.end()
        if output:
            Path(output).unlink(missing_ok=True)
        raise
    finally:
        document.close()
    painter.end()
    return done


@dataclass(frozen=True)
class Rastered:
    pages: int
    where: str  # the printer's name, or the file printed to
    job: str | None = None  # the print system's job, where the pages went through it
    notice: Text | None = None  # the document's paper is not the printer's: pages scaled to fit


def print_as_images(path: Path, printer: QPrinter, settings: PrintSettings, numbers: Sequence[int], *,
                    progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> Rastered:
    """The raster path end to end. Into a file, or on Windows (whose print engine can abort a job), the pages are
    drawn on `printer` itself. Elsewhere Qt's print engine hands whatever was drawn to CUPS even after an abort, so
    the pages are drawn into a temporary PDF on the printer's paper and only a finished one is sent (with `lp`): a
    cancelled run sends nothing."""
    notice = fit_notice(_pdf_paper(path), printer_paper(printer))
    if printer.outputFileName() or sys.platform == "win32":
        count = render_pages(path, printer, numbers, draft=settings.draft, progress=progress, cancelled=cancelled)
        return Rastered(count, printer.printerName() or printer.outputFileName(), None, notice)
    from shelter_app.services import printing

    with tempfile.TemporaryDirectory(prefix="shelterdesk-print-") as folder:
        images = Path(folder) / path.name
        proxy = QPrinter(QPrinter.PrinterMode.HighResolution)
        proxy.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        proxy.setOutputFileName(str(images))
        proxy.setResolution(raster_dpi(printer.resolution(), draft=settings.draft))
        proxy.setPageLayout(printer.pageLayout())
        proxy.setDocName(printer.docName())
        count = render_pages(path, proxy, numbers, draft=settings.draft, progress=progress, cancelled=cancelled)
        sent = printing.send(images, replace(settings, pages=(), printer=printer.printerName() or settings.printer,
                                             paper=printer_paper(printer)))
        return Rastered(count, sent.printer, sent.job, notice)


def _pdf_paper(path: Path) -> str | None:
    """The paper of the document's first page, as QtPdf reads it."""
    document = QPdfDocument()
    try:
        if document.load(str(path)) != QPdfDocument.Error.None_ or document.pageCount() < 1:
            return None
        return paper_of(*document.pagePointSize(0).toTuple())
    finally:
        document.close()


def _blank(image: QImage) -> bool:
    """Whether a rendered band is all white (most of a page's height is margin or space between lines)."""
    bits = image.constBits()
    data = memoryview(bits).cast("B") if not isinstance(bits, memoryview) else bits.cast("B")
    return data == _white(len(data))


_WHITE: dict[int, memoryview] = {}


def _white(size: int) -> memoryview:
    if size not in _WHITE:
        _WHITE.clear()
        _WHITE[size] = memoryview(b"\xff" * size)
    return _WHITE[size]


# ---- one run, from the dialog's choice to the printer -------------------------------------------------------------
@dataclass(frozen=True)
class Outcome:
    """How a print run ended, in the user's words; `printed` is False when nothing reached a printer or file."""

    printed: bool
    message: str
    pages: int = 0
    job: str | None = None
    notice: str | None = None


_ACTIVE: set[PrintRun] = set()  # runs on their way, kept until they end


class PrintRun(QObject):
    """Print the PDF at `path` with a printer the print dialog set up; `finished(Outcome)` at the end.

    The work runs on its own thread (the UI never waits on the print system or on rendering); the raster path
    shows a progress dialog with Cancel.
    """

    finished = Signal(object)

    def __init__(self, parent: QWidget, path: Path, title: str, *, raster: bool = False,
                 runner: DbRunner | None = None) -> None:
        super().__init__()  # not the window's child: a run outlives a preview closed while the job is on its way
        _ACTIVE.add(self)
        self.parent_widget = parent
        self.path = path
        self.title = title
        self.force_raster = raster
        self.runner = runner or DbRunner(parent=self)
        self.task: Any = None
        self.language = ui_language()

    def start(self, printer: QPrinter, page_count: int) -> None:
        settings = settings_from_printer(printer, self.title, page_count)
        self.printer, self.page_count = printer, page_count  # kept until the run ends
        if printer.outputFileName() and not self.force_raster:
            self._save(settings, Path(printer.outputFileName()))
            return
        from shelter_app.services import printing

        if not self.force_raster and printing.available():
            self._send(settings, printer)
        else:
            self._raster(settings, printer, page_count, None)

    # the three ways
    def _save(self, settings: PrintSettings, target: Path) -> None:
        from shelter_app.services import printing

        def saved(count: int) -> None:
            message = translate("PrintRun", "Saved %n page(s) to {file}.", "", count)
            self._finish(Outcome(True, message.format(file=target), count))

        self.runner.run(lambda: printing.save_pages(self.path, settings.pages, target), saved, self._failed)

    def _send(self, settings: PrintSettings, printer: QPrinter) -> None:
        from shelter_app.services import printing

        def sent(result: printing.Sent) -> None:
            message = translate("PrintRun", "Sent %n page(s) to {printer} (job {job}).", "",
                                result.pages * result.copies).format(printer=result.printer, job=result.job)
            if result.waiting is not None:
                message += " " + result.waiting.pick(self.language)
            self._finish(Outcome(True, message, result.pages, result.job, self._pick(result.notice)))

        def refused(error: BaseException) -> None:
            if isinstance(error, printing.PrintRefused):
                self._raster(settings, printer, self.page_count, error.message(self.language))
            else:
                self._failed(error)

        self.runner.run(lambda: printing.send(self.path, settings, printer_paper=printer_paper(printer)), sent,
                        refused)

    def _raster(self, settings: PrintSettings, printer: QPrinter, page_count: int, why: str | None) -> None:
        from shelter_app.ui.progress import CancellableTask

        numbers = page_numbers(settings.pages, page_count)

        def job(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Rastered:
            return print_as_images(self.path, printer, settings, numbers, progress=progress, cancelled=cancelled)

        def done(result: Rastered) -> None:
            message = translate("PrintRun", "Sent %n page(s) to {printer} as images.", "", result.pages).format(
                printer=result.where)
            if why:
                message = f"{why} {message}"
            self.task = None
            self._finish(Outcome(True, message, result.pages, result.job, self._pick(result.notice)))

        self.task = CancellableTask(self.parent_widget, self.runner, translate("PrintRun", "Print"),
                                    translate("PrintRun", "Printing {file}…").format(file=self.path.name), job, done,
                                    self._failed, show_at_once=True)

    # endings
    def _failed(self, error: BaseException) -> None:
        self.task = None
        if isinstance(error, PrintCancelled):
            self._finish(Outcome(False, translate("PrintRun", "Printing was cancelled; nothing was printed.")))
        elif isinstance(error, UserError):
            self._finish(Outcome(False, error.message(self.language)))
        else:
            self._finish(Outcome(False, ""))
            handle_error(self.parent_widget, error)

    def _finish(self, outcome: Outcome) -> None:
        self.outcome = outcome
        _ACTIVE.discard(self)
        self.finished.emit(outcome)

    def _pick(self, text: Text | None) -> str | None:
        return None if text is None else text.pick(self.language)


_TOLD_NOTICES: set[str] = set()  # paper notices already shown this session


def tell(parent: QWidget, title: str, outcome: Outcome) -> None:
    """The end of a run, said to the user: a problem in a message box; a paper notice once a session."""
    if not outcome.printed:
        if outcome.message:
            QMessageBox.warning(parent, title, outcome.message)
        return
    if outcome.notice and outcome.notice not in _TOLD_NOTICES:
        _TOLD_NOTICES.add(outcome.notice)
        QMessageBox.information(parent, title, f"{outcome.message}\n\n{outcome.notice}")




def print_headless(path: Path, settings: PrintSettings, to_file: str | None) -> tuple[int, str, Text | None]:
    """`shelter-app print --raster`: the raster path without a window (a printer, or a PDF file with `to_file`).
    Returns the pages printed, where they went, and the paper notice."""
    import os

    from PySide6.QtGui import QGuiApplication
    from PySide6.QtPrintSupport import QPrinterInfo

    from shelter_app.services import printing

    if QGuiApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and sys.platform == "linux":
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _keep.append(QGuiApplication([sys.argv[0]]))
    document = printing.open_document(path)
    printing.check_pages(settings.pages, document)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    apply_settings(printer, settings)
    if to_file:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(Path(to_file).resolve()))
        if settings.paper is None and document.paper is not None:  # a file takes the document's own paper
            printer.setPageSize(QPageSize(PAGE_SIZE_IDS[document.paper]))
        where = str(to_file)
    else:
        names = QPrinterInfo.availablePrinterNames()
        name = settings.printer or QPrinterInfo.defaultPrinterName()
        if not name or name not in names:
            raise UserError(f"There is no printer “{name}”." if name else "No printer is set up as the default.",
                            f"No existe la impresora “{name}”." if name else "No hay impresora predeterminada.",
                            field="printer")
        printer.setPrinterName(name)
        if settings.paper is None:  # the printer's own paper, as the dialog would show it
            paper = printing.default_paper(name) if printing.available() else None
            size = QPageSize(PAGE_SIZE_IDS[paper]) if paper else QPrinterInfo.printerInfo(name).defaultPageSize()
            if size.isValid():
                printer.setPageSize(size)
        where = name
    done = print_as_images(path, printer, settings, page_numbers(settings.pages, document.pages))
    return done.pages, done.where or where, done.notice


_keep: list[object] = []  # the application object of a headless run lives as long as the process

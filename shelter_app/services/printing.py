"""Printing a PDF through the print system itself (the vector path), for the preview's Print and `shelter-app print`.

On Linux and macOS the print system is CUPS: the PDF goes to the printer as it is, with `lp` and the options
chosen in the dialog (copies, pages, collation, two-sided, paper, colour), so the text stays text and the job is
about the size of the PDF. Printers and their state come from `lpstat`, read in the C locale. Where there is no
`lp` (Windows), or the print system refuses the PDF (`PrintRefused`), the GUI renders the pages instead
(`shelter_app.ui.printing`, the raster path).

Nothing here is reported as printed that was not accepted by the print system: `send` returns the job the print
system made, and says when that job waits in the queue of a paused printer.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from shelter_app.core.bilingual import Text
from shelter_app.core.errors import UserError
from shelter_app.core.printing import (
    PageSpan,
    Printer,
    PrinterState,
    PrintSettings,
    fit_notice,
    lp_command,
    page_numbers,
    paper_of,
    parse_default_paper,
    parse_job_id,
    parse_printers,
    past_end,
)

_TIMEOUT = 60  # seconds for one call of the print system's commands (a network printer's queue can be slow)


class PrintRefused(UserError):
    """The print system will not take the PDF itself: the pages are to be rendered and sent as images."""


@dataclass(frozen=True)
class Document:
    """What printing needs to know of a PDF: its pages and the paper of its first page."""

    path: Path
    pages: int
    paper: str | None


@dataclass(frozen=True)
class Sent:
    """A job the print system accepted."""

    printer: str
    job: str
    pages: int  # pages of one copy
    copies: int
    notice: Text | None = None  # the paper was not the document's: pages scaled to fit
    waiting: Text | None = None  # the printer is paused: the job waits in its queue


def open_document(path: Path) -> Document:
    """The page count and paper of the PDF at `path`; a clear message when it cannot be read."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its notes on a damaged file are ours to say, once
    if not path.is_file():
        raise UserError(f"There is no file {path}.", f"No existe el archivo {path}.", field="file")
    try:
        reader = PdfReader(path)
        pages = len(reader.pages)
        box = reader.pages[0].mediabox if pages else None
    except (PyPdfError, OSError, ValueError, KeyError, TypeError) as error:
        raise UserError(f"{path.name} cannot be opened as a PDF ({error}).",
                        f"{path.name} no se puede abrir como PDF ({error}).", field="file") from error
    if not pages or box is None:
        raise UserError(f"{path.name} has no pages to print.", f"{path.name} no tiene páginas que imprimir.",
                        field="file")
    rotated = int(reader.pages[0].get("/Rotate", 0) or 0) % 180 == 90
    width, height = float(box.width), float(box.height)
    return Document(path, pages, paper_of(*((height, width) if rotated else (width, height))))


def check_pages(spans: Sequence[PageSpan], document: Document) -> None:
    """Refuse a range past the document's end (a range from the dialog is bounded already; one typed is not)."""
    for span in spans:
        if span.last > document.pages:
            raise past_end(span.last, document.pages, document.path.name)


# ---- the print system ---------------------------------------------------------------------------------------
def available() -> bool:
    """Whether the PDF itself can go to the print system (CUPS's `lp` and `lpstat` on Linux and macOS)."""
    return sys.platform != "win32" and shutil.which("lp") is not None and shutil.which("lpstat") is not None


def _run(argv: list[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}  # the print system's messages are read, not shown as they are
    try:
        return subprocess.run(argv, capture_output=True, text=True, env=env, timeout=_TIMEOUT, check=False)
    except FileNotFoundError as error:
        raise UserError("This computer has no print system to send the PDF to (CUPS's lp is missing).",
                        "Este equipo no tiene un sistema de impresión al cual enviar el PDF (falta lp de CUPS)."
                        ) from error
    except subprocess.TimeoutExpired as error:
        raise UserError(f"The print system did not answer within {_TIMEOUT} seconds; nothing was printed.",
                        f"El sistema de impresión no respondió en {_TIMEOUT} segundos; no se imprimió nada."
                        ) from error


def _not_running(output: str) -> bool:
    lowered = output.lower()
    return "scheduler" in lowered and ("not running" in lowered or "not responding" in lowered)


_NOT_RUNNING = ("The print system (CUPS) is not running: start it, or ask whoever looks after this computer.",
                "El sistema de impresión (CUPS) no está en marcha: inícielo, o pida ayuda a quien administra este "
                "equipo.")


def printers(*, with_paper: bool = False) -> list[Printer]:
    """The printers the print system has, with their state (and their default paper, one more question to the
    print system per printer); [] when it has none."""
    listed = _run(["lpstat", "-d", "-p", "-a"])  # one answer: the default, each printer's state, who takes jobs
    if _not_running(listed.stderr + listed.stdout):
        raise UserError(*_NOT_RUNNING)
    found = parse_printers(listed.stdout, listed.stdout, listed.stdout)  # [] for "No destinations added."
    return [replace(printer, paper=default_paper(printer.name)) for printer in found] if with_paper else found


def default_paper(name: str) -> str | None:
    """The printer's default paper ("letter", "a4"), where the print system tells it."""
    for argv in (["lpoptions", "-p", name, "-l"], ["lpoptions", "-p", name]):
        answer = _run(argv)
        paper = parse_default_paper(answer.stdout) if answer.returncode == 0 else None
        if paper is not None:
            return paper
    return None


def find_printer(name: str | None) -> Printer:
    """The printer called `name`, or the default printer; a message that says what to do when there is none."""
    known = printers()
    if not known:
        raise UserError("No printer is set up on this computer. Add one in the system's printer settings.",
                        "No hay impresoras configuradas en este equipo. Agregue una en la configuración de "
                        "impresoras del sistema.", field="printer")
    if name is None:
        chosen = next((printer for printer in known if printer.default), None)
        if chosen is None:
            raise UserError("No printer is chosen as the default: name one (shelter-app print --list shows "
                            "them).",
                            "No hay impresora predeterminada: indique una (shelter-app print --list las "
                            "muestra).", field="printer")
        return chosen
    for printer in known:
        if printer.name == name:
            return printer
    names = ", ".join(printer.name for printer in known)
    raise UserError(f"There is no printer “{name}”. The printers are: {names}.",
                    f"No existe la impresora “{name}”. Las impresoras son: {names}.", field="printer")


def send(path: Path, settings: PrintSettings, *, printer_paper: str | None = None) -> Sent:
    """Print the PDF at `path` as it is (vector) with `settings`; the job the print system made.

    `printer_paper` is the paper the dialog shows for the printer (else the printer's default, where known): a
    document on another paper is scaled to fit and the notice says so. Raises `PrintRefused` when the print system
    will not take a PDF, a `UserError` for anything else that stops the job (nothing was printed then).
    """
    document = open_document(path)
    check_pages(settings.pages, document)
    printer = find_printer(settings.printer)
    if not printer.accepting:
        raise UserError(f"The printer “{printer.name}” is not taking jobs ({printer.reason or 'no reason given'}); "
                        "nothing was printed.",
                        f"La impresora “{printer.name}” no está aceptando trabajos "
                        f"({printer.reason or 'sin motivo indicado'}); no se imprimió nada.", field="printer")
    paper = settings.paper or printer_paper or default_paper(printer.name)
    fit = document.paper is None or paper is None or document.paper != paper
    argv = lp_command(str(path.resolve()), replace(settings, printer=printer.name), fit=fit)
    answer = _run(argv)
    said = (answer.stderr + answer.stdout).strip()
    if answer.returncode != 0:
        raise _refusal(said, printer.name)
    job = parse_job_id(answer.stdout)
    if job is None:
        raise UserError(f"The print system did not confirm a job ({said}); check the printer's queue.",
                        f"El sistema de impresión no confirmó el trabajo ({said}); revise la cola de la impresora.")
    waiting = None
    if printer.state is PrinterState.PAUSED:
        reason = f" ({printer.reason})" if printer.reason else ""
        waiting = Text(f"The printer is paused{reason}: the job waits in its queue until the printer is resumed.",
                       f"La impresora está en pausa{reason}: el trabajo espera en su cola hasta que se reanude.")
    return Sent(printer.name, job, len(page_numbers(settings.pages, document.pages)), settings.copies,
                fit_notice(document.paper, paper), waiting)


def _refusal(said: str, printer: str) -> UserError:
    lowered = said.lower()
    if "document-format" in lowered or "unsupported format" in lowered:
        return PrintRefused(f"The printer “{printer}” does not take PDF documents ({said}).",
                            f"La impresora “{printer}” no acepta documentos PDF ({said}).", field="printer")
    if "not accepting" in lowered:
        return UserError(f"The printer “{printer}” is not taking jobs; nothing was printed.",
                         f"La impresora “{printer}” no está aceptando trabajos; no se imprimió nada.", field="printer")
    if "does not exist" in lowered or "not found" in lowered:
        return UserError(f"The printer “{printer}” is gone from the print system; nothing was printed.",
                         f"La impresora “{printer}” ya no está en el sistema de impresión; no se imprimió nada.",
                         field="printer")
    if _not_running(said):
        return UserError(*_NOT_RUNNING)
    return UserError(f"The print system refused the job: {said}", f"El sistema de impresión rechazó el trabajo: {said}")


def cancel(job: str) -> None:
    """Take a job out of the print system's queue."""
    answer = _run(["cancel", job])
    if answer.returncode != 0:
        said = (answer.stderr + answer.stdout).strip()
        raise UserError(f"The job {job} could not be cancelled: {said}",
                        f"No se pudo cancelar el trabajo {job}: {said}")


# ---- print to a file --------------------------------------------------------------------------------------------
def save_pages(path: Path, spans: Sequence[PageSpan], target: Path) -> int:
    """Write the chosen pages of the PDF at `path` to `target` as a PDF (the dialog's "Print to file"): the pages
    themselves, not pictures of them. Written beside and renamed, so a failure leaves no half file. Returns the
    number of pages written."""
    from pypdf import PdfReader, PdfWriter

    document = open_document(path)
    check_pages(spans, document)
    numbers = page_numbers(spans, document.pages)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        reader, writer = PdfReader(path), PdfWriter()
        for number in numbers:
            writer.add_page(reader.pages[number - 1])
        with os.fdopen(handle, "wb") as out:
            writer.write(out)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return len(numbers)

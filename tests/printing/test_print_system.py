"""The vector path on a real print system: the PDF itself reaches the printer with the dialog's options.

Every test prints to a PDF virtual printer of the private CUPS server and reads what its device received.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from shelter_app.core.errors import UserError
from shelter_app.core.printing import PageSpan, PrinterState, PrintSettings, parse_pages
from shelter_app.services import printing
from tests.printing.conftest import PAGES, VirtualPrinter, page_count, page_marker, page_size, page_texts


def test_the_whole_document_arrives_as_text_at_about_its_own_size(document: Path,
                                                                   letter_printer: VirtualPrinter) -> None:
    sent = printing.send(document, PrintSettings(printer=letter_printer.name, title="sample"))
    assert sent.printer == letter_printer.name and sent.job.startswith(letter_printer.name)
    assert (sent.pages, sent.copies, sent.notice, sent.waiting) == (PAGES, 1, None, None)
    out = letter_printer.printed()
    assert page_count(out) == PAGES
    assert page_size(out) == (612, 792)
    texts = page_texts(out)
    assert [page_marker(n) in text for n, text in enumerate(texts, 1)] == [True] * PAGES  # vector: text stays text
    assert out.stat().st_size <= 2 * document.stat().st_size + 20_000


def test_page_range_copies_and_collation_are_honoured(document: Path, letter_printer: VirtualPrinter) -> None:
    settings = PrintSettings(pages=parse_pages("2-3,5", PAGES), copies=2, collate=True)  # the default printer
    sent = printing.send(document, settings)
    assert (sent.printer, sent.pages, sent.copies) == (letter_printer.name, 3, 2)
    texts = page_texts(letter_printer.printed())
    markers = [next(n for n in range(1, PAGES + 1) if page_marker(n) in text) for text in texts]
    assert markers == [2, 3, 5, 2, 3, 5]


def test_uncollated_copies_repeat_each_page(document: Path, letter_printer: VirtualPrinter) -> None:
    printing.send(document, PrintSettings(printer=letter_printer.name, pages=(PageSpan(1, 2),), copies=2,
                                          collate=False))
    texts = page_texts(letter_printer.printed())
    assert [next(n for n in (1, 2) if page_marker(n) in text) for text in texts] == [1, 1, 2, 2]


def test_a_letter_document_on_an_a4_printer_is_scaled_to_fit_and_the_user_told(
        document: Path, a4_printer: VirtualPrinter) -> None:
    sent = printing.send(document, PrintSettings(printer=a4_printer.name))
    assert sent.notice is not None
    assert sent.notice.en == "The Letter pages are scaled to fit A4 paper, so no text is cut."
    assert sent.notice.es == "Las páginas tamaño carta se ajustan al papel A4, sin cortar texto."
    out = a4_printer.printed()
    assert page_size(out) == (595, 842)
    texts = page_texts(out)
    assert all("Bottom line of the page" in text and "Marker of page" in text for text in texts)  # nothing cut


def test_paper_chosen_in_the_dialog_wins_over_the_printers_default(document: Path,
                                                                   a4_printer: VirtualPrinter) -> None:
    sent = printing.send(document, PrintSettings(printer=a4_printer.name, paper="letter"))
    assert sent.notice is None
    assert page_size(a4_printer.printed()) == (612, 792)


def test_printers_are_listed_with_their_state(letter_printer: VirtualPrinter, a4_printer: VirtualPrinter) -> None:
    found = {printer.name: printer for printer in printing.printers()}
    assert found[letter_printer.name].default and not found[a4_printer.name].default
    assert found[a4_printer.name].state is PrinterState.IDLE and found[a4_printer.name].ready
    assert printing.default_paper(a4_printer.name) == "a4"
    assert printing.default_paper(letter_printer.name) == "letter"


def test_a_paused_printer_keeps_the_job_and_says_so(document: Path, a4_printer: VirtualPrinter) -> None:
    a4_printer.server.run("cupsdisable", "-r", "paper jam", a4_printer.name)
    sent = printing.send(document, PrintSettings(printer=a4_printer.name))
    assert sent.waiting is not None and "paper jam" in sent.waiting.en and "en pausa" in sent.waiting.es
    assert a4_printer.server.pending(a4_printer.name) == [sent.job]
    printing.cancel(sent.job)
    assert a4_printer.server.pending(a4_printer.name) == []
    assert a4_printer.output.read_bytes() == b""  # nothing was printed


def test_a_printer_that_refuses_jobs_gets_a_clear_message_and_no_job(document: Path,
                                                                      a4_printer: VirtualPrinter) -> None:
    a4_printer.server.run("cupsreject", "-r", "closed for maintenance", a4_printer.name)
    with pytest.raises(UserError) as caught:
        printing.send(document, PrintSettings(printer=a4_printer.name))
    assert "is not taking jobs (closed for maintenance); nothing was printed" in caught.value.en
    assert "no está aceptando trabajos" in caught.value.es
    assert a4_printer.server.pending(a4_printer.name) == []
    assert a4_printer.server.completed(a4_printer.name) == []


def test_an_unknown_printer_lists_the_real_ones(document: Path, letter_printer: VirtualPrinter) -> None:
    with pytest.raises(UserError) as caught:
        printing.send(document, PrintSettings(printer="Nowhere"))
    assert caught.value.en.startswith("There is no printer “Nowhere”. The printers are:")
    assert letter_printer.name in caught.value.en


def test_a_printer_removed_after_it_was_listed_is_reported(document: Path, cups_server: object,
                                                            a4_printer: VirtualPrinter) -> None:
    printers = printing.printers()
    a4_printer.server.remove_printer(a4_printer.name)
    with pytest.raises(UserError) as caught:
        printing.send(document, PrintSettings(printer=a4_printer.name))
    assert "no printer" in caught.value.en.lower() or "gone" in caught.value.en
    assert printers


def test_no_printer_at_all(document: Path, cups_server: object) -> None:
    assert printing.printers() == []
    with pytest.raises(UserError) as caught:
        printing.send(document, PrintSettings())
    assert caught.value.en == "No printer is set up on this computer. Add one in the system's printer settings."


def test_a_page_range_past_the_end_and_a_damaged_pdf_are_refused_before_printing(
        tmp_path: Path, document: Path, letter_printer: VirtualPrinter) -> None:
    with pytest.raises(UserError, match=r"Page 9 is past the end of sample\.pdf, whose last page is 6"):
        printing.send(document, PrintSettings(pages=(PageSpan(5, 9),)))
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(document.read_bytes()[:300])
    with pytest.raises(UserError, match=r"damaged\.pdf cannot be opened as a PDF"):
        printing.send(damaged, PrintSettings())
    with pytest.raises(UserError, match="There is no file"):
        printing.send(tmp_path / "gone.pdf", PrintSettings())
    assert letter_printer.server.completed(letter_printer.name) == []


def test_the_print_system_stopped(document: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "no-server.sock"))
    with pytest.raises(UserError, match=r"The print system \(CUPS\) is not running"):
        printing.send(document, PrintSettings())


def test_print_to_file_keeps_the_chosen_pages_as_text(document: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "chosen.pdf"
    assert printing.save_pages(document, parse_pages("4-", PAGES), target) == 3
    texts = page_texts(target)
    assert [page_marker(n) in text for n, text in zip((4, 5, 6), texts, strict=True)] == [True] * 3
    assert [p.name for p in target.parent.iterdir()] == ["chosen.pdf"]  # no temporary left beside it

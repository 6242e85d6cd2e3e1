"""`shelter-app print`, as a user types it: the installed console script in a fresh process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.printing.conftest import PAGES, VirtualPrinter, page_count, page_marker, page_size, page_texts


def shelter_app(*args: str) -> subprocess.CompletedProcess[str]:
    script = shutil.which("shelter-app", path=str(Path(sys.executable).parent))
    assert script is not None, "the console script is installed with the package"
    return subprocess.run([script, *args], capture_output=True, text=True, env=os.environ.copy(), timeout=120,
                          check=False)


def test_list_shows_the_printers_and_their_state(letter_printer: VirtualPrinter, a4_printer: VirtualPrinter) -> None:
    a4_printer.server.run("cupsdisable", "-r", "paper jam", a4_printer.name)
    done = shelter_app("print", "--list")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert f"{letter_printer.name}  (default)  ready  [Letter]" in lines
    assert f"{a4_printer.name}  paused  — paper jam  [A4]" in lines
    spanish = shelter_app("--lang", "es_MX", "print", "--list")
    assert f"{letter_printer.name}  (predeterminada)  lista  [carta]" in spanish.stdout.splitlines()


def test_print_pages_and_copies_to_a_named_printer(document: Path, a4_printer: VirtualPrinter) -> None:
    done = shelter_app("print", str(document), "--printer", a4_printer.name, "--pages", "2-3", "--copies", "2")
    assert done.returncode == 0, done.stderr
    first, notice = done.stdout.splitlines()
    assert first.startswith(f"Sent 4 pages to {a4_printer.name} (job {a4_printer.name}-")
    assert notice == "The Letter pages are scaled to fit A4 paper, so no text is cut."
    out = a4_printer.printed()
    assert page_size(out) == (595, 842)
    assert [page_marker(n) in t for n, t in zip((2, 3, 2, 3), page_texts(out), strict=True)] == [True] * 4


def test_raster_to_a_file_and_to_a_printer(document: Path, tmp_path: Path, letter_printer: VirtualPrinter) -> None:
    target = tmp_path / "images.pdf"
    done = shelter_app("print", str(document), "--raster", "--to", str(target), "--pages", "1")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"Sent 1 page to {target} as images."]
    assert page_count(target) == 1 and page_size(target) == (612, 792)
    done = shelter_app("print", str(document), "--raster", "--draft")  # the default printer
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"Sent {PAGES} pages to {letter_printer.name} as images."]
    assert page_count(letter_printer.printed()) == PAGES


def test_print_to_a_file_keeps_the_text(document: Path, tmp_path: Path) -> None:
    done = shelter_app("--lang", "es_MX", "print", str(document), "--to", str(tmp_path / "copia.pdf"), "--pages",
                       "6")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Se guardó 1 página en {tmp_path / 'copia.pdf'}."
    assert page_marker(6) in page_texts(tmp_path / "copia.pdf")[0]


@pytest.mark.parametrize(("args", "message"), [
    (["--pages", "3-40"], "Page 40 is past the end of the document, whose last page is 6."),
    (["--printer", "Nowhere"], "There is no printer “Nowhere”."),
    (["--copies", "0"], "Copies go from 1 to 999; 0 was asked."),
])
def test_bad_input_exits_2_with_the_reason(document: Path, letter_printer: VirtualPrinter, args: list[str],
                                           message: str) -> None:
    done = shelter_app("print", str(document), *args)
    assert done.returncode == 2 and done.stderr.startswith(message), done.stderr
    assert "Traceback" not in done.stderr
    assert letter_printer.server.completed(letter_printer.name) == []


def test_a_file_that_is_not_a_pdf(tmp_path: Path, cups_server: object) -> None:
    fake = tmp_path / "notes.pdf"
    fake.write_text("not a pdf")
    done = shelter_app("print", str(fake))
    assert done.returncode == 2 and done.stderr.startswith("notes.pdf cannot be opened as a PDF")

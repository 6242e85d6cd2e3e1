"""A sample document and a fresh PDF virtual printer per test, on the private print server (tests/support)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.cupsserver import CupsServer
from tests.support.pdf_layout import pages

PAGES = 6


def page_marker(number: int) -> str:
    return f"Marker of page {number}"


def make_document(path: Path, pages: int = PAGES, size: tuple[float, float] = (612.0, 792.0)) -> Path:
    """A Letter PDF whose page N says "Marker of page N", in vector text."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=size)
    for number in range(1, pages + 1):
        canvas.setFont("Helvetica", 14)
        canvas.drawString(72, size[1] - 90, page_marker(number))
        canvas.drawString(72, 72, "Bottom line of the page, inside the margin")
        canvas.showPage()
    canvas.save()
    return path


def page_count(pdf: Path) -> int:
    return len(pages(pdf))


def page_size(pdf: Path) -> tuple[int, int]:
    """The first page's size in points, as the printer's paper."""
    first = pages(pdf)[0]
    return round(first.width), round(first.height)


def page_texts(pdf: Path) -> list[str]:
    """The text of each page (empty for a page that is only pictures)."""
    return [" ".join(row.text for row in page.rows) for page in pages(pdf)]


@pytest.fixture
def document(tmp_path: Path) -> Path:
    return make_document(tmp_path / "sample.pdf")


@dataclass
class VirtualPrinter:
    server: CupsServer
    name: str
    output: Path

    def printed(self) -> Path:
        """The file the printer's device received, once its queue is empty."""
        self.server.wait_done(self.name, self.output)
        return self.output


def _printer(server: CupsServer, paper: str, default: bool = False) -> Iterator[VirtualPrinter]:
    name, output = server.add_printer(paper, default=default)
    try:
        yield VirtualPrinter(server, name, output)
    finally:
        server.remove_printer(name)


@pytest.fixture
def letter_printer(cups_server: CupsServer) -> Iterator[VirtualPrinter]:
    """A PDF printer with Letter paper, the system's default printer."""
    yield from _printer(cups_server, "Letter", default=True)


@pytest.fixture
def a4_printer(cups_server: CupsServer) -> Iterator[VirtualPrinter]:
    yield from _printer(cups_server, "A4")

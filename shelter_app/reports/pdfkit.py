"""What every ShelterDesk PDF shares: page sizes, colours, safe markup, our font in tables and
drawings, and a canvas that can print "page X of Y".

Extracted from the checklist report so the business case prints the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import TableStyle

from shelter_app.reports.fonts import REGULAR

PAGE_SIZES: dict[str, tuple[float, float]] = {"letter": LETTER, "a4": A4}

# Colours never carry meaning alone: every mark has its symbol and word, so a report printed in
# black and white reads the same.
INK = colors.HexColor("#212121")
MUTED = colors.HexColor("#616161")
RULE = colors.HexColor("#BDBDBD")
HEADER_BG = colors.HexColor("#37474F")
HEADER_SECOND = colors.HexColor("#CFD8DC")
ZEBRA = colors.HexColor("#F5F5F5")
AMBER_TEXT = colors.HexColor("#9A5B00")
AMBER_BG = colors.HexColor("#FFF1C9")
AMBER_BAR = colors.HexColor("#F2A900")
RED = colors.HexColor("#C62828")
CRITICAL = colors.HexColor("#5E35B1")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def markup(text: str) -> str:
    """User text made safe for a Paragraph: XML escaped, control characters dropped, newlines kept."""
    cleaned = _CONTROL.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    return escape(cleaned).replace("\n", "<br/>")


def hex_color(color: colors.Color) -> str:
    return "#" + color.hexval()[2:]


def table_style(commands: Sequence[tuple[Any, ...]]) -> TableStyle:
    """Table commands, starting from our font: a table sets its cell font (Helvetica by default)
    before drawing each cell, which would put a non-embedded font in the PDF."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *commands])


def drawing(width: float, height: float) -> Drawing:
    """A drawing that starts in our font: the renderer otherwise selects Helvetica, a font that
    is not embedded, even when the drawing holds no text."""
    return Drawing(width, height, initialFontName=REGULAR)


def rect(x: float, y: float, width: float, height: float, *, fill: colors.Color | None,
         stroke: colors.Color | None = None, stroke_width: float = 0.4) -> Rect:
    """A rectangle with its colours set as attributes: the typeshed stubs of reportlab (5.0) declare
    Rect's keyword arguments without `Unpack`, so `Rect(..., fillColor=...)` fails type checking."""
    shape = Rect(x, y, width, height)
    shape.fillColor = fill
    shape.strokeColor = stroke
    shape.strokeWidth = stroke_width
    return shape


def fit(text: str, font: str, size: float, width: float) -> str:
    """Cut `text` with an ellipsis so it fits `width` points on one line."""
    if stringWidth(text, font, size) <= width:
        return text
    text = text[: int(width / (size * 0.25))]  # a first cut: visible glyphs are at least a quarter em wide
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def numbered_canvas(draw_page_number: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas that keeps every page until the end, so each can print "page X of Y".

    reportlab has no page-count placeholder; this is its long-standing recipe (pages are held
    in memory, which is small for reports of tens of pages). `draw_page_number(canvas, page,
    total)` runs on every page at save time, after its content, and may draw anything that
    needs the final page numbers.
    """

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held_pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # reportlab's own page reset, absent from the stubs

        def save(self) -> None:
            total = len(self._held_pages)
            for state in self._held_pages:
                self.__dict__.update(state)
                draw_page_number(self, self.getPageNumber(), total)
                super().showPage()
            super().save()

    return NumberedCanvas

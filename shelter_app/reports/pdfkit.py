"""What every ShelterDesk PDF shares: page sizes, colours, safe markup, our font in tables and
drawings, and the page plumbing.

The plumbing is one mechanism for the business case, the checklist report and the forms:
`write_pdf(path, story, setup, running, info, ...)` lays a story out in one frame per page
(`PageSetup`), prints the running header (not on the first page), the footer and "page X of Y"
(`Running`, on a canvas that keeps every page until the total is known), records the pages of
`Heading`s for a `Contents` list and the PDF outline, reports progress, honours a cancel after
every flowable, and writes the file beside the target, renamed over it only when all went well.

One layout rule holds in all of them: a heading never stays alone at the foot of a page, and never
takes more than it must to the next page. A heading (any flowable marked keep-with-next, with the
spacers after it) is kept with the start of what follows it: the first lines of a paragraph, the
header and first rows of a table, all of anything that cannot split. When that start does not fit
below the heading, heading and start move to the next page together; the rest flows and splits
across pages as usual (long tables repeat their header row). A `KeepTogether` is left for small
blocks, such as a chart with its caption.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    ActionFlowable,
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    Indenter,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from shelter_app.core.business_report import DocumentCancelled
from shelter_app.reports import replacing
from shelter_app.reports.fonts import BOLD, REGULAR

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


# ---- headings and the contents ----------------------------------------------------------------------------

LEAD_LINES = 2  # lines of a paragraph kept with the heading above it (a paragraph of three lines or less: all)
LEAD_ROWS = 2  # rows of a table kept with the heading above it, besides its header (a table of a few more: all)

F = TypeVar("F", bound=Flowable)


def keep_with_next(flowable: F) -> F:
    """`flowable`, marked to stay with the start of what follows it, as a heading does."""
    flowable.keepWithNext = 1
    return flowable


class Heading(Paragraph):
    """A title, kept with the start of what follows it. With a `bookmark` (key, title, level) the document
    records the page it lands on, for a `Contents` list and the PDF outline."""

    def __init__(self, text: str, style: ParagraphStyle, bookmark: tuple[str, str, int] | None = None) -> None:
        super().__init__(text, style)
        self.keepWithNext = 1
        self.bookmark = bookmark


@dataclass
class Marks:
    """What the single layout pass learns about the headings, drawn on the pages when they are saved."""

    heading_pages: dict[str, int] = field(default_factory=dict)
    outline: list[tuple[str, str, int, int]] = field(default_factory=list)  # key, title, level, page
    contents: list[tuple[str, int, float, float, float]] = field(default_factory=list)  # key, page, x_right, y, x_left


class Contents(Flowable):
    """A contents list: titles and dot leaders now; page numbers and links when the pages are saved."""

    def __init__(self, entries: Sequence[tuple[str, str]], marks: Marks, width: float) -> None:
        super().__init__()
        self.entries, self.marks, self.avail = list(entries), marks, width
        self.leading = 17.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.avail, self.leading * len(self.entries)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        rows = int(available_height // self.leading)
        if rows <= 0 or rows >= len(self.entries):
            return []
        return [Contents(self.entries[:rows], self.marks, self.avail),
                Contents(self.entries[rows:], self.marks, self.avail)]

    def draw(self) -> None:
        canvas = self.canv
        page = canvas.getPageNumber()
        number_w = 30.0
        for n, (key, title) in enumerate(self.entries):
            y = self.leading * (len(self.entries) - n - 1) + 4
            text = fit(title, REGULAR, 10, self.avail - number_w - 20)
            canvas.setFont(REGULAR, 10)
            canvas.setFillColor(INK)
            canvas.drawString(0, y, text)
            start = stringWidth(text, REGULAR, 10) + 4
            canvas.setFillColor(RULE)
            dots = int((self.avail - number_w - start) / 4)
            canvas.drawString(start, y, " ." * (dots // 2))
            x_right, y_abs = canvas.absolutePosition(self.avail, y)
            x_left, _ = canvas.absolutePosition(0, y)
            self.marks.contents.append((key, page, x_right, y_abs, x_left))


# ---- the layout rule: a heading stays with the start of what follows it ------------------------------------


def _keeps_with_next(flowable: Flowable) -> bool:
    return bool(flowable.getKeepWithNext())  # type: ignore[no-untyped-call]  # untyped in the stubs


def _is_glue(flowable: Flowable) -> bool:
    """Space between a heading and its content, carried along with the heading."""
    return type(flowable) is Spacer or isinstance(flowable, Indenter)


def _lead_height(flowable: Flowable, canvas: Canvas, width: float) -> float:
    """The height of the start of `flowable` that stays with a heading above it."""
    _, height = flowable.wrapOn(canvas, width, 0xFFFFFF)
    if isinstance(flowable, KeepTogether):  # all of it (its wrap answers a huge height to be split)
        height = float(getattr(flowable, "_H", height))
    elif isinstance(flowable, Paragraph):
        lines = len(getattr(getattr(flowable, "blPara", None), "lines", ()) or ())
        if lines > LEAD_LINES + 1:
            height = height * LEAD_LINES / lines
    elif isinstance(flowable, Table):
        rows: list[float] = list(getattr(flowable, "_rowHeights", None) or [])
        repeat = flowable.repeatRows
        keep = (repeat if isinstance(repeat, int) else len(repeat)) + LEAD_ROWS
        if len(rows) > keep + 2:
            height = sum(rows[:keep])
    return height + flowable.getSpaceBefore()


class _HeadingGroup(Flowable):
    """Headings (with the spacers after them) and the flowable they head, made by `DocTemplate` from the story.

    Never drawn whole: when the headings and the start of their content fit where the frame is, the group
    hands out its parts to be laid out one by one (so the content splits across pages as usual); when
    they do not, it moves them to the next frame first. At the top of a frame it never moves anything.
    """

    def __init__(self, heads: list[Flowable], follower: Flowable) -> None:
        super().__init__()
        self.heads, self.follower = heads, follower
        self.need = 0.0

    def _measure(self, width: float) -> float:
        need = 0.0
        for flowable in self.heads:
            if isinstance(flowable, Indenter):
                width -= float(getattr(flowable, "left", 0)) + float(getattr(flowable, "right", 0))
                continue
            _, height = flowable.wrapOn(self.canv, width, 0xFFFFFF)
            need += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
        return need + _lead_height(self.follower, self.canv, width)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.need = self._measure(available_width)
        return available_width, 0xFFFFFF  # too tall to be placed whole: the frame asks for a split

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        if not self.need:
            self.need = self._measure(available_width)
        content = [*self.heads, self.follower]
        frame = getattr(self, "_frame", None)
        at_top = frame is None or bool(getattr(frame, "_atTop", 0))
        if self.need > available_height and not at_top:
            return [FrameBreak(), *content]
        return content


class DocTemplate(BaseDocTemplate):
    """One page frame per page; keeps headings with the start of what follows them; records the pages of
    bookmarked `Heading`s in `marks`; after each flowable laid out, honours a cancel and reports progress
    (`progress(flowables_done, page)` every `every` flowables)."""

    def __init__(self, filename: str, *, marks: Marks, progress: Callable[[int, int], None] | None,
                 every: int, cancel: Callable[[], bool] | None, **kw: Any) -> None:
        super().__init__(filename, **kw)
        self.marks, self.progress_cb, self.every, self.cancel_cb = marks, progress, max(every, 1), cancel
        self.done = 0

    def handle_keepWithNext(self, flowables: list[Flowable]) -> None:
        """Instead of reportlab's rule (a heading kept with all of the next flowable, a whole table moved to
        the next page with it), a heading is kept with the start of the next flowable."""
        if not _keeps_with_next(flowables[0]):
            return
        n = 0
        while n < len(flowables) and (_keeps_with_next(flowables[n]) or _is_glue(flowables[n])):
            n += 1
        for flowable in flowables[:n]:
            flowable.__dict__["keepWithNext"] = 0  # laid out one by one from now on, never grouped again
        if n == len(flowables) or isinstance(flowables[n], ActionFlowable):  # nothing to stay with
            return
        group = _HeadingGroup(flowables[:n], flowables[n])
        del flowables[: n + 1]
        flowables.insert(0, group)

    def afterFlowable(self, flowable: Flowable) -> None:
        bookmark = getattr(flowable, "bookmark", None)
        if isinstance(flowable, Heading) and bookmark is not None:
            key, title, level = bookmark
            self.marks.heading_pages.setdefault(key, self.page)
            self.marks.outline.append((key, title, level, self.page))
        self.done += 1
        if self.cancel_cb is not None and self.cancel_cb():
            raise DocumentCancelled()
        if self.progress_cb is not None and self.done % self.every == 0:
            self.progress_cb(self.done, self.page)


# ---- pages: the frame, the running header and footer, the file ---------------------------------------------


@dataclass(frozen=True)
class PageSetup:
    """The paper and the margins of the body's frame (points)."""

    paper: tuple[float, float]
    side: float
    top: float
    bottom: float

    @property
    def width(self) -> float:
        return self.paper[0] - 2 * self.side

    @property
    def height(self) -> float:
        return self.paper[1] - self.top - self.bottom


@dataclass(frozen=True)
class Running:
    """What a document prints around the body of its pages, in its own words and sizes.

    The header (from the second page on) is a line of small text above the body, with a rule under it;
    `header_right` (when given) sits at its right and the left text gets 72 % of the width. The footer is
    a rule, an optional block of text under it (`note`, e.g. the checklist's facts-as-of dates), and a line
    with `footer` at the left and "page X of Y" (`page_of(page, total)`) at the right.
    """

    header: str
    page_of: Callable[[int, int], str]
    header_right: str = ""
    header_above: float = 6 * mm  # the header's baseline above the top of the body
    footer: str = ""
    footer_share: float = 0.7  # of the width, for the footer text
    footer_y: float = 10 * mm  # the footer line's baseline above the paper's bottom edge
    footer_size: float = 7.0
    page_size: float = 7.5  # "page X of Y", bold
    rule_gap: float = 9.0  # from the footer line's baseline up to the footer rule (to the note, when there is one)
    note: Flowable | None = None  # drawn under the footer rule, wrapped by the caller to the body's width
    note_height: float = 0.0


@dataclass(frozen=True)
class DocInfo:
    """The PDF's document properties."""

    title: str
    author: str
    subject: str
    creator: str
    language: str  # "es" or anything else, for English
    keywords: Sequence[str] = ()


def _decorate(canvas: Canvas, setup: PageSetup, running: Running, *, header: bool) -> None:
    width = setup.width
    canvas.saveState()
    canvas.setFont(REGULAR, 7)
    canvas.setFillColor(MUTED)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    if header:
        y = setup.paper[1] - setup.top + running.header_above
        share = 0.72 if running.header_right else 1.0
        canvas.drawString(setup.side, y, fit(running.header, REGULAR, 7, width * share))
        if running.header_right:
            canvas.drawRightString(setup.side + width, y, fit(running.header_right, REGULAR, 7, width * 0.26))
        canvas.line(setup.side, y - 3, setup.side + width, y - 3)
    rule_y = running.footer_y + running.rule_gap + running.note_height
    canvas.line(setup.side, rule_y, setup.side + width, rule_y)
    if running.note is not None:
        running.note.drawOn(canvas, setup.side, rule_y - 2 - running.note_height)
    canvas.setFont(REGULAR, running.footer_size)
    canvas.drawString(setup.side, running.footer_y,
                      fit(running.footer, REGULAR, running.footer_size, width * running.footer_share))
    canvas.restoreState()


def write_pdf(
    path: Path,
    story: list[Flowable],
    setup: PageSetup,
    running: Running,
    info: DocInfo,
    *,
    marks: Marks | None = None,
    progress: Callable[[int, int], None] | None = None,
    every: int = 8,
    cancel: Callable[[], bool] | None = None,
) -> None:
    """Lay `story` out on pages and write the PDF to `path`, all or nothing.

    The first page has no running header; `marks` receives the pages of the bookmarked headings, which
    become the PDF outline and the page numbers of a `Contents` list. `progress(flowables_done, page)` is
    called every `every` flowables; when `cancel()` turns true (after any flowable, or once all are laid
    out) the build stops with `DocumentCancelled` and nothing is written.
    """
    marks = marks if marks is not None else Marks()
    width = setup.width

    def finish_page(canvas: Canvas, page: int, total: int) -> None:
        canvas.saveState()
        canvas.setFont(BOLD, running.page_size)
        canvas.setFillColor(INK)
        canvas.drawRightString(setup.side + width, running.footer_y, running.page_of(page, total))
        for key, title, level, on_page in marks.outline:
            if on_page == page:
                canvas.bookmarkPage(key)
                canvas.addOutlineEntry(title, key, level, closed=level > 0)
        canvas.setFont(REGULAR, 10)
        for key, on_page, x_right, y, x_left in marks.contents:
            if on_page == page and key in marks.heading_pages:
                canvas.drawRightString(x_right, y, str(marks.heading_pages[key]))
                canvas.linkRect("", key, (x_left, y - 3, x_right, y + 10), relative=0, thickness=0)
        canvas.restoreState()

    with replacing(Path(path)) as tmp:
        doc = DocTemplate(
            str(tmp),
            marks=marks,
            progress=progress,
            every=every,
            cancel=cancel,
            pagesize=setup.paper,
            leftMargin=setup.side,
            rightMargin=setup.side,
            topMargin=setup.top,
            bottomMargin=setup.bottom,
            title=info.title,
            author=info.author,
            subject=info.subject,
            creator=info.creator,
            keywords=list(info.keywords),
            lang="es-MX" if info.language == "es" else "en-US",
            # The canvas selects this font at the start of every page; reportlab's default, Helvetica,
            # would put a font that is not embedded into the PDF although no text uses it.
            initialFontName=REGULAR,
        )
        frame = Frame(setup.side, setup.bottom, width, setup.height,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        doc.addPageTemplates([
            PageTemplate("first", [frame], onPage=lambda canvas, _doc: _decorate(canvas, setup, running, header=False),
                         autoNextPageTemplate="later"),
            PageTemplate("later", [frame], onPage=lambda canvas, _doc: _decorate(canvas, setup, running, header=True)),
        ])
        doc.build(story, canvasmaker=numbered_canvas(finish_page))
        if cancel is not None and cancel():  # a cancel during the last page still writes nothing
            raise DocumentCancelled()

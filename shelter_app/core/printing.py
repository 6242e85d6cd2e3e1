"""Printing without a printer: page ranges, paper, the raster resolution and the print system's words.

Every document the app makes (business cases, checklist reports, blank and filled forms) is printed the
same way, from the preview's Print or from `shelter-app print`; the rules that decide what reaches the
printer live here, pure, so the dialog, the command line and the tests apply the same ones:

- which pages: `parse_pages` reads "2-5,7" against the document's page count, with a message that
  says what is wrong;
- which paper: `paper_of` names a page size, and `fit_notice` says once when a Letter document goes
  onto A4 paper (or the reverse) and is scaled to fit rather than cut;
- the vector path: `lp_command` is the print system's own command line (CUPS `lp`) for the PDF itself,
  with the options chosen in the dialog, so the text stays text;
- the raster path (Windows, or a print system that refuses the PDF): `raster_dpi` caps the resolution
  at what a printer needs, so a page never becomes a 540 MB image.
"""

from __future__ import annotations

import enum
import re
import shlex
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from shelter_app.core.bilingual import Text
from shelter_app.core.errors import UserError

# Page sizes in PDF points (1/72 inch), portrait; the print system's names for them (CUPS `media`).
PAPERS: dict[str, tuple[float, float]] = {"letter": (612.0, 792.0), "a4": (595.28, 841.89),
                                          "legal": (612.0, 1008.0)}
PAPER_NAMES: dict[str, Text] = {"letter": Text("Letter", "carta"), "a4": Text.same("A4"),
                                "legal": Text("Legal", "oficio")}
CUPS_MEDIA: dict[str, str] = {"letter": "Letter", "a4": "A4", "legal": "Legal"}
_TOLERANCE = 3.0  # points: PDF writers round A4 to 595 × 842

RASTER_DPI = 600  # what a laser printer resolves; more only makes the job bigger
DRAFT_DPI = 300
MAX_COPIES = 999


def paper_of(width: float, height: float) -> str | None:
    """The paper a page of `width` × `height` points is ("letter", "a4", "legal"), either way round; None for any
    other size."""
    short, long = sorted((width, height))
    for name, (w, h) in PAPERS.items():
        if abs(short - w) <= _TOLERANCE and abs(long - h) <= _TOLERANCE:
            return name
    return None


def paper_from_media(media: str) -> str | None:
    """Our paper for a print system's media name: "Letter", "na_letter_8.5x11in", "A4", "iso_a4_210x297mm"."""
    key = media.strip().lower()
    for name in PAPERS:
        if key == name or key.startswith((f"na_{name}_", f"iso_{name}_")):
            return name
    return None


def fit_notice(document_paper: str | None, printer_paper: str | None) -> Text | None:
    """What to tell the user, once, when the document's paper is not the printer's: the pages are scaled to fit
    (never cut). None when they match or either is unknown."""
    if document_paper is None or printer_paper is None or document_paper == printer_paper:
        return None
    return Text("The {document} pages are scaled to fit {paper} paper, so no text is cut.",
                "Las páginas tamaño {document} se ajustan al papel {paper}, sin cortar texto.").format(
        document=PAPER_NAMES[document_paper], paper=PAPER_NAMES[printer_paper])


# ---- page ranges ----------------------------------------------------------------------------------------------
@dataclass(frozen=True, order=True)
class PageSpan:
    """Pages `first` to `last`, both included, counted from 1 as the dialog and `lp -P` count them."""

    first: int
    last: int

    def __str__(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}-{self.last}"

    def __len__(self) -> int:
        return self.last - self.first + 1


_SPAN = re.compile(r"^\s*(\d+)?\s*(?:([-–])\s*(\d+)?)?\s*$")


def parse_pages(text: str, count: int) -> tuple[PageSpan, ...]:
    """The pages of "2-5, 7, 10-" in a document of `count` pages, in order and merged; () for all of them (an
    empty text). Raises a `UserError` that says what is wrong: not a range, page 0, backwards, past the end."""
    if not text.strip():
        return ()
    spans: list[PageSpan] = []
    for part in text.split(","):
        match = _SPAN.match(part)
        if match is None or not part.strip() or (match.group(1) is None and match.group(3) is None):
            raise UserError(
                f"“{text.strip()}” is not a page range: write the pages like 2-5 or 1,3,7-9.",
                f"“{text.strip()}” no es un rango de páginas: escriba las páginas como 2-5 o 1,3,7-9.",
                field="pages")
        start, dash, end = match.groups()
        first = int(start) if start is not None else 1
        last = first if dash is None else (int(end) if end is not None else count)
        if first < 1 or last < 1:
            raise UserError("Pages are numbered from 1.", "Las páginas se numeran desde 1.", field="pages")
        if last < first:
            raise UserError(f"A page range runs from the lower page to the higher: {last}-{first}, not "
                            f"{first}-{last}.",
                            f"Un rango va de la página menor a la mayor: {last}-{first}, no {first}-{last}.",
                            field="pages")
        if last > count:
            raise past_end(last, count)
        spans.append(PageSpan(first, last))
    return merge(spans)


def past_end(page: int, count: int, document: str = "") -> UserError:
    """The message for a page past the last one, naming the document's file where it is known."""
    en, es = (f"of {document}", f"de {document}") if document else ("of the document", "del documento")
    return UserError(f"Page {page} is past the end {en}, whose last page is {count}.",
                     f"La página {page} está después del final {es}, cuya última página es la {count}.",
                     field="pages")


def merge(spans: Iterable[PageSpan]) -> tuple[PageSpan, ...]:
    """Spans in page order, overlapping or touching ones joined (a printer prints in page order anyway)."""
    merged: list[PageSpan] = []
    for span in sorted(spans):
        if merged and span.first <= merged[-1].last + 1:
            merged[-1] = PageSpan(merged[-1].first, max(merged[-1].last, span.last))
        else:
            merged.append(span)
    return tuple(merged)


def pages_text(spans: Sequence[PageSpan]) -> str:
    """"2-5,7": the spans as `lp -P` and the dialog write them."""
    return ",".join(str(span) for span in spans)


def page_numbers(spans: Sequence[PageSpan], count: int) -> list[int]:
    """The pages to print, counted from 1: every page of the document for ()."""
    if not spans:
        return list(range(1, count + 1))
    return [page for span in spans for page in range(span.first, span.last + 1)]


# ---- what the dialog chose ------------------------------------------------------------------------------------
class Sides(enum.Enum):
    """One- or two-sided, as CUPS names it (`sides`)."""

    ONE_SIDED = "one-sided"
    LONG_EDGE = "two-sided-long-edge"
    SHORT_EDGE = "two-sided-short-edge"


class Colour(enum.Enum):
    AUTO = "auto"  # the printer's default
    COLOUR = "color"
    MONOCHROME = "monochrome"


@dataclass(frozen=True)
class PrintSettings:
    """One print run: where, which pages, how many, how. `printer` None is the print system's default printer;
    `paper` None is the printer's own paper."""

    printer: str | None = None
    pages: tuple[PageSpan, ...] = ()
    copies: int = 1
    collate: bool = True
    sides: Sides = Sides.ONE_SIDED
    paper: str | None = None
    colour: Colour = Colour.AUTO
    draft: bool = False
    title: str = ""

    def __post_init__(self) -> None:
        if not 1 <= self.copies <= MAX_COPIES:
            raise UserError(f"Copies go from 1 to {MAX_COPIES}; {self.copies} was asked.",
                            f"Las copias van de 1 a {MAX_COPIES}; se pidieron {self.copies}.", field="copies")
        if self.paper is not None and self.paper not in PAPERS:
            raise UserError(f"Unknown paper “{self.paper}”: use {', '.join(PAPERS)}.",
                            f"Papel desconocido “{self.paper}”: use {', '.join(PAPERS)}.", field="paper")


def lp_command(path: str, settings: PrintSettings, *, fit: bool) -> list[str]:
    """The CUPS command line that prints the PDF at `path` as it is (vector) with `settings`. `fit` scales each
    page to the paper (a Letter document on A4 paper); without it the pages print at their own size."""
    argv = ["lp"]
    if settings.printer:
        argv += ["-d", settings.printer]
    argv += ["-n", str(settings.copies)]
    if settings.title:
        argv += ["-t", settings.title]
    if settings.pages:
        argv += ["-P", pages_text(settings.pages)]
    options = [f"collate={'true' if settings.collate else 'false'}", f"sides={settings.sides.value}"]
    if settings.paper is not None:
        options.append(f"media={CUPS_MEDIA[settings.paper]}")
    if fit:
        options.append("fit-to-page")
    if settings.colour is not Colour.AUTO:
        options.append(f"print-color-mode={settings.colour.value}")
    for option in options:
        argv += ["-o", option]
    argv += ["--", path]
    return argv


def raster_dpi(printer_dpi: int, *, draft: bool = False) -> int:
    """The resolution to render pages at for a printer that resolves `printer_dpi`: never more than 600 dpi (300
    for a draft), never more than the printer takes, never below 150 (text stays readable)."""
    cap = DRAFT_DPI if draft else RASTER_DPI
    if printer_dpi <= 0:
        return cap
    return max(150, min(printer_dpi, cap))


# ---- what the print system says (CUPS, read in the C locale) -----------------------------------------------------
class PrinterState(enum.Enum):
    IDLE = "idle"
    PRINTING = "printing"
    PAUSED = "paused"  # disabled: jobs wait in the queue


@dataclass(frozen=True)
class Printer:
    name: str
    default: bool = False
    state: PrinterState = PrinterState.IDLE
    accepting: bool = True
    reason: str = ""  # what the print system says of a paused or refusing printer ("paper jam")
    paper: str | None = None  # the printer's default paper, where the print system tells it

    @property
    def ready(self) -> bool:
        return self.accepting and self.state is not PrinterState.PAUSED


_PRINTER_LINE = re.compile(r"^printer (\S+) (?:is idle|now printing \S+|(disabled))\b")
_ACCEPT_LINE = re.compile(r"^(\S+) (not )?accepting requests\b")
_DEFAULT_LINE = re.compile(r"^system default destination: (\S+)")
_REQUEST_ID = re.compile(r"request id is (\S+) \(")


def _reasons(lines: Sequence[str], pattern: re.Pattern[str]) -> dict[str, tuple[re.Match[str], str]]:
    """Each line `pattern` matches, with the indented lines under it joined as its reason."""
    found: dict[str, tuple[re.Match[str], str]] = {}
    current: str | None = None
    for line in lines:
        match = pattern.match(line)
        if match is not None:
            current = match.group(1)
            found[current] = (match, "")
        elif not line[:1].isspace():
            current = None  # another kind of line (lpstat prints several lists in one answer)
        elif current is not None and line.strip():
            match, reason = found[current]
            found[current] = (match, f"{reason} {line.strip()}".strip())
    return found


def parse_printers(printers: str, accepting: str, default: str) -> list[Printer]:
    """The printers from `lpstat -p`, `lpstat -a` and `lpstat -d` (C locale), in the order `lpstat -p` lists
    them. The three may be one text: `lpstat -d -p -a` answers them all at once."""
    states = _reasons(printers.splitlines(), _PRINTER_LINE)
    accepts = _reasons(accepting.splitlines(), _ACCEPT_LINE)
    match = _DEFAULT_LINE.search(default)
    default_name = match.group(1) if match else None
    result = []
    for name, (state_match, state_reason) in states.items():
        accept_match, accept_reason = accepts.get(name, (None, ""))
        refusing = accept_match is not None and accept_match.group(2) is not None
        paused = state_match.group(2) is not None
        state = PrinterState.PAUSED if paused else (
            PrinterState.PRINTING if "now printing" in state_match.group(0) else PrinterState.IDLE)
        reason = accept_reason if refusing else (state_reason if paused else "")
        result.append(Printer(name, name == default_name, state, not refusing, reason))
    return result


def parse_default_paper(options: str) -> str | None:
    """The default paper in `lpoptions -p NAME -l`'s PageSize line ("PageSize/Media Size: Letter *A4 Legal"), or in
    `lpoptions -p NAME`'s "media=iso_a4_210x297mm"."""
    for line in options.splitlines():
        key, colon, values = line.partition(":")
        if colon and key.split("/")[0].strip() in ("PageSize", "media"):
            for value in values.split():
                if value.startswith("*"):
                    return paper_from_media(value[1:])
    for word in shlex.split(options) if "=" in options else ():
        key, _, value = word.partition("=")
        if key in ("media", "PageSize") and value:
            return paper_from_media(value.split(",")[0])
    return None


def parse_job_id(output: str) -> str | None:
    """The job `lp` made: "request id is Office-12 (1 file(s))" → "Office-12"."""
    match = _REQUEST_ID.search(output)
    return match.group(1) if match else None

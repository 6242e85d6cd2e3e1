"""Where the text of a PDF lands on its pages, read with poppler, and two page-layout checks.

`pages(pdf)` runs `pdftotext -bbox-layout` and gives, per page, its size and its rows of text top to
bottom: the words poppler puts on one line, lines at the same height joined into one row (the cells of
a table row), each with its top and bottom in points from the top of the paper and its font size (the
height poppler gives a word is its font size). The running header and footer are told apart from the
body by repetition: the rows next to the top or the bottom edge of the paper that come back at the
same height with the same words (digits aside, for "page 3 of 18") on half the pages or more (so a
document needs three pages for its running header, absent from its first page, to be told).

The checks, usable on any document:
- `headings_at_page_foot(pdf, headings)`: the pages whose body ends with one of the headings;
- `half_blank_pages(pdf)`: the pages (not the last, nor a cover or contents page) whose body ends
  above the middle of the paper while the next page starts with a heading, that is pages left half
  empty because a heading, with what it keeps with it, moved on.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

EDGE_BAND = 0.12  # running headers and footers live within this share of the paper's height from an edge
SAME_ROW = 1.5  # points: lines whose tops are this close are one row
_XHTML = "{http://www.w3.org/1999/xhtml}"
_DIGITS = re.compile(r"\d+")
_LEADERS = re.compile(r"(\. ?){4,}\s*\d+$")


@dataclass(frozen=True)
class Row:
    """A row of text: the words at one height, left to right."""

    text: str
    top: float
    bottom: float
    size: float  # the largest font size in the row
    running: bool = False  # part of the running header or footer


@dataclass(frozen=True)
class Page:
    number: int
    width: float
    height: float
    rows: tuple[Row, ...]  # top to bottom, running header and footer included

    @property
    def body(self) -> tuple[Row, ...]:
        return tuple(row for row in self.rows if not row.running)


def _pdftotext() -> str:
    found = shutil.which("pdftotext")
    if found is None:
        raise RuntimeError("pdftotext (poppler-utils) is needed to read the layout of a PDF")
    return found


def _flat(text: str) -> str:
    return " ".join(text.split())


def _rows(page: ET.Element) -> list[Row]:
    lines: list[tuple[float, float, float, float, str]] = []  # top, bottom, left, size, text
    for line in page.iter(f"{_XHTML}line"):
        words = list(line.iter(f"{_XHTML}word"))
        if not words:
            continue
        text = " ".join((w.text or "") for w in words)
        size = max(float(w.get("yMax", 0)) - float(w.get("yMin", 0)) for w in words)
        lines.append((float(line.get("yMin", 0)), float(line.get("yMax", 0)), float(line.get("xMin", 0)), size,
                      text))
    lines.sort()
    rows: list[list[tuple[float, float, float, float, str]]] = []
    for entry in lines:
        if rows and abs(entry[0] - rows[-1][0][0]) <= SAME_ROW:
            rows[-1].append(entry)
        else:
            rows.append([entry])
    out = []
    for group in rows:
        group.sort(key=lambda e: e[2])
        out.append(Row(text=_flat(" ".join(e[4] for e in group)), top=min(e[0] for e in group),
                       bottom=max(e[1] for e in group), size=round(max(e[3] for e in group), 2)))
    return out


def pages(pdf: Path) -> list[Page]:
    """Every page of `pdf` with its rows of text, the running header and footer marked."""
    xml = subprocess.run([_pdftotext(), "-enc", "UTF-8", "-bbox-layout", str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout
    root = ET.fromstring(xml)
    raw: list[tuple[float, float, list[Row]]] = []
    for page in root.iter(f"{_XHTML}page"):
        raw.append((float(page.get("width", 0)), float(page.get("height", 0)), _rows(page)))

    def key(row: Row, height: float) -> tuple[int, str] | None:
        if row.bottom > height * EDGE_BAND and row.top < height * (1 - EDGE_BAND):
            return None
        return round(row.top), _DIGITS.sub("#", row.text)

    seen: Counter[tuple[int, str]] = Counter()
    for _width, height, rows in raw:
        seen.update({k for row in rows if (k := key(row, height)) is not None})
    least = max(2, -(-len(raw) // 2))  # on half the pages at least (the first may have no running header)

    def repeated(row: Row, height: float) -> bool:
        k = key(row, height)
        return k is not None and seen[k] >= least

    result = []
    for number, (width, height, rows) in enumerate(raw, 1):
        running = set()
        for order in (range(len(rows)), range(len(rows) - 1, -1, -1)):  # from the top edge, then the bottom
            for i in order:
                if not repeated(rows[i], height):
                    break
                running.add(i)
        marked = tuple(Row(r.text, r.top, r.bottom, r.size, running=i in running) for i, r in enumerate(rows))
        result.append(Page(number, width, height, marked))
    return result


Document = Path | Sequence[Page]  # a PDF, or its pages already read


def _pages(document: Document) -> Sequence[Page]:
    return pages(document) if isinstance(document, Path) else document


def _is_contents(page: Page) -> bool:
    return sum(1 for row in page.body if _LEADERS.search(row.text)) >= 3


def front_matter(document: Sequence[Page]) -> set[int]:
    """The cover and contents pages: every page up to the last one that lists contents with dot leaders."""
    contents = [page.number for page in document if _is_contents(page)]
    return set(range(1, contents[-1] + 1)) if contents else set()


def _ends_with(body: Sequence[Row], headings: set[str]) -> str | None:
    """The heading the body ends with, when its last row (or last rows, for a heading that wraps) is one."""
    for k in range(1, min(3, len(body)) + 1):
        text = _flat(" ".join(row.text for row in body[-k:]))
        if text in headings:
            return text
    return None


def headings_at_page_foot(pdf: Document, headings: Iterable[str]) -> dict[int, str]:
    """The pages whose last body row is one of `headings` (a heading left alone at the foot), with that heading."""
    wanted = {_flat(h) for h in headings if h.strip()}
    found: dict[int, str] = {}
    for page in _pages(pdf):
        heading = _ends_with(page.body, wanted)
        if heading is not None:
            found[page.number] = heading
    return found


def texts_in_sizes(pdf: Document, sizes: Iterable[float]) -> set[str]:
    """The texts of the body rows set in one of `sizes` (points): a document's headings, given its heading styles."""
    wanted = {round(size, 2) for size in sizes}
    return {row.text for page in _pages(pdf) for row in page.body if row.size in wanted}


def body_size(document: Sequence[Page]) -> float:
    """The font size most of the body text is set in (counted by characters)."""
    sizes: Counter[float] = Counter()
    for page in document:
        for row in page.body:
            sizes[row.size] += len(row.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def half_blank_pages(pdf: Document, headings: Iterable[str] = (), *, heading_size: float | None = None) -> list[int]:
    """The pages, other than the last and the cover and contents, whose body ends above the middle of the
    paper while the next page starts with a heading.

    A page starts with a heading when its first body row (or first rows, for a heading that wraps) begins with
    one of `headings`, or when its first row's font is `heading_size` or larger (by default: larger than the
    document's body text by more than a tenth).
    """
    document = _pages(pdf)
    wanted = [_flat(h) for h in headings if h.strip()]
    threshold = heading_size if heading_size is not None else body_size(document) * 1.1 + 0.01
    skip = front_matter(document)

    def starts_with_heading(body: Sequence[Row]) -> bool:
        if body[0].size >= threshold:
            return True
        starts = [_flat(" ".join(row.text for row in body[:k])) for k in range(1, min(3, len(body)) + 1)]
        return any(text.startswith(h) for text in starts for h in wanted)  # a heading may wrap

    found = []
    for page, following in pairwise(document):
        if page.number in skip:
            continue
        body, next_body = page.body, following.body
        ends = max((row.bottom for row in body), default=0.0)
        if ends < page.height / 2 and next_body and starts_with_heading(next_body):
            found.append(page.number)
    return found

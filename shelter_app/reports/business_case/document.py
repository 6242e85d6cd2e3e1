"""`write_business_case_pdf`: the sections in the outline's order, on pages with the business case's
running header and footer, written all or nothing.

The document is built in one pass: the contents' page numbers and the bookmarks are added when the
pages are saved, once every section's page is known (`reports.pdfkit`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from shelter_app.core.business_report import BusinessCaseReport, DocumentCancelled
from shelter_app.l10n import document_date
from shelter_app.reports import label
from shelter_app.reports.business_case import appendix, cashflow, comparison, costs, cover, labor, risks, sensitivity
from shelter_app.reports.business_case import summary as summary_section
from shelter_app.reports.business_case import timeline as timeline_section
from shelter_app.reports.business_case.base import Builder, Language
from shelter_app.reports.business_case.words import SECTIONS
from shelter_app.reports.fonts import register_fonts
from shelter_app.reports.pdfkit import PAGE_SIZES, DocInfo, Marks, PageSetup, Running, write_pdf

Paper = Literal["letter", "a4"]
Progress = Callable[[float, str], None]
Cancel = Callable[[], bool]

SIDE_MARGIN = 18 * mm
TOP_MARGIN = 20 * mm
BOTTOM_MARGIN = 18 * mm


def _sections(b: Builder, check: Callable[[], None]) -> list[tuple[str, Callable[[], list[Flowable]]]]:
    """Each section's key and its flowables, in the order of `SECTIONS`."""
    return [
        ("summary", lambda: summary_section.summary(b)),
        ("profile", lambda: comparison.profile(b)),
        ("comparison", lambda: comparison.comparison(b)),
        ("structure", lambda: comparison.structure(b)),
        ("headcount", lambda: labor.headcount(b)),
        ("labor", lambda: labor.labor(b, check)),
        ("facility", lambda: costs.facility(b)),
        ("logistics", lambda: costs.logistics(b)),
        ("trade", lambda: costs.trade(b)),
        ("one_time", lambda: costs.one_time(b)),
        ("timeline", lambda: timeline_section.timeline(b)),
        ("current", lambda: cashflow.current(b)),
        ("financials", lambda: cashflow.financials(b)),
        ("sensitivity", lambda: sensitivity.sensitivity(b)),
        ("risks", lambda: risks.risks(b)),
        ("method", lambda: risks.method(b)),
        ("appendix", lambda: appendix.appendix(b, check)),
        ("disclaimer", lambda: appendix.disclaimer(b)),
    ]


def write_business_case_pdf(
    report: BusinessCaseReport,
    path: Path,
    *,
    language: Language | None = None,
    paper: Paper = "letter",
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> None:
    """Write the business case to `path`, all or nothing (a temp file beside it, renamed at the end).

    `progress(fraction, text)` is called as sections are prepared and pages laid out; when
    `cancel()` turns true the build stops with `DocumentCancelled` and nothing is written.
    """
    lang: Language = language or ("es" if report.language == "es" else "en")
    if lang not in ("en", "es"):
        raise ValueError(f"unsupported PDF language {lang!r}")
    if paper not in PAGE_SIZES:
        raise ValueError(f"unsupported paper {paper!r}")

    def check() -> None:
        if cancel is not None and cancel():
            raise DocumentCancelled()

    def step(fraction: float, en: str, es: str) -> None:
        check()
        if progress is not None:
            progress(fraction, es if lang == "es" else en)

    register_fonts()
    setup = PageSetup(PAGE_SIZES[paper], SIDE_MARGIN, TOP_MARGIN, BOTTOM_MARGIN)
    marks = Marks()
    b = Builder(report, lang, setup.width, marks)

    story: list[Flowable] = [*cover.cover(b), PageBreak(), *cover.contents(b), PageBreak()]
    sections = _sections(b, check)
    titles = dict(SECTIONS)
    for n, (key, build) in enumerate(sections):
        step(0.2 * n / len(sections), f"Preparing {titles[key].en}", f"Preparando {titles[key].es}")
        story += build()

    client = report.client_name or report.project_title
    date_text = document_date(report.generated_on, lang)
    page_word = label("page_of", lang)
    running = Running(
        header=f"{b.w('running')} — {client}",
        header_right=date_text,
        footer=f"{b.w('confidential')} · {date_text} · ShelterDesk {report.app_version}",
        footer_y=BOTTOM_MARGIN - 9 * mm,
        page_of=lambda page, total: page_word.format(page=page, total=total),
    )
    info = DocInfo(
        title=f"{b.w('title')} — {client}",
        author=report.prepared_by.strip() or report.provider_name.strip(),
        subject=", ".join(sc.name for sc in report.scenarios),
        creator=f"ShelterDesk {report.app_version}",
        language=lang,
    )
    total = max(len(story), 1)
    word = "Laying out page" if lang == "en" else "Formando la página"

    def laid_out(done: int, page: int) -> None:
        if progress is not None:
            progress(min(0.2 + 0.75 * done / total, 0.95), f"{word} {page}")

    write_pdf(path, story, setup, running, info, marks=marks, progress=laid_out, every=8, cancel=cancel)
    if progress is not None:
        progress(1.0, "Done" if lang == "en" else "Listo")

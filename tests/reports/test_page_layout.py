"""The layout rule of every PDF, read back from the pages with poppler (tests/support/pdf_layout.py): no
heading is left alone at the foot of a page, and no page is left more than half blank because a heading
(with what stays with it) moved on to the next page.

The business case in English and Spanish, Letter and A4: the golden case, the golden case against a China
supplier and two sites compared (the shapes whose tables and charts fall differently on the pages); the
checklist report, small and large, in its three languages; the sample form blank and filled, the 300-field
form, and every shipped form.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak, Paragraph

from shelter_app.content.forms import load_forms
from shelter_app.core.business_report import BusinessCaseReport
from shelter_app.core.forms.model import FormDefinition, QType
from shelter_app.reports.business_case import write_business_case_pdf
from shelter_app.reports.business_case.base import styles as business_case_styles
from shelter_app.reports.checklist_pdf import _styles as checklist_styles
from shelter_app.reports.checklist_pdf import write_checklist_pdf
from shelter_app.reports.fonts import BOLD, REGULAR, register_fonts
from shelter_app.reports.form_pdf import _styles as form_styles
from shelter_app.reports.form_pdf import render_form_pdf
from shelter_app.reports.pdfkit import PAGE_SIZES, DocInfo, PageSetup, Running, write_pdf
from shelter_app.services.business_report import report_from_document
from tests.reports.test_business_case_pdf import TODAY, report
from tests.reports.test_business_case_pdf_china import china_document
from tests.reports.test_business_case_pdf_site import compared, juarez, queretaro
from tests.reports.test_checklist_exports import _need, big_report, sample_report
from tests.reports.test_form_pdf import ANSWERS, FORMS, SHIPPED
from tests.support.big_form import big_answers, big_form
from tests.support.pdf_layout import half_blank_pages, headings_at_page_foot, pages, texts_in_sizes

PAPERS = [("en", "letter"), ("es", "letter"), ("en", "a4"), ("es", "a4")]


def assert_layout(pdf: Path, heading_sizes: Sequence[float], headings: Iterable[str] = ()) -> None:
    """No page ends on a heading; no page is left half blank before a page that starts with one. Headings are
    the rows set in `heading_sizes` (the document's heading styles) and the given `headings`."""
    document = pages(pdf)
    known = texts_in_sizes(document, heading_sizes) | set(headings)
    assert known, "no heading found: the sizes of the heading styles changed?"
    assert headings_at_page_foot(document, known) == {}, f"{pdf.name}: a heading alone at the foot of a page"
    assert half_blank_pages(document, known, heading_size=min(heading_sizes)) == [], \
        f"{pdf.name}: a page left half blank before a heading"


def test_the_checks_find_a_stranded_heading_and_a_half_blank_page(tmp_path: Path) -> None:
    """A document laid out badly on purpose: page 1 ends on a heading, page 2 ends near its top before a page
    that starts with a heading. The running header and footer are no body."""
    register_fonts()
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=9, leading=12)
    heading = ParagraphStyle("heading", fontName=BOLD, fontSize=14, leading=18)
    text = "A line of body text that says nothing in particular. " * 3
    story: list[Flowable] = [
        *[Paragraph(text, body) for _ in range(8)], Paragraph("Stranded heading", heading), PageBreak(),
        Paragraph(text, body), PageBreak(),
        Paragraph("Next heading", heading), *[Paragraph(text, body) for _ in range(15)], PageBreak(),
        Paragraph(text, body),
    ]
    setup = PageSetup(PAGE_SIZES["letter"], 50, 60, 60)
    running = Running(header="A running header", footer="A footer", page_of=lambda page, total: f"{page} / {total}")
    pdf = tmp_path / "bad.pdf"
    write_pdf(pdf, story, setup, running, DocInfo("Bad", "Tests", "Layout", "Tests", "en"))
    headings = {"Stranded heading", "Next heading"}
    assert headings_at_page_foot(pdf, headings) == {1: "Stranded heading"}
    assert half_blank_pages(pdf, heading_size=14) == [2]
    assert half_blank_pages(pdf, headings, heading_size=99) == [2]
    document = pages(pdf)
    assert [row.text for row in document[2].rows if row.running] == ["A running header", "A footer 3 / 4"]
    assert document[0].body[0].text.startswith("A line of body text")


# --- the business case ------------------------------------------------------------------------------------------

def _business_case(shape: str, language: str) -> BusinessCaseReport:
    if shape == "golden":
        return report(language=language)
    if shape == "china":
        return report_from_document(china_document(), language=language, today=TODAY)
    return compared(language, juarez(), queretaro())


@pytest.mark.parametrize("shape", ["golden", "china", "two sites"])
@pytest.mark.parametrize(("language", "paper"), PAPERS)
def test_business_case_headings_stay_with_their_content(tmp_path: Path, shape: str, language: str,
                                                        paper: str) -> None:
    _need("pdftotext")
    pdf = tmp_path / "case.pdf"
    write_business_case_pdf(_business_case(shape, language), pdf, paper=paper)  # type: ignore[arg-type]
    s = business_case_styles()
    assert_layout(pdf, (s.h1.fontSize, s.h2.fontSize, s.h3.fontSize))


# --- the checklist report ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("big", [False, True], ids=["sample", "120 items"])
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_checklist_report_headings_stay_with_their_content(tmp_path: Path, big: bool, language: str,
                                                           paper: str) -> None:
    _need("pdftotext")
    pdf = tmp_path / "report.pdf"
    write_checklist_pdf(big_report() if big else sample_report(), pdf, language=language,  # type: ignore[arg-type]
                        page_size=paper)  # type: ignore[arg-type]
    s = checklist_styles()
    assert_layout(pdf, (s.h1.fontSize, s.h2.fontSize))


# --- forms ------------------------------------------------------------------------------------------------------

def _form_headings(definition: FormDefinition, language: str, *, blank: bool) -> set[str]:
    """The pages' titles ("2. Operations") and the questions' labels ("2.3 Employees *") as printed."""
    headings = set()
    for s_no, section in enumerate(definition.sections, 1):
        headings.add(f"{s_no}. {section.title.pick(language)}")
        numbered = [q for q in section.questions if q.type is not QType.NOTE]
        for q_no, q in enumerate(numbered, 1):
            required = " *" if q.required and blank else ""
            headings.add(" ".join(f"{s_no}.{q_no} {q.label.pick(language)}{required}".split()))
    return headings


def _check_form(pdf: Path, definition: FormDefinition, language: str, *, blank: bool) -> None:
    s = form_styles()
    # by size only the pages' titles: a filled answer is set in the labels' size
    assert_layout(pdf, (s.section.fontSize,), _form_headings(definition, language, blank=blank))


@pytest.mark.parametrize("filled", [False, True], ids=["blank", "filled"])
@pytest.mark.parametrize(("language", "paper"), PAPERS)
def test_form_headings_stay_with_their_content(tmp_path: Path, filled: bool, language: str, paper: str) -> None:
    _need("pdftotext")
    for definition, answers in ((load_forms(FORMS).get("sample", "1.0"), ANSWERS), (big_form(300), None)):
        given: dict[str, Any] | None = None
        if filled:
            given = answers if answers is not None else big_answers(definition, rows=20)
        pdf = tmp_path / f"{definition.id}.pdf"
        render_form_pdf(pdf, definition, given, language=language, paper=paper)
        _check_form(pdf, definition, language, blank=not filled)


@pytest.mark.parametrize("language", ["en", "es"])
def test_shipped_forms_headings_stay_with_their_content(tmp_path: Path, language: str) -> None:
    _need("pdftotext")
    if not SHIPPED.is_dir() or not any(SHIPPED.glob("*/*.yaml")):
        pytest.skip("no shipped forms yet in forms/")
    for definition in load_forms(SHIPPED).latest_all():
        for paper in ("letter", "a4"):
            pdf = tmp_path / f"{definition.id}-{paper}.pdf"
            render_form_pdf(pdf, definition, None, language=language, paper=paper)
            _check_form(pdf, definition, language, blank=True)

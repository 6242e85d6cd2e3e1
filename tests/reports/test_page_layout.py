"""The layout rule of every PDF, read back from the pages with poppler (tests/support/pdf_layout.py): no
heading is left alone at the foot of a page, and no page is left more than half blank because a heading
(with what stays with it) moved on to the next page.

The business case in English and Spanish, Letter and A4: the golden case, the golden case against a China
supplier and two sites compared (the shapes whose tables and charts fall differently on the pages); the
checklist report, small and large, in its three languages; the sample form blank and filled, the 300-field
form, and every shipped form.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from shelter_app.content.forms import load_forms
from shelter_app.core.business_report import BusinessCaseReport
from shelter_app.core.forms.model import FormDefinition, QType
from shelter_app.reports.business_case import write_business_case_pdf
from shelter_app.reports.business_case.base import styles as business_case_styles
from shelter_app.reports.checklist_pdf import _styles as checklist_styles
from shelter_app.reports.checklist_pdf import write_checklist_pdf
from shelter_app.reports.form_pdf import _styles as form_styles
from shelter_app.reports.form_pdf import render_form_pdf
from shelter_app.services.business_report import report_from_document
from tests.reports.test_business_case_pdf import TODAY, report
from tests.reports.test_business_case_pdf_china import china_document
from tests.reports.test_business_case_pdf_site import compared, juarez, queretaro
from tests.reports.test_checklist_exports import _need, big_report, sample_report
from tests.reports.test_form_pdf import ANSWERS, FORMS, SHIPPED
from tests.support.big_form import big_answers, big_form
from tests.support.pdf_layout import half_blank_pages, headings_at_page_foot, texts_in_sizes

PAPERS = [("en", "letter"), ("es", "letter"), ("en", "a4"), ("es", "a4")]


def assert_layout(pdf: Path, headings: set[str], heading_size: float) -> None:
    """No page ends on a heading; no page is left half blank before a page that starts with one."""
    assert headings, "no heading found: the sizes of the heading styles changed?"
    assert headings_at_page_foot(pdf, headings) == {}, f"{pdf.name}: a heading alone at the foot of a page"
    assert half_blank_pages(pdf, headings, heading_size=heading_size) == [], \
        f"{pdf.name}: a page left half blank before a heading"


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
    sizes = (s.h1.fontSize, s.h2.fontSize, s.h3.fontSize)
    assert_layout(pdf, texts_in_sizes(pdf, sizes), min(sizes))


# --- the checklist report ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("big", [False, True], ids=["sample", "120 items"])
@pytest.mark.parametrize("language", ["en", "es", "bilingual"])
@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_checklist_report_headings_stay_with_their_content(tmp_path: Path, big: bool, language: str,
                                                           paper: str) -> None:
    _need("pdftotext")
    pdf = tmp_path / "report.pdf"
    write_checklist_pdf(big_report() if big else sample_report(), pdf, language=language,  # type: ignore[arg-type]
                        page_size=paper)  # type: ignore[arg-type]
    s = checklist_styles()
    assert_layout(pdf, texts_in_sizes(pdf, (s.h1.fontSize, s.h2.fontSize)), min(s.h1.fontSize, s.h2.fontSize))


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
    assert_layout(pdf, _form_headings(definition, language, blank=blank), min(s.section.fontSize, s.label.fontSize))


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

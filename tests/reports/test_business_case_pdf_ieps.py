"""The IVA memo of the business-case PDF with `_ieps`, read back with pdftotext: the IEPS-taxed imports, their rate
and the IEPS part of the cash tied up on its own line, the totals with IEPS, "IVA and IEPS" in the wording, one
language per document; without `_ieps` (or with a zero amount) the memo is the IVA's alone."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from shelter_app.reports.business_case import write_business_case_pdf
from shelter_app.services.business_report import report_from_document
from tests.reports.test_checklist_exports import _flat, _need, _pdf_text, _run
from tests.support.business_case import golden_document

TODAY = date(2026, 3, 16)
D = Decimal

# the golden case: 900,000 USD a month at 16 %, 3 months, 10 % a year → 432,000 / 43,200 USD of IVA;
# 100,000 USD of them bear 8 % IEPS → 24,000 / 2,400 USD more
WITH_IEPS = {
    "en": ["IVA and IEPS on temporary imports",
           "certified (A/AA/AAA): 100 % credit on the IVA and IEPS of temporary imports",
           "IEPS-taxed temporary imports 100,000 USD/month", "IEPS rate 8.0%",
           "Without certification: IVA and IEPS tied up / cost per year 456,000 USD / 45,600 USD",
           "of which IEPS: cash tied up / cost per year 24,000 USD / 2,400 USD",
           "Cash benefit of operating certified (per year) 45,600 USD",
           "(LIEPS art. 15-A)", "(LIVA art. 28-A)"],
    "es": ["IVA e IEPS en importaciones temporales",
           "certificada (A/AA/AAA): crédito del 100 % del IVA y del IEPS de las importaciones temporales",
           "Importaciones temporales gravadas con IEPS 100,000 USD/mes", "Tasa del IEPS 8.0 %",
           "Sin certificación: IVA e IEPS inmovilizados / costo anual 456,000 USD / 45,600 USD",
           "de ello, IEPS: efectivo inmovilizado / costo anual 24,000 USD / 2,400 USD",
           "Beneficio en flujo de operar certificado (anual) 45,600 USD",
           "(art. 15-A de la LIEPS)", "(art. 28-A de la LIVA)"],
}
IVA_ONLY = {
    "en": ["IVA on temporary imports", "Without certification: cash tied up / cost per year 432,000 USD / 43,200 USD",
           "Cash benefit of operating certified (per year) 43,200 USD"],
    "es": ["IVA en importaciones temporales",
           "Sin certificación: efectivo inmovilizado / costo anual 432,000 USD / 43,200 USD",
           "Beneficio en flujo de operar certificado (anual) 43,200 USD"],
}
IEPS_ONLY = {lang: [w for w in words if "IEPS" in w] for lang, words in WITH_IEPS.items()}


def memo_text(document: dict[str, Any], language: str, tmp_path: Path) -> str:
    """The IVA memo of the trade section (in a PDF rendered to pages, to be sure it draws)."""
    pdf = tmp_path / f"case-{language}.pdf"
    write_business_case_pdf(report_from_document(document, language=language, today=TODAY), pdf)
    _run(_need("pdftoppm"), "-png", "-r", "30", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page"))
    text = _flat(_pdf_text(pdf))
    end = text.index("Avance de IMMEX" if language == "es" else "IMMEX and IVA/IEPS readiness")
    anchor = text.rindex("Certificación en IVA e IEPS vigente" if language == "es" else "IVA/IEPS certification held",
                         0, end)
    titles = [IVA_ONLY[language][0], WITH_IEPS[language][0]]
    return text[max(text.rfind(title, 0, anchor) for title in titles):end]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_memo_adds_the_ieps_on_its_own_line(tmp_path: Path, language: str) -> None:
    document = golden_document()
    document["_ieps"] = {"taxed_imports_usd_per_month": D(100000), "ieps_rate": D("0.08")}
    text = memo_text(document, language, tmp_path)
    for words in WITH_IEPS[language]:
        assert words in text, words
    other = "es" if language == "en" else "en"
    for words in WITH_IEPS[other]:
        assert words not in text, words  # one language per document
    assert "_ieps" not in text and "ieps_rate" not in text


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("ieps", [None, {}, {"taxed_imports_usd_per_month": 0, "ieps_rate": D("0.08")},
                                  {"ieps_rate": D("0.08")}])
def test_without_ieps_the_memo_is_the_ivas_alone(tmp_path: Path, language: str, ieps: Any) -> None:
    document = golden_document()
    if ieps is not None:
        document["_ieps"] = ieps
    text = memo_text(document, language, tmp_path)
    for words in IVA_ONLY[language]:
        assert words in text, words
    for words in IEPS_ONLY[language]:
        assert words not in text, words

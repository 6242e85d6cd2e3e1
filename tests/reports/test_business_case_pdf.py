"""The business-case PDF written to real files and read back with poppler (pdftotext, pdfinfo, pdftoppm).

The golden case (cost-model.md §4) in both languages and paper sizes; a plant of 60 roles with a
200-character client name whose text stays inside the page; IRR and payback that do not exist;
a cancel that leaves nothing behind.
"""

from __future__ import annotations

import copy
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from shelter_app.core.business_case.sensitivity import first_full_year
from shelter_app.core.business_report import BusinessCaseReport, DocumentCancelled
from shelter_app.reports.business_case import SECTIONS, money, payback_text, percent, write_business_case_pdf
from shelter_app.services.business_report import report_from_document
from tests.reports.test_checklist_exports import _flat, _need, _pdf_pages, _pdf_text, _run
from tests.support.business_case import golden_document

TODAY = date(2026, 3, 16)
CLIENT = "Válvulas y Compresores Peñasco del Bajío, S.A. de C.V."


def report(document: dict[str, Any] | None = None, language: str = "en", client: str = CLIENT) -> BusinessCaseReport:
    return report_from_document(document or golden_document(), language=language, today=TODAY,
                                provider_name="Servicios de Albergue del Norte", client_name=client)


@pytest.fixture(scope="module")
def golden_reports() -> dict[str, BusinessCaseReport]:
    return {lang: report(language=lang) for lang in ("en", "es")}


@pytest.mark.parametrize(("language", "paper"), [("en", "letter"), ("es", "a4"), ("en", "a4"), ("es", "letter")])
def test_golden_case_sections_headlines_and_pages(tmp_path: Path, golden_reports: dict[str, BusinessCaseReport],
                                                  language: str, paper: str) -> None:
    r = golden_reports[language]
    pdf = tmp_path / "case.pdf"
    write_business_case_pdf(r, pdf, paper=paper)  # type: ignore[arg-type]
    text = _flat(_pdf_text(pdf))
    for n, (_, pair) in enumerate(SECTIONS, 1):
        heading = f"{n}. {pair.pick(language)}"
        assert text.count(heading) >= 2, f"{heading!r} missing from the contents or the body"  # contents + body
    result = r.scenarios[0].result
    year = first_full_year(result)
    headline = [money(result.returns.npv_usd, language), money(result.one_time.total_usd, language),
                money(year.mexico.total_usd, language), money(year.baseline.total_usd, language),
                money(year.savings_usd, language), percent(result.returns.irr or Decimal(0), language),
                payback_text(result.returns.payback_years, 5, language)]
    assert headline[:2] == ["15,215,311", "2,468,200"]  # cost-model.md §4.9 and §4.8, rounded to dollars
    for value in headline:
        assert value in text, f"{value!r} missing from the {language} PDF"
    assert ("148.4 %" if language == "es" else "148.4%") in text
    assert ("0.93 años (11.2 meses)" if language == "es" else "0.93 years (11.2 months)") in text
    assert CLIENT in text and "Servicios de Albergue del Norte" in text
    # the build-up shows the operator's worked-example figures (§4.3)
    for figure in ("493.18", "48,204.69", "301,312.09", "1.7564"):
        assert figure in text

    info = _run(_need("pdfinfo"), str(pdf))
    assert ("612 x 792 pts (letter)" if paper == "letter" else "595.276 x 841.89 pts (A4)") in info
    pages = _pdf_pages(pdf)
    assert pages >= 15
    last = _flat(_pdf_text(pdf, pages))
    assert (f"Página {pages} de {pages}" if language == "es" else f"Page {pages} of {pages}") in last
    fonts = _run(_need("pdffonts"), str(pdf)).splitlines()[2:]
    assert fonts and all("DejaVuSans" in line for line in fonts)
    if (language, paper) == ("en", "letter"):
        _every_page_renders(pdf, tmp_path, pages)


def _every_page_renders(pdf: Path, out: Path, pages: int) -> None:
    from PIL import Image

    _run(_need("pdftoppm"), "-png", "-r", "20", str(pdf), str(out / "page"))
    images = sorted(out.glob("page*.png"))
    assert len(images) == pages
    for png in images:
        with Image.open(png) as image:
            grey = image.convert("L")
            dark = sum(grey.histogram()[:200])
            assert dark / (grey.width * grey.height) > 0.002, f"{png.name} renders blank"


def test_bookmarks_and_contents_point_at_the_sections(tmp_path: Path,
                                                      golden_reports: dict[str, BusinessCaseReport]) -> None:
    pdf = tmp_path / "case.pdf"
    write_business_case_pdf(golden_reports["es"], pdf)
    raw = pdf.read_bytes()
    assert raw.count(b"/Outlines") >= 1
    contents = _flat(_pdf_text(pdf, 2))
    assert "Contenido" in contents
    # the page printed next to "14. Análisis de sensibilidad" is the page the section starts on
    listed = int(re.search(r"14\. Análisis de sensibilidad[ .]*?(\d+)", contents).group(1))  # type: ignore[union-attr]
    assert "14. Análisis de sensibilidad" in _flat(_pdf_text(pdf, listed))


def _sixty_roles() -> dict[str, Any]:
    doc = golden_document()
    template = doc["workforce"]["roles"][1]
    roles = [doc["workforce"]["roles"][0]]
    for n in range(59):
        role = copy.deepcopy(template)
        role["id"] = f"role_{n}"
        role["name"] = f"Técnico de mantenimiento especializado en moldes de inyección, línea {n} " + "x" * (n % 7)
        role["headcount"] = 1 + n % 4
        role["daily_wage_mxn"] = 500 + 40 * n
        roles.append(role)
    doc["workforce"]["roles"] = roles
    doc["scenario"]["name"] = "Escenario con un nombre muy largo " * 4
    return doc


def test_sixty_roles_and_a_long_client_name_stay_inside_the_page(tmp_path: Path) -> None:
    long_client = ("Manufacturas Electromecánicas Transfronterizas de Precisión y Ensambles Automotrices del "
                   "Norte de México y Sur de los Estados Unidos, Sociedad Anónima Promotora de Inversión de "
                   "Capital Variable, Planta Dos")[:200]
    assert len(long_client) == 200
    r = report(_sixty_roles(), "es", long_client)
    pdf = tmp_path / "big.pdf"
    write_business_case_pdf(r, pdf, paper="a4")
    pages = _pdf_pages(pdf)
    assert pages > 25  # one build-up table per four roles
    width, height = 595.276, 841.89
    bbox = _run(_need("pdftotext"), "-bbox", str(pdf), "-")
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">', bbox)
    assert len(words) > 5000
    outside = [w for w in words if float(w[0]) < 10 or float(w[2]) > width - 10 or float(w[3]) > height - 5]
    assert outside == [], f"{len(outside)} words run off the page, e.g. {outside[:3]}"
    text = _flat(_pdf_text(pdf))
    assert "línea 58" in text  # the last role is printed
    assert f"Página {pages} de {pages}" in text


def _losing_case() -> dict[str, Any]:
    doc = golden_document()
    doc["us_baseline"]["direct_wage_usd_per_hour"] = 2  # the current plant is cheaper: no savings at all
    doc["us_baseline"]["indirect_salary_usd_per_year"] = 10000
    return doc


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_irr_and_no_payback_are_said_in_words(tmp_path: Path, language: str) -> None:
    r = report(_losing_case(), language)
    result = r.scenarios[0].result
    assert result.returns.irr is None and result.returns.payback_years is None
    pdf = tmp_path / "losing.pdf"
    write_business_case_pdf(r, pdf)
    text = _flat(_pdf_text(pdf))
    if language == "es":
        assert "no existe (los flujos de efectivo no tienen tasa interna de retorno)" in text
        assert "no se recupera en 5 años" in text
    else:
        assert "does not exist (the cash flows have no internal rate of return)" in text
        assert "not within 5 years" in text


def test_a_cancel_writes_nothing_and_keeps_the_old_file(tmp_path: Path,
                                                        golden_reports: dict[str, BusinessCaseReport]) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "case.pdf"
    target.write_bytes(b"the old document")
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > 40  # somewhere in the middle of the layout

    progress: list[float] = []
    with pytest.raises(DocumentCancelled):
        write_business_case_pdf(golden_reports["en"], target, cancel=cancel,
                                progress=lambda fraction, _text: progress.append(fraction))
    assert target.read_bytes() == b"the old document"
    assert [p.name for p in folder.iterdir()] == ["case.pdf"]
    assert progress and progress == sorted(progress)


def test_progress_reaches_one(tmp_path: Path, golden_reports: dict[str, BusinessCaseReport]) -> None:
    seen: list[tuple[float, str]] = []
    write_business_case_pdf(golden_reports["es"], tmp_path / "case.pdf", progress=lambda f, t: seen.append((f, t)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and seen[-1][1] == "Listo"
    assert any(text.startswith("Preparando") for _, text in seen)

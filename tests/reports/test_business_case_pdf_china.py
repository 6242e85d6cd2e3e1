"""The China-supplier baseline in the business-case PDF, read back with pdftotext: section 11's landed-cost
table and returns, the tariff driver in the sensitivity, the simplifications in the method; nothing of it
when the scenario has no `_china_baseline`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from shelter_app.core.scenario_prefill import CHINA_TEMPLATE_INDICATIVE, china_template
from shelter_app.reports.business_case import irr_text, money, payback_text, percent, write_business_case_pdf
from shelter_app.services.business_report import report_from_document
from tests.reports.test_checklist_exports import _flat, _pdf_text
from tests.support.business_case import golden_document

TODAY = date(2026, 3, 16)

WORDS = {
    "en": ["Against a China supplier: landed cost", "Landed from China", "Section 122 (prorated)",
           "Mexico + materials", "Savings against China", "China supplier (landed) vs Mexico",
           "NPV against China at 10.0%", "IRR against China", "Payback against China",
           "NPV sensitivity against the China supplier", "Section 301 on China ±10 pp", "15.0% / 35.0%",
           "The China-supplier baseline", "merchandise processing fee (MPF)", "Section 122 is charged on the share",
           "Currency: the supplier's price is taken in USD"],
    "es": ["Frente a un proveedor en China: costo puesto en EE. UU.", "Costo puesto desde China",
           "Sección 122 (prorrateada)", "México + materiales", "Ahorro frente a China",
           "Proveedor en China (puesto en EE. UU.) vs México", "VPN frente a China al 10.0 %", "TIR frente a China",
           "Recuperación frente a China", "Sensibilidad del VPN frente a China", "Sección 301 a China ±10 pp",
           "15.0 % / 35.0 %", "La comparación con el proveedor en China",
           "cuota de procesamiento de mercancía (MPF)", "La Sección 122 se cobra sobre la parte",
           "Moneda: el precio del proveedor se toma en USD"],
}


def china_document() -> dict[str, Any]:
    document = golden_document()
    china = china_template(None)
    china.update(annual_fob_usd=12_000_000, annual_mexico_materials_usd=5_000_000)
    document["_china_baseline"] = china
    return document


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_china_baseline_is_printed_with_its_numbers(tmp_path: Path, language: str) -> None:
    report = report_from_document(china_document(), language=language, today=TODAY)
    china = report.scenarios[0].china
    assert china is not None and report.scenarios[0].china_sensitivity is not None
    pdf = tmp_path / "case.pdf"
    write_business_case_pdf(report, pdf)
    text = _flat(_pdf_text(pdf))
    for words in WORDS[language]:
        assert words in text, f"{words!r} missing from the {language} PDF"
    first = china.years[0]
    # 12 M FOB + 2.5 % + 25 % + 10 % × 204/365 + 6 % + 60,000 + 6/52 × 20 % of FOB
    assert money(first.landed_usd, language) == "17,027,608"
    returns = china.returns
    numbers = [money(first.fob_usd, language), money(first.section_301_usd, language),
               money(first.section_122_usd, language), money(first.carrying_usd, language),
               money(first.mexico_usd, language), money(first.savings_usd, language),
               money(china.years[-1].landed_usd, language), money(returns.cash_flows_usd[1], language),
               money(returns.npv_usd, language, 2), irr_text(returns.irr, language),
               payback_text(returns.payback_years, 5, language), percent(first.section_122_share, language, 0)]
    for value in numbers:
        assert value in text, f"{value!r} missing from the {language} PDF"
    summary = text.split("Ahorros realizados por año" if language == "es" else "Realised savings by year")[0]
    assert ("Frente al proveedor en China" if language == "es" else "Against the China supplier") in summary
    sensitivity = report.scenarios[0].china_sensitivity
    tariff = next(r for r in sensitivity.rows if r.driver == "section_301")
    assert money(tariff.low.npv_usd, language) in text and money(tariff.high.npv_usd, language) in text


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_china_baseline_prints_nothing_of_it(tmp_path: Path, language: str) -> None:
    report = report_from_document(golden_document(), language=language, today=TODAY)
    assert report.scenarios[0].china is None and report.scenarios[0].china_sensitivity is None
    pdf = tmp_path / "case.pdf"
    write_business_case_pdf(report, pdf)
    text = _flat(_pdf_text(pdf))
    assert "China" not in text
    assert ("Sección 301" if language == "es" else "Section 301") not in text


def test_indicative_template_figures_are_marked(tmp_path: Path) -> None:
    document = china_document()
    document["_prefill"] = {"from": "journey", "structure": "shelter", "indicative": list(CHINA_TEMPLATE_INDICATIVE)}
    pdf = tmp_path / "case.pdf"
    write_business_case_pdf(report_from_document(document, language="en", today=TODAY), pdf)
    text = _flat(_pdf_text(pdf))
    assert "12,000,000 USD a year FOB in 2026 ◇" in text
    # grouped under the part of the scenario they belong to, each named by its field
    assert ("Still indicative (prefill figures, not the client's own): China supplier: materials bought in Mexico, "
            "MFN duty, Section 301 tariff, Section 122 surcharge, Section 122 ends on, ocean freight and insurance, "
            "US broker and drayage, longer pipeline, inventory carrying cost.") in text

"""The site comparison in the business-case PDF, read back with pdftotext: section 3's site rows (turnover,
vacancy, distance to the crossing, freight per load, talent pool), the weighted score with its rank and how it
is built, the rule and weights in the method; a scenario alone says the score needs two or more."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from shelter_app.core.business_report import BusinessCaseReport
from shelter_app.reports.business_case import number, percent, write_business_case_pdf
from shelter_app.services.business_report import report_from_document
from tests.reports.test_checklist_exports import _flat, _pdf_text
from tests.support.business_case import golden_document

TODAY = date(2026, 3, 16)
D = Decimal

WORDS = {
    "en": ["Turnover of direct roles (%/year, weighted by headcount)", "Industrial vacancy",
           "Distance to the border crossing or customer (km)", "Freight and crossing per load, base year (USD/load)",
           "Talent pool", "UACJ and ITCJ engineering graduates", "Weighted site score (0–100)",
           "rank 1 of 2", "rank 2 of 2", "How the weighted site score is built", "Criterion (weight)",
           "Loaded cost per direct worked hour (40%)", "Industrial vacancy (10%)",
           "The weighted site score", "the best gets 100, the worst 0",
           "Weights: loaded cost per direct worked hour 40%, Mexico annual total 20%, turnover of direct roles 15%, "
           "distance to the crossing 15%, industrial vacancy 10%."],
    "es": ["Rotación del personal directo (%/año, ponderada por plantilla)", "Vacancia industrial",
           "Distancia al cruce fronterizo o al cliente (km)", "Flete y cruce por carga, año base (USD/carga)",
           "Oferta de talento", "UACJ and ITCJ engineering graduates", "Puntuación ponderada del sitio (0–100)",
           "lugar 1 de 2", "lugar 2 de 2", "Cómo se construye la puntuación ponderada del sitio", "Criterio (peso)",
           "Costo integral por hora trabajada directa (40 %)", "Vacancia industrial (10 %)",
           "La puntuación ponderada del sitio", "el mejor obtiene 100, el peor 0",
           "Pesos: costo integral por hora trabajada directa 40 %, total anual en México 20 %, rotación del personal "
           "directo 15 %, distancia al cruce 15 %, vacancia industrial 10 %."],
}


def juarez() -> dict[str, Any]:
    document = golden_document()
    document["_site"] = {"vacancy_rate": D("0.077"), "distance_to_crossing_km": D(10),
                         "talent_pool": "UACJ and ITCJ engineering graduates"}
    document["_prefill"] = {"from": "journey", "structure": "shelter",
                            "indicative": ["_site.vacancy_rate", "_site.distance_to_crossing_km",
                                           "workforce.roles[0].market_benefits.turnover_rate"]}
    return document


def queretaro() -> dict[str, Any]:
    document = golden_document()
    document["scenario"]["name"] = "Querétaro"
    document["location"] = {"state": "Querétaro", "wage_zone": "general", "city": "Querétaro"}
    for role in document["workforce"]["roles"]:
        role["daily_wage_mxn"] = D(str(role["daily_wage_mxn"])) * D("0.86")
    document["_site"] = {"vacancy_rate": D("0.044"), "distance_to_crossing_km": D(1000)}
    return document


def compared(language: str, *documents: dict[str, Any]) -> BusinessCaseReport:
    reports = [report_from_document(d, language=language, today=TODAY) for d in documents]
    return dataclasses.replace(reports[0], scenarios=tuple(r.scenarios[0] for r in reports))


def comparison_text(pdf: Path, language: str) -> str:
    text = _flat(_pdf_text(pdf))
    heading = "3. Comparación de escenarios" if language == "es" else "3. Scenario comparison"
    after = "4. Estructura de operación" if language == "es" else "4. Operating structure"
    start = text.index(heading, text.index(heading) + 1)  # past the contents
    return text[start:text.index(after, start)]


@pytest.mark.parametrize("language", ["en", "es"])
def test_two_sites_are_compared_and_scored(tmp_path: Path, language: str) -> None:
    report = compared(language, juarez(), queretaro())
    a, b = report.site_scores
    assert a.score is not None and b.score is not None and a.rank == 2 and b.rank == 1
    pdf = tmp_path / "case.pdf"
    write_business_case_pdf(report, pdf)
    text = _flat(_pdf_text(pdf))
    for words in WORDS[language]:
        assert words in text, f"{words!r} missing from the {language} PDF"
    section = comparison_text(pdf, language)
    for value in (percent(D("0.077"), language), percent(D("0.044"), language), "1,000",
                  percent(a.criteria.turnover_rate or D(0), language, 0), number(a.score, language, 1),
                  number(b.score, language, 1)):
        assert value in section, f"{value!r} missing from section 3"
    assert f"{percent(D('0.077'), language)} ◇" in section and "10 ◇" in section  # prefill figures are marked
    assert f"{percent(a.criteria.turnover_rate or D(0), language, 0)} ◇" in section
    assert f"{percent(D('0.044'), language)} ◇" not in section  # the consultant's own
    assert "300 ◇" not in section  # the golden case's freight is its own
    assert ("Fuera de la puntuación" if language == "es" else "Left out of the score") not in section


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_scenario_alone_has_no_score(tmp_path: Path, language: str) -> None:
    report = report_from_document(juarez(), language=language, today=TODAY)
    [alone] = report.site_scores
    assert alone.score is None
    pdf = tmp_path / "case.pdf"
    write_business_case_pdf(report, pdf)
    section = comparison_text(pdf, language)
    assert ("requiere dos o más escenarios" if language == "es" else "needs two or more scenarios") in section
    assert ("Criterio (peso)" if language == "es" else "Criterion (weight)") not in section
    assert ("Vacancia industrial" if language == "es" else "Industrial vacancy") in section


def test_a_criterion_one_scenario_lacks_is_left_out_and_said(tmp_path: Path) -> None:
    other = queretaro()
    del other["_site"]
    report = compared("en", juarez(), other)
    pdf = tmp_path / "case.pdf"
    write_business_case_pdf(report, pdf)
    section = comparison_text(pdf, "en")
    assert "Left out of the score because not every scenario has it: distance to the crossing, industrial " \
           "vacancy." in section
    assert "Loaded cost per direct worked hour (53.3%)" in section  # 40 of the 75 left

"""The business-case PDF as its reader sees it, read back with poppler: one language, none of our machinery.

The golden case in English and Spanish passes the document checks (tests/support/document_checks.py); the
cover names the consultant and the shelter provider (and the PDF's author follows); standard roles and
start-up items print in the document's language while typed names stay as typed; a default the prefill drew
prints with where it came from, one it could not draw as "not given" with why; the exchange rate's date and
source; values set instead of the tables named by their labels, with units; the appendix's numbered sources,
its notes on what is open and the reference tables named by their titles.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from shelter_app.content.reference import shipped_reference
from shelter_app.core.bilingual import Text
from shelter_app.core.business_report import BusinessCaseReport
from shelter_app.core.scenario_prefill import ONE_TIME_ITEMS, STANDARD_ROLES
from shelter_app.l10n import format_date
from shelter_app.reports.business_case import write_business_case_pdf
from shelter_app.services.business_report import report_from_document
from tests.reports.test_checklist_exports import _flat, _need, _pdf_text, _run
from tests.support.business_case import golden_document
from tests.support.document_checks import problems, source_words

TODAY = date(2026, 3, 16)
CLIENT = "Válvulas y Compresores Peñasco del Bajío, S.A. de C.V."
PROVIDER = "Servicios de Albergue del Norte"
CONSULTANT = "Lucía Treviño"


def render(tmp_path: Path, document: dict[str, Any], language: str, *, provider: str = PROVIDER,
           consultant: str = CONSULTANT, name: str = "case") -> Path:
    report: BusinessCaseReport = report_from_document(document, language=language, today=TODAY,
                                                      provider_name=provider, prepared_by=consultant,
                                                      client_name=CLIENT)
    pdf = tmp_path / f"{name}-{language}.pdf"
    write_business_case_pdf(report, pdf)
    return pdf


def typed_words(document: dict[str, Any]) -> set[str]:
    """What people typed into the golden case: names, kept as typed in either language."""
    found = {CLIENT, PROVIDER, CONSULTANT, document["scenario"]["name"], document["location"]["city"]}
    found |= {r["name"] for r in document["workforce"]["roles"]}
    found |= {i["name"] for i in document["one_time"]["items"]}
    return found


def test_the_golden_case_speaks_its_language_and_shows_no_machinery(tmp_path: Path) -> None:
    document = golden_document()
    document["statutory"]["isn_rate"] = 0.035  # a value set instead of the tables, with its reason
    document["_override_reasons"] = {"statutory.isn_rate": "Quoted by the client's payroll provider"}
    allowed = typed_words(document) | source_words(shipped_reference()) | {"Quoted by the client's payroll provider"}
    texts = {language: _pdf_text(render(tmp_path, document, language)) for language in ("en", "es")}
    assert problems(texts["en"], language="en", allowed=allowed) == []
    assert problems(texts["es"], language="es", allowed=allowed, english=texts["en"]) == []
    en, es = _flat(texts["en"]), _flat(texts["es"])
    # the value set instead of the tables is named by its label, with its unit, beside the table's value
    for text, title, words in ((en, "Values set instead of the reference tables", "State payroll tax (ISN) 3.5% 4.0%"),
                               (es, "Valores indicados en lugar de las tablas de referencia",
                                "Impuesto estatal sobre nóminas (ISN) 3.5 % 4.0 %")):
        table = text[text.index(title):][:400]
        assert all(word in table for word in [*words.rsplit(" ", 2), "Quoted by the client's payroll provider"])
    # counts in words, never "(s)"
    assert "in 1 scenario." in en and "en 1 escenario." in es
    assert "in 6 roles" in en and "en 6 puestos" in es


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_cover_names_the_consultant_and_the_provider(tmp_path: Path, language: str) -> None:
    pdf = render(tmp_path, golden_document(), language)
    cover = _flat(_pdf_text(pdf, 1))
    if language == "es":
        assert f"Elaborado por: {CONSULTANT}" in cover and f"Empresa albergue: {PROVIDER}" in cover
    else:
        assert f"Prepared by: {CONSULTANT}" in cover and f"Shelter provider: {PROVIDER}" in cover
    assert re.search(rf"^Author:\s+{CONSULTANT}$", _run(_need("pdfinfo"), str(pdf)), re.MULTILINE)
    text = _flat(_pdf_text(pdf))
    assert (f"elaborada por {PROVIDER}" if language == "es" else f"prepared by {PROVIDER}") in text


@pytest.mark.parametrize("language", ["en", "es"])
def test_without_a_provider_or_a_consultant_the_document_says_so_generically(tmp_path: Path, language: str) -> None:
    pdf = render(tmp_path, golden_document(), language, provider="", consultant="")
    cover = _flat(_pdf_text(pdf, 1))
    assert ("Elaborado por" if language == "es" else "Prepared by") not in cover
    assert ("Empresa albergue:" if language == "es" else "Shelter provider:") not in cover
    text = _flat(_pdf_text(pdf))
    assert ("elaborada por la empresa albergue" if language == "es" else "prepared by the shelter provider") in text
    assert "ShelterDesk" not in re.sub(r"ShelterDesk \d[\d.]*", "", text)  # only as the app that generated it
    author = re.search(r"^Author:(.*)$", _run(_need("pdfinfo"), str(pdf)), re.MULTILINE)
    assert author is None or author.group(1).strip() == ""


def _prefilled(document: dict[str, Any]) -> dict[str, Any]:
    """The golden case with a standard role, standard and typed start-up items, and the prefill's marks."""
    roles = document["workforce"]["roles"]
    roles[3].update(name=STANDARD_ROLES["hr_payroll"].en, _key="hr_payroll")  # still its standard name
    roles[4].update(name="Ingeniero de procesos", _key="accounting_tax")  # renamed by the consultant
    items = document["one_time"]["items"]
    items[1].update(name=ONE_TIME_ITEMS["leasehold_improvements"].en, _key="leasehold_improvements")
    document["scenario"]["_fx_source"] = "Banxico FIX"
    document["scenario"]["_fx_as_of"] = "2025-12-31"
    document["logistics"]["crossing_usd_per_load"] = 0
    document["_site"] = {"vacancy_rate": Decimal("0.077")}
    document["_prefill"] = {
        "from": "journey", "structure": "shelter", "indicative": ["_site.vacancy_rate", "facility"],
        "origins": {"_site.vacancy_rate": {"en": "Industrial vacancy in Ciudad Juárez: 7.7 %, according to CBRE.",
                                           "es": "Vacancia industrial en Ciudad Juárez: 7.7 %, según CBRE."}},
        "missing": {
            "logistics.crossing_usd_per_load": {
                "en": "The table of sites has no road distance for Villa Ahumada: type the freight per load.",
                "es": "La tabla de sitios no tiene la distancia por carretera de Villa Ahumada: escriba el flete "
                      "por carga."},
            "_site.distance_to_crossing_km": {
                "en": "The table of sites has no road distance for Villa Ahumada: type the distance.",
                "es": "La tabla de sitios no tiene la distancia por carretera de Villa Ahumada: escriba la "
                      "distancia."},
        },
    }
    return document


@pytest.mark.parametrize("language", ["en", "es"])
def test_names_marks_and_the_exchange_rate_are_printed_for_the_reader(tmp_path: Path, language: str) -> None:
    document = _prefilled(golden_document())
    text = _flat(_pdf_text(render(tmp_path, document, language)))
    es = language == "es"
    # a standard name in the document's language; a typed one as typed
    assert STANDARD_ROLES["hr_payroll"].pick(language) in text
    assert "Ingeniero de procesos" in text
    assert ONE_TIME_ITEMS["leasehold_improvements"].pick(language) in text
    if es:
        assert "HR and payroll" not in text and "Leasehold improvements" not in text
    # the exchange rate's date in the document's language and its source as typed
    assert ("Fecha del tipo de cambio 31 de diciembre de 2025" if es else "Exchange rate as of December 31, 2025") \
        in text
    assert ("Fuente del tipo de cambio Banxico FIX" if es else "Exchange rate source Banxico FIX") in text
    # where a drawn default came from, and a default the prefill could not draw: "not given", why and what to do
    why = document["_prefill"]["missing"]["logistics.crossing_usd_per_load"][language]
    origin = document["_prefill"]["origins"]["_site.vacancy_rate"][language]
    if es:
        assert f"Vacancia industrial: {origin}" in text
        assert f"Flete y cruce por carga ⚠ no indicado {why}" in text  # the logistics section
        assert f"Flete y cruce por carga: ⚠ no indicado. {why}" in text  # the defaults drawn from the project
        assert "Flete y cruce por carga, año base (USD/carga) ⚠ no indicado" in text  # the comparison
    else:
        assert f"Industrial vacancy: {origin}" in text
        assert f"Freight and crossing per load ⚠ not given {why}" in text
        assert f"Freight and crossing per load: ⚠ not given. {why}" in text
        assert "Freight and crossing per load, base year (USD/load) ⚠ not given" in text
    # the indicative figures grouped by their part of the scenario, named by their fields
    assert ("Aún indicativos (cifras de la precarga, no propias del cliente): Instalaciones; Datos del sitio: "
            "vacancia industrial." if es else
            "Still indicative (prefill figures, not the client's own): Facility; Site facts: industrial vacancy.") \
        in text


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_appendix_cites_numbered_sources_and_says_what_is_open(tmp_path: Path, language: str) -> None:
    text = _flat(_pdf_text(render(tmp_path, golden_document(), language)))
    es = language == "es"
    appendix = text[text.rindex("17. Anexo" if es else "17. Appendix"):]
    reference = shipped_reference()
    dta = reference.defaults.dta_mxn_per_pedimento.provenance
    assert dta.to_verify and dta.note is not None
    # a value to verify is named by its label and says what is open, in the document's language
    label = "Derecho de trámite aduanero (DTA)" if es else "Customs processing fee (DTA)"
    assert f"{label} {dta.note.pick(language)}" in appendix
    assert ("valores de referencia usados aquí" if es else "reference values used here") in text
    # sources as numbered references: "[n]" in the tables, then title, publisher, date or none, link
    numbers = {int(n) for n in re.findall(r"\[(\d+)\]", appendix)}
    assert numbers and numbers == set(range(1, max(numbers) + 1))
    source = dta.sources[0]
    published = format_date(source.published, language) if source.published else ("sin fecha" if es else "undated")
    assert f"{source.title}. {source.publisher}, {published}." in appendix
    assert source.url in appendix.replace(" ", "")
    ids = {s.id for p in (dta, reference.defaults.iva_rate.provenance) for s in p.sources}
    assert not any(re.search(rf"\b{re.escape(i)}\b", text) for i in ids)
    # the reference tables by their titles, with their release and the date they are current to
    for table in reference.tables:
        assert f"{table.title.pick(language)} {table.version}" in appendix
        assert table.file not in text
    assert Text("Sources", "Fuentes").pick(language) in appendix


def test_a_restated_table_value_still_shows_as_to_verify_where_it_is_used(tmp_path: Path) -> None:
    """The golden input restates the table's customs fee (DTA, 425 MXN); the 2026 amount is unconfirmed, so the
    logistics section marks it ⚠ as the appendix does, in both languages."""
    for language, label in (("en", "Customs processing fee (DTA)"), ("es", "Derecho de trámite aduanero (DTA)")):
        text = _flat(_pdf_text(render(tmp_path, golden_document(), language)))
        assert re.search(re.escape(label) + r" 425 MXN/pedimento ⚠", text), language

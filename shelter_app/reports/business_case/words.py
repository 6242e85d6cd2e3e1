"""The business case's words that more than one section uses: the document's own words (`W`), the
outline (`SECTIONS`, in order, numbered as printed), the labels of the site score and of the cost blocks.

(English, Spanish) pairs. Spanish: Mexican business usage (“caso de negocio”, “plantilla”, “VPN”, “TIR”).
"""

from __future__ import annotations

from shelter_app.core.bilingual import Text
from shelter_app.core.business_case import site_score

MARK_INDICATIVE = "◇"
MARK_TO_VERIFY = "⚠"

W: dict[str, Text] = {
    "title": Text("Business case: manufacturing in Mexico", "Caso de negocio: manufactura en México"),
    "running": Text("Business case", "Caso de negocio"),
    "prepared_for": Text("Prepared for", "Preparado para"),
    "prepared_by": Text("Prepared by", "Elaborado por"),
    "provider": Text("Shelter provider", "Empresa albergue"),
    "date": Text("Date", "Fecha"),
    "project": Text("Project", "Proyecto"),
    "scenarios": Text("Scenarios compared", "Escenarios comparados"),
    "cover_note": Text(
        "Pre-tax estimate. Amounts in US dollars (USD) unless marked MXN (Mexican pesos).",
        "Estimación antes de impuestos. Importes en dólares estadounidenses (USD) salvo los marcados "
        "MXN (pesos mexicanos).",
    ),
    "not_linked": Text(
        "This document was produced from a scenario file and is not linked to a project: it has no "
        "checklist readiness and no start-up timeline.",
        "Este documento se generó a partir de un archivo de escenario y no está vinculado a un "
        "proyecto: no incluye el avance de las listas de verificación ni el calendario de arranque.",
    ),
    "contents": Text("Contents", "Contenido"),
    "confidential": Text("Confidential · pre-tax estimate", "Confidencial · estimación antes de impuestos"),
    "yes": Text("Yes", "Sí"),
    "no": Text("No", "No"),
    "item": Text("Item", "Concepto"),
    "year": Text("Year", "Año"),
    "total": Text("Total", "Total"),
    "role": Text("Role", "Puesto"),
    "value": Text("Value", "Valor"),
    "scenario": Text("Scenario", "Escenario"),
    "indicative": Text("indicative", "indicativo"),
    "indicative_note": Text(
        "{mark} indicative: a figure from the prefill (typical values of the cost model), not yet "
        "the client's own. Replace it before relying on the result.",
        "{mark} indicativo: cifra de la precarga (valores típicos del modelo de costos), aún no "
        "propia del cliente. Sustitúyala antes de basar decisiones en el resultado.",
    ),
    "irr_none": Text(
        "does not exist (the cash flows have no internal rate of return)",
        "no existe (los flujos de efectivo no tienen tasa interna de retorno)",
    ),
    "years_months": Text("{years} years ({months} months)", "{years} años ({months} meses)"),
    "none": Text("none", "ninguno"),
    "not_given": Text("not given", "no indicado"),
}

SECTIONS: tuple[tuple[str, Text], ...] = (
    ("summary", Text("Executive summary", "Resumen ejecutivo")),
    ("profile", Text("Project profile and assumptions", "Perfil del proyecto y supuestos")),
    ("comparison", Text("Scenario comparison", "Comparación de escenarios")),
    ("structure", Text("Operating structure", "Estructura de operación")),
    ("headcount", Text("Headcount plan", "Plan de plantilla")),
    ("labor", Text("Labor cost build-up", "Integración del costo laboral")),
    ("facility", Text("Facility", "Instalaciones")),
    ("logistics", Text("Logistics and customs", "Logística y aduanas")),
    ("trade", Text("Trade and tax", "Comercio exterior e impuestos")),
    ("one_time", Text("One-time costs", "Costos únicos de arranque")),
    ("timeline", Text("Start-up timeline", "Calendario de arranque")),
    ("current", Text("Comparison with the current location", "Comparación con la ubicación actual")),
    ("financials", Text("Financials", "Indicadores financieros")),
    ("sensitivity", Text("Sensitivity", "Análisis de sensibilidad")),
    ("risks", Text("Risks and open items", "Riesgos y pendientes")),
    ("method", Text("Method and limitations", "Método y limitaciones")),
    ("appendix", Text("Appendix: statutory tables and sources", "Anexo: tablas legales y fuentes")),
    ("disclaimer", Text("Disclaimer", "Aviso legal")),
)

MEXICO_TOTAL = Text("Mexico total (USD/year)", "Total México (USD/año)")
ANNUAL_SAVINGS = Text("Annual savings (USD)", "Ahorro anual (USD)")
SITE_SCORE = Text("Weighted site score (0–100)", "Puntuación ponderada del sitio (0–100)")
SCORE_CRITERIA: dict[str, Text] = {
    site_score.HOURLY: Text("Loaded cost per direct worked hour", "Costo integral por hora trabajada directa"),
    site_score.ANNUAL: Text("Mexico annual total", "Total anual en México"),
    site_score.TURNOVER: Text("Turnover of direct roles", "Rotación del personal directo"),
    site_score.DISTANCE: Text("Distance to the crossing", "Distancia al cruce"),
    site_score.VACANCY: Text("Industrial vacancy", "Vacancia industrial"),
}

BLOCK_ORDER = ("labor", "shelter_fee", "facility", "utilities", "site_overhead", "logistics", "duties")


def section_number(key: str) -> int:
    """The number a section is printed with ("3" for the scenario comparison)."""
    return [k for k, _ in SECTIONS].index(key) + 1

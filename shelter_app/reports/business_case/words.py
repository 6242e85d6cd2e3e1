"""The business case's words that more than one section uses: the document's own words (`W`), the
outline (`SECTIONS`, in order, numbered as printed), the labels of the site score and of the cost blocks.

(English, Spanish) pairs. Spanish: Mexican business usage (“caso de negocio”, “plantilla”, “VPN”, “TIR”).
"""

from __future__ import annotations

from shelter_app.core.business_case import site_score

MARK_INDICATIVE = "◇"
MARK_TO_VERIFY = "⚠"

W: dict[str, tuple[str, str]] = {
    "title": ("Business case: manufacturing in Mexico", "Caso de negocio: manufactura en México"),
    "running": ("Business case", "Caso de negocio"),
    "prepared_for": ("Prepared for", "Preparado para"),
    "prepared_by": ("Prepared by", "Elaborado por"),
    "provider": ("Shelter provider", "Empresa albergue"),
    "date": ("Date", "Fecha"),
    "project": ("Project", "Proyecto"),
    "scenarios": ("Scenarios compared", "Escenarios comparados"),
    "cover_note": (
        "Pre-tax estimate. Amounts in US dollars (USD) unless marked MXN (Mexican pesos).",
        "Estimación antes de impuestos. Importes en dólares estadounidenses (USD) salvo los marcados "
        "MXN (pesos mexicanos).",
    ),
    "not_linked": (
        "This document was produced from a scenario file and is not linked to a project: it has no "
        "checklist readiness and no start-up timeline.",
        "Este documento se generó a partir de un archivo de escenario y no está vinculado a un "
        "proyecto: no incluye el avance de las listas de verificación ni el calendario de arranque.",
    ),
    "contents": ("Contents", "Contenido"),
    "confidential": ("Confidential · pre-tax estimate", "Confidencial · estimación antes de impuestos"),
    "yes": ("Yes", "Sí"),
    "no": ("No", "No"),
    "item": ("Item", "Concepto"),
    "year": ("Year", "Año"),
    "total": ("Total", "Total"),
    "role": ("Role", "Puesto"),
    "value": ("Value", "Valor"),
    "scenario": ("Scenario", "Escenario"),
    "indicative": ("indicative", "indicativo"),
    "indicative_note": (
        "{mark} indicative: a figure from the prefill (typical values of the cost model), not yet "
        "the client's own. Replace it before relying on the result.",
        "{mark} indicativo: cifra de la precarga (valores típicos del modelo de costos), aún no "
        "propia del cliente. Sustitúyala antes de basar decisiones en el resultado.",
    ),
    "irr_none": (
        "does not exist (the cash flows have no internal rate of return)",
        "no existe (los flujos de efectivo no tienen tasa interna de retorno)",
    ),
    "years_months": ("{years} years ({months} months)", "{years} años ({months} meses)"),
    "none": ("none", "ninguno"),
    "not_given": ("not given", "no indicado"),
}

SECTIONS: tuple[tuple[str, tuple[str, str]], ...] = (
    ("summary", ("Executive summary", "Resumen ejecutivo")),
    ("profile", ("Project profile and assumptions", "Perfil del proyecto y supuestos")),
    ("comparison", ("Scenario comparison", "Comparación de escenarios")),
    ("structure", ("Operating structure", "Estructura de operación")),
    ("headcount", ("Headcount plan", "Plan de plantilla")),
    ("labor", ("Labor cost build-up", "Integración del costo laboral")),
    ("facility", ("Facility", "Instalaciones")),
    ("logistics", ("Logistics and customs", "Logística y aduanas")),
    ("trade", ("Trade and tax", "Comercio exterior e impuestos")),
    ("one_time", ("One-time costs", "Costos únicos de arranque")),
    ("timeline", ("Start-up timeline", "Calendario de arranque")),
    ("current", ("Comparison with the current location", "Comparación con la ubicación actual")),
    ("financials", ("Financials", "Indicadores financieros")),
    ("sensitivity", ("Sensitivity", "Análisis de sensibilidad")),
    ("risks", ("Risks and open items", "Riesgos y pendientes")),
    ("method", ("Method and limitations", "Método y limitaciones")),
    ("appendix", ("Appendix: statutory tables and sources", "Anexo: tablas legales y fuentes")),
    ("disclaimer", ("Disclaimer", "Aviso legal")),
)

MEXICO_TOTAL = ("Mexico total (USD/year)", "Total México (USD/año)")
ANNUAL_SAVINGS = ("Annual savings (USD)", "Ahorro anual (USD)")
SITE_SCORE = ("Weighted site score (0–100)", "Puntuación ponderada del sitio (0–100)")
SCORE_CRITERIA: dict[str, tuple[str, str]] = {
    site_score.HOURLY: ("Loaded cost per direct worked hour", "Costo integral por hora trabajada directa"),
    site_score.ANNUAL: ("Mexico annual total", "Total anual en México"),
    site_score.TURNOVER: ("Turnover of direct roles", "Rotación del personal directo"),
    site_score.DISTANCE: ("Distance to the crossing", "Distancia al cruce"),
    site_score.VACANCY: ("Industrial vacancy", "Vacancia industrial"),
}

BLOCK_ORDER = ("labor", "shelter_fee", "facility", "utilities", "site_overhead", "logistics", "duties")


def section_number(key: str) -> int:
    """The number a section is printed with ("3" for the scenario comparison)."""
    return [k for k, _ in SECTIONS].index(key) + 1

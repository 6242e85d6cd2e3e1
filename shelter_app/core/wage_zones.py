"""Which minimum-wage zone a site is in, derived from its state and municipality.

The zone sets the legal wage floor (2026: MXN 440.87 a day in the northern border free zone,
Zona Libre de la Frontera Norte (ZLFN), against 315.04 elsewhere), so the user never picks it:
the journey derives it from the site.

The facts are thin here. docs/cost-model.md R1 names ten ZLFN municipalities "among 43–46 border
municipalities" and five places in the general zone; no full list is in the sources. So
`ZLFN_MUNICIPALITIES` holds exactly the ten, and a municipality of a border state that is not
on either list is put in the general zone with `to_verify` set: the answer may be wrong until
the official list is added. A municipality outside the six border states is in the general zone
for certain, since the ZLFN lies only along the northern border.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from shelter_app.core.answers import WageZone
from shelter_app.core.errors import ValidationError
from shelter_app.core.text import fold_for_search

STATES: Final[dict[str, str]] = {
    "AGU": "Aguascalientes",
    "BCN": "Baja California",
    "BCS": "Baja California Sur",
    "CAM": "Campeche",
    "CHP": "Chiapas",
    "CHH": "Chihuahua",
    "CMX": "Ciudad de México",
    "COA": "Coahuila",
    "COL": "Colima",
    "DUR": "Durango",
    "GUA": "Guanajuato",
    "GRO": "Guerrero",
    "HID": "Hidalgo",
    "JAL": "Jalisco",
    "MEX": "Estado de México",
    "MIC": "Michoacán",
    "MOR": "Morelos",
    "NAY": "Nayarit",
    "NLE": "Nuevo León",
    "OAX": "Oaxaca",
    "PUE": "Puebla",
    "QUE": "Querétaro",
    "ROO": "Quintana Roo",
    "SLP": "San Luis Potosí",
    "SIN": "Sinaloa",
    "SON": "Sonora",
    "TAB": "Tabasco",
    "TAM": "Tamaulipas",
    "TLA": "Tlaxcala",
    "VER": "Veracruz",
    "YUC": "Yucatán",
    "ZAC": "Zacatecas",
}
"""The 32 federal entities by their ISO 3166-2:MX code ("CHH" is Chihuahua), the codes
`ProjectAnswers.state` holds, in a state picker's order."""

BORDER_STATES: Final = frozenset({"BCN", "SON", "CHH", "COA", "NLE", "TAM"})
"""States on the northern border: the only ones with ZLFN municipalities."""

ZLFN_MUNICIPALITIES: Final[dict[tuple[str, str], str]] = {
    ("CHH", "juarez"): "Juárez",
    ("BCN", "tijuana"): "Tijuana",
    ("BCN", "mexicali"): "Mexicali",
    ("SON", "nogales"): "Nogales",
    ("TAM", "reynosa"): "Reynosa",
    ("TAM", "matamoros"): "Matamoros",
    ("TAM", "nuevo laredo"): "Nuevo Laredo",
    ("COA", "piedras negras"): "Piedras Negras",
    ("COA", "acuna"): "Acuña",
    ("NLE", "anahuac"): "Anáhuac",
}
"""ZLFN municipalities named by the facts (docs/cost-model.md R1, El Mañana Dec-2025), keyed by state
and folded name: 10 of the 43–46. The state matters: Juárez (Nuevo León) and Matamoros
(Coahuila) are other municipalities of the same name."""

ZLFN_LIST_COMPLETE: Final = False
"""to_verify: the list above is partial; add the official list (CONASAMI/DOF) when sourced."""

GENERAL_ZONE_IN_BORDER_STATES: Final[dict[tuple[str, str], str]] = {
    ("NLE", "monterrey"): "Monterrey",
    ("COA", "saltillo"): "Saltillo",
}
"""Municipalities of border states that the facts place in the general zone (docs/cost-model.md R1)."""

# People write the city's name ("Ciudad Juárez", "Cd. Acuña", "Heroica Nogales") where the
# municipality's ("Juárez") is meant.
_CITY_PREFIX = re.compile(r"^(?:heroica|h\.|ciudad|cd\.?)\s+")


@dataclass(frozen=True)
class WageZoneDerivation:
    """The derived zone and how sure it is.

    `to_verify` is set when the answer rests on the partial municipality list; `municipality`
    is the name the rule matched (or the name as given when nothing matched).
    """

    zone: WageZone
    state: str
    municipality: str
    to_verify: bool


def municipality_key(name: str) -> str:
    """Fold a municipality or city name for look-up: case, accents and "Ciudad"/"Cd." prefixes."""
    folded = fold_for_search(name)
    while (shorter := _CITY_PREFIX.sub("", folded)) != folded:
        folded = shorter
    return folded


def check_state(state: str) -> str:
    """Return the state's code in upper case; refuse anything that is not one of `STATES`."""
    code = state.strip().upper()
    if code not in STATES:
        raise ValidationError(
            f"“{state}” is not a Mexican state code; pick the state from the list (e.g. CHH for Chihuahua).",
            f"“{state}” no es la clave de un estado de México; elija el estado de la lista (p. ej., CHH "
            "para Chihuahua).",
            field="state",
        )
    return code


def derive_wage_zone(state: str, municipality: str) -> WageZoneDerivation:
    """The minimum-wage zone of a municipality (or, when no municipality is known, its city)."""
    code = check_state(state)
    name = municipality.strip()
    key = (code, municipality_key(name))
    if key in ZLFN_MUNICIPALITIES:
        return WageZoneDerivation(WageZone.BORDER, code, ZLFN_MUNICIPALITIES[key], to_verify=False)
    if key in GENERAL_ZONE_IN_BORDER_STATES:
        return WageZoneDerivation(WageZone.GENERAL, code, GENERAL_ZONE_IN_BORDER_STATES[key], to_verify=False)
    unsure = code in BORDER_STATES and not ZLFN_LIST_COMPLETE
    return WageZoneDerivation(WageZone.GENERAL, code, name, to_verify=unsure)

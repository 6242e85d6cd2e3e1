"""What the app keeps in a stored scenario beside the contract's input: keys starting with `_`.

The contract ignores every key that starts with `_` (a note), so a stored scenario stays a valid
input of `business-case compute`. The app reads these with the same rules as the contract's fields,
strictly: a scenario with a wrong `_site` is not saved. The editor's own marks (`_prefill`,
`_override_reasons`) are handled by `core.business_case.marks`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from shelter_app.core.business_case.china import ChinaBaseline
from shelter_app.core.business_case.ieps import IepsImports
from shelter_app.core.business_case.site_score import SiteFacts
from shelter_app.core.business_case.spec import Rule, spec


@dataclass(frozen=True)
class ScenarioExtras:
    fx_source: str = field(default="", metadata=spec(
        "Exchange rate source", "Fuente del tipo de cambio", json_name="scenario._fx_source", blank=True,
        max_length=200,
        hint=("Printed with the rate in the assumptions, e.g. “Banxico FIX”.",
              "Se imprime junto con el tipo de cambio en los supuestos, p. ej. “FIX de Banxico”.")))
    fx_as_of: date | None = field(default=None, metadata=spec(
        "Exchange rate as of", "Fecha del tipo de cambio", json_name="scenario._fx_as_of", rule=Rule.UNKNOWN,
        hint=("The date the rate was read (YYYY-MM-DD).", "La fecha en que se consultó el tipo de cambio "
                                                          "(AAAA-MM-DD).")))
    site: SiteFacts | None = field(default=None, metadata=spec(
        "Site facts", "Datos del sitio", json_name="_site", rule=Rule.UNKNOWN))
    china: ChinaBaseline | None = field(default=None, metadata=spec(
        "China supplier", "Proveedor en China", json_name="_china_baseline", rule=Rule.UNKNOWN))
    ieps: IepsImports | None = field(default=None, metadata=spec(
        "IEPS on temporary imports", "IEPS de las importaciones temporales", json_name="_ieps", rule=Rule.UNKNOWN))

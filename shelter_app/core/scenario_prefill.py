"""A first business-case scenario from what the journey already knows, as a `business-case@1` document.

The journey gives the site (state, city, wage zone), the headcount by role, the kickoff year, the
operating model, the monthly temporary imports and the certification. Everything else (wages, rent,
fees, the US plant) is not asked there, so it starts from indicative figures of the cost model's
worked example and reference tables (cost-model.md §3 R8–R12, §4), the site comparison's facts
(`_site`: the market's industrial vacancy, R9, and a typical distance to the border crossing) included,
every one of them listed under `_prefill.indicative` so the editor and the PDF can mark them until the
consultant replaces them.

Keys starting with `_` are ignored by the contract, so the document stays a valid compute input.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any, Final

from shelter_app.core.answers import Path, ProjectAnswers, RoleHeadcount, WageZone
from shelter_app.core.bilingual import Text, date_text
from shelter_app.core.business_case.marks import set_text
from shelter_app.core.text import fold_for_search
from shelter_app.core.wage_zones import STATES

SCHEMA: Final = "shelter-app/business-case@1"
STRUCTURES: Final = ("shelter", "own_entity")

D = Decimal


@dataclass(frozen=True)
class RoleKind:
    """A job family with indicative base-year figures (cost-model.md §4 worked example, Juárez 2026)."""

    key: str
    words: tuple[str, ...]
    direct: bool
    ptu_eligible: bool
    daily_wage_zlfn: Decimal
    daily_wage_general: Decimal
    benefits: dict[str, Decimal]


def _benefits(bonus: str, transport: str, insurance: str, turnover: str, hire: str) -> dict[str, Decimal]:
    return {
        "attendance_punctuality_bonus_rate": D(bonus),
        "food_vouchers_uma_fraction": D("0.35"),
        "savings_fund_rate": D("0.05"),
        "transport_mxn_per_worked_day": D(transport),
        "cafeteria_mxn_per_worked_day": D("30"),
        "private_insurance_mxn_per_year": D(insurance),
        "turnover_rate": D(turnover),
        "cost_per_hire_mxn": D(hire),
    }


# General-zone wages: the border figures scaled to the IMMEX wage gap between central and border states
# (R8: Querétaro/NL 21,105–21,596 vs Chihuahua 18,487 MXN/month overall, but a general-zone floor of 315.04
# against 440.87 MXN/day at the border): operators sit near 1.25 minimum wages, staff close to border pay.
ROLE_KINDS: Final[tuple[RoleKind, ...]] = (
    RoleKind("manager", ("manager", "gerente", "director", "plant head", "jefe de planta"), False, False,
             D("3000"), D("2900"), _benefits("0", "0", "45000", "0.10", "120000")),
    RoleKind("engineer", ("engineer", "ingenier", "quality", "calidad"), False, True,
             D("1300"), D("1250"), _benefits("0", "0", "15000", "0.15", "40000")),
    RoleKind("supervisor", ("supervisor", "lead", "lider", "jefe de linea", "coordinator", "coordinador"),
             False, True, D("850"), D("820"), _benefits("0.1", "30", "0", "0.15", "20000")),
    RoleKind("technician", ("technician", "tecnico", "maintenance", "mantenimiento", "setup"), False, True,
             D("700"), D("650"), _benefits("0.1", "30", "0", "0.20", "15000")),
    RoleKind("clerk", ("clerk", "admin", "material", "almacen", "warehouse", "auxiliar", "buyer", "compras",
                       "hr", "recursos humanos", "payroll", "nomina", "account", "contab", "compliance",
                       "cumplimiento", "customs", "aduana"), False, True,
             D("600"), D("560"), _benefits("0.1", "30", "0", "0.20", "10000")),
    RoleKind("operator", ("operator", "operador", "operari", "assembl", "ensambl", "production", "produccion",
                          "direct", "directo", "line", "linea", "obrer", "inspector"), True, True,
             D("470"), D("400"), _benefits("0.1", "30", "0", "0.40", "7500")),
)
KINDS_BY_KEY: Final = {kind.key: kind for kind in ROLE_KINDS}

# R9 asking rents (USD per sq ft per month) by state of the main markets; others: the national average.
RENT_BY_STATE: Final[dict[str, Decimal]] = {
    "CHH": D("0.70"), "BCN": D("0.80"), "NLE": D("0.64"), "COA": D("0.57"), "TAM": D("0.57"),
    "QUE": D("0.56"), "SLP": D("0.52"), "CMX": D("0.91"), "MEX": D("0.91"),
}
NATIONAL_RENT: Final = D("0.68")
PLANNING_FX: Final = D("17.9528")
"""MXN per USD: Banxico's FIX of 31 Dec 2025, the latest rate the reference notes hold (indicative: the consultant
sets the planning rate)."""
PLANNING_FX_SOURCE: Final = "Banxico (FIX)"
PLANNING_FX_AS_OF: Final = date(2025, 12, 31)
FIRST_YEAR_REALIZATION: Final = D("0.5")
"""Share of the steady savings a year of transfer realises: half, while lines move and staff learn."""
SQFT_PER_HEAD: Final = D("430")  # 60,000 sq ft for 140 people in the worked example


@dataclass(frozen=True)
class SiteMarket:
    """An industrial market of the site comparison: its vacancy (cost-model.md R9) and a typical road
    distance to the border crossing its freight uses."""

    state: str
    """ISO 3166-2:MX code."""
    city_words: tuple[str, ...]
    """Folded names of the market's municipalities (whole words of the project's city)."""
    vacancy_rate: Decimal | None
    """None: R9 has no vacancy for the market, so the national figure is used."""
    vacancy_as_of: str
    distance_to_crossing_km: Decimal


# Vacancy (R9, asking-market reports): Juárez 7.7 % Q4-2025 (CBRE); Tijuana 6.5 % Q2 (C&W) and 8 % Q3-2025
# (Solili), the later one kept; Monterrey 7.1 % Q4-2025 (C&W); Saltillo 0.8 % Q1-2025 (Solili); Reynosa
# 6.0 % Oct-2025 (Solili); San Luis Potosí 4.9 % Jan-2025 (Solili). Others: NATIONAL_VACANCY.
# Distances: approximate road km to the commercial crossing the plant's trucks use (Laredo for central
# Mexico, via Monterrey: Monterrey ~230, Saltillo ~310, San Luis Potosí ~800, Querétaro ~1,000,
# Silao/León ~1,050, Guadalajara ~1,200); border cities 5–15 km from park to bridge. Typical figures for a
# first comparison, not a route study: the consultant replaces them.
SITE_MARKETS: Final[tuple[SiteMarket, ...]] = (
    SiteMarket("CHH", ("juarez",), D("0.077"), "Q4-2025", D(10)),
    SiteMarket("BCN", ("tijuana",), D("0.08"), "Q3-2025", D(10)),
    SiteMarket("BCN", ("mexicali",), None, "", D(10)),
    SiteMarket("TAM", ("reynosa",), D("0.06"), "Oct-2025", D(15)),
    SiteMarket("TAM", ("nuevo laredo",), None, "", D(5)),
    SiteMarket("TAM", ("matamoros",), None, "", D(10)),
    SiteMarket("SON", ("nogales",), None, "", D(10)),
    SiteMarket("NLE", ("monterrey", "apodaca", "escobedo", "santa catarina", "san nicolas de los garza",
                       "guadalupe", "cienega de flores", "salinas victoria", "pesqueria", "juarez"),
               D("0.071"), "Q4-2025", D(230)),
    SiteMarket("COA", ("saltillo", "ramos arizpe", "arteaga", "derramadero"), D("0.008"), "Q1-2025", D(310)),
    SiteMarket("SLP", ("san luis potosi", "soledad de graciano sanchez", "villa de reyes"), D("0.049"),
               "Jan-2025", D(800)),
    SiteMarket("QUE", ("queretaro", "el marques", "corregidora", "colon", "san juan del rio"), None, "", D(1000)),
    SiteMarket("GUA", ("silao", "leon", "guanajuato", "irapuato", "puerto interior"), None, "", D(1050)),
    SiteMarket("JAL", ("guadalajara", "zapopan", "tlaquepaque", "el salto", "tlajomulco"), None, "", D(1200)),
)
NATIONAL_VACANCY: Final = D("0.044")  # R9: Solili national average, Oct-2025
NATIONAL_VACANCY_AS_OF: Final = "Oct-2025"
SITE_INDICATIVE: Final = ("_site.vacancy_rate", "_site.distance_to_crossing_km")

STANDARD_ROLES: Final[dict[str, Text]] = {
    "operator": Text("Operator", "Operador"),
    "hr_payroll": Text("HR and payroll", "Recursos humanos y nómina"),
    "accounting_tax": Text("Accounting and tax", "Contabilidad e impuestos"),
    "trade_compliance": Text("Foreign-trade compliance (IMMEX, Annex 24)",
                             "Cumplimiento de comercio exterior (IMMEX, Anexo 24)"),
}
"""The roles the prefill names itself; the document prints them in its language while the name is unchanged."""

OWN_ENTITY_ROLES: Final[tuple[tuple[str, int], ...]] = (("hr_payroll", 2), ("accounting_tax", 2),
                                                        ("trade_compliance", 2))
"""What a shelter does for its clients and an own entity must staff itself (an assumption to tailor)."""

ONE_TIME_ITEMS: Final[dict[str, Text]] = {
    "shelter_setup_fee": Text("Shelter set-up fee", "Cuota de incorporación al albergue"),
    "incorporation": Text("Incorporation, notary and registrations", "Constitución, notario y registros"),
    "transfer_pricing": Text("Transfer-pricing study", "Estudio de precios de transferencia"),
    "program_filings": Text("IMMEX and IVA/IEPS certification filings (advisors)",
                            "Trámites de IMMEX y de la certificación en IVA e IEPS (asesores)"),
    "leasehold_improvements": Text("Leasehold improvements", "Adecuaciones del inmueble"),
    "machinery_relocation": Text("Machinery relocation (rigging, freight, re-install)",
                                 "Traslado de maquinaria (maniobras, flete, reinstalación)"),
    "recruiting_training": Text("Initial recruiting and training", "Reclutamiento y capacitación iniciales"),
    "travel_validation": Text("Travel, trainers, validation (PPAP/FAI)",
                              "Viajes, instructores y validación (PPAP/FAI)"),
    "parallel_running": Text("Parallel running / duplicate costs", "Operación en paralelo / costos duplicados"),
    "us_closure": Text("US plant closure (severance, lease exit)",
                       "Cierre de la planta en EE. UU. (liquidaciones, salida del arrendamiento)"),
    "it_erp": Text("IT / ERP set-up", "Instalación de TI / ERP"),
}
"""The start-up items the prefill lists; the document prints them in its language while the name is unchanged."""


def standard_name(name: str, key: str, table: Mapping[str, Text]) -> Text | None:
    """The standard name of a prefilled role or item while it is still that name (in either language); None
    once the consultant has named it (what was typed stays as typed)."""
    standard = table.get(key)
    return standard if standard is not None and name.strip() in (standard.en, standard.es) else None


def new_role(name: str, headcount: Decimal, wage_zone: str, taken: set[str], *, largest: bool = False,
             key: str = "", kind: RoleKind | None = None) -> dict[str, Any]:
    """A business-case role for a job title, the one way roles are made (prefill, editor, form import): a
    unique id, the job family's flags and market benefits, and its typical wage in the site's minimum-wage
    zone (`zlfn` or `general`); `key` names a standard role (`STANDARD_ROLES`)."""
    kind = kind or role_kind(name, largest=largest)
    role: dict[str, Any] = {
        "id": role_id(key or name, taken), "name": name, "headcount": headcount,
        "daily_wage_mxn": kind.daily_wage_zlfn if wage_zone == "zlfn" else kind.daily_wage_general,
        "direct": kind.direct, "ptu_eligible": kind.ptu_eligible, "market_benefits": dict(kind.benefits),
    }
    if key:
        role["_key"] = key
    return role


def site_market(state: str | None, city: str) -> SiteMarket | None:
    """The R9 market of a site: the city's (a municipality of the metro area, in its state when the state is
    known); with no city, the state's first market; None when neither is known or the city is elsewhere.
    `state` is an ISO code ("NLE") or a state's name ("Nuevo León")."""
    folded_state = fold_for_search(state or "")
    code = next((k for k, n in STATES.items() if folded_state in (k.casefold(), fold_for_search(n))), None)
    folded_city = fold_for_search(city)
    if not folded_city:
        return next((m for m in SITE_MARKETS if m.state == code), None)
    for market in SITE_MARKETS:
        if code is not None and market.state != code:
            continue
        if any(re.search(rf"\b{re.escape(word)}\b", folded_city) for word in market.city_words):
            return market
    return None


def site_prefill(state: str | None, city: str) -> dict[str, Any]:
    """Indicative `_site` figures for a location: the market's vacancy (national when R9 has none) and a
    typical distance to the crossing when the market is known (otherwise left out)."""
    market = site_market(state, city)
    site: dict[str, Any] = {"vacancy_rate": NATIONAL_VACANCY}
    if market is not None:
        if market.vacancy_rate is not None:
            site["vacancy_rate"] = market.vacancy_rate
        site["distance_to_crossing_km"] = market.distance_to_crossing_km
    return site


def role_kind(name: str, *, largest: bool = False) -> RoleKind:
    """The job family a free-text role name most likely belongs to (accents and case ignored); an
    unrecognised name is an operator when it is the largest group and a clerk-level employee otherwise."""
    folded = fold_for_search(name)
    # the longest word found decides: "quality inspector" is an inspector, "quality engineer" an engineer
    found = [(len(word), kind) for kind in ROLE_KINDS for word in kind.words if word in folded]
    if found:
        return max(found, key=lambda pair: pair[0])[1]
    return KINDS_BY_KEY["operator" if largest else "clerk"]


def role_id(name: str, taken: set[str]) -> str:
    """A contract role id (`^[a-z][a-z0-9_]*$`) from a free-text name, unique among `taken`."""
    base = re.sub(r"[^a-z0-9]+", "_", fold_for_search(name)).strip("_") or "role"
    if not base[0].isalpha():
        base = f"role_{base}"
    base = base[:40].rstrip("_")
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    taken.add(candidate)
    return candidate


class StartSource(StrEnum):
    """Which fact of the project dates the start of production."""

    TARGET_START = "target_start"
    KICKOFF = "kickoff"


def prefill_document(answers: ProjectAnswers, *, name: str, base_year: int, structure: str = "shelter",
                     certified: bool | None = None, fx_mxn_per_usd: Decimal = PLANNING_FX,
                     start: date | None = None, start_source: StartSource = StartSource.TARGET_START
                     ) -> dict[str, Any]:
    """A complete input document for one scenario; `_prefill.indicative` lists the JSON paths that hold
    indicative figures rather than the client's own."""
    if structure not in STRUCTURES:
        raise ValueError(f"structure must be one of {STRUCTURES}, not {structure!r}")
    indicative: list[str] = []
    zone = "zlfn" if answers.wage_zone is WageZone.BORDER else "general"
    state = STATES.get(answers.state or "", "")
    location: dict[str, Any] = {"state": state or "Chihuahua", "wage_zone": zone}
    if not state:
        indicative.append("location.state")
    if answers.city:
        location["city"] = answers.city

    operator = STANDARD_ROLES["operator"]
    plan = list(answers.roles) or [RoleHeadcount(operator.en, 100)]
    if not answers.roles:
        indicative.append("workforce.roles")
    largest = max(r.headcount for r in plan)
    taken: set[str] = set()
    roles: list[dict[str, Any]] = [
        new_role(role.role, Decimal(role.headcount), zone, taken, largest=role.headcount == largest,
                 key="" if answers.roles else "operator")
        for role in plan
    ]
    if structure == "own_entity":
        clerk = KINDS_BY_KEY["clerk"]
        for key, staff in OWN_ENTITY_ROLES:
            roles.append(new_role(STANDARD_ROLES[key].en, Decimal(staff), zone, taken, key=key, kind=clerk))
    for n in range(len(roles)):
        indicative.append(f"workforce.roles[{n}].daily_wage_mxn")
        indicative.append(f"workforce.roles[{n}].market_benefits")
    heads = sum((Decimal(r["headcount"]) for r in roles), D(0))
    area = (heads * SQFT_PER_HEAD).quantize(D(1000)) if heads else D(0)
    scale = heads / D(140) if heads else D(1)
    rent = RENT_BY_STATE.get(answers.state or "", NATIONAL_RENT)
    monthly_imports = answers.monthly_temporary_imports_mxn
    imports_usd = (monthly_imports / fx_mxn_per_usd).quantize(D(1)) if monthly_imports else D(0)
    one_time = [
        _item("leasehold_improvements", (area * D(5)).quantize(D(1))),
        _item("machinery_relocation", D(350000)),
        _item("recruiting_training", (heads * D(800)).quantize(D(1))),
        _item("travel_validation", D(200000)),
        _item("parallel_running", D(400000)),
        _item("us_closure", D(600000)),
        _item("it_erp", D(75000)),
    ]
    if structure == "shelter":
        one_time.insert(0, _item("shelter_setup_fee", D(25000)))
        fee: dict[str, Any] = {"model": "per_headcount", "usd_per_head_per_month": D(165)}
    else:  # an own entity pays no shelter fee but sets itself up
        one_time[:0] = [_item("incorporation", D(15000)), _item("transfer_pricing", D(20000)),
                        _item("program_filings", D(30000))]
        fee = {"model": "per_headcount", "usd_per_head_per_month": D(0)}
    indicative += ["facility", "utilities", "site_overhead", "shelter_fee", "logistics", "us_baseline",
                   "one_time", "scenario.fx_mxn_per_usd", "scenario.discount_rate", "escalation"]
    document: dict[str, Any] = {
        "schema": SCHEMA,
        "_prefill": {"from": "journey", "structure": structure, "indicative": indicative},
        "scenario": {
            "name": name, "base_year": base_year, "horizon_years": 5, "fx_mxn_per_usd": fx_mxn_per_usd,
            "_fx_as_of": PLANNING_FX_AS_OF.isoformat(), "_fx_source": PLANNING_FX_SOURCE,
            "discount_rate": D("0.10"),
            "ramp_realization_by_year": {str(base_year): first_year_share(base_year, start)},
        },
        "location": location,
        "statutory": {"risk_class": "III"},
        "workforce": {"seniority_years": 1, "productivity_factor": D("1.0"), "roles": roles},
        "facility": {"area_sqft": area, "rent_usd_per_sqft_month": rent, "nnn_usd_per_sqft_month": D("0.06")},
        "utilities": {"electricity_kwh_per_month": (area * 2).quantize(D(1)), "electricity_mxn_per_kwh": D("2.3"),
                      "water_gas_mxn_per_month": (D(45000) * scale).quantize(D(1))},
        "site_overhead": {"usd_per_month": (D(15000) * scale).quantize(D(1))},
        "shelter_fee": fee,
        "logistics": {  # the worked example's lanes, scaled to the headcount
            "northbound_loads_per_month": (D(25) * scale).quantize(D(1)),
            "southbound_loads_per_month": (D(20) * scale).quantize(D(1)),
            "crossing_usd_per_load": D(300), "us_entry_usd_per_northbound_load": D(150),
            "us_export_filing_usd_per_southbound_load": D(50),
            "northbound_pedimentos_per_month": D(4), "southbound_pedimentos_per_month": D(4),
            "customs_broker_mxn_per_pedimento": D(5000),
        },
        "us_baseline": {  # R12: ECEC burden (13.58 - 3.44) / 32.07; wages and site of the worked example
            "direct_wage_usd_per_hour": D("20.00"), "indirect_salary_usd_per_year": D(72000),
            "benefits_burden_rate": D("0.3162"), "area_sqft": area, "rent_usd_per_sqft_month": D("0.65"),
            "nnn_usd_per_sqft_month": D("0.15"), "electricity_kwh_per_month": (area * 2).quantize(D(1)),
            "electricity_usd_per_kwh": D("0.085"), "water_gas_usd_per_month": (D(3500) * scale).quantize(D(1)),
            "site_overhead_usd_per_month": (D(22000) * scale).quantize(D(1)),
        },
        "one_time": {"items": one_time, "contingency_rate": D("0.10"), "pipeline_inventory_usd": D(200000)},
        "escalation": {"mx_wages": D("0.06"), "mx_cpi": D("0.0369"), "usd_costs": D("0.03"), "us_wages": D("0.035")},
        "iva_financing": {
            "certified": bool(certified), "temporary_imports_usd_per_month": imports_usd,
            "recovery_lag_months": D(3),
        },
    }
    document["_site"] = site_prefill(answers.state, answers.city)
    indicative += [p for p in SITE_INDICATIVE if p.rsplit(".", 1)[1] in document["_site"]]
    if certified is None:
        indicative.append("iva_financing.certified")
    if not monthly_imports:
        indicative.append("iva_financing.temporary_imports_usd_per_month")
    document["_prefill"]["indicative"] = _leaves(document, indicative)
    _date_origins(document, base_year, start, start_source)
    return document


def _date_origins(document: dict[str, Any], base_year: int, start: date | None, source: StartSource) -> None:
    """Say where the first projected year and its share of savings came from."""
    day = date_text(start) if start is not None else Text.same("")
    if start is None:
        year = Text("{year}: the project has no target start and the journey no kickoff yet.",
                    "{year}: el proyecto aún no tiene arranque previsto ni el recorrido fecha de inicio.")
    elif start.year < base_year:
        year = Text("{year}: the start ({day}) falls in a year already past.",
                    "{year}: el arranque ({day}) cae en un año ya pasado.")
    elif source is StartSource.TARGET_START:
        year = Text("The year of the project's target start ({day}).",
                    "El año del arranque previsto del proyecto ({day}).")
    else:
        year = Text("The year of the journey's kickoff ({day}); the project has no target start.",
                    "El año del inicio del recorrido ({day}); el proyecto no tiene arranque previsto.")
    set_text(document, "origins", "scenario.base_year", year.format(year=base_year, day=day))
    share = first_year_share(base_year, start)
    if start is not None and start.year == base_year:
        ramp = Text("Half the steady savings for the part of {year} after the start ({day}): {share} %.",
                    "La mitad del ahorro estable para la parte de {year} posterior al arranque ({day}): {share} %.")
    else:
        ramp = Text("Half the steady savings in {year}, the first year of the transfer.",
                    "La mitad del ahorro estable en {year}, el primer año de la transferencia.")
    set_text(document, "origins", "scenario.ramp_realization_by_year",
             ramp.format(year=base_year, day=day, share=f"{(share * 100).normalize():f}"))


def _leaves(document: dict[str, Any], paths: list[str]) -> list[str]:
    """Every field under the given paths (a whole section marked becomes each of its fields), so typing
    one value unmarks that value only; lists (roles, start-up items) stay marked as a whole."""
    found: list[str] = []

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict) and node:
            for key, value in node.items():
                walk(value, f"{path}.{key}")
        elif path not in found:
            found.append(path)

    for path in paths:
        node: Any = document
        for part in re.findall(r"[A-Za-z_][A-Za-z0-9_]*|\[\d+\]", path):
            node = node[int(part[1:-1])] if part.startswith("[") else node.get(part) if isinstance(node, dict) \
                else None
        walk(node, path)
    return found


def first_year_share(base_year: int, start: date | None) -> Decimal:
    """The share of the steady savings the first projected year realises: half of them (the transfer), for the
    part of the year after the start when production starts inside it (a start on 15 Feb leaves 320 of 365
    days: 0.44); half for a start before the year or unknown. Two decimals."""
    share = FIRST_YEAR_REALIZATION
    if start is not None and start.year == base_year:
        first, last = date(base_year, 1, 1), date(base_year + 1, 1, 1)
        share *= Decimal((last - start).days) / Decimal((last - first).days)
    return share.quantize(D("0.01"))


def _item(key: str, amount: Decimal) -> dict[str, Any]:
    return {"name": ONE_TIME_ITEMS[key].en, "_key": key, "amount_usd": amount}


def default_structure(answers: ProjectAnswers) -> str:
    return "own_entity" if answers.path is Path.OWN_ENTITY else "shelter"


CHINA_TEMPLATE_INDICATIVE: Final = tuple(
    f"_china_baseline.{key}"
    for key in ("annual_mexico_materials_usd", "mfn_rate", "section_301_rate", "section_122_rate",
                "section_122_ends_on", "freight_insurance_rate", "annual_broker_drayage_usd", "pipeline_weeks",
                "carrying_rate")
)
"""The template's indicative fields, for `_prefill.indicative` (the FOB is the consultant's to type)."""


def china_template(answers: ProjectAnswers | None = None, fx_mxn_per_usd: Decimal = PLANNING_FX) -> dict[str, Any]:
    """A `_china_baseline` object with indicative figures the editor can insert; off until the consultant adds it.

    The FOB is 0, to be typed. Rates from cost-model.md R11: MFN 2.5 % (a typical industrial line), Section
    301 lists 1–3 at 25 %, Section 122 at 10 % until 24-Jul-2026; ocean freight and insurance 6 % of FOB,
    US broker and drayage 60,000 USD a year, 6 weeks more pipeline, 20 % a year to carry inventory. The
    Mexican plant's materials start from the journey's monthly temporary imports (a year of them in USD)
    when known, else 0.
    """
    imports = answers.monthly_temporary_imports_mxn if answers else None
    materials = (imports * 12 / fx_mxn_per_usd).quantize(D(1)) if imports else D(0)
    return {
        "annual_fob_usd": D(0),
        "annual_mexico_materials_usd": materials,
        "mfn_rate": D("0.025"),
        "section_301_rate": D("0.25"),
        "section_122_rate": D("0.10"),
        "section_122_ends_on": "2026-07-24",
        "freight_insurance_rate": D("0.06"),
        "annual_broker_drayage_usd": D(60000),
        "pipeline_weeks": D(6),
        "carrying_rate": D("0.20"),
    }

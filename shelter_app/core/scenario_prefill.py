"""A first business-case scenario from what the project already knows, as a `business-case@1` document.

The journey gives the site (state, city, wage zone), the headcount by role, the kickoff, the operating
model, the monthly temporary imports and the certification; the project gives its target start. What
follows the site (asking rent, freight per load, vacancy, distance to the crossing) is drawn from the table
of sites (`core.business_case.sites`), each value with where it came from, or left for the consultant with
the reason when the table has no sourced figure. Everything else (wages, fees, the US plant) is not asked
there, so it starts from indicative figures of the cost model's worked example (docs/cost-model.md §4),
scaled to the headcount. Every figure that is not the client's own is listed under `_prefill.indicative` so
the editor and the PDF mark it until the consultant replaces it (`core.business_case.marks`).

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

from shelter_app.core.answers import Flag, Path, ProjectAnswers, RoleHeadcount, WageZone
from shelter_app.core.bilingual import Text, date_text
from shelter_app.core.business_case.marks import indicative, is_marked, mark_indicative, set_text, unmark
from shelter_app.core.business_case.reference import ReferenceData, SiteReference
from shelter_app.core.business_case.sites import (
    Drawn,
    NotDrawn,
    distance_to_crossing,
    find_market,
    freight_per_load,
    rent,
    vacancy,
)
from shelter_app.core.text import fold_for_search
from shelter_app.core.wage_zones import STATES

SCHEMA: Final = "shelter-app/business-case@1"
STRUCTURES: Final = ("shelter", "own_entity")

D = Decimal


@dataclass(frozen=True)
class RoleKind:
    """A job family with indicative base-year figures (docs/cost-model.md §4 worked example, Juárez 2026)."""

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

PLANNING_FX: Final = D("17.9528")
"""MXN per USD: Banxico's FIX of 31 Dec 2025, the latest rate the reference notes hold (indicative: the consultant
sets the planning rate)."""
PLANNING_FX_SOURCE: Final = "Banxico (FIX)"
PLANNING_FX_AS_OF: Final = date(2025, 12, 31)
FIRST_YEAR_REALIZATION: Final = D("0.5")
"""Share of the steady savings a year of transfer realises: half, while lines move and staff learn."""
SQFT_PER_HEAD: Final = D("430")  # 60,000 sq ft for 140 people in the worked example


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
OWN_ENTITY_KEYS: Final = frozenset(key for key, _ in OWN_ENTITY_ROLES)

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


def site_defaults(document: dict[str, Any], sites: SiteReference, state: str | None, city: str) -> None:
    """Draw the defaults that follow the site from the table of sites, into `document`: the asking rent, the
    freight per load and the site facts (`_site`: vacancy, distance to the crossing). Each drawn value is
    indicative and says where it came from; a default that cannot be drawn (a city the table has no distance
    for) is left out and says why and what to do, never a silent zero. `state` is a code or a name."""
    market = find_market(sites, state, city)
    drawn: dict[str, Drawn | NotDrawn] = {
        "facility.rent_usd_per_sqft_month": rent(sites, market),
        "logistics.crossing_usd_per_load": freight_per_load(sites, market),
        "_site.vacancy_rate": vacancy(sites, market),
        "_site.distance_to_crossing_km": distance_to_crossing(market),
    }
    for path in drawn:
        unmark(document, path)
    for path, default in drawn.items():
        section, key = path.split(".")
        holder = document.setdefault(section, {})
        if isinstance(default, Drawn):
            holder[key] = default.value
            set_text(document, "origins", path, default.explanation)
            mark_indicative(document, [path])
        else:
            holder.pop(key, None)
            set_text(document, "missing", path, default.reason)


TYPICAL_ISN: Final = D("0.03")
"""The payroll-tax rate most states charge (docs/cost-model.md R6), for a state the tables do not list."""
GAP_FIELDS: Final = ("isn_rate", "min_wage_mxn_per_day", "uma_mxn_per_day")


def fill_reference_gaps(document: dict[str, Any], reference: ReferenceData) -> None:
    """Where the reference tables have no row for the base year (or the state), put the latest known value in
    the document as an indicative figure that says so, so the prefill computes and the gap is visible. A gap
    filled before (another site, another year) is filled again for the document as it is now."""
    statutory: dict[str, Any] = document.setdefault("statutory", {})
    marked = indicative(document)
    for name in GAP_FIELDS:
        if is_marked(marked, f"statutory.{name}"):
            statutory.pop(name, None)
            unmark(document, f"statutory.{name}")
    year = int(document["scenario"]["base_year"])
    state = str(document["location"]["state"])
    zone = WageZone.BORDER if document["location"]["wage_zone"] == "zlfn" else WageZone.GENERAL
    isn = [k for k in reference.isn_rate if k[1] == state]
    wages = [k for k in reference.minimum_wage_mxn_per_day if k[1] == zone]
    umas = list(reference.uma_mxn_per_day)
    gaps: list[tuple[str, bool, Decimal | None, Text]] = [
        ("isn_rate", (year, state) in reference.isn_rate,
         reference.isn_rate[max(isn)].value if isn else TYPICAL_ISN,
         Text(f"The reference tables have no payroll-tax rate for {state} in {year}: "
              + (f"its latest one ({max(isn)[0]}) until they have it." if isn else
                 "the rate most states charge, 3 %, until you type the state's."),
              f"Las tablas de referencia no tienen la tasa del impuesto sobre nóminas de {state} para {year}: "
              + (f"se usa la más reciente ({max(isn)[0]}) hasta que la tengan." if isn else
                 "se usa la de la mayoría de los estados, 3 %, hasta que escriba la del estado."))),
        ("min_wage_mxn_per_day", (year, zone) in reference.minimum_wage_mxn_per_day,
         reference.minimum_wage_mxn_per_day[max(wages)].value if wages else None,
         Text(f"The reference tables have no minimum wage for {year} yet: the latest "
              f"({max(wages)[0] if wages else '—'}), until the new one is published.",
              f"Las tablas de referencia aún no tienen el salario mínimo de {year}: se usa el más reciente "
              f"({max(wages)[0] if wages else '—'}) hasta que se publique el nuevo.")),
        ("uma_mxn_per_day", year in reference.uma_mxn_per_day,
         reference.uma_mxn_per_day[max(umas)].value if umas else None,
         Text(f"The reference tables have no UMA for {year} yet: the latest ({max(umas) if umas else '—'}), "
              "until the new one is published.",
              f"Las tablas de referencia aún no tienen la UMA de {year}: se usa la más reciente "
              f"({max(umas) if umas else '—'}) hasta que se publique la nueva.")),
    ]
    for name, known, value, origin in gaps:
        if not known and value is not None:
            statutory[name] = value
            mark_indicative(document, [f"statutory.{name}"])
            set_text(document, "origins", f"statutory.{name}", origin)


def relocate(document: dict[str, Any], reference: ReferenceData, state: str, wage_zone: str, city: str) -> None:
    """Move a scenario to another site (`state` an ISO code): its location, what follows the site (rent,
    freight, site facts), the typical wages of its zone and the reference gaps of the new state and zone."""
    document["location"] = {"state": STATES.get(state, state), "wage_zone": wage_zone, "city": city}
    site_defaults(document, reference.sites, state, city)
    rezone_roles(document)
    fill_reference_gaps(document, reference)


def rezone_roles(document: dict[str, Any]) -> None:
    """After a change of minimum-wage zone: the roles whose wage is still the prefill's typical figure take their
    job family's wage in the document's zone; a wage the consultant or the client gave stays as given."""
    zone = str(document.get("location", {}).get("wage_zone", "general"))
    marked = indicative(document)
    roles = document.get("workforce", {}).get("roles", [])
    largest = max((Decimal(r.get("headcount", 0)) for r in roles), default=D(0))
    for n, role in enumerate(roles):
        if is_marked(marked, f"workforce.roles[{n}].daily_wage_mxn"):
            kind = role_kind(str(role.get("name", "")), largest=Decimal(role.get("headcount", 0)) == largest)
            if role.get("_key") in OWN_ENTITY_KEYS:
                kind = KINDS_BY_KEY["clerk"]
            role["daily_wage_mxn"] = kind.daily_wage_zlfn if zone == "zlfn" else kind.daily_wage_general


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


def prefill_document(answers: ProjectAnswers, sites: SiteReference, *, name: str, base_year: int,
                     structure: str = "shelter", certified: bool | None = None, fx_mxn_per_usd: Decimal = PLANNING_FX,
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
        "facility": {"area_sqft": area, "nnn_usd_per_sqft_month": D("0.06")},  # rent: from the site (below)
        "utilities": {"electricity_kwh_per_month": (area * 2).quantize(D(1)), "electricity_mxn_per_kwh": D("2.3"),
                      "water_gas_mxn_per_month": (D(45000) * scale).quantize(D(1))},
        "site_overhead": {"usd_per_month": (D(15000) * scale).quantize(D(1))},
        "shelter_fee": fee,
        "logistics": {  # the worked example's lanes, scaled to the headcount
            "northbound_loads_per_month": (D(25) * scale).quantize(D(1)),
            "southbound_loads_per_month": (D(20) * scale).quantize(D(1)),
            "us_entry_usd_per_northbound_load": D(150),  # freight per load: from the site (below)
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
    if certified is None:
        indicative.append("iva_financing.certified")
    if not monthly_imports:
        indicative.append("iva_financing.temporary_imports_usd_per_month")
    ieps = ieps_extension(answers, fx_mxn_per_usd)
    if ieps is not None:
        document["_ieps"] = ieps
    document["_prefill"]["indicative"] = _leaves(document, indicative)
    site_defaults(document, sites, answers.state, answers.city)
    _date_origins(document, base_year, start, start_source)
    return document


def ieps_extension(answers: ProjectAnswers, fx_mxn_per_usd: Decimal) -> dict[str, Any] | None:
    """The `_ieps` extension from the journey: the IEPS-taxed temporary imports a month, converted at the
    scenario's rate like the temporary imports, and their rate as a fraction. None unless the client said it
    has IEPS-taxed inputs and gave both figures (the client's own, so not indicative)."""
    monthly, rate_pct = answers.monthly_ieps_imports_mxn, answers.ieps_rate_pct
    if answers.answered(Flag.IEPS_TAXED_INPUTS) is not True or monthly is None or rate_pct is None:
        return None
    return {"taxed_imports_usd_per_month": (monthly / fx_mxn_per_usd).quantize(D(1)) if monthly else D(0),
            "ieps_rate": rate_pct / 100}


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

    The FOB is 0, to be typed. Rates from docs/cost-model.md R11: MFN 2.5 % (a typical industrial line), Section
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

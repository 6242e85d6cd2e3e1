"""A realistic demo portfolio, and large synthetic ones for benchmarks.

The demo companies are invented; their RFCs have valid shape and check digits but are
made up for the demo (any match with a real taxpayer would be chance).
"""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import insert
from sqlmodel import col

from shelter_app.core.identifiers import rfc_check_digit
from shelter_app.core.portfolio import (
    ClientFields,
    ContactFields,
    Language,
    OperatingModel,
    ProjectFields,
    Stage,
)
from shelter_app.core.text import fold_for_search
from shelter_app.services import clients, contacts, projects
from shelter_app.services.errors import DuplicateClient
from shelter_app.storage.db import Database
from shelter_app.storage.models import Client, Project
from shelter_app.storage.types import utcnow

DemoClient = tuple[ClientFields, list[ContactFields], list[ProjectFields]]

DEMO: list[DemoClient] = [
    (
        ClientFields("Válvulas del Norte, S.A. de C.V.", "VALNOR", "MX", "VNO150312KMA", "Industrial valves",
                     "Av. Industrial 1450, Parque Industrial Apodaca, 66600 Apodaca, N.L.",
                     "https://valnor.example.mx", "Family-owned; expanding a second plant for US customers."),
        [ContactFields("Mariana Peña Garza", "Directora General", "mariana.pena@valnor.example.mx",
                       "+52 81 8145 2200", Language.ES),
         ContactFields("Jorge Ibáñez", "Gerente de Comercio Exterior", "jibanez@valnor.example.mx",
                       "+52 81 8145 2215", Language.ES)],
        [ProjectFields("Second plant in Apodaca under IMMEX", OperatingModel.OWN_ENTITY, date(2027, 4, 1),
                       Stage.SETUP, "Lucía Treviño")],
    ),
    (
        ClientFields("Great Lakes Harness Inc.", "GLH", "US", None, "Automotive wire harnesses",
                     "2200 Industrial Pkwy, Toledo, OH 43612, USA", "https://glharness.example.com",
                     "Tier-2 supplier; 60% of volume goes to Mexican OEM plants."),
        [ContactFields("Daniel O'Brien", "VP Operations", "dobrien@glharness.example.com", "+1 419 555 0142",
                       Language.EN),
         ContactFields("Sofía Ramírez", "Supply Chain Manager", "sramirez@glharness.example.com",
                       "+1 419 555 0177", Language.ES)],
        [ProjectFields("Harness assembly in Ciudad Juárez", OperatingModel.SHELTER, date(2027, 2, 15),
                       Stage.PROPOSAL, "Lucía Treviño")],
    ),
    (
        ClientFields("Nordwerk Präzision GmbH", "Nordwerk", "DE", None, "Precision machined parts",
                     "Hafenstraße 12, 28217 Bremen, Germany", "https://nordwerk.example.de", ""),
        [ContactFields("Katrin Müller", "Head of Global Sourcing", "k.mueller@nordwerk.example.de",
                       "+49 421 555 3300", Language.EN)],
        [ProjectFields("Machining cell in Querétaro", OperatingModel.UNDECIDED, date(2027, 9, 1),
                       Stage.ASSESSMENT, "Andrés Villarreal")],
    ),
    (
        ClientFields("Shenzhen Brightway Electronics Co., Ltd.", "Brightway", "CN", None, "Consumer electronics",
                     "Bao'an District, Shenzhen, Guangdong, China", "https://brightway.example.cn",
                     "Moving final assembly out of China to avoid Section 301 tariffs."),
        [ContactFields("Li Wei", "General Manager, Americas", "li.wei@brightway.example.cn", "+86 755 5555 0199",
                       Language.EN)],
        [ProjectFields("Final assembly in Tijuana", OperatingModel.SHELTER, None, Stage.PROSPECT,
                       "Andrés Villarreal")],
    ),
    (
        ClientFields("Maquinados Ñandú de Jalisco, S. de R.L. de C.V.", "Ñandú", "MX", "MÑJ091105AB8",
                     "Metal stamping", "Periférico Sur 7980, 45601 Tlaquepaque, Jal.", "",
                     "Existing IMMEX holder; renewing the IVA/IEPS certification."),
        [ContactFields("Ramón Ñúñez Olvera", "Contralor", "rnunez@nandu.example.mx", "33 3601 4455", Language.ES)],
        [ProjectFields("IVA/IEPS certification renewal", OperatingModel.OWN_ENTITY, date(2026, 12, 1),
                       Stage.OPERATING, "Lucía Treviño")],
    ),
    (
        ClientFields("Cascade Medical Devices LLC", "Cascade Medical", "US", None, "Medical devices (class II)",
                     "800 NE Columbia Blvd, Portland, OR 97211, USA", "https://cascademed.example.com", ""),
        [ContactFields("Emily Chen", "Director of Manufacturing", "echen@cascademed.example.com",
                       "+1 503 555 0110", Language.EN)],
        [ProjectFields("Clean-room assembly in Tijuana", OperatingModel.SHELTER, date(2027, 6, 1),
                       Stage.CONTRACTING, "Andrés Villarreal"),
         ProjectFields("Sterilisation outsourcing study", OperatingModel.UNDECIDED, None, Stage.CLOSED,
                       "Andrés Villarreal")],
    ),
    (
        ClientFields("Aceros y Tubos del Bajío, S.A.P.I. de C.V.", "ATB", "MX", "ATU081212QR0", "Steel tubing",
                     "Carretera a León km 7, 36250 Silao, Gto.", "https://atb.example.mx", ""),
        [ContactFields("Fernanda Lozano", "Directora de Finanzas", "flozano@atb.example.mx", "+52 472 555 8100",
                       Language.ES)],
        [ProjectFields("Shelter for a US partner's cutting line", OperatingModel.SHELTER, date(2027, 3, 1),
                       Stage.ASSESSMENT, "Lucía Treviño")],
    ),
]


def seed_demo(db: Database, actor: str = "demo") -> int:
    """Add the demo portfolio through the same services the GUI uses; returns clients added.

    Clients already present (same RFC or name) are skipped, so running it twice is harmless.
    """
    added = 0
    existing = set(clients.search_clients(db, include_archived=True))
    names = {r.legal_name for r in clients.client_rows(db, sorted(existing)).values()}
    for fields, people, engagements in DEMO:
        if fields.legal_name in names:
            continue
        try:
            client_id = clients.create_client(db, actor, fields).entity_id
        except DuplicateClient:  # present under an edited name, or a colleague holds its RFC
            continue
        for person in people:
            contacts.add_contact(db, actor, client_id, person)
        for engagement in engagements:
            project_id = projects.create_project(db, actor, client_id, engagement).entity_id
            if engagement.stage is not Stage.CLOSED:
                _demo_journey(db, actor, project_id, fields.legal_name, engagement.stage)
                _demo_business_case(db, actor, project_id, fields.legal_name, engagement.stage)
        added += 1
    return added


_PROFILE = {"annual_sales_usd": "48,000,000", "annual_exports_usd": "31,000,000",
            "monthly_temporary_imports_mxn": "22,500,000"}
_SHELTER = {"provider_certification": "certified", "provider_civa_rubro": "AAA", "exports_under_usmca": True}

# legal name -> (operating model, site, roles, programs, kickoff); a realistic spread of regions and paths
DEMO_JOURNEYS: dict[str, tuple[str, dict[str, Any], list[dict[str, Any]], dict[str, Any], date]] = {
    "Válvulas del Norte, S.A. de C.V.": (
        "own_entity", {"state": "NLE", "city": "Apodaca", "industrial_park": "Parque Industrial Apodaca"},
        [{"role": "Machinist", "headcount": 85, "shifts": 2}, {"role": "Quality inspector", "headcount": 8}],
        {"immex_modality": "industrial", "civa_rubro": "A", "temporary_imports_returned_pct": "71",
         "uses_prosec": True}, date(2026, 6, 1)),
    "Great Lakes Harness Inc.": (
        "shelter", {"state": "CHH", "city": "Ciudad Juárez", "industrial_park": "Parque Industrial Américas"},
        [{"role": "Assembler", "headcount": 240, "shifts": 3}, {"role": "Technician", "headcount": 12}],
        _SHELTER, date(2026, 11, 2)),
    "Maquinados Ñandú de Jalisco, S. de R.L. de C.V.": (
        "own_entity", {"state": "JAL", "city": "Tlaquepaque", "industrial_park": "Parque Industrial El Salto"},
        [{"role": "Press operator", "headcount": 60, "shifts": 2}],
        {"immex_modality": "industrial", "civa_rubro": "AA", "temporary_imports_returned_pct": "88"},
        date(2025, 9, 1)),
    "Cascade Medical Devices LLC": (
        "shelter", {"state": "BCN", "city": "Tijuana", "industrial_park": "Parque Industrial Pacífico"},
        [{"role": "Clean-room assembler", "headcount": 90, "shifts": 2}, {"role": "Quality engineer", "headcount": 6}],
        {**_SHELTER, "imports_annex_ii": False}, date(2026, 9, 14)),
    "Aceros y Tubos del Bajío, S.A.P.I. de C.V.": (
        "shelter", {"state": "GUA", "city": "Silao", "industrial_park": "Puerto Interior"},
        [{"role": "Cutting-line operator", "headcount": 35, "shifts": 2}],
        _SHELTER, date(2026, 12, 1)),
}
# share of the checklist already closed at each stage
_STAGE_PROGRESS = {Stage.ASSESSMENT: 0.0, Stage.PROPOSAL: 0.1, Stage.CONTRACTING: 0.25, Stage.SETUP: 0.5,
                   Stage.OPERATING: 0.9}


def _demo_journey(db: Database, actor: str, project_id: int, legal_name: str, stage: Stage) -> None:
    """Walk the journey as the consultant would have, apply it, and close items to fit the stage."""
    from shelter_app.core.journey import Journey, Step
    from shelter_app.services import checklists

    plan = DEMO_JOURNEYS.get(legal_name)
    journey = Journey()
    if plan is None:  # still deciding: the journey stopped at the operating model
        if stage is not Stage.PROSPECT:
            journey.go_next(_PROFILE)
            checklists.save_journey(db, actor, project_id, journey, None)
        return
    path, site, roles, programs, kickoff = plan
    answers = {Step.PROFILE: _PROFILE, Step.OPERATING_MODEL: {"path": path},
               Step.SITE: {**site, "builds_new_plant": False}, Step.LABOR: {"roles": roles},
               Step.PROGRAMS: programs, Step.TIMELINE: {"kickoff": kickoff}}
    while journey.current is not Step.BUSINESS_CASE:
        journey.go_next(answers[journey.current])
    checklists.save_journey(db, actor, project_id, journey, None)
    checklists.apply_journey(db, actor, project_id)
    # in schedule order: an item is due only after its prerequisites, so they close first
    items = sorted(checklists.project_items(db, project_id), key=lambda i: (i.due_on or kickoff, i.start_on or kickoff))
    to_close = round(len(items) * _STAGE_PROGRESS.get(stage, 0.0))
    for item in items[:to_close]:
        checklists.set_status(db, actor, item.row_id, "done", "", today=item.due_on or kickoff,
                              reschedule_after=False)
    if to_close < len(items):
        checklists.set_status(db, actor, items[to_close].row_id, "in_progress", "started", reschedule_after=False)
    checklists.reschedule(db, project_id)


@dataclass(frozen=True)
class DemoCase:
    """What a demo client told its consultant about the plant it has today and the move: the figures that
    replace the prefill's indicative ones (and so are no longer marked), as a real case would."""

    name: str
    """The journey's scenario, named as the consultant would."""
    us_baseline: dict[str, Decimal]
    productivity: Decimal
    """Mexican output per direct hour against plan while the new team learns."""
    second_year_share: Decimal
    """Share of the steady savings realised in the second projected year (the transfer is phased)."""
    one_time: dict[str, Decimal]
    """Start-up items by standard key (`scenario_prefill.ONE_TIME_ITEMS`), USD."""
    contingency_rate: Decimal
    pipeline_inventory_usd: Decimal
    alternative: tuple[str, str, dict[str, str]] | None = None
    """A second scenario: its name, structure, and the location that differs (None: none)."""


def _usd(**amounts: int | str) -> dict[str, Decimal]:
    return {key: Decimal(str(value)) for key, value in amounts.items()}


DEMO_CASES: dict[str, DemoCase] = {
    "Great Lakes Harness Inc.": DemoCase(
        "Ciudad Juárez",
        _usd(direct_wage_usd_per_hour="17.40", indirect_salary_usd_per_year=61000, benefits_burden_rate="0.30",
             area_sqft=95000, rent_usd_per_sqft_month="0.42", nnn_usd_per_sqft_month="0.11",
             electricity_kwh_per_month=150000, electricity_usd_per_kwh="0.095", water_gas_usd_per_month=4200,
             site_overhead_usd_per_month=38000),
        productivity=Decimal("0.82"), second_year_share=Decimal("0.75"),
        one_time=_usd(shelter_setup_fee=40000, leasehold_improvements=540000, machinery_relocation=950000,
                      recruiting_training=760000, travel_validation=620000, parallel_running=1800000,
                      us_closure=2600000, it_erp=150000),
        contingency_rate=Decimal("0.12"), pipeline_inventory_usd=Decimal(900000),
        alternative=("Querétaro", "shelter", {"state": "QUE", "wage_zone": "general", "city": "Querétaro"})),
    "Válvulas del Norte, S.A. de C.V.": DemoCase(
        "Apodaca, entidad propia",
        _usd(direct_wage_usd_per_hour="25.80", indirect_salary_usd_per_year=74000, benefits_burden_rate="0.31",
             area_sqft=48000, rent_usd_per_sqft_month="0.62", nnn_usd_per_sqft_month="0.14",
             electricity_kwh_per_month=140000, electricity_usd_per_kwh="0.082", water_gas_usd_per_month=3800,
             site_overhead_usd_per_month=26000),
        productivity=Decimal("0.85"), second_year_share=Decimal("0.80"),
        one_time=_usd(incorporation=18000, transfer_pricing=24000, program_filings=35000,
                      leasehold_improvements=260000, machinery_relocation=1400000, recruiting_training=240000,
                      travel_validation=320000, parallel_running=900000, us_closure=650000, it_erp=110000),
        contingency_rate=Decimal("0.10"), pipeline_inventory_usd=Decimal(650000),
        alternative=("Apodaca, albergue", "shelter", {})),
    "Maquinados Ñandú de Jalisco, S. de R.L. de C.V.": DemoCase(
        "Tlaquepaque, entidad propia",
        _usd(direct_wage_usd_per_hour="22.60", indirect_salary_usd_per_year=68000, benefits_burden_rate="0.31",
             area_sqft=40000, rent_usd_per_sqft_month="0.55", nnn_usd_per_sqft_month="0.12",
             electricity_kwh_per_month=180000, electricity_usd_per_kwh="0.088", water_gas_usd_per_month=3000,
             site_overhead_usd_per_month=21000),
        productivity=Decimal("0.85"), second_year_share=Decimal("0.80"),
        one_time=_usd(incorporation=18000, transfer_pricing=24000, program_filings=35000,
                      leasehold_improvements=200000, machinery_relocation=1600000, recruiting_training=150000,
                      travel_validation=260000, parallel_running=700000, us_closure=800000, it_erp=90000),
        contingency_rate=Decimal("0.10"), pipeline_inventory_usd=Decimal(500000)),
    "Cascade Medical Devices LLC": DemoCase(
        "Tijuana",
        _usd(direct_wage_usd_per_hour="24.50", indirect_salary_usd_per_year=102000, benefits_burden_rate="0.33",
             area_sqft=46000, rent_usd_per_sqft_month="1.05", nnn_usd_per_sqft_month="0.24",
             electricity_kwh_per_month=210000, electricity_usd_per_kwh="0.11", water_gas_usd_per_month=6500,
             site_overhead_usd_per_month=52000),
        productivity=Decimal("0.88"), second_year_share=Decimal("0.70"),
        one_time=_usd(shelter_setup_fee=40000, leasehold_improvements=1900000, machinery_relocation=650000,
                      recruiting_training=380000, travel_validation=950000, parallel_running=1300000,
                      us_closure=1200000, it_erp=180000),
        contingency_rate=Decimal("0.15"), pipeline_inventory_usd=Decimal(1200000),
        alternative=("Mexicali", "shelter", {"state": "BCN", "wage_zone": "zlfn", "city": "Mexicali"})),
}


# legal name -> what the client pays a Chinese supplier today (a China-supplier baseline in its first scenario)
DEMO_CHINA: dict[str, dict[str, Any]] = {
    "Cascade Medical Devices LLC": {"annual_fob_usd": Decimal(14500000),
                                    "annual_mexico_materials_usd": Decimal(6200000),
                                    "section_301_rate": Decimal("0.25")},
}


def _client_figures(document: dict[str, Any], case: DemoCase) -> None:
    """Put the client's own figures in a prefilled document: they replace the indicative ones and lose the mark."""
    from shelter_app.core.business_case import marks

    for key, value in case.us_baseline.items():
        document["us_baseline"][key] = value
        marks.unmark(document, f"us_baseline.{key}")
    document["workforce"]["productivity_factor"] = case.productivity
    scenario = document["scenario"]
    second = str(int(scenario["base_year"]) + 1)
    scenario["ramp_realization_by_year"][second] = case.second_year_share
    items = document["one_time"]["items"]
    for item in items:
        if item.get("_key") in case.one_time:
            item["amount_usd"] = case.one_time[item["_key"]]
    document["one_time"]["contingency_rate"] = case.contingency_rate
    document["one_time"]["pipeline_inventory_usd"] = case.pipeline_inventory_usd
    for path in ("one_time", "workforce.productivity_factor"):
        marks.unmark(document, path)


def _demo_business_case(db: Database, actor: str, project_id: int, legal_name: str, stage: Stage) -> None:
    """From the proposal stage on, a consultant has a business case: the journey's scenario with what the client
    said of its current plant and the move, and for some clients a second city or structure to compare."""
    from shelter_app.content.reference import shipped_reference
    from shelter_app.core.scenario_prefill import relocate
    from shelter_app.services import scenarios

    case = DEMO_CASES.get(legal_name)
    if case is None or legal_name not in DEMO_JOURNEYS or stage in (Stage.PROSPECT, Stage.ASSESSMENT):
        return
    path = DEMO_JOURNEYS[legal_name][0]
    today = date(2026, 11, 23)
    document = scenarios.prefilled(db, project_id, case.name, path, today=today)
    _client_figures(document, case)
    if legal_name in DEMO_CHINA:  # the client buys these goods from China today: compare with that too
        from shelter_app.core.business_case import marks
        from shelter_app.core.scenario_prefill import CHINA_TEMPLATE_INDICATIVE, china_template

        document["_china_baseline"] = {**china_template(), **DEMO_CHINA[legal_name]}
        marks.mark_indicative(document, [p for p in CHINA_TEMPLATE_INDICATIVE
                                         if p.rsplit(".", 1)[1] not in DEMO_CHINA[legal_name]])
    scenarios.create_scenario(db, actor, project_id, case.name, structure=path, document=document)
    if case.alternative is None:
        return
    name, structure, location = case.alternative
    if structure != path:
        other = scenarios.prefilled(db, project_id, name, structure, today=today)
        _client_figures(other, case)
    else:
        other = copy.deepcopy(document)
        other.pop("_china_baseline", None)
        relocate(other, shipped_reference(), location["state"], location["wage_zone"], location["city"])
    scenarios.create_scenario(db, actor, project_id, name, structure=structure, document=other)


_PREFIXES = ["Industrias", "Manufacturas", "Grupo", "Componentes", "Maquinados", "Plásticos", "Ensambles",
             "Tecnologías", "Metales", "Válvulas", "Aceros", "Electrónica", "Precision", "Global", "Pacific"]
_NAMES = ["del Norte", "de Sonora", "Ñuñoa", "Bajío", "Querétaro", "Álamo", "Río Bravo", "Sierra", "Pacífico",
          "Atlas", "Orion", "Cóndor", "Halcón", "Jaguar", "Monarca", "Apex", "Summit", "Lakeside", "Keystone"]
_SUFFIXES = ["S.A. de C.V.", "S. de R.L. de C.V.", "Inc.", "LLC", "GmbH", "Ltd."]


def generate_portfolio(db: Database, count: int, seed: int = 7) -> None:
    """Bulk-insert `count` synthetic clients with one project each (benchmarks and load tests)."""
    rng = random.Random(seed)
    now = utcnow()
    stages = list(Stage)
    client_rows: list[dict[str, Any]] = []
    used_rfcs: set[str] = set()
    for n in range(count):
        name = f"{rng.choice(_PREFIXES)} {rng.choice(_NAMES)} {n:05d}, {rng.choice(_SUFFIXES)}"
        mexican = rng.random() < 0.4
        rfc = None
        if mexican:
            while rfc is None or rfc in used_rfcs:
                letters = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(3))
                homoclave = "".join(rng.choice("ABCDEFGHIJKLMNPQRSTUVWXYZ123456789") for _ in range(2))
                stem = (f"{letters}{rng.randint(0, 99):02d}{rng.randint(1, 12):02d}"
                        f"{rng.randint(1, 28):02d}{homoclave}")
                rfc = stem + rfc_check_digit(stem)
            used_rfcs.add(rfc)
        client_rows.append({
            "legal_name": name, "trade_name": "", "country": "MX" if mexican else rng.choice(["US", "DE", "CN"]),
            "rfc": rfc, "industry": "", "hq_address": "", "website": "", "notes": "", "archived": rng.random() < 0.05,
            "search_text": fold_for_search(f"{name} {rfc or ''}"), "created_at": now, "updated_at": now,
            "version": 1,
        })
    with db.transaction() as session:
        first = session.execute(insert(Client).returning(col(Client.id)), client_rows).scalars().all()
        session.execute(insert(Project), [
            {"client_id": cid, "title": "Setup", "operating_model": "shelter", "target_start": None,
             "stage": rng.choice(stages).value, "consultant": "bench", "created_at": now, "updated_at": now,
             "version": 1}
            for cid in first
        ])

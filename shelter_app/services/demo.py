"""A realistic demo portfolio, and large synthetic ones for benchmarks.

The demo companies are invented; their RFCs have valid shape and check digits but are
made up for the demo (any match with a real taxpayer would be chance).
"""

from __future__ import annotations

import random
from datetime import date
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
            projects.create_project(db, actor, client_id, engagement)
        added += 1
    return added


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

"""The demo portfolio and the synthetic one used for benchmarks."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from decimal import Decimal

from sqlmodel import select

from shelter_app.core.identifiers import validate_rfc
from shelter_app.services import clients, demo
from shelter_app.storage.db import Database
from shelter_app.storage.models import Client
from tests.services.helpers import counts


def test_the_demo_adds_seven_clients_with_contacts_and_projects_once(db: Database) -> None:
    assert demo.seed_demo(db, "demo") == 7

    expected_contacts = sum(len(people) for _, people, _ in demo.DEMO)
    expected_projects = sum(len(work) for _, _, work in demo.DEMO)
    after_first = counts(db)
    assert after_first["client"] == 7
    assert after_first["contact"] == expected_contacts > 7
    assert after_first["project"] == expected_projects >= 7
    # one event per write: clients, contacts, projects, then the journeys, checklists and their statuses
    assert after_first["audit_event"] > 7 + expected_contacts + expected_projects
    for client_id in clients.search_clients(db):
        detail = clients.get_client(db, client_id)
        assert detail.contacts and detail.projects, detail.fields.legal_name

    # journeys and checklists at realistic stages: the further the stage, the more is done
    from shelter_app.services import checklists

    def done_share(name: str) -> float:
        project = clients.get_client(db, clients.search_clients(db, name)[0]).projects[0]
        items = checklists.project_items(db, project.id)
        return sum(i.status == "done" for i in items) / len(items)

    assert done_share("bajio") == 0.0  # assessment
    assert 0 < done_share("harness") < done_share("valvulas") < done_share("nandu")  # proposal < setup < operating
    nordwerk = clients.get_client(db, clients.search_clients(db, "nordwerk")[0]).projects[0]
    assert not checklists.get_journey(db, nordwerk.id).journey.can_finish  # still deciding the model

    assert demo.seed_demo(db, "demo") == 0  # idempotent
    assert counts(db) == after_first


def test_the_demo_skips_a_company_present_under_an_edited_name(db: Database) -> None:
    demo.seed_demo(db)
    valnor = clients.search_clients(db, "valvulas")[0]
    detail = clients.get_client(db, valnor)
    clients.update_client(db, "ana", valnor, detail.version,
                          replace(detail.fields, legal_name="Válvulas del Norte SA de CV"))
    before = counts(db)

    assert demo.seed_demo(db) == 0  # same RFC: the same company, not added again

    assert counts(db) == before


def test_the_demo_companies_are_found_without_accents(db: Database) -> None:
    demo.seed_demo(db)
    rows = clients.client_rows(db, clients.search_clients(db, "valvula"))
    assert [r.legal_name for r in rows.values()] == ["Válvulas del Norte, S.A. de C.V."]
    rows = clients.client_rows(db, clients.search_clients(db, "nandu"))
    assert [r.trade_name for r in rows.values()] == ["Ñandú"]


def test_the_demo_rfcs_are_valid_without_warnings() -> None:
    rfcs = [fields.rfc for fields, _, _ in demo.DEMO if fields.rfc]
    assert len(rfcs) >= 3
    for rfc in rfcs:
        check = validate_rfc(rfc)
        assert (check.rfc, check.kind, check.warnings) == (rfc, "company", ()), rfc


def test_generate_portfolio_inserts_unique_valid_clients(db: Database) -> None:
    demo.generate_portfolio(db, 2000)

    found = counts(db)
    assert (found["client"], found["project"]) == (2000, 2000)
    with db.transaction() as session:
        stored = session.exec(select(Client.rfc, Client.legal_name, Client.country, Client.search_text)).all()
    rfcs = [rfc for rfc, *_ in stored if rfc]
    assert len(rfcs) > 500  # about 40 % are Mexican
    assert len(set(rfcs)) == len(rfcs)
    assert all(validate_rfc(rfc).warnings == () for rfc in rfcs)
    assert all(country == "MX" for rfc, _, country, _ in stored if rfc)
    assert len({name for _, name, _, _ in stored}) == 2000
    assert all(text == text.casefold() and text for *_, text in stored)
    stages = Counter(row.stage for row in clients.client_rows(db, clients.search_clients(
        db, include_archived=True)).values())
    assert len(stages) >= 5 and sum(stages.values()) == 2000


def test_demo_clients_past_the_assessment_have_business_cases_to_compare(db: Database) -> None:
    from shelter_app.services import scenarios

    demo.seed_demo(db, "demo")
    by_client = {r.legal_name: cid for cid, r in clients.client_rows(db, clients.search_clients(db)).items()}
    harness = by_client["Great Lakes Harness Inc."]
    [project] = [p for p in clients.get_client(db, harness).projects]
    listed = scenarios.list_scenarios(db, project.id)
    assert [v.name for v in listed] == ["Ciudad Juárez", "Querétaro"]
    juarez, queretaro = (scenarios.compute_scenario(db, v.id) for v in listed)
    assert juarez.parameters.wage_zone != queretaro.parameters.wage_zone  # border vs general zone
    assert listed[1].document["location"]["state"] == "Querétaro"


def test_the_demo_business_cases_look_like_real_cases(db: Database) -> None:
    """Before, the demo's current plants made every move pay back in months (an IRR of 212 % for Juárez): a
    client's finance director would not believe it. With the clients' own plants and a phased, realistic
    start-up, each case pays back in one and a half to three and a half years."""
    from shelter_app.services import scenarios

    demo.seed_demo(db, "demo")
    names = []
    for client_id in clients.search_clients(db):
        for project in clients.get_client(db, client_id).projects:
            for view in scenarios.list_scenarios(db, project.id):
                returns = scenarios.compute_scenario(db, view.id).returns
                names.append(view.name)
                assert returns.irr is not None and Decimal("0.15") < returns.irr < Decimal("0.80"), view.name
                assert returns.payback_years is not None and Decimal("1.5") < returns.payback_years < Decimal("3.5")
    assert len(names) == 7

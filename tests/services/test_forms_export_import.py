"""Offline forms, consultant side: a package exported for a demo client, filled headless, reviewed and merged.

Real databases (the `db` fixture), the in-memory keyring of the autouse fixture, real package and response files.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func
from sqlmodel import SQLModel, select

from shelter_app import paths
from shelter_app.content.forms import FormSet, definition_from_data, load_forms
from shelter_app.core.journey import Journey
from shelter_app.core.scenario_prefill import role_kind
from shelter_app.exchange import formfiles, formkeys
from shelter_app.paths import Paths
from shelter_app.services import checklists, clients, contacts, demo, form_drafts, forms, projects, scenarios
from shelter_app.storage import models
from shelter_app.storage.db import Database

FORMS = Path(__file__).resolve().parents[1] / "data" / "forms"
GLH = "Great Lakes Harness Inc."
TABLES: list[type[SQLModel]] = [
    models.Client, models.Contact, models.Project, models.AuditEvent, models.ProjectJourney, models.ChecklistItem,
    models.Evidence, models.BusinessScenario, models.BusinessDocument, models.FormPackage, models.FormResponse,
    models.FormDraft,
]


def table_counts(db: Database) -> dict[str, int]:
    """Rows of every table (a refusal must leave all of them as they were)."""
    with db.transaction() as session:
        return {str(m.__tablename__): int(session.exec(select(func.count()).select_from(m)).one()) for m in TABLES}


def demo_project(db: Database, legal_name: str = GLH) -> int:
    """One demo client as `shelter-app demo` makes it: contacts, a project, a finished journey with checklists,
    and its business-case scenarios."""
    fields, people, engagements = next(entry for entry in demo.DEMO if entry[0].legal_name == legal_name)
    client_id = clients.create_client(db, "demo", fields).entity_id
    for person in people:
        contacts.add_contact(db, "demo", client_id, person)
    project_id = projects.create_project(db, "demo", client_id, engagements[0]).entity_id
    demo._demo_journey(db, "demo", project_id, legal_name, engagements[0].stage)
    demo._demo_business_case(db, "demo", project_id, legal_name, engagements[0].stage)
    return project_id


@pytest.fixture
def sample_forms(monkeypatch: pytest.MonkeyPatch) -> FormSet:
    """The test forms (sample 1.0 and 1.1) stand in for the shipped ones."""
    loaded = load_forms(FORMS)
    monkeypatch.setattr(forms, "shipped_forms", lambda: loaded)
    return loaded


@pytest.fixture
def folders() -> Paths:
    return paths.get_paths().ensure()


@dataclass
class Sent:
    project_id: int
    package: Path
    summary: forms.PackageSummary
    prefill: dict[str, Any]


def send(db: Database, folders: Paths, project_id: int, form_id: str = "sample") -> Sent:
    target = folders.data.parent / f"{form_id}-{project_id}.sdform"
    summary = forms.export_package(db, folders, "lucia", project_id, form_id, target, consultant_name="Lucía Treviño")
    return Sent(project_id, target, summary, formfiles.read_package(target).prefill)


def fill(folders: Paths, sent: Sent, changes: dict[str, Any], name: str = "response") -> Path:
    target = folders.data.parent / f"{name}.sdresponse"
    issues = form_drafts.fill_package(folders, sent.package, {**sent.prefill, **changes}, target)
    assert issues == []
    return target


@pytest.fixture
def project(db: Database, sample_forms: FormSet) -> int:
    return demo_project(db)


@pytest.fixture
def sent(db: Database, folders: Paths, project: int) -> Iterator[Sent]:
    yield send(db, folders, project)


def test_package_carries_the_latest_version_prefilled_from_the_project(db: Database, folders: Paths, sent: Sent,
                                                                       sample_forms: FormSet) -> None:
    package = formfiles.read_package(sent.package)
    assert (package.form_id, package.form_version) == ("sample", sample_forms.latest("sample").version)
    assert package.language == "en"  # the client's first contact reads English
    assert package.project.client_name == "GLH" and package.project.title == "Harness assembly in Ciudad Juárez"
    assert re.fullmatch(r"[0-9a-f]{32}", package.project.reference)  # opaque: no database id in the clear
    assert package.prefill["legal_name"] == GLH
    assert package.prefill["sales"] == {"amount": "48000000", "currency": "USD"}
    assert package.prefill["kickoff"] == "2026-11-02" and package.prefill["model"] == "shelter"
    assert package.prefill["roles"] == [{"role": "Assembler", "headcount": 240, "shifts": 3},
                                        {"role": "Technician", "headcount": 12, "shifts": 1}]
    first = scenarios.list_scenarios(db, sent.project_id)[0].document
    assert Decimal(package.prefill["area"]) == first["facility"]["area_sqft"]
    assert package.consultant.fingerprint == forms.key_status(folders).fingerprint
    key = formkeys.consultant_key(forms.key_file(folders), None, create=False)
    assert package.signed_by == formkeys.fingerprint(formkeys.signing_key(key).verify_key)  # signed on export
    with db.transaction() as session:
        row = session.exec(select(models.FormPackage)).first()
        events = session.exec(select(models.AuditEvent).where(models.AuditEvent.entity == "form_package")).all()
    assert row.package_id == package.package_id and row.file_sha256 == package.file_sha256
    assert json.loads(row.sent_values)["journey.profile.annual_sales_usd"] == "48000000"
    assert len(events) == 1 and events[0].action == "export"
    listed = forms.list_packages(db, sent.project_id)
    assert [(p.package_id, p.responses) for p in listed] == [(package.package_id, 0)]
    second = formfiles.read_package(send(db, folders, sent.project_id).package)
    assert second.project.reference == package.project.reference  # drafts of one project find each other
    assert second.package_id != package.package_id


def test_round_trip_merges_into_client_journey_checklists_and_every_scenario(db: Database, folders: Paths,
                                                                              sent: Sent) -> None:
    response = fill(folders, sent, {
        "legal_name": "Great Lakes Harness Incorporated", "area": "90000", "employees": 40,
        "roles": [{"role": "Assembler", "headcount": 250, "shifts": 3}, {"role": "Quality inspector", "headcount": 9}],
        "sales": {"amount": "52000000", "currency": "USD"},
    })
    before = table_counts(db)
    review = forms.review_response(db, folders, response)
    assert table_counts(db) == before  # a review writes nothing
    status = {r.key: r.status for r in review.rows}
    assert status == {
        "client.legal_name": "changed", "business_case.facility.area_sqft": "changed",
        "journey.profile.annual_sales_usd": "changed", "journey.profile.annual_exports_usd": "unchanged",
        "journey.timeline.kickoff": "unchanged", "journey.operating_model.path": "unchanged",
        "journey.labor.roles": "changed", "answer:employees": "recorded", "answer:export_share": "recorded",
        "answer:total_heads": "recorded",
    }
    sales = next(r for r in review.rows if r.key == "journey.profile.annual_sales_usd")
    assert (sales.current, sales.incoming, sales.sent) == ("48,000,000.00 USD", "52,000,000.00 USD",
                                                          "48,000,000.00 USD")
    assert review.already_imported_at is None and review.client_name == GLH

    outcome = forms.apply_response(db, folders, "lucia", review, [r.key for r in review.rows])
    assert not outcome.already_imported and outcome.skipped == ()
    assert set(outcome.applied) == {"client.legal_name", "business_case.facility.area_sqft",
                                    "journey.profile.annual_sales_usd", "journey.labor.roles"}
    assert outcome.checklist is not None  # the journey is complete: its checklists follow

    detail = clients.get_client(db, clients.find_client(db, "Great Lakes Harness Incorporated") or 0)
    assert detail.fields.legal_name == "Great Lakes Harness Incorporated"
    assert clients.search_clients(db, "harness incorporated") == [detail.id]  # search text kept current
    journey = checklists.get_journey(db, sent.project_id)
    answers: Any = journey.journey.to_dict()["answers"]
    assert answers["labor"]["roles"] == [{"role": "Assembler", "headcount": 250, "shifts": 3},
                                         {"role": "Quality inspector", "headcount": 9, "shifts": 1}]  # default
    assert answers["profile"]["annual_sales_usd"] == "52000000" and journey.completed
    views = scenarios.list_scenarios(db, sent.project_id)
    assert len(views) == 2
    for view in views:
        assert view.document["facility"]["area_sqft"] == 90000
        assert "facility.area_sqft" not in view.indicative
        scenarios.check_document(view.document)
    with db.transaction() as session:
        entities = {e.entity for e in session.exec(select(models.AuditEvent).where(
            models.AuditEvent.actor == "lucia")).all()}
        stored = session.exec(select(models.FormResponse)).one()
    assert {"client", "journey", "business_scenario", "form_response", "project"} <= entities
    assert json.loads(stored.answers)["employees"] == 40
    assert set(json.loads(stored.applied)) == set(outcome.applied)
    assert forms.list_packages(db, sent.project_id)[0].responses == 1
    assert [r.response_id for r in forms.list_responses(db, sent.project_id)] == [review.response_id]

    after = table_counts(db)
    again = forms.review_response(db, folders, response)
    assert again.already_imported_at is not None
    assert {r.status for r in again.rows} <= {"unchanged", "recorded"}
    second = forms.apply_response(db, folders, "lucia", review, [r.key for r in review.rows])
    assert second.already_imported and second.applied == ()
    assert second.message is not None and "nothing changed" in second.message.en
    assert table_counts(db) == after


def test_edit_after_export_is_a_conflict_and_only_accepted_rows_apply(db: Database, folders: Paths,
                                                                      sent: Sent) -> None:
    state = checklists.get_journey(db, sent.project_id)
    data = state.journey.to_dict()
    data["answers"]["profile"]["annual_sales_usd"] = "50000000"  # type: ignore[index]
    checklists.save_journey(db, "andres", sent.project_id, Journey.from_dict(data), state.version)

    response = fill(folders, sent, {"legal_name": "GLH Holdings Inc.", "sales": {"amount": "55000000",
                                                                                 "currency": "USD"}})
    review = forms.review_response(db, folders, response)
    rows = {r.key: r for r in review.rows}
    conflict = rows["journey.profile.annual_sales_usd"]
    assert conflict.status == "conflict"
    assert (conflict.sent, conflict.current, conflict.incoming) == ("48,000,000.00 USD", "50,000,000.00 USD",
                                                                    "55,000,000.00 USD")
    assert rows["client.legal_name"].status == "changed"

    outcome = forms.apply_response(db, folders, "lucia", review, ["client.legal_name"])
    assert outcome.applied == ("client.legal_name",)
    assert outcome.skipped == ("journey.profile.annual_sales_usd",)
    assert outcome.checklist is None  # the journey was not touched
    answers = checklists.get_journey(db, sent.project_id).journey.to_dict()["answers"]
    assert answers["profile"]["annual_sales_usd"] == "50000000"  # type: ignore[index]
    assert clients.find_client(db, "GLH Holdings Inc.") is not None


@pytest.mark.parametrize("colleague", ["client", "journey", "scenario", "new scenario"])
def test_a_save_between_the_review_and_the_apply_is_a_conflict_and_nothing_is_applied(
        db: Database, folders: Paths, sent: Sent, colleague: str) -> None:
    """The consultant reviews; a colleague saves one of the reviewed records; applying what was reviewed would
    overwrite that save, so it is refused with the usual conflict message and nothing at all is applied."""
    from dataclasses import replace as copy_of

    from shelter_app.services.errors import EditConflict

    response = fill(folders, sent, {"legal_name": "GLH Holdings Inc.", "sales": {"amount": "55000000",
                                                                                 "currency": "USD"},
                                    "area": "90000"})
    review = forms.review_response(db, folders, response)
    client_id = clients.find_client(db, GLH)
    assert client_id is not None
    if colleague == "client":
        detail = clients.get_client(db, client_id)
        clients.update_client(db, "andres", client_id, detail.version,
                              copy_of(detail.fields, website="https://glh.example"))
    elif colleague == "journey":
        state = checklists.get_journey(db, sent.project_id)
        data = state.journey.to_dict()
        data["answers"]["profile"]["annual_sales_usd"] = "51000000"  # type: ignore[index]
        checklists.save_journey(db, "andres", sent.project_id, Journey.from_dict(data), state.version)
    elif colleague == "scenario":
        first = scenarios.list_scenarios(db, sent.project_id)[0]
        document = copy.deepcopy(first.document)
        document["facility"]["area_sqft"] = 81000
        scenarios.update_scenario(db, "andres", first.id, first.version, document)
    else:
        scenarios.create_scenario(db, "andres", sent.project_id, "Added by a colleague")
    before = table_counts(db)
    with pytest.raises(EditConflict) as caught:
        forms.apply_response(db, folders, "lucia", review, [r.key for r in review.rows])
    assert "Nothing was overwritten" in caught.value.en and "No se sobrescribió nada" in caught.value.es
    assert table_counts(db) == before  # no response recorded, no audit event, nothing half-applied
    assert clients.find_client(db, "GLH Holdings Inc.") is None
    assert forms.list_responses(db, sent.project_id) == []
    again = forms.review_response(db, folders, response)  # a fresh review sees the colleague's save
    forms.apply_response(db, folders, "lucia", again, [r.key for r in again.rows])
    assert clients.find_client(db, "GLH Holdings Inc.") is not None


def test_a_scenario_that_would_not_compute_refuses_the_whole_import(db: Database, folders: Paths,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    data = dict(load_forms(FORMS).get("sample", "1.0").data)
    sections = json.loads(json.dumps(data["sections"]))
    area = next(f for f in sections[0]["fields"] if f["name"] == "area")
    area["min"] = -1000  # the form allows what the business case refuses
    lenient = definition_from_data({**data, "sections": sections}, "lenient")
    monkeypatch.setattr(forms, "shipped_forms", lambda: FormSet([lenient]))
    sent = send(db, folders, demo_project(db))
    response = fill(folders, sent, {"legal_name": "Renamed Harness Inc.", "area": "-5",
                                    "roles": [{"role": "Assembler", "headcount": 300}]})
    review = forms.review_response(db, folders, response)
    before = table_counts(db)
    journey_before = checklists.get_journey(db, sent.project_id).journey.to_dict()
    with pytest.raises(forms.ProjectRefusesAnswers, match="would no longer compute") as caught:
        forms.apply_response(db, folders, "lucia", review, [r.key for r in review.rows])
    assert "$.facility.area_sqft" in caught.value.en and "No se cambió nada" in caught.value.es
    assert table_counts(db) == before
    assert clients.find_client(db, GLH) is not None and clients.find_client(db, "Renamed Harness Inc.") is None
    assert checklists.get_journey(db, sent.project_id).journey.to_dict() == journey_before
    assert not (folders.data / "form-files").exists() or not any((folders.data / "form-files").rglob("*"))


def test_shipped_facility_form_round_trip(db: Database, folders: Paths) -> None:
    project_id = demo_project(db)
    sent = send(db, folders, project_id, "facility_needs")
    assert sent.prefill["preferred_state"] == "CHH" and sent.prefill["builds_new_plant"] is False
    response = fill(folders, sent, {"area_sqft": 120000, "handles_hazardous_materials": True,
                                    "hazardous_materials_list": "Solder flux", "needed_by": "2027-01-15"})
    review = forms.review_response(db, folders, response, language="es")
    status = {r.key: r.status for r in review.rows}
    assert status["journey.site.handles_hazardous_materials"] == "new"
    assert status["journey.site.state"] == "unchanged"
    hazardous = next(r for r in review.rows if r.key == "journey.site.handles_hazardous_materials")
    assert hazardous.incoming == "Sí" and hazardous.current == ""
    outcome = forms.apply_response(db, folders, "lucia", review, [r.key for r in review.rows])
    assert outcome.checklist is not None
    journey = checklists.get_journey(db, project_id).journey
    assert journey.to_dict()["answers"]["site"]["handles_hazardous_materials"] is True  # type: ignore[index]
    assert all(v.document["facility"]["area_sqft"] == 120000 for v in scenarios.list_scenarios(db, project_id))
    items = {i.item_id for i in checklists.project_items(db, project_id)}
    assert items  # the checklists were re-applied from the new answers


def test_a_new_operating_model_sends_the_finished_journey_back_to_the_programs_step(db: Database, folders: Paths,
                                                                                     sent: Sent) -> None:
    before = checklists.get_journey(db, sent.project_id).journey
    assert before.can_finish and before.path is not None
    other = "own_entity" if before.path.value == "shelter" else "shelter"
    response = fill(folders, sent, {"model": other})
    review = forms.review_response(db, folders, response)
    outcome = forms.apply_response(db, folders, "lucia", review, ["journey.operating_model.path"])
    assert outcome.applied == ("journey.operating_model.path",) and outcome.journey_reopened
    after = checklists.get_journey(db, sent.project_id)
    assert after.journey.path is not None and after.journey.path.value == other
    assert after.journey.current.value == "programs" and not after.completed
    asked = {spec.name for spec in after.journey.step_fields(after.journey.current)}
    assert set(after.journey.step_answers()) <= asked  # nothing of the other branch is kept


def test_the_headcount_plan_feeds_the_journey_and_every_business_case_scenario(db: Database, folders: Paths) -> None:
    project_id = demo_project(db)
    before = scenarios.list_scenarios(db, project_id)
    assert len(before) >= 2
    sent = send(db, folders, project_id, "headcount_plan")
    prefilled = sent.prefill["roles"]
    # prefilled from the journey's labor plan, completed by the first scenario's wages
    assert prefilled and all({"role", "headcount", "shifts"} <= set(row) for row in prefilled)
    assert any("daily_wage_mxn" in row for row in prefilled)
    roles = [{"role": "Operador de ensamble", "headcount": 150, "shifts": 2, "direct": True,
              "daily_wage_mxn": {"amount": "480", "currency": "MXN"}},
             {"role": "Técnica de calidad", "headcount": 6, "shifts": 1, "direct": False}]
    response = fill(folders, sent, {"roles": roles, "shift_pattern": "two_shifts",
                                    "uses_specialized_subcontracting": False})
    review = forms.review_response(db, folders, response)
    status = {r.key: r.status for r in review.rows}
    assert status["journey.labor.roles"] == "changed"
    assert status["business_case.workforce.roles"] == "changed"
    forms.apply_response(db, folders, "lucia", review, ["journey.labor.roles", "business_case.workforce.roles"])
    journey_roles = checklists.get_journey(db, project_id).journey.answers().roles
    assert [(r.role, r.headcount, r.shifts) for r in journey_roles] == [("Operador de ensamble", 150, 2),
                                                                         ("Técnica de calidad", 6, 1)]
    for view in scenarios.list_scenarios(db, project_id):
        case_roles = view.document["workforce"]["roles"]
        assert [(r["name"], r["headcount"], r["direct"]) for r in case_roles] == [
            ("Operador de ensamble", 150, True), ("Técnica de calidad", 6, False)]
        assert case_roles[0]["daily_wage_mxn"] == 480
        # no wage given: the job family's typical wage in the scenario's own minimum-wage zone (Juárez is in the
        # northern border zone, Querétaro in the general one), made as every new role is
        kind = role_kind("Técnica de calidad")
        zone = view.document["location"]["wage_zone"]
        assert case_roles[1]["daily_wage_mxn"] == (kind.daily_wage_zlfn if zone == "zlfn" else kind.daily_wage_general)
        assert case_roles[1]["ptu_eligible"] is kind.ptu_eligible
        scenarios.compute_scenario(db, view.id)  # every scenario still computes
    zones = {view.document["location"]["wage_zone"] for view in scenarios.list_scenarios(db, project_id)}
    assert zones == {"zlfn", "general"}  # both zones were exercised

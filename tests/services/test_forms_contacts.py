"""The client intake reaches the client record: the headquarters country and the contacts are prefilled, come back
as review rows (a row per contact: new, changed, unchanged, conflict) and are stored when accepted, in the apply's
one transaction with AuditEvents. Real databases, real package and response files, the shipped client intake."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from shelter_app import paths
from shelter_app.core.portfolio import ClientFields, ContactFields, Language, ProjectFields
from shelter_app.exchange import formfiles
from shelter_app.paths import Paths
from shelter_app.services import clients, contacts, form_drafts, forms, projects
from shelter_app.storage import models
from shelter_app.storage.db import Database
from tests.services.test_forms_export_import import table_counts

CLIENT = "Frenos del Norte Inc."
ANA = {"full_name": "Ana Ruiz", "job_title": "CFO", "email": "ana@frenos.example", "phone": "+15125550100",
       "preferred_language": "es"}
CARLOS = {"full_name": "Carlos Peña", "job_title": "Plant manager", "email": "carlos@frenos.example",
          "preferred_language": "en"}
# what the intake requires besides what the record prefills (the name, country, industry and contacts)
THE_REST: dict[str, Any] = {
    "ownership": "private", "decision_makers": [{"full_name": "Bob Roe"}], "products": [{"description": "Brake pads"}],
    "processes": ["machining"], "markets": ["US"], "share_us": 100, "has_current_plant": False,
    "operating_model_decided": True, "operating_model": "shelter",
    "annual_sales_usd": {"amount": "1000000", "currency": "USD"},
    "annual_exports_usd": {"amount": "500000", "currency": "USD"}}


@pytest.fixture
def folders() -> Paths:
    return paths.get_paths().ensure()


def make_project(db: Database, country: str = "US") -> int:
    client_id = clients.create_client(db, "ana", ClientFields(CLIENT, country=country,
                                                               industry="Brakes")).entity_id
    contacts.add_contact(db, "ana", client_id, ContactFields("Ana Ruiz", "CFO", "ana@frenos.example",
                                                              "+1 512 555 0100", Language.ES))
    return projects.create_project(db, "ana", client_id, ProjectFields("Planta Saltillo")).entity_id


@pytest.fixture
def project(db: Database) -> int:
    return make_project(db)


def send(db: Database, folders: Paths, project_id: int, tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    package = tmp_path / "intake.sdform"
    forms.export_package(db, folders, "ana", project_id, "client_intake", package, consultant_name="Ana")
    return package, dict(formfiles.read_package(package).prefill)


def answer(folders: Paths, package: Path, answers: dict[str, Any], tmp_path: Path, name: str = "r") -> Path:
    target = tmp_path / f"{name}.sdresponse"
    assert form_drafts.fill_package(folders, package, answers, target) == []
    return target


def client_id_of(db: Database, project_id: int) -> int:
    with db.transaction() as session:
        found = session.get(models.Project, project_id)
        assert found is not None
        return found.client_id


def people(db: Database, project_id: int) -> dict[str, clients.ContactView]:
    return {c.name: c for c in clients.get_client(db, client_id_of(db, project_id)).contacts}


def audit_actions(db: Database, entity: str) -> list[tuple[str, str]]:
    with db.transaction() as session:
        found = session.exec(select(models.AuditEvent).where(models.AuditEvent.entity == entity)
                             .order_by(models.AuditEvent.id)).all()  # type: ignore[arg-type]
        return [(e.actor, e.action) for e in found]


def row(review: forms.ImportReview, key: str) -> forms.ReviewRow:
    return next(r for r in review.rows if r.key == key)


def test_the_package_prefills_the_country_and_the_contacts_of_the_record(
        db: Database, folders: Paths, project: int, tmp_path: Path) -> None:
    _, prefill = send(db, folders, project, tmp_path)
    assert prefill["hq_country"] == "US"
    assert prefill["contacts"] == [ANA]
    assert (prefill["legal_name"], prefill["industry"]) == (CLIENT, "Brakes")


def test_a_country_the_list_does_not_name_is_prefilled_as_another_and_kept(
        db: Database, folders: Paths, tmp_path: Path) -> None:
    project_id = make_project(db, country="BR")
    package, prefill = send(db, folders, project_id, tmp_path)
    assert prefill["hq_country"] == "OTHER"
    review = forms.review_response(db, folders, answer(folders, package, {**THE_REST, "hq_country_other": "Brasil"},
                                                       tmp_path))
    assert "client.country" not in {r.key for r in review.rows}
    assert row(review, "answer:hq_country").status == "recorded"
    forms.apply_response(db, folders, "ana", review, [r.key for r in review.rows])
    assert clients.get_client(db, client_id_of(db, project_id)).fields.country == "BR"


def test_only_the_changed_answers_pass_when_the_rest_is_prefilled(
        db: Database, folders: Paths, project: int, tmp_path: Path) -> None:
    package, prefill = send(db, folders, project, tmp_path)
    assert not set(THE_REST) & set(prefill)
    review = forms.review_response(db, folders, answer(folders, package, THE_REST, tmp_path))
    assert review.answers["hq_country"] == "US" and review.answers["contacts"] == [ANA]
    assert row(review, "client.country").status == "unchanged"
    assert row(review, "contact:1").status == "unchanged"
    # null clears a prefilled answer: then the required question is missing again
    issues = form_drafts.fill_package(folders, package, {**THE_REST, "industry": None}, tmp_path / "no.sdresponse")
    assert [i.path for i in issues] == ["industry"] and not (tmp_path / "no.sdresponse").exists()


def test_a_new_contact_and_the_country_are_stored_after_review(
        db: Database, folders: Paths, project: int, tmp_path: Path) -> None:
    package, prefill = send(db, folders, project, tmp_path)
    response = answer(folders, package, {**THE_REST, "hq_country": "DE", "contacts": [*prefill["contacts"], CARLOS]},
                      tmp_path)
    review = forms.review_response(db, folders, response)
    carlos = row(review, "contact:2")
    assert (carlos.status, carlos.target, carlos.label.en, carlos.label.es) == (
        "new", "client.contacts", "Contact: Carlos Peña (new)", "Contacto: Carlos Peña (nuevo)")
    assert "carlos@frenos.example" in carlos.incoming and carlos.current == ""
    assert row(review, "contact:1").status == "unchanged"
    country = row(review, "client.country")
    assert (country.status, country.current, country.incoming) == ("changed", "United States", "Germany")

    outcome = forms.apply_response(db, folders, "ana", review, [r.key for r in review.rows])

    assert {"contact:2", "client.country"} <= set(outcome.applied)
    found = people(db, project)
    assert set(found) == {"Ana Ruiz", "Carlos Peña"}
    assert (found["Carlos Peña"].role, found["Carlos Peña"].email, found["Carlos Peña"].preferred_language) == (
        "Plant manager", "carlos@frenos.example", "en")
    assert clients.get_client(db, client_id_of(db, project)).fields.country == "DE"
    assert audit_actions(db, "contact") == [("ana", "create"), ("ana", "create")]
    with db.transaction() as session:
        stored = session.exec(select(models.FormResponse)).one()
        assert "contact:2" in json.loads(stored.applied)


def test_a_changed_contact_is_updated_matched_by_email_or_by_name(
        db: Database, folders: Paths, project: int, tmp_path: Path) -> None:
    changed = {**ANA, "job_title": "Finance director", "phone": "+15125550199"}
    renamed = {**CARLOS, "full_name": "CARLOS PENA"}
    contacts.add_contact(db, "ana", client_id_of(db, project), ContactFields("Carlos Peña", email="old@frenos.example"))
    package, _ = send(db, folders, project, tmp_path)
    review = forms.review_response(db, folders, answer(folders, package, {**THE_REST, "contacts": [changed, renamed]},
                                                       tmp_path))
    ana, carlos = row(review, "contact:1"), row(review, "contact:2")
    assert (ana.status, ana.label.en) == ("changed", "Contact: Ana Ruiz (changed: job title, phone)")
    assert ana.label.es == "Contacto: Ana Ruiz (cambia: puesto, teléfono)"
    assert "CFO" in ana.current and "Finance director" in ana.incoming
    assert carlos.status == "changed" and "email" in carlos.label.en and "name" in carlos.label.en
    before = people(db, project)["Ana Ruiz"].version

    outcome = forms.apply_response(db, folders, "ana", review, ["contact:1"])

    found = people(db, project)
    assert (found["Ana Ruiz"].role, found["Ana Ruiz"].phone) == ("Finance director", "+15125550199")
    assert found["Ana Ruiz"].email == "ana@frenos.example" and found["Ana Ruiz"].version == before + 1
    assert found["Carlos Peña"].email == "old@frenos.example"  # not accepted: left as it was
    assert outcome.applied == ("contact:1",) and "contact:2" in outcome.skipped
    assert audit_actions(db, "contact")[-1] == ("ana", "update")


def test_a_declined_contact_is_not_stored(db: Database, folders: Paths, project: int, tmp_path: Path) -> None:
    package, prefill = send(db, folders, project, tmp_path)
    review = forms.review_response(db, folders, answer(
        folders, package, {**THE_REST, "hq_country": "DE", "contacts": [*prefill["contacts"], CARLOS]}, tmp_path))
    outcome = forms.apply_response(db, folders, "ana", review, ["client.country"])
    assert set(people(db, project)) == {"Ana Ruiz"}
    assert outcome.applied == ("client.country",) and "contact:2" in outcome.skipped


def test_a_contact_edited_since_the_package_was_sent_is_a_conflict(
        db: Database, folders: Paths, project: int, tmp_path: Path) -> None:
    package, _ = send(db, folders, project, tmp_path)
    ana = people(db, project)["Ana Ruiz"]
    contacts.update_contact(db, "luis", ana.id, ana.version, ContactFields("Ana Ruiz", "Treasurer", ana.email,
                                                                           ana.phone, Language.ES))
    review = forms.review_response(db, folders, answer(folders, package,
                                                       {**THE_REST, "contacts": [{**ANA, "phone": "+15125550199"}]},
                                                       tmp_path))
    conflict = row(review, "contact:1")
    assert conflict.status == "conflict" and "Treasurer" in conflict.current and "CFO" in conflict.sent


def test_an_invalid_email_is_refused_and_nothing_is_applied(
        db: Database, folders: Paths, project: int, tmp_path: Path) -> None:
    package, prefill = send(db, folders, project, tmp_path)
    bad = {**CARLOS, "email": "carlos at frenos"}
    # the client's side refuses it, naming the field
    issues = form_drafts.fill_package(folders, package, {**THE_REST, "contacts": [*prefill["contacts"], bad]},
                                      tmp_path / "bad.sdresponse")
    assert [i.path for i in issues] == ["contacts[1].email"]
    # a response whose contact the contacts' rules refuse at the apply: the message names it, nothing is written
    review = forms.review_response(db, folders, answer(
        folders, package, {**THE_REST, "hq_country": "DE", "contacts": [*prefill["contacts"], CARLOS]}, tmp_path))
    tampered = replace(review, answers={**review.answers, "contacts": [ANA, bad]})
    before = table_counts(db)
    with pytest.raises(forms.ProjectRefusesAnswers) as refused:
        forms.apply_response(db, folders, "ana", tampered, [r.key for r in review.rows])
    assert "The contact “Carlos Peña”" in refused.value.en and "Nothing was changed" in refused.value.en
    assert "El contacto «Carlos Peña»" in refused.value.es
    assert table_counts(db) == before
    assert clients.get_client(db, client_id_of(db, project)).fields.country == "US"
    assert set(people(db, project)) == {"Ana Ruiz"}


def test_a_contact_added_by_a_colleague_since_the_review_is_a_conflict_on_apply(
        db: Database, folders: Paths, project: int, tmp_path: Path) -> None:
    from shelter_app.services.errors import EditConflict

    package, _ = send(db, folders, project, tmp_path)
    changed = {**ANA, "job_title": "Finance director"}
    review = forms.review_response(db, folders, answer(folders, package, {**THE_REST, "contacts": [changed]},
                                                       tmp_path))
    ana = people(db, project)["Ana Ruiz"]
    contacts.update_contact(db, "luis", ana.id, ana.version, ContactFields("Ana Ruiz", "Treasurer", ana.email,
                                                                           ana.phone, Language.ES))
    with pytest.raises(EditConflict):
        forms.apply_response(db, folders, "ana", review, ["contact:1"])
    assert people(db, project)["Ana Ruiz"].role == "Treasurer"

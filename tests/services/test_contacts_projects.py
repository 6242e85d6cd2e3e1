"""Contacts and projects: every write is audited once; bad input stores nothing."""

from __future__ import annotations

from datetime import date

import pytest

from shelter_app.core.errors import ValidationErrors
from shelter_app.core.portfolio import ClientFields, ContactFields, Language, OperatingModel, ProjectFields, Stage
from shelter_app.services import audit, clients, contacts, projects
from shelter_app.services.errors import NotFound
from shelter_app.storage.db import Database
from tests.services.helpers import counts


@pytest.fixture
def client_id(db: Database) -> int:
    return clients.create_client(db, "ana", ClientFields("Arneses del Bajío, S.A. de C.V.")).entity_id


def test_contacts_add_update_delete_with_audit(db: Database, client_id: int) -> None:
    added = contacts.add_contact(db, "ana", client_id, ContactFields(
        " Ramón  Ñúñez ", "Contralor", " RNUNEZ@Arneses.example.mx ", "33 3601 4455", Language.ES))
    assert (added.entity, added.action, added.client_id) == ("contact", "create", client_id)
    [view] = clients.get_client(db, client_id).contacts
    assert (view.id, view.name, view.role, view.preferred_language, view.version) == (
        added.entity_id, "Ramón Ñúñez", "Contralor", "es", 1)
    assert view.email.endswith("@arneses.example.mx") and view.phone

    updated = contacts.update_contact(db, "luis", added.entity_id, 1, ContactFields(
        "Ramón Ñúñez", "Director de Finanzas", view.email, view.phone, Language.EN))
    assert (updated.action, updated.fields) == ("update", ("role", "preferred_language"))
    unchanged = contacts.update_contact(db, "luis", added.entity_id, 2, ContactFields(
        "Ramón Ñúñez", "Director de Finanzas", view.email, view.phone, Language.EN))
    assert unchanged.action == "none"

    deleted = contacts.delete_contact(db, "ana", added.entity_id, 2)
    assert (deleted.action, deleted.client_id) == ("delete", client_id)
    assert clients.get_client(db, client_id).contacts == ()

    events = audit.history(db, "contact", added.entity_id)
    assert [(e.actor, e.action) for e in events] == [("ana", "create"), ("luis", "update"), ("ana", "delete")]
    assert events[0].after["name"] == "Ramón Ñúñez"
    assert events[1].before == {"role": "Contralor", "preferred_language": "es"}
    assert events[1].after == {"role": "Director de Finanzas", "preferred_language": "en"}
    assert events[2].before["name"] == "Ramón Ñúñez" and events[2].after == {}  # the trail keeps what it held
    assert counts(db)["contact"] == 0
    # the client's own history gathers its contacts' events, the deleted one included
    assert [(e.entity, e.action) for e in audit.client_history(db, client_id)] == [
        ("client", "create"), ("contact", "create"), ("contact", "update"), ("contact", "delete")]


@pytest.mark.parametrize(("fields", "bad_field"), [
    (ContactFields(""), "name"),
    (ContactFields("Rosa", email="rosa at example"), "email"),
    (ContactFields("Rosa", phone="call me"), "phone"),
])
def test_an_invalid_contact_stores_nothing(db: Database, client_id: int, fields: ContactFields,
                                           bad_field: str) -> None:
    before = counts(db)
    with pytest.raises(ValidationErrors) as caught:
        contacts.add_contact(db, "ana", client_id, fields)
    assert bad_field in caught.value.errors
    assert counts(db) == before


def test_a_contact_for_a_missing_client_stores_nothing(db: Database) -> None:
    before = counts(db)
    with pytest.raises(NotFound):
        contacts.add_contact(db, "ana", 4242, ContactFields("Rosa"))
    assert counts(db) == before


def test_projects_create_update_get(db: Database, client_id: int) -> None:
    fields = ProjectFields("  Línea de arneses  ", OperatingModel.SHELTER, date(2027, 3, 1), Stage.ASSESSMENT,
                           "Lucía Treviño")
    created = projects.create_project(db, "ana", client_id, fields)
    assert (created.entity, created.action, created.client_id) == ("project", "create", client_id)

    owner, view = projects.get_project(db, created.entity_id)
    assert owner == client_id
    assert (view.title, view.operating_model, view.target_start, view.stage, view.consultant, view.version) == (
        "Línea de arneses", "shelter", date(2027, 3, 1), "assessment", "Lucía Treviño", 1)
    assert projects.fields_of(view) == ProjectFields("Línea de arneses", OperatingModel.SHELTER, date(2027, 3, 1),
                                                     Stage.ASSESSMENT, "Lucía Treviño")

    moved = projects.update_project(db, "luis", created.entity_id, 1, ProjectFields(
        "Línea de arneses", OperatingModel.SHELTER, date(2027, 6, 1), Stage.PROPOSAL, "Lucía Treviño"))
    assert (moved.action, moved.fields) == ("update", ("target_start", "stage"))
    assert clients.client_rows(db, [client_id])[client_id].stage == "proposal"
    same = projects.update_project(db, "luis", created.entity_id, 2, projects.fields_of(
        projects.get_project(db, created.entity_id)[1]))
    assert same.action == "none"

    events = audit.history(db, "project", created.entity_id)
    assert [(e.actor, e.action) for e in events] == [("ana", "create"), ("luis", "update")]
    assert events[0].after["target_start"] == "2027-03-01" and events[0].after["title"] == "Línea de arneses"
    assert [(e.entity, e.entity_id) for e in audit.client_history(db, client_id)][1:] == [
        ("project", created.entity_id), ("project", created.entity_id)]
    assert events[1].before == {"target_start": "2027-03-01", "stage": "assessment"}
    assert events[1].after == {"target_start": "2027-06-01", "stage": "proposal"}
    with pytest.raises(NotFound):
        projects.get_project(db, 999)


def test_an_invalid_project_stores_nothing(db: Database, client_id: int) -> None:
    before = counts(db)
    with pytest.raises(ValidationErrors) as caught:
        projects.create_project(db, "ana", client_id, ProjectFields("", target_start=date(1990, 1, 1)))
    assert set(caught.value.errors) == {"title", "target_start"}
    assert "1990-01-01" in caught.value.errors["target_start"].en
    with pytest.raises(NotFound):
        projects.create_project(db, "ana", 4242, ProjectFields("Huérfano"))
    assert counts(db) == before


def test_documents_are_prepared_by_a_consultant_never_the_login(db: Database) -> None:
    """The name a document prints: a name given (CLI option), else the project's consultant, else the Settings'
    name; the computer's login name is only ever the audit trail's."""
    from shelter_app.services.projects import prepared_by

    client_id = clients.create_client(db, "root", ClientFields("Docs Co")).entity_id
    named = projects.create_project(db, "root", client_id, ProjectFields("Named", consultant="Lucía Treviño"))
    unnamed = projects.create_project(db, "root", client_id, ProjectFields("Unnamed"))
    assert prepared_by(db, named.entity_id) == "Lucía Treviño"
    assert prepared_by(db, named.entity_id, "Andrés Villarreal") == "Andrés Villarreal"
    assert prepared_by(db, unnamed.entity_id, fallback=" Ana Ruiz ") == "Ana Ruiz"
    assert prepared_by(db, unnamed.entity_id) == ""

"""Optimistic locking: two consultants on one database never overwrite each other silently."""

from __future__ import annotations

from dataclasses import replace

import pytest

from shelter_app.core.portfolio import ClientFields, ContactFields, ProjectFields, Stage
from shelter_app.services import audit, clients, contacts, projects
from shelter_app.services.errors import EditConflict
from shelter_app.storage.db import Database
from shelter_app.storage.models import Client, Project
from tests.services.helpers import counts, write_between_read_and_flush

ACME = ClientFields("Componentes Acme, S.A. de C.V.", "Acme", "MX", None, "Wire harnesses")


def test_the_second_save_of_the_same_version_is_a_conflict(db: Database) -> None:
    client_id = clients.create_client(db, "ana", ACME).entity_id
    opened_by_ana = clients.get_client(db, client_id)  # both consultants open version 1
    opened_by_luis = clients.get_client(db, client_id)

    first = clients.update_client(db, "ana", client_id, opened_by_ana.version,
                                  replace(opened_by_ana.fields, trade_name="Acme Norte"))
    assert first.action == "update"
    before = counts(db)

    with pytest.raises(EditConflict) as caught:
        clients.update_client(db, "luis", client_id, opened_by_luis.version,
                              replace(opened_by_luis.fields, trade_name="Acme Sur", industry="Cables"))

    conflict = caught.value
    assert (conflict.entity, conflict.entity_id) == ("client", client_id)
    assert conflict.their_version == 2 and conflict.their_actor == "ana"
    assert conflict.mine["trade_name"] == "Acme Sur" and conflict.mine["industry"] == "Cables"
    assert conflict.theirs["trade_name"] == "Acme Norte" and conflict.theirs["industry"] == "Wire harnesses"
    assert set(conflict.differing) == {"trade_name", "industry"}
    assert "search_text" not in conflict.mine and "search_text" not in conflict.theirs
    assert "changed by ana" in conflict.en and "Nothing was overwritten" in conflict.en
    assert "“Acme Sur”" in conflict.en and "“Acme Norte”" in conflict.en
    assert "modificado por ana" in conflict.es and "No se sobrescribió nada" in conflict.es
    assert "search_text" not in conflict.en
    # the database keeps the first save, and the refused one left no trace
    assert counts(db) == before
    stored = clients.get_client(db, client_id)
    assert (stored.version, stored.fields.trade_name, stored.fields.industry) == (2, "Acme Norte", "Wire harnesses")
    # reapplied on top of the new version, luis's change goes through
    again = clients.update_client(db, "luis", client_id, conflict.their_version,
                                  replace(stored.fields, industry="Cables"))
    assert again.fields == ("industry",)


def test_a_save_landing_between_read_and_write_is_a_conflict(db: Database) -> None:
    """Luis saves after Ana's version check passed but before her UPDATE: the row's version no
    longer matches at flush time (StaleDataError inside `rows.update`), and Ana gets a conflict."""
    client_id = clients.create_client(db, "ana", ACME).entity_id

    def luis_saves() -> object:
        return clients.update_client(db, "luis", client_id, 1, replace(ACME, trade_name="Acme de Luis"))

    with write_between_read_and_flush(luis_saves, when=Client) as happened, \
            pytest.raises(EditConflict) as caught:
        clients.update_client(db, "ana", client_id, 1, replace(ACME, trade_name="Acme de Ana"))

    [luis_changes] = happened
    assert luis_changes.action == "update"  # luis's save really went in, in the middle of ana's
    conflict = caught.value
    assert conflict.their_version == 2 and conflict.their_actor == "luis"
    assert conflict.mine["trade_name"] == "Acme de Ana" and conflict.theirs["trade_name"] == "Acme de Luis"
    assert conflict.differing == ("trade_name",)
    assert "search_text" not in conflict.en
    stored = clients.get_client(db, client_id)
    assert (stored.version, stored.fields.trade_name) == (2, "Acme de Luis")
    assert [(e.actor, e.action) for e in audit.history(db, "client", client_id)] == [
        ("ana", "create"), ("luis", "update")]  # ana's audit event rolled back with her write


def test_archiving_a_client_someone_just_edited_is_a_conflict_not_an_overwrite(db: Database) -> None:
    client_id = clients.create_client(db, "ana", ACME).entity_id

    def luis_saves() -> object:
        return clients.update_client(db, "luis", client_id, 1, replace(ACME, notes="call on Monday"))

    with write_between_read_and_flush(luis_saves, when=Client), pytest.raises(EditConflict):
        clients.set_archived(db, "ana", client_id, True)
    stored = clients.get_client(db, client_id)
    assert (stored.archived, stored.fields.notes, stored.version) == (False, "call on Monday", 2)


def test_project_and_contact_edits_are_locked_too(db: Database) -> None:
    client_id = clients.create_client(db, "ana", ACME).entity_id
    project_id = projects.create_project(db, "ana", client_id, ProjectFields("Harness line")).entity_id
    contact_id = contacts.add_contact(db, "ana", client_id, ContactFields("Rosa Elena Ruiz")).entity_id

    projects.update_project(db, "ana", project_id, 1, ProjectFields("Harness line", stage=Stage.PROPOSAL))
    with pytest.raises(EditConflict) as project_conflict:
        projects.update_project(db, "luis", project_id, 1, ProjectFields("Harness line", stage=Stage.SETUP))
    assert project_conflict.value.theirs["stage"] == "proposal" and project_conflict.value.mine["stage"] == "setup"

    contacts.update_contact(db, "ana", contact_id, 1, ContactFields("Rosa Elena Ruiz", role="Compras"))
    with pytest.raises(EditConflict) as contact_conflict:
        contacts.update_contact(db, "luis", contact_id, 1, ContactFields("Rosa Ruiz"))
    assert contact_conflict.value.their_actor == "ana"
    with pytest.raises(EditConflict):  # deleting what you have not seen is refused as well
        contacts.delete_contact(db, "luis", contact_id, 1)
    detail = clients.get_client(db, client_id)
    assert [(c.name, c.role, c.version) for c in detail.contacts] == [("Rosa Elena Ruiz", "Compras", 2)]
    assert [(p.stage, p.version) for p in detail.projects] == [("proposal", 2)]


def test_a_project_save_landing_between_read_and_write_is_a_conflict(db: Database) -> None:
    client_id = clients.create_client(db, "ana", ACME).entity_id
    project_id = projects.create_project(db, "ana", client_id, ProjectFields("Harness line")).entity_id

    def luis_saves() -> object:
        return projects.update_project(db, "luis", project_id, 1, ProjectFields("Harness line",
                                                                                stage=Stage.CLOSED))

    with write_between_read_and_flush(luis_saves, when=Project), pytest.raises(EditConflict) as caught:
        projects.update_project(db, "ana", project_id, 1, ProjectFields("Harness line", stage=Stage.SETUP))
    assert caught.value.their_actor == "luis" and caught.value.theirs["stage"] == "closed"
    assert projects.get_project(db, project_id)[1].stage == "closed"

"""Clients: create, edit, archive, restore, search; one audit event per write; nothing half-written."""

from __future__ import annotations

from dataclasses import replace

import pytest

from shelter_app.core.errors import UserError, ValidationErrors
from shelter_app.core.portfolio import ClientFields, ProjectFields, Stage
from shelter_app.services import audit, clients, projects
from shelter_app.services.errors import DuplicateClient, NotFound
from shelter_app.storage.db import Database
from shelter_app.storage.models import Client
from tests.services.helpers import counts, write_between_read_and_flush

VALNOR = ClientFields("VÁLVULAS DEL NORTE, S.A. de C.V.", "VALNOR", "MX", "VNO150312KMA", "Industrial valves",
                      "Av. Industrial 1450, Apodaca, N.L.", "https://valnor.example.mx")
NANDU = ClientFields("Maquinados Ñandú de Jalisco, S. de R.L. de C.V.", "Ñandú", "MX", "MÑJ091105AB8",
                     "Metal stamping")
BRIGHTWAY = ClientFields("Shenzhen Brightway Electronics Co., Ltd.", "Brightway", "CN", None, "Electronics")


def _add(db: Database, fields: ClientFields, actor: str = "ana") -> int:
    return clients.create_client(db, actor, fields).entity_id


def test_create_stores_clean_fields_and_one_audit_event(db: Database) -> None:
    messy = ClientFields("  Válvulas   del Norte, S.A. de C.V. ", " VALNOR ", "mx", " vno-150312-kma ",
                         "Industrial  valves", " Apodaca ", " https://valnor.example.mx ")
    changes = clients.create_client(db, "ana.garza", messy)

    assert (changes.entity, changes.action, changes.client_id) == ("client", "create", changes.entity_id)
    assert changes.changed and changes.warnings == ()
    assert set(changes.fields) == set(clients.CLIENT_FIELDS)
    detail = clients.get_client(db, changes.entity_id)
    assert detail.fields == ClientFields("Válvulas del Norte, S.A. de C.V.", "VALNOR", "MX", "VNO150312KMA",
                                         "Industrial valves", "Apodaca", "https://valnor.example.mx")
    assert detail.version == 1 and not detail.archived
    assert detail.contacts == () and detail.projects == ()
    [event] = audit.history(db, "client", changes.entity_id)
    assert (event.actor, event.action, event.before) == ("ana.garza", "create", {})
    assert event.after["legal_name"] == "Válvulas del Norte, S.A. de C.V."
    assert event.after["rfc"] == "VNO150312KMA"
    assert counts(db) == {"client": 1, "contact": 0, "project": 0, "audit_event": 1}


def test_a_doubtful_rfc_is_saved_with_a_warning(db: Database) -> None:
    changes = clients.create_client(db, "ana", replace(VALNOR, rfc="VNO150312KM4"))  # check digit should be A
    assert [w.code for w in changes.warnings] == ["check_digit"]
    assert "check digit" in changes.warnings[0].en and "dígito verificador" in changes.warnings[0].es
    assert clients.get_client(db, changes.entity_id).fields.rfc == "VNO150312KM4"


def test_edit_changes_only_what_changed_and_is_audited(db: Database) -> None:
    client_id = _add(db, VALNOR)
    created = clients.get_client(db, client_id)

    changes = clients.update_client(db, "luis", client_id, created.version,
                                    replace(created.fields, trade_name="Valnor Norte", industry="Valves"))

    assert changes.action == "update"
    assert changes.fields == ("trade_name", "industry")
    edited = clients.get_client(db, client_id)
    assert edited.version == created.version + 1
    assert edited.fields.trade_name == "Valnor Norte"
    assert edited.updated_at >= created.updated_at and edited.created_at == created.created_at
    events = audit.history(db, "client", client_id)
    assert [(e.actor, e.action) for e in events] == [("ana", "create"), ("luis", "update")]
    # the trail holds what the user edited, not the derived search column
    assert events[1].before == {"trade_name": "VALNOR", "industry": "Industrial valves"}
    assert events[1].after == {"trade_name": "Valnor Norte", "industry": "Valves"}
    assert clients.search_clients(db, "valnor norte") == [client_id]  # the search column follows the edit


def test_saving_an_untouched_client_writes_nothing(db: Database) -> None:
    client_id = _add(db, VALNOR)
    detail = clients.get_client(db, client_id)
    before = counts(db)

    changes = clients.update_client(db, "luis", client_id, detail.version, detail.fields)

    assert changes.action == "none" and not changes.changed and changes.fields == ()
    assert counts(db) == before
    after = clients.get_client(db, client_id)
    assert (after.version, after.updated_at) == (detail.version, detail.updated_at)


def test_archive_hides_and_restore_brings_back(db: Database) -> None:
    client_id = _add(db, VALNOR)
    other_id = _add(db, BRIGHTWAY)

    archived = clients.set_archived(db, "ana", client_id, True)
    assert (archived.action, archived.fields) == ("archive", ("archived",))
    assert clients.search_clients(db) == [other_id]
    assert clients.search_clients(db, "valvulas") == []
    assert clients.search_clients(db, "valvulas", include_archived=True) == [client_id]
    assert clients.get_client(db, client_id).archived
    assert clients.client_rows(db, [client_id])[client_id].archived

    again = clients.set_archived(db, "ana", client_id, True)  # already archived: nothing to do
    assert again.action == "none"

    restored = clients.set_archived(db, "luis", client_id, False)
    assert restored.action == "restore"
    assert sorted(clients.search_clients(db)) == sorted([client_id, other_id])
    events = audit.history(db, "client", client_id)
    assert [(e.actor, e.action, e.before, e.after) for e in events[1:]] == [
        ("ana", "update", {"archived": False}, {"archived": True}),
        ("luis", "update", {"archived": True}, {"archived": False}),
    ]
    assert clients.get_client(db, client_id).version == 3


@pytest.mark.parametrize(("query", "expected"), [
    ("valvula", ["valnor"]),
    ("VÁLVULAS", ["valnor"]),
    ("nandu", ["nandu"]),
    ("ÑANDÚ jalisco", ["nandu"]),
    ("norte valv", ["valnor"]),  # every word, in any order
    ("norte jalisco", []),
    ("vno150312", ["valnor"]),  # the RFC too
    ("brightway", ["brightway"]),
    ("de", ["nandu", "valnor"]),  # sorted by name
    ("", ["nandu", "brightway", "valnor"]),
    ("100%", []),  # LIKE wildcards are plain text
    ("_", []),
])
def test_search_ignores_accents_and_case(db: Database, query: str, expected: list[str]) -> None:
    ids = {"valnor": _add(db, VALNOR), "nandu": _add(db, NANDU), "brightway": _add(db, BRIGHTWAY)}
    assert clients.search_clients(db, query) == [ids[name] for name in expected]


def test_the_stage_of_a_client_is_the_stage_of_its_newest_project(db: Database) -> None:
    valnor, nandu, bright = _add(db, VALNOR), _add(db, NANDU), _add(db, BRIGHTWAY)
    projects.create_project(db, "ana", valnor, ProjectFields("First look", stage=Stage.OPERATING))
    projects.create_project(db, "ana", valnor, ProjectFields("Second plant", stage=Stage.PROSPECT))
    projects.create_project(db, "ana", nandu, ProjectFields("Renewal", stage=Stage.OPERATING))

    assert clients.search_clients(db, stage=Stage.PROSPECT) == [valnor]
    assert clients.search_clients(db, stage=Stage.OPERATING) == [nandu]
    assert clients.search_clients(db, stage=Stage.CLOSED) == []
    assert clients.search_clients(db, "valvulas", stage=Stage.OPERATING) == []
    rows = clients.client_rows(db, [valnor, nandu, bright])
    assert (rows[valnor].stage, rows[valnor].projects) == ("prospect", 2)
    assert (rows[nandu].stage, rows[nandu].projects) == ("operating", 1)
    assert (rows[bright].stage, rows[bright].projects) == (None, 0)
    clients.set_archived(db, "ana", nandu, True)
    assert clients.search_clients(db, stage=Stage.OPERATING) == []
    assert clients.search_clients(db, stage=Stage.OPERATING, include_archived=True) == [nandu]


def test_find_client_by_id_rfc_or_exact_name(db: Database) -> None:
    valnor = _add(db, VALNOR)
    assert clients.find_client(db, str(valnor)) == valnor
    assert clients.find_client(db, "vno-150312-kma") == valnor
    assert clients.find_client(db, "válvulas del norte, s.a. de c.v.") == valnor
    assert clients.find_client(db, "Válvulas") is None
    assert clients.find_client(db, "999") is None
    with pytest.raises(NotFound) as caught:
        clients.get_client(db, 999)
    assert "#999" in caught.value.en and "#999" in caught.value.es


@pytest.mark.parametrize(("bad", "field"), [
    (ClientFields("   "), "legal_name"),
    (replace(VALNOR, legal_name="Otra SA", rfc="VNO15031"), "rfc"),
    (replace(VALNOR, legal_name="Otra SA", rfc="VNO151312KMA"), "rfc"),  # month 13
    (replace(VALNOR, legal_name="Otra SA", rfc=None, website="not a site"), "website"),
    (replace(VALNOR, legal_name="Otra SA", rfc=None, country="Mexico"), "country"),
])
def test_an_invalid_client_stores_nothing(db: Database, bad: ClientFields, field: str) -> None:
    _add(db, VALNOR)
    before = counts(db)
    with pytest.raises(ValidationErrors) as caught:
        clients.create_client(db, "ana", bad)
    assert field in caught.value.errors
    assert caught.value.errors[field].en and caught.value.errors[field].es
    assert counts(db) == before


def test_a_duplicate_rfc_names_the_other_client_and_stores_nothing(db: Database) -> None:
    valnor = _add(db, VALNOR)
    before = counts(db)
    with pytest.raises(DuplicateClient) as caught:
        clients.create_client(db, "luis", ClientFields("Otra Empresa SA", rfc="vno150312kma"))
    error = caught.value
    assert (error.field, error.other_id) == ("rfc", valnor)
    assert "VNO150312KMA" in error.en and "VÁLVULAS DEL NORTE" in error.en and f"#{valnor}" in error.en
    assert "ya pertenece" in error.es and "VÁLVULAS DEL NORTE" in error.es
    assert counts(db) == before


def test_a_duplicate_legal_name_in_the_same_country_stores_nothing(db: Database) -> None:
    valnor = _add(db, VALNOR)
    before = counts(db)
    with pytest.raises(DuplicateClient) as caught:  # accents, case and spaces do not make it another name
        clients.create_client(db, "luis", ClientFields("valvulas  del norte, s.a. de c.v.", country="MX"))
    assert (caught.value.field, caught.value.other_id) == ("legal_name", valnor)
    assert "already exists" in caught.value.en and "Ya existe" in caught.value.es
    assert counts(db) == before
    # the same name in another country is another company
    other = _add(db, replace(VALNOR, country="US", rfc=None))
    assert other != valnor


def test_a_failed_edit_stores_nothing(db: Database) -> None:
    valnor, nandu = _add(db, VALNOR), _add(db, NANDU)
    detail = clients.get_client(db, nandu)
    before = counts(db)
    with pytest.raises(DuplicateClient):
        clients.update_client(db, "luis", nandu, detail.version, replace(detail.fields, rfc=VALNOR.rfc))
    with pytest.raises(ValidationErrors):
        clients.update_client(db, "luis", nandu, detail.version, replace(detail.fields, legal_name=""))
    with pytest.raises(NotFound):
        clients.update_client(db, "luis", 999, 1, ClientFields("Nadie SA"))
    assert counts(db) == before
    assert clients.get_client(db, nandu) == detail
    assert valnor != nandu


def test_a_colleague_taking_the_rfc_at_the_same_moment_is_a_duplicate(db: Database) -> None:
    """The duplicate check passed, then the unique index refuses: still a clear DuplicateClient."""
    theirs = replace(VALNOR, legal_name="Válvulas Rivales SA")
    with write_between_read_and_flush(lambda: _add(db, theirs, actor="luis"), when=Client) as done, \
            pytest.raises(DuplicateClient) as caught:
        clients.create_client(db, "ana", VALNOR)
    [their_id] = done
    assert (caught.value.field, caught.value.other_id) == ("rfc", their_id)
    assert "Válvulas Rivales SA" in caught.value.en
    assert counts(db) == {"client": 1, "contact": 0, "project": 0, "audit_event": 1}
    assert [e.actor for e in audit.history(db, "client", their_id)] == ["luis"]


def test_user_errors_speak_both_languages(db: Database) -> None:
    with pytest.raises(UserError) as caught:
        clients.create_client(db, "ana", ClientFields(""))
    assert caught.value.message("en") != caught.value.message("es_MX")
    assert "obligatori" in caught.value.message("es_MX")

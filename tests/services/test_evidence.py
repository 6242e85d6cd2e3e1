"""Evidence: content-addressed copies, hashes verified on the way out, clear refusals, audited."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from shelter_app.core.portfolio import ClientFields, ProjectFields
from shelter_app.paths import get_paths
from shelter_app.services import audit, clients, evidence, projects
from shelter_app.services.errors import NotFound
from shelter_app.storage.db import Database
from shelter_app.storage.models import ChecklistItem


def _item(db: Database) -> int:
    client_id = clients.create_client(db, "ana", ClientFields("Evidencias del Norte, S.A. de C.V.")).entity_id
    project_id = projects.create_project(db, "ana", client_id, ProjectFields("Set-up")).entity_id
    with db.transaction() as session:
        row = ChecklistItem(project_id=project_id, client_id=client_id, pack_id="tax", pack_version="2026.11.1",
                            item_id="tax.rfc")
        session.add(row)
        session.flush()
        assert row.id is not None
        return row.id


def test_attach_copies_under_the_hash_and_audits(db: Database, tmp_path: Path) -> None:
    item_id = _item(db)
    source = tmp_path / "Constancia de situación fiscal.pdf"
    source.write_bytes(b"%PDF-1.4 constancia " * 100)
    store = get_paths().evidence
    changes = evidence.attach(db, "luis", item_id, source, store)
    assert changes.action == "attach" and not changes.warnings
    [view] = evidence.list_evidence(db, item_id)
    sha = hashlib.sha256(source.read_bytes()).hexdigest()
    assert (view.file_name, view.sha256, view.size_bytes, view.added_by) == (source.name, sha, 2000, "luis")
    assert evidence.stored_path(store, sha).read_bytes() == source.read_bytes()
    events = audit.history(db, "checklist_item", item_id)
    assert [e.action for e in events] == ["attach"] and events[0].after["sha256"] == sha
    # the same document on another item is stored once
    evidence.attach(db, "luis", item_id, source, store)
    assert len(list(store.rglob("*"))) == 2  # one folder, one file


def test_missing_or_unreadable_files_are_refused_and_nothing_is_stored(db: Database, tmp_path: Path) -> None:
    item_id = _item(db)
    with pytest.raises(evidence.EvidenceFileProblem) as missing:
        evidence.attach(db, "luis", item_id, tmp_path / "nope.pdf", get_paths().evidence)
    assert "does not exist" in missing.value.en and "no existe" in missing.value.es
    with pytest.raises(evidence.EvidenceFileProblem):
        evidence.attach(db, "luis", item_id, tmp_path, get_paths().evidence)  # a folder
    assert evidence.list_evidence(db, item_id) == []
    assert audit.history(db, "checklist_item", item_id) == []


def test_attach_to_an_item_that_does_not_exist(db: Database, tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("x", encoding="utf-8")
    with pytest.raises(NotFound):
        evidence.attach(db, "luis", 999_999, source, get_paths().evidence)


def test_large_files_warn(db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(evidence, "LARGE_FILE_BYTES", 10)
    item_id = _item(db)
    source = tmp_path / "plano.dwg"
    source.write_bytes(b"x" * 100)
    changes = evidence.attach(db, "luis", item_id, source, get_paths().evidence)
    assert [w.code for w in changes.warnings] == ["large_file"]


def test_a_tampered_copy_is_caught_on_export(db: Database, tmp_path: Path) -> None:
    item_id = _item(db)
    source = tmp_path / "acta.pdf"
    source.write_bytes(b"acta constitutiva")
    store = get_paths().evidence
    evidence.attach(db, "luis", item_id, source, store)
    [view] = evidence.list_evidence(db, item_id)
    out = evidence.export_copy(store, view, tmp_path / "out" / view.file_name)
    assert out.read_bytes() == b"acta constitutiva"
    evidence.stored_path(store, view.sha256).write_bytes(b"acta alterada")
    with pytest.raises(evidence.EvidenceFileProblem) as caught:
        evidence.verified_file(store, view)
    assert "altered" in caught.value.en and "alterada" in caught.value.es
    evidence.stored_path(store, view.sha256).unlink()
    with pytest.raises(evidence.EvidenceFileProblem, match="missing"):
        evidence.verified_file(store, view)


def test_detach_keeps_the_history(db: Database, tmp_path: Path) -> None:
    item_id = _item(db)
    source = tmp_path / "poder.pdf"
    source.write_bytes(b"poder notarial")
    evidence.attach(db, "luis", item_id, source, get_paths().evidence)
    [view] = evidence.list_evidence(db, item_id)
    evidence.detach(db, "ana", view.id)
    assert evidence.list_evidence(db, item_id) == []
    assert [e.action for e in audit.history(db, "checklist_item", item_id)] == ["attach", "detach"]

"""Evidence: content-addressed copies, hashes verified on the way out, clear refusals, audited."""

from __future__ import annotations

import hashlib
import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
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


# ---- only regular files, never through a link; clean names; a size limit ------------------------------------------

class _Hung(Exception):
    pass


@contextmanager
def _no_hang(seconds: int = 10) -> Iterator[None]:
    """Fail instead of hanging if opening a named pipe ever blocks again."""
    def give_up(_signum: int, _frame: object) -> None:
        raise _Hung("attaching blocked on a named pipe")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _store_files(store: Path) -> list[Path]:
    return sorted(p for p in store.rglob("*") if p.is_file()) if store.exists() else []


def _nothing_recorded(db: Database, item_id: int, store: Path) -> None:
    assert evidence.list_evidence(db, item_id) == []
    assert audit.history(db, "checklist_item", item_id) == []
    assert _store_files(store) == []


def test_a_link_to_a_file_outside_is_refused_and_its_target_never_copied(db: Database, tmp_path: Path) -> None:
    item_id, store = _item(db), get_paths().evidence
    secret = tmp_path / "outside" / "id_rsa"
    secret.parent.mkdir()
    secret.write_bytes(b"-----BEGIN PRIVATE KEY-----")
    link = tmp_path / "photo.jpg"
    link.symlink_to(secret)
    with pytest.raises(evidence.EvidenceFileProblem) as caught:
        evidence.attach(db, "luis", item_id, link, store)
    assert "“photo.jpg”" in caught.value.en and "link" in caught.value.en
    assert "«photo.jpg»" in caught.value.es and "enlace" in caught.value.es
    _nothing_recorded(db, item_id, store)


def test_a_link_inside_a_chosen_folder_is_skipped_and_reported(db: Database, tmp_path: Path) -> None:
    item_id, store = _item(db), get_paths().evidence
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"not for the client")
    folder = tmp_path / "from the client"
    (folder / "sub").mkdir(parents=True)
    (folder / "acta.pdf").write_bytes(b"%PDF acta")
    (folder / "sub" / "poder.pdf").write_bytes(b"%PDF poder")
    (folder / "sub" / "looks-fine.pdf").symlink_to(secret)
    (folder / "linked-folder").symlink_to(tmp_path, target_is_directory=True)
    changes = evidence.attach_files(db, "luis", item_id, [folder], store)
    assert sorted(v.file_name for v in evidence.list_evidence(db, item_id)) == ["acta.pdf", "poder.pdf"]
    [refused] = [w for w in changes.warnings if w.code == "files_refused"]
    assert "2 files were attached" in refused.en and "Se adjuntaron 2 archivos" in refused.es
    assert "“looks-fine.pdf” was skipped" in refused.en and "«looks-fine.pdf»" in refused.es
    assert "“linked-folder” was skipped" in refused.en
    assert b"not for the client" not in b"".join(p.read_bytes() for p in _store_files(store))
    assert len(_store_files(store)) == 2


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(db: Database, tmp_path: Path) -> None:
    item_id, store = _item(db), get_paths().evidence
    fifo = tmp_path / "scan.pdf"
    os.mkfifo(fifo)
    with _no_hang(), pytest.raises(evidence.EvidenceFileProblem) as caught:
        evidence.attach(db, "luis", item_id, fifo, store)  # would block forever if opened for reading plainly
    assert "named pipe" in caught.value.en and "canalización" in caught.value.es
    _nothing_recorded(db, item_id, store)


def test_a_folder_is_refused_as_a_single_file(db: Database, tmp_path: Path) -> None:
    item_id, store = _item(db), get_paths().evidence
    with pytest.raises(evidence.EvidenceFileProblem) as caught:
        evidence.attach(db, "luis", item_id, tmp_path, store)
    assert "a folder" in caught.value.en and "una carpeta" in caught.value.es
    _nothing_recorded(db, item_id, store)


def test_a_file_over_the_limit_is_refused_with_the_limit_and_its_size(db: Database, tmp_path: Path) -> None:
    item_id, store = _item(db), get_paths().evidence
    big = tmp_path / "plano.dwg"
    big.write_bytes(b"x" * 3000)
    with pytest.raises(evidence.EvidenceFileProblem) as caught:
        evidence.attach(db, "luis", item_id, big, store, max_bytes=2048)
    assert "2 KB" in caught.value.en and "2.9 KB" in caught.value.en and "“plano.dwg”" in caught.value.en
    assert "2 KB" in caught.value.es and "2.9 KB" in caught.value.es and "límite" in caught.value.es
    _nothing_recorded(db, item_id, store)
    assert evidence.attach(db, "luis", item_id, big, store, max_bytes=3000).action == "attach"  # at the limit: fine


def test_the_limit_defaults_to_the_setting() -> None:
    from shelter_app.services.filestore import DEFAULT_MAX_BYTES
    from shelter_app.settings import ATTACHMENT_LIMIT_MB

    assert ATTACHMENT_LIMIT_MB.default == 100 and DEFAULT_MAX_BYTES == 100 * 1024 * 1024


def test_a_right_to_left_override_cannot_disguise_an_exe(db: Database, tmp_path: Path) -> None:
    item_id, store = _item(db), get_paths().evidence
    source = tmp_path / "invoice\u202egpj.exe"
    source.write_bytes(b"MZ not a photo")
    evidence.attach(db, "luis", item_id, source, store)
    [view] = evidence.list_evidence(db, item_id)
    assert view.file_name == "invoicegpj.exe"
    [event] = audit.history(db, "checklist_item", item_id)
    assert event.after["file_name"] == "invoicegpj.exe"
    # a name stored before names were cleaned is cleaned on the way out too
    old = evidence.EvidenceView(view.id, "old\u202egpj.exe", view.size_bytes, view.sha256, "luis", view.added_at)
    out = evidence.export_copy(store, old, tmp_path / "out" / old.file_name)
    assert out.name == "oldgpj.exe" and out.read_bytes() == b"MZ not a photo"


def test_one_bad_file_among_several_leaves_nothing_half_written(db: Database, tmp_path: Path) -> None:
    item_id, store = _item(db), get_paths().evidence
    good = tmp_path / "acta.pdf"
    good.write_bytes(b"%PDF acta")
    big = tmp_path / "video.mp4"
    big.write_bytes(b"v" * 5000)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link.pdf"
    link.symlink_to(good)
    with _no_hang():
        changes = evidence.attach_files(db, "luis", item_id, [good, big, fifo, link, tmp_path / "gone.pdf"], store,
                                        max_bytes=4096)
    assert [v.file_name for v in evidence.list_evidence(db, item_id)] == ["acta.pdf"]
    assert [e.action for e in audit.history(db, "checklist_item", item_id)] == ["attach"]
    [refused] = [w for w in changes.warnings if w.code == "files_refused"]
    assert refused.en.startswith("1 file was attached; not attached:")
    for name in ("“video.mp4”", "“pipe”", "“link.pdf”", "“gone.pdf”"):
        assert name in refused.en
    assert refused.es.startswith("Se adjuntó 1 archivo; no se adjuntaron:")
    assert [p.read_bytes() for p in _store_files(store)] == [b"%PDF acta"]  # no partial copy left behind


def test_when_every_file_is_refused_nothing_is_recorded(db: Database, tmp_path: Path) -> None:
    item_id, store = _item(db), get_paths().evidence
    big = tmp_path / "video.mp4"
    big.write_bytes(b"v" * 5000)
    with pytest.raises(evidence.EvidenceFileProblem) as caught:
        evidence.attach_files(db, "luis", item_id, [big, tmp_path / "gone.pdf"], store, max_bytes=4096)
    assert caught.value.en.endswith("Nothing was attached.") and caught.value.es.endswith("No se adjuntó nada.")
    assert "“video.mp4”" in caught.value.en and "“gone.pdf”" in caught.value.en
    _nothing_recorded(db, item_id, store)

"""Offline forms, client side: drafts that survive, carry over to a new version, and export encrypted responses."""

from __future__ import annotations

import base64
import copy
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import nacl.public
import pytest

from shelter_app import paths
from shelter_app.content.forms import FormDefinitionError, definition_data, load_forms
from shelter_app.core.errors import ValidationErrors
from shelter_app.exchange import formfiles, formkeys
from shelter_app.paths import Paths
from shelter_app.services import form_drafts
from shelter_app.services.errors import EditConflict
from shelter_app.storage.db import Database
from tests.services.test_forms_export_import import FORMS, table_counts

KEY = nacl.public.PrivateKey.generate()


@pytest.fixture
def folders() -> Paths:
    return paths.get_paths().ensure()


def package(folders: Paths, version: str, *, prefill: dict[str, Any] | None = None, reference: str = "ref-1",
            definition: dict[str, Any] | None = None) -> Path:
    data = definition or definition_data(load_forms(FORMS).get("sample", version))
    target = folders.data.parent / f"sample-{version}-{reference}.sdform"
    formfiles.write_package(target, formfiles.FormPackage(
        form_id="sample", form_version=version, definition=data, language="es",
        prefill=prefill if prefill is not None else {"legal_name": "Ñandú SA", "employees": "many"},
        consultant=formfiles.ConsultantInfo("Lucía", KEY.public_key),
        project=formfiles.ProjectInfo(reference, "Ñandú", "Renewal")))
    return target


def test_open_prefills_then_reopens_the_same_draft(db: Database, folders: Paths) -> None:
    source = package(folders, "1.0")
    view = form_drafts.open_package(db, folders, source)
    assert view.answers == {"legal_name": "Ñandú SA"}  # a prefill that does not fit the form is not taken
    assert (view.language, view.page, view.focus, view.carried_from_version) == ("es", 0, "", None)
    version = form_drafts.save_draft(db, view.draft_id, answers={**view.answers, "employees": 12},
                                     pending={"area": "12x"}, page=1, focus="area", language="es",
                                     expected_version=view.version)
    assert version == view.version + 1
    again = form_drafts.open_package(db, folders, source)
    assert again.draft_id == view.draft_id and again.version == version
    assert again.answers == {"legal_name": "Ñandú SA", "employees": 12}
    assert (again.pending, again.page, again.focus) == ({"area": "12x"}, 1, "area")
    with pytest.raises(EditConflict):  # another window saved in between
        form_drafts.save_draft(db, view.draft_id, answers={}, pending={}, page=0, focus="", language="es",
                               expected_version=view.version)
    summary = form_drafts.list_drafts(db)
    assert [(d.draft_id, d.answered, d.client_name) for d in summary] == [(view.draft_id, 2, "Ñandú")]


def test_a_new_version_carries_answers_over_and_keeps_what_is_no_longer_asked(db: Database, folders: Paths) -> None:
    old = form_drafts.open_package(db, folders, package(folders, "1.0"))
    form_drafts.save_draft(db, old.draft_id, answers={"legal_name": "Ñandú SA", "about": "Since 1991",
                                                      "employees": 80}, pending={}, page=0, focus="about",
                           language="en", expected_version=old.version)
    new = form_drafts.open_package(db, folders, package(folders, "1.1"))
    assert new.draft_id != old.draft_id and new.carried_from_version == "1.0"
    assert new.answers == {"legal_name": "Ñandú SA"}
    assert new.language == "en"
    dropped = {d["path"]: d for d in new.dropped}
    assert dropped["about"]["reason"]["en"] == "No longer asked." and dropped["about"]["shown"] == "Since 1991"
    assert dropped["employees"]["reason"]["en"].startswith("The answer no longer fits")
    assert form_drafts.open_package(db, folders, package(folders, "1.1")).dropped == new.dropped  # kept
    other = form_drafts.open_package(db, folders, package(folders, "1.1", reference="ref-2"))
    assert other.carried_from_version is None and other.dropped == []  # another project starts afresh


def test_hostile_definition_is_refused_on_open(db: Database, folders: Paths) -> None:
    data = copy.deepcopy(definition_data(load_forms(FORMS).get("sample", "1.0")))
    data["sections"][0]["fields"][1]["relevant"] = "().__class__"
    before = table_counts(db)
    with pytest.raises(FormDefinitionError):
        form_drafts.open_package(db, folders, package(folders, "1.0", definition=data))
    assert table_counts(db) == before


def test_export_lists_every_issue_then_writes_an_encrypted_response(db: Database, folders: Paths) -> None:
    view = form_drafts.open_package(db, folders, package(folders, "1.1"))
    spec = folders.data.parent / "spec.pdf"
    spec.write_bytes(b"%PDF-1.4 spec sheet")
    attached = form_drafts.store_attachment(folders, spec)
    answers = {"legal_name": "Ñandú SA", "has_entity": True, "spec": attached,
               "roles": [{"role": "Prensista"}]}
    version = form_drafts.save_draft(db, view.draft_id, answers=answers, pending={"area": "doce"}, page=0,
                                     focus="", language="es", expected_version=view.version)
    target = folders.data.parent / "out.sdresponse"
    with pytest.raises(ValidationErrors) as caught:
        form_drafts.export_response(db, folders, view.draft_id, target)
    assert set(caught.value.errors) == {"rfc", "area", "roles[0].headcount"}
    assert not target.exists()
    answers["rfc"] = "MÑJ091105AB8"
    answers["roles"] = [{"role": "Prensista", "headcount": 60}]
    form_drafts.save_draft(db, view.draft_id, answers=answers, pending={}, page=0, focus="", language="es",
                           expected_version=version)
    result = form_drafts.export_response(db, folders, view.draft_id, target)
    assert result.attachments == 1
    opened = formfiles.read_response(target, KEY)
    assert opened.content.answers["spec"] == attached and opened.content.language == "es"
    assert opened.attachments[attached["sha256"]] == spec.read_bytes()
    assert form_drafts.list_drafts(db)[0].exported_at is not None


def test_headless_fill_attaches_files_and_refuses_paths_outside_the_folder(folders: Paths, tmp_path: Path) -> None:
    source = package(folders, "1.1")
    files = tmp_path / "files"
    files.mkdir()
    (files / "spec.pdf").write_bytes(b"%PDF-1.4 x")
    (tmp_path / "secret.pdf").write_bytes(b"%PDF-1.4 secret")
    target = tmp_path / "r.sdresponse"
    roles = [{"role": "Prensista", "headcount": 60}]
    escaping = {"legal_name": "X", "spec": {"path": "../secret.pdf"}, "roles": roles}
    issues = form_drafts.fill_package(folders, source, escaping, target, files)
    assert [i.path for i in issues] == ["spec"] and "outside" in issues[0].en and not target.exists()
    good = {"legal_name": "X", "spec": {"path": "spec.pdf"}, "roles": roles}
    assert form_drafts.fill_package(folders, source, good, target, files) == []
    opened = formfiles.read_response(target, KEY)
    assert opened.content.answers["spec"]["name"] == "spec.pdf"
    assert list(opened.attachments.values()) == [b"%PDF-1.4 x"]


def _kept_files(folders: Paths) -> list[bytes]:
    root = form_drafts.form_files_dir(folders)
    return sorted(p.read_bytes() for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_a_form_attachment_follows_the_evidence_rules(folders: Paths, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"not for the consultant")
    link = tmp_path / "spec.pdf"
    link.symlink_to(secret)
    with pytest.raises(form_drafts.AttachmentRefused) as caught:
        form_drafts.store_attachment(folders, link)
    assert "link" in caught.value.en and "enlace" in caught.value.es and caught.value.field == "attachment"
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    with pytest.raises(form_drafts.AttachmentRefused, match="named pipe"):
        form_drafts.store_attachment(folders, fifo)
    with pytest.raises(form_drafts.AttachmentRefused, match="a folder"):
        form_drafts.store_attachment(folders, tmp_path)
    big = tmp_path / "video.mp4"
    big.write_bytes(b"v" * 3000)
    with pytest.raises(form_drafts.AttachmentRefused) as too_big:
        form_drafts.store_attachment(folders, big, max_bytes=1024)
    assert "over the limit of 1 KB" in too_big.value.en and "2.9 KB" in too_big.value.en
    assert _kept_files(folders) == []  # nothing half-kept
    tricky = tmp_path / "invoice\u202egpj.exe"
    tricky.write_bytes(b"MZ")
    assert form_drafts.store_attachment(folders, tricky)["name"] == "invoicegpj.exe"
    assert _kept_files(folders) == [b"MZ"]


def test_headless_fill_refuses_links_and_large_files_in_the_folder(folders: Paths, tmp_path: Path) -> None:
    source = package(folders, "1.1")
    files = tmp_path / "files"
    files.mkdir()
    (files / "real.pdf").write_bytes(b"%PDF-1.4 x")
    (files / "spec.pdf").symlink_to(files / "real.pdf")  # a link even inside the folder is refused
    target = tmp_path / "r.sdresponse"
    roles = [{"role": "Prensista", "headcount": 60}]
    issues = form_drafts.fill_package(folders, source, {"legal_name": "X", "spec": {"path": "spec.pdf"},
                                                        "roles": roles}, target, files)
    assert [i.path for i in issues] == ["spec"] and "link" in issues[0].en and not target.exists()
    issues = form_drafts.fill_package(folders, source, {"legal_name": "X", "spec": {"path": "real.pdf"},
                                                        "roles": roles}, target, files, max_bytes=4)
    assert [i.path for i in issues] == ["spec"] and "over the limit" in issues[0].en and not target.exists()
    (files / "ficha\u202efdp.exe").write_bytes(b"MZ")  # shows as "fichaexe.pdf": judged as the .exe it is
    issues = form_drafts.fill_package(folders, source, {"legal_name": "X", "spec": {"path": "ficha\u202efdp.exe"},
                                                        "roles": roles}, target, files)
    assert [i.path for i in issues] == ["spec"] and "type pdf" in issues[0].en and not target.exists()
    hidden = "ficha\u200b\u2066técnica.pdf"
    (files / hidden).write_bytes(b"%PDF-1.4 y")
    assert form_drafts.fill_package(folders, source, {"legal_name": "X", "spec": {"path": hidden}, "roles": roles},
                                    target, files) == []
    assert formfiles.read_response(target, KEY).content.answers["spec"]["name"] == "fichatécnica.pdf"


def test_a_new_version_keeps_the_clients_answers_and_takes_the_new_prefill_for_the_rest(db: Database,
                                                                                       folders: Paths) -> None:
    old = form_drafts.open_package(db, folders, package(folders, "1.0"))
    form_drafts.save_draft(db, old.draft_id, answers={"legal_name": "Ñandú del Norte SA"}, pending={}, page=0,
                           focus="", language="es", expected_version=old.version)
    new = form_drafts.open_package(db, folders, package(folders, "1.1", prefill={
        "legal_name": "Ñandú SA", "area": "1200"}))
    assert new.carried_from_version == "1.0"
    assert new.answers == {"legal_name": "Ñandú del Norte SA", "area": "1200"}


# ---- trust on first use: the consultant's signing key is remembered --------------------------------------------

MALLORY = nacl.public.PrivateKey.generate()


def signed_package(folders: Paths, name: str, *, key: nacl.public.PrivateKey = KEY, consultant: str = "Lucía",
                   signer: nacl.public.PrivateKey | None = None) -> Path:
    """A package by `key`; `signer` other than `key` forges one: the consultant's box key, another's signature."""
    target = folders.data.parent / f"{name}.sdform"
    formfiles.write_package(target, formfiles.FormPackage(
        form_id="sample", form_version="1.0", definition=definition_data(load_forms(FORMS).get("sample", "1.0")),
        language="es", prefill={"legal_name": "Ñandú SA"}, consultant=formfiles.ConsultantInfo(consultant,
                                                                                              key.public_key),
        project=formfiles.ProjectInfo("ref-1", "Ñandú", "Renewal")), signer=key)
    if signer is not None and signer is not key:
        with zipfile.ZipFile(target) as archive:
            document = json.loads(archive.read("package.json"))
        forger = formkeys.signing_key(signer)
        document["consultant"]["verify_key"] = base64.b64encode(bytes(forger.verify_key)).decode("ascii")
        document["consultant"]["signing_fingerprint"] = formkeys.fingerprint(forger.verify_key)
        document["signature"]["value"] = base64.b64encode(
            forger.sign(formfiles._signed_message(document)).signature).decode("ascii")
        with zipfile.ZipFile(target, "w") as archive:
            archive.writestr("package.json", json.dumps(document, ensure_ascii=False))
    return target


def signer_of(key: nacl.public.PrivateKey) -> str:
    return formkeys.fingerprint(formkeys.signing_key(key).verify_key)


def test_the_first_signer_is_remembered_and_kept(db: Database, folders: Paths) -> None:
    view = form_drafts.open_package(db, folders, signed_package(folders, "first"))
    assert view.package.signed_by == signer_of(KEY)
    assert form_drafts.open_package(db, folders, signed_package(folders, "second")).package.signed_by == signer_of(KEY)
    assert form_drafts.open_package(db, folders, signed_package(folders, "again")).draft_id != view.draft_id
    known = json.loads(form_drafts.known_senders_file(folders).read_text(encoding="utf-8"))["senders"]
    assert [(s["name"], s["key"], s["signed_by"]) for s in known] == [
        ("Lucía", formkeys.fingerprint(KEY.public_key), signer_of(KEY))]
    reopened = form_drafts.open_package(db, folders, signed_package(folders, "first"))
    assert reopened.package.signed_by == signer_of(KEY)  # kept in the draft


def test_a_package_signed_by_another_key_is_refused_with_both_fingerprints(db: Database, folders: Paths) -> None:
    form_drafts.open_package(db, folders, signed_package(folders, "genuine"))
    counts = table_counts(db)
    forged = signed_package(folders, "forged", signer=MALLORY)
    with pytest.raises(form_drafts.SignerChanged) as caught:
        form_drafts.open_package(db, folders, forged)
    refused = caught.value
    assert (refused.known, refused.found, refused.consultant) == (signer_of(KEY), signer_of(MALLORY), "Lucía")
    for text in (refused.en, refused.es):
        assert signer_of(KEY) in text and signer_of(MALLORY) in text and "Lucía" in text
    assert table_counts(db) == counts  # nothing opened
    with pytest.raises(form_drafts.SignerChanged):  # the same refusal headless
        form_drafts.fill_package(folders, forged, {"legal_name": "x"}, folders.data.parent / "r.sdresponse")
    assert not (folders.data.parent / "r.sdresponse").exists()


def test_a_new_key_under_a_known_consultant_name_is_refused(db: Database, folders: Paths) -> None:
    form_drafts.open_package(db, folders, signed_package(folders, "genuine"))
    impostor = signed_package(folders, "impostor", key=MALLORY, consultant=" lucía ")
    with pytest.raises(form_drafts.SignerChanged) as caught:
        form_drafts.open_package(db, folders, impostor)
    assert (caught.value.known, caught.value.found) == (signer_of(KEY), signer_of(MALLORY))
    other = signed_package(folders, "other", key=MALLORY, consultant="Otro Consultor")
    assert form_drafts.open_package(db, folders, other).package.signed_by == signer_of(MALLORY)  # a new sender


def test_an_unsigned_package_from_a_known_signer_is_refused(db: Database, folders: Paths) -> None:
    unsigned = package(folders, "1.0")
    assert form_drafts.open_package(db, folders, unsigned).package.signed_by is None  # not known yet: opens
    assert not form_drafts.known_senders_file(folders).exists()  # and nothing is remembered
    form_drafts.open_package(db, folders, signed_package(folders, "genuine"))
    with pytest.raises(form_drafts.SignerChanged) as caught:
        form_drafts.open_package(db, folders, package(folders, "1.1"))
    assert caught.value.found is None and "not signed" in caught.value.en and "no está firmado" in caught.value.es
    assert form_drafts.open_package(db, folders, package(folders, "1.1"), accept_signer="none").package.signed_by \
        is None


def test_accepting_the_new_signer_explicitly_opens_and_remembers_it(db: Database, folders: Paths) -> None:
    form_drafts.open_package(db, folders, signed_package(folders, "genuine"))
    forged = signed_package(folders, "changed", signer=MALLORY)
    with pytest.raises(form_drafts.SignerChanged):  # accepting another fingerprint than the one found is no answer
        form_drafts.open_package(db, folders, forged, accept_signer=signer_of(KEY))
    view = form_drafts.open_package(db, folders, forged, accept_signer=signer_of(MALLORY))
    assert view.package.signed_by == signer_of(MALLORY)
    with pytest.raises(form_drafts.SignerChanged) as caught:  # now the old key is the stranger
        form_drafts.open_package(db, folders, signed_package(folders, "old"))
    assert (caught.value.known, caught.value.found) == (signer_of(MALLORY), signer_of(KEY))


@pytest.mark.parametrize("content", [b"{", b"[]", b'{"format": "x", "senders": []}',
                                     b'{"format": "shelterdesk-known-senders@1", "senders": [{"key": 1}]}'])
def test_a_damaged_list_of_known_senders_is_reported(db: Database, folders: Paths, content: bytes) -> None:
    form_drafts.known_senders_file(folders).write_bytes(content)
    with pytest.raises(form_drafts.DamagedKnownSenders) as caught:
        form_drafts.open_package(db, folders, signed_package(folders, "genuine"))
    assert "known-senders.json" in caught.value.en and "known-senders.json" in caught.value.es

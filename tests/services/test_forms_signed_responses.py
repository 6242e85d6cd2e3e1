"""Responses signed by the client installation: authenticated, pinned to the first installation, never replayed."""

from __future__ import annotations

import io
import json
import stat
import zipfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import nacl.public
import nacl.signing
import pytest

from shelter_app.exchange import formfiles, formkeys
from shelter_app.paths import Paths
from shelter_app.services import form_drafts, forms
from shelter_app.storage.db import Database
from shelter_app.storage.models import FormPackage as PackageRow
from tests.services import test_forms_export_import as shared
from tests.services.test_forms_export_import import Sent, fill, send
from tests.services.test_forms_hostile import craft, our_key, refused

folders, project, sample_forms = shared.folders, shared.project, shared.sample_forms


def apply_all(db: Database, folders: Paths, source: Path) -> forms.ImportReview:
    review = forms.review_response(db, folders, source)
    forms.apply_response(db, folders, "lucia", review, [r.key for r in review.rows])
    return review


def this_installation(folders: Paths) -> nacl.signing.SigningKey:
    return formkeys.installation_key(form_drafts.installation_key_file(folders))


def write_signed(folders: Paths, sent: Sent, signer: nacl.signing.SigningKey, name: str,
                 changes: dict[str, Any] | None = None, **content: Any) -> Path:
    """A response written like the client app would, but signed by `signer` (another computer, for a forgery)."""
    package = formfiles.read_package(sent.package)
    target = folders.data.parent / f"{name}.sdresponse"
    answers = {**sent.prefill, **(changes or {})}
    response = formfiles.ResponseContent(package_id=package.package_id, form_id=package.form_id,
                                         form_version=package.form_version, language="en", answers=answers,
                                         **content)
    formfiles.write_response(target, response, {}, our_key(folders), signer)
    return target


def pinned(db: Database, sent: Sent) -> PackageRow:
    with db.transaction() as session:
        row = session.get(PackageRow, sent.summary.package_row_id)
        assert row is not None
        session.expunge(row)
        return row


def test_a_signed_response_is_authenticated_and_pins_its_package(db: Database, folders: Paths, project: int) -> None:
    sent = send(db, folders, project)
    source = fill(folders, sent, {"legal_name": "Changed Name Inc."})
    key = this_installation(folders)
    assert stat.S_IMODE(form_drafts.installation_key_file(folders).stat().st_mode) == 0o600
    assert this_installation(folders).encode() == key.encode()  # made once, then kept
    review = apply_all(db, folders, source)
    assert review.authenticated is True
    assert review.installation == formkeys.fingerprint(key.verify_key) == form_drafts.installation_fingerprint(folders)
    row = pinned(db, sent)
    assert row.installation_key is not None and row.last_written_at == review.written_at
    # the same installation answers again later: accepted
    again = fill(folders, sent, {"legal_name": "Second Name Inc."}, name="again")
    assert apply_all(db, folders, again).authenticated


def test_a_response_from_another_computer_after_the_first_is_refused_naming_both_keys(
        db: Database, folders: Paths, project: int) -> None:
    sent = send(db, folders, project)
    apply_all(db, folders, fill(folders, sent, {"legal_name": "Changed Name Inc."}))
    ours = formkeys.fingerprint(this_installation(folders).verify_key)
    intruder = nacl.signing.SigningKey.generate()
    forged = write_signed(folders, sent, intruder, "forged", {"legal_name": "Forged Inc."})
    error = refused(db, folders, forged, forms.ResponseFromAnotherInstallation, "another computer")
    theirs = formkeys.fingerprint(intruder.verify_key)
    for message in (error.en, error.es):
        assert theirs in message and ours in message
    # an unsigned (old format) response made by anyone holding the package is refused too
    unsigned = craft(folders.data.parent / "unsigned.sdresponse", our_key(folders), sent.summary.package_id,
                     {**sent.prefill, "legal_name": "Forged Inc."})
    error = refused(db, folders, unsigned, forms.ResponseFromAnotherInstallation, "not signed")
    assert ours in error.en and ours in error.es


def test_an_older_response_is_refused_as_a_replay(db: Database, folders: Paths, project: int) -> None:
    sent = send(db, folders, project)
    key = this_installation(folders)
    now = formfiles.utc_now()
    older = write_signed(folders, sent, key, "older", {"legal_name": "Old Name Inc."},
                         created_at=now - timedelta(hours=1))
    newer = write_signed(folders, sent, key, "newer", {"legal_name": "New Name Inc."}, created_at=now)
    apply_all(db, folders, newer)
    error = refused(db, folders, older, forms.ResponseReplayed, "older copy")
    assert "copia anterior" in error.es
    # the response already imported still says so, and changes nothing
    assert forms.review_response(db, folders, newer).already_imported_at is not None


def _inner(folders: Paths, source: Path) -> dict[str, Any]:
    private = formkeys.consultant_key(forms.key_file(folders), None, create=False)
    with zipfile.ZipFile(source) as outer:
        payload = outer.read("payload.bin")
    with zipfile.ZipFile(io.BytesIO(nacl.public.SealedBox(private).decrypt(payload))) as inner:
        document: dict[str, Any] = json.loads(inner.read("response.json"))
    return document


def test_a_signature_moved_onto_other_content_is_refused(db: Database, folders: Paths, project: int) -> None:
    sent = send(db, folders, project)
    key = this_installation(folders)
    genuine = write_signed(folders, sent, key, "genuine", {"legal_name": "Genuine Inc."})
    other = write_signed(folders, sent, key, "other", {"legal_name": "Other Inc."})
    document = _inner(folders, other)
    document["signature"] = _inner(folders, genuine)["signature"]
    with zipfile.ZipFile(other) as outer:
        header = outer.read("header.json")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as inner:
        inner.writestr("response.json", json.dumps(document))
    payload = nacl.public.SealedBox(our_key(folders)).encrypt(buffer.getvalue())
    moved = folders.data.parent / "moved.sdresponse"
    with zipfile.ZipFile(moved, "w") as outer:
        outer.writestr("header.json", header)
        outer.writestr("payload.bin", bytes(payload))
    error = refused(db, folders, moved, formfiles.ResponseSignatureInvalid, "tampered")
    assert isinstance(error, formfiles.TamperedFile)
    # the genuine one still imports: the refusal was about the moved signature only
    assert apply_all(db, folders, genuine).authenticated


def test_an_old_unsigned_response_imports_not_authenticated(db: Database, folders: Paths, project: int) -> None:
    sent = send(db, folders, project)
    source = craft(folders.data.parent / "old.sdresponse", our_key(folders), sent.summary.package_id,
                   {**sent.prefill, "legal_name": "Old Format Inc."})
    review = apply_all(db, folders, source)
    assert review.authenticated is False and review.installation is None
    assert pinned(db, sent).installation_key is None  # nothing to pin to: a later signed response pins it
    assert apply_all(db, folders, fill(folders, sent, {"legal_name": "Signed Inc."})).authenticated
    assert pinned(db, sent).installation_key is not None


def test_a_damaged_installation_key_is_not_replaced(folders: Paths) -> None:
    path = form_drafts.installation_key_file(folders)
    formkeys.write_file_atomically(path, b"not a key")
    with pytest.raises(formkeys.DamagedKeyFile) as caught:
        formkeys.installation_key(path)
    assert caught.value.es != caught.value.en
    assert path.read_bytes() == b"not a key"

"""Responses the consultant's side must refuse, each with a clear message and the database untouched."""

from __future__ import annotations

import io
import json
import uuid
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import nacl.public
import pytest

from shelter_app.content.forms import FormSet, UnknownForm
from shelter_app.core.errors import UserError
from shelter_app.exchange import formfiles, formkeys
from shelter_app.paths import Paths
from shelter_app.services import forms
from shelter_app.storage.db import Database
from tests.services import test_forms_export_import as shared
from tests.services.test_forms_export_import import Sent, fill, send, table_counts

# the fixtures of the round-trip tests
folders, project, sample_forms = shared.folders, shared.project, shared.sample_forms


def _zip(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def craft(path: Path, recipient: nacl.public.PublicKey, package_id: str, answers: dict[str, Any], *,
          form_id: str = "sample", form_version: str = "1.1", outer_extra: tuple[tuple[str, bytes], ...] = ()) -> Path:
    """A response written by hand (what `write_response` would refuse to make), sealed to `recipient`."""
    created = datetime.now(UTC).isoformat().replace("+00:00", "Z")
    inner = {
        "format": formfiles.RESPONSE_FORMAT_UNSIGNED, "response_id": str(uuid.uuid4()), "package_id": package_id,
        "form_id": form_id, "form_version": form_version, "language": "en", "created_at": created,
        "answers": answers,
        "answer_hashes": {k: formfiles.sha256_hex(formfiles.canonical_json(v)) for k, v in answers.items()},
        "answers_sha256": formfiles.sha256_hex(formfiles.canonical_json(answers)), "attachments": [],
    }
    header = {"format": formfiles.RESPONSE_FORMAT_UNSIGNED, "recipient": formkeys.fingerprint(recipient),
              "package_id": package_id, "form_id": form_id, "form_version": form_version, "created_at": created}
    payload = nacl.public.SealedBox(recipient).encrypt(_zip([("response.json", json.dumps(inner).encode())]))
    path.write_bytes(_zip([("header.json", json.dumps(header).encode()), ("payload.bin", bytes(payload)),
                           *outer_extra]))
    return path


@pytest.fixture
def setup(db: Database, folders: Paths, project: int) -> tuple[Sent, Path]:
    sent = send(db, folders, project)
    return sent, fill(folders, sent, {"legal_name": "Changed Name Inc."})


def our_key(folders: Paths) -> nacl.public.PublicKey:
    public = formkeys.consultant_public_key(forms.key_file(folders))
    assert public is not None
    return public


def refused(db: Database, folders: Paths, source: Path, error: type[UserError], match: str) -> UserError:
    before = table_counts(db)
    with pytest.raises(error, match=match) as caught:
        review = forms.review_response(db, folders, source)
        forms.apply_response(db, folders, "lucia", review, [r.key for r in review.rows])
    assert table_counts(db) == before
    assert caught.value.es and caught.value.es != caught.value.en
    return caught.value


def test_another_consultants_response(db: Database, folders: Paths, setup: tuple[Sent, Path]) -> None:
    sent, _ = setup
    package = formfiles.read_package(sent.package)
    other = nacl.public.PrivateKey.generate().public_key
    content = formfiles.ResponseContent(package_id=package.package_id, form_id="sample", form_version="1.1",
                                        language="en", answers={"legal_name": "X"})
    target = folders.data.parent / "other.sdresponse"
    formfiles.write_response(target, content, {}, other)
    refused(db, folders, target, forms.ResponseForAnotherConsultant, "another consultant")


def test_unknown_package_id(db: Database, folders: Paths, setup: tuple[Sent, Path]) -> None:
    content = formfiles.ResponseContent(package_id=str(uuid.uuid4()), form_id="sample", form_version="1.1",
                                        language="en", answers={"legal_name": "X"})
    target = folders.data.parent / "stranger.sdresponse"
    formfiles.write_response(target, content, {}, our_key(folders))
    refused(db, folders, target, forms.ResponseFromElsewhere, "another consultant or project")


def _rewrite(source: Path, target: Path, change: Callable[[str, bytes], bytes]) -> Path:
    with zipfile.ZipFile(source) as archive:
        entries = [(name, change(name, archive.read(name))) for name in archive.namelist()]
    target.write_bytes(_zip(entries))
    return target


def test_tampered_payload(db: Database, folders: Paths, setup: tuple[Sent, Path]) -> None:
    _, response = setup

    def flip(name: str, data: bytes) -> bytes:
        return data[:100] + bytes([data[100] ^ 1]) + data[101:] if name == "payload.bin" else data

    refused(db, folders, _rewrite(response, folders.data.parent / "t.sdresponse", flip), formfiles.TamperedFile,
            "tampered")


def test_truncated(db: Database, folders: Paths, setup: tuple[Sent, Path]) -> None:
    _, response = setup
    data = response.read_bytes()
    cut = folders.data.parent / "cut.sdresponse"
    cut.write_bytes(data[: len(data) // 2])
    refused(db, folders, cut, formfiles.NotAFormFile, "damaged or incomplete")


def test_over_100_mb_refused_before_reading(db: Database, folders: Paths, setup: tuple[Sent, Path]) -> None:
    huge = folders.data.parent / "huge.sdresponse"
    with huge.open("wb") as handle:
        handle.truncate(101 * 1024 * 1024)  # sparse: no disk used
    refused(db, folders, huge, formfiles.FileTooLarge, "larger than 100 MB")


def test_more_than_10000_rows(db: Database, folders: Paths, setup: tuple[Sent, Path]) -> None:
    sent, _ = setup
    package_id = formfiles.read_package(sent.package).package_id
    rows = [{"role": f"R{n}", "headcount": 1} for n in range(10_001)]
    target = craft(folders.data.parent / "rows.sdresponse", our_key(folders), package_id,
                   {"legal_name": "X", "roles": rows})
    refused(db, folders, target, formfiles.TooManyRows, "10,000")


def test_zip_with_parent_path(db: Database, folders: Paths, setup: tuple[Sent, Path]) -> None:
    sent, _ = setup
    package_id = formfiles.read_package(sent.package).package_id
    target = craft(folders.data.parent / "slip.sdresponse", our_key(folders), package_id, {"legal_name": "X"},
                   outer_extra=(("../../evil.txt", b"boo"),))
    refused(db, folders, target, formfiles.UnsafePath, "unsafe path")
    assert not (folders.data.parent.parent / "evil.txt").exists()


def test_unknown_form_version(db: Database, folders: Paths, setup: tuple[Sent, Path]) -> None:
    sent, _ = setup
    content = formfiles.ResponseContent(package_id=formfiles.read_package(sent.package).package_id,
                                        form_id="sample", form_version="9.9", language="en",
                                        answers={"legal_name": "X"})
    target = folders.data.parent / "future.sdresponse"
    formfiles.write_response(target, content, {}, our_key(folders))
    refused(db, folders, target, UnknownForm, r"sample 9\.9")


def test_invalid_answers_listed(db: Database, folders: Paths, setup: tuple[Sent, Path],
                                sample_forms: FormSet) -> None:
    sent, _ = setup
    content = formfiles.ResponseContent(package_id=formfiles.read_package(sent.package).package_id,
                                        form_id="sample", form_version="1.1", language="en",
                                        answers={"employees": 500, "kickoff": "not a date"})
    target = folders.data.parent / "invalid.sdresponse"
    formfiles.write_response(target, content, {}, our_key(folders))
    error = refused(db, folders, target, forms.InvalidResponse, "do not pass")
    assert {i.path for i in error.issues} >= {"employees", "kickoff", "legal_name"}  # type: ignore[attr-defined]


def test_without_keychain_the_passphrase_is_asked(db: Database, folders: Paths, project: int) -> None:
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    try:
        with pytest.raises(formkeys.PassphraseNeeded):
            send(db, folders, project)
        sent = send_with(db, folders, project, "correct horse battery")
        assert forms.key_status(folders).storage == "file" and forms.key_file(folders).exists()
        response = fill(folders, sent, {"legal_name": "Keyfile Harness Inc."})
        with pytest.raises(formkeys.PassphraseNeeded):
            forms.review_response(db, folders, response)
        with pytest.raises(formkeys.WrongPassphrase):
            forms.review_response(db, folders, response, passphrase="wrong passphrase")
        review = forms.review_response(db, folders, response, passphrase="correct horse battery")
        assert any(r.key == "client.legal_name" and r.status == "changed" for r in review.rows)
    finally:
        keyring.set_keyring(previous)


def send_with(db: Database, folders: Paths, project: int, passphrase: str) -> Sent:
    target = folders.data.parent / "keyfile.sdform"
    summary = forms.export_package(db, folders, "lucia", project, "sample", target, consultant_name="L",
                                   passphrase=passphrase)
    return Sent(project, target, summary, formfiles.read_package(target).prefill)

"""Hostile form responses made with real keys, through the real writers, fed to the real import of a SQLite database.

A project exports a package (signed with the consultant's key); a genuine response from the client's installation is
imported first, which pins the package to that installation. Then every hostile response below is reviewed and
applied as the app does (`forms.review_response`, `forms.apply_response`): each must be refused with its own
UserError (English and Spanish), every table of the SQLite file and the attachments folder exactly as before.

Kinds: signed by another installation, unsigned forgeries, replays of older responses, packages this database never
sent, encrypted to another consultant, signatures moved onto other content, oversized ones (answers, repeat rows,
nesting, attachments, a zip bomb inside the sealed box, the file itself) and clear headers that disagree with the
sealed content. The figures (tried and refused, by kind) are printed at the end of the run."""

from __future__ import annotations

import io
import json
import re
import uuid
import zipfile
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import nacl.public
import nacl.signing
import pytest

from shelter_app import paths
from shelter_app.core.errors import UserError
from shelter_app.exchange import formfiles, formkeys
from shelter_app.paths import Paths
from shelter_app.services import form_drafts, forms
from shelter_app.storage.db import Database, open_database, sqlite_url
from tests.services import test_forms_export_import as shared
from tests.services.test_forms_export_import import Sent, demo_project, fill, send
from tests.services.test_forms_hostile import craft
from tests.support.faultfigures import record
from tests.support.survivors import every_row, surviving_rows

pytestmark = pytest.mark.faults
folders, project, sample_forms = shared.folders, shared.project, shared.sample_forms

TALLY: dict[str, list[int]] = {}
"""kind -> [tried, refused] over the whole run."""


@pytest.fixture
def db(isolated_folders: Path) -> Iterator[Database]:
    """A real SQLite file in the data folder (the checks read it back as a file)."""
    folders = paths.get_paths()
    database = open_database(sqlite_url(folders.database), backups_dir=folders.backups)
    yield database
    database.close()


@pytest.fixture
def answered(db: Database, folders: Paths, project: int) -> Sent:
    """A package exported and answered once by this installation: the package is pinned to it."""
    sent = send(db, folders, project)
    review = forms.review_response(db, folders, fill(folders, sent, {"legal_name": "Genuine Harness Inc."}, "first"))
    forms.apply_response(db, folders, "lucia", review, [r.key for r in review.rows])
    assert review.authenticated
    return sent


def _figures() -> None:
    tried = sum(t for t, _ in TALLY.values())
    refused = sum(r for _, r in TALLY.values())
    kinds = ", ".join(f"{kind} {r}/{t}" for kind, (t, r) in sorted(TALLY.items()))
    record("hostile responses", f"{tried} tried, {refused} refused ({kinds})")


def _stored_files(folders: Paths) -> list[str]:
    folder = forms.form_files_dir(folders)
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) if folder.exists() else []


def attempt(kind: str, db: Database, folders: Paths, source: Path, error: type[UserError], match: str) -> UserError:
    """Import `source` as the app does; it must be refused with `error` (its English matching `match`, its Spanish
    its own) and leave every row of the SQLite file and the attachments folder as they were."""
    counts = TALLY.setdefault(kind, [0, 0])
    counts[0] += 1
    _figures()
    before, files = every_row(folders.database), _stored_files(folders)
    caught: UserError | None = None
    try:
        review = forms.review_response(db, folders, source)
        forms.apply_response(db, folders, "lucia", review, [r.key for r in review.rows])
    except UserError as exc:
        caught = exc
    assert every_row(folders.database) == before, f"{kind}: {source.name} changed the database"
    assert _stored_files(folders) == files, f"{kind}: {source.name} left files behind"
    assert caught is not None, f"{kind}: {source.name} was imported"
    assert isinstance(caught, error), f"{kind}: {source.name} refused with {type(caught).__name__}: {caught.en}"
    assert re.search(match, caught.en), caught.en
    assert caught.es and caught.es != caught.en
    counts[1] += 1
    _figures()
    return caught


# ---- making responses with real keys -------------------------------------------------------------------------------


def this_installation(folders: Paths) -> nacl.signing.SigningKey:
    return formkeys.installation_key(form_drafts.installation_key_file(folders))


def our_key(folders: Paths) -> nacl.public.PublicKey:
    public = formkeys.consultant_public_key(forms.key_file(folders))
    assert public is not None
    return public


def respond(folders: Paths, sent: Sent, name: str, signer: nacl.signing.SigningKey | None,
            changes: dict[str, Any] | None = None, *, recipient: nacl.public.PublicKey | None = None,
            files: dict[str, bytes] | None = None, **content: Any) -> Path:
    """A response written by the real writer for `sent`'s package, signed by `signer` (None: the unsigned @1
    format), sealed to `recipient` (ours unless given); `content` overrides ResponseContent's fields."""
    package = formfiles.read_package(sent.package)
    fields: dict[str, Any] = {"package_id": package.package_id, "form_id": package.form_id,
                              "form_version": package.form_version, "language": "en",
                              "answers": {**sent.prefill, **(changes or {})}}
    target = folders.data.parent / f"{name}.sdresponse"
    formfiles.write_response(target, formfiles.ResponseContent(**{**fields, **content}), files or {},
                             recipient or our_key(folders), signer)
    return target


def _zip(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def entries_of(source: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(source) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def inner_of(folders: Paths, source: Path) -> dict[str, bytes]:
    """The sealed inner zip's entries, opened with the consultant's private key."""
    private = formkeys.consultant_key(forms.key_file(folders), None, create=False)
    inner = nacl.public.SealedBox(private).decrypt(entries_of(source)["payload.bin"])
    with zipfile.ZipFile(io.BytesIO(inner)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def reseal(folders: Paths, target: Path, header: bytes, inner: dict[str, bytes]) -> Path:
    """A response file of `header` and `inner` sealed to our key (what a forger holding the package can make)."""
    payload = nacl.public.SealedBox(our_key(folders)).encrypt(_zip(list(inner.items())))
    target.write_bytes(_zip([("header.json", header), ("payload.bin", bytes(payload))]))
    return target


def with_document(folders: Paths, source: Path, target: str, change: Callable[[dict[str, Any]], None]) -> Path:
    """`source` with its sealed response.json changed by `change` (its header and attachments kept)."""
    inner = inner_of(folders, source)
    document = json.loads(inner["response.json"])
    change(document)
    inner["response.json"] = json.dumps(document).encode()
    return reseal(folders, folders.data.parent / f"{target}.sdresponse", entries_of(source)["header.json"], inner)


def with_header(folders: Paths, source: Path, target: str, change: Callable[[dict[str, Any]], None]) -> Path:
    """`source` with its clear header.json changed by `change` (the sealed payload untouched)."""
    entries = entries_of(source)
    header = json.loads(entries["header.json"])
    change(header)
    path = folders.data.parent / f"{target}.sdresponse"
    path.write_bytes(_zip([("header.json", json.dumps(header).encode()), ("payload.bin", entries["payload.bin"])]))
    return path


# ---- the legitimate control ---------------------------------------------------------------------------------------


def test_a_genuine_response_from_the_pinned_installation_is_accepted(db: Database, folders: Paths,
                                                                     answered: Sent) -> None:
    before = surviving_rows(folders.database, "SELECT count(*) FROM form_response")[0][0]
    source = respond(folders, answered, "second", this_installation(folders), {"legal_name": "Second Name Inc."})
    review = forms.review_response(db, folders, source)
    outcome = forms.apply_response(db, folders, "lucia", review, [r.key for r in review.rows])
    assert review.authenticated and not outcome.already_imported and "client.legal_name" in outcome.applied
    assert surviving_rows(folders.database, "SELECT count(*) FROM form_response")[0][0] == before + 1
    assert surviving_rows(folders.database, "SELECT legal_name FROM client") == [("Second Name Inc.",)]


# ---- the hostile ones ---------------------------------------------------------------------------------------------


def test_responses_signed_by_other_installations_are_refused(db: Database, folders: Paths, answered: Sent) -> None:
    ours = formkeys.fingerprint(this_installation(folders).verify_key)
    for n in range(5):
        intruder = nacl.signing.SigningKey.generate()
        forged = respond(folders, answered, f"intruder-{n}", intruder, {"legal_name": f"Forged {n} Inc."})
        error = attempt("another installation", db, folders, forged, forms.ResponseFromAnotherInstallation,
                        "another computer")
        assert ours in error.en and formkeys.fingerprint(intruder.verify_key) in error.en


def test_unsigned_forgeries_of_an_answered_package_are_refused(db: Database, folders: Paths, answered: Sent) -> None:
    package_id = formfiles.read_package(answered.package).package_id
    written = respond(folders, answered, "unsigned", None, {"legal_name": "Unsigned Inc."})
    attempt("unsigned forgery", db, folders, written, forms.ResponseFromAnotherInstallation, "not signed")
    by_hand = craft(folders.data.parent / "by-hand.sdresponse", our_key(folders), package_id,
                    {**answered.prefill, "legal_name": "By Hand Inc."})
    attempt("unsigned forgery", db, folders, by_hand, forms.ResponseFromAnotherInstallation, "not signed")
    # a signed response stripped down to the old format: the header and the content both say @1
    def downgrade(document: dict[str, Any]) -> None:
        document["format"] = formfiles.RESPONSE_FORMAT_UNSIGNED
        del document["installation"], document["signature"]
    signed = respond(folders, answered, "to-strip", this_installation(folders), {"legal_name": "Stripped Inc."})
    stripped = with_header(folders, with_document(folders, signed, "stripped-1", downgrade), "stripped",
                           lambda header: header.update(format=formfiles.RESPONSE_FORMAT_UNSIGNED))
    attempt("unsigned forgery", db, folders, stripped, forms.ResponseFromAnotherInstallation, "not signed")


def test_replays_of_older_responses_are_refused(db: Database, folders: Paths, answered: Sent) -> None:
    key = this_installation(folders)
    now = formfiles.utc_now()
    older = [respond(folders, answered, f"older-{n}", key, {"legal_name": f"Old {n} Inc."},
                     created_at=now - timedelta(minutes=n + 1)) for n in range(3)]
    newest = respond(folders, answered, "newest", key, {"legal_name": "Newest Inc."}, created_at=now)
    review = forms.review_response(db, folders, newest)
    forms.apply_response(db, folders, "lucia", review, [r.key for r in review.rows])
    for source in older:
        attempt("replay", db, folders, source, forms.ResponseReplayed, "older copy")
    just_before = respond(folders, answered, "a-second-older", key, created_at=now - timedelta(seconds=1))
    attempt("replay", db, folders, just_before, forms.ResponseReplayed, "older copy")


def test_responses_for_packages_this_database_never_sent_are_refused(db: Database, folders: Paths,
                                                                     answered: Sent) -> None:
    key = this_installation(folders)
    stranger = respond(folders, answered, "stranger", key, package_id=str(uuid.uuid4()))
    attempt("package never sent", db, folders, stranger, forms.ResponseFromElsewhere, "not sent from this database")
    # the same consultant's other database: a real package of another project, answered by this installation
    other = open_database(sqlite_url(folders.data / "other.sqlite3"), backups_dir=folders.backups)
    try:
        other_project = demo_project(other)
        target = folders.data.parent / "other-project.sdform"
        summary = forms.export_package(other, folders, "lucia", other_project, "sample", target, consultant_name="L")
    finally:
        other.close()
    elsewhere = Sent(other_project, target, summary, formfiles.read_package(target).prefill)
    source = respond(folders, elsewhere, "other-project", key, {"legal_name": "Other Project Inc."})
    attempt("package never sent", db, folders, source, forms.ResponseFromElsewhere, "another consultant or project")
    wrong_form = respond(folders, answered, "wrong-form", key, form_id="other")
    attempt("package never sent", db, folders, wrong_form, forms.ResponseFromElsewhere, "not sent from this database")


def test_responses_encrypted_to_another_consultant_are_refused(db: Database, folders: Paths, answered: Sent) -> None:
    key = this_installation(folders)
    for n in range(3):
        other = nacl.public.PrivateKey.generate().public_key
        source = respond(folders, answered, f"other-consultant-{n}", key, recipient=other)
        attempt("another consultant", db, folders, source, forms.ResponseForAnotherConsultant, "another consultant")
    # sealed to another consultant, its clear header claiming us: it cannot be opened
    sealed = respond(folders, answered, "claims-us-0", key, recipient=nacl.public.PrivateKey.generate().public_key)
    claims = with_header(folders, sealed, "claims-us", lambda h: h.update(recipient=formkeys.fingerprint(
        our_key(folders))))
    attempt("another consultant", db, folders, claims, formfiles.TamperedFile, "cannot be decrypted")


def test_signatures_moved_onto_other_content_are_refused(db: Database, folders: Paths, answered: Sent) -> None:
    key = this_installation(folders)
    genuine = json.loads(inner_of(folders, respond(folders, answered, "genuine", key))["response.json"])
    other = respond(folders, answered, "other", key, {"legal_name": "Other Inc."})

    def their_signature(document: dict[str, Any]) -> None:
        document["signature"] = genuine["signature"]

    moved = with_document(folders, other, "moved", their_signature)
    attempt("signature moved", db, folders, moved, formfiles.ResponseSignatureInvalid, "tampered")

    intruder = nacl.signing.SigningKey.generate()
    forged = respond(folders, answered, "forged", intruder, {"legal_name": "Forged Inc."})

    def our_installation(document: dict[str, Any]) -> None:  # an intruder's signature under our installation's key
        document["installation"] = genuine["installation"]

    attempt("signature moved", db, folders, with_document(folders, forged, "claims-ours", our_installation),
            formfiles.ResponseSignatureInvalid, "tampered")

    def new_answers(document: dict[str, Any]) -> None:  # answers changed, every checksum made again: not the signature
        document["answers"]["legal_name"] = "Changed After Signing Inc."
        document["answer_hashes"] = {k: formfiles.sha256_hex(formfiles.canonical_json(v))
                                     for k, v in document["answers"].items()}
        document["answers_sha256"] = formfiles.sha256_hex(formfiles.canonical_json(document["answers"]))

    changed = with_document(folders, respond(folders, answered, "to-change", key), "changed", new_answers)
    attempt("signature moved", db, folders, changed, formfiles.ResponseSignatureInvalid, "tampered")

    def later(document: dict[str, Any]) -> None:  # a newer date to pass for the latest: the signature covers it
        document["created_at"] = "2099-01-01T00:00:00Z"

    dated = with_header(folders, with_document(folders, other, "redated-0", later), "redated",
                        lambda header: header.update(created_at="2099-01-01T00:00:00Z"))
    attempt("signature moved", db, folders, dated, formfiles.ResponseSignatureInvalid, "tampered")


def test_oversized_answers_are_refused(db: Database, folders: Paths, answered: Sent,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    key = this_installation(folders)
    long_name = respond(folders, answered, "long-name", key, {"legal_name": "N" * 5000})
    attempt("oversized", db, folders, long_name, forms.InvalidResponse, "do not pass")
    roles = [{"role": f"Role {n}", "headcount": 1, "shifts": 1} for n in range(51)]
    over_form = respond(folders, answered, "51-roles", key, {"roles": roles})
    attempt("oversized", db, folders, over_form, forms.InvalidResponse, "do not pass")
    # what the writer itself refuses, written with its limits lifted (a forger's own writer), read with them back
    rows = [{"role": "R", "headcount": 1}] * (formfiles.MAX_REPEAT_ROWS + 1)
    with monkeypatch.context() as lifted:
        lifted.setattr(formfiles, "MAX_REPEAT_ROWS", 10**9)
        many_rows = respond(folders, answered, "rows", key, {"roles": rows})
    attempt("oversized", db, folders, many_rows, formfiles.TooManyRows, "10,000")
    deep: Any = "bottom"
    for _ in range(formfiles.MAX_JSON_DEPTH + 1):
        deep = [deep]
    with monkeypatch.context() as lifted:
        lifted.setattr(formfiles, "MAX_JSON_DEPTH", 10**6)
        nested = respond(folders, answered, "nested", key, {"about": deep})
    attempt("oversized", db, folders, nested, formfiles.NestedTooDeep, "nested")
    about = "x" * (formfiles.MAX_JSON_BYTES + 1)
    with monkeypatch.context() as lifted:
        lifted.setattr(formfiles, "MAX_JSON_BYTES", 10**9)
        huge_json = respond(folders, answered, "huge-json", key, {"about": about})
    attempt("oversized", db, folders, huge_json, formfiles.FileTooLarge, "MB")
    huge_file = folders.data.parent / "huge.sdresponse"
    with huge_file.open("wb") as handle:
        handle.truncate(formfiles.MAX_RESPONSE_BYTES + 1)  # sparse: no disk used
    attempt("oversized", db, folders, huge_file, formfiles.FileTooLarge, "larger than 100 MB")


def _attachment(data: bytes, name: str) -> tuple[formfiles.AttachmentRef, dict[str, Any]]:
    digest = formfiles.sha256_hex(data)
    return formfiles.AttachmentRef(digest, name, len(data)), {"name": name, "sha256": digest, "size": len(data)}


def test_an_attachment_over_the_size_limit_is_refused(db: Database, folders: Paths, answered: Sent) -> None:
    data = b"%PDF-1.4\n" + bytes(21 * 1024 * 1024)  # the form allows 20 MB
    ref, answer = _attachment(data, "spec.pdf")
    source = respond(folders, answered, "big-attachment", this_installation(folders), {"spec": answer},
                     attachments=(ref,), files={ref.sha256: data})
    error = attempt("oversized", db, folders, source, forms.InvalidResponse, "do not pass")
    assert any("20 MB" in issue.en for issue in error.issues)  # type: ignore[attr-defined]


def test_a_zip_bomb_inside_the_sealed_box_is_refused(db: Database, folders: Paths, answered: Sent,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    data = bytes(formfiles.MAX_UNPACKED_BYTES + 1)  # deflates to about 100 KB
    ref, answer = _attachment(data, "spec.pdf")
    with monkeypatch.context() as lifted:
        lifted.setattr(formfiles, "MAX_UNPACKED_BYTES", 10**10)
        bomb = respond(folders, answered, "bomb", this_installation(folders), {"spec": answer},
                       attachments=(ref,), files={ref.sha256: data})
    del data
    assert bomb.stat().st_size < 2 * 1024 * 1024
    attempt("oversized", db, folders, bomb, formfiles.FileTooLarge, "MB")
    # a bomb that lies: its attachment declares 1 KB and holds 50 MB of zeros
    zeros = bytes(50 * formfiles.MB)
    ref = formfiles.AttachmentRef(formfiles.sha256_hex(zeros), "zeros.pdf", len(zeros))
    honest = respond(folders, answered, "liar-0", this_installation(folders), attachments=(ref,),
                     files={ref.sha256: zeros})
    inner = _lying_zip(inner_of(folders, honest), f"attachments/{ref.sha256}", 1024)
    liar = folders.data.parent / "liar.sdresponse"
    liar.write_bytes(_zip([("header.json", entries_of(honest)["header.json"]),
                           ("payload.bin", bytes(nacl.public.SealedBox(our_key(folders)).encrypt(inner)))]))
    attempt("oversized", db, folders, liar, formfiles.FormFileError, "damaged|incomplete|tampered")


def _lying_zip(entries: dict[str, bytes], liar: str, declared: int) -> bytes:
    """A deflated zip whose entry `liar` declares `declared` bytes uncompressed (local and central headers)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    raw = bytearray(buffer.getvalue())
    name = liar.encode()
    at = 0
    while True:
        local = raw.find(b"PK\x03\x04", at)
        size = int.from_bytes(raw[local + 26:local + 28], "little")
        if raw[local + 30:local + 30 + size] == name:
            raw[local + 22:local + 26] = declared.to_bytes(4, "little")
            break
        at = local + 4
    central = raw.find(b"PK\x01\x02")
    while central >= 0:
        size = int.from_bytes(raw[central + 28:central + 30], "little")
        if raw[central + 46:central + 46 + size] == name:
            raw[central + 24:central + 28] = declared.to_bytes(4, "little")
            break
        central = raw.find(b"PK\x01\x02", central + 4)
    return bytes(raw)


def test_too_many_attachments_are_refused(db: Database, folders: Paths, answered: Sent) -> None:
    files = {formfiles.sha256_hex(data): data for data in (n.to_bytes(4, "little") for n in range(2000))}
    refs = tuple(formfiles.AttachmentRef(digest, f"f{n}.pdf", 4) for n, digest in enumerate(sorted(files)))
    source = respond(folders, answered, "many-attachments", this_installation(folders), attachments=refs,
                     files=files)
    attempt("oversized", db, folders, source, formfiles.InvalidField, "at most 1,000 files")


def test_attachments_no_answer_refers_to_are_refused(db: Database, folders: Paths, answered: Sent) -> None:
    files = {formfiles.sha256_hex(data): data for data in (b"stray one", b"stray two")}
    refs = tuple(formfiles.AttachmentRef(digest, f"stray{n}.exe", 9) for n, digest in enumerate(sorted(files)))
    source = respond(folders, answered, "stray-attachments", this_installation(folders), attachments=refs,
                     files=files)
    attempt("oversized", db, folders, source, UserError, "2 files no answer refers to")


def test_clear_headers_that_disagree_with_the_sealed_content_are_refused(db: Database, folders: Paths,
                                                                         answered: Sent) -> None:
    key = this_installation(folders)
    source = respond(folders, answered, "honest", key, {"legal_name": "Honest Inc."})
    other = send(db, folders, answered.project_id)
    other_id = formfiles.read_package(other.package).package_id
    changes: dict[str, Callable[[dict[str, Any]], None]] = {
        "package_id": lambda h: h.update(package_id=other_id),
        "form_id": lambda h: h.update(form_id="other"),
        "form_version": lambda h: h.update(form_version="1.0"),
        "created_at": lambda h: h.update(created_at="2099-01-01T00:00:00Z"),
        "format": lambda h: h.update(format=formfiles.RESPONSE_FORMAT_UNSIGNED),
    }
    for what, change in changes.items():
        disagreeing = with_header(folders, source, f"header-{what}", change)
        attempt("header disagrees", db, folders, disagreeing, formfiles.TamperedFile, f"disagree on {what}")
    # and the other way round: an @1 content under an @2 header
    unsigned = respond(folders, answered, "unsigned-content", None)
    upgraded = with_header(folders, unsigned, "header-upgraded", lambda h: h.update(format=formfiles.RESPONSE_FORMAT))
    attempt("header disagrees", db, folders, upgraded, formfiles.TamperedFile, "disagree on format")
    # the installation's fingerprint that does not belong to its key
    def wrong_print(document: dict[str, Any]) -> None:
        document["installation"]["fingerprint"] = formkeys.fingerprint(nacl.signing.SigningKey.generate().verify_key)
    attempt("header disagrees", db, folders, with_document(folders, source, "wrong-print", wrong_print),
            formfiles.TamperedFile, "fingerprint does not belong")

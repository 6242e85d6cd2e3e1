"""A package protected by a one-time code told by phone: only a response made with the code is accepted."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from shelter_app.core.onetimecode import normalized
from shelter_app.exchange import formfiles, packagecode
from shelter_app.paths import Paths
from shelter_app.services import form_drafts, forms
from shelter_app.storage.db import Database
from shelter_app.storage.models import FormPackage as PackageRow
from shelter_app.storage.models import FormResponse
from tests.services import test_forms_export_import as shared
from tests.services.test_forms_export_import import Sent
from tests.services.test_forms_signed_responses import this_installation, write_signed

folders, project, sample_forms = shared.folders, shared.project, shared.sample_forms


def send_protected(db: Database, folders: Paths, project_id: int) -> Sent:
    target = folders.data.parent / "protected.sdform"
    summary = forms.export_package(db, folders, "lucia", project_id, "sample", target,
                                   consultant_name="Lucía Treviño", protect=True)
    return Sent(project_id, target, summary, formfiles.read_package(target).prefill)


def fill_with(folders: Paths, sent: Sent, code: str | None, name: str = "response") -> Path:
    target = folders.data.parent / f"{name}.sdresponse"
    issues = form_drafts.fill_package(folders, sent.package, {**sent.prefill, "legal_name": "Coded Inc."}, target,
                                      code=code)
    assert issues == []
    return target


def responses(db: Database) -> int:
    with db.transaction() as session:
        return len(session.exec(select(FormResponse)).all())


def test_the_code_is_shown_once_kept_sealed_and_never_written_into_the_package(
        db: Database, folders: Paths, project: int) -> None:
    sent = send_protected(db, folders, project)
    code = sent.summary.code
    assert code is not None and normalized(code) is not None and code.count("-") == 2
    plain = normalized(code)
    assert plain is not None
    raw = sent.package.read_bytes()
    assert plain.encode() not in raw and code.encode() not in raw
    package = formfiles.read_package(sent.package)
    assert package.protection is not None and package.signed_by is not None
    assert package.protection.key(code) is not None and package.protection.key(code.lower()) is not None
    with db.transaction() as session:
        row = session.get(PackageRow, sent.summary.package_row_id)
        assert row is not None and row.code_sealed is not None
        assert plain not in row.code_sealed
    assert forms.package_code(db, folders, sent.summary.package_row_id) == code
    assert forms.package_row_id(db, sent.summary.package_id) == sent.summary.package_row_id
    listed = forms.list_packages(db, project)
    assert [p.protected for p in listed] == [True] and listed[0].code is None


def test_a_response_made_with_the_code_is_accepted_and_says_so(db: Database, folders: Paths, project: int) -> None:
    sent = send_protected(db, folders, project)
    assert sent.summary.code is not None
    source = fill_with(folders, sent, sent.summary.code.replace("-", " ").lower())
    review = forms.review_response(db, folders, source)
    assert review.code_proven is True and review.authenticated
    forms.apply_response(db, folders, "lucia", review, [r.key for r in review.rows])
    assert responses(db) == 1


def test_without_the_code_or_with_a_wrong_one_the_client_writes_nothing(
        db: Database, folders: Paths, project: int) -> None:
    sent = send_protected(db, folders, project)
    target = folders.data.parent / "none.sdresponse"
    with pytest.raises(form_drafts.CodeNeeded) as needed:
        form_drafts.fill_package(folders, sent.package, sent.prefill, target)
    assert "Lucía Treviño" in needed.value.en and "12" in needed.value.es
    with pytest.raises(form_drafts.WrongCode):
        form_drafts.fill_package(folders, sent.package, sent.prefill, target, code="K7QM-3XTR-9HDF")
    with pytest.raises(form_drafts.WrongCode):
        form_drafts.fill_package(folders, sent.package, sent.prefill, target, code="not a code")
    assert not target.exists()


def test_someone_holding_the_package_but_not_the_code_cannot_answer_it(
        db: Database, folders: Paths, project: int) -> None:
    """The forger has the package (it travels by e-mail) and real keys, and is first to answer: refused."""
    sent = send_protected(db, folders, project)
    forged = write_signed(folders, sent, this_installation(folders), "forged", {"legal_name": "Forged Inc."})
    with pytest.raises(forms.CodeNotProven) as missing:
        forms.review_response(db, folders, forged)
    assert missing.value.given is False and "Nothing was imported" in missing.value.en
    # a proof made with a guessed code is refused too
    package = formfiles.read_package(sent.package)
    target = folders.data.parent / "guessed.sdresponse"
    content = formfiles.ResponseContent(package_id=package.package_id, form_id=package.form_id,
                                        form_version=package.form_version, language="en",
                                        answers={**sent.prefill, "legal_name": "Guessed Inc."})
    guessed = packagecode.protect("K7QM3XTR9HDF").key("K7QM3XTR9HDF")
    formfiles.write_response(target, content, {}, package.consultant.public_key, this_installation(folders), guessed)
    with pytest.raises(forms.CodeNotProven) as wrong:
        forms.review_response(db, folders, target)
    assert wrong.value.given is True
    assert responses(db) == 0


def test_a_package_without_a_code_ignores_proofs_and_cannot_tell_a_code(
        db: Database, folders: Paths, project: int) -> None:
    sent = shared.send(db, folders, project)
    assert sent.summary.code is None and not sent.summary.protected
    review = forms.review_response(db, folders, shared.fill(folders, sent, {"legal_name": "Plain Inc."}))
    assert review.code_proven is None
    with pytest.raises(forms.PackageNotProtected):
        forms.package_code(db, folders, sent.summary.package_row_id)
    with pytest.raises(forms.UserError):
        forms.package_row_id(db, "00000000-0000-4000-8000-000000000000")


def test_a_hostile_protection_is_refused_before_any_derivation(tmp_path: Path) -> None:
    good = packagecode.protect("K7QM3XTR9HDF").data()
    for change, expected in (({"memlimit": 2**40}, "memlimit"), ({"opslimit": 10**6}, "opslimit"),
                             ({"kdf": "scrypt"}, "kdf"), ({"salt": "AAAA"}, "salt"), ({"extra": 1}, "exactly")):
        problem = packagecode.read_protection({**good, **change})
        assert isinstance(problem, str) and expected in problem
    assert isinstance(packagecode.read_protection(good), packagecode.Protection)


def test_a_signed_package_asking_for_a_ruinous_derivation_is_refused_on_reading(tmp_path: Path) -> None:
    """Signed with a real key, so only the bounds stand between the client and a 1 TiB Argon2id."""
    import nacl.public

    key = nacl.public.PrivateKey.generate()
    good = packagecode.protect("K7QM3XTR9HDF")
    for hostile in (packagecode.Protection(good.salt, good.opslimit, 2**40, good.check),
                    packagecode.Protection(good.salt, 10**9, good.memlimit, good.check)):
        target = tmp_path / "hostile.sdform"
        formfiles.write_package(target, formfiles.FormPackage(
            form_id="sample", form_version="1.0", definition={}, language="en", prefill={},
            consultant=formfiles.ConsultantInfo("Mallory", key.public_key),
            project=formfiles.ProjectInfo("", "", ""), protection=hostile), signer=key)
        with pytest.raises(formfiles.InvalidField) as refused:
            formfiles.read_package(target)
        assert "protection" in refused.value.en and "limit" in refused.value.en

"""Signed form packages: a package is signed by the consultant's key; any change to it, or a swapped key, is refused."""

from __future__ import annotations

import base64
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import nacl.public
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shelter_app.exchange import formfiles
from shelter_app.exchange.formfiles import (
    PACKAGE_FORMAT,
    PACKAGE_FORMAT_UNSIGNED,
    FormFileError,
    NewerFormat,
    PackageSignatureInvalid,
    TamperedFile,
    read_package,
    write_package,
)
from shelter_app.exchange.formkeys import fingerprint, signing_key
from tests.exchange.test_formfiles import sample_package

KEY = nacl.public.PrivateKey.generate()
OTHER = nacl.public.PrivateKey.generate()


def package_json(path: Path) -> dict[str, Any]:
    with zipfile.ZipFile(path) as archive:
        result: dict[str, Any] = json.loads(archive.read("package.json"))
        return result


def rewrite(path: Path, document: dict[str, Any] | bytes) -> Path:
    raw = document if isinstance(document, bytes) else json.dumps(document, ensure_ascii=False).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("package.json", raw)
    path.write_bytes(buffer.getvalue())
    return path


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


@pytest.fixture
def signed(tmp_path: Path) -> Path:
    path = tmp_path / "signed.sdform"
    write_package(path, sample_package(KEY.public_key), signer=KEY)
    return path


def test_a_signed_package_opens_with_its_signer(signed: Path) -> None:
    package = read_package(signed)
    assert package.signed_by == fingerprint(signing_key(KEY).verify_key)
    document = package_json(signed)
    assert document["format"] == PACKAGE_FORMAT
    assert document["consultant"]["signing_fingerprint"] == package.signed_by
    assert package.definition["sections"][1]["fields"][0]["min"] == 0.5  # floats in the definition stay signable


def test_the_signing_key_is_derived_from_the_form_key() -> None:
    assert bytes(signing_key(KEY)) == bytes(signing_key(nacl.public.PrivateKey(bytes(KEY))))
    assert bytes(signing_key(KEY).verify_key) != bytes(signing_key(OTHER).verify_key)
    assert bytes(signing_key(KEY).verify_key) != bytes(KEY.public_key)


def test_one_changed_character_is_refused(signed: Path) -> None:
    document = package_json(signed)
    document["project"]["title"] = document["project"]["title"].replace("J", "K", 1)
    with pytest.raises(PackageSignatureInvalid) as caught:
        read_package(rewrite(signed, document))
    assert "signature does not match" in caught.value.en and "su firma no corresponde" in caught.value.es
    assert "signed.sdform" in caught.value.en and "signed.sdform" in caught.value.es


def test_a_swapped_verify_key_is_refused(signed: Path) -> None:
    document = package_json(signed)
    mallory = signing_key(OTHER).verify_key
    document["consultant"]["verify_key"] = b64(bytes(mallory))
    document["consultant"]["signing_fingerprint"] = fingerprint(mallory)
    with pytest.raises(PackageSignatureInvalid):
        read_package(rewrite(signed, document))


def test_a_verify_key_without_its_fingerprint_is_refused(signed: Path) -> None:
    document = package_json(signed)
    document["consultant"]["verify_key"] = b64(bytes(signing_key(OTHER).verify_key))
    with pytest.raises(TamperedFile, match="signing fingerprint"):
        read_package(rewrite(signed, document))


def test_a_swapped_box_key_is_refused(signed: Path) -> None:
    """Responses would go to Mallory's key: the box key is inside what is signed."""
    document = package_json(signed)
    document["consultant"]["public_key"] = b64(bytes(OTHER.public_key))
    document["consultant"]["fingerprint"] = fingerprint(OTHER.public_key)
    with pytest.raises(PackageSignatureInvalid):
        read_package(rewrite(signed, document))


def test_a_signature_by_another_key_is_refused(signed: Path) -> None:
    document = package_json(signed)
    message = formfiles._signed_message(document)
    document["signature"]["value"] = b64(signing_key(OTHER).sign(message).signature)
    with pytest.raises(PackageSignatureInvalid):
        read_package(rewrite(signed, document))


@pytest.mark.parametrize("signature", [None, {}, {"algorithm": "rsa", "value": "x"}, {"algorithm": "ed25519",
                                                                                       "value": "AAAA"}])
def test_a_missing_or_malformed_signature_is_refused(signed: Path, signature: Any) -> None:
    document = package_json(signed)
    if signature is None:
        del document["signature"]
    else:
        document["signature"] = signature
    with pytest.raises(FormFileError) as caught:
        read_package(rewrite(signed, document))
    assert caught.value.en and caught.value.es


def test_an_unsigned_package_of_the_older_format_opens_not_authenticated(tmp_path: Path) -> None:
    path = tmp_path / "old.sdform"
    write_package(path, sample_package(KEY.public_key))
    assert package_json(path)["format"] == PACKAGE_FORMAT_UNSIGNED
    assert "signature" not in package_json(path)
    package = read_package(path)
    assert package.signed_by is None and package.consultant.name == "María José Peña"


def test_stripping_the_signature_downgrades_to_not_authenticated(signed: Path) -> None:
    """Possible, and visible: the client sees "not authenticated" (and a remembered signer refuses it)."""
    document = package_json(signed)
    del document["signature"]
    document["format"] = PACKAGE_FORMAT_UNSIGNED
    assert read_package(rewrite(signed, document)).signed_by is None


def test_a_reader_of_the_unsigned_format_refuses_a_signed_package_as_newer(signed: Path) -> None:
    file = formfiles._File(signed.name, formfiles._PACKAGE)
    with pytest.raises(NewerFormat):
        formfiles._check_format(file, package_json(signed), PACKAGE_FORMAT_UNSIGNED)


def test_the_signer_must_be_the_consultant(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="signer"):
        write_package(tmp_path / "p.sdform", sample_package(KEY.public_key), signer=OTHER)


@pytest.fixture(scope="module")
def signed_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("signed") / "p.sdform"
    write_package(path, sample_package(KEY.public_key), signer=KEY)
    with zipfile.ZipFile(path) as archive:
        return archive.read("package.json")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_changed_byte_of_the_signed_content_is_refused(
    tmp_path: Path, signed_bytes: bytes, data: st.DataObject
) -> None:
    index = data.draw(st.integers(0, len(signed_bytes) - 1))
    value = data.draw(st.integers(0, 255).filter(lambda b: b != signed_bytes[index]))
    changed = signed_bytes[:index] + bytes([value]) + signed_bytes[index + 1 :]
    path = rewrite(tmp_path / "changed.sdform", changed)
    try:
        package = read_package(path)
    except FormFileError as refused:
        assert refused.en and refused.es
        return
    # JSON allows a few changes that keep the same document (whitespace...); the content must then be unchanged
    assert json.loads(changed) == json.loads(signed_bytes)
    assert package.signed_by == fingerprint(signing_key(KEY).verify_key)

"""The consultant's form key: keyring first, a passphrase-protected file where there is no keychain."""

from __future__ import annotations

import base64
import json
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import nacl.public
import pytest
from keyring.backends import fail
from keyring.errors import KeyringLocked

from shelter_app.core.errors import UserError
from shelter_app.exchange import formkeys
from shelter_app.exchange.formkeys import (
    ACCOUNT,
    SERVICE,
    DamagedKeyFile,
    DifferentKeyExists,
    KeyringFailed,
    NoConsultantKey,
    PassphraseNeeded,
    WeakPassphrase,
    WrongPassphrase,
    consultant_key,
    consultant_public_key,
    export_keypair,
    fingerprint,
    has_consultant_key,
    import_keypair,
    storage_kind,
)
from tests.conftest import MemoryKeyring

PASSPHRASE = "correct horse battery"


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    return tmp_path / "data" / "keys" / "consultant.key"


@pytest.fixture
def no_keychain() -> Iterator[None]:
    """Headless Linux: keyring's `fail` backend (the autouse in-memory one comes back after the test)."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def raw_key_strings(private_key: nacl.public.PrivateKey) -> list[bytes]:
    raw = bytes(private_key)
    return [raw, raw.hex().encode(), base64.b64encode(raw), base64.urlsafe_b64encode(raw), base64.b64encode(raw)[:40]]


# ---- with a keychain ----------------------------------------------------------------------------------------------


def test_created_on_first_use_in_the_keyring(memory_keyring: MemoryKeyring, key_file: Path) -> None:
    assert storage_kind() == "keyring"
    assert not has_consultant_key(key_file)
    with pytest.raises(NoConsultantKey):
        consultant_key(key_file, create=False)
    key = consultant_key(key_file)
    stored = memory_keyring.secrets[(SERVICE, ACCOUNT)]
    assert base64.b64decode(stored) == bytes(key)
    assert consultant_key(key_file) == key
    assert has_consultant_key(key_file)
    assert consultant_public_key(key_file) == key.public_key
    assert not key_file.exists()


def test_fingerprint_is_grouped_hex_of_sha256() -> None:
    key = nacl.public.PrivateKey(bytes(range(32))).public_key
    shown = fingerprint(key)
    groups = shown.split(" ")
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)
    import hashlib

    assert shown.replace(" ", "") == hashlib.sha256(bytes(key)).hexdigest()[:32]


def test_locked_keyring_is_a_user_error(memory_keyring: MemoryKeyring, key_file: Path) -> None:
    class Locked(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise KeyringLocked("locked")

        def set_password(self, service: str, username: str, password: str) -> None:
            raise KeyringLocked("locked")

    keyring.set_keyring(Locked())
    with pytest.raises(KeyringFailed) as caught:
        consultant_key(key_file)
    assert "keychain" in caught.value.en and "llavero" in caught.value.es


def test_refused_write_is_keyring_failed(memory_keyring: MemoryKeyring, key_file: Path) -> None:
    class ReadOnly(MemoryKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            raise KeyringLocked("denied")

    keyring.set_keyring(ReadOnly())
    with pytest.raises(KeyringFailed):
        consultant_key(key_file)


def test_damaged_keyring_entry(memory_keyring: MemoryKeyring, key_file: Path) -> None:
    memory_keyring.secrets[(SERVICE, ACCOUNT)] = "not base64 of 32 bytes"
    with pytest.raises(KeyringFailed, match="damaged"):
        consultant_key(key_file)


# ---- without a keychain ---------------------------------------------------------------------------------------


@pytest.mark.usefixtures("no_keychain")
def test_no_keychain_needs_a_passphrase(key_file: Path) -> None:
    assert storage_kind() == "file"
    with pytest.raises(PassphraseNeeded) as caught:
        consultant_key(key_file)
    assert isinstance(caught.value, UserError) and "keychain" in caught.value.en and "llavero" in caught.value.es
    assert not key_file.exists()
    with pytest.raises(WeakPassphrase):
        consultant_key(key_file, "short")
    assert not key_file.exists()


@pytest.mark.usefixtures("no_keychain")
def test_key_file_created_then_reopened(key_file: Path) -> None:
    key = consultant_key(key_file, PASSPHRASE)
    assert key_file.exists() and has_consultant_key(key_file)
    if sys.platform != "win32":
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert [p.name for p in key_file.parent.iterdir()] == ["consultant.key"]  # no temp file left
    assert consultant_key(key_file, PASSPHRASE) == key
    with pytest.raises(PassphraseNeeded):
        consultant_key(key_file)
    assert consultant_public_key(key_file) == key.public_key  # no passphrase needed for the fingerprint
    document = json.loads(key_file.read_text(encoding="utf-8"))
    assert document["format"] == "shelterdesk-key@1" and document["kdf"] == "argon2id"
    assert document["opslimit"] == formkeys.OPSLIMIT and document["memlimit"] == formkeys.MEMLIMIT
    content = key_file.read_bytes()
    for secret in raw_key_strings(key):
        assert secret not in content


@pytest.mark.usefixtures("no_keychain")
def test_wrong_passphrase(key_file: Path) -> None:
    consultant_key(key_file, PASSPHRASE)
    with pytest.raises(WrongPassphrase) as caught:
        consultant_key(key_file, "correct horse battery staple")
    assert caught.value.field == "passphrase" and caught.value.es


@pytest.mark.usefixtures("no_keychain")
def test_accented_passphrase_in_either_unicode_form(key_file: Path) -> None:
    composed = "contraseña del año"
    decomposed = "contrasen\u0303a del an\u0303o"
    key = consultant_key(key_file, composed)
    assert consultant_key(key_file, decomposed) == key


def _damage(document: dict[str, object], **changes: object) -> bytes:
    return json.dumps({**document, **changes}).encode()


@pytest.mark.usefixtures("no_keychain")
@pytest.mark.parametrize(
    "damage",
    [
        lambda doc: b"",
        lambda doc: b"\xff\xfe not json",
        lambda doc: b"[1, 2]",
        lambda doc: _damage(doc, format="shelterdesk-key@2"),
        lambda doc: _damage(doc, kdf="scrypt"),
        lambda doc: _damage(doc, opslimit="2"),
        lambda doc: _damage(doc, memlimit=2**50),  # a hostile file must not ask for a petabyte
        lambda doc: _damage(doc, opslimit=True),
        lambda doc: _damage(doc, salt="c2hvcnQ="),
        lambda doc: _damage(doc, box="!!!"),
        lambda doc: _damage(doc, box=None),
        lambda doc: _damage(doc, public_key=base64.b64encode(bytes(32)).decode()),
        lambda doc: b"{" * 100_000,
        lambda doc: b" " * (formkeys.MAX_KEY_FILE_BYTES + 1),
    ],
    ids=[
        "empty",
        "not-utf8",
        "array",
        "newer-format",
        "other-kdf",
        "opslimit-text",
        "memlimit-huge",
        "opslimit-bool",
        "short-salt",
        "bad-base64",
        "no-box",
        "other-public-key",
        "deep",
        "huge",
    ],
)
def test_damaged_key_file(key_file: Path, damage: object) -> None:
    consultant_key(key_file, PASSPHRASE)
    document = json.loads(key_file.read_text(encoding="utf-8"))
    assert callable(damage)
    key_file.write_bytes(damage(document))
    with pytest.raises(DamagedKeyFile) as caught:
        consultant_key(key_file, PASSPHRASE)
    assert caught.value.en and caught.value.es


@pytest.mark.usefixtures("no_keychain")
def test_altered_box_reads_as_wrong_passphrase(key_file: Path) -> None:
    consultant_key(key_file, PASSPHRASE)
    document = json.loads(key_file.read_text(encoding="utf-8"))
    box = bytearray(base64.b64decode(document["box"]))
    box[-1] ^= 1
    key_file.write_text(json.dumps({**document, "box": base64.b64encode(bytes(box)).decode()}), encoding="utf-8")
    with pytest.raises(WrongPassphrase):
        consultant_key(key_file, PASSPHRASE)


# ---- a second machine ---------------------------------------------------------------------------------------------


def test_export_needs_a_real_passphrase(key_file: Path) -> None:
    key = consultant_key(key_file)
    with pytest.raises(WeakPassphrase) as caught:
        export_keypair(key, "1234567")
    assert "8" in caught.value.en and "8" in caught.value.es
    exported = export_keypair(key, PASSPHRASE)
    for secret in raw_key_strings(key):
        assert secret not in exported


def test_round_trip_to_a_second_machine_with_a_keychain(memory_keyring: MemoryKeyring, tmp_path: Path) -> None:
    first_file, second_file = tmp_path / "first" / "consultant.key", tmp_path / "second" / "consultant.key"
    key = consultant_key(first_file)
    exported = export_keypair(key, PASSPHRASE)
    memory_keyring.secrets.clear()  # the second machine's keychain is empty
    with pytest.raises(WrongPassphrase):
        import_keypair(exported, "not the passphrase", second_file)
    imported = import_keypair(exported, PASSPHRASE, second_file)
    assert imported == key
    assert consultant_key(second_file, create=False) == key
    assert fingerprint(imported.public_key) == fingerprint(key.public_key)
    assert import_keypair(exported, PASSPHRASE, second_file) == key  # the same key again: nothing changes


def test_round_trip_to_a_second_machine_without_a_keychain(memory_keyring: MemoryKeyring, tmp_path: Path) -> None:
    key = consultant_key(tmp_path / "first.key")
    exported = export_keypair(key, PASSPHRASE)
    second_file = tmp_path / "second" / "consultant.key"
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(PassphraseNeeded):
            import_keypair(exported, PASSPHRASE, second_file)
        with pytest.raises(WeakPassphrase):
            import_keypair(exported, PASSPHRASE, second_file, store_passphrase="tiny")
        assert not second_file.exists()
        imported = import_keypair(exported, PASSPHRASE, second_file, store_passphrase="otra frase larga")
        assert imported == key
        assert consultant_key(second_file, "otra frase larga") == key
        with pytest.raises(WrongPassphrase):
            consultant_key(second_file, PASSPHRASE)
        for secret in raw_key_strings(key):
            assert secret not in second_file.read_bytes()
    finally:
        keyring.set_keyring(memory_keyring)


def test_importing_over_a_different_key_needs_replace(memory_keyring: MemoryKeyring, tmp_path: Path) -> None:
    key_file = tmp_path / "consultant.key"
    current = consultant_key(key_file)
    other = nacl.public.PrivateKey.generate()
    exported = export_keypair(other, PASSPHRASE)
    with pytest.raises(DifferentKeyExists) as caught:
        import_keypair(exported, PASSPHRASE, key_file)
    for message in (caught.value.en, caught.value.es):
        assert fingerprint(current.public_key) in message and fingerprint(other.public_key) in message
    assert consultant_key(key_file) == current
    assert import_keypair(exported, PASSPHRASE, key_file, replace=True) == other
    assert consultant_key(key_file) == other


@pytest.mark.usefixtures("no_keychain")
def test_importing_over_a_different_key_file_needs_replace(tmp_path: Path) -> None:
    key_file = tmp_path / "consultant.key"
    current = consultant_key(key_file, PASSPHRASE)
    other = nacl.public.PrivateKey.generate()
    exported = export_keypair(other, "another passphrase")
    with pytest.raises(DifferentKeyExists):
        import_keypair(exported, "another passphrase", key_file, store_passphrase=PASSPHRASE)
    assert consultant_key(key_file, PASSPHRASE) == current
    import_keypair(exported, "another passphrase", key_file, store_passphrase=PASSPHRASE, replace=True)
    assert consultant_key(key_file, PASSPHRASE) == other


def test_import_of_a_damaged_export(key_file: Path) -> None:
    with pytest.raises(DamagedKeyFile) as caught:
        import_keypair(b"PK\x03\x04 not a key", PASSPHRASE, key_file)
    assert "exported key" in caught.value.en
    assert not has_consultant_key(key_file)


def test_key_file_found_even_when_a_keychain_appears_later(memory_keyring: MemoryKeyring, key_file: Path) -> None:
    keyring.set_keyring(fail.Keyring())
    try:
        key = consultant_key(key_file, PASSPHRASE)
    finally:
        keyring.set_keyring(memory_keyring)
    assert storage_kind(key_file) == "file" and storage_kind() == "keyring"
    with pytest.raises(PassphraseNeeded):
        consultant_key(key_file)  # not a new key in the keyring: the one in the file is kept
    assert consultant_key(key_file, PASSPHRASE) == key
    assert memory_keyring.secrets == {}

"""The consultant's form key: a Curve25519 keypair that clients encrypt their form responses to.

The private key lives in the OS keyring (service "ShelterDesk form keys", account "consultant",
the base64 of its 32 raw bytes), created on first use. Where there is no keychain (headless Linux:
keyring's `fail` backend) nothing is ever stored in the clear: the key goes into a key file
protected by a passphrase instead (the path is the caller's, e.g. DATA/keys/consultant.key).

A key file, and the document `export_keypair` makes for a second machine, is JSON:

    {"format": "shelterdesk-key@1", "kdf": "argon2id", "opslimit": int, "memlimit": int,
     "salt": b64, "box": b64, "public_key": b64}

`box` is the raw private key sealed with `nacl.secret.SecretBox` under a key derived from the
passphrase with Argon2id (`nacl.pwhash.argon2id.kdf`, salt and limits as written). `public_key`
is the matching public key, in the clear (it is in every package sent to clients anyway), so a
fingerprint can be shown and compared without the passphrase.

Finding the key (`consultant_key`): the keyring entry first; else the key file. A new key goes into
the keyring when there is one, else into the key file.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import errno
import hashlib
import json
import os
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal

import keyring
import nacl.bindings
import nacl.encoding
import nacl.exceptions
import nacl.hash
import nacl.public
import nacl.secret
import nacl.signing
import nacl.utils
from keyring.errors import KeyringError, NoKeyringError
from nacl.pwhash import argon2id

from shelter_app.core.errors import UserError
from shelter_app.exchange.secrets import keyring_available

SERVICE: Final = "ShelterDesk form keys"
ACCOUNT: Final = "consultant"
KEY_FILE_FORMAT: Final = "shelterdesk-key@1"
KDF: Final = "argon2id"
OPSLIMIT: Final = argon2id.OPSLIMIT_INTERACTIVE
MEMLIMIT: Final = argon2id.MEMLIMIT_INTERACTIVE
MIN_PASSPHRASE_LENGTH: Final = 8
MAX_KEY_FILE_BYTES: Final = 64 * 1024

_KEY_SIZE: Final = nacl.public.PrivateKey.SIZE


# ---- errors -----------------------------------------------------------------------------------------------------


class FormKeyError(UserError):
    """A problem with the consultant's form key; every one is explained in English and Spanish."""


class PassphraseNeeded(FormKeyError):
    """There is no keychain, so the key is kept in a file protected by a passphrase, and none was given."""

    def __init__(self) -> None:
        super().__init__(
            "This computer has no system keychain to keep your form key in. It is kept in a file protected "
            "by a passphrase instead: enter the passphrase (at least 8 characters the first time).",
            "Esta computadora no tiene un llavero del sistema donde guardar su llave de formularios. Se guarda "
            "en un archivo protegido con una frase de contraseña: escríbala (al menos 8 caracteres la primera vez).",
            field="passphrase",
        )


class WeakPassphrase(FormKeyError):
    """A new passphrase is too short."""

    def __init__(self) -> None:
        super().__init__(
            f"The passphrase must have at least {MIN_PASSPHRASE_LENGTH} characters.",
            f"La frase de contraseña debe tener al menos {MIN_PASSPHRASE_LENGTH} caracteres.",
            field="passphrase",
        )


class WrongPassphrase(FormKeyError):
    """The passphrase does not open the key file (or the file's sealed key was altered)."""

    def __init__(self) -> None:
        super().__init__(
            "The passphrase is wrong (or the key file was altered).",
            "La frase de contraseña es incorrecta (o el archivo de la llave fue alterado).",
            field="passphrase",
        )


class DamagedKeyFile(FormKeyError):
    """The key file (or an exported key) cannot be read: not JSON, wrong format, bad fields."""

    def __init__(self, what_en: str, what_es: str, problem_en: str, problem_es: str) -> None:
        super().__init__(
            f"The {what_en} is damaged and cannot be used: {problem_en}.",
            f"El {what_es} está dañado y no se puede usar: {problem_es}.",
        )


class KeyringFailed(FormKeyError):
    """The system keychain exists but refused to read or store the key (locked, denied, damaged entry)."""

    def __init__(self, detail_en: str, detail_es: str) -> None:
        super().__init__(
            f"The system keychain could not be used for the form key: {detail_en}. Unlock the keychain and try again.",
            f"No se pudo usar el llavero del sistema para la llave de formularios: {detail_es}. "
            "Desbloquee el llavero e intente de nuevo.",
        )


class NoConsultantKey(FormKeyError):
    """There is no form key yet and the caller asked not to create one."""

    def __init__(self) -> None:
        super().__init__(
            "There is no form key on this computer yet. Create one, or import the one from your other computer.",
            "Todavía no hay una llave de formularios en esta computadora. "
            "Cree una o importe la de su otra computadora.",
        )


class DifferentKeyExists(FormKeyError):
    """An import would replace a different key already in place (responses sent to it could not be opened)."""

    def __init__(self, existing: str, imported: str) -> None:
        super().__init__(
            f"This computer already has a different form key (fingerprint {existing}) than the one being imported "
            f"({imported}). Responses encrypted to the current key could no longer be opened here; "
            "replace it only if you are sure.",
            f"Esta computadora ya tiene otra llave de formularios (huella {existing}) distinta de la que se importa "
            f"({imported}). Las respuestas cifradas para la llave actual ya no se podrían abrir aquí; "
            "reemplácela solo si está seguro.",
        )
        self.existing = existing
        self.imported = imported


# ---- public API -------------------------------------------------------------------------------------------------


def storage_kind(key_file: Path | None = None) -> Literal["keyring", "file"]:
    """Where the key is kept: "keyring", or "file" (passphrase-protected) where there is no keychain.

    Given `key_file`, an existing key file counts too: a key made in a file before a keychain was
    set up stays there (and then a passphrase is needed to open it).
    """
    if not keyring_available():
        return "file"
    if key_file is not None and key_file.exists() and _keyring_read() is None:
        return "file"
    return "keyring"


def consultant_key(key_file: Path, passphrase: str | None = None, *, create: bool = True) -> nacl.public.PrivateKey:
    """The consultant's private key: from the keyring, else from `key_file`; made on first use when `create`.

    Raises `PassphraseNeeded` when the key is (or must be) in the key file and no passphrase was given,
    `WrongPassphrase`, `DamagedKeyFile`, `WeakPassphrase` (a new key file's passphrase is too short),
    `KeyringFailed`, and `NoConsultantKey` when there is none and `create` is false.
    """
    stored = _keyring_read()
    if stored is not None:
        return stored
    if key_file.exists():
        if not passphrase:
            raise PassphraseNeeded
        return _read_key_file(key_file, passphrase)
    if not create:
        raise NoConsultantKey
    private_key = nacl.public.PrivateKey.generate()
    _store(private_key, key_file, passphrase)
    return private_key


def has_consultant_key(key_file: Path) -> bool:
    """True when a key is in the keyring or in `key_file` (which may still need its passphrase)."""
    return _keyring_read() is not None or key_file.exists()


def consultant_public_key(key_file: Path) -> nacl.public.PublicKey | None:
    """The public key of the consultant's key, without any passphrase; None when there is no key."""
    stored = _keyring_read()
    if stored is not None:
        return stored.public_key
    if key_file.exists():
        return _public_key_of_file(key_file)
    return None


SIGNING_CONTEXT: Final = b"shelterdesk-sign"


def signing_key(private_key: nacl.public.PrivateKey) -> nacl.signing.SigningKey:
    """The consultant's Ed25519 signing key, derived from their Curve25519 form key; nothing new to store.

    The seed is `BLAKE2b(private key bytes, key=b"shelterdesk-sign", 32 bytes)`: a keyed hash is a PRF, so the
    seed is as secret as the form key, independent of it for every practical purpose (knowing the signing key
    or signatures tells nothing about the box key), and the same on every computer the form key is imported
    to. Keeping a second random key instead would need its own place in the keyring or key file, its own
    export and import, and could drift apart from the box key it vouches for. Using the Curve25519 scalar
    directly as an Ed25519 seed would reuse one secret in two algorithms; the keyed hash separates them.
    """
    seed = nacl.hash.blake2b(bytes(private_key), key=SIGNING_CONTEXT, digest_size=32, encoder=nacl.encoding.RawEncoder)
    return nacl.signing.SigningKey(seed)


def fingerprint(public_key: nacl.public.PublicKey | nacl.signing.VerifyKey) -> str:
    """The key's fingerprint to read aloud or compare: the first 16 bytes of SHA-256, hex in groups of 4."""
    digest = hashlib.sha256(bytes(public_key)).hexdigest()[:32]
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


INSTALLATION_KEY_FORMAT: Final = "shelterdesk-installation-key@1"


def installation_key(path: Path) -> nacl.signing.SigningKey:
    """The client installation's Ed25519 signing key, kept in the file `path`; made (once) when missing.

    It signs the responses this installation writes, so the consultant can tell that a later response comes
    from the same computer as the first one. A file with mode 0600 in the data folder (written atomically),
    not the system keychain: it needs no passphrase and no prompt on a client's computer, it is not a secret
    that protects data (it proves "the same installation", not a person), and it goes with the data folder,
    which is where the client side keeps the rest of its state (drafts, known senders). A damaged file is a
    `DamagedKeyFile`, never silently replaced: a new key would look like another computer to the consultant.
    The first key is made exclusively: when two processes start at once, both end up with the one that landed.
    """
    what = ("installation key file", "archivo de la llave de esta instalación")
    try:
        data = _read_at_most(path, MAX_KEY_FILE_BYTES + 1)
        if data is None:
            key = nacl.signing.SigningKey.generate()
            document = {"format": INSTALLATION_KEY_FORMAT, "seed": base64.b64encode(bytes(key)).decode("ascii")}
            if write_file_exclusively(path, (json.dumps(document) + "\n").encode("utf-8")):
                return key
            data = _read_at_most(path, MAX_KEY_FILE_BYTES + 1)  # another process made it first: use theirs
            if data is None:
                raise FileNotFoundError(errno.ENOENT, "the key file vanished while it was made")
    except OSError as exc:
        raise _damaged(what, exc.strerror or type(exc).__name__, exc.strerror or type(exc).__name__) from None
    try:
        parsed = json.loads(data.decode("utf-8")) if len(data) <= MAX_KEY_FILE_BYTES else None
    except ValueError:
        parsed = None
    if not isinstance(parsed, dict) or parsed.get("format") != INSTALLATION_KEY_FORMAT:
        raise _damaged(what, "it is not an installation key", "no es una llave de instalación")
    seed = _b64(parsed.get("seed"), nacl.bindings.crypto_sign_SEEDBYTES)
    if seed is None:
        raise _damaged(what, "its key is not 32 bytes of base64", "su llave no son 32 bytes en base64")
    return nacl.signing.SigningKey(seed)


def export_keypair(private_key: nacl.public.PrivateKey, passphrase: str) -> bytes:
    """A key-file document holding `private_key`, protected by `passphrase` (at least 8 characters).

    For a second machine: `import_keypair` it there with the same passphrase.
    """
    _check_new_passphrase(passphrase)
    return _seal(private_key, passphrase)


def import_keypair(
    data: bytes,
    passphrase: str,
    key_file: Path,
    store_passphrase: str | None = None,
    *,
    replace: bool = False,
) -> nacl.public.PrivateKey:
    """Open an exported key with `passphrase` and keep it as this computer's form key.

    It goes into the keyring, or (no keychain) into `key_file` protected by `store_passphrase`.
    A different key already here is kept (`DifferentKeyExists`, naming both fingerprints) unless
    `replace`; importing the key that is already here changes nothing.
    """
    imported = _open_document(data, passphrase, what=("exported key", "archivo de la llave exportada"))
    existing = _existing_public_key(key_file, tolerate_damage=replace)
    if existing is not None and bytes(existing) == bytes(imported.public_key):
        return imported
    if existing is not None and not replace:
        raise DifferentKeyExists(fingerprint(existing), fingerprint(imported.public_key))
    _store(imported, key_file, store_passphrase)
    return imported


def _read_at_most(path: Path, limit: int) -> bytes | None:
    """The first `limit` bytes of `path`, or None when there is no such file."""
    try:
        with path.open("rb") as handle:
            return handle.read(limit)
    except FileNotFoundError:
        return None


def _synced_temp(path: Path, data: bytes, mode: int) -> Path:
    """`data` in a new temporary file beside `path`, with exactly `mode`, flushed to disk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.chmod(temp, mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return temp


def write_file_exclusively(path: Path, data: bytes, mode: int = 0o600) -> bool:
    """Write `data` to `path` only if no file is there, whole or not at all; False when one already was.

    The bytes go to a temporary file first (fsynced), which is then hard-linked to `path`: the link is created
    atomically and fails when `path` exists, so two writers racing never replace each other's file and a reader
    never sees half of it.
    """
    temp = _synced_temp(path, data, mode)
    try:
        os.link(temp, path)
    except FileExistsError:
        return False
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    return True


def write_file_atomically(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write `data` to `path` through a temporary file in the same folder and `os.replace`.

    The file gets exactly `mode` (0o600 unless told); a reader never sees half a file.
    """
    temp = _synced_temp(path, data, mode)
    try:
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


# ---- keyring ----------------------------------------------------------------------------------------------------


def _keyring_read() -> nacl.public.PrivateKey | None:
    try:
        value = keyring.get_password(SERVICE, ACCOUNT)
    except NoKeyringError:
        return None
    except KeyringError as exc:
        raise KeyringFailed(
            f"reading failed ({type(exc).__name__})", f"la lectura falló ({type(exc).__name__})"
        ) from None
    if value is None:
        return None
    raw = _b64(value, _KEY_SIZE)
    if raw is None:
        raise KeyringFailed(
            "the key stored in it is damaged; import your exported key to restore it",
            "la llave guardada en él está dañada; importe su llave exportada para restaurarla",
        )
    return nacl.public.PrivateKey(raw)


def _keyring_write(private_key: nacl.public.PrivateKey) -> None:
    try:
        keyring.set_password(SERVICE, ACCOUNT, base64.b64encode(bytes(private_key)).decode("ascii"))
    except KeyringError as exc:  # NoKeyringError included: keyring_available() said yes, the backend said no
        raise KeyringFailed(
            f"storing failed ({type(exc).__name__})", f"no se pudo guardar ({type(exc).__name__})"
        ) from None


def _store(private_key: nacl.public.PrivateKey, key_file: Path, passphrase: str | None) -> None:
    if keyring_available():
        _keyring_write(private_key)
        return
    if not passphrase:
        raise PassphraseNeeded
    _check_new_passphrase(passphrase)
    write_file_atomically(key_file, _seal(private_key, passphrase), 0o600)


def _existing_public_key(key_file: Path, *, tolerate_damage: bool) -> nacl.public.PublicKey | None:
    try:
        return consultant_public_key(key_file)
    except (DamagedKeyFile, KeyringFailed):
        if tolerate_damage:
            return None
        raise


# ---- key file documents ----------------------------------------------------------------------------------------

_KEY_FILE_WHAT: Final = ("key file", "archivo de la llave")


def _check_new_passphrase(passphrase: str) -> None:
    if len(_normalized(passphrase)) < MIN_PASSPHRASE_LENGTH:
        raise WeakPassphrase


def _normalized(passphrase: str) -> str:
    """NFC, so the same accented passphrase typed on another system derives the same key."""
    return unicodedata.normalize("NFC", passphrase)


def _derive(passphrase: str, salt: bytes, opslimit: int, memlimit: int) -> bytes:
    return argon2id.kdf(
        nacl.secret.SecretBox.KEY_SIZE,
        _normalized(passphrase).encode("utf-8"),
        salt,
        opslimit=opslimit,
        memlimit=memlimit,
    )


def _seal(private_key: nacl.public.PrivateKey, passphrase: str) -> bytes:
    salt = nacl.utils.random(argon2id.SALTBYTES)
    box = nacl.secret.SecretBox(_derive(passphrase, salt, OPSLIMIT, MEMLIMIT))
    document = {
        "format": KEY_FILE_FORMAT,
        "kdf": KDF,
        "opslimit": OPSLIMIT,
        "memlimit": MEMLIMIT,
        "salt": base64.b64encode(salt).decode("ascii"),
        "box": base64.b64encode(bytes(box.encrypt(bytes(private_key)))).decode("ascii"),
        "public_key": base64.b64encode(bytes(private_key.public_key)).decode("ascii"),
    }
    return (json.dumps(document, indent=2) + "\n").encode("utf-8")


def _read_key_file(key_file: Path, passphrase: str) -> nacl.public.PrivateKey:
    return _open_document(_read_limited(key_file), passphrase, what=_KEY_FILE_WHAT)


def _public_key_of_file(key_file: Path) -> nacl.public.PublicKey:
    fields = _parse_document(_read_limited(key_file), _KEY_FILE_WHAT)
    return fields.public_key


def _read_limited(key_file: Path) -> bytes:
    try:
        if key_file.stat().st_size > MAX_KEY_FILE_BYTES:
            raise _damaged(_KEY_FILE_WHAT, "it is far too large for a key file", "es demasiado grande para una llave")
        with key_file.open("rb") as stream:  # at most one byte past the limit, even if it grew since `stat`
            data = stream.read(MAX_KEY_FILE_BYTES + 1)
    except OSError as exc:
        raise _damaged(
            _KEY_FILE_WHAT, f"it cannot be read ({exc.strerror})", f"no se puede leer ({exc.strerror})"
        ) from None
    return data  # `_parse_document` refuses it when it is over the limit


@dataclass(frozen=True)
class _Document:
    """The checked fields of a key-file document, before the passphrase opens it."""

    opslimit: int
    memlimit: int
    salt: bytes
    box: bytes
    public_key: nacl.public.PublicKey


def _open_document(data: bytes, passphrase: str, *, what: tuple[str, str]) -> nacl.public.PrivateKey:
    if not passphrase:
        raise PassphraseNeeded
    document = _parse_document(data, what)
    secret = nacl.secret.SecretBox(_derive(passphrase, document.salt, document.opslimit, document.memlimit))
    try:
        raw = secret.decrypt(document.box)
    except nacl.exceptions.CryptoError:
        raise WrongPassphrase from None
    if len(raw) != _KEY_SIZE:
        raise _damaged(what, "the sealed key has the wrong size", "la llave sellada tiene un tamaño incorrecto")
    private_key = nacl.public.PrivateKey(raw)
    if bytes(private_key.public_key) != bytes(document.public_key):
        raise _damaged(
            what, "its public key does not belong to its private key", "su llave pública no corresponde a la privada"
        )
    return private_key


def _parse_document(data: bytes, what: tuple[str, str]) -> _Document:
    if len(data) > MAX_KEY_FILE_BYTES:
        raise _damaged(what, "it is far too large for a key file", "es demasiado grande para una llave")
    from shelter_app.exchange.bounded_json import JsonLimitError, JsonLimits, read_json_bounded

    limits = JsonLimits(max_bytes=MAX_KEY_FILE_BYTES, max_depth=4, max_number_chars=32, max_integer_digits=12,
                        max_decimal_places=0, max_items=64)  # a key file is one flat object of a few fields
    try:
        document: Any = read_json_bounded(data.decode("utf-8"), limits)
    except UnicodeDecodeError:
        raise _damaged(what, "it is not a key file (not UTF-8 text)", "no es un archivo de llave (no es texto UTF-8)") \
            from None
    except JsonLimitError as exc:
        raise _damaged(what, f"it is not a key file (at {exc.path}: {exc.problem_en})",
                       f"no es un archivo de llave (en {exc.path}: {exc.problem_es})") from None
    if not isinstance(document, dict) or document.get("format") != KEY_FILE_FORMAT:
        raise _damaged(what, f"it is not a {KEY_FILE_FORMAT} document", f"no es un documento {KEY_FILE_FORMAT}")
    if document.get("kdf") != KDF:
        raise _damaged(what, f"unknown key derivation {document.get('kdf')!r}", "derivación de llave desconocida")
    opslimit = _bounded_int(document.get("opslimit"), argon2id.OPSLIMIT_MIN, argon2id.OPSLIMIT_SENSITIVE)
    memlimit = _bounded_int(document.get("memlimit"), argon2id.MEMLIMIT_MIN, argon2id.MEMLIMIT_MODERATE)  # 256 MiB
    if opslimit is None or memlimit is None:
        raise _damaged(what, "its key derivation limits are out of range", "sus límites de derivación no son válidos")
    salt = _b64(document.get("salt"), argon2id.SALTBYTES)
    box = _b64(document.get("box"), nacl.secret.SecretBox.NONCE_SIZE + nacl.secret.SecretBox.MACBYTES + _KEY_SIZE)
    public = _b64(document.get("public_key"), _KEY_SIZE)
    for name, value in (("salt", salt), ("box", box), ("public_key", public)):
        if value is None:
            raise _damaged(what, f"the field {name!r} is missing or invalid", f"el campo {name!r} falta o no es válido")
    assert salt is not None and box is not None and public is not None
    return _Document(opslimit, memlimit, salt, box, nacl.public.PublicKey(public))


def _bounded_int(value: object, low: int, high: int) -> int | None:
    """`value` when it is an integer (not a bool) within [low, high]; a hostile file must not ask for 4 TB of RAM."""
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return value
    return None


def _b64(value: object, size: int) -> bytes | None:
    """The bytes of base64 `value` when it is a string decoding to exactly `size` bytes, else None."""
    if not isinstance(value, str) or len(value) > 4 * size:
        return None
    try:
        raw = base64.b64decode(value.encode("ascii"), validate=True)
    except (UnicodeEncodeError, binascii.Error):
        return None
    return raw if len(raw) == size else None


def _damaged(what: tuple[str, str], problem_en: str, problem_es: str) -> DamagedKeyFile:
    return DamagedKeyFile(what[0], what[1], problem_en, problem_es)

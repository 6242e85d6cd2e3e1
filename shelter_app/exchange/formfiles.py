"""The files of the offline form round trip: the package (consultant → client) and the response (client → consultant).

A package (`.sdform`) is a zip holding exactly `package.json` (UTF-8 JSON, `shelterdesk-form-package@2`):
the form definition, the prefilled answers, the consultant's public key and the project it is for.
It is not encrypted, but it is signed: `consultant.verify_key` is the consultant's Ed25519 key (derived from
their form key, `formkeys.signing_key`) and `signature.value` the Ed25519 signature over `_SIGNED_CONTEXT`
followed by the canonical JSON (`canonical_json`) of the whole document without its `signature` key. The
box public key and the verify key are both inside what is signed, so neither can be swapped without the
signature failing. Reading checks the signature (`PackageSignatureInvalid` otherwise) and reports the signing
key's fingerprint as `FormPackage.signed_by`. A package of the older unsigned format (`...@1`) still opens,
with `signed_by` None: not authenticated. Readers that only know `@1` refuse `@2` as `NewerFormat`.

A response (`.sdresponse`) is a zip holding `header.json` (in the clear: who it is for and which
package it answers) and `payload.bin`: a libsodium sealed box (`nacl.public.SealedBox`) to the
consultant's public key around an inner zip of `response.json` and `attachments/<sha256 hex>`.
`response.json` carries a SHA-256 of each top-level answer and of all answers (over canonical JSON),
so the consultant's side can check what it decrypted; attachments are named by their SHA-256.
A response of the current format (`shelterdesk-form-response@2`) is also signed by the client installation
(`formkeys.installation_key`): `response.json` carries `installation.verify_key` and `signature.value`, the
Ed25519 signature over `_RESPONSE_CONTEXT` and the canonical JSON of its package id, response id, created_at
(when it was written), form, language, answers hash, attachments and the verify key itself, so the signature
cannot be moved onto other content (`ResponseSignatureInvalid`). `OpenedResponse.installation` is that key;
an older unsigned response (`...@1`) still opens with `installation` None: not authenticated.
A package may also be protected by a one-time code told to the client by phone (`exchange.packagecode`): it then
carries `protection` (signed) and a response to it carries `code_proof` in its sealed `response.json`.

Reading is hostile-input safe: every refusal is a `FormFileError` (a bilingual `UserError`) naming
the problem, and sizes are checked before anything is unpacked (file size by `stat`, the zip's
declared sizes, then every entry read with a cap). Answers are plain JSON without floats (decimals
and money amounts are strings), so amounts stay exact and hashes are stable.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
import re
import struct
import uuid
import zipfile
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final, Literal, NoReturn

import nacl.bindings
import nacl.exceptions
import nacl.public
import nacl.signing

from shelter_app.core.errors import UserError
from shelter_app.exchange.formkeys import fingerprint, signing_key, write_file_atomically
from shelter_app.exchange.packagecode import KEY_BYTES, Protection, proof, read_protection

PACKAGE_SUFFIX: Final = ".sdform"
RESPONSE_SUFFIX: Final = ".sdresponse"
PACKAGE_MIME: Final = "application/x-shelterdesk-form"
RESPONSE_MIME: Final = "application/x-shelterdesk-response"
PACKAGE_FORMAT: Final = "shelterdesk-form-package@2"
PACKAGE_FORMAT_UNSIGNED: Final = "shelterdesk-form-package@1"
"""The format before packages were signed: still read (not authenticated), written only without a signer."""
RESPONSE_FORMAT: Final = "shelterdesk-form-response@2"
RESPONSE_FORMAT_UNSIGNED: Final = "shelterdesk-form-response@1"
"""The format before responses were signed by the client installation: still read, marked not authenticated."""

MB: Final = 1024 * 1024
MAX_PACKAGE_BYTES: Final = 10 * MB
"""A package file larger than this is refused before it is read."""
MAX_RESPONSE_BYTES: Final = 100 * MB
"""A response file larger than this is refused before it is read."""
MAX_UNPACKED_BYTES: Final = 100 * MB
"""The most a response's encrypted inner zip may unpack to (its declared sizes, checked before unpacking)."""
MAX_JSON_BYTES: Final = 16 * MB
"""The most a `package.json` or `response.json` may hold (10,000 rows of a wide repeat take a few MB)."""
MAX_HEADER_BYTES: Final = 64 * 1024
MAX_JSON_CONTAINERS: Final = 1_000_000
"""A cap on the objects and lists of one JSON document, counted on the bytes before parsing (memory)."""
MAX_JSON_DEPTH: Final = 64
MAX_ATTACHMENTS: Final = 1_000
"""Files one response may attach (each also needs a file answer that refers to it)."""
MAX_REPEAT_ROWS: Final = 10_000
"""Rows in all the repeats of one set of answers together (every list of objects, at any depth)."""

Language = Literal["en", "es"]
LANGUAGES: Final[tuple[Language, ...]] = ("en", "es")

_PACKAGE_ENTRY: Final = "package.json"
_HEADER_ENTRY: Final = "header.json"
_PAYLOAD_ENTRY: Final = "payload.bin"
_RESPONSE_ENTRY: Final = "response.json"
_ATTACHMENT_ENTRY: Final = re.compile(r"attachments/([0-9a-f]{64})")
_SHA256: Final = re.compile(r"[0-9a-f]{64}")
_FINGERPRINT: Final = re.compile(r"[0-9a-f]{32}")
_FORMAT_VERSION: Final = re.compile(r"([a-z0-9-]+)@([0-9]{1,9})")
_MAX_TEXT: Final = 1000
_SIGNED_CONTEXT: Final = b"shelterdesk-form-package-signature\n"
_SIGNATURE_ALGORITHM: Final = "ed25519"
_RESPONSE_CONTEXT: Final = b"shelterdesk-form-response-signature\n"
_RESPONSE_SIGNED_FIELDS: Final = (
    "format", "response_id", "package_id", "form_id", "form_version", "language", "created_at", "answers_sha256",
    "attachments", "installation",
)
"""What a response's signature covers (after `_RESPONSE_CONTEXT`, as canonical JSON): the answers through their
hash (checked against the answers), the attachments through their list of SHA-256s, and the signing key itself."""


# ---- what a file is, for the messages ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Kind:
    en: str
    es: str
    a_en: str
    a_es: str
    resend_en: str
    resend_es: str


_PACKAGE: Final = _Kind(
    "form package",
    "paquete de formulario",
    "a ShelterDesk form package",
    "un paquete de formulario de ShelterDesk",
    "Ask the consultant to send it again.",
    "Pida al consultor que lo envíe de nuevo.",
)
_RESPONSE: Final = _Kind(
    "form response",
    "respuesta de formulario",
    "a ShelterDesk form response",
    "una respuesta de formulario de ShelterDesk",
    "Ask the client to send it again.",
    "Pida al cliente que lo envíe de nuevo.",
)


@dataclass(frozen=True)
class _File:
    """The file being read or written, as the messages name it."""

    name: str
    kind: _Kind


def _short(text: object, limit: int = 80) -> str:
    shown = str(text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


# ---- errors -----------------------------------------------------------------------------------------------------


class FormFileError(UserError):
    """A form package or response that cannot be used; `file_name` is the file's name."""

    def __init__(self, file: _File, en: str, es: str, *, field: str | None = None) -> None:
        super().__init__(en, es, field=field)
        self.file_name = file.name


class FileUnreadable(FormFileError):
    """The file cannot be opened (missing, a folder, no permission)."""

    def __init__(self, file: _File, error: OSError) -> None:
        reason = error.strerror or type(error).__name__
        super().__init__(file, f"“{file.name}” cannot be read: {reason}.", f"No se puede leer «{file.name}»: {reason}.")


class FileTooLarge(FormFileError):
    """The file, or what it would unpack to, is over the limit; nothing was unpacked."""

    def __init__(self, file: _File, limit: int, *, unpacked: bool = False) -> None:
        size = f"{limit // MB} MB" if limit >= MB else f"{limit // 1024} KB"
        if unpacked:
            en = f"“{file.name}” would unpack to more than {size}, far more than any {file.kind.en}; it was not opened."
            es = (
                f"El archivo «{file.name}» se expandiría a más de {size}, mucho más que cualquier "
                f"{file.kind.es}; no se abrió."
            )
        else:
            en = f"“{file.name}” is larger than {size}, too large for {file.kind.a_en}; it was not opened."
            es = f"El archivo «{file.name}» pesa más de {size}, demasiado para {file.kind.a_es}; no se abrió."
        super().__init__(file, en, es)


class NotAFormFile(FormFileError):
    """Not a zip, truncated, damaged, wrong entries, not a JSON object: not a file of this kind."""

    def __init__(self, file: _File, detail_en: str, detail_es: str) -> None:
        super().__init__(
            file,
            f"“{file.name}” is not {file.kind.a_en}, or it is damaged or incomplete ({detail_en}).",
            f"El archivo «{file.name}» no es {file.kind.a_es}, o está dañado o incompleto ({detail_es}).",
        )


class UnsafePath(FormFileError):
    """An entry name that could write outside a folder (absolute, `..`, backslash, drive) or appears twice."""

    def __init__(self, file: _File, entry: str, *, duplicate: bool = False) -> None:
        shown = _short(repr(entry)[1:-1])
        if duplicate:
            en_why, es_why = f"the entry “{shown}” twice", f"dos veces la entrada «{shown}»"
        else:
            en_why, es_why = f"an unsafe path “{shown}”", f"una ruta insegura «{shown}»"
        super().__init__(
            file,
            f"“{file.name}” contains {en_why} and was not opened. It was not made by ShelterDesk.",
            f"El archivo «{file.name}» contiene {es_why} y no se abrió. No lo hizo ShelterDesk.",
        )
        self.entry = entry


class NewerFormat(FormFileError):
    """A format version this ShelterDesk does not know yet (e.g. `...@2`)."""

    def __init__(self, file: _File, found: str) -> None:
        super().__init__(
            file,
            f"“{file.name}” was made by a newer ShelterDesk (format {_short(found)}). Update ShelterDesk to open it.",
            f"El archivo «{file.name}» se hizo con una versión más reciente de ShelterDesk (formato {_short(found)}). "
            "Actualice ShelterDesk para abrirlo.",
        )
        self.found = found


class InvalidField(FormFileError):
    """A key is missing or has the wrong type or value; `field` is its path (`consultant.public_key`)."""

    def __init__(self, file: _File, path: str, problem_en: str, problem_es: str) -> None:
        shown = _short(path)
        super().__init__(
            file,
            f"“{file.name}” cannot be used: the field “{shown}” {problem_en}.",
            f"El archivo «{file.name}» no se puede usar: el campo «{shown}» {problem_es}.",
            field=path,
        )


class NestedTooDeep(FormFileError):
    """JSON nested deeper than any form needs (a hostile file aiming at the recursion limit)."""

    def __init__(self, file: _File) -> None:
        super().__init__(
            file,
            f"“{file.name}” holds data nested more than {MAX_JSON_DEPTH} levels deep; it was not opened.",
            f"El archivo «{file.name}» tiene datos anidados a más de {MAX_JSON_DEPTH} niveles; no se abrió.",
        )


class TooManyRows(FormFileError):
    """More repeat rows in all than any form allows."""

    def __init__(self, file: _File, rows: int) -> None:
        rows_es, limit_es = f"{rows:,}".replace(",", " "), f"{MAX_REPEAT_ROWS:,}".replace(",", " ")
        super().__init__(
            file,
            f"“{file.name}” has {rows:,} repeat rows in all, more than the {MAX_REPEAT_ROWS:,} allowed; "
            "it was not opened.",
            f"El archivo «{file.name}» tiene {rows_es} filas en total, más de las {limit_es} permitidas; no se abrió.",
        )
        self.rows = rows


class WrongRecipient(FormFileError):
    """A response encrypted for another consultant's key."""

    def __init__(self, file: _File, recipient: str, yours: str) -> None:
        super().__init__(
            file,
            f"“{file.name}” was encrypted for another consultant (key fingerprint {_short(recipient, 48)}); "
            f"your key's fingerprint is {yours}. It cannot be opened with your key.",
            f"El archivo «{file.name}» se cifró para otro consultor (huella de la llave {_short(recipient, 48)}); "
            f"la huella de su llave es {yours}. No se puede abrir con su llave.",
        )
        self.recipient = recipient
        self.yours = yours


class TamperedFile(FormFileError):
    """Decryption or a check inside failed: the file was damaged or altered after it was made."""

    def __init__(self, file: _File, detail_en: str, detail_es: str) -> None:
        super().__init__(
            file,
            f"“{file.name}” was damaged or altered after it was sent (tampered): {detail_en}. {file.kind.resend_en}",
            f"El archivo «{file.name}» se dañó o se alteró después de enviarse: {detail_es}. {file.kind.resend_es}",
        )


class PackageSignatureInvalid(TamperedFile):
    """A signed package whose signature does not verify: content or signing key changed after signing."""

    def __init__(self, file: _File) -> None:
        super().__init__(
            file,
            "its signature does not match its content and signing key, so it is not the package the consultant "
            "signed",
            "su firma no corresponde a su contenido y a su llave de firma, así que no es el paquete que firmó el "
            "consultor",
        )


class ResponseSignatureInvalid(TamperedFile):
    """A signed response whose signature does not verify: its content or its key changed after signing."""

    def __init__(self, file: _File) -> None:
        super().__init__(
            file,
            "its signature does not match its content and the client installation's key, so it is not the "
            "response that computer wrote",
            "su firma no corresponde a su contenido y a la llave de la instalación del cliente, así que no es la "
            "respuesta que escribió esa computadora",
        )


class NotPlainJson(FormFileError, TypeError):
    """Writing: answers hold a float, a Decimal or another value that is not plain JSON (a bug of the caller)."""

    def __init__(self, file: _File, path: str, problem_en: str, problem_es: str) -> None:
        super().__init__(
            file,
            f"“{file.name}” was not written: {_short(path)} {problem_en}.",
            f"No se escribió «{file.name}»: {_short(path)} {problem_es}.",
            field=path,
        )


# ---- the documents -----------------------------------------------------------------------------------------------


def new_package_id() -> str:
    return str(uuid.uuid4())


def new_response_id() -> str:
    return str(uuid.uuid4())


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class ConsultantInfo:
    name: str
    public_key: nacl.public.PublicKey

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)


@dataclass(frozen=True)
class ProjectInfo:
    reference: str
    client_name: str
    title: str


@dataclass(frozen=True)
class FormPackage:
    """What the consultant sends: `definition` and `prefill` are plain JSON data, opaque here.

    `file_sha256` is set by `read_package` (the SHA-256 hex of the file read) and ignored when writing;
    `signed_by` too: the fingerprint of the key that signed the package (checked), None for an unsigned
    package of the older format (not authenticated).
    """

    form_id: str
    form_version: str
    definition: dict[str, Any]
    language: Language
    prefill: dict[str, Any]
    consultant: ConsultantInfo
    project: ProjectInfo
    package_id: str = field(default_factory=new_package_id)
    created_at: datetime = field(default_factory=utc_now)
    file_sha256: str | None = field(default=None, compare=False)
    signed_by: str | None = field(default=None, compare=False)
    protection: Protection | None = None
    """Set when the package is protected by a one-time code told by phone (`exchange.packagecode`): a response
    to it must prove the code. Only a signed package carries one."""


@dataclass(frozen=True)
class AttachmentRef:
    """One attached file: its bytes travel as `attachments/<sha256>`; several refs may share one file."""

    sha256: str
    name: str
    size: int


@dataclass(frozen=True)
class ResponseContent:
    """What the client writes: the answers (plain JSON, no floats) and the attachments they refer to."""

    package_id: str
    form_id: str
    form_version: str
    language: Language
    answers: dict[str, Any]
    attachments: tuple[AttachmentRef, ...] = ()
    response_id: str = field(default_factory=new_response_id)
    created_at: datetime = field(default_factory=utc_now)


@dataclass(frozen=True)
class ResponseHeader:
    """The clear part of a response: whom it is for and which package it answers (no key needed)."""

    recipient: str
    package_id: str
    form_id: str
    form_version: str
    created_at: datetime
    format: str = RESPONSE_FORMAT


@dataclass(frozen=True)
class OpenedResponse:
    """A decrypted and verified response; `attachments` maps each SHA-256 hex to the file's bytes."""

    header: ResponseHeader
    content: ResponseContent
    attachments: dict[str, bytes]
    answer_hashes: dict[str, str]
    answers_sha256: str
    file_sha256: str
    installation: nacl.signing.VerifyKey | None = None
    """The verify key of the client installation that signed the response (checked); None for an `@1` response."""
    code_proof: bytes | None = field(default=None, repr=False)
    """The proof of the package's one-time code (`packagecode.proof` over `statement`), when the writer gave one."""
    statement: bytes = field(default=b"", repr=False, compare=False)
    """What the signature and the code proof cover."""

    @property
    def authenticated(self) -> bool:
        return self.installation is not None

    @property
    def installation_fingerprint(self) -> str | None:
        return fingerprint(self.installation) if self.installation is not None else None


def canonical_json(value: Any) -> bytes:
    """The bytes the answer hashes are taken over: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ---- writing ------------------------------------------------------------------------------------------------------


def write_package(path: Path, package: FormPackage, signer: nacl.public.PrivateKey | None = None) -> str:
    """Write `package` to `path` (atomically); returns the file's SHA-256 hex.

    With `signer` (the consultant's form key, whose public key must be `package.consultant.public_key`,
    `ValueError` otherwise) the package is signed with the key `formkeys.signing_key` derives from it, in
    the current format. Without it the package is written unsigned in the older format (`...@1`), as a
    ShelterDesk before signing did: for tests and tools; the app always signs.

    Raises `NotPlainJson` (prefill with floats, definition not JSON), `TooManyRows`, `NestedTooDeep`,
    `FileTooLarge`; `ValueError` for ids that are not what `new_package_id` makes or a naive `created_at`.
    """
    file = _File(path.name, _PACKAGE)
    _require_uuid(package.package_id, "package_id")
    _require_language(package.language)
    _check_answers_for_writing(file, package.prefill, "prefill")
    _check_depth_for_writing(file, package.definition)
    if signer is not None and bytes(signer.public_key) != bytes(package.consultant.public_key):
        raise ValueError("the signer's key is not the consultant's public key of the package")
    if signer is None and package.protection is not None:
        raise ValueError("a package protected by a one-time code must be signed")
    document: dict[str, Any] = {
        "format": PACKAGE_FORMAT if signer is not None else PACKAGE_FORMAT_UNSIGNED,
        "package_id": package.package_id,
        "created_at": _timestamp(package.created_at),
        "form_id": package.form_id,
        "form_version": package.form_version,
        "definition": package.definition,
        "language": package.language,
        "prefill": package.prefill,
        "consultant": {
            "name": package.consultant.name,
            "public_key": base64.b64encode(bytes(package.consultant.public_key)).decode("ascii"),
            "fingerprint": package.consultant.fingerprint,
        },
        "project": {
            "reference": package.project.reference,
            "client_name": package.project.client_name,
            "title": package.project.title,
        },
    }
    if package.protection is not None:
        document["protection"] = package.protection.data()
    text = _dumps_for_writing(file, document, "definition")
    if signer is not None:
        sign = signing_key(signer)
        document["consultant"]["verify_key"] = base64.b64encode(bytes(sign.verify_key)).decode("ascii")
        document["consultant"]["signing_fingerprint"] = fingerprint(sign.verify_key)
        signature = sign.sign(_signed_message(document)).signature
        document["signature"] = {
            "algorithm": _SIGNATURE_ALGORITHM,
            "value": base64.b64encode(signature).decode("ascii"),
        }
        text = _dumps_for_writing(file, document, "definition")
    if len(text) > MAX_JSON_BYTES:
        raise FileTooLarge(file, MAX_JSON_BYTES, unpacked=True)
    data = _zip([(_PACKAGE_ENTRY, text, zipfile.ZIP_DEFLATED)], package.created_at)
    if len(data) > MAX_PACKAGE_BYTES:
        raise FileTooLarge(file, MAX_PACKAGE_BYTES)
    write_file_atomically(path, data)
    return sha256_hex(data)


def _signed_message(document: Mapping[str, Any]) -> bytes:
    """What a package's signature covers: a fixed context, then the document without `signature`."""
    return _SIGNED_CONTEXT + canonical_json({key: value for key, value in document.items() if key != "signature"})


def write_response(
    path: Path,
    content: ResponseContent,
    attachments: Mapping[str, bytes],
    recipient: nacl.public.PublicKey,
    signer: nacl.signing.SigningKey | None = None,
    code_key: bytes | None = None,
) -> str:
    """Encrypt `content` and the `attachments` (SHA-256 hex → bytes) to `recipient`; returns the file's SHA-256 hex.

    With `signer` (the client installation's key, `formkeys.installation_key`) the response is written in the
    current format: the sealed `response.json` carries `installation.verify_key` and `signature.value`, the
    Ed25519 signature over `_RESPONSE_CONTEXT` and the canonical JSON of `_RESPONSE_SIGNED_FIELDS`. Without it the
    response is written unsigned in the older format (`...@1`): for tests and tools; the app always signs.
    With `code_key` (what the package's one-time code derives, `Protection.key`) it also carries `code_proof`.

    Every `AttachmentRef` of `content` must have its bytes in `attachments` (matching hash and size) and every
    file given must be referred to (`ValueError` otherwise). Raises `NotPlainJson`, `TooManyRows`,
    `NestedTooDeep` and `FileTooLarge` like `write_package`.
    """
    file = _File(path.name, _RESPONSE)
    for value, name in ((content.package_id, "package_id"), (content.response_id, "response_id")):
        _require_uuid(value, name)
    _require_language(content.language)
    _check_attachments_for_writing(content.attachments, attachments)
    _check_answers_for_writing(file, content.answers, "answers")
    created_at = _timestamp(content.created_at)
    response_format = RESPONSE_FORMAT if signer is not None else RESPONSE_FORMAT_UNSIGNED
    inner_document: dict[str, Any] = {
        "format": response_format,
        "response_id": content.response_id,
        "package_id": content.package_id,
        "form_id": content.form_id,
        "form_version": content.form_version,
        "language": content.language,
        "created_at": created_at,
        "answers": content.answers,
        "answer_hashes": {name: sha256_hex(canonical_json(value)) for name, value in content.answers.items()},
        "answers_sha256": sha256_hex(canonical_json(content.answers)),
        "attachments": [{"sha256": a.sha256, "name": a.name, "size": a.size} for a in content.attachments],
    }
    if signer is not None:
        inner_document["installation"] = {
            "verify_key": base64.b64encode(bytes(signer.verify_key)).decode("ascii"),
            "fingerprint": fingerprint(signer.verify_key),
        }
        signature = signer.sign(_response_statement(inner_document)).signature
        inner_document["signature"] = {
            "algorithm": _SIGNATURE_ALGORITHM,
            "value": base64.b64encode(signature).decode("ascii"),
        }
    if code_key is not None:
        proven = proof(code_key, _response_statement(inner_document))
        inner_document["code_proof"] = base64.b64encode(proven).decode("ascii")
    text = _dumps_for_writing(file, inner_document, "answers")
    if len(text) > MAX_JSON_BYTES or len(text) + sum(len(data) for data in attachments.values()) > MAX_UNPACKED_BYTES:
        raise FileTooLarge(file, MAX_UNPACKED_BYTES, unpacked=True)
    inner = _zip(
        [(_RESPONSE_ENTRY, text, zipfile.ZIP_DEFLATED)]
        + [(f"attachments/{digest}", attachments[digest], zipfile.ZIP_DEFLATED) for digest in sorted(attachments)],
        content.created_at,
    )
    header = {
        "format": response_format,
        "recipient": fingerprint(recipient),
        "package_id": content.package_id,
        "form_id": content.form_id,
        "form_version": content.form_version,
        "created_at": created_at,
    }
    payload = bytes(nacl.public.SealedBox(recipient).encrypt(inner))
    data = _zip(
        [
            (_HEADER_ENTRY, _dumps_for_writing(file, header, "header"), zipfile.ZIP_DEFLATED),
            (_PAYLOAD_ENTRY, payload, zipfile.ZIP_STORED),
        ],
        content.created_at,
    )
    if len(data) > MAX_RESPONSE_BYTES:
        raise FileTooLarge(file, MAX_RESPONSE_BYTES)
    write_file_atomically(path, data)
    return sha256_hex(data)


def _response_statement(document: Mapping[str, Any]) -> bytes:
    """What a response's signature covers: a fixed context, then the signed fields (`None` for a missing one)."""
    return _RESPONSE_CONTEXT + canonical_json({key: document.get(key) for key in _RESPONSE_SIGNED_FIELDS})


def _require_uuid(value: str, name: str) -> None:
    if not _is_uuid(value):
        raise ValueError(f"{name} must be a lowercase UUID as new_package_id() makes, not {value!r}")


def _require_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {language!r}")


def _check_attachments_for_writing(refs: Sequence[AttachmentRef], files: Mapping[str, bytes]) -> None:
    for digest, data in files.items():
        if sha256_hex(data) != digest:
            raise ValueError(f"the attachment given as {digest!r} has another SHA-256")
    for ref in refs:
        if ref.sha256 not in files:
            raise ValueError(f"the attachment {ref.name!r} ({ref.sha256}) was not given")
        if len(files[ref.sha256]) != ref.size:
            raise ValueError(f"the attachment {ref.name!r} has {len(files[ref.sha256])} bytes, not {ref.size}")
    unused = set(files) - {ref.sha256 for ref in refs}
    if unused:
        raise ValueError(f"attachments given but not referred to: {sorted(unused)}")


def _check_answers_for_writing(file: _File, answers: Mapping[str, Any], root: str) -> None:
    if _too_deep(answers):
        raise NestedTooDeep(file)
    scan = _scan_answers(answers, root)
    if scan.problem is not None:
        where, en, es = scan.problem
        raise NotPlainJson(file, where, en, es)
    if scan.rows > MAX_REPEAT_ROWS:
        raise TooManyRows(file, scan.rows)


def _check_depth_for_writing(file: _File, value: Any) -> None:
    if _too_deep(value):
        raise NestedTooDeep(file)


def _dumps_for_writing(file: _File, document: Mapping[str, Any], part: str) -> bytes:
    try:
        return json.dumps(document, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")
    except (TypeError, ValueError) as exc:  # a value json cannot write, NaN, text that is not Unicode
        raise NotPlainJson(
            file, part, f"is not plain JSON ({_short(exc)})", f"no es JSON simple ({_short(exc)})"
        ) from None


def _timestamp(moment: datetime) -> str:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("created_at must carry its time zone (datetime.now(UTC))")
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _zip(entries: Sequence[tuple[str, bytes, int]], moment: datetime) -> bytes:
    utc = moment.astimezone(UTC)
    stamp = (min(max(utc.year, 1980), 2107), utc.month, utc.day, utc.hour, utc.minute, utc.second)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data, method in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = method
            info.external_attr = 0o600 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


# ---- reading ------------------------------------------------------------------------------------------------------


def read_package(path: Path) -> FormPackage:
    """Read and check a package file; raises only `FormFileError`s (see the module doc)."""
    file = _File(path.name, _PACKAGE)
    try:
        data = _load(file, path, MAX_PACKAGE_BYTES)
        archive = _Archive(file, data, lambda name: name == _PACKAGE_ENTRY, max_unpacked=MAX_JSON_BYTES)
        document = _parse_json(file, archive.read(_PACKAGE_ENTRY, MAX_JSON_BYTES))
        package = _package_from(file, document)
    except MemoryError:
        raise FileTooLarge(file, MAX_PACKAGE_BYTES) from None
    return replace(package, file_sha256=sha256_hex(data))


def peek_response(path: Path) -> ResponseHeader:
    """The clear header of a response file (whom it is for, which package), without any key."""
    file = _File(path.name, _RESPONSE)
    try:
        data = _load(file, path, MAX_RESPONSE_BYTES)
        return _header_from(file, _outer_archive(file, data))
    except MemoryError:
        raise FileTooLarge(file, MAX_RESPONSE_BYTES) from None


def read_response(path: Path, private_key: nacl.public.PrivateKey) -> OpenedResponse:
    """Decrypt a response with the consultant's `private_key` and check it all; raises only `FormFileError`s."""
    file = _File(path.name, _RESPONSE)
    try:
        data = _load(file, path, MAX_RESPONSE_BYTES)
        outer = _outer_archive(file, data)
        header = _header_from(file, outer)
        yours = fingerprint(private_key.public_key)
        if _fingerprint_digits(header.recipient) != _fingerprint_digits(yours):
            raise WrongRecipient(file, header.recipient, yours)
        payload = outer.read(_PAYLOAD_ENTRY, MAX_RESPONSE_BYTES)
        try:
            inner_bytes = nacl.public.SealedBox(private_key).decrypt(payload)
        except nacl.exceptions.CryptoError:
            raise TamperedFile(
                file, "it cannot be decrypted with your key", "no se puede descifrar con su llave"
            ) from None
        del payload
        opened = _open_inner(file, header, inner_bytes)
    except MemoryError:
        raise FileTooLarge(file, MAX_RESPONSE_BYTES) from None
    return OpenedResponse(
        header=header,
        content=opened.content,
        attachments=opened.attachments,
        answer_hashes=opened.answer_hashes,
        answers_sha256=opened.answers_sha256,
        file_sha256=sha256_hex(data),
        installation=opened.installation,
        code_proof=opened.code_proof,
        statement=opened.statement,
    )


def _load(file: _File, path: Path, limit: int) -> bytes:
    """The file's bytes, refused by `stat` before reading when over `limit`."""
    try:
        if path.stat().st_size > limit:
            raise FileTooLarge(file, limit)
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise FileUnreadable(file, exc) from None
    if len(data) > limit:  # it grew between stat and read
        raise FileTooLarge(file, limit)
    if not data:
        raise NotAFormFile(file, "the file is empty", "el archivo está vacío")
    return data


# The exceptions zipfile raises on damaged or hostile archives (struct, zlib, seeks, name decoding...).
_ZIP_ERRORS: Final = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    struct.error,
    EOFError,
    OSError,
    ValueError,
    OverflowError,
    NotImplementedError,  # zipfile's answer to a compression method it does not support (not unfinished code)
    RuntimeError,
)
_DRIVE: Final = re.compile(r"[A-Za-z]:")


def _unsafe_name(name: str) -> bool:
    if not name or name.startswith("/") or "\\" in name or ":" in name or _DRIVE.match(name):
        return True
    if any(ord(char) < 32 or ord(char) == 127 for char in name):
        return True
    parts = name.split("/")
    if parts[-1] == "":  # a folder entry: not unsafe in itself, refused as unexpected
        parts = parts[:-1]
    return any(part in ("", ".", "..") for part in parts)


class _Archive:
    """A zip whose entry names are safe, unique and `allowed`, whose declared sizes are within bounds."""

    def __init__(self, file: _File, data: bytes, allowed: Callable[[str], bool], *, max_unpacked: int) -> None:
        self.file = file
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except _ZIP_ERRORS:
            raise NotAFormFile(file, "it is not a complete zip archive", "no es un archivo zip completo") from None
        self.entries: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            name = info.orig_filename
            if _unsafe_name(name):
                raise UnsafePath(file, name)
            if name in self.entries:
                raise UnsafePath(file, name, duplicate=True)
            self.entries[name] = info
        for name, info in self.entries.items():
            if not allowed(name):
                raise NotAFormFile(file, f"unexpected entry “{_short(name)}”", f"entrada inesperada «{_short(name)}»")
            if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise NotAFormFile(
                    file,
                    f"the entry “{name}” is encrypted or compressed in an unknown way",
                    f"la entrada «{name}» está cifrada o comprimida de una forma desconocida",
                )
        if sum(info.file_size for info in infos) > max_unpacked:
            raise FileTooLarge(file, max_unpacked, unpacked=True)

    def require(self, *names: str) -> None:
        for name in names:
            if name not in self.entries:
                raise NotAFormFile(self.file, f"the entry “{name}” is missing", f"falta la entrada «{name}»")

    def read(self, name: str, limit: int) -> bytes:
        self.require(name)
        info = self.entries[name]
        if info.file_size > limit:
            raise FileTooLarge(self.file, limit, unpacked=True)
        try:
            with self.zip.open(info) as entry:
                data = entry.read(limit + 1)
        except _ZIP_ERRORS:
            raise NotAFormFile(
                self.file, f"the entry “{name}” is damaged", f"la entrada «{name}» está dañada"
            ) from None
        if len(data) > limit:
            raise FileTooLarge(self.file, limit, unpacked=True)
        if len(data) != info.file_size:
            raise NotAFormFile(self.file, f"the entry “{name}” is incomplete", f"la entrada «{name}» está incompleta")
        return data


def _outer_archive(file: _File, data: bytes) -> _Archive:
    archive = _Archive(
        file,
        data,
        lambda name: name in (_HEADER_ENTRY, _PAYLOAD_ENTRY),
        max_unpacked=MAX_RESPONSE_BYTES + MAX_HEADER_BYTES,
    )
    archive.require(_HEADER_ENTRY, _PAYLOAD_ENTRY)
    return archive


def _parse_json(file: _File, raw: bytes) -> dict[str, Any]:
    """A JSON object from UTF-8 `raw`, read by `bounded_json`: no duplicate keys, no NaN, bounded in items, depth
    and digits; a refusal names the JSON path at fault (`NestedTooDeep`, `NotAFormFile`, `field` the path)."""
    from shelter_app.exchange.bounded_json import JsonLimitError, JsonLimits, JsonTooDeep, read_json_bounded

    if raw.count(b"{") + raw.count(b"[") > MAX_JSON_CONTAINERS:
        raise FileTooLarge(file, MAX_JSON_BYTES, unpacked=True)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise NotAFormFile(file, "its data is not UTF-8 text", "sus datos no son texto UTF-8") from None
    limits = JsonLimits(  # numbers and lists far beyond any form; the depth and size of the module's limits
        max_bytes=MAX_JSON_BYTES,
        max_depth=MAX_JSON_DEPTH,
        max_number_chars=64,
        max_integer_digits=18,
        max_decimal_places=40,
        max_items=10 * MAX_REPEAT_ROWS,
    )
    error: FormFileError
    try:
        value = read_json_bounded(text, limits, floats=True)
    except JsonTooDeep as exc:
        error = NestedTooDeep(file)
        error.explain(f"{error.en.rstrip('.')} (JSON path {exc.path}).",
                      f"{error.es.rstrip('.')} (ruta JSON {exc.path}).")
        error.field = exc.path
        raise error from None
    except JsonLimitError as exc:
        error = NotAFormFile(file, f"{exc.problem_en}, at {exc.path}", f"{exc.problem_es}, en {exc.path}")
        error.field = exc.path
        raise error from None
    if not isinstance(value, dict):
        raise NotAFormFile(file, "its data is not a JSON object", "sus datos no son un objeto JSON")
    return value


def _too_deep(value: Any) -> bool:
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            return True
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values() if isinstance(child, (dict, list)))
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item if isinstance(child, (dict, list)))
    return False


@dataclass(frozen=True)
class _Scan:
    rows: int
    problem: tuple[str, str, str] | None  # (path, en, es) of the first value that is not plain JSON


def _scan_answers(answers: Any, root: str) -> _Scan:
    """Count the repeat rows (objects in lists, at any depth) and find the first value that is not plain JSON."""
    rows = 0
    stack: list[tuple[Any, str]] = [(answers, root)]
    while stack:
        item, where = stack.pop()
        if isinstance(item, dict):
            for key, child in item.items():
                if not isinstance(key, str) or not _encodable(key):
                    return _Scan(rows, (where, "has a key that is not text", "tiene una clave que no es texto"))
                stack.append((child, f"{where}.{key}"))
        elif isinstance(item, list):
            for index, child in enumerate(item):
                rows += isinstance(child, dict)
                stack.append((child, f"{where}[{index}]"))
        elif isinstance(item, float):
            return _Scan(
                rows,
                (
                    where,
                    f"is the float {item!r}: decimals and amounts are written as text (“12.50”) to stay exact",
                    f"es el número de punto flotante {item!r}: los decimales y montos se escriben como texto "
                    "(«12.50») para que sean exactos",
                ),
            )
        elif isinstance(item, str):
            if not _encodable(item):
                return _Scan(rows, (where, "is text that is not valid Unicode", "es texto que no es Unicode válido"))
        elif item is not None and not isinstance(item, int):  # bool is an int
            kind = type(item).__name__
            return _Scan(rows, (where, f"is a {kind}, not plain JSON", f"es un {kind}, no JSON simple"))
    return _Scan(rows, None)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates, which JSON's \ud800 escapes can make
        return False
    return True


def _check_answers_read(file: _File, answers: dict[str, Any], root: str) -> None:
    scan = _scan_answers(answers, root)
    if scan.problem is not None:
        where, en, es = scan.problem
        raise InvalidField(file, where, en, es)
    if scan.rows > MAX_REPEAT_ROWS:
        raise TooManyRows(file, scan.rows)


def _check_format(file: _File, document: dict[str, Any], expected: str) -> None:
    found = document.get("format")
    if found == expected:
        return
    if found is None:
        raise InvalidField(file, "format", "is missing", "no está")
    match = _FORMAT_VERSION.fullmatch(found) if isinstance(found, str) else None
    family, _, version = expected.partition("@")
    if match is not None and match.group(1) == family and int(match.group(2)) > int(version):
        raise NewerFormat(file, str(found))
    raise NotAFormFile(file, f"unknown format “{_short(found)}”", f"formato desconocido «{_short(found)}»")


class _Fields:
    """Typed readers of one JSON object's keys; an error names the key's full path."""

    def __init__(self, file: _File, data: dict[str, Any], prefix: str = "") -> None:
        self.file = file
        self.data = data
        self.prefix = prefix

    def fail(self, key: str, en: str, es: str) -> NoReturn:
        raise InvalidField(self.file, f"{self.prefix}{key}", en, es)

    def get(self, key: str) -> Any:
        if key not in self.data:
            self.fail(key, "is missing", "no está")
        return self.data[key]

    def text(self, key: str, *, empty: bool = False) -> str:
        value = self.get(key)
        if not isinstance(value, str) or len(value) > _MAX_TEXT or not _encodable(value):
            self.fail(key, f"must be text of at most {_MAX_TEXT} characters", f"debe ser texto de hasta {_MAX_TEXT}")
        if not empty and not value.strip():
            self.fail(key, "must not be empty", "no debe estar vacío")
        return value

    def obj(self, key: str) -> dict[str, Any]:
        value = self.get(key)
        if not isinstance(value, dict):
            self.fail(key, "must be an object", "debe ser un objeto")
        return value

    def sub(self, key: str) -> _Fields:
        return _Fields(self.file, self.obj(key), f"{self.prefix}{key}.")

    def array(self, key: str) -> list[Any]:
        value = self.get(key)
        if not isinstance(value, list):
            self.fail(key, "must be a list", "debe ser una lista")
        return value

    def count(self, key: str) -> int:
        value = self.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_UNPACKED_BYTES:
            self.fail(key, "must be a size in bytes", "debe ser un tamaño en bytes")
        return value

    def uuid(self, key: str) -> str:
        value = self.get(key)
        if not isinstance(value, str) or not _is_uuid(value):
            self.fail(key, "must be a UUID", "debe ser un UUID")
        return value

    def timestamp(self, key: str) -> datetime:
        value = self.get(key)
        moment = _parse_timestamp(value)
        if moment is None:
            self.fail(key, "must be a date and time with its time zone", "debe ser una fecha y hora con zona horaria")
        return moment

    def language(self, key: str) -> Language:
        value = self.get(key)
        if value == "en":
            return "en"
        if value == "es":
            return "es"
        self.fail(key, "must be “en” or “es”", "debe ser «en» o «es»")

    def sha256(self, key: str) -> str:
        value = self.get(key)
        if not isinstance(value, str) or not _SHA256.fullmatch(value):
            self.fail(key, "must be a SHA-256 in lowercase hex", "debe ser un SHA-256 en hexadecimal")
        return value

    def raw(self, key: str, size: int) -> bytes:
        value = self.get(key)
        raw = None
        if isinstance(value, str) and len(value) <= 4 * size:
            try:
                raw = base64.b64decode(value.encode("ascii"), validate=True)
            except (UnicodeEncodeError, binascii.Error):
                raw = None
        if raw is None or len(raw) != size:
            self.fail(key, f"must be base64 of {size} bytes", f"debe ser base64 de {size} bytes")
        return raw

    def public_key(self, key: str) -> nacl.public.PublicKey:
        value = self.get(key)
        raw = None
        if isinstance(value, str) and len(value) <= 64:
            try:
                raw = base64.b64decode(value.encode("ascii"), validate=True)
            except (UnicodeEncodeError, binascii.Error):
                raw = None
        if raw is None or len(raw) != nacl.public.PublicKey.SIZE:
            self.fail(
                key, "must be a public key (base64 of 32 bytes)", "debe ser una llave pública (base64 de 32 bytes)"
            )
        return nacl.public.PublicKey(raw)


def _is_uuid(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def _parse_timestamp(value: object) -> datetime | None:
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None or moment.utcoffset() is None:
            return None
        return moment.astimezone(UTC)
    except (ValueError, OverflowError):  # OverflowError: 9999-12-31T23:59-23:59 is past year 9999 in UTC
        return None


def _fingerprint_digits(text: str) -> str:
    return "".join(text.split()).lower()


def _package_from(file: _File, document: dict[str, Any]) -> FormPackage:
    signed = document.get("format") != PACKAGE_FORMAT_UNSIGNED
    if signed:
        _check_format(file, document, PACKAGE_FORMAT)
    fields = _Fields(file, document)
    consultant = fields.sub("consultant")
    public_key = consultant.public_key("public_key")
    if _fingerprint_digits(consultant.text("fingerprint")) != _fingerprint_digits(fingerprint(public_key)):
        raise TamperedFile(
            file,
            "the consultant's fingerprint does not belong to the key it came with",
            "la huella del consultor no corresponde a la llave que trae",
        )
    signed_by = _check_signature(file, document, fields, consultant) if signed else None
    project = fields.sub("project")
    package = FormPackage(
        package_id=fields.uuid("package_id"),
        created_at=fields.timestamp("created_at"),
        form_id=fields.text("form_id"),
        form_version=fields.text("form_version"),
        definition=fields.obj("definition"),
        language=fields.language("language"),
        prefill=fields.obj("prefill"),
        consultant=ConsultantInfo(name=consultant.text("name", empty=True), public_key=public_key),
        project=ProjectInfo(
            reference=project.text("reference", empty=True),
            client_name=project.text("client_name", empty=True),
            title=project.text("title", empty=True),
        ),
    )
    _check_answers_read(file, package.prefill, "prefill")
    return replace(package, signed_by=signed_by, protection=_protection(fields, signed))


def _protection(fields: _Fields, signed: bool) -> Protection | None:
    if "protection" not in fields.data:
        return None
    if not signed:
        fields.fail("protection", "is only valid in a signed package", "solo es válido en un paquete firmado")
    protection = read_protection(fields.data["protection"])
    if isinstance(protection, str):
        fields.fail("protection", protection, "no es una protección por código válida")
    return protection


def _check_signature(file: _File, document: dict[str, Any], fields: _Fields, consultant: _Fields) -> str:
    """Verify a signed package's signature; returns the signing key's fingerprint."""
    verify_key = _verify_key(file, consultant, "signing_fingerprint", (
        "the consultant's signing fingerprint", "la huella de firma del consultor"))
    if not _verify(fields, verify_key, lambda: _signed_message(document)):
        raise PackageSignatureInvalid(file)
    return fingerprint(verify_key)


def _verify_key(file: _File, holder: _Fields, print_key: str, what: tuple[str, str]) -> nacl.signing.VerifyKey:
    """The `verify_key` of `holder`, whose fingerprint (under `print_key`) must be that key's (`TamperedFile`)."""
    verify_key = nacl.signing.VerifyKey(holder.raw("verify_key", nacl.bindings.crypto_sign_PUBLICKEYBYTES))
    if _fingerprint_digits(holder.text(print_key)) != _fingerprint_digits(fingerprint(verify_key)):
        raise TamperedFile(file, f"{what[0]} does not belong to the key it came with",
                           f"{what[1]} no corresponde a la llave que trae")
    return verify_key


def _verify(fields: _Fields, verify_key: nacl.signing.VerifyKey, message: Callable[[], bytes]) -> bool:
    """Whether the document's `signature` (its algorithm and value checked as fields) holds over `message()`."""
    signature = fields.sub("signature")
    if signature.get("algorithm") != _SIGNATURE_ALGORITHM:
        signature.fail("algorithm", f"must be “{_SIGNATURE_ALGORITHM}”", f"debe ser «{_SIGNATURE_ALGORITHM}»")
    value = signature.raw("value", nacl.bindings.crypto_sign_BYTES)
    try:  # UnicodeEncodeError (a ValueError): text with lone surrogates, which no signer wrote
        verify_key.verify(message(), value)
    except (nacl.exceptions.BadSignatureError, ValueError):
        return False
    return True


def _header_from(file: _File, outer: _Archive) -> ResponseHeader:
    document = _parse_json(file, outer.read(_HEADER_ENTRY, MAX_HEADER_BYTES))
    if document.get("format") != RESPONSE_FORMAT_UNSIGNED:
        _check_format(file, document, RESPONSE_FORMAT)
    fields = _Fields(file, document)
    recipient = fields.text("recipient")
    if not _FINGERPRINT.fullmatch(_fingerprint_digits(recipient)):
        fields.fail("recipient", "must be a key fingerprint", "debe ser la huella de una llave")
    return ResponseHeader(
        recipient=recipient,
        package_id=fields.uuid("package_id"),
        form_id=fields.text("form_id"),
        form_version=fields.text("form_version"),
        created_at=fields.timestamp("created_at"),
        format=str(document["format"]),
    )


@dataclass(frozen=True)
class _Inner:
    content: ResponseContent
    attachments: dict[str, bytes]
    answer_hashes: dict[str, str]
    answers_sha256: str
    installation: nacl.signing.VerifyKey | None
    code_proof: bytes | None
    statement: bytes


def _inner_entry(name: str) -> bool:
    return name == _RESPONSE_ENTRY or _ATTACHMENT_ENTRY.fullmatch(name) is not None


def _open_inner(file: _File, header: ResponseHeader, inner_bytes: bytes) -> _Inner:
    inner = _Archive(file, inner_bytes, _inner_entry, max_unpacked=MAX_UNPACKED_BYTES)
    document = _parse_json(file, inner.read(_RESPONSE_ENTRY, MAX_JSON_BYTES))
    signed = document.get("format") != RESPONSE_FORMAT_UNSIGNED
    if signed:
        _check_format(file, document, RESPONSE_FORMAT)
    if document["format"] != header.format:
        raise TamperedFile(
            file,
            "its clear header and its encrypted content disagree on format",
            "su encabezado y su contenido cifrado no coinciden en format",
        )
    fields = _Fields(file, document)
    content = ResponseContent(
        response_id=fields.uuid("response_id"),
        package_id=fields.uuid("package_id"),
        form_id=fields.text("form_id"),
        form_version=fields.text("form_version"),
        language=fields.language("language"),
        created_at=fields.timestamp("created_at"),
        answers=fields.obj("answers"),
        attachments=tuple(_attachment_refs(file, fields.array("attachments"))),
    )
    hashes = fields.obj("answer_hashes")
    answers_sha256 = fields.sha256("answers_sha256")
    for name in hashes:
        _Fields(file, hashes, "answer_hashes.").sha256(name)

    for what, clear, sealed in (
        ("package_id", header.package_id, content.package_id),
        ("form_id", header.form_id, content.form_id),
        ("form_version", header.form_version, content.form_version),
        ("created_at", header.created_at, content.created_at),
    ):
        if clear != sealed:
            raise TamperedFile(
                file,
                f"its clear header and its encrypted content disagree on {what}",
                f"su encabezado y su contenido cifrado no coinciden en {what}",
            )
    _check_answers_read(file, content.answers, "answers")
    _check_hashes(file, content.answers, hashes, answers_sha256)
    attachments = _read_attachments(file, inner, content.attachments)
    installation = _check_response_signature(file, document, fields) if signed else None
    code_proof = fields.raw("code_proof", KEY_BYTES) if "code_proof" in document else None
    try:  # lone surrogates: a response no writer made; its proof cannot hold
        statement = _response_statement(document)
    except ValueError:
        statement = b""
    return _Inner(content, attachments, dict(hashes), answers_sha256, installation, code_proof, statement)


def _check_response_signature(file: _File, document: dict[str, Any], fields: _Fields) -> nacl.signing.VerifyKey:
    """Verify a signed response's signature; returns the installation's verify key."""
    verify_key = _verify_key(file, fields.sub("installation"), "fingerprint", (
        "the installation's fingerprint", "la huella de la instalación"))
    if not _verify(fields, verify_key, lambda: _response_statement(document)):
        raise ResponseSignatureInvalid(file)
    return verify_key


def _attachment_refs(file: _File, items: list[Any]) -> list[AttachmentRef]:
    if len(items) > MAX_ATTACHMENTS:
        raise InvalidField(file, "attachments", f"must list at most {MAX_ATTACHMENTS:,} files",
                           f"debe listar como máximo {MAX_ATTACHMENTS:,} archivos")
    refs = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise InvalidField(file, f"attachments[{index}]", "must be an object", "debe ser un objeto")
        ref = _Fields(file, item, f"attachments[{index}].")
        refs.append(AttachmentRef(sha256=ref.sha256("sha256"), name=ref.text("name"), size=ref.count("size")))
    return refs


def _check_hashes(file: _File, answers: dict[str, Any], hashes: dict[str, Any], answers_sha256: str) -> None:
    if set(hashes) != set(answers):
        raise TamperedFile(
            file,
            "the list of answer checksums does not match the answers",
            "la lista de sumas de verificación no coincide con las respuestas",
        )
    for name, value in answers.items():
        if sha256_hex(canonical_json(value)) != hashes[name]:
            raise TamperedFile(
                file,
                f"the answer “{_short(name)}” does not match its checksum",
                f"la respuesta «{_short(name)}» no coincide con su suma de verificación",
            )
    if sha256_hex(canonical_json(answers)) != answers_sha256:
        raise TamperedFile(
            file,
            "the answers do not match their checksum",
            "las respuestas no coinciden con su suma de verificación",
        )


def _read_attachments(file: _File, inner: _Archive, refs: Sequence[AttachmentRef]) -> dict[str, bytes]:
    present = {match.group(1) for name in inner.entries if (match := _ATTACHMENT_ENTRY.fullmatch(name))}
    listed = {ref.sha256 for ref in refs}
    if present != listed:
        raise TamperedFile(
            file,
            "its attached files do not match the list of attachments",
            "sus archivos adjuntos no coinciden con la lista de adjuntos",
        )
    files: dict[str, bytes] = {}
    for digest in sorted(present):
        data = inner.read(f"attachments/{digest}", MAX_UNPACKED_BYTES)
        if sha256_hex(data) != digest:
            raise TamperedFile(
                file,
                f"an attached file does not match its checksum ({digest[:12]}…)",
                f"un archivo adjunto no coincide con su suma de verificación ({digest[:12]}…)",
            )
        files[digest] = data
    for ref in refs:
        if len(files[ref.sha256]) != ref.size:
            raise TamperedFile(
                file,
                f"the attached file “{_short(ref.name)}” does not have its listed size",
                f"el archivo adjunto «{_short(ref.name)}» no tiene el tamaño indicado",
            )
    return files

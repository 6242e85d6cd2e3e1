"""Form package and response files: round trips, and a corpus of broken and hostile files, each refused by name."""

from __future__ import annotations

import hashlib
import io
import json
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import nacl.public
import pytest

from shelter_app.core.errors import UserError
from shelter_app.exchange import formfiles
from shelter_app.exchange.formfiles import (
    MAX_REPEAT_ROWS,
    PACKAGE_MIME,
    PACKAGE_SUFFIX,
    RESPONSE_MIME,
    RESPONSE_SUFFIX,
    AttachmentRef,
    ConsultantInfo,
    FileTooLarge,
    FileUnreadable,
    FormFileError,
    FormPackage,
    InvalidField,
    NestedTooDeep,
    NewerFormat,
    NotAFormFile,
    NotPlainJson,
    ProjectInfo,
    ResponseContent,
    TamperedFile,
    TooManyRows,
    UnsafePath,
    WrongRecipient,
    canonical_json,
    new_package_id,
    peek_response,
    read_package,
    read_response,
    write_package,
    write_response,
)
from shelter_app.exchange.formkeys import fingerprint

Json = dict[str, Any]


# ---- samples and builders (the fuzz tests use them too) --------------------------------------------------------


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sample_package(public_key: nacl.public.PublicKey) -> FormPackage:
    return FormPackage(
        form_id="client_intake",
        form_version="2026.11.1",
        definition={
            "form": "client_intake",
            "version": "2026.11.1",
            "title": {"en": "Client intake", "es": "Registro del cliente"},
            "sections": [
                {"id": "company", "fields": [{"name": "legal_name", "type": "text", "label": {"es": "Razón social"}}]},
                {"id": "plant", "fields": [{"name": "area", "type": "decimal", "min": 0.5, "decimals": 2}]},
            ],
        },
        language="es",
        prefill={
            "legal_name": "Señales Ñandú, S.A. de C.V.",
            "annual_sales": {"amount": "1250000.00", "currency": "USD"},
            "roles": [{"role": "Operador de máquina", "headcount": 40}, {"role": "Técnico", "headcount": 6}],
        },
        consultant=ConsultantInfo("María José Peña", public_key),
        project=ProjectInfo("P-2026-014", "Señales Ñandú", "Expansión en Ciudad Juárez"),
    )


PDF = b"%PDF-1.7 acta constitutiva\n" + bytes(range(256)) * 40
PHOTO = b"\x89PNG\r\n\x1a\n" + b"planta" * 500


def sample_response(package: FormPackage) -> tuple[ResponseContent, dict[str, bytes]]:
    content = ResponseContent(
        package_id=package.package_id,
        form_id=package.form_id,
        form_version=package.form_version,
        language="es",
        answers={
            "legal_name": "Señales Ñandú, S.A. de C.V.",
            "is_existing_entity": True,
            "employees": 46,
            "annual_sales": {"amount": "1250000.00", "currency": "USD"},
            "roles": [
                {"role": "Operador de máquina", "headcount": 40, "shifts": 3},
                {"role": "Técnico de mantenimiento", "headcount": 6, "shifts": 2},
                {"role": "Supervisión", "headcount": 2, "shifts": None},
            ],
            "articles": {"name": "acta constitutiva.pdf", "sha256": sha(PDF), "size": len(PDF)},
            "notes": "Año fiscal: enero–diciembre; «comillas», “curly” y 🏭",
            "kickoff": "2026-11-02",
        },
        attachments=(
            AttachmentRef(sha(PDF), "acta constitutiva.pdf", len(PDF)),
            AttachmentRef(sha(PHOTO), "planta.png", len(PHOTO)),
            AttachmentRef(sha(PDF), "copia del acta.pdf", len(PDF)),  # one file, attached twice
        ),
    )
    return content, {sha(PDF): PDF, sha(PHOTO): PHOTO}


def zip_of(entries: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name": the corpus makes such zips on purpose
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, data in entries:
                info = zipfile.ZipInfo(name, date_time=(2026, 5, 9, 12, 0, 0))
                info.compress_type = method
                archive.writestr(info, data)
    return buffer.getvalue()


def entries_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode()


def rehash(document: Json) -> Json:
    """Recompute the answer checksums of a response.json document after editing its answers."""
    answers = document["answers"]
    return {
        **document,
        "answer_hashes": {k: sha(canonical_json(v)) for k, v in answers.items()},
        "answers_sha256": sha(canonical_json(answers)),
    }


@dataclass
class ResponseParts:
    """A valid response taken apart, to be altered and put back together."""

    header: Json
    document: Json
    attachments: dict[str, bytes] = field(default_factory=dict)  # inner entries other than response.json

    @classmethod
    def of(cls, data: bytes, key: nacl.public.PrivateKey) -> ResponseParts:
        outer = entries_of(data)
        inner = entries_of(nacl.public.SealedBox(key).decrypt(outer["payload.bin"]))
        document = json.loads(inner.pop("response.json"))
        return cls(json.loads(outer["header.json"]), document, inner)

    def inner(self) -> bytes:
        return zip_of([("response.json", dumps(self.document)), *self.attachments.items()])

    def build(
        self,
        recipient: nacl.public.PublicKey,
        *,
        inner: bytes | None = None,
        payload: bytes | None = None,
        header: bytes | None = None,
    ) -> bytes:
        if payload is None:
            payload = bytes(nacl.public.SealedBox(recipient).encrypt(self.inner() if inner is None else inner))
        return zip_of([("header.json", dumps(self.header) if header is None else header), ("payload.bin", payload)])

    def changed(self, *, header: Json | None = None, document: Json | None = None) -> ResponseParts:
        return ResponseParts(
            {**self.header, **(header or {})}, {**self.document, **(document or {})}, dict(self.attachments)
        )


def rows(count: int) -> list[Json]:
    return [{"role": f"r{i}", "headcount": 1} for i in range(count)]


def nested(depth: int) -> Any:
    value: Any = "fondo"
    for _ in range(depth):
        value = {"a": [value]}
    return value


# ---- fixtures -----------------------------------------------------------------------------------------------------


@dataclass
class World:
    folder: Path
    key: nacl.public.PrivateKey
    other: nacl.public.PrivateKey
    package: FormPackage
    package_bytes: bytes
    content: ResponseContent
    attachments: dict[str, bytes]
    response_bytes: bytes
    parts: ResponseParts

    def file(self, data: bytes, suffix: str = RESPONSE_SUFFIX) -> Path:
        path = self.folder / f"case{suffix}"
        path.write_bytes(data)
        return path


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    folder = tmp_path_factory.mktemp("formfiles")
    key, other = nacl.public.PrivateKey.generate(), nacl.public.PrivateKey.generate()
    package = sample_package(key.public_key)
    write_package(folder / f"valid{PACKAGE_SUFFIX}", package)
    content, attachments = sample_response(package)
    write_response(folder / f"valid{RESPONSE_SUFFIX}", content, attachments, key.public_key)
    response_bytes = (folder / f"valid{RESPONSE_SUFFIX}").read_bytes()
    return World(
        folder,
        key,
        other,
        package,
        (folder / f"valid{PACKAGE_SUFFIX}").read_bytes(),
        content,
        attachments,
        response_bytes,
        ResponseParts.of(response_bytes, key),
    )


# ---- round trips ------------------------------------------------------------------------------------------------


def test_suffixes_and_mime_types() -> None:
    assert (PACKAGE_SUFFIX, RESPONSE_SUFFIX) == (".sdform", ".sdresponse")
    assert (PACKAGE_MIME, RESPONSE_MIME) == ("application/x-shelterdesk-form", "application/x-shelterdesk-response")


def test_package_round_trip(tmp_path: Path) -> None:
    key = nacl.public.PrivateKey.generate()
    package = sample_package(key.public_key)
    path = tmp_path / "out" / f"intake{PACKAGE_SUFFIX}"
    digest = write_package(path, package)
    assert digest == sha(path.read_bytes())
    read = read_package(path)
    assert read == package and read.file_sha256 == digest
    assert read.consultant.fingerprint == fingerprint(key.public_key)
    assert read.prefill["legal_name"] == "Señales Ñandú, S.A. de C.V."
    assert read.definition["sections"][1]["fields"][0]["min"] == 0.5  # the definition is opaque: floats allowed
    assert list(entries_of(path.read_bytes())) == ["package.json"]
    document = json.loads(entries_of(path.read_bytes())["package.json"].decode("utf-8"))
    assert document["format"] == "shelterdesk-form-package@1" and document["created_at"].endswith("Z")
    assert document["consultant"]["fingerprint"] == fingerprint(key.public_key)
    assert "Ñandú".encode() in entries_of(path.read_bytes())["package.json"]  # UTF-8, not \u escapes
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # written atomically, no temp left


def test_response_round_trip_with_attachments(tmp_path: Path) -> None:
    key = nacl.public.PrivateKey.generate()
    package = sample_package(key.public_key)
    content, attachments = sample_response(package)
    path = tmp_path / f"respuesta{RESPONSE_SUFFIX}"
    digest = write_response(path, content, attachments, key.public_key)
    assert digest == sha(path.read_bytes())
    header = peek_response(path)
    assert header.recipient == fingerprint(key.public_key)
    assert (header.package_id, header.form_id, header.form_version) == (
        package.package_id,
        "client_intake",
        "2026.11.1",
    )
    opened = read_response(path, key)
    assert opened.content == content and opened.header == header
    assert opened.attachments == attachments and opened.file_sha256 == digest
    assert opened.answers_sha256 == sha(canonical_json(content.answers))
    assert opened.answer_hashes["notes"] == sha(canonical_json(content.answers["notes"]))
    assert opened.content.answers["legal_name"] == "Señales Ñandú, S.A. de C.V."
    outer = entries_of(path.read_bytes())
    assert list(outer) == ["header.json", "payload.bin"]
    assert "Ñandú".encode() not in outer["payload.bin"]  # the answers are not in the clear
    assert "acta" not in outer["header.json"].decode()


def test_response_without_attachments_round_trip(tmp_path: Path) -> None:
    key = nacl.public.PrivateKey.generate()
    content = ResponseContent(new_package_id(), "headcount_plan", "1", "en", {"total": "12.50", "items": []})
    path = tmp_path / "plain.sdresponse"
    write_response(path, content, {}, key.public_key)
    opened = read_response(path, key)
    assert opened.content == content and opened.attachments == {}


def test_writing_refuses_floats_and_other_non_json(tmp_path: Path) -> None:
    key = nacl.public.PrivateKey.generate()
    path = tmp_path / "r.sdresponse"
    for answers, where in (
        ({"amount": 12.5}, "answers.amount"),
        ({"money": {"amount": Decimal("12.50"), "currency": "USD"}}, "answers.money.amount"),
        ({"rows": [{"rate": 0.1}]}, "answers.rows[0].rate"),
    ):
        content = ResponseContent(new_package_id(), "f", "1", "en", answers)
        with pytest.raises(NotPlainJson) as caught:
            write_response(path, content, {}, key.public_key)
        assert isinstance(caught.value, TypeError) and isinstance(caught.value, UserError)
        assert caught.value.field == where and where in caught.value.en and where in caught.value.es
    package = replace(sample_package(key.public_key), prefill={"rate": 0.16})
    with pytest.raises(NotPlainJson):
        write_package(tmp_path / "p.sdform", package)
    assert not path.exists() and not (tmp_path / "p.sdform").exists()


def test_writing_refuses_what_reading_would(tmp_path: Path) -> None:
    key = nacl.public.PrivateKey.generate()
    too_many = ResponseContent(new_package_id(), "f", "1", "en", {"roles": rows(MAX_REPEAT_ROWS + 1)})
    with pytest.raises(TooManyRows):
        write_response(tmp_path / "r.sdresponse", too_many, {}, key.public_key)
    deep = ResponseContent(new_package_id(), "f", "1", "en", {"x": nested(40)})
    with pytest.raises(NestedTooDeep):
        write_response(tmp_path / "r.sdresponse", deep, {}, key.public_key)
    with pytest.raises(NestedTooDeep):
        write_package(tmp_path / "p.sdform", replace(sample_package(key.public_key), definition=nested(40)))


def test_writing_checks_the_attachments(tmp_path: Path) -> None:
    key = nacl.public.PrivateKey.generate()
    path = tmp_path / "r.sdresponse"
    ref = AttachmentRef(sha(PDF), "acta.pdf", len(PDF))
    base = ResponseContent(new_package_id(), "f", "1", "en", {}, attachments=(ref,))
    with pytest.raises(ValueError, match="not given"):
        write_response(path, base, {}, key.public_key)
    with pytest.raises(ValueError, match="another SHA-256"):
        write_response(path, base, {sha(PDF): PHOTO}, key.public_key)
    with pytest.raises(ValueError, match="not referred to"):
        write_response(path, base, {sha(PDF): PDF, sha(PHOTO): PHOTO}, key.public_key)
    with pytest.raises(ValueError, match="bytes"):
        write_response(path, replace(base, attachments=(replace(ref, size=1),)), {sha(PDF): PDF}, key.public_key)
    with pytest.raises(ValueError, match="time zone"):
        write_response(path, replace(base, created_at=datetime(2026, 1, 1)), {sha(PDF): PDF}, key.public_key)
    with pytest.raises(ValueError, match="UUID"):
        write_response(path, replace(base, package_id="P-1"), {sha(PDF): PDF}, key.public_key)
    assert not path.exists()


def test_created_at_keeps_its_instant(tmp_path: Path) -> None:
    key = nacl.public.PrivateKey.generate()
    moment = datetime(2026, 5, 9, 18, 30, 15, 123456, tzinfo=UTC)
    package = replace(sample_package(key.public_key), created_at=moment)
    write_package(tmp_path / "p.sdform", package)
    assert read_package(tmp_path / "p.sdform").created_at == moment


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(FileUnreadable):
        read_package(tmp_path / "nowhere.sdform")
    with pytest.raises(FileUnreadable):
        peek_response(tmp_path)  # a folder


# ---- the hostile corpus ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    id: str
    build: Callable[[World], bytes]
    error: type[FormFileError]
    reader: str = "response"  # "package", "response" (read_response) or "peek" (peek_response too)
    field: str | None = None


def package_with(**changes: Any) -> Callable[[World], bytes]:
    def build(w: World) -> bytes:
        document = json.loads(entries_of(w.package_bytes)["package.json"])
        for key, value in changes.items():
            target = document
            *parents, last = key.split("__")
            for parent in parents:
                target = target[parent]
            if value is _DELETE:
                del target[last]
            else:
                target[last] = value
        return zip_of([("package.json", dumps(document))])

    return build


def package_entries(*entries: tuple[str, bytes | None]) -> Callable[[World], bytes]:
    """A zip of the given entries; None stands for the valid package.json."""

    def build(w: World) -> bytes:
        valid = entries_of(w.package_bytes)["package.json"]
        return zip_of([(name, valid if data is None else data) for name, data in entries])

    return build


def outer_entries(*entries: tuple[str, bytes | None]) -> Callable[[World], bytes]:
    def build(w: World) -> bytes:
        valid = entries_of(w.response_bytes)
        return zip_of([(name, valid[name] if data is None else data) for name, data in entries])

    return build


def inner_entries(*extra: tuple[str, bytes], keep: bool = True) -> Callable[[World], bytes]:
    """A response whose encrypted inner zip holds the valid entries (when `keep`) and then `extra`."""

    def build(w: World) -> bytes:
        valid = [("response.json", dumps(w.parts.document)), *w.parts.attachments.items()] if keep else []
        return w.parts.build(w.key.public_key, inner=zip_of([*valid, *extra]))

    return build


def response_with(
    header: Json | None = None, document: Json | None = None, *, hashes: bool = True, drop: tuple[str, ...] = ()
) -> Callable[[World], bytes]:
    def build(w: World) -> bytes:
        parts = w.parts.changed(header=header, document=document)
        if hashes and document and "answers" in document:
            parts.document = rehash(parts.document)
        for name in drop:
            target, _, key = name.rpartition(".")
            (parts.header if target == "header" else parts.document).pop(key)
        return parts.build(w.key.public_key)

    return build


def response_attachments(attachments: dict[str, bytes]) -> Callable[[World], bytes]:
    def build(w: World) -> bytes:
        return ResponseParts(w.parts.header, w.parts.document, attachments).build(w.key.public_key)

    return build


def flipped_ciphertext(w: World) -> bytes:
    payload = bytearray(entries_of(w.response_bytes)["payload.bin"])
    payload[len(payload) // 2] ^= 0x01
    return w.parts.build(w.key.public_key, payload=bytes(payload))


def for_another_consultant(w: World) -> bytes:
    content, attachments = sample_response(w.package)
    path = w.folder / "other.sdresponse"
    write_response(path, content, attachments, w.other.public_key)
    return path.read_bytes()


def addressed_to_us_sealed_for_another(w: World) -> bytes:
    return w.parts.build(w.other.public_key)  # the header names our fingerprint


def sealed_garbage(w: World) -> bytes:
    return w.parts.build(w.key.public_key, inner=b"this is not a zip at all")


def zip_bomb(w: World) -> bytes:
    """A real bomb: 101 MB of zeros deflate to about 100 KB, declared in the encrypted inner zip."""
    zeros = bytes(101 * 1024 * 1024)
    return inner_entries((f"attachments/{'0' * 64}", zeros))(w)


def package_bomb(w: World) -> bytes:
    return zip_of([("package.json", b" " * (formfiles.MAX_JSON_BYTES + 1) + b"{}")])


def nul_in_name(w: World) -> bytes:
    """zipfile cannot write a NUL in a name (it cuts the name there), so patch one into the bytes."""
    data = package_entries(("package.json_.exe", b"x"))(w)
    assert data.count(b"package.json_.exe") == 2  # the local header and the central directory
    return data.replace(b"package.json_.exe", b"package.json\x00.exe")


def newer(fmt: str) -> str:
    family, _, version = fmt.partition("@")
    return f"{family}@{int(version) + 1}"


_DELETE = object()
_OTHER_ID = "7d4f6e5c-0b1a-4c2d-9e8f-a1b2c3d4e5f6"
_FLOAT_ROWS = {"roles": [{"role": "x", "headcount": 1.5}]}

CORPUS: list[Case] = [
    # -- packages
    Case("pkg-empty", lambda w: b"", NotAFormFile, "package"),
    Case("pkg-text", lambda w: b"hello, this is a text file\n", NotAFormFile, "package"),
    Case("pkg-dotdot", package_entries(("package.json", None), ("../evil", b"x")), UnsafePath, "package"),
    Case("pkg-absolute", package_entries(("/etc/cron.d/evil", b"x"), ("package.json", None)), UnsafePath, "package"),
    Case("pkg-backslash", package_entries(("package.json", None), ("..\\evil.bat", b"x")), UnsafePath, "package"),
    Case("pkg-drive", package_entries(("C:/Windows/evil.dll", b"x")), UnsafePath, "package"),
    Case("pkg-nul", nul_in_name, UnsafePath, "package"),
    Case("pkg-duplicate", package_entries(("package.json", None), ("package.json", b"{}")), UnsafePath, "package"),
    Case("pkg-extra-entry", package_entries(("package.json", None), ("readme.txt", b"x")), NotAFormFile, "package"),
    Case("pkg-folder-entry", package_entries(("package.json", None), ("forms/", b"")), NotAFormFile, "package"),
    Case("pkg-missing-entry", package_entries(("other.json", b"{}")), NotAFormFile, "package"),
    Case("pkg-empty-zip", package_entries(), NotAFormFile, "package"),
    Case(
        "pkg-bzip2",
        lambda w: zip_of([("package.json", entries_of(w.package_bytes)["package.json"])], zipfile.ZIP_BZIP2),
        NotAFormFile,
        "package",
    ),
    Case("pkg-bomb", package_bomb, FileTooLarge, "package"),
    Case("pkg-not-json", package_entries(("package.json", b"format: yaml?\n")), NotAFormFile, "package"),
    Case("pkg-not-utf8", package_entries(("package.json", b'{"a": "\xff"}')), NotAFormFile, "package"),
    Case("pkg-array", package_entries(("package.json", b"[1, 2, 3]")), NotAFormFile, "package"),
    Case("pkg-nan", package_entries(("package.json", b'{"format": NaN}')), NotAFormFile, "package"),
    Case("pkg-dup-key", package_entries(("package.json", b'{"a": 1, "a": 2}')), NotAFormFile, "package"),
    Case("pkg-huge-int", package_entries(("package.json", b'{"a": ' + b"9" * 5000 + b"}")), NotAFormFile, "package"),
    Case("pkg-deep", package_entries(("package.json", b"[" * 100_000 + b"]" * 100_000)), NestedTooDeep, "package"),
    Case("pkg-deep-obj", package_with(definition=nested(70)), NestedTooDeep, "package"),
    Case("pkg-format-2", package_with(format=newer(formfiles.PACKAGE_FORMAT)), NewerFormat, "package"),
    Case("pkg-format-other", package_with(format="openrosa-form@1"), NotAFormFile, "package"),
    Case("pkg-response-format", package_with(format=formfiles.RESPONSE_FORMAT), NotAFormFile, "package"),
    Case("pkg-no-format", package_with(format=_DELETE), InvalidField, "package", "format"),
    Case("pkg-no-form-id", package_with(form_id=_DELETE), InvalidField, "package", "form_id"),
    Case("pkg-form-id-number", package_with(form_id=7), InvalidField, "package", "form_id"),
    Case("pkg-no-key", package_with(consultant__public_key=_DELETE), InvalidField, "package", "consultant.public_key"),
    Case(
        "pkg-short-key", package_with(consultant__public_key="AAAA"), InvalidField, "package", "consultant.public_key"
    ),
    Case("pkg-project-list", package_with(project=[]), InvalidField, "package", "project"),
    Case("pkg-language", package_with(language="fr"), InvalidField, "package", "language"),
    Case("pkg-bad-uuid", package_with(package_id="../../etc"), InvalidField, "package", "package_id"),
    Case("pkg-naive-time", package_with(created_at="2026-05-09T12:00:00"), InvalidField, "package", "created_at"),
    Case(
        "pkg-time-overflow", package_with(created_at="9999-12-31T23:59:59-23:59"), InvalidField, "package", "created_at"
    ),
    Case("pkg-prefill-float", package_with(prefill={"rate": 0.16}), InvalidField, "package", "prefill.rate"),
    Case("pkg-surrogate", package_entries(("package.json", b'{"form_id": "\\ud800"}')), InvalidField, "package"),
    Case("pkg-rows", package_with(prefill={"roles": rows(MAX_REPEAT_ROWS + 1)}), TooManyRows, "package"),
    Case(
        "pkg-fingerprint",
        package_with(consultant__fingerprint="0000 0000 0000 0000 0000 0000 0000 0000"),
        TamperedFile,
        "package",
    ),
    # -- responses: the outer zip and the clear header
    Case("resp-empty", lambda w: b"", NotAFormFile, "peek"),
    Case("resp-text", lambda w: "respuesta en texto, ñ".encode(), NotAFormFile, "peek"),
    Case(
        "resp-dotdot",
        outer_entries(("header.json", None), ("payload.bin", None), ("../evil", b"x")),
        UnsafePath,
        "peek",
    ),
    Case("resp-absolute", outer_entries(("/tmp/evil", b"x"), ("header.json", None)), UnsafePath, "peek"),
    Case("resp-duplicate", outer_entries(("header.json", None), ("header.json", None)), UnsafePath, "peek"),
    Case("resp-no-payload", outer_entries(("header.json", None)), NotAFormFile, "peek"),
    Case(
        "resp-extra", outer_entries(("header.json", None), ("payload.bin", None), ("x.txt", b"")), NotAFormFile, "peek"
    ),
    Case("resp-header-not-json", lambda w: w.parts.build(w.key.public_key, header=b"<xml/>"), NotAFormFile, "peek"),
    Case("resp-header-array", lambda w: w.parts.build(w.key.public_key, header=b"[]"), NotAFormFile, "peek"),
    Case(
        "resp-header-deep",
        lambda w: w.parts.build(w.key.public_key, header=b'{"a":' * 5000 + b"1" + b"}" * 5000),
        NestedTooDeep,
        "peek",
    ),
    Case("resp-format-2", response_with(header={"format": newer(formfiles.RESPONSE_FORMAT)}), NewerFormat, "peek"),
    Case("resp-no-recipient", response_with(drop=("header.recipient",)), InvalidField, "peek", "recipient"),
    Case("resp-bad-recipient", response_with(header={"recipient": "me"}), InvalidField, "peek", "recipient"),
    Case("resp-no-package-id", response_with(drop=("header.package_id",)), InvalidField, "peek", "package_id"),
    # -- responses: keys and encryption
    Case("resp-wrong-key", for_another_consultant, WrongRecipient),
    Case("resp-sealed-for-another", addressed_to_us_sealed_for_another, TamperedFile),
    Case("resp-flipped-ciphertext", flipped_ciphertext, TamperedFile),
    Case("resp-short-ciphertext", lambda w: w.parts.build(w.key.public_key, payload=b"abc"), TamperedFile),
    Case("resp-sealed-garbage", sealed_garbage, NotAFormFile),
    # -- responses: the encrypted inner zip
    Case("inner-dotdot", inner_entries(("../../.bashrc", b"evil")), UnsafePath),
    Case("inner-absolute", inner_entries(("/etc/passwd", b"evil")), UnsafePath),
    Case("inner-duplicate", inner_entries(("response.json", b"{}")), UnsafePath),
    Case("inner-extra", inner_entries(("attachments/ABC", b"x")), NotAFormFile),
    Case("inner-missing-json", inner_entries(("attachments/" + sha(PDF), PDF), keep=False), NotAFormFile),
    Case("inner-bomb", zip_bomb, FileTooLarge),
    Case("inner-format-2", response_with(document={"format": newer(formfiles.RESPONSE_FORMAT)}), NewerFormat),
    Case("inner-no-answers", response_with(drop=("document.answers",)), InvalidField, field="answers"),
    Case("inner-answers-list", response_with(document={"answers": []}, hashes=False), InvalidField, field="answers"),
    Case(
        "inner-attachment-size",
        response_with(document={"attachments": [{"sha256": sha(PDF), "name": "a.pdf"}]}),
        InvalidField,
        field="attachments[0].size",
    ),
    Case("inner-language", response_with(document={"language": "klingon"}), InvalidField, field="language"),
    Case(
        "inner-float",
        response_with(document={"answers": _FLOAT_ROWS}),
        InvalidField,
        field="answers.roles[0].headcount",
    ),
    Case("inner-deep", response_with(document={"answers": {"x": nested(70)}}), NestedTooDeep),
    Case("inner-rows", response_with(document={"answers": {"a": rows(6000), "b": [{"c": rows(4000)}]}}), TooManyRows),
    # -- responses: tampering checked inside
    Case("mismatch-package-id", response_with(header={"package_id": _OTHER_ID}), TamperedFile),
    Case("mismatch-form-version", response_with(header={"form_version": "2027.1"}), TamperedFile),
    Case("mismatch-created-at", response_with(header={"created_at": "2020-01-01T00:00:00Z"}), TamperedFile),
    Case("hash-answer", response_with(document={"answers": {"legal_name": "Otra"}}, hashes=False), TamperedFile),
    Case("hash-all", response_with(document={"answers_sha256": "0" * 64}), TamperedFile),
    Case("hash-missing", response_with(document={"answer_hashes": {}}), TamperedFile),
    Case("attachment-altered", response_attachments({f"attachments/{sha(PDF)}": PHOTO}), TamperedFile),
    Case("attachment-missing", response_attachments({f"attachments/{sha(PDF)}": PDF}), TamperedFile),
    Case(
        "attachment-extra",
        lambda w: response_attachments({**w.parts.attachments, f"attachments/{sha(b'x')}": b"x"})(w),
        TamperedFile,
    ),
    Case(
        "attachment-size",
        response_with(document={"attachments": [{"sha256": sha(PDF), "name": "a", "size": 1}]}),
        TamperedFile,
    ),
]


@pytest.mark.parametrize("case", CORPUS, ids=[case.id for case in CORPUS])
def test_hostile_corpus(world: World, case: Case) -> None:
    if case.reader == "package":
        path = world.file(case.build(world), PACKAGE_SUFFIX)
        readers: list[Callable[[Path], object]] = [read_package]
    else:
        path = world.file(case.build(world))
        readers = [lambda p: read_response(p, world.key)]
        if case.reader == "peek":
            readers.append(peek_response)
    for reader in readers:
        with pytest.raises(FormFileError) as caught:
            reader(path)
        assert type(caught.value) is case.error, (caught.value.en, caught.value.es)
        assert caught.value.en and caught.value.es and caught.value.en != caught.value.es
        assert caught.value.file_name == path.name and path.name in caught.value.en
        if case.field is not None:
            assert caught.value.field == case.field


def test_corpus_messages(world: World) -> None:
    newer_format = world.file(response_with(header={"format": "shelterdesk-form-response@3"})(world))
    with pytest.raises(NewerFormat) as caught:
        peek_response(newer_format)
    assert "newer ShelterDesk" in caught.value.en and "más reciente" in caught.value.es
    with pytest.raises(WrongRecipient) as wrong:
        read_response(world.file(for_another_consultant(world)), world.key)
    for message in (wrong.value.en, wrong.value.es):
        assert fingerprint(world.other.public_key) in message and fingerprint(world.key.public_key) in message
    with pytest.raises(TamperedFile) as tampered:
        read_response(world.file(flipped_ciphertext(world)), world.key)
    assert "tampered" in tampered.value.en and "alteró" in tampered.value.es
    with pytest.raises(UnsafePath) as unsafe:
        read_package(world.file(package_entries(("../evil", b"x"))(world), PACKAGE_SUFFIX))
    assert "unsafe path" in unsafe.value.en and "../evil" in unsafe.value.en
    with pytest.raises(InvalidField) as missing:
        read_package(world.file(package_with(consultant__public_key=_DELETE)(world), PACKAGE_SUFFIX))
    assert "consultant.public_key" in missing.value.en and "consultant.public_key" in missing.value.es


@pytest.mark.parametrize(
    ("limit", "suffix"), [(formfiles.MAX_PACKAGE_BYTES, PACKAGE_SUFFIX), (100 * 1024 * 1024, RESPONSE_SUFFIX)]
)
def test_oversized_file_refused_before_reading(world: World, tmp_path: Path, limit: int, suffix: str) -> None:
    path = tmp_path / f"big{suffix}"
    valid = world.package_bytes if suffix == PACKAGE_SUFFIX else world.response_bytes
    with path.open("wb") as handle:
        handle.write(valid)
        handle.truncate(limit + 1024 * 1024)  # sparse: 11 MB / 101 MB on disk in name only
    readers: list[Callable[[Path], object]] = (
        [read_package] if suffix == PACKAGE_SUFFIX else [peek_response, lambda p: read_response(p, world.key)]
    )
    for reader in readers:
        with pytest.raises(FileTooLarge) as caught:
            reader(path)
        assert "MB" in caught.value.en and "MB" in caught.value.es


@pytest.mark.parametrize("which", ["package", "response"])
def test_truncated_at_many_offsets(world: World, which: str) -> None:
    valid = world.package_bytes if which == "package" else world.response_bytes
    offsets = sorted({*range(0, len(valid), max(1, len(valid) // 97)), *range(len(valid) - 64, len(valid))})
    for offset in offsets:
        if which == "package":
            path = world.file(valid[:offset], PACKAGE_SUFFIX)
            with pytest.raises(NotAFormFile):
                read_package(path)
        else:
            path = world.file(valid[:offset])
            with pytest.raises(NotAFormFile):
                peek_response(path)
            with pytest.raises(NotAFormFile):
                read_response(path, world.key)


def test_the_corpus_left_the_valid_files_valid(world: World) -> None:
    assert read_package(world.file(world.package_bytes, PACKAGE_SUFFIX)) == world.package
    assert read_response(world.file(world.response_bytes), world.key).content == world.content

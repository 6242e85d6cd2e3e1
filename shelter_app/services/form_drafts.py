"""Offline forms, client side: open a package, keep a draft as the client types, export the encrypted response.

A draft is one row per package (`FormDraft`), saved in a transaction at every change, so a crash loses at most
the last debounce interval and the form reopens on the same page and question. The package travels inside the
draft; its definition is validated again on every open (a hostile package cannot bring an unsafe expression
with it). A package for a newer version of a form the client already started (same consultant, project and
form) takes the old draft's answers that still fit and keeps the rest as "no longer asked".

Trust on first use: a signed package's signer (`FormPackage.signed_by`) is remembered per consultant (their box
key, and their name) in `known-senders.json` in the data folder the first time. A later package from the same
consultant signed by another key, or not signed at all, is refused with `SignerChanged` (both fingerprints)
unless the caller passes the new fingerprint as `accept_signer` after the user explicitly agreed; the new signer
is then remembered. A JSON file and not a table: it is small, client-side only, and needs no migration.

Every response written here is signed with this installation's key (`installation-key` in the data folder,
`formkeys.installation_key`), so the consultant can tell a later response to the same package comes from the
same computer as the first one.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

import nacl.exceptions
import nacl.public
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import col, select

from shelter_app.content.forms import definition_from_data
from shelter_app.core.bilingual import Text
from shelter_app.core.errors import UserError, ValidationError, ValidationErrors
from shelter_app.core.forms.engine import FormState, Issue, file_answers, split_path, validate_answers
from shelter_app.core.forms.migrate import Dropped, carry_over
from shelter_app.core.forms.model import FormDefinition, QType
from shelter_app.exchange import formfiles, formkeys, packagecode
from shelter_app.exchange.bounded_json import JsonLimitError, JsonLimits, read_json_bounded
from shelter_app.exchange.formkeys import write_file_atomically
from shelter_app.paths import Paths
from shelter_app.services.errors import EditConflict, NotFound
from shelter_app.services.filestore import DEFAULT_MAX_BYTES, keep_file, read_regular, stored_path
from shelter_app.services.forms import form_files_dir
from shelter_app.storage.db import Database
from shelter_app.storage.models import FormDraft
from shelter_app.storage.types import utcnow

_DRAFT = "form draft"


class DamagedDraft(UserError):
    def __init__(self, detail: str, detail_es: str | None = None) -> None:
        super().__init__(f"The saved draft cannot be read ({detail}). Open the package again from its file.",
                         f"El borrador guardado no se puede leer ({detail_es or detail}). Abra de nuevo el paquete "
                         "desde su archivo.")


class SignerChanged(UserError):
    """A package from a known consultant signed by another key than the one remembered (or not signed at all)."""

    def __init__(self, consultant: str, known: str, found: str | None) -> None:
        if found is None:
            en_found = "this package is not signed at all"
            es_found = "este paquete no está firmado"
        else:
            en_found = f"this package is signed by the key {found}"
            es_found = f"este paquete está firmado con la llave {found}"
        super().__init__(
            f"Warning: packages from {consultant} were signed by the key {known} until now, but {en_found}. "
            "Someone else may be posing as your consultant. Open it only if your consultant confirms, by phone or "
            "in person, that they changed their key.",
            f"Atención: los paquetes de {consultant} se firmaban hasta ahora con la llave {known}, pero {es_found}. "
            "Alguien podría hacerse pasar por su consultor. Ábralo solo si su consultor le confirma, por teléfono o "
            "en persona, que cambió su llave.",
        )
        self.consultant = consultant
        self.known = known
        self.found = found


class DamagedKnownSenders(UserError):
    def __init__(self, path: Path, detail: str, detail_es: str | None = None) -> None:
        super().__init__(
            f"The list of known senders ({path}) is damaged ({detail}); no package is opened until it is repaired "
            "or removed.",
            f"La lista de remitentes conocidos ({path}) está dañada ({detail_es or detail}); no se abre ningún "
            "paquete hasta que se repare o se elimine.",
        )


class CodeNeeded(UserError):
    """The package is protected by a one-time code and none was given."""

    def __init__(self, consultant: str) -> None:
        en, es = consultant or "your consultant", consultant or "su consultor"
        super().__init__(
            f"This form is protected by a one-time code: type the 12-character code {en} told you by phone "
            "or in person (it never comes with the file).",
            f"Este formulario está protegido con un código de un solo uso: escriba el código de 12 caracteres que "
            f"{es} le dio por teléfono o en persona (nunca viene con el archivo).", field="code")


class WrongCode(UserError):
    """The code typed is not the package's one-time code."""

    def __init__(self, consultant: str) -> None:
        en, es = consultant or "your consultant", consultant or "su consultor"
        super().__init__(
            f"That is not this form's one-time code. Check the 12 characters with {en}; dashes, spaces and "
            "upper or lower case do not matter. Nothing was written.",
            f"Ese no es el código de un solo uso de este formulario. Verifique los 12 caracteres con {es}; "
            "guiones, espacios y mayúsculas o minúsculas no importan. No se escribió nada.", field="code")


class AttachmentRefused(UserError):
    """A file chosen as an answer cannot be attached (a link, a pipe, too large...); the message says why."""

    def __init__(self, en: str, es: str, *, field: str | None = None) -> None:
        super().__init__(en, es, field="attachment")


class AttachmentMissing(UserError):
    def __init__(self, name: str) -> None:
        super().__init__(f"The attached file “{name}” is missing or was altered; attach it again.",
                         f"Falta el archivo adjunto «{name}» o fue alterado; adjúntelo de nuevo.", field="attachment")


# ---- the package kept in the draft --------------------------------------------------------------------------------


def package_data(package: formfiles.FormPackage) -> dict[str, Any]:
    """The package as JSON data, as the draft keeps it."""
    return {
        "package_id": package.package_id, "created_at": package.created_at.isoformat(),
        "form_id": package.form_id, "form_version": package.form_version, "definition": package.definition,
        "language": package.language, "prefill": package.prefill,
        "consultant": {"name": package.consultant.name,
                       "public_key": base64.b64encode(bytes(package.consultant.public_key)).decode("ascii")},
        "project": {"reference": package.project.reference, "client_name": package.project.client_name,
                    "title": package.project.title},
        "file_sha256": package.file_sha256, "signed_by": package.signed_by,
        "protection": package.protection.data() if package.protection is not None else None,
    }


def package_from_data(data: Any) -> formfiles.FormPackage:
    try:
        consultant, project = data["consultant"], data["project"]
        key = base64.b64decode(str(consultant["public_key"]).encode("ascii"), validate=True)
        protection = packagecode.read_protection(data["protection"]) if data.get("protection") else None
        if isinstance(protection, str):
            raise ValueError(protection)
        return formfiles.FormPackage(
            package_id=str(data["package_id"]), created_at=datetime.fromisoformat(data["created_at"]),
            form_id=str(data["form_id"]), form_version=str(data["form_version"]),
            definition=dict(data["definition"]), language="es" if data["language"] == "es" else "en",
            prefill=dict(data["prefill"]),
            consultant=formfiles.ConsultantInfo(str(consultant["name"]), nacl.public.PublicKey(key)),
            project=formfiles.ProjectInfo(str(project["reference"]), str(project["client_name"]),
                                          str(project["title"])),
            file_sha256=data.get("file_sha256"),
            signed_by=str(data["signed_by"]) if data.get("signed_by") else None,
            protection=protection,
        )
    except (KeyError, TypeError, ValueError, binascii.Error, nacl.exceptions.CryptoError) as exc:
        raise DamagedDraft(type(exc).__name__) from None


def _definition(package: formfiles.FormPackage) -> FormDefinition:
    """The package's definition, validated like a shipped one (FormDefinitionError otherwise)."""
    definition = definition_from_data(package.definition, f"{package.form_id} {package.form_version} (package)")
    if (definition.id, definition.version) != (package.form_id, package.form_version):
        raise UserError(f"The package's form ({package.form_id} {package.form_version}) does not match the definition "
                        "it carries; it was not made by ShelterDesk.",
                        f"El formulario del paquete ({package.form_id} {package.form_version}) no coincide con la "
                        "definición que trae; no lo hizo ShelterDesk.")
    return definition


# ---- known senders (trust on first use) ---------------------------------------------------------------------------

_KNOWN_FORMAT = "shelterdesk-known-senders@1"
_MAX_KNOWN_BYTES = 1024 * 1024
_KNOWN_LIMITS = JsonLimits(max_bytes=_MAX_KNOWN_BYTES, max_depth=4, max_number_chars=64, max_integer_digits=18,
                           max_decimal_places=40, max_items=10_000)


def installation_key_file(paths: Paths) -> Path:
    """This installation's signing key (`formkeys.installation_key`): every response written here is signed with it."""
    return paths.data / "installation-key"


def installation_fingerprint(paths: Paths) -> str:
    """The fingerprint of this installation's key (made when missing), to read aloud to the consultant."""
    return formkeys.fingerprint(formkeys.installation_key(installation_key_file(paths)).verify_key)


def known_senders_file(paths: Paths) -> Path:
    return paths.data / "known-senders.json"


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _load_known(paths: Paths) -> list[dict[str, str]]:
    path = known_senders_file(paths)
    try:
        if not path.exists():
            return []
        if path.stat().st_size > _MAX_KNOWN_BYTES:
            raise DamagedKnownSenders(path, "too large")
        with path.open("rb") as stream:  # at most one byte past the limit, even if it grew since `stat`
            data = stream.read(_MAX_KNOWN_BYTES + 1)
        document = read_json_bounded(data.decode("utf-8"), _KNOWN_LIMITS)
    except OSError as exc:
        raise DamagedKnownSenders(path, exc.strerror or type(exc).__name__) from None
    except JsonLimitError as exc:
        raise DamagedKnownSenders(path, f"at {exc.path}: {exc.problem_en}", f"en {exc.path}: {exc.problem_es}") \
            from None
    except ValueError:  # not UTF-8
        raise DamagedKnownSenders(path, "not JSON", "no es JSON") from None
    if not isinstance(document, dict) or document.get("format") != _KNOWN_FORMAT or \
            not isinstance(document.get("senders"), list):
        raise DamagedKnownSenders(path, "unknown format")
    senders = document["senders"]
    if not all(isinstance(item, dict) and all(isinstance(item.get(k), str) for k in ("key", "name", "signed_by"))
               for item in senders):
        raise DamagedKnownSenders(path, "bad entry")
    return [{k: str(item[k]) for k in ("key", "name", "signed_by", "since") if k in item} for item in senders]


def _known_for(senders: list[dict[str, str]], package: formfiles.FormPackage) -> dict[str, str] | None:
    """The remembered signer of the package's consultant: by box key first, else by the same name."""
    key = package.consultant.fingerprint
    for item in senders:
        if item["key"] == key:
            return item
    name = _name_key(package.consultant.name)
    for item in reversed(senders):
        if name and _name_key(item["name"]) == name:
            return item
    return None


def check_sender(paths: Paths, package: formfiles.FormPackage, accept_signer: str | None = None) -> None:
    """Trust on first use: `SignerChanged` when the consultant is known with another signer (or the package is
    unsigned), unless `accept_signer` is exactly the package's signer ("none" for an unsigned one)."""
    known = _known_for(_load_known(paths), package)
    if known is None or known["signed_by"] == package.signed_by:
        return
    if accept_signer is not None and accept_signer == (package.signed_by or "none"):
        return
    raise SignerChanged(package.consultant.name, known["signed_by"], package.signed_by)


def remember_sender(paths: Paths, package: formfiles.FormPackage) -> None:
    """Remember the signer of a signed package for its consultant (an unsigned package changes nothing)."""
    if package.signed_by is None:
        return
    senders = _load_known(paths)
    key = package.consultant.fingerprint
    current = next((item for item in senders if item["key"] == key), None)
    if current is not None and current["signed_by"] == package.signed_by and \
            current["name"] == package.consultant.name:
        return
    senders = [item for item in senders if item["key"] != key]
    senders.append({"key": key, "name": package.consultant.name, "signed_by": package.signed_by,
                    "since": utcnow().isoformat()})
    document = {"format": _KNOWN_FORMAT, "senders": senders}
    write_file_atomically(known_senders_file(paths),
                          (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


def read_trusted_package(paths: Paths, source: Path, accept_signer: str | None = None) -> formfiles.FormPackage:
    """Read a package and check its signer against the remembered one (`SignerChanged`); nothing is remembered
    here (`remember_sender` after the package was used)."""
    package = formfiles.read_package(source)
    check_sender(paths, package, accept_signer)
    return package


# ---- views --------------------------------------------------------------------------------------------------------


def _dropped_data(dropped: Dropped) -> dict[str, Any]:
    return {"path": dropped.path, "label": {"en": dropped.label.en, "es": dropped.label.es},
            "value": dropped.value, "shown": dropped.shown,
            "reason": {"en": dropped.reason.en, "es": dropped.reason.es}}


@dataclass(frozen=True)
class DraftView:
    draft_id: int
    version: int
    package: formfiles.FormPackage
    definition: FormDefinition
    answers: dict[str, Any]
    pending: dict[str, str]
    dropped: list[dict[str, Any]]
    language: str
    page: int
    focus: str
    exported_at: datetime | None
    carried_from_version: str | None = None


@dataclass(frozen=True)
class DraftSummary:
    draft_id: int
    package_id: str
    form_id: str
    form_version: str
    form_title: Text
    client_name: str
    project_title: str
    consultant_name: str
    language: str
    answered: int
    updated_at: datetime
    exported_at: datetime | None


@dataclass(frozen=True)
class ExportResult:
    target: Path
    response_id: str
    file_sha256: str
    answers: int
    attachments: int
    installation: str = ""  # the fingerprint of this computer's key, which signed the response


def _view(row: FormDraft, package: formfiles.FormPackage, definition: FormDefinition,
          carried: str | None = None) -> DraftView:
    assert row.id is not None
    try:
        answers, pending, dropped = _loads(row.answers), _loads(row.pending), _loads(row.dropped)
    except ValueError as exc:
        raise DamagedDraft(type(exc).__name__) from None
    return DraftView(row.id, row.version, package, definition, answers, pending, dropped, row.language, row.page,
                     row.focus, row.exported_at, carried)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


# ---- open, save ---------------------------------------------------------------------------------------------------


def open_package(db: Database, paths: Paths, source: Path, *, accept_signer: str | None = None) -> DraftView:
    """Open a `.sdform` package: its draft if there is one, else a new draft with the consultant's prefill (or the
    answers of the same form's older draft, carried over to this version).

    `SignerChanged` when the consultant is known with another signing key (see the module doc); `accept_signer`
    is the new fingerprint the user explicitly accepted."""
    package = read_trusted_package(paths, source, accept_signer)
    definition = _definition(package)
    view = _open_draft(db, package, definition)
    remember_sender(paths, package)
    return view


def _open_draft(db: Database, package: formfiles.FormPackage, definition: FormDefinition) -> DraftView:
    with db.transaction() as session:
        row = session.exec(select(FormDraft).where(FormDraft.package_id == package.package_id)).first()
        if row is not None:
            stored = package_from_data(_loads(row.package))
            return _view(row, stored, _definition(stored))
        carried_from: str | None = None
        dropped: list[Dropped] = []
        answers, _ = carry_over(package.prefill, definition)
        pending: dict[str, str] = {}
        language: str = package.language
        page, focus = 0, ""
        older = _older_draft(session, package)
        if older is not None:
            old_package = package_from_data(_loads(older.package))
            old_definition = _definition(old_package)
            carried, dropped = carry_over(_loads(older.answers), definition, old_definition)
            answers = {**answers, **carried}  # the client's own answers win; the new prefill fills the rest
            pending = {p: t for p, t in _loads(older.pending).items() if definition.question(split_path(p)[0])}
            language, carried_from = older.language, older.form_version
        row = FormDraft(package_id=package.package_id, form_id=package.form_id, form_version=package.form_version,
                        package=_dumps(package_data(package)), answers=_dumps(answers), pending=_dumps(pending),
                        dropped=_dumps([_dropped_data(d) for d in dropped]), language=language, page=page,
                        focus=focus)
        session.add(row)
        session.flush()
        return _view(row, package, definition, carried_from)


_DRAFT_LIMITS = JsonLimits(  # what a package holds (`formfiles`), and numbers beyond any answer
    max_bytes=formfiles.MAX_JSON_BYTES, max_depth=formfiles.MAX_JSON_DEPTH + 2, max_number_chars=64,
    max_integer_digits=30, max_decimal_places=40, max_items=10 * formfiles.MAX_REPEAT_ROWS)


def _loads(text: str) -> Any:
    """A JSON column of a draft, read within `_DRAFT_LIMITS` (a damaged or hostile database: `DamagedDraft`)."""
    try:
        return read_json_bounded(text, _DRAFT_LIMITS, floats=True)
    except JsonLimitError as exc:
        raise DamagedDraft(f"{exc.path}: {exc.problem_en}", f"{exc.path}: {exc.problem_es}") from None
    except (TypeError, ValueError) as exc:  # not text at all
        raise DamagedDraft(type(exc).__name__) from None


def _older_draft(session: Any, package: formfiles.FormPackage) -> FormDraft | None:
    """The newest draft of the same form, consultant and project under an older version."""
    from shelter_app.content.forms import version_key

    candidates = session.exec(select(FormDraft).where(FormDraft.form_id == package.form_id)
                              .order_by(col(FormDraft.updated_at).desc())).all()
    fingerprint = package.consultant.fingerprint
    for row in candidates:
        try:
            other = package_from_data(_loads(row.package))
            older = version_key(row.form_version) < version_key(package.form_version)
        except (DamagedDraft, ValueError):
            continue
        if older and other.consultant.fingerprint == fingerprint and \
                other.project.reference == package.project.reference:
            found: FormDraft = row
            return found
    return None


def save_draft(db: Database, draft_id: int, *, answers: Mapping[str, Any], pending: Mapping[str, str], page: int,
               focus: str, language: str, expected_version: int) -> int:
    """Save the draft as it stands (one transaction); returns the new row version. EditConflict when another
    window saved it since `expected_version`."""
    values = {"answers": _dumps(dict(answers)), "pending": _dumps(dict(pending)), "page": int(page),
              "focus": focus[:200], "language": "es" if language.lower().startswith("es") else "en"}
    with db.transaction() as session:
        row = session.get(FormDraft, draft_id)
        if row is None:
            raise NotFound("form draft", "el borrador", draft_id)
        if row.version != expected_version:
            raise EditConflict(_DRAFT, draft_id, {"version": expected_version}, {"version": row.version},
                               row.version, None)
        for key, value in values.items():
            setattr(row, key, value)
        row.updated_at = utcnow()
        try:
            session.flush()
        except StaleDataError as exc:
            raise EditConflict(_DRAFT, draft_id, {"version": expected_version}, {}, expected_version + 1,
                               None) from exc
        return row.version


def list_drafts(db: Database) -> list[DraftSummary]:
    out: list[DraftSummary] = []
    with db.transaction() as session:
        for row in session.exec(select(FormDraft).order_by(col(FormDraft.updated_at).desc())).all():
            try:
                package = package_from_data(_loads(row.package))
                title = _title(package)
                answered = len(_loads(row.answers))
            except (DamagedDraft, ValueError):
                continue
            out.append(DraftSummary(row.id or 0, row.package_id, row.form_id, row.form_version, title,
                                    package.project.client_name, package.project.title, package.consultant.name,
                                    row.language, answered, row.updated_at, row.exported_at))
    return out


def _title(package: formfiles.FormPackage) -> Text:
    title = package.definition.get("title")
    if isinstance(title, Mapping) and str(title.get("en", "")).strip() and str(title.get("es", "")).strip():
        return Text(str(title["en"]), str(title["es"]))
    return Text(package.form_id, package.form_id)


# ---- attachments --------------------------------------------------------------------------------------------------


def store_attachment(paths: Paths, source: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> dict[str, Any]:
    """Keep a chosen file in the data folder under its SHA-256; returns the file answer {name, sha256, size}.
    The evidence rules apply (services.filestore.keep_file): a regular file only, opened without following a
    link, no larger than `max_bytes`, its name cleaned of control and bidirectional characters."""
    kept = keep_file(source, form_files_dir(paths), max_bytes, AttachmentRefused)
    return {"name": kept.name, "sha256": kept.sha256, "size": kept.size}


def _attachments(files: list[dict[str, Any]], read: Any) -> tuple[tuple[formfiles.AttachmentRef, ...],
                                                                        dict[str, bytes]]:
    refs: list[formfiles.AttachmentRef] = []
    data: dict[str, bytes] = {}
    for answer in files:
        sha, name, size = str(answer["sha256"]), str(answer["name"]), int(answer["size"])
        if sha not in data:
            content = read(answer)
            if hashlib.sha256(content).hexdigest() != sha or len(content) != size:
                raise AttachmentMissing(name)
            data[sha] = content
        refs.append(formfiles.AttachmentRef(sha, name, size))
    return tuple(refs), data


def _issues_error(issues: list[Issue]) -> ValidationErrors:
    return ValidationErrors({i.path: ValidationError(f"{i.path}: {i.label.en}: {i.en}",
                                                     f"{i.path}: {i.label.es}: {i.es}", field=i.path)
                             for i in issues})


# ---- export -------------------------------------------------------------------------------------------------------


def export_response(db: Database, paths: Paths, draft_id: int, target: Path, code: str | None = None
                    ) -> ExportResult:
    """Check the draft like the form does (ValidationErrors listing every issue) and write the encrypted
    response to the consultant's key; marks the draft exported. A package protected by a one-time code needs
    `code` as the consultant told it (`CodeNeeded`, `WrongCode` otherwise; nothing is written)."""
    with db.transaction() as session:
        row = session.get(FormDraft, draft_id)
        if row is None:
            raise NotFound("form draft", "el borrador", draft_id)
        package = package_from_data(_loads(row.package))
        answers, pending, language = _loads(row.answers), _loads(row.pending), row.language
    definition = _definition(package)
    state = FormState(definition, answers, pending=pending, apply_defaults=False)
    if state.issues:
        raise _issues_error(list(state.issues.values()))
    final = state.to_answers()
    code_key = code_key_for(package, code)
    folder = form_files_dir(paths)

    def read(answer: Mapping[str, Any]) -> bytes:
        path = stored_path(folder, str(answer["sha256"]))
        try:
            return path.read_bytes()
        except OSError:
            raise AttachmentMissing(str(answer["name"])) from None

    result = _write(paths, package, definition, final, "es" if language == "es" else "en", target, read, code_key)
    with db.transaction() as session:
        row = session.get(FormDraft, draft_id)
        if row is not None:
            row.exported_at = utcnow()
            row.updated_at = utcnow()
    return result


def code_key_for(package: formfiles.FormPackage, code: str | None) -> bytes | None:
    """What the package's one-time code derives (None for a package without one); `CodeNeeded`, `WrongCode`."""
    if package.protection is None:
        return None
    consultant = package.consultant.name.strip()
    if code is None or not code.strip():
        raise CodeNeeded(consultant)
    key = package.protection.key(code)
    if key is None:
        raise WrongCode(consultant)
    return key


def _write(paths: Paths, package: formfiles.FormPackage, definition: FormDefinition, answers: dict[str, Any],
           language: str, target: Path, read: Any, code_key: bytes | None = None) -> ExportResult:
    refs, files = _attachments(file_answers(definition, answers), read)
    content = formfiles.ResponseContent(package_id=package.package_id, form_id=definition.id,
                                        form_version=definition.version, language="es" if language == "es" else "en",
                                        answers=answers, attachments=refs)
    signer = formkeys.installation_key(installation_key_file(paths))
    sha = formfiles.write_response(target, content, files, package.consultant.public_key, signer, code_key)
    return ExportResult(target, content.response_id, sha, len(answers), len(files),
                        formkeys.fingerprint(signer.verify_key))


def fill_package(paths: Paths, package_path: Path, answers: Mapping[str, Any], target: Path,
                 attachments_dir: Path | None = None, *, language: str | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES, accept_signer: str | None = None,
                 code: str | None = None) -> list[Issue]:
    """Headless filling: check `answers` (plain JSON) exactly as typing them would, and write the encrypted
    response only when there is no issue. A file answer may be given as {"path": "relative/file.pdf"} inside
    `attachments_dir`; it becomes the canonical {name, sha256, size} (store_attachment's rules: a regular file
    reached without following a link, at most `max_bytes`, its name cleaned). The package's signer is checked and
    remembered like `open_package` does (`SignerChanged`, `accept_signer`). A protected package needs `code`.

    `answers` overlay the package's prefill, as typing over a prefilled draft does: a prefilled answer not given
    stays answered, a given one replaces it, and `null` clears it."""
    package = read_trusted_package(paths, package_path, accept_signer)
    definition = _definition(package)
    issues: list[Issue] = []
    resolved: dict[str, bytes] = {}
    prefilled, _ = carry_over(package.prefill, definition)
    overlaid = {k: v for k, v in {**prefilled, **answers}.items() if v is not None}
    given = _resolve_files(definition, overlaid, _Folder(attachments_dir, max_bytes), issues, resolved)
    state, found = validate_answers(definition, given)
    issues.extend(found)
    if issues:
        return issues

    def read(answer: Mapping[str, Any]) -> bytes:
        content = resolved.get(str(answer["sha256"]))
        if content is None:
            raise AttachmentMissing(str(answer["name"]))
        return content

    code_key = code_key_for(package, code)
    _write(paths, package, definition, state.to_answers(), language or package.language, target, read, code_key)
    remember_sender(paths, package)
    return []


@dataclass(frozen=True)
class _Folder:
    """Where headless file answers are read from, and the largest file taken."""

    path: Path | None
    max_bytes: int


def _resolve_files(definition: FormDefinition, answers: Mapping[str, Any], folder: _Folder,
                   issues: list[Issue], resolved: dict[str, bytes]) -> dict[str, Any]:
    out = dict(answers)
    for q in definition.questions():
        value = out.get(q.name)
        if q.type is QType.FILE:
            out[q.name] = _resolve_one(q.name, q.label, value, folder, issues, resolved)
        elif q.type is QType.REPEAT and isinstance(value, list):
            rows: list[Any] = []
            for index, row in enumerate(value):
                if not isinstance(row, Mapping):
                    rows.append(row)
                    continue
                cells = dict(row)
                for f in q.fields:
                    if f.type is QType.FILE and f.name in cells:
                        cells[f.name] = _resolve_one(f"{q.name}[{index}].{f.name}", f.label, cells[f.name], folder,
                                                     issues, resolved)
                rows.append(cells)
            out[q.name] = rows
    return out


def _resolve_one(path: str, label: Text, value: Any, folder: _Folder, issues: list[Issue],
                 resolved: dict[str, bytes]) -> Any:
    if not (isinstance(value, Mapping) and set(value) == {"path"}):
        return value
    relative = value["path"]
    if folder.path is None:
        issues.append(Issue(path, label, "Give the folder of the attached files (--attachments DIR).",
                            "Indique la carpeta de los archivos adjuntos (--attachments DIR)."))
        return None
    base = folder.path.resolve()
    candidate = (base / str(relative)).resolve() if isinstance(relative, str) and relative.strip() else None
    if candidate is None or PurePosixPath(str(relative)).is_absolute() or not candidate.is_relative_to(base):
        issues.append(Issue(path, label, f"The file “{relative}” is outside the attachments folder.",
                            f"El archivo «{relative}» está fuera de la carpeta de adjuntos."))
        return None
    given = base / str(relative)  # as named: a link there is refused, never followed
    if not os.path.lexists(given):
        issues.append(Issue(path, label, f"The file “{relative}” does not exist in the attachments folder.",
                            f"El archivo «{relative}» no existe en la carpeta de adjuntos."))
        return None
    try:
        name, content = read_regular(given, folder.max_bytes, AttachmentRefused)
    except AttachmentRefused as refused:
        issues.append(Issue(path, label, refused.en, refused.es))
        return None
    sha = hashlib.sha256(content).hexdigest()
    resolved[sha] = content
    return {"name": name, "sha256": sha, "size": len(content)}

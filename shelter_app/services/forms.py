"""Offline forms, consultant side: send a package to a client, review the encrypted response, merge it.

A package carries the latest version of a form, the answers the project already holds (converted back to
answers of the form, so the client sees and corrects them) and the consultant's public key. The project's
values when the package was sent are kept (`FormPackage.sent_values`), so an import can tell a client's
change from a conflict with an edit made in the project since.

`review_response` reads and checks everything and writes nothing; `apply_response` merges the rows the
consultant accepted in one transaction with AuditEvents. Every value is compared in one plain JSON shape
(`_plain`): the target's shape as `core.forms.mapping.project_values` gives it, numbers as decimal text.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import nacl.public
import nacl.signing
from sqlalchemy import func
from sqlmodel import Session, col, select

from shelter_app.content.forms import FormSet, definition_data, load_forms
from shelter_app.core.answers import Path as JourneyPath
from shelter_app.core.bilingual import Text
from shelter_app.core.business_case import marks
from shelter_app.core.errors import UserError, ValidationError
from shelter_app.core.forms.engine import Issue, file_answers, validate_answers
from shelter_app.core.forms.mapping import (
    CONTACTS,
    OTHER_COUNTRY,
    TARGETS,
    Kind,
    Target,
    column_of,
    project_values,
    target_value,
)
from shelter_app.core.forms.model import NUMERIC_TYPES, FormDefinition, QType, Question
from shelter_app.core.forms.values import AnswerError, decimal_text, normalise
from shelter_app.core.journey import STEPS, Journey, Step, programs_for_path
from shelter_app.core.onetimecode import grouped, new_code
from shelter_app.core.portfolio import ClientFields, ContactFields, Language, clean_client, clean_contact
from shelter_app.core.scenario_prefill import new_role
from shelter_app.core.text import fold_for_search
from shelter_app.exchange import formfiles, formkeys, packagecode
from shelter_app.l10n import answer_text
from shelter_app.paths import Paths
from shelter_app.services import audit, rows
from shelter_app.services.checklists import ApplyResult
from shelter_app.services.filestore import stored_path
from shelter_app.storage.db import Database
from shelter_app.storage.models import (
    BusinessScenario,
    Client,
    Contact,
    FormResponse,
    Project,
    ProjectJourney,
)
from shelter_app.storage.models import FormPackage as PackageRow

Status = Literal["new", "changed", "unchanged", "conflict", "recorded"]


@lru_cache(maxsize=1)
def shipped_forms() -> FormSet:
    """The form definitions shipped with this version, loaded and validated once per process."""
    return load_forms()


def form_files_dir(paths: Paths) -> Path:
    """Attachments of form responses (consultant side) and drafts (client side), kept under their SHA-256."""
    return paths.data / "form-files"


# ---- the consultant's key ----------------------------------------------------------------------------------------


def key_file(paths: Paths) -> Path:
    """Where the key lives when there is no keychain (protected by a passphrase)."""
    return paths.data / "keys" / "consultant.key"


@dataclass(frozen=True)
class KeyStatus:
    storage: Literal["keyring", "file"]
    exists: bool
    fingerprint: str | None


def key_status(paths: Paths) -> KeyStatus:
    kf = key_file(paths)
    public = formkeys.consultant_public_key(kf)
    return KeyStatus(formkeys.storage_kind(kf), public is not None,
                     formkeys.fingerprint(public) if public is not None else None)


def export_keypair(paths: Paths, target: Path, passphrase: str, key_passphrase: str | None = None) -> None:
    """Write the keypair, protected by `passphrase`, for a second machine (`key_passphrase` opens a key file)."""
    private = formkeys.consultant_key(key_file(paths), key_passphrase, create=False)
    formkeys.write_file_atomically(target, formkeys.export_keypair(private, passphrase))


def import_keypair(paths: Paths, source: Path, passphrase: str, store_passphrase: str | None = None,
                   replace: bool = False) -> KeyStatus:
    """Keep an exported keypair as this computer's key (`store_passphrase` protects the key file, no keychain)."""
    try:
        with source.open("rb") as handle:  # at most one byte past the limit, even if the file grows meanwhile
            data = handle.read(formkeys.MAX_KEY_FILE_BYTES + 1)
        if len(data) > formkeys.MAX_KEY_FILE_BYTES:
            raise formkeys.DamagedKeyFile(f"exported key file “{source.name}”",
                                          f"archivo de la llave exportada «{source.name}»",
                                          "it is far too large for a key", "es demasiado grande para una llave")
    except OSError as exc:
        raise UserError(f"Cannot read {source}: {exc.strerror or exc}.",
                        f"No se puede leer {source}: {exc.strerror or exc}.") from None
    formkeys.import_keypair(data, passphrase, key_file(paths), store_passphrase, replace=replace)
    return key_status(paths)


# ---- errors ------------------------------------------------------------------------------------------------------


class ResponseForAnotherConsultant(UserError):
    def __init__(self, theirs: str, ours: str | None) -> None:
        super().__init__(
            f"This response is encrypted for another consultant (key {theirs}; yours is {ours or 'not set up'}). "
            "Nothing was imported.",
            f"Esta respuesta está cifrada para otro consultor (llave {theirs}; la suya es "
            f"{ours or 'inexistente'}). No se importó nada.")


class ResponseFromElsewhere(UserError):
    def __init__(self) -> None:
        super().__init__(
            "This response answers a package that was not sent from this database: another consultant or project. "
            "Nothing was imported.",
            "Esta respuesta contesta un paquete que no se envió desde esta base de datos: otro consultor u otro "
            "proyecto. No se importó nada.")


class ResponseFromAnotherInstallation(UserError):
    """The package was answered before from one client installation, and this response is not signed by it."""

    def __init__(self, found: str | None, pinned: str) -> None:
        self.found, self.pinned = found, pinned
        if found is None:
            en_what, es_what = "is not signed by any computer", "no está firmada por ninguna computadora"
        else:
            en_what = f"was signed by another computer (key {found})"
            es_what = f"fue firmada por otra computadora (llave {found})"
        super().__init__(
            f"This response {en_what}, not the one that answered this package before (key {pinned}). "
            "Nothing was imported.",
            f"Esta respuesta {es_what}, no por la que contestó este paquete antes (llave {pinned}). "
            "No se importó nada.")


class ResponseReplayed(UserError):
    """A response written before the latest one already accepted for its package: an old copy sent again."""

    def __init__(self, written: datetime, latest: datetime) -> None:
        when, last = written.isoformat(timespec="seconds"), latest.isoformat(timespec="seconds")
        super().__init__(
            f"This response was written on {when}, before the latest response already imported for this package "
            f"(written on {last}): it is an older copy. Nothing was imported.",
            f"Esta respuesta se escribió el {when}, antes de la última respuesta ya importada para este paquete "
            f"(escrita el {last}): es una copia anterior. No se importó nada.")


class PackageNotProtected(UserError):
    def __init__(self) -> None:
        super().__init__("This package is not protected by a one-time code.",
                         "Este paquete no está protegido con un código de un solo uso.")


class CodeUnreadable(UserError):
    def __init__(self) -> None:
        super().__init__(
            "The package's one-time code cannot be opened with this computer's form key (it was sent with another "
            "key). Import the key that sent it (Form keys…), or send a new package.",
            "El código de un solo uso del paquete no se puede abrir con la llave de formularios de esta computadora "
            "(se envió con otra llave). Importe la llave que lo envió (Llaves de formularios…) o envíe un paquete "
            "nuevo.")


class CodeNotProven(UserError):
    """A response to a package protected by a one-time code does not prove the code."""

    def __init__(self, given: bool) -> None:
        self.given = given
        if given:
            en = "carries a proof of the one-time code that does not match this package's code"
            es = "trae una prueba del código de un solo uso que no corresponde al código de este paquete"
        else:
            en = "does not prove the one-time code this package is protected by"
            es = "no prueba el código de un solo uso que protege este paquete"
        super().__init__(
            f"This response {en}: it was not made by someone the code was told to. Nothing was imported.",
            f"Esta respuesta {es}: no la hizo alguien a quien se le dijo el código. No se importó nada.")


class InvalidResponse(UserError):
    """The answers do not pass the form's own checks: every problem is listed."""

    def __init__(self, issues: Iterable[Issue]) -> None:
        self.issues = tuple(issues)
        en = "\n".join(f"  {i.path}: {i.en}" for i in self.issues)
        es = "\n".join(f"  {i.path}: {i.es}" for i in self.issues)
        super().__init__(f"The response's answers do not pass the form's checks; nothing was imported:\n{en}",
                         f"Las respuestas no pasan las validaciones del formulario; no se importó nada:\n{es}")


class ProjectRefusesAnswers(UserError):
    """Applying the accepted answers would store something the project's own rules refuse."""

    def __init__(self, where_en: str, where_es: str, problem: UserError) -> None:
        super().__init__(f"{where_en}: {problem.en} Nothing was changed.",
                         f"{where_es}: {problem.es} No se cambió nada.", field=problem.field)


# ---- the project's values of a form's targets --------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """One comparable JSON shape: numbers as decimal text, rows as lists of objects."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int | Decimal):
        return decimal_text(Decimal(value))
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return str(value)


def _mapped(definition: FormDefinition) -> list[tuple[Question, Target]]:
    return [(q, TARGETS[path]) for q in definition.questions() for path in q.maps_to]


@dataclass
class _Project:
    """What a project holds for the targets, read in one session."""

    project: Project
    client: Client
    journey_row: ProjectJourney | None
    journey: dict[str, Any]  # Journey.to_dict()
    scenarios: list[BusinessScenario]
    contacts: list[Contact] = field(default_factory=list)  # the client's, oldest (the main one) first
    reviewed: dict[str, int] | None = None  # the versions a review read (None: write over what is stored now)

    def expected(self, key: str, current: int) -> int:
        """The version a write must find: the one the review read (-1 for a record the review never saw, so a
        scenario added since is a conflict too), else the stored one."""
        return current if self.reviewed is None else self.reviewed.get(key, -1)

    def first_document(self) -> dict[str, Any] | None:
        from shelter_app.services.scenarios import _view

        return _view(self.scenarios[0]).document if self.scenarios else None

    def value(self, target: Target, document: dict[str, Any] | None) -> Any:
        owner, _, rest = target.path.partition(".")
        if target.path == CONTACTS:
            return [_contact_fields(c) for c in self.contacts] or None
        if owner == "client":
            found = getattr(self.client, rest)
            return found if found not in ("", None) else None
        if owner == "journey":
            step, _, name = rest.partition(".")
            answers = self.journey.get("answers", {})
            return answers.get(step, {}).get(name) if isinstance(answers, Mapping) else None
        node: Any = document
        for part in rest.split("."):
            node = node.get(part) if isinstance(node, Mapping) else None
        return node


def _load_project(session: Session, project_id: int) -> _Project:
    project = rows.load(session, Project, "project", project_id)
    client = rows.load(session, Client, "client", project.client_id)
    stored = session.exec(select(ProjectJourney).where(ProjectJourney.project_id == project_id)).first()
    journey = Journey.from_json(stored.answers).to_dict() if stored else Journey().to_dict()
    scenarios = list(session.exec(select(BusinessScenario).where(BusinessScenario.project_id == project_id)
                                  .order_by(col(BusinessScenario.position), col(BusinessScenario.id))).all())
    contacts = list(session.exec(select(Contact).where(Contact.client_id == client.id).order_by(col(Contact.id))).all())
    return _Project(project, client, stored, journey, scenarios, contacts)


_CONTACT_KEYS = ("name", "role", "email", "phone", "preferred_language")


def _contact_fields(contact: Contact) -> dict[str, str]:
    """A contact of the record as a row of the `client.contacts` target (blank fields left out)."""
    return {k: str(getattr(contact, k)) for k in _CONTACT_KEYS if getattr(contact, k) not in ("", None)}


def _match_contacts(given: list[Any], records: list[Contact]) -> list[Contact | None]:
    """The record's contact each given row is (by e-mail, else by the name with case and accents folded), each
    record matched once; None for a new contact."""
    used: set[int | None] = set()
    out: list[Contact | None] = []
    for row in given:
        item = row if isinstance(row, Mapping) else {}
        email = str(item.get("email") or "").strip().lower()
        name = fold_for_search(str(item.get("name") or ""))
        found = next((c for c in records if c.id not in used and email and c.email.strip().lower() == email), None)
        if found is None:
            found = next((c for c in records if c.id not in used and name and fold_for_search(c.name) == name), None)
        if found is not None:
            used.add(found.id)
        out.append(found)
    return out


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except ArithmeticError:
            return None
        return number if number.is_finite() else None
    return None


def _answer_from(q: Question, target: Target, value: Any) -> Any:
    """The canonical answer of `q` that says `value` (a target's value, or its plain form); None when the form
    cannot say it (a role without a column the form asks, a figure out of the question's range)."""
    if value is None or value == "":
        return None
    if target.kind is Kind.ROWS:
        if not isinstance(value, list):
            return None
        rows_out: list[dict[str, Any]] = []
        for item in value:
            if not isinstance(item, Mapping):
                continue
            row: dict[str, Any] = {}
            for f in q.fields:
                column = column_of(f, target)
                if column is None:
                    continue
                cell = _answer_from(f, column, item.get(column.path))
                if cell is not None:
                    row[f.name] = cell
            rows_out.append(row)
        return rows_out or None
    kind = q.value_type
    raw: Any = value
    if kind in NUMERIC_TYPES:
        number = _number(value)
        if number is None:
            return None
        if number.as_tuple().exponent < -q.decimals:  # type: ignore[operator]
            number = number.quantize(Decimal(1).scaleb(-q.decimals))
        if kind is QType.MONEY:
            currency = target.currency or (q.currencies[0] if q.currencies else "USD")
            raw = {"amount": number, "currency": currency}
        else:
            raw = number
    try:
        return normalise(q, raw)
    except (AnswerError, TypeError, ValueError, ArithmeticError):
        return None


@dataclass(frozen=True)
class _Snapshot:
    prefill: dict[str, Any]  # canonical answers
    values: dict[str, Any]  # {target: plain value}, None where the project holds nothing


def _snapshot(loaded: _Project, definition: FormDefinition) -> _Snapshot:
    """The project's values of the form's targets, as answers of the form and as comparable values."""
    document = loaded.first_document()
    prefill: dict[str, Any] = {}
    values: dict[str, Any] = {}
    for q, target in _mapped(definition):
        current = loaded.value(target, document)
        answer = _answer_from(q, target, current)
        if answer is None:
            values[target.path] = _plain(current)
            if target.kind is Kind.COUNTRY and current is not None and any(c.value == OTHER_COUNTRY for c in q.choices):
                prefill.setdefault(q.name, OTHER_COUNTRY)  # a country the list does not name: "another country"
            continue
        expressed = target_value(q, target, answer)
        values[target.path] = _plain(expressed if expressed is not None else current)  # as the form can express it
        prefill[q.name] = _merged(prefill[q.name], answer) if q.name in prefill else answer
    return _Snapshot(prefill, values)


def _merged(first: Any, later: Any) -> Any:
    """One answer prefilled from several targets: the first target's value, completed row by row by the later
    ones' when both hold the same rows (the journey's roles, with the business case's wages)."""
    if isinstance(first, list) and isinstance(later, list) and len(first) == len(later):
        return [{**b, **a} if isinstance(a, dict) and isinstance(b, dict) else a for a, b in zip(first, later,
                                                                                                 strict=True)]
    return first


def _show(q: Question, canonical: Any, language: str) -> str:
    """An answer as a person reads it; a repeat as its rows ("Machinist, 85; Inspector, 8")."""
    if canonical is None:
        return ""
    try:
        if q.type is QType.REPEAT:
            if not isinstance(canonical, list):
                return str(canonical)
            return "; ".join(", ".join(answer_text(f, row.get(f.name), language) for f in q.fields
                                       if isinstance(row, Mapping) and row.get(f.name) is not None)
                             for row in canonical)
        return answer_text(q, canonical, language)
    except (TypeError, ValueError, ArithmeticError, KeyError):
        return str(canonical)


def _show_plain(q: Question, target: Target, value: Any, language: str) -> str:
    """A project value (plain) shown like an answer; as JSON when the form cannot say it."""
    if value is None:
        return ""
    answer = _answer_from(q, target, value)
    if answer is not None:
        return _show(q, answer, language)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


# ---- packages -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PackageSummary:
    package_row_id: int
    package_id: str
    form_id: str
    form_version: str
    form_title: Text
    language: str
    created_at: datetime
    created_by: str
    responses: int
    last_imported_at: datetime | None
    project_id: int = 0
    file_sha256: str = ""
    protected: bool = False  # by a one-time code told by phone: a response must prove it
    code: str | None = field(default=None, repr=False)  # that code, grouped: only right after the export


def _form_title(form_id: str, version: str) -> Text:
    forms = shipped_forms()
    try:
        return forms.get(form_id, version).title
    except UserError:
        return Text(form_id, form_id)


def _summary(row: PackageRow, responses: int, last: datetime | None) -> PackageSummary:
    assert row.id is not None
    return PackageSummary(row.id, row.package_id, row.form_id, row.form_version,
                          _form_title(row.form_id, row.form_version), row.language, row.created_at, row.created_by,
                          responses, last, row.project_id, row.file_sha256, row.code_sealed is not None)


def list_packages(db: Database, project_id: int) -> list[PackageSummary]:
    with db.transaction() as session:
        rows.load(session, Project, "project", project_id)
        found = session.exec(select(PackageRow).where(PackageRow.project_id == project_id)
                             .order_by(col(PackageRow.created_at), col(PackageRow.id))).all()
        stats = {pid: (int(n), last) for pid, n, last in session.exec(
            select(FormResponse.package_row_id, func.count(), func.max(FormResponse.imported_at))
            .where(FormResponse.project_id == project_id).group_by(col(FormResponse.package_row_id))).all()}
        return [_summary(r, *stats.get(r.id or 0, (0, None))) for r in found]


def _language_of(session: Session, client_id: int, fallback: str) -> str:
    contact = session.exec(select(Contact).where(Contact.client_id == client_id)
                           .order_by(col(Contact.id))).first()
    language = contact.preferred_language if contact else fallback
    return "es" if language.lower().startswith("es") else "en"


def _reference(project: Project) -> str:
    """An opaque token naming the project to the client: the same for every package of the project (so a draft
    carries over to a newer version of its form), without the database id in the clear (the project's creation
    instant, to the microsecond, salts it)."""
    seed = f"shelterdesk-project:{project.id}:{project.client_id}:{project.created_at.isoformat()}"
    return hashlib.sha256(seed.encode()).hexdigest()[:32]


def prefill_answers(db: Database, project_id: int, form_id: str) -> dict[str, Any]:
    """The answers a package of the form would carry for the project: what the project already holds."""
    definition = shipped_forms().latest(form_id)
    with db.transaction() as session:
        return _snapshot(_load_project(session, project_id), definition).prefill


def export_package(db: Database, paths: Paths, actor: str, project_id: int, form_id: str, target: Path, *,
                   consultant_name: str, language: str | None = None, passphrase: str | None = None,
                   protect: bool = False) -> PackageSummary:
    """Write a `.sdform` package for the project's client: the latest version of the form, prefilled with what
    the project holds. Records the package (and what was sent) with an AuditEvent.

    With `protect`, the package is protected by a new one-time code (`summary.code`, to be told to the client by
    phone, never sent with the file): only a response made by someone who typed the code is accepted. The code is
    kept sealed to the consultant's form key (`package_code` tells it again)."""
    from shelter_app.settings import LANGUAGE, Settings

    definition = shipped_forms().latest(form_id)
    private = formkeys.consultant_key(key_file(paths), passphrase, create=True)  # signs; made on first use
    public = private.public_key
    app_language = Settings.load(paths.settings_file).get(LANGUAGE)
    package_id = formfiles.new_package_id()
    code = new_code() if protect else None
    protection = packagecode.protect(code) if code is not None else None
    with db.transaction() as session:
        loaded = _load_project(session, project_id)
        snapshot = _snapshot(loaded, definition)
        chosen = language or _language_of(session, loaded.client.id or 0, app_language)
        chosen = "es" if chosen.lower().startswith("es") else "en"
        package = formfiles.FormPackage(
            package_id=package_id, form_id=definition.id, form_version=definition.version,
            definition=definition_data(definition), language="es" if chosen == "es" else "en",
            prefill=snapshot.prefill, consultant=formfiles.ConsultantInfo(consultant_name, public),
            project=formfiles.ProjectInfo(reference=_reference(loaded.project),
                                          client_name=loaded.client.trade_name or loaded.client.legal_name,
                                          title=loaded.project.title),
            protection=protection,
        )
        file_sha = formfiles.write_package(target, package, signer=private)
        row = PackageRow(package_id=package_id, project_id=project_id, client_id=loaded.client.id or 0,
                         form_id=definition.id, form_version=definition.version, language=chosen,
                         prefill=json.dumps(snapshot.prefill, ensure_ascii=False, sort_keys=True),
                         sent_values=json.dumps(snapshot.values, ensure_ascii=False, sort_keys=True),
                         file_sha256=file_sha, created_by=actor,
                         code_sealed=(packagecode.seal_code(code, protection, public)
                                      if code is not None and protection is not None else None))
        session.add(row)
        session.flush()
        assert row.id is not None
        audit.record(session, actor, "form_package", row.id, "export", None,
                     {"package_id": package_id, "form_id": definition.id, "form_version": definition.version,
                      "project_id": project_id, "language": chosen, "file": target.name,
                      "protected": code is not None},
                     client_id=row.client_id)
        summary = _summary(row, 0, None)
    return replace(summary, code=grouped(code)) if code is not None else summary


def package_row_id(db: Database, package: str) -> int:
    """The row of a package named by its id (as the file and the export print it) or its number in this database."""
    with db.transaction() as session:
        text = package.strip()
        found = (session.get(PackageRow, int(text)) if text.isdigit() and len(text) < 12 else
                 session.exec(select(PackageRow).where(PackageRow.package_id == text.lower())).first())
        if found is None or found.id is None:
            raise UserError(f"No form package “{package}” was sent from this database.",
                            f"No se envió ningún paquete de formulario «{package}» desde esta base de datos.",
                            field="package")
        return found.id


def package_code(db: Database, paths: Paths, package_row_id: int, passphrase: str | None = None) -> str:
    """The one-time code of a protected package, grouped, to tell the client again (it needs the form key)."""
    with db.transaction() as session:
        row = rows.load(session, PackageRow, "form_package", package_row_id)
        sealed = row.code_sealed
    if sealed is None:
        raise PackageNotProtected
    private = formkeys.consultant_key(key_file(paths), passphrase, create=False)
    try:
        code, _protection = packagecode.open_code(sealed, private)
    except ValueError:
        raise CodeUnreadable from None
    return grouped(code)


# ---- review ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewRow:
    key: str
    target: str | None
    label: Text
    status: Status
    current: str
    incoming: str
    sent: str
    incoming_value: Any = None  # plain JSON (the target's shape); the answer itself for a recorded row
    current_value: Any = None
    sent_value: Any = None


@dataclass(frozen=True)
class ImportReview:
    response_id: str
    package_row_id: int
    project_id: int
    client_name: str
    project_title: str
    form_title: Text
    form_version: str
    rows: list[ReviewRow]
    already_imported_at: datetime | None
    attachments: int
    form_id: str = ""
    client_id: int = 0
    answers: dict[str, Any] = field(default_factory=dict, repr=False)
    answers_sha256: str = ""
    file_sha256: str = ""
    attachment_files: Mapping[str, bytes] = field(default_factory=dict, repr=False)
    language: str = "en"
    # the version of every record the review compared with ("client", "journey", "business_scenario:ID"): applying
    # writes against these, so a colleague's save between the review and the apply is a conflict, not overwritten
    versions: Mapping[str, int] = field(default_factory=dict)
    # who wrote it: a signed (`@2`) response is authenticated by its client installation's key (fingerprint in
    # `installation`); an older unsigned response is not (False, None)
    authenticated: bool = False
    installation: str | None = None
    installation_key: str | None = field(default=None, repr=False)  # the verify key, base64 (pinned on apply)
    written_at: datetime | None = None
    code_proven: bool | None = None  # True: the package is protected by a one-time code and the response proves it

    @property
    def changes(self) -> list[ReviewRow]:
        """Rows that would change the project (new, changed or conflicting)."""
        return [r for r in self.rows if r.status in ("new", "changed", "conflict")]


def review_response(db: Database, paths: Paths, source: Path, *, passphrase: str | None = None,
                    language: str = "en") -> ImportReview:
    """Read, decrypt, verify and validate a response, and compare it with the project: writes nothing.

    Refused (a UserError saying why, nothing written) when it is for another consultant, answers a package
    this database did not send, is damaged, tampered, oversized or of an unknown form version, or its
    answers do not pass the form's checks."""
    kf = key_file(paths)
    header = formfiles.peek_response(source)
    ours = formkeys.consultant_public_key(kf)
    our_print = formkeys.fingerprint(ours) if ours is not None else None
    if our_print is None or _digits(header.recipient) != _digits(our_print):
        raise ResponseForAnotherConsultant(header.recipient, our_print)
    private = formkeys.consultant_key(kf, passphrase, create=False)
    opened = formfiles.read_response(source, private)
    content = opened.content
    with db.transaction() as session:
        package = session.exec(select(PackageRow).where(PackageRow.package_id == content.package_id)).first()
        if package is None or package.form_id != content.form_id:
            raise ResponseFromElsewhere
        previous = session.exec(select(FormResponse).where(FormResponse.response_id == content.response_id)).first()
        installation_key = _key_text(opened.installation)
        if previous is None:
            _check_pinned(package, installation_key, content.created_at)
        code_proven = _check_code(package, opened, private)
        definition = shipped_forms().get(content.form_id, content.form_version)
        state, issues = validate_answers(definition, content.answers)
        if issues:
            raise InvalidResponse(issues)
        answers = state.to_answers()
        _check_attachments_used(definition, answers, content.attachments)
        loaded = _load_project(session, package.project_id)
        snapshot = _snapshot(loaded, definition)
        sent: dict[str, Any] = json.loads(package.sent_values or "{}")
        review_rows = _compare(definition, answers, snapshot, sent, language, loaded.contacts)
        assert package.id is not None
        return ImportReview(
            response_id=content.response_id, package_row_id=package.id, project_id=package.project_id,
            client_name=loaded.client.legal_name, project_title=loaded.project.title, form_title=definition.title,
            form_version=definition.version, rows=review_rows,
            already_imported_at=previous.imported_at if previous else None,
            attachments=len(content.attachments), form_id=definition.id, client_id=package.client_id,
            answers=answers, answers_sha256=opened.answers_sha256, file_sha256=opened.file_sha256,
            attachment_files=dict(opened.attachments), language=language, versions=_versions(loaded),
            authenticated=opened.authenticated, installation=opened.installation_fingerprint,
            installation_key=installation_key, written_at=content.created_at, code_proven=code_proven)


def _check_attachments_used(definition: FormDefinition, answers: Mapping[str, Any],
                            attached: Iterable[formfiles.AttachmentRef]) -> None:
    """Every attached file is a file answer's: a response carrying files no answer refers to is refused."""
    used = {str(a.get("sha256")) for a in file_answers(definition, answers)}
    stray = sorted({ref.name for ref in attached if ref.sha256 not in used})
    if stray:
        shown = ", ".join(stray[:5]) + (" …" if len(stray) > 5 else "")
        one = len(stray) == 1
        en = "1 file" if one else f"{len(stray)} files"
        es = "1 archivo al que ninguna respuesta se refiere" if one else \
            f"{len(stray)} archivos a los que ninguna respuesta se refiere"
        raise UserError(
            f"This response attaches {en} no answer refers to ({shown}); ShelterDesk never makes such a response. "
            "Nothing was imported.",
            f"Esta respuesta adjunta {es} ({shown}); ShelterDesk nunca hace una respuesta así. No se importó nada.")


def _key_text(key: nacl.signing.VerifyKey | None) -> str | None:
    return base64.b64encode(bytes(key)).decode("ascii") if key is not None else None


def _key_print(key_text: str) -> str:
    return formkeys.fingerprint(nacl.signing.VerifyKey(base64.b64decode(key_text)))


def _check_pinned(package: PackageRow, installation_key: str | None, written_at: datetime | None) -> None:
    """A package answered before accepts only its first installation's responses, written after the latest one."""
    if package.installation_key is not None and installation_key != package.installation_key:
        found = _key_print(installation_key) if installation_key is not None else None
        raise ResponseFromAnotherInstallation(found, _key_print(package.installation_key))
    if package.last_written_at is not None and written_at is not None and written_at < package.last_written_at:
        raise ResponseReplayed(written_at, package.last_written_at)


def _check_code(package: PackageRow, opened: formfiles.OpenedResponse, private: nacl.public.PrivateKey
                ) -> bool | None:
    """None for a package without a one-time code; True when the response proves it (`CodeNotProven` otherwise)."""
    if package.code_sealed is None:
        return None
    try:
        code, protection = packagecode.open_code(package.code_sealed, private)
    except ValueError:
        raise CodeUnreadable from None
    key = protection.key(code)
    if opened.code_proof is None or key is None:
        raise CodeNotProven(given=opened.code_proof is not None)
    if not packagecode.proves(key, opened.statement, opened.code_proof):
        raise CodeNotProven(given=True)
    return True


def _versions(loaded: _Project) -> dict[str, int]:
    """The versions of the records a review reads; a journey not yet started is version 0."""
    found = {"client": loaded.client.version,
             "journey": loaded.journey_row.version if loaded.journey_row is not None else 0}
    found.update({f"business_scenario:{row.id}": row.version for row in loaded.scenarios})
    found.update({f"contact:{c.id}": c.version for c in loaded.contacts})
    return found


def _digits(fingerprint: str) -> str:
    return "".join(fingerprint.split()).lower()


def _compare(definition: FormDefinition, answers: Mapping[str, Any], snapshot: _Snapshot,
             sent: Mapping[str, Any], language: str, contacts: list[Contact] | None = None) -> list[ReviewRow]:
    incoming = project_values(definition, answers)
    out: list[ReviewRow] = []
    for q in definition.questions():
        value = answers.get(q.name)
        if value is None or q.type is QType.NOTE:
            continue
        if not any(path in incoming for path in q.maps_to):  # unmapped, or says nothing to its targets
            out.append(ReviewRow(f"answer:{q.name}", None, q.label, "recorded", "", _show(q, value, language), "",
                                 incoming_value=value))
            continue
        for path in q.maps_to:
            if path == CONTACTS and path in incoming:
                out.extend(_compare_contacts(q, incoming[path][1], contacts or [], sent.get(path), language))
            elif path in incoming:
                out.append(_compare_target(q, TARGETS[path], value, incoming, snapshot, sent, language))
    return out


def _contact_key(index: int) -> str:
    return f"contact:{index + 1}"


def _contact_label(name: str, status: Status, differ: list[Target]) -> Text:
    """"Contact: Ana Ruiz (new)", "Contact: Ana Ruiz (changed: email, phone)"."""
    base = Text(f"Contact: {name}", f"Contacto: {name}")
    if status == "new":
        return base + Text(" (new)", " (nuevo)")
    if status in ("changed", "conflict") and differ:
        en = ", ".join(t.label.in_sentence().en for t in differ)
        es = ", ".join(t.label.in_sentence().es for t in differ)
        return base + Text(f" (changed: {en})", f" (cambia: {es})")
    return base


def _as_form(q: Question, target: Target, row: Mapping[str, Any]) -> dict[str, Any]:
    """A contact of the record as the form expresses it (and as a package sent it)."""
    answer = _answer_from(q, target, [row])
    expressed = target_value(q, target, answer) if answer is not None else None
    first = expressed[0] if isinstance(expressed, list) and expressed else {}
    return dict(_plain(first)) if isinstance(first, Mapping) else {}


def _sent_contact(sent_rows: list[Mapping[str, Any]], current: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The row the package sent for a contact of the record (same e-mail, else same name)."""
    email = str(current.get("email") or "").lower()
    name = fold_for_search(str(current.get("name") or ""))
    return (next((r for r in sent_rows if email and str(r.get("email") or "").lower() == email), None)
            or next((r for r in sent_rows if name and fold_for_search(str(r.get("name") or "")) == name), None))


def _compare_contacts(q: Question, given: Any, records: list[Contact], sent: Any, language: str) -> list[ReviewRow]:
    """A row per contact the client gave: new (the record has nobody with that e-mail or name), changed (the fields
    that differ), unchanged, or a conflict when the record's contact was edited since the package was sent."""
    target = TARGETS[CONTACTS]
    rows_in = [r if isinstance(r, Mapping) else {} for r in given] if isinstance(given, list) else []
    sent_rows = [r for r in sent if isinstance(r, Mapping)] if isinstance(sent, list) else []
    out: list[ReviewRow] = []
    for index, (row, record) in enumerate(zip(rows_in, _match_contacts(rows_in, records), strict=True)):
        new = _plain(row)
        name = str(row.get("name") or "")
        show_new = _show_plain(q, target, [new], language)
        status: Status
        if record is None:
            out.append(ReviewRow(_contact_key(index), CONTACTS, _contact_label(name, "new", []), "new", "",
                                 show_new, "", new))
            continue
        current = _as_form(q, target, _contact_fields(record))
        differ = [target.columns[k] for k in _CONTACT_KEYS if k in new and new[k] != current.get(k)]
        was = _sent_contact(sent_rows, current)
        if not differ:
            status = "unchanged"
        elif was is not None and _plain(was) == current:
            status = "changed"
        else:
            status = "conflict"  # the record's contact is not what the package showed the client: edited since
        out.append(ReviewRow(_contact_key(index), CONTACTS, _contact_label(record.name, status, differ), status,
                             _show_plain(q, target, [current], language), show_new,
                             _show_plain(q, target, [was], language) if was is not None else "",
                             new, current, was))
    return out


def _compare_target(q: Question, target: Target, value: Any, incoming: Mapping[str, Any], snapshot: _Snapshot,
                    sent: Mapping[str, Any], language: str) -> ReviewRow:
    """One target's row: new when the project had nothing, changed when it still held what was sent, conflict when
    it was edited since and the client says otherwise."""
    new = _plain(incoming[target.path][1])
    current = snapshot.values.get(target.path)
    was = sent.get(target.path)
    status: Status
    if new == current:
        status = "unchanged"
    elif current == was:
        status = "new" if current is None else "changed"
    else:
        status = "conflict"
    return ReviewRow(target.path, target.path, target.label, status,
                     _show_plain(q, target, current, language), _show(q, value, language),
                     _show_plain(q, target, was, language), new, current, was)


# ---- apply ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ApplyOutcome:
    applied: tuple[str, ...]
    skipped: tuple[str, ...]
    already_imported: bool
    checklist: ApplyResult | None
    message: Text | None = None
    response_row_id: int | None = None
    attachments_saved: int = 0
    journey_reopened: bool = False  # a new operating model sent a finished journey back to the programs step


def _already(at: datetime) -> Text:
    day = at.date().isoformat()
    return Text(f"This response was imported on {day}; nothing changed.",
                     f"Esta respuesta se importó el {day}; no cambió nada.")


def apply_response(db: Database, paths: Paths, actor: str, review: ImportReview, accepted: Collection[str]
                   ) -> ApplyOutcome:
    """Merge the accepted rows of `review` into the project in one transaction, with AuditEvents; record the
    response (and keep its attachments). The same response twice changes nothing and says so."""
    by_key = {r.key: r for r in review.rows}
    unknown = sorted(set(accepted) - set(by_key))
    if unknown:
        raise UserError(f"The review has no row {', '.join(unknown)}.",
                        f"La revisión no tiene la fila {', '.join(unknown)}.", field="accept")
    chosen = [r for r in review.rows if r.target and r.key in accepted and r.status != "unchanged"]
    chosen_contacts = [r.key for r in chosen if r.target == CONTACTS]
    chosen = [r for r in chosen if r.target != CONTACTS]
    skipped = tuple(r.key for r in review.rows
                    if r.target and r.status in ("new", "changed", "conflict") and r.key not in accepted)
    definition = shipped_forms().get(review.form_id, review.form_version)
    values = {path: value for path, (_, value) in project_values(definition, review.answers).items()}
    journey_changed = False
    with db.transaction() as session:
        previous = session.exec(select(FormResponse).where(FormResponse.response_id == review.response_id)).first()
        if previous is not None:
            return ApplyOutcome((), (), True, None, _already(previous.imported_at), previous.id)
        package = session.get(PackageRow, review.package_row_id)
        if package is None or package.project_id != review.project_id:
            raise ResponseFromElsewhere
        _check_pinned(package, review.installation_key, review.written_at)  # pinned since the review: check again
        if package.installation_key is None and review.installation_key is not None:
            package.installation_key = review.installation_key
        if review.written_at is not None and (package.last_written_at is None
                                              or review.written_at > package.last_written_at):
            package.last_written_at = review.written_at
        session.add(package)
        loaded = _load_project(session, review.project_id)
        if review.versions:  # what was reviewed is what is written over: a later save is a conflict
            loaded.reviewed = dict(review.versions)
        was_finished = loaded.journey_row is not None and loaded.journey_row.completed
        targets = {r.target: values[r.target] for r in chosen if r.target in values}
        client_values = {p: v for p, v in targets.items() if p.startswith("client.")}
        journey_values = {p: v for p, v in targets.items() if p.startswith("journey.")}
        case_values = {p: v for p, v in targets.items() if p.startswith("business_case.")}
        if client_values:
            _apply_client(session, actor, loaded, client_values)
        if journey_values:
            journey_changed = _apply_journey(session, actor, loaded, journey_values)
        if case_values:
            _apply_business_case(session, actor, loaded, case_values)
        contact_keys = _apply_contacts(session, actor, loaded, values.get(CONTACTS), chosen_contacts)
        applied = tuple(r.key for r in chosen if r.target in targets) + contact_keys
        response = FormResponse(response_id=review.response_id, package_row_id=review.package_row_id,
                                project_id=review.project_id, client_id=loaded.client.id or 0,
                                form_id=review.form_id, form_version=review.form_version,
                                answers=json.dumps(review.answers, ensure_ascii=False, sort_keys=True),
                                answers_sha256=review.answers_sha256, file_sha256=review.file_sha256,
                                applied=json.dumps(sorted(targets) + list(contact_keys)), imported_by=actor)
        session.add(response)
        session.flush()
        assert response.id is not None
        audit.record(session, actor, "form_response", response.id, "import", None,
                     {"response_id": review.response_id, "package_id": package.package_id,
                      "form_id": review.form_id, "form_version": review.form_version,
                      "applied": sorted(targets) + list(contact_keys),
                      "skipped": list(skipped), "attachments": review.attachments},
                     client_id=loaded.client.id)
        saved = _keep_attachments(paths, review.attachment_files)
        response_row_id = response.id
    checklist: ApplyResult | None = None
    reopened = False
    if journey_changed:
        from shelter_app.services import checklists

        state = checklists.get_journey(db, review.project_id)
        if state.journey.can_finish:
            checklist = checklists.apply_journey(db, actor, review.project_id)
        reopened = was_finished and not state.journey.can_finish
    return ApplyOutcome(applied, skipped, False, checklist, None, response_row_id, saved, reopened)


def _keep_attachments(paths: Paths, files: Mapping[str, bytes]) -> int:
    folder = form_files_dir(paths)
    for sha, data in files.items():
        if hashlib.sha256(data).hexdigest() != sha:  # formfiles checked it; a bug if this ever fires
            raise RuntimeError(f"attachment {sha} does not match its hash")
        path = stored_path(folder, sha)
        if not path.exists():
            formkeys.write_file_atomically(path, data, 0o600)
    return len(files)


def _apply_client(session: Session, actor: str, loaded: _Project, values: Mapping[str, Any]) -> None:
    from shelter_app.services.clients import CLIENT_FIELDS, _check_duplicates, _derived

    client = loaded.client
    current = ClientFields(**{k: getattr(client, k) for k in CLIENT_FIELDS})
    changes = {path.removeprefix("client."): value for path, value in values.items()}
    try:
        cleaned = clean_client(ClientFields(**{**current.__dict__, **changes})).value
        _check_duplicates(session, cleaned, client.id)
    except UserError as exc:
        raise ProjectRefusesAnswers("The client's details", "Los datos del cliente", exc) from None
    from dataclasses import asdict

    assert client.id is not None
    rows.update(session, Client, "client", client.id, loaded.expected("client", client.version), asdict(cleaned),
                actor, derived=_derived(cleaned))


def _apply_contacts(session: Session, actor: str, loaded: _Project, given: Any, keys: Collection[str]
                    ) -> tuple[str, ...]:
    """Create or update the accepted contacts (rows `contact:N` of the review) by the contacts service's rules,
    with an AuditEvent each; a contact those rules refuse stops the whole apply with its message."""
    from shelter_app.services.contacts import _values

    if not keys or not isinstance(given, list):
        return ()
    rows_in = [r if isinstance(r, Mapping) else {} for r in given]
    client_id = loaded.client.id
    assert client_id is not None
    done: list[str] = []
    for index, (row, record) in enumerate(zip(rows_in, _match_contacts(rows_in, loaded.contacts), strict=True)):
        key = _contact_key(index)
        if key not in keys:
            continue
        base: dict[str, Any] = _contact_fields(record) if record is not None else {}
        merged = {**base, **{k: str(v) for k, v in row.items() if k in _CONTACT_KEYS and v not in (None, "")}}
        name = str(merged.get("name", ""))
        try:
            cleaned = clean_contact(ContactFields(
                name=name, role=str(merged.get("role", "")), email=str(merged.get("email", "")),
                phone=str(merged.get("phone", "")),
                preferred_language=merged.get("preferred_language", Language.ES))).value  # its rules check it
        except UserError as exc:
            raise ProjectRefusesAnswers(f"The contact “{name}”", f"El contacto «{name}»", exc) from None
        if record is None:
            contact = Contact(client_id=client_id, **_values(cleaned))
            session.add(contact)
            session.flush()
            assert contact.id is not None
            audit.record(session, actor, "contact", contact.id, "create", None, _values(cleaned), client_id=client_id)
        else:
            assert record.id is not None
            rows.update(session, Contact, "contact", record.id, loaded.expected(f"contact:{record.id}", record.version),
                        _values(cleaned), actor)
        done.append(key)
    return tuple(done)


def _apply_journey(session: Session, actor: str, loaded: _Project, values: Mapping[str, Any]) -> bool:
    data = copy.deepcopy(loaded.journey)
    answers = data.setdefault("answers", {})
    old_path = answers.get(Step.OPERATING_MODEL.value, {}).get("path")
    for path, value in values.items():
        step, _, name = path.removeprefix("journey.").partition(".")
        stored = _journey_roles(answers.get(step, {}).get("roles"), value) \
            if name == "roles" and isinstance(value, list) else value
        answers.setdefault(step, {})[name] = stored
    _reconcile_programs(data, old_path, {p.rsplit(".", 1)[-1] for p in values if p.startswith("journey.programs.")})
    try:
        journey = Journey.from_dict(data)
    except ValidationError as exc:
        raise ProjectRefusesAnswers("The setup journey", "El recorrido de instalación", exc) from None
    text = journey.to_json()
    stored = loaded.journey_row
    new_values: dict[str, Any] = {"answers": text, "step": str(journey.current), "completed": journey.can_finish}
    client_id = loaded.client.id
    if stored is None:
        assert loaded.project.id is not None
        stored = ProjectJourney(project_id=loaded.project.id, **new_values)
        session.add(stored)
        session.flush()
        audit.record(session, actor, "journey", stored.id or 0, "create", None, new_values, client_id=client_id)
        return True
    _, changed = rows.update(session, ProjectJourney, "journey", stored.id or 0,
                             loaded.expected("journey", stored.version), new_values, actor)
    return bool(changed)


def _reconcile_programs(data: dict[str, Any], old_path: object, incoming: set[str]) -> None:
    """The programs step asks other questions on each branch (as the wizard does when the operating model
    changes): keep the stored answers the new branch asks, drop the rest, and send a journey that had passed
    the programs step back to it, to be answered for the new branch; an accepted answer the branch does not ask is
    refused by the journey's own check, with its message."""
    answers: dict[str, Any] = data["answers"]
    new_path = answers.get(Step.OPERATING_MODEL.value, {}).get("path")
    if old_path is not None and new_path != old_path and Step.PROGRAMS.value in data.get("history", []):
        data["current"] = Step.PROGRAMS.value
        data["history"] = [s.value for s in STEPS[:STEPS.index(Step.PROGRAMS)]]
    programs = answers.get(Step.PROGRAMS.value)
    if not programs:
        return
    if new_path is None:
        if incoming:
            raise ProjectRefusesAnswers(
                "The setup journey", "El recorrido de instalación", ValidationError(
                    "the customs and tax program answers need the operating model first: accept the operating "
                    "model too, or leave the program rows unticked.",
                    "las respuestas de programas aduaneros y fiscales requieren antes el modelo de operación: "
                    "acepte también el modelo de operación o deje sin marcar esas filas.", field="path"))
        return
    if new_path != old_path:  # the accepted answers stay as given: the journey's own check judges them
        kept = programs_for_path({k: v for k, v in programs.items() if k not in incoming}, JourneyPath(str(new_path)))
        answers[Step.PROGRAMS.value] = {**kept, **{k: v for k, v in programs.items() if k in incoming}}


def _journey_roles(existing: Any, rows_in: list[Any]) -> list[dict[str, Any]]:
    """The form's roles with their shifts: the project's for a role it already has, else one."""
    shifts = {fold_for_search(str(r.get("role", ""))): r.get("shifts") for r in existing or []
              if isinstance(r, Mapping)}
    out: list[dict[str, Any]] = []
    for row in rows_in:
        item = dict(row)
        item.setdefault("shifts", shifts.get(fold_for_search(str(item.get("role", "")))) or 1)
        out.append(item)
    return out


def _apply_business_case(session: Session, actor: str, loaded: _Project, values: Mapping[str, Any]) -> None:
    from shelter_app.services.scenarios import _view, check_document, dumps

    for row in loaded.scenarios:
        view = _view(row)
        document = copy.deepcopy(view.document)
        for path, value in values.items():
            parts = path.removeprefix("business_case.").split(".")
            node = document
            for part in parts[:-1]:
                child = node.get(part)
                if not isinstance(child, dict):
                    child = node[part] = {}
                node = child
            zone = str(document.get("location", {}).get("wage_zone", "general"))
            node[parts[-1]] = _case_roles(node.get("roles"), value, zone) \
                if path == "business_case.workforce.roles" and isinstance(value, list) else value
            marks.unmark(document, path.removeprefix("business_case."))
        try:
            check_document(document)
        except UserError as exc:
            raise ProjectRefusesAnswers(f"The business-case scenario “{row.name}” would no longer compute",
                                        f"El escenario “{row.name}” del caso de negocio ya no se podría calcular",
                                        exc) from None
        assert row.id is not None
        rows.update(session, BusinessScenario, "business_scenario", row.id,
                    loaded.expected(f"business_scenario:{row.id}", row.version), {"document": dumps(document)}, actor)


def _case_roles(existing: Any, rows_in: list[Any], wage_zone: str) -> list[dict[str, Any]]:
    """The form's roles as business-case roles: a role the scenario has (same name) keeps its id, benefits and
    flags; a new one is made as every new role is (`core.scenario_prefill.new_role`), with the typical wage
    of its job family in the scenario's minimum-wage zone."""
    old = [r for r in existing or [] if isinstance(r, Mapping)]
    by_name = {fold_for_search(str(r.get("name", ""))): r for r in old}
    taken = {str(r.get("id")) for r in old}
    out: list[dict[str, Any]] = []
    used: set[str] = set()
    largest = max((_number(r.get("headcount")) or Decimal(0) for r in rows_in), default=Decimal(0))
    for given in rows_in:
        name = str(given.get("name", ""))
        match = by_name.get(fold_for_search(name))
        if match is not None and str(match.get("id")) not in used:
            role = copy.deepcopy(dict(match))
        else:
            heads = _number(given.get("headcount")) or Decimal(0)
            role = new_role(name, heads, wage_zone, taken, largest=heads == largest)
        used.add(str(role["id"]))
        for column, value in given.items():
            role[column] = Decimal(value) if isinstance(value, int) and not isinstance(value, bool) else value
        out.append(role)
    return out


# ---- responses imported ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResponseSummary:
    response_row_id: int
    response_id: str
    package_row_id: int
    form_id: str
    form_version: str
    form_title: Text
    imported_at: datetime
    imported_by: str
    applied: tuple[str, ...]


def list_responses(db: Database, project_id: int) -> list[ResponseSummary]:
    with db.transaction() as session:
        rows.load(session, Project, "project", project_id)
        found = session.exec(select(FormResponse).where(FormResponse.project_id == project_id)
                             .order_by(col(FormResponse.imported_at), col(FormResponse.id))).all()
        return [ResponseSummary(r.id or 0, r.response_id, r.package_row_id, r.form_id, r.form_version,
                                _form_title(r.form_id, r.form_version), r.imported_at, r.imported_by,
                                tuple(json.loads(r.applied or "[]"))) for r in found]


def response_answers(db: Database, response_row_id: int) -> dict[str, Any]:
    """An imported response's answers as validated on import (to print it for the record); its form version is
    `shipped_forms().get(form_id, form_version)` of its `ResponseSummary`."""
    with db.transaction() as session:
        row = rows.load(session, FormResponse, "form_response", response_row_id)
        answers = json.loads(row.answers)
    if not isinstance(answers, dict):
        raise ValueError(f"form response {response_row_id} holds no answers object")
    return answers

"""The client portfolio's vocabulary and the rules for its fields, without storage.

Services call `clean_client`, `clean_contact` and `clean_project` before every write, so the
CLI, the GUI and imports all apply the same checks and get the same bilingual messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Final, Generic, TypeVar

from shelter_app.core.bilingual import Text
from shelter_app.core.errors import ValidationError, ValidationErrors
from shelter_app.core.identifiers import (
    IdentifierWarning,
    validate_email,
    validate_phone,
    validate_rfc,
)
from shelter_app.core.text import clean_text

T = TypeVar("T")

NAME_MAX = 200
TEXT_MAX = 500
NOTES_MAX = 20_000
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_URL = re.compile(r"^(https?://)?[A-Za-z0-9.-]+\.[A-Za-z]{2,}(/\S*)?$")


class OperatingModel(StrEnum):
    """How the client will operate in Mexico."""

    SHELTER = "shelter"
    OWN_ENTITY = "own_entity"
    UNDECIDED = "undecided"


class Stage(StrEnum):
    """Where a setup engagement stands, in the order a project moves through them."""

    PROSPECT = "prospect"
    ASSESSMENT = "assessment"
    PROPOSAL = "proposal"
    CONTRACTING = "contracting"
    SETUP = "setup"
    OPERATING = "operating"
    CLOSED = "closed"


class Language(StrEnum):
    EN = "en"
    ES = "es"


OPERATING_MODEL_LABELS: Final[dict[OperatingModel, Text]] = {
    OperatingModel.SHELTER: Text("Shelter", "Albergue"),
    OperatingModel.OWN_ENTITY: Text("Own entity", "Entidad propia"),
    OperatingModel.UNDECIDED: Text("Undecided", "Por definir"),
}
"""The operating models as screens and documents name them."""

STAGE_LABELS: Final[dict[Stage, Text]] = {
    Stage.PROSPECT: Text("Prospect", "Prospecto"),
    Stage.ASSESSMENT: Text("Assessment", "Evaluación"),
    Stage.PROPOSAL: Text("Proposal", "Propuesta"),
    Stage.CONTRACTING: Text("Contracting", "Contratación"),
    Stage.SETUP: Text("Set-up", "Arranque"),
    Stage.OPERATING: Text("Operating", "En operación"),
    Stage.CLOSED: Text("Closed", "Cerrado"),
}
"""A project's stages as screens and documents name them, in their order."""

LANGUAGE_LABELS: Final[dict[Language, Text]] = {
    Language.EN: Text("English", "Inglés"),
    Language.ES: Text("Spanish", "Español"),
}


@dataclass(frozen=True)
class ClientFields:
    legal_name: str
    trade_name: str = ""
    country: str = "MX"
    rfc: str | None = None
    industry: str = ""
    hq_address: str = ""
    website: str = ""
    notes: str = ""


@dataclass(frozen=True)
class ContactFields:
    name: str
    role: str = ""
    email: str = ""
    phone: str = ""
    preferred_language: Language = Language.ES


@dataclass(frozen=True)
class ProjectFields:
    title: str
    operating_model: OperatingModel = OperatingModel.UNDECIDED
    target_start: date | None = None
    stage: Stage = Stage.PROSPECT
    consultant: str = ""


@dataclass(frozen=True)
class Cleaned(Generic[T]):
    """Clean values plus warnings the user should see but that do not block saving."""

    value: T
    warnings: tuple[IdentifierWarning, ...] = field(default=())


def _required_name(errors: dict[str, ValidationError], key: str, value: str, en: str, es: str) -> str:
    value = clean_text(value)
    if not value:
        errors[key] = ValidationError(f"{en} is required.", f"{es} es obligatorio.", field=key)
    elif len(value) > NAME_MAX:
        errors[key] = ValidationError(
            f"{en} is too long: {len(value)} characters, at most {NAME_MAX}.",
            f"{es} es demasiado largo: {len(value)} caracteres, máximo {NAME_MAX}.",
            field=key,
        )
    return value


def _optional_text(errors: dict[str, ValidationError], key: str, value: str, limit: int, en: str, es: str) -> str:
    value = value.strip()
    if len(value) > limit:
        errors[key] = ValidationError(
            f"{en} is too long: {len(value)} characters, at most {limit}.",
            f"{es} es demasiado largo: {len(value)} caracteres, máximo {limit}.",
            field=key,
        )
    return value


def clean_client(fields: ClientFields) -> Cleaned[ClientFields]:
    """Normalise and check a client's fields; raise `ValidationErrors` naming every bad field."""
    errors: dict[str, ValidationError] = {}
    warnings: tuple[IdentifierWarning, ...] = ()
    legal_name = _required_name(errors, "legal_name", fields.legal_name, "The legal name", "La razón social")
    trade_name = _optional_text(errors, "trade_name", clean_text(fields.trade_name), NAME_MAX,
                                "The trade name", "El nombre comercial")
    country = fields.country.strip().upper()
    if not _COUNTRY.match(country):
        errors["country"] = ValidationError(
            f"The country must be a two-letter ISO code such as MX or US, not “{fields.country}”.",
            f"El país debe ser un código ISO de dos letras como MX o US, no “{fields.country}”.",
            field="country",
        )
    rfc: str | None = None
    if fields.rfc and fields.rfc.strip():
        try:
            check = validate_rfc(fields.rfc)
        except ValidationError as exc:
            errors["rfc"] = exc
        else:
            rfc, warnings = check.rfc, check.warnings
    website = fields.website.strip()
    if website and not _URL.match(website):
        errors["website"] = ValidationError(
            f"“{website}” is not a web address (example: https://example.com).",
            f"“{website}” no es una dirección web (ejemplo: https://example.com).",
            field="website",
        )
    industry = _optional_text(errors, "industry", clean_text(fields.industry), NAME_MAX, "The industry", "El sector")
    hq_address = _optional_text(errors, "hq_address", fields.hq_address, TEXT_MAX,
                                "The address", "El domicilio")
    notes = _optional_text(errors, "notes", fields.notes, NOTES_MAX, "The notes", "Las notas")
    if errors:
        raise ValidationErrors(errors)
    cleaned = replace(fields, legal_name=legal_name, trade_name=trade_name, country=country, rfc=rfc,
                      website=website, industry=industry, hq_address=hq_address, notes=notes)
    return Cleaned(cleaned, warnings)


def clean_contact(fields: ContactFields) -> Cleaned[ContactFields]:
    errors: dict[str, ValidationError] = {}
    name = _required_name(errors, "name", fields.name, "The contact's name", "El nombre del contacto")
    role = _optional_text(errors, "role", clean_text(fields.role), NAME_MAX, "The role", "El puesto")
    email = fields.email.strip()
    if email:
        try:
            email = validate_email(email)
        except ValidationError as exc:
            errors["email"] = exc
    phone = fields.phone.strip()
    if phone:
        try:
            phone = validate_phone(phone)
        except ValidationError as exc:
            errors["phone"] = exc
    try:
        language = Language(fields.preferred_language)
    except ValueError:
        errors["preferred_language"] = ValidationError(
            f"Unknown language “{fields.preferred_language}”: use en or es.",
            f"Idioma desconocido “{fields.preferred_language}”: use en o es.",
            field="preferred_language",
        )
        language = Language.ES
    if errors:
        raise ValidationErrors(errors)
    return Cleaned(replace(fields, name=name, role=role, email=email, phone=phone, preferred_language=language))


def clean_project(fields: ProjectFields) -> Cleaned[ProjectFields]:
    errors: dict[str, ValidationError] = {}
    title = _required_name(errors, "title", fields.title, "The project title", "El título del proyecto")
    consultant = _optional_text(errors, "consultant", clean_text(fields.consultant), NAME_MAX,
                                "The consultant's name", "El nombre del consultor")
    try:
        model = OperatingModel(fields.operating_model)
    except ValueError:
        errors["operating_model"] = ValidationError(
            f"Unknown operating model “{fields.operating_model}”: use shelter, own_entity or undecided.",
            f"Modelo de operación desconocido “{fields.operating_model}”: use shelter, own_entity o undecided.",
            field="operating_model",
        )
        model = OperatingModel.UNDECIDED
    try:
        stage = Stage(fields.stage)
    except ValueError:
        names = ", ".join(s.value for s in Stage)
        errors["stage"] = ValidationError(
            f"Unknown stage “{fields.stage}”: use one of {names}.",
            f"Etapa desconocida “{fields.stage}”: use una de {names}.",
            field="stage",
        )
        stage = Stage.PROSPECT
    if fields.target_start is not None and not isinstance(fields.target_start, date):
        errors["target_start"] = ValidationError(
            "The target start must be a date.", "El inicio previsto debe ser una fecha.", field="target_start"
        )
    elif fields.target_start is not None and not (date(2000, 1, 1) <= fields.target_start <= date(2100, 12, 31)):
        errors["target_start"] = ValidationError(
            f"The target start {fields.target_start.isoformat()} is outside 2000–2100.",
            f"El inicio previsto {fields.target_start.isoformat()} está fuera de 2000–2100.",
            field="target_start",
        )
    if errors:
        raise ValidationErrors(errors)
    return Cleaned(replace(fields, title=title, consultant=consultant, operating_model=model, stage=stage))

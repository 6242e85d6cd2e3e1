"""Where an answer goes in the project: the targets a definition's `maps_to` may name, and the conversion.

The list is closed: a definition naming any other target, or a question whose type cannot fill its target,
is refused when it loads. `project_values` turns a response's answers into {target: value} in the shape the
target's owner stores (journey answers as JSON text values, business-case fields as Decimal/int, client
fields as text); the services compare these with the project and apply them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Final

from shelter_app.core.answers import Flag, ImmexModality, Path
from shelter_app.core.bilingual import Text
from shelter_app.core.business_case.schema import Node, Shape, document_fields
from shelter_app.core.forms.model import FormDefinition, QType, Question
from shelter_app.core.wage_zones import STATES


class Kind(StrEnum):
    TEXT = "text"
    BOOL = "bool"
    CHOICE = "choice"
    AMOUNT = "amount"  # money in `currency` (journey: decimal text; business case: Decimal)
    NUMBER = "number"  # decimal, integer or money in `currency`
    INTEGER = "integer"
    PERCENT = "percent"
    DATE = "date"
    ROWS = "rows"
    COUNTRY = "country"  # a two-letter ISO code; the choice OTHER_COUNTRY says "one not listed" and sets nothing


OTHER_COUNTRY: Final = "OTHER"
"""The choice of a country question that names no country of its list: the record keeps its own country."""
_COUNTRY_CODE: Final = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True)
class Target:
    path: str
    kind: Kind
    label: Text
    currency: str = ""
    choices: frozenset[str] = frozenset()
    columns: Mapping[str, Target] = field(default_factory=dict)
    required_columns: frozenset[str] = frozenset()

    @property
    def owner(self) -> str:
        """"client", "journey" or "business_case"."""
        return self.path.split(".", 1)[0]


_ACCEPTS: Final[dict[Kind, frozenset[QType]]] = {
    Kind.TEXT: frozenset({QType.TEXT, QType.LONG_TEXT, QType.EMAIL, QType.PHONE, QType.RFC, QType.CURP,
                          QType.POSTAL_CODE, QType.TARIFF_CODE, QType.SELECT_ONE}),
    Kind.BOOL: frozenset({QType.YES_NO}),
    Kind.CHOICE: frozenset({QType.SELECT_ONE}),
    Kind.AMOUNT: frozenset({QType.MONEY}),
    Kind.NUMBER: frozenset({QType.DECIMAL, QType.INTEGER, QType.MONEY}),
    Kind.INTEGER: frozenset({QType.INTEGER}),
    Kind.PERCENT: frozenset({QType.PERCENT}),
    Kind.DATE: frozenset({QType.DATE}),
    Kind.ROWS: frozenset({QType.REPEAT}),
    Kind.COUNTRY: frozenset({QType.SELECT_ONE}),
}


def _t(path: str, kind: Kind, en: str, es: str, **extra: object) -> Target:
    return Target(path, kind, Text(en, es), **extra)  # type: ignore[arg-type]


def _flag(step: str, flag: Flag, en: str, es: str) -> Target:
    return _t(f"journey.{step}.{flag.value}", Kind.BOOL, en, es)


_ROLE_COLUMNS: Final = {
    "role": _t("role", Kind.TEXT, "Role", "Puesto"),
    "headcount": _t("headcount", Kind.INTEGER, "Headcount", "Plantilla"),
    "shifts": _t("shifts", Kind.INTEGER, "Shifts", "Turnos"),
}

_CONTACT_COLUMNS: Final = {  # the contacts service's fields (`core.portfolio.ContactFields`)
    "name": _t("name", Kind.TEXT, "Name", "Nombre"),
    "role": _t("role", Kind.TEXT, "Job title", "Puesto"),
    "email": _t("email", Kind.TEXT, "Email", "Correo electrónico"),
    "phone": _t("phone", Kind.TEXT, "Phone", "Teléfono"),
    "preferred_language": _t("preferred_language", Kind.CHOICE, "Preferred language", "Idioma preferido",
                             choices=frozenset({"en", "es"})),
}
CONTACTS: Final = "client.contacts"
"""The client's contacts: each row of the answer is a contact, matched with the record's by e-mail, else by name."""

_PROJECT_TARGETS: Final = (
    _t("client.legal_name", Kind.TEXT, "Legal name", "Razón social"),
    _t("client.trade_name", Kind.TEXT, "Trade name", "Nombre comercial"),
    _t("client.rfc", Kind.TEXT, "RFC", "RFC"),
    _t("client.industry", Kind.TEXT, "Industry", "Industria"),
    _t("client.website", Kind.TEXT, "Website", "Sitio web"),
    _t("client.hq_address", Kind.TEXT, "Headquarters address", "Domicilio de la matriz"),
    _t("client.country", Kind.COUNTRY, "Country of the headquarters", "País de la sede corporativa"),
    _t(CONTACTS, Kind.ROWS, "Contacts", "Contactos", columns=_CONTACT_COLUMNS, required_columns=frozenset({"name"})),
    _t("journey.profile.annual_sales_usd", Kind.AMOUNT, "Total annual sales", "Ventas totales anuales",
       currency="USD"),
    _t("journey.profile.annual_exports_usd", Kind.AMOUNT, "Annual exports", "Exportaciones anuales", currency="USD"),
    _t("journey.profile.monthly_temporary_imports_mxn", Kind.AMOUNT, "Monthly temporary imports",
       "Importaciones temporales mensuales", currency="MXN"),
    _t("journey.operating_model.path", Kind.CHOICE, "Operating model", "Modelo de operación",
       choices=frozenset(p.value for p in Path)),
    _t("journey.site.state", Kind.CHOICE, "State", "Estado", choices=frozenset(STATES)),
    _t("journey.site.city", Kind.TEXT, "City", "Ciudad"),
    _t("journey.site.municipality", Kind.TEXT, "Municipality", "Municipio"),
    _t("journey.site.industrial_park", Kind.TEXT, "Industrial park", "Parque industrial"),
    _flag("site", Flag.BUILDS_NEW_PLANT, "Builds a new plant", "Construye una planta nueva"),
    _flag("site", Flag.HANDLES_HAZARDOUS_MATERIALS, "Handles hazardous materials", "Maneja materiales peligrosos"),
    _t("journey.labor.roles", Kind.ROWS, "Headcount by role", "Plantilla por puesto", columns=_ROLE_COLUMNS,
       required_columns=frozenset({"role", "headcount"})),
    _flag("labor", Flag.USES_SPECIALIZED_SUBCONTRACTING, "Uses specialized subcontracting (REPSE)",
          "Usa subcontratación especializada (REPSE)"),
    _t("journey.programs.immex_modality", Kind.CHOICE, "IMMEX modality", "Modalidad IMMEX",
       choices=frozenset(m.value for m in ImmexModality if m is not ImmexModality.ALBERGUE)),
    _t("journey.programs.civa_rubro", Kind.CHOICE, "IVA/IEPS rubro sought", "Rubro de IVA e IEPS buscado",
       choices=frozenset({"A", "AA", "AAA"})),
    _t("journey.programs.temporary_imports_returned_pct", Kind.PERCENT, "Temporary imports returned",
       "Importaciones temporales retornadas"),
    _flag("programs", Flag.IMPORTS_ANNEX_II, "Imports Annex II goods", "Importa mercancías del Anexo II"),
    _flag("programs", Flag.USES_PROSEC, "Uses PROSEC", "Usa PROSEC"),
    _flag("programs", Flag.USES_REGLA_OCTAVA, "Uses the Eighth Rule", "Usa la Regla Octava"),
    _flag("programs", Flag.EXPORTS_UNDER_USMCA, "Exports with USMCA preference", "Exporta con preferencia T-MEC"),
    _t("journey.timeline.kickoff", Kind.DATE, "Kickoff date", "Fecha de inicio"),
)


def _kind(n: Node) -> Kind:
    """The target kind of a business-case field, from its shape."""
    kinds = {Shape.TEXT: Kind.TEXT, Shape.BOOL: Kind.BOOL, Shape.NUMBER: Kind.NUMBER, Shape.INTEGER: Kind.INTEGER,
             Shape.CHOICE: Kind.CHOICE, Shape.DATE: Kind.DATE, Shape.OBJECT_LIST: Kind.ROWS}
    return kinds[n.shape]


def _business_target(n: Node, prefix: str, parent: Text | None) -> Target:
    """A business-case field as a target: its label names its section and its unit (`Facility: leased area
    (sq ft)`), its currency is its unit's, a table's columns are its element's form fields."""
    label = n.label
    if n.meta.unit is not None and n.meta.unit.symbol.en:
        label = label + Text(f" ({n.meta.unit.symbol.en})", f" ({n.meta.unit.symbol.es})")
    if parent is not None:
        label = parent + Text.same(": ") + label.in_sentence()
    columns = {c.key: _business_target(c, "", None) for c in n.children if c.meta.form}
    path = f"{prefix}{n.path}" if prefix else n.key  # a column is named by its key in the row
    return Target(path, _kind(n), label, n.meta.unit.currency if n.meta.unit else "",
                  frozenset(c.json for c in n.meta.choices), columns,
                  frozenset(c.key for c in n.children if c.meta.form and c.meta.form_required))


def _business_targets() -> tuple[Target, ...]:
    """Every field of the scenario declared as a form target (`spec(..., form=True)`)."""
    found = []
    for section in document_fields():
        for n in section.children:
            if n.meta.form:
                found.append(_business_target(n, "business_case.", None if n.shape is Shape.OBJECT_LIST
                                              else section.label))
    return tuple(found)


TARGETS: Final[dict[str, Target]] = {t.path: t for t in (*_PROJECT_TARGETS, *_business_targets())}


def check_mapping(q: Question, target: Target) -> str | None:
    """Why `q` cannot fill `target` (English, for the form author), or None when it can."""
    kind = q.result if q.type is QType.CALCULATE else q.type
    if kind not in _ACCEPTS[target.kind]:
        return f"a {q.type.value} question cannot fill {target.path} (a {target.kind.value})"
    if kind is QType.MONEY and target.currency and tuple(q.currencies) != (target.currency,):
        return f"{target.path} is in {target.currency}: give the question `currency: {target.currency}`"
    if kind is QType.MONEY and not target.currency:
        return f"{target.path} is not an amount of money"
    if target.kind is Kind.COUNTRY:
        odd = sorted(c.value for c in q.choices if c.value != OTHER_COUNTRY and not _COUNTRY_CODE.match(c.value))
        if odd:
            return (f"{target.path} takes two-letter ISO country codes (or {OTHER_COUNTRY} for one not listed), "
                    f"not {', '.join(odd)}")
    if target.kind is Kind.CHOICE:
        extra = sorted({c.value for c in q.choices} - target.choices)
        if extra:
            return f"{target.path} does not accept the choices {', '.join(extra)}"
    if target.kind is Kind.ROWS:
        columns = {c for f in q.fields for c in f.maps_to}
        missing = sorted(target.required_columns - columns)
        if missing:
            return f"{target.path} needs row questions mapped to {', '.join(missing)}"
        for f in q.fields:
            column = column_of(f, target)
            if column is None:
                continue
            problem = check_mapping(f, column)
            if problem:
                return f"row question {f.name}: {problem}"
    return None


def column_of(row_question: Question, target: Target) -> Target | None:
    """The column of a rows `target` that a row question fills: the first of its `maps_to` names the target has
    (a row question may name one column per target, e.g. `[role, name]`)."""
    return next((target.columns[c] for c in row_question.maps_to if c in target.columns), None)


def unknown_columns(q: Question, targets: list[Target]) -> list[str]:
    """Row column names that none of the group's targets has (a misspelling, for the form author)."""
    known = {c for t in targets for c in t.columns}
    return sorted({c for f in q.fields for c in f.maps_to} - known)


def target_value(q: Question, target: Target, value: object) -> object:
    """An answer (canonical) in the target's shape; journey values stay JSON text as the journey stores them."""
    journey = target.owner in {"journey", "client"}
    if target.kind is Kind.COUNTRY:
        return None if value == OTHER_COUNTRY else value
    if target.kind is Kind.ROWS and isinstance(value, list):
        rows = []
        for row in value:
            out: dict[str, object] = {}
            for f in q.fields:
                column = column_of(f, target)
                if column is not None and isinstance(row, Mapping) and row.get(f.name) is not None:
                    out[column.path] = target_value(f, Target(f"{target.owner}.x", column.kind, column.label,
                                                          column.currency), row[f.name])
            rows.append(out)
        return rows
    if isinstance(value, Mapping) and "amount" in value:  # money
        amount = Decimal(str(value["amount"]))
        return str(value["amount"]) if journey else amount
    if target.kind in (Kind.NUMBER, Kind.INTEGER) and not journey:
        if isinstance(value, str):
            number = Decimal(value)
            return int(number) if number == number.to_integral_value() else number
        return value
    return value


def project_values(definition: FormDefinition, answers: Mapping[str, object]) -> dict[str, tuple[Question, object]]:
    """{target path: (question, value in the target's shape)} for every answered, mapped question whose answer says
    something to the target (a country "not listed" says nothing)."""
    out: dict[str, tuple[Question, object]] = {}
    for q in definition.questions():
        if answers.get(q.name) is None:
            continue
        for path in q.maps_to:
            value = target_value(q, TARGETS[path], answers[q.name])
            if value is not None:
                out[path] = (q, value)
    return out

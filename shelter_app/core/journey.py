"""The setup journey as a Qt-free flow over a plain dict, with a Back stack (Electrum's wizard idea).

Steps: profile → operating_model → site → labor → programs → timeline → business_case. The flow
decides which step follows and which questions each step asks (`step_fields`), validates a step's
answers and keeps them in a dict that is plain JSON, so a project stores its journey as text and
the Qt wizard (`ui/journey/`) only draws the fields and shows the errors. Every branch is tested
without widgets.

The branch is in the programs step: under a shelter the IMMEX modality is the provider's albergue
program and the step asks only about the provider's certification and the trade flags; an own
entity picks its modality and its IVA/IEPS rubro. Going back and changing the operating model keeps
every later answer that still makes sense there and drops only those that do not (a modality that
no longer fits is reset). The minimum-wage zone is derived from the site, never asked.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Final, NamedTuple

from shelter_app.core import choices
from shelter_app.core.answers import (
    Applicability,
    CivaRubro,
    Flag,
    ImmexModality,
    Path,
    ProjectAnswers,
    RoleHeadcount,
)
from shelter_app.core.bilingual import Text
from shelter_app.core.eligibility import (
    CertificationStatus,
    ProviderCertification,
    Recommendation,
    recommend,
)
from shelter_app.core.errors import ValidationError
from shelter_app.core.money import Money
from shelter_app.core.text import clean_text, fold_for_search
from shelter_app.core.wage_zones import STATES, WageZoneDerivation, derive_wage_zone

FORMAT_VERSION: Final = 1
"""Version of the stored dict; `from_dict` refuses any other."""


class Step(StrEnum):
    PROFILE = "profile"
    OPERATING_MODEL = "operating_model"
    SITE = "site"
    LABOR = "labor"
    PROGRAMS = "programs"
    TIMELINE = "timeline"
    BUSINESS_CASE = "business_case"


STEPS: Final = tuple(Step)
_STEP_NAMES: Final = frozenset(s.value for s in Step)
_FLAG_NAMES: Final = frozenset(f.value for f in Flag)
"""The route, in order: no branch skips a step, branches change what a step asks."""

STEP_TITLES: Final[dict[Step, Text]] = {
    Step.PROFILE: Text("Company profile", "Perfil de la empresa"),
    Step.OPERATING_MODEL: Text("Operating model", "Modelo de operación"),
    Step.SITE: Text("Site", "Ubicación"),
    Step.LABOR: Text("Labor plan", "Plan de personal"),
    Step.PROGRAMS: Text("Customs and tax programs", "Programas aduaneros y fiscales"),
    Step.TIMELINE: Text("Start-up timeline", "Calendario de arranque"),
    Step.BUSINESS_CASE: Text("Business case", "Caso de negocio"),
}

BUSINESS_CASE_HANDOVER: Final = Text(
    "Finish saves the journey, creates the project's checklists and opens its business case. A project without "
    "a business case gets a first scenario prefilled from these answers: the site and its wage zone, the headcount "
    "plan, the operating model and the IVA/IEPS certification. Wages, rent, fees and the current plant start from "
    "indicative figures, marked until you replace them with the client's own.",
    "Finalizar guarda el recorrido, crea las listas de verificación del proyecto y abre su caso de negocio. Si el "
    "proyecto aún no tiene caso de negocio, se crea un primer escenario con estas respuestas: la ubicación y su zona "
    "salarial, la plantilla, el modelo de operación y la certificación en IVA e IEPS. Salarios, renta, cuotas y la "
    "planta actual parten de cifras indicativas, marcadas hasta que las sustituya por las del cliente.",
)
"""The last step: what finishing does, and how the business case picks up the answers."""


# --- the questions -----------------------------------------------------------------------------------------


class FieldKind(StrEnum):
    """How a question is answered, so a page can pick a widget for it."""

    TEXT = "text"  # one line
    CHOICE = "choice"  # one of `choices`
    BOOL = "bool"  # yes/no; unanswered is no
    AMOUNT = "amount"  # money, zero or more, in `unit`
    PERCENT = "percent"  # 0 to 100
    YEARS = "years"  # whole years, 0 to MAX_YEARS
    DATE = "date"
    ROLES = "roles"  # rows of role, headcount, shifts


@dataclass(frozen=True)
class Choice:
    value: str
    label: Text


@dataclass(frozen=True)
class FieldSpec:
    """One question of a step: the page draws a widget for `kind` and shows `label`."""

    name: str
    kind: FieldKind
    choices: tuple[Choice, ...]
    required: bool
    label: Text
    unit: str = ""  # "USD", "MXN" for amounts, "%" for percentages


TEXT_MAX: Final = 200
MAX_SHIFTS: Final = 3  # three 8-hour shifts fill a day
MAX_YEARS: Final = 100  # IMMEX dates from 2006 (its predecessors from 1965): a century bounds any honest answer


def _field(name: str, kind: FieldKind, en: str, es: str, *, required: bool = False,
           choices: tuple[Choice, ...] = (), unit: str = "") -> FieldSpec:
    return FieldSpec(name, kind, choices, required, Text(en, es), unit)


def _choices(*options: tuple[str, str, str]) -> tuple[Choice, ...]:
    return tuple(Choice(str(value), Text(en, es)) for value, en, es in options)  # plain str, not the enum


_RUBROS: Final = _choices(("A", "Rubro A", "Rubro A"), ("AA", "Rubro AA", "Rubro AA"),
                          ("AAA", "Rubro AAA", "Rubro AAA"))

_YES_NO: Final = _choices(("yes", "Yes", "Sí"), ("no", "No", "No"))
"""A yes/no question that may stay unanswered (its "(none)" entry): the rules tell "no" from "not known yet"."""


def _yes_no(flag: Flag, en: str, es: str) -> FieldSpec:
    return _field(flag.value, FieldKind.CHOICE, en, es, choices=_YES_NO)


YES_NO_FLAGS: Final = frozenset({Flag.FIRST_IMMEX_PROGRAM, Flag.IEPS_TAXED_INPUTS, Flag.FEDERAL_ENVIRONMENTAL_SECTOR,
                                 Flag.IMPORTS_ANNEX_10_GOODS})
"""Flags asked as yes / no / not answered (choices "yes" and "no"), not as a check box."""

_TRADE_FLAGS: Final = (
    _field(Flag.IMPORTS_ANNEX_II.value, FieldKind.BOOL, "Imports sensitive goods of Annex II of the IMMEX decree",
           "Importa mercancías sensibles del Anexo II del Decreto IMMEX"),
    _field(Flag.USES_PROSEC.value, FieldKind.BOOL, "Uses a sectoral promotion program (PROSEC)",
           "Usa un programa de promoción sectorial (PROSEC)"),
    _field(Flag.USES_REGLA_OCTAVA.value, FieldKind.BOOL, "Imports under the Eighth Rule (Regla Octava)",
           "Importa con Regla Octava"),
    _field(Flag.EXPORTS_UNDER_USMCA.value, FieldKind.BOOL, "Exports with USMCA preference",
           "Exporta con preferencia T-MEC"),
    _yes_no(Flag.IMPORTS_ANNEX_10_GOODS, "Imports goods listed in Annex 10 (sector-specific importers' register)",
            "Importa mercancías del Anexo 10 (padrón de importadores de sectores específicos)"),
)

_FIELDS: Final[dict[Step, tuple[FieldSpec, ...]]] = {
    Step.PROFILE: (
        _field("annual_sales_usd", FieldKind.AMOUNT, "Total annual sales", "Ventas totales anuales", unit="USD"),
        _field("annual_exports_usd", FieldKind.AMOUNT, "Annual exports", "Exportaciones anuales", unit="USD"),
        _field("monthly_temporary_imports_mxn", FieldKind.AMOUNT, "Monthly temporary imports (customs value)",
               "Importaciones temporales mensuales (valor en aduana)", unit="MXN"),
        _yes_no(Flag.IEPS_TAXED_INPUTS, "Temporary imports include goods that bear IEPS",
                "Las importaciones temporales incluyen mercancías gravadas con IEPS"),
        _field("monthly_ieps_imports_mxn", FieldKind.AMOUNT, "Of which IEPS-taxed, a month (customs value)",
               "De ellas, gravadas con IEPS, al mes (valor en aduana)", unit="MXN"),
        _field("ieps_rate_pct", FieldKind.PERCENT, "IEPS rate of those goods", "Tasa de IEPS de esas mercancías",
               unit="%"),
    ),
    Step.OPERATING_MODEL: (
        _field("path", FieldKind.CHOICE, "Operating model", "Modelo de operación", required=True,
               choices=_choices((Path.SHELTER, "Shelter (the provider's entity and programs)",
                                 "Albergue (entidad y programas del proveedor)"),
                                (Path.OWN_ENTITY, "Own Mexican entity", "Entidad mexicana propia"))),
    ),
    Step.SITE: (
        _field("state", FieldKind.CHOICE, "State", "Estado", required=True,
               choices=tuple(Choice(code, Text(name, name)) for code, name in STATES.items())),
        _field("city", FieldKind.TEXT, "City", "Ciudad", required=True),
        _field("municipality", FieldKind.TEXT, "Municipality (if not the city's name)",
               "Municipio (si no es el nombre de la ciudad)"),
        _field("industrial_park", FieldKind.TEXT, "Industrial park", "Parque industrial"),
        _field(Flag.BUILDS_NEW_PLANT.value, FieldKind.BOOL, "Builds a new plant (instead of leasing)",
               "Construye una planta nueva (en vez de arrendar)"),
        _field(Flag.HANDLES_HAZARDOUS_MATERIALS.value, FieldKind.BOOL, "Handles hazardous materials",
               "Maneja materiales peligrosos"),
        _yes_no(Flag.FEDERAL_ENVIRONMENTAL_SECTOR,
                "Sector of federal environmental jurisdiction (chemical, oil and petrochemical, paints and inks, "
                "automotive, pulp and paper, metallurgy, glass, power, asbestos, cement and lime, hazardous-waste "
                "treatment)",
                "Giro de jurisdicción ambiental federal (química, petróleo y petroquímica, pinturas y tintas, "
                "automotriz, celulosa y papel, metalurgia, vidrio, energía eléctrica, asbesto, cemento y cal, "
                "tratamiento de residuos peligrosos)"),
    ),
    Step.LABOR: (
        _field("roles", FieldKind.ROLES, "Headcount by role", "Plantilla por puesto", required=True),
        _field(Flag.USES_SPECIALIZED_SUBCONTRACTING.value, FieldKind.BOOL,
               "Uses specialized subcontracted services (REPSE)",
               "Usa servicios especializados subcontratados (REPSE)"),
    ),
    Step.TIMELINE: (
        _field("kickoff", FieldKind.DATE, "Kickoff date", "Fecha de inicio", required=True),
    ),
    Step.BUSINESS_CASE: (),
}

_SHELTER_PROGRAMS: Final = (
    _field("provider_certification", FieldKind.CHOICE, "The shelter's IVA/IEPS certification",
           "Certificación en IVA e IEPS del albergue", required=True,
           choices=_choices((CertificationStatus.CERTIFIED, "Certified", "Certificado"),
                            (CertificationStatus.NOT_CERTIFIED, "Not certified", "No certificado"),
                            (CertificationStatus.UNKNOWN, "Not known yet", "Aún no se sabe"))),
    _field("provider_civa_rubro", FieldKind.CHOICE, "The shelter's rubro", "Rubro del albergue", choices=_RUBROS),
    *_TRADE_FLAGS,
)

OWN_ENTITY_MODALITIES: Final = (ImmexModality.INDUSTRIAL, ImmexModality.SERVICIOS, ImmexModality.CONTROLADORA,
                                ImmexModality.TERCIARIZACION)
"""Modalities an own entity may pick: albergue is the shelter providers' modality."""

_OWN_ENTITY_PROGRAMS: Final = (
    _field("immex_modality", FieldKind.CHOICE, "IMMEX modality", "Modalidad IMMEX", required=True,
           choices=_choices((ImmexModality.INDUSTRIAL, "Industrial", "Industrial"),
                            (ImmexModality.SERVICIOS, "Services", "Servicios"),
                            (ImmexModality.CONTROLADORA, "Holding (controladora)", "Controladora"),
                            (ImmexModality.TERCIARIZACION, "Outsourcing (terciarización)", "Terciarización"))),
    _field("civa_rubro", FieldKind.CHOICE, "IVA/IEPS certification rubro sought (none yet: leave empty)",
           "Rubro de certificación en IVA e IEPS buscado (ninguno aún: dejar vacío)", choices=_RUBROS),
    _field("temporary_imports_returned_pct", FieldKind.PERCENT,
           "Temporary imports of inputs (not machinery) returned in the prior 12 months",
           "Importaciones temporales de insumos (no maquinaria) retornadas en los 12 meses previos", unit="%"),
    _yes_no(Flag.FIRST_IMMEX_PROGRAM, "First IMMEX program of the entity (obtained in the prior 12 months or pending)",
            "Primer programa IMMEX de la entidad (obtenido en los 12 meses previos o en trámite)"),
    _field("years_under_immex", FieldKind.YEARS, "Years operating under IMMEX", "Años de operación con IMMEX"),
    _field("machinery_value_mxn", FieldKind.AMOUNT, "Value of machinery and equipment in Mexico",
           "Valor de la maquinaria y equipo en México", unit="MXN"),
    *_TRADE_FLAGS,
)


def fields_for(step: Step, path: Path | None) -> tuple[FieldSpec, ...]:
    """The questions of `step` on the `path` branch (programs asks nothing until the path is known)."""
    if step is Step.PROGRAMS:
        if path is Path.SHELTER:
            return _SHELTER_PROGRAMS
        return _OWN_ENTITY_PROGRAMS if path is Path.OWN_ENTITY else ()
    return _FIELDS[step]


# --- answer values: from what a page or a file gives to plain JSON ------------------------------------------


def _err(spec: FieldSpec, en: str, es: str, field: str | None = None) -> ValidationError:
    return ValidationError(f"“{spec.label.en}”: {en}", f"“{spec.label.es}”: {es}", field=field or spec.name)


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(spec: FieldSpec, value: object) -> str:
    if not isinstance(value, str):
        raise _err(spec, "enter text.", "escriba un texto.")
    text = clean_text(value)
    if len(text) > TEXT_MAX:
        raise _err(spec, f"at most {TEXT_MAX} characters.", f"máximo {TEXT_MAX} caracteres.")
    return text


def _choice(spec: FieldSpec, value: object) -> str:
    found = choices.match(spec.choices, value) if isinstance(value, str) else None
    if found is not None:
        return found
    said = choices.refusal(spec.choices, value)
    raise _err(spec, said.en, said.es)


def _bool(spec: FieldSpec, value: object) -> bool:
    if not isinstance(value, bool):
        raise _err(spec, "answer yes or no.", "responda sí o no.")
    return value


def _decimal_text(value: Decimal) -> str:
    return f"{value.normalize():f}" if value == value.to_integral_value() else f"{value:f}"


def _amount(spec: FieldSpec, value: object) -> str:
    if isinstance(value, Money):
        if value.currency != spec.unit:
            raise _err(spec, f"the amount must be in {spec.unit}, not {value.currency}.",
                       f"el importe debe estar en {spec.unit}, no en {value.currency}.")
        amount = value.amount
    elif isinstance(value, str):
        try:
            amount = Money.parse(value, spec.unit).amount
        except ValidationError as exc:
            raise ValidationError(f"“{spec.label.en}”: {exc.en}", f"“{spec.label.es}”: {exc.es}",
                                  field=spec.name) from None
    elif isinstance(value, Decimal | int) and not isinstance(value, bool) and Decimal(value).is_finite():
        amount = Decimal(value)
    else:
        raise _err(spec, "enter an amount, like 1,234.50.", "escriba un importe, como 1,234.50.")
    if amount < 0:
        raise _err(spec, "the amount cannot be negative.", "el importe no puede ser negativo.")
    return _decimal_text(amount)


def _percent(spec: FieldSpec, value: object) -> str:
    try:
        if isinstance(value, str):
            number = Decimal(value.strip().removesuffix("%").strip())
        elif isinstance(value, Decimal | int) and not isinstance(value, bool):
            number = Decimal(value)
        else:
            raise InvalidOperation
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite() or not 0 <= number <= 100:
        raise _err(spec, "enter a percentage from 0 to 100, like 62.5.",
                   "escriba un porcentaje de 0 a 100, como 62.5.")
    return _decimal_text(number)


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _date(spec: FieldSpec, value: object) -> str:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    raise _err(spec, "enter a date, like 2026-03-02.", "escriba una fecha, como 2026-03-02.")


def _whole(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isdecimal():  # not isdigit: "²" is a digit int() refuses
        return int(value.strip())
    return None


def _roles(spec: FieldSpec, value: object) -> list[dict[str, object]]:
    if not isinstance(value, Sequence) or isinstance(value, str):
        raise _err(spec, "give a list of roles with their headcount.", "indique una lista de puestos con su plantilla.")
    rows: list[dict[str, object]] = []
    seen: set[str] = set()
    for i, raw in enumerate(value):
        where = f"roles[{i}]"
        row = {"role": raw.role, "headcount": raw.headcount, "shifts": raw.shifts} if isinstance(
            raw, RoleHeadcount) else raw
        if not isinstance(row, Mapping) or not set(row) <= {"role", "headcount", "shifts"}:
            raise _err(spec, f"row {i + 1} needs a role, a headcount and shifts.",
                       f"la fila {i + 1} requiere puesto, plantilla y turnos.", field=where)
        role = row.get("role")
        name = clean_text(role) if isinstance(role, str) else ""
        if not name or len(name) > TEXT_MAX:
            raise _err(spec, f"row {i + 1}: give the role a name (at most {TEXT_MAX} characters).",
                       f"fila {i + 1}: escriba el nombre del puesto (máximo {TEXT_MAX} caracteres).",
                       field=f"{where}.role")
        if fold_for_search(name) in seen:
            raise _err(spec, f"row {i + 1}: “{name}” is listed twice.", f"fila {i + 1}: “{name}” aparece dos veces.",
                       field=f"{where}.role")
        seen.add(fold_for_search(name))
        headcount = _whole(row.get("headcount"))
        if headcount is None or headcount < 0:
            raise _err(spec, f"row {i + 1} ({name}): the headcount is a whole number, 0 or more.",
                       f"fila {i + 1} ({name}): la plantilla es un número entero, 0 o más.", field=f"{where}.headcount")
        shifts = _whole(row.get("shifts", 1))
        if shifts is None or not 1 <= shifts <= MAX_SHIFTS:
            raise _err(spec, f"row {i + 1} ({name}): shifts are 1 to {MAX_SHIFTS} a day.",
                       f"fila {i + 1} ({name}): los turnos son de 1 a {MAX_SHIFTS} al día.", field=f"{where}.shifts")
        rows.append({"role": name, "headcount": headcount, "shifts": shifts})
    if not any(r["headcount"] != 0 for r in rows):
        raise _err(spec, "enter at least one role with a headcount above 0.",
                   "capture al menos un puesto con plantilla mayor que 0.")
    return rows


def _years(spec: FieldSpec, value: object) -> int:
    years = _whole(value)
    if years is None or not 0 <= years <= MAX_YEARS:
        raise _err(spec, f"enter whole years from 0 to {MAX_YEARS}.", f"escriba años enteros de 0 a {MAX_YEARS}.")
    return years


_NORMALISERS: Final[dict[FieldKind, Callable[[FieldSpec, object], object]]] = {
    FieldKind.TEXT: _text, FieldKind.CHOICE: _choice, FieldKind.BOOL: _bool, FieldKind.AMOUNT: _amount,
    FieldKind.PERCENT: _percent, FieldKind.YEARS: _years, FieldKind.DATE: _date, FieldKind.ROLES: _roles,
}


def validate_step(step: Step, path: Path | None, given: Mapping[str, object], *,
                  complete: bool = True) -> dict[str, object]:
    """The step's answers as plain JSON values, or the first ValidationError naming the field.

    Blank answers are dropped. `complete=False` accepts a step not filled in yet (no required
    check): the answers kept for a step ahead of the current one.
    """
    specs = {s.name: s for s in fields_for(step, path)}
    title = STEP_TITLES[step]
    for name in given:
        if name not in specs:
            raise ValidationError(f"“{name}” is not a question of the {title.en} step.",
                                  f"“{name}” no es una pregunta del paso {title.es}.", field=name)
    clean: dict[str, object] = {}
    for name, spec in specs.items():
        value = given.get(name)
        if _is_blank(value) or (spec.kind is FieldKind.ROLES and isinstance(value, Sequence) and not value):
            if complete and spec.required:
                raise _err(spec, "this answer is required.", "esta respuesta es obligatoria.")
            continue
        clean[name] = _NORMALISERS[spec.kind](spec, value)
    _check_step(step, clean)
    return clean


def _check_step(step: Step, clean: Mapping[str, object]) -> None:
    """Rules between the answers of one step."""
    if step is Step.PROFILE:
        exports, sales = clean.get("annual_exports_usd"), clean.get("annual_sales_usd")
        if isinstance(exports, str) and isinstance(sales, str) and Decimal(exports) > Decimal(sales):
            raise ValidationError("Annual exports cannot exceed total annual sales.",
                                  "Las exportaciones anuales no pueden superar las ventas totales anuales.",
                                  field="annual_exports_usd")
        ieps, total = clean.get("monthly_ieps_imports_mxn"), clean.get("monthly_temporary_imports_mxn")
        if isinstance(ieps, str) and isinstance(total, str) and Decimal(ieps) > Decimal(total):
            raise ValidationError("The IEPS-taxed imports cannot exceed the monthly temporary imports.",
                                  "Las importaciones gravadas con IEPS no pueden superar las importaciones temporales "
                                  "mensuales.", field="monthly_ieps_imports_mxn")
        if clean.get(Flag.IEPS_TAXED_INPUTS.value) == "no" and (ieps not in (None, "0") or "ieps_rate_pct" in clean):
            raise ValidationError("The IEPS amount and rate apply only when the imports include IEPS-taxed goods.",
                                  "El importe y la tasa del IEPS solo aplican si las importaciones incluyen "
                                  "mercancías gravadas con IEPS.", field="monthly_ieps_imports_mxn")
    if step is Step.PROGRAMS:
        if "provider_civa_rubro" in clean and clean.get("provider_certification") != CertificationStatus.CERTIFIED:
            raise ValidationError("Give the shelter's rubro only when the shelter is certified.",
                                  "Indique el rubro del albergue solo si el albergue está certificado.",
                                  field="provider_civa_rubro")
        if clean.get("immex_modality") == ImmexModality.TERCIARIZACION and "civa_rubro" not in clean:
            raise ValidationError(
                "Terciarización is reserved to certified companies: choose the IVA/IEPS rubro sought.",
                "La terciarización está reservada a empresas certificadas: elija el rubro de IVA e IEPS buscado.",
                field="civa_rubro")


# --- the flow ------------------------------------------------------------------------------------------------


class ApplicableChanges(NamedTuple):
    """Checklist items gained, lost and kept when the answers change (in the mapping's order)."""

    added: tuple[str, ...]
    removed: tuple[str, ...]
    kept: tuple[str, ...]


def applicable_changes(
    old: ProjectAnswers, new: ProjectAnswers, applicability_of: Mapping[str, Applicability]
) -> ApplicableChanges:
    """Which items start, stop and keep applying, so the service recomputes only those and the kept
    ones keep their status, notes and evidence."""
    added, removed, kept = [], [], []
    for item_id, applicability in applicability_of.items():
        before, after = applicability.matches(old), applicability.matches(new)
        if after and not before:
            added.append(item_id)
        elif before and not after:
            removed.append(item_id)
        elif before:
            kept.append(item_id)
    return ApplicableChanges(tuple(added), tuple(removed), tuple(kept))


def _damaged(en: str, es: str, field: str) -> ValidationError:
    return ValidationError(f"The saved journey cannot be read: {en}", f"El recorrido guardado no se puede leer: {es}",
                           field=field)


class Journey:
    """Where a project stands in the setup journey, and what it answered.

    Only `go_next` writes answers (a step's, after validating them); `go_back` pops the Back stack
    and keeps every answer, so a page coming back into view shows what was entered.
    """

    def __init__(self) -> None:
        self._current = Step.PROFILE
        self._history: list[Step] = []
        self._answers: dict[Step, dict[str, object]] = {}

    # -- where we are

    @property
    def current(self) -> Step:
        return self._current

    @property
    def history(self) -> tuple[Step, ...]:
        """The Back stack: the steps passed to reach `current`, oldest first."""
        return tuple(self._history)

    @property
    def can_go_back(self) -> bool:
        return bool(self._history)

    @property
    def can_finish(self) -> bool:
        """At the last step with every step before it answered (which decides the path)."""
        return self._current is STEPS[-1] and self.path is not None

    @property
    def path(self) -> Path | None:
        value = self._answers.get(Step.OPERATING_MODEL, {}).get("path")
        return Path(value) if isinstance(value, str) else None

    # -- what a page shows

    def step_fields(self, step: Step | None = None) -> list[FieldSpec]:
        """The questions of `step` (default: the current one) on this journey's branch."""
        return list(fields_for(self._current if step is None else step, self.path))

    def step_answers(self, step: Step | None = None) -> dict[str, object]:
        """The stored answers of `step` (default: the current one), to fill its page."""
        return copy.deepcopy(self._answers.get(self._current if step is None else step, {}))

    @staticmethod
    def step_notice(step: Step) -> Text | None:
        """A text a step shows instead of (or besides) questions."""
        return BUSINESS_CASE_HANDOVER if step is Step.BUSINESS_CASE else None

    # -- moving

    def go_next(self, step_answers: Mapping[str, object]) -> Step:
        """Validate and store the current step's answers, then move on; return the new current step."""
        step = self._current
        if step is STEPS[-1]:
            raise RuntimeError("the journey is at its last step; there is no next one")
        clean = validate_step(step, self.path, step_answers)
        if step is Step.OPERATING_MODEL and Path(str(clean["path"])) is not self.path:
            self._reconcile_programs(Path(str(clean["path"])))
        self._answers[step] = clean
        self._history.append(step)
        self._current = STEPS[STEPS.index(step) + 1]
        return self._current

    def go_back(self) -> Step:
        """Return to the previous step, keeping every answer; return the new current step."""
        if not self._history:
            raise RuntimeError("the journey is at its first step; there is no previous one")
        self._current = self._history.pop()
        return self._current

    def _reconcile_programs(self, path: Path) -> None:
        old = self._answers.get(Step.PROGRAMS)
        if old:
            self._answers[Step.PROGRAMS] = programs_for_path(old, path)

    # -- what was answered, typed

    def answers(self) -> ProjectAnswers:
        """Everything answered so far as `ProjectAnswers` (the wage zone derived from the site)."""
        a = self._answers
        profile, site, labor = a.get(Step.PROFILE, {}), a.get(Step.SITE, {}), a.get(Step.LABOR, {})
        programs, timeline = a.get(Step.PROGRAMS, {}), a.get(Step.TIMELINE, {})
        path = self.path
        modality: ImmexModality | None = ImmexModality.ALBERGUE if path is Path.SHELTER else None
        rubro: CivaRubro | None = None
        if path is Path.OWN_ENTITY:
            modality = ImmexModality(str(programs["immex_modality"])) if "immex_modality" in programs else None
            rubro = CivaRubro(str(programs["civa_rubro"])) if "civa_rubro" in programs else None
        flags = frozenset(Flag(name) for step in a.values() for name, value in step.items()
                          if value in (True, "yes") and name in _FLAG_NAMES)
        flags_no = frozenset(Flag(name) for step in a.values() for name, value in step.items()
                             if value in (False, "no") and name in _FLAG_NAMES)
        provider = self.provider_certification()
        zone = self.wage_zone()
        kickoff = timeline.get("kickoff")
        return ProjectAnswers(
            path=path,
            immex_modality=modality,
            civa_rubro=rubro,
            flags=flags,
            state=str(site["state"]) if "state" in site else None,
            city=str(site.get("city", "")),
            municipality=str(site.get("municipality", "")),
            industrial_park=str(site.get("industrial_park", "")),
            wage_zone=zone.zone if zone else None,
            roles=_stored_roles(labor.get("roles")),
            kickoff=date.fromisoformat(kickoff) if isinstance(kickoff, str) else None,
            annual_exports_usd=_decimal_or_none(profile.get("annual_exports_usd")),
            annual_sales_usd=_decimal_or_none(profile.get("annual_sales_usd")),
            temporary_imports_returned_pct=_decimal_or_none(programs.get("temporary_imports_returned_pct")),
            monthly_temporary_imports_mxn=_decimal_or_none(profile.get("monthly_temporary_imports_mxn")),
            flags_no=flags_no,
            years_under_immex=years if isinstance(years := programs.get("years_under_immex"), int) else None,
            machinery_value_mxn=_decimal_or_none(programs.get("machinery_value_mxn")),
            monthly_ieps_imports_mxn=_decimal_or_none(profile.get("monthly_ieps_imports_mxn")),
            ieps_rate_pct=_decimal_or_none(profile.get("ieps_rate_pct")),
            shelter_certified=None if provider is None or provider.status is CertificationStatus.UNKNOWN
            else provider.status is CertificationStatus.CERTIFIED,
        )

    def provider_certification(self) -> ProviderCertification | None:
        """The shelter provider's IVA/IEPS certification as answered (shelter path only)."""
        programs = self._answers.get(Step.PROGRAMS, {})
        status = programs.get("provider_certification")
        if self.path is not Path.SHELTER or not isinstance(status, str):
            return None
        rubro = programs.get("provider_civa_rubro")
        return ProviderCertification(CertificationStatus(status), CivaRubro(rubro) if isinstance(rubro, str) else None)

    def wage_zone(self) -> WageZoneDerivation | None:
        """The minimum-wage zone derived from the site's state and municipality (or city)."""
        site = self._answers.get(Step.SITE, {})
        state = site.get("state")
        if not isinstance(state, str):
            return None
        return derive_wage_zone(state, str(site.get("municipality") or site.get("city", "")))

    def recommendations(self) -> list[Recommendation]:
        return recommend(self.answers(), provider=self.provider_certification())

    # -- storage

    def to_dict(self) -> dict[str, object]:
        """Plain JSON data: where the journey stands and every answer kept."""
        return {
            "version": FORMAT_VERSION,
            "current": self._current.value,
            "history": [s.value for s in self._history],
            "answers": {s.value: copy.deepcopy(v) for s, v in self._answers.items()},
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Journey:
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, TypeError):
            raise _damaged("it is not JSON.", "no es JSON.", "journey") from None
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: object) -> Journey:
        """Rebuild a journey from `to_dict`'s output, checking every part: a damaged or hand-edited
        record is refused with a ValidationError rather than half-loaded."""
        if not isinstance(data, Mapping) or set(data) != {"version", "current", "history", "answers"}:
            raise _damaged("its parts are missing or unknown.", "faltan partes o sobran partes desconocidas.",
                           "journey")
        if type(data["version"]) is not int or data["version"] != FORMAT_VERSION:
            raise _damaged(f"format version {data['version']!r} is not known.",
                           f"la versión de formato {data['version']!r} no es conocida.", "version")
        current = data["current"]
        if not isinstance(current, str) or current not in _STEP_NAMES:
            raise _damaged(f"“{current}” is not a step.", f"“{current}” no es un paso.", "current")
        step = Step(current)
        route = [s.value for s in STEPS[:STEPS.index(step)]]
        if data["history"] != route:
            raise _damaged("its Back history does not lead to its current step.",
                           "su historial no lleva a su paso actual.", "history")
        answers = data["answers"]
        if not isinstance(answers, Mapping) or not all(
                isinstance(k, str) and k in _STEP_NAMES and k != Step.BUSINESS_CASE and isinstance(v, Mapping)
                for k, v in answers.items()):
            raise _damaged("its answers are not grouped by step.", "sus respuestas no están agrupadas por paso.",
                           "answers")
        journey = cls()
        journey._current, journey._history = step, [Step(s) for s in route]
        for s in STEPS:  # operating_model before programs, so the branch is known
            if s.value in answers or s in journey._history:
                given = answers.get(s.value, {})
                if s is Step.PROGRAMS and given and journey.path is None:
                    raise _damaged("it has program answers but no operating model.",
                                   "tiene respuestas de programas pero no modelo de operación.", "path")
                journey._answers[s] = validate_step(s, journey.path, given, complete=s in journey._history)
        return journey


def programs_for_path(programs: Mapping[str, object], path: Path) -> dict[str, object]:
    """The programs answers that the `path` branch asks and accepts (the operating model changed); the rest are
    dropped, as the wizard does."""
    specs = {s.name: s for s in fields_for(Step.PROGRAMS, path)}
    kept: dict[str, object] = {}
    for name, value in programs.items():
        if name in specs:
            try:
                kept[name] = _NORMALISERS[specs[name].kind](specs[name], value)
            except ValidationError:
                continue
    return kept


def _decimal_or_none(value: object) -> Decimal | None:
    return Decimal(value) if isinstance(value, str) else None


def _stored_roles(rows: object) -> tuple[RoleHeadcount, ...]:
    """Roles as `_roles` stored them (validated on the way in)."""
    if not isinstance(rows, list):
        return ()
    return tuple(RoleHeadcount(str(r["role"]), int(r["headcount"]), int(r["shifts"])) for r in rows)

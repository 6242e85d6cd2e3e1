"""Checklist packs: versioned, bilingual data files in `resources/checklists/`, validated on load.

There is one YAML file per checklist (`<pack id>.yaml`) and a `phases.yaml` that orders the
phases of the set-up journey and lists the packs in each. `load_packs` reads every file and
returns a `PackSet`, or raises `PackError` listing every problem with its file and item. A
hand-edited pack is refused whole and never half-loaded.

An item says:
* when it applies (`applies_when`, in the vocabulary of `core.answers`);
* who does it (`who`; the first role is the usual owner);
* what evidence proves it is done;
* its legal basis and sources;
* its typical duration in business days;
* its prerequisites (`depends_on`, which may point into other packs);
* whether its facts are confirmed;
* for an ongoing obligation, when it recurs (`recurring`). The compliance calendar computes
  dates from this.
"""

from __future__ import annotations

import calendar
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Final

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic import ValidationError as PydanticValidationError

from shelter_app import paths
from shelter_app.content.yamlread import UniqueKeyLoader
from shelter_app.core.answers import Applicability, CivaRubro, Flag, ImmexModality, ProjectAnswers
from shelter_app.core.answers import Path as OperatingPath
from shelter_app.core.bilingual import Explained, Text
from shelter_app.core.checklist import OwnerRole
from shelter_app.core.errors import UserError

PHASES_FILE: Final = "phases.yaml"

_MODEL = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

ItemId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$", max_length=120)]
"""Dotted and stable, e.g. `immex.annual_report`: projects, exports and other code cite it."""
PackId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
PhaseId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)]
PackVersion = Annotated[str, Field(pattern=r"^\d{4}\.\d{1,2}\.\d+$", max_length=30)]
"""Year.month.revision of the pack's release, e.g. `2026.11.1`."""
Url = Annotated[str, Field(pattern=r"^https?://\S+$")]


class _Invalid(ValueError, Explained):
    """A rule broken inside a model, explained in both languages (pydantic keeps it in the error's ctx)."""

    def __init__(self, en: str, es: str) -> None:
        super().__init__(en)
        self.explain(en, es)


class _EmptyText(ValueError):
    """One language of a bilingual text is blank."""

    def __init__(self, language: str) -> None:
        super().__init__(f"the {language} text is empty")
        self.language = language


def _complete(text: Text) -> Text:
    """Both languages written, surrounding blanks dropped (the YAML may wrap a line)."""
    text = Text(text.en.strip(), text.es.strip())
    for language in ("en", "es"):
        if not getattr(text, language):
            raise _EmptyText(language)
    return text


Bilingual = Annotated[Text, AfterValidator(_complete)]
"""A `core.bilingual.Text` read from a pack: English and Spanish, neither empty."""


class Verification(StrEnum):
    CONFIRMED = "confirmed"  # stated by at least one source
    TO_VERIFY = "to_verify"  # partly sourced or unconfirmed: shown as "to verify" in the app and exports


class GovernmentBody(StrEnum):
    """The authority that decides or receives the filing, when `who` includes `government`."""

    SAT = "SAT"
    SE = "SE"
    IMSS = "IMSS"
    INFONAVIT = "INFONAVIT"
    STPS = "STPS"
    SEMARNAT = "SEMARNAT"
    INEGI = "INEGI"
    STATE = "state"
    MUNICIPALITY = "municipality"


class RecurrenceRule(StrEnum):
    """How an ongoing obligation recurs. The compliance calendar turns each rule into dates.

    `anchor` names the item whose completion date starts the clock (the grant). Without it, the
    clock starts when this item is completed. `days` are calendar days unless `business_days`.
    """

    ANNUAL_LAST_BUSINESS_DAY_OF_MONTH = "annual_last_business_day_of_month"
    """Yearly on the last business day of `month`, or of `month_with_flag.month` when the project has that flag."""
    ANNUAL_BY_DATE = "annual_by_date"
    """Yearly by the fixed date `month`/`day`."""
    ANNUAL_FROM_COMPLETION = "annual_from_completion"
    """Every year after the anchor's completion (a registration renewed yearly)."""
    ANNUAL_BEFORE_EXPIRY = "annual_before_expiry"
    """A one-year grant: reminder `days` before each yearly expiry, counted from the anchor."""
    EVERY_YEARS_BEFORE_EXPIRY = "every_years_before_expiry"
    """A grant of `years` years: reminder `days` before each expiry."""
    WITHIN_DAYS_OF_GRANT = "within_days_of_grant"
    """Once, within `days` after the anchor (the grant) is completed."""
    MONTHLY_BY_DAY = "monthly_by_day"
    """Every month, by `day` of the following month."""
    WITHIN_DAYS_OF_EVENT = "within_days_of_event"
    """Each time something happens (a change, a hire, a cancellation), within `days` (None: term not known)."""
    CONTINUOUS = "continuous"
    """Kept up at all times; there is no date to compute."""


_REQUIRED: Final[Mapping[RecurrenceRule, frozenset[str]]] = {
    RecurrenceRule.ANNUAL_LAST_BUSINESS_DAY_OF_MONTH: frozenset({"month"}),
    RecurrenceRule.ANNUAL_BY_DATE: frozenset({"month", "day"}),
    RecurrenceRule.ANNUAL_FROM_COMPLETION: frozenset(),
    RecurrenceRule.ANNUAL_BEFORE_EXPIRY: frozenset({"days"}),
    RecurrenceRule.EVERY_YEARS_BEFORE_EXPIRY: frozenset({"years", "days"}),
    RecurrenceRule.WITHIN_DAYS_OF_GRANT: frozenset({"days", "anchor"}),
    RecurrenceRule.MONTHLY_BY_DAY: frozenset({"day"}),
    RecurrenceRule.WITHIN_DAYS_OF_EVENT: frozenset(),
    RecurrenceRule.CONTINUOUS: frozenset(),
}
_OPTIONAL: Final[Mapping[RecurrenceRule, frozenset[str]]] = {
    RecurrenceRule.ANNUAL_LAST_BUSINESS_DAY_OF_MONTH: frozenset({"month_with_flag"}),
    RecurrenceRule.ANNUAL_BY_DATE: frozenset(),
    RecurrenceRule.ANNUAL_FROM_COMPLETION: frozenset({"anchor"}),
    RecurrenceRule.ANNUAL_BEFORE_EXPIRY: frozenset({"anchor", "business_days"}),
    RecurrenceRule.EVERY_YEARS_BEFORE_EXPIRY: frozenset({"anchor", "business_days"}),
    RecurrenceRule.WITHIN_DAYS_OF_GRANT: frozenset({"business_days"}),
    RecurrenceRule.MONTHLY_BY_DAY: frozenset(),
    RecurrenceRule.WITHIN_DAYS_OF_EVENT: frozenset({"days", "business_days"}),
    RecurrenceRule.CONTINUOUS: frozenset(),
}
_RECURRENCE_PARAMETERS: Final = ("days", "business_days", "month", "day", "years", "month_with_flag", "anchor")


class FlagMonth(BaseModel):
    """Another month for a yearly deadline when the project has `flag` (the IMMEX report moves to April with PROSEC)."""

    model_config = _MODEL

    flag: Flag
    month: int = Field(ge=1, le=12)


class Recurrence(BaseModel):
    model_config = _MODEL

    rule: RecurrenceRule
    note: Bilingual
    days: int | None = Field(default=None, ge=1)
    business_days: bool = False
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    years: int | None = Field(default=None, ge=1)
    month_with_flag: FlagMonth | None = None
    anchor: ItemId | None = None

    @model_validator(mode="after")
    def _parameters_fit_rule(self) -> Recurrence:
        given = {name for name in _RECURRENCE_PARAMETERS if name in self.model_fields_set}
        missing = sorted(_REQUIRED[self.rule] - given)
        if missing:
            names = ", ".join(missing)
            raise _Invalid(f"the rule '{self.rule}' needs {names}", f"la regla '{self.rule}' requiere {names}")
        unused = sorted(given - _REQUIRED[self.rule] - _OPTIONAL[self.rule])
        if unused:
            names = ", ".join(unused)
            raise _Invalid(f"the rule '{self.rule}' does not use {names}", f"la regla '{self.rule}' no usa {names}")
        if self.month is not None and self.day is not None and self.day > calendar.monthrange(2001, self.month)[1]:
            raise _Invalid(f"{self.month}/{self.day} is not a date", f"{self.day}/{self.month} no es una fecha")
        return self

    def month_for(self, flags: frozenset[Flag]) -> int | None:
        """The month of a yearly deadline for a project with these flags."""
        if self.month_with_flag is not None and self.month_with_flag.flag in flags:
            return self.month_with_flag.month
        return self.month


class AppliesWhen(BaseModel):
    """`core.answers.Applicability` as written in a pack: every listed dimension must match."""

    model_config = _MODEL

    paths: tuple[OperatingPath, ...] = ()
    immex_modalities: tuple[ImmexModality, ...] = ()
    civa_rubros: tuple[CivaRubro, ...] = ()
    flags: tuple[Flag, ...] = ()
    unless_flags: tuple[Flag, ...] = ()
    """Flags that must not be answered yes."""
    certified_operation: bool | None = None
    """true: only under an IVA/IEPS certification, the entity's own rubro or a certified shelter's."""

    def applicability(self) -> Applicability:
        return Applicability(
            paths=frozenset(self.paths),
            immex_modalities=frozenset(self.immex_modalities),
            civa_rubros=frozenset(self.civa_rubros),
            flags=frozenset(self.flags),
            unless_flags=frozenset(self.unless_flags),
            certified_operation=self.certified_operation,
        )


class ChecklistItem(BaseModel):
    model_config = _MODEL

    id: ItemId
    title: Bilingual
    description: Bilingual
    who: tuple[OwnerRole, ...] = Field(min_length=1)
    government_body: GovernmentBody | None = None
    evidence: Bilingual
    legal_basis: str = ""
    sources: tuple[Url, ...] = ()
    typical_days: int | None = Field(ge=0)
    """Business days to complete; None when no source gives a figure (the key itself is required)."""
    typical_days_note: Bilingual | None = None
    depends_on: tuple[ItemId, ...] = ()
    applies_when: AppliesWhen = AppliesWhen()
    verification: Verification
    verification_note: Bilingual | None = None
    recurring: Recurrence | None = None

    @model_validator(mode="after")
    def _consistent(self) -> ChecklistItem:
        if len(set(self.who)) != len(self.who):
            raise _Invalid("'who' lists a role twice", "'who' repite un rol")
        if self.government_body is not None and OwnerRole.GOVERNMENT not in self.who:
            raise _Invalid("'government_body' is given but 'who' does not include government",
                           "se indica 'government_body' pero 'who' no incluye government")
        if not self.legal_basis and not self.sources:
            raise _Invalid("give a legal basis or at least one source",
                           "indique el fundamento legal o al menos una fuente")
        if self.verification is Verification.CONFIRMED and not self.sources:
            raise _Invalid("a confirmed item needs at least one source; otherwise mark it to_verify",
                           "un elemento confirmado requiere al menos una fuente; si no, márquelo to_verify")
        if self.verification is Verification.TO_VERIFY and self.verification_note is None:
            raise _Invalid("an item to verify needs a verification_note saying what to check",
                           "un elemento por verificar requiere verification_note que diga qué revisar")
        if self.verification is Verification.CONFIRMED and self.verification_note is not None:
            raise _Invalid("a confirmed item has no verification_note; mark it to_verify or drop the note",
                           "un elemento confirmado no lleva verification_note; márquelo to_verify o quite la nota")
        if len(set(self.depends_on)) != len(self.depends_on):
            raise _Invalid("'depends_on' lists an item twice", "'depends_on' repite un elemento")
        return self

    @property
    def to_verify(self) -> bool:
        return self.verification is Verification.TO_VERIFY

    def applicability(self) -> Applicability:
        return self.applies_when.applicability()


class ChecklistPack(BaseModel):
    model_config = _MODEL

    id: PackId
    version: PackVersion
    facts_as_of: date
    """The date the facts of the pack are current to (the newest sources checked)."""
    phase: PhaseId
    title: Bilingual
    items: tuple[ChecklistItem, ...] = Field(min_length=1)


class Phase(BaseModel):
    model_config = _MODEL

    id: PhaseId
    order: int = Field(ge=0)
    title: Bilingual
    checklists: tuple[PackId, ...] = Field(min_length=1)
    """The packs of the phase, in the order they are shown."""


class _PhasesFile(BaseModel):
    model_config = _MODEL

    phases: tuple[Phase, ...] = Field(min_length=1)


@dataclass(frozen=True)
class PackSummary:
    """One line of `shelter-app checklist packs`."""

    id: str
    phase: str
    title: Bilingual
    version: str
    facts_as_of: date
    items: int
    to_verify: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "phase": self.phase, "title_en": self.title.en, "title_es": self.title.es,
            "version": self.version, "facts_as_of": self.facts_as_of.isoformat(),
            "items": self.items, "to_verify": self.to_verify,
        }


class PackSet:
    """The validated packs in phase order, with look-ups by item and the items a project gets."""

    def __init__(self, phases: Iterable[Phase], packs: Iterable[ChecklistPack]) -> None:
        self.phases: tuple[Phase, ...] = tuple(sorted(phases, key=lambda p: p.order))
        position = {pack_id: (phase.order, i) for phase in self.phases for i, pack_id in enumerate(phase.checklists)}
        self.packs: tuple[ChecklistPack, ...] = tuple(sorted(packs, key=lambda p: position[p.id]))
        self.packs_by_id: dict[str, ChecklistPack] = {p.id: p for p in self.packs}
        self.phases_by_id: dict[str, Phase] = {p.id: p for p in self.phases}
        self.items: tuple[ChecklistItem, ...] = tuple(item for pack in self.packs for item in pack.items)
        """Every item, in phase, pack and item order."""
        self.items_by_id: dict[str, ChecklistItem] = {item.id: item for item in self.items}
        self._pack_of = {item.id: pack for pack in self.packs for item in pack.items}

    def pack_of(self, item_id: str) -> ChecklistPack:
        """The pack an item comes from (its id and version are recorded with a project's item)."""
        return self._pack_of[item_id]

    def phase_of(self, item_id: str) -> Phase:
        return self.phases_by_id[self._pack_of[item_id].phase]

    def applicable(self, answers: ProjectAnswers) -> list[ChecklistItem]:
        """The items a project with these answers gets, in phase, pack and item order."""
        return [item for item in self.items if item.applicability().matches(answers)]

    def summary(self) -> list[PackSummary]:
        return [
            PackSummary(id=p.id, phase=p.phase, title=p.title, version=p.version, facts_as_of=p.facts_as_of,
                        items=len(p.items), to_verify=sum(1 for i in p.items if i.to_verify))
            for p in self.packs
        ]


@dataclass(frozen=True)
class PackProblem:
    """One thing wrong in a pack file; `item_id` is None for a problem with the file or pack as a whole."""

    file: str
    item_id: str | None
    en: str
    es: str

    def message(self, language: str = "en") -> str:
        spanish = language.lower().startswith("es")
        where = self.file if self.item_id is None else (
            f"{self.file}, elemento {self.item_id}" if spanish else f"{self.file}, item {self.item_id}")
        return f"{where}: {self.es if spanish else self.en}"


class PackError(UserError):
    """The checklist packs do not validate. `problems` lists every problem found, not only the first."""

    def __init__(self, problems: Sequence[PackProblem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        en = "\n".join([f"The checklist packs have {count} problem{'s' if count != 1 else ''}:",
                        *(f"- {p.message('en')}" for p in self.problems)])
        es = "\n".join([f"Los paquetes de listas de verificación tienen {count} problema{'s' if count != 1 else ''}:",
                        *(f"- {p.message('es')}" for p in self.problems)])
        super().__init__(en, es)


def default_folder() -> Path:
    return paths.resources_dir() / "checklists"


def load_packs(folder: Path | None = None, *, today: date | None = None) -> PackSet:
    """Read and validate `phases.yaml` and every pack in `folder` (default: the shipped packs).

    `today` is the date that `facts_as_of` may not be later than (default: the system date).
    """
    folder = default_folder() if folder is None else folder
    today = date.today() if today is None else today
    if not folder.is_dir():
        raise PackError([PackProblem(str(folder), None, "the checklist folder does not exist",
                                     "la carpeta de listas de verificación no existe")])
    problems: list[PackProblem] = []
    phases = _read_phases(folder / PHASES_FILE, problems)
    packs: list[tuple[str, ChecklistPack]] = []
    pack_files = [f for f in sorted(folder.iterdir()) if f.suffix in (".yaml", ".yml") and f.name != PHASES_FILE]
    for file in pack_files:
        pack = _read_pack(file, problems)
        if pack is not None:
            packs.append((file.name, pack))
    problems.extend(_cross_check(phases, packs, {f.stem for f in pack_files}, today))
    if problems:
        raise PackError(problems)
    assert phases is not None  # a missing or invalid phases file is a problem above
    return PackSet(phases, (pack for _, pack in packs))


# ---- reading one file ---------------------------------------------------------------------------------------


def _read_yaml(file: Path, problems: list[PackProblem]) -> dict[str, Any] | None:
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problems.append(PackProblem(file.name, None, "the file is not UTF-8 text", "el archivo no es texto UTF-8"))
        return None
    except OSError as exc:
        problems.append(PackProblem(file.name, None, f"the file cannot be read ({exc.strerror})",
                                    f"no se puede leer el archivo ({exc.strerror})"))
        return None
    try:
        data = yaml.load(text, Loader=UniqueKeyLoader)  # a safe loader: no arbitrary objects
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f" at line {mark.line + 1}" if mark is not None else ""
        linea = f" en la línea {mark.line + 1}" if mark is not None else ""
        detail = exc.problem or exc.context or "syntax error"
        problems.append(PackProblem(file.name, None, f"malformed YAML{line}: {detail}",
                                    f"YAML mal formado{linea}: {detail}"))
        return None
    except yaml.YAMLError as exc:
        problems.append(PackProblem(file.name, None, f"malformed YAML: {exc}", f"YAML mal formado: {exc}"))
        return None
    if not isinstance(data, dict):
        problems.append(PackProblem(file.name, None, "the file must hold a mapping of fields (id, version, ...)",
                                    "el archivo debe contener un mapa de campos (id, version, ...)"))
        return None
    return data


def _read_phases(file: Path, problems: list[PackProblem]) -> tuple[Phase, ...] | None:
    if not file.is_file():
        problems.append(PackProblem(PHASES_FILE, None, "the phases file is missing", "falta el archivo de fases"))
        return None
    data = _read_yaml(file, problems)
    if data is None:
        return None
    try:
        return _PhasesFile.model_validate(data).phases
    except PydanticValidationError as exc:
        problems.extend(_describe_errors(file.name, data, exc, list_key="phases"))
        return None


def _read_pack(file: Path, problems: list[PackProblem]) -> ChecklistPack | None:
    data = _read_yaml(file, problems)
    if data is None:
        return None
    try:
        return ChecklistPack.model_validate(data)
    except PydanticValidationError as exc:
        problems.extend(_describe_errors(file.name, data, exc, list_key="items"))
        return None


def _describe_errors(file_name: str, data: Mapping[str, Any], exc: PydanticValidationError,
                     list_key: str) -> Iterator[PackProblem]:
    """Turn pydantic's errors into problems that name the file, the item and the field, in both languages."""
    errors = exc.errors(include_url=False)
    entries_failed = any(len(e["loc"]) >= 2 and e["loc"][0] == list_key for e in errors)
    for error in errors:
        loc = tuple(error["loc"])
        if entries_failed and loc == (list_key,) and error["type"] == "too_short":
            continue  # pydantic also counts the failed entries as missing: the entries' own errors say it all
        item_id = None
        if len(loc) >= 2 and loc[0] == list_key and isinstance(loc[1], int):
            item_id = _entry_id(data.get(list_key), loc[1])
            loc = loc[2:]
        en, es = _explain(error, loc)
        yield PackProblem(file_name, item_id, en, es)


def _entry_id(entries: Any, index: int) -> str:
    """The id of entry `index` as written, or its position when it has none."""
    if isinstance(entries, list) and index < len(entries) and isinstance(entries[index], dict):
        written = entries[index].get("id")
        if isinstance(written, str) and written.strip():
            return written.strip()
    return f"#{index + 1}"


_LANGUAGES: Final = {"en": ("English", "inglés"), "es": ("Spanish", "español")}


def _explain(error: Mapping[str, Any], loc: tuple[int | str, ...]) -> tuple[str, str]:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    field = _dotted(loc)
    last = loc[-1] if loc else None
    parent = _dotted(loc[:-1])
    value = _short(error.get("input"))
    if kind == "value_error" and isinstance(ctx.get("error"), _Invalid):
        invalid: _Invalid = ctx["error"]
        return (f"{field}: {invalid.en}", f"{field}: {invalid.es}") if field else (invalid.en, invalid.es)
    if kind == "missing" and isinstance(last, str) and last in _LANGUAGES and parent:
        lang_en, lang_es = _LANGUAGES[last]
        return f"the {lang_en} text of '{parent}' is missing", f"falta el texto en {lang_es} de '{parent}'"
    if kind == "string_too_short" and isinstance(last, str) and last in _LANGUAGES and parent:
        lang_en, lang_es = _LANGUAGES[last]
        return f"the {lang_en} text of '{parent}' is empty", f"el texto en {lang_es} de '{parent}' está vacío"
    if kind == "missing":
        return f"the required field '{field}' is missing", f"falta el campo obligatorio '{field}'"
    if kind == "extra_forbidden":
        return f"unknown field '{field}'", f"campo desconocido '{field}'"
    if kind == "value_error" and isinstance(ctx.get("error"), _EmptyText):
        lang_en, lang_es = _LANGUAGES[ctx["error"].language]
        return f"the {lang_en} text of '{field}' is empty", f"el texto en {lang_es} de '{field}' está vacío"
    if kind == "dataclass_type" and ctx.get("class_name") == "Text":
        return (f"'{field}' must give an English (en) and a Spanish (es) text",
                f"'{field}' debe tener un texto en inglés (en) y uno en español (es)")
    if kind in ("enum", "literal_error"):
        expected = str(ctx.get("expected", ""))
        return (f"{value} is not a valid value of '{field}' (expected {expected})",
                f"{value} no es un valor válido de '{field}' (se espera {expected.replace(' or ', ' o ')})")
    if kind == "string_pattern_mismatch":
        name = next((part for part in reversed(loc) if isinstance(part, str)), "")
        hint_en, hint_es = _PATTERN_HINTS.get(name, ("", ""))
        return f"{value} is not a valid '{field}'{hint_en}", f"{value} no es un '{field}' válido{hint_es}"
    where = f" of '{field}'" if field else ""
    donde = f" de '{field}'" if field else ""
    return f"invalid value{where}: {error['msg']}", f"valor no válido{donde}: {error['msg']}"


_PATTERN_HINTS: Final = {
    "id": (" (lower-case words joined by dots, e.g. immex.annual_report)",
           " (palabras en minúsculas unidas por puntos, p. ej. immex.annual_report)"),
    "version": (" (year.month.revision, e.g. 2026.11.1)", " (año.mes.revisión, p. ej. 2026.11.1)"),
    "sources": (" (an http or https address)", " (una dirección http o https)"),
}


def _dotted(loc: Sequence[int | str]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# ---- checks across files ------------------------------------------------------------------------------------


def _cross_check(phases: Sequence[Phase] | None, packs: Sequence[tuple[str, ChecklistPack]],
                 present: set[str], today: date) -> Iterator[PackProblem]:
    """Checks across files; `present` holds the stem of every pack file, valid or not."""
    yield from _check_pack_ids(packs)
    if phases is not None:
        yield from _check_phases(phases, packs, present)
    yield from _check_items(packs)
    for file_name, pack in packs:
        if pack.facts_as_of > today:
            when, now = pack.facts_as_of.isoformat(), today.isoformat()
            yield PackProblem(file_name, None, f"facts_as_of {when} is in the future (today is {now})",
                              f"facts_as_of {when} está en el futuro (hoy es {now})")


def _check_pack_ids(packs: Sequence[tuple[str, ChecklistPack]]) -> Iterator[PackProblem]:
    first_file: dict[str, str] = {}
    for file_name, pack in packs:
        stem = Path(file_name).stem
        if pack.id != stem:
            yield PackProblem(file_name, None,
                              f"the pack id '{pack.id}' must match the file name ('{pack.id}.yaml')",
                              f"el id del paquete '{pack.id}' debe coincidir con el nombre del archivo "
                              f"('{pack.id}.yaml')")
        if pack.id in first_file:
            yield PackProblem(file_name, None, f"the pack id '{pack.id}' is also used by {first_file[pack.id]}",
                              f"el id del paquete '{pack.id}' también lo usa {first_file[pack.id]}")
        first_file.setdefault(pack.id, file_name)


def _check_phases(phases: Sequence[Phase], packs: Sequence[tuple[str, ChecklistPack]],
                  present: set[str]) -> Iterator[PackProblem]:
    by_id: dict[str, Phase] = {}
    orders: dict[int, str] = {}
    listed_in: dict[str, str] = {}
    for phase in phases:
        if phase.id in by_id:
            yield PackProblem(PHASES_FILE, None, f"the phase '{phase.id}' is defined twice",
                              f"la fase '{phase.id}' está definida dos veces")
        by_id.setdefault(phase.id, phase)
        if phase.order in orders:
            yield PackProblem(PHASES_FILE, None,
                              f"the phases '{orders[phase.order]}' and '{phase.id}' have the same order {phase.order}",
                              f"las fases '{orders[phase.order]}' y '{phase.id}' tienen el mismo orden {phase.order}")
        orders.setdefault(phase.order, phase.id)
        for pack_id in phase.checklists:
            if pack_id in listed_in:
                other = listed_in[pack_id]
                yield PackProblem(PHASES_FILE, None,
                                  f"the checklist '{pack_id}' is listed in phases '{other}' and '{phase.id}'",
                                  f"la lista '{pack_id}' aparece en las fases '{other}' y '{phase.id}'")
            listed_in.setdefault(pack_id, phase.id)
    for pack_id, phase_id in listed_in.items():
        if pack_id not in present:
            yield PackProblem(PHASES_FILE, None, f"the phase '{phase_id}' lists '{pack_id}', but there is no "
                              f"{pack_id}.yaml", f"la fase '{phase_id}' incluye '{pack_id}', pero no existe "
                              f"{pack_id}.yaml")
    for file_name, pack in packs:
        if pack.phase not in by_id:
            yield PackProblem(file_name, None, f"unknown phase '{pack.phase}' (phases.yaml defines "
                              f"{', '.join(by_id)})", f"fase desconocida '{pack.phase}' (phases.yaml define "
                              f"{', '.join(by_id)})")
        elif pack.id not in by_id[pack.phase].checklists:
            yield PackProblem(file_name, None, f"the phase '{pack.phase}' in phases.yaml does not list '{pack.id}'",
                              f"la fase '{pack.phase}' de phases.yaml no incluye '{pack.id}'")


def _check_items(packs: Sequence[tuple[str, ChecklistPack]]) -> Iterator[PackProblem]:
    file_of: dict[str, str] = {}
    for file_name, pack in packs:
        for item in pack.items:
            if item.id in file_of:
                other = file_of[item.id]
                if other == file_name:
                    yield PackProblem(file_name, item.id, "the id is used twice in this file",
                                      "el id se usa dos veces en este archivo")
                else:
                    yield PackProblem(file_name, item.id, f"the id is also used in {other}",
                                      f"el id también se usa en {other}")
            file_of.setdefault(item.id, file_name)
    graph: dict[str, list[str]] = {}
    for file_name, pack in packs:
        for item in pack.items:
            for target in item.depends_on:
                if target not in file_of:
                    yield PackProblem(file_name, item.id, f"depends_on '{target}', which does not exist",
                                      f"depends_on '{target}', que no existe")
            anchor = item.recurring.anchor if item.recurring else None
            if anchor is not None and anchor not in file_of:
                yield PackProblem(file_name, item.id, f"recurring.anchor '{anchor}' does not exist",
                                  f"recurring.anchor '{anchor}' no existe")
            graph.setdefault(item.id, []).extend(t for t in item.depends_on if t in file_of)
    for cycle in _find_cycles(graph):
        chain = " → ".join(cycle)
        yield PackProblem(file_of[cycle[0]], cycle[0], f"dependency cycle: {chain}", f"ciclo de dependencias: {chain}")


def _find_cycles(graph: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """One cycle per tangle of mutually dependent items, closed on its first id in file order (a → b → a).

    One wrong edge can close many loops; naming the shortest loop of each tangle points at it
    without burying the reader in every variation.
    """
    position = {node: n for n, node in enumerate(graph)}
    cycles = []
    for component in _strongly_connected(graph):
        start = min(component, key=position.__getitem__)
        if len(component) > 1 or start in graph[start]:
            cycles.append(_shortest_cycle(graph, start, component))
    return sorted(cycles, key=lambda cycle: position[cycle[0]])


def _strongly_connected(graph: Mapping[str, Sequence[str]]) -> list[set[str]]:
    """Kosaraju's algorithm, without recursion (a hand-edited pack may hold long chains)."""
    finished: list[str] = []
    seen: set[str] = set()
    for root in graph:
        if root in seen:
            continue
        seen.add(root)
        stack = [(root, iter(graph[root]))]
        while stack:
            node, targets = stack[-1]
            target = next(targets, None)
            if target is None:
                stack.pop()
                finished.append(node)
            elif target not in seen:
                seen.add(target)
                stack.append((target, iter(graph[target])))
    reverse: dict[str, list[str]] = {node: [] for node in graph}
    for node, prerequisites in graph.items():
        for prerequisite in prerequisites:
            reverse[prerequisite].append(node)
    components: list[set[str]] = []
    assigned: set[str] = set()
    for root in reversed(finished):
        if root in assigned:
            continue
        component = {root}
        assigned.add(root)
        pending = [root]
        while pending:
            for source in reverse[pending.pop()]:
                if source not in assigned:
                    assigned.add(source)
                    component.add(source)
                    pending.append(source)
        components.append(component)
    return components


def _shortest_cycle(graph: Mapping[str, Sequence[str]], start: str, within: set[str]) -> list[str]:
    """The shortest path from `start` back to itself through `within` (a strongly connected set)."""
    previous: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for target in graph[node]:
            if target == start:
                path = [node]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return [*reversed(path), start]
            if target in within and target not in previous:
                previous[target] = node
                queue.append(target)
    raise AssertionError(f"{start} is on no cycle")  # unreachable: callers pass a strongly connected set

"""The business case's reference tables: versioned YAML files in `resources/reference/`, validated on load.

One file per table (minimum wages, UMA, vacation, weekly hours, IMSS, cesantía y vejez, ISN, the
scalar defaults and the sites: markets, distances to the crossing, freight rates, vacancy and rent).
Each file records its bilingual title (what a document calls it), its version and the date its facts
are current to; every source its title, publisher, publication date (null when the page shows none)
and link; every value its sources, the date it was checked, its confidence (`verified`,
`verified_old`, `unconfirmed`, `assumption`) and, unless plainly verified, a note in English and
Spanish saying what is open, so a report can mark what is still to verify. Source ids and file names
are internal keys, never printed. `load_reference` returns the plain
`core.business_case.reference.ReferenceData`, or raises `ReferenceDataError`
listing every problem with its file and key: a hand-edited table is refused whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Final, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic import ValidationError as PydanticValidationError

from shelter_app import paths
from shelter_app.content.yamlread import UniqueKeyLoader
from shelter_app.core.answers import WageZone
from shelter_app.core.bilingual import Explained, Text
from shelter_app.core.business_case.reference import (
    CESANTIA_VEJEZ_BANDS,
    IMSS_EMPLOYER_KEYS,
    IMSS_WORKER_KEYS,
    Confidence,
    CrossingKind,
    FreightRates,
    Provenance,
    ReferenceData,
    RiskClass,
    SiteMarket,
    SiteReference,
    Source,
    Sourced,
    StatutoryDefaults,
    TableVersion,
    VacationSchedule,
    YearSchedule,
)
from shelter_app.core.errors import UserError
from shelter_app.core.text import fold_for_search
from shelter_app.core.wage_zones import STATES

_MODEL = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

Year = Annotated[int, Field(strict=True, ge=1990, le=2100)]
TableVersionText = Annotated[str, Field(pattern=r"^\d{4}\.\d{1,2}\.\d+$")]
"""Year.month.revision of the table's release, e.g. `2026.3.1`."""
SourceId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
Fraction = Annotated[Decimal, Field(ge=0, le=1, allow_inf_nan=False)]
Positive = Annotated[Decimal, Field(gt=0, allow_inf_nan=False)]
NonNegative = Annotated[Decimal, Field(ge=0, allow_inf_nan=False)]
Days = Annotated[int, Field(strict=True, ge=0)]
Words = Annotated[str, Field(min_length=1)]


class _Invalid(ValueError, Explained):
    """A rule broken inside a model (pydantic keeps it in the error's ctx)."""

    def __init__(self, en: str, es: str) -> None:
        super().__init__(en)
        self.explain(en, es)


class _Note(BaseModel):
    """A text in both languages: what is open about a value, or our words on a source."""

    model_config = _MODEL

    en: Words
    es: Words


class _Source(BaseModel):
    model_config = _MODEL

    title: Words | None = None
    """The page's title verbatim, in its language; left out when it was not recorded."""
    publisher: Words
    published: date | None
    """The date the page shows; null when it shows none (never guessed)."""
    url: Annotated[str, Field(pattern=r"^https?://\S+$")]
    about: _Note | None = None
    """Our words on the page in both languages: what it is when there is no title, or what to look at in it."""

    @model_validator(mode="after")
    def _named(self) -> _Source:
        if self.title is None and self.about is None:
            raise _Invalid("a source needs its title or, when it was not recorded, 'about' in both languages",
                           "una fuente requiere su título o, si no se registró, 'about' en ambos idiomas")
        return self


class _Provenance(BaseModel):
    """The provenance every value carries."""

    model_config = _MODEL

    confidence: Confidence
    sources: tuple[SourceId, ...]
    checked_on: date
    note: _Note | None = None

    @model_validator(mode="after")
    def _grounded(self) -> _Provenance:
        if self.confidence in (Confidence.VERIFIED, Confidence.VERIFIED_OLD) and not self.sources:
            raise _Invalid(
                f"a {self.confidence} value needs at least one source",
                f"un valor {self.confidence} requiere al menos una fuente",
            )
        if self.confidence is not Confidence.VERIFIED and not self.note:
            raise _Invalid(
                f"a {self.confidence} value needs a note saying what is open",
                f"un valor {self.confidence} requiere una nota que diga qué falta confirmar",
            )
        return self


class _Title(BaseModel):
    """A table's name as a document prints it, in both languages."""

    model_config = _MODEL

    en: Words
    es: Words


class _Header(BaseModel):
    model_config = _MODEL

    title: _Title
    """What the table holds, as the appendix of a document names it (never the file's name)."""
    version: TableVersionText
    current_to: date
    """The date the table's facts are current to (the newest check)."""
    unit: str = ""
    sources: dict[SourceId, _Source] = {}


class _MinimumWage(_Provenance):
    year: Year
    zone: Literal["general", "zlfn"]
    mxn_per_day: Positive


class _MinimumWagesFile(_Header):
    table: Literal["minimum_wages"]
    values: tuple[_MinimumWage, ...] = Field(min_length=1)


class _Uma(_Provenance):
    year: Year
    mxn_per_day: Positive


class _UmaFile(_Header):
    table: Literal["uma"]
    values: tuple[_Uma, ...] = Field(min_length=1)


class _VacationSteps(BaseModel):
    model_config = _MODEL

    base_days: Days
    step_years: Annotated[int, Field(strict=True, ge=1)]
    step_days: Days


class _Vacation(_Provenance):
    first_years: tuple[Days, ...] = Field(min_length=1)
    then: _VacationSteps


class _VacationFile(_Header):
    table: Literal["vacation"]
    schedule: _Vacation


class _Hours(_Provenance):
    hours: Positive


class _HoursRow(_Hours):
    year: Year


class _WeeklyHoursFile(_Header):
    table: Literal["weekly_hours"]
    before_first_year: _Hours
    values: tuple[_HoursRow, ...] = Field(min_length=1)


class _Rate(_Provenance):
    rate: Fraction


class _Uma_multiple(_Provenance):  # noqa: N801  (reads as "a multiple of the UMA")
    uma: NonNegative


class _EmployerRates(BaseModel):
    model_config = _MODEL

    em_cuota_fija: _Rate
    em_excedente: _Rate
    em_prestaciones_dinero: _Rate
    em_gastos_medicos_pensionados: _Rate
    invalidez_vida: _Rate
    guarderias_prestaciones_sociales: _Rate
    retiro: _Rate


class _WorkerRates(BaseModel):
    model_config = _MODEL

    em_excedente: _Rate
    em_prestaciones_dinero: _Rate
    em_gastos_medicos_pensionados: _Rate
    invalidez_vida: _Rate
    cesantia_vejez: _Rate


class _RiskClassPremiums(BaseModel):
    model_config = _MODEL

    I: _Rate  # noqa: E741  (the legal name of the class)
    II: _Rate
    III: _Rate
    IV: _Rate
    V: _Rate


class _ImssFile(_Header):
    table: Literal["imss"]
    employer_rates: _EmployerRates
    worker_rates: _WorkerRates
    infonavit_rate: _Rate
    sbc_cap_uma: _Uma_multiple
    em_excedente_threshold_uma: _Uma_multiple
    default_risk_class: RiskClass
    risk_class_premiums: _RiskClassPremiums

    @model_validator(mode="after")
    def _cap_positive(self) -> _ImssFile:
        if self.sbc_cap_uma.uma <= 0:
            raise _Invalid("sbc_cap_uma must be > 0", "sbc_cap_uma debe ser > 0")
        return self


class _BandRates(_Provenance):
    rates: tuple[Fraction, ...]

    @model_validator(mode="after")
    def _eight(self) -> _BandRates:
        if len(self.rates) != CESANTIA_VEJEZ_BANDS:
            raise _Invalid(
                f"rates must hold {CESANTIA_VEJEZ_BANDS} band rates, not {len(self.rates)}",
                f"rates debe tener {CESANTIA_VEJEZ_BANDS} tasas por banda, no {len(self.rates)}",
            )
        return self


class _BandRatesRow(_BandRates):
    year: Year


class _CesantiaVejezFile(_Header):
    table: Literal["cesantia_vejez"]
    before_first_year: _BandRates
    values: tuple[_BandRatesRow, ...] = Field(min_length=1)


class _Isn(_Provenance):
    year: Year
    state: Annotated[str, Field(min_length=1)]
    rate: Fraction


class _IsnFile(_Header):
    table: Literal["isn"]
    values: tuple[_Isn, ...] = Field(min_length=1)


class _Default(_Provenance):
    value: NonNegative
    unit: Annotated[str, Field(min_length=1)]


class _DefaultValues(BaseModel):
    model_config = _MODEL

    aguinaldo_days: _Default
    prima_vacacional_rate: _Default
    rest_days_per_year: _Default
    paid_holidays_per_year: _Default
    hours_per_worked_day_at_48h: _Default
    ptu_rate: _Default
    ptu_taxable_income_margin: _Default
    ptu_cap_days: _Default
    dta_mxn_per_pedimento: _Default
    iva_rate: _Default
    us_paid_hours_per_year: _Default


class _DefaultsFile(_Header):
    table: Literal["defaults"]
    values: _DefaultValues


class _Amount(_Provenance):
    value: Positive


class _Share(_Provenance):
    value: Fraction


class _Freight(BaseModel):
    model_config = _MODEL

    crossing_usd_per_load: _Amount
    inland_usd_per_km: _Amount


class _National(BaseModel):
    model_config = _MODEL

    vacancy_rate: _Share
    rent_usd_per_sqft_month: _Amount


class _Market(BaseModel):
    model_config = _MODEL

    city: Words
    state: Words
    municipalities: tuple[Words, ...] = Field(min_length=1)
    crossing: Words
    kind: CrossingKind
    distance_km: _Amount | None
    """Null when no source gives a road distance (never invented) and for a crossing in the city."""
    vacancy_rate: _Share | None
    rent_usd_per_sqft_month: _Amount | None
    crossing_sources: tuple[SourceId, ...] = ()
    """Where the crossing is named; empty when it is assumed (then `note` says so)."""
    note: _Note | None = None

    @model_validator(mode="after")
    def _consistent(self) -> _Market:
        if self.state not in STATES:
            raise _Invalid(
                f"state must be an ISO 3166-2:MX code such as CHH, not '{self.state}'",
                f"state debe ser un código ISO 3166-2:MX como CHH, no '{self.state}'",
            )
        for word in self.municipalities:
            if word != fold_for_search(word):
                raise _Invalid(
                    f"municipalities are written folded (lower case, no accents): '{fold_for_search(word)}', "
                    f"not '{word}'",
                    f"los municipios se escriben normalizados (minúsculas, sin acentos): '{fold_for_search(word)}', "
                    f"no '{word}'",
                )
        if self.kind is CrossingKind.IN_CITY and self.distance_km is not None:
            raise _Invalid(
                "a crossing in the city has no road distance (distance_km: null)",
                "un cruce en la ciudad no tiene distancia por carretera (distance_km: null)",
            )
        return self


class _SitesFile(_Header):
    table: Literal["sites"]
    freight: _Freight
    national: _National
    markets: tuple[_Market, ...] = Field(min_length=1)


FILES: Final[Mapping[str, type[_Header]]] = {
    "minimum_wages.yaml": _MinimumWagesFile,
    "uma.yaml": _UmaFile,
    "vacation.yaml": _VacationFile,
    "weekly_hours.yaml": _WeeklyHoursFile,
    "imss.yaml": _ImssFile,
    "cesantia_vejez.yaml": _CesantiaVejezFile,
    "isn.yaml": _IsnFile,
    "defaults.yaml": _DefaultsFile,
    "sites.yaml": _SitesFile,
}
"""Every reference file and what it holds."""


@dataclass(frozen=True)
class ReferenceProblem:
    """One thing wrong in a reference file; `key` is None for a problem with the file as a whole."""

    file: str
    key: str | None
    en: str
    es: str

    def message(self, language: str = "en") -> str:
        where = self.file if self.key is None else f"{self.file}, {self.key}"
        return f"{where}: {self.es if language.lower().startswith('es') else self.en}"


class ReferenceDataError(UserError):
    """The reference tables do not validate. `problems` lists every problem found."""

    def __init__(self, problems: Sequence[ReferenceProblem]) -> None:
        self.problems = tuple(problems)
        n = len(self.problems)
        en = "\n".join(
            [
                f"The reference tables have {n} problem{'s' if n != 1 else ''}:",
                *(f"- {p.message('en')}" for p in self.problems),
            ]
        )
        es = "\n".join(
            [
                f"Las tablas de referencia tienen {n} problema{'s' if n != 1 else ''}:",
                *(f"- {p.message('es')}" for p in self.problems),
            ]
        )
        super().__init__(en, es)


def default_folder() -> Path:
    return paths.resources_dir() / "reference"


@lru_cache(maxsize=4)
def shipped_reference(folder: Path | None = None) -> ReferenceData:
    """The shipped tables, read once per process (they do not change while it runs)."""
    return load_reference(folder)


def load_reference(folder: Path | None = None, *, today: date | None = None) -> ReferenceData:
    """Read and validate every reference file in `folder` (default: the shipped tables).

    `today` is the date that `current_to` and `checked_on` may not be later than (default: the system date).
    """
    folder = default_folder() if folder is None else folder
    today = date.today() if today is None else today
    if not folder.is_dir():
        raise ReferenceDataError(
            [
                ReferenceProblem(
                    str(folder),
                    None,
                    "the reference folder does not exist",
                    "la carpeta de tablas de referencia no existe",
                )
            ]
        )
    problems: list[ReferenceProblem] = []
    tables: dict[str, _Header] = {}
    for name, model in FILES.items():
        file = folder / name
        if not file.is_file():
            problems.append(ReferenceProblem(name, None, "the file is missing", "falta el archivo"))
            continue
        data = _read_yaml(file, problems)
        if data is None:
            continue
        try:
            table = model.model_validate(data)
        except PydanticValidationError as exc:
            problems.extend(_describe(name, data, exc))
            continue
        problems.extend(_cross_check(name, table, today))
        tables[name] = table
    for file in sorted(folder.iterdir()):
        if file.suffix in (".yaml", ".yml") and file.name not in FILES:
            problems.append(
                ReferenceProblem(
                    file.name,
                    None,
                    f"not a reference table (expected {', '.join(FILES)})",
                    f"no es una tabla de referencia (se esperan {', '.join(FILES)})",
                )
            )
    if problems:
        raise ReferenceDataError(problems)
    return _build(tables)


# ---- reading and explaining ----------------------------------------------------------------------------------


class _Loader(UniqueKeyLoader):
    """The content loader, reading decimals as `Decimal` (never through a float)."""


def _construct_decimal(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal:
    text = str(loader.construct_scalar(node)).replace("_", "")
    if text.lower().lstrip("+-") in (".inf", ".nan"):
        return Decimal("NaN")  # refused as not finite by the models
    return Decimal(text)


_Loader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)


def _read_yaml(file: Path, problems: list[ReferenceProblem]) -> dict[str, Any] | None:
    try:
        data = yaml.load(file.read_text(encoding="utf-8"), Loader=_Loader)  # a SafeLoader: no arbitrary objects
    except UnicodeDecodeError:
        problems.append(ReferenceProblem(file.name, None, "the file is not UTF-8 text", "el archivo no es texto UTF-8"))
        return None
    except OSError as exc:
        problems.append(
            ReferenceProblem(
                file.name,
                None,
                f"the file cannot be read ({exc.strerror})",
                f"no se puede leer el archivo ({exc.strerror})",
            )
        )
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f" at line {mark.line + 1}" if mark is not None else ""
        linea = f" en la línea {mark.line + 1}" if mark is not None else ""
        detail = exc.problem or exc.context or "syntax error"
        problems.append(
            ReferenceProblem(file.name, None, f"malformed YAML{line}: {detail}", f"YAML mal formado{linea}: {detail}")
        )
        return None
    except yaml.YAMLError as exc:
        problems.append(ReferenceProblem(file.name, None, f"malformed YAML: {exc}", f"YAML mal formado: {exc}"))
        return None
    if not isinstance(data, dict):
        problems.append(
            ReferenceProblem(
                file.name,
                None,
                "the file must hold a mapping (table, version, ...)",
                "el archivo debe contener un mapa (table, version, ...)",
            )
        )
        return None
    return data


def _describe(file_name: str, data: Mapping[str, Any], exc: PydanticValidationError) -> Iterable[ReferenceProblem]:
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        key = _dotted(loc) + _entry_hint(data, loc)
        ctx = error.get("ctx") or {}
        if error["type"] == "value_error" and isinstance(ctx.get("error"), _Invalid):
            invalid: _Invalid = ctx["error"]
            yield ReferenceProblem(file_name, key or None, invalid.en, invalid.es)
        elif error["type"] == "missing":
            yield ReferenceProblem(file_name, key, "the value is missing", "falta el valor")
        elif error["type"] == "extra_forbidden":
            yield ReferenceProblem(file_name, key, "unknown key", "clave desconocida")
        else:
            value = repr(error.get("input"))[:60]
            yield ReferenceProblem(
                file_name,
                key or None,
                f"invalid value {value}: {error['msg']}",
                f"valor no válido {value}: {error['msg']}",
            )


def _dotted(loc: Sequence[int | str]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _entry_hint(data: Mapping[str, Any], loc: Sequence[int | str]) -> str:
    """ " (year 2026, state Chihuahua)" for an error inside a list entry, so the reader finds the row."""
    if len(loc) < 2 or not isinstance(loc[1], int) or not isinstance(data.get(str(loc[0])), list):
        return ""
    entries = data[str(loc[0])]
    if loc[1] >= len(entries) or not isinstance(entries[loc[1]], dict):
        return ""
    entry = entries[loc[1]]
    keys = [f"{k} {entry[k]}" for k in ("year", "zone", "state", "city") if k in entry]
    return f" ({', '.join(keys)})" if keys else ""


# ---- checks beyond one value ---------------------------------------------------------------------------------


def _provenances(model: BaseModel, prefix: str = "") -> Iterable[tuple[str, _Provenance]]:
    """Every value's provenance in a table (at any depth: a market's distance too), with its key."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        key = f"{prefix}.{name}" if prefix else name
        entries = enumerate(value) if isinstance(value, tuple) else [(None, value)]
        for i, entry in entries:
            at = key if i is None else f"{key}[{i}]"
            if isinstance(entry, _Provenance):
                yield at, entry
            elif isinstance(entry, BaseModel) and not isinstance(entry, _Source | _Note):
                yield from _provenances(entry, at)


def _row_key(name: str, table: _Header) -> Iterable[tuple[str, tuple[object, ...]]]:
    values = getattr(table, "values", None)
    if not isinstance(values, tuple):
        return
    for i, entry in enumerate(values):
        key = tuple(getattr(entry, k) for k in ("year", "zone", "state") if hasattr(entry, k))
        yield f"values[{i}]", key


def _cross_check(name: str, table: _Header, today: date) -> Iterable[ReferenceProblem]:
    if table.current_to > today:
        yield ReferenceProblem(
            name,
            "current_to",
            f"{table.current_to} is in the future (today is {today})",
            f"{table.current_to} está en el futuro (hoy es {today})",
        )
    for source_id, cited in table.sources.items():
        if cited.published is not None and cited.published > today:
            yield ReferenceProblem(
                name,
                f"sources.{source_id}.published",
                f"{cited.published} is in the future (today is {today})",
                f"{cited.published} está en el futuro (hoy es {today})",
            )
    for key, provenance in _provenances(table):
        for source in provenance.sources:
            if source not in table.sources:
                yield ReferenceProblem(
                    name,
                    key,
                    f"unknown source '{source}' (not in the file's sources)",
                    f"fuente desconocida '{source}' (no está en las fuentes del archivo)",
                )
        if provenance.checked_on > table.current_to:
            yield ReferenceProblem(
                name,
                key,
                f"checked_on {provenance.checked_on} is after current_to {table.current_to}",
                f"checked_on {provenance.checked_on} es posterior a current_to {table.current_to}",
            )
    first: dict[tuple[object, ...], str] = {}
    for key, row in _row_key(name, table):
        if row in first:
            shown = ", ".join(str(part) for part in row)
            yield ReferenceProblem(
                name,
                key,
                f"the row for {shown} is also given at {first[row]}",
                f"la fila de {shown} también está en {first[row]}",
            )
        first.setdefault(row, key)
    if isinstance(table, _SitesFile):
        yield from _check_markets(name, table)


def _check_markets(name: str, table: _SitesFile) -> Iterable[ReferenceProblem]:
    """One market per city, and a municipality names one market of its state only (the match would be ambiguous)."""
    cities: dict[tuple[str, str], str] = {}
    words: dict[tuple[str, str], str] = {}
    for i, market in enumerate(table.markets):
        key = f"markets[{i}]"
        city = (market.state, fold_for_search(market.city))
        if city in cities:
            yield ReferenceProblem(
                name,
                key,
                f"{market.city} ({market.state}) is also given at {cities[city]}",
                f"{market.city} ({market.state}) también está en {cities[city]}",
            )
        cities.setdefault(city, key)
        for source in market.crossing_sources:
            if source not in table.sources:
                yield ReferenceProblem(
                    name,
                    f"{key}.crossing_sources",
                    f"unknown source '{source}' (not in the file's sources)",
                    f"fuente desconocida '{source}' (no está en las fuentes del archivo)",
                )
        for word in market.municipalities:
            if (market.state, word) in words and words[(market.state, word)] != key:
                yield ReferenceProblem(
                    name,
                    f"{key}.municipalities",
                    f"'{word}' also names the market at {words[(market.state, word)]}",
                    f"'{word}' también nombra el mercado de {words[(market.state, word)]}",
                )
            words.setdefault((market.state, word), key)


# ---- building the core's plain values ------------------------------------------------------------------------


def _source(table: _Header, source_id: str) -> Source:
    s = table.sources[source_id]
    about = None if s.about is None else Text(s.about.en, s.about.es)
    return Source(id=source_id, title=s.title, publisher=s.publisher, published=s.published, url=s.url, about=about)


def _provenance(table: _Header, p: _Provenance) -> Provenance:
    return Provenance(
        sources=tuple(_source(table, s) for s in p.sources),
        checked_on=p.checked_on,
        confidence=p.confidence,
        note=None if p.note is None else Text(p.note.en, p.note.es),
    )


V = TypeVar("V")


def _sourced(table: _Header, p: _Provenance, value: V) -> Sourced[V]:
    return Sourced(value, _provenance(table, p))


def _build(tables: Mapping[str, _Header]) -> ReferenceData:
    def get(name: str, kind: type[_H]) -> _H:
        table = tables[name]
        assert isinstance(table, kind)
        return table

    wages = get("minimum_wages.yaml", _MinimumWagesFile)
    uma = get("uma.yaml", _UmaFile)
    vacation = get("vacation.yaml", _VacationFile)
    hours = get("weekly_hours.yaml", _WeeklyHoursFile)
    imss = get("imss.yaml", _ImssFile)
    cyv = get("cesantia_vejez.yaml", _CesantiaVejezFile)
    isn = get("isn.yaml", _IsnFile)
    defaults = get("defaults.yaml", _DefaultsFile)
    zones = {"general": WageZone.GENERAL, "zlfn": WageZone.BORDER}
    v = vacation.schedule
    d = defaults.values
    return ReferenceData(
        minimum_wage_mxn_per_day={(w.year, zones[w.zone]): _sourced(wages, w, w.mxn_per_day) for w in wages.values},
        uma_mxn_per_day={u.year: _sourced(uma, u, u.mxn_per_day) for u in uma.values},
        vacation=_sourced(
            vacation, v, VacationSchedule(v.first_years, v.then.base_days, v.then.step_years, v.then.step_days)
        ),
        weekly_hours=YearSchedule(
            rows={h.year: _sourced(hours, h, h.hours) for h in hours.values},
            before_first_year=_sourced(hours, hours.before_first_year, hours.before_first_year.hours),
        ),
        imss_employer_rates={
            k: _sourced(imss, getattr(imss.employer_rates, k), getattr(imss.employer_rates, k).rate)
            for k in IMSS_EMPLOYER_KEYS
        },
        imss_worker_rates={
            k: _sourced(imss, getattr(imss.worker_rates, k), getattr(imss.worker_rates, k).rate)
            for k in IMSS_WORKER_KEYS
        },
        risk_class_premiums={
            c: _sourced(
                imss, getattr(imss.risk_class_premiums, c.value), getattr(imss.risk_class_premiums, c.value).rate
            )
            for c in RiskClass
        },
        default_risk_class=imss.default_risk_class,
        cesantia_vejez_rates=YearSchedule(
            rows={r.year: _sourced(cyv, r, r.rates) for r in cyv.values},
            before_first_year=_sourced(cyv, cyv.before_first_year, cyv.before_first_year.rates),
        ),
        isn_rate={(i.year, i.state): _sourced(isn, i, i.rate) for i in isn.values},
        defaults=StatutoryDefaults(
            aguinaldo_days=_sourced(defaults, d.aguinaldo_days, d.aguinaldo_days.value),
            prima_vacacional_rate=_sourced(defaults, d.prima_vacacional_rate, d.prima_vacacional_rate.value),
            rest_days_per_year=_sourced(defaults, d.rest_days_per_year, d.rest_days_per_year.value),
            paid_holidays_per_year=_sourced(defaults, d.paid_holidays_per_year, d.paid_holidays_per_year.value),
            hours_per_worked_day_at_48h=_sourced(
                defaults, d.hours_per_worked_day_at_48h, d.hours_per_worked_day_at_48h.value
            ),
            sbc_cap_uma=_sourced(imss, imss.sbc_cap_uma, imss.sbc_cap_uma.uma),
            em_excedente_threshold_uma=_sourced(
                imss, imss.em_excedente_threshold_uma, imss.em_excedente_threshold_uma.uma
            ),
            infonavit_rate=_sourced(imss, imss.infonavit_rate, imss.infonavit_rate.rate),
            ptu_rate=_sourced(defaults, d.ptu_rate, d.ptu_rate.value),
            ptu_taxable_income_margin=_sourced(
                defaults, d.ptu_taxable_income_margin, d.ptu_taxable_income_margin.value
            ),
            ptu_cap_days=_sourced(defaults, d.ptu_cap_days, d.ptu_cap_days.value),
            dta_mxn_per_pedimento=_sourced(defaults, d.dta_mxn_per_pedimento, d.dta_mxn_per_pedimento.value),
            iva_rate=_sourced(defaults, d.iva_rate, d.iva_rate.value),
            us_paid_hours_per_year=_sourced(defaults, d.us_paid_hours_per_year, d.us_paid_hours_per_year.value),
        ),
        sites=_sites(get("sites.yaml", _SitesFile)),
        tables=tuple(
            TableVersion(name, getattr(t, "table", name), t.version, t.current_to, Text(t.title.en, t.title.es))
            for name, t in tables.items()
        ),
    )


def _sites(table: _SitesFile) -> SiteReference:
    def value(p: _Amount | _Share | None) -> Sourced[Decimal] | None:
        return None if p is None else _sourced(table, p, p.value)

    return SiteReference(
        markets=tuple(
            SiteMarket(
                city=m.city,
                state=m.state,
                municipalities=m.municipalities,
                crossing=m.crossing,
                kind=m.kind,
                distance_km=value(m.distance_km),
                vacancy_rate=value(m.vacancy_rate),
                rent_usd_per_sqft_month=value(m.rent_usd_per_sqft_month),
                crossing_sources=tuple(_source(table, s) for s in m.crossing_sources),
                note=None if m.note is None else Text(m.note.en, m.note.es),
            )
            for m in table.markets
        ),
        freight=FreightRates(
            crossing_usd_per_load=_sourced(table, table.freight.crossing_usd_per_load,
                                           table.freight.crossing_usd_per_load.value),
            inland_usd_per_km=_sourced(table, table.freight.inland_usd_per_km, table.freight.inland_usd_per_km.value),
        ),
        national_vacancy_rate=_sourced(table, table.national.vacancy_rate, table.national.vacancy_rate.value),
        national_rent_usd_per_sqft_month=_sourced(
            table, table.national.rent_usd_per_sqft_month, table.national.rent_usd_per_sqft_month.value
        ),
    )


_H = TypeVar("_H", bound=_Header)

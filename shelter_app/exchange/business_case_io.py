"""The headless JSON contract of the business case: `shelter-app/business-case@1` in, `…-result@1` out.

`parse_input` turns an input document (docs/business-case-contract.md §3) into the core's
`BusinessCaseInput`, checking what is JSON-specific: shapes, types, unknown fields (keys
starting with `_` are notes and ignored), integers, 4-digit year keys. The ranges and the
rules across fields are the core's (`core.business_case.validation`), reported here with the
same JSON path. `result_document` writes a computed case as §6 lays it out, every number an
unrounded `Decimal`, and `dumps` prints it as JSON numbers (never strings, never floats).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import fields, is_dataclass
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any, Final, TypeVar

from shelter_app.core.business_case.extras import ScenarioExtras
from shelter_app.core.business_case.ieps import check as check_ieps
from shelter_app.core.business_case.inputs import BusinessCaseInput
from shelter_app.core.business_case.parameters import Parameters
from shelter_app.core.business_case.result import BusinessCaseResult, RoleYear, YearResult
from shelter_app.core.business_case.schema import Node, Shape, document_fields, extra_fields, node
from shelter_app.core.business_case.spec import META, FieldMeta
from shelter_app.core.business_case.validation import InvalidBusinessCase, check_items, check_ranges
from shelter_app.core.errors import ValidationError
from shelter_app.exchange.bounded_json import INPUT_LIMITS, JsonLimitError, read_json_bounded, read_json_file

INPUT_SCHEMA: Final = "shelter-app/business-case@1"
RESULT_SCHEMA: Final = "shelter-app/business-case-result@1"
SUPPORTED_INPUT_SCHEMAS: Final = (INPUT_SCHEMA,)

_YEAR_KEY: Final = re.compile(r"[0-9]{4}")
_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

T = TypeVar("T")


class InvalidInput(ValidationError):
    """The input document breaks the contract; `path` is the JSON path of the offending field (`$.x.y[2]`)."""

    def __init__(self, path: str, problem_en: str, problem_es: str | None = None) -> None:
        super().__init__(f"{path}: {problem_en}", f"{path}: {problem_es or problem_en}", field=path)
        self.path = path


def from_core_error(error: InvalidBusinessCase) -> InvalidInput:
    """The core's rule errors carry the contract path without `$.`."""
    return InvalidInput(f"$.{error.path}", error.problem_en, error.problem_es)


# ---- reading ----------------------------------------------------------------------------------------------------


def parse_json_text(text: str) -> Any:
    """Parse JSON keeping every number exact (`Decimal` or `int`), within the input limits
    (`exchange.bounded_json.INPUT_LIMITS`: size, nesting, digits, entries); a breach names its JSON path."""
    try:
        return read_json_bounded(text, INPUT_LIMITS)
    except JsonLimitError as exc:
        raise InvalidInput(exc.path, exc.problem_en, exc.problem_es) from None


def read_document(path: Path) -> Any:
    """The JSON document of the input file at `path`, read within the input limits (a file over the size
    limit is refused before it is read); an unreadable, non-UTF-8 or malformed file is `InvalidInput` at `$`."""
    try:
        return read_json_file(path, INPUT_LIMITS)
    except JsonLimitError as exc:
        raise InvalidInput(exc.path, exc.problem_en, exc.problem_es) from None


def read_document_file(path: Path) -> dict[str, Any]:
    """A scenario document from a JSON file (`business-case pdf`, `scenario add --from`): a JSON object."""
    loaded = read_document(path)
    if not isinstance(loaded, dict):
        raise InvalidInput("$", "must be a JSON object", "debe ser un objeto JSON")
    return loaded


_MISSING: Final = object()


class _Object:
    """One JSON object at `path`: typed field readers, and a check that no unknown field is left."""

    def __init__(self, value: Any, path: str) -> None:
        if not isinstance(value, dict):
            raise InvalidInput(
                path, f"must be an object, not {_json_type(value)}", f"debe ser un objeto, no {_json_type(value)}"
            )
        self.value: dict[str, Any] = value
        self.path = path
        self.read: set[str] = set()

    def at(self, key: str) -> str:
        return f"{self.path}.{key}"

    def _get(self, key: str, required: bool) -> Any:
        self.read.add(key)
        if key not in self.value:
            if required:
                raise InvalidInput(self.at(key), "is required", "es obligatorio")
            return _MISSING
        return self.value[key]

    def number(self, key: str, default: Decimal | None = None, *, required: bool = False) -> Decimal:
        found = self.optional_number(key, required=required)
        if found is None:
            assert default is not None, key
            return default
        return found

    def optional_number(self, key: str, *, required: bool = False) -> Decimal | None:
        raw = self._get(key, required)
        return None if raw is _MISSING else _number(raw, self.at(key))

    def integer(self, key: str, default: int | None = None, *, required: bool = False) -> int:
        raw = self._get(key, required)
        if raw is _MISSING:
            assert default is not None, key
            return default
        return _integer(raw, self.at(key))

    def string(self, key: str, default: str | None = None, *, required: bool = False, blank: bool = False) -> str:
        """A string; unless `blank`, one that is given must not be blank (an omitted one takes `default`)."""
        raw = self._get(key, required)
        if raw is _MISSING:
            assert default is not None, key
            return default
        if not isinstance(raw, str):
            raise InvalidInput(
                self.at(key), f"must be a string, not {_json_type(raw)}", f"debe ser un texto, no {_json_type(raw)}"
            )
        if not blank and not raw.strip():
            raise InvalidInput(self.at(key), "must not be empty when given", "no debe estar vacío si se indica")
        return raw

    def choice(self, key: str, options: Mapping[str, T], *, required: bool = False) -> T | None:
        raw = self._get(key, required)
        if raw is _MISSING:
            return None
        if not isinstance(raw, str) or raw not in options:
            allowed = ", ".join(f'"{o}"' for o in options)
            shown = json.dumps(_plain_json(raw), ensure_ascii=False)
            raise InvalidInput(
                self.at(key),
                f"must be one of {allowed} (got {shown})",
                f"debe ser uno de {allowed} (se recibió {shown})",
            )
        return options[raw]

    def boolean(self, key: str, default: bool | None = None, *, required: bool = False) -> bool:
        raw = self._get(key, required)
        if raw is _MISSING:
            assert default is not None, key
            return default
        if not isinstance(raw, bool):
            raise InvalidInput(
                self.at(key),
                f"must be true or false, not {_json_type(raw)}",
                f"debe ser true o false, no {_json_type(raw)}",
            )
        return raw

    def object(self, key: str, *, required: bool = False) -> _Object:
        raw = self._get(key, required)
        return _Object({} if raw is _MISSING else raw, self.at(key))

    def array(self, key: str, *, required: bool = False) -> list[Any]:
        raw = self._get(key, required)
        if raw is _MISSING:
            return []
        if not isinstance(raw, list):
            raise InvalidInput(
                self.at(key), f"must be an array, not {_json_type(raw)}", f"debe ser un arreglo, no {_json_type(raw)}"
            )
        return raw

    def year_map(self, key: str, read: Callable[[Any, str], T]) -> dict[int, T]:
        """An object keyed by 4-digit years (`{"2027": 46}`); notes (`_…`) are skipped."""
        entries = self.object(key)
        result: dict[int, T] = {}
        for year_text, raw in entries.value.items():
            if year_text.startswith("_"):
                continue
            path = f"{entries.path}['{year_text}']"
            if _YEAR_KEY.fullmatch(year_text) is None:
                raise InvalidInput(
                    path,
                    'the key must be a 4-digit year such as "2027"',
                    'la clave debe ser un año de 4 dígitos, como "2027"',
                )
            result[int(year_text)] = read(raw, path)
        return result

    def date(self, key: str) -> Any:
        """An ISO date (`2026-07-24`); a missing or null one is `_MISSING`."""
        raw = self._get(key, False)
        if raw is _MISSING or raw is None:
            return _MISSING
        if isinstance(raw, str) and _DATE.fullmatch(raw):
            try:
                return dt.date.fromisoformat(raw)
            except ValueError:
                pass
        shown = json.dumps(_plain_json(raw), ensure_ascii=False)
        raise InvalidInput(
            self.at(key),
            f"must be a date written YYYY-MM-DD, e.g. 2026-07-24 (got {shown})",
            f"debe ser una fecha escrita AAAA-MM-DD, p. ej. 2026-07-24 (se recibió {shown})",
        )

    def done(self) -> None:
        """Refuse the first unknown field: a misspelt field would otherwise fall silently to its default."""
        for key in self.value:
            if key not in self.read and not key.startswith("_"):
                raise InvalidInput(self.at(key), "unknown field", "campo desconocido")


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | Decimal | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _plain_json(value: Any) -> Any:
    return str(value) if isinstance(value, Decimal) else value


def _number(raw: Any, path: str) -> Decimal:
    """A JSON number as an exact Decimal; `true`, strings and NaN/Infinity are refused."""
    if isinstance(raw, bool) or not isinstance(raw, int | Decimal | float):
        raise InvalidInput(
            path, f"must be a finite number, not {_json_type(raw)}", f"debe ser un número finito, no {_json_type(raw)}"
        )
    if isinstance(raw, float):  # a document parsed by someone else's json.loads: its shortest repr is the number
        if not math.isfinite(raw):
            raise InvalidInput(path, "must be a finite number", "debe ser un número finito")
        return Decimal(repr(raw))
    value = Decimal(raw)
    if not value.is_finite():
        raise InvalidInput(path, "must be a finite number", "debe ser un número finito")
    return value


def _integer(raw: Any, path: str) -> int:
    value = _number(raw, path)
    if value != value.to_integral_value():
        raise InvalidInput(
            path, f"must be a whole number (got {value})", f"debe ser un número entero (se recibió {value})"
        )
    return int(value)


def parse_input(doc: Any) -> BusinessCaseInput:
    """Map an input document onto the core input; raise `InvalidInput` naming the first field at fault.

    The fields, their types, which are required and their defaults come from the declaration of
    `core.business_case.inputs` (walked by `core.business_case.schema`). The core's range rules are
    checked when the case is computed (`core.business_case.compute`).
    """
    top = _Object(doc, "$")
    schema = top.value.get("schema", _MISSING)
    if schema not in SUPPORTED_INPUT_SCHEMAS:
        supported = ", ".join(f'"{s}"' for s in SUPPORTED_INPUT_SCHEMAS)
        what = "is missing" if schema is _MISSING else f"is {json.dumps(_plain_json(schema), ensure_ascii=False)}"
        raise InvalidInput(
            "$.schema",
            f"{what}; this command reads {supported}",
            f"{'falta' if schema is _MISSING else 'no es válido'}; este comando lee {supported}",
        )
    top.read.add("schema")
    case = _read_object(top, BusinessCaseInput, document_fields())
    assert isinstance(case, BusinessCaseInput)
    return case


def parse_extras(doc: Any) -> ScenarioExtras:
    """The app's extensions of a stored scenario (`_site`, `_china_baseline`, `_ieps`, the exchange rate's source
    and date), read strictly with the same rules as the contract's fields; `InvalidInput` names the JSON path.
    A scenario that breaks them is not saved (the contract itself ignores them)."""
    if not isinstance(doc, dict):
        raise InvalidInput("$", "must be a JSON object", "debe ser un objeto JSON")
    values: dict[str, Any] = {}
    for n in extra_fields():
        parent_key = n.key.rpartition(".")[0]
        parent = doc.get(parent_key, {}) if parent_key else doc
        obj = _Object(parent if isinstance(parent, dict) else {}, f"$.{parent_key}" if parent_key else "$")
        value = _read_field(obj, n, notes=False, app=True)
        if value is not _MISSING:
            values[n.name] = value
    extras = ScenarioExtras(**values)
    try:
        for n in extra_fields():
            got = getattr(extras, n.name)
            if got is not None and n.shape is Shape.OBJECT:
                check_ranges(got, n.children, n.key)
            elif got is not None:
                check_ranges(extras, (n,))
        if extras.ieps is not None:
            check_ieps(extras.ieps)
    except InvalidBusinessCase as exc:
        raise from_core_error(exc) from None
    return extras


def _read_object(obj: _Object, kind: type, nodes: Iterable[Node], *, app: bool = False) -> Any:
    """One object of the document as the dataclass `kind`; every key not declared is refused (notes aside)."""
    values: dict[str, Any] = {}
    for n in nodes:
        value = _read_field(obj, n, notes=True, app=app)
        if value is not _MISSING:
            values[n.name] = value
    obj.done()
    return kind(**values)


def _read_field(obj: _Object, n: Node, *, notes: bool, app: bool = False) -> Any:
    """The value of field `n` in `obj`, or `_MISSING` to keep the dataclass default.

    A field whose key starts with `_` is a note to the contract: with `notes`, a value of the wrong type is
    ignored as a note would be; the app's strict reading (`notes=False`) refuses it like any other. In the
    app's extensions (`app`), null is the same as absent and texts are trimmed."""
    key = n.key.rpartition(".")[2]
    if app and key in obj.value and obj.value[key] is None:
        obj.read.add(key)
        return _MISSING
    if key.startswith("_") and notes:
        raw = obj.value.get(key, _MISSING)
        obj.read.add(key)
        if raw is _MISSING:
            return _MISSING
        try:
            return _read_field(_Object({key: raw}, obj.path), n, notes=False)
        except InvalidInput:
            return _MISSING
    required = n.required
    if n.optional and n.shape in (Shape.OBJECT, Shape.DATE) and obj.value.get(key) is None:
        obj.read.add(key)
        return _MISSING  # an optional object or date given as null is one left out
    if n.shape is Shape.NUMBER:
        if n.optional:
            found = obj.optional_number(key, required=required)
            return _MISSING if found is None else found
        return obj.number(key, required=True) if required else obj.number(key, n.default)
    if n.shape is Shape.INTEGER:
        return obj.integer(key, required=True) if required else obj.integer(key, n.default)
    if n.shape is Shape.BOOL:
        return obj.boolean(key, required=True) if required else obj.boolean(key, n.default)
    if n.shape is Shape.TEXT:
        if n.meta.choices and not n.meta.open_choices:
            found = obj.choice(key, {c.json: c.value for c in n.meta.choices}, required=required)
            return _MISSING if found is None else found
        text = obj.string(key, required=True, blank=n.meta.blank) if required else \
            obj.string(key, n.default, blank=n.meta.blank)
        return text.strip() if app else text
    if n.shape is Shape.CHOICE:
        found = obj.choice(key, {c.json: c.value for c in n.meta.choices}, required=required)
        return _MISSING if found is None else found
    if n.shape is Shape.DATE:
        return obj.date(key)
    if n.shape is Shape.YEAR_MAP:
        years = obj.year_map(key, _band_rates if n.entry is Shape.NUMBER_LIST else _number)
        _count(obj.at(key), len(years), n)
        return years
    if n.shape is Shape.OBJECT:
        assert n.kind is not None
        child = obj.object(key, required=required)
        return _read_object(child, n.kind, n.children, app=app)
    if n.shape is Shape.OBJECT_LIST:
        assert n.kind is not None
        kind = n.kind
        items = obj.array(key, required=required)
        base = obj.at(key)
        _count(base, len(items), n)  # before a single entry is read: a list of 100,000 roles costs nothing
        return tuple(_read_object(_Object(raw, f"{base}[{i}]"), kind, n.children) for i, raw in enumerate(items))
    raise AssertionError(f"{n.path}: no reader for {n.shape}")


def _count(path: str, count: int, n: Node) -> None:
    """Refuse a list or year map longer than its field's `max_items`."""
    if n.meta.max_items is not None:
        try:
            check_items(path, count, n.meta.max_items)
        except InvalidBusinessCase as exc:
            raise InvalidInput(path, exc.problem_en, exc.problem_es) from None


def _band_rates(raw: Any, path: str) -> tuple[Decimal, ...]:
    if not isinstance(raw, list):
        raise InvalidInput(
            path,
            f"must be an array of 8 fractions, not {_json_type(raw)}",
            f"debe ser un arreglo de 8 fracciones, no {_json_type(raw)}",
        )
    return tuple(_number(rate, f"{path}[{i}]") for i, rate in enumerate(raw))


# ---- writing ----------------------------------------------------------------------------------------------------

Json = dict[str, Any]


def input_document(case: BusinessCaseInput, extras: ScenarioExtras | None = None) -> Json:
    """An input document of `case` (and the app's extensions): what `parse_input` reads back as the same case.

    Fields left None (filled by their rule when computed) and texts left empty are left out."""
    document: Json = {"schema": INPUT_SCHEMA, **_write_object(case, document_fields())}
    if extras is not None:
        for n, value in _write_fields(extras, extra_fields()):
            parent_key, _, key = n.key.rpartition(".")
            target = document.setdefault(parent_key, {}) if parent_key else document
            target[key] = value
    return document


def _write_object(value: Any, nodes: Iterable[Node]) -> Json:
    return {n.key: written for n, written in _write_fields(value, nodes)}


def _write_fields(value: Any, nodes: Iterable[Node]) -> Iterable[tuple[Node, Any]]:
    for n in nodes:
        got = getattr(value, n.name)
        if got is None or (n.shape is Shape.TEXT and got == "" and not n.required):
            continue
        yield n, _written(n, got)


def _written(n: Node, value: Any) -> Any:
    if n.shape is Shape.CHOICE or (n.shape is Shape.TEXT and n.meta.choices and not n.meta.open_choices):
        return n.choice_of(value)
    if n.shape is Shape.DATE:
        return value.isoformat()
    if n.shape is Shape.YEAR_MAP:
        return {str(year): list(entry) if isinstance(entry, tuple) else entry for year, entry in value.items()}
    if n.shape is Shape.NUMBER_LIST:
        return list(value)
    if n.shape is Shape.OBJECT:
        return _write_object(value, n.children)
    if n.shape is Shape.OBJECT_LIST:
        return [_write_object(element, n.children) for element in value]
    return value


def _plain(value: Any) -> Any:
    """A result dataclass as plain JSON values, field names kept (they are the contract's)."""
    if isinstance(value, Decimal | int | str | bool) or value is None:
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value) if not _app_only(f.metadata)}
    raise TypeError(f"no JSON form for {type(value).__name__}")


def _app_only(metadata: Mapping[str, Any]) -> bool:
    """A field the app keeps beside the contract (a `_` key such as a prefilled item's `_key`): never echoed in
    a result."""
    meta = metadata.get(META)
    return isinstance(meta, FieldMeta) and meta.json_name.startswith("_")


def _years_map(values: Mapping[int, Any]) -> Json:
    return {str(year): _plain(value) for year, value in values.items()}


def _parameters(p: Parameters) -> Json:
    return {
        "state": p.state,
        "wage_zone": node("location.wage_zone").choice_of(p.wage_zone),
        "min_wage_mxn_per_day": p.min_wage_mxn_per_day,
        "uma_mxn_per_day": p.uma_mxn_per_day,
        "isn_rate": p.isn_rate,
        "risk_class": p.risk_class.value,
        "rt_premium_rate": p.rt_premium_rate,
        "aguinaldo_days": p.aguinaldo_days,
        "seniority_years": p.seniority_years,
        "vacation_days": p.vacation_days,
        "prima_vacacional_rate": p.prima_vacacional_rate,
        "rest_days_per_year": p.rest_days_per_year,
        "paid_holidays_per_year": p.paid_holidays_per_year,
        "worked_days_per_year": p.worked_days_per_year,
        "hours_per_worked_day_at_48h": p.hours_per_worked_day_at_48h,
        "integration_factor": p.integration_factor,
        "sbc_cap_uma": p.sbc_cap_uma,
        "em_excedente_threshold_uma": p.em_excedente_threshold_uma,
        "imss_employer_rates": _plain(p.imss_employer_rates),
        "imss_worker_rates": _plain(p.imss_worker_rates),
        "infonavit_rate": p.infonavit_rate,
        "weekly_hours_by_year": _years_map(p.weekly_hours_by_year),
        "cesantia_vejez_employer_rates_by_year": _years_map(p.cesantia_vejez_rates_by_year),
        "productivity_factor": p.productivity_factor,
        "ptu": _plain(p.ptu),
        "escalation": _plain(p.escalation),
        "shelter_fee_model": p.shelter_fee_model.value,
        "dta_mxn_per_pedimento": p.dta_mxn_per_pedimento,
        "iva_rate": p.iva_rate,
        "us_paid_hours_per_year": p.us_paid_hours_per_year,
    }


def _role_json(r: RoleYear) -> Json:
    role = r.role
    head = {
        "id": role.id,
        "name": role.display_name,
        "direct": role.direct,
        "ptu_eligible": role.ptu_eligible,
        "headcount": role.headcount,
    }
    rest: Json = _plain(r)
    del rest["role"]
    return head | rest


def _year_json(y: YearResult) -> Json:
    year: Json = _plain(y)
    year["roles"] = [_role_json(r) for r in y.roles]
    return year


def _sources(p: Parameters) -> Json:
    """Extra (ignored by the check): what a report prints as overrides and as values to verify."""
    return {
        "overrides": [
            {
                "parameter": s.parameter,
                "value": _plain(s.value),
                "reference_value": _plain(s.reference_value),
                "reason": s.reason,
            }
            for s in p.overrides
        ],
        "to_verify": [
            {
                "parameter": s.parameter,
                "value": _plain(s.value),
                "confidence": s.provenance.confidence.value,
                "note": s.provenance.note.en if s.provenance.note is not None else "",
            }
            for s in p.to_verify
            if s.provenance is not None
        ],
    }


def result_document(result: BusinessCaseResult) -> Json:
    """The result document of §6 (plus the extra `reference` object), numbers as unrounded `Decimal`."""
    scenario = result.case.scenario
    return {
        "schema": RESULT_SCHEMA,
        "input_schema": INPUT_SCHEMA,
        "scenario": {
            "name": scenario.name,
            "base_year": scenario.base_year,
            "horizon_years": scenario.horizon_years,
            "years": list(scenario.years),
            "fx_mxn_per_usd": scenario.fx_mxn_per_usd,
            "discount_rate": scenario.discount_rate,
        },
        "parameters": _parameters(result.parameters),
        "years": [_year_json(y) for y in result.years],
        "one_time": _plain(result.one_time),
        "returns": _plain(result.returns),
        "iva_financing": _plain(result.iva_financing),
        "reference": _sources(result.parameters),
    }


def _number_text(value: Decimal) -> str:
    """A finite Decimal as a JSON number: no exponent, no trailing zeros ("1E+2" → "100", "0.50" → "0.5")."""
    if not value.is_finite():
        raise ValueError(f"{value} has no JSON form")
    text = format(value.normalize(), "f")
    return "0" if text == "-0" else text


def dumps(value: Any, indent: int = 2) -> str:
    """JSON text with every Decimal as an exact number; floats are refused (none belongs in a result)."""
    pad = " " * indent

    def emit(v: Any, depth: int) -> str:
        if v is None:
            return "null"
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, int):
            return str(v)
        if isinstance(v, Decimal):
            return _number_text(v)
        if isinstance(v, str):
            return json.dumps(v, ensure_ascii=False)
        inner, outer = pad * (depth + 1), pad * depth
        if isinstance(v, dict):
            if not v:
                return "{}"
            items = (f"{inner}{json.dumps(str(k), ensure_ascii=False)}: {emit(x, depth + 1)}" for k, x in v.items())
            return "{\n" + ",\n".join(items) + f"\n{outer}}}"
        if isinstance(v, list | tuple):
            if not v:
                return "[]"
            return "[\n" + ",\n".join(f"{inner}{emit(x, depth + 1)}" for x in v) + f"\n{outer}]"
        raise TypeError(f"no JSON form for {type(v).__name__} (a result holds Decimal, never float)")

    return emit(value, 0)

"""The headless JSON contract of the business case: `shelter-app/business-case@1` in, `…-result@1` out.

`parse_input` turns an input document (business-case-io.md §3) into the core's
`BusinessCaseInput`, checking what is JSON-specific: shapes, types, unknown fields (keys
starting with `_` are notes and ignored), integers, 4-digit year keys. The ranges and the
rules across fields are the core's (`core.business_case.validation`), reported here with the
same JSON path. `result_document` writes a computed case as §6 lays it out, every number an
unrounded `Decimal`, and `dumps` prints it as JSON numbers (never strings, never floats).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import fields, is_dataclass
from decimal import Decimal
from enum import Enum
from typing import Any, Final, TypeVar

from shelter_app.core.answers import WageZone
from shelter_app.core.business_case.inputs import (
    BusinessCaseInput,
    Escalation,
    Facility,
    FeeModel,
    ImssEmployerRateInputs,
    ImssWorkerRateInputs,
    IvaFinancing,
    Location,
    Logistics,
    MarketBenefits,
    OneTime,
    OneTimeItem,
    PtuInputs,
    Role,
    Scenario,
    ShelterFee,
    SiteOverhead,
    StatutoryInputs,
    UsBaseline,
    Utilities,
    Workforce,
)
from shelter_app.core.business_case.parameters import Parameters
from shelter_app.core.business_case.reference import RiskClass
from shelter_app.core.business_case.result import BusinessCaseResult, RoleYear, YearResult
from shelter_app.core.business_case.validation import InvalidBusinessCase
from shelter_app.core.errors import ValidationError

INPUT_SCHEMA: Final = "shelter-app/business-case@1"
RESULT_SCHEMA: Final = "shelter-app/business-case-result@1"
SUPPORTED_INPUT_SCHEMAS: Final = (INPUT_SCHEMA,)

_YEAR_KEY: Final = re.compile(r"[0-9]{4}")
_ZONES: Final = {"general": WageZone.GENERAL, "zlfn": WageZone.BORDER}
_ZONE_NAMES: Final = {zone: name for name, zone in _ZONES.items()}

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
    """Parse JSON keeping every number exact (`Decimal` or `int`); NaN and Infinity are kept to be refused by path."""

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj: dict[str, Any] = {}
        for key, value in pairs:
            if key in obj:
                raise InvalidInput(
                    "$",
                    f"malformed JSON: the key {key!r} appears twice in one object",
                    f"JSON mal formado: la clave {key!r} aparece dos veces en un objeto",
                )
            obj[key] = value
        return obj

    try:
        return json.loads(text, parse_float=Decimal, parse_constant=Decimal, object_pairs_hook=no_duplicates)
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            "$",
            f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}",
            f"JSON mal formado en la línea {exc.lineno}, columna {exc.colno}: {exc.msg}",
        ) from None


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

    The core's range rules are checked when the case is computed (`core.business_case.compute`).
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
    scenario = _scenario(top.object("scenario", required=True))
    location = _location(top.object("location", required=True))
    workforce = _workforce(top.object("workforce", required=True))
    statutory = _statutory(top.object("statutory"))
    ptu_obj = top.object("ptu")
    ptu = PtuInputs(
        rate=ptu_obj.optional_number("rate"),
        taxable_income_margin=ptu_obj.optional_number("taxable_income_margin"),
        cap_days=ptu_obj.optional_number("cap_days"),
    )
    ptu_obj.done()
    facility = _flat(top.object("facility"), Facility)
    utilities = _flat(top.object("utilities"), Utilities)
    overhead = _flat(top.object("site_overhead"), SiteOverhead)
    fee = _shelter_fee(top.object("shelter_fee", required=True))
    logistics = _flat(top.object("logistics"), Logistics)
    baseline = _us_baseline(top.object("us_baseline", required=True))
    one_time = _one_time(top.object("one_time"))
    escalation = _flat(top.object("escalation"), Escalation)
    iva = _iva(top.object("iva_financing"))
    top.done()
    return BusinessCaseInput(
        scenario=scenario,
        location=location,
        workforce=workforce,
        shelter_fee=fee,
        us_baseline=baseline,
        statutory=statutory,
        ptu=ptu,
        facility=facility,
        utilities=utilities,
        site_overhead=overhead,
        logistics=logistics,
        one_time=one_time,
        escalation=escalation,
        iva_financing=iva,
    )


D = TypeVar("D")


def _flat(obj: _Object, kind: type[D]) -> D:
    """An object whose every field is an optional number, read into the dataclass of the same field names."""
    values: dict[str, Decimal] = {}
    for f in fields(kind):  # type: ignore[arg-type]
        found = obj.optional_number(f.name)
        if found is not None:
            values[f.name] = found
    obj.done()
    return kind(**values)


def _scenario(obj: _Object) -> Scenario:
    scenario = Scenario(
        name=obj.string("name", ""),
        base_year=obj.integer("base_year", required=True),
        horizon_years=obj.integer("horizon_years", required=True),
        fx_mxn_per_usd=obj.number("fx_mxn_per_usd", required=True),
        discount_rate=obj.number("discount_rate", required=True),
        ramp_realization_by_year=obj.year_map("ramp_realization_by_year", _number),
    )
    obj.done()
    return scenario


def _location(obj: _Object) -> Location:
    zone = obj.choice("wage_zone", _ZONES, required=True)
    assert zone is not None
    location = Location(state=obj.string("state", required=True), wage_zone=zone, city=obj.string("city", ""))
    obj.done()
    return location


def _workforce(obj: _Object) -> Workforce:
    raw_roles = obj.array("roles", required=True)
    roles = tuple(_role(_Object(raw, f"{obj.at('roles')}[{i}]")) for i, raw in enumerate(raw_roles))
    workforce = Workforce(
        roles=roles,
        seniority_years=obj.integer("seniority_years", 1),
        productivity_factor=obj.number("productivity_factor", Decimal(1)),
    )
    obj.done()
    return workforce


def _role(obj: _Object) -> Role:
    role = Role(
        id=obj.string("id", required=True),
        name=obj.string("name", ""),
        headcount=obj.number("headcount", required=True),
        daily_wage_mxn=obj.number("daily_wage_mxn", required=True),
        direct=obj.boolean("direct", required=True),
        ptu_eligible=obj.boolean("ptu_eligible", True),
        market_benefits=_flat(obj.object("market_benefits"), MarketBenefits),
    )
    obj.done()
    return role


def _statutory(obj: _Object) -> StatutoryInputs:
    def band_rates(raw: Any, path: str) -> tuple[Decimal, ...]:
        if not isinstance(raw, list):
            raise InvalidInput(
                path,
                f"must be an array of 8 fractions, not {_json_type(raw)}",
                f"debe ser un arreglo de 8 fracciones, no {_json_type(raw)}",
            )
        return tuple(_number(rate, f"{path}[{i}]") for i, rate in enumerate(raw))

    statutory = StatutoryInputs(
        min_wage_mxn_per_day=obj.optional_number("min_wage_mxn_per_day"),
        uma_mxn_per_day=obj.optional_number("uma_mxn_per_day"),
        isn_rate=obj.optional_number("isn_rate"),
        risk_class=obj.choice("risk_class", {c.value: c for c in RiskClass}),
        rt_premium_rate=obj.optional_number("rt_premium_rate"),
        aguinaldo_days=obj.optional_number("aguinaldo_days"),
        vacation_days=obj.optional_number("vacation_days"),
        prima_vacacional_rate=obj.optional_number("prima_vacacional_rate"),
        rest_days_per_year=obj.optional_number("rest_days_per_year"),
        paid_holidays_per_year=obj.optional_number("paid_holidays_per_year"),
        worked_days_per_year=obj.optional_number("worked_days_per_year"),
        hours_per_worked_day_at_48h=obj.optional_number("hours_per_worked_day_at_48h"),
        weekly_hours_by_year=obj.year_map("weekly_hours_by_year", _number),
        sbc_cap_uma=obj.optional_number("sbc_cap_uma"),
        em_excedente_threshold_uma=obj.optional_number("em_excedente_threshold_uma"),
        imss_employer_rates=_flat(obj.object("imss_employer_rates"), ImssEmployerRateInputs),
        imss_worker_rates=_flat(obj.object("imss_worker_rates"), ImssWorkerRateInputs),
        infonavit_rate=obj.optional_number("infonavit_rate"),
        cesantia_vejez_employer_rates_by_year=obj.year_map("cesantia_vejez_employer_rates_by_year", band_rates),
    )
    obj.done()
    return statutory


def _shelter_fee(obj: _Object) -> ShelterFee:
    model = obj.choice("model", {m.value: m for m in FeeModel}, required=True)
    assert model is not None
    fee = ShelterFee(
        model=model,
        usd_per_head_per_month=obj.optional_number("usd_per_head_per_month"),
        usd_per_worked_hour=obj.optional_number("usd_per_worked_hour"),
        markup_rate=obj.optional_number("markup_rate"),
    )
    obj.done()
    return fee


def _us_baseline(obj: _Object) -> UsBaseline:
    required = {"direct_wage_usd_per_hour", "indirect_salary_usd_per_year", "benefits_burden_rate"}
    values: dict[str, Decimal] = {}
    for f in fields(UsBaseline):
        found = obj.optional_number(f.name, required=f.name in required)
        if found is not None:
            values[f.name] = found
    obj.done()
    return UsBaseline(**values)


def _one_time(obj: _Object) -> OneTime:
    items = []
    for i, raw in enumerate(obj.array("items")):
        item = _Object(raw, f"{obj.at('items')}[{i}]")
        items.append(
            OneTimeItem(
                name=item.string("name", required=True, blank=True), amount_usd=item.number("amount_usd", required=True)
            )
        )
        item.done()
    one_time = OneTime(
        items=tuple(items),
        contingency_rate=obj.number("contingency_rate", Decimal(0)),
        pipeline_inventory_usd=obj.number("pipeline_inventory_usd", Decimal(0)),
    )
    obj.done()
    return one_time


def _iva(obj: _Object) -> IvaFinancing:
    iva = IvaFinancing(
        certified=obj.boolean("certified", True),
        temporary_imports_usd_per_month=obj.number("temporary_imports_usd_per_month", Decimal(0)),
        iva_rate=obj.optional_number("iva_rate"),
        recovery_lag_months=obj.number("recovery_lag_months", Decimal(0)),
        cost_of_capital_rate=obj.optional_number("cost_of_capital_rate"),
    )
    obj.done()
    return iva


# ---- writing ----------------------------------------------------------------------------------------------------

Json = dict[str, Any]


def _plain(value: Any) -> Any:
    """A result dataclass as plain JSON values, field names kept (they are the contract's)."""
    if isinstance(value, Decimal | int | str | bool) or value is None:
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    raise TypeError(f"no JSON form for {type(value).__name__}")


def _years_map(values: Mapping[int, Any]) -> Json:
    return {str(year): _plain(value) for year, value in values.items()}


def _parameters(p: Parameters) -> Json:
    return {
        "state": p.state,
        "wage_zone": _ZONE_NAMES[p.wage_zone],
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

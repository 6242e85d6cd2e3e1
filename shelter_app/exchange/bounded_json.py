"""JSON that comes in from a file, read within declared limits: size, nesting, numbers, array lengths.

Every JSON document the program takes from outside (a business-case input, a scenario file, the answers of
`forms fill`) goes through `read_json_bounded`, so a hostile or broken file is refused with a message that
names the JSON path at fault (`$.workforce.roles[3].headcount`) instead of a traceback, a runaway
computation or gigabytes of memory. The limits are declared once, in `INPUT_LIMITS`.

How each limit is kept without first building the thing it limits:

* size: a file is checked with `stat` and then read at most one byte past the limit;
* numbers: `json`'s `parse_int`/`parse_float` hooks receive the number's text and refuse a long one before
  any `int` is built (a 5,000-digit integer would otherwise hit Python's int-to-str digit limit);
* nesting: the parsed tree is walked only down to the limit; a document so deep that the parser itself gives
  up (`RecursionError`) is scanned once to name the path where it goes past the limit.

Numbers come back exact: integers as `int`, everything else as `Decimal`. NaN and Infinity are refused.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Final

from shelter_app.core.errors import ValidationError


@dataclass(frozen=True)
class JsonLimits:
    """What a JSON document read from outside may hold."""

    max_bytes: int
    """The largest file (or text, in UTF-8 bytes)."""
    max_depth: int
    """The deepest nesting of arrays and objects (the top-level value is depth 1)."""
    max_number_chars: int
    """The longest number as written (digits, sign, point and exponent)."""
    max_integer_digits: int
    """Digits before the decimal point once the exponent is applied: 15 keeps every number below 10¹⁵."""
    max_decimal_places: int
    """Digits after the decimal point once the exponent is applied."""
    max_items: int
    """The most entries of any one array or object (a field may allow fewer)."""


INPUT_LIMITS: Final = JsonLimits(
    max_bytes=2 * 1024 * 1024,
    max_depth=32,
    max_number_chars=64,
    max_integer_digits=15,
    max_decimal_places=40,
    max_items=10_000,
)
"""The limits of every JSON file the program reads: a business-case scenario is a few kilobytes, a form's
answers a few tens; no field of either needs a number of 10¹⁵ or more."""


class JsonLimitError(ValidationError):
    """A JSON document breaks its limits or is malformed; `path` is the JSON path at fault (`$` for the whole)."""

    def __init__(self, path: str, problem_en: str, problem_es: str) -> None:
        super().__init__(f"{path}: {problem_en}", f"{path}: {problem_es}", field=path)
        self.path = path
        self.problem_en = problem_en
        self.problem_es = problem_es


class JsonTooDeep(JsonLimitError):
    """The document nests arrays and objects deeper than its limit; `path` is the first one too deep."""


@dataclass(frozen=True)
class _Refused:
    """A number the hooks would not build; the walk reports it with its path."""

    en: str
    es: str


def _number_hooks(limits: JsonLimits, floats: bool = False) -> tuple[
        Callable[[str], Any], Callable[[str], Any], Callable[[str], Any]]:
    def too_long(text: str) -> _Refused | None:
        if len(text) > limits.max_number_chars:
            return _Refused(f"the number is too long: more than {limits.max_number_chars} characters",
                            f"el número es demasiado largo: más de {limits.max_number_chars} caracteres")
        return None

    def out_of_bounds(value: Decimal) -> _Refused | None:
        _sign, digits, exponent = value.as_tuple()
        assert isinstance(exponent, int)
        whole = len(digits) + exponent if value != 0 else 0
        if whole > limits.max_integer_digits:
            return _Refused(f"the number is too large: more than {limits.max_integer_digits} digits before the "
                            "decimal point",
                            f"el número es demasiado grande: más de {limits.max_integer_digits} dígitos antes del "
                            "punto decimal")
        if -exponent > limits.max_decimal_places:
            return _Refused(f"the number has more than {limits.max_decimal_places} decimal places",
                            f"el número tiene más de {limits.max_decimal_places} decimales")
        return None

    short = min(limits.max_integer_digits, limits.max_decimal_places)  # no longer text breaks a bound

    def parse_int(text: str) -> Any:
        refused = too_long(text)
        if refused is None and len(text.lstrip("-")) > limits.max_integer_digits:
            refused = out_of_bounds(Decimal(text))
        return refused or int(text)

    def parse_float(text: str) -> Any:
        refused = too_long(text)
        if refused is not None:
            return refused
        if "e" not in text and "E" not in text:  # the common case, bounded by its text alone (millions per file)
            if len(text) <= short:
                return float(text) if floats else Decimal(text)
            whole, _, places = text.lstrip("-").partition(".")
            if len(whole.lstrip("0")) <= limits.max_integer_digits and len(places) <= limits.max_decimal_places:
                return float(text) if floats else Decimal(text)
        try:
            value = Decimal(text)
        except InvalidOperation:  # the scanner only hands over valid JSON numbers; kept as a guard
            return _Refused("is not a number", "no es un número")
        return out_of_bounds(value) or (float(value) if floats else value)

    def parse_constant(text: str) -> Any:
        return _Refused(f"must be a finite number ({text} is not a JSON number)",
                        f"debe ser un número finito ({text} no es un número JSON)")

    return parse_int, parse_float, parse_constant


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any] | _Refused:
    """The object of `pairs`; a key given twice is refused by the walk, which knows the object's path."""
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj:
            return _Refused(f"malformed JSON: the key {key!r} appears twice in one object",
                            f"JSON mal formado: la clave {key!r} aparece dos veces en un objeto")
        obj[key] = value
    return obj


def read_json_file(path: Path, limits: JsonLimits = INPUT_LIMITS, *, floats: bool = False) -> Any:
    """The JSON document of the file at `path`, within `limits`; `JsonLimitError` (path `$` for the file)
    when it is too large, unreadable, not UTF-8 or malformed, or names the path of the value at fault."""
    too_large = JsonLimitError(
        "$", f"{path} is larger than {_size(limits.max_bytes)}, the most this command reads",
        f"{path} ocupa más de {_size(limits.max_bytes)}, lo más que lee este comando")
    try:
        if path.is_file() and path.stat().st_size > limits.max_bytes:
            raise too_large
        with path.open("rb") as stream:
            data = stream.read(limits.max_bytes + 1)
    except OSError as exc:
        raise JsonLimitError("$", f"cannot read {path}: {exc.strerror or exc}",
                             f"no se puede leer {path}: {exc.strerror or exc}") from None
    if len(data) > limits.max_bytes:
        raise too_large
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise JsonLimitError("$", f"{path} is not UTF-8 text", f"{path} no es texto UTF-8") from None
    return read_json_bounded(text, limits, floats=floats)


def read_json_bounded(text: str, limits: JsonLimits = INPUT_LIMITS, *, floats: bool = False) -> Any:
    """Parse JSON `text` within `limits`: exact numbers (`int`, `Decimal`), no repeated key in an object.

    `floats`: a number with a point or an exponent comes back as a (finite) `float` instead of a `Decimal`, for
    the readers of documents that hold plain JSON (`json.loads`'s types); its bounds are checked all the same."""
    if len(text) > limits.max_bytes or len(text.encode("utf-8", "surrogatepass")) > limits.max_bytes:
        raise JsonLimitError("$", f"the document is larger than {_size(limits.max_bytes)}",
                             f"el documento ocupa más de {_size(limits.max_bytes)}")
    parse_int, parse_float, parse_constant = _number_hooks(limits, floats)
    try:
        value = json.loads(text, parse_int=parse_int, parse_float=parse_float, parse_constant=parse_constant,
                           object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        raise JsonLimitError(
            "$", f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}",
            f"JSON mal formado en la línea {exc.lineno}, columna {exc.colno}: {exc.msg}") from None
    except RecursionError:  # deeper than the parser goes: find where it passes the limit
        raise _too_deep(_deep_path(text, limits.max_depth), limits) from None
    _check(value, "$", 1, limits)
    return value


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit % (1024 * 1024) == 0 else f"{limit} bytes"


def _too_deep(path: str, limits: JsonLimits) -> JsonTooDeep:
    return JsonTooDeep(path, f"nested more than {limits.max_depth} levels deep",
                          f"anidado a más de {limits.max_depth} niveles de profundidad")


_NAME: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def member(path: str, key: str) -> str:
    """The path of `key` inside the object at `path`: `$.a.b`, or `$.a['2027']` for a key that is not a name."""
    return f"{path}.{key}" if _NAME.fullmatch(key) else f"{path}[{json.dumps(key, ensure_ascii=False)[1:-1]!r}]"


def _check(value: Any, path: str, depth: int, limits: JsonLimits) -> None:
    """Refuse the first number the hooks refused, and any array or object too long or too deep, by path."""
    if isinstance(value, _Refused):
        raise JsonLimitError(path, value.en, value.es)
    if isinstance(value, dict | list):
        if depth > limits.max_depth:
            raise _too_deep(path, limits)
        if len(value) > limits.max_items:
            what_en, what_es = ("an array", "un arreglo") if isinstance(value, list) else ("an object", "un objeto")
            raise JsonLimitError(path, f"must be {what_en} of at most {limits.max_items} entries (got {len(value)})",
                                 f"debe ser {what_es} de a lo más {limits.max_items} elementos "
                                 f"(se recibieron {len(value)})")
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, dict | list | _Refused):
                    _check(item, member(path, key), depth + 1, limits)
        else:
            for i, item in enumerate(value):
                if isinstance(item, dict | list | _Refused):
                    _check(item, f"{path}[{i}]", depth + 1, limits)


_TOKEN: Final = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{},]')


def _deep_path(text: str, max_depth: int) -> str:
    """The path of the first array or object nested deeper than `max_depth`, by a scan of the text alone."""
    stack: list[list[Any]] = []  # per open container: [kind, key or index]
    expecting_key = False
    for match in _TOKEN.finditer(text):
        token = match.group()
        first = token[0]
        if first == '"':
            if expecting_key and stack and stack[-1][0] == "{":
                try:
                    stack[-1][1] = json.loads(token)
                except ValueError:
                    stack[-1][1] = token[1:-1]
                expecting_key = False
        elif first in "[{":
            if len(stack) >= max_depth:
                break
            stack.append([first, 0 if first == "[" else ""])
            expecting_key = first == "{"
        elif first in "]}":
            if stack:
                stack.pop()
            expecting_key = False
        elif stack:  # a comma
            if stack[-1][0] == "[":
                stack[-1][1] += 1
            else:
                expecting_key = True
    path = "$"  # each open container gives the step into its child: together, the path of the one too deep
    for kind, at in stack:
        path = f"{path}[{at}]" if kind == "[" else member(path, str(at))
    return path

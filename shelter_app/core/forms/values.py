"""Answers: from what a widget or a JSON file gives to one canonical, JSON-safe value per question type.

Canonical values (what drafts, packages and responses store): text types → str; integer → int;
decimal and percent → a decimal string ("12.5"); money → {"amount": "1250.00", "currency": "USD"};
date → "YYYY-MM-DD"; yes_no → bool; select_one → the choice value; select_multiple → a list of choice
values in the definition's order; file → {"name", "sha256", "size"}; repeat → a list of row objects.
A blank answer is None. Money never passes through float: floats are refused unless they come from a
JSON text read with `parse_float=Decimal`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Final, NoReturn

from shelter_app.core import choices
from shelter_app.core.bilingual import Explained
from shelter_app.core.errors import ValidationError
from shelter_app.core.forms.model import QType, Question
from shelter_app.core.identifiers import (
    validate_curp,
    validate_email,
    validate_phone,
    validate_postal_code,
    validate_rfc,
)

TEXT_MAX: Final = 500
LONG_TEXT_MAX: Final = 5_000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


class AnswerError(ValueError, Explained):
    """An answer that does not fit its question, explained in both languages."""

    def __init__(self, en: str, es: str) -> None:
        super().__init__(en)
        self.explain(en, es)


def is_blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip()) or (isinstance(raw, list | tuple) and not raw)


def normalise(q: Question, raw: object) -> object:
    """The canonical value of `raw` for `q`, None when blank; AnswerError when it does not fit."""
    kind = q.value_type
    if kind is QType.REPEAT:
        raise TypeError("repeat rows are normalised cell by cell (FormState)")
    if is_blank(raw):
        return None
    handler = _HANDLERS[kind]
    return handler(q, raw)


def _text(q: Question, raw: object) -> str:
    if not isinstance(raw, str):
        raise AnswerError("Enter text.", "Escriba un texto.")
    text = unicodedata.normalize("NFC", raw).strip()
    if _CONTROL.search(text):
        raise AnswerError("The text contains control characters.", "El texto contiene caracteres de control.")
    long = q.value_type is QType.LONG_TEXT
    if not long and ("\n" in text or "\r" in text):
        raise AnswerError("Enter one line.", "Escriba una sola línea.")
    limit = q.max_length or (LONG_TEXT_MAX if long else TEXT_MAX)
    if len(text) > limit:
        raise AnswerError(f"Use at most {limit:,} characters (this has {len(text):,}).",
                          f"Use como máximo {limit:,} caracteres (tiene {len(text):,}).")
    return text


def parse_decimal(raw: object) -> Decimal:
    """A decimal from a number or a text such as "1,250.50" (Mexico and the US write numbers alike)."""
    if isinstance(raw, bool):
        raise AnswerError("Enter a number.", "Escriba un número.")
    if isinstance(raw, Decimal | int):
        value = Decimal(raw)
    elif isinstance(raw, float):
        value = Decimal(repr(raw))
    elif isinstance(raw, str):
        text = raw.strip().replace(",", "").replace(" ", "").replace("$", "")
        if not _NUMBER.match(text):
            raise AnswerError("Enter a number, e.g. 1250.50.", "Escriba un número, p. ej. 1250.50.")
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise AnswerError("Enter a number, e.g. 1250.50.", "Escriba un número, p. ej. 1250.50.") from None
    else:
        raise AnswerError("Enter a number.", "Escriba un número.")
    if not value.is_finite():
        raise AnswerError("Enter a finite number.", "Escriba un número finito.")
    if abs(value) >= Decimal(10) ** 15:
        raise AnswerError("The number is too large.", "El número es demasiado grande.")
    return value


def _bounds(q: Question, value: Decimal | int | date, shown: str) -> None:
    low, high = q.minimum, q.maximum
    if low is not None and value < low:  # type: ignore[operator]
        raise AnswerError(f"Enter {_show_bound(low)} or more (not {shown}).",
                          f"Escriba {_show_bound(low)} o más (no {shown}).")
    if high is not None and value > high:  # type: ignore[operator]
        raise AnswerError(f"Enter {_show_bound(high)} or less (not {shown}).",
                          f"Escriba {_show_bound(high)} o menos (no {shown}).")


def _show_bound(bound: object) -> str:
    return bound.isoformat() if isinstance(bound, date) else f"{bound:,}"


def _integer(q: Question, raw: object) -> int:
    value = parse_decimal(raw)
    if value != value.to_integral_value():
        raise AnswerError("Enter a whole number.", "Escriba un número entero.")
    whole = int(value)
    _bounds(q, whole, f"{whole:,}")
    return whole


def _decimal_value(q: Question, raw: object) -> Decimal:
    value = parse_decimal(raw)
    if value.as_tuple().exponent < -q.decimals:  # type: ignore[operator]
        raise AnswerError(f"Use at most {q.decimals} decimals.", f"Use como máximo {q.decimals} decimales.")
    _bounds(q, value, f"{value:,}")
    return value


def decimal_text(value: Decimal) -> str:
    """Canonical text of a decimal: no exponent, no trailing zeros beyond the unit ("12.5", "3")."""
    text = format(value.normalize(), "f")
    return text


def _decimal(q: Question, raw: object) -> str:
    return decimal_text(_decimal_value(q, raw))


def _percent(q: Question, raw: object) -> str:
    if isinstance(raw, str):
        raw = raw.strip().removesuffix("%")
    value = _decimal_value(q, raw)
    if q.minimum is None and q.maximum is None and not Decimal(0) <= value <= Decimal(100):
        raise AnswerError("Enter a percentage from 0 to 100.", "Escriba un porcentaje de 0 a 100.")
    return decimal_text(value)


def _money(q: Question, raw: object) -> dict[str, str]:
    currencies = q.currencies or ("USD",)
    if isinstance(raw, Mapping):
        if set(raw) != {"amount", "currency"}:
            raise AnswerError("An amount needs exactly “amount” and “currency”.",
                              "Un importe requiere exactamente “amount” y “currency”.")
        amount_raw, currency = raw["amount"], raw["currency"]
    else:
        amount_raw, currency = raw, currencies[0] if len(currencies) == 1 else None
    if not isinstance(currency, str) or currency not in currencies:
        allowed = ", ".join(currencies)
        raise AnswerError(f"Give the currency: {allowed}.", f"Indique la moneda: {allowed}.")
    if is_blank(amount_raw):
        raise AnswerError("Enter the amount.", "Escriba el importe.")
    value = _decimal_value(q, amount_raw)
    if q.minimum is None and value < 0:
        raise AnswerError("Enter an amount of zero or more.", "Escriba un importe de cero o más.")
    return {"amount": decimal_text(value), "currency": currency}


def parse_date(raw: object) -> date:
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str):
        try:
            return date.fromisoformat(raw.strip())
        except ValueError:
            pass
    raise AnswerError("Enter a date as YYYY-MM-DD, e.g. 2027-03-15.",
                      "Escriba una fecha como AAAA-MM-DD, p. ej. 2027-03-15.")


def _date(q: Question, raw: object) -> str:
    value = parse_date(raw)
    _bounds(q, value, value.isoformat())
    return value.isoformat()


_YES: Final = frozenset({"yes", "y", "true", "1", "sí", "si", "s"})
_NO: Final = frozenset({"no", "n", "false", "0"})


def _yes_no(q: Question, raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str):
        word = raw.strip().casefold()
        if word in _YES:
            return True
        if word in _NO:
            return False
    raise AnswerError("Answer yes or no.", "Responda sí o no.")


def _select_one(q: Question, raw: object) -> str:
    value = choices.match(q.choices, raw) if isinstance(raw, str) else None
    if value is None:
        return _unknown_choice(q, raw)
    return value


def _unknown_choice(q: Question, raw: object) -> NoReturn:
    said = choices.refusal(q.choices, raw)
    raise AnswerError(said.en, said.es)


def _select_multiple(q: Question, raw: object) -> list[str]:
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list | tuple):
        raise AnswerError("Tick one or more choices.", "Marque una o más opciones.")
    picked = set()
    for typed in raw:
        value = choices.match(q.choices, typed) if isinstance(typed, str) else None
        if value is None:
            _unknown_choice(q, typed)
        picked.add(value)
    ordered = [c.value for c in q.choices if c.value in picked]
    low, high = q.minimum, q.maximum
    if isinstance(low, int) and len(ordered) < low:
        raise AnswerError(f"Tick at least {low}.", f"Marque al menos {low}.")
    if isinstance(high, int) and len(ordered) > high:
        raise AnswerError(f"Tick at most {high}.", f"Marque como máximo {high}.")
    return ordered


def _identifier(check: Callable[[str], object]) -> Callable[[Question, object], str]:
    def handler(q: Question, raw: object) -> str:
        if not isinstance(raw, str):
            raise AnswerError("Enter text.", "Escriba un texto.")
        try:
            result = check(raw)
        except ValidationError as exc:
            raise AnswerError(exc.en, exc.es) from None
        return str(getattr(result, "rfc", result))
    return handler


_TARIFF_GROUPS: Final = (4, 2, 2, 2)


def _tariff_code(q: Question, raw: object) -> str:
    text = str(raw).strip() if isinstance(raw, str | int) and not isinstance(raw, bool) else None
    digits = text.replace(".", "").replace(" ", "") if text is not None else ""
    if text is None or not re.fullmatch(r"[\d. ]+", text) or not digits.isdigit() or len(digits) not in (4, 6, 8, 10):
        raise AnswerError("Enter a tariff code of 4, 6, 8 or 10 digits (dots allowed), e.g. 8708.99.99.",
                          "Escriba una fracción de 4, 6, 8 o 10 dígitos (con puntos), p. ej. 8708.99.99.")
    parts, at = [], 0
    for size in _TARIFF_GROUPS:
        if at < len(digits):
            parts.append(digits[at:at + size])
            at += size
    return ".".join(parts)


def _file(q: Question, raw: object) -> dict[str, object]:
    if not isinstance(raw, Mapping) or set(raw) != {"name", "sha256", "size"}:
        raise AnswerError("Attach a file.", "Adjunte un archivo.")
    name, sha, size = raw["name"], raw["sha256"], raw["size"]
    if (not isinstance(name, str) or not name.strip() or len(name) > 255 or "/" in name or "\\" in name
            or name in (".", "..") or _CONTROL.search(name)):
        raise AnswerError("The file name is not acceptable.", "El nombre del archivo no es aceptable.")
    if not isinstance(sha, str) or not _SHA256.match(sha):
        raise AnswerError("The file's fingerprint is damaged.", "La huella del archivo está dañada.")
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise AnswerError("The file's size is damaged.", "El tamaño del archivo está dañado.")
    if size > q.max_size_mb * 1024 * 1024:
        raise AnswerError(f"The file is larger than {q.max_size_mb} MB.",
                          f"El archivo pesa más de {q.max_size_mb} MB.")
    if q.extensions and not name.lower().endswith(tuple(f".{e.lower()}" for e in q.extensions)):
        allowed = ", ".join(q.extensions)
        raise AnswerError(f"Attach a file of type {allowed}.", f"Adjunte un archivo de tipo {allowed}.")
    return {"name": name.strip(), "sha256": sha, "size": size}


def _note(q: Question, raw: object) -> None:
    raise AnswerError("A note takes no answer.", "Una nota no lleva respuesta.")


_HANDLERS: Final[dict[QType, Callable[[Question, object], object]]] = {
    QType.TEXT: _text, QType.LONG_TEXT: _text, QType.INTEGER: _integer, QType.DECIMAL: _decimal,
    QType.MONEY: _money, QType.PERCENT: _percent, QType.DATE: _date, QType.YES_NO: _yes_no,
    QType.SELECT_ONE: _select_one, QType.SELECT_MULTIPLE: _select_multiple,
    QType.EMAIL: _identifier(validate_email), QType.PHONE: _identifier(validate_phone),
    QType.RFC: _identifier(validate_rfc), QType.CURP: _identifier(validate_curp),
    QType.POSTAL_CODE: _identifier(validate_postal_code), QType.TARIFF_CODE: _tariff_code,
    QType.FILE: _file, QType.NOTE: _note,
}


def calculated(q: Question, value: object) -> object:
    """A calculation's result in its declared type's canonical form (None when it cannot be expressed)."""
    if value is None:
        return None
    try:
        if q.result is QType.YES_NO:
            return bool(value)
        if q.result is QType.TEXT:
            return str(value)[:TEXT_MAX]
        number = value if isinstance(value, Decimal) else Decimal(value)  # type: ignore[arg-type]
        if not number.is_finite():
            return None
        if q.result is QType.INTEGER:
            return int(number.to_integral_value())
        return decimal_text(number.quantize(Decimal(1).scaleb(-q.decimals)))
    except (TypeError, ValueError, ArithmeticError):
        return None


def expression_value(q: Question, canonical: object) -> object:
    """What an expression sees for an answer: numbers as Decimal (money: its amount), dates as date."""
    if canonical is None:
        return None
    kind = q.value_type
    if kind in (QType.DECIMAL, QType.PERCENT) and isinstance(canonical, str):
        return Decimal(canonical)
    if kind is QType.MONEY and isinstance(canonical, Mapping):
        return Decimal(str(canonical["amount"]))
    if kind is QType.DATE and isinstance(canonical, str):
        return date.fromisoformat(canonical)
    if kind is QType.FILE and isinstance(canonical, Mapping):
        return canonical.get("name")
    return canonical


def display(q: Question, canonical: object, language: str = "en") -> str:
    """An answer as a person reads it (review screens, PDFs, the CLI)."""
    spanish = language.lower().startswith("es")
    if canonical is None:
        return ""
    kind = q.value_type
    if kind is QType.YES_NO:
        return ("Sí" if spanish else "Yes") if canonical else "No"
    if kind is QType.SELECT_ONE and isinstance(canonical, str):
        choice = q.choice(canonical)
        return choice.label.pick(language) if choice else canonical
    if kind is QType.SELECT_MULTIPLE and isinstance(canonical, list):
        return "; ".join((c.label.pick(language) if (c := q.choice(v)) else str(v)) for v in canonical)
    if kind is QType.MONEY and isinstance(canonical, Mapping):
        return f"{Decimal(str(canonical['amount'])):,.2f} {canonical['currency']}"
    if kind in (QType.DECIMAL,) and isinstance(canonical, str):
        return f"{Decimal(canonical):,}"
    if kind is QType.PERCENT and isinstance(canonical, str):
        return f"{Decimal(canonical):,} %"
    if kind is QType.INTEGER and isinstance(canonical, int):
        return f"{canonical:,}" if abs(canonical) >= 10_000 else str(canonical)  # a year reads 2015, not 2,015
    if kind is QType.FILE and isinstance(canonical, Mapping):
        size = int(canonical.get("size", 0))
        return f"{canonical.get('name')} ({max(1, round(size / 1024)):,} KB)"
    return str(canonical)

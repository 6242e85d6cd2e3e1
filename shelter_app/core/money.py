"""Amounts of money as exact decimals tied to a currency.

Business cases mix peso and dollar figures; keeping the currency on every amount turns a
silent "MXN + USD" into a `CurrencyMismatch`, and `Decimal` keeps cents exact where floats
would not. Locale formatting (1.234,50 vs 1,234.50) is the GUI's job, with Babel.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Final

from shelter_app.core.errors import CurrencyMismatch, ValidationError

CURRENCIES: Final[tuple[str, ...]] = ("MXN", "USD")
"""The currencies the app handles, in the order a currency picker shows them."""

_CENT: Final = Decimal("0.01")

# Commas only as thousands separators ("1,234.50"), so a Spanish-style "1.234,50" is rejected
# instead of being read as 1.23. At most two decimals: "1.234" typed by someone who means
# one thousand two hundred thirty-four must not become 1.234.
_AMOUNT = re.compile(
    r"(?P<sign>-?)\s*\$?\s*"
    r"(?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)?"
    r"(?:\.(?P<frac>[0-9]+))?"
    r"(?:\s+(?P<code>[A-Za-z]{3}))?"
)


def _check_currency(currency: object) -> str:
    """Return the upper-case code; refuse codes the app has no rules for."""
    if not isinstance(currency, str):
        raise TypeError(f"A currency is a code such as 'MXN', not {type(currency).__name__}.")
    code = currency.strip().upper()
    if code not in CURRENCIES:
        supported = ", ".join(CURRENCIES)
        raise ValidationError(
            f"Unknown currency “{currency}”: use one of {supported}.",
            f"Moneda desconocida “{currency}”: use una de estas: {supported}.",
            field="currency",
        )
    return code


def _to_decimal(amount: object) -> Decimal:
    """Convert without ever passing through a float, which cannot hold most cents exactly."""
    if isinstance(amount, float):
        raise TypeError(
            "Money amounts cannot be floats (binary floating point cannot hold most cents exactly); "
            "pass a Decimal, an int or a str, e.g. Money(Decimal('12.50'), 'MXN')."
        )
    if isinstance(amount, bool) or not isinstance(amount, Decimal | int | str):
        raise TypeError(f"A money amount is a Decimal, an int or a str, not {type(amount).__name__}.")
    if isinstance(amount, str):
        try:
            value = Decimal(amount.strip())
        except InvalidOperation:
            raise ValidationError(
                f"“{amount}” is not an amount; write it like 1234.50.",
                f"“{amount}” no es un importe; escríbalo así: 1234.50.",
                field="amount",
            ) from None
    else:
        value = Decimal(amount)
    if not value.is_finite():
        raise ValidationError(
            f"“{amount}” is not an amount of money.",
            f"“{amount}” no es un importe de dinero.",
            field="amount",
        )
    # -0 and 0 are the same money; keep "-0.00 MXN" out of reports.
    return value.copy_abs() if value.is_zero() else value


def _mismatch(verb_en: str, verb_es: str, first: str, second: str) -> CurrencyMismatch:
    return CurrencyMismatch(
        f"Cannot {verb_en} amounts in {first} and {second}; convert one of them first.",
        f"No se pueden {verb_es} importes en {first} y {second}; convierta uno de ellos primero.",
    )


def _check_factor(factor: object) -> bool:
    """True for a usable factor; a float is refused loudly rather than as 'unsupported operand'."""
    if isinstance(factor, float):
        raise TypeError("Multiply or divide money by a Decimal or an int, never a float (cents would drift).")
    return isinstance(factor, Decimal | int) and not isinstance(factor, bool)


@dataclass(frozen=True, init=False)
class Money:
    """An exact amount in one currency.

    The amount is kept as given (no rounding) so that a chain of calculations rounds once,
    at the end, with `quantize()`. Equal amounts compare equal whatever their trailing zeros.
    """

    amount: Decimal
    currency: str

    def __init__(self, amount: Decimal | int | str, currency: str) -> None:
        object.__setattr__(self, "amount", _to_decimal(amount))
        object.__setattr__(self, "currency", _check_currency(currency))

    @classmethod
    def zero(cls, currency: str) -> Money:
        """Zero in `currency`: the start of a total, even of no amounts."""
        return cls(0, currency)

    @classmethod
    def parse(cls, text: str, currency: str) -> Money:
        """Read an amount typed by a user: "1,234.50", "$1,234.50", "1234.5", " 12 ", "12.00 MXN"."""
        code = _check_currency(currency)
        stripped = text.strip()
        if not stripped:
            raise ValidationError("Enter an amount.", "Escriba un importe.", field="amount")
        match = _AMOUNT.fullmatch(stripped)
        if match is None or (match["int"] is None and match["frac"] is None):
            raise ValidationError(
                f"“{stripped}” is not an amount; write it like 1,234.50 (commas only between thousands).",
                f"“{stripped}” no es un importe; escríbalo así: 1,234.50 (comas solo entre miles).",
                field="amount",
            )
        if match["frac"] is not None and len(match["frac"]) > 2:
            raise ValidationError(
                f"“{stripped}” has more than two decimals; amounts go to the cent, like 1,234.50.",
                f"“{stripped}” tiene más de dos decimales; los importes llegan hasta centavos, "
                "como 1,234.50.",
                field="amount",
            )
        if match["code"] is not None and match["code"].upper() != code:
            raise ValidationError(
                f"“{stripped}” is in {match['code'].upper()}, but this amount must be in {code}.",
                f"“{stripped}” está en {match['code'].upper()}, pero este importe debe estar en {code}.",
                field="amount",
            )
        digits = (match["int"] or "0").replace(",", "")
        if match["frac"] is not None:
            digits += "." + match["frac"]
        return cls(Decimal(match["sign"] + digits), code)

    @property
    def is_zero(self) -> bool:
        return self.amount.is_zero()

    def quantize(self) -> Money:
        """Round to the cent, half up, as invoices and SAT's CFDI rules do."""
        return Money(self.amount.quantize(_CENT, rounding=ROUND_HALF_UP), self.currency)

    def __str__(self) -> str:
        """Plain "1234.50 MXN": never scientific notation, never fewer than two decimals."""
        exponent = self.amount.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -2:
            return f"{self.amount:f} {self.currency}"
        return f"{self.amount:.2f} {self.currency}"

    def _same_currency(self, other: Money, verb_en: str, verb_es: str) -> None:
        if self.currency != other.currency:
            raise _mismatch(verb_en, verb_es, self.currency, other.currency)

    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, "add", "sumar")
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, "subtract", "restar")
        return Money(self.amount - other.amount, self.currency)

    def __mul__(self, factor: Decimal | int) -> Money:
        if not _check_factor(factor):
            return NotImplemented
        return Money(self.amount * factor, self.currency)

    __rmul__ = __mul__

    def __truediv__(self, divisor: Decimal | int) -> Money:
        """Divide by a number; dividing by zero raises ZeroDivisionError as for any number."""
        if not _check_factor(divisor):
            return NotImplemented
        if divisor == 0:
            # Decimal raises InvalidOperation, not ZeroDivisionError, for 0 / 0.
            raise ZeroDivisionError(f"cannot divide {self} by zero")
        return Money(self.amount / divisor, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __abs__(self) -> Money:
        return Money(self.amount.copy_abs(), self.currency)

    def __lt__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, "compare", "comparar")
        return self.amount < other.amount

    def __le__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, "compare", "comparar")
        return self.amount <= other.amount

    def __gt__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, "compare", "comparar")
        return self.amount > other.amount

    def __ge__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, "compare", "comparar")
        return self.amount >= other.amount


def sum_money(amounts: Iterable[Money], currency: str) -> Money:
    """Total `amounts`, all in `currency`; an empty iterable totals zero in that currency."""
    total = Money.zero(currency)
    for amount in amounts:
        total += amount
    return total

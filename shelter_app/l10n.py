"""Dates, numbers and money formatted per locale with Babel, for the GUI, CLI and reports.

Every amount shows its ISO currency code: in Mexican Spanish "$" means pesos and dollars alike.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel.dates import format_date as _format_date
from babel.dates import format_datetime as _format_datetime
from babel.numbers import format_decimal as _format_decimal

from shelter_app.core.bilingual import Plural, Text
from shelter_app.core.money import Money

SUPPORTED = ("en", "es_MX")


def babel_locale(language: str) -> str:
    """The Babel locale for a UI language: "es", "es_MX" -> es_MX; anything else -> en_US."""
    return "es_MX" if language.lower().startswith("es") else "en_US"


@lru_cache(maxsize=4096)
def format_date(value: date | None, language: str, style: str = "medium") -> str:
    """Cached: a table shows the same few dates on many rows, and Babel takes ~0.1 ms each."""
    if value is None:
        return ""
    return _format_date(value, format=style, locale=babel_locale(language))


def format_datetime(value: datetime | None, language: str, style: str = "medium") -> str:
    """A UTC timestamp shown in the computer's local time zone."""
    if value is None:
        return ""
    return _format_datetime(value.astimezone(), format=style, locale=babel_locale(language))


def format_number(value: Decimal | int, language: str, places: int = 0) -> str:
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return _format_decimal(value, format=pattern, locale=babel_locale(language))


def format_money(value: Money, language: str) -> str:
    """The amount then its ISO code ("1,234,567.50 MXN" in English, "1,234,567.50 MXN" in es_MX)."""
    return f"{format_number(value.amount, language, places=2)} {value.currency}"


@lru_cache(maxsize=4)
def _locale(language: str) -> Locale:
    return Locale.parse(babel_locale(language))


def plural(forms: Plural, count: int, language: str, **values: object) -> str:
    """A counted phrase in `language`, its form chosen by the language's plural rule (CLDR, through Babel):
    `plural(Plural(Text("{n} client", "{n} cliente"), Text("{n} clients", "{n} clientes")), 7, "es")` →
    "7 clientes". `{n}` is the count as the language writes numbers; `values` fill other placeholders."""
    form: Text = forms.one if _locale(language).plural_form(count) == "one" else forms.other
    return form.pick(language).format(n=format_number(count, language), **values)

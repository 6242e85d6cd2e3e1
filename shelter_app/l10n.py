"""Dates, numbers and money formatted per locale with Babel, for the GUI, CLI and reports.

One date style per place, declared here and nowhere else: screens, tables, lists and the command line
show the medium date ("Dec 7, 2026" / "7 dic 2026", `table_date`); documents (PDF, XLSX) show the long
date ("December 7, 2026" / "7 de diciembre de 2026", `document_date`); a month axis shows the month's
name ("Dec 2026" / "dic 2026", `month_label`). ISO dates stay where they are data (JSON, file names,
.ics DTSTART, real date cells), never as text for a person.

Every amount shows its ISO currency code: in Mexican Spanish "$" means pesos and dollars alike.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from babel import Locale
from babel.dates import format_date as _format_date
from babel.dates import format_datetime as _format_datetime
from babel.dates import format_time as _format_time
from babel.numbers import format_decimal as _format_decimal

from shelter_app.core.bilingual import Plural, Text
from shelter_app.core.money import Money

if TYPE_CHECKING:
    from shelter_app.core.forms.model import Question

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


TABLE_STYLE = "medium"
DOCUMENT_STYLE = "long"
MONTH_PATTERN = "MMM y"
# Excel writes month names in the reader's Excel language unless a locale tag says which: [$-409] is
# English (United States), [$-80A] Spanish (Mexico).
_XLSX_LOCALE_TAG = {"en_US": "[$-409]", "es_MX": "[$-80A]"}


def table_date(value: date | None, language: str) -> str:
    """A date on a screen, in a table or list, or in the command line's text: "Dec 7, 2026" / "7 dic 2026"."""
    return format_date(value, language, TABLE_STYLE)


def document_date(value: date | None, language: str) -> str:
    """A date in a document: "December 7, 2026" / "7 de diciembre de 2026"."""
    return format_date(value, language, DOCUMENT_STYLE)


def month_label(value: date, language: str) -> str:
    """A month on a time axis, named in the language: "Nov 2026" / "nov 2026"."""
    return format_date(value, language, MONTH_PATTERN)


def _datetime_pattern(language: str, date_style: str) -> str:
    """The language's date-and-time pattern: the date in `date_style`, the time to the minute."""
    loc = _locale(language)
    glue = str(loc.datetime_formats[date_style])
    return glue.replace("{1}", loc.date_formats[date_style].pattern).replace("{0}", loc.time_formats["short"].pattern)


def table_datetime(value: datetime | None, language: str) -> str:
    """A moment on a screen or in a table, local time, to the minute: "Dec 7, 2026, 6:05 PM"."""
    return format_datetime(value, language, _datetime_pattern(language, TABLE_STYLE))


def document_datetime(value: datetime | None, language: str) -> str:
    """A moment in a document, local time, to the minute: "December 7, 2026, 6:05 PM"."""
    return format_datetime(value, language, _datetime_pattern(language, DOCUMENT_STYLE))


def clock_time(value: datetime, language: str) -> str:
    """A time of day with seconds, as the language writes it ("6:05:09 PM")."""
    return _format_time(value, format="medium", locale=babel_locale(language))


def date_edit_format(language: str) -> str:
    """The Qt display format of a date input, the table style with a four-digit year ("MMM d, yyyy" /
    "d MMM yyyy"): typed and shown dates read as the language writes them. Qt takes the month names
    from the widget's QLocale, which follows the UI language."""
    pattern = _locale(language).date_formats[TABLE_STYLE].pattern
    return re.sub(r"(?<![y'])y+(?!y)", "yyyy", pattern)


def xlsx_date_format(language: str) -> str:
    """The Excel number format of a real date cell: the long date in the document's language."""
    pattern = _locale(language).date_formats[DOCUMENT_STYLE].pattern  # "MMMM d, y", "d 'de' MMMM 'de' y"
    excel = re.sub(r"'([^']*)'", r'"\1"', pattern).replace("MMMM", "mmmm").replace("y", "yyyy")
    return _XLSX_LOCALE_TAG[babel_locale(language)] + excel


def xlsx_datetime_format(language: str) -> str:
    """The Excel number format of a real date-and-time cell: the long date, then hours and minutes."""
    return xlsx_date_format(language) + " hh:mm"


def answer_text(question: Question, value: object, language: str) -> str:
    """A form answer as a screen shows it: `core.forms.values.display`, a date answer in the table style."""
    from shelter_app.core.forms.model import QType
    from shelter_app.core.forms.values import display

    if question.value_type is QType.DATE and isinstance(value, str):
        try:
            return table_date(date.fromisoformat(value), language)
        except ValueError:
            pass  # not a date after all: shown as given
    return display(question, value, language)


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

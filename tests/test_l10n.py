"""Locale formatting with Babel: every amount carries its ISO code; dates follow the language."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from shelter_app.core.bilingual import Text
from shelter_app.core.money import Money
from shelter_app.l10n import (
    babel_locale,
    clock_time,
    date_edit_format,
    document_date,
    document_datetime,
    format_date,
    format_datetime,
    format_money,
    format_number,
    month_label,
    table_date,
    table_datetime,
    xlsx_date_format,
)

SPANISH_MONTHS = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")


def test_money_always_shows_the_currency_code() -> None:
    assert format_money(Money(Decimal("1234567.5"), "MXN"), "en") == "1,234,567.50 MXN"
    assert format_money(Money(Decimal("1234567.5"), "USD"), "es_MX") == "1,234,567.50 USD"
    assert "$" not in format_money(Money(Decimal("10"), "MXN"), "es")


def test_dates_follow_the_language() -> None:
    d = date(2027, 2, 15)
    assert format_date(d, "en") == "Feb 15, 2027"
    assert format_date(d, "es_MX") == "15 feb 2027"
    assert format_date(None, "en") == ""


def test_timestamps_are_shown_in_local_time_with_the_language() -> None:
    text = format_datetime(datetime(2026, 11, 23, 18, 5, tzinfo=UTC), "es", "short")
    assert "26" in text and ":" in text


def test_locale_mapping() -> None:
    assert babel_locale("es") == babel_locale("es_MX") == "es_MX"
    assert babel_locale("en") == babel_locale("fr") == "en_US"


@given(st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=2, allow_nan=False))
def test_formatted_numbers_read_back(amount: Decimal) -> None:
    text = format_number(amount, "en", places=2)
    assert Decimal(text.replace(",", "")) == amount
    assert format_money(Money(amount, "MXN"), "es_MX").endswith(" MXN")


def test_one_style_per_place() -> None:
    d = date(2026, 12, 7)
    assert (table_date(d, "en"), table_date(d, "es")) == ("Dec 7, 2026", "7 dic 2026")
    assert (document_date(d, "en"), document_date(d, "es_MX")) == ("December 7, 2026", "7 de diciembre de 2026")
    assert (month_label(date(2026, 11, 9), "en"), month_label(date(2026, 11, 9), "es")) == ("Nov 2026", "nov 2026")
    assert table_date(None, "es") == document_date(None, "en") == ""


def test_moments_are_shown_to_the_minute_in_the_style_of_the_place() -> None:
    moment = datetime(2026, 12, 7, 18, 5, 9, tzinfo=UTC)
    local = moment.astimezone()
    assert table_datetime(moment, "en").startswith(table_date(local.date(), "en") + ", ")
    assert document_datetime(moment, "es").startswith(document_date(local.date(), "es") + ", ")
    assert ":09" not in table_datetime(moment, "en")  # no seconds in a table
    assert clock_time(datetime(2026, 12, 7, 18, 5, 9), "en") == "6:05:09\u202fPM"
    assert table_datetime(None, "en") == ""


def test_date_inputs_and_spreadsheets_follow_the_language() -> None:
    assert date_edit_format("en") == "MMM d, yyyy"
    assert date_edit_format("es_MX") == "d MMM yyyy"
    assert xlsx_date_format("en") == "[$-409]mmmm d, yyyy"
    assert xlsx_date_format("es") == '[$-80A]d "de" mmmm "de" yyyy'


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_no_style_shows_an_iso_date(d: date) -> None:
    for language in ("en", "es"):
        for shown in (table_date(d, language), document_date(d, language), month_label(d, language)):
            assert d.isoformat() not in shown and str(d.year) in shown
    assert month_label(d, "es").split()[0] == SPANISH_MONTHS[d.month - 1]
    assert document_date(d, "es") == f"{d.day} de {format_date(d, 'es', 'MMMM')} de {d.year}"


def test_a_date_answer_is_shown_in_the_table_style() -> None:
    from shelter_app.core.forms.model import QType, Question
    from shelter_app.l10n import answer_text

    q = Question(name="needed_by", type=QType.DATE, label=Text("Needed by", "Se necesita para"))
    assert answer_text(q, "2027-01-15", "en") == "Jan 15, 2027"
    assert answer_text(q, "2027-01-15", "es") == "15 ene 2027"
    assert answer_text(q, "soon", "es") == "soon"

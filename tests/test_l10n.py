"""Locale formatting with Babel: every amount carries its ISO code; dates follow the language."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from shelter_app.core.money import Money
from shelter_app.l10n import babel_locale, format_date, format_datetime, format_money, format_number


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

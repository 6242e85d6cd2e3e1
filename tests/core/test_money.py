"""Money keeps cents exact and never mixes pesos with dollars silently."""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shelter_app.core.errors import CurrencyMismatch, ValidationError
from shelter_app.core.money import CURRENCIES, Money, sum_money

# The suite's autouse fixtures (temp folders, memory keyring) are harmless to re-use across
# examples; no example database so a test run leaves no .hypothesis folder behind.
PROPERTY = settings(database=None, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

amounts = st.decimals(
    min_value=Decimal("-1000000000000"), max_value=Decimal("1000000000000"),
    places=2, allow_nan=False, allow_infinity=False,
)
currencies = st.sampled_from(CURRENCIES)


@st.composite
def money(draw: st.DrawFn, currency: str | None = None) -> Money:
    return Money(draw(amounts), currency or draw(currencies))


@st.composite
def two_currencies(draw: st.DrawFn) -> tuple[Money, Money]:
    first, second = draw(st.permutations(CURRENCIES))[:2]
    return draw(money(first)), draw(money(second))


# --- construction ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (Decimal("12.50"), Decimal("12.50")), (12, Decimal(12)), ("12.50", Decimal("12.50")),
        (" 7 ", Decimal(7)),
    ],
    ids=["decimal", "int", "str", "str-with-spaces"],
)
def test_construct_from_exact_types(amount: Decimal | int | str, expected: Decimal) -> None:
    value = Money(amount, "MXN")
    assert value.amount == expected
    assert isinstance(value.amount, Decimal)
    assert value.currency == "MXN"


def test_float_is_refused_with_a_reason() -> None:
    with pytest.raises(TypeError, match="float"):
        Money(0.1, "MXN")  # type: ignore[arg-type]


@pytest.mark.parametrize("amount", [True, None, [1], b"12"], ids=["bool", "none", "list", "bytes"])
def test_other_types_are_refused(amount: object) -> None:
    with pytest.raises(TypeError):
        Money(amount, "MXN")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "amount",
    ["abc", "", "1,234.50", "NaN", "Infinity", Decimal("NaN"), Decimal("-Inf")],
    ids=["letters", "empty", "thousands-separator", "nan-str", "inf-str", "nan", "-inf"],
)
def test_non_amounts_are_validation_errors(amount: str | Decimal) -> None:
    with pytest.raises(ValidationError) as caught:
        Money(amount, "MXN")
    assert caught.value.field == "amount"


@pytest.mark.parametrize("currency", ["EUR", "", "PESOS", "US"], ids=["eur", "empty", "word", "short"])
def test_unknown_currency(currency: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Money(1, currency)
    assert caught.value.field == "currency"
    assert "MXN" in caught.value.en and "MXN" in caught.value.es
    assert caught.value.en != caught.value.es


def test_currency_code_is_normalised() -> None:
    assert Money(1, " usd ").currency == "USD"


def test_is_frozen() -> None:
    value = Money(1, "MXN")
    with pytest.raises(dataclasses.FrozenInstanceError):
        value.amount = Decimal(2)  # type: ignore[misc]


def test_negative_zero_is_zero() -> None:
    value = Money("-0.00", "MXN")
    assert str(value) == "0.00 MXN"
    assert str(-Money(0, "USD")) == "0.00 USD"


# --- parsing user text ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,234.50", "1234.50"),
        ("$1,234.50", "1234.50"),
        ("$ 1,234.50", "1234.50"),
        ("1234.5", "1234.5"),
        (" 12 ", "12"),
        ("1,000,000", "1000000"),
        ("0.05", "0.05"),
        (".5", "0.5"),
        ("-1,234.50", "-1234.50"),
        ("-$12", "-12"),
        ("1234.50 MXN", "1234.50"),
        ("1234.50 mxn", "1234.50"),
        ("007", "7"),
    ],
    ids=repr,
)
def test_parse_accepts(text: str, expected: str) -> None:
    assert Money.parse(text, "MXN") == Money(expected, "MXN")


@pytest.mark.parametrize(
    "text",
    [
        "", "   ", "abc", "$", "-", "12abc", "1,23.50", "12,34", "1,2345", ",123", "1.234,50", "1,234,5",
        "1.234", "12.345", "1234.", "1e5", "NaN", "Infinity", "--1", "$-1", "1 234", "١٢", "12 USD", "12 EUR",
        "0.1.2",
    ],
    ids=repr,
)
def test_parse_rejects(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Money.parse(text, "MXN")
    assert caught.value.field == "amount"
    assert caught.value.en and caught.value.es and caught.value.en != caught.value.es


def test_parse_explains_spanish_style_numbers() -> None:
    with pytest.raises(ValidationError) as caught:
        Money.parse("1.234,50", "MXN")
    assert "1,234.50" in caught.value.en and "1,234.50" in caught.value.es


def test_parse_rejects_unknown_currency() -> None:
    with pytest.raises(ValidationError) as caught:
        Money.parse("12", "EUR")
    assert caught.value.field == "currency"


# --- arithmetic -------------------------------------------------------------------------------------------


def test_add_and_subtract() -> None:
    assert Money("10.50", "MXN") + Money("0.25", "MXN") == Money("10.75", "MXN")
    assert Money("10.50", "MXN") - Money("0.75", "MXN") == Money("9.75", "MXN")


def test_multiply_and_divide() -> None:
    assert Money("10.00", "USD") * 3 == Money(30, "USD")
    assert 3 * Money("10.00", "USD") == Money(30, "USD")
    assert Money("100", "MXN") * Decimal("0.16") == Money(16, "MXN")
    assert Money("10", "MXN") / 4 == Money("2.5", "MXN")
    assert Money("10", "MXN") / Decimal("0.5") == Money(20, "MXN")


def test_float_factor_is_refused() -> None:
    with pytest.raises(TypeError, match="float"):
        Money(10, "MXN") * 1.16  # type: ignore[operator]
    with pytest.raises(TypeError, match="float"):
        Money(10, "MXN") / 2.0  # type: ignore[operator]


@pytest.mark.parametrize("other", [1, Decimal(1), "1"], ids=["int", "decimal", "str"])
def test_money_and_plain_numbers_do_not_add(other: object) -> None:
    with pytest.raises(TypeError):
        Money(1, "MXN") + other  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = Money(1, "MXN") < other  # type: ignore[operator]


def test_money_times_money_is_refused() -> None:
    with pytest.raises(TypeError):
        Money(1, "MXN") * Money(1, "MXN")  # type: ignore[operator]


def test_divide_by_zero() -> None:
    with pytest.raises(ZeroDivisionError):
        Money(1, "MXN") / 0
    with pytest.raises(ZeroDivisionError):
        Money(0, "MXN") / Decimal(0)


def test_negation_and_abs() -> None:
    assert -Money("5.25", "MXN") == Money("-5.25", "MXN")
    assert abs(Money("-5.25", "MXN")) == Money("5.25", "MXN")
    assert abs(Money("5.25", "MXN")) == Money("5.25", "MXN")


def test_comparisons() -> None:
    small, big = Money(1, "MXN"), Money(2, "MXN")
    assert small < big and small <= big and big > small and big >= small
    assert small <= Money("1.00", "MXN") and small >= Money("1.0", "MXN")
    assert sorted([big, small]) == [small, big]


def test_equality() -> None:
    assert Money("1.5", "MXN") == Money("1.50", "MXN")
    assert hash(Money("1.5", "MXN")) == hash(Money("1.50", "MXN"))
    assert Money(1, "MXN") != Money(1, "USD")
    one: object = 1
    assert Money(1, "MXN") != one


def test_is_zero() -> None:
    assert Money(0, "MXN").is_zero
    assert Money("0.00", "USD").is_zero
    assert not Money("0.01", "USD").is_zero


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("1.005", "1.01"), ("1.004", "1.00"), ("2.675", "2.68"), ("-1.005", "-1.01"), ("-1.004", "-1.00"),
        ("10", "10.00"), ("0.125", "0.13"), ("0.135", "0.14"),
    ],
    ids=lambda value: value,
)
def test_quantize_rounds_half_up(amount: str, expected: str) -> None:
    rounded = Money(amount, "MXN").quantize()
    assert rounded.amount == Decimal(expected)
    assert rounded.amount.as_tuple().exponent == -2


def test_quantize_after_tax() -> None:
    assert (Money("99.99", "MXN") * Decimal("1.16")).quantize() == Money("115.99", "MXN")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Money("1234.5", "MXN"), "1234.50 MXN"),
        (Money(5, "USD"), "5.00 USD"),
        (Money("-0.5", "USD"), "-0.50 USD"),
        (Money("1.005", "MXN"), "1.005 MXN"),
        (Money(Decimal("1E+3"), "MXN"), "1000.00 MXN"),
        (Money(Decimal("1E-7"), "MXN"), "0.0000001 MXN"),
        (Money(1234567, "MXN"), "1234567.00 MXN"),
    ],
    ids=["pads-cents", "int", "negative", "keeps-extra-decimals", "no-exponent", "tiny", "no-grouping"],
)
def test_str_is_plain(value: Money, expected: str) -> None:
    assert str(value) == expected


def test_sum_money() -> None:
    assert sum_money([Money(1, "MXN"), Money("2.50", "MXN")], "MXN") == Money("3.50", "MXN")
    assert sum_money([], "USD") == Money(0, "USD")
    assert sum_money((m for m in [Money(1, "USD")]), "USD") == Money(1, "USD")


def test_sum_money_mixed() -> None:
    with pytest.raises(CurrencyMismatch) as caught:
        sum_money([Money(1, "MXN"), Money(1, "USD")], "MXN")
    assert "MXN" in caught.value.en and "USD" in caught.value.en


def test_sum_money_wrong_total_currency() -> None:
    with pytest.raises(CurrencyMismatch):
        sum_money([Money(1, "MXN")], "USD")


Operation = Callable[[Money, Money], object]
MIXED_OPERATIONS: dict[str, Operation] = {
    "add": operator.add, "sub": operator.sub, "lt": operator.lt, "le": operator.le, "gt": operator.gt,
    "ge": operator.ge,
}


@pytest.mark.parametrize("operation", list(MIXED_OPERATIONS.values()), ids=list(MIXED_OPERATIONS))
def test_mixed_currency_names_both_codes(operation: Operation) -> None:
    with pytest.raises(CurrencyMismatch) as caught:
        operation(Money(1, "MXN"), Money(1, "USD"))
    error = caught.value
    for text in (error.en, error.es):
        assert "MXN" in text and "USD" in text
    assert error.en != error.es


# --- properties -------------------------------------------------------------------------------------------


@PROPERTY
@given(st.data())
def test_addition_is_commutative(data: st.DataObject) -> None:
    currency = data.draw(currencies)
    a, b = data.draw(money(currency)), data.draw(money(currency))
    assert a + b == b + a


@PROPERTY
@given(st.data())
def test_addition_is_associative(data: st.DataObject) -> None:
    currency = data.draw(currencies)
    a, b, c = data.draw(money(currency)), data.draw(money(currency)), data.draw(money(currency))
    assert (a + b) + c == a + (b + c)


@PROPERTY
@given(st.data())
def test_adding_then_subtracting_is_identity(data: st.DataObject) -> None:
    currency = data.draw(currencies)
    a, b = data.draw(money(currency)), data.draw(money(currency))
    assert a + b - b == a


@PROPERTY
@given(two_currencies(), st.sampled_from(list(MIXED_OPERATIONS.values())))
def test_mixed_currency_always_raises(pair: tuple[Money, Money], operation: Operation) -> None:
    a, b = pair
    with pytest.raises(CurrencyMismatch):
        operation(a, b)
    assert a != b


@PROPERTY
@given(money())
def test_parse_round_trips_str(value: Money) -> None:
    quantized = value.quantize()
    assert Money.parse(str(quantized), quantized.currency) == quantized


@PROPERTY
@given(st.decimals(min_value=-(10**9), max_value=10**9, places=4, allow_nan=False, allow_infinity=False),
       currencies)
def test_quantize_is_idempotent_and_close(amount: Decimal, currency: str) -> None:
    value = Money(amount, currency)
    once = value.quantize()
    assert once.quantize() == once
    assert abs(once - value) <= Money("0.005", value.currency)


@PROPERTY
@given(st.text())
def test_parse_raises_only_validation_errors(text: str) -> None:
    try:
        Money.parse(text, "MXN")
    except ValidationError as error:
        assert error.field == "amount"
        assert error.en != error.es

"""`exchange.bounded_json`: JSON read within declared limits, every refusal a `JsonLimitError` naming its path."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shelter_app.exchange.bounded_json import (
    INPUT_LIMITS,
    JsonLimitError,
    JsonLimits,
    JsonTooDeep,
    read_json_bounded,
    read_json_file,
)
from shelter_app.exchange.business_case_io import InvalidInput, dumps, parse_json_text
from shelter_app.services.business_case import compute_contract
from tests.support.business_case import golden_document

SMALL = JsonLimits(max_bytes=4096, max_depth=6, max_number_chars=20, max_integer_digits=6, max_decimal_places=4,
                   max_items=5)


@given(st.text(max_size=300))
def test_any_text_parses_or_is_refused_by_path(text: str) -> None:
    try:
        read_json_bounded(text, SMALL)
    except JsonLimitError as exc:
        assert exc.path.startswith("$") and exc.problem_en and exc.problem_es


@given(st.text(alphabet='[]{}",:0123456789.eE-+ntrufalsNIy ', max_size=300))
def test_json_like_noise_parses_or_is_refused_by_path(text: str) -> None:
    try:
        read_json_bounded(text, SMALL)
    except JsonLimitError as exc:
        assert exc.path.startswith("$")


NUMBERS = st.one_of(st.integers(min_value=-999_999, max_value=999_999),
                    st.decimals(min_value=-999_999, max_value=999_999, places=4, allow_nan=False))
VALUES = st.recursive(
    st.none() | st.booleans() | NUMBERS | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=4), inner, max_size=5),
    max_leaves=20,
)


def _depth(value: Any) -> int:
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    return 0


@given(VALUES)
def test_values_within_the_limits_come_back_exact(value: Any) -> None:
    text = dumps(value)  # Decimals as exact JSON numbers
    if _depth(value) > SMALL.max_depth or len(text.encode()) > SMALL.max_bytes:
        with pytest.raises(JsonLimitError):
            read_json_bounded(text, SMALL)
        return
    assert read_json_bounded(text, SMALL) == value


@given(st.integers(min_value=1, max_value=80))
def test_nesting_is_refused_past_the_limit_at_the_deepest_allowed_path(depth: int) -> None:
    text = "[" * depth + "]" * depth
    if depth <= SMALL.max_depth:
        assert read_json_bounded(text, SMALL) is not None
        return
    with pytest.raises(JsonLimitError, match=r"nested more than 6 levels") as caught:
        read_json_bounded(text, SMALL)
    assert caught.value.path == "$" + "[0]" * SMALL.max_depth


def test_deeper_than_the_parser_goes_still_names_the_path() -> None:
    text = '{"a": [1, {"b c": ' + "[" * 100_000 + "]" * 100_000 + "}]}"
    with pytest.raises(JsonLimitError) as caught:
        read_json_bounded(text)
    assert caught.value.path == "$.a[1]['b c']" + "[0]" * (INPUT_LIMITS.max_depth - 3)


@given(st.integers(min_value=1, max_value=4000))
def test_long_integers_are_refused_without_being_built(digits: int) -> None:
    text = '{"n": ' + "7" * digits + "}"
    if digits <= SMALL.max_integer_digits:
        assert read_json_bounded(text, SMALL) == {"n": int("7" * digits)}
        return
    with pytest.raises(JsonLimitError) as caught:
        read_json_bounded(text, SMALL)
    assert caught.value.path == "$.n"


@given(st.integers(min_value=-500, max_value=500), st.integers(min_value=1, max_value=9))
def test_exponents_are_bounded_both_ways(exponent: int, digit: int) -> None:
    text = f"[{digit}e{exponent}]"
    value = Decimal(f"{digit}e{exponent}")
    whole = max(exponent + 1, 0)
    places = max(-exponent, 0)
    if whole <= SMALL.max_integer_digits and places <= SMALL.max_decimal_places:
        assert read_json_bounded(text, SMALL) == [value]
    else:
        with pytest.raises(JsonLimitError) as caught:
            read_json_bounded(text, SMALL)
        assert caught.value.path == "$[0]"


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused(constant: str) -> None:
    with pytest.raises(JsonLimitError, match="must be a finite number") as caught:
        read_json_bounded('{"x": {"2027": [1, ' + constant + "]}}")
    assert caught.value.path == "$.x['2027'][1]"


def test_entries_are_capped() -> None:
    assert read_json_bounded("[1,2,3,4,5]", SMALL) == [1, 2, 3, 4, 5]
    with pytest.raises(JsonLimitError, match=r"at most 5 entries \(got 6\)") as caught:
        read_json_bounded('{"k": [1,2,3,4,5,6]}', SMALL)
    assert caught.value.path == "$.k"


def test_a_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b"[" + b"0," * 3000 + b"0]")
    with pytest.raises(JsonLimitError, match="larger than 4096 bytes") as caught:
        read_json_file(big, SMALL)
    assert caught.value.path == "$"
    small = tmp_path / "small.json"
    small.write_text('{"a": 1.50}', encoding="utf-8")
    assert read_json_file(small, SMALL) == {"a": Decimal("1.50")}
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"a": "Juárez"}'.encode("latin-1"))
    with pytest.raises(JsonLimitError, match="not UTF-8"):
        read_json_file(latin, SMALL)
    with pytest.raises(JsonLimitError, match="cannot read"):
        read_json_file(tmp_path / "missing.json", SMALL)


HEADCOUNTS = st.one_of(
    st.decimals(allow_nan=False, allow_infinity=False),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False).map(lambda f: Decimal(repr(f))),
)


@settings(max_examples=60, deadline=None)
@given(HEADCOUNTS)
def test_any_headcount_computes_or_is_refused_at_its_path(headcount: Decimal | int) -> None:
    doc = golden_document()
    doc["workforce"]["roles"][0]["headcount"] = "@H@"
    text = json.dumps(doc).replace('"@H@"', str(headcount))
    try:
        result = compute_contract(parse_json_text(text))
    except InvalidInput as exc:
        assert exc.path in ("$.workforce.roles[0].headcount", "$.workforce.roles"), exc.en
        return
    assert Decimal(0) <= result.case.workforce.roles[0].headcount <= Decimal(100_000)


@pytest.mark.parametrize("text", ["\ud800", '["\ud800"]', '"\\ud800"'])
def test_lone_surrogates_never_crash(text: str) -> None:
    try:
        read_json_bounded(text, SMALL)
    except JsonLimitError as exc:
        assert exc.path == "$"


def test_a_key_given_twice_is_refused_at_its_object() -> None:
    with pytest.raises(JsonLimitError, match="appears twice") as caught:
        read_json_bounded('{"a": {"b": [{"c": 1, "c": 2}]}}', SMALL)
    assert caught.value.path == "$.a.b[0]"
    assert "dos veces" in caught.value.es
    with pytest.raises(JsonLimitError, match="appears twice") as caught:
        read_json_bounded('{"x": 1, "x": 1}', SMALL)
    assert caught.value.path == "$"


def test_too_deep_is_its_own_kind() -> None:
    with pytest.raises(JsonTooDeep) as caught:
        read_json_bounded("[" * 50 + "]" * 50, SMALL)
    assert caught.value.path == "$" + "[0]" * SMALL.max_depth
    with pytest.raises(JsonTooDeep):
        read_json_bounded("[" * 100_000 + "]" * 100_000, INPUT_LIMITS)


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e5, max_value=1e5))
def test_floats_on_request_come_back_as_plain_floats(number: float) -> None:
    text = json.dumps({"n": number})
    try:
        value = read_json_bounded(text, SMALL, floats=True)["n"]
    except JsonLimitError as exc:  # more decimal places than SMALL allows
        assert exc.path == "$.n"
        return
    assert isinstance(value, float if "." in repr(number) or "e" in repr(number) else int)
    assert value == number


@pytest.mark.parametrize("text", ['{"n": 1e999}', '{"n": -1e999}', '{"n": NaN}', '{"n": Infinity}'])
def test_floats_on_request_are_still_bounded(text: str) -> None:
    with pytest.raises(JsonLimitError) as caught:
        read_json_bounded(text, SMALL, floats=True)
    assert caught.value.path == "$.n"

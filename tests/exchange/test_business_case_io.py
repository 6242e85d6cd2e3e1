"""The JSON contract: the golden case within §7, every §8 error named by its JSON path, exact numbers both ways."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shelter_app.exchange.business_case_io import InvalidInput, dumps, parse_input, parse_json_text
from shelter_app.services.business_case import compute_document, compute_text
from tests.support.business_case import GOLDEN_INPUT, golden_document, golden_expected
from tests.support.contract_check import compare

Doc = dict[str, Any]


# ---- the golden case --------------------------------------------------------------------------------------------


def test_golden_case_within_the_contract_tolerance() -> None:
    result = json.loads(compute_text(GOLDEN_INPUT.read_text(encoding="utf-8")))
    check = compare(result, golden_expected())
    assert check.failures == []
    assert check.compared > 1800  # every number of the expected file, all 5 years and 6 roles
    assert check.largest_relative < 1e-12, check.largest_relative_at
    assert check.largest_currency_abs < 1e-6


def test_golden_headline_values() -> None:
    result = compute_document(golden_document())
    first = result["years"][0]
    operator = first["roles"][0]
    assert operator["id"] == "operator" and operator["sbc_limit_applied"] == "none"
    assert operator["cesantia_vejez_band"] == 7 and operator["lss_art36_applies"] is False
    assert round(operator["per_employee_mxn"]["loaded_total"], 2) == Decimal("301312.09")
    assert round(first["mexico"]["total_usd"], 2) == Decimal("4166377.38")
    assert round(result["returns"]["npv_usd"], 2) == Decimal("15215311.45")
    assert list(first["mexico"]["blocks_usd"]) == [
        "labor",
        "shelter_fee",
        "facility",
        "utilities",
        "site_overhead",
        "logistics",
        "duties",
    ]
    assert result["parameters"]["weekly_hours_by_year"] == {"2026": 48, "2027": 46, "2028": 44, "2029": 42, "2030": 40}
    assert result["iva_financing"]["scenario"] == {"tied_up_usd": 0, "annual_cost_usd": 0}


def test_result_text_is_plain_json_numbers() -> None:
    text = compute_text(GOLDEN_INPUT.read_text(encoding="utf-8"))
    assert "NaN" not in text and "Infinity" not in text and '"2026"' in text
    data = json.loads(text, parse_float=Decimal)
    assert data["returns"]["irr"] is not None and data["scenario"]["years"] == [2026, 2027, 2028, 2029, 2030]
    assert data["reference"]["to_verify"], "the unconfirmed 2027-2029 CyV rows are in use"


def test_notes_and_city_are_not_echoed() -> None:
    doc = golden_document()
    doc["workforce"]["roles"][0]["_note"] = "night shift"
    doc["_meta"] = {"anything": [1, 2]}
    result = compute_document(doc)
    assert "city" not in json.dumps(result["parameters"], default=str)
    assert result == compute_document(golden_document())


# ---- invalid input: each rule of §8 names the JSON path ---------------------------------------------------------


def set_at(doc: Doc, path: str, value: Any) -> Doc:
    """Set (or delete, with value=...) a field given as a dotted path with [i] indices."""
    parts = path.replace("[", ".[").split(".")
    node: Any = doc
    for part in parts[:-1]:
        node = node[int(part[1:-1])] if part.startswith("[") else node.setdefault(part, {})
    last = parts[-1]
    key: Any = int(last[1:-1]) if last.startswith("[") else last
    if value is ...:
        del node[key]
    else:
        node[key] = value
    return doc


CASES: list[tuple[str, Any, str]] = [
    # wrong or missing schema
    ("schema", "shelter-app/business-case@2", "$.schema"),
    ("schema", ..., "$.schema"),
    # missing required fields
    ("scenario", ..., "$.scenario"),
    ("scenario.base_year", ..., "$.scenario.base_year"),
    ("location.state", ..., "$.location.state"),
    ("location.wage_zone", ..., "$.location.wage_zone"),
    ("workforce.roles[2].daily_wage_mxn", ..., "$.workforce.roles[2].daily_wage_mxn"),
    ("workforce.roles[0].direct", ..., "$.workforce.roles[0].direct"),
    ("shelter_fee", ..., "$.shelter_fee"),
    ("shelter_fee.model", ..., "$.shelter_fee.model"),
    ("us_baseline.benefits_burden_rate", ..., "$.us_baseline.benefits_burden_rate"),
    ("one_time.items[1].amount_usd", ..., "$.one_time.items[1].amount_usd"),
    # wrong types
    ("workforce.roles[2].daily_wage_mxn", True, "$.workforce.roles[2].daily_wage_mxn"),
    ("workforce.roles[2].daily_wage_mxn", "700", "$.workforce.roles[2].daily_wage_mxn"),
    ("workforce.roles[2].daily_wage_mxn", None, "$.workforce.roles[2].daily_wage_mxn"),
    ("workforce.roles[0].direct", 1, "$.workforce.roles[0].direct"),
    ("scenario.name", 7, "$.scenario.name"),
    ("facility", [], "$.facility"),
    ("workforce.roles", {}, "$.workforce.roles"),
    ("workforce.roles[1]", "technician", "$.workforce.roles[1]"),
    ("statutory.risk_class", "VI", "$.statutory.risk_class"),
    ("location.wage_zone", "border", "$.location.wage_zone"),
    ("shelter_fee.model", "per_head", "$.shelter_fee.model"),
    # integers with a fraction
    ("scenario.horizon_years", 5.5, "$.scenario.horizon_years"),
    ("workforce.seniority_years", 1.25, "$.workforce.seniority_years"),
    # outside the allowed range
    ("scenario.base_year", 1999, "$.scenario.base_year"),
    ("scenario.horizon_years", 31, "$.scenario.horizon_years"),
    ("scenario.fx_mxn_per_usd", 0, "$.scenario.fx_mxn_per_usd"),
    ("scenario.discount_rate", -1, "$.scenario.discount_rate"),
    ("scenario.name", "", "$.scenario.name"),
    ("location.city", " ", "$.location.city"),
    ("location.state", "", "$.location.state"),
    ("workforce.roles[1].name", "", "$.workforce.roles[1].name"),
    ("workforce.roles[2].headcount", -1, "$.workforce.roles[2].headcount"),
    ("workforce.roles[2].daily_wage_mxn", 0, "$.workforce.roles[2].daily_wage_mxn"),
    ("workforce.roles[0].market_benefits.turnover_rate", -0.1, "$.workforce.roles[0].market_benefits.turnover_rate"),
    ("workforce.productivity_factor", 0, "$.workforce.productivity_factor"),
    ("workforce.seniority_years", 0, "$.workforce.seniority_years"),
    ("statutory.isn_rate", 1.5, "$.statutory.isn_rate"),
    ("statutory.imss_employer_rates", {"retiro": 2}, "$.statutory.imss_employer_rates.retiro"),
    ("statutory.sbc_cap_uma", 0, "$.statutory.sbc_cap_uma"),
    ("ptu.rate", 1.1, "$.ptu.rate"),
    ("facility.area_sqft", -5, "$.facility.area_sqft"),
    ("logistics.dta_mxn_per_pedimento", -1, "$.logistics.dta_mxn_per_pedimento"),
    ("us_baseline.paid_hours_per_year", 0, "$.us_baseline.paid_hours_per_year"),
    ("one_time.contingency_rate", -0.1, "$.one_time.contingency_rate"),
    ("escalation.us_wages", -1, "$.escalation.us_wages"),
    ("iva_financing.iva_rate", 1.16, "$.iva_financing.iva_rate"),
    ("iva_financing.cost_of_capital_rate", -2, "$.iva_financing.cost_of_capital_rate"),
    ("shelter_fee.usd_per_head_per_month", -165, "$.shelter_fee.usd_per_head_per_month"),
    # unknown fields (a `_note` would be ignored)
    ("scenario.horizon", 5, "$.scenario.horizon"),
    ("workforce.roles[1].wage", 700, "$.workforce.roles[1].wage"),
    ("statutory.imss_employer_rates", {"cesantia_vejez": 0.05}, "$.statutory.imss_employer_rates.cesantia_vejez"),
    ("statutory.imss_worker_rates", {"retiro": 0.01}, "$.statutory.imss_worker_rates.retiro"),
    ("duties", {}, "$.duties"),
    # roles
    ("workforce.roles[3].id", "technician", "$.workforce.roles[3].id"),
    ("workforce.roles[0].id", "Operator", "$.workforce.roles[0].id"),
    ("workforce.roles[0].id", "1st_shift", "$.workforce.roles[0].id"),
    ("workforce.roles", [], "$.workforce.roles"),
    # statutory defaults the tables cannot supply
    ("scenario.base_year", 2023, "$.statutory.min_wage_mxn_per_day"),
    ("location.state", "Yucatán", "$.statutory.isn_rate"),
    ("location.state", "chihuahua", "$.statutory.isn_rate"),
    # year maps and schedules
    ("scenario.ramp_realization_by_year", {"2031": 0.5}, "$.scenario.ramp_realization_by_year['2031']"),
    ("scenario.ramp_realization_by_year", {"2027": 1.5}, "$.scenario.ramp_realization_by_year['2027']"),
    ("scenario.ramp_realization_by_year", {"27": 0.5}, "$.scenario.ramp_realization_by_year['27']"),
    ("statutory.weekly_hours_by_year", {"2028": 0}, "$.statutory.weekly_hours_by_year['2028']"),
    ("statutory.weekly_hours_by_year", {"year": 40}, "$.statutory.weekly_hours_by_year['year']"),
    ("statutory.cesantia_vejez_employer_rates_by_year", {"2027": [0.05] * 7},
     "$.statutory.cesantia_vejez_employer_rates_by_year['2027']"),
    ("statutory.cesantia_vejez_employer_rates_by_year", {"2027": [0.05, 0.05, 0.05, 1.5, 0.05, 0.05, 0.05, 0.05]},
     "$.statutory.cesantia_vejez_employer_rates_by_year['2027'][3]"),
    ("statutory.cesantia_vejez_employer_rates_by_year", {"2027": 0.05},
     "$.statutory.cesantia_vejez_employer_rates_by_year['2027']"),
    ("statutory.worked_days_per_year", 0, "$.statutory.worked_days_per_year"),
    ("statutory.rest_days_per_year", 346, "$.statutory.worked_days_per_year"),
    # a shelter fee without the price of its model
    ("shelter_fee", {"model": "per_hour", "usd_per_head_per_month": 165}, "$.shelter_fee.usd_per_worked_hour"),
    ("shelter_fee", {"model": "markup"}, "$.shelter_fee.markup_rate"),
    ("shelter_fee", {"model": "per_headcount"}, "$.shelter_fee.usd_per_head_per_month"),
]  # fmt: skip


@pytest.mark.parametrize(("path", "value", "expected"), CASES, ids=[f"{c[0]}={c[1]!r}"[:60] for c in CASES])
def test_invalid_input_names_the_path(path: str, value: Any, expected: str) -> None:
    doc = set_at(golden_document(), path, value)
    with pytest.raises(InvalidInput) as caught:
        compute_document(doc)
    assert caught.value.path == expected, caught.value.en
    assert caught.value.en.startswith(f"{expected}: ")


def test_a_later_base_year_needs_its_minimum_wage_uma_and_isn() -> None:
    doc = set_at(golden_document(), "scenario.base_year", 2027)
    doc["scenario"]["ramp_realization_by_year"] = {"2027": 0.5}
    needed = {"min_wage_mxn_per_day": 467.3, "uma_mxn_per_day": 121.64, "isn_rate": 0.04}
    for field, value in needed.items():
        with pytest.raises(InvalidInput) as caught:
            compute_document(doc)
        assert caught.value.path == f"$.statutory.{field}"
        assert "2027" in caught.value.en
        doc["statutory"][field] = value
    result = compute_document(doc)
    assert result["scenario"]["years"] == [2027, 2028, 2029, 2030, 2031]
    assert result["parameters"]["weekly_hours_by_year"]["2031"] == 40


def test_total_headcount_zero() -> None:
    doc = golden_document()
    for role in doc["workforce"]["roles"]:
        role["headcount"] = 0
    with pytest.raises(InvalidInput, match=r"^\$\.workforce\.roles: the total headcount must be > 0"):
        compute_document(doc)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", r"^\$: malformed JSON at line 1 column 2"),
        ("[]", r"^\$: must be an object"),
        ('{"schema": "shelter-app/business-case@1", "schema": "x"}', "appears twice"),
        (GOLDEN_INPUT.read_text(encoding="utf-8").replace('"discount_rate": 0.1', '"discount_rate": NaN'),
         r"^\$\.scenario\.discount_rate: must be a finite number"),
        (GOLDEN_INPUT.read_text(encoding="utf-8").replace('"fx_mxn_per_usd": 18.0', '"fx_mxn_per_usd": Infinity'),
         r"^\$\.scenario\.fx_mxn_per_usd: must be a finite number"),
    ],
)  # fmt: skip
def test_malformed_documents(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        compute_text(text)


def test_the_schema_error_says_which_ids_are_read() -> None:
    with pytest.raises(InvalidInput) as caught:
        compute_document(set_at(golden_document(), "schema", "shelter-app/business-case@2"))
    assert '"shelter-app/business-case@1"' in caught.value.en


# ---- what is accepted ---------------------------------------------------------------------------------------


def test_a_wage_below_the_minimum_is_accepted() -> None:
    doc = set_at(golden_document(), "workforce.roles[0].daily_wage_mxn", 400)
    operator = compute_document(doc)["years"][0]["roles"][0]
    assert operator["sbc_limit_applied"] == "min_wage_floor" and operator["lss_art36_applies"] is True
    assert operator["cesantia_vejez_band"] == 0


def test_integral_numbers_for_integer_fields_and_other_models_prices_are_accepted() -> None:
    doc = set_at(golden_document(), "scenario.base_year", 2026.0)
    doc["shelter_fee"] |= {"usd_per_worked_hour": 0.9, "markup_rate": 0.1}  # ignored by per_headcount
    assert compute_document(doc)["years"][0]["mexico"]["shelter_fee"]["fee_usd"] == 277200


def test_an_override_with_a_state_outside_the_table() -> None:
    doc = set_at(golden_document(), "location.state", "Yucatán")
    doc["statutory"]["isn_rate"] = 0.0375
    result = compute_document(doc)
    assert result["parameters"]["isn_rate"] == Decimal("0.0375")
    assert {"parameter": "isn_rate", "value": Decimal("0.0375"), "reference_value": None, "reason": ""} in result[
        "reference"]["overrides"]  # fmt: skip


# ---- exact numbers, stable round trips -----------------------------------------------------------------------


def test_numbers_are_read_without_float() -> None:
    doc = parse_json_text('{"a": 0.1, "b": 3, "c": 1e-7}')
    assert doc == {"a": Decimal("0.1"), "b": 3, "c": Decimal("1e-7")}
    stdlib = parse_input(golden_document())  # floats from json.loads become their shortest decimal
    exact = parse_input(parse_json_text(GOLDEN_INPUT.read_text(encoding="utf-8")))
    assert stdlib == exact
    assert exact.us_baseline.benefits_burden_rate == Decimal("0.3161833489242283")


def test_dumps_writes_exact_numbers_and_refuses_floats() -> None:
    assert dumps({"a": Decimal("1E+2"), "b": Decimal("0.50"), "c": Decimal("-0"), "d": None, "e": [True]}, indent=0) \
        == '{\n"a": 100,\n"b": 0.5,\n"c": 0,\n"d": null,\n"e": [\ntrue\n]\n}'  # fmt: skip
    assert dumps(Decimal("5.820766091346741E-11")) == "0.00000000005820766091346741"
    with pytest.raises(TypeError, match="never float"):
        dumps({"x": 0.1})


scale = st.decimals(min_value=Decimal("0.5"), max_value=Decimal(2), places=3)


@settings(max_examples=40)
@given(wage=scale, fx=scale, rent=scale, heads=scale)
def test_parse_compute_serialize_is_stable(wage: Decimal, fx: Decimal, rent: Decimal, heads: Decimal) -> None:
    """The text written parses back to the very same Decimals, and the same input always gives the same text."""
    doc = parse_json_text(GOLDEN_INPUT.read_text(encoding="utf-8"))
    doc["scenario"]["fx_mxn_per_usd"] *= fx
    doc["facility"]["rent_usd_per_sqft_month"] *= rent
    for role in doc["workforce"]["roles"]:
        role["daily_wage_mxn"] *= wage
        role["headcount"] *= heads
    text = dumps(doc)
    assert parse_json_text(text) == doc
    result = compute_document(parse_json_text(text))
    written = dumps(result)
    assert parse_json_text(written) == _exact(result)
    assert dumps(compute_document(parse_json_text(text))) == written


def _exact(value: Any) -> Any:
    """The result as parse_json_text reads it back: integral Decimals become ints, others normalized."""
    if isinstance(value, dict):
        return {k: _exact(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_exact(v) for v in value]
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return int(text) if "." not in text else Decimal(text)
    return value


@settings(max_examples=60)
@given(st.sampled_from([c for c in CASES if c[1] is not ...]), st.text(min_size=1, max_size=8).map(lambda s: "_" + s))
def test_notes_never_change_the_error(case: tuple[str, Any, str], note: str) -> None:
    path, value, expected = case
    doc = set_at(golden_document(), path, value)
    doc[note] = {"ignored": True}
    with pytest.raises(InvalidInput) as caught:
        compute_document(doc)
    assert caught.value.path == expected

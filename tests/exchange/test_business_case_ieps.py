"""The `_ieps` extension of a stored scenario (IEPS-taxed temporary imports and their rate): read strictly with
errors named by JSON path, null as left out, its cash effect added to the IVA memo, and `business-case compute`
byte for byte the same with it."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shelter_app.cli import main
from shelter_app.core.business_case.ieps import IepsImports, ieps_memo
from shelter_app.exchange.business_case_io import InvalidInput, parse_extras
from shelter_app.services import scenarios
from tests.cli.test_bounded_input_cli import GOLDEN_RESULT_SHA256
from tests.support.business_case import golden_document

D = Decimal
HIGH = D(100_000_000_000)
"""The same bound as the IVA memo's temporary imports."""


def with_ieps(ieps: Any) -> dict[str, Any]:
    document = golden_document()
    document["_ieps"] = ieps
    return document


def read(ieps: Any) -> IepsImports | None:
    return parse_extras(with_ieps(ieps)).ieps


def test_the_two_fields_are_read_exactly() -> None:
    assert read({"taxed_imports_usd_per_month": D("100000.50"), "ieps_rate": D("0.265")}) == \
        IepsImports(D("100000.50"), D("0.265"))
    assert read({"taxed_imports_usd_per_month": 0, "ieps_rate": 1}) == IepsImports(D(0), D(1))
    assert read({"ieps_rate": D("0.08")}) == IepsImports(None, D("0.08"))  # no amount: nothing to add


def test_null_is_left_out() -> None:
    assert parse_extras(golden_document()).ieps is None
    assert read(None) is None
    assert read({}) == IepsImports()
    assert read({"taxed_imports_usd_per_month": None, "ieps_rate": None}) == IepsImports()


@pytest.mark.parametrize(("ieps", "path", "en", "es"), [
    ({"taxed_imports_usd_per_month": -1, "ieps_rate": 0}, "$._ieps.taxed_imports_usd_per_month",
     "must be between 0 and 100000000000 (got -1)", None),
    ({"taxed_imports_usd_per_month": "100,000"}, "$._ieps.taxed_imports_usd_per_month",
     "must be a finite number, not a string", None),
    ({"taxed_imports_usd_per_month": True}, "$._ieps.taxed_imports_usd_per_month",
     "must be a finite number, not a boolean", None),
    ({"ieps_rate": 8}, "$._ieps.ieps_rate", "must be a fraction between 0 and 1", None),
    ({"ieps_rate": -0.01}, "$._ieps.ieps_rate", "must be a fraction between 0 and 1", None),
    ({"ieps_rate": float("nan")}, "$._ieps.ieps_rate", "must be a finite number", None),
    ({"taxed_imports_usd_per_month": 1000}, "$._ieps.ieps_rate",
     "is needed when IEPS-taxed imports are given", "se necesita cuando se indican importaciones gravadas con IEPS"),
    ({"rate": 0.08}, "$._ieps.rate", "unknown field", None),
    ({"ieps_rate": 0.08, "_source": "tariff 2208"}, None, None, None),  # a note is still allowed
    ([100000, 0.08], "$._ieps", "must be an object", None),
])
def test_a_wrong_value_is_named_by_its_path_in_both_languages(ieps: Any, path: str | None, en: str | None,
                                                               es: str | None) -> None:
    if path is None:
        assert read(ieps) == IepsImports(None, D("0.08"))
        return
    with pytest.raises(InvalidInput) as error:
        read(ieps)
    assert error.value.path == path and str(error.value).startswith(f"{path}: {en}")
    if es is not None:
        assert error.value.es == f"{path}: {es}"


def test_a_scenario_with_a_wrong_ieps_is_not_saved() -> None:
    with pytest.raises(InvalidInput, match=r"^\$\._ieps\.ieps_rate: "):
        scenarios.check_document(with_ieps({"taxed_imports_usd_per_month": 5000}))
    scenarios.check_document(with_ieps({"taxed_imports_usd_per_month": 5000, "ieps_rate": D("0.08")}))


amounts = st.decimals(min_value=-2 * HIGH, max_value=2 * HIGH, allow_nan=False, allow_infinity=False, places=2)
rates = st.decimals(min_value=-2, max_value=3, allow_nan=False, allow_infinity=False, places=4)


@given(amount=amounts, rate=rates)
def test_the_bounds_are_those_declared(amount: Decimal, rate: Decimal) -> None:
    ieps = {"taxed_imports_usd_per_month": amount, "ieps_rate": rate}
    if not 0 <= amount <= HIGH:
        with pytest.raises(InvalidInput, match=r"^\$\._ieps\.taxed_imports_usd_per_month: must be between"):
            read(ieps)
    elif not 0 <= rate <= 1:
        with pytest.raises(InvalidInput, match=r"^\$\._ieps\.ieps_rate: must be a fraction between 0 and 1"):
            read(ieps)
    else:
        assert read(ieps) == IepsImports(amount, rate)


@given(amount=st.decimals(min_value=0, max_value=HIGH, places=2), rate=st.decimals(min_value=0, max_value=1, places=4),
       lag=st.decimals(min_value=0, max_value=120, places=1))
def test_the_ieps_is_tied_up_like_the_iva(amount: Decimal, rate: Decimal, lag: Decimal) -> None:
    document = with_ieps({"taxed_imports_usd_per_month": amount, "ieps_rate": rate})
    document["iva_financing"]["recovery_lag_months"] = lag
    iva = scenarios.compute_document(document).iva_financing
    memo = ieps_memo(iva, scenarios.extras(document).ieps)
    if amount == 0:
        assert memo is None  # nothing to add: the memo stays the IVA's
        return
    assert memo is not None
    tied_up = rate * amount * lag
    assert memo.if_not_certified.tied_up_usd == tied_up
    assert memo.if_not_certified.annual_cost_usd == tied_up * iva.cost_of_capital_rate
    assert memo.total_if_not_certified.tied_up_usd == iva.if_not_certified.tied_up_usd + tied_up
    assert memo.total_certification_benefit_usd_per_year == \
        iva.certification_benefit_usd_per_year + tied_up * iva.cost_of_capital_rate


def test_the_golden_case_with_ieps() -> None:
    """900,000 USD of temporary imports at 16 %, 100,000 USD of them bearing 8 % IEPS, 3 months, 10 %."""
    document = with_ieps({"taxed_imports_usd_per_month": D(100000), "ieps_rate": D("0.08")})
    iva = scenarios.compute_document(document).iva_financing
    memo = ieps_memo(iva, scenarios.extras(document).ieps)
    assert memo is not None
    assert (memo.if_not_certified.tied_up_usd, memo.if_not_certified.annual_cost_usd) == (D(24000), D(2400))
    assert (memo.total_if_not_certified.tied_up_usd, memo.total_if_not_certified.annual_cost_usd) == \
        (D(456000), D(45600))
    assert memo.total_certification_benefit_usd_per_year == D(45600)


def test_compute_ignores_ieps_byte_for_byte(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "with-ieps.json"
    document = golden_document()
    document["_ieps"] = {"taxed_imports_usd_per_month": 100000, "ieps_rate": 0.08}
    source.write_text(json.dumps(document), encoding="utf-8")
    assert main(["business-case", "compute", str(source)]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert hashlib.sha256(captured.out.encode("utf-8")).hexdigest() == GOLDEN_RESULT_SHA256

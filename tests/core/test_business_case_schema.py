"""The scenario declared once: every field has its spec, and the reader, the writer, the range checks, the form
targets and the editor's layout all come from that one declaration."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shelter_app.content.reference import shipped_reference
from shelter_app.core.bilingual import Text
from shelter_app.core.business_case import compute, schema
from shelter_app.core.business_case.extras import ScenarioExtras
from shelter_app.core.business_case.inputs import BusinessCaseInput
from shelter_app.core.business_case.parameters import Origin
from shelter_app.core.business_case.schema import EDITOR_TABS, Shape, editor_fields, node, template, walk
from shelter_app.core.business_case.spec import Rule
from shelter_app.core.forms.mapping import TARGETS
from shelter_app.exchange.business_case_io import input_document, parse_extras, parse_input
from tests.support.business_case import golden_document


def test_every_field_of_the_document_is_declared_with_both_languages() -> None:
    nodes = list(walk())
    assert len(nodes) > 120
    for n in nodes:
        assert n.label.complete, n.path
        assert n.meta.hint is None or n.meta.hint.complete, n.path
        assert n.meta.prefill is None or n.meta.prefill.complete, n.path
        assert all(c.label.complete for c in n.meta.choices), n.path
        if n.meta.unit is not None:
            assert n.meta.unit.symbol.en == "" or n.meta.unit.symbol.complete, n.path
        if n.meta.rule is Rule.REQUIRED or n.required:
            assert n.meta.rule is not Rule.TABLE, f"{n.path}: a required field has no table behind it"
        if n.meta.rule is Rule.FOLLOWS:
            assert node(n.meta.follows).shape is n.shape, n.path
    paths = [n.path for n in nodes]
    assert len(paths) == len(set(paths))


@pytest.mark.parametrize(("path", "expected"), [
    ("$.workforce.roles[12].market_benefits.turnover_rate", "workforce.roles[].market_benefits.turnover_rate"),
    ("statutory.weekly_hours_by_year['2027']", "statutory.weekly_hours_by_year"),
    ("statutory.cesantia_vejez_employer_rates_by_year['2027'][3]", "statutory.cesantia_vejez_employer_rates_by_year"),
    ("weekly_hours_by_year.2028", "weekly_hours_by_year"),
    ("_site.vacancy_rate", "_site.vacancy_rate"),
])  # fmt: skip
def test_paths_name_their_template(path: str, expected: str) -> None:
    assert template(path) == expected


def test_parameters_of_the_computed_case_find_their_field() -> None:
    case = parse_input(golden_document())
    result = compute(case, shipped_reference())
    for source in result.parameters.sources:
        found = schema.parameter_node(source.parameter)
        assert found is not None and found.label.complete, source.parameter


def test_the_golden_document_reads_back_from_what_the_writer_writes() -> None:
    case = parse_input(golden_document())
    assert parse_input(input_document(case)) == case


def test_extras_read_back_and_null_is_absent() -> None:
    doc = golden_document()
    doc["_site"] = {"vacancy_rate": 0.077, "distance_to_crossing_km": None, "talent_pool": "  UACJ  "}
    doc["scenario"]["_fx_source"] = "Banxico (FIX)"
    doc["scenario"]["_fx_as_of"] = "2025-12-31"
    extras = parse_extras(doc)
    assert extras.site is not None and extras.site.talent_pool == "UACJ" and extras.site.distance_to_crossing_km is None
    assert extras.fx_as_of is not None and extras.fx_as_of.isoformat() == "2025-12-31"
    assert parse_extras(input_document(parse_input(doc), extras)) == extras
    assert parse_extras(golden_document()) == ScenarioExtras()


def _numbers(n: schema.Node) -> st.SearchStrategy[Decimal]:
    low = n.meta.low if n.meta.low is not None else Decimal(-1000)
    high = n.meta.high if n.meta.high is not None else low + 100_000
    if n.meta.low_strict:
        low += Decimal("0.001")
    return st.decimals(min_value=low, max_value=high, places=3, allow_nan=False, allow_infinity=False)


LEAVES = [n for n in walk(schema.document_fields())
          if n.shape is Shape.NUMBER and "[]" not in n.path and n.meta.rule is not Rule.TABLE]


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_any_number_in_range_reads_back_and_computes(data: st.DataObject) -> None:
    """A document changed at any number within its declared range is read and written without loss, and the
    core accepts it (the range checks and the reader agree)."""
    n = data.draw(st.sampled_from(LEAVES), label="field")
    value = data.draw(_numbers(n), label="value")
    doc: dict[str, Any] = golden_document()
    holder = doc
    parts = n.path.split(".")
    for part in parts[:-1]:
        holder = holder.setdefault(part, {})
    holder[parts[-1]] = value
    case = parse_input(doc)
    assert parse_input(input_document(case)) == case
    if n.path not in ("scenario.fx_mxn_per_usd", "workforce.productivity_factor"):  # a 0.001 rate is legal but silly
        compute(case, shipped_reference())


def test_form_targets_are_the_fields_declared_as_such() -> None:
    business = {p.removeprefix("business_case."): t for p, t in TARGETS.items() if p.startswith("business_case.")}
    declared = {n.path for n in walk(schema.document_fields()) if n.meta.form and "[]" not in n.path}
    assert set(business) == declared
    roles = business["workforce.roles"]
    assert set(roles.columns) == {"name", "headcount", "daily_wage_mxn", "direct"}
    assert roles.columns["daily_wage_mxn"].currency == "MXN"
    assert business["us_baseline.rent_usd_per_sqft_month"].currency == "USD"
    assert business["facility.area_sqft"].label.es == "Instalaciones: superficie arrendada (pies²)"


def test_a_following_fields_hint_keeps_a_name_capitalised() -> None:
    """The hint of a rate that follows another quotes that one's label inside the sentence: "Mexican" stays."""
    assert node("escalation.min_wage").default_text() == Text(
        "Empty: as Mexican wages.", "Si se deja vacío: igual que salarios en México.")
    assert node("escalation.uma").default_text() == Text(
        "Empty: as Mexican inflation.", "Si se deja vacío: igual que inflación en México.")


def test_the_editor_shows_every_field_that_is_not_advanced_exactly_once() -> None:
    shown = [n.path for tab in EDITOR_TABS for n in editor_fields(tab)]
    assert len(shown) == len(set(shown))
    apart = ("workforce.roles", "one_time.items", "_china_baseline")  # tables and boxes of their own
    expected = {n.path for n in walk() if n.leaf and not n.meta.advanced and n.shape is not Shape.YEAR_MAP
                and not n.path.startswith(apart) and n.meta.in_document}
    assert set(shown) == expected


def test_a_restated_table_value_stays_to_verify() -> None:
    """The golden input restates the table's DTA (425 MXN); the value is the table's, unconfirmed for 2026."""
    case = parse_input(golden_document())
    assert case.logistics.dta_mxn_per_pedimento == Decimal(425)
    parameters = compute(case, shipped_reference()).parameters
    dta = next(s for s in parameters.sources if s.parameter == "logistics.dta_mxn_per_pedimento")
    assert dta.origin is Origin.REFERENCE and dta.restated and dta.to_verify
    assert dta in parameters.to_verify and dta not in parameters.overrides
    logistics = dataclasses.replace(case.logistics, dta_mxn_per_pedimento=Decimal(450))
    changed = dataclasses.replace(case, logistics=logistics)
    assert any(s.parameter == "logistics.dta_mxn_per_pedimento" for s in compute(changed, shipped_reference())
               .parameters.overrides)


def test_the_document_model_is_the_computes_input() -> None:
    assert schema.fields(BusinessCaseInput)[0].path == "scenario"
    assert [n.key for n in schema.extra_fields()] == ["scenario._fx_source", "scenario._fx_as_of", "_site",
                                                      "_china_baseline", "_ieps"]

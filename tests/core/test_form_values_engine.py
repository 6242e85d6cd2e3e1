"""Answers of every question type, and the form state: relevance, calculations, checks, repeats, migration."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from shelter_app.content.forms import definition_from_data, load_forms
from shelter_app.core.forms.engine import FormState, validate_answers
from shelter_app.core.forms.mapping import project_values
from shelter_app.core.forms.migrate import carry_over
from shelter_app.core.forms.model import FormDefinition, Question
from shelter_app.core.forms.values import AnswerError, display, normalise

FORMS = Path(__file__).resolve().parents[1] / "data" / "forms"


@pytest.fixture(scope="module")
def sample() -> FormDefinition:
    return load_forms(FORMS).get("sample", "1.0")


def q(definition: FormDefinition, name: str) -> Question:
    found = definition.question(name)
    assert found is not None
    return found


SHA = "a" * 64
VALID: list[tuple[str, object, object]] = [
    ("legal_name", "  Válvulas del Norte  ", "Válvulas del Norte"),
    ("about", "line one\nline two", "line one\nline two"),
    ("employees", "1,250", 1250),
    ("employees", 12, 12),
    ("area", "1200.5", "1200.5"),
    ("area", Decimal("3.0"), "3"),
    ("sales", "2,500,000.50", {"amount": "2500000.5", "currency": "USD"}),
    ("sales", {"amount": "10", "currency": "USD"}, {"amount": "10", "currency": "USD"}),
    ("returned", "95 %", "95"),
    ("kickoff", "2027-03-15", "2027-03-15"),
    ("kickoff", date(2027, 3, 15), "2027-03-15"),
    ("has_entity", "sí", True),
    ("has_entity", False, False),
    ("rfc", "vdn-990101-ab3", None),  # normalised by the RFC rules (checked below)
    ("model", "shelter", "shelter"),
    ("markets", ["ca", "us"], ["us", "ca"]),  # in the definition's order
    ("email", "ana@example.com", "ana@example.com"),
    ("hs", "87089999", "8708.99.99"),
    ("hs", "8708.99", "8708.99"),
    ("cp", "32000", "32000"),
    ("spec", {"name": "spec.pdf", "sha256": SHA, "size": 1200}, {"name": "spec.pdf", "sha256": SHA, "size": 1200}),
    ("legal_name", "", None),
    ("markets", [], None),
]


@pytest.mark.parametrize(("name", "raw", "expected"), VALID)
def test_valid_answers_normalise(sample: FormDefinition, name: str, raw: object, expected: object) -> None:
    value = normalise(q(sample, name), raw)
    if name == "rfc":
        assert value == "VDN990101AB3"
    else:
        assert value == expected


INVALID: list[tuple[str, object, str]] = [
    ("legal_name", "two\nlines", "one line"),
    ("legal_name", "x" * 501, "at most 500"),
    ("legal_name", 12, "Enter text"),
    ("employees", "12a", "number"),
    ("employees", "1.5", "whole number"),
    ("employees", "-1", "0 or more"),
    ("employees", "100001", "100,000 or less"),
    ("area", "1.25", "at most 1 decimals"),
    ("area", "NaN", "number"),
    ("area", "1e400", "number"),
    ("sales", {"amount": "10", "currency": "MXN"}, "currency"),
    ("sales", {"amount": "-1", "currency": "USD"}, "zero or more"),
    ("sales", {"amount": "10"}, "amount"),
    ("returned", "101", "0 to 100"),
    ("kickoff", "15/03/2027", "YYYY-MM-DD"),
    ("kickoff", "2019-12-31", "2020-01-01 or more"),
    ("has_entity", "maybe", "yes or no"),
    ("rfc", "NOT-AN-RFC", ""),
    ("curp", "XXXX", ""),
    ("model", "franchise", "not one of the options: Shelter, own_entity (Own entity)"),
    ("markets", ["us", "ca", "mx"], "at most 2"),
    ("markets", ["mars"], "“mars” is not one of the options: "),
    ("email", "ana@", ""),
    ("phone", "abc", ""),
    ("cp", "1234", ""),
    ("hs", "87A8", "tariff code"),
    ("hs", "87089", "tariff code"),
    ("spec", {"name": "../x.pdf", "sha256": SHA, "size": 1}, "file name"),
    ("spec", {"name": "x.exe", "sha256": SHA, "size": 1}, "pdf"),
    ("spec", {"name": "x.pdf", "sha256": "zz", "size": 1}, "fingerprint"),
    ("spec", {"name": "x.pdf", "sha256": SHA, "size": 21 * 1024 * 1024}, "20 MB"),
    ("info", "anything", "note"),
]


@pytest.mark.parametrize(("name", "raw", "fragment"), INVALID)
def test_invalid_answers_get_the_fields_message(sample: FormDefinition, name: str, raw: object, fragment: str
                                                ) -> None:
    with pytest.raises(AnswerError) as caught:
        normalise(q(sample, name), raw)
    assert fragment in caught.value.en
    assert caught.value.es and caught.value.es != caught.value.en


@given(st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False))
def test_money_round_trips_exactly(amount: Decimal) -> None:
    money = load_forms(FORMS).get("sample", "1.0").question("sales")
    assert money is not None
    value = normalise(money, f"{amount:,}")
    assert isinstance(value, dict) and Decimal(value["amount"]) == amount
    assert normalise(money, value) == value  # canonical values are a fixed point


@given(st.one_of(st.text(max_size=30), st.integers(), st.none(), st.booleans(), st.lists(st.text(max_size=3))))
def test_any_input_normalises_or_is_refused_cleanly(raw: Any) -> None:
    definition = load_forms(FORMS).get("sample", "1.0")
    for question in definition.questions():
        if question.answered_by_user and question.type.value != "repeat":
            with contextlib.suppress(AnswerError):
                normalise(question, raw)


def test_required_relevance_and_clearing(sample: FormDefinition) -> None:
    state = FormState(sample, today=date(2026, 11, 23))
    assert {"legal_name", "roles"} <= set(state.issues)
    assert "rfc" in state.hidden
    state.set_answer("has_entity", True)
    assert "rfc" not in state.hidden and state.issues["rfc"].en == "An answer is required."
    state.set_answer("rfc", "VDN990101AB3")
    assert "rfc" not in state.issues
    state.set_answer("has_entity", False)
    assert "rfc" in state.hidden and "rfc" not in state.answers  # hidden answers are cleared
    assert "rfc" not in state.issues


def test_constraint_and_calculation(sample: FormDefinition) -> None:
    state = FormState(sample)
    state.set_answer("sales", "1000")
    state.set_answer("exports", "1500")
    assert state.issues["exports"].es == "Las exportaciones no pueden superar las ventas."
    state.set_answer("exports", "250")
    assert "exports" not in state.issues
    assert state.answers["export_share"] == "25"
    state.set_answer("sales", "")
    assert "export_share" not in state.answers  # unknown → blank


def test_pending_text_is_kept_and_reported(sample: FormDefinition) -> None:
    state = FormState(sample)
    state.set_answer("employees", "12a")
    assert state.pending == {"employees": "12a"} and "employees" not in state.answers
    assert "number" in state.issues["employees"].en
    state.set_answer("employees", "12")
    assert not state.pending and state.answers["employees"] == 12


def test_repeat_rows(sample: FormDefinition) -> None:
    state = FormState(sample)
    first = state.add_row("roles", {"role": "Operador", "headcount": "12"})
    assert state.answers["roles"][first] == {"role": "Operador", "headcount": 12, "shifts": 1}
    state.set_cell("roles", first, "shifts", "3")
    state.set_cell("roles", first, "night_bonus", True)
    assert state.answers["roles"][0]["night_bonus"] is True
    state.set_cell("roles", first, "shifts", "1")
    assert "night_bonus" not in state.answers["roles"][0] and "roles[0].night_bonus" in state.hidden
    copy = state.duplicate_row("roles", first)
    state.set_cell("roles", copy, "headcount", "x")
    assert "roles[1].headcount" in state.issues and state.pending == {"roles[1].headcount": "x"}
    assert state.answers["total_heads"] == 12
    state.remove_row("roles", copy)
    assert not state.pending and "roles[1].headcount" not in state.issues
    state.remove_row("roles", 0)
    assert state.issues["roles"].en == "Add at least 1 row."


def test_section_relevance_hides_a_page(sample: FormDefinition) -> None:
    state = FormState(sample)
    state.add_row("roles", {"role": "Op", "headcount": 2})
    state.set_answer("model", "own_entity")
    assert "people" not in {s.id for s in state.visible_sections()}
    assert "roles" not in state.answers and "roles" not in state.issues


def test_headless_answers_are_checked_like_typing(sample: FormDefinition) -> None:
    state, issues = validate_answers(sample, {
        "legal_name": "ACME", "employees": "lots", "nope": 1, "roles": [{"role": "Op", "headcount": 0, "x": 1}],
        "sales": "100", "exports": "200"})
    paths = {i.path for i in issues}
    assert paths == {"employees", "nope", "roles[0].headcount", "roles[0].x", "exports"}
    assert state.answers["legal_name"] == "ACME"
    _, issues = validate_answers(sample, {"roles": "not rows"})
    assert any(i.path == "roles" and "list" in i.en for i in issues)


def test_defaults_apply_to_a_new_form_only(sample: FormDefinition) -> None:
    row_default = q(sample, "roles").row_question("shifts")
    assert row_default is not None and row_default.default == 1


def test_project_values_convert_to_each_target(sample: FormDefinition) -> None:
    state, _ = validate_answers(sample, {"legal_name": "ACME", "sales": "1000", "area": "1200.5",
                                         "kickoff": "2027-01-04", "model": "shelter",
                                         "roles": [{"role": "Op", "headcount": "3"}]})
    values = {k: v for k, (_, v) in project_values(sample, state.to_answers()).items()}
    assert values == {
        "client.legal_name": "ACME",
        "journey.profile.annual_sales_usd": "1000",
        "business_case.facility.area_sqft": Decimal("1200.5"),
        "journey.timeline.kickoff": "2027-01-04",
        "journey.operating_model.path": "shelter",
        "journey.labor.roles": [{"role": "Op", "headcount": 3, "shifts": 1}],
    }


def test_display_in_both_languages(sample: FormDefinition) -> None:
    assert display(q(sample, "has_entity"), True, "es") == "Sí"
    assert display(q(sample, "markets"), ["us", "mx"], "es") == "Estados Unidos; México"
    assert display(q(sample, "sales"), {"amount": "1250.5", "currency": "USD"}) == "1,250.50 USD"
    assert display(q(sample, "model"), "own_entity", "es") == "Entidad propia"


def test_a_draft_moves_to_a_newer_version_without_losing_answers(sample: FormDefinition) -> None:
    legal = q(sample, "legal_name")
    employees = replace(q(sample, "employees"), maximum=50)
    newer = FormDefinition("sample", "2.0", sample.title, (replace(
        sample.sections[0], questions=(legal, employees, q(sample, "hs"))), replace(sample.sections[1])))
    answers = {"legal_name": "ACME", "employees": 80, "about": "we make valves", "hs": "8708.99",
               "roles": [{"role": "Op", "headcount": 3, "shifts": 1, "gone": "x"}]}
    kept, dropped = carry_over(answers, newer, sample)
    assert kept == {"legal_name": "ACME", "hs": "8708.99", "roles": [{"role": "Op", "headcount": 3, "shifts": 1}]}
    by_path = {d.path: d for d in dropped}
    assert set(by_path) == {"employees", "about", "roles[0].gone"}
    assert by_path["about"].reason.en == "No longer asked." and by_path["about"].label.es == "Acerca de"
    assert "50 or less" in by_path["employees"].reason.en and by_path["employees"].shown == "80"


def test_a_rule_on_a_whole_repeat_group_and_a_total_of_a_calculated_column() -> None:
    data = yaml.safe_load((FORMS / "sample" / "1.0.yaml").read_text(encoding="utf-8"))
    roles = data["sections"][1]["fields"][0]
    roles.update(constraint="total(value, 'headcount') <= 100",
                 constraint_message={"en": "At most 100 people.", "es": "Como máximo 100 personas."})
    roles["fields"].append({"name": "heads_x2", "type": "calculate", "result": "integer",
                            "label": {"en": "Twice", "es": "Doble"}, "calculation": "headcount * 2"})
    data["sections"][1]["fields"].append({"name": "total_x2", "type": "calculate", "result": "integer",
                                          "label": {"en": "T", "es": "T"}, "calculation": "total(roles, 'heads_x2')"})
    definition = definition_from_data(data, "test")
    state = FormState(definition)
    state.add_row("roles", {"role": "Op", "headcount": 60})
    assert state.answers["total_x2"] == 120 and "roles" not in state.issues
    state.add_row("roles", {"role": "Tech", "headcount": 50})
    assert state.answers["total_x2"] == 220
    assert state.issues["roles"].es == "Como máximo 100 personas."


def test_a_refused_list_keeps_its_own_message_and_survives_a_reopen(sample: FormDefinition) -> None:
    state = FormState(sample)
    state.set_answer("markets", ["us", "ca", "mx"])
    assert state.issues["markets"].en == "Tick at most 2."
    reopened = FormState(sample, state.to_answers(), pending=state.pending)
    assert reopened.issues["markets"].en == "Tick at most 2."
    state.set_answer("spec", {"name": "x.exe", "sha256": SHA, "size": 1})
    assert "pdf" in state.issues["spec"].en


def test_a_choice_may_be_typed_by_its_name_and_a_refusal_lists_the_options() -> None:
    from shelter_app.core import choices
    from shelter_app.core.bilingual import Text
    from shelter_app.core.forms.model import Choice

    states = (Choice("NLE", Text("Nuevo León", "Nuevo León")), Choice("CHH", Text("Chihuahua", "Chihuahua")),
              Choice("own", Text("Own entity", "Entidad propia")))
    assert choices.match(states, "NLE") == "NLE"
    assert choices.match(states, "nle") == "NLE"
    assert choices.match(states, " nuevo leon ") == "NLE"
    assert choices.match(states, "entidad propia") == "own"
    assert choices.match(states, "Nuevo") is None
    said = choices.refusal(states, "Jalisco")
    assert said.en == "“Jalisco” is not one of the options: NLE (Nuevo León), CHH (Chihuahua), own (Own entity)."
    assert said.es.endswith("own (Entidad propia).")
    many = tuple(Choice(f"C{n}", Text(f"Name {n}", f"Nombre {n}")) for n in range(50))
    assert choices.listing(many).en.endswith("C39 (Name 39), and 10 more")

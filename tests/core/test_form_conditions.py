"""Relevance rules in words: exact sentences for the kinds of rules the shipped forms use, every shipped rule
phrased without the fallback in both languages, and any expression at all phrased without raising and without a
question's internal name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shelter_app.content.forms import load_forms
from shelter_app.core.bilingual import Text
from shelter_app.core.forms.conditions import describe_relevance
from shelter_app.core.forms.expressions import ExpressionError, compile_expression
from shelter_app.core.forms.model import Choice, FormDefinition, QType, Question, Section

SHIPPED = Path(__file__).parents[2] / "forms"


def _q(name: str, kind: QType, en: str, es: str, **kw: object) -> Question:
    return Question(name=name, type=kind, label=Text(en, es), **kw)  # type: ignore[arg-type]  # test shorthand


COUNTRIES = (Choice("MX", Text("Mexico", "México")), Choice("US", Text("United States", "Estados Unidos")),
             Choice("other", Text("Other", "Otro")))
ROLES = _q("roles_table", QType.REPEAT, "Roles", "Puestos", fields=(
    _q("shift_count", QType.INTEGER, "Shifts", "Turnos"), _q("daily_wage", QType.DECIMAL, "Wage", "Salario")))
QUESTIONS = (
    _q("hq_country", QType.SELECT_ONE, "Headquarters country", "País de la sede", choices=COUNTRIES),
    _q("handles_hazardous_materials", QType.YES_NO, "Handles hazardous materials", "Maneja materiales peligrosos"),
    _q("markets_list", QType.SELECT_MULTIPLE, "Markets", "Mercados", choices=COUNTRIES),
    _q("head_count", QType.INTEGER, "Headcount", "Plantilla"),
    _q("export_pct", QType.PERCENT, "Export share", "Proporción exportada"),
    _q("start_date", QType.DATE, "Start", "Inicio"),
    _q("plant_name", QType.TEXT, "Plant name", "Nombre de la planta"),
    _q("meets_threshold", QType.CALCULATE, "Meets the threshold?", "¿Cumple el mínimo?", result=QType.YES_NO,
       calculation=None),
    ROLES,
)
FORM = FormDefinition("test_form", "1.0", Text("Test", "Prueba"), (Section("s_one", Text("One", "Uno"), QUESTIONS),))
NAMES = [q.name for q in QUESTIONS]
ALL_NAMES = {*NAMES, *(f.name for f in ROLES.fields)}


def phrase(source: str, *, numbers: dict[str, str] | None = None) -> tuple[str, str, bool]:
    condition = describe_relevance(compile_expression(source, NAMES), FORM, numbers=numbers)
    return condition.sentence.en, condition.sentence.es, condition.generic


@pytest.mark.parametrize(("source", "en", "es"), [
    ("hq_country == 'other'", "Only if “Headquarters country” is “Other”", "Solo si «País de la sede» es «Otro»"),
    ("hq_country != 'MX'", "Only if “Headquarters country” is not “Mexico”",
     "Solo si «País de la sede» no es «México»"),
    ("handles_hazardous_materials", "Only if “Handles hazardous materials” is answered yes",
     "Solo si «Maneja materiales peligrosos» se contesta que sí"),
    ("handles_hazardous_materials == False", "Only if “Handles hazardous materials” is answered no",
     "Solo si «Maneja materiales peligrosos» se contesta que no"),
    ("handles_hazardous_materials != False", "Only if “Handles hazardous materials” is answered yes or left blank",
     "Solo si «Maneja materiales peligrosos» se contesta que sí o se deja en blanco"),
    ("not handles_hazardous_materials", "Only if “Handles hazardous materials” is answered no or left blank",
     "Solo si «Maneja materiales peligrosos» se contesta que no o se deja en blanco"),
    ("meets_threshold == False", "Only if “Meets the threshold?” is “No”", "Solo si «¿Cumple el mínimo?» es «No»"),
    ("blank(hq_country) or hq_country == 'MX'", "Only if “Headquarters country” is left blank or is “Mexico”",
     "Solo si «País de la sede» se deja en blanco o es «México»"),
    ("not blank(plant_name)", "Only if “Plant name” is answered", "Solo si «Nombre de la planta» se contesta"),
    ("hq_country == 'MX' or hq_country == 'US'", "Only if “Headquarters country” is “Mexico” or “United States”",
     "Solo si «País de la sede» es «México» o «Estados Unidos»"),
    ("hq_country in ['MX', 'US', 'other']",
     "Only if “Headquarters country” is one of “Mexico”, “United States” or “Other”",
     "Solo si «País de la sede» es cualquiera de «México», «Estados Unidos» u «Otro»"),
    ("hq_country not in ['MX', 'US']", "Only if “Headquarters country” is neither “Mexico” nor “United States”",
     "Solo si «País de la sede» no es «México» ni «Estados Unidos»"),
    ("selected(markets_list, 'US')", "Only if “Markets” includes “United States”",
     "Solo si «Mercados» incluye «Estados Unidos»"),
    ("not selected(markets_list, 'US')", "Only if “Markets” does not include “United States”",
     "Solo si «Mercados» no incluye «Estados Unidos»"),
    ("head_count > 1200", "Only if “Headcount” is more than 1,200", "Solo si «Plantilla» es mayor que 1,200"),
    ("head_count <= 1200.5", "Only if “Headcount” is at most 1,200.5", "Solo si «Plantilla» es como máximo 1,200.5"),
    ("100 != export_pct", "Only if “Export share” is not 100%", "Solo si «Proporción exportada» no es 100 %"),
    ("(export_pct != 0 and export_pct != 100) or head_count > 5",
     "Only if “Export share” is neither 0% nor 100%, or “Headcount” is more than 5",
     "Solo si «Proporción exportada» no es 0 % ni 100 %, o «Plantilla» es mayor que 5"),
    ("head_count + 2 > count(roles_table) + 1",
     "Only if “Headcount” plus 2 is more than the number of rows in “Roles” plus 1",
     "Solo si «Plantilla» más 2 es mayor que el número de filas de «Puestos» más 1"),
    ("total(roles_table, 'daily_wage') >= 100", "Only if the total of “Wage” in “Roles” is at least 100",
     "Solo si el total de «Salario» en «Puestos» es como mínimo 100"),
    ("start_date > today()", "Only if “Start” is after today", "Solo si «Inicio» es posterior a hoy"),
    ("plant_name == 'Norte'", "Only if “Plant name” is “Norte”", "Solo si «Nombre de la planta» es «Norte»"),
    ("handles_hazardous_materials and hq_country == 'MX'",
     "Only if “Handles hazardous materials” is answered yes and “Headquarters country” is “Mexico”",
     "Solo si «Maneja materiales peligrosos» se contesta que sí y «País de la sede» es «México»"),
    ("not (handles_hazardous_materials and hq_country == 'MX')",
     "Only if “Handles hazardous materials” is answered no or left blank, or “Headquarters country” is not “Mexico”",
     "Solo si «Maneja materiales peligrosos» se contesta que no o se deja en blanco, o «País de la sede» no es "
     "«México»"),
])
def test_the_kinds_of_rules_the_forms_use_read_as_sentences(source: str, en: str, es: str) -> None:
    assert phrase(source) == (en, es, False)


def test_question_numbers_follow_the_label_never_replace_it() -> None:
    en, es, _ = phrase("hq_country == 'other'", numbers={"hq_country": "1.3"})
    assert en == "Only if “Headquarters country” (1.3) is “Other”"
    assert es == "Solo si «País de la sede» (1.3) es «Otro»"


def test_a_page_sentence() -> None:
    condition = describe_relevance(compile_expression("handles_hazardous_materials", NAMES), FORM)
    assert condition.page_sentence.pick("es") == ("Conteste esta página solo si «Maneja materiales peligrosos» se "
                                                 "contesta que sí")


def test_a_row_rule_reads_the_row_question() -> None:
    expression = compile_expression("shift_count == 3", [*NAMES, *(f.name for f in ROLES.fields)])
    condition = describe_relevance(expression, FORM, row=ROLES)
    assert (condition.sentence.en, condition.generic) == ("Only if “Shifts” is 3", False)


@pytest.mark.parametrize(("source", "en", "es"), [
    ("hq_country == 'atlantis'",  # not one of the choices
     "Only if it applies to you, given your answer to “Headquarters country”",
     "Solo si le aplica, según su respuesta a «País de la sede»"),
    ("plant_name == 'north_plant' or head_count > 3",  # reads like an internal value: never printed
     "Only if it applies to you, given your answers to “Headcount” and “Plant name”",  # in form order
     "Solo si le aplica, según sus respuestas a «Plantilla» y «Nombre de la planta»"),
    ("True", "Only if it applies to you", "Solo si le aplica"),
])
def test_what_cannot_be_phrased_still_names_its_questions(source: str, en: str, es: str) -> None:
    assert phrase(source) == (en, es, True)


def test_every_shipped_rule_is_phrased_in_both_languages() -> None:
    forms = load_forms(SHIPPED)
    count = 0
    for definition in forms.latest_all():
        names = {q.name for q in definition.questions()} | {f.name for q in definition.questions() for f in q.fields}
        pairs: list[tuple[object, Question | None]] = [(s.relevant, None) for s in definition.sections]
        for q in definition.questions():
            pairs.append((q.relevant, None))
            pairs += [(f.relevant, q) for f in q.fields]
        for expression, row in pairs:
            if expression is None:
                continue
            count += 1
            condition = describe_relevance(expression, definition, row=row)  # type: ignore[arg-type]
            where = f"{definition.id}: {expression}"
            assert not condition.generic, f"{where} falls back to the generic sentence"
            for language in ("en", "es"):
                text = condition.sentence.pick(language)
                for name in names:
                    if "_" in name:
                        assert name not in text, f"{where}: {name} in {text!r}"
                assert not re.search(r"\b[a-z0-9]+_[a-z0-9_]+\b", text), f"{where}: {text!r}"
    assert count >= 40


# --- any expression ----------------------------------------------------------------------------------------

_ATOMS = st.one_of(
    st.sampled_from(sorted(ALL_NAMES)),
    st.integers(-10**6, 10**6).map(str),
    st.decimals(-1000, 1000, places=2, allow_nan=False, allow_infinity=False).map(str),
    st.sampled_from(["True", "False", "None", "'MX'", "'other'", "'US'", "'Norte'", "'north_plant'", "''",
                     "'head_count'", "'daily_wage'"]),
    st.text(st.characters(codec="utf-8", exclude_characters="'\\\n\r"), max_size=8).map(lambda s: f"'{s}'"),
    st.just("today()"),
)
_COMPARATORS = ["==", "!=", "<", "<=", ">", ">=", "in", "not in", "is", "is not"]


def _expressions() -> st.SearchStrategy[str]:
    def extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.tuples(inner, st.sampled_from(_COMPARATORS), inner).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
            st.tuples(inner, st.sampled_from(["and", "or"]), inner).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
            st.tuples(inner, st.sampled_from(["+", "-", "*", "/", "//", "%"]), inner).map(
                lambda t: f"({t[0]} {t[1]} {t[2]})"),
            inner.map(lambda x: f"(not {x})"),
            inner.map(lambda x: f"(-{x})"),
            st.lists(inner, min_size=0, max_size=4).map(lambda xs: f"[{', '.join(xs)}]"),
            st.tuples(inner, inner, inner).map(lambda t: f"({t[0]} if {t[1]} else {t[2]})"),
            st.tuples(st.sampled_from(["selected", "total"]), inner, inner).map(lambda t: f"{t[0]}({t[1]}, {t[2]})"),
            st.tuples(st.sampled_from(["count", "blank", "abs", "year", "length", "round"]), inner).map(
                lambda t: f"{t[0]}({t[1]})"),
            st.tuples(st.sampled_from(["min", "max"]), st.lists(inner, min_size=1, max_size=3)).map(
                lambda t: f"{t[0]}({', '.join(t[1])})"),
            st.tuples(inner, st.integers(0, 3)).map(lambda t: f"round({t[0]}, {t[1]})"),
        )
    return st.recursive(_ATOMS, extend, max_leaves=12)


@settings(max_examples=400, deadline=None)
@given(_expressions(), st.booleans(), st.booleans())
def test_any_expression_is_phrased_without_raising_or_showing_a_name(source: str, row: bool, numbered: bool) -> None:
    known = ALL_NAMES if row else set(NAMES)
    try:
        expression = compile_expression(source, known)
    except ExpressionError:
        return
    numbers = {name: f"1.{n}" for n, name in enumerate(NAMES, 1)} if numbered else None
    condition = describe_relevance(expression, FORM, numbers=numbers, row=ROLES if row else None,
                                   number_format=lambda value, language: f"{value:,}")
    for language in ("en", "es"):
        text = condition.sentence.pick(language)
        assert text.startswith("Solo si " if language == "es" else "Only if ")
        for name in ALL_NAMES:
            assert name not in text, f"{source!r} → {text!r}"
        assert "north_plant" not in text
    if condition.generic:  # the fallback still names every question the rule reads, by label
        for name in expression.names:
            q = FORM.question(name) or ROLES.row_question(name)
            assert q is not None
            assert q.label.en in condition.sentence.en and q.label.es in condition.sentence.es


def test_numbers_are_written_by_the_callers_formatter_in_each_language() -> None:
    condition = describe_relevance(compile_expression("head_count > 0.5", NAMES), FORM,
                                   number_format=lambda v, lang: str(v).replace(".", ",") if lang == "es" else str(v))
    assert condition.sentence == Text("Only if “Headcount” is more than 0.5", "Solo si «Plantilla» es mayor que 0,5")

"""Form definitions load only when everything in them is right, and every problem names file, question and cause."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from shelter_app.content.forms import FormDefinitionError, UnknownForm, definition_from_data, load_forms
from shelter_app.core.forms.model import QType

FORMS = Path(__file__).resolve().parents[1] / "data" / "forms"


@pytest.fixture
def data() -> dict[str, Any]:
    loaded = yaml.safe_load((FORMS / "sample" / "1.0.yaml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def fields(data: dict[str, Any]) -> list[dict[str, Any]]:
    result = data["sections"][0]["fields"]
    assert isinstance(result, list)
    return result


def problems_of(data: dict[str, Any]) -> list[str]:
    with pytest.raises(FormDefinitionError) as caught:
        definition_from_data(data, "test.yaml")
    return [p.message() for p in caught.value.problems]


def test_the_sample_loads_with_every_question_type() -> None:
    definition = load_forms(FORMS).get("sample", "1.0")
    types = {q.type for q in definition.questions()} | {f.type for q in definition.questions() for f in q.fields}
    assert types == set(QType)
    assert definition.data["form"] == "sample"
    assert definition.data["sections"][0]["fields"][8]["min"] == "2020-01-01"  # JSON-safe for packages


def test_shipped_forms_load() -> None:
    forms = load_forms()
    assert len(forms.ids()) >= 8
    every_type: set[QType] = set()
    for definition in forms.latest_all():
        every_type |= {q.type for q in definition.questions()} | {f.type for q in definition.questions()
                                                                   for f in q.fields}
        assert definition.title.en and definition.title.es
    assert every_type == set(QType)


@pytest.mark.parametrize(("change", "fragment"), [
    (lambda d: fields(d)[0].update(type="slider"), "question legal_name: type"),
    (lambda d: fields(d)[0].update(label={"en": "Only English"}), "question legal_name: label.es"),
    (lambda d: fields(d)[0].update(label={"en": "Name", "es": ""}), "question legal_name: label.es"),
    (lambda d: fields(d)[1].update(name="legal_name"), "legal_name: the name is used twice"),
    (lambda d: fields(d)[0].update(relevant="().__class__"), "attribute access"),
    (lambda d: fields(d)[0].update(relevant="__import__('os')"), "not a function"),
    (lambda d: fields(d)[0].update(relevant="no_such_question"), "'no_such_question' is not a question"),
    (lambda d: fields(d)[2].update(constraint="value > 1"), "needs a bilingual `constraint_message`"),
    (lambda d: fields(d)[2].update(choices=[{"value": "a", "en": "A", "es": "A"}]), "`choices` does not apply"),
    (lambda d: fields(d)[2].update(min=10, max=1), "`min` is greater than `max`"),
    (lambda d: fields(d)[2].update(default="many"), "the default does not fit"),
    (lambda d: fields(d)[0].update(maps_to="client.secret"), "not a known target"),
    (lambda d: fields(d)[0].update(maps_to=["client.legal_name", "client.nope"]), "client.nope` is not a known"),
    (lambda d: fields(d)[0].update(maps_to=["client.legal_name", "client.legal_name"]), "names a target twice"),
    (lambda d: fields(d)[0].update(maps_to=["client.legal_name", "journey.site.state"]),
     "cannot fill journey.site.state"),
    (lambda d: fields(d)[2].update(maps_to="client.legal_name"), "cannot fill client.legal_name"),
    (lambda d: fields(d)[4].update(currency="MXN"), "is in USD"),
    (lambda d: fields(d)[12].update(choices=[{"value": "franchise", "en": "F", "es": "F"}]),
     "does not accept the choices franchise"),
    (lambda d: fields(d)[13].update(choices="no_list"), "no choice list named no_list"),
    (lambda d: fields(d)[6].update(calculation="export_share + 1"), "circle"),
    (lambda d: d["sections"][1]["fields"][0]["fields"].append(
        {"name": "inner", "type": "repeat", "label": {"en": "I", "es": "I"},
         "fields": [{"name": "x", "type": "text", "label": {"en": "X", "es": "X"}}]}), "another repeat"),
    (lambda d: d["sections"][1]["fields"][0]["fields"][3].update(maps_to="nothing"), "has no column nothing"),
    (lambda d: d["sections"][1]["fields"][0].update(max_rows=20_000), "max_rows"),
    (lambda d: d.update(version="latest"), "version"),
    (lambda d: d.update(extra_key=1), "extra_key"),
    (lambda d: fields(d)[19].update(required=True), "a note takes no answer"),
])
def test_each_problem_is_named(data: dict[str, Any], change: Any, fragment: str) -> None:
    broken = copy.deepcopy(data)
    change(broken)
    messages = problems_of(broken)
    assert any(fragment in m and m.startswith("test.yaml") for m in messages), messages


def test_every_problem_is_listed_not_only_the_first(data: dict[str, Any]) -> None:
    fields(data)[0]["relevant"] = "a.b"
    fields(data)[2]["min"] = "x"
    fields(data)[3]["maps_to"] = "client.nope"
    assert len(problems_of(data)) == 3


def test_files_and_folders_are_checked(tmp_path: Path) -> None:
    (tmp_path / "sample").mkdir()
    source = (FORMS / "sample" / "1.0.yaml").read_text(encoding="utf-8")
    (tmp_path / "sample" / "9.9.yaml").write_text(source, encoding="utf-8")
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "1.0.yaml").write_text("form: [unclosed", encoding="utf-8")
    (tmp_path / "dupe").mkdir()
    (tmp_path / "dupe" / "1.0.yaml").write_text("form: dupe\nform: again\n", encoding="utf-8")
    with pytest.raises(FormDefinitionError) as caught:
        load_forms(tmp_path)
    text = caught.value.en
    assert "sample/9.9.yaml: the file must be sample/1.0.yaml" in text
    assert "broken/1.0.yaml: is not valid YAML" in text
    assert "dupe/1.0.yaml: is not valid YAML" in text and "appears twice" in text
    assert caught.value.es.startswith("La definición del formulario tiene 3 problemas")
    with pytest.raises(FormDefinitionError, match="no form definitions"):
        load_forms(tmp_path / "empty")


def test_versions_and_unknown_forms() -> None:
    forms = load_forms(FORMS)
    assert forms.latest("sample").version == forms.versions("sample")[-1]
    with pytest.raises(UnknownForm, match=r"sample 7\.0"):
        forms.get("sample", "7.0")
    with pytest.raises(UnknownForm):
        forms.latest("nothing")


def test_a_package_definition_is_checked_like_a_file(data: dict[str, Any]) -> None:
    definition = definition_from_data(data, "package")
    assert definition_from_data(dict(definition.data), "package") == definition
    for hostile in ("().__class__.__mro__", "sales ** 99999999", "[c for c in 'x']"):
        fields(data)[0]["relevant"] = hostile
        with pytest.raises(FormDefinitionError):
            definition_from_data(data, "package")
    with pytest.raises(FormDefinitionError, match="a definition is a mapping"):
        definition_from_data(["not", "a", "mapping"], "package")


def _first_choice(question: Any) -> Any:
    """A choice for the sample record: a Mexican company (MX) where the choices are countries, so the Mexican
    identifiers the record holds (RFC) stay relevant, as they are for the client that has them."""
    values = [c.value for c in question.choices]
    return "MX" if "MX" in values else values[0] if values else None


def _sample(question: Any) -> Any:
    from datetime import date as _date

    kind = question.value_type.value
    low = question.minimum
    samples: dict[str, Any] = {
        "text": "Muestra", "long_text": "Muestra", "integer": low if isinstance(low, int) and low > 0 else 1,
        "decimal": "1", "percent": "10", "money": {"amount": "1", "currency": (question.currencies or ("USD",))[0]},
        "date": (max(low, _date(2030, 1, 1)) if isinstance(low, _date) else _date(2030, 1, 1)).isoformat(),
        "yes_no": True, "select_one": _first_choice(question),
        "rfc": "VNO150312KMA", "email": "a@example.com", "postal_code": "66600", "tariff_code": "8708.99"}
    return samples.get(kind)


def test_a_prefill_from_the_project_survives_the_forms_own_rules() -> None:
    """What the consultant prefills (every mapped question) must not be hidden and cleared by a rule that waits
    for an unmapped question the client has not answered yet."""
    for definition in load_forms().latest_all():
        prefill: dict[str, Any] = {}
        for question in definition.questions():
            if not question.maps_to:
                continue
            if question.type is QType.REPEAT:
                prefill[question.name] = [{f.name: _sample(f) for f in question.fields if f.maps_to}]
            else:
                prefill[question.name] = _sample(question)
        from shelter_app.core.forms.engine import FormState

        state = FormState(definition, {k: v for k, v in prefill.items() if v is not None})
        lost = sorted(name for name in prefill if name not in state.answers and name in state.hidden)
        assert not lost, f"{definition.id}: the prefill of {lost} is cleared by a rule"

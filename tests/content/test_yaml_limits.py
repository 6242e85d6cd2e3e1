"""YAML from a user (a form definition given to `forms validate`): bounded, no anchors, aliases or tags; refused with
the file and the line, never a traceback. Shipped content (which merges anchors on purpose) still loads."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from shelter_app import cli
from shelter_app.content.checklists import load_packs
from shelter_app.content.forms import FormDefinitionError, load_form_file, load_forms
from shelter_app.content.yamlread import MAX_UNTRUSTED_BYTES, YamlRefused, load_untrusted_yaml

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(8)
)


@pytest.mark.parametrize(
    ("text", "line", "words_en", "words_es"),
    [
        (BOMB, 1, "anchors and aliases", "anclas ni alias"),
        ("a: 1\nb: !!python/object:os.system x\n", 2, "tag", "etiqueta"),
        ("a: 1\nb: !custom x\n", 2, "tag", "etiqueta"),
        ("a: !!binary aGVsbG8=\n", 1, "tag", "etiqueta"),
        ("a:\n  b: !!set {x: null}\n", 2, "tag", "etiqueta"),
        ("a: " + "[" * 40 + "]" * 40 + "\n", 1, "nested more than 32", "anidado a más de 32"),
        ("x: 1\nn: " + "9" * 5000 + "\n", 2, "too long", "demasiado largo"),
        ("n: .nan\n", 1, "not a finite number", "no es un número finito"),
        ("n: -.inf\n", 1, "not a finite number", "no es un número finito"),
        ("n: 1.0e+999\n", 1, "not a finite number", "no es un número finito"),
    ],
    ids=["alias-bomb", "python-tag", "custom-tag", "binary", "set", "deep", "5000-digits", "nan", "inf", "1e999"],
)
def test_hostile_yaml_is_refused_with_file_and_line(text: str, line: int, words_en: str, words_es: str) -> None:
    with pytest.raises(YamlRefused) as caught:
        load_untrusted_yaml(text, "mine.yaml")
    assert caught.value.line == line
    assert f"mine.yaml, line {line}" in caught.value.en and words_en in caught.value.en
    assert f"mine.yaml, línea {line}" in caught.value.es and words_es in caught.value.es


def test_a_very_deep_document_is_refused_without_recursion() -> None:
    with pytest.raises((YamlRefused, yaml.YAMLError)):  # libyaml itself stops flow nesting at 1000 levels
        load_untrusted_yaml("[" * 200_000 + "]" * 200_000, "deep.yaml")
    block = "".join(f"{' ' * i}k{i}:\n" for i in range(500)) + " " * 500 + "v\n"
    with pytest.raises(YamlRefused, match=r"deep\.yaml, line 33: nested more than 32"):
        load_untrusted_yaml(block, "deep.yaml")


def test_an_oversized_document_is_refused(tmp_path: Path) -> None:
    with pytest.raises(YamlRefused, match="larger than 2 MB"):
        load_untrusted_yaml("a: '" + "x" * MAX_UNTRUSTED_BYTES + "'\n", "big.yaml")
    big = tmp_path / "big.yaml"
    big.write_text("a: '" + "x" * MAX_UNTRUSTED_BYTES + "'\n", encoding="utf-8")
    with pytest.raises(FormDefinitionError, match="larger than 2 MB"):
        load_form_file(big)


def test_duplicate_keys_stay_refused_with_their_line() -> None:
    with pytest.raises(yaml.YAMLError, match="appears twice") as caught:
        load_untrusted_yaml("a: 1\nb: 2\na: 3\n", "dup.yaml")
    assert "line 3" in str(caught.value)


def test_plain_yaml_loads_as_before() -> None:
    text = "a: 1\nb: [1.5, 'x', null, true, 2026-01-31]\nc: !!str 12\nd: {e: -3}\n<<: {m: 1}\n"
    assert load_untrusted_yaml(text, "ok.yaml") == yaml.safe_load(text)


def test_shipped_content_still_loads() -> None:
    assert len(load_forms()) > 0
    load_packs()  # the checklist packs merge anchors (`<<: *anchor`) on purpose: the shipped loader keeps them


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab:-[]{}&*!,'\"\n 0123456789.e<", max_size=200))
def test_any_text_loads_or_is_refused_cleanly(text: str) -> None:
    try:
        load_untrusted_yaml(text, "fuzz.yaml")
    except YamlRefused as exc:
        assert exc.en != exc.es and "fuzz.yaml" in exc.en and "fuzz.yaml" in exc.es
    except yaml.YAMLError:  # malformed: `forms validate` reports it as a problem of the definition
        return


def test_cli_validate_of_a_hostile_yaml_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(BOMB, encoding="utf-8")
    code = cli.main(["forms", "validate", str(bomb)])
    out, err = capsys.readouterr()
    assert code == 2 and "bomb.yaml, line 1" in err and "aliases" in err and "Traceback" not in out + err
    deep = tmp_path / "deep.yaml"
    deep.write_text("form: " + "[" * 100 + "]" * 100 + "\n", encoding="utf-8")
    code = cli.main(["--lang", "es_MX", "forms", "validate", str(deep)])
    out, err = capsys.readouterr()
    assert code == 2 and "deep.yaml, línea 1" in err and "anidado" in err

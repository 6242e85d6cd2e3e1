"""The one content YAML loader: safe, refuses repeated keys, parses with libyaml where PyYAML has it."""

from __future__ import annotations

import pytest
import yaml

from shelter_app.content.yamlread import UniqueKeyLoader


def test_a_repeated_key_is_refused_with_its_line() -> None:
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        yaml.load("a: 1\nb:\n  c: 2\n  c: 3\n", Loader=UniqueKeyLoader)
    assert "the key 'c' appears twice" in str(caught.value)
    assert caught.value.problem_mark is not None and caught.value.problem_mark.line == 3


def test_merge_keys_may_be_overridden() -> None:
    data = yaml.load("base: &b {x: 1, y: 2}\nitem:\n  <<: *b\n  y: 3\n", Loader=UniqueKeyLoader)
    assert data["item"] == {"x": 1, "y": 3}


def test_no_arbitrary_objects() -> None:
    with pytest.raises(yaml.constructor.ConstructorError):
        yaml.load("!!python/object/apply:os.system ['true']", Loader=UniqueKeyLoader)


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")
def test_parses_with_libyaml_when_available() -> None:
    # the pure-Python parser is ten times slower: a third of a second at every start of the app
    assert issubclass(UniqueKeyLoader, yaml.CSafeLoader)

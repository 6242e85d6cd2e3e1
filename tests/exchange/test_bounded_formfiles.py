"""Form packages and responses: the JSON inside is read by `bounded_json`; every refusal a `FormFileError` that names
the file and the JSON path, never a traceback, within a few hundred MB."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shelter_app.exchange.formfiles import (
    MAX_JSON_BYTES,
    PACKAGE_SUFFIX,
    FileTooLarge,
    FormFileError,
    NestedTooDeep,
    NotAFormFile,
    read_package,
)
from tests.exchange.test_formfiles import zip_of


def package_file(folder: Path, body: bytes) -> Path:
    path = folder / f"hostile{PACKAGE_SUFFIX}"
    path.write_bytes(zip_of([("package.json", body)]))
    return path


@pytest.mark.parametrize(
    ("body", "error", "path", "words"),
    [
        (b'{"a": {"b": [1, ' + b"9" * 5000 + b"]}}", NotAFormFile, "$.a.b[1]", "too long"),
        (b'{"a": 1' + b"0" * 30 + b"}", NotAFormFile, "$.a", "too large"),
        (b'{"a": 1e999}', NotAFormFile, "$.a", "too large"),
        (b'{"a": [NaN]}', NotAFormFile, "$.a[0]", "finite"),
        (b'{"a": {"b": -Infinity}}', NotAFormFile, "$.a.b", "finite"),
        (b'{"a": {"x": 1, "x": 2}}', NotAFormFile, "$.a", "appears twice"),
        (b'{"a": ' + b"[" * 100 + b"]" * 100 + b"}", NestedTooDeep, "$.a" + "[0]" * 63, "nested"),
        (b"[" * 200_000 + b"]" * 200_000, NestedTooDeep, "$" + "[0]" * 64, "nested"),
        (b'{"a": [' + b"0," * 100_000 + b"0]}", NotAFormFile, "$.a", "at most 100000 entries"),
    ],
    ids=["5000-digits", "31-digits", "1e999", "nan", "infinity", "duplicate", "deep", "very-deep", "long-array"],
)
def test_hostile_json_is_refused_with_its_path(tmp_path: Path, body: bytes, error: type[FormFileError], path: str,
                                               words: str) -> None:
    file = package_file(tmp_path, body)
    with pytest.raises(FormFileError) as caught:
        read_package(file)
    assert type(caught.value) is error, caught.value.en
    assert caught.value.field == path
    assert words in caught.value.en and file.name in caught.value.en and file.name in caught.value.es
    assert path in caught.value.en and path in caught.value.es and caught.value.en != caught.value.es


def test_an_oversized_document_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    with pytest.raises(FileTooLarge):
        read_package(package_file(tmp_path, b'{"a": "' + b"x" * MAX_JSON_BYTES + b'"}'))
    with pytest.raises(FileTooLarge):  # more containers than any form: refused by a count of the bytes
        read_package(package_file(tmp_path, b"[" + b"{}," * 2_000_000 + b"{}]"))


def test_the_worst_document_within_the_size_stays_within_a_few_hundred_mb(tmp_path: Path) -> None:
    count = (MAX_JSON_BYTES - 2) // 5  # '"ab",': the most objects per byte that are not shared
    file = package_file(tmp_path, b"[" + b'"ab",' * (count - 1) + b'"ab"]')
    tracemalloc.start()
    try:
        with pytest.raises(NotAFormFile, match="at most 100000 entries"):
            read_package(file)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 400 * 1024 * 1024


JSONISH = st.text(alphabet='[]{}",:0123456789.eE-+ntrufalsNIy\\ab ', max_size=400)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(JSONISH)
def test_any_package_json_opens_or_is_refused_by_a_form_file_error(tmp_path: Path, text: str) -> None:
    try:
        read_package(package_file(tmp_path, text.encode("utf-8")))
    except NotAFormFile as exc:
        assert exc.en and exc.es and exc.en != exc.es
    except FormFileError as exc:  # a JSON object that is not a package: a field is missing
        assert exc.field is not None

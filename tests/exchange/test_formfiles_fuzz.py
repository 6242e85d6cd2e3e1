"""Fuzzing the readers: random bytes and random damage to valid files end in a `FormFileError` or a success.

Never in another exception (BadZipFile, KeyError, UnicodeDecodeError, CryptoError, RecursionError...).
Besides damage to the files' bytes, the contents are damaged under valid zips and valid encryption,
so the checks behind them (JSON, fields, inner zip, checksums) are reached too.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nacl.public
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shelter_app.exchange.formfiles import (
    PACKAGE_SUFFIX,
    RESPONSE_SUFFIX,
    FormFileError,
    peek_response,
    read_package,
    read_response,
    write_package,
    write_response,
)
from tests.exchange.test_formfiles import ResponseParts, dumps, entries_of, sample_package, sample_response, zip_of

EXAMPLES = settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])


class Target:
    """Valid files to damage, and a scratch file each example overwrites."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.key = nacl.public.PrivateKey.generate()
        package = sample_package(self.key.public_key)
        write_package(folder / f"valid{PACKAGE_SUFFIX}", package)
        content, attachments = sample_response(package)
        write_response(folder / f"valid{RESPONSE_SUFFIX}", content, attachments, self.key.public_key)
        self.package = (folder / f"valid{PACKAGE_SUFFIX}").read_bytes()
        self.response = (folder / f"valid{RESPONSE_SUFFIX}").read_bytes()
        self.parts = ResponseParts.of(self.response, self.key)
        self.package_json = entries_of(self.package)["package.json"]
        self.response_json = json.dumps(self.parts.document, ensure_ascii=False).encode()
        self.inner = self.parts.inner()

    def read_all(self, data: bytes) -> None:
        """Every reader on `data`: each either succeeds or raises a FormFileError."""

        def read_with_key(path: Path) -> object:
            return read_response(path, self.key)

        readers_by_suffix: list[tuple[str, list[Callable[[Path], object]]]] = [
            (PACKAGE_SUFFIX, [read_package]),
            (RESPONSE_SUFFIX, [peek_response, read_with_key]),
        ]
        for suffix, readers in readers_by_suffix:
            path = self.folder / f"fuzz{suffix}"
            path.write_bytes(data)
            for reader in readers:
                try:
                    reader(path)
                except FormFileError as exc:
                    assert exc.en and exc.es


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Target:
    return Target(tmp_path_factory.mktemp("fuzz"))


Mutation = Callable[[bytes], bytes]


def _flip(position: int, mask: int) -> Mutation:
    return lambda data: (
        data
        if not data
        else data[: position % len(data)]
        + bytes([data[position % len(data)] ^ mask])
        + data[position % len(data) + 1 :]
    )


def _truncate(position: int) -> Mutation:
    return lambda data: data[: position % (len(data) + 1)]


def _insert(position: int, chunk: bytes) -> Mutation:
    return lambda data: data[: position % (len(data) + 1)] + chunk + data[position % (len(data) + 1) :]


def _delete(position: int, length: int) -> Mutation:
    return lambda data: data[: position % (len(data) + 1)] + data[position % (len(data) + 1) + length :]


def _overwrite(position: int, chunk: bytes) -> Mutation:
    return lambda data: data[: position % (len(data) + 1)] + chunk + data[position % (len(data) + 1) + len(chunk) :]


positions = st.integers(min_value=0, max_value=1 << 20)
mutation = st.one_of(
    st.builds(_flip, positions, st.integers(min_value=1, max_value=255)),
    st.builds(_truncate, positions),
    st.builds(_insert, positions, st.binary(min_size=1, max_size=16)),
    st.builds(_delete, positions, st.integers(min_value=1, max_value=64)),
    st.builds(_overwrite, positions, st.binary(min_size=1, max_size=8)),
    st.builds(_overwrite, positions, st.sampled_from([b"\xff\xff\xff\xff", b"\x00\x00\x00\x00", b"\x7f\xff\xff\xff"])),
)
mutations = st.lists(mutation, min_size=1, max_size=4)


def _apply(data: bytes, steps: list[Mutation]) -> bytes:
    for step in steps:
        data = step(data)
    return data


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)


@EXAMPLES
@given(data=st.binary(max_size=4096) | st.builds(lambda tail: b"PK\x03\x04" + tail, st.binary(max_size=512)))
def test_random_bytes(target: Target, data: bytes) -> None:
    target.read_all(data)


@EXAMPLES
@given(steps=mutations)
def test_damaged_package_file(target: Target, steps: list[Mutation]) -> None:
    target.read_all(_apply(target.package, steps))


@EXAMPLES
@given(steps=mutations)
def test_damaged_response_file(target: Target, steps: list[Mutation]) -> None:
    target.read_all(_apply(target.response, steps))


@EXAMPLES
@given(steps=mutations)
def test_damaged_package_json_in_a_valid_zip(target: Target, steps: list[Mutation]) -> None:
    target.read_all(zip_of([("package.json", _apply(target.package_json, steps))]))


@EXAMPLES
@given(steps=mutations)
def test_damaged_inner_zip_under_valid_encryption(target: Target, steps: list[Mutation]) -> None:
    target.read_all(target.parts.build(target.key.public_key, inner=_apply(target.inner, steps)))


@EXAMPLES
@given(steps=mutations)
def test_damaged_response_json_under_valid_encryption(target: Target, steps: list[Mutation]) -> None:
    inner = zip_of([("response.json", _apply(target.response_json, steps)), *target.parts.attachments.items()])
    target.read_all(target.parts.build(target.key.public_key, inner=inner))


@EXAMPLES
@given(
    key=st.sampled_from(["package", "header", "response"]),
    path=st.lists(st.text(max_size=8), max_size=3),
    value=json_values,
)
def test_random_values_in_valid_documents(target: Target, key: str, path: list[str], value: Any) -> None:
    """Replace or add a value somewhere in an otherwise valid document."""
    sources = {"package": target.package_json, "header": dumps(target.parts.header), "response": target.response_json}
    document: Any = json.loads(sources[key])
    node = document
    for part in path[:-1]:
        if isinstance(node, dict) and isinstance(node.get(part), dict):
            node = node[part]
    if isinstance(node, dict):
        node[path[-1] if path else "format"] = value
    raw = json.dumps(document, ensure_ascii=False).encode()
    if key == "package":
        target.read_all(zip_of([("package.json", raw)]))
    elif key == "header":
        target.read_all(target.parts.build(target.key.public_key, header=raw))
    else:
        inner = zip_of([("response.json", raw), *target.parts.attachments.items()])
        target.read_all(target.parts.build(target.key.public_key, inner=inner))

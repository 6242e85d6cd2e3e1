"""Client side: `known-senders.json` and the JSON columns of a saved draft are read within bounds; a damaged or
hostile one is a `DamagedKnownSenders` / `DamagedDraft` naming the JSON path, never a traceback."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shelter_app.services import form_drafts
from shelter_app.services.form_drafts import DamagedDraft, DamagedKnownSenders

HOSTILE = [
    ('{"format": "shelterdesk-known-senders@1", "senders": [' + "9" * 5000 + "]}", "$.senders[0]", "too long"),
    ('{"format": "x", "format": "shelterdesk-known-senders@1", "senders": []}', "$", "appears twice"),
    ('{"format": "shelterdesk-known-senders@1", "senders": [NaN]}', "$.senders[0]", "finite"),
    ('{"senders": ' + "[" * 50 + "]" * 50 + "}", "$.senders[0][0][0]", "nested"),
    ("[" * 100_000 + "]" * 100_000, "$[0][0][0][0]", "nested"),
]

DRAFT_HOSTILE = [  # a draft holds a whole package: deeper than the list of senders
    *HOSTILE[:3],
    ('{"senders": ' + "[" * 100 + "]" * 100 + "}", "$.senders" + "[0]" * 65, "nested"),
    ("[" * 100_000 + "]" * 100_000, "$" + "[0]" * 66, "nested"),
]


def known(tmp_path: Path, text: str) -> Any:
    (tmp_path / "known-senders.json").write_text(text, encoding="utf-8")
    return form_drafts._load_known(SimpleNamespace(data=tmp_path))  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "path", "words"), HOSTILE, ids=["digits", "duplicate", "nan", "deep", "very-deep"])
def test_hostile_known_senders_are_refused_with_their_path(tmp_path: Path, text: str, path: str, words: str) -> None:
    with pytest.raises(DamagedKnownSenders) as caught:
        known(tmp_path, text)
    assert f"at {path}:" in caught.value.en and words in caught.value.en and "known-senders.json" in caught.value.en
    assert f"en {path}:" in caught.value.es and "dañada" in caught.value.es


def test_an_oversized_known_senders_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DamagedKnownSenders, match="too large"):
        known(tmp_path, " " * (2 * 1024 * 1024))
    (tmp_path / "known-senders.json").write_bytes(b"\xff\xfe")
    with pytest.raises(DamagedKnownSenders, match="not JSON"):
        form_drafts._load_known(SimpleNamespace(data=tmp_path))  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "path", "words"), DRAFT_HOSTILE,
                         ids=["digits", "duplicate", "nan", "deep", "very-deep"])
def test_a_hostile_draft_column_is_a_damaged_draft(text: str, path: str, words: str) -> None:
    with pytest.raises(DamagedDraft) as caught:
        form_drafts._loads(text)
    assert f"{path}:" in caught.value.en and words in caught.value.en and "borrador" in caught.value.es


def test_a_draft_column_keeps_json_types() -> None:
    assert form_drafts._loads('{"a": 1.5, "b": [1, "x", null, true]}') == {"a": 1.5, "b": [1, "x", None, True]}
    assert isinstance(form_drafts._loads('{"a": 1.5}')["a"], float)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet='[]{}",:0123456789.eE-+ntrufalsNIy\\ab ', max_size=300))
def test_any_draft_column_reads_or_is_a_damaged_draft(text: str) -> None:
    try:
        form_drafts._loads(text)
    except DamagedDraft as exc:
        assert exc.en and exc.es and exc.en != exc.es

"""A damaged or hostile settings.json: start-up goes on with the defaults and a warning naming the JSON path."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shelter_app.settings import BACKUPS_KEPT, LANGUAGE, Settings


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('{"language": "en", "backups_kept": ' + "9" * 5000 + "}", "$.backups_kept: the number is too long"),
        ('{"language": "en", "language": "es_MX"}', "$: malformed JSON: the key 'language' appears twice"),
        ('{"language": "en", "backups_kept": NaN}', "$.backups_kept: must be a finite number"),
        ('{"language": "en", "x": ' + "[" * 20 + "]" * 20 + "}", "$.x[0][0][0][0][0][0][0]: nested"),
        ("[" * 100_000 + "]" * 100_000, "nested more than 8"),
        ('{"language": "en", "pad": "' + "x" * (2 * 1024 * 1024) + '"}', "larger than 1 MB"),
        ('{"language": "en", "pad": [' + "0," * 2000 + "0]}", "at most 1000 entries"),
    ],
    ids=["5000-digits", "duplicate", "nan", "deep", "very-deep", "huge", "long-array"],
)
def test_a_hostile_settings_file_falls_back_to_defaults(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                        text: str, words: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(text, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="shelter_app.settings"):
        loaded = Settings.load(path)
    assert loaded.get(LANGUAGE) == "system" and loaded.get(BACKUPS_KEPT) == 10
    assert any(words in record.getMessage() for record in caplog.records), caplog.text


def test_a_sound_settings_file_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"_version": 1, "language": "es_MX", "backups_kept": 20, "show_archived": true}', "utf-8")
    loaded = Settings.load(path)
    assert loaded.get(LANGUAGE) == "es_MX" and loaded.get(BACKUPS_KEPT) == 20
    path.write_bytes(b"\xff\xfe{")
    assert Settings.load(path).get(LANGUAGE) == "system"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet='[]{}",:0123456789.eE-+ntrufalsNIy\\ab ', max_size=300))
def test_any_settings_file_loads(tmp_path: Path, text: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    assert Settings.load(path).get(LANGUAGE) in ("system", "en", "es_MX")

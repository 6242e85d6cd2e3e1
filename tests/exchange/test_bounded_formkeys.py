"""Exported key files and the key file: read within bounds, every refusal a `DamagedKeyFile` with the JSON path."""

from __future__ import annotations

import json
from pathlib import Path

import nacl.public
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shelter_app import cli
from shelter_app.exchange import formkeys
from shelter_app.exchange.formkeys import DamagedKeyFile

PASSPHRASE = "long enough passphrase"


@pytest.fixture(scope="module")
def exported() -> dict[str, object]:
    document: dict[str, object] = json.loads(formkeys.export_keypair(nacl.public.PrivateKey.generate(), PASSPHRASE))
    return document


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('{"format": "shelterdesk-key@1", "opslimit": ' + "9" * 5000 + "}", "$.opslimit"),
        ('{"format": "shelterdesk-key@1", "format": "x"}', "appears twice"),
        ('{"format": "shelterdesk-key@1", "memlimit": NaN}', "$.memlimit"),
        ('{"format": "shelterdesk-key@1", "memlimit": 1.5}', "$.memlimit"),
        ('{"a": ' + "[" * 10 + "]" * 10 + "}", "nested"),
        ("[" * 30_000 + "]" * 30_000, "nested"),
        ('{"a": [' + "0," * 100 + "0]}", "at most 64 entries"),
    ],
    ids=["5000-digits", "duplicate", "nan", "decimal", "deep", "very-deep", "long-array"],
)
def test_a_hostile_key_file_is_refused_with_its_path(tmp_path: Path, text: str, words: str) -> None:
    with pytest.raises(DamagedKeyFile) as caught:
        formkeys.import_keypair(text.encode("utf-8"), PASSPHRASE, tmp_path / "key")
    assert words in caught.value.en and "no es un archivo de llave" in caught.value.es
    assert not (tmp_path / "key").exists()


def test_a_key_file_may_not_ask_for_more_than_256_mib(tmp_path: Path, exported: dict[str, object]) -> None:
    hostile = dict(exported, memlimit=1024 * 1024 * 1024)  # accepted before: 1 GiB for one passphrase
    with pytest.raises(DamagedKeyFile, match="out of range"):
        formkeys.import_keypair(json.dumps(hostile).encode(), PASSPHRASE, tmp_path / "key")


def test_a_key_file_that_grows_past_the_limit_is_refused(tmp_path: Path) -> None:
    key_file = tmp_path / "form-key"
    key_file.write_bytes(b" " * (formkeys.MAX_KEY_FILE_BYTES + 10))
    with pytest.raises(DamagedKeyFile, match="too large"):
        formkeys.consultant_public_key(key_file)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet='[]{}",:0123456789.eE-+ntrufalsNIy\\ab ', max_size=300))
def test_any_text_is_a_key_file_or_damaged(text: str) -> None:
    try:
        formkeys.import_keypair(text.encode("utf-8"), PASSPHRASE, Path("/nonexistent/never-written"))
    except DamagedKeyFile as exc:
        assert exc.en and exc.es and exc.en != exc.es


def test_cli_import_of_a_hostile_key_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    hostile = tmp_path / "key.json"
    hostile.write_text('{"format": "shelterdesk-key@1", "opslimit": ' + "9" * 5000 + "}", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    code = cli.main(["forms", "keys", "import", str(hostile), "--export-passphrase-file", str(secret)])
    out, err = capsys.readouterr()
    assert code == 2 and "$.opslimit" in err and "damaged" in err and "Traceback" not in err + out
    code = cli.main(["--lang", "es_MX", "forms", "keys", "import", str(hostile),
                     "--export-passphrase-file", str(secret)])
    out, err = capsys.readouterr()
    assert code == 2 and "dañado" in err and "$.opslimit" in err

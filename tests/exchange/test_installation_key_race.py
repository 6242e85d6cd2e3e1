"""The installation key is made once, even when several processes start at the same moment."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

from shelter_app.exchange import formkeys


def _make(path: str, start: object, out: object) -> None:
    start.wait()  # type: ignore[attr-defined]
    key = formkeys.installation_key(Path(path))
    out.put(bytes(key.verify_key).hex())  # type: ignore[attr-defined]


@pytest.mark.parametrize("round_", range(1))
def test_processes_racing_to_make_the_key_all_get_the_one_that_landed(tmp_path: Path, round_: int) -> None:
    path = tmp_path / "data" / "installation-key"
    context = multiprocessing.get_context("spawn")
    start, out = context.Barrier(6), context.Queue()
    workers = [context.Process(target=_make, args=(str(path), start, out)) for _ in range(6)]
    for worker in workers:
        worker.start()
    got = {out.get(timeout=60) for _ in workers}
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    assert got == {bytes(formkeys.installation_key(path).verify_key).hex()}
    assert [p.name for p in path.parent.iterdir()] == ["installation-key"]  # no temporary file left behind
    assert os.stat(path).st_mode & 0o777 == 0o600


def test_exclusive_write_never_replaces_a_file(tmp_path: Path) -> None:
    path = tmp_path / "folder" / "kept"
    assert formkeys.write_file_exclusively(path, b"first")
    assert not formkeys.write_file_exclusively(path, b"second")
    assert path.read_bytes() == b"first" and sorted(p.name for p in path.parent.iterdir()) == ["kept"]


def test_an_oversized_key_file_is_damaged_not_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "installation-key"
    path.write_bytes(b"{" + b" " * (formkeys.MAX_KEY_FILE_BYTES * 4))
    with pytest.raises(formkeys.DamagedKeyFile):
        formkeys.installation_key(path)

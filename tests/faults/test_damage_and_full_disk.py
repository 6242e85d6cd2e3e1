"""Garbage in the middle of the database file, and a disk that fills up: found, said plainly, nothing half-written."""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from shelter_app import paths
from shelter_app.core.errors import UserError
from shelter_app.core.portfolio import ClientFields
from shelter_app.services import clients, database
from shelter_app.storage.db import open_database, sqlite_url
from shelter_app.storage.errors import DatabaseDamaged, DiskFull
from tests.storage.test_integrity import damage_middle_page, portfolio_file
from tests.support.faultfigures import record
from tests.support.survivors import surviving_rows

pytestmark = pytest.mark.faults


def test_a_damaged_middle_page_is_found_at_open_and_its_backup_refused() -> None:
    tried = found = refused = 0
    for round_ in range(5):  # a different page each time: the file grows between rounds
        path = portfolio_file(150 + 50 * round_)
        damage_middle_page(path)
        folders = paths.get_paths()
        db = open_database(sqlite_url(path), backups_dir=folders.backups)
        tried += 1
        try:
            found += bool(db.damage)
            with pytest.raises(DatabaseDamaged):
                database.backup(db, folders, keep=3)
            refused += 1
        finally:
            db.close()
        assert not list(folders.backups.glob("*.sqlite3"))
        path.unlink()
        for side in ("-wal", "-shm"):
            path.with_name(path.name + side).unlink(missing_ok=True)
    record("damaged middle page", f"{found} of {tried} found at open, {refused} of {tried} backups refused")
    assert found == refused == tried


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs where the test may mount one (as root on Linux); else skipped with the reason."""
    mount = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True,
                          text=True, check=False) if os.geteuid() == 0 else None
    if done is None or done.returncode != 0:
        from tests.conftest import _ci

        reason = "mounting a small tmpfs needs root" if done is None else done.stderr.strip()
        if _ci():
            pytest.fail(f"CI must run the full-disk test: {reason}")
        pytest.skip(reason)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_stops_writes_with_a_plain_message_and_loses_nothing(small_disk: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(small_disk / "shelterdesk"))
    paths.set_data_dir(None)
    folders = paths.get_paths().ensure()
    db = open_database(sqlite_url(folders.database), backups_dir=folders.backups)
    saved: list[str] = []
    refused: UserError | None = None
    try:
        for i in range(100_000):
            name = f"Empresa de relleno {i:05d} " + "x" * 300
            try:
                clients.create_client(db, "filler", ClientFields(legal_name=name[:200], notes="n" * 2000))
            except UserError as exc:
                refused = exc
                break
            saved.append(name[:200])
        assert isinstance(refused, DiskFull), refused
        assert "full" in refused.en and "lleno" in refused.es
        with pytest.raises(UserError):  # no room for a backup either: refused whole, nothing left behind
            database.backup(db, folders)
        assert not list(folders.backups.glob("*.sqlite3*"))
    finally:
        db.close()
    # every save reported before the disk filled is there, and the file is sound
    stored = {row[0] for row in surviving_rows(folders.database, "SELECT legal_name FROM client")}
    lost = [name for name in saved if name not in stored]
    record("full disk", f"{len(saved)} saves before the disk filled, refused with '{type(refused).__name__}', "
                        f"{len(lost)} lost")
    assert lost == []

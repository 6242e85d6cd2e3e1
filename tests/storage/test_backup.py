"""Backups of the embedded database: consistent, in steps with progress, cancellable, never half-kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from shelter_app.paths import get_paths
from shelter_app.services import clients, database, demo
from shelter_app.storage import db as storage_db
from shelter_app.storage.db import Database, open_database, sqlite_url
from shelter_app.storage.errors import BackupCancelled, DiskFull, FolderNotWritable, translate_db_errors


@pytest.fixture
def sqlite_db(isolated_folders: Path) -> Database:
    folders = get_paths().ensure()
    db = open_database(sqlite_url(folders.database), backups_dir=folders.backups)
    demo.generate_portfolio(db, 300)
    yield db
    db.close()


def test_backup_is_a_complete_copy_with_progress(sqlite_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage_db, "BACKUP_PAGES_PER_STEP", 4)
    steps: list[tuple[int, int]] = []
    target = database.backup(sqlite_db, get_paths(), progress=lambda done, total: steps.append((done, total)))
    assert target is not None and target.parent == get_paths().backups
    assert len(steps) > 3 and steps[-1][0] == steps[-1][1]  # several steps, ending complete
    assert [d for d, _ in steps] == sorted(d for d, _ in steps)
    copy = sqlite3.connect(target)
    assert copy.execute("select count(*) from client").fetchone()[0] == clients.count_clients(sqlite_db)
    assert copy.execute("pragma integrity_check").fetchone()[0] == "ok"
    copy.close()


def test_cancelled_backup_leaves_no_file(sqlite_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage_db, "BACKUP_PAGES_PER_STEP", 4)
    calls = {"n": 0}

    def cancel_after_two() -> bool:
        calls["n"] += 1
        return calls["n"] > 2

    with pytest.raises(BackupCancelled) as caught:
        database.backup(sqlite_db, get_paths(), cancelled=cancel_after_two)
    assert "cancel" in caught.value.en and "cancel" in caught.value.es
    assert list(get_paths().backups.glob("*.sqlite3")) == []


def test_unwritable_backups_folder_is_a_clear_error(sqlite_db: Database, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backups folder should be", encoding="utf-8")
    with pytest.raises(FolderNotWritable) as caught:
        sqlite_db.backup(blocker / "backups")
    assert str(blocker) in caught.value.en


def test_raw_driver_errors_are_translated(tmp_path: Path) -> None:
    """Backups use the sqlite3 driver directly: its errors get the same plain messages (a real full database:
    SQLite's max_page_count makes the file 'full' without filling the disk)."""
    conn = sqlite3.connect(tmp_path / "tiny.sqlite3")
    conn.execute("create table t (x text)")
    conn.execute("pragma max_page_count = 3")
    with pytest.raises(DiskFull), translate_db_errors("tiny.sqlite3"):
        for _ in range(100):
            conn.execute("insert into t values (?)", ("x" * 2000,))
    conn.close()


def test_backups_rotate_to_the_newest_plus_one_a_day_and_a_week(db: Database, backend: str) -> None:
    """Older backups (named by their time) go; the newest N, one a day for a week and one a week remain; a
    backup made before a schema upgrade is never rotated out."""
    from datetime import UTC, datetime, timedelta

    if backend != "sqlite":
        pytest.skip("a server database is backed up by its administrator")
    folders = get_paths()
    first = db.backup(folders.backups)
    assert first is not None and db.sqlite_path is not None
    stem = db.sqlite_path.stem
    now = datetime.now(UTC)
    for hours in range(1, 24 * 70, 5):  # a backup every 5 hours for ten weeks
        stamp = (now - timedelta(hours=hours)).strftime("%Y%m%dT%H%M%SZ")
        (folders.backups / f"{stem}-backup-{stamp}.sqlite3").write_bytes(first.read_bytes())
    upgrade = folders.backups / f"{stem}-before-0005_form_packages-20250101T000000Z.sqlite3"
    upgrade.write_bytes(first.read_bytes())

    newest = database.backup(db, folders, keep=3)

    left = db.backups(folders.backups)
    assert newest in left.values() and upgrade.exists()
    assert len(left) <= 3 + 7 + 8 + 1
    days = {moment.date() for moment in left}
    assert all(now.date() - timedelta(days=d) in days for d in range(7))  # one a day for the last week
    assert min(left) < now - timedelta(weeks=6)  # and weekly ones going back

"""Damage inside the SQLite file is found: at open (quick check), before and after every backup (full check)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from shelter_app import paths
from shelter_app.core.portfolio import ClientFields
from shelter_app.services import clients, demo
from shelter_app.storage import db as storage
from shelter_app.storage.db import Database, integrity_problems, open_database, sqlite_url
from shelter_app.storage.errors import DatabaseDamaged, DatabaseReadOnly


def portfolio_file(clients_count: int = 400) -> Path:
    folders = paths.get_paths().ensure()
    db = open_database(sqlite_url(folders.database), backups_dir=folders.backups)
    demo.generate_portfolio(db, clients_count)
    db.close()
    return folders.database


def damage_middle_page(path: Path) -> None:
    """4 KiB of garbage over a page in the middle of the file (a failing disk, a bad copy)."""
    size = path.stat().st_size
    with path.open("r+b") as file:
        file.seek((size // 2) // 4096 * 4096)
        file.write(os.urandom(4096))


def test_a_sound_file_passes_both_checks() -> None:
    path = portfolio_file()
    assert integrity_problems(path, quick=True) == () and integrity_problems(path) == ()


def test_a_damaged_middle_page_is_found_and_the_file_opens_read_only() -> None:
    path = portfolio_file()
    damage_middle_page(path)
    before = path.read_bytes()
    folders = paths.get_paths()
    db = open_database(sqlite_url(path), backups_dir=folders.backups)
    try:
        assert db.damage and db.check()
        with pytest.raises(DatabaseReadOnly):
            clients.create_client(db, "lucia", ClientFields(legal_name="Nueva Empresa SA de CV"))
    finally:
        db.close()
    assert path.read_bytes() == before  # nothing written, not even a migration


def test_a_backup_of_a_damaged_file_is_refused_and_nothing_is_written() -> None:
    path = portfolio_file()
    damage_middle_page(path)
    folders = paths.get_paths()
    db = open_database(sqlite_url(path), backups_dir=folders.backups)
    try:
        with pytest.raises(DatabaseDamaged) as caught:
            db.backup(folders.backups)
    finally:
        db.close()
    assert "No backup was written: it would copy the damage." in caught.value.en
    assert "No se escribió ningún respaldo" in caught.value.es
    assert not folders.backups.exists() or list(folders.backups.iterdir()) == []


def test_a_backup_is_checked_after_it_is_written(monkeypatch: pytest.MonkeyPatch) -> None:
    path = portfolio_file(50)
    folders = paths.get_paths()
    db = open_database(sqlite_url(path), backups_dir=folders.backups)
    try:
        good = db.backup(folders.backups)
        assert good is not None and integrity_problems(good) == ()
        real = storage.integrity_problems
        # the disk garbles what was just written: the check of the copy (not of the source) says so
        monkeypatch.setattr(storage, "integrity_problems", lambda p, quick=False: (
            ("row 7 missing from index",) if p != path else real(p, quick=quick)))
        with pytest.raises(DatabaseDamaged, match="The backup just written failed its check and was removed"):
            db.backup(folders.backups, label="second")
    finally:
        db.close()
    assert sorted(p.name for p in folders.backups.iterdir()) == [good.name]


def test_a_file_that_is_no_database_is_still_refused_as_such(tmp_path: Path) -> None:
    assert integrity_problems(tmp_path / "missing.sqlite3")  # cannot be opened: a problem, never "sound"


def damage_the_page_holding(path: Path, text: str) -> None:
    """Garble the 4 KiB page where `text` is stored (a client's name: a page of the client table itself)."""
    data = path.read_bytes()
    at = data.index(text.encode())
    with path.open("r+b") as file:
        file.seek(at // 4096 * 4096)
        file.write(b"\x00\xff" * 2048)


def all_names(db: Database) -> list[str]:
    ids = clients.search_clients(db, "", include_archived=True)
    return [row.legal_name for row in clients.client_rows(db, ids).values()]


def test_recover_salvages_every_readable_row_and_counts_the_lost(tmp_path: Path) -> None:
    from shelter_app.storage.recover import recover_file

    path = portfolio_file()
    db = open_database(sqlite_url(path), backups_dir=paths.get_paths().backups)
    try:
        names = all_names(db)
    finally:
        db.close()
    victim = names[len(names) // 2]
    damage_the_page_holding(path, victim)
    before = path.read_bytes()

    recovery = recover_file(path, tmp_path / "recovered.sqlite3")

    assert path.read_bytes() == before  # the damaged file is only read
    assert integrity_problems(recovery.target) == ()
    by_table = {t.table: t for t in recovery.tables}
    assert by_table["client"].lost > 0 and by_table["client"].rows + by_table["client"].lost <= len(names)
    assert by_table["client"].rows >= len(names) - 60  # one page of rows, no more
    assert by_table["project"].rows == len(names) and by_table["alembic_version"].rows == 1
    salvaged = open_database(sqlite_url(recovery.target), backups_dir=tmp_path / "b")
    try:
        assert not salvaged.damage
        kept = set(all_names(salvaged))
    finally:
        salvaged.close()
    assert victim not in kept and len(kept) == by_table["client"].rows
    with pytest.raises(Exception, match="exists already"):
        recover_file(path, recovery.target)

"""Connections: SQLite pragmas, UTC timestamps, and the errors a user can act on."""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, text
from sqlalchemy.exc import IntegrityError, StatementError
from sqlmodel import select

from shelter_app import paths
from shelter_app.core.portfolio import ClientFields
from shelter_app.services import clients
from shelter_app.storage.db import Database, open_database, sqlite_url
from shelter_app.storage.errors import DatabaseLocked, DatabaseReadOnly, DatabaseUnavailable
from shelter_app.storage.models import AuditEvent, Client, Contact

MEXICO_CITY = timezone(timedelta(hours=-6))


def _counts(db: Database) -> tuple[int, int]:
    with db.transaction() as session:
        return (session.exec(select(func.count()).select_from(Client)).one(),
                session.exec(select(func.count()).select_from(AuditEvent)).one())


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_every_sqlite_connection_gets_the_pragmas(db: Database) -> None:
    with db.engine.connect() as first, db.engine.connect() as second:  # two pooled connections at once
        for conn in (first, second):
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL: a save survives a power cut
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    with db.transaction() as session:  # and the connections sessions use
        assert session.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(IntegrityError), db.transaction() as session:
        session.add(Contact(client_id=424242, name="Nadie"))
    with db.transaction() as session:
        assert session.exec(select(func.count()).select_from(Contact)).one() == 0


def test_timestamps_come_back_timezone_aware_utc(db: Database) -> None:
    before = datetime.now(UTC)
    client_id = clients.create_client(db, "ana", ClientFields("Reloj Exacto SA")).entity_id
    after = datetime.now(UTC)
    detail = clients.get_client(db, client_id)
    for stamp in (detail.created_at, detail.updated_at):
        assert stamp.utcoffset() == timedelta(0)
        assert before - timedelta(seconds=1) <= stamp <= after + timedelta(seconds=1)

    local = datetime(2026, 3, 1, 9, 30, 15, 123456, tzinfo=MEXICO_CITY)  # 15:30:15 UTC
    with db.transaction() as session:
        client = session.get(Client, client_id)
        assert client is not None
        client.updated_at = local
    with db.transaction() as session:
        stored = session.get(Client, client_id)
        assert stored is not None
        assert stored.updated_at == local
        assert stored.updated_at.tzinfo is not None and stored.updated_at.utcoffset() == timedelta(0)
        assert stored.updated_at.hour == 15
        raw = session.connection().execute(text("SELECT updated_at FROM client WHERE id = :i"),
                                           {"i": client_id}).scalar_one()
    if db.is_sqlite:  # SQLite keeps text: the UTC wall time, not the local one
        assert str(raw).startswith("2026-03-01 15:30:15.123456")


def test_a_naive_timestamp_is_refused(db: Database) -> None:
    with pytest.raises(StatementError, match="naive datetime"), db.transaction() as session:
        session.add(Client(legal_name="Sin Zona SA", created_at=datetime(2026, 1, 1, 12, 0)))
    assert _counts(db) == (0, 0)


def _short_busy_timeout(db: Database, milliseconds: int) -> None:
    """Make this test's engine give up on a lock after `milliseconds` instead of 5 s.

    The production pragmas run first on each new connection; this listener runs after them and
    only lowers the wait, so everything else stays as shipped.
    """
    def lower(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA busy_timeout={milliseconds}")

    event.listen(db.engine, "connect", lower)
    db.engine.dispose()  # drop connections opened before the listener


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_locked_database_gives_database_locked_and_writes_nothing(db: Database) -> None:
    clients.create_client(db, "ana", ClientFields("Primero SA"))
    assert _counts(db) == (1, 1)
    _short_busy_timeout(db, 150)
    assert db.sqlite_path is not None
    other = sqlite3.connect(db.sqlite_path, isolation_level=None)  # another program holds the write lock
    try:
        other.execute("BEGIN EXCLUSIVE")
        began = time.perf_counter()
        with pytest.raises(DatabaseLocked) as caught:
            clients.create_client(db, "ana", ClientFields("Segundo SA"))
        waited = time.perf_counter() - began
        assert "nothing was saved" in caught.value.en and "no se guardó nada" in caught.value.es
        assert 0.1 <= waited < 3
        assert _counts(db) == (1, 1)  # readers still work in WAL mode, and see nothing half-written
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _counts(db) == (1, 1)
    clients.create_client(db, "ana", ClientFields("Segundo SA"))  # once released, the same write works
    assert _counts(db) == (2, 2)


def test_an_unreachable_postgresql_server_is_unavailable(tmp_path: Path) -> None:
    """A socket folder with no server in it: the message names the place, never the password."""
    url = f"postgresql+psycopg://consultant:hunter2@/shelterdesk?host={tmp_path}"
    with pytest.raises(DatabaseUnavailable) as caught:
        open_database(url, backups_dir=tmp_path / "backups")
    assert "Cannot reach the database" in caught.value.en
    assert "server is running" in caught.value.en
    assert "No se puede conectar" in caught.value.es
    assert "shelterdesk" in caught.value.en
    assert "hunter2" not in caught.value.en and "hunter2" not in caught.value.es
    assert not (tmp_path / "backups").exists()


def _make_sqlite_with_one_client() -> Path:
    folders = paths.get_paths()
    db = open_database(sqlite_url(folders.database), backups_dir=folders.backups)
    try:
        clients.create_client(db, "ana", ClientFields("Solo Lectura SA"))
    finally:
        db.close()
    return folders.database


def test_a_database_opened_read_only_reads_and_refuses_writes_clearly() -> None:
    """Opened with SQLite's read-only mode (root ignores file permissions, so they cannot be used here)."""
    path = _make_sqlite_with_one_client()
    before = path.read_bytes()
    db = open_database(f"sqlite:///file:{path}?mode=ro&uri=true", backups_dir=paths.get_paths().backups)
    try:
        assert db.sqlite_path == path
        assert len(clients.search_clients(db, "solo lectura")) == 1
        with pytest.raises(DatabaseReadOnly) as caught:
            clients.create_client(db, "ana", ClientFields("Otro SA"))
        assert str(path) in caught.value.en
        assert "cannot be written" in caught.value.en and "solo lectura" in caught.value.es
    finally:
        db.close()
    assert path.read_bytes() == before
    assert not Path("file:").exists()  # the URI form is not mistaken for a relative folder


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions; covered by the mode=ro test")
def test_a_read_only_file_gives_a_clear_error() -> None:
    path = _make_sqlite_with_one_client()
    for extra in path.parent.glob(path.name + "-*"):
        extra.unlink()
    path.chmod(0o444)
    path.parent.chmod(0o555)
    try:
        with pytest.raises(DatabaseReadOnly):
            db = open_database(sqlite_url(path), backups_dir=paths.get_paths().backups)
            try:
                clients.create_client(db, "ana", ClientFields("Otro SA"))
            finally:
                db.close()
    finally:
        path.parent.chmod(0o755)
        path.chmod(0o644)

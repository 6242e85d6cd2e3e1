"""Opening a database always ends on the current schema, or refuses and changes nothing."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, create_engine, inspect, text

from shelter_app import paths
from shelter_app.storage.db import Database, alembic_config, head_revision, open_database, sqlite_url
from shelter_app.storage.errors import DatabaseCorrupt, DatabaseTooNew
from shelter_app.storage.models import metadata

TABLES = {"client", "contact", "project", "audit_event", "project_journey", "checklist_item", "evidence",
          "business_scenario", "business_document", "form_package", "form_response", "form_draft", "alembic_version"}


def _revision(url: str) -> str | None:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def _fingerprint(path: Path) -> tuple[str, int, list[str]]:
    """The file's bytes and mtime, and what sits beside it (a backup or WAL would show)."""
    return (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns,
            sorted(p.name for p in path.parent.rglob("*")))


def _shape(conn: Connection) -> dict[str, object]:
    """Columns (name, nullable), index names and unique constraints per table."""
    found = inspect(conn)
    return {
        table: (
            sorted((c["name"], c["nullable"]) for c in found.get_columns(table)),
            sorted(i["name"] or "" for i in found.get_indexes(table)),
            sorted(u["name"] or "" for u in found.get_unique_constraints(table)),
        )
        for table in sorted(TABLES)
    }


def test_a_new_database_is_created_and_stamped_at_head(blank_url: str) -> None:
    db = open_database(blank_url, backups_dir=paths.get_paths().backups)
    try:
        state = db.schema_state()
        assert state.current == state.head == head_revision()
        assert state.up_to_date
        with db.engine.connect() as conn:
            assert set(inspect(conn).get_table_names()) == TABLES
    finally:
        db.close()
    assert not paths.get_paths().backups.exists() or not any(paths.get_paths().backups.iterdir())


def test_create_all_and_the_migrations_build_the_same_schema(blank_url: str, db: Database) -> None:
    """`db` was built by create_all + stamp; `blank_url` is migrated step by step: both match the models."""
    migrated = create_engine(blank_url)
    try:
        with migrated.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
        with migrated.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), metadata) == []
            migrated_shape = _shape(conn)
    finally:
        migrated.dispose()
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
        assert _shape(conn) == migrated_shape


def _insert_old_client(conn: Connection, backend: str) -> None:
    """A row as release 1 wrote it, in raw SQL (the models of today may not fit an old schema)."""
    stamp = "2025-01-02 03:04:05.000000" if backend == "sqlite" else "2025-01-02 03:04:05+00"
    conn.execute(text(
        "INSERT INTO client (legal_name, trade_name, country, rfc, industry, hq_address, website, "
        "notes, archived, search_text, created_at, updated_at, version) "
        "VALUES ('Válvulas Antiguas, S.A.', '', 'MX', NULL, 'valves', '', '', 'from release 1', false, "
        f"'valvulas antiguas, s.a.', '{stamp}', '{stamp}', 3)"
    ))


def test_an_old_database_is_backed_up_then_upgraded_without_loss(blank_url: str, backend: str) -> None:
    folders = paths.get_paths()
    folders.data.mkdir(parents=True, exist_ok=True)
    engine = create_engine(blank_url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001_portfolio")
        _insert_old_client(conn, backend)
    engine.dispose()
    assert _revision(blank_url) == "0001_portfolio"

    db = open_database(blank_url, backups_dir=folders.backups)
    try:
        assert db.schema_state().up_to_date
        with db.engine.connect() as conn:
            assert "audit_event" in inspect(conn).get_table_names()
            row = conn.execute(text("SELECT legal_name, notes, version FROM client")).one()
        assert tuple(row) == ("Válvulas Antiguas, S.A.", "from release 1", 3)
        from shelter_app.services import clients

        detail = clients.get_client(db, clients.search_clients(db, "valvulas antiguas")[0])
        assert detail.created_at.isoformat() == "2025-01-02T03:04:05+00:00"
    finally:
        db.close()

    backups = sorted(folders.backups.glob("*")) if folders.backups.exists() else []
    if backend == "sqlite":
        assert len(backups) == 1
        assert f"before-{head_revision()}" in backups[0].name
        saved = sqlite3.connect(backups[0])
        try:  # the copy is the database as it was before the upgrade, row included
            assert saved.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001_portfolio",)
            assert saved.execute("SELECT legal_name FROM client").fetchall() == [("Válvulas Antiguas, S.A.",)]
        finally:
            saved.close()
    else:  # a server is backed up by its administrator: nothing is copied to the laptop
        assert backups == []


def test_a_database_from_a_newer_release_is_refused_untouched(db: Database, backend: str) -> None:
    url = db.url.render_as_string(hide_password=False)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    db.close()
    before = _fingerprint(db.sqlite_path) if db.sqlite_path else None

    with pytest.raises(DatabaseTooNew) as caught:
        open_database(url, backups_dir=paths.get_paths().backups)

    assert caught.value.revision == "9999_future"
    assert "newer version" in caught.value.en and "nothing was changed" in caught.value.en
    assert "más reciente" in caught.value.es
    assert _revision(url) == "9999_future"
    if db.sqlite_path is not None:
        assert _fingerprint(db.sqlite_path) == before
    assert not paths.get_paths().backups.exists() or not any(paths.get_paths().backups.iterdir())


@pytest.mark.parametrize("content", [os.urandom(8192), "Lista de clientes\nÁlamo;Ñandú\n".encode() * 50],
                         ids=["random-bytes", "text-file"])
def test_a_file_that_is_not_a_database_is_corrupt(content: bytes) -> None:
    folders = paths.get_paths()
    folders.data.mkdir(parents=True)
    folders.database.write_bytes(content)

    with pytest.raises(DatabaseCorrupt) as caught:
        open_database(sqlite_url(folders.database), backups_dir=folders.backups)

    assert str(folders.database) in caught.value.en
    assert "backups" in caught.value.en and "respaldos" in caught.value.es
    assert folders.database.read_bytes() == content


def test_a_database_of_another_program_is_refused() -> None:
    folders = paths.get_paths()
    folders.data.mkdir(parents=True)
    other = sqlite3.connect(folders.database)
    other.execute("CREATE TABLE recipes (name TEXT)")
    other.execute("INSERT INTO recipes VALUES ('mole poblano')")
    other.commit()
    other.close()

    with pytest.raises(DatabaseCorrupt, match="tables of another program"):
        open_database(sqlite_url(folders.database), backups_dir=folders.backups)

    check = sqlite3.connect(folders.database)
    try:
        tables = {r[0] for r in check.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert tables == {"recipes"}
    finally:
        check.close()

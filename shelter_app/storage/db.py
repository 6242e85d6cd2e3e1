"""Open a database: the embedded SQLite file by default, or a shared PostgreSQL server.

Opening always ends on the current schema or refuses: a new database is created and
stamped; an older one is copied to `backups/` and upgraded with Alembic; one written by
a newer ShelterDesk is refused untouched (qutebrowser's and Vorta's rule).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from shelter_app.core.urls import mask_url
from shelter_app.storage.errors import (
    BackupCancelled,
    DatabaseCorrupt,
    DatabaseTooNew,
    FolderNotWritable,
    translate_db_errors,
)
from shelter_app.storage.models import metadata

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BACKUP_PAGES_PER_STEP = 1024  # 4 MiB at SQLite's default page size: progress several times a second


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
    finally:
        cursor.close()


def alembic_config(connection: Any = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


@dataclass
class SchemaState:
    current: str | None
    head: str

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


class Database:
    """An open, migrated database: the engine, sessions and where it lives."""

    def __init__(self, url: str | URL, *, password: str | None = None) -> None:
        self.url = make_url(url)
        if password is not None:
            self.url = self.url.set(password=password)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        if self.is_sqlite:
            if self.sqlite_path is not None:
                self.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
            self.engine: Engine = create_engine(self.url, connect_args={"timeout": 5})
            event.listen(self.engine, "connect", _set_sqlite_pragmas)
        else:
            # NullPool: a consultant's laptop holds no idle connections to the shared server
            self.engine = create_engine(self.url, poolclass=NullPool, connect_args={"connect_timeout": 5})

    @property
    def location(self) -> str:
        """Where the data is, for messages: the file path or the URL without password."""
        if self.is_sqlite:
            return str(self.sqlite_path) if self.sqlite_path else ":memory:"
        return mask_url(self.url.render_as_string(hide_password=False))

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite or not self.url.database or self.url.database == ":memory:":
            return None
        database = self.url.database
        if self.url.query.get("uri") == "true" and database.startswith("file:"):
            # sqlite:///file:/path/x.sqlite3?mode=ro&uri=true: the file is /path/x.sqlite3
            database = unquote(database.removeprefix("file:").removeprefix("//"))
            if not database or database.startswith(":memory:"):
                return None
        return Path(database)

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed whole, or rolled back whole on any error."""
        with translate_db_errors(self.location), self.session() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A plain connection for hot read paths (the portfolio search): no ORM objects built."""
        with translate_db_errors(self.location), self.engine.connect() as conn:
            yield conn

    def schema_state(self) -> SchemaState:
        with translate_db_errors(self.location), self.engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
        return SchemaState(current, head_revision())

    def backup(
        self,
        backups_dir: Path,
        label: str = "backup",
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Path | None:
        """Copy the SQLite file consistently (the online backup API, WAL included), in steps.

        `progress(done_pages, total_pages)` is called after each step; when `cancelled()`
        turns true the copy stops, the partial file is removed and `BackupCancelled` raised.
        A PostgreSQL server is backed up by its administrator (pg_dump); returns None.
        """
        if self.sqlite_path is None:
            return None
        try:
            backups_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise FolderNotWritable(backups_dir, exc.strerror or str(exc)) from exc
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = backups_dir / f"{self.sqlite_path.stem}-{label}-{stamp}.sqlite3"
        n = 1
        while target.exists():
            n += 1
            target = backups_dir / f"{self.sqlite_path.stem}-{label}-{stamp}-{n}.sqlite3"

        def step(_status: int, remaining: int, total: int) -> None:
            if progress is not None:
                progress(total - remaining, total)
            if cancelled is not None and cancelled():
                raise BackupCancelled()

        try:
            with translate_db_errors(str(target)):
                source = sqlite3.connect(self.sqlite_path)
                try:
                    dest = sqlite3.connect(target)
                    try:
                        source.backup(dest, pages=BACKUP_PAGES_PER_STEP, progress=step)
                    finally:
                        dest.close()
                finally:
                    source.close()
        except BaseException:
            target.unlink(missing_ok=True)  # never leave half a backup that looks like a whole one
            raise
        return target

    def close(self) -> None:
        self.engine.dispose()


def open_database(
    url: str | URL, *, backups_dir: Path, password: str | None = None, upgrade: bool = True
) -> Database:
    """Open `url` and bring its schema to the current head, or refuse with a clear error."""
    db = Database(url, password=password)
    try:
        _prepare(db, backups_dir, upgrade=upgrade)
    except BaseException:
        db.close()
        raise
    return db


def _prepare(db: Database, backups_dir: Path, *, upgrade: bool) -> None:
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    with translate_db_errors(db.location), db.engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        tables = set(inspect(conn).get_table_names())
    if current is None:
        if tables - {"alembic_version"}:
            raise DatabaseCorrupt(db.location, "it holds tables of another program")
        with translate_db_errors(db.location), db.engine.begin() as conn:
            metadata.create_all(conn)
            cfg = alembic_config(conn)
            command.stamp(cfg, "head")
        log.info("created a new database at %s (schema %s)", db.location, head)
        return
    try:
        script.get_revision(current)
    except Exception as exc:  # alembic raises CommandError/ResolutionError for unknown ids
        raise DatabaseTooNew(db.location, current) from exc
    if current == head or not upgrade:
        return
    saved = db.backup(backups_dir, label=f"before-{head}")
    log.info("upgrading %s from %s to %s (backup: %s)", db.location, current, head, saved)
    with translate_db_errors(db.location), db.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")

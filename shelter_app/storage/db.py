"""Open a database: the embedded SQLite file by default, or a shared PostgreSQL server.

Opening always ends on the current schema or refuses: a new database is created and
stamped; an older one is copied to `backups/` and upgraded with Alembic; one written by
a newer ShelterDesk is refused untouched (qutebrowser's and Vorta's rule).
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
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

from shelter_app.core.retention import kept
from shelter_app.core.urls import mask_url
from shelter_app.storage.errors import (
    BackupCancelled,
    DatabaseCorrupt,
    DatabaseDamaged,
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
        # FULL: every commit the app reports as saved is on the disk before the report, so it survives a power
        # cut too (NORMAL survives a crash of the app, not of the machine). Measured (scripts/bench durability):
        # 8.0 ms a save against 3.2 ms (median of 900 saves), which a person saving a form never notices.
        cursor.execute("PRAGMA synchronous=FULL")
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


FILES_SUFFIX = ".files.json"  # beside a backup: the stored files (evidence, documents, attachments) it goes with
INTEGRITY_LIMIT = 10  # problems SQLite lists before it stops: enough to tell a damaged file, bounded on a bad one


def integrity_problems(path: Path, *, quick: bool = False) -> tuple[str, ...]:
    """What SQLite's own check finds wrong inside the file at `path`; () when it is sound.

    `quick` is `PRAGMA quick_check` (pages and records, no index cross-check: 14 ms on a 10,000-client file),
    else `PRAGMA integrity_check` (31 ms there). Read-only: the file is never written.
    """
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return (str(exc),)
    try:
        pragma = "quick_check" if quick else "integrity_check"
        rows = connection.execute(f"PRAGMA {pragma}({INTEGRITY_LIMIT})").fetchall()
    except sqlite3.DatabaseError as exc:  # "file is not a database", "database disk image is malformed"
        return (str(exc),)
    finally:
        connection.close()
    found = tuple(str(row[0]) for row in rows)
    return () if found == ("ok",) else found


def _is_sqlite_file(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return file.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


class Database:
    """An open, migrated database: the engine, sessions and where it lives.

    `damage` holds what SQLite's check found when a damaged file was opened: such a file is opened read-only
    (`open_database`), so nothing more is written into it until it is restored."""

    damage: tuple[str, ...] = ()

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

    def backups(self, backups_dir: Path, label: str = "backup") -> dict[datetime, Path]:
        """The backups of this file with `label` in `backups_dir`, by the time in their names."""
        if self.sqlite_path is None or not backups_dir.is_dir():
            return {}
        pattern = re.compile(rf"^{re.escape(self.sqlite_path.stem)}-{re.escape(label)}-(\d{{8}}T\d{{6}}Z)(?:-(\d+))?"
                             r"\.sqlite3$")
        found: dict[datetime, Path] = {}
        for path in backups_dir.iterdir():
            match = pattern.match(path.name)
            if match is not None:
                moment = datetime.strptime(match.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
                found[moment + timedelta(microseconds=int(match.group(2) or 0))] = path
        return found

    def rotate_backups(self, backups_dir: Path, last: int) -> list[Path]:
        """Delete the regular backups the rotation does not keep (`core.retention`); returns those deleted. Backups
        made before a schema upgrade are never rotated out."""
        found = self.backups(backups_dir)
        keep = kept(found, last=last, now=datetime.now(UTC))
        gone = [path for moment, path in sorted(found.items()) if moment not in keep]
        for path in gone:
            path.unlink(missing_ok=True)
            path.with_name(path.name + FILES_SUFFIX).unlink(missing_ok=True)
        return gone

    def check(self, *, quick: bool = False) -> tuple[str, ...]:
        """SQLite's check of the embedded file (() when sound); a server database checks itself: ()."""
        return integrity_problems(self.sqlite_path, quick=quick) if self.sqlite_path is not None else ()

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
        problems = self.check()
        if problems:  # a copy of a damaged file is a damaged backup: refuse rather than rotate a good one out
            raise DatabaseDamaged(self.location, problems, doing_en=" No backup was written: it would copy the damage.",
                                  doing_es=" No se escribió ningún respaldo: copiaría el daño.")
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
                        dest.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
                    finally:
                        dest.close()
                finally:
                    source.close()
            written = integrity_problems(target)
            if written:  # the copy itself came out damaged (a failing disk): it must not pass for a backup
                raise DatabaseDamaged(str(target), written, doing_en=" The backup just written failed its check and "
                                      "was removed.", doing_es=" El respaldo recién escrito no pasó la revisión y se "
                                      "eliminó.")
        except BaseException:
            target.unlink(missing_ok=True)  # never leave half a backup that looks like a whole one
            raise
        return target

    def close(self) -> None:
        self.engine.dispose()


def open_database(
    url: str | URL, *, backups_dir: Path, password: str | None = None, upgrade: bool = True
) -> Database:
    """Open `url` and bring its schema to the current head, or refuse with a clear error.

    An embedded file is checked first (`PRAGMA quick_check`): a damaged one is opened read-only, with what the
    check found in `damage`, and neither migrated nor backed up."""
    db = Database(url, password=password)
    path = db.sqlite_path
    if path is not None and _is_sqlite_file(path):  # a file that is no database at all is refused below
        problems = integrity_problems(path, quick=True)
        if problems:
            db.close()
            log.error("database %s is damaged: %s", path, "; ".join(problems))
            damaged = Database(f"sqlite:///file:{path}?mode=ro&uri=true")
            damaged.damage = problems
            return damaged
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


def restore_file(backup: Path, target: Path, aside_dir: Path) -> Path | None:
    """Put the verified `backup` in place of the embedded database at `target`; the file it replaces (with its
    -wal and -shm) is moved into `aside_dir`, never deleted. Returns where that file was kept (None when there was
    none). Refused, with nothing moved, when the backup is not a sound ShelterDesk database this version reads.

    The app must not have `target` open meanwhile (the command line runs this without opening it)."""
    location = str(backup)
    if not backup.is_file() or not _is_sqlite_file(backup):
        raise DatabaseCorrupt(location, "not an SQLite file")
    problems = integrity_problems(backup)
    if problems:
        raise DatabaseDamaged(location, problems, doing_en=" Nothing was restored from it.",
                              doing_es=" No se restauró nada a partir de él.")
    probe = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        revision = probe.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorrupt(location, "it is not a ShelterDesk database") from exc
    finally:
        probe.close()
    if not revision:
        raise DatabaseCorrupt(location, "it has no schema version")
    try:
        ScriptDirectory.from_config(alembic_config()).get_revision(str(revision[0]))
    except Exception as exc:  # alembic raises CommandError/ResolutionError for unknown ids
        raise DatabaseTooNew(location, str(revision[0])) from exc
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept: Path | None = None
    try:
        aside_dir.mkdir(parents=True, exist_ok=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        incoming = target.with_name(f".{target.name}.restoring")
        with sqlite3.connect(f"file:{backup}?mode=ro", uri=True) as source, sqlite3.connect(incoming) as copy:
            source.backup(copy)
        if target.exists():
            kept = aside_dir / f"{target.stem}-replaced-{stamp}{target.suffix}"
            target.replace(kept)
            for suffix in ("-wal", "-shm"):  # the replaced file's journal goes with it, never onto the backup
                side = target.with_name(target.name + suffix)
                if side.exists():
                    side.replace(kept.with_name(kept.name + suffix))
        incoming.replace(target)
    except OSError as exc:
        raise FolderNotWritable(target.parent, exc.strerror or str(exc)) from exc
    log.warning("restored %s from %s (the replaced file is kept as %s)", target, backup, kept)
    return kept

"""What survived a fault, read back from the SQLite file the way the app opens it (the fault suite's one check).

`sound_database` checks the file with SQLite's own integrity check, opens it as the app does and requires that the
open found no damage; `surviving_rows` reads rows through it, and `every_row` reads every table (a refused import
must leave them all exactly as they were)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from shelter_app import paths
from shelter_app.storage.db import Database, integrity_problems, open_database, sqlite_url


@contextmanager
def sound_database(path: Path) -> Iterator[Database]:
    """The SQLite file at `path`, checked sound (integrity check, no damage found at open), opened as the app does."""
    assert integrity_problems(path) == ()
    db = open_database(sqlite_url(path), backups_dir=paths.get_paths().backups)
    try:
        assert not db.damage, db.damage
        yield db
    finally:
        db.close()


def surviving_rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    """The rows `sql` reads from the sound SQLite file at `path`."""
    with sound_database(path) as db, db.read() as connection:
        return [tuple(row) for row in connection.exec_driver_sql(sql)]


def every_row(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the sound SQLite file at `path`, in a stable order."""
    with sound_database(path) as db, db.read() as connection:
        names = [row[0] for row in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {name: sorted((tuple(row) for row in connection.exec_driver_sql(f'SELECT * FROM "{name}"')), key=repr)
                for name in names}

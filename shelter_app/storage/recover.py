"""Salvage what can still be read from a damaged SQLite database into a new, sound file.

The damaged file is only read (opened read-only). The new file gets the damaged file's own schema (tables as they
were written, whatever the schema version), every row that can be read, then the indexes; SQLite's check must
pass on it. Rows are read a table at a time; where a read fails, that part of the table is read again in smaller
steps down to single rows, so one bad page costs the rows on it and no more. What was lost is counted per table.
The recovered file is not put in place here: the user checks it, then restores it (`restore_file`), which verifies
it again and keeps the damaged file aside.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from shelter_app.storage.db import integrity_problems
from shelter_app.storage.errors import DatabaseCorrupt, DatabaseDamaged, FolderNotWritable

CHUNK = 512  # rows read at once until a read fails


@dataclass(frozen=True)
class TableSalvage:
    table: str
    rows: int  # rows copied
    lost: int  # rows that could not be read (row numbers whose read failed)


@dataclass(frozen=True)
class Recovery:
    target: Path
    tables: tuple[TableSalvage, ...]

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)

    @property
    def lost(self) -> int:
        return sum(t.lost for t in self.tables)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def recover_file(damaged: Path, target: Path) -> Recovery:
    """Copy every readable row of `damaged` into the new file `target` (which must not exist yet)."""
    if target.exists():
        raise FolderNotWritable(target.parent, f"{target.name} exists already; choose a new file")
    try:
        source = sqlite3.connect(f"file:{damaged}?mode=ro", uri=True)
        schema = source.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                                "AND name NOT LIKE 'sqlite_%' ORDER BY rowid").fetchall()
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorrupt(str(damaged), f"even its list of tables cannot be read: {exc}") from exc
    tables = [(name, sql) for kind, name, sql in schema if kind == "table"]
    others = [sql for kind, _name, sql in schema if kind in ("index", "trigger", "view")]
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        out = sqlite3.connect(partial)
        try:
            out.execute("PRAGMA foreign_keys=OFF")  # rows whose parent was lost are kept: they are data too
            salvage = []
            for name, sql in tables:
                out.execute(sql)
                salvage.append(_copy_table(source, out, name))
            for sql in others:
                try:
                    out.execute(sql)
                except sqlite3.IntegrityError:  # a unique index the surviving rows no longer satisfy: skip it
                    continue
            out.commit()
        finally:
            out.close()
        problems = integrity_problems(partial)
        if problems:
            raise DatabaseDamaged(str(target), problems, doing_en=" The recovered copy failed its check.",
                                  doing_es=" La copia recuperada no pasó la revisión.")
        partial.replace(target)
    except OSError as exc:
        raise FolderNotWritable(target.parent, exc.strerror or str(exc)) from exc
    finally:
        partial.unlink(missing_ok=True)
        source.close()
    return Recovery(target, tuple(salvage))


def _copy_table(source: sqlite3.Connection, out: sqlite3.Connection, name: str) -> TableSalvage:
    table = _quoted(name)
    try:
        rows = source.execute(f"SELECT rowid, * FROM {table}").fetchall()
    except sqlite3.DatabaseError:
        return _copy_in_steps(source, out, name)
    _insert(out, name, rows)
    return TableSalvage(name, len(rows), 0)


def _last_rowid(source: sqlite3.Connection, table: str) -> int:
    try:
        found = source.execute(f"SELECT max(rowid) FROM {table}").fetchone()
        return int(found[0] or 0)
    except sqlite3.DatabaseError:
        return 1 << 20  # the table's end cannot be read either: try as far as a portfolio ever goes


def _copy_in_steps(source: sqlite3.Connection, out: sqlite3.Connection, name: str) -> TableSalvage:
    table = _quoted(name)
    copied = lost = 0
    pending = [(1, _last_rowid(source, table))]
    while pending:
        first, last = pending.pop()
        if first > last:
            continue
        if last - first + 1 > CHUNK:
            middle = first + CHUNK - 1
            pending += [(middle + 1, last), (first, middle)]
            continue
        try:
            rows = source.execute(f"SELECT rowid, * FROM {table} WHERE rowid BETWEEN ? AND ?",
                                  (first, last)).fetchall()
        except sqlite3.DatabaseError:
            if first == last:
                lost += 1
            else:
                middle = (first + last) // 2
                pending += [(middle + 1, last), (first, middle)]
            continue
        _insert(out, name, rows)
        copied += len(rows)
    return TableSalvage(name, copied, lost)


def _insert(out: sqlite3.Connection, name: str, rows: list[tuple[object, ...]]) -> None:
    """Rows read as (rowid, *columns): the columns go in (an integer primary key is the rowid itself)."""
    if not rows:
        return
    marks = ", ".join("?" * (len(rows[0]) - 1))
    out.executemany(f"INSERT OR IGNORE INTO {_quoted(name)} VALUES ({marks})",
                    [row[1:] for row in rows])

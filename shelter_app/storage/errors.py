"""Storage problems the user can fix, in both languages."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import exc as sa_exc
from sqlalchemy.orm.exc import StaleDataError

from shelter_app.core.errors import UserError
from shelter_app.core.urls import mask_urls_in


class DatabaseError(UserError):
    """Base of the storage errors below."""


class StaleRow(DatabaseError):
    """Someone else saved the row after it was read; services turn this into a conflict."""

    def __init__(self) -> None:
        super().__init__(
            "Someone else changed this record after you opened it.",
            "Alguien más modificó este registro después de que usted lo abrió.",
        )


class DatabaseDamaged(DatabaseError):
    """SQLite's own check found damage inside the file: what it said travels with the error."""

    def __init__(self, location: str, problems: tuple[str, ...], *, doing_en: str = "", doing_es: str = "") -> None:
        self.problems = problems
        shown = "; ".join(problems[:3]) + ("; …" if len(problems) > 3 else "")
        super().__init__(
            f"The database {location} is damaged ({shown}).{doing_en} Check it with `shelter-app db check`, then "
            "`shelter-app db restore BACKUP` (a verified backup; the damaged file is kept aside).",
            f"La base de datos {location} está dañada ({shown}).{doing_es} Revísela con `shelter-app db check` y "
            "luego `shelter-app db restore RESPALDO` (un respaldo verificado; el archivo dañado se conserva aparte).",
        )


class BackupCancelled(DatabaseError):
    def __init__(self) -> None:
        super().__init__("The backup was cancelled; no backup file was kept.",
                         "Se canceló el respaldo; no se conservó ningún archivo de respaldo.")


class FolderNotWritable(DatabaseError):
    def __init__(self, folder: Path, detail: str) -> None:
        super().__init__(
            f"Cannot write in the folder {folder} ({detail}). Choose a data folder you can write to.",
            f"No se puede escribir en la carpeta {folder} ({detail}). Elija una carpeta de datos con permiso de "
            "escritura.",
        )


class DatabaseTooNew(DatabaseError):
    def __init__(self, location: str, revision: str) -> None:
        super().__init__(
            f"The database {location} was written by a newer version of ShelterDesk (schema {revision}). "
            "Install the newer version to open it; nothing was changed.",
            f"La base de datos {location} fue escrita por una versión más reciente de ShelterDesk "
            f"(esquema {revision}). Instale esa versión para abrirla; no se modificó nada.",
        )
        self.revision = revision


class DatabaseCorrupt(DatabaseError):
    def __init__(self, location: str, detail: str) -> None:
        super().__init__(
            f"The file {location} is not a readable ShelterDesk database ({detail}). "
            "Restore a copy from the backups folder or choose another file.",
            f"El archivo {location} no es una base de datos de ShelterDesk legible ({detail}). "
            "Restaure una copia de la carpeta de respaldos o elija otro archivo.",
        )


class DatabaseLocked(DatabaseError):
    def __init__(self) -> None:
        super().__init__(
            "The database is busy: another ShelterDesk window or program is writing to it. "
            "Try again in a moment; nothing was saved.",
            "La base de datos está ocupada: otra ventana o programa de ShelterDesk la está escribiendo. "
            "Intente de nuevo en un momento; no se guardó nada.",
        )


class DiskFull(DatabaseError):
    def __init__(self) -> None:
        super().__init__(
            "The disk is full: free some space and try again; nothing was saved.",
            "El disco está lleno: libere espacio e intente de nuevo; no se guardó nada.",
        )


class DatabaseUnavailable(DatabaseError):
    def __init__(self, location: str, detail: str) -> None:
        super().__init__(
            f"Cannot reach the database {location}: {detail}. "
            "Check that the server is running and the address, user and password are right.",
            f"No se puede conectar con la base de datos {location}: {detail}. "
            "Verifique que el servidor esté en marcha y que la dirección, el usuario y la contraseña sean correctos.",
        )


class DatabaseReadOnly(DatabaseError):
    def __init__(self, location: str) -> None:
        super().__init__(
            f"The database {location} cannot be written (read-only file or folder). "
            "Choose a data folder you can write to.",
            f"No se puede escribir en la base de datos {location} (archivo o carpeta de solo lectura). "
            "Elija una carpeta de datos con permiso de escritura.",
        )


@contextmanager
def translate_db_errors(location: str) -> Iterator[None]:
    """Turn driver errors the user can act on into `DatabaseError`s; let bugs through."""
    try:
        yield
    except StaleDataError as exc:
        raise StaleRow() from exc
    except sa_exc.IntegrityError:
        raise  # a constraint: the services turn it into a specific message (duplicate RFC...)
    except sa_exc.DBAPIError as exc:
        problem = _classify(exc.orig, operational=isinstance(exc, sa_exc.OperationalError))
        if problem is None:
            raise
        raise problem(location, _first_line(exc.orig or exc)) from exc
    except sqlite3.Error as exc:  # the raw driver, as used by backups
        problem = _classify(exc, operational=isinstance(exc, sqlite3.OperationalError))
        if problem is None:
            raise
        raise problem(location, _first_line(exc)) from exc


def _first_line(exc: BaseException) -> str:
    """The driver's own words, for a message: the first line, with any URL's password masked."""
    text = str(exc).strip()
    return mask_urls_in(text.splitlines()[0]) if text else type(exc).__name__


Problem = Callable[[str, str], DatabaseError]


def _classify(orig: BaseException | None, *, operational: bool) -> Problem | None:
    """Which user-fixable problem a driver error is. SQLite names it (sqlite_errorname, with the
    message as a fallback); PostgreSQL gives a SQLSTATE."""
    if isinstance(orig, sqlite3.Error):
        name = getattr(orig, "sqlite_errorname", "")
        text = str(orig).lower()
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
            return lambda _loc, _detail: DatabaseLocked()
        if name.startswith("SQLITE_FULL") or "database or disk is full" in text:
            return lambda _loc, _detail: DiskFull()
        if name.startswith("SQLITE_READONLY") or "readonly database" in text:
            return lambda loc, _detail: DatabaseReadOnly(loc)
        if name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")) or "not a database" in text or "malformed" in text:
            return DatabaseCorrupt
        if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
            return DatabaseUnavailable
        return None
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate is None and operational:  # no answer from a server: down or unreachable
        return DatabaseUnavailable
    if sqlstate and sqlstate.startswith(("08", "28", "3D", "57P")):  # connection, auth, no database, shutdown
        return DatabaseUnavailable
    if sqlstate == "53100":  # disk_full
        return lambda _loc, _detail: DiskFull()
    if sqlstate in ("55P03", "40P01"):  # lock_not_available, deadlock_detected
        return lambda _loc, _detail: DatabaseLocked()
    if sqlstate == "25006":  # read_only_sql_transaction
        return lambda loc, _detail: DatabaseReadOnly(loc)
    return None

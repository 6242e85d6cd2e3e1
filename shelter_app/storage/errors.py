"""Storage problems the user can fix, in both languages."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import exc as sa_exc
from sqlalchemy.orm.exc import StaleDataError

from shelter_app.core.errors import UserError


class DatabaseError(UserError):
    """Base of the storage errors below."""


class StaleRow(DatabaseError):
    """Someone else saved the row after it was read; services turn this into a conflict."""

    def __init__(self) -> None:
        super().__init__(
            "Someone else changed this record after you opened it.",
            "Alguien más modificó este registro después de que usted lo abrió.",
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
    except (sa_exc.OperationalError, sa_exc.DatabaseError) as exc:
        text = str(exc.orig if getattr(exc, "orig", None) is not None else exc).lower()
        if "locked" in text or "busy" in text:
            raise DatabaseLocked() from exc
        if "disk is full" in text or "no space" in text or "disk i/o" in text:
            raise DiskFull() from exc
        if "readonly" in text or "read-only" in text:
            raise DatabaseReadOnly(location) from exc
        if "not a database" in text or "malformed" in text:
            raise DatabaseCorrupt(location, text.splitlines()[0]) from exc
        if isinstance(exc, sa_exc.OperationalError) and not isinstance(exc, sa_exc.IntegrityError):
            raise DatabaseUnavailable(location, text.splitlines()[0] if text else "connection failed") from exc
        raise

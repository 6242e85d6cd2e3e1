"""Which database to open, and its upkeep: info, backup, upgrade, test a connection.

The URL comes from `--db-url`, else the settings, else the embedded SQLite file in the
data folder. A PostgreSQL password never sits in the URL that is saved: it is stored in
the OS keyring under the URL's account and added only when the engine is made. A URL is
shown to people only through `core.urls.mask_url` (messages, labels, logs).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlmodel import select

from shelter_app.core.errors import UserError
from shelter_app.core.urls import has_password, mask_url, strip_password
from shelter_app.exchange import secrets
from shelter_app.paths import Paths
from shelter_app.settings import DB_URL, Settings
from shelter_app.storage.db import FILES_SUFFIX, Database, open_database, sqlite_url
from shelter_app.storage.errors import translate_db_errors
from shelter_app.storage.models import AuditEvent, Client, Contact, Project
from shelter_app.storage.recover import Recovery, recover_file

log = logging.getLogger(__name__)


class InvalidDatabaseUrl(UserError):
    """The address shown is always masked: a password typed in it never reaches the message."""

    def __init__(self, url: str, detail_en: str, detail_es: str) -> None:
        shown = mask_url(url.strip())
        super().__init__(
            f"“{shown}” is not a database address ({detail_en}). "
            "Example: postgresql://consultant@db.example.com:5432/shelterdesk",
            f"“{shown}” no es una dirección de base de datos ({detail_es}). "
            "Ejemplo: postgresql://consultor@db.ejemplo.com:5432/shelterdesk",
            field="db_url",
        )


class NoKeychainForPassword(UserError):
    def __init__(self) -> None:
        super().__init__(
            "The address holds a password, and this computer has no system keychain to keep it in; a password is "
            "never written to the settings file, so nothing was saved. Remove the password from the address and "
            "type it in the Password field: it is then used until ShelterDesk closes.",
            "La dirección contiene una contraseña y esta computadora no tiene un llavero del sistema donde guardarla; "
            "una contraseña nunca se escribe en el archivo de configuración, así que no se guardó nada. Quite la "
            "contraseña de la dirección y escríbala en el campo Contraseña: se usará hasta que cierre ShelterDesk.",
            field="db_url",
        )


class TwoPasswords(UserError):
    def __init__(self) -> None:
        super().__init__(
            "The address holds a password that differs from the one in the Password field; keep only one.",
            "La dirección contiene una contraseña distinta de la del campo Contraseña; deje solo una.",
            field="db_url",
        )


def parse_url(raw: str) -> URL:
    """Check a user-typed URL: SQLite or PostgreSQL (psycopg 3 driver is chosen here).

    Errors never carry the typed text unmasked, not even as their cause (`from None`):
    SQLAlchemy's and int()'s own messages may quote the password."""
    try:
        url = make_url(raw.strip())
    except (ArgumentError, ValueError, TypeError):
        raise InvalidDatabaseUrl(raw, "unreadable", "ilegible") from None
    backend = url.get_backend_name()
    if backend == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
        if not url.database:
            raise InvalidDatabaseUrl(raw, "no database name", "falta el nombre de la base de datos")
    elif backend != "sqlite":
        raise InvalidDatabaseUrl(raw, f"{backend} is not supported; use postgresql or sqlite",
                                 f"{backend} no es compatible; use postgresql o sqlite")
    return url


def url_to_save(raw: str, password: str = "") -> tuple[str, str]:
    """Check the address typed in Settings and keep any password out of it.

    Returns the address to save (without a password) and the password for this session
    (the one in the address, else `password`). A password typed inside the address is
    moved to the OS keyring here; without a keyring this refuses and nothing is stored.
    """
    url = parse_url(raw)
    raw = raw.strip()
    if not has_password(raw):
        return raw, password
    typed = str(url.password or "")
    saved = strip_password(raw)
    bare = parse_url(saved)
    if bare.password is not None or keyring_account(bare) != keyring_account(url) or not typed:
        # a password with an unencoded '@': the parser and the mask disagree on where it ends
        raise InvalidDatabaseUrl(raw, "write the password percent-encoded or in the Password field",
                                 "escriba la contraseña con codificación %, o en el campo Contraseña")
    if password and password != typed:
        raise TwoPasswords()
    if not secrets.keyring_available() or not secrets.set_password(keyring_account(url), typed):
        raise NoKeychainForPassword()
    return saved, typed


def keyring_account(url: URL) -> str:
    """The keyring entry of a server account: user@host:port/database (never the password)."""
    host = url.host or url.query.get("host") or "localhost"
    return f"{url.username or ''}@{host}:{url.port or 5432}/{url.database}"


def resolve_url(settings: Settings, paths: Paths, override: str | None = None) -> URL:
    raw = override or settings.get(DB_URL)
    if not raw:
        return make_url(sqlite_url(paths.database))
    return parse_url(raw)


def open_configured(settings: Settings, paths: Paths, override: str | None = None,
                    password: str | None = None) -> Database:
    """Open the database the user chose, with its keyring password, migrated to the current schema."""
    url = resolve_url(settings, paths, override)
    if not override and has_password(settings.get(DB_URL)):
        _move_saved_password(settings)
    if url.password:  # typed on the command line: use it, never store it in settings
        password = str(url.password)
        url = url.set(password=None)
    if password is None and url.get_backend_name() == "postgresql":
        password = secrets.get_password(keyring_account(url))
    return open_database(url, backups_dir=paths.backups, password=password)


def _move_saved_password(settings: Settings) -> None:
    """A settings file from before passwords were kept out of it: the password moves to the keyring
    (or, without one, is dropped: this session still uses it) and the file is rewritten without it."""
    raw = settings.get(DB_URL)
    try:
        saved, _password = url_to_save(raw)
    except UserError:
        saved = strip_password(raw)
        log.warning("dropped the password of %s from the settings file: no keychain to keep it", mask_url(raw))
    else:
        log.info("moved the password of %s from the settings file to the keychain", mask_url(raw))
    on_disk = Settings.load(settings.path)  # only this change: not what the session set (--lang)
    on_disk.set(DB_URL, saved)
    on_disk.save()
    settings.set(DB_URL, saved)


def check_connection(raw_url: str, password: str | None) -> str:
    """Connect once and return the server's version text; raises a DatabaseError when it fails."""
    url = parse_url(raw_url)
    db = Database(url, password=password or None)
    try:
        with translate_db_errors(db.location), db.engine.connect() as conn:
            query = "select sqlite_version()" if db.is_sqlite else "show server_version"
            return f"{url.get_backend_name()} {conn.execute(text(query)).scalar_one()}"
    finally:
        db.close()


def remember_password(raw_url: str, password: str) -> bool:
    """Store the server password in the OS keyring; False when there is no keyring."""
    return secrets.set_password(keyring_account(parse_url(raw_url)), password)


@dataclass(frozen=True)
class DatabaseInfo:
    location: str
    backend: str
    schema: str | None
    schema_head: str
    clients: int
    contacts: int
    projects: int
    audit_events: int
    size_bytes: int | None
    keyring_backend: str


def info(db: Database) -> DatabaseInfo:
    state = db.schema_state()
    with db.transaction() as session:
        counts = [int(session.exec(select(func.count()).select_from(m)).one())
                  for m in (Client, Contact, Project, AuditEvent)]
    size = db.sqlite_path.stat().st_size if db.sqlite_path and db.sqlite_path.exists() else None
    clients, contacts, projects, events = counts
    return DatabaseInfo(db.location, db.url.get_backend_name(), state.current, state.head, clients, contacts,
                        projects, events, size, secrets.backend_name())


def backup(db: Database, paths: Paths, progress: Callable[[int, int], None] | None = None,
           cancelled: Callable[[], bool] | None = None, *, keep: int | None = None) -> Path | None:
    """Copy the embedded database into the backups folder, checked before and after (None for a server
    database); then rotate the older backups when `keep` (the setting "backups kept") is given."""
    target = db.backup(paths.backups, progress=progress, cancelled=cancelled)
    if target is not None:
        write_files_manifest(paths, target)
        if keep is not None:
            db.rotate_backups(paths.backups, keep)
    return target


# ---- the stored files a backup goes with ---------------------------------------------------------------------------
FILES_FORMAT = "shelter-app/backup-files@1"


def _stores(paths: Paths) -> dict[str, Path]:
    """The folders of files kept under their SHA-256 beside the database (the rows hold only the hash)."""
    from shelter_app.services.forms import form_files_dir

    return {"evidence": paths.evidence, "documents": paths.documents, "form-files": form_files_dir(paths)}


def write_files_manifest(paths: Paths, backup_file: Path) -> Path:
    """Beside `backup_file`: every stored file (store, SHA-256, size) as it is now, so a restore can tell whether
    the files the restored rows name are all still there and unchanged. Written whole or not at all."""
    import json
    import os

    listed: dict[str, list[list[object]]] = {}
    for store, folder in _stores(paths).items():
        files = sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []
        listed[store] = [[p.name, p.stat().st_size] for p in files if len(p.name) == 64]
    target = backup_file.with_name(backup_file.name + FILES_SUFFIX)
    partial = target.with_name(target.name + ".partial")
    partial.write_text(json.dumps({"format": FILES_FORMAT, "stores": listed}, indent=1), encoding="utf-8")
    os.replace(partial, target)
    return target


def check_files_manifest(paths: Paths, backup_file: Path) -> tuple[str, ...]:
    """The stored files the backup's manifest lists that are missing or changed now (each said in a line), ()
    when all are there and whole; () too for a backup without a manifest (made by an older version)."""
    import json

    from shelter_app.services.filestore import hash_file, stored_path

    manifest = backup_file.with_name(backup_file.name + FILES_SUFFIX)
    if not manifest.is_file():
        return ()
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        stores = data["stores"] if data.get("format") == FILES_FORMAT else None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        stores = None
    if not isinstance(stores, dict):
        return (f"{manifest.name}: unreadable",)
    problems = []
    for store, folder in _stores(paths).items():
        for entry in stores.get(store, []):
            sha, size = str(entry[0]), int(entry[1])
            path = stored_path(folder, sha)
            if not path.is_file():
                problems.append(f"{store}/{sha[:12]}…: missing")
            elif hash_file(path) != (sha, size):
                problems.append(f"{store}/{sha[:12]}…: changed")
    return tuple(problems)


# ---- damage: check and restore (embedded SQLite) ------------------------------------------------------------------
@dataclass(frozen=True)
class CheckReport:
    location: str
    problems: tuple[str, ...]  # () when sound
    seconds: float
    checked: bool  # False for a server database: it checks itself


def check(db: Database, *, quick: bool = False) -> CheckReport:
    """SQLite's own check of the embedded file (`PRAGMA integrity_check`, or `quick_check`)."""
    import time

    began = time.perf_counter()
    problems = db.check(quick=quick)
    return CheckReport(db.location, problems, time.perf_counter() - began, db.sqlite_path is not None)


def _embedded_file(settings: Settings, paths: Paths, en: tuple[str, str], es: tuple[str, str],
                   override: str | None = None) -> Path:
    """The configured embedded database file; a shared server's is looked after by its administrator (`en`/`es`:
    the verb and the server's own tool, for the message). `override`: the `--db-url` the app was started with."""
    url = resolve_url(settings, paths, override)
    if url.get_backend_name() != "sqlite":
        raise UserError(f"A shared PostgreSQL database is {en[0]} on the server by its administrator"
                        f"{' ' + en[1] if en[1] else ''}; nothing was changed here.",
                        f"Una base de datos PostgreSQL compartida la {es[0]} su administrador en el servidor"
                        f"{' ' + es[1] if es[1] else ''}; aquí no se cambió nada.")
    return Path(url.database) if url.database else paths.database


@dataclass(frozen=True)
class Restored:
    kept: Path | None  # where the replaced file was kept (None when there was none)
    files: tuple[str, ...]  # stored files the backup's manifest lists that are missing or changed now


def restore(settings: Settings, paths: Paths, backup_file: Path, *, override: str | None = None) -> Restored:
    """Replace the embedded database with a verified backup; the replaced file is kept in the backups folder.
    The stored files the backup lists are checked too. Refused for a server database."""
    from shelter_app.storage.db import restore_file

    database = _embedded_file(settings, paths, ("restored", "(pg_restore)"), ("restaura", "(pg_restore)"), override)
    kept = restore_file(backup_file, database, paths.backups)
    return Restored(kept, check_files_manifest(paths, backup_file))


def recover(settings: Settings, paths: Paths, target: Path | None = None, *,
            override: str | None = None) -> Recovery:
    """Salvage every readable row of the embedded database into a new file (by default in the backups folder);
    the database itself is only read."""
    from datetime import UTC, datetime

    source = _embedded_file(settings, paths, ("repaired", ""), ("repara", ""), override)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return recover_file(source, target or paths.backups / f"{source.stem}-recovered-{stamp}.sqlite3")


# ---- the backups on offer (the GUI's restore dialog; the command line could list them the same way) -----------------
@dataclass(frozen=True)
class BackupFacts:
    path: Path
    made: datetime  # UTC, from the file's name
    kind: str  # "backup" (regular or by hand), "upgrade" (made before a schema upgrade), "recovered" (`recover`)
    size_bytes: int
    manifest: bool  # False: no list of stored files beside it (a backup made by an older version)
    files: tuple[str, ...]  # stored files its manifest lists that are missing or changed now (() when all whole)


def is_embedded(settings: Settings, paths: Paths, override: str | None = None) -> bool:
    """True when the database in use is the embedded SQLite file (backup, check, restore and recover apply)."""
    try:
        return resolve_url(settings, paths, override).get_backend_name() == "sqlite"
    except UserError:
        return False


def list_backups(settings: Settings, paths: Paths, *, override: str | None = None) -> list[BackupFacts]:
    """The backups of the embedded database in the backups folder, newest first, each with its stored-files check.
    Files kept aside by a restore (`-replaced-`) are not offered: they are what was replaced."""
    import re

    database = _embedded_file(settings, paths, ("restored", "(pg_restore)"), ("restaura", "(pg_restore)"), override)
    pattern = re.compile(rf"^{re.escape(database.stem)}-(backup|before-[0-9a-z_]+|recovered)-(\d{{8}}T\d{{6}}Z)"
                         r"(?:-(\d+))?\.sqlite3$")
    found: list[BackupFacts] = []
    folder = paths.backups
    for path in folder.iterdir() if folder.is_dir() else ():
        match = pattern.match(path.name)
        if match is None or not path.is_file():
            continue
        made = datetime.strptime(match.group(2), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        made += timedelta(microseconds=int(match.group(3) or 0))
        label = match.group(1)
        kind = "upgrade" if label.startswith("before-") else label
        try:
            size = path.stat().st_size
        except OSError:
            continue
        manifest = path.with_name(path.name + FILES_SUFFIX).is_file()
        found.append(BackupFacts(path, made, kind, size, manifest, check_files_manifest(paths, path)))
    found.sort(key=lambda facts: facts.made, reverse=True)
    return found

"""Which database opens, with which password, and what the upkeep commands report."""

from __future__ import annotations

import json
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from sqlalchemy.engine import make_url

from shelter_app import paths
from shelter_app.core.portfolio import ClientFields, ContactFields, ProjectFields
from shelter_app.core.urls import MASK, mask_url
from shelter_app.exchange import secrets
from shelter_app.services import clients, contacts, database, projects
from shelter_app.settings import DB_URL, LANGUAGE, Settings
from shelter_app.storage.db import Database, head_revision
from shelter_app.storage.errors import DatabaseUnavailable
from tests.conftest import MemoryKeyring
from tests.support.pgserver import PgServer

PASSWORD = "p@ss/wörd:1 ñ"  # characters that break naive URL building


def _settings() -> tuple[Settings, paths.Paths]:
    folders = paths.get_paths().ensure()
    return Settings.load(folders.settings_file), folders


def _files_under(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p): (p.stat().st_size, p.stat().st_mtime_ns) for p in root.rglob("*") if p.is_file()}


def _files_containing(root: Path, secret: str) -> list[Path]:
    needle = secret.encode()
    return [p for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_resolve_url_prefers_the_override_then_the_settings_then_the_sqlite_file() -> None:
    settings, folders = _settings()
    default = database.resolve_url(settings, folders)
    assert default.get_backend_name() == "sqlite" and Path(str(default.database)) == folders.database
    assert folders.database.is_relative_to(paths.get_paths().data)

    settings.set(DB_URL, "postgresql://consultor@db.example.com:5433/shelterdesk")
    configured = database.resolve_url(settings, folders)
    assert (configured.drivername, configured.host, configured.port, configured.database) == (
        "postgresql+psycopg", "db.example.com", 5433, "shelterdesk")

    override = database.resolve_url(settings, folders, "sqlite:////srv/otra.sqlite3")
    assert override.get_backend_name() == "sqlite" and override.database == "/srv/otra.sqlite3"


@pytest.mark.parametrize(("raw", "detail"), [
    ("mysql://root@localhost/shelterdesk", "mysql is not supported"),
    ("just some words", "unreadable"),
    ("postgresql://consultor@db.example.com", "no database name"),
    ("", "unreadable"),
])
def test_parse_url_rejects_what_it_cannot_open(raw: str, detail: str) -> None:
    with pytest.raises(database.InvalidDatabaseUrl) as caught:
        database.parse_url(raw)
    assert detail in caught.value.en
    assert caught.value.field == "db_url"
    assert f"“{raw}”" in caught.value.en and f"“{raw}”" in caught.value.es
    assert "Ejemplo" in caught.value.es


def test_keyring_account_never_holds_the_password() -> None:
    url = make_url("postgresql+psycopg://ana:secreto@db.example.com/shelterdesk")
    assert database.keyring_account(url) == "ana@db.example.com:5432/shelterdesk"


@pytest.mark.postgres
def test_open_configured_takes_the_password_from_the_keyring_only(
    pg_server: PgServer, pg_database: str, memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    pg_server.ensure_login_role("consultor", PASSWORD)
    name = make_url(pg_database).database
    raw = f"postgresql://consultor@/{name}?host={pg_server.socket_dir}"
    settings, folders = _settings()
    settings.set(DB_URL, raw)
    settings.save()

    # no password anywhere yet: the server refuses, and the message says what to check
    with pytest.raises(DatabaseUnavailable) as refused:
        database.open_configured(settings, folders)
    assert "no password supplied" in refused.value.en and "contraseña" in refused.value.es

    assert database.remember_password(raw, PASSWORD) is True
    assert list(memory_keyring.secrets.values()) == [PASSWORD]
    db = database.open_configured(settings, folders)
    try:
        assert db.schema_state().up_to_date
        assert "consultor" in db.location and PASSWORD not in db.location
        clients.create_client(db, settings.consultant(), ClientFields("Con Contraseña SA"))
        assert clients.count_clients(db) == 1
    finally:
        db.close()

    # typed into --db-url, the password is used for this run and the keyring is not needed
    memory_keyring.secrets.clear()
    typed = raw.replace("consultor@", "consultor:p%40ss%2Fw%C3%B6rd%3A1%20%C3%B1@")
    assert make_url(typed).password == PASSWORD
    db = database.open_configured(settings, folders, typed)
    try:
        assert clients.count_clients(db) == 1 and PASSWORD not in db.location
    finally:
        db.close()
    settings.save()

    assert raw in folders.settings_file.read_text(encoding="utf-8")
    assert PASSWORD not in folders.settings_file.read_text(encoding="utf-8")
    assert _files_containing(tmp_path, PASSWORD) == []
    assert memory_keyring.secrets == {}


def test_test_connection_reports_the_server_version(db: Database, backend: str) -> None:
    version = database.check_connection(db.url.render_as_string(hide_password=False), None)
    name, _, number = version.partition(" ")
    assert name == ("sqlite" if backend == "sqlite" else "postgresql")
    assert number[:1].isdigit() and "." in number
    if backend == "postgres":
        assert int(number.split(".")[0]) >= 13


def test_test_connection_to_no_server_is_unavailable(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnavailable):
        database.check_connection(f"postgresql://consultor@/shelterdesk?host={tmp_path}", "x")


def test_without_a_keyring_the_password_is_not_remembered_anywhere(tmp_path: Path) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())  # type: ignore[no-untyped-call]  # headless: no backend
    before = _files_under(tmp_path)

    remembered = database.remember_password("postgresql://consultor@db.example.com/shelterdesk", PASSWORD)

    assert remembered is False
    assert not secrets.keyring_available()
    assert secrets.get_password("consultor@db.example.com:5432/shelterdesk") is None
    assert _files_under(tmp_path) == before
    assert _files_containing(tmp_path, PASSWORD) == []


def test_info_counts_what_the_database_holds(db: Database, backend: str) -> None:
    client_id = clients.create_client(db, "ana", ClientFields("Contados SA")).entity_id
    contacts.add_contact(db, "ana", client_id, ContactFields("Uno"))
    contacts.add_contact(db, "ana", client_id, ContactFields("Dos"))
    projects.create_project(db, "ana", client_id, ProjectFields("Planta"))

    found = database.info(db)

    assert (found.clients, found.contacts, found.projects, found.audit_events) == (1, 2, 1, 4)
    assert found.schema == found.schema_head == head_revision()
    assert found.keyring_backend.endswith("MemoryKeyring")
    if backend == "sqlite":
        assert (found.backend, found.location) == ("sqlite", str(db.sqlite_path))
        assert found.size_bytes is not None and found.size_bytes > 0
    else:
        assert found.backend == "postgresql" and found.size_bytes is None


# ---- a password never reaches a message, the settings file or an exception ------------------------------

@pytest.mark.parametrize(("raw", "shown", "detail"), [
    ("mysql://u:s3cret@h/db", "mysql://u:***@h/db", "mysql is not supported"),
    ("postgresql://u:s3cret@h", "postgresql://u:***@h", "no database name"),
    ("garbage u:s3cret@x", "garbage u:***@x", "unreadable"),
    ("postgresql://u:s3cret@h:port/db", "postgresql://u:***@h:port/db", "unreadable"),  # int() quotes the port
    ("oracle+cx://u:p%73%33cret@h/db", "oracle+cx://u:***@h/db", "oracle is not supported"),
])
def test_a_refused_url_is_named_without_its_password(raw: str, shown: str, detail: str) -> None:
    with pytest.raises(database.InvalidDatabaseUrl) as caught:
        database.parse_url(raw)
    error = caught.value
    assert detail in error.en and f"“{shown}”" in error.en and f"“{shown}”" in error.es
    # no parser message quoting the text rides along (it would print in a traceback)
    assert error.__cause__ is None and (error.__context__ is None or error.__suppress_context__)
    for text in (error.en, error.es, str(error), repr(error)):
        assert "s3cret" not in text and "p%73%33cret" not in text


def test_a_password_inside_the_address_moves_to_the_keyring(memory_keyring: MemoryKeyring) -> None:
    typed = "postgresql://consultor:p%40ss%2Fw%C3%B6rd%3A1%20%C3%B1@db.example.com:5433/shelterdesk"
    saved, password = database.url_to_save(f"  {typed} ")
    assert saved == "postgresql://consultor@db.example.com:5433/shelterdesk"
    assert password == PASSWORD
    assert memory_keyring.secrets == {(secrets.SERVICE, "consultor@db.example.com:5433/shelterdesk"): PASSWORD}
    # the same password in both places is one password; none in the address changes nothing
    assert database.url_to_save(typed, PASSWORD) == (saved, PASSWORD)
    assert database.url_to_save(saved, "otra") == (saved, "otra")


def test_two_different_passwords_or_an_ambiguous_one_are_refused(memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(database.TwoPasswords):
        database.url_to_save("postgresql://ana:uno@db/shelterdesk", "dos")
    with pytest.raises(database.InvalidDatabaseUrl) as caught:  # SQLAlchemy would cut it at the first '@'
        database.url_to_save("postgresql://ana:pa@ss@db/shelterdesk")
    assert "percent-encoded" in caught.value.en and "pa@ss" not in caught.value.en + caught.value.es
    assert memory_keyring.secrets == {}


def test_without_a_keyring_a_password_in_the_address_is_refused_and_nothing_kept(tmp_path: Path) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())  # type: ignore[no-untyped-call]
    before = _files_under(tmp_path)
    with pytest.raises(database.NoKeychainForPassword) as caught:
        database.url_to_save("postgresql://ana:s3cret@db.example.com/shelterdesk")
    assert "keychain" in caught.value.en and "llavero" in caught.value.es
    assert "s3cret" not in caught.value.en + caught.value.es
    assert _files_under(tmp_path) == before


def test_a_password_left_in_an_old_settings_file_moves_to_the_keyring(
    memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    settings, folders = _settings()
    raw = f"postgresql://consultor:s3cret@/shelterdesk?host={tmp_path / 'no-server'}"
    folders.settings_file.write_text(json.dumps({"_version": 1, "db_url": raw, "language": "en"}), encoding="utf-8")
    settings = Settings.load(folders.settings_file)
    settings.set(LANGUAGE, "es_MX")  # as --lang does: for this run only, never saved by the repair

    with pytest.raises(DatabaseUnavailable) as refused:  # no server there; the file is repaired first
        database.open_configured(settings, folders)

    assert "s3cret" not in refused.value.en + refused.value.es and "consultor:***@" in refused.value.en
    on_disk = json.loads(folders.settings_file.read_text(encoding="utf-8"))
    assert on_disk["db_url"] == raw.replace(":s3cret", "") == settings.get(DB_URL)
    assert on_disk["language"] == "en"
    assert list(memory_keyring.secrets.values()) == ["s3cret"]
    assert _files_containing(tmp_path, "s3cret") == []


def test_settings_never_hold_or_write_a_url_password(tmp_path: Path) -> None:
    settings, folders = _settings()
    with pytest.raises(ValueError, match="must not hold a password") as caught:
        settings.set(DB_URL, "postgresql://ana:s3cret@db/shelterdesk")
    assert "s3cret" not in str(caught.value)
    legacy = Settings(folders.settings_file, {"db_url": "postgresql://ana:s3cret@db/shelterdesk"})
    legacy.save()  # an old value still in memory is written without its password
    assert json.loads(folders.settings_file.read_text(encoding="utf-8"))["db_url"] == "postgresql://ana@db/shelterdesk"
    assert _files_containing(tmp_path, "s3cret") == []


@given(st.text(max_size=12), st.text(max_size=12), st.text(min_size=1, max_size=16), st.text(max_size=16))
@example("postgresql", "ana", "pa@ss", "h/db")
@example("0", ":", "0", "")  # a user typed with a ':' is not the user: SQLAlchemy reads '' and the password ':0'
def test_what_sqlalchemy_reads_as_the_password_is_always_masked(scheme: str, user: str, password: str,
                                                                 rest: str) -> None:
    raw = f"{scheme}://{user}:{password}@{rest}"
    try:
        parsed = make_url(raw)
    except Exception:  # unreadable: masked all the same, and its own message is never shown
        return
    if not parsed.password:
        return
    try:
        shown = make_url(mask_url(raw))
    except Exception:
        return
    assert shown.password == MASK
    assert shown.username == parsed.username
    # the address as typed up to the password and from its last '@' on: the generated parts need not be the URL's
    # parts (a ':' in `user` starts the password), so the oracle is the text around the mask, not `user`
    head, found, tail = mask_url(raw).partition(f":{MASK}@")
    assert found and raw.startswith(f"{head}:") and raw.endswith(f"@{tail}")

"""Fixtures every test gets: a fresh data folder (never the real home) and an in-memory keyring.

Plus the database fixtures: `db` (an open, migrated database on SQLite and on PostgreSQL),
`blank_url`, `pg_database` and the session-wide `pg_server`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import keyring
import pytest
from hypothesis import settings as hypothesis_settings
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from shelter_app import paths
from tests.support.cupsserver import CupsServer
from tests.support.cupsserver import ServerUnavailableError as PrintServerUnavailable
from tests.support.pgserver import PgServer, ServerUnavailableError

if TYPE_CHECKING:  # storage (sqlmodel, alembic) is imported by the fixtures that need it, not by every run
    from shelter_app.storage.db import Database

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The print system the tests see is the private one `cups_server` starts, never the machine's: libcups reads
# CUPS_SERVER once, at its first use, so it is set before anything (Qt's print support included) can ask.
_CUPS_ROOT = Path(tempfile.gettempdir()) / f"shelterdesk-cups-{os.getpid()}"
os.environ["CUPS_SERVER"] = str(_CUPS_ROOT / "cups.sock")

# No per-example deadline: a loaded CI machine must not turn a slow example into a failure.
# No example database: nothing is written into the checkout.
hypothesis_settings.register_profile("shelterdesk", deadline=None, database=None)
hypothesis_settings.load_profile("shelterdesk")


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps secrets in a dict, so tests never reach the OS keychain."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.secrets[(service, username)]
        except KeyError as exc:
            raise PasswordDeleteError(username) from exc


@pytest.fixture(autouse=True)
def isolated_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point every folder and HOME at a temp dir; fail if anything is written to the real home."""
    root = tmp_path / "shelterdesk"
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(root))
    monkeypatch.setenv("HOME", str(home))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    paths.set_data_dir(None)
    yield root
    paths.set_data_dir(None)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


# ---- databases: a throwaway PostgreSQL server and a `db` fixture over both backends ----------------------

_TIMINGS: dict[str, float] = {}


def _ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PgServer]:
    """A private PostgreSQL cluster for the whole session, with a migrated template database.

    Skipped with the reason when the server cannot run here, except on CI (`CI=true`), where
    the PostgreSQL tests must never be skipped silently: there the fixture fails instead.
    """
    try:
        server = PgServer.start()
    except ServerUnavailableError as exc:
        problem = str(exc)
    else:
        problem = ""
    if problem:  # outside the except block, so the report shows only the reason
        if _ci():
            pytest.fail(f"CI must run the PostgreSQL tests: {problem}", pytrace=False)
        pytest.skip(problem)
    from shelter_app.storage.db import open_database

    try:
        began = time.perf_counter()
        template = server.create_database()
        open_database(server.url(template), backups_dir=tmp_path_factory.mktemp("pg-template")).close()
        server.template = template
        server.template_seconds = time.perf_counter() - began
        _TIMINGS.update(start=server.start_seconds, template=server.template_seconds)
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def cups_server() -> Iterator[CupsServer]:
    """A private CUPS server for the session, at the socket CUPS_SERVER names (skipped with the reason where it
    cannot run, except on CI, where the print tests must run)."""
    try:
        server = CupsServer.start(_CUPS_ROOT)
    except PrintServerUnavailable as exc:
        problem = str(exc)
    else:
        problem = ""
    if problem:
        if _ci():
            pytest.fail(f"CI must run the print tests: {problem}", pytrace=False)
        pytest.skip(problem)
    _TIMINGS["cups"] = server.start_seconds
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(_CUPS_ROOT, ignore_errors=True)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    from tests.support.faultfigures import FIGURES

    for name, text in sorted(FIGURES.items()):
        terminalreporter.write_line(f"fault suite, {name}: {text}")
    if "cups" in _TIMINGS:
        terminalreporter.write_line(f"CUPS test print server: start {_TIMINGS['cups']:.2f} s")
    if "start" in _TIMINGS:
        terminalreporter.write_line(
            f"PostgreSQL test server: initdb + start {_TIMINGS['start']:.2f} s, "
            f"migrated template {_TIMINGS['template']:.2f} s"
        )


@pytest.fixture
def pg_database(pg_server: PgServer) -> Iterator[str]:
    """The URL of a fresh, migrated PostgreSQL database for one test (dropped after it)."""
    name = pg_server.create_database(pg_server.template)
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    """The backend name of a test parametrized over both databases."""
    return str(request.param)


@pytest.fixture
def blank_url(backend: str, request: pytest.FixtureRequest, isolated_folders: Path) -> Iterator[str]:
    """The URL of an empty database (no tables at all) on `backend`, beside the one of `db`."""
    from shelter_app.storage.db import sqlite_url

    if backend == "sqlite":
        yield sqlite_url(paths.get_paths().data / "blank.sqlite3")
        return
    server: PgServer = request.getfixturevalue("pg_server")
    name = server.create_database()
    yield server.url(name)
    server.drop_database(name)


@pytest.fixture
def db(backend: str, request: pytest.FixtureRequest, isolated_folders: Path) -> Iterator[Database]:
    """An open database at the current schema: a SQLite file in the data folder, or PostgreSQL."""
    from shelter_app.storage.db import open_database, sqlite_url

    folders = paths.get_paths()
    url = sqlite_url(folders.database) if backend == "sqlite" else request.getfixturevalue("pg_database")
    database = open_database(url, backups_dir=folders.backups)
    yield database
    database.close()

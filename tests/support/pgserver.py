"""A private, throwaway PostgreSQL cluster for the tests: temp dir, Unix socket, no TCP.

`initdb` refuses to run as root, so as root every server command runs through
`runuser -u postgres --` and the temp dir is handed to that user. Tests get a fresh
database per test, copied from a migrated template (`CREATE DATABASE ... TEMPLATE`).
"""

from __future__ import annotations

import itertools
import os
import pwd
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

INSTALL_HINT = "PostgreSQL binaries not found: apt-get install postgresql"
SUPERUSER = "postgres"
SERVER_OPTIONS = "-c listen_addresses='' -c fsync=off -c full_page_writes=off -c synchronous_commit=off"
# the superuser connects without a password; every other role must give its password
PG_HBA = f"local all {SUPERUSER} trust\nlocal all all scram-sha-256\n"


class ServerUnavailableError(Exception):
    """The server cannot be started here; the message says why and what to install."""


def _version_key(path: Path) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", path.parent.name)) or (0,)


BINDIR_ENV = "SHELTERDESK_TEST_PG_BINDIR"


def find_bindir() -> Path | None:
    """The folder holding `initdb` and `pg_ctl`: $SHELTERDESK_TEST_PG_BINDIR when set (a custom
    install, or a missing folder to try the no-server path), else PATH, else the newest
    /usr/lib/postgresql/*/bin (Debian's packages do not put them on PATH)."""
    chosen = os.environ.get(BINDIR_ENV)
    if chosen:
        folder = Path(chosen)
        return folder if (folder / "initdb").exists() and (folder / "pg_ctl").exists() else None
    on_path = shutil.which("initdb")
    if on_path:
        folder = Path(on_path).resolve().parent
        if (folder / "pg_ctl").exists():
            return folder
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=_version_key, reverse=True)
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    return None


def _run_as_prefix() -> tuple[list[str], pwd.struct_passwd | None]:
    """As root: the `runuser` prefix and the account the server runs as; else nothing."""
    if os.geteuid() != 0:
        return [], None
    try:
        account = pwd.getpwnam(SUPERUSER)
    except KeyError as exc:
        raise ServerUnavailableError(
            "running as root and there is no 'postgres' user to run initdb as (initdb refuses root)"
        ) from exc
    # root's PATH may lack the sbin folders (e.g. under sudo or a minimal CI image)
    runuser = shutil.which("runuser") or shutil.which("runuser", path="/usr/sbin:/sbin:/usr/bin:/bin")
    if runuser is None:
        raise ServerUnavailableError("running as root and 'runuser' is missing (util-linux)")
    return [runuser, "-u", SUPERUSER, "--"], account


def _scratch_dir(as_root: bool) -> str | None:
    """Where the cluster lives: RAM (/dev/shm) when there is room, since the tests copy a template
    database per test and a slow disk makes that the biggest cost; else /tmp as root (a root-only
    TMPDIR would lock the postgres user out), else the default temp dir."""
    shm = Path("/dev/shm")
    try:
        if shm.is_dir() and os.access(shm, os.W_OK) and shutil.disk_usage(shm).free > 1 << 30:
            return str(shm)
    except OSError:
        pass
    return "/tmp" if as_root else None


@dataclass
class PgServer:
    """A running cluster; `create_database` gives each test its own database."""

    root: Path
    bindir: Path
    prefix: list[str]
    start_seconds: float = 0.0
    template: str | None = None
    template_seconds: float = 0.0
    _numbers: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root / "sock"

    @property
    def log_file(self) -> Path:
        return self.root / "server.log"

    # ---- lifecycle ---------------------------------------------------------------------------------

    @classmethod
    def start(cls) -> PgServer:
        bindir = find_bindir()
        if bindir is None:
            raise ServerUnavailableError(INSTALL_HINT)
        prefix, account = _run_as_prefix()
        began = time.perf_counter()
        # world-traversable, so the postgres user reaches it when we are root
        root = Path(tempfile.mkdtemp(prefix="shelterdesk-pg-", dir=_scratch_dir(account is not None)))
        root.chmod(0o755)
        server = cls(root, bindir, prefix)
        try:
            server.socket_dir.mkdir(mode=0o700)
            if account is not None:
                for path in (root, server.socket_dir):
                    os.chown(path, account.pw_uid, account.pw_gid)
            server._initdb()
            hba = server.data_dir / "pg_hba.conf"
            hba.write_text(PG_HBA, encoding="utf-8")
            if account is not None:
                os.chown(hba, account.pw_uid, account.pw_gid)
            server._pg_ctl("-w", "-t", "30", "-l", str(server.log_file),
                           "-o", f"-k {server.socket_dir} {SERVER_OPTIONS}", "start")
        except BaseException:
            server._remove()
            raise
        server.start_seconds = time.perf_counter() - began
        return server

    def _run(self, *argv: str) -> subprocess.CompletedProcess[str]:
        result = subprocess.run([*self.prefix, *argv], cwd=self.root, capture_output=True, text=True,
                                timeout=60, check=False)
        if result.returncode != 0:
            output = result.stderr.strip() or result.stdout.strip()
            raise ServerUnavailableError(
                f"{Path(argv[0]).name} failed ({result.returncode}): {output}{self._log_tail()}"
            )
        return result

    def _log_tail(self) -> str:
        try:
            return "\nserver log:\n" + "\n".join(self.log_file.read_text(errors="replace").splitlines()[-15:])
        except OSError:
            return ""

    def _initdb(self) -> None:
        base = [str(self.bindir / "initdb"), "-D", str(self.data_dir), "-A", "trust", "-U", SUPERUSER,
                "--no-sync", "-E", "UTF8"]
        try:
            self._run(*base, "--locale=C.UTF-8")
        except ServerUnavailableError:  # a system without the C.UTF-8 locale
            shutil.rmtree(self.data_dir, ignore_errors=True)
            self._run(*base, "--locale=C")

    def _pg_ctl(self, *args: str) -> None:
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data_dir), *args)

    def stop(self) -> None:
        try:
            if (self.data_dir / "postmaster.pid").exists():
                self._pg_ctl("-m", "immediate", "-w", "stop")
        finally:
            self._remove()

    def _remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    # ---- databases ---------------------------------------------------------------------------------

    def url(self, database: str, user: str = SUPERUSER, password: str | None = None) -> str:
        secret = f":{password}" if password else ""
        return f"postgresql+psycopg://{user}{secret}@/{database}?host={self.socket_dir}"

    def admin(self) -> psycopg.Connection[tuple[object, ...]]:
        """An autocommit superuser connection (CREATE DATABASE cannot run in a transaction)."""
        return psycopg.connect(host=str(self.socket_dir), user=SUPERUSER, dbname="postgres", autocommit=True)

    def create_database(self, template: str | None = None) -> str:
        """A new, uniquely named database (a copy of `template`, else empty); returns its name."""
        name = f"t_{next(self._numbers)}"
        with self.admin() as conn:
            if template:
                conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
            else:
                conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return name

    def drop_database(self, name: str) -> None:
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def ensure_login_role(self, name: str, password: str) -> None:
        """A superuser role that must log in with `password` (pg_hba asks it for one)."""
        with self.admin() as conn:
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
            verb = "ALTER" if exists else "CREATE"
            conn.execute(f"{verb} ROLE \"{name}\" LOGIN SUPERUSER PASSWORD '{password}'")

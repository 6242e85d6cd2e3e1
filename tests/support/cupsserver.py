"""A private, throwaway CUPS print server for the tests: its own folders, a Unix socket, no TCP, no system config.

The tests never reach the machine's own print system: conftest points `CUPS_SERVER` (read by `lp`, `lpstat` and
by Qt's print support, through libcups) at this server's socket before anything prints. Its printers are PDF
virtual printers: a queue whose device is a file and whose driver (`pdf-printer.ppd` beside this file) takes
the PDF that CUPS's own filter (`pdftopdf`) makes after applying the job's options: page ranges, copies,
collation, paper and fit-to-page. So the file a job leaves is what a PDF-taking printer would have received.

cupsd runs filters as the `lp` user and refuses a configuration others can write, so it must be started as root
(as CI runs); elsewhere `start` says why it cannot run.
"""

from __future__ import annotations

import itertools
import os
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

INSTALL_HINT = "CUPS not found: apt-get install cups cups-client cups-filters"
PPD = Path(__file__).with_name("pdf-printer.ppd")
ENV = {"LC_ALL": "C", "LANG": "C"}


class ServerUnavailableError(Exception):
    """The print server cannot be started here; the message says why and what to install."""


def _cupsd() -> Path | None:
    found = shutil.which("cupsd") or ("/usr/sbin/cupsd" if Path("/usr/sbin/cupsd").exists() else None)
    return Path(found) if found else None


# A test run killed outright (a timeout, kill -9) takes its print server with it: util-linux's setpriv sets the
# parent-death signal and becomes cupsd (Linux; elsewhere cupsd outlives a killed run until it is stopped).
_WITH_PARENT = ["setpriv", "--pdeathsig", "TERM", "--"] if shutil.which("setpriv") else []


@dataclass
class CupsServer:
    root: Path
    process: subprocess.Popen[bytes]
    start_seconds: float = 0.0
    _names: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def socket(self) -> Path:
        return self.root / "cups.sock"

    @classmethod
    def start(cls, root: Path) -> CupsServer:
        cupsd = _cupsd()
        if cupsd is None or shutil.which("lp") is None or shutil.which("lpadmin") is None:
            raise ServerUnavailableError(INSTALL_HINT)
        if not Path("/usr/lib/cups/filter/pdftopdf").exists():
            raise ServerUnavailableError("CUPS's pdftopdf filter not found: apt-get install cups-filters")
        if os.geteuid() != 0:
            raise ServerUnavailableError("the test print server (cupsd) must be started as root")
        began = time.perf_counter()
        for folder in ("etc", "spool/tmp", "cache", "state", "log", "out"):
            (root / folder).mkdir(parents=True, exist_ok=True)
        for folder in ("spool/tmp", "out"):
            (root / folder).chmod(0o1777)  # filters run as `lp`; the file device writes as `lp`
        root.chmod(0o755)
        (root / "etc" / "cupsd.conf").write_text(
            f"Listen {root / 'cups.sock'}\nLogLevel warn\nWebInterface No\nBrowsing No\nDefaultAuthType None\n"
            "JobRetryLimit 0\nMaxJobs 0\nPreserveJobHistory Yes\n"
            "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
            "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n")
        (root / "etc" / "cups-files.conf").write_text(
            f"ServerRoot {root / 'etc'}\nRequestRoot {root / 'spool'}\nTempDir {root / 'spool/tmp'}\n"
            f"CacheDir {root / 'cache'}\nStateDir {root / 'state'}\nServerBin /usr/lib/cups\n"
            f"DataDir /usr/share/cups\nErrorLog {root / 'log/error_log'}\nAccessLog {root / 'log/access_log'}\n"
            f"PageLog {root / 'log/page_log'}\nFileDevice Yes\nSystemGroup root\n")
        with open(root / "log/stderr", "wb") as stderr:  # the child keeps its own copy of the descriptor
            process = subprocess.Popen(
                [*_WITH_PARENT, str(cupsd), "-f", "-c", str(root / "etc/cupsd.conf"),
                 "-s", str(root / "etc/cups-files.conf")],
                stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True)
        server = cls(root, process)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise ServerUnavailableError(f"cupsd stopped at start: {(root / 'log/stderr').read_text()[-500:]}")
            if server.socket.exists() and server.run("lpstat", "-r").returncode == 0:
                server.start_seconds = time.perf_counter() - began
                return server
            time.sleep(0.05)
        server.stop()
        raise ServerUnavailableError("cupsd did not answer within 20 s")

    def run(self, *argv: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, **ENV, "CUPS_SERVER": str(self.socket)}
        return subprocess.run(list(argv), capture_output=True, text=True, env=env, timeout=60, check=False)

    def add_printer(self, paper: str = "Letter", *, default: bool = False) -> tuple[str, Path]:
        """A new PDF virtual printer with `paper` as its default; its name and the file its jobs are written to."""
        name = f"PDF-{paper}-{next(self._names)}"
        output = self.root / "out" / f"{name}.pdf"
        output.touch()
        output.chmod(0o666)
        done = self.run("lpadmin", "-p", name, "-E", "-v", f"file://{output}", "-P", str(PPD),
                        "-o", f"media-default={paper}", "-o", f"PageSize={paper}")
        if done.returncode != 0:
            raise RuntimeError(done.stderr)
        if default:
            self.run("lpadmin", "-d", name)
        output.write_bytes(b"")
        return name, output

    def remove_printer(self, name: str) -> None:
        self.run("lpadmin", "-x", name)

    def pending(self, name: str) -> list[str]:
        out = self.run("lpstat", "-W", "not-completed", "-o", name).stdout
        return [line.split()[0] for line in out.splitlines() if line and not line[0].isspace()]

    def completed(self, name: str) -> list[str]:
        out = self.run("lpstat", "-W", "completed", "-o", name).stdout
        return [line.split()[0] for line in out.splitlines() if line and not line[0].isspace()]

    def wait_done(self, name: str, output: Path, timeout: float = 30) -> bytes:
        """Wait for the printer's queue to empty; the bytes its file device received."""
        deadline = time.monotonic() + timeout
        while self.pending(name):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{name}: jobs still pending after {timeout} s")
            time.sleep(0.05)
        return output.read_bytes()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

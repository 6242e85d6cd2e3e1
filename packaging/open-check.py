"""packaging/build's last check: a double-click on a .sdform opens the frozen program in client mode and creates the
client's draft. On Linux with xdg-utils, the bundle's desktop integration is installed into a temporary home and
the package is opened with `xdg-open` (what a file manager does); elsewhere the program is given the file. Run
with the checkout's venv Python:

    .venv/bin/python packaging/open-check.py dist/ShelterDesk/ShelterDesk
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nacl.public

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from shelter_app.content.forms import definition_data, load_forms  # noqa: E402
from shelter_app.exchange import formfiles  # noqa: E402


def desktop_home(work: Path, env: dict[str, str]) -> dict[str, str]:
    """A throwaway user home for the desktop integration, seen by xdg-utils as a plain X session (a generic
    xdg-open reads the MIME defaults only when a display is named; nothing connects to it)."""
    home = {"HOME": work / "home", "XDG_DATA_HOME": work / "home" / "share", "XDG_CONFIG_HOME": work / "home" / "cfg"}
    for folder in home.values():
        folder.mkdir(parents=True, exist_ok=True)
    clean = {k: v for k, v in env.items() if k not in ("WAYLAND_DISPLAY", "DESKTOP_SESSION", "KDE_FULL_SESSION",
                                                       "GNOME_DESKTOP_SESSION_ID", "BROWSER")}
    return {**clean, **{k: str(v) for k, v in home.items()}, "XDG_CURRENT_DESKTOP": "X-Generic",
            "DISPLAY": env.get("DISPLAY") or ":97"}


def main() -> int:
    program = Path(sys.argv[1]).resolve()
    with tempfile.TemporaryDirectory(prefix="shelterdesk-open-check-") as folder:
        work = Path(folder)
        definition = load_forms().latest("mexican_entity")
        package = work / "Paquete de prueba — Ñandú.sdform"
        formfiles.write_package(package, formfiles.FormPackage(
            form_id=definition.id, form_version=definition.version, definition=definition_data(definition),
            language="es", prefill={}, consultant=formfiles.ConsultantInfo(
                "Build check", nacl.public.PrivateKey.generate().public_key),
            project=formfiles.ProjectInfo("build-check", "Ñandú", "Build check")))
        env = {**os.environ, "SHELTER_APP_DATA_DIR": str(work / "data"),
               "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        command = [str(program), str(package)]
        install = program.parent / "packaging" / "linux" / "install-desktop"
        if install.exists() and shutil.which("xdg-open") and shutil.which("xdg-mime"):
            command = ["xdg-open", str(package)]
            env = desktop_home(work, env)
            subprocess.run([str(install), "--exec", str(program)], env=env, check=True, capture_output=True)
        print(f"open-check: {' '.join(command[:1])} {package.name}")
        process = subprocess.Popen(command, env=env, start_new_session=True, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT)
        database = work / "data" / "data" / "shelterdesk.sqlite3"
        try:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                if process.poll() is not None:
                    print(process.stdout.read().decode(errors="replace") if process.stdout else "")
                    print(f"open-check: the program exited ({process.returncode}) instead of showing the form")
                    return 1
                if database.exists():
                    with sqlite3.connect(database) as connection:
                        try:
                            rows = connection.execute("SELECT form_id FROM form_draft").fetchall()
                        except sqlite3.OperationalError:
                            rows = []
                    if rows == [(definition.id,)]:
                        print(f"open-check: {program.name} {package.name} opened client mode; draft of "
                              f"{definition.id} created")
                        return 0
                time.sleep(0.2)
            print("open-check: no draft after 30 s: the package did not open in client mode")
            return 1
        finally:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


if __name__ == "__main__":
    sys.exit(main())

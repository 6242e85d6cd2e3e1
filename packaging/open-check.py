"""packaging/build's last check: the frozen program opens a form package in client mode (what a double-click on
a .sdform does through the desktop entry) and creates the client's draft. Run with the checkout's venv Python:

    .venv/bin/python packaging/open-check.py dist/ShelterDesk/ShelterDesk
"""

from __future__ import annotations

import os
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
        process = subprocess.Popen([str(program), str(package)], env=env, start_new_session=True,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
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

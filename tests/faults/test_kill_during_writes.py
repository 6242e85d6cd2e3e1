"""SIGKILL in the middle of SQLite writes: every commit the app reported is there afterwards, and the file is sound."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from shelter_app import paths
from tests.support.faultfigures import record
from tests.support.survivors import surviving_rows

pytestmark = pytest.mark.faults
ROOT = Path(__file__).resolve().parents[2]
KILLS = 12

WRITER = """
import sys
from shelter_app import paths
from shelter_app.core.portfolio import ClientFields
from shelter_app.services import clients
from shelter_app.storage.db import open_database, sqlite_url
folders = paths.get_paths().ensure()
db = open_database(sqlite_url(folders.database), backups_dir=folders.backups)
round_ = sys.argv[1]
print("ready", flush=True)
for i in range(1_000_000):
    name = f"Empresa {round_}-{i} SA de CV"
    clients.create_client(db, "writer", ClientFields(legal_name=name))
    print(name, flush=True)  # reported only after the commit returned
"""


def test_every_reported_commit_survives_a_sigkill() -> None:
    folders = paths.get_paths().ensure()
    rng = random.Random(13)
    reported: list[str] = []
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for kill in range(KILLS):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(kill)], stdout=subprocess.PIPE, text=True,
                                  env=env)
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.4))
        writer.send_signal(signal.SIGKILL)
        out, _ = writer.communicate()
        assert writer.returncode == -signal.SIGKILL
        reported += [line for line in out.splitlines() if line.startswith("Empresa ")]
    stored = {row[0] for row in surviving_rows(folders.database, "SELECT legal_name FROM client")}
    lost = [name for name in reported if name not in stored]
    record("SIGKILL during SQLite writes", f"{KILLS} kills, {len(reported)} reported commits, {len(lost)} lost")
    assert len(reported) > KILLS and lost == []

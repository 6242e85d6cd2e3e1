"""Two writers, each making 100 edits of the same record at once: no update is lost, on SQLite and PostgreSQL.

Each writer has its own connection (a second consultant, a second window) and does what the editor does: read the
client, change it, save against the version it read; a conflict makes it read again and redo its change. Every
change is one increment of a counter kept in the notes, so a lost update would show as a counter short of 200."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from shelter_app import paths
from shelter_app.core.portfolio import ClientFields
from shelter_app.services import clients
from shelter_app.services.errors import EditConflict
from shelter_app.storage.db import Database, open_database
from tests.support.faultfigures import record

pytestmark = pytest.mark.faults
EDITS = 100


def test_two_writers_lose_no_update(db: Database, backend: str) -> None:
    client_id = clients.create_client(db, "setup", ClientFields(legal_name="Contador SA de CV", notes="0")).entity_id
    conflicts = [0, 0]
    failures: list[BaseException] = []
    backups = paths.get_paths().backups

    def writer(index: int) -> None:
        own = open_database(db.url, backups_dir=backups)
        try:
            for _ in range(EDITS):
                while True:
                    detail = clients.get_client(own, client_id)
                    count = int(detail.fields.notes) + 1
                    try:
                        clients.update_client(own, f"writer{index}", client_id, detail.version,
                                              replace(detail.fields, notes=str(count)))
                        break
                    except EditConflict:
                        conflicts[index] += 1
        except BaseException as exc:  # reported in the test's thread
            failures.append(exc)
        finally:
            own.close()

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=240)
    assert not failures, failures
    final = int(clients.get_client(db, client_id).fields.notes)
    lost = 2 * EDITS - final
    record(f"two writers on {backend}", f"{2 * EDITS} edits, {sum(conflicts)} conflicts caught and redone, "
                                        f"{lost} lost")
    assert lost == 0

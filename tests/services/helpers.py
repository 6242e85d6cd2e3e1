"""Small readers the service tests share: row counts and a concurrent write at flush time."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, func
from sqlmodel import Session, SQLModel, select

from shelter_app.storage.db import Database
from shelter_app.storage.models import AuditEvent, Client, Contact, Project

MODELS: dict[str, type[SQLModel]] = {
    "client": Client, "contact": Contact, "project": Project, "audit_event": AuditEvent,
}


def counts(db: Database) -> dict[str, int]:
    """Rows per table, read through a fresh transaction."""
    with db.transaction() as session:
        return {name: int(session.exec(select(func.count()).select_from(model)).one())
                for name, model in MODELS.items()}


@contextmanager
def write_between_read_and_flush(action: Callable[[], Any], when: type[SQLModel]) -> Iterator[list[Any]]:
    """Run `action` (another consultant's save, on its own connection) once, at the moment a session
    is about to flush a change to a `when` row: after that session read the row and checked its
    version, before its UPDATE/INSERT reaches the database. Yields the list of action results.
    """
    results: list[Any] = []

    def before_flush(session: Session, _context: Any, _instances: Any) -> None:
        if results or not any(isinstance(o, when) for o in (*session.dirty, *session.new)):
            return
        results.append(None)  # first: the action's own flush must not trigger it again
        results[0] = action()

    event.listen(Session, "before_flush", before_flush)
    try:
        yield results
    finally:
        event.remove(Session, "before_flush", before_flush)

"""The audit trail: every service write records who, when, before and after, in its transaction."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, col, select

from shelter_app.storage.db import Database
from shelter_app.storage.models import AuditEvent


def _json_default(value: object) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def _dump(values: Mapping[str, Any] | None) -> str | None:
    if values is None:
        return None
    return json.dumps(dict(values), default=_json_default, ensure_ascii=False, sort_keys=True)


def record(
    session: Session,
    actor: str,
    entity: str,
    entity_id: int,
    action: str,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
    *,
    client_id: int | None = None,
) -> None:
    """Add an AuditEvent to `session`: it commits or rolls back with the change it describes."""
    session.add(
        AuditEvent(actor=actor, entity=entity, entity_id=entity_id, action=action, client_id=client_id,
                   before=_dump(before), after=_dump(after))
    )


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor: str
    entity: str
    entity_id: int
    action: str
    before: dict[str, Any]
    after: dict[str, Any]


def history(db: Database, entity: str, entity_id: int) -> list[AuditEntry]:
    """The events of one row, oldest first."""
    return _entries(db, (AuditEvent.entity == entity) & (AuditEvent.entity_id == entity_id))


def client_history(db: Database, client_id: int) -> list[AuditEntry]:
    """Everything that happened to a client, its contacts and its projects, oldest first."""
    return _entries(db, col(AuditEvent.client_id) == client_id)


def _entries(db: Database, condition: Any) -> list[AuditEntry]:
    with db.transaction() as session:
        events = session.exec(
            select(AuditEvent).where(condition).order_by(col(AuditEvent.at), col(AuditEvent.id))
        ).all()
        return [
            AuditEntry(e.at, e.actor, e.entity, e.entity_id, e.action,
                       json.loads(e.before) if e.before else {}, json.loads(e.after) if e.after else {})
            for e in events
        ]


def last_actor(session: Session, entity: str, entity_id: int) -> str | None:
    """Who wrote the row last, to name them in a conflict message."""
    event = session.exec(
        select(AuditEvent)
        .where(AuditEvent.entity == entity, AuditEvent.entity_id == entity_id)
        .order_by(col(AuditEvent.id).desc())
        .limit(1)
    ).first()
    return event.actor if event else None

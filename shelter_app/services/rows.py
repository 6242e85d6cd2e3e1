"""The one way services update an editable row: check the version, diff, audit, flush.

Kept in one place so every table gets the same optimistic locking and the same audit
trail; `clients`, `contacts` and `projects` only say which fields they write.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, TypeVar

from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, SQLModel

from shelter_app.services import audit
from shelter_app.services.errors import EditConflict, NotFound
from shelter_app.storage.types import utcnow

Row = TypeVar("Row", bound=SQLModel)

# entity name -> (English, Spanish) noun, for messages
ENTITY_NAMES = {
    "client": ("client", "el cliente"),
    "contact": ("contact", "el contacto"),
    "project": ("project", "el proyecto"),
    "checklist_item": ("checklist item", "la tarea de la lista"),
    "evidence": ("attachment", "el adjunto"),
    "journey": ("journey", "el recorrido"),
    "business_scenario": ("business-case scenario", "el escenario del caso de negocio"),
    "business_document": ("business-case document", "el documento del caso de negocio"),
    "form_response": ("form response", "la respuesta del formulario"),
}


def plain(value: Any) -> Any:
    """A value as stored in the audit trail and shown in a conflict (dates as ISO text)."""
    return value.isoformat() if isinstance(value, date) else value


def snapshot(row: SQLModel, fields: Mapping[str, Any] | list[str]) -> dict[str, Any]:
    return {k: plain(getattr(row, k)) for k in fields}


def load(session: Session, model: type[Row], entity: str, row_id: int) -> Row:
    row = session.get(model, row_id)
    if row is None:
        en, es = ENTITY_NAMES[entity]
        raise NotFound(en, es, row_id)
    return row


def update(
    session: Session,
    model: type[Row],
    entity: str,
    row_id: int,
    expected_version: int,
    values: Mapping[str, Any],
    actor: str,
    derived: Mapping[str, Any] | None = None,
) -> tuple[Row, tuple[str, ...]]:
    """Write `values` into the row if nobody saved it since `expected_version`.

    Returns the row and the names of the fields that really changed (none: nothing is
    written, not even the audit trail). Raises EditConflict with both versions otherwise.
    `derived` columns (a search column) are written along with a change but never compared,
    audited or shown in a conflict: they are not what the user edited.
    """
    row = load(session, model, entity, row_id)
    current_version: int = getattr(row, "version")  # noqa: B009  (SQLModel field, typed per model)
    if current_version != expected_version:
        raise EditConflict(entity, row_id, {k: plain(v) for k, v in values.items()}, snapshot(row, list(values)),
                           current_version, audit.last_actor(session, entity, row_id))
    changed = tuple(k for k, v in values.items() if getattr(row, k) != v)
    if not changed:
        return row, ()
    before = snapshot(row, list(changed))
    for key in changed:
        setattr(row, key, values[key])
    for key, value in (derived or {}).items():
        setattr(row, key, value)
    setattr(row, "updated_at", utcnow())  # noqa: B010
    try:
        session.flush()
    except StaleDataError as exc:  # saved by someone else between our read and our write
        # this session's transaction is spoilt: read the winner through a fresh one
        with Session(session.get_bind()) as fresh:
            theirs = load(fresh, model, entity, row_id)
            raise EditConflict(entity, row_id, {k: plain(v) for k, v in values.items()},
                               snapshot(theirs, list(values)), getattr(theirs, "version"),  # noqa: B009
                               audit.last_actor(fresh, entity, row_id)) from exc
    owner = row_id if entity == "client" else getattr(row, "client_id", None)
    audit.record(session, actor, entity, row_id, "update", before, snapshot(row, list(changed)), client_id=owner)
    return row, changed

"""People at a client company."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from shelter_app.core.portfolio import ContactFields, clean_contact
from shelter_app.services import audit, rows
from shelter_app.services.changes import Changes
from shelter_app.services.errors import EditConflict
from shelter_app.storage.db import Database
from shelter_app.storage.models import Client, Contact

CONTACT_FIELDS = tuple(ContactFields.__dataclass_fields__)


def _values(fields: ContactFields) -> dict[str, Any]:
    values = asdict(fields)
    values["preferred_language"] = str(fields.preferred_language)
    return values


def add_contact(db: Database, actor: str, client_id: int, fields: ContactFields) -> Changes:
    cleaned = clean_contact(fields).value
    with db.transaction() as session:
        rows.load(session, Client, "client", client_id)
        contact = Contact(client_id=client_id, **_values(cleaned))
        session.add(contact)
        session.flush()
        assert contact.id is not None
        audit.record(session, actor, "contact", contact.id, "create", None, _values(cleaned), client_id=client_id)
        return Changes("contact", contact.id, "create", client_id, CONTACT_FIELDS)


def update_contact(db: Database, actor: str, contact_id: int, expected_version: int, fields: ContactFields) -> Changes:
    cleaned = clean_contact(fields).value
    with db.transaction() as session:
        contact, changed = rows.update(session, Contact, "contact", contact_id, expected_version,
                                       _values(cleaned), actor)
        return Changes("contact", contact_id, "update" if changed else "none", contact.client_id, changed)


def delete_contact(db: Database, actor: str, contact_id: int, expected_version: int) -> Changes:
    """Remove a contact; the audit trail keeps what it held."""
    with db.transaction() as session:
        contact = rows.load(session, Contact, "contact", contact_id)
        if contact.version != expected_version:
            raise EditConflict("contact", contact_id, {}, rows.snapshot(contact, list(CONTACT_FIELDS)),
                                    contact.version, audit.last_actor(session, "contact", contact_id))
        audit.record(session, actor, "contact", contact_id, "delete", rows.snapshot(contact, list(CONTACT_FIELDS)),
                     None, client_id=contact.client_id)
        session.delete(contact)
        return Changes("contact", contact_id, "delete", contact.client_id)

"""Client companies: create, edit, archive, restore, search, and the portfolio rows."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import Subquery, case, func
from sqlalchemy import exc as sa_exc
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from shelter_app.core.portfolio import ClientFields, Stage, clean_client
from shelter_app.core.text import fold_for_search
from shelter_app.services import audit, rows
from shelter_app.services.changes import Changes
from shelter_app.services.errors import DuplicateClient
from shelter_app.storage.db import Database
from shelter_app.storage.models import ChecklistItem, Client, Contact, Project

CLIENT_FIELDS = tuple(ClientFields.__dataclass_fields__)


def _search_text(fields: ClientFields) -> str:
    return fold_for_search(" ".join(p for p in (fields.legal_name, fields.trade_name, fields.rfc or "") if p))


def _check_duplicates(session: Session, fields: ClientFields, own_id: int | None) -> None:
    if fields.rfc:
        other = session.exec(select(Client).where(Client.rfc == fields.rfc, Client.id != own_id)).first()
        if other is not None and other.id is not None:
            raise DuplicateClient("rfc", fields.rfc, other.legal_name, other.id)
    folded = fold_for_search(fields.legal_name)
    candidates = session.exec(
        select(Client).where(Client.country == fields.country, Client.id != own_id,
                             col(Client.search_text).startswith(folded, autoescape=True))
    ).all()
    for other in candidates:
        if fold_for_search(other.legal_name) == folded and other.id is not None:
            raise DuplicateClient("legal_name", fields.legal_name, other.legal_name, other.id)


def _derived(fields: ClientFields) -> dict[str, Any]:
    return {"search_text": _search_text(fields)}


def create_client(db: Database, actor: str, fields: ClientFields) -> Changes:
    """Add a client; raises ValidationErrors or DuplicateClient and stores nothing then."""
    cleaned = clean_client(fields)
    try:
        with db.transaction() as session:
            _check_duplicates(session, cleaned.value, None)
            client = Client(**asdict(cleaned.value), **_derived(cleaned.value))
            session.add(client)
            session.flush()
            assert client.id is not None
            audit.record(session, actor, "client", client.id, "create", None, asdict(cleaned.value),
                         client_id=client.id)
            client_id = client.id
    except sa_exc.IntegrityError as exc:  # a colleague added the same RFC a moment ago
        raise _duplicate_after_race(db, cleaned.value) from exc
    return Changes("client", client_id, "create", client_id, CLIENT_FIELDS, cleaned.warnings)


def update_client(db: Database, actor: str, client_id: int, expected_version: int, fields: ClientFields) -> Changes:
    """Save edited fields if nobody saved the client since `expected_version` (else EditConflict)."""
    cleaned = clean_client(fields)
    try:
        with db.transaction() as session:
            rows.load(session, Client, "client", client_id)  # "not found" before "duplicate"
            _check_duplicates(session, cleaned.value, client_id)
            _, changed = rows.update(session, Client, "client", client_id, expected_version,
                                     asdict(cleaned.value), actor, derived=_derived(cleaned.value))
    except sa_exc.IntegrityError as exc:
        raise _duplicate_after_race(db, cleaned.value, client_id) from exc
    return Changes("client", client_id, "update" if changed else "none", client_id, changed, cleaned.warnings)


def _duplicate_after_race(db: Database, fields: ClientFields, own_id: int | None = None) -> DuplicateClient:
    with db.transaction() as session:
        try:
            _check_duplicates(session, fields, own_id)
        except DuplicateClient as dup:
            return dup
    raise RuntimeError("integrity error without a duplicate")  # a bug: let the crash dialog show it


def set_archived(db: Database, actor: str, client_id: int, archived: bool) -> Changes:
    """Archive (hide from the portfolio, keep everything) or restore a client."""
    with db.transaction() as session:
        client = rows.load(session, Client, "client", client_id)
        if client.archived == archived:
            return Changes("client", client_id, "none", client_id)
        _, changed = rows.update(session, Client, "client", client_id, client.version, {"archived": archived}, actor)
        return Changes("client", client_id, "archive" if archived else "restore", client_id, changed)


# ---- reading -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ClientRow:
    """One line of the portfolio table."""

    id: int
    legal_name: str
    trade_name: str
    country: str
    rfc: str | None
    industry: str
    stage: str | None
    projects: int
    updated_at: datetime
    archived: bool
    progress: int | None = None  # percent of checklist items closed; None without checklists
    next_due: date | None = None  # earliest due date of an open item


@dataclass(frozen=True)
class ContactView:
    id: int
    name: str
    role: str
    email: str
    phone: str
    preferred_language: str
    version: int


@dataclass(frozen=True)
class ProjectView:
    id: int
    title: str
    operating_model: str
    target_start: date | None
    stage: str
    consultant: str
    version: int
    updated_at: datetime


@dataclass(frozen=True)
class ClientDetail:
    id: int
    version: int
    fields: ClientFields
    archived: bool
    created_at: datetime
    updated_at: datetime
    contacts: tuple[ContactView, ...]
    projects: tuple[ProjectView, ...]


def _latest_project(client_ids: list[int] | None = None) -> Subquery:
    """Each client's newest project (its stage is the client's stage in the portfolio)."""
    query = select(Project.client_id, func.max(Project.id).label("project_id"), func.count().label("n"))
    if client_ids is not None:
        query = query.where(col(Project.client_id).in_(client_ids))
    return query.group_by(col(Project.client_id)).subquery()


SORT_KEYS = ("name", "trade_name", "country", "rfc", "industry", "stage", "projects", "updated", "progress",
             "next_due")
_CLOSED = ("done", "not_applicable")


def _checklist_totals(client_ids: list[int] | None = None) -> Subquery:
    """Per client: items that apply, items closed, and the earliest due date of an open item."""
    closed = col(ChecklistItem.status).in_(_CLOSED)
    columns: list[Any] = [
        ChecklistItem.client_id,
        func.count().label("item_count"),
        func.sum(case((closed, 1), else_=0)).label("closed"),
        func.min(case((closed, None), else_=col(ChecklistItem.due_on))).label("next_due"),
    ]
    query = sa_select(*columns).where(col(ChecklistItem.applies).is_(True))
    if client_ids is not None:
        query = query.where(col(ChecklistItem.client_id).in_(client_ids))
    return query.group_by(col(ChecklistItem.client_id)).subquery()


def search_clients(
    db: Database,
    text: str = "",
    *,
    stage: Stage | None = None,
    include_archived: bool = False,
    order: str = "name",
    descending: bool = False,
) -> list[int]:
    """Ids of matching clients in `order`: accents and case never matter ("valvula" finds "VÁLVULAS").

    Every word of `text` must appear in the legal name, trade name or RFC. A client's stage is
    the stage of its newest project.
    """
    if order not in SORT_KEYS:
        raise ValueError(f"unknown sort key {order!r}")
    query = select(Client.id)
    latest = _latest_project()
    if stage is not None or order in ("stage", "projects"):  # the join costs: only when it matters
        query = query.outerjoin(latest, latest.c.client_id == Client.id).outerjoin(
            Project, col(Project.id) == latest.c.project_id
        )
    folded = fold_for_search(text)
    for word in folded.split(" ") if folded else ():
        query = query.where(col(Client.search_text).contains(word, autoescape=True))
    if not include_archived:
        query = query.where(Client.archived == False)  # noqa: E712
    if stage is not None:
        query = query.where(Project.stage == stage.value)
    totals = _checklist_totals()
    if order in ("progress", "next_due"):
        query = query.outerjoin(totals, totals.c.client_id == Client.id)
    stage_rank = case({s.value: n for n, s in enumerate(Stage)}, value=Project.stage, else_=-1)
    key: Any = {
        "name": col(Client.search_text), "trade_name": func.lower(Client.trade_name), "country": Client.country,
        "rfc": func.coalesce(Client.rfc, ""), "industry": func.lower(Client.industry), "stage": stage_rank,
        "projects": func.coalesce(latest.c.n, 0), "updated": Client.updated_at,
        "progress": func.coalesce(totals.c.closed * 1.0 / totals.c.item_count, -1.0),
        "next_due": func.coalesce(totals.c.next_due, date(9999, 12, 31)),
    }[order]
    query = query.order_by(key.desc() if descending else key.asc(), col(Client.search_text), col(Client.id))
    with db.read() as conn:
        return list(conn.execute(query).scalars().all())


def client_rows(db: Database, ids: list[int]) -> dict[int, ClientRow]:
    """Display rows for `ids` (the table fetches a page at a time; plain columns, no ORM objects)."""
    if not ids:
        return {}
    latest = _latest_project(ids)
    totals = _checklist_totals(ids)
    columns: list[Any] = [Client.id, Client.legal_name, Client.trade_name, Client.country, Client.rfc,
                          Client.industry, Project.stage, func.coalesce(latest.c.n, 0), Client.updated_at,
                          Client.archived, totals.c.item_count, totals.c.closed, totals.c.next_due]
    query = (
        sa_select(*columns)
        .outerjoin(latest, latest.c.client_id == Client.id)
        .outerjoin(Project, col(Project.id) == latest.c.project_id)
        .outerjoin(totals, totals.c.client_id == Client.id)
        .where(col(Client.id).in_(ids))
    )
    result: dict[int, ClientRow] = {}
    with db.read() as conn:
        for row in conn.execute(query).all():
            items, closed, next_due = row[10:]
            progress = round(100 * (closed or 0) / items) if items else None
            base = ClientRow(*row[:10])
            result[base.id] = replace(base, progress=progress, next_due=next_due)
    return result


def get_client(db: Database, client_id: int) -> ClientDetail:
    with db.transaction() as session:
        client = rows.load(session, Client, "client", client_id)
        contacts = session.exec(
            select(Contact).where(Contact.client_id == client_id).order_by(col(Contact.name), col(Contact.id))
        ).all()
        projects = session.exec(
            select(Project).where(Project.client_id == client_id).order_by(col(Project.id))
        ).all()
        fields = ClientFields(**{k: getattr(client, k) for k in CLIENT_FIELDS})
        return ClientDetail(
            client_id, client.version, fields, client.archived, client.created_at, client.updated_at,
            tuple(ContactView(c.id or 0, c.name, c.role, c.email, c.phone, c.preferred_language, c.version)
                  for c in contacts),
            tuple(ProjectView(p.id or 0, p.title, p.operating_model, p.target_start, p.stage, p.consultant,
                              p.version, p.updated_at) for p in projects),
        )


def find_client(db: Database, key: str) -> int | None:
    """A client id from what a CLI user types: an id, an RFC, or an exact legal name."""
    with db.transaction() as session:
        if key.isdigit():
            client = session.get(Client, int(key))
            return client.id if client else None
        normalised = key.strip().upper().replace(" ", "").replace("-", "")
        found = session.exec(select(Client.id).where(Client.rfc == normalised)).first()
        if found is None:
            folded = fold_for_search(key)
            for cid, name in session.exec(
                select(Client.id, Client.legal_name).where(col(Client.search_text).startswith(folded, autoescape=True))
            ).all():
                if fold_for_search(name) == folded:
                    return cid
        return found


def count_clients(db: Database) -> int:
    with db.transaction() as session:
        return int(session.exec(select(func.count()).select_from(Client)).one())

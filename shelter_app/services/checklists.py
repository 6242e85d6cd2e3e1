"""A project's journey and checklists: apply the journey, track items, schedule, report.

`apply_journey` gives a project the items its answers call for, from the pack versions in
force, and never deletes an item: one that stops applying keeps its status, notes and
evidence (applies=false) and comes back intact. Every user change (status, note, dates,
assignee) writes an AuditEvent in its transaction and returns `Changes`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import case, func, text
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from shelter_app import __version__
from shelter_app.content.checklists import ChecklistItem as PackItem
from shelter_app.content.checklists import PackSet, load_packs
from shelter_app.core.bilingual import Text
from shelter_app.core.checklist import ItemStatus, check_transition
from shelter_app.core.checklist_report import ChecklistReport, ReportChecklist, ReportEvidence, ReportItem
from shelter_app.core.errors import UserError, ValidationError
from shelter_app.core.identifiers import IdentifierWarning
from shelter_app.core.journey import Journey
from shelter_app.core.schedule import Task, compute_schedule, status_on
from shelter_app.services import audit, rows
from shelter_app.services.changes import Changes
from shelter_app.storage.db import Database
from shelter_app.storage.models import (
    OPEN_ITEM_CONDITION,
    ChecklistItem,
    Client,
    Evidence,
    Project,
    ProjectJourney,
)
from shelter_app.storage.types import utcnow

CLOSED = (ItemStatus.DONE.value, ItemStatus.NOT_APPLICABLE.value)
OPEN = tuple(s.value for s in ItemStatus if s.value not in CLOSED)


@lru_cache(maxsize=1)
def shipped_packs() -> PackSet:
    """The packs shipped with this version, loaded and validated once per process."""
    return load_packs()


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in version.split("."))


class PackTooNew(UserError):
    def __init__(self, pack_id: str, stored: str, known: str) -> None:
        super().__init__(
            f"This project's checklist {pack_id} is version {stored}, newer than the {known} this ShelterDesk knows. "
            "Update ShelterDesk before changing it; nothing was changed.",
            f"La lista {pack_id} de este proyecto es la versión {stored}, más reciente que la {known} que conoce "
            "este ShelterDesk. Actualice ShelterDesk antes de modificarla; no se cambió nada.",
        )


class UnknownItem(UserError):
    def __init__(self, item_id: str) -> None:
        super().__init__(f"There is no checklist item “{item_id}” in this project.",
                         f"No hay una tarea “{item_id}” en las listas de este proyecto.", field="item_id")


# ---- the journey ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class JourneyState:
    project_id: int
    journey: Journey
    completed: bool
    version: int | None  # None: never saved


def get_journey(db: Database, project_id: int) -> JourneyState:
    with db.transaction() as session:
        rows.load(session, Project, "project", project_id)
        stored = session.exec(select(ProjectJourney).where(ProjectJourney.project_id == project_id)).first()
        if stored is None:
            return JourneyState(project_id, Journey(), False, None)
        return JourneyState(project_id, Journey.from_json(stored.answers), stored.completed, stored.version)


def save_journey(db: Database, actor: str, project_id: int, journey: Journey, expected_version: int | None) -> Changes:
    """Store the journey's answers (also mid-way: a consultant may stop and come back)."""
    text = journey.to_json()
    with db.transaction() as session:
        project = rows.load(session, Project, "project", project_id)
        stored = session.exec(select(ProjectJourney).where(ProjectJourney.project_id == project_id)).first()
        values: dict[str, Any] = {"answers": text, "step": str(journey.current), "completed": journey.can_finish}
        if stored is None:
            stored = ProjectJourney(project_id=project_id, **values)
            session.add(stored)
            session.flush()
            audit.record(session, actor, "journey", stored.id or 0, "create", None, values, client_id=project.client_id)
            return Changes("journey", stored.id or 0, "create", project.client_id, tuple(values))
        _, changed = rows.update(session, ProjectJourney, "journey", stored.id or 0,
                                 expected_version if expected_version is not None else stored.version, values, actor)
        return Changes("journey", stored.id or 0, "update" if changed else "none", project.client_id, changed)


@dataclass(frozen=True)
class ApplyResult:
    added: tuple[str, ...]
    removed: tuple[str, ...]  # kept in the database with applies=false
    restored: tuple[str, ...]
    kept: tuple[str, ...]
    changes: Changes


def apply_journey(db: Database, actor: str, project_id: int, packs: PackSet | None = None) -> ApplyResult:
    """Give the project the items its journey's answers call for (run again after any answer changes)."""
    packs = packs or shipped_packs()
    state = get_journey(db, project_id)
    if not state.journey.can_finish:
        raise ValidationError(
            "Finish the journey (through the timeline step) before creating the checklists.",
            "Termine el recorrido (hasta el paso de calendario) antes de crear las listas.", field="journey")
    answers = state.journey.answers()
    wanted = {item.id: item for item in packs.applicable(answers)}
    with db.transaction() as session:
        project = rows.load(session, Project, "project", project_id)
        existing = {r.item_id: r for r in session.exec(
            select(ChecklistItem).where(ChecklistItem.project_id == project_id)).all()}
        _refuse_newer_packs(existing.values(), packs)
        added, removed, restored, kept = [], [], [], []
        for item_id, item in wanted.items():
            row = existing.get(item_id)
            if row is None:
                pack = packs.pack_of(item_id)
                session.add(ChecklistItem(project_id=project_id, client_id=project.client_id, pack_id=pack.id,
                                          pack_version=pack.version, item_id=item_id,
                                          owner_role=str(item.who[0]) if item.who else ""))
                added.append(item_id)
            elif not row.applies:
                row.applies = True
                row.updated_at = utcnow()
                restored.append(item_id)
            else:
                kept.append(item_id)
        for item_id, row in existing.items():
            if item_id not in wanted and row.applies:
                row.applies = False
                row.updated_at = utcnow()
                removed.append(item_id)
        session.flush()
        _reschedule(session, project_id, packs, answers.kickoff)
        summary = {"added": added, "removed": removed, "restored": restored}
        audit.record(session, actor, "project", project_id, "apply_journey", None, summary,
                     client_id=project.client_id)
    changed = ("items",) if added or removed or restored else ()
    return ApplyResult(tuple(added), tuple(removed), tuple(restored), tuple(kept),
                       Changes("project", project_id, "apply_journey" if changed else "none", project.client_id,
                               changed))


def _refuse_newer_packs(existing: Iterable[ChecklistItem], packs: PackSet) -> None:
    for row in existing:
        known = packs.packs_by_id.get(row.pack_id)
        if known is not None and _version_key(row.pack_version) > _version_key(known.version):
            raise PackTooNew(row.pack_id, row.pack_version, known.version)


def _kickoff(session: Session, project_id: int) -> date | None:
    stored = session.exec(select(ProjectJourney).where(ProjectJourney.project_id == project_id)).first()
    return Journey.from_json(stored.answers).answers().kickoff if stored else None


def _reschedule(session: Session, project_id: int, packs: PackSet, kickoff: date | None) -> None:
    """Recompute start/due dates and the critical path of the items that apply (manual dates kept)."""
    items = session.exec(select(ChecklistItem).where(ChecklistItem.project_id == project_id,
                                                     col(ChecklistItem.applies).is_(True))).all()
    if kickoff is None or not items:
        return
    live = [r for r in items if r.status != ItemStatus.NOT_APPLICABLE]
    live_ids = {r.item_id for r in live}
    tasks = []
    for r in live:
        spec = packs.items_by_id.get(r.item_id)
        tasks.append(Task(
            id=r.item_id,
            duration_days=spec.typical_days or None if spec else None,
            depends_on=tuple(d for d in (spec.depends_on if spec else ()) if d in live_ids),
            manual_start=r.manual_start, manual_due=r.manual_due,
            done_on=r.completed_on if r.status == ItemStatus.DONE else None,
        ))
    schedule = compute_schedule(kickoff, tasks)
    for r in live:
        planned = schedule[r.item_id]
        if (r.start_on, r.due_on, r.critical) != (planned.start, planned.due, planned.critical):
            r.start_on, r.due_on, r.critical = planned.start, planned.due, planned.critical
    for r in items:
        if r.status == ItemStatus.NOT_APPLICABLE and (r.due_on or r.critical):
            r.start_on, r.due_on, r.critical = None, None, False


def reschedule(db: Database, project_id: int, packs: PackSet | None = None) -> None:
    packs = packs or shipped_packs()
    with db.transaction() as session:
        _reschedule(session, project_id, packs, _kickoff(session, project_id))


# ---- items ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ItemView:
    """One checklist item of a project, with its pack texts, for the workspace and the CLI."""

    row_id: int
    version: int
    item_id: str
    pack_id: str
    pack_version: str
    phase_id: str
    title: Text
    description: Text
    evidence_expected: Text
    legal_basis: str
    sources: tuple[str, ...]
    to_verify: bool
    verification_note: Text | None
    who: tuple[str, ...]
    depends_on: tuple[str, ...]
    status: str
    status_reason: str
    owner_role: str
    assignee: str
    start_on: date | None
    due_on: date | None
    manual_start: date | None
    manual_due: date | None
    completed_on: date | None
    critical: bool
    notes: str
    evidence_count: int
    flag: str  # done | overdue | due_soon | on_track (core.schedule.status_on)


def _text(bilingual: Any) -> Text:
    return Text(bilingual.en, bilingual.es)


def project_items(db: Database, project_id: int, packs: PackSet | None = None, today: date | None = None,
                  *, include_not_applying: bool = False) -> list[ItemView]:
    """The project's items in phase, pack and item order."""
    packs = packs or shipped_packs()
    today = today or date.today()
    order = {item.id: n for n, item in enumerate(packs.items)}
    with db.read() as conn:
        query = (
            sa_select(ChecklistItem.__table__, func.count(col(Evidence.id)).label("evidence_count"))  # type: ignore[attr-defined]
            .outerjoin(Evidence, (col(Evidence.checklist_item_id) == ChecklistItem.id)
                       & (col(Evidence.removed).is_(False)))
            .where(col(ChecklistItem.project_id) == project_id)
            .group_by(col(ChecklistItem.id))
        )
        if not include_not_applying:
            query = query.where(col(ChecklistItem.applies).is_(True))
        found = conn.execute(query).all()
    views = []
    for r in found:  # plain rows (attribute access by column name): no ORM objects on this hot path
        spec = packs.items_by_id.get(r.item_id)
        if spec is None:  # an item of an older pack that this version no longer ships
            continue
        views.append(_view(r, spec, packs, r.evidence_count, today))
    views.sort(key=lambda v: order.get(v.item_id, len(order)))
    return views


def _view(r: Any, spec: PackItem, packs: PackSet, evidence_count: int, today: date) -> ItemView:
    done_on = r.completed_on if r.status in (ItemStatus.DONE, ItemStatus.NOT_APPLICABLE) else None
    flag = "done" if r.status in (ItemStatus.DONE, ItemStatus.NOT_APPLICABLE) else status_on(today, r.due_on, done_on)
    return ItemView(
        row_id=r.id, version=r.version, item_id=r.item_id, pack_id=r.pack_id, pack_version=r.pack_version,
        phase_id=packs.phase_of(r.item_id).id, title=_text(spec.title), description=_text(spec.description),
        evidence_expected=_text(spec.evidence), legal_basis=spec.legal_basis, sources=tuple(spec.sources),
        to_verify=spec.to_verify, verification_note=_text(spec.verification_note) if spec.verification_note else None,
        who=tuple(str(w) for w in spec.who), depends_on=tuple(spec.depends_on), status=r.status,
        status_reason=r.status_reason, owner_role=r.owner_role, assignee=r.assignee, start_on=r.start_on,
        due_on=r.due_on, manual_start=r.manual_start, manual_due=r.manual_due, completed_on=r.completed_on,
        critical=r.critical, notes=r.notes, evidence_count=evidence_count, flag=flag,
    )


def find_item(db: Database, project_id: int, item_id: str) -> int:
    """The row id of a project's item from its pack id (e.g. "immex.annual_report")."""
    with db.read() as conn:
        found = conn.execute(sa_select(col(ChecklistItem.id)).where(
            col(ChecklistItem.project_id) == project_id, col(ChecklistItem.item_id) == item_id.strip())).scalar()
    if found is None:
        raise UnknownItem(item_id)
    return found


def _load_item(session: Session, row_id: int, expected_version: int | None) -> ChecklistItem:
    row = rows.load(session, ChecklistItem, "checklist_item", row_id)
    if expected_version is not None and row.version != expected_version:
        from shelter_app.services.errors import EditConflict

        raise EditConflict("checklist_item", row_id, {}, rows.snapshot(row, ["status", "notes", "due_on"]),
                           row.version, audit.last_actor(session, "checklist_item", row_id))
    return row


def set_status(db: Database, actor: str, row_id: int, status: ItemStatus | str, reason: str = "",
               *, expected_version: int | None = None, packs: PackSet | None = None,
               today: date | None = None, reschedule_after: bool = True) -> Changes:
    """Change an item's status; prerequisites not done need a reason (and are named in a warning).

    `reschedule_after=False` is for batches (the demo) that reschedule once at the end."""
    packs = packs or shipped_packs()
    new = ItemStatus(status)
    with db.transaction() as session:
        row = _load_item(session, row_id, None)
        spec = packs.items_by_id.get(row.item_id)
        deps = tuple(spec.depends_on) if spec else ()
        statuses = {r.item_id: ItemStatus(r.status) for r in session.exec(
            select(ChecklistItem).where(ChecklistItem.project_id == row.project_id,
                                        col(ChecklistItem.item_id).in_(deps),
                                        col(ChecklistItem.applies).is_(True))).all()}
        check = check_transition(new, reason, deps, statuses)
        values: dict[str, Any] = {"status": str(new), "status_reason": reason.strip()}
        if new is ItemStatus.DONE and row.completed_on is None:
            values["completed_on"] = today or date.today()
        elif new is not ItemStatus.DONE:
            values["completed_on"] = None
        _, changed = rows.update(session, ChecklistItem, "checklist_item", row_id,
                                 expected_version if expected_version is not None else row.version, values, actor)
        if changed and reschedule_after:
            _reschedule(session, row.project_id, packs, _kickoff(session, row.project_id))
    warnings: tuple[IdentifierWarning, ...] = ()
    if check.open_prerequisites:
        names = ", ".join(check.open_prerequisites)
        warnings = (IdentifierWarning("open_prerequisites", f"Prerequisites still open: {names}.",
                                      f"Requisitos previos aún abiertos: {names}."),)
    return Changes("checklist_item", row_id, "update" if changed else "none", row.client_id, changed, warnings)


def _simple_update(db: Database, actor: str, row_id: int, values: dict[str, Any], expected_version: int | None,
                   *, reschedule_after: bool = False, packs: PackSet | None = None) -> Changes:
    with db.transaction() as session:
        row = _load_item(session, row_id, None)
        _, changed = rows.update(session, ChecklistItem, "checklist_item", row_id,
                                 expected_version if expected_version is not None else row.version, values, actor)
        if changed and reschedule_after:
            _reschedule(session, row.project_id, packs or shipped_packs(), _kickoff(session, row.project_id))
    return Changes("checklist_item", row_id, "update" if changed else "none", row.client_id, changed)


MAX_NOTES = 20_000


def _check_notes(notes: str) -> None:
    if len(notes) > MAX_NOTES:
        raise ValidationError("The notes are too long (at most 20,000 characters).",
                              "Las notas son demasiado largas (máximo 20,000 caracteres).", field="notes")


def set_notes(db: Database, actor: str, row_id: int, notes: str, *, expected_version: int | None = None) -> Changes:
    """Replace the item's notes."""
    _check_notes(notes)
    return _simple_update(db, actor, row_id, {"notes": notes}, expected_version)


def add_note(db: Database, actor: str, row_id: int, note: str) -> Changes:
    """Add `note` after the item's notes (a blank line between), read and written in one transaction so a
    colleague's note saved at the same time is kept, not overwritten."""
    text = note.strip()
    if not text:
        raise ValidationError("The note is empty.", "La nota está vacía.", field="notes")
    with db.transaction() as session:
        row = _load_item(session, row_id, None)
        notes = f"{row.notes.rstrip()}\n\n{text}" if row.notes.strip() else text
        _check_notes(notes)
        _, changed = rows.update(session, ChecklistItem, "checklist_item", row_id, row.version, {"notes": notes},
                                 actor)
    return Changes("checklist_item", row_id, "update" if changed else "none", row.client_id, changed)


def assign(db: Database, actor: str, row_id: int, assignee: str, owner_role: str | None = None,
           *, expected_version: int | None = None) -> Changes:
    values: dict[str, Any] = {"assignee": assignee.strip()[:200]}
    if owner_role is not None:
        values["owner_role"] = owner_role
    return _simple_update(db, actor, row_id, values, expected_version)


def set_manual_dates(db: Database, actor: str, row_id: int, manual_start: date | None, manual_due: date | None,
                     *, expected_version: int | None = None, packs: PackSet | None = None) -> Changes:
    """Override the computed dates (None gives the date back to the schedule); dependents move with them."""
    if manual_start and manual_due and manual_due < manual_start:
        raise ValidationError("The due date is before the start date.",
                              "La fecha de vencimiento es anterior a la de inicio.", field="manual_due")
    return _simple_update(db, actor, row_id, {"manual_start": manual_start, "manual_due": manual_due},
                          expected_version, reschedule_after=True, packs=packs)


# ---- portfolio-wide -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ClientProgress:
    client_id: int
    items: int
    closed: int
    next_due: date | None

    @property
    def percent(self) -> int:
        return round(100 * self.closed / self.items) if self.items else 0


def client_progress(db: Database, client_ids: Sequence[int]) -> dict[int, ClientProgress]:
    """Checklist progress and the next open due date per client (the portfolio columns)."""
    if not client_ids:
        return {}
    is_closed = col(ChecklistItem.status).in_(CLOSED)
    closed = func.sum(case((is_closed, 1), else_=0))
    next_due = func.min(case((is_closed, None), else_=col(ChecklistItem.due_on)))  # open items only
    columns: list[Any] = [ChecklistItem.client_id, func.count(), closed, next_due]
    query = (
        sa_select(*columns)
        .where(col(ChecklistItem.client_id).in_(client_ids), col(ChecklistItem.applies).is_(True))
        .group_by(col(ChecklistItem.client_id))
    )
    with db.read() as conn:
        return {cid: ClientProgress(cid, n, int(c or 0), d) for cid, n, c, d in conn.execute(query).all()}


@dataclass(frozen=True)
class OverdueItem:
    row_id: int
    client_id: int
    client_name: str
    project_id: int
    item_id: str
    due_on: date


def overdue_items(db: Database, today: date | None = None, limit: int = 500) -> list[OverdueItem]:
    """Open items past their due date across the portfolio (archived clients left out), oldest first."""
    today = today or date.today()
    archived = sa_select(col(Client.id)).where(col(Client.archived).is_(True))
    columns: list[Any] = [ChecklistItem.id, ChecklistItem.client_id, ChecklistItem.project_id,
                          ChecklistItem.item_id, ChecklistItem.due_on]
    # One table, the partial index's own condition written literally, ordered by its key: the planner
    # walks ix_checklist_item_open_due in due-date order and stops after `limit` rows. (A join with
    # the clients made SQLite start from the clients and sort every open item.)
    query = (
        sa_select(*columns)
        .where(text(OPEN_ITEM_CONDITION), col(ChecklistItem.due_on) < today,
               col(ChecklistItem.client_id).not_in(archived))
        .order_by(col(ChecklistItem.due_on), col(ChecklistItem.id))
        .limit(limit)
    )
    with db.read() as conn:
        found = conn.execute(query).all()
        names = dict(conn.execute(sa_select(col(Client.id), col(Client.legal_name)).where(
            col(Client.id).in_({r[1] for r in found}))).all()) if found else {}
    return [OverdueItem(row_id, client_id, names.get(client_id, ""), project_id, item_id, due)
            for row_id, client_id, project_id, item_id, due in found]


# ---- report ---------------------------------------------------------------------------------------------

def build_report(db: Database, project_id: int, prepared_by: str = "", packs: PackSet | None = None,
                 today: date | None = None) -> ChecklistReport:
    """The project's checklist status as plain data for the PDF, XLSX and evidence-pack exports; `prepared_by` is
    the consultant's name as documents print it (`projects.prepared_by`), never a login."""
    packs = packs or shipped_packs()
    today = today or date.today()
    items = project_items(db, project_id, packs, today)
    with db.transaction() as session:
        project = rows.load(session, Project, "project", project_id)
        client = rows.load(session, Client, "client", project.client_id)
        stored = session.exec(select(ProjectJourney).where(ProjectJourney.project_id == project_id)).first()
        answers = Journey.from_json(stored.answers).answers() if stored else None
        files: dict[int, list[ReportEvidence]] = {}
        for e in session.exec(select(Evidence).where(col(Evidence.checklist_item_id).in_([i.row_id for i in items]),
                                                     col(Evidence.removed).is_(False))
                              .order_by(col(Evidence.id))).all():
            files.setdefault(e.checklist_item_id, []).append(
                ReportEvidence(e.file_name, e.size_bytes, e.sha256, e.added_by, e.added_at))
    checklists = []
    for pack in packs.packs:
        pack_items = [i for i in items if i.pack_id == pack.id]
        if not pack_items:
            continue
        phase = packs.phases_by_id[pack.phase]
        checklists.append(ReportChecklist(
            pack.id, pack_items[0].pack_version, pack.facts_as_of, _text(pack.title), _text(phase.title),
            tuple(ReportItem(
                i.item_id, i.title, i.status, i.status_reason, i.owner_role, i.assignee, i.start_on, i.due_on,
                i.completed_on, i.critical, i.flag == "overdue", i.to_verify, i.verification_note, i.legal_basis,
                i.sources, i.notes, tuple(files.get(i.row_id, ()))) for i in pack_items)))
    finish = max((i.due_on for i in items if i.due_on), default=None)
    return ChecklistReport(
        client_name=client.legal_name, client_rfc=client.rfc, project_title=project.title,
        operating_model=str(answers.path) if answers and answers.path else project.operating_model,
        kickoff=answers.kickoff if answers else None, finish=finish, generated_on=today,
        generated_by=prepared_by or project.consultant,
        app_version=__version__, checklists=tuple(checklists))


# ---- newer pack versions --------------------------------------------------------------------------------

@dataclass(frozen=True)
class PackUpdate:
    """What a newer version of a pack would change in a project, before the consultant applies it."""

    pack_id: str
    from_version: str
    to_version: str
    new_items: tuple[str, ...]  # items of the new version that apply to the project and it lacks
    dropped_items: tuple[str, ...]  # items the project has that the new version no longer ships


def pack_updates(db: Database, project_id: int, packs: PackSet | None = None) -> list[PackUpdate]:
    """Packs whose version in force is newer than the one the project's items came from."""
    packs = packs or shipped_packs()
    state = get_journey(db, project_id)
    wanted = {i.id for i in packs.applicable(state.journey.answers())} if state.journey.can_finish else set()
    with db.transaction() as session:
        found = session.exec(select(ChecklistItem).where(ChecklistItem.project_id == project_id)).all()
    by_pack: dict[str, list[ChecklistItem]] = {}
    for row in found:
        by_pack.setdefault(row.pack_id, []).append(row)
    updates = []
    for pack_id, pack_rows in by_pack.items():
        pack = packs.packs_by_id.get(pack_id)
        oldest = min((r.pack_version for r in pack_rows), key=_version_key)
        if pack is None or _version_key(oldest) >= _version_key(pack.version):
            continue
        have = {r.item_id for r in pack_rows}
        shipped = {i.id for i in pack.items}
        updates.append(PackUpdate(pack_id, oldest, pack.version,
                                  tuple(i.id for i in pack.items if i.id in wanted and i.id not in have),
                                  tuple(sorted(have - shipped))))
    return updates


def apply_pack_updates(db: Database, actor: str, project_id: int, packs: PackSet | None = None) -> list[PackUpdate]:
    """Move the project's items to the packs in force: record the new versions, add the new items that
    apply, and set aside (applies=false, nothing deleted) the items the new versions dropped."""
    packs = packs or shipped_packs()
    updates = pack_updates(db, project_id, packs)
    if not updates:
        return []
    with db.transaction() as session:
        project = rows.load(session, Project, "project", project_id)
        for update in updates:
            for row in session.exec(select(ChecklistItem).where(ChecklistItem.project_id == project_id,
                                                                ChecklistItem.pack_id == update.pack_id)).all():
                row.pack_version = update.to_version
                if row.item_id in update.dropped_items and row.applies:
                    row.applies = False
                row.updated_at = utcnow()
        audit.record(session, actor, "project", project_id, "pack_update",
                     {u.pack_id: u.from_version for u in updates}, {u.pack_id: u.to_version for u in updates},
                     client_id=project.client_id)
    if any(u.new_items for u in updates) and get_journey(db, project_id).journey.can_finish:
        apply_journey(db, actor, project_id, packs)
    else:
        reschedule(db, project_id, packs)
    return updates

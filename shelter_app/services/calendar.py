"""A project's compliance calendar: its recurring obligations as dated reminders, and the `.ics` export.

The obligations are the project's applicable items whose pack entry recurs (`recurring:`),
less those marked not applicable; the clocks start at the items' completion dates, and the
journey's flags pick the month of a yearly deadline (PROSEC moves the IMMEX report to April).
`core.compliance` does the dating.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from shelter_app.content.checklists import ChecklistItem as PackItem
from shelter_app.content.checklists import PackSet, Recurrence
from shelter_app.core.bilingual import Text
from shelter_app.core.checklist import ItemStatus
from shelter_app.core.compliance import Obligation, Reminder, Rule, Undated, UndatedKind, reminders, undated
from shelter_app.l10n import document_date
from shelter_app.reports import language_of
from shelter_app.services import rows
from shelter_app.services.checklists import get_journey, project_items, shipped_packs
from shelter_app.storage.db import Database
from shelter_app.storage.models import Client, Project


@dataclass(frozen=True)
class CalendarResult:
    dated: list[Reminder]
    """Sorted by date: what the `.ics` export holds."""
    pending: list[Undated]
    """Clocks not started: dated once the grant (or the item itself) is marked done."""
    standing: list[Undated]
    """Due on each event or at all times: no date to compute."""


def _text(bilingual: Text) -> Text:
    return Text(bilingual.en, bilingual.es)


def _obligation(spec: PackItem, recurrence: Recurrence, packs: PackSet) -> Obligation:
    """The calendar's view of a pack item that recurs (`recurrence` is its `recurring`)."""
    flag_month = recurrence.month_with_flag
    anchor = packs.items_by_id.get(recurrence.anchor) if recurrence.anchor else None
    return Obligation(
        item_id=spec.id, title=_text(spec.title), rule=Rule(recurrence.rule.value), month=recurrence.month,
        day=recurrence.day, days=recurrence.days, years=recurrence.years, business_days=recurrence.business_days,
        month_with_flag_month=flag_month.month if flag_month else None,
        month_with_flag_flag=flag_month.flag.value if flag_month else None,
        anchor=recurrence.anchor, anchor_title=_text(anchor.title) if anchor else None,
        note=_text(recurrence.note), legal_basis=spec.legal_basis,
    )


def _project_label(db: Database, project_id: int) -> str:
    """The project as calendar events name it: "Planta Juárez (Arneses de Juárez)"."""
    with db.transaction() as session:
        project = rows.load(session, Project, "project", project_id)
        client = rows.load(session, Client, "client", project.client_id)
        return f"{project.title} ({client.trade_name or client.legal_name})"


def project_reminders(db: Database, project_id: int, packs: PackSet | None = None, today: date | None = None,
                      horizon_years: int = 3) -> CalendarResult:
    """The project's reminders from `today` to `horizon_years` ahead, and what cannot be dated yet."""
    packs = packs or shipped_packs()
    today = today or date.today()
    label = _project_label(db, project_id)  # first: an unknown project is refused by name
    flags = get_journey(db, project_id).journey.answers().flags
    items = project_items(db, project_id, packs, today)
    completions = {i.item_id: i.completed_on for i in items
                   if i.status == ItemStatus.DONE and i.completed_on is not None}
    obligations = []
    for item in items:
        spec = packs.items_by_id[item.item_id]  # project_items keeps only the items the packs know
        if spec.recurring is not None and item.status != ItemStatus.NOT_APPLICABLE:
            obligations.append(_obligation(spec, spec.recurring, packs))
    dated = reminders(obligations, completions, flags, today, horizon_years,
                      project=label, uid_scope=f"project-{project_id}", show_date=document_date)
    rest = undated(obligations, completions)
    return CalendarResult(dated, [u for u in rest if u.kind is UndatedKind.PENDING_GRANT],
                          [u for u in rest if u.kind is not UndatedKind.PENDING_GRANT])


def export_ics(db: Database, project_id: int, path: Path, language: str, packs: PackSet | None = None,
               today: date | None = None, horizon_years: int = 3) -> CalendarResult:
    """Write the project's dated reminders to an `.ics` file (whole or not at all); returns what was computed,
    so the caller can say how many reminders were written and what is still undated."""
    from shelter_app.reports.ics import write_ics  # icalendar loads only when a calendar is exported

    language_of(language)  # a wrong language fails before any work
    result = project_reminders(db, project_id, packs, today, horizon_years)
    write_ics(result.dated, language, path)
    return result

"""The checklist status of one project as plain data, for the PDF, XLSX and evidence-pack exports.

Services build it from the database and the packs; `reports/` renders it. Every text carries
both languages so a renderer can print the one its reader reads. The ids (`item_id`, `pack_id`,
`pack_version`) are for the machine exports (the evidence pack); a client's document shows titles.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from shelter_app.core.bilingual import Text


@dataclass(frozen=True)
class ReportEvidence:
    file_name: str
    size_bytes: int
    sha256: str
    added_by: str
    added_at: datetime


@dataclass(frozen=True)
class ReportItem:
    item_id: str
    title: Text
    status: str  # core.checklist.ItemStatus value
    status_reason: str
    owner_role: str  # core.checklist.OwnerRole value, or "" when unknown
    assignee: str
    start_on: date | None
    due_on: date | None
    completed_on: date | None
    critical: bool
    overdue: bool
    to_verify: bool
    verification_note: Text | None
    legal_basis: str
    sources: tuple[str, ...]
    notes: str
    evidence: tuple[ReportEvidence, ...]


@dataclass(frozen=True)
class ReportChecklist:
    pack_id: str
    pack_version: str
    facts_as_of: date
    title: Text
    phase: Text
    items: tuple[ReportItem, ...]

    @property
    def done(self) -> int:
        return sum(1 for i in self.items if i.status in ("done", "not_applicable"))


@dataclass(frozen=True)
class ChecklistReport:
    client_name: str
    client_rfc: str | None
    project_title: str
    operating_model: str  # core.answers.Path value
    kickoff: date | None
    finish: date | None
    generated_on: date
    generated_by: str
    """The consultant who prepared the report, as documents name them (`services.projects.prepared_by`: the
    project's consultant, else the Settings' name; never the computer's login); empty when unknown."""
    app_version: str
    checklists: tuple[ReportChecklist, ...]

    @property
    def items(self) -> tuple[ReportItem, ...]:
        return tuple(i for c in self.checklists for i in c.items)

    @property
    def progress(self) -> float:
        """Share of items closed (done or not applicable), 0..1; 0 for an empty report."""
        items = self.items
        return sum(1 for i in items if i.status in ("done", "not_applicable")) / len(items) if items else 0.0

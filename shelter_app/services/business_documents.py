"""Business-case PDFs kept with the project: exactly what the client was given, found again and checked.

`generate_pdf` builds the report, writes the PDF to the chosen file (beside it first, then renamed),
copies it into `<data>/documents/ab/abcdef…` under its SHA-256 (as evidence files are kept) and
records a `BusinessDocument` row and its AuditEvent in one transaction. A cancelled run (the GUI's
Cancel button, `cancel()` returning true) stops before anything is kept: no file at the target, no
stored copy, no row.

Progress protocol for a GUI: `progress(fraction, text)` with `fraction` rising from 0.0 to 1.0 and a
short text in the report's language; `cancel()` is polled between sections and after each laid-out
flowable, and a true answer raises `DocumentCancelled` (a `UserError`) from `generate_pdf`.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlmodel import col, select

from shelter_app.core.business_report import DocumentCancelled
from shelter_app.core.errors import UserError
from shelter_app.services import audit, rows
from shelter_app.services.business_report import build_business_report
from shelter_app.services.filestore import hash_file, stored_path, verified_copy
from shelter_app.storage.db import Database
from shelter_app.storage.models import BusinessDocument, Project

Progress = Callable[[float, str], None]
Cancel = Callable[[], bool]


class StoredDocumentProblem(UserError):
    """The kept copy of a business-case PDF is missing or no longer matches its hash."""


@dataclass(frozen=True)
class DocumentView:
    id: int
    project_id: int
    client_id: int
    file_name: str
    scenarios: tuple[str, ...]
    language: str
    paper: str
    size_bytes: int
    sha256: str
    created_by: str
    created_at: datetime


def _view(row: BusinessDocument) -> DocumentView:
    assert row.id is not None
    names = json.loads(row.scenarios or "[]")
    return DocumentView(row.id, row.project_id, row.client_id, row.file_name, tuple(str(n) for n in names),
                        row.language, row.paper, row.size_bytes, row.sha256, row.created_by, row.created_at)


def _keep(source: Path, documents_dir: Path, sha: str) -> bool:
    """Copy `source` into the store under its hash; True when this call created the stored copy."""
    target = stored_path(documents_dir, sha)
    if target.is_file():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    incoming = target.with_name(f".incoming-{secrets.token_hex(6)}")
    try:
        shutil.copyfile(source, incoming)
        with incoming.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(incoming, target)
    finally:
        incoming.unlink(missing_ok=True)
    return True


def generate_pdf(db: Database, actor: str, project_id: int, target: Path, *, scenario_ids: Sequence[int] | None,
                 language: str, paper: str, documents_dir: Path, today: date | None = None,
                 cancel: Cancel | None = None, progress: Progress | None = None,
                 provider_name: str = "", prepared_by: str = "") -> DocumentView:
    """Write the project's business case to `target` and keep a verified copy with the project.

    `scenario_ids` in the order to compare (None: every scenario of the project); `prepared_by` is the
    consultant's name as the cover prints it (`projects.prepared_by`; `actor` is only the audit trail's).
    Raises `DocumentCancelled` when `cancel()` turns true.
    """
    from shelter_app.reports import language_of
    from shelter_app.reports.business_case import write_business_case_pdf

    lang = language_of(language)
    if paper not in ("letter", "a4"):
        raise ValueError(f"unsupported paper {paper!r}")

    def check() -> None:
        if cancel is not None and cancel():
            raise DocumentCancelled()

    def report_progress(fraction: float, text: str) -> None:
        if progress is not None:
            progress(fraction, text)

    report_progress(0.0, "Reading the project" if lang == "en" else "Leyendo el proyecto")
    report = build_business_report(db, project_id, scenario_ids, language=lang, today=today,
                                   provider_name=provider_name, prepared_by=prepared_by)
    check()
    target = Path(target).expanduser().resolve()
    # the PDF goes to a temp file beside the target, is kept and recorded, and only then takes the target's name
    staging = target.with_name(f".{target.name}.{secrets.token_hex(6)}.building")
    created_copy = False
    sha = ""
    try:
        write_business_case_pdf(report, staging, language=lang, paper=paper,  # type: ignore[arg-type]
                                progress=lambda f, text: report_progress(0.05 + f * 0.85, text), cancel=cancel)
        check()
        sha, size = hash_file(staging)
        report_progress(0.93, "Keeping a copy with the project" if lang == "en" else
                        "Guardando una copia con el proyecto")
        created_copy = _keep(staging, documents_dir, sha)
        names = [s.name for s in report.scenarios]
        with db.transaction() as session:
            project = rows.load(session, Project, "project", project_id)
            row = BusinessDocument(project_id=project_id, client_id=project.client_id, file_name=target.name[:255],
                                   scenarios=json.dumps(names, ensure_ascii=False), language=lang, paper=paper,
                                   size_bytes=size, sha256=sha, created_by=actor[:200])
            session.add(row)
            session.flush()
            assert row.id is not None
            audit.record(session, actor, "business_document", row.id, "create", None,
                         {"file_name": row.file_name, "scenarios": names, "language": lang, "paper": paper,
                          "size_bytes": size, "sha256": sha}, client_id=project.client_id)
            os.replace(staging, target)
            view = _view(row)
    except BaseException:
        if created_copy:
            stored_path(documents_dir, sha).unlink(missing_ok=True)
        raise
    finally:
        staging.unlink(missing_ok=True)
    report_progress(1.0, "Done" if lang == "en" else "Listo")
    return view


def list_documents(db: Database, project_id: int) -> list[DocumentView]:
    """The project's generated documents, newest first."""
    with db.transaction() as session:
        rows.load(session, Project, "project", project_id)
        found = session.exec(select(BusinessDocument).where(BusinessDocument.project_id == project_id)
                             .order_by(col(BusinessDocument.created_at).desc(), col(BusinessDocument.id).desc())).all()
        return [_view(r) for r in found]


def verify(documents_dir: Path, view: DocumentView) -> Path:
    """The kept copy, after checking it still has the hash and size it was recorded with."""
    return verified_copy(documents_dir, view.sha256, view.size_bytes, view.file_name, StoredDocumentProblem)

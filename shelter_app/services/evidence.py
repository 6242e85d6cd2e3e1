"""Evidence files for checklist items: stored once under their SHA-256, verified on the way out.

The file is copied into `<data>/evidence/ab/abcdef…` (content-addressed: the same document
attached twice is stored once); the row keeps the original name, size, hash and who/when. A
file that is missing, unreadable or not a regular file is refused with a plain message; a very
large one is accepted with a warning.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlmodel import col, select

from shelter_app.core.errors import UserError
from shelter_app.core.identifiers import IdentifierWarning
from shelter_app.services import audit, rows
from shelter_app.services.changes import Changes
from shelter_app.services.filestore import CHUNK, stored_path, verified_copy
from shelter_app.storage.db import Database
from shelter_app.storage.models import ChecklistItem, Evidence
from shelter_app.storage.types import utcnow

LARGE_FILE_BYTES = 200 * 1024 * 1024


class EvidenceFileProblem(UserError):
    """The file to attach (or to export) cannot be used; the message says why."""


def _check_readable(source: Path) -> None:
    if not source.exists():
        raise EvidenceFileProblem(f"The file {source} does not exist (moved or renamed?).",
                                  f"El archivo {source} no existe (¿se movió o cambió de nombre?).", field="file")
    if not source.is_file():
        raise EvidenceFileProblem(f"{source} is not a file.", f"{source} no es un archivo.", field="file")
    if not os.access(source, os.R_OK):
        raise EvidenceFileProblem(f"The file {source} cannot be read (permission denied).",
                                  f"No se puede leer el archivo {source} (permiso denegado).", field="file")


def _copy_into_store(source: Path, evidence_dir: Path) -> tuple[str, int]:
    """Copy to a temp file in the store while hashing, then move it to its hash name."""
    evidence_dir.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    fd, tmp_name = tempfile.mkstemp(dir=evidence_dir, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        sha = digest.hexdigest()
        target = stored_path(evidence_dir, sha)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            os.unlink(tmp_name)
        else:
            os.replace(tmp_name, target)
        return sha, size
    except OSError as exc:
        Path(tmp_name).unlink(missing_ok=True)
        if isinstance(exc, PermissionError) or exc.errno in (13,):
            raise EvidenceFileProblem(f"The file {source} cannot be read (permission denied).",
                                      f"No se puede leer el archivo {source} (permiso denegado).",
                                      field="file") from exc
        raise EvidenceFileProblem(f"Copying {source.name} failed: {exc.strerror or exc}. Nothing was attached.",
                                  f"Falló la copia de {source.name}: {exc.strerror or exc}. No se adjuntó nada.",
                                  field="file") from exc


@dataclass(frozen=True)
class EvidenceView:
    id: int
    file_name: str
    size_bytes: int
    sha256: str
    added_by: str
    added_at: datetime


def attach(db: Database, actor: str, item_row_id: int, source: Path, evidence_dir: Path) -> Changes:
    """Attach `source` to a checklist item: copy, hash, record, audit — all or nothing."""
    _check_readable(source)
    warnings: tuple[IdentifierWarning, ...] = ()
    size_now = source.stat().st_size
    if size_now > LARGE_FILE_BYTES:
        mib = size_now // (1024 * 1024)
        warnings = (IdentifierWarning("large_file", f"{source.name} is large ({mib} MiB): exports will be slow.",
                                      f"{source.name} es grande ({mib} MiB): las exportaciones serán lentas."),)
    sha, size = _copy_into_store(source, evidence_dir)
    with db.transaction() as session:
        item = rows.load(session, ChecklistItem, "checklist_item", item_row_id)
        row = Evidence(checklist_item_id=item_row_id, file_name=source.name[:255], size_bytes=size, sha256=sha,
                       added_by=actor, added_at=utcnow())
        session.add(row)
        session.flush()
        assert row.id is not None
        audit.record(session, actor, "checklist_item", item_row_id, "attach", None,
                     {"file_name": row.file_name, "size_bytes": size, "sha256": sha}, client_id=item.client_id)
        return Changes("checklist_item", item_row_id, "attach", item.client_id, ("evidence",), warnings)


def detach(db: Database, actor: str, evidence_id: int) -> Changes:
    """Remove an attachment from its item (the stored file stays: other items or history may use it)."""
    with db.transaction() as session:
        row = rows.load(session, Evidence, "evidence", evidence_id)
        item = rows.load(session, ChecklistItem, "checklist_item", row.checklist_item_id)
        row.removed = True
        audit.record(session, actor, "checklist_item", item.id or 0, "detach",
                     {"file_name": row.file_name, "sha256": row.sha256}, None, client_id=item.client_id)
        return Changes("checklist_item", item.id or 0, "detach", item.client_id, ("evidence",))


def list_evidence(db: Database, item_row_id: int) -> list[EvidenceView]:
    with db.transaction() as session:
        found = session.exec(
            select(Evidence).where(Evidence.checklist_item_id == item_row_id, Evidence.removed == False)  # noqa: E712
            .order_by(col(Evidence.added_at), col(Evidence.id))
        ).all()
        return [EvidenceView(e.id or 0, e.file_name, e.size_bytes, e.sha256, e.added_by, e.added_at) for e in found]


def verified_file(evidence_dir: Path, view: EvidenceView) -> Path:
    """The stored file, after checking it still has the hash it was recorded with."""
    return verified_copy(evidence_dir, view.sha256, view.size_bytes, view.file_name, EvidenceFileProblem)


def export_copy(evidence_dir: Path, view: EvidenceView, target: Path) -> Path:
    """Copy a verified attachment out under its original name (for the evidence pack or the viewer)."""
    source = verified_file(evidence_dir, view)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target

"""Evidence files for checklist items: stored once under their SHA-256, verified on the way out.

The file is copied into `<data>/evidence/ab/abcdef…` (content-addressed: the same document
attached twice is stored once); the row keeps the name, size, hash and who/when. Only a regular
file is taken, opened without following a link (services.filestore.open_regular): a link, a
named pipe, a device, a socket or a folder is refused with a plain message, and so is a file over
the size limit (the `attachment_limit_mb` setting). The name is kept cleaned of control and
bidirectional characters (core.filenames), so an ".exe" cannot pass for a ".jpg". A dropped
folder is walked without following links; what cannot be attached is reported, the rest attached.
"""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlmodel import col, select

from shelter_app.core.errors import UserError
from shelter_app.core.filenames import clean_file_name
from shelter_app.core.identifiers import IdentifierWarning
from shelter_app.services import audit, rows
from shelter_app.services.changes import Changes
from shelter_app.services.filestore import (
    DEFAULT_MAX_BYTES,
    KeptFile,
    Skipped,
    files_in_folder,
    keep_file,
    shown_name,
    size_text,
    stored_path,  # noqa: F401 (callers find the kept copy through this module)
    verified_copy,
)
from shelter_app.storage.db import Database
from shelter_app.storage.models import ChecklistItem, Evidence
from shelter_app.storage.types import utcnow

LARGE_FILE_BYTES = 200 * 1024 * 1024


class EvidenceFileProblem(UserError):
    """The file to attach (or to export) cannot be used; the message says why."""


@dataclass(frozen=True)
class EvidenceView:
    id: int
    file_name: str
    size_bytes: int
    sha256: str
    added_by: str
    added_at: datetime


def attach(db: Database, actor: str, item_row_id: int, source: Path, evidence_dir: Path,
           max_bytes: int = DEFAULT_MAX_BYTES) -> Changes:
    """Attach the regular file `source` to a checklist item: copy, hash, record, audit — all or nothing."""
    kept = keep_file(source, evidence_dir, max_bytes, EvidenceFileProblem)
    return _record(db, actor, item_row_id, [kept], ())


def attach_files(db: Database, actor: str, item_row_id: int, sources: Iterable[Path], evidence_dir: Path,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Changes:
    """Attach several files (a chosen folder is walked, links inside it never followed): the good ones are
    attached in one transaction, each refused one is left out and named in the warnings with why. When none
    can be attached, EvidenceFileProblem lists them all and nothing is recorded. A refused file leaves
    nothing in the store."""
    kept: list[KeptFile] = []
    refused: list[tuple[str, str]] = []
    for source in sources:
        try:
            mode: int | None = os.lstat(source).st_mode
        except OSError:
            mode = None  # keep_file says why
        if mode is not None and stat.S_ISDIR(mode):
            files, skipped = files_in_folder(source)
            refused += [_skipped_message(s) for s in skipped]
        else:
            files = [source]
        for path in files:
            try:
                kept.append(keep_file(path, evidence_dir, max_bytes, EvidenceFileProblem))
            except EvidenceFileProblem as problem:
                refused.append((problem.en, problem.es))
    if not kept:
        if not refused:
            raise EvidenceFileProblem("There was no file to attach.", "No había ningún archivo que adjuntar.",
                                      field="file")
        raise EvidenceFileProblem(" ".join(en for en, _ in refused) + " Nothing was attached.",
                                  " ".join(es for _, es in refused) + " No se adjuntó nada.", field="file")
    return _record(db, actor, item_row_id, kept, tuple(refused))


def _skipped_message(skipped: Skipped) -> tuple[str, str]:
    name = shown_name(skipped.path)
    return f"“{name}” was skipped: {skipped.en}.", f"Se omitió «{name}»: {skipped.es}."


def _record(db: Database, actor: str, item_row_id: int, kept: list[KeptFile],
            refused: tuple[tuple[str, str], ...]) -> Changes:
    warnings: list[IdentifierWarning] = []
    for file in kept:
        if file.size > LARGE_FILE_BYTES:
            warnings.append(IdentifierWarning(
                "large_file", f"{file.name} is large ({size_text(file.size)}): exports will be slow.",
                f"{file.name} es grande ({size_text(file.size)}): las exportaciones serán lentas."))
    if refused:
        count = len(kept)
        en_done = "1 file was attached" if count == 1 else f"{count} files were attached"
        es_done = "Se adjuntó 1 archivo" if count == 1 else f"Se adjuntaron {count} archivos"
        warnings.append(IdentifierWarning(
            "files_refused", f"{en_done}; not attached: " + " ".join(en for en, _ in refused),
            f"{es_done}; no se adjuntaron: " + " ".join(es for _, es in refused)))
    with db.transaction() as session:
        item = rows.load(session, ChecklistItem, "checklist_item", item_row_id)
        for file in kept:
            row = Evidence(checklist_item_id=item_row_id, file_name=file.name, size_bytes=file.size,
                           sha256=file.sha256, added_by=actor, added_at=utcnow())
            session.add(row)
            session.flush()
            assert row.id is not None
            audit.record(session, actor, "checklist_item", item_row_id, "attach", None,
                         {"file_name": row.file_name, "size_bytes": file.size, "sha256": file.sha256},
                         client_id=item.client_id)
        return Changes("checklist_item", item_row_id, "attach", item.client_id, ("evidence",), tuple(warnings))


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
    """Copy a verified attachment out to `target` (for the viewer); `target`'s name is cleaned like every
    attachment name (a name stored before names were cleaned may still hold a bidirectional control)."""
    source = verified_file(evidence_dir, view)
    target = target.with_name(clean_file_name(target.name))
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target

"""Printable and portable exports rendered from plain data: PDF, XLSX, the evidence pack, `.ics`.

Each renderer takes a `core` data object (e.g. `core.checklist_report.ChecklistReport`) and a
path, and writes the whole file or nothing. A document speaks one language, its reader's. The code
lists (item statuses, owner roles, operating models, stages) are named by core's one label table each,
re-exported here, so a status prints as the screens show it; the words the exports share (column
headings, the report's facts) are `core.bilingual.Text` values in `COMMON`. Nothing heavy is imported
here: reportlab and openpyxl load when a file is made.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from shelter_app.core import checklist, portfolio
from shelter_app.core.bilingual import Text
from shelter_app.core.checklist import label_of

Language = Literal["en", "es"]

__all__ = ["COMMON", "OPERATING_MODEL_LABELS", "OWNER_LABELS", "STAGE_LABELS", "STATUS_LABELS", "Language", "label",
           "language_of", "operating_model_label", "owner_label", "pick", "replacing", "status_label"]


def _by_code(table: Mapping[Any, Text]) -> dict[str, Text]:
    """One of core's label tables keyed by the code a row stores (a `StrEnum` member is its code)."""
    return {str(code): text for code, text in table.items()}


# Core's one label table per code list, for the exports (and the business case) to look stored codes up in.
STATUS_LABELS: dict[str, Text] = _by_code(checklist.STATUS_LABELS)
OWNER_LABELS: dict[str, Text] = _by_code(checklist.OWNER_LABELS)
OPERATING_MODEL_LABELS: dict[str, Text] = _by_code(portfolio.OPERATING_MODEL_LABELS)
STAGE_LABELS: dict[str, Text] = _by_code(portfolio.STAGE_LABELS)


# Words every checklist export uses. Spanish follows core.checklist: a checklist item is "la tarea" (feminine).
COMMON: dict[str, Text] = {
    "page_of": Text("Page {page} of {total}", "Página {page} de {total}"),
    "report_title": Text("Checklist status report", "Informe de avance de las listas de verificación"),
    "client": Text("Client", "Cliente"),
    "rfc": Text("RFC", "RFC"),
    "project": Text("Project", "Proyecto"),
    "operating_model": Text("Operating model", "Modelo de operación"),
    "kickoff": Text("Kickoff", "Arranque"),
    "finish": Text("Forecast finish", "Término estimado"),
    "report_date": Text("Report date", "Fecha del informe"),
    "prepared_by": Text("Prepared by", "Elaborado por"),
    "checklist": Text("Checklist", "Lista de verificación"),
    "phase": Text("Phase", "Fase"),
    "facts_as_of": Text("Facts as of", "Datos vigentes al"),
    "items": Text("Items", "Tareas"),
    "closed": Text("Closed", "Cerradas"),
    "progress": Text("Progress", "Avance"),
    "number": Text("No.", "Núm."),
    "item": Text("Item", "Tarea"),
    "title": Text("Title", "Título"),
    "status": Text("Status", "Estado"),
    "status_reason": Text("Reason", "Motivo"),
    "owner": Text("Owner", "Responsable"),
    "assignee": Text("Assignee", "Asignada a"),
    "start": Text("Start", "Inicio"),
    "due": Text("Due", "Vence"),
    "completed": Text("Completed", "Terminada el"),
    "critical": Text("Critical path", "Ruta crítica"),
    "overdue": Text("Overdue", "Vencida"),
    "to_verify": Text("To verify", "Por verificar"),
    "verification_note": Text("Verification note", "Nota de verificación"),
    "legal_basis": Text("Legal basis", "Fundamento legal"),
    "sources": Text("Sources", "Fuentes"),
    "notes": Text("Notes", "Notas"),
    "evidence": Text("Evidence", "Evidencia"),
    "evidence_files": Text("Evidence files", "Archivos de evidencia"),
    "file_name": Text("File name", "Nombre del archivo"),
    "size_bytes": Text("Size (bytes)", "Tamaño (bytes)"),
    "sha256": Text("SHA-256", "SHA-256"),
    "added_by": Text("Added by", "Agregado por"),
    "added_at_utc": Text("Added at (UTC)", "Agregado el (UTC)"),
    "blocked": Text("Blocked", "Bloqueadas"),
    "summary": Text("Summary", "Resumen"),
    "yes": Text("Yes", "Sí"),
    "no": Text("No", "No"),
    "to_verify_note": Text(
        "Items marked “to verify” rest on facts not yet confirmed against primary law.",
        "Las tareas marcadas “por verificar” se basan en datos aún no confirmados contra la legislación "
        "(fuente primaria).",
    ),
}


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temp path beside `path` to write the export to; renamed over `path` when the block ends
    well, deleted when it raises, so a failed export never leaves a partial file or harms an old one.

    The temp file is created by the writer itself (not `mkstemp`, which makes it private, 0600),
    so the export gets the permissions the user's umask gives any new file.
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.partial")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def language_of(language: str) -> Language:
    """"en", "en_US" -> "en"; "es", "es_MX" -> "es"; anything else is a programming error."""
    lowered = language.lower()
    if lowered.startswith("es"):
        return "es"
    if lowered.startswith("en"):
        return "en"
    raise ValueError(f"unsupported report language {language!r}: use 'en' or 'es'")


def pick(text: Text, language: str) -> str:
    return text.pick(language)


def label(key: str, language: str) -> str:
    return COMMON[key].pick(language)


def status_label(status: str, language: str) -> str:
    """The status in words (core's table); an unknown value (a newer database) is shown as it is stored."""
    return label_of(STATUS_LABELS, status, language)


def owner_label(role: str, language: str) -> str:
    return label_of(OWNER_LABELS, role, language)


def operating_model_label(model: str, language: str) -> str:
    return label_of(OPERATING_MODEL_LABELS, model, language)

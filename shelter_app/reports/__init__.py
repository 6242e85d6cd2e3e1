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


class Word(Text):
    """A `Text` of the word table. It still reads as the (English, Spanish) pair the table used to hold,
    `COMMON["page_of"][1]`, for a caller not yet moved to `label()` or `.pick()`."""

    __slots__ = ()

    def __getitem__(self, index: int) -> str:
        return (self.en, self.es)[index]


# Words every checklist export uses. Spanish follows core.checklist: a checklist item is "la tarea" (feminine).
COMMON: dict[str, Word] = {
    "page_of": Word("Page {page} of {total}", "Página {page} de {total}"),
    "report_title": Word("Checklist status report", "Informe de avance de las listas de verificación"),
    "client": Word("Client", "Cliente"),
    "rfc": Word("RFC", "RFC"),
    "project": Word("Project", "Proyecto"),
    "operating_model": Word("Operating model", "Modelo de operación"),
    "kickoff": Word("Kickoff", "Arranque"),
    "finish": Word("Forecast finish", "Término estimado"),
    "report_date": Word("Report date", "Fecha del informe"),
    "prepared_by": Word("Prepared by", "Elaborado por"),
    "checklist": Word("Checklist", "Lista de verificación"),
    "phase": Word("Phase", "Fase"),
    "facts_as_of": Word("Facts as of", "Datos vigentes al"),
    "items": Word("Items", "Tareas"),
    "closed": Word("Closed", "Cerradas"),
    "progress": Word("Progress", "Avance"),
    "number": Word("No.", "Núm."),
    "item": Word("Item", "Tarea"),
    "title": Word("Title", "Título"),
    "status": Word("Status", "Estado"),
    "status_reason": Word("Reason", "Motivo"),
    "owner": Word("Owner", "Responsable"),
    "assignee": Word("Assignee", "Asignada a"),
    "start": Word("Start", "Inicio"),
    "due": Word("Due", "Vence"),
    "completed": Word("Completed", "Terminada el"),
    "critical": Word("Critical path", "Ruta crítica"),
    "overdue": Word("Overdue", "Vencida"),
    "to_verify": Word("To verify", "Por verificar"),
    "verification_note": Word("Verification note", "Nota de verificación"),
    "legal_basis": Word("Legal basis", "Fundamento legal"),
    "sources": Word("Sources", "Fuentes"),
    "notes": Word("Notes", "Notas"),
    "evidence": Word("Evidence", "Evidencia"),
    "evidence_files": Word("Evidence files", "Archivos de evidencia"),
    "file_name": Word("File name", "Nombre del archivo"),
    "size_bytes": Word("Size (bytes)", "Tamaño (bytes)"),
    "sha256": Word("SHA-256", "SHA-256"),
    "added_by": Word("Added by", "Agregado por"),
    "added_at_utc": Word("Added at (UTC)", "Agregado el (UTC)"),
    "blocked": Word("Blocked", "Bloqueadas"),
    "summary": Word("Summary", "Resumen"),
    "yes": Word("Yes", "Sí"),
    "no": Word("No", "No"),
    "to_verify_note": Word(
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


def pick(text: Text | tuple[str, str], language: str) -> str:
    """A text, or an (English, Spanish) pair of an older word table, in `language`."""
    if isinstance(text, Text):
        return text.pick(language)
    return text[1] if language_of(language) == "es" else text[0]


def label(key: str, language: str) -> str:
    return COMMON[key].pick(language)


def status_label(status: str, language: str) -> str:
    """The status in words (core's table); an unknown value (a newer database) is shown as it is stored."""
    return label_of(STATUS_LABELS, status, language)


def owner_label(role: str, language: str) -> str:
    return label_of(OWNER_LABELS, role, language)


def operating_model_label(model: str, language: str) -> str:
    return label_of(OPERATING_MODEL_LABELS, model, language)

"""The evidence pack: a zip of every attachment of a project, with a manifest of their hashes.

Layout: `<pack id>/<item id>/<file name>` for each attachment, then `MANIFEST.txt` (for people),
`manifest.json` (for programs) and `SHA256SUMS` (so `sha256sum -c SHA256SUMS` checks the
unpacked files). Every stored file is verified against its recorded SHA-256 before it goes in,
and hashed again while it is copied; any problem aborts the export and leaves no zip behind.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from shelter_app.core.checklist_report import ChecklistReport, ReportEvidence, ReportItem
from shelter_app.core.errors import UserError
from shelter_app.core.filenames import clean_file_name
from shelter_app.l10n import document_date, document_datetime, format_number
from shelter_app.reports import replacing

MANIFEST_FORMAT = "shelterdesk-evidence-pack"
MANIFEST_VERSION = 1
CHUNK = 1024 * 1024
ZIP64_FROM = 2**31  # bytes; smaller files keep the plain zip headers every unzip tool reads
FILE_MODE = 0o644 << 16  # rw-r--r-- when unpacked on Unix
MANIFEST_TXT = "MANIFEST.txt"
MANIFEST_JSON = "manifest.json"
SHA256SUMS = "SHA256SUMS"
MAX_COMPONENT = 180  # characters of one folder or file name in the zip

_UNSAFE_IN_NAME = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')

Verify = Callable[[ReportEvidence], Path]


class EvidencePackProblem(UserError):
    """The evidence pack cannot be written as it stands; the message says which file and why."""


def safe_component(name: str, fallback: str) -> str:
    """One path component that unpacks safely on Windows, macOS and Linux (no separators, no ".."), with no
    control or bidirectional character and its real extension kept at the end (core.filenames)."""
    cleaned = _UNSAFE_IN_NAME.sub("_", clean_file_name(name, fallback=fallback, max_chars=MAX_COMPONENT))
    return cleaned.strip().strip(".").strip() or fallback


def _unique(name: str, taken: set[str]) -> str:
    """`name`, or `name (2).ext`, `name (3).ext`... if a file of that name (ignoring case) is already there."""
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, ext = name, ""
    candidate, n = name, 2
    while candidate.casefold() in taken:
        candidate = f"{stem} ({n}){'.' + ext if ext else ''}"
        n += 1
    taken.add(candidate.casefold())
    return candidate


def _zip_time(moment: datetime) -> tuple[int, int, int, int, int, int]:
    utc = moment.astimezone(UTC) if moment.tzinfo else moment
    if utc.year < 1980:  # the zip format starts in 1980
        return (1980, 1, 1, 0, 0, 0)
    return (utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second)


def _iso(moment: datetime) -> str:
    return (moment.astimezone(UTC) if moment.tzinfo else moment).isoformat().replace("+00:00", "Z")


def _checked_source(verify: Verify, evidence: ReportEvidence, evidence_dir: Path) -> Path:
    source = verify(evidence)
    store = evidence_dir.resolve()
    if not source.resolve().is_relative_to(store):
        name = clean_file_name(evidence.file_name)
        raise EvidencePackProblem(
            f"{name}: the verified copy is outside the evidence folder ({source}); nothing was written.",
            f"{name}: la copia verificada está fuera de la carpeta de evidencia ({source}); no se escribió nada.")
    return source


def _add_file(archive: zipfile.ZipFile, arcname: str, source: Path, evidence: ReportEvidence) -> None:
    """Copy `source` into the archive, hashing as it goes: the bytes packed are the bytes recorded."""
    info = zipfile.ZipInfo(arcname, date_time=_zip_time(evidence.added_at))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = FILE_MODE
    digest = hashlib.sha256()
    size = 0
    with source.open("rb") as handle, archive.open(info, "w", force_zip64=evidence.size_bytes >= ZIP64_FROM) as out:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    if digest.hexdigest() != evidence.sha256 or size != evidence.size_bytes:
        name = clean_file_name(evidence.file_name)
        raise EvidencePackProblem(
            f"The stored copy of {name} changed while it was being packed; nothing was written.",
            f"La copia guardada de {name} cambió mientras se empaquetaba; no se escribió nada.")


def _manifest_text(report: ChecklistReport, entries: list[dict[str, Any]], language: str) -> str:
    es = language.lower().startswith("es")
    lang = "es" if es else "en"
    total = sum(e["size_bytes"] for e in entries)
    lines = [
        "Paquete de evidencia de ShelterDesk" if es else "ShelterDesk evidence pack",
        "",
        f"{'Cliente' if es else 'Client'}: {report.client_name}" + (f" (RFC {report.client_rfc})"
                                                                    if report.client_rfc else ""),
        f"{'Proyecto' if es else 'Project'}: {report.project_title}",
        (f"Generado el {document_date(report.generated_on, lang)} por {report.generated_by} "
         f"(ShelterDesk {report.app_version})" if es else
         f"Generated on {document_date(report.generated_on, lang)} by {report.generated_by} "
         f"(ShelterDesk {report.app_version})"),
        (f"Archivos: {len(entries)}, {format_number(total, lang)} bytes" if es else
         f"Files: {len(entries)}, {format_number(total, lang)} bytes"),
        ("Cada archivo se verificó contra su SHA-256 registrado. Compruebe los archivos extraídos con: "
         "sha256sum -c SHA256SUMS" if es else
         "Each file was verified against its recorded SHA-256. Check the unpacked files with: sha256sum -c SHA256SUMS"),
        "",
    ]
    for entry in entries:
        lines += [
            entry["path"],
            f"  SHA-256: {entry['sha256']}",
            f"  {'Tamaño' if es else 'Size'}: {format_number(entry['size_bytes'], lang)} bytes",
            f"  {'Tarea' if es else 'Item'}: {entry['item_id']} — {entry['item_title']['es' if es else 'en']}",
            f"  {'Agregado por' if es else 'Added by'}: {entry['added_by']}, "
            f"{document_datetime(datetime.fromisoformat(entry['added_at']), lang)}",
            "",
        ]
    return "\n".join(lines)


def write_evidence_pack(
    report: ChecklistReport,
    evidence_dir: Path,
    path: Path,
    *,
    verify: Verify,
    language: str = "en",
) -> list[dict[str, Any]]:
    """Write the zip to `path`; return the manifest entries (one per packed file).

    `verify(evidence)` returns the stored copy after checking its hash, or raises (the services
    pass `services.evidence.verified_file`); the path it returns must lie inside `evidence_dir`.
    Any exception leaves `path` as it was: the zip is written to a temp file, then renamed.
    """
    entries: list[dict[str, Any]] = []
    verified: dict[tuple[str, int], Path] = {}
    with replacing(path) as tmp, zipfile.ZipFile(tmp, "x", compression=zipfile.ZIP_DEFLATED,
                                                 compresslevel=6) as archive:
        taken_dirs = {name.casefold() for name in (MANIFEST_TXT, MANIFEST_JSON, SHA256SUMS)}
        for checklist in report.checklists:
            pack_dir = _unique(safe_component(checklist.pack_id, "checklist"), taken_dirs)
            taken_items: set[str] = set()
            for item in checklist.items:
                if not item.evidence:
                    continue
                item_dir = _unique(safe_component(item.item_id, "item"), taken_items)
                entries += _pack_item(archive, item, f"{pack_dir}/{item_dir}", checklist.pack_id,
                                      checklist.pack_version, evidence_dir, verify, verified)
        manifest = {
            "format": MANIFEST_FORMAT,
            "format_version": MANIFEST_VERSION,
            "app": "ShelterDesk",
            "app_version": report.app_version,
            "client": report.client_name,
            "client_rfc": report.client_rfc,
            "project": report.project_title,
            "generated_on": report.generated_on.isoformat(),
            "generated_by": report.generated_by,
            "files": entries,
        }
        texts = {
            MANIFEST_TXT: _manifest_text(report, entries, language),
            MANIFEST_JSON: json.dumps(manifest, ensure_ascii=False, indent=2) + "\n",
            SHA256SUMS: "".join(f"{e['sha256']}  {e['path']}\n" for e in entries),
        }
        now = _zip_time(datetime.now(UTC))
        for name, text in texts.items():
            info = zipfile.ZipInfo(name, now)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = FILE_MODE
            archive.writestr(info, text)
    return entries


def _pack_item(
    archive: zipfile.ZipFile,
    item: ReportItem,
    folder: str,
    pack_id: str,
    pack_version: str,
    evidence_dir: Path,
    verify: Verify,
    verified: dict[tuple[str, int], Path],
) -> list[dict[str, Any]]:
    taken: set[str] = set()
    entries = []
    for evidence in item.evidence:
        key = (evidence.sha256, evidence.size_bytes)
        if key not in verified:  # the same document attached to several items is verified once
            verified[key] = _checked_source(verify, evidence, evidence_dir)
        arcname = f"{folder}/{_unique(safe_component(evidence.file_name, 'file'), taken)}"
        _add_file(archive, arcname, verified[key], evidence)
        entries.append({
            "path": arcname,
            "file_name": clean_file_name(evidence.file_name),
            "size_bytes": evidence.size_bytes,
            "sha256": evidence.sha256,
            "checklist": pack_id,
            "pack_version": pack_version,
            "item_id": item.item_id,
            "item_title": {"en": item.title.en, "es": item.title.es},
            "added_by": evidence.added_by,
            "added_at": _iso(evidence.added_at),
        })
    return entries

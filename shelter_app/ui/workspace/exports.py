"""The checklist exports from the workspace: options, then the file written off the UI thread.

Each export is a `progress.Job`: build the report (a read), stop there if cancelled, then
write the file (the writers build a temp file and rename it, so a failure leaves nothing).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, cast

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from shelter_app.core.checklist_report import ChecklistReport
from shelter_app.storage.db import Database

WriteReport = Callable[[ChecklistReport], None]
_UNSAFE = re.compile(r'[\x00-\x1f\\/:*?"<>|]+')


def default_file_name(client: str, project: str, suffix: str) -> str:
    """"Client - Project - checklists.pdf", without characters a file system refuses."""
    stem = " ".join(_UNSAFE.sub(" ", f"{client} - {project} - checklists").split()).strip(" .-") or "checklists"
    return f"{stem}.{suffix}"


def pdf_writer(target: Path, language: str, page_size: str) -> WriteReport:
    def write(report: ChecklistReport) -> None:
        from shelter_app.reports.checklist_pdf import write_checklist_pdf

        write_checklist_pdf(report, target, language=cast(Any, language), page_size=cast(Any, page_size))

    return write


def xlsx_writer(target: Path, language: str) -> WriteReport:
    def write(report: ChecklistReport) -> None:
        from shelter_app.reports.checklist_xlsx import write_checklist_xlsx

        write_checklist_xlsx(report, target, language=language)

    return write


def evidence_pack_writer(target: Path, evidence_dir: Path, language: str) -> WriteReport:
    def write(report: ChecklistReport) -> None:
        from shelter_app.reports.evidence_pack import write_evidence_pack
        from shelter_app.services.evidence import EvidenceView, verified_file

        write_evidence_pack(report, evidence_dir, target, language=language, verify=lambda e: verified_file(
            evidence_dir, EvidenceView(0, e.file_name, e.size_bytes, e.sha256, e.added_by, e.added_at)))

    return write


def export_job(db: Database, project_id: int, consultant: str, today: date | None, target: Path,
               write: WriteReport) -> Callable[[Callable[[int, int], None], Callable[[], bool]], Path | None]:
    """The job `CancellableTask` runs: the target path when written, None when cancelled first. `consultant`
    is the Settings' name, printed when the project names no consultant."""

    def job(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Path | None:
        from shelter_app.services import checklists
        from shelter_app.services.projects import prepared_by

        progress(0, 2)
        report = checklists.build_report(db, project_id, prepared_by(db, project_id, fallback=consultant),
                                         today=today)
        if cancelled():
            return None
        progress(1, 2)
        write(report)
        progress(2, 2)
        return target

    return job


class ExportOptions(QDialog):
    """The report language (and for the PDF, the paper size) before the file dialog."""

    def __init__(self, title: str, languages: list[tuple[str, str]], default_language: str, *,
                 page_sizes: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("exportOptions")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language_combo = QComboBox()
        for code, text in languages:
            self.language_combo.addItem(text, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(default_language)))
        form.addRow(self.tr("Language:"), self.language_combo)
        self.page_combo: QComboBox | None = None
        if page_sizes:
            self.page_combo = QComboBox()
            self.page_combo.addItem(self.tr("Letter"), "letter")
            self.page_combo.addItem(self.tr("A4"), "a4")
            form.addRow(self.tr("Page size:"), self.page_combo)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def language(self) -> str:
        return str(self.language_combo.currentData())

    def page_size(self) -> str:
        return str(self.page_combo.currentData()) if self.page_combo is not None else "letter"

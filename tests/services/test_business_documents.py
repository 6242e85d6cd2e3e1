"""Business-case PDFs kept with the project, on both backends: generated from the project's scenarios,
copied under their SHA-256, recorded with an audit event, verified; a cancel keeps nothing."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from shelter_app.core.answers import Path as OperatingPath
from shelter_app.core.business_report import DocumentCancelled
from shelter_app.core.errors import UserError
from shelter_app.services import audit, business_documents, scenarios
from shelter_app.services.business_report import build_business_report
from shelter_app.storage.db import Database
from tests.reports.test_checklist_exports import _flat, _pdf_text
from tests.services.test_checklists import SHELTER_PROGRAMS
from tests.services.test_scenarios import project_with_journey

TODAY = date(2026, 11, 23)


def project_with_two_scenarios(db: Database) -> tuple[int, list[int]]:
    project_id = project_with_journey(db, OperatingPath.SHELTER, SHELTER_PROGRAMS)
    first = scenarios.create_scenario(db, "ana", project_id, "Juárez shelter", today=TODAY).entity_id
    second = scenarios.create_scenario(db, "ana", project_id, "Juárez, own entity", structure="own_entity",
                                       today=TODAY).entity_id
    return project_id, [first, second]


def test_the_report_reads_the_project(db: Database) -> None:
    project_id, ids = project_with_two_scenarios(db)
    report = build_business_report(db, project_id, [ids[1], ids[0]], language="es", today=TODAY,
                                   provider_name="Albergues del Norte")
    assert [s.name for s in report.scenarios] == ["Juárez, own entity", "Juárez shelter"]
    assert [s.structure for s in report.scenarios] == ["own_entity", "shelter"]
    assert report.client_name == "Arneses de Juárez, S.A. de C.V." and report.project_title == "Planta Juárez"
    assert report.project is not None and report.project.schedule
    assert all(s.sensitivity.rows for s in report.scenarios)
    assert "workforce.roles[0].daily_wage_mxn" in report.scenarios[1].indicative
    with pytest.raises(UserError):
        build_business_report(db, project_id, [999_999], language="en")


def test_generate_keeps_a_verified_copy_and_records_it(db: Database, tmp_path: Path) -> None:
    project_id, ids = project_with_two_scenarios(db)
    store = tmp_path / "documents"
    target = tmp_path / "out" / "caso de negocio.pdf"
    target.parent.mkdir()
    seen: list[tuple[float, str]] = []
    view = business_documents.generate_pdf(db, "ana", project_id, target, scenario_ids=ids, language="es",
                                           paper="a4", documents_dir=store, today=TODAY,
                                           progress=lambda f, t: seen.append((f, t)))
    content = target.read_bytes()
    assert view.sha256 == hashlib.sha256(content).hexdigest() and view.size_bytes == len(content)
    assert (view.file_name, view.language, view.paper, view.created_by) == ("caso de negocio.pdf", "es", "a4", "ana")
    assert view.scenarios == ("Juárez shelter", "Juárez, own entity")
    stored = business_documents.stored_path(store, view.sha256)
    assert stored.read_bytes() == content
    assert business_documents.verify(store, view) == stored
    assert business_documents.list_documents(db, project_id) == [view]
    assert [e.action for e in audit.history(db, "business_document", view.id)] == ["create"]
    assert [f for f, _ in seen] == sorted(f for f, _ in seen) and seen[-1] == (1.0, "Listo")
    assert sorted(p.name for p in target.parent.iterdir()) == ["caso de negocio.pdf"]
    text = _flat(_pdf_text(target))
    assert "Avance de IMMEX y de la certificación IVA/IEPS" in text and "Calendario de arranque" in text

    stored.write_bytes(content[:-10] + b"0123456789")
    with pytest.raises(business_documents.StoredDocumentProblem):
        business_documents.verify(store, view)
    stored.unlink()
    with pytest.raises(business_documents.StoredDocumentProblem):
        business_documents.verify(store, view)


def test_a_cancelled_generation_keeps_nothing(db: Database, tmp_path: Path) -> None:
    project_id, ids = project_with_two_scenarios(db)
    store = tmp_path / "documents"
    target = tmp_path / "out" / "case.pdf"
    target.parent.mkdir()
    polls = {"n": 0}

    def cancel() -> bool:
        polls["n"] += 1
        return polls["n"] > 60

    with pytest.raises(DocumentCancelled):
        business_documents.generate_pdf(db, "ana", project_id, target, scenario_ids=ids[:1], language="en",
                                        paper="letter", documents_dir=store, today=TODAY, cancel=cancel)
    assert list(target.parent.iterdir()) == []
    assert not store.exists() or not any(p.is_file() for p in store.rglob("*"))
    assert business_documents.list_documents(db, project_id) == []

"""`shelter-app business-case pdf`: from INPUT.json (nothing recorded) and from a project (kept with it)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from shelter_app.cli import main
from tests.cli.test_checklist_cli import project  # noqa: F401  (fixture)
from tests.reports.test_checklist_exports import _flat, _need, _pdf_text, _run
from tests.support.business_case import GOLDEN_INPUT, golden_document


def test_document_mode_writes_the_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "case.pdf"
    assert main(["business-case", "pdf", str(GOLDEN_INPUT), "-o", str(target), "--lang", "es", "--paper", "a4"]) == 0
    assert "case.pdf" in capsys.readouterr().out
    assert "595.276 x 841.89 pts (A4)" in _run(_need("pdfinfo"), str(target))
    text = _flat(_pdf_text(target))
    assert "1. Resumen ejecutivo" in text and "15,215,311" in text
    assert "no está vinculado a un proyecto" in text


def test_invalid_input_exits_2_naming_the_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = golden_document()
    doc["workforce"]["roles"][2]["daily_wage_mxn"] = "many"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    target = tmp_path / "case.pdf"
    assert main(["business-case", "pdf", str(bad), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "invalid input: $.workforce.roles[2].daily_wage_mxn" in err
    assert not target.exists()
    assert main(["business-case", "pdf", "-o", str(target)]) == 2  # neither a file nor a project
    assert main(["business-case", "pdf", str(tmp_path / "missing.json"), "-o", str(target)]) == 2


def test_project_mode_keeps_the_document(project: str, tmp_path: Path,  # noqa: F811
                                          capsys: pytest.CaptureFixture[str], isolated_folders: Path) -> None:
    from shelter_app.paths import get_paths
    from shelter_app.services import business_documents, database, scenarios
    from shelter_app.settings import Settings

    paths = get_paths().ensure()
    db = database.open_configured(Settings.load(paths.settings_file), paths, None)
    try:
        scenarios.create_scenario(db, "ana", int(project), "Juárez")
        scenarios.create_scenario(db, "ana", int(project), "Monterrey")
    finally:
        db.close()
    target = tmp_path / "case.pdf"
    assert main(["business-case", "pdf", "--project", project, "--scenario", "monterrey", "--scenario", "Juárez",
                 "-o", str(target), "--lang", "en"]) == 0
    assert "kept with project" in capsys.readouterr().out
    db = database.open_configured(Settings.load(paths.settings_file), paths, None)
    try:
        [view] = business_documents.list_documents(db, int(project))
    finally:
        db.close()
    assert view.scenarios == ("Monterrey", "Juárez")
    assert view.sha256 == hashlib.sha256(target.read_bytes()).hexdigest()
    assert business_documents.verify(paths.documents, view).is_file()
    assert main(["business-case", "pdf", "--project", project, "--scenario", "Tijuana", "-o", str(target)]) == 2
    assert "Tijuana" in capsys.readouterr().err

"""A project's business-case scenarios from the command line: add (prefilled or from a file), list, export
(what compute and pdf read), delete; a document that breaks the contract exits 2 naming its field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shelter_app.cli import main
from tests.cli.test_checklist_cli import project  # noqa: F401  (the fixture: a project with a finished journey)


def test_add_list_export_compute_and_delete(project: str, tmp_path: Path,  # noqa: F811
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["business-case", "scenario", "add", project, "--name", "Juárez", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)["entity_id"]
    assert main(["business-case", "scenario", "add", project, "--name", "Juárez, own entity",
                 "--structure", "own_entity"]) == 0
    capsys.readouterr()
    assert main(["business-case", "scenario", "list", project, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in listed] == ["Juárez", "Juárez, own entity"]
    assert [r["structure"] for r in listed] == ["shelter", "own_entity"]
    assert all(r["npv_usd"] > 0 and r["indicative_figures"] > 0 for r in listed)
    exported = tmp_path / "juarez.json"
    assert main(["business-case", "scenario", "export", project, str(first), "-o", str(exported)]) == 0
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert document["schema"] == "shelter-app/business-case@1" and document["location"]["wage_zone"] == "zlfn"
    capsys.readouterr()
    assert main(["business-case", "compute", str(exported)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert round(result["returns"]["npv_usd"], 2) == listed[0]["npv_usd"]
    assert main(["business-case", "scenario", "delete", project, "juárez, OWN entity"]) == 0
    capsys.readouterr()
    assert main(["business-case", "scenario", "list", project]) == 0
    assert "own entity" not in capsys.readouterr().out


def test_a_document_that_breaks_the_contract_is_refused_by_path(project: str, tmp_path: Path,  # noqa: F811
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    source = Path(__file__).parents[1] / "data" / "business_case" / "business-case-juarez-120.input.json"
    document = json.loads(source.read_text(encoding="utf-8"))
    document["workforce"]["roles"][1]["headcount"] = -2
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    assert main(["business-case", "scenario", "add", project, "--name", "Broken", "--from", str(broken)]) == 2
    assert "$.workforce.roles[1].headcount" in capsys.readouterr().err
    assert main(["business-case", "scenario", "list", project, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["business-case", "scenario", "add", project, "--name", "Golden", "--from", str(source)]) == 0
    assert main(["business-case", "scenario", "export", project, "nowhere", "-o", str(tmp_path / "x.json")]) == 2
    assert "no scenario 'nowhere'" in capsys.readouterr().err


def test_the_pdf_cover_names_the_provider_from_the_settings(project: str, tmp_path: Path,  # noqa: F811
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    import subprocess

    from shelter_app.paths import get_paths
    from shelter_app.settings import PROVIDER, Settings

    settings = Settings.load(get_paths().settings_file)
    settings.set(PROVIDER, "Albergue Industrial del Norte, S.A. de C.V.")
    settings.save()
    assert main(["business-case", "scenario", "add", project, "--name", "Juárez"]) == 0
    target = tmp_path / "caso.pdf"
    assert main(["business-case", "pdf", "--project", project, "-o", str(target), "--lang", "es"]) == 0
    text = subprocess.run(["pdftotext", "-l", "1", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Albergue Industrial del Norte" in " ".join(text.split())

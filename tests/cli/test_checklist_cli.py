"""The journey and checklist commands end to end, through the real entry point."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from shelter_app.cli import main

ANSWERS = {
    "profile": {"annual_sales_usd": "12,000,000", "annual_exports_usd": "9,500,000",
                "monthly_temporary_imports_mxn": "16,200,000"},
    "operating_model": {"path": "shelter"},
    "site": {"state": "CHH", "city": "Ciudad Juárez", "industrial_park": "Parque Industrial Juárez",
             "builds_new_plant": False},
    "labor": {"roles": [{"role": "Operador", "headcount": 120, "shifts": 2}]},
    "programs": {"provider_certification": "certified", "provider_civa_rubro": "AAA"},
    "timeline": {"kickoff": "2026-03-02"},
}


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["clients", "add", "--legal-name", "Arneses del Bravo, S.A. de C.V.", "--json"]) == 0
    client_id = json.loads(capsys.readouterr().out)["entity_id"]
    assert main(["projects", "add", str(client_id), "--title", "Planta Juárez", "--json"]) == 0
    project_id = str(json.loads(capsys.readouterr().out)["entity_id"])
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(ANSWERS), encoding="utf-8")
    assert main(["journey", "run", project_id, str(answers), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["added"]
    return project_id


def test_packs_are_listed_and_valid(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["checklist", "packs", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["valid"] and len(data["packs"]) == 14
    assert {"id", "version", "facts_as_of", "items", "to_verify"} <= set(data["packs"][0])


def test_show_set_and_export(project: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["checklist", "show", project, "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    ids = [i["item_id"] for i in items]
    assert "shelter.agreement" in ids and not any(i.startswith("corp.") for i in ids)

    assert main(["checklist", "set", project, "shelter.agreement", "done"]) == 2  # prerequisites open
    assert "model.decision" in capsys.readouterr().err
    assert main(["checklist", "set", project, "model.decision", "done"]) == 0
    assert main(["checklist", "set", project, "shelter.agreement", "done", "--note", "Firmado"]) == 0
    capsys.readouterr()
    assert main(["checklist", "show", project, "--json"]) == 0
    by_id = {i["item_id"]: i for i in json.loads(capsys.readouterr().out)}
    assert by_id["shelter.agreement"]["status"] == "done" and by_id["shelter.agreement"]["notes"] == "Firmado"
    # a second note is added after the first; --replace-notes replaces them
    assert main(["checklist", "set", project, "shelter.agreement", "done", "--note", "Original archived"]) == 0
    capsys.readouterr()
    assert main(["checklist", "show", project, "--json"]) == 0
    notes = {i["item_id"]: i["notes"] for i in json.loads(capsys.readouterr().out)}["shelter.agreement"]
    assert notes == "Firmado\n\nOriginal archived"
    assert main(["checklist", "set", project, "shelter.agreement", "done", "--note", "Only this",
                 "--replace-notes"]) == 0
    capsys.readouterr()
    assert main(["checklist", "show", project, "--json"]) == 0
    assert {i["item_id"]: i["notes"] for i in json.loads(capsys.readouterr().out)}["shelter.agreement"] == "Only this"
    assert main(["checklist", "set", project, "shelter.agreement", "done", "--note", "  "]) == 2
    assert "empty" in capsys.readouterr().err

    assert main(["checklist", "set", project, "no.such", "done"]) == 2
    assert "no.such" in capsys.readouterr().err
    assert main(["--lang", "es_MX", "checklist", "set", project, "shelter.asset_lists", "blocked"]) == 2
    assert "motivo" in capsys.readouterr().err

    pdf = tmp_path / "estado.pdf"
    assert main(["checklist", "export", project, "--format", "pdf", "-o", str(pdf), "--report-lang", "es",
                 "--page", "a4"]) == 0
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Arneses del Bravo, S.A. de C.V." in text and "Firmar" in text
    assert "Checklist status report" not in text and "shelter.agreement" not in text  # one language, no ids
    with pytest.raises(SystemExit):  # one language per document: "bilingual" is no longer a choice
        main(["checklist", "export", project, "--format", "pdf", "-o", str(tmp_path / "both.pdf"),
              "--report-lang", "bilingual"])
    assert "not a language of ShelterDesk: use en (English) or es (Spanish)" in capsys.readouterr().err
    assert not (tmp_path / "both.pdf").exists()
    xlsx = tmp_path / "estado.xlsx"
    assert main(["checklist", "export", project, "--format", "xlsx", "-o", str(xlsx)]) == 0
    assert xlsx.stat().st_size > 5000
    pack = tmp_path / "evidencias.zip"
    assert main(["checklist", "export", project, "--format", "zip", "-o", str(pack)]) == 0
    assert pack.exists()


def test_journey_show_and_bad_answers(project: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["journey", "show", project, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["completed"] and shown["recommendations"]
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({**ANSWERS, "labor": {"roles": [{"role": "Operador", "headcount": -3}]}}),
                      encoding="utf-8")
    assert main(["journey", "run", project, str(broken)]) == 2
    assert "headcount" in capsys.readouterr().err.lower()
    assert main(["journey", "run", project, str(tmp_path / "missing.json")]) == 2
    assert main(["journey", "show", "abc"]) == 2


def test_calendar_export(project: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from icalendar import Calendar

    target = tmp_path / "obligaciones.ics"
    assert main(["--lang", "es_MX", "calendar", project, "-o", str(target)]) == 0
    assert "recordatorios" in capsys.readouterr().out
    events = [c for c in Calendar.from_ical(target.read_bytes()).walk() if c.name == "VEVENT"]
    assert events and any("EMIM" in str(e.get("summary")) for e in events)  # the monthly INEGI survey

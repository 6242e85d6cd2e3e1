"""`shelter-app forms ...`: the offline round trip from a terminal, run in process with `cli.main`."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from shelter_app import cli, paths

GLH = "Great Lakes Harness Inc."


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def db_counts() -> dict[str, int]:
    import sqlite3

    with sqlite3.connect(paths.get_paths().database) as conn:
        tables = [r[0] for r in conn.execute("select name from sqlite_master where type='table'")]
        return {t: conn.execute(f'select count(*) from "{t}"').fetchone()[0] for t in tables}


@pytest.fixture
def glh_project(capsys: pytest.CaptureFixture[str]) -> str:
    assert run(capsys, "demo")[0] == 0
    code, out, _ = run(capsys, "clients", "show", GLH, "--json")
    assert code == 0
    return str(json.loads(out)["projects"][0]["id"])


def test_list_and_validate(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "forms", "list", "--json")
    assert (code, err) == (0, "")
    listed = {f["id"]: f for f in json.loads(out)}
    assert {"client_intake", "facility_needs", "headcount_plan"} <= set(listed)
    assert listed["facility_needs"]["questions"] > 10 and listed["facility_needs"]["versions"] == ["2026.11.1"]
    code, out, _ = run(capsys, "forms", "validate")
    assert code == 0 and "all valid" in out
    broken = tmp_path / "broken.yaml"
    broken.write_text("form: broken\nversion: '1.0'\ntitle: {en: B, es: B}\nsections:\n  - id: s\n    title: "
                      "{en: S, es: S}\n    fields:\n      - {name: a, type: integer, label: {en: A, es: A}, "
                      "relevant: '().__class__'}\n      - {name: b, type: integer, label: {en: B, es: B}, "
                      "min: 5, max: 1}\n", encoding="utf-8")
    code, out, err = run(capsys, "forms", "validate", str(broken))
    assert code == 2 and "2 problems" in err and "question a" in err and "question b" in err, err


def test_export_fill_review_import_and_import_again(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                    glh_project: str) -> None:
    package = tmp_path / "facility.sdform"
    code, out, err = run(capsys, "forms", "export-package", "--project", glh_project, "--form", "facility_needs",
                         "-o", str(package), "--lang", "es")
    assert (code, err) == (0, "") and f"Written {package}" in out
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"area_sqft": 120000, "handles_hazardous_materials": True,
                                   "hazardous_materials_list": "Solder flux", "builds_new_plant": False,
                                   "preferred_state": "CHH", "city": "Ciudad Juárez", "needed_by": "2027-01-15",
                                   "clear_height_ft": 32.5}), encoding="utf-8")
    response = tmp_path / "facility.sdresponse"
    code, out, err = run(capsys, "forms", "fill", str(package), "--answers", str(answers), "-o", str(response))
    assert (code, err) == (0, ""), err
    assert response.exists()

    before = db_counts()
    code, out, err = run(capsys, "forms", "import", str(response))
    assert (code, err) == (0, ""), err
    assert "[new] journey.site.handles_hazardous_materials" in out and "Nothing was changed" in out
    assert "[changed] business_case.facility.area_sqft" in out
    assert db_counts() == before

    code, out, err = run(capsys, "forms", "import", str(response), "--accept-all", "--json")
    assert (code, err) == (0, ""), err
    result: dict[str, Any] = json.loads(out)
    assert "journey.site.handles_hazardous_materials" in result["applied"] and result["checklist"] is not None
    code, out, _ = run(capsys, "journey", "show", glh_project, "--json")
    assert json.loads(out)["answers"]["answers"]["site"]["handles_hazardous_materials"] is True

    after = db_counts()
    code, out, err = run(capsys, "forms", "import", str(response), "--accept-all")
    assert (code, err) == (0, "")
    assert "imported on" in out and "nothing changed" in out
    assert db_counts() == after


def test_fill_lists_every_invalid_field(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                       glh_project: str) -> None:
    package = tmp_path / "facility.sdform"
    assert run(capsys, "forms", "export-package", "--project", glh_project, "--form", "facility_needs", "-o",
               str(package))[0] == 0
    answers = tmp_path / "bad.json"
    answers.write_text(json.dumps({"area_sqft": "big", "needed_by": "soon", "handles_hazardous_materials": True,
                                   "builds_new_plant": None,  # clears the prefilled answer: required again
                                   "no_such_question": 1}), encoding="utf-8")
    response = tmp_path / "bad.sdresponse"
    code, out, err = run(capsys, "forms", "fill", str(package), "--answers", str(answers), "-o", str(response))
    assert code == 2 and not response.exists()
    lines = set(err.splitlines())
    for path in ("area_sqft", "needed_by", "hazardous_materials_list", "builds_new_plant", "no_such_question"):
        assert any(line.startswith(f"{path}: ") for line in lines), (path, err)
    assert "area_sqft: Enter a number" in err
    assert "5 answers to fix" in out


def test_import_refusal_is_a_plain_message(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                           glh_project: str) -> None:
    junk = tmp_path / "junk.sdresponse"
    junk.write_bytes(b"PK\x03\x04 not really")
    before = db_counts()
    code, out, err = run(capsys, "forms", "import", str(junk), "--accept-all")
    assert code == 2 and out == "" and "damaged or incomplete" in err
    assert db_counts() == before


def test_keys_status_export_and_import(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "forms", "keys", "status", "--json")
    assert code == 0 and json.loads(out) == {"storage": "keyring", "exists": False, "fingerprint": None}
    secret = tmp_path / "pass.txt"
    secret.write_text("long enough passphrase\n", encoding="utf-8")
    exported = tmp_path / "key.json"
    code, _, err = run(capsys, "forms", "keys", "export", str(exported), "--export-passphrase-file", str(secret))
    assert code == 2 and "no form key" in err.lower()
    assert run(capsys, "forms", "export-package", "--project", "1", "--form", "facility_needs", "-o",
               str(tmp_path / "x.sdform"))[0] == 2  # no such project; no key made either way
    from shelter_app.exchange import formkeys
    from shelter_app.services import forms

    formkeys.consultant_key(forms.key_file(paths.get_paths()), None)  # made on first export; here directly
    fingerprint = json.loads(run(capsys, "forms", "keys", "status", "--json")[1])["fingerprint"]
    code, out, err = run(capsys, "forms", "keys", "export", str(exported), "--export-passphrase-file", str(secret))
    assert (code, err) == (0, "") and exported.exists()
    import keyring

    keyring.delete_password(formkeys.SERVICE, formkeys.ACCOUNT)  # a second computer, without the key
    code, out, err = run(capsys, "forms", "keys", "import", str(exported), "--export-passphrase-file", str(secret),
                         "--json")
    assert (code, err) == (0, "") and json.loads(out)["fingerprint"] == fingerprint


def test_print_blank_form_as_pdf(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "blank.pdf"
    code, _, err = run(capsys, "forms", "print", "facility_needs", "-o", str(target), "--lang", "es")
    assert (code, err) == (0, ""), err
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "Superficie" in text or "superficie" in text


def test_open_without_display(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "open", str(tmp_path / "x.sdform"))
    assert code == 2 and "needs a display" in err


def test_fill_refuses_a_package_signed_by_another_key_until_accepted(capsys: pytest.CaptureFixture[str],
                                                                      tmp_path: Path, glh_project: str) -> None:
    import base64
    import zipfile

    import nacl.public

    from shelter_app.exchange import formfiles, formkeys

    package = tmp_path / "facility.sdform"
    assert run(capsys, "forms", "export-package", "--project", glh_project, "--form", "facility_needs", "-o",
               str(package))[0] == 0
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"area_sqft": 1000, "handles_hazardous_materials": False,
                                   "builds_new_plant": False, "preferred_state": "CHH", "city": "Juárez",
                                   "needed_by": "2027-01-15", "clear_height_ft": 30}), encoding="utf-8")
    response = tmp_path / "r.sdresponse"
    assert run(capsys, "forms", "fill", str(package), "--answers", str(answers), "-o", str(response))[0] == 0
    known = formfiles.read_package(package).signed_by

    with zipfile.ZipFile(package) as archive:
        document = json.loads(archive.read("package.json"))
    forger = formkeys.signing_key(nacl.public.PrivateKey.generate())
    found = formkeys.fingerprint(forger.verify_key)
    document["consultant"]["verify_key"] = base64.b64encode(bytes(forger.verify_key)).decode("ascii")
    document["consultant"]["signing_fingerprint"] = found
    document["signature"]["value"] = base64.b64encode(
        forger.sign(formfiles._signed_message(document)).signature).decode("ascii")
    forged = tmp_path / "forged.sdform"
    with zipfile.ZipFile(forged, "w") as archive:
        archive.writestr("package.json", json.dumps(document, ensure_ascii=False))
    response.unlink()
    code, out, err = run(capsys, "forms", "fill", str(forged), "--answers", str(answers), "-o", str(response))
    assert code == 2 and out == "" and not response.exists()
    assert known is not None and known in err and found in err and "Traceback" not in err
    code, out, err = run(capsys, "forms", "fill", str(forged), "--answers", str(answers), "-o", str(response),
                         "--accept-signer", found.replace(" ", "").upper())
    assert (code, err) == (0, "") and response.exists()


def test_a_protected_package_round_trip_from_the_terminal(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                          glh_project: str, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "facility.sdform"
    code, out, err = run(capsys, "forms", "export-package", "--project", glh_project, "--form", "facility_needs",
                         "-o", str(package), "--protect", "--json")
    assert (code, err) == (0, ""), err
    sent = json.loads(out)
    told, package_id = sent["code"], sent["package_id"]
    assert sent["protected"] is True and told.count("-") == 2
    code, out, err = run(capsys, "forms", "code", package_id)
    assert (code, out.strip(), err) == (0, told, "")
    code, out, err = run(capsys, "forms", "code", "no-such-package")
    assert code == 2 and "No form package" in err and "Traceback" not in err

    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"area_sqft": 90000, "handles_hazardous_materials": False,
                                   "builds_new_plant": False, "preferred_state": "CHH", "city": "Ciudad Juárez",
                                   "needed_by": "2027-01-15", "clear_height_ft": 30}), encoding="utf-8")
    response = tmp_path / "facility.sdresponse"
    code, out, err = run(capsys, "forms", "fill", str(package), "--answers", str(answers), "-o", str(response))
    assert code == 2 and "one-time code" in err and not response.exists()
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("K7QM-3XTR-9HDF\n", encoding="utf-8")
    code, out, err = run(capsys, "forms", "fill", str(package), "--answers", str(answers), "-o", str(response),
                         "--code-file", str(wrong))
    assert code == 2 and "not this form's one-time code" in err and not response.exists()
    monkeypatch.setenv(cli.CODE_ENV, told.lower().replace("-", " "))
    code, out, err = run(capsys, "forms", "fill", str(package), "--answers", str(answers), "-o", str(response))
    assert (code, err) == (0, ""), err
    assert "signed by this computer's key" in out

    code, out, err = run(capsys, "forms", "import", str(response))
    assert (code, err) == (0, ""), err
    assert "Signed by the client's computer with the key" in out and "proves the package's one-time code" in out
    installation = out.split("with the key ")[1].split(".")[0]
    code, out, _ = run(capsys, "forms", "import", str(response), "--json")
    review = json.loads(out)["review"]
    assert review["installation"] == installation and review["code_proven"] is True


def test_an_intake_with_a_new_contact_creates_it_after_import(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                              glh_project: str) -> None:
    package = tmp_path / "intake.sdform"
    assert run(capsys, "forms", "export-package", "--project", glh_project, "--form", "client_intake", "-o",
               str(package))[0] == 0
    from shelter_app.exchange import formfiles

    prefill = formfiles.read_package(package).prefill
    assert prefill["hq_country"] == "US" and len(prefill["contacts"]) == 2
    answers = tmp_path / "answers.json"  # only what the record does not hold: the rest is prefilled
    answers.write_text(json.dumps({
        "contacts": [*prefill["contacts"], {"full_name": "Marta Gil", "email": "mgil@glharness.example.com",
                                            "job_title": "Controller", "preferred_language": "es"}],
        "ownership": "private", "decision_makers": [{"full_name": "Bob Roe"}],
        "products": [{"description": "Wire harness"}], "processes": ["wire_harness"], "markets": ["US"],
        "share_us": 100, "has_current_plant": False, "operating_model_decided": True,
        "annual_sales_usd": {"amount": "1000000", "currency": "USD"},
        "annual_exports_usd": {"amount": "500000", "currency": "USD"}}), encoding="utf-8")
    response = tmp_path / "intake.sdresponse"
    code, _, err = run(capsys, "forms", "fill", str(package), "--answers", str(answers), "-o", str(response))
    assert (code, err) == (0, ""), err
    code, out, _ = run(capsys, "forms", "import", str(response))
    assert code == 0 and "[new] contact:3 (Contact: Marta Gil (new))" in out
    code, out, _ = run(capsys, "forms", "import", str(response), "--accept-all")
    assert code == 0 and "applied: contact:3" in out
    code, out, _ = run(capsys, "clients", "show", GLH, "--json")
    people = {c["name"]: c for c in json.loads(out)["contacts"]}
    assert people["Marta Gil"]["email"] == "mgil@glharness.example.com" and len(people) == 3

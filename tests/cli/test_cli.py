"""The headless commands, run in process with `cli.main` (output captured by capsys)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import create_engine

from shelter_app import cli, paths
from shelter_app.settings import CONSULTANT, LANGUAGE, Settings
from shelter_app.storage.db import alembic_config, head_revision, sqlite_url

VALNOR_RFC = "VNO150312KMA"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code, out, err = run(capsys, *argv, "--json")
    assert (code, err) == (0, ""), err
    return json.loads(out)


@pytest.fixture
def seeded(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "demo")
    assert code == 0 and "7 client companies added" in out


def test_demo_then_list(capsys: pytest.CaptureFixture[str], seeded: None) -> None:
    code, out, err = run(capsys, "clients", "list")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[-1] == "7 clients."
    assert any("Válvulas del Norte" in line and VALNOR_RFC in line for line in lines)
    assert paths.get_paths().database.exists()

    code, out, _ = run(capsys, "demo")  # twice: nothing more
    assert code == 0 and "The demo portfolio is already in" in out and "nothing was added" in out

    rows = run_json(capsys, "clients", "list")
    assert len(rows) == 7
    assert {"id", "legal_name", "rfc", "stage", "projects", "archived", "updated_at"} <= set(rows[0])
    assert [r["legal_name"] for r in rows] == sorted((r["legal_name"] for r in rows), key=str.casefold)


def test_list_filters(capsys: pytest.CaptureFixture[str], seeded: None) -> None:
    found = run_json(capsys, "clients", "list", "--search", "valvula")
    assert [r["rfc"] for r in found] == [VALNOR_RFC]
    found = run_json(capsys, "clients", "list", "--search", "NANDU jalisco")
    assert [r["trade_name"] for r in found] == ["Ñandú"]
    operating = run_json(capsys, "clients", "list", "--stage", "operating")
    assert operating and all(r["stage"] == "operating" for r in operating)


def test_show_a_client_by_rfc_name_or_id(capsys: pytest.CaptureFixture[str], seeded: None) -> None:
    detail = run_json(capsys, "clients", "show", VALNOR_RFC.lower())
    assert detail["fields"]["legal_name"] == "Válvulas del Norte, S.A. de C.V."
    assert len(detail["contacts"]) == 2 and detail["projects"]
    assert run_json(capsys, "clients", "show", str(detail["id"]))["id"] == detail["id"]

    code, out, _ = run(capsys, "clients", "show", "Válvulas del Norte, S.A. de C.V.")
    assert code == 0
    assert out.startswith(f"#{detail['id']}  Válvulas del Norte")
    assert f"RFC         {VALNOR_RFC}" in out and "contact #" in out and "project #" in out

    code, out, err = run(capsys, "clients", "show", "Nadie SA")
    assert code == 2 and out == "" and "No client matches “Nadie SA”" in err


def test_add_edit_archive_restore(capsys: pytest.CaptureFixture[str]) -> None:
    folders = paths.get_paths().ensure()
    settings = Settings.load(folders.settings_file)
    settings.set(CONSULTANT, "Lucía Treviño")
    settings.save()

    code, out, err = run(capsys, "clients", "add", "--legal-name", "Ensambles Río Bravo SA", "--rfc",
                         "ERB-200101-AB1", "--country", "mx")
    assert (code, err) == (0, "")
    assert out.startswith("Client #1 added.")
    assert "Warning: The RFC's check digit" in out  # saved, with the doubt shown

    changes = run_json(capsys, "clients", "edit", "1", "--trade-name", "ERB", "--industry", "Harnesses")
    assert (changes["action"], changes["fields"], changes["entity_id"]) == ("update", ["trade_name", "industry"], 1)
    code, out, _ = run(capsys, "clients", "edit", "1", "--trade-name", "ERB")  # nothing new
    assert code == 0 and out.splitlines()[0] == "Client #1: changed -."

    code, out, _ = run(capsys, "clients", "archive", "ERB200101AB1")
    assert (code, out) == (0, "Client #1 archived.\n")
    assert run_json(capsys, "clients", "list") == []
    assert [r["archived"] for r in run_json(capsys, "clients", "list", "--archived")] == [True]
    restored = run_json(capsys, "clients", "restore", "1")
    assert restored["action"] == "restore"
    assert len(run_json(capsys, "clients", "list")) == 1

    db = sqlite3.connect(folders.database)
    try:  # every write was audited under the consultant's name from the settings
        events = db.execute("SELECT actor, action FROM audit_event ORDER BY id").fetchall()
    finally:
        db.close()
    assert events == [("Lucía Treviño", "create"), ("Lucía Treviño", "update"), ("Lucía Treviño", "update"),
                      ("Lucía Treviño", "update")]


@pytest.mark.parametrize(("lang", "expected"), [
    (None, "rfc: An RFC has 12 characters (company) or 13 (individual); “ABC123” has 6."),
    ("es_MX", "rfc: Un RFC tiene 12 caracteres (persona moral) o 13 (persona física); “ABC123” tiene 6."),
])
def test_an_invalid_rfc_exits_2_naming_the_problem_and_adds_nothing(
    capsys: pytest.CaptureFixture[str], lang: str | None, expected: str
) -> None:
    options = ["--lang", lang] if lang else []
    code, out, err = run(capsys, *options, "clients", "add", "--legal-name", "Mala Clave SA", "--rfc", "abc123")
    assert (code, out) == (2, "")
    assert err.strip() == expected
    assert run_json(capsys, "clients", "list", "--archived") == []


def test_spanish_messages(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "es_MX", "demo")
    assert code == 0 and out.startswith("Cartera de demostración: 7 empresas cliente agregadas a ")
    code, out, _ = run(capsys, "--lang", "es", "clients", "list", "--search", "valvulas")  # es and es_MX alike
    assert out.splitlines()[-1] == "1 cliente."
    code, out, _ = run(capsys, "--lang", "ES-mx", "clients", "list", "--search", "valvulas")
    assert out.splitlines()[-1] == "1 cliente."
    with pytest.raises(SystemExit) as refused:
        run(capsys, "--lang", "fr", "clients", "list")
    assert refused.value.code == 2 and "use en (English) or es (Spanish)" in capsys.readouterr().err
    code, _, err = run(capsys, "--lang", "es_MX", "clients", "show", "Nadie")
    assert code == 2 and "Ningún cliente coincide con “Nadie”" in err
    # --lang is for this run only: the saved language is untouched
    assert Settings.load(paths.get_paths().settings_file).get(LANGUAGE) == "system"
    code, out, _ = run(capsys, "clients", "list", "--search", "valvulas")
    assert out.splitlines()[-1] == "1 client."


def test_contacts_and_projects(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "clients", "add", "--legal-name", "Plásticos Monarca SA")[0] == 0

    code, out, _ = run(capsys, "contacts", "add", "Plásticos Monarca SA", "--name", "Rosa Elena Ruiz",
                       "--role", "Compras", "--email", "rosa@monarca.example.mx", "--phone", "+52 81 5555 0101")
    assert (code, out) == (0, "Contact #1 added.\n")
    code, _, err = run(capsys, "contacts", "add", "1", "--name", "Sin Correo", "--email", "no es correo")
    assert code == 2 and err.startswith("email: ")

    added = run_json(capsys, "projects", "add", "1", "--title", "Inyección en Monterrey", "--model", "shelter",
                     "--stage", "assessment", "--start", "2027-02-01", "--consultant", "Andrés")
    assert (added["entity"], added["action"], added["client_id"]) == ("project", "create", 1)
    code, out, _ = run(capsys, "projects", "edit", str(added["entity_id"]), "--stage", "proposal",
                       "--start", "2027-04-01")
    assert (code, out) == (0, f"Project #{added['entity_id']}: changed target_start, stage.\n")
    code, _, err = run(capsys, "projects", "edit", str(added["entity_id"]), "--start", "1 de abril")
    assert code == 2 and "“1 de abril” is not a date: write it as YYYY-MM-DD." in err

    detail = run_json(capsys, "clients", "show", "1")
    assert [(c["name"], c["role"]) for c in detail["contacts"]] == [("Rosa Elena Ruiz", "Compras")]
    assert [(p["title"], p["stage"], p["target_start"]) for p in detail["projects"]] == [
        ("Inyección en Monterrey", "proposal", "2027-04-01")]
    assert run_json(capsys, "clients", "list", "--stage", "proposal")[0]["id"] == 1


def test_db_info_backup_upgrade(capsys: pytest.CaptureFixture[str], seeded: None) -> None:
    folders = paths.get_paths()
    info = run_json(capsys, "db", "info")
    assert (info["backend"], info["location"], info["clients"]) == ("sqlite", str(folders.database), 7)
    assert info["schema"] == info["schema_head"] == head_revision()
    assert info["audit_events"] > info["clients"] + info["contacts"] + info["projects"]  # plus journeys, items

    code, out, _ = run(capsys, "db", "info")
    assert code == 0 and "clients          7" in out

    code, out, _ = run(capsys, "db", "backup")
    assert code == 0 and out.startswith("Backup written to ")
    [backup] = folders.backups.glob("*.sqlite3")  # beside it: the manifest of the stored files
    assert out.strip().endswith(str(backup))
    copy = sqlite3.connect(backup)
    try:
        assert copy.execute("SELECT count(*) FROM client").fetchone() == (7,)
    finally:
        copy.close()

    code, out, _ = run(capsys, "db", "upgrade")
    head = head_revision()
    assert (code, out) == (0, f"Database {folders.database} is on schema {head} (current: {head}).\n")


def test_db_upgrade_brings_an_old_file_to_the_current_schema(capsys: pytest.CaptureFixture[str]) -> None:
    folders = paths.get_paths().ensure()
    engine = create_engine(sqlite_url(folders.database))
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001_portfolio")
    engine.dispose()

    code, out, err = run(capsys, "db", "upgrade")

    head = head_revision()
    assert (code, err) == (0, "")
    assert out == f"Database {folders.database} is on schema {head} (current: {head}).\n"
    [backup] = folders.backups.iterdir()
    assert f"before-{head}" in backup.name


@pytest.mark.postgres
def test_db_commands_on_a_server(capsys: pytest.CaptureFixture[str], pg_database: str) -> None:
    code, out, _ = run(capsys, "--db-url", pg_database, "demo")
    assert code == 0 and "7 client companies added" in out
    info = run_json(capsys, "--db-url", pg_database, "db", "info")
    assert (info["backend"], info["clients"], info["size_bytes"]) == ("postgresql", 7, None)
    code, out, _ = run(capsys, "--db-url", pg_database, "db", "backup")
    assert code == 2 and "pg_dump" in out
    assert not paths.get_paths().database.exists()  # the embedded file was never created


def _all_files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def test_data_dir_moves_everything(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                   isolated_folders: Path) -> None:
    chosen = tmp_path / "elsewhere"
    home = Path.home()
    assert run(capsys, "--data-dir", str(chosen), "demo")[0] == 0
    assert run(capsys, "--data-dir", str(chosen), "db", "backup")[0] == 0
    rows = run_json(capsys, "--data-dir", str(chosen), "clients", "list")
    assert len(rows) == 7

    files = _all_files(chosen)
    assert chosen / "data" / "shelterdesk.sqlite3" in files
    assert any(p.parent == chosen / "data" / "backups" for p in files)
    assert {p.relative_to(chosen).parts[0] for p in chosen.iterdir()} <= {"data", "config", "cache", "logs"}
    assert _all_files(isolated_folders) == set()  # the folder of the environment variable stays empty
    assert _all_files(home) == set()
    everything = _all_files(tmp_path)
    assert everything == files


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys)
    assert code == 2 and "usage: shelter-app" in out
    assert not paths.get_paths().data.exists()


@pytest.mark.parametrize(("lang", "url", "expected"), [
    ("en", "mysql://u:s3cret@h/db", "“mysql://u:***@h/db” is not a database address (mysql is not supported"),
    ("en", "postgresql://u:s3cret@db.example.com", "(no database name)"),
    ("es_MX", "postgresql://u:s3cret@db.example.com", "(falta el nombre de la base de datos)"),
    ("en", "u:s3cret@h/db", "“u:***@h/db” is not a database address (unreadable)"),
    ("en", "postgresql://u:s3cret@h:port/db", "(unreadable)"),  # was a ValueError traceback quoting the port
])
def test_a_bad_db_url_exits_2_without_showing_its_password(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: str, url: str, expected: str
) -> None:
    code, out, err = run(capsys, "--lang", lang, "--db-url", url, "clients", "list")
    assert code == 2 and out == ""
    assert expected in err and "Traceback" not in err
    assert "s3cret" not in err
    assert not [p for p in tmp_path.rglob("*") if p.is_file() and b"s3cret" in p.read_bytes()]

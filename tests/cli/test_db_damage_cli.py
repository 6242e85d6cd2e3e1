"""A damaged database from the command line: found, open read-only, never backed up, restored from a backup."""

from __future__ import annotations

from pathlib import Path

import pytest

from shelter_app import cli, paths
from tests.storage.test_integrity import damage_middle_page, portfolio_file


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_backup_and_restore_of_a_damaged_database(capsys: pytest.CaptureFixture[str]) -> None:
    database = portfolio_file()
    code, out, _ = run(capsys, "db", "check")
    assert code == 0 and out.startswith(f"The database {database} is sound (")
    code, out, _ = run(capsys, "db", "backup")
    assert code == 0
    good = Path(out.strip().removeprefix("Backup written to "))

    damage_middle_page(database)
    code, out, err = run(capsys, "db", "check")
    assert code == 2 and f"The database {database} is damaged. SQLite's check says:" in out
    assert "is damaged and open read-only" in err
    assert "shelter-app db restore BACKUP" in out
    code, out, err = run(capsys, "clients", "add", "--legal-name", "Empresa Nueva SA de CV")
    assert code == 2 and "cannot be written" in err  # read-only: nothing more goes into a damaged file
    code, _, err = run(capsys, "db", "backup")
    assert code == 2 and "No backup was written: it would copy the damage." in err
    assert sorted(p.name for p in paths.get_paths().backups.glob("*.sqlite3")) == [good.name]

    damaged_copy = database.read_bytes()
    code, out, _ = run(capsys, "db", "restore", str(good))
    assert code == 0 and out.startswith(f"Restored from {good}.")
    kept = Path(out.splitlines()[1].removeprefix("The file it replaced is kept as ").removesuffix("."))
    assert kept.read_bytes() == damaged_copy  # the damaged file is kept aside, never deleted
    code, out, err = run(capsys, "db", "check")
    assert code == 0 and "is sound" in out and err == ""


def test_a_damaged_backup_is_not_restored(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    database = portfolio_file()
    code, out, _ = run(capsys, "db", "backup")
    backup = Path(out.strip().removeprefix("Backup written to "))
    damage_middle_page(backup)
    before = database.read_bytes()
    code, _, err = run(capsys, "--lang", "es_MX", "db", "restore", str(backup))
    assert code == 2 and "está dañada" in err and "No se restauró nada a partir de él." in err
    assert database.read_bytes() == before
    not_a_database = tmp_path / "notes.sqlite3"
    not_a_database.write_text("hola")
    code, _, err = run(capsys, "db", "restore", str(not_a_database))
    assert code == 2 and "not an SQLite file" in err


def test_recover_then_restore_the_salvaged_rows(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from tests.storage.test_integrity import damage_the_page_holding

    database = portfolio_file()
    damage_the_page_holding(database, "Grupo Atlas 00003")
    salvaged = tmp_path / "salvaged.sqlite3"
    code, out, _ = run(capsys, "db", "recover", "-o", str(salvaged))
    assert code == 0, out
    assert f"rows salvaged into {salvaged}." in out and "rows could not be read and are lost." in out
    assert any(line.split()[:1] == ["client"] and "lost" in line for line in out.splitlines())
    assert f"shelter-app db restore {salvaged}" in out
    code, out, _ = run(capsys, "db", "restore", str(salvaged))
    assert code == 0
    code, out, err = run(capsys, "clients", "list", "--search", "Grupo Atlas 00003")
    assert code == 0 and err == ""  # the restored file is sound: no damage warning


def test_restore_checks_the_stored_files_the_backup_goes_with(capsys: pytest.CaptureFixture[str]) -> None:
    from shelter_app.services.filestore import stored_path

    portfolio_file(20)
    folders = paths.get_paths()
    evidence = stored_path(folders.evidence, "ab" * 32)
    evidence.parent.mkdir(parents=True)
    evidence.write_bytes(b"opinion de cumplimiento")  # a file kept under a hash that is not its own: "changed"
    document = stored_path(folders.documents, "cd" * 32)
    document.parent.mkdir(parents=True)
    document.write_bytes(b"%PDF-1.4 business case")
    code, out, _ = run(capsys, "db", "backup")
    backup = Path(out.strip().removeprefix("Backup written to "))
    assert backup.with_name(backup.name + ".files.json").is_file()
    document.unlink()
    code, out, _ = run(capsys, "db", "restore", str(backup))
    assert code == 0
    lines = out.splitlines()
    assert "2 stored files the backup goes with are missing or changed:" in lines
    assert f"  evidence/{'ab' * 6}…: changed" in lines and f"  documents/{'cd' * 6}…: missing" in lines

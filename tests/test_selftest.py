"""`shelter-app --self-test`: every step passes on a good installation, and a broken part is named."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from shelter_app import app, paths
from shelter_app.services import selftest

ROOT = Path(__file__).resolve().parents[1]
STEPS = ["data folder", "database", "checklist packs", "form definitions", "business case", "PDF", "PDF preview",
         "keyring"]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    code = app.main(["--self-test", *args])
    return code, capsys.readouterr().out.splitlines()


def test_every_step_passes_on_this_installation(qapp: object, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = run(capsys)
    assert code == 0, "\n".join(lines)
    assert lines[0].startswith("ShelterDesk 0.1.0 self-test") and "source install" in lines[0]
    for step, line in zip(STEPS, lines[1:], strict=False):
        assert line.split()[0] == "ok" and step in line, line
    assert "migrated to 0007_package_code" in lines[2] and "NPV 15,215,311.45 USD" in lines[5]
    assert "1 page of 612 × 792 pt" in lines[7]
    assert lines[-1].startswith("Self-test passed in")


def test_a_data_folder_that_cannot_be_written_is_the_named_failure(qapp: object, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")  # root ignores permissions: a file in the way never does
    code, lines = run(capsys, "--data-dir", str(blocker / "data"))
    assert code == 1
    assert lines[1].split()[0] == "FAILED" and "--data-dir" in lines[1] and "SHELTER_APP_DATA_DIR" in lines[1]
    assert all(line.split()[0] in ("ok", "warn") for line in lines[2:-1])  # the other steps still ran
    assert lines[-1] == "Self-test FAILED at: data folder."
    paths.set_data_dir(None)


def test_no_keychain_is_a_warning_that_says_what_it_means(qapp: object, capsys: pytest.CaptureFixture[str]) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        code, lines = run(capsys)
    finally:
        keyring.set_keyring(previous)
    assert code == 0
    line = next(line for line in lines if "keyring" in line)
    assert line.split()[0] == "warn" and "passphrase" in line


def test_damaged_reference_data_is_the_named_failure(qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", copy)
    expected = copy / "selftest" / "golden-case.expected.json"
    expected.write_text(expected.read_text(encoding="utf-8").replace("15215311.45", "15215311.46"), encoding="utf-8")
    monkeypatch.setattr(selftest, "resources_dir", lambda: copy)
    code, lines = run(capsys)
    assert code == 1 and lines[-1] == "Self-test FAILED at: business case."
    assert "reinstall" in next(line for line in lines if "business case" in line)


def test_the_shipped_golden_case_is_the_contracts_golden_case() -> None:
    assert filecmp.cmp(ROOT / "resources" / "selftest" / "golden-case.input.json",
                       ROOT / "tests" / "data" / "business_case" / "business-case-juarez-120.input.json", shallow=False)


def test_a_windowed_program_without_standard_output_writes_the_report_to_the_logs(
        qapp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    from shelter_app.ui.selftest import run_self_test

    folders = paths.get_paths()
    monkeypatch.setattr("sys.stdout", None)
    assert run_self_test(folders) == 0
    report = (folders.logs / "self-test.txt").read_text(encoding="utf-8")
    assert report.startswith("ShelterDesk 0.1.0 self-test") and "Self-test passed" in report

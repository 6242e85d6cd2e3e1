"""`python -m shelter_app` as a real process: the entry point, exit codes and streams."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from shelter_app import cli


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "shelter_app", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60, check=False)


def test_the_entry_point_runs_commands_in_the_data_dir(tmp_path: Path) -> None:
    data_dir = tmp_path / "datos"
    assert cli.main(["--data-dir", str(data_dir), "demo"]) == 0  # seeded in process, read by the child

    result = _run(["--data-dir", str(data_dir), "clients", "list", "--json", "--search", "norte"], tmp_path)

    assert (result.returncode, result.stderr) == (0, "")
    rows = json.loads(result.stdout)
    assert [r["legal_name"] for r in rows] == ["Válvulas del Norte, S.A. de C.V."]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["datos", "home"]  # nothing beside it


def test_without_a_display_and_a_command_it_exits_2_and_says_why(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}

    result = _run([], tmp_path, env)

    assert result.returncode == 2
    assert result.stdout == ""
    assert "needs a display" in result.stderr and "xvfb-run" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]  # and it created nothing


def test_a_double_clicked_file_means_open_and_a_commands_own_file_does_not() -> None:
    from shelter_app.app import _file_to_open

    assert _file_to_open(["intake.sdform"]) == ["open", "intake.sdform"]
    assert _file_to_open(["--lang", "es_MX", "--data-dir", "/d", "r.SDRESPONSE"]) == [
        "--lang", "es_MX", "--data-dir", "/d", "open", "r.SDRESPONSE"]
    for own in (["forms", "fill", "p.sdform", "--answers", "a.json", "-o", "r.sdresponse"],
                ["forms", "import", "r.sdresponse"], ["--data-dir", "x.sdform"], ["clients", "list"]):
        assert _file_to_open(own) == own


def test_opening_a_missing_file_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    from shelter_app.app import main

    assert main(["nowhere.sdform"]) == 2
    assert "nowhere.sdform: no such file" in capsys.readouterr().err


def test_a_data_folder_that_cannot_be_written_says_what_to_do(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    from shelter_app import paths
    from shelter_app.app import main

    blocker = tmp_path / "a-file"
    blocker.write_text("in the way", encoding="utf-8")  # root ignores permissions; a file in the way never does
    try:
        assert main(["--data-dir", str(blocker / "sd"), "--lang", "es_MX", "clients", "list"]) == 2
    finally:
        paths.set_data_dir(None)
    err = capsys.readouterr().err
    assert "no puede escribir en su carpeta de datos" in err and "--data-dir" in err and "Traceback" not in err

"""`python -m shelter_app` as a real process: the entry point, exit codes and streams."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

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

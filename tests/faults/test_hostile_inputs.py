"""Hostile business-case inputs through `shelter-app business-case compute`, as a user types it: every one is
refused with exit 2 and the JSON path, never a traceback (the list lives with the contract's tests)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_bounded_input_cli import HOSTILE
from tests.support.faultfigures import record

pytestmark = pytest.mark.faults


def test_every_hostile_business_case_input_is_refused_by_path(tmp_path: Path) -> None:
    script = shutil.which("shelter-app", path=str(Path(sys.executable).parent))
    assert script is not None
    refused, wrong = 0, []
    for name, (make, path, piece) in HOSTILE.items():
        source = tmp_path / "input.json"
        source.write_text(make(), encoding="utf-8")
        done = subprocess.run([script, "business-case", "compute", str(source)], capture_output=True, text=True,
                              env=os.environ.copy(), timeout=120, check=False)
        line = done.stderr.strip()
        if done.returncode == 2 and line.startswith(f"invalid input: {path}") and piece in line and \
                "Traceback" not in done.stderr:
            refused += 1
        else:
            wrong.append(f"{name}: exit {done.returncode}, {line[:200]}")
    record("hostile business-case inputs", f"{refused} of {len(HOSTILE)} refused by path with exit 2")
    assert wrong == []

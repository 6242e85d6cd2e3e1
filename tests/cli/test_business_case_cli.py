"""`shelter-app business-case compute`: one JSON document on stdout, exit 2 with the JSON path on bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from shelter_app.cli import main
from tests.support.business_case import GOLDEN_INPUT, golden_document, golden_expected
from tests.support.contract_check import compare


def write(tmp_path: Path, doc: dict[str, Any], name: str = "case.json") -> str:
    file = tmp_path / name
    file.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return str(file)


def test_compute_prints_the_result(capsys: pytest.CaptureFixture[str], isolated_folders: Path) -> None:
    assert main(["business-case", "compute", str(GOLDEN_INPUT)]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert compare(json.loads(captured.out), golden_expected()).failures == []
    assert not isolated_folders.exists(), "no data folder, settings or database for a computation"


def test_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out" / "result.json"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    assert main(["business-case", "compute", str(GOLDEN_INPUT), "--output", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "shelter-app/business-case-result@1"
    assert [p.name for p in target.parent.iterdir()] == ["result.json"]  # the temporary file is gone


def test_invalid_input_exits_2_naming_the_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = golden_document()
    doc["workforce"]["roles"][2]["daily_wage_mxn"] = True
    assert main(["business-case", "compute", write(tmp_path, doc)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert (
        captured.err == "invalid input: $.workforce.roles[2].daily_wage_mxn: must be a finite number, not a boolean\n"
    )


def test_invalid_input_writes_no_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = golden_document()
    doc["location"]["state"] = "Oaxaca"
    target = tmp_path / "result.json"
    assert main(["business-case", "compute", write(tmp_path, doc), "-o", str(target)]) == 2
    assert "invalid input: $.statutory.isn_rate: is required" in capsys.readouterr().err
    assert not target.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "invalid input: $: malformed JSON at line 1 column 2"),
        (b"\xff\xfe", "is not UTF-8 text"),
        (None, "invalid input: $: cannot read"),
    ],
)
def test_unreadable_input_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    file = tmp_path / "case.json"
    if content is not None:
        file.write_bytes(content)
    assert main(["business-case", "compute", str(file)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and message in captured.err


def test_warnings_go_to_stderr_and_change_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = golden_document()
    doc["workforce"]["roles"][0]["daily_wage_mxn"] = 400.0
    doc["workforce"]["roles"][1]["market_benefits"]["food_vouchers_uma_fraction"] = 0.5
    assert main(["business-case", "compute", write(tmp_path, doc)]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["schema"] == "shelter-app/business-case-result@1"
    assert captured.err.splitlines() == [
        "warning: $.workforce.roles[0].daily_wage_mxn: 400.0 MXN/day is below the minimum wage (440.87); "
        "the SBC floor and LSS art. 36 apply",
        "warning: $.workforce.roles[1].market_benefits.food_vouchers_uma_fraction: 0.5 UMA/day exceeds the "
        "LSS art. 27 limit of 0.40; the excess would be integrated into the SBC, which @1 does not model",
    ]


def test_an_unwritable_output_is_a_failure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["business-case", "compute", str(GOLDEN_INPUT), "-o", str(tmp_path / "missing" / "r.json")]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith("cannot write")


def test_the_real_command_without_a_display(tmp_path: Path) -> None:
    """As the acceptance check runs it: a fresh process, no DISPLAY, stdout is the document and nothing else."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["SHELTER_APP_DATA_DIR"] = str(tmp_path / "data")
    done = subprocess.run([sys.executable, "-m", "shelter_app", "business-case", "compute", str(GOLDEN_INPUT)],
                          capture_output=True, text=True, env=env, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert json.loads(done.stdout)["returns"]["payback_years"] == pytest.approx(0.9307440170980846, rel=1e-9)
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "shelter-app/business-case@1"}', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "shelter_app", "business-case", "compute", str(bad)],
                          capture_output=True, text=True, env=env, check=False)  # fmt: skip
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "invalid input: $.scenario: is required\n"

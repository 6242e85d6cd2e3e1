"""Hostile JSON files through the commands that read them: exit 2, one line naming the JSON path, no traceback.

`business-case compute`, `business-case pdf` and `business-case scenario add --from` read a business-case input;
`forms fill --answers` reads a form's answers. All of them read through `exchange.bounded_json`
(docs/business-case-contract.md §8, "Limits").
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from shelter_app.cli import main
from shelter_app.core.business_case.inputs import MAX_ROLES
from shelter_app.exchange.bounded_json import INPUT_LIMITS
from tests.cli.test_checklist_cli import project  # noqa: F401  (the fixture: a project with a finished journey)
from tests.support.business_case import GOLDEN_INPUT, golden_document
from tests.support.hostile_json import worst_accepted_text

ROOT = Path(__file__).resolve().parents[2]


def golden_text() -> str:
    return GOLDEN_INPUT.read_text(encoding="utf-8")


def replaced(old: str, new: str) -> str:
    text = golden_text()
    assert old in text, old
    return text.replace(old, new, 1)


def with_doc(edit: Callable[[dict[str, Any]], None]) -> str:
    doc = golden_document()
    edit(doc)
    return json.dumps(doc)


def _roles(count: int) -> Callable[[dict[str, Any]], None]:
    def edit(doc: dict[str, Any]) -> None:
        role = doc["workforce"]["roles"][0]
        doc["workforce"]["roles"] = [dict(role, id=f"r{i}") for i in range(count)]
    return edit


def _deep(doc: dict[str, Any]) -> None:
    doc["scenario"]["_comment"] = "@DEEP@"


# (input text, the JSON path the message must name, a piece of the message)
HOSTILE: dict[str, tuple[Callable[[], str], str, str]] = {
    "5,000-digit integer": (lambda: replaced('"horizon_years": 5', '"horizon_years": ' + "9" * 5000),
                            "$.scenario.horizon_years", "too long"),
    "100,000-deep nesting": (lambda: with_doc(_deep).replace('"@DEEP@"', "[" * 100_000 + "]" * 100_000),
                             "$.scenario._comment" + "[0]" * (INPUT_LIMITS.max_depth - 2), "nested more than"),
    "headcount 1e308": (lambda: with_doc(lambda d: d["workforce"]["roles"][0].update(headcount="@N@"))
                        .replace('"@N@"', "1e308"), "$.workforce.roles[0].headcount", "too large"),
    "wage 1e400": (lambda: with_doc(lambda d: d["workforce"]["roles"][1].update(daily_wage_mxn="@N@"))
                   .replace('"@N@"', "1e400"), "$.workforce.roles[1].daily_wage_mxn", "too large"),
    "headcount a million": (lambda: with_doc(lambda d: d["workforce"]["roles"][0].update(headcount=1_000_000)),
                            "$.workforce.roles[0].headcount", "between 0 and 100000"),
    "wage 1e-400": (lambda: with_doc(lambda d: d["workforce"]["roles"][1].update(daily_wage_mxn="@N@"))
                    .replace('"@N@"', "1e-400"), "$.workforce.roles[1].daily_wage_mxn", "decimal places"),
    "NaN": (lambda: replaced('"discount_rate": 0.1', '"discount_rate": NaN'), "$.scenario.discount_rate",
            "must be a finite number"),
    "Infinity": (lambda: replaced('"fx_mxn_per_usd": 18.0', '"fx_mxn_per_usd": -Infinity'),
                 "$.scenario.fx_mxn_per_usd", "must be a finite number"),
    "oversize file": (lambda: with_doc(lambda d: d.update(_notes="x" * (INPUT_LIMITS.max_bytes + 1))), "$",
                      "larger than 2 MB"),
    "100,000 roles": (lambda: with_doc(_roles(100_000)).replace(" ", ""), "$", "larger than 2 MB"),
    "100,000 compact roles": (lambda: with_doc(lambda d: d["workforce"].update(roles=[{}] * 100_000)),
                              "$.workforce.roles", "at most 10000 entries"),
    "one role too many": (lambda: with_doc(_roles(MAX_ROLES + 1)), "$.workforce.roles",
                          f"must have at most {MAX_ROLES} entries"),
}


def check_refusal(code: int, err: str, path: str, piece: str) -> None:
    assert code == 2, err[:500]
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err[:500]
    assert lines[0].startswith(f"invalid input: {path}: "), lines[0][:500]
    assert piece in lines[0], lines[0][:500]


@pytest.mark.parametrize("name", list(HOSTILE))
def test_compute_refuses_hostile_input_by_path(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make, path, piece = HOSTILE[name]
    file = tmp_path / "hostile.json"
    file.write_text(make(), encoding="utf-8")
    target = tmp_path / "result.json"
    code = main(["business-case", "compute", str(file), "-o", str(target)])
    captured = capsys.readouterr()
    check_refusal(code, captured.err, path, piece)
    assert captured.out == "" and not target.exists()


@pytest.mark.parametrize("name", ["5,000-digit integer", "100,000-deep nesting", "wage 1e400", "oversize file",
                                  "100,000 roles"])
def test_pdf_refuses_hostile_input_by_path(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make, path, piece = HOSTILE[name]
    file = tmp_path / "hostile.json"
    file.write_text(make(), encoding="utf-8")
    target = tmp_path / "case.pdf"
    code = main(["business-case", "pdf", str(file), "-o", str(target)])
    check_refusal(code, capsys.readouterr().err, path, piece)
    assert not target.exists()


@pytest.mark.parametrize("name", ["5,000-digit integer", "100,000-deep nesting", "headcount 1e308", "NaN",
                                  "oversize file", "one role too many"])
def test_scenario_add_refuses_hostile_input_and_saves_nothing(name: str, project: str,  # noqa: F811
                                                              tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    make, path, piece = HOSTILE[name]
    file = tmp_path / "hostile.json"
    file.write_text(make(), encoding="utf-8")
    code = main(["business-case", "scenario", "add", project, "--name", "Hostile", "--from", str(file)])
    check_refusal(code, capsys.readouterr().err, path, piece)
    assert main(["business-case", "scenario", "list", project, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize(("text", "path", "piece"), [
    ('{"area_sqft": ' + "1" * 5000 + "}", "$.area_sqft", "too long"),
    ('{"area_sqft": 1e400}', "$.area_sqft", "too large"),
    ('{"area_sqft": NaN}', "$.area_sqft", "must be a finite number"),
    ('{"notes": ' + "[" * 100_000 + "]" * 100_000 + "}", "$.notes" + "[0]" * (INPUT_LIMITS.max_depth - 1),
     "nested more than"),
    ('{"notes": "' + "x" * (INPUT_LIMITS.max_bytes + 1) + '"}', "$", "larger than 2 MB"),
    ('{"a": 1, "a": 2}', "$", "appears twice"),
])
def test_forms_fill_refuses_hostile_answers(text: str, path: str, piece: str, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(text, encoding="utf-8")
    response = tmp_path / "out.sdresponse"
    code = main(["forms", "fill", str(tmp_path / "facility.sdform"), "--answers", str(answers), "-o", str(response)])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert err.startswith(f"Cannot read the answers file {answers}: {path}: "), err[:500]
    assert piece in err and len(err.splitlines()) == 1
    assert not response.exists()


GOLDEN_RESULT_SHA256 = "0d662b7719f874ba15c7e2bd6b5837138f00db290b293d80ff1fea953fc9081f"
"""The golden case's result, byte for byte (`business-case compute` of the golden input). It changes only when a
result number or the result's layout changes (docs/business-case-contract.md §10); then review and update it."""


def test_golden_result_is_byte_identical(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["business-case", "compute", str(GOLDEN_INPUT)]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert hashlib.sha256(captured.out.encode("utf-8")).hexdigest() == GOLDEN_RESULT_SHA256


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak memory from Linux's /proc")
def test_worst_accepted_input_stays_small(tmp_path: Path) -> None:
    """A fresh process computing the largest input the limits accept peaks well under a few hundred MB."""
    source = tmp_path / "worst.json"
    source.write_text(worst_accepted_text(), encoding="utf-8")
    # VmHWM, the peak resident size of this process's memory since its exec (ru_maxrss would also count the
    # forked pytest process it started from)
    script = ("import sys\n"
              "from pathlib import Path\n"
              "from shelter_app.cli import main\n"
              "code = main(sys.argv[1:])\n"
              "status = Path('/proc/self/status').read_text().splitlines()\n"
              "print(next(line.split()[1] for line in status if line.startswith('VmHWM:')))\n"
              "sys.exit(code)\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", script, "business-case", "compute", str(source), "-o",
                           str(tmp_path / "out.json")], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    peak_mb = int(done.stdout.split()[-1]) / 1024  # kB
    assert peak_mb < 250, peak_mb

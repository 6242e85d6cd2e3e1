"""Every command's --help ends with an example that the parser accepts, and the example files work."""

from __future__ import annotations

import argparse
import json
import shlex
from pathlib import Path

import pytest

from shelter_app import cli

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "docs" / "examples"


def commands(parser: argparse.ArgumentParser, path: str = "") -> list[tuple[str, argparse.ArgumentParser]]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    found = [(path, parser)]
    for action in subs:
        for name, child in action.choices.items():
            found += commands(child, f"{path} {name}".strip())
    return found


def test_every_command_ends_its_help_with_an_example_the_parser_accepts(capsys: pytest.CaptureFixture[str]) -> None:
    parser = cli.build_parser()
    every = commands(parser)
    assert len(every) > 40
    missing = [path for path, child in every if path not in cli.EXAMPLES
               and not any(isinstance(a, argparse._SubParsersAction) for a in child._actions)]
    assert missing == []
    for path, example in cli.EXAMPLES.items():
        words = shlex.split(example)
        assert words[0] == "shelter-app", example
        parsed = parser.parse_args(words[1:])  # SystemExit (a failure here) when an option is wrong
        assert " ".join(w for w in words[1:] if not w.startswith("-"))  # says something
        if path:
            assert parsed.command == path.split()[0]
        for word in words:
            if word.startswith("docs/examples/"):
                assert (ROOT / word).is_file(), word
    with pytest.raises(SystemExit):
        parser.parse_args(["forms", "fill", "--help"])
    assert capsys.readouterr().out.rstrip().endswith(cli.EXAMPLES["forms fill"])


def test_the_example_files_work_with_their_commands(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert cli.main(["demo"]) == 0
    assert cli.main(["clients", "show", "Great Lakes Harness Inc.", "--json"]) == 0
    out = capsys.readouterr().out
    project = str(json.loads(out[out.index("{"):])["projects"][0]["id"])
    assert cli.main(["journey", "run", project, str(EXAMPLES / "journey-answers.json")]) == 0
    capsys.readouterr()
    assert cli.main(["journey", "show", project]) == 0
    shown = capsys.readouterr().out
    assert "Ciudad Juárez" in shown and "Assembler × 240" in shown

    result = tmp_path / "result.json"
    assert cli.main(["business-case", "compute", str(EXAMPLES / "business-case-input.json"), "-o", str(result)]) == 0
    assert json.loads(result.read_text(encoding="utf-8"))["returns"]

    package, response = tmp_path / "facility.sdform", tmp_path / "facility.sdresponse"
    assert cli.main(["forms", "export-package", "--project", project, "--form", "facility_needs",
                     "-o", str(package)]) == 0
    assert cli.main(["forms", "fill", str(package), "--answers", str(EXAMPLES / "facility-needs-answers.json"),
                     "-o", str(response)]) == 0, capsys.readouterr().err
    assert response.is_file()  # "Chihuahua" was written by name, not as its code CHH

"""`shelter-app --self-test`: prove an installation works, step by step, without touching the user's data.

Each step returns what it found; a failing step is reported by name with what to do, and the run goes on so one
report shows everything. The GUI layer adds the step that needs Qt (reading the PDF back with QPdfDocument).
The database step works in a temporary folder; the data-folder step only checks that the configured folder can
be written, and writes nothing but a probe file it removes.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Literal

from shelter_app import __version__
from shelter_app.core.errors import UserError
from shelter_app.paths import Paths, resources_dir

Status = Literal["ok", "warn", "failed"]


@dataclass(frozen=True)
class StepResult:
    name: str
    status: Status
    detail: str
    seconds: float


class StepProblem(Exception):
    """A step failed: `detail` says what is wrong and what to do."""


class StepWarning(Exception):
    """A step works in a reduced way (no keychain): `detail` says what that means."""


Step = tuple[str, Callable[[Path], str]]


def data_folder_step(paths: Paths) -> Step:
    def check(_work: Path) -> str:
        folder = paths.data
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".self-test-"):
                pass
        except OSError as exc:
            raise StepProblem(f"the data folder {folder} cannot be written ({exc.strerror or exc}); choose a "
                              "writable one with --data-dir DIR or the SHELTER_APP_DATA_DIR variable") from None
        return f"{folder} (writable)"
    return "data folder", check


def _database(work: Path) -> str:
    from shelter_app.storage.db import head_revision, open_database, sqlite_url

    db = open_database(sqlite_url(work / "self-test.sqlite3"), backups_dir=work / "backups")
    try:
        return f"new SQLite database created and migrated to {head_revision()}"
    finally:
        db.close()


def _packs(_work: Path) -> str:
    from shelter_app.content.checklists import load_packs

    packs = load_packs()
    return f"{len(packs.packs)} checklist packs, {len(packs.items)} items, all valid"


def _forms(_work: Path) -> str:
    from shelter_app.content.forms import load_forms

    forms = load_forms()
    return f"{len(forms.ids())} forms ({len(forms)} versions), all valid"


def _business_case(_work: Path) -> str:
    from shelter_app.services.business_case import compute_document

    folder = resources_dir() / "selftest"
    document = json.loads((folder / "golden-case.input.json").read_text(encoding="utf-8"), parse_float=Decimal)
    expected = json.loads((folder / "golden-case.expected.json").read_text(encoding="utf-8"))
    result = compute_document(document)
    npv = round(result["returns"]["npv_usd"], 2)
    first = round(result["years"][0]["mexico"]["total_usd"], 2)
    if npv != Decimal(expected["npv_usd"]) or first != Decimal(expected["first_year_mexico_total_usd"]):
        raise StepProblem(f"the golden case gives NPV {npv} USD and a first-year Mexico total of {first} USD, not "
                          f"{expected['npv_usd']} and {expected['first_year_mexico_total_usd']}: the reference "
                          "data or the model in this installation is damaged; reinstall")
    return f"golden case (cost-model §4): NPV {npv:,} USD, as expected"


def pdf_path(work: Path) -> Path:
    return work / "self-test.pdf"


def _pdf(work: Path) -> str:
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen.canvas import Canvas

    from shelter_app.reports.fonts import REGULAR, register_fonts

    register_fonts()
    target = pdf_path(work)
    canvas = Canvas(str(target), pagesize=LETTER)
    canvas.setTitle("ShelterDesk self-test")
    canvas.setCreator(f"ShelterDesk {__version__}")
    canvas.setFont(REGULAR, 14)
    canvas.drawString(72, 720, f"ShelterDesk {__version__}: prueba automática — self-test (ñ, á, €)")
    canvas.showPage()
    canvas.save()
    return f"one page written with embedded fonts ({target.stat().st_size:,} bytes)"


def _keyring(_work: Path) -> str:
    from shelter_app.exchange import secrets

    name = secrets.backend_name()
    if not secrets.keyring_available():
        raise StepWarning(f"no keychain on this computer ({name}): database passwords are not remembered, and the "
                          "form key is kept in a file protected by a passphrase you choose")
    return name


def steps(paths: Paths) -> list[Step]:
    """The Qt-free steps, in order; the GUI layer inserts its PDF read-back after "PDF"."""
    return [data_folder_step(paths), ("database", _database), ("checklist packs", _packs),
            ("form definitions", _forms), ("business case", _business_case), ("PDF", _pdf), ("keyring", _keyring)]


def run(all_steps: list[Step], work: Path) -> list[StepResult]:
    results: list[StepResult] = []
    for name, check in all_steps:
        started = time.perf_counter()
        status: Status = "ok"
        try:
            detail = check(work)
        except StepWarning as warning:
            status, detail = "warn", str(warning)
        except StepProblem as problem:
            status, detail = "failed", str(problem)
        except UserError as error:
            status, detail = "failed", error.en
        except Exception as exc:  # a self-test reports every failure by its step, whatever it is
            status, detail = "failed", f"{type(exc).__name__}: {exc}"
        results.append(StepResult(name, status, detail, time.perf_counter() - started))
    return results


def header() -> str:
    frozen = "frozen bundle" if getattr(sys, "frozen", False) else "source install"
    return (f"ShelterDesk {__version__} self-test — Python {sys.version.split()[0]}, {sys.platform}, {frozen}, "
            f"installed in {Path(__file__).resolve().parents[1]}")


def report(results: list[StepResult], total_seconds: float) -> tuple[str, int]:
    """The printed report and the exit code (0: every step ok or warned; 1: a step failed, named)."""
    marks = {"ok": "ok", "warn": "warn", "failed": "FAILED"}
    lines = [header()]
    lines += [f"  {marks[r.status]:<7}{r.name:<18}{r.detail}  ({r.seconds * 1000:,.0f} ms)" for r in results]
    failed = [r.name for r in results if r.status == "failed"]
    if failed:
        lines.append(f"Self-test FAILED at: {', '.join(failed)}.")
        return "\n".join(lines), 1
    lines.append(f"Self-test passed in {total_seconds:.1f} s.")
    return "\n".join(lines), 0


def temporary_folder() -> tempfile.TemporaryDirectory[str]:
    """Where the database and PDF steps work (removed afterwards)."""
    return tempfile.TemporaryDirectory(prefix="shelterdesk-self-test-")

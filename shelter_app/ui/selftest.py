"""The self-test's Qt part: the PDF step's file is read back with QPdfDocument (what the in-app preview uses),
and the whole run is printed. Runs offscreen when there is no display, so it works in CI and over SSH."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TextIO

from shelter_app.paths import Paths


def _pdf_read_back(work: Path) -> str:
    from PySide6.QtPdf import QPdfDocument

    from shelter_app.services.selftest import StepProblem, pdf_path

    if not pdf_path(work).is_file():
        raise StepProblem("there is no PDF to read back: the PDF step failed (see above)")
    document = QPdfDocument()
    error = document.load(str(pdf_path(work)))
    if error != QPdfDocument.Error.None_ or document.pageCount() != 1:
        raise StepProblem(f"QPdfDocument could not read the self-test PDF ({error.name}, {document.pageCount()} "
                          "pages): the QtPdf library of this installation is missing or damaged; reinstall")
    size = document.pagePointSize(0)
    document.close()
    return f"read back by QPdfDocument: 1 page of {size.width():.0f} × {size.height():.0f} pt"


def run_self_test(paths: Paths, out: TextIO | None = None) -> int:
    """Print the report; 0 when every step passed (warnings included), 1 when one failed. A windowed program has
    no standard output (Windows' ShelterDesk.exe): the report then goes to self-test.txt in the logs folder."""
    if out is None and sys.stdout is None:
        paths.logs.mkdir(parents=True, exist_ok=True)
        with (paths.logs / "self-test.txt").open("w", encoding="utf-8") as log:
            return run_self_test(paths, log)
    out = out or sys.stdout
    from shelter_app.app import has_display

    if not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication

    from shelter_app.services import selftest

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # QtPdf needs one; kept until we return
    started = time.perf_counter()
    steps = selftest.steps(paths)
    at = next(i for i, (name, _) in enumerate(steps) if name == "PDF") + 1
    steps.insert(at, ("PDF preview", _pdf_read_back))
    with selftest.temporary_folder() as folder:
        results = selftest.run(steps, Path(folder))
    text, code = selftest.report(results, time.perf_counter() - started)
    print(text, file=out)
    return code

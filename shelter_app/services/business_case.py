"""Compute a business case: from the JSON contract or from an editor's input, with the shipped tables.

The CLI (`shelter-app business-case compute`), a GUI and the tests all come through here.
"""

from __future__ import annotations

import os
import tempfile
from decimal import DecimalException
from pathlib import Path
from typing import Any

from shelter_app.content.reference import shipped_reference
from shelter_app.core.business_case import compute as compute_case
from shelter_app.core.business_case.inputs import BusinessCaseInput
from shelter_app.core.business_case.reference import ReferenceData
from shelter_app.core.business_case.result import BusinessCaseResult
from shelter_app.core.business_case.validation import InvalidBusinessCase
from shelter_app.exchange.business_case_io import (
    InvalidInput,
    dumps,
    from_core_error,
    parse_input,
    parse_json_text,
    result_document,
)


def compute(case: BusinessCaseInput, reference: ReferenceData | None = None) -> BusinessCaseResult:
    """Compute `case` against `reference` (default: the shipped tables)."""
    try:
        return compute_case(case, shipped_reference() if reference is None else reference)
    except DecimalException as exc:  # a number so large or small that Decimal cannot carry the arithmetic
        raise InvalidInput(
            "$",
            f"a number is out of the range the model can compute ({type(exc).__name__})",
            f"un número está fuera del rango que el modelo puede calcular ({type(exc).__name__})",
        ) from None


def compute_contract(doc: Any, reference: ReferenceData | None = None) -> BusinessCaseResult:
    """Compute an input document (§3, already parsed); `InvalidInput` names the field by its JSON path."""
    case = parse_input(doc)
    try:
        return compute(case, reference)
    except InvalidBusinessCase as exc:
        raise from_core_error(exc) from None


def compute_document(doc: Any, reference: ReferenceData | None = None) -> dict[str, Any]:
    """An input document (§3, already parsed) to its result document (§6)."""
    return result_document(compute_contract(doc, reference))


def compute_text(text: str, reference: ReferenceData | None = None) -> str:
    """JSON text in, JSON text out, numbers exact both ways."""
    return render(compute_contract(parse_json_text(text), reference))


def render(result: BusinessCaseResult) -> str:
    """The result document as JSON text, ending with a newline."""
    return dumps(result_document(result)) + "\n"


def write_atomically(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder, then rename: a reader never sees half a result."""
    path = path.resolve()
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)

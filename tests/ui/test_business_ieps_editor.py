"""The scenario editor shows `_ieps` (IEPS-taxed temporary imports and their rate) in the IVA tab, next to the IVA
memo's fields, and round-trips it: shown as stored, typed values written exactly, both emptied removes it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QScrollArea

from shelter_app.core.business_case.ieps import IepsImports
from shelter_app.services import scenarios
from shelter_app.ui.business.editor import ScenarioEditor
from tests.support.business_case import golden_document
from tests.ui.conftest import type_text

D = Decimal
AMOUNT, RATE = "_ieps.taxed_imports_usd_per_month", "_ieps.ieps_rate"


def line(editor: ScenarioEditor, key: str) -> QLineEdit:
    widget = editor.inputs[key].editor
    assert isinstance(widget, QLineEdit)
    return widget


def retype(widget: QLineEdit, text: str) -> None:
    widget.clear()
    type_text(widget, text)
    widget.textEdited.emit(widget.text())


def tab_labels(editor: ScenarioEditor, title: str) -> list[str]:
    index = next(i for i in range(editor.tabs.count()) if editor.tabs.tabText(i) == title)
    scroll = editor.tabs.widget(index)
    assert isinstance(scroll, QScrollArea) and scroll.widget() is not None
    return [label.text() for label in scroll.widget().findChildren(QLabel) if label.text()]


@pytest.mark.parametrize(("language", "title", "labels"), [
    ("en", "Escalation and IVA", ["IVA recovery lag", "IEPS-taxed temporary imports", "IEPS rate"]),
    ("es", "Incrementos e IVA", ["Plazo de recuperación del IVA", "Importaciones temporales gravadas con IEPS",
                                 "Tasa del IEPS"]),
])
def test_the_fields_sit_with_the_iva_memo_in_both_languages(qtbot: Any, language: str, title: str,
                                                             labels: list[str]) -> None:
    editor = ScenarioEditor(language)
    qtbot.addWidget(editor)
    shown = tab_labels(editor, title)
    for label in labels:
        assert label in shown, label
    assert shown.index(labels[1]) > shown.index(labels[0])  # after the IVA memo's fields


def test_the_editor_round_trips_the_ieps(qtbot: Any, english: None) -> None:
    editor = ScenarioEditor("en")
    qtbot.addWidget(editor)
    document = golden_document()
    document["_ieps"] = {"taxed_imports_usd_per_month": D(100000), "ieps_rate": D("0.08")}
    editor.set_document(document)
    assert line(editor, AMOUNT).text() == "100,000" and line(editor, RATE).text() == "8"

    with qtbot.waitSignal(editor.edited):
        retype(line(editor, RATE), "26.5")
    with qtbot.waitSignal(editor.edited):
        retype(line(editor, AMOUNT), "125,000.50")
    assert editor.document["_ieps"] == {"taxed_imports_usd_per_month": D("125000.50"), "ieps_rate": D("0.265")}
    assert scenarios.extras(editor.document).ieps == IepsImports(D("125000.50"), D("0.265"))
    stored = scenarios.dumps(editor.document)  # what a save writes, read back into a fresh editor
    again = ScenarioEditor("en")
    qtbot.addWidget(again)
    again.set_document(scenarios.business_case_io.parse_json_text(stored))
    assert line(again, AMOUNT).text() == "125,000.5" and line(again, RATE).text() == "26.5"

    retype(line(editor, AMOUNT), "")
    retype(line(editor, RATE), "")
    assert "_ieps" not in editor.document  # both emptied: no IEPS-taxed imports


def test_an_amount_without_its_rate_is_refused_at_the_rate(qtbot: Any, english: None) -> None:
    editor = ScenarioEditor("en")
    qtbot.addWidget(editor)
    editor.set_document(golden_document())
    assert line(editor, AMOUNT).text() == "" and "_ieps" not in editor.document
    retype(line(editor, AMOUNT), "5,000")
    with pytest.raises(scenarios.business_case_io.InvalidInput) as error:
        scenarios.check_document(editor.document)
    assert error.value.path == f"$.{RATE}"
    assert editor.show_problem(error.value.path, str(error.value))
    assert editor.inputs[RATE].problem.text().startswith("$._ieps.ieps_rate: is needed")


def test_the_results_table_counts_the_ieps_in_what_the_certification_avoids() -> None:
    from shelter_app.services import business_case
    from shelter_app.ui.business.results import _certification_benefit

    result = business_case.compute_contract(golden_document())
    iva_only = result.iva_financing.certification_benefit_usd_per_year
    assert _certification_benefit(result, None) == iva_only
    ieps = IepsImports(taxed_imports_usd_per_month=Decimal("100000"), ieps_rate=Decimal("0.08"))
    expected = Decimal("0.08") * Decimal("100000") * result.iva_financing.recovery_lag_months \
        * result.iva_financing.cost_of_capital_rate
    assert _certification_benefit(result, ieps) == iva_only + expected

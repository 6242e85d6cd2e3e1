"""The business-case tab end to end: scenarios from the journey, live results, errors at the field, saving."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox, QWidget

from shelter_app.core.answers import Path as OperatingPath
from shelter_app.paths import get_paths
from shelter_app.services import audit, checklists, scenarios
from shelter_app.storage.db import Database
from shelter_app.ui.business.editor import FieldInput
from shelter_app.ui.business.page import BusinessCasePage
from shelter_app.ui.worker import DbRunner
from shelter_app.ui.workspace import ProjectWorkspace
from tests.services.test_checklists import SHELTER_PROGRAMS, journey_for, new_project
from tests.ui.conftest import type_text, when_modal

TODAY = date(2026, 11, 23)


@pytest.fixture
def project(gui_db: Database) -> int:
    project_id = new_project(gui_db)
    checklists.save_journey(gui_db, "ana", project_id, journey_for(OperatingPath.SHELTER, SHELTER_PROGRAMS), None)
    checklists.apply_journey(gui_db, "ana", project_id)
    return project_id


@pytest.fixture
def workspace(qtbot: Any, gui_db: Database, runner: DbRunner, english: None,
              project: int) -> Iterator[ProjectWorkspace]:
    ws = ProjectWorkspace(runner, gui_db, "ana", project, get_paths(), today=TODAY)

    def forget_edits(widget: ProjectWorkspace) -> None:
        if widget.business is not None:
            widget.business.dirty = False  # closing would ask about unsaved changes (tested on its own)

    qtbot.addWidget(ws, before_close_func=forget_edits)
    ws.show()
    yield ws


def field(page: BusinessCasePage, key: str) -> FieldInput:
    return page.editor.inputs[key]


def retype(widget: QWidget, text: str) -> None:
    assert isinstance(widget, QLineEdit)
    widget.selectAll()
    widget.del_()
    type_text(widget, text)


def comparison(page: BusinessCasePage, row: int, column: int = 0) -> str:
    item = page.table.item(row, column)
    return item.text() if item is not None else ""


def test_the_tab_is_built_on_first_use_and_the_journey_hands_over_a_first_scenario(
        workspace: ProjectWorkspace, gui_db: Database, project: int) -> None:
    assert workspace.business is None  # opening the checklists does not build the business case
    workspace.open_business_case(start_if_empty=True)
    page = workspace.business
    assert isinstance(page, BusinessCasePage)
    [view] = scenarios.list_scenarios(gui_db, project)
    assert view.name == "Shelter" and page.current is not None and page.current.id == view.id
    assert field(page, "location.city").editor.text() == "Ciudad Juárez"  # type: ignore[attr-defined]
    assert page.editor.roles.item(0, 0).text() == "Operator"  # type: ignore[union-attr]
    assert comparison(page, 0).endswith("(2027)")  # the first full year after the 2026 ramp
    assert "indicative figure" in page.status.text()
    assert not page.blocks.grab().isNull() and not page.cash.grab().isNull()
    workspace.open_business_case(start_if_empty=True)  # a second time adds nothing
    assert len(scenarios.list_scenarios(gui_db, project)) == 1


def test_a_project_without_scenarios_says_how_to_start(workspace: ProjectWorkspace) -> None:
    workspace.tabs.setCurrentIndex(workspace.business_tab)
    page = workspace.business
    assert page.empty.isVisible() and not page.editor.isVisible() and not page.generate_button.isEnabled()


def test_typing_recomputes_live_and_save_stores_it_without_the_indicative_mark(
        workspace: ProjectWorkspace, gui_db: Database, project: int, qtbot: Any) -> None:
    workspace.open_business_case(start_if_empty=True)
    page = workspace.business
    before = comparison(page, 0)
    rate = field(page, "scenario.fx_mxn_per_usd")
    assert "background: #fff4ce" in rate.editor.styleSheet()  # indicative until replaced
    retype(rate.editor, "20.5")
    page.recompute()  # the debounce would do it 150 ms later
    assert comparison(page, 0) != before and "Unsaved changes" in page.status.text()
    assert "fff4ce" not in rate.editor.styleSheet()
    page.save()
    saved = scenarios.list_scenarios(gui_db, project)[0]
    assert saved.document["scenario"]["fx_mxn_per_usd"] == Decimal("20.5")
    assert "scenario.fx_mxn_per_usd" not in saved.indicative
    assert not page.dirty and "update" in [e.action for e in audit.history(gui_db, "business_scenario", saved.id)]


def test_a_wrong_number_and_a_refused_value_are_shown_at_their_field(workspace: ProjectWorkspace) -> None:
    workspace.open_business_case(start_if_empty=True)
    page = workspace.business
    rent = field(page, "facility.rent_usd_per_sqft_month")
    retype(rent.editor, "0,7,x")
    assert not rent.problem.isHidden() and "number" in rent.problem.text()
    horizon = field(page, "scenario.horizon_years")
    retype(horizon.editor, "45")
    page.recompute()
    assert not horizon.problem.isHidden() and "horizon_years" in horizon.problem.text()
    assert page.status.text().startswith("Does not compute")
    assert page.editor.tabs.currentIndex() == 0  # the tab holding the field is shown
    page.editor.roles.item(0, 1).setText("-3")  # type: ignore[union-attr]
    retype(horizon.editor, "5")
    page.recompute()
    assert not page.editor.roles_problem.isHidden() and "headcount" in page.editor.roles_problem.text()
    when_modal(lambda box: box.accept())
    page.save()  # refused while it does not compute: nothing is stored
    assert page.dirty


def test_a_replaced_reference_value_keeps_its_reason_for_the_document(workspace: ProjectWorkspace,
                                                                       gui_db: Database, project: int) -> None:
    workspace.open_business_case(start_if_empty=True)
    page = workspace.business
    isn = field(page, "statutory.isn_rate")
    assert "4 %" in isn.hint.text() and "checked" in isn.hint.text()
    retype(isn.editor, "3.5")
    assert not isn.reason.isHidden()
    type_text(isn.reason, "Chihuahua's 2027 budget law, art. 12")
    page.recompute()
    page.save()
    saved = scenarios.list_scenarios(gui_db, project)[0]
    assert saved.document["statutory"]["isn_rate"] == Decimal("0.035")
    assert saved.document["_override_reasons"] == {"statutory.isn_rate": "Chihuahua's 2027 budget law, art. 12"}
    result = scenarios.compute_scenario(gui_db, saved.id)
    [isn_source] = [s for s in result.parameters.sources if s.parameter == "isn_rate"]
    assert isn_source.reason == "Chihuahua's 2027 budget law, art. 12"


def test_scenarios_are_added_copied_and_deleted_side_by_side(workspace: ProjectWorkspace, gui_db: Database,
                                                             project: int) -> None:
    workspace.open_business_case(start_if_empty=True)
    page = workspace.business
    when_modal(lambda dialog: (dialog.setTextValue("Querétaro"), dialog.accept())  # type: ignore[attr-defined]
               if isinstance(dialog, QInputDialog) else None)
    page.duplicate_scenario()
    assert [v.name for v in page.views] == ["Shelter", "Querétaro"] and page.current.name == "Querétaro"
    assert page.table.columnCount() == 2
    labels = [page.table.verticalHeaderItem(r).text() for r in range(page.table.rowCount())]  # type: ignore[union-attr]
    score_row = labels.index("Site score (rank)")  # two scenarios: the weighted site score ranks them
    assert [comparison(page, score_row, c) for c in range(2)] == ["100 (#1)", "100 (#1)"]  # identical copies tie
    when_modal(lambda dialog: (dialog.setTextValue("Own entity"), dialog.accept())  # type: ignore[attr-defined]
               if isinstance(dialog, QInputDialog) else None)
    page.new_scenario("own_entity")
    assert page.table.columnCount() == 3 and page.current.structure == "own_entity"
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())  # type: ignore[attr-defined]
    page.delete_scenario()
    assert [v.name for v in scenarios.list_scenarios(gui_db, project)] == ["Shelter", "Querétaro"]


def test_leaving_a_scenario_with_unsaved_changes_asks_first(workspace: ProjectWorkspace) -> None:
    workspace.open_business_case(start_if_empty=True)
    page = workspace.business
    when_modal(lambda dialog: (dialog.setTextValue("Copy"), dialog.accept())  # type: ignore[attr-defined]
               if isinstance(dialog, QInputDialog) else None)
    page.duplicate_scenario()
    retype(field(page, "scenario.discount_rate").editor, "12")
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())  # type: ignore[attr-defined]
    page.scenario_list.setCurrentRow(0)
    assert page.current.name == "Copy" and page.dirty  # stayed
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Discard).click())  # type: ignore[attr-defined]
    page.scenario_list.setCurrentRow(0)
    assert page.current.name == "Shelter" and not page.dirty
    QApplication.processEvents()
    assert page.scenario_list.currentItem().data(Qt.ItemDataRole.UserRole) == page.current.id  # type: ignore[union-attr]


def test_generate_keeps_the_pdf_with_the_project_and_previews_and_prints_it(
        workspace: ProjectWorkspace, gui_db: Database, project: int, tmp_path: Any, qtbot: Any) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from shelter_app.services import business_documents
    from shelter_app.ui.business.documents import PdfPreview, generate_to

    workspace.open_business_case(start_if_empty=True)
    page = workspace.business
    target = tmp_path / "caso de negocio.pdf"
    generate_to(workspace, target, [page.current.id], "es", "a4")
    qtbot.waitUntil(lambda: page.documents.topLevelItemCount() == 1, timeout=20000)
    assert target.read_bytes().startswith(b"%PDF")
    [kept] = business_documents.list_documents(gui_db, project)
    assert (kept.language, kept.paper, kept.scenarios) == ("es", "a4", ("Shelter",))
    assert page.documents.topLevelItemCount() == 1
    previews = [w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreview) and w.isVisible()]
    assert previews and previews[-1].document.pageCount() > 10
    preview = previews[-1]
    preview.next_page()
    preview.zoom_in()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    with qtbot.waitSignal(preview.printed, timeout=30_000) as printed:
        preview.print_to(printer)
    assert printed.args[0].printed and printed.args[0].pages == 2
    info = subprocess.run(["pdfinfo", str(tmp_path / "printed.pdf")], capture_output=True, text=True, check=True)
    assert "Pages:           2" in info.stdout
    preview.close()
    page.documents.setCurrentItem(page.documents.topLevelItem(0))
    page.open_document()  # the copy kept under its hash, checked first
    assert any(isinstance(w, PdfPreview) and w.isVisible() and w.path == business_documents.stored_path(
        workspace.paths.documents, kept.sha256) for w in QApplication.topLevelWidgets())
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, PdfPreview):
            widget.close()


def test_a_china_supplier_baseline_is_added_edited_and_checked_at_its_fields(workspace: ProjectWorkspace,
                                                                              gui_db: Database, project: int) -> None:
    workspace.open_business_case(start_if_empty=True)
    page = workspace.business
    editor = page.editor
    assert not editor.china_box.isChecked() and page.table.rowCount() == 9
    editor.china_box.setChecked(True)  # the template's figures, marked indicative; the FOB is to be typed
    assert editor.document["_china_baseline"]["section_301_rate"] == Decimal("0.25")
    fob = field(page, "_china_baseline.annual_fob_usd")
    retype(fob.editor, "12,000,000")
    retype(field(page, "_china_baseline.annual_mexico_materials_usd").editor, "5,000,000")
    page.recompute()
    assert page.table.rowCount() == 11 and "USD" in comparison(page, 10)
    tariff = field(page, "_china_baseline.section_301_rate")
    retype(tariff.editor, "150")
    page.recompute()
    assert not tariff.problem.isHidden() and "section_301_rate" in tariff.problem.text()
    retype(tariff.editor, "25")
    page.recompute()
    page.save()
    saved = scenarios.list_scenarios(gui_db, project)[0]
    assert saved.document["_china_baseline"]["annual_fob_usd"] == Decimal(12000000)
    assert scenarios.china_comparison(saved.document, scenarios.compute_scenario(gui_db, saved.id)) is not None
    editor.china_box.setChecked(False)
    page.recompute()
    assert "_china_baseline" not in editor.document and page.table.rowCount() == 9

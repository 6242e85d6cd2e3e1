"""The journey wizard on a real database: pages drawn from the flow, filled like a user would, both branches.

The flow's own branches are tested without widgets in tests/core/test_journey.py; here each page
is filled through its widgets (Spanish text typed key by key), Next/Back/Finish/Save and close are
pressed, and the outcome is read back through the services.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from shelter_app.core.eligibility import Severity
from shelter_app.core.journey import BUSINESS_CASE_HANDOVER, FieldKind, Step
from shelter_app.core.portfolio import ClientFields, ProjectFields
from shelter_app.services import checklists, clients, projects
from shelter_app.services.checklists import ApplyResult
from shelter_app.storage.db import Database
from shelter_app.ui import i18n
from shelter_app.ui.journey import JourneyWizard
from shelter_app.ui.journey.fields import INPUTS, BoolInput, ChoiceInput, NumberInput, RolesInput, TextInput
from shelter_app.ui.journey.recommendations import RecommendationCard
from shelter_app.ui.worker import DbRunner
from tests.ui.conftest import type_text, when_modal

pytestmark = pytest.mark.gui


@pytest.fixture
def project_id(gui_db: Database) -> int:
    client_id = clients.create_client(gui_db, "tester", ClientFields("Arneses de Juárez, S.A. de C.V.")).entity_id
    return projects.create_project(gui_db, "tester", client_id, ProjectFields("Planta Juárez")).entity_id


@pytest.fixture
def open_wizard(qtbot: Any, runner: DbRunner, gui_db: Database, english: None) -> Any:
    """Open the wizard on a project's stored journey, as the workspace does."""

    def open_(project_id: int) -> JourneyWizard:
        wizard = JourneyWizard(runner, gui_db, "tester", project_id, checklists.get_journey(gui_db, project_id))
        # closing at teardown must not stop on the "save your answers?" question
        qtbot.addWidget(wizard, before_close_func=lambda w: setattr(w, "dirty", False))
        wizard.show()
        return wizard

    return open_


# -- filling widgets like a user ------------------------------------------------------------------------------

def text_field(wizard: JourneyWizard, name: str) -> QLineEdit:
    field = wizard.page.inputs[name]
    assert isinstance(field, TextInput | NumberInput)
    return field.edit


def type_into(wizard: JourneyWizard, name: str, text: str) -> None:
    edit = text_field(wizard, name)
    edit.selectAll()
    type_text(edit, text)


def choose(wizard: JourneyWizard, name: str, value: str) -> None:
    field = wizard.page.inputs[name]
    assert isinstance(field, ChoiceInput)
    index = field.combo.findData(value)
    assert index >= 0, f"{value!r} is not a choice of {name}"
    field.combo.setCurrentIndex(index)
    field.combo.activated.emit(index)  # what a user's pick emits


def tick(wizard: JourneyWizard, name: str) -> None:
    field = wizard.page.inputs[name]
    assert isinstance(field, BoolInput)
    field.box.click()


def roles(wizard: JourneyWizard) -> RolesInput:
    field = wizard.page.inputs["roles"]
    assert isinstance(field, RolesInput)
    return field


def edit_cell(qtbot: Any, table_input: RolesInput, row: int, column: int, text: str) -> None:
    """Open the cell's editor, type, press Enter (which commits the cell and does not leave the page)."""
    table = table_input.table
    table.setCurrentCell(row, column)
    item = table.item(row, column)
    assert item is not None
    table.editItem(item)
    editor = table.indexWidget(table.model().index(row, column))
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits the cell in a queued call
    assert item.text() == text


def step_of(wizard: JourneyWizard) -> Step:
    """The current step, read afresh (a plain attribute read would be narrowed by the type checker)."""
    return wizard.journey.current


def fill_profile(wizard: JourneyWizard) -> None:
    type_into(wizard, "annual_sales_usd", "12,000,000")
    type_into(wizard, "annual_exports_usd", "9,500,000")
    type_into(wizard, "monthly_temporary_imports_mxn", "16,200,000.50")


def fill_site(wizard: JourneyWizard) -> None:
    choose(wizard, "state", "CHH")
    type_into(wizard, "city", "Ciudad Juárez")
    type_into(wizard, "industrial_park", "Parque Industrial Río Bravo")


def fill_labor(qtbot: Any, wizard: JourneyWizard) -> None:
    table = roles(wizard)
    edit_cell(qtbot, table, 0, 0, "Operador de ensamble")
    edit_cell(qtbot, table, 0, 1, "120")
    edit_cell(qtbot, table, 0, 2, "2")
    table.add_button.click()
    edit_cell(qtbot, table, 1, 0, "Técnico de mantenimiento")
    edit_cell(qtbot, table, 1, 1, "8")


def walk_to(qtbot: Any, wizard: JourneyWizard, path: str, until: Step) -> None:
    """Fill and pass every page before `until`."""
    fillers = {
        Step.PROFILE: lambda: fill_profile(wizard),
        Step.OPERATING_MODEL: lambda: choose(wizard, "path", path),
        Step.SITE: lambda: fill_site(wizard),
        Step.LABOR: lambda: fill_labor(qtbot, wizard),
    }
    while wizard.journey.current is not until:
        fillers[wizard.journey.current]()
        current = wizard.journey.current
        wizard.next_button.click()
        assert step_of(wizard) is not current, wizard.page.messages


def shown_errors(wizard: JourneyWizard) -> dict[str, str]:
    return {name: label.text() for name, label in wizard.page.messages.items() if not label.isHidden()}


# -- the journeys -----------------------------------------------------------------------------------------------

def test_a_shelter_journey_page_by_page_creates_the_checklists(
        qtbot: Any, open_wizard: Any, gui_db: Database, project_id: int) -> None:
    wizard = open_wizard(project_id)
    assert wizard.page.heading.text() == "Company profile"
    assert not wizard.back_button.isEnabled() and wizard.next_button.isDefault()
    walk_to(qtbot, wizard, "shelter", Step.PROGRAMS)
    assert set(wizard.page.inputs) >= {"provider_certification", "provider_civa_rubro", "uses_prosec"}
    assert "immex_modality" not in wizard.page.inputs
    choose(wizard, "provider_certification", "certified")
    choose(wizard, "provider_civa_rubro", "AAA")
    tick(wizard, "exports_under_usmca")
    wizard.next_button.click()
    assert step_of(wizard) is Step.TIMELINE
    wizard.page.inputs["kickoff"].set_value("2026-03-02")
    wizard.next_button.click()

    assert step_of(wizard) is Step.BUSINESS_CASE
    page = wizard.page
    assert page.notice is not None and page.notice.text() == BUSINESS_CASE_HANDOVER.en
    assert wizard.finish_button.isVisible() and wizard.finish_button.isEnabled() and wizard.finish_button.isDefault()
    assert not wizard.next_button.isVisible()
    summary = page.summary
    assert summary is not None
    summary_text = " ".join(label.text() for label in summary.findChildren(type(page.heading)))
    for expected in ("Ciudad Juárez", "Parque Industrial Río Bravo", "Operador de ensamble", "16,200,000.50 MXN",
                     "Shelter (the provider's entity and programs)", "Northern border free zone (ZLFN)"):
        assert expected in summary_text
    assert page.recommendations is not None and page.recommendations.cards

    results: list[ApplyResult] = []
    wizard.finished_journey.connect(results.append)
    with qtbot.waitSignal(wizard.finished_journey):
        wizard.finish_button.click()
    assert results and results[0].added
    assert not wizard.isVisible() and wizard.result() == JourneyWizard.DialogCode.Accepted
    items = {item.item_id for item in checklists.project_items(gui_db, project_id)}
    assert set(results[0].added) == items
    assert any(i.startswith("shelter.") for i in items) and not any(i.startswith("corp.") for i in items)
    state = checklists.get_journey(gui_db, project_id)
    assert state.completed
    assert state.journey.step_answers(Step.SITE)["city"] == "Ciudad Juárez"
    assert state.journey.step_answers(Step.LABOR)["roles"] == [
        {"role": "Operador de ensamble", "headcount": 120, "shifts": 2},
        {"role": "Técnico de mantenimiento", "headcount": 8, "shifts": 1}]


def test_an_own_entity_journey_asks_for_its_own_programs(
        qtbot: Any, open_wizard: Any, gui_db: Database, project_id: int) -> None:
    wizard = open_wizard(project_id)
    walk_to(qtbot, wizard, "own_entity", Step.PROGRAMS)
    assert "provider_certification" not in wizard.page.inputs
    choose(wizard, "immex_modality", "industrial")
    choose(wizard, "civa_rubro", "A")
    type_into(wizard, "temporary_imports_returned_pct", "62.5")
    wizard.next_button.click()
    wizard.next_button.click()  # the kickoff date is filled in (today)
    assert step_of(wizard) is Step.BUSINESS_CASE
    with qtbot.waitSignal(wizard.finished_journey):
        wizard.finish_button.click()
    items = {item.item_id for item in checklists.project_items(gui_db, project_id)}
    assert any(i.startswith("corp.") for i in items) and not any(i.startswith("shelter.") for i in items)
    answers = checklists.get_journey(gui_db, project_id).journey.answers()
    assert answers.immex_modality == "industrial" and answers.civa_rubro == "A"


def test_programs_page_shows_the_recommendations_with_severity_to_verify_and_basis(
        qtbot: Any, open_wizard: Any, project_id: int) -> None:
    wizard = open_wizard(project_id)
    walk_to(qtbot, wizard, "own_entity", Step.PROGRAMS)
    view = wizard.page.recommendations
    assert view is not None and view.cards
    cards: list[RecommendationCard] = view.cards
    assert [c.recommendation for c in cards] == wizard.journey.recommendations()
    assert not view.empty.isVisibleTo(view)
    for card in cards:
        rec = card.recommendation
        assert card.title.text() == rec.title.en
        assert (card.to_verify is not None) == rec.to_verify
        for rule in rec.basis.rules:
            assert rule in card.basis.text()
        for item in rec.basis.item_ids:
            assert item in card.basis.text()
    assert any(c.to_verify is not None for c in cards)
    assert {c.severity.text() for c in cards} <= {"Blocker", "Warning", "Advice", "Information"}
    # the list follows the answers as they are picked, before Next
    choose(wizard, "immex_modality", "industrial")
    fit = {c.recommendation.code: c.title.text() for c in view.cards}["immex.modality_fit"]
    choose(wizard, "immex_modality", "servicios")
    assert {c.recommendation.code: c.title.text() for c in view.cards}["immex.modality_fit"] != fit
    assert wizard.journey.step_answers(Step.PROGRAMS) == {}  # drawn from a draft: nothing stored before Next


def test_going_back_from_programs_to_the_model_and_switching_path(
        qtbot: Any, open_wizard: Any, project_id: int) -> None:
    wizard = open_wizard(project_id)
    walk_to(qtbot, wizard, "shelter", Step.PROGRAMS)
    choose(wizard, "provider_certification", "not_certified")
    tick(wizard, "uses_prosec")
    wizard.next_button.click()
    wizard.back_button.click()
    assert step_of(wizard) is Step.PROGRAMS
    for expected in (Step.LABOR, Step.SITE, Step.OPERATING_MODEL):
        wizard.back_button.click()
        assert step_of(wizard) is expected
        assert wizard.page.heading.text() in ("Labor plan", "Site", "Operating model")
    path = wizard.page.inputs["path"]
    assert path.value() == "shelter"  # refilled from the stored answers
    choose(wizard, "path", "own_entity")
    wizard.next_button.click()
    assert text_field(wizard, "city").text() == "Ciudad Juárez"  # later answers kept
    wizard.next_button.click()
    assert roles(wizard).value() == [{"role": "Operador de ensamble", "headcount": "120", "shifts": "2"},
                                     {"role": "Técnico de mantenimiento", "headcount": "8", "shifts": "1"}]
    wizard.next_button.click()
    assert step_of(wizard) is Step.PROGRAMS
    page = wizard.page
    assert "immex_modality" in page.inputs and "provider_certification" not in page.inputs
    assert page.inputs["uses_prosec"].value() is True  # an answer both branches ask survives the switch
    assert page.inputs["immex_modality"].value() == ""  # nothing picked for the user
    assert wizard.stack.count() == len(wizard.pages)  # the shelter page was replaced, not stacked
    wizard.next_button.click()
    assert step_of(wizard) is Step.PROGRAMS
    assert "immex_modality" in shown_errors(wizard)


def test_a_wrong_answer_is_shown_at_its_field_and_the_page_stays(
        qtbot: Any, open_wizard: Any, project_id: int) -> None:
    wizard = open_wizard(project_id)
    type_into(wizard, "annual_sales_usd", "12.345")
    type_into(wizard, "annual_exports_usd", "-5")
    wizard.next_button.click()
    assert step_of(wizard) is Step.PROFILE
    errors = shown_errors(wizard)
    assert list(errors) == ["annual_sales_usd"] and "two decimals" in errors["annual_sales_usd"]
    assert wizard.page.messages["annual_sales_usd"].styleSheet().startswith("color: #b00020")
    type_into(wizard, "annual_sales_usd", "1,000")
    wizard.next_button.click()
    assert shown_errors(wizard) == {"annual_exports_usd": "“Annual exports”: the amount cannot be negative."}
    type_into(wizard, "annual_exports_usd", "5,000")
    wizard.next_button.click()
    assert step_of(wizard) is Step.PROFILE
    assert "cannot exceed" in shown_errors(wizard)["annual_exports_usd"]
    type_into(wizard, "annual_exports_usd", "500")
    wizard.next_button.click()
    assert step_of(wizard) is Step.OPERATING_MODEL
    wizard.next_button.click()
    assert "required" in shown_errors(wizard)["path"]
    choose(wizard, "path", "shelter")
    wizard.next_button.click()
    fill_site(wizard)
    wizard.next_button.click()

    table = roles(wizard)
    edit_cell(qtbot, table, 0, 0, "Operador")
    edit_cell(qtbot, table, 0, 1, "-3")
    wizard.next_button.click()
    assert step_of(wizard) is Step.LABOR
    assert "whole number" in shown_errors(wizard)["roles"]
    assert (table.table.currentRow(), table.table.currentColumn()) == (0, 1)  # the wrong cell is selected
    edit_cell(qtbot, table, 0, 1, "40")
    wizard.next_button.click()
    assert step_of(wizard) is Step.PROGRAMS
    wizard.back_button.click()
    assert shown_errors(wizard) == {}  # old messages do not come back with the page


def test_save_and_close_then_reopen_resumes_where_it_stopped(
        qtbot: Any, open_wizard: Any, gui_db: Database, project_id: int) -> None:
    wizard = open_wizard(project_id)
    walk_to(qtbot, wizard, "shelter", Step.LABOR)
    fill_labor(qtbot, wizard)  # typed, Next not pressed: saved as a draft of the step
    assert shown_errors(wizard) == {}  # Enter in a cell commits the cell; it is not Next
    saved: list[Any] = []
    wizard.saved.connect(saved.append)
    wizard.save_close_button.click()
    assert saved and not wizard.isVisible()
    state = checklists.get_journey(gui_db, project_id)
    assert state.journey.current is Step.LABOR and not state.completed

    again = open_wizard(project_id)
    assert step_of(again) is Step.LABOR and again.page.heading.text() == "Labor plan"
    assert roles(again).cell(1, 0) == "Técnico de mantenimiento"
    again.back_button.click()
    assert text_field(again, "city").text() == "Ciudad Juárez"
    assert text_field(again, "industrial_park").text() == "Parque Industrial Río Bravo"
    again.back_button.click()
    again.back_button.click()
    assert text_field(again, "monthly_temporary_imports_mxn").text() == "16,200,000.50"


def test_save_and_close_keeps_an_unfinished_page_and_refuses_a_wrong_one(
        qtbot: Any, open_wizard: Any, gui_db: Database, project_id: int) -> None:
    wizard = open_wizard(project_id)
    walk_to(qtbot, wizard, "own_entity", Step.SITE)
    choose(wizard, "state", "SON")  # the city, required, is still missing
    type_into(wizard, "industrial_park", "x" * 201)
    wizard.save_close_button.click()
    assert wizard.isVisible() and "200" in shown_errors(wizard)["industrial_park"]
    assert checklists.get_journey(gui_db, project_id).version is None  # nothing stored
    text_field(wizard, "industrial_park").clear()
    wizard.save_close_button.click()
    assert not wizard.isVisible()

    again = open_wizard(project_id)
    assert step_of(again) is Step.SITE
    assert again.page.inputs["state"].value() == "SON" and text_field(again, "city").text() == ""
    again.next_button.click()
    assert "required" in shown_errors(again)["city"]


def test_a_colleagues_save_in_between_is_not_overwritten(
        qtbot: Any, open_wizard: Any, gui_db: Database, project_id: int) -> None:
    first = open_wizard(project_id)
    fill_profile(first)
    first.next_button.click()
    first.save_close_button.click()
    wizard = open_wizard(project_id)
    colleague = checklists.get_journey(gui_db, project_id)
    colleague.journey.go_next({"path": "own_entity"})
    checklists.save_journey(gui_db, "luis", project_id, colleague.journey, colleague.version)
    choose(wizard, "path", "shelter")
    wizard.save_close_button.click()
    assert wizard.isVisible() and "colleague" in wizard.banner.text()
    assert checklists.get_journey(gui_db, project_id).journey.path == "own_entity"


def test_the_site_page_shows_the_derived_wage_zone(qtbot: Any, open_wizard: Any, project_id: int) -> None:
    wizard = open_wizard(project_id)
    walk_to(qtbot, wizard, "shelter", Step.SITE)
    box = wizard.page.zone_box
    assert box is not None and "Choose the state" in box.zone.text()
    choose(wizard, "state", "SON")
    type_into(wizard, "city", "Hermosillo")
    assert box.zone.text() == "General zone — Hermosillo, Sonora"
    assert box.note.text().startswith("To verify")
    type_into(wizard, "city", "Heroica Nogales")
    wizard.next_button.click()
    assert wizard.journey.wage_zone() is not None
    wizard.back_button.click()
    assert box.zone.text() == "Northern border free zone (ZLFN) — Nogales, Sonora"
    assert not box.note.text().startswith("To verify")


def test_keyboard_only_tab_through_the_fields_and_enter_for_next(
        qtbot: Any, open_wizard: Any, project_id: int) -> None:
    wizard = open_wizard(project_id)
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    sales, exports, imports = (text_field(wizard, n) for n in
                               ("annual_sales_usd", "annual_exports_usd", "monthly_temporary_imports_mxn"))
    assert sales.hasFocus()
    qtbot.keyClicks(sales, "2,000,000")
    qtbot.keyClick(sales, Qt.Key.Key_Tab)
    assert exports.hasFocus()
    qtbot.keyClicks(exports, "1,500,000")
    qtbot.keyClick(exports, Qt.Key.Key_Tab)
    assert imports.hasFocus()
    qtbot.keyClick(imports, Qt.Key.Key_Tab)
    for _ in range(3):  # the IEPS questions (issue 14): yes/no, the IEPS-taxed amount, the rate
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert wizard.back_button.hasFocus() is False and wizard.next_button.hasFocus()  # Back is disabled
    qtbot.keyClick(imports, Qt.Key.Key_Return)
    assert step_of(wizard) is Step.OPERATING_MODEL
    combo = wizard.page.inputs["path"]
    assert isinstance(combo, ChoiceInput) and combo.combo.hasFocus()
    qtbot.keyClick(combo.combo, Qt.Key.Key_Down)
    assert combo.value() == "shelter"
    qtbot.keyClick(combo.combo, Qt.Key.Key_Return)
    assert step_of(wizard) is Step.SITE
    state = wizard.page.inputs["state"]
    assert isinstance(state, ChoiceInput) and state.combo.hasFocus()
    qtbot.keyClick(state.combo, Qt.Key.Key_Tab)
    assert text_field(wizard, "city").hasFocus()
    for _ in range(6):  # municipality, industrial park, the two check boxes, the federal-sector question, buttons
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert wizard.back_button.hasFocus()
    qtbot.keyClick(wizard.back_button, Qt.Key.Key_Space)
    assert step_of(wizard) is Step.OPERATING_MODEL


def test_cancel_asks_before_losing_answers(qtbot: Any, open_wizard: Any, gui_db: Database, project_id: int) -> None:
    wizard = open_wizard(project_id)
    wizard.cancel_button.click()  # nothing entered: closes at once
    assert not wizard.isVisible()

    wizard = open_wizard(project_id)
    fill_profile(wizard)
    wizard.next_button.click()
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Cancel).click()
               if isinstance(box, QMessageBox) else None)
    wizard.cancel_button.click()
    assert wizard.isVisible()
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Discard).click()
               if isinstance(box, QMessageBox) else None)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert not wizard.isVisible()
    assert checklists.get_journey(gui_db, project_id).version is None

    wizard = open_wizard(project_id)
    fill_profile(wizard)
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Save).click()
               if isinstance(box, QMessageBox) else None)
    wizard.close()
    assert not wizard.isVisible()
    stored = checklists.get_journey(gui_db, project_id).journey
    assert stored.current is Step.PROFILE and stored.step_answers()["annual_sales_usd"] == "12000000"


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    i18n.install("es_MX")
    yield
    i18n.install("en")


def test_the_spanish_interface_shows_the_questions_in_spanish(
        qtbot: Any, runner: DbRunner, gui_db: Database, project_id: int, spanish: None) -> None:
    wizard = JourneyWizard(runner, gui_db, "tester", project_id, checklists.get_journey(gui_db, project_id))
    qtbot.addWidget(wizard, before_close_func=lambda w: setattr(w, "dirty", False))
    wizard.show()
    page = wizard.page
    assert page.heading.text() == "Perfil de la empresa"
    labels = {label.text() for label in page.findChildren(type(page.heading))}
    assert {"Ventas totales anuales", "Exportaciones anuales"} <= labels
    assert wizard.step_labels[Step.PROGRAMS].text() == "Programas aduaneros y fiscales"
    type_into(wizard, "annual_exports_usd", "-5")
    wizard.next_button.click()
    assert shown_errors(wizard) == {"annual_exports_usd": "“Exportaciones anuales”: el importe no puede ser negativo."}
    text_field(wizard, "annual_exports_usd").clear()
    wizard.next_button.click()
    model = wizard.page.inputs["path"]
    assert isinstance(model, ChoiceInput)
    assert [model.combo.itemText(i) for i in range(model.combo.count())] == [
        "Albergue (entidad y programas del proveedor)", "Entidad mexicana propia"]
    choose(wizard, "path", "shelter")
    wizard.next_button.click()
    type_into(wizard, "city", "Ciudad Juárez")
    assert "Ciudad" in text_field(wizard, "city").text()
    walk_to(qtbot, wizard, "shelter", Step.PROGRAMS)
    choose(wizard, "provider_certification", "unknown")
    view = wizard.page.recommendations
    assert view is not None
    assert any(card.title.text() == card.recommendation.title.es for card in view.cards)
    assert all(card.title.text() == card.recommendation.title.es for card in view.cards)
    assert {card.recommendation.severity for card in view.cards} & {Severity.WARNING, Severity.ADVICE, Severity.INFO}


def test_every_kind_of_question_has_an_input() -> None:
    assert set(INPUTS) == set(FieldKind)


def test_importing_the_wizard_loads_no_database_code() -> None:
    code = ("import sys, shelter_app.ui.journey; "
            "print(sorted(m for m in ('sqlmodel', 'sqlalchemy', 'alembic', 'reportlab') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "[]"

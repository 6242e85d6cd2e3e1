"""The form renderer on the sample form (every question type) and on a generated 300-field form."""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QStyleOptionViewItem,
    QWidget,
)

from shelter_app.content.forms import definition_from_data, load_form_file
from shelter_app.core.forms.engine import FormState
from shelter_app.core.forms.model import FormDefinition
from shelter_app.paths import get_paths
from shelter_app.services import form_drafts
from shelter_app.ui.forms.renderer import FormView
from shelter_app.ui.forms.repeat import RepeatQuestion
from shelter_app.ui.forms.widgets import (
    CalculatedQuestion,
    ChoiceQuestion,
    FileQuestion,
    LineQuestion,
    LongTextQuestion,
    MultiQuestion,
    NoteQuestion,
)
from shelter_app.ui.worker import DbRunner
from tests.ui.conftest import type_text

pytestmark = pytest.mark.gui

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "forms" / "sample" / "1.0.yaml"


@pytest.fixture
def sample() -> FormDefinition:
    return load_form_file(SAMPLE)


def make_view(qtbot: Any, definition: FormDefinition, **kwargs: Any) -> FormView:
    view = FormView(FormState(definition), **kwargs)
    qtbot.addWidget(view)
    view.resize(1100, 800)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view and QApplication.focusWidget() is not None)
    return view


def line(view: FormView, name: str) -> QLineEdit:
    widget = view.question_widget(name)
    assert isinstance(widget, LineQuestion)
    return widget.edit


def radio(view: FormView, name: str, value: str) -> QRadioButton:
    button = view.findChild(QRadioButton, f"choice:{name}:{value}")
    assert button is not None
    return button


def error_of(view: FormView, name: str) -> str:
    widget = view.question_widget(name)
    assert widget is not None
    return widget.error.text() if widget.error.isVisibleTo(widget) else ""


def big_form_data(fields: int = 300, per_page: int = 30) -> dict[str, Any]:
    """A form of `fields` questions of mixed types, `per_page` per section, with relevance and a calculation."""
    kinds = ["text", "integer", "decimal", "yes_no", "select_one", "date", "money", "percent", "email", "long_text"]
    sections: list[dict[str, Any]] = []
    n = 0
    while n < fields:
        questions: list[dict[str, Any]] = []
        for _ in range(min(per_page, fields - n)):
            kind = kinds[n % len(kinds)]
            q: dict[str, Any] = {"name": f"q{n}", "type": kind, "label": {"en": f"Question {n}", "es": f"Pregunta {n}"},
                                 "hint": {"en": "A hint for this question.", "es": "Una ayuda para esta pregunta."}}
            if kind == "select_one":
                q["choices"] = [{"value": f"c{i}", "en": f"Choice {i}", "es": f"Opción {i}"} for i in range(4)]
            if kind == "money":
                q["currency"] = "USD"
            if n % 7 == 0:
                q["required"] = True
            if kind == "integer" and n > 3:
                q["relevant"] = f"q{n - 1} is None or q{n - 1} != 'skip'"
            questions.append(q)
            n += 1
        sections.append({"id": f"s{len(sections)}", "title": {"en": f"Part {len(sections) + 1}",
                                                               "es": f"Parte {len(sections) + 1}"},
                         "fields": questions})
    sections[-1]["fields"].append({"name": "total", "type": "calculate", "result": "integer",
                                   "label": {"en": "Total", "es": "Total"}, "calculation": "q1 + q11"})
    return {"form": "big", "version": "1.0", "title": {"en": "Big form", "es": "Formulario grande"},
            "sections": sections}


# ---- every type ------------------------------------------------------------------------------------------------


def test_every_question_type_renders_and_round_trips(qtbot: Any, english: None, sample: FormDefinition,
                                                      tmp_path: Path) -> None:
    paths = get_paths().ensure()
    view = make_view(qtbot, sample, runner=DbRunner(immediate=True),
                     store_attachment=lambda source: form_drafts.store_attachment(paths, source))
    state = view.state
    kinds = {name: type(view.question_widget(name)) for name in (
        "legal_name", "about", "export_share", "has_entity", "model", "markets", "spec", "info")}
    assert kinds == {"legal_name": LineQuestion, "about": LongTextQuestion, "export_share": CalculatedQuestion,
                     "has_entity": ChoiceQuestion, "model": ChoiceQuestion, "markets": MultiQuestion,
                     "spec": FileQuestion, "info": NoteQuestion}

    type_text(line(view, "legal_name"), "Compañía Señal, S.A. de C.V.")
    assert state.answers["legal_name"] == "Compañía Señal, S.A. de C.V."
    about = view.question_widget("about")
    assert isinstance(about, LongTextQuestion)
    type_text(about.edit, "Fábrica de válvulas")
    assert state.answers["about"] == "Fábrica de válvulas"
    qtbot.keyClicks(line(view, "employees"), "1,250")
    assert state.answers["employees"] == 1250
    qtbot.keyClicks(line(view, "area"), "12.5")
    assert state.answers["area"] == "12.5"
    qtbot.keyClicks(line(view, "sales"), "1000")
    qtbot.keyClicks(line(view, "exports"), "250")
    assert state.answers["sales"] == {"amount": "1000", "currency": "USD"}
    assert state.answers["exports"] == {"amount": "250", "currency": "USD"}
    shown = view.question_widget("export_share")
    assert isinstance(shown, CalculatedQuestion)
    assert shown.shown.text() == "25"  # calculated as the amounts were typed
    assert "USD" in view.question_widget("sales").suffix.text()  # type: ignore[union-attr]
    qtbot.keyClicks(line(view, "returned"), "12%")
    assert state.answers["returned"] == "12"
    assert view.question_widget("returned").suffix.text().startswith("%")  # type: ignore[union-attr]
    qtbot.keyClicks(line(view, "kickoff"), "2027-03-15")
    assert state.answers["kickoff"] == "2027-03-15"
    kickoff = view.question_widget("kickoff")
    assert isinstance(kickoff, LineQuestion)
    kickoff._picked(QDate(2027, 4, 1))  # the calendar's pick goes through the same path
    assert state.answers["kickoff"] == "2027-04-01" and kickoff.edit.text() == "2027-04-01"
    kickoff.edit.clear()
    qtbot.keyClick(kickoff.edit, Qt.Key.Key_Space)
    qtbot.keyClick(kickoff.edit, Qt.Key.Key_Backspace)
    assert "kickoff" not in state.answers  # a blank date is possible

    assert view.question_widget("rfc").isHidden()  # type: ignore[union-attr]
    qtbot.mouseClick(radio(view, "has_entity", "true"), Qt.MouseButton.LeftButton)
    assert state.answers["has_entity"] is True
    assert not view.question_widget("rfc").isHidden()  # type: ignore[union-attr]
    qtbot.keyClicks(line(view, "rfc"), "vno150312kma")
    assert state.answers["rfc"] == "VNO150312KMA"
    qtbot.keyClicks(line(view, "curp"), "AAMG890608HDFLJL00")
    assert state.answers["curp"] == "AAMG890608HDFLJL00"
    qtbot.mouseClick(radio(view, "model", "shelter"), Qt.MouseButton.LeftButton)
    assert state.answers["model"] == "shelter"
    model = view.question_widget("model")
    assert isinstance(model, ChoiceQuestion)
    assert model.clear_button.isVisibleTo(model)
    model.clear_button.click()  # unanswered is possible again
    assert "model" not in state.answers and model.group.checkedButton() is None

    markets = view.question_widget("markets")
    assert isinstance(markets, MultiQuestion)
    checks = dict(markets.checks)
    assert checks["mx"].text() == "Mexico"
    checks["mx"].click()
    checks["us"].click()
    assert state.answers["markets"] == ["us", "mx"]  # in the definition's order
    assert not checks["ca"].isEnabled()  # at most 2: the third waits until one is unticked
    checks["us"].click()
    assert checks["ca"].isEnabled() and state.answers["markets"] == ["mx"]
    checks["us"].click()

    qtbot.keyClicks(line(view, "email"), "ana@acme.mx")
    qtbot.keyClicks(line(view, "phone"), "+52 656 123 4567")
    qtbot.keyClicks(line(view, "cp"), "32000")
    qtbot.keyClicks(line(view, "hs"), "8708.99.99")
    assert (state.answers["email"], state.answers["phone"], state.answers["cp"], state.answers["hs"]) == (
        "ana@acme.mx", "+526561234567", "32000", "8708.99.99")
    assert line(view, "hs").placeholderText() == "e.g. 8708.99.99"

    spec = view.question_widget("spec")
    assert isinstance(spec, FileQuestion)
    pdf = tmp_path / "ficha técnica.pdf"
    pdf.write_bytes(b"%PDF-1.4 sample")
    spec.attach_file(pdf)
    stored = state.answers["spec"]
    assert stored["name"] == "ficha técnica.pdf" and stored["size"] == 15 and len(stored["sha256"]) == 64
    assert "ficha técnica.pdf" in spec.name_label.text() and spec.remove.isVisibleTo(spec)
    spec.remove.click()
    assert "spec" not in state.answers and not spec.remove.isVisibleTo(spec)
    wrong = tmp_path / "photo.png"
    wrong.write_bytes(b"png")
    spec.attach_file(wrong)
    assert "Attach a file of type pdf." in error_of(view, "spec")

    note = view.question_widget("info")
    assert isinstance(note, NoteQuestion) and note.note.text() == "Read this."
    assert not view.question_widget("legal_name").label.text().endswith("Legal name")  # type: ignore[union-attr]


def test_errors_appear_as_the_user_types_and_clear_when_fixed(qtbot: Any, english: None,
                                                             sample: FormDefinition) -> None:
    view = make_view(qtbot, sample)
    assert error_of(view, "legal_name") == ""  # a new form does not open covered in red
    employees = line(view, "employees")
    qtbot.keyClicks(employees, "12x")
    assert error_of(view, "employees") == "Enter a number, e.g. 1250.50."
    assert view.state.pending["employees"] == "12x"
    qtbot.keyClick(employees, Qt.Key.Key_Backspace)
    assert error_of(view, "employees") == "" and view.state.answers["employees"] == 12
    qtbot.keyClicks(employees, "0000000")
    assert error_of(view, "employees") == "Enter 100,000 or less (not 120,000,000)."
    employees.selectAll()
    qtbot.keyClicks(employees, "-1")
    assert error_of(view, "employees") == "Enter 0 or more (not -1)."

    legal = line(view, "legal_name")
    qtbot.keyClicks(legal, "A")
    qtbot.keyClick(legal, Qt.Key.Key_Backspace)  # touched and left empty: now it says so
    assert error_of(view, "legal_name") == "An answer is required."
    qtbot.keyClicks(line(view, "sales"), "100")
    qtbot.keyClicks(line(view, "exports"), "150")
    assert error_of(view, "exports") == "Exports cannot exceed sales."
    qtbot.keyClick(line(view, "exports"), Qt.Key.Key_Backspace)
    assert error_of(view, "exports") == ""
    assert view.last_update_ms < 50


def test_relevance_hides_questions_and_clears_their_answers(qtbot: Any, english: None,
                                                           sample: FormDefinition) -> None:
    view = make_view(qtbot, sample)
    qtbot.mouseClick(radio(view, "has_entity", "true"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(line(view, "rfc"), "VNO150312KMA")
    assert view.state.answers["rfc"] == "VNO150312KMA"
    qtbot.mouseClick(radio(view, "has_entity", "false"), Qt.MouseButton.LeftButton)
    assert view.question_widget("rfc").isHidden()  # type: ignore[union-attr]
    assert "rfc" not in view.state.answers and "rfc" not in view.state.issues
    qtbot.mouseClick(radio(view, "has_entity", "true"), Qt.MouseButton.LeftButton)
    assert not view.question_widget("rfc").isHidden()  # type: ignore[union-attr]
    assert line(view, "rfc").text() == ""  # the widget shows the cleared answer

    assert [view.page_list.item(i).text() for i in range(view.page_list.count())] == [
        "1. Company  (1)", "2. People", "Review and send"]  # the RFC was touched: its problem is counted
    qtbot.mouseClick(radio(view, "model", "own_entity"), Qt.MouseButton.LeftButton)
    assert view.page_count() == 1  # the People page is not asked of an own entity
    pages = [view.page_list.item(i).text() for i in range(view.page_list.count())]
    assert pages == ["1. Company  (1)", "Review and send"]
    view.next_page()
    assert view.on_review()


def test_repeat_table_rows_and_cells(qtbot: Any, english: None, sample: FormDefinition) -> None:
    view = make_view(qtbot, sample)
    view.go_to_page(1)
    roles = view.question_widget("roles")
    assert isinstance(roles, RepeatQuestion)
    model, table = roles.model, roles.table
    assert [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())] == [
        "Role *", "Headcount *", "Shifts", "Night bonus"]
    assert view.focusWidget() is roles.add_button  # the first question of the page has the focus
    assert not roles.remove_button.isEnabled()
    qtbot.mouseClick(roles.add_button, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 1 and view.state.answers["roles"] == [{"shifts": 1}]  # defaults filled
    assert table.hasFocus() and table.currentIndex().row() == 0

    # typing into a cell: the first key opens the editor, Enter commits
    table.setCurrentIndex(model.index(0, 0))
    type_text(table, "T")
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "T"
    type_text(editor, "écnico")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: view.state.answers["roles"][0].get("role") == "Técnico")
    assert table.hasFocus()

    model.setData(model.index(0, 1), "abc")  # a bad number: red cell, tooltip, message under the table
    assert model.data(model.index(0, 1), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole) == "Enter a number, e.g. 1250.50."
    assert model.data(model.index(0, 1)) == "abc"  # what was typed is kept
    assert roles.messages.text() == "Row 1, Headcount: Enter a number, e.g. 1250.50."
    model.setData(model.index(0, 1), "12")
    assert model.data(model.index(0, 1), Qt.ItemDataRole.BackgroundRole) is None and roles.messages.isHidden()
    total = view.question_widget("total_heads")
    assert isinstance(total, CalculatedQuestion) and total.shown.text() == "12"

    night = model.index(0, 3)
    assert not model.flags(night) & Qt.ItemFlag.ItemIsEditable  # asked only with three shifts
    model.setData(model.index(0, 2), "3")
    assert model.flags(night) & Qt.ItemFlag.ItemIsEditable
    delegate = table.itemDelegate()
    combo = delegate.createEditor(table.viewport(), QStyleOptionViewItem(), night)
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == ["", "Yes", "No"]
    combo.setCurrentIndex(1)
    delegate.setModelData(combo, model, night)
    assert view.state.answers["roles"][0]["night_bonus"] is True
    combo.deleteLater()

    table.setCurrentIndex(model.index(0, 0))
    qtbot.mouseClick(roles.duplicate_button, Qt.MouseButton.LeftButton)
    assert view.state.answers["roles"] == [{"role": "Técnico", "headcount": 12, "shifts": 3, "night_bonus": True}] * 2
    assert table.currentIndex().row() == 1 and total.shown.text() == "24"
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert model.rowCount() == 3 and table.currentIndex().row() == 2
    qtbot.keyClick(table, Qt.Key.Key_Backspace,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert model.rowCount() == 2
    qtbot.mouseClick(roles.remove_button, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 1 and not roles.remove_button.isEnabled()  # min_rows 1
    assert "1 row" in roles.rows_label.text()


def test_repeat_max_rows_and_cell_errors_listed(qtbot: Any, english: None, sample: FormDefinition) -> None:
    view = make_view(qtbot, sample)
    view.go_to_page(1)
    roles = view.question_widget("roles")
    assert isinstance(roles, RepeatQuestion)
    for _ in range(50):
        roles.add_row()
    assert roles.model.rowCount() == 50 and not roles.add_button.isEnabled()
    roles.add_row()
    assert roles.model.rowCount() == 50  # max_rows holds
    view.reveal_issues()
    assert roles.messages.text().splitlines()[0] == "Row 1, Role: An answer is required."
    assert roles.messages.text().splitlines()[-1] == "…and 94 more problems in this table."


def test_language_switch_keeps_answers_and_focus(qtbot: Any, english: None, sample: FormDefinition) -> None:
    view = make_view(qtbot, sample, language="en")
    legal = line(view, "legal_name")
    type_text(legal, "Válvulas del Norte")
    qtbot.keyClicks(line(view, "employees"), "x")
    qtbot.mouseClick(radio(view, "has_entity", "true"), Qt.MouseButton.LeftButton)
    legal.setFocus()
    languages: list[str] = []
    view.languageChanged.connect(languages.append)
    qtbot.mouseClick(view.language_buttons["es"], Qt.MouseButton.LeftButton)
    legal.setFocus()  # clicking the toggle took the focus; the keyboard way keeps it
    view.set_language("en")
    view.set_language("es")
    assert languages == ["es", "en", "es"]
    assert QApplication.focusWidget() is legal
    assert "Razón social" in view.question_widget("legal_name").label.text()  # type: ignore[union-attr]
    assert radio(view, "has_entity", "true").text() in ("Yes", "Sí")  # chrome follows the Qt translator
    assert error_of(view, "employees") == "Escriba un número, p. ej. 1250.50."
    assert view.state.answers["legal_name"] == "Válvulas del Norte" and legal.text() == "Válvulas del Norte"
    assert view.state.answers["has_entity"] is True and radio(view, "has_entity", "true").isChecked()
    assert view.page_list.item(0).text().startswith("1. Empresa")
    assert view.title.text() == "Formulario de muestra"
    view.go_to_page(1)
    roles = view.question_widget("roles")
    assert isinstance(roles, RepeatQuestion)
    assert roles.model.headerData(0, Qt.Orientation.Horizontal) == "Puesto *"
    markets = view.question_widget("markets")
    assert isinstance(markets, MultiQuestion) and dict(markets.checks)["mx"].text() == "México"


def test_keyboard_only_navigation(qtbot: Any, english: None, sample: FormDefinition) -> None:
    view = make_view(qtbot, sample)
    pages: list[int] = []
    view.pageChanged.connect(pages.append)
    legal = line(view, "legal_name")
    assert QApplication.focusWidget() is legal  # focus starts on the first question
    qtbot.keyClick(legal, Qt.Key.Key_Tab)
    about = view.question_widget("about")
    assert isinstance(about, LongTextQuestion) and QApplication.focusWidget() is about.edit
    qtbot.keyClick(about.edit, Qt.Key.Key_Tab)  # Tab leaves a long text instead of typing a tab
    assert QApplication.focusWidget() is line(view, "employees")
    qtbot.keyClick(line(view, "employees"), Qt.Key.Key_Return)  # Enter moves on, never submits
    assert QApplication.focusWidget() is line(view, "area") and view.current_page() == 0

    focused: list[str] = []
    view.focusChanged.connect(focused.append)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert view.current_page() == 1
    roles = view.question_widget("roles")
    assert isinstance(roles, RepeatQuestion) and QApplication.focusWidget() is roles.add_button
    assert focused[-1] == "roles"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert view.on_review() and QApplication.focusWidget() is view.review.issues
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert view.current_page() == 0 and QApplication.focusWidget() is legal
    assert pages == [1, 2, 1, 0]

    # the last question of a page hands the focus to Back/Next, not to a hidden page
    view.go_to_page(1)
    roles.remove_button.setEnabled(True)
    roles.remove_button.setFocus()
    qtbot.keyClick(roles.remove_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() in (view.back_button, view.next_button)


def test_review_lists_issues_and_jumps_to_them(qtbot: Any, english: None, sample: FormDefinition) -> None:
    view = make_view(qtbot, sample)
    qtbot.keyClicks(line(view, "employees"), "many")
    view.go_to_page(1)
    roles = view.question_widget("roles")
    assert isinstance(roles, RepeatQuestion)
    roles.add_row()
    roles.model.setData(roles.model.index(0, 0), "Operador")
    view.show_review()
    issues = view.review.issues
    texts = [issues.item(i).text() for i in range(issues.count())]
    assert texts == [
        "Company › Legal name: An answer is required.",
        "Company › Employees: Enter a number, e.g. 1250.50.",
        "People › Roles, row 1, Headcount: An answer is required.",
    ]
    assert "3 problem" in view.review.summary.text()
    assert error_of(view, "legal_name") == "An answer is required."  # the review shows every problem at its field

    issues.setCurrentRow(1)
    qtbot.keyClick(issues, Qt.Key.Key_Return)  # keyboard: select and Enter
    assert view.current_page() == 0 and QApplication.focusWidget() is line(view, "employees")
    assert view.focused_path() == "employees"

    view.show_review()
    rect = issues.visualItemRect(issues.item(2))
    qtbot.mouseClick(issues.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.current_page() == 1 and QApplication.focusWidget() is roles.table
    assert (roles.table.currentIndex().row(), roles.table.currentIndex().column()) == (0, 1)
    assert view.focused_path() == "roles[0].headcount"

    type_text(line(view, "legal_name"), "Ñandú Industrial")
    employees = line(view, "employees")
    employees.selectAll()
    qtbot.keyClicks(employees, "40")
    roles.model.setData(roles.model.index(0, 1), "4")
    view.show_review()
    assert view.review.issues.isHidden() and "You can send" in view.review.summary.text()


# ---- size ---------------------------------------------------------------------------------------------------------


def test_a_300_field_form_paints_fast_and_revalidates_within_a_frame(qtbot: Any, english: None) -> None:
    definition = definition_from_data(big_form_data(), "big")
    assert definition.field_count() >= 300
    timings: list[float] = []
    for _ in range(5):
        started = time.perf_counter()
        view = FormView(FormState(definition))
        view.resize(1100, 800)
        view.show()
        view.grab()  # painted
        timings.append((time.perf_counter() - started) * 1000)
        assert view.built_pages() == ["s0"]  # the other pages are built when first shown
        view.close()
        view.deleteLater()
    assert statistics.median(timings) <= 300, timings

    view = make_view(qtbot, definition)
    updates = []
    for i in range(30):
        view.answer("q0", f"text {i}")
        updates.append(view.last_update_ms)
        view.answer("q1", str(i))
        updates.append(view.last_update_ms)
    view.answer("q11", "1")
    assert view.question_widget("total") is None  # on the last page, not built yet
    view.go_to_page(9)
    total = view.question_widget("total")
    assert isinstance(total, CalculatedQuestion) and total.shown.text() == "30"
    assert statistics.median(updates) <= 16, updates


def test_one_long_page_is_built_in_chunks(qtbot: Any, english: None) -> None:
    definition = definition_from_data(big_form_data(fields=300, per_page=300), "long")
    view = make_view(qtbot, definition)
    assert view.question_widget("q0") is not None and view.question_widget("q299") is None
    qtbot.waitUntil(lambda: view.question_widget("q299") is not None, timeout=5000)
    assert view.focus_path("q250") and QApplication.focusWidget() is line(view, "q250")


def test_read_only_and_plain_text_widgets_do_not_edit(qtbot: Any, english: None) -> None:
    data = {"form": "ro", "version": "1.0", "title": {"en": "RO", "es": "RO"}, "sections": [{
        "id": "a", "title": {"en": "A", "es": "A"}, "fields": [
            {"name": "fixed", "type": "text", "label": {"en": "Fixed", "es": "Fijo"}, "read_only": True,
             "default": "given"},
            {"name": "story", "type": "long_text", "label": {"en": "Story", "es": "Historia"}},
            {"name": "pick", "type": "select_one", "label": {"en": "Pick", "es": "Elija"},
             "choices": [{"value": f"v{i}", "en": f"Value {i}", "es": f"Valor {i}"} for i in range(8)]},
        ]}]}
    view = make_view(qtbot, definition_from_data(data, "ro"))
    assert line(view, "fixed").isReadOnly() and line(view, "fixed").text() == "given"
    combo = view.findChild(QComboBox, "field:pick")
    assert combo is not None and combo.itemText(0) == "— choose —" and combo.count() == 9
    combo.setCurrentIndex(3)
    assert view.state.answers["pick"] == "v2"
    combo.setCurrentIndex(0)
    assert "pick" not in view.state.answers
    story = view.findChild(QPlainTextEdit, "field:story")
    assert isinstance(story, QPlainTextEdit) and QApplication.focusWidget() is story  # the read-only one is skipped
    assert isinstance(view.findChild(QWidget, "question:fixed"), LineQuestion)


def test_definition_text_is_shown_as_text_never_as_markup(qtbot: Any, english: None) -> None:
    data = {"form": "mk", "version": "1.0", "title": {"en": "<i>T</i>", "es": "<i>T</i>"}, "sections": [{
        "id": "a", "title": {"en": "<b>Page</b>", "es": "<b>Página</b>"}, "fields": [
            {"name": "dept", "type": "select_one", "label": {"en": "<img src='/etc/x'> R&D", "es": "I&D"},
             "hint": {"en": "<a href='x'>link</a>", "es": "<a href='x'>enlace</a>"},
             "choices": [{"value": "rd", "en": "R&D", "es": "I&D"}, {"value": "ops", "en": "Ops", "es": "Ops"}]},
        ]}]}
    view = make_view(qtbot, definition_from_data(data, "mk"))
    widget = view.question_widget("dept")
    assert isinstance(widget, ChoiceQuestion)
    assert "&lt;img" in widget.label.text()  # escaped inside the label's own markup
    assert widget.hint.textFormat() == Qt.TextFormat.PlainText and widget.hint.text() == "<a href='x'>link</a>"
    assert radio(view, "dept", "rd").text() == "R&&D"  # shown as "R&D", not as an accelerator
    assert view.title.textFormat() == Qt.TextFormat.PlainText


def test_a_money_answer_kept_unparsed_comes_back_with_its_currency() -> None:
    import json

    from shelter_app.ui.forms.widgets import pending_money

    assert pending_money(json.dumps({"amount": "12a", "currency": "MXN"})) == ("12a", "MXN")
    assert pending_money("12a") == ("12a", None)
    assert pending_money("{broken") == ("{broken", None)


def test_a_file_cell_of_a_table_takes_an_attachment(qtbot: Any, monkeypatch: pytest.MonkeyPatch, english: None,
                                                    tmp_path: Path) -> None:
    import yaml
    from PySide6.QtWidgets import QFileDialog

    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    data["sections"][1]["fields"][0]["fields"].append(
        {"name": "sheet", "type": "file", "extensions": ["pdf"], "label": {"en": "Spec sheet", "es": "Ficha"}})
    definition = definition_from_data(data, "test")
    paths = get_paths().ensure()
    view = make_view(qtbot, definition, store_attachment=lambda source: form_drafts.store_attachment(paths, source))
    view.state.add_row("roles", {"role": "Op", "headcount": 2})
    view.go_to_page(1)
    roles = view.question_widget("roles")
    assert isinstance(roles, RepeatQuestion)
    roles.load()
    column = [c.name for c in roles.model.columns].index("sheet")
    wrong = tmp_path / "photo.exe"
    wrong.write_bytes(b"MZ")
    roles.attach_cell(0, "sheet", wrong)
    assert "pdf" in roles.messages.text() and "sheet" not in view.state.answers["roles"][0]
    spec = tmp_path / "ficha técnica.pdf"
    spec.write_bytes(b"%PDF-1.4 spec")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(spec), "")))
    roles.table.activated.emit(roles.model.index(0, column))  # Enter or double-click on the cell
    answer = view.state.answers["roles"][0]["sheet"]
    assert answer["name"] == "ficha técnica.pdf" and answer["size"] == len(b"%PDF-1.4 spec")
    assert "ficha técnica.pdf" in str(roles.model.data(roles.model.index(0, column)))

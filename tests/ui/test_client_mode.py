"""Client mode: a package opened, filled with autosave, a crash survived, the response exported and printed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nacl.public
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QRadioButton, QWidget

from shelter_app.content.forms import definition_data, load_form_file
from shelter_app.exchange import formfiles, formkeys
from shelter_app.paths import get_paths
from shelter_app.settings import Settings
from shelter_app.storage.db import Database, open_database, sqlite_url
from shelter_app.storage.models import FormDraft
from shelter_app.ui.forms.client_window import ClientWindow, open_client_mode
from shelter_app.ui.forms.repeat import RepeatQuestion
from shelter_app.ui.forms.widgets import LineQuestion, LongTextQuestion
from shelter_app.ui.worker import DbRunner
from tests.ui.conftest import type_text, when_modal

pytestmark = pytest.mark.gui

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "forms" / "sample"
ROOT = Path(__file__).resolve().parents[2]


def write_package(target: Path, key: nacl.public.PrivateKey, *, version: str = "1.0", language: str = "es",
                  prefill: dict[str, Any] | None = None, signer: nacl.public.PrivateKey | None = None,
                  project: str = "Planta Juárez") -> formfiles.FormPackage:
    definition = load_form_file(SAMPLES / f"{version}.yaml")
    package = formfiles.FormPackage(
        form_id=definition.id, form_version=definition.version, definition=definition_data(definition),
        language=language,  # type: ignore[arg-type]
        prefill={"legal_name": "Válvulas del Norte"} if prefill is None else prefill,
        consultant=formfiles.ConsultantInfo("Ana Consultora", key.public_key),
        project=formfiles.ProjectInfo("P-0042", "Válvulas del Norte", project))
    formfiles.write_package(target, package, signer=signer)
    return package


@pytest.fixture
def key() -> nacl.public.PrivateKey:
    return nacl.public.PrivateKey.generate()


def open_window(qtbot: Any, package: Path, settings: Settings, runner: DbRunner, db: Database) -> ClientWindow:
    window = open_client_mode(package, settings, get_paths(), runner, db=db)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.view is not None, timeout=5000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def edit(window: ClientWindow, name: str) -> Any:
    assert window.view is not None
    widget = window.view.question_widget(name)
    assert isinstance(widget, LineQuestion | LongTextQuestion)
    return widget.edit


def read_and_close(into: list[str]) -> Callable[[QWidget], None]:
    """For `when_modal`: keep the message box's text, then dismiss it."""
    def action(box: QWidget) -> None:
        into.append(box.text() if isinstance(box, QMessageBox) else "")
        box.close()
    return action


def stored_draft(db: Database) -> FormDraft:
    with db.transaction() as session:
        from sqlmodel import select

        row = session.exec(select(FormDraft)).one()
        session.expunge(row)
        return row


def test_client_window_autosaves_and_reopens_where_it_was(qtbot: Any, gui_db: Database, runner: DbRunner,
                                                         settings: Settings, english: None, key: Any,
                                                         tmp_path: Path) -> None:
    source = tmp_path / "intake.sdform"
    package = write_package(source, key)
    window = open_window(qtbot, source, settings, runner, gui_db)
    view = window.view
    assert view is not None and view.language == "es"
    assert window.windowTitle() == "Formulario de muestra — Válvulas del Norte"
    assert "Ana Consultora" in window.sender_label.text()
    assert package.consultant.fingerprint in window.sender_label.text()
    assert edit(window, "legal_name").text() == "Válvulas del Norte"  # the consultant's prefill
    assert not window.carried_banner.isVisibleTo(window) and not window.exported_banner.isVisibleTo(window)
    assert window.findChild(QWidget, "portfolio") is None and window.menuBar().actions() == []

    type_text(edit(window, "about"), "Fábrica")
    assert not window.saved
    started = time.perf_counter()
    qtbot.waitUntil(lambda: window.saved and window.saved_at is not None, timeout=3000)
    assert 0.5 < time.perf_counter() - started < 2.5  # debounced, not one save per key
    assert "Guardado" in window.save_label.text() or "Saved" in window.save_label.text()
    assert json.loads(stored_draft(gui_db).answers)["about"] == "Fábrica"

    # continuous typing still saves within the max wait
    about = edit(window, "about")
    about.moveCursor(about.textCursor().MoveOperation.End)
    started = time.perf_counter()
    first_version = window._version
    while window._version == first_version and time.perf_counter() - started < 4:
        type_text(about, "x")
        qtbot.wait(150)
    assert window._version > first_version and time.perf_counter() - started < 3

    view.go_to_page(1)
    roles = view.question_widget("roles")
    assert isinstance(roles, RepeatQuestion)
    roles.add_row()
    roles.model.setData(roles.model.index(0, 0), "Soldador")
    roles.model.setData(roles.model.index(0, 1), "7")
    roles.focus_cell(0, 1)
    assert view.focused_path() == "roles[0].headcount"
    qtbot.waitUntil(lambda: window.saved, timeout=3000)
    draft = stored_draft(gui_db)
    assert (draft.page, draft.focus) == (1, "roles[0].headcount")

    # the window goes away without any close handler (as in a crash): reopening finds everything
    window.hide()
    window.deleteLater()
    qtbot.wait(10)
    again = open_window(qtbot, source, settings, runner, gui_db)
    assert again.view is not None
    assert again.view.current_page() == 1 and again.view.focused_path() == "roles[0].headcount"
    assert again.view.state.answers["roles"] == [{"role": "Soldador", "headcount": 7, "shifts": 1}]
    assert again.view.state.answers["about"].startswith("Fábricax")
    reopened = again.view.question_widget("roles")
    assert isinstance(reopened, RepeatQuestion)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is reopened.table)
    assert (reopened.table.currentIndex().row(), reopened.table.currentIndex().column()) == (0, 1)


def test_closing_saves_the_last_keystrokes_first(qtbot: Any, gui_db: Database, runner: DbRunner,
                                                 settings: Settings, english: None, key: Any, tmp_path: Path) -> None:
    source = tmp_path / "intake.sdform"
    write_package(source, key)
    window = open_window(qtbot, source, settings, runner, gui_db)
    qtbot.keyClicks(edit(window, "employees"), "12")
    assert not window.saved
    assert window.close()  # immediate worker: the save ran before the window closed
    assert json.loads(stored_draft(gui_db).answers)["employees"] == 12


CRASHING_CLIENT = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtCore import QEvent, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from shelter_app.app import main  # the real entry: what a double-click on the package runs

    found = []
    typed = []

    def type_text(widget, text):
        widget.setFocus()
        for ch in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))

    def step():
        if not found:
            found.extend(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "ClientWindow")
        window = found[0] if found else None
        view = window.view if window is not None else None
        if view is None:
            QTimer.singleShot(50, step)
            return
        if not typed:
            typed.append(True)
            type_text(view.question_widget("legal_name").edit, " Ñandú")
            view.question_widget("has_entity").buttons[0][1].click()
            type_text(view.question_widget("rfc").edit, "VNO150312KMA")
            view.go_to_page(1)
            roles = view.question_widget("roles")
            roles.add_row()
            roles.model.setData(roles.model.index(0, 0), "Técnica de calidad")
            roles.model.setData(roles.model.index(0, 1), "3")
            view.focus_path("roles[0].headcount")
        if window.saved and window.saved_at is not None:
            print("SAVED", flush=True)
            return
        QTimer.singleShot(50, step)

    QTimer.singleShot(0, step)
    sys.exit(main([sys.argv[1]]))
""")


def test_a_killed_client_reopens_the_draft_on_the_same_page_and_question(qtbot: Any, settings: Settings,
                                                                        english: None, key: Any,
                                                                        tmp_path: Path) -> None:
    source = tmp_path / "intake.sdform"
    write_package(source, key)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    with subprocess.Popen([sys.executable, "-c", CRASHING_CLIENT, str(source)], cwd=ROOT, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        line = process.stdout.readline()  # blocks until the client said it saved (or died)
        process.send_signal(signal.SIGKILL)  # no close handler, no flush: a crash
        _out, errors = process.communicate(timeout=10)
    assert line.strip() == "SAVED", errors
    assert process.returncode == -signal.SIGKILL

    paths = get_paths()
    db = open_database(sqlite_url(paths.database), backups_dir=paths.backups)
    try:
        window = open_window(qtbot, source, settings, DbRunner(immediate=True), db)
        view = window.view
        assert view is not None
        assert view.current_page() == 1 and view.focused_path() == "roles[0].headcount"
        assert view.state.answers["legal_name"] == "Válvulas del Norte Ñandú"
        assert view.state.answers["rfc"] == "VNO150312KMA"
        assert view.state.answers["roles"] == [{"role": "Técnica de calidad", "headcount": 3, "shifts": 1}]
        roles = view.question_widget("roles")
        assert isinstance(roles, RepeatQuestion)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is roles.table)
        window.close()
    finally:
        db.close()


def test_send_refuses_with_problems_then_exports_the_encrypted_response(
        qtbot: Any, gui_db: Database, runner: DbRunner, settings: Settings, english: None, key: Any,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "intake.sdform"
    package = write_package(source, key, prefill={}, language="en")
    window = open_window(qtbot, source, settings, runner, gui_db)
    view = window.view
    assert view is not None
    seen: list[str] = []
    when_modal(read_and_close(seen))
    window.send_action.trigger()
    qtbot.waitUntil(lambda: bool(seen))
    assert view.on_review() and view.review.issues.count() == 2  # legal name, the roles table
    assert "2" in seen[0]

    view.focus_path("legal_name")
    type_text(edit(window, "legal_name"), "Compañía Ñandú")
    view.go_to_page(1)
    roles = view.question_widget("roles")
    assert isinstance(roles, RepeatQuestion)
    roles.add_row()
    roles.model.setData(roles.model.index(0, 0), "Operador")
    roles.model.setData(roles.model.index(0, 1), "25")
    target = tmp_path / "out" / "respuesta"
    target.parent.mkdir()
    offered: list[str] = []

    def save_dialog(_parent: Any, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        offered.append(suggested)
        return str(target), ""

    monkeypatch.setattr("shelter_app.ui.forms.client_window.QFileDialog.getSaveFileName", save_dialog)
    messages: list[str] = []
    when_modal(read_and_close(messages))
    window.send_action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=5000)
    written = target.with_name("respuesta.sdresponse")
    assert Path(offered[0]).name == "sample-Válvulas-del-Norte.sdresponse"
    assert written.exists() and str(written) in messages[0] and "Ana Consultora" in messages[0]
    header = formfiles.peek_response(written)
    assert (header.package_id, header.form_id, header.form_version) == (package.package_id, "sample", "1.0")
    opened = formfiles.read_response(written, key)
    assert opened.content.answers["legal_name"] == "Compañía Ñandú"
    assert opened.content.answers["roles"] == [{"role": "Operador", "headcount": 25, "shifts": 1}]
    assert window.exported_banner.isVisibleTo(window)
    assert stored_draft(gui_db).exported_at is not None

    again = open_window(qtbot, source, settings, runner, gui_db)  # reopened later: it says it was sent
    assert again.exported_banner.isVisibleTo(again) and "send it again" in again.exported_banner.text.text()


def test_a_newer_version_keeps_what_fits_and_lists_what_is_no_longer_asked(
        qtbot: Any, gui_db: Database, runner: DbRunner, settings: Settings, english: None, key: Any,
        tmp_path: Path) -> None:
    old = tmp_path / "v1.sdform"
    write_package(old, key, language="en")
    first = open_window(qtbot, old, settings, runner, gui_db)
    type_text(edit(first, "about"), "Válvulas de latón")
    qtbot.keyClicks(edit(first, "employees"), "1250")
    assert first.close()
    new = tmp_path / "v2.sdform"
    write_package(new, key, version="1.1", language="en")
    window = open_window(qtbot, new, settings, runner, gui_db)
    assert window.view is not None and window.view.state.definition.version == "1.1"
    assert window.view.state.answers["legal_name"] == "Válvulas del Norte"
    assert window.carried_banner.isVisibleTo(window)
    assert "1.0 → 1.1" in window.carried_banner.text.text()
    listed = window.dropped_text.toPlainText()
    assert "About: Válvulas de latón" in listed and "Employees: 1250  (The answer no longer fits" in listed
    window.copy_dropped.click()
    clipboard = QApplication.clipboard()
    assert clipboard is not None and "Válvulas de latón" in clipboard.text()


@pytest.mark.parametrize("damage", ["not a zip", "hostile expression"])
def test_damaged_or_hostile_package_says_so_and_closes(qtbot: Any, gui_db: Database, runner: DbRunner,
                                                       settings: Settings, english: None, key: Any, tmp_path: Path,
                                                       damage: str) -> None:
    source = tmp_path / "broken.sdform"
    if damage == "not a zip":
        source.write_bytes(b"PK\x03\x04 not really a zip")
        expected = "broken.sdform"
    else:
        definition = definition_data(load_form_file(SAMPLES / "1.0.yaml"))
        definition["sections"][0]["fields"][1]["relevant"] = "__import__('os').system('touch /tmp/pwned')"
        package = formfiles.FormPackage(
            form_id="sample", form_version="1.0", definition=definition, language="en", prefill={},
            consultant=formfiles.ConsultantInfo("Mallory", key.public_key),
            project=formfiles.ProjectInfo("P-1", "Client", "Project"))
        formfiles.write_package(source, package)
        expected = "is not a function of the form language"
    shown: list[str] = []
    when_modal(read_and_close(shown))
    window = open_client_mode(source, settings, get_paths(), runner, db=gui_db)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(shown) and not window.isVisible(), timeout=5000)
    assert shown[0].startswith("broken.sdform cannot be opened.") and expected in shown[0]
    assert window.view is None
    with gui_db.transaction() as session:
        from sqlmodel import select

        assert session.exec(select(FormDraft)).first() is None  # nothing kept of a refused package


def test_print_blank_and_filled(qtbot: Any, gui_db: Database, runner: DbRunner, settings: Settings, english: None,
                                key: Any, tmp_path: Path) -> None:
    source = tmp_path / "intake.sdform"
    write_package(source, key, language="en")
    window = open_window(qtbot, source, settings, runner, gui_db)
    blank, filled = tmp_path / "blank.pdf", tmp_path / "filled.pdf"
    window.render_pdf(blank, filled=False)
    window.render_pdf(filled, filled=True)
    text = subprocess.run(["pdftotext", str(filled), "-"], capture_output=True, text=True, check=True).stdout
    assert "Sample form" in text and "Válvulas del Norte" in text
    blank_text = subprocess.run(["pdftotext", str(blank), "-"], capture_output=True, text=True, check=True).stdout
    assert "Legal name" in blank_text
    assert "PDF" in window.statusBar().currentMessage()
    from shelter_app.ui.business.documents import PdfPreview

    assert isinstance(window.preview, PdfPreview) and window.preview.path == filled  # with the one Print
    assert window.preview.document.pageCount() >= 1


def test_language_toggle_in_client_mode_switches_the_interface_too(qtbot: Any, gui_db: Database, runner: DbRunner,
                                                                  settings: Settings, english: None, key: Any,
                                                                  tmp_path: Path) -> None:
    source = tmp_path / "intake.sdform"
    write_package(source, key, language="en")
    window = open_window(qtbot, source, settings, runner, gui_db)
    assert window.view is not None and window.windowTitle() == "Sample form — Válvulas del Norte"
    qtbot.mouseClick(window.view.language_buttons["es"], Qt.MouseButton.LeftButton)
    assert window.windowTitle() == "Formulario de muestra — Válvulas del Norte"
    assert window.view.language == "es"
    qtbot.waitUntil(lambda: window.saved, timeout=3000)
    assert stored_draft(gui_db).language == "es"
    yes = window.view.findChild(QRadioButton, "choice:has_entity:true")
    assert yes is not None


@pytest.mark.parametrize("choice", ["keep", "close"])
def test_the_same_form_saved_from_two_windows_asks_which_answers_to_keep(
        qtbot: Any, gui_db: Database, runner: DbRunner, settings: Settings, english: None, key: Any,
        tmp_path: Path, choice: str) -> None:
    source = tmp_path / "intake.sdform"
    write_package(source, key, language="en")
    first = open_window(qtbot, source, settings, runner, gui_db)
    second = open_window(qtbot, source, settings, runner, gui_db)
    qtbot.keyClicks(edit(first, "employees"), "12")
    first.save_now()
    qtbot.keyClicks(edit(second, "employees"), "40")
    seen: list[str] = []

    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        wanted = "Keep these answers" if choice == "keep" else "Close this window"
        buttons = [b for b in box.buttons() if b.text().replace("&", "") == wanted]
        (buttons or box.buttons())[0].click()  # never leave the box open (a wrong button fails the asserts below)

    when_modal(answer)
    second.save_now()
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert "also open in another ShelterDesk window" in seen[0]
    stored = json.loads(stored_draft(gui_db).answers)["employees"]
    if choice == "keep":
        assert stored == 40 and second.saved
    else:
        assert stored == 12 and not second.isVisible()
    first.close()


def test_the_sender_and_signing_key_are_shown(qtbot: Any, gui_db: Database, runner: DbRunner, settings: Settings,
                                             english: None, key: Any, tmp_path: Path) -> None:
    signed, unsigned = tmp_path / "signed.sdform", tmp_path / "unsigned.sdform"
    write_package(signed, key, language="en", signer=key)
    write_package(unsigned, nacl.public.PrivateKey.generate(), language="en", project="Otra")
    window = open_window(qtbot, signed, settings, runner, gui_db)
    text = window.sender_label.text()
    signer = formkeys.fingerprint(formkeys.signing_key(key).verify_key)
    assert "Ana Consultora" in text and f"signed with the key <span style='font-family: monospace;'>{signer}" in text
    assert "not authenticated" not in text
    window.close()
    # another consultant named the same, unsigned: refused by the warning; this one is a new box key
    shown: list[str] = []
    when_modal(read_and_close(shown))
    refused = open_client_mode(unsigned, settings, get_paths(), runner, db=gui_db)
    qtbot.addWidget(refused)
    qtbot.waitUntil(lambda: bool(shown) and not refused.isVisible(), timeout=5000)
    assert signer in shown[0] and "none (the package is not signed)" in shown[0]


def test_an_unsigned_package_is_marked_not_authenticated(qtbot: Any, gui_db: Database, runner: DbRunner,
                                                         settings: Settings, english: None, key: Any,
                                                         tmp_path: Path) -> None:
    source = tmp_path / "old.sdform"
    write_package(source, key, language="en")
    window = open_window(qtbot, source, settings, runner, gui_db)
    assert "not authenticated (an unsigned package)" in window.sender_label.text()
    assert "not signed" in window.sender_label.toolTip()


@pytest.mark.parametrize("choice", ["Cancel", "Open anyway"])
def test_a_package_signed_by_another_key_warns_loudly(qtbot: Any, gui_db: Database, runner: DbRunner,
                                                      settings: Settings, english: None, key: Any, tmp_path: Path,
                                                      choice: str) -> None:
    first, second = tmp_path / "first.sdform", tmp_path / "second.sdform"
    write_package(first, key, language="en", signer=key)
    open_window(qtbot, first, settings, runner, gui_db).close()
    new_key = nacl.public.PrivateKey.generate()  # the same consultant name, another key pair
    write_package(second, new_key, language="en", signer=new_key, project="Otra")
    known = formkeys.fingerprint(formkeys.signing_key(key).verify_key)
    found = formkeys.fingerprint(formkeys.signing_key(new_key).verify_key)
    seen: list[tuple[str, str, list[str]]] = []

    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        buttons = {b.text().replace("&", ""): b for b in box.buttons()}
        seen.append((box.objectName(), box.text(), sorted(buttons)))
        (buttons.get(choice) or box.buttons()[0]).click()

    when_modal(answer)
    window = open_client_mode(second, settings, get_paths(), runner, db=gui_db)
    qtbot.addWidget(window)
    if choice == "Cancel":
        qtbot.waitUntil(lambda: bool(seen) and not window.isVisible(), timeout=5000)
        assert window.view is None
    else:
        qtbot.waitUntil(lambda: window.view is not None, timeout=5000)
        assert found in window.sender_label.text()
    name, text, buttons = seen[0]
    assert name == "signerChanged" and known in text and found in text and "Ana Consultora" in text
    assert buttons == ["Cancel", "Open anyway"] and len(seen) == 1


def test_a_protected_package_asks_the_code_again_until_it_is_right_and_names_this_computer(
        qtbot: Any, gui_db: Database, runner: DbRunner, settings: Settings, english: None, key: Any,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from shelter_app.exchange import packagecode
    from shelter_app.services import form_drafts
    from shelter_app.ui.forms.client_window import CodeEntry

    source = tmp_path / "protected.sdform"
    definition = load_form_file(SAMPLES / "1.0.yaml")
    formfiles.write_package(source, formfiles.FormPackage(
        form_id=definition.id, form_version=definition.version, definition=definition_data(definition),
        language="en", prefill={"legal_name": "Válvulas del Norte",
                                "roles": [{"role": "Operador", "headcount": 25, "shifts": 1}]},
        consultant=formfiles.ConsultantInfo("Ana Consultora", key.public_key),
        project=formfiles.ProjectInfo("P-0042", "Válvulas del Norte", "Planta Juárez"),
        protection=packagecode.protect("K7QM3XTR9HDF")), signer=key)
    window = open_window(qtbot, source, settings, runner, gui_db)
    assert "one-time code" in window.sender_label.text()
    target = tmp_path / "answer.sdresponse"
    monkeypatch.setattr("shelter_app.ui.forms.client_window.QFileDialog.getSaveFileName",
                        lambda *_: (str(target), ""))
    asked: list[str] = []
    messages: list[str] = []

    def type_code(code: str) -> Callable[[QWidget], None]:
        def action(dialog: QWidget) -> None:
            assert isinstance(dialog, CodeEntry)
            asked.append(dialog.problem.text())
            dialog.code.setText(code)
            if code == "k7qm 3xtr 9hdf":
                when_modal(read_and_close(messages), timeout_ms=10000)
            else:
                when_modal(type_code("k7qm 3xtr 9hdf"), timeout_ms=10000)
            dialog.accept()
        return action

    when_modal(type_code("K7QM-3XTR-9HDX"))
    window.send_action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=15000)
    assert asked[0] == "" and "not this form's one-time code" in asked[1]
    installation = form_drafts.installation_fingerprint(get_paths())
    assert str(target) in messages[0] and installation in messages[0]
    opened = formfiles.read_response(target, key)
    assert opened.code_proof is not None
    protection = formfiles.read_package(source).protection
    assert protection is not None
    derived = protection.key("K7QM3XTR9HDF")
    assert derived is not None and packagecode.proves(derived, opened.statement, opened.code_proof)

"""Start-up, language switching, settings, and the crash handling of the GUI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from shelter_app.core.errors import ValidationError
from shelter_app.paths import get_paths
from shelter_app.services import clients, demo
from shelter_app.settings import DB_URL, DEMO_OFFERED, LANGUAGE, Settings
from shelter_app.storage.db import Database
from shelter_app.ui import i18n
from shelter_app.ui.crashdialog import CrashDialog
from shelter_app.ui.errors import CrashHandler, crash_report, handle_error
from shelter_app.ui.main import Shell
from shelter_app.ui.settings_dialog import SettingsDialog
from shelter_app.ui.worker import DbRunner
from tests.ui.conftest import when_modal


@pytest.fixture
def shell(qtbot: Any, settings: Settings, runner: DbRunner, english: None) -> Shell:
    s = Shell(settings, get_paths().ensure(), runner=runner)
    qtbot.addWidget(s.window)
    return s


def test_shell_opens_the_embedded_database_after_showing_the_window(shell: Shell, qtbot: Any) -> None:
    window = shell.start()
    assert window.isVisible()
    qtbot.waitUntil(lambda: window.db is not None, timeout=5000)
    assert window.db.location.endswith("shelterdesk.sqlite3")
    assert str(get_paths().data) in window.db.location
    assert window.search.isEnabled()
    shell.shutdown()


def test_first_start_offers_the_demo_once(qtbot: Any, runner: DbRunner, english: None) -> None:
    settings = Settings.load(get_paths().ensure().settings_file)  # DEMO_OFFERED still False
    s = Shell(settings, get_paths(), runner=runner)
    qtbot.addWidget(s.window)
    when_modal(lambda box: box.button(box.StandardButton.Yes).click())  # type: ignore[attr-defined]
    s.start()
    qtbot.waitUntil(lambda: s.window.model.rowCount() == 7, timeout=5000)
    assert Settings.load(settings.path).get(DEMO_OFFERED)
    s.window.offer_demo()  # a second time asks nothing (no modal is waiting for it)
    assert QApplication.activeModalWidget() is None
    s.shutdown()


def test_switching_to_spanish_rebuilds_the_window_keeping_the_database(
    shell: Shell, qtbot: Any, gui_db: Database
) -> None:
    demo.seed_demo(gui_db, "tester")
    shell.window.adopt_database(gui_db)
    shell.window.search.setText("harness")
    shell.window.table.selectRow(0)
    selected = shell.window.selected_client_id()
    shell.switch_language("es_MX")
    qtbot.addWidget(shell.window)
    window = shell.window
    try:
        assert window.db is gui_db
        assert window.menuBar().actions()[0].text() == "&Archivo"
        assert window.selected_client_id() == selected
        assert window.detail.projects.item(0, 2).text() == "Propuesta"
        assert window.model.headerData(0, Qt.Orientation.Horizontal) == "Razón social"
        assert window.count_label.text() == "7 clientes"
    finally:
        i18n.install("en")


def test_settings_dialog_says_when_no_keychain_exists(qtbot: Any, settings: Settings, runner: DbRunner,
                                                      english: None) -> None:
    keyring.set_keyring(fail.Keyring())
    dialog = SettingsDialog(settings, get_paths(), runner)
    qtbot.addWidget(dialog)
    assert "will not be remembered" in dialog.keyring_note.text()


def test_settings_dialog_keeps_the_password_out_of_the_settings_file(
    qtbot: Any, settings: Settings, runner: DbRunner, english: None, memory_keyring: Any
) -> None:
    dialog = SettingsDialog(settings, get_paths(), runner)
    qtbot.addWidget(dialog)
    changed: list[str] = []
    dialog.database_changed.connect(changed.append)
    dialog.server.setChecked(True)
    dialog.url.setText("postgresql://ana@db.example.com:5432/shelterdesk")
    dialog.password.setText("s3cret-Ñ")
    dialog.accept()
    text = settings.path.read_text(encoding="utf-8")
    assert "s3cret" not in text
    assert Settings.load(settings.path).get(DB_URL) == "postgresql://ana@db.example.com:5432/shelterdesk"
    assert "s3cret-Ñ" in memory_keyring.secrets.values()
    assert changed == ["s3cret-Ñ"]


def test_settings_dialog_rejects_a_bad_url_and_tests_a_connection(
    qtbot: Any, settings: Settings, runner: DbRunner, english: None, tmp_path: Path
) -> None:
    dialog = SettingsDialog(settings, get_paths(), runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.server.setChecked(True)
    dialog.url.setText("mysql://x@y/z")
    dialog.accept()
    assert dialog.isVisible()
    assert "not supported" in dialog.test_result.text()
    dialog.url.setText(f"sqlite:///{tmp_path / 'probe.sqlite3'}")
    dialog.check_connection()
    assert dialog.test_result.text().startswith("Connected: sqlite 3.")
    dialog.url.setText("postgresql://nobody@/nowhere?host=/nonexistent-socket-dir")
    dialog.check_connection()
    assert "Cannot reach the database" in dialog.test_result.text()


def test_settings_dialog_moves_a_password_typed_in_the_address_to_the_keychain(
    qtbot: Any, settings: Settings, runner: DbRunner, english: None, memory_keyring: Any, tmp_path: Path
) -> None:
    dialog = SettingsDialog(settings, get_paths(), runner)
    qtbot.addWidget(dialog)
    changed: list[str] = []
    dialog.database_changed.connect(changed.append)
    dialog.server.setChecked(True)
    qtbot.keyClicks(dialog.url, "postgresql://ana:s3cret%40Ñ@db.example.com:5432/shelterdesk")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert Settings.load(settings.path).get(DB_URL) == "postgresql://ana@db.example.com:5432/shelterdesk"
    assert list(memory_keyring.secrets.values()) == ["s3cret@Ñ"]
    assert changed == ["s3cret@Ñ"]  # this session connects with it
    assert not [p for p in tmp_path.rglob("*") if p.is_file() and b"s3cret" in p.read_bytes()]


def test_settings_dialog_without_a_keychain_refuses_a_password_in_the_address(
    qtbot: Any, settings: Settings, runner: DbRunner, english: None, tmp_path: Path
) -> None:
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    dialog = SettingsDialog(settings, get_paths(), runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.server.setChecked(True)
    dialog.url.setText("postgresql://ana:s3cret@db.example.com/shelterdesk")
    dialog.accept()
    assert dialog.isVisible()  # still open: nothing saved
    assert "no system keychain" in dialog.test_result.text() and "s3cret" not in dialog.test_result.text()
    assert not settings.path.exists() or "db.example.com" not in settings.path.read_text(encoding="utf-8")
    assert not [p for p in tmp_path.rglob("*") if p.is_file() and b"s3cret" in p.read_bytes()]


def test_settings_dialog_shows_a_command_line_address_without_its_password(
    qtbot: Any, settings: Settings, runner: DbRunner, english: None
) -> None:
    dialog = SettingsDialog(settings, get_paths(), runner, "postgresql://ana:s3cret@db/shelterdesk")
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("postgresql://ana:***@db/shelterdesk" in text for text in texts)
    assert not any("s3cret" in text for text in texts)


def test_a_crash_report_never_shows_a_url_password(qtbot: Any, english: None) -> None:
    try:
        raise RuntimeError("could not open 'postgresql://ana:s3cret@db/shelterdesk'")
    except RuntimeError as exc:
        report = crash_report(type(exc), exc, exc.__traceback__)
    assert "s3cret" not in report
    assert "postgresql://ana:***@db/shelterdesk" in report and "RuntimeError" in report


def test_language_setting_change_is_announced(qtbot: Any, settings: Settings, runner: DbRunner,
                                              english: None) -> None:
    dialog = SettingsDialog(settings, get_paths(), runner)
    qtbot.addWidget(dialog)
    languages: list[str] = []
    dialog.language_changed.connect(languages.append)
    dialog.language.setCurrentIndex(dialog.language.findData("es_MX"))
    dialog.accept()
    assert languages == ["es_MX"]
    assert Settings.load(settings.path).get(LANGUAGE) == "es_MX"


def test_user_errors_get_a_plain_message_and_bugs_the_crash_dialog(qtbot: Any, english: None) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: dict[str, str] = {}

    def read_and_close(dialog: QWidget) -> None:
        seen["type"] = type(dialog).__name__
        seen["text"] = getattr(dialog, "text", lambda: "")()
        if isinstance(dialog, CrashDialog):
            seen["report"] = dialog.report.toPlainText()
        dialog.close()

    when_modal(read_and_close)
    handle_error(parent, ValidationError("The RFC is wrong.", "El RFC es incorrecto."))
    assert seen == {"type": "QMessageBox", "text": "The RFC is wrong."}
    seen.clear()
    when_modal(read_and_close)
    try:
        raise KeyError("boom")
    except KeyError as exc:
        handle_error(parent, exc)
    assert seen["type"] == "CrashDialog"
    assert "KeyError: 'boom'" in seen["report"] and "ShelterDesk" in seen["report"]


def test_crash_dialog_copies_its_report(qtbot: Any, english: None) -> None:
    dialog = CrashDialog("Traceback: something")
    qtbot.addWidget(dialog)
    button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Copy report")
    button.click()
    assert QApplication.clipboard().text() == "Traceback: something"


def test_faulthandler_log_is_offered_at_the_next_start(tmp_path: Path) -> None:
    crash_log = tmp_path / "logs" / "crash.log"
    handler = CrashHandler(crash_log)
    assert handler.previous_crash() is None
    handler.install()
    try:
        assert sys.excepthook == handler.excepthook
        crash_log.write_text("Fatal Python error: Segmentation fault\n", encoding="utf-8")
    finally:
        # simulate the next start without a clean exit: a new handler reads the old log
        next_start = CrashHandler(crash_log)
        assert next_start.previous_crash() == "Fatal Python error: Segmentation fault"
        handler.uninstall()
    assert CrashHandler(crash_log).previous_crash() is None  # a clean exit leaves nothing to report


def test_the_window_survives_a_write_error(shell: Shell, qtbot: Any, gui_db: Database) -> None:
    shell.window.adopt_database(gui_db)
    seen: list[str] = []
    when_modal(lambda box: (seen.append(getattr(box, "text", lambda: "")()), box.close()))
    shell.window.runner.run(lambda: clients.set_archived(gui_db, "t", 999_999, True), lambda _: None)
    assert seen and "does not exist" in seen[0]
    assert shell.window.isEnabled()


def test_the_window_shows_before_storage_keyring_and_reportlab_load(tmp_path: Path) -> None:
    """Start-up order (NOTES: start-up): the window is built and shown with none of the heavy imports."""

    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(sys.argv[:1])\n"
        "from shelter_app.paths import get_paths\n"
        "from shelter_app.settings import Settings\n"
        "from shelter_app.ui.main import Shell\n"
        "paths = get_paths().ensure()\n"
        "shell = Shell(Settings.load(paths.settings_file), paths)\n"
        "shell.window.show()\n"
        "app.processEvents()\n"
        "print(sorted(m for m in ('sqlmodel', 'sqlalchemy', 'keyring', 'reportlab', 'alembic', 'babel')"
        " if m in sys.modules))\n"
    )
    env = {**os.environ, "SHELTER_APP_DATA_DIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60,
                            check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"


def _start_and_read_the_error(qtbot: Any, shell: Shell) -> str:
    seen: list[str] = []
    when_modal(lambda box: (seen.append(getattr(box, "text", lambda: "")()), box.close()))
    shell.start()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    return seen[0]


def test_a_corrupt_database_file_gets_a_plain_message_and_the_settings(
    qtbot: Any, settings: Settings, runner: DbRunner, english: None
) -> None:
    paths = get_paths().ensure()
    paths.database.write_bytes(b"this is not a database, just some bytes " * 200)
    s = Shell(settings, paths, runner=runner)
    qtbot.addWidget(s.window)
    message = _start_and_read_the_error(qtbot, s)
    assert "not a readable ShelterDesk database" in message and "backups" in message
    qtbot.waitUntil(lambda: any(isinstance(w, SettingsDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=3000)
    assert s.window.db is None and not s.window.search.isEnabled()
    assert paths.database.read_bytes().startswith(b"this is not a database")  # untouched


def test_a_database_from_a_newer_version_is_refused_untouched(
    qtbot: Any, settings: Settings, runner: DbRunner, english: None, gui_db: Database
) -> None:
    with gui_db.engine.begin() as conn:
        conn.exec_driver_sql("update alembic_version set version_num = '9999_future'")
    gui_db.close()
    before = get_paths().database.read_bytes()
    s = Shell(settings, get_paths(), runner=runner)
    qtbot.addWidget(s.window)
    message = _start_and_read_the_error(qtbot, s)
    assert "newer version of ShelterDesk" in message
    assert get_paths().database.read_bytes() == before
    assert list(get_paths().backups.glob("*")) == []


def test_a_server_that_is_down_is_named_in_spanish_too(
    qtbot: Any, settings: Settings, runner: DbRunner, tmp_path: Path
) -> None:
    settings.set(DB_URL, f"postgresql://consultor@/shelterdesk?host={tmp_path}")
    s = Shell(settings, get_paths(), runner=runner, language="es_MX")
    qtbot.addWidget(s.window)
    try:
        message = _start_and_read_the_error(qtbot, s)
    finally:
        i18n.install("en")
    assert message.startswith("No se puede conectar con la base de datos")
    assert "consultor" in message and "contraseña" in message


def test_a_document_sent_by_the_desktop_as_an_event_opens_like_a_double_click(
        shell: Shell, qtbot: Any, tmp_path: Path) -> None:
    """macOS's Finder sends a double-clicked .sdform as a FileOpen event to the running app."""
    import nacl.public
    from PySide6.QtGui import QFileOpenEvent

    from shelter_app.content.forms import definition_data, load_forms
    from shelter_app.exchange import formfiles
    from shelter_app.ui.main import FileOpenFilter

    definition = load_forms().latest("mexican_entity")
    package = tmp_path / "entidad.sdform"
    formfiles.write_package(package, formfiles.FormPackage(
        form_id=definition.id, form_version=definition.version, definition=definition_data(definition),
        language="en", prefill={}, consultant=formfiles.ConsultantInfo(
            "Ana", nacl.public.PrivateKey.generate().public_key),
        project=formfiles.ProjectInfo("ref", "Ñandú", "Plant")))
    opener = FileOpenFilter(shell)
    assert opener.eventFilter(QApplication.instance(), QFileOpenEvent(str(package)))  # type: ignore[arg-type]
    client = opener.client_windows[0]
    qtbot.addWidget(client)
    qtbot.waitUntil(lambda: client.view is not None, timeout=5000)
    assert client.view.state.definition.id == "mexican_entity"
    assert not opener.eventFilter(QApplication.instance(), QFileOpenEvent(str(tmp_path / "notes.txt")))  # type: ignore[arg-type]
    client.close()


def test_the_window_says_what_to_do_when_the_data_folder_cannot_be_written(qtbot: Any, tmp_path: Path,
                                                                           english: None) -> None:
    import argparse

    from PySide6.QtWidgets import QMessageBox

    from shelter_app import paths
    from shelter_app.ui.main import run_gui

    blocker = tmp_path / "a-file"
    blocker.write_text("in the way", encoding="utf-8")
    paths.set_data_dir(blocker / "sd")
    seen: list[str] = []

    def read(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    when_modal(read)
    try:
        code = run_gui(argparse.Namespace(db_url=None, lang="en", open_file=False))
    finally:
        paths.set_data_dir(None)
    assert code == 2
    assert "cannot write its data folder" in seen[0] and "--data-dir" in seen[0]


def test_a_response_sent_by_the_desktop_waits_for_the_database_then_opens_its_review(
        shell: Shell, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QFileOpenEvent

    from shelter_app.ui.main import FileOpenFilter

    reviewed: list[Path] = []
    monkeypatch.setattr(shell.window, "import_form_response", reviewed.append)  # the review itself: test_forms_*
    response = tmp_path / "intake.sdresponse"
    opener = FileOpenFilter(shell)
    assert shell.window.db is None
    assert opener.eventFilter(QApplication.instance(), QFileOpenEvent(str(response)))  # type: ignore[arg-type]
    assert reviewed == []  # not before the database is open
    shell.start()
    qtbot.waitUntil(lambda: reviewed == [response], timeout=10000)

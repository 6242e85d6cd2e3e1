"""The portfolio window end to end: search, filters, detail, editors, archive, conflicts, state."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox, QPushButton, QWidget

from shelter_app.core.portfolio import ClientFields
from shelter_app.paths import get_paths
from shelter_app.services import clients
from shelter_app.settings import WINDOW_GEOMETRY, Settings
from shelter_app.storage.db import Database, open_database, sqlite_url
from shelter_app.ui.editors import ClientEditor, ConflictDialog, ContactEditor, ProjectEditor
from shelter_app.ui.mainwindow import MainWindow
from shelter_app.ui.models.clients import COL_LEGAL_NAME, COL_STAGE, ClientTableModel
from shelter_app.ui.worker import DbRunner
from tests.ui.conftest import type_text, when_modal


def names(win: MainWindow) -> list[str]:
    model = win.model
    return [model.data(model.index(r, COL_LEGAL_NAME)) for r in range(model.rowCount())]


def test_portfolio_lists_the_demo_sorted_by_name(window: MainWindow) -> None:
    assert window.model.rowCount() == 7
    shown = names(window)
    assert shown[0].startswith("Aceros y Tubos")
    assert shown[-1].startswith("Válvulas del Norte")
    assert window.count_label.text() == "7 clients"


def test_search_ignores_accents_and_case(window: MainWindow, qtbot: Any) -> None:
    type_text(window.search, "valvula")
    assert names(window) == ["Válvulas del Norte, S.A. de C.V."]
    window.search.clear()
    type_text(window.search, "ÑANDU")
    assert names(window) == ["Maquinados Ñandú de Jalisco, S. de R.L. de C.V."]
    window.search.setText("no such company")
    assert window.model.rowCount() == 0
    assert window.detail.detail is None


def test_stage_filter_and_sorting(window: MainWindow) -> None:
    window.stage_filter.setCurrentIndex(window.stage_filter.findData("assessment"))
    assert sorted(names(window)) == ["Aceros y Tubos del Bajío, S.A.P.I. de C.V.", "Nordwerk Präzision GmbH"]
    window.stage_filter.setCurrentIndex(0)
    window.model.sort(COL_STAGE)
    stages = [window.model.data(window.model.index(r, COL_STAGE)) for r in range(window.model.rowCount())]
    assert stages[0] == "Prospect" and stages[-1] == "Closed"


def test_model_passes_qt_model_tester(window: MainWindow, qtmodeltester: Any) -> None:
    qtmodeltester.check(window.model, force_py=True)


def test_selecting_a_client_fills_the_detail(window: MainWindow) -> None:
    window.search.setText("harness")
    window.table.selectRow(0)
    detail = window.detail
    assert detail.title.text() == "Great Lakes Harness Inc."
    assert detail.values["country"].text() == "US"
    assert detail.contacts.rowCount() == 2
    assert detail.projects.rowCount() == 1
    assert detail.projects.item(0, 2).text() == "Proposal"
    assert detail.history.rowCount() >= 4  # client + 2 contacts + project created


def test_new_client_with_field_messages_as_you_type(window: MainWindow, qtbot: Any, gui_db: Database) -> None:
    editor = ClientEditor(window.runner, "tester", gui_db, parent=window)
    qtbot.addWidget(editor)
    editor.saved.connect(window.apply_changes)
    editor.show()
    type_text(editor.rfc, "ABC99133")
    message = editor.messages["rfc"]
    assert message.isVisible() and "RFC" in message.text()
    assert not editor.messages["legal_name"].isVisible()  # untouched fields stay quiet while typing
    editor.rfc.clear()
    type_text(editor.rfc, "ACO071219F52")  # real shape, wrong check digit: a warning, not a block
    assert "check" in editor.messages["rfc"].text().lower()
    editor.save()
    assert editor.messages["legal_name"].isVisible()  # saving shows every problem
    assert editor.banner.isVisible()
    type_text(editor.legal_name, "Compañía Ñandú Óptica, S.A. de C.V.")
    editor.save()
    assert not editor.isVisible()
    assert "Compañía Ñandú Óptica, S.A. de C.V." in names(window)
    assert window.detail.title.text() == "Compañía Ñandú Óptica, S.A. de C.V."


def test_duplicate_rfc_is_shown_at_the_field_and_nothing_is_stored(
    window: MainWindow, qtbot: Any, gui_db: Database
) -> None:
    before = clients.count_clients(gui_db)
    editor = ClientEditor(window.runner, "tester", gui_db, parent=window)
    qtbot.addWidget(editor)
    editor.show()
    editor.legal_name.setText("Otra Empresa, S.A. de C.V.")
    editor.rfc.setText("VNO150312KMA")
    editor.save()
    assert editor.isVisible()
    assert "Válvulas del Norte" in editor.messages["rfc"].text()
    assert clients.count_clients(gui_db) == before


def test_edit_conflict_shows_both_versions_and_keeps_mine_on_request(
    window: MainWindow, qtbot: Any, gui_db: Database
) -> None:
    window.search.setText("nordwerk")
    window.table.selectRow(0)
    detail = window.detail.detail
    editor = ClientEditor(window.runner, "me", gui_db, detail.fields, detail.id, detail.version, parent=window)
    qtbot.addWidget(editor)
    editor.saved.connect(window.apply_changes)
    editor.show()
    # a colleague saves first
    clients.update_client(gui_db, "colleague", detail.id, detail.version,
                          ClientFields(**{**detail.fields.__dict__, "industry": "CNC machining"}))
    editor.industry.setText("Precision parts and assemblies")
    seen: dict[str, Any] = {}

    def keep_mine(dialog: QWidget) -> None:
        assert isinstance(dialog, ConflictDialog)
        seen["text"] = " ".join(label.text() for label in dialog.findChildren(QLabel))
        button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Keep my version")
        button.click()

    when_modal(keep_mine)
    editor.save()
    assert "colleague" in seen["text"] and "CNC machining" in seen["text"]
    assert "Precision parts and assemblies" in seen["text"]
    stored = clients.get_client(gui_db, detail.id)
    assert stored.fields.industry == "Precision parts and assemblies"
    assert stored.version == detail.version + 2


def test_edit_conflict_can_load_the_saved_version(window: MainWindow, qtbot: Any, gui_db: Database) -> None:
    window.search.setText("brightway")
    window.table.selectRow(0)
    detail = window.detail.detail
    editor = ClientEditor(window.runner, "me", gui_db, detail.fields, detail.id, detail.version, parent=window)
    qtbot.addWidget(editor)
    editor.show()
    clients.update_client(gui_db, "colleague", detail.id, detail.version,
                          ClientFields(**{**detail.fields.__dict__, "trade_name": "Brightway MX"}))
    editor.trade_name.setText("BW")

    def take_theirs(dialog: QWidget) -> None:
        next(b for b in dialog.findChildren(QPushButton) if b.text() == "Load saved version").click()

    when_modal(take_theirs)
    editor.save()
    assert editor.isVisible()
    assert editor.trade_name.text() == "Brightway MX"
    assert clients.get_client(gui_db, detail.id).fields.trade_name == "Brightway MX"


def test_archive_and_restore(window: MainWindow) -> None:
    window.search.setText("cascade")
    window.table.selectRow(0)
    window.toggle_archive()
    assert window.model.rowCount() == 0  # archived clients are hidden
    window.show_archived.setChecked(True)
    assert names(window) == ["Cascade Medical Devices LLC (archived)"]
    window.table.selectRow(0)
    assert window.detail.archive_button.text() == "&Restore"
    window.toggle_archive()
    window.show_archived.setChecked(False)
    assert names(window) == ["Cascade Medical Devices LLC"]


def test_contact_and_project_editors_save_through_services(
    window: MainWindow, qtbot: Any, gui_db: Database
) -> None:
    window.search.setText("nordwerk")
    window.table.selectRow(0)
    client_id = window.detail.detail.id
    contact = ContactEditor(window.runner, "tester", gui_db, client_id, parent=window)
    qtbot.addWidget(contact)
    contact.saved.connect(window.apply_changes)
    contact.show()
    type_text(contact.name, "José Núñez")
    contact.email.setText("not-an-email")
    contact.save()
    assert contact.messages["email"].isVisible()
    contact.email.setText("jose.nunez@nordwerk.example.de")
    contact.save()
    assert not contact.isVisible()
    assert window.detail.contacts.rowCount() == 2

    project = ProjectEditor(window.runner, "tester", gui_db, client_id, parent=window)
    qtbot.addWidget(project)
    project.saved.connect(window.apply_changes)
    project.show()
    project.title_edit.setText("Second line in Querétaro")
    project.stage.setCurrentIndex(project.stage.findData("proposal"))
    project.save()
    assert window.detail.projects.rowCount() == 2
    row = window.model.row_of(client_id)
    assert row is not None
    assert window.model.data(window.model.index(row, COL_STAGE)) == "Proposal"  # newest project's stage


def test_delete_contact_asks_first(window: MainWindow, qtbot: Any, gui_db: Database) -> None:
    window.search.setText("harness")
    window.table.selectRow(0)
    contact = window.detail.detail.contacts[0]

    def answer_yes(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Yes).click()

    when_modal(answer_yes)
    window.delete_contact(contact)
    assert len(clients.get_client(gui_db, window.detail.detail.id).contacts) == 1


def test_window_state_is_saved(window: MainWindow, settings: Settings) -> None:
    window.resize(900, 600)
    window.close()
    assert settings.get(WINDOW_GEOMETRY)
    reloaded = Settings.load(settings.path)
    assert reloaded.get(WINDOW_GEOMETRY) == settings.get(WINDOW_GEOMETRY)


def test_rows_are_fetched_a_page_at_a_time(qtbot: Any) -> None:
    asked: list[list[int]] = []

    def fetch(ids: list[int]) -> dict[int, Any]:
        asked.append(ids)
        from datetime import UTC, datetime

        return {i: clients.ClientRow(i, f"Client {i}", "", "MX", None, "", None, 0, datetime.now(UTC), False)
                for i in ids}

    model = ClientTableModel(fetch, lambda d: d.isoformat())
    model.set_ids(list(range(1, 10_001)))
    assert model.data(model.index(5000, COL_LEGAL_NAME)) == "Client 5001"
    assert len(asked) == 1 and len(asked[0]) == 100
    model.data(model.index(5001, COL_LEGAL_NAME))
    assert len(asked) == 1  # same page, no new query


def test_save_button_text_in_editor(window: MainWindow, qtbot: Any, gui_db: Database) -> None:
    editor = ClientEditor(window.runner, "tester", gui_db, parent=window)
    qtbot.addWidget(editor)
    save = editor.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.text() == "Save"


def test_backup_from_the_menu_reports_where_the_copy_is(window: MainWindow) -> None:
    seen: list[str] = []
    when_modal(lambda box: (seen.append(box.text()), box.close()))  # type: ignore[attr-defined]
    window.backup_action.trigger()
    assert seen and "copied to" in seen[0]
    copies = list(window.paths.backups.glob("*.sqlite3"))
    assert len(copies) == 1 and str(copies[0]) in seen[0]


def test_long_work_reports_progress_and_stops_on_cancel(qtbot: Any) -> None:
    import time

    from shelter_app.storage.errors import BackupCancelled
    from shelter_app.ui.progress import CancellableTask
    from shelter_app.ui.worker import DbRunner

    parent = QWidget()
    qtbot.addWidget(parent)
    runner = DbRunner()  # a real worker thread
    outcome: dict[str, Any] = {}

    def job(progress: Any, cancelled: Any) -> str:
        for step in range(1, 1000):
            progress(step, 1000)
            if cancelled():
                raise BackupCancelled()
            time.sleep(0.005)
        return "finished"

    task = CancellableTask(parent, runner, "Work", "Working…", job, lambda r: outcome.update(result=r),
                           lambda e: outcome.update(error=e))
    qtbot.waitUntil(lambda: task.dialog.value() > 5, timeout=5000)
    cancel = next(b for b in task.dialog.findChildren(QPushButton) if b.text() == "Cancel")
    cancel.click()
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert isinstance(outcome.get("error"), BackupCancelled)
    assert not task.dialog.isVisible()
    runner.shutdown()


def test_a_project_opens_its_workspace_with_journey_and_calendar_actions(
    window: MainWindow, qtbot: Any, tmp_path: Any
) -> None:
    window.search.setText("harness")
    window.table.selectRow(0)
    project = window.detail.detail.projects[0]
    window.open_workspace(project)
    workspace = window.workspaces[project.id]
    qtbot.addWidget(workspace)
    texts = [a.text() for a in workspace.toolbar.actions()]
    assert "Setup &journey…" in texts and "Compliance ca&lendar (.ics)…" in texts
    window.open_workspace(project)  # a second open brings the same window forward
    assert window.workspaces[project.id] is workspace
    seen: list[str] = []
    when_modal(lambda box: (seen.append(box.text()), box.close()))  # type: ignore[attr-defined]
    target = tmp_path / "obligaciones.ics"
    window.write_calendar(project.id, target, workspace)
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR") and "dated reminders" in seen[0]


def test_a_damaged_database_opens_read_only_under_a_banner(qtbot: Any, runner: DbRunner, settings: Settings,
                                                            english: None) -> None:
    from tests.storage.test_integrity import damage_middle_page, portfolio_file

    damage_middle_page(portfolio_file())
    paths = get_paths()
    db = open_database(sqlite_url(paths.database), backups_dir=paths.backups)
    try:
        win = MainWindow(settings, paths, runner)
        qtbot.addWidget(win)
        win.adopt_database(db)
        win.show()
        assert win.damage_banner.isVisible()
        text = win.damage_banner.text()
        assert text.startswith("The database file is damaged (") and "open read-only" in text
        assert "shelter-app" not in text and win.damage_restore_button.isVisible()
    finally:
        db.close()

"""The database safety net in the window: check, restore a backup and recover readable data, all in place."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from shelter_app.core.portfolio import ClientFields
from shelter_app.paths import get_paths
from shelter_app.services import clients, database
from shelter_app.settings import Settings
from shelter_app.storage.db import Database, open_database, sqlite_url
from shelter_app.ui.database_dialogs import RestoreDialog
from shelter_app.ui.mainwindow import MainWindow
from shelter_app.ui.worker import DbRunner


class Modals:
    """Answers each modal dialog as it opens: the restore dialog takes its selected backup, a question is answered
    Yes, the recovery report opens the recovered file; every other message is recorded and closed."""

    def __init__(self, choose: Callable[[RestoreDialog], None] | None = None) -> None:
        self.seen: list[str] = []
        self.choose = choose or (lambda dialog: dialog.accept())
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or isinstance(widget, QProgressDialog) or widget.property("answered"):
            return
        widget.setProperty("answered", True)
        if isinstance(widget, RestoreDialog):
            self.choose(widget)
        elif isinstance(widget, QMessageBox):
            self.seen.append(widget.text())
            recovered = next((b for b in widget.buttons() if b.objectName() == "openRecovered"), None)
            yes = widget.button(QMessageBox.StandardButton.Yes)
            (recovered or yes or widget.buttons()[0]).click()
        else:
            widget.close()


@pytest.fixture
def modals() -> Iterator[Callable[..., Modals]]:
    made: list[Modals] = []

    def make(choose: Callable[[RestoreDialog], None] | None = None) -> Modals:
        made.append(Modals(choose))
        return made[-1]

    yield make
    for m in made:
        m.timer.stop()


def names(win: MainWindow) -> set[str]:
    return {win.model.data(win.model.index(row, 0)) for row in range(win.model.rowCount())}


def test_restore_from_the_dialog_reopens_in_place_with_the_backups_data(qtbot: Any, window: MainWindow,
                                                                       gui_db: Database, modals: Any) -> None:
    paths = get_paths()
    made = database.backup(gui_db, paths)
    assert made is not None
    clients.create_client(gui_db, "tester", ClientFields(legal_name="Llegó Después SA de CV"))
    window.refresh()
    assert "Llegó Después SA de CV" in names(window)
    before = names(window) - {"Llegó Después SA de CV"}
    answered = modals()
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: window.db is not None and window.db is not gui_db and len(answered.seen) >= 2,
                    timeout=10000)
    try:
        assert "kept aside in" in answered.seen[0] and str(paths.backups) in answered.seen[0]
        assert answered.seen[1].startswith("The backup is in place and open")
        assert names(window) == before  # the backup's portfolio, read from the reopened file
        assert not window.damage_box.isVisible() and window.table.isEnabled()
        kept = list(paths.backups.glob("shelterdesk-replaced-*.sqlite3"))
        assert len(kept) == 1 and str(kept[0]) in answered.seen[1]
        with sqlite3.connect(kept[0]) as old:  # the replaced file, aside and whole, still has the later client
            assert old.execute("SELECT count(*) FROM client WHERE legal_name LIKE 'Llegó%'").fetchone() == (1,)
        clients.create_client(window.db, "tester", ClientFields(legal_name="Escrita Tras Restaurar SA"))
    finally:
        window.db.close()


def test_the_dialog_lists_backups_newest_first_with_their_stored_files(qtbot: Any, window: MainWindow,
                                                                       gui_db: Database) -> None:
    paths = get_paths()
    first = database.backup(gui_db, paths)
    second = database.backup(gui_db, paths)
    assert first is not None and second is not None
    second.with_name(second.name + ".files.json").unlink()  # as an older version made it
    older = paths.backups / "shelterdesk-backup-20200101T000000Z.sqlite3"
    shutil.copy(first, older)
    facts = database.list_backups(window.settings, paths)
    assert [f.path for f in facts][-1] == older and facts[0].made >= facts[1].made
    dialog = RestoreDialog(facts, paths.backups, "en", window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 3 and dialog.selected_path() == facts[0].path
    column = [dialog.table.item(row, 3).text() for row in range(3)]
    assert "Not listed (older backup)" in column and "All present" in column
    assert "2020" in dialog.table.item(2, 0).text()


@pytest.mark.parametrize("bad", ["not a database", "newer version"])
def test_a_failed_restore_says_why_and_keeps_the_open_database(qtbot: Any, window: MainWindow, gui_db: Database,
                                                               modals: Any, bad: str) -> None:
    paths = get_paths()
    target = paths.backups / "shelterdesk-backup-20300101T000000Z.sqlite3"
    paths.backups.mkdir(parents=True, exist_ok=True)
    if bad == "not a database":
        target.write_bytes(b"these are not the rows you are looking for" * 100)
    else:
        made = database.backup(gui_db, paths)
        assert made is not None
        made.replace(target)
        with sqlite3.connect(target) as copy:
            copy.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = names(window)
    answered = modals()
    window.restore_backup()
    qtbot.waitUntil(lambda: len(answered.seen) >= 2, timeout=10000)
    assert ("newer" in answered.seen[1]) if bad == "newer version" else "not an SQLite file" in answered.seen[1]
    assert window.db is gui_db and names(window) == before and window.table.isEnabled()
    clients.create_client(window.db, "tester", ClientFields(legal_name="Sigue Abierta SA de CV"))
    window.refresh()
    assert "Sigue Abierta SA de CV" in names(window)
    assert not list(paths.backups.glob("*-replaced-*"))


@pytest.fixture
def damaged_window(qtbot: Any, runner: DbRunner, settings: Settings, english: None) -> Iterator[MainWindow]:
    from tests.storage.test_integrity import damage_middle_page, portfolio_file

    damage_middle_page(portfolio_file())
    paths = get_paths()
    db = open_database(sqlite_url(paths.database), backups_dir=paths.backups)
    assert db.damage
    win = MainWindow(settings, paths, runner)
    qtbot.addWidget(win)
    win.adopt_database(db)
    win.show()
    yield win
    db.close()
    if win.db is not None:
        win.db.close()


def test_banner_buttons_show_only_for_a_damaged_database(window: MainWindow, damaged_window: MainWindow) -> None:
    assert not window.damage_box.isVisible() and not window.damage_restore_button.isVisible()
    assert damaged_window.damage_box.isVisible()
    assert damaged_window.damage_restore_button.isVisible() and damaged_window.damage_recover_button.isVisible()
    assert damaged_window.damage_restore_button.isEnabled() and damaged_window.damage_recover_button.isEnabled()
    assert "shelter-app" not in damaged_window.damage_banner.text()


def test_recover_in_place_from_the_banner(qtbot: Any, damaged_window: MainWindow, modals: Any) -> None:
    win = damaged_window
    damaged = win.db
    answered = modals()
    win.damage_recover_button.click()
    qtbot.waitUntil(lambda: win.db is not None and win.db is not damaged and len(answered.seen) >= 2, timeout=20000)
    assert "copied into a new file" in answered.seen[0] and "recovered" in answered.seen[0]
    assert answered.seen[1].startswith("The backup is in place and open")
    assert not win.db.damage and not win.damage_box.isVisible()
    with win.db.read() as connection:
        stored = connection.exec_driver_sql("SELECT count(*) FROM client").scalar_one()
    win.show_archived.setChecked(True)
    assert win.model.rowCount() == stored > 0  # every recovered client, shown
    clients.create_client(win.db, "tester", ClientFields(legal_name="Tras Recuperar SA de CV"))
    assert list(get_paths().backups.glob("shelterdesk-replaced-*.sqlite3"))


def test_check_says_the_file_is_sound(qtbot: Any, window: MainWindow, modals: Any) -> None:
    answered = modals()
    window.check_action.trigger()
    qtbot.waitUntil(lambda: len(answered.seen) >= 1, timeout=10000)
    assert answered.seen[0].startswith("The database file is sound")


def test_check_lists_the_problems_of_a_damaged_file(qtbot: Any, damaged_window: MainWindow, modals: Any) -> None:
    answered = modals()
    damaged_window.check_action.trigger()
    qtbot.waitUntil(lambda: len(answered.seen) >= 1, timeout=10000)
    assert answered.seen[0].startswith("The database file is damaged: SQLite's check found")


def test_team_mode_disables_check_restore_and_recover_saying_why(window: MainWindow) -> None:
    real = window.db
    window.db = SimpleNamespace(is_sqlite=False)
    try:
        window._update_database_actions()
        for action in (window.check_action, window.restore_action, window.recover_action):
            assert not action.isEnabled() and "embedded database" in action.toolTip()
    finally:
        window.db = real
        window._update_database_actions()
    assert window.restore_action.isEnabled() and "embedded" not in window.restore_action.toolTip()


def test_restore_closes_project_windows_first_and_stops_if_one_stays(qtbot: Any, window: MainWindow,
                                                                     monkeypatch: Any) -> None:
    window.search.setText("harness")
    window.table.selectRow(0)
    project = window.detail.detail.projects[0]
    window.open_workspace(project)
    workspace = window.workspaces[project.id]
    monkeypatch.setattr(type(workspace), "close", lambda self: False)  # the consultant chose to stay
    assert not window.close_project_windows()
    assert window.workspaces[project.id] is workspace
    monkeypatch.undo()
    assert window.close_project_windows() and not window.workspaces
    assert not workspace.isVisible()


def test_restore_on_the_real_worker_thread(qtbot: Any, gui_db: Database, settings: Settings, english: None,
                                           modals: Any) -> None:
    from shelter_app.services import demo

    demo.seed_demo(gui_db, "tester")
    paths = get_paths()
    made = database.backup(gui_db, paths)
    assert made is not None
    clients.create_client(gui_db, "tester", ClientFields(legal_name="Llegó Después SA de CV"))
    runner = DbRunner()
    win = MainWindow(settings, paths, runner)
    qtbot.addWidget(win)
    win.adopt_database(gui_db)
    win.show()
    answered = modals()
    win.put_in_place(made)
    qtbot.waitUntil(lambda: len(answered.seen) >= 1, timeout=20000)
    try:
        assert win.db is not gui_db and "Llegó Después SA de CV" not in names(win) and win.model.rowCount() == 7
    finally:
        runner.shutdown()
        win.db.close()


def test_restore_helps_when_the_file_does_not_open_at_all(qtbot: Any, runner: DbRunner, settings: Settings,
                                                          english: None, modals: Any) -> None:
    paths = get_paths().ensure()
    source = open_database(sqlite_url(paths.data / "elsewhere.sqlite3"), backups_dir=paths.backups)
    clients.create_client(source, "tester", ClientFields(legal_name="Del Respaldo SA de CV"))
    source.close()
    paths.database.write_bytes(b"no database here" * 1000)
    answered = modals()
    win = MainWindow(settings, paths, runner)
    qtbot.addWidget(win)
    win.show()
    win.open_database()
    qtbot.waitUntil(lambda: bool(answered.seen), timeout=10000)
    assert win.db is None and win.restore_action.isEnabled() and not win.check_action.isEnabled()
    win.put_in_place(paths.data / "elsewhere.sqlite3")
    qtbot.waitUntil(lambda: win.db is not None and any(t.startswith("The backup is in place") for t in answered.seen),
                    timeout=10000)
    try:
        assert names(win) == {"Del Respaldo SA de CV"} and win.table.isEnabled()
    finally:
        win.db.close()

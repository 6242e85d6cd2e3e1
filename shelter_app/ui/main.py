"""Start the GUI: the window first, then the database on the worker.

`Shell` owns what outlives a window: the DB worker, the open database, the language. A
language switch rebuilds the window in the new language around the same database.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt, QTimer
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication

from shelter_app import APP_NAME, __version__
from shelter_app.paths import DataFolderUnavailable, Paths, get_paths, resources_dir
from shelter_app.settings import LANGUAGE, Settings
from shelter_app.ui import i18n
from shelter_app.ui.errors import CrashHandler
from shelter_app.ui.mainwindow import MainWindow
from shelter_app.ui.worker import DbRunner

log = logging.getLogger(__name__)

STARTUP_PROBE = "SHELTER_APP_STARTUP_PROBE"
"""Set, the window prints "shown" once it is on screen and the app quits (start-up benchmarks of the bundle)."""


class Shell:
    """The running application: one DB worker, one main window at a time."""

    def __init__(self, settings: Settings, paths: Paths, *, db_url: str | None = None,
                 language: str | None = None, runner: DbRunner | None = None) -> None:
        self.settings = settings
        self.paths = paths
        self.db_url = db_url
        self.runner = runner or DbRunner()
        self.language = i18n.install(i18n.resolve_language(language or settings.get(LANGUAGE)))
        self.window = self._new_window()

    def _new_window(self) -> MainWindow:
        window = MainWindow(self.settings, self.paths, self.runner, self.db_url)
        window.language_change_requested.connect(self.switch_language)
        return window

    def start(self) -> MainWindow:
        self.window.show()
        # open the database once the window is on screen: the worker's imports (sqlmodel, keyring)
        # would otherwise compete with the first paint for the interpreter
        self.window.after_first_paint(self.window.finish_start)
        return self.window

    def switch_language(self, setting: str) -> None:
        """Rebuild the window in the new language; the database stays open, the selection is kept."""
        old = self.window
        old.save_window_state()
        selected = old.selected_client_id()
        self.language = i18n.install(i18n.resolve_language(setting))
        self.window = self._new_window()
        self.window.session_password = old.session_password
        if old.db is not None:
            self.window.adopt_database(old.db, select=selected)
        self.window.show()
        old.db = None
        old.hide()
        old.deleteLater()

    def shutdown(self) -> None:
        self.runner.shutdown()
        if self.window.db is not None:
            self.window.db.close()


class FileOpenFilter(QObject):
    """macOS sends a double-clicked document to the running app as a FileOpen event, not on the command line:
    a form package opens client mode, a response the import review in the main window."""

    def __init__(self, shell: Shell) -> None:
        super().__init__()
        self.shell = shell
        self.client_windows: list[Any] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        path = Path(event.file())
        if path.suffix.lower() == ".sdform":
            from shelter_app.ui.forms.client_window import open_client_mode

            self.client_windows.append(open_client_mode(path, self.shell.settings, self.shell.paths,
                                                        self.shell.runner, db_url=self.shell.db_url))
        elif path.suffix.lower() == ".sdresponse":
            window = self.shell.window
            if window.db is not None:
                window.import_form_response(path)
            else:
                window.database_ready.connect(lambda: window.import_form_response(path),
                                              Qt.ConnectionType.SingleShotConnection)  # not again on a reopen
        else:
            return False
        return True


def run_gui(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("shelterdesk")  # the desktop entry (packaging/linux): docks match the window to it
    icon = resources_dir() / "icons" / "shelterdesk.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    try:
        paths = get_paths().ensure()
    except DataFolderUnavailable as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, APP_NAME, exc.message(args.lang or QLocale.system().name()))
        return 2
    settings = Settings.load(paths.settings_file)
    crash = CrashHandler(paths.crash_log)
    previous = crash.previous_crash()
    crash.install()
    opened = Path(args.file) if getattr(args, "open_file", False) else None
    if opened is not None and opened.suffix.lower() == ".sdform":
        return _run_client_mode(app, opened, settings, paths, args, crash)
    shell = Shell(settings, paths, db_url=args.db_url, language=args.lang)
    window = shell.start()
    if previous:
        QTimer.singleShot(500, lambda: _offer_previous_crash(window, previous))
    if opened is not None:  # a client's response: review it once the database is open
        window.database_ready.connect(lambda: window.import_form_response(opened),
                                      Qt.ConnectionType.SingleShotConnection)  # not again after a restore
    file_open = FileOpenFilter(shell)
    app.installEventFilter(file_open)
    if os.environ.get(STARTUP_PROBE):  # scripts/bench bundle: the same start-up measured in source and frozen form
        QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
    try:
        return app.exec()
    finally:
        shell.shutdown()
        crash.uninstall()


def _run_client_mode(app: QApplication, package: Path, settings: Settings, paths: Paths, args: argparse.Namespace,
                     crash: CrashHandler) -> int:
    """Client mode: only the form of `package`, nothing of the portfolio (the draft lives in this computer's
    database); the worker is shut down after the window so the last save is written."""
    from shelter_app.ui.forms.client_window import open_client_mode

    i18n.install(i18n.resolve_language(args.lang or settings.get(LANGUAGE)))
    runner = DbRunner()
    window = open_client_mode(package, settings, paths, runner, db_url=args.db_url)
    try:
        return app.exec()
    finally:
        del window
        runner.shutdown()
        crash.uninstall()


def _offer_previous_crash(parent: Any, report: str) -> None:
    from shelter_app.ui.crashdialog import CrashDialog

    CrashDialog(report, parent, title=QCoreApplication.translate("Shell", "ShelterDesk closed unexpectedly last time"),
                intro=QCoreApplication.translate(
                    "Shell", "ShelterDesk stopped abruptly during the last session. Your saved data is safe. "
                    "This is the technical record of what happened; please copy it and send it to your support "
                    "contact.")).exec()

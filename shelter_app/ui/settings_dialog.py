"""Settings: language, the consultant's name, the data folder and the database connection.

The server password goes only to the OS keyring. Where there is no keyring (headless
Linux), the dialog says so: the password is used for this session and not remembered.
A password typed inside the address is moved to the keyring when the dialog is accepted
(refused without a keyring); the address is saved without it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from shelter_app.core.errors import UserError
from shelter_app.core.urls import mask_url
from shelter_app.paths import Paths
from shelter_app.settings import CONSULTANT, DB_URL, LANGUAGE, PROVIDER, Settings
from shelter_app.ui.errors import ERROR_STYLE, handle_error, ui_language
from shelter_app.ui.screenfit import fit_window
from shelter_app.ui.worker import DbRunner

OK_STYLE = "color: #1b5e20;"


class SettingsDialog(QDialog):
    language_changed = Signal(str)
    database_changed = Signal(str)  # the password typed, for this session only ("" if none)

    def __init__(self, settings: Settings, paths: Paths, runner: DbRunner, db_url_override: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings, self.paths, self.runner = settings, paths, runner
        self.setWindowTitle(self.tr("Settings"))
        layout = QVBoxLayout(self)

        general = QGroupBox(self.tr("General"))
        form = QFormLayout(general)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, label in (("system", self.tr("Same as the computer")), ("en", "English"), ("es_MX", "Español")):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get(LANGUAGE))))
        form.addRow(self.tr("Language"), self.language)
        self.consultant = QLineEdit(settings.get(CONSULTANT))
        self.consultant.setObjectName("consultantName")
        self.consultant.setPlaceholderText(self.tr("e.g. Lucía Treviño"))
        self.consultant.setToolTip(self.tr("Printed on documents of projects that name no consultant, and kept in "
                                           "the history (which otherwise records the computer's login)."))
        form.addRow(self.tr("Your name"), self.consultant)
        self.provider = QLineEdit(settings.get(PROVIDER))
        self.provider.setObjectName("providerName")
        self.provider.setPlaceholderText(self.tr("e.g. Albergue Industrial del Norte, S.A. de C.V."))
        form.addRow(self.tr("Shelter provider (on business-case covers)"), self.provider)
        folder_row = QHBoxLayout()
        folder = QLineEdit(str(paths.data))
        folder.setReadOnly(True)
        open_folder = QPushButton(self.tr("Open"))
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.data))))
        folder_row.addWidget(folder, 1)
        folder_row.addWidget(open_folder)
        form.addRow(self.tr("Data folder"), folder_row)
        folder.setAccessibleName(self.tr("Data folder"))
        hint = QLabel(self.tr("To keep the data elsewhere, start ShelterDesk with --data-dir FOLDER "
                              "or set SHELTER_APP_DATA_DIR."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        form.addRow("", hint)
        layout.addWidget(general)

        database = QGroupBox(self.tr("Database"))
        db_form = QFormLayout(database)
        self.embedded = QRadioButton(self.tr("Embedded on this computer (SQLite)"))
        self.server = QRadioButton(self.tr("Shared PostgreSQL server (team)"))
        group = QButtonGroup(self)
        group.addButton(self.embedded)
        group.addButton(self.server)
        db_form.addRow(self.embedded)
        db_form.addRow(self.server)
        self.url = QLineEdit(settings.get(DB_URL))
        self.url.setObjectName("dbUrl")
        self.url.setPlaceholderText("postgresql://consultant@db.example.com:5432/shelterdesk")
        self.password = QLineEdit()
        self.password.setObjectName("dbPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Stored in the system keychain, never in a file"))
        db_form.addRow(self.tr("Server address"), self.url)
        db_form.addRow(self.tr("Password"), self.password)
        self.keyring_note = QLabel()
        self.keyring_note.setObjectName("keyringNote")
        self.keyring_note.setWordWrap(True)
        db_form.addRow(self.keyring_note)
        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("testConnection")
        self.test_result = QLabel()
        self.test_result.setObjectName("testResult")
        self.test_result.setWordWrap(True)
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        db_form.addRow(test_row)
        if db_url_override:
            override = QLabel(self.tr("This session uses {url} from the command line.").format(
                url=mask_url(db_url_override)))
            override.setWordWrap(True)
            db_form.addRow(override)
        layout.addWidget(database)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        (self.server if settings.get(DB_URL) else self.embedded).setChecked(True)
        self.embedded.toggled.connect(self._mode_changed)
        self.test_button.clicked.connect(self.check_connection)
        self._mode_changed()
        self._show_keyring_state()
        fit_window(self, 560, 480, parent)

    def _mode_changed(self) -> None:
        server = self.server.isChecked()
        for widget in (self.url, self.password, self.test_button):
            widget.setEnabled(server)

    def _show_keyring_state(self) -> None:
        from shelter_app.exchange.secrets import keyring_available

        if keyring_available():
            self.keyring_note.setText(self.tr("The password is kept in the system keychain."))
            self.keyring_note.setStyleSheet(OK_STYLE)
        else:
            self.keyring_note.setText(self.tr(
                "No system keychain was found on this computer: the password will not be remembered, and "
                "ShelterDesk will ask for it again next time. It is never written to a file."))
            self.keyring_note.setStyleSheet(ERROR_STYLE)

    def check_connection(self) -> None:
        from shelter_app.services import database

        url, password = self.url.text(), self.password.text()
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Connecting…"))
        self.test_result.setStyleSheet("")
        self.runner.run(lambda: database.check_connection(url, password), self._tested, self._test_failed)

    def _tested(self, version: Any) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setText(self.tr("Connected: {version}").format(version=version))
        self.test_result.setStyleSheet(OK_STYLE)

    def _test_failed(self, error: BaseException) -> None:
        self.test_button.setEnabled(True)
        if not isinstance(error, UserError):
            handle_error(self, error)
            return
        self.test_result.setText(error.message(ui_language()))
        self.test_result.setStyleSheet(ERROR_STYLE)

    def accept(self) -> None:
        from shelter_app.services import database

        new_url = self.url.text().strip() if self.server.isChecked() else ""
        password = self.password.text()
        if new_url:
            try:  # a password typed inside the address goes to the keyring here, or nothing is saved
                new_url, password = database.url_to_save(new_url, password)
            except UserError as exc:
                self.test_result.setText(exc.message(ui_language()))
                self.test_result.setStyleSheet(ERROR_STYLE)
                return
            if password != self.password.text():  # taken out of the address: shown where it belongs
                self.url.setText(new_url)
                self.password.setText(password)
        old_language, old_url = self.settings.get(LANGUAGE), self.settings.get(DB_URL)
        self.settings.set(LANGUAGE, str(self.language.currentData()))
        self.settings.set(CONSULTANT, self.consultant.text().strip())
        self.settings.set(PROVIDER, self.provider.text().strip())
        self.settings.set(DB_URL, new_url)
        self.settings.save()
        if new_url and password:
            database.remember_password(new_url, password)
        super().accept()
        if new_url != old_url or (new_url and password):
            self.database_changed.emit(password)
        if self.settings.get(LANGUAGE) != old_language:
            self.language_changed.emit(self.settings.get(LANGUAGE))

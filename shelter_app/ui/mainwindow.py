"""The main window: the client portfolio on the left, the selected client on the right.

It is built and shown before storage is imported; the database opens on the DB worker and
the portfolio fills in when it is ready (start-up stays close to a bare Qt window).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QItemSelectionModel, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shelter_app import APP_NAME, __version__
from shelter_app.paths import Paths
from shelter_app.settings import BACKUPS_KEPT, DEMO_OFFERED, SHOW_ARCHIVED, WINDOW_GEOMETRY, WINDOW_STATE, Settings
from shelter_app.ui.errors import ERROR_STYLE, handle_error, ui_language
from shelter_app.ui.labels import stage_labels
from shelter_app.ui.models.clients import ClientTableModel
from shelter_app.ui.screenfit import fit_window
from shelter_app.ui.worker import DbRunner

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """The portfolio window. `db` is None until `open_database` has finished."""

    database_ready = Signal()
    language_change_requested = Signal(str)

    def __init__(self, settings: Settings, paths: Paths, runner: DbRunner, db_url: str | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.paths = paths
        self.runner = runner
        self.db_url = db_url
        self.db: Any = None
        self.session_password: str | None = None  # typed in settings; kept in memory only
        self.workspaces: dict[int, Any] = {}  # project id -> its open workspace window
        self._open_failed = False  # the last attempt to open the database failed (restore can still help)
        self.setWindowTitle(APP_NAME)
        self.setObjectName("MainWindow")
        fit_window(self, 1240, 760)
        self.runner.default_error = lambda error: handle_error(self, error)

        # -- filter bar and table
        left = QWidget()
        left_layout = QVBoxLayout(left)
        self.damage_box = QWidget()  # shown when the database file is damaged and open read-only
        self.damage_box.setObjectName("damageBox")
        damage_layout = QVBoxLayout(self.damage_box)
        damage_layout.setContentsMargins(0, 0, 0, 0)
        self.damage_banner = QLabel()
        self.damage_banner.setObjectName("damageBanner")
        self.damage_banner.setWordWrap(True)
        self.damage_banner.setStyleSheet(f"{ERROR_STYLE} font-weight: bold; padding: 6px;")
        damage_layout.addWidget(self.damage_banner)
        damage_buttons = QHBoxLayout()
        self.damage_restore_button = QPushButton(self.tr("Restore a backup…"))
        self.damage_restore_button.setObjectName("damageRestore")
        self.damage_restore_button.clicked.connect(lambda *_: self.restore_backup())
        self.damage_recover_button = QPushButton(self.tr("Recover readable data…"))
        self.damage_recover_button.setObjectName("damageRecover")
        self.damage_recover_button.clicked.connect(lambda *_: self.recover_data())
        damage_buttons.addWidget(self.damage_restore_button)
        damage_buttons.addWidget(self.damage_recover_button)
        damage_buttons.addStretch(1)
        damage_layout.addLayout(damage_buttons)
        self.damage_box.hide()
        left_layout.addWidget(self.damage_box)
        left_layout.setContentsMargins(6, 6, 6, 6)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setAccessibleName(self.tr("Search client companies"))
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search legal name, trade name or RFC (accents don't matter)"))
        self.stage_filter = QComboBox()
        self.stage_filter.setObjectName("stageFilter")
        self.stage_filter.setAccessibleName(self.tr("Stage"))
        self.stage_filter.addItem(self.tr("All stages"), None)
        for code, label in stage_labels().items():
            self.stage_filter.addItem(label, code)
        self.show_archived = QCheckBox(self.tr("Show archived"))
        self.show_archived.setChecked(settings.get(SHOW_ARCHIVED))
        bar.addWidget(self.search, 1)
        bar.addWidget(self.stage_filter)
        bar.addWidget(self.show_archived)
        left_layout.addLayout(bar)

        self.model = ClientTableModel(self._fetch_rows, self._format_date, self, self._format_day)
        self.model.on_sort = self.refresh
        self.table = QTableView()
        self.table.setObjectName("portfolio")
        self.table.setAccessibleName(self.tr("Client companies"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)  # a long name ends in "…" on its one line (full text in the tooltip)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        # widths from the contents, not the headers: the RFC stays in view on a 1366-pixel laptop in Spanish too;
        # a longer header or cell ends in "…" and shows in full in its tooltip
        for column, width in enumerate((200, 100, 60, 90, 60, 115, 120, 150, 70)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda *_: self.edit_client())
        left_layout.addWidget(self.table, 1)
        self.count_label = QLabel()
        left_layout.addWidget(self.count_label)

        # the client pane is built right after the first paint (see `detail`): its tabs and tables
        # are a fifth of the start-up cost, and nothing can be shown in it before the database opens
        self._detail: Any = None
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("splitter")
        splitter.addWidget(left)
        splitter.addWidget(QWidget())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([820, 480])
        self.setCentralWidget(splitter)

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.hide()
        self.location_label = QLabel(self.tr("Opening the database…"))
        self.statusBar().addWidget(self.location_label, 1)
        self.statusBar().addPermanentWidget(self.busy)
        self.runner.busy_changed.connect(self.busy.setVisible)

        self._build_menus()
        self._connect()
        self._set_enabled(False)
        self.restore_window_state()

    # -- construction ------------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.setToolTipsVisible(True)  # a disabled action says why
        self.new_client_action = self._action(file_menu, self.tr("&New client…"), self.new_client,
                                              "Ctrl+N")
        file_menu.addSeparator()
        self.demo_action = self._action(file_menu, self.tr("Load the &demo portfolio"), self.load_demo)
        self.backup_action = self._action(file_menu, self.tr("&Back up the database"), self.backup)
        self.check_action = self._action(file_menu, self.tr("C&heck the database…"), self.check_database)
        self.restore_action = self._action(file_menu, self.tr("&Restore a backup…"), self.restore_backup)
        self.recover_action = self._action(file_menu, self.tr("Re&cover readable data…"), self.recover_data)
        self.info_action = self._action(file_menu, self.tr("Database &information…"), self.show_db_info)
        self.folder_action = self._action(file_menu, self.tr("Open the data &folder"), self.open_data_folder)
        file_menu.addSeparator()
        self.import_response_action = self._action(file_menu, self.tr("I&mport form response…"),
                                                   self.import_form_response)
        self.form_keys_action = self._action(file_menu, self.tr("Form &keys…"), self.show_form_keys)
        file_menu.addSeparator()
        self.settings_action = self._action(file_menu, self.tr("&Settings…"), self.open_settings,
                                            "Ctrl+,")
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        file_menu.addSeparator()
        quit_action = self._action(file_menu, self.tr("&Quit"), self.close, "Ctrl+Q")
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        client_menu = self.menuBar().addMenu(self.tr("&Client"))
        self.edit_action = self._action(client_menu, self.tr("&Edit…"), self.edit_client, "Ctrl+E")
        self.archive_action = self._action(client_menu, self.tr("&Archive or restore"), self.toggle_archive)
        client_menu.addSeparator()
        self.add_contact_action = self._action(client_menu, self.tr("Add &contact…"), self.add_contact)
        self.add_project_action = self._action(client_menu, self.tr("Add &project…"), self.add_project)
        client_menu.addSeparator()
        self._action(client_menu, self.tr("&Find"), self.focus_search, "Ctrl+F")

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = self._action(help_menu, self.tr("&About ShelterDesk"), self.show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)

    def _action(self, menu: Any, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda *_: slot())
        menu.addAction(action)
        return action

    def _connect(self) -> None:
        self.search.textChanged.connect(lambda *_: self.refresh())
        self.stage_filter.currentIndexChanged.connect(lambda *_: self.refresh())
        self.show_archived.toggled.connect(self._archived_toggled)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_selected())

    @property
    def detail(self) -> Any:
        """The client pane (ClientDetailPane), built on first use."""
        if self._detail is None:
            from shelter_app.ui.detail import ClientDetailPane

            pane = ClientDetailPane()
            pane.edit_client.connect(self.edit_client)
            pane.toggle_archive.connect(self.toggle_archive)
            pane.add_contact.connect(self.add_contact)
            pane.edit_contact.connect(self.edit_contact)
            pane.delete_contact.connect(self.delete_contact)
            pane.add_project.connect(self.add_project)
            pane.edit_project.connect(self.edit_project)
            pane.run_journey.connect(self.run_journey)
            pane.open_workspace.connect(self.open_workspace)
            sizes = self.splitter.sizes()
            placeholder = self.splitter.replaceWidget(1, pane)
            if placeholder is not None:
                placeholder.deleteLater()
            self.splitter.setSizes(sizes)
            self._detail = pane
        return self._detail

    def finish_start(self) -> None:
        """After the first paint: build the client pane, then open the database on the worker."""
        _ = self.detail
        self.open_database()

    def _set_enabled(self, ready: bool) -> None:
        for widget in (self.search, self.stage_filter, self.show_archived, self.table, self.new_client_action,
                       self.demo_action, self.backup_action, self.info_action, self.import_response_action):
            widget.setEnabled(ready)
        self._update_client_actions()
        self._update_database_actions()

    def _update_database_actions(self) -> None:
        """Check, restore and recover work on the embedded file: disabled, with the reason, when they cannot."""
        embedded: bool | None = None  # None: not known yet (the database is opening)
        if self.db is not None:
            embedded = bool(self.db.is_sqlite)
        elif self._open_failed:
            from shelter_app.services import database

            embedded = database.is_embedded(self.settings, self.paths, self.db_url)
        if embedded is None:
            reason = self.tr("The database is opening.")
        elif not embedded:
            reason = self.tr("For the embedded database file only: a shared PostgreSQL database is checked, backed "
                             "up and restored on its server by its administrator.")
        else:
            reason = ""
        self.restore_action.setEnabled(not reason)
        self.recover_action.setEnabled(not reason)
        self.check_action.setEnabled(not reason and self.db is not None)
        for action in (self.restore_action, self.recover_action, self.check_action):
            action.setToolTip(reason if not action.isEnabled() and reason else
                              self.tr("No database is open.") if not action.isEnabled() else "")
        for button, action in ((self.damage_restore_button, self.restore_action),
                               (self.damage_recover_button, self.recover_action)):
            button.setEnabled(action.isEnabled())
            button.setToolTip("" if action.isEnabled() else action.toolTip())

    def _update_client_actions(self) -> None:
        has_client = self.db is not None and self.selected_client_id() is not None
        for action in (self.edit_action, self.archive_action, self.add_contact_action, self.add_project_action):
            action.setEnabled(has_client)

    # -- database ------------------------------------------------------------------------------------------
    def open_database(self) -> None:
        """Open (and if needed migrate) the database on the worker; the window stays responsive."""
        settings, paths, override, password = self.settings, self.paths, self.db_url, self.session_password
        self._open_failed = False

        def job() -> Any:
            from shelter_app.services import database

            return database.open_configured(settings, paths, override, password=password)

        self.runner.run(job, self._database_opened, self._database_failed)

    def _database_opened(self, db: Any) -> None:
        self.adopt_database(db)
        QTimer.singleShot(0, self.offer_demo)

    def adopt_database(self, db: Any, select: int | None = None) -> None:
        """Show the portfolio of an open database (after opening, or in a rebuilt window)."""
        self.db = db
        self.location_label.setText(self.tr("Database: {location}").format(location=db.location))
        damage = getattr(db, "damage", ())
        self.damage_box.setVisible(bool(damage))
        if damage:
            self.damage_banner.setText(self.tr(
                "The database file is damaged ({problem}). It is open read-only: nothing can be saved. Restore a "
                "backup, or recover the data that can still be read into a new file; the damaged file is kept "
                "aside either way.").format(problem=damage[0]))
        self._set_enabled(True)
        self.refresh(select=select)
        self.database_ready.emit()

    def _database_failed(self, error: BaseException) -> None:
        self.location_label.setText(self.tr("No database open."))
        self._open_failed = True
        self._update_database_actions()
        handle_error(self, error)
        self.open_settings()

    def offer_demo(self) -> None:
        """On the first start with an empty database, offer the demo portfolio (once)."""
        if (self.db is None or bool(self.db.damage) or self.settings.get(DEMO_OFFERED)
                or self.model.rowCount() or self.search.text()):
            return
        from shelter_app.services import clients

        if clients.count_clients(self.db):
            return
        self.settings.set(DEMO_OFFERED, True)
        self.settings.save()
        answer = QMessageBox.question(
            self, self.tr("Empty portfolio"),
            self.tr("Your portfolio is empty. Load a demo portfolio of seven client companies to explore "
                    "ShelterDesk? You can archive them later."))
        if answer == QMessageBox.StandardButton.Yes:
            self.load_demo()

    # -- portfolio -----------------------------------------------------------------------------------------
    def _fetch_rows(self, ids: list[int]) -> dict[int, Any]:
        from shelter_app.services import clients

        return clients.client_rows(self.db, ids) if self.db is not None else {}

    def _format_day(self, value: Any) -> str:
        from shelter_app.l10n import table_date

        return table_date(value, ui_language())

    def _format_date(self, value: Any) -> str:
        from shelter_app.l10n import table_date

        return table_date(value.date(), ui_language())

    def _archived_toggled(self, checked: bool) -> None:
        self.settings.set(SHOW_ARCHIVED, checked)
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        """Search again with the current filter, keeping (or moving to) the selected client."""
        if self.db is None:
            return
        from shelter_app.core.portfolio import Stage
        from shelter_app.services import clients

        keep = select if select is not None else self.selected_client_id()
        code = self.stage_filter.currentData()
        ids = clients.search_clients(self.db, self.search.text(), stage=Stage(code) if code else None,
                                     include_archived=self.show_archived.isChecked(), order=self.model.order,
                                     descending=self.model.descending)
        self.model.set_ids(ids)
        self.count_label.setText(self.tr("%n client(s)", "", len(ids)))
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self.show_selected()

    def selected_client_id(self) -> int | None:
        index = self.table.selectionModel().currentIndex() if self.table.selectionModel() else None
        if index is None or not index.isValid():
            return None
        return self.model.client_id(index.row())

    def show_selected(self) -> None:
        client_id = self.selected_client_id()
        self._update_client_actions()
        if client_id is None or self.db is None:
            self.detail.show_detail(None)
            return
        from shelter_app.services import audit, clients
        from shelter_app.services.errors import NotFound

        try:
            detail = clients.get_client(self.db, client_id)
        except NotFound:
            self.refresh()
            return
        self.detail.show_detail(detail, audit.client_history(self.db, client_id))

    def apply_changes(self, changes: Any) -> None:
        """Refresh only what a write touched (Anki's pattern)."""
        if changes.entity == "client" and changes.action in ("create", "archive", "restore"):
            self.refresh(select=changes.client_id)
            return
        self.model.refresh_client(changes.client_id)
        if changes.client_id == self.selected_client_id():
            self.show_selected()
        if changes.warnings:
            language = ui_language()
            self.statusBar().showMessage(" ".join(w.es if language == "es" else w.en for w in changes.warnings),
                                         8000)

    # -- actions -------------------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_client(self) -> None:
        from shelter_app.ui.editors import ClientEditor

        editor = ClientEditor(self.runner, self.settings.consultant(), self.db, parent=self)
        editor.saved.connect(self.apply_changes)
        editor.open()

    def edit_client(self) -> None:
        detail = self.detail.detail
        if detail is None or self.db is None:
            return
        from shelter_app.ui.editors import ClientEditor

        editor = ClientEditor(self.runner, self.settings.consultant(), self.db, detail.fields, detail.id,
                              detail.version, parent=self)
        editor.saved.connect(self.apply_changes)
        editor.open()

    def toggle_archive(self) -> None:
        detail = self.detail.detail
        if detail is None:
            return
        from shelter_app.services import clients

        db, actor, client_id, archive = self.db, self.settings.consultant(), detail.id, not detail.archived
        self.runner.run(lambda: clients.set_archived(db, actor, client_id, archive), self.apply_changes)

    def add_contact(self) -> None:
        detail = self.detail.detail
        if detail is None:
            return
        from shelter_app.ui.editors import ContactEditor

        editor = ContactEditor(self.runner, self.settings.consultant(), self.db, detail.id, parent=self)
        editor.saved.connect(self.apply_changes)
        editor.open()

    def edit_contact(self, contact: Any) -> None:
        detail = self.detail.detail
        if detail is None or contact is None:
            return
        from shelter_app.core.portfolio import ContactFields, Language
        from shelter_app.ui.editors import ContactEditor

        fields = ContactFields(contact.name, contact.role, contact.email, contact.phone,
                               Language(contact.preferred_language))
        editor = ContactEditor(self.runner, self.settings.consultant(), self.db, detail.id, fields, contact.id,
                               contact.version, parent=self)
        editor.saved.connect(self.apply_changes)
        editor.open()

    def delete_contact(self, contact: Any) -> None:
        if contact is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete contact"),
                                      self.tr("Delete the contact {name}? The history keeps a record of it.")
                                      .format(name=contact.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        from shelter_app.services import contacts

        db, actor = self.db, self.settings.consultant()
        self.runner.run(lambda: contacts.delete_contact(db, actor, contact.id, contact.version), self.apply_changes)

    def add_project(self) -> None:
        detail = self.detail.detail
        if detail is None:
            return
        from shelter_app.ui.editors import ProjectEditor

        editor = ProjectEditor(self.runner, self.settings.consultant(), self.db, detail.id, parent=self)
        editor.saved.connect(self.apply_changes)
        editor.open()

    def edit_project(self, project: Any) -> None:
        detail = self.detail.detail
        if detail is None or project is None:
            return
        from shelter_app.services.projects import fields_of
        from shelter_app.ui.editors import ProjectEditor

        editor = ProjectEditor(self.runner, self.settings.consultant(), self.db, detail.id, fields_of(project),
                               project.id, project.version, parent=self)
        editor.saved.connect(self.apply_changes)
        editor.open()

    def run_journey(self, project: Any) -> None:
        if project is not None:
            self.run_journey_for(project.id)

    def run_journey_for(self, project_id: int, parent: Any = None) -> None:
        """The setup journey wizard for a project; finishing it creates or updates its checklists."""
        if self.db is None:
            return
        from shelter_app.services import checklists
        from shelter_app.ui.journey.wizard import JourneyWizard

        db = self.db
        state = checklists.get_journey(db, project_id)
        wizard = JourneyWizard(self.runner, db, self.settings.consultant(), project_id, state, parent=parent or self)
        wizard.finished_journey.connect(lambda _result: self._journey_done(project_id))
        wizard.open()

    def _journey_done(self, project_id: int) -> None:
        detail = self.detail.detail
        if detail is not None:
            self.model.refresh_client(detail.id)
            self.show_selected()
        workspace = self.workspaces.get(project_id)
        if workspace is not None:
            workspace.reload()  # items may have been added or stopped applying
        self.open_workspace_for(project_id)
        opened = self.workspaces.get(project_id)
        if opened is not None:  # the journey's last step hands over to the business case
            opened.open_business_case(start_if_empty=True)

    def open_workspace(self, project: Any) -> None:
        if project is not None:
            self.open_workspace_for(project.id)

    def open_workspace_for(self, project_id: int) -> None:
        """One workspace window per project; opening it again brings it to the front."""
        if self.db is None:
            return
        existing = self.workspaces.get(project_id)
        if existing is not None:
            existing.show()
            existing.raise_()
            existing.activateWindow()
            return
        from shelter_app.ui.workspace import ProjectWorkspace

        workspace = ProjectWorkspace(self.runner, self.db, self.settings.consultant(), project_id, self.paths)
        workspace.provider_name = self.settings.provider()  # on the cover of its business cases
        workspace.consultant_name = self.settings.consultant_name()  # when the project names no consultant
        journey = QAction(self.tr("Setup &journey…"), workspace)
        journey.triggered.connect(lambda *_: self.run_journey_for(project_id, workspace))
        calendar = QAction(self.tr("Compliance ca&lendar (.ics)…"), workspace)
        calendar.triggered.connect(lambda *_: self.export_calendar(project_id, workspace))
        workspace.add_toolbar_action(journey)
        workspace.add_toolbar_action(calendar)
        workspace.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        workspace.destroyed.connect(lambda *_: self.workspaces.pop(project_id, None))
        self.workspaces[project_id] = workspace
        workspace.show()

    def export_calendar(self, project_id: int, parent: Any = None) -> None:
        """The project's recurring obligations as an .ics file for the consultant's calendar."""
        from PySide6.QtWidgets import QFileDialog

        from shelter_app.settings import LAST_FOLDER

        folder = self.settings.get(LAST_FOLDER) or str(self.paths.data.parent)
        name, _ = QFileDialog.getSaveFileName(parent or self, self.tr("Compliance calendar"),
                                              str(Path(folder) / f"obligations-{project_id}.ics"),
                                              self.tr("Calendars (*.ics)"))
        if name:
            self.settings.set(LAST_FOLDER, str(Path(name).parent))
            self.write_calendar(project_id, Path(name), parent)

    def write_calendar(self, project_id: int, target: Path, parent: Any = None) -> None:
        from shelter_app.services import calendar

        db, language, owner = self.db, ui_language(), parent or self

        def written(result: Any) -> None:
            lines = [self.tr("%n dated reminder(s) written to {file}.", "", len(result.dated)).format(file=str(target))]
            if result.pending:
                lines.append(self.tr("%n more wait for a grant (for example the IMMEX authorization) and are dated "
                                     "once its checklist item is marked done.", "", len(result.pending)))
            if result.standing:
                lines.append(self.tr("%n obligation(s) apply on each event or at all times and have no date.", "",
                                     len(result.standing)))
            QMessageBox.information(owner, self.tr("Compliance calendar"), "\n\n".join(lines))

        self.runner.run(lambda: calendar.export_ics(db, project_id, target, language), written,
                        lambda error: handle_error(owner, error))

    def import_form_response(self, source: Path | None = None) -> None:
        """A client's .sdresponse (it names its project): review it, merge it; the open views refresh."""
        from PySide6.QtWidgets import QFileDialog

        from shelter_app.settings import LAST_FOLDER
        from shelter_app.ui.forms.consultant import ResponseImport

        if self.db is None:
            return
        if source is None:
            folder = self.settings.get(LAST_FOLDER) or str(Path.home())
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Import a form response"), folder,
                                                  self.tr("ShelterDesk form responses (*.sdresponse)"))
            if not name:
                return
            source = Path(name)
            self.settings.set(LAST_FOLDER, str(source.parent))
        self.form_import = ResponseImport(self, self.runner, self.db, self.paths, self.settings.consultant(),
                                          ui_language())
        self.form_import.applied.connect(self._form_response_applied)
        self.form_import.start(source)

    def _form_response_applied(self, review: Any, outcome: Any) -> None:
        self.model.refresh_client(review.client_id)
        self.show_selected()
        workspace = self.workspaces.get(review.project_id)
        if workspace is not None:
            workspace.form_applied(outcome)

    def show_form_keys(self) -> None:
        from shelter_app.ui.forms.keys import KeysDialog

        KeysDialog(self.runner, self.paths, ui_language(), self).exec()

    def load_demo(self) -> None:
        from shelter_app.services import demo

        db, actor = self.db, self.settings.consultant()
        self.runner.run(lambda: demo.seed_demo(db, actor), self._demo_loaded)

    def _demo_loaded(self, added: int) -> None:
        self.statusBar().showMessage(self.tr("%n demo client(s) added.", "", added), 6000)
        self.refresh()
        if self.selected_client_id() is None and self.model.rowCount():
            self.table.selectRow(0)

    def backup(self) -> None:
        from shelter_app.services import database
        from shelter_app.ui.progress import CancellableTask

        db, paths, keep = self.db, self.paths, self.settings.get(BACKUPS_KEPT)
        self.backup_task = CancellableTask(
            self, self.runner, self.tr("Backup"), self.tr("Copying the database to the backups folder…"),
            lambda progress, cancelled: database.backup(db, paths, progress, cancelled, keep=keep),
            self._backed_up, lambda error: handle_error(self, error))

    def _backed_up(self, target: Any) -> None:
        if target is None:
            QMessageBox.information(self, self.tr("Backup"), self.tr(
                "A shared PostgreSQL database is backed up on its server (pg_dump); nothing was copied here."))
        else:
            QMessageBox.information(self, self.tr("Backup"),
                                    self.tr("The database was copied to:\n{path}").format(path=str(target)))

    # -- the safety net: check, restore, recover (embedded file) -------------------------------------------------
    def check_database(self) -> None:
        """SQLite's own check of the open file, off the UI thread; the result, or nothing if cancelled."""
        if self.db is None:
            return
        from shelter_app.services import database
        from shelter_app.ui.database_dialogs import show_check_report
        from shelter_app.ui.progress import CancellableTask

        db = self.db

        def checked(outcome: Any) -> None:
            report, cancelled = outcome
            if not cancelled:  # SQLite's check runs to its end; Cancel only drops its result
                show_check_report(self, report)

        self.check_task = CancellableTask(
            self, self.runner, self.tr("Check the database"), self.tr("Checking the database file…"),
            lambda _progress, cancelled: (database.check(db), cancelled()), checked,
            lambda error: handle_error(self, error))

    def restore_backup(self) -> None:
        """List the backups (on the worker: their stored files are checked), then the dialog to pick one."""
        from shelter_app.services import database

        settings, paths, override = self.settings, self.paths, self.db_url
        self.runner.run(lambda: database.list_backups(settings, paths, override=override), self._choose_backup,
                        lambda error: handle_error(self, error))

    def _choose_backup(self, backups: list[Any]) -> None:
        from shelter_app.ui.database_dialogs import RestoreDialog, confirm_restore

        dialog = RestoreDialog(backups, self.paths.backups, ui_language(), self)
        if dialog.exec() != RestoreDialog.DialogCode.Accepted:
            return
        chosen = dialog.selected_path()
        if chosen is None or not confirm_restore(self, dialog.selected_made(ui_language()), self.paths.backups,
                                                 len(self.workspaces)):
            return
        self.put_in_place(chosen)

    def recover_data(self) -> None:
        """Salvage the readable rows into a new file (the open database is only read); then offer to open it."""
        from shelter_app.services import database
        from shelter_app.ui.progress import CancellableTask

        settings, paths, override = self.settings, self.paths, self.db_url
        self.recover_task = CancellableTask(
            self, self.runner, self.tr("Recover readable data"),
            self.tr("Copying every row that can still be read into a new file…"),
            lambda _progress, _cancelled: database.recover(settings, paths, override=override),
            self._recovered, lambda error: handle_error(self, error), show_at_once=True)
        self.recover_task.dialog.setCancelButton(None)  # the copy stops at no safe point before its end

    def _recovered(self, recovery: Any) -> None:
        from shelter_app.ui.database_dialogs import ask_open_recovered

        if ask_open_recovered(self, recovery):
            self.put_in_place(recovery.target)

    def put_in_place(self, source: Path) -> None:
        """Restore `source` over the database file and open it in this window. Project windows close first (each
        asks about unsaved edits); the old database is closed during the swap and stays open if the swap fails."""
        if not self.close_project_windows():
            return
        from shelter_app.services import database
        from shelter_app.ui.progress import CancellableTask

        old, selected = self.db, self.selected_client_id()
        settings, paths, override = self.settings, self.paths, self.db_url
        self._detach_database()

        def job(_progress: Any, _cancelled: Any) -> Any:
            if old is not None:
                old.close()  # its connections are let go: the file can be moved aside
            return database.restore(settings, paths, source, override=override)

        def failed(error: BaseException) -> None:
            if old is not None:
                self.adopt_database(old, select=selected)  # its engine connects again on first use
            else:
                self.location_label.setText(self.tr("No database open."))
                self._update_database_actions()
            handle_error(self, error)

        self.restore_task = CancellableTask(
            self, self.runner, self.tr("Restore a backup"), self.tr("Putting the backup in place…"), job,
            lambda restored: self._open_restored(restored, selected), failed, show_at_once=True)
        self.restore_task.dialog.setCancelButton(None)  # a file swap half done is worse than one finished

    def _open_restored(self, restored: Any, selected: int | None) -> None:
        from shelter_app.ui.database_dialogs import show_restored

        def opened(db: Any) -> None:
            self.adopt_database(db, select=selected)
            show_restored(self, restored, db.location)

        self._open_then(opened)

    def _open_then(self, on_open: Any) -> None:
        """Open the configured database on the worker as at start-up (`open_database`), then `on_open(db)`."""
        settings, paths, override, password = self.settings, self.paths, self.db_url, self.session_password
        self._open_failed = False

        def job() -> Any:
            from shelter_app.services import database

            return database.open_configured(settings, paths, override, password=password)

        self.runner.run(job, on_open, self._database_failed)

    def _detach_database(self) -> None:
        """Nothing in the window reads the database from here until one is adopted again."""
        self.db = None
        self._set_enabled(False)
        self.model.set_ids([])
        self.detail.show_detail(None)
        self.location_label.setText(self.tr("Opening the database…"))

    def close_project_windows(self) -> bool:
        """Close every open project window (each may ask about unsaved edits); False if one stays open."""
        for project_id, workspace in list(self.workspaces.items()):
            if not workspace.close():
                return False
            self.workspaces.pop(project_id, None)
        return True

    def show_db_info(self) -> None:
        from shelter_app.services import database

        db = self.db
        self.runner.run(lambda: database.info(db), self._show_info)

    def _show_info(self, info: Any) -> None:
        from shelter_app.l10n import format_number

        size = f"{format_number(info.size_bytes // 1024, ui_language())} KiB" if info.size_bytes is not None else "—"
        text = self.tr(
            "Location: {location}\nBackend: {backend}\nSchema: {schema} (latest: {head})\n"
            "Clients: {clients} · Contacts: {contacts} · Projects: {projects}\nHistory entries: {events}\n"
            "Size: {size}\nKeyring: {keyring}").format(
            location=info.location, backend=info.backend, schema=info.schema, head=info.schema_head,
            clients=info.clients, contacts=info.contacts, projects=info.projects, events=info.audit_events,
            size=size, keyring=info.keyring_backend)
        QMessageBox.information(self, self.tr("Database information"), text)

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.paths.data)))

    def open_settings(self) -> None:
        from shelter_app.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.paths, self.runner, self.db_url, parent=self)
        dialog.language_changed.connect(self.language_change_requested)
        dialog.database_changed.connect(self._reopen_database)
        dialog.open()

    def _reopen_database(self, password: str = "") -> None:
        self.session_password = password or None
        if self.db is not None:
            self.db.close()
        self.db = None
        self.db_url = None  # the settings now say which database to use
        self._set_enabled(False)
        self.model.set_ids([])
        self.detail.show_detail(None)
        self.location_label.setText(self.tr("Opening the database…"))
        self.open_database()

    def show_about(self) -> None:
        from PySide6 import __version__ as pyside_version

        location = self.db.location if self.db is not None else "—"
        QMessageBox.about(self, self.tr("About ShelterDesk"), self.tr(
            "<h3>ShelterDesk {version}</h3>"
            "<p>Set up manufacturing in Mexico under a shelter provider: client portfolio, setup journey, "
            "IMMEX and IVA/IEPS checklists, and the business case.</p>"
            "<p>Database: {location}<br>Data folder: {data}<br>Qt for Python {qt}</p>").format(
            version=__version__, location=location, data=str(self.paths.data), qt=pyside_version))

    # -- first paint -----------------------------------------------------------------------------------
    _after_paint: Any = None

    def after_first_paint(self, callback: Any) -> None:
        """Run `callback` right after the window first paints (or after 300 ms if it never does)."""
        self._after_paint = callback
        QTimer.singleShot(300, self._run_after_paint)

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if self._after_paint is not None:
            QTimer.singleShot(0, self._run_after_paint)

    def _run_after_paint(self) -> None:
        callback, self._after_paint = self._after_paint, None
        if callback is not None:
            callback()

    # -- window state --------------------------------------------------------------------------------------
    def restore_window_state(self) -> None:
        geometry = self.settings.get(WINDOW_GEOMETRY)
        state = self.settings.get(WINDOW_STATE)
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        if state:
            self.restoreState(QByteArray.fromBase64(state.encode("ascii")))

    def save_window_state(self) -> None:
        self.settings.set(WINDOW_GEOMETRY, bytes(self.saveGeometry().toBase64().data()).decode("ascii"))
        self.settings.set(WINDOW_STATE, bytes(self.saveState().toBase64().data()).decode("ascii"))
        self.settings.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_window_state()
        super().closeEvent(event)


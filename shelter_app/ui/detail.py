"""The right-hand pane: one client's fields, contacts, projects and audit trail."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from shelter_app.ui.errors import ui_language
from shelter_app.ui.labels import (
    action_labels,
    entity_labels,
    field_labels,
    language_labels,
    model_labels,
    stage_labels,
    value_label,
)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _item(text: str, data: Any = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


class ClientDetailPane(QWidget):
    """Shows a `ClientDetail`; its buttons emit requests the main window carries out."""

    edit_client = Signal()
    toggle_archive = Signal()
    add_contact = Signal()
    edit_contact = Signal(object)
    delete_contact = Signal(object)
    add_project = Signal()
    edit_project = Signal(object)
    run_journey = Signal(object)
    open_workspace = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: Any = None
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        buttons = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("&Edit client…"))
        self.archive_button = QPushButton(self.tr("&Archive"))
        self.edit_button.clicked.connect(self.edit_client)
        self.archive_button.clicked.connect(self.toggle_archive)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.archive_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        # -- profile
        profile = QWidget()
        self.form = QFormLayout(profile)
        self.values: dict[str, QLabel] = {}
        labels = field_labels()
        for key in ("trade_name", "country", "rfc", "industry", "hq_address", "website", "notes"):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setObjectName(f"value_{key}")
            self.values[key] = value
            self.form.addRow(labels[key], value)
        self.stamp = QLabel()
        self.stamp.setStyleSheet("color: palette(mid);")
        self.form.addRow(self.stamp)
        self.tabs.addTab(profile, self.tr("Profile"))
        # -- contacts
        contacts = QWidget()
        contacts_layout = QVBoxLayout(contacts)
        self.contacts = _table([labels["name"], labels["role"], labels["email"], labels["phone"],
                                labels["preferred_language"]])
        self.contacts.doubleClicked.connect(lambda *_: self._emit_selected(self.contacts, self.edit_contact))
        contacts_layout.addWidget(self.contacts)
        row = QHBoxLayout()
        self.contact_buttons: list[QPushButton] = []  # need a selected contact
        for text, slot in ((self.tr("Add contact…"), self.add_contact.emit),
                           (self.tr("Edit…"), lambda: self._emit_selected(self.contacts, self.edit_contact)),
                           (self.tr("Delete"), lambda: self._emit_selected(self.contacts, self.delete_contact))):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
            if row.count() > 1:
                self.contact_buttons.append(button)
        self.contacts.itemSelectionChanged.connect(self._update_selection_buttons)
        row.addStretch(1)
        contacts_layout.addLayout(row)
        self.tabs.addTab(contacts, self.tr("Contacts"))
        self.contacts.setAccessibleName(self.tr("Contacts"))
        # -- projects
        projects = QWidget()
        projects_layout = QVBoxLayout(projects)
        self.projects = _table([labels["title"], labels["operating_model"], labels["stage"], labels["target_start"],
                                labels["consultant"]])
        self.projects.doubleClicked.connect(lambda *_: self._emit_selected(self.projects, self.edit_project))
        projects_layout.addWidget(self.projects)
        row = QHBoxLayout()
        self.projects.doubleClicked.disconnect()
        self.projects.doubleClicked.connect(lambda *_: self._emit_selected(self.projects, self.open_workspace))
        self.project_buttons: list[QPushButton] = []  # need a selected project
        for text, slot in ((self.tr("Add project…"), self.add_project.emit),
                           (self.tr("Edit…"), lambda: self._emit_selected(self.projects, self.edit_project)),
                           (self.tr("Setup journey…"), lambda: self._emit_selected(self.projects, self.run_journey)),
                           (self.tr("Checklists…"), lambda: self._emit_selected(self.projects, self.open_workspace))):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
            if row.count() > 1:
                self.project_buttons.append(button)
        self.projects.itemSelectionChanged.connect(self._update_selection_buttons)
        row.addStretch(1)
        projects_layout.addLayout(row)
        self.tabs.addTab(projects, self.tr("Projects"))
        self.projects.setAccessibleName(self.tr("Projects"))
        # -- audit trail
        self.history = _table([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Changes")])
        self.tabs.addTab(self.history, self.tr("History"))
        self.history.setAccessibleName(self.tr("History"))
        self.show_detail(None)

    def _update_selection_buttons(self) -> None:
        """Edit, delete, journey and checklists act on the selected row: disabled, saying why, without one."""
        for table, buttons, reason in (
                (self.contacts, self.contact_buttons, self.tr("Select a contact in the list first.")),
                (self.projects, self.project_buttons, self.tr("Select a project in the list first."))):
            selected = bool(table.selectionModel().selectedRows())
            for button in buttons:
                button.setEnabled(selected)
                button.setToolTip("" if selected else reason)

    def _emit_selected(self, table: QTableWidget, signal: Any) -> None:
        row = table.currentRow()
        if row < 0:
            return
        item = table.item(row, 0)
        if item is not None:
            signal.emit(item.data(Qt.ItemDataRole.UserRole))

    def show_detail(self, detail: Any, history: list[Any] | None = None) -> None:
        """Fill the pane from a services.clients.ClientDetail (None: nothing selected)."""
        self.detail = detail
        enabled = detail is not None
        for widget in (self.edit_button, self.archive_button, self.tabs):
            widget.setEnabled(enabled)
        if detail is None:
            self.title.setText(self.tr("Select a client to see its details."))
            for value in self.values.values():
                value.clear()
            self.stamp.clear()
            self.contacts.setRowCount(0)
            self.projects.setRowCount(0)
            self.history.setRowCount(0)
            self._update_selection_buttons()
            return
        from shelter_app.l10n import table_date, table_datetime  # Babel: not needed before a client shows

        language = ui_language()
        fields = detail.fields
        self.title.setText(fields.legal_name + ("  " + self.tr("(archived)") if detail.archived else ""))
        self.archive_button.setText(self.tr("&Restore") if detail.archived else self.tr("&Archive"))
        for key, label in self.values.items():
            label.setText(str(getattr(fields, key) or "—"))
        self.stamp.setText(self.tr("Created {created} · last change {updated} · version {version}").format(
            created=table_datetime(detail.created_at, language),
            updated=table_datetime(detail.updated_at, language), version=detail.version))
        languages = language_labels()
        self.contacts.setRowCount(len(detail.contacts))
        for row, c in enumerate(detail.contacts):
            cells = (c.name, c.role, c.email, c.phone, languages.get(c.preferred_language, c.preferred_language))
            for column, text in enumerate(cells):
                self.contacts.setItem(row, column, _item(text, c if column == 0 else None))
        models, stages = model_labels(), stage_labels()
        self.projects.setRowCount(len(detail.projects))
        for row, p in enumerate(detail.projects):
            cells = (p.title, models.get(p.operating_model, p.operating_model), stages.get(p.stage, p.stage),
                     table_date(p.target_start, language) or "—", p.consultant)
            for column, text in enumerate(cells):
                self.projects.setItem(row, column, _item(text, p if column == 0 else None))
        self.show_history(history or [])
        self._update_selection_buttons()

    def show_history(self, entries: list[Any]) -> None:
        from shelter_app.l10n import table_datetime

        language = ui_language()
        actions, labels, entities = action_labels(), field_labels(), entity_labels()
        self.history.setRowCount(len(entries))
        for row, e in enumerate(reversed(entries)):  # newest first
            if e.action == "update":
                changes = "; ".join(f"{labels.get(k, k)}: {value_label(k, e.before.get(k))} → {value_label(k, v)}"
                                    for k, v in e.after.items())
            else:
                changes = ", ".join(f"{labels.get(k, k)}: {value_label(k, v)}" for k, v in (e.after or e.before).items()
                                    if v not in ("", None))
            what = f"{actions.get(e.action, e.action)} ({entities.get(e.entity, e.entity)} #{e.entity_id})"
            for column, text in enumerate((table_datetime(e.at, language), e.actor, what, changes)):
                self.history.setItem(row, column, _item(text))

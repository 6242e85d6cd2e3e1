"""Editors for a client, a contact and a project, with messages at the field as the user types.

The checks are the services' own (`core.portfolio.clean_*`), run on every keystroke, so the
dialog and the CLI can never disagree. Saving goes through the DB worker; a conflict with
a colleague's save opens `ConflictDialog` with both versions.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from shelter_app.core.errors import UserError, ValidationError, ValidationErrors
from shelter_app.core.identifiers import validate_rfc
from shelter_app.core.portfolio import (
    ClientFields,
    ContactFields,
    Language,
    OperatingModel,
    ProjectFields,
    Stage,
    clean_client,
    clean_contact,
    clean_project,
)
from shelter_app.ui.errors import ERROR_STYLE, WARNING_STYLE, handle_error, ui_language
from shelter_app.ui.labels import field_labels, language_labels, model_labels, stage_labels
from shelter_app.ui.screenfit import fit_window
from shelter_app.ui.worker import DbRunner

COUNTRIES = ("MX", "US", "CA", "DE", "CN", "JP", "KR", "TW", "FR", "IT", "ES", "GB", "NL", "SE", "CH", "IN", "BR")


def country_names(language: str) -> list[tuple[str, str]]:
    """(code, localised name) for the country picker, most common partners first."""
    from babel import Locale  # light, but only needed when an editor opens

    names = Locale.parse("es_MX" if language == "es" else "en_US").territories
    return [(code, f"{names.get(code, code)} ({code})") for code in COUNTRIES]


class FieldEditor(QDialog):
    """A dialog of labelled inputs, each with a message line under it for errors or warnings."""

    saved = Signal(object)  # the Changes returned by the service

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setModal(True)
        self._layout = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._layout.addLayout(self.form)
        self._layout.addStretch(1)  # extra height goes below the fields, not between them
        self.messages: dict[str, QLabel] = {}
        self.inputs: dict[str, QWidget] = {}
        self.touched: set[str] = set()
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(ERROR_STYLE)
        self.banner.hide()
        self._layout.addWidget(self.banner)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._layout.addWidget(self.buttons)

    def add_field(self, key: str, widget: QWidget, label: str | None = None, required: bool = False) -> None:
        text = label or field_labels()[key]
        holder = QWidget()
        holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(1)
        grid.addWidget(widget, 0, 0)
        message = QLabel()
        message.setObjectName(f"message_{key}")
        message.setWordWrap(True)
        message.hide()
        grid.addWidget(message, 1, 0)
        self.form.addRow(text + (" *" if required else ""), holder)
        row_label = self.form.labelForField(holder)
        if isinstance(row_label, QLabel):
            row_label.setBuddy(widget)  # the label names the input (screen readers), not its holder
        self.messages[key] = message
        self.inputs[key] = widget
        widget.setObjectName(f"input_{key}")
        signal = _change_signal(widget)
        if signal is not None:
            signal.connect(lambda *_a, k=key: self._changed(k))

    def _changed(self, key: str) -> None:
        self.touched.add(key)
        self.validate(only_touched=True)

    def show_message(self, key: str, text: str, *, warning: bool = False) -> None:
        label = self.messages[key]
        label.setText(text)
        label.setStyleSheet(WARNING_STYLE if warning else ERROR_STYLE)
        label.setVisible(bool(text))

    def clear_messages(self) -> None:
        for key in self.messages:
            self.show_message(key, "")
        self.banner.hide()

    def validate(self, *, only_touched: bool = False) -> bool:
        """Run the services' checks on the current values; show each message at its field."""
        self.clear_messages()
        language = ui_language()
        for key, text in self.warnings(language).items():
            if not only_touched or key in self.touched:
                self.show_message(key, text, warning=True)
        try:
            self.check()
        except ValidationErrors as exc:
            for key, error in exc.errors.items():
                if key in self.messages and (not only_touched or key in self.touched):
                    self.show_message(key, error.message(language))
            return False
        return True

    def warnings(self, language: str) -> dict[str, str]:
        """Things worth saying that do not block saving, by field (none by default)."""
        return {}

    def save(self) -> None:
        self.touched.update(self.messages)
        if not self.validate():
            self.banner.setText(self.tr("Please correct the fields marked in red."))
            self.banner.show()
            return
        self.buttons.setEnabled(False)
        self.runner.run(self.submit(), self._done, self._failed)

    def _done(self, changes: Any) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(changes)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationErrors):
            for key, item in error.errors.items():
                if key in self.messages:
                    self.show_message(key, item.message(ui_language()))
            return
        if isinstance(error, UserError) and error.field in self.messages:
            self.show_message(error.field, error.message(ui_language()))
            return
        from shelter_app.services.errors import EditConflict

        if isinstance(error, EditConflict):
            self.resolve_conflict(error)
            return
        if isinstance(error, UserError):
            self.banner.setText(error.message(ui_language()))
            self.banner.show()
            return
        handle_error(self, error)

    def resolve_conflict(self, conflict: Any) -> None:
        dialog = ConflictDialog(conflict, self)
        choice = dialog.exec()
        if choice == ConflictDialog.KEEP_MINE:
            self.expected_version = conflict.their_version
            self.save()
        elif choice == ConflictDialog.TAKE_THEIRS:
            self.load_theirs(conflict.theirs, conflict.their_version)

    # -- to fill in by each editor ---------------------------------------------------------------------
    expected_version: int | None = None

    @abstractmethod
    def check(self) -> None:
        """Validate the current values the way the service will; raise ValidationErrors."""

    @abstractmethod
    def submit(self) -> Callable[[], Any]:
        """The service call that saves the current values (run on the DB worker)."""

    @abstractmethod
    def load_theirs(self, values: dict[str, Any], version: int) -> None:
        """Show the version a colleague saved, to edit on top of it."""


def _change_signal(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.textChanged
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QDateEdit):
        return widget.dateChanged
    if isinstance(widget, QCheckBox):
        return widget.toggled
    return None


def _combo(items: list[tuple[str, str]], current: str, editable: bool = False) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(editable)
    for code, label in items:
        combo.addItem(label, code)
    index = combo.findData(current)
    if index >= 0:
        combo.setCurrentIndex(index)
    elif editable:
        combo.setEditText(current)
    return combo


def _combo_value(combo: QComboBox) -> str:
    index = combo.currentIndex()
    if combo.isEditable() and (index < 0 or combo.currentText() != combo.itemText(index)):
        return combo.currentText().strip()
    return str(combo.itemData(index)) if index >= 0 else ""


class ClientEditor(FieldEditor):
    """Create a client (client_id None) or edit one at `expected_version`."""

    def __init__(self, runner: DbRunner, actor: str, db: Any, fields: ClientFields | None = None,
                 client_id: int | None = None, expected_version: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.actor, self.db, self.client_id, self.expected_version = actor, db, client_id, expected_version
        self.setWindowTitle(self.tr("New client") if client_id is None else self.tr("Edit client"))
        fields = fields or ClientFields(legal_name="")
        self.legal_name = QLineEdit(fields.legal_name)
        self.legal_name.setPlaceholderText(self.tr("e.g. Válvulas del Norte, S.A. de C.V."))
        self.trade_name = QLineEdit(fields.trade_name)
        self.country = _combo(country_names(ui_language()), fields.country, editable=True)
        self.rfc = QLineEdit(fields.rfc or "")
        self.rfc.setPlaceholderText(self.tr("Only when the client has a Mexican entity"))
        self.industry = QLineEdit(fields.industry)
        self.hq_address = QPlainTextEdit(fields.hq_address)
        self.hq_address.setTabChangesFocus(True)
        self.hq_address.setFixedHeight(60)
        self.website = QLineEdit(fields.website)
        self.notes = QPlainTextEdit(fields.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(90)
        self.add_field("legal_name", self.legal_name, required=True)
        self.add_field("trade_name", self.trade_name)
        self.add_field("country", self.country, required=True)
        self.add_field("rfc", self.rfc)
        self.add_field("industry", self.industry)
        self.add_field("hq_address", self.hq_address)
        self.add_field("website", self.website)
        self.add_field("notes", self.notes)
        fit_window(self, 560, 520, parent)

    def values(self) -> ClientFields:
        return ClientFields(
            legal_name=self.legal_name.text(), trade_name=self.trade_name.text(),
            country=_combo_value(self.country), rfc=self.rfc.text() or None, industry=self.industry.text(),
            hq_address=self.hq_address.toPlainText(), website=self.website.text(), notes=self.notes.toPlainText(),
        )

    def check(self) -> None:
        clean_client(self.values())

    def warnings(self, language: str) -> dict[str, str]:
        try:
            found = validate_rfc(self.rfc.text()).warnings if self.rfc.text().strip() else ()
        except ValidationError:
            return {}  # the error itself is shown by check()
        return {"rfc": " ".join(w.es if language == "es" else w.en for w in found)} if found else {}

    def submit(self) -> Callable[[], Any]:
        from shelter_app.services import clients

        values, db, actor = self.values(), self.db, self.actor
        if self.client_id is None:
            return lambda: clients.create_client(db, actor, values)
        client_id, version = self.client_id, self.expected_version
        assert version is not None
        return lambda: clients.update_client(db, actor, client_id, version, values)

    def load_theirs(self, values: dict[str, Any], version: int) -> None:
        self.expected_version = version
        for key, widget in self.inputs.items():
            if key not in values:
                continue
            value = values[key] or ""
            if isinstance(widget, QLineEdit):
                widget.setText(str(value))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(str(value))
            elif isinstance(widget, QComboBox):
                index = widget.findData(value)
                widget.setCurrentIndex(index) if index >= 0 else widget.setEditText(str(value))


class ContactEditor(FieldEditor):
    def __init__(self, runner: DbRunner, actor: str, db: Any, client_id: int, fields: ContactFields | None = None,
                 contact_id: int | None = None, expected_version: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.actor, self.db, self.client_id = actor, db, client_id
        self.contact_id, self.expected_version = contact_id, expected_version
        self.setWindowTitle(self.tr("New contact") if contact_id is None else self.tr("Edit contact"))
        fields = fields or ContactFields(name="")
        self.name = QLineEdit(fields.name)
        self.role = QLineEdit(fields.role)
        self.email = QLineEdit(fields.email)
        self.phone = QLineEdit(fields.phone)
        self.language = _combo(list(language_labels().items()), str(fields.preferred_language))
        self.add_field("name", self.name, required=True)
        self.add_field("role", self.role)
        self.add_field("email", self.email)
        self.add_field("phone", self.phone)
        self.add_field("preferred_language", self.language)
        fit_window(self, 460, 320, parent)

    def values(self) -> ContactFields:
        return ContactFields(self.name.text(), self.role.text(), self.email.text(), self.phone.text(),
                             Language(_combo_value(self.language)))

    def check(self) -> None:
        clean_contact(self.values())

    def submit(self) -> Callable[[], Any]:
        from shelter_app.services import contacts

        values, db, actor, client_id = self.values(), self.db, self.actor, self.client_id
        if self.contact_id is None:
            return lambda: contacts.add_contact(db, actor, client_id, values)
        contact_id, version = self.contact_id, self.expected_version
        assert version is not None
        return lambda: contacts.update_contact(db, actor, contact_id, version, values)

    def load_theirs(self, values: dict[str, Any], version: int) -> None:
        self.expected_version = version
        for key in ("name", "role", "email", "phone"):
            if key in values:
                getattr(self, key).setText(str(values[key] or ""))


class ProjectEditor(FieldEditor):
    def __init__(self, runner: DbRunner, actor: str, db: Any, client_id: int, fields: ProjectFields | None = None,
                 project_id: int | None = None, expected_version: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.actor, self.db, self.client_id = actor, db, client_id
        self.project_id, self.expected_version = project_id, expected_version
        self.setWindowTitle(self.tr("New project") if project_id is None else self.tr("Edit project"))
        fields = fields or ProjectFields(title="", consultant=actor)
        self.title_edit = QLineEdit(fields.title)
        self.model = _combo(list(model_labels().items()), str(fields.operating_model))
        self.stage = _combo(list(stage_labels().items()), str(fields.stage))
        self.has_start = QCheckBox(self.tr("Has a target date"))
        self.start = QDateEdit()
        self.start.setCalendarPopup(True)
        from shelter_app.l10n import babel_locale, date_edit_format

        self.start.setLocale(QLocale(babel_locale(ui_language())))  # month names in the UI language
        self.start.setDisplayFormat(date_edit_format(ui_language()))
        start = fields.target_start
        self.has_start.setChecked(start is not None)
        self.start.setDate(QDate(start.year, start.month, start.day) if start else QDate.currentDate().addMonths(6))
        self.start.setEnabled(start is not None)
        self.has_start.toggled.connect(self.start.setEnabled)
        start_row = QWidget()
        row_layout = QGridLayout(start_row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.has_start, 0, 0)
        row_layout.addWidget(self.start, 0, 1)
        row_layout.setColumnStretch(1, 1)
        self.consultant = QLineEdit(fields.consultant)
        self.add_field("title", self.title_edit, required=True)
        self.add_field("operating_model", self.model)
        self.add_field("stage", self.stage)
        self.add_field("target_start", start_row)
        self.start.setAccessibleName(field_labels()["target_start"])  # the label names the check box's row
        self.start.dateChanged.connect(lambda *_: self._changed("target_start"))
        self.add_field("consultant", self.consultant)
        fit_window(self, 480, 320, parent)

    def values(self) -> ProjectFields:
        start: date | None = None
        if self.has_start.isChecked():
            q = self.start.date()
            start = date(q.year(), q.month(), q.day())
        return ProjectFields(self.title_edit.text(), OperatingModel(_combo_value(self.model)), start,
                             Stage(_combo_value(self.stage)), self.consultant.text())

    def check(self) -> None:
        clean_project(self.values())

    def submit(self) -> Callable[[], Any]:
        from shelter_app.services import projects

        values, db, actor, client_id = self.values(), self.db, self.actor, self.client_id
        if self.project_id is None:
            return lambda: projects.create_project(db, actor, client_id, values)
        project_id, version = self.project_id, self.expected_version
        assert version is not None
        return lambda: projects.update_project(db, actor, project_id, version, values)

    def load_theirs(self, values: dict[str, Any], version: int) -> None:
        self.expected_version = version
        if "title" in values:
            self.title_edit.setText(str(values["title"]))
        if "consultant" in values:
            self.consultant.setText(str(values["consultant"] or ""))
        for key, combo in (("operating_model", self.model), ("stage", self.stage)):
            if key in values:
                combo.setCurrentIndex(max(0, combo.findData(values[key])))
        if "target_start" in values:
            start = values["target_start"]
            self.has_start.setChecked(bool(start))
            if start:
                d = date.fromisoformat(str(start))
                self.start.setDate(QDate(d.year, d.month, d.day))


class ConflictDialog(QDialog):
    """A colleague saved first: show both versions; keep mine (on top of theirs) or take theirs."""

    KEEP_MINE = 10
    TAKE_THEIRS = 11

    def __init__(self, conflict: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changed by someone else"))
        layout = QVBoxLayout(self)
        who = conflict.their_actor or self.tr("Another user")
        intro = QLabel(self.tr("{who} saved this record after you opened it. Nothing has been overwritten. "
                               "Compare the two versions and choose which one to keep.").format(who=who))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        labels = field_labels()
        header_font_style = "font-weight: bold;"
        for column, text in enumerate((self.tr("Field"), self.tr("Your version"), self.tr("Saved version"))):
            head = QLabel(text)
            head.setStyleSheet(header_font_style)
            grid.addWidget(head, 0, column)
        shown = [k for k in conflict.mine if k in conflict.theirs and k != "search_text"]
        for row, key in enumerate(shown, start=1):
            differs = conflict.mine[key] != conflict.theirs[key]
            style = "background: #fff3cd;" if differs else ""
            for column, text in enumerate((labels.get(key, key), str(conflict.mine[key] or ""),
                                           str(conflict.theirs[key] or ""))):
                cell = QLabel(text)
                cell.setWordWrap(True)
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                cell.setStyleSheet(style)
                grid.addWidget(cell, row, column)
        layout.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        mine = buttons.addButton(self.tr("Keep my version"), QDialogButtonBox.ButtonRole.AcceptRole)
        theirs = buttons.addButton(self.tr("Load saved version"), QDialogButtonBox.ButtonRole.ResetRole)
        mine.clicked.connect(lambda: self.done(self.KEEP_MINE))
        theirs.clicked.connect(lambda: self.done(self.TAKE_THEIRS))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

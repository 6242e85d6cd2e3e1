"""The item panel: one checklist item's texts, status, people, dates, notes, evidence and history.

Every edit is a service call on the DB worker; the `Changes` it returns is emitted as
`changed`, and the workspace refreshes what it names (this panel included, through
`show_item`). The service decides when a reason is needed: its ValidationError on "reason"
opens a prompt and the change is retried with the answer.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QFocusEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shelter_app.core.bilingual import Text
from shelter_app.core.errors import UserError, ValidationError
from shelter_app.core.filenames import clean_file_name
from shelter_app.l10n import babel_locale, date_edit_format, format_number, table_date, table_datetime
from shelter_app.services.changes import Changes
from shelter_app.services.checklists import ItemView
from shelter_app.services.evidence import EvidenceView
from shelter_app.services.filestore import DEFAULT_MAX_BYTES
from shelter_app.storage.db import Database
from shelter_app.ui.errors import ERROR_STYLE, WARNING_STYLE, handle_error
from shelter_app.ui.labels import (
    history_action_labels,
    history_field_labels,
    owner_labels,
    status_labels,
)
from shelter_app.ui.worker import DbRunner

SOURCE_CHARS = 40  # longest source address shown in full
NO_DATE = QDate(2000, 1, 1)  # the date edits' minimum, shown as "—": no date
DATE_SAVE_DELAY_MS = 700  # a date typed or stepped with the arrows is saved once it settles
NOTE_PREVIEW = 60  # characters of a note quoted in the history
NOTE_STYLE = "background: #fff3cd; color: #5c4400; padding: 6px; border-radius: 3px;"
MUTED_STYLE = "color: #6b6b6b;"


def _qdate(value: date | None) -> QDate:
    return NO_DATE if value is None else QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date | None:
    return None if value == NO_DATE else date(value.year(), value.month(), value.day())


def human_size(size: int, language: str) -> str:
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= scale:
            return f"{format_number(Decimal(size) / scale, language, 1)} {unit}"
    return f"{size} B"


class NotesEdit(QPlainTextEdit):
    """Notes that save themselves when the user leaves the box."""

    focus_lost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()


class ItemPanel(QWidget):
    """Shows one `ItemView`; `changed(Changes)` after each write it made."""

    changed = Signal(object)
    reload_requested = Signal()  # the item changed under us (a colleague): the workspace re-reads it

    def __init__(self, runner: DbRunner, db: Database, actor: str, evidence_dir: Path, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.db, self.actor, self.evidence_dir, self.language = runner, db, actor, evidence_dir, language
        self.view: ItemView | None = None
        self.evidence: list[EvidenceView] = []
        self.max_file_bytes = DEFAULT_MAX_BYTES  # the workspace sets it from the attachment_limit_mb setting
        self.open_url: Callable[[QUrl], Any] = QDesktopServices.openUrl  # replaced in tests
        self._open_dir: tempfile.TemporaryDirectory[str] | None = None
        self._loading = False
        self._statuses = status_labels()
        self._owners = owner_labels()
        self.setAcceptDrops(True)
        self.setObjectName("itemPanel")
        layout = QVBoxLayout(self)

        # -- what the item is
        self.title = QLabel()
        self.title.setObjectName("itemTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet(MUTED_STYLE)
        self.subtitle.setWordWrap(True)
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verify_note = QLabel()
        self.verify_note.setObjectName("verifyNote")
        self.verify_note.setWordWrap(True)
        self.verify_note.setStyleSheet(NOTE_STYLE)
        self.description = self._text_label()
        about = QFormLayout()
        about.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.evidence_expected = self._text_label()
        self.legal_basis = self._text_label()
        self.sources = QLabel()
        self.sources.setObjectName("sources")
        self.sources.setWordWrap(True)
        self.sources.setTextFormat(Qt.TextFormat.RichText)
        self.sources.setOpenExternalLinks(False)
        self.sources.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                             | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.sources.linkActivated.connect(lambda link: self.open_url(QUrl(link)))
        about.addRow(self.tr("Evidence expected:"), self.evidence_expected)
        about.addRow(self.tr("Legal basis:"), self.legal_basis)
        about.addRow(self.tr("Sources:"), self.sources)
        for widget in (self.title, self.subtitle, self.verify_note, self.description):
            layout.addWidget(widget)
        layout.addLayout(about)

        # -- status and people
        work = QGroupBox(self.tr("Status and owner"))
        form = QFormLayout(work)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("statusCombo")
        for code, text in self._statuses.items():
            self.status_combo.addItem(text, str(code))
        self.status_combo.currentIndexChanged.connect(self._status_chosen)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setPlaceholderText(self.tr("Why blocked, not applicable, or done early"))
        self.reason_edit.editingFinished.connect(self._reason_edited)
        self.status_message = self._message_label("statusMessage")
        self.completed = QLabel()
        self.owner_combo = QComboBox()
        self.owner_combo.setObjectName("ownerCombo")
        for code, text in self._owners.items():
            self.owner_combo.addItem(text, str(code))
        self.owner_combo.currentIndexChanged.connect(lambda _i: self._assign())
        self.assignee_edit = QLineEdit()
        self.assignee_edit.setObjectName("assigneeEdit")
        self.assignee_edit.setPlaceholderText(self.tr("Person in charge"))
        self.assignee_edit.editingFinished.connect(self._assign)
        form.addRow(self.tr("Status:"), self.status_combo)
        form.addRow(self.tr("Reason:"), self.reason_edit)
        form.addRow("", self.status_message)
        form.addRow(self.tr("Completed:"), self.completed)
        form.addRow(self.tr("Owner:"), self.owner_combo)
        form.addRow(self.tr("Assignee:"), self.assignee_edit)
        layout.addWidget(work)

        # -- dates
        dates = QGroupBox(self.tr("Dates"))
        dates_form = QFormLayout(dates)
        self.start_edit, self.start_state, self.start_reset = self._date_row(dates_form, self.tr("Start:"), "start")
        self.due_edit, self.due_state, self.due_reset = self._date_row(dates_form, self.tr("Due:"), "due")
        self.dates_message = self._message_label("datesMessage")
        dates_form.addRow("", self.dates_message)
        self._date_timer = QTimer(self)
        self._date_timer.setSingleShot(True)
        self._date_timer.setInterval(DATE_SAVE_DELAY_MS)
        self._date_timer.timeout.connect(self.commit_dates)
        layout.addWidget(dates)

        # -- notes
        notes = QGroupBox(self.tr("Notes"))
        notes_layout = QVBoxLayout(notes)
        self.notes_edit = NotesEdit()
        self.notes_edit.setObjectName("notesEdit")
        self.notes_edit.setAccessibleName(notes.title())
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMinimumHeight(80)
        self.notes_edit.setMaximumHeight(140)
        self.notes_edit.textChanged.connect(self._notes_typed)
        self.notes_edit.focus_lost.connect(self.save_notes)
        self.notes_save = QPushButton(self.tr("Save notes"))
        self.notes_save.setEnabled(False)
        self.notes_save.clicked.connect(self.save_notes)
        self.notes_message = self._message_label("notesMessage")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.notes_save)
        notes_layout.addWidget(self.notes_edit)
        notes_layout.addWidget(self.notes_message)
        notes_layout.addLayout(row)
        layout.addWidget(notes)

        # -- evidence
        self.evidence_box = QGroupBox(self.tr("Evidence"))
        evidence_layout = QVBoxLayout(self.evidence_box)
        self.evidence_list = QTreeWidget()
        self.evidence_list.setObjectName("evidenceList")
        self.evidence_list.setAccessibleName(self.evidence_box.title())
        self.evidence_list.setHeaderLabels([self.tr("File"), self.tr("Size"), self.tr("Added")])
        self.evidence_list.setRootIsDecorated(False)
        self.evidence_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.evidence_list.setMinimumHeight(70)
        self.evidence_list.setMaximumHeight(130)
        self.evidence_list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.evidence_list.header().setStretchLastSection(False)
        for column in (1, 2):
            self.evidence_list.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.evidence_list.itemDoubleClicked.connect(lambda *_: self.open_evidence())
        self.evidence_list.itemSelectionChanged.connect(self._evidence_selected)
        buttons = QHBoxLayout()
        self.attach_button = QPushButton(self.tr("Attach…"))
        self.open_button = QPushButton(self.tr("Open"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.attach_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(lambda _checked=False: self.open_evidence())
        self.remove_button.clicked.connect(lambda _checked=False: self.remove_evidence())
        for button in (self.attach_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        drop_hint = QLabel(self.tr("or drop files on this panel"))
        drop_hint.setStyleSheet(MUTED_STYLE)
        drop_hint.setWordWrap(True)  # wraps instead of widening the narrow panel
        buttons.addWidget(drop_hint, 1)
        self.evidence_message = self._message_label("evidenceMessage")
        evidence_layout.addWidget(self.evidence_list)
        evidence_layout.addLayout(buttons)
        evidence_layout.addWidget(self.evidence_message)
        layout.addWidget(self.evidence_box)

        # -- history
        history = QGroupBox(self.tr("History"))
        history_layout = QVBoxLayout(history)
        self.history = QTreeWidget()
        self.history.setObjectName("itemHistory")
        self.history.setAccessibleName(history.title())
        self.history.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What")])
        self.history.setRootIsDecorated(False)
        self.history.setWordWrap(True)
        self.history.setMinimumHeight(90)
        self.history.header().setStretchLastSection(True)
        for column in (0, 1):
            self.history.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        history_layout.addWidget(self.history)
        layout.addWidget(history)
        layout.addStretch(1)
        self.setEnabled(False)

    # -- building blocks ---------------------------------------------------------------------------------
    @staticmethod
    def _text_label() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    @staticmethod
    def _message_label(name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.hide()
        return label

    def _date_row(self, form: QFormLayout, text: str, which: str) -> tuple[QDateEdit, QLabel, QPushButton]:
        edit = QDateEdit()
        edit.setObjectName(f"{which}Edit")
        edit.setCalendarPopup(True)
        edit.setKeyboardTracking(False)
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText("—")
        edit.setLocale(QLocale(babel_locale(self.language)))  # month names in the UI language
        edit.setDisplayFormat(date_edit_format(self.language))
        edit.dateChanged.connect(self._date_edited)
        state = QLabel()
        state.setStyleSheet(MUTED_STYLE)
        reset = QPushButton(self.tr("Use computed"))  # short: the panel is narrow, in Spanish too
        reset.setToolTip(self.tr("Drop the date set by hand and use the one computed from the schedule"))
        reset.setObjectName(f"{which}Reset")
        reset.clicked.connect(lambda: self.use_computed_date(which))
        row = QHBoxLayout()
        row.addWidget(edit)
        row.addWidget(state, 1)
        row.addWidget(reset)
        form.addRow(text, row)
        row_label = form.labelForField(row)
        if isinstance(row_label, QLabel):
            row_label.setBuddy(edit)  # the label names the date, not the row around it
        return edit, state, reset

    def show_message(self, label: QLabel, text: str, *, warning: bool = False) -> None:
        label.setText(text)
        label.setStyleSheet(WARNING_STYLE if warning else ERROR_STYLE)
        label.setVisible(bool(text))

    def clear_messages(self) -> None:
        for label in (self.status_message, self.dates_message, self.notes_message, self.evidence_message):
            self.show_message(label, "")

    # -- showing an item -----------------------------------------------------------------------------------
    def show_item(self, view: ItemView | None, checklist_title: Text | None = None) -> None:
        """Show `view` (None: nothing selected). Showing the same item again keeps the messages
        and any notes the user has not saved yet; moving to another item saves them first."""
        previous = self.view
        same = view is not None and previous is not None and view.row_id == previous.row_id
        if not same:
            self.flush()
            self.clear_messages()
        self.view = view
        self.setEnabled(view is not None)
        if view is None:
            self._show_empty()
            return
        language = self.language
        self._loading = True
        try:
            self.title.setText(view.title.pick(language))
            where = checklist_title.pick(language) if checklist_title else view.pack_id
            version = self.tr("pack version {version}").format(version=view.pack_version)
            self.subtitle.setText(f"{view.item_id} · {where} · {version}")
            self._show_verification(view)
            self.description.setText(view.description.pick(language))
            self.evidence_expected.setText(view.evidence_expected.pick(language) or "—")
            self.legal_basis.setText(view.legal_basis or "—")
            self.sources.setText(self._sources_html(view.sources))
            self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(view.status)))
            if not self.reason_edit.hasFocus() or not same:
                self.reason_edit.setText(view.status_reason)
            self.completed.setText(table_date(view.completed_on, language) or "—")
            self.owner_combo.setCurrentIndex(self.owner_combo.findData(view.owner_role))
            if not self.assignee_edit.hasFocus() or not same:
                self.assignee_edit.setText(view.assignee)
            self._show_dates(view)
            typed = self.notes_edit.toPlainText()
            if not same or (previous is not None and typed == previous.notes != view.notes):
                self.notes_edit.setPlainText(view.notes)  # unsaved typing (or the same text) is left alone
            self.notes_save.setEnabled(self.notes_dirty())
        finally:
            self._loading = False
        self._load_evidence(view.row_id)
        self._load_history(view.row_id)

    def _show_empty(self) -> None:
        self._loading = True
        try:
            self.title.setText(self.tr("Select an item to see its details."))
            for label in (self.subtitle, self.description, self.evidence_expected, self.legal_basis, self.sources,
                          self.completed):
                label.setText("")
            self.verify_note.hide()
            self.reason_edit.clear()
            self.assignee_edit.clear()
            self.notes_edit.clear()
            self.evidence_list.clear()
            self.history.clear()
            self.evidence = []
        finally:
            self._loading = False

    def _show_verification(self, view: ItemView) -> None:
        if not view.to_verify:
            self.verify_note.hide()
            return
        note = view.verification_note.pick(self.language) if view.verification_note else ""
        self.verify_note.setText(self.tr("To verify: {note}").format(
            note=note or self.tr("these facts are not yet confirmed against primary law.")))
        self.verify_note.show()

    def _sources_html(self, sources: Iterable[str]) -> str:
        links = []
        for url in sources:
            parts = urlsplit(url)
            shown = (parts.netloc + parts.path).removeprefix("www.").rstrip("/")
            # a URL cannot wrap: keep it short enough for the narrow panel (the link opens the whole address)
            shown = shown if len(shown) <= SOURCE_CHARS else shown[:SOURCE_CHARS - 1] + "…"
            links.append(f'<a href="{escape(url, {chr(34): "&quot;"})}">{escape(shown)}</a>')
        return "<br>".join(links) or "—"

    def _show_dates(self, view: ItemView) -> None:
        for edit, state, reset, effective, manual in (
                (self.start_edit, self.start_state, self.start_reset, view.start_on, view.manual_start),
                (self.due_edit, self.due_state, self.due_reset, view.due_on, view.manual_due)):
            edit.setDate(_qdate(effective))
            state.setText(self.tr("set by hand") if manual else self.tr("computed") if effective else "")
            reset.setEnabled(manual is not None)
        self.start_edit.setToolTip(table_date(view.start_on, self.language))
        self.due_edit.setToolTip(table_date(view.due_on, self.language))

    def _load_evidence(self, row_id: int) -> None:
        from shelter_app.services import evidence

        self.evidence = evidence.list_evidence(self.db, row_id)
        self.evidence_list.clear()
        row: QTreeWidgetItem | None = None
        for item in self.evidence:
            added = f"{table_datetime(item.added_at, self.language)} · {item.added_by}"
            name = clean_file_name(item.file_name)  # a name stored before names were cleaned, too
            row = QTreeWidgetItem([name, human_size(item.size_bytes, self.language), added])
            row.setToolTip(0, f"{name}\nSHA-256 {item.sha256}")
            row.setData(0, Qt.ItemDataRole.UserRole, item.id)
            self.evidence_list.addTopLevelItem(row)
        count = len(self.evidence)
        self.evidence_box.setTitle(self.tr("Evidence (%n file(s))", "", count) if count else self.tr("Evidence"))
        if row is not None:  # the newest attachment, ready for Open
            self.evidence_list.setCurrentItem(row)
        self._evidence_selected()

    def _evidence_selected(self) -> None:
        chosen = self.selected_evidence() is not None
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _load_history(self, row_id: int) -> None:
        from shelter_app.services import audit

        self.history.clear()
        for entry in reversed(audit.history(self.db, "checklist_item", row_id)):  # newest first
            what = self.describe(entry.action, entry.before, entry.after)
            row = QTreeWidgetItem([table_datetime(entry.at, self.language), entry.actor, what])
            row.setToolTip(2, what)
            self.history.addTopLevelItem(row)

    def describe(self, action: str, before: dict[str, Any], after: dict[str, Any]) -> str:
        """An audit event in words, one changed field a line: "Status: Not started → Done"."""
        fields = history_field_labels()
        verb = history_action_labels().get(action, action)
        if action in ("attach", "detach"):
            name = clean_file_name(str((after or before).get("file_name", "")), fallback="")
            return f"{verb}: {name}"
        changes = [f"{fields.get(k, k)}: {self._value(k, before.get(k))} → {self._value(k, v)}"
                   for k, v in after.items()]
        return "\n".join(changes) or verb

    def _value(self, field: str, value: Any) -> str:
        if value in (None, ""):
            return "—"
        if field == "status":
            return self._statuses.get(value, str(value))
        if field == "owner_role":
            return self._owners.get(value, str(value))
        if field in ("manual_start", "manual_due", "completed_on"):
            try:
                return table_date(date.fromisoformat(str(value)), self.language)
            except ValueError:
                return str(value)
        text = " ".join(str(value).split())
        return f"“{text if len(text) <= NOTE_PREVIEW else text[:NOTE_PREVIEW - 1] + '…'}”"

    # -- writing -------------------------------------------------------------------------------------------
    def _write(self, job: Callable[[], Changes], message: QLabel,
               on_error: Callable[[BaseException], bool] | None = None) -> None:
        """Run a service call; show its warnings at `message`; errors the user can fix there too."""

        def done(changes: Changes) -> None:
            if changes.warnings:
                self.show_message(message, " ".join(w.message(self.language) for w in changes.warnings),
                                  warning=True)
            self.changed.emit(changes)

        def failed(error: BaseException) -> None:
            if on_error is not None and on_error(error):
                return
            from shelter_app.services.errors import EditConflict

            if isinstance(error, EditConflict):
                who = error.their_actor or self.tr("Another user")
                self.show_message(message, self.tr("{who} changed this item after you opened it; it has been "
                                                   "reloaded. Check it and make your change again.").format(who=who))
                self.reload_requested.emit()
            elif isinstance(error, UserError):
                self.show_message(message, error.message(self.language))
                self.reload_requested.emit()  # show what is stored, not the refused value
            else:
                handle_error(self, error)

        self.runner.run(job, done, failed)

    def _status_chosen(self, index: int) -> None:
        if self._loading or self.view is None:
            return
        status = str(self.status_combo.itemData(index))
        if status != self.view.status:
            self.save_status(status, self.reason_edit.text())

    def _reason_edited(self) -> None:
        view = self.view
        if self._loading or view is None or self.reason_edit.text().strip() == view.status_reason:
            return
        if self.status_combo.currentData() == view.status:
            self.save_status(view.status, self.reason_edit.text())

    def save_status(self, status: str, reason: str) -> None:
        """Set the status; when the service asks for a reason, prompt for one and try again."""
        from shelter_app.services import checklists

        view = self.view
        if view is None:
            return
        db, actor, row_id = self.db, self.actor, view.row_id
        self.show_message(self.status_message, "")

        def needs_reason(error: BaseException) -> bool:
            if not (isinstance(error, ValidationError) and error.field == "reason"):
                return False
            answer = self.ask_reason(error.message(self.language), reason)
            if answer is None:  # cancelled: put the stored status back
                self.show_item(self.view)
            else:
                self.reason_edit.setText(answer)
                self.save_status(status, answer)
            return True

        self._write(lambda: checklists.set_status(db, actor, row_id, status, reason), self.status_message,
                    needs_reason)

    def ask_reason(self, message: str, current: str) -> str | None:
        """The reason prompt: the service's message, the reason typed so far; None when cancelled."""
        dialog = QInputDialog(self)
        dialog.setObjectName("reasonDialog")
        dialog.setWindowTitle(self.tr("A reason is needed"))
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setLabelText(message + "\n\n" + self.tr("Reason:"))
        dialog.setTextValue(current)
        for label in dialog.findChildren(QLabel):
            label.setWordWrap(True)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.textValue() if accepted else None
        finally:
            dialog.deleteLater()

    def _assign(self) -> None:
        from shelter_app.services import checklists

        view = self.view
        if self._loading or view is None:
            return
        assignee, role = self.assignee_edit.text().strip(), str(self.owner_combo.currentData() or "")
        if (assignee, role) == (view.assignee, view.owner_role):
            return
        db, actor, row_id = self.db, self.actor, view.row_id
        self._write(lambda: checklists.assign(db, actor, row_id, assignee, role or None), self.status_message)

    def _date_edited(self) -> None:
        if not self._loading and self.view is not None:
            self._date_timer.start()

    def commit_dates(self) -> None:
        """Save the dates as shown: a date that differs from the computed one becomes a manual override."""
        self._date_timer.stop()
        view = self.view
        if view is None:
            return
        start, due = _pydate(self.start_edit.date()), _pydate(self.due_edit.date())
        manual_start = view.manual_start if start == view.start_on else start
        manual_due = view.manual_due if due == view.due_on else due
        self._save_dates(view, manual_start, manual_due)

    def use_computed_date(self, which: str) -> None:
        """Give the start or due date back to the schedule."""
        self._date_timer.stop()
        view = self.view
        if view is not None:
            self._save_dates(view, None if which == "start" else view.manual_start,
                             None if which == "due" else view.manual_due)

    def _save_dates(self, view: ItemView, manual_start: date | None, manual_due: date | None) -> None:
        from shelter_app.services import checklists

        if (manual_start, manual_due) == (view.manual_start, view.manual_due):
            return
        self.show_message(self.dates_message, "")
        db, actor, row_id = self.db, self.actor, view.row_id
        self._write(lambda: checklists.set_manual_dates(db, actor, row_id, manual_start, manual_due),
                    self.dates_message)

    def notes_dirty(self) -> bool:
        return self.view is not None and self.notes_edit.toPlainText() != self.view.notes

    def _notes_typed(self) -> None:
        if not self._loading:
            self.notes_save.setEnabled(self.notes_dirty())

    def save_notes(self) -> None:
        """Save the notes if they changed; a colleague's newer save is never overwritten silently."""
        from shelter_app.services import checklists

        view = self.view
        if view is None or not self.notes_dirty():
            return
        text, db, actor, row_id, version = self.notes_edit.toPlainText(), self.db, self.actor, view.row_id, view.version
        self.show_message(self.notes_message, "")
        self._write(lambda: checklists.set_notes(db, actor, row_id, text, expected_version=version),
                    self.notes_message)

    def flush(self) -> None:
        """Save what is still pending (notes being typed, a date waiting to settle) before moving on."""
        if self._date_timer.isActive():
            self.commit_dates()
        self.save_notes()

    # -- evidence ------------------------------------------------------------------------------------------
    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach evidence"))
        self.attach_files([Path(name) for name in names])

    def attach_files(self, files: Iterable[Path]) -> None:
        """Copy the files (a folder: the files in it, links never followed) into the evidence store and attach
        them to the shown item in one go; what is refused (a link, a pipe, a file over the limit...) is named
        at the evidence list, the rest is attached."""
        from shelter_app.services import evidence

        view = self.view
        sources = list(files)
        if view is None or not sources:
            return
        self.show_message(self.evidence_message, "")
        db, actor, row_id, store, limit = self.db, self.actor, view.row_id, self.evidence_dir, self.max_file_bytes
        self._write(lambda: evidence.attach_files(db, actor, row_id, sources, store, limit), self.evidence_message)

    def selected_evidence(self) -> EvidenceView | None:
        current = self.evidence_list.currentItem()
        if current is None or not current.isSelected():
            return None
        evidence_id = current.data(0, Qt.ItemDataRole.UserRole)
        return next((e for e in self.evidence if e.id == evidence_id), None)

    def open_evidence(self, chosen: EvidenceView | None = None) -> None:
        """Open an attachment with the system viewer: a verified copy under its original name in a temp folder."""
        from shelter_app.services import evidence

        chosen = chosen or self.selected_evidence()
        if chosen is None:
            return
        if self._open_dir is None:
            self._open_dir = tempfile.TemporaryDirectory(prefix="shelterdesk-open-", ignore_cleanup_errors=True)
        folder = Path(tempfile.mkdtemp(dir=self._open_dir.name))  # one folder per copy: names never clash
        store, target = self.evidence_dir, folder / clean_file_name(chosen.file_name)

        def failed(error: BaseException) -> None:
            if isinstance(error, UserError):
                self.show_message(self.evidence_message, error.message(self.language))
            else:
                handle_error(self, error)

        self.runner.run(lambda: evidence.export_copy(store, chosen, target),
                        lambda path: self.open_url(QUrl.fromLocalFile(str(path))), failed)

    def remove_evidence(self, chosen: EvidenceView | None = None) -> None:
        from shelter_app.services import evidence

        chosen = chosen or self.selected_evidence()
        if chosen is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Remove attachment"),
            self.tr("Remove {file} from this item? The history keeps a record of it.").format(
                file=clean_file_name(chosen.file_name)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor, evidence_id = self.db, self.actor, chosen.id
        self._write(lambda: evidence.detach(db, actor, evidence_id), self.evidence_message)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if self.view is not None and urls and all(url.isLocalFile() for url in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if files and self.view is not None:
            event.acceptProposedAction()
            self.attach_files(files)

    def cleanup(self) -> None:
        """Delete the copies opened for viewing (when the workspace closes)."""
        if self._open_dir is not None:
            self._open_dir.cleanup()
            self._open_dir = None

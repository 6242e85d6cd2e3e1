"""Reviewing a client's form response before it changes the project.

`services.forms.review_response` has already decrypted, verified and compared the response (writing
nothing); this dialog shows that comparison field by field and lets the consultant choose what goes
into the project. New and changed answers are ticked; a conflict (the project's value was edited since
the package was sent, and the client's answer differs too) is left unticked and explained. Apply runs
`services.forms.apply_response` on the DB worker, in one transaction; a response already imported
shows when, and offers nothing to apply.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shelter_app.core.forms.mapping import CONTACTS
from shelter_app.l10n import table_datetime
from shelter_app.paths import Paths
from shelter_app.storage.db import Database
from shelter_app.ui.errors import handle_error
from shelter_app.ui.screenfit import fit_window
from shelter_app.ui.worker import DbRunner

if TYPE_CHECKING:  # the services load on the worker, not with this module
    from shelter_app.services.forms import ApplyOutcome

COL_APPLY, COL_FIELD, COL_STATUS, COL_CURRENT, COL_SENT, COL_INCOMING = range(6)
KEY_ROLE = Qt.ItemDataRole.UserRole
CHECKED_BY_DEFAULT = frozenset({"new", "changed"})
CHOOSABLE = frozenset({"new", "changed", "conflict"})
STATUS_ORDER = ("conflict", "new", "changed", "recorded", "unchanged")
# background, text colour: readable on light themes; the status is also written out (never colour alone)
STATUS_COLOURS = {
    "new": ("#e3f4e1", "#1b5e20"),
    "changed": ("#e3eefb", "#0d47a1"),
    "conflict": ("#fde7d9", "#a23a00"),
    "unchanged": ("", "#6b6b6b"),
    "recorded": ("", "#555555"),
}
translate = QCoreApplication.translate  # module functions speak for the review dialog
EMPTY = "—"  # no value: said, not left blank
STATUS_MARKS = {"new": "+", "changed": "✎", "conflict": "⚠", "unchanged": "=", "recorded": "•"}


def status_labels() -> dict[str, str]:
    return {
        "new": QCoreApplication.translate("FormReview", "New"),
        "changed": QCoreApplication.translate("FormReview", "Changed"),
        "unchanged": QCoreApplication.translate("FormReview", "Unchanged"),
        "conflict": QCoreApplication.translate("FormReview", "Conflict"),
        "recorded": QCoreApplication.translate("FormReview", "Recorded only"),
    }


def status_tips() -> dict[str, str]:
    return {
        "new": QCoreApplication.translate("FormReview", "The project has no value here yet."),
        "changed": QCoreApplication.translate("FormReview", "The client's answer differs from the project's value, "
                                                            "which nobody changed since the package was sent."),
        "unchanged": QCoreApplication.translate("FormReview", "The client's answer is what the project holds."),
        "conflict": QCoreApplication.translate("FormReview", "Changed in the project since the package was sent, and "
                                                             "the client answered something else: the project keeps "
                                                             "its value unless you tick the row."),
        "recorded": QCoreApplication.translate("FormReview", "Kept with the response for reference; it does not "
                                                             "feed a project field."),
    }


def outcome_message(outcome: ApplyOutcome, language: str = "en", labels: Mapping[str, str] | None = None) -> str:
    """What an applied response changed, in words: the fields (named by `labels`, row key → label), and the
    checklist items when the journey was applied again."""
    if outcome.already_imported:
        return outcome.message.pick(language) if outcome.message is not None else \
            translate("FormReview", "This response had already been imported; nothing changed.")
    applied, skipped = outcome.applied, outcome.skipped
    lines = [translate("FormReview", "%n field(s) of the project updated from the response.", "", len(applied))]
    if applied and labels:
        lines[0] += "\n" + ", ".join(labels.get(key, key) for key in applied)
    if skipped:
        lines.append(translate("FormReview", "%n answer(s) left out: the project keeps its values.", "", len(skipped)))
    if outcome.attachments_saved:
        lines.append(translate("FormReview", "%n attached file(s) kept with the project.", "",
                               outcome.attachments_saved))
    checklist = outcome.checklist
    if checklist is not None:
        added, removed, restored = len(checklist.added), len(checklist.removed), len(checklist.restored)
        if added or removed or restored:
            lines.append(translate("FormReview", "The journey was applied again. Checklist items added: {added}; set "
                                                 "aside as no longer applying: {removed}; brought back: {restored}.")
                         .format(added=added, removed=removed, restored=restored))
        else:
            lines.append(translate("FormReview", "The journey was applied again; the checklists did not change."))
    if outcome.journey_reopened:
        lines.append(translate("FormReview", "The operating model changed: the setup journey is back at its customs "
                                             "and tax programs step. Answer it for the new model to update the "
                                             "checklists."))
    return "\n\n".join(lines)


class ReviewDialog(QDialog):
    """Field-by-field review of an `ImportReview`; `applied(outcome)` once the project has been changed."""

    applied = Signal(object)

    def __init__(self, review: Any, runner: DbRunner, db: Database, paths: Paths, actor: str, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.review, self.runner, self.db, self.paths, self.actor = review, runner, db, paths, actor
        self.language = language
        self.outcome: Any = None
        self.already = review.already_imported_at is not None
        self.setObjectName("formReviewDialog")
        self.setWindowTitle(self.tr("Review the client's answers"))
        fit_window(self, 1080, 680, parent)
        labels = status_labels()

        # -- what this response is
        header = QFormLayout()
        header.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.client_label = self._value(review.client_name)
        header.addRow(self.tr("Client:"), self.client_label)
        header.addRow(self.tr("Project:"), self._value(review.project_title))
        header.addRow(self.tr("Form:"), self._value(self.tr("{title}, version {version}").format(
            title=review.form_title.pick(language), version=review.form_version)))
        header.addRow(self.tr("Response:"), self._value(str(review.response_id)))
        self.signed_label = self._value(
            self.tr("signed by the client's computer (key {key})").format(key=review.installation)
            if review.authenticated else self.tr("⚠ not authenticated: an older response, not signed by the "
                                                 "client's computer"))
        self.signed_label.setObjectName("reviewSignedBy")
        header.addRow(self.tr("Signed by:"), self.signed_label)
        if review.code_proven:
            self.code_label = self._value(self.tr("proven: the response was made with the code you told the client"))
            self.code_label.setObjectName("reviewCodeProven")
            header.addRow(self.tr("One-time code:"), self.code_label)
        attachments = review.attachments
        header.addRow(self.tr("Attached files:"), self._value(
            self.tr("%n file(s)", "", attachments) if attachments else self.tr("none")))
        title = QLabel(self.tr("Review what the client answered"))
        title.setStyleSheet("font-size: 13pt; font-weight: 600;")

        # -- already imported / conflicts: said in words
        self.notice = QLabel()
        self.notice.setObjectName("reviewNotice")
        self.notice.setWordWrap(True)
        self.notice.setFrameShape(QFrame.Shape.StyledPanel)
        self.notice.setContentsMargins(8, 6, 8, 6)
        counts = {status: sum(1 for r in review.rows if r.status == status) for status in STATUS_ORDER}
        if self.already:
            self.notice.setText(self.tr("This response was already imported on {when}; nothing changed. Importing "
                                        "the same file again never changes the project.").format(
                when=table_datetime(review.already_imported_at, language)))
            self.notice.setStyleSheet("background: #fff4ce; border: 1px solid #e0c060; border-radius: 4px;")
        elif counts["conflict"]:
            self.notice.setText(self.tr("⚠ %n conflict(s): changed in the project since the package was sent, and "
                                        "the client answered something else. Those rows are not ticked: the project "
                                        "keeps its value unless you tick them.", "", counts["conflict"]))
            self.notice.setStyleSheet("background: #fde7d9; border: 1px solid #e0a080; border-radius: 4px; "
                                      "color: #7a2b00;")
        else:
            self.notice.hide()
        self.summary = QLabel(" · ".join(f"{labels[s]}: {counts[s]}" for s in STATUS_ORDER if counts[s]))
        self.summary.setObjectName("reviewSummary")

        # -- the table
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("reviewTable")
        self.table.setAccessibleName(self.tr("The client's answers"))
        self.table.setHorizontalHeaderLabels([self.tr("Apply"), self.tr("Field"), self.tr("Status"),
                                              self.tr("In the project now"), self.tr("When the package was sent"),
                                              self.tr("Client's answer")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(COL_APPLY, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.ResizeToContents)
        for column in (COL_FIELD, COL_CURRENT, COL_SENT, COL_INCOMING):
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self._fill(review.rows)
        self.table.itemChanged.connect(lambda *_: self._update_apply())
        # keyboard: Space ticks or unticks the current row, whichever cell has the focus
        self.table.installEventFilter(self)

        # -- choosing
        self.show_unchanged = QCheckBox(self.tr("Show &unchanged fields"))
        self.show_unchanged.setObjectName("showUnchanged")
        self.show_unchanged.toggled.connect(self._filter)
        self.show_recorded = QCheckBox(self.tr("Show answers &recorded only"))
        self.show_recorded.setObjectName("showRecorded")
        self.show_recorded.setChecked(True)
        self.show_recorded.toggled.connect(self._filter)
        self.all_button = QPushButton(self.tr("Accept a&ll"))
        self.all_button.setObjectName("acceptAll")
        self.all_button.clicked.connect(lambda: self.set_all(True))
        self.none_button = QPushButton(self.tr("Accept &none"))
        self.none_button.setObjectName("acceptNone")
        self.none_button.clicked.connect(lambda: self.set_all(False))
        choose = QHBoxLayout()  # under the summary, so the row fits a small laptop screen in Spanish too
        choose.addWidget(self.show_unchanged)
        choose.addWidget(self.show_recorded)
        choose.addStretch(1)
        choose.addWidget(self.all_button)
        choose.addWidget(self.none_button)
        self.summary.setWordWrap(True)

        legend = QLabel(self.tr("+ New: the project had no value.  ✎ Changed: differs from the project.  ⚠ Conflict: "
                                "changed in the project since the package was sent.  = Unchanged.  • Recorded only: "
                                "kept with the response, feeds no project field."))
        legend.setWordWrap(True)
        legend.setStyleSheet("color: #6b6b6b;")

        buttons = QDialogButtonBox()
        self.apply_button: QPushButton | None = None
        if not self.already:
            self.apply_button = buttons.addButton(self.tr("&Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
            self.apply_button.setObjectName("applyResponse")
            self.apply_button.clicked.connect(self.apply)
            buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        else:
            buttons.addButton(QDialogButtonBox.StandardButton.Close)
            for widget in (self.all_button, self.none_button):
                widget.setEnabled(False)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(header)
        layout.addWidget(self.notice)
        layout.addWidget(self.summary)
        layout.addLayout(choose)
        layout.addWidget(self.table, 1)
        layout.addWidget(legend)
        layout.addWidget(buttons)
        self._filter()
        self._update_apply()

    def _value(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    # -- rows ---------------------------------------------------------------------------------------------------------
    def _fill(self, rows: Sequence[Any]) -> None:
        labels, tips = status_labels(), status_tips()
        # what would change the project first, then what is only recorded, then what is the same; the form's
        # order within each group, as the client filled it in
        group = {"conflict": 0, "new": 0, "changed": 0, "recorded": 1, "unchanged": 2}
        ordered = sorted(rows, key=lambda r: group.get(str(r.status), 1))
        self.table.setRowCount(len(ordered))
        self._statuses: list[str] = []
        for n, row in enumerate(ordered):
            status = str(row.status)
            self._statuses.append(status)
            background, foreground = STATUS_COLOURS.get(status, ("", ""))
            check = QTableWidgetItem()
            check.setData(KEY_ROLE, row.key)
            if status in CHOOSABLE and not self.already:
                check.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                               | Qt.ItemFlag.ItemIsSelectable)
                check.setCheckState(Qt.CheckState.Checked if status in CHECKED_BY_DEFAULT else Qt.CheckState.Unchecked)
                check.setToolTip(self.tr("Tick to put the client's answer into the project"))
            else:
                check.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            status_text = f"{STATUS_MARKS.get(status, '')} {labels.get(status, status)}".strip()
            cells = [check, QTableWidgetItem(row.label.pick(self.language)), QTableWidgetItem(status_text),
                     *(QTableWidgetItem(text or ("" if status == "recorded" else EMPTY))  # recorded: no project value
                       for text in (row.current, row.sent, row.incoming))]
            cells[COL_FIELD].setToolTip(row.target or row.key)
            if row.target == CONTACTS:  # a contact: every field in full on hover
                cells[COL_FIELD].setToolTip(row.label.pick(self.language))
                for cell in cells[COL_CURRENT:]:
                    cell.setToolTip(cell.text())
            cells[COL_STATUS].setToolTip(tips.get(status, ""))
            if status == "conflict":
                font = QFont(cells[COL_STATUS].font())
                font.setBold(True)
                for cell in (cells[COL_STATUS], cells[COL_CURRENT]):
                    cell.setFont(font)
                cells[COL_CURRENT].setToolTip(self.tr("Changed in the project since the package was sent"))
            if status == "recorded":
                font = QFont(cells[COL_STATUS].font())
                font.setItalic(True)
                cells[COL_STATUS].setFont(font)
            for column, cell in enumerate(cells):
                if background:
                    cell.setBackground(QBrush(QColor(background)))
                if foreground and (column == COL_STATUS or status == "unchanged"):
                    cell.setForeground(QBrush(QColor(foreground)))
                self.table.setItem(n, column, cell)
        self.table.resizeRowsToContents()

    def _filter(self) -> None:
        for n, status in enumerate(self._statuses):
            hidden = (status == "unchanged" and not self.show_unchanged.isChecked()) or \
                     (status == "recorded" and not self.show_recorded.isChecked())
            self.table.setRowHidden(n, hidden)

    def row_of(self, key: str) -> int:
        for n in range(self.table.rowCount()):
            item = self.table.item(n, COL_APPLY)
            if item is not None and item.data(KEY_ROLE) == key:
                return n
        raise KeyError(key)

    def status_text(self, key: str) -> str:
        item = self.table.item(self.row_of(key), COL_STATUS)
        return item.text() if item is not None else ""

    def is_checked(self, key: str) -> bool:
        item = self.table.item(self.row_of(key), COL_APPLY)
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def set_checked(self, key: str, checked: bool) -> None:
        item = self.table.item(self.row_of(key), COL_APPLY)
        if item is not None and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def set_all(self, checked: bool) -> None:
        for n in range(self.table.rowCount()):
            item = self.table.item(n, COL_APPLY)
            if item is not None and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Space and not event.modifiers():
            self.toggle_current()
            return True
        return super().eventFilter(watched, event)

    def toggle_current(self) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, COL_APPLY) if row >= 0 else None
        if item is not None and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def accepted_keys(self) -> list[str]:
        keys = []
        for n in range(self.table.rowCount()):
            item = self.table.item(n, COL_APPLY)
            if item is not None and item.flags() & Qt.ItemFlag.ItemIsUserCheckable \
                    and item.checkState() == Qt.CheckState.Checked:
                keys.append(str(item.data(KEY_ROLE)))
        return keys

    def visible_keys(self) -> list[str]:
        keys = []
        for n in range(self.table.rowCount()):
            item = self.table.item(n, COL_APPLY)
            if item is not None and not self.table.isRowHidden(n):
                keys.append(str(item.data(KEY_ROLE)))
        return keys

    def _update_apply(self) -> None:
        if self.apply_button is None:
            return
        count = len(self.accepted_keys())
        self.apply_button.setText(self.tr("&Apply %n change(s)", "", count) if count
                                  else self.tr("&Save the response, change nothing"))

    # -- applying -----------------------------------------------------------------------------------------------------
    def apply(self) -> None:
        """Apply the ticked rows on the worker; on success say what changed and close."""
        from shelter_app.services import forms

        if self.apply_button is None:
            return
        accepted = self.accepted_keys()
        db, paths, actor, review = self.db, self.paths, self.actor, self.review
        self.apply_button.setEnabled(False)
        self.runner.run(lambda: forms.apply_response(db, paths, actor, review, accepted=accepted),
                        self._applied, self._failed)

    def _applied(self, outcome: Any) -> None:
        self.outcome = outcome
        self.applied.emit(outcome)
        labels = {row.key: row.label.pick(self.language) for row in self.review.rows}
        QMessageBox.information(self, self.tr("Response imported"), outcome_message(outcome, self.language, labels))
        self.accept()

    def _failed(self, error: BaseException) -> None:
        from shelter_app.services.errors import EditConflict

        if isinstance(error, EditConflict):  # this review is stale: applying it again would conflict again
            QMessageBox.warning(self, self.tr("Saved meanwhile"), "{conflict}\n\n{what}".format(
                conflict=error.message(self.language),
                what=self.tr("Nothing of this response was applied. Import it again to review it against what is "
                             "saved now.")))
            self.reject()
            return
        if self.apply_button is not None:
            self.apply_button.setEnabled(True)
        handle_error(self, error)

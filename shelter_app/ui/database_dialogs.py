"""The database safety net in the GUI: pick a backup to restore, and say what a check, a restore or a recovery did.

Only dialogs and messages live here; the work runs on the DB worker from the main window (`services.database`).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shelter_app.ui.screenfit import fit_window

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text"); all speak for the dialog


def format_size(size_bytes: int, language: str) -> str:
    from shelter_app.l10n import format_number

    if size_bytes >= 1024 * 1024:
        return f"{format_number(Decimal(size_bytes) / (1024 * 1024), language, 1)} MiB"
    return f"{format_number(max(1, size_bytes // 1024) if size_bytes else 0, language)} KiB"


def kind_label(kind: str) -> str:
    return {"backup": translate("RestoreDialog", "Backup"),
            "upgrade": translate("RestoreDialog", "Before an upgrade"),
            "recovered": translate("RestoreDialog", "Recovered data")}.get(kind, kind)


def files_label(facts: Any) -> str:
    """Whether the stored files (evidence, documents, attachments) the backup goes with are all still whole."""
    if not facts.manifest:
        return translate("RestoreDialog", "Not listed (older backup)")
    if facts.files:
        return translate("RestoreDialog", "%n missing or changed", "", len(facts.files))
    return translate("RestoreDialog", "All present")


class RestoreDialog(QDialog):
    """The backups found, newest first; or "Choose a file…" for one kept elsewhere. `selected_path()` after exec."""

    def __init__(self, backups: list[Any], folder: Path, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from shelter_app.l10n import table_datetime

        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore a backup"))
        fit_window(self, 640, 360, parent)
        self.backups = list(backups)
        self.folder = folder
        self.chosen: Path | None = None
        layout = QVBoxLayout(self)
        if self.backups:
            intro = self.tr("Choose the backup to put in place of the current database. The current file is not "
                            "deleted: it is kept aside in {folder}.")
        else:
            intro = self.tr("No backups were found in {folder}. Choose a backup file kept elsewhere.")
        label = QLabel(intro.format(folder=str(folder)))
        label.setWordWrap(True)
        layout.addWidget(label)
        self.table = QTableWidget(len(self.backups), 4)
        self.table.setObjectName("backups")
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Kind"), self.tr("Size"),
                                              self.tr("Stored files")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, facts in enumerate(self.backups):
            cells = (table_datetime(facts.made, language), kind_label(facts.kind),
                     format_size(facts.size_bytes, language), files_label(facts))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(facts.path) if column == 0 else "\n".join(facts.files) if column == 3 else "")
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(self.backups))
        self.table.doubleClicked.connect(lambda *_: self.accept())
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setObjectName("restoreSelected")
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.choose_button = QPushButton(self.tr("Choose a file…"))
        self.choose_button.setObjectName("chooseFile")
        self.buttons.addButton(self.choose_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.choose_button.clicked.connect(self.choose_file)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        if self.backups:
            self.table.selectRow(0)
        self._update()

    def _update(self) -> None:
        self.restore_button.setEnabled(self.selected_row() is not None)

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def selected_path(self) -> Path | None:
        if self.chosen is not None:
            return self.chosen
        row = self.selected_row()
        return self.backups[row].path if row is not None else None

    def selected_made(self, language: str) -> str:
        """How the chosen backup is named in the confirmation: its date, or its file name for one chosen."""
        from shelter_app.l10n import table_datetime

        row = self.selected_row()
        if self.chosen is None and row is not None:
            return table_datetime(self.backups[row].made, language)
        path = self.selected_path()
        return path.name if path is not None else ""

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a backup"), str(self.folder),
                                              self.tr("ShelterDesk databases (*.sqlite3 *.sqlite *.db);;All files (*)"))
        if name:
            self.chosen = Path(name)
            self.accept()


def confirm_restore(parent: QWidget, made: str, folder: Path, open_windows: int) -> bool:
    """Say what happens before anything is replaced."""
    text = translate("RestoreDialog", "Put the backup of {made} in place of the current database?\n\nThe current "
                     "database file is not deleted: it is kept aside in {folder}. The restored data opens here at "
                     "once.").format(made=made, folder=str(folder))
    if open_windows:
        text += "\n\n" + translate("RestoreDialog", "%n open project window(s) close first.", "", open_windows)
    answer = QMessageBox.question(parent, translate("RestoreDialog", "Restore a backup"), text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                  QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes


def show_check_report(parent: QWidget, report: Any) -> None:
    title = translate("RestoreDialog", "Check the database")
    if not report.checked:
        QMessageBox.information(parent, title, translate(
            "RestoreDialog", "A shared PostgreSQL database is checked on its server by its administrator; nothing "
            "was checked here."))
    elif not report.problems:
        QMessageBox.information(parent, title, translate(
            "RestoreDialog", "The database file is sound: SQLite's own check found no problem.\n\n{location}")
            .format(location=report.location))
    else:
        box = QMessageBox(QMessageBox.Icon.Warning, title, translate(
            "RestoreDialog", "The database file is damaged: SQLite's check found %n problem(s). Restore a backup, "
            "or recover the data that can still be read.", "", len(report.problems)),
            QMessageBox.StandardButton.Close, parent)
        box.setDetailedText("\n".join(report.problems))
        box.setInformativeText("\n".join(report.problems[:3]))
        box.exec()


def restored_message(restored: Any, location: str) -> str:
    lines = [translate("RestoreDialog", "The backup is in place and open: {location}").format(location=location)]
    if restored.kept is not None:
        lines.append(translate("RestoreDialog", "The file it replaced is kept as {path}")
                     .format(path=str(restored.kept)))
    if restored.files:
        lines.append(translate("RestoreDialog", "%n stored file(s) the backup goes with are missing or changed:", "",
                               len(restored.files)) + "\n" + "\n".join(restored.files))
    return "\n\n".join(lines)


def show_restored(parent: QWidget, restored: Any, location: str) -> None:
    icon = QMessageBox.Icon.Warning if restored.files else QMessageBox.Icon.Information
    QMessageBox(icon, translate("RestoreDialog", "Restore a backup"), restored_message(restored, location),
                QMessageBox.StandardButton.Ok, parent).exec()


def recovery_message(recovery: Any) -> str:
    lines = [translate("RestoreDialog", "%n row(s) could be read and were copied into a new file:", "",
                       recovery.rows) + "\n" + str(recovery.target)]
    if recovery.lost:
        lines.append(translate("RestoreDialog", "%n row(s) could not be read and are lost.", "", recovery.lost))
    else:
        lines.append(translate("RestoreDialog", "No row was lost."))
    lines.append(translate("RestoreDialog", "Open it in place of the damaged database? The damaged file is kept "
                           "aside, not deleted."))
    return "\n\n".join(lines)


def recovery_details(recovery: Any) -> str:
    return "\n".join(translate("RestoreDialog", "{table}: {rows} copied, {lost} lost")
                     .format(table=t.table, rows=t.rows, lost=t.lost) for t in recovery.tables)


def ask_open_recovered(parent: QWidget, recovery: Any) -> bool:
    """What was recovered and what was lost; True when the consultant opens the recovered file in place."""
    box = QMessageBox(QMessageBox.Icon.Warning if recovery.lost else QMessageBox.Icon.Information,
                      translate("RestoreDialog", "Recover readable data"), recovery_message(recovery),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("recoveryReport")
    box.setDetailedText(recovery_details(recovery))
    open_button = box.addButton(translate("RestoreDialog", "Open it in place"), QMessageBox.ButtonRole.AcceptRole)
    open_button.setObjectName("openRecovered")
    box.addButton(translate("RestoreDialog", "Not now"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is open_button

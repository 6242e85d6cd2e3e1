"""The dialog for bugs: a report the user can copy and send; the window behind it keeps working."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class CrashDialog(QDialog):
    """Shows a bug report the user can copy and send; the window behind it keeps working."""

    def __init__(self, report: str, parent: QWidget | None = None, *, title: str | None = None,
                 intro: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("ShelterDesk hit a problem"))
        layout = QVBoxLayout(self)
        label = QLabel(intro or self.tr(
            "Something went wrong that is not your fault. Your saved data is safe. "
            "Please copy this report and send it to your ShelterDesk support contact."))
        label.setWordWrap(True)
        layout.addWidget(label)
        self.report = QPlainTextEdit(report)
        self.report.setReadOnly(True)
        self.report.setMinimumSize(640, 280)
        layout.addWidget(self.report)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(self.tr("Copy report"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def copy(self) -> None:
        clipboard = QApplication.clipboard()
        clipboard.setText(self.report.toPlainText())

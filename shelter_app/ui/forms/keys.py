"""The consultant's form key in the GUI: where it is kept, its fingerprint, moving it to a second computer.

Clients encrypt their responses to this key, so losing it means responses already sent cannot be
opened. It lives in the system keychain; where there is none (headless Linux) it is kept in a file
protected by a passphrase, and `PassphraseDialog` asks for that passphrase when the key is used.
Key work (Argon2id: a fraction of a second) runs on the DB worker, never on the UI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shelter_app.core.errors import UserError
from shelter_app.paths import Paths
from shelter_app.ui.errors import ERROR_STYLE, WARNING_STYLE, handle_error, show_user_error
from shelter_app.ui.worker import DbRunner

MIN_PASSPHRASE = 8
KEY_SUFFIX = "sdkey"
OK_STYLE = "color: #1b5e20;"


def fingerprint_label(text: str = "") -> QLabel:
    """A fingerprint in a fixed-width font, selectable (to copy or read out)."""
    label = QLabel(text)
    label.setObjectName("keyFingerprint")
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    label.setWordWrap(True)  # the "no key yet" message is longer than a small screen is wide
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _documents_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


class PassphraseDialog(QDialog):
    """Asks for a passphrase. `create`: a new one, typed twice, at least 8 characters.

    `reason` says why it is asked; by default, that this computer has no system keychain and the form key
    is kept in a file protected by the passphrase.
    """

    def __init__(self, *, create: bool, reason: str | None = None, problem: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.creating = create
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(self.tr("Form key passphrase"))
        if reason is None:
            reason = self.tr("This computer has no system keychain (the place where the operating system keeps "
                             "passwords), so your form key is kept in a file protected by a passphrase instead.")
            reason += " " + (self.tr("Choose a passphrase of at least 8 characters and keep it safe: without it, "
                                     "responses from your clients cannot be opened on this computer.") if create
                             else self.tr("Enter the passphrase you chose when the key was created."))
        self.reason = QLabel(reason)
        self.reason.setObjectName("passphraseReason")
        self.reason.setWordWrap(True)
        self.first = QLineEdit()
        self.first.setObjectName("passphrase")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit()
        self.second.setObjectName("passphraseAgain")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel(problem)
        self.problem.setObjectName("passphraseProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setVisible(bool(problem))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.first)
        if create:
            form.addRow(self.tr("&Again:"), self.second)
        else:
            self.second.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.first.setFocus()

    def passphrase(self) -> str:
        return self.first.text()

    def _accept(self) -> None:
        text = self.first.text()
        problem = ""
        if not text:
            problem = self.tr("Enter the passphrase.")
        elif self.creating and len(text) < MIN_PASSPHRASE:
            problem = self.tr("The passphrase must have at least 8 characters.")
        elif self.creating and text != self.second.text():
            problem = self.tr("The two passphrases are not the same.")
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return
        self.accept()


def ask_passphrase(parent: QWidget | None, *, create: bool, reason: str | None = None,
                   problem: str = "") -> str | None:
    """The passphrase typed, or None when the consultant cancelled."""
    dialog = PassphraseDialog(create=create, reason=reason, problem=problem, parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.passphrase()


def is_passphrase_problem(error: BaseException) -> bool:
    """The key file needs a (different) passphrase: ask again rather than give up."""
    from shelter_app.exchange.formkeys import PassphraseNeeded, WrongPassphrase

    return isinstance(error, (PassphraseNeeded, WrongPassphrase))


class KeysDialog(QDialog):
    """The consultant's form key: where it is kept, its fingerprint, export and import for another computer."""

    key_changed = Signal()

    def __init__(self, runner: DbRunner, paths: Paths, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.paths, self.language = runner, paths, language
        self.status: Any = None
        self.setObjectName("formKeysDialog")
        self.setWindowTitle(self.tr("Form keys"))
        intro = QLabel(self.tr("Clients encrypt the forms they send back to you with your form key, so only you "
                               "can open them. Each package you send carries it. If a client asks whether a package "
                               "really comes from you, read them the fingerprint below over the phone: ShelterDesk "
                               "shows them the same one."))
        intro.setWordWrap(True)
        self.where = QLabel()
        self.where.setObjectName("keyStorage")
        self.where.setWordWrap(True)
        self.fingerprint = fingerprint_label()
        self.export_button = QPushButton(self.tr("&Export for another computer…"))
        self.export_button.setObjectName("exportKey")
        self.export_button.clicked.connect(self.export_dialog)
        self.import_button = QPushButton(self.tr("&Import from another computer…"))
        self.import_button.setObjectName("importKey")
        self.import_button.clicked.connect(self.import_dialog)
        self.message = QLabel()
        self.message.setObjectName("keyResult")
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Kept in:"), self.where)
        form.addRow(self.tr("Fingerprint:"), self.fingerprint)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.refresh()

    # -- reading --------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        from shelter_app.services import forms

        try:
            self.status = forms.key_status(self.paths)
        except UserError as error:
            self.where.setText(error.message(self.language))
            self.where.setStyleSheet(ERROR_STYLE)
            return
        if self.status.storage == "keyring":
            self.where.setText(self.tr("The system keychain of this computer."))
            self.where.setStyleSheet(OK_STYLE)
        else:
            self.where.setText(self.tr("A file protected by a passphrase. This computer has no system keychain, so "
                                       "ShelterDesk asks for the passphrase when the key is needed; the key is never "
                                       "written in the clear."))
            self.where.setStyleSheet(WARNING_STYLE)
        if self.status.exists and self.status.fingerprint:
            self.fingerprint.setText(self.status.fingerprint)
        else:
            self.fingerprint.setText(self.tr("No key yet: one is made the first time you send a form package "
                                             "(or import the key from your other computer)."))
        self.export_button.setEnabled(bool(self.status.exists))

    def _say(self, text: str, style: str = OK_STYLE) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)
        self.message.show()

    # -- export -----------------------------------------------------------------------------------------------------
    def export_dialog(self) -> None:
        """Ask the passphrases and the file, then export on the worker."""
        key_passphrase = None
        if self.status is not None and self.status.storage == "file":
            key_passphrase = ask_passphrase(self, create=False)
            if key_passphrase is None:
                return
        passphrase = ask_passphrase(self, create=True, reason=self.tr(
            "The exported key is protected by a passphrase of its own (at least 8 characters). You will type it on "
            "the other computer when you import the key. Anyone with the file and the passphrase can open the "
            "forms your clients send you: keep both safe, and apart."))
        if passphrase is None:
            return
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export the form key"),
                                                str(_documents_folder() / f"shelterdesk-form-key.{KEY_SUFFIX}"),
                                                self.tr("ShelterDesk form keys (*.sdkey)"))
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != f".{KEY_SUFFIX}":
            target = target.with_name(f"{target.name}.{KEY_SUFFIX}")
        self.export_to(target, passphrase, key_passphrase)

    def export_to(self, target: Path, passphrase: str, key_passphrase: str | None = None) -> None:
        from shelter_app.services import forms

        paths = self.paths

        def failed(error: BaseException) -> None:
            if is_passphrase_problem(error):
                again = ask_passphrase(self, create=False, problem=self._message(error))
                if again is not None:
                    self.export_to(target, passphrase, again)
                return
            handle_error(self, error)

        self.runner.run(lambda: forms.export_keypair(paths, target, passphrase, key_passphrase),
                        lambda _none: self._say(self.tr("The key was saved to {file}. Copy it to the other computer "
                                                        "and import it there with its passphrase.").format(
                                                            file=target)),
                        failed)

    # -- import -----------------------------------------------------------------------------------------------------
    def import_dialog(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Import a form key"), str(_documents_folder()),
                                                self.tr("ShelterDesk form keys (*.sdkey);;All files (*)"))
        if not chosen:
            return
        passphrase = ask_passphrase(self, create=False, reason=self.tr(
            "Enter the passphrase chosen when this key was exported."))
        if passphrase is None:
            return
        store_passphrase = None
        if self.status is not None and self.status.storage == "file":
            store_passphrase = ask_passphrase(self, create=not self.status.exists)
            if store_passphrase is None:
                return
        self.import_from(Path(chosen), passphrase, store_passphrase)

    def import_from(self, source: Path, passphrase: str, store_passphrase: str | None = None,
                    *, replace: bool = False) -> None:
        """Import on the worker; a different key already here is replaced only after the consultant confirms."""
        from shelter_app.exchange.formkeys import DifferentKeyExists
        from shelter_app.services import forms

        paths = self.paths

        def done(status: Any) -> None:
            self.refresh()
            self._say(self.tr("Key imported. Its fingerprint is {fingerprint}.").format(
                fingerprint=getattr(status, "fingerprint", None) or self.fingerprint.text()))
            self.key_changed.emit()

        def failed(error: BaseException) -> None:
            if isinstance(error, DifferentKeyExists):
                if self.confirm_replace(error.existing, error.imported):
                    self.import_from(source, passphrase, store_passphrase, replace=True)
                return
            if isinstance(error, UserError):
                show_user_error(self, error, self.tr("Import a form key"))
            else:
                handle_error(self, error)

        self.runner.run(lambda: forms.import_keypair(paths, source, passphrase, store_passphrase, replace=replace),
                        done, failed)

    def confirm_replace(self, existing: str, imported: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Replace the form key?"), self.tr(
            "This computer already has a different form key.\n\n"
            "Key on this computer:   {existing}\nKey being imported:   {imported}\n\n"
            "Responses encrypted to the key on this computer could no longer be opened here. Replace it only if "
            "you are sure (for example, the imported key is the one your clients have).").format(
                existing=existing, imported=imported), parent=self)
        box.setObjectName("replaceKeyBox")
        replace = box.addButton(self.tr("&Replace the key"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep the current key"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is replace

    def _message(self, error: BaseException) -> str:
        return error.message(self.language) if isinstance(error, UserError) else str(error)

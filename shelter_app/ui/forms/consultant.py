"""The project workspace's Forms tab: send form packages to the client, import what they send back.

Left, the forms ShelterDesk ships (title, version, number of questions) with Send package and
Print blank form; right, the packages sent for this project and the responses imported from them.
Exporting and importing run on the DB worker; importing a response opens the field-by-field review
(`review.ReviewDialog`), and applying it emits `project_changed` so the workspace re-reads the
journey, the checklists and the business case.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shelter_app.core.errors import UserError
from shelter_app.l10n import table_datetime
from shelter_app.paths import Paths
from shelter_app.storage.db import Database
from shelter_app.ui.errors import handle_error, show_user_error, ui_language
from shelter_app.ui.forms.keys import KeysDialog, ask_passphrase, fingerprint_label, is_passphrase_problem
from shelter_app.ui.labels import language_labels
from shelter_app.ui.worker import DbRunner

PACKAGE_SUFFIX = "sdform"
RESPONSE_SUFFIX = "sdresponse"
ID_ROLE = Qt.ItemDataRole.UserRole
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def package_file_name(form_id: str, client_name: str) -> str:
    """"<form id>-<client>.sdform" without characters a file system refuses."""
    client = "-".join(_UNSAFE.sub(" ", client_name).split()).strip(".-")
    return f"{form_id}-{client}.{PACKAGE_SUFFIX}" if client else f"{form_id}.{PACKAGE_SUFFIX}"


def _with_suffix(path: Path, suffix: str) -> Path:
    return path if path.suffix.lower() == f".{suffix}" else path.with_name(f"{path.name}.{suffix}")


class SendPackageDialog(QDialog):
    """Which language the client sees first, and the consultant's key fingerprint to read them if they ask."""

    def __init__(self, form_title: str, client_name: str, language: str, fingerprint: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sendPackageDialog")
        self.setWindowTitle(self.tr("Send a form package"))
        intro = QLabel(self.tr("ShelterDesk writes “{form}” for {client} into one file, with the answers the project "
                               "already holds filled in. The client fills it in on their own computer, even offline, "
                               "and sends you back an encrypted response only you can open.").format(
            form=form_title, client=client_name or self.tr("the client")))
        intro.setWordWrap(True)
        self.language = QComboBox()
        self.language.setObjectName("packageLanguage")
        for code, text in language_labels().items():
            self.language.addItem(text, code)
        self.language.setCurrentIndex(1 if language.startswith("es") else 0)
        self.fingerprint = fingerprint_label(fingerprint or self.tr("(a new key is made now)"))
        note = QLabel(self.tr("The client can switch language while filling in the form."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #6b6b6b;")
        self.protect = QCheckBox(self.tr("&Protect with a one-time code that I tell the client by phone"))
        self.protect.setObjectName("protectWithCode")
        self.protect.setToolTip(self.tr(
            "The file travels by e-mail, where others may see it. With a code, only someone you told the code to "
            "can send a response you will accept. ShelterDesk shows the code once the package is saved."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Choose the file…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", note)
        form.addRow(self.tr("Your key's fingerprint:"), self.fingerprint)
        form.addRow(self.protect)
        form.addRow(buttons)
        self.setMinimumWidth(520)

    def chosen_language(self) -> str:
        return str(self.language.currentData())


class CodeDialog(QDialog):
    """A package's one-time code, large and selectable, with how to give it to the client."""

    def __init__(self, code: str, client_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packageCodeDialog")
        self.setWindowTitle(self.tr("One-time code"))
        self.code = code
        intro = QLabel(self.tr("Tell {client} this code by phone or in person. Do not send it with the package or in "
                               "the same e-mail: the code proves that the response comes from someone you spoke "
                               "to. They type it when they send their answers.").format(
            client=client_name or self.tr("the client")))
        intro.setWordWrap(True)
        shown = fingerprint_label(code)
        shown.setObjectName("packageCode")
        font = shown.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        shown.setFont(font)
        shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        shown.setAccessibleName(self.tr("One-time code"))
        later = QLabel(self.tr("You can see it again from the list of packages sent (Show code…)."))
        later.setWordWrap(True)
        later.setStyleSheet("color: #6b6b6b;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("&Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(code))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(shown)
        layout.addWidget(later)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)


class PrintOptions(QDialog):
    """Language and paper of a printed form."""

    def __init__(self, title: str, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formPrintOptions")
        self.setWindowTitle(title)
        self.language = QComboBox()
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Spanish"), "es")
        self.language.setCurrentIndex(1 if language.startswith("es") else 0)
        self.paper = QComboBox()
        self.paper.addItem(self.tr("Letter (as in Mexico)"), "letter")
        self.paper.addItem("A4", "a4")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Paper:"), self.paper)
        form.addRow(buttons)


def passphrase_first(parent: QWidget, key: Any) -> tuple[bool, str | None]:
    """(go on, passphrase): with no keychain, the key file's passphrase (a new one when there is no key yet). Both
    uses need the private key: an import opens the response with it, an export signs the package with it."""
    if key is None or key.storage != "file":
        return True, None
    passphrase = ask_passphrase(parent, create=not key.exists)
    return passphrase is not None, passphrase


def retry_with_passphrase(parent: QWidget, key: Any, run: Callable[[str | None], None],
                          error: BaseException) -> bool:
    """A missing or wrong key-file passphrase: say so, ask again and `run` again. True when handled so."""
    if not is_passphrase_problem(error):
        return False
    message = error.message(ui_language()) if isinstance(error, UserError) else str(error)
    again = ask_passphrase(parent, create=key is not None and not key.exists, problem=message)
    if again is not None:
        run(again)
    return True


class ResponseImport(QObject):
    """One response file: the key's passphrase if needed → review on the worker with progress → `ReviewDialog`.

    `applied(review, outcome)` once the project has been changed. A refused file (tampered, for another
    consultant or project, unknown form version, too large...) gets a message box saying why; nothing else.
    """

    applied = Signal(object, object)

    def __init__(self, parent: QWidget, runner: DbRunner, db: Database, paths: Paths, actor: str,
                 language: str) -> None:
        super().__init__(parent)
        self.parent_widget, self.runner, self.db, self.paths, self.actor = parent, runner, db, paths, actor
        self.language = language
        self.key: Any = None
        self.task: Any = None
        self.dialog: Any = None

    def start(self, source: Path, passphrase: str | None = None) -> None:
        from shelter_app.services import forms

        if passphrase is None:
            try:
                self.key = forms.key_status(self.paths)
            except UserError as error:
                show_user_error(self.parent_widget, error)
                return
            go_on, passphrase = passphrase_first(self.parent_widget, self.key)
            if not go_on:
                return
        self.review(source, passphrase)

    def review(self, source: Path, passphrase: str | None) -> None:
        from shelter_app.services import forms
        from shelter_app.ui.progress import CancellableTask

        db, paths, language, parent = self.db, self.paths, self.language, self.parent_widget

        def job(_progress: Any, _cancelled: Any) -> Any:
            return forms.review_response(db, paths, source, passphrase=passphrase, language=language)

        def failed(error: BaseException) -> None:
            self.task = None
            if retry_with_passphrase(parent, self.key, lambda phrase: self.review(source, phrase), error):
                return
            if isinstance(error, UserError):
                show_user_error(parent, error, QCoreApplication.translate("FormsPage",
                                                                          "The response cannot be imported"))
            else:
                handle_error(parent, error)

        self.task = CancellableTask(parent, self.runner, QCoreApplication.translate("FormsPage",
                                                                                   "Import a form response"),
                                    QCoreApplication.translate("FormsPage", "Opening {file}…").format(
                                        file=source.name), job, self.show_review, failed)

    def show_review(self, review: Any) -> Any:
        """The review dialog for an `ImportReview` (window-modal; returned for tests)."""
        from shelter_app.ui.forms.review import ReviewDialog

        self.task = None
        dialog = ReviewDialog(review, self.runner, self.db, self.paths, self.actor, self.language,
                              self.parent_widget)
        dialog.applied.connect(lambda outcome: self.applied.emit(review, outcome))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog


class FormsPage(QWidget):
    """One project's forms: send packages, import responses, print. `project_changed` after a response is applied."""

    project_changed = Signal(object)  # the ApplyOutcome
    status_message = Signal(str)

    def __init__(self, runner: DbRunner, db: Database, actor: str, project_id: int, paths: Paths, language: str,
                 parent: QWidget | None = None, *, client_name: str = "", project_title: str = "") -> None:
        super().__init__(parent)
        self.runner, self.db, self.actor, self.project_id, self.paths = runner, db, actor, project_id, paths
        self.language = language
        self.client_name, self.project_title = client_name, project_title
        self.definitions: list[Any] = []
        self.packages: list[Any] = []
        self.responses: list[Any] = []
        self.key: Any = None
        self.last_dir: Path | None = None
        self.importer: ResponseImport | None = None
        self.print_task: Any = None
        self.preview: Any = None
        self.code_dialog: CodeDialog | None = None
        self.setObjectName("formsPage")

        # -- the consultant's key
        self.key_text = QLabel()
        self.key_text.setObjectName("formKeyText")
        self.key_text.setWordWrap(True)
        self.key_fingerprint = fingerprint_label()
        self.keys_button = QPushButton(self.tr("Form &keys…"))
        self.keys_button.setObjectName("formKeysButton")
        self.keys_button.clicked.connect(self.show_keys)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_text, 1)
        key_row.addWidget(self.key_fingerprint)
        key_row.addWidget(self.keys_button)

        # -- the shipped forms
        self.forms_list = self._tree("formsList", [self.tr("Form"), self.tr("Version"), self.tr("Questions")])
        self.forms_list.itemDoubleClicked.connect(lambda *_: self.send_package_dialog())
        self.forms_list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.send_button = QPushButton(self.tr("&Send package…"))
        self.send_button.setObjectName("sendPackage")
        self.send_button.clicked.connect(self.send_package_dialog)
        self.print_blank_button = QPushButton(self.tr("Print &blank form…"))
        self.print_blank_button.setObjectName("printBlankForm")
        self.print_blank_button.clicked.connect(self.print_blank_dialog)
        forms_box = QGroupBox(self.tr("Forms to send"))
        self.forms_list.setAccessibleName(forms_box.title())
        forms_layout = QVBoxLayout(forms_box)
        hint = QLabel(self.tr("Send a form to the client as a file: they fill it in with ShelterDesk on their own "
                              "computer, offline, in English or Spanish, and send back one encrypted response."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #6b6b6b;")
        forms_layout.addWidget(hint)
        forms_layout.addWidget(self.forms_list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.print_blank_button)
        buttons.addStretch(1)
        forms_layout.addLayout(buttons)

        # -- packages sent
        self.packages_list = self._tree("packagesList", [self.tr("Sent"), self.tr("Form"), self.tr("Version"),
                                                         self.tr("Language"), self.tr("By"),
                                                         self.tr("Responses imported"), self.tr("Code")])
        self.packages_empty = QLabel(self.tr("No package sent for this project yet."))
        self.packages_empty.setStyleSheet("color: #6b6b6b;")
        self.packages_list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.show_code_button = QPushButton(self.tr("Show &code…"))
        self.show_code_button.setObjectName("showPackageCode")
        self.show_code_button.clicked.connect(self.show_code)
        packages_box = QGroupBox(self.tr("Packages sent"))
        self.packages_list.setAccessibleName(packages_box.title())
        packages_layout = QVBoxLayout(packages_box)
        packages_layout.addWidget(self.packages_empty)
        packages_layout.addWidget(self.packages_list, 1)
        package_buttons = QHBoxLayout()
        package_buttons.addWidget(self.show_code_button)
        package_buttons.addStretch(1)
        packages_layout.addLayout(package_buttons)

        # -- responses imported
        self.responses_list = self._tree("responsesList", [self.tr("Imported"), self.tr("Form"), self.tr("Version"),
                                                           self.tr("Fields applied"), self.tr("By")])
        self.responses_list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.responses_list.itemDoubleClicked.connect(lambda *_: self.print_response_dialog())
        self.responses_empty = QLabel(self.tr("No response imported yet. When the client sends back a .sdresponse "
                                              "file, import it here to review their answers."))
        self.responses_empty.setWordWrap(True)
        self.responses_empty.setStyleSheet("color: #6b6b6b;")
        self.import_button = QPushButton(self.tr("&Import response…"))
        self.import_button.setObjectName("importResponse")
        self.import_button.clicked.connect(self.import_response_dialog)
        self.print_response_button = QPushButton(self.tr("P&rint response…"))
        self.print_response_button.setObjectName("printResponse")
        self.print_response_button.clicked.connect(self.print_response_dialog)
        responses_box = QGroupBox(self.tr("Responses imported"))
        self.responses_list.setAccessibleName(responses_box.title())
        responses_layout = QVBoxLayout(responses_box)
        responses_layout.addWidget(self.responses_empty)
        responses_layout.addWidget(self.responses_list, 1)
        response_buttons = QHBoxLayout()
        response_buttons.addWidget(self.import_button)
        response_buttons.addWidget(self.print_response_button)
        response_buttons.addStretch(1)
        responses_layout.addLayout(response_buttons)

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(packages_box)
        right.addWidget(responses_box)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(forms_box)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([520, 780])
        layout = QVBoxLayout(self)
        layout.addLayout(key_row)
        layout.addWidget(splitter, 1)
        self.reload()

    def _tree(self, name: str, headers: list[str]) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setObjectName(name)
        tree.setHeaderLabels(headers)
        tree.setRootIsDecorated(False)
        tree.setAlternatingRowColors(True)
        tree.setUniformRowHeights(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if name == "formsList":  # the title takes the room; version and count stay narrow
            tree.header().setStretchLastSection(False)
            tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return tree

    # -- reading ------------------------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the shipped forms, the packages sent, the responses imported and the key's state again."""
        from shelter_app.services import forms

        self._show_key()
        if not self.definitions:
            self.definitions = sorted(forms.shipped_forms().latest_all(),
                                      key=lambda d: d.title.pick(self.language).casefold())
            self.forms_list.clear()
            for definition in self.definitions:
                item = QTreeWidgetItem([definition.title.pick(self.language), definition.version,
                                        str(definition.field_count())])
                item.setData(0, ID_ROLE, definition.id)
                item.setToolTip(0, definition.description.pick(self.language) if definition.description
                                else definition.id)
                item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.forms_list.addTopLevelItem(item)
            first = self.forms_list.topLevelItem(0)
            if first is not None:
                self.forms_list.setCurrentItem(first)
        self.packages = forms.list_packages(self.db, self.project_id)
        self.packages_list.clear()
        names = language_labels()
        for package in self.packages:
            item = QTreeWidgetItem([table_datetime(package.created_at, self.language),
                                    package.form_title.pick(self.language), package.form_version,
                                    names.get(package.language, package.language), package.created_by,
                                    str(package.responses), self.tr("yes") if package.protected else "—"])
            if package.protected:
                item.setToolTip(6, self.tr("Protected by a one-time code told by phone"))
            item.setData(0, ID_ROLE, package.package_row_id)
            item.setToolTip(0, self.tr("Package {id}").format(id=package.package_id))
            if package.last_imported_at is not None:
                item.setToolTip(5, self.tr("Last imported {when}").format(
                    when=table_datetime(package.last_imported_at, self.language)))
            self.packages_list.addTopLevelItem(item)
        self.packages_empty.setVisible(not self.packages)
        self.packages_list.setVisible(bool(self.packages))
        self.responses = forms.list_responses(self.db, self.project_id)
        self.responses_list.clear()
        for response in self.responses:
            item = QTreeWidgetItem(self._response_cells(response))
            item.setData(0, ID_ROLE, response.response_row_id)
            item.setToolTip(0, self.tr("Response {id}").format(id=response.response_id))
            self.responses_list.addTopLevelItem(item)
        self.responses_empty.setVisible(not self.responses)
        self.responses_list.setVisible(bool(self.responses))
        self._update_buttons()

    def _response_cells(self, response: Any) -> list[str]:
        return [table_datetime(response.imported_at, self.language), response.form_title.pick(self.language),
                response.form_version, str(len(response.applied)), response.imported_by]

    def _show_key(self) -> None:
        from shelter_app.services import forms

        try:
            self.key = forms.key_status(self.paths)
        except UserError as error:
            self.key = None
            self.key_text.setText(error.message(self.language))
            self.key_fingerprint.setText("")
            return
        where = (self.tr("kept in the system keychain") if self.key.storage == "keyring"
                 else self.tr("kept in a file protected by a passphrase (this computer has no system keychain)"))
        if self.key.exists and self.key.fingerprint:
            self.key_text.setText(self.tr("Your form key ({where}). Fingerprint:").format(where=where))
            self.key_fingerprint.setText(self.key.fingerprint)
        else:
            self.key_text.setText(self.tr("No form key on this computer yet: one is made when you send the first "
                                          "package ({where}).").format(where=where))
            self.key_fingerprint.setText("")

    def _update_buttons(self) -> None:
        has_form = self.current_form() is not None
        self.send_button.setEnabled(has_form)
        self.print_blank_button.setEnabled(has_form)
        self.print_response_button.setEnabled(self.current_response() is not None)
        package = self.current_package()
        protected = package is not None and package.protected
        self.show_code_button.setEnabled(protected)
        self.show_code_button.setToolTip("" if protected else self.tr(
            "Select a package sent with a one-time code to see its code again."))

    def current_package(self) -> Any:
        item = self.packages_list.currentItem()
        if item is None:
            return None
        row_id = item.data(0, ID_ROLE)
        return next((p for p in self.packages if p.package_row_id == row_id), None)

    def current_form(self) -> Any:
        item = self.forms_list.currentItem()
        if item is None:
            return None
        form_id = item.data(0, ID_ROLE)
        return next((d for d in self.definitions if d.id == form_id), None)

    def select_form(self, form_id: str) -> None:
        for n in range(self.forms_list.topLevelItemCount()):
            item = self.forms_list.topLevelItem(n)
            if item is not None and item.data(0, ID_ROLE) == form_id:
                self.forms_list.setCurrentItem(item)
                return
        raise KeyError(form_id)

    def current_response(self) -> Any:
        item = self.responses_list.currentItem()
        if item is None:
            return None
        index = self.responses_list.indexOfTopLevelItem(item)
        return self.responses[index] if 0 <= index < len(self.responses) else None

    def project_language(self) -> str:
        """The language the client reads: their first contact's preferred language, else the interface's."""
        from shelter_app.services import clients, projects

        try:
            client_id, _project = projects.get_project(self.db, self.project_id)
            contacts = clients.get_client(self.db, client_id).contacts
        except UserError:
            return self.language
        return contacts[0].preferred_language if contacts else self.language

    # -- files ---------------------------------------------------------------------------------------------------
    def _folder(self) -> Path:
        if self.last_dir is not None:
            return self.last_dir
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def _ask_save(self, title: str, name: str, file_filter: str, suffix: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self, title, str(self._folder() / name), file_filter)
        if not chosen:
            return None
        target = _with_suffix(Path(chosen), suffix)
        self.last_dir = target.parent
        return target

    # -- sending -------------------------------------------------------------------------------------------------
    def send_package_dialog(self) -> None:
        """Ask the language, show the key's fingerprint, ask the file; then export on the worker."""
        definition = self.current_form()
        if definition is None:
            return
        self._show_key()
        fingerprint = self.key.fingerprint if self.key is not None and self.key.exists else None
        options = SendPackageDialog(definition.title.pick(self.language), self.client_name, self.project_language(),
                                    fingerprint, self)
        if options.exec() != QDialog.DialogCode.Accepted:
            return
        protect = options.protect.isChecked()
        go_on, passphrase = passphrase_first(self, self.key)
        if not go_on:
            return
        target = self._ask_save(self.tr("Save the form package"), package_file_name(definition.id, self.client_name),
                                self.tr("ShelterDesk form packages (*.sdform)"), PACKAGE_SUFFIX)
        if target is not None:
            self.export_package(definition.id, target, options.chosen_language(), passphrase, protect=protect)

    def export_package(self, form_id: str, target: Path, language: str | None = None,
                       passphrase: str | None = None, *, protect: bool = False) -> None:
        from shelter_app.services import forms

        db, paths, actor, project_id = self.db, self.paths, self.actor, self.project_id

        def run(phrase: str | None) -> None:
            self.runner.run(lambda: forms.export_package(db, paths, actor, project_id, form_id, target,
                                                         consultant_name=actor, language=language,
                                                         passphrase=phrase, protect=protect),
                            lambda summary: self._exported(summary, target), failed)

        def failed(error: BaseException) -> None:
            if not retry_with_passphrase(self, self.key, run, error):
                handle_error(self, error)

        run(passphrase)

    def _exported(self, summary: Any, target: Path) -> None:
        self.reload()
        self.status_message.emit(self.tr("Saved {path}").format(path=target))
        fingerprint = self.key.fingerprint if self.key is not None else ""
        QMessageBox.information(self, self.tr("Form package saved"), self.tr(
            "The package “{form}” was saved to:\n{path}\n\n"
            "Send this file to {client} by e-mail or on a USB stick. They open it with ShelterDesk (double-click it) "
            "and fill it in on their own computer, even offline. When they finish, ShelterDesk makes a response file "
            "(.sdresponse) encrypted to your key: they send it back to you, and you import it here with “Import "
            "response…”.\n\nIf they ask, your key's fingerprint is {fingerprint}.").format(
                form=summary.form_title.pick(self.language), path=target,
                client=self.client_name or self.tr("the client"), fingerprint=fingerprint))
        if summary.code is not None:
            self.code_dialog = CodeDialog(summary.code, self.client_name, self)
            self.code_dialog.open()

    def show_code(self) -> None:
        """The selected package's one-time code again (it needs the form key: a passphrase without a keychain)."""
        from shelter_app.services import forms

        package = self.current_package()
        if package is None or not package.protected:
            return
        go_on, passphrase = passphrase_first(self, self.key)
        if not go_on:
            return
        db, paths, row_id = self.db, self.paths, package.package_row_id

        def run(phrase: str | None) -> None:
            self.runner.run(lambda: forms.package_code(db, paths, row_id, phrase), shown, failed)

        def shown(code: str) -> None:
            self.code_dialog = CodeDialog(code, self.client_name, self)
            self.code_dialog.open()

        def failed(error: BaseException) -> None:
            if not retry_with_passphrase(self, self.key, run, error):
                handle_error(self, error)

        run(passphrase)

    # -- importing -----------------------------------------------------------------------------------------------
    def import_response_dialog(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Import a form response"), str(self._folder()),
                                                self.tr("ShelterDesk form responses (*.sdresponse)"))
        if chosen:
            self.last_dir = Path(chosen).parent
            self.import_response(Path(chosen))

    def import_response(self, source: Path, passphrase: str | None = None) -> ResponseImport:
        """Read, decrypt and compare on the worker (nothing written), then the review dialog."""
        self.importer = ResponseImport(self, self.runner, self.db, self.paths, self.actor, self.language)
        self.importer.applied.connect(self._applied)
        self.importer.start(source, passphrase)
        return self.importer

    def _applied(self, _review: Any, outcome: Any) -> None:
        self.reload()
        self.project_changed.emit(outcome)

    # -- printing ------------------------------------------------------------------------------------------------
    def print_blank_dialog(self) -> None:
        definition = self.current_form()
        if definition is not None:
            self._print_dialog(definition, None, self.tr("Print a blank form"),
                               f"{definition.id}-{self.tr('blank')}")

    def print_response_dialog(self) -> None:
        """The answers of the selected imported response, as a PDF."""
        from shelter_app.services import forms

        response = self.current_response()
        if response is None:
            return
        try:
            definition = forms.shipped_forms().get(response.form_id, response.form_version)
            answers = forms.response_answers(self.db, response.response_row_id)
        except UserError as error:
            show_user_error(self, error)
            return
        meta = {"response_id": response.response_id,
                "imported_at": response.imported_at.isoformat()}  # the PDF words it in its language
        self._print_dialog(definition, answers, self.tr("Print the response"),
                           package_file_name(response.form_id, self.client_name).removesuffix(f".{PACKAGE_SUFFIX}"),
                           meta)

    def _print_dialog(self, definition: Any, answers: Any, title: str, stem: str,
                      meta: dict[str, str] | None = None) -> None:
        options = PrintOptions(title, self.language, self)
        if options.exec() != QDialog.DialogCode.Accepted:
            return
        language, paper = str(options.language.currentData()), str(options.paper.currentData())
        target = self._ask_save(title, f"{stem} ({language}).pdf", self.tr("PDF documents (*.pdf)"), "pdf")
        if target is not None:
            self.print_form(target, definition, answers, language, paper, meta=meta)

    def print_form(self, target: Path, definition: Any, answers: Any = None, language: str = "en",
                   paper: str = "letter", *, meta: dict[str, str] | None = None, preview: bool = True) -> None:
        """Write the form (blank when `answers` is None) as a PDF on the worker, with progress; then preview it."""
        from shelter_app.ui.progress import CancellableTask

        details = {"client": self.client_name, "project": self.project_title, **(meta or {})}

        def job(progress: Any, cancelled: Any) -> Path:
            from shelter_app.reports.form_pdf import render_form_pdf

            render_form_pdf(target, definition, answers, language=language, paper=paper, meta=details,
                            progress=progress, cancelled=cancelled)
            return target

        def done(path: Path) -> None:
            self.print_task = None
            self.status_message.emit(self.tr("Saved {path}").format(path=path))
            if preview:
                from shelter_app.ui.business.documents import show_preview

                self.preview = show_preview(self, path, definition.title.pick(self.language))

        def failed(error: BaseException) -> None:
            from shelter_app.reports.form_pdf import DocumentCancelled

            self.print_task = None
            if isinstance(error, DocumentCancelled):
                self.status_message.emit(self.tr("Cancelled; nothing was written."))
            else:
                handle_error(self, error)

        self.print_task = CancellableTask(self, self.runner, definition.title.pick(self.language),
                                          self.tr("Writing {file}…").format(file=target.name), job, done, failed)

    # -- keys ----------------------------------------------------------------------------------------------------
    def show_keys(self) -> KeysDialog:
        dialog = KeysDialog(self.runner, self.paths, self.language, self)
        dialog.key_changed.connect(self._show_key)
        dialog.finished.connect(lambda *_: self._show_key())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


"""Client mode: one form package, filled offline, saved as the client types, sent back encrypted.

Opened with a `.sdform` file (`shelter-app open FILE` or a double-click). The window shows only that form:
who sent it, the form, and Send / Print. Nothing of the consultant's portfolio is reachable from here.

Saving: every change restarts a short timer (`SAVE_DELAY_MS`); a second timer (`SAVE_MAX_WAIT_MS`) makes sure
that continuous typing still saves at least every two seconds. A save runs `form_drafts.save_draft` on the DB
worker with the page and the focused question, so after a crash or a power cut the form reopens where it was.
Closing the window waits for the last save.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from shelter_app.core.errors import UserError
from shelter_app.core.forms.engine import FormState
from shelter_app.paths import Paths
from shelter_app.settings import Settings
from shelter_app.ui import i18n
from shelter_app.ui.errors import handle_error, show_user_error, ui_language
from shelter_app.ui.forms.renderer import FormView
from shelter_app.ui.forms.widgets import MUTED
from shelter_app.ui.progress import CancellableTask
from shelter_app.ui.screenfit import fit_window
from shelter_app.ui.worker import DbRunner

if TYPE_CHECKING:
    from shelter_app.services.form_drafts import SignerChanged

SAVE_DELAY_MS = 800
SAVE_MAX_WAIT_MS = 2000
BANNER = ("QFrame#{name} {{ background: {background}; border: 1px solid {border}; border-radius: 4px; }} "
          "QFrame#{name} QLabel {{ background: transparent; border: none; }}")


def _slug(text: str) -> str:
    """A file-name-safe version of a name: letters (accents kept), digits, dashes."""
    cleaned = re.sub(r"[^\w]+", "-", text, flags=re.UNICODE).strip("-_")
    return cleaned[:60] or "response"


class _Banner(QFrame):
    def __init__(self, name: str, background: str, border: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setStyleSheet(BANNER.format(name=name, background=background, border=border))
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(12, 8, 12, 8)
        self.column.setSpacing(6)
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.column.addWidget(self.text)


class CodeEntry(QDialog):
    """Where the client types the one-time code the consultant told them (a protected package)."""

    def __init__(self, consultant: str, problem: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codeEntryDialog")
        self.setWindowTitle(self.tr("One-time code"))
        intro = QLabel(self.tr("This form is protected: type the 12-character code {consultant} told you by phone "
                               "or in person. Dashes, spaces and upper or lower case do not matter.").format(
            consultant=consultant or self.tr("your consultant")))
        intro.setWordWrap(True)
        self.problem = QLabel(problem)
        self.problem.setObjectName("codeProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b91c1c;")
        self.problem.setVisible(bool(problem))
        self.code = QLineEdit()
        self.code.setObjectName("codeInput")
        self.code.setPlaceholderText(self.tr("12 characters, in groups of four"))
        self.code.setMaxLength(40)
        caption = QLabel(self.tr("&Code:"))
        caption.setBuddy(self.code)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Send"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(caption)
        row.addWidget(self.code, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.problem)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)


class ClientWindow(QMainWindow):
    """Fill one form from a package. `view` is None until the package is open."""

    def __init__(self, source: Path, settings: Settings, paths: Paths, runner: DbRunner, *,
                 db: Any = None, db_url: str | None = None) -> None:
        super().__init__()
        self.setObjectName("clientWindow")
        self.source = source
        self.settings = settings
        self.paths = paths
        self.runner = runner
        self.db = db
        self._owns_db = db is None
        self.db_url = db_url
        self.draft: Any = None  # form_drafts.DraftView
        self.view: FormView | None = None
        self._version = 0
        self._dirty = False
        self._saving = False
        self._closing = False
        self._closed = False
        self._failed = False
        self._after_save: list[Callable[[], None]] = []
        self.saved_at: datetime | None = None
        self.exported_at: datetime | None = None
        self.last_export: Any = None
        self.code_dialog: CodeEntry | None = None
        self.accept_signer: str | None = None  # the new signing key the user chose to trust anyway

        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(SAVE_DELAY_MS)
        self._delay.timeout.connect(self.save_now)
        self._max_wait = QTimer(self)
        self._max_wait.setSingleShot(True)
        self._max_wait.setInterval(SAVE_MAX_WAIT_MS)
        self._max_wait.timeout.connect(self.save_now)

        central = QWidget()
        self.column = QVBoxLayout(central)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(0)
        self.header = QWidget()
        self.header.setObjectName("clientHeader")
        self.header.setStyleSheet("#clientHeader { background: #24415f; } #clientHeader QLabel { color: #f1f5f9; }")
        head = QHBoxLayout(self.header)
        head.setContentsMargins(16, 8, 16, 8)
        self.sender_label = QLabel()
        self.sender_label.setObjectName("sender")
        self.sender_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sender_label.setWordWrap(True)
        head.addWidget(self.sender_label, 1)
        self.column.addWidget(self.header)
        self.banners = QVBoxLayout()
        self.banners.setContentsMargins(16, 8, 16, 0)
        self.banners.setSpacing(6)
        self.column.addLayout(self.banners)
        self.exported_banner = _Banner("exportedBanner", "#eaf4ec", "#9cc9a6")
        self.exported_banner.hide()
        self.banners.addWidget(self.exported_banner)
        self.carried_banner = _Banner("carriedBanner", "#fff6dd", "#e0c67a")
        self.dropped_text = QPlainTextEdit()
        self.dropped_text.setObjectName("droppedAnswers")
        self.dropped_text.setReadOnly(True)
        self.copy_dropped = QPushButton()
        self.copy_dropped.setAutoDefault(False)
        self.copy_dropped.clicked.connect(self._copy_dropped)
        self.hide_dropped = QPushButton()
        self.hide_dropped.setAutoDefault(False)
        self.hide_dropped.clicked.connect(self.carried_banner.hide)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_dropped)
        buttons.addWidget(self.hide_dropped)
        buttons.addStretch(1)
        self.carried_banner.column.addWidget(self.dropped_text)
        self.carried_banner.column.addLayout(buttons)
        self.carried_banner.hide()
        self.banners.addWidget(self.carried_banner)
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet(MUTED)
        self.column.addWidget(self.placeholder, 1)
        self.setCentralWidget(central)

        self.toolbar = QToolBar()
        self.toolbar.setObjectName("clientToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.send_action = QAction(self)
        self.send_action.setObjectName("sendResponse")
        self.send_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.send_action.triggered.connect(self.send_response)
        self.print_blank_action = QAction(self)
        self.print_blank_action.triggered.connect(lambda: self.print_form(filled=False))
        self.print_filled_action = QAction(self)
        self.print_filled_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_filled_action.triggered.connect(lambda: self.print_form(filled=True))
        self.close_action = QAction(self)
        self.close_action.setShortcut(QKeySequence.StandardKey.Close)
        self.close_action.triggered.connect(self.close)
        self.toolbar.addAction(self.send_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.print_blank_action)
        self.toolbar.addAction(self.print_filled_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addAction(self.close_action)
        self.addToolBar(self.toolbar)
        self.save_label = QLabel()
        self.save_label.setObjectName("saveStatus")
        self.save_label.setStyleSheet(MUTED)
        self.statusBar().addPermanentWidget(self.save_label)
        self.statusBar().setSizeGripEnabled(True)
        for action in (self.send_action, self.print_blank_action, self.print_filled_action):
            action.setEnabled(False)
        fit_window(self, 1120, 800)
        self._retranslate()

    # -- opening -------------------------------------------------------------------------------------------

    def start(self) -> None:
        """Open the database if needed, then the package, on the worker."""
        settings, paths, source, db, url = self.settings, self.paths, self.source, self.db, self.db_url
        accept = self.accept_signer

        def job() -> tuple[Any, Any]:
            from shelter_app.services import database, form_drafts

            opened = db if db is not None else database.open_configured(settings, paths, url)
            try:
                return opened, form_drafts.open_package(opened, paths, source, accept_signer=accept)
            except BaseException:
                if db is None:
                    opened.close()
                raise

        self.runner.run(job, self._opened, self._open_failed)

    def _opened(self, result: tuple[Any, Any]) -> None:
        self.db, draft = result
        self.draft = draft
        self._version = draft.version
        self.exported_at = draft.exported_at
        language = "es" if str(draft.language).startswith("es") else "en"
        i18n.install("es_MX" if language == "es" else "en")
        answers = dict(draft.answers)
        fresh = draft.version == 1  # never saved: the definition's defaults fill what the prefill left blank
        if fresh:
            for q in draft.definition.questions():
                if q.default is not None and q.answered_by_user and q.name not in answers:
                    answers[q.name] = copy.deepcopy(q.default)
        state = FormState(draft.definition, answers, pending=draft.pending, apply_defaults=False)
        from shelter_app.services import form_drafts
        from shelter_app.services.filestore import limit_bytes
        from shelter_app.settings import ATTACHMENT_LIMIT_MB

        paths, limit = self.paths, limit_bytes(self.settings.get(ATTACHMENT_LIMIT_MB))
        view = FormView(state, language=language, page=draft.page, focus=draft.focus, runner=self.runner,
                        store_attachment=lambda source: form_drafts.store_attachment(paths, source, limit))
        self.view = view
        self.placeholder.hide()
        self.column.addWidget(view, 1)
        view.changed.connect(self._changed)
        view.pageChanged.connect(lambda _page: self._schedule(answers=False))
        view.focusChanged.connect(lambda _path: self._schedule(answers=False))
        view.languageChanged.connect(self._language_changed)
        for action in (self.send_action, self.print_blank_action, self.print_filled_action):
            action.setEnabled(True)
        self._show_dropped()
        self._retranslate()
        if draft.focus:
            QTimer.singleShot(0, lambda: view.focus_path(draft.focus) if self.view is view else None)
        if fresh and answers != draft.answers:
            self._schedule(answers=True)  # the defaults are part of the draft from the start

    def _open_failed(self, error: BaseException) -> None:
        from shelter_app.services.form_drafts import SignerChanged

        asked = isinstance(error, SignerChanged) and self.accept_signer is None
        if isinstance(error, SignerChanged) and asked and self._open_anyway(error):
            self.accept_signer = error.found or "none"
            self.start()
            return
        self._failed = True
        self.placeholder.setText(self.tr("This form cannot be opened."))
        if asked:
            pass  # the warning said it all; Cancel just closes
        elif isinstance(error, UserError):
            QMessageBox.warning(self, self.tr("Cannot open the form"),
                                self.tr("{file} cannot be opened.").format(file=self.source.name) + "\n\n"
                                + error.message(ui_language()))
        else:
            handle_error(self, error)
        QTimer.singleShot(0, self.close)

    def _open_anyway(self, error: SignerChanged) -> bool:
        """The loud warning of a package signed by another key than this consultant's usual one; True to open."""
        box = QMessageBox(self)
        box.setObjectName("signerChanged")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(self.tr("Warning: the sender's key has changed"))
        new_key = error.found if error.found is not None else self.tr("none (the package is not signed)")
        box.setText(self.tr(
            "{file} says it comes from {consultant}, but it is not signed by the key their packages had until now."
            "\n\nKey until now: {known}\nKey of this package: {found}\n\nSomeone else may be posing as your "
            "consultant, and your answers would go to them. Open it only if your consultant confirmed, by phone or "
            "in person, that they changed their key.").format(
                file=self.source.name, consultant=error.consultant, known=error.known, found=new_key))
        open_anyway = box.addButton(self.tr("Open anyway"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is open_anyway

    # -- chrome --------------------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.send_action.setText(self.tr("Send response…"))
        self.send_action.setToolTip(self.tr("Check the answers and save the encrypted response file for your "
                                            "consultant (Ctrl+Shift+S)"))
        self.print_blank_action.setText(self.tr("Print blank form…"))
        self.print_filled_action.setText(self.tr("Print with answers…"))
        self.close_action.setText(self.tr("Close"))
        self.copy_dropped.setText(self.tr("Copy"))
        self.hide_dropped.setText(self.tr("Hide"))
        draft = self.draft
        if draft is None:
            self.setWindowTitle(self.source.name)
            if not self._failed:
                self.placeholder.setText(self.tr("Opening {file}…").format(file=self.source.name))
            self.sender_label.setText("")
            return
        package = draft.package
        language = self.view.language if self.view is not None else "en"
        title = draft.definition.title.pick(language)
        self.setWindowTitle(f"{title} — {package.project.client_name}")
        consultant = package.consultant
        if package.signed_by is not None:
            signature = self.tr("signed with the key {key}").format(
                key=f"<span style='font-family: monospace;'>{package.signed_by}</span>")
        else:
            signature = "<b style='color: #fca5a5;'>" + self.tr("not authenticated (an unsigned package)") + "</b>"
        self.sender_label.setText(
            self.tr("For <b>{client}</b> ({project}) · sent by <b>{consultant}</b> · consultant's key {key}").format(
                client=_html(package.project.client_name), project=_html(package.project.title),
                consultant=_html(consultant.name),
                key=f"<span style='font-family: monospace;'>{consultant.fingerprint}</span>") + " · " + signature)
        self.sender_label.setToolTip(self.tr("Your response is encrypted so that only the holder of this key can read "
                                       "it. Compare the key with the one your consultant gives you.") + "\n" + (
            self.tr("The package is signed by your consultant's signing key; ShelterDesk warns you if a later "
                    "package from them is signed by another key.") if package.signed_by is not None else
            self.tr("This package was made by an older ShelterDesk and is not signed: nothing proves it comes from "
                    "your consultant.")))
        if package.protection is not None:
            self.sender_label.setText(self.sender_label.text() + " · " + self.tr(
                "protected by a one-time code: you type it when you send your answers"))
        self._show_exported()
        self._show_dropped()
        self._show_saved()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _language_changed(self, language: str) -> None:
        i18n.install("es_MX" if language == "es" else "en")
        self._retranslate()
        self._schedule(answers=False)

    def _show_exported(self) -> None:
        if self.exported_at is None:
            self.exported_banner.hide()
            return
        from shelter_app.l10n import table_datetime

        shown = table_datetime(self.exported_at, ui_language())
        self.exported_banner.text.setText(self.tr("You sent a response on {when}. You can still change answers "
                                                  "and send it again; your consultant keeps the latest.")
                                          .format(when=shown))
        self.exported_banner.show()

    def _dropped_lines(self) -> list[str]:
        draft = self.draft
        language = self.view.language if self.view is not None else "en"
        lines: list[str] = []
        for item in (draft.dropped if draft is not None else []):
            label = item.get("label") or {}
            text = label.get(language) or label.get("en") or item.get("path", "")
            shown = item.get("shown")
            if shown in (None, ""):
                shown = str(item.get("value", ""))
            reason = item.get("reason") or {}
            why = reason.get(language) or reason.get("en") or ""
            lines.append(f"{text}: {shown}" + (f"  ({why})" if why else ""))
        return lines

    def _show_dropped(self) -> None:
        draft = self.draft
        lines = self._dropped_lines()
        if draft is None or (not lines and not draft.carried_from_version):
            self.carried_banner.hide()
            return
        old = draft.carried_from_version
        new = draft.definition.version
        if old:
            intro = self.tr("This form was updated (version {old} → {new}). Your answers were carried over.") \
                .format(old=old, new=new)
        else:
            intro = self.tr("This form was updated since you started it. Your answers were carried over.")
        if lines:
            intro += " " + self.tr("These answers are no longer asked; they are kept here so nothing is lost "
                                   "(you can copy them):")
        self.carried_banner.text.setText(intro)
        self.dropped_text.setPlainText("\n".join(lines))
        spacing = self.dropped_text.fontMetrics().lineSpacing()
        self.dropped_text.setFixedHeight(min(max(len(lines), 1), 5) * spacing + 14)
        self.dropped_text.setVisible(bool(lines))
        self.copy_dropped.setVisible(bool(lines))
        self.carried_banner.show()

    def _copy_dropped(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.dropped_text.toPlainText())
        self.statusBar().showMessage(self.tr("Copied."), 3000)

    # -- saving --------------------------------------------------------------------------------------------

    def _changed(self) -> None:
        self._schedule(answers=True)

    def _schedule(self, *, answers: bool) -> None:
        if self.view is None or self._failed:
            return
        self._dirty = True
        self._delay.start()  # restarts: typing keeps pushing the save back...
        if answers and not self._max_wait.isActive():
            self._max_wait.start()  # ...but never more than two seconds
        self._show_saved()

    def save_now(self, then: Callable[[], None] | None = None) -> None:
        """Save the draft on the worker if anything changed; `then` runs once everything is saved."""
        if then is not None:
            self._after_save.append(then)
        self._delay.stop()
        self._max_wait.stop()
        view, draft = self.view, self.draft
        if self._saving:
            return  # the save in flight calls back here when it is done
        if view is None or draft is None or self.db is None or not self._dirty:
            self._run_after_save()
            return
        self._dirty = False
        self._saving = True
        state = view.state
        answers, pending = state.to_answers(), dict(state.pending)
        page, focus, language = view.current_page(), view.focused_path(), view.language
        db, draft_id, expected = self.db, draft.draft_id, self._version

        def job() -> int:
            from shelter_app.services import form_drafts

            return form_drafts.save_draft(db, draft_id, answers=answers, pending=pending, page=page, focus=focus,
                                          language=language, expected_version=expected)

        self._show_saved()
        self.runner.run(job, self._saved, self._save_failed)

    def _saved(self, version: int) -> None:
        self._saving = False
        self._version = version
        self.saved_at = datetime.now()
        self._show_saved()
        if self._dirty and (self._after_save or self._closing):
            self.save_now()
        elif self._dirty:
            self._delay.start()
        else:
            self._run_after_save()

    def _save_failed(self, error: BaseException) -> None:
        from shelter_app.services.errors import EditConflict

        self._saving = False
        self._dirty = True
        if isinstance(error, EditConflict) and self._keep_mine_over(error):
            self._version = error.their_version  # the answers in this window replace the other window's
            self.save_now()
            return
        self._after_save.clear()
        self._closing = False
        self.save_label.setText(self.tr("Not saved"))
        self.save_label.setStyleSheet("color: #b00020;")
        if not isinstance(error, EditConflict):
            handle_error(self, error)

    def _keep_mine_over(self, conflict: BaseException) -> bool:
        """The same form was saved from another ShelterDesk window since this one last saved: ask which answers
        to keep. True: keep this window's (saved over the other's); False: close this window to reopen the form
        with the other window's answers."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("The form was saved from another window"), self.tr(
            "This form is also open in another ShelterDesk window, which saved its answers after this window last "
            "saved. Keep the answers shown here (the other window's are replaced), or close this window and open "
            "the form again to continue with the other window's answers."), parent=self)
        keep = box.addButton(self.tr("&Keep these answers"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Close this window"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is keep:
            return True
        self._dirty = False  # nothing of this window is saved over the other's
        self.close()
        return False

    def _run_after_save(self) -> None:
        waiting, self._after_save = self._after_save, []
        for callback in waiting:
            callback()

    def _show_saved(self) -> None:
        if self._saving:
            self.save_label.setText(self.tr("Saving…"))
            self.save_label.setStyleSheet(MUTED)
        elif self.saved_at is not None:
            from shelter_app.l10n import clock_time

            self.save_label.setText(self.tr("Saved {time}").format(time=clock_time(self.saved_at, ui_language())))
            self.save_label.setStyleSheet(MUTED)
        else:
            self.save_label.setText("")

    @property
    def saved(self) -> bool:
        """Everything typed is in the database."""
        return not self._dirty and not self._saving

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.saved and not self._failed:
            if not self._closing:
                self._closing = True
                self.save_now(lambda: QTimer.singleShot(0, self._finish_close))
            if not self.saved:  # the save runs on the worker: close again once it is written
                event.ignore()
                return
            self._closing = False
        if not self._closed:
            self._closed = True
            self._delay.stop()
            self._max_wait.stop()
            db = self.db
            if db is not None and self._owns_db:
                self.db = None
                self.runner.run(db.close, None, lambda _e: None)
        super().closeEvent(event)

    def _finish_close(self) -> None:
        if self._closing and not self._closed:
            self._closing = False
            self.close()

    # -- send and print ------------------------------------------------------------------------------------

    def default_name(self, suffix: str, extra: str = "") -> str:
        draft = self.draft
        if draft is None:
            return f"form{suffix}"
        parts = [draft.definition.id, _slug(draft.package.project.client_name)]
        if extra:
            parts.append(extra)
        return "-".join(parts) + suffix

    def _folder(self) -> Path:
        folder = self.source.parent
        if folder.is_dir():
            return folder
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents or Path.home())

    def send_response(self) -> None:
        view = self.view
        if view is None:
            return
        view.show_review()
        if view.state.issues:
            count = len(view.state.issues)
            QMessageBox.warning(self, self.tr("Not ready to send"),
                                self.tr("%n answer(s) still need attention. They are listed on the review page: "
                                        "click one to go to its question.", "", count))
            return
        suggested = str(self._folder() / self.default_name(".sdresponse"))
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the response"), suggested,
                                              self.tr("ShelterDesk response (*.sdresponse)"))
        if not name:
            return
        target = Path(name)
        if target.suffix.lower() != ".sdresponse":
            target = target.with_name(target.name + ".sdresponse")
        code: str | None = None
        if self.draft is not None and self.draft.package.protection is not None:
            code = self.ask_code()
            if code is None:
                return
        self.save_now(lambda: self._export(target, code))

    def ask_code(self, problem: str = "") -> str | None:
        """The package's one-time code, as the consultant told it (None: cancelled)."""
        draft = self.draft
        consultant = draft.package.consultant.name if draft is not None else ""
        self.code_dialog = CodeEntry(consultant, problem, self)
        if self.code_dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.code_dialog.code.text()

    def _export(self, target: Path, code: str | None = None) -> None:
        db, paths, draft = self.db, self.paths, self.draft
        if db is None or draft is None:
            return

        def job(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> Any:
            from shelter_app.services import form_drafts

            return form_drafts.export_response(db, paths, draft.draft_id, target, code)

        def failed(error: BaseException) -> None:
            from shelter_app.services import form_drafts

            if isinstance(error, (form_drafts.WrongCode, form_drafts.CodeNeeded)):
                again = self.ask_code(error.message(self.view.language if self.view is not None else "en"))
                if again is not None:
                    self._export(target, again)
                return
            self._task_failed(error, self.tr("The response was not saved."))

        self._task = CancellableTask(self, self.runner, self.tr("Send response"),
                                     self.tr("Encrypting your response…"), job, self._exported, failed)

    def _exported(self, result: Any) -> None:
        self.last_export = result
        self.exported_at = datetime.now().astimezone()
        self._show_exported()
        draft = self.draft
        consultant = draft.package.consultant if draft is not None else None
        text = self.tr("Your response is saved in:\n{file}\n\nIt is encrypted for {consultant} (key {key}): only "
                       "your consultant "
                       "can open it. Send this file to them by e-mail or any file transfer.")
        signed = self.tr("It is signed by this computer's key {installation}. If your consultant asks, read them "
                         "this key: it tells them the response comes from you.")
        QMessageBox.information(self, self.tr("Response saved"),
                                text.format(file=result.target, consultant=consultant.name if consultant else "",
                                            key=consultant.fingerprint if consultant else "")
                                + "\n\n" + signed.format(installation=result.installation))

    def _task_failed(self, error: BaseException, headline: str) -> None:
        if isinstance(error, UserError):
            show_user_error(self, error, headline)
        else:
            handle_error(self, error)

    def print_form(self, *, filled: bool) -> None:
        view, draft = self.view, self.draft
        if view is None or draft is None:
            return
        extra = "" if filled else self.tr("blank")
        suggested = str(self._folder() / self.default_name(".pdf", _slug(extra) if extra else ""))
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the form as PDF"), suggested,
                                              self.tr("PDF document (*.pdf)"))
        if not name:
            return
        target = Path(name)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        self.render_pdf(target, filled=filled)

    def render_pdf(self, target: Path, *, filled: bool) -> None:
        view, draft = self.view, self.draft
        assert view is not None and draft is not None
        definition, language = draft.definition, view.language
        answers = view.state.to_answers() if filled else None
        package = draft.package
        meta = {"client": package.project.client_name, "project": package.project.title,
                "package_id": package.package_id}

        def job(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Path:
            from shelter_app.reports.form_pdf import render_form_pdf

            render_form_pdf(target, definition, answers, language=language, meta=meta,
                            progress=progress, cancelled=cancelled)
            return target

        self._task = CancellableTask(self, self.runner, self.tr("Print"), self.tr("Writing the PDF…"), job,
                                     self._printed, lambda error: self._task_failed(error,
                                                                                   self.tr("The PDF was not saved.")))

    def _printed(self, target: Path) -> None:
        """The PDF in the preview, whose Print is the same for every document."""
        from shelter_app.ui.business.documents import show_preview

        self.statusBar().showMessage(self.tr("PDF saved: {file}").format(file=target), 8000)
        self.preview = show_preview(self, target, target.name)


def _html(text: str) -> str:
    import html

    return html.escape(text)


def open_client_mode(path: Path, settings: Settings, paths: Paths, runner: DbRunner, *, db: Any = None,
                     db_url: str | None = None) -> ClientWindow:
    """Show the client-mode window for the package at `path` and start opening it (on the worker).
    `db`: an open database to use (tests); by default the configured one is opened and closed with the window."""
    window = ClientWindow(Path(path), settings, paths, runner, db=db, db_url=db_url)
    window.show()
    window.start()
    return window

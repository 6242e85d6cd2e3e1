"""How problems reach the user: plain messages for what they can fix, a crash dialog for bugs.

A `UserError` is shown in the interface language in a plain dialog (or at its field by the
editors). Anything else is a bug: the crash dialog shows a report the user can copy, and
the app keeps running. A hard crash (segfault) is caught by faulthandler into a log that
is offered at the next start (qutebrowser's crashsignal/crashdialog).
"""

from __future__ import annotations

import faulthandler
import logging
import sys
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

from shelter_app import __version__, logsafety
from shelter_app.core.errors import UserError
from shelter_app.core.urls import mask_urls_in

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5a00;"


def ui_language() -> str:
    return "es" if QLocale().language() == QLocale.Language.Spanish else "en"


def show_user_error(parent: QWidget | None, error: UserError, title: str | None = None) -> None:
    from PySide6.QtWidgets import QMessageBox  # dialogs load when first needed, not at start-up

    QMessageBox.warning(parent, title or QCoreApplication.translate("Errors", "ShelterDesk"),
                        error.message(ui_language()))


def crash_report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    import platform  # only when there is a report to write
    import traceback

    lines = [
        f"ShelterDesk {__version__}",
        f"Python {platform.python_version()} on {platform.platform()}",
        "",
        *traceback.format_exception(exc_type, exc, tb),
    ]
    # a report is copied and sent: a database URL quoted in a message never keeps its password
    return mask_urls_in("\n".join(line.rstrip("\n") for line in lines))


def handle_error(parent: QWidget | None, error: BaseException) -> None:
    """The one place errors from jobs end up: user errors as messages, bugs in the crash dialog."""
    if isinstance(error, UserError):
        show_user_error(parent, error)
        return
    log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    from shelter_app.ui.crashdialog import CrashDialog

    CrashDialog(crash_report(type(error), error, error.__traceback__), parent).exec()


class CrashHandler:
    """Installs the Python excepthook and faulthandler for the lifetime of the GUI."""

    def __init__(self, crash_log: Path) -> None:
        self.crash_log = crash_log
        self._log_file: IO[str] | None = None
        self._busy = False

    def previous_crash(self) -> str | None:
        """The faulthandler log of a hard crash in the last session, if there was one."""
        try:
            text = self.crash_log.read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            return None
        return text or None

    def install(self) -> None:
        logsafety.install()  # log records from now on never carry a URL's password
        self.crash_log.parent.mkdir(parents=True, exist_ok=True)
        self._log_file = self.crash_log.open("w", encoding="utf-8")
        faulthandler.enable(file=self._log_file, all_threads=True)
        sys.excepthook = self.excepthook

    def uninstall(self) -> None:
        """A clean exit: no crash to report next time."""
        sys.excepthook = sys.__excepthook__
        if self._log_file is not None:
            faulthandler.disable()
            self._log_file.close()
            self._log_file = None
            self.crash_log.write_text("", encoding="utf-8")

    def excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if self._busy:  # an error while showing the dialog: don't loop
            sys.__excepthook__(exc_type, exc, tb)
            return
        self._busy = True
        from PySide6.QtWidgets import QApplication

        from shelter_app.ui.crashdialog import CrashDialog

        try:
            if isinstance(exc, UserError):
                show_user_error(QApplication.activeWindow(), exc)
            else:
                log.error("uncaught exception", exc_info=(exc_type, exc, tb))
                CrashDialog(crash_report(exc_type, exc, tb), QApplication.activeWindow()).exec()
        finally:
            self._busy = False

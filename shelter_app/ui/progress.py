"""Long work with a progress bar and a Cancel button, run on the DB worker.

The job receives `progress(done, total)` and `cancelled()`; it reports from the worker
thread through a queued signal, and Cancel only raises a flag the job checks, so the
job stops at a safe point and cleans up after itself (a half backup is deleted).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from shelter_app.ui.worker import DbRunner

Job = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class _Relay(QObject):
    progressed = Signal(int, int)


class CancellableTask:
    """Run `job` with a progress dialog; `on_done(result)` or `on_error(error)` afterwards."""

    def __init__(self, parent: QWidget, runner: DbRunner, title: str, label: str, job: Job,
                 on_done: Callable[[Any], None], on_error: Callable[[BaseException], None] | None = None, *,
                 show_at_once: bool = False) -> None:
        self.cancel_requested = threading.Event()
        self.dialog = QProgressDialog(label, QCoreApplication.translate("CancellableTask", "Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)  # quick jobs finish without a flash of dialog
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel_requested.set)
        self._relay = _Relay()
        self._relay.progressed.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._on_done, self._on_error = on_done, on_error

        def start() -> None:
            runner.run(lambda: job(self._relay.progressed.emit, self.cancel_requested.is_set), self._done,
                       self._failed)

        if show_at_once:  # a job known to be long: the dialog is up (and the window blocked) before it starts, so
            self.dialog.setMinimumDuration(0)  # showing it never waits on a worker holding the interpreter
            self.dialog.show()
            QTimer.singleShot(0, start)
        else:
            start()

    def _show(self, done: int, total: int) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def _done(self, result: Any) -> None:
        self.dialog.close()
        self._on_done(result)

    def _failed(self, error: BaseException) -> None:
        self.dialog.close()
        if self._on_error is None:
            raise error
        self._on_error(error)

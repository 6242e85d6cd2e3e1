"""One serialized worker for database jobs (Anki's taskman): the UI thread never waits on I/O.

Jobs run one at a time on a single background thread, in the order they were queued;
their result or error is delivered back on the UI thread. Tests pass `immediate=True`
to run each job at once, synchronously (Picard's injectable executor).
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)

OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


class DbRunner(QObject):
    """Run callables off the UI thread, one at a time; `busy_changed` drives a busy indicator."""

    busy_changed = Signal(bool)
    # Only a ticket number crosses threads; the job's outcome (any Python object) waits in
    # `_outcomes` until the UI thread picks it up, so no Python object is marshalled by Qt.
    _finished = Signal(int)

    def __init__(self, *, immediate: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.immediate = immediate
        self._pool = None if immediate else ThreadPoolExecutor(max_workers=1, thread_name_prefix="shelter-db")
        self._pending = 0
        self._tickets = itertools.count(1)
        self._outcomes: dict[int, tuple[Future[Any], OnDone | None, OnError | None]] = {}
        self._lock = threading.Lock()
        self._finished.connect(self._deliver_ticket, Qt.ConnectionType.QueuedConnection)
        self.default_error: OnError | None = None

    def run(self, job: Callable[[], Any], on_done: OnDone | None = None, on_error: OnError | None = None) -> None:
        self._set_pending(+1)
        if self._pool is None:
            future: Future[Any] = Future()
            try:
                future.set_result(job())
            except BaseException as exc:  # delivered to on_error like the threaded path
                future.set_exception(exc)
            self._deliver(future, on_done, on_error)
            return
        ticket = next(self._tickets)
        submitted = self._pool.submit(job)
        with self._lock:
            self._outcomes[ticket] = (submitted, on_done, on_error)
        submitted.add_done_callback(lambda _f: self._finished.emit(ticket))

    def _deliver_ticket(self, ticket: int) -> None:
        with self._lock:
            future, on_done, on_error = self._outcomes.pop(ticket)
        self._deliver(future, on_done, on_error)

    def _deliver(self, future: Future[Any], on_done: OnDone | None, on_error: OnError | None) -> None:
        self._set_pending(-1)
        error = future.exception()
        if error is None:
            if on_done is not None:
                on_done(future.result())
            return
        handler = on_error or self.default_error
        if handler is None:
            raise error
        handler(error)

    def _set_pending(self, delta: int) -> None:
        before = self._pending
        self._pending += delta
        if (before == 0) != (self._pending == 0):
            self.busy_changed.emit(self._pending > 0)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def shutdown(self) -> None:
        """Finish queued jobs (a save in flight is never dropped), then stop the thread."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)

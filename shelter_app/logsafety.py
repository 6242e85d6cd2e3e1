"""No password in a log line: every record is masked when it is made, whoever logs it and wherever it goes.

A log record factory rather than a filter: a filter acts only on the handler or logger
it is attached to (ShelterDesk configures no handler; Python's last-resort handler and
third-party loggers would slip past it), while the factory sees every record of every
logger. The message is formatted once and the URL passwords in it replaced
(`core.urls.mask_urls_in`); a traceback is formatted and masked the same way into
`exc_text`, which logging's formatters print instead of formatting it again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from shelter_app.core.urls import mask_urls_in

_FORMATTER = logging.Formatter()


def redact(record: logging.LogRecord) -> logging.LogRecord:
    """`record` with the password of every URL in its message, traceback and stack masked."""
    try:
        message = record.getMessage()
    except Exception:  # a bad format string: left for logging to report when it is emitted
        return record
    record.msg, record.args = mask_urls_in(message), None
    if record.exc_info and record.exc_info[0] is not None and not record.exc_text:
        record.exc_text = mask_urls_in(_FORMATTER.formatException(record.exc_info))
    if record.stack_info:
        record.stack_info = mask_urls_in(record.stack_info)
    return record


class _MaskedRecords:
    """The record factory: the one before it makes the record, then it is masked."""

    def __init__(self, make: Callable[..., logging.LogRecord]) -> None:
        self.make = make

    def __call__(self, *args: Any, **kwargs: Any) -> logging.LogRecord:
        return redact(self.make(*args, **kwargs))


def install() -> None:
    """Mask every log record from now on (idempotent; the GUI and the CLI call it at start)."""
    current = logging.getLogRecordFactory()
    if not isinstance(current, _MaskedRecords):
        logging.setLogRecordFactory(_MaskedRecords(current))

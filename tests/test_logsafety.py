"""No password in a log line, whoever logs it: the record factory masks every URL's password."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from shelter_app import logsafety


@pytest.fixture
def masked_logging() -> Iterator[None]:
    before = logging.getLogRecordFactory()
    logsafety.install()
    logsafety.install()  # twice is once
    yield
    logging.setLogRecordFactory(before)


def test_messages_tracebacks_and_stacks_lose_url_passwords(masked_logging: None,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    third_party = logging.getLogger("somelibrary.engine")  # not ours, no handler of its own
    with caplog.at_level(logging.INFO):
        third_party.warning("connecting to %s", "postgresql://ana:s3cret@db/shelterdesk")
        try:
            raise ValueError("Could not parse 'mysql://root:s3cret@h/db'")
        except ValueError:
            logging.getLogger("shelter_app.test").exception("opening %r failed", "mysql://root:s3cret@h/db",
                                                            stack_info=True)
        logging.getLogger("shelter_app.test").warning("no URL here: %d%%", 5)
    assert "s3cret" not in caplog.text
    assert "postgresql://ana:***@db/shelterdesk" in caplog.text and "mysql://root:***@h/db" in caplog.text
    assert "ValueError" in caplog.text and "no URL here: 5%" in caplog.text
    assert all("s3cret" not in record.getMessage() for record in caplog.records)


def test_a_broken_format_is_left_for_logging_to_report(masked_logging: None) -> None:
    record = logging.getLogger("shelter_app.test").makeRecord("x", logging.INFO, "f", 1, "%d", ("x",), None)
    assert (record.msg, record.args) == ("%d", ("x",))

"""Backup rotation: the newest N, plus one a day for a week and one a week for two months."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from shelter_app.core.retention import DAYS, WEEKS, kept

NOW = datetime(2026, 12, 7, 18, 0, tzinfo=UTC)
moments = st.lists(st.integers(0, 200 * 24).map(lambda hours: NOW - timedelta(hours=hours)), max_size=300)


@given(moments, st.integers(1, 30))
def test_the_newest_are_kept_and_the_set_stays_bounded(times: list[datetime], last: int) -> None:
    keep = kept(times, last=last, now=NOW)
    assert keep <= set(times)
    assert set(sorted(set(times), reverse=True)[:last]) <= keep
    assert len(keep) <= last + DAYS + WEEKS + 1
    assert kept(keep, last=last, now=NOW) == keep  # rotating again deletes nothing more


@given(moments)
def test_each_recent_day_and_week_keeps_its_newest(times: list[datetime]) -> None:
    keep = kept(times, last=1, now=NOW)
    for moment in times:
        if (NOW.date() - moment.date()).days < DAYS:
            same_day = [t for t in times if t.date() == moment.date()]
            assert max(same_day) in keep


def test_hourly_backups_for_a_year_leave_a_handful() -> None:
    hourly = [NOW - timedelta(hours=h) for h in range(365 * 24)]
    keep = kept(hourly, last=10, now=NOW)
    assert len(keep) <= 10 + DAYS + WEEKS + 1
    assert NOW in keep and min(keep) >= NOW - timedelta(weeks=WEEKS + 1)

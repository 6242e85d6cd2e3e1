"""Which backups to keep: the newest few, plus one a day and one a week going back.

`kept` decides for a list of backup times, so a backup made every hour for months leaves a bounded set: the newest
`last` ones, the newest of each of the last `days` calendar days and the newest of each of the last `weeks` ISO
weeks. What it does not keep is deleted by the caller.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

DAYS = 7
WEEKS = 8


def kept(times: Iterable[datetime], *, last: int, now: datetime, days: int = DAYS, weeks: int = WEEKS
         ) -> set[datetime]:
    """The backup times to keep out of `times` (aware datetimes; `last` at least 1)."""
    newest_first = sorted(set(times), reverse=True)
    keep = set(newest_first[:max(last, 1)])
    day_horizon = now.date() - timedelta(days=days - 1)
    week_horizon = now.date() - timedelta(weeks=weeks - 1)
    seen_days: set[object] = set()
    seen_weeks: set[object] = set()
    for moment in newest_first:
        day = moment.date()
        if day >= day_horizon and day not in seen_days:
            seen_days.add(day)
            keep.add(moment)
        week = day.isocalendar()[:2]
        if day >= week_horizon - timedelta(days=6) and week not in seen_weeks:
            seen_weeks.add(week)
            keep.add(moment)
    return keep

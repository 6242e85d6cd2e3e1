"""The Mexican business-day calendar: weekends plus the statutory rest days of LFT art. 74.

Checklist due dates and legal terms ("within 10 business days") are counted on this calendar.
Only the rest days of the Ley Federal del Trabajo are built in; election days (art. 74 fr. IX)
and any other closure the consultant knows about are passed in as extra dates. Note that tax
terms under CFF art. 12 use a different list (SAT vacation periods, Holy Week...), which this
module does not model.

Counting convention, the same as Excel's WORKDAY and pandas' BDay, used by `schedule` too:

* `add_business_days(d, n)` for n >= 1 is the n-th business day strictly after `d`
  (Friday + 1 is Monday; Saturday + 1 is also Monday).
* `add_business_days(d, 0)` is `d` itself if it is a business day, else the next one.
* `business_days_between(a, b)` counts the business days in (a, b], negative when b < a, so
  `business_days_between(d, add_business_days(d, n)) == n` for every n >= 1 (and for n == 0
  when `d` is a business day).
"""

from __future__ import annotations

import calendar
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Final

from shelter_app.core.errors import ValidationError

_Date = date  # the Holiday field is called `date`; this keeps the type reachable inside the class

# First years of each rule, as the LFT reforms set them (all rules apply from the 1970 LFT on;
# earlier years get the 1970 rules, which is good enough for a planning tool).
MONDAY_HOLIDAYS_SINCE: Final = 2006
"""DOF 17 Jan 2006: 5 Feb and 20 Nov rested on the first / third Monday of their month."""
MONDAY_JUAREZ_SINCE: Final = 2007
"""Same reform, fr. III in force from 2007: 21 Mar 2006 (Juárez's bicentenary) kept its date."""
OCTOBER_INAUGURATION_SINCE: Final = 2024
"""DOF 30 Sep 2024: the inauguration rest day moved from 1 December to 1 October."""


@dataclass(frozen=True, slots=True, order=True)
class Holiday:
    """One rest day with its name in both shipped languages, so the GUI can label the calendar."""

    date: _Date
    name_en: str
    name_es: str

    def name(self, language: str = "en") -> str:
        """The name in `language` ("en", "es", "es_MX"...); English otherwise."""
        return self.name_es if language.lower().startswith("es") else self.name_en


EXTRA_HOLIDAY_EN: Final = "Additional rest day (e.g. election day)"
EXTRA_HOLIDAY_ES: Final = "Día de descanso adicional (p. ej., jornada electoral)"


def _nth_monday(year: int, month: int, nth: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(7 - first.weekday()) % 7 + 7 * (nth - 1))


def _is_inauguration_year(year: int) -> bool:
    # Six-year terms since 1934: 1934, ..., 2018, 2024, 2030 (all == 2 mod 6).
    return year % 6 == 2


def mexican_holidays(year: int) -> dict[date, Holiday]:
    """The statutory rest days of LFT art. 74 in `year`, in date order.

    Election days (fr. IX) are not included: they depend on the electoral calendar of each
    state, so callers pass them to `BusinessCalendar` as extra holidays.
    """
    if year >= MONDAY_HOLIDAYS_SINCE:
        constitution, revolution = _nth_monday(year, 2, 1), _nth_monday(year, 11, 3)
    else:
        constitution, revolution = date(year, 2, 5), date(year, 11, 20)
    juarez = _nth_monday(year, 3, 3) if year >= MONDAY_JUAREZ_SINCE else date(year, 3, 21)
    days = [
        Holiday(date(year, 1, 1), "New Year's Day", "Año Nuevo"),
        Holiday(constitution, "Constitution Day (5 February)", "Día de la Constitución (5 de febrero)"),
        Holiday(juarez, "Benito Juárez's birthday (21 March)", "Natalicio de Benito Juárez (21 de marzo)"),
        Holiday(date(year, 5, 1), "Labor Day", "Día del Trabajo"),
        Holiday(date(year, 9, 16), "Independence Day", "Día de la Independencia"),
        Holiday(revolution, "Revolution Day (20 November)", "Día de la Revolución (20 de noviembre)"),
        Holiday(date(year, 12, 25), "Christmas Day", "Navidad"),
    ]
    if _is_inauguration_year(year):
        month = 10 if year >= OCTOBER_INAUGURATION_SINCE else 12
        days.append(Holiday(date(year, month, 1), "Presidential inauguration",
                            "Transmisión del Poder Ejecutivo Federal"))
    return {h.date: h for h in sorted(days)}


def _out_of_range() -> ValidationError:
    return ValidationError(
        "The date falls outside the calendar (years 1 to 9999); check the dates and durations.",
        "La fecha queda fuera del calendario (años 1 a 9999); revise las fechas y las duraciones.",
        field="date",
    )


class BusinessCalendar:
    """Business days with a fixed set of extra holidays, computed once per year and cached.

    Each year is kept as the sorted ordinals of its business days, so adding or counting n days
    is a binary search plus one step per year crossed, whatever n is.
    """

    __slots__ = ("_extra", "_holidays", "_ordinals", "_sets")

    def __init__(self, extra_holidays: Iterable[date] = ()) -> None:
        self._extra: frozenset[date] = frozenset(extra_holidays)
        self._holidays: dict[int, dict[date, Holiday]] = {}
        self._ordinals: dict[int, tuple[int, ...]] = {}
        self._sets: dict[int, frozenset[int]] = {}

    def __repr__(self) -> str:
        extra = ", ".join(d.isoformat() for d in sorted(self._extra))
        return f"BusinessCalendar(extra_holidays=[{extra}])"

    @property
    def extra_holidays(self) -> frozenset[date]:
        return self._extra

    def holidays(self, year: int) -> dict[date, Holiday]:
        """Statutory rest days plus this calendar's extra dates in `year`, in date order."""
        cached = self._holidays.get(year)
        if cached is None:
            found = mexican_holidays(year)
            for extra in self._extra:
                if extra.year == year and extra not in found:
                    found[extra] = Holiday(extra, EXTRA_HOLIDAY_EN, EXTRA_HOLIDAY_ES)
            cached = self._holidays[year] = dict(sorted(found.items()))
        return cached

    def _year(self, year: int) -> tuple[int, ...]:
        ordinals = self._ordinals.get(year)
        if ordinals is None:
            if not 1 <= year <= 9999:
                raise _out_of_range()
            closed = self.holidays(year)
            first = date(year, 1, 1).toordinal()
            days = 366 if calendar.isleap(year) else 365
            ordinals = tuple(
                o for o in range(first, first + days)
                if (o - 1) % 7 < 5 and date.fromordinal(o) not in closed  # ordinal 1 is a Monday
            )
            self._sets[year] = frozenset(ordinals)  # before _ordinals: is_business_day relies on the order
            self._ordinals[year] = ordinals
        return ordinals

    def is_business_day(self, d: date) -> bool:
        if d.weekday() >= 5:
            return False
        if d.year not in self._sets:
            self._year(d.year)
        return d.toordinal() in self._sets[d.year]

    def add(self, start: date, n: int) -> date:
        """The n-th business day after `start` (n >= 0; see the module docstring for n == 0)."""
        if n < 0:
            raise ValueError(f"n must be >= 0, not {n}; use subtract() to go back")
        year = start.year
        days = self._year(year)
        # 0-based index, within `year`, of the answer.
        index = bisect_left(days, start.toordinal()) if n == 0 else bisect_right(days, start.toordinal()) + n - 1
        while index >= len(days):
            index -= len(days)
            year += 1
            days = self._year(year)
        return date.fromordinal(days[index])

    def subtract(self, start: date, n: int) -> date:
        """The n-th business day before `start` (n >= 0; 0 gives `start` or the business day before)."""
        if n < 0:
            raise ValueError(f"n must be >= 0, not {n}; use add() to go forward")
        year = start.year
        days = self._year(year)
        index = (bisect_right(days, start.toordinal()) if n == 0 else bisect_left(days, start.toordinal()) - n + 1) - 1
        while index < 0:
            year -= 1
            days = self._year(year)
            index += len(days)
        return date.fromordinal(days[index])

    def between(self, a: date, b: date) -> int:
        """Business days in (a, b]; minus those in (b, a] when b comes first."""
        if b < a:
            return -self.between(b, a)
        first, last = self._year(a.year), self._year(b.year)
        if a.year == b.year:
            return bisect_right(first, b.toordinal()) - bisect_right(first, a.toordinal())
        count = len(first) - bisect_right(first, a.toordinal()) + bisect_right(last, b.toordinal())
        return count + sum(len(self._year(y)) for y in range(a.year + 1, b.year))

    def next_business_day(self, d: date) -> date:
        """The first business day strictly after `d`."""
        return self.add(d, 1)

    def previous_business_day(self, d: date) -> date:
        """The last business day strictly before `d`."""
        return self.subtract(d, 1)

    def last_business_day_of_month(self, year: int, month: int) -> date:
        """E.g. the IMMEX annual report deadline: the last business day of May."""
        if not 1 <= month <= 12:
            raise ValueError(f"month must be 1..12, not {month}")
        return self.subtract(date(year, month, calendar.monthrange(year, month)[1]), 0)


DEFAULT_CALENDAR: Final = BusinessCalendar()
"""The statutory calendar with no extra dates, shared so its per-year cache is reused."""


@lru_cache(maxsize=64)
def _calendar(extra_holidays: frozenset[date]) -> BusinessCalendar:
    return DEFAULT_CALENDAR if not extra_holidays else BusinessCalendar(extra_holidays)


def is_business_day(d: date, extra_holidays: Iterable[date] = frozenset()) -> bool:
    """Monday to Friday and not a statutory rest day nor one of `extra_holidays`."""
    return _calendar(frozenset(extra_holidays)).is_business_day(d)


def add_business_days(start: date, n: int, extra_holidays: Iterable[date] = frozenset()) -> date:
    """The n-th business day after `start`; n == 0 rolls `start` forward to a business day."""
    return _calendar(frozenset(extra_holidays)).add(start, n)


def subtract_business_days(start: date, n: int, extra_holidays: Iterable[date] = frozenset()) -> date:
    """The n-th business day before `start`; n == 0 rolls `start` back to a business day."""
    return _calendar(frozenset(extra_holidays)).subtract(start, n)


def business_days_between(a: date, b: date, extra_holidays: Iterable[date] = frozenset()) -> int:
    """Business days in (a, b], i.e. how many to add to `a` to reach `b`; negative if b < a."""
    return _calendar(frozenset(extra_holidays)).between(a, b)


def next_business_day(d: date, extra_holidays: Iterable[date] = frozenset()) -> date:
    """The first business day strictly after `d`."""
    return _calendar(frozenset(extra_holidays)).next_business_day(d)


def previous_business_day(d: date, extra_holidays: Iterable[date] = frozenset()) -> date:
    """The last business day strictly before `d`."""
    return _calendar(frozenset(extra_holidays)).previous_business_day(d)


def last_business_day_of_month(year: int, month: int, extra_holidays: Iterable[date] = frozenset()) -> date:
    """E.g. the IMMEX annual report deadline: the last business day of May."""
    return _calendar(frozenset(extra_holidays)).last_business_day_of_month(year, month)

"""The Mexican business-day calendar: LFT art. 74 rest days, weekends, and business-day arithmetic."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shelter_app.core.business_days import (
    EXTRA_HOLIDAY_EN,
    BusinessCalendar,
    Holiday,
    add_business_days,
    business_days_between,
    is_business_day,
    last_business_day_of_month,
    mexican_holidays,
    next_business_day,
    previous_business_day,
    subtract_business_days,
)
from shelter_app.core.errors import ValidationError

dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2200, 12, 31))
counts = st.integers(min_value=0, max_value=600)
extra_dates = st.frozensets(st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)), max_size=30)


def _naive_is_business_day(d: date, extra: frozenset[date] = frozenset()) -> bool:
    """The definition, spelled out: a weekday that is neither a statutory nor an extra rest day."""
    return d.weekday() < 5 and d not in mexican_holidays(d.year) and d not in extra


def _naive_add(start: date, n: int, extra: frozenset[date] = frozenset()) -> date:
    d = start
    if n == 0:
        while not _naive_is_business_day(d, extra):
            d += timedelta(days=1)
        return d
    while n:
        d += timedelta(days=1)
        n -= _naive_is_business_day(d, extra)
    return d


def _naive_between(a: date, b: date, extra: frozenset[date] = frozenset()) -> int:
    lo, hi, sign = (a, b, 1) if a <= b else (b, a, -1)
    return sign * sum(_naive_is_business_day(lo + timedelta(days=k), extra) for k in range(1, (hi - lo).days + 1))


# --- the holidays ------------------------------------------------------------------------------------------


def test_2026_holidays() -> None:
    assert {d: h.name_en for d, h in mexican_holidays(2026).items()} == {
        date(2026, 1, 1): "New Year's Day",
        date(2026, 2, 2): "Constitution Day (5 February)",
        date(2026, 3, 16): "Benito Juárez's birthday (21 March)",
        date(2026, 5, 1): "Labor Day",
        date(2026, 9, 16): "Independence Day",
        date(2026, 11, 16): "Revolution Day (20 November)",
        date(2026, 12, 25): "Christmas Day",
    }
    assert list(mexican_holidays(2026)) == sorted(mexican_holidays(2026))


def test_2025_holidays() -> None:
    assert list(mexican_holidays(2025)) == [
        date(2025, 1, 1), date(2025, 2, 3), date(2025, 3, 17), date(2025, 5, 1),
        date(2025, 9, 16), date(2025, 11, 17), date(2025, 12, 25),
    ]


@pytest.mark.parametrize(
    "day",
    [
        date(2024, 10, 1),  # first inauguration on 1 October (LFT reform DOF 30 Sep 2024)
        date(2030, 10, 1),
        date(2036, 10, 1),
        date(2018, 12, 1),  # inaugurations before the reform were on 1 December
        date(2012, 12, 1),
        date(2006, 12, 1),
        date(2000, 12, 1),
        date(2026, 2, 2),  # first Monday of February
        date(2026, 3, 16),  # third Monday of March
        date(2026, 11, 16),  # third Monday of November
        date(2006, 2, 6),  # the Monday rule started in 2006 for February and November...
        date(2006, 3, 21),  # ...but Juárez's bicentenary kept 21 March; Monday from 2007
        date(2007, 3, 19),
        date(2005, 2, 5),  # before 2006 the commemorations were rested on their own dates
        date(2005, 11, 20),
    ],
    ids=str,
)
def test_known_holidays(day: date) -> None:
    assert day in mexican_holidays(day.year)
    assert not is_business_day(day)


@pytest.mark.parametrize(
    "day",
    [
        date(2024, 12, 2),  # Monday after 1 December 2024: the inauguration moved to October
        date(2026, 2, 5),  # the commemorated dates themselves are working days now
        date(2026, 3, 20),
        date(2026, 11, 20),
        date(2030, 12, 2),
        date(2025, 10, 1),  # 1 October only in inauguration years
        date(2026, 12, 24),
        date(2026, 4, 2),  # Holy Thursday is not an LFT rest day
        date(2026, 11, 2),  # nor the Day of the Dead
        date(2026, 12, 14),
    ],
    ids=str,
)
def test_known_working_days(day: date) -> None:
    assert day.weekday() < 5
    assert is_business_day(day)


def test_inauguration_day_only_in_its_month() -> None:
    assert date(2024, 12, 1) not in mexican_holidays(2024)
    assert date(2018, 10, 1) not in mexican_holidays(2018)
    assert not any(h.name_en == "Presidential inauguration" for h in mexican_holidays(2027).values())


def test_holiday_carries_both_languages_and_is_frozen() -> None:
    holiday = mexican_holidays(2026)[date(2026, 9, 16)]
    assert holiday == Holiday(date(2026, 9, 16), "Independence Day", "Día de la Independencia")
    assert holiday.name("es_MX") == "Día de la Independencia"
    assert holiday.name("en") == holiday.name() == "Independence Day"
    with pytest.raises(dataclasses.FrozenInstanceError):
        holiday.name_en = "x"  # type: ignore[misc]
    for h in mexican_holidays(2024).values():
        assert h.name_en.strip() and h.name_es.strip()


@given(st.integers(min_value=2007, max_value=2400))
def test_monday_holidays_fall_in_their_week(year: int) -> None:
    holidays = mexican_holidays(year)
    assert len(holidays) == (8 if (year - 2024) % 6 == 0 else 7)
    by_month = {d.month: d for d in holidays if d.month in (2, 3, 11)}
    assert by_month[2].weekday() == 0 and 1 <= by_month[2].day <= 7
    assert by_month[3].weekday() == 0 and 15 <= by_month[3].day <= 21
    assert by_month[11].weekday() == 0 and 15 <= by_month[11].day <= 21
    assert all(d.year == year for d in holidays)


# --- business days -------------------------------------------------------------------------------------------


def test_weekends_are_not_business_days() -> None:
    assert not is_business_day(date(2026, 1, 3))
    assert not is_business_day(date(2026, 1, 4))
    assert is_business_day(date(2026, 1, 5))


def test_extra_holidays_close_a_weekday() -> None:
    local_election = date(2027, 6, 9)  # a Wednesday, as a stand-in for a local election day
    assert is_business_day(local_election)
    assert not is_business_day(local_election, frozenset({local_election}))
    assert add_business_days(date(2027, 6, 8), 1, frozenset({local_election})) == date(2027, 6, 10)
    assert add_business_days(date(2027, 6, 8), 1, {local_election}) == date(2027, 6, 10)  # any collection


def test_calendar_lists_extra_days_without_renaming_statutory_ones() -> None:
    election, christmas = date(2027, 6, 6), date(2027, 12, 25)
    cal = BusinessCalendar([election, christmas])
    holidays = cal.holidays(2027)
    assert holidays[election].name_en == EXTRA_HOLIDAY_EN and holidays[election].name_es
    assert holidays[christmas].name_en == "Christmas Day"
    assert list(holidays) == sorted(holidays)
    assert cal.extra_holidays == frozenset({election, christmas})
    assert "2027-06-06" in repr(cal)
    assert election not in BusinessCalendar().holidays(2027)


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2026, 1, 5), 0, date(2026, 1, 5)),  # a business day, zero days: itself
        (date(2026, 1, 3), 0, date(2026, 1, 5)),  # Saturday, zero days: rolls to Monday
        (date(2026, 1, 2), 1, date(2026, 1, 5)),  # Friday + 1: Monday
        (date(2026, 1, 3), 1, date(2026, 1, 5)),  # Saturday + 1: Monday too
        (date(2026, 1, 30), 1, date(2026, 2, 3)),  # skips the Constitution Monday
        (date(2026, 3, 13), 1, date(2026, 3, 17)),  # skips Juárez Monday
        (date(2026, 12, 24), 1, date(2026, 12, 28)),  # Christmas on a Friday
        (date(2026, 12, 31), 1, date(2027, 1, 4)),  # New Year's Day on a Friday, across the year
        (date(2024, 9, 30), 1, date(2024, 10, 2)),  # the inauguration of 1 October 2024
        (date(2026, 1, 1), 254, date(2026, 12, 31)),  # all 254 business days of 2026
        (date(2026, 1, 1), 255, date(2027, 1, 4)),  # then over New Year's Day
        (date(2026, 1, 5), 10, date(2026, 1, 19)),
    ],
    ids=str,
)
def test_add_business_days(start: date, n: int, expected: date) -> None:
    assert add_business_days(start, n) == expected
    assert add_business_days(start, n) == _naive_add(start, n)


def test_subtract_and_neighbours() -> None:
    assert subtract_business_days(date(2026, 2, 3), 1) == date(2026, 1, 30)
    assert subtract_business_days(date(2026, 2, 2), 0) == date(2026, 1, 30)  # holiday rolls back
    assert subtract_business_days(date(2026, 1, 30), 0) == date(2026, 1, 30)
    assert subtract_business_days(date(2027, 1, 4), 1) == date(2026, 12, 31)
    assert next_business_day(date(2026, 5, 29)) == date(2026, 6, 1)
    assert previous_business_day(date(2026, 5, 4)) == date(2026, 4, 30)  # 1 May is a Friday holiday


def test_negative_counts_are_a_programming_error() -> None:
    with pytest.raises(ValueError, match="n must be >= 0"):
        add_business_days(date(2026, 1, 5), -1)
    with pytest.raises(ValueError, match="n must be >= 0"):
        subtract_business_days(date(2026, 1, 5), -1)


def test_running_off_the_calendar_is_a_validation_error() -> None:
    with pytest.raises(ValidationError) as caught:
        add_business_days(date(9999, 12, 20), 30)
    assert caught.value.en and caught.value.es and caught.value.en != caught.value.es
    assert caught.value.field == "date"
    with pytest.raises(ValidationError):
        subtract_business_days(date(1, 1, 5), 30)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (date(2026, 1, 5), date(2026, 1, 5), 0),
        (date(2026, 1, 2), date(2026, 1, 5), 1),  # Friday to Monday
        (date(2026, 1, 5), date(2026, 1, 2), -1),
        (date(2026, 1, 3), date(2026, 1, 4), 0),  # a weekend holds no business day
        (date(2026, 1, 30), date(2026, 2, 6), 4),  # a week with the Constitution Monday
        (date(2026, 1, 1), date(2027, 1, 1), 254),  # 261 weekdays, 7 of them holidays
        (date(2025, 12, 31), date(2028, 1, 3), _naive_between(date(2025, 12, 31), date(2028, 1, 3))),
    ],
    ids=str,
)
def test_business_days_between(a: date, b: date, expected: int) -> None:
    assert business_days_between(a, b) == expected


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2026, date(2026, 5, 29)), (2025, date(2025, 5, 30)), (2027, date(2027, 5, 31)), (2031, date(2031, 5, 30))],
    ids=str,
)
def test_immex_annual_report_deadline(year: int, expected: date) -> None:
    assert last_business_day_of_month(year, 5) == expected


def test_last_business_day_skips_extra_holidays_and_checks_the_month() -> None:
    assert last_business_day_of_month(2026, 5, frozenset({date(2026, 5, 29)})) == date(2026, 5, 28)
    assert last_business_day_of_month(2026, 12) == date(2026, 12, 31)
    assert last_business_day_of_month(2027, 2) == date(2027, 2, 26)
    with pytest.raises(ValueError, match="month"):
        last_business_day_of_month(2026, 13)


def test_calendar_caches_each_year() -> None:
    cal = BusinessCalendar()
    assert cal.holidays(2026) is cal.holidays(2026)
    assert cal.add(date(2026, 1, 5), 500) == _naive_add(date(2026, 1, 5), 500)


# --- properties -------------------------------------------------------------------------------------------


@given(dates, counts)
def test_add_then_count_round_trips(start: date, n: int) -> None:
    end = add_business_days(start, n)
    if n > 0 or is_business_day(start):
        assert business_days_between(start, end) == n
    assert business_days_between(end, start) == -business_days_between(start, end)


@given(dates, counts, extra_dates)
def test_result_is_always_a_business_day(start: date, n: int, extra: frozenset[date]) -> None:
    end = add_business_days(start, n, extra)
    assert end.weekday() < 5
    assert end not in mexican_holidays(end.year)
    assert end not in extra
    assert is_business_day(end, extra)
    back = subtract_business_days(start, n, extra)
    assert back.weekday() < 5 and back not in mexican_holidays(back.year) and back not in extra


@given(dates, counts)
def test_monotonic_in_n_and_skips_nothing(start: date, n: int) -> None:
    here, there = add_business_days(start, n), add_business_days(start, n + 1)
    assert here <= there
    if n > 0:
        assert here < there
    assert here >= start
    # nothing between two consecutive answers is a business day
    day = here + timedelta(days=1)
    while day < there:
        assert not is_business_day(day)
        day += timedelta(days=1)


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2032, 12, 31)), st.integers(0, 60), extra_dates)
def test_matches_the_naive_definition(start: date, n: int, extra: frozenset[date]) -> None:
    assert is_business_day(start, extra) == _naive_is_business_day(start, extra)
    assert add_business_days(start, n, extra) == _naive_add(start, n, extra)
    other = start + timedelta(days=n * 3 - 90)
    assert business_days_between(start, other, extra) == _naive_between(start, other, extra)


@given(dates, counts)
def test_subtract_undoes_add(start: date, n: int) -> None:
    first = add_business_days(start, 0)
    assert subtract_business_days(add_business_days(first, n), n) == first
    assert previous_business_day(next_business_day(first)) == first


@given(dates)
def test_next_business_day_is_strictly_after(day: date) -> None:
    following = next_business_day(day)
    assert following > day
    assert business_days_between(day, following) == 1
    assert previous_business_day(day) < day

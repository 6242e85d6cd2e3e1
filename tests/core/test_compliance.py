"""The compliance calendar: each recurrence rule on known dates, what cannot be dated, and the
properties every calendar keeps (sorted, within the horizon, on business days when the rule
counts them, unique and stable UIDs)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shelter_app.core.bilingual import Text
from shelter_app.core.business_days import BusinessCalendar, is_business_day
from shelter_app.core.compliance import (
    Obligation,
    Reminder,
    Rule,
    UndatedKind,
    add_years,
    reminders,
    undated,
)

GRANT = "civa.gen.application"
START = date(2026, 3, 2)


def ob(rule: Rule, item_id: str = "x.item", **fields: Any) -> Obligation:
    return Obligation(item_id=item_id, title=Text("Do the thing", "Hacer la cosa"), rule=rule, **fields)


IMMEX_REPORT = Obligation(
    item_id="immex.annual_report", title=Text("File the annual foreign-trade report",
                                              "Presentar el reporte anual de operaciones de comercio exterior"),
    rule=Rule.ANNUAL_LAST_BUSINESS_DAY_OF_MONTH, month=5, month_with_flag_month=4, month_with_flag_flag="uses_prosec",
    note=Text("By the last business day of May.", "A más tardar el último día hábil de mayo."),
    legal_basis="Decreto IMMEX art. 25",
)
RENEWAL = ob(Rule.ANNUAL_BEFORE_EXPIRY, "civa.renewal", days=30, anchor=GRANT,
             anchor_title=Text("File the certification application", "Presentar la solicitud de certificación"))


def on_dates(found: list[Reminder], item_id: str | None = None) -> list[date]:
    return [r.on for r in found if item_id is None or r.item_id == item_id]


# --- each rule on known dates ------------------------------------------------------------------------------

def test_immex_report_on_the_last_business_day_of_may_or_april_with_prosec() -> None:
    plain = reminders([IMMEX_REPORT], {}, set(), START)
    assert on_dates(plain) == [date(2026, 5, 29), date(2027, 5, 31), date(2028, 5, 31)]  # 31 May 2026 is a Sunday
    prosec = reminders([IMMEX_REPORT], {}, {"uses_prosec"}, START)
    assert on_dates(prosec) == [date(2026, 4, 30), date(2027, 4, 30), date(2028, 4, 28)]
    assert prosec[0].title == Text("Due: File the annual foreign-trade report",
                                   "Vence: Presentar el reporte anual de operaciones de comercio exterior")
    assert prosec[0].description.en.splitlines()[0] == "Due on the last business day of April."
    assert prosec[0].description.es.splitlines()[0] == "Vence el último día hábil de abril."


def test_last_business_day_follows_the_calendar_given() -> None:
    closed = BusinessCalendar(extra_holidays=[date(2026, 5, 29)])
    assert on_dates(reminders([IMMEX_REPORT], {}, (), START, 1, closed)) == [date(2026, 5, 28)]


def test_annual_by_date() -> None:
    found = reminders([ob(Rule.ANNUAL_BY_DATE, month=6, day=30)], {}, (), date(2026, 7, 1), 2)
    assert on_dates(found) == [date(2027, 6, 30), date(2028, 6, 30)]  # 2026's has passed
    assert on_dates(reminders([ob(Rule.ANNUAL_BY_DATE, month=6, day=30)], {}, (), date(2026, 6, 30), 2)) == [
        date(2026, 6, 30), date(2027, 6, 30), date(2028, 6, 30)]


def test_the_horizon_includes_both_ends() -> None:
    rule = ob(Rule.ANNUAL_BY_DATE, month=3, day=2)
    assert on_dates(reminders([rule], {}, (), START, 2)) == [date(2026, 3, 2), date(2027, 3, 2), date(2028, 3, 2)]
    assert on_dates(reminders([rule], {}, (), START, 0)) == [START]
    with pytest.raises(ValueError, match="horizon_years"):
        reminders([rule], {}, (), START, -1)


def test_certification_renewal_30_days_before_each_yearly_expiry_from_the_grant() -> None:
    found = reminders([RENEWAL], {GRANT: date(2026, 3, 10)}, (), date(2026, 3, 10))
    assert on_dates(found) == [date(2027, 2, 8), date(2028, 2, 9), date(2029, 2, 8)]
    first = found[0]
    assert first.title == Text("Expires in 30 days: Do the thing", "Vence en 30 días naturales: Hacer la cosa")
    assert "expires on 2027-03-10" in first.description.en
    assert "vence el 2027-03-10" in first.description.es


def test_renewal_counted_in_business_days_lands_on_a_business_day() -> None:
    rule = ob(Rule.ANNUAL_BEFORE_EXPIRY, days=30, business_days=True, anchor=GRANT)
    found = reminders([rule], {GRANT: date(2026, 3, 10)}, (), START)
    # six working weeks before Wednesday 10 March 2027, one day earlier for Constitution Day (1 February)
    assert found[0].on == date(2027, 1, 26)
    assert len(found) == 3 and all(is_business_day(r.on) for r in found)  # 10 March 2029 is a Saturday
    assert "30 business days" in found[0].title.en and "30 días hábiles" in found[0].title.es


def test_no_grant_no_date_but_a_pending_note() -> None:
    assert reminders([RENEWAL], {}, (), START) == []
    [pending] = undated([RENEWAL], {})
    assert pending.kind is UndatedKind.PENDING_GRANT and pending.waits_for == GRANT
    assert "File the certification application" in pending.description.en
    assert "Presentar la solicitud de certificación" in pending.description.es
    assert undated([RENEWAL], {GRANT: START}) == []


def test_annex30_initial_inventory_within_30_days_of_the_grant_once() -> None:
    rule = ob(Rule.WITHIN_DAYS_OF_GRANT, "civa.obl.annex30_initial", days=30, anchor=GRANT)
    assert on_dates(reminders([rule], {GRANT: date(2026, 3, 10)}, (), START)) == [date(2026, 4, 9)]
    done = {GRANT: date(2026, 3, 10), "civa.obl.annex30_initial": date(2026, 3, 20)}
    assert reminders([rule], done, (), START) == []
    assert undated([rule], done) == []
    assert [u.waits_for for u in undated([rule], {})] == [GRANT]


def test_within_business_days_of_the_grant_skips_holidays() -> None:
    rule = ob(Rule.WITHIN_DAYS_OF_GRANT, days=5, business_days=True, anchor=GRANT)
    # Friday 13 March 2026 + 5 business days; Monday 16 March is Benito Juárez's day
    assert on_dates(reminders([rule], {GRANT: date(2026, 3, 13)}, (), START)) == [date(2026, 3, 23)]


def test_repse_every_three_years_counted_from_the_item_itself() -> None:
    rule = ob(Rule.EVERY_YEARS_BEFORE_EXPIRY, "labor.repse_check", years=3, days=90)
    found = reminders([rule], {"labor.repse_check": date(2026, 3, 5)}, (), START, 6)
    assert on_dates(found) == [date(2028, 12, 5), date(2031, 12, 6)]  # 90 days before 2029-03-05, 2032-03-05 (leap)
    [pending] = undated([rule], {})
    assert pending.waits_for == "labor.repse_check" and "this item is marked done" in pending.description.en


def test_annual_from_completion_and_29_february() -> None:
    rule = ob(Rule.ANNUAL_FROM_COMPLETION, "corp.rnie")
    found = reminders([rule], {"corp.rnie": date(2028, 2, 29)}, (), date(2028, 3, 1))
    assert on_dates(found) == [date(2029, 2, 28), date(2030, 2, 28), date(2031, 2, 28)]
    assert found[0].title.en == "Yearly renewal due: Do the thing"


def test_monthly_by_day_covers_the_whole_horizon() -> None:
    rule = ob(Rule.MONTHLY_BY_DAY, "immex.inegi_emim", day=20)
    found = on_dates(reminders([rule], {}, (), START))
    assert len(found) == 36
    assert found[0] == date(2026, 3, 20) and found[-1] == date(2029, 2, 20)
    late = on_dates(reminders([rule], {}, (), date(2026, 3, 25), 1))  # March's has passed: next March's comes in
    assert len(late) == 12 and late[0] == date(2026, 4, 20) and late[-1] == date(2027, 3, 20)
    assert len(on_dates(reminders([rule], {}, (), START, 0))) == 0
    assert len(on_dates(reminders([rule], {}, (), START, 10))) == 120


def test_monthly_day_31_falls_on_the_last_day_of_short_months() -> None:
    found = on_dates(reminders([ob(Rule.MONTHLY_BY_DAY, day=31)], {}, (), date(2027, 1, 1)))
    assert found[:4] == [date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 31), date(2027, 4, 30)]


def test_events_and_continuous_obligations_are_standing() -> None:
    notice = ob(Rule.WITHIN_DAYS_OF_EVENT, "immex.notify_changes", days=10, business_days=True,
                legal_basis="Reglas de la SE")
    unknown = ob(Rule.WITHIN_DAYS_OF_EVENT, "civa.obl.notice_merger")
    always = ob(Rule.CONTINUOUS, "immex.record_retention", note=Text("Five years.", "Cinco años."))
    assert reminders([notice, unknown, always], {}, (), START) == []
    found = {u.item_id: u for u in undated([notice, unknown, always], {})}
    assert found["immex.notify_changes"].kind is UndatedKind.ON_EVENT
    assert found["immex.notify_changes"].description.en.startswith("Due within 10 business days of each event.")
    assert "Fundamento legal: Reglas de la SE" in found["immex.notify_changes"].description.es
    assert "term is not known" in found["civa.obl.notice_merger"].description.en
    assert found["immex.record_retention"].kind is UndatedKind.CONTINUOUS
    assert "Cinco años." in found["immex.record_retention"].description.es


def test_description_carries_the_note_the_legal_basis_and_the_item() -> None:
    [first, *_] = reminders([IMMEX_REPORT], {}, (), START, project="Planta Juárez (Arneses)", uid_scope="project-7")
    assert first.description.en.splitlines() == [
        "Due on the last business day of May.", "By the last business day of May.",
        "Legal basis: Decreto IMMEX art. 25", "Checklist item: immex.annual_report"]
    assert first.description.es.splitlines()[-2:] == ["Fundamento legal: Decreto IMMEX art. 25",
                                                      "Tarea: immex.annual_report"]
    assert first.project == "Planta Juárez (Arneses)" and first.item_id == "immex.annual_report"
    assert first.uid == "project-7:immex.annual_report:2026-05-29"


def test_an_obligation_given_twice_or_missing_its_parameters_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="given twice"):
        reminders([IMMEX_REPORT, IMMEX_REPORT], {}, (), START)
    with pytest.raises(ValueError, match="needs day"):
        reminders([ob(Rule.MONTHLY_BY_DAY)], {}, (), START)


# --- properties --------------------------------------------------------------------------------------------

COUNTED = (Rule.ANNUAL_BEFORE_EXPIRY, Rule.EVERY_YEARS_BEFORE_EXPIRY, Rule.WITHIN_DAYS_OF_GRANT,
           Rule.WITHIN_DAYS_OF_EVENT)
ANCHORS = ("x.grant", "x.other")
days_around = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))


@st.composite
def obligation_lists(draw: st.DrawFn) -> list[Obligation]:
    """Obligations as valid packs write them (the parameters `content.checklists` requires per rule)."""
    found = []
    for n in range(draw(st.integers(0, 8))):
        rule = draw(st.sampled_from(Rule))
        month, day = draw(st.integers(1, 12)), draw(st.integers(1, 31))
        fields: dict[str, Any] = {"business_days": rule in COUNTED and draw(st.booleans())}
        if rule is Rule.ANNUAL_LAST_BUSINESS_DAY_OF_MONTH:
            fields["month"] = month
            if draw(st.booleans()):
                fields.update(month_with_flag_month=draw(st.integers(1, 12)), month_with_flag_flag="uses_prosec")
        elif rule is Rule.ANNUAL_BY_DATE:
            fields.update(month=month, day=min(day, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31))
        elif rule is Rule.MONTHLY_BY_DAY:
            fields["day"] = day
        if rule in (Rule.ANNUAL_BEFORE_EXPIRY, Rule.EVERY_YEARS_BEFORE_EXPIRY, Rule.WITHIN_DAYS_OF_GRANT) or (
                rule is Rule.WITHIN_DAYS_OF_EVENT and draw(st.booleans())):
            fields["days"] = draw(st.integers(1, 400))
        if rule is Rule.EVERY_YEARS_BEFORE_EXPIRY:
            fields["years"] = draw(st.integers(1, 5))
        if rule is Rule.WITHIN_DAYS_OF_GRANT:
            fields["anchor"] = draw(st.sampled_from(ANCHORS))
        elif rule in (Rule.ANNUAL_FROM_COMPLETION, Rule.ANNUAL_BEFORE_EXPIRY, Rule.EVERY_YEARS_BEFORE_EXPIRY):
            fields["anchor"] = draw(st.sampled_from((None, *ANCHORS)))
        found.append(ob(rule, f"x.item_{n}", **fields))
    return found


@st.composite
def completions_for(draw: st.DrawFn, obligations: list[Obligation]) -> dict[str, date]:
    ids = sorted({*ANCHORS, *(o.item_id for o in obligations)})
    return draw(st.dictionaries(st.sampled_from(ids), days_around) if ids else st.just({}))


scenarios = obligation_lists().flatmap(lambda obs: st.tuples(st.just(obs), completions_for(obs)))


@given(scenarios, st.frozensets(st.sampled_from(("uses_prosec", "exports_under_usmca"))), days_around,
       st.integers(0, 5))
def test_reminders_are_sorted_in_range_on_business_days_with_unique_uids(
        scenario: tuple[list[Obligation], dict[str, date]], flags: frozenset[str], start: date, horizon: int) -> None:
    obligations, completions = scenario
    found = reminders(obligations, completions, flags, start, horizon, project="P", uid_scope="project-1")
    end = add_years(start, horizon)
    assert all(a.on <= b.on for a, b in pairwise(found))
    assert all(start <= r.on <= end for r in found)
    assert len({r.uid for r in found}) == len(found)
    by_id = {o.item_id: o for o in obligations}
    for r in found:
        rule = by_id[r.item_id]
        assert r.uid == f"project-1:{r.item_id}:{r.on.isoformat()}"
        if rule.business_days or rule.rule is Rule.ANNUAL_LAST_BUSINESS_DAY_OF_MONTH:
            assert is_business_day(r.on), r
        assert r.title.en and r.title.es and r.description.en != r.description.es
    for rule in obligations:
        if rule.rule is Rule.MONTHLY_BY_DAY:
            assert len(on_dates(found, rule.item_id)) <= 12 * 5 + 1


@given(scenarios, days_around)
def test_every_obligation_is_dated_or_listed_and_never_both_kinds(
        scenario: tuple[list[Obligation], dict[str, date]], start: date) -> None:
    obligations, completions = scenario
    listed = {u.item_id: u for u in undated(obligations, completions)}
    dated = {r.item_id for r in reminders(obligations, completions, (), start, 5)}
    assert not dated & set(listed)
    for o in obligations:
        clock_started = (o.anchor or o.item_id) in completions
        if o.rule in (Rule.WITHIN_DAYS_OF_EVENT, Rule.CONTINUOUS):
            assert o.item_id in listed and listed[o.item_id].kind is not UndatedKind.PENDING_GRANT
        elif o.rule is Rule.WITHIN_DAYS_OF_GRANT and o.item_id in completions:
            assert o.item_id not in listed and o.item_id not in dated  # done once, for good
        elif o.rule in (Rule.ANNUAL_FROM_COMPLETION, Rule.ANNUAL_BEFORE_EXPIRY, Rule.EVERY_YEARS_BEFORE_EXPIRY,
                        Rule.WITHIN_DAYS_OF_GRANT):
            assert (o.item_id in listed) is not clock_started
        else:
            assert o.item_id not in listed


@given(scenarios, days_around, st.integers(0, 400))
def test_a_later_export_keeps_the_uids_of_the_events_still_ahead(
        scenario: tuple[list[Obligation], dict[str, date]], first: date, later_by: int) -> None:
    """What lets a calendar app update events instead of adding copies (monthly ones: within both windows)."""
    obligations, completions = scenario
    yearly = [o for o in obligations if o.rule is not Rule.MONTHLY_BY_DAY]
    before = {r.uid: r for r in reminders(yearly, completions, (), first)}
    later = date.fromordinal(first.toordinal() + later_by)
    end = add_years(first, 3)
    for r in reminders(yearly, completions, (), later):
        if r.on <= end:
            assert before[r.uid] == r


def _by_item(found: list[Reminder]) -> Mapping[str, list[date]]:
    grouped: dict[str, list[date]] = {}
    for r in found:
        grouped.setdefault(r.item_id, []).append(r.on)
    return grouped


@given(st.integers(1, 31), days_around, st.integers(0, 60))
def test_monthly_reminders_are_stable_while_both_windows_hold_them(day: int, start: date, later_by: int) -> None:
    rule = ob(Rule.MONTHLY_BY_DAY, day=day)
    first = {r.uid: r for r in reminders([rule], {}, (), start)}
    last_first = max(r.on for r in first.values())
    later = date.fromordinal(start.toordinal() + later_by)
    again = reminders([rule], {}, (), later)
    assert len(again) in (35, 36, 37)  # three years: the start day decides whether a month's date is inside
    assert all(first[r.uid] == r for r in again if r.on <= last_first)
    assert list(_by_item(again)) == [rule.item_id]

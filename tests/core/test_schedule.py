"""Scheduling: due dates on business days, manual overrides, completions, slack and the critical path."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shelter_app.core.business_days import (
    BusinessCalendar,
    add_business_days,
    business_days_between,
    is_business_day,
)
from shelter_app.core.errors import ValidationError
from shelter_app.core.schedule import (
    DEFAULT_DURATION_DAYS,
    Schedule,
    ScheduleNote,
    Task,
    compute_schedule,
    status_on,
)

MONDAY = date(2026, 1, 5)


def _dates(schedule: Schedule) -> dict[str, tuple[date, date]]:
    return {t.id: (t.start, t.due) for t in schedule.tasks.values()}


def _assert_bilingual(note: ScheduleNote | ValidationError) -> None:
    assert note.en.strip() and note.es.strip() and note.en != note.es


# --- examples ----------------------------------------------------------------------------------------------


def test_one_day_task_starts_and_ends_on_kickoff() -> None:
    plan = compute_schedule(MONDAY, [Task("a", 1)])
    assert (plan["a"].start, plan["a"].due) == (MONDAY, MONDAY)
    assert plan.finish == MONDAY
    assert plan.critical_path == ("a",)
    assert plan["a"].critical and plan["a"].slack_days == 0
    assert not plan["a"].estimated and plan["a"].manual == frozenset()
    assert plan.warnings == ()
    assert len(plan.tasks) == 1


def test_kickoff_on_a_weekend_starts_on_monday() -> None:
    plan = compute_schedule(date(2026, 1, 3), [Task("a", 2)])
    assert (plan["a"].start, plan["a"].due) == (MONDAY, date(2026, 1, 6))


def test_chain_starts_the_day_after_the_prerequisite_is_due() -> None:
    plan = compute_schedule(MONDAY, [Task("a", 3), Task("b", 2, ("a",))])
    assert _dates(plan) == {
        "a": (MONDAY, date(2026, 1, 7)),
        "b": (date(2026, 1, 8), date(2026, 1, 9)),
    }
    assert plan.critical_path == ("a", "b")
    assert plan.finish == date(2026, 1, 9)


def test_holidays_and_weekends_are_skipped() -> None:
    # Thu 29 Jan, Fri 30 Jan, (weekend, Constitution Monday 2 Feb) Tue 3 Feb
    plan = compute_schedule(date(2026, 1, 29), [Task("a", 3), Task("b", 1, ("a",))])
    assert _dates(plan) == {
        "a": (date(2026, 1, 29), date(2026, 2, 3)),
        "b": (date(2026, 2, 4), date(2026, 2, 4)),
    }


def test_calendar_with_an_election_day() -> None:
    election = date(2026, 1, 7)  # pretend a local election falls on that Wednesday
    plan = compute_schedule(MONDAY, [Task("a", 3)], calendar=BusinessCalendar([election]))
    assert plan["a"].due == date(2026, 1, 8)


def test_parallel_branch_has_slack() -> None:
    plan = compute_schedule(MONDAY, [Task("long", 5), Task("short", 2), Task("join", 1, ("long", "short"))])
    assert plan["short"].slack_days == 3
    assert not plan["short"].critical
    assert plan["long"].critical and plan["join"].critical
    assert plan.critical_path == ("long", "join")
    assert plan["join"].start == date(2026, 1, 12)
    assert plan["join"].depends_on == ("long", "short")


def test_unknown_duration_uses_the_default_and_is_flagged() -> None:
    plan = compute_schedule(MONDAY, [Task("a")])
    assert plan["a"].estimated
    assert plan["a"].duration_days == DEFAULT_DURATION_DAYS == 5
    assert plan["a"].due == date(2026, 1, 9)
    custom = compute_schedule(MONDAY, [Task("a")], default_duration_days=2)
    assert custom["a"].due == date(2026, 1, 6)
    with pytest.raises(ValueError, match="default_duration_days"):
        compute_schedule(MONDAY, [Task("a")], default_duration_days=0)


def test_manual_start_is_kept_and_moves_dependents() -> None:
    tasks = [Task("a", 2, manual_start=date(2026, 2, 9)), Task("b", 1, ("a",))]
    plan = compute_schedule(MONDAY, tasks)
    assert (plan["a"].start, plan["a"].due) == (date(2026, 2, 9), date(2026, 2, 10))
    assert plan["a"].manual == frozenset({"start"})
    assert plan["b"].start == date(2026, 2, 11)


def test_manual_due_is_kept_and_moves_dependents() -> None:
    tasks = [Task("a", 2, manual_due=date(2026, 1, 20)), Task("b", 1, ("a",))]
    plan = compute_schedule(MONDAY, tasks)
    assert (plan["a"].start, plan["a"].due) == (MONDAY, date(2026, 1, 20))
    assert plan["a"].manual == frozenset({"due"})
    assert plan["b"].start == date(2026, 1, 21)
    both = compute_schedule(MONDAY, [Task("a", 2, manual_start=date(2026, 1, 12), manual_due=date(2026, 1, 30))])
    assert both["a"].manual == frozenset({"start", "due"})
    assert (both["a"].start, both["a"].due) == (date(2026, 1, 12), date(2026, 1, 30))


def test_manual_due_anchors_the_chain() -> None:
    # b's due is fixed by hand, so a slipping no longer moves the project's end.
    tasks = [Task("a", 2), Task("b", 2, ("a",), manual_due=date(2026, 1, 30))]
    plan = compute_schedule(MONDAY, tasks)
    assert plan.critical_path == ("b",)
    assert plan["b"].critical
    assert not plan["a"].critical
    assert plan["a"].slack_days == business_days_between(date(2026, 1, 6), date(2026, 1, 30))


def test_manual_date_on_a_holiday_is_kept_with_a_warning() -> None:
    plan = compute_schedule(MONDAY, [Task("a", 2, manual_due=date(2026, 2, 2))])
    assert plan["a"].due == date(2026, 2, 2)
    (note,) = plan.warnings
    assert note.task_id == "a"
    assert "Constitution Day" in note.en and "Día de la Constitución" in note.es
    assert note.message("es") == note.es and note.message() == note.en
    _assert_bilingual(note)
    weekend = compute_schedule(MONDAY, [Task("a", 2, manual_start=date(2026, 1, 10))])
    assert "weekend" in weekend.warnings[0].en and "fin de semana" in weekend.warnings[0].es
    assert weekend["a"].due == date(2026, 1, 13)  # Saturday start: Monday is its first day


def test_manual_start_before_prerequisites_warns() -> None:
    plan = compute_schedule(MONDAY, [Task("a", 5), Task("b", 1, ("a",), manual_start=date(2026, 1, 6))])
    assert plan["b"].start == date(2026, 1, 6)
    (note,) = plan.warnings
    assert note.task_id == "b" and "2026-01-12" in note.en
    _assert_bilingual(note)


def test_manual_due_before_the_computed_start_warns() -> None:
    plan = compute_schedule(MONDAY, [Task("a", 5), Task("b", 1, ("a",), manual_due=date(2026, 1, 7))])
    assert plan["b"].due == date(2026, 1, 7)
    assert plan["b"].start == date(2026, 1, 12)
    assert [n.task_id for n in plan.warnings] == ["b"]


def test_done_early_pulls_dependents_in() -> None:
    tasks = [Task("a", 10, done_on=date(2026, 1, 6)), Task("b", 1, ("a",))]
    plan = compute_schedule(MONDAY, tasks)
    assert plan["a"].due == date(2026, 1, 16)  # the plan stays visible
    assert plan["a"].finish == date(2026, 1, 6)
    assert plan["b"].start == date(2026, 1, 7)
    assert plan["a"].status(date(2026, 3, 1)) == "done"


def test_done_late_pushes_dependents_out() -> None:
    plan = compute_schedule(MONDAY, [Task("a", 1, done_on=date(2026, 1, 16)), Task("b", 1, ("a",))])
    assert plan["b"].start == date(2026, 1, 19)


def test_done_on_a_saturday_lets_dependents_start_monday() -> None:
    plan = compute_schedule(MONDAY, [Task("a", 1, done_on=date(2026, 1, 10)), Task("b", 1, ("a",))])
    assert plan["b"].start == date(2026, 1, 12)
    assert plan.finish == date(2026, 1, 12)


def test_completion_before_kickoff_does_not_start_dependents_earlier() -> None:
    plan = compute_schedule(MONDAY, [Task("a", 1, done_on=date(2025, 12, 1)), Task("b", 1, ("a",))])
    assert plan["b"].start == MONDAY


def test_unknown_dependencies_are_ignored_with_a_note() -> None:
    plan = compute_schedule(MONDAY, [Task("a", 2, ("ghost", "a2")), Task("a2", 1)])
    assert plan["a"].start == date(2026, 1, 6)
    assert plan["a"].depends_on == ("a2",)
    (note,) = plan.warnings
    assert note.task_id == "a" and "ghost" in note.en and "ghost" in note.es
    _assert_bilingual(note)


def test_repeated_dependency_counts_once() -> None:
    plan = compute_schedule(MONDAY, [Task("a", 1), Task("b", 1, ("a", "a"))])
    assert plan["b"].depends_on == ("a",)
    assert plan["b"].start == date(2026, 1, 6)


def test_input_order_does_not_matter() -> None:
    tasks = [Task("c", 2, ("b",)), Task("b", 3, ("a",)), Task("a", 1)]
    plan = compute_schedule(MONDAY, tasks)
    assert list(plan.tasks) == ["c", "b", "a"]  # the caller's order is kept
    assert plan.critical_path == ("a", "b", "c")
    assert _dates(plan) == _dates(compute_schedule(MONDAY, list(reversed(tasks))))


@pytest.mark.parametrize(
    ("tasks", "chain"),
    [
        ([Task("a", 1, ("a",))], "a → a"),
        ([Task("a", 1, ("b",)), Task("b", 1, ("a",))], "a → b → a"),
        ([Task("x", 1), Task("a", 1, ("c", "x")), Task("b", 1, ("a",)), Task("c", 1, ("b",)), Task("d", 1, ("c",))],
         "a → b → c → a"),
    ],
    ids=["self", "pair", "three"],
)
def test_cycle_is_named(tasks: list[Task], chain: str) -> None:
    with pytest.raises(ValidationError) as caught:
        compute_schedule(MONDAY, tasks)
    assert chain in caught.value.en and chain in caught.value.es
    assert caught.value.field == "depends_on"
    _assert_bilingual(caught.value)


@pytest.mark.parametrize(
    ("tasks", "field"),
    [
        ([Task("a", 1), Task("a", 2)], "id"),
        ([Task("a", 0)], "duration_days"),
        ([Task("a", -3)], "duration_days"),
        ([Task("a", 1, manual_start=date(2026, 2, 2), manual_due=date(2026, 1, 30))], "manual_due"),
    ],
    ids=["duplicate-id", "zero-duration", "negative-duration", "due-before-start"],
)
def test_bad_input_is_refused(tasks: list[Task], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        compute_schedule(MONDAY, tasks)
    assert caught.value.field == field
    _assert_bilingual(caught.value)


def test_no_tasks() -> None:
    plan = compute_schedule(date(2026, 1, 3), [])
    assert plan.finish == MONDAY
    assert plan.critical_path == ()
    assert plan.tasks == {}


def test_task_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Task("a").duration_days = 3  # type: ignore[misc]


# --- flags ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "due", "done_on", "expected"),
    [
        (date(2026, 1, 20), date(2026, 1, 10), date(2026, 1, 25), "done"),  # done beats overdue
        (date(2026, 1, 12), date(2026, 1, 9), None, "overdue"),
        (date(2026, 1, 9), date(2026, 1, 9), None, "due_soon"),  # due today is not late yet
        (date(2026, 1, 9), date(2026, 1, 16), None, "due_soon"),  # 5 business days ahead
        (date(2026, 1, 9), date(2026, 1, 19), None, "on_track"),  # 6 business days ahead
        (date(2026, 1, 28), date(2026, 2, 4), None, "due_soon"),  # 7 calendar days, 4 business days
        (date(2026, 1, 9), None, None, "on_track"),
    ],
    ids=str,
)
def test_status_on(today: date, due: date | None, done_on: date | None, expected: str) -> None:
    assert status_on(today, due, done_on) == expected


def test_status_window_is_adjustable() -> None:
    assert status_on(date(2026, 1, 9), date(2026, 1, 12), due_soon_days=0) == "on_track"
    assert status_on(date(2026, 1, 9), date(2026, 1, 9), due_soon_days=0) == "due_soon"
    assert status_on(date(2026, 1, 9), date(2026, 1, 30), due_soon_days=20) == "due_soon"
    with pytest.raises(ValueError, match="due_soon_days"):
        status_on(date(2026, 1, 9), date(2026, 1, 30), due_soon_days=-1)


def test_120_items_plan() -> None:
    """A project the size of a full own-entity checklist: 14 phases of about 9 items in a chain."""
    tasks: list[Task] = []
    for phase in range(14):
        gate = f"p{phase - 1}.8" if phase else None
        for item in range(9):
            deps = (gate,) if gate and item == 0 else (f"p{phase}.{item - 1}",) if item else ()
            tasks.append(Task(f"p{phase}.{item}", None if item % 4 == 0 else 1 + item, deps))
    plan = compute_schedule(date(2026, 3, 2), tasks[:120])
    assert len(plan.tasks) == 120
    assert plan.critical_path[0] == "p0.0"
    assert plan.finish == plan[plan.critical_path[-1]].due
    assert all(t.critical for t in plan.tasks.values())  # a single chain: everything is critical


# --- properties on random dependency graphs ---------------------------------------------------------------


@st.composite
def projects(draw: st.DrawFn, with_extras: bool = False) -> tuple[date, list[Task]]:
    """A kickoff and a random DAG, given in a shuffled order; optionally with manual dates and completions."""
    kickoff = draw(st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)))
    count = draw(st.integers(min_value=1, max_value=25))
    tasks: list[Task] = []
    for i in range(count):
        deps = draw(st.lists(st.integers(0, i - 1), max_size=4, unique=True)) if i else []
        duration = draw(st.none() | st.integers(1, 40))
        manual_start = manual_due = done_on = None
        if with_extras:
            offset = st.integers(-20, 200).map(lambda k: kickoff + timedelta(days=k))
            manual_start = draw(st.none() | offset)
            manual_due = draw(st.none() | offset)
            if manual_start and manual_due and manual_due < manual_start:
                manual_due = manual_start
            done_on = draw(st.none() | offset)
        tasks.append(Task(f"t{i}", duration, tuple(f"t{d}" for d in deps), manual_start, manual_due, done_on))
    return kickoff, draw(st.permutations(tasks))


@given(projects())
def test_tasks_start_after_their_prerequisites(project: tuple[date, list[Task]]) -> None:
    kickoff, tasks = project
    plan = compute_schedule(kickoff, tasks)
    first_day = add_business_days(kickoff, 0)
    assert plan.warnings == ()
    for task in plan.tasks.values():
        assert task.start >= first_day
        for dep in task.depends_on:
            assert task.start > plan[dep].due
        # no later than needed: the day after the last prerequisite, or the kickoff
        expected = max([first_day, *(add_business_days(plan[d].due, 1) for d in task.depends_on)])
        assert task.start == expected
        assert business_days_between(task.start, task.due) == task.duration_days - 1


@given(projects())
def test_all_dates_are_business_days(project: tuple[date, list[Task]]) -> None:
    kickoff, tasks = project
    plan = compute_schedule(kickoff, tasks)
    for task in plan.tasks.values():
        assert is_business_day(task.start) and is_business_day(task.due)
    assert is_business_day(plan.finish)


@given(projects())
def test_critical_path_is_a_chain_of_critical_tasks_to_the_finish(project: tuple[date, list[Task]]) -> None:
    kickoff, tasks = project
    plan = compute_schedule(kickoff, tasks)
    path = plan.critical_path
    assert path
    assert plan[path[-1]].finish == plan.finish == max(t.finish for t in plan.tasks.values())
    assert plan[path[0]].start == add_business_days(kickoff, 0)
    for before, after in pairwise(path):
        assert before in plan[after].depends_on
        assert plan[after].start == add_business_days(plan[before].due, 1)
    for task in plan.tasks.values():
        assert task.slack_days >= 0
        assert task.critical == (task.slack_days == 0)
    assert all(plan[i].critical for i in path)


@given(projects(), st.data())
def test_slack_is_exactly_how_far_a_task_can_slip(project: tuple[date, list[Task]], data: st.DataObject) -> None:
    kickoff, tasks = project
    plan = compute_schedule(kickoff, tasks)
    k = data.draw(st.integers(0, len(tasks) - 1))
    slack = plan[tasks[k].id].slack_days
    duration = plan[tasks[k].id].duration_days

    def with_duration(days: int) -> date:
        changed = [*tasks[:k], dataclasses.replace(tasks[k], duration_days=days), *tasks[k + 1:]]
        return compute_schedule(kickoff, changed).finish

    assert with_duration(duration + slack) == plan.finish
    assert with_duration(duration + slack + 1) > plan.finish


@given(st.booleans().flatmap(lambda extras: projects(with_extras=extras)), st.data())
def test_later_manual_due_never_moves_anything_earlier(project: tuple[date, list[Task]], data: st.DataObject) -> None:
    kickoff, tasks = project
    before = compute_schedule(kickoff, tasks)
    k = data.draw(st.integers(0, len(tasks) - 1))
    delay = data.draw(st.integers(1, 90))
    new_due = before[tasks[k].id].due + timedelta(days=delay)
    changed = [*tasks[:k], dataclasses.replace(tasks[k], manual_due=new_due), *tasks[k + 1:]]
    after = compute_schedule(kickoff, changed)
    assert after[tasks[k].id].due == new_due
    assert "due" in after[tasks[k].id].manual
    for task_id, task in before.tasks.items():
        assert after[task_id].start >= task.start
        assert after[task_id].due >= task.due
    assert after.finish >= before.finish


@given(projects())
def test_input_order_gives_the_same_dates(project: tuple[date, list[Task]]) -> None:
    kickoff, tasks = project
    plan, reverse = compute_schedule(kickoff, tasks), compute_schedule(kickoff, tasks[::-1])
    assert _dates(plan) == _dates(reverse)
    assert {t.id: t.slack_days for t in plan.tasks.values()} == {t.id: t.slack_days for t in reverse.tasks.values()}


@given(projects(with_extras=True))
def test_manual_dates_and_completions_keep_the_plan_sound(project: tuple[date, list[Task]]) -> None:
    kickoff, tasks = project
    plan = compute_schedule(kickoff, tasks)
    given_tasks = {t.id: t for t in tasks}
    for task in plan.tasks.values():
        source = given_tasks[task.id]
        assert task.slack_days >= 0
        assert task.critical == (task.slack_days == 0)
        if source.manual_start:
            assert task.start == source.manual_start
        if source.manual_due:
            assert task.due == source.manual_due
        assert task.finish == (source.done_on or task.due)
        if not source.manual_start:
            for dep in task.depends_on:
                assert task.start > plan[dep].finish
    path = plan.critical_path
    assert plan[path[-1]].finish == plan.finish == max(t.finish for t in plan.tasks.values())
    for before, after in pairwise(path):
        assert before in plan[after].depends_on
    assert all(plan[i].critical for i in path)
    for note in plan.warnings:
        assert note.task_id in given_tasks
        _assert_bilingual(note)

"""Due dates, slack and the critical path of a project's checklist items, on business days.

Conventions (shared with `business_days`):

* Durations are in business days and inclusive: a task of D days starting on S occupies S and
  the D - 1 business days after it, so a 1-day task starts and is due the same day.
* A task with no prerequisites starts on the kickoff date, or the next business day if the
  kickoff is not one. Otherwise it starts on the first business day after its last
  prerequisite finishes (and never before the kickoff).
* A task "finishes" on its real completion date when it is done, else on its due date; the
  dependents wait for that, so finishing early pulls them in and finishing late pushes them out.
* A duration nobody knows is `DEFAULT_DURATION_DAYS` and the task is flagged `estimated`.
* Manual dates win and are kept as typed (even on a holiday, with a warning). A manual start
  with no manual due gets its due from the duration; a manual due keeps the computed start.
  Tasks with a manual due or a completion date are anchored: later slips of their
  prerequisites no longer move their end, so they carry no critical chain through them.
* Slack is how many business days a task's finish can slip before the project's finish moves;
  critical tasks have none.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Final, Literal

from shelter_app.core.business_days import DEFAULT_CALENDAR, BusinessCalendar
from shelter_app.core.errors import ValidationError

DEFAULT_DURATION_DAYS: Final = 5
"""Business days assumed for an item whose pack gives no typical duration (one working week)."""

DUE_SOON_DAYS: Final = 5
"""Business days ahead within which an open item is flagged as due soon."""

Status = Literal["done", "overdue", "due_soon", "on_track"]
ManualDate = Literal["start", "due"]


@dataclass(frozen=True, slots=True)
class Task:
    """One item to schedule; `depends_on` lists the ids that must finish before it starts."""

    id: str
    duration_days: int | None = None
    depends_on: tuple[str, ...] = ()
    manual_start: date | None = None
    manual_due: date | None = None
    done_on: date | None = None


@dataclass(frozen=True, slots=True)
class ScheduleNote:
    """Something the consultant should know about the plan, that does not stop it being computed."""

    en: str
    es: str
    task_id: str | None = None

    def message(self, language: str = "en") -> str:
        """The message in `language` ("en", "es", "es_MX"...); English otherwise."""
        return self.es if language.lower().startswith("es") else self.en


@dataclass(frozen=True, slots=True)
class ScheduledTask:
    id: str
    start: date
    due: date
    duration_days: int
    estimated: bool
    """The duration was unknown and `DEFAULT_DURATION_DAYS` (or the caller's default) was used."""
    manual: frozenset[ManualDate]
    """Which of start and due were typed by the consultant rather than computed."""
    slack_days: int
    critical: bool
    done_on: date | None
    depends_on: tuple[str, ...]
    """The prerequisites that exist in the project (unknown ids dropped), for drawing arrows."""

    @property
    def finish(self) -> date:
        """The date dependents wait for: the real completion date once done, else the due date."""
        return self.done_on if self.done_on is not None else self.due

    def status(self, today: date, due_soon_days: int = DUE_SOON_DAYS,
               calendar: BusinessCalendar | None = None) -> Status:
        return status_on(today, self.due, self.done_on, due_soon_days, calendar)


@dataclass(frozen=True)
class Schedule:
    kickoff: date
    tasks: Mapping[str, ScheduledTask]
    """Every task, in the order given."""
    critical_path: tuple[str, ...]
    """Ids of the chain of tasks that determines `finish`, first to last."""
    finish: date
    """When the last task finishes (the kickoff, rolled to a business day, if there are no tasks)."""
    warnings: tuple[ScheduleNote, ...] = field(default=())

    def __getitem__(self, task_id: str) -> ScheduledTask:
        return self.tasks[task_id]


def status_on(today: date, due: date | None, done_on: date | None = None,
              due_soon_days: int = DUE_SOON_DAYS, calendar: BusinessCalendar | None = None) -> Status:
    """The flag an item shows today; "due_soon" means due today or within `due_soon_days` business days."""
    if due_soon_days < 0:
        raise ValueError(f"due_soon_days must be >= 0, not {due_soon_days}")
    if done_on is not None:
        return "done"
    if due is None:
        return "on_track"
    if today > due:
        return "overdue"
    if (calendar or DEFAULT_CALENDAR).between(today, due) <= due_soon_days:
        return "due_soon"
    return "on_track"


def _check_tasks(tasks: Sequence[Task]) -> None:
    seen: set[str] = set()
    for task in tasks:
        if task.id in seen:
            raise ValidationError(
                f"Two items share the id “{task.id}”; each item needs its own id.",
                f"Dos tareas tienen el mismo identificador “{task.id}”; cada tarea necesita uno propio.",
                field="id",
            )
        seen.add(task.id)
        if task.duration_days is not None and task.duration_days < 1:
            raise ValidationError(
                f"Item “{task.id}”: the duration must be at least 1 business day, not {task.duration_days}.",
                f"Tarea “{task.id}”: la duración debe ser de al menos 1 día hábil, no {task.duration_days}.",
                field="duration_days",
            )
        if task.manual_start is not None and task.manual_due is not None and task.manual_due < task.manual_start:
            raise ValidationError(
                f"Item “{task.id}”: the due date ({task.manual_due.isoformat()}) comes before "
                f"the start date ({task.manual_start.isoformat()}).",
                f"Tarea “{task.id}”: la fecha límite ({task.manual_due.isoformat()}) es anterior "
                f"a la fecha de inicio ({task.manual_start.isoformat()}).",
                field="manual_due",
            )


def _cycle_error(ids: Sequence[str], deps: Sequence[Sequence[int]], remaining: Iterable[int]) -> ValidationError:
    """Name one cycle among the tasks a topological sort could not place."""
    left = set(remaining)
    node = min(left)
    path: list[int] = []
    where: dict[int, int] = {}
    while node not in where:  # every task left has a prerequisite that is also left
        where[node] = len(path)
        path.append(node)
        node = next(d for d in deps[node] if d in left)
    cycle = path[where[node]:]
    cycle.reverse()  # prerequisites first, in the order the work would flow
    first = cycle.index(min(cycle))  # from the item given first, so the message is stable
    cycle = cycle[first:] + cycle[:first]
    chain = " → ".join(ids[i] for i in [*cycle, cycle[0]])
    return ValidationError(
        f"These items wait for each other in a circle, so none of them can start: {chain}. "
        "Remove one of those dependencies.",
        f"Estas tareas se esperan unas a otras en círculo y ninguna puede empezar: {chain}. "
        "Quite una de esas dependencias.",
        field="depends_on",
    )


def _not_business_day(cal: BusinessCalendar, task_id: str, which: ManualDate, day: date) -> ScheduleNote:
    holiday = cal.holidays(day.year).get(day)
    why_en = holiday.name_en if holiday else "weekend"
    why_es = holiday.name_es if holiday else "fin de semana"
    label_en, label_es = ("start", "fecha de inicio") if which == "start" else ("due date", "fecha límite")
    return ScheduleNote(
        f"Item “{task_id}”: the {label_en} {day.isoformat()} is not a business day ({why_en}); it is kept as typed.",
        f"Tarea “{task_id}”: la {label_es} {day.isoformat()} no es día hábil ({why_es}); "
        "se conserva como se capturó.",
        task_id,
    )


def compute_schedule(
    kickoff: date,
    tasks: Sequence[Task],
    *,
    calendar: BusinessCalendar | None = None,
    default_duration_days: int = DEFAULT_DURATION_DAYS,
) -> Schedule:
    """Plan every task from the kickoff; raises ValidationError for duplicate ids, bad durations or a cycle.

    Linear in tasks plus dependencies: one topological sort, one forward and one backward pass.
    """
    if default_duration_days < 1:
        raise ValueError(f"default_duration_days must be >= 1, not {default_duration_days}")
    _check_tasks(tasks)
    cal = calendar or DEFAULT_CALENDAR
    notes: list[ScheduleNote] = []
    n = len(tasks)
    ids = [t.id for t in tasks]
    index = {task_id: i for i, task_id in enumerate(ids)}

    deps: list[list[int]] = []
    succs: list[list[int]] = [[] for _ in range(n)]
    for i, task in enumerate(tasks):
        mine: list[int] = []
        for dep_id in dict.fromkeys(task.depends_on):
            j = index.get(dep_id)
            if j is None:
                notes.append(ScheduleNote(
                    f"Item “{task.id}” depends on “{dep_id}”, which is not in this project; "
                    "that dependency is ignored.",
                    f"La tarea “{task.id}” depende de “{dep_id}”, que no está en este proyecto; "
                    "esa dependencia se omite.",
                    task.id,
                ))
                continue
            mine.append(j)
            succs[j].append(i)
        deps.append(mine)

    # Kahn's algorithm, seeded in input order so equal inputs always give the same plan.
    waiting = [len(d) for d in deps]
    queue = deque(i for i in range(n) if not waiting[i])
    order: list[int] = []
    while queue:
        i = queue.popleft()
        order.append(i)
        for s in succs[i]:
            waiting[s] -= 1
            if not waiting[s]:
                queue.append(s)
    if len(order) < n:
        raise _cycle_error(ids, deps, (i for i in range(n) if waiting[i]))

    # Forward pass: earliest dates, manual dates and completions taking precedence.
    first_day = cal.add(kickoff, 0)
    start: list[date] = [first_day] * n
    due: list[date] = [first_day] * n
    finish: list[date] = [first_day] * n
    duration = [t.duration_days or default_duration_days for t in tasks]
    # Anchored tasks keep their end whatever their prerequisites do (see the module docstring).
    anchored = [t.manual_start is not None or t.manual_due is not None or t.done_on is not None for t in tasks]
    chain_length = [1] * n  # tasks in the longest chain of driving prerequisites ending here
    for i in order:
        task = tasks[i]
        earliest = first_day
        if deps[i]:
            earliest = max(first_day, cal.add(max(finish[j] for j in deps[i]), 1))
        if task.manual_start is not None:
            start[i] = task.manual_start
            if deps[i] and task.manual_start < earliest:
                notes.append(ScheduleNote(
                    f"Item “{task.id}” starts on {task.manual_start.isoformat()}, before its prerequisites allow "
                    f"({earliest.isoformat()}).",
                    f"La tarea “{task.id}” empieza el {task.manual_start.isoformat()}, antes de lo que permiten "
                    f"sus requisitos previos ({earliest.isoformat()}).",
                    task.id,
                ))
            if not cal.is_business_day(task.manual_start):
                notes.append(_not_business_day(cal, task.id, "start", task.manual_start))
        else:
            start[i] = earliest
        if task.manual_due is not None:
            due[i] = task.manual_due
            if task.manual_due < start[i] and task.manual_start is None:
                notes.append(ScheduleNote(
                    f"Item “{task.id}” is due on {task.manual_due.isoformat()}, before it can start "
                    f"({start[i].isoformat()}).",
                    f"La tarea “{task.id}” vence el {task.manual_due.isoformat()}, antes de que pueda empezar "
                    f"({start[i].isoformat()}).",
                    task.id,
                ))
            if not cal.is_business_day(task.manual_due):
                notes.append(_not_business_day(cal, task.id, "due", task.manual_due))
        else:
            due[i] = cal.add(cal.add(start[i], 0), duration[i] - 1)
        finish[i] = task.done_on if task.done_on is not None else due[i]
        if not anchored[i]:
            chain_length[i] = 1 + max((chain_length[j] for j in deps[i] if cal.add(finish[j], 1) == start[i]),
                                      default=0)

    project_finish = max(finish, default=first_day)

    # Backward pass: the latest finish that keeps the project finish, through non-anchored successors.
    latest_start: list[date] = [first_day] * n
    slack = [0] * n
    for i in reversed(order):
        bound = project_finish
        for s in succs[i]:
            if not anchored[s]:
                bound = min(bound, cal.subtract(latest_start[s], 1))
        latest_finish = cal.subtract(bound, 0)
        slack[i] = cal.between(finish[i], latest_finish)
        latest_start[i] = cal.subtract(latest_finish, duration[i] - 1)

    path = _critical_path(tasks, deps, order, start, finish, anchored, chain_length, project_finish, cal)

    scheduled = {
        task.id: ScheduledTask(
            id=task.id,
            start=start[i],
            due=due[i],
            duration_days=duration[i],
            estimated=task.duration_days is None,
            manual=_manual(task),
            slack_days=slack[i],
            critical=slack[i] == 0,
            done_on=task.done_on,
            depends_on=tuple(ids[j] for j in deps[i]),
        )
        for i, task in enumerate(tasks)
    }
    return Schedule(kickoff, scheduled, tuple(ids[i] for i in path), project_finish, tuple(notes))


def _manual(task: Task) -> frozenset[ManualDate]:
    found: list[ManualDate] = []
    if task.manual_start is not None:
        found.append("start")
    if task.manual_due is not None:
        found.append("due")
    return frozenset(found)


def _critical_path(
    tasks: Sequence[Task],
    deps: Sequence[Sequence[int]],
    order: Sequence[int],
    start: Sequence[date],
    finish: Sequence[date],
    anchored: Sequence[bool],
    chain_length: Sequence[int],
    project_finish: date,
    cal: BusinessCalendar,
) -> list[int]:
    """Walk back from the task that finishes last through the prerequisites that set each start.

    Among ties the longest chain wins, then the earliest in the input, so the path is stable.
    """
    if not tasks:
        return []
    last = min((i for i in order if finish[i] == project_finish), key=lambda i: (-chain_length[i], i))
    path = [last]
    while not anchored[path[-1]]:
        i = path[-1]
        drivers = [j for j in deps[i] if cal.add(finish[j], 1) == start[i]]
        if not drivers:
            break
        path.append(min(drivers, key=lambda j: (-chain_length[j], j)))
    path.reverse()
    return path

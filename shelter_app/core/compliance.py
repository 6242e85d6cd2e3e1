"""The compliance calendar: a project's recurring obligations turned into dated reminders.

The services fill one `Obligation` per applicable checklist item that recurs (the pack's
`recurring:` block, see `content.checklists.RecurrenceRule`) and pass the completion dates of
the project's items. `reminders` dates every occurrence between a start and a horizon;
`undated` lists what cannot be dated: an obligation whose clock has not started (the grant is
not marked done yet) and those that recur on an event or hold at all times.

Choices, so the calendar stays useful:

* monthly deadlines are listed for the whole horizon asked, like every other rule (a calendar that stops
  after a year while the yearly deadlines go on would look like the obligation ends);
* a reminder is dated on the rule's own date; days are calendar days unless the obligation
  counts business days, and then the date is a business day;
* an expiry falls on the same day and month as the grant (29 February: on the 28th);
* a one-off obligation (within N days of the grant) is dropped once its item is done;
* an occurrence dated before `start` is left out even when its expiry is still ahead (the
  renewal window already open): `start` is the caller's to choose.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Final

from shelter_app.core.bilingual import Text
from shelter_app.core.business_days import DEFAULT_CALENDAR, BusinessCalendar

DateWords = Callable[[date, str], str]
"""How a date is worded in a description, given the language ("en" or "es")."""

MONTH_NAMES: Final = (
    ("January", "enero"), ("February", "febrero"), ("March", "marzo"), ("April", "abril"), ("May", "mayo"),
    ("June", "junio"), ("July", "julio"), ("August", "agosto"), ("September", "septiembre"),
    ("October", "octubre"), ("November", "noviembre"), ("December", "diciembre"),
)


class Rule(StrEnum):
    """How an obligation recurs: the values of `content.checklists.RecurrenceRule`, whose docstrings
    say what each means (core may not import content; a test keeps the two lists equal)."""

    ANNUAL_LAST_BUSINESS_DAY_OF_MONTH = "annual_last_business_day_of_month"
    ANNUAL_BY_DATE = "annual_by_date"
    ANNUAL_FROM_COMPLETION = "annual_from_completion"
    ANNUAL_BEFORE_EXPIRY = "annual_before_expiry"
    EVERY_YEARS_BEFORE_EXPIRY = "every_years_before_expiry"
    WITHIN_DAYS_OF_GRANT = "within_days_of_grant"
    MONTHLY_BY_DAY = "monthly_by_day"
    WITHIN_DAYS_OF_EVENT = "within_days_of_event"
    CONTINUOUS = "continuous"


_CLOCKED: Final = frozenset({Rule.ANNUAL_FROM_COMPLETION, Rule.ANNUAL_BEFORE_EXPIRY, Rule.EVERY_YEARS_BEFORE_EXPIRY,
                             Rule.WITHIN_DAYS_OF_GRANT})
"""Rules whose dates count from a completion (the anchor's, or the item's own)."""
_EXPIRING: Final = frozenset({Rule.ANNUAL_BEFORE_EXPIRY, Rule.EVERY_YEARS_BEFORE_EXPIRY})


@dataclass(frozen=True)
class Obligation:
    """One recurring checklist item of a project, as the calendar needs it.

    `anchor` is the item whose completion starts the clock (the grant); None means the item's
    own completion. `month_with_flag_month` replaces `month` when the project has
    `month_with_flag_flag` (the IMMEX report moves to April with PROSEC).
    """

    item_id: str
    title: Text
    rule: Rule
    month: int | None = None
    day: int | None = None
    days: int | None = None
    years: int | None = None
    business_days: bool = False
    month_with_flag_month: int | None = None
    month_with_flag_flag: str | None = None
    anchor: str | None = None
    anchor_title: Text | None = None
    note: Text | None = None
    """The pack's own words on when it recurs."""
    legal_basis: str = ""

    @property
    def clock(self) -> str:
        """The item whose completion starts this obligation's clock."""
        return self.anchor or self.item_id

    def month_for(self, flags: Collection[str]) -> int | None:
        if self.month_with_flag_flag is not None and self.month_with_flag_flag in flags:
            return self.month_with_flag_month
        return self.month


@dataclass(frozen=True)
class Reminder:
    """One dated obligation of a project (IMMEX annual report, certification renewal...).

    `uid` stays the same for the same occurrence across exports (project, item and date), so a
    calendar app updates the event instead of adding a copy.
    """

    uid: str
    on: date
    title: Text
    description: Text
    project: str
    item_id: str


class UndatedKind(StrEnum):
    PENDING_GRANT = "pending_grant"
    """Dated once the item that starts the clock (the grant) is marked done."""
    ON_EVENT = "on_event"
    """Due each time something happens (a change, a hire...), within a term."""
    CONTINUOUS = "continuous"
    """Kept up at all times."""


@dataclass(frozen=True)
class Undated:
    """An obligation the calendar cannot date, listed beside it."""

    item_id: str
    title: Text
    kind: UndatedKind
    description: Text
    waits_for: str | None = None
    """For PENDING_GRANT: the item whose completion will start the clock (may be the item itself)."""


def add_years(d: date, years: int) -> date:
    """Same day and month `years` later; 29 February becomes the 28th in a common year."""
    year = d.year + years
    return d.replace(year=year, day=min(d.day, monthrange(year, d.month)[1]))


def _on_day(year: int, month: int, day: int) -> date:
    """`day` of the month, or the month's last day when it is shorter (day 31 in April is the 30th)."""
    return date(year, month, min(day, monthrange(year, month)[1]))


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return _on_day(index // 12, index % 12 + 1, d.day)


def _need(ob: Obligation, name: str, value: int | None) -> int:
    if value is None:
        raise ValueError(f"{ob.item_id}: the rule {ob.rule.value} needs {name}")
    return value


def _month(number: int) -> Text:
    en, es = MONTH_NAMES[number - 1]
    return Text(en, es)


def _days(count: int, business: bool) -> Text:
    return Text(f"{count} business days" if business else f"{count} days",
                f"{count} días hábiles" if business else f"{count} días naturales")


# ---- dated reminders ------------------------------------------------------------------------------------

def reminders(obligations: Iterable[Obligation], completions: Mapping[str, date], flags: Collection[str],
              start: date, horizon_years: int = 3, calendar: BusinessCalendar | None = None, *,
              project: str = "", uid_scope: str = "", show_date: DateWords | None = None) -> list[Reminder]:
    """Every dated occurrence in [start, start + horizon_years], sorted by date then uid.

    `show_date(day, language)` words the dates inside the descriptions (the caller's date style: core has no
    locale data); ISO dates when not given.

    `completions` maps item ids to the dates they were done; `flags` are the project's answers
    (`core.answers.Flag` values). `project` names the project in each event; `uid_scope` (e.g.
    "project-12") keeps two projects' events apart in one calendar app.
    """
    if horizon_years < 0:
        raise ValueError(f"horizon_years must be >= 0, not {horizon_years}")
    cal = calendar or DEFAULT_CALENDAR
    end = add_years(start, horizon_years)
    found: list[Reminder] = []
    seen: set[str] = set()
    for ob in obligations:
        if ob.item_id in seen:
            raise ValueError(f"the obligation {ob.item_id} is given twice")
        seen.add(ob.item_id)
        for on, when in _occurrences(ob, completions, flags, start, end, cal, show_date or _iso):
            if start <= on <= end:
                found.append(_reminder(ob, on, when, project, uid_scope))
    found.sort(key=lambda r: (r.on, r.uid))
    return found


def _iso(day: date, _language: str) -> str:
    return day.isoformat()


def _occurrences(ob: Obligation, completions: Mapping[str, date], flags: Collection[str], start: date, end: date,
                 cal: BusinessCalendar, show_date: DateWords) -> Iterator[tuple[date, Text]]:
    """The dates of `ob` from about `start` on, up to `end` or a little past it, each with a sentence
    saying why it falls there (the caller keeps those in range)."""
    years = range(start.year, end.year + 1)
    rule = ob.rule
    if rule is Rule.ANNUAL_LAST_BUSINESS_DAY_OF_MONTH:
        month = _need(ob, "month", ob.month_for(flags))
        name = _month(month)
        for year in years:
            yield cal.last_business_day_of_month(year, month), Text(
                f"Due on the last business day of {name.en}.", f"Vence el último día hábil de {name.es}.")
    elif rule is Rule.ANNUAL_BY_DATE:
        month, day = _need(ob, "month", ob.month), _need(ob, "day", ob.day)
        name = _month(month)
        for year in years:
            yield _on_day(year, month, day), Text(f"Due by {name.en} {day} every year.",
                                                  f"Vence a más tardar el {day} de {name.es} de cada año.")
    elif rule is Rule.MONTHLY_BY_DAY:
        day = _need(ob, "day", ob.day)
        when = Text(f"Due by day {day} of each month.", f"Vence a más tardar el día {day} de cada mes.")
        first_month = date(start.year, start.month, 1)
        for n in range(12 * (end.year - start.year + 1) + 1):  # the start month's deadline may have passed
            first_of = _add_months(first_month, n)
            due = _on_day(first_of.year, first_of.month, day)
            if due > end:
                break
            yield due, when
    elif rule in _CLOCKED:
        began = completions.get(ob.clock)
        if began is not None:
            yield from _from_clock(ob, began, completions, end, cal, show_date)


def _from_clock(ob: Obligation, began: date, completions: Mapping[str, date], end: date,
                cal: BusinessCalendar, show_date: DateWords) -> Iterator[tuple[date, Text]]:
    rule = ob.rule
    began_en, began_es = show_date(began, "en"), show_date(began, "es")
    if rule is Rule.WITHIN_DAYS_OF_GRANT:
        if ob.item_id in completions:  # done once, for good
            return
        days = _need(ob, "days", ob.days)
        on = cal.add(began, days) if ob.business_days else began + timedelta(days=days)
        term = _days(days, ob.business_days)
        yield on, Text(f"Within {term.en} of the grant on {began_en}.",
                       f"Dentro de los {term.es} siguientes a la autorización del {began_es}.")
        return
    if rule is Rule.ANNUAL_FROM_COMPLETION:
        k = 1
        while (on := add_years(began, k)) <= end:
            yield on, Text(f"Due every year from {began_en}.",
                           f"Vence cada año a partir del {began_es}.")
            k += 1
        return
    # left: the two _EXPIRING rules
    every = 1 if rule is Rule.ANNUAL_BEFORE_EXPIRY else _need(ob, "years", ob.years)
    days = _need(ob, "days", ob.days)
    term = _days(days, ob.business_days)
    k = 1
    while True:
        expiry = add_years(began, k * every)
        on = cal.subtract(expiry, days) if ob.business_days else expiry - timedelta(days=days)
        if on > end:
            return
        yield on, Text(f"The term that began on {began_en} expires on {show_date(expiry, 'en')}; "
                       f"act in the {term.en} before.",
                       f"La vigencia iniciada el {began_es} vence el {show_date(expiry, 'es')}; "
                       f"actúe en los {term.es} previos.")
        k += 1


def _reminder(ob: Obligation, on: date, when: Text, project: str, uid_scope: str) -> Reminder:
    if ob.rule in _EXPIRING:
        days = _days(_need(ob, "days", ob.days), ob.business_days)
        title = Text(f"Expires in {days.en}: {ob.title.en}", f"Vence en {days.es}: {ob.title.es}")
    elif ob.rule is Rule.ANNUAL_FROM_COMPLETION:
        title = Text(f"Yearly renewal due: {ob.title.en}", f"Vence la renovación anual: {ob.title.es}")
    else:
        title = Text(f"Due: {ob.title.en}", f"Vence: {ob.title.es}")
    uid = f"{ob.item_id}:{on.isoformat()}"
    return Reminder(uid=f"{uid_scope}:{uid}" if uid_scope else uid, on=on, title=title,
                    description=_description(ob, when), project=project, item_id=ob.item_id)


def _description(ob: Obligation, first: Text) -> Text:
    en, es = [first.en], [first.es]
    if ob.note is not None:
        en.append(ob.note.en)
        es.append(ob.note.es)
    if ob.legal_basis:
        en.append(f"Legal basis: {ob.legal_basis}")
        es.append(f"Fundamento legal: {ob.legal_basis}")
    en.append(f"Checklist item: {ob.item_id}")
    es.append(f"Tarea: {ob.item_id}")
    return Text("\n".join(en), "\n".join(es))


# ---- what cannot be dated -------------------------------------------------------------------------------

def undated(obligations: Iterable[Obligation], completions: Mapping[str, date]) -> list[Undated]:
    """The obligations `reminders` cannot date, in the order given: clocks not started yet (the
    grant is not marked done), and obligations due on an event or at all times."""
    found = []
    for ob in obligations:
        if ob.rule in _CLOCKED:
            if ob.clock in completions or (ob.rule is Rule.WITHIN_DAYS_OF_GRANT and ob.item_id in completions):
                continue
            found.append(_pending(ob))
        elif ob.rule is Rule.WITHIN_DAYS_OF_EVENT:
            first = (Text("Due each time it happens; the term is not known.",
                          "Vence cada vez que ocurre; el plazo no se conoce.") if ob.days is None else
                     Text(f"Due within {_days(ob.days, ob.business_days).en} of each event.",
                          f"Vence dentro de los {_days(ob.days, ob.business_days).es} siguientes a cada evento."))
            found.append(Undated(ob.item_id, ob.title, UndatedKind.ON_EVENT, _description(ob, first)))
        elif ob.rule is Rule.CONTINUOUS:
            first = Text("Kept up at all times.", "Se cumple en todo momento.")
            found.append(Undated(ob.item_id, ob.title, UndatedKind.CONTINUOUS, _description(ob, first)))
    return found


def _pending(ob: Obligation) -> Undated:
    if ob.anchor is None or ob.anchor == ob.item_id:
        first = Text("No date yet: the clock starts on the day this item is marked done.",
                     "Sin fecha todavía: el plazo empieza el día en que esta tarea se marque como terminada.")
    else:
        anchor = ob.anchor_title or Text(ob.anchor, ob.anchor)
        first = Text(f"No date yet: the clock starts on the day “{anchor.en}” ({ob.anchor}) is marked done.",
                     f"Sin fecha todavía: el plazo empieza el día en que “{anchor.es}” ({ob.anchor}) "
                     "se marque como terminada.")
    return Undated(ob.item_id, ob.title, UndatedKind.PENDING_GRANT, _description(ob, first), waits_for=ob.clock)

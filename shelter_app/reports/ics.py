"""The compliance calendar as an iCalendar (`.ics`) file for Outlook, Google Calendar or Apple Calendar.

Each reminder (`core.compliance.Reminder`) is an all-day event with an alarm a week before. Its
UID is the reminder's own stable id, so importing a newer export updates the events instead of
adding copies.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from icalendar import Alarm, Calendar, Event

from shelter_app import APP_ID, APP_NAME, __version__
from shelter_app.core.bilingual import Text
from shelter_app.core.compliance import Reminder
from shelter_app.reports import Language, language_of, pick, replacing

ALARM_BEFORE = timedelta(days=7)
UID_DOMAIN = "shelterdesk.invalid"  # a stable, never-resolving domain that makes our UIDs globally unique

ICS_WORDS: dict[str, Text] = {
    "calendar": Text("ShelterDesk compliance calendar", "Calendario de cumplimiento de ShelterDesk"),
    "project": Text("Project", "Proyecto"),
    "in_a_week": Text("In one week: {title}", "En una semana: {title}"),
}


def event_uid(reminder: Reminder) -> str:
    return reminder.uid if "@" in reminder.uid else f"{reminder.uid}@{UID_DOMAIN}"


def build_calendar(reminders: Iterable[Reminder], language: str) -> Calendar:
    """The calendar; every event's DTSTAMP is the moment of export."""
    lang: Language = language_of(language)
    stamp = datetime.now(UTC)
    calendar = Calendar()
    calendar.add("prodid", f"-//{APP_NAME}//{APP_ID} {__version__}//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", pick(ICS_WORDS["calendar"], lang))
    seen: set[str] = set()
    for reminder in sorted(reminders, key=lambda r: (r.on, r.uid)):
        uid = event_uid(reminder)
        if uid in seen:
            raise ValueError(f"two reminders share the UID {uid!r}: calendar apps would merge them")
        seen.add(uid)
        calendar.add_component(_event(reminder, uid, lang, stamp))
    return calendar


def _event(reminder: Reminder, uid: str, lang: Language, stamp: datetime) -> Event:
    title = reminder.title.pick(lang)
    summary = f"{title} — {reminder.project}" if reminder.project else title
    description = reminder.description.pick(lang)
    if reminder.project:
        description = f"{description}\n\n{pick(ICS_WORDS['project'], lang)}: {reminder.project}".strip()
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", reminder.on)  # a date, not a datetime: an all-day event (VALUE=DATE)
    event.add("dtend", reminder.on + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("categories", [APP_NAME])
    event.add("transp", "TRANSPARENT")  # a reminder, not a meeting: it does not make the day busy
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", pick(ICS_WORDS["in_a_week"], lang).format(title=title))
    alarm.add("trigger", -ALARM_BEFORE)
    event.add_component(alarm)
    return event


def write_ics(reminders: Iterable[Reminder], language: str, path: Path) -> None:
    """Write the reminders to `path` (all or nothing: a temp file, then renamed)."""
    data = build_calendar(reminders, language).to_ical()
    with replacing(path) as tmp:
        tmp.write_bytes(data)

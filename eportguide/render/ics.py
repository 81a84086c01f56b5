"""The expected completion window as a calendar reminder: an RFC 5545 ``.ics`` file.

One all-day event (``VEVENT``) spans the window: DTSTART is the earliest expected day,
DTEND the day after the latest (an all-day end is exclusive). Its alarm (``VALARM``)
goes off at 09:00 Beijing time on the latest day, when a card not yet back is worth a
call. The title says 预计 for dates counted on an announced holiday arrangement and 估算
for an estimate, as the checklist does; the description names the procedure, the
window and the hotline. The UID is the case's id when there is one, so that a
reminder written again (the dates counted from the day the e-mail is sent) replaces
the first in a calendar rather than adding a second.

Written by hand, it is that small: lines end in CRLF, are folded at 75 octets
without cutting a UTF-8 character, and text values are escaped (``\\ ; , newline``).
Outlook, Thunderbird and phone calendars open it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

from eportguide.errors import UsageError
from eportguide.i18n import wording as w

if TYPE_CHECKING:
    from eportguide.engine.result import Result

CRLF = "\r\n"
#: RFC 5545 3.1: lines of at most 75 octets, not counting the line break.
FOLD_AT = 75
PRODUCT_ID = "-//eportguide//eportguide//ZH"
UID_DOMAIN = "eportguide"
#: The alarm's time on the latest day: 09:00 in Beijing (UTC+8), where the e-port works.
ALARM_UTC_HOUR = 1


class Reminder(NamedTuple):
    uid: str
    procedure: str  # the flow's title
    outcome: str  # the outcome's title
    start: date  # the day counted from
    earliest: date
    latest: date
    estimated: bool
    what: str = ""  # what is done in the window, e.g. 电子口岸办理
    phones: tuple[tuple[str, str], ...] = ()  # (label, number): whom to call
    tag: str = ""  # the case's tag, for ``eportguide cases TAG``


def escape(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """A content line folded at 75 octets (a continuation starts with a space, which counts),
    never inside a UTF-8 character; each piece ends in CRLF."""
    pieces: list[str] = []
    current, size, limit = "", 0, FOLD_AT
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            pieces.append(current)
            current, size, limit = "", 0, FOLD_AT - 1
        current += char
        size += octets
    pieces.append(current)
    return CRLF.join(pieces[:1] + [" " + piece for piece in pieces[1:]]) + CRLF


def _day(day: date) -> str:
    return f"{day:%Y%m%d}"


def summary(reminder: Reminder) -> str:
    label = w.ICS_ESTIMATED if reminder.estimated else w.ICS_EXPECTED
    return w.ICS_SUMMARY.format(label=label, outcome=reminder.outcome)


def description(reminder: Reminder) -> str:
    label = w.ICS_ESTIMATED if reminder.estimated else w.ICS_EXPECTED
    lines = [
        w.ICS_PROCEDURE.format(procedure=reminder.procedure, outcome=reminder.outcome),
        w.ICS_WINDOW.format(label=label, start=reminder.start, earliest=reminder.earliest, latest=reminder.latest, what=reminder.what),
    ]
    lines += [w.ICS_CALL.format(label=name, number=number) for name, number in reminder.phones]
    if reminder.tag:
        lines.append(w.ICS_CASE.format(tag=reminder.tag))
    return "\n".join(lines)


def calendar(reminders: Sequence[Reminder], stamp: datetime | None = None) -> str:
    """The ``.ics`` file's text: one event a reminder."""
    made = (stamp or datetime.now(UTC)).astimezone(UTC)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODUCT_ID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    for reminder in reminders:
        alarm = datetime(reminder.latest.year, reminder.latest.month, reminder.latest.day, ALARM_UTC_HOUR, tzinfo=UTC)
        call = w.LIST_SEPARATOR.join(number for _, number in reminder.phones)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{escape(reminder.uid)}",
            f"DTSTAMP:{made:%Y%m%dT%H%M%SZ}",
            f"DTSTART;VALUE=DATE:{_day(reminder.earliest)}",
            f"DTEND;VALUE=DATE:{_day(reminder.latest + timedelta(days=1))}",
            f"SUMMARY:{escape(summary(reminder))}",
            f"DESCRIPTION:{escape(description(reminder))}",
            "TRANSP:TRANSPARENT",  # a reminder, not a meeting: the clerk is not busy
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"TRIGGER;VALUE=DATE-TIME:{alarm:%Y%m%dT%H%M%SZ}",
            f"DESCRIPTION:{escape(w.ICS_ALARM.format(outcome=reminder.outcome, call=call) if call else summary(reminder))}",
            "END:VALARM",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines)


def result_uid(result: Result) -> str:
    """A run's own UID when it has no case: the same run on the same day gives the same one."""
    seed = "\n".join([result.flow_id, result.outcome_id, str(result.today), *(f"{a.key}={a.value}" for a in result.path)])
    return f"{hashlib.sha256(seed.encode('utf-8')).hexdigest()[:24]}@{UID_DOMAIN}"


def reminder(result: Result, uid: str | None = None, tag: str = "") -> Reminder:
    """The reminder of a run's expected dates; ``UsageError`` when its outcome has none."""
    counted, deadline = result.completion, result.deadline
    if counted is None or deadline is None:
        raise UsageError(w.ICS_NO_DATES.format(outcome=result.outcome_title), w.ICS_NO_DATES_HINT)
    phones = tuple((c.label, c.value) for c in result.contacts if c.kind == "phone")
    return Reminder(
        uid or result_uid(result),
        result.flow_title,
        result.outcome_title,
        counted.start,
        counted.earliest,
        counted.latest,
        counted.estimated,
        deadline.what,
        phones,
        tag,
    )


def result(result: Result) -> str:
    """A run's result as a calendar file (``--format ics``, ``-o x.ics``)."""
    return calendar([reminder(result)])

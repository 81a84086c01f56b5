"""Working-day arithmetic with China's official holidays and make-up days (调休).

The official arrangement comes from the ``chinese_calendar`` library; a flows pack may
add days announced after the library's release (``_calendar.yaml``), which take
precedence. For a year with no official data the estimate counts Monday to Friday and
says so, rather than failing.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from eportguide.model import definitions as d


@dataclass(frozen=True, slots=True)
class Completion:
    start: date  # the day counting starts from (not itself counted)
    earliest: date
    latest: date
    estimated: bool  # some day counted lies in a year without official data


class WorkingDays:
    def __init__(self, overrides: d.CalendarOverrides = d.CalendarOverrides()) -> None:
        self.holidays = {date.fromisoformat(x) for x in overrides.holidays}
        self.workdays = {date.fromisoformat(x) for x in overrides.workdays}
        self.estimated = False

    def is_workday(self, day: date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        import chinese_calendar

        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError:  # the library has no arrangement for this year yet
            self.estimated = True
            return day.weekday() < 5

    def after(self, start: date, count: int) -> date:
        """The ``count``-th working day after ``start``."""
        day = start
        while count > 0:
            day += timedelta(days=1)
            if self.is_workday(day):
                count -= 1
        return day


def completion(start: date, min_days: int, max_days: int, overrides: d.CalendarOverrides = d.CalendarOverrides()) -> Completion:
    calendar = WorkingDays(overrides)
    earliest = calendar.after(start, min_days)
    latest = calendar.after(start, max_days)
    return Completion(start, earliest, latest, calendar.estimated)

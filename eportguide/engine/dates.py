"""Working-day arithmetic with China's official holidays and make-up days (调休).

The official arrangement comes from the ``chinese_calendar`` library; a flows pack may
add days announced after the library's release (``_calendar.yaml``), which take
precedence. A year the pack lists days for counts as announced: its other days follow
the week. For a year with neither, the count is an estimate that goes by the week
alone (Monday to Friday) and says so, rather than failing.
"""

from datetime import date, timedelta
from typing import NamedTuple

from eportguide.model import definitions as d

#: A pack without ``_calendar.yaml``: the library's arrangement alone.
NO_OVERRIDES = d.CalendarOverrides()


class Completion(NamedTuple):
    start: date  # the day counting starts from (not itself counted)
    earliest: date
    latest: date
    estimated_years: tuple[int, ...] = ()  # years counted without an official arrangement

    @property
    def estimated(self) -> bool:
        return bool(self.estimated_years)


class WorkingDays:
    def __init__(self, overrides: d.CalendarOverrides = NO_OVERRIDES) -> None:
        self.holidays = {date.fromisoformat(x) for x in overrides.holidays}
        self.workdays = {date.fromisoformat(x) for x in overrides.workdays}
        self.announced_years = {day.year for day in self.holidays | self.workdays}
        self.estimated_years: set[int] = set()

    def is_workday(self, day: date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        import chinese_calendar

        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError:  # the library has no arrangement for this year
            if day.year not in self.announced_years:
                self.estimated_years.add(day.year)
            return day.weekday() < 5

    def after(self, start: date, count: int) -> date:
        """The ``count``-th working day after ``start``."""
        day = start
        while count > 0:
            day += timedelta(days=1)
            if self.is_workday(day):
                count -= 1
        return day


def completion(start: date, min_days: int, max_days: int, overrides: d.CalendarOverrides = NO_OVERRIDES) -> Completion:
    calendar = WorkingDays(overrides)
    earliest = calendar.after(start, min_days)
    latest = calendar.after(start, max_days)
    return Completion(start, earliest, latest, tuple(sorted(calendar.estimated_years)))

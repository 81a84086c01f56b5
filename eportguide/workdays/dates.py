"""Working-day arithmetic with China's holidays and make-up working days (调休).

A day is decided by the first of these that has it:

1. a State Council notice the user imported (``eportguide calendar import``): the year
   of the notice counts as announced, its days not listed as ordinary weeks;
2. the flows pack's ``_calendar.yaml`` (days announced after the library's release); a
   year it lists days for counts as announced, and its days not listed follow the next
   source;
3. the ``chinese_calendar`` library: the State Council's yearly notices it holds (a new
   release that knows a new year wins with no code change);
4. the estimate (``eportguide.workdays.estimate``): the law's days off (Article 2 of
   《全国年节及纪念日放假办法》) and its make-up days off (Article 6), then the State
   Council's published principles on top. Make-up working weekends cannot be derived:
   weekends count as off, and the count says it is an estimate.

A year none of them covers (outside the shipped law dates) is counted Monday to Friday,
also as an estimate. Pure: no printing, no files (the front end reads the imported
notices and hands them in); ``chinese_calendar`` and the estimate's tables are loaded
only when a day is looked up.
"""

from collections.abc import Mapping
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import NamedTuple

from eportguide.model import definitions as d
from eportguide.workdays.estimate import Holiday, Off, Reason, estimate, law_holidays

__all__ = ["Holiday", "Reason", "law_holidays"]

#: A pack without ``_calendar.yaml``: the library's arrangement alone.
NO_OVERRIDES = d.CalendarOverrides()


class Source(StrEnum):
    """Where the days of a year come from."""

    IMPORTED = "imported"  # a notice the user imported (eportguide calendar import)
    PACK = "pack"  # the pack's _calendar.yaml (announced)
    LIBRARY = "library"  # chinese_calendar: the State Council's notice (announced)
    ESTIMATE = "estimate"  # the law (Articles 2 and 6), then the State Council's principles
    WEEK = "week"  # no data at all: Monday to Friday, an estimate


ESTIMATES = frozenset({Source.ESTIMATE, Source.WEEK})
OFFICIAL = frozenset({Source.IMPORTED, Source.PACK, Source.LIBRARY})

#: chinese_calendar's short names (清明, 端午, 中秋) shown as the law's, so every year reads alike.
LIBRARY_NAMES = {"清明": "清明节", "端午": "端午节", "中秋": "中秋节"}


class Imported(NamedTuple):
    """The notices the user imported: their days, and the file of each notice's year."""

    holidays: frozenset[date] = frozenset()
    workdays: frozenset[date] = frozenset()  # make-up working days
    files: Mapping[int, str] = MappingProxyType({})  # year of a notice -> the file it was saved in


NO_IMPORTS = Imported()


# The records here are named tuples: a frozen dataclass costs about 0.8 ms to create at
# import, and this module is imported with every result.
class Day(NamedTuple):
    """One day as counted: worked or not, what decided it, the holiday it belongs to, and
    what a day off (or a make-up working day) rests on."""

    date: date
    workday: bool
    source: Source
    holiday: str | None = None  # the holiday it is part of, or makes up for (调休)
    reason: Reason | None = None  # None: an ordinary day of the week

    @property
    def makeup(self) -> bool:
        """A Saturday or Sunday that is worked (调休上班)."""
        return self.workday and self.date.weekday() >= 5

    @property
    def weekday_off(self) -> bool:
        """A Monday to Friday that is not worked."""
        return not self.workday and self.date.weekday() < 5


class Completion(NamedTuple):
    start: date  # the day counting starts from (not itself counted)
    earliest: date
    latest: date
    sources: tuple[tuple[int, Source], ...] = ()  # each year counted, and where its days come from
    law_holidays: tuple[Holiday, ...] = ()  # the law's holidays (Article 2) of estimated years the count skipped
    makeup_workdays: tuple[date, ...] = ()  # weekend days worked (调休), from start to latest
    days_off: tuple[Day, ...] = ()  # the weekdays off the count skipped, each with what it rests on

    @property
    def estimated_years(self) -> tuple[int, ...]:
        """Years counted without an announced arrangement."""
        return tuple(year for year, source in self.sources if source in ESTIMATES)

    @property
    def estimated(self) -> bool:
        return bool(self.estimated_years)

    def basis(self, until: date) -> Reason | Source:
        """What a date of the count rests on: WEEK when a year with no data is counted up to
        it; PRINCIPLES when it skipped a day off the State Council's principles alone give;
        LAW when an estimated year is counted but only the law's days off were skipped (or
        none); else OFFICIAL (every year counted up to it is announced)."""
        counted = {source for year, source in self.sources if year <= until.year}
        if Source.WEEK in counted:
            return Source.WEEK
        reasons = {day.reason for day in self.days_off if day.date <= until and day.source is Source.ESTIMATE}
        if Reason.PRINCIPLES in reasons:
            return Reason.PRINCIPLES
        if reasons or Source.ESTIMATE in counted:
            return Reason.LAW
        return Reason.OFFICIAL


def _library_knows(year: int) -> bool:
    import chinese_calendar

    try:
        chinese_calendar.is_workday(date(year, 1, 1))
    except NotImplementedError:  # the installed release has no arrangement for this year
        return False
    return True


def _library_day(day: date) -> Day:
    import chinese_calendar

    off, english = chinese_calendar.get_holiday_detail(day)
    name = None
    if english is not None:
        chinese = chinese_calendar.Holiday(english).chinese
        name = LIBRARY_NAMES.get(chinese, chinese)
    decided = name is not None or off != (day.weekday() >= 5)
    return Day(day, not off, Source.LIBRARY, name, Reason.OFFICIAL if decided else None)


class WorkingDays:
    def __init__(self, overrides: d.CalendarOverrides = NO_OVERRIDES, imported: Imported = NO_IMPORTS) -> None:
        self.holidays = {date.fromisoformat(x) for x in overrides.holidays}
        self.workdays = {date.fromisoformat(x) for x in overrides.workdays}
        self.announced_years = {day.year for day in self.holidays | self.workdays}
        self.imported = imported
        self._bases: dict[int, Source] = {}
        self._estimates: dict[int, Mapping[date, Off]] = {}

    def source(self, year: int) -> Source:
        """Where the days of ``year`` come from."""
        if year in self.imported.files:
            return Source.IMPORTED
        return Source.PACK if year in self.announced_years else self.basis(year)

    def basis(self, year: int) -> Source:
        """Where the days of ``year`` that no notice file lists come from."""
        if year not in self._bases:
            if _library_knows(year):
                self._bases[year] = Source.LIBRARY
            else:
                self._bases[year] = Source.ESTIMATE if law_holidays(year) is not None else Source.WEEK
        return self._bases[year]

    @property
    def estimated_years(self) -> set[int]:
        """Years looked up so far whose days are estimated."""
        return {year for year in self._bases if self.source(year) in ESTIMATES}

    def day(self, day: date) -> Day:
        imported = self.imported
        if day in imported.holidays or day in imported.workdays:  # named as the next source names it
            return Day(day, day in imported.workdays, Source.IMPORTED, self._basis_day(day).holiday, Reason.OFFICIAL)
        if day.year in imported.files and day not in self.holidays and day not in self.workdays:
            return Day(day, day.weekday() < 5, Source.IMPORTED)  # not in the notice: an ordinary day
        found = self._basis_day(day)
        if day in self.workdays or day in self.holidays:
            return Day(day, day in self.workdays, Source.PACK, found.holiday, Reason.OFFICIAL)
        return found

    def _basis_day(self, day: date) -> Day:
        basis = self.basis(day.year)
        if basis is Source.LIBRARY:
            return _library_day(day)
        off = self._estimate(day.year).get(day)
        if off is None:
            return Day(day, day.weekday() < 5, basis)
        return Day(day, False, basis, off.holiday, off.reason)

    def _estimate(self, year: int) -> Mapping[date, Off]:
        if year not in self._estimates:
            self._estimates[year] = estimate(year) or {}
        return self._estimates[year]

    def is_workday(self, day: date) -> bool:
        return self.day(day).workday

    def after(self, start: date, count: int) -> date:
        """The ``count``-th working day after ``start``."""
        day = start
        while count > 0:
            day += timedelta(days=1)
            if self.is_workday(day):
                count -= 1
        return day

    def year(self, year: int) -> list[Day]:
        """Every day of ``year``, as counted."""
        first = date(year, 1, 1)
        return [self.day(first + timedelta(days=n)) for n in range((date(year, 12, 31) - first).days + 1)]


class Year(NamedTuple):
    """One year as counted: where its days come from and the days that differ from the week."""

    year: int
    source: Source
    basis: Source  # where the days no notice file lists come from
    law_holidays: tuple[Holiday, ...]  # the law's holidays (Article 2), for a year the estimate counts
    weekdays_off: tuple[Day, ...]
    makeup_workdays: tuple[Day, ...]
    file: str | None = None  # the imported notice's file, for an imported year
    days_off: tuple[Day, ...] = ()  # every day off a holiday gives, weekends included, with its reason

    @property
    def estimated(self) -> bool:
        return self.source in ESTIMATES


def calendar_year(year: int, overrides: d.CalendarOverrides = NO_OVERRIDES, imported: Imported = NO_IMPORTS) -> Year:
    calendar = WorkingDays(overrides, imported)
    days = calendar.year(year)
    basis = calendar.basis(year)
    source = calendar.source(year)
    return Year(
        year,
        source,
        basis,
        (law_holidays(year) or ()) if source is Source.ESTIMATE else (),
        tuple(day for day in days if day.weekday_off),
        tuple(day for day in days if day.makeup),
        imported.files.get(year),
        tuple(day for day in days if not day.workday and day.holiday is not None),
    )


def library_version() -> str:
    """The installed release of chinese_calendar (its arrangements end with a year)."""
    import chinese_calendar

    return str(chinese_calendar.__version__)


def completion(
    start: date, min_days: int, max_days: int, overrides: d.CalendarOverrides = NO_OVERRIDES, imported: Imported = NO_IMPORTS
) -> Completion:
    calendar = WorkingDays(overrides, imported)
    earliest = calendar.after(start, min_days)
    latest = calendar.after(start, max_days)
    counted = [calendar.day(start + timedelta(days=n)) for n in range(1, (latest - start).days + 1)]
    years = sorted({day.date.year for day in counted})
    sources = tuple((year, calendar.source(year)) for year in years)
    skipped = sorted(
        (
            holiday
            for year, source in sources
            if source is Source.ESTIMATE
            for holiday in law_holidays(year) or ()
            if any(start < day <= latest for day in holiday.days)
        ),
        key=lambda holiday: holiday.days[0],
    )
    makeup = tuple(day.date for day in (calendar.day(start), *counted) if day.makeup)
    days_off = tuple(day for day in counted if day.weekday_off)
    return Completion(start, earliest, latest, sources, tuple(skipped), makeup, days_off)

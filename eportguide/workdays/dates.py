"""Working-day arithmetic with China's holidays and make-up working days (调休).

Each year's days come from one of three sources, in this order of precedence:

1. the flows pack's ``_calendar.yaml`` (days announced after the library's release); a
   year it lists days for counts as announced, and its days not listed follow the next
   source;
2. the ``chinese_calendar`` library: the State Council's yearly notice, days off and
   make-up working days (a new release that knows a new year wins with no code change);
3. the law, 《全国年节及纪念日放假办法》: its days off are never working days, but the
   extra days off around them and the make-up working weekends wait for the yearly
   notice, so a count that uses the law is an estimate and says so.

A year none of them covers (outside the shipped law dates) is counted Monday to Friday,
also as an estimate. Pure: no printing, no files; ``chinese_calendar`` and the law's
dates are imported only when a day is looked up.
"""

from datetime import date, timedelta
from enum import StrEnum
from typing import NamedTuple

from eportguide.model import definitions as d

#: A pack without ``_calendar.yaml``: the library's arrangement alone.
NO_OVERRIDES = d.CalendarOverrides()


class Source(StrEnum):
    """Where the days of a year come from."""

    PACK = "pack"  # the pack's _calendar.yaml (announced)
    LIBRARY = "library"  # chinese_calendar: the State Council's notice (announced)
    LAW = "law"  # the law's days off only: an estimate, 调休 not yet known
    WEEK = "week"  # no data at all: Monday to Friday, an estimate


ESTIMATES = frozenset({Source.LAW, Source.WEEK})

#: The law's holidays by the names the law gives them; chinese_calendar's short names
#: (清明, 端午, 中秋) are shown by these too, so that every year reads alike.
NEW_YEAR, SPRING_FESTIVAL, QINGMING, LABOUR_DAY, DRAGON_BOAT, MID_AUTUMN, NATIONAL_DAY = (
    "元旦",
    "春节",
    "清明节",
    "劳动节",
    "端午节",
    "中秋节",
    "国庆节",
)
LIBRARY_NAMES = {"清明": QINGMING, "端午": DRAGON_BOAT, "中秋": MID_AUTUMN}


# The records here are named tuples: a frozen dataclass costs about 0.8 ms to create at
# import, and this module is imported with every result.
class Holiday(NamedTuple):
    """A holiday of the law in one year, and its days off."""

    name: str
    days: tuple[date, ...]


class Day(NamedTuple):
    """One day as counted: worked or not, what decided it, and the holiday it belongs to."""

    date: date
    workday: bool
    source: Source
    holiday: str | None = None  # the holiday it is part of, or makes up for (调休)

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
    law_holidays: tuple[Holiday, ...] = ()  # holidays of estimated years the count skipped
    makeup_workdays: tuple[date, ...] = ()  # weekend days worked (调休), from start to latest

    @property
    def estimated_years(self) -> tuple[int, ...]:
        """Years counted without an announced arrangement."""
        return tuple(year for year, source in self.sources if source in ESTIMATES)

    @property
    def estimated(self) -> bool:
        return bool(self.estimated_years)


def law_holidays(year: int) -> tuple[Holiday, ...] | None:
    """The days off the law gives in ``year``; None for a year without shipped dates."""
    from eportguide.workdays import law_dates

    row = law_dates.DATES.get(year)
    if row is None:
        return None
    eve, qingming, dragon_boat, mid_autumn = (date(year, *month_day) for month_day in row)
    return (
        Holiday(NEW_YEAR, (date(year, 1, 1),)),
        Holiday(SPRING_FESTIVAL, tuple(eve + timedelta(days=n) for n in range(4))),  # 除夕 to 初三
        Holiday(QINGMING, (qingming,)),
        Holiday(LABOUR_DAY, (date(year, 5, 1), date(year, 5, 2))),
        Holiday(DRAGON_BOAT, (dragon_boat,)),
        Holiday(MID_AUTUMN, (mid_autumn,)),
        Holiday(NATIONAL_DAY, tuple(date(year, 10, n) for n in (1, 2, 3))),
    )


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
    return Day(day, not off, Source.LIBRARY, name)


class WorkingDays:
    def __init__(self, overrides: d.CalendarOverrides = NO_OVERRIDES) -> None:
        self.holidays = {date.fromisoformat(x) for x in overrides.holidays}
        self.workdays = {date.fromisoformat(x) for x in overrides.workdays}
        self.announced_years = {day.year for day in self.holidays | self.workdays}
        self._bases: dict[int, Source] = {}
        self._law: dict[int, dict[date, str]] = {}

    def source(self, year: int) -> Source:
        """Where the days of ``year`` come from."""
        return Source.PACK if year in self.announced_years else self.basis(year)

    def basis(self, year: int) -> Source:
        """Where the days of ``year`` the pack does not list come from."""
        if year not in self._bases:
            if _library_knows(year):
                self._bases[year] = Source.LIBRARY
            else:
                self._bases[year] = Source.LAW if law_holidays(year) is not None else Source.WEEK
        return self._bases[year]

    @property
    def estimated_years(self) -> set[int]:
        """Years looked up so far whose days are estimated."""
        return {year for year in self._bases if self.source(year) in ESTIMATES}

    def day(self, day: date) -> Day:
        if self.basis(day.year) is Source.LIBRARY:
            found = _library_day(day)
        else:
            holiday = self._law_holiday(day)
            found = Day(day, holiday is None and day.weekday() < 5, self.basis(day.year), holiday)
        if day in self.workdays or day in self.holidays:
            return Day(day, day in self.workdays, Source.PACK, found.holiday)
        return found

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

    def _law_holiday(self, day: date) -> str | None:
        """The law's holiday ``day`` belongs to."""
        if day.year not in self._law:
            self._law[day.year] = {x: h.name for h in law_holidays(day.year) or () for x in h.days}
        return self._law[day.year].get(day)


class Year(NamedTuple):
    """One year as counted: where its days come from and the days that differ from the week."""

    year: int
    source: Source
    basis: Source  # where the days the pack does not list come from
    law_holidays: tuple[Holiday, ...]  # the law's holidays counted (a year whose basis is the law)
    weekdays_off: tuple[Day, ...]
    makeup_workdays: tuple[Day, ...]

    @property
    def estimated(self) -> bool:
        return self.source in ESTIMATES


def calendar_year(year: int, overrides: d.CalendarOverrides = NO_OVERRIDES) -> Year:
    calendar = WorkingDays(overrides)
    days = calendar.year(year)
    basis = calendar.basis(year)
    return Year(
        year,
        calendar.source(year),
        basis,
        (law_holidays(year) or ()) if basis is Source.LAW else (),
        tuple(day for day in days if day.weekday_off),
        tuple(day for day in days if day.makeup),
    )


def library_version() -> str:
    """The installed release of chinese_calendar (its arrangements end with a year)."""
    import chinese_calendar

    return str(chinese_calendar.__version__)


def completion(start: date, min_days: int, max_days: int, overrides: d.CalendarOverrides = NO_OVERRIDES) -> Completion:
    calendar = WorkingDays(overrides)
    earliest = calendar.after(start, min_days)
    latest = calendar.after(start, max_days)
    counted = [start + timedelta(days=n) for n in range(1, (latest - start).days + 1)]
    years = sorted({day.year for day in counted})
    sources = tuple((year, calendar.source(year)) for year in years)
    skipped = sorted(
        (
            holiday
            for year, source in sources
            if source is Source.LAW
            for holiday in law_holidays(year) or ()
            if any(start < day <= latest for day in holiday.days)
        ),
        key=lambda holiday: holiday.days[0],
    )
    makeup = tuple(day for day in (start, *counted) if calendar.day(day).makeup)
    return Completion(start, earliest, latest, sources, tuple(skipped), makeup)

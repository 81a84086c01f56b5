"""The days off of a year the State Council has not arranged yet, in two layers.

1. **The law** (《全国年节及纪念日放假办法》, as revised in 2024, in force from 2025).
   Article 2 gives 元旦 (1 January), 春节 (农历除夕 to 正月初三), 清明, 劳动节 (1–2 May),
   端午, 中秋 and 国庆 (1–3 October). Article 6: "全体公民放假的假日，如果适逢星期六、星期日，
   应当在工作日补假" — each such day on a Saturday or Sunday gives one weekday off, on the
   first working days after the holiday (第六条补假). No notice can take these away.
2. **The State Council's principles**, published with its notice for 2025 (国办发明电
   〔2024〕12号): "除个别特殊情形外，春节自农历除夕起放假调休8天，国庆节自10月1日起放假调休7天，
   劳动节放假调休5天，元旦、清明节、端午节、中秋节分别放假调休或连休3天（如逢周三则只在当日放假），
   国庆节放假如逢中秋节则合并放假8天。" Where a break lies is learnt from the notices of past
   years (``chinese-calendar`` holds them; ``benchmarks/workdays_backtest.py`` measures
   the fit):

   - a 3-day break joins the weekend next to the holiday: Saturday to Monday for a
     holiday on a Saturday, Sunday or Monday; Sunday to Tuesday for a Tuesday (the
     Monday between is 调休); Thursday to Saturday for a Thursday (the Friday is 调休);
     Friday to Sunday for a Friday; a Wednesday stands alone;
   - 劳动节's 5 days start on 1 May when a whole weekend falls within them (1 May on a
     Wednesday to a Saturday), else on the Saturday before 1 May;
   - 中秋 from 29 September to 8 October merges with 国庆 into 8 days: from 1 October,
     or from 中秋 when it falls before.

   The make-up working weekends (调休上班) that pay for these breaks cannot be derived:
   an estimate counts every weekend as off, and says so.

Pure: no files, no printing. The lunar and solar-term dates come from
``eportguide.engine.law_dates`` (generated), loaded when a year is first estimated.
"""

from datetime import date, timedelta
from enum import StrEnum
from typing import NamedTuple

#: The law's holidays by the names the law gives them.
NEW_YEAR, SPRING_FESTIVAL, QINGMING, LABOUR_DAY, DRAGON_BOAT, MID_AUTUMN, NATIONAL_DAY = (
    "元旦",
    "春节",
    "清明节",
    "劳动节",
    "端午节",
    "中秋节",
    "国庆节",
)
#: The holidays the principles give 3 days (or the day alone, on a Wednesday).
THREE_DAY_HOLIDAYS = (NEW_YEAR, QINGMING, DRAGON_BOAT, MID_AUTUMN)
SPRING_FESTIVAL_DAYS, NATIONAL_DAY_DAYS, LABOUR_DAY_DAYS, MERGED_DAYS = 8, 7, 5, 8
#: 中秋 on one of these days of the year merges with 国庆 (8 days in all).
MERGE_FIRST, MERGE_LAST = (9, 29), (10, 8)
SATURDAY, WEDNESDAY = 5, 2
#: Days before and after a 3-day holiday's own day, by its weekday (Monday = 0).
THREE_DAY_SPAN = {0: (-2, 0), 1: (-2, 0), 2: (0, 0), 3: (0, 2), 4: (0, 2), 5: (0, 2), 6: (-1, 1)}


class Reason(StrEnum):
    """What a day off rests on, the strongest first."""

    OFFICIAL = "official"  # the State Council's notice (the library, the pack's file or an imported one)
    LAW = "law"  # 法定: Article 2
    ARTICLE_6 = "article6"  # 第六条补假: a holiday day on a weekend
    PRINCIPLES = "principles"  # 按放假原则估算: the State Council's published principles


class Holiday(NamedTuple):
    """A holiday of the law in one year, and its days off by Article 2."""

    name: str
    days: tuple[date, ...]


class Off(NamedTuple):
    """A day off of an estimated year: the holiday it belongs to and what it rests on."""

    holiday: str
    reason: Reason


def law_holidays(year: int) -> tuple[Holiday, ...] | None:
    """The days off Article 2 gives in ``year``; None for a year without shipped dates."""
    from eportguide.workdays import law_dates

    row = law_dates.DATES.get(year)
    if row is None:
        return None
    eve, qingming, dragon_boat, mid_autumn = (date(year, *month_day) for month_day in row)
    return (
        Holiday(NEW_YEAR, (date(year, 1, 1),)),
        Holiday(SPRING_FESTIVAL, _run(eve, 4)),  # 除夕 to 初三
        Holiday(QINGMING, (qingming,)),
        Holiday(LABOUR_DAY, (date(year, 5, 1), date(year, 5, 2))),
        Holiday(DRAGON_BOAT, (dragon_boat,)),
        Holiday(MID_AUTUMN, (mid_autumn,)),
        Holiday(NATIONAL_DAY, _run(date(year, 10, 1), 3)),
    )


def _run(first: date, days: int) -> tuple[date, ...]:
    return tuple(first + timedelta(days=n) for n in range(days))


def _weekend(day: date) -> bool:
    return day.weekday() >= SATURDAY


def article_6(holidays: tuple[Holiday, ...]) -> dict[date, str]:
    """The weekdays off Article 6 adds: one for each holiday day on a weekend, on the first
    working days after that holiday (a day two holidays share counts once)."""
    off = {day for holiday in holidays for day in holiday.days}
    claimed: set[date] = set()
    added: dict[date, str] = {}
    for holiday in sorted(holidays, key=lambda h: h.days[0]):
        owed = sum(1 for day in holiday.days if _weekend(day) and day not in claimed)
        claimed.update(holiday.days)
        day = holiday.days[-1]
        while owed:
            day += timedelta(days=1)
            if not _weekend(day) and day not in off and day not in added:
                added[day] = holiday.name
                owed -= 1
    return added


def principles(holidays: tuple[Holiday, ...]) -> dict[str, tuple[date, ...]]:
    """Each holiday's break by the State Council's principles, weekends included."""
    by_name = {holiday.name: holiday.days for holiday in holidays}
    national = by_name[NATIONAL_DAY][0]
    year = national.year
    mid_autumn = by_name[MID_AUTUMN][0]
    breaks: dict[str, tuple[date, ...]] = {SPRING_FESTIVAL: _run(by_name[SPRING_FESTIVAL][0], SPRING_FESTIVAL_DAYS)}
    if date(year, *MERGE_FIRST) <= mid_autumn <= date(year, *MERGE_LAST):
        breaks[NATIONAL_DAY] = _run(min(mid_autumn, national), MERGED_DAYS)
        breaks[MID_AUTUMN] = ()  # within 国庆's
    else:
        breaks[NATIONAL_DAY] = _run(national, NATIONAL_DAY_DAYS)
    may_day = date(year, 5, 1)
    starts_on_may_day = WEDNESDAY <= may_day.weekday() <= SATURDAY
    first = may_day if starts_on_may_day else may_day - timedelta(days=(may_day.weekday() - SATURDAY) % 7)
    breaks[LABOUR_DAY] = _run(first, LABOUR_DAY_DAYS)
    for name in THREE_DAY_HOLIDAYS:
        if name in breaks:
            continue
        day = by_name[name][0]
        before, after = THREE_DAY_SPAN[day.weekday()]
        breaks[name] = _run(day + timedelta(days=before), after - before + 1)
    return breaks


def estimate(year: int) -> dict[date, Off] | None:
    """Every day off of ``year`` by the law, then the principles (weekends included), with
    the holiday and the reason; None for a year without shipped dates.

    元旦 of the next year may begin in this one (a Tuesday: from the Sunday before).
    """
    days: dict[date, Off] = {}
    for which in (year, year + 1):
        holidays = law_holidays(which)
        if holidays is None:
            if which == year:
                return None
            continue
        layers: list[tuple[Reason, dict[date, str]]] = [
            (Reason.LAW, _law_days(holidays)),
            (Reason.ARTICLE_6, article_6(holidays)),
            (Reason.PRINCIPLES, {day: name for name, run in principles(holidays).items() for day in run}),
        ]
        for reason, named in layers:
            for day, name in named.items():
                if day.year == year and day not in days:
                    days[day] = Off(name, reason)
    return days


def _law_days(holidays: tuple[Holiday, ...]) -> dict[date, str]:
    """Article 2's days, each with its holiday; a day of two holidays names both (中秋节、国庆节)."""
    days: dict[date, list[str]] = {}
    for holiday in holidays:
        for day in holiday.days:
            days.setdefault(day, []).append(holiday.name)
    return {day: "、".join(names) for day, names in days.items()}


def law_only(year: int) -> dict[date, Off] | None:
    """The days off of ``year`` by the law alone (Articles 2 and 6)."""
    full = estimate(year)
    if full is None:
        return None
    return {day: off for day, off in full.items() if off.reason is not Reason.PRINCIPLES}

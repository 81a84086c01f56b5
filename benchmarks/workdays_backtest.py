"""How close the estimate comes to the State Council's notices: a backtest on past years.

The estimate (``eportguide.workdays.estimate``) is applied to years whose official
arrangement ``chinese-calendar`` holds, and its weekdays off (Monday to Friday: what a
count of working days skips) are compared with the official ones:

- **whole years** under the current law (2025, 2026): the law's layer alone, then the
  law and the principles (the estimate a clerk sees);
- **the 3-day holidays** (元旦, 清明, 端午, 中秋 not merged with 国庆) of the years before
  (2008–2024, when they were already one law day arranged into 3 days): the principles'
  rule for which weekdays join the break, holiday by holiday.

Per row: predicted, official, matched, missed (official days off the estimate counts as
working: a date promised too early), extra (estimated days off that were worked: a date
promised too late). Make-up working weekends are not compared: they cannot be derived.

    python benchmarks/workdays_backtest.py
"""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import holidays as holidays_library

from eportguide.workdays.estimate import THREE_DAY_SPAN, estimate, law_only

CURRENT_LAW_YEARS = (2025, 2026)
EARLIER_YEARS = range(2008, 2025)
LIBRARY_NAMES = {"元旦": "New Year's Day", "清明节": "Tomb-sweeping Day", "端午节": "Dragon Boat Festival", "中秋节": "Mid-autumn Festival"}
HOLIDAYS_NAMES = {"元旦": "元旦", "清明节": "清明节", "端午节": "端午节", "中秋节": "中秋节"}


def official_weekdays_off(first: date, last: date) -> set[date]:
    days = {first + timedelta(days=n) for n in range((last - first).days + 1)}
    return {x for x in days if x.weekday() < 5 and not chinese_calendar.is_workday(x)}


def row(label: str, predicted: set[date], official: set[date]) -> tuple[str, int, int, int, int, int]:
    return (label, len(predicted), len(official), len(predicted & official), len(official - predicted), len(predicted - official))


def whole_years() -> list[tuple[str, int, int, int, int, int]]:
    rows = []
    for year in CURRENT_LAW_YEARS:
        official = official_weekdays_off(date(year, 1, 1), date(year, 12, 31))
        for layer, days in (("law alone", law_only(year)), ("law + principles", estimate(year))):
            assert days is not None
            rows.append(row(f"{year}, {layer}", {x for x in days if x.weekday() < 5}, official))
    return rows


def law_day(year: int, name: str) -> date:
    """The holiday's own day in ``year`` (the holidays library knows the lunar ones)."""
    if name == "元旦":
        return date(year, 1, 1)
    for day, names in holidays_library.China(years=year, observed=False, language="zh_CN").items():
        if HOLIDAYS_NAMES[name] in names.split("; "):
            return day
    raise LookupError(name)


def three_day_holidays() -> list[tuple[str, int, int, int, int, int]]:
    totals: dict[str, list[int]] = {}
    for year in EARLIER_YEARS:
        for name in LIBRARY_NAMES:
            day = law_day(year, name)
            if name == "中秋节" and date(year, 9, 29) <= day <= date(year, 10, 8):
                continue  # merged with National Day: not a 3-day break
            before, after = THREE_DAY_SPAN[day.weekday()]
            span = {day + timedelta(days=n) for n in range(before, after + 1)}
            predicted = {x for x in span if x.weekday() < 5}
            window = official_weekdays_off(day - timedelta(days=3), day + timedelta(days=3))
            official = {x for x in window if chinese_calendar.get_holiday_detail(x)[1] == LIBRARY_NAMES[name]}
            counts = totals.setdefault(name, [0, 0, 0, 0, 0, 0, 0])
            for i, value in enumerate(row(name, predicted, official)[1:]):
                counts[i] += value
            counts[5] += predicted == official
            counts[6] += 1
    first, last = EARLIER_YEARS[0], EARLIER_YEARS[-1]
    return [(f"{name} {first}–{last}: exact in {c[5]} of {c[6]} years", c[0], c[1], c[2], c[3], c[4]) for name, c in totals.items()]


def main() -> None:
    header = ("", "predicted", "official", "matched", "missed", "extra")
    print(f"chinese-calendar {chinese_calendar.__version__}: weekdays off, estimate against the official arrangement\n")
    print("| " + " | ".join(header) + " |")
    print("|---|" + "---:|" * (len(header) - 1))
    for line in [*whole_years(), *three_day_holidays()]:
        print("| " + " | ".join(str(x) for x in line) + " |")


if __name__ == "__main__":
    main()

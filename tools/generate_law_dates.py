"""Write ``eportguide/workdays/law_dates.py``: the law's lunar and solar-term holidays per year.

《全国年节及纪念日放假办法》 (as revised in 2024, in force from 2025) makes 农历除夕 to
正月初三, 清明, 端午 and 中秋 days off. Their Gregorian dates are taken once from the
``holidays`` library (a test dependency, never a runtime one: it costs 150–250 ms to
import) and shipped as plain tuples, which cost nothing to import.

    pip install -e '.[test]'
    python tools/generate_law_dates.py          # rewrite the module
    python tools/generate_law_dates.py --check  # exit 1 if the module is stale

``tests/unit/test_law_holidays.py`` checks the shipped module against the library.
"""

import argparse
import sys
from datetime import date
from pathlib import Path

#: The first year of the current law; the last year the library's lunar tables cover.
FIRST_YEAR, LAST_YEAR = 2025, 2100
TARGET = Path(__file__).parents[1] / "eportguide" / "workdays" / "law_dates.py"
#: The holidays library's names of the four days looked up, in the module's column order.
COLUMNS = ("农历除夕", "清明节", "端午节", "中秋节")

HEADER = '''\
"""Dates of the law's lunar and solar-term holidays, {first}–{last}. Generated: do not edit.

《全国年节及纪念日放假办法》 (as revised in 2024, in force from 2025) gives 农历除夕 to
正月初三 (four days from 除夕), 清明, 端午 and 中秋 as days off; their Gregorian dates
come from the ``holidays`` library, through ``python tools/generate_law_dates.py``.
A row is year: (除夕, 清明, 端午, 中秋), each as (month, day).
"""

FIRST_YEAR = {first}
LAST_YEAR = {last}

MonthDay = tuple[int, int]

DATES: dict[int, tuple[MonthDay, MonthDay, MonthDay, MonthDay]] = {{
'''


def lunar_dates(year: int) -> tuple[date, ...]:
    """除夕, 清明, 端午 and 中秋 of ``year``, as the holidays library computes them."""
    import holidays

    found: dict[str, date] = {}
    for day, names in holidays.China(years=year, observed=False, language="zh_CN").items():
        for name in names.split("; "):
            found.setdefault(name, day)
    return tuple(found[name] for name in COLUMNS)


def render(first: int = FIRST_YEAR, last: int = LAST_YEAR) -> str:
    lines = [HEADER.format(first=first, last=last)]
    for year in range(first, last + 1):
        cells = ", ".join(f"({day.month}, {day.day})" for day in lunar_dates(year))
        lines.append(f"    {year}: ({cells}),\n")
    lines.append("}\n")
    return "".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the shipped module differs")
    args = parser.parse_args()
    text = render()
    if args.check:
        if TARGET.read_text(encoding="utf-8") != text:
            print(f"{TARGET} is stale: run python tools/generate_law_dates.py", file=sys.stderr)
            sys.exit(1)
        return
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()

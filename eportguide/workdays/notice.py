"""Reads a State Council holiday notice, as published, into its days off and working days.

The notice (国务院办公厅关于2026年部分节假日安排的通知) gives one numbered item per
holiday, in sentences of a few shapes, which have stayed the same for years::

    二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
    一、元旦：1月1日放假，与周末连休。
    一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。

Everything outside the numbered items (the title, which gives the year, the preamble,
the closing paragraph, the signature) is not an arrangement and is passed over; a
sentence inside an item that starts with 鼓励 is advice (2024: rest on 除夕), kept aside.
Any other sentence of an item must be read completely, or the whole notice is refused
with the line: an unreadable sentence, a date that does not exist, a weekday that
contradicts its date, a count (共N天) that contradicts its dates, a day both off and
working. Pure: the text in, a ``Notice`` or a ``NoticeError`` out.
"""

import re
from datetime import date, timedelta
from typing import NamedTuple

from eportguide.i18n import wording as w

WEEKDAY_DIGITS = "一二三四五六日"  # 周一 … 周日 (also 星期天)
FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
TITLE = re.compile(r"关于(?P<year>\d{4})年(?:部分)?节假日安排的通知")
ITEM = re.compile(r"^(?P<number>[一二三四五六七八九十]+)、(?P<names>[^：:]+)[：:](?P<body>.*)$")
_DATE = r"(?:(?P<{0}year>\d{{4}})年)?(?:(?P<{0}month>\d{{1,2}})月)?(?P<{0}day>\d{{1,2}})日(?:（(?P<{0}note>[^（）]*)）)?"
DAYS_OFF = re.compile(
    "^"
    + _DATE.format("a")
    + "(?:至"
    + _DATE.format("b")
    + r")?放假(?:调休)?(?:(?P<once>\d+)天)?(?P<tail>(?:，(?:共\d+天|不调休|与周末连休))*)$"
)
TAIL_COUNT = re.compile(r"共(\d+)天")
ONE_DATE = re.compile("^" + _DATE.format("a") + "$")
WEEKDAY = re.compile(r"(?:周|星期)([一二三四五六日天])")
ADVICE = "鼓励"


class Item(NamedTuple):
    """One numbered item of a notice: a holiday, its days off and its working days."""

    line: int
    names: tuple[str, ...]  # as written: 国庆节、中秋节 is two
    days_off: tuple[date, ...]
    workdays: tuple[date, ...]

    @property
    def name(self) -> str:
        return w.LIST_SEPARATOR.join(self.names)


class Notice(NamedTuple):
    year: int
    items: tuple[Item, ...]
    advice: tuple[tuple[int, str], ...] = ()  # (line, sentence) passed over: not an arrangement

    @property
    def days_off(self) -> list[date]:
        return sorted({day for item in self.items for day in item.days_off})

    @property
    def workdays(self) -> list[date]:
        return sorted({day for item in self.items for day in item.workdays})


class Problem(NamedTuple):
    line: int
    text: str  # the line as written
    problem: str


class NoticeError(ValueError):
    """A notice refused; ``problems`` name each line and what is wrong with it."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.line}: {p.problem}" for p in problems))


def parse(text: str) -> Notice:
    """The notice in ``text``; NoticeError naming every line it cannot accept."""
    lines = [line.translate(FULL_WIDTH).strip().replace(" ", "").replace("\u3000", "") for line in text.splitlines()]
    year = _year(lines)
    if year is None:
        raise NoticeError([Problem(1, lines[0] if lines else "", w.NOTICE_NO_YEAR)])
    items: list[Item] = []
    advice: list[tuple[int, str]] = []
    problems: list[Problem] = []
    for number, line in enumerate(lines, 1):
        found = ITEM.match(line)
        if found is None:
            continue
        reader = _ItemReader(year, number, line)
        for sentence in (s for s in found["body"].split("。") if s):
            if sentence.startswith(ADVICE):
                advice.append((number, sentence))
            else:
                reader.read(sentence)
        problems += reader.problems
        names = tuple(name for name in found["names"].split("、") if name)
        items.append(Item(number, names, tuple(reader.days_off), tuple(reader.workdays)))
    if not items and not problems:
        raise NoticeError([Problem(1, lines[0] if lines else "", w.NOTICE_NOTHING)])
    problems += _both_off_and_working(items, lines)
    if problems:
        raise NoticeError(problems)
    return Notice(year, tuple(items), tuple(advice))


def _year(lines: list[str]) -> int | None:
    for line in lines:
        found = TITLE.search(line)
        if found:
            return int(found["year"])
    return None


class _ItemReader:
    def __init__(self, year: int, line: int, text: str) -> None:
        self.year, self.line, self.text = year, line, text
        self.days_off: list[date] = []
        self.workdays: list[date] = []
        self.problems: list[Problem] = []

    def refuse(self, problem: str) -> None:
        self.problems.append(Problem(self.line, self.text, problem))

    def read(self, sentence: str) -> None:
        if sentence.endswith("上班"):
            parts = sentence.removesuffix("上班").split("、")
            matches = [ONE_DATE.match(part) for part in parts]
            if all(matches) and matches[0] is not None and matches[0]["amonth"]:
                previous = None
                for found in matches:
                    assert found is not None
                    day = self.date(found, "a", previous, roll=False)
                    if day is not None:
                        self.workdays.append(day)
                        previous = day
                return
        off = DAYS_OFF.match(sentence)
        if off is None or off["amonth"] is None:
            self.refuse(w.NOTICE_UNREADABLE.format(sentence=sentence))
            return
        first = self.date(off, "a", None)
        if first is None:
            return
        last = self.date(off, "b", first) if off["bday"] else first
        if last is None:
            return
        if last < first:
            self.refuse(w.NOTICE_BACKWARDS.format(sentence=sentence))
            return
        days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
        counts = [int(n) for n in TAIL_COUNT.findall(off["tail"])] + ([int(off["once"])] if off["once"] else [])
        for count in counts:
            if count != len(days):
                self.refuse(w.NOTICE_COUNT.format(written=count, counted=len(days), sentence=sentence))
                return
        self.days_off += days

    def date(self, found: re.Match[str], which: str, after: date | None, roll: bool = True) -> date | None:
        """The date a match names; without a month, the month and year of ``after`` (the
        start of its range, or the date before it in a list)."""
        year_text, month_text, day_text = (found[which + part] for part in ("year", "month", "day"))
        year = int(year_text) if year_text else (after.year if after else self.year)
        month = int(month_text) if month_text else (after.month if after else 0)
        written = f"{year_text + '年' if year_text else ''}{month_text + '月' if month_text else ''}{day_text}日"
        try:
            day = date(year, month, int(day_text))
        except ValueError:
            self.refuse(w.NOTICE_NO_SUCH_DAY.format(date=written))
            return None
        if roll and after is not None and day < after and month_text and not year_text:
            day = date(day.year + 1, day.month, day.day)  # 12月31日至1月2日: the end is in the next year
        weekday = WEEKDAY.search(found[which + "note"] or "")
        if weekday is not None:
            said = WEEKDAY_DIGITS.index(weekday[1].replace("天", "日"))
            if said != day.weekday():
                self.refuse(
                    w.NOTICE_WEEKDAY.format(date=written, said=w.WEEKDAYS[said], actual=w.WEEKDAYS[day.weekday()], iso=day.isoformat())
                )  # refused, but read on: a range's end takes its month
        return day


def _both_off_and_working(items: list[Item], lines: list[str]) -> list[Problem]:
    off = {day: item.line for item in items for day in item.days_off}
    return [
        Problem(item.line, lines[item.line - 1], w.NOTICE_BOTH.format(date=day.isoformat()))
        for item in items
        for day in item.workdays
        if day in off
    ]

"""The law's days off in years without an official arrangement, and which source wins.

《全国年节及纪念日放假办法》 fixes 元旦 (1 day), 春节 (除夕 to 初三), 清明, 劳动节 (May 1–2),
端午, 中秋 and 国庆 (October 1–3). Only the extra days off and the make-up working
weekends (调休) wait for the State Council's yearly notice, so a count in such a year
never ends on one of the law's days. The shipped dates (``eportguide/workdays/law_dates.py``)
are checked against the ``holidays`` library, against the official arrangements of
2025 and 2026, and against their generator.
"""

import json
import runpy
import shutil
from datetime import date, timedelta
from pathlib import Path

import chinese_calendar
import holidays
import pytest
from helpers import ROOT, cli

from eportguide.model import definitions as d
from eportguide.workdays import law_dates
from eportguide.workdays.dates import Source, WorkingDays, completion, law_holidays

FLOWS = ROOT / "flows"
GENERATOR = ROOT / "tools" / "generate_law_dates.py"


def day(text: str) -> date:
    return date.fromisoformat(text)


def next_working_day(start: str, calendar: WorkingDays | None = None) -> str:
    return (calendar or WorkingDays()).after(day(start), 1).isoformat()


# --- 2027 and 2028, as a clerk would check them on a wall calendar ---------------------

#: (holiday, its days by the law, the day before it, the first working day after its whole break:
#: the law's days, Article 6's make-up days off and the State Council's principles)
LAW_2027_2028 = [
    ("元旦", ["2027-01-01"], "2026-12-31", "2027-01-04"),
    ("春节", ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"], "2027-02-04", "2027-02-15"),
    ("清明节", ["2027-04-05"], "2027-04-02", "2027-04-06"),
    ("劳动节", ["2027-05-01", "2027-05-02"], "2027-04-30", "2027-05-06"),
    ("端午节", ["2027-06-09"], "2027-06-08", "2027-06-10"),
    ("中秋节", ["2027-09-15"], "2027-09-14", "2027-09-16"),
    ("国庆节", ["2027-10-01", "2027-10-02", "2027-10-03"], "2027-09-30", "2027-10-08"),
    ("元旦", ["2028-01-01"], "2027-12-31", "2028-01-04"),
    ("春节", ["2028-01-25", "2028-01-26", "2028-01-27", "2028-01-28"], "2028-01-24", "2028-02-02"),
    ("清明节", ["2028-04-04"], "2028-04-03", "2028-04-05"),
    ("劳动节", ["2028-05-01", "2028-05-02"], "2028-04-28", "2028-05-04"),
    ("端午节", ["2028-05-28"], "2028-05-26", "2028-05-30"),
    ("中秋节", ["2028-10-03"], "2028-09-29", "2028-10-09"),  # the same day as National Day's third: merged, 8 days
    ("国庆节", ["2028-10-01", "2028-10-02", "2028-10-03"], "2028-09-29", "2028-10-09"),
]
IDS = [f"{days[0][:4]}-{name}" for name, days, _, _ in LAW_2027_2028]


@pytest.mark.parametrize(("name", "days", "before", "after"), LAW_2027_2028, ids=IDS)
def test_the_law_gives_these_days_off_in_2027_and_2028(name, days, before, after):
    year = int(days[0][:4])
    by_law = {holiday.name: [x.isoformat() for x in holiday.days] for holiday in law_holidays(year)}
    assert by_law[name] == days


@pytest.mark.parametrize(("name", "days", "before", "after"), LAW_2027_2028, ids=IDS)
def test_a_count_that_would_land_on_a_holiday_of_the_law_skips_it(name, days, before, after):
    calendar = WorkingDays()
    for holiday_day in days:
        assert calendar.is_workday(day(holiday_day)) is False, holiday_day
        # Counting from the day before a holiday day never ends on it or inside the holiday.
        previous = (day(holiday_day) - timedelta(days=1)).isoformat()
        assert next_working_day(previous, calendar) not in days
    assert next_working_day(before, calendar) == after


@pytest.mark.parametrize(
    ("today", "earliest"),
    [("2026-12-31", "2027-01-04"), ("2027-09-30", "2027-10-08"), ("2027-02-04", "2027-02-15")],
    ids=["new-year", "national-day", "spring-festival-eve"],
)
def test_the_dates_of_the_issue_no_longer_land_on_a_holiday(today, earliest):
    done = completion(day(today), 1, 2)
    assert done.earliest.isoformat() == earliest
    assert done.estimated and done.estimated_years == (int(earliest[:4]),)


def test_2027_by_the_law_alone_and_by_the_principles_until_the_notice():
    calendar = WorkingDays()
    off = {x.date.isoformat(): x.reason.value for x in calendar.year(2027) if x.weekday_off}
    law = [day for day, reason in off.items() if reason == "law"]
    assert law == ["2027-01-01", "2027-02-05", "2027-02-08", "2027-04-05", "2027-06-09", "2027-09-15", "2027-10-01"]
    article_6 = [day for day, reason in off.items() if reason == "article6"]
    assert article_6 == ["2027-02-09", "2027-02-10", "2027-05-03", "2027-05-04", "2027-10-04", "2027-10-05"]
    principles = [day for day, reason in off.items() if reason == "principles"]
    assert principles == ["2027-02-11", "2027-02-12", "2027-05-05", "2027-10-06", "2027-10-07"]
    assert not [x for x in calendar.year(2027) if x.makeup]  # no 调休 is invented


# --- the shipped dates against independent sources -------------------------------------


def library_law(year: int) -> dict[date, set[str]]:
    """The statutory days of ``year`` in the holidays library, by the law's names."""
    days: dict[date, set[str]] = {}
    for when, names in holidays.China(years=year, observed=False, language="zh_CN").items():
        for name in names.split("; "):
            if name.startswith("休息日"):  # an official notice's extra day (2025, 2026), not the law's
                continue
            days.setdefault(when, set()).add("春节" if name == "农历除夕" else name)
    return days


def shipped_law(year: int) -> dict[date, set[str]]:
    days: dict[date, set[str]] = {}
    for holiday in law_holidays(year):
        for when in holiday.days:
            days.setdefault(when, set()).add(holiday.name)
    return days


def test_the_shipped_dates_cover_at_least_2027_to_2050():
    assert law_dates.FIRST_YEAR <= 2025 and law_dates.LAST_YEAR >= 2050
    assert sorted(law_dates.DATES) == list(range(law_dates.FIRST_YEAR, law_dates.LAST_YEAR + 1))


def test_the_shipped_dates_match_the_holidays_library_in_every_year():
    wrong = [year for year in law_dates.DATES if shipped_law(year) != library_law(year)]
    assert wrong == []


def test_qingming_is_the_solar_term_chinese_calendar_computes():
    for year, row in law_dates.DATES.items():
        terms = chinese_calendar.get_solar_terms(date(year, 4, 1), date(year, 4, 30))
        assert date(year, *row[1]) == next(when for when, name in terms if name == "清明"), year


@pytest.mark.parametrize("year", [2025, 2026])
def test_every_day_of_the_law_was_off_in_the_official_arrangements(year):
    for holiday in law_holidays(year):
        for when in holiday.days:
            assert not chinese_calendar.is_workday(when), (holiday.name, when)


def test_the_shipped_module_is_what_its_generator_writes():
    generator = runpy.run_path(str(GENERATOR))
    assert law_dates.__file__ is not None
    assert Path(law_dates.__file__).read_text(encoding="utf-8") == generator["render"]()


# --- precedence: the pack's file > chinese_calendar > the law ------------------------------

#: A made-up notice for National Day 2027, as a future chinese_calendar release or a
#: pack's file would carry it: 1–7 October off, Sundays 26 September and 10 October worked.
NOTICE_DAYS_OFF = [f"2027-10-0{n}" for n in range(1, 8)]
NOTICE_WORKDAYS = ["2027-09-26", "2027-10-10"]


@pytest.fixture
def library_knows_2027(monkeypatch):
    """chinese_calendar as a release that knows 2027 would be: its tables hold the year."""
    for text in NOTICE_DAYS_OFF:
        monkeypatch.setitem(chinese_calendar.holidays, day(text), chinese_calendar.Holiday.national_day.value)
    for text in NOTICE_WORKDAYS:
        monkeypatch.setitem(chinese_calendar.workdays, day(text), chinese_calendar.Holiday.national_day.value)


def test_a_library_release_that_knows_2027_wins_over_the_law(library_knows_2027):
    done = completion(day("2027-09-30"), 1, 2)
    assert (done.earliest, done.latest) == (day("2027-10-08"), day("2027-10-10"))  # Sunday 10 October is worked
    assert done.sources == ((2027, Source.LIBRARY),) and not done.estimated
    assert done.law_holidays == ()
    assert completion(day("2027-09-24"), 1, 1).earliest == day("2027-09-26")  # the make-up Sunday
    assert completion(day("2027-09-24"), 1, 1).makeup_workdays == (day("2027-09-26"),)


def test_the_pack_file_wins_over_the_library(library_knows_2027):
    overrides = d.CalendarOverrides(workdays=("2027-10-08",))
    done = completion(day("2027-10-07"), 1, 1, overrides)
    assert done.earliest == day("2027-10-08")
    assert done.sources == ((2027, Source.PACK),)


@pytest.fixture
def pack_announcing_2027(tmp_path):
    """A copy of the shipped pack whose _calendar.yaml holds a notice for National Day 2027."""
    pack = tmp_path / "flows"
    shutil.copytree(FLOWS, pack)
    (pack / "_calendar.yaml").write_text(
        f"holidays: {json.dumps(NOTICE_DAYS_OFF)}\nworkdays: {json.dumps(NOTICE_WORKDAYS)}\n", encoding="utf-8"
    )
    return pack


def test_a_calendar_file_entry_for_2027_turns_2027_official(pack_announcing_2027):
    args = ["unlock-card", "-a", "card=legal", "--no-input", "--no-save", "--today", "2027-09-30"]
    before = cli(*args, "--format", "json")
    after = cli("--flows", str(pack_announcing_2027), *args, "--format", "json")
    assert before.exit_code == 0 and after.exit_code == 0, before.output + after.output
    estimate, official = json.loads(before.stdout)["deadline"], json.loads(after.stdout)["deadline"]
    assert (estimate["earliest"], estimate["estimated"], estimate["sources"]) == (
        "2027-10-08",
        True,
        [{"year": 2027, "source": "estimate"}],
    )
    assert (official["earliest"], official["latest"]) == ("2027-10-08", "2027-10-10")
    assert (official["estimated"], official["sources"]) == (False, [{"year": 2027, "source": "pack"}])
    text = cli("--flows", str(pack_announcing_2027), *args, "--format", "text").stdout
    assert "预计 2027-10-08（周五） 至 2027-10-10（周日，调休上班） 完成电子口岸办理" in text and "估算" not in text


def test_a_make_up_sunday_from_the_calendar_file_says_so(pack_announcing_2027):
    args = ["--flows", str(pack_announcing_2027), "unlock-card", "-a", "card=legal", "--no-input", "--no-save"]
    result = cli(*args, "--today", "2027-09-24", "--format", "text")
    assert result.exit_code == 0, result.output
    assert "预计 2027-09-26（周日，调休上班） 至 2027-09-27（周一）" in result.stdout


def test_days_a_partial_calendar_file_leaves_out_still_follow_the_law():
    # Only National Day entered: the Spring Festival of the same year is still off.
    calendar = WorkingDays(d.CalendarOverrides(holidays=tuple(NOTICE_DAYS_OFF), workdays=tuple(NOTICE_WORKDAYS)))
    assert calendar.source(2027) is Source.PACK and calendar.basis(2027) is Source.ESTIMATE
    assert calendar.is_workday(day("2027-02-05")) is False
    assert calendar.is_workday(day("2027-10-10")) is True


# --- what mutation testing found untested ---------------------------------------------


def test_the_skipped_holidays_are_listed_in_the_order_they_fall_not_by_name():
    # 清明节 (4-05) falls before 劳动节 (5-01), though 劳 sorts before 清 by name
    done = completion(date(2027, 4, 2), 20, 25)
    assert [holiday.name for holiday in done.law_holidays] == ["清明节", "劳动节"]


def test_a_holiday_on_the_first_day_is_not_one_the_count_skipped():
    # counting starts after 2027-01-01: New Year's Day is not among the days counted
    done = completion(date(2027, 1, 1), 1, 2)
    assert (done.earliest, done.latest) == (date(2027, 1, 4), date(2027, 1, 5))
    assert done.law_holidays == ()


def test_the_years_counted_are_those_after_the_first_day():
    # from 2026-12-31, only days of 2027 are counted: 2026 (official) is not a source
    done = completion(date(2026, 12, 31), 1, 2)
    assert done.sources == ((2027, Source.ESTIMATE),)


def test_a_working_day_of_the_library_belongs_to_no_holiday():
    day = WorkingDays().day(date(2026, 3, 3))
    assert day.workday and day.source is Source.LIBRARY and day.holiday is None


def test_a_year_as_counted_has_every_day_from_new_year_to_new_year_s_eve():
    days = WorkingDays().year(2027)
    assert len(days) == 365 and days[0].date == date(2027, 1, 1) and days[-1].date == date(2027, 12, 31)
    assert len(WorkingDays().year(2028)) == 366


def test_the_library_release_is_named_as_installed():
    from eportguide.workdays.dates import library_version

    assert library_version() == chinese_calendar.__version__ != "None"

"""Completion dates counted in China's working days, with 调休, from ``--today``.

Pinned across National Day 2026 (1–7 October off, Saturday 10 October worked), the
Spring Festival 2026 (15–23 February off, Saturdays 14 and 28 February worked), a year
counted by the law's holidays (no official arrangement yet) and a year with no data.
The law's holidays of 2027 and 2028 themselves are pinned in ``test_law_holidays``.
"""

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from helpers import FLOWS, cli

from eportguide.model import definitions as d
from eportguide.workdays.dates import NO_OVERRIDES, WorkingDays, completion

#: Far enough ahead that no calendar release will have its arrangement for years.
UNANNOUNCED_YEAR = 2035
#: Before the calendar library's first year and the current law: no data at all.
YEAR_WITHOUT_DATA = 2001


def unlock(*extra: str):
    """The locked 法人卡 procedure (1-2 working days) run from the command line."""
    return cli("unlock-card", "-a", "card=legal", "--no-input", "--no-save", *extra)


def deadline_of(*extra: str) -> dict:
    result = unlock("--format", "json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["deadline"]


def days(start: str, fewest: int = 1, most: int = 2, overrides: d.CalendarOverrides = NO_OVERRIDES):
    done = completion(date.fromisoformat(start), fewest, most, overrides)
    return done.earliest.isoformat(), done.latest.isoformat(), done.estimated


# --- National Day -----------------------------------------------------------------


def test_one_to_two_working_days_from_30_september_2026_end_on_8_and_9_october():
    assert days("2026-09-30") == ("2026-10-08", "2026-10-09", False)


def test_the_checklist_dates_a_card_received_on_30_september_2026_after_national_day():
    deadline = deadline_of("--today", "2026-09-30")
    assert (deadline["start"], deadline["earliest"], deadline["latest"]) == ("2026-09-30", "2026-10-08", "2026-10-09")
    assert deadline["estimated"] is False and deadline["estimated_years"] == []


def test_the_make_up_saturday_after_national_day_counts_as_a_working_day():
    assert days("2026-10-08", 1, 2) == ("2026-10-09", "2026-10-10", False)  # Saturday 10 October is worked


def test_the_text_says_what_the_count_starts_from_and_from_which_day():
    result = unlock("--format", "text", "--today", "2026-09-30")
    assert result.exit_code == 0, result.output
    # The FAQ never says from which day a time limit counts: the start is the tool's assumption.
    assert "1-2个工作日，本工具假定自电子口岸收到申请邮件和法人卡之日起算（常见问题未说明从哪天起算）" in result.stdout
    assert "2026-09-30（周三） 为起算日" in result.stdout
    assert "2026-10-08（周四） 至 2026-10-09（周五）" in result.stdout
    assert "估算" not in result.stdout


# --- Spring Festival --------------------------------------------------------------


def test_the_make_up_saturday_before_spring_festival_2026_is_the_first_working_day():
    # Friday 13 February: Saturday 14 is worked, then 15–23 February are off.
    assert days("2026-02-13") == ("2026-02-14", "2026-02-24", False)


def test_the_make_up_saturday_at_the_end_of_february_2026_is_a_working_day():
    assert days("2026-02-27") == ("2026-02-28", "2026-03-02", False)


def test_a_card_received_on_the_eve_of_the_spring_festival_holiday_is_done_after_it():
    assert days("2026-02-14") == ("2026-02-24", "2026-02-25", False)


def test_the_checklist_says_a_make_up_saturday_is_worked():
    result = unlock("--format", "markdown", "--today", "2026-02-13")
    assert result.exit_code == 0, result.output
    assert "预计 2026-02-14（周六，调休上班） 至 2026-02-24（周二） 完成电子口岸办理" in result.stdout


def test_a_count_starting_on_a_make_up_saturday_says_so():
    result = unlock("--format", "text", "--today", "2026-02-28")
    assert result.exit_code == 0, result.output
    assert "若 2026-02-28（周六，调休上班） 为起算日，预计 2026-03-02（周一） 至 2026-03-03（周二）" in result.stdout


def test_json_lists_the_make_up_working_days_of_the_count():
    deadline = deadline_of("--today", "2026-02-13")
    assert deadline["makeup_workdays"] == ["2026-02-14"]
    assert deadline["sources"] == [{"year": 2026, "source": "library"}]
    assert deadline_of("--today", "2026-09-30")["makeup_workdays"] == []


def test_json_says_the_start_of_the_count_is_an_assumption():
    deadline = deadline_of("--today", "2026-09-30")
    assert deadline["counts_from"] == "电子口岸收到申请邮件和法人卡之日"
    assert deadline["counts_from_assumed"] is True


# --- a year without official data -------------------------------------------------


def test_a_year_without_an_official_arrangement_is_estimated_by_the_law_not_an_error():
    start = f"{UNANNOUNCED_YEAR}-10-05"  # a Friday, after National Day (1–3 October)
    earliest, latest, estimated = days(start)
    assert (earliest, latest) == (f"{UNANNOUNCED_YEAR}-10-08", f"{UNANNOUNCED_YEAR}-10-09")
    assert estimated is True


def test_the_checklist_labels_dates_in_an_unannounced_year_as_an_estimate():
    result = unlock("--format", "text", "--today", f"{UNANNOUNCED_YEAR}-10-05")
    assert result.exit_code == 0, result.output
    assert f"预计 {UNANNOUNCED_YEAR}-10-08（周一） 至 {UNANNOUNCED_YEAR}-10-09（周二） 完成电子口岸办理" in result.stdout
    assert f"（估算：国务院尚未公布{UNANNOUNCED_YEAR}年的放假安排，期间没有周一至周五的放假日；" in result.stdout
    assert "周末调休上班无法推算，已按周末休息计算，以官方公布为准）" in result.stdout
    assert "（日期依据：仅依法律（《全国年节及纪念日放假办法》第二条、第六条））" in result.stdout


def test_the_checklist_names_the_holiday_of_the_law_it_skipped():
    # Today's bug: counted Monday to Friday, the card was promised back on New Year's Day.
    result = unlock("--format", "text", "--today", "2026-12-31")
    assert result.exit_code == 0, result.output
    assert "若 2026-12-31（周四） 为起算日，预计 2027-01-04（周一） 至 2027-01-05（周二） 完成电子口岸办理" in result.stdout
    assert "（估算：国务院尚未公布2027年的放假安排；跳过的周一至周五放假日：元旦（法定 2027-01-01）；" in result.stdout
    assert "周末调休上班无法推算" in result.stdout
    # New Year's Day is a day off by the law alone: the dates rest on nothing else
    assert "（日期依据：仅依法律（《全国年节及纪念日放假办法》第二条、第六条））" in result.stdout


def test_json_marks_an_estimate_and_names_its_year():
    deadline = deadline_of("--today", f"{UNANNOUNCED_YEAR}-10-05")
    assert deadline["estimated"] is True and deadline["estimated_years"] == [UNANNOUNCED_YEAR]
    assert deadline["sources"] == [{"year": UNANNOUNCED_YEAR, "source": "estimate"}]
    assert deadline["law_holidays"] == []  # none between the start and the latest day
    assert deadline["days_off"] == []
    assert deadline["basis"] == {"earliest": "law", "latest": "law"}


def test_json_lists_the_holidays_of_the_law_an_estimate_skipped_and_each_day_off_with_its_reason():
    deadline = deadline_of("--today", "2027-02-04")
    # 02-09 and 02-10 make up for 初一 and 初二 (a Saturday and a Sunday); the principles give 8 days from 除夕
    assert (deadline["earliest"], deadline["latest"]) == ("2027-02-15", "2027-02-16")
    assert deadline["law_holidays"] == [{"name": "春节", "dates": ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"]}]
    reasons = [(day["date"], day["reason"]) for day in deadline["days_off"]]
    assert reasons == [
        ("2027-02-05", "law"),
        ("2027-02-08", "law"),
        ("2027-02-09", "article6"),
        ("2027-02-10", "article6"),
        ("2027-02-11", "principles"),
        ("2027-02-12", "principles"),
    ]
    assert {day["source"] for day in deadline["days_off"]} == {"estimate"}
    assert deadline["basis"] == {"earliest": "principles", "latest": "principles"}


def test_an_official_count_is_labelled_with_the_notice_s_year():
    result = unlock("--format", "text", "--today", "2026-09-30")
    assert "（日期依据：官方安排（国务院2026年放假通知））" in result.stdout
    deadline = deadline_of("--today", "2026-09-30")
    assert deadline["basis"] == {"earliest": "official", "latest": "official"}
    assert [day["date"] for day in deadline["days_off"]] == ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"]
    assert {day["reason"] for day in deadline["days_off"]} == {"official"}


def test_a_year_with_no_data_at_all_is_counted_monday_to_friday_and_says_so():
    assert days(f"{YEAR_WITHOUT_DATA}-09-28") == (f"{YEAR_WITHOUT_DATA}-10-01", f"{YEAR_WITHOUT_DATA}-10-02", True)
    result = unlock("--format", "text", "--today", f"{YEAR_WITHOUT_DATA}-09-28")
    assert result.exit_code == 0, result.output
    assert f"估算：{YEAR_WITHOUT_DATA} 年的官方节假日安排尚未收录，只按周一至周五计算" in result.stdout
    assert deadline_of("--today", f"{YEAR_WITHOUT_DATA}-09-28")["sources"] == [{"year": YEAR_WITHOUT_DATA, "source": "week"}]


def test_every_count_within_2026_is_what_the_official_arrangement_alone_gives():
    import chinese_calendar

    def official(start: date, count: int) -> date:
        day = start
        while count:
            day += timedelta(days=1)
            count -= chinese_calendar.is_workday(day)
        return day

    for n in range(362):  # every start whose two working days end within 2026
        start = date(2026, 1, 1) + timedelta(days=n)
        done = completion(start, 1, 2)
        assert (done.earliest, done.latest, done.estimated) == (official(start, 1), official(start, 2), False), start


def test_a_known_year_is_not_marked_as_estimated_because_of_another():
    calendar = WorkingDays()
    assert calendar.is_workday(date(2026, 2, 14)) is True
    assert calendar.is_workday(date(2026, 2, 16)) is False
    assert calendar.estimated_years == set()


# --- --today ----------------------------------------------------------------------


def test_without_today_the_count_starts_today():
    assert deadline_of()["start"] == date.today().isoformat()


def test_a_malformed_today_exits_2_naming_the_value():
    result = unlock("--today", "2026-02-30")
    assert result.exit_code == 2
    assert "2026-02-30" in result.stderr and "YYYY-MM-DD" in result.stderr


# --- a pack's own announcements -----------------------------------------------------


@pytest.fixture
def pack_with_calendar(tmp_path):
    """A copy of the shipped pack whose ``_calendar.yaml`` the test writes."""
    pack = tmp_path / "flows"
    shutil.copytree(FLOWS, pack)

    def write(text: str) -> Path:
        (pack / "_calendar.yaml").write_text(text, encoding="utf-8")
        return pack

    return write


def test_the_shipped_calendar_file_adds_nothing_yet():
    assert days("2026-09-30") == ("2026-10-08", "2026-10-09", False)
    text = (FLOWS / "_calendar.yaml").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert lines == ["holidays: []", "workdays: []"]


def test_a_pack_can_announce_a_year_the_library_does_not_know_yet(pack_with_calendar):
    flows = pack_with_calendar(f'holidays: ["{UNANNOUNCED_YEAR}-10-08"]\nworkdays: ["{UNANNOUNCED_YEAR}-10-06"]\n')
    result = cli(
        "--flows",
        str(flows),
        "unlock-card",
        "-a",
        "card=legal",
        "--no-input",
        "--no-save",
        "--format",
        "json",
        "--today",
        f"{UNANNOUNCED_YEAR}-10-05",
    )
    assert result.exit_code == 0, result.output
    deadline = json.loads(result.stdout)["deadline"]
    # Saturday 6 October is announced as worked, Monday 8 October as a day off.
    assert (deadline["earliest"], deadline["latest"]) == (f"{UNANNOUNCED_YEAR}-10-06", f"{UNANNOUNCED_YEAR}-10-09")
    assert deadline["estimated"] is False


def test_a_pack_announcement_takes_precedence_over_the_library():
    overrides = d.CalendarOverrides(holidays=("2026-10-08",), workdays=("2026-10-07",))
    assert days("2026-09-30", overrides=overrides) == ("2026-10-07", "2026-10-09", False)


def test_a_calendar_entry_that_is_not_a_date_is_reported_with_its_line(pack_with_calendar):
    flows = pack_with_calendar('holidays:\n  - "2026-10-01"\n  - "2026-13-01"\n')
    result = cli("--flows", str(flows), "unlock-card", "-a", "card=legal", "--no-input", "--no-save")
    assert result.exit_code == 2
    assert "_calendar.yaml:3:5: “2026-13-01”不是日期（应为 YYYY-MM-DD） [type]" in result.stderr

"""Working days of years without an official arrangement, and next year's notice in one command.

The estimate has two layers: the law (《全国年节及纪念日放假办法》 Article 2's days off and
Article 6's make-up days off, 补假) and on top the State Council's published principles
(国办发明电〔2024〕12号). ``eportguide calendar import`` reads a notice as published; the
real notices of 2023–2026 (``fixtures/notices``) must give chinese-calendar's days.
"""

import json
import shutil
from datetime import date, timedelta

import chinese_calendar
import pytest
from helpers import FIXTURES, FLOWS, ROOT, cli

from eportguide.model import definitions as d
from eportguide.workdays import notice as notices
from eportguide.workdays.dates import Imported, Source, WorkingDays, completion, law_holidays
from eportguide.workdays.estimate import principles

NOTICES = FIXTURES / "notices"
INVENTED_2027 = NOTICES / "2027-invented.txt"


def day(text: str) -> date:
    return date.fromisoformat(text)


def run(range_: tuple[str, str]) -> list[date]:
    first, last = day(range_[0]), day(range_[1])
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def by_law(year: int) -> set[date]:
    """Article 2's days and Article 6's make-up days of ``year``, worked out here on their own:
    each holiday day on a weekend gives the first weekday after the holiday not yet off."""
    holidays = law_holidays(year)
    assert holidays is not None
    off = {x for holiday in holidays for x in holiday.days}
    weekend_days = {x for x in off if x.weekday() >= 5}
    for holiday in sorted(holidays, key=lambda h: h.days[0]):
        owed = len([x for x in holiday.days if x in weekend_days])
        weekend_days -= set(holiday.days)  # a day two holidays share gives one make-up day
        candidate = holiday.days[-1]
        while owed:
            candidate += timedelta(days=1)
            if candidate.weekday() < 5 and candidate not in off:
                off.add(candidate)
                owed -= 1
    return off


# --- the law: no count lands on a day off by Article 2 or Article 6 ---------------------


@pytest.mark.parametrize("year", [2027, 2028, 2029, 2030])
def test_no_count_lands_on_a_day_off_by_article_2_or_6(year):
    law = by_law(year)
    calendar = WorkingDays()
    start = date(year, 1, 1) - timedelta(days=1)
    while start.year <= year:
        done = completion(start, 1, 2)
        assert done.earliest not in law and done.latest not in law, start
        start += timedelta(days=1)
    assert not [x for x in law if calendar.is_workday(x)]


def test_the_make_up_days_off_of_2027_follow_article_6():
    # 初一 and 初二 (6 and 7 February), 1–2 May and 2–3 October fall on weekends
    article_6 = sorted(by_law(2027) - {x for h in law_holidays(2027) for x in h.days})
    assert [x.isoformat() for x in article_6] == ["2027-02-09", "2027-02-10", "2027-05-03", "2027-05-04", "2027-10-04", "2027-10-05"]


# --- the State Council's principles: every 2027 holiday --------------------------------

PRINCIPLES_2027 = {
    "元旦": ("2027-01-01", "2027-01-03"),  # a Friday: Friday to Sunday
    "春节": ("2027-02-05", "2027-02-12"),  # 8 days from 除夕
    "清明节": ("2027-04-03", "2027-04-05"),  # a Monday: Saturday to Monday
    "劳动节": ("2027-05-01", "2027-05-05"),  # 5 days
    "端午节": ("2027-06-09", "2027-06-09"),  # a Wednesday: that day only
    "中秋节": ("2027-09-15", "2027-09-15"),  # a Wednesday: that day only
    "国庆节": ("2027-10-01", "2027-10-07"),  # 7 days from 1 October
}


@pytest.mark.parametrize(("name", "span"), PRINCIPLES_2027.items(), ids=list(PRINCIPLES_2027))
def test_the_principles_give_each_2027_holiday_its_break(name, span):
    breaks = principles(law_holidays(2027))
    assert breaks[name] == tuple(run(span))
    calendar = WorkingDays()
    assert not [x for x in run(span) if calendar.is_workday(x)]
    assert calendar.is_workday(day(span[1]) + timedelta(days=1)) or day(span[1]).weekday() >= 4


def test_the_spring_festival_of_2027_is_estimated_at_8_days_not_the_law_s_minimum():
    done = completion(day("2027-02-04"), 1, 2)
    assert (done.earliest, done.latest) == (day("2027-02-15"), day("2027-02-16"))


def test_2028_mid_autumn_inside_national_day_merges_into_8_days():
    breaks = principles(law_holidays(2028))
    assert breaks["国庆节"] == tuple(run(("2028-10-01", "2028-10-08")))
    assert breaks["中秋节"] == ()  # 3 October: within National Day
    off = [x.date.isoformat() for x in WorkingDays().year(2028) if x.weekday_off and x.date.month == 10]
    assert off == ["2028-10-02", "2028-10-03", "2028-10-04", "2028-10-05", "2028-10-06"]
    assert completion(day("2028-09-29"), 1, 1).earliest == day("2028-10-09")


def test_a_new_year_on_a_tuesday_starts_its_break_in_the_year_before():
    # 2030-01-01 is a Tuesday: Sunday 29 December 2029 to Tuesday, Monday 30 December 调休
    assert WorkingDays().is_workday(day("2029-12-31")) is False
    assert WorkingDays().day(day("2029-12-31")).holiday == "元旦"


# --- 2026 unchanged -------------------------------------------------------------------


def test_2026_is_the_official_arrangement_whatever_the_estimate_would_say():
    calendar = WorkingDays()
    for n in range(365):
        x = date(2026, 1, 1) + timedelta(days=n)
        assert calendar.is_workday(x) == chinese_calendar.is_workday(x), x
    assert calendar.source(2026) is Source.LIBRARY


# --- the checklist says what a date rests on --------------------------------------------


def unlock(*extra: str):
    return cli("unlock-card", "-a", "card=legal", "--no-input", "--no-save", *extra)


def test_a_checklist_in_2027_names_each_layer_of_the_days_it_skipped():
    result = unlock("--format", "text", "--today", "2027-02-04")
    assert result.exit_code == 0, result.output
    assert "预计 2027-02-15（周一） 至 2027-02-16（周二） 完成电子口岸办理" in result.stdout
    assert (
        "跳过的周一至周五放假日：春节（法定 2027-02-05、2027-02-08，第六条补假 2027-02-09、2027-02-10，"
        "按放假原则估算 2027-02-11、2027-02-12）；"
    ) in result.stdout
    assert "（日期依据：按国务院公布的放假原则估算）" in result.stdout
    assert "周末调休上班无法推算，已按周末休息计算，以官方公布为准" in result.stdout


def test_a_checklist_whose_dates_rest_on_different_layers_says_so_for_each():
    # from 2026-12-30: the earliest is 31 December (official, 2026), the latest 4 January (2027, the law)
    result = unlock("--format", "text", "--today", "2026-12-30")
    assert result.exit_code == 0, result.output
    assert "（日期依据：2026-12-31官方安排（国务院2026年放假通知）；2027-01-04仅依法律" in result.stdout


def test_the_checklist_speaks_english_too():
    result = cli("--lang", "en", "unlock-card", "-a", "card=legal", "--no-input", "--no-save", "-f", "text", "--today", "2027-02-04")
    assert result.exit_code == 0, result.output
    assert "the State Council's published principles" in result.stdout
    assert "Article 6" in result.stdout


# --- calendar import: the real notices ---------------------------------------------------


def notice_days(year: int) -> tuple[set[date], set[date]]:
    """chinese-calendar's days off and make-up working days of the notice for ``year``
    (元旦 may begin on 31 December of the year before)."""
    off = {x for x in chinese_calendar.holidays if x.year == year}
    off |= {x for x, name in chinese_calendar.holidays.items() if x.year == year - 1 and x.month == 12 and x.day >= 29 and "New" in name}
    off -= {x for x, name in chinese_calendar.holidays.items() if x.year == year and x.month == 12 and x.day >= 29 and "New" in name}
    return off, {x for x in chinese_calendar.workdays if x.year == year}


@pytest.mark.parametrize("year", [2023, 2025, 2026])
def test_a_real_notice_gives_exactly_chinese_calendar_s_days(year):
    read = notices.parse((NOTICES / f"{year}.txt").read_text(encoding="utf-8"))
    assert read.year == year
    assert (set(read.days_off), set(read.workdays)) == notice_days(year)


def test_the_2024_notice_gives_chinese_calendar_s_days_and_sets_its_advice_aside():
    read = notices.parse((NOTICES / "2024.txt").read_text(encoding="utf-8"))
    off, working = notice_days(2024)
    # "1月1日放假，与周末连休": the library also lists that weekend (30–31 December 2023), off anyway
    assert set(read.days_off) == off - {day("2023-12-30"), day("2023-12-31")}
    assert set(read.workdays) == working
    assert [sentence for _, sentence in read.advice] == ["鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息"]


@pytest.mark.parametrize("year", [2025, 2026])
def test_importing_a_real_notice_saves_chinese_calendar_s_days(year, tmp_path):
    result = cli("calendar", "import", str(NOTICES / f"{year}.txt"), "--yes")
    assert result.exit_code == 0, result.output
    saved = tmp_path / "home" / "calendar" / f"{year}.yaml"
    assert f"已保存到 {saved}。eportguide calendar {year} 现在显示为官方安排。" in result.stdout
    import yaml

    data = yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert ({day(x) for x in data["holidays"]}, {day(x) for x in data["workdays"]}) == notice_days(year)
    calendar = cli("calendar", str(year), "--format", "json")
    listed = json.loads(calendar.stdout)
    assert (listed["source"], listed["imported_file"]) == ("imported", str(saved))
    for x in listed["weekdays_off"] + listed["makeup_workdays"]:
        assert chinese_calendar.is_workday(day(x["date"])) is (x in listed["makeup_workdays"])


def test_the_import_shows_what_it_read_before_saving():
    result = cli("calendar", "import", str(NOTICES / "2026.txt"), "--yes")
    lines = result.stdout.splitlines()
    assert lines[0] == f"从 {NOTICES / '2026.txt'} 读到国务院2026年的放假安排："
    assert lines[2] == "  春节：放假 2026-02-15（周日） 至 2026-02-23（周一）；调休上班 2026-02-14（周六）、2026-02-28（周六）"
    assert "共放假 33 天，其中周一至周五 19 天；周末调休上班 6 天。" in lines


def test_a_notice_can_come_from_standard_input(tmp_path):
    result = cli("calendar", "import", "-", "--yes", input=(NOTICES / "2025.txt").read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("从 标准输入 读到国务院2025年的放假安排：")
    assert (tmp_path / "home" / "calendar" / "2025.yaml").is_file()


def test_without_yes_and_without_a_terminal_nothing_is_saved(tmp_path):
    result = cli("calendar", "import", str(NOTICES / "2026.txt"))
    assert result.exit_code == 2
    assert "未保存：不在终端中运行，无法确认。" in result.stderr and "加 --yes 保存" in result.stderr
    assert "  元旦：放假 2026-01-01（周四） 至 2026-01-03（周六）；调休上班 2026-01-04（周日）" in result.stdout
    assert not (tmp_path / "home" / "calendar").exists()


# --- an imported 2027 turns 2027 official -------------------------------------------------


def test_an_imported_2027_notice_turns_2027_official(tmp_path):
    before = json.loads(unlock("--format", "json", "--today", "2027-09-30").stdout)["deadline"]
    assert before["sources"] == [{"year": 2027, "source": "estimate"}]
    assert cli("calendar", "import", str(INVENTED_2027), "--yes").exit_code == 0
    saved = tmp_path / "home" / "calendar" / "2027.yaml"
    text = cli("calendar", "2027").stdout
    assert f"来源：官方安排（导入的国务院2027年放假通知，文件 {saved}）" in text
    assert "  2027-02-12（周五）  春节  官方安排" in text
    assert "  2027-10-09（周六）  国庆节  官方安排" in text or "  2027-10-09（周六）  官方安排" in text
    assert "估算" not in text
    after = json.loads(unlock("--format", "json", "--today", "2027-09-30").stdout)["deadline"]
    # 1–7 October off, Saturday 9 October worked
    assert (after["earliest"], after["latest"], after["estimated"]) == ("2027-10-08", "2027-10-09", False)
    assert after["sources"] == [{"year": 2027, "source": "imported"}]
    checklist = unlock("--format", "text", "--today", "2027-09-30").stdout
    assert "预计 2027-10-08（周五） 至 2027-10-09（周六，调休上班）" in checklist
    assert "（日期依据：官方安排（国务院2027年放假通知））" in checklist


def test_the_imported_file_wins_over_the_pack_file():
    overrides = d.CalendarOverrides(holidays=("2027-10-08",))
    imported = Imported(workdays=frozenset({day("2027-10-08")}), files={2027: "2027.yaml"})
    assert WorkingDays(overrides, imported).is_workday(day("2027-10-08")) is True
    assert WorkingDays(overrides).is_workday(day("2027-10-08")) is False
    assert WorkingDays(overrides, imported).source(2027) is Source.IMPORTED


def test_import_to_a_pack_file_keeps_its_comments_and_validates(tmp_path):
    pack = tmp_path / "flows"
    shutil.copytree(FLOWS, pack)
    target = pack / "_calendar.yaml"
    result = cli("calendar", "import", str(INVENTED_2027), "--yes", "--to", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Holidays and make-up working days (调休) announced after the release of the")
    assert '  - "2027-10-09"  # 国庆节' in text
    assert cli("validate", str(pack)).exit_code == 0
    data = json.loads(cli("--flows", str(pack), "calendar", "2027", "--format", "json").stdout)
    assert data["source"] == "pack" and not (tmp_path / "home" / "calendar").exists()


# --- malformed notices are refused, with the line -------------------------------------------

TITLE = "国务院办公厅关于2027年部分节假日安排的通知\n"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("一、元旦：1月1日放假，爱咋咋地。\n", "第 2 行：读不懂这一句：“1月1日放假，爱咋咋地”"),
        ("一、元旦：1月1日（周四）至3日（周日）放假，共3天。\n", "第 2 行：1月1日（2027-01-01）是周五，通知写的是周四"),
        ("二、春节：2月5日至12日放假调休，共8天。2月6日（周六）上班。\n", "第 2 行：2027-02-06 既放假又上班"),
        ("二、春节：2月5日至12日放假调休，共9天。\n", "第 2 行：写的是共 9 天，按日期算是 8 天"),
        ("三、清明节：4月31日放假。\n", "第 2 行：没有 4月31日 这一天"),
    ],
    ids=["unreadable", "weekday", "off-and-working", "count", "no-such-day"],
)
def test_a_malformed_notice_is_refused_with_its_line(body, message, tmp_path):
    file = tmp_path / "notice.txt"
    file.write_text(TITLE + body, encoding="utf-8")
    result = cli("calendar", "import", str(file), "--yes")
    assert result.exit_code == 2
    assert f"不能读入通知 {file}：" in result.stderr
    assert message in result.stderr
    assert body.strip() in result.stderr  # the line as written
    assert result.stdout == ""
    assert not (tmp_path / "home" / "calendar").exists()


def test_a_notice_without_its_title_is_refused():
    result = cli("calendar", "import", "-", "--yes", input="一、元旦：1月1日放假。\n")
    assert result.exit_code == 2
    assert "看不出是哪一年的通知" in result.stderr


def test_a_line_with_control_characters_is_shown_harmlessly(tmp_path):
    file = tmp_path / "notice.txt"
    file.write_text(TITLE + "一、元旦：1月1日\x1b[2J放假。\n", encoding="utf-8")
    result = cli("calendar", "import", str(file), "--yes")
    assert result.exit_code == 2 and "\x1b" not in result.stderr and "\\x1b" in result.stderr


# --- the command line ----------------------------------------------------------------------


def test_calendar_still_takes_a_year_and_refuses_import_options_without_import():
    assert json.loads(cli("calendar", "2027", "--format", "json").stdout)["year"] == 2027
    assert cli("calendar", "2027", "--yes").exit_code == 2
    result = cli("calendar", "abc")
    assert result.exit_code == 2 and "abc 不是年份" in result.stderr
    result = cli("calendar", "import")
    assert result.exit_code == 2 and "calendar import 需要一个通知文件" in result.stderr


def test_a_broken_calendar_file_in_the_data_directory_is_exit_2_naming_it(tmp_path):
    folder = tmp_path / "home" / "calendar"
    folder.mkdir(parents=True)
    (folder / "2027.yaml").write_text("holidays: [1, 2]\n", encoding="utf-8")
    result = unlock("--today", "2027-09-30")
    assert result.exit_code == 2
    assert f"日历文件 {folder / '2027.yaml'} 无法使用" in result.stderr


def test_the_backtest_runs_and_the_estimate_gives_2025_and_2026_exactly(capsys):
    import runpy

    runpy.run_path(str(ROOT / "benchmarks" / "workdays_backtest.py"), run_name="__main__")
    lines = capsys.readouterr().out.splitlines()
    assert "| 2025, law + principles | 18 | 18 | 18 | 0 | 0 |" in lines
    assert "| 2026, law + principles | 19 | 19 | 19 | 0 | 0 |" in lines
    assert any(line.startswith("| 端午节 2008–2024: exact in ") for line in lines)


def test_a_scripted_run_reads_no_notice_and_no_yaml_when_nothing_was_imported(tmp_path):
    import subprocess
    import sys

    def modules(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "eportguide", *args],
            capture_output=True,
            text=True,
            env={"EPORTGUIDE_HOME": str(tmp_path), "PATH": ""},
            check=True,
        )
        return done.stderr

    modules("list")  # writes the pack cache: the run below reads it, as every run but the first
    ran = modules("unlock-card", "-a", "card=legal", "--no-input", "--no-save", "-f", "text", "--today", "2027-02-04")
    assert "eportguide.workdays.estimate" in ran
    assert "eportguide.workdays.notice" not in ran and " yaml" not in ran and "questionary" not in ran


def test_imported_notices_live_in_the_data_directory_of_sessions(monkeypatch):
    from eportguide.store import sessions
    from eportguide.workdays import user_file

    assert user_file.home() == sessions.home()
    monkeypatch.delenv("EPORTGUIDE_HOME")
    assert user_file.home() == sessions.home()
    assert user_file.year_file(2027) == sessions.home() / "calendar" / "2027.yaml"

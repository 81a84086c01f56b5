"""``eportguide calendar [YEAR]``: a year's days off and make-up working days, and their source.

A help desk checks it each December: 2026 comes from the official arrangement
(chinese-calendar), 2027 is the law-based estimate until the notice is out, and a pack
maintainer who enters the notice in ``_calendar.yaml`` sees the year turn official.
"""

import json
import shutil
from datetime import date
from pathlib import Path

from helpers import FLOWS, cli


def calendar_json(*args: str) -> dict:
    result = cli(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --- 2026: the official arrangement --------------------------------------------------


def test_2026_comes_from_the_official_arrangement_with_every_weekday_off_and_make_up_day():
    result = cli("calendar", "2026")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "2026 年的放假和调休"
    assert lines[1].startswith("来源：官方安排（国务院的放假通知，由 chinese-calendar ")
    assert "周一至周五放假（19 天）：" in lines
    for line in ("  2026-01-02（周五）  元旦", "  2026-02-23（周一）  春节", "  2026-04-06（周一）  清明节"):
        assert line in lines
    assert "  2026-10-07（周三）  国庆节" in lines
    assert "周末调休上班（6 天）：" in lines
    makeup = lines[lines.index("周末调休上班（6 天）：") + 1 :]
    assert makeup == [
        "  2026-01-04（周日）  元旦",
        "  2026-02-14（周六）  春节",
        "  2026-02-28（周六）  春节",
        "  2026-05-09（周六）  劳动节",
        "  2026-09-20（周日）  国庆节",
        "  2026-10-10（周六）  国庆节",
    ]
    assert "估算" not in result.stdout


def test_2026_as_json_for_scripts():
    data = calendar_json("calendar", "2026")
    assert (data["year"], data["source"], data["estimated"], data["makeup_known"]) == (2026, "library", False, True)
    assert len(data["weekdays_off"]) == 19
    assert data["weekdays_off"][0] == {"date": "2026-01-01", "holiday": "元旦", "source": "library"}
    makeup = ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]
    assert [x["date"] for x in data["makeup_workdays"]] == makeup
    assert data["law_holidays"] == []


# --- 2027: the law-based estimate ----------------------------------------------------


def test_2027_is_an_estimate_that_names_the_holidays_of_the_law_and_says_make_up_days_are_unknown():
    result = cli("calendar", "2027")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "来源：按法定节假日估算（国务院尚未公布2027年的放假安排" in out
    assert (
        "已按《全国年节及纪念日放假办法》计入的法定节假日：元旦（2027-01-01）、春节（2027-02-05 至 2027-02-08）、"
        "清明节（2027-04-05）、劳动节（2027-05-01 至 2027-05-02）、端午节（2027-06-09）、中秋节（2027-09-15）、"
        "国庆节（2027-10-01 至 2027-10-03）。"
    ) in out
    assert "调休（另外放假和周末补班的日子）尚未公布，以官方公布为准。" in out
    assert f"把通知中的日期写入 {FLOWS / '_calendar.yaml'}" in out
    lines = out.splitlines()
    start = lines.index("周一至周五放假（7 天）：")
    assert lines[start + 1 : start + 8] == [
        "  2027-01-01（周五）  元旦",
        "  2027-02-05（周五）  春节",
        "  2027-02-08（周一）  春节",
        "  2027-04-05（周一）  清明节",
        "  2027-06-09（周三）  端午节",
        "  2027-09-15（周三）  中秋节",
        "  2027-10-01（周五）  国庆节",
    ]
    assert lines[start + 8] == "周末调休上班：尚未公布"


def test_2027_as_json_is_marked_estimated_without_make_up_days():
    data = calendar_json("calendar", "2027")
    assert (data["source"], data["basis"], data["estimated"], data["makeup_known"]) == ("law", "law", True, False)
    assert data["law_holidays"][1] == {"name": "春节", "dates": ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"]}
    assert [x["date"] for x in data["weekdays_off"]][:3] == ["2027-01-01", "2027-02-05", "2027-02-08"]
    assert {x["source"] for x in data["weekdays_off"]} == {"law"}
    assert data["makeup_workdays"] == []


# --- a pack's own calendar file ------------------------------------------------------


def pack_with_notice(tmp_path: Path) -> Path:
    """The shipped pack, plus National Day 2027 as a notice would announce it."""
    pack = tmp_path / "flows"
    shutil.copytree(FLOWS, pack)
    days_off = [f"2027-10-0{n}" for n in range(1, 8)]
    (pack / "_calendar.yaml").write_text(f'holidays: {json.dumps(days_off)}\nworkdays: ["2027-09-26", "2027-10-10"]\n', encoding="utf-8")
    return pack


def test_a_year_entered_in_the_pack_file_turns_official_and_marks_the_days_it_decided(tmp_path):
    pack = pack_with_notice(tmp_path)
    result = cli("--flows", str(pack), "calendar", "2027")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[1] == f"来源：官方安排（流程包的日历文件 {pack / '_calendar.yaml'}）；文件中未列出的日子按法定节假日和周末"
    assert "  2027-10-07（周四）  （日历文件）" in lines
    assert "  2027-10-01（周五）  国庆节（日历文件）" in lines
    assert "  2027-02-05（周五）  春节" in lines  # not in the file: the law still gives it
    makeup = lines[lines.index("周末调休上班（2 天）：") + 1 :]
    assert makeup == ["  2027-09-26（周日）  （日历文件）", "  2027-10-10（周日）  （日历文件）"]
    assert "尚未公布" not in result.stdout


def test_a_pack_year_as_json(tmp_path):
    data = calendar_json("--flows", str(pack_with_notice(tmp_path)), "calendar", "2027")
    assert (data["source"], data["basis"], data["estimated"], data["makeup_known"]) == ("pack", "law", False, True)
    assert {"date": "2027-10-04", "holiday": None, "source": "pack"} in data["weekdays_off"]
    assert {"date": "2027-02-05", "holiday": "春节", "source": "law"} in data["weekdays_off"]
    assert [x["date"] for x in data["makeup_workdays"]] == ["2027-09-26", "2027-10-10"]


def test_the_environment_variable_picks_the_pack_as_flows_does(tmp_path, monkeypatch):
    monkeypatch.setenv("EPORTGUIDE_FLOWS", str(pack_with_notice(tmp_path)))
    assert calendar_json("calendar", "2027")["source"] == "pack"


# --- the year argument ---------------------------------------------------------------


def test_without_a_year_it_shows_this_year():
    assert calendar_json("calendar")["year"] == date.today().year


def test_a_year_with_no_data_says_the_week_alone_is_counted():
    result = cli("calendar", "2001")
    assert result.exit_code == 0, result.output
    assert "来源：估算（没有 2001 年的节假日资料，只按周一至周五上班计算）" in result.stdout
    assert "周末调休上班：没有资料" in result.stdout


def test_a_year_out_of_range_is_exit_2_naming_it():
    result = cli("calendar", "1999")
    assert result.exit_code == 2
    assert "年份 1999 超出范围：应在 2000 年至 2100 年之间。" in result.stderr
    assert result.stdout == ""

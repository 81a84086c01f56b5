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
    assert lines[1].startswith("来源：官方安排（国务院2026年放假通知，由 chinese-calendar ")
    assert "周一至周五放假（19 天）：" in lines
    for line in ("  2026-01-02（周五）  元旦  官方安排", "  2026-02-23（周一）  春节  官方安排", "  2026-04-06（周一）  清明节  官方安排"):
        assert line in lines
    assert "  2026-10-07（周三）  国庆节  官方安排" in lines
    assert "周末调休上班（6 天）：" in lines
    makeup = lines[lines.index("周末调休上班（6 天）：") + 1 :]
    assert makeup == [
        "  2026-01-04（周日）  元旦  官方安排",
        "  2026-02-14（周六）  春节  官方安排",
        "  2026-02-28（周六）  春节  官方安排",
        "  2026-05-09（周六）  劳动节  官方安排",
        "  2026-09-20（周日）  国庆节  官方安排",
        "  2026-10-10（周六）  国庆节  官方安排",
    ]
    assert "估算" not in result.stdout


def test_2026_as_json_for_scripts():
    data = calendar_json("calendar", "2026")
    assert (data["year"], data["source"], data["estimated"], data["makeup_known"]) == (2026, "library", False, True)
    assert len(data["weekdays_off"]) == 19
    assert data["weekdays_off"][0] == {"date": "2026-01-01", "holiday": "元旦", "source": "library", "reason": "official"}
    assert data["imported_file"] is None
    makeup = ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]
    assert [x["date"] for x in data["makeup_workdays"]] == makeup
    assert data["law_holidays"] == []


# --- 2027: the estimate, in two layers ----------------------------------------------


def test_2027_is_an_estimate_that_lists_each_day_off_with_its_reason():
    result = cli("calendar", "2027")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "来源：估算（国务院尚未公布2027年的放假安排" in out
    assert "估算分两层：法定——《全国年节及纪念日放假办法》第二条的假日，和第六条的补假" in out
    assert "其上按国务院公布的放假原则（国办发明电〔2024〕12号）估算整段假期。" in out
    assert (
        "已按《全国年节及纪念日放假办法》计入的法定节假日：元旦（2027-01-01）、春节（2027-02-05 至 2027-02-08）、"
        "清明节（2027-04-05）、劳动节（2027-05-01 至 2027-05-02）、端午节（2027-06-09）、中秋节（2027-09-15）、"
        "国庆节（2027-10-01 至 2027-10-03）。"
    ) in out
    assert "周末调休上班无法推算：按周末休息计算，以官方公布为准。" in out
    # next year's notice goes in with one command, not into a file inside the installed package
    assert "运行 eportguide calendar import 文件名" in out
    assert "_calendar.yaml" not in out
    lines = out.splitlines()
    start = lines.index("周一至周五放假（18 天）：")
    assert lines[start + 1 : start + 20] == [
        "  2027-01-01（周五）  元旦  法定",
        "  2027-02-05（周五）  春节  法定",
        "  2027-02-08（周一）  春节  法定",
        "  2027-02-09（周二）  春节  第六条补假",
        "  2027-02-10（周三）  春节  第六条补假",
        "  2027-02-11（周四）  春节  按放假原则估算",
        "  2027-02-12（周五）  春节  按放假原则估算",
        "  2027-04-05（周一）  清明节  法定",
        "  2027-05-03（周一）  劳动节  第六条补假",
        "  2027-05-04（周二）  劳动节  第六条补假",
        "  2027-05-05（周三）  劳动节  按放假原则估算",
        "  2027-06-09（周三）  端午节  法定",
        "  2027-09-15（周三）  中秋节  法定",
        "  2027-10-01（周五）  国庆节  法定",
        "  2027-10-04（周一）  国庆节  第六条补假",
        "  2027-10-05（周二）  国庆节  第六条补假",
        "  2027-10-06（周三）  国庆节  按放假原则估算",
        "  2027-10-07（周四）  国庆节  按放假原则估算",
        "周末调休上班：无法推算",
    ]


def test_2027_as_json_is_marked_estimated_without_make_up_days():
    data = calendar_json("calendar", "2027")
    assert (data["source"], data["basis"], data["estimated"], data["makeup_known"]) == ("estimate", "estimate", True, False)
    assert data["law_holidays"][1] == {"name": "春节", "dates": ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"]}
    assert [x["date"] for x in data["weekdays_off"]][:3] == ["2027-01-01", "2027-02-05", "2027-02-08"]
    assert {x["source"] for x in data["weekdays_off"]} == {"estimate"}
    assert {x["reason"] for x in data["weekdays_off"]} == {"law", "article6", "principles"}
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
    assert lines[1] == f"来源：官方安排（流程包的日历文件 {pack / '_calendar.yaml'}）；文件中未列出的日子按法律和国务院放假原则估算"
    assert "  2027-10-07（周四）  国庆节（日历文件）  官方安排" in lines
    assert "  2027-10-01（周五）  国庆节（日历文件）  官方安排" in lines
    assert "  2027-02-05（周五）  春节  法定" in lines  # not in the file: the law still gives it
    makeup = lines[lines.index("周末调休上班（2 天）：") + 1 :]
    assert makeup == ["  2027-09-26（周日）  （日历文件）  官方安排", "  2027-10-10（周日）  （日历文件）  官方安排"]
    assert "无法推算" not in result.stdout


def test_a_pack_year_as_json(tmp_path):
    data = calendar_json("--flows", str(pack_with_notice(tmp_path)), "calendar", "2027")
    assert (data["source"], data["basis"], data["estimated"], data["makeup_known"]) == ("pack", "estimate", False, True)
    assert {"date": "2027-10-04", "holiday": "国庆节", "source": "pack", "reason": "official"} in data["weekdays_off"]
    assert {"date": "2027-02-05", "holiday": "春节", "source": "estimate", "reason": "law"} in data["weekdays_off"]
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

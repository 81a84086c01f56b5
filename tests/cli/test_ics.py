"""Calendar reminders (issue 25): the expected completion window as an RFC 5545 event,
written by hand and read back by a well-kept iCalendar parser (``icalendar``).
"""

from datetime import UTC, date, datetime

import icalendar
import pytest
from helpers import cli

from eportguide.render import ics
from eportguide.store import cases

LEGAL = ["unlock-card", "-a", "card=legal", "-a", "legal_details=yes", "-a", "enterprise=西安秦川贸易有限公司"]
HOTLINE = "95198 或 029-83196210"


def event_of(data: bytes) -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical(data)
    (event,) = calendar.walk("VEVENT")
    return event


def test_a_run_writes_the_window_as_an_all_day_event_with_a_reminder_on_the_latest_day(tmp_path):
    path = tmp_path / "reminder.ics"
    result = cli(*LEGAL, "--ics", str(path), "--today", "2025-03-03", "-f", "text")
    assert result.exit_code == 0, result.output
    assert "【办理步骤】" in result.stdout  # the checklist is still the run's output
    event = event_of(path.read_bytes())
    assert event.decoded("DTSTART") == date(2025, 3, 4)
    assert event.decoded("DTEND") == date(2025, 3, 6)  # exclusive: the window ends on Wed 5 March
    assert str(event["SUMMARY"]) == "预计完成：法人卡解锁：发送申请邮件，邮寄法人卡"
    description = str(event["DESCRIPTION"])
    assert "电子口岸卡被锁，如何解锁" in description and HOTLINE in description
    assert "预计 2025-03-04 至 2025-03-05 完成电子口岸办理（自 2025-03-03 起算）" in description
    (alarm,) = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == datetime(2025, 3, 5, 1, 0, tzinfo=UTC)  # 09:00 in Beijing on the latest day
    assert HOTLINE in str(alarm["DESCRIPTION"])
    (case,), _ = cases.Store().all()
    assert str(event["UID"]) == f"{case.id}@eportguide"  # written again for the case, it replaces this one
    assert event.decoded("DTSTAMP").tzinfo is not None


def test_dates_in_a_year_without_an_announced_arrangement_are_labelled_an_estimate(tmp_path):
    path = tmp_path / "r.ics"
    assert cli(*LEGAL, "--ics", str(path), "--today", "2090-03-01", "--no-save").exit_code == 0
    event = event_of(path.read_bytes())
    assert str(event["SUMMARY"]).startswith("估算完成：")
    assert "估算 2090-03-02 至 2090-03-03" in str(event["DESCRIPTION"])


def test_o_with_the_ics_suffix_writes_the_reminder_as_the_runs_output(tmp_path):
    path = tmp_path / "x.ics"
    result = cli(*LEGAL, "-o", str(path), "--today", "2025-03-03", "--no-save")
    assert result.exit_code == 0, result.output
    event = event_of(path.read_bytes())
    assert event.decoded("DTSTART") == date(2025, 3, 4)
    # A run followed as no case: its UID is its own, the same for the same run that day.
    again = tmp_path / "y.ics"
    assert cli(*LEGAL, "-o", str(again), "--today", "2025-03-03", "--no-save").exit_code == 0
    assert str(event_of(again.read_bytes())["UID"]) == str(event["UID"])


def test_the_file_has_crlf_lines_of_at_most_75_octets_folded_between_utf8_characters(tmp_path):
    path = tmp_path / "r.ics"
    assert cli(*LEGAL, "--ics", str(path), "--today", "2025-03-03", "--no-save").exit_code == 0
    data = path.read_bytes()
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # the Chinese description is folded
    for line in lines:
        line.decode("utf-8")  # no character cut in two at a fold


def test_text_values_are_escaped_and_read_back_as_written():
    tricky = "a,b;c\\d\n第二行"
    reminder = ics.Reminder("u1@eportguide", tricky, tricky, date(2025, 3, 3), date(2025, 3, 4), date(2025, 3, 5), False)
    event = event_of(ics.calendar([reminder]).encode("utf-8"))
    assert str(event["SUMMARY"]) == f"预计完成：{tricky}"
    assert str(event["DESCRIPTION"]).startswith(f"办理事项：{tricky} — {tricky}\n")


def test_cases_tag_ics_writes_the_cases_dates_after_they_were_counted_from_the_day_sent(tmp_path):
    draft = tmp_path / "d.eml"
    assert cli(*LEGAL, "--email-draft", str(draft), "--today", "2025-03-03").exit_code == 0
    (case,), _ = cases.Store().all()
    assert cli("cases", case.tag, "--tracking-number", "SF1234567890", "--sent-today", "--today", "2025-03-06").exit_code == 0
    path = tmp_path / "case.ics"
    result = cli("cases", case.tag, "--ics", str(path))
    assert result.exit_code == 0, result.output
    event = event_of(path.read_bytes())
    assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (date(2025, 3, 7), date(2025, 3, 11))
    assert str(event["UID"]) == f"{case.id}@eportguide"
    assert f"eportguide cases {case.tag}" in str(event["DESCRIPTION"])


@pytest.mark.parametrize("where", ["--ics", "-o"])
def test_an_outcome_without_a_time_limit_has_no_reminder_exit_2_after_the_checklist(tmp_path, where):
    path = tmp_path / "r.ics"
    shown = ["-f", "text"] if where == "--ics" else []  # -o x.ics: the file's name picks the format
    result = cli("unlock-card", "-a", "card=operator", "-a", "legal_card_works=yes", where, str(path), "--no-save", *shown)
    assert result.exit_code == 2
    assert "“操作员卡解锁：用法人卡在线解锁”没有办理时限，无法生成日历提醒。" in result.stderr
    assert not path.exists()
    if where == "--ics":
        assert "【办理步骤】" in result.stdout


def test_the_reminder_speaks_english_when_asked(tmp_path):
    path = tmp_path / "r.ics"
    assert cli(*LEGAL, "--ics", str(path), "--today", "2025-03-03", "--no-save", "--lang", "en").exit_code == 0
    event = event_of(path.read_bytes())
    assert str(event["SUMMARY"]).startswith("Expected done: ")

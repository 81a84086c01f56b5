"""A procedure followed after its checklist: recorded as an open case, listed with its
next step and expected dates, ticked step by step, overdue once the latest expected
working day has passed, its tracking number added later and the e-mail draft written
again, closed and cleared (issue 25).

Runs are scripted (a run that writes the e-mail draft is followed as a case); the
commands are driven with typer's CliRunner. Every test has its own ``EPORTGUIDE_HOME``.
"""

import json
import stat
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from helpers import cli

from eportguide.store import cases

#: A locked 法人卡, the enterprise named, on Monday 3 March 2025: expected Tue 4 to Wed 5 March.
LEGAL = ["unlock-card", "-a", "card=legal", "-a", "legal_details=yes", "-a", "enterprise=西安秦川贸易有限公司"]
MONDAY = "2025-03-03"
HOTLINE = "95198 或 029-83196210"


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("EPORTGUIDE_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def licence(tmp_path) -> Path:
    path = tmp_path / "营业执照.pdf"
    path.write_bytes(b"%PDF-1.4 the scan")
    return path


def open_case(tmp_path: Path, licence: Path, *extra: str, today: str = MONDAY) -> cases.Case:
    """A run that writes the e-mail draft with the licence in it; the case it leaves."""
    draft = tmp_path / "draft.eml"
    result = cli(*LEGAL, "--email-draft", str(draft), "--attach", str(licence), "--today", today, "-f", "text", *extra)
    assert result.exit_code == 0, result.output
    found, problems = cases.Store().all()
    assert problems == [] and len(found) == 1
    assert f"已记入办理中的事项 {found[0].tag}" in result.stderr
    return found[0]


def test_a_run_that_writes_the_draft_is_left_open_with_its_steps_dates_answers_and_draft(home, tmp_path, licence):
    case = open_case(tmp_path, licence)
    assert case.flow_id == "unlock-card" and case.outcome_title == "法人卡解锁：发送申请邮件，邮寄法人卡"
    assert case.enterprise == "西安秦川贸易有限公司"
    assert [s.done for s in case.steps] == ["", "", ""]
    assert case.steps[1].text.startswith("将已锁定法人卡邮寄至：西安市雁塔区朱雀大街397号")
    assert case.dates is not None
    window = (case.dates.start.isoformat(), case.dates.earliest.isoformat(), case.dates.latest.isoformat())
    assert window == (MONDAY, "2025-03-04", "2025-03-05")
    assert case.dates.estimated is False
    assert case.phones == (cases.Phone("中国电子口岸客服热线", HOTLINE),)
    assert case.answers["enterprise"] == "西安秦川贸易有限公司" and case.answers["card"] == "legal"
    assert case.draft == str((tmp_path / "draft.eml").resolve()) and case.attachments == ("营业执照.pdf",)
    path = home / "cases" / f"{case.id}.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left


def test_cases_lists_the_open_procedure_with_its_enterprise_next_step_and_expected_dates(home, tmp_path, licence):
    case = open_case(tmp_path, licence)
    result = cli("cases", "--today", "2025-03-04")
    assert result.exit_code == 0
    assert "办理中的事项（1 项）" in result.stdout
    assert f"[{case.tag}] 法人卡解锁：发送申请邮件，邮寄法人卡 — 西安秦川贸易有限公司" in result.stdout
    assert "下一步（1/3）：发送申请邮件至：kefu@xaeport.com" in result.stdout
    assert "预计 2025-03-04（周二） 至 2025-03-05（周三） 完成电子口岸办理" in result.stdout
    assert "逾期" not in result.stdout


def test_a_case_is_not_overdue_on_its_latest_day_and_is_the_day_after_with_the_hotline_to_call(home, tmp_path, licence):
    open_case(tmp_path, licence)
    assert "逾期" not in cli("cases", "--today", "2025-03-05").stdout
    late = cli("cases", "--today", "2025-03-06")
    assert late.exit_code == 0
    assert "已逾期：最晚预计完成日 2025-03-05（周三） 已过。" in late.stdout
    assert f"请致电中国电子口岸客服热线：{HOTLINE}，询问办理进度。" in late.stdout
    rows = json.loads(cli("cases", "--today", "2025-03-06", "--format", "json").stdout)
    assert [(r["overdue"], r["next_step"], r["dates"]["latest"]) for r in rows] == [(True, 1, "2025-03-05")]
    assert json.loads(cli("cases", "--today", "2025-03-05", "-f", "json").stdout)[0]["overdue"] is False


def test_done_ticks_a_step_with_its_time_and_the_next_step_moves_on(home, tmp_path, licence):
    case = open_case(tmp_path, licence)
    result = cli("cases", case.tag, "--done", "1")
    assert result.exit_code == 0 and "已勾选第 1 步。" in result.stderr
    assert "[x] 1. 发送申请邮件至" in result.stdout and "[ ] 2. 将已锁定法人卡邮寄至" in result.stdout
    ticked = cases.Store().load(case.tag)
    assert ticked.steps[0].done and not ticked.steps[1].done
    assert "下一步（2/3）：将已锁定法人卡邮寄至" in cli("cases").stdout
    again = cli("cases", case.tag, "--done", "1")
    assert again.exit_code == 0 and "第 1 步已经勾选过了。" in again.stderr
    assert cases.Store().load(case.tag).steps[0].done == ticked.steps[0].done  # its first time is kept


def test_done_names_a_step_the_case_has_and_without_a_number_outside_a_terminal_it_is_a_usage_error(home, tmp_path, licence):
    case = open_case(tmp_path, licence)
    wrong = cli("cases", case.tag, "--done", "4")
    assert wrong.exit_code == 2 and "没有第 4 步（该事项共 3 步）。" in wrong.stderr
    bare = cli("cases", case.tag, "--done")
    assert bare.exit_code == 2 and "--done 要写明第几步。" in bare.stderr
    assert [s.done for s in cases.Store().load(case.tag).steps] == ["", "", ""]


def test_the_tracking_number_is_added_and_the_draft_written_again_with_it_and_its_attachment(home, tmp_path, licence):
    case = open_case(tmp_path, licence)
    again = tmp_path / "again.eml"
    result = cli("cases", case.tag, "--tracking-number", " SF 1234 5678 90 ", "--email-draft", str(again), "--today", "2025-03-04")
    assert result.exit_code == 0, result.output
    assert "已补填寄卡快递单号 SF1234567890。" in result.stderr
    message = BytesParser(policy=policy.default).parsebytes(again.read_bytes())
    assert message["Subject"] == "西安秦川贸易有限公司办理电子口岸的法人卡解锁业务"
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "寄卡快递单号：SF1234567890" in body and "在办业务名称：法人卡解锁" in body
    assert [(p.get_filename(), p.get_content()) for p in message.iter_attachments()] == [("营业执照.pdf", b"%PDF-1.4 the scan")]
    followed = cases.Store().load(case.tag)
    assert followed.tracking_number == "SF1234567890" and followed.answers["tracking_number"] == "SF1234567890"
    assert followed.draft == str(again.resolve()) and followed.attachments == ("营业执照.pdf",)
    # Not said to be sent today: the dates still count from the run.
    assert followed.dates == case.dates and followed.sent == ""
    assert "预计完成日期仍从 2025-03-03 起算" in result.stderr and "--sent-today" in result.stderr


def test_sent_today_counts_the_expected_dates_from_the_day_the_email_is_sent(home, tmp_path, licence):
    case = open_case(tmp_path, licence)
    result = cli("cases", case.tag, "--tracking-number", "SF1234567890", "--sent-today", "--today", "2025-03-06")
    assert result.exit_code == 0, result.output
    followed = cases.Store().load(case.tag)
    assert followed.dates is not None and followed.sent == "2025-03-06"
    assert (followed.dates.start.isoformat(), followed.dates.earliest.isoformat(), followed.dates.latest.isoformat()) == (
        "2025-03-06",
        "2025-03-07",
        "2025-03-10",  # Friday, then Monday: the weekend is not counted
    )
    assert "预计完成日期已从 2025-03-06 起重新计算" in result.stderr
    assert "逾期" not in cli("cases", "--today", "2025-03-10").stdout
    # The draft it had (the run's) is written again in place, with the number.
    body = BytesParser(policy=policy.default).parsebytes((tmp_path / "draft.eml").read_bytes()).get_body().get_content()
    assert "寄卡快递单号：SF1234567890" in body


def test_a_run_that_skipped_the_details_gets_the_tracking_number_with_the_other_details_left_xx(home, tmp_path):
    draft = tmp_path / "d.eml"
    run = cli("unlock-card", "-a", "card=legal", "-a", "legal_details=no", "--email-draft", str(draft), "--today", MONDAY)
    assert run.exit_code == 0, run.output
    (case,), _ = cases.Store().all()
    result = cli("cases", case.tag, "--tracking-number", "YT9876543210")
    assert result.exit_code == 0, result.output
    body = BytesParser(policy=policy.default).parsebytes(draft.read_bytes()).get_body().get_content()
    assert "寄卡快递单号：YT9876543210" in body and "公司收卡地址：XX" in body


def test_a_tracking_number_that_cannot_go_into_the_email_is_refused_and_nothing_changes(home, tmp_path, licence):
    case = open_case(tmp_path, licence)
    before = (tmp_path / "draft.eml").read_bytes()
    result = cli("cases", case.tag, "--tracking-number", "SF123\x1b[2J")
    assert result.exit_code == 2 and "寄卡快递单号“SF123" in result.stderr
    assert cases.Store().load(case.tag).tracking_number == ""
    assert (tmp_path / "draft.eml").read_bytes() == before


def test_an_unusual_tracking_number_is_kept_and_the_clerk_told_to_check_it(home, tmp_path, licence):
    case = open_case(tmp_path, licence)
    result = cli("cases", case.tag, "--tracking-number", "SF12")
    assert result.exit_code == 0
    assert "请核对：寄卡快递单号“SF12”" in result.stderr
    assert cases.Store().load(case.tag).tracking_number == "SF12"


def test_a_tracking_number_without_a_draft_is_recorded_and_says_how_to_write_the_draft(home, tmp_path):
    run = cli("unlock-card", "-a", "card=legal", "-a", "legal_details=no", "--ics", str(tmp_path / "r.ics"), "--today", MONDAY)
    assert run.exit_code == 0, run.output
    (case,), _ = cases.Store().all()
    result = cli("cases", case.tag, "--tracking-number", "SF1234567890")
    assert result.exit_code == 0
    assert f"eportguide cases {case.tag} --email-draft" in result.stderr
    assert cases.Store().load(case.tag).tracking_number == "SF1234567890"


def test_an_outcome_whose_email_has_no_tracking_number_field_says_so(home, tmp_path):
    draft = tmp_path / "d.eml"
    run = cli("extend-card", "-a", "expired=yes", "-a", "expired_details=no", "--email-draft", str(draft), "--today", MONDAY)
    assert run.exit_code == 0, run.output
    (case,), _ = cases.Store().all()
    operator = cli("unlock-card", "-a", "card=operator", "-a", "legal_card_works=yes", "--ics", str(tmp_path / "x.ics"))
    assert operator.exit_code == 2  # no time limit: no reminder (and so no case)
    # extend-card's e-mail names it 寄快递单号: the same field, so it is filled.
    assert cli("cases", case.tag, "--tracking-number", "SF1234567890").exit_code == 0
    body = BytesParser(policy=policy.default).parsebytes(draft.read_bytes()).get_body().get_content()
    assert "寄快递单号：SF1234567890" in body


def test_close_keeps_the_record_and_takes_it_off_the_list(home, tmp_path, licence):
    case = open_case(tmp_path, licence)
    result = cli("cases", case.tag, "--close")
    assert result.exit_code == 0 and f"事项 {case.tag} 已办结" in result.stderr
    assert cases.Store().load(case.tag).closed
    listed = cli("cases", "--today", "2025-03-20")
    assert listed.exit_code == 0 and "没有办理中的事项（1 项已办结" in listed.stdout and "逾期" not in listed.stdout
    every = cli("cases", "--all", "--today", "2025-03-20")
    assert f"[{case.tag}]" in every.stdout and "已于" in every.stdout and "逾期" not in every.stdout


def test_clear_removes_closed_cases_and_keeps_open_ones_unless_all(home, tmp_path, licence):
    closed = open_case(tmp_path, licence)
    cli("cases", closed.tag, "--close")
    run = cli(*LEGAL, "--email-draft", str(tmp_path / "second.eml"), "--today", MONDAY)
    assert run.exit_code == 0
    result = cli("cases", "--clear")
    assert result.exit_code == 0
    assert "已删除 1 个事项文件" in result.stdout and "保留了 1 个办理中的事项" in result.stdout
    (left,), _ = cases.Store().all()
    assert left.is_open and left.id != closed.id
    assert "已删除 1 个事项文件" in cli("cases", "--clear", "--all").stdout
    assert cases.Store().all() == ([], [])


def test_scripted_runs_that_write_nothing_and_runs_with_no_save_leave_no_case(home, tmp_path):
    assert cli(*LEGAL, "--today", MONDAY).exit_code == 0
    assert cli(*LEGAL, "--no-save", "--email-draft", str(tmp_path / "d.eml")).exit_code == 0
    assert not (home / "cases").exists()
    assert cli("cases").stdout == "没有办理中的事项。\n"


def test_a_case_named_by_nothing_known_or_a_corrupt_file_is_a_clear_message(home, tmp_path, licence):
    missing = cli("cases", "zzzz")
    assert missing.exit_code == 2 and "没有编号为“zzzz”的事项。" in missing.stderr
    case = open_case(tmp_path, licence)
    path = home / "cases" / f"{case.id}.json"
    path.write_text("{not json", encoding="utf-8")
    listed = cli("cases")
    assert listed.exit_code == 0 and "无法读取事项文件" in listed.stderr and "没有办理中的事项。" in listed.stdout
    assert (home / "cases" / f"{case.id}.json.corrupt").exists()


def test_an_action_without_a_case_is_a_usage_error(home):
    result = cli("cases", "--close")
    assert result.exit_code == 2 and "要写明是哪个事项" in result.stderr


def test_a_case_file_is_shown_without_the_escape_sequences_someone_put_into_it(home, tmp_path, licence):
    case = open_case(tmp_path, licence)
    path = home / "cases" / f"{case.id}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["enterprise"] = "西安\x1b[2J\u202e公司"
    path.write_text(json.dumps(data), encoding="utf-8")
    shown = cli("cases", case.tag).stdout + cli("cases").stdout
    assert "\x1b" not in shown and "\u202e" not in shown and "西安?[2J?公司" in shown


def test_cases_in_english(home, tmp_path, licence):
    case = open_case(tmp_path, licence)
    result = cli("cases", "--today", "2025-03-06", "--lang", "en")
    assert "Procedures under way (1)" in result.stdout
    assert "Overdue: the latest expected day, 2025-03-05 (Wed), has passed." in result.stdout
    assert "Step 1 ticked." in cli("cases", case.tag, "--done", "1", "--lang", "en").stderr

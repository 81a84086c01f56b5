"""A call cut off and picked up again, through a real pseudo-terminal, typed as a person would."""

import json
import os
import re
import stat
import sys

import pexpect
import pytest

DOWN, UP, ENTER, CTRL_C = "\x1b[B", "\x1b[A", "\r", "\x03"

pytestmark = pytest.mark.pty


def spawn(home, *args: str) -> pexpect.spawn:
    env = {**os.environ, "EPORTGUIDE_HOME": str(home), "TERM": "xterm-256color", "COLUMNS": "160"}
    env.pop("NO_COLOR", None)
    return pexpect.spawn(sys.executable, ["-m", "eportguide", *args], env=env, encoding="utf-8", timeout=20, dimensions=(50, 160))


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus if child.exitstatus is not None else 128 + (child.signalstatus or 0)


def test_ctrl_c_saves_the_run_prints_the_resume_command_and_resume_finishes_it(tmp_path):
    home = tmp_path / "home"
    child = spawn(home, "unlock-card")
    child.expect(re.escape("[步骤 1] 哪张卡被锁住了"))
    child.send(DOWN)
    child.send(ENTER)  # 操作员卡
    child.expect("法人卡现在能正常登录吗")
    child.send(CTRL_C)
    child.expect("已中断。")
    said = child.before
    child.expect(r"回答已保存在 (/\S+?\.json)")
    saved_at = child.match.group(1)
    child.expect(r"继续办理请运行：eportguide resume ([0-9A-Za-z._-]+)")
    session_id = child.match.group(1)
    assert "错误" not in said + child.before  # an interruption is not an error
    assert finish(child) == 130
    assert saved_at == str(home / "sessions" / f"{session_id}.json")

    path = home / "sessions" / f"{session_id}.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text(encoding="utf-8"))["answers"] == {"card": "operator"}

    child = spawn(home, "resume")
    child.expect(f"继续会话 {session_id}")
    child.expect("法人卡现在能正常登录吗")  # the card is not asked again
    child.send(ENTER)  # 是
    child.expect("请核对您的回答")
    child.expect(re.escape("修改：被锁的卡  [操作员卡]"))
    child.expect(re.escape("修改：法人卡能登录  [是]"))
    child.send(ENTER)  # 确认无误
    child.expect("操作员卡解锁：用法人卡在线解锁")
    child.expect("要把清单保存")
    child.send(ENTER)  # 否
    assert finish(child) == 0
    assert json.loads(path.read_text(encoding="utf-8"))["done"] is True

    child = spawn(home, "resume", session_id)
    child.expect("已经完成")
    assert finish(child) == 0


def test_bare_eportguide_asks_what_the_problem_is_and_runs_the_procedure_chosen(tmp_path):
    home = tmp_path / "home"
    child = spawn(home)  # bare: no arguments
    child.expect("遇到了什么问题")
    child.send("公章卡锁死了" + ENTER)
    child.expect("可能的办理流程")
    child.send(ENTER)  # the first suggestion: unlock-card
    child.expect("哪张卡被锁住了")
    child.send(ENTER)  # 法人卡
    child.expect("现在填写申请邮件的内容吗")
    child.send(DOWN + ENTER)  # 否
    child.expect("请核对您的回答")
    child.send(ENTER)
    child.expect("朱雀大街397号")
    child.expect("要把清单保存")
    child.send(ENTER)  # 否
    assert finish(child) == 0
    (saved,) = (home / "sessions").glob("*.json")  # the caller's words tell this call apart
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["note"] == "公章卡锁死了" and data["outcome"] == "法人卡解锁：发送申请邮件，邮寄法人卡"


def test_sessions_clear_at_a_terminal_asks_before_deleting_an_unfinished_session(tmp_path):
    home = tmp_path / "home"
    child = spawn(home, "unlock-card", "--note", "秦川贸易 张三来电")
    child.expect("哪张卡被锁住了")
    child.send(DOWN + ENTER)  # 操作员卡
    child.expect("法人卡现在能正常登录吗")
    child.send(CTRL_C)
    assert finish(child) == 130
    child = spawn(home, "sessions")
    child.expect("秦川贸易 张三来电")  # the note typed with --note tells the call apart
    assert finish(child) == 0
    child = spawn(home, "sessions", "--clear")
    child.expect("还有 1 个未完成的会话")
    child.send(ENTER)  # 否, the default
    child.expect("保留了 1 个未完成的会话")
    assert finish(child) == 0
    assert len(list((home / "sessions").glob("*.json"))) == 1
    child = spawn(home, "sessions", "--clear")
    child.expect("还有 1 个未完成的会话")
    child.send(DOWN + ENTER)  # 是
    child.expect("已删除 1 个会话文件")
    assert finish(child) == 0
    assert list((home / "sessions").glob("*")) == []


def test_the_first_question_of_a_suggested_procedure_goes_back_to_the_suggestions(tmp_path):
    home = tmp_path / "home"
    child = spawn(home)
    child.expect("遇到了什么问题")
    child.send("U盾丢了" + ENTER)
    child.expect("可能的办理流程")
    child.send(ENTER)  # the first suggestion
    child.expect(r"\[步骤 1")
    child.expect("返回上一步")  # offered at the first question: back to the suggestions
    child.send(UP + UP + ENTER)  # 重新开始 is last, 返回上一步 above it
    child.expect("可能的办理流程")  # the same suggestions, not the question
    child.send(DOWN + ENTER)  # the second suggestion this time
    child.expect(r"\[步骤 1")
    child.sendcontrol("c")
    assert finish(child) == 130
    assert not list((home / "sessions").glob("*.json"))  # leaving a procedure unanswered saves nothing


def test_a_procedure_chosen_by_category_goes_back_to_the_category_list_and_it_to_the_question(tmp_path):
    child = spawn(tmp_path / "home")
    child.expect("遇到了什么问题")
    child.send(ENTER)  # browse
    child.expect("请选择要办理的业务")
    child.send(ENTER)  # the first procedure: unlock-card
    child.expect("哪张卡被锁住了")
    child.send(UP + UP + ENTER)  # 返回上一步
    child.expect("请选择要办理的业务")
    child.send(UP + ENTER)  # the last entry: back to the question
    child.expect("遇到了什么问题")
    child.send("法人卡密码忘了" + ENTER)
    child.expect("可能的办理流程")
    child.send(ENTER)
    child.expect("哪张卡的密码忘记了")
    child.sendcontrol("c")
    assert finish(child) == 130

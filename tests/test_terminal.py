"""End to end through a real pseudo-terminal, typed as a person would."""

import os
import sys
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pexpect
import pytest

DOWN, ENTER = "\x1b[B", "\r"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pseudo-terminal")


def spawn(tmp_path, *args: str) -> pexpect.spawn:
    env = {**os.environ, "EPORTGUIDE_HOME": str(tmp_path / "home"), "TERM": "xterm-256color", "COLUMNS": "160"}
    env.pop("NO_COLOR", None)
    child = pexpect.spawn(
        sys.executable, ["-m", "eportguide", *args], env=env, encoding="utf-8", timeout=20, dimensions=(50, 160), cwd=str(tmp_path)
    )
    return child


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus if child.exitstatus is not None else 128 + (child.signalstatus or 0)


def test_a_clerk_unlocks_an_operator_card_with_the_arrow_keys(tmp_path):
    child = spawn(tmp_path, "unlock-card", "--no-save")
    child.expect("哪张卡被锁住了")
    child.send(DOWN)
    child.send(ENTER)
    child.expect("法人卡现在能正常登录吗")
    child.send(ENTER)  # 是
    child.expect("请核对您的回答")
    child.send(ENTER)  # 确认无误
    child.expect("操作员卡解锁：用法人卡在线解锁")
    child.expect("企业操作员IC卡管理")
    child.expect("要把清单保存为可打印的 HTML 文件吗")  # no e-mail on this path
    child.send(ENTER)  # 否
    assert finish(child) == 0


def test_a_clerk_gets_the_mailing_address_for_a_locked_legal_card(tmp_path):
    child = spawn(tmp_path, "unlock-card", "--no-save", "--today", "2026-09-30")
    child.expect("哪张卡被锁住了")
    child.send(ENTER)  # 法人卡
    child.expect("现在填写申请邮件的内容吗")
    child.send(DOWN)
    child.send(ENTER)  # 否
    child.expect("请核对您的回答")
    child.send(ENTER)  # 确认无误
    child.expect("kefu@xaeport.com")
    child.expect("朱雀大街397号")
    child.expect("服务台")
    child.expect("2026-10-08")
    child.expect("2026-10-09")
    child.expect("要把清单保存为可打印的 HTML 文件，并生成申请邮件草稿")
    child.send(ENTER)  # 否
    assert finish(child) == 0
    assert list(tmp_path.glob("eportguide-*")) == []


def test_a_clerk_keeps_the_printable_checklist_and_the_email_draft(tmp_path):
    child = spawn(tmp_path, "unlock-card", "--no-save", "-a", "card=legal", "-a", "enterprise=西安秦川贸易有限公司")
    for detail in ("公司收卡地址", "联系人姓名", "联系人电话", "寄卡快递单号", "办理业务的电子口岸卡号"):
        child.expect(detail)  # a detail was given, so the rest are asked (and left blank)
        child.send(ENTER)
    child.expect("请核对您的回答")
    child.send(ENTER)
    child.expect("要把清单保存为可打印的 HTML 文件，并生成申请邮件草稿")
    child.send(DOWN)
    child.send(ENTER)  # 是
    child.expect(r"已写入 (/\S*eportguide-unlock-card-\d{8}-\d{6}\.html)")  # where: the full path
    html = Path(child.match.group(1))
    child.expect(r"已写入 (/\S*eportguide-unlock-card-\d{8}-\d{6}\.eml)")
    draft = Path(child.match.group(1))
    assert html.parent == draft.parent == tmp_path
    assert finish(child) == 0
    assert "朱雀大街397号" in html.read_text(encoding="utf-8")
    message = BytesParser(policy=policy.default).parsebytes(draft.read_bytes())
    assert message["To"] == "kefu@xaeport.com"
    assert message["Subject"] == "西安秦川贸易有限公司企业办理电子口岸的法人卡解锁业务"


def test_a_clerk_typing_an_unusual_tracking_number_is_warned_and_keeps_it(tmp_path):
    child = spawn(tmp_path, "unlock-card", "--no-save", "-a", "card=legal", "-a", "enterprise=西安秦川贸易有限公司")
    for detail in ("公司收卡地址", "联系人姓名"):
        child.expect(detail)
        child.send(ENTER)
    child.expect("联系人电话")
    child.send("83196210" + ENTER)  # the source's own way of writing a phone: no note
    child.expect("寄卡快递单号")
    child.expect("卡寄出后才有")  # the help text: the number does not exist yet
    child.send("SF12" + ENTER)
    child.expect("请核对：寄卡快递单号“SF12”不像常见的快递单号")
    child.expect("办理业务的电子口岸卡号")
    child.send(ENTER)
    child.expect("请核对您的回答")
    child.send(ENTER)
    child.expect("XX 83196210")
    child.expect("SF12")
    child.expect("要把清单保存为可打印的 HTML 文件")
    child.send(ENTER)  # 否
    assert finish(child) == 0


def test_ctrl_c_at_a_prompt_exits_130_without_a_traceback(tmp_path):
    child = spawn(tmp_path, "unlock-card", "--no-save")
    child.expect("哪张卡被锁住了")
    child.sendcontrol("c")
    child.expect("已中断")
    rest = child.read() if child.isalive() else ""
    assert finish(child) == 130
    assert "Traceback" not in (child.before or "") + rest

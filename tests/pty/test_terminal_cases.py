"""The clerk's story through a real pseudo-terminal (issue 25): the run, the draft kept,
the details remembered; days later the tracking number added, the case seen overdue,
then closed; the next run starts from the remembered details."""

import os
import re
import sys
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pexpect
import pytest

DOWN, ENTER, CTRL_C = "\x1b[B", "\r", "\x03"
ENTERPRISE = "西安秦川贸易有限公司"

pytestmark = pytest.mark.pty


def spawn(tmp_path: Path, *args: str) -> pexpect.spawn:
    env = {**os.environ, "EPORTGUIDE_HOME": str(tmp_path / "home"), "TERM": "xterm-256color", "COLUMNS": "200"}
    env.pop("NO_COLOR", None)
    return pexpect.spawn(
        sys.executable, ["-m", "eportguide", *args], env=env, encoding="utf-8", timeout=20, dimensions=(60, 200), cwd=str(tmp_path)
    )


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus if child.exitstatus is not None else 128 + (child.signalstatus or 0)


def first_run(tmp_path: Path) -> tuple[str, Path]:
    """Monday 3 March 2025: a locked 法人卡, the enterprise typed, the draft kept with the
    licence scan, the details remembered. The case's tag and the draft."""
    (tmp_path / "licence.pdf").write_bytes(b"%PDF scan")
    child = spawn(tmp_path, "unlock-card", "--today", "2025-03-03")
    child.expect("哪张卡被锁住了")
    child.send(ENTER)  # 法人卡
    child.expect("现在填写申请邮件的内容吗")
    child.send(ENTER)  # 是
    child.expect("企业名称")
    child.send(ENTERPRISE + ENTER)
    for detail in ("公司收卡地址", "联系人姓名", "联系人电话", "寄卡快递单号", "办理业务的电子口岸卡号"):
        child.expect(detail)
        child.send(ENTER)  # the tracking number does not exist yet: left blank (XX)
    child.expect("请核对您的回答")
    child.send(ENTER)
    child.expect("预计 2025-03-04（周二） 至 2025-03-05（周三）")
    child.expect("要把清单保存为可打印的 HTML 文件，并生成申请邮件草稿")
    child.send(DOWN + ENTER)  # 是
    child.expect("附件“营业执照原件扫描件”的文件路径")
    child.send(str(tmp_path / "licence.pdf") + ENTER)
    child.expect(r"已写入 (/\S*\.eml)")
    draft = Path(child.match.group(1))
    child.expect(r"已记入办理中的事项 ([0-9a-f]{4})")
    tag = child.match.group(1)
    child.expect("记住本次填写的企业名称")
    child.send(DOWN + ENTER)  # 是
    child.expect("已保存本企业信息")
    assert finish(child) == 0
    return tag, draft


def test_the_clerks_story_from_the_first_run_to_the_case_closed(tmp_path):
    tag, draft = first_run(tmp_path)

    # Thursday: the card went out on Tuesday, the courier's number is known; the e-mail
    # was sent then, so the dates stay as counted (否 is the default).
    child = spawn(tmp_path, "cases", tag, "--tracking-number", "SF1234567890", "--email-draft", str(draft), "--today", "2025-03-06")
    child.expect(re.escape("申请邮件今天（2025-03-06）发出吗"))
    child.send(ENTER)  # 否
    child.expect("已补填寄卡快递单号 SF1234567890")
    child.expect("预计完成日期仍从 2025-03-03 起算")
    child.expect(r"\[ \] 1\. 发送申请邮件至")
    child.expect("已逾期：最晚预计完成日 2025-03-05（周三） 已过")
    child.expect("请致电中国电子口岸客服热线：95198 或 029-83196210")
    assert finish(child) == 0
    message = BytesParser(policy=policy.default).parsebytes(draft.read_bytes())
    assert "寄卡快递单号：SF1234567890" in message.get_body().get_content()
    assert [(p.get_filename(), p.get_content()) for p in message.iter_attachments()] == [("licence.pdf", b"%PDF scan")]

    child = spawn(tmp_path, "cases", "--today", "2025-03-06")
    child.expect(re.escape(f"[{tag}] 法人卡解锁：发送申请邮件，邮寄法人卡 — {ENTERPRISE}"))
    child.expect("已逾期")
    assert finish(child) == 0

    # Ticking at a terminal without a number: chosen from the steps left.
    child = spawn(tmp_path, "cases", tag, "--done")
    child.expect("哪一步已经完成")
    child.send(DOWN + ENTER)  # the second: the card is mailed
    child.expect("已勾选第 2 步")
    child.expect(r"\[x\] 2\. 将已锁定法人卡邮寄至")
    assert finish(child) == 0

    child = spawn(tmp_path, "cases", tag, "--close")
    child.expect(f"事项 {tag} 已办结")
    assert finish(child) == 0
    child = spawn(tmp_path, "cases", "--today", "2025-03-06")
    child.expect("没有办理中的事项")
    assert finish(child) == 0


def test_the_next_run_offers_the_remembered_enterprise_as_the_default(tmp_path):
    first_run(tmp_path)
    child = spawn(tmp_path, "reset-password")
    child.expect("哪张卡的密码忘记了")
    child.send(ENTER)  # 法人卡
    child.expect("现在填写申请邮件的内容吗")
    child.send(ENTER)  # 是
    child.expect("企业名称")
    child.expect(ENTERPRISE)  # ready to confirm with Enter
    child.send(CTRL_C)
    assert finish(child) == 130

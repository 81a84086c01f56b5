"""End to end through a real pseudo-terminal, typed as a person would."""

import os
import sys
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pexpect
import pytest

DOWN, UP, ENTER = "\x1b[B", "\x1b[A", "\r"

pytestmark = pytest.mark.pty


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
    child.expect("附件“营业执照原件扫描件”的文件路径")
    child.send(ENTER)  # no file: to add in the mail client
    child.expect(r"已写入 (/\S*eportguide-unlock-card-\d{8}-\d{6}\.html)")  # where: the full path
    html = Path(child.match.group(1))
    child.expect(r"已写入 (/\S*eportguide-unlock-card-\d{8}-\d{6}\.eml)")
    draft = Path(child.match.group(1))
    assert html.parent == draft.parent == tmp_path
    assert finish(child) == 0
    assert "朱雀大街397号" in html.read_text(encoding="utf-8")
    message = BytesParser(policy=policy.default).parsebytes(draft.read_bytes())
    assert message["To"] == "kefu@xaeport.com"
    assert message["Subject"] == "西安秦川贸易有限公司办理电子口岸的法人卡解锁业务"


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
    said = child.before + child.after
    rest = child.read() if child.isalive() else ""
    assert finish(child) == 130
    assert "Traceback" not in (child.before or "") + rest
    assert "错误" not in said + rest  # an interruption is not an error


def test_at_a_terminal_o_writes_the_file_by_its_name_and_still_shows_the_outcome(tmp_path):
    child = spawn(tmp_path, "unlock-card", "-a", "card=legal", "--no-input", "--no-save", "-o", "清单.html")
    child.expect("法人卡解锁：发送申请邮件，邮寄法人卡")  # drawn on the screen
    child.expect("朱雀大街397号")
    child.expect("已写入 清单.html")
    assert finish(child) == 0
    assert (tmp_path / "清单.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("back", ["《", "＜", "<"])
def test_a_chinese_input_method_s_less_than_goes_back_and_twice_starts_again(tmp_path, back):
    child = spawn(tmp_path, "unlock-card", "--no-save", "--email-draft", "draft.eml")
    child.expect("哪张卡被锁住了")
    child.send(ENTER)  # 法人卡
    child.expect("现在填写申请邮件的内容吗")
    child.send(ENTER)  # 是
    child.expect("企业名称")
    child.send(back + ENTER)  # with Chinese punctuation on, < arrives as 《 (or full-width ＜)
    child.expect("现在填写申请邮件的内容吗")  # back at the question before
    child.send(ENTER)  # 是
    child.expect("企业名称")
    child.send(back + back + ENTER)
    child.expect("哪张卡被锁住了")  # started again
    child.send(ENTER)
    child.expect("现在填写申请邮件的内容吗")
    child.send(ENTER)
    child.expect("企业名称")
    child.send("西安秦川贸易有限公司" + ENTER + ENTER * 5)
    child.expect("请核对您的回答")
    child.send(ENTER)
    child.expect("附件“营业执照原件扫描件”的文件路径")
    child.send(ENTER)  # no file now
    assert finish(child) == 0
    message = BytesParser(policy=policy.default).parsebytes((tmp_path / "draft.eml").read_bytes())
    assert message["Subject"] == "西安秦川贸易有限公司办理电子口岸的法人卡解锁业务"  # 《 never became the name


def test_details_typed_once_come_back_as_defaults_when_the_review_changes_the_card(tmp_path):
    child = spawn(tmp_path, "unlock-card", "--no-save", "--format", "text", "--today", "2026-09-30")
    child.expect("哪张卡被锁住了")
    child.send(ENTER)  # 法人卡
    child.expect("现在填写申请邮件的内容吗")
    child.send(ENTER)  # 是
    child.expect("企业名称")
    child.send("西安秦川贸易有限公司" + ENTER)
    child.expect("公司收卡地址")
    child.send(ENTER)
    child.expect("联系人姓名")
    child.send("张三" + ENTER)
    child.expect("联系人电话")
    child.send("13912345678" + ENTER)
    child.expect("寄卡快递单号")
    child.send(ENTER)
    child.expect("办理业务的电子口岸卡号")
    child.send(ENTER)
    child.expect("请核对您的回答")
    child.send(DOWN + ENTER)  # 修改：被锁的卡
    child.expect("哪张卡被锁住了")
    child.send(DOWN + ENTER)  # 操作员卡
    child.expect("法人卡现在能正常登录吗")
    child.send(DOWN + ENTER)  # 否
    child.expect("法人卡为什么不能登录")
    child.send(ENTER)  # 法人卡也被锁住了: the 法人卡 is unlocked first, its e-mail asked again
    child.expect("现在填写申请邮件的内容吗")
    child.send(ENTER)  # 是 (the answer given before)
    for detail in ("企业名称", "公司收卡地址", "联系人姓名", "联系人电话", "寄卡快递单号", "办理业务的电子口岸卡号"):
        child.expect(detail)
        child.send(ENTER)  # what was typed before is the default: Enter keeps it
    child.expect("请核对您的回答")
    child.send(ENTER)
    child.expect("主题　*  西安秦川贸易有限公司办理电子口岸的法人卡解锁业务")
    child.expect("联系人姓名电话　*  张三 13912345678")
    assert finish(child) == 0


def test_details_come_back_after_no_then_yes_on_the_details_question(tmp_path):
    child = spawn(tmp_path, "unlock-card", "--no-save", "--format", "text")
    child.expect("哪张卡被锁住了")
    child.send(ENTER)  # 法人卡
    child.expect("现在填写申请邮件的内容吗")
    child.send(ENTER)  # 是
    child.expect("企业名称")
    child.send("西安秦川贸易有限公司" + ENTER + ENTER * 5)
    child.expect("请核对您的回答")
    child.send(DOWN + DOWN + ENTER)  # 修改：填写邮件内容
    child.send(DOWN + ENTER)  # 否
    child.expect("请核对您的回答")
    child.send(DOWN + DOWN + ENTER)  # 修改：填写邮件内容
    child.send(UP + ENTER)  # 是 again
    child.expect("企业名称")
    child.send(ENTER * 6)  # every detail as typed before
    child.expect("请核对您的回答")
    child.send(ENTER)
    child.expect("西安秦川贸易有限公司办理电子口岸的法人卡解锁业务")
    assert finish(child) == 0


def test_progress_shows_a_total_only_when_the_path_s_length_is_known(tmp_path):
    child = spawn(tmp_path, "unlock-card", "--no-save")
    child.expect(r"\[步骤 1\] 哪张卡被锁住了")  # 2 or up to 10 questions: no "1/10" to mislead
    child.send(DOWN + ENTER)  # 操作员卡
    child.expect(r"\[步骤 2\] 法人卡现在能正常登录吗")
    child.send(UP + UP + ENTER)  # 返回上一步
    child.expect("哪张卡被锁住了")
    child.send(UP + ENTER)  # 法人卡 (the pointer was on 操作员卡)
    child.expect(r"\[步骤 2\] 现在填写申请邮件的内容吗")
    child.send(ENTER)  # 是: six details follow, then the outcome
    child.expect(r"\[步骤 3/8\] 企业名称")
    child.send(ENTER)
    child.expect(r"\[步骤 4/8\] 公司收卡地址")
    child.sendcontrol("c")
    assert finish(child) == 130


def test_saving_the_draft_at_a_terminal_asks_for_each_attachment_the_procedure_lists(tmp_path):
    licence = tmp_path / "营业执照 扫描件.pdf"
    licence.write_bytes(b"%PDF-1.4 licence")
    child = spawn(tmp_path, "cancel-card", "--no-save")
    child.expect("现在填写申请邮件的企业名称吗")
    child.send(DOWN + ENTER)  # 否
    child.expect("请核对您的回答")
    child.send(ENTER)
    child.expect("要把清单保存为可打印的 HTML 文件，并生成申请邮件草稿")
    child.send(DOWN + ENTER)  # 是
    child.expect("附件“营业执照原件扫描件”的文件路径")
    child.send(str(tmp_path / "没有这个文件.pdf") + ENTER)
    child.expect("找不到要附加的文件")  # asked again, the reason under the question
    child.expect("附件“营业执照原件扫描件”的文件路径")
    child.send("\x15" + f'"{licence}"' + ENTER)  # Ctrl-U clears what was typed; quotes as Windows copies a path
    child.expect("附件“电子口岸卡持卡人身份证正反面”的文件路径")
    child.send(ENTER)  # skipped: added later in the mail client
    child.expect(r"已写入 (/\S*\.html)")
    html = Path(child.match.group(1))
    child.expect(r"已写入 (/\S*\.eml)")
    draft = Path(child.match.group(1))
    child.expect("邮件草稿的附件：营业执照原件扫描件（已放入草稿：营业执照 扫描件.pdf）；电子口岸卡持卡人身份证正反面（待添加）")
    assert finish(child) == 0
    message = BytesParser(policy=policy.default).parsebytes(draft.read_bytes())
    assert [(p.get_filename(), p.get_content()) for p in message.iter_attachments()] == [("营业执照 扫描件.pdf", b"%PDF-1.4 licence")]
    assert "电子口岸卡持卡人身份证正反面（待添加）" in html.read_text(encoding="utf-8")

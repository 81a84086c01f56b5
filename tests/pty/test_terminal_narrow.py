"""A narrow terminal (60 columns, a help-desk window beside the call software) keeps every
answer readable, and no terminal width breaks a phone number, e-mail address, URL or
command across two lines. Captured from a real pseudo-terminal through a terminal emulator."""

import re

import pytest
from screen import DOWN, ENTER, Terminal


@pytest.mark.pty
def test_at_60_columns_the_review_and_the_answers_show_every_answer(tmp_path):
    term = Terminal(tmp_path / "home", "unlock-card", "--no-save", columns=60, rows=120, cwd=tmp_path)
    term.expect("哪张卡被锁住了")
    term.send(ENTER)  # 法人卡
    term.expect("现在填写申请邮件的内容吗")
    term.send(DOWN + ENTER)  # 否
    term.expect("请核对您的回答")
    term.settle()
    # The review names each question in a few words; its answer in [ ] is not cut off.
    assert "修改：被锁的卡  [法人卡]" in term.lines()[term.row_of("修改：被锁的卡")]
    assert "修改：填写邮件内容  [否]" in term.lines()[term.row_of("修改：填写邮件内容")]
    term.send(ENTER)  # 确认无误
    term.expect("要把清单保存")
    term.settle()
    answers = term.lines()[term.row_of("您的回答") + 1 : term.row_of("办理步骤")]
    assert any("被锁的卡" in line and "法人卡" in line for line in answers), answers
    assert any("填写邮件内容" in line and "否" in line for line in answers), answers
    term.send(ENTER)  # 否: no files
    assert term.finish() == 0


#: (answers, text that must stay on one line) for the paths that print them.
UNBROKEN = {
    "legal": (["-a", "card=legal"], ["83196210", "kefu@xaeport.com", "029-83196210", "mailto:kefu@xaeport.com"]),
    "operator": (["-a", "card=operator", "-a", "legal_card_works=yes"], ["https://e.chinaport.gov.cn/", "029-83196210"]),
    "other": (["-a", "card=operator", "-a", "legal_card_works=no", "-a", "legal_card_problem=other"], ["https://e.chinaport.gov.cn/"]),
}


@pytest.mark.pty
@pytest.mark.parametrize("columns", [60, 120])
@pytest.mark.parametrize("path", list(UNBROKEN))
def test_no_width_breaks_a_phone_number_address_url_or_command(tmp_path, columns, path):
    answers, unbroken = UNBROKEN[path]
    args = ["unlock-card", *answers, "--no-input", "--no-save", "--format", "terminal", "--today", "2026-09-30"]
    term = Terminal(tmp_path / "home", *args, columns=columns, rows=120)
    assert term.finish() == 0
    screen = term.lines()
    assert all(len(line) <= columns for line in screen)
    inner = [re.sub(r"^[│|] ?|\s*[│|]$", "", line) for line in screen]  # without the panel's sides
    for text in unbroken:
        assert any(text in line for line in inner), f"{text} is broken across lines at {columns} columns:\n" + "\n".join(inner)


def test_a_line_never_starts_with_closing_punctuation_nor_splits_a_number():
    from eportguide.render.breaking import wrap

    step = "将已锁定法人卡邮寄至：西安市雁塔区朱雀大街397号老海关楼6楼（天街小厨旁求索文化楼）；收货人：服务台；收货人电话：83196210。"
    for width in range(12, 80):
        lines = wrap(step, width)
        assert "".join(lines) == step
        assert all(len(line) and line[0] not in "，。；：）" for line in lines), (width, lines)
        assert any("83196210" in line for line in lines) and any("397" in line for line in lines)


@pytest.mark.parametrize("width", [24, 30, 40])
def test_a_command_stays_on_one_line(width):
    from eportguide.render.breaking import wrap

    lines = wrap("法人卡能正常登录后，再运行 eportguide unlock-card 解锁操作员卡；或运行 eportguide resume c968。", width)
    assert any("eportguide unlock-card" in line for line in lines), lines
    assert any("eportguide resume c968" in line for line in lines), lines


def test_what_is_wider_than_the_whole_line_is_folded_not_lost():
    from rich.cells import cell_len

    from eportguide.render.breaking import wrap

    lines = wrap("见 https://e.chinaport.gov.cn/", 10)
    assert "".join(lines).replace(" ", "") == "见https://e.chinaport.gov.cn/"
    assert all(cell_len(line) <= 10 for line in lines)


def test_the_review_cuts_a_long_typed_answer_but_never_its_closing_bracket():
    from rich.cells import cell_len

    from eportguide.prompting.interactive import review_item

    line = review_item("公司收卡地址", "西安市雁塔区朱雀大街397号老海关楼6楼（天街小厨旁求索文化楼）", 56)
    assert cell_len(line) <= 56 and line.startswith("修改：公司收卡地址  [西安市雁塔区") and line.endswith("…]")
    assert review_item("填写邮件内容", "否", 56) == "修改：填写邮件内容  [否]"


@pytest.mark.pty
def test_a_refused_phone_is_reported_right_under_the_question_and_asked_again(tmp_path):
    args = ["unlock-card", "--no-save", "-a", "card=legal", "-a", "legal_details=yes"]
    term = Terminal(tmp_path / "home", *args, columns=100, rows=50, cwd=tmp_path)
    for detail in ("企业名称", "公司收卡地址", "联系人姓名"):
        term.expect(detail)
        term.send(ENTER)
    term.expect("联系人电话")
    pasted = "1391234567813912345678139123456781391234567"  # a paste gone wrong: longer than any phone
    term.send(pasted + ENTER)
    term.expect("太长了")
    term.settle()
    answered, asked_again = term.rows_of("联系人电话")[-2:]
    message = term.row_of("太长了")
    assert answered < message < asked_again, "\n".join(term.lines())  # at the question, not on the bottom line
    assert message - answered <= 2 and asked_again - message <= 2
    assert pasted in "".join(term.lines()[asked_again:])  # asked again, what was typed kept to correct
    term.send("\x15" + "13912345678" + ENTER)  # Ctrl-U clears it
    term.expect("寄卡快递单号")
    term.child.sendcontrol("c")
    assert term.finish() == 130


@pytest.mark.pty
def test_at_60_columns_the_sessions_list_is_a_block_per_session_within_the_width(tmp_path):
    import json

    home = tmp_path / "home"
    (home / "sessions").mkdir(parents=True)
    session = {
        "format": 1,
        "id": "20261127-161900-deregister-enterprise-6c26",
        "flow": "deregister-enterprise",
        "flow_hash": "",
        "pack": str(tmp_path),
        "created": "2026-11-27T16:19:00+08:00",
        "updated": "2026-11-27T16:21:00+08:00",
        "done": True,
        "answers": {"details": "yes", "enterprise": "西安秦川贸易有限公司"},
        "note": "",
        "outcome": "电子口岸企业注销：发送申请邮件",
    }
    (home / "sessions" / f"{session['id']}.json").write_text(json.dumps(session, ensure_ascii=False), encoding="utf-8")
    term = Terminal(home, "sessions", columns=60, rows=20)
    assert term.finish() == 0
    lines = [line for line in term.lines() if line]
    assert lines[0] == "20261127-161900-deregister-enterprise-6c26  11-27 16:21"
    below = [line for line in lines[1:] if line.startswith("  ")]  # indented, folded to the width
    assert "".join(line.strip() for line in below) == "西安秦川贸易有限公司｜已完成：电子口岸企业注销：发送申请邮件"
    assert not any(line.startswith("会话 ") for line in lines)  # no table wider than the terminal


@pytest.mark.parametrize("width", range(28, 60))  # the longest date note is 28 columns
def test_a_date_stays_whole_with_its_weekday_note(width):
    from eportguide.render.breaking import wrap

    text = "若 2026-11-27（周五） 为起算日，预计 2026-11-30（周一） 至 2026-02-14（周六，调休上班） 完成电子口岸办理"
    lines = wrap(text, width)
    for date in ("2026-11-27（周五）", "2026-11-30（周一）", "2026-02-14（周六，调休上班）"):
        assert any(date in line for line in lines), (width, lines)

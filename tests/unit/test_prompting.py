"""Interactive questions driven through prompt_toolkit's pipe input, keystroke by keystroke."""

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from eportguide.engine.result import build
from eportguide.errors import Interrupted
from eportguide.prompting.interactive import InteractivePrompter
from eportguide.prompting.scripted import ScriptedPrompter
from eportguide.run import dialogue

DOWN, UP, ENTER = "\x1b[B", "\x1b[A", "\r"


def drive(pack, keys: str, flow="unlock-card", given=None):
    """Run a flow with ``keys`` typed at the terminal; returns (result, answer log history)."""
    logs = []
    with create_pipe_input() as pipe:
        pipe.send_text(keys + ENTER)  # every run ends with the review of its answers: Enter confirms them
        prompter = InteractivePrompter(input=pipe, output=DummyOutput())
        if given is not None:
            prompter = ScriptedPrompter(given, prompter)
        finished = dialogue.drive(pack, flow, prompter, on_change=lambda log: logs.append(dict(log)))
    return build(pack, finished), logs


def test_arrow_down_and_enter_choose_the_operator_card(pack):
    # operator card; legal card works? 是 (first option)
    result, logs = drive(pack, DOWN + ENTER + ENTER)
    assert result.outcome_id == "operator_online"
    assert logs[-1] == {"card": "operator", "legal_card_works": "yes"}


def test_enter_on_the_first_option_chooses_the_legal_card_and_details_can_be_skipped(pack):
    # 法人卡; fill in details? 否 (second option)
    result, _ = drive(pack, ENTER + DOWN + ENTER)
    assert result.outcome_id == "legal_mail"
    assert result.email is not None and result.email.subject == "XX企业办理电子口岸的法人卡解锁业务"


def test_typed_details_fill_the_email(pack):
    keys = ENTER + ENTER  # 法人卡; 是, fill in the details
    keys += "西安某某贸易有限公司" + ENTER + ENTER + "张三" + ENTER + "13912345678" + ENTER + ENTER + ENTER
    result, _ = drive(pack, keys)
    assert result.email is not None
    assert result.email.subject == "西安某某贸易有限公司办理电子口岸的法人卡解锁业务"
    assert dict(result.email.fields)["联系人姓名电话"] == "张三 13912345678"
    assert dict(result.email.fields)["公司收卡地址"] == "XX"


def test_a_phone_that_cannot_go_into_the_email_is_asked_again_until_it_can(pack):
    keys = ENTER + ENTER + ENTER + ENTER + ENTER  # 法人卡, 是, blank enterprise/address/name
    keys += "1" * 41 + ENTER  # refused (too long for a phone): the prompt stays open
    keys += "\x7f" * 41 + "029-83196210" + ENTER + ENTER + ENTER
    result, logs = drive(pack, keys)
    assert dict(result.email.fields)["联系人姓名电话"] == "XX 029-83196210"  # the name was left blank
    assert all(log.get("contact_phone") != "1" * 41 for log in logs)


def test_back_in_a_menu_returns_to_the_previous_question(pack):
    # 操作员卡; at "法人卡能登录吗" choose 返回上一步 (after 是, 否, separator); the pointer
    # is back on 操作员卡, so UP chooses 法人卡; then 否 to the details
    keys = DOWN + ENTER + DOWN + DOWN + ENTER + UP + ENTER + DOWN + ENTER
    result, logs = drive(pack, keys)
    assert {"card": "operator"} in logs and {} in logs
    assert result.outcome_id == "legal_mail"


def test_less_than_in_a_text_question_goes_back(pack):
    keys = ENTER + ENTER + "<" + ENTER + DOWN + ENTER  # 法人卡, 是, back from 企业名称, then 否
    result, logs = drive(pack, keys)
    assert logs[-1] == {"card": "legal", "legal_details": "no"}
    assert result.outcome_id == "legal_mail"


@pytest.mark.parametrize(("back", "restart"), [("《", "《《"), ("＜", "＜＜"), ("〈", "<《"), (" ＜ ", "\u3000<<")])
def test_the_full_width_and_chinese_forms_of_less_than_go_back_and_restart(pack, back, restart):
    keys = ENTER + ENTER + back + ENTER + ENTER  # 法人卡, 是, back from 企业名称, 是 again
    keys += restart + ENTER + DOWN + ENTER + ENTER  # restart from 企业名称; 操作员卡, 是
    result, logs = drive(pack, keys)
    assert {"card": "legal"} in logs and {} in logs
    assert all(back.strip() not in log.values() for log in logs)
    assert result.outcome_id == "operator_online"


def test_restart_clears_every_answer(pack):
    keys = DOWN + ENTER + DOWN + DOWN + DOWN + ENTER  # 操作员卡, then 重新开始
    keys += ENTER + DOWN + ENTER  # 法人卡, 否
    result, logs = drive(pack, keys)
    assert {} in logs
    assert result.outcome_id == "legal_mail"


def test_scripted_answers_are_used_and_only_the_rest_is_asked(pack):
    result, _ = drive(pack, ENTER, given={"card": "operator"})  # only legal_card_works is asked
    assert result.outcome_id == "operator_online"


def test_ctrl_c_at_a_prompt_ends_the_run_as_interrupted(pack):
    with pytest.raises(Interrupted):
        drive(pack, "\x03")


def test_a_closed_input_ends_the_run_as_interrupted(pack):
    with create_pipe_input() as pipe:
        pipe.close()
        prompter = InteractivePrompter(input=pipe, output=DummyOutput())
        with pytest.raises(Interrupted):
            dialogue.drive(pack, "unlock-card", prompter)


def test_a_detail_given_on_the_command_line_means_yes_and_only_the_other_details_are_asked(pack):
    result, logs = drive(pack, ENTER * 5, given={"card": "legal", "enterprise": "西安秦川贸易有限公司"})
    assert logs[-1]["legal_details"] == "yes"
    assert [k for k in logs[-1] if k not in ("card", "legal_details", "enterprise")] == [
        "card_address",
        "contact_name",
        "contact_phone",
        "tracking_number",
        "card_number",
    ]
    assert result.email is not None and result.email.subject == "西安秦川贸易有限公司办理电子口岸的法人卡解锁业务"


def test_going_back_keeps_what_was_typed_as_the_default(pack):
    keys = ENTER + ENTER + "测试公司" + ENTER  # 法人卡, 是, 企业名称
    keys += "<" + ENTER  # back from 公司收卡地址 to 企业名称
    keys += ENTER  # Enter keeps 测试公司
    keys += ENTER * 5  # the remaining details left blank
    result, logs = drive(pack, keys)
    assert logs[-1]["enterprise"] == "测试公司"
    assert result.email is not None and result.email.subject == "测试公司办理电子口岸的法人卡解锁业务"


def test_going_back_in_a_menu_points_at_the_choice_made_before(pack):
    keys = DOWN + ENTER  # 操作员卡
    keys += DOWN * 2 + ENTER  # 返回上一步 (是, 否, separator skipped)
    keys += ENTER  # the pointer rests on 操作员卡 again
    keys += ENTER  # 法人卡能登录：是
    result, _ = drive(pack, keys)
    assert result.outcome_id == "operator_online"


def test_two_less_thans_in_a_text_question_restart(pack):
    keys = ENTER + ENTER + "测试公司" + ENTER + "<<" + ENTER  # 法人卡, 是, 企业名称, then 重新开始 at 公司收卡地址
    keys += DOWN + ENTER + ENTER  # 操作员卡, 法人卡能登录：是
    result, logs = drive(pack, keys)
    assert {} in logs
    assert logs[-1] == {"card": "operator", "legal_card_works": "yes"}
    assert result.outcome_id == "operator_online"

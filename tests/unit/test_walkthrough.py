"""Walking a caller through a procedure: progress, back, restart, and the review of answers.

Keys are typed through prompt_toolkit's pipe input, as a person types them. Every run
ends with a review of all answers (first entry: 确认无误); picking an answer asks that
question again, and answers the new path no longer asks are dropped.
"""

from io import StringIO

from helpers import FLOWS, cli
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.plain_text import PlainTextOutput

from eportguide.engine.result import build
from eportguide.model.loader import load_pack
from eportguide.prompting.interactive import InteractivePrompter
from eportguide.run import dialogue

DOWN, UP, ENTER = "\x1b[B", "\x1b[A", "\r"
CONFIRM = ENTER  # the review's first entry: 确认无误，查看办理结果


def walk_through(pack, keys: str, flow: str = "unlock-card", output=None):
    """Run ``flow`` with ``keys`` typed; the result and every answer log saved on the way."""
    logs: list[dict[str, str]] = []
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        prompter = InteractivePrompter(input=pipe, output=output or DummyOutput())
        finished = dialogue.drive(pack, flow, prompter, on_change=lambda log: logs.append(dict(log)))
    return build(pack, finished), logs


def test_each_question_shows_its_step_and_the_most_steps_left():
    screen = StringIO()
    with create_pipe_input() as pipe:
        pipe.send_text(ENTER + ENTER + CONFIRM)  # 输入口令时提示…; review
        dialogue.drive(load_pack(FLOWS), "default-password", InteractivePrompter(input=pipe, output=PlainTextOutput(screen)))
    assert "[步骤 1/1] 您遇到的是哪种情况？" in screen.getvalue()


def test_changing_the_card_at_the_review_drops_the_answer_the_new_path_does_not_ask(pack):
    keys = DOWN + ENTER + ENTER  # 操作员卡; 法人卡能登录: 是
    keys += DOWN + ENTER  # review: 修改 哪张卡被锁住了？ (the caller meant the other card)
    keys += UP + ENTER  # 法人卡 (the pointer starts on the old answer, 操作员卡)
    keys += DOWN + ENTER  # a new question on this path: fill in the e-mail? 否
    keys += CONFIRM
    result, logs = walk_through(pack, keys)
    assert result.outcome_id == "legal_mail"
    assert logs[-1] == {"card": "legal", "legal_details": "no"}  # legal_card_works no longer applies


def test_changing_a_detail_at_the_review_keeps_the_details_typed_after_it(pack):
    keys = ENTER + ENTER  # 法人卡; 是, fill in the e-mail
    keys += "西安甲公司" + ENTER + ENTER + "张三" + ENTER + ENTER + ENTER + ENTER  # 企业名称, …, 联系人
    keys += DOWN + DOWN + DOWN + ENTER  # review: 修改 企业名称 (after 卡 and the gate question)
    keys += "\x7f" * 5 + "西安乙公司" + ENTER
    keys += CONFIRM
    result, logs = walk_through(pack, keys)
    assert result.email is not None
    assert result.email.subject == "西安乙公司办理电子口岸的法人卡解锁业务"
    assert dict(result.email.fields)["联系人姓名电话"] == "张三 XX"
    assert logs[-1]["contact_name"] == "张三"


def test_back_at_the_review_asks_the_last_question_again(pack):
    keys = ENTER  # 输入口令时提示…
    keys += DOWN + DOWN + ENTER  # review: past the one answer to 返回上一步
    keys += DOWN + ENTER  # 刚更新了证书
    keys += CONFIRM
    result, logs = walk_through(pack, keys, flow="default-password")
    assert {} in logs
    assert result.outcome_id == "after_certificate"


def test_restart_at_the_review_clears_every_answer(pack):
    keys = DOWN + ENTER + ENTER  # 操作员卡; 是
    keys += DOWN * 4 + ENTER  # review: past two answers and 返回上一步 to 重新开始
    keys += ENTER + DOWN + ENTER  # 法人卡; 否
    keys += CONFIRM
    result, logs = walk_through(pack, keys)
    assert {} in logs
    assert result.outcome_id == "legal_mail"


def test_going_back_while_changing_an_answer_returns_to_the_review_unchanged(pack):
    keys = DOWN + ENTER + ENTER  # 操作员卡; 是
    keys += DOWN + DOWN + ENTER  # review: 修改 法人卡现在能正常登录吗？
    keys += DOWN + DOWN + ENTER  # past 是/否 to 返回上一步: keep the answer
    keys += CONFIRM
    result, logs = walk_through(pack, keys)
    assert result.outcome_id == "operator_online"
    assert logs[-1] == {"card": "operator", "legal_card_works": "yes"}


def test_a_flow_that_asks_nothing_has_nothing_to_review(pack):
    result, logs = walk_through(pack, "", flow="onboard")
    assert result.flow_id == "onboard" and logs == []


def test_the_text_output_is_a_call_note_with_date_procedure_and_answers(tmp_path, monkeypatch):
    monkeypatch.setenv("EPORTGUIDE_HOME", str(tmp_path))
    result = cli(
        "unlock-card", "-a", "card=operator", "-a", "legal_card_works=yes", "--no-input", "--format", "text", "--today", "2026-11-27"
    )
    assert result.exit_code == 0
    head = result.output.splitlines()[:8]
    assert head[0] == "电子口岸卡被锁，如何解锁"
    assert "记录日期：2026-11-27（周五）" in head
    assert "【您的回答】" in head
    assert any(line.startswith("被锁的卡") and line.endswith("操作员卡") for line in head)

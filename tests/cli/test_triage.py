"""Bare ``eportguide``: "遇到了什么问题？" — describe it, pick a suggestion, or browse."""

from helpers import FLOWS
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from eportguide.commands.menu import choose_flow

DOWN, UP, ENTER = "\x1b[B", "\x1b[A", "\r"


def triage(keys: str) -> str:
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        return choose_flow(FLOWS, input=pipe, output=DummyOutput())


def test_a_described_problem_offers_the_best_procedure_first():
    assert triage("公章卡锁死了，登不上" + ENTER + ENTER) == "unlock-card"


def test_the_next_suggestion_can_be_chosen_instead():
    assert triage("U盾丢了" + ENTER + ENTER) in {"reissue-legal-card", "reissue-operator-card", "reissue-declarant-card"}
    first = triage("U盾丢了" + ENTER + ENTER)
    second = triage("U盾丢了" + ENTER + DOWN + ENTER)
    assert second != first and second.startswith("reissue-")


def test_enter_without_a_description_browses_every_procedure_by_category():
    assert triage(ENTER + ENTER) == "unlock-card"  # the first procedure of the catalogue
    assert triage(ENTER + DOWN + ENTER) == "reset-password"


def test_an_unmatched_problem_can_be_described_again():
    # 天气: no procedure; first entry is 换个说法重新描述
    assert triage("今天天气怎么样" + ENTER + ENTER + "法人卡密码忘了" + ENTER + ENTER) == "reset-password"


def test_an_unmatched_problem_can_be_browsed_by_category():
    assert triage("今天天气怎么样" + ENTER + DOWN + ENTER + DOWN + DOWN + ENTER) == "default-password"


def test_suggestions_end_with_describing_again_and_browsing():
    # after the suggestions for 报关员卡丢了 (one or more): describe again, then browse
    keys = "报关员卡丢了" + ENTER + UP + ENTER  # up from the first entry wraps to the last: browse
    assert triage(keys + ENTER) == "unlock-card"
    keys = "报关员卡丢了" + ENTER + UP + UP + ENTER  # describe again
    assert triage(keys + "操作员卡丢了" + ENTER + ENTER) == "reissue-operator-card"


def test_the_category_list_goes_back_to_the_question():
    # browse, then UP from the first procedure wraps to the last entry: back to 遇到了什么问题？
    assert triage(ENTER + UP + ENTER + "法人卡密码忘了" + ENTER + ENTER) == "reset-password"

"""The e-mail details a clerk types: checked when given, asked again or refused when wrong.

A phone is a mainland mobile or a landline with its area code; a tracking number and a
card number are letters and digits of a sane length (the e-port publishes no card-number
format, so none is invented). At a terminal a wrong value is asked again; under
``--no-input`` it is exit 2 naming the question.
"""

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import CliRunner

from eportguide import engine, runner
from eportguide.cli import app
from eportguide.engine import validators
from eportguide.prompting.interactive import InteractivePrompter
from eportguide.prompting.scripted import ScriptedPrompter

ENTER, CLEAR_LINE = "\r", "\x15"  # Ctrl-U empties a refused value before retyping


def unlock(*answers: str):
    args = ["unlock-card", "-a", "card=legal", "--no-input", "--no-save", "--format", "json"]
    for answer in answers:
        args += ["-a", answer]
    return CliRunner().invoke(app, args)


# --- under --no-input: exit 2 naming the question ------------------------------------


@pytest.mark.parametrize(
    ("answer", "question", "reason"),
    [
        ("contact_phone=83196210", "“联系人电话”（contact_phone）", "带区号的座机"),
        ("contact_phone=029-8319621", "“联系人电话”（contact_phone）", "带区号的座机"),
        ("tracking_number=SF12", "“寄卡快递单号”（tracking_number）", "8–30 位字母或数字"),
        ("tracking_number=SF-1234-5678", "“寄卡快递单号”（tracking_number）", "8–30 位字母或数字"),
        ("card_number=卡号12345678", "“办理业务的电子口岸卡号”（card_number）", "6–32 位字母或数字"),
        ("card_number=" + "8" * 33, "“办理业务的电子口岸卡号”（card_number）", "6–32 位字母或数字"),
    ],
    ids=[
        "landline-without-area-code",
        "xian-landline-of-7-digits",
        "short-tracking",
        "tracking-with-hyphens",
        "card-with-chinese",
        "card-of-33-digits",
    ],
)
def test_an_invalid_detail_under_no_input_exits_2_naming_the_question_and_why(answer, question, reason):
    result = unlock(answer)
    assert result.exit_code == 2
    assert question in result.stderr and reason in result.stderr
    assert result.stdout == ""  # no checklist with a wrong detail in it


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("１３９１２３４５６７８", "13912345678"),  # full-width digits from a Chinese input method
        ("+86 139 1234 5678", "+8613912345678"),
        ("（029）83196210", "(029)83196210"),
        ("010-62345678", "010-62345678"),
        ("0917-3212345", "0917-3212345"),
        ("029-83196210-123", "029-83196210-123"),
    ],
    ids=["full-width-mobile", "mobile-with-country-code", "area-code-in-brackets", "beijing", "4-digit-area-code", "extension"],
)
def test_common_ways_of_writing_a_phone_are_accepted_and_stored_in_half_width(typed, stored):
    result = unlock(f"contact_phone={typed}")
    assert result.exit_code == 0, result.output
    assert f"XX {stored}" in result.stdout  # 联系人姓名电话 with the name left blank


def test_spaces_grouping_a_tracking_or_card_number_are_dropped():
    assert validators.normalise("tracking_number", "SF 1234 5678 9012") == "SF123456789012"
    assert validators.normalise("card_number", "８１００ ０００ ０１２３４５") == "8100000012345"
    assert validators.problem("tracking_number", "SF123456789012") is None


def test_digits_of_other_scripts_are_not_taken_for_a_phone():
    assert validators.problem("phone", "١٣٩١٢٣٤٥٦٧٨") is not None


def test_free_text_is_kept_exactly_as_typed():
    assert validators.normalise("address", " 西安市（未央区）凤城八路１００号 ") == "西安市（未央区）凤城八路１００号"


# --- at a terminal: asked again ------------------------------------------------------


def type_details(pack, keys: str) -> tuple[engine.Result, list[dict[str, str]]]:
    """A 法人卡 unlock whose e-mail details are typed at the terminal."""
    logs: list[dict[str, str]] = []
    with create_pipe_input() as pipe:
        pipe.send_text(keys + ENTER)  # a run ends with the review of its answers: Enter confirms them
        prompter = ScriptedPrompter({"card": "legal", "legal_details": "yes"}, InteractivePrompter(pipe, DummyOutput()))
        finished = runner.drive(pack, "unlock-card", prompter, on_change=lambda log: logs.append(dict(log)))
    return engine.build(pack, finished), logs


def test_a_wrong_tracking_number_is_asked_again_until_it_is_letters_and_digits(pack):
    keys = ENTER * 4  # enterprise, address, name, phone left blank
    keys += "SF12" + ENTER  # too short: refused, the prompt stays open
    keys += CLEAR_LINE + "SF1234567890" + ENTER
    keys += ENTER  # card number left blank
    result, logs = type_details(pack, keys)
    assert dict(result.email.fields)["寄卡快递单号"] == "SF1234567890"
    assert all(log.get("tracking_number") != "SF12" for log in logs)


def test_a_wrong_card_number_is_asked_again_until_it_is_letters_and_digits(pack):
    keys = ENTER * 5  # everything before the card number left blank
    keys += "81-0000" + ENTER  # a hyphen: refused
    keys += CLEAR_LINE + "8100000012345" + ENTER
    result, logs = type_details(pack, keys)
    assert dict(result.email.fields)["办理业务的电子口岸卡号"] == "8100000012345"
    assert all(log.get("card_number") != "81-0000" for log in logs)


def test_a_phone_typed_in_full_width_is_accepted_at_the_terminal_and_stored_in_half_width(pack):
    keys = ENTER * 3 + "０２９－８３１９６２１０" + ENTER + ENTER * 2
    result, _ = type_details(pack, keys)
    assert dict(result.email.fields)["联系人姓名电话"] == "XX 029-83196210"

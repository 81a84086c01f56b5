"""The e-mail details a clerk types: refused only when they cannot go into the e-mail.

The fields are optional and the e-port publishes no format for them; the source itself
writes its phone without the area code (83196210), and couriers' sub-waybills carry
hyphens (JD0001234567890-1-1-). So a value is refused only when it cannot go into a
one-line e-mail field (a control character, an absurd length): at a terminal it is
asked again, under ``--no-input`` it is exit 2 naming the question. A value of an
unusual shape is kept: a terminal shows a note below the answer, a scripted run a note
on stderr.
"""

import io

import pytest
from helpers import cli
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.vt100 import Vt100_Output

from eportguide.engine import validators
from eportguide.engine.result import Result, build
from eportguide.prompting.interactive import InteractivePrompter
from eportguide.prompting.scripted import ScriptedPrompter
from eportguide.run import dialogue

ENTER, CLEAR_LINE = "\r", "\x15"  # Ctrl-U empties a refused value before retyping


def unlock(*answers: str):
    args = ["unlock-card", "-a", "card=legal", "--no-input", "--no-save", "--format", "json"]
    for answer in answers:
        args += ["-a", answer]
    return cli(*args)


def email_fields(result) -> dict[str, str]:
    import json

    return {f["label"]: f["value"] for f in json.loads(result.stdout)["email"]["fields"]}


# --- values the source itself uses: accepted without a word ------------------------------


@pytest.mark.parametrize(
    ("answer", "label", "stored"),
    [
        ("contact_phone=83196210", "联系人姓名电话", "XX 83196210"),  # the source's own phone, no area code
        ("tracking_number=JD0001234567890-1-1-", "寄卡快递单号", "JD0001234567890-1-1-"),  # a JD sub-waybill
        ("tracking_number=JD0001234567890", "寄卡快递单号", "JD0001234567890"),
    ],
    ids=["phone-without-area-code", "jd-sub-waybill", "jd-waybill"],
)
def test_values_the_source_and_couriers_use_are_accepted_silently(answer, label, stored):
    result = unlock(answer)
    assert result.exit_code == 0, result.output
    assert email_fields(result)[label] == stored
    assert result.stderr == ""


# --- an unusual shape: kept, with a note on stderr ---------------------------------------


@pytest.mark.parametrize(
    ("answer", "label", "stored", "reason"),
    [
        ("contact_phone=029-8319621", "联系人姓名电话", "XX 029-8319621", "不像手机号"),
        ("tracking_number=SF12", "寄卡快递单号", "SF12", "不像常见的快递单号"),
        ("tracking_number=SF-1234-5678", "寄卡快递单号", "SF-1234-5678", "不像常见的快递单号"),
        ("card_number=卡号12345678", "办理业务的电子口岸卡号", "卡号12345678", "不像常见的卡号"),
        ("card_number=" + "8" * 33, "办理业务的电子口岸卡号", "8" * 33, "不像常见的卡号"),
    ],
    ids=["xian-landline-of-7-digits", "short-tracking", "tracking-with-hyphens", "card-with-chinese", "card-of-33-digits"],
)
def test_an_unusual_detail_is_kept_and_a_note_on_stderr_names_the_question(answer, label, stored, reason):
    result = unlock(answer)
    assert result.exit_code == 0, result.output
    assert email_fields(result)[label] == stored
    key, value = answer.split("=", 1)
    assert "提示：问题“" in result.stderr and f"（{key}）的答案“{value}”{reason}" in result.stderr
    assert "已照填，请核对。" in result.stderr


# --- what cannot go into a one-line field: exit 2 naming the question ----------------------


@pytest.mark.parametrize(
    ("answer", "question", "reason"),
    [
        ("contact_phone=139\n12345678", "“联系人电话”（contact_phone）", "不能包含换行"),
        ("tracking_number=SF123456\x1b[2J", "“寄卡快递单号”（tracking_number）", "控制字符"),
        ("card_number=" + "8" * 61, "“办理业务的电子口岸卡号”（card_number）", "太长了（最多 60 个字）"),
        ("contact_phone=" + "1" * 41, "“联系人电话”（contact_phone）", "太长了（最多 40 个字）"),
    ],
    ids=["newline-in-phone", "escape-in-tracking", "card-of-61-digits", "phone-of-41-digits"],
)
def test_a_detail_that_cannot_go_into_the_email_under_no_input_exits_2_naming_the_question_and_why(answer, question, reason):
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
    assert validators.problem("phone", "١٣٩١٢٣٤٥٦٧٨") is None  # it can go into the e-mail…
    assert validators.unusual("phone", "١٣٩١٢٣٤٥٦٧٨") is not None  # …but is no phone number
    # nor is a number with one such digit among ASCII ones (a paste from another locale):
    # NFKC leaves these digits as they are, and the courier cannot dial them
    for odd in ("1391234567٨", "8319621٠", "029-8319621٠"):
        assert validators.unusual("phone", validators.normalise("phone", odd)) is not None, odd
    assert validators.unusual("tracking_number", "SF12345678٩") is not None
    assert validators.unusual("card_number", "81000000١٢") is not None


def test_names_and_addresses_have_no_usual_shape_to_warn_about():
    assert validators.unusual("name", "Zhang San 张三") is None
    assert validators.unusual("address", "西安市 #12") is None


def test_free_text_is_kept_exactly_as_typed():
    assert validators.normalise("address", " 西安市（未央区）凤城八路１００号 ") == "西安市（未央区）凤城八路１００号"


# --- at a terminal: asked again, or kept with a note ------------------------------------


def type_details(pack, keys: str, output=None) -> tuple[Result, list[dict[str, str]]]:
    """A 法人卡 unlock whose e-mail details are typed at the terminal."""
    logs: list[dict[str, str]] = []
    with create_pipe_input() as pipe:
        pipe.send_text(keys + ENTER)  # a run ends with the review of its answers: Enter confirms them
        prompter = ScriptedPrompter({"card": "legal", "legal_details": "yes"}, InteractivePrompter(pipe, output or DummyOutput()))
        finished = dialogue.drive(pack, "unlock-card", prompter, on_change=lambda log: logs.append(dict(log)))
    return build(pack, finished), logs


def screen() -> tuple[Vt100_Output, io.StringIO]:
    """A terminal output whose text the test can read."""
    written = io.StringIO()
    return Vt100_Output(written, lambda: Size(rows=40, columns=200), term="dumb"), written


def test_a_tracking_number_too_long_for_the_email_is_asked_again(pack):
    keys = ENTER * 4  # enterprise, address, name, phone left blank
    keys += "SF" * 31 + ENTER  # 62 characters: refused, the prompt stays open
    keys += CLEAR_LINE + "SF1234567890" + ENTER
    keys += ENTER  # card number left blank
    result, logs = type_details(pack, keys)
    assert dict(result.email.fields)["寄卡快递单号"] == "SF1234567890"
    assert all(log.get("tracking_number") != "SF" * 31 for log in logs)


def test_an_unusual_card_number_typed_at_the_terminal_is_kept_with_a_note(pack):
    output, written = screen()
    keys = ENTER * 5  # everything before the card number left blank
    keys += "81-0000" + ENTER  # a hyphen: unusual, kept
    result, logs = type_details(pack, keys, output)
    assert dict(result.email.fields)["办理业务的电子口岸卡号"] == "81-0000"
    assert logs[-1]["card_number"] == "81-0000"
    assert "请核对：办理业务的电子口岸卡号“81-0000”不像常见的卡号（6–32 位字母或数字）。已照填" in written.getvalue()


def test_the_sources_phone_typed_at_the_terminal_is_kept_without_a_note(pack):
    output, written = screen()
    keys = ENTER * 3 + "83196210" + ENTER + ENTER * 2
    result, _ = type_details(pack, keys, output)
    assert dict(result.email.fields)["联系人姓名电话"] == "XX 83196210"
    assert "请核对：" not in written.getvalue()  # (the review afterwards says 请核对您的回答)


def test_a_phone_typed_in_full_width_is_accepted_at_the_terminal_and_stored_in_half_width(pack):
    keys = ENTER * 3 + "０２９－８３１９６２１０" + ENTER + ENTER * 2
    result, _ = type_details(pack, keys)
    assert dict(result.email.fields)["联系人姓名电话"] == "XX 029-83196210"

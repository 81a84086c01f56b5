"""The engine's rules, state by state: given answers, the next question or an error."""

import pytest

from eportguide.engine import validators
from eportguide.engine.answers import InvalidAnswer, parse
from eportguide.engine.keys import answer_keys
from eportguide.engine.result import build
from eportguide.engine.walker import Finished, Pending, prune, walk


def question(pack, answers, flow="unlock-card"):
    position = walk(pack, flow, answers)
    assert isinstance(position, Pending), f"expected a question, got the outcome {position}"
    return position.question


def test_a_run_starts_by_asking_which_card_is_locked(pack):
    q = question(pack, {})
    assert (q.key, q.kind, q.prompt) == ("card", "choice", "哪张卡被锁住了？")
    assert [(o.value, o.label) for o in q.options] == [("legal", "法人卡"), ("operator", "操作员卡")]
    assert (q.number, q.total) >= (1, 2)


def test_choosing_the_legal_card_leads_to_the_optional_email_details(pack):
    q = question(pack, {"card": "legal"})
    assert (q.key, q.kind) == ("legal_details", "confirm")
    assert q.implied_by == (
        "enterprise",
        "card_address",
        "contact_name",
        "contact_phone",
        "tracking_number",
        "card_number",
    )


def test_choosing_the_operator_card_asks_whether_the_legal_card_works(pack):
    q = question(pack, {"card": "operator"})
    assert (q.key, q.kind) == ("legal_card_works", "confirm")


def test_skipping_the_details_reaches_the_mail_in_outcome(pack):
    position = walk(pack, "unlock-card", {"card": "legal", "legal_details": "no"})
    assert isinstance(position, Finished)
    assert build(pack, position).outcome_id == "legal_mail"


def test_saying_yes_to_details_asks_each_field_in_the_source_order(pack):
    answers = {"card": "legal", "legal_details": "yes"}
    asked = []
    for _ in range(6):
        q = question(pack, answers)
        assert q.kind == "text"
        asked.append(q.key)
        answers[q.key] = ""
    assert asked == ["enterprise", "card_address", "contact_name", "contact_phone", "tracking_number", "card_number"]
    assert isinstance(walk(pack, "unlock-card", answers), Finished)


def test_both_cards_locked_unlocks_the_legal_card_first_then_the_operator_card(pack):
    answers = {"card": "operator", "legal_card_works": "no", "legal_card_problem": "locked", "legal_first.legal_details": "no"}
    position = walk(pack, "unlock-card", answers)
    assert isinstance(position, Finished)
    result = build(pack, position)
    sections = list(dict.fromkeys(step.section for step in result.steps))
    assert sections == ["法人卡解锁：发送申请邮件，邮寄法人卡", "操作员卡解锁：用法人卡在线解锁"]
    assert result.mailing is not None and result.mailing.recipient == "服务台"
    assert result.outcome_id == "both_online"
    assert result.outcome_title == "法人卡和操作员卡解锁：先寄法人卡解锁，再用法人卡在线解锁操作员卡"  # titled for both cards


def test_the_sub_flow_does_not_ask_what_its_parent_already_knows(pack):
    q = question(pack, {"card": "operator", "legal_card_works": "no", "legal_card_problem": "locked"})
    assert q.key == "legal_first.legal_details"  # card=legal was preset, not asked
    position = walk(pack, "unlock-card", {"card": "operator", "legal_card_works": "no", "legal_card_problem": "locked"})
    assert [a.key for a in position.path if a.preset] == ["legal_first.card"]


def test_going_back_is_dropping_the_last_answer(pack):
    answers = {"card": "operator", "legal_card_works": "yes"}
    assert isinstance(walk(pack, "unlock-card", answers), Finished)
    answers.popitem()
    assert question(pack, answers).key == "legal_card_works"


def test_changing_an_early_answer_prunes_answers_the_new_path_does_not_use(pack):
    answers = {"card": "operator", "legal_card_works": "yes"}
    answers["card"] = "legal"
    assert prune(pack, "unlock-card", answers) == {"card": "legal"}


def test_a_stored_value_that_no_longer_fits_is_asked_again_with_it_shown(pack):
    position = walk(pack, "unlock-card", {"card": "ic"})
    assert isinstance(position, Pending)
    assert (position.question.key, position.previous) == ("card", "ic")


def test_a_stored_phone_that_cannot_go_into_the_email_is_asked_again(pack):
    phone = "139\n12345678"  # e.g. a session file edited by hand
    answers = {"card": "legal", "legal_details": "yes", "enterprise": "", "card_address": "", "contact_name": "", "contact_phone": phone}
    position = walk(pack, "unlock-card", answers)
    assert isinstance(position, Pending)
    assert position.question.key == "contact_phone" and position.previous == phone


@pytest.mark.parametrize(("raw", "stored"), [("legal", "legal"), ("法人卡", "legal"), (" LEGAL ", "legal"), ("操作员卡", "operator")])
def test_a_choice_accepts_its_value_or_its_exact_label(pack, raw, stored):
    assert parse(question(pack, {}), raw) == stored


def test_an_unknown_choice_is_refused_listing_the_valid_values(pack):
    with pytest.raises(InvalidAnswer) as caught:
        parse(question(pack, {}), "公章卡")
    assert caught.value.valid == ("legal (法人卡)", "operator (操作员卡)")
    assert "公章卡" in caught.value.message


@pytest.mark.parametrize(("raw", "stored"), [("yes", "yes"), ("是", "yes"), ("Y", "yes"), ("no", "no"), ("否", "no"), ("false", "no")])
def test_a_yes_no_question_takes_common_spellings(pack, raw, stored):
    assert parse(question(pack, {"card": "operator"}), raw) == stored


def test_a_yes_no_question_refuses_anything_else(pack):
    with pytest.raises(InvalidAnswer) as caught:
        parse(question(pack, {"card": "operator"}), "maybe")
    assert caught.value.valid == ("yes", "no")


def text_question(pack, key):
    answers = {"card": "legal", "legal_details": "yes"}
    for field in ("enterprise", "card_address", "contact_name", "contact_phone", "tracking_number", "card_number"):
        if field == key:
            break
        answers[field] = ""
    q = question(pack, answers)
    assert q.key == key
    return q


@pytest.mark.parametrize("phone", ["13912345678", "029-83196210", "02983196210", "0917-3212345", "139 1234 5678"])
def test_a_mobile_or_a_landline_with_area_code_is_accepted(pack, phone):
    assert parse(text_question(pack, "contact_phone"), phone) == phone.replace(" ", "")


def test_the_sources_own_phone_without_area_code_is_accepted(pack):
    # 一、2: 收货人电话：83196210
    assert parse(text_question(pack, "contact_phone"), "83196210") == "83196210"
    assert validators.unusual("phone", "83196210") is None


@pytest.mark.parametrize("phone", ["12345678901", "029-1234", "abc", "+1 555 0100"])
def test_a_phone_of_an_unusual_shape_is_kept_with_a_reason_to_check_it(pack, phone):
    value = parse(text_question(pack, "contact_phone"), phone)
    assert value == phone.replace(" ", "")
    assert "不像手机号" in validators.unusual("phone", value)


@pytest.mark.parametrize("bad", ["139\n12345678", "139\t12345678", "1" * 41])
def test_a_phone_that_cannot_go_into_a_one_line_field_is_refused(pack, bad):
    with pytest.raises(InvalidAnswer):
        parse(text_question(pack, "contact_phone"), bad)


def test_a_blank_detail_is_accepted_and_stays_xx_in_the_email(pack):
    assert parse(text_question(pack, "tracking_number"), "  ") == ""


@pytest.mark.parametrize("odd", ["SF12", "SF1234567890<script>", "单号12345678"])
def test_a_tracking_number_of_an_unusual_shape_is_kept_with_a_reason_to_check_it(pack, odd):
    assert parse(text_question(pack, "tracking_number"), odd) == odd
    assert "不像常见的快递单号" in validators.unusual("tracking_number", odd)


def test_a_jd_sub_waybill_is_a_usual_tracking_number(pack):
    assert parse(text_question(pack, "tracking_number"), "JD0001234567890-1-1-") == "JD0001234567890-1-1-"
    assert validators.unusual("tracking_number", "JD0001234567890-1-1-") is None


def test_text_with_a_newline_or_a_right_to_left_mark_is_refused(pack):
    for bad in ("某某\n公司", "某某\u202e公司"):
        with pytest.raises(InvalidAnswer) as caught:
            parse(text_question(pack, "enterprise"), bad)
        assert "控制字符" in caught.value.message


def test_progress_counts_the_questions_still_possible(pack):
    first = question(pack, {})
    second = question(pack, {"card": "legal"})
    assert (first.number, second.number) == (1, 2)
    # the longest path: operator card, the legal card cannot log in because it is locked
    # too, then the legal card's gate and six details inside the sub-flow (its card
    # question is preset)
    assert first.total == 1 + 1 + 1 + 1 + 6
    assert second.total == 1 + 1 + 6
    inside = question(
        pack, {"card": "operator", "legal_card_works": "no", "legal_card_problem": "locked", "legal_first.legal_details": "yes"}
    )
    assert (inside.key, inside.number, inside.total) == ("legal_first.enterprise", 5, 10)


def test_a_total_is_known_only_when_every_way_on_asks_as_many_questions(pack):
    first = question(pack, {})
    assert (first.fewest, first.total, first.known_total) == (2, 10, None)  # 操作员卡 → 是 ends after 2
    gate = question(pack, {"card": "legal"})
    assert (gate.fewest, gate.total, gate.known_total) == (2, 8, None)  # 否 skips the six details
    detail = question(pack, {"card": "legal", "legal_details": "yes"})
    assert (detail.number, detail.known_total) == (3, 8)  # six details, then the outcome: sure
    last = question(pack, {"card": "operator"})
    assert (last.number, last.fewest) == (2, 2) and last.known_total is None


def test_every_key_a_flow_can_ask_is_known_including_sub_flow_keys(pack):
    keys = answer_keys(pack, "unlock-card")
    assert keys["card"] == ("legal", "operator")
    assert "legal_first.enterprise" in keys
    assert "legal_first.card" not in keys  # preset by the parent, never asked

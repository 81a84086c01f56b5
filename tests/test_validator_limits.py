"""The edges of the checks on typed values: exact length limits, a mobile written in groups.

Other tests try values far inside or far outside a rule; a rule moved by one character,
or a hyphen no longer allowed in a mobile number, went unnoticed (mutation testing).
"""

import pytest

from eportguide.engine import validators


@pytest.mark.parametrize(("kind", "limit"), [("name", 100), ("address", 200), ("text", 200)])
def test_free_text_is_accepted_up_to_its_limit_and_refused_one_character_past_it(kind, limit):
    assert validators.problem(kind, "某" * limit) is None
    assert validators.problem(kind, "某" * (limit + 1)) == f"太长了（最多 {limit} 个字）"


@pytest.mark.parametrize("mobile", ["139-1234-5678", "1391234-5678", "+86-139-1234-5678"])
def test_a_mobile_written_in_groups_with_hyphens_is_accepted(mobile):
    assert validators.problem("phone", mobile) is None


@pytest.mark.parametrize("bad", ["139-1234-567", "12912345678", "139123456789"])
def test_a_mobile_with_a_digit_too_few_or_too_many_or_a_wrong_start_is_refused(bad):
    assert validators.problem("phone", bad) is not None


@pytest.mark.parametrize(("kind", "shortest", "longest"), [("tracking_number", 8, 30), ("card_number", 6, 32)])
def test_numbers_are_accepted_exactly_within_their_lengths(kind, shortest, longest):
    assert validators.problem(kind, "1" * shortest) is None
    assert validators.problem(kind, "1" * longest) is None
    assert validators.problem(kind, "1" * (shortest - 1)) is not None
    assert validators.problem(kind, "1" * (longest + 1)) is not None


def test_a_blank_value_is_always_acceptable_and_a_space_is_not_blank():
    for kind in validators.CHECKS:
        assert validators.problem(kind, "") is None
    assert validators.problem("phone", " ") is not None


def test_numbers_lose_inner_spaces_and_free_text_keeps_them():
    assert validators.normalise("phone", " 139 1234 5678 ") == "13912345678"
    assert validators.normalise("name", " 西安 秦川 ") == "西安 秦川"


def test_the_checkers_made_for_each_kind_hold_the_same_rules_when_made_again():
    # CHECKS is built once at import; making a checker again is how a test sees its
    # rules change (mutation testing switches a change on only after the import).
    name = validators._free_text("name")
    assert name("某" * 100) is None and name("某" * 101) == "太长了（最多 100 个字）"
    tracking = validators._pattern(validators.TRACKING, "bad")
    assert tracking("SF1234567890") is None and tracking("SF12") == "bad"

"""The edges of the checks on typed values: exact length limits, a mobile written in groups.

Other tests try values far inside or far outside a rule; a rule moved by one character,
or a hyphen no longer allowed in a mobile number, went unnoticed (mutation testing).
A value is refused (``problem``) only when it cannot go into a one-line e-mail field; a
value of an unusual shape is kept, with a note (``unusual``).
"""

import pytest

from eportguide.engine import validators


@pytest.mark.parametrize(
    ("kind", "limit"),
    [("name", 100), ("address", 200), ("text", 200), ("phone", 40), ("tracking_number", 60), ("card_number", 60)],
)
def test_a_value_is_accepted_up_to_its_limit_and_refused_one_character_past_it(kind, limit):
    assert validators.problem(kind, "1" * limit) is None
    assert validators.problem(kind, "1" * (limit + 1)) == f"太长了（最多 {limit} 个字）"


@pytest.mark.parametrize("mobile", ["139-1234-5678", "1391234-5678", "+86-139-1234-5678"])
def test_a_mobile_written_in_groups_with_hyphens_is_as_usual(mobile):
    assert validators.unusual("phone", mobile) is None


@pytest.mark.parametrize("odd", ["139-1234-567", "12912345678", "139123456789"])
def test_a_mobile_with_a_digit_too_few_or_too_many_or_a_wrong_start_is_kept_but_noted(odd):
    assert validators.problem("phone", odd) is None
    assert "不像手机号" in (validators.unusual("phone", odd) or "")


@pytest.mark.parametrize(("kind", "shortest", "longest"), [("tracking_number", 8, 30), ("card_number", 6, 32)])
def test_numbers_are_as_usual_exactly_within_their_lengths(kind, shortest, longest):
    assert validators.unusual(kind, "1" * shortest) is None
    assert validators.unusual(kind, "1" * longest) is None
    assert validators.unusual(kind, "1" * (shortest - 1)) is not None
    assert validators.unusual(kind, "1" * (longest + 1)) is not None


def test_a_blank_value_is_always_acceptable_and_never_unusual():
    for kind in validators.MAX_LENGTH:
        assert validators.problem(kind, "") is None
        assert validators.unusual(kind, "") is None
    assert validators.unusual("phone", " ") is not None  # a space is not blank


def test_a_refused_value_is_not_also_called_unusual():
    assert validators.problem("phone", "1" * 41) is not None
    assert validators.unusual("phone", "1" * 41) is None


def test_numbers_lose_inner_spaces_and_free_text_keeps_them():
    assert validators.normalise("phone", " 139 1234 5678 ") == "13912345678"
    assert validators.normalise("name", " 西安 秦川 ") == "西安 秦川"

"""Checks for the values a user types: phone, tracking number, card number, names.

Each returns None when the value is acceptable, else the reason (from ``wording``).
The e-port publishes no card-number format, so card and tracking numbers are only
held to "letters and digits of a sane length".
"""

import re
import unicodedata
from collections.abc import Callable

from eportguide import wording as w

#: A mainland mobile number, optionally with the country code (+86).
MOBILE = re.compile(r"(?:\+?86)?1[3-9]\d{9}", re.ASCII)
#: A landline with its area code: 010 and 02x take 8-digit numbers, 0xxx 7 or 8 digits;
#: the area code may be in brackets; an extension may follow after a hyphen.
LANDLINE = re.compile(
    r"(?:0(?:10|2\d)-?|\(0(?:10|2\d)\))[2-9]\d{7}(?:-\d{1,6})?"
    r"|(?:0[3-9]\d{2}-?|\(0[3-9]\d{2}\))[2-9]\d{6,7}(?:-\d{1,6})?",
    re.ASCII,
)
TRACKING = re.compile(r"[A-Za-z0-9]{8,30}", re.ASCII)
CARD_NUMBER = re.compile(r"[A-Za-z0-9]{6,32}", re.ASCII)
#: Values made of digits and Latin letters, where spaces only group the characters.
COMPACT = frozenset({"phone", "tracking_number", "card_number"})
MAX_LENGTH = {"name": 100, "address": 200, "text": 200}


def _has_control(value: str) -> bool:
    # Cc: control characters (newline, escape); Cf: format characters (RLO marks,
    # zero-width joiners) that can make a printed line say something else. Every
    # character that ends a line counts too: U+2028 and U+2029 are not Cc, yet they
    # break a header of the e-mail draft and start a new line of the text summary.
    return value.splitlines() != [value] or any(unicodedata.category(ch) in ("Cc", "Cf") for ch in value)


def _free_text(kind: str) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        if len(value) > MAX_LENGTH[kind]:
            return w.TOO_LONG.format(limit=MAX_LENGTH[kind])
        return None

    return check


def _phone(value: str) -> str | None:
    if MOBILE.fullmatch(value.replace("-", "")) or LANDLINE.fullmatch(value):
        return None
    return w.BAD_PHONE


def _pattern(pattern: re.Pattern[str], message: str) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        return None if pattern.fullmatch(value) else message

    return check


CHECKS: dict[str, Callable[[str], str | None]] = {
    "text": _free_text("text"),
    "name": _free_text("name"),
    "address": _free_text("address"),
    "phone": _phone,
    "tracking_number": _pattern(TRACKING, w.BAD_TRACKING),
    "card_number": _pattern(CARD_NUMBER, w.BAD_CARD_NUMBER),
}


def problem(validator: str, value: str) -> str | None:
    """Why ``value`` is not acceptable, or None. A blank value is always acceptable."""
    if value == "":
        return None
    if _has_control(value):
        return w.CONTROL_CHARACTERS
    return CHECKS[validator](value)


def normalise(validator: str, value: str) -> str:
    """The form in which a value is stored: trimmed; numbers without inner spaces.

    Numbers are also brought to half width (NFKC), since a Chinese input method
    easily types "１３９…" or "（029）"; free text is kept exactly as typed.
    """
    value = value.strip()
    if validator in COMPACT:
        value = unicodedata.normalize("NFKC", value).replace(" ", "")
    return value

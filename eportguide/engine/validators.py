"""Checks for the values a user types: phone, tracking number, card number, names.

These fields are optional and the e-port publishes no format for them, so a value is
refused only when it cannot go into a one-line e-mail field (``problem``: a control
character, absurd length). A value of an unusual shape (``unusual``: a phone that is
neither a mobile nor a landline, a tracking number that is not letters and digits) is
kept; the front end shows the reason and lets the user check it. Each returns None when
there is nothing to say, else the reason (from ``wording``).
"""

import re
import unicodedata
from collections.abc import Callable

from eportguide.i18n import wording as w

# Patterns are compiled when first used (re keeps them): most runs check no number at all.
#: A mainland mobile number, optionally with the country code (+86).
MOBILE = r"(?:\+?86)?1[3-9]\d{9}"
#: A landline with its area code: 010 and 02x take 8-digit numbers, 0xxx 7 or 8 digits;
#: the area code may be in brackets; an extension may follow after a hyphen.
LANDLINE = (
    r"(?:0(?:10|2\d)-?|\(0(?:10|2\d)\))[2-9]\d{7}(?:-\d{1,6})?"
    r"|(?:0[3-9]\d{2}-?|\(0[3-9]\d{2}\))[2-9]\d{6,7}(?:-\d{1,6})?"
)
#: A landline without its area code, as the source itself writes the e-port's (83196210).
LOCAL = r"[2-9]\d{6,7}(?:-\d{1,6})?"
#: Letters and digits; a sub-waybill adds numbered parts after hyphens (JD0001234567890-1-1-).
TRACKING = r"[A-Za-z0-9]{8,30}(?:-\d{0,4})*"
CARD_NUMBER = r"[A-Za-z0-9]{6,32}"
#: Values made of digits and Latin letters, where spaces only group the characters.
COMPACT = frozenset({"phone", "tracking_number", "card_number"})
#: The longest value a field takes: longer is a paste gone wrong, not a name or a number.
MAX_LENGTH = {"name": 100, "enterprise": 100, "address": 200, "text": 200, "phone": 40, "tracking_number": 60, "card_number": 60}


def _has_control(value: str) -> bool:
    # Cc: control characters (newline, escape); Cf: format characters (RLO marks,
    # zero-width joiners) that can make a printed line say something else. Every
    # character that ends a line counts too: U+2028 and U+2029 are not Cc, yet they
    # break a header of the e-mail draft and start a new line of the text summary.
    return value.splitlines() != [value] or any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in value)


def _fits(pattern: str, value: str) -> bool:
    return re.fullmatch(pattern, value, re.ASCII) is not None


def _phone(value: str) -> str | None:
    if _fits(MOBILE, value.replace("-", "")) or _fits(LANDLINE, value) or _fits(LOCAL, value):
        return None
    return w.UNUSUAL_PHONE


def _tracking_number(value: str) -> str | None:
    return None if _fits(TRACKING, value) else w.UNUSUAL_TRACKING


def _card_number(value: str) -> str | None:
    return None if _fits(CARD_NUMBER, value) else w.UNUSUAL_CARD_NUMBER


def _enterprise(value: str) -> str | None:
    # The e-mail's subject names the enterprise as registered: in Chinese. A name typed
    # in English ("Qinchuan Trading Co., Ltd.") would land in the Chinese subject as is.
    return None if any("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in value) else w.UNUSUAL_ENTERPRISE


#: The usual shape of each kind of value; free text (people's names, addresses) has none.
SHAPES: dict[str, Callable[[str], str | None]] = {
    "enterprise": _enterprise,
    "phone": _phone,
    "tracking_number": _tracking_number,
    "card_number": _card_number,
}


def problem(validator: str, value: str) -> str | None:
    """Why ``value`` cannot go into its e-mail field, or None. A blank value always can."""
    if value == "":
        return None
    if _has_control(value):
        return w.CONTROL_CHARACTERS
    if len(value) > MAX_LENGTH[validator]:
        return w.TOO_LONG.format(limit=MAX_LENGTH[validator])
    return None


def unusual(validator: str, value: str) -> str | None:
    """What looks wrong about an acceptable ``value`` (it is kept all the same), or None."""
    if value == "" or problem(validator, value) is not None:
        return None
    shape = SHAPES.get(validator)
    return shape(value) if shape is not None else None


def normalise(validator: str, value: str) -> str:
    """The form in which a value is stored: trimmed; numbers without inner spaces.

    Numbers are also brought to half width (NFKC), since a Chinese input method
    easily types "１３９…" or "（029）"; free text is kept exactly as typed.
    """
    value = value.strip()
    if validator in COMPACT:
        value = unicodedata.normalize("NFKC", value).replace(" ", "")
    return value

"""Characters that must never reach a terminal from text the program did not write.

A terminal obeys control characters (ESC starts sequences that set the window title,
write hyperlinks or clear the screen; BEL rings) and a bidi override (U+202E) reverses
what follows. Text from outside — answers, notes, pack text, file names, arguments,
environment values, files read back — is checked here: refused where it is stored
(``find``), and shown with such characters made visible where it is only echoed
(``visible``: ``\\x1b``, ``<U+202E>``). Line breaks and tabs are ordinary text.

Legitimate Chinese and English text holds none of these: bidi *letters* (Arabic,
Hebrew) are left alone; only the invisible controls that reorder text are caught.
Imports nothing: every layer may use it.
"""

import re

#: C0 controls but tab and line feed, DEL and the C1 controls; the bidi embeddings,
#: overrides and isolates (Trojan Source), and the invisible direction marks.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: The same, line breaks (CR included) and tabs too: for one-line values.
_UNSAFE_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"<U+{code:04X}>"


def find(text: str, one_line: bool = False) -> str | None:
    """The first unsafe character of ``text``, made visible; None when there is none."""
    match = (_UNSAFE_IN_LINE if one_line else _UNSAFE).search(text)
    return None if match is None else _shown(match)


def visible(text: str, one_line: bool = False) -> str:
    """``text`` with every unsafe character written out (``\\x1b``, ``<U+202E>``)."""
    pattern = _UNSAFE_IN_LINE if one_line else _UNSAFE
    return text if pattern.search(text) is None else pattern.sub(_shown, text)

"""Answers given on the command line: ``--answer ID=VALUE`` and ``--answers FILE``."""

from collections.abc import Sequence
from pathlib import Path

from eportguide.errors import UsageError, os_reason
from eportguide.i18n import wording as w

MAX_ANSWERS_BYTES = 1_000_000


def _scalar(value: object) -> str | None:
    if isinstance(value, bool):  # YAML reads yes/no as booleans
        return "yes" if value else "no"
    if value is None:
        return ""
    if isinstance(value, str | int | float):
        return str(value)
    return None


def _encoding_problem(raw: bytes) -> str:
    """Name the likely encoding: files saved by Chinese Windows editors are often GBK."""
    try:
        decoded = raw.decode("gbk")
    except UnicodeDecodeError:
        return w.NOT_TEXT
    if any("\u4e00" <= ch <= "\u9fff" for ch in decoded):
        return w.LOOKS_GBK
    return w.NOT_UTF8


def read(path: Path) -> dict[str, str]:
    """A YAML or JSON mapping of answer key to value; anything else is a usage error."""
    from eportguide.engine.answers import shown
    from eportguide.model import reading, safeyaml

    try:
        raw = reading.read_bytes(path, MAX_ANSWERS_BYTES)
    except OSError as exc:
        raise UsageError(w.ANSWERS_FILE_UNREADABLE.format(path=path, reason=os_reason(exc))) from None
    if len(raw) > MAX_ANSWERS_BYTES:
        raise UsageError(w.ANSWERS_FILE_UNREADABLE.format(path=path, reason=w.FILE_TOO_LARGE.format(limit=MAX_ANSWERS_BYTES)))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(w.ANSWERS_FILE_UNREADABLE.format(path=path, reason=_encoding_problem(raw))) from None
    if "\x00" in text:
        raise UsageError(w.ANSWERS_FILE_UNREADABLE.format(path=path, reason=w.NOT_TEXT))
    try:
        node, data = safeyaml.load(text)
    except safeyaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = w.AT_LINE.format(line=mark.line + 1) if mark else ""
        reason = str(exc.problem) if isinstance(exc, safeyaml.Limit) else w.NOT_YAML
        raise UsageError(w.ANSWERS_FILE_UNREADABLE.format(path=path, reason=reason + where)) from None
    for key, mark in safeyaml.duplicate_keys(node):  # as in flow files: the last one would win silently
        raise UsageError(w.ANSWERS_FILE_DUPLICATE_KEY.format(path=path, key=shown(key), line=mark.line + 1))
    if data is None:
        return {}
    if not isinstance(data, dict):
        found = w.FOUND_LIST if isinstance(data, list) else w.FOUND_SCALAR
        raise UsageError(w.ANSWERS_FILE_NOT_MAPPING.format(path=path, found=found))
    answers = {}
    for key, value in data.items():
        text_value = _scalar(value)
        if text_value is None:
            raise UsageError(w.ANSWERS_FILE_BAD_VALUE.format(path=path, key=key))
        answers[str(key)] = text_value
    return answers


def parse_options(options: Sequence[str]) -> dict[str, str]:
    answers = {}
    for option in options:
        key, sep, value = option.partition("=")
        if not sep or not key.strip():
            raise UsageError(w.BAD_ANSWER_OPTION.format(value=option))
        answers[key.strip()] = value
    return answers

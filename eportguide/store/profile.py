"""The enterprise's own details, remembered only when the clerk agrees: its name, the
address its cards are sent to, and the contact. Never a card number, a tracking number
or a password: those belong to one procedure, or to nobody.

One JSON file, ``<home>/profile.json``, owner-only, written atomically (``records``).
An interactive run offers the details as the defaults of the questions that ask them;
a scripted run reads the file only when given ``--profile``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from eportguide.i18n import wording as w
from eportguide.model import answer_key
from eportguide.store import records
from eportguide.store.records import RecordError

FILE_NAME = "profile.json"
FORMAT_VERSION = 1
#: The details a profile keeps, by the pack's field names, in the order shown.
FIELDS = ("enterprise", "card_address", "contact_name", "contact_phone")
#: The longest value kept (the e-mail fields' own limits are lower).
MAX_VALUE = 200


class ProfileError(RecordError):
    """A profile that cannot be read, or a detail it does not keep."""


def path() -> Path:
    from eportguide.store.sessions import home

    return home() / FILE_NAME


def label(field: str) -> str:
    """The detail as the clerk reads it."""
    return str(dict(zip(FIELDS, w.PROFILE_LABELS, strict=True))[field])


def _clean(data: object) -> dict[str, str]:
    if not isinstance(data, dict) or data.get("format") != FORMAT_VERSION or not isinstance(data.get("details"), dict):
        raise ValueError("not an eportguide profile")
    details = data["details"]
    return {k: v for k, v in details.items() if k in FIELDS and isinstance(v, str) and v and len(v) <= MAX_VALUE and v.isprintable()}


def load() -> dict[str, str]:
    """The remembered details (none: an empty mapping); a broken file is set aside and said."""
    where = path()
    try:
        return _clean(records.read(where))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, RecursionError):
        moved = records.set_aside(where)
        import sys

        said = w.PROFILE_CORRUPT.format(path=where) + (w.SESSION_SET_ASIDE.format(path=moved) if moved is not None else "")
        print(said, file=sys.stderr)
        return {}


def save(details: Mapping[str, str]) -> Path:
    """Keep ``details`` (only the fields a profile keeps, blanks dropped); the file's path."""
    kept = {k: details[k] for k in FIELDS if details.get(k)}
    where = path()
    records.write(where, {"format": FORMAT_VERSION, "details": kept})
    return where


def field_of(name: str) -> str:
    """A field a clerk names (``enterprise`` or its label, 企业名称); ``ProfileError`` otherwise."""
    wanted = name.strip()
    for field in FIELDS:
        if wanted in (field, label(field)):
            return field
    raise ProfileError(w.PROFILE_UNKNOWN_FIELD.format(name=name), w.PROFILE_FIELDS_HINT.format(fields=w.LIST_SEPARATOR.join(FIELDS)))


def clear() -> bool:
    """Remove the profile; whether there was one."""
    from eportguide.errors import os_reason

    where = path()
    try:
        where.unlink()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise ProfileError(w.CANNOT_WRITE.format(path=where, reason=os_reason(exc))) from None
    return True


def from_answers(answers: Mapping[str, str]) -> dict[str, str]:
    """The details a run's answers hold (a detail asked in a sub-flow by its own name)."""
    found: dict[str, str] = {}
    for key, value in answers.items():
        field = answer_key.field_name(key)
        if field in FIELDS and value:
            found.setdefault(field, value)
    return found

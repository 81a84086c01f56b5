"""``eportguide profile``: the enterprise's own details, remembered only if the clerk agreed.

Shows them; ``--set FIELD=VALUE`` edits one (checked as the question that asks it would
check it); ``--clear`` removes the file. Interactive runs offer them as defaults; a
scripted run reads them only with ``--profile``.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from eportguide.errors import UsageError
from eportguide.i18n import wording as w

#: How each detail is checked: the validator of the pack's field of that name.
VALIDATORS = {"enterprise": "name", "card_address": "address", "contact_name": "name", "contact_phone": "phone"}


class ProfileFormat(StrEnum):
    text = "text"
    json = "json"


def profile_command(
    set_: Annotated[list[str], typer.Option("--set", metavar="FIELD=VALUE", help=w.OPT_PROFILE_SET)] = [],  # noqa: B006
    clear: Annotated[bool, typer.Option("--clear", help=w.OPT_PROFILE_CLEAR)] = False,
    format: Annotated[ProfileFormat, typer.Option("--format", "-f", help=w.OPT_FORMAT)] = ProfileFormat.text,
) -> None:
    from eportguide.store import profile

    if clear:
        if set_:
            raise UsageError(w.PROFILE_CLEAR_ALONE)
        removed = profile.clear()
        typer.echo((w.PROFILE_CLEARED if removed else w.PROFILE_NONE).format(path=profile.path()))
        return
    details = profile.load()
    if set_:
        details.update(parse(item) for item in set_)
        details = {k: v for k, v in details.items() if v}
        where = profile.save(details)
        typer.echo(w.PROFILE_SAVED.format(path=where), err=True)
    if format is ProfileFormat.json:
        typer.echo(json.dumps(details, ensure_ascii=False, indent=2))
        return
    if not details:
        typer.echo(w.PROFILE_NONE.format(path=profile.path()))
        return
    from eportguide.render.cases import clean

    for field in profile.FIELDS:
        if field in details:
            typer.echo(w.PROFILE_LINE.format(label=profile.label(field), value=clean(details[field])))
    typer.echo(w.PROFILE_WHERE.format(path=profile.path()))


def parse(item: str) -> tuple[str, str]:
    """``FIELD=VALUE`` as a checked detail; an empty value removes it."""
    from eportguide.engine import validators
    from eportguide.engine.answers import shown
    from eportguide.store import profile

    name, equals, value = item.partition("=")
    if not equals:
        raise UsageError(w.PROFILE_BAD_SET.format(value=shown(item)))
    field = profile.field_of(name)
    validator = VALIDATORS[field]
    value = validators.normalise(validator, value)
    problem = validators.problem(validator, value)
    if problem is not None:
        raise UsageError(w.PROFILE_BAD_VALUE.format(label=profile.label(field), value=shown(value), problem=problem))
    unusual = validators.unusual(validator, value)
    if unusual is not None:
        typer.echo(w.UNUSUAL_KEPT_AS_GIVEN.format(prompt=profile.label(field), value=shown(value), reason=unusual), err=True)
    return field, value

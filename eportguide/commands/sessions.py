"""``eportguide sessions``: the saved runs, to resume one; ``--clear`` removes them all."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from eportguide import wording as w
from eportguide.errors import UsageError

if TYPE_CHECKING:  # loaded when the command runs, not for --help
    pass


class SessionsFormat(StrEnum):
    table = "table"
    json = "json"


def sessions_command(
    clear: Annotated[bool, typer.Option("--clear", help=w.OPT_SESSIONS_CLEAR)] = False,
    format: Annotated[SessionsFormat, typer.Option("--format", "-f", help=w.OPT_FORMAT)] = SessionsFormat.table,
) -> None:
    from eportguide import sessions

    store = sessions.Store()
    if clear:
        try:
            removed = store.clear()
        except OSError as exc:
            raise UsageError(w.CANNOT_WRITE.format(path=store.directory, reason=exc.strerror or exc)) from None
        typer.echo(w.SESSIONS_CLEARED.format(count=removed, path=store.directory))
        return
    found, problems = store.all()
    sessions.report_problems(problems)
    if format is SessionsFormat.json:
        rows = [{k: v for k, v in s.as_json().items() if k != "format"} for s in found]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not found:
        typer.echo(w.NO_SESSIONS)
        return
    from eportguide.render import listings

    listings.sessions(found, store.directory)

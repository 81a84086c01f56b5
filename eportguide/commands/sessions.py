"""``eportguide sessions``: the saved runs, to resume one; ``--clear`` removes them all."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from eportguide import wording as w
from eportguide.errors import UsageError

if TYPE_CHECKING:  # loaded when the command runs, not for --help
    from eportguide import sessions


class SessionsFormat(StrEnum):
    table = "table"
    json = "json"


def report_problems(problems: list[sessions.CorruptSession]) -> None:
    """Set-aside session files are told about once, on stderr; they stop nothing."""
    for problem in problems:
        typer.echo(problem.message, err=True)


def _when(stamp: str) -> str:
    from datetime import datetime

    try:
        return f"{datetime.fromisoformat(stamp):%Y-%m-%d %H:%M}"
    except ValueError:
        return stamp


def sessions_command(
    clear: Annotated[bool, typer.Option("--clear", help=w.OPT_SESSIONS_CLEAR)] = False,
    format: Annotated[SessionsFormat, typer.Option("--format", "-f", help=w.OPT_FORMAT)] = SessionsFormat.table,
) -> None:
    from eportguide import sessions

    store = sessions.Store()
    if clear:
        try:
            cleared = store.clear()
        except OSError as exc:  # the directory itself cannot be listed
            raise UsageError(w.CANNOT_WRITE.format(path=store.directory, reason=exc.strerror or exc)) from None
        typer.echo(w.SESSIONS_CLEARED.format(count=cleared.removed, path=store.directory))
        for path in cleared.not_sessions:
            typer.echo(w.SESSIONS_NOT_A_SESSION_FILE.format(path=path), err=True)
        if cleared.failed:
            raise UsageError("\n".join(w.CANNOT_WRITE.format(path=path, reason=reason) for path, reason in cleared.failed))
        return
    found, problems = store.all()
    report_problems(problems)
    if format is SessionsFormat.json:
        rows = [{k: v for k, v in s.as_json().items() if k != "format"} for s in found]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not found:
        typer.echo(w.NO_SESSIONS)
        return
    from rich.table import Table
    from rich.text import Text

    from eportguide.console import output_console

    table = Table(box=None, pad_edge=False, show_edge=False)
    for heading in (w.COL_SESSION, w.COL_ID, w.COL_ANSWERED, w.COL_STATUS, w.COL_UPDATED):
        table.add_column(heading, no_wrap=True)
    for session in found:
        status = w.STATUS_DONE if session.done else w.STATUS_OPEN
        # Text: a name read from a file is shown as it is, never read as rich markup ("[/x]").
        table.add_row(Text(session.id), Text(session.flow_id), str(len(session.answers)), status, Text(_when(session.updated)))
    console = output_console()
    console.print(table)
    console.print(w.SESSIONS_WHERE.format(path=store.directory), markup=False, highlight=False, style="dim")

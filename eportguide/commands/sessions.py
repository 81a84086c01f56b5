"""``eportguide sessions``: the saved runs, to resume one; ``--clear`` removes the finished ones."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from eportguide import environment
from eportguide.errors import UsageError, os_reason
from eportguide.i18n import wording as w

if TYPE_CHECKING:  # loaded when the command runs, not for --help
    from eportguide.store import sessions


class SessionsFormat(StrEnum):
    table = "table"
    json = "json"


def sessions_command(
    ctx: typer.Context,
    clear: Annotated[bool, typer.Option("--clear", help=w.OPT_SESSIONS_CLEAR)] = False,
    every: Annotated[bool, typer.Option("--all", help=w.OPT_SESSIONS_ALL)] = False,
    format: Annotated[SessionsFormat, typer.Option("--format", "-f", help=w.OPT_FORMAT)] = SessionsFormat.table,
    agent: Annotated[str | None, typer.Option("--agent", metavar="NAME", help=w.OPT_FILTER_AGENT)] = None,
    ticket: Annotated[str | None, typer.Option("--ticket", metavar="T", help=w.OPT_FILTER_TICKET)] = None,
    caller: Annotated[str | None, typer.Option("--caller", metavar="TEXT", help=w.OPT_FILTER_CALLER)] = None,
) -> None:
    from eportguide.store import sessions

    env = environment.of(ctx)
    store = env.sessions()
    if clear:
        clear_sessions(store, every, env.person_at_terminal)
        return
    found, problems = store.all()
    sessions.report_problems(problems)
    found = [
        s
        for s in found
        if (agent is None or agent in {s.agent, *(segment["agent"] for segment in s.segments)})
        and (ticket is None or s.ticket == ticket)
        and (caller is None or caller.casefold() in s.caller.casefold())
    ]
    if format is SessionsFormat.json:
        rows = [{k: v for k, v in s.as_json().items() if k != "format"} for s in found]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not found:
        typer.echo(w.NO_SESSIONS)
        return
    from eportguide.render import listings

    listings.sessions(found, store.directory)


def clear_sessions(store: sessions.Store, every: bool, person_at_terminal: bool) -> None:
    """Finished sessions go; an unfinished one is a call someone may still resume, so it
    goes only with ``--all`` or when the person at the terminal says so."""
    from eportguide.store import sessions

    keep: set[str] = set()
    if not every:
        found, problems = store.all()
        sessions.report_problems(problems)
        keep = {s.id for s in found if not s.done}
        if keep and person_at_terminal:
            from eportguide.prompting.interactive import InteractivePrompter

            try:
                if InteractivePrompter().confirm(w.SESSIONS_CLEAR_OPEN_TOO.format(count=len(keep))):
                    keep = set()
            except (KeyboardInterrupt, EOFError):
                return  # nothing removed yet
    try:
        cleared = store.clear(keep=keep)
    except OSError as exc:  # the directory itself cannot be listed
        raise UsageError(w.CANNOT_WRITE.format(path=store.directory, reason=os_reason(exc))) from None
    typer.echo(w.SESSIONS_CLEARED.format(count=cleared.removed, path=store.directory))
    if keep:
        typer.echo(w.SESSIONS_KEPT_OPEN.format(count=len(keep)))
    for path in cleared.not_sessions:
        typer.echo(w.SESSIONS_NOT_A_SESSION_FILE.format(path=path), err=True)
    if cleared.failed:
        raise UsageError("\n".join(w.CANNOT_WRITE.format(path=path, reason=reason) for path, reason in cleared.failed))

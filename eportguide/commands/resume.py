"""``eportguide resume [SESSION]``: continue a saved run where it stopped, or show a
finished one's outcome again.

Without a name, the most recently updated unfinished session; a name may be the start
of a session's id or its random tag alone (``c968``). It speaks the language the session
was started in, unless ``--lang`` asks for another. The answers saved are
replayed through the flow as it is now: answers that still fit are kept, questions that
changed (or are new) are asked, and the user is told when the flow changed since.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from eportguide import environment
from eportguide.errors import UsageError
from eportguide.i18n import language
from eportguide.i18n import wording as w
from eportguide.options import (
    attach_option,
    email_draft_option,
    format_option,
    ics_option,
    no_save_option,
    output_option,
    today_option,
)
from eportguide.run.execution import RunOptions, Start, execute

if TYPE_CHECKING:  # loaded when the command runs, not for --help
    from eportguide.environment import Environment
    from eportguide.store import sessions


def choose(store: sessions.Store, name: str | None) -> sessions.Session:
    """The named session, or the latest unfinished one; a usage error if there is none."""
    from eportguide.store import sessions

    if name is not None:
        try:
            return store.load(name)
        except sessions.CorruptSession:
            raise
        except sessions.SessionError:
            by_ticket = [s for s in store.all()[0] if s.ticket == name and not s.done]
            if not by_ticket:
                raise
            return by_ticket[0]  # the ticket's latest open call
    found, problems = store.all()
    sessions.report_problems(problems)
    unfinished = [s for s in found if not s.done]
    if not unfinished:
        raise UsageError(w.NOTHING_TO_RESUME, w.SESSION_NOT_FOUND_HINT)
    return unfinished[0]


def pack_directory(session: sessions.Session, env: Environment) -> Path:
    """``--flows`` (or ``$EPORTGUIDE_FLOWS``) if given, else the pack the session ran from,
    else the shipped pack."""
    if env.pack_chosen:
        return env.flows
    saved = Path(session.pack_dir)
    try:
        if saved.is_dir():
            return saved
    except (OSError, ValueError):  # a path no file system takes (too long, a NUL): gone as well
        pass
    typer.echo(w.SESSION_PACK_GONE.format(path=saved), err=True)
    return env.flows


def resume_command(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(metavar="[SESSION]", help=w.ARG_SESSION, show_default=False)] = None,
    format: str | None = format_option("result", None, w.OPT_RUN_FORMAT),
    output: Path | None = output_option(),
    email_draft: Path | None = email_draft_option(),
    attach: list[Path] = attach_option(),
    no_save: bool = no_save_option(),
    today: str | None = today_option(),
    ics: Path | None = ics_option(),
) -> None:
    from eportguide.packs import active
    from eportguide.store import sessions

    env = environment.of(ctx)
    session = choose(env.sessions(), name)
    if language.chosen() is None:  # before the pack loads: its content follows the language too
        language.use(session.language)
    directory = pack_directory(session, env)
    pack = active.load(directory)
    if session.flow_id not in pack.flows:
        raise UsageError(w.SESSION_FLOW_GONE.format(id=session.id, flow=session.flow_id), w.SEE_LIST)
    if sessions.flow_hash(directory, session.flow_id) != session.flow_hash:
        typer.echo(w.SESSION_FLOW_CHANGED.format(flow=session.flow_id), err=True)
    options = RunOptions(
        flow_id=session.flow_id,
        format=format,
        output=output,
        email_draft=email_draft,
        no_save=no_save,
        today=today,
        attach=tuple(attach or ()),
        ics=ics,
    )
    start = Start(session=session)
    if session.done:  # shown again as it ended, dated the day it was finished; nothing asked or saved
        typer.echo(w.SESSION_SHOWN_AGAIN.format(id=session.id, flow=session.flow_id), err=True)
        execute(options._replace(no_input=True, no_save=True, today=today or session.updated[:10]), env, start, directory)
        typer.echo(w.SESSION_ALREADY_DONE_HINT.format(flow=session.flow_id), err=True)
        return
    from eportguide.store import base

    store = env.sessions()
    store.claim(session.id, base.agent())  # one driver at a time: ClaimConflict (exit 2) names who has it
    try:
        typer.echo(w.SESSION_RESUMING.format(id=session.id, flow=session.flow_id, count=len(session.answers)), err=True)
        for segment in session.segments:  # a handover: who had the call before, and when
            typer.echo(w.SESSION_HANDLED_BY.format(agent=segment["agent"], start=segment["start"], end=segment["end"]), err=True)
        if session.segments and session.note:
            typer.echo(w.SESSION_HANDOVER_NOTE.format(note=session.note), err=True)
        execute(options, env, start, directory)
    finally:
        store.release(session.id)

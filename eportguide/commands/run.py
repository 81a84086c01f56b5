"""``eportguide run <id>`` (and ``eportguide <id>``): walk a procedure to its checklist."""

from pathlib import Path

import typer

from eportguide import environment
from eportguide.errors import UsageError
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
from eportguide.run.execution import RunOptions, execute


def run_command(
    ctx: typer.Context,
    flow_id: str = typer.Argument(..., metavar="FLOW", help=w.ARG_FLOW, show_default=False),
    answer: list[str] = typer.Option([], "--answer", "-a", metavar="ID=VALUE", help=w.OPT_ANSWER),
    answers: Path | None = typer.Option(None, "--answers", metavar="FILE", help=w.OPT_ANSWERS, dir_okay=False),
    no_input: bool = typer.Option(False, "--no-input", help=w.OPT_NO_INPUT),
    format: str | None = format_option("result", None, w.OPT_RUN_FORMAT),
    output: Path | None = output_option(),
    email_draft: Path | None = email_draft_option(),
    no_save: bool = no_save_option(),
    today: str | None = today_option(),
    note: str = typer.Option("", "--note", metavar="TEXT", help=w.OPT_NOTE, show_default=False),
    ticket: str = typer.Option("", "--ticket", metavar="T", help=w.OPT_TICKET, show_default=False),
    caller: str = typer.Option("", "--caller", metavar="TEXT", help=w.OPT_CALLER, show_default=False),
    attach: list[Path] = attach_option(),
    ics: Path | None = ics_option(),
    profile: bool = typer.Option(False, "--profile", help=w.OPT_PROFILE),
) -> None:
    refuse_unsafe_note(note)
    options = RunOptions(
        flow_id=flow_id,
        answer=tuple(answer),
        answers=answers,
        no_input=no_input,
        format=format,
        output=output,
        email_draft=email_draft,
        no_save=no_save,
        today=today,
        note=note,
        ticket=ticket,
        caller=caller,
        attach=tuple(attach),
        ics=ics,
        profile=profile,
    )
    execute(options, environment.of(ctx))


def refuse_unsafe_note(note: str) -> None:
    """A note is stored and shown to whoever lists the sessions: refused at the door if it
    holds a control, escape or bidi character (a line break too: it is one line)."""
    from eportguide.model.unsafe import find

    shown = find(note, one_line=True)
    if shown is not None:
        raise UsageError(w.NOTE_UNSAFE.format(char=shown))

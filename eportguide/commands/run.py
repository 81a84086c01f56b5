"""``eportguide run <id>`` (and ``eportguide <id>``): walk a procedure to its checklist."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from eportguide import wording as w
from eportguide.errors import Interrupted, UsageError

if TYPE_CHECKING:  # the model and engine load only when a flow actually runs
    from eportguide.engine import Result
    from eportguide.model import definitions as d
    from eportguide.prompting.interactive import InteractivePrompter
    from eportguide.sessions import Session


class RunFormat(StrEnum):
    terminal = "terminal"
    text = "text"
    markdown = "markdown"
    html = "html"
    json = "json"


FIRST_YEAR, LAST_YEAR = 2000, 2100
#: Unknown answer keys named in the message; the rest are counted.
MAX_KEYS_NAMED = 10


def parse_today(value: str | None) -> date:
    if value is None:
        return date.today()
    from eportguide.model.definitions import parse_date

    try:
        day = parse_date(value)
    except ValueError:
        raise UsageError(w.BAD_DATE.format(value=value)) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:  # counting working days needs room after it
        raise UsageError(w.DATE_OUT_OF_RANGE.format(value=value, first=FIRST_YEAR, last=LAST_YEAR))
    return day


def is_interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def gather_answers(pack: d.Pack, flow_id: str, answer: list[str], answers: Path | None) -> dict[str, str]:
    """Answers from the file, then ``--answer`` on top; unknown keys are an error."""
    from eportguide import answers_file
    from eportguide.engine.answers import shown
    from eportguide.engine.keys import answer_keys

    given = answers_file.read(answers) if answers is not None else {}
    given.update(answers_file.parse_options(answer))
    known = answer_keys(pack, flow_id)
    details = {k.rsplit(".", 1)[-1] for k, values in known.items() if values is None}  # a detail by its own name
    unknown = [k for k in given if k not in known and k not in details]
    if unknown:
        named = "、".join(shown(k) for k in unknown[:MAX_KEYS_NAMED])
        if len(unknown) > MAX_KEYS_NAMED:  # a file of 80,000 stray keys must not flood the screen
            named += w.MORE_KEYS.format(count=len(unknown))
        raise UsageError(
            w.UNKNOWN_ANSWER_KEY.format(flow=flow_id, key=named),
            w.UNKNOWN_ANSWER_KEY_HINT.format(keys="、".join(known)),
        )
    return given


def write_file(path: Path, content: str | bytes) -> None:
    try:
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    except OSError as exc:
        raise UsageError(w.CANNOT_WRITE.format(path=path, reason=exc.strerror or exc)) from None


def run_command(
    ctx: typer.Context,
    flow_id: str = typer.Argument(..., metavar="FLOW", help=w.ARG_FLOW, show_default=False),
    answer: list[str] = typer.Option([], "--answer", "-a", metavar="ID=VALUE", help=w.OPT_ANSWER),
    answers: Path | None = typer.Option(None, "--answers", metavar="FILE", help=w.OPT_ANSWERS, dir_okay=False),
    no_input: bool = typer.Option(False, "--no-input", help=w.OPT_NO_INPUT),
    format: RunFormat = typer.Option(RunFormat.terminal, "--format", "-f", help=w.OPT_FORMAT),
    output: Path | None = typer.Option(None, "--output", "-o", metavar="FILE", help=w.OPT_OUTPUT, dir_okay=False),
    email_draft: Path | None = typer.Option(None, "--email-draft", metavar="FILE.eml", help=w.OPT_EMAIL_DRAFT, dir_okay=False),
    no_save: bool = typer.Option(False, "--no-save", help=w.OPT_NO_SAVE),
    today: str | None = typer.Option(None, "--today", metavar="YYYY-MM-DD", help=w.OPT_TODAY),
) -> None:
    options = RunOptions(
        flows=ctx.find_root().params.get("flows"),
        flow_id=flow_id,
        answer=answer,
        answers=answers,
        no_input=no_input,
        format=format.value,
        output=output,
        email_draft=email_draft,
        no_save=no_save,
        today=today,
    )
    execute(options)


@dataclass(frozen=True)
class RunOptions:
    flow_id: str
    flows: Path | None = None
    answer: list[str] = field(default_factory=list)
    answers: Path | None = None
    no_input: bool = False
    format: str = "terminal"
    output: Path | None = None
    email_draft: Path | None = None
    no_save: bool = False
    today: str | None = None
    session: Session | None = None  # a saved run to continue (eportguide resume)


def _same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file, also through a link or a case-insensitive file system."""
    import os

    if os.path.normcase(first.resolve()) == os.path.normcase(second.resolve()):
        return True
    try:
        return os.path.samefile(first, second)
    except (OSError, ValueError):  # either does not exist yet: not the same file
        return False


def execute(options: RunOptions) -> None:
    from eportguide import engine, packs, runner, sessions
    from eportguide.prompting.scripted import ScriptedPrompter

    if options.output is not None and options.email_draft is not None and _same_file(options.output, options.email_draft):
        raise UsageError(w.SAME_OUTPUT_FILES.format(path=options.output), w.SAME_OUTPUT_FILES_HINT)
    pack = packs.load(packs.pack_dir(options.flows))
    flow = packs.get_flow(pack, options.flow_id)
    start = parse_today(options.today)
    given = gather_answers(pack, flow.id, options.answer, options.answers)
    fallback = None
    if not options.no_input and is_interactive():
        from eportguide.prompting.interactive import InteractivePrompter

        fallback = InteractivePrompter()
    prompter = ScriptedPrompter(given, fallback)
    # Saved: runs that ask a person, and resumed ones; a scripted run has nothing to resume.
    saving = not options.no_save and (fallback is not None or options.session is not None)
    recorder = sessions.recorder(options.session, flow.id, packs.pack_dir(options.flows), saving)
    try:
        finished = runner.drive(pack, flow.id, prompter, recorder.answers, on_change=recorder.save)
    except Interrupted as stop:
        raise sessions.with_resume_hint(stop, recorder) from None
    recorder.finish()
    result = engine.build(pack, finished)
    unused = prompter.unused()
    if unused:
        typer.echo(w.UNUSED_ANSWERS.format(keys="、".join(unused)), err=True)
    emit(result, pack, options.format, options.output, options.email_draft, start)
    if fallback is not None and options.format == "terminal" and options.output is None and options.email_draft is None:
        offer_files(fallback, result, pack, start)


def offer_files(prompter: InteractivePrompter, result: Result, pack: d.Pack, today: date) -> None:
    """At a terminal, offer the printable checklist and the e-mail draft as files."""
    from datetime import datetime

    from eportguide import render

    question = w.KEEP_FILES_PROMPT.format(email=w.KEEP_FILES_EMAIL if result.email is not None else "")
    try:
        if not prompter.confirm(question):
            return
    except (KeyboardInterrupt, EOFError):  # the checklist is on the screen already
        return
    stem = Path.cwd() / f"eportguide-{result.flow_id}-{datetime.now():%Y%m%d-%H%M%S}"
    files: list[tuple[Path, str | bytes]] = [(stem.with_suffix(".html"), render.to_string(result, "html", pack, today))]
    if result.email is not None:
        from eportguide.render import eml

        files.append((stem.with_suffix(".eml"), eml.render(result)))
    for path, content in files:
        try:
            write_file(path, content)
        except UsageError as error:  # the run itself succeeded: say so, do not fail it
            typer.echo(error.message, err=True)
            return
        typer.echo(w.WROTE_FILE.format(path=path))


def emit(result: Result, pack: d.Pack, format: str, output: Path | None, email_draft: Path | None, today: date) -> None:
    """Print or write the result in the chosen format, and the e-mail draft if asked."""
    from eportguide import render

    if email_draft is not None and result.email is not None:
        from eportguide.render import eml

        write_file(email_draft, eml.render(result))
        typer.echo(w.WROTE_FILE.format(path=email_draft), err=True)
    if format == "terminal" and output is None:
        from eportguide.console import output_console
        from eportguide.render import outline, terminal

        shape = outline.build(result, render.completion_for(result, pack, today))
        link = outline.mailto(result) if result.email is not None else None
        terminal.render(shape, output_console(), link)
    else:
        content = render.to_string(result, "text" if format == "terminal" else format, pack, today)
        if output is None:
            sys.stdout.write(content)
        else:
            write_file(output, content)
            typer.echo(w.WROTE_FILE.format(path=output), err=True)
    if email_draft is not None and result.email is None:
        # Said after the checklist, which the user still gets: this path sends no e-mail.
        raise UsageError(w.NO_EMAIL_FOR_PATH.format(outcome=result.outcome_title, path=email_draft), w.NO_EMAIL_FOR_PATH_HINT)

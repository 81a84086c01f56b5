"""Where a run's result goes: the screen, a file in a chosen format, an e-mail draft."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from eportguide import wording as w
from eportguide.errors import UsageError

if TYPE_CHECKING:
    from eportguide.engine import Result
    from eportguide.prompting.interactive import InteractivePrompter


def write_file(path: Path, content: str | bytes) -> None:
    try:
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    except OSError as exc:
        raise UsageError(w.CANNOT_WRITE.format(path=path, reason=exc.strerror or exc)) from None


def offer_files(prompter: InteractivePrompter, result: Result) -> None:
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
    files: list[tuple[Path, str | bytes]] = [(stem.with_suffix(".html"), render.to_string(result, "html"))]
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


def choose_format(given: str | None, output: Path | None) -> str:
    """The format of a run's result: ``--format`` if given, else the one ``-o``'s file
    name asks for (``c.html``), else the terminal's boxes on a terminal and plain text
    where the output goes to a pipe or a file of another name."""
    from eportguide.render import formats

    if given is not None:
        return given
    if output is not None:
        return formats.by_suffix(output, "result") or formats.FILE_FALLBACK
    return formats.SCREEN_DEFAULT if sys.stdout.isatty() else formats.FILE_FALLBACK


def is_screen(format: str) -> bool:
    from eportguide.render import formats

    return formats.FORMATS[format].screen


def emit(result: Result, format: str, output: Path | None, email_draft: Path | None) -> None:
    """Print or write the result in the chosen format, and the e-mail draft if asked.

    With ``-o`` at a terminal the outcome is also drawn on the screen: the user sees
    what was written without opening the file.
    """
    from eportguide import render
    from eportguide.render import formats

    if email_draft is not None and result.email is not None:
        from eportguide.render import eml

        write_file(email_draft, eml.render(result))
        typer.echo(w.WROTE_FILE.format(path=email_draft), err=True)
    chosen = formats.FORMATS[format]
    if chosen.screen and output is None:
        from eportguide.console import output_console

        formats.renderer(format, "result")(result, output_console())
    else:
        content = render.to_string(result, formats.FILE_FALLBACK if chosen.screen else format)
        if output is None:
            sys.stdout.write(content)
        else:
            write_file(output, content)
            if sys.stdout.isatty():
                from eportguide.console import output_console

                formats.renderer(formats.SCREEN_DEFAULT, "result")(result, output_console())
            typer.echo(w.WROTE_FILE.format(path=output), err=True)
    if email_draft is not None and result.email is None:
        # Said after the checklist, which the user still gets: this path sends no e-mail.
        raise UsageError(w.NO_EMAIL_FOR_PATH.format(outcome=result.outcome_title, path=email_draft), w.NO_EMAIL_FOR_PATH_HINT)

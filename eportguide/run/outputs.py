"""Where a run's result goes: the screen, a file in a chosen format, an e-mail draft."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from eportguide.errors import UsageError, os_reason
from eportguide.i18n import wording as w

#: The format that writes the expected dates as a calendar reminder.
REMINDER_FORMAT = "ics"

if TYPE_CHECKING:
    from collections.abc import Sequence

    from eportguide.engine.result import Result
    from eportguide.prompting.interactive import InteractivePrompter
    from eportguide.store.attachments import Attachment


def write_file(path: Path, content: str | bytes) -> None:
    try:
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    except OSError as exc:
        raise UsageError(w.CANNOT_WRITE.format(path=path, reason=os_reason(exc))) from None


def with_files(result: Result, files: Sequence[Attachment | None]) -> Result:
    """The result of a run whose draft is written with ``files`` (None: that listed
    attachment is still to add), so that the checklist says which are in it."""
    if result.email is None:
        return result
    return result._replace(email=result.email._replace(files=tuple(f.name if f is not None else "" for f in files)))


def read_attachments(paths: Sequence[Path]) -> list[Attachment | None]:
    """``--attach`` files, read whole; a file that cannot be read is exit 2, a large one is warned about."""
    from eportguide.store import attachments

    found: list[Attachment | None] = []
    for path in paths:
        attachment = attachments.read(path)
        warning = attachments.size_warning(attachment)
        if warning:
            typer.echo(warning, err=True)
        found.append(attachment)
    return found


def ask_attachments(prompter: InteractivePrompter, result: Result) -> list[Attachment | None]:
    """At a terminal, the file for each attachment the procedure lists (Enter skips it)."""
    assert result.email is not None
    from eportguide.render.outline import attachment_names

    return [prompter.attachment(item) for item in attachment_names(result)]


def write_draft(result: Result, path: Path, files: Sequence[Attachment | None]) -> None:
    from eportguide.render import eml

    write_file(path, eml.render(result, [f for f in files if f is not None]))


def say_attachments(result: Result) -> None:
    from eportguide.render.outline import attachment_status

    if result.email is not None and result.email.attachments:
        typer.echo(w.ATTACH_SUMMARY.format(status=attachment_status(result)))


def offer_files(prompter: InteractivePrompter, result: Result) -> tuple[Path, list[str]] | None:
    """At a terminal, offer the printable checklist and the e-mail draft as files; for
    the draft, ask for the file of each attachment the procedure lists. The draft
    written and the names of the files put in it, if one was."""
    from datetime import datetime

    from eportguide import render

    question = w.KEEP_FILES_PROMPT.format(email=w.KEEP_FILES_EMAIL if result.email is not None else "")
    files: list[Attachment | None] = []
    try:
        if not prompter.confirm(question):
            return None
        if result.email is not None:
            files = ask_attachments(prompter, result)
            result = with_files(result, files)
    except (KeyboardInterrupt, EOFError):  # the checklist is on the screen already
        return None
    stem = Path.cwd() / f"eportguide-{result.flow_id}-{datetime.now():%Y%m%d-%H%M%S}"
    written: list[tuple[Path, str | bytes]] = [(stem.with_suffix(".html"), render.to_string(result, "html"))]
    if result.email is not None:
        from eportguide.render import eml

        written.append((stem.with_suffix(".eml"), eml.render(result, [f for f in files if f is not None])))
    for path, content in written:
        try:
            write_file(path, content)
        except UsageError as error:  # the run itself succeeded: say so, do not fail it
            typer.echo(error.message, err=True)
            return None
        typer.echo(w.WROTE_FILE.format(path=path))
    say_attachments(result)
    if result.email is None:
        return None
    return stem.with_suffix(".eml"), [f.name for f in files if f is not None]


def choose_format(given: str | None, output: Path | None, to_terminal: bool) -> str:
    """The format of a run's result: ``--format`` if given, else the one ``-o``'s file
    name asks for (``c.html``), else the terminal's boxes on a terminal and plain text
    where the output goes to a pipe or a file of another name."""
    from eportguide.render import formats

    if given is not None:
        return given
    if output is not None:
        return formats.by_suffix(output, "result") or formats.FILE_FALLBACK
    return formats.SCREEN_DEFAULT if to_terminal else formats.FILE_FALLBACK


def is_screen(format: str) -> bool:
    from eportguide.render import formats

    return formats.FORMATS[format].screen


def emit(result: Result, format: str, output: Path | None, to_terminal: bool, case_id: str | None = None) -> None:
    """Print or write the result in the chosen format.

    With ``-o`` at a terminal the outcome is also drawn on the screen: the user sees
    what was written without opening the file. A calendar reminder (``-o x.ics``) is
    the case's (its UID the case's id) when the run is followed as one.
    """
    from eportguide import render
    from eportguide.render import formats

    chosen = formats.FORMATS[format]
    if chosen.screen and output is None:
        from eportguide.terminal.console import output_console

        formats.renderer(format, "result")(result, output_console())
    else:
        if format == REMINDER_FORMAT:
            content = reminder_text(result, case_id)
        else:
            content = render.to_string(result, formats.FILE_FALLBACK if chosen.screen else format)
        if output is None:
            sys.stdout.write(content)
        else:
            write_file(output, content.encode("utf-8") if format == REMINDER_FORMAT else content)  # .ics: CRLF kept as is
            if to_terminal:
                from eportguide.terminal.console import output_console

                formats.renderer(formats.SCREEN_DEFAULT, "result")(result, output_console())
            typer.echo(w.WROTE_FILE.format(path=output), err=True)


def reminder_text(result: Result, case_id: str | None) -> str:
    """The run's expected dates as an ``.ics`` calendar; exit 2 when its outcome has none."""
    from eportguide.render import ics

    if case_id is None:
        return ics.result(result)
    return ics.calendar([ics.reminder(result, f"{case_id}@{ics.UID_DOMAIN}", case_id.rsplit("-", 1)[-1])])


def write_reminder(result: Result, path: Path, case_id: str | None) -> None:
    """``--ics``: the calendar reminder as a file, after the checklist."""
    write_file(path, reminder_text(result, case_id).encode("utf-8"))  # bytes: its CRLF line ends kept on Windows
    typer.echo(w.WROTE_FILE.format(path=path), err=True)


def emit_draft(result: Result, path: Path, files: Sequence[Attachment | None], prompter: InteractivePrompter | None) -> list[str]:
    """``--email-draft``: the application e-mail as a file, after the checklist.

    At a terminal without ``--attach``, the file of each listed attachment is asked
    first. A path that sends no e-mail is exit 2, said after the checklist, which the
    user still gets.
    """
    if result.email is None:
        raise UsageError(w.NO_EMAIL_FOR_PATH.format(outcome=result.outcome_title, path=path), w.NO_EMAIL_FOR_PATH_HINT)
    if prompter is not None and not files:
        try:
            files = ask_attachments(prompter, result)
        except (KeyboardInterrupt, EOFError):
            files = []  # the draft is still written, without files
        result = with_files(result, files)
    write_draft(result, path, files)
    typer.echo(w.WROTE_FILE.format(path=path), err=True)
    if prompter is not None:
        say_attachments(result)
    return [f.name for f in files if f is not None]

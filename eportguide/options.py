"""Command-line options that several commands share (``run``, ``resume``), declared once."""

from typing import Any

import typer

from eportguide.i18n import wording as w
from eportguide.render import formats


def format_option(document: formats.Document, default: str | None, help: str | None = None) -> Any:
    """``--format``, its choices the formats that draw ``document`` (from the registry).

    A ``None`` default leaves the choice to the command (a run picks it from ``-o``'s
    file name, or from whether it prints to a terminal).
    """
    choices = formats.names(document)

    def check(value: str | None) -> str | None:
        if value is not None and value not in choices:
            raise typer.BadParameter(w.NOT_A_FORMAT.format(value=value, choices="|".join(choices)))
        return value

    return typer.Option(
        default,
        "--format",
        "-f",
        metavar="<" + "|".join(choices) + ">",
        help=w.OPT_FORMAT if help is None else help,
        callback=check,
        show_default=default is not None,
    )


def output_option() -> Any:
    return typer.Option(None, "--output", "-o", metavar="FILE", help=w.OPT_OUTPUT, dir_okay=False)


def email_draft_option() -> Any:
    return typer.Option(None, "--email-draft", metavar="FILE.eml", help=w.OPT_EMAIL_DRAFT, dir_okay=False)


def attach_option() -> Any:
    return typer.Option([], "--attach", metavar="FILE", help=w.OPT_ATTACH, dir_okay=False)


def no_save_option() -> Any:
    return typer.Option(False, "--no-save", help=w.OPT_NO_SAVE)


def today_option() -> Any:
    return typer.Option(None, "--today", metavar="YYYY-MM-DD", help=w.OPT_TODAY)

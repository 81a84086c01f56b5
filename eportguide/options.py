"""Command-line options that several commands share, declared once."""

from typing import Any

import typer

from eportguide import wording as w
from eportguide.render import formats


def format_option(document: formats.Document, default: str) -> Any:
    """``--format``, its choices the formats that draw ``document`` (from the registry)."""
    choices = formats.names(document)

    def check(value: str) -> str:
        if value not in choices:
            raise typer.BadParameter(w.NOT_A_FORMAT.format(value=value, choices="|".join(choices)))
        return value

    return typer.Option(default, "--format", "-f", metavar="<" + "|".join(choices) + ">", help=w.OPT_FORMAT, callback=check)

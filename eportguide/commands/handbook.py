"""``eportguide handbook``: every procedure in one document to print, e-mail or put on an
intranet; HTML works offline in any browser, without JavaScript."""

import sys
from datetime import date
from pathlib import Path

import typer

from eportguide import environment
from eportguide.i18n import wording as w
from eportguide.model import files
from eportguide.options import format_option
from eportguide.packs import active
from eportguide.run.outputs import write_file


def _pack_note(directory: Path) -> str:
    if files.is_shipped(directory):
        from importlib.metadata import version

        return w.HANDBOOK_PACK_SHIPPED.format(version=version("eportguide"))
    return w.HANDBOOK_PACK_OTHER.format(path=directory.resolve())


def handbook_command(
    ctx: typer.Context,
    format: str = format_option("handbook", "html"),
    output: Path | None = typer.Option(None, "--output", "-o", help=w.OPT_HANDBOOK_OUTPUT, dir_okay=False, show_default=False),
) -> None:
    from eportguide import render

    directory = environment.of(ctx).flows
    content = render.handbook_to_string(active.load(directory), _pack_note(directory), date.today(), format)
    if output is None:
        sys.stdout.write(content)
    else:
        write_file(output, content)
        typer.echo(w.WROTE_FILE.format(path=output), err=True)

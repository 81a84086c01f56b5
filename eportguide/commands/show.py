"""``eportguide show <id>``: the whole procedure, every branch, no prompts, as a
decision guide a person reads; ``--ids`` adds the state ids for flow authors."""

import sys

import typer

from eportguide import environment
from eportguide.errors import UsageError
from eportguide.i18n import wording as w
from eportguide.options import format_option
from eportguide.packs import active


def show_command(
    ctx: typer.Context,
    flow_id: str = typer.Argument(..., metavar="FLOW", help=w.ARG_FLOW, show_default=False),
    format: str = format_option("procedure", "text"),
    paths: bool = typer.Option(False, "--paths", help=w.OPT_PATHS),
    ids: bool = typer.Option(False, "--ids", help=w.OPT_IDS),
) -> None:
    from eportguide import render

    pack = active.load(environment.of(ctx).flows)
    flow = active.get_flow(pack, flow_id)
    if paths:
        from eportguide.render import paths as every_path

        if format not in ("text", "json"):
            raise UsageError(w.PATHS_FORMATS)
        sys.stdout.write(every_path.render(pack, flow, format))
    else:
        sys.stdout.write(render.procedure_to_string(pack, flow, format, ids))

"""``eportguide show <id>``: the whole procedure, every branch, no prompts."""

import json
import sys
from enum import StrEnum

import typer

from eportguide import packs
from eportguide import wording as w
from eportguide.errors import UsageError


class ShowFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    html = "html"
    json = "json"


def show_command(
    ctx: typer.Context,
    flow_id: str = typer.Argument(..., metavar="FLOW", help=w.ARG_FLOW, show_default=False),
    format: ShowFormat = typer.Option(ShowFormat.text, "--format", "-f", help=w.OPT_FORMAT),
    paths: bool = typer.Option(False, "--paths", help=w.OPT_PATHS),
) -> None:
    from eportguide.render import procedure

    pack = packs.load(packs.pack_dir(ctx.find_root().params.get("flows")))
    flow = packs.get_flow(pack, flow_id)
    if paths:
        from eportguide.render import paths as every_path

        if format not in (ShowFormat.text, ShowFormat.json):
            raise UsageError(w.PATHS_FORMATS)
        sys.stdout.write(every_path.render(pack, flow, format.value))
    elif format is ShowFormat.json:
        sys.stdout.write(json.dumps(procedure.as_dict(pack, flow), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(procedure.render(pack, flow, format.value))

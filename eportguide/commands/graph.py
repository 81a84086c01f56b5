"""``eportguide graph <id>``: a flow as a Mermaid or Graphviz dot diagram, for review."""

import sys
from enum import StrEnum
from typing import Annotated

import typer

from eportguide import packs
from eportguide import wording as w


class GraphFormat(StrEnum):
    mermaid = "mermaid"
    dot = "dot"


def graph_command(
    ctx: typer.Context,
    flow_id: Annotated[str, typer.Argument(metavar="FLOW", help=w.ARG_FLOW, show_default=False)],
    format: Annotated[GraphFormat, typer.Option("--format", "-f", help=w.OPT_FORMAT)] = GraphFormat.mermaid,
) -> None:
    from eportguide.render import graph

    pack = packs.load(packs.pack_dir(ctx.find_root().params.get("flows")))
    flow = packs.get_flow(pack, flow_id)
    draw = graph.dot if format is GraphFormat.dot else graph.mermaid
    sys.stdout.write(draw(pack, flow))

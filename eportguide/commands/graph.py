"""``eportguide graph <id>``: a flow as a Mermaid or Graphviz dot diagram, for review."""

import sys
from enum import StrEnum
from typing import Annotated

import typer

from eportguide import environment
from eportguide.i18n import wording as w
from eportguide.packs import active


class GraphFormat(StrEnum):
    mermaid = "mermaid"
    dot = "dot"


def graph_command(
    ctx: typer.Context,
    flow_id: Annotated[str, typer.Argument(metavar="FLOW", help=w.ARG_FLOW, show_default=False)],
    format: Annotated[GraphFormat, typer.Option("--format", "-f", help=w.OPT_FORMAT)] = GraphFormat.mermaid,
) -> None:
    from eportguide.render import graph

    pack = active.load(environment.of(ctx).flows)
    flow = active.get_flow(pack, flow_id)
    draw = graph.dot if format is GraphFormat.dot else graph.mermaid
    sys.stdout.write(draw(pack, flow))

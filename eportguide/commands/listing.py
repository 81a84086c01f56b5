"""``eportguide list``: the catalogue of procedures."""

import json
from enum import StrEnum

import typer

from eportguide import packs
from eportguide import wording as w


class ListFormat(StrEnum):
    table = "table"
    json = "json"


def list_command(
    ctx: typer.Context,
    format: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help=w.OPT_FORMAT),
) -> None:
    pack = packs.load(packs.pack_dir(ctx.find_root().params.get("flows")))
    if format is ListFormat.json:
        rows = [
            {"id": f.id, "title": f.title, "category": f.category, "source": f.source, "description": f.description}
            for f in pack.flows.values()
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    from rich.table import Table
    from rich.text import Text

    from eportguide.console import output_console

    table = Table(box=None, pad_edge=False, show_edge=False)
    table.add_column(w.COL_ID, no_wrap=True)
    table.add_column(w.COL_TITLE, overflow="fold")
    table.add_column(w.COL_CATEGORY, no_wrap=True)
    for flow in pack.flows.values():
        table.add_row(Text(flow.id), Text(flow.title), Text(flow.category))  # a pack's text, never rich markup
    output_console().print(table)

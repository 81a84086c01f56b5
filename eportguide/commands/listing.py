"""``eportguide list``: the catalogue of procedures."""

import json
from enum import StrEnum

import typer

from eportguide import environment
from eportguide.i18n import wording as w
from eportguide.packs import active


class ListFormat(StrEnum):
    table = "table"
    json = "json"


def list_command(
    ctx: typer.Context,
    format: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help=w.OPT_FORMAT),
) -> None:
    pack = active.load(environment.of(ctx).flows)
    if format is ListFormat.json:
        rows = [
            {"id": f.id, "title": f.title, "category": f.category, "source": f.source, "description": f.description}
            for f in pack.flows.values()
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    from eportguide.render import listings

    listings.catalogue(pack)

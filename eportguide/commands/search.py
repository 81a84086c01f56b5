"""``eportguide search <words>``: the procedures that answer a caller's words, best first.

When no procedure matches with confidence the answer says so and gives the hotline
(exit 0: "nothing matches" is an answer, not an error); ``--format json`` prints ``[]``.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from eportguide import environment
from eportguide.i18n import wording as w

if TYPE_CHECKING:  # the model loads when the command runs, not for --help
    pass

DEFAULT_LIMIT = 5


class SearchFormat(StrEnum):
    table = "table"
    json = "json"


def search_command(
    ctx: typer.Context,
    words: Annotated[list[str], typer.Argument(metavar="WORDS…", help=w.ARG_SEARCH_WORDS, show_default=False)],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, metavar="N", help=w.OPT_SEARCH_LIMIT)] = DEFAULT_LIMIT,
    format: Annotated[SearchFormat, typer.Option("--format", "-f", help=w.OPT_FORMAT)] = SearchFormat.table,
) -> None:
    from eportguide.packs import active
    from eportguide.render import listings

    pack, index = active.searchable(environment.of(ctx).flows)
    found = index.search(" ".join(words), limit)
    if format is SearchFormat.json:
        rows = [
            {
                "id": m.flow_id,
                "title": pack.flow(m.flow_id).title,
                "category": pack.flow(m.flow_id).category,
                "score": m.score,
                "why": list(m.why),
            }
            for m in found
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not found:
        typer.echo(listings.no_match_message(pack))
        return
    listings.search_results(pack, found)

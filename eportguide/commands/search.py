"""``eportguide search <words>``: the procedures that answer a caller's words, best first.

When no procedure matches with confidence the answer says so and gives the hotline
(exit 0: "nothing matches" is an answer, not an error); ``--format json`` prints ``[]``.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from eportguide import wording as w

if TYPE_CHECKING:  # the model loads when the command runs, not for --help
    from eportguide.model import definitions as d

DEFAULT_LIMIT = 5


class SearchFormat(StrEnum):
    table = "table"
    json = "json"


#: The fact preferred as the hotline when a pack has several phone numbers.
HOTLINE_FACT = "hotline"


def hotline(pack: d.Pack) -> str | None:
    """The pack's hotline, for callers whose problem no procedure covers.

    The phone fact named ``hotline`` if there is one, else the pack's first phone fact:
    another region's pack may name its number differently, and its callers still need it.
    """
    phones = {name: fact for name, fact in pack.shared.facts.items() if fact.kind == "phone"}
    fact = phones.get(HOTLINE_FACT) or next(iter(phones.values()), None)
    return fact.value if fact is not None else None


def no_match_message(pack: d.Pack) -> str:
    number = hotline(pack)
    return w.SEARCH_NO_MATCH + (w.SEARCH_NO_MATCH_HOTLINE.format(hotline=number) if number else "")


def search_command(
    ctx: typer.Context,
    words: Annotated[list[str], typer.Argument(metavar="WORDS…", help=w.ARG_SEARCH_WORDS, show_default=False)],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help=w.OPT_SEARCH_LIMIT)] = DEFAULT_LIMIT,
    format: Annotated[SearchFormat, typer.Option("--format", "-f", help=w.OPT_FORMAT)] = SearchFormat.table,
) -> None:
    from eportguide import matching, packs

    pack = packs.load(packs.pack_dir(ctx.find_root().params.get("flows")))
    found = matching.search(pack, " ".join(words), limit)
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
        typer.echo(no_match_message(pack))
        return
    from rich.table import Table
    from rich.text import Text

    from eportguide.console import output_console

    table = Table(box=None, pad_edge=False, show_edge=False)
    table.add_column("#", no_wrap=True)
    table.add_column(w.COL_ID, no_wrap=True)
    table.add_column(w.COL_TITLE, overflow="fold")
    table.add_column(w.COL_WHY, overflow="fold")
    for rank, match in enumerate(found, 1):
        # Text: a pack's titles and the caller's words are shown as they are, never read as rich markup
        table.add_row(str(rank), Text(match.flow_id), Text(pack.flow(match.flow_id).title), Text("、".join(match.why)))
    console = output_console()
    console.print(table)
    console.print(w.SEARCH_RUN_HINT.format(id=found[0].flow_id), markup=False, highlight=False)

"""Lists drawn on the terminal with rich: the catalogue, search results, saved sessions."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.table import Table

from eportguide import wording as w
from eportguide.console import output_console

if TYPE_CHECKING:
    from eportguide.engine.matching import Match
    from eportguide.model import definitions as d
    from eportguide.sessions import Session


def _table() -> Table:
    return Table(box=None, pad_edge=False, show_edge=False)


def catalogue(pack: d.Pack) -> None:
    table = _table()
    table.add_column(w.COL_ID, no_wrap=True)
    table.add_column(w.COL_TITLE, overflow="fold")
    table.add_column(w.COL_CATEGORY, no_wrap=True)
    for flow in pack.flows.values():
        table.add_row(flow.id, flow.title, flow.category)
    output_console().print(table)


def no_match_message(pack: d.Pack, in_menu: bool = False) -> str:
    """What a caller is told when no procedure fits their words: that none matched these
    words (not that the e-port does not do it), how to browse them all, then the hotline."""
    number = pack.hotline
    browse = w.SEARCH_BROWSE_MENU if in_menu else w.SEARCH_BROWSE
    return w.SEARCH_NO_MATCH + browse + (w.SEARCH_NO_MATCH_HOTLINE.format(hotline=number) if number else "。")


def search_results(pack: d.Pack, found: list[Match]) -> None:
    table = _table()
    table.add_column("#", no_wrap=True)
    table.add_column(w.COL_ID, no_wrap=True)
    table.add_column(w.COL_TITLE, overflow="fold")
    table.add_column(w.COL_WHY, overflow="fold")
    for rank, match in enumerate(found, 1):
        table.add_row(str(rank), match.flow_id, pack.flow(match.flow_id).title, "、".join(match.why))
    console = output_console()
    console.print(table)
    console.print(w.SEARCH_RUN_HINT.format(id=found[0].flow_id), markup=False, highlight=False)


def _when(stamp: str) -> str:
    try:
        return f"{datetime.fromisoformat(stamp):%Y-%m-%d %H:%M}"
    except ValueError:
        return stamp


def sessions(found: list[Session], directory: object) -> None:
    table = _table()
    for heading in (w.COL_SESSION, w.COL_ID, w.COL_ANSWERED, w.COL_STATUS, w.COL_UPDATED):
        table.add_column(heading, no_wrap=True)
    for session in found:
        status = w.STATUS_DONE if session.done else w.STATUS_OPEN
        table.add_row(session.id, session.flow_id, str(len(session.answers)), status, _when(session.updated))
    console = output_console()
    console.print(table)
    console.print(w.SESSIONS_WHERE.format(path=directory), markup=False, highlight=False, style="dim")

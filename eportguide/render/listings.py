"""Lists drawn on the terminal with rich: the catalogue, search results, saved sessions."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.table import Table

from eportguide import wording as w
from eportguide.console import output_console
from eportguide.render.breaking import Paragraph

if TYPE_CHECKING:
    from eportguide.engine.matching import Match
    from eportguide.model import definitions as d
    from eportguide.sessions import Session


#: The input field whose answer names the caller's enterprise, shown when no note was given.
ENTERPRISE_FIELD = "enterprise"
#: Columns between two of a table's columns (rich pads each side by one).
TABLE_GAP = 2
#: The sessions table is drawn when 企业／备注 and 状态／结果 get at least these widths.
WHO_MIN, STATE_MIN = 12, 16


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
        return f"{datetime.fromisoformat(stamp):%m-%d %H:%M}"
    except ValueError:
        return stamp


def _who(session: Session) -> str:
    """What tells the call apart: the note, else the enterprise typed, else nothing."""
    if session.note:
        return session.note
    enterprise = next((v for k, v in session.answers.items() if k.rsplit(".", 1)[-1] == ENTERPRISE_FIELD and v), "")
    return enterprise or w.NOTHING_NOTED


def _state(session: Session) -> str:
    if session.done:
        return w.STATUS_DONE_OUTCOME.format(outcome=session.outcome) if session.outcome else w.STATUS_DONE
    return w.STATUS_OPEN_ANSWERED.format(count=len(session.answers))


def sessions(found: list[Session], directory: object) -> None:
    """One row per session; on a terminal too narrow for that, a block of two lines each."""
    from rich.cells import cell_len
    from rich.padding import Padding
    from rich.text import Text

    console = output_console()
    rows = [(session.id, _who(session), _state(session), _when(session.updated)) for session in found]
    widest = [max(cell_len(row[column]) for row in rows) for column in range(4)]
    room = console.width - widest[0] - widest[3] - 3 * TABLE_GAP  # for 企业／备注 and 状态／结果
    if room >= WHO_MIN + STATE_MIN:
        fits = widest[1] + widest[2] <= room
        who_width = widest[1] if fits else max(WHO_MIN, min(widest[1], room * 2 // 5))
        table = _table()
        table.add_column(w.COL_SESSION, no_wrap=True)
        table.add_column(w.COL_WHO, width=who_width)
        table.add_column(w.COL_STATE, width=min(widest[2], room - who_width))
        table.add_column(w.COL_UPDATED, no_wrap=True)
        for session_id, who, state, updated in rows:
            table.add_row(session_id, Paragraph(who), Paragraph(state), updated)
        console.print(table)
    else:
        for session_id, who, state, updated in rows:
            console.print(Text(session_id, style="bold") + Text(f"  {updated}"))
            console.print(Padding(Paragraph(w.SESSION_BLOCK.format(who=who, state=state)), (0, 0, 0, 2)))
    console.print(w.SESSIONS_WHERE.format(path=directory), markup=False, highlight=False, style="dim")

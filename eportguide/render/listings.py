"""Lists printed on the terminal: the catalogue, search results, saved sessions."""

from __future__ import annotations

import sys
from datetime import datetime
from typing import TYPE_CHECKING

from eportguide.i18n import wording as w
from eportguide.model import answer_key
from eportguide.render.columns import GAP, NARROWEST_FOLD, fold, table, terminal_width, width

#: The input field whose answer names the caller's enterprise, shown when no note was given.
ENTERPRISE_FIELD = "enterprise"
#: The sessions table needs this much room for 状态／结果; else each session is a block.
STATE_MIN = 16
BLOCK_INDENT = 2

if TYPE_CHECKING:
    from eportguide.model import definitions as d
    from eportguide.search.matching import Match
    from eportguide.store.sessions import Session


def catalogue(pack: d.Pack) -> None:
    rows = [[flow.id, flow.title, flow.category] for flow in pack.flows.values()]
    sys.stdout.write(table([w.COL_ID, w.COL_TITLE, w.COL_CATEGORY], rows, folding=1))


def no_match_message(pack: d.Pack, in_menu: bool = False) -> str:
    """What a caller is told when no procedure fits their words: that none matched these
    words (not that the e-port does not do it), how to browse them all, then the hotline."""
    number = pack.hotline
    browse = w.SEARCH_BROWSE_MENU if in_menu else w.SEARCH_BROWSE
    return w.SEARCH_NO_MATCH + browse + (w.SEARCH_NO_MATCH_HOTLINE.format(hotline=number) if number else w.FULL_STOP)


def search_results(pack: d.Pack, found: list[Match]) -> None:
    rows = [[str(rank), m.flow_id, pack.flow(m.flow_id).title, w.LIST_SEPARATOR.join(m.why)] for rank, m in enumerate(found, 1)]
    sys.stdout.write(table(["#", w.COL_ID, w.COL_TITLE, w.COL_WHY], rows, folding=3))
    sys.stdout.write(w.SEARCH_RUN_HINT.format(id=found[0].flow_id) + "\n")


def _when(stamp: str) -> str:
    try:
        return f"{datetime.fromisoformat(stamp):%m-%d %H:%M}"  # the year is in the session's id
    except ValueError:
        return stamp


def _who(session: Session) -> str:
    """What tells the call apart: the note, else the enterprise typed, else nothing."""
    if session.note:
        return session.note
    enterprise = next((v for k, v in session.answers.items() if answer_key.field_name(k) == ENTERPRISE_FIELD and v), "")
    return enterprise or w.NOTHING_NOTED


def _state(session: Session) -> str:
    if session.done:
        return w.STATUS_DONE_OUTCOME.format(outcome=session.outcome) if session.outcome else w.STATUS_DONE
    return w.STATUS_OPEN_ANSWERED.format(count=len(session.answers))


def sessions(found: list[Session], directory: object) -> None:
    """One row a session: its id, who the call was for, how far it got (or its outcome).

    On a terminal too narrow for the row (an id is some 40 columns), each session is a
    block instead: the id and time, then who and how far, indented below.
    """
    rows = [[s.id, _who(s), _state(s), _when(s.updated)] for s in found]
    headings = [w.COL_SESSION, w.COL_WHO, w.COL_STATE, w.COL_UPDATED]
    widest = [max(width(row[i]) for row in [headings, *rows]) for i in range(len(headings))]
    available = terminal_width()
    if available is None or sum(widest) - widest[2] + min(widest[2], STATE_MIN) + len(GAP) * 3 <= available:
        sys.stdout.write(table(headings, rows, folding=2))
    else:
        for session_id, who, state, updated in rows:
            sys.stdout.write(f"{session_id}{GAP}{updated}\n")
            for line in fold(w.SESSION_BLOCK.format(who=who, state=state), max(available - BLOCK_INDENT, NARROWEST_FOLD)):
                sys.stdout.write(" " * BLOCK_INDENT + line + "\n")
    sys.stdout.write(w.SESSIONS_WHERE.format(path=directory) + "\n")

"""Lists printed on the terminal: the catalogue, search results, saved sessions."""

from __future__ import annotations

import sys
from datetime import datetime
from typing import TYPE_CHECKING

from eportguide import wording as w
from eportguide.render.columns import table

if TYPE_CHECKING:
    from eportguide.engine.matching import Match
    from eportguide.model import definitions as d
    from eportguide.sessions import Session


def catalogue(pack: d.Pack) -> None:
    rows = [[flow.id, flow.title, flow.category] for flow in pack.flows.values()]
    sys.stdout.write(table([w.COL_ID, w.COL_TITLE, w.COL_CATEGORY], rows, folding=1))


def no_match_message(pack: d.Pack) -> str:
    """What a caller is told when no procedure fits their words: the hotline, if any."""
    number = pack.hotline
    return w.SEARCH_NO_MATCH + (w.SEARCH_NO_MATCH_HOTLINE.format(hotline=number) if number else "")


def search_results(pack: d.Pack, found: list[Match]) -> None:
    rows = [[str(rank), m.flow_id, pack.flow(m.flow_id).title, "、".join(m.why)] for rank, m in enumerate(found, 1)]
    sys.stdout.write(table(["#", w.COL_ID, w.COL_TITLE, w.COL_WHY], rows, folding=3))
    sys.stdout.write(w.SEARCH_RUN_HINT.format(id=found[0].flow_id) + "\n")


def _when(stamp: str) -> str:
    try:
        return f"{datetime.fromisoformat(stamp):%Y-%m-%d %H:%M}"
    except ValueError:
        return stamp


def sessions(found: list[Session], directory: object) -> None:
    rows = [[s.id, s.flow_id, str(len(s.answers)), w.STATUS_DONE if s.done else w.STATUS_OPEN, _when(s.updated)] for s in found]
    sys.stdout.write(table([w.COL_SESSION, w.COL_ID, w.COL_ANSWERED, w.COL_STATUS, w.COL_UPDATED], rows))
    sys.stdout.write(w.SESSIONS_WHERE.format(path=directory) + "\n")

"""``validate``'s check of a pack's search data: each example phrasing finds its own flow first.

An example a caller might say (``search.examples``) that ranks another procedure first
teaches search the wrong thing, and one that finds nothing teaches it nothing; both are
worth an author's look when misses are pasted in. Pure: the packs come in, the examples
that do not find their flow first go out.
"""

from collections.abc import Sequence
from typing import NamedTuple

from eportguide.model import definitions as d
from eportguide.search.matching import Index


class Misrouted(NamedTuple):
    version: int  # 0: the pack as written; 1…: the translation in ``also`` at that place - 1
    flow_id: str
    at: int  # the example's place in the flow's ``search.examples``
    text: str
    found: str | None  # the flow found first instead; None when none was


def misrouted(pack: d.Pack, also: Sequence[d.Pack] = ()) -> list[Misrouted]:
    """The examples of every flow, in every language, that do not find their own flow first."""
    index = Index(pack, also)
    wrong: list[Misrouted] = []
    for version, each in enumerate((pack, *also)):
        for flow in each.flows.values():
            for at, text in enumerate(flow.search.examples):
                found = index.search(text, 1)
                if not found or found[0].flow_id != flow.id:
                    wrong.append(Misrouted(version, flow.id, at, text, found[0].flow_id if found else None))
    return wrong

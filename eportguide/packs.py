"""Which flows pack is active, and loading it once per process."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from eportguide import wording as w
from eportguide.errors import UsageError
from eportguide.model import files

if TYPE_CHECKING:
    from eportguide.model import definitions as d

FLOWS_ENV = "EPORTGUIDE_FLOWS"


def pack_dir(option: Path | str | None = None) -> Path:
    """``--flows DIR``, else ``$EPORTGUIDE_FLOWS``, else the shipped pack."""
    if option is not None:
        return Path(option)
    env = os.environ.get(FLOWS_ENV)
    return Path(env) if env else files.shipped_pack_dir()


@cache
def load(directory: Path) -> d.Pack:
    """The pack in ``directory``; ``PackError`` (a user-facing error) when it is broken.

    From the pack cache while the pack's files are unchanged; else read and checked,
    then cached.
    """
    from eportguide import pack_cache

    prints = pack_cache.fingerprint(directory)
    pack = pack_cache.read(directory, prints)
    if pack is None:
        from eportguide.model.loader import load_pack

        pack = load_pack(directory)
        pack_cache.write(directory, pack, prints)
    return pack


def get_flow(pack: d.Pack, flow_id: str) -> d.Flow:
    """The flow with this id, or a usage error naming the closest ids."""
    flow = pack.flows.get(flow_id)
    if flow is not None:
        return flow
    import difflib

    close = difflib.get_close_matches(flow_id, list(pack.flows), n=3, cutoff=0.4)
    hint = w.DID_YOU_MEAN.format(ids=w.LIST_SEPARATOR.join(close)) if close else w.SEE_LIST
    raise UsageError(w.UNKNOWN_PROCEDURE.format(id=flow_id), hint)

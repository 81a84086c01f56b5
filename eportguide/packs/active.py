"""Which flows pack is active, and loading it once per process."""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from eportguide.errors import UsageError
from eportguide.i18n import language
from eportguide.i18n import wording as w
from eportguide.model import files
from eportguide.model.findings import PackError

if TYPE_CHECKING:
    from eportguide.model import definitions as d
    from eportguide.search.matching import Index

FLOWS_ENV = "EPORTGUIDE_FLOWS"


def pack_dir(option: Path | str | None = None, environ: Mapping[str, str] = os.environ) -> Path:
    """``--flows DIR``, else ``$EPORTGUIDE_FLOWS``, else the shipped pack."""
    if option is not None:
        return Path(option)
    env = environ.get(FLOWS_ENV)
    return Path(env) if env else files.shipped_pack_dir()


def load(directory: Path, spoken: str | None = None) -> d.Pack:
    """The pack in ``directory``, its texts in the language spoken (``language.current()``,
    or ``spoken``); ``PackError`` (a user-facing error) when it is broken.

    A pack without a translation into that language is shown as written.
    """
    spoken = spoken or language.current()
    translated = spoken != language.CHINESE and files.has_translation(directory, spoken)
    return _load(directory, spoken if translated else None)


@functools.cache
def _load(directory: Path, translation: str | None) -> d.Pack:
    """From the pack cache while the pack's files (and the translation's) are unchanged;
    else read and checked, then cached."""
    from eportguide.packs import cache

    prints = cache.fingerprint(directory, translation)
    pack = cache.read(directory, prints, translation)
    if pack is None:
        if translation is None:
            from eportguide.model.loader import load_pack

            pack = load_pack(directory)
        else:
            from eportguide.model.translations import apply

            pack = apply.load(directory, translation)
        cache.write(directory, pack, prints, translation)
    return pack


def forget() -> None:
    """Load every pack from the disk again (tests: as a new process would)."""
    _load.cache_clear()


def in_every_language(directory: Path) -> tuple[d.Pack, ...]:
    """The pack in the language spoken, then in each other language it has: what search reads,
    so that a caller's words rank the same whichever language the help desk speaks."""
    spoken = load(directory)
    if spoken.original is not None:
        return (spoken, spoken.original)
    found = {id(spoken): spoken}
    for other in language.LANGUAGES:
        if other != language.current():
            try:
                pack = load(directory, other)
            except PackError:  # a broken translation is validate's to report, not a reason to refuse a search
                continue
            found.setdefault(id(pack), pack)
    return tuple(found.values())


def searchable(directory: Path) -> tuple[d.Pack, Index]:
    """The pack in the language spoken, and the search index over it in every language it
    has (``in_every_language``): kept in the pack cache while no file of the pack or of a
    translation changed, since making it rewrites every flow's texts."""
    from eportguide.packs import cache
    from eportguide.search.matching import Index

    pack = load(directory)
    others = tuple(other for other in language.LANGUAGES if other != language.CHINESE and files.has_translation(directory, other))
    prints = cache.index_fingerprint(directory, others)
    kept = cache.read_index(directory, language.current(), prints)
    if kept is not None:
        try:
            return pack, Index.from_data(pack, kept)
        except (TypeError, ValueError, KeyError):  # not the shape it was written in: make it again
            pass
    spoken, *also = in_every_language(directory)
    index = Index(spoken, also)
    cache.write_index(directory, language.current(), prints, index.as_data())
    return pack, index


def get_flow(pack: d.Pack, flow_id: str) -> d.Flow:
    """The flow with this id, or a usage error naming the closest ids."""
    flow = pack.flows.get(flow_id)
    if flow is not None:
        return flow
    import difflib

    close = difflib.get_close_matches(flow_id, list(pack.flows), n=3, cutoff=0.4)
    hint = w.DID_YOU_MEAN.format(ids=w.LIST_SEPARATOR.join(close)) if close else w.SEE_LIST
    raise UsageError(w.UNKNOWN_PROCEDURE.format(id=flow_id), hint)

"""The search misses: what callers said that search did not answer, for a pack's author.

Each record is one line of JSON in ``<home>/search-misses.jsonl`` (the user data
directory, as for sessions; ``$EPORTGUIDE_HOME`` in tests): the words, the procedure
finally chosen (None when none was), what happened (``none``: nothing found;
``browsed``: the agent browsed to a procedure after nothing was found; ``runner-up``:
the agent picked a suggestion after the first), the language spoken and the time.
Nothing else: no session, no enterprise, no user name.

The file is created 0600 and each record is appended with one ``write`` to a file
opened with O_APPEND, so that two help-desk windows writing at once do not interleave
within a line. ``EPORTGUIDE_SEARCH_LOG=0`` turns the log off. A data directory that
cannot be written never stops a search: the record is dropped, silently.

The log sits behind a small interface (``append``, ``read``) so that another store (a
shared database) can take its place.
"""

from __future__ import annotations

import contextlib
import json
import os
from datetime import datetime
from pathlib import Path
from typing import NamedTuple, Protocol

FILE_NAME = "search-misses.jsonl"
SWITCH_ENV = "EPORTGUIDE_SEARCH_LOG"
NOTHING_FOUND, BROWSED, RUNNER_UP = "none", "browsed", "runner-up"
KINDS = (NOTHING_FOUND, BROWSED, RUNNER_UP)


class Miss(NamedTuple):
    words: str
    kind: str  # one of KINDS
    chosen: str | None  # the procedure finally chosen
    language: str
    time: str  # ISO 8601, local time with its offset


class MissLog(Protocol):
    """Where misses are kept: a local file now, perhaps a shared store later."""

    def append(self, record: Miss) -> None: ...

    def read(self) -> list[Miss]: ...


class LocalMissLog:
    """The misses as JSON lines in a file of the user data directory."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            from eportguide.store import sessions  # its home only: a search that found something loads neither

            path = sessions.home() / FILE_NAME
        self.path = path

    def append(self, record: Miss) -> None:
        line = (json.dumps(record._asdict(), ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        with contextlib.suppress(OSError, ValueError):
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0)
            handle = os.open(self.path, flags, 0o600)
            try:
                os.write(handle, line)  # one write of a whole line: appended whole
            finally:
                os.close(handle)

    def read(self) -> list[Miss]:
        """Every record readable in the file, oldest first; lines that are not a record are skipped."""
        try:
            lines = self.path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return []
        found: list[Miss] = []
        for line in lines:
            try:
                data = json.loads(line)
                record = Miss(str(data["words"]), str(data["kind"]), data.get("chosen"), str(data.get("language", "")), str(data["time"]))
            except (ValueError, KeyError, TypeError, AttributeError):
                continue
            if record.words.strip() and record.kind in KINDS and (record.chosen is None or isinstance(record.chosen, str)):
                found.append(record)
        return found


def enabled() -> bool:
    return os.environ.get(SWITCH_ENV, "").strip() != "0"


def log() -> MissLog:
    return LocalMissLog()


def note(words: str, kind: str, chosen: str | None, language: str) -> None:
    """Append one miss, unless the log is turned off; never fails."""
    if not enabled() or not words.strip():
        return
    with contextlib.suppress(OSError, ValueError, RuntimeError):
        log().append(Miss(" ".join(words.split()), kind, chosen, language, datetime.now().astimezone().isoformat(timespec="seconds")))


class Group(NamedTuple):
    words: str
    times: int  # calls that used these words
    chosen: str | None  # the procedure chosen last for these words
    last: str  # when last seen


def grouped(records: list[Miss]) -> list[Group]:
    """The misses by their words (as typed, spaces made single), most frequent first; each
    with the procedure finally chosen for them (the latest choice made)."""
    groups: dict[str, list[Miss]] = {}
    for record in records:
        groups.setdefault(record.words, []).append(record)
    result = []
    for words, found in groups.items():
        chosen = next((r.chosen for r in reversed(found) if r.chosen), None)
        # a browse after "nothing found" is the same call: count the words once per call
        calls = sum(1 for r in found if r.kind != BROWSED) or len(found)
        result.append(Group(words, calls, chosen, max(r.time for r in found)))
    return sorted(result, key=lambda g: (-g.times, g.chosen or "\uffff", g.words))

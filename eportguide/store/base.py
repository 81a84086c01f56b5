"""The store interface (issue 26): what every session store offers, whatever keeps the data.

The local file store (``sessions.Store``) is the default and needs nothing; a team store
(PostgreSQL) offers the same calls. One driver at a time: ``claim`` takes a session for
an agent, ``save`` refreshes the claim (its heartbeat), ``release`` gives it back; a claim
whose heartbeat is older than ``CLAIM_TTL_SECONDS`` (or whose process is gone, on the same
machine) has been left by a crash and is taken over.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from typing import TYPE_CHECKING, NamedTuple, Protocol

from eportguide.errors import UsageError

if TYPE_CHECKING:
    from eportguide.store.sessions import Cleared, CorruptSession, Session

AGENT_ENV = "EPORTGUIDE_AGENT"
#: A claim not refreshed for this long was left by a process that died (a save refreshes it).
CLAIM_TTL_SECONDS = 600


class Claim(NamedTuple):
    session_id: str
    agent: str
    host: str
    pid: int
    since: str  # ISO 8601, when the claim was taken
    heartbeat: float  # seconds since the epoch, refreshed on every save


class ClaimConflict(UsageError):
    """The session is being handled by someone else (exit 2)."""

    def __init__(self, claim: Claim) -> None:
        from eportguide.i18n import wording as w

        self.claim = claim
        since = claim.since[11:16] if len(claim.since) >= 16 else claim.since
        super().__init__(
            w.SESSION_CLAIMED.format(id=claim.session_id, agent=claim.agent, since=since),
            w.SESSION_CLAIMED_HINT.format(minutes=CLAIM_TTL_SECONDS // 60),
        )


class SessionStore(Protocol):
    """What the commands use; the file store and the PostgreSQL store both offer it."""

    def new(self, flow_id: str, pack_dir: os.PathLike[str]) -> Session: ...
    def save(self, session: Session) -> Session: ...
    def load(self, session_id: str) -> Session: ...
    def all(self) -> tuple[list[Session], list[CorruptSession]]: ...
    def clear(self, keep: Collection[str] = ()) -> Cleared: ...
    def claim(self, session_id: str, agent: str) -> Claim: ...
    def release(self, session_id: str) -> None: ...


def agent() -> str:
    """Who is at the keyboard: ``$EPORTGUIDE_AGENT``, else the login name."""
    configured = os.environ.get(AGENT_ENV, "").strip()
    if configured:
        return configured
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no login name (a container without a passwd entry): still someone
        return "?"

"""Saved runs: the answer log of each interactive run, so that a cut-off call can resume.

A session is one UTF-8 JSON file under ``<home>/sessions/`` (``<home>`` is
``$EPORTGUIDE_HOME`` or the platform's user data directory): the flow id, a hash of the
flow file it was saved against, the answer log, when it was created and last updated,
the flows pack it ran from, the language it was started in (``resume`` speaks it), and
whether it reached its outcome. Nothing else: no flow
asks for a password, and ``save`` refuses an answer whose key names one.

Files are written atomically (a temporary file in the same directory, then
``os.replace``) and readable by their owner only. A file that cannot be read or parsed
is renamed aside to ``*.corrupt`` and reported; it never stops anything.

The directory may be shared (a help desk's common home): a file that is not owned by
the current user (nor a symbolic link of theirs, nor a link to a file of theirs) is never
read, never renamed and never trusted for its pack path; it is reported, and left where it is.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
from collections.abc import Callable, Collection, Mapping
from datetime import datetime
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from eportguide.errors import UsageError, os_reason
from eportguide.i18n import language
from eportguide.model import answer_key

if TYPE_CHECKING:
    from eportguide.errors import Interrupted
    from eportguide.store.base import Claim

HOME_ENV = "EPORTGUIDE_HOME"
APP_NAME = "eportguide"
SUBDIRECTORY = "sessions"
SUFFIX = ".json"
CORRUPT_SUFFIX = ".corrupt"
CLAIM_SUFFIX = ".claim"
TEMPORARY_PREFIX, TEMPORARY_SUFFIX = ".", ".tmp"
FORMAT_VERSION = 1
#: Largest session file read: a real one holds a few answers (a few kilobytes).
MAX_SESSION_BYTES = 1_000_000
#: A temporary file this old was left by a save that was killed (a save takes milliseconds).
STALE_SECONDS = 600
#: Answer keys that would hold a secret; no flow has one, and none may be saved.
#: (Patterns here are compiled when first used, re keeps them: a run that saves nothing uses none.)
SECRET_KEY = r"(?:^|_)(?:password|passwd|passcode|pin)(?:_|$)|密码|口令"
_NAME = r"[A-Za-z0-9][A-Za-z0-9._-]*"


class SessionError(UsageError):
    """A session that cannot be used; ``message`` is for the user."""


class CorruptSession(SessionError):
    """A session file that could not be read or parsed; it has been set aside."""

    def __init__(self, path: Path, reason: str, moved_to: Path | None) -> None:
        from eportguide.i18n import wording as w

        self.path = path
        self.moved_to = moved_to
        where = w.SESSION_SET_ASIDE.format(path=moved_to) if moved_to is not None else ""
        super().__init__(w.SESSION_CORRUPT.format(path=path, reason=reason) + where)


class ForeignSession(CorruptSession):
    """A session file owned by another user: never read, never renamed."""

    def __init__(self, path: Path) -> None:
        from eportguide.i18n import wording as w

        self.path = path
        self.moved_to = None
        UsageError.__init__(self, w.SESSION_FOREIGN.format(path=path))


def is_foreign(path: Path) -> bool:
    """Whether ``path``, or what it links to, is owned by someone else (POSIX; on Windows ACLs guard the profile)."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:
        return False
    me = getuid()
    try:
        if os.lstat(path).st_uid != me:
            return True
        return os.stat(path).st_uid != me
    except OSError:
        return False  # gone, or a dangling link: the reader reports it


def moment(stamp: str) -> float:
    """An ISO 8601 time as seconds since the epoch (a time without offset is local time)."""
    try:
        return datetime.fromisoformat(stamp).timestamp()
    except (ValueError, OverflowError, OSError):
        return float("-inf")


class Session(NamedTuple):
    id: str
    flow_id: str
    flow_hash: str
    pack_dir: str
    created: str  # ISO 8601, local time with offset
    updated: str
    answers: Mapping[str, str] = MappingProxyType({})
    done: bool = False
    note: str = ""  # what tells this call apart: the caller's words in triage, or --note
    outcome: str = ""  # the outcome's title, once done
    language: str = language.CHINESE  # the one it was started in; files from before issue 15 have none: Chinese
    # The call record (issue 26); files from before have none of these.
    agent: str = ""  # who handled it last
    ticket: str = ""  # the help desk's ticket number, --ticket
    caller: str = ""  # the caller (company, phone), --caller
    segments: tuple[Mapping[str, str], ...] = ()  # each agent's stretch of the call: {"agent", "start", "end"}

    @property
    def tag(self) -> str:
        """The random tag that ends the id (``…-c968``): enough to name the session."""
        return self.id.rsplit("-", 1)[-1]

    def as_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT_VERSION,
            "id": self.id,
            "flow": self.flow_id,
            "flow_hash": self.flow_hash,
            "pack": self.pack_dir,
            "created": self.created,
            "updated": self.updated,
            "done": self.done,
            "answers": dict(self.answers),
            "note": self.note,
            "outcome": self.outcome,
            "language": self.language,
            "agent": self.agent,
            "ticket": self.ticket,
            "caller": self.caller,
            "segments": [dict(segment) for segment in self.segments],
        }


def home(environ: Mapping[str, str] = os.environ) -> Path:
    """``$EPORTGUIDE_HOME``, else the platform's user data directory for eportguide."""
    configured = environ.get(HOME_ENV)
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def flow_hash(pack_dir: Path, flow_id: str) -> str:
    """The SHA-256 of the flow's file, to tell whether it changed since a save."""
    import hashlib  # loads OpenSSL: only when a session is saved or resumed

    try:
        data = (pack_dir / f"{flow_id}.yaml").read_bytes()
    except OSError:
        return ""
    return "sha256:" + hashlib.sha256(data).hexdigest()


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def is_secret(key: str) -> bool:
    return re.search(SECRET_KEY, answer_key.field_name(key), re.IGNORECASE) is not None


def _without_secrets(answers: Mapping[str, str]) -> dict[str, str]:
    """The answers minus any that look like a password: never written to disk.

    No shipped flow asks for one (a test says so); a pack that does still runs, and its
    resumed session simply asks that question again.
    """
    return {key: value for key, value in answers.items() if not is_secret(key)}


def _is_text(value: object) -> bool:
    """A string that can be written back as UTF-8: JSON's ``"\\ud800"`` escape cannot."""
    if not isinstance(value, str):
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _parse(data: Any) -> Session:
    if not isinstance(data, dict) or data.get("format") != FORMAT_VERSION:
        raise ValueError("not an eportguide session")
    answers = data.get("answers")
    if not isinstance(answers, dict) or not all(_is_text(k) and _is_text(v) for k, v in answers.items()):
        raise ValueError("answers are not a mapping of text to text")
    if any(is_secret(key) for key in answers):
        raise ValueError("holds an answer that looks like a password")
    texts = {name: data.get(name) for name in ("id", "flow", "flow_hash", "pack", "created", "updated")}
    if not all(_is_text(value) for value in texts.values()) or not isinstance(data.get("done"), bool):
        raise ValueError("a field is missing or of the wrong type")
    for stamp in ("created", "updated"):
        datetime.fromisoformat(str(texts[stamp]))  # ValueError: not a time, a corrupt file
    added = {name: data.get(name, "") for name in ("note", "outcome", "agent", "ticket", "caller")}  # absent from older files
    segments = data.get("segments", [])
    if not isinstance(segments, list) or not all(
        isinstance(segment, dict) and set(segment) == {"agent", "start", "end"} and all(_is_text(v) for v in segment.values())
        for segment in segments
    ):
        raise ValueError("segments are not a list of agent, start and end")
    spoken = data.get("language", language.CHINESE)
    if not all(isinstance(value, str) for value in (*added.values(), spoken)):
        raise ValueError("a field is of the wrong type")
    return Session(
        id=str(texts["id"]),
        flow_id=str(texts["flow"]),
        flow_hash=str(texts["flow_hash"]),
        pack_dir=str(texts["pack"]),
        created=str(texts["created"]),
        updated=str(texts["updated"]),
        answers=dict(answers),
        done=bool(data["done"]),
        note=str(added["note"]),
        outcome=str(added["outcome"]),
        language=spoken if spoken in language.LANGUAGES else language.CHINESE,  # one a later version speaks
        agent=str(added["agent"]),
        ticket=str(added["ticket"]),
        caller=str(added["caller"]),
        segments=tuple(dict(segment) for segment in segments),
    )


class Store:
    """The session files in one directory."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory if directory is not None else home() / SUBDIRECTORY

    def path(self, session_id: str) -> Path:
        return self.directory / (session_id + SUFFIX)

    def new(self, flow_id: str, pack_dir: Path) -> Session:
        """A session not yet written; its id is its start time, flow and a random tag.

        The tag keeps two runs started in the same second apart: the file is written
        only at the first answer, so checking for an existing file would race.
        """
        import secrets

        started = datetime.now()
        session_id = f"{started:%Y%m%d-%H%M%S}-{flow_id}-{secrets.token_hex(2)}"
        while _exists(self.path(session_id)):
            session_id = f"{started:%Y%m%d-%H%M%S}-{flow_id}-{secrets.token_hex(2)}"
        stamp = now()
        spoken = language.current()
        return Session(session_id, flow_id, flow_hash(pack_dir, flow_id), str(pack_dir.resolve()), stamp, stamp, language=spoken)

    def save(self, session: Session) -> Session:
        """Write the session atomically, readable by its owner only; OSError if impossible."""
        import tempfile

        session = session._replace(answers=_without_secrets(session.answers))
        session = session._replace(updated=now())
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        text = json.dumps(session.as_json(), ensure_ascii=False, indent=2) + "\n"
        # mkstemp creates the file with mode 0600 in the same directory, so that
        # os.replace is an atomic rename and the file is never readable by others.
        handle, temporary = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, suffix=TEMPORARY_SUFFIX, dir=self.directory)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            _owner_only(Path(temporary))
            os.replace(temporary, self.path(session.id))
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        self._refresh(session.id)
        return session

    # --- claims: one driver at a time ---------------------------------------------------

    def claim_path(self, session_id: str) -> Path:
        return self.directory / (session_id + CLAIM_SUFFIX)

    def claim(self, session_id: str, agent: str) -> Claim:
        """Take the session for ``agent`` (this process); ``ClaimConflict`` if someone else holds it.

        The claim file is created exclusively (``O_EXCL``): of two agents racing, one wins.
        A claim left by a crash (heartbeat older than the TTL, or a process gone on this
        machine) is removed and taken over.
        """
        import socket

        from eportguide.store.base import Claim, ClaimConflict

        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        mine = Claim(session_id, agent, socket.gethostname(), os.getpid(), now(), _clock())
        for _attempt in range(3):
            held = self.holder(session_id)
            if held is not None:
                if (held.host, held.pid) == (mine.host, mine.pid):
                    return held
                if not _is_stale(held):
                    raise ClaimConflict(held)
                with contextlib.suppress(OSError):
                    self.claim_path(session_id).unlink()
            try:
                handle = os.open(self.claim_path(session_id), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                continue  # another agent won the race: look again
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(mine._asdict(), out, ensure_ascii=False)
            return mine
        held = self.holder(session_id)
        raise ClaimConflict(held if held is not None else mine)

    def holder(self, session_id: str) -> Claim | None:
        """The claim on the session, if any (a claim file of another user's counts as held)."""
        from eportguide.store.base import Claim

        path = self.claim_path(session_id)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return Claim(**{name: data[name] for name in Claim._fields})
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            # unreadable or half-written: treat as stale once old enough, held until then
            try:
                age_base = path.stat().st_mtime
            except OSError:
                return None
            return Claim(session_id, "?", "?", -1, "", age_base)

    def release(self, session_id: str) -> None:
        """Give the session back, if this process holds it."""
        held = self.holder(session_id)
        if held is not None and held.pid == os.getpid():
            with contextlib.suppress(OSError):
                self.claim_path(session_id).unlink()

    def _refresh(self, session_id: str) -> None:
        """A save is a heartbeat: the claim of this process is dated now."""
        held = self.holder(session_id)
        if held is None or held.pid != os.getpid():
            return
        with contextlib.suppress(OSError):
            os.utime(self.claim_path(session_id))
            text = json.dumps(held._replace(heartbeat=_clock())._asdict(), ensure_ascii=False)
            temporary = self.claim_path(session_id).with_name(TEMPORARY_PREFIX + session_id + CLAIM_SUFFIX + TEMPORARY_SUFFIX)
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, self.claim_path(session_id))

    def load(self, session_id: str) -> Session:
        """The named session; ``SessionError`` if there is none, ``CorruptSession`` if broken."""
        from eportguide.i18n import wording as w

        if not re.fullmatch(_NAME, session_id):
            raise SessionError(w.SESSION_NOT_FOUND.format(name=session_id), w.SESSION_NOT_FOUND_HINT)
        path = self.path(session_id)
        if not _exists(path):
            matches = [name for name in self._names() if _names_it(session_id, name)]
            if len(matches) > 1:
                listed = "".join(f"\n  {name}" for name in matches)
                raise SessionError(w.SESSION_AMBIGUOUS.format(name=session_id, count=len(matches)) + listed, w.SESSION_AMBIGUOUS_HINT)
            if not matches:
                raise SessionError(w.SESSION_NOT_FOUND.format(name=session_id), w.SESSION_NOT_FOUND_HINT)
            path = self.path(matches[0])
        return self._read(path)

    def all(self) -> tuple[list[Session], list[CorruptSession]]:
        """Every readable session, most recently updated first, and those set aside.

        Temporary files that killed saves left behind are swept on the way.
        """
        self.sweep()
        sessions: list[Session] = []
        problems: list[CorruptSession] = []
        for name in self._names():
            try:
                sessions.append(self._read(self.path(name)))
            except CorruptSession as problem:
                problems.append(problem)
            except SessionError:
                continue  # removed meanwhile
        # Real time, not text: "…T10:00+08:00" and "…T03:30+00:00" do not sort as strings do.
        sessions.sort(key=lambda s: (moment(s.updated), s.id), reverse=True)
        return sessions, problems

    def clear(self, keep: Collection[str] = ()) -> Cleared:
        """Remove every session file — saved, set aside, and the temporary ones of killed
        saves — but the sessions whose id is in ``keep``.

        What only looks like one (a directory named ``x.json``) is left and named; a file
        that cannot be removed is named with the reason, and the others are still removed.
        """
        cleared = Cleared()
        if not _is_dir(self.directory):
            return cleared
        for path in sorted(self.directory.iterdir()):
            if not (_is_temporary(path.name) or (path.name.endswith((SUFFIX, SUFFIX + CORRUPT_SUFFIX)) and not path.name.startswith("."))):
                continue
            if path.name.removesuffix(SUFFIX) in keep:
                continue
            if not path.is_file():
                cleared.not_sessions.append(path)
                continue
            try:
                path.unlink(missing_ok=True)
            except OSError as exc:
                cleared.failed.append((path, os_reason(exc)))
                continue
            cleared.removed += 1
        return cleared

    def sweep(self) -> None:
        """Remove the temporary files of saves killed before their rename (never a live one)."""
        import time

        if not _is_dir(self.directory):
            return
        stale_before = time.time() - STALE_SECONDS
        with contextlib.suppress(OSError):
            for path in self.directory.iterdir():
                with contextlib.suppress(OSError):
                    if _is_temporary(path.name) and path.is_file() and path.stat().st_mtime < stale_before:
                        path.unlink()

    def _names(self) -> list[str]:
        if not _is_dir(self.directory):
            return []
        return sorted(p.name.removesuffix(SUFFIX) for p in self.directory.glob("*" + SUFFIX) if not p.name.startswith("."))

    def _read(self, path: Path) -> Session:
        from eportguide.i18n import wording as w

        if is_foreign(path):
            raise ForeignSession(path)
        try:
            from eportguide.model import reading

            try:
                raw = reading.read_bytes(path, MAX_SESSION_BYTES)
            except reading.TooLarge:
                raise CorruptSession(path, w.FILE_TOO_LARGE.format(limit=MAX_SESSION_BYTES), _set_aside(path)) from None
            session = _parse(json.loads(raw.decode("utf-8")))
        except FileNotFoundError:
            raise SessionError(w.SESSION_NOT_FOUND.format(name=path.stem), w.SESSION_NOT_FOUND_HINT) from None
        except OSError as exc:
            raise CorruptSession(path, os_reason(exc), _set_aside(path)) from None
        except (ValueError, RecursionError):  # not UTF-8, not JSON, nested too deep, or not the shape of a session
            raise CorruptSession(path, w.SESSION_NOT_A_SESSION, _set_aside(path)) from None
        if session.id != path.stem:
            session = session._replace(id=path.stem)  # the file name is what users type
        return session


def _clock() -> float:
    import time

    return time.time()


def _is_stale(claim: Claim) -> bool:
    """A claim its holder can no longer refresh: too old, or its process gone on this machine."""
    import socket

    from eportguide.store.base import CLAIM_TTL_SECONDS

    if _clock() - claim.heartbeat > CLAIM_TTL_SECONDS:
        return True
    if claim.host == socket.gethostname() and claim.pid > 0:
        return not _alive(claim.pid)
    return False


def _alive(pid: int) -> bool:
    """Whether a process of this machine is running (POSIX: signal 0; elsewhere: assume so until the TTL)."""
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: alive
    return True


def _names_it(name: str, session_id: str) -> bool:
    """Whether ``name`` names the session: the start of its id, or its random tag alone."""
    return session_id.startswith(name) or session_id.rsplit("-", 1)[-1] == name


class Cleared:
    """What ``Store.clear`` did: files removed, entries left as not session files, failures.

    A plain class: every run imports this module, and ``dataclasses`` is an import of its own.
    """

    def __init__(self) -> None:
        self.removed = 0
        self.not_sessions: list[Path] = []
        self.failed: list[tuple[Path, str]] = []


def _is_dir(path: Path) -> bool:
    """Whether a directory is there; a name too long for the file system names none."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def _exists(path: Path) -> bool:
    """Whether a file is there; a name too long for the file system names none."""
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


def _is_temporary(name: str) -> bool:
    return name.startswith(TEMPORARY_PREFIX) and name.endswith(TEMPORARY_SUFFIX)


def _owner_only(path: Path) -> None:
    # Windows: chmod can only set read-only there; the user's profile ACLs protect the file.
    with contextlib.suppress(OSError, NotImplementedError):
        os.chmod(path, 0o600)


def _set_aside(path: Path) -> Path | None:
    """Rename a broken session file so that it is reported once, not on every command."""
    if is_foreign(path):
        return None  # another user's file is never renamed
    target = path.with_name(path.name + CORRUPT_SUFFIX)
    try:
        os.replace(path, target)
    except OSError:
        return None
    return target


class Recorder:
    """Saves one run's answer log after every answer.

    A run is never stopped by its session: when the file cannot be written, ``warn`` is
    told once and the run goes on unsaved. Disabled (``--no-save``, or a run that cannot
    prompt), it only hands out the answers it started from.
    """

    def __init__(self, store: Store | None, session: Session, enabled: bool, warn: Callable[[str], None]) -> None:
        self.store = store
        self.session = session
        self.enabled = enabled and store is not None
        self.warn = warn
        self.saved = False  # the session's file exists and holds the latest answers
        self.failed = False

    @property
    def answers(self) -> dict[str, str]:
        return dict(self.session.answers)

    def save(self, answers: Mapping[str, str]) -> None:
        self.session = self.session._replace(answers=dict(answers))
        self._write()

    def _end_segment(self) -> None:
        """This agent's stretch of the call lasts until now."""
        if self.session.segments:
            *before, last = self.session.segments
            self.session = self.session._replace(segments=(*before, {**last, "end": now()}))

    def finish(self, outcome: str = "") -> None:
        """Mark the session done, reaching ``outcome`` (a run that asked nothing leaves no session)."""
        self.session = self.session._replace(done=True, outcome=outcome)
        if self.saved or self.session.answers:
            self._write()

    def discard(self) -> None:
        """Remove this run's session file: the user left the flow with nothing answered."""
        if self.saved and self.store is not None:
            with contextlib.suppress(OSError):
                self.store.path(self.session.id).unlink(missing_ok=True)
            self.saved = False

    def resume_command(self) -> str | None:
        """How to continue this run later, if it has been saved."""
        from eportguide.i18n import wording as w

        return w.RESUME_COMMAND.format(id=self.session.id) if self.saved else None

    def _write(self) -> None:
        if not self.enabled or self.failed or self.store is None:
            return
        from eportguide.i18n import wording as w

        self._end_segment()
        try:
            self.session = self.store.save(self.session)
            self.saved = True
        except (OSError, UnicodeEncodeError) as exc:  # the latter: a pack path of bytes that are not UTF-8
            self.failed, self.saved = True, False
            reason = os_reason(exc) if isinstance(exc, OSError) else str(exc)
            self.warn(w.SESSION_NOT_SAVED.format(path=self.store.directory, reason=reason))


def recorder(
    session: Session | None,
    flow_id: str,
    pack_dir: Path,
    enabled: bool,
    note: str = "",
    store: Store | None = None,
    ticket: str = "",
    caller: str = "",
) -> Recorder:
    """The recorder of a run: a new session (with ``note``), or the resumed one (now against
    this flow), in ``store`` (the sessions of the home directory by default).

    Either way the run is a new segment of the call, by the agent at the keyboard; a
    ``ticket`` or ``caller`` given now is recorded (a resumed call keeps its own otherwise).
    """
    from eportguide.store import base

    if not enabled and session is None:  # touch no disk for a run that is not saved
        return Recorder(None, Session("", flow_id, "", str(pack_dir), "", ""), False, _warn)
    store = Store() if store is None else store
    if enabled:
        store.sweep()
    if session is None:
        session = store.new(flow_id, pack_dir)._replace(note=note)
    else:
        session = session._replace(flow_hash=flow_hash(pack_dir, flow_id), pack_dir=str(pack_dir.resolve()))
    who, stamp = base.agent(), now()
    session = session._replace(
        agent=who,
        ticket=ticket or session.ticket,
        caller=caller or session.caller,
        segments=(*session.segments, {"agent": who, "start": stamp, "end": stamp}),
    )
    return Recorder(store, session, enabled, _warn)


def with_resume_hint(stop: Interrupted, recorder: Recorder) -> Interrupted:
    """The interruption, telling the user how to continue when the run was saved."""
    from eportguide.errors import Interrupted
    from eportguide.i18n import wording as w

    command = recorder.resume_command()
    if command is None or recorder.store is None:
        return stop
    where = recorder.store.path(recorder.session.id)
    return Interrupted(stop.message, w.RESUME_HINT.format(path=where, command=command))


def report_problems(problems: list[CorruptSession]) -> None:
    """Set-aside session files are told about once, on stderr; they stop nothing."""
    for problem in problems:
        _warn(problem.message)


def _warn(message: str) -> None:
    print(message, file=sys.stderr)

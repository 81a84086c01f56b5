"""Open procedures: what a finished run left the clerk to do, followed to the end.

A case is one JSON file under ``<home>/cases/`` (``<home>`` as for sessions), named by
the id of the run's session (``20250303-091500-unlock-card-c968``; a scripted run gets
an id of the same shape). It holds what ``eportguide cases`` shows without the pack:
the procedure and its outcome, the enterprise, the steps (each ticked with its time or
not), the expected dates and whether they are an estimate, the hotline, the answers
(to write the e-mail draft again), the draft's path and attachments, the tracking
number once known, and when it was closed. A closed case is kept until ``--clear``.

Written atomically, owner-only (``records``); a file that cannot be read is set aside
as ``*.corrupt`` and reported, and stops nothing.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from datetime import date, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from eportguide.errors import os_reason
from eportguide.i18n import language
from eportguide.i18n import wording as w
from eportguide.store import records
from eportguide.store.records import RecordError

SUBDIRECTORY = "cases"
SUFFIX = ".json"
FORMAT_VERSION = 1
#: The answer whose value names the enterprise (the e-mail's subject names it too).
ENTERPRISE_FIELD = "enterprise"
_NAME = r"[A-Za-z0-9][A-Za-z0-9._-]*"


class CaseError(RecordError):
    """A case that cannot be used (none by that name, two by it)."""


class CorruptCase(CaseError):
    """A case file that could not be read or parsed; it has been set aside."""

    def __init__(self, path: Path, reason: str, moved_to: Path | None) -> None:
        self.path = path
        where = w.SESSION_SET_ASIDE.format(path=moved_to) if moved_to is not None else ""
        super().__init__(w.CASE_CORRUPT.format(path=path, reason=reason) + where)


class Step(NamedTuple):
    text: str
    section: str | None = None  # the part's title when a sub-flow contributed the step
    done: str = ""  # when it was ticked (ISO 8601), "" while still to do


class Dates(NamedTuple):
    """The expected completion window, as the run's result counted it."""

    start: date  # the day counted from (not itself counted)
    earliest: date
    latest: date
    estimated: bool  # counted without an announced holiday arrangement: 估算, not 预计
    what: str = ""  # what is done in that time, e.g. 电子口岸制卡
    limit: str = ""  # the time limit as the source says it, e.g. 1-2个工作日


class Phone(NamedTuple):
    label: str
    value: str


class Case(NamedTuple):
    id: str
    flow_id: str
    flow_title: str
    outcome_title: str
    pack_dir: str
    created: str  # ISO 8601, local time with offset
    updated: str
    enterprise: str = ""
    steps: tuple[Step, ...] = ()
    dates: Dates | None = None
    phones: tuple[Phone, ...] = ()  # whom to call when it is overdue (the pack's hotline)
    answers: Mapping[str, str] = MappingProxyType({})
    draft: str = ""  # the e-mail draft written, if any
    attachments: tuple[str, ...] = ()  # the files put into it
    tracking_number: str = ""
    sent: str = ""  # the day the clerk sent the e-mail (ISO date), when the dates count from it
    closed: str = ""  # when it was closed (ISO 8601), "" while open
    language: str = language.CHINESE

    @property
    def tag(self) -> str:
        """The random tag that ends the id: enough to name the case."""
        return self.id.rsplit("-", 1)[-1]

    @property
    def is_open(self) -> bool:
        return not self.closed

    @property
    def next_step(self) -> tuple[int, Step] | None:
        """The first step not yet ticked, numbered from 1."""
        return next(((n, s) for n, s in enumerate(self.steps, 1) if not s.done), None)

    def overdue(self, today: date) -> bool:
        """Open, and the latest expected working day has passed."""
        return self.is_open and self.dates is not None and today > self.dates.latest

    def as_json(self) -> dict[str, Any]:
        dates = self.dates
        return {
            "format": FORMAT_VERSION,
            "id": self.id,
            "flow": self.flow_id,
            "flow_title": self.flow_title,
            "outcome": self.outcome_title,
            "pack": self.pack_dir,
            "created": self.created,
            "updated": self.updated,
            "enterprise": self.enterprise,
            "steps": [{"text": s.text, "section": s.section, "done": s.done} for s in self.steps],
            "dates": None
            if dates is None
            else {
                "start": dates.start.isoformat(),
                "earliest": dates.earliest.isoformat(),
                "latest": dates.latest.isoformat(),
                "estimated": dates.estimated,
                "what": dates.what,
                "limit": dates.limit,
            },
            "phones": [{"label": p.label, "value": p.value} for p in self.phones],
            "answers": dict(self.answers),
            "draft": self.draft,
            "attachments": list(self.attachments),
            "tracking_number": self.tracking_number,
            "sent": self.sent,
            "closed": self.closed,
            "language": self.language,
        }


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def directory() -> Path:
    from eportguide.store.sessions import home

    return home() / SUBDIRECTORY


def new_id(flow_id: str) -> str:
    """An id of a session's shape, for a run that saved none: start time, flow, random tag."""
    import secrets

    started = datetime.now()
    while True:
        case_id = f"{started:%Y%m%d-%H%M%S}-{flow_id}-{secrets.token_hex(2)}"
        if not _exists(directory() / (case_id + SUFFIX)):
            return case_id


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError("a field is not text")
    value.encode("utf-8")  # a lone surrogate cannot be written back
    return value


def _day(value: object) -> date:
    return date.fromisoformat(_text(value))


def _parse(data: Any) -> Case:
    if not isinstance(data, dict) or data.get("format") != FORMAT_VERSION:
        raise ValueError("not an eportguide case")
    steps = data.get("steps")
    if not isinstance(steps, list) or not all(isinstance(s, dict) for s in steps):
        raise ValueError("steps are not a list")
    parsed_steps = tuple(
        Step(_text(s.get("text")), None if s.get("section") is None else _text(s.get("section")), _text(s.get("done", ""))) for s in steps
    )
    raw_dates = data.get("dates")
    dates = None
    if raw_dates is not None:
        if not isinstance(raw_dates, dict) or not isinstance(raw_dates.get("estimated"), bool):
            raise ValueError("dates are not a mapping")
        dates = Dates(
            _day(raw_dates.get("start")),
            _day(raw_dates.get("earliest")),
            _day(raw_dates.get("latest")),
            bool(raw_dates["estimated"]),
            _text(raw_dates.get("what", "")),
            _text(raw_dates.get("limit", "")),
        )
    phones = data.get("phones", [])
    if not isinstance(phones, list) or not all(isinstance(p, dict) for p in phones):
        raise ValueError("phones are not a list")
    answers = data.get("answers", {})
    if not isinstance(answers, dict):
        raise ValueError("answers are not a mapping")
    attachments = data.get("attachments", [])
    if not isinstance(attachments, list):
        raise ValueError("attachments are not a list")
    for stamp in ("created", "updated"):
        datetime.fromisoformat(_text(data.get(stamp)))
    spoken = _text(data.get("language", language.CHINESE))
    return Case(
        id=_text(data.get("id")),
        flow_id=_text(data.get("flow")),
        flow_title=_text(data.get("flow_title")),
        outcome_title=_text(data.get("outcome")),
        pack_dir=_text(data.get("pack")),
        created=_text(data.get("created")),
        updated=_text(data.get("updated")),
        enterprise=_text(data.get("enterprise", "")),
        steps=parsed_steps,
        dates=dates,
        phones=tuple(Phone(_text(p.get("label")), _text(p.get("value"))) for p in phones),
        answers={_text(k): _text(v) for k, v in answers.items()},
        draft=_text(data.get("draft", "")),
        attachments=tuple(_text(a) for a in attachments),
        tracking_number=_text(data.get("tracking_number", "")),
        sent=_text(data.get("sent", "")),
        closed=_text(data.get("closed", "")),
        language=spoken if spoken in language.LANGUAGES else language.CHINESE,
    )


class Cleared:
    """What ``Store.clear`` did: cases removed, entries that are not case files, failures."""

    def __init__(self) -> None:
        self.removed = 0
        self.not_cases: list[Path] = []
        self.failed: list[tuple[Path, str]] = []


class Store:
    """The case files in one directory."""

    def __init__(self, where: Path | None = None) -> None:
        self.directory = where if where is not None else directory()

    def path(self, case_id: str) -> Path:
        return self.directory / (case_id + SUFFIX)

    def save(self, case: Case) -> Case:
        """Write the case atomically, owner-only; ``RecordError`` saying why if impossible."""
        case = case._replace(updated=now())
        records.write(self.path(case.id), case.as_json())
        return case

    def load(self, name: str) -> Case:
        """The case named by its id, the start of it, or its tag; ``CaseError`` if none or several."""
        if not re.fullmatch(_NAME, name):
            raise CaseError(w.CASE_NOT_FOUND.format(name=name), w.CASE_NOT_FOUND_HINT)
        path = self.path(name)
        if not _exists(path):
            matches = [n for n in self._names() if n.startswith(name) or n.rsplit("-", 1)[-1] == name]
            if len(matches) > 1:
                listed = "".join(f"\n  {n}" for n in matches)
                raise CaseError(w.CASE_AMBIGUOUS.format(name=name, count=len(matches)) + listed, w.CASE_NOT_FOUND_HINT)
            if not matches:
                raise CaseError(w.CASE_NOT_FOUND.format(name=name), w.CASE_NOT_FOUND_HINT)
            path = self.path(matches[0])
        return self._read(path)

    def all(self) -> tuple[list[Case], list[CorruptCase]]:
        """Every readable case, the oldest first (the one waiting longest), and those set aside."""
        found: list[Case] = []
        problems: list[CorruptCase] = []
        for name in self._names():
            try:
                found.append(self._read(self.path(name)))
            except CorruptCase as problem:
                problems.append(problem)
            except CaseError:
                continue  # removed meanwhile
        found.sort(key=lambda c: (c.created, c.id))
        return found, problems

    def clear(self, keep: Collection[str] = ()) -> Cleared:
        """Remove every case file — kept, set aside, temporary — but those whose id is in ``keep``."""
        cleared = Cleared()
        if not _is_dir(self.directory):
            return cleared
        for path in sorted(self.directory.iterdir()):
            is_case = path.name.endswith((SUFFIX, SUFFIX + ".corrupt")) and not path.name.startswith(".")
            if not (is_case or records.is_temporary(path.name)) or path.name.removesuffix(SUFFIX) in keep:
                continue
            if not path.is_file():
                cleared.not_cases.append(path)
                continue
            try:
                path.unlink(missing_ok=True)
            except OSError as exc:
                cleared.failed.append((path, os_reason(exc)))
                continue
            cleared.removed += 1
        return cleared

    def _names(self) -> list[str]:
        if not _is_dir(self.directory):
            return []
        return sorted(p.name.removesuffix(SUFFIX) for p in self.directory.glob("*" + SUFFIX) if not p.name.startswith("."))

    def _read(self, path: Path) -> Case:
        try:
            case = _parse(records.read(path))
        except FileNotFoundError:
            raise CaseError(w.CASE_NOT_FOUND.format(name=path.stem), w.CASE_NOT_FOUND_HINT) from None
        except OSError as exc:
            raise CorruptCase(path, os_reason(exc), records.set_aside(path)) from None
        except (ValueError, KeyError, RecursionError, UnicodeEncodeError):
            raise CorruptCase(path, w.CASE_NOT_A_CASE, records.set_aside(path)) from None
        return case._replace(id=path.stem)  # the file name is what users type


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError):
        return False

"""The calendar files ``eportguide calendar import`` writes, and reading them back.

A notice imported by the user is saved as ``<home>/calendar/<year>.yaml`` (``<home>`` is
``$EPORTGUIDE_HOME`` or the platform's user data directory, as for sessions), in the
format of a pack's ``_calendar.yaml`` (``holidays`` and ``workdays``: quoted
``YYYY-MM-DD`` dates), so a file can be copied into a pack as it is. ``--to FILE``
writes into a pack's file instead, keeping its comments at the top and the days of the
other years.

A front end (it reads and writes files): the engine gets the days as an ``Imported``.
PyYAML loads only when there is a file to read; a user who imported nothing costs one
failed directory listing.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from eportguide.errors import UsageError, os_reason
from eportguide.i18n import wording as w
from eportguide.workdays.dates import NO_IMPORTS, Imported

if TYPE_CHECKING:
    from eportguide.workdays.notice import Notice

SUBDIRECTORY = "calendar"
YEAR_FILE = re.compile(r"(\d{4})\.yaml")
#: Largest calendar file or notice read: a notice is a few kilobytes.
MAX_BYTES = 1_000_000
KEYS = ("holidays", "workdays")
STDIN = "-"


HOME_ENV = "EPORTGUIDE_HOME"  # as for sessions (not imported: calendar has no use for them)
APP_NAME = "eportguide"


def home() -> Path:
    """``$EPORTGUIDE_HOME``, else the platform's user data directory: ``sessions.home()``."""
    configured = os.environ.get(HOME_ENV)
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def directory() -> Path:
    return home() / SUBDIRECTORY


def year_file(year: int) -> Path:
    return directory() / f"{year}.yaml"


def load() -> Imported:
    """Every notice the user imported; none when the directory does not exist."""
    try:
        entries = sorted(entry.name for entry in os.scandir(directory()))
    except OSError:  # never imported anything (or not a directory): nothing to add
        return NO_IMPORTS
    holidays: set[date] = set()
    workdays: set[date] = set()
    files: dict[int, str] = {}
    for name in entries:
        found = YEAR_FILE.fullmatch(name)
        path = directory() / name
        if found is None or not path.is_file():
            continue
        off, working = read_days(path)
        holidays.update(off)
        workdays.update(working)
        files[int(found[1])] = str(path)
    return Imported(frozenset(holidays), frozenset(workdays), MappingProxyType(files))


def text_of(path: Path, bad: str) -> str:
    """A bounded UTF-8 text file (``-``: standard input); a problem is a usage error worded by ``bad``."""
    try:
        if str(path) == STDIN:
            raw = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            from eportguide.model import reading

            raw = reading.read_bytes(path, MAX_BYTES)
    except OSError as exc:
        raise UsageError(bad.format(path=path, reason=os_reason(exc))) from None
    if len(raw) > MAX_BYTES:
        raise UsageError(bad.format(path=path, reason=w.FILE_TOO_LARGE.format(limit=MAX_BYTES)))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(bad.format(path=path, reason=w.NOT_UTF8)) from None
    if "\x00" in text:
        raise UsageError(bad.format(path=path, reason=w.NOT_TEXT))
    return text


def read_data(path: Path) -> dict[str, Any]:
    """A calendar file's two lists, as written; a usage error naming the file if it is not one."""
    from eportguide.model import safeyaml

    text = text_of(path, w.CALENDAR_FILE_BAD)
    try:
        data = safeyaml.load_data(text) if text.strip() else {}
    except safeyaml.YAMLError:
        raise UsageError(w.CALENDAR_FILE_BAD.format(path=path, reason=w.NOT_YAML)) from None
    if data is None:
        data = {}
    shaped = isinstance(data, dict) and set(data) <= set(KEYS)
    shaped = shaped and all(isinstance(data.get(key, []), list) and all(isinstance(x, str) for x in data.get(key, [])) for key in KEYS)
    if not shaped:
        raise UsageError(w.CALENDAR_FILE_BAD.format(path=path, reason=w.CALENDAR_FILE_BAD_SHAPE))
    return {key: list(data.get(key, [])) for key in KEYS}


def read_days(path: Path) -> tuple[list[date], list[date]]:
    from eportguide.model.definitions import parse_date

    data = read_data(path)
    try:
        return [parse_date(x) for x in data["holidays"]], [parse_date(x) for x in data["workdays"]]
    except ValueError:
        raise UsageError(w.CALENDAR_FILE_BAD.format(path=path, reason=w.CALENDAR_FILE_BAD_SHAPE)) from None


def render(notice: Notice, source: str, kept: str = "", other: dict[str, list[str]] | None = None) -> str:
    """The file's text: ``kept`` (the comments a pack's file starts with), the header, then
    the days: the notice's, each with its holiday, and ``other`` years' as they were."""
    names: dict[date, str] = {}
    for item in notice.items:
        for day in (*item.days_off, *item.workdays):
            names.setdefault(day, item.name)
    lines = [kept.rstrip("\n")] if kept.strip() else []
    lines.append(w.CALENDAR_FILE_HEADER.format(year=notice.year, path=source, date=date.today().isoformat()))
    for key, days in (("holidays", notice.days_off), ("workdays", notice.workdays)):
        entries = [(day.isoformat(), f"  # {names[day]}") for day in days]
        entries += [(text, "") for text in (other or {}).get(key, [])]
        entries.sort()
        if not entries:
            lines.append(f"{key}: []")
            continue
        lines.append(f"{key}:")
        lines += [f'  - "{text}"{comment}' for text, comment in entries]
    return "\n".join(lines) + "\n"


def pack_file_text(notice: Notice, target: Path, source: str) -> str:
    """A pack's calendar file with the notice's year replaced: its leading comments and
    the other years' days are kept."""
    if not target.exists():
        return render(notice, source)
    text = text_of(target, w.CALENDAR_FILE_BAD)
    data = read_data(target)
    kept = []
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            break
        if not _is_header(line):  # the header of an earlier import is written anew
            kept.append(line)
    replaced = {day.isoformat() for day in (*notice.days_off, *notice.workdays)}
    other = {key: [x for x in data[key] if not x.startswith(str(notice.year)) and x not in replaced] for key in KEYS}
    return render(notice, source, "\n".join(kept), other)


def _is_header(line: str) -> bool:
    """Whether ``line`` is the header ``render`` writes, in either language."""
    for header in (str(w.CALENDAR_FILE_HEADER), str(w.source("CALENDAR_FILE_HEADER"))):
        pattern = re.sub(r"\\\{\w+\\\}", ".*", re.escape(header))
        if re.fullmatch(pattern, line):
            return True
    return False


def write(path: Path, text: str) -> None:
    """Write atomically: a temporary file in the same directory, then a rename."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise UsageError(w.CANNOT_WRITE.format(path=path, reason=os_reason(exc))) from None

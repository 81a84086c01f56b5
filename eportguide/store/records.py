"""One JSON record per file: written atomically (a temporary file in the same
directory, then ``os.replace``), readable by its owner only, read back bounded.

The same rules as the saved sessions (``eportguide.sessions``), kept here for the
records of ``cases`` and ``profile``, which live beside them.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from eportguide.errors import UsageError, os_reason
from eportguide.i18n import wording as w

TEMPORARY_PREFIX, TEMPORARY_SUFFIX = ".", ".tmp"
#: Largest record read: a real one holds a few kilobytes.
MAX_RECORD_BYTES = 1_000_000


class RecordError(UsageError):
    """A record that cannot be read or written; ``message`` is for the user."""


def write(path: Path, data: Any) -> None:
    """Write ``data`` as JSON at ``path`` atomically, mode 0600; ``RecordError`` if impossible."""
    import tempfile

    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # mkstemp creates the file with mode 0600 in the same directory: the rename is atomic
        # and the file is never readable by others.
        handle, temporary = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, suffix=TEMPORARY_SUFFIX, dir=path.parent)
    except OSError as exc:
        raise RecordError(w.CANNOT_WRITE.format(path=path, reason=os_reason(exc))) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        owner_only(Path(temporary))
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise RecordError(w.CANNOT_WRITE.format(path=path, reason=os_reason(exc))) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read(path: Path) -> Any:
    """The JSON at ``path``: FileNotFoundError if absent; ``ValueError`` if it is not a
    bounded UTF-8 JSON file; OSError if it cannot be read."""
    from eportguide.model import reading

    try:
        raw = reading.read_bytes(path, MAX_RECORD_BYTES)
    except (reading.NotRegular, reading.TooLarge, IsADirectoryError) as error:
        raise ValueError(error.strerror) from None
    return json.loads(raw.decode("utf-8"))


def owner_only(path: Path) -> None:
    # Windows: chmod can only set read-only there; the user's profile ACLs protect the file.
    with contextlib.suppress(OSError, NotImplementedError):
        os.chmod(path, 0o600)


def set_aside(path: Path) -> Path | None:
    """Rename a broken record so that it is reported once, not on every command."""
    target = path.with_name(path.name + ".corrupt")
    try:
        os.replace(path, target)
    except OSError:
        return None
    return target


def is_temporary(name: str) -> bool:
    return name.startswith(TEMPORARY_PREFIX) and name.endswith(TEMPORARY_SUFFIX)

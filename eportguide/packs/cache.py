"""A loaded flows pack kept as plain data in the user's cache directory.

Reading a pack means importing PyYAML, parsing a dozen files and running every check:
most of a command's own start-up time. While the pack is unchanged, a command reads
this cache instead and rebuilds the model from it.

The cache is JSON (nothing in it runs when read), one file per pack directory. It is
used only when

- every file of the pack has the length and CRC-32 it had when the pack was cached:
  its content, not its time stamp, so a file replaced by another of the same size and
  modification time is noticed (reading a dozen small files costs well under a
  millisecond; a time stamp would save little and miss that case);
- it was written by this version of eportguide with this model (``definitions.py``
  and the schema that builds it, by content);
- it holds the pack in the language asked for: the pack as written, or with one
  translation applied (``flows/en/``) — then the translation's files count too, and it
  is a file of its own, so that a Chinese run neither reads nor pays for the English;
- on POSIX, the file belongs to the user running the program.

Anything else — no cache, an unreadable, corrupt or foreign one, a directory that
cannot be written — falls back to reading the files, silently: the cache never changes
a result. ``eportguide validate`` never uses it.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eportguide.model import reading
from eportguide.model.files import CALENDAR_FILE, SHARED_FILE, SOURCE_FILE, flow_files, translation_files

if TYPE_CHECKING:
    from eportguide.model import definitions as d

HOME_ENV = "EPORTGUIDE_HOME"  # as for sessions: tests and shared help-desk machines
APP_NAME = "eportguide"
FORMAT = 1
Fingerprint = dict[str, list[int | str]]  # file name -> [length, digest]


def directory() -> Path:
    """``$EPORTGUIDE_HOME/cache``, else the platform's user cache directory."""
    configured = os.environ.get(HOME_ENV)
    if configured:
        return Path(configured) / "cache"
    import platformdirs

    found = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    # HOME="" gives "./.cache", a HOME that does not exist would be created: no cache then,
    # rather than one in the current folder or a home made up for the user.
    if not found.is_absolute() or not Path(os.path.expanduser("~")).is_dir():
        raise OSError(errno.ENOENT, "no home directory")
    return found


def fingerprint(pack_dir: Path, translation: str | None = None) -> Fingerprint | None:
    """Length and digest of each file of the pack (and of its ``translation``); None if one
    cannot be read as a regular file of a pack file's size (the loader then says why)."""
    prints: Fingerprint = {}
    try:  # a directory that cannot be listed (a name too long, say) is read as no cache
        paths = [pack_dir / SHARED_FILE, *flow_files(pack_dir)]
        paths += [pack_dir / name for name in (CALENDAR_FILE, SOURCE_FILE) if (pack_dir / name).exists()]
        if translation is not None:
            paths += translation_files(pack_dir, translation)
        for path in paths:
            data = reading.read_bytes(path, MAX_PACK_FILE_BYTES)
            prints[path.relative_to(pack_dir).as_posix()] = [len(data), _digest(data)]
    except (OSError, ValueError, RuntimeError):  # RuntimeError: a symbolic-link loop (Python < 3.13)
        return None
    return prints


def _digest(data: bytes) -> str:
    """A cryptographic digest: an edit that keeps a file's length cannot keep its digest
    (CRC-32 was once used here, and a same-length, same-CRC edit showed the old content).

    BLAKE2b from CPython's own ``_blake2`` (0.3 ms to import): ``hashlib`` loads OpenSSL
    (3.5 ms), which ``eportguide list`` would pay on every start."""
    try:
        from _blake2 import blake2b
    except ImportError:  # an interpreter built without it
        from hashlib import blake2b
    return blake2b(data, digest_size=16).hexdigest()


def _program(translation: str | None) -> str:
    """This program and its model, by version and by the content of the model's code (and,
    for a translated pack, of the code that applies a translation, read without importing it)."""
    from eportguide import __version__
    from eportguide.model import definitions, schema

    paths = [Path(module.__file__ or "") for module in (definitions, schema)]
    if translation is not None:  # (the search index counts as translated: it reads every language)
        paths += sorted((paths[0].parent / "translations").glob("*.py"))
    code = b"".join(path.read_bytes() for path in paths)
    return f"{__version__}:{_digest(code)}"


def _cache_file(pack_dir: Path, translation: str | None) -> tuple[Path, str]:
    where = str(pack_dir.resolve())
    language = f".{translation}" if translation else ""
    return directory() / f"pack-{_digest(where.encode('utf-8', 'surrogatepass'))[:16]}{language}.json", where


def read(pack_dir: Path, prints: Fingerprint | None, translation: str | None = None) -> d.Pack | None:
    """The cached pack (with ``translation`` applied) when it is still the pack in ``pack_dir``, else None."""
    if prints is None:
        return None
    try:
        path, where = _cache_file(pack_dir, translation)
        cached = _read_record(path)
        if cached is None:
            return None
        if cached.get("format") != FORMAT or cached.get("pack") != where or cached.get("files") != prints:
            return None
        if cached.get("translation") != translation:
            return None
        if cached.get("program") != _program(translation):
            return None
        data = cached["data"]
        if cached.get("digest") != _digest(_canonical(data)):
            return None  # edited or damaged since it was written: read the pack's files again
        return _rebuild(data)
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None


#: A pack file's size limit (the loader's), and a cache file's.
MAX_PACK_FILE_BYTES = 2_000_000
MAX_CACHE_BYTES = 64_000_000


def _canonical(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8", "surrogatepass")


def _read_record(path: Path) -> Any | None:
    """A cache file of ours, as JSON: a regular file of bounded size, owned by this user."""
    raw = reading.read_bytes(path, MAX_CACHE_BYTES)
    if hasattr(os, "getuid") and path.stat().st_uid != os.getuid():
        return None  # written by someone else: not ours to trust
    return json.loads(raw)


def _rebuild(data: Any) -> d.Pack | None:
    from eportguide.model import definitions as d
    from eportguide.model.schema import Builder, Invalid

    builder = Builder()
    try:
        pack = builder.build(d.Pack, data, ())
    except Invalid:
        return None
    return None if builder.problems else pack


def write(pack_dir: Path, pack: d.Pack, prints: Fingerprint | None, translation: str | None = None) -> None:
    """Keep ``pack`` for the next command; quietly nothing if it cannot be written."""
    if prints is None:
        return
    from eportguide.model.schema import to_data

    with contextlib.suppress(OSError, ValueError):
        path, where = _cache_file(pack_dir, translation)
        data = to_data(pack)
        record = {
            "format": FORMAT,
            "program": _program(translation),
            "pack": where,
            "translation": translation,
            "files": prints,
            "data": data,
            "digest": _digest(_canonical(data)),
        }
        _write_atomically(path, json.dumps(record, ensure_ascii=False, separators=(",", ":")))


# --- the search index over the pack in every language ----------------------------------


def index_fingerprint(pack_dir: Path, languages: tuple[str, ...]) -> Fingerprint | None:
    """The pack's files and those of each translation in ``languages``: what the index reads."""
    prints: Fingerprint = {}
    for translation in (None, *languages):
        found = fingerprint(pack_dir, translation)
        if found is None:
            return None
        prints.update(found)
    return prints


def _index_file(pack_dir: Path, spoken: str) -> tuple[Path, str]:
    where = str(pack_dir.resolve())
    return directory() / f"search-{_digest(where.encode('utf-8', 'surrogatepass'))[:16]}.{spoken}.json", where


def _index_program() -> str:
    """As ``_program``, and the search code that made the index."""
    from eportguide.search import matching

    return f"{_program('index')}:{_digest(Path(matching.__file__ or '').read_bytes())}"


def read_index(pack_dir: Path, spoken: str, prints: Fingerprint | None) -> Any | None:
    """The search index kept for the pack read in ``spoken`` (as plain data), or None."""
    if prints is None:
        return None
    try:
        path, where = _index_file(pack_dir, spoken)
        cached = _read_record(path)
        if cached is None:
            return None
        fits = cached.get("format") == FORMAT and cached.get("pack") == where and cached.get("files") == prints
        return cached["index"] if fits and cached.get("program") == _index_program() else None
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None


def write_index(pack_dir: Path, spoken: str, prints: Fingerprint | None, index: Any) -> None:
    """Keep the search index for the next search; quietly nothing if it cannot be written."""
    if prints is None:
        return
    with contextlib.suppress(OSError, ValueError):
        path, where = _index_file(pack_dir, spoken)
        record = {"format": FORMAT, "program": _index_program(), "pack": where, "files": prints, "index": index}
        _write_atomically(path, json.dumps(record, ensure_ascii=False, separators=(",", ":")))


def _write_atomically(path: Path, text: str) -> None:
    import tempfile

    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)  # mode 0600
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

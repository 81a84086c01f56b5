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
import json
import os
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eportguide.model.files import CALENDAR_FILE, SHARED_FILE, SOURCE_FILE, flow_files, translation_files

if TYPE_CHECKING:
    from eportguide.model import definitions as d

HOME_ENV = "EPORTGUIDE_HOME"  # as for sessions: tests and shared help-desk machines
APP_NAME = "eportguide"
FORMAT = 1
Fingerprint = dict[str, list[int]]  # file name -> [length, CRC-32]


def directory() -> Path:
    """``$EPORTGUIDE_HOME/cache``, else the platform's user cache directory."""
    configured = os.environ.get(HOME_ENV)
    if configured:
        return Path(configured) / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def fingerprint(pack_dir: Path, translation: str | None = None) -> Fingerprint | None:
    """Length and CRC-32 of each file of the pack (and of its ``translation``); None if one cannot be read."""
    prints: Fingerprint = {}
    try:  # a directory that cannot be listed (a name too long, say) is read as no cache
        paths = [pack_dir / SHARED_FILE, *flow_files(pack_dir)]
        paths += [pack_dir / name for name in (CALENDAR_FILE, SOURCE_FILE) if (pack_dir / name).exists()]
        if translation is not None:
            paths += translation_files(pack_dir, translation)
        for path in paths:
            data = path.read_bytes()
            prints[path.relative_to(pack_dir).as_posix()] = [len(data), zlib.crc32(data)]
    except (OSError, ValueError):
        return None
    return prints


def _program(translation: str | None) -> str:
    """This program and its model, by version and by the content of the model's code (and,
    for a translated pack, of the code that applies a translation, read without importing it)."""
    from eportguide import __version__
    from eportguide.model import definitions, schema

    paths = [Path(module.__file__ or "") for module in (definitions, schema)]
    if translation is not None:  # (the search index counts as translated: it reads every language)
        paths += sorted((paths[0].parent / "translations").glob("*.py"))
    code = b"".join(path.read_bytes() for path in paths)
    return f"{__version__}:{zlib.crc32(code):08x}"


def _cache_file(pack_dir: Path, translation: str | None) -> tuple[Path, str]:
    where = str(pack_dir.resolve())
    language = f".{translation}" if translation else ""
    return directory() / f"pack-{zlib.crc32(where.encode('utf-8', 'surrogatepass')):08x}{language}.json", where


def read(pack_dir: Path, prints: Fingerprint | None, translation: str | None = None) -> d.Pack | None:
    """The cached pack (with ``translation`` applied) when it is still the pack in ``pack_dir``, else None."""
    if prints is None:
        return None
    try:
        path, where = _cache_file(pack_dir, translation)
        with path.open("rb") as stream:
            if hasattr(os, "getuid") and os.fstat(stream.fileno()).st_uid != os.getuid():
                return None  # written by someone else: not ours to trust
            cached = json.loads(stream.read())
        if cached.get("format") != FORMAT or cached.get("pack") != where or cached.get("files") != prints:
            return None
        if cached.get("translation") != translation:
            return None
        if cached.get("program") != _program(translation):
            return None
        return _rebuild(cached["data"])
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None


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
        record = {
            "format": FORMAT,
            "program": _program(translation),
            "pack": where,
            "translation": translation,
            "files": prints,
            "data": to_data(pack),
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
    return directory() / f"search-{zlib.crc32(where.encode('utf-8', 'surrogatepass')):08x}.{spoken}.json", where


def _index_program() -> str:
    """As ``_program``, and the search code that made the index."""
    from eportguide.search import matching

    return f"{_program('index')}:{zlib.crc32(Path(matching.__file__ or '').read_bytes()):08x}"


def read_index(pack_dir: Path, spoken: str, prints: Fingerprint | None) -> Any | None:
    """The search index kept for the pack read in ``spoken`` (as plain data), or None."""
    if prints is None:
        return None
    try:
        path, where = _index_file(pack_dir, spoken)
        with path.open("rb") as stream:
            if hasattr(os, "getuid") and os.fstat(stream.fileno()).st_uid != os.getuid():
                return None
            cached = json.loads(stream.read())
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

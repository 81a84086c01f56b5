"""Files from outside, read safely: a pack file, a cache or session file, an answers
file, an attachment.

Only a regular file is read (a FIFO would block forever, ``/dev/zero`` never ends), its
size is checked before a byte is read and the read stops one byte past the limit (a
file may grow meanwhile); it is opened without blocking, and a symbolic-link loop is an
error like any other. Every refusal is an ``OSError`` whose ``strerror`` says why in the
program's words, so the callers' existing ``except OSError`` handling words it.
"""

import errno
import os
import stat
from pathlib import Path

_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_CHUNK = 1 << 20


class NotRegular(OSError):
    """A device, a pipe, a socket or a folder where a file was expected."""


class TooLarge(OSError):
    """Larger than the limit the caller set."""

    def __init__(self, reason: str, limit: int) -> None:
        super().__init__(errno.EFBIG, reason)
        self.limit = limit


def read_bytes(path: Path | str, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them."""
    from eportguide.i18n import wording as w

    try:
        descriptor = os.open(path, _FLAGS)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise OSError(errno.ELOOP, w.OS_LINK_LOOP) from None
        raise
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, w.OS_IS_A_FOLDER)
        if not stat.S_ISREG(info.st_mode):
            if _is_null_device(info):
                return b""  # "--answers /dev/null": the shell's way to say "nothing"
            raise NotRegular(errno.EINVAL, w.OS_NOT_A_REGULAR_FILE)
        if info.st_size > limit:
            raise TooLarge(w.FILE_TOO_LARGE.format(limit=limit), limit)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(descriptor, min(left, _CHUNK))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > limit:
            raise TooLarge(w.FILE_TOO_LARGE.format(limit=limit), limit)
        return data
    finally:
        os.close(descriptor)


def _is_null_device(info: os.stat_result) -> bool:
    try:
        return os.path.samestat(info, os.stat(os.devnull))
    except OSError:
        return False

"""Standard output and error that a console's encoding or a full disk cannot crash.

A GBK console (most clerks' Windows machines) cannot show an emoji typed into an
answer; an ASCII one cannot show Chinese. What can be printed is printed: each character
the console's encoding lacks becomes ``?``, and ``replaced()`` counts them so the
program can say so once. A write that fails (``> /dev/full``) ends the command as a user
error ("无法写入 标准输出", exit 2), as ``-o`` to a full disk does, not as a crash.

Loaded by ``cli.main`` before anything prints; it imports nothing heavy.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import sys
from typing import Any

from eportguide.errors import UsageError
from eportguide.i18n import wording as w
from eportguide.model import unsafe

ERRORS = "eportguide-replace"
REPLACEMENT = "?"
_replaced = 0


class OutputFailed(UsageError):
    """Standard output could not be written (a full disk, a closed device)."""


def _replace(error: UnicodeError) -> tuple[str, int]:
    global _replaced
    if not isinstance(error, UnicodeEncodeError):
        raise error
    count = error.end - error.start
    _replaced += count
    return REPLACEMENT * count, error.end


codecs.register_error(ERRORS, _replace)


def replaced() -> int:
    """How many characters were printed as ``?`` so far."""
    return _replaced


def encoding() -> str:
    """The encoding of standard output (or error), as the note about ``?`` names it."""
    stream = sys.stdout or sys.stderr
    return str(getattr(stream, "encoding", "") or "")


class _Guarded(io.BufferedIOBase):
    """The byte stream under a console's text stream; a failed write raises ``OutputFailed``.

    Once failed, every later write and flush raises it again without trying (a library
    that swallows one exception must not make the output look complete). Standard error
    has nowhere to report its own failure: there, failed writes are dropped. A broken
    pipe (the reader went away, as with ``| head``) is left to the CLI, which ends quietly.
    """

    def __init__(self, buffer: Any, name: str, report: bool) -> None:
        super().__init__()
        self._buffer = buffer
        self._name = name
        self.report = report
        self._failure: OutputFailed | None = None

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return int(self._buffer.fileno())

    def isatty(self) -> bool:
        return bool(self._buffer.isatty())

    def write(self, data: Any) -> int:
        if len(data):  # click probes with b"": no reason to touch the device
            self._guard(self._buffer.write, data)
        return len(data)

    def flush(self) -> None:
        self._guard(self._buffer.flush)

    def _guard(self, operation: Any, *args: Any) -> None:
        if self._failure is None:
            try:
                operation(*args)
                return
            except BrokenPipeError:
                raise
            except OSError as exc:
                self._failure = OutputFailed(w.CANNOT_WRITE.format(path=self._name, reason=exc.strerror or exc))
        if self.report:
            raise self._failure


_guards: list[_Guarded] = []


def settle() -> None:
    """The failure has been reported: from now on failed writes are dropped quietly
    (the interpreter's last flush at exit would otherwise print the failure again)."""
    for guarded in _guards:
        guarded.report = False


#: What the program itself writes to a terminal: colours and cursor moves (CSI sequences).
#: Anything else that drives a terminal (OSC titles and hyperlinks, BEL, bidi overrides)
#: can only have come from outside text, and is written out visibly.
_OWN_SEQUENCE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def neutralised(text: str) -> str:
    """``text`` with every unsafe character made visible but the program's own CSI sequences."""
    if unsafe.find(text) is None:
        return text
    parts, start = [], 0
    for match in _OWN_SEQUENCE.finditer(text):
        parts += [unsafe.visible(text[start : match.start()]), match.group(0)]
        start = match.end()
    parts.append(unsafe.visible(text[start:]))
    return "".join(parts)


class _Visible(io.TextIOWrapper):
    """The last line of defence: outside text is made visible where it is read in, and
    here once more, whatever path it took to the standard streams."""

    def write(self, text: str) -> int:
        super().write(neutralised(text))
        return len(text)


class _Closed(io.TextIOBase):
    """A standard stream the program was started without (``>&-``, ``<&-``)."""

    def __init__(self, name: str, failure: OutputFailed | None) -> None:
        super().__init__()
        self.name = name
        self._failure = failure

    def isatty(self) -> bool:
        return False

    def readable(self) -> bool:
        return self._failure is None

    def read(self, size: int | None = -1) -> str:
        return ""  # a closed standard input reads as empty: nothing typed

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        return ""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if self._failure is not None and text:
            raise self._failure
        return len(text)


def _guarded(stream: Any, name: str, report: bool) -> Any:
    if not isinstance(stream, io.TextIOWrapper):  # None (pythonw), or replaced by a test harness
        return stream
    guarded = _Guarded(stream.buffer, name, report)
    _guards.append(guarded)
    # newline=None writes os.linesep, as the interpreter's own stdout does on every platform.
    return _Visible(
        guarded,  # type: ignore[arg-type]  # a BufferedIOBase, as the interpreter's own
        encoding=stream.encoding,
        errors=ERRORS,
        line_buffering=stream.line_buffering,
        write_through=stream.write_through,
    )


def guard() -> None:
    """Replace ``sys.stdout`` and ``sys.stderr`` by guarded streams of the same encoding.

    A stream the program was started without (closed by the shell: ``>&-``) is replaced
    too: standard input reads as empty, standard error swallows what is said, and
    standard output fails as a full disk does (exit 2, said on standard error)."""
    if sys.stdin is None or _closed(0):
        sys.stdin = _Closed("stdin", None)
    if sys.stderr is None or _closed(2):
        sys.stderr = _Closed(w.STANDARD_ERROR, None)
    if sys.stdout is None or _closed(1):
        sys.stdout = _Closed(w.STANDARD_OUTPUT, OutputFailed(w.CANNOT_WRITE.format(path=w.STANDARD_OUTPUT, reason=w.STREAM_CLOSED)))
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.flush()  # nothing written yet may be lost between the two
    sys.stdout = _guarded(sys.stdout, w.STANDARD_OUTPUT, report=True)
    sys.stderr = _guarded(sys.stderr, w.STANDARD_ERROR, report=False)


def _closed(descriptor: int) -> bool:
    """Whether the standard stream's file descriptor is not open (pythonw: no console)."""
    try:
        os.fstat(descriptor)
    except OSError:
        return True
    except ValueError:
        return False
    return False

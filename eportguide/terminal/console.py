"""The rich consoles the program prints to; rich honours NO_COLOR and TERM=dumb.

Every text a console draws passes ``unsafe.visible`` on its way out: a pack, an answer
or a file name that slipped an escape sequence past its door still cannot drive the
terminal. rich's own colours and cursor moves are control segments, left as they are.
"""

import sys
from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.segment import Segment

from eportguide.model import unsafe


class _VisibleConsole(Console):
    def render(self, renderable: Any, options: Any = None) -> Iterable[Segment]:
        for segment in super().render(renderable, options):
            if segment.control or unsafe.find(segment.text) is None:
                yield segment
            else:
                yield Segment(unsafe.visible(segment.text), segment.style)


class _Console(_VisibleConsole):
    """A console whose closed pipe (``eportguide list | head -1``) ends the command quietly.

    rich's own handling exits with status 1, which the CLI reserves for validation
    findings; raised as ``BrokenPipeError``, the CLI ends with 0 and says nothing.
    """

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def output_console(file: object = None, width: int | None = None) -> Console:
    return _Console(file=file or sys.stdout, width=width, soft_wrap=False)  # type: ignore[arg-type]


def error_console() -> Console:
    # soft_wrap: a message such as "file:line:col: …" must not be broken across lines.
    return _VisibleConsole(file=sys.stderr, soft_wrap=True)

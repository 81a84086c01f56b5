"""The rich consoles the program prints to; rich honours NO_COLOR and TERM=dumb."""

import sys

from rich.console import Console


class _Console(Console):
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
    return Console(file=sys.stderr, soft_wrap=True)

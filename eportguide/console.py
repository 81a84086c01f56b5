"""The rich consoles the program prints to; rich honours NO_COLOR and TERM=dumb."""

import sys

from rich.console import Console


def output_console(file: object = None, width: int | None = None) -> Console:
    return Console(file=file or sys.stdout, width=width, soft_wrap=False)  # type: ignore[arg-type]


def error_console() -> Console:
    # soft_wrap: a message such as "file:line:col: …" must not be broken across lines.
    return Console(file=sys.stderr, soft_wrap=True)

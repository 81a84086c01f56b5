"""A real pseudo-terminal of a given size, and the screen a person would see on it.

pexpect runs eportguide in a pseudo-terminal; pyte, a terminal emulator, plays the
output back onto a screen of the same size, so that a test can read what is where:
which row a message is on, whether a line was cut at the right edge.
"""

import os
import sys
import time

import pexpect
import pyte

DOWN, UP, ENTER = "\x1b[B", "\x1b[A", "\r"


class _AnsweringScreen(pyte.Screen):
    """A screen that answers "where is the cursor?" (CPR) as a real terminal does.

    prompt_toolkit asks it before drawing a prompt and then fills the rows below the
    cursor; a terminal that never answers is drawn differently from tmux or Windows
    Terminal, so a test would miss what the user sees.
    """

    child: pexpect.spawn | None = None

    def write_process_input(self, data: str) -> None:
        if self.child is not None:
            self.child.send(data)


class Terminal:
    def __init__(self, home, *args: str, columns: int = 80, rows: int = 50, cwd=None) -> None:
        env = {**os.environ, "EPORTGUIDE_HOME": str(home), "TERM": "xterm-256color"}
        for name in ("COLUMNS", "LINES", "NO_COLOR"):  # the size is the terminal's own
            env.pop(name, None)
        self.screen = _AnsweringScreen(columns, rows)
        self.stream = pyte.Stream(self.screen)
        self.child = pexpect.spawn(
            sys.executable,
            ["-m", "eportguide", *args],
            env=env,
            encoding="utf-8",
            timeout=20,
            dimensions=(rows, columns),
            cwd=str(cwd) if cwd is not None else None,
        )
        self.child.logfile_read = self
        self.screen.child = self.child

    # pexpect hands everything it reads to ``logfile_read``: the emulator draws it.
    def write(self, text: str) -> None:
        self.stream.feed(text)

    def flush(self) -> None:
        pass

    def expect(self, pattern: str) -> None:
        self.child.expect(pattern)

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def settle(self, seconds: float = 0.4) -> None:
        """Let the program finish drawing (a prompt redraws after its first line)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                self.child.read_nonblocking(65536, timeout=0.1)
            except pexpect.TIMEOUT:
                continue
            except pexpect.EOF:
                return

    def lines(self) -> list[str]:
        """The screen's rows as text, trailing blanks removed."""
        return [line.rstrip() for line in self.screen.display]

    def rows_of(self, text: str) -> list[int]:
        """The rows showing ``text``, top first; ValueError if none does."""
        rows = [number for number, line in enumerate(self.lines()) if text in line]
        if not rows:
            raise ValueError(f"{text!r} is not on the screen:\n" + "\n".join(self.lines()))
        return rows

    def row_of(self, text: str) -> int:
        """The last row showing ``text``; ValueError if none does."""
        return self.rows_of(text)[-1]

    def finish(self) -> int:
        self.child.expect(pexpect.EOF)
        self.child.close()
        return self.child.exitstatus if self.child.exitstatus is not None else 128 + (self.child.signalstatus or 0)

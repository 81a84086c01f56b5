"""What a command knows of the process it runs in, resolved once: the context handed to it.

One ``Environment`` per command line, made the first time something asks for it while the
command is resolved (``of(ctx)``, kept on click's root context): the flows pack chosen
(``--flows``, else ``$EPORTGUIDE_FLOWS``, else the shipped one), whether stdin and stdout
are terminals, the environment variables, the language spoken and the home directory of
the sessions. A command is a function of its arguments and this context, as httpie's
commands are of its ``Environment``; a test builds one to simulate a terminal or a pipe
(``CliRunner().invoke(app, args, obj=Environment(stdin_is_terminal=True, …))``).

May import: ``i18n``, ``errors``, ``model``, ``store``, ``packs``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from eportguide.store.sessions import Store


class Environment:
    """The pack, the terminal, the home directory, the language and the environment variables."""

    __slots__ = ("_home", "environ", "flows", "pack_chosen", "stdin_is_terminal", "stdout_is_terminal")

    def __init__(
        self,
        flows: Path | str | None = None,
        *,
        stdin_is_terminal: bool | None = None,
        stdout_is_terminal: bool | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        from eportguide.packs import active

        self.environ: Mapping[str, str] = dict(os.environ if environ is None else environ)
        #: Whether ``--flows`` or ``$EPORTGUIDE_FLOWS`` named the pack (else the shipped one).
        self.pack_chosen = flows is not None or bool(self.environ.get(active.FLOWS_ENV))
        self.flows = active.pack_dir(flows, self.environ)
        self.stdin_is_terminal = _is_terminal(sys.stdin) if stdin_is_terminal is None else stdin_is_terminal
        self.stdout_is_terminal = _is_terminal(sys.stdout) if stdout_is_terminal is None else stdout_is_terminal
        self._home: Path | None = None

    @property
    def person_at_terminal(self) -> bool:
        """A person can be asked: stdin and stdout are both a terminal, not a pipe or a file."""
        return self.stdin_is_terminal and self.stdout_is_terminal

    @property
    def language(self) -> str:
        """The language spoken (settled before any command runs; a resumed session may change it)."""
        from eportguide.i18n import language

        return language.current()

    @property
    def home(self) -> Path:
        """``$EPORTGUIDE_HOME``, else the platform's user data directory: found on first use,
        since finding the platform's costs start-up that most commands never need."""
        if self._home is None:
            from eportguide.store import sessions

            self._home = sessions.home(self.environ)
        return self._home

    def sessions(self) -> Store:
        """The saved sessions under the home directory."""
        from eportguide.store import sessions

        return sessions.Store(self.home / sessions.SUBDIRECTORY)


def of(ctx: Any) -> Environment:
    """The command line's environment (click's root context keeps it); made on first use."""
    root = ctx.find_root()
    if not isinstance(root.obj, Environment):
        root.obj = Environment(root.params.get("flows"))
    return root.obj


def _is_terminal(stream: Any) -> bool:
    try:
        return stream is not None and bool(stream.isatty())
    except (ValueError, OSError):  # closed, or detached
        return False

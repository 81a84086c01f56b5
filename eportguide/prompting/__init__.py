"""Asking questions: one interface, answered from a script or from a person.

``Prompter.ask`` returns the stored value of an answer, or a navigation request. The
interactive prompter (questionary) lives in its own module so that commands which
never prompt never import prompt_toolkit.

May import: every layer below it: ``i18n``, ``errors``, ``model``, ``workdays``, ``search``,
``store``, ``terminal``, ``engine``, ``packs``, ``render``.
"""

from enum import Enum
from typing import NamedTuple, Protocol

from eportguide.engine.walker import Answered, Question


class Navigation(Enum):
    BACK = "back"
    RESTART = "restart"


class Prompter(Protocol):
    def ask(self, question: Question, previous: str | None, can_go_back: bool) -> str | Navigation: ...

    def review(self, path: tuple[Answered, ...]) -> str | Navigation | None:
        """Before the outcome: ``None`` to accept the answers, or the key of one to change."""
        ...


class Entry(NamedTuple):
    """A menu entry: what the user sees, and what choosing it returns."""

    label: str
    value: object


class Heading(NamedTuple):
    """A line in a menu that cannot be chosen: a category's name, or a divider."""

    text: str


MenuLine = Entry | Heading

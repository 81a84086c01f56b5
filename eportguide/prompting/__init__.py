"""Asking questions: one interface, answered from a script or from a person.

``Prompter.ask`` returns the stored value of an answer, or a navigation request. The
interactive prompter (questionary) lives in its own module so that commands which
never prompt never import prompt_toolkit.
"""

from enum import Enum
from typing import Protocol

from eportguide.engine import Question


class Navigation(Enum):
    BACK = "back"
    RESTART = "restart"


class Prompter(Protocol):
    def ask(self, question: Question, previous: str | None, can_go_back: bool) -> str | Navigation: ...

"""The pure state machine: given a flow and answers, the next question or the result.

No printing, prompting or file access happens in this package. Its names load on
first use (PEP 562), so that importing one module of it does not import the walk and
the rest.

May import: ``i18n``, ``errors``, ``model``, ``workdays``.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from eportguide.engine.answers import InvalidAnswer, parse
    from eportguide.engine.result import Result, build
    from eportguide.engine.walker import Finished, FlowError, Pending, Question, answer_log, prune, walk

#: Each public name and the module that defines it.
_HOMES = {
    "InvalidAnswer": "answers",
    "parse": "answers",
    "Result": "result",
    "build": "result",
    "Finished": "walker",
    "FlowError": "walker",
    "Pending": "walker",
    "Question": "walker",
    "answer_log": "walker",
    "prune": "walker",
    "walk": "walker",
}

__all__ = [  # the names of _HOMES (ruff checks this list against the imports above)
    "Finished",
    "FlowError",
    "InvalidAnswer",
    "Pending",
    "Question",
    "Result",
    "answer_log",
    "build",
    "parse",
    "prune",
    "walk",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{home}"), name)

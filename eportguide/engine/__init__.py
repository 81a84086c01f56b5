"""The pure state machine: given a flow and answers, the next question or the result.

No printing, prompting or file access happens in this package.
"""

from eportguide.engine.answers import InvalidAnswer, parse
from eportguide.engine.result import Result, build
from eportguide.engine.walk import Finished, FlowError, Pending, Question, answer_log, prune, walk

__all__ = [
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

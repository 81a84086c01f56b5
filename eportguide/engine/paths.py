"""Every path through a flow, from its start to an outcome, with the answers that take it.

The walk is replayed with each possible answer in turn: every choice, both answers of
a yes/no question and of an e-mail details gate, "done" for an instruction, and a
blank for a text field (a text's value never changes the path). Sub-flows are walked
as part of their parent, so their questions appear with their prefixed keys.
"""

from collections.abc import Iterator, Mapping

from eportguide.engine.walker import Finished, Question, answer_log, walk
from eportguide.model import definitions as d


def every_path(pack: d.Pack, flow_id: str) -> Iterator[Finished]:
    """Each finished walk of the flow, depth first, in the order the choices are listed."""
    pending: list[dict[str, str]] = [{}]
    while pending:
        answers = pending.pop()
        position = walk(pack, flow_id, answers)
        if isinstance(position, Finished):
            yield position
            continue
        question = position.question
        for value in reversed(answers_to(question)):  # reversed: the first option is walked first
            pending.append({**answers, question.key: value})


def answers_to(question: Question) -> tuple[str, ...]:
    """The answers that may lead somewhere different: all options, or a blank text."""
    if question.kind == "text":
        return ("",)
    return tuple(option.value for option in question.options)


def given(finished: Finished) -> Mapping[str, str]:
    """The answers a user gives to take this path (a sub-flow's presets are not asked)."""
    return answer_log(finished.path)

"""A detail filled in after the run: the tracking number exists only once the card is mailed.

``with_detail`` replays a finished run's answers with one detail of the e-mail given
(every field of that name, a sub-flow's included). A run that skipped the details
(否 at "现在填写申请邮件的内容吗？") now says 是 there, its other details left blank, as
a script that gives one detail does. Pure: no printing, no files.
"""

from collections.abc import Mapping

from eportguide.engine.walker import Finished, Pending, walk
from eportguide.model import answer_key
from eportguide.model import definitions as d

#: More steps than any flow has questions: a walk that does not settle is given up.
MAX_STEPS = 200


def _name(key: str) -> str:
    return answer_key.field_name(key)


def with_detail(pack: d.Pack, flow_id: str, answers: Mapping[str, str], name: str, value: str) -> Finished | None:
    """The run finished again with detail ``name`` set to ``value``; None when its path
    asks no such detail (the outcome's e-mail has no field for it)."""
    log = {k: (value if _name(k) == name else v) for k, v in answers.items()}
    opened: set[str] = set()
    for _ in range(MAX_STEPS):
        position = walk(pack, flow_id, log)
        if isinstance(position, Finished):
            if any(_name(a.key) == name and a.value == value for a in position.path):
                return position
            gate = _closed_gate(pack, flow_id, log, position, name, opened)
            if gate is None:
                return None
            opened.add(gate)
            log[gate] = d.YES
            continue
        question = position.question
        if question.kind == "text":
            log[question.key] = value if _name(question.key) == name else ""
        elif question.implied_by and any(_name(k) == name for k in question.implied_by):
            log[question.key] = d.YES
        else:
            return None  # a question the first run did not answer: not this detail's to settle
    return None


def _closed_gate(pack: d.Pack, flow_id: str, log: Mapping[str, str], done: Finished, name: str, opened: set[str]) -> str | None:
    """A details question answered 否 whose details include ``name``: the key to answer 是."""
    for answered in done.path:
        if answered.value != d.NO or answered.preset or answered.key in opened:
            continue
        position = walk(pack, flow_id, {k: v for k, v in log.items() if k != answered.key})
        question = position.question if isinstance(position, Pending) else None
        if question is not None and question.key == answered.key and any(_name(k) == name for k in question.implied_by):
            return answered.key
    return None

"""Drives one run of a flow: asks the prompter, replays the engine, reports progress.

The answer log is the whole state of a run; ``on_change`` receives it after every
answer so that a session can be saved, and Ctrl-C ends the run as ``Interrupted``.
Before the outcome, a prompter that reviews (a person at a terminal) sees every answer
and may change any one of them.
"""

from collections.abc import Callable

from eportguide.engine.walker import Finished, Pending, answer_log, walk
from eportguide.errors import Interrupted
from eportguide.i18n import wording as w
from eportguide.model import answer_key
from eportguide.model import definitions as d
from eportguide.model.definitions import DONE
from eportguide.prompting import Navigation, Prompter

Answers = dict[str, str]


class LeftFlow(Exception):  # not an error: the user went back out of the flow
    """返回上一步 at the first question, where the flow was chosen from a menu."""


def drive(
    pack: d.Pack,
    flow_id: str,
    prompter: Prompter,
    answers: Answers | None = None,
    on_change: Callable[[Answers], None] | None = None,
    can_leave: bool = False,
) -> Finished:
    """Ask until the flow reaches its outcome; ``answers`` is the log to start from.

    With ``can_leave`` (the flow was picked from the triage menu) the first question
    also offers 返回上一步, which raises ``LeftFlow``.
    """
    log: Answers = dict(answers or {})
    # Every answer of this run by its field's own name, offered again as the default
    # wherever that field returns: the details typed for the 法人卡 come back when the
    # review changes the card and a sub-flow asks them, or after 否 → 是 on the gate.
    remembered: Answers = {answer_key.field_name(k): v for k, v in log.items()}
    try:
        while True:
            position = walk(pack, flow_id, log)
            if isinstance(position, Finished):
                used = answer_log(position.path)
                if used != log:  # answers the final path no longer asks are dropped
                    log = used
                    if on_change is not None:
                        on_change(log)
                changed = _review(pack, flow_id, prompter, position, log)
                if changed is None:
                    return position
                if isinstance(changed, Navigation):  # 重新开始: a fresh start, no defaults either
                    log, remembered = {}, {}
                else:
                    log = changed
                    remembered.update((answer_key.field_name(k), v) for k, v in log.items())
                if on_change is not None:
                    on_change(log)
                continue
            asked = [a.key for a in position.path if not a.preset]
            key = position.question.key
            previous = position.previous if position.previous is not None else remembered.get(answer_key.field_name(key))
            reply = prompter.ask(position.question, previous, can_go_back=bool(asked) or can_leave)
            if reply is Navigation.BACK and not asked:
                raise LeftFlow
            if reply is Navigation.BACK:
                log = {k: log[k] for k in asked[:-1]}
            elif reply is Navigation.RESTART:
                log, remembered = {}, {}
            else:
                assert isinstance(reply, str)
                # Answers after this one stay: a resumed run whose flow changed replays
                # those that still fit (the walk drops the rest when it finishes).
                later = {k: v for k, v in log.items() if k not in asked and k != key}
                log = {k: log[k] for k in asked}
                log[key] = reply
                log.update(later)
                remembered[answer_key.field_name(key)] = reply
            if on_change is not None:
                on_change(log)
    except KeyboardInterrupt:
        raise Interrupted(w.INTERRUPTED) from None
    except EOFError:
        raise Interrupted(w.CLOSED_INPUT) from None


def _review(pack: d.Pack, flow_id: str, prompter: Prompter, finished: Finished, log: Answers) -> Answers | Navigation | None:
    """Show every answer before the outcome; ``None`` when confirmed, else the changed log
    (``Navigation.RESTART``, the only navigation returned, to start again).

    Changing an answer asks that one question again with the old answer as default and
    keeps the answers after it: the walk replays them by key, so those that still apply
    stay and those the new path does not ask are dropped when it finishes.
    """
    if not any(a.key in log and a.value != DONE for a in finished.path):
        return None  # nothing was asked (instructions aside): nothing to review
    choice = prompter.review(finished.path)
    if choice is None:
        return None
    if choice is Navigation.RESTART:
        return Navigation.RESTART
    if choice is Navigation.BACK:
        return dict(list(log.items())[:-1])
    assert isinstance(choice, str) and choice in log
    position = walk(pack, flow_id, {k: v for k, v in log.items() if k != choice})
    assert isinstance(position, Pending) and position.question.key == choice
    reply = prompter.ask(position.question, log[choice], can_go_back=True)
    if reply is Navigation.BACK:  # changed their mind: back to the review
        return dict(log)
    if reply is Navigation.RESTART:
        return Navigation.RESTART
    assert isinstance(reply, str)
    return {k: (reply if k == choice else v) for k, v in log.items()}

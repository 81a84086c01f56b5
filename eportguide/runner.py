"""Drives one run of a flow: asks the prompter, replays the engine, reports progress.

The answer log is the whole state of a run; ``on_change`` receives it after every
answer so that a session can be saved, and Ctrl-C ends the run as ``Interrupted``.
"""

from collections.abc import Callable

from eportguide import engine
from eportguide import wording as w
from eportguide.errors import Interrupted
from eportguide.model import definitions as d
from eportguide.prompting import Navigation, Prompter

Answers = dict[str, str]


def drive(
    pack: d.Pack,
    flow_id: str,
    prompter: Prompter,
    answers: Answers | None = None,
    on_change: Callable[[Answers], None] | None = None,
) -> engine.Finished:
    """Ask until the flow reaches its outcome; ``answers`` is the log to start from."""
    log: Answers = dict(answers or {})
    try:
        while True:
            position = engine.walk(pack, flow_id, log)
            if isinstance(position, engine.Finished):
                return position
            asked = [a.key for a in position.path if not a.preset]
            reply = prompter.ask(position.question, position.previous, can_go_back=bool(asked))
            if reply is Navigation.BACK:
                log = {k: log[k] for k in asked[:-1]}
            elif reply is Navigation.RESTART:
                log = {}
            else:
                assert isinstance(reply, str)
                log = {k: log[k] for k in asked}
                log[position.question.key] = reply
            if on_change is not None:
                on_change(log)
    except KeyboardInterrupt:
        raise Interrupted(w.INTERRUPTED) from None
    except EOFError:
        raise Interrupted(w.CLOSED_INPUT) from None

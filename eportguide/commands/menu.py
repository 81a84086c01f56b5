"""Bare ``eportguide`` on a terminal: triage, then the chosen procedure.

First "遇到了什么问题？": the user describes the problem in their own words and picks
from the procedures ``search`` ranks for it, or presses Enter to browse every procedure
by category. When nothing matches, they are told so (with the hotline) and may
describe it again or browse.
"""

from pathlib import Path
from typing import Any

from eportguide import packs
from eportguide import wording as w
from eportguide.model import definitions as d

#: Menu entries that are not procedures (objects: no flow id can equal them).
DESCRIBE_AGAIN = object()
BROWSE = object()
SUGGESTIONS = 5


def _io(input: object, output: object) -> dict[str, Any]:
    return {k: v for k, v in (("input", input), ("output", output)) if v is not None}


def _asked(answer: Any) -> Any:
    if answer is None:  # questionary returns None when the prompt was closed
        raise EOFError
    return answer


def _select(message: str, choices: list[Any], io: dict[str, Any]) -> Any:
    """A menu drawn like the wizard's own questions."""
    import questionary

    from eportguide.prompting.interactive import POINTER, QMARK

    return questionary.select(message, choices=choices, qmark=QMARK, pointer=POINTER, instruction=w.SELECT_INSTRUCTION, **io).unsafe_ask()


def browse(pack: d.Pack, io: dict[str, Any]) -> str:
    """Every procedure, grouped by category."""
    from questionary import Choice, Separator

    choices: list[Any] = []
    category = None
    for flow in pack.flows.values():
        if flow.category != category:
            category = flow.category
            choices.append(Separator(f"-- {category} --"))
        choices.append(Choice(f"{flow.title}", value=flow.id))
    return str(_asked(_select(w.MENU_PROMPT, choices, io)))


def choose_flow(pack_directory: Path, input: object = None, output: object = None) -> str:
    """Ask what the problem is; the id of the procedure chosen."""
    import questionary
    from questionary import Choice, Separator

    from eportguide import matching
    from eportguide.commands.search import no_match_message
    from eportguide.prompting.interactive import QMARK

    pack = packs.load(pack_directory)
    io = _io(input, output)
    while True:
        words = _asked(questionary.text(w.TRIAGE_PROMPT, qmark=QMARK, instruction=w.TRIAGE_INSTRUCTION, **io).unsafe_ask())
        if not words.strip():
            return browse(pack, io)
        found = matching.search(pack, words, SUGGESTIONS)
        choices: list[Any] = [Choice(f"{pack.flow(m.flow_id).title}（{m.flow_id}）", value=m.flow_id) for m in found]
        if found:
            choices.append(Separator("-" * 12))
        else:
            questionary.print(no_match_message(pack), style="bold", **{k: v for k, v in io.items() if k == "output"})
        choices += [Choice(w.TRIAGE_DESCRIBE_AGAIN, value=DESCRIBE_AGAIN), Choice(w.TRIAGE_BROWSE, value=BROWSE)]
        message = w.TRIAGE_PICK if found else w.TRIAGE_NEXT
        answer = _asked(_select(message, choices, io))
        if answer is BROWSE:
            return browse(pack, io)
        if answer is not DESCRIBE_AGAIN:
            return str(answer)


def run(flows: Path | None) -> None:
    from eportguide.commands.run import RunOptions, execute
    from eportguide.errors import Interrupted

    try:
        flow_id = choose_flow(packs.pack_dir(flows))
    except (KeyboardInterrupt, EOFError):
        raise Interrupted(w.INTERRUPTED) from None
    execute(RunOptions(flow_id=flow_id, flows=flows))
